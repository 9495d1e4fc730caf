//! The Workshop panel: the lesson picker, the lesson's "why it matters" for the room, the
//! trainer's script, the planted problems (the answer key, shown on request), "Reset lesson"
//! and the export of the handouts.

use super::command::Command;
use super::i18n::{Tr, tr, trf};
use super::jobs::JobEvent;
use super::session::{Session, SessionSource};
use super::{MessageLevel, MigreviewApp};
use crate::model::Lang;
use crate::workshop::{Answer, Lesson, LessonText, answers, handouts, lessons};
use egui::RichText;
use std::path::PathBuf;

/// What the panel keeps between frames.
#[derive(Default)]
pub struct WorkshopView {
    /// The lesson shown (an index into [`lessons`]).
    selected: usize,
    /// The lesson open when the panel last followed the data, so that opening one selects it.
    followed: Option<String>,
    /// Whether the planted problems are shown.
    answers_shown: bool,
    /// The answer key of a lesson in a language, made when first shown.
    answers: Option<(String, Lang, Result<Vec<Answer>, String>)>,
}

/// What the handouts' jobs tell the window.
#[derive(Debug)]
pub enum WorkshopEvent {
    /// The folder chosen for a lesson's handouts (`None`: the dialog was closed).
    Folder(Option<PathBuf>, String),
    /// The handouts were written (the folder and the number of files), or why not.
    Written(Result<(PathBuf, usize), String>),
}

impl WorkshopEvent {
    pub(super) fn ends_dialog(&self) -> bool {
        matches!(self, WorkshopEvent::Folder(..))
    }

    pub(super) fn ends_work(&self) -> bool {
        matches!(self, WorkshopEvent::Written(_))
    }
}

/// The lesson whose data are open, if any.
pub fn open_lesson(session: &Session) -> Option<&'static Lesson> {
    match &session.source {
        SessionSource::Lesson(id) => crate::workshop::lesson(id),
        _ => None,
    }
}

impl WorkshopView {
    pub fn workshop_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let all = lessons();
        let open = open_lesson(session);
        if let Some(lesson) = open
            && self.followed.as_deref() != Some(lesson.id.as_str())
        {
            self.followed = Some(lesson.id.clone());
            self.selected = all.iter().position(|l| l.id == lesson.id).unwrap_or(0);
        }
        egui::Panel::left("lesson_list")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| {
                ui.heading(tr(lang, Tr::WorkshopLessons));
                ui.add_space(4.0);
                egui::ScrollArea::vertical()
                    .id_salt("lesson_list_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for (i, lesson) in all.iter().enumerate() {
                            let mut title =
                                format!("{}. {}", i + 1, lesson.text(lang, LessonText::Title));
                            if open.is_some_and(|o| o.id == lesson.id) {
                                title.push_str(" ●");
                            }
                            if ui.selectable_label(self.selected == i, title).clicked() {
                                self.selected = i;
                            }
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(lesson) = all.get(self.selected) else {
                ui.label(tr(lang, Tr::WorkshopNoLessons));
                return;
            };
            egui::ScrollArea::vertical()
                .id_salt("lesson_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.lesson_ui(ui, lesson, open, lang, commands));
        });
    }

    fn lesson_ui(
        &mut self,
        ui: &mut egui::Ui,
        lesson: &Lesson,
        open: Option<&Lesson>,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        ui.heading(RichText::new(lesson.text(lang, LessonText::Title)).size(26.0));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let is_open = open.is_some_and(|o| o.id == lesson.id);
            let (key, hint) = if is_open {
                (Tr::WorkshopResetLesson, Tr::WorkshopResetHint)
            } else {
                (Tr::WorkshopOpenLesson, Tr::WorkshopOpenHint)
            };
            if ui
                .button(tr(lang, key))
                .on_hover_text(tr(lang, hint))
                .clicked()
            {
                commands.push(Command::OpenLesson(lesson.id.clone()));
            }
            if ui
                .button(tr(lang, Tr::WorkshopExportHandouts))
                .on_hover_text(tr(lang, Tr::WorkshopExportHint))
                .clicked()
            {
                commands.push(Command::WorkshopHandoutsDialog(lesson.id.clone()));
            }
        });
        ui.add_space(10.0);
        ui.label(RichText::new(tr(lang, Tr::WorkshopWhy)).strong().size(18.0));
        ui.label(RichText::new(lesson.text(lang, LessonText::Why)).size(18.0));
        ui.add_space(10.0);
        ui.separator();
        ui.label(RichText::new(tr(lang, Tr::WorkshopScript)).strong());
        for (key, text) in [
            (Tr::WorkshopShow, LessonText::Show),
            (Tr::WorkshopAsk, LessonText::Ask),
            (Tr::WorkshopExplain, LessonText::Explain),
        ] {
            ui.label(RichText::new(tr(lang, key)).weak());
            ui.label(lesson.text(lang, text));
            ui.add_space(4.0);
        }
        ui.separator();
        ui.checkbox(&mut self.answers_shown, tr(lang, Tr::WorkshopShowAnswers));
        if self.answers_shown {
            self.answers_ui(ui, lesson, lang);
        }
    }

    /// The planted problems with what the checks report of each.
    fn answers_ui(&mut self, ui: &mut egui::Ui, lesson: &Lesson, lang: Lang) {
        let current = self
            .answers
            .as_ref()
            .is_some_and(|(id, made_in, _)| *id == lesson.id && *made_in == lang);
        if !current {
            let made = answers(lesson, lang).map_err(|e| e.to_string());
            self.answers = Some((lesson.id.clone(), lang, made));
        }
        let Some((_, _, made)) = &self.answers else {
            return;
        };
        match made {
            Ok(answers) => {
                for (n, answer) in answers.iter().enumerate() {
                    ui.label(RichText::new(format!("{}. {}", n + 1, answer.description)).strong());
                    for finding in &answer.findings {
                        let place = finding
                            .location
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default();
                        let message = match lang {
                            Lang::En => &finding.message,
                            Lang::Ru => &finding.message_ru,
                        };
                        ui.label(format!("    {} · {place} · {message}", finding.check));
                    }
                    ui.add_space(4.0);
                }
            }
            Err(error) => {
                ui.label(RichText::new(error).color(egui::Color32::RED));
            }
        }
    }
}

impl MigreviewApp {
    /// Applies a command of the Workshop panel.
    pub(super) fn apply_workshop_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::WorkshopHandoutsDialog(lesson) => {
                let title = tr(lang, Tr::WorkshopExportHandouts).to_string();
                let folder = self.settings.save_folder.clone();
                self.jobs
                    .spawn_dialog(ctx, "migreview-handouts-dialog", move || {
                        let mut dialog = rfd::FileDialog::new().set_title(title);
                        if let Some(folder) = folder.filter(|f| f.is_dir()) {
                            dialog = dialog.set_directory(folder);
                        }
                        JobEvent::Workshop(WorkshopEvent::Folder(dialog.pick_folder(), lesson))
                    });
            }
            Command::WorkshopHandoutsTo { dir, lesson } => {
                self.jobs.spawn_work(ctx, "migreview-handouts", move || {
                    let written = match crate::workshop::lesson(&lesson) {
                        Some(lesson) => handouts::export(lesson, lang, &dir)
                            .map(|files| (dir, files.len()))
                            .map_err(|e| e.to_string()),
                        None => Err(format!("no lesson {lesson}")),
                    };
                    JobEvent::Workshop(WorkshopEvent::Written(written))
                });
            }
            _ => {}
        }
    }

    /// Takes in what a job of the handouts said.
    pub(super) fn on_workshop_event(&mut self, event: WorkshopEvent) {
        match event {
            WorkshopEvent::Folder(Some(dir), lesson) => {
                self.commands
                    .push(Command::WorkshopHandoutsTo { dir, lesson });
            }
            WorkshopEvent::Folder(None, _) => {}
            WorkshopEvent::Written(Ok((dir, files))) => {
                self.settings.save_folder = Some(dir.clone());
                let text = trf(
                    self.settings.lang,
                    Tr::WorkshopHandoutsWritten,
                    &[&files.to_string(), &dir.display().to_string()],
                );
                self.push_message(MessageLevel::Info, text);
            }
            WorkshopEvent::Written(Err(error)) => {
                log::warn!("{error}");
                self.push_message(MessageLevel::Error, error);
            }
        }
    }
}
