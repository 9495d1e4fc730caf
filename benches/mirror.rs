//! Mirror statistics and chart export on a large generated data set: 50 reporters × 250
//! partners × 25 years × 3 sexes for Tables 3, 4 and 2.2 (about 2.8 million observations).
//! Targets: pairing and measures under 0.5 s; the whole mirror part of the real Eurostat
//! bilateral flows 2010–2019 under 0.5 s; each chart file written in under 1 s, for every
//! kind of file `migreview plot` writes (the scatter of all years is its default scatter).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::charts::{
    self, Chart, ChartOptions, CoverageGrid, MatrixData, PairSeries, ScatterData, Target,
    UndercountData,
};
use migreview::coverage;
use migreview::mirror::{self, FlowDirection, MirrorSettings};
use migreview::model::{
    CategoryKind, Dataset, NO_COLUMN, NewObs, Sex, TableId, Value, category_kind, gazetteer,
};
use std::hint::black_box;
use std::time::Duration;

const REPORTERS: usize = 50;
const PARTNERS: usize = 250;
const FIRST_YEAR: u16 = 1995;
const YEARS: u16 = 25;

fn generated() -> Dataset {
    let mut countries: Vec<String> = gazetteer()
        .places()
        .iter()
        .filter(|p| category_kind(&p.code) == CategoryKind::Country)
        .map(|p| p.code.clone())
        .collect();
    countries.sort();
    countries.truncate(PARTNERS);
    let mut rng = fastrand::Rng::with_seed(2024);
    let mut dataset = Dataset::new();
    dataset.reserve(REPORTERS * PARTNERS * YEARS as usize * 3 * 3);
    for reporter in countries.iter().take(REPORTERS) {
        for table in [TableId::T3, TableId::T4, TableId::T2_2] {
            for year in FIRST_YEAR..FIRST_YEAR + YEARS {
                for sex in [Sex::T, Sex::M, Sex::F] {
                    for partner in &countries {
                        if partner == reporter {
                            continue;
                        }
                        // One value in twenty missing, as in real tables.
                        let value = if rng.u8(..20) == 0 {
                            Value::Missing(migreview::model::Missing::NotAvailable)
                        } else {
                            Value::Number(rng.u32(0..20_000) as f64)
                        };
                        dataset.push_new(NewObs {
                            table,
                            reporter,
                            year,
                            sex,
                            age: "TOTAL",
                            category: partner,
                            value,
                            flag: "",
                            source: "",
                            duration: Some(if rng.bool() { 12 } else { 3 }),
                            file: 0,
                            sheet: "",
                            row: 0,
                            col: NO_COLUMN,
                        });
                    }
                }
            }
        }
    }
    dataset
}

/// The Eurostat bilateral flows of the test fixtures.
fn eurostat() -> Dataset {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"
    ));
    let (dataset, _) = migreview::load::load_file(
        path,
        &migreview::load::ImportOptions::default(),
        &migreview::load::LoadControl::new(),
    )
    .expect("the bilateral file loads");
    dataset
}

fn bench(c: &mut Criterion) {
    let dataset = generated();
    eprintln!("generated {} observations", dataset.len());
    let settings = MirrorSettings::default();
    let mut group = c.benchmark_group("mirror");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("pairing_and_measures", |b| {
        b.iter(|| black_box(mirror::pairing::pair(black_box(&dataset), &settings)))
    });
    group.bench_function("analyse_whole_mirror_part", |b| {
        b.iter(|| black_box(mirror::analyse(black_box(&dataset), &settings)))
    });
    group.bench_function("table_coverage", |b| {
        b.iter(|| black_box(coverage::table_coverage(black_box(&dataset))))
    });
    // The real Eurostat bilateral flows 2010–2019: every pair's exact interval, the country
    // view, harmonisation and undercount classes (target: all of it under 0.5 s).
    let eurostat = eurostat();
    group.bench_function("analyse_eurostat_bilateral", |b| {
        b.iter(|| black_box(mirror::analyse(black_box(&eurostat), &settings)))
    });
    group.finish();

    let report = mirror::analyse(&dataset, &settings);
    eprintln!("{} pairs", report.pairs.len());
    let table_coverage = coverage::table_coverage(&dataset);
    let year = FIRST_YEAR + YEARS - 1;
    let grid = CoverageGrid::by_table(&table_coverage, TableId::T3);
    let reporter_grid = CoverageGrid::by_reporter(&table_coverage, &table_coverage.reporters[0]);
    let scatter = ScatterData::from_report(&report, &settings, Some(year), Sex::T);
    let scatter_all_years = ScatterData::from_report(&report, &settings, None, Sex::T);
    let matrix = MatrixData::from_report(&report, year, Sex::T);
    let largest = PairSeries::largest(&report, 1);
    let series = PairSeries::from_report(&report, &largest[0].0, &largest[0].1, Sex::T);
    let bars =
        UndercountData::from_report(&report, &settings, FlowDirection::Emigration, year, false);
    // `plot` writes the reference-group bars when the group has members.
    let has_group = report
        .reference_group
        .as_ref()
        .is_some_and(|g| !g.countries.is_empty());
    let reference_bars = has_group.then(|| {
        UndercountData::from_report(&report, &settings, FlowDirection::Emigration, year, true)
    });
    let dir = std::env::temp_dir().join(format!("migreview-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let options = ChartOptions::default();
    let mut charts_group = c.benchmark_group("chart_files");
    charts_group.sample_size(10);
    let mut charts = vec![
        ("coverage_by_table", Chart::Coverage(&grid)),
        ("coverage_by_reporter", Chart::Coverage(&reporter_grid)),
        ("scatter", Chart::Scatter(&scatter)),
        ("scatter_all_years", Chart::Scatter(&scatter_all_years)),
        ("matrix", Chart::Matrix(&matrix)),
        ("series", Chart::Series(&series)),
        ("undercount", Chart::Undercount(&bars)),
    ];
    match &reference_bars {
        Some(reference) => charts.push(("undercount_reference", Chart::Undercount(reference))),
        None => eprintln!("undercount_reference: the reference group is empty, not written"),
    }
    for (name, chart) in charts {
        for format in ["png", "svg"] {
            let path = dir.join(format!("{name}.{format}"));
            let target = if format == "png" {
                Target::Png(&path)
            } else {
                Target::Svg(&path)
            };
            // A chart that fails would be timed on its error path: check it is written first.
            if let Err(e) = charts::render(chart, &options, target) {
                panic!("{name}.{format}: {e}");
            }
            let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            eprintln!("{name}.{format}: {bytes} bytes");
            charts_group.bench_function(format!("{name}_{format}"), |b| {
                b.iter(|| {
                    let target = if format == "png" {
                        Target::Png(&path)
                    } else {
                        Target::Svg(&path)
                    };
                    black_box(charts::render(chart, &options, target))
                })
            });
        }
    }
    charts_group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
