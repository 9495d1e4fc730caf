//! Opening a workbook through calamine and reading its sheets' cells, guarded against a reader
//! that stops on damaged bytes and against sheets too large to hold.

use super::container::Container;
use super::grid::Grid;
use super::options::ImportOptions;
use super::{LoadError, zipxml};
use calamine::{
    Data, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};
use std::cell::Cell;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Why the cells of a workbook or of one of its sheets are not read; the words follow
/// `cannot read the sheet (…)` or name what is damaged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BookError {
    #[error("expected an Excel workbook, found {0}")]
    Xml(zipxml::XmlError),
    /// `declared` strings in a file of `size` (both as the user reads them).
    #[error(
        "expected an Excel workbook, found a damaged one: its list of shared strings says it \
         holds {declared} strings, more than a file of {size} can; open it in Excel or \
         LibreOffice and save it again"
    )]
    SharedStrings { declared: String, size: String },
    /// The spreadsheet reader's own words.
    #[error("{0}")]
    Reader(String),
    #[error(
        "the sheet is damaged: the spreadsheet reader stopped on it; open the workbook in the \
         spreadsheet program and save it again, or save the table as CSV"
    )]
    ReaderStopped,
    #[error(
        "the sheet holds more than {} cells, more than migreview reads in one sheet; split it or \
         give the data as a CSV file",
        crate::model::format_count(MAX_GRID_CELLS as f64)
    )]
    TooManyCells,
    /// `cells` cells spread over `rows` × `cols`, one of them at `far` (all as the user reads
    /// them).
    #[error(
        "its {cells} cells are spread over {rows} rows × {cols} columns (a cell at {far}), more \
         than the {} cells migreview reads in one sheet; delete the stray cells far from the \
         table, or copy the table to a new sheet",
        crate::model::format_count(MAX_GRID_CELLS as f64)
    )]
    Spread {
        cells: String,
        rows: String,
        cols: String,
        far: String,
    },
}

pub type Book<'b> = Sheets<Cursor<&'b [u8]>>;

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

/// Each sheet's weight in the workbook's progress. An xlsx sheet declares the range of its
/// cells before them (`<dimension>`), which calamine reads without reading the cells; the other
/// formats do not say before the sheet is read, so their sheets weigh the same. Sheets that are
/// not read weigh next to nothing.
/// Whether a sheet's cells are read: a worksheet among those the options choose.
pub fn reads(sheet: &calamine::Sheet, options: &ImportOptions) -> bool {
    sheet.typ == SheetType::WorkSheet && options.reads_sheet(&sheet.name)
}

pub fn sheet_weights(
    book: &mut Book<'_>,
    sheets: &[calamine::Sheet],
    options: &ImportOptions,
) -> Vec<u64> {
    let read = |sheet: &calamine::Sheet| reads(sheet, options);
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

/// Opens a workbook held in memory, naming what is wrong when it cannot be opened.
pub fn open<'b>(bytes: &'b [u8], container: Container, path: &Path) -> Result<Book<'b>, LoadError> {
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
            super::ole::check_xls(bytes).map_err(|e| OpenError::Damaged(e.to_string()))?;
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
            check_shared_strings(bytes).map_err(|e| OpenError::Damaged(e.to_string()))?;
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
            super::ods::check_ods(bytes).map_err(|e| OpenError::Damaged(e.to_string()))?;
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
fn check_shared_strings(bytes: &[u8]) -> Result<(), BookError> {
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
        .map_err(BookError::Xml)?;
        if let Some(count) = declared.filter(|count| *count > most) {
            return Err(BookError::SharedStrings {
                declared: crate::model::format_count(count as f64),
                size: super::container::format_bytes(bytes.len() as u64),
            });
        }
    }
    Ok(())
}

/// One sheet's cells, read under a guard against a failing reader.
pub fn read_sheet(book: &mut Book<'_>, name: &str) -> Result<Range<Data>, BookError> {
    let guarded = guarded(|| match book {
        // Read cell by cell, so that the grid spans the cells present and a stray cell at an
        // extreme address is refused instead of allocating the whole sheet.
        Sheets::Xlsx(xlsx) => read_xlsx_cells(xlsx, name),
        other => other
            .worksheet_range(name)
            .map_err(|e| BookError::Reader(e.to_string())),
    });
    guarded.unwrap_or(Err(BookError::ReaderStopped))
}

/// The most cells a sheet's grid may span (at 32 bytes a cell, 800 MB): the Clearinghouse
/// tables of a country fill a few hundred thousand.
pub const MAX_GRID_CELLS: u64 = 25_000_000;

/// An xlsx sheet's cells, read one by one, as a grid spanning the cells present; refused when
/// the cells present are more than [`MAX_GRID_CELLS`] or spread over more than that.
fn read_xlsx_cells(xlsx: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Range<Data>, BookError> {
    let reader_error = |e: calamine::XlsxError| BookError::Reader(e.to_string());
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(reader_error)?;
    let mut cells: Vec<calamine::Cell<Data>> = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(reader_error)? {
        let (row, col) = cell.get_position();
        let value: Data = cell.get_value().clone().into();
        if matches!(value, Data::Empty) {
            continue;
        }
        if cells.len() as u64 >= MAX_GRID_CELLS {
            return Err(BookError::TooManyCells);
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
        return Err(BookError::Spread {
            cells: crate::model::format_count(cells.len() as f64),
            rows: crate::model::format_count(rows as f64),
            cols: crate::model::format_count(cols as f64),
            far: crate::model::cell_ref(far.0, far.1.min(u32::from(u16::MAX) - 1) as u16),
        });
    }
    Ok(Range::from_sparse(cells))
}

/// A sheet's cells read ahead of their turn, and its merged regions when the sheet needs them.
pub struct Fetched {
    pub range: Result<Range<Data>, BookError>,
    /// `None` when they were not read (the sheet shows no blocks of merged headers).
    pub merged: Option<Vec<Dimensions>>,
}

/// Which sheets [`fetch_sheets`] reads, and what it tells as it goes.
pub struct Fetching<W, M, R, S> {
    /// Whether a sheet is read at all.
    pub wanted: W,
    /// Whether a sheet's merged regions are needed, from its cells.
    pub needs_merged: M,
    /// Told the position of each sheet read (for the progress).
    pub read: R,
    /// Whether to stop (the user cancelled): the sheets not read yet are left.
    pub stop: S,
}

/// Reads the sheets `wanted` of an xlsx workbook on every core, each worker opening the
/// workbook once for itself: the cells, and the merged regions of a sheet `needs_merged` says
/// needs them (calamine reads a sheet's XML again to find them). One entry per sheet, in
/// order; `None` for a sheet not wanted or not read, and for all when the workbook is not
/// xlsx, has fewer than two sheets to read, or the machine one core. What is read is what
/// [`read_sheet`] and [`merged_regions`] give one sheet at a time.
pub fn fetch_sheets<W, M, R, S>(
    bytes: &[u8],
    container: Container,
    path: &Path,
    sheets: &[calamine::Sheet],
    fetching: Fetching<W, M, R, S>,
) -> Vec<Option<Fetched>>
where
    W: Fn(&calamine::Sheet) -> bool,
    M: Fn(&calamine::Sheet, &Range<Data>) -> bool + Sync,
    R: Fn(usize) + Sync,
    S: Fn() -> bool + Sync,
{
    let Fetching {
        wanted,
        needs_merged,
        read: told,
        stop,
    } = fetching;
    let mut fetched: Vec<Option<Fetched>> = sheets.iter().map(|_| None).collect();
    let read: Vec<usize> = sheets
        .iter()
        .enumerate()
        .filter(|(_, sheet)| wanted(sheet))
        .map(|(i, _)| i)
        .collect();
    let workers = crate::parallel::workers(read.len());
    if workers <= 1 || container != Container::Zip {
        return fetched;
    }
    // Round robin, so that large and small sheets spread over the workers.
    let groups: Vec<Vec<usize>> = (0..workers)
        .map(|w| read.iter().copied().skip(w).step_by(workers).collect())
        .collect();
    // Where the sheets are kept in the archive, for finding their merged regions without
    // calamine parsing each sheet a second time: found once, when a sheet first needs them.
    let names: Vec<&str> = sheets.iter().map(|sheet| sheet.name.as_str()).collect();
    let paths = std::sync::OnceLock::new();
    let results = crate::parallel::map_in_order(&groups, |group| {
        let Ok(mut book) = open(bytes, container, path) else {
            return Vec::new();
        };
        if !matches!(book, Sheets::Xlsx(_)) {
            return Vec::new();
        }
        group
            .iter()
            .filter_map(|&i| Some((i, sheets.get(i)?)))
            .take_while(|_| !stop())
            .map(|(i, sheet)| {
                let range = read_sheet(&mut book, &sheet.name);
                let merged = match &range {
                    Ok(cells) if needs_merged(sheet, cells) => Some(
                        paths
                            .get_or_init(|| super::merged::SheetPaths::of(bytes, &names))
                            .as_ref()
                            .and_then(|paths| paths.merged_regions(bytes, &sheet.name))
                            .unwrap_or_else(|| merged_regions(&mut book, &sheet.name)),
                    ),
                    _ => None,
                };
                told(i);
                (i, Fetched { range, merged })
            })
            .collect::<Vec<_>>()
    });
    for (i, sheet) in results.into_iter().flatten() {
        if let Some(slot) = fetched.get_mut(i) {
            *slot = Some(sheet);
        }
    }
    fetched
}

/// One sheet's merged regions (xlsx, xls), under the same guard; none when unreadable.
pub fn merged_regions(book: &mut Book<'_>, name: &str) -> Vec<Dimensions> {
    let guarded = guarded(|| match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    });
    guarded.unwrap_or_default()
}

/// Whether the format records merged regions that calamine can read.
pub fn has_merge_info(book: &Book<'_>) -> bool {
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
