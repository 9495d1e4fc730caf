//! The country under review: one choice (on the Overview, kept in the review file) that opens
//! every panel on one country. Findings are filtered to it (and their exports follow), Data shows
//! its first table, Coverage its tables over the years, Mirror's scatter (and its export) its
//! pairs and the series its largest pair, Sources its data sources. "All countries" lifts the filter; each panel can still be moved
//! elsewhere by hand.

use super::MigreviewApp;
use super::command::{Command, DataSelection};
use super::i18n::{Tr, tr};
use crate::app::i18n::country_label;
use crate::model::{Lang, Sex};

impl MigreviewApp {
    /// Keeps `country` as the country under review and opens the panels on it.
    pub(super) fn set_country_under_review(
        &mut self,
        country: Option<String>,
        ctx: &egui::Context,
    ) {
        if self.session.review.country != country {
            self.session.review.country = country;
            self.review_changed(ctx);
        }
        self.open_on_country();
    }

    /// Opens the panels on the country under review, as far as the data have it (the Mirror
    /// panel once the checks are done).
    pub(super) fn open_on_country(&mut self) {
        let country = self.session.review.country.clone();
        self.findings_view.filter.country = country.clone();
        self.mirror_view.country = country.clone();
        let Some(code) = country else {
            return;
        };
        if let Some(reporter) = self.session.dataset.sym(&code) {
            let table = self
                .session
                .slices
                .iter()
                .find(|(_, slices)| slices.iter().any(|s| s.reporter == reporter))
                .map(|(table, _)| *table);
            if table.is_some() {
                self.data_view.select(DataSelection {
                    table,
                    reporter: Some(reporter),
                    sex: Sex::T,
                });
                self.coverage_view.kind = Some(crate::charts::GridKind::ByReporter(code.clone()));
                self.coverage_view.selected = None;
            }
        }
        if super::sources::countries(&self.session).contains(&code) {
            self.sources_view.country = Some(code.clone());
        }
        // The largest flow to or from it, by immigration and emigration over the years.
        let mut largest: Option<(&str, &str, f64)> = None;
        for pair in &self.session.report.mirror.pairs {
            if pair.sex != Sex::T || (pair.sender != code && pair.receiver != code) {
                continue;
            }
            let size = pair.immigration.unwrap_or(0.0) + pair.emigration.unwrap_or(0.0);
            if largest.is_none_or(|(_, _, best)| size > best) {
                largest = Some((&pair.sender, &pair.receiver, size));
            }
        }
        if let Some((sender, receiver, _)) = largest {
            let (sender, receiver) = (sender.to_string(), receiver.to_string());
            let tab = self.mirror_view.tab;
            self.mirror_view.open_pair(sender, receiver);
            // The pair is ready in the series; the tab the reviewer chose stays.
            self.mirror_view.tab = tab;
        }
    }
}

/// The choice of the country under review: "All countries" and every reporter of the data.
pub(super) fn country_choice_ui(
    ui: &mut egui::Ui,
    current: Option<&str>,
    reporters: &[String],
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let name = |code: &str| country_label(code, lang);
    let label = ui.heading(tr(lang, Tr::CountryUnderReview));
    ui.horizontal_wrapped(|ui| {
        let shown = current.map_or_else(|| tr(lang, Tr::AllCountries).to_string(), name);
        egui::ComboBox::from_id_salt("country_under_review")
            .selected_text(shown)
            .width(280.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(current.is_none(), tr(lang, Tr::AllCountries))
                    .clicked()
                    && current.is_some()
                {
                    commands.push(Command::SetCountryUnderReview(None));
                }
                for code in reporters {
                    if ui
                        .selectable_label(current == Some(code.as_str()), name(code))
                        .clicked()
                        && current != Some(code.as_str())
                    {
                        commands.push(Command::SetCountryUnderReview(Some(code.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if current.is_some() && ui.button(tr(lang, Tr::AllCountries)).clicked() {
            commands.push(Command::SetCountryUnderReview(None));
        }
        ui.label(egui::RichText::new(tr(lang, Tr::CountryUnderReviewHint)).weak());
    });
}
