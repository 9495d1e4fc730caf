//! Throughput of the whole check run (index + every registered check) on a realistic data set
//! of about a million observations, so that every check does real work:
//!
//! * 40 reporters that are each other's partners (39 reporters and 42 countries that do not
//!   report, plus the reporter's own row, `UNK`, `OTHER` and the `TOTAL` row) × 20 years ×
//!   total/men/women in the flow tables 3, 4, 5.2 and 6.2. Immigration and the partner's
//!   emigration come from one flow, with emigration undercounted by a share of its own per
//!   country, so the mirror pairs of M1 and M2 exist and disagree as real ones do;
//! * the stock tables 1.1, 1.2, 2.1, 2.2 and the acquisitions 7.1, 7.2, consistent with each
//!   other (C1–C3, C6, A4, P2, P3, D2, D3), the status tables 5.1 and 6.1 (C4, C5) and the vital
//!   statistics (D1);
//! * age groups in tables 3 and 4 of ten reporters, with nested bands (`15-64`, `65+`) beside
//!   the five-year groups for some of them (A2);
//! * missing values (small emigration flows not available, small foreigner counts by sex
//!   confidential, a self-partner row not available), flags (estimates `e`, provisional `p`, a
//!   break `b`), a change of source and of the duration-of-stay rule, a few planted jumps, a
//!   flow to the reporter itself and dual citizens among foreigners.
//!
//! Prints the time of every check on a shared index and the mirror statistics computed once, as
//! a report does. Run in release: `cargo bench --bench checks`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod data;

use criterion::{Criterion, criterion_group, criterion_main};
use data::noise;
use migreview::checks::{CheckContext, CheckIndex, CheckOutput, registry, run_all};
use migreview::mirror;
use migreview::model::{
    CategoryKind, Dataset, Missing, NO_COLUMN, Obs, ObsKey, Sex, SourceFile, Sym, TableId, Value,
    category_kind, gazetteer,
};
use migreview::settings::Settings;
use std::hint::black_box;
use std::time::Instant;

const REPORTERS: usize = 40;
/// Partners of the flow tables that do not report themselves.
const OTHER_PARTNERS: usize = 42;
/// Countries of birth and citizenships of the stock tables (1.2, 2.2) and of 7.2.
const STOCK_PARTNERS: usize = 30;
/// Reporters that break tables 3 and 4 down by age.
const AGE_REPORTERS: usize = 10;
const FIRST_YEAR: u16 = 2005;
const YEARS: u16 = 20;

/// Five-year age groups and their share of migrants; `UNK` takes the rest (about 1 %).
const AGES: [(&str, f64); 17] = [
    ("0-4", 0.05),
    ("5-9", 0.04),
    ("10-14", 0.03),
    ("15-19", 0.08),
    ("20-24", 0.16),
    ("25-29", 0.15),
    ("30-34", 0.12),
    ("35-39", 0.09),
    ("40-44", 0.07),
    ("45-49", 0.05),
    ("50-54", 0.04),
    ("55-59", 0.03),
    ("60-64", 0.03),
    ("65-69", 0.02),
    ("70-74", 0.015),
    ("75-79", 0.01),
    ("80+", 0.005),
];

/// The true flow from country `sender` to country `receiver` in a year.
fn flow(receiver: usize, sender: usize, year: u16) -> f64 {
    let (r, s, y) = (receiver as u64, sender as u64, u64::from(year - FIRST_YEAR));
    let base = 30.0 + 3000.0 * noise([r, s, 0, 1]).powi(3);
    let trend: f64 = 0.97 + 0.06 * noise([r, s, 0, 2]);
    base * trend.powi(i32::from(year - FIRST_YEAR)) * (0.95 + 0.1 * noise([r, s, y, 3]))
}

/// The share of its emigrants a country records (emigration is often undercounted).
fn coverage(country: usize) -> f64 {
    0.55 + 0.45 * noise([country as u64, 0, 0, 4])
}

/// Splits a count by shares into whole parts; the last part (unknown) takes the rest.
fn split(total: f64, shares: &[f64]) -> Vec<f64> {
    let mut parts: Vec<f64> = shares.iter().map(|s| (total * s).round()).collect();
    let given: f64 = parts.iter().sum();
    parts.push((total - given).max(0.0));
    parts
}

/// The flags and provenance the next observations carry.
struct Builder {
    dataset: Dataset,
    row: u32,
    flag: Sym,
    source: Sym,
    duration: u8,
}

impl Builder {
    fn push_flagged(&mut self, key: ObsKey, value: Value, flag: Sym) {
        self.row += 1;
        let (value, missing) = match value {
            Value::Number(n) => (n, 0),
            Value::Missing(reason) => (f64::NAN, reason as u8),
        };
        self.dataset.push(Obs {
            value,
            row: self.row,
            reporter: key.reporter,
            category: key.category,
            age: key.age,
            flag,
            source: self.source,
            sheet: Sym::EMPTY,
            file: 0,
            col: NO_COLUMN,
            year: key.year,
            ref_date: 0,
            table: key.table,
            sex: key.sex,
            missing,
            duration: self.duration,
        });
    }

    fn push(&mut self, key: ObsKey, value: f64) {
        self.push_flagged(key, Value::Number(value), self.flag);
    }

    /// Total, men and women with T = M + F; returns [T, M, F].
    fn push_sexes(&mut self, key: ObsKey, total: f64, men_share: f64) -> [f64; 3] {
        let men = (total * men_share).round();
        self.push(ObsKey { sex: Sex::T, ..key }, total);
        self.push(ObsKey { sex: Sex::M, ..key }, men);
        self.push(ObsKey { sex: Sex::F, ..key }, total - men);
        [total, men, total - men]
    }

    /// One row missing for total, men and women.
    fn push_missing(&mut self, key: ObsKey, reason: Missing) {
        for sex in [Sex::T, Sex::M, Sex::F] {
            self.push_flagged(ObsKey { sex, ..key }, Value::Missing(reason), self.flag);
        }
    }

    /// The `TOTAL` row of a breakdown for total, men and women.
    fn push_total(&mut self, key: ObsKey, sums: [f64; 3]) {
        for (sex, value) in [Sex::T, Sex::M, Sex::F].into_iter().zip(sums) {
            self.push(ObsKey { sex, ..key }, value);
        }
    }
}

fn add(sums: &mut [f64; 3], values: [f64; 3]) {
    for (sum, value) in sums.iter_mut().zip(values) {
        *sum += value;
    }
}

/// Symbols of the codes the data use.
struct Codes {
    total: Sym,
    unk: Sym,
    other: Sym,
    native: Sym,
    foreign_born: Sym,
    citizens: Sym,
    non_citizens: Sym,
    foreign: Sym,
    stateless: Sym,
    blank: Sym,
    confidential: Sym,
    estimate: Sym,
    provisional: Sym,
    estimate_provisional: Sym,
    break_in_series: Sym,
    register: Sym,
    register_temporary: Sym,
    ages: Vec<Sym>,
    age_unknown: Sym,
    working_age: Sym,
    old_age: Sym,
}

fn large_dataset() -> Dataset {
    let mut dataset = Dataset::new();
    dataset.add_file(SourceFile {
        path: "generated.csv".into(),
        name: "generated.csv".into(),
        sha256: String::new(),
    });
    let mut names: Vec<String> = gazetteer()
        .places()
        .iter()
        .filter(|p| category_kind(&p.code) == CategoryKind::Country)
        .map(|p| p.code.clone())
        .collect();
    names.sort();
    names.truncate(REPORTERS + OTHER_PARTNERS);
    let countries: Vec<Sym> = names.iter().map(|c| dataset.intern(c)).collect();
    let mut code = |text: &str| dataset.intern(text);
    let c = Codes {
        total: code("TOTAL"),
        unk: code("UNK"),
        other: code("OTHER"),
        native: code("NATIVE"),
        foreign_born: code("FOREIGN_BORN"),
        citizens: code("CITIZENS"),
        non_citizens: code("NON_CITIZENS"),
        foreign: code("FOREIGN"),
        stateless: code("STATELESS"),
        blank: code(""),
        confidential: code("c"),
        estimate: code("e"),
        provisional: code("p"),
        estimate_provisional: code("ep"),
        break_in_series: code("b"),
        register: code("population register"),
        register_temporary: code("population register incl. temporary stay"),
        ages: AGES.iter().map(|(age, _)| code(age)).collect(),
        age_unknown: code("UNK"),
        working_age: code("15-64"),
        old_age: code("65+"),
    };
    let age_shares: Vec<f64> = AGES.iter().map(|(_, share)| *share).collect();
    let mut b = Builder {
        dataset,
        row: 0,
        flag: c.blank,
        source: c.register,
        duration: 12,
    };
    b.dataset.reserve(1_000_000);
    for (r, &reporter) in countries.iter().enumerate().take(REPORTERS) {
        let own = |country: usize| noise([r as u64, country as u64, 0, 5]);
        // The reporter's stock partners: the countries of birth and citizenships it lists.
        let stock_partners: Vec<usize> = (0..countries.len())
            .filter(|&p| p != r)
            .take(STOCK_PARTNERS)
            .collect();
        let stock_weights: Vec<f64> = stock_partners
            .iter()
            .map(|&p| 0.05 + own(p).powi(2))
            .collect();
        let weight_sum: f64 = stock_weights.iter().sum();
        let mut population = (2e6 + 8e6 * noise([r as u64, 0, 0, 6])).round();
        let foreign_born_share = 0.05 + 0.15 * noise([r as u64, 0, 0, 7]);
        let mut non_citizen_stock = (population * 0.05).round();
        for year in FIRST_YEAR..FIRST_YEAR + YEARS {
            let y = u64::from(year);
            let key = |table, category| ObsKey {
                table,
                reporter,
                year,
                sex: Sex::T,
                age: c.total,
                category,
            };
            let last_year = year == FIRST_YEAR + YEARS - 1;
            let estimates = r % 10 == 5;
            // Flows: the source changes in 2013 for some reporters, the duration rule in 2015
            // for others; one reporter flags a break in table 3 in 2015.
            b.source = if r % 10 == 2 && year >= 2013 {
                c.register_temporary
            } else {
                c.register
            };
            b.duration = if r % 10 == 4 && year < 2015 { 6 } else { 12 };
            // [all, non-citizens] × [T, M, F] totals of immigration and emigration.
            let mut flow_totals = [[[0.0; 3]; 2]; 2];
            let flow_tables = [
                (TableId::T3, TableId::T5_2, 0.6),
                (TableId::T4, TableId::T6_2, 0.3),
            ];
            for (t, &(table, foreigners_table, foreign_share)) in flow_tables.iter().enumerate() {
                let immigration = t == 0;
                b.flag = match (immigration, estimates && !immigration, last_year) {
                    (true, _, _) if r % 10 == 9 && year == 2015 => c.break_in_series,
                    (_, true, true) => c.estimate_provisional,
                    (_, true, false) => c.estimate,
                    (_, false, true) => c.provisional,
                    (_, false, false) => c.blank,
                };
                let mut sums = [[0.0; 3]; 2];
                for (p, &partner) in countries.iter().enumerate() {
                    if p == r {
                        // The reporter's own row: nil by definition, or not available for some
                        // reporters; one reporter counts returning citizens under itself.
                        if r == 3 && year == 2012 && immigration {
                            let values = b.push_sexes(key(table, partner), 25.0, 0.5);
                            add(&mut sums[0], values);
                        } else if r % 8 == 1 {
                            b.push_missing(key(table, partner), Missing::NotAvailable);
                        } else {
                            b.push_missing(key(table, partner), Missing::NotApplicable);
                        }
                        b.push_missing(key(foreigners_table, partner), Missing::NotApplicable);
                        continue;
                    }
                    let (p64, r64) = (p as u64, r as u64);
                    let value = if immigration {
                        let wiggle = 0.97 + 0.06 * noise([r64, p64, y, 8]);
                        // About one flow in two thousand jumps for a year (a register clean-up).
                        let jump = if noise([r64, p64, y, 9]) < 0.0005 {
                            4.0
                        } else {
                            1.0
                        };
                        (flow(r, p, year) * wiggle * jump).round()
                    } else {
                        let wiggle = 0.95 + 0.1 * noise([p64, r64, y, 10]);
                        let value = flow(p, r, year) * coverage(r) * wiggle;
                        if estimates {
                            (value * 10.0).round() / 10.0
                        } else {
                            value.round()
                        }
                    };
                    let foreigners = (value * foreign_share).round();
                    // Small emigration flows are sometimes not available; the total still
                    // counts them.
                    if !immigration && value < 40.0 && noise([r64, p64, y, 11]) < 0.25 {
                        b.push_missing(key(table, partner), Missing::NotAvailable);
                        let men = (value * 0.52).round();
                        add(&mut sums[0], [value, men, value - men]);
                    } else {
                        let values = b.push_sexes(key(table, partner), value, 0.52);
                        add(&mut sums[0], values);
                    }
                    // Small counts of foreigners by sex are confidential.
                    let men = (foreigners * 0.52).round();
                    let values = [foreigners, men, foreigners - men];
                    if foreigners < 25.0 {
                        let at = key(foreigners_table, partner);
                        b.push(at, foreigners);
                        for sex in [Sex::M, Sex::F] {
                            let hidden = Value::Missing(Missing::Confidential);
                            b.push_flagged(ObsKey { sex, ..at }, hidden, c.confidential);
                        }
                    } else {
                        b.push_sexes(key(foreigners_table, partner), foreigners, 0.52);
                    }
                    add(&mut sums[1], values);
                }
                for (k, tab) in [table, foreigners_table].into_iter().enumerate() {
                    let mut totals = sums[k];
                    for (category, share) in [(c.unk, 0.03), (c.other, 0.05)] {
                        let value = (sums[k][0] * share).round();
                        let values = b.push_sexes(key(tab, category), value, 0.5);
                        add(&mut totals, values);
                    }
                    b.push_total(key(tab, c.total), totals);
                    flow_totals[t][k] = totals;
                }
                // Age groups of the total of tables 3 and 4, men and women split on their own;
                // some reporters also give the wider bands 15-64 and 65+.
                if r < AGE_REPORTERS {
                    let [_, men, women] = flow_totals[t][0];
                    let (men, women) = (split(men, &age_shares), split(women, &age_shares));
                    let mut age_syms = c.ages.clone();
                    age_syms.push(c.age_unknown);
                    for (a, &age) in age_syms.iter().enumerate() {
                        let at = ObsKey {
                            age,
                            ..key(table, c.total)
                        };
                        b.push(at, men[a] + women[a]);
                        b.push(ObsKey { sex: Sex::M, ..at }, men[a]);
                        b.push(ObsKey { sex: Sex::F, ..at }, women[a]);
                    }
                    let bands = [
                        (r % 2 == 0, c.working_age, 3..13),
                        (r % 3 == 0, c.old_age, 13..17),
                    ];
                    for (given, age, range) in bands {
                        if !given {
                            continue;
                        }
                        let (m, f): (f64, f64) =
                            (men[range.clone()].iter().sum(), women[range].iter().sum());
                        let at = ObsKey {
                            age,
                            ..key(table, c.total)
                        };
                        b.push_sexes(at, m + f, m / (m + f).max(1.0));
                    }
                }
            }
            b.flag = if last_year { c.provisional } else { c.blank };
            b.duration = 12;
            b.source = c.register;
            let immigration = flow_totals[0][0][0];
            let emigration = flow_totals[1][0][0];
            let immigration_foreign = flow_totals[0][1][0];
            let emigration_foreign = flow_totals[1][1][0];
            // Status tables consistent with the flows: 5.1/6.1 against 3/4 and 5.2/6.2.
            for (table, all, noncit) in [
                (TableId::T5_1, immigration, immigration_foreign),
                (TableId::T6_1, emigration, emigration_foreign),
            ] {
                b.push(key(table, c.total), all);
                b.push(key(table, c.citizens), all - noncit);
                b.push(key(table, c.non_citizens), noncit);
            }
            // 1.2 foreign-born by country of birth, and 1.1 built on it (C1, C3, A4).
            let foreign_born = (population * foreign_born_share).round();
            let mut born = split(
                foreign_born,
                &stock_weights
                    .iter()
                    .map(|w| 0.93 * w / weight_sum)
                    .chain([0.05])
                    .collect::<Vec<_>>(),
            );
            let unknown_birth = born.pop().unwrap_or(0.0);
            let mut born_sums = [0.0; 3];
            for (&p, &value) in stock_partners.iter().zip(&born) {
                let values = b.push_sexes(key(TableId::T1_2, countries[p]), value, 0.48);
                add(&mut born_sums, values);
            }
            for (category, value) in [(c.other, born.pop().unwrap_or(0.0)), (c.unk, unknown_birth)]
            {
                let values = b.push_sexes(key(TableId::T1_2, category), value, 0.5);
                add(&mut born_sums, values);
            }
            b.push_total(key(TableId::T1_2, c.total), born_sums);
            let native = b.push_sexes(
                key(TableId::T1_1, c.native),
                population - born_sums[0],
                0.48,
            );
            b.push_total(key(TableId::T1_1, c.foreign_born), born_sums);
            let mut everyone = native;
            add(&mut everyone, born_sums);
            b.push_total(key(TableId::T1_1, c.total), everyone);
            // 2.1 and 2.2: non-citizens by citizenship, stateless among them (C2, A4, P3).
            let stateless = (non_citizen_stock * 0.1).round();
            let dual_citizens = if r == 11 && year == 2016 { 40.0 } else { 0.0 };
            let citizenships = split(
                non_citizen_stock - stateless - dual_citizens,
                &stock_weights
                    .iter()
                    .map(|w| 0.98 * w / weight_sum)
                    .collect::<Vec<_>>(),
            );
            for (&p, &value) in stock_partners.iter().zip(&citizenships) {
                b.push(key(TableId::T2_2, countries[p]), value);
            }
            b.push(key(TableId::T2_2, c.stateless), stateless);
            b.push(
                key(TableId::T2_2, c.unk),
                citizenships.last().copied().unwrap_or(0.0),
            );
            match (r, year) {
                (11, 2016) => b.push(key(TableId::T2_2, reporter), dual_citizens),
                (13, _) => b.push_flagged(
                    key(TableId::T2_2, reporter),
                    Value::Missing(Missing::Confidential),
                    c.confidential,
                ),
                _ => b.push_flagged(
                    key(TableId::T2_2, reporter),
                    Value::Missing(Missing::NotApplicable),
                    b.flag,
                ),
            }
            b.push(key(TableId::T2_2, c.total), non_citizen_stock);
            b.push(key(TableId::T2_1, c.total), population);
            b.push(
                key(TableId::T2_1, c.citizens),
                population - non_citizen_stock,
            );
            b.push(key(TableId::T2_1, c.non_citizens), non_citizen_stock);
            b.push(key(TableId::T2_1, c.foreign), non_citizen_stock - stateless);
            b.push(key(TableId::T2_1, c.stateless), stateless);
            // 7.1 and 7.2: acquisitions by previous citizenship (C6, P2, D3).
            let acquisitions = (non_citizen_stock * 0.02).round();
            let acquired_stateless = (acquisitions * 0.1).round();
            let mut previous = split(
                acquisitions - acquired_stateless,
                &stock_weights
                    .iter()
                    .map(|w| 0.97 * w / weight_sum)
                    .collect::<Vec<_>>(),
            );
            let unknown_previous = previous.pop().unwrap_or(0.0);
            for (&p, &value) in stock_partners.iter().zip(&previous) {
                b.push(key(TableId::T7_2, countries[p]), value);
            }
            b.push(key(TableId::T7_2, c.stateless), acquired_stateless);
            b.push(key(TableId::T7_2, c.unk), unknown_previous);
            b.push(key(TableId::T7_2, c.total), acquisitions);
            b.push(key(TableId::T7_1, c.total), acquisitions);
            b.push(
                key(TableId::T7_1, c.foreign),
                acquisitions - acquired_stateless,
            );
            b.push(key(TableId::T7_1, c.stateless), acquired_stateless);
            // Vital statistics and the balances (D1, D2).
            let births = (population * 0.011).round();
            let deaths = (population * 0.010).round();
            b.push(key(TableId::Pop, c.total), population);
            b.push(key(TableId::Births, c.total), births);
            b.push(key(TableId::Deaths, c.total), deaths);
            population += births - deaths + immigration - emigration;
            population = population.round();
            non_citizen_stock += immigration_foreign - emigration_foreign - acquisitions;
            non_citizen_stock = non_citizen_stock.round();
        }
    }
    b.dataset
}

fn checks(c: &mut Criterion) {
    let dataset = large_dataset();
    let settings = Settings::default();
    // The mirror statistics are computed once before the checks, as a report does.
    let started = Instant::now();
    let mirror = mirror::analyse(&dataset, &settings.mirror);
    let mirror_ms = started.elapsed().as_secs_f64() * 1000.0;
    let outputs = run_all(&dataset, &settings.checks, &settings.mirror, Some(&mirror));
    let findings: usize = outputs.iter().map(|o| o.findings.len()).sum();
    let evaluated: usize = outputs.iter().map(|o| o.evaluated).sum();
    eprintln!(
        "data set: {} observations, {} mirror pairs; one run evaluates {evaluated} cases and reports {findings} findings",
        dataset.len(),
        mirror.pairs.len()
    );
    for out in &outputs {
        eprintln!(
            "  {}: {} evaluated, {} failed, {} not evaluable",
            out.code, out.evaluated, out.failed, out.not_evaluable
        );
    }
    // One timed pass per check over a shared index, to see where the time goes.
    let started = Instant::now();
    let index = CheckIndex::build(&dataset);
    let index_ms = started.elapsed().as_secs_f64() * 1000.0;
    let context = CheckContext {
        dataset: &dataset,
        settings: &settings.checks,
        mirror_settings: &settings.mirror,
        mirror: Some(&mirror),
        index: &index,
    };
    let mut timings: Vec<(f64, String)> = registry()
        .iter()
        .map(|check| {
            let started = Instant::now();
            let mut out = CheckOutput::new(check.code());
            check.run(&context, &mut out);
            (
                started.elapsed().as_secs_f64() * 1000.0,
                check.code().to_string(),
            )
        })
        .collect();
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let each: Vec<String> = timings
        .iter()
        .map(|(ms, code)| format!("{code} {ms:.1} ms"))
        .collect();
    eprintln!("index {index_ms:.1} ms, mirror statistics {mirror_ms:.1} ms");
    eprintln!("checks, slowest first: {}", each.join(", "));

    let mut group = c.benchmark_group("checks");
    group.sample_size(10);
    group.bench_function("index of 1M observations", |b| {
        b.iter(|| CheckIndex::build(black_box(&dataset)))
    });
    group.bench_function("all checks on 1M observations", |b| {
        b.iter(|| {
            run_all(
                black_box(&dataset),
                &settings.checks,
                &settings.mirror,
                Some(&mirror),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, checks);
criterion_main!(benches);
