//! The Mirror panel: immigration reported by the receiving country against emigration reported
//! by the sending country. Four views share the year, sex and duration-correction toggles: the
//! log–log scatter of the pairs with the 45° line and the band corridors, the discrepancy matrix
//! (receiver × sender), the countries' flows against their partners' reports, and one pair over
//! the years. Each view draws the chart data of [`crate::charts`] built from the report's mirror
//! part, the same data the exported PNG or SVG is drawn from.

use super::chart_export::ChartRequest;
use super::widgets::{colour, export_buttons_ui, hover_card, swatch};
use super::command::Command;
use super::i18n::{Tr, count_text, sex_name, tr, trf};
use super::session::Session;
use crate::charts::texts::texts;
use crate::charts::{
    self, Basis, MatrixCell, MatrixData, PairSeries, ScatterData, UndercountData, band_colour,
    band_label, corrected_sides, matrix_colour, ratio_colour, undercount_colour,
};
use crate::mirror::{Band, FlowDirection, MirrorPair, MirrorSettings, PartnerComparison};
use crate::model::{Lang, Sex, gazetteer};
use egui::{Align2, Color32, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, vec2};
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, Legend, Line, LineStyle, Plot, PlotPoint,
    PlotTransform, Points, Polygon, VLine,
};

/// The views of the panel.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum MirrorTab {
    #[default]
    Scatter,
    Matrix,
    Countries,
    Series,
}

impl MirrorTab {
    pub const ALL: [MirrorTab; 4] = [
        MirrorTab::Scatter,
        MirrorTab::Matrix,
        MirrorTab::Countries,
        MirrorTab::Series,
    ];

    pub fn parse(text: &str) -> Option<MirrorTab> {
        match text.trim().to_ascii_lowercase().as_str() {
            "scatter" => Some(MirrorTab::Scatter),
            "matrix" => Some(MirrorTab::Matrix),
            "countries" | "bars" => Some(MirrorTab::Countries),
            "series" => Some(MirrorTab::Series),
            _ => None,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                MirrorTab::Scatter => Tr::MirrorScatterTab,
                MirrorTab::Matrix => Tr::MirrorMatrixTab,
                MirrorTab::Countries => Tr::MirrorCountriesTab,
                MirrorTab::Series => Tr::MirrorSeriesTab,
            },
        )
    }
}

/// A bound of M2 as the exported chart writes it: two decimals.
fn bound_text(lang: Lang, value: f64) -> String {
    let text = format!("{value:.2}");
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

/// A ratio in a matrix cell: two decimals, to fit.
fn short_ratio_text(lang: Lang, value: f64) -> String {
    bound_text(lang, value)
}

/// A ratio as the window writes it: three decimals, as in the findings' messages.
pub fn ratio_text(lang: Lang, value: f64) -> String {
    let text = format!("{value:.3}");
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

fn country(code: &str, lang: Lang) -> String {
    format!("{} ({code})", gazetteer().name(code, lang))
}

pub fn band_name(lang: Lang, band: Band) -> &'static str {
    tr(
        lang,
        match band {
            Band::Green => Tr::BandGreen,
            Band::Light => Tr::BandLight,
            Band::Amber => Tr::BandAmber,
            Band::Red => Tr::BandRed,
            Band::Small => Tr::BandSmall,
            Band::OneSided => Tr::BandOneSided,
        },
    )
}

/// What the views need about the pairs, once per session.
#[derive(Clone, Debug, Default)]
struct Meta {
    years: Vec<u16>,
    sexes: Vec<Sex>,
    /// The latest year with a pair reported on both sides (the matrix and the country bars need
    /// one year).
    latest: Option<u16>,
    /// Countries of the pairs, sorted by code.
    countries: Vec<String>,
    /// The pair shown in the series view when none was chosen: the largest flows.
    largest: Option<(String, String)>,
}

impl Meta {
    fn build(session: &Session) -> Meta {
        let mirror = &session.report.mirror;
        let mut sexes: Vec<Sex> = Vec::new();
        let mut countries = std::collections::BTreeSet::new();
        let mut latest = None;
        for pair in &mirror.pairs {
            if !sexes.contains(&pair.sex) {
                sexes.push(pair.sex);
            }
            countries.insert(pair.receiver.as_str());
            countries.insert(pair.sender.as_str());
            if pair.is_two_sided() {
                latest = latest.max(Some(pair.year));
            }
        }
        sexes.sort();
        Meta {
            years: mirror.years(),
            sexes,
            latest,
            countries: countries.into_iter().map(str::to_string).collect(),
            largest: PairSeries::largest(mirror, 1).into_iter().next(),
        }
    }
}

/// A value kept until its key changes.
struct Cached<K, V> {
    key: Option<K>,
    value: Option<V>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Cached {
            key: None,
            value: None,
        }
    }
}

impl<K: PartialEq, V> Cached<K, V> {
    fn get(&mut self, key: K, build: impl FnOnce() -> V) -> &V {
        if self.key.as_ref() != Some(&key) {
            self.value = None;
            self.key = Some(key);
        }
        self.value.get_or_insert_with(build)
    }

    fn value(&self) -> Option<&V> {
        self.value.as_ref()
    }

    fn clear(&mut self) {
        self.key = None;
        self.value = None;
    }
}

/// The scatter with its points grouped by band, in log10 coordinates.
struct ScatterPrepared {
    data: ScatterData,
    /// Per band: the points' positions and their indexes in `data.points`.
    by_band: Vec<(Band, Vec<PlotPoint>, Vec<usize>)>,
    /// Axis bounds (log10) at whole decades around the points.
    low: f64,
    high: f64,
}

impl ScatterPrepared {
    fn new(data: ScatterData) -> ScatterPrepared {
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

type ScatterKey = (u64, Option<u16>, Sex, Basis);
type MatrixKey = (u64, u16, Sex, Basis);
type SeriesKey = (u64, String, String, Sex, Basis);
type BarsKey = (u64, FlowDirection, u16, bool, Basis);

/// State of the Mirror panel.
pub struct MirrorView {
    pub tab: MirrorTab,
    /// `None`: all years in the scatter; the latest year with both sides in the matrix and the
    /// country view.
    pub year: Option<u16>,
    pub sex: Sex,
    /// Reported figures, or figures after the duration-of-stay correction.
    pub basis: Basis,
    /// The direction of the country view.
    pub direction: FlowDirection,
    /// The country view compares with the reference group instead of all partners.
    pub against_reference: bool,
    /// The pair of the series view: sender, receiver.
    pub pair: Option<(String, String)>,
    /// Shared, so that a frame can hold it while the toggles change.
    meta: Cached<u64, std::sync::Arc<Meta>>,
    scatter: Cached<ScatterKey, ScatterPrepared>,
    matrix: Cached<MatrixKey, MatrixData>,
    series: Cached<SeriesKey, PairSeries>,
    bars: Cached<BarsKey, UndercountData>,
    scatter_transform: Option<PlotTransform>,
    matrix_cells: Vec<(String, String, Rect)>,
}

impl Default for MirrorView {
    fn default() -> Self {
        MirrorView {
            tab: MirrorTab::Scatter,
            year: None,
            sex: Sex::T,
            basis: Basis::Corrected,
            direction: FlowDirection::Emigration,
            against_reference: false,
            pair: None,
            meta: Cached::default(),
            scatter: Cached::default(),
            matrix: Cached::default(),
            series: Cached::default(),
            bars: Cached::default(),
            scatter_transform: None,
            matrix_cells: Vec::new(),
        }
    }
}

impl MirrorView {
    /// Forgets what belonged to the previous session; the view and the toggles stay.
    pub fn reset(&mut self) {
        self.year = None;
        self.pair = None;
        self.meta.clear();
        self.scatter.clear();
        self.matrix.clear();
        self.series.clear();
        self.bars.clear();
        self.scatter_transform = None;
        self.matrix_cells.clear();
    }

    /// Opens a pair over the years.
    pub fn open_pair(&mut self, sender: String, receiver: String) {
        self.pair = Some((sender, receiver));
        self.tab = MirrorTab::Series;
    }

    fn prepare_meta(&mut self, session: &Session) -> &Meta {
        self.meta.get(session.generation, || {
            std::sync::Arc::new(Meta::build(session))
        })
    }

    /// The year the matrix and the country view show.
    fn one_year(&self) -> Option<u16> {
        self.year.or(self.meta.value().and_then(|m| m.latest))
    }

    /// The pair the series view shows: the chosen one, or the largest flows.
    fn shown_pair(&self) -> Option<(String, String)> {
        self.pair
            .clone()
            .or_else(|| self.meta.value().and_then(|m| m.largest.clone()))
    }

    /// The chart the panel shows, for the export (after a frame).
    pub fn chart_request(&self) -> Option<ChartRequest> {
        let (sex, basis) = (self.sex, self.basis);
        match self.tab {
            MirrorTab::Scatter => Some(ChartRequest::Scatter {
                year: self.year,
                sex,
                basis,
                labels: super::chart_export::ScatterLabels::default(),
            }),
            MirrorTab::Matrix => {
                self.one_year()
                    .map(|year| ChartRequest::Matrix { year, sex, basis })
            }
            MirrorTab::Countries => self.one_year().map(|year| ChartRequest::Undercount {
                direction: self.direction,
                year,
                against_reference: self.against_reference,
                basis,
            }),
            MirrorTab::Series => self
                .shown_pair()
                .map(|(sender, receiver)| ChartRequest::Series {
                    sender,
                    receiver,
                    sex,
                    basis,
                }),
        }
    }

    /// The scatter shown now (after a frame).
    pub fn scatter_data(&self) -> Option<&ScatterData> {
        self.scatter.value().map(|s| &s.data)
    }

    /// The series shown now (after a frame).
    pub fn series_data(&self) -> Option<&PairSeries> {
        self.series.value()
    }

    /// The matrix shown now (after a frame).
    pub fn matrix_data(&self) -> Option<&MatrixData> {
        self.matrix.value()
    }

    /// The country bars shown now (after a frame).
    pub fn bars_data(&self) -> Option<&UndercountData> {
        self.bars.value()
    }

    /// Where a pair-year's point was drawn in the last frame of the scatter.
    pub fn scatter_position(&self, sender: &str, receiver: &str, year: u16) -> Option<Pos2> {
        let transform = self.scatter_transform.as_ref()?;
        let prepared = self.scatter.value()?;
        let point = prepared
            .data
            .points
            .iter()
            .find(|p| p.sender == sender && p.receiver == receiver && p.year == year)?;
        Some(transform.position_from_point(&PlotPoint::new(
            point.emigration.log10(),
            point.immigration.log10(),
        )))
    }

    /// Where a cell of the matrix was drawn in the last frame.
    pub fn matrix_cell(&self, sender: &str, receiver: &str) -> Option<Rect> {
        self.matrix_cells
            .iter()
            .find(|(s, r, _)| s == sender && r == receiver)
            .map(|(_, _, rect)| *rect)
    }

    pub fn mirror_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        if session.report.mirror.pairs.is_empty() {
            ui.add_space(12.0);
            ui.heading(tr(lang, Tr::NoMirrorPairs));
            ui.label(tr(lang, Tr::NoMirrorPairsWhy));
            return;
        }
        self.prepare_meta(session);
        self.toolbar_ui(ui, lang, commands);
        ui.separator();
        match self.tab {
            MirrorTab::Scatter => self.scatter_ui(ui, session, lang, commands),
            MirrorTab::Matrix => self.matrix_ui(ui, session, lang, commands),
            MirrorTab::Countries => self.countries_ui(ui, session, lang),
            MirrorTab::Series => self.series_ui(ui, session, lang),
        }
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
        let Some(meta) = self.meta.value().cloned() else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            for tab in MirrorTab::ALL {
                if ui
                    .selectable_label(self.tab == tab, RichText::new(tab.title(lang)).strong())
                    .clicked()
                {
                    self.tab = tab;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, Tr::YearLabel));
            let all_years = self.tab == MirrorTab::Scatter;
            let year_applies = self.tab != MirrorTab::Series;
            let shown = match (self.year, all_years) {
                (Some(year), _) => year.to_string(),
                (None, true) => tr(lang, Tr::AllYearsChoice).to_string(),
                (None, false) => meta.latest.map(|y| y.to_string()).unwrap_or_default(),
            };
            let shown = if year_applies {
                shown
            } else {
                tr(lang, Tr::AllYearsChoice).to_string()
            };
            ui.add_enabled_ui(year_applies, |ui| {
                egui::ComboBox::from_id_salt("mirror_year")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if all_years {
                            ui.selectable_value(&mut self.year, None, tr(lang, Tr::AllYearsChoice));
                        }
                        for &year in &meta.years {
                            ui.selectable_value(&mut self.year, Some(year), year.to_string());
                        }
                    })
                    .response
                    .labelled_by(label.id)
            });
            ui.add_space(12.0);
            ui.label(tr(lang, Tr::SexLabel));
            let sex_applies = self.tab != MirrorTab::Countries;
            for &sex in &meta.sexes {
                let response = ui.add_enabled(
                    sex_applies,
                    egui::Button::selectable(self.sex == sex, sex_name(lang, sex)),
                );
                if response.clicked() {
                    self.sex = sex;
                }
                response.on_disabled_hover_text(tr(lang, Tr::CountriesBothSexes));
            }
            ui.add_space(12.0);
            let mut corrected = self.basis == Basis::Corrected;
            if ui
                .checkbox(&mut corrected, tr(lang, Tr::DurationCorrection))
                .on_hover_text(tr(lang, Tr::DurationCorrectionHint))
                .changed()
            {
                self.basis = if corrected {
                    Basis::Corrected
                } else {
                    Basis::Reported
                };
            }
            ui.add_space(12.0);
            export_buttons_ui(ui, lang, self.chart_request(), commands);
        });
    }

    fn scatter_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let mirror = &session.report.mirror;
        let settings = &session.report.settings.mirror;
        let key = (session.generation, self.year, self.sex, self.basis);
        let (year, sex, basis) = (self.year, self.sex, self.basis);
        let prepared = self.scatter.get(key, || {
            ScatterPrepared::new(ScatterData::build(mirror, settings, year, sex, basis))
        });
        let t = texts(lang);
        let data = &prepared.data;
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
        ui.label(RichText::new(note).weak());
        if data.points.is_empty() {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            self.scatter_transform = None;
            return;
        }
        let dark = ui.visuals().dark_mode;
        let ink = ui.visuals().strong_text_color();
        let (low, high) = (prepared.low, prepared.high);
        let selected = self.pair.clone();
        let radius = if data.points.len() > 400 { 3.5 } else { 5.0 };
        let grid = grid_colour(ui);
        let response = Plot::new(("mirror_scatter", year, sex, basis))
            .legend(Legend::default().position(Corner::LeftTop))
            .grid_color(grid)
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
                    let fill =
                        colour(band_colour(band)).gamma_multiply(if dark { 0.22 } else { 0.3 });
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
                if let Some((sender, receiver)) = &selected {
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
            });
        // The point nearest the pointer, within a few points of it, where this frame drew it.
        let transform = response.transform;
        self.scatter_transform = Some(transform);
        let Some(pointer) = response.response.hover_pos() else {
            return;
        };
        let mut best: Option<(f32, usize)> = None;
        for (_, positions, indexes) in &prepared.by_band {
            for (position, &k) in positions.iter().zip(indexes) {
                let distance = transform.position_from_point(position).distance(pointer);
                if distance <= radius + 6.0 && best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, k));
                }
            }
        }
        let Some(point) = best.and_then(|(_, k)| data.points.get(k)) else {
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
                sender: pair.sender.clone(),
                receiver: pair.receiver.clone(),
            });
        }
    }

    fn matrix_ui(
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
        let data = self.matrix.get((session.generation, year, sex, basis), || {
            MatrixData::build(mirror, year, sex, basis)
        });
        let t = texts(lang);
        let mut note = trf(lang, Tr::MatrixNote, &[&year.to_string()]);
        if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
            note.push_str(&format!("; {basis_note}"));
        }
        ui.label(RichText::new(note).weak());
        let n = data.countries.len();
        if n < 2 {
            ui.label(tr(lang, Tr::NoTwoSidedPairs));
            return;
        }
        let body = egui::TextStyle::Body.resolve(ui.style());
        let text_colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let code_width = data
            .countries
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
        let cell = ((available.x - label_w - 8.0) / n as f32)
            .min((available.y - header_h - legend_height) / n as f32)
            .clamp(10.0, 110.0);
        // Large cells carry their ratio, readable on a projector.
        let cell_text = cell >= body.size * 3.2;
        let size = vec2(label_w + cell * n as f32, header_h + cell * n as f32);
        let (area, _) = ui.allocate_exact_size(size, Sense::hover());
        let painter = ui.painter_at(area.expand(2.0));
        let left = area.left() + label_w;
        let top = area.top() + header_h;
        // Codes thinned when the cells are narrower than a code.
        let step = ((code_width + 4.0) / cell).ceil().max(1.0) as usize;
        for (k, code) in data.countries.iter().enumerate() {
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
        let selected = self.pair.clone();
        let mut hovered: Option<usize> = None;
        for (r, receiver) in data.countries.iter().enumerate() {
            for (s, sender) in data.countries.iter().enumerate() {
                let rect = Rect::from_min_size(
                    egui::pos2(left + s as f32 * cell, top + r as f32 * cell),
                    vec2(cell, cell),
                )
                .shrink(0.5);
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
                    None => {
                        painter.rect_stroke(
                            rect,
                            1.0,
                            Stroke::new(1.0, weak.gamma_multiply(0.4)),
                            StrokeKind::Inside,
                        );
                    }
                }
                let pair_index = data
                    .pairs
                    .get(r)
                    .and_then(|row| row.get(s))
                    .copied()
                    .flatten();
                let Some(pair_index) = pair_index else {
                    continue;
                };
                if cell_text {
                    let fill = matrix_colour(matrix_cell, data.limit).map(colour);
                    let text = match matrix_cell {
                        MatrixCell::Both(_) => mirror
                            .pairs
                            .get(pair_index)
                            .and_then(|p| basis.ratio(p))
                            .map(|r| short_ratio_text(lang, r)),
                        MatrixCell::ImmigrationOnly => Some("I".to_string()),
                        MatrixCell::EmigrationOnly => Some("E".to_string()),
                        MatrixCell::Small | MatrixCell::Neither | MatrixCell::Diagonal => None,
                    };
                    if let (Some(text), Some(fill)) = (text, fill) {
                        painter.text(
                            rect.center(),
                            Align2::CENTER_CENTER,
                            text,
                            body.clone(),
                            readable_on(fill),
                        );
                    }
                }
                let response = ui.interact(
                    rect,
                    ui.scope_id().with(("matrix_cell", r, s)),
                    Sense::click(),
                );
                let label = matrix_cell_label(
                    sender,
                    receiver,
                    matrix_cell,
                    mirror.pairs.get(pair_index),
                    basis,
                    lang,
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label.clone())
                });
                self.matrix_cells
                    .push((sender.clone(), receiver.clone(), rect));
                let is_selected = selected
                    .as_ref()
                    .is_some_and(|(a, b)| a == sender && b == receiver);
                if is_selected || response.hovered() {
                    painter.rect_stroke(
                        rect,
                        1.0,
                        Stroke::new(if is_selected { 2.5 } else { 1.5 }, text_colour),
                        StrokeKind::Inside,
                    );
                }
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

    fn countries_ui(&mut self, ui: &mut egui::Ui, session: &Session, lang: Lang) {
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
        let (direction, against, basis) = (
            self.direction,
            self.against_reference && !group.is_empty(),
            self.basis,
        );
        let data = self.bars.get(
            (session.generation, direction, year, against, basis),
            || UndercountData::build(mirror, settings, direction, year, against, basis),
        );
        let t = texts(lang);
        let mut note = match &data.reference {
            Some(group) => t.reference_subtitle.replace("{group}", &group.join(", ")),
            None => t.undercount_subtitle.to_string(),
        };
        if let Some(basis_note) = t.basis_note(data.corrected, data.basis) {
            note.push_str(&format!("; {basis_note}"));
        }
        ui.label(RichText::new(format!("{}, {year}. {note}", heading_of(lang, direction))).weak());
        ui.label(RichText::new(tr(lang, Tr::CountriesBothSexes)).weak());
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
        egui::Panel::right("undercount_table")
            .resizable(true)
            .default_size(360.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("undercount_table_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        egui::Grid::new("undercount_grid")
                            .striped(true)
                            .spacing(vec2(14.0, 4.0))
                            .show(ui, |ui| {
                                for heading in [
                                    Tr::CountryLabel,
                                    Tr::RatioColumn,
                                    Tr::IntervalColumn,
                                    Tr::PartnersColumn,
                                ] {
                                    ui.strong(tr(lang, heading));
                                }
                                ui.end_row();
                                for bar in &data.bars {
                                    ui.label(country(&bar.country, lang));
                                    let outside =
                                        bar.ratio < data.bounds[0] || bar.ratio > data.bounds[1];
                                    let text = RichText::new(ratio_text(lang, bar.ratio));
                                    ui.label(if outside {
                                        text.color(colour(undercount_colour(true))).strong()
                                    } else {
                                        text
                                    });
                                    ui.label(interval_text(lang, bar.low, bar.high));
                                    ui.label(count_text(lang, bar.partners as f64));
                                    ui.end_row();
                                }
                            });
                    });
            });
        let n = data.bars.len();
        let row = |i: usize| (n - 1 - i) as f64;
        let codes: Vec<String> = data.bars.iter().map(|b| b.country.clone()).collect();
        let [low_bound, high_bound] = data.bounds;
        let ink = ui.visuals().strong_text_color();
        let weak = ui.visuals().weak_text_color();
        let response = egui::CentralPanel::default()
            .show(ui, |ui| {
                Plot::new(("mirror_bars", direction, year, against, basis))
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
                        for outside in [false, true] {
                            let bars: Vec<Bar> = data
                                .bars
                                .iter()
                                .enumerate()
                                .filter(|(_, b)| {
                                    (b.ratio < low_bound || b.ratio > high_bound) == outside
                                })
                                .map(|(i, b)| {
                                    Bar::new(row(i), b.ratio.log10())
                                        .width(0.7)
                                        .fill(colour(undercount_colour(outside)))
                                })
                                .collect();
                            if bars.is_empty() {
                                continue;
                            }
                            let words = if outside {
                                t.outside_bounds
                            } else {
                                t.within_bounds
                            };
                            let name = words
                                .replace("{low}", &bound_text(lang, low_bound))
                                .replace("{high}", &bound_text(lang, high_bound));
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
                        for (i, bar) in data.bars.iter().enumerate() {
                            let (Some(lo), Some(hi)) = (bar.low, bar.high) else {
                                continue;
                            };
                            if !(lo > 0.0 && hi.is_finite()) {
                                continue;
                            }
                            let y = row(i);
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
                        plot_ui.vline(VLine::new("", 0.0).color(ink).width(1.5).allow_hover(false));
                        for bound in [low_bound, high_bound] {
                            plot_ui.vline(
                                VLine::new("", bound.log10())
                                    .color(weak)
                                    .style(LineStyle::dashed_loose())
                                    .allow_hover(false),
                            );
                        }
                        if !plot_ui.response().hovered() {
                            return None;
                        }
                        let pointer = plot_ui.pointer_coordinate()?;
                        let i = (n as f64 - 1.0 - pointer.y).round();
                        (i >= 0.0 && (i as usize) < n && (pointer.y - row(i as usize)).abs() < 0.45)
                            .then_some(i as usize)
                    })
            })
            .inner;
        if let Some(bar) = response.inner.and_then(|i| data.bars.get(i)) {
            hover_card(ui.ctx(), "mirror_bars_card", |ui| {
                ui.strong(country(&bar.country, lang));
                ui.label(heading_of(lang, direction));
                egui::Grid::new("bar_card")
                    .spacing(vec2(12.0, 2.0))
                    .show(ui, |ui| {
                        ui.label(tr(lang, Tr::RatioColumn));
                        ui.strong(ratio_text(lang, bar.ratio));
                        ui.end_row();
                        ui.label(tr(lang, Tr::IntervalColumn));
                        ui.label(interval_text(lang, bar.low, bar.high));
                        ui.end_row();
                        ui.label(tr(lang, Tr::PartnersColumn));
                        ui.label(count_text(lang, bar.partners as f64));
                        ui.end_row();
                        if let Some(comparison) = flows_of(&bar.country) {
                            comparison_rows_ui(ui, comparison, basis, lang);
                        }
                    });
            });
        }
    }

    fn series_ui(&mut self, ui: &mut egui::Ui, session: &Session, lang: Lang) {
        let Some(meta) = self.meta.value().cloned() else {
            return;
        };
        let Some((sender, receiver)) = self.shown_pair() else {
            ui.label(tr(lang, Tr::NoPairChosen));
            return;
        };
        ui.horizontal_wrapped(|ui| {
            for (key, current, is_sender) in [
                (Tr::SenderLabel, &sender, true),
                (Tr::ReceiverLabel, &receiver, false),
            ] {
                let label = ui.label(tr(lang, key));
                egui::ComboBox::from_id_salt(("mirror_pair", is_sender))
                    .selected_text(country(current, lang))
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        for code in &meta.countries {
                            if ui
                                .selectable_label(code == current, country(code, lang))
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
        let fill = |template: &str| {
            template
                .replace("{sender}", gazetteer().name(&sender, lang))
                .replace("{receiver}", gazetteer().name(&receiver, lang))
        };
        ui.heading(format!(
            "{} ({} » {})",
            fill(t.series_title),
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
        let table_height =
            (ui.text_style_height(&egui::TextStyle::Body) + 8.0) * (data.points.len() as f32 + 1.5);
        let plot_height = (ui.available_height() - table_height - 12.0).max(220.0);
        let immigration_name = fill(t.immigration_line);
        let emigration_name = fill(t.emigration_line);
        Plot::new(("mirror_series", &sender, &receiver, sex, basis))
            .grid_color(grid_colour(ui))
            .height(plot_height)
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
            .show(ui, |plot_ui| {
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
                    // A missing year breaks the line, as in the exported chart.
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
                    for run in runs {
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
            });
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
}

fn heading_of(lang: Lang, direction: FlowDirection) -> &'static str {
    let t = texts(lang);
    match direction {
        FlowDirection::Emigration => t.undercount_emigration,
        FlowDirection::Immigration => t.undercount_immigration,
    }
}

fn interval_text(lang: Lang, low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) if high.is_finite() => {
            format!("{}–{}", ratio_text(lang, low), ratio_text(lang, high))
        }
        (Some(low), Some(_)) => format!("{}–∞", ratio_text(lang, low)),
        _ => "–".to_string(),
    }
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
        MatrixCell::Neither | MatrixCell::Diagonal => t.neither.to_string(),
    };
    format!("{sender} » {receiver}: {what}")
}

/// The figures of a pair-year: who reports what, the ratios and the band.
pub fn pair_card_ui(
    ui: &mut egui::Ui,
    pair: &MirrorPair,
    settings: &MirrorSettings,
    basis: Basis,
    lang: Lang,
) {
    let mut title = trf(
        lang,
        Tr::PairFromTo,
        &[
            &country(&pair.sender, lang),
            &country(&pair.receiver, lang),
            &pair.year.to_string(),
        ],
    );
    if pair.sex != Sex::T {
        title.push_str(&format!(", {}", sex_name(lang, pair.sex)));
    }
    ui.strong(title);
    let missing = || "–".to_string();
    let corrected_differs = pair.corrected_immigration != pair.immigration
        || pair.corrected_emigration != pair.emigration;
    egui::Grid::new(("pair_card", &pair.sender, &pair.receiver, pair.year))
        .spacing(vec2(12.0, 2.0))
        .show(ui, |ui| {
            let receiver = gazetteer().name(&pair.receiver, lang);
            let sender = gazetteer().name(&pair.sender, lang);
            ui.label(trf(lang, Tr::ImmigrationReportedBy, &[receiver]));
            ui.label(
                pair.immigration
                    .map_or_else(missing, |v| count_text(lang, v)),
            );
            ui.end_row();
            ui.label(trf(lang, Tr::EmigrationReportedBy, &[sender]));
            ui.label(
                pair.emigration
                    .map_or_else(missing, |v| count_text(lang, v)),
            );
            ui.end_row();
            if corrected_differs {
                ui.label(tr(lang, Tr::CorrectedFigures));
                ui.label(format!(
                    "{} / {}",
                    pair.corrected_immigration
                        .map_or_else(missing, |v| count_text(lang, v.round())),
                    pair.corrected_emigration
                        .map_or_else(missing, |v| count_text(lang, v.round()))
                ));
                ui.end_row();
            }
            ui.label(tr(lang, Tr::RatioLabel));
            ui.strong(pair.ratio.map_or_else(missing, |r| ratio_text(lang, r)));
            ui.end_row();
            ui.label(tr(lang, Tr::CorrectedRatioLabel));
            ui.strong(
                pair.corrected_ratio
                    .map_or_else(missing, |r| ratio_text(lang, r)),
            );
            ui.end_row();
            let band = basis.band(pair, settings);
            ui.label(tr(lang, Tr::BandLabel));
            ui.horizontal(|ui| {
                let side = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
                let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), side / 2.0, colour(band_colour(band)));
                ui.label(band_name(lang, band));
            });
            ui.end_row();
        });
    ui.label(RichText::new(tr(lang, Tr::ClickForSeries)).weak().small());
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
                swatch(
                    ui,
                    colour(fill),
                    &format!("{text} ({})", count_text(lang, n as f64)),
                );
            }
        }
    });
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
                        match pair {
                            Some(p) => {
                                let band = data.basis.band(p, settings);
                                ui.colored_label(colour(band_colour(band)), band_name(lang, band));
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

/// Black or white, whichever reads better on a fill.
fn readable_on(fill: Color32) -> Color32 {
    let luminance = 0.299 * fill.r() as f32 + 0.587 * fill.g() as f32 + 0.114 * fill.b() as f32;
    if luminance > 140.0 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

/// Grid lines faint enough that the points and bars stand out.
fn grid_colour(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color().gamma_multiply(0.45)
}

/// Grid marks of a log10 axis: whole decades, and 2 and 5 within them when few decades show.
fn log_spacer(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high - low > 30.0 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    // Within a decade or so (the country ratios) more steps, so that 0.7 and 1.5 can be read.
    let minor: &[f64] = if high - low <= 1.5 {
        &[1.5, 2.0, 3.0, 5.0, 7.0]
    } else if high - low <= 4.0 {
        &[2.0, 5.0]
    } else {
        &[]
    };
    for decade in (low.floor() as i32)..=(high.ceil() as i32) {
        let decade = decade as f64;
        if decade >= low && decade <= high {
            marks.push(GridMark {
                value: decade,
                step_size: 1.0,
            });
        }
        {
            for &m in minor {
                let value = decade + m.log10();
                if value >= low && value <= high {
                    marks.push(GridMark {
                        value,
                        step_size: 0.1,
                    });
                }
            }
        }
    }
    marks
}

/// The label of a log10 grid mark: the number it stands for.
fn log_tick(lang: Lang, mark: GridMark) -> String {
    let value = 10f64.powf(mark.value);
    if value >= 10.0 || (value - value.round()).abs() < 1e-9 {
        count_text(lang, value.round())
    } else if value >= 1.0 {
        let text = format!("{}", (value * 10.0).round() / 10.0);
        match lang {
            Lang::En => text,
            Lang::Ru => text.replace('.', ","),
        }
    } else {
        let text = format!("{}", (value * 1000.0).round() / 1000.0);
        match lang {
            Lang::En => text,
            Lang::Ru => text.replace('.', ","),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axes_mark_decades_and_read_as_numbers() {
        let marks = log_spacer(GridInput {
            bounds: (0.5, 3.2),
            base_step_size: 0.01,
        });
        let values: Vec<String> = marks.iter().map(|m| log_tick(Lang::En, *m)).collect();
        assert_eq!(
            values,
            vec!["5", "10", "20", "50", "100", "200", "500", "1,000"]
        );
        assert_eq!(
            log_tick(
                Lang::Ru,
                GridMark {
                    value: 4.0,
                    step_size: 1.0
                }
            ),
            "10\u{a0}000"
        );
        assert_eq!(ratio_text(Lang::Ru, 2.4994), "2,499");
    }

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
