//! The problems planted in the main variant, one demonstration for every check of the catalogue,
//! and the list that describes them (`planted_issues.csv`).
//!
//! Some problems live in the model itself (`profiles::planted`): they keep every identity and show
//! only where their check looks. The others are edits of single cells made here. Each edit is
//! chosen so that it trips its own check and nothing else, except where the list says so (a side
//! effect is listed as its own row).

use super::PlantedIssue;
use super::generate::{Cell, REPORTERS, Row, Sample, SampleTable, YEARS, sex_index, year_index};
use super::profiles::planted;
use super::scenario::partition;
use crate::checks::CheckCode;
use crate::model::{Lang, Sex, TableId};
use crate::t;

/// Plants every problem into a freshly simulated main variant and lists them.
pub(super) fn plant(sample: &mut Sample) {
    let mut list = Planted::default();
    // Every table exists in a simulated sample; a missing one would leave its plants out of the
    // list, which the tests compare with what the checks find.
    let steps: [fn(&mut Sample, &mut Planted) -> Option<()>; 8] = [
        structure,
        values,
        sums,
        coherence,
        plausibility,
        balances,
        series,
        mirror,
    ];
    for step in steps {
        let _ = step(sample, &mut list);
    }
    sample.planted = list.0;
}

#[derive(Default)]
struct Planted(Vec<PlantedIssue>);

impl Planted {
    fn add(
        &mut self,
        check: CheckCode,
        table: TableId,
        reporter: &str,
        year: Option<u16>,
        category: Option<&str>,
        [description, description_ru]: [String; 2],
    ) {
        self.0.push(PlantedIssue {
            check,
            table: Some(table),
            reporter: reporter.to_string(),
            year,
            category: category.map(str::to_string),
            description,
            description_ru,
        });
    }
}

/// A description in English and in Russian, from the catalogue (`assets/i18n/*/sample.ftl`).
fn describe(text: impl Fn(Lang) -> String) -> [String; 2] {
    [text(Lang::En), text(Lang::Ru)]
}

fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// `25 % to 28 %`, or `about 15 %` when both ends round alike.
fn percent_range(low: f64, high: f64, lang: Lang) -> String {
    if percent(low) == percent(high) {
        t!(lang, "planted-share-about", share = percent(low))
    } else {
        t!(
            lang,
            "planted-share-range",
            low = percent(low),
            high = percent(high)
        )
    }
}

/// A ratio with `places` decimals, with the language's decimal mark.
fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

fn number(
    sample: &Sample,
    reporter: &str,
    table: TableId,
    category: &str,
    sex: Sex,
    year: u16,
) -> f64 {
    sample
        .table(reporter, table)
        .and_then(|t| t.number(category, sex, year))
        .unwrap_or(0.0)
}

/// Sets one cell of a row (age `TOTAL`) without touching the other sexes.
fn set_only(table: &mut SampleTable, category: &str, sex: Sex, year: u16, value: Cell) {
    if let (Some(row), Some(s), Some(y)) = (
        table.row_mut(category, "TOTAL"),
        sex_index(sex),
        year_index(year),
    ) {
        row.cells[s][y] = Some(value);
    }
}

/// Takes `amount` persons of one sex away from the country rows of a by-country table in
/// proportion to their size (gives them when negative), leaving its total as it was. The other
/// four reporters are left alone so that mirror flows do not move.
fn shift_partners(table: &mut SampleTable, sex: Sex, year: u16, amount: i64, keep: &[&str]) {
    let (Some(s), Some(y)) = (sex_index(sex), year_index(year)) else {
        return;
    };
    let candidates: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.age == "TOTAL"
                && r.category != "TOTAL"
                && r.category != "STATELESS"
                && !REPORTERS.contains(&r.category.as_str())
                && !keep.contains(&r.category.as_str())
        })
        .map(|(i, _)| i)
        .collect();
    let sizes: Vec<f64> = candidates
        .iter()
        .map(|&i| table.rows[i].number(sex, year).unwrap_or(0.0))
        .collect();
    for (k, share) in partition(amount, &sizes).into_iter().enumerate() {
        let row = &mut table.rows[candidates[k]];
        for index in [0, s] {
            if let Some(Some(Cell::Count(value))) = row.cells[index].get_mut(y) {
                *value -= share as f64;
            }
        }
    }
}

/// Adds a row of zeros to a table (a category the reporter lists with nothing in most years).
fn zero_row(table: &mut SampleTable, category: &str, age: &str) {
    table
        .rows
        .push(Row::from_counts(category, age, &[0; 10], &[0; 10]));
}

/// Level 0: labels, keys and cells.
fn structure(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // S1: a misspelt country of birth.
    let t12 = sample.table_mut("KAZ", TableId::T1_2)?;
    if let Some(row) = t12.row_mut("KGZ", "TOTAL") {
        row.category = "Kyrgyzstn".into();
    }
    list.add(
        CheckCode::S1,
        TableId::T1_2,
        "KAZ",
        None,
        Some("Kyrgyzstn"),
        describe(|lang| t!(lang, "planted-s1").into()),
    );

    // S2: a row repeated by a leftover of an old template.
    let t22 = sample.table_mut("KGZ", TableId::T2_2)?;
    zero_row(t22, "CHN", "TOTAL");
    list.add(
        CheckCode::S2,
        TableId::T2_2,
        "KGZ",
        None,
        Some("CHN"),
        describe(|lang| t!(lang, "planted-s2").into()),
    );

    // S3: text in a value cell, and what it leaves undecidable.
    let t62 = sample.table_mut("TJK", TableId::T6_2)?;
    set_only(t62, "UZB", Sex::F, 2015, Cell::Text("see note"));
    t62.notes.push(
        "the 2015 figure for women from Uzbekistan is being revised (“see note” in its cell)."
            .into(),
    );
    list.add(
        CheckCode::S3,
        TableId::T6_2,
        "TJK",
        Some(2015),
        Some("UZB"),
        describe(|lang| t!(lang, "planted-s3").into()),
    );
    list.add(
        CheckCode::A1,
        TableId::T6_2,
        "TJK",
        Some(2015),
        Some("UZB"),
        describe(|lang| t!(lang, "planted-s3-a1").into()),
    );
    list.add(
        CheckCode::A3,
        TableId::T6_2,
        "TJK",
        Some(2015),
        None,
        describe(|lang| t!(lang, "planted-s3-a3").into()),
    );
    Some(())
}

/// Level 1: single values.
fn values(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // N1: a residual "Other countries" that came out negative.
    let year = 2018;
    let t72 = sample.table_mut("KAZ", TableId::T7_2)?;
    let other_men = t72.number("OTHER", Sex::M, year).unwrap_or(0.0) as i64;
    let other_women = t72.number("OTHER", Sex::F, year).unwrap_or(0.0) as i64;
    let negative = 7.min(other_women.max(1) - 1).max(1);
    let moved = other_men + negative;
    shift_partners(t72, Sex::M, year, -moved, &["OTHER", "UNK"]);
    t72.add("OTHER", "TOTAL", Sex::M, year, -(moved as f64));
    list.add(
        CheckCode::N1,
        TableId::T7_2,
        "KAZ",
        Some(year),
        Some("OTHER"),
        describe(|lang| t!(lang, "planted-n1", negative = negative, moved = moved)),
    );

    // N2: half persons in the population.
    let year = 2016;
    let pop = sample.table_mut("TJK", TableId::Pop)?;
    pop.add("TOTAL", "TOTAL", Sex::M, year, 0.5);
    pop.add("TOTAL", "TOTAL", Sex::F, year, -0.5);
    let men = pop.number("TOTAL", Sex::M, year).unwrap_or(0.0);
    let women = pop.number("TOTAL", Sex::F, year).unwrap_or(0.0);
    list.add(
        CheckCode::N2,
        TableId::Pop,
        "TJK",
        Some(year),
        Some("TOTAL"),
        describe(|lang| t!(lang, "planted-n2", men = men, women = women)),
    );
    Some(())
}

/// Swaps two neighbouring digits of a whole number: the last pair that differs, as a hurried
/// typist would.
fn swap_digits(value: f64) -> f64 {
    let mut digits: Vec<u8> = format!("{}", value as i64).into_bytes();
    for i in (1..digits.len().saturating_sub(1)).rev() {
        if digits[i] != digits[i + 1] {
            digits.swap(i, i + 1);
            break;
        }
    }
    String::from_utf8(digits)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(value)
}

/// Level 1: sums within a table.
fn sums(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // A1: a typo in the women's population.
    let year = 2014;
    let pop = sample.table_mut("AZE", TableId::Pop)?;
    let women = pop.number("TOTAL", Sex::F, year).unwrap_or(0.0);
    let typed = swap_digits(women);
    set_only(pop, "TOTAL", Sex::F, year, Cell::Count(typed));
    let men = pop.number("TOTAL", Sex::M, year).unwrap_or(0.0);
    let total = pop.number("TOTAL", Sex::T, year).unwrap_or(0.0);
    list.add(
        CheckCode::A1,
        TableId::Pop,
        "AZE",
        Some(year),
        Some("TOTAL"),
        describe(|lang| {
            t!(
                lang,
                "planted-a1",
                typed = typed,
                women = women,
                men = men,
                sum = men + typed,
                total = total
            )
        }),
    );

    // A2: persons of unknown age left out of the all-ages total.
    let year = 2016;
    let t3 = sample.table_mut("KAZ", TableId::T3)?;
    zero_row(t3, "TOTAL", "UNK");
    t3.add("TOTAL", "UNK", Sex::M, year, 15.0);
    list.add(
        CheckCode::A2,
        TableId::T3,
        "KAZ",
        Some(year),
        Some("TOTAL"),
        describe(|lang| t!(lang, "planted-a2").into()),
    );

    // A3: a country row corrected after the total was computed.
    let year = 2018;
    let t52 = sample.table_mut("TJK", TableId::T5_2)?;
    t52.add("AFG", "TOTAL", Sex::M, year, 12.0);
    list.add(
        CheckCode::A3,
        TableId::T5_2,
        "TJK",
        Some(year),
        None,
        describe(|lang| t!(lang, "planted-a3").into()),
    );

    // A4: a status row changed without its total.
    let year = 2015;
    let t61 = sample.table_mut("RUS", TableId::T6_1)?;
    t61.add("CITIZENS", "TOTAL", Sex::M, year, 400.0);
    list.add(
        CheckCode::A4,
        TableId::T6_1,
        "RUS",
        Some(year),
        None,
        describe(|lang| t!(lang, "planted-a4").into()),
    );
    Some(())
}

/// Level 1: tables that must agree with each other.
fn coherence(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    let men = Sex::M;
    let t11 = sample.table_mut("KAZ", TableId::T1_1)?;
    t11.add("FOREIGN_BORN", "TOTAL", men, 2015, 1_250.0);
    t11.add("NATIVE", "TOTAL", men, 2015, -1_250.0);
    list.add(
        CheckCode::C1,
        TableId::T1_2,
        "KAZ",
        Some(2015),
        None,
        describe(|lang| t!(lang, "planted-c1", men = 1_250.0)),
    );

    let t21 = sample.table_mut("RUS", TableId::T2_1)?;
    t21.add("NON_CITIZENS", "TOTAL", men, 2019, 2_400.0);
    t21.add("FOREIGN", "TOTAL", men, 2019, 2_400.0);
    t21.add("CITIZENS", "TOTAL", men, 2019, -2_400.0);
    list.add(
        CheckCode::C2,
        TableId::T2_2,
        "RUS",
        Some(2019),
        None,
        describe(|lang| t!(lang, "planted-c2", men = 2_400.0)),
    );

    let t21 = sample.table_mut("KAZ", TableId::T2_1)?;
    t21.add("TOTAL", "TOTAL", men, 2013, 3_100.0);
    t21.add("CITIZENS", "TOTAL", men, 2013, 3_100.0);
    list.add(
        CheckCode::C3,
        TableId::T2_1,
        "KAZ",
        Some(2013),
        None,
        describe(|lang| t!(lang, "planted-c3", men = 3_100.0)),
    );

    let t51 = sample.table_mut("KGZ", TableId::T5_1)?;
    t51.add("TOTAL", "TOTAL", men, 2014, 150.0);
    t51.add("CITIZENS", "TOTAL", men, 2014, 150.0);
    list.add(
        CheckCode::C4,
        TableId::T5_1,
        "KGZ",
        Some(2014),
        None,
        describe(|lang| t!(lang, "planted-c4").into()),
    );

    let t61 = sample.table_mut("TJK", TableId::T6_1)?;
    t61.add("NON_CITIZENS", "TOTAL", men, 2013, 60.0);
    t61.add("CITIZENS", "TOTAL", men, 2013, -60.0);
    list.add(
        CheckCode::C5,
        TableId::T6_2,
        "TJK",
        Some(2013),
        None,
        describe(|lang| t!(lang, "planted-c5").into()),
    );

    let t71 = sample.table_mut("AZE", TableId::T7_1)?;
    t71.add("TOTAL", "TOTAL", men, 2013, 120.0);
    t71.add("FOREIGN", "TOTAL", men, 2013, 120.0);
    list.add(
        CheckCode::C6,
        TableId::T7_2,
        "AZE",
        Some(2013),
        None,
        describe(|lang| t!(lang, "planted-c6").into()),
    );
    Some(())
}

/// Level 1: plausibility of single tables.
fn plausibility(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // P1: returning citizens recorded as immigrants from the reporting country itself.
    let year = 2019;
    let t3 = sample.table_mut("AZE", TableId::T3)?;
    zero_row(t3, "AZE", "TOTAL");
    for (sex, persons) in [(Sex::M, 18), (Sex::F, 13)] {
        t3.add("AZE", "TOTAL", sex, year, persons as f64);
        shift_partners(t3, sex, year, persons, &["AZE"]);
    }
    list.add(
        CheckCode::P1,
        TableId::T3,
        "AZE",
        Some(year),
        Some("AZE"),
        describe(|lang| t!(lang, "planted-p1").into()),
    );

    // P3: dual citizens counted among foreigners.
    let year = 2017;
    let t52 = sample.table_mut("RUS", TableId::T5_2)?;
    zero_row(t52, "RUS", "TOTAL");
    for (sex, persons) in [(Sex::M, 26), (Sex::F, 17)] {
        t52.add("RUS", "TOTAL", sex, year, persons as f64);
        shift_partners(t52, sex, year, persons, &["RUS"]);
    }
    list.add(
        CheckCode::P3,
        TableId::T5_2,
        "RUS",
        Some(year),
        Some("RUS"),
        describe(|lang| t!(lang, "planted-p3").into()),
    );

    // U1 and U2 are in the model: shares stay the same every year.
    let (low, high) = share_range(sample, "RUS", TableId::T4, "UNK");
    list.add(
        CheckCode::U1,
        TableId::T4,
        "RUS",
        None,
        Some("UNK"),
        describe(|lang| t!(lang, "planted-u1", share = percent_range(low, high, lang))),
    );
    let (low, high) = share_range(sample, "AZE", TableId::T2_2, "OTHER");
    list.add(
        CheckCode::U2,
        TableId::T2_2,
        "AZE",
        None,
        Some("OTHER"),
        describe(|lang| t!(lang, "planted-u2", share = percent_range(low, high, lang))),
    );

    // P2 and D3: naturalisation of returnees on arrival (in the model).
    let last = YEARS[YEARS.len() - 1];
    let acquisitions = number(sample, "KGZ", TableId::T7_1, "TOTAL", Sex::T, last);
    let stock = number(sample, "KGZ", TableId::T2_1, "NON_CITIZENS", Sex::T, last);
    list.add(
        CheckCode::P2,
        TableId::T7_1,
        "KGZ",
        Some(last),
        None,
        describe(|lang| {
            t!(
                lang,
                "planted-p2",
                acquisitions = acquisitions,
                stock = stock
            )
        }),
    );
    Some(())
}

/// The lowest and highest share of a category in a table (both sexes), over the years.
fn share_range(sample: &Sample, reporter: &str, table: TableId, category: &str) -> (f64, f64) {
    let shares: Vec<f64> = YEARS
        .iter()
        .map(|&y| {
            number(sample, reporter, table, category, Sex::T, y)
                / number(sample, reporter, table, "TOTAL", Sex::T, y)
        })
        .collect();
    (
        shares.iter().copied().fold(f64::INFINITY, f64::min),
        shares.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    )
}

/// Level 4: demographic and foreign-citizen balances.
fn balances(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // D1: the population re-based from 2020 without revising the earlier years.
    let rebased_from = 2020;
    let before = number(sample, "KAZ", TableId::Pop, "TOTAL", Sex::T, rebased_from);
    let pop = sample.table_mut("KAZ", TableId::Pop)?;
    for &year in YEARS.iter().filter(|&&y| y >= rebased_from) {
        if let (Some(row), Some(y)) = (pop.row_mut("TOTAL", "TOTAL"), year_index(year)) {
            let mut sum = 0.0;
            for s in 1..3 {
                if let Some(Cell::Count(v)) = &mut row.cells[s][y] {
                    *v = (*v * 0.98).round();
                    sum += *v;
                }
            }
            row.cells[0][y] = Some(Cell::Count(sum));
        }
    }
    let after = number(sample, "KAZ", TableId::Pop, "TOTAL", Sex::T, rebased_from);
    list.add(
        CheckCode::D1,
        TableId::Pop,
        "KAZ",
        Some(rebased_from - 1),
        None,
        describe(|lang| {
            t!(
                lang,
                "planted-d1",
                after = after,
                before = before,
                gap = (before - after).round()
            )
        }),
    );

    // D2: a regularisation campaign (in the model).
    let year = planted::AZE_REGULARISATION_YEAR;
    let stock = |y| number(sample, "AZE", TableId::T2_1, "NON_CITIZENS", Sex::T, y);
    let net = number(sample, "AZE", TableId::T5_1, "NON_CITIZENS", Sex::T, year)
        - number(sample, "AZE", TableId::T6_1, "NON_CITIZENS", Sex::T, year)
        - number(sample, "AZE", TableId::T7_1, "TOTAL", Sex::T, year);
    let unexplained = stock(year + 1) - stock(year) - net;
    list.add(
        CheckCode::D2,
        TableId::T2_1,
        "AZE",
        Some(year),
        None,
        describe(|lang| {
            t!(
                lang,
                "planted-d2",
                start = stock(year),
                end = stock(year + 1),
                net = net,
                unexplained = unexplained,
                share = percent(unexplained / stock(year))
            )
        }),
    );

    // D3: naturalisation rates of Kyrgyzstan (in the model).
    let rates: Vec<f64> = YEARS
        .iter()
        .map(|&y| {
            number(sample, "KGZ", TableId::T7_1, "TOTAL", Sex::T, y)
                / number(sample, "KGZ", TableId::T2_1, "NON_CITIZENS", Sex::T, y)
        })
        .collect();
    let low = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let high = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    list.add(
        CheckCode::D3,
        TableId::T7_1,
        "KGZ",
        None,
        None,
        describe(|lang| t!(lang, "planted-d3", share = percent_range(low, high, lang))),
    );
    Some(())
}

/// Level 2: series over time.
fn series(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // T1: immigration from Ukraine more than doubles (in the model).
    let year = planted::RUS_UKR_JUMP_YEAR;
    let before = number(sample, "RUS", TableId::T3, "UKR", Sex::T, year - 1);
    let after = number(sample, "RUS", TableId::T3, "UKR", Sex::T, year);
    list.add(
        CheckCode::T1,
        TableId::T3,
        "RUS",
        Some(year),
        Some("UKR"),
        describe(|lang| {
            t!(
                lang,
                "planted-t1",
                before = before,
                after = after,
                factor = decimal(after / before, 1, lang)
            )
        }),
    );

    // T2: a year column lost when the sheet was copied.
    let gap = 2017;
    let t72 = sample.table_mut("TJK", TableId::T7_2)?;
    t72.years.retain(|&y| y != gap);
    if let Some(y) = year_index(gap) {
        for row in &mut t72.rows {
            for sex in &mut row.cells {
                sex[y] = None;
            }
        }
    }
    list.add(
        CheckCode::T2,
        TableId::T7_2,
        "TJK",
        Some(gap),
        None,
        describe(|lang| t!(lang, "planted-t2").into()),
    );

    // T3: a change of the duration rule (in the model and the Metadata sheet)…
    for table in [
        TableId::T3,
        TableId::T4,
        TableId::T5_1,
        TableId::T5_2,
        TableId::T6_1,
        TableId::T6_2,
    ] {
        let t = sample.table_mut("AZE", table)?;
        t.notes.push(format!(
            "until 2015 migrants staying {} months or more; from 2016, 12 months or more.",
            planted::AZE_SHORT_RULE_MONTHS
        ));
        list.add(
            CheckCode::T3,
            table,
            "AZE",
            Some(planted::AZE_SHORT_RULE_UNTIL),
            None,
            describe(|lang| {
                t!(
                    lang,
                    "planted-t3-rule",
                    months = planted::AZE_SHORT_RULE_MONTHS,
                    table = table.code()
                )
            }),
        );
    }
    // …and a break flag.
    let year = 2020;
    let t11 = sample.table_mut("KGZ", TableId::T1_1)?;
    if let Some(value) = t11.number("TOTAL", Sex::T, year) {
        set_only(t11, "TOTAL", Sex::T, year, Cell::Flagged(value, "b"));
    }
    t11.notes.push(
        "b — разрыв ряда: с 2020 года численность населения по данным нового регистра населения."
            .into(),
    );
    list.add(
        CheckCode::T3,
        TableId::T1_1,
        "KGZ",
        Some(year),
        Some("TOTAL"),
        describe(|lang| t!(lang, "planted-t3-flag").into()),
    );
    Some(())
}

/// Level 3: mirror statistics.
fn mirror(sample: &mut Sample, list: &mut Planted) -> Option<()> {
    // M1: one pair-year far apart, on a pair small enough (below 50 persons) that the series
    // checks leave it alone.
    let year = 2017;
    let emigration = number(sample, "AZE", TableId::T4, "KGZ", Sex::T, year);
    let factor = (2.2f64).min(49.0 / emigration.max(1.0));
    let mut reported = [0.0; 2];
    for (k, sex) in [Sex::M, Sex::F].into_iter().enumerate() {
        let emigration = number(sample, "AZE", TableId::T4, "KGZ", sex, year);
        let immigration = number(sample, "KGZ", TableId::T3, "AZE", sex, year);
        let wanted = (emigration * factor).floor();
        let t3 = sample.table_mut("KGZ", TableId::T3)?;
        t3.add("AZE", "TOTAL", sex, year, wanted - immigration);
        shift_partners(t3, sex, year, (wanted - immigration) as i64, &[]);
        reported[k] = wanted;
    }
    let immigration = reported[0] + reported[1];
    let emigration = number(sample, "AZE", TableId::T4, "KGZ", Sex::T, year);
    list.add(
        CheckCode::M1,
        TableId::T3,
        "KGZ",
        Some(year),
        Some("AZE"),
        describe(|lang| {
            t!(
                lang,
                "planted-m1",
                immigration = immigration,
                emigration = emigration,
                ratio = decimal(immigration / emigration, 2, lang)
            )
        }),
    );

    // M2: emigrants who are not de-registered (in the model), and the pairs it colours.
    let mut ratios = Vec::new();
    for &y in &YEARS {
        let mut reported = 0.0;
        let mut partners = 0.0;
        for p in REPORTERS.iter().filter(|p| **p != "TJK") {
            reported += number(sample, "TJK", TableId::T4, p, Sex::T, y);
            partners += number(sample, p, TableId::T3, "TJK", Sex::T, y);
        }
        ratios.push(reported / partners);
    }
    let low = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let high = ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    list.add(
        CheckCode::M2,
        TableId::T4,
        "TJK",
        None,
        None,
        describe(|lang| t!(lang, "planted-m2", share = percent_range(low, high, lang))),
    );
    for receiver in ["AZE", "KAZ", "KGZ", "RUS"] {
        list.add(
            CheckCode::M1,
            TableId::T3,
            receiver,
            None,
            Some("TJK"),
            describe(|lang| {
                t!(
                    lang,
                    "planted-m2-m1",
                    name = crate::model::gazetteer().name(receiver, lang)
                )
            }),
        );
    }
    Some(())
}
