//! The scatter: each pair-year at (emigration, immigration) on log–log axes, with the 45° line
//! and the corridors of the bands.

use super::axes::{grid_colour, log_spacer, log_tick};
use super::{MirrorView, pair_card_ui};
use crate::app::command::Command;
use crate::app::i18n::{Tr, count_text, tr, trf};
use crate::app::session::Session;
use crate::app::widgets::{colour, hover_card};
use crate::charts::texts::texts;
use crate::charts::{Basis, ScatterData, band_colour, band_label};
use crate::mirror::Band;
use crate::model::{Lang, Sex};
use egui::{RichText, Stroke};
use egui_plot::{Corner, Legend, Line, Plot, PlotPoint, PlotTransform, Points, Polygon};

/// The scatter with its points grouped by band, in log10 coordinates.
pub(super) struct ScatterPrepared {
    pub(super) data: ScatterData,
    /// Per band: the points' positions and their indexes in `data.points`.
    pub(super) by_band: Vec<(Band, Vec<PlotPoint>, Vec<usize>)>,
    /// Axis bounds (log10) at whole decades around the points.
    pub(super) low: f64,
    pub(super) high: f64,
}

impl ScatterPrepared {
    pub(super) fn new(data: ScatterData) -> ScatterPrepared {
        let mut by_band = Vec::new();
        for band in [
            Band::Small,
            Band::Green,
            Band::Light,
            Band::Amber,
            Band::Red,
        ] {
            let mut positions = Vec::new();
            let mut indexes = Vec::new();
            for (k, p) in data
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.band == band)
            {
                positions.push(PlotPoint::new(p.emigration.log10(), p.immigration.log10()));
                indexes.push(k);
            }
            by_band.push((band, positions, indexes));
        }
        let low = data
            .points
            .iter()
            .map(|p| p.immigration.min(p.emigration))
            .fold(f64::INFINITY, f64::min);
        let high = data
            .points
            .iter()
            .map(|p| p.immigration.max(p.emigration))
            .fold(0.0, f64::max);
        let low = if low.is_finite() && low > 0.0 {
            low.log10().floor()
        } else {
            0.0
        };
        let high = if high > 0.0 {
            high.log10().ceil().max(low + 1.0)
        } else {
            low + 1.0
        };
        ScatterPrepared {
            data,
            by_band,
            low,
            high,
        }
    }
}

impl MirrorView {
    pub(super) fn scatter_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let mirror = &session.report.mirror;
        let settings = &session.report.settings.mirror;
        let country = self.country.clone();
        let key = (
            session.generation,
            self.year,
            self.sex,
            self.basis,
            country.clone(),
        );
        let (year, sex, basis) = (self.year, self.sex, self.basis);
        let prepared = self.scatter.get(key, || {
            ScatterPrepared::new(
                ScatterData::build(mirror, settings, year, sex, basis)
                    .of_country(mirror, country.as_deref()),
            )
        });
        let data = &prepared.data;
        ui.label(RichText::new(scatter_note(data, lang)).weak());
        if data.points.is_empty() {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            self.scatter_transform = None;
            return;
        }
        let radius = if data.points.len() > 400 { 3.5 } else { 5.0 };
        // The points named are those the export names (the choice beside its buttons).
        let labels = super::super::chart_export::ExportOptions::load(ui.ctx())
            .labels
            .point_labels();
        let response = scatter_plot_ui(
            ui,
            prepared,
            (year, sex, basis),
            self.pair.as_ref(),
            radius,
            lang,
        );
        paint_labels(ui, data, labels, &response.transform, radius);
        // The point nearest the pointer, within a few points of it, where this frame drew it.
        let transform = response.transform;
        self.scatter_transform = Some(transform);
        let Some(pointer) = response.response.hover_pos() else {
            return;
        };
        let Some(point) = nearest_point(prepared, &transform, pointer, radius + 6.0)
            .and_then(|k| data.points.get(k))
        else {
            return;
        };
        let Some(pair) = mirror.pairs.get(point.pair) else {
            return;
        };
        hover_card(ui.ctx(), "mirror_scatter_card", |ui| {
            pair_card_ui(ui, pair, settings, basis, lang);
        });
        if response.response.clicked() {
            commands.push(Command::SelectPair {
                sender: pair.sender.to_string(),
                receiver: pair.receiver.to_string(),
            });
        }
    }
}

/// The line above the scatter: how many points, how many pairs have a side of zero, and the basis.
fn scatter_note(data: &ScatterData, lang: Lang) -> String {
    let t = texts(lang);
    let mut note = trf(
        lang,
        Tr::ScatterCount,
        &[&count_text(lang, data.points.len() as f64)],
    );
    if data.zero_sides > 0 {
        note.push_str(&format!(
            "; {} {}",
            count_text(lang, data.zero_sides as f64),
            t.zero_side_note
        ));
    }
    if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
        note.push_str(&format!("; {basis_note}"));
    }
    note
}

/// The least height of the scatter plot, in points: its ticks stay readable and its axis title
/// (the Russian one is the longer) fits beside it.
const SCATTER_MIN_HEIGHT: f32 = 420.0;

/// The plot: the band corridors, the 45° line, the points by band, and a ring around the points
/// of the selected pair.
fn scatter_plot_ui(
    ui: &mut egui::Ui,
    prepared: &ScatterPrepared,
    (year, sex, basis): (Option<u16>, Sex, Basis),
    selected: Option<&(String, String)>,
    radius: f32,
    lang: Lang,
) -> egui_plot::PlotResponse<()> {
    let t = texts(lang);
    let data = &prepared.data;
    let dark = ui.visuals().dark_mode;
    let ink = ui.visuals().strong_text_color();
    let (low, high) = (prepared.low, prepared.high);
    Plot::new(("mirror_scatter", year, sex, basis))
        .height(ui.available_height().max(SCATTER_MIN_HEIGHT))
        .legend(Legend::default().position(Corner::LeftTop))
        .grid_color(grid_colour(ui))
        .include_x(low)
        .include_x(high)
        .include_y(low)
        .include_y(high)
        .x_axis_label(t.emigration_axis)
        .y_axis_label(t.immigration_axis)
        .x_axis_formatter(move |mark, _| log_tick(lang, mark))
        .y_axis_formatter(move |mark, _| log_tick(lang, mark))
        .x_grid_spacer(log_spacer)
        .y_grid_spacer(log_spacer)
        .show_x(false)
        .show_y(false)
        .show(ui, |plot_ui| {
            for (band, bound) in [
                (Band::Amber, data.bounds[2]),
                (Band::Light, data.bounds[1]),
                (Band::Green, data.bounds[0]),
            ] {
                let fill = colour(band_colour(band)).gamma_multiply(if dark { 0.22 } else { 0.3 });
                plot_ui.polygon(
                    Polygon::new("", corridor(low, high, bound.log10_of_exp()))
                        .fill_color(fill)
                        .stroke(Stroke::NONE)
                        .allow_hover(false),
                );
            }
            plot_ui.line(
                Line::new(t.equal_line, vec![[low, low], [high, high]])
                    .color(ink)
                    .width(1.5)
                    .allow_hover(false),
            );
            for (band, positions, _) in &prepared.by_band {
                if positions.is_empty() {
                    continue;
                }
                let name = format!(
                    "{} ({})",
                    band_label(lang, *band, data.bounds),
                    count_text(lang, positions.len() as f64)
                );
                plot_ui.points(
                    Points::new(name, positions.as_slice())
                        .color(colour(band_colour(*band)))
                        .radius(radius)
                        .filled(true)
                        .allow_hover(false),
                );
            }
            if let Some((sender, receiver)) = selected {
                let ring: Vec<[f64; 2]> = data
                    .points
                    .iter()
                    .filter(|p| &p.sender == sender && &p.receiver == receiver)
                    .map(|p| [p.emigration.log10(), p.immigration.log10()])
                    .collect();
                plot_ui.points(
                    Points::new("", ring)
                        .color(ink)
                        .radius(radius + 3.0)
                        .filled(false)
                        .allow_hover(false),
                );
            }
        })
}

/// Names the points `labels` asks for where the plot drew them, as the export does: above
/// right of the point, else below, on the left, or further up or down, never over another
/// label; on a backing of the panel's colour so that the bands do not blur them.
fn paint_labels(
    ui: &egui::Ui,
    data: &ScatterData,
    labels: crate::charts::PointLabels,
    transform: &PlotTransform,
    radius: f32,
) {
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let font = egui::TextStyle::Small.resolve(ui.style());
    let ink = ui.visuals().strong_text_color();
    let backing = ui.visuals().panel_fill.gamma_multiply(0.85);
    let mut placed: Vec<egui::Rect> = Vec::new();
    for point in crate::charts::labelled(data, labels) {
        let text = match data.year {
            Some(_) => format!("{} » {}", point.sender, point.receiver),
            None => format!("{} » {} {}", point.sender, point.receiver, point.year),
        };
        let at = transform.position_from_point(&PlotPoint::new(
            point.emigration.log10(),
            point.immigration.log10(),
        ));
        let galley = painter.layout_no_wrap(text, font.clone(), ink);
        let size = galley.size() + egui::vec2(4.0, 2.0);
        let right = (at.x + radius + 2.0).min(frame.right() - size.x);
        let left = (at.x - radius - 2.0 - size.x).max(frame.left());
        let mut candidates = Vec::new();
        for step in 0..8 {
            let shift = step as f32 * size.y;
            for x in [right, left] {
                candidates.push(egui::pos2(x, at.y - size.y - 2.0 - shift));
                candidates.push(egui::pos2(x, at.y + 2.0 + shift));
            }
        }
        let free = candidates
            .into_iter()
            .map(|corner| egui::Rect::from_min_size(corner, size))
            .find(|rect| {
                frame.contains_rect(*rect) && !placed.iter().any(|other| other.intersects(*rect))
            });
        let Some(rect) = free else {
            continue;
        };
        placed.push(rect);
        painter.rect_filled(rect, 2.0, backing);
        painter.galley(rect.min + egui::vec2(2.0, 1.0), galley, ink);
    }
}

/// The index (in the scatter's points) of the point drawn nearest `pointer`, within `reach`.
fn nearest_point(
    prepared: &ScatterPrepared,
    transform: &PlotTransform,
    pointer: egui::Pos2,
    reach: f32,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (_, positions, indexes) in &prepared.by_band {
        for (position, &k) in positions.iter().zip(indexes) {
            let distance = transform.position_from_point(position).distance(pointer);
            if distance <= reach && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, k));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// The corridor |y − x| < b inside the square [low, high]² (log10 coordinates), as a convex
/// polygon.
fn corridor(low: f64, high: f64, b: f64) -> Vec<[f64; 2]> {
    vec![
        [low, low],
        [(low + b).min(high), low],
        [high, (high - b).max(low)],
        [high, high],
        [(high - b).max(low), high],
        [low, (low + b).min(high)],
    ]
}

trait Log10OfExp {
    /// A bound on |ln(I/E)| as a bound on |log10(I/E)|.
    fn log10_of_exp(self) -> f64;
}

impl Log10OfExp for f64 {
    fn log10_of_exp(self) -> f64 {
        self / std::f64::consts::LN_10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corridor_keeps_inside_the_square() {
        let band = corridor(1.0, 3.0, 0.5);
        assert_eq!(band.len(), 6);
        for [x, y] in &band {
            assert!((1.0..=3.0).contains(x) && (1.0..=3.0).contains(y));
            assert!((y - x).abs() <= 0.5 + 1e-12);
        }
    }
}
