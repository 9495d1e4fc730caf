//! The desktop review app (eframe): a thin shell over the library.
//!
//! State is split the way egui's demo app splits it: [`AppSettings`] (language, theme, zoom,
//! recent files) persist in eframe's storage; the [`Session`] (data, load reports, report,
//! review) is replaced whole when a load finishes. Panels read the session and push
//! [`Command`]s, applied after the frame. Loading, checking, dialogs and saving run in
//! [`jobs`] on other threads, so the window never waits.

mod apply;
pub mod chart_export;
pub mod command;
mod country;
pub mod coverage;
pub mod data;
pub mod findings;
pub mod i18n;
pub mod import;
pub mod jobs;
pub mod labels;
mod menu;
pub mod mirror;
pub mod overview;
pub mod presenter;
pub mod report;
pub mod session;
pub mod settings;
pub mod sources;
pub mod start;
mod status;
pub mod theme;
pub mod widgets;
pub mod workshop;

pub use command::{Command, Panel};
pub use session::Session;
pub use settings::AppSettings;
pub use start::{LANG_ENV, START_PANEL_ENV, START_SELECT_ENV, StartOptions, THEME_ENV};

use crate::review::{self, ExportFormat};
use chart_export::{ChartFormat, ChartRequest, ChartSource};
use coverage::CoverageView;
use data::DataView;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use findings::FindingsView;
use i18n::{Tr, tr, trf};
use jobs::{JobEvent, Jobs, LoadRequest, Loaded};
use mirror::MirrorView;
use session::{ReviewState, SessionSource};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use theme::Palette;

/// The application id: names the window class and the data directory.
pub const APP_ID: &str = "migreview";

const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Takes back the last change of triage.
const UNDO_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MessageLevel {
    Error,
    Warning,
    Info,
}

/// A message shown under the menu until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct UserMessage {
    pub level: MessageLevel,
    pub text: String,
}

/// Changes of triage that Ctrl+Z takes back, at most this many.
const MAX_UNDO: usize = 100;

/// A change of triage, to take back.
struct UndoStep {
    undo: review::Undo,
    /// The findings whose comment was typed (the keystrokes join one step).
    comment_on: Option<Vec<usize>>,
}

/// The window.
pub struct MigreviewApp {
    settings: AppSettings,
    session: Session,
    panel: Panel,
    data_view: DataView,
    findings_view: FindingsView,
    coverage_view: CoverageView,
    mirror_view: MirrorView,
    /// What the start panel shows once the first data are loaded ([`start::START_SELECT_ENV`]).
    start_select: Option<String>,
    sources_view: sources::SourcesView,
    workshop_view: workshop::WorkshopView,
    /// The problems planted live into the open lesson, in order.
    lesson_plants: Vec<crate::workshop::Fault>,
    /// The findings before the last plant (their ids), to show which are new once the checks
    /// have run again.
    before_plant: Option<std::collections::HashSet<String>>,
    import_dialog: Option<import::ImportDialog>,
    report_dialog: report::ReportDialog,
    labels_view: labels::LabelsView,
    jobs: Jobs,
    messages: Vec<UserMessage>,
    commands: Vec<Command>,
    /// The changes of triage of this session, last last.
    undo: Vec<UndoStep>,
    /// Where the sample's review is kept (eframe's storage directory).
    data_dir: Option<PathBuf>,
    palette: Palette,
    applied_dark: Option<bool>,
    applied_zoom: bool,
    /// The workshop's quiz, when one runs.
    quiz: Option<workshop::Quiz>,
    /// The presenter view, when on: what it replaced.
    presenter: Option<presenter::Presenter>,
    started: Instant,
    first_frame_logged: bool,
    first_data_logged: bool,
    /// Frames drawn while a load runs, to show in the log that the window kept drawing.
    load_frames: LoadFrames,
}

/// Frames drawn during a load: how many, and the longest pause between two of them.
#[derive(Default)]
struct LoadFrames {
    since: Option<Instant>,
    last: Option<Instant>,
    frames: u32,
    longest_gap: Duration,
}

impl LoadFrames {
    fn frame(&mut self, loading: bool) {
        let now = Instant::now();
        match (loading, self.since) {
            (true, None) => {
                *self = LoadFrames {
                    since: Some(now),
                    last: Some(now),
                    frames: 1,
                    longest_gap: Duration::ZERO,
                }
            }
            (true, Some(_)) => {
                if let Some(last) = self.last {
                    self.longest_gap = self.longest_gap.max(now - last);
                }
                self.last = Some(now);
                self.frames += 1;
            }
            (false, Some(since)) => {
                log::info!(
                    "{} frames drawn during a load of {} ms; longest pause between frames {} ms",
                    self.frames,
                    (now - since).as_millis(),
                    self.longest_gap.as_millis()
                );
                *self = LoadFrames::default();
            }
            (false, None) => {}
        }
    }
}

impl MigreviewApp {
    /// An app that opens `files` (or the built-in sample when there are none) once the window
    /// shows. `data_dir` is where the sample's review is kept; tests pass a temporary folder.
    pub fn with_files(files: Vec<PathBuf>, data_dir: Option<PathBuf>) -> MigreviewApp {
        let mut app = MigreviewApp::blank(data_dir);
        app.commands.push(start::first_command(files));
        app
    }

    /// Like [`Self::with_files`], with the settings saved in eframe's storage by an earlier run.
    pub fn with_storage(
        storage: Option<&dyn eframe::Storage>,
        files: Vec<PathBuf>,
        data_dir: Option<PathBuf>,
    ) -> MigreviewApp {
        let mut app = MigreviewApp::with_files(files, data_dir);
        if let Some(settings) =
            storage.and_then(|s| eframe::get_value::<AppSettings>(s, eframe::APP_KEY))
        {
            app.settings = settings;
        }
        app
    }

    /// An app showing a session built elsewhere (tests, benchmarks).
    pub fn with_session(session: Session, data_dir: Option<PathBuf>) -> MigreviewApp {
        let mut app = MigreviewApp::blank(data_dir);
        app.session = session;
        app
    }

    fn blank(data_dir: Option<PathBuf>) -> MigreviewApp {
        MigreviewApp {
            settings: AppSettings::default(),
            session: Session::empty(),
            panel: Panel::Overview,
            data_view: DataView::default(),
            findings_view: FindingsView::default(),
            coverage_view: CoverageView::default(),
            mirror_view: MirrorView::default(),
            start_select: None,
            sources_view: sources::SourcesView::default(),
            workshop_view: workshop::WorkshopView::default(),
            lesson_plants: Vec::new(),
            before_plant: None,
            import_dialog: None,
            report_dialog: report::ReportDialog::default(),
            labels_view: labels::LabelsView::default(),
            jobs: Jobs::new(),
            messages: Vec::new(),
            undo: Vec::new(),
            commands: Vec::new(),
            data_dir,
            palette: Palette::default(),
            applied_dark: None,
            applied_zoom: false,
            presenter: None,
            quiz: None,
            started: Instant::now(),
            first_frame_logged: false,
            first_data_logged: false,
            load_frames: LoadFrames::default(),
        }
    }

    /// The app as `migreview [FILE…]` starts it: settings from eframe's storage, the sample's
    /// review in eframe's storage directory, and the start panel and language from the
    /// environment ([`StartOptions::from_env`]).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        files: Vec<PathBuf>,
        started: Instant,
    ) -> MigreviewApp {
        let mut app = MigreviewApp::with_storage(cc.storage, files, eframe::storage_dir(APP_ID));
        app.started = started;
        app.take_start_options(StartOptions::from_env());
        app
    }

    /// The app in workshop mode: the Workshop panel, opening the first lesson instead of what
    /// it was to open (`migreview --workshop`).
    pub fn in_workshop(mut self) -> MigreviewApp {
        self.commands
            .retain(|c| !matches!(c, Command::Open(_) | Command::OpenSample));
        if let Some(first) = crate::workshop::lessons().first() {
            self.commands.push(Command::OpenLesson(first.id.clone()));
        }
        self.panel = Panel::Workshop;
        self
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn settings(&self) -> &AppSettings {
        &self.settings
    }

    pub fn panel(&self) -> Panel {
        self.panel
    }

    pub fn set_panel(&mut self, panel: Panel) {
        self.panel = panel;
    }

    pub fn messages(&self) -> &[UserMessage] {
        &self.messages
    }

    /// The Findings panel's state, to set filters from outside (scripts, benchmarks).
    pub fn findings_view_mut(&mut self) -> &mut FindingsView {
        &mut self.findings_view
    }

    pub fn data_view(&self) -> &DataView {
        &self.data_view
    }

    pub fn findings_view(&self) -> &FindingsView {
        &self.findings_view
    }

    pub fn coverage_view(&self) -> &CoverageView {
        &self.coverage_view
    }

    /// The Coverage panel's state, to choose its rows from outside (scripts, benchmarks).
    pub fn coverage_view_mut(&mut self) -> &mut CoverageView {
        &mut self.coverage_view
    }

    pub fn mirror_view(&self) -> &MirrorView {
        &self.mirror_view
    }

    /// The Mirror panel's state, to choose its view and toggles from outside.
    pub fn mirror_view_mut(&mut self) -> &mut MirrorView {
        &mut self.mirror_view
    }

    /// The chart the current panel shows (Coverage, Mirror, and the scorecard of the country
    /// the Sources panel shows), after a frame.
    pub fn shown_chart(&self) -> Option<ChartRequest> {
        match self.panel {
            Panel::Coverage => self.coverage_view.chart_request(),
            // The mirror statistics are not there while the checks run.
            Panel::Mirror if self.session.checking => None,
            Panel::Mirror => self.mirror_view.chart_request(),
            Panel::Sources => self.sources_view.chart_request(&self.session),
            Panel::Overview | Panel::Data | Panel::Findings | Panel::Workshop => None,
        }
    }

    /// What the charts are drawn from, with the source line they carry.
    fn chart_source(&self) -> ChartSource {
        let lang = self.settings.lang;
        let source = match &self.session.source {
            SessionSource::Sample | SessionSource::Lesson(_) => {
                crate::sample::synthetic_notice(lang).to_string()
            }
            SessionSource::Files(paths) => crate::sample::files_source(
                paths.iter().map(|p| crate::load::display_name(p)),
                self.session.shows_synthetic_data(),
                lang,
            ),
            SessionSource::Empty => String::new(),
        };
        ChartSource {
            report: self.session.report.clone(),
            coverage: self.session.coverage.clone(),
            assessment: self
                .session
                .review
                .assessment
                .clone()
                .map(std::sync::Arc::new),
            source,
        }
    }

    /// Writes the chart the current panel shows to `path` as PNG or SVG, in the window's
    /// language and with its selection; returns the file written.
    pub fn export_chart(&self, path: &Path, format: ChartFormat) -> Result<PathBuf, String> {
        let lang = self.settings.lang;
        let request = self
            .shown_chart()
            .ok_or_else(|| tr(lang, Tr::NoChartHere).to_string())?;
        request.render(&self.chart_source(), lang, path, format)
    }

    pub fn sources_view(&self) -> &sources::SourcesView {
        &self.sources_view
    }

    /// The Sources panel's state, to choose a country, source or criterion from outside.
    pub fn sources_view_mut(&mut self) -> &mut sources::SourcesView {
        &mut self.sources_view
    }

    /// The import dialog, while it is open.
    pub fn import_dialog(&self) -> Option<&import::ImportDialog> {
        self.import_dialog.as_ref()
    }

    /// Queues a command, applied after the next frame (as if a panel had pushed it).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Whether a load or an export is running, or a command waits for the next frame.
    pub fn is_busy(&self) -> bool {
        self.jobs.running_load().is_some() || self.jobs.exporting() || !self.commands.is_empty()
    }

    /// Waits until the review is written (at most ten seconds); false if it was not.
    pub fn flush_saves(&self) -> bool {
        self.jobs.flush_saves()
    }

    /// Writes the findings the Findings panel shows (every finding when no filter is set) with
    /// their triage to `path`, in the window's language.
    pub fn export_findings(&mut self, path: &Path, format: ExportFormat) -> Result<(), String> {
        let shown = self
            .findings_view
            .export_selection(&self.session, self.settings.lang);
        review::export_to_file(
            path,
            format,
            self.session.findings(),
            &shown,
            &self.session.review,
            self.settings.lang,
        )
        .map_err(|e| e.to_string())
    }

    /// One frame of the whole window, without eframe (benchmarks call this with a headless
    /// context).
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_style(&ctx);
        self.poll_jobs(&ctx);
        self.handle_input(&ctx);
        let lang = self.settings.lang;
        sources::localise_assessment(&mut self.session, lang);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar_ui(ui));
        });
        egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        if self.session.shows_synthetic_data() {
            let banner = egui::Frame::new()
                .fill(self.palette.banner)
                .inner_margin(egui::Margin::symmetric(10, 6));
            egui::Panel::top("synthetic_banner")
                .frame(banner)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(tr(lang, Tr::SyntheticBanner))
                            .color(egui::Color32::BLACK)
                            .strong(),
                    );
                });
        }
        if self.has_activity() {
            egui::Panel::top("activity").show(ui, |ui| self.activity_ui(ui));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.panel {
            // During a quiz the Overview's scorecard would name the checks that fail.
            Panel::Overview | Panel::Findings if self.quiz_hides_findings() => {
                ui.add_space(12.0);
                ui.label(RichText::new(tr(lang, Tr::QuizFindingsHidden)).size(18.0));
            }
            // Coverage's missing years and Mirror's discrepancy colours are findings too.
            Panel::Coverage | Panel::Mirror if self.quiz_hides_findings() => {
                ui.add_space(12.0);
                ui.label(RichText::new(tr(lang, Tr::QuizPanelHidden)).size(18.0));
            }
            Panel::Overview => overview::overview_ui(
                ui,
                &self.session,
                &mut self.labels_view,
                lang,
                &self.palette,
                &mut self.commands,
            ),
            Panel::Data => self.data_view.data_ui(
                ui,
                &self.session,
                self.quiz.as_ref(),
                lang,
                &self.palette,
                &mut self.commands,
            ),
            Panel::Findings => self.findings_view.findings_ui(
                ui,
                &self.session,
                lang,
                &self.palette,
                &mut self.commands,
            ),
            Panel::Coverage => {
                self.coverage_view
                    .coverage_ui(ui, &self.session, lang, &mut self.commands)
            }
            Panel::Mirror => {
                self.mirror_view
                    .mirror_ui(ui, &self.session, lang, &mut self.commands)
            }
            Panel::Sources => self.sources_view.sources_ui(
                ui,
                &self.session,
                lang,
                &self.palette,
                &mut self.commands,
            ),
            Panel::Workshop => self.workshop_view.workshop_ui(
                ui,
                &self.session,
                &self.lesson_plants,
                self.quiz.as_ref(),
                lang,
                &mut self.commands,
            ),
        });
        self.notes_ui(&ctx);
        self.trainer_notes_ui(&ctx);
        self.import_dialog_ui(&ctx);
        self.report_dialog_ui(&ctx);
        self.paint_drop_overlay(&ctx);

        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // The next frame shows what the commands changed.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.settings.zoom = ctx.zoom_factor();
        let loading = self.jobs.running_load().is_some();
        if loading {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.load_frames.frame(loading);
        if !self.first_frame_logged {
            self.first_frame_logged = true;
            log::info!(
                "first frame after {} ms",
                self.started.elapsed().as_millis()
            );
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        if self.applied_dark.is_none() {
            ctx.set_fonts(theme::fonts());
        }
        if self.applied_dark != Some(self.settings.dark) && self.presenter.is_none() {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_dark = Some(self.settings.dark);
        }
        if !self.applied_zoom {
            ctx.set_zoom_factor(self.settings.zoom_factor());
            self.applied_zoom = true;
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN_SHORTCUT)) {
            self.commands.push(Command::OpenDialog);
        }
        // A text field being edited undoes its own typing.
        if !ctx.egui_wants_keyboard_input() && ctx.input_mut(|i| i.consume_shortcut(&UNDO_SHORTCUT))
        {
            self.commands.push(Command::UndoTriage);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::Open(dropped));
        }
        self.presenter_keys(ctx);
    }

    fn poll_jobs(&mut self, ctx: &egui::Context) {
        let (events, crashed) = self.jobs.poll();
        if let Some(problem) = crashed {
            log::error!("{problem}");
            self.push_message(MessageLevel::Error, tr(self.settings.lang, Tr::LoadCrashed));
        }
        for event in events {
            match event {
                JobEvent::Loaded { loaded, .. } => self.finish_load(*loaded, ctx),
                JobEvent::Checked { checked, .. } => self.take_checks(*checked),
                JobEvent::Picked(paths) => {
                    if paths.is_empty() {
                        self.push_message(
                            MessageLevel::Info,
                            tr(self.settings.lang, Tr::NoFileChosen),
                        );
                    } else {
                        self.commands.push(Command::Open(paths));
                    }
                }
                JobEvent::ExportPath(Some(path), format) => {
                    self.commands.push(Command::ExportTo(path, format));
                }
                JobEvent::ExportPath(None, _) => {}
                JobEvent::Failed(message) => {
                    self.push_message(MessageLevel::Error, message);
                }
                JobEvent::Exported(Ok(path)) => {
                    self.remember_saved(&path);
                    self.push_message(
                        MessageLevel::Info,
                        trf(
                            self.settings.lang,
                            Tr::ExportedTo,
                            &[&path.display().to_string()],
                        ),
                    );
                }
                JobEvent::Exported(Err(error)) => {
                    log::warn!("{error}");
                    self.push_message(MessageLevel::Error, error);
                }
                JobEvent::ChartPath(Some(path), request, format) => {
                    let path = chart_export::with_extension(path, format);
                    self.commands
                        .push(Command::ExportChartTo(request, format, path));
                }
                JobEvent::ChartPath(None, ..) => {}
                JobEvent::ChartExported(Ok(path)) => {
                    self.remember_saved(&path);
                    self.push_message(
                        MessageLevel::Info,
                        trf(
                            self.settings.lang,
                            Tr::ChartExportedTo,
                            &[&path.display().to_string()],
                        ),
                    );
                }
                JobEvent::ChartExported(Err(error)) => {
                    log::warn!("{error}");
                    self.push_message(MessageLevel::Error, error);
                }
                JobEvent::Sources(event) => self.on_sources_event(event, ctx),
                JobEvent::Report(event) => self.on_report_event(event, ctx),
                JobEvent::Workshop(event) => self.on_workshop_event(event),
                JobEvent::Import(event) => self.on_import_event(event, ctx),
            }
        }
    }

    fn finish_load(&mut self, loaded: Loaded, ctx: &egui::Context) {
        let lang = self.settings.lang;
        // A file read by guessing, or not recognised, gets the import dialog.
        if let Some(needs) = import::needing_dialog(&loaded) {
            self.open_import_dialog(needs, ctx);
        }
        for error in &loaded.errors {
            self.push_message(MessageLevel::Error, error.to_string());
        }
        if loaded.cancelled {
            self.push_message(MessageLevel::Info, tr(lang, Tr::LoadCancelled));
            return;
        }
        let Some(session) = loaded.session else {
            if !loaded.errors.is_empty() {
                self.push_message(MessageLevel::Warning, tr(lang, Tr::NothingReadKeptOpen));
            }
            return;
        };
        if let SessionSource::Files(paths) = &session.source {
            self.settings.remember(paths.clone());
        }
        match &session.review_state {
            ReviewState::DataChanged { previous } => {
                let text = trf(lang, Tr::ReviewDataChanged, &[&previous.join(", ")]);
                log::warn!("{text}");
                self.push_message(MessageLevel::Warning, text);
            }
            ReviewState::Unreadable(error) => {
                log::warn!("{error}");
                self.push_message(
                    MessageLevel::Error,
                    trf(lang, Tr::ReviewUnreadable, &[error]),
                );
            }
            ReviewState::New | ReviewState::Restored { .. } | ReviewState::NowhereToSave => {}
        }
        if !self.first_data_logged {
            log::info!(
                "{} observations ready {} ms after start",
                session.dataset.len(),
                self.started.elapsed().as_millis()
            );
        }
        let title = match &session.source {
            SessionSource::Files(paths) => format!(
                "migreview — {}",
                paths
                    .iter()
                    .map(|p| crate::load::display_name(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SessionSource::Sample => format!("migreview — {}", tr(lang, Tr::SampleData)),
            SessionSource::Lesson(id) => format!(
                "migreview — {}",
                crate::workshop::lesson(id).map_or(id.clone(), |lesson| lesson
                    .text(lang, crate::workshop::LessonText::Title))
            ),
            SessionSource::Empty => "migreview".to_string(),
        };
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        let previous = std::mem::replace(&mut self.session, session);
        // Freeing a large session (millions of small allocations) takes longer than a frame.
        if std::thread::Builder::new()
            .name("migreview-free".into())
            .spawn(move || drop(previous))
            .is_err()
        {
            log::warn!("cannot start a thread to free the previous session");
        }
        self.data_view = DataView::default();
        self.undo.clear();
        self.findings_view.reset();
        self.sources_view.reset();
        self.coverage_view.reset();
        self.mirror_view.reset();
        self.open_on_country();
        if !self.session.checking {
            self.finish_checks_shown();
        }
    }

    /// The checks of the session shown are done: their findings, mirror statistics and the
    /// assessment's suggestions come in.
    pub fn take_checks(&mut self, checked: session::Checked) {
        jobs::install_checks(&mut self.session, checked);
        self.finish_checks_shown();
    }

    fn finish_checks_shown(&mut self) {
        // The mirror statistics are there now.
        self.open_on_country();
        if !self.first_data_logged {
            self.first_data_logged = true;
            log::info!(
                "{} findings ready {} ms after start",
                self.session.findings().len(),
                self.started.elapsed().as_millis()
            );
        }
        if let Some(select) = self.start_select.take() {
            self.apply_start_select(&select);
        }
        self.show_planted_findings();
    }

    /// The next save dialog opens in the folder of what was just written.
    fn remember_saved(&mut self, path: &Path) {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.settings.save_folder = Some(folder.to_path_buf());
        }
    }

    fn push_message(&mut self, level: MessageLevel, text: impl Into<String>) {
        let text = text.into();
        if !self.messages.iter().any(|m| m.text == text) {
            self.messages.push(UserMessage { level, text });
        }
    }

    fn start_load(&mut self, request: LoadRequest, ctx: &egui::Context) {
        if let Err(error) = self.jobs.start_load(request, self.data_dir.clone(), ctx) {
            log::error!("{error}");
            self.push_message(MessageLevel::Error, error);
        }
    }

    /// Saves the review after a change of triage (on a background thread).
    fn review_changed(&mut self, ctx: &egui::Context) {
        self.session.review_version += 1;
        if !self.session.review_state.saves() {
            return;
        }
        let Some(path) = self.session.review_path.clone() else {
            return;
        };
        if let Err(error) = self.jobs.save_review(&path, &self.session.review, ctx) {
            log::error!("{error}");
            self.push_message(MessageLevel::Error, error);
        }
    }
}

impl eframe::App for MigreviewApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        if !self.jobs.flush_saves() {
            log::error!("the review could not be written before closing");
        }
    }
}

/// Opens the window: on `files`, or on the built-in sample when there are none. Returns the
/// process exit status.
pub fn run(files: Vec<PathBuf>, workshop: bool) -> i32 {
    let started = Instant::now();
    let viewport = egui::ViewportBuilder::default()
        .with_title("migreview")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = MigreviewApp::new(cc, files, started);
            Ok(Box::new(if workshop { app.in_workshop() } else { app }))
        }),
    );
    match result {
        Ok(()) => crate::cli::EXIT_OK,
        Err(error) => {
            eprintln!("migreview: cannot open the window: {error}");
            log::error!("cannot open the window: {error}");
            crate::cli::EXIT_INPUT
        }
    }
}
