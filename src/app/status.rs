//! The window's bars: the activity bar (a load's progress, errors and warnings), the notes that
//! float over the bottom right, and the status bar,
//! and the overlay shown while files are dragged over the window.

use super::i18n::{Tr, tr, trf};
use super::jobs::{LoadPhase, LoadRequest};
use super::{Command, MessageLevel, MigreviewApp};
use egui::RichText;

impl MigreviewApp {
    pub(super) fn activity_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        if let Some(load) = self.jobs.running_load() {
            ui.horizontal(|ui| {
                let what = match &load.request {
                    LoadRequest::Sample | LoadRequest::CleanSample => {
                        tr(lang, Tr::SampleData).to_string()
                    }
                    LoadRequest::Lesson { id, .. } => crate::workshop::lesson(id)
                        .map_or(id.clone(), |l| {
                            l.text(lang, crate::workshop::LessonText::Title)
                        }),
                    LoadRequest::Files(paths) => paths
                        .iter()
                        .map(|p| crate::load::display_name(p))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                let (text, fraction) = match load.phase() {
                    LoadPhase::Reading => (
                        trf(lang, Tr::LoadingWhat, &[&what]),
                        Some(load.control.fraction()),
                    ),
                    LoadPhase::Opening => (tr(lang, Tr::PreparingView).to_string(), None),
                    LoadPhase::Checking => (tr(lang, Tr::ChecksRunningData).to_string(), None),
                };
                ui.label(text);
                match fraction {
                    Some(f) => {
                        ui.add(
                            egui::ProgressBar::new(f)
                                .desired_width(240.0)
                                .show_percentage(),
                        );
                    }
                    None => {
                        ui.add(egui::Spinner::new());
                    }
                }
                if load.cancellable() && ui.button(tr(lang, Tr::Cancel)).clicked() {
                    self.commands.push(Command::CancelLoad);
                }
            });
        }
        // Errors and warnings stay above the panels until dismissed; notes float (below).
        let shown: Vec<usize> = (0..self.messages.len())
            .filter(|&i| self.messages[i].level != MessageLevel::Info)
            .collect();
        self.messages_ui(ui, &shown);
    }

    /// The messages `shown` (by index), each with its Dismiss button, and Dismiss all when
    /// there are several messages.
    fn messages_ui(&mut self, ui: &mut egui::Ui, shown: &[usize]) {
        let lang = self.settings.lang;
        let mut dismiss = None;
        for &i in shown {
            let Some(message) = self.messages.get(i) else {
                continue;
            };
            ui.horizontal(|ui| {
                let (color, word) = match message.level {
                    MessageLevel::Error => (self.palette.error, tr(lang, Tr::ErrorWord)),
                    MessageLevel::Warning => (self.palette.warning, tr(lang, Tr::WarningWord)),
                    MessageLevel::Info => (self.palette.info, tr(lang, Tr::InfoWord)),
                };
                ui.colored_label(color, RichText::new(word).strong());
                ui.add(egui::Label::new(&message.text).wrap());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button(tr(lang, Tr::Dismiss)).clicked() {
                        dismiss = Some(i);
                    }
                });
            });
        }
        if let Some(i) = dismiss {
            self.commands.push(Command::Dismiss(i));
        }
        if shown.len() > 1 && ui.small_button(tr(lang, Tr::DismissAll)).clicked() {
            self.commands.push(Command::DismissAll);
        }
    }

    /// Whether the bar above the panels has something to show: a load, an error or a warning.
    pub(super) fn has_activity(&self) -> bool {
        self.jobs.running_load().is_some()
            || self.messages.iter().any(|m| m.level != MessageLevel::Info)
    }

    /// Notes ("written to …", "undone") float over the bottom right of the window until
    /// dismissed, so that they never push a panel under the mouse.
    pub(super) fn notes_ui(&mut self, ctx: &egui::Context) {
        let shown: Vec<usize> = (0..self.messages.len())
            .filter(|&i| self.messages[i].level == MessageLevel::Info)
            .collect();
        if shown.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("notes"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(560.0);
                    self.messages_ui(ui, &shown);
                });
            });
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let summary = &self.session.report.dataset;
        ui.horizontal(|ui| {
            // While the checks run, or a quiz hides the findings, their number is not told.
            ui.label(if self.quiz_hides_findings() {
                crate::t!(
                    lang,
                    "status-summary-quiz",
                    observations = summary.observations,
                    reporters = summary.reporters.len(),
                )
            } else if self.session.checking {
                crate::t!(
                    lang,
                    "status-summary-checking",
                    observations = summary.observations,
                    reporters = summary.reporters.len(),
                )
            } else {
                crate::t!(
                    lang,
                    "status-summary",
                    observations = summary.observations,
                    reporters = summary.reporters.len(),
                    findings = self.session.findings().len(),
                )
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(path) = &self.session.review_path
                    && self.session.review_state.saves()
                {
                    ui.label(
                        RichText::new(trf(
                            lang,
                            Tr::ReviewSavedTo,
                            &[&crate::load::display_name(path)],
                        ))
                        .weak(),
                    )
                    .on_hover_text(path.display().to_string());
                }
            });
        });
    }

    pub(super) fn paint_drop_overlay(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_overlay"),
        ));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            tr(self.settings.lang, Tr::DropToOpen),
            egui::TextStyle::Heading.resolve(&ctx.global_style()),
            egui::Color32::WHITE,
        );
    }
}
