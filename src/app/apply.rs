//! What the commands do to the window: the one place they are applied, after the frame, by
//! family (the window, the review of findings, the views and their charts, the Sources panel,
//! the import dialog).

use super::command::{Command, Panel};
use super::i18n::{Tr, count_text, tr, trf};
use super::import::NeedsDialog;
use super::jobs::{JobEvent, LoadRequest};
use super::session::{SessionIndex, SessionSource};
use super::sources::{SourcesEvent, SourcesTab, apply_edit};
use super::{MAX_UNDO, MessageLevel, MigreviewApp, UndoStep};
use crate::assess::edit::AssessEdit;
use crate::assess::questionnaire::{
    QuestionnaireOptions, import_questionnaire, save_questionnaire,
};
use crate::review::{self, ExportFormat};
use std::path::PathBuf;

impl MigreviewApp {
    /// Applies a command pushed during the frame.
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            command @ (Command::ShowPanel(_)
            | Command::OpenDialog
            | Command::Open(_)
            | Command::OpenSample
            | Command::OpenLesson(_)
            | Command::OpenCleanSample
            | Command::CancelLoad
            | Command::SetLang(_)
            | Command::SetDark(_)
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::Dismiss(_)
            | Command::DismissAll
            | Command::ClearRecent
            | Command::TogglePresenter) => self.apply_window_command(command, ctx),
            command @ (Command::SelectFinding(_)
            | Command::ShowInData(_)
            | Command::SelectData(_)
            | Command::SetStatus { .. }
            | Command::SetComment { .. }
            | Command::UndoTriage
            | Command::SetCountryUnderReview(_)
            | Command::ExportDialog(_)
            | Command::ExportTo(..)) => self.apply_review_command(command, ctx),
            command @ (Command::SetReportTexts(_)
            | Command::ReportDialog
            | Command::ExportReportDialog(_)
            | Command::ExportReportTo(..)
            | Command::ImportAnswersDialog
            | Command::ImportAnswersFrom(_)) => self.apply_report_command(command, ctx),
            command @ (Command::SelectCoverageCell(_)
            | Command::SelectPair { .. }
            | Command::ShowTableInData { .. }
            | Command::ExportChartDialog(..)
            | Command::ExportChartTo(..)) => self.apply_view_command(command, ctx),
            command @ (Command::Assess(_)
            | Command::ShowFindingsOf { .. }
            | Command::ExportQuestionnaireDialog(_)
            | Command::ExportQuestionnaireTo(..)
            | Command::ImportQuestionnaireDialog
            | Command::ImportQuestionnaireFrom(_)
            | Command::InstitutionsCsvDialog { .. }
            | Command::InstitutionsCsvTo { .. }
            | Command::InstitutionsCsvFrom { .. }) => self.apply_sources_command(command, ctx),
            command @ (Command::ImportSettings(_)
            | Command::ApplyImport { .. }
            | Command::CloseImportDialog
            | Command::PlaceLabels(_)) => self.apply_import_command(command, ctx),
            command @ (Command::WorkshopHandoutsDialog(_)
            | Command::WorkshopHandoutsTo { .. }
            | Command::PlantFault(_)
            | Command::UndoPlant(_)
            | Command::StartQuiz
            | Command::QuizMark(_)
            | Command::RevealQuiz
            | Command::EndQuiz) => self.apply_workshop_command(command, ctx),
        }
    }

    /// Applies a command of the window: panels, files, language, theme, zoom, messages.
    fn apply_window_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::ShowPanel(panel) => self.panel = panel,
            Command::OpenDialog => self.jobs.pick_files(
                ctx,
                tr(lang, Tr::OpenDialogTitle).to_string(),
                tr(lang, Tr::MigrationDataFilter).to_string(),
            ),
            Command::Open(paths) => self.start_load(LoadRequest::Files(paths), ctx),
            Command::OpenSample => self.start_load(LoadRequest::Sample, ctx),
            Command::OpenCleanSample => {
                self.lesson_plants.clear();
                self.start_load(LoadRequest::CleanSample, ctx);
            }
            Command::OpenLesson(id) => {
                self.lesson_plants.clear();
                self.before_plant = None;
                let request = LoadRequest::Lesson {
                    id,
                    planted: Vec::new(),
                    triage: None,
                };
                self.start_load(request, ctx);
            }
            Command::CancelLoad
                if self
                    .jobs
                    .running_load()
                    .is_some_and(|load| load.cancellable()) =>
            {
                self.jobs.cancel_load();
                self.push_message(MessageLevel::Info, tr(lang, Tr::LoadCancelled));
            }
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::Dismiss(i) if i < self.messages.len() => {
                self.messages.remove(i);
            }
            Command::DismissAll => self.messages.clear(),
            Command::ClearRecent => self.settings.recent.clear(),
            Command::TogglePresenter => self.toggle_presenter(ctx),
            _ => {}
        }
    }

    /// Applies a command of the review of findings: selection, triage and export.
    fn apply_review_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::SelectFinding(finding) => {
                self.findings_view.select(finding);
                if let Some(i) = finding {
                    // Data follows the selection, so switching panels shows the cell.
                    self.data_view.show_finding(&self.session, i);
                }
            }
            Command::ShowInData(finding) => {
                self.findings_view.select(Some(finding));
                if self.data_view.show_finding(&self.session, finding) {
                    self.panel = Panel::Data;
                } else {
                    self.push_message(MessageLevel::Info, tr(lang, Tr::NotInData));
                }
            }
            Command::SelectData(selection) => self.data_view.select(selection),
            Command::SetStatus { findings, status } => {
                let session = &mut self.session;
                let ids = case_ids(&session.index, &findings);
                let undo = session
                    .review
                    .set_status_of(&ids, status, &review::now_rfc3339());
                self.triage_changed(undo, None, ctx);
            }
            Command::SetComment { findings, comment } => {
                let session = &mut self.session;
                let ids = case_ids(&session.index, &findings);
                let undo = session
                    .review
                    .set_comment_of(&ids, &comment, &review::now_rfc3339());
                // The keystrokes of one comment are undone together.
                self.triage_changed(undo, Some(findings), ctx);
            }
            Command::SetCountryUnderReview(country) => {
                self.set_country_under_review(country, ctx);
            }
            Command::UndoTriage => match self.undo.pop() {
                Some(step) => {
                    let count = step.undo.before.len();
                    self.session.review.restore(step.undo);
                    self.findings_view.forget_draft();
                    self.review_changed(ctx);
                    self.push_message(
                        MessageLevel::Info,
                        trf(lang, Tr::TriageUndone, &[&count_text(lang, count as f64)]),
                    );
                }
                None => self.push_message(MessageLevel::Info, tr(lang, Tr::NothingToUndo)),
            },
            Command::ExportDialog(format) => {
                let suggested = self.export_suggestion(format);
                self.jobs.pick_export_path(
                    ctx,
                    tr(lang, Tr::ExportDialogTitle).to_string(),
                    suggested,
                    format,
                );
            }
            Command::ExportTo(path, format) => {
                let shown = self.findings_view.export_selection(&self.session, lang);
                self.jobs.export(
                    ctx,
                    path,
                    format,
                    (self.session.report.clone(), shown),
                    self.session.review.clone(),
                    lang,
                );
            }
            _ => {}
        }
    }

    /// Applies a command that shows something in a view, or writes the chart it shows.
    fn apply_view_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::SelectCoverageCell(cell) => {
                self.coverage_view.select_cell(cell);
                self.panel = Panel::Coverage;
            }
            Command::SelectPair { sender, receiver } => {
                self.mirror_view.open_pair(sender, receiver);
                self.panel = Panel::Mirror;
            }
            Command::ShowTableInData {
                table,
                reporter,
                sex,
                year,
            } => {
                if self
                    .data_view
                    .show_table(&self.session, table, &reporter, sex, year)
                {
                    self.panel = Panel::Data;
                } else {
                    self.push_message(MessageLevel::Info, tr(lang, Tr::NotInData));
                }
            }
            Command::ExportChartDialog(request, format) => {
                let name = format!("{}.{}", request.file_stem(), format.extension());
                let suggested = self.save_path(name);
                self.jobs.pick_chart_path(
                    ctx,
                    tr(lang, Tr::ExportChartDialogTitle).to_string(),
                    suggested,
                    request,
                    format,
                );
            }
            Command::ExportChartTo(request, format, path) => {
                let source = self.chart_source();
                self.jobs
                    .export_chart(ctx, request, source, lang, path, format);
            }
            _ => {}
        }
    }

    /// Applies a command of the Sources panel.
    fn apply_sources_command(&mut self, command: Command, ctx: &egui::Context) {
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
                self.findings_view.filter = super::findings::FindingFilter {
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
                let suggested = self.save_path(name);
                let title = tr(lang, Tr::SourcesExportQuestionnaire).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-questionnaire-dialog", move || {
                        let dialog = super::jobs::save_dialog(title, "xlsx", &suggested);
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
            Command::InstitutionsCsvDialog { country, import } => {
                let name = format!("{country}.institutions.csv");
                let suggested = self.save_path(name);
                let title = tr(lang, Tr::SourcesTabInstitutions).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-institutions-dialog", move || {
                        let dialog = super::jobs::save_dialog(title, "csv", &suggested);
                        JobEvent::Sources(if import {
                            SourcesEvent::InstitutionsImportPath(dialog.pick_file(), country)
                        } else {
                            SourcesEvent::InstitutionsExportPath(dialog.save_file(), country)
                        })
                    });
            }
            Command::InstitutionsCsvTo { path, country } => {
                let institutions = self
                    .session
                    .review
                    .assessment
                    .as_ref()
                    .and_then(|a| a.country(&country))
                    .map(|c| c.institutions.clone())
                    .unwrap_or_default();
                let written =
                    crate::assess::institutions::write_csv(&institutions).and_then(|csv| {
                        crate::save::write_atomically(&path, csv.as_bytes())
                            .map_err(|e| format!("{}: {e}", path.display()))
                    });
                match written {
                    Ok(()) => {
                        self.remember_saved(&path);
                        let text = trf(
                            lang,
                            Tr::InstitutionsWritten,
                            &[&path.display().to_string()],
                        );
                        self.push_message(MessageLevel::Info, text);
                    }
                    Err(error) => self.push_message(MessageLevel::Error, error),
                }
            }
            Command::InstitutionsCsvFrom { path, country } => {
                let read = std::fs::read_to_string(&path)
                    .map_err(|e| vec![e.to_string()])
                    .and_then(|text| crate::assess::institutions::read_csv(&text));
                match read {
                    Ok(institutions) => {
                        let text = trf(
                            lang,
                            Tr::InstitutionsRead,
                            &[&institutions.len().to_string(), &path.display().to_string()],
                        );
                        self.commands.push(Command::Assess(
                            crate::assess::edit::AssessEdit::SetInstitutions {
                                country,
                                institutions,
                            },
                        ));
                        self.push_message(MessageLevel::Info, text);
                    }
                    Err(problems) => self.push_message(
                        MessageLevel::Error,
                        format!("{}: {}", path.display(), problems.join("; ")),
                    ),
                }
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

    /// Applies a command of the import dialog.
    fn apply_import_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::ImportSettings(path) => {
                let reload: Vec<PathBuf> =
                    self.session.files.iter().map(|f| f.path.clone()).collect();
                let options = self
                    .session
                    .files
                    .iter()
                    .find(|f| f.path == path)
                    .map(|f| f.options.clone())
                    .unwrap_or_default();
                let reload = if reload.contains(&path) {
                    reload
                } else {
                    vec![path.clone()]
                };
                self.open_import_dialog(
                    NeedsDialog {
                        path,
                        reload,
                        options,
                        failed: false,
                    },
                    ctx,
                );
            }
            Command::ApplyImport {
                file,
                sha256,
                options,
                reload,
            } => {
                if let Err(error) =
                    self.remember_options(vec![(file, sha256, options)], &reload, ctx)
                {
                    log::warn!("{error}");
                    self.push_message(MessageLevel::Error, error);
                    return;
                }
                self.import_dialog = None;
                self.start_load(LoadRequest::Files(reload), ctx);
            }
            Command::CloseImportDialog => self.import_dialog = None,
            Command::PlaceLabels(per_file) => self.place_labels(per_file, ctx),
            _ => {}
        }
    }

    /// After a change of triage: remembers how to undo it (a comment typed on the same findings
    /// as the last change joins it) and saves the review.
    fn triage_changed(
        &mut self,
        undo: review::Undo,
        comment_on: Option<Vec<usize>>,
        ctx: &egui::Context,
    ) {
        if undo.is_empty() {
            return;
        }
        match self.undo.last_mut() {
            Some(last) if comment_on.is_some() && last.comment_on == comment_on => {
                last.undo.merge_earlier(undo);
            }
            _ => {
                self.undo.push(UndoStep { undo, comment_on });
                if self.undo.len() > MAX_UNDO {
                    self.undo.remove(0);
                }
            }
        }
        self.review_changed(ctx);
    }

    /// Where the export dialog opens, with the name it suggests.
    pub fn export_suggestion(&self, format: ExportFormat) -> PathBuf {
        let stem = match &self.session.source {
            SessionSource::Files(paths) => paths
                .first()
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "migreview".into()),
            _ => "sample".into(),
        };
        // A filtered list says so in its name too.
        let filtered = if self.findings_view.filter.is_default() {
            ""
        } else {
            "_filtered"
        };
        let name = format!("{stem}.findings{filtered}.{}", format.extension());
        self.save_path(name)
    }

    /// Where a save dialog opens with `name`: the folder saved to last, else the folder of the
    /// data (the first file); for the built-in sample, without a folder saved to yet, where
    /// the system's dialog opens (never the app's own data folder).
    pub(super) fn save_path(&self, name: String) -> PathBuf {
        let data_folder = match &self.session.source {
            SessionSource::Files(paths) => paths.first().and_then(|p| p.parent()),
            SessionSource::Sample | SessionSource::Lesson(_) | SessionSource::Empty => None,
        };
        let folder = self
            .settings
            .save_folder
            .as_deref()
            .filter(|dir| dir.is_dir())
            .or(data_folder.filter(|dir| !dir.as_os_str().is_empty()));
        match folder {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        }
    }
}

/// The identities of findings (by index in the report), of those that exist.
fn case_ids<'a>(index: &'a SessionIndex, findings: &[usize]) -> Vec<&'a str> {
    findings
        .iter()
        .filter_map(|&i| index.case_ids.get(i))
        .map(String::as_str)
        .collect()
}
