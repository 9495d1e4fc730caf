//! The Workshop panel: `migreview --workshop` opens the first lesson's data on the lesson
//! picker; another lesson opens from the list; "Reset lesson" brings the lesson back to its
//! start (the room's marks dropped); the trainer's key lists the planted problems.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use migreview::app::MigreviewApp;
use migreview::app::command::{Command, Panel};
use migreview::app::session::SessionSource;
use migreview::checks::CheckCode;
use migreview::review::TriageStatus;
use std::collections::BTreeSet;
use ui_support::{harness, has_label, wait_until_idle};

/// The window as `migreview --workshop` opens it, once the first lesson is loaded.
fn workshop_window(dir: &std::path::Path) -> Harness<'static, MigreviewApp> {
    let mut h =
        harness(MigreviewApp::with_files(Vec::new(), Some(dir.to_path_buf())).in_workshop());
    wait_until_idle(&mut h);
    h
}

/// Data on table 3 of Kyrgyzstan, both sexes, with 2016 in view.
fn show_kyrgyz_immigration_2016(h: &mut Harness<'_, MigreviewApp>) {
    h.state_mut().queue(Command::ShowTableInData {
        table: migreview::model::TableId::T3,
        reporter: "KGZ".into(),
        sex: migreview::model::Sex::T,
        year: Some(2016),
    });
    h.run();
}

fn checks_found(app: &MigreviewApp) -> BTreeSet<CheckCode> {
    app.session().findings().iter().map(|f| f.check).collect()
}

#[test]
fn a_trainer_opens_lessons_resets_one_and_reads_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    assert_eq!(h.state().panel(), Panel::Workshop);
    assert_eq!(
        h.state().session().source,
        SessionSource::Lesson("totals".into())
    );
    assert!(
        h.state().messages().is_empty(),
        "{:?}",
        h.state().messages()
    );
    assert_eq!(
        checks_found(h.state()),
        [CheckCode::A1, CheckCode::A3, CheckCode::C4]
            .into_iter()
            .collect()
    );
    assert!(h.state().session().shows_synthetic_data());
    h.get_by_label("Totals that do not add up");
    h.get_by_label("Reset lesson");

    // The room marks a finding; "Reset lesson" starts the lesson over without it.
    h.state_mut().queue(Command::SetStatus {
        findings: vec![0],
        status: TriageStatus::Confirmed,
    });
    h.run();
    let session = h.state().session();
    assert_eq!(
        session.review.status(session.case_id(0)),
        TriageStatus::Confirmed
    );
    h.get_by_label("Reset lesson").click();
    wait_until_idle(&mut h);
    let session = h.state().session();
    assert_eq!(
        session.review.status(session.case_id(0)),
        TriageStatus::Open
    );
    assert_eq!(session.findings().len(), 5);

    // Another lesson from the list: its title and script show; opening it loads its data.
    h.get_by_label("6. Mirror statistics and the duration of stay")
        .click();
    h.run();
    h.get_by_label("Open this lesson");
    assert!(has_label(&h, "Ask the room"));
    h.get_by_label("Open this lesson").click();
    wait_until_idle(&mut h);
    assert_eq!(
        h.state().session().source,
        SessionSource::Lesson("mirror".into())
    );
    assert!(checks_found(h.state()).contains(&CheckCode::M1));
    h.get_by_label("Reset lesson");

    // The key: each planted problem in words, with what the checks report of it.
    h.get_by_label("Show the planted problems (the answer key)")
        .click();
    h.run();
    let key = "1. Kyrgyzstan, table 3, Kazakhstan, 2016: the row (men, women and both sexes) was \
               multiplied by 1.4 and the table's total raised with it.";
    assert!(has_label(&h, key));

    // In Russian the lesson speaks Russian.
    h.state_mut()
        .queue(Command::SetLang(migreview::model::Lang::Ru));
    h.run();
    h.get_by_label("Зеркальная статистика и срок пребывания");
    h.get_by_label("Начать урок заново");
}

#[test]
fn a_problem_planted_in_a_cell_shows_its_findings_and_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    h.state_mut().queue(Command::OpenLesson("coherence".into()));
    wait_until_idle(&mut h);
    assert_eq!(
        checks_found(h.state()),
        [CheckCode::C1].into_iter().collect()
    );
    // The room marks the C1 finding; a plant keeps the mark.
    h.state_mut().queue(Command::SetStatus {
        findings: vec![0],
        status: TriageStatus::Explained,
    });
    h.run();
    let marked = h.state().session().case_id(0).to_string();

    // Right-click a cell of Data › Plant a problem › Put text in the cell.
    show_kyrgyz_immigration_2016(&mut h);
    assert_eq!(h.state().panel(), Panel::Data);
    assert_eq!(
        h.query_all_by_label("9,741").count(),
        1,
        "the cell of Uzbekistan, 2016"
    );
    h.get_by_label("9,741").click_secondary();
    h.run();
    h.get_by_label("Plant a problem").click();
    h.run();
    h.get_by_label("Put text in the cell").click();
    wait_until_idle(&mut h);
    let found = checks_found(h.state());
    assert!(found.contains(&CheckCode::S3), "{found:?}");
    let message = h
        .state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect::<Vec<_>>();
    assert!(
        message
            .iter()
            .any(|m| m.starts_with("New findings: ") && m.contains("S3")),
        "{message:?}"
    );
    // The first new finding is selected and shown in its cell.
    let selected = h.state().findings_view().selected.unwrap();
    assert_eq!(
        h.state().session().findings()[selected].check,
        CheckCode::S3
    );
    let session = h.state().session();
    let still = (0..session.findings().len())
        .find(|&i| session.case_id(i) == marked)
        .unwrap();
    assert_eq!(
        session.review.status(session.case_id(still)),
        TriageStatus::Explained
    );

    // The Workshop panel lists the plant; Undo takes it back.
    h.state_mut().set_panel(Panel::Workshop);
    h.run();
    assert!(has_label(
        &h,
        "Kyrgyzstan, table 3, Uzbekistan, both sexes, 2016: the value 9,741 was replaced by the text \"see note\"."
    ));
    h.get_by_label("Undo").click();
    wait_until_idle(&mut h);
    assert_eq!(
        checks_found(h.state()),
        [CheckCode::C1].into_iter().collect()
    );
}

#[test]
fn the_presenter_view_is_switched_on_and_off_with_its_notes_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    let keys = "→ the finding's cell, its chart, its explanation, then the next finding · ← the \
                previous finding · Esc or F11 leaves the presenter view";
    assert!(!has_label(&h, keys));
    assert!(
        has_label(&h, "Lessons"),
        "the lesson list beside the lesson"
    );
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().presenting());
    assert_eq!(h.ctx.zoom_factor(), 1.5);
    // The side panels fold: the projector shows the lesson, the data, the explanation.
    assert!(!has_label(&h, "Lessons"), "the lesson list is folded");
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    assert!(!has_label(&h, "Search"), "the findings' filters are folded");
    // (Through accessibility: the harness shows the trainer's notes as a window over the panel.)
    h.get_by_label("▶ Filters").click_accesskit();
    h.run();
    assert!(has_label(&h, "Search"), "a button unfolds them");
    h.state_mut().set_panel(Panel::Workshop);
    h.run();
    // The trainer's notes: the lesson's script, and the keys.
    assert!(has_label(&h, keys));
    assert!(
        h.query_all_by_label("Which cells would you correct, and how do you know which of the two figures is wrong — the total or the part?")
            .count()
            >= 2,
        "in the panel and in the notes"
    );
    // → shows the first finding in its cell, then its explanation (an A1 has no chart), then
    // the next finding in its cell; ← goes back a finding.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    assert_eq!(h.state().findings_view().selected, Some(0));
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().panel(), Panel::Findings);
    assert_eq!(h.state().findings_view().selected, Some(0));
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    assert_eq!(h.state().findings_view().selected, Some(1));
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().findings_view().selected, Some(0));
    // Esc leaves: the zoom and the notes go.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert!(!has_label(&h, keys));
    // The side panels come back as they were.
    h.state_mut().set_panel(Panel::Workshop);
    h.run();
    assert!(has_label(&h, "Lessons"));
}

/// The key of the cell of table 3 of Kyrgyzstan, `category`, both sexes, 2016.
fn cell_of(app: &MigreviewApp, category: &str) -> migreview::model::ObsKey {
    let data = &app.session().dataset;
    data.obs()
        .iter()
        .find(|o| {
            o.table == migreview::model::TableId::T3
                && o.year == 2016
                && o.sex == migreview::model::Sex::T
                && data.str(o.category) == category
                && data.str(o.age) == "TOTAL"
        })
        .map(|o| o.key())
        .unwrap()
}

#[test]
fn a_quiz_hides_the_findings_scores_the_marks_and_steps_through_the_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    h.get_by_label("Start a quiz").click();
    h.run();
    assert!(h.state().quiz_hides_findings());
    // The findings are hidden: no count on the tab, no list.
    assert!(has_label(&h, "Findings"));
    assert!(!has_label(&h, "Findings (5)"));
    for panel in [Panel::Findings, Panel::Overview] {
        h.state_mut().set_panel(panel);
        h.run();
        assert!(has_label(
            &h,
            "The findings are hidden during the quiz: mark the cells you suspect in Data, then reveal in Workshop (or press R)."
        ));
    }
    // Coverage's missing years and Mirror's discrepancy colours would give M1 and T2 away.
    let panel_hidden = "Coverage and the mirror statistics show where the checks find problems, so they are hidden during the quiz: mark the cells you suspect in Data, then reveal in Workshop (or press R).";
    for panel in [Panel::Coverage, Panel::Mirror] {
        h.state_mut().set_panel(panel);
        h.run();
        assert!(has_label(&h, panel_hidden), "{panel:?}");
    }
    // The room marks the Uzbek total (a hit) and the Chinese one (a false alarm), in Data.
    show_kyrgyz_immigration_2016(&mut h);
    h.get_by_label("9,741").click();
    h.run();
    h.get_by_label("2,431").click();
    h.run();
    let uzbek = cell_of(h.state(), "UZB");
    let chinese = cell_of(h.state(), "CHN");
    assert_eq!(h.state().quiz().unwrap().marks, [uzbek, chinese]);
    // A second click takes a mark back, a third puts it again.
    h.get_by_label("2,431").click();
    h.run();
    assert_eq!(h.state().quiz().unwrap().marks, [uzbek]);
    h.get_by_label("2,431").click();
    h.run();

    // R reveals: one hit, one false alarm; of the findings about cells, the Uzbek row's (A1) is
    // found; the women's column (A3), Table 4 (A1, A3) and the table 6.1 comparison (C4) are
    // missed; per family.
    h.key_press(egui::Key::R);
    h.run();
    assert!(!h.state().quiz_hides_findings());
    let score = h.state().quiz().unwrap().score.clone().unwrap();
    assert_eq!(score.marks, [true, false]);
    let session = h.state().session();
    let found: Vec<CheckCode> = score
        .found
        .iter()
        .map(|&i| session.findings()[i].check)
        .collect();
    let missed: Vec<CheckCode> = score
        .missed
        .iter()
        .map(|&i| session.findings()[i].check)
        .collect();
    assert_eq!(found, [CheckCode::A1]);
    assert_eq!(
        missed,
        [CheckCode::A1, CheckCode::A3, CheckCode::A3, CheckCode::C4]
    );
    let families: Vec<(char, usize, usize)> = score
        .families
        .iter()
        .map(|f| (f.family, f.found, f.total))
        .collect();
    assert_eq!(families, [('A', 1, 4), ('C', 0, 1)]);
    h.state_mut().set_panel(Panel::Workshop);
    h.run();
    assert!(has_label(&h, "Hits 1 · false alarms 1 · problems missed 4"));
    assert!(has_label(&h, "Findings (5)"));
    for panel in [Panel::Coverage, Panel::Mirror] {
        h.state_mut().set_panel(panel);
        h.run();
        assert!(!has_label(&h, panel_hidden), "{panel:?} after the reveal");
    }

    // Step through the reveal in the presenter view: → shows each finding in its cell.
    h.key_press(egui::Key::F11);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    assert_eq!(h.state().findings_view().selected, Some(0));
    h.key_press(egui::Key::Escape);
    h.run();
    h.state_mut().queue(Command::EndQuiz);
    h.run();
    assert!(h.state().quiz().is_none());
}

#[test]
fn each_kind_of_problem_planted_shows_its_finding_and_goes_on_undo() {
    use migreview::workshop::{Fault, FaultKind};
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    // The clean base of a lesson: "coherence" with its one C1 finding.
    h.state_mut().queue(Command::OpenLesson("coherence".into()));
    wait_until_idle(&mut h);
    let base = checks_found(h.state());
    assert_eq!(base, [CheckCode::C1].into_iter().collect());
    let at = |kind: FaultKind, table: &str, category: &str, sex: &str, year: u16| Fault {
        kind,
        reporter: "KGZ".into(),
        table: table.into(),
        category: category.into(),
        age: "TOTAL".into(),
        sex: sex.into(),
        year,
    };
    let cases = [
        (
            at(FaultKind::Set { value: 5200.0 }, "3", "UZB", "F", 2016),
            CheckCode::A1,
        ),
        (
            at(FaultKind::Times { factor: 10.0 }, "3", "UZB", "M", 2016),
            CheckCode::A1,
        ),
        (
            at(FaultKind::SwapSexes, "3", "UZB", "T", 2016),
            CheckCode::A3,
        ),
        (
            at(FaultKind::DuplicateRow, "2.2", "CHN", "T", 2016),
            CheckCode::S2,
        ),
        (
            at(FaultKind::DeleteYear, "7.2", "TOTAL", "T", 2017),
            CheckCode::T2,
        ),
        (at(FaultKind::Text, "6.2", "RUS", "F", 2015), CheckCode::S3),
        (
            at(FaultKind::ShiftYear, "7.2", "TOTAL", "T", 2016),
            CheckCode::T1,
        ),
        (
            at(FaultKind::TimesRow { factor: 3.0 }, "3", "CHN", "T", 2018),
            CheckCode::T1,
        ),
    ];
    for (fault, check) in cases {
        h.state_mut().queue(Command::PlantFault(fault.clone()));
        wait_until_idle(&mut h);
        let found = checks_found(h.state());
        assert!(found.contains(&check), "{fault:?}: {found:?}");
        h.state_mut().queue(Command::UndoPlant(0));
        wait_until_idle(&mut h);
        assert_eq!(checks_found(h.state()), base, "{fault:?} undone");
    }
}

#[test]
fn the_reveal_steps_from_a_mirror_finding_cell_to_its_pair_series_and_its_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workshop_window(dir.path());
    h.state_mut().queue(Command::OpenLesson("mirror".into()));
    wait_until_idle(&mut h);
    let m1 = h
        .state()
        .session()
        .findings()
        .iter()
        .position(|f| f.check == CheckCode::M1 && f.sex == Some(migreview::model::Sex::T))
        .unwrap();
    h.state_mut().queue(Command::SelectFinding(Some(m1)));
    h.run();
    h.key_press(egui::Key::F11);
    h.run();
    // The cell (Kyrgyzstan's immigration from Kazakhstan, 2016), the pair's series, the
    // explanation.
    for panel in [Panel::Data, Panel::Mirror, Panel::Findings] {
        h.key_press(egui::Key::ArrowRight);
        h.run();
        assert_eq!(h.state().panel(), panel);
        assert_eq!(h.state().findings_view().selected, Some(m1));
    }
}

#[test]
fn the_whole_sample_opens_from_a_clean_start_and_leaves_its_saved_review_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A reviewer's decision on the sample, saved in the data folder.
    let mut h = harness(MigreviewApp::with_files(
        Vec::new(),
        Some(dir.path().to_path_buf()),
    ));
    wait_until_idle(&mut h);
    h.state_mut().queue(Command::SetStatus {
        findings: vec![0],
        status: TriageStatus::Confirmed,
    });
    h.run();
    assert!(h.state().flush_saves());
    let saved = migreview::review::sample_review_path(dir.path());
    let before = std::fs::read(&saved).unwrap();

    // The trainer opens the whole sample from a clean start: nothing decided, nothing saved.
    h.state_mut().set_panel(Panel::Workshop);
    h.run();
    h.get_by_label("The whole sample, from a clean start")
        .click();
    wait_until_idle(&mut h);
    let session = h.state().session();
    assert!(session.is_sample());
    assert_eq!(
        session.review.status(session.case_id(0)),
        TriageStatus::Open
    );
    assert!(session.review.triage.is_empty());
    h.state_mut().queue(Command::SetStatus {
        findings: vec![1],
        status: TriageStatus::FalseAlarm,
    });
    h.run();
    assert!(h.state().flush_saves());
    assert_eq!(std::fs::read(&saved).unwrap(), before);
}

#[test]
fn the_findings_list_stays_readable_on_a_projector_at_150_percent() {
    let dir = tempfile::tempdir().unwrap();
    let app = MigreviewApp::with_files(Vec::new(), Some(dir.path().to_path_buf()));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_max_steps(16)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| app);
    wait_until_idle(&mut h);
    h.ctx.set_zoom_factor(1.5);
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.state_mut().findings_view_mut().filter.check = Some(CheckCode::A1);
    h.run();
    // The message goes on a line of its own, under the columns, as wide as the list.
    let message = "Total 9,347,744 ≠ men 4,646,554 + women 4,701,109 = 9,347,663";
    let under = h.get_by_label(message).rect();
    assert!(
        under.width() > 300.0,
        "the message has {} points",
        under.width()
    );
    assert!(
        under.left() < 60.0,
        "it starts under the columns: {under:?}"
    );
    let columns = h.get_by_label("AZE").rect();
    assert!(
        under.top() >= columns.bottom() - 1.0,
        "{under:?} below {columns:?}"
    );
    // At 100 % the list is wide enough: the message stays beside the columns.
    h.ctx.set_zoom_factor(1.0);
    h.run();
    let beside = h.get_by_label(message).rect();
    assert!(beside.left() > 250.0, "{beside:?}");
}

#[test]
fn the_findings_list_names_tables_sexes_and_totals_in_words_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = ui_support::sample_window(dir.path());
    h.state_mut()
        .queue(Command::SetLang(migreview::model::Lang::Ru));
    h.run();
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    // The A1 findings: one on Azerbaijan's population of 2014 (table POP, category TOTAL).
    h.state_mut().findings_view_mut().filter.check = Some(CheckCode::A1);
    h.run();
    let population = h.get_by_label("Население").rect();
    let reporter = h.get_by_label("AZE").rect();
    assert!(
        (population.center().y - reporter.center().y).abs() < 2.0,
        "the table beside the reporter: {population:?} {reporter:?}"
    );
    assert!(has_label(&h, "Всего"));
    assert!(has_label(&h, "Оба"));
    for code in ["POP", "TOTAL", "T"] {
        assert!(!has_label(&h, code), "the code {code} is shown");
    }
}

#[test]
fn a_finding_of_the_sample_tells_what_was_planted_in_the_reviewers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = ui_support::sample_window(dir.path());
    let typo = h
        .state()
        .session()
        .findings()
        .iter()
        .position(|f| {
            f.check == CheckCode::A1
                && f.table == Some(migreview::model::TableId::Pop)
                && f.reporter.as_deref() == Some("AZE")
        })
        .unwrap();
    h.state_mut().set_panel(Panel::Findings);
    h.state_mut().queue(Command::SelectFinding(Some(typo)));
    h.run();
    let english = "Planted in the sample: Women on 1 January 2014 typed as 4,701,109 instead of \
                   4,701,190 (two digits swapped): men 4,646,554 + women 4,701,109 = 9,347,663, \
                   but the total says 9,347,744.";
    assert!(has_label(&h, english));
    h.state_mut()
        .queue(Command::SetLang(migreview::model::Lang::Ru));
    h.run();
    let russian = "Заложено в демонстрационные данные: Число женщин на 1 января 2014 года набрано \
                   как 4\u{a0}701\u{a0}109 вместо 4\u{a0}701\u{a0}190 (переставлены две цифры): \
                   мужчины 4\u{a0}646\u{a0}554 + женщины 4\u{a0}701\u{a0}109 = 9\u{a0}347\u{a0}663, \
                   а итог равен 9\u{a0}347\u{a0}744.";
    assert!(has_label(&h, russian));
    assert!(!has_label(&h, english));
}

#[test]
fn data_reaches_its_last_year_on_a_projector_at_200_percent() {
    let dir = tempfile::tempdir().unwrap();
    let app = MigreviewApp::with_files(Vec::new(), Some(dir.path().to_path_buf()));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_max_steps(16)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| app);
    wait_until_idle(&mut h);
    h.ctx.set_zoom_factor(2.0);
    h.state_mut()
        .queue(Command::SetLang(migreview::model::Lang::Ru));
    h.run();
    h.state_mut().queue(Command::ShowTableInData {
        table: migreview::model::TableId::T3,
        reporter: "KGZ".into(),
        sex: migreview::model::Sex::T,
        year: Some(2012),
    });
    h.run();
    // The window is 683 points wide: the first years are in view, 2021 is not.
    let width = h.ctx.content_rect().width();
    assert!(h.get_by_label("2012").rect().right() < width);
    let hidden = h.get_by_label("2021").rect();
    assert!(hidden.left() > width, "{hidden:?} in {width}");
    // Scrolling sideways brings it in.
    h.get_by_label("2016").hover();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // The scrolling is animated; the hovered cell's tooltip keeps asking for frames.
    h.run_steps(60);
    let shown = h.get_by_label("2021").rect();
    assert!(
        shown.right() <= width + 1.0 && shown.left() > 0.0,
        "{shown:?} in {width}"
    );
}
