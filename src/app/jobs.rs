//! Work that must not run on the UI thread: loading and checking, file dialogs, and saving the
//! review. Each job reports over a channel and wakes the window with `request_repaint`.

use super::chart_export::{ChartFormat, ChartRequest, ChartSource};
use super::session::{Checked, FileSummary, Session, SessionSource};
use crate::load::{self, ImportOptions, LoadControl, LoadError};
use crate::model::Dataset;
use crate::report::{InputSummary, Report};
use crate::review::{self, ExportFormat, Review, Triages};
use crate::settings::Settings;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Lowers the priority of the calling thread, and of the threads it starts (they inherit it),
/// below the window's: on a machine of two cores the load's and the checks' threads would
/// otherwise take the window's core for tens of milliseconds at a time, and frames stutter
/// while a large file is checked. The work loses nothing when the window is idle.
fn give_way_to_the_window() {
    #[cfg(target_os = "linux")]
    {
        // On Linux a nice value belongs to a thread: `who` is the thread's id.
        // SAFETY: both calls only read their arguments and change nothing in this process's
        // memory.
        let status =
            unsafe { libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10) };
        if status != 0 {
            log::debug!(
                "background work keeps the window's priority: {}",
                std::io::Error::last_os_error()
            );
        }
    }
}

/// Gives the memory freed by a load and its checks back to the system. The checks run on
/// threads of their own, whose freed blocks glibc keeps for them: after a file of a million rows
/// the window would hold hundreds of MB it no longer uses for as long as it stays open.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What to load.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadRequest {
    Files(Vec<PathBuf>),
    Sample,
    /// The sample with a clean review kept in memory only, for a class: the sample's saved
    /// review is neither read nor changed.
    CleanSample,
    /// A workshop lesson's data, by the lesson's id, with the problems the trainer planted
    /// live and the triage to keep (a plant keeps the room's marks; a reset drops them).
    Lesson {
        id: String,
        planted: Vec<crate::workshop::Fault>,
        triage: Option<crate::review::Triages>,
    },
}

/// Where a running load is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LoadPhase {
    /// Reading the files.
    Reading,
    /// Indexing what was read for the panels.
    Opening,
    /// The data are shown; the checks and the mirror statistics run.
    Checking,
}

impl LoadPhase {
    fn from_u8(value: u8) -> LoadPhase {
        match value {
            1 => LoadPhase::Opening,
            2 => LoadPhase::Checking,
            _ => LoadPhase::Reading,
        }
    }

    fn as_u8(self) -> u8 {
        match self {
            LoadPhase::Reading => 0,
            LoadPhase::Opening => 1,
            LoadPhase::Checking => 2,
        }
    }
}

/// The result of a load: a new session (unless nothing could be read), and the files that failed.
#[derive(Debug)]
pub struct Loaded {
    pub request: LoadRequest,
    /// `None` when no file could be read (the open session then stays).
    pub session: Option<Session>,
    pub errors: Vec<LoadError>,
    pub cancelled: bool,
}

/// The embedded sample files to load: its Clearinghouse workbooks, so findings point at their
/// cells.
pub fn sample_inputs() -> Vec<(&'static str, &'static [u8])> {
    crate::sample::files()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".xlsx"))
        .collect()
}

/// The checks of a session that is open: what [`open_session`] leaves to do once the data are
/// shown.
pub struct PendingChecks {
    dataset: Arc<Dataset>,
    inputs: Vec<InputSummary>,
    settings: Settings,
    /// The triage of the session's review as it was read.
    triage: Triages,
}

impl PendingChecks {
    /// Runs every check and the mirror statistics, and indexes the findings.
    pub fn run(self) -> Checked {
        let report = Report::build(self.inputs, &self.dataset, &self.settings);
        Checked::new(&self.dataset, report, &self.triage)
    }
}

/// Loads, checks and indexes: everything between "open" and a session ready to show, with its
/// findings. Runs on the loading thread; `phase` tells the window what is going on.
pub fn load_session(
    request: &LoadRequest,
    control: &LoadControl,
    data_dir: Option<&Path>,
    phase: &AtomicU8,
) -> Loaded {
    let (mut loaded, pending) = open_session(request, control, data_dir, phase);
    if let (Some(session), Some(pending)) = (&mut loaded.session, pending) {
        install_checks(session, pending.run());
    }
    loaded
}

/// Takes the checks' results into the session, and the assessment's suggestions follow.
pub fn install_checks(session: &mut Session, checked: Checked) {
    session.install(checked);
    super::sources::prepare_assessment(session);
}

/// Loads and indexes the data for the panels; the checks are left to run (the session is
/// [`Session::checking`]). Runs on the loading thread; `phase` tells the window what is going
/// on.
pub fn open_session(
    request: &LoadRequest,
    control: &LoadControl,
    data_dir: Option<&Path>,
    phase: &AtomicU8,
) -> (Loaded, Option<PendingChecks>) {
    let settings = Settings::default();
    let review_path: Option<PathBuf>;
    let loaded = match request {
        LoadRequest::Sample | LoadRequest::CleanSample => {
            review_path = match request {
                LoadRequest::Sample => data_dir.map(review::sample_review_path),
                _ => None,
            };
            // Named by their file names, as `sample::load` names them.
            let inputs = sample_inputs()
                .into_iter()
                .map(|(name, bytes)| load::Input::Embedded {
                    path: PathBuf::from("sample_data").join(name),
                    bytes,
                });
            let defaults = |_: &Path, _: Option<&[u8]>| ImportOptions::default();
            load::load_inputs(inputs, defaults, control, load::WhenCancelled::Stop)
        }
        LoadRequest::Lesson { id, planted, .. } => {
            // A lesson starts from a clean review, kept in memory only: the next class, or a
            // reset, starts over.
            review_path = None;
            let workbooks = crate::workshop::lesson(id)
                .and_then(|lesson| {
                    let mut sample = lesson.sample().ok()?;
                    for fault in planted {
                        if let Err(e) = fault.plant(&mut sample) {
                            log::warn!("lesson {id}: cannot plant {fault:?}: {e}");
                        }
                    }
                    lesson
                        .workbooks(&sample)
                        .map_err(|e| log::error!("lesson {id}: {e}"))
                        .ok()
                })
                .unwrap_or_default();
            let inputs = workbooks.iter().map(|(name, bytes)| load::Input::Embedded {
                path: PathBuf::from("lesson").join(name),
                bytes,
            });
            let defaults = |_: &Path, _: Option<&[u8]>| ImportOptions::default();
            load::load_inputs(inputs, defaults, control, load::WhenCancelled::Stop)
        }
        LoadRequest::Files(paths) => {
            // Import options remembered in a review beside the first file apply again.
            let remembered = paths
                .first()
                .and_then(|first| Review::read(&review::review_path(first)).ok().flatten());
            let loaded = load::load_inputs(
                paths.iter().cloned().map(load::Input::File),
                |path, bytes| remembered_options(path, bytes, remembered.as_ref()),
                control,
                load::WhenCancelled::Stop,
            );
            review_path = loaded
                .inputs
                .iter()
                .find(|f| f.result.is_ok())
                .map(|f| review::review_path(&f.path));
            loaded
        }
    };
    let dataset = loaded.dataset;
    let files: Vec<FileSummary> = loaded.inputs.into_iter().map(file_summary).collect();
    let errors: Vec<LoadError> = files
        .iter()
        .filter_map(|f| f.result.as_ref().err().cloned())
        .collect();
    let nothing = |errors: Vec<LoadError>, cancelled: bool| Loaded {
        request: request.clone(),
        session: None,
        errors,
        cancelled,
    };
    if control.is_cancelled() {
        return (nothing(Vec::new(), true), None);
    }
    let any_loaded = files.iter().any(|f| f.result.is_ok());
    // The sample session opens even when the build has no sample files, to say so.
    if !any_loaded
        && !matches!(
            request,
            LoadRequest::Sample | LoadRequest::CleanSample | LoadRequest::Lesson { .. }
        )
    {
        return (nothing(errors, false), None);
    }
    phase.store(LoadPhase::Opening.as_u8(), Ordering::Relaxed);
    let inputs: Vec<InputSummary> = files
        .iter()
        .map(|f| match &f.result {
            Ok(report) => InputSummary::from_report(report),
            Err(error) => InputSummary::from_error(&f.path.display().to_string(), error),
        })
        .collect();
    let source = match request {
        LoadRequest::Sample | LoadRequest::CleanSample => SessionSource::Sample,
        LoadRequest::Lesson { id, .. } => SessionSource::Lesson(id.clone()),
        LoadRequest::Files(_) => SessionSource::Files(
            files
                .iter()
                .filter(|f| f.result.is_ok())
                .map(|f| f.path.clone())
                .collect(),
        ),
    };
    let shell = Report::new(inputs.clone(), &dataset, &settings);
    let mut session = Session::open(source, dataset, files, shell, review_path);
    if let LoadRequest::Lesson {
        triage: Some(triage),
        ..
    } = request
    {
        session.review.triage = triage.clone();
    }
    if control.is_cancelled() {
        return (nothing(Vec::new(), true), None);
    }
    // The assessment is there at once; its suggestions follow the checks.
    super::sources::take_assessment(&mut session);
    let pending = PendingChecks {
        dataset: session.dataset.clone(),
        inputs,
        settings,
        triage: session.review.triage.clone(),
    };
    let loaded = Loaded {
        request: request.clone(),
        session: Some(session),
        errors,
        cancelled: false,
    };
    (loaded, Some(pending))
}

/// The import options remembered for a file: those of the same content when the review has
/// any choices (the file's bytes are hashed), else those of its name.
fn remembered_options(
    path: &Path,
    bytes: Option<&[u8]>,
    remembered: Option<&Review>,
) -> ImportOptions {
    let name = load::display_name(path);
    match remembered.filter(|r| r.has_import_options()) {
        Some(review) => bytes
            .and_then(|bytes| {
                let sha256 = load::sha256_hex(bytes);
                review.options_for_file(&name, &sha256).cloned()
            })
            .unwrap_or_default(),
        None => remembered
            .and_then(|r| r.options_for(&name).cloned())
            .unwrap_or_default(),
    }
}

fn file_summary(loaded: load::InputLoaded) -> FileSummary {
    if let Err(error) = &loaded.result {
        log::warn!("{error}");
    }
    FileSummary {
        name: load::display_name(&loaded.path),
        path: loaded.path,
        result: loaded.result,
        options: loaded.options,
        reporters: Vec::new(),
        tables: Vec::new(),
        years: None,
    }
}

/// What a background job reports.
#[derive(Debug)]
pub enum JobEvent {
    /// The data are read (the checks go on running).
    Loaded { id: u64, loaded: Box<Loaded> },
    /// The checks of the session `Loaded` with the same id are done.
    Checked { id: u64, checked: Box<Checked> },
    /// Files chosen in the open dialog (empty: the dialog was closed or could not open).
    Picked(Vec<PathBuf>),
    /// Where to export, chosen in the save dialog.
    ExportPath(Option<PathBuf>, ExportFormat),
    /// A review could not be saved, or a thread could not start: the message for the user.
    Failed(String),
    /// The findings were exported (to this file), or why not.
    Exported(Result<PathBuf, String>),
    /// Where to write a chart, chosen in the save dialog.
    ChartPath(Option<PathBuf>, ChartRequest, ChartFormat),
    /// A chart was written (to this file), or why not.
    ChartExported(Result<PathBuf, String>),
    /// A dialog or work of the Sources panel.
    Sources(super::sources::SourcesEvent),
    /// A preview for the import dialog.
    Import(super::import::ImportEvent),
    /// A dialog or the writing of the review report.
    Report(super::report::ReportEvent),
    /// A dialog or the writing of a workshop lesson's handouts.
    Workshop(super::workshop::WorkshopEvent),
}

impl JobEvent {
    /// Whether the event answers a file dialog (another may open then).
    fn ends_dialog(&self) -> bool {
        match self {
            JobEvent::Picked(_) | JobEvent::ExportPath(..) | JobEvent::ChartPath(..) => true,
            JobEvent::Sources(event) => event.ends_dialog(),
            JobEvent::Import(event) => event.ends_dialog(),
            JobEvent::Report(event) => event.ends_dialog(),
            JobEvent::Workshop(event) => event.ends_dialog(),
            _ => false,
        }
    }

    /// Whether the event ends work started with [`Jobs::spawn_work`].
    fn ends_work(&self) -> bool {
        match self {
            JobEvent::Sources(event) => event.ends_work(),
            JobEvent::Import(event) => event.ends_work(),
            JobEvent::Report(event) => event.ends_work(),
            JobEvent::Workshop(event) => event.ends_work(),
            _ => false,
        }
    }
}

/// A load in progress.
pub struct RunningLoad {
    pub id: u64,
    pub control: LoadControl,
    phase: Arc<AtomicU8>,
    pub started: Instant,
    pub request: LoadRequest,
    handle: Option<JoinHandle<()>>,
}

impl RunningLoad {
    pub fn phase(&self) -> LoadPhase {
        LoadPhase::from_u8(self.phase.load(Ordering::Relaxed))
    }

    /// Whether Cancel can stop it: until its data are shown (the checks of data that are shown
    /// run to their end).
    pub fn cancellable(&self) -> bool {
        self.phase() != LoadPhase::Checking
    }
}

enum SaveMessage {
    /// A copy of the review, written as JSON on the saving thread (a review of tens of
    /// thousands of decisions takes longer to write than a frame).
    Write {
        path: PathBuf,
        review: Box<Review>,
        ctx: egui::Context,
    },
    Flush(Sender<()>),
}

/// Writes review files on its own thread, latest version wins, so typing a comment never waits
/// for the disk.
struct Saver {
    tx: Option<Sender<SaveMessage>>,
    handle: Option<JoinHandle<()>>,
}

impl Saver {
    fn start(events: Sender<JobEvent>) -> Saver {
        let (tx, rx) = mpsc::channel::<SaveMessage>();
        let handle = std::thread::Builder::new()
            .name("migreview-save".into())
            .spawn(move || save_loop(rx, events))
            .map_err(|e| log::error!("cannot start the thread that saves reviews: {e}"))
            .ok();
        Saver {
            tx: handle.as_ref().map(|_| tx),
            handle,
        }
    }

    fn write(&self, path: PathBuf, review: &Review, ctx: &egui::Context) -> Result<(), String> {
        // Without the thread (it could not start), save right here.
        let Some(tx) = &self.tx else {
            return save_review_file(&path, review);
        };
        tx.send(SaveMessage::Write {
            path: path.clone(),
            review: Box::new(review.clone()),
            ctx: ctx.clone(),
        })
        .map_err(|_| {
            format!(
                "{}: cannot save the review: the saving thread stopped",
                path.display()
            )
        })
    }

    /// Waits until every requested save is on disk (at most `timeout`).
    fn flush(&self, timeout: Duration) -> bool {
        let Some(tx) = &self.tx else { return true };
        let (done_tx, done_rx) = mpsc::channel();
        if tx.send(SaveMessage::Flush(done_tx)).is_err() {
            return false;
        }
        done_rx.recv_timeout(timeout).is_ok()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the channel ends the loop after the pending writes.
        self.tx = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// Writes a review file as JSON, atomically; the message for the user when it cannot.
fn save_review_file(path: &Path, review: &Review) -> Result<(), String> {
    let json = review
        .to_json()
        .map_err(|e| format!("{}: cannot save the review: {e}", path.display()))?;
    crate::save::write_atomically(path, json.as_bytes())
        .map_err(|e| format!("{}: cannot save the review: {e}", path.display()))
}

fn save_loop(rx: Receiver<SaveMessage>, events: Sender<JobEvent>) {
    while let Ok(first) = rx.recv() {
        let mut pending: Vec<SaveMessage> = vec![first];
        while let Ok(next) = rx.try_recv() {
            pending.push(next);
        }
        // Keep only the latest write per path, in order; answer flushes after writing.
        let mut writes: Vec<(PathBuf, Box<Review>, egui::Context)> = Vec::new();
        let mut flushes: Vec<Sender<()>> = Vec::new();
        for message in pending {
            match message {
                SaveMessage::Write { path, review, ctx } => {
                    writes.retain(|(p, _, _)| *p != path);
                    writes.push((path, review, ctx));
                }
                SaveMessage::Flush(done) => flushes.push(done),
            }
        }
        for (path, review, ctx) in writes {
            if let Err(message) = save_review_file(&path, &review) {
                log::error!("{message}");
                let _ = events.send(JobEvent::Failed(message));
                ctx.request_repaint();
            }
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

/// The background jobs of the window.
pub struct Jobs {
    tx: Sender<JobEvent>,
    rx: Receiver<JobEvent>,
    load: Option<RunningLoad>,
    next_id: u64,
    saver: Saver,
    /// A dialog is open (another is not started meanwhile).
    pub dialog_open: bool,
    /// Exports writing now.
    exports: usize,
    /// Work of the panels running now (questionnaires, previews).
    work: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs::new()
    }
}

impl Jobs {
    pub fn new() -> Jobs {
        let (tx, rx) = mpsc::channel();
        let saver = Saver::start(tx.clone());
        Jobs {
            tx,
            rx,
            load: None,
            next_id: 1,
            saver,
            dialog_open: false,
            exports: 0,
            work: 0,
        }
    }

    pub fn running_load(&self) -> Option<&RunningLoad> {
        self.load.as_ref()
    }

    /// Starts loading on a thread; a load already running is cancelled.
    pub fn start_load(
        &mut self,
        request: LoadRequest,
        data_dir: Option<PathBuf>,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        self.cancel_load();
        let id = self.next_id;
        self.next_id += 1;
        let control = LoadControl::new();
        let phase = Arc::new(AtomicU8::new(0));
        let handle = {
            let tx = self.tx.clone();
            let control = control.clone();
            let phase = phase.clone();
            let request = request.clone();
            let ctx = ctx.clone();
            std::thread::Builder::new()
                .name("migreview-load".into())
                .spawn(move || {
                    give_way_to_the_window();
                    let (loaded, pending) =
                        open_session(&request, &control, data_dir.as_deref(), &phase);
                    let pending = pending.filter(|_| loaded.session.is_some());
                    if pending.is_some() {
                        phase.store(LoadPhase::Checking.as_u8(), Ordering::Relaxed);
                    }
                    let _ = tx.send(JobEvent::Loaded {
                        id,
                        loaded: Box::new(loaded),
                    });
                    ctx.request_repaint();
                    let Some(pending) = pending else {
                        return;
                    };
                    let checked = pending.run();
                    give_back_freed_memory();
                    // Another file opened meanwhile: the results are not wanted.
                    if !control.is_cancelled() {
                        let _ = tx.send(JobEvent::Checked {
                            id,
                            checked: Box::new(checked),
                        });
                        ctx.request_repaint();
                    }
                })
                .map_err(|e| format!("cannot start loading: {e}"))?
        };
        self.load = Some(RunningLoad {
            id,
            control,
            phase,
            started: Instant::now(),
            request,
            handle: Some(handle),
        });
        Ok(())
    }

    /// Cancels the running load: its result, when it comes, is dropped.
    pub fn cancel_load(&mut self) {
        if let Some(load) = self.load.take() {
            load.control.cancel();
        }
    }

    /// Events that arrived since the last frame. A load whose thread ended without a result
    /// (it panicked) is reported as an error.
    pub fn poll(&mut self) -> (Vec<JobEvent>, Option<String>) {
        let mut events = Vec::new();
        while let Ok(event) = self.rx.try_recv() {
            self.receive(event, &mut events);
        }
        let mut crashed = None;
        if let Some(load) = &mut self.load
            && load.handle.as_ref().is_some_and(|h| h.is_finished())
            && let Some(handle) = load.handle.take()
        {
            let panicked = handle.join().is_err();
            // The thread ended; its results may have arrived just after the loop above.
            while let Ok(event) = self.rx.try_recv() {
                self.receive(event, &mut events);
            }
            if let Some(load) = self.load.take()
                && panicked
            {
                crashed = Some(match load.phase() {
                    LoadPhase::Checking => "the checks stopped unexpectedly",
                    LoadPhase::Reading | LoadPhase::Opening => "loading stopped unexpectedly",
                });
            }
        }
        (events, crashed.map(str::to_string))
    }

    /// Keeps the events a frame needs to see: a load's only when it is the running one (its
    /// session arrives first, then its checks).
    fn receive(&mut self, event: JobEvent, events: &mut Vec<JobEvent>) {
        match event {
            JobEvent::Loaded { id, loaded } => {
                let Some(load) = self.load.as_ref().filter(|l| l.id == id) else {
                    return;
                };
                if loaded.session.is_none() || load.phase() != LoadPhase::Checking {
                    self.load = None;
                }
                events.push(JobEvent::Loaded { id, loaded });
            }
            JobEvent::Checked { id, checked } => {
                if self.load.as_ref().is_some_and(|l| l.id == id) {
                    self.load = None;
                    events.push(JobEvent::Checked { id, checked });
                }
            }
            JobEvent::Picked(_) | JobEvent::ExportPath(..) | JobEvent::ChartPath(..) => {
                self.dialog_open = false;
                events.push(event);
            }
            JobEvent::Exported(_) | JobEvent::ChartExported(_) => {
                self.exports = self.exports.saturating_sub(1);
                events.push(event);
            }
            JobEvent::Failed(_) => events.push(event),
            JobEvent::Sources(_)
            | JobEvent::Import(_)
            | JobEvent::Report(_)
            | JobEvent::Workshop(_) => {
                if event.ends_dialog() {
                    self.dialog_open = false;
                }
                if event.ends_work() {
                    self.work = self.work.saturating_sub(1);
                }
                events.push(event);
            }
        }
    }

    /// Opens the system's file dialog on a thread.
    pub fn pick_files(&mut self, ctx: &egui::Context, title: String, filter_name: String) {
        self.spawn_dialog(ctx, "migreview-open-dialog", move || {
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(
                    filter_name,
                    &["csv", "tsv", "txt", "gz", "xlsx", "xlsm", "xls", "ods"],
                )
                .pick_files()
                .unwrap_or_default();
            JobEvent::Picked(picked)
        });
    }

    /// Opens the system's save dialog on a thread.
    pub fn pick_export_path(
        &mut self,
        ctx: &egui::Context,
        title: String,
        suggested: PathBuf,
        format: ExportFormat,
    ) {
        self.spawn_dialog(ctx, "migreview-save-dialog", move || {
            let dialog = save_dialog(title, format.extension(), &suggested);
            JobEvent::ExportPath(dialog.save_file(), format)
        });
    }

    /// Whether an export, or other work of a panel, is running.
    pub fn exporting(&self) -> bool {
        self.exports > 0 || self.work > 0
    }

    /// Runs work of a panel on a thread; its event arrives through [`Jobs::poll`], and
    /// [`Jobs::exporting`] says it runs until then.
    pub fn spawn_work(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> JobEvent + Send + 'static,
    ) {
        self.work += 1;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            self.work = self.work.saturating_sub(1);
            log::error!("cannot start {name}: {e}");
            let _ = self.tx.send(JobEvent::Failed(format!(
                "cannot start the work on a thread: {e}"
            )));
        }
    }

    /// Runs a file dialog of a panel on a thread (one dialog at a time).
    pub fn spawn_dialog(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        dialog: impl FnOnce() -> JobEvent + Send + 'static,
    ) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let _ = tx.send(dialog());
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            self.dialog_open = false;
            let _ = self
                .tx
                .send(JobEvent::Failed(format!("cannot open the dialog: {e}")));
        }
    }

    /// Writes the findings with their triage on a thread (100,000 findings take a while).
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        format: ExportFormat,
        (report, shown): (Arc<Report>, review::Shown),
        review: Review,
        lang: crate::model::Lang,
    ) {
        self.exports += 1;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("migreview-export".into())
            .spawn(move || {
                let result =
                    review::export_to_file(&path, format, &report.findings, &shown, &review, lang)
                        .map(|()| path)
                        .map_err(|e| e.to_string());
                let _ = tx.send(JobEvent::Exported(result));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(JobEvent::Exported(Err(format!(
                "cannot start the export: {e}"
            ))));
        }
    }

    /// Asks where to write a chart, with the system's save dialog on a thread.
    pub fn pick_chart_path(
        &mut self,
        ctx: &egui::Context,
        title: String,
        suggested: PathBuf,
        request: ChartRequest,
        format: ChartFormat,
    ) {
        self.spawn_dialog(ctx, "migreview-chart-dialog", move || {
            let dialog = save_dialog(title, format.extension(), &suggested);
            JobEvent::ChartPath(dialog.save_file(), request, format)
        });
    }

    /// Draws a chart into a file on a thread (a scatter of many pairs takes a moment).
    pub fn export_chart(
        &mut self,
        ctx: &egui::Context,
        request: ChartRequest,
        source: ChartSource,
        lang: crate::model::Lang,
        path: PathBuf,
        format: ChartFormat,
    ) {
        self.exports += 1;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("migreview-chart".into())
            .spawn(move || {
                let result = request.render(&source, lang, &path, format);
                let _ = tx.send(JobEvent::ChartExported(result));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(JobEvent::ChartExported(Err(format!(
                "cannot start the chart export: {e}"
            ))));
        }
    }

    /// Saves a review in the background (the latest version of each file wins).
    pub fn save_review(
        &self,
        path: &Path,
        review: &Review,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        self.saver.write(path.to_path_buf(), review, ctx)
    }

    /// Waits until the review is on disk (on exit, and in tests).
    pub fn flush_saves(&self) -> bool {
        self.saver.flush(Duration::from_secs(10))
    }
}

/// A save dialog for one file type, opening where the suggested file would go.
pub fn save_dialog(title: String, extension: &str, suggested: &Path) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .add_filter(extension, &[extension]);
    if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    dialog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_opens_its_five_workbooks() {
        let names: Vec<&str> = sample_inputs().into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            vec!["AZE.xlsx", "KAZ.xlsx", "KGZ.xlsx", "RUS.xlsx", "TJK.xlsx"]
        );
    }
}
