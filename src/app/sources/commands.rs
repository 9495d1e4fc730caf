//! What the background jobs of the Sources panel report to the window: where to write the
//! questionnaire or read one back, what was written, and the questionnaire read. (Its commands
//! are applied in [`crate::app`]'s `apply`.)

use super::{SourcesEvent, refresh};
use crate::app::command::Command;
use crate::app::i18n::{Tr, trf};
use crate::app::{MessageLevel, MigreviewApp};

impl MigreviewApp {
    /// Takes in what a job of the Sources panel reported.
    pub(in crate::app) fn on_sources_event(&mut self, event: SourcesEvent, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match event {
            SourcesEvent::ExportPath(Some(path), countries) => {
                self.commands
                    .push(Command::ExportQuestionnaireTo(path, countries));
            }
            SourcesEvent::ImportPath(Some(path)) => {
                self.commands.push(Command::ImportQuestionnaireFrom(path));
            }
            SourcesEvent::InstitutionsExportPath(Some(path), country) => {
                self.commands
                    .push(Command::InstitutionsCsvTo { path, country });
            }
            SourcesEvent::InstitutionsImportPath(Some(path), country) => {
                self.commands
                    .push(Command::InstitutionsCsvFrom { path, country });
            }
            SourcesEvent::ExportPath(None, _)
            | SourcesEvent::ImportPath(None)
            | SourcesEvent::InstitutionsExportPath(None, _)
            | SourcesEvent::InstitutionsImportPath(None, _) => {}
            SourcesEvent::Written(Ok(path)) => {
                self.remember_saved(&path);
                self.push_message(
                    MessageLevel::Info,
                    trf(
                        lang,
                        Tr::SourcesQuestionnaireWritten,
                        &[&path.display().to_string()],
                    ),
                );
            }
            SourcesEvent::Written(Err(error)) | SourcesEvent::Read(Err(error)) => {
                log::warn!("{error}");
                self.push_message(MessageLevel::Error, error);
            }
            SourcesEvent::Read(Ok(imported)) => {
                let imported = *imported;
                let taken: Vec<String> = imported
                    .assessment
                    .countries
                    .iter()
                    .map(|c| format!("{} ({})", c.country, c.sources.len()))
                    .collect();
                let first = imported
                    .assessment
                    .countries
                    .first()
                    .map(|c| c.country.clone());
                let mut assessment = self.session.review.assessment.take().unwrap_or_default();
                assessment.merge(imported.assessment);
                refresh(&mut assessment, &self.session, None);
                self.session.review.assessment = Some(assessment);
                if let Some(first) = first {
                    self.sources_view.country = Some(first);
                    self.sources_view.select_source(None);
                }
                self.push_message(
                    MessageLevel::Info,
                    trf(lang, Tr::SourcesQuestionnaireImported, &[&taken.join(", ")]),
                );
                for note in imported.notes {
                    self.push_message(MessageLevel::Info, note);
                }
                self.review_changed(ctx);
            }
        }
    }
}
