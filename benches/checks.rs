//! Throughput of the whole check run (index + every registered check) on a realistic data set
//! of about a million observations: 40 reporters × 100 partner countries (+ UNK, OTHER and the
//! TOTAL row) × 20 years × total/men/women, in the four by-country flow tables (3, 4, 5.2,
//! 6.2), with the status tables and the vital statistics that the coherence and balance checks
//! compare. The data are consistent except for rare planted jumps.
//!
//! Run in release: `cargo bench --bench checks`.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::checks::{CheckContext, CheckIndex, CheckOutput, registry, run_all};
use migreview::model::{
    Dataset, NO_COLUMN, Obs, ObsKey, PlaceKind, Sex, SourceFile, Sym, TableId, gazetteer,
};
use migreview::settings::Settings;
use std::hint::black_box;
use std::time::Instant;

const REPORTERS: usize = 40;
const PARTNERS: usize = 100;
const FIRST_YEAR: u16 = 2005;
const YEARS: u16 = 20;

/// A small deterministic generator (64-bit LCG), so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Builder {
    dataset: Dataset,
    row: u32,
    blank: Sym,
}

impl Builder {
    fn push(&mut self, key: ObsKey, value: f64) {
        self.row += 1;
        self.dataset.push(Obs {
            value,
            row: self.row,
            reporter: key.reporter,
            category: key.category,
            age: key.age,
            flag: self.blank,
            source: self.blank,
            sheet: self.blank,
            file: 0,
            col: NO_COLUMN,
            year: key.year,
            ref_date: 0,
            table: key.table,
            sex: key.sex,
            missing: 0,
            duration: 12,
        });
    }

    /// Total, men and women with T = M + F; returns men and women.
    fn push_sexes(&mut self, key: ObsKey, total: f64, men_share: f64) -> [f64; 2] {
        let men = (total * men_share).round();
        self.push(ObsKey { sex: Sex::T, ..key }, total);
        self.push(ObsKey { sex: Sex::M, ..key }, men);
        self.push(ObsKey { sex: Sex::F, ..key }, total - men);
        [men, total - men]
    }
}

fn large_dataset() -> Dataset {
    let mut dataset = Dataset::new();
    dataset.add_file(SourceFile {
        path: "generated.csv".into(),
        name: "generated.csv".into(),
        sha256: String::new(),
    });
    let countries: Vec<String> = gazetteer()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .map(|p| p.code.clone())
        .take(REPORTERS + PARTNERS)
        .collect();
    let reporters: Vec<Sym> = countries[..REPORTERS]
        .iter()
        .map(|c| dataset.intern(c))
        .collect();
    let partners: Vec<Sym> = countries[REPORTERS..]
        .iter()
        .map(|c| dataset.intern(c))
        .collect();
    let [
        total,
        unk,
        other,
        citizens,
        non_citizens,
        foreign,
        stateless,
    ] = [
        "TOTAL",
        "UNK",
        "OTHER",
        "CITIZENS",
        "NON_CITIZENS",
        "FOREIGN",
        "STATELESS",
    ]
    .map(|code| dataset.intern(code));
    let blank = dataset.intern("");
    let mut b = Builder {
        dataset,
        row: 0,
        blank,
    };
    b.dataset.reserve(1_050_000);
    let mut random = Lcg(20_240_601);
    // Immigration (3) and emigration (4) by partner; the non-citizens among them (5.2, 6.2)
    // are a fixed share of each flow.
    let tables = [
        (TableId::T3, TableId::T5_2, 0.6),
        (TableId::T4, TableId::T6_2, 0.3),
    ];
    for &reporter in &reporters {
        // Each flow has its own size and trend; years wiggle by a few per cent around it.
        let mut levels: Vec<[f64; 2]> = (0..PARTNERS)
            .map(|_| [1.0, 0.6].map(|scale| scale * (30.0 + 3000.0 * random.next().powi(3))))
            .collect();
        let trends: Vec<f64> = (0..PARTNERS).map(|_| 0.97 + 0.06 * random.next()).collect();
        let mut population = 2e6 + 8e6 * random.next();
        let mut non_citizen_stock = (population * 0.05).round();
        for year in FIRST_YEAR..FIRST_YEAR + YEARS {
            let key = |table, category| ObsKey {
                table,
                reporter,
                year,
                sex: Sex::T,
                age: total,
                category,
            };
            // [all, non-citizens] × [T, M, F] totals of immigration and emigration.
            let mut flow_totals = [[[0.0; 3]; 2]; 2];
            for (t, &(table, foreigners_table, foreign_share)) in tables.iter().enumerate() {
                let mut sums = [[0.0; 3]; 2];
                for (p, &partner) in partners.iter().enumerate() {
                    let level = &mut levels[p][t];
                    *level = (*level * trends[p] * (0.95 + 0.1 * random.next())).max(1.0);
                    // About one flow in two thousand jumps for a year (a register clean-up).
                    let value = if random.next() < 0.0005 {
                        (*level * 4.0).round()
                    } else {
                        level.round()
                    };
                    let foreigners = (value * foreign_share).round();
                    for (k, (tab, v)) in [(table, value), (foreigners_table, foreigners)]
                        .into_iter()
                        .enumerate()
                    {
                        let [men, women] = b.push_sexes(key(tab, partner), v, 0.52);
                        sums[k][0] += v;
                        sums[k][1] += men;
                        sums[k][2] += women;
                    }
                }
                for (k, tab) in [table, foreigners_table].into_iter().enumerate() {
                    let mut totals = sums[k];
                    for (code, share) in [(unk, 0.03), (other, 0.05)] {
                        let value = (sums[k][0] * share).round();
                        let [men, women] = b.push_sexes(key(tab, code), value, 0.5);
                        for (slot, v) in totals.iter_mut().zip([value, men, women]) {
                            *slot += v;
                        }
                    }
                    for (sex, v) in [Sex::T, Sex::M, Sex::F].into_iter().zip(totals) {
                        b.push(
                            ObsKey {
                                sex,
                                ..key(tab, total)
                            },
                            v,
                        );
                    }
                    flow_totals[t][k] = totals;
                }
            }
            let immigration = flow_totals[0][0][0];
            let emigration = flow_totals[1][0][0];
            let immigration_foreign = flow_totals[0][1][0];
            let emigration_foreign = flow_totals[1][1][0];
            // Status tables consistent with the flows: 5.1/6.1 against 3/4 and 5.2/6.2.
            for (table, all, noncit) in [
                (TableId::T5_1, immigration, immigration_foreign),
                (TableId::T6_1, emigration, emigration_foreign),
            ] {
                b.push(key(table, total), all);
                b.push(key(table, citizens), all - noncit);
                b.push(key(table, non_citizens), noncit);
            }
            let acquisitions = (non_citizen_stock * 0.02).round();
            let stateless_share = (non_citizen_stock * 0.1).round();
            b.push(key(TableId::T2_1, total), population.round());
            b.push(
                key(TableId::T2_1, citizens),
                population.round() - non_citizen_stock.round(),
            );
            b.push(key(TableId::T2_1, non_citizens), non_citizen_stock.round());
            b.push(
                key(TableId::T2_1, foreign),
                non_citizen_stock.round() - stateless_share,
            );
            b.push(key(TableId::T2_1, stateless), stateless_share);
            b.push(key(TableId::T7_1, total), acquisitions);
            let births = (population * 0.011).round();
            let deaths = (population * 0.010).round();
            b.push(key(TableId::Pop, total), population.round());
            b.push(key(TableId::Births, total), births);
            b.push(key(TableId::Deaths, total), deaths);
            population += births - deaths + immigration - emigration;
            non_citizen_stock += immigration_foreign - emigration_foreign - acquisitions;
            population = population.round();
        }
    }
    b.dataset
}

fn checks(c: &mut Criterion) {
    let dataset = large_dataset();
    let settings = Settings::default();
    let outputs = run_all(&dataset, &settings, None);
    let findings: usize = outputs.iter().map(|o| o.findings.len()).sum();
    let evaluated: usize = outputs.iter().map(|o| o.evaluated).sum();
    eprintln!(
        "data set: {} observations; one run evaluates {evaluated} cases and reports {findings} findings",
        dataset.len()
    );
    for out in &outputs {
        if out.failed + out.not_evaluable > 0 {
            eprintln!(
                "  {}: {} failed, {} not evaluable of {}",
                out.code, out.failed, out.not_evaluable, out.evaluated
            );
        }
    }
    // One timed pass per check over a shared index, to see where the time goes.
    let index = CheckIndex::build(&dataset);
    let context = CheckContext {
        dataset: &dataset,
        settings: &settings,
        mirror: None,
        index: &index,
    };
    let mut timings: Vec<(u128, String)> = registry()
        .iter()
        .map(|check| {
            let started = Instant::now();
            let mut out = CheckOutput::new(check.code());
            check.run(&context, &mut out);
            (started.elapsed().as_micros(), check.code().to_string())
        })
        .collect();
    timings.sort_by(|a, b| b.cmp(a));
    let slowest: Vec<String> = timings
        .iter()
        .take(6)
        .map(|(us, code)| format!("{code} {:.1} ms", *us as f64 / 1000.0))
        .collect();
    eprintln!("slowest checks: {}", slowest.join(", "));

    let mut group = c.benchmark_group("checks");
    group.sample_size(10);
    group.bench_function("index of 1M observations", |b| {
        b.iter(|| CheckIndex::build(black_box(&dataset)))
    });
    group.bench_function("all checks on 1M observations", |b| {
        b.iter(|| run_all(black_box(&dataset), &settings, None))
    });
    group.finish();
}

criterion_group!(benches, checks);
criterion_main!(benches);
