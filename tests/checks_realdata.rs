//! The checks on real published data: Eurostat bilateral flows between the EU-27 countries,
//! 2010–2019 (source Eurostat migr_imm5prv, migr_emi3nxt; see tests/fixtures/realdata/README.md).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::checks::{CheckCode, Severity};
use migreview::load::{ImportOptions, LoadControl, load_file};
use migreview::model::Lang;
use migreview::report::{InputSummary, Report};
use migreview::settings::Settings;
use std::path::Path;

const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"
);

#[test]
fn eurostat_bilateral_flows_have_no_structure_or_sign_errors() {
    let (dataset, load) = match load_file(
        Path::new(BILATERAL),
        &ImportOptions::default(),
        &LoadControl::new(),
    ) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    };
    let report = Report::build(
        vec![InputSummary::from_report(&load)],
        &dataset,
        &Settings::default(),
    );
    let structural = [CheckCode::S1, CheckCode::S2, CheckCode::S3, CheckCode::N1];
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| structural.contains(&f.check) && f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.check, f.message(Lang::En)))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let summary = |code: CheckCode| {
        report
            .checks
            .iter()
            .find(|c| c.check == code)
            .map(|c| (c.evaluated, c.failed, c.not_evaluable))
    };
    // 27 countries × 26 partners × 10 years, once as immigration (table 3) and once as
    // emigration (table 4): every key is unique and every value cell is readable.
    assert_eq!(summary(CheckCode::S2), Some((2 * 7020, 0, 0)));
    assert_eq!(summary(CheckCode::S3), Some((2 * 7020, 0, 0)));
    // Missing values are not zeros: only the reported flows carry a sign. The published
    // counts are 3,624 reported immigration and 3,520 reported emigration pair-years
    // (`docs/domain.md#coverage-and-reference-numbers`).
    assert_eq!(summary(CheckCode::N1), Some((3624 + 3520, 0, 0)));
    // Every reporter and partner code is a known country.
    assert_eq!(summary(CheckCode::S1).map(|s| s.1), Some(0));
}
