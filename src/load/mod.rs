//! Loading migration data from the layouts people really have (see `docs/formats.md`).
//!
//! Detection is explicit: every load returns a [`LoadReport`] that says which layout, encoding,
//! delimiter, header row, column roles and reporter were used, and [`ImportOptions`] can override
//! each of them. Unreadable input is a [`LoadError`] naming the file and what was expected;
//! rows that cannot be read are skipped, counted and listed with their reason and cell.
//!
//! The way through: [`container`] tells gzip, ZIP and OLE workbooks and text apart by their
//! bytes; workbooks go to [`workbook`], which opens them through [`book`] and hands each sheet
//! (its cells a [`grid::Grid`], with what it needs in a [`sheet::SheetReading`]) to the reader of
//! a Clearinghouse sheet ([`clearinghouse`]), a long sheet ([`long`]), a data-browser export
//! ([`eurostat`]) or the [`metadata`] sheet; text is decoded ([`text`]) and read as a long file
//! ([`long`]), a Eurostat bulk file ([`eurostat`]) or SDMX-CSV ([`sdmx`]), whose dimensions
//! [`dims`] reads. Every reader resolves codes through [`codes::Codes`] and values through
//! [`values`]. [`preview`] shows the import dialog what would be read; [`load_inputs`] loads
//! several files into one data set.
#![deny(clippy::indexing_slicing)] // Input decides the indices here: `get`, never `[]`.

pub mod age_totals;
pub mod book;
pub mod clearinghouse;
pub mod codes;
pub mod container;
pub mod dims;
pub mod eurostat;
pub mod grid;
pub mod header;
pub mod long;
pub mod merged;
pub mod metadata;
pub mod ods;
pub mod ole;
pub mod options;
pub mod preview;
pub mod sdmx;
pub mod sheet;
pub mod text;
pub mod values;
pub mod workbook;
pub mod zipxml;

pub use options::{
    ColumnRole, ImportOptions, LabelTarget, Layout, NOT_A_COUNTRY, OptionsError, SheetOptions,
    label_target, read_label_mapping,
};
pub use preview::{Preview, SheetPreview, preview};

use crate::model::{Dataset, Location, Sex, SourceFile, TableId};
use container::Container;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// At most this many skipped rows are listed one by one; all are counted.
pub const MAX_LISTED_SKIPS: usize = 200;

/// A file that could not be read at all.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum LoadError {
    #[error("{path}: file not found")]
    NotFound { path: String },
    #[error("{path}: is a directory, expected a data file (.csv, .tsv, .xlsx, .xls, .ods, …)")]
    IsDirectory { path: String },
    #[error("{path}: the file is empty, expected migration data")]
    Empty { path: String },
    /// A FIFO, device or socket: reading it could wait forever or never end.
    #[error(
        "{path}: is {found}, not a regular file; expected a data file (.csv, .tsv, .xlsx, .xls, \
         .ods, …): save the data to a file and give that"
    )]
    NotRegular { path: String, found: String },
    /// A symbolic link that leads back to itself, directly or through other links.
    #[error(
        "{path}: is a symbolic link that leads back to itself (a loop of links), expected a data \
         file: point the link at the data file, or give the file itself"
    )]
    LinkLoop { path: String },
    #[error("{path}: {expected}; found {found}")]
    Unrecognised {
        path: String,
        expected: String,
        found: String,
    },
    #[error("{path}: cannot read the workbook ({detail})")]
    Workbook { path: String, detail: String },
    #[error("{path}: the workbook is password-protected; save an unprotected copy and open that")]
    Encrypted { path: String },
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
    #[error("{path}: loading was cancelled")]
    Cancelled { path: String },
}

/// Progress and cancellation shared with a background loader.
#[derive(Clone, Debug, Default)]
pub struct LoadControl {
    cancel: Arc<AtomicBool>,
    /// Bytes done and total (of text files and workbooks), for a progress bar.
    done: Arc<AtomicU64>,
    total: Arc<AtomicU64>,
    observer: Option<ProgressObserver>,
}

/// A function told of every advance of the progress (see [`LoadControl::with_observer`]).
#[derive(Clone)]
struct ProgressObserver(Arc<dyn Fn(&LoadControl) + Send + Sync>);

impl std::fmt::Debug for ProgressObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressObserver")
    }
}

impl LoadControl {
    pub fn new() -> LoadControl {
        LoadControl::default()
    }

    /// A control that calls `observer` whenever the work done advances, on the loading thread,
    /// with the control itself: it may read [`done`](Self::done) and [`total`](Self::total), or
    /// [`cancel`](Self::cancel) the load, which stops at its next progress step.
    pub fn with_observer(observer: impl Fn(&LoadControl) + Send + Sync + 'static) -> LoadControl {
        LoadControl {
            observer: Some(ProgressObserver(Arc::new(observer))),
            ..LoadControl::default()
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: u64) {
        let before = self.done.swap(done, Ordering::Relaxed);
        if before != done {
            self.observe();
        }
    }

    pub fn add_total(&self, total: u64) {
        self.total.fetch_add(total, Ordering::Relaxed);
    }

    pub fn add_done(&self, done: u64) {
        if done == 0 {
            return;
        }
        self.done.fetch_add(done, Ordering::Relaxed);
        self.observe();
    }

    /// The work done so far, in the units of [`total`](Self::total).
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// The work known so far (bytes of text files and workbooks).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    fn observe(&self) {
        if let Some(observer) = &self.observer {
            (observer.0)(self);
        }
    }

    /// Share of the work done, 0–1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }
}

/// How one column of a sheet or text file was used.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ColumnUse {
    /// 0-based column index.
    pub index: usize,
    pub header: String,
    pub role: ColumnRole,
}

/// A block of year columns that holds one sex, found in the row above a Clearinghouse header
/// (`Total | Men | Women`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SexBlock {
    /// The label as written (`Мужчины`).
    pub label: String,
    pub sex: Sex,
    /// 0-based first and last column of the block.
    pub first_col: usize,
    pub last_col: usize,
}

/// What was read from one sheet (or from the single table of a text file).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
#[serde(default)]
pub struct SheetReport {
    pub name: String,
    pub hidden: bool,
    /// The layout the sheet was read in; `None` when it was not read.
    pub layout: Option<Layout>,
    /// The table (for Eurostat files, the by-country table of the dataset).
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    /// 1-based row of the header, as a spreadsheet shows it.
    pub header_row: Option<usize>,
    pub columns: Vec<ColumnUse>,
    pub rows_read: usize,
    pub rows_skipped: usize,
    /// Why the sheet was not read, or what was noticed about it.
    pub note: Option<String>,
    /// Sex blocks of a Clearinghouse sheet, left to right.
    pub sex_blocks: Vec<SexBlock>,
}

/// A row (or cell) that could not be read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SkippedRow {
    pub location: Location,
    pub reason: String,
}

/// What the loader recognised in one input and what it read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LoadReport {
    pub path: PathBuf,
    /// The file as locations name it: the path as given ([`shown_path`]), the bare file name
    /// for the embedded sample data.
    pub name: String,
    pub sha256: String,
    pub layout: Layout,
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
    pub sheets: Vec<SheetReport>,
    pub observations: usize,
    pub skipped_rows: usize,
    /// The first [`MAX_LISTED_SKIPS`] skipped rows with their reasons.
    pub skipped: Vec<SkippedRow>,
    /// Notes and source lines found below the data (`Source: …`, `Примечание …`).
    pub notes: Vec<String>,
    /// What the loader decided and why, for the user.
    pub messages: Vec<String>,
    /// False when the loader had to guess something the user may want to correct; the GUI then
    /// offers the import dialog. It is false when:
    /// - a table or reporter was taken from the file name (no column, title cell or option gave it);
    /// - a sheet's name and title cell name different tables;
    /// - a sheet looked like a table (it has a header row) but could not be read;
    /// - a Eurostat dataset was guessed from its dimensions;
    /// - a text file holds bytes that are not valid in the encoding it was read with.
    pub confident: bool,
    pub elapsed_ms: u64,
}

impl LoadReport {
    pub fn new(path: &Path, sha256: String, layout: Layout) -> LoadReport {
        LoadReport {
            path: path.to_path_buf(),
            name: shown_path(path),
            sha256,
            layout,
            encoding: None,
            delimiter: None,
            sheets: Vec::new(),
            observations: 0,
            skipped_rows: 0,
            skipped: Vec::new(),
            notes: Vec::new(),
            messages: Vec::new(),
            confident: true,
            elapsed_ms: 0,
        }
    }

    /// Adds what the reading of a later part of the same file reported: its skipped rows
    /// (listed while the list is short), notes and messages, after this report's own.
    pub fn absorb_part(&mut self, part: LoadReport) {
        self.skipped_rows += part.skipped_rows;
        let room = MAX_LISTED_SKIPS.saturating_sub(self.skipped.len());
        self.skipped.extend(part.skipped.into_iter().take(room));
        self.notes.extend(part.notes);
        self.messages.extend(part.messages);
    }

    /// Counts a skipped row and lists it while the list is short.
    pub fn skip(&mut self, location: Location, reason: impl Into<String>) {
        self.skipped_rows += 1;
        if self.skipped.len() < MAX_LISTED_SKIPS {
            self.skipped.push(SkippedRow {
                location,
                reason: reason.into(),
            });
        }
    }
}

/// The path as the user gave it (relative to the working directory as typed), which findings and
/// skipped rows name as their file (`v2019/KAZ.xlsx › Table 3 › D14`): two files of the same
/// name in different folders stay apart.
pub fn shown_path(path: &Path) -> String {
    path.display().to_string()
}

/// The file name shown to the user.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// SHA-256 of a file's bytes, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest.iter() {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// Reads a file from disk and loads it.
pub fn load_file(
    path: &Path,
    options: &ImportOptions,
    control: &LoadControl,
) -> Result<(Dataset, LoadReport), LoadError> {
    let bytes = read_input(path)?;
    load_bytes(path, &bytes, options, control)
}

/// The bytes of an input file, or why they cannot be read. Only a regular file (or a link to
/// one) is read: a FIFO, a device or a socket is refused before anything is read from it, since
/// reading one could wait forever.
pub fn read_input(path: &Path) -> Result<Vec<u8>, LoadError> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| io_error(path, &shown, &e))?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory { path: shown });
    }
    if !metadata.is_file() {
        return Err(LoadError::NotRegular {
            path: shown,
            found: file_kind(&metadata.file_type()).to_string(),
        });
    }
    std::fs::read(path).map_err(|e| io_error(path, &shown, &e))
}

/// SHA-256 of a regular file's bytes, or `None` when there is no regular file to read at `path`
/// (missing, a directory, a FIFO…); a FIFO or a device is never opened.
pub fn file_sha256(path: &Path) -> Option<String> {
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() {
        return None;
    }
    std::fs::read(path).ok().map(|bytes| sha256_hex(&bytes))
}

/// What a file that is neither a regular file nor a directory is, in words.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a file (a device, pipe or socket)"
}

/// An error of the file system, in words (not an OS error number).
fn io_error(path: &Path, shown: &str, error: &std::io::Error) -> LoadError {
    use std::io::ErrorKind;
    let path_string = || shown.to_string();
    match error.kind() {
        ErrorKind::NotFound => {
            let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
            if dangling {
                let target = std::fs::read_link(path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return LoadError::Io {
                    path: path_string(),
                    detail: format!(
                        "is a symbolic link to {target:?}, which does not exist; expected a data \
                         file: point the link at the data file, or give the file itself"
                    ),
                };
            }
            LoadError::NotFound {
                path: path_string(),
            }
        }
        ErrorKind::PermissionDenied => LoadError::Io {
            path: path_string(),
            detail: "cannot be read: permission denied; expected a file this user may read \
                     (check its permissions or copy it)"
                .into(),
        },
        // `ErrorKind::FilesystemLoop` (ELOOP) is named by its debug form, which also works
        // where the variant is not stable.
        kind if format!("{kind:?}") == "FilesystemLoop" || is_eloop(error) => LoadError::LinkLoop {
            path: path_string(),
        },
        _ => LoadError::Io {
            path: path_string(),
            detail: format!("cannot be read: {}", io_words(error)),
        },
    }
}

/// Whether the OS said "too many levels of symbolic links".
fn is_eloop(error: &std::io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") {
        Some(40)
    } else if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )) {
        Some(62)
    } else {
        None
    };
    eloop.is_some() && error.raw_os_error() == eloop
}

/// An I/O error's words without the OS error number (`Input/output error (os error 5)` →
/// `input/output error`).
fn io_words(error: &std::io::Error) -> String {
    let text = error.to_string();
    let words = match text.rfind(" (os error ") {
        Some(at) => &text[..at],
        None => text.as_str(),
    };
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Loads a file whose bytes are already in memory. `path` names the file in messages and, as
/// given, in the locations of what was read ([`shown_path`]); its extension helps detection.
pub fn load_bytes(
    path: &Path,
    bytes: &[u8],
    options: &ImportOptions,
    control: &LoadControl,
) -> Result<(Dataset, LoadReport), LoadError> {
    load_bytes_named(path, &shown_path(path), bytes, options, control)
}

/// [`load_bytes`] with the name locations give the file: the embedded sample data are named by
/// their bare file names (`KAZ.xlsx › Table 3 › D14`), as if opened where they were written.
pub fn load_bytes_named(
    path: &Path,
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    control: &LoadControl,
) -> Result<(Dataset, LoadReport), LoadError> {
    let started = Instant::now();
    let shown = path.display().to_string();
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: shown });
    }
    let mut dataset = Dataset::new();
    let file = dataset.add_file(SourceFile {
        path: path.to_path_buf(),
        name: name.into(),
        sha256: String::new(),
    });
    let mut report = LoadReport::new(path, String::new(), Layout::LongCsv);
    report.name = name.to_string();
    // The file is hashed beside its reading instead of after it; an unreadable file waits for
    // its hash, at most as long as reading it from the disk took.
    let (sha256, loaded) = crate::parallel::join(
        || sha256_hex(bytes),
        || {
            load_container(
                bytes,
                Reading {
                    path,
                    options,
                    control,
                    dataset: &mut dataset,
                    file,
                    report: &mut report,
                },
            )
        },
    );
    loaded?;
    age_totals::sum_missing_age_totals(&mut dataset, &mut report);
    if let Some(source) = dataset.files.get_mut(file as usize) {
        source.sha256 = sha256.clone();
    }
    report.sha256 = sha256;
    dataset.shrink_to_fit();
    report.observations = dataset.len();
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok((dataset, report))
}

/// What every reader of one file is given: the file (its path names it in messages), the
/// user's import options, the progress and cancel switch, and where the observations, their
/// file number and the file's report go.
pub struct Reading<'a> {
    pub path: &'a Path,
    pub options: &'a ImportOptions,
    pub control: &'a LoadControl,
    pub dataset: &'a mut Dataset,
    pub file: u16,
    pub report: &'a mut LoadReport,
}

/// Reads the bytes in the container they are in: gzip (inflated, then looked at again),
/// a workbook, or text.
fn load_container(bytes: &[u8], reading: Reading<'_>) -> Result<(), LoadError> {
    let path = reading.path;
    match container::detect(bytes, path) {
        Container::Gzip => {
            let inflated = container::inflate_gzip(bytes, container::MAX_INFLATED_BYTES, path)?;
            reading.report.messages.push(format!(
                "gzip-compressed: {} inflated to {}",
                container::format_bytes(bytes.len() as u64),
                container::format_bytes(inflated.len() as u64)
            ));
            let inner = container::inner_path(path);
            match container::detect(&inflated, &inner) {
                Container::Gzip => Err(LoadError::Unrecognised {
                    path: path.display().to_string(),
                    expected: "expected data inside the gzip file".into(),
                    found: "another gzip file inside it".into(),
                }),
                kind @ (Container::Zip | Container::Ole) => {
                    workbook::load_workbook(&inflated, kind, reading)
                }
                Container::Text => text::load_text(&inflated, reading),
            }
        }
        kind @ (Container::Zip | Container::Ole) => workbook::load_workbook(bytes, kind, reading),
        Container::Text => text::load_text(bytes, reading),
    }
}

/// The result of loading several files: one data set, and per file its report or its error.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub dataset: Dataset,
    pub files: Vec<Result<LoadReport, LoadError>>,
}

impl LoadOutcome {
    pub fn errors(&self) -> impl Iterator<Item = &LoadError> {
        self.files.iter().filter_map(|f| f.as_ref().err())
    }

    pub fn reports(&self) -> impl Iterator<Item = &LoadReport> {
        self.files.iter().filter_map(|f| f.as_ref().ok())
    }
}

/// Loads several files into one data set; a file that fails does not stop the others, and a
/// file not begun when the user cancels is listed as cancelled.
pub fn load_files(
    paths: &[PathBuf],
    options_for: impl Fn(&Path) -> ImportOptions,
    control: &LoadControl,
) -> LoadOutcome {
    load_inputs(
        paths.iter().cloned().map(Input::File),
        |path, _| options_for(path),
        control,
        WhenCancelled::ListEach,
    )
    .into()
}

/// One input of a load of several: a file on disk, or bytes already in memory.
#[derive(Clone, Debug)]
pub enum Input<'b> {
    /// A file on disk, named in locations as given ([`shown_path`]).
    File(PathBuf),
    /// Bytes in memory, named in locations by their bare file name ([`display_name`]) as if
    /// opened from `path`: the embedded sample data.
    Embedded { path: PathBuf, bytes: &'b [u8] },
}

impl Input<'_> {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(path) | Input::Embedded { path, .. } => path,
        }
    }
}

/// What becomes of the inputs not begun once the user has cancelled.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WhenCancelled {
    /// Each is listed with [`LoadError::Cancelled`].
    ListEach,
    /// The load stops there: they are not listed.
    Stop,
}

/// One input as it was loaded: where it is, the import options it was read with, and its
/// report or error.
#[derive(Debug)]
pub struct InputLoaded {
    pub path: PathBuf,
    pub options: ImportOptions,
    pub result: Result<LoadReport, LoadError>,
}

/// The result of [`load_inputs`]: one data set, and every input as it was loaded, in order.
#[derive(Debug, Default)]
pub struct InputsLoaded {
    pub dataset: Dataset,
    pub inputs: Vec<InputLoaded>,
}

impl From<InputsLoaded> for LoadOutcome {
    fn from(loaded: InputsLoaded) -> LoadOutcome {
        LoadOutcome {
            dataset: loaded.dataset,
            files: loaded
                .inputs
                .into_iter()
                .map(|input| input.result)
                .collect(),
        }
    }
}

/// Loads several inputs into one data set, in order; an input that fails does not stop the
/// others. `options_for` gives each input's import options from its path and its bytes (`None`
/// when a file could not be read); `when_cancelled` says what becomes of the inputs not begun
/// once the user has cancelled through `control`, which every load reports its progress to.
pub fn load_inputs<'b>(
    inputs: impl IntoIterator<Item = Input<'b>>,
    mut options_for: impl FnMut(&Path, Option<&[u8]>) -> ImportOptions,
    control: &LoadControl,
    when_cancelled: WhenCancelled,
) -> InputsLoaded {
    let mut loaded = InputsLoaded::default();
    for input in inputs {
        if control.is_cancelled() {
            match when_cancelled {
                WhenCancelled::Stop => break,
                WhenCancelled::ListEach => {
                    loaded.inputs.push(InputLoaded {
                        path: input.path().to_path_buf(),
                        options: ImportOptions::default(),
                        result: Err(LoadError::Cancelled {
                            path: input.path().display().to_string(),
                        }),
                    });
                    continue;
                }
            }
        }
        let (path, options, result) = match input {
            Input::File(path) => {
                let bytes = read_input(&path);
                let options = options_for(&path, bytes.as_deref().ok());
                let result = bytes.and_then(|bytes| load_bytes(&path, &bytes, &options, control));
                (path, options, result)
            }
            Input::Embedded { path, bytes } => {
                let options = options_for(&path, Some(bytes));
                let name = display_name(&path);
                let result = load_bytes_named(&path, &name, bytes, &options, control);
                (path, options, result)
            }
        };
        let result = result.map(|(dataset, report)| {
            loaded.dataset.merge(dataset);
            report
        });
        loaded.inputs.push(InputLoaded {
            path,
            options,
            result,
        });
    }
    loaded
}
