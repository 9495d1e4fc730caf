//! Time of the data-source assessment on a large data set: the suggestions of one source, the
//! suggestions of every source of every country (what the window does when data load), and a
//! country's scorecard. The data: 40 reporters × 60 partners × 20 years × total/men/women in
//! tables 3 and 4, by five-year age group in table 3 (about 1.1 million observations), with the
//! report of every registered check and the mirror statistics.
//!
//! Run in release: `cargo bench --bench assess`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::assess::scorecard::scorecard;
use migreview::assess::{
    AssessSettings, Assessment, Choice, CountryAssessment, DataSource, DurationBasis,
    GroupCoverage, Periodicity, Publication, ReportEvidence, SourceKind, TableFeed, suggest,
};
use migreview::model::{Dataset, NewObs, PlaceKind, Sex, SourceFile, TableId, Value, gazetteer};
use migreview::report::Report;
use migreview::settings::Settings;
use std::hint::black_box;
use std::time::Instant;

const REPORTERS: usize = 40;
const PARTNERS: usize = 60;
const AGES: [&str; 9] = [
    "TOTAL", "0-14", "15-19", "20-24", "25-29", "30-39", "40-49", "50-64", "65+",
];

fn countries(n: usize) -> Vec<String> {
    gazetteer()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .take(n)
        .map(|p| p.code.clone())
        .collect()
}

/// Flows between the reporters and their partners; emigration is recorded at 40 % to 100 % of
/// what the partners report, depending on the reporter, so the ratios spread over the bands.
fn big_dataset() -> Dataset {
    let reporters = countries(REPORTERS);
    let partners = countries(PARTNERS);
    let mut dataset = Dataset::new();
    let file = dataset.add_file(SourceFile {
        path: "big.csv".into(),
        name: "big.csv".into(),
        sha256: String::new(),
    });
    let mut row = 0;
    for (r, reporter) in reporters.iter().enumerate() {
        let capture = 0.4 + 0.6 * r as f64 / REPORTERS as f64;
        for year in 2002..2022u16 {
            for (sex, share) in [(Sex::T, 1.0), (Sex::M, 0.52), (Sex::F, 0.48)] {
                for (p, partner) in partners.iter().enumerate() {
                    if partner == reporter {
                        continue;
                    }
                    let flow = (100 + (r * 37 + p * 11 + usize::from(year)) % 900) as f64 * share;
                    for (table, ages, value) in [
                        (TableId::T3, &AGES[..], flow),
                        (TableId::T4, &AGES[..1], (flow * capture).round()),
                    ] {
                        for (a, age) in ages.iter().enumerate() {
                            row += 1;
                            let value = if a == 0 {
                                value
                            } else {
                                (value / (ages.len() - 1) as f64).round()
                            };
                            dataset.push_new(NewObs {
                                table,
                                reporter,
                                year,
                                sex,
                                age,
                                category: partner,
                                value: Value::Number(value),
                                flag: "",
                                source: "",
                                duration: Some(12),
                                file,
                                sheet: "",
                                row,
                                col: migreview::model::NO_COLUMN,
                            });
                        }
                    }
                }
            }
        }
    }
    dataset
}

/// Four sources per reporter: a register feeding both tables, and three that feed none.
fn inventory() -> Assessment {
    let mut assessment = Assessment::new();
    for code in countries(REPORTERS) {
        let mut country = CountryAssessment::new(&code);
        let mut register = DataSource::new(
            &format!("{code}-REG"),
            "Population register",
            SourceKind::PopulationRegister,
        );
        register.feeds = vec![
            TableFeed::new(TableId::T3, None),
            TableFeed::new(TableId::T4, None),
        ];
        register.duration_rule_months = Some(12);
        register.duration_basis = DurationBasis::Actual;
        register.groups_covered = GroupCoverage::ForeignersPartly;
        register.periodicity = Periodicity::Continuous;
        register.publication = Publication::TablesWithNotes;
        register.release_lag_months = Some(6);
        country.sources.push(register);
        for kind in [
            SourceKind::PopulationCensus,
            SourceKind::ForeignersRegister,
            SourceKind::BorderStatistics,
        ] {
            let id = country.new_source_id(kind);
            country.sources.push(DataSource::new(
                &id,
                kind.label(migreview::model::Lang::En),
                kind,
            ));
        }
        country.review_date = Some(jiff::civil::date(2022, 9, 30));
        assessment.countries.push(country);
    }
    assessment
}

fn assessment_benches(c: &mut Criterion) {
    let started = Instant::now();
    let dataset = big_dataset();
    let report = Report::build(Vec::new(), &dataset, &Settings::default());
    eprintln!(
        "{} observations, {} findings, {} country ratios; built and checked in {:.1} s",
        dataset.len(),
        report.findings.len(),
        report.mirror.countries.len(),
        started.elapsed().as_secs_f64()
    );
    let owned = ReportEvidence::from_report(&report);
    let evidence = owned.evidence(&dataset, &report.findings);
    let settings = AssessSettings {
        reference_date: Some(jiff::civil::date(2022, 9, 30)),
        ..AssessSettings::default()
    };
    let inventory = inventory();
    let first = &inventory.countries[0];
    let mut group = c.benchmark_group(format!(
        "assessment ({} observations, {} findings)",
        dataset.len(),
        report.findings.len()
    ));
    group.sample_size(20);
    group.bench_function("suggestions of one register", |b| {
        b.iter(|| {
            black_box(suggest(
                &evidence,
                &first.country,
                &first.sources[0],
                &settings,
            ))
        })
    });
    group.bench_function(
        format!("suggestions of every source ({REPORTERS} countries × 4 sources)"),
        |b| {
            b.iter(|| {
                let mut assessment = inventory.clone();
                black_box(assessment.refresh_suggestions(&evidence, &settings))
            })
        },
    );
    let mut scored = inventory.clone();
    scored.refresh_suggestions(&evidence, &settings);
    let country = &scored.countries[0];
    group.bench_function("scorecard of a country", |b| {
        b.iter(|| black_box(scorecard(country, &settings)))
    });
    group.finish();
}

criterion_group!(benches, assessment_benches);
criterion_main!(benches);
