//! The country review report: built and written as HTML, DOCX and JSON, for the sample's
//! Kazakhstan (39 findings, three charts) and for a country with 100,000 findings.
//!
//! Targets: the sample's report under 1 s; a report of 100,000 findings under 5 s.
//!
//! Run in release: `cargo bench --bench report`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::checks::{CheckCode, Dimension, Finding, Outcome, Severity};
use migreview::coverage::{TableCoverage, table_coverage};
use migreview::model::{Lang, Location, Sex, TableId};
use migreview::report::Report;
use migreview::review::{Review, TriageStatus};
use migreview::review_report::document::ChartSources;
use migreview::review_report::{ReportInputs, ReviewReport, docx, html};
use migreview::settings::Settings;
use std::hint::black_box;
use std::time::Duration;

/// The sample's report, its coverage and its assessment.
fn sample() -> (Report, TableCoverage) {
    let outcome = migreview::sample::load(false);
    let settings = Settings::default();
    let mut report = Report::build(Vec::new(), &outcome.dataset, &settings);
    let hashes: Vec<&str> = outcome.reports().map(|r| r.sha256.as_str()).collect();
    report.assessment = migreview::cli::assess_commands::assessment_for_run(
        None,
        &hashes,
        &outcome.dataset,
        &report,
        &settings.assess,
        Lang::En,
    )
    .unwrap();
    (report, table_coverage(&outcome.dataset))
}

/// 100,000 findings about Kazakhstan, every check and severity, each with its cell.
fn many_findings() -> Vec<Finding> {
    (0..100_000u32)
        .map(|i| {
            let check = CheckCode::ALL[i as usize % CheckCode::ALL.len()];
            Finding {
                check,
                severity: Severity::ALL[i as usize % 3],
                outcome: Outcome::Fail,
                dimension: Dimension::ALL[i as usize % Dimension::ALL.len()],
                level: 1,
                table: Some(TableId::T3),
                reporter: Some("KAZ".into()),
                year: Some(1990 + (i % 32) as u16),
                sex: Some(Sex::T),
                age: Some("TOTAL".into()),
                category: Some(format!("P{:05}", i / 32).into()),
                expected: Some(f64::from(i) + 10.0),
                actual: Some(f64::from(i)),
                message: migreview::checks::Message::written(
                    format!("Total {i} ≠ sum of parts {}", i + 10),
                    format!("Итог {i} ≠ сумма частей {}", i + 10),
                ),
                location: Some(Location::line_of("KAZ.csv", i + 2)),
            }
        })
        .collect()
}

fn write_all(report: &Report, coverage: &TableCoverage, review: &Review, format: &str) -> usize {
    let settings = &report.settings;
    let built = ReviewReport::build(&ReportInputs {
        report,
        coverage,
        review: Some(review),
        assessment: report.assessment.as_ref(),
        assess_settings: &settings.assess,
        country: Some("KAZ"),
        lang: Lang::En,
        synthetic: true,
        date: "2026-12-07".into(),
    });
    let charts = ChartSources {
        mirror: &report.mirror,
        mirror_settings: &settings.mirror,
        coverage,
        grade_bands: settings.assess.grade_bands,
        source: "benchmark".into(),
    };
    match format {
        "html" => html::write(&built, &charts).len(),
        "docx" => docx::write(&built, &charts).unwrap().len(),
        _ => built.to_json().unwrap().len(),
    }
}

fn report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let (sample_report, coverage) = sample();
    let review = Review::new(Vec::new());
    for format in ["html", "docx", "json"] {
        group.bench_function(format!("the sample's Kazakhstan as {format}"), |b| {
            b.iter(|| black_box(write_all(&sample_report, &coverage, &review, format)))
        });
    }

    let mut big = sample_report.clone();
    big.findings = many_findings();
    let mut decided = Review::new(Vec::new());
    let ids: Vec<String> = big
        .findings
        .iter()
        .step_by(7)
        .map(|f| f.case_id())
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    decided.set_status_of(&ids, TriageStatus::Confirmed, "2026-12-07T10:00:00Z");
    for format in ["html", "docx", "json"] {
        group.bench_function(format!("100,000 findings of Kazakhstan as {format}"), |b| {
            b.iter(|| black_box(write_all(&big, &coverage, &decided, format)))
        });
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
