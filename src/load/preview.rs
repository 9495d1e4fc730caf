//! A preview of a file for the import dialog: the first rows of each sheet as text, and what the
//! loader would detect in them (layout, encoding, delimiter, header row, column roles, table,
//! reporter, sex blocks). The dialog lets the user change these; it stores the choices as
//! [`ImportOptions`] and loads again.

use super::container::{self, Container};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::{
    ColumnUse, LoadControl, LoadError, LoadReport, Reading, SexBlock, book, text, workbook,
};
use crate::model::{Dataset, SourceFile, TableId};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How much of a text file the preview's detection reads (the rows shown come from the start).
const PREVIEW_TEXT_BYTES: usize = 1 << 20;

/// What the import dialog shows about a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub path: PathBuf,
    pub name: String,
    /// The layout detected (or chosen), `None` when nothing could be read.
    pub layout: Option<Layout>,
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
    /// One per sheet; one for a text file, named after the file.
    pub sheets: Vec<SheetPreview>,
    /// What the loader decided and why.
    pub messages: Vec<String>,
    /// Why the file cannot be read with these options, when it cannot (the user then picks the
    /// header row, roles, table or reporter).
    pub error: Option<String>,
    /// False when the loader guessed something (see [`LoadReport::confident`]) or failed.
    pub confident: bool,
}

/// One sheet of a preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct SheetPreview {
    pub name: String,
    pub hidden: bool,
    /// The first rows as the file shows them.
    pub rows: Vec<Vec<String>>,
    pub layout: Option<Layout>,
    /// 1-based header row detected or chosen.
    pub header_row: Option<usize>,
    pub columns: Vec<ColumnUse>,
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    pub sex_blocks: Vec<SexBlock>,
    /// Why the sheet is not read, or what was noticed about it.
    pub note: Option<String>,
}

impl SheetPreview {
    /// The role of a 0-based column, if the loader gave it one.
    pub fn role(&self, index: usize) -> Option<ColumnRole> {
        self.columns
            .iter()
            .find(|c| c.index == index)
            .map(|c| c.role)
    }
}

/// Previews a file: its first `max_rows` rows per sheet and what the loader detects with these
/// options. Fails only when the file cannot be opened at all (missing, a directory, empty,
/// damaged or password-protected workbook); a file whose layout is not recognised gives a
/// preview with [`Preview::error`] set, so the user can say how to read it.
pub fn preview(
    path: &Path,
    options: &ImportOptions,
    max_rows: usize,
) -> Result<Preview, LoadError> {
    let bytes = super::read_input(path)?;
    let shown = path.display().to_string();
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: shown });
    }
    let (kind, inflated) = match container::detect(&bytes, path) {
        Container::Gzip => {
            let inflated = container::inflate_gzip(&bytes, container::MAX_INFLATED_BYTES, path)?;
            (
                container::detect(&inflated, &container::inner_path(path)),
                Some(inflated),
            )
        }
        kind => (kind, None),
    };
    let bytes: &[u8] = inflated.as_deref().unwrap_or(&bytes);
    let mut dataset = Dataset::new();
    let file = dataset.add_file(SourceFile {
        path: path.to_path_buf(),
        name: super::shown_path(path).into(),
        sha256: String::new(),
    });
    let mut report = LoadReport::new(path, String::new(), Layout::LongCsv);
    let control = LoadControl::new();
    let reading = Reading {
        path,
        options,
        control: &control,
        dataset: &mut dataset,
        file,
        report: &mut report,
    };
    let (mut sheets, outcome) = match kind {
        Container::Zip | Container::Ole => {
            let heads = book::sheet_heads(bytes, kind, path, max_rows)?;
            let sheets = heads
                .into_iter()
                .map(|head| SheetPreview {
                    name: head.name,
                    hidden: head.hidden,
                    rows: head.rows,
                    ..SheetPreview::default()
                })
                .collect();
            (sheets, workbook::load_workbook(bytes, kind, reading))
        }
        _ => preview_text(bytes, max_rows, reading)?,
    };
    let error = match outcome {
        Ok(()) => None,
        Err(error @ (LoadError::Unrecognised { .. } | LoadError::Empty { .. })) => {
            Some(error.to_string())
        }
        // A sheet that could not be read, in a workbook that opened.
        Err(error @ LoadError::Workbook { .. }) if !report.sheets.is_empty() => {
            Some(error.to_string())
        }
        Err(error) => return Err(error),
    };
    for found in &report.sheets {
        if let Some(sheet) = sheets.iter_mut().find(|s| s.name == found.name) {
            sheet.hidden = found.hidden;
            sheet.layout = found.layout;
            sheet.header_row = found.header_row;
            sheet.columns = found.columns.clone();
            sheet.table = found.table;
            sheet.reporter = found.reporter.clone();
            sheet.sex_blocks = found.sex_blocks.clone();
            sheet.note = found.note.clone();
        }
    }
    let read_any = report.sheets.iter().any(|s| s.layout.is_some());
    Ok(Preview {
        path: path.to_path_buf(),
        name: super::display_name(path),
        layout: (read_any && error.is_none()).then_some(report.layout),
        encoding: report.encoding,
        delimiter: report.delimiter,
        sheets,
        messages: report.messages,
        confident: report.confident && error.is_none(),
        error,
    })
}

/// Previews a text file: its first rows, and what loading its head (at most
/// [`PREVIEW_TEXT_BYTES`]) gives. Fails when the bytes are no text or cannot be decoded.
fn preview_text(
    bytes: &[u8],
    max_rows: usize,
    reading: Reading<'_>,
) -> Result<(Vec<SheetPreview>, Result<(), LoadError>), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    if text::looks_binary(bytes) {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: "expected a text file (CSV, TSV) or a workbook (.xlsx, .xls, .ods)".into(),
            found: "binary data".into(),
        });
    }
    let decoded = text::decode(bytes, options.encoding.as_deref()).map_err(|e| LoadError::Io {
        path: shown,
        detail: e.to_string(),
    })?;
    report.encoding = Some(decoded.encoding.name().to_string());
    let head = head_of(&decoded.text, PREVIEW_TEXT_BYTES);
    let outcome = text::load_decoded(
        head,
        Reading {
            path,
            options,
            control,
            dataset,
            file,
            report: &mut *report,
        },
    );
    let delimiter = report
        .delimiter
        .or(options.delimiter)
        .unwrap_or_else(|| text::detect_delimiter(head, path));
    let rows = text_rows(head, delimiter, max_rows);
    let sheet = SheetPreview {
        name: super::display_name(path),
        rows,
        ..SheetPreview::default()
    };
    report.delimiter = Some(delimiter);
    Ok((vec![sheet], outcome))
}

/// The start of a text, at most `limit` bytes, cut after a line end.
fn head_of(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let cut = text
        .as_bytes()
        .get(..limit)
        .unwrap_or_default()
        .iter()
        .rposition(|b| *b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    &text[..cut]
}

/// The first rows of a text file, split at the delimiter.
fn text_rows(text: &str, delimiter: char, max_rows: usize) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .take(max_rows)
        .map_while(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}
