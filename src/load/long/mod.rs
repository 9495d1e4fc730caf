//! The long ("tidy") layout: one observation per row, in a text file or a sheet.
//!
//! [`layout`] finds the header and the role of each column, [`records`] reads the records of a
//! text file, [`parsers`] reads years, durations and names; [`LongReader`] turns each row into
//! an observation.

pub mod layout;
pub mod parsers;
pub mod records;

pub use layout::{Columns, HEADER_SEARCH_ROWS, LongDefaults, find_header};
pub use parsers::{
    is_note, normalise_age, parse_duration, parse_year, reporter_from_file_name,
    table_from_file_name,
};
use records::count_line_ends;
pub use records::{LineCounter, MAX_CELL_BYTES, MAX_ROW_BYTES, TextRecords};

use super::codes::{Codes, merge_flags, stored_value};
use super::grid::{data_text, write_number};
use super::options::{ColumnRole, Layout};
use super::sheet::{SheetOutcome, SheetReading};
use super::values::{CellValue, NumberStyle, detect_number_style, parse_cell};
use super::{LoadControl, LoadError, LoadReport, Reading, SheetReport};
use crate::model::{Dataset, Location, NO_COLUMN, NO_DURATION, Obs, Sex, Sym, TableId};
use calamine::Data;
use layout::note_roles_not_found;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::path::Path;

/// How many value cells decide the number style.
const STYLE_SAMPLE: usize = 2000;

/// Where a row sits in its file: a text line, or a sheet row (0-based).
#[derive(Copy, Clone, Debug)]
pub enum RowPlace<'a> {
    Line(u32),
    Sheet { sheet: &'a str, row: u32 },
}

/// Turns long rows into observations, resolving and interning codes through [`Codes`].
pub struct LongReader {
    columns: Columns,
    roles: RoleIndex,
    file_name: String,
    /// A buffer for the flag of the row being read.
    flag: String,
    defaults: LongDefaults,
    style: NumberStyle,
    codes: Codes,
    tables: HashMap<String, Option<TableId>>,
    pub rows_read: usize,
    /// Value cells holding numbers or missing markers, and holding other text.
    pub readable_values: usize,
    pub text_values: usize,
    pub first_text_value: Option<(String, Location)>,
}

impl LongReader {
    /// A reader for rows under a header. Fails when the columns cannot make observations;
    /// `context` starts the description of what was found (e.g. `sheet "Data": `).
    pub fn new(
        columns: Columns,
        header: &[&str],
        path: &Path,
        defaults: LongDefaults,
        codes: Codes,
        style: NumberStyle,
        context: &str,
    ) -> Result<LongReader, LoadError> {
        let shown = path.display().to_string();
        let found = || {
            let names: Vec<String> = header
                .iter()
                .filter(|h| !h.trim().is_empty())
                .map(|h| format!("{:?}", h.trim()))
                .collect();
            format!("{context}columns {}", names.join(", "))
        };
        if columns.find(ColumnRole::Value).is_none() {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: "expected a value column (value, obs_value, count, значение…)".into(),
                found: found(),
            });
        }
        if columns.find(ColumnRole::Year).is_none() {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: "expected a year column (year, time, time_period, год…)".into(),
                found: found(),
            });
        }
        if columns.find(ColumnRole::Table).is_none() && defaults.table.is_none() {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: "expected a table column (table, таблица) or the table in the sheet or \
                           file name (T3.csv)"
                    .into(),
                found: found(),
            });
        }
        if columns.find(ColumnRole::Reporter).is_none() && defaults.reporter.is_none() {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: "expected a reporter column (reporter, country, geo, страна) or the \
                           country in the file name (KAZ.csv)"
                    .into(),
                found: found(),
            });
        }
        Ok(LongReader {
            roles: RoleIndex::of(&columns),
            file_name: codes.file_name().to_string(),
            flag: String::new(),
            columns,
            defaults,
            style,
            codes,
            tables: HashMap::default(),
            rows_read: 0,
            readable_values: 0,
            text_values: 0,
            first_text_value: None,
        })
    }

    /// A reader of the same columns, defaults and number style, with nothing read yet: for a
    /// part of the rows read on another core.
    fn part(&self) -> LongReader {
        LongReader {
            columns: self.columns.clone(),
            roles: self.roles,
            file_name: self.file_name.clone(),
            flag: String::new(),
            defaults: self.defaults.clone(),
            style: self.style,
            codes: self.codes.fresh(),
            tables: HashMap::default(),
            rows_read: 0,
            readable_values: 0,
            text_values: 0,
            first_text_value: None,
        }
    }

    /// Adds the counts of a reader of a later part of the rows.
    fn absorb_part(&mut self, part: LongReader) {
        self.rows_read += part.rows_read;
        self.readable_values += part.readable_values;
        self.text_values += part.text_values;
        if self.first_text_value.is_none() {
            self.first_text_value = part.first_text_value;
        }
    }

    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// The table, reporter, source and duration used where a row does not say.
    pub fn defaults(&self) -> &LongDefaults {
        &self.defaults
    }

    fn location(&self, place: RowPlace<'_>, col: Option<usize>) -> Location {
        row_location(&self.file_name, place, col)
    }

    /// Reads one data row. Rows that cannot make an observation are skipped with their reason.
    pub fn read_row(
        &mut self,
        cells: &[&str],
        place: RowPlace<'_>,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let roles = self.roles;
        let cell = |col: Option<usize>| trimmed_cell(cells, col);
        if let Some(first) = cells.iter().find(|c| !c.trim().is_empty())
            && is_note(first)
            && cell(roles.value).is_none_or(str::is_empty)
        {
            report.notes.push(
                cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            return;
        }
        let Some(table) = self.row_table(cell(roles.table), place, report) else {
            return;
        };
        let Some((year, ref_date)) = self.row_year(cell(roles.year), place, report) else {
            return;
        };
        let Some(sex) = self.row_sex(cell(roles.sex), place, report) else {
            return;
        };
        let Some(age) = self.row_age(cell(roles.age), place, dataset, report) else {
            return;
        };
        let Some(reporter) = self.row_reporter(cell(roles.reporter), place, dataset, report) else {
            return;
        };
        let (table, category) =
            self.row_category(table, cell(roles.category), reporter, place, dataset);
        // Flag, value, source, duration
        let mut flag = std::mem::take(&mut self.flag);
        flag.clear();
        for ch in cell(roles.flag).unwrap_or("").chars() {
            flag.extend(ch.to_lowercase());
        }
        let value_text = cell(roles.value).unwrap_or("");
        let parsed = parse_cell(value_text, self.style);
        merge_flags(&mut flag, &parsed.flag);
        let source_text = match cell(roles.source) {
            Some(s) if !s.is_empty() => s,
            _ => self.defaults.source.as_deref().unwrap_or(""),
        };
        let Some(duration) = self.row_duration(cell(roles.duration), place, report) else {
            self.flag = flag;
            return;
        };
        let flag_sym = self.codes.intern(&flag, dataset);
        let source_sym = self.codes.intern(source_text, dataset);
        let (row, col, sheet) = match place {
            RowPlace::Line(line) => (line, NO_COLUMN, Sym::EMPTY),
            RowPlace::Sheet { sheet, row } => (
                row,
                roles.value.unwrap_or(0).min(NO_COLUMN as usize - 1) as u16,
                self.codes.intern(sheet, dataset),
            ),
        };
        match &parsed.value {
            CellValue::Text(text) => {
                self.text_values += 1;
                if self.first_text_value.is_none() {
                    self.first_text_value = Some((text.clone(), self.location(place, roles.value)));
                }
            }
            _ => self.readable_values += 1,
        }
        let (value, missing) = stored_value(parsed.value, &flag, dataset);
        self.flag = flag;
        dataset.push(Obs {
            value,
            row,
            reporter,
            category,
            age,
            flag: flag_sym,
            source: source_sym,
            sheet,
            file: self.codes.file(),
            col,
            year,
            ref_date,
            table,
            sex,
            missing,
            duration,
        });
        self.rows_read += 1;
    }

    /// The row's table: its table cell, else the file's; `None` (the row skipped) when neither
    /// gives one.
    fn row_table(
        &mut self,
        text: Option<&str>,
        place: RowPlace<'_>,
        report: &mut LoadReport,
    ) -> Option<TableId> {
        let column = self.roles.table;
        match text {
            Some(text) if !text.is_empty() => {
                let parsed = match self.tables.get(text) {
                    Some(parsed) => *parsed,
                    None => {
                        let parsed = TableId::parse(text);
                        self.tables.insert(text.to_string(), parsed);
                        parsed
                    }
                };
                if parsed.is_none() {
                    report.skip(
                        self.location(place, column),
                        format!(
                            "table {text:?} is not one of 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 \
                             7.2 POP BIRTHS DEATHS"
                        ),
                    );
                }
                parsed
            }
            _ => {
                if self.defaults.table.is_none() {
                    report.skip(self.location(place, column), "the table cell is empty");
                }
                self.defaults.table
            }
        }
    }

    /// The row's year and reference date. Data are about years gone by: a year still to come
    /// is a typing error (2091 for 2019), as a Clearinghouse header of years says too.
    fn row_year(
        &self,
        text: Option<&str>,
        place: RowPlace<'_>,
        report: &mut LoadReport,
    ) -> Option<(u16, u16)> {
        let year_text = text.unwrap_or("");
        let last_year = crate::load::header::current_year();
        let year = parse_year(year_text).filter(|(y, _)| *y <= last_year);
        if year.is_none() {
            report.skip(
                self.location(place, self.roles.year),
                format!(
                    "expected a year ({}–{last_year}), found {year_text:?}",
                    crate::load::header::FIRST_YEAR
                ),
            );
        }
        year
    }

    /// The row's sex: the total when the cell is empty or there is no sex column.
    fn row_sex(
        &self,
        text: Option<&str>,
        place: RowPlace<'_>,
        report: &mut LoadReport,
    ) -> Option<Sex> {
        match text {
            None | Some("") => Some(Sex::T),
            Some(text) => {
                let sex = Sex::parse(text);
                if sex.is_none() {
                    report.skip(
                        self.location(place, self.roles.sex),
                        format!("expected a sex (T, M, F, Total, Men, Women…), found {text:?}"),
                    );
                }
                sex
            }
        }
    }

    fn row_age(
        &mut self,
        text: Option<&str>,
        place: RowPlace<'_>,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) -> Option<Sym> {
        let age_text = text.unwrap_or("");
        let age = self.codes.age(age_text, dataset);
        if age.is_none() {
            report.skip(
                self.location(place, self.roles.age),
                format!("expected an age group (TOTAL, 0-4, 85+, UNK), found {age_text:?}"),
            );
        }
        age
    }

    /// The row's reporter: its reporter cell, else the file's.
    fn row_reporter(
        &mut self,
        text: Option<&str>,
        place: RowPlace<'_>,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) -> Option<Sym> {
        let column = self.roles.reporter;
        let reporter_text = match text {
            Some(text) if !text.is_empty() => text,
            _ => match self.defaults.reporter.as_deref() {
                Some(reporter) => reporter,
                None => {
                    report.skip(
                        row_location(&self.file_name, place, column),
                        "the reporter cell is empty",
                    );
                    return None;
                }
            },
        };
        let file_name = &self.file_name;
        Some(self.codes.place(reporter_text, "reporter", dataset, || {
            row_location(file_name, place, column)
        }))
    }

    /// The row's category, and its table once rows of a status group are routed to the status
    /// table.
    fn row_category(
        &mut self,
        table: TableId,
        text: Option<&str>,
        reporter: Sym,
        place: RowPlace<'_>,
        dataset: &mut Dataset,
    ) -> (TableId, Sym) {
        let file_name = &self.file_name;
        let column = self.roles.category;
        let category_text = text.unwrap_or("");
        let category = self.codes.category(table, category_text, dataset, || {
            row_location(file_name, place, column)
        });
        if let Some((by_country, status)) = self.defaults.status_routing
            && table == by_country
            && let Some(group) =
                crate::load::eurostat::status_group(dataset.str(category), category == reporter)
        {
            let category = self.codes.status(group, status, dataset, Location::default);
            return (status, category);
        }
        (table, category)
    }

    /// The row's duration of stay: its duration cell, else the file's.
    fn row_duration(
        &self,
        text: Option<&str>,
        place: RowPlace<'_>,
        report: &mut LoadReport,
    ) -> Option<u8> {
        match text {
            Some(text) if !text.is_empty() => {
                let months = parse_duration(text);
                if months.is_none() {
                    report.skip(
                        self.location(place, self.roles.duration),
                        format!(
                            "expected a duration of stay in months (0, 3, 6, 12, 60), found \
                             {text:?}"
                        ),
                    );
                }
                months
            }
            _ => Some(self.defaults.duration.unwrap_or(NO_DURATION)),
        }
    }

    /// Fails when the value column held text and nothing else: the file is not migration data
    /// in this layout, or the wrong column was taken as the value.
    pub fn check_values(&self, path: &Path) -> Result<(), LoadError> {
        if self.readable_values == 0 && self.text_values > 0 {
            let (text, location) = self.first_text_value.clone().unwrap_or_default();
            return Err(LoadError::Unrecognised {
                path: path.display().to_string(),
                expected: "expected numbers in the value column".into(),
                found: format!("only text, such as {text:?} at {location}"),
            });
        }
        Ok(())
    }
}

/// The columns of each role, looked up once per file.
#[derive(Copy, Clone, Debug, Default)]
struct RoleIndex {
    table: Option<usize>,
    reporter: Option<usize>,
    year: Option<usize>,
    sex: Option<usize>,
    age: Option<usize>,
    category: Option<usize>,
    value: Option<usize>,
    flag: Option<usize>,
    source: Option<usize>,
    duration: Option<usize>,
}

impl RoleIndex {
    fn of(columns: &Columns) -> RoleIndex {
        RoleIndex {
            table: columns.find(ColumnRole::Table),
            reporter: columns.find(ColumnRole::Reporter),
            year: columns.find(ColumnRole::Year),
            sex: columns.find(ColumnRole::Sex),
            age: columns.find(ColumnRole::Age),
            category: columns.find(ColumnRole::Category),
            value: columns.find(ColumnRole::Value),
            flag: columns.find(ColumnRole::Flag),
            source: columns.find(ColumnRole::Source),
            duration: columns.find(ColumnRole::DurationMonths),
        }
    }
}

/// A row's cell in column `col`, without the spaces around it. A byte-order mark pasted into the
/// middle of a file is no part of a label.
#[inline]
fn trimmed_cell<'c>(cells: &[&'c str], col: Option<usize>) -> Option<&'c str> {
    col.and_then(|i| cells.get(i).copied())
        .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}'))
}

/// Where a row's cell is: a line of a text file, or a cell of a sheet.
fn row_location(file_name: &str, place: RowPlace<'_>, col: Option<usize>) -> Location {
    match place {
        RowPlace::Line(line) => Location::line_of(file_name, line),
        RowPlace::Sheet { sheet, row } => {
            Location::cell_of(file_name, sheet, row, col.unwrap_or(0))
        }
    }
}

/// Loads a long-layout text file.
pub fn load_long_text(text: &str, delimiter: char, reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true);
    // Header: the first rows.
    let mut head_rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut reader = builder.from_reader(text.as_bytes());
    for (index, record) in reader.records().take(HEADER_SEARCH_ROWS).enumerate() {
        match record {
            Ok(record) => head_rows.push((index, record.iter().map(str::to_string).collect())),
            Err(_) => break,
        }
    }
    let found = find_header(
        head_rows
            .iter()
            .map(|(i, cells)| (*i, cells.iter().map(String::as_str).collect())),
        options,
    );
    let Some((header_index, header, columns)) = found else {
        let first_line: String = super::text::lines(text)
            .next()
            .unwrap_or("")
            .chars()
            .take(120)
            .collect();
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: "expected a header row naming the columns (table, reporter, year, sex, \
                       category, value…) within the first 30 rows"
                .into(),
            found: format!("first line {first_line:?}"),
        });
    };
    let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    // Number style from a sample of the value column.
    let value_col = columns.find(ColumnRole::Value);
    let mut sample: Vec<String> = Vec::new();
    if let Some(col) = value_col {
        let mut reader = builder.from_reader(text.as_bytes());
        for record in reader.records().skip(header_index + 1).take(STYLE_SAMPLE) {
            match record {
                Ok(record) => sample.push(record.get(col).unwrap_or("").to_string()),
                Err(_) => break,
            }
        }
    }
    let style = detect_number_style(sample.iter().map(String::as_str));
    let defaults = LongDefaults::decide(path, None, options, &columns, report);
    let codes = Codes::new(file, report.name.clone()).with_labels(&options.labels);
    let mut long = LongReader::new(columns, &header_refs, path, defaults, codes, style, "")?;
    let mut sheet = SheetReport {
        name: super::display_name(path),
        layout: Some(Layout::LongCsv),
        table: long.defaults().table,
        reporter: long.defaults().reporter.clone(),
        header_row: Some(header_index + 1),
        columns: long.columns().uses(&header_refs),
        ..SheetReport::default()
    };
    report.messages.push(format!(
        "header on line {}; columns: {}",
        header_index + 1,
        sheet
            .columns
            .iter()
            .filter(|c| c.role != ColumnRole::Ignore)
            .map(|c| format!("{} = {:?}", c.header, c.role).to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    note_roles_not_found(options, &header_refs, header_index + 1, report);
    let skipped_before = report.skipped_rows;
    let mut records = TextRecords::new(
        builder.from_reader(text.as_bytes()),
        text,
        delimiter,
        control,
        path,
    );
    // The rows down to the header, then the rows of data: in parts on every core when the
    // text is large and can be cut at line ends, else in one go.
    while records.index() <= header_index {
        if records.next(report)?.is_none() {
            break;
        }
    }
    let parts = body_parts(text, records.position() as usize, &builder);
    if parts.len() > 1 {
        control.add_done(records.position());
        let body = BodyReading {
            text,
            builder: &builder,
            delimiter,
            control,
            path,
        };
        body.read_parts(&parts, &mut long, dataset, report)?;
    } else {
        while let Some((line, record)) = records.next(report)? {
            read_record(&mut long, record, line, dataset, report);
        }
    }
    long.check_values(path)?;
    sheet.rows_read = long.rows_read;
    sheet.rows_skipped = report.skipped_rows - skipped_before;
    report.sheets.push(sheet);
    Ok(())
}

/// A part of a text read on its own core holds at least this many bytes.
const PART_MIN_BYTES: usize = 1 << 20;
/// The parts of a text without quotes for each worker.
const PARTS_PER_WORKER: usize = 4;

/// One row of a text file through the reader. The cells of a row of up to 16 columns (nearly
/// every file) are listed on the stack, without an allocation per row.
fn read_record(
    long: &mut LongReader,
    record: &csv::StringRecord,
    line: u32,
    dataset: &mut Dataset,
    report: &mut LoadReport,
) {
    let mut few = [""; 16];
    for (slot, cell) in few.iter_mut().zip(record.iter()) {
        *slot = cell;
    }
    match few.get(..record.len()) {
        Some(cells) => long.read_row(cells, RowPlace::Line(line), dataset, report),
        None => {
            let cells: Vec<&str> = record.iter().collect();
            long.read_row(&cells, RowPlace::Line(line), dataset, report);
        }
    }
}

/// The byte ranges the rows of data (from `start` on) are read in: one per core, when the text
/// is large enough. A text without quotes is cut right after a line end. A text with quotes is
/// cut where the csv reader ends a record (`builder` reads it as the whole text is read), found
/// by reading the records before the last cut; when a quoted cell holds a line end there (it
/// may be a quote never closed, which the load tells once per file), the text is read in one
/// range.
fn body_parts(
    text: &str,
    start: usize,
    builder: &csv::ReaderBuilder,
) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let body = bytes.get(start..).unwrap_or_default();
    let whole = || std::iter::once(start..bytes.len()).collect();
    let workers = crate::parallel::workers(body.len() / PART_MIN_BYTES);
    if workers <= 1 {
        return whole();
    }
    // A text without quotes is cut into several parts per worker, so that a worker slowed
    // by the machine does not leave the others waiting at the end; a text with quotes into one
    // per worker, as finding its cuts reads the records before the last.
    let quoted = memchr::memchr(b'"', body).is_some();
    let parts = if quoted {
        workers
    } else {
        (workers * PARTS_PER_WORKER).min(body.len() / PART_MIN_BYTES)
    };
    let size = body.len() / parts;
    let targets: Vec<usize> = (1..parts).map(|k| k * size).collect();
    let cuts = if quoted {
        record_ends(body, &targets, builder)
    } else {
        Some(cuts_after_line_ends(body, &targets))
    };
    let Some(cuts) = cuts else {
        return whole();
    };
    let mut bounds = vec![start];
    for cut in cuts.into_iter().map(|c| start + c) {
        if bounds.last().is_some_and(|&last| cut > last) && cut < bytes.len() {
            bounds.push(cut);
        }
    }
    bounds.push(bytes.len());
    bounds
        .iter()
        .zip(bounds.iter().skip(1))
        .map(|(&from, &to)| from..to)
        .collect()
}

/// The byte after the first line end at or after each target.
fn cuts_after_line_ends(body: &[u8], targets: &[usize]) -> Vec<usize> {
    targets
        .iter()
        .filter_map(|&target| {
            let at = body.get(target..)?.iter().position(|&c| c == b'\n')?;
            Some(target + at + 1)
        })
        .collect()
}

/// Where the first record ending at or after each target ends (past its line end), or `None`
/// when a record before the last target holds a line break in a cell or the text ends first.
fn record_ends(body: &[u8], targets: &[usize], builder: &csv::ReaderBuilder) -> Option<Vec<usize>> {
    let mut reader = builder.from_reader(body);
    let mut record = csv::ByteRecord::new();
    let mut ends = Vec::with_capacity(targets.len());
    for &target in targets {
        loop {
            if !reader.read_byte_record(&mut record).ok()? {
                return None;
            }
            if record.as_slice().iter().any(|&b| b == b'\n' || b == b'\r') {
                return None;
            }
            let mut end = reader.position().byte() as usize;
            // After a CRLF the reader stops between `\r` and `\n`.
            if body.get(end) == Some(&b'\n') {
                end += 1;
            }
            if end >= target {
                ends.push(end);
                break;
            }
        }
    }
    Some(ends)
}

/// What the parts of a text's rows are read with.
struct BodyReading<'a> {
    text: &'a str,
    builder: &'a csv::ReaderBuilder,
    delimiter: char,
    control: &'a LoadControl,
    path: &'a Path,
}

/// What one part of the rows gave: its observations (with labels interned in its own order),
/// its skipped rows and notes, and its reader's counts.
struct Part {
    dataset: Dataset,
    report: LoadReport,
    long: LongReader,
}

impl BodyReading<'_> {
    /// Reads the rows of `ranges` side by side, each into a data set of its own, then adds the
    /// parts in order: the observations, labels, skipped rows and counts come out as reading
    /// the rows in one go gives them.
    fn read_parts(
        &self,
        ranges: &[std::ops::Range<usize>],
        long: &mut LongReader,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) -> Result<(), LoadError> {
        // The line each part starts on, counted once through the text.
        let bytes = self.text.as_bytes();
        let (mut line, mut counted) = (1u32, 0usize);
        let work: Vec<(std::ops::Range<usize>, u32)> = ranges
            .iter()
            .map(|r| {
                line += u32::try_from(count_line_ends(bytes, counted..r.start)).unwrap_or(0);
                counted = r.start;
                (r.clone(), line)
            })
            .collect();
        let blank = || {
            let mut part = LoadReport::new(self.path, String::new(), report.layout);
            part.name = report.name.clone();
            part
        };
        let template = &*long;
        let parts = crate::parallel::map_in_order(&work, |(range, first_line)| {
            let text = self.text.get(range.clone()).unwrap_or_default();
            let mut part = Part {
                dataset: Dataset::new(),
                report: blank(),
                long: template.part(),
            };
            let reader = self.builder.from_reader(text.as_bytes());
            let mut records =
                TextRecords::new(reader, text, self.delimiter, self.control, self.path)
                    .starting_on_line(*first_line);
            while let Some((line, record)) = records.next(&mut part.report)? {
                read_record(
                    &mut part.long,
                    record,
                    line,
                    &mut part.dataset,
                    &mut part.report,
                );
            }
            Ok::<Part, LoadError>(part)
        });
        let mut datasets = Vec::with_capacity(parts.len());
        for part in parts {
            let part = part?;
            datasets.push(part.dataset);
            report.absorb_part(part.report);
            long.absorb_part(part.long);
        }
        dataset.append_parts(datasets);
        Ok(())
    }
}

/// Reads a long sheet under its header (row `header_index`, 0-based): one observation per row,
/// provenance = the value cell.
pub fn read_long_sheet(
    sheet: SheetReading<'_, '_>,
    header_index: usize,
    header: Vec<String>,
    columns: Columns,
) -> SheetOutcome {
    let SheetReading {
        input,
        path,
        options,
        codes,
        progress,
        dataset,
        report,
    } = sheet;
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
    use crate::load::{ImportOptions, LoadControl};

    fn load(text: &str, name: &str) -> Result<(Dataset, LoadReport), LoadError> {
        crate::load::load_bytes(
            Path::new(name),
            text.as_bytes(),
            &ImportOptions::default(),
            &LoadControl::new(),
        )
    }

    #[test]
    fn a_long_file_reads_values_flags_and_missing() {
        let text = "table,reporter,year,sex,category,value,flag\n\
                    3,KAZ,2010,T,RUS,4190,\n\
                    3,KAZ,2010,M,Russia,\"2,100\",e\n\
                    3,KAZ,2010,F,RUS,,\n\
                    3,KAZ,2011,T,Kirgizzztan,0,\n\
                    3,KAZ,20x1,T,RUS,5,\n";
        let (dataset, report) = match load(text, "flows.csv") {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(report.observations, 4);
        assert_eq!(report.skipped_rows, 1);
        assert_eq!(report.skipped[0].location.line(), Some(6));
        let obs = dataset.obs();
        assert_eq!(obs[0].number(), Some(4190.0));
        assert_eq!(dataset.str(obs[1].category), "RUS");
        assert_eq!(obs[1].number(), Some(2100.0));
        assert_eq!(dataset.str(obs[1].flag), "e");
        assert_eq!(obs[2].number(), None);
        assert_eq!(obs[3].number(), Some(0.0));
        assert_eq!(dataset.str(obs[3].category), "Kirgizzztan");
        assert_eq!(dataset.unplaced.len(), 1);
        assert_eq!(dataset.unplaced[0].label, "Kirgizzztan");
        assert!(
            dataset.unplaced[0]
                .suggestions
                .iter()
                .any(|s| s.contains("KGZ")),
            "{:?}",
            dataset.unplaced[0].suggestions
        );
        assert_eq!(dataset.location(&obs[2]).to_string(), "flows.csv › line 4");
    }

    #[test]
    fn missing_columns_are_named() {
        let err = load("country,year\nKAZ,2010\n", "x.csv")
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.contains("header row")),
            "{err:?}"
        );
        let err = load("reporter,year,value\nKAZ,2010,5\n", "x.csv")
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.contains("table column")),
            "{err:?}"
        );
        let err = load(
            "table,reporter,year,value\n3,KAZ,2010,many\n3,KAZ,2011,few\n",
            "x.csv",
        )
        .err()
        .map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("numbers in the value column") && e.contains("many")),
            "{err:?}"
        );
    }
}
