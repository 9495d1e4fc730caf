//! Presenter view, for a projector: full screen, everything 1.5 times larger, a high-contrast
//! light palette that survives a washed-out projector, keyboard steps (→ ← next and previous
//! finding shown in its cell, Esc or F11 to leave), and the trainer's notes in a window of their
//! own that the projector does not show (a second viewport; inside the main window where the
//! system offers only one).

use super::MigreviewApp;
use super::command::Command;
use super::i18n::{Tr, tr};
use super::theme::Palette;
use super::workshop::open_lesson;
use crate::workshop::LessonText;
use egui::{Color32, RichText};

/// The zoom of the presenter view.
pub const PRESENTER_ZOOM: f32 = 1.5;

/// What the presenter view replaced, to put back when it ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Presenter {
    zoom: f32,
}

impl Palette {
    /// Colours for a projector: the same hues, stronger, on white.
    pub fn projector() -> Palette {
        Palette {
            error: Color32::from_rgb(190, 60, 0),
            warning: Color32::from_rgb(200, 120, 0),
            info: Color32::from_rgb(0, 90, 160),
            cell_alpha: 130,
            ..Palette::default()
        }
    }
}

/// Light visuals with black text and white panels: the most contrast a projector keeps.
fn projector_visuals() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(90);
    visuals
}

impl MigreviewApp {
    pub fn presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// Turns the presenter view on or off.
    pub(super) fn toggle_presenter(&mut self, ctx: &egui::Context) {
        match self.presenter.take() {
            Some(saved) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                ctx.set_zoom_factor(saved.zoom);
                ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
                self.palette = Palette::default();
                // The theme chosen in the settings comes back on the next frame.
                self.applied_dark = None;
            }
            None => {
                self.presenter = Some(Presenter {
                    zoom: ctx.zoom_factor(),
                });
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                ctx.set_zoom_factor(PRESENTER_ZOOM);
                ctx.set_visuals_of(egui::Theme::Light, projector_visuals());
                ctx.set_theme(egui::Theme::Light);
                self.palette = Palette::projector();
            }
        }
    }

    /// F11 turns the presenter view on and off; in it, Esc leaves, → and ← show the next and
    /// the previous finding in its cell.
    pub(super) fn presenter_keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let pressed = |key: egui::Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
        if pressed(egui::Key::F11) || (self.presenting() && pressed(egui::Key::Escape)) {
            self.commands.push(Command::TogglePresenter);
            return;
        }
        if self.quiz.is_some() && pressed(egui::Key::R) {
            self.commands.push(Command::RevealQuiz);
        }
        if !self.presenting() || self.quiz_hides_findings() {
            return;
        }
        let count = self.session.findings().len();
        if count == 0 {
            return;
        }
        let selected = self.findings_view.selected;
        let step = if pressed(egui::Key::ArrowRight) {
            Some(selected.map_or(0, |i| (i + 1).min(count - 1)))
        } else if pressed(egui::Key::ArrowLeft) {
            Some(selected.map_or(0, |i| i.saturating_sub(1)))
        } else {
            None
        };
        if let Some(i) = step {
            self.commands.push(Command::SelectFinding(Some(i)));
            self.commands.push(Command::ShowInData(i));
        }
    }

    /// The trainer's notes beside the presenter view: the lesson's script and the planted
    /// problems, in a window of their own.
    pub(super) fn trainer_notes_ui(&mut self, ctx: &egui::Context) {
        if !self.presenting() {
            return;
        }
        let lang = self.settings.lang;
        let lesson = open_lesson(&self.session);
        let planted = self.lesson_plants.len();
        let selected = self
            .findings_view
            .selected
            .and_then(|i| self.session.findings().get(i))
            .map(|f| format!("{} · {}", f.check, f.message(lang)));
        let title = tr(lang, Tr::PresenterNotes).to_string();
        let notes = move |ui: &mut egui::Ui| {
            match lesson {
                Some(lesson) => {
                    ui.heading(lesson.text(lang, LessonText::Title));
                    for (key, text) in [
                        (Tr::WorkshopShow, LessonText::Show),
                        (Tr::WorkshopAsk, LessonText::Ask),
                        (Tr::WorkshopExplain, LessonText::Explain),
                    ] {
                        ui.label(RichText::new(tr(lang, key)).strong());
                        ui.label(lesson.text(lang, text));
                        ui.add_space(6.0);
                    }
                    if planted > 0 {
                        ui.label(format!("{}: {planted}", tr(lang, Tr::WorkshopPlanted)));
                    }
                }
                None => {
                    ui.label(tr(lang, Tr::PresenterNoLesson));
                }
            }
            if let Some(finding) = &selected {
                ui.separator();
                ui.label(finding);
            }
            ui.separator();
            ui.label(RichText::new(tr(lang, Tr::PresenterKeys)).weak());
        };
        let id = egui::ViewportId::from_hash_of("migreview_trainer_notes");
        let builder = egui::ViewportBuilder::default()
            .with_title(format!("migreview — {title}"))
            .with_inner_size([520.0, 640.0]);
        // Where the system offers one window only, egui shows the viewport as a window inside
        // the main one.
        ctx.show_viewport_immediate(id, builder, move |ui, class| {
            if class == egui::ViewportClass::EmbeddedWindow {
                notes(ui);
            } else {
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| notes(ui));
                });
            }
        });
    }
}
