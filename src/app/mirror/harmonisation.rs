//! The harmonisation under the countries: one factor per country and direction with its
//! standard error, the method and the benchmark (`docs/domain.md#harmonisation`).

use super::ratio_text;
use crate::app::i18n::{Tr, count_text, country_label, tr, trf};
use crate::mirror::{Harmonisation, HarmoniseMethod, MirrorSettings};
use crate::model::Lang;
use egui::{RichText, vec2};

/// The height the table of factors may take before it scrolls, in points.
const FACTORS_HEIGHT: f32 = 220.0;

/// The harmonisation, folded: what it is, its method and fit, and the factors by country (the
/// country under review in bold).
pub(super) fn harmonisation_ui(
    ui: &mut egui::Ui,
    harmonisation: Option<&Harmonisation>,
    settings: &MirrorSettings,
    country: Option<&str>,
    lang: Lang,
) {
    let Some(h) = harmonisation else {
        ui.label(RichText::new(tr(lang, Tr::NoHarmonisation)).weak());
        return;
    };
    egui::CollapsingHeader::new(tr(lang, Tr::HarmonisationHeading))
        .id_salt("mirror_harmonisation")
        .default_open(false)
        .show(ui, |ui| {
            let method = match h.method {
                HarmoniseMethod::Poisson => tr(lang, Tr::HarmonisationPoisson),
                HarmoniseMethod::LogLeastSquares => tr(lang, Tr::HarmonisationLeastSquares),
            };
            let sd = h
                .residual_sd
                .map_or_else(|| "–".to_string(), |sd| ratio_text(lang, sd));
            ui.label(trf(
                lang,
                Tr::HarmonisationSummary,
                &[
                    method,
                    &country_label(&h.benchmark, lang),
                    &count_text(lang, h.pairs as f64),
                    &count_text(lang, h.parameters as f64),
                    &sd,
                ],
            ));
            ui.label(RichText::new(tr(lang, Tr::HarmonisationExplain)).weak());
            if h.benchmark != settings.benchmark {
                ui.label(trf(
                    lang,
                    Tr::HarmonisationOtherBenchmark,
                    &[&settings.benchmark, &h.benchmark],
                ));
            }
            if !h.converged {
                ui.label(tr(lang, Tr::HarmonisationNotConverged));
            }
            factors_ui(ui, h, country, lang);
        });
}

/// The factors by country: immigration and emigration, each with its standard error and
/// pair-years.
fn factors_ui(ui: &mut egui::Ui, h: &Harmonisation, country: Option<&str>, lang: Lang) {
    let value = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| ratio_text(lang, v));
    egui::ScrollArea::vertical()
        .id_salt("mirror_harmonisation_scroll")
        .max_height(FACTORS_HEIGHT)
        .show(ui, |ui| {
            egui::Grid::new("mirror_harmonisation_grid")
                .striped(true)
                .spacing(vec2(14.0, 4.0))
                .show(ui, |ui| {
                    for heading in [
                        Tr::CountryLabel,
                        Tr::ImmigrationFactor,
                        Tr::StandardErrorColumn,
                        Tr::EmigrationFactor,
                        Tr::StandardErrorColumn,
                        Tr::HarmonisationPairYears,
                    ] {
                        ui.strong(tr(lang, heading));
                    }
                    ui.end_row();
                    for f in &h.factors {
                        let name = RichText::new(country_label(&f.country, lang));
                        if country == Some(f.country.as_str()) {
                            ui.label(name.strong())
                                .on_hover_text(tr(lang, Tr::CountryUnderReview));
                        } else if f.country == h.benchmark {
                            ui.label(name)
                                .on_hover_text(tr(lang, Tr::HarmonisationBenchmark));
                        } else {
                            ui.label(name);
                        }
                        ui.label(value(f.immigration_factor));
                        ui.label(value(f.immigration_se));
                        ui.label(value(f.emigration_factor));
                        ui.label(value(f.emigration_se));
                        ui.label(format!(
                            "{} / {}",
                            count_text(lang, f.immigration_pairs as f64),
                            count_text(lang, f.emigration_pairs as f64)
                        ));
                        ui.end_row();
                    }
                });
        });
}
