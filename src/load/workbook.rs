//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: every sheet is looked at and either
//! read in the layout it shows (Clearinghouse, long, Eurostat data browser), read as the
//! `Metadata` sheet, or listed with the reason it was not read (cover page, empty, chart).

use super::codes::Codes;
use super::container::Container;
use super::long::{Columns, LongDefaults, LongReader, RowPlace, find_header};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::values::detect_number_style;
use super::{
    LoadControl, LoadError, LoadReport, Reading, SheetReport, clearinghouse, eurostat, metadata,
    zipxml,
};
use crate::model::Dataset;
use calamine::{
    Data, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::Write as _;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

type Book<'b> = Sheets<Cursor<&'b [u8]>>;

thread_local! {
    /// Whether this thread is inside [`guarded`], reading a workbook.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs the spreadsheet reader, which may panic on damaged bytes (an index past the end of a
/// cut .xls): the panic is caught, and the caller says what is wrong with the file. It is not
/// printed either (`thread 'main' panicked at …/calamine/src/cfb.rs`): the user gets the
/// message about the file, not the reader's. Panics elsewhere are printed as before.
fn guarded<T>(read: impl FnOnce() -> T) -> std::thread::Result<T> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let outer = GUARDED.with(|g| g.replace(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    GUARDED.with(|g| g.set(outer));
    result
}

static EMPTY: Data = Data::Empty;

/// The cells of one sheet, addressed by absolute 0-based row and column (calamine's ranges start
/// at the first used cell).
#[derive(Copy, Clone)]
pub struct Grid<'a> {
    range: &'a Range<Data>,
    top: usize,
    left: usize,
    rows: usize,
    cols: usize,
}

impl<'a> Grid<'a> {
    pub fn new(range: &'a Range<Data>) -> Grid<'a> {
        let (top, left) = range
            .start()
            .map(|(r, c)| (r as usize, c as usize))
            .unwrap_or((0, 0));
        let (height, width) = range.get_size();
        Grid {
            range,
            top,
            left,
            rows: if height == 0 { 0 } else { top + height },
            cols: if width == 0 { 0 } else { left + width },
        }
    }

    /// Number of rows, counting from row 1 of the sheet.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns, counting from column A.
    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0 || self.range.used_cells().next().is_none()
    }

    pub fn get(&self, row: usize, col: usize) -> &'a Data {
        if row < self.top || col < self.left {
            return &EMPTY;
        }
        self.range
            .get((row - self.top, col - self.left))
            .unwrap_or(&EMPTY)
    }

    /// The cell as text, as a spreadsheet shows it (whole numbers without `.0`).
    pub fn text(&self, row: usize, col: usize) -> Cow<'a, str> {
        data_text(self.get(row, col))
    }

    pub fn is_blank(&self, row: usize, col: usize) -> bool {
        is_blank(self.get(row, col))
    }

    pub fn is_blank_row(&self, row: usize) -> bool {
        (0..self.cols).all(|col| self.is_blank(row, col))
    }

    /// The first `max_rows` rows as text.
    pub fn head(&self, max_rows: usize) -> Vec<Vec<String>> {
        (0..self.rows.min(max_rows))
            .map(|row| {
                (0..self.cols)
                    .map(|col| self.text(row, col).into_owned())
                    .collect()
            })
            .collect()
    }
}

/// Whether a cell holds nothing (or only spaces).
pub fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as text, as a spreadsheet shows it: whole numbers without `.0`, dates as `2010-01-01`,
/// errors as `#N/A`.
pub fn data_text(data: &Data) -> Cow<'_, str> {
    match data {
        Data::Empty => Cow::Borrowed(""),
        Data::String(s) => Cow::Borrowed(s.as_str()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cow::Borrowed(s.as_str()),
        Data::Float(f) => {
            let mut out = String::new();
            write_number(&mut out, *f);
            Cow::Owned(out)
        }
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Bool(b) => Cow::Owned(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cow::Owned(e.to_string()),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Cow::Owned(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Cow::Owned(dt.as_f64().to_string())
            }
        }
    }
}

/// Writes a number as a spreadsheet shows it: `2018`, not `2018.0`; `1234.5`.
pub fn write_number(out: &mut String, value: f64) {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let _ = write!(out, "{}", value as i64);
    } else {
        let _ = write!(out, "{value}");
    }
}

/// A year in a header cell: a whole number or text written as a year, from 1900 up to the
/// current year (`2018`, `2018.0`, `2018 `, `2018 г.`, `1961–62`); see [`super::header`].
pub fn header_year(data: &Data) -> Option<u16> {
    super::header::cell_year(data, super::header::current_year()).map(|y| y.year)
}

/// A sheet ready to be read.
pub struct SheetInput<'a> {
    pub name: &'a str,
    pub hidden: bool,
    pub grid: Grid<'a>,
    /// Merged regions, where the format lets calamine read them (xlsx, xls).
    pub merged: Option<&'a [Dimensions]>,
}

/// What became of one sheet.
pub enum SheetOutcome {
    /// Read; the report says how.
    Read(SheetReport),
    /// Not a table (cover page, empty sheet, chart): listed with the reason.
    NotTable(SheetReport),
    /// Looked like a table but could not be read; the error names the sheet and cell.
    Failed(SheetReport, LoadError),
    /// The user cancelled the load while the sheet was read.
    Cancelled(LoadError),
}

/// Calamine reads a sheet's cells in one call (`worksheet_range`) that cannot report progress
/// or be cancelled; that part counts as this fixed share (in %) of the sheet's progress, the
/// rest goes with the rows as they are turned into observations.
const READ_SHARE_PERCENT: u64 = 50;

/// Progress is reported, and Cancel honoured, after about this many cells of a sheet's rows.
const PROGRESS_CELLS: usize = 2048;

/// Progress through one sheet of a workbook, in the workbook's units (its bytes): the sheet has
/// a budget (its share of the workbook's cells), counted as it is read and reported to the
/// [`LoadControl`], which is also asked at each step whether the user cancelled.
pub struct SheetProgress<'c> {
    control: &'c LoadControl,
    path: &'c Path,
    budget: u64,
    /// Units of the budget reported so far.
    reported: u64,
    /// Units counted once calamine has read the cells.
    read_units: u64,
    rows: usize,
    cols: usize,
    /// The row at which progress was last reported.
    last_row: usize,
}

impl<'c> SheetProgress<'c> {
    fn new(control: &'c LoadControl, path: &'c Path, budget: u64) -> SheetProgress<'c> {
        SheetProgress {
            control,
            path,
            budget,
            reported: 0,
            read_units: 0,
            rows: 0,
            cols: 0,
            last_row: 0,
        }
    }

    fn cancelled(&self) -> Result<(), LoadError> {
        if self.control.is_cancelled() {
            return Err(LoadError::Cancelled {
                path: self.path.display().to_string(),
            });
        }
        Ok(())
    }

    /// Reports the sheet's progress up to `units` of its budget.
    fn advance_to(&mut self, units: u64) {
        let units = units.min(self.budget);
        if units > self.reported {
            self.control.add_done(units - self.reported);
            self.reported = units;
        }
    }

    /// Calamine has read the sheet's cells: counts the fixed share of that read.
    fn sheet_read(&mut self, grid: &Grid<'_>) -> Result<(), LoadError> {
        self.rows = grid.rows();
        self.cols = grid.cols().max(1);
        self.read_units = self.budget * READ_SHARE_PERCENT / 100;
        self.advance_to(self.read_units);
        self.cancelled()
    }

    /// Row `row` (0-based, of the sheet) is about to be turned into observations: every
    /// [`PROGRESS_CELLS`] cells, reports the rows before it and stops if the user cancelled.
    pub fn at_row(&mut self, row: usize) -> Result<(), LoadError> {
        if row.saturating_sub(self.last_row).saturating_mul(self.cols) < PROGRESS_CELLS {
            return Ok(());
        }
        self.last_row = row;
        let rows_units = self.budget - self.read_units;
        let done =
            (rows_units as u128 * row.min(self.rows) as u128 / self.rows.max(1) as u128) as u64;
        self.advance_to(self.read_units + done);
        self.cancelled()
    }

    /// The sheet is done (read, or passed over): counts what is left of its budget.
    fn finish(&mut self) {
        self.advance_to(self.budget);
    }
}

/// Each sheet's weight in the workbook's progress. An xlsx sheet declares the range of its
/// cells before them (`<dimension>`), which calamine reads without reading the cells; the other
/// formats do not say before the sheet is read, so their sheets weigh the same. Sheets that are
/// not read weigh next to nothing.
fn sheet_weights(
    book: &mut Book<'_>,
    sheets: &[calamine::Sheet],
    options: &ImportOptions,
) -> Vec<u64> {
    let read = |sheet: &calamine::Sheet| {
        sheet.typ == SheetType::WorkSheet && options.reads_sheet(&sheet.name)
    };
    let Sheets::Xlsx(xlsx) = book else {
        return sheets
            .iter()
            .map(|sheet| if read(sheet) { 1000 } else { 1 })
            .collect();
    };
    sheets
        .iter()
        .map(|sheet| {
            if !read(sheet) {
                return 1;
            }
            let declared = guarded(|| {
                xlsx.worksheet_cells_reader(&sheet.name)
                    .map(|reader| {
                        let Dimensions { start, end } = reader.dimensions();
                        (end.0.saturating_sub(start.0) as u64 + 1)
                            * (end.1.saturating_sub(start.1) as u64 + 1)
                    })
                    .unwrap_or(1)
            });
            declared.unwrap_or(1).max(1)
        })
        .collect()
}

/// Splits `total` units between the sheets by their weights; the budgets add up to `total`.
fn budgets(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u128 = weights.iter().map(|w| *w as u128).sum::<u128>().max(1);
    let mut cumulative: u128 = 0;
    let mut before: u64 = 0;
    weights
        .iter()
        .map(|weight| {
            cumulative += *weight as u128;
            let upto = (total as u128 * cumulative / sum) as u64;
            let budget = upto - before;
            before = upto;
            budget
        })
        .collect()
}

/// Opens a workbook held in memory, naming what is wrong when it cannot be opened.
fn open<'b>(bytes: &'b [u8], container: Container, path: &Path) -> Result<Book<'b>, LoadError> {
    let shown = path.display().to_string();
    let workbook_error = |detail: String| LoadError::Workbook {
        path: shown.clone(),
        detail,
    };
    let guarded = guarded(|| open_unguarded(bytes, container));
    match guarded {
        Ok(Ok(book)) => Ok(book),
        Ok(Err(OpenError::Encrypted)) => Err(LoadError::Encrypted { path: shown }),
        Ok(Err(OpenError::Damaged(detail))) => Err(workbook_error(detail)),
        Err(_) => Err(workbook_error(
            "the workbook is damaged: the spreadsheet reader stopped on it; open it in the \
             spreadsheet program and save it again, or save the table as CSV"
                .into(),
        )),
    }
}

enum OpenError {
    Encrypted,
    Damaged(String),
}

fn open_unguarded(bytes: &[u8], container: Container) -> Result<Book<'_>, OpenError> {
    if !super::container::has_signature(bytes, container) {
        // Named as a workbook, but its bytes do not begin as one: the reader's complaint
        // (`Invalid OLE signature`, `Could not find EOCD`) would name a format the file is not.
        return Err(OpenError::Damaged(match container {
            Container::Ole => "expected an Excel 97–2003 workbook, which begins with the \
                               signature of an OLE compound file; found other binary data: the \
                               file is damaged, or is no workbook under an .xls name"
                .into(),
            _ => "expected a workbook in a ZIP archive (.xlsx, .xlsm, .ods), which begins with \
                  \"PK\"; found other binary data: the file is damaged, or is no workbook under a \
                  workbook's name"
                .into(),
        }));
    }
    let cursor = || Cursor::new(bytes);
    match container {
        Container::Ole => {
            // calamine reads a whole xls workbook when it opens it, as large as the file says.
            super::ole::check_xls(bytes).map_err(OpenError::Damaged)?;
            // An encrypted OOXML workbook is an OLE file holding an `EncryptedPackage`
            // stream; calamine's xlsx reader recognises it.
            let xls_error = match open_workbook_from_rs::<Xls<_>, _>(cursor()) {
                Ok(book) => return Ok(Sheets::Xls(book)),
                Err(calamine::XlsError::Password) => return Err(OpenError::Encrypted),
                Err(e) => e,
            };
            match open_workbook_from_rs::<Xlsx<_>, _>(cursor()) {
                Err(calamine::XlsxError::Password) => Err(OpenError::Encrypted),
                _ => Err(OpenError::Damaged(format!(
                    "an OLE compound file that is not a readable Excel 97–2003 workbook: \
                     {xls_error}"
                ))),
            }
        }
        _ => {
            check_shared_strings(bytes).map_err(OpenError::Damaged)?;
            let xlsx_error = match open_workbook_from_rs::<Xlsx<_>, _>(cursor()) {
                Ok(book) => return Ok(Sheets::Xlsx(book)),
                Err(calamine::XlsxError::Password) => return Err(OpenError::Encrypted),
                Err(e) => e,
            };
            if let calamine::XlsxError::Zip(e) = &xlsx_error {
                return Err(OpenError::Damaged(format!(
                    "the ZIP archive is damaged or truncated: {e}"
                )));
            }
            if let Ok(book) = open_workbook_from_rs::<Xlsb<_>, _>(cursor()) {
                return Ok(Sheets::Xlsb(book));
            }
            // calamine reads a whole ods spreadsheet when it opens it, repeats expanded.
            super::ods::check_ods(bytes).map_err(OpenError::Damaged)?;
            match open_workbook_from_rs::<Ods<_>, _>(cursor()) {
                Ok(book) => Ok(Sheets::Ods(book)),
                Err(calamine::OdsError::Password) => Err(OpenError::Encrypted),
                Err(_) => match xlsx_error {
                    calamine::XlsxError::FileNotFound(_) => Err(OpenError::Damaged(
                        "a ZIP archive that holds no workbook (no xl/workbook.xml or \
                         content.xml); expected an .xlsx, .xlsm or .ods file"
                            .into(),
                    )),
                    other => Err(OpenError::Damaged(format!(
                        "the workbook's contents are damaged: {other}"
                    ))),
                },
            }
        }
    }
}

/// Checks the count of shared strings an xlsx file declares (`<sst uniqueCount="…">` in
/// `xl/sharedStrings.xml`): calamine sets aside room for that many strings when it opens the
/// file, so a damaged count would ask for gigabytes before any sheet is read. A real count is
/// bounded by the strings the file can hold: at most a hundred per byte of the file, and no more
/// than [`MAX_GRID_CELLS`].
fn check_shared_strings(bytes: &[u8]) -> Result<(), String> {
    let most = (bytes.len() as u64).saturating_mul(100).min(MAX_GRID_CELLS);
    let is_strings = |name: &[u8]| name.to_ascii_lowercase().ends_with(b"sharedstrings.xml");
    for xml in zipxml::entries(bytes, is_strings) {
        let mut declared = None;
        zipxml::scan(xml, |tag| {
            if zipxml::local_name(tag) != b"sst" {
                return true;
            }
            declared = zipxml::attribute(tag, b"uniqueCount").and_then(zipxml::number);
            false
        })
        .map_err(|what| format!("expected an Excel workbook, found {what}"))?;
        if let Some(count) = declared.filter(|count| *count > most) {
            return Err(format!(
                "expected an Excel workbook, found a damaged one: its list of shared strings \
                 says it holds {} strings, more than a file of {} can; open it in Excel or \
                 LibreOffice and save it again",
                crate::model::format_count(count as f64),
                super::container::format_bytes(bytes.len() as u64)
            ));
        }
    }
    Ok(())
}

/// One sheet's cells, read under a guard against a failing reader.
fn read_sheet(book: &mut Book<'_>, name: &str) -> Result<Range<Data>, String> {
    let guarded = guarded(|| match book {
        // Read cell by cell, so that the grid spans the cells present and a stray cell at an
        // extreme address is refused instead of allocating the whole sheet.
        Sheets::Xlsx(xlsx) => read_xlsx_cells(xlsx, name),
        other => other.worksheet_range(name).map_err(|e| e.to_string()),
    });
    guarded.unwrap_or_else(|_| {
        Err(
            "the sheet is damaged: the spreadsheet reader stopped on it; open the workbook in \
             the spreadsheet program and save it again, or save the table as CSV"
                .to_string(),
        )
    })
}

/// The most cells a sheet's grid may span (at 32 bytes a cell, 800 MB): the Clearinghouse
/// tables of a country fill a few hundred thousand.
pub const MAX_GRID_CELLS: u64 = 25_000_000;

/// An xlsx sheet's cells, read one by one, as a grid spanning the cells present; refused when
/// the cells present are more than [`MAX_GRID_CELLS`] or spread over more than that.
fn read_xlsx_cells(xlsx: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Range<Data>, String> {
    let mut reader = xlsx
        .worksheet_cells_reader(name)
        .map_err(|e| e.to_string())?;
    let mut cells: Vec<calamine::Cell<Data>> = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        let (row, col) = cell.get_position();
        let value: Data = cell.get_value().clone().into();
        if matches!(value, Data::Empty) {
            continue;
        }
        if cells.len() as u64 >= MAX_GRID_CELLS {
            return Err(format!(
                "the sheet holds more than {} cells, more than migreview reads in one sheet; \
                 split it or give the data as a CSV file",
                crate::model::format_count(MAX_GRID_CELLS as f64)
            ));
        }
        top = top.min(row);
        left = left.min(col);
        bottom = bottom.max(row);
        right = right.max(col);
        cells.push(calamine::Cell::new((row, col), value));
    }
    if cells.is_empty() {
        return Ok(Range::empty());
    }
    let rows = u64::from(bottom - top) + 1;
    let cols = u64::from(right - left) + 1;
    if rows.saturating_mul(cols) > MAX_GRID_CELLS {
        let far = cells
            .iter()
            .map(|c| c.get_position())
            .max_by_key(|(r, c)| u64::from(*r) + u64::from(*c))
            .unwrap_or((bottom, right));
        return Err(format!(
            "its {} cells are spread over {} rows × {} columns (a cell at {}), more than the \
             {} cells migreview reads in one sheet; delete the stray cells far from the table, \
             or copy the table to a new sheet",
            crate::model::format_count(cells.len() as f64),
            crate::model::format_count(rows as f64),
            crate::model::format_count(cols as f64),
            crate::model::cell_ref(far.0, far.1.min(u32::from(u16::MAX) - 1) as u16),
            crate::model::format_count(MAX_GRID_CELLS as f64)
        ));
    }
    Ok(Range::from_sparse(cells))
}

/// One sheet's merged regions (xlsx, xls), under the same guard; none when unreadable.
fn merged_regions(book: &mut Book<'_>, name: &str) -> Vec<Dimensions> {
    let guarded = guarded(|| match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    });
    guarded.unwrap_or_default()
}

/// Whether the format records merged regions that calamine can read.
fn has_merge_info(book: &Book<'_>) -> bool {
    matches!(book, Sheets::Xlsx(_) | Sheets::Xls(_))
}

/// The first rows of a sheet, for the import dialog's preview.
pub struct SheetHead {
    pub name: String,
    pub hidden: bool,
    pub rows: Vec<Vec<String>>,
}

/// The sheets of a workbook with their first `max_rows` rows as text.
pub fn sheet_heads(
    bytes: &[u8],
    container: Container,
    path: &Path,
    max_rows: usize,
) -> Result<Vec<SheetHead>, LoadError> {
    let mut book = open(bytes, container, path)?;
    let sheets = book.sheets_metadata().to_vec();
    let mut heads = Vec::new();
    for sheet in sheets {
        let hidden = sheet.visible != SheetVisible::Visible;
        let rows = match read_sheet(&mut book, &sheet.name) {
            Ok(range) => Grid::new(&range).head(max_rows),
            Err(_) => Vec::new(),
        };
        heads.push(SheetHead {
            name: sheet.name,
            hidden,
            rows,
        });
    }
    Ok(heads)
}

/// Loads every sheet of a workbook.
pub fn load_workbook(
    bytes: &[u8],
    container: Container,
    reading: Reading<'_>,
) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    if let Some(layout) = options.layout
        && matches!(
            layout,
            Layout::LongCsv | Layout::EurostatBulk | Layout::SdmxCsv
        )
    {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: format!("expected a text file for the chosen layout {layout}"),
            found: "a workbook".into(),
        });
    }
    let mut book = open(bytes, container, path)?;
    let merge_info = has_merge_info(&book);
    let sheets = book.sheets_metadata().to_vec();
    // Progress in bytes, as for text files; each sheet gets its share by its cells.
    let total = bytes.len() as u64;
    let budgets = budgets(total, &sheet_weights(&mut book, &sheets, options));
    control.add_total(total);
    let mut rules = Vec::new();
    let mut failures: Vec<LoadError> = Vec::new();
    let mut layouts: Vec<Layout> = Vec::new();
    // A data-browser export names its dataset on the Summary sheet as well as on each data sheet.
    let mut browser_dataset: Option<String> = None;
    for (sheet, budget) in sheets.iter().zip(budgets) {
        if control.is_cancelled() {
            return Err(LoadError::Cancelled { path: shown });
        }
        let mut progress = SheetProgress::new(control, path, budget);
        'sheet: {
            let hidden = sheet.visible != SheetVisible::Visible;
            let mut listed = SheetReport {
                name: sheet.name.clone(),
                hidden,
                ..SheetReport::default()
            };
            if !options.reads_sheet(&sheet.name) {
                listed.note = Some(
                    "not read: not among the sheets chosen (--sheet, or the import dialog)".into(),
                );
                report.sheets.push(listed);
                break 'sheet;
            }
            if sheet.typ != SheetType::WorkSheet {
                let kind = match sheet.typ {
                    SheetType::ChartSheet => "a chart sheet",
                    SheetType::DialogSheet => "a dialog sheet",
                    SheetType::MacroSheet => "a macro sheet",
                    _ => "a VBA module",
                };
                listed.note = Some(format!("not read: {kind}, which holds no cells"));
                report.sheets.push(listed);
                break 'sheet;
            }
            let range = match read_sheet(&mut book, &sheet.name) {
                Ok(read) => read,
                Err(detail) => {
                    listed.note = Some(format!("not read: cannot read the sheet ({detail})"));
                    failures.push(LoadError::Workbook {
                        path: shown.clone(),
                        detail: format!("sheet {:?}: {detail}", sheet.name),
                    });
                    report.sheets.push(listed);
                    break 'sheet;
                }
            };
            let sheet_options = options.for_sheet(&sheet.name);
            let grid = Grid::new(&range);
            let merged = if merge_info && clearinghouse::has_sex_blocks(&grid, &sheet_options) {
                merged_regions(&mut book, &sheet.name)
            } else {
                Vec::new()
            };
            progress.sheet_read(&grid)?;
            let input = SheetInput {
                name: &sheet.name,
                hidden,
                grid,
                merged: merge_info.then_some(merged.as_slice()),
            };
            if metadata::is_metadata_sheet(&sheet.name) {
                let (sheet_report, sheet_rules) = metadata::read(&input, path, report);
                rules.extend(sheet_rules);
                report.sheets.push(sheet_report);
                break 'sheet;
            }
            if input.grid.is_empty() {
                listed.note = Some("not read: the sheet is empty".into());
                report.sheets.push(listed);
                break 'sheet;
            }
            if browser_dataset.is_none() {
                browser_dataset = eurostat::browser_dataset(&input.grid);
            }
            let outcome = read_table_sheet(
                &input,
                path,
                &sheet_options,
                browser_dataset.as_deref(),
                file,
                &mut progress,
                dataset,
                report,
            );
            match outcome {
                SheetOutcome::Read(sheet_report) => {
                    if let Some(layout) = sheet_report.layout {
                        layouts.push(layout);
                    }
                    report.sheets.push(sheet_report);
                }
                SheetOutcome::NotTable(sheet_report) => report.sheets.push(sheet_report),
                SheetOutcome::Failed(sheet_report, error) => {
                    report.confident = false;
                    report.messages.push(format!(
                        "sheet {:?} looks like a table but was not read: {error}",
                        sheet_report.name
                    ));
                    failures.push(error);
                    report.sheets.push(sheet_report);
                }
                SheetOutcome::Cancelled(error) => return Err(error),
            }
        }
        progress.finish();
    }
    if !rules.is_empty() {
        metadata::apply(&rules, dataset, report);
    }
    if dataset.is_empty() {
        if let Some(error) = failures.into_iter().next() {
            return Err(error);
        }
        let found = describe_sheets(&report.sheets);
        let no_header = report.sheets.iter().any(|s| {
            s.note.as_deref().is_some_and(|n| {
                super::header::HOLDS_FIGURES_MARKS
                    .iter()
                    .any(|m| n.contains(m))
            })
        });
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: format!(
                "expected a sheet with migration data: {} (Clearinghouse layout), or columns \
                 named table, reporter, year, value (long layout)",
                super::header::year_header_rule()
            ),
            found: if found.is_empty() {
                // Every spreadsheet program saves at least one sheet: the list is what is damaged.
                "a workbook that lists no sheets, which no spreadsheet program saves: the list of \
                 its sheets is missing or damaged; open it in the spreadsheet program and save it \
                 again, or save the table as CSV"
                    .into()
            } else if no_header {
                format!("{found}. {}", super::header::NO_HEADER_ADVICE)
            } else {
                found
            },
        });
    }
    report.layout = most_common(&layouts).unwrap_or(Layout::ClearinghouseWorkbook);
    Ok(())
}

/// The sheets that were not read and why, sheets with the same reason said once:
/// `sheets "Januar" … "Dezember" (12): it looks like monthly moves …`.
fn describe_sheets(sheets: &[SheetReport]) -> String {
    // Sheets that differ only in which row of counts was met share a reason.
    fn key(why: &str) -> &str {
        why.split(super::header::NO_HEADER_MARK)
            .next()
            .unwrap_or(why)
    }
    // (what is said, the sheets it is said of)
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for sheet in sheets {
        let why = sheet
            .note
            .as_deref()
            .map(|n| n.trim_start_matches("not read: "))
            .unwrap_or("no data");
        match groups.iter_mut().find(|(said, _)| key(said) == key(why)) {
            Some((_, names)) => names.push(&sheet.name),
            None => groups.push((why, vec![&sheet.name])),
        }
    }
    groups
        .iter()
        .map(|(why, names)| match names.as_slice() {
            [one] => format!("sheet {one:?}: {why}"),
            few if few.len() <= 3 => format!(
                "sheets {}: {why}",
                few.iter()
                    .map(|name| format!("{name:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            [first, .., last] => format!("sheets {first:?} … {last:?} ({}): {why}", names.len()),
            [] => String::new(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn most_common(layouts: &[Layout]) -> Option<Layout> {
    let mut best: Option<(Layout, usize)> = None;
    for layout in layouts {
        let count = layouts.iter().filter(|l| *l == layout).count();
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((*layout, count));
        }
    }
    best.map(|(layout, _)| layout)
}

/// Reads a sheet in the layout it shows: the one chosen in the options, else a data-browser
/// sheet (a `TIME` row and a `GEO` row), else a long sheet (a header naming the roles), else a
/// Clearinghouse sheet (a header with two or more years).
#[allow(clippy::too_many_arguments)]
fn read_table_sheet(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    browser_dataset: Option<&str>,
    file: u16,
    progress: &mut SheetProgress<'_>,
    dataset: &mut Dataset,
    report: &mut LoadReport,
) -> SheetOutcome {
    let codes = Codes::new(file, report.name.clone()).with_labels(&options.labels);
    let chosen = options.layout;
    if (chosen.is_none() || chosen == Some(Layout::EurostatBrowser))
        && let Some(layout) = eurostat::BrowserSheet::find(&input.grid)
    {
        return eurostat::read_browser_sheet(
            input,
            layout,
            browser_dataset,
            path,
            options,
            codes,
            dataset,
            report,
        );
    }
    if chosen == Some(Layout::EurostatBrowser) {
        // The layout was chosen: the sheet is not read as another one.
        let sheet_report = SheetReport {
            name: input.name.to_string(),
            hidden: input.hidden,
            note: Some(
                "not read: no TIME row of years (the layout chosen is eurostat-browser)".into(),
            ),
            ..SheetReport::default()
        };
        return SheetOutcome::Failed(
            sheet_report,
            LoadError::Unrecognised {
                path: path.display().to_string(),
                expected: "expected a Eurostat data-browser sheet (the layout given with --layout \
                           or in the import dialog): a row starting with TIME followed by years"
                    .into(),
                found: format!("sheet {:?} without one", input.name),
            },
        );
    }
    if chosen.is_none() || chosen == Some(Layout::LongSheet) {
        let texts: Vec<(usize, Vec<String>)> =
            (0..input.grid.rows().min(super::long::HEADER_SEARCH_ROWS))
                .map(|row| {
                    let cells = (0..input.grid.cols())
                        .map(|col| input.grid.text(row, col).into_owned())
                        .collect();
                    (row, cells)
                })
                .collect();
        let header = find_header(
            texts
                .iter()
                .map(|(i, cells)| (*i, cells.iter().map(String::as_str).collect())),
            options,
        );
        match header {
            Some((index, cells, columns))
                if chosen == Some(Layout::LongSheet) || columns.is_header() =>
            {
                let header: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                return read_long_sheet(
                    input, path, options, index, header, columns, codes, progress, dataset, report,
                );
            }
            _ if chosen == Some(Layout::LongSheet) => {
                let sheet_report = SheetReport {
                    name: input.name.to_string(),
                    hidden: input.hidden,
                    note: Some("not read: no header row naming the columns".into()),
                    ..SheetReport::default()
                };
                return SheetOutcome::Failed(
                    sheet_report,
                    LoadError::Unrecognised {
                        path: path.display().to_string(),
                        expected: "expected a header row naming the columns (table, reporter, \
                                   year, sex, category, value…) within the first 30 rows"
                            .into(),
                        found: format!("sheet {:?} without one", input.name),
                    },
                );
            }
            _ => {}
        }
    }
    clearinghouse::read_sheet(input, path, options, codes, progress, dataset, report)
}

/// Reads a long sheet: one observation per row, provenance = the value cell.
#[allow(clippy::too_many_arguments)]
fn read_long_sheet(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    header_index: usize,
    header: Vec<String>,
    columns: Columns,
    codes: Codes,
    progress: &mut SheetProgress<'_>,
    dataset: &mut Dataset,
    report: &mut LoadReport,
) -> SheetOutcome {
    let grid = &input.grid;
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut sheet_report = SheetReport {
        name: input.name.to_string(),
        hidden: input.hidden,
        layout: Some(Layout::LongSheet),
        header_row: Some(header_index + 1),
        columns: columns.uses(&header_refs),
        ..SheetReport::default()
    };
    let style = match columns.find(ColumnRole::Value) {
        Some(col) => {
            let sample: Vec<Cow<'_, str>> = (header_index + 1..grid.rows())
                .filter(|row| matches!(grid.get(*row, col), Data::String(_)))
                .take(2000)
                .map(|row| grid.text(row, col))
                .collect();
            detect_number_style(sample.iter().map(|c| c.as_ref()))
        }
        None => Default::default(),
    };
    let defaults = LongDefaults::decide(path, Some(input.name), options, &columns, report);
    let context = format!("sheet {:?}: ", input.name);
    let mut long = match LongReader::new(
        columns,
        &header_refs,
        path,
        defaults,
        codes,
        style,
        &context,
    ) {
        Ok(long) => long,
        Err(error) => {
            sheet_report.note = Some(format!("not read: {error}"));
            return SheetOutcome::Failed(sheet_report, error);
        }
    };
    sheet_report.table = long.defaults().table;
    sheet_report.reporter = long.defaults().reporter.clone();
    let skipped_before = report.skipped_rows;
    let mut buffers: Vec<String> = vec![String::new(); grid.cols()];
    for row in header_index + 1..grid.rows() {
        if let Err(cancelled) = progress.at_row(row) {
            return SheetOutcome::Cancelled(cancelled);
        }
        for (col, buffer) in buffers.iter_mut().enumerate() {
            buffer.clear();
            match grid.get(row, col) {
                Data::Float(f) => write_number(buffer, *f),
                other => buffer.push_str(&data_text(other)),
            }
        }
        let cells: Vec<&str> = buffers.iter().map(String::as_str).collect();
        long.read_row(
            &cells,
            RowPlace::Sheet {
                sheet: input.name,
                row: row as u32,
            },
            dataset,
            report,
        );
    }
    if let Err(error) = long.check_values(path) {
        sheet_report.note = Some(format!("not read: {error}"));
        return SheetOutcome::Failed(sheet_report, error);
    }
    sheet_report.rows_read = long.rows_read;
    sheet_report.rows_skipped = report.skipped_rows - skipped_before;
    SheetOutcome::Read(sheet_report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_spreadsheet_shows_them() {
        assert_eq!(data_text(&Data::Float(2018.0)), "2018");
        assert_eq!(data_text(&Data::Float(1234.5)), "1234.5");
        assert_eq!(data_text(&Data::Float(1.1)), "1.1");
        assert_eq!(data_text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
        assert_eq!(header_year(&Data::Float(2018.0)), Some(2018));
        assert_eq!(header_year(&Data::String(" 2018 ".into())), Some(2018));
        assert_eq!(header_year(&Data::String("2018 г.".into())), Some(2018));
        assert_eq!(header_year(&Data::String("2018.0".into())), Some(2018));
        assert_eq!(header_year(&Data::Float(2018.5)), None);
        assert_eq!(header_year(&Data::Float(1850.0)), None);
        assert_eq!(header_year(&Data::Float(2092.0)), None);
        assert_eq!(header_year(&Data::String("Total".into())), None);
    }

    #[test]
    fn sheet_budgets_follow_the_weights_and_add_up_to_the_total() {
        assert_eq!(budgets(1000, &[1, 3]), vec![250, 750]);
        assert_eq!(budgets(10, &[1, 1, 1]), vec![3, 3, 4]);
        assert_eq!(budgets(7, &[u64::MAX, u64::MAX]).iter().sum::<u64>(), 7);
        assert!(budgets(5, &[]).is_empty());
    }
}
