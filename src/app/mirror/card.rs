//! The card of a pair-year, shown over the scatter and the matrix.

use super::{band_name, interval_heading, interval_text, ratio_text};
use crate::app::i18n::country_label;
use crate::app::i18n::{Tr, count_text, sex_name, tr, trf};
use crate::app::widgets::colour;
use crate::charts::{Basis, band_colour};
use crate::mirror::{MirrorPair, MirrorSettings};
use crate::model::{Lang, Sex, gazetteer};
use egui::{RichText, Sense, vec2};

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
            &country_label(&pair.sender, lang),
            &country_label(&pair.receiver, lang),
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
            if let Some(interval) = basis.interval(pair, settings) {
                ui.label(interval_heading(lang, settings.interval_level));
                ui.label(interval_text(lang, interval));
                ui.end_row();
            }
            let band = basis.band(pair, settings);
            ui.label(tr(lang, Tr::BandLabel));
            ui.horizontal(|ui| {
                let side = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
                let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), side / 2.0, colour(band_colour(band)));
                ui.label(band_name(lang, band, settings));
            });
            ui.end_row();
        });
    ui.label(RichText::new(tr(lang, Tr::ClickForSeries)).weak().small());
}
