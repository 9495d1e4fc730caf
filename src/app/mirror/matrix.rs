//! The discrepancy matrix: receivers down, senders across, each cell coloured by the ratio of
//! the pair in one year.

use super::{MirrorView, pair_card_ui, ratio_text, short_ratio_text};
use crate::app::command::Command;
use crate::app::i18n::{Tr, count_text, country_label, tr, trf};
use crate::app::session::Session;
use crate::app::widgets::{colour, hover_card, wrapped_swatch};
use crate::charts::texts::texts;
use crate::charts::{Basis, MatrixCell, MatrixData, matrix_colour, ratio_colour};
use crate::mirror::MirrorPair;
use crate::model::Lang;
use egui::{Align2, Color32, Rect, RichText, Sense, Stroke, StrokeKind, vec2};

impl MirrorView {
    pub(super) fn matrix_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        self.matrix_cells.clear();
        let Some(year) = self.one_year() else {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            return;
        };
        let mirror = &session.report.mirror;
        let settings = &session.report.settings.mirror;
        let (sex, basis) = (self.sex, self.basis);
        let country = self.country.clone();
        let key = (session.generation, year, sex, basis, country.clone());
        let data = self.matrix.get(key, || {
            MatrixData::build(mirror, year, sex, basis).of_country(country.as_deref())
        });
        let t = texts(lang);
        let mut note = trf(lang, Tr::MatrixNote, &[&year.to_string()]);
        if let Some(code) = &data.country {
            note.push_str(&trf(
                lang,
                Tr::MatrixOfCountry,
                &[&country_label(code, lang)],
            ));
        }
        if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
            note.push_str(&format!("; {basis_note}"));
        }
        ui.label(RichText::new(note).weak());
        if data.countries.len() < 2 {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            return;
        }
        let grid = MatrixGrid::new(ui, &data.countries);
        let cells = MatrixCells {
            data,
            pairs: mirror.pairs.as_slice(),
            basis,
            selected: self.pair.as_ref(),
            lang,
        };
        let mut hovered: Option<usize> = None;
        for (r, receiver) in data.countries.iter().enumerate() {
            for (s, sender) in data.countries.iter().enumerate() {
                let Some((pair_index, response)) = matrix_cell_ui(ui, &grid, &cells, (r, s)) else {
                    continue;
                };
                self.matrix_cells
                    .push((sender.clone(), receiver.clone(), response.rect));
                if response.hovered() {
                    hovered = Some(pair_index);
                }
                if response.clicked() {
                    commands.push(Command::SelectPair {
                        sender: sender.clone(),
                        receiver: receiver.clone(),
                    });
                }
            }
        }
        if let Some(pair) = hovered.and_then(|k| mirror.pairs.get(k)) {
            hover_card(ui.ctx(), "mirror_matrix_card", |ui| {
                pair_card_ui(ui, pair, settings, basis, lang);
            });
        }
        ui.add_space(8.0);
        matrix_legend_ui(ui, data, lang);
    }
}

/// Where the matrix is drawn, and how.
struct MatrixGrid {
    painter: egui::Painter,
    /// The left and top of the first cell.
    left: f32,
    top: f32,
    /// The side of a cell.
    cell: f32,
    /// Whether the cells are large enough to carry their ratio (readable on a projector).
    cell_text: bool,
    body: egui::FontId,
    text_colour: Color32,
    weak: Color32,
}

impl MatrixGrid {
    /// Takes the room of the matrix and writes the country codes along its top and its left.
    fn new(ui: &mut egui::Ui, countries: &[String]) -> MatrixGrid {
        let n = countries.len();
        let body = egui::TextStyle::Body.resolve(ui.style());
        let text_colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let code_width = countries
            .iter()
            .map(|c| {
                ui.painter()
                    .layout_no_wrap(c.clone(), body.clone(), text_colour)
                    .size()
                    .x
            })
            .fold(0.0f32, f32::max);
        let legend_height = body.size * 5.0;
        let label_w = code_width + 12.0;
        let header_h = body.size * 1.6;
        let available = ui.available_size();
        // The cells fit the width; the height only down to cells a code fits in (a
        // projector's zoom), below which the view scrolls.
        let fit_height = ((available.y - header_h - legend_height) / n as f32).max(body.size * 2.0);
        let cell = ((available.x - label_w - 8.0) / n as f32)
            .min(fit_height)
            .clamp(10.0, 110.0);
        let cell_text = cell >= body.size * 3.2;
        let size = vec2(label_w + cell * n as f32, header_h + cell * n as f32);
        let (area, _) = ui.allocate_exact_size(size, Sense::hover());
        let painter = ui.painter_at(area.expand(2.0));
        let left = area.left() + label_w;
        let top = area.top() + header_h;
        // Codes thinned when the cells are narrower than a code.
        let step = ((code_width + 4.0) / cell).ceil().max(1.0) as usize;
        for (k, code) in countries.iter().enumerate() {
            if k % step != 0 {
                continue;
            }
            painter.text(
                egui::pos2(left + (k as f32 + 0.5) * cell, area.top() + header_h / 2.0),
                Align2::CENTER_CENTER,
                code,
                body.clone(),
                text_colour,
            );
            painter.text(
                egui::pos2(left - 6.0, top + (k as f32 + 0.5) * cell),
                Align2::RIGHT_CENTER,
                code,
                body.clone(),
                text_colour,
            );
        }
        MatrixGrid {
            painter,
            left,
            top,
            cell,
            cell_text,
            body,
            text_colour,
            weak,
        }
    }

    /// The rectangle of the cell of receiver `r` and sender `s`.
    fn rect(&self, r: usize, s: usize) -> Rect {
        Rect::from_min_size(
            egui::pos2(
                self.left + s as f32 * self.cell,
                self.top + r as f32 * self.cell,
            ),
            vec2(self.cell, self.cell),
        )
        .shrink(0.5)
    }
}

/// What the cells of the matrix are drawn from.
struct MatrixCells<'a> {
    data: &'a MatrixData,
    pairs: &'a [MirrorPair],
    basis: Basis,
    /// The pair shown in the series view (sender, receiver), outlined.
    selected: Option<&'a (String, String)>,
    lang: Lang,
}

/// A cell of the matrix (receiver `r`, sender `s`): its fill, its ratio when the cell is large
/// enough, and, when a pair is behind it, a button named for the pair. Returns the pair and the
/// button's response.
fn matrix_cell_ui(
    ui: &mut egui::Ui,
    grid: &MatrixGrid,
    cells: &MatrixCells<'_>,
    (r, s): (usize, usize),
) -> Option<(usize, egui::Response)> {
    let (data, lang, basis) = (cells.data, cells.lang, cells.basis);
    let painter = &grid.painter;
    let rect = grid.rect(r, s);
    let matrix_cell = data
        .cells
        .get(r)
        .and_then(|row| row.get(s))
        .copied()
        .unwrap_or(MatrixCell::Neither);
    match matrix_colour(matrix_cell, data.limit) {
        Some(fill) => {
            painter.rect_filled(rect, 1.0, colour(fill));
        }
        None if matrix_cell == MatrixCell::Diagonal => {
            painter.rect_filled(rect, 1.0, ui.visuals().faint_bg_color);
        }
        // Not the country under review's flow: blank.
        None if matrix_cell == MatrixCell::Elsewhere => {}
        None => {
            painter.rect_stroke(
                rect,
                1.0,
                Stroke::new(1.0, grid.weak.gamma_multiply(0.4)),
                StrokeKind::Inside,
            );
        }
    }
    let pair_index = data
        .pairs
        .get(r)
        .and_then(|row| row.get(s))
        .copied()
        .flatten()?;
    let pair = cells.pairs.get(pair_index);
    if grid.cell_text {
        let fill = matrix_colour(matrix_cell, data.limit).map(colour);
        let text = match matrix_cell {
            MatrixCell::Both(_) => pair
                .and_then(|p| basis.ratio(p))
                .map(|r| short_ratio_text(lang, r)),
            MatrixCell::ImmigrationOnly => Some("I".to_string()),
            MatrixCell::EmigrationOnly => Some("E".to_string()),
            MatrixCell::Small
            | MatrixCell::Neither
            | MatrixCell::Diagonal
            | MatrixCell::Elsewhere => None,
        };
        if let (Some(text), Some(fill)) = (text, fill) {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                text,
                grid.body.clone(),
                readable_on(fill),
            );
        }
    }
    let (sender, receiver) = (&data.countries[s], &data.countries[r]);
    let response = ui.interact(
        rect,
        ui.scope_id().with(("matrix_cell", r, s)),
        Sense::click(),
    );
    let label = matrix_cell_label(sender, receiver, matrix_cell, pair, basis, lang);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label.clone())
    });
    let is_selected = cells
        .selected
        .is_some_and(|(a, b)| a == sender && b == receiver);
    if is_selected || response.hovered() {
        painter.rect_stroke(
            rect,
            1.0,
            Stroke::new(if is_selected { 2.5 } else { 1.5 }, grid.text_colour),
            StrokeKind::Inside,
        );
    }
    Some((pair_index, response))
}

/// The accessible name of a matrix cell: `TJK » RUS: I/E 2.499`.
fn matrix_cell_label(
    sender: &str,
    receiver: &str,
    cell: MatrixCell,
    pair: Option<&MirrorPair>,
    basis: Basis,
    lang: Lang,
) -> String {
    let t = texts(lang);
    let what = match cell {
        MatrixCell::Both(_) => pair
            .and_then(|p| basis.ratio(p))
            .map(|r| format!("I/E {}", ratio_text(lang, r)))
            .unwrap_or_else(|| "I/E –".to_string()),
        MatrixCell::Small => t.small.to_string(),
        MatrixCell::ImmigrationOnly => format!("{}: I", t.one_sided),
        MatrixCell::EmigrationOnly => format!("{}: E", t.one_sided),
        MatrixCell::Neither | MatrixCell::Diagonal | MatrixCell::Elsewhere => t.neither.to_string(),
    };
    format!("{sender} » {receiver}: {what}")
}

fn matrix_legend_ui(ui: &mut egui::Ui, data: &MatrixData, lang: Lang) {
    let t = texts(lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(t.ratio_scale);
        // The diverging scale from 1/8 to 8, with its ticks.
        let width = 260.0;
        let height = ui.text_style_height(&egui::TextStyle::Body);
        let (rect, _) = ui.allocate_exact_size(vec2(width, height * 2.2), Sense::hover());
        let bar = Rect::from_min_size(rect.min, vec2(width, height));
        let steps = 64;
        for k in 0..steps {
            let l = -data.limit + 2.0 * data.limit * (k as f64 + 0.5) / steps as f64;
            let x0 = bar.left() + width * k as f32 / steps as f32;
            let x1 = bar.left() + width * (k + 1) as f32 / steps as f32 + 0.5;
            ui.painter().rect_filled(
                Rect::from_min_max(egui::pos2(x0, bar.top()), egui::pos2(x1, bar.bottom())),
                0.0,
                colour(ratio_colour(l, data.limit)),
            );
        }
        let small = egui::TextStyle::Small.resolve(ui.style());
        for (text, ratio) in [
            ("1/8", 0.125f64),
            ("1/4", 0.25),
            ("1/2", 0.5),
            ("1", 1.0),
            ("2", 2.0),
            ("4", 4.0),
            ("8", 8.0),
        ] {
            let x = bar.left() + ((ratio.ln() + data.limit) / (2.0 * data.limit)) as f32 * width;
            ui.painter().text(
                egui::pos2(x, bar.bottom() + 2.0),
                Align2::CENTER_TOP,
                text,
                small.clone(),
                ui.visuals().text_color(),
            );
        }
        ui.add_space(12.0);
        let count = |wanted: fn(&MatrixCell) -> bool| {
            data.cells.iter().flatten().filter(|c| wanted(c)).count()
        };
        for (cell, text, n) in [
            (
                MatrixCell::Small,
                t.small.to_string(),
                count(|c| matches!(c, MatrixCell::Small)),
            ),
            (
                MatrixCell::ImmigrationOnly,
                format!("{}: I", t.one_sided),
                count(|c| matches!(c, MatrixCell::ImmigrationOnly)),
            ),
            (
                MatrixCell::EmigrationOnly,
                format!("{}: E", t.one_sided),
                count(|c| matches!(c, MatrixCell::EmigrationOnly)),
            ),
        ] {
            if let Some(fill) = matrix_colour(cell, data.limit) {
                wrapped_swatch(
                    ui,
                    colour(fill),
                    &format!("{text} ({})", count_text(lang, n as f64)),
                );
            }
        }
    });
}

/// Black or white, whichever reads better on a fill.
fn readable_on(fill: Color32) -> Color32 {
    let luminance = 0.299 * fill.r() as f32 + 0.587 * fill.g() as f32 + 0.114 * fill.b() as f32;
    if luminance > 140.0 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}
