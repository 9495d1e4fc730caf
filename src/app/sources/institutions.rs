//! The institutions of a country working on migration (Sources › Institutions): each one's
//! names, category, location, website, contact and what it does, edited in place; added and
//! removed; written to and read from CSV.

use super::form::field_row;
use crate::app::command::Command;
use crate::app::i18n::{Tr, country_label, tr, trf};
use crate::assess::edit::AssessEdit;
use crate::assess::institutions::{Institution, InstitutionCategory};
use crate::assess::{Choice, CountryAssessment};
use crate::model::Lang;
use egui::RichText;

pub(super) fn institutions_ui(
    ui: &mut egui::Ui,
    country_code: &str,
    country: Option<&CountryAssessment>,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let known = country.map(|c| c.institutions.clone()).unwrap_or_default();
    ui.heading(trf(
        lang,
        Tr::InstitutionsHeading,
        &[&country_label(country_code, lang)],
    ));
    ui.label(RichText::new(tr(lang, Tr::InstitutionsWhy)).weak());
    ui.horizontal(|ui| {
        if ui.button(tr(lang, Tr::InstitutionsExportCsv)).clicked() {
            commands.push(Command::InstitutionsCsvDialog {
                country: country_code.to_string(),
                import: false,
            });
        }
        if ui.button(tr(lang, Tr::InstitutionsImportCsv)).clicked() {
            commands.push(Command::InstitutionsCsvDialog {
                country: country_code.to_string(),
                import: true,
            });
        }
    });
    ui.add_space(6.0);
    let mut edited = known.clone();
    let mut removed = None;
    if edited.is_empty() {
        ui.label(RichText::new(tr(lang, Tr::InstitutionsNone)).weak());
    }
    for (k, institution) in edited.iter_mut().enumerate() {
        ui.push_id(k, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                institution_form(ui, institution, lang);
                if ui
                    .button(trf(lang, Tr::InstitutionRemove, &[&institution.id]))
                    .clicked()
                {
                    removed = Some(k);
                }
            });
        });
        ui.add_space(4.0);
    }
    if let Some(k) = removed {
        edited.remove(k);
    }
    if ui.button(tr(lang, Tr::InstitutionAdd)).clicked() {
        edited.push(Institution {
            id: new_id(country_code, &edited),
            name_en: tr(lang, Tr::InstitutionNewName).to_string(),
            ..Institution::default()
        });
    }
    if edited != known {
        commands.push(Command::Assess(AssessEdit::SetInstitutions {
            country: country_code.to_string(),
            institutions: edited,
        }));
    }
}

/// `KAZ-INST-3`: an id not yet taken.
fn new_id(country: &str, institutions: &[Institution]) -> String {
    (1..)
        .map(|n| format!("{country}-INST-{n}"))
        .find(|id| !institutions.iter().any(|i| &i.id == id))
        .unwrap_or_default()
}

fn institution_form(ui: &mut egui::Ui, institution: &mut Institution, lang: Lang) {
    egui::Grid::new("institution")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            // A line of the form: its label, and the text it edits.
            let line = |ui: &mut egui::Ui, key: Tr, text: &mut String| {
                let label = ui.label(tr(lang, key));
                ui.add(egui::TextEdit::singleline(text).desired_width(420.0))
                    .labelled_by(label.id);
                ui.end_row();
            };
            line(ui, Tr::InstitutionId, &mut institution.id);
            line(ui, Tr::InstitutionNameEn, &mut institution.name_en);
            line(ui, Tr::InstitutionNameRu, &mut institution.name_ru);
            let label = ui.label(tr(lang, Tr::InstitutionCategoryLabel));
            egui::ComboBox::from_id_salt("institution_category")
                .selected_text(institution.category.label(lang))
                .show_ui(ui, |ui| {
                    for category in InstitutionCategory::ALL {
                        ui.selectable_value(
                            &mut institution.category,
                            *category,
                            category.label(lang),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            line(ui, Tr::InstitutionLocation, &mut institution.location);
            line(ui, Tr::InstitutionWebsite, &mut institution.website);
            line(ui, Tr::InstitutionContact, &mut institution.contact);
            let label = ui.label(tr(lang, Tr::InstitutionSummary));
            ui.add(
                egui::TextEdit::multiline(&mut institution.summary)
                    .desired_rows(2)
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
}

/// The producer of a source and the institutions that hold or use its data, in the source's
/// inventory form; returns whether either changed.
pub(super) fn links_ui(
    ui: &mut egui::Ui,
    institutions: &[Institution],
    producer: &mut Option<String>,
    holders: &mut Vec<String>,
    lang: Lang,
) -> bool {
    if institutions.is_empty() {
        return false;
    }
    let mut changed = false;
    let shown = producer
        .as_deref()
        .and_then(|id| institutions.iter().find(|i| i.id == id))
        .map_or_else(|| "–".to_string(), |i| i.name(lang).to_string());
    let (producer_label, holders_label) =
        (tr(lang, Tr::SourcesProducer), tr(lang, Tr::SourcesHolders));
    changed |= field_row(ui, producer_label, producer_label, |ui| {
        let mut picked = false;
        let response = egui::ComboBox::from_id_salt("source_producer")
            .selected_text(shown)
            .width(super::form::choice_width(ui))
            .show_ui(ui, |ui| {
                picked |= ui.selectable_value(producer, None, "–").changed();
                for i in institutions {
                    picked |= ui
                        .selectable_value(producer, Some(i.id.clone()), i.name(lang))
                        .changed();
                }
            })
            .response;
        (picked, response)
    });
    changed |= field_row(ui, holders_label, holders_label, |ui| {
        let mut toggled = false;
        let response = ui
            .vertical(|ui| {
                for i in institutions {
                    let mut held = holders.contains(&i.id);
                    if ui.checkbox(&mut held, i.name(lang)).changed() {
                        if held {
                            holders.push(i.id.clone());
                        } else {
                            holders.retain(|h| h != &i.id);
                        }
                        toggled = true;
                    }
                }
            })
            .response;
        (toggled, response)
    });
    changed
}
