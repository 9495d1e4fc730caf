//! The real Eurostat files raise no false structural error: each file on its own has no
//! unplaced label, no conflicting duplicate, no unreadable value and no negative count; the
//! SDMX COMPLET/REACH pairs are read once; missing values are not zeros.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::checks::{CheckCode, Outcome, Severity};
use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::Lang;
use migreview::report::{InputSummary, Report};
use migreview::settings::Settings;
use std::path::Path;

fn report_of(name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/realdata")
        .join(name);
    let (dataset, load_report) =
        match load::load_file(&path, &ImportOptions::default(), &LoadControl::new()) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        };
    Report::build(
        vec![InputSummary::from_report(&load_report)],
        &dataset,
        &Settings::default(),
    )
}

fn structural_errors(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.check,
                CheckCode::S1 | CheckCode::S2 | CheckCode::S3 | CheckCode::N1
            ) && f.outcome == Outcome::Fail
                && f.severity == Severity::Error
        })
        .map(|f| format!("{} {}", f.check, f.message(Lang::En)))
        .collect()
}

fn count(report: &Report, code: CheckCode) -> (usize, usize) {
    report
        .checks
        .iter()
        .find(|c| c.check == code)
        .map(|c| (c.evaluated, c.failed))
        .unwrap_or((0, 0))
}

#[test]
fn sdmx_file_has_no_duplicates_although_every_geo_year_appears_twice() {
    let report = report_of("eurostat_tps00176_immigration_sdmx.csv");
    assert_eq!(report.dataset.observations, 424);
    assert_eq!(structural_errors(&report), Vec::<String>::new());
    // Every one of the 424 keys was compared for duplicates, and none repeats.
    assert_eq!(count(&report, CheckCode::S2), (424, 0));
}

#[test]
fn bulk_file_reads_missing_as_missing() {
    let report = report_of("eurostat_tps00176_immigration_bulk.csv");
    assert_eq!(structural_errors(&report), Vec::<String>::new());
    // N1 looks only at numbers: 336 cells, of which the `: ` ones are not numbers.
    let (n1_evaluated, _) = count(&report, CheckCode::N1);
    assert!(n1_evaluated < report.dataset.observations, "{n1_evaluated}");
    assert!(n1_evaluated > 250, "{n1_evaluated}");
}

#[test]
fn bilateral_file_has_no_structural_error_and_its_gaps_are_not_zeros() {
    let report = report_of("eurostat_bilateral_flows_eu27_2010_2019.csv");
    assert_eq!(report.dataset.observations, 14_040);
    assert_eq!(structural_errors(&report), Vec::<String>::new());
    // 3,624 immigration and 3,520 emigration pair-years are reported
    // (`docs/domain.md#coverage-and-reference-numbers`): only those are numbers.
    assert_eq!(count(&report, CheckCode::N1).0, 3_624 + 3_520);
}

#[test]
fn stateless_persons_given_apart_count_among_the_non_citizens() {
    // Eurostat migr_pop1ctz, women, 2015. Austria: the 228 partners of table 2.2 sum to
    // 561,626; "Stateless" 1,046 stand in table 2.1 beside "Foreign country and stateless"
    // 562,672 = 561,626 + 1,046. France lists only 125 partners, which miss 9,540 of its
    // non-citizens: that is a true finding.
    let report = report_of("eurostat_migr_pop1ctz_austria_france_2015_females.csv");
    assert_eq!(count(&report, CheckCode::C2), (2, 1));
    let c2: Vec<(String, String)> = report
        .findings
        .iter()
        .filter(|f| f.check == CheckCode::C2 && f.outcome == Outcome::Fail)
        .map(|f| {
            (
                f.reporter.as_deref().unwrap_or_default().to_string(),
                f.message(Lang::En).into_owned(),
            )
        })
        .collect();
    assert_eq!(
        c2,
        vec![(
            "FRA".to_string(),
            "Sum of the 125 partners of table 2.2 and stateless in table 2.1: 2,194,275 ≠ \
             non-citizens in table 2.1: 2,203,815"
                .to_string()
        )]
    );
}

#[test]
fn stateless_immigrants_given_apart_count_among_the_non_citizens_of_5_1() {
    // 5.1 gives 110 non-citizen immigrants, of whom 10 stateless apart; 5.2 lists the 100
    // citizens of other countries. The stateless join the partners: no C5 error.
    let text = "table,reporter,year,sex,category,value\n\
                5.1,KAZ,2019,T,NON_CITIZENS,110\n\
                5.1,KAZ,2019,T,STATELESS,10\n\
                5.2,KAZ,2019,T,RUS,60\n\
                5.2,KAZ,2019,T,UZB,40\n\
                5.1,KAZ,2020,T,NON_CITIZENS,110\n\
                5.1,KAZ,2020,T,STATELESS,10\n\
                5.2,KAZ,2020,T,RUS,60\n\
                5.2,KAZ,2020,T,UZB,30\n";
    let (dataset, load_report) = load::load_bytes(
        Path::new("KAZ.csv"),
        text.as_bytes(),
        &ImportOptions::default(),
        &LoadControl::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = Report::build(
        vec![InputSummary::from_report(&load_report)],
        &dataset,
        &Settings::default(),
    );
    assert_eq!(count(&report, CheckCode::C5), (2, 1));
    let c5: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.check == CheckCode::C5 && f.outcome == Outcome::Fail)
        .map(|f| format!("{:?} {}", f.year, f.message(Lang::En)))
        .collect();
    assert_eq!(
        c5,
        vec![
            "Some(2020) Sum of the 2 partners of table 5.2 and stateless in table 5.1: 100 ≠ \
             non-citizens in table 5.1: 110"
                .to_string()
        ]
    );
}
