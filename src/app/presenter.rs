//! Presenter view, for a projector: full screen, everything 1.5 times larger, a high-contrast
//! light palette that survives a washed-out projector, the side panels and the findings'
//! filters folded (a button unfolds each; leaving shows them as they were), keyboard steps (→ shows a finding's
//! cell, then its chart when it has one, then its explanation, then the next finding; ← the
//! previous finding; Esc or F11 leaves), and the trainer's notes in a window of their
//! own that the projector does not show (a second viewport; inside the main window where the
//! system offers only one).

use super::command::Command;
use super::i18n::{Tr, tr};
use super::theme::Palette;
use super::widgets::fold_side_panels;
use super::workshop::{open_lesson, script_ui};
use super::{MigreviewApp, Panel};
use crate::workshop::LessonText;
use egui::{Color32, RichText};

/// The zoom of the presenter view.
pub const PRESENTER_ZOOM: f32 = 1.5;

/// What the presenter view replaced, to put back when it ends, and where the steps are.
#[derive(Clone, Debug, PartialEq)]
pub struct Presenter {
    zoom: f32,
    /// The finding shown and its step: 0 its cell, 1 its chart, 2 its explanation.
    step: Option<(usize, u8)>,
}

/// The pair of a mirror finding (sender, receiver), whose series is its chart. An M1 finding
/// is about Table 3 of the receiving country: its reporter receives from its category.
fn mirror_pair(finding: &crate::checks::Finding) -> Option<(String, String)> {
    if finding.check != crate::checks::CheckCode::M1 {
        return None;
    }
    Some((
        finding.category.as_deref()?.to_string(),
        finding.reporter.as_deref()?.to_string(),
    ))
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
                fold_side_panels(ctx, false);
                // The theme chosen in the settings comes back on the next frame.
                self.applied_dark = None;
            }
            None => {
                self.presenter = Some(Presenter {
                    zoom: ctx.zoom_factor(),
                    step: None,
                });
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                ctx.set_zoom_factor(PRESENTER_ZOOM);
                ctx.set_visuals_of(egui::Theme::Light, projector_visuals());
                ctx.set_theme(egui::Theme::Light);
                self.palette = Palette::projector();
                fold_side_panels(ctx, true);
            }
        }
    }

    /// F11 turns the presenter view on and off; in it, Esc leaves, → steps through each
    /// finding (its cell, its chart, its explanation) and ← goes back a finding; R reveals a
    /// quiz.
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
        let at = self.presenter.as_ref().and_then(|p| p.step);
        let has_chart = |i: usize| {
            self.session
                .findings()
                .get(i)
                .and_then(mirror_pair)
                .is_some()
        };
        let next = if pressed(egui::Key::ArrowRight) {
            // The steps start at the finding selected, if any.
            Some(match at {
                None => (self.findings_view.selected.unwrap_or(0).min(count - 1), 0),
                Some((i, 0)) if has_chart(i) => (i, 1),
                Some((i, 0 | 1)) => (i, 2),
                Some((i, _)) => ((i + 1).min(count - 1), 0),
            })
        } else if pressed(egui::Key::ArrowLeft) {
            Some(at.map_or((0, 0), |(i, _)| (i.saturating_sub(1), 0)))
        } else {
            None
        };
        if let Some((i, phase)) = next {
            if let Some(presenter) = self.presenter.as_mut() {
                presenter.step = Some((i, phase));
            }
            self.show_step(i, phase);
        }
    }

    /// One step of the reveal: the finding's cell in Data, its chart, or its explanation.
    fn show_step(&mut self, i: usize, phase: u8) {
        self.commands.push(Command::SelectFinding(Some(i)));
        let pair = self.session.findings().get(i).and_then(mirror_pair);
        match (phase, pair) {
            (0, _) => self.commands.push(Command::ShowInData(i)),
            (1, Some((sender, receiver))) => {
                self.commands.push(Command::SelectPair { sender, receiver });
            }
            _ => self.commands.push(Command::ShowPanel(Panel::Findings)),
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
                    script_ui(ui, lesson, lang);
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
