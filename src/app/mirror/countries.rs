//! The countries: each country's flows against what its partners report, as ratios with their
//! intervals, in a table and as bars on a log axis.

use super::axes::{grid_colour, log_spacer, log_tick};
use super::{
    MirrorView, bound_text, interval_heading, ratio_text, undercount_class_name,
    undercount_classes, undercount_scores_text,
};
use crate::app::i18n::country_label;
use crate::app::i18n::{Tr, count_text, tr, trf};
use crate::app::session::Session;
use crate::app::widgets::{colour, hover_card};
use crate::charts::texts::texts;
use crate::charts::{Basis, UndercountBar, UndercountData, marked_row_colour, undercount_colour};
use crate::mirror::{FlowDirection, PartnerComparison, Undercount, UndercountClass};
use crate::model::Lang;
use crate::t;
use egui::{Color32, RichText, vec2};
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, Legend, Line, LineStyle, Plot, Polygon, VLine,
};

impl MirrorView {
    pub(super) fn countries_ui(&mut self, ui: &mut egui::Ui, session: &Session, lang: Lang) {
        let Some(year) = self.one_year() else {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            return;
        };
        let mirror = &session.report.mirror;
        let settings = &session.report.settings.mirror;
        let group: Vec<String> = mirror
            .reference_group
            .as_ref()
            .map(|g| g.countries.clone())
            .unwrap_or_default();
        self.direction_toggles_ui(ui, lang, &group);
        let (direction, against, basis) = (
            self.direction,
            self.against_reference && !group.is_empty(),
            self.basis,
        );
        let country = self.country.clone();
        let data = self.bars.get(
            (
                session.generation,
                direction,
                year,
                against,
                basis,
                country.clone(),
            ),
            || {
                UndercountData::build(mirror, settings, direction, year, against, basis)
                    .of_country(country.as_deref())
            },
        );
        let t = texts(lang);
        let mut note = match &data.reference {
            Some(group) => t!(lang, "chart-reference-subtitle", group = group.join(", ")),
            None => t.undercount_subtitle.to_string(),
        };
        if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
            note.push_str(&format!("; {basis_note}"));
        }
        ui.label(RichText::new(format!("{}, {year}. {note}", heading_of(lang, direction))).weak());
        ui.label(RichText::new(tr(lang, Tr::CountriesBothSexes)).weak());
        super::harmonisation::harmonisation_ui(
            ui,
            mirror.harmonisation.as_ref(),
            settings,
            country.as_deref(),
            lang,
        );
        if data.bars.is_empty() {
            ui.label(tr(lang, Tr::NoCountryRatios));
            return;
        }
        let flows_of = |code: &str| {
            mirror
                .countries
                .iter()
                .find(|c| c.country == code && c.direction == direction && c.year == year)
                .and_then(|c| {
                    if against {
                        c.reference.as_ref()
                    } else {
                        Some(&c.all)
                    }
                })
        };
        let classes = undercount_classes(session, direction, Some(year));
        countries_table_ui(ui, data, &classes, lang);
        let hovered = countries_plot_ui(ui, data, (direction, year, against, basis), lang);
        if let Some(bar) = hovered.and_then(|i| data.bars.get(i)) {
            hover_card(ui.ctx(), "mirror_bars_card", |ui| {
                bar_card_ui(
                    ui,
                    bar,
                    flows_of(&bar.country),
                    (direction, basis, data.level),
                    lang,
                );
            });
        }
    }

    /// The direction of the flows, and whether the partners are all or the reference group.
    fn direction_toggles_ui(&mut self, ui: &mut egui::Ui, lang: Lang, group: &[String]) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, Tr::DirectionLabel));
            for (direction, key) in [
                (FlowDirection::Emigration, Tr::EmigrationWord),
                (FlowDirection::Immigration, Tr::ImmigrationWord),
            ] {
                if ui
                    .selectable_label(self.direction == direction, tr(lang, key))
                    .clicked()
                {
                    self.direction = direction;
                }
            }
            ui.add_space(12.0);
            ui.label(tr(lang, Tr::ComparedWith));
            if ui
                .selectable_label(!self.against_reference, tr(lang, Tr::AllPartners))
                .clicked()
            {
                self.against_reference = false;
            }
            let reference = ui.add_enabled(
                !group.is_empty(),
                egui::Button::selectable(
                    self.against_reference,
                    trf(lang, Tr::ReferenceGroupOf, &[&group.join(", ")]),
                ),
            );
            if reference.clicked() {
                self.against_reference = true;
            }
            reference.on_disabled_hover_text(tr(lang, Tr::NoReferenceGroup));
        });
    }
}

/// The ratios of the countries as a table, in a panel on the right.
fn countries_table_ui(
    ui: &mut egui::Ui,
    data: &UndercountData,
    classes: &[Undercount],
    lang: Lang,
) {
    crate::app::widgets::SidePanel {
        id: "undercount_table",
        left: false,
        default_size: 360.0,
        min_size: 240.0,
        max_share: 0.4,
    }
    .show(ui, lang, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("undercount_table_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("undercount_grid")
                    .striped(true)
                    .spacing(vec2(14.0, 4.0))
                    .show(ui, |ui| {
                        ui.strong(tr(lang, Tr::CountryLabel));
                        ui.strong(tr(lang, Tr::RatioColumn));
                        ui.strong(interval_heading(lang, data.level));
                        ui.strong(tr(lang, Tr::PartnersColumn));
                        ui.strong(tr(lang, Tr::UndercountColumn))
                            .on_hover_text(tr(lang, Tr::UndercountColumnHelp));
                        ui.end_row();
                        for bar in &data.bars {
                            let name = RichText::new(country_label(&bar.country, lang));
                            if data.is_marked(bar) {
                                ui.label(name.strong())
                                    .on_hover_text(tr(lang, Tr::CountryUnderReview));
                            } else {
                                ui.label(name);
                            }
                            let outside = bar.ratio < data.bounds[0] || bar.ratio > data.bounds[1];
                            let text = RichText::new(ratio_text(lang, bar.ratio));
                            ui.label(if outside {
                                text.color(colour(undercount_colour(true))).strong()
                            } else {
                                text
                            });
                            ui.label(interval_text(lang, bar.low, bar.high));
                            ui.label(count_text(lang, bar.partners as f64));
                            match classes.iter().find(|u| u.country == bar.country) {
                                Some(
                                    u @ Undercount {
                                        class: Some(class), ..
                                    },
                                ) => {
                                    let text = RichText::new(undercount_class_name(lang, *class));
                                    let text = if *class == UndercountClass::High {
                                        text.color(colour(undercount_colour(true))).strong()
                                    } else {
                                        text
                                    };
                                    ui.label(text)
                                        .on_hover_text(undercount_scores_text(lang, u));
                                }
                                _ => {
                                    ui.label("–");
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    });
}
/// The least height of the bars' plot, in points.
const BARS_MIN_HEIGHT: f32 = 300.0;

/// What the bars are drawn for: direction, year, against the reference group, basis.
type BarsPlotKey = (FlowDirection, u16, bool, Basis);

/// The ratios as horizontal bars on a log axis, with their intervals and M2's bounds; returns the
/// bar under the pointer.
fn countries_plot_ui(
    ui: &mut egui::Ui,
    data: &UndercountData,
    key: BarsPlotKey,
    lang: Lang,
) -> Option<usize> {
    let t = texts(lang);
    let n = data.bars.len();
    let codes: Vec<String> = data.bars.iter().map(|b| b.country.clone()).collect();
    let [low_bound, high_bound] = data.bounds;
    let ink = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let dark = ui.visuals().dark_mode;
    let highlight = colour(marked_row_colour()).gamma_multiply(if dark { 0.35 } else { 1.0 });
    let response = egui::CentralPanel::default()
        .show(ui, |ui| {
            // At a projector's zoom the bars keep a readable height and the view scrolls.
            egui::ScrollArea::vertical()
                .id_salt("mirror_bars_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    Plot::new(("mirror_bars", key.0, key.1, key.2, key.3))
                        .height(ui.available_height().max(BARS_MIN_HEIGHT))
                        .grid_color(grid_colour(ui))
                        .legend(Legend::default().position(Corner::RightBottom))
                        .x_axis_label(t.ratio_axis)
                        .x_axis_formatter(move |mark, _| log_tick(lang, mark))
                        .x_grid_spacer(log_spacer)
                        .y_grid_spacer(move |input: GridInput| {
                            (0..n)
                                .map(|i| GridMark {
                                    value: i as f64,
                                    step_size: 1.0,
                                })
                                .filter(|m| m.value >= input.bounds.0 && m.value <= input.bounds.1)
                                .collect()
                        })
                        .y_axis_formatter(move |mark, _| {
                            let i = mark.value.round();
                            if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize >= n {
                                return String::new();
                            }
                            codes.get(n - 1 - i as usize).cloned().unwrap_or_default()
                        })
                        .include_x(low_bound.log10() - 0.1)
                        .include_x(high_bound.log10() + 0.1)
                        .show_x(false)
                        .show_y(false)
                        .show(ui, |plot_ui| {
                            marked_row_ui(plot_ui, data, highlight, lang);
                            bar_charts_ui(plot_ui, data, lang);
                            intervals_ui(plot_ui, data, ink);
                            plot_ui.vline(
                                VLine::new("", 0.0).color(ink).width(1.5).allow_hover(false),
                            );
                            for bound in [low_bound, high_bound] {
                                plot_ui.vline(
                                    VLine::new("", bound.log10())
                                        .color(weak)
                                        .style(LineStyle::dashed_loose())
                                        .allow_hover(false),
                                );
                            }
                            hovered_bar(plot_ui, n)
                        })
                })
                .inner
        })
        .inner;
    response.inner
}

/// The row of the plot of the `i`-th bar of `n`: the first at the top.
fn bar_row(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

/// The bars within M2's bounds and those outside, as two charts of their own colours.
fn bar_charts_ui(plot_ui: &mut egui_plot::PlotUi<'_>, data: &UndercountData, lang: Lang) {
    let n = data.bars.len();
    let [low_bound, high_bound] = data.bounds;
    for outside in [false, true] {
        let bars: Vec<Bar> = data
            .bars
            .iter()
            .enumerate()
            .filter(|(_, b)| (b.ratio < low_bound || b.ratio > high_bound) == outside)
            .map(|(i, b)| {
                Bar::new(bar_row(n, i), b.ratio.log10())
                    .width(0.7)
                    .fill(colour(undercount_colour(outside)))
            })
            .collect();
        if bars.is_empty() {
            continue;
        }
        let (low, high) = (bound_text(lang, low_bound), bound_text(lang, high_bound));
        let name = if outside {
            t!(lang, "chart-outside-bounds", low = &low, high = &high)
        } else {
            t!(lang, "chart-within-bounds", low = &low, high = &high)
        };
        plot_ui.bar_chart(
            BarChart::new(
                format!("{name} ({})", count_text(lang, bars.len() as f64)),
                bars,
            )
            .horizontal()
            .color(colour(undercount_colour(outside)))
            .allow_hover(false),
        );
    }
}

/// The country under review's row, on a band across the ratios drawn, behind its bar.
/// Named in the legend, as in the export.
fn marked_row_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    data: &UndercountData,
    fill: Color32,
    lang: Lang,
) {
    let n = data.bars.len();
    let (Some(i), Some(code)) = (
        data.bars.iter().position(|b| data.is_marked(b)),
        data.country.as_deref(),
    ) else {
        return;
    };
    let name = t!(
        lang,
        "chart-under-review",
        country = &country_label(code, lang)
    );
    // Within what the bars, their intervals and the bounds span, so the band moves no axis.
    let (lo, hi) = data.span();
    let (lo, hi, y) = (lo.log10(), hi.log10(), bar_row(n, i));
    plot_ui.polygon(
        Polygon::new(
            name,
            vec![[lo, y - 0.5], [hi, y - 0.5], [hi, y + 0.5], [lo, y + 0.5]],
        )
        .fill_color(fill)
        // No outline; its colour is the legend's swatch.
        .stroke(egui::Stroke::new(0.0, fill))
        .allow_hover(false),
    );
}

/// The interval of each bar that has one, as a line with end ticks.
fn intervals_ui(plot_ui: &mut egui_plot::PlotUi<'_>, data: &UndercountData, ink: Color32) {
    let n = data.bars.len();
    for (i, bar) in data.bars.iter().enumerate() {
        let (Some(lo), Some(hi)) = (bar.low, bar.high) else {
            continue;
        };
        if !(lo > 0.0 && hi.is_finite()) {
            continue;
        }
        let y = bar_row(n, i);
        let (lo, hi) = (lo.log10(), hi.log10());
        for segment in [
            vec![[lo, y], [hi, y]],
            vec![[lo, y - 0.2], [lo, y + 0.2]],
            vec![[hi, y - 0.2], [hi, y + 0.2]],
        ] {
            plot_ui.line(
                Line::new("", segment)
                    .color(ink)
                    .width(1.5)
                    .allow_hover(false),
            );
        }
    }
}

/// The bar under the pointer, if the pointer is over the plot.
fn hovered_bar(plot_ui: &egui_plot::PlotUi<'_>, n: usize) -> Option<usize> {
    if !plot_ui.response().hovered() {
        return None;
    }
    let pointer = plot_ui.pointer_coordinate()?;
    let i = (n as f64 - 1.0 - pointer.y).round();
    (i >= 0.0 && (i as usize) < n && (pointer.y - bar_row(n, i as usize)).abs() < 0.45)
        .then_some(i as usize)
}

/// The card of a bar: the ratio, its interval, the partners and the sums behind the ratio.
fn bar_card_ui(
    ui: &mut egui::Ui,
    bar: &UndercountBar,
    flows: Option<&PartnerComparison>,
    (direction, basis, level): (FlowDirection, Basis, f64),
    lang: Lang,
) {
    ui.strong(country_label(&bar.country, lang));
    ui.label(heading_of(lang, direction));
    egui::Grid::new("bar_card")
        .spacing(vec2(12.0, 2.0))
        .show(ui, |ui| {
            ui.label(tr(lang, Tr::RatioColumn));
            ui.strong(ratio_text(lang, bar.ratio));
            ui.end_row();
            ui.label(interval_heading(lang, level));
            ui.label(interval_text(lang, bar.low, bar.high));
            ui.end_row();
            ui.label(tr(lang, Tr::PartnersColumn));
            ui.label(count_text(lang, bar.partners as f64));
            ui.end_row();
            if let Some(comparison) = flows {
                comparison_rows_ui(ui, comparison, basis, lang);
            }
        });
}

fn heading_of(lang: Lang, direction: FlowDirection) -> &'static str {
    let t = texts(lang);
    match direction {
        FlowDirection::Emigration => t.undercount_emigration,
        FlowDirection::Immigration => t.undercount_immigration,
    }
}

fn interval_text(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    low.zip(high).map_or_else(
        || "–".to_string(),
        |(low, high)| super::interval_text(lang, [low, high]),
    )
}

/// The two sums behind a country's ratio.
fn comparison_rows_ui(ui: &mut egui::Ui, comparison: &PartnerComparison, basis: Basis, lang: Lang) {
    if basis == Basis::Corrected {
        ui.label(tr(lang, Tr::CountrysFigure));
        ui.label(count_text(lang, comparison.reported));
        ui.end_row();
        ui.label(tr(lang, Tr::PartnersFigure));
        ui.label(count_text(lang, comparison.partners_report));
        ui.end_row();
    }
    if let Some(raw) = comparison.raw_ratio {
        ui.label(tr(lang, Tr::RatioAsReported));
        ui.label(ratio_text(lang, raw));
        ui.end_row();
    }
}
