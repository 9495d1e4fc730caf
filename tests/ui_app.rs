//! The window, driven by its labels the way a reviewer uses it (egui_kittest, no display needed).
//! Snapshot images are taken only when `MIGREVIEW_SNAPSHOTS=1` (they need Mesa).
#![cfg(feature = "gui")]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod ui_support;

use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use migreview::app::jobs::{LoadRequest, load_session, open_session};
use migreview::app::{MessageLevel, MigreviewApp, Panel, Session};
use migreview::charts::MatrixCell;
use migreview::checks::{CheckCode, Dimension, Finding, Outcome, Severity};
use migreview::load::LoadControl;
use migreview::model::{Location, Sex, TableId, format_count};
use migreview::review::{ExportFormat, Review, TriageStatus};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU8;
use std::time::{Duration, Instant};

const FIXTURE: &str = "tests/ui_fixtures/bilateral_4x3.csv";
const M1_MESSAGE: &str = "Immigration 3,406 reported by Austria against emigration 527 reported by Bulgaria: ratio 6.463";
const M1_MESSAGE_RU: &str =
    "Иммиграция 3 406 по данным Австрии против эмиграции 527 по данным Болгарии: отношение 6,463";

/// The fixture copied into a folder of its own, so the review file lands there.
fn fixture_copy(dir: &Path) -> PathBuf {
    let path = dir.join("bilateral_4x3.csv");
    std::fs::copy(FIXTURE, &path).expect("fixture copied");
    path
}

fn location(line: u32) -> Option<Location> {
    Some(Location::line_of("bilateral_4x3.csv", line))
}

/// Findings about cells of the fixture, built here so the tests do not depend on which checks
/// are registered.
fn findings() -> Vec<Finding> {
    vec![
        Finding {
            check: CheckCode::M1,
            severity: Severity::Error,
            outcome: Outcome::Fail,
            dimension: Dimension::Accuracy,
            level: 3,
            table: Some(TableId::T3),
            reporter: Some("AUT".into()),
            year: Some(2017),
            sex: Some(Sex::T),
            age: None,
            category: Some("BGR".into()),
            expected: Some(527.0),
            actual: Some(3406.0),
            message: migreview::checks::Message::written(M1_MESSAGE, M1_MESSAGE_RU),
            location: location(20),
        },
        Finding {
            check: CheckCode::T2,
            severity: Severity::Info,
            outcome: Outcome::Fail,
            dimension: Dimension::Timeliness,
            level: 2,
            table: Some(TableId::T4),
            reporter: Some("POL".into()),
            year: None,
            sex: Some(Sex::T),
            age: None,
            category: None,
            expected: None,
            actual: None,
            message: migreview::checks::Message::written(
                "Poland reports no emigration to these partners in 2016–2018",
                "Польша не сообщает об эмиграции к этим партнёрам в 2016–2018 гг.",
            ),
            location: None,
        },
        Finding {
            check: CheckCode::M1,
            severity: Severity::Warning,
            outcome: Outcome::Fail,
            dimension: Dimension::Accuracy,
            level: 3,
            table: Some(TableId::T3),
            reporter: Some("BGR".into()),
            year: Some(2018),
            sex: Some(Sex::T),
            age: None,
            category: Some("LTU".into()),
            expected: Some(25.0),
            actual: Some(14.0),
            message: migreview::checks::Message::written(
                "Immigration 14 reported by Bulgaria against emigration 25 reported by Lithuania",
                "Иммиграция 14 по данным Болгарии против эмиграции 25 по данным Литвы",
            ),
            location: location(26),
        },
    ]
}

/// Opens the fixture the way the window does (the loading code, the review beside the first
/// file) and gives the session the test's findings.
fn session_with_findings(path: &Path) -> Session {
    let loaded = load_session(
        &LoadRequest::Files(vec![path.to_path_buf()]),
        &LoadControl::new(),
        None,
        &AtomicU8::new(0),
    );
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let mut session = loaded.session.expect("the fixture loads");
    let mut report = migreview::report::Report::clone(&session.report);
    report.findings = findings();
    session.set_report(report);
    session
}

/// The status bar of a session of the fixture: 72 observations of 4 reporters.
fn status_line(h: &Harness<'_, MigreviewApp>) -> String {
    let findings = h.state().session().findings().len();
    format!(
        "72 observations · 4 reporters · {} findings",
        format_count(findings as f64)
    )
}

/// A snapshot image, when `MIGREVIEW_SNAPSHOTS=1`; temporary paths are masked so the image does
/// not change from run to run.
fn snapshot(h: &mut Harness<'_, MigreviewApp>, name: &str) {
    if std::env::var("MIGREVIEW_SNAPSHOTS").is_ok_and(|v| v == "1") {
        let temp = std::env::temp_dir().display().to_string();
        let rects: Vec<egui::Rect> = h
            .query_all_by_label_contains(&temp)
            .chain(h.query_all_by_label_contains("Last changed"))
            .map(|node| node.rect())
            .collect();
        // To the right edge: the width of a temporary name varies with its letters.
        let right = h.ctx.content_rect().right();
        for rect in rects {
            h.mask(rect.with_max_x(right));
        }
        h.snapshot(name);
    }
}

#[test]
fn starts_on_the_sample_and_says_it_is_synthetic() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(MigreviewApp::with_files(
        Vec::new(),
        Some(data_dir.path().to_path_buf()),
    ));
    wait_until_idle(&mut h);
    assert!(h.state().session().is_sample());
    h.get_by_label("Sample data: synthetic demonstration data, not official statistics.");
    if migreview::sample::files().is_empty() {
        h.get_by_label("This build contains no sample data.");
    } else {
        let observations = h.state().session().dataset.len();
        assert!(observations > 0, "the sample loaded no observation");
        assert!(has_label(&h, &format_count(observations as f64)));
    }
    assert_eq!(
        h.state().session().review_path.as_deref(),
        Some(data_dir.path().join("sample.review.json").as_path())
    );
    snapshot(&mut h, "sample_start");
}

#[test]
fn a_sample_file_opened_from_disk_is_said_to_be_synthetic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = migreview::sample::write_to(dir.path()).expect("sample written");
    let kaz = written
        .iter()
        .find(|p| p.ends_with("KAZ.xlsx"))
        .cloned()
        .expect("KAZ.xlsx written");
    let banner = "Sample data: synthetic demonstration data, not official statistics.";
    let mut h = harness(MigreviewApp::with_files(vec![kaz], None));
    wait_until_idle(&mut h);
    assert!(!h.state().session().is_sample(), "opened as files");
    h.get_by_label(banner);

    // Other data carry no such banner.
    let other = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![other], None));
    wait_until_idle(&mut h);
    assert!(!has_label(&h, banner));
}

#[test]
fn opening_the_bilateral_file_lists_its_data_in_overview() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    assert_eq!(h.state().panel(), Panel::Overview);
    assert!(
        h.state().messages().is_empty(),
        "{:?}",
        h.state().messages()
    );
    h.get_by_label("bilateral_4x3.csv");
    h.get_by_label("Long CSV (one observation per row)");
    h.get_by_label("UTF-8 · delimiter «,»");
    // 72 rows: 4 reporters × 3 partners × 3 years × 2 tables.
    assert_eq!(h.query_all_by_label("72").count(), 2, "data set and file");
    assert_eq!(
        h.query_all_by_label("2016–2018").count(),
        2,
        "data set and file"
    );
    assert_eq!(h.query_all_by_label("3 4").count(), 2, "tables 3 and 4");
    assert_eq!(
        h.query_all_by_label("Austria (AUT), Bulgaria (BGR), Lithuania (LTU), Poland (POL)")
            .count(),
        2
    );
    h.get_by_label(&status_line(&h));
    h.get_by_label(&format!(
        "Review saved to {}",
        dir.path().join("bilateral_4x3.review.json").display()
    ));
    assert_eq!(
        h.state().settings().recent.first(),
        Some(&vec![path.clone()]),
        "the file is remembered in File › Recent"
    );
    snapshot(&mut h, "overview_file");

    // The Data panel shows Austria's immigration, years across.
    h.get_by_label("Data").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    h.get_by_label("Bulgaria (BGR)");
    h.get_by_label("3,406");
    for year in ["2016", "2017", "2018"] {
        h.get_by_label(year);
    }
}

/// The status of the report's finding `i` in the window's review.
fn status_of(h: &Harness<'_, MigreviewApp>, i: usize) -> TriageStatus {
    let session = h.state().session();
    session.review.status(session.case_id(i))
}

#[test]
fn findings_are_decided_with_keys_many_at_once_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_session(
        session_with_findings(&path),
        None,
    ));
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    // The list shows the M1 error (0) and warning (2), then the T2 info (1).
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().findings_view().selected, Some(0));
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(status_of(&h, 0), TriageStatus::Confirmed);
    h.key_press(egui::Key::J);
    h.run();
    assert_eq!(h.state().findings_view().selected, Some(2));
    h.key_press(egui::Key::Num4);
    h.run();
    assert_eq!(status_of(&h, 2), TriageStatus::FalseAlarm);
    h.key_press(egui::Key::K);
    h.run();
    assert_eq!(h.state().findings_view().selected, Some(0));

    // Ctrl+Z takes back the last decision only.
    let before = h.get_by_label("Select all shown").rect();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(status_of(&h, 2), TriageStatus::Open);
    assert_eq!(status_of(&h, 0), TriageStatus::Confirmed);
    h.get_by_label("Undone: the last change of triage is taken back (findings changed: 1).");
    // The note floats: the panel stays where it was under the mouse.
    assert_eq!(h.get_by_label("Select all shown").rect(), before);

    // All shown, one status for all: the pane shows the mix first.
    h.get_by_label("Select all shown").click();
    h.run();
    h.get_by_label("3 findings selected");
    h.get_by_label("Now: Open 2 · Confirmed 1");
    h.get_by_label("Explained").click();
    h.run();
    assert!((0..3).all(|i| status_of(&h, i) == TriageStatus::Explained));
    h.get_by_label("Now: Explained 3");
    h.get_by_label("Comment").click();
    h.run();
    h.get_by_label("Comment").type_text("definitions differ");
    h.run();
    h.get_by_label("Give this comment to all 3").click();
    h.run();
    let session = h.state().session();
    for i in 0..3 {
        let triage = session.review.triage(session.case_id(i));
        assert_eq!(
            triage.map(|t| t.comment.as_str()),
            Some("definitions differ")
        );
    }
    // One undo takes the comment back from all three, the next their status.
    h.get_by_label("Clear the selection").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let session = h.state().session();
    assert!((0..3).all(|i| {
        session
            .review
            .triage(session.case_id(i))
            .is_some_and(|t| t.comment.is_empty() && t.status == TriageStatus::Explained)
    }));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(status_of(&h, 0), TriageStatus::Confirmed);
    assert_eq!(status_of(&h, 1), TriageStatus::Open);
    assert_eq!(status_of(&h, 2), TriageStatus::Open);

    // Ctrl-click marks two; Shift-click marks a run in the order shown.
    h.get_by_label(&format!("M1 {M1_MESSAGE}")).click();
    h.run();
    h.get_by_label("T2 Poland reports no emigration to these partners in 2016–2018")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    let marked: Vec<usize> = h.state().findings_view().marked().collect();
    assert_eq!(marked, [0, 1]);
    h.key_press(egui::Key::Num3);
    h.run();
    assert_eq!(status_of(&h, 1), TriageStatus::Explained);
    assert_eq!(status_of(&h, 0), TriageStatus::Explained);
    assert_eq!(status_of(&h, 2), TriageStatus::Open);
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label(&format!("M1 {M1_MESSAGE}")).click();
    h.run();
    h.get_by_label("T2 Poland reports no emigration to these partners in 2016–2018")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    let marked: Vec<usize> = h.state().findings_view().marked().collect();
    assert_eq!(
        marked,
        [0, 1, 2],
        "the run from the M1 error to the T2 info"
    );
}

#[test]
fn a_country_under_review_opens_every_panel_on_it_and_is_kept_in_the_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    h.get_by_value("All countries");
    let all = h.state().session().findings().len();

    h.state_mut()
        .queue(migreview::app::Command::SetCountryUnderReview(Some(
            "BGR".into(),
        )));
    h.step();
    wait_until_idle(&mut h);
    let scoped = |h: &Harness<'_, MigreviewApp>| {
        let app = h.state();
        let bgr = app.session().dataset.sym("BGR");
        assert_eq!(app.findings_view().filter.country.as_deref(), Some("BGR"));
        assert_eq!(app.data_view().selection.reporter, bgr);
        assert_eq!(
            app.coverage_view().kind,
            Some(migreview::charts::GridKind::ByReporter("BGR".into()))
        );
        assert_eq!(app.sources_view().country.as_deref(), Some("BGR"));
        // The scatter, and its export, hold Bulgaria's pairs.
        assert_eq!(app.mirror_view().country.as_deref(), Some("BGR"));
        let (sender, receiver) = app.mirror_view().pair.clone().expect("a pair");
        assert!(
            sender == "BGR" || receiver == "BGR",
            "{sender} → {receiver}"
        );
    };
    scoped(&h);
    // Austria–Bulgaria is Bulgaria's largest flow in the fixture.
    assert_eq!(
        h.state().mirror_view().pair,
        Some(("BGR".to_string(), "AUT".to_string()))
    );
    assert!(h.query_all_by_value("Bulgaria (BGR)").next().is_some());
    assert!(h.query_all_by_value("All countries").next().is_none());
    // The findings shown are Bulgaria's, as reporter or as partner.
    h.get_by_label(&format!("Findings ({all})")).click();
    h.run();
    let shown = h.state().findings_view().matching();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    // The matrix holds Bulgaria and its partners, and only Bulgaria's row and column.
    h.state_mut().set_panel(Panel::Mirror);
    h.run();
    h.get_by_label("Matrix").click();
    h.run();
    let matrix = h
        .state()
        .mirror_view()
        .matrix_data()
        .expect("the matrix")
        .clone();
    assert_eq!(matrix.country.as_deref(), Some("BGR"));
    assert_eq!(matrix.countries[0], "BGR");
    assert!(matrix.countries.len() > 1, "{:?}", matrix.countries);
    let mut cells = 0;
    for (r, row) in matrix.cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let drawn = !matches!(
                cell,
                MatrixCell::Neither | MatrixCell::Diagonal | MatrixCell::Elsewhere
            );
            assert!(!drawn || r == 0 || c == 0, "cell {r},{c}: {cell:?}");
            cells += usize::from(drawn);
        }
    }
    assert!(cells > 0);
    // Between two partners: blank, not "no data".
    assert_eq!(matrix.cells[1][2], MatrixCell::Elsewhere);
    assert!(
        h.query_all_by_label_contains("Bulgaria (BGR) and its partners only")
            .next()
            .is_some()
    );
    let export = h.state().mirror_view().chart_request().expect("a chart");
    assert!(
        export.file_stem().contains("_BGR"),
        "{}",
        export.file_stem()
    );
    // The countries view marks Bulgaria's bar among all the others.
    h.get_by_label("Countries").click();
    h.run();
    let bars = h.state().mirror_view().bars_data().expect("the bars");
    assert!(bars.bars.len() > 1);
    assert_eq!(bars.country.as_deref(), Some("BGR"));
    assert_eq!(bars.bars.iter().filter(|b| bars.is_marked(b)).count(), 1);
    assert!(h.state().flush_saves());
    let saved = Review::read(&dir.path().join("bilateral_4x3.review.json"))
        .expect("readable")
        .expect("saved");
    assert_eq!(saved.country.as_deref(), Some("BGR"));

    // A new window on the same data opens on Bulgaria again.
    let mut again = harness(MigreviewApp::with_files(vec![path], None));
    wait_until_idle(&mut again);
    scoped(&again);
    // All countries is one click away.
    again.get_by_label("All countries").click();
    again.run();
    assert_eq!(again.state().findings_view().filter.country, None);
    assert_eq!(again.state().session().review.country, None);
}

#[test]
fn findings_of_one_cause_are_one_row_decided_together_and_show_their_mix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path], None));
    wait_until_idle(&mut h);
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    // Austria's immigration from Bulgaria against Bulgaria's emigration, 2016–2018: one row.
    let row = "M1 3 AUT BGR 2016–2018 Both · 3 findings";
    h.get_by_label(&format!("{row}: Open 3"));
    assert!(!has_label(
        &h,
        "M1 AUT reports 3,406 immigrants from BGR in 2017; BGR reports 527 emigrants to AUT: \
         ratio 6.463 (|ln ratio| 1.866); 95 % interval of the ratio 5.895 to 7.097"
    ));
    // A click marks the three and opens the row on them; one decision for all.
    h.get_by_label(&format!("{row}: Open 3")).click();
    h.run();
    h.get_by_label("3 findings selected");
    h.get_by_label(
        "M1 AUT reports 3,406 immigrants from BGR in 2017; BGR reports 527 emigrants to AUT: \
         ratio 6.463 (|ln ratio| 1.866); 95 % interval of the ratio 5.895 to 7.097",
    );
    h.get_by_label("Confirmed").click();
    h.run();
    let members: Vec<usize> = h.state().findings_view().marked().collect();
    assert_eq!(members.len(), 3);
    assert!(
        members
            .iter()
            .all(|&i| status_of(&h, i) == TriageStatus::Confirmed)
    );
    h.get_by_label(&format!("{row}: Confirmed 3"));
    // One member decided otherwise: the row shows the mix.
    h.get_by_label(
        "M1 AUT reports 3,406 immigrants from BGR in 2017; BGR reports 527 emigrants to AUT: \
         ratio 6.463 (|ln ratio| 1.866); 95 % interval of the ratio 5.895 to 7.097",
    )
    .click();
    h.run();
    h.key_press(egui::Key::Num4);
    h.run();
    h.get_by_label(&format!("{row}: Confirmed 2 · False alarm 1"));
    // The JSON report gives the three one group.
    let session = h.state().session();
    let groups: std::collections::BTreeSet<String> = members
        .iter()
        .map(|&i| session.findings()[i].group_id())
        .collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        ["M1|3|AUT|||TOTAL|BGR|"]
    );
}

#[test]
fn save_dialogs_open_in_the_data_folder_never_in_the_apps_own() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(MigreviewApp::with_files(
        Vec::new(),
        Some(data_dir.path().into()),
    ));
    wait_until_idle(&mut h);
    assert!(h.state().session().is_sample());
    // The sample's review lives in the app's data folder; a dialog does not open there.
    assert_eq!(
        h.state().export_suggestion(ExportFormat::Csv),
        PathBuf::from("sample.findings.csv")
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    h.state_mut()
        .queue(migreview::app::Command::Open(vec![path.clone()]));
    wait_until_idle(&mut h);
    assert_eq!(
        h.state().export_suggestion(ExportFormat::Csv),
        dir.path().join("bilateral_4x3.findings.csv")
    );
    // With a filter set, the name says so.
    let findings = h.state().session().findings();
    let (all, warnings) = (
        findings.len(),
        findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
    );
    assert!(warnings > 0);
    h.get_by_label(&format!("Findings ({all})")).click();
    h.run();
    h.get_by_label(&format!("Warning {warnings}")).click();
    h.run();
    assert_eq!(
        h.state().export_suggestion(ExportFormat::Json),
        dir.path().join("bilateral_4x3.findings_filtered.json")
    );
}

#[test]
fn the_data_are_shown_while_the_checks_run_and_the_findings_follow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let (loaded, pending) = open_session(
        &LoadRequest::Files(vec![path.clone()]),
        &LoadControl::new(),
        None,
        &AtomicU8::new(0),
    );
    let session = loaded.session.expect("the fixture loads");
    assert!(session.checking);
    assert!(session.findings().is_empty());
    let pending = pending.expect("the checks are left to run");
    // The spinners repaint for as long as the checks run: the frames are stepped.
    let mut h = harness(MigreviewApp::with_session(session, None));
    h.run_steps(4);
    h.get_by_label("72 observations · 4 reporters · checking…");
    assert!(
        h.query_all_by_label_contains("have a decision")
            .next()
            .is_none(),
        "no count of decisions before the findings are there"
    );
    h.get_by_label("The data are open already; the findings appear here when the checks are done.");
    h.get_by_label("Findings").click();
    h.run_steps(4);
    h.get_by_label("The checks are running…");
    h.get_by_label("Mirror").click();
    h.run_steps(4);
    h.get_by_label("The mirror statistics appear here when they are computed.");
    h.get_by_label("Data").click();
    h.run_steps(4);
    h.get_by_label("Bulgaria (BGR)");
    h.get_by_label("3,406");

    // The checks end: their findings and mirror statistics come in.
    h.state_mut().take_checks(pending.run());
    h.run();
    let findings = h.state().session().findings().len();
    assert!(findings > 0, "the fixture has findings");
    assert!(!h.state().session().checking);
    h.get_by_label(&status_line(&h));
    h.get_by_label(&format!("Findings ({findings})")).click();
    h.run();
    assert!(!has_label(&h, "The checks are running…"));
    h.get_by_label("M1 3 AUT BGR 2016–2018 Both · 3 findings: Open 3");
    h.get_by_label("Mirror").click();
    h.run();
    assert!(!has_label(
        &h,
        "The mirror statistics appear here when they are computed."
    ));
    let pairs = h.state().session().report.mirror.pairs.len();
    assert!(pairs > 0, "the fixture has mirror pairs");
}

#[test]
fn the_findings_panel_lists_findings_grouped_by_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_session(
        session_with_findings(&path),
        None,
    ));
    h.run();
    h.get_by_label("Findings (3)").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Findings);
    h.get_by_label("M1 — Immigration and the partner's emigration agree (2)");
    h.get_by_label("T2 — No years missing from a table (1)");
    h.get_by_label(M1_MESSAGE);
    h.get_by_label("Poland reports no emigration to these partners in 2016–2018");
    h.get_by_label("Showing 3 of 3 findings");

    // Only errors: the warning and the info go.
    h.get_by_label("Warning 1").click();
    h.run();
    h.get_by_label("Info 1").click();
    h.run();
    h.get_by_label("Showing 1 of 3 findings");
    assert!(!has_label(
        &h,
        "Poland reports no emigration to these partners in 2016–2018"
    ));
    // An export holds what is shown, and says so on its first line.
    let csv = dir.path().join("errors.csv");
    h.state_mut()
        .export_findings(&csv, ExportFormat::Csv)
        .expect("exported");
    let text = std::fs::read_to_string(&csv).expect("csv");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("\u{FEFF}Filtered: 1 of 3 findings · Severity: Error")
    );
    assert!(lines[1].starts_with("check,title,severity,"), "{text}");
    assert_eq!(
        lines.len(),
        3,
        "the note, the header and the one error: {text}"
    );
    assert!(lines[2].starts_with("M1,"), "{text}");
    h.get_by_label("Clear filters").click();
    h.run();

    // Text search finds the Lithuanian pair only.
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("lithuania");
    h.run();
    h.get_by_label("Showing 1 of 3 findings");
    assert!(has_label(
        &h,
        "Immigration 14 reported by Bulgaria against emigration 25 reported by Lithuania"
    ));
    assert!(!has_label(&h, M1_MESSAGE));

    // A group folds away.
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label("M1 — Immigration and the partner's emigration agree (2)")
        .click();
    h.run();
    assert!(!has_label(&h, M1_MESSAGE));
    h.get_by_label("Poland reports no emigration to these partners in 2016–2018");
    snapshot(&mut h, "findings_list");
}

#[test]
fn selecting_a_finding_explains_it_and_data_moves_to_its_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_session(
        session_with_findings(&path),
        None,
    ));
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.get_by_label(M1_MESSAGE).click();
    h.run();
    assert_eq!(h.state().findings_view().selected, Some(0));
    // The detail: title from the catalogue, message, where, and the two sides.
    h.get_by_label("M1 — Immigration and the partner's emigration agree");
    assert_eq!(
        h.query_all_by_label(M1_MESSAGE).count(),
        2,
        "row and detail"
    );
    h.get_by_label("bilateral_4x3.csv › line 20");
    h.get_by_label("Austria (AUT)");
    h.get_by_label("Bulgaria (BGR)");
    h.get_by_label("527");
    h.get_by_label("3,406");
    h.get_by_label("Error");
    h.get_by_label("validation level 3");

    h.get_by_label("Show in Data").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    let view = h.state().data_view();
    assert_eq!(view.selection.table, Some(TableId::T3));
    let session = h.state().session();
    assert_eq!(
        view.selection.reporter.map(|r| session.dataset.str(r)),
        Some("AUT")
    );
    assert_eq!(view.selection.sex, Sex::T);
    let pivot = view.pivot().expect("a pivot is shown");
    let (row, col) = view.target_position().expect("a highlighted cell");
    let row = row.expect("the Bulgaria row");
    let col = col.expect("the 2017 column");
    assert_eq!(pivot.rows[row].label, "Bulgaria (BGR)");
    assert_eq!(pivot.years[col], 2017);
    let obs = pivot.rows[row].cells[col].expect("an observation");
    assert_eq!(session.dataset.obs()[obs as usize].value, 3406.0);
    assert_eq!(
        h.get_by_label("Reporter").value().as_deref(),
        Some("Austria (AUT)")
    );
    assert_eq!(
        h.get_by_label("Table").value().as_deref(),
        Some("3 — Long-term immigration by country of previous residence")
    );
    h.get_by_label("Long-term immigration by country of previous residence");
    h.get_by_label("3,406");
    snapshot(&mut h, "data_jump");

    // A double click on a finding goes to its cell as well.
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.get_by_label("Show in Data"); // the detail of the M1 finding is still shown
    h.state_mut()
        .queue(migreview::app::Command::SelectFinding(None));
    h.run();
    // Half a second after the last click, so egui counts two clicks, not three.
    h.run_steps(30);
    let row = h.get_by_label(M1_MESSAGE);
    row.click();
    row.click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    assert_eq!(h.state().data_view().selection.table, Some(TableId::T3));

    // A finding about a series (no year) selects its table and reporter.
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.get_by_label("Poland reports no emigration to these partners in 2016–2018")
        .click();
    h.run();
    h.get_by_label("Show in Data").click();
    h.run();
    let view = h.state().data_view();
    let session = h.state().session();
    assert_eq!(view.selection.table, Some(TableId::T4));
    assert_eq!(
        view.selection.reporter.map(|r| session.dataset.str(r)),
        Some("POL")
    );
    // Poland reported nothing: every cell shows the marker of an empty cell, never 0.
    let pivot = view.pivot().expect("a pivot is shown");
    let cells: Vec<u32> = pivot
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten().copied())
        .collect();
    assert_eq!(cells.len(), 9, "three partners × three years");
    for obs in &cells {
        assert_eq!(
            migreview::app::data::value_text(session, *obs, migreview::model::Lang::En),
            ("·".to_string(), Some(migreview::model::Missing::Empty))
        );
    }
    // Nine cells and the two dots of the heading line.
    assert_eq!(h.query_all_by_label("·").count(), 11);
    assert!(!has_label(&h, "0"));
}

#[test]
fn triage_is_saved_beside_the_data_and_restored_by_a_new_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let review_path = dir.path().join("bilateral_4x3.review.json");
    let comment = "Bulgaria does not record departures to Austria; asked NSI";
    let mut snapshots = {
        let mut h = harness(MigreviewApp::with_session(
            session_with_findings(&path),
            None,
        ));
        h.state_mut().set_panel(Panel::Findings);
        h.run();
        h.get_by_label(M1_MESSAGE).click();
        h.run();
        h.get_by_label("Confirmed").click();
        h.run();
        h.get_by_label("Comment").click();
        h.run();
        h.get_by_label("Comment").type_text(comment);
        h.run();
        assert!(h.state().flush_saves(), "the review was written");
        let saved = Review::read(&review_path)
            .expect("readable")
            .expect("written beside the data");
        let case_id = findings()[0].case_id();
        let triage = saved.triage(&case_id).expect("triage of the finding");
        assert_eq!(triage.status, TriageStatus::Confirmed);
        assert_eq!(triage.comment, comment);
        assert!(triage.changed.ends_with('Z'), "{}", triage.changed);
        assert_eq!(saved.files.len(), 1);
        assert_eq!(saved.files[0].name, "bilateral_4x3.csv");
        assert_eq!(
            saved.files[0].sha256,
            migreview::load::sha256_hex(&std::fs::read(&path).expect("fixture"))
        );
        // The list shows the decision too.
        assert!(has_label(&h, "Confirmed"));
        snapshot(&mut h, "findings_detail");

        // Exports carry the decision.
        let csv = dir.path().join("findings.csv");
        h.state_mut()
            .export_findings(&csv, ExportFormat::Csv)
            .expect("exported");
        let text = std::fs::read_to_string(&csv).expect("csv");
        assert!(text.contains("confirmed"), "{text}");
        assert!(text.contains(comment), "{text}");
        assert_eq!(text.lines().count(), 4, "header and three findings");
        // The same from the menu's path: written on a thread, then said in the window.
        let json = dir.path().join("findings.json");
        h.state_mut().queue(migreview::app::Command::ExportTo(
            json.clone(),
            ExportFormat::Json,
        ));
        wait_until_idle(&mut h);
        h.get_by_label(&format!("Findings written to {}", json.display()));
        let exported: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("valid");
        assert_eq!(exported["findings"][0]["status"], "confirmed");
        assert_eq!(exported["findings"][0]["comment"], comment);
        assert_eq!(exported["findings"][2]["status"], "open");
        // The next save dialog opens where this went.
        assert_eq!(
            h.state().settings().save_folder.as_deref(),
            Some(dir.path())
        );
        assert_eq!(
            h.state().export_suggestion(ExportFormat::Xlsx),
            dir.path().join("bilateral_4x3.findings.xlsx")
        );
        h.get_by_label("Dismiss").click();
        h.run();
        h.take_snapshot_results()
    };

    // A new window opening the same data finds the decision again.
    let mut h = harness(MigreviewApp::with_session(
        session_with_findings(&path),
        None,
    ));
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.get_by_label(M1_MESSAGE).click();
    h.run();
    let session = h.state().session();
    assert_eq!(
        session.review.status(&findings()[0].case_id()),
        TriageStatus::Confirmed
    );
    let comment_box = h.get_by_label("Comment");
    assert_eq!(comment_box.value().as_deref(), Some(comment));
    h.state_mut().set_panel(Panel::Overview);
    h.run();
    h.get_by_label("The earlier review of these data was restored (decisions: 1).");
    h.get_by_label("1 of 3 findings have a decision.");
    // The scorecard counts the findings by severity, table and country.
    h.get_by_label("3 findings, 0 of them not evaluable.");
    h.get_by_label("Austria (AUT)");
    h.get_by_label("Table 3");
    h.get_by_label("Table 4");
    snapshot(&mut h, "overview_scorecard");
    snapshots.extend_harness(&mut h);
    snapshots.unwrap();
}

#[test]
fn changed_data_load_the_review_with_a_warning_and_count_stale_decisions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let review_path = dir.path().join("bilateral_4x3.review.json");
    let mut review = Review::default();
    review.files.push(migreview::review::ReviewedFile {
        name: "bilateral_4x3.csv".into(),
        sha256: "0".repeat(64),
        options: Default::default(),
    });
    review.set_status(
        &findings()[0].case_id(),
        TriageStatus::Explained,
        "2025-01-27T10:00:00Z",
    );
    review.set_status(
        "M1|3|AUT|2010|T||BGR|gone",
        TriageStatus::Confirmed,
        "2025-01-27T10:00:01Z",
    );
    review.save(&review_path).expect("saved");

    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    let warning = "The data changed since this review was saved (it was made on: bilateral_4x3.csv). Its decisions are kept; check them again.";
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.level == MessageLevel::Warning && m.text == warning),
        "{:?}",
        h.state().messages()
    );
    assert_eq!(
        h.query_all_by_label(warning).count(),
        2,
        "message and Overview"
    );
    // The decision about a pair-year that is not in the data is stale whatever checks run.
    let session = h.state().session();
    let stale = [
        "M1|3|AUT|2010|T||BGR|gone".to_string(),
        findings()[0].case_id(),
    ]
    .iter()
    .filter(|id| !session.index.case_ids.contains(id))
    .count();
    assert!(stale >= 1);
    assert_eq!(session.stale, stale);
    h.get_by_label(&format!(
        "{stale} decisions are about findings that no longer exist (kept in the review file)."
    ));
    // The review now belongs to these data: its hash is updated on the next save, decisions kept.
    assert_eq!(session.review.triage.len(), 2);
}

#[test]
fn switching_to_russian_changes_the_labels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_session(
        session_with_findings(&path),
        None,
    ));
    h.run();
    h.get_by_label("Overview");
    h.get_by_label("Русский").click();
    h.run();
    h.get_by_label("Обзор");
    h.get_by_label("Данные");
    h.get_by_label("Замечания (3)");
    h.get_by_label("Набор данных");
    assert!(!has_label(&h, "Overview"));
    h.get_by_label("Замечания (3)").click();
    h.run();
    h.get_by_label(M1_MESSAGE_RU);
    h.get_by_label("M1 — Иммиграция согласуется с эмиграцией, учтённой страной-партнёром (2)");
    h.get_by_label(M1_MESSAGE_RU).click();
    h.run();
    h.get_by_label("Австрия (AUT)");
    h.get_by_label("Показать в данных").click();
    h.run();
    h.get_by_label("Долгосрочная иммиграция по стране предыдущего проживания");
    assert_eq!(
        h.get_by_label("Страна").value().as_deref(),
        Some("Австрия (AUT)")
    );
    h.get_by_label("Болгария (BGR)");
    snapshot(&mut h, "data_ru");
}

#[test]
fn a_bad_file_shows_its_error_and_closes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    let generation = h.state().session().generation;

    // A directory and a binary file, opened together: both fail, the open data stay.
    let binary = dir.path().join("picture.csv");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0]).expect("written");
    let folder = dir.path().join("a folder");
    std::fs::create_dir(&folder).expect("folder");
    h.state_mut().queue(migreview::app::Command::Open(vec![
        folder.clone(),
        binary.clone(),
    ]));
    wait_until_idle(&mut h);
    assert_eq!(
        h.state().session().generation,
        generation,
        "the session stays"
    );
    h.get_by_label(&format!(
        "{}: is a directory, expected a data file (.csv, .tsv, .xlsx, .xls, .ods, …)",
        folder.display()
    ));
    h.get_by_label(&format!(
        "{}: expected a text file (CSV, TSV) or a workbook (.xlsx, .xls, .ods); found binary data",
        binary.display()
    ));
    h.get_by_label("None of the files could be read; the data already open stay open.");
    h.get_by_label("bilateral_4x3.csv");
    h.get_by_label(&status_line(&h));

    // A bad file next to a good one: the good one opens, the error stays listed.
    h.get_by_label("Dismiss all").click();
    h.run();
    assert!(h.state().messages().is_empty());
    h.state_mut().queue(migreview::app::Command::Open(vec![
        binary.clone(),
        path.clone(),
    ]));
    wait_until_idle(&mut h);
    assert_ne!(h.state().session().generation, generation, "a new session");
    assert_eq!(h.state().session().dataset.len(), 72);
    assert_eq!(h.state().messages().len(), 1);
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().messages().is_empty());
    // The failed file is listed in Overview with its error.
    h.get_by_label("picture.csv");
}

/// A file dropped onto the window, as the windowing layer hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_open_by_dropping_them_and_again_from_the_recent_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(
        Vec::new(),
        Some(dir.path().to_path_buf()),
    ));
    wait_until_idle(&mut h);
    assert!(h.state().session().is_sample());

    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.clone())));
    h.step();
    wait_until_idle(&mut h);
    assert_eq!(
        h.state().session().source,
        migreview::app::session::SessionSource::Files(vec![path.clone()])
    );
    h.get_by_label("bilateral_4x3.csv");
    let generation = h.state().session().generation;

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Recent files").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "bilateral_4x3.csv")
        .click();
    wait_until_idle(&mut h);
    assert_ne!(h.state().session().generation, generation, "opened again");
    assert_eq!(h.state().session().dataset.len(), 72);
}

#[test]
fn cancelling_a_load_keeps_the_open_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    let generation = h.state().session().generation;
    // A large file: loading it takes far longer than the two frames before it is cancelled.
    // (A named pipe, which would wait for a writer, is refused before it is read.)
    let slow = dir.path().join("slow.csv");
    let mut text = String::from("table,reporter,year,sex,age,category,value\n");
    for i in 0..400_000u32 {
        text.push_str(&format!(
            "3,KAZ,{},T,{},RUS,{}\n",
            1900 + i % 120,
            i / 120 % 90,
            i % 997
        ));
    }
    std::fs::write(&slow, text).expect("large file written");
    h.state_mut()
        .queue(migreview::app::Command::Open(vec![slow.clone()]));
    h.step();
    h.step();
    assert!(h.state().is_busy(), "the load is still running");
    h.get_by_label("Loading slow.csv…");
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(!h.state().is_busy());
    // What the loading thread delivers after the cancel is dropped.
    std::thread::sleep(Duration::from_millis(300));
    h.run();
    assert_eq!(h.state().session().generation, generation);
    assert_eq!(h.state().session().dataset.len(), 72);
    h.get_by_label("Loading was cancelled; the open data stay.");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn language_theme_and_zoom_are_kept_for_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = MemoryStorage::default();
    {
        let mut h = harness(MigreviewApp::with_files(
            Vec::new(),
            Some(dir.path().to_path_buf()),
        ));
        wait_until_idle(&mut h);
        h.get_by_label("Русский").click();
        h.run();
        h.get_by_label("Вид").click();
        h.run();
        h.get_by_label("Тёмная").click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        h.run();
        assert_eq!(h.ctx.zoom_factor(), 1.1);
        assert_eq!(h.ctx.theme(), egui::Theme::Dark);
        eframe::App::save(h.state_mut(), &mut storage);
    }
    let mut h = harness(MigreviewApp::with_storage(
        Some(&storage),
        Vec::new(),
        Some(dir.path().to_path_buf()),
    ));
    wait_until_idle(&mut h);
    let settings = h.state().settings();
    assert_eq!(settings.lang, migreview::model::Lang::Ru);
    assert!(settings.dark);
    assert_eq!(h.ctx.zoom_factor(), 1.1);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.get_by_label("Обзор");
    // Ctrl 0 goes back to the actual size.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert_eq!(h.state().settings().zoom, 1.0);
}

#[test]
fn overview_lists_skipped_rows_and_labels_that_could_not_be_placed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kaz_with_problems.csv");
    std::fs::copy("tests/ui_fixtures/kaz_with_problems.csv", &path).expect("copied");
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    // The files' details come after the labels, further down.
    h.get_by_label("Skipped rows (1)").scroll_to_me();
    h.run();
    h.get_by_label("Skipped rows (1)").click();
    h.run();
    // Places name the file as its path was given.
    h.get_by_label(&format!("{} › line 5", path.display()));
    h.get_by_label(&format!(
        "expected a year (1900–{}), found \"twenty\"",
        migreview::load::header::current_year()
    ));
    h.get_by_label("Labels that could not be placed (1)");
    h.get_by_label("«Kyrgyzstn»");
    h.get_by_label("category / partner");
    h.get_by_label(&format!("{} › line 3", path.display()));
    h.get_by_label("Kyrgyzstan (KGZ)");

    // In Data the label stays as written, and the value not available shows its marker.
    h.get_by_label("Data").click();
    h.run();
    h.get_by_label("«Kyrgyzstn»");
    h.get_by_label("12,000");
    h.get_by_label(":");
    assert!(!has_label(&h, "0"));
    snapshot(&mut h, "data_markers");
}

#[test]
fn a_label_placed_once_in_overview_is_read_as_that_country_from_then_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kaz_partners.csv");
    std::fs::write(
        &path,
        "table,reporter,year,category,value\n\
         3,KAZ,2019,RUS,120\n\
         3,KAZ,2019,Kyrgyzstn,5\n\
         3,KAZ,2019,UZB,80\n\
         3,KAZ,2020,kyrgyz-stn,7\n\
         3,KAZ,2020,RUS,110\n",
    )
    .expect("written");
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    let unplaced_s1 = |h: &Harness<'_, MigreviewApp>| {
        h.state()
            .session()
            .findings()
            .iter()
            .filter(|f| f.check == CheckCode::S1)
            .count()
    };
    assert!(unplaced_s1(&h) > 0, "S1 reports the unplaced labels");
    let categories = |h: &Harness<'_, MigreviewApp>| -> Vec<String> {
        let dataset = &h.state().session().dataset;
        dataset
            .obs()
            .iter()
            .filter(|o| o.year == 2019 && o.value == 5.0)
            .map(|o| dataset.str(o.category).to_string())
            .collect()
    };
    assert_eq!(categories(&h), vec!["Kyrgyzstn".to_string()]);

    // Both ways of writing it are one group, with its suggestion.
    h.get_by_label("Labels that could not be placed (2)");
    h.get_by_label("«Kyrgyzstn»");
    h.get_by_label("«kyrgyz-stn»");
    h.get_by_label(&format!("{} › line 3", path.display()));
    let apply = "Apply the choices and reload";
    assert!(
        h.get_by_label(apply).accesskit_node().is_disabled(),
        "nothing is chosen yet"
    );

    // Something that is no country is refused with what is expected.
    // Choosing "other:" puts the cursor in its field.
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "other:")
        .click();
    h.run();
    h.get_by_label("type a code or a name");
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "other:");
    assert!(field.is_focused());
    field.type_text("Atlantis");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "other:")
            .value()
            .as_deref(),
        Some("Atlantis")
    );
    h.get_by_label("expected a country in any coding (MDA, Moldova) or not a country");
    assert!(h.get_by_label(apply).accesskit_node().is_disabled());

    // The suggestion is chosen and applied.
    h.get_by_label("Kyrgyzstan (KGZ)").click();
    h.run();
    assert!(!has_label(
        &h,
        "expected a country in any coding (MDA, Moldova) or not a country"
    ));
    h.get_by_label("→ Kyrgyzstan (KGZ)");
    h.get_by_label(apply).click();
    h.step();
    wait_until_idle(&mut h);

    assert!(!has_label(&h, "«Kyrgyzstn»"), "the label is placed");
    assert!(!has_label(&h, "«kyrgyz-stn»"), "its variant too");
    assert!(
        h.query_by_label_contains("Labels that could not be placed")
            .is_none()
    );
    assert!(h.state().session().dataset.unplaced.is_empty());
    assert_eq!(categories(&h), vec!["KGZ".to_string()]);
    assert_eq!(unplaced_s1(&h), 0, "no S1 finding is left");

    // The mapping is in the review's import options of the file, for every variant.
    let review = Review::read(&dir.path().join("kaz_partners.review.json"))
        .expect("readable")
        .expect("written beside the data");
    let sha256 = migreview::load::sha256_hex(&std::fs::read(&path).expect("data"));
    let options = review
        .options_for_file("kaz_partners.csv", &sha256)
        .cloned()
        .expect("options remembered");
    assert_eq!(
        options.labels.get("Kyrgyzstn").map(String::as_str),
        Some("KGZ")
    );
    assert_eq!(
        options.labels.get("kyrgyz-stn").map(String::as_str),
        Some("KGZ")
    );
    assert_eq!(options.labels.len(), 2);

    // Opened again, the file is read with the mapping.
    let mut again = harness(MigreviewApp::with_files(vec![path], None));
    wait_until_idle(&mut again);
    assert!(again.state().session().dataset.unplaced.is_empty());
    assert_eq!(categories(&again), vec!["KGZ".to_string()]);
    assert!(!has_label(&again, "«Kyrgyzstn»"));
}

#[test]
fn a_label_is_placed_from_the_import_dialog_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kaz_moldova.csv");
    std::fs::write(
        &path,
        "table,reporter,year,category,value\n\
         3,KAZ,2019,RUS,120\n\
         3,KAZ,2019,Moldva,4\n\
         3,KAZ,2020,RUS,110\n",
    )
    .expect("written");
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    assert!(h.state().import_dialog().is_none());
    let suggestion = "Republic of Moldova (MDA)";
    let radios = |h: &Harness<'static, MigreviewApp>| {
        h.query_all_by_role_and_label(egui::accesskit::Role::RadioButton, suggestion)
            .count()
    };
    assert_eq!(radios(&h), 1, "on the Overview");
    h.get_by_label("Import settings…").scroll_to_me();
    h.run();
    h.get_by_label("Import settings…").click();
    wait_until_idle(&mut h);
    h.get_by_label("Import settings — kaz_moldova.csv");
    h.get_by_label("Labels of this file that could not be placed (1)");
    assert_eq!(radios(&h), 2, "on the Overview and in the dialog");
    // The dialog is drawn over the panel, after it.
    h.query_all_by_role_and_label(egui::accesskit::Role::RadioButton, suggestion)
        .last()
        .expect("the dialog's choice")
        .click();
    h.run();
    assert_eq!(
        h.state()
            .import_dialog()
            .and_then(|d| d.options.labels.get("Moldva").cloned())
            .as_deref(),
        Some("MDA"),
        "the choice is in the dialog's options"
    );
    // Apply waits for the preview of the options chosen.
    let started = Instant::now();
    while h.state().import_dialog().is_some_and(|d| d.is_waiting()) {
        assert!(started.elapsed() < Duration::from_secs(60), "no preview");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
    h.get_by_label("Apply and reload").click();
    h.step();
    wait_until_idle(&mut h);
    assert!(h.state().import_dialog().is_none(), "the dialog closed");
    assert!(h.state().session().dataset.unplaced.is_empty());
    assert_eq!(radios(&h), 0, "the label is placed");
    let dataset = &h.state().session().dataset;
    assert!(
        dataset
            .obs()
            .iter()
            .any(|o| o.value == 4.0 && dataset.str(o.category) == "MDA")
    );
    let review = Review::read(&dir.path().join("kaz_moldova.review.json"))
        .expect("readable")
        .expect("written beside the data");
    let sha256 = migreview::load::sha256_hex(&std::fs::read(&path).expect("data"));
    let options = review
        .options_for_file("kaz_moldova.csv", &sha256)
        .cloned()
        .expect("options remembered");
    assert_eq!(
        options.labels.get("Moldva").map(String::as_str),
        Some("MDA")
    );
}

#[test]
fn a_file_read_by_guessing_still_gets_the_import_dialog_once_its_labels_are_placed() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No table and no reporter column: both are guessed from the file name.
    let path = dir.path().join("kaz_3.csv");
    std::fs::write(
        &path,
        "year,sex,partner,value\n2019,T,RUS,1200\n2019,T,Kyrgyzstn,5\n",
    )
    .expect("written");
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    assert!(h.state().import_dialog().is_some_and(|d| d.is_visible()));
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().import_dialog().is_none());
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Kyrgyzstan (KGZ)")
        .click();
    h.run();
    h.get_by_label("Apply the choices and reload").click();
    h.step();
    wait_until_idle(&mut h);
    assert!(h.state().session().dataset.unplaced.is_empty());
    let options = &h.state().session().files[0].options;
    assert_eq!(
        options.labels.get("Kyrgyzstn").map(String::as_str),
        Some("KGZ")
    );
    // The file is still read by guessing: the dialog asks again how to read it.
    assert!(h.state().import_dialog().is_some_and(|d| d.is_visible()));
}

#[test]
fn a_placed_label_is_kept_for_the_file_where_it_occurs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clean = dir.path().join("kaz_2019.csv");
    let odd = dir.path().join("kaz_2020.csv");
    std::fs::write(
        &clean,
        "table,reporter,year,category,value\n3,KAZ,2019,RUS,120\n3,KAZ,2019,UZB,80\n",
    )
    .expect("written");
    std::fs::write(
        &odd,
        "table,reporter,year,category,value\n3,KAZ,2020,RUS,110\n3,KAZ,2020,Kyrgyzstn,7\n",
    )
    .expect("written");
    let mut h = harness(MigreviewApp::with_files(
        vec![clean.clone(), odd.clone()],
        None,
    ));
    wait_until_idle(&mut h);
    h.get_by_label(&format!("{} › line 3", odd.display()));
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "not a country")
        .click();
    h.run();
    h.get_by_label("→ kept as written, not a country");
    h.get_by_label("Apply the choices and reload").click();
    h.step();
    wait_until_idle(&mut h);
    let session = h.state().session();
    assert!(session.dataset.unplaced.is_empty());
    assert_eq!(session.files.len(), 2, "both files opened again");
    // Kept as written, not a country.
    assert!(
        session
            .dataset
            .obs()
            .iter()
            .any(|o| o.value == 7.0 && session.dataset.str(o.category) == "Kyrgyzstn")
    );
    // The review beside the first file holds the mapping for the second file only.
    let review = Review::read(&dir.path().join("kaz_2019.review.json"))
        .expect("readable")
        .expect("written beside the first file");
    let sha = |p: &Path| migreview::load::sha256_hex(&std::fs::read(p).expect("data"));
    let labels_of = |name: &str, path: &Path| {
        review
            .options_for_file(name, &sha(path))
            .map(|o| o.labels.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        labels_of("kaz_2020.csv", &odd)
            .get("Kyrgyzstn")
            .map(String::as_str),
        Some(migreview::load::NOT_A_COUNTRY)
    );
    assert!(labels_of("kaz_2019.csv", &clean).is_empty());
}

#[test]
fn the_reviewers_texts_are_kept_in_the_review_and_go_into_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    h.get_by_label("Reviewer").click();
    h.run();
    h.get_by_label("Reviewer").type_text("A. Reviewer");
    h.run();
    h.get_by_label("Executive summary").click();
    h.run();
    h.get_by_label("Executive summary")
        .type_text("Emigration is undercounted.");
    h.run();
    let texts = &h.state().session().review.report;
    assert_eq!(texts.reviewer, "A. Reviewer");
    assert_eq!(texts.summary, "Emigration is undercounted.");
    assert!(h.state().flush_saves());
    let saved = Review::read(&dir.path().join("bilateral_4x3.review.json"))
        .expect("readable")
        .expect("saved");
    assert_eq!(saved.report.summary, "Emigration is undercounted.");

    // The dialog asks for the country, the language and the format; the country under review
    // is chosen first.
    h.state_mut()
        .queue(migreview::app::Command::SetCountryUnderReview(Some(
            "BGR".into(),
        )));
    h.run();
    let before = h.query_all_by_value("Bulgaria (BGR)").count();
    h.get_by_label("Export review report…").scroll_to_me();
    h.run();
    h.get_by_label("Export review report…").click();
    h.run();
    h.get_by_label("Export the review report");
    // The dialog's country is the one under review, beside the Overview's choice.
    assert!(h.query_all_by_value("Bulgaria (BGR)").count() > before);
    h.get_by_label("JSON, for scripts (.json)").click();
    h.run();
    // What its Export writes (the save dialog aside).
    let request = migreview::app::report::ReportRequest {
        country: Some("BGR".into()),
        lang: migreview::model::Lang::Ru,
        format: migreview::review_report::ReportFormat::Html,
        bundle: true,
    };
    let out = dir.path().join("review_BGR_ru.html");
    assert_eq!(h.state().write_report(&out, request), Ok(out.clone()));
    // The bundle beside it holds the same report and the review with the reviewer's texts.
    let bundled = std::fs::read(dir.path().join("review_BGR_ru.zip")).expect("the bundle");
    let bundle = migreview::review_report::bundle::read(&bundled).expect("readable");
    assert_eq!(bundle.manifest.report, "review.html");
    assert_eq!(bundle.manifest.country.as_deref(), Some("BGR"));
    assert_eq!(bundle.manifest.files.len(), 1);
    assert_eq!(bundle.review.report.summary, "Emigration is undercounted.");
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(html.contains("<p>Emigration is undercounted.</p>"));
    assert!(html.contains("A. Reviewer"));
    assert!(html.contains("Болгария (BGR)"));
    assert!(html.contains("Резюме"));

    // The office's answers, read back (File › Import answers of the office…).
    let id = h.state().session().case_id(0).to_string();
    let mut answers = rust_xlsxwriter::Workbook::new();
    let sheet = answers.add_worksheet();
    for (c, cell) in ["Id", "Status", "Explanation"].iter().enumerate() {
        sheet.write_string(0, c as u16, *cell).unwrap();
    }
    for (c, cell) in [id.as_str(), "Explained", "A revised figure"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *cell).unwrap();
    }
    sheet.write_string(2, 0, "X|not|a|finding").unwrap();
    let answers_path = dir.path().join("answers.xlsx");
    answers.save(&answers_path).unwrap();
    h.state_mut()
        .queue(migreview::app::Command::ImportAnswersFrom(answers_path));
    wait_until_idle(&mut h);
    let triage = h
        .state()
        .session()
        .review
        .triage(&id)
        .cloned()
        .expect("taken");
    assert_eq!(triage.status, TriageStatus::Explained);
    assert_eq!(triage.explanation, "A revised figure");
    assert!(
        h.state().messages().iter().any(|m| m
            .text
            .contains("2 answers read; 1 findings changed, 1 rows match no finding")),
        "{:?}",
        h.state().messages()
    );
}
