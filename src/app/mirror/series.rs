//! One pair over the years: both sides' figures as lines, corrected ones dashed, and a table of
//! the years with the ratio and the band.

use super::axes::grid_colour;
use super::{MirrorView, band_name, interval_heading, interval_text, ratio_text};
use crate::app::i18n::country_label;
use crate::app::i18n::{Tr, count_text, tr, trf};
use crate::app::session::Session;
use crate::app::widgets::colour;
use crate::charts::texts::texts;
use crate::charts::{self, Basis, PairSeries, band_colour, corrected_sides};
use crate::mirror::{FlowDirection, MirrorPair, MirrorReport, MirrorSettings};
use crate::model::{Lang, gazetteer};
use crate::t;
use egui::{Color32, RichText, vec2};
use egui_plot::{Corner, GridInput, GridMark, Legend, Line, LineStyle, Plot, Points};

impl MirrorView {
    pub(super) fn series_ui(&mut self, ui: &mut egui::Ui, session: &Session, lang: Lang) {
        let Some(meta) = self.meta.value().cloned() else {
            return;
        };
        let Some((sender, receiver)) = self.shown_pair() else {
            ui.label(tr(lang, Tr::NoPairChosen));
            return;
        };
        self.pair_picker_ui(ui, &meta.countries, (&sender, &receiver), lang);
        let mirror = &session.report.mirror;
        let settings = &session.report.settings.mirror;
        let (sex, basis) = (self.sex, self.basis);
        let key = (
            session.generation,
            sender.clone(),
            receiver.clone(),
            sex,
            basis,
        );
        let data = self.series.get(key, || {
            PairSeries::build(mirror, &sender, &receiver, sex, basis)
        });
        let t = texts(lang);
        let (sender_name, receiver_name) = (
            gazetteer().name(&sender, lang),
            gazetteer().name(&receiver, lang),
        );
        ui.heading(format!(
            "{} ({} » {})",
            t!(
                lang,
                "chart-series-title",
                sender = sender_name,
                receiver = receiver_name
            ),
            sender,
            receiver
        ));
        if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
            ui.label(RichText::new(basis_note).weak());
        }
        if data.points.is_empty() {
            ui.label(tr(lang, Tr::PairNotReported));
            return;
        }
        let (immigration_corrected, emigration_corrected) = corrected_sides(data);
        // The table of the years, and the lines on why the sides disagree above it.
        let table_height = (ui.text_style_height(&egui::TextStyle::Body) + 8.0)
            * (data.points.len() as f32 + 1.5 + DISAGREEMENT_LINES);
        let plot_height = (ui.available_height() - table_height - 12.0).max(220.0);
        let names = (
            t!(lang, "chart-immigration-line", receiver = receiver_name),
            t!(lang, "chart-emigration-line", sender = sender_name),
        );
        series_plot(
            ("mirror_series", &sender, &receiver, sex, basis),
            grid_colour(ui),
            plot_height,
            lang,
        )
        .show(ui, |plot_ui| {
            series_lines_ui(
                plot_ui,
                data,
                (immigration_corrected, emigration_corrected),
                names,
                lang,
            )
        });
        ui.add_space(8.0);
        disagreement_ui(ui, mirror, (&sender, &receiver), lang);
        ui.add_space(8.0);
        series_table_ui(
            ui,
            data,
            mirror.pairs.as_slice(),
            settings,
            (immigration_corrected, emigration_corrected),
            lang,
        );
    }

    /// The sender and the receiver of the pair shown, and a button that swaps them.
    fn pair_picker_ui(
        &mut self,
        ui: &mut egui::Ui,
        countries: &[String],
        (sender, receiver): (&String, &String),
        lang: Lang,
    ) {
        ui.horizontal_wrapped(|ui| {
            for (key, current, is_sender) in [
                (Tr::SenderLabel, sender, true),
                (Tr::ReceiverLabel, receiver, false),
            ] {
                let label = ui.label(tr(lang, key));
                egui::ComboBox::from_id_salt(("mirror_pair", is_sender))
                    .selected_text(country_label(current, lang))
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        for code in countries {
                            if ui
                                .selectable_label(code == current, country_label(code, lang))
                                .clicked()
                            {
                                self.pair = Some(if is_sender {
                                    (code.clone(), receiver.clone())
                                } else {
                                    (sender.clone(), code.clone())
                                });
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.add_space(12.0);
            }
            if ui.button(tr(lang, Tr::SwapPair)).clicked() {
                self.pair = Some((receiver.clone(), sender.clone()));
            }
        });
    }
}

/// Lines the part on why the sides disagree takes, for the plot's height.
const DISAGREEMENT_LINES: f32 = 6.0;

/// Why the two sides disagree: the stability of the pair's log ratio over the years with the
/// sentence that reads it, and the partner-structure distance of the sender's emigration and
/// the receiver's immigration (`docs/domain.md#why-a-pair-disagrees`).
fn disagreement_ui(
    ui: &mut egui::Ui,
    mirror: &MirrorReport,
    (sender, receiver): (&str, &str),
    lang: Lang,
) {
    ui.strong(tr(lang, Tr::WhyPairDisagrees));
    let decimals = |v: f64, places: usize| crate::i18n::format_decimal(v, places, lang);
    let dash = || "–".to_string();
    match mirror
        .stability
        .iter()
        .find(|s| s.receiver == receiver && s.sender == sender)
    {
        Some(s) => {
            let jump = match (s.largest_jump, s.jump_year) {
                (Some(jump), Some(year)) => trf(
                    lang,
                    Tr::StabilityJump,
                    &[
                        &decimals(jump, 2),
                        &year.to_string(),
                        &s.jump_ratio.map_or_else(dash, |r| decimals(r, 1)),
                    ],
                ),
                _ => dash(),
            };
            ui.label(trf(
                lang,
                Tr::StabilityNumbers,
                &[
                    &count_text(lang, s.years as f64),
                    &decimals(s.mean, 2),
                    &ratio_text(lang, s.mean.exp()),
                    &s.sd.map_or_else(dash, |sd| decimals(sd, 2)),
                    &jump,
                ],
            ));
            ui.add(egui::Label::new(RichText::new(s.sentence(lang)).strong()).wrap());
        }
        None => {
            ui.label(RichText::new(tr(lang, Tr::NoStability)).weak());
        }
    }
    for (country, direction, key) in [
        (sender, FlowDirection::Emigration, Tr::StructureEmigration),
        (
            receiver,
            FlowDirection::Immigration,
            Tr::StructureImmigration,
        ),
    ] {
        let latest = mirror
            .structure
            .iter()
            .filter(|s| s.country == country && s.direction == direction)
            .max_by_key(|s| s.year);
        let value = latest.map_or_else(dash, |s| {
            trf(
                lang,
                Tr::StructureValue,
                &[
                    &decimals(s.distance, 2),
                    &s.year.to_string(),
                    &count_text(lang, s.partners as f64),
                ],
            )
        });
        ui.label(trf(lang, key, &[gazetteer().name(country, lang), &value]));
    }
    ui.add(egui::Label::new(RichText::new(tr(lang, Tr::StructureExplain)).weak()).wrap());
}

/// The plot of a pair over the years: years across, persons up, a card of the point hovered.
fn series_plot<'a>(id: impl egui::AsIdSalt, grid: Color32, height: f32, lang: Lang) -> Plot<'a> {
    let t = texts(lang);
    Plot::new(id)
        .grid_color(grid)
        .height(height)
        .legend(Legend::default().position(Corner::LeftBottom))
        .include_y(0.0)
        .x_axis_label(t.year)
        .y_axis_label(t.persons)
        .x_grid_spacer(|input: GridInput| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64)
                .map(|y| GridMark {
                    value: y as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64))
        .y_axis_formatter(move |mark, _| count_text(lang, mark.value))
        .label_formatter(move |position| match position {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                position.x.round() as i64,
                count_text(lang, position.y.round())
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
}

/// The lines of a pair: immigration and emigration as reported, with points, and corrected
/// (dashed) where the correction changes them.
fn series_lines_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    data: &PairSeries,
    (immigration_corrected, emigration_corrected): (bool, bool),
    (immigration_name, emigration_name): (String, String),
    lang: Lang,
) {
    let t = texts(lang);
    type Pick = fn(&charts::SeriesPoint) -> Option<f64>;
    let mut lines: Vec<(Pick, Color32, bool, String)> = vec![
        (
            |p| p.immigration,
            colour(charts::IMMIGRATION),
            false,
            immigration_name.clone(),
        ),
        (
            |p| p.emigration,
            colour(charts::EMIGRATION),
            false,
            emigration_name.clone(),
        ),
    ];
    if immigration_corrected {
        lines.push((
            |p| p.corrected_immigration,
            colour(charts::IMMIGRATION),
            true,
            format!("{immigration_name}{}", t.corrected_suffix),
        ));
    }
    if emigration_corrected {
        lines.push((
            |p| p.corrected_emigration,
            colour(charts::EMIGRATION),
            true,
            format!("{emigration_name}{}", t.corrected_suffix),
        ));
    }
    for (pick, line_colour, dashed, name) in lines {
        for run in runs(data, pick) {
            let style = if dashed {
                LineStyle::dashed_loose()
            } else {
                LineStyle::Solid
            };
            if !dashed {
                plot_ui.points(
                    Points::new(name.clone(), run.clone())
                        .color(line_colour)
                        .radius(4.0)
                        .filled(true),
                );
            }
            plot_ui.line(
                Line::new(name.clone(), run)
                    .color(line_colour)
                    .width(2.5)
                    .style(style),
            );
        }
    }
}

/// The runs of consecutive years with a value: a missing year breaks the line, as in the
/// exported chart.
fn runs(data: &PairSeries, pick: fn(&charts::SeriesPoint) -> Option<f64>) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut previous: Option<u16> = None;
    for point in &data.points {
        let Some(value) = pick(point) else {
            previous = None;
            continue;
        };
        let xy = [point.year as f64, value];
        match (previous, runs.last_mut()) {
            (Some(y), Some(run)) if y + 1 == point.year => run.push(xy),
            _ => runs.push(vec![xy]),
        }
        previous = Some(point.year);
    }
    runs
}

/// The years of a pair: reported figures, corrected ones where the correction changes them, the
/// ratio and the band on the chosen basis.
fn series_table_ui(
    ui: &mut egui::Ui,
    data: &PairSeries,
    pairs: &[MirrorPair],
    settings: &MirrorSettings,
    corrected: (bool, bool),
    lang: Lang,
) {
    let t = texts(lang);
    let receiver = gazetteer().name(&data.receiver, lang);
    let sender = gazetteer().name(&data.sender, lang);
    let missing = || "–".to_string();
    egui::ScrollArea::horizontal()
        .id_salt("series_table_scroll")
        .show(ui, |ui| {
            egui::Grid::new("series_table")
                .striped(true)
                .spacing(vec2(18.0, 4.0))
                .show(ui, |ui| {
                    ui.strong(t.year);
                    ui.strong(trf(lang, Tr::ImmigrationReportedBy, &[receiver]));
                    ui.strong(trf(lang, Tr::EmigrationReportedBy, &[sender]));
                    if corrected.0 {
                        ui.strong(format!("I{}", t.corrected_suffix));
                    }
                    if corrected.1 {
                        ui.strong(format!("E{}", t.corrected_suffix));
                    }
                    ui.strong(match data.basis {
                        Basis::Corrected => tr(lang, Tr::CorrectedRatioLabel),
                        Basis::Reported => tr(lang, Tr::RatioLabel),
                    });
                    ui.strong(interval_heading(lang, settings.interval_level));
                    ui.strong(tr(lang, Tr::BandLabel));
                    ui.end_row();
                    for point in &data.points {
                        let pair = pairs.get(point.pair);
                        ui.label(point.year.to_string());
                        ui.label(
                            point
                                .immigration
                                .map_or_else(missing, |v| count_text(lang, v)),
                        );
                        ui.label(
                            point
                                .emigration
                                .map_or_else(missing, |v| count_text(lang, v)),
                        );
                        if corrected.0 {
                            ui.label(
                                point
                                    .corrected_immigration
                                    .map_or_else(missing, |v| count_text(lang, v.round())),
                            );
                        }
                        if corrected.1 {
                            ui.label(
                                point
                                    .corrected_emigration
                                    .map_or_else(missing, |v| count_text(lang, v.round())),
                            );
                        }
                        ui.label(
                            pair.and_then(|p| data.basis.ratio(p))
                                .map_or_else(missing, |r| ratio_text(lang, r)),
                        );
                        ui.label(
                            pair.and_then(|p| data.basis.interval(p, settings))
                                .map_or_else(missing, |i| interval_text(lang, i)),
                        );
                        match pair {
                            Some(p) => {
                                let band = data.basis.band(p, settings);
                                ui.colored_label(
                                    colour(band_colour(band)),
                                    band_name(lang, band, settings),
                                );
                            }
                            None => {
                                ui.label(missing());
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
