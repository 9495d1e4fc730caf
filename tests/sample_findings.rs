//! The embedded sample, read from its workbooks and checked with the whole catalogue: every
//! planted problem is found where `planted_issues.csv` says, and the clean variant raises no
//! error and no warning.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::checks::{CheckCode, Finding, Outcome, Severity};
use migreview::model::Lang;
use migreview::report::Report;
use migreview::sample::{self, PlantedIssue};
use migreview::settings::Settings;

fn report(clean: bool) -> Report {
    let outcome = sample::load(clean);
    let errors: Vec<String> = outcome.errors().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    Report::build(Vec::new(), &outcome.dataset, &Settings::default())
}

fn matches(finding: &Finding, issue: &PlantedIssue) -> bool {
    issue.matches(finding)
}

#[test]
fn every_planted_problem_is_found_with_its_cell() {
    let report = report(false);
    let planted = sample::planted();
    assert!(planted.len() >= CheckCode::ALL.len(), "{}", planted.len());
    let mut missing = Vec::new();
    for issue in &planted {
        let found: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| matches(f, issue))
            .collect();
        if found.is_empty() {
            missing.push(format!(
                "{} {:?} {} {:?} {:?}",
                issue.check, issue.table, issue.reporter, issue.year, issue.category
            ));
        }
    }
    assert!(missing.is_empty(), "not found: {missing:#?}");
    // Every code of the catalogue is demonstrated.
    for code in CheckCode::ALL {
        assert!(
            report.findings.iter().any(|f| f.check == code),
            "{code} has no finding on the sample"
        );
    }
    // A finding points at the workbook cell of the value it is about: here the total of
    // 1 January 2014 that men + women (with the women's figure mistyped) do not reach.
    let a1 = report
        .findings
        .iter()
        .find(|f| f.check == CheckCode::A1 && f.reporter.as_deref() == Some("AZE"));
    let location = a1.and_then(|f| f.location.as_ref().map(|l| l.to_string()));
    assert_eq!(location.as_deref(), Some("AZE.xlsx › POP › D6"));
    assert_eq!(
        a1.map(|f| f.message(Lang::En).into_owned()),
        Some("Total 9,347,744 ≠ men 4,646,554 + women 4,701,109 = 9,347,663".to_string())
    );
}

#[test]
fn every_failed_case_of_the_sample_was_planted() {
    let report = report(false);
    let planted = sample::planted();
    let unplanted: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .filter(|f| !planted.iter().any(|issue| matches(f, issue)))
        .map(|f| {
            format!(
                "{} {:?} {:?} {:?}: {}",
                f.check,
                f.table,
                f.reporter,
                f.year,
                f.message(Lang::En)
            )
        })
        .collect();
    assert!(
        unplanted.is_empty(),
        "findings nobody planted: {unplanted:#?}"
    );
}

#[test]
fn the_clean_variant_raises_no_error_and_no_warning() {
    let report = report(true);
    let serious: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| format!("{} {}", f.check, f.message(Lang::En)))
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    // The checks did run: the mirror pairs of the five countries were compared.
    let m1 = report.checks.iter().find(|c| c.check == CheckCode::M1);
    assert!(m1.is_some_and(|c| c.evaluated > 100), "{m1:?}");
}
