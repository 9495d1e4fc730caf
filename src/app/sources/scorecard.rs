//! The country's scorecard: per source and per dimension as a table and bars, the overall grade,
//! and the potential for development.

use crate::app::chart_export::ChartRequest;
use crate::app::command::Command;
use crate::app::i18n::country_label;
use crate::app::i18n::{Tr, dimension_name, tr, trf};
use crate::app::widgets::{colour, export_buttons_ui};
use crate::assess::scorecard::CountryScorecard;
use crate::assess::{Score, ScoreBasis};
use crate::charts::{ScorecardData, scorecard_colour};
use crate::checks::Dimension;
use crate::model::Lang;
use egui::{RichText, vec2};

pub(super) fn mean_text(mean: f64, provisional: bool, lang: Lang) -> String {
    let text = crate::assess::text::decimal(mean, 1, lang);
    if provisional {
        format!("{text}*")
    } else {
        text
    }
}

/// The country's scorecard: per source and per ESS dimension as a table and bars (with the
/// buttons that export them as a chart), the overall grade, and the potential for development.
pub(super) fn scorecard_ui(
    ui: &mut egui::Ui,
    card: &CountryScorecard,
    bars: &ScorecardData,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(country_label(&card.country, lang));
        ui.add_space(12.0);
        export_buttons_ui(
            ui,
            lang,
            Some(ChartRequest::Scorecard {
                country: card.country.clone(),
            }),
            commands,
        );
    });
    if let (Some(mean), Some(grade)) = (card.overall, card.grade) {
        ui.strong(trf(
            lang,
            Tr::SourcesOverall,
            &[&mean_text(mean, card.provisional, lang), grade.label(lang)],
        ));
    }
    if card.provisional {
        ui.label(RichText::new(tr(lang, Tr::SourcesProvisionalNote)).weak());
    }
    ui.add_space(6.0);
    // The table: one row per source, one column per dimension, then the overall mean.
    let cell = |text: String| egui::Label::new(text).truncate();
    egui::Grid::new("scorecard_table")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, Tr::SourcesListHeading));
            for dimension in Dimension::ALL {
                ui.strong(dimension_name(lang, dimension));
            }
            ui.strong(tr(lang, Tr::SourcesOverallColumn));
            ui.end_row();
            for source in &card.sources {
                ui.add(cell(source.source_id.clone()))
                    .on_hover_text(&source.name);
                for dimension in Dimension::ALL {
                    let text = source
                        .dimensions
                        .iter()
                        .find(|d| d.dimension == dimension)
                        .and_then(|d| d.mean.map(|m| mean_text(m, d.provisional, lang)))
                        .unwrap_or_else(|| "–".to_string());
                    ui.label(text);
                }
                ui.label(
                    source
                        .overall
                        .map(|m| mean_text(m, source.provisional, lang))
                        .unwrap_or_else(|| "–".to_string()),
                );
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    bars_ui(ui, bars, lang);
    ui.add_space(10.0);
    ui.heading(tr(lang, Tr::SourcesDevelopmentHeading));
    if card.development.is_empty() {
        ui.label(tr(lang, Tr::SourcesNoDevelopment));
    }
    for (i, item) in card.development.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{}.", i + 1));
                ui.label(format!(
                    "{} · {} · {}{}",
                    item.source_id,
                    item.criterion.title(lang),
                    item.score,
                    if item.basis == ScoreBasis::Suggested {
                        "*"
                    } else {
                        ""
                    }
                ));
            });
            ui.add(egui::Label::new(item.text(lang)).wrap());
            ui.add(
                egui::Label::new(RichText::new(format!("→ {}", item.action(lang))).weak()).wrap(),
            );
        });
    }
}

/// Bars of the dimension means, one colour per source, painted (0 to 3): the data and colours
/// of the exported scorecard chart. A mean of 0 is a ring at the axis, a dimension a source
/// has no score in is a dash: the two never look alike. Text in the body size, readable at
/// 100 % zoom.
pub(super) fn bars_ui(ui: &mut egui::Ui, bars: &ScorecardData, lang: Lang) {
    let sources = bars.sources.len().max(1);
    let bar_height = 12.0;
    let group_height = bar_height * sources as f32 + 8.0;
    let label_width = 200.0;
    let width = ui.available_width().clamp(320.0, 900.0);
    let height = group_height * bars.dimensions.len() as f32 + 22.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plot_left = rect.left() + label_width;
    let plot_width = (rect.width() - label_width - 8.0).max(10.0);
    let x_of = |score: f64| plot_left + plot_width * (score / f64::from(Score::MAX)) as f32;
    for tick in 0..=Score::MAX {
        let x = x_of(f64::from(tick));
        painter.line_segment(
            [
                egui::pos2(x, rect.top()),
                egui::pos2(x, rect.bottom() - 20.0),
            ],
            egui::Stroke::new(1.0, weak.gamma_multiply(0.4)),
        );
        painter.text(
            egui::pos2(x, rect.bottom() - 18.0),
            egui::Align2::CENTER_TOP,
            tick.to_string(),
            font.clone(),
            weak,
        );
    }
    for (row, dimension) in bars.dimensions.iter().enumerate() {
        let top = rect.top() + row as f32 * group_height;
        painter.text(
            egui::pos2(rect.left(), top + group_height / 2.0),
            egui::Align2::LEFT_CENTER,
            dimension_name(lang, *dimension),
            font.clone(),
            text_color,
        );
        for i in 0..bars.sources.len() {
            let y = top + 4.0 + i as f32 * bar_height;
            let middle = y + (bar_height - 1.0) / 2.0;
            let fill = colour(scorecard_colour(i));
            match bars.mean(i, *dimension) {
                None => {
                    // Not scored: a short weak dash.
                    painter.line_segment(
                        [
                            egui::pos2(plot_left + 2.0, middle),
                            egui::pos2(plot_left + 10.0, middle),
                        ],
                        egui::Stroke::new(1.0, weak),
                    );
                }
                Some(mean) if mean.mean <= 0.0 => {
                    // Scored 0: a ring on the axis.
                    painter.circle_stroke(
                        egui::pos2(plot_left + bar_height / 2.0, middle),
                        (bar_height - 3.0) / 2.0,
                        egui::Stroke::new(2.0, fill),
                    );
                }
                Some(mean) => {
                    let bar = egui::Rect::from_min_max(
                        egui::pos2(plot_left, y),
                        egui::pos2(x_of(mean.mean).max(plot_left + 2.0), y + bar_height - 1.0),
                    );
                    painter.rect_filled(bar, 1.0, fill);
                }
            }
        }
    }
    // The legend: one entry per source.
    ui.horizontal_wrapped(|ui| {
        for (i, source) in bars.sources.iter().enumerate() {
            let (swatch, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, colour(scorecard_colour(i)));
            ui.label(&source.id).on_hover_text(&source.name);
        }
        ui.separator();
        let (ring, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().circle_stroke(
            ring.center(),
            4.5,
            egui::Stroke::new(2.0, ui.visuals().text_color()),
        );
        ui.label(tr(lang, Tr::ScorecardZero));
        let (dash, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().line_segment(
            [dash.left_center(), dash.right_center()],
            egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
        );
        ui.label(tr(lang, Tr::ScorecardNotScored));
    });
}
