//! The Mirror panel: immigration reported by the receiving country against emigration reported
//! by the sending country. Four views share the year, sex and duration-correction toggles: the
//! log–log scatter of the pairs with the 45° line and the band corridors, the discrepancy matrix
//! (receiver × sender), the countries' flows against their partners' reports, and one pair over
//! the years. Each view draws the chart data of [`crate::charts`] built from the report's mirror
//! part, the same data the exported PNG or SVG is drawn from.

mod axes;
mod card;
mod countries;
mod harmonisation;
mod matrix;
mod scatter;
mod series;

pub use card::pair_card_ui;

use super::chart_export::ChartRequest;
use super::command::Command;
use super::i18n::{Tr, count_text, sex_name, tr, trf};
use super::session::Session;
use super::widgets::export_buttons_ui;
use crate::charts::{Basis, MatrixData, PairSeries, ScatterData, UndercountData};
use crate::mirror::{Band, FlowDirection, MirrorSettings, Undercount, UndercountClass};
use crate::model::{Lang, Sex};
use egui::{Pos2, Rect, RichText};
use egui_plot::{PlotPoint, PlotTransform};
use scatter::ScatterPrepared;

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
    crate::i18n::format_decimal(value, 2, lang)
}

/// A ratio in a matrix cell: two decimals, to fit.
fn short_ratio_text(lang: Lang, value: f64) -> String {
    bound_text(lang, value)
}

/// A ratio as the window writes it: three decimals, as in the findings' messages.
pub fn ratio_text(lang: Lang, value: f64) -> String {
    crate::i18n::format_decimal(value, 3, lang)
}

/// The undercount classes of one direction and year (every year when `None`), with the metadata
/// scores of the review's assessment (`docs/domain.md#undercount-classes`).
pub fn undercount_classes(
    session: &Session,
    direction: FlowDirection,
    year: Option<u16>,
) -> Vec<Undercount> {
    let metadata = session
        .review
        .assessment
        .as_ref()
        .map(crate::assess::metadata::undercount_metadata)
        .unwrap_or_default();
    let entries: Vec<Undercount> = session
        .report
        .mirror
        .undercount
        .iter()
        .filter(|u| u.direction == direction && year.is_none_or(|y| u.year == y))
        .cloned()
        .collect();
    crate::mirror::undercount::with_metadata(&entries, &metadata, &session.report.settings.mirror)
}

/// The name of an undercount class: "low", "medium", "high".
pub fn undercount_class_name(lang: Lang, class: UndercountClass) -> &'static str {
    tr(
        lang,
        match class {
            UndercountClass::Low => Tr::UndercountLow,
            UndercountClass::Medium => Tr::UndercountMedium,
            UndercountClass::High => Tr::UndercountHigh,
        },
    )
}

/// The scores behind an undercount class, in words.
pub fn undercount_scores_text(lang: Lang, u: &Undercount) -> String {
    let score = |s: Option<f64>| {
        s.map_or("–".to_string(), |s| {
            crate::i18n::format_decimal(s, 2, lang)
        })
    };
    trf(
        lang,
        Tr::UndercountScores,
        &[
            &u.ratio.map_or("–".to_string(), |r| ratio_text(lang, r)),
            &score(u.model_score),
            &score(u.expert_score),
            &score(u.metadata_score),
            &score(u.combined),
        ],
    )
}

/// An interval of ratios: `1.349–1.389`, `5.478–∞`.
pub fn interval_text(lang: Lang, [low, high]: [f64; 2]) -> String {
    let high = if high.is_finite() {
        ratio_text(lang, high)
    } else {
        "∞".to_string()
    };
    format!("{}–{high}", ratio_text(lang, low))
}

/// The heading of an interval at a confidence level: "95 % interval".
pub fn interval_heading(lang: Lang, level: f64) -> String {
    let percent = 100.0 * level;
    let decimals = usize::from(percent.fract() != 0.0);
    trf(
        lang,
        Tr::IntervalColumn,
        &[&crate::i18n::format_decimal(percent, decimals, lang)],
    )
}

/// A band named by what it means, from its bounds in `settings`: "within 10 %", "10 % to 30 %
/// apart", "30 % to ×2 apart", "more than ×2 apart" (not by its colour).
pub fn band_name(lang: Lang, band: Band, settings: &MirrorSettings) -> String {
    let apart = |log_ratio: f64| apart_text(lang, log_ratio);
    match band {
        Band::Green => trf(lang, Tr::BandWithin, &[&apart(settings.band_green)]),
        Band::Light => trf(
            lang,
            Tr::BandBetween,
            &[&apart(settings.band_green), &apart(settings.band_light)],
        ),
        Band::Amber => trf(
            lang,
            Tr::BandBetween,
            &[&apart(settings.band_light), &apart(settings.band_amber)],
        ),
        Band::Red => trf(lang, Tr::BandBeyond, &[&apart(settings.band_amber)]),
        Band::Small => tr(lang, Tr::BandSmall).to_string(),
        Band::OneSided => tr(lang, Tr::BandOneSided).to_string(),
    }
}

/// How far apart immigration and emigration are at a bound of |ln(I/E)|: a percentage below
/// half again, to the nearest 5 % from 5 % up ("10 %" for ln 1.1), a factor above ("×2").
fn apart_text(lang: Lang, log_ratio: f64) -> String {
    let factor = log_ratio.abs().exp();
    if factor < 1.5 {
        let percent = (factor - 1.0) * 100.0;
        let shown = if percent < 5.0 {
            percent.round()
        } else {
            (percent / 5.0).round() * 5.0
        };
        format!("{}\u{a0}%", count_text(lang, shown))
    } else {
        let rounded = (factor * 10.0).round() / 10.0;
        format!(
            "×{}",
            crate::model::number_text(rounded).replace(
                '.',
                match lang {
                    Lang::En => ".",
                    Lang::Ru => ",",
                }
            )
        )
    }
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

type ScatterKey = (u64, Option<u16>, Sex, Basis, Option<String>);
type MatrixKey = (u64, u16, Sex, Basis, Option<String>);
type SeriesKey = (u64, String, String, Sex, Basis);
type BarsKey = (u64, FlowDirection, u16, bool, Basis, Option<String>);

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
    /// The country under review: the scatter shows its pairs only, the matrix its row and column,
    /// the country view marks its bar; `None`: every pair.
    pub country: Option<String>,
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
            country: None,
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
                country: self.country.clone(),
            }),
            MirrorTab::Matrix => self.one_year().map(|year| ChartRequest::Matrix {
                year,
                sex,
                basis,
                values: false,
                country: self.country.clone(),
            }),
            MirrorTab::Countries => self.one_year().map(|year| ChartRequest::Undercount {
                direction: self.direction,
                year,
                against_reference: self.against_reference,
                basis,
                country: self.country.clone(),
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
        if session.checking {
            super::widgets::checks_running_ui(ui, lang, Tr::MirrorFollows);
            return;
        }
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
            // At a projector's zoom the panel can be lower than a readable plot: the plot
            // keeps its least height and the view scrolls.
            MirrorTab::Scatter => {
                egui::ScrollArea::vertical()
                    .id_salt("mirror_scatter_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.scatter_ui(ui, session, lang, commands));
            }
            MirrorTab::Matrix => {
                egui::ScrollArea::vertical()
                    .id_salt("mirror_matrix_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.matrix_ui(ui, session, lang, commands));
            }
            MirrorTab::Countries => self.countries_ui(ui, session, lang),
            MirrorTab::Series => {
                egui::ScrollArea::vertical()
                    .id_salt("mirror_series_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.series_ui(ui, session, lang));
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_named_by_how_far_apart_the_two_sides_are() {
        let settings = MirrorSettings::default();
        let names: Vec<String> = [Band::Green, Band::Light, Band::Amber, Band::Red]
            .into_iter()
            .map(|band| band_name(Lang::En, band, &settings))
            .collect();
        assert_eq!(
            names,
            [
                "within 10\u{a0}%",
                "10\u{a0}% to 30\u{a0}% apart",
                "30\u{a0}% to ×2 apart",
                "more than ×2 apart"
            ]
        );
        assert_eq!(
            band_name(Lang::Ru, Band::Light, &settings),
            "расхождение от 10\u{a0}% до 30\u{a0}%"
        );
        let wide = MirrorSettings {
            band_amber: 3.0_f64.ln(),
            ..MirrorSettings::default()
        };
        assert_eq!(
            band_name(Lang::Ru, Band::Red, &wide),
            "расхождение больше ×3"
        );
        assert_eq!(apart_text(Lang::Ru, 2.5_f64.ln()), "×2,5");
    }
}
