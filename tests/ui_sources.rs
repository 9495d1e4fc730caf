//! The Sources panel and the import dialog, driven by their labels the way a reviewer uses them
//! (egui_kittest, no display needed), on the embedded sample with a temporary data directory.
#![cfg(feature = "gui")]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod ui_support;

use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use migreview::app::chart_export::{ChartFormat, ChartRequest};
use migreview::app::{Command, MessageLevel, MigreviewApp, Panel};
use migreview::assess::questionnaire::import_questionnaire;
use migreview::assess::{Answer, Criterion, Score};
use migreview::review::Review;
use std::path::{Path, PathBuf};

const ARRIVALS: &str = "tests/ui_fixtures/kaz_arrivals.csv";

/// Clicks a combo box by its label, then the entry with this text, and waits for what the
/// choice started (a preview of the file).
fn choose(h: &mut Harness<'_, MigreviewApp>, combo: &str, entry: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_by_label(entry).click();
    wait_until_idle(h);
}

/// Opens the Sources panel on Tajikistan's register.
fn show_tajik_register(h: &mut Harness<'_, MigreviewApp>) {
    h.get_by_label("Sources").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Sources);
    choose(h, "Country", "Tajikistan (TJK)");
    h.get_by_label(
        "TJK-REG — Registration at place of residence (passport and registration service)",
    )
    .click();
    h.run();
}

/// The score entry of a criterion of a source, as the session holds it.
/// A source of the window's assessment by its id (the country is its first three letters).
fn source_of<'h>(
    h: &'h Harness<'_, MigreviewApp>,
    id: &str,
) -> Option<&'h migreview::assess::DataSource> {
    h.state()
        .session()
        .review
        .assessment
        .as_ref()
        .and_then(|a| a.country(&id[..3]))
        .and_then(|c| c.source(id))
}

fn entry_of(
    h: &Harness<'_, MigreviewApp>,
    id: &str,
    criterion: Criterion,
) -> Option<migreview::assess::CriterionScore> {
    source_of(h, id).and_then(|s| s.score(criterion)).cloned()
}

#[test]
fn the_sources_panel_lists_a_countrys_sources_and_explains_a_suggestion() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(data_dir.path());
    show_tajik_register(&mut h);
    // The five sources of the sample's Tajikistan.
    for source in [
        "TJK-REG — Registration at place of residence (passport and registration service)",
        "TJK-EST — 2010 population census and current population estimates",
        "TJK-FOR — Register of foreign citizens with a residence permit",
        "TJK-CIT — Decisions on citizenship",
        "TJK-MIG — Departures and returns of labour migrants (migration cards at border crossings)",
    ] {
        h.get_by_label(source);
    }
    h.get_by_label("This assessment is synthetic demonstration data, not an official assessment.");
    // The inventory of the register, in the fields of the questionnaire.
    assert_eq!(
        h.get_by_label("Tables fed (years)").value().as_deref(),
        Some(
            "3 (2012–2021); 4 (2012–2021); 5.1 (2012–2021); 5.2 (2012–2021); 6.1 (2012–2021); 6.2 (2012–2021)"
        )
    );
    assert_eq!(
        h.get_by_label("De-registration obligation")
            .value()
            .as_deref(),
        Some("No obligation")
    );

    // The rubric: emigration capture suggested 1 from the partners' 2.5 times more arrivals.
    h.get_by_label("Scores").click();
    h.run();
    h.get_by_label("Emigration capture — suggested 1 · final 1")
        .click();
    h.run();
    h.get_by_label("Suggested score: 1");
    let why = entry_of(&h, "TJK-REG", Criterion::EmigrationCapture)
        .and_then(|e| e.suggested)
        .map(|s| s.evidence_en)
        .unwrap_or_default();
    assert!(
        why.starts_with("Emigration reported by Tajikistan is 0.40 of the immigration its partner countries report from it (2012–2021: 224,066 against 559,978): partners record 2.5 times more arrivals than it records departures."),
        "{why}"
    );
    h.get_by_label(&why);
    h.get_by_label("Final score 1: the suggestion accepted.");

    // A cited finding opens in Findings.
    h.get_by_label("Internal consistency — suggested 1 · final 1")
        .click();
    h.run();
    h.get_by_label("C5 ×2").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Findings);
    let filter = &h.state().findings_view().filter;
    assert_eq!(filter.check, Some(migreview::checks::CheckCode::C5));
    assert_eq!(filter.country.as_deref(), Some("TJK"));
    h.get_by_label("Showing 2 of 269 findings");
    h.get_by_label("Sources").click();
    h.run();
    h.query_all_by_label_contains("A3 · ")
        .next()
        .expect("a cited A3 finding")
        .click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Findings);
    let selected = h
        .state()
        .findings_view()
        .selected
        .expect("a finding is selected");
    let finding = &h.state().session().findings()[selected];
    assert_eq!(finding.check, migreview::checks::CheckCode::A3);
    assert_eq!(finding.reporter.as_deref(), Some("TJK"));

    // The country's scorecard: table, chart legend, grade and development items with numbers.
    h.get_by_label("Sources").click();
    h.run();
    h.get_by_label("Scorecard").click();
    h.run();
    h.get_by_label("Overall: 2.2 (adequate)");
    // The chart's legend tells a score of 0 from no score.
    h.get_by_label("scored 0");
    h.get_by_label("not scored");
    h.get_by_label("Potential for development");
    h.get_by_label("Emigration is recorded by the register only on de-registration, and there is no obligation to de-register on departure; partner countries report 2.5 times more arrivals from Tajikistan than it records departures (2012–2021: 224,066 departures against 559,978 arrivals).");

    // In Russian.
    h.get_by_label("Русский").click();
    h.run();
    h.get_by_label("Источники");
    h.get_by_label("Возможности для развития");
    h.get_by_label("Итого: 2,2 (удовлетворительно)");
}

#[test]
fn an_override_with_its_reason_is_saved_in_the_review_and_restored_by_a_new_window() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let review_path = data_dir.path().join("sample.review.json");
    let reason =
        "Labour migrants leave without de-registering; the register misses most departures";
    {
        let mut h = sample_window(data_dir.path());
        show_tajik_register(&mut h);
        h.get_by_label("Scores").click();
        h.run();
        h.get_by_label("Emigration capture — suggested 1 · final 1")
            .click();
        h.run();
        // The undercount classes of Tajikistan's emigration data: 0.4 of what its partners
        // report, and no obligation to de-register.
        h.get_by_label("Undercount classes of the emigration data");
        h.get_by_label("2012–2021: high undercount");
        choose(
            &mut h,
            "Score to give",
            "0 — emigration below 0.4 of partners' immigration, or not produced",
        );
        // A score other than the suggestion needs a reason.
        h.get_by_label("A reason is needed: the score differs from the suggestion.");
        h.get_by_label("Set this score").click();
        h.run();
        assert_eq!(
            entry_of(&h, "TJK-REG", Criterion::EmigrationCapture).and_then(|e| e.final_score),
            Score::new(1)
        );
        h.get_by_label("Reason for a different score").click();
        h.run();
        h.get_by_label("Reason for a different score")
            .type_text(reason);
        h.run();
        assert!(!has_label(
            &h,
            "A reason is needed: the score differs from the suggestion."
        ));
        h.get_by_label("Set this score").click();
        h.run();
        h.get_by_label("Emigration capture — suggested 1 · final 0 (overridden)");
        h.get_by_label("Final score 0: overridden by the reviewer.");
        h.get_by_label(&format!("Reason for a different score: {reason}"));
        // After the score is set, its reason stays in the field and no reason is asked for.
        assert!(!has_label(
            &h,
            "A reason is needed: the score differs from the suggestion."
        ));
        let typed = h.get_by_label("Reason for a different score");
        assert_eq!(typed.value().as_deref(), Some(reason));
        // The reviewer's evidence is saved as typed.
        h.get_by_label("Evidence").click();
        h.run();
        h.get_by_label("Evidence")
            .type_text("Migration Service: 500,000 departures for work a year");
        h.run();
        assert!(h.state().flush_saves(), "the review was written");
        let saved = Review::read(&review_path)
            .expect("readable")
            .expect("written in the data directory");
        let entry = saved
            .assessment
            .as_ref()
            .and_then(|a| a.country("TJK"))
            .and_then(|c| c.source("TJK-REG"))
            .and_then(|s| s.score(Criterion::EmigrationCapture))
            .cloned()
            .expect("the decision is in the review file");
        assert_eq!(entry.final_score, Score::new(0));
        assert!(entry.overridden);
        assert_eq!(entry.reason, reason);
        assert_eq!(entry.suggested.map(|s| s.score), Score::new(1));
        assert_eq!(
            entry.evidence,
            "Migration Service: 500,000 departures for work a year"
        );
        // The other countries of the sample assessment are in the review file as well.
        assert_eq!(saved.assessment.map(|a| a.countries.len()), Some(5));
    }

    // A new window on the same data finds the decision again.
    let mut h = sample_window(data_dir.path());
    let restored = entry_of(&h, "TJK-REG", Criterion::EmigrationCapture).expect("restored");
    assert_eq!(restored.final_score, Score::new(0));
    assert_eq!(restored.reason, reason);
    show_tajik_register(&mut h);
    h.get_by_label("Scores").click();
    h.run();
    h.get_by_label("Emigration capture — suggested 1 · final 0 (overridden)")
        .click();
    h.run();
    h.get_by_label(&format!("Reason for a different score: {reason}"));
    assert_eq!(
        h.get_by_label("Evidence").value().as_deref(),
        Some("Migration Service: 500,000 departures for work a year")
    );
}

#[test]
fn the_questionnaire_exported_from_the_window_is_imported_back() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(data_dir.path());
    show_tajik_register(&mut h);
    let path = data_dir.path().join("TJK.questionnaire.xlsx");
    h.state_mut().queue(Command::ExportQuestionnaireTo(
        path.clone(),
        vec!["TJK".to_string()],
    ));
    wait_until_idle(&mut h);
    h.get_by_label(&format!("Questionnaire written to {}", path.display()));
    let imported = import_questionnaire(&path).expect("the questionnaire reads back");
    let in_window = h
        .state()
        .session()
        .review
        .assessment
        .as_ref()
        .and_then(|a| a.country("TJK"))
        .cloned()
        .expect("Tajikistan is assessed");
    // The questionnaire carries the inventory and the scores, not the institutions.
    let mut carried = in_window.clone();
    carried.institutions.clear();
    for source in &mut carried.sources {
        source.producer = None;
        source.holders.clear();
    }
    assert_eq!(imported.assessment.countries, vec![carried]);

    // A workbook that is not a questionnaire: the error is shown and nothing changes.
    let bad = data_dir.path().join("not a questionnaire.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    book.save(&bad).expect("written");
    let before = h.state().session().review.assessment.clone();
    h.get_by_label("Dismiss").click();
    h.run();
    h.state_mut()
        .queue(Command::ImportQuestionnaireFrom(bad.clone()));
    wait_until_idle(&mut h);
    let error = h
        .state()
        .messages()
        .iter()
        .find(|m| m.level == MessageLevel::Error)
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        error.starts_with(&format!(
            "{}: nothing was imported; 3 problems to fix:",
            bad.display()
        )),
        "{error}"
    );
    h.get_by_label(&error);
    assert_eq!(h.state().session().review.assessment, before);

    // The questionnaire read back into the window, after the office changed a field.
    h.get_by_label("Dismiss").click();
    h.run();
    let mut edited = imported.assessment.clone();
    if let Some(source) = edited
        .country_mut("TJK")
        .and_then(|c| c.source_mut("TJK-MIG"))
    {
        source.release_lag_months = Some(2);
    }
    let edited_path = data_dir.path().join("TJK.filled.xlsx");
    migreview::assess::questionnaire::save_questionnaire(
        &edited_path,
        &edited,
        &Default::default(),
    )
    .expect("written");
    h.state_mut()
        .queue(Command::ImportQuestionnaireFrom(edited_path));
    wait_until_idle(&mut h);
    h.get_by_label("Questionnaire imported: TJK (5)");
    let lag = source_of(&h, "TJK-MIG").and_then(|s| s.release_lag_months);
    assert_eq!(lag, Some(2));
}

#[test]
fn a_source_is_added_edited_and_removed_in_the_window() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(data_dir.path());
    show_tajik_register(&mut h);
    choose(
        &mut h,
        "Type of the new source",
        "Asylum and refugee records",
    );
    h.get_by_label("Add source").click();
    h.run();
    h.get_by_label("TJK-ASY — Asylum and refugee records");
    assert_eq!(h.state().sources_view().source.as_deref(), Some("TJK-ASY"));
    // Feeding table 4 makes emigration capture a criterion, suggested from the mirror ratio.
    h.get_by_label("Tables fed (years)").click();
    h.run();
    h.get_by_label("Tables fed (years)")
        .type_text("4 (2012–2021)");
    h.run();
    let capture = entry_of(&h, "TJK-ASY", Criterion::EmigrationCapture)
        .and_then(|e| e.suggested)
        .map(|s| s.score);
    assert_eq!(capture, Score::new(1));
    // A table that does not exist is refused with what was expected.
    h.get_by_label("Tables fed (years)").type_text("; 8");
    h.run();
    h.get_by_label("expected a table code (1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 7.2, written with a dot), found \"8\"");
    choose(&mut h, "Publication", "PDF only");
    assert_eq!(
        entry_of(&h, "TJK-ASY", Criterion::Accessibility)
            .and_then(|e| e.suggested)
            .map(|s| s.score),
        Score::new(1)
    );
    // The questions behind the metadata score of emigration undercount, at the form's end.
    h.get_by_label("Administrative corrections").scroll_to_me();
    h.run();
    choose(&mut h, "Administrative corrections", "Yes");
    let corrections = source_of(&h, "TJK-ASY").map(|s| s.administrative_corrections);
    assert_eq!(corrections, Some(Answer::Yes));
    h.get_by_label("Remove TJK-ASY…").click();
    h.run();
    h.get_by_label("Remove TJK-ASY with its scores?");
    h.get_by_label("Remove").click();
    h.run();
    assert!(!has_label(&h, "TJK-ASY — Asylum and refugee records"));
    assert!(h.state().flush_saves());
    let saved = Review::read(&data_dir.path().join("sample.review.json"))
        .expect("readable")
        .expect("written");
    let sources = saved
        .assessment
        .and_then(|a| a.country("TJK").map(|c| c.sources.len()));
    assert_eq!(sources, Some(5));
}

/// The fixture copied into a folder of its own, so the review file lands there.
fn arrivals_copy(dir: &Path) -> PathBuf {
    let path = dir.join("kaz_arrivals.csv");
    std::fs::copy(ARRIVALS, &path).expect("fixture copied");
    path
}

#[test]
fn the_import_dialog_reads_a_file_whose_header_is_on_row_3_and_remembers_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = arrivals_copy(dir.path());
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    // The loader finds no header: the file fails, and the dialog shows its first rows.
    let dialog = h
        .state()
        .import_dialog()
        .expect("the import dialog is open");
    assert!(dialog.is_visible());
    h.get_by_label("Import settings — kaz_arrivals.csv");
    assert_eq!(
        h.query_all_by_label_contains("expected a header row naming the columns")
            .count(),
        2,
        "in the message and in the dialog"
    );
    h.get_by_label("Persons arrived");
    h.get_by_label(
        "Arrivals to Kazakhstan by country of previous residence (made-up figures for a test)",
    );

    // Row 3 holds the column names.
    choose(&mut h, "Header row", "Row 3");
    assert_eq!(
        h.get_by_label("Role of «Sex»").value().as_deref(),
        Some("Sex (detected)")
    );
    choose(&mut h, "Role of «Reference year»", "Year");
    choose(&mut h, "Role of «Arrived from»", "Partner or category");
    choose(&mut h, "Role of «Persons arrived»", "Value (persons)");
    choose(
        &mut h,
        "Table of every row",
        "3 — Long-term immigration by country of previous residence",
    );
    h.get_by_label("Read as: Long CSV (one observation per row)");
    h.get_by_label("Apply and reload").click();
    h.step();
    wait_until_idle(&mut h);
    assert!(h.state().import_dialog().is_none(), "the dialog closed");
    let session = h.state().session();
    assert_eq!(session.dataset.len(), 24);
    assert_eq!(session.report.dataset.reporters, vec!["KAZ".to_string()]);
    assert!(has_label(&h, "Kazakhstan (KAZ)"));

    // The choices are in the review file beside the data, keyed by the file's content.
    let review = Review::read(&dir.path().join("kaz_arrivals.review.json"))
        .expect("readable")
        .expect("written beside the data");
    let sha256 = migreview::load::sha256_hex(&std::fs::read(&path).expect("fixture"));
    let options = review
        .options_for_file("kaz_arrivals.csv", &sha256)
        .cloned()
        .expect("options remembered");
    assert_eq!(review.files[0].sha256, sha256);
    assert_eq!(options.header_row, Some(3));
    assert_eq!(options.table, Some(migreview::model::TableId::T3));
    assert_eq!(options.reporter.as_deref(), Some("KAZ"));
    assert_eq!(
        options.columns.get("Persons arrived"),
        Some(&migreview::load::ColumnRole::Value)
    );

    // Opened again, the file is read with the same choices, and no dialog opens.
    let mut again = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut again);
    assert!(again.state().import_dialog().is_none());
    assert_eq!(again.state().session().dataset.len(), 24);
    assert!(
        again.state().messages().is_empty(),
        "{:?}",
        again.state().messages()
    );
    // The choices can be changed from Overview (its files come last).
    again.get_by_label("Import settings…").scroll_to_me();
    again.run();
    again.get_by_label("Import settings…").click();
    wait_until_idle(&mut again);
    assert_eq!(
        again.get_by_label("Header row").value().as_deref(),
        Some("Row 3")
    );
    again.get_by_label("Close").click();
    again.run();
    assert!(again.state().import_dialog().is_none());
}

#[test]
fn a_file_read_by_guessing_opens_the_dialog_with_the_guesses() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No table and no reporter column: both are taken from the file name.
    let path = dir.path().join("kaz_3.csv");
    std::fs::write(
        &path,
        "year,sex,partner,value\n2019,T,RUS,1200\n2019,T,UZB,800\n2020,T,RUS,1120\n",
    )
    .expect("written");
    let mut h = harness(MigreviewApp::with_files(vec![path.clone()], None));
    wait_until_idle(&mut h);
    assert_eq!(h.state().session().dataset.len(), 3, "the file loaded");
    assert!(h.state().import_dialog().is_some_and(|d| d.is_visible()));
    h.get_by_label("The loader had to guess part of this (see below).");
    assert_eq!(
        h.get_by_label("Table of every row").value().as_deref(),
        Some("3 — Long-term immigration by country of previous residence (detected)")
    );
    h.get_by_label("Apply and reload").click();
    h.step();
    wait_until_idle(&mut h);
    // The guesses were kept as choices: the file now reads without guessing.
    assert!(h.state().import_dialog().is_none());
    let session = h.state().session();
    assert_eq!(session.dataset.len(), 3);
    assert!(
        session.loaded_files().all(|(_, report)| report.confident),
        "read without guessing"
    );
    // The bilateral file is read without guessing: no dialog.
    let bilateral_path = dir.path().join("bilateral_4x3.csv");
    std::fs::copy("tests/ui_fixtures/bilateral_4x3.csv", &bilateral_path).expect("copied");
    let mut bilateral = harness(MigreviewApp::with_files(vec![bilateral_path], None));
    wait_until_idle(&mut bilateral);
    assert!(bilateral.state().import_dialog().is_none());
}

#[test]
fn the_import_dialog_of_a_workbook_shows_each_sheets_table_reporter_and_header_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = migreview::sample::write_to(dir.path()).expect("sample written");
    let kaz = written
        .iter()
        .find(|p| p.parent() == Some(dir.path()) && p.ends_with("KAZ.xlsx"))
        .cloned()
        .expect("KAZ.xlsx");
    let mut h = harness(MigreviewApp::with_files(vec![kaz.clone()], None));
    wait_until_idle(&mut h);
    // A Clearinghouse workbook reads without guessing: no dialog until asked for.
    assert!(h.state().import_dialog().is_none());
    // The files' details sit below the scorecard in Overview.
    h.get_by_label("Import settings…").scroll_to_me();
    h.run();
    h.get_by_label("Import settings…").click();
    wait_until_idle(&mut h);
    h.get_by_label("Import settings — KAZ.xlsx");
    h.get_by_label("Read as: Clearinghouse workbook (one sheet per table)");
    // One tab per sheet; Table 3 of Kazakhstan, its header on row 5.
    // (The Overview behind the dialog lists "Table 3" too, as a label.)
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Table 3")
        .click();
    h.run();
    assert_eq!(
        h.get_by_label("Table of every row").value().as_deref(),
        Some("3 — Long-term immigration by country of previous residence (detected)")
    );
    assert_eq!(
        h.get_by_label("Header row").value().as_deref(),
        Some("Row 5 (detected)")
    );
    // The first rows as the sheet holds them.
    h.get_by_label("Table 3. Long-term immigration by country of previous residence");
    h.get_by_label("Country: Kazakhstan");
    // A choice for this sheet only.
    choose(&mut h, "Header row", "Row 4");
    let dialog = h.state().import_dialog().expect("open");
    assert_eq!(
        dialog
            .options
            .sheet_options
            .get("Table 3")
            .and_then(|s| s.header_row),
        Some(4)
    );
    assert_eq!(dialog.options.header_row, None, "not for the other sheets");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().import_dialog().is_none());
}

#[test]
fn the_scorecard_of_the_sources_panel_exports_as_a_chart() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(data_dir.path());
    h.get_by_label("Sources").click();
    h.run();
    choose(&mut h, "Country", "Kazakhstan (KAZ)");
    h.get_by_label("Scorecard").click();
    h.run();
    // The scorecard with its export buttons, and the chart File › Export the chart writes.
    h.get_by_label("Overall: 2.2 (adequate)");
    h.get_by_label("Export PNG…");
    h.get_by_label("Export SVG…");
    let request = h.state().shown_chart();
    assert_eq!(
        request,
        Some(ChartRequest::Scorecard {
            country: "KAZ".into()
        })
    );
    let png = out.path().join("scorecard.png");
    assert_eq!(
        h.state().export_chart(&png, ChartFormat::Png),
        Ok(png.clone())
    );
    assert!(std::fs::metadata(&png).is_ok_and(|m| m.len() > 10_000));
    // The menu's way, on the export thread: the same figures as the panel, and the notice.
    let svg = out.path().join("scorecard.svg");
    h.state_mut().queue(Command::ExportChartTo(
        request.expect("the scorecard"),
        ChartFormat::Svg,
        svg.clone(),
    ));
    wait_until_idle(&mut h);
    h.get_by_label(&format!("Chart written to {}", svg.display()));
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    for expected in [
        "Kazakhstan (KAZ): data sources by ESS quality dimension",
        "overall 2.2 (adequate)",
        "KAZ-BOR (1.3): Entries and exits",
        "SYNTHETIC DEMONSTRATION DATA — not official statistics",
    ] {
        assert!(text.contains(expected), "«{expected}» not in the chart");
    }
    // In Russian, the chart speaks Russian; on another panel there is no scorecard to export.
    h.get_by_label("Русский").click();
    h.run();
    let svg_ru = out.path().join("scorecard_ru.svg");
    assert_eq!(
        h.state().export_chart(&svg_ru, ChartFormat::Svg),
        Ok(svg_ru.clone())
    );
    let text = std::fs::read_to_string(&svg_ru).unwrap_or_default();
    assert!(text.contains("Казахстан (KAZ): источники данных по измерениям качества ЕСС"));
    assert!(text.contains("итого 2,2 (удовлетворительно)"));
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    assert_eq!(h.state().shown_chart(), None);
}

#[test]
fn institutions_are_edited_in_sources_and_a_source_names_its_producer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_window(dir.path());
    show_tajik_register(&mut h);
    let institutions = |h: &Harness<'_, MigreviewApp>| {
        h.state()
            .session()
            .review
            .assessment
            .as_ref()
            .and_then(|a| a.country("TJK"))
            .map(|c| c.institutions.clone())
            .unwrap_or_default()
    };
    // The inventory names the producer, one of the country's institutions.
    h.get_by_label("Produced by");
    assert_eq!(
        h.query_all_by_value("National statistical office of Tajikistan")
            .count(),
        1
    );
    h.get_by_label("Institutions").click();
    h.run();
    h.get_by_label("Institutions working on migration in Tajikistan (TJK)");
    assert_eq!(institutions(&h).len(), 4);
    h.get_by_label("Add an institution").scroll_to_me();
    h.run();
    h.get_by_label("Add an institution").click();
    h.run();
    let now = institutions(&h);
    assert_eq!(now.len(), 5);
    assert_eq!(now[4].id, "TJK-INST-1");
    assert_eq!(now[4].name_en, "New institution");
    // Removing one keeps the others.
    h.get_by_label("Remove TJK-INST-1").scroll_to_me();
    h.run();
    h.get_by_label("Remove TJK-INST-1").click();
    h.run();
    assert_eq!(institutions(&h).len(), 4);

    // The CSV export writes them; a CSV read back replaces them.
    let csv = dir.path().join("TJK.institutions.csv");
    h.state_mut().queue(Command::InstitutionsCsvTo {
        path: csv.clone(),
        country: "TJK".into(),
    });
    h.run();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 5);
    std::fs::write(
        &csv,
        "id,name_en,category\nTJK-A,Agency for statistics,government\n",
    )
    .unwrap();
    h.state_mut().queue(Command::InstitutionsCsvFrom {
        path: csv,
        country: "TJK".into(),
    });
    h.run();
    h.run();
    let now = institutions(&h);
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].name_en, "Agency for statistics");
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.level == MessageLevel::Info && m.text.starts_with("1 institutions read"))
    );
}

#[test]
fn the_sample_sources_and_institutions_speak_the_reviewers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_window(dir.path());
    show_tajik_register(&mut h);
    h.get_by_label("Institutions").click();
    h.run();
    let english = "SYNTHETIC DEMONSTRATION DATA, not a real institution or contact. Produces the \
                   migration, population and citizenship tables from the registers, the census \
                   and the administrative records.";
    let russian = "СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ, не реальное учреждение и не реальный \
                   контакт. Составляет таблицы миграции, населения и гражданства по регистрам, \
                   переписи и административным записям.";
    assert_eq!(h.query_all_by_value(english).count(), 1);
    h.get_by_label("Русский").click();
    h.run();
    assert_eq!(h.query_all_by_value(russian).count(), 1);
    assert_eq!(h.query_all_by_value(english).count(), 0);
    assert!(h.query_all_by_value("Столица: Таджикистан").count() >= 4);
    // The inventory: the register's name and the country's notes.
    let tajikistan = h
        .state()
        .session()
        .review
        .assessment
        .as_ref()
        .and_then(|a| a.country("TJK"))
        .cloned()
        .unwrap();
    assert_eq!(
        tajikistan.source("TJK-REG").unwrap().name,
        "Регистрация по месту жительства (паспортно-регистрационная служба)"
    );
    assert!(
        tajikistan
            .notes
            .contains("трудовые эмигранты, в основном в Россию")
    );
    // Back in English, the sample's texts are English again.
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.query_all_by_value(english).count(), 1);
}
