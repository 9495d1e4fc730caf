//! A run divided over the cores finds exactly what a run on one core finds: the same report,
//! byte for byte, on the sample and on generated files of both kinds the pipeline benchmark
//! measures (coherent data, and random counts that fail nearly every rule).
//!
//! This file is its own test binary: it sets the number of workers for the whole process.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

#[path = "../benches/data/mod.rs"]
mod data;

use migreview::load::{ImportOptions, LoadControl, load_files};
use migreview::report::Report;
use migreview::settings::Settings;
use std::path::PathBuf;

/// The report's JSON, without the line naming the program's version.
fn report_json(files: &[PathBuf], workers: usize) -> String {
    migreview::parallel::set_workers(workers);
    let outcome = load_files(files, |_| ImportOptions::default(), &LoadControl::new());
    let inputs = migreview::cli::input_summaries(files, &outcome);
    let report = Report::build(inputs, &outcome.dataset, &Settings::default());
    migreview::parallel::set_workers(0);
    assert!(!report.findings.is_empty() || !report.mirror.pairs.is_empty());
    report.to_json()
}

fn assert_same_on_one_and_many(files: &[PathBuf]) -> usize {
    let one = report_json(files, 1);
    let many = report_json(files, 4);
    assert!(one == many, "the reports of one and four workers differ");
    one.len()
}

#[test]
fn a_run_on_many_workers_reports_what_a_run_on_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let coherent = data::write_reporters(data::Kind::Coherent, dir.path(), 10).unwrap();
    let random_dir = dir.path().join("random");
    std::fs::create_dir(&random_dir).unwrap();
    let random = data::write_reporters(data::Kind::Random, &random_dir, 4).unwrap();
    for files in [vec![coherent], vec![random]] {
        assert!(assert_same_on_one_and_many(&files) > 10_000);
    }
}

#[test]
fn the_sample_is_reported_the_same_on_one_and_many_workers() {
    let dir = tempfile::tempdir().unwrap();
    let written = migreview::sample::write_to(dir.path()).unwrap();
    assert!(assert_same_on_one_and_many(&written) > 10_000);
}
