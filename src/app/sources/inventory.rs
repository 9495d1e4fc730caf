//! The inventory of a country: the list of its sources (adding and removing one) and every
//! field of the selected source, asking for the change when one is edited.

use super::SourcesView;
use super::form::{choice_row, error_row, number_row, text_row};
use crate::app::command::Command;
use crate::app::i18n::country_label;
use crate::app::i18n::{Tr, tr, trf};
use crate::app::theme::Palette;
use crate::assess::edit::AssessEdit;
use crate::assess::questionnaire::Field;
use crate::assess::{Choice, CountryAssessment, SourceKind, TableFeed};
use crate::model::Lang;
use egui::RichText;

impl SourcesView {
    pub(super) fn source_list_ui(
        &mut self,
        ui: &mut egui::Ui,
        country_code: &str,
        country: Option<&CountryAssessment>,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        ui.strong(tr(lang, Tr::SourcesListHeading));
        let sources = country.map(|c| c.sources.as_slice()).unwrap_or_default();
        if sources.is_empty() {
            ui.label(
                RichText::new(trf(
                    lang,
                    Tr::SourcesNoneListed,
                    &[&country_label(country_code, lang)],
                ))
                .weak(),
            );
        }
        for source in sources {
            let selected = self.source.as_deref() == Some(source.id.as_str());
            let text = format!("{} — {}", source.id, source.name);
            if ui
                .add(egui::Button::selectable(selected, text).truncate())
                .on_hover_text(source.kind.label(lang))
                .clicked()
            {
                self.select_source(Some(source.id.clone()));
            }
        }
        ui.add_space(8.0);
        ui.separator();
        let label = ui.label(tr(lang, Tr::SourcesNewKind));
        egui::ComboBox::from_id_salt("new_source_kind")
            .selected_text(self.new_kind.label(lang))
            .width(240.0)
            .show_ui(ui, |ui| {
                for kind in SourceKind::ALL {
                    ui.selectable_value(&mut self.new_kind, *kind, kind.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button(tr(lang, Tr::SourcesAdd)).clicked() {
            commands.push(Command::Assess(AssessEdit::AddSource {
                country: country_code.to_string(),
                kind: self.new_kind,
            }));
        }
        if let Some(id) = self.source.clone() {
            ui.add_space(8.0);
            if self.confirm_remove.as_deref() == Some(id.as_str()) {
                ui.label(trf(lang, Tr::SourcesRemoveConfirm, &[&id]));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Tr::SourcesRemoveYes)).clicked() {
                        commands.push(Command::Assess(AssessEdit::RemoveSource {
                            country: country_code.to_string(),
                            id: id.clone(),
                        }));
                        self.confirm_remove = None;
                    }
                    if ui.button(tr(lang, Tr::SourcesRemoveNo)).clicked() {
                        self.confirm_remove = None;
                    }
                });
            } else if ui.button(trf(lang, Tr::SourcesRemove, &[&id])).clicked() {
                self.confirm_remove = Some(id);
            }
        }
    }

    pub(super) fn inventory_ui(
        &mut self,
        ui: &mut egui::Ui,
        country: &str,
        institutions: &[crate::assess::institutions::Institution],
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let mut changed = false;
        let source = &mut draft.source;
        ui.horizontal_wrapped(|ui| {
            ui.heading(&source.name);
            ui.label(RichText::new(&source.id).weak());
        });
        ui.add_space(4.0);
        changed |= text_row(ui, Field::Name, &mut source.name, false, lang);
        changed |= choice_row(ui, Field::Kind, &mut source.kind, lang);
        changed |= text_row(ui, Field::Agency, &mut source.agency, false, lang);
        changed |= super::institutions::links_ui(
            ui,
            institutions,
            &mut source.producer,
            &mut source.holders,
            lang,
        );
        changed |= text_row(ui, Field::Measures, &mut source.measures, true, lang);
        // The tables fed, as the questionnaire writes them: `3 (2012–2021); 4 (2012–2021)`.
        if text_row(ui, Field::Feeds, &mut draft.feeds_text, false, lang) {
            match TableFeed::parse_list(&draft.feeds_text) {
                Ok(feeds) => {
                    draft.feeds_error = None;
                    if feeds != source.feeds {
                        source.feeds = feeds;
                        changed = true;
                    }
                }
                Err(e) => draft.feeds_error = Some(e.to_string()),
            }
        }
        if let Some(error) = &draft.feeds_error {
            error_row(ui, error, palette);
        }
        changed |= choice_row(ui, Field::Periodicity, &mut source.periodicity, lang);
        changed |= number_row(ui, draft, 0, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::PopulationCovered,
            &mut source.population_covered,
            true,
            lang,
        );
        changed |= choice_row(ui, Field::GroupsCovered, &mut source.groups_covered, lang);
        changed |= number_row(ui, draft, 1, lang, palette);
        let source = &mut draft.source;
        changed |= choice_row(ui, Field::DurationBasis, &mut source.duration_basis, lang);
        changed |= choice_row(
            ui,
            Field::Registration,
            &mut source.registration_obligation.rule,
            lang,
        );
        changed |= number_row(ui, draft, 2, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::RegistrationNote,
            &mut source.registration_obligation.note,
            true,
            lang,
        );
        changed |= choice_row(
            ui,
            Field::Deregistration,
            &mut source.deregistration_obligation.rule,
            lang,
        );
        changed |= number_row(ui, draft, 3, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::DeregistrationNote,
            &mut source.deregistration_obligation.note,
            true,
            lang,
        );
        changed |= choice_row(ui, Field::Publication, &mut source.publication, lang);
        changed |= choice_row(
            ui,
            Field::DeregistrationThirdCountry,
            &mut source.deregistration_third_country,
            lang,
        );
        changed |= choice_row(
            ui,
            Field::ThirdCountryMonitoring,
            &mut source.third_country_monitoring,
            lang,
        );
        changed |= choice_row(
            ui,
            Field::AdministrativeCorrections,
            &mut source.administrative_corrections,
            lang,
        );
        changed |= text_row(ui, Field::Notes, &mut source.notes, true, lang);
        if changed {
            commands.push(Command::Assess(AssessEdit::SetInventory {
                country: country.to_string(),
                source: Box::new(draft.source.clone()),
            }));
        }
    }
}
