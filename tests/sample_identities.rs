//! The clean sample, read back from its long CSV, satisfies every identity of the check
//! catalogue, and its magnitudes are those of the five countries.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::{Breakdown, Dataset, Sex, TableId, category_kind};
use migreview::sample::generate::{REPORTERS, YEARS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Key = (TableId, String, u16, Sex, String, String);

struct Data {
    values: BTreeMap<Key, f64>,
}

impl Data {
    fn clean() -> Data {
        let bytes = migreview::sample::clean_files()
            .into_iter()
            .find(|(n, _)| *n == "sample_long.csv")
            .map(|(_, b)| b)
            .unwrap_or(&[]);
        let dataset = match load::load_bytes(
            Path::new("sample_long.csv"),
            bytes,
            &ImportOptions::default(),
            &LoadControl::new(),
        ) {
            Ok((dataset, _)) => dataset,
            Err(e) => panic!("{e}"),
        };
        Data::of(&dataset)
    }

    fn of(dataset: &Dataset) -> Data {
        let mut values = BTreeMap::new();
        for o in dataset.obs() {
            let key = (
                o.table,
                dataset.str(o.reporter).to_string(),
                o.year,
                o.sex,
                dataset.str(o.age).to_string(),
                dataset.str(o.category).to_string(),
            );
            let previous = values.insert(key.clone(), o.number().unwrap_or(f64::NAN));
            assert!(previous.is_none(), "duplicate key {key:?}");
        }
        Data { values }
    }

    fn get(&self, table: TableId, reporter: &str, year: u16, sex: Sex, category: &str) -> f64 {
        self.values
            .get(&(
                table,
                reporter.into(),
                year,
                sex,
                "TOTAL".into(),
                category.into(),
            ))
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// The categories of a table of a reporter (age TOTAL).
    fn categories(&self, table: TableId, reporter: &str) -> BTreeSet<String> {
        self.values
            .keys()
            .filter(|k| k.0 == table && k.1 == reporter && k.4 == "TOTAL")
            .map(|k| k.5.clone())
            .collect()
    }

    fn partner_sum(&self, table: TableId, reporter: &str, year: u16, sex: Sex) -> f64 {
        self.categories(table, reporter)
            .iter()
            .filter(|c| *c != "TOTAL")
            .map(|c| self.get(table, reporter, year, sex, c))
            .sum()
    }
}

const SEXES: [Sex; 3] = [Sex::T, Sex::M, Sex::F];

#[test]
fn every_value_is_a_whole_non_negative_number_with_one_rule_per_table() {
    let data = Data::clean();
    assert!(data.values.len() > 18_000, "{}", data.values.len());
    for (key, value) in &data.values {
        assert!(
            value.is_finite() && *value >= 0.0 && value.fract() == 0.0,
            "{key:?} = {value}"
        );
    }
    let bytes = migreview::sample::clean_files()
        .into_iter()
        .find(|(n, _)| *n == "sample_long.csv")
        .map(|(_, b)| b)
        .unwrap_or(&[]);
    let mut rules: BTreeMap<(String, String), BTreeSet<(String, String)>> = BTreeMap::new();
    for record in csv::Reader::from_reader(bytes).records() {
        let record = record.unwrap_or_default();
        let field = |k| record.get(k).unwrap_or("").to_string();
        rules
            .entry((field(0), field(1)))
            .or_default()
            .insert((field(8), field(9)));
    }
    assert_eq!(rules.len(), 15 * 5);
    for ((table, reporter), set) in rules {
        assert_eq!(set.len(), 1, "{table} {reporter}: {set:?}");
        let duration = &set
            .iter()
            .next()
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        let expected = if ["POP", "BIRTHS", "DEATHS"].contains(&table.as_str()) {
            ""
        } else {
            "12"
        };
        assert_eq!(duration, expected, "{table} {reporter}");
    }
}

#[test]
fn men_and_women_add_up_and_partners_statuses_and_ages_add_up() {
    let data = Data::clean();
    let mut sex_cases = 0;
    for (key, total) in data.values.iter().filter(|(k, _)| k.3 == Sex::T) {
        let (table, reporter, year, _, age, category) = key;
        let m = data.values.get(&(
            *table,
            reporter.clone(),
            *year,
            Sex::M,
            age.clone(),
            category.clone(),
        ));
        let f = data.values.get(&(
            *table,
            reporter.clone(),
            *year,
            Sex::F,
            age.clone(),
            category.clone(),
        ));
        assert_eq!(Some(*total), m.zip(f).map(|(m, f)| m + f), "{key:?}");
        sex_cases += 1;
    }
    assert_eq!(sex_cases * 3, data.values.len());
    let mut partner_cases = 0;
    for table in TableId::ALL.into_iter().filter(|t| t.is_by_country()) {
        for reporter in REPORTERS {
            for categories in [data.categories(table, reporter)] {
                for category in &categories {
                    let kind = category_kind(category);
                    assert!(
                        kind.is_part_of_partner_total() || category == "TOTAL",
                        "{category}"
                    );
                }
                assert!(
                    !categories.contains(reporter),
                    "{table} {reporter} lists itself"
                );
                assert!(categories.contains("UNK") && categories.contains("OTHER"));
            }
            for year in YEARS {
                for sex in SEXES {
                    let total = data.get(table, reporter, year, sex, "TOTAL");
                    assert_eq!(
                        total,
                        data.partner_sum(table, reporter, year, sex),
                        "{table} {reporter} {year} {sex}"
                    );
                    partner_cases += 1;
                    let unknown = data.get(table, reporter, year, sex, "UNK") / total;
                    let other = data.get(table, reporter, year, sex, "OTHER") / total;
                    assert!(
                        unknown < 0.05 && other < 0.10,
                        "{table} {reporter} {year} {sex}: {unknown} {other}"
                    );
                }
            }
        }
    }
    assert_eq!(partner_cases, 7 * 5 * 10 * 3);
    // Historical states and stateless persons where the brief wants them.
    for reporter in REPORTERS {
        assert!(data.categories(TableId::T1_2, reporter).contains("SUHH"));
        for table in [TableId::T2_2, TableId::T5_2, TableId::T6_2, TableId::T7_2] {
            assert!(
                data.categories(table, reporter).contains("STATELESS"),
                "{table} {reporter}"
            );
        }
    }
    // Age groups of Kazakhstan's Table 3 add up to the all-ages total.
    for year in YEARS {
        for sex in SEXES {
            let ages: f64 = data
                .values
                .iter()
                .filter(|(k, _)| {
                    k.0 == TableId::T3
                        && k.1 == "KAZ"
                        && k.2 == year
                        && k.3 == sex
                        && k.5 == "TOTAL"
                        && k.4 != "TOTAL"
                })
                .map(|(_, v)| *v)
                .sum();
            assert_eq!(
                ages,
                data.get(TableId::T3, "KAZ", year, sex, "TOTAL"),
                "{year} {sex}"
            );
        }
    }
    // Statuses.
    for reporter in REPORTERS {
        for year in YEARS {
            for sex in SEXES {
                let g = |t: TableId, c: &str| data.get(t, reporter, year, sex, c);
                assert_eq!(
                    g(TableId::T1_1, "TOTAL"),
                    g(TableId::T1_1, "NATIVE")
                        + g(TableId::T1_1, "FOREIGN_BORN")
                        + g(TableId::T1_1, "UNKNOWN")
                );
                for t in [TableId::T2_1, TableId::T5_1, TableId::T6_1] {
                    assert_eq!(
                        g(t, "TOTAL"),
                        g(t, "CITIZENS") + g(t, "NON_CITIZENS") + g(t, "UNKNOWN"),
                        "{t}"
                    );
                    assert!(g(t, "UNKNOWN") / g(t, "TOTAL") < 0.05);
                }
                assert_eq!(
                    g(TableId::T2_1, "NON_CITIZENS"),
                    g(TableId::T2_1, "FOREIGN") + g(TableId::T2_1, "STATELESS")
                );
                assert_eq!(
                    g(TableId::T7_1, "TOTAL"),
                    g(TableId::T7_1, "FOREIGN") + g(TableId::T7_1, "STATELESS")
                );
            }
        }
    }
}

#[test]
fn tables_agree_with_each_other_c1_to_c6() {
    let data = Data::clean();
    for reporter in REPORTERS {
        for year in YEARS {
            for sex in SEXES {
                let g = |t: TableId, c: &str| data.get(t, reporter, year, sex, c);
                let pairs = [
                    (
                        "C1",
                        g(TableId::T1_2, "TOTAL"),
                        g(TableId::T1_1, "FOREIGN_BORN"),
                    ),
                    (
                        "C2",
                        g(TableId::T2_2, "TOTAL"),
                        g(TableId::T2_1, "NON_CITIZENS"),
                    ),
                    ("C3", g(TableId::T1_1, "TOTAL"), g(TableId::T2_1, "TOTAL")),
                    ("C4", g(TableId::T5_1, "TOTAL"), g(TableId::T3, "TOTAL")),
                    ("C4", g(TableId::T6_1, "TOTAL"), g(TableId::T4, "TOTAL")),
                    (
                        "C5",
                        g(TableId::T5_2, "TOTAL"),
                        g(TableId::T5_1, "NON_CITIZENS"),
                    ),
                    (
                        "C5",
                        g(TableId::T6_2, "TOTAL"),
                        g(TableId::T6_1, "NON_CITIZENS"),
                    ),
                    ("C6", g(TableId::T7_2, "TOTAL"), g(TableId::T7_1, "TOTAL")),
                ];
                for (code, left, right) in pairs {
                    assert!(
                        left.is_finite() && left == right,
                        "{code} {reporter} {year} {sex}: {left} ≠ {right}"
                    );
                }
                // P2: parts never exceed their totals; acquisitions stay below the stock.
                assert!(g(TableId::T1_1, "FOREIGN_BORN") <= g(TableId::T1_1, "TOTAL"));
                assert!(g(TableId::T2_1, "NON_CITIZENS") <= g(TableId::T2_1, "TOTAL"));
                assert!(g(TableId::T7_1, "TOTAL") <= g(TableId::T2_1, "NON_CITIZENS"));
            }
        }
    }
}

#[test]
fn the_balances_hold_within_their_tolerances() {
    let data = Data::clean();
    let mut largest = (0.0f64, 0.0f64, 0.0f64);
    for reporter in REPORTERS {
        for year in YEARS {
            let g = |t: TableId, y: u16, c: &str| data.get(t, reporter, y, Sex::T, c);
            let rate = g(TableId::T7_1, year, "TOTAL") / g(TableId::T2_1, year, "NON_CITIZENS");
            assert!((0.0..=0.20).contains(&rate), "D3 {reporter} {year}: {rate}");
            largest.2 = largest.2.max(rate);
            if year == 2021 {
                continue;
            }
            let pop = g(TableId::Pop, year, "TOTAL");
            let residual = g(TableId::Pop, year + 1, "TOTAL")
                - pop
                - (g(TableId::Births, year, "TOTAL") - g(TableId::Deaths, year, "TOTAL"))
                - (g(TableId::T3, year, "TOTAL") - g(TableId::T4, year, "TOTAL"));
            largest.0 = largest.0.max(residual.abs() / pop);
            let foreign = g(TableId::T2_1, year, "NON_CITIZENS");
            let residual = g(TableId::T2_1, year + 1, "NON_CITIZENS")
                - foreign
                - (g(TableId::T5_1, year, "NON_CITIZENS") - g(TableId::T6_1, year, "NON_CITIZENS"))
                + g(TableId::T7_1, year, "TOTAL");
            largest.1 = largest.1.max(residual.abs() / foreign);
        }
    }
    assert!(
        largest.0 < 0.005,
        "largest population balance residual {:.4} %",
        largest.0 * 100.0
    );
    assert!(
        largest.1 < 0.05,
        "largest foreign-citizen residual {:.2} %",
        largest.1 * 100.0
    );
    // A statistical adjustment exists (the data are not suspiciously exact), but it is small.
    assert!(largest.0 > 0.0 && largest.0 < 0.001, "{}", largest.0);
    assert!(
        largest.2 > 0.05,
        "naturalisation up to {:.1} %",
        largest.2 * 100.0
    );
}

#[test]
fn mirror_flows_agree_within_four_per_cent() {
    let data = Data::clean();
    let mut pairs = 0;
    let mut worst = 0.0f64;
    for receiver in REPORTERS {
        for sender in REPORTERS.iter().filter(|s| **s != receiver) {
            for year in YEARS {
                for sex in SEXES {
                    let immigration = data.get(TableId::T3, receiver, year, sex, sender);
                    let emigration = data.get(TableId::T4, sender, year, sex, receiver);
                    assert!(
                        immigration > 0.0 && emigration > 0.0,
                        "{sender}→{receiver} {year}"
                    );
                    let ratio = immigration / emigration;
                    worst = worst.max((ratio - 1.0).abs());
                    pairs += 1;
                }
            }
        }
    }
    assert_eq!(pairs, 20 * 10 * 3);
    assert!(
        worst <= 0.04,
        "a mirror pair differs by {:.1} %",
        worst * 100.0
    );
}

#[test]
fn magnitudes_are_those_of_the_five_countries() {
    let data = Data::clean();
    let pop = |r: &str, y: u16| data.get(TableId::Pop, r, y, Sex::T, "TOTAL") / 1e6;
    for (reporter, low, high) in [
        ("RUS", 143.0, 149.0),
        ("KAZ", 16.8, 19.2),
        ("AZE", 9.1, 10.1),
        ("TJK", 7.8, 9.6),
        ("KGZ", 5.5, 6.7),
    ] {
        for year in [2012, 2021] {
            let millions = pop(reporter, year);
            assert!(
                (low..=high).contains(&millions),
                "{reporter} {year}: {millions} M"
            );
        }
    }
    // Russia's long-term immigration: several hundred thousand a year, mostly from CIS countries.
    let cis = [
        "ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "TJK", "TKM", "UZB", "UKR",
    ];
    for year in YEARS {
        let total = data.get(TableId::T3, "RUS", year, Sex::T, "TOTAL");
        assert!((300_000.0..700_000.0).contains(&total), "{year}: {total}");
        let from_cis: f64 = cis
            .iter()
            .map(|c| data.get(TableId::T3, "RUS", year, Sex::T, c))
            .sum();
        assert!(from_cis / total > 0.8, "{year}: {:.2}", from_cis / total);
        // Kazakhstan → Russia: tens of thousands.
        let kaz = data.get(TableId::T4, "KAZ", year, Sex::T, "RUS");
        assert!((10_000.0..100_000.0).contains(&kaz), "{year}: {kaz}");
        // Tajikistan and Kyrgyzstan send most of their emigrants to Russia, then Kazakhstan.
        for sender in ["TJK", "KGZ"] {
            let mut by_destination: Vec<(f64, String)> = data
                .categories(TableId::T4, sender)
                .into_iter()
                .filter(|c| c != "TOTAL")
                .map(|c| (data.get(TableId::T4, sender, year, Sex::T, &c), c))
                .collect();
            by_destination.sort_by(|a, b| b.0.total_cmp(&a.0));
            let top: Vec<&str> = by_destination
                .iter()
                .take(2)
                .map(|(_, c)| c.as_str())
                .collect();
            assert_eq!(top, ["RUS", "KAZ"], "{sender} {year}");
        }
    }
    // Status tables give their breakdown, by-country tables the partners named in the brief.
    assert!(matches!(TableId::T2_1.breakdown(), Breakdown::Status));
    for partner in [
        "UZB", "UKR", "BLR", "ARM", "GEO", "TKM", "MDA", "CHN", "TUR", "DEU", "USA", "ISR", "IRN",
        "AFG",
    ] {
        let anywhere = REPORTERS.iter().any(|r| {
            [TableId::T3, TableId::T4]
                .iter()
                .any(|t| data.categories(*t, r).contains(partner))
        });
        assert!(anywhere, "{partner} is nobody's partner");
    }
}
