//! The desktop review app (eframe): a thin shell over the library.
//!
//! State is split the way egui's demo app splits it: [`AppSettings`] (language, theme, zoom,
//! recent files) persist in eframe's storage; the [`Session`] (data, load reports, report,
//! review) is replaced whole when a load finishes. Panels read the session and push
//! [`Command`]s, applied after the frame. Loading, checking, dialogs and saving run in
//! [`jobs`] on other threads, so the window never waits.

pub mod chart_export;
pub mod command;
pub mod coverage;
pub mod data;
pub mod findings;
pub mod i18n;
pub mod import;
pub mod jobs;
pub mod labels;
pub mod mirror;
pub mod overview;
pub mod session;
pub mod settings;
pub mod sources;
pub mod theme;

pub use command::Command;
pub use session::Session;
pub use settings::AppSettings;

use crate::model::Lang;
use crate::review::{self, ExportFormat};
use chart_export::{ChartFormat, ChartRequest, ChartSource};
use coverage::{CoverageCellRef, CoverageView};
use data::DataView;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use findings::FindingsView;
use i18n::{Tr, count_text, tr, trf};
use jobs::{JobEvent, Jobs, LoadPhase, LoadRequest, Loaded};
use mirror::{MirrorTab, MirrorView};
use session::{ReviewState, SessionSource};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use theme::Palette;

/// The application id: names the window class and the data directory.
pub const APP_ID: &str = "migreview";

/// The environment variable that chooses the panel shown first (`overview`, `data`,
/// `findings`, `coverage`, `mirror`, `sources`), for scripted screenshots.
pub const START_PANEL_ENV: &str = "MIGREVIEW_START_PANEL";
/// The environment variable that chooses what the start panel shows once the data are loaded:
/// in Findings a check (`A1`, or `A1:AZE` for the first A1 finding about Azerbaijan); in Coverage
/// a table (`7.2`), a reporter (`TJK`) or a cell (`7.2:TJK:2017`); in Mirror a view (`scatter`,
/// `matrix`, `countries`, `series`, or `series:TJK:RUS` for the pair from TJK to RUS).
pub const START_SELECT_ENV: &str = "MIGREVIEW_START_SELECT";
/// The environment variable that chooses the language at start (`en`, `ru`).
pub const LANG_ENV: &str = "MIGREVIEW_LANG";
/// The environment variable that chooses the theme at start (`light`, `dark`).
pub const THEME_ENV: &str = "MIGREVIEW_THEME";

const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);

/// The panels of the window.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Overview,
    Data,
    Findings,
    Coverage,
    Mirror,
    Sources,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Overview,
        Panel::Data,
        Panel::Findings,
        Panel::Coverage,
        Panel::Mirror,
        Panel::Sources,
    ];

    pub fn parse(text: &str) -> Option<Panel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "overview" => Some(Panel::Overview),
            "data" => Some(Panel::Data),
            "findings" => Some(Panel::Findings),
            "coverage" => Some(Panel::Coverage),
            "mirror" => Some(Panel::Mirror),
            "sources" => Some(Panel::Sources),
            _ => None,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Panel::Overview => tr(lang, Tr::PanelOverview),
            Panel::Data => tr(lang, Tr::PanelData),
            Panel::Findings => tr(lang, Tr::PanelFindings),
            Panel::Coverage => tr(lang, Tr::PanelCoverage),
            Panel::Mirror => tr(lang, Tr::PanelMirror),
            Panel::Sources => tr(lang, Tr::PanelSources),
        }
    }
}

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

/// The window.
pub struct MigreviewApp {
    settings: AppSettings,
    session: Session,
    panel: Panel,
    data_view: DataView,
    findings_view: FindingsView,
    coverage_view: CoverageView,
    mirror_view: MirrorView,
    /// What the start panel shows once the first data are loaded ([`START_SELECT_ENV`]).
    start_select: Option<String>,
    sources_view: sources::SourcesView,
    import_dialog: Option<import::ImportDialog>,
    labels_view: labels::LabelsView,
    jobs: Jobs,
    messages: Vec<UserMessage>,
    commands: Vec<Command>,
    /// Where the sample's review is kept (eframe's storage directory).
    data_dir: Option<PathBuf>,
    palette: Palette,
    applied_dark: Option<bool>,
    applied_zoom: bool,
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
        app.commands.push(if files.is_empty() {
            Command::OpenSample
        } else {
            Command::Open(files)
        });
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
            import_dialog: None,
            labels_view: labels::LabelsView::default(),
            jobs: Jobs::new(),
            messages: Vec::new(),
            commands: Vec::new(),
            data_dir,
            palette: Palette::default(),
            applied_dark: None,
            applied_zoom: false,
            started: Instant::now(),
            first_frame_logged: false,
            first_data_logged: false,
            load_frames: LoadFrames::default(),
        }
    }

    /// The app as `migreview [FILE…]` starts it: settings from eframe's storage, the sample's
    /// review in eframe's storage directory, and the start panel and language from the
    /// environment ([`START_PANEL_ENV`], [`LANG_ENV`], [`THEME_ENV`]).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        files: Vec<PathBuf>,
        started: Instant,
    ) -> MigreviewApp {
        let mut app = MigreviewApp::with_storage(cc.storage, files, eframe::storage_dir(APP_ID));
        app.started = started;
        if let Ok(panel) = std::env::var(START_PANEL_ENV) {
            match Panel::parse(&panel) {
                Some(panel) => app.panel = panel,
                None => log::warn!(
                    "{START_PANEL_ENV}: expected overview, data, findings, coverage, mirror or \
                     sources, found {panel:?}"
                ),
            }
        }
        app.start_select = std::env::var(START_SELECT_ENV)
            .ok()
            .filter(|select| !select.trim().is_empty());
        if let Ok(theme) = std::env::var(THEME_ENV) {
            match theme.trim() {
                "light" => app.settings.dark = false,
                "dark" => app.settings.dark = true,
                other => log::warn!("{THEME_ENV}: expected light or dark, found {other:?}"),
            }
        }
        if let Ok(lang) = std::env::var(LANG_ENV) {
            match lang.trim() {
                "en" => app.settings.lang = Lang::En,
                "ru" => app.settings.lang = Lang::Ru,
                other => log::warn!("{LANG_ENV}: expected en or ru, found {other:?}"),
            }
        }
        app
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
            Panel::Mirror => self.mirror_view.chart_request(),
            Panel::Sources => self.sources_view.chart_request(&self.session),
            Panel::Overview | Panel::Data | Panel::Findings => None,
        }
    }

    /// What the charts are drawn from, with the source line they carry.
    fn chart_source(&self) -> ChartSource {
        let lang = self.settings.lang;
        let source = match &self.session.source {
            SessionSource::Sample => crate::sample::synthetic_notice(lang).to_string(),
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

    /// Writes every finding with its triage to `path` (CSV or JSON), in the window's language.
    pub fn export_findings(&self, path: &Path, format: ExportFormat) -> Result<(), String> {
        review::export_to_file(
            path,
            format,
            self.session.findings(),
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
        if self.jobs.running_load().is_some() || !self.messages.is_empty() {
            egui::Panel::top("activity").show(ui, |ui| self.activity_ui(ui));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.panel {
            Panel::Overview => overview::overview_ui(
                ui,
                &self.session,
                &mut self.labels_view,
                lang,
                &self.palette,
                &mut self.commands,
            ),
            Panel::Data => {
                self.data_view
                    .data_ui(ui, &self.session, lang, &self.palette, &mut self.commands)
            }
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
        });
        self.import_dialog_ui(&ctx);
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
        if self.applied_dark != Some(self.settings.dark) {
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
                JobEvent::Exported(Ok(path)) => self.push_message(
                    MessageLevel::Info,
                    trf(
                        self.settings.lang,
                        Tr::ExportedTo,
                        &[&path.display().to_string()],
                    ),
                ),
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
                JobEvent::ChartExported(Ok(path)) => self.push_message(
                    MessageLevel::Info,
                    trf(
                        self.settings.lang,
                        Tr::ChartExportedTo,
                        &[&path.display().to_string()],
                    ),
                ),
                JobEvent::ChartExported(Err(error)) => {
                    log::warn!("{error}");
                    self.push_message(MessageLevel::Error, error);
                }
                JobEvent::Sources(event) => self.on_sources_event(event, ctx),
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
            self.first_data_logged = true;
            log::info!(
                "{} observations and {} findings ready {} ms after start",
                session.dataset.len(),
                session.findings().len(),
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
            SessionSource::Empty => "migreview".to_string(),
        };
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        self.session = session;
        self.data_view = DataView::default();
        self.findings_view.reset();
        self.sources_view.reset();
        self.coverage_view.reset();
        self.mirror_view.reset();
        if let Some(select) = self.start_select.take() {
            self.apply_start_select(&select);
        }
    }

    /// Selects what [`START_SELECT_ENV`] asks for in the start panel.
    fn apply_start_select(&mut self, select: &str) {
        let parts: Vec<&str> = select.split(':').map(str::trim).collect();
        let understood = match (self.panel, parts.as_slice()) {
            (Panel::Findings, [check, rest @ ..]) => {
                let reporter = rest.first().copied();
                let found = self.session.findings().iter().position(|f| {
                    f.check.as_str().eq_ignore_ascii_case(check)
                        && reporter.is_none_or(|r| f.reporter.as_deref() == Some(r))
                });
                if let Some(i) = found {
                    self.commands.push(Command::SelectFinding(Some(i)));
                }
                found.is_some()
            }
            (Panel::Coverage, [table, reporter, year]) => {
                match (crate::model::TableId::parse(table), year.parse::<u16>()) {
                    (Some(table), Ok(year)) => {
                        self.commands
                            .push(Command::SelectCoverageCell(CoverageCellRef {
                                table,
                                reporter: reporter.to_string(),
                                year,
                            }));
                        true
                    }
                    _ => false,
                }
            }
            (Panel::Coverage, [one]) => {
                let kind = match crate::model::TableId::parse(one) {
                    Some(table) => crate::charts::GridKind::ByTable(table),
                    None => crate::charts::GridKind::ByReporter(one.to_uppercase()),
                };
                self.coverage_view.kind = Some(kind);
                true
            }
            (Panel::Mirror, ["series", sender, receiver]) => {
                self.commands.push(Command::SelectPair {
                    sender: sender.to_uppercase(),
                    receiver: receiver.to_uppercase(),
                });
                true
            }
            (Panel::Mirror, [view]) => match MirrorTab::parse(view) {
                Some(tab) => {
                    self.mirror_view.tab = tab;
                    true
                }
                None => false,
            },
            _ => false,
        };
        if !understood {
            log::warn!(
                "{START_SELECT_ENV}: {select:?} names nothing to show in {:?}",
                self.panel
            );
        }
    }

    fn push_message(&mut self, level: MessageLevel, text: impl Into<String>) {
        let text = text.into();
        if !self.messages.iter().any(|m| m.text == text) {
            self.messages.push(UserMessage { level, text });
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
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
            Command::CancelLoad => {
                if self.jobs.running_load().is_some() {
                    self.jobs.cancel_load();
                    self.push_message(MessageLevel::Info, tr(lang, Tr::LoadCancelled));
                }
            }
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::Dismiss(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
            Command::DismissAll => self.messages.clear(),
            Command::ClearRecent => self.settings.recent.clear(),
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
            Command::SetStatus { finding, status } => {
                let case_id = self.session.case_id(finding).to_string();
                if !case_id.is_empty()
                    && self
                        .session
                        .review
                        .set_status(&case_id, status, &review::now_rfc3339())
                {
                    self.review_changed(ctx);
                }
            }
            Command::SetComment { finding, comment } => {
                let case_id = self.session.case_id(finding).to_string();
                if !case_id.is_empty()
                    && self
                        .session
                        .review
                        .set_comment(&case_id, &comment, &review::now_rfc3339())
                {
                    self.review_changed(ctx);
                }
            }
            Command::ExportDialog(format) => {
                let suggested = self.export_suggestion(format);
                self.jobs.pick_export_path(
                    ctx,
                    tr(lang, Tr::ExportDialogTitle).to_string(),
                    suggested,
                    format,
                );
            }
            Command::ExportTo(path, format) => self.jobs.export(
                ctx,
                path,
                format,
                self.session.report.clone(),
                self.session.review.clone(),
                lang,
            ),
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
                let suggested = match self.session.review_path.as_ref().and_then(|p| p.parent()) {
                    Some(dir) => dir.join(name),
                    None => PathBuf::from(name),
                };
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
            command @ (Command::Assess(_)
            | Command::ShowFindingsOf { .. }
            | Command::ExportQuestionnaireDialog(_)
            | Command::ExportQuestionnaireTo(..)
            | Command::ImportQuestionnaireDialog
            | Command::ImportQuestionnaireFrom(_)) => self.apply_sources_command(command, ctx),
            command @ (Command::ImportSettings(_)
            | Command::ApplyImport { .. }
            | Command::CloseImportDialog
            | Command::PlaceLabels(_)) => self.apply_import_command(command, ctx),
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

    fn export_suggestion(&self, format: ExportFormat) -> PathBuf {
        let stem = match &self.session.source {
            SessionSource::Files(paths) => paths
                .first()
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "migreview".into()),
            _ => "sample".into(),
        };
        let name = format!("{stem}.findings.{}", format.extension());
        match self.session.review_path.as_ref().and_then(|p| p.parent()) {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let busy = self.jobs.running_load().is_some();
        ui.menu_button(tr(lang, Tr::MenuFile), |ui| {
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
            ui.menu_button(tr(lang, Tr::RecentFiles), |ui| {
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
            });
            ui.separator();
            let has_findings = !self.session.findings().is_empty();
            if ui
                .add_enabled(has_findings, egui::Button::new(tr(lang, Tr::ExportCsv)))
                .clicked()
            {
                self.commands.push(Command::ExportDialog(ExportFormat::Csv));
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
            ui.separator();
            if ui.button(tr(lang, Tr::Quit)).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                ui.close();
            }
        });
        ui.menu_button(tr(lang, Tr::MenuView), |ui| {
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
        });
        if busy {
            ui.add(egui::Spinner::new());
        }
    }

    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        ui.horizontal(|ui| {
            for panel in Panel::ALL {
                let mut text = RichText::new(panel.title(lang)).heading();
                if panel == Panel::Findings {
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
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for (choice, name) in [(Lang::Ru, "Русский"), (Lang::En, "English")] {
                    if ui.selectable_label(lang == choice, name).clicked() && lang != choice {
                        self.commands.push(Command::SetLang(choice));
                    }
                }
            });
        });
    }

    fn activity_ui(&mut self, ui: &mut egui::Ui) {
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
                    LoadPhase::Checking => (tr(lang, Tr::RunningChecks).to_string(), None),
                    LoadPhase::Indexing => (tr(lang, Tr::PreparingView).to_string(), None),
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
                if ui.button(tr(lang, Tr::Cancel)).clicked() {
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

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.settings.lang;
        let summary = &self.session.report.dataset;
        ui.horizontal(|ui| {
            ui.label(trf(
                lang,
                Tr::StatusSummary,
                &[
                    &count_text(lang, summary.observations as f64),
                    &summary.reporters.len().to_string(),
                    &count_text(lang, self.session.findings().len() as f64),
                ],
            ));
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

    fn paint_drop_overlay(&self, ctx: &egui::Context) {
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
pub fn run(files: Vec<PathBuf>) -> i32 {
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
        Box::new(move |cc| Ok(Box::new(MigreviewApp::new(cc, files, started)))),
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
