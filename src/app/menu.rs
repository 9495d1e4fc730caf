//! The menu bar (File, View) and the row of panel tabs with the language switch.

use super::MigreviewApp;
use super::OPEN_SHORTCUT;
use super::chart_export::{self, ChartFormat};
use super::command::{Command, Panel};
use super::i18n::{Tr, count_text, tr};
use crate::model::Lang;
use crate::review::ExportFormat;
use egui::{KeyboardShortcut, RichText};

impl MigreviewApp {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let busy = self.jobs.running_load().is_some();
        ui.menu_button(tr(lang, Tr::MenuFile), |ui| self.file_menu_ui(ui));
        ui.menu_button(tr(lang, Tr::MenuView), |ui| self.view_menu_ui(ui));
        if busy {
            ui.add(egui::Spinner::new());
        }
    }

    /// File: open, open the sample, recent files, export of findings and chart, quit.
    fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let open = egui::Button::new(tr(lang, Tr::OpenFiles))
            .shortcut_text(ui.ctx().format_shortcut(&OPEN_SHORTCUT));
        if ui.add(open).clicked() {
            self.commands.push(Command::OpenDialog);
            ui.close();
        }
        if ui.button(tr(lang, Tr::OpenSample)).clicked() {
            self.commands.push(Command::OpenSample);
            ui.close();
        }
        ui.menu_button(tr(lang, Tr::RecentFiles), |ui| self.recent_files_ui(ui));
        ui.separator();
        self.export_items_ui(ui);
        ui.separator();
        if ui.button(tr(lang, Tr::Quit)).clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            ui.close();
        }
    }

    /// The files opened lately, each opening them again, and a button that forgets them.
    fn recent_files_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        if self.settings.recent.is_empty() {
            ui.label(RichText::new(tr(lang, Tr::NoRecentFiles)).weak());
        }
        for entry in &self.settings.recent {
            let text = entry
                .iter()
                .map(|p| crate::load::display_name(p))
                .collect::<Vec<_>>()
                .join(", ");
            let hover = entry
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\n");
            if ui.button(text).on_hover_text(hover).clicked() {
                self.commands.push(Command::Open(entry.clone()));
                ui.close();
            }
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            if ui.button(tr(lang, Tr::ClearRecent)).clicked() {
                self.commands.push(Command::ClearRecent);
                ui.close();
            }
        }
    }

    /// The export of the findings (CSV, JSON) and of the chart shown (PNG, SVG).
    fn export_items_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let has_findings = !self.session.findings().is_empty();
        if ui
            .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ExportCsv)))
            .clicked()
        {
            self.commands.push(Command::ExportDialog(ExportFormat::Csv));
            ui.close();
        }
        if ui
            .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ExportXlsx)))
            .clicked()
        {
            self.commands
                .push(Command::ExportDialog(ExportFormat::Xlsx));
            ui.close();
        }
        if ui
            .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ExportJson)))
            .clicked()
        {
            self.commands
                .push(Command::ExportDialog(ExportFormat::Json));
            ui.close();
        }
        ui.separator();
        if ui
            .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ReportExport)))
            .clicked()
        {
            self.commands.push(Command::ReportDialog);
            ui.close();
        }
        if ui
            .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ImportAnswers)))
            .clicked()
        {
            self.commands.push(Command::ImportAnswersDialog);
            ui.close();
        }
        ui.separator();
        // The labels chosen beside the scatter's export buttons apply here too.
        let options = chart_export::ExportOptions::load(ui.ctx());
        let chart = self
            .shown_chart()
            .map(|chart| chart.with_export_options(options));
        for (format, key) in [
            (ChartFormat::Png, Tr::ExportChartPng),
            (ChartFormat::Svg, Tr::ExportChartSvg),
        ] {
            let item = ui
                .add_enabled(chart.is_some(), egui::Button::new(tr(lang, key)))
                .on_disabled_hover_text(tr(lang, Tr::NoChartHere));
            if item.clicked()
                && let Some(request) = &chart
            {
                self.commands
                    .push(Command::ExportChartDialog(request.clone(), format));
                ui.close();
            }
        }
    }

    /// View: panels, language, theme, zoom.
    fn view_menu_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        for panel in Panel::ALL {
            if ui
                .selectable_label(self.panel == panel, panel.title(lang))
                .clicked()
            {
                self.commands.push(Command::ShowPanel(panel));
                ui.close();
            }
        }
        ui.separator();
        let presenter = egui::Button::selectable(self.presenting(), tr(lang, Tr::PresenterView))
            .shortcut_text("F11");
        if ui.add(presenter).clicked() {
            self.commands.push(Command::TogglePresenter);
            ui.close();
        }
        ui.separator();
        ui.label(RichText::new(tr(lang, Tr::LanguageLabel)).weak());
        for (choice, name) in [(Lang::En, "English"), (Lang::Ru, "Русский")] {
            if ui.selectable_label(lang == choice, name).clicked() {
                self.commands.push(Command::SetLang(choice));
                ui.close();
            }
        }
        ui.separator();
        ui.label(RichText::new(tr(lang, Tr::ThemeLabel)).weak());
        if ui
            .selectable_label(!self.settings.dark, tr(lang, Tr::ThemeLight))
            .clicked()
        {
            self.commands.push(Command::SetDark(false));
            ui.close();
        }
        if ui
            .selectable_label(self.settings.dark, tr(lang, Tr::ThemeDark))
            .clicked()
        {
            self.commands.push(Command::SetDark(true));
            ui.close();
        }
        ui.separator();
        let ctx = ui.ctx().clone();
        let zoom = |key: Tr, shortcut: &KeyboardShortcut| {
            egui::Button::new(tr(lang, key)).shortcut_text(ctx.format_shortcut(shortcut))
        };
        if ui
            .add(zoom(Tr::ZoomIn, &egui::gui_zoom::kb_shortcuts::ZOOM_IN))
            .clicked()
        {
            self.commands.push(Command::ZoomIn);
        }
        if ui
            .add(zoom(Tr::ZoomOut, &egui::gui_zoom::kb_shortcuts::ZOOM_OUT))
            .clicked()
        {
            self.commands.push(Command::ZoomOut);
        }
        if ui
            .add(zoom(
                Tr::ZoomReset,
                &egui::gui_zoom::kb_shortcuts::ZOOM_RESET,
            ))
            .clicked()
        {
            self.commands.push(Command::ZoomReset);
        }
    }

    /// The panel tabs, wrapping onto a second line when the window is narrow or zoomed (a
    /// projector at 150 %), then the language switch.
    pub(super) fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        ui.horizontal_wrapped(|ui| {
            for panel in Panel::ALL {
                let mut text = RichText::new(panel.title(lang)).heading();
                // While the checks run, the tab has no count yet.
                if panel == Panel::Findings && !self.session.checking && !self.quiz_hides_findings()
                {
                    let n = self.session.findings().len();
                    text = RichText::new(format!(
                        "{} ({})",
                        panel.title(lang),
                        count_text(lang, n as f64)
                    ))
                    .heading();
                }
                if ui.selectable_label(self.panel == panel, text).clicked() {
                    self.commands.push(Command::ShowPanel(panel));
                }
            }
            ui.separator();
            for (choice, name) in [(Lang::En, "English"), (Lang::Ru, "Русский")] {
                if ui.selectable_label(lang == choice, name).clicked() && lang != choice {
                    self.commands.push(Command::SetLang(choice));
                }
            }
        });
    }
}
