//! The Workshop panel: the lesson picker, the lesson's "why it matters" for the room, the
//! trainer's script, the planted problems (the answer key, shown on request), "Reset lesson"
//! and the export of the handouts.

use super::command::Command;
use super::i18n::{Tr, tr, trf};
use super::jobs::JobEvent;
use super::session::{Session, SessionSource};
use super::{MessageLevel, MigreviewApp};
use crate::model::Lang;
use crate::model::ObsKey;
use crate::workshop::quiz::{QuizScore, score};
use crate::workshop::{Answer, Fault, FaultKind, Lesson, LessonText, answers, handouts, lessons};
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
    /// The problems planted live, in words, for the lesson and language they were told in
    /// (telling them reads the lesson's clean sample, which is not made again each frame).
    planted_told: Option<(String, Lang, Vec<Fault>, Vec<String>)>,
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

/// A quiz: the cells the room marked, and, once revealed, the score.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quiz {
    pub marks: Vec<ObsKey>,
    /// The score, once the findings are revealed.
    pub score: Option<QuizScore>,
}

impl Quiz {
    /// Whether the findings are shown again and the marks scored.
    pub fn revealed(&self) -> bool {
        self.score.is_some()
    }
}

/// Scores a quiz's marks against the session's findings (each with the cells it is about).
pub fn score_quiz(session: &Session, marks: &[ObsKey]) -> QuizScore {
    let mut cells: Vec<Vec<ObsKey>> = vec![Vec::new(); session.findings().len()];
    for (key, findings) in &session.index.by_cell {
        for &i in findings {
            if let Some(list) = cells.get_mut(i as usize) {
                list.push(*key);
            }
        }
    }
    let findings: Vec<(crate::checks::CheckCode, Vec<ObsKey>)> = session
        .findings()
        .iter()
        .zip(cells)
        .map(|(f, cells)| (f.check, cells))
        .collect();
    score(&findings, marks)
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
        planted: &[Fault],
        quiz: Option<&Quiz>,
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
        super::widgets::SidePanel {
            id: "lesson_list",
            left: true,
            default_size: 300.0,
            min_size: 220.0,
            max_share: 0.3,
        }
        .show(ui, lang, |ui| {
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
                    ui.add_space(12.0);
                    if ui
                        .button(tr(lang, Tr::WorkshopWholeSample))
                        .on_hover_text(tr(lang, Tr::WorkshopWholeSampleHint))
                        .clicked()
                    {
                        commands.push(Command::OpenCleanSample);
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
                .show(ui, |ui| {
                    self.lesson_ui(ui, lesson, open, lang, commands);
                    if open.is_some_and(|o| o.id == lesson.id) {
                        quiz_ui(ui, session, quiz, lang, commands);
                        self.planted_ui(ui, lesson, planted, lang, commands);
                    }
                });
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
        script_ui(ui, lesson, lang);
        ui.separator();
        ui.checkbox(&mut self.answers_shown, tr(lang, Tr::WorkshopShowAnswers));
        if self.answers_shown {
            self.answers_ui(ui, lesson, lang);
        }
    }

    /// The problems planted live into the open lesson, each with its undo.
    fn planted_ui(
        &mut self,
        ui: &mut egui::Ui,
        lesson: &Lesson,
        planted: &[Fault],
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        ui.separator();
        ui.label(RichText::new(tr(lang, Tr::WorkshopPlanted)).strong());
        if planted.is_empty() {
            ui.label(RichText::new(tr(lang, Tr::WorkshopPlantHint)).weak());
            return;
        }
        let current = self
            .planted_told
            .as_ref()
            .is_some_and(|(id, told_in, faults, _)| {
                *id == lesson.id && *told_in == lang && faults.as_slice() == planted
            });
        if !current {
            let base = lesson.base();
            let told = planted
                .iter()
                .map(|fault| crate::workshop::describe(fault, &base, lang))
                .collect();
            self.planted_told = Some((lesson.id.clone(), lang, planted.to_vec(), told));
        }
        let Some((_, _, _, told)) = &self.planted_told else {
            return;
        };
        for (i, text) in told.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .button(tr(lang, Tr::WorkshopUndoPlant))
                    .on_hover_text(tr(lang, Tr::WorkshopUndoPlantHint))
                    .clicked()
                {
                    commands.push(Command::UndoPlant(i));
                }
                ui.label(text);
            });
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
                        ui.label(format!(
                            "    {} · {place} · {}",
                            finding.check,
                            finding.message(lang)
                        ));
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

/// The trainer's script: what to show, what to ask, the explanation (the Workshop panel and
/// the presenter's notes).
pub fn script_ui(ui: &mut egui::Ui, lesson: &Lesson, lang: Lang) {
    for (key, text) in [
        (Tr::WorkshopShow, LessonText::Show),
        (Tr::WorkshopAsk, LessonText::Ask),
        (Tr::WorkshopExplain, LessonText::Explain),
    ] {
        ui.label(RichText::new(tr(lang, key)).weak());
        ui.label(lesson.text(lang, text));
        ui.add_space(4.0);
    }
}

/// The quiz: start it, mark cells in Data, reveal, and the score.
fn quiz_ui(
    ui: &mut egui::Ui,
    session: &Session,
    quiz: Option<&Quiz>,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.separator();
    ui.label(RichText::new(tr(lang, Tr::QuizTitle)).strong());
    let Some(quiz) = quiz else {
        ui.label(RichText::new(tr(lang, Tr::QuizHint)).weak());
        if ui.button(tr(lang, Tr::QuizStart)).clicked() {
            commands.push(Command::StartQuiz);
        }
        return;
    };
    match &quiz.score {
        None => {
            ui.label(trf(lang, Tr::QuizMarked, &[&quiz.marks.len().to_string()]));
            ui.horizontal(|ui| {
                if ui
                    .button(tr(lang, Tr::QuizReveal))
                    .on_hover_text(tr(lang, Tr::QuizRevealHint))
                    .clicked()
                {
                    commands.push(Command::RevealQuiz);
                }
                if ui.button(tr(lang, Tr::QuizEnd)).clicked() {
                    commands.push(Command::EndQuiz);
                }
            });
        }
        Some(score) => {
            ui.label(
                RichText::new(trf(
                    lang,
                    Tr::QuizScore,
                    &[
                        &score.hits().to_string(),
                        &score.false_alarms().to_string(),
                        &score.missed.len().to_string(),
                    ],
                ))
                .size(18.0),
            );
            egui::Grid::new("quiz_families")
                .striped(true)
                .show(ui, |ui| {
                    ui.label(RichText::new(tr(lang, Tr::QuizFamily)).strong());
                    ui.label(RichText::new(tr(lang, Tr::QuizFound)).strong());
                    ui.end_row();
                    for family in &score.families {
                        ui.label(crate::i18n::catalogue().text(lang, family.name_id));
                        ui.label(format!("{} / {}", family.found, family.total));
                        ui.end_row();
                    }
                });
            if !score.missed.is_empty() {
                ui.label(RichText::new(tr(lang, Tr::QuizMissed)).strong());
                for &i in score.missed.iter().take(30) {
                    if let Some(f) = session.findings().get(i) {
                        ui.label(format!("{} · {}", f.check, f.message(lang)));
                    }
                }
            }
            ui.label(RichText::new(tr(lang, Tr::QuizStepHint)).weak());
            if ui.button(tr(lang, Tr::QuizEnd)).clicked() {
                commands.push(Command::EndQuiz);
            }
        }
    }
}

/// The cell's "Plant a problem" menu (Data, right click, when a lesson is open): each kind of
/// problem a statistician makes by hand, planted into this cell, its row or its column.
pub fn plant_menu_ui(
    ui: &mut egui::Ui,
    session: &Session,
    obs_index: u32,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let Some(obs) = session.dataset.get(obs_index as usize) else {
        return;
    };
    let data = &session.dataset;
    let at = |kind: FaultKind| Fault {
        kind,
        reporter: data.str(obs.reporter).to_string(),
        table: obs.table.code().to_string(),
        category: data.str(obs.category).to_string(),
        age: data.str(obs.age).to_string(),
        sex: obs.sex.code().to_string(),
        year: obs.year,
    };
    let value = obs.value().number();
    ui.menu_button(tr(lang, Tr::PlantMenu), |ui| {
        if let Some(value) = value {
            ui.horizontal(|ui| {
                let id = egui::Id::unique(("plant_value", obs_index));
                let mut new = ui.data_mut(|d| *d.get_temp_mut_or(id, value + 100.0));
                let label = ui.label(tr(lang, Tr::PlantNewValue));
                ui.add(egui::DragValue::new(&mut new).speed(10.0).range(0.0..=1e9))
                    .labelled_by(label.id);
                ui.data_mut(|d| d.insert_temp(id, new));
                if ui.button(tr(lang, Tr::PlantSet)).clicked() {
                    commands.push(Command::PlantFault(at(FaultKind::Set {
                        value: new.round(),
                    })));
                    ui.close();
                }
            });
            if ui.button(tr(lang, Tr::PlantTimesTen)).clicked() {
                commands.push(Command::PlantFault(at(FaultKind::Times { factor: 10.0 })));
                ui.close();
            }
        }
        let items = [
            (Tr::PlantSwapSexes, FaultKind::SwapSexes),
            (Tr::PlantDuplicateRow, FaultKind::DuplicateRow),
            (Tr::PlantDeleteYear, FaultKind::DeleteYear),
            (Tr::PlantText, FaultKind::Text),
            (Tr::PlantShiftYear, FaultKind::ShiftYear),
        ];
        for (key, kind) in items {
            if kind == FaultKind::Text && value.is_none() {
                continue;
            }
            if ui.button(tr(lang, key)).clicked() {
                commands.push(Command::PlantFault(at(kind)));
                ui.close();
            }
        }
    });
}

impl MigreviewApp {
    /// Whether a quiz hides the findings (it runs and is not revealed yet).
    pub fn quiz_hides_findings(&self) -> bool {
        self.quiz.as_ref().is_some_and(|q| q.score.is_none())
    }

    /// The quiz, when one runs.
    pub fn quiz(&self) -> Option<&Quiz> {
        self.quiz.as_ref()
    }

    /// Opens the lesson again with the problems planted so far, keeping the room's marks; the
    /// findings of now are remembered, to show the new ones once the checks have run.
    fn reload_lesson(&mut self, ctx: &egui::Context) {
        let SessionSource::Lesson(id) = &self.session.source else {
            return;
        };
        let before = self.session.index.case_ids.iter().cloned().collect();
        self.before_plant = Some(before);
        let request = super::jobs::LoadRequest::Lesson {
            id: id.clone(),
            planted: self.lesson_plants.clone(),
            triage: Some(self.session.review.triage.clone()),
        };
        self.start_load(request, ctx);
    }

    /// Once the checks have run again after a plant: says what is new, and shows the first new
    /// finding in its cell.
    pub(super) fn show_planted_findings(&mut self) {
        let Some(before) = self.before_plant.take() else {
            return;
        };
        let lang = self.settings.lang;
        let new: Vec<usize> = (0..self.session.findings().len())
            .filter(|&i| !before.contains(self.session.case_id(i)))
            .collect();
        let mut codes: Vec<&str> = new
            .iter()
            .filter_map(|&i| self.session.findings().get(i))
            .map(|f| f.check.as_str())
            .collect();
        codes.dedup();
        let text = if new.is_empty() {
            tr(lang, Tr::PlantNothingNew).to_string()
        } else {
            trf(
                lang,
                Tr::PlantNewFindings,
                &[&new.len().to_string(), &codes.join(", ")],
            )
        };
        self.push_message(MessageLevel::Info, text);
        if let Some(&first) = new.first() {
            self.commands.push(Command::SelectFinding(Some(first)));
            self.commands.push(Command::ShowInData(first));
        }
    }

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
            Command::StartQuiz => {
                self.quiz = Some(Quiz::default());
                self.commands.push(Command::SelectFinding(None));
            }
            Command::QuizMark(key) => {
                if let Some(quiz) = self.quiz.as_mut().filter(|q| q.score.is_none()) {
                    match quiz.marks.iter().position(|m| *m == key) {
                        Some(at) => {
                            quiz.marks.remove(at);
                        }
                        None => quiz.marks.push(key),
                    }
                }
            }
            Command::RevealQuiz => {
                if let Some(quiz) = self.quiz.as_mut() {
                    quiz.score = Some(score_quiz(&self.session, &quiz.marks));
                }
            }
            Command::EndQuiz => self.quiz = None,
            Command::PlantFault(fault) => {
                self.lesson_plants.push(fault);
                self.reload_lesson(ctx);
            }
            Command::UndoPlant(i) if i < self.lesson_plants.len() => {
                self.lesson_plants.remove(i);
                self.reload_lesson(ctx);
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
