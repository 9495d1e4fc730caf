//! What the Sources panel's commands and background jobs do to the window: an edit of the
//! assessment, the questionnaire out and back in, and a look at the findings a suggestion cites.

use super::{SourcesEvent, SourcesTab, apply_edit, refresh};
use crate::app::command::Command;
use crate::app::i18n::{Tr, tr, trf};
use crate::app::jobs::JobEvent;
use crate::app::{MessageLevel, MigreviewApp, Panel};
use crate::assess::edit::AssessEdit;
use crate::assess::questionnaire::{
    QuestionnaireOptions, import_questionnaire, save_questionnaire,
};
use std::path::PathBuf;

impl MigreviewApp {
    /// Applies a command of the Sources panel.
    pub(in crate::app) fn apply_sources_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::Assess(edit) => {
                let (id, criterion) = match &edit {
                    AssessEdit::Override { id, criterion, .. }
                    | AssessEdit::Accept { id, criterion, .. } => {
                        (Some(id.clone()), Some(*criterion))
                    }
                    _ => (None, None),
                };
                let mut assessment = self.session.review.assessment.take().unwrap_or_default();
                let result = apply_edit(&mut assessment, edit, &self.session, lang);
                self.session.review.assessment = Some(assessment);
                match result {
                    Ok((changed, added)) => {
                        if let (Some(id), Some(criterion)) = (&id, criterion) {
                            self.sources_view.clear_override(id, criterion);
                        }
                        if added.is_some() {
                            self.sources_view.select_source(added);
                            self.sources_view.tab = SourcesTab::Inventory;
                        }
                        if changed {
                            self.review_changed(ctx);
                        }
                    }
                    Err(why) => match (id, criterion) {
                        (Some(id), Some(criterion)) => self.sources_view.refuse(id, criterion, why),
                        _ => self.push_message(MessageLevel::Error, why),
                    },
                }
            }
            Command::ShowFindingsOf { check, country } => {
                self.findings_view.filter = crate::app::findings::FindingFilter {
                    check: Some(check),
                    country: Some(country),
                    ..Default::default()
                };
                self.panel = Panel::Findings;
            }
            Command::ExportQuestionnaireDialog(countries) => {
                let name = match countries.as_slice() {
                    [one] => format!("{one}.questionnaire.xlsx"),
                    _ => "questionnaire.xlsx".to_string(),
                };
                let suggested = match self.session.review_path.as_ref().and_then(|p| p.parent()) {
                    Some(dir) => dir.join(name),
                    None => PathBuf::from(name),
                };
                let title = tr(lang, Tr::SourcesExportQuestionnaire).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-questionnaire-dialog", move || {
                        let dialog = crate::app::jobs::save_dialog(title, "xlsx", &suggested);
                        JobEvent::Sources(SourcesEvent::ExportPath(dialog.save_file(), countries))
                    });
            }
            Command::ExportQuestionnaireTo(path, countries) => {
                let assessment = self.session.review.assessment.clone().unwrap_or_default();
                let options = QuestionnaireOptions { countries, lang };
                self.jobs
                    .spawn_work(ctx, "migreview-questionnaire", move || {
                        let written = save_questionnaire(&path, &assessment, &options)
                            .map(|()| path)
                            .map_err(|e| e.to_string());
                        JobEvent::Sources(SourcesEvent::Written(written))
                    });
            }
            Command::ImportQuestionnaireDialog => {
                let title = tr(lang, Tr::SourcesImportQuestionnaire).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-questionnaire-dialog", move || {
                        let picked = rfd::FileDialog::new()
                            .set_title(title)
                            .add_filter("xlsx", &["xlsx", "xls", "ods"])
                            .pick_file();
                        JobEvent::Sources(SourcesEvent::ImportPath(picked))
                    });
            }
            Command::ImportQuestionnaireFrom(path) => {
                self.jobs
                    .spawn_work(ctx, "migreview-questionnaire", move || {
                        let read = import_questionnaire(&path)
                            .map(Box::new)
                            .map_err(|e| e.to_string());
                        JobEvent::Sources(SourcesEvent::Read(read))
                    });
            }
            _ => {}
        }
    }

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
            SourcesEvent::ExportPath(None, _) | SourcesEvent::ImportPath(None) => {}
            SourcesEvent::Written(Ok(path)) => self.push_message(
                MessageLevel::Info,
                trf(
                    lang,
                    Tr::SourcesQuestionnaireWritten,
                    &[&path.display().to_string()],
                ),
            ),
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
