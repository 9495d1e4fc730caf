//! The window on the built-in sample data, driven by its labels the way a trainer demonstrates
//! it (egui_kittest, no display needed): the planted problems in Findings, their cells in Data,
//! the review kept between starts, the Coverage and Mirror panels, the chart exports, and the
//! Russian labels of the new panels.
#![cfg(feature = "gui")]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod ui_support;

use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use migreview::app::chart_export::ChartFormat;
use migreview::app::coverage::CoverageCellRef;
use migreview::app::mirror::{MirrorTab, ratio_text};
use migreview::app::{Command, MigreviewApp, Panel};
use migreview::charts::{Basis, GridKind};
use migreview::checks::{CheckCode, Finding, catalog};
use migreview::coverage::CellStatus;
use migreview::mirror::{Band, FlowDirection, MirrorPair};
use migreview::model::{Lang, Sex, TableId, format_count};
use migreview::review::{Review, TriageStatus};
use migreview::sample::{self, PlantedIssue};
use std::collections::HashSet;
use std::path::Path;

const A1_MESSAGE: &str = "Total 9,347,744 ≠ men 4,646,554 + women 4,701,109 = 9,347,663";

/// Whether a finding is the one a planted problem describes (as in tests/sample_findings.rs).
fn is_planted(finding: &Finding, issue: &PlantedIssue) -> bool {
    issue.matches(finding)
}

/// How many sexes the selected coverage cell's detail lists.
fn detail_sexes(h: &Harness<'_, MigreviewApp>) -> usize {
    h.state()
        .coverage_view()
        .detail()
        .map_or(0, |d| d.sexes.len())
}

fn pair<'a>(
    h: &'a Harness<'_, MigreviewApp>,
    sender: &str,
    receiver: &str,
    year: u16,
) -> &'a MirrorPair {
    h.state()
        .session()
        .report
        .mirror
        .pairs
        .iter()
        .find(|p| p.sender == sender && p.receiver == receiver && p.year == year && p.sex == Sex::T)
        .unwrap_or_else(|| panic!("the sample has the pair {sender} → {receiver} in {year}"))
}

#[test]
fn findings_list_the_planted_problems_and_the_review_outlives_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.get_by_label("Sample data: synthetic demonstration data, not official statistics.");
    let total = h.state().session().findings().len();
    h.get_by_label(&format!("Findings ({})", format_count(total as f64)))
        .click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Findings);

    // A handful of planted problems: each check's group shows how many findings it has, and
    // the planted one is listed with its message.
    let planted = sample::planted();
    let wanted = [
        (CheckCode::S3, "TJK"),
        (CheckCode::N1, "KAZ"),
        (CheckCode::A1, "AZE"),
        (CheckCode::T2, "TJK"),
        (CheckCode::D1, "KAZ"),
        (CheckCode::M2, "TJK"),
    ];
    for (check, reporter) in wanted {
        let issue = planted
            .iter()
            .find(|i| i.check == check && i.reporter == reporter)
            .unwrap_or_else(|| panic!("{check} {reporter} is planted"));
        let findings = h.state().session().findings();
        let count = findings.iter().filter(|f| f.check == check).count();
        let message = findings
            .iter()
            .find(|f| is_planted(f, issue))
            .map(|f| f.message(Lang::En).into_owned())
            .unwrap_or_else(|| panic!("the planted {check} of {reporter} is found"));
        assert!(count >= 1);
        h.state_mut().findings_view_mut().filter.check = Some(check);
        h.run();
        h.get_by_label(&format!(
            "{check} — {} ({})",
            catalog::entry(check).title(Lang::En),
            format_count(count as f64)
        ));
        assert!(has_label(&h, &message), "{check}: «{message}» is listed");
    }

    // The mistyped women of Azerbaijan: selecting the finding explains it…
    h.state_mut().findings_view_mut().filter.check = Some(CheckCode::A1);
    h.run();
    h.get_by_label(A1_MESSAGE).click();
    h.run();
    let selected = h
        .state()
        .findings_view()
        .selected
        .expect("a finding is selected");
    let finding = h.state().session().findings()[selected].clone();
    assert_eq!(finding.message(Lang::En), A1_MESSAGE);
    h.get_by_label(catalog::explain(CheckCode::A1, Lang::En).what);
    h.get_by_label("AZE.xlsx › POP › D6");
    // What was planted there, from the sample's list.
    h.get_by_label(
        "Planted in the sample: Women on 1 January 2014 typed as 4,701,109 instead of 4,701,190 \
         (two digits swapped): men 4,646,554 + women 4,701,109 = 9,347,663, but the total says \
         9,347,744.",
    );

    // …and Data moves to its cell: AZE · POP · Total, column 2014, value 9,347,744.
    h.get_by_label("Show in Data").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    let view = h.state().data_view();
    let session = h.state().session();
    assert_eq!(view.selection.table, Some(TableId::Pop));
    assert_eq!(
        view.selection.reporter.map(|r| session.dataset.str(r)),
        Some("AZE")
    );
    assert_eq!(view.selection.sex, Sex::T);
    let pivot = view.pivot().expect("a pivot is shown");
    let (row, col) = view.target_position().expect("a highlighted cell");
    let (row, col) = (row.expect("the Total row"), col.expect("the 2014 column"));
    assert_eq!(pivot.rows[row].label, "Total");
    assert_eq!(pivot.years[col], 2014);
    let obs = pivot.rows[row].cells[col].expect("an observation");
    assert_eq!(session.dataset.obs()[obs as usize].value, 9_347_744.0);
    h.get_by_label("9,347,744");

    // The reviewer confirms it and writes why; the review file is written at once.
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    h.get_by_label("Confirmed").click();
    h.run();
    let comment = "Women typed as 4,701,109 instead of 4,701,190: asked the office";
    h.get_by_label("Comment").click();
    h.run();
    h.get_by_label("Comment").type_text(comment);
    h.run();
    assert!(h.state().flush_saves(), "the review was written");
    let review_path = dir.path().join("sample.review.json");
    let saved = Review::read(&review_path)
        .expect("readable")
        .expect("written in the data folder");
    let triage = saved
        .triage(&finding.case_id())
        .expect("the finding's triage");
    assert_eq!(triage.status, TriageStatus::Confirmed);
    assert_eq!(triage.comment, comment);
    drop(h);

    // A new window on the sample restores both.
    let mut h = sample_window(dir.path());
    h.get_by_label("The earlier review of these data was restored (decisions: 1).");
    assert_eq!(
        h.state().session().review.status(&finding.case_id()),
        TriageStatus::Confirmed
    );
    h.state_mut().set_panel(Panel::Findings);
    h.state_mut().findings_view_mut().filter.check = Some(CheckCode::A1);
    h.run();
    h.get_by_label(A1_MESSAGE).click();
    h.run();
    assert_eq!(h.get_by_label("Comment").value().as_deref(), Some(comment));
}

#[test]
fn coverage_shows_the_year_tajikistan_dropped_from_table_7_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.get_by_label("Coverage").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Coverage);
    // Table 3 first; the table is chosen in the selector.
    h.get_by_label("Table").click();
    h.run();
    let item = format!("7.2 — {}", TableId::T7_2.title(Lang::En));
    // The last tables lie below the fold of the list: clicked the way a screen reader does.
    h.get_by_label(&item).click_accesskit();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(
        h.state().coverage_view().kind,
        Some(GridKind::ByTable(TableId::T7_2))
    );

    // T2 of planted_issues.csv: the 2017 column of Tajikistan's Table 7.2 was dropped.
    h.get_by_label("TJK 2017: no rows");
    h.get_by_label("TJK 2016: reported");
    h.get_by_label("TJK 2018: reported");
    for reporter in ["AZE", "KAZ", "KGZ", "RUS"] {
        h.get_by_label(&format!("{reporter} 2017: reported"));
    }
    let grid = h.state().coverage_view().grid().expect("the heatmap");
    let tjk = grid
        .rows
        .iter()
        .position(|r| r == "TJK")
        .expect("a TJK row");
    let y2017 = grid
        .years
        .iter()
        .position(|y| *y == 2017)
        .expect("a 2017 column");
    assert_eq!(grid.cells[tjk][y2017], CellStatus::Absent);
    assert_eq!(grid.count(CellStatus::Absent), 1, "only that cell is empty");

    // Clicking the cell says what is missing: every row Tajikistan gives in other years.
    h.get_by_label("TJK 2017: no rows").click();
    h.run();
    h.get_by_label("Tajikistan (TJK) · Table 7.2 · 2017");
    h.get_by_label(
        "No row at all for 2017: the year is not in the data (a missing column or sheet).",
    );
    h.get_by_label("0 rows with numbers · 0 values missing");
    let session = h.state().session();
    let tjk_sym = session.dataset.sym("TJK").expect("TJK");
    let rows_given: HashSet<(u32, u32)> = session
        .dataset
        .obs()
        .iter()
        .filter(|o| o.table == TableId::T7_2 && o.reporter == tjk_sym && o.sex == Sex::T)
        .map(|o| (o.category.0, o.age.0))
        .collect();
    assert!(rows_given.len() > 1);
    let detail = h.state().coverage_view().detail().expect("the detail");
    let total = detail
        .sexes
        .iter()
        .find(|s| s.sex == Sex::T)
        .expect("both sexes");
    assert_eq!(total.absent.len(), rows_given.len());
    assert!(total.reported.is_empty() && total.missing.is_empty());
    assert!(
        total.absent.iter().any(|r| r == "Total"),
        "{:?}",
        total.absent
    );
    // Under each sex (both, men, women) of the detail.
    let heading = format!("Missing here, given in other years ({})", rows_given.len());
    assert_eq!(h.query_all_by_label(&heading).count(), detail_sexes(&h));
    assert_eq!(
        h.query_all_by_label("Reported (0)").count(),
        detail_sexes(&h)
    );

    // The same through the command, for another reporter: Kazakhstan reports 2017 in full.
    h.state_mut()
        .queue(Command::SelectCoverageCell(CoverageCellRef {
            table: TableId::T7_2,
            reporter: "KAZ".into(),
            year: 2017,
        }));
    h.run();
    let detail = h.state().coverage_view().detail().expect("the detail");
    assert_eq!(detail.status, CellStatus::Reported);
    assert!(detail.sexes.iter().all(|s| s.absent.is_empty()));
    h.get_by_label("Kazakhstan (KAZ) · Table 7.2 · 2017");

    // The cell of the S3 plant is partly reported: one of the women's values is the text
    // "see note", named with why it does not count.
    h.state_mut()
        .queue(Command::SelectCoverageCell(CoverageCellRef {
            table: TableId::T6_2,
            reporter: "TJK".into(),
            year: 2015,
        }));
    h.run();
    h.get_by_label("TJK 2015: partly reported");
    let detail = h.state().coverage_view().detail().expect("the detail");
    assert_eq!(detail.status, CellStatus::Partly);
    assert_eq!(detail.missing, 1);
    let women = detail
        .sexes
        .iter()
        .find(|s| s.sex == Sex::F)
        .expect("women");
    assert_eq!(women.status, CellStatus::Partly);
    assert_eq!(
        women.missing,
        vec![(
            "Uzbekistan (UZB)".to_string(),
            migreview::model::Missing::Unreadable
        )]
    );
    h.get_by_label("Uzbekistan (UZB) — not a number");
    h.get_by_label("Values missing (1)");

    // Tajikistan's tables in rows: the same gap, in the row of Table 7.2.
    h.state_mut()
        .queue(Command::SelectCoverageCell(CoverageCellRef {
            table: TableId::T7_2,
            reporter: "TJK".into(),
            year: 2017,
        }));
    h.run();
    h.get_by_label("Tables of a reporter").click();
    h.run();
    assert_eq!(
        h.state().coverage_view().kind,
        Some(GridKind::ByReporter("TJK".into()))
    );
    h.get_by_label("7.2 2017: no rows");
    h.get_by_label("7.1 2017: reported");
    h.get_by_label("Reporters of a table").click();
    h.run();
    assert_eq!(
        h.state().coverage_view().kind,
        Some(GridKind::ByTable(TableId::T7_2))
    );

    // Back to Tajikistan, and into Data: the table has no 2017 column.
    h.get_by_label("TJK 2017: no rows").click();
    h.run();
    h.get_by_label("Open in Data").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Data);
    let view = h.state().data_view();
    assert_eq!(view.selection.table, Some(TableId::T7_2));
    let pivot = view.pivot().expect("a pivot");
    assert!(pivot.years.contains(&2016) && pivot.years.contains(&2018));
    assert!(!pivot.years.contains(&2017));

    // The mirror coverage of the five countries' pair-years, year by year.
    h.state_mut().set_panel(Panel::Coverage);
    h.run();
    h.get_by_label("Mirror coverage of pair-years");
    let coverage = h
        .state()
        .session()
        .report
        .mirror
        .coverage
        .clone()
        .expect("the mirror coverage");
    assert_eq!(coverage.countries, 5);
    assert_eq!(coverage.cells, 5 * 4 * 10);
    h.get_by_label(
        "Ordered pairs of the 5 countries that report Table 3 or 4: is the flow reported by \
         both sides, by the receiving country only (immigration), by the sending country only \
         (emigration), or by neither?",
    );
    h.get_by_label("All years");
    h.get_by_label(&format!("{} (100 %)", coverage.both));
    assert_eq!(
        coverage.both, 200,
        "the five countries report each other in every year"
    );
}

#[test]
fn the_mirror_scatter_shows_tajikistan_to_russia_in_the_red_band_and_opens_its_series() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.get_by_label("Mirror").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Mirror);
    assert_eq!(h.state().mirror_view().tab, MirrorTab::Scatter);
    h.get_by_label("Year").click();
    h.run();
    h.get_by_label("2017").click();
    h.run();
    assert_eq!(h.state().mirror_view().year, Some(2017));

    // Russia reports about 2.5 times the immigrants from Tajikistan that Tajikistan reports as
    // emigrants to Russia (M2 plant): red, beyond a factor of two.
    let tjk_rus = pair(&h, "TJK", "RUS", 2017).clone();
    let ratio = tjk_rus.corrected_ratio.expect("both sides");
    assert!((2.4..2.6).contains(&ratio), "{ratio}");
    assert_eq!(tjk_rus.band, Band::Red);
    let scatter = h.state().mirror_view().scatter_data().expect("the scatter");
    let point = scatter
        .points
        .iter()
        .find(|p| p.sender == "TJK" && p.receiver == "RUS")
        .expect("a point for TJK → RUS");
    assert_eq!(point.band, Band::Red);

    // Hovering the point shows the pair and its figures. (The plot's axes take their width from
    // the labels of the frame before: a few frames let the layout settle.)
    h.run_steps(6);
    let position = h
        .state()
        .mirror_view()
        .scatter_position("TJK", "RUS", 2017)
        .expect("the point was drawn");
    h.hover_at(position);
    h.run();
    h.get_by_label("From Tajikistan (TJK) to Russian Federation (RUS), 2017");
    h.get_by_label("Immigration reported by Russian Federation");
    h.get_by_label(&format_count(tjk_rus.immigration.expect("I")));
    h.get_by_label(&format_count(tjk_rus.emigration.expect("E")));
    assert!(has_label(&h, &ratio_text(Lang::En, ratio)));
    h.get_by_label("more than ×2 apart");

    // Clicking it opens the pair over the years.
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: position,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    let view = h.state().mirror_view();
    assert_eq!(view.tab, MirrorTab::Series);
    assert_eq!(view.pair, Some(("TJK".to_string(), "RUS".to_string())));
    let series = view.series_data().expect("the series");
    assert_eq!(series.points.len(), 10, "2012–2021");
    h.get_by_label("Flow from Tajikistan to Russian Federation (TJK » RUS)");
    h.get_by_label("95 % interval");
    for year in 2012..=2021u16 {
        let p = pair(&h, "TJK", "RUS", year);
        h.get_by_label(&format_count(p.immigration.expect("I")));
        // Each year's exact interval, narrow for flows of thousands, around its ratio.
        let [low, high] = p.ratio_interval().expect("both sides");
        let ratio = p.corrected_ratio.expect("a ratio");
        assert!(
            low < ratio && ratio < high && high / low < 1.2,
            "{year}: {low}–{high}"
        );
        let shown = format!(
            "{}–{}",
            ratio_text(Lang::En, low),
            ratio_text(Lang::En, high)
        );
        assert!(h.get_all_by_label(&shown).count() >= 1, "{year}: {shown}");
    }

    // The matrix shows the same pair-year and opens the same series.
    h.get_by_label("Matrix").click();
    h.run();
    let label = format!("TJK » RUS: I/E {}", ratio_text(Lang::En, ratio));
    h.get_by_label(&label);
    h.state_mut().mirror_view_mut().pair = None;
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().mirror_view().tab, MirrorTab::Series);
    assert_eq!(
        h.state().mirror_view().pair,
        Some(("TJK".to_string(), "RUS".to_string()))
    );

    // Tajikistan's emigration against its partners' immigration: about 0.4, outside 0.7–1.43.
    h.get_by_label("Countries").click();
    h.run();
    let bars = h.state().mirror_view().bars_data().expect("the bars");
    let tjk = bars
        .bars
        .iter()
        .find(|b| b.country == "TJK")
        .expect("a bar for Tajikistan");
    assert!((0.35..0.45).contains(&tjk.ratio), "{}", tjk.ratio);
    h.get_by_label("Tajikistan (TJK)");
    h.get_by_label(&ratio_text(Lang::En, tjk.ratio));
    // Its undercount class: high (0.4 of what the reference group reports, and no obligation to
    // de-register); the four other countries count within a few per cent: low.
    h.get_by_label("Undercount");
    assert_eq!(h.get_all_by_label("high").count(), 1);
    assert_eq!(h.get_all_by_label("low").count(), 4);
}

#[test]
fn the_duration_correction_changes_azerbaijans_ratios_until_2015() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.state_mut().queue(Command::SelectPair {
        sender: "KAZ".into(),
        receiver: "AZE".into(),
    });
    h.run();
    assert_eq!(h.state().panel(), Panel::Mirror);
    assert_eq!(h.state().mirror_view().tab, MirrorTab::Series);
    assert_eq!(h.state().mirror_view().basis, Basis::Corrected);

    // Azerbaijan counted 6-month migrants until 2015: its immigration from Kazakhstan is about a
    // third above what Kazakhstan reports, and agrees once corrected to the 12-month basis.
    let mut raw = Vec::new();
    let mut corrected = Vec::new();
    for year in 2012..=2015u16 {
        let p = pair(&h, "KAZ", "AZE", year);
        let (r, c) = (p.ratio.expect("raw"), p.corrected_ratio.expect("corrected"));
        assert!((1.30..1.36).contains(&r), "{year}: raw {r}");
        assert!((0.95..1.01).contains(&c), "{year}: corrected {c}");
        raw.push(ratio_text(Lang::En, r));
        corrected.push(ratio_text(Lang::En, c));
    }
    for year in 2016..=2021u16 {
        let p = pair(&h, "KAZ", "AZE", year);
        assert_eq!(
            p.ratio, p.corrected_ratio,
            "{year}: 12 months, nothing to correct"
        );
    }
    h.get_by_label("Ratio I/E corrected");
    for (r, c) in raw.iter().zip(&corrected) {
        assert!(has_label(&h, c), "corrected {c} shown");
        assert!(!has_label(&h, r), "raw {r} not shown");
    }

    h.get_by_label("Duration-of-stay correction").click();
    h.run();
    assert_eq!(h.state().mirror_view().basis, Basis::Reported);
    h.get_by_label("Ratio I/E");
    for (r, c) in raw.iter().zip(&corrected) {
        assert!(has_label(&h, r), "raw {r} shown");
        assert!(!has_label(&h, c), "corrected {c} not shown");
    }
    // On the reported figures the early years leave the green band.
    let series = h.state().mirror_view().series_data().expect("the series");
    assert_eq!(series.basis, Basis::Reported);
    let settings = &h.state().session().report.settings.mirror;
    let p2012 = pair(&h, "KAZ", "AZE", 2012).clone();
    assert_eq!(Basis::Corrected.band(&p2012, settings), Band::Green);
    // Reported, the interval's end nearest agreement lies beyond ±10 %, within ±26 %: light.
    assert_eq!(Basis::Reported.band(&p2012, settings), Band::Light);

    // The scatter follows the same toggle.
    h.get_by_label("Scatter").click();
    h.run();
    let scatter = h.state().mirror_view().scatter_data().expect("the scatter");
    assert_eq!(scatter.basis, Basis::Reported);
    let point = scatter
        .points
        .iter()
        .find(|p| p.sender == "KAZ" && p.receiver == "AZE" && p.year == 2012)
        .expect("KAZ → AZE 2012");
    assert_eq!(point.immigration, p2012.immigration.expect("I"));
    assert_eq!(point.band, Band::Light);
}

/// Size of a PNG file.
fn png_size(path: &Path) -> (u32, u32) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let reader = decoder.read_info().unwrap_or_else(|e| panic!("a PNG: {e}"));
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn every_chart_is_exported_as_png_and_svg_from_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());

    type Show = fn(&mut MigreviewApp);
    let charts: [(&str, Show, &str); 6] = [
        (
            "coverage_table",
            |app| {
                app.set_panel(Panel::Coverage);
                app.coverage_view_mut().kind = Some(GridKind::ByTable(TableId::T7_2));
            },
            "What is reported: Table 7.2",
        ),
        (
            "coverage_reporter",
            |app| {
                app.set_panel(Panel::Coverage);
                app.coverage_view_mut().kind = Some(GridKind::ByReporter("TJK".into()));
            },
            "What is reported by Tajikistan (TJK)",
        ),
        (
            "scatter",
            |app| {
                app.set_panel(Panel::Mirror);
                let view = app.mirror_view_mut();
                view.tab = MirrorTab::Scatter;
                view.year = Some(2017);
            },
            "Mirror statistics: immigration against the partner&apos;s emigration, 2017",
        ),
        (
            "matrix",
            |app| app.mirror_view_mut().tab = MirrorTab::Matrix,
            "Mirror discrepancies between countries, 2017",
        ),
        (
            "countries",
            |app| app.mirror_view_mut().tab = MirrorTab::Countries,
            "Emigration reported by each country against its partners&apos; immigration, 2017",
        ),
        (
            "series",
            |app| app.mirror_view_mut().open_pair("TJK".into(), "RUS".into()),
            "Flow from Tajikistan to Russian Federation (TJK » RUS)",
        ),
    ];
    for (name, show, title) in charts {
        show(h.state_mut());
        h.run();
        let shown = h.state().shown_chart().expect("a chart is shown");
        let png = out.path().join(format!("{name}.png"));
        let svg = out.path().join(format!("{name}.svg"));
        assert_eq!(
            h.state().export_chart(&png, ChartFormat::Png),
            Ok(png.clone())
        );
        assert_eq!(
            h.state().export_chart(&svg, ChartFormat::Svg),
            Ok(svg.clone())
        );
        assert!(
            std::fs::metadata(&png).expect("png").len() > 10_000,
            "{name}"
        );
        assert_eq!(png_size(&png), (1600, 1000), "{name}");
        let text = std::fs::read_to_string(&svg).expect("svg");
        assert!(text.starts_with("<svg"), "{name}");
        assert!(
            text.contains(title),
            "{name}: «{title}» in\n{}",
            &text[..text.len().min(3000)]
        );
        // The source line says the data are synthetic.
        assert!(text.contains(sample::SYNTHETIC_NOTICE_EN), "{name}");
        assert_eq!(h.state().shown_chart(), Some(shown));
    }

    // The menu's way: a file chosen in the dialog is written on a thread and said in the window.
    let request = h.state().shown_chart().expect("the series");
    let path = out.path().join("from_the_menu.svg");
    h.state_mut().queue(Command::ExportChartTo(
        request,
        ChartFormat::Svg,
        path.clone(),
    ));
    wait_until_idle(&mut h);
    h.get_by_label(&format!("Chart written to {}", path.display()));
    assert!(std::fs::read_to_string(&path).is_ok_and(|t| t.contains("TJK » RUS")));

    // Nothing to export where no chart is shown.
    h.state_mut().set_panel(Panel::Findings);
    h.run();
    assert_eq!(
        h.state()
            .export_chart(&out.path().join("none.png"), ChartFormat::Png),
        Err("Only the Coverage, Mirror and Sources panels show charts.".to_string())
    );
}

#[test]
fn the_new_panels_speak_russian() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.get_by_label("Coverage").click();
    h.run();
    h.get_by_label("Reporters of a table");
    h.get_by_label("Русский").click();
    h.run();
    h.get_by_label("Наличие данных").click();
    h.run();
    assert_eq!(h.state().panel(), Panel::Coverage);
    h.get_by_label("Страны по таблице");
    h.get_by_label("Таблицы страны");
    h.get_by_label("Зеркальное покрытие пар стран по годам");
    h.get_by_label("Все годы");
    assert!(!has_label(&h, "Reporters of a table"));
    h.state_mut().coverage_view_mut().kind = Some(GridKind::ByTable(TableId::T7_2));
    h.run();
    h.get_by_label("TJK 2017: строк нет").click();
    h.run();
    h.get_by_label("Таджикистан (TJK) · Таблица 7.2 · 2017");
    let absent = h
        .state()
        .coverage_view()
        .detail()
        .and_then(|d| d.sexes.iter().find(|s| s.sex == Sex::T))
        .map(|s| s.absent.len())
        .expect("the detail of both sexes");
    assert!(has_label(
        &h,
        &format!("Нет в этом году, есть в другие годы ({absent})")
    ));

    h.get_by_label("Зеркальная статистика").click();
    h.run();
    h.get_by_label("Диаграмма рассеяния");
    h.get_by_label("Матрица");
    h.get_by_label("Поправка на продолжительность пребывания");
    h.get_by_label("Экспорт в PNG…");
    assert!(!has_label(&h, "Scatter"));
    h.get_by_label("Пара стран по годам").click();
    h.run();
    h.get_by_label("Страна выбытия");
    h.get_by_label("Отношение I/E с поправкой");
}

/// The sample's planted Kazakhstan–Tajikistan discrepancy gives 30 M1 findings (ten years, three
/// sexes): one row, one decision, and the mix when one member is decided otherwise.
#[test]
fn the_kazakhstan_tajikistan_pair_is_decided_once_for_its_30_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.state_mut().set_panel(Panel::Findings);
    // Kazakhstan's M1 findings, so that the row is in view.
    let filter = &mut h.state_mut().findings_view_mut().filter;
    filter.check = Some(CheckCode::M1);
    filter.country = Some("KAZ".into());
    h.run();
    let row = "M1 3 KAZ TJK 2012–2021 Both M F · 30 findings";
    h.get_by_label(&format!("{row}: Open 30")).click();
    h.run();
    h.get_by_label("30 findings selected");
    h.get_by_label("Confirmed").click();
    h.run();
    let members: Vec<usize> = h.state().findings_view().marked().collect();
    assert_eq!(members.len(), 30);
    let session = h.state().session();
    let status = |i: usize| session.review.status(session.case_id(i));
    assert!(
        members
            .iter()
            .all(|&i| status(i) == TriageStatus::Confirmed)
    );
    h.get_by_label(&format!("{row}: Confirmed 30"));
    // One year decided otherwise: the row shows the mix.
    h.get_by_label(
        "M1 KAZ reports 1,493 immigrants from TJK in 2012; TJK reports 593 emigrants to KAZ: \
         ratio 2.518 (|ln ratio| 0.923); 95 % interval of the ratio 2.288 to 2.774",
    )
    .click();
    h.run();
    h.key_press(egui::Key::Num3);
    h.run();
    h.get_by_label(&format!("{row}: Confirmed 29 · Explained 1"));
}

#[test]
fn the_pair_over_the_years_says_why_the_sides_disagree_and_countries_show_the_harmonisation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = sample_window(dir.path());
    h.state_mut().queue(Command::SelectPair {
        sender: "TJK".into(),
        receiver: "RUS".into(),
    });
    h.run();
    assert_eq!(h.state().mirror_view().tab, MirrorTab::Series);
    h.get_by_label("Why the two sides disagree (both sexes, corrected)");
    let mirror = &h.state().session().report.mirror;
    let stability = mirror
        .stability
        .iter()
        .find(|s| s.receiver == "RUS" && s.sender == "TJK")
        .expect("the pair's stability")
        .clone();
    h.get_by_label(&stability.sentence(Lang::En));
    let emigration = mirror
        .structure
        .iter()
        .filter(|s| s.country == "TJK" && s.direction == FlowDirection::Emigration)
        .max_by_key(|s| s.year)
        .expect("Tajikistan's partner structure")
        .clone();
    h.get_by_label(&format!(
        "Emigration of Tajikistan against what its partners report: partner-structure distance \
         D {:.2} in {} ({} partners)",
        emigration.distance, emigration.year, emigration.partners
    ));
    render(&mut h, "series_disagreement");

    // Mirror › Countries folds the harmonisation: opened, it lists each country's factors.
    h.get_by_label("Countries").click();
    h.run();
    h.get_by_label("Harmonisation factors (all years)").click();
    h.run();
    let h_fit = h
        .state()
        .session()
        .report
        .mirror
        .harmonisation
        .clone()
        .expect("the harmonisation");
    h.get_by_label(&format!(
        "Poisson maximum likelihood, benchmark {}: {} pair-years, {} factors, residual sd {}",
        migreview::app::i18n::country_label(&h_fit.benchmark, Lang::En),
        format_count(h_fit.pairs as f64),
        h_fit.parameters,
        ratio_text(Lang::En, h_fit.residual_sd.expect("spare pairs"))
    ));
    let tjk = h_fit
        .factors
        .iter()
        .find(|f| f.country == "TJK")
        .expect("Tajikistan's factors");
    assert!(has_label(
        &h,
        &ratio_text(Lang::En, tjk.emigration_factor.expect("identified"))
    ));
    render(&mut h, "countries_harmonisation");
}

/// The window as an image in the temporary folder, when `MIGREVIEW_RENDER=1` (to look at).
fn render(h: &mut Harness<'_, MigreviewApp>, name: &str) {
    if std::env::var("MIGREVIEW_RENDER").is_ok_and(|v| v == "1") {
        h.run_steps(4);
        if let Ok(image) = h.render() {
            let _ = image.save(std::env::temp_dir().join(format!("{name}.png")));
        }
    }
}
