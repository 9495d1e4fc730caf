//! The window's bars: the activity bar (a load's progress, the messages) and the status bar,
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
                    LoadRequest::Sample => tr(lang, Tr::SampleData).to_string(),
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
        let mut dismiss = None;
        for (i, message) in self.messages.iter().enumerate() {
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
        if self.messages.len() > 1 && ui.small_button(tr(lang, Tr::DismissAll)).clicked() {
            self.commands.push(Command::DismissAll);
        }
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let summary = &self.session.report.dataset;
        ui.horizontal(|ui| {
            ui.label(if self.session.checking {
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
