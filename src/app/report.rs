//! The country review report in the window: the reviewer's own texts (name, organisation,
//! summary, recommendations) on the Overview, kept in the review file; and File › Export review
//! report…, a dialog that asks for the country, the language and the format, then writes the
//! report on a thread with what the window shows (triage, assessment, charts).

use super::command::Command;
use super::i18n::{Tr, country_label, tr, trf};
use super::jobs::JobEvent;
use super::{MessageLevel, MigreviewApp};
use crate::model::Lang;
use crate::review::ReportTexts;
use crate::review::answers::{Answer, read_answers};
use crate::review_report::document::ChartSources;
use crate::review_report::{ReportFormat, ReportInputs, ReviewReport, bundle};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What report to write.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ReportRequest {
    /// The country reviewed; `None`: every country of the data.
    pub country: Option<String>,
    pub lang: Lang,
    pub format: ReportFormat,
    /// Also write the review bundle beside the report (`review_KAZ.zip`).
    pub bundle: bool,
}

/// What the report's jobs tell the window.
#[derive(Debug)]
pub enum ReportEvent {
    /// Where to write, chosen in the save dialog (`None`: the dialog was closed).
    Path(Option<PathBuf>, ReportRequest),
    /// The report was written to this file, or why not.
    Written(Result<PathBuf, String>),
    /// The findings workbook to read the answers of (`None`: the dialog was closed).
    AnswersPath(Option<PathBuf>),
    /// The answers read from a workbook, or why not.
    Answers(Result<(PathBuf, Vec<Answer>), String>),
}

impl ReportEvent {
    pub(super) fn ends_dialog(&self) -> bool {
        matches!(self, ReportEvent::Path(..) | ReportEvent::AnswersPath(_))
    }

    pub(super) fn ends_work(&self) -> bool {
        matches!(self, ReportEvent::Written(_) | ReportEvent::Answers(_))
    }
}

/// The export dialog: open or not, and what it asks for.
#[derive(Default)]
pub struct ReportDialog {
    pub open: bool,
    pub request: ReportRequest,
}

/// The reviewer's texts: edited here, kept in the review (a command per change).
pub fn report_texts_ui(
    ui: &mut egui::Ui,
    texts: &ReportTexts,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.heading(tr(lang, Tr::ReportHeading));
    ui.label(egui::RichText::new(tr(lang, Tr::ReportTextsHint)).weak());
    let mut edited = texts.clone();
    egui::Grid::new("report_texts")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (key, text) in [
                (Tr::ReportReviewer, &mut edited.reviewer),
                (Tr::ReportOrganisation, &mut edited.organisation),
            ] {
                let label = ui.label(tr(lang, key));
                ui.add(egui::TextEdit::singleline(text).desired_width(360.0))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    for (key, text) in [
        (Tr::ReportSummary, &mut edited.summary),
        (Tr::ReportRecommendations, &mut edited.recommendations),
    ] {
        let label = ui.strong(tr(lang, key));
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    }
    if &edited != texts {
        commands.push(Command::SetReportTexts(edited));
    }
    if ui.button(tr(lang, Tr::ReportExport)).clicked() {
        commands.push(Command::ReportDialog);
    }
}

impl MigreviewApp {
    /// Applies a command of the review report.
    pub(super) fn apply_report_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::SetReportTexts(texts) if self.session.review.report != texts => {
                self.session.review.report = texts;
                self.review_changed(ctx);
            }
            Command::ReportDialog => {
                self.report_dialog.open = true;
                self.report_dialog.request.country = self.session.review.country.clone();
                self.report_dialog.request.lang = lang;
            }
            Command::ExportReportDialog(request) => {
                self.report_dialog.open = false;
                let suggested = self.save_path(report_file_name(&request));
                let title = tr(lang, Tr::ReportDialogTitle).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-report-dialog", move || {
                        let extension = request.format.extension();
                        let dialog = super::jobs::save_dialog(title, extension, &suggested);
                        JobEvent::Report(ReportEvent::Path(dialog.save_file(), request))
                    });
            }
            Command::ExportReportTo(path, request) => {
                let job = self.report_job(request);
                self.jobs.spawn_work(ctx, "migreview-report", move || {
                    JobEvent::Report(ReportEvent::Written(job.write(&path)))
                });
            }
            Command::ImportAnswersDialog => {
                let title = tr(lang, Tr::ImportAnswers).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-answers-dialog", move || {
                        let picked = rfd::FileDialog::new()
                            .set_title(title)
                            .add_filter("xlsx", &["xlsx", "xls", "ods"])
                            .pick_file();
                        JobEvent::Report(ReportEvent::AnswersPath(picked))
                    });
            }
            Command::ImportAnswersFrom(path) => {
                self.jobs.spawn_work(ctx, "migreview-answers", move || {
                    let read = std::fs::read(&path)
                        .map_err(|e| format!("{}: cannot read the answers: {e}", path.display()))
                        .and_then(|bytes| {
                            read_answers(&bytes).map_err(|e| format!("{}: {e}", path.display()))
                        })
                        .map(|answers| (path, answers));
                    JobEvent::Report(ReportEvent::Answers(read))
                });
            }
            _ => {}
        }
    }

    /// Takes in what a job of the report said.
    pub(super) fn on_report_event(&mut self, event: ReportEvent, ctx: &egui::Context) {
        match event {
            ReportEvent::AnswersPath(Some(path)) => {
                self.commands.push(Command::ImportAnswersFrom(path));
            }
            ReportEvent::AnswersPath(None) => {}
            ReportEvent::Answers(Ok((path, answers))) => {
                let message = self.take_answers(&path, &answers, ctx);
                self.push_message(MessageLevel::Info, message);
            }
            ReportEvent::Answers(Err(error)) => {
                log::warn!("{error}");
                self.push_message(MessageLevel::Error, error);
            }
            ReportEvent::Path(Some(path), request) => {
                let path = with_extension(path, request.format);
                self.commands.push(Command::ExportReportTo(path, request));
            }
            ReportEvent::Path(None, _) => {}
            ReportEvent::Written(Ok(path)) => {
                self.remember_saved(&path);
                let text = trf(
                    self.settings.lang,
                    Tr::ReportWritten,
                    &[&path.display().to_string()],
                );
                self.push_message(MessageLevel::Info, text);
            }
            ReportEvent::Written(Err(error)) => {
                log::warn!("{error}");
                self.push_message(MessageLevel::Error, error);
            }
        }
    }

    /// Takes the answers of a findings workbook into the review; returns what to tell the user.
    pub fn take_answers(&mut self, path: &Path, answers: &[Answer], ctx: &egui::Context) -> String {
        let current: HashSet<&str> = self
            .session
            .index
            .case_ids
            .iter()
            .map(String::as_str)
            .collect();
        let taken =
            self.session
                .review
                .take_answers(answers, &current, &crate::review::now_rfc3339());
        if !taken.changed.is_empty() {
            self.review_changed(ctx);
        }
        trf(
            self.settings.lang,
            Tr::AnswersTaken,
            &[
                &path.display().to_string(),
                &answers.len().to_string(),
                &taken.changed.len().to_string(),
                &taken.unmatched.len().to_string(),
                &taken.bad_status.len().to_string(),
            ],
        )
    }

    /// Everything a report is written from, owned, for a thread.
    fn report_job(&self, request: ReportRequest) -> ReportJob {
        ReportJob {
            report: self.session.report.clone(),
            coverage: self.session.coverage.clone(),
            review: self.session.review.clone(),
            synthetic: self.session.shows_synthetic_data(),
            source: self.chart_source().source,
            files: self
                .session
                .files
                .iter()
                .filter_map(|f| {
                    let read = f.result.as_ref().ok()?;
                    Some(bundle::ManifestFile {
                        name: f.name.clone(),
                        sha256: read.sha256.clone(),
                    })
                })
                .collect(),
            request,
        }
    }

    /// Writes the review report now, as the dialog's Export would (for tests and scripts).
    pub fn write_report(&self, path: &Path, request: ReportRequest) -> Result<PathBuf, String> {
        self.report_job(request).write(path)
    }

    /// The export dialog, when open.
    pub(super) fn report_dialog_ui(&mut self, ctx: &egui::Context) {
        if !self.report_dialog.open {
            return;
        }
        let lang = self.settings.lang;
        let reporters = &self.session.report.dataset.reporters;
        let mut open = true;
        let mut export = false;
        let request = &mut self.report_dialog.request;
        egui::Window::new(tr(lang, Tr::ReportDialogTitle))
            .id(egui::Id::unique("report_dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                egui::Grid::new("report_dialog_grid")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        let label = ui.label(tr(lang, Tr::CountryLabel));
                        let shown = request
                            .country
                            .as_deref()
                            .map(|c| country_label(c, lang))
                            .unwrap_or_else(|| tr(lang, Tr::AllCountries).to_string());
                        egui::ComboBox::from_id_salt("report_country")
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(
                                    &mut request.country,
                                    None,
                                    tr(lang, Tr::AllCountries),
                                );
                                for code in reporters {
                                    ui.selectable_value(
                                        &mut request.country,
                                        Some(code.clone()),
                                        country_label(code, lang),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        ui.label(tr(lang, Tr::LanguageLabel));
                        ui.horizontal(|ui| {
                            ui.selectable_value(&mut request.lang, Lang::En, "English");
                            ui.selectable_value(&mut request.lang, Lang::Ru, "Русский");
                        });
                        ui.end_row();
                        ui.label(tr(lang, Tr::ReportFormatLabel));
                        ui.vertical(|ui| {
                            for format in ReportFormat::ALL {
                                ui.radio_value(
                                    &mut request.format,
                                    format,
                                    format_name(lang, format),
                                );
                            }
                        });
                        ui.end_row();
                        ui.label("");
                        ui.checkbox(&mut request.bundle, tr(lang, Tr::ReportBundle))
                            .on_hover_text(tr(lang, Tr::ReportBundleHint));
                        ui.end_row();
                    });
                ui.add_space(8.0);
                export = ui.button(tr(lang, Tr::ReportChooseFile)).clicked();
            });
        if export {
            self.commands.push(Command::ExportReportDialog(
                self.report_dialog.request.clone(),
            ));
        }
        if !open {
            self.report_dialog.open = false;
        }
    }
}

/// What a report is written from, owned by the thread that writes it.
struct ReportJob {
    report: std::sync::Arc<crate::report::Report>,
    coverage: std::sync::Arc<crate::coverage::TableCoverage>,
    review: crate::review::Review,
    synthetic: bool,
    source: String,
    /// The input files with their SHA-256, for the bundle's manifest.
    files: Vec<bundle::ManifestFile>,
    request: ReportRequest,
}

impl ReportJob {
    fn write(&self, path: &Path) -> Result<PathBuf, String> {
        let report = &self.report;
        let settings = &report.settings;
        let built = ReviewReport::build(&ReportInputs {
            report,
            coverage: &self.coverage,
            review: Some(&self.review),
            assessment: self.review.assessment.as_ref(),
            assess_settings: &settings.assess,
            country: self.request.country.as_deref(),
            lang: self.request.lang,
            synthetic: self.synthetic,
            date: crate::review_report::today(),
        });
        let charts = ChartSources {
            mirror: &report.mirror,
            mirror_settings: &settings.mirror,
            coverage: &self.coverage,
            grade_bands: settings.assess.grade_bands,
            source: self.source.clone(),
        };
        let bytes = self.request.format.write(&built, &charts)?;
        crate::save::write_atomically(path, &bytes)
            .map_err(|e| format!("{}: cannot write the report: {e}", path.display()))?;
        if self.request.bundle {
            // The import options of each file are in the review; the bundle's are the defaults.
            let manifest = bundle::Manifest::new(
                self.request.country.clone(),
                self.files.clone(),
                self.request.format,
            );
            let zip = bundle::write(&bundle::BundleParts {
                manifest,
                report: &bytes,
                review: &self.review,
                settings,
                import_options: &crate::load::ImportOptions::default(),
            })?;
            let zip_path = path.with_extension("zip");
            crate::save::write_atomically(&zip_path, &zip)
                .map_err(|e| format!("{}: cannot write the bundle: {e}", zip_path.display()))?;
        }
        Ok(path.to_path_buf())
    }
}

/// `review_KAZ.docx`, `review.html` for every country.
fn report_file_name(request: &ReportRequest) -> String {
    let country = request
        .country
        .as_deref()
        .map(|c| format!("_{c}"))
        .unwrap_or_default();
    let lang = match request.lang {
        Lang::En => "",
        Lang::Ru => "_ru",
    };
    format!("review{country}{lang}.{}", request.format.extension())
}

/// The path with the format's extension, added when the dialog's name lacks it.
fn with_extension(path: PathBuf, format: ReportFormat) -> PathBuf {
    if ReportFormat::of_path(&path) == Some(format) {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(format.extension());
    PathBuf::from(name)
}

fn format_name(lang: Lang, format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Docx => tr(lang, Tr::ReportFormatDocx),
        ReportFormat::Html => tr(lang, Tr::ReportFormatHtml),
        ReportFormat::Xlsx => tr(lang, Tr::ReportFormatXlsx),
        ReportFormat::Json => tr(lang, Tr::ReportFormatJson),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_says_country_language_and_format() {
        let request = ReportRequest {
            country: Some("KAZ".into()),
            lang: Lang::Ru,
            format: ReportFormat::Docx,
            bundle: false,
        };
        assert_eq!(report_file_name(&request), "review_KAZ_ru.docx");
        assert_eq!(report_file_name(&ReportRequest::default()), "review.docx");
        assert_eq!(
            with_extension(PathBuf::from("/tmp/KAZ"), ReportFormat::Html),
            PathBuf::from("/tmp/KAZ.html")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/KAZ.DOCX"), ReportFormat::Docx),
            PathBuf::from("/tmp/KAZ.DOCX")
        );
    }
}
