//! The Overview panel: what was loaded from each file and how, labels that could not be placed,
//! the review file, and a scorecard of the findings.

use super::command::Command;
use super::i18n::{Tr, count_text, dimension_name, layout_name, severity_name, tr, trf};
use super::labels::{LabelsView, labels_ui};
use super::session::{ReviewState, Scorecard, Session, SessionSource, SeverityCounts};
use super::theme::Palette;
use crate::app::i18n::country_label;
use crate::checks::{Severity, catalog};
use crate::load::LoadReport;
use crate::model::{Lang, gazetteer};
use egui::{RichText, Sense, vec2};

/// At most this many countries in the scorecard (most findings first).
const SCORECARD_COUNTRIES: usize = 20;

pub fn overview_ui(
    ui: &mut egui::Ui,
    session: &Session,
    labels_view: &mut LabelsView,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("overview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            if session.source == SessionSource::Empty {
                ui.heading(tr(lang, Tr::NothingOpen));
                ui.label(tr(lang, Tr::HowToOpen));
                if ui.button(tr(lang, Tr::OpenSample)).clicked() {
                    commands.push(Command::OpenSample);
                }
                return;
            }
            if session.is_sample() && session.files.is_empty() {
                ui.heading(tr(lang, Tr::NoSampleInBuild));
                ui.label(tr(lang, Tr::HowToOpen));
                return;
            }
            super::country::country_choice_ui(
                ui,
                session.review.country.as_deref(),
                &session.report.dataset.reporters,
                lang,
                commands,
            );
            ui.add_space(8.0);
            dataset_summary_ui(ui, session, lang);
            // What was found comes first; the files' details follow for those who look.
            ui.add_space(8.0);
            scorecard_ui(ui, session, lang, palette, commands);
            ui.add_space(8.0);
            review_ui(ui, session, lang, palette);
            if !session.labels.is_empty() {
                ui.add_space(8.0);
                labels_ui(ui, labels_view, session, lang, palette, commands);
            }
            ui.add_space(8.0);
            super::report::report_texts_ui(ui, &session.review.report, lang, commands);
            ui.add_space(8.0);
            ui.heading(tr(lang, Tr::FilesHeading));
            for (i, file) in session.files.iter().enumerate() {
                ui.push_id(i, |ui| {
                    match &file.result {
                        Ok(report) => file_ui(ui, file, report, lang),
                        Err(error) => {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.strong(&file.name);
                                ui.colored_label(palette.error, error.to_string());
                            });
                        }
                    }
                    // The embedded sample has no file on disk to read again.
                    if !session.is_sample()
                        && ui
                            .button(tr(lang, Tr::ImportSettingsButton))
                            .on_hover_text(&file.name)
                            .clicked()
                    {
                        commands.push(Command::ImportSettings(file.path.clone()));
                    }
                });
            }
        });
}

fn dataset_summary_ui(ui: &mut egui::Ui, session: &Session, lang: Lang) {
    let summary = &session.report.dataset;
    ui.heading(tr(lang, Tr::DataSetHeading));
    egui::Grid::new("dataset_summary")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr(lang, Tr::ObservationsLabel));
            ui.label(count_text(lang, summary.observations as f64));
            ui.end_row();
            ui.label(tr(lang, Tr::ReportersLabel));
            ui.add(egui::Label::new(reporters_text(&summary.reporters, lang)).wrap());
            ui.end_row();
            ui.label(tr(lang, Tr::TablesLabel));
            ui.label(tables_text(&summary.tables, lang));
            ui.end_row();
            ui.label(tr(lang, Tr::YearsLabel));
            ui.label(years_text(summary.years));
            ui.end_row();
        });
}

fn reporters_text(codes: &[String], lang: Lang) -> String {
    if codes.is_empty() {
        return "—".to_string();
    }
    let names: Vec<String> = codes
        .iter()
        .take(12)
        .map(|c| format!("{} ({c})", gazetteer().name(c, lang)))
        .collect();
    if codes.len() > 12 {
        format!(
            "{}, {}",
            names.join(", "),
            trf(lang, Tr::AndMore, &[&(codes.len() - 12).to_string()])
        )
    } else {
        names.join(", ")
    }
}

fn tables_text(tables: &[crate::model::TableId], lang: Lang) -> String {
    if tables.is_empty() {
        return "—".to_string();
    }
    tables
        .iter()
        .map(|t| t.column_label(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

fn years_text(years: Option<[u16; 2]>) -> String {
    match years {
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}–{b}"),
        None => "—".to_string(),
    }
}

fn file_ui(ui: &mut egui::Ui, file: &super::session::FileSummary, report: &LoadReport, lang: Lang) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(&file.name);
            ui.label(
                RichText::new(file.path.display().to_string())
                    .weak()
                    .small(),
            );
        });
        file_facts_ui(ui, file, report, lang);
        if !report.sheets.is_empty() && report.sheets.len() > 1 {
            egui::CollapsingHeader::new(trf(
                lang,
                Tr::SheetsN,
                &[&report.sheets.len().to_string()],
            ))
            .id_salt("sheets")
            .show(ui, |ui| {
                for sheet in &report.sheets {
                    let mut parts = vec![sheet.name.clone()];
                    if let Some(table) = sheet.table {
                        parts.push(table.short_label(lang));
                    }
                    if let Some(reporter) = &sheet.reporter {
                        parts.push(reporter.clone());
                    }
                    parts.push(trf(
                        lang,
                        Tr::RowsReadN,
                        &[&count_text(lang, sheet.rows_read as f64)],
                    ));
                    if sheet.hidden {
                        parts.push(tr(lang, Tr::HiddenSheet).to_string());
                    }
                    ui.label(parts.join(" · "));
                    if let Some(note) = &sheet.note {
                        ui.label(RichText::new(note).weak());
                    }
                }
            });
        }
        if report.skipped_rows > 0 {
            egui::CollapsingHeader::new(trf(
                lang,
                Tr::SkippedRowsN,
                &[&count_text(lang, report.skipped_rows as f64)],
            ))
            .id_salt("skipped")
            .show(ui, |ui| {
                egui::Grid::new("skipped_rows")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for skipped in &report.skipped {
                            ui.label(skipped.location.to_string());
                            ui.label(&skipped.reason);
                            ui.end_row();
                        }
                    });
                if report.skipped_rows > report.skipped.len() {
                    ui.label(trf(
                        lang,
                        Tr::AndMore,
                        &[&count_text(
                            lang,
                            (report.skipped_rows - report.skipped.len()) as f64,
                        )],
                    ));
                }
            });
        }
        if !report.messages.is_empty() {
            egui::CollapsingHeader::new(tr(lang, Tr::LoaderDecisions))
                .id_salt("messages")
                .show(ui, |ui| {
                    for message in &report.messages {
                        ui.add(egui::Label::new(message).wrap());
                    }
                });
        }
        if !report.notes.is_empty() {
            egui::CollapsingHeader::new(tr(lang, Tr::NotesInFile))
                .id_salt("notes")
                .show(ui, |ui| {
                    for note in &report.notes {
                        ui.add(egui::Label::new(note).wrap());
                    }
                });
        }
    });
}

/// What the loader found in a file: layout, encoding, reporters, tables, years, counts.
fn file_facts_ui(
    ui: &mut egui::Ui,
    file: &super::session::FileSummary,
    report: &LoadReport,
    lang: Lang,
) {
    egui::Grid::new("file_facts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr(lang, Tr::LayoutLabel));
            ui.label(layout_name(lang, report.layout));
            ui.end_row();
            if let Some(encoding) = &report.encoding {
                ui.label(tr(lang, Tr::EncodingLabel));
                let delimiter = match report.delimiter {
                    Some('\t') => format!(" · {}", tr(lang, Tr::DelimiterTab)),
                    Some(d) => format!(" · {} «{d}»", tr(lang, Tr::DelimiterWord)),
                    None => String::new(),
                };
                ui.label(format!("{encoding}{delimiter}"));
                ui.end_row();
            }
            ui.label(tr(lang, Tr::ReportersLabel));
            ui.add(egui::Label::new(reporters_text(&file.reporters, lang)).wrap());
            ui.end_row();
            ui.label(tr(lang, Tr::TablesLabel));
            ui.label(tables_text(&file.tables, lang));
            ui.end_row();
            ui.label(tr(lang, Tr::YearsLabel));
            ui.label(years_text(file.years));
            ui.end_row();
            ui.label(tr(lang, Tr::ObservationsLabel));
            ui.label(count_text(lang, report.observations as f64));
            ui.end_row();
            ui.label(tr(lang, Tr::SkippedRowsLabel));
            ui.label(count_text(lang, report.skipped_rows as f64));
            ui.end_row();
        });
}

fn review_ui(ui: &mut egui::Ui, session: &Session, lang: Lang, palette: &Palette) {
    ui.heading(tr(lang, Tr::ReviewHeading));
    match &session.review_path {
        Some(path) => {
            ui.label(trf(lang, Tr::ReviewSavedTo, &[&path.display().to_string()]));
        }
        None => {
            ui.colored_label(palette.warning, tr(lang, Tr::ReviewNowhere));
        }
    }
    match &session.review_state {
        ReviewState::New => {
            ui.label(tr(lang, Tr::ReviewNew));
        }
        ReviewState::Restored { decisions } => {
            ui.label(trf(
                lang,
                Tr::ReviewRestored,
                &[&count_text(lang, *decisions as f64)],
            ));
        }
        ReviewState::DataChanged { previous } => {
            ui.colored_label(
                palette.warning,
                trf(lang, Tr::ReviewDataChanged, &[&previous.join(", ")]),
            );
        }
        ReviewState::Unreadable(error) => {
            ui.colored_label(palette.error, trf(lang, Tr::ReviewUnreadable, &[error]));
        }
        ReviewState::NowhereToSave => {}
    }
    // The decisions are counted against the findings, which follow the checks.
    if session.checking {
        return;
    }
    if session.stale > 0 {
        ui.colored_label(
            palette.warning,
            trf(
                lang,
                Tr::StaleDecisions,
                &[&count_text(lang, session.stale as f64)],
            ),
        );
    }
    let decided = session
        .review
        .triage
        .values()
        .filter(|t| t.status != crate::review::TriageStatus::Open)
        .count();
    ui.label(trf(
        lang,
        Tr::DecisionsMade,
        &[
            &count_text(lang, decided as f64),
            &count_text(lang, session.findings().len() as f64),
        ],
    ));
}

fn scorecard_ui(
    ui: &mut egui::Ui,
    session: &Session,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let card = &session.index.scorecard;
    ui.heading(tr(lang, Tr::ScorecardHeading));
    if session.checking {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new());
            ui.label(tr(lang, Tr::FindingsFollow));
        });
        return;
    }
    let total: usize = card.by_severity.iter().sum();
    if total == 0 {
        ui.label(if session.report.checks.is_empty() {
            tr(lang, Tr::NoChecksRan)
        } else {
            tr(lang, Tr::NoFindings)
        });
        return;
    }
    ui.label(trf(
        lang,
        Tr::FindingsTotal,
        &[
            &count_text(lang, total as f64),
            &count_text(lang, card.not_evaluable as f64),
        ],
    ));
    if ui.link(tr(lang, Tr::OpenFindings)).clicked() {
        commands.push(Command::ShowPanel(super::Panel::Findings));
    }
    let max_of = |rows: &[SeverityCounts]| rows.iter().map(|c| c.iter().sum::<usize>()).max();
    let blocks = scorecard_blocks(card, lang);
    let scale = blocks
        .iter()
        .filter_map(|(_, rows)| max_of(&rows.iter().map(|r| r.1).collect::<Vec<_>>()))
        .max()
        .unwrap_or(1)
        .max(1);
    // Blocks of equal width, as many to a line as fit.
    let block_width = 340.0;
    let spacing = ui.spacing().item_spacing.x + 16.0;
    let per_line = (((ui.available_width() + spacing) / (block_width + spacing)) as usize).max(1);
    for line in blocks.chunks(per_line) {
        ui.horizontal_top(|ui| {
            for (heading, rows) in line {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(block_width);
                    ui.vertical(|ui| {
                        ui.strong(tr(lang, *heading));
                        for (name, counts) in rows {
                            scorecard_row_ui(ui, name, counts, scale, lang, palette);
                        }
                        if *heading == Tr::ByCountry && card.by_country.len() > SCORECARD_COUNTRIES
                        {
                            ui.label(trf(
                                lang,
                                Tr::AndMore,
                                &[&(card.by_country.len() - SCORECARD_COUNTRIES).to_string()],
                            ));
                        }
                    });
                });
            }
        });
    }
}

/// The blocks of the scorecard, each a heading and its rows: by severity, dimension, table,
/// country (the first few) and check.
fn scorecard_blocks(card: &Scorecard, lang: Lang) -> [(Tr, Vec<(String, SeverityCounts)>); 5] {
    let severity_rows: Vec<(String, SeverityCounts)> = Severity::ALL
        .iter()
        .map(|s| {
            let mut counts = [0; 3];
            let slot = super::session::severity_slot(*s);
            counts[slot] = card.by_severity[slot];
            (severity_name(lang, *s).to_string(), counts)
        })
        .collect();
    let dimension_rows: Vec<(String, SeverityCounts)> = card
        .by_dimension
        .iter()
        .map(|(d, c)| (dimension_name(lang, *d).to_string(), *c))
        .collect();
    let table_rows: Vec<(String, SeverityCounts)> = card
        .by_table
        .iter()
        .map(|(t, c)| {
            let name = match t {
                Some(t) => t.short_label(lang),
                None => tr(lang, Tr::NoTable).to_string(),
            };
            (name, *c)
        })
        .collect();
    let country_rows: Vec<(String, SeverityCounts)> = card
        .by_country
        .iter()
        .take(SCORECARD_COUNTRIES)
        .map(|(code, c)| {
            let name = match code {
                Some(code) => country_label(code, lang),
                None => tr(lang, Tr::NoCountry).to_string(),
            };
            (name, *c)
        })
        .collect();
    let check_rows: Vec<(String, SeverityCounts)> = card
        .by_check
        .iter()
        .map(|(code, c)| {
            (
                format!("{code} — {}", catalog::entry(*code).title(lang)),
                *c,
            )
        })
        .collect();
    [
        (Tr::BySeverity, severity_rows),
        (Tr::ByDimension, dimension_rows),
        (Tr::ByTable, table_rows),
        (Tr::ByCountry, country_rows),
        (Tr::ByCheck, check_rows),
    ]
}

/// A row of a block of the scorecard: the name, the count, and the bar split by severity.
fn scorecard_row_ui(
    ui: &mut egui::Ui,
    name: &str,
    counts: &SeverityCounts,
    scale: usize,
    lang: Lang,
    palette: &Palette,
) {
    ui.horizontal(|ui| {
        let total = counts.iter().sum::<usize>();
        ui.allocate_ui_with_layout(
            vec2(150.0, ui.spacing().interact_size.y),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(150.0);
                ui.add(egui::Label::new(name).truncate());
            },
        );
        ui.allocate_ui_with_layout(
            vec2(48.0, ui.spacing().interact_size.y),
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| {
                ui.set_min_width(48.0);
                ui.label(count_text(lang, total as f64));
            },
        );
        bar_ui(ui, counts, scale, palette);
    });
}

/// A horizontal bar split by severity, scaled so that `scale` fills 110 points.
fn bar_ui(ui: &mut egui::Ui, counts: &SeverityCounts, scale: usize, palette: &Palette) {
    let width = 110.0;
    let height = ui.text_style_height(&egui::TextStyle::Body) * 0.7;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let mut x = rect.left();
    for (slot, severity) in Severity::ALL.iter().enumerate() {
        let w = width * counts[slot] as f32 / scale as f32;
        if w > 0.0 {
            let part =
                egui::Rect::from_min_size(egui::pos2(x, rect.top()), vec2(w.max(1.0), height));
            ui.painter()
                .rect_filled(part, 0.0, palette.severity(*severity));
            x += w;
        }
    }
}
