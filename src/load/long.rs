//! The long ("tidy") layout: one observation per row, in a text file or a sheet.

use super::codes::{Codes, merge_flags, stored_value};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::values::{CellValue, NumberStyle, detect_number_style, parse_cell};
use super::{ColumnUse, LoadControl, LoadError, LoadReport, Reading, SheetReport};
use crate::model::{
    Dataset, Location, NO_COLUMN, NO_DURATION, Obs, PlaceKind, Sex, Sym, TableId, gazetteer,
};
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// How many rows are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;
/// How many value cells decide the number style.
const STYLE_SAMPLE: usize = 2000;

/// Reads a year cell: `2010`, `2010.0`, `2010-01-01`, `01.01.2010`, `2010-01`, `2010M01`.
/// Returns the year and the reference date (`month * 32 + day`, 0 when not given).
pub fn parse_year(text: &str) -> Option<(u16, u16)> {
    let t = text.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    let valid = |y: u32| (1900..=2100).contains(&y);
    if t.len() == 4 {
        let year: u32 = t.parse().ok()?;
        return valid(year).then_some((year as u16, 0));
    }
    let parts: Vec<&str> = t
        .split(['-', '.', '/', 'M', 'T', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Vec<u32> = parts.iter().map_while(|p| p.parse().ok()).collect();
    let (year, month, day) = match numbers.as_slice() {
        [y, m, d, ..] if parts.first().is_some_and(|p| p.len() == 4) => (*y, *m, *d),
        [d, m, y, ..] if parts.get(2).is_some_and(|p| p.len() == 4) => (*y, *m, *d),
        [y, m] if parts.first().is_some_and(|p| p.len() == 4) => (*y, *m, 0),
        _ => return None,
    };
    if !valid(year) || month > 12 || day > 31 {
        return None;
    }
    Some((year as u16, (month * 32 + day) as u16))
}

pub use crate::model::age::normalise_age;

/// Recognises a reporting country in a file name: `KAZ.xlsx`, `Kazakhstan_2012.xlsx`.
pub fn reporter_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let stem = stem.strip_suffix(".tsv").unwrap_or(&stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    let g = gazetteer();
    let whole = g
        .resolve(stem)
        .filter(|p| p.kind == PlaceKind::Country && stem.len() >= 3);
    if let Some(place) = whole {
        return Some(place.code.clone());
    }
    stem.split(['_', '-', '.', ' ', ','])
        .filter(|token| token.chars().count() >= 3)
        .find_map(|token| {
            g.resolve(token)
                .filter(|p| p.kind == PlaceKind::Country)
                .map(|p| p.code.clone())
        })
}

/// Recognises a table in a file name: `T3.csv`, `KAZ_T3.csv`, `Table 5.1.csv`. A Eurostat
/// dataset code in the name (`migr_pop1ctz`) is looked up before, by [`LongDefaults::decide`].
pub fn table_from_file_name(path: &Path) -> Option<TableId> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let stem = stem.strip_suffix(".tsv").unwrap_or(&stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    TableId::find_in(stem).or_else(|| {
        stem.split(['_', '-', ' ', ','])
            .filter(|token| !token.is_empty())
            .find_map(TableId::parse)
    })
}

/// Line numbers of records from their byte offsets: the csv crate's own line count is off by one
/// after CRLF line ends (rust-csv issue #395), and files from Windows offices have them. A line
/// ends with `\n`, `\r\n` or a lone `\r` (old Mac files), as the csv reader ends records.
pub struct LineCounter<'t> {
    bytes: &'t [u8],
    at: usize,
    line: u32,
}

impl<'t> LineCounter<'t> {
    pub fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line on which the record starting at `byte` starts.
    pub fn line_at(&mut self, byte: u64) -> u32 {
        let mut byte = (byte as usize).min(self.bytes.len());
        // After a CRLF the reader stops between `\r` and `\n`.
        if self.bytes.get(byte) == Some(&b'\n') {
            byte += 1;
        }
        if byte < self.at {
            self.at = 0;
            self.line = 1;
        }
        let newlines = self
            .bytes
            .get(self.at..byte)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(i, b)| match **b {
                b'\n' => true,
                // A `\r` ends a line unless the `\n` of a CRLF follows it.
                b'\r' => self.bytes.get(self.at + i + 1) != Some(&b'\n'),
                _ => false,
            })
            .count();
        self.line += newlines as u32;
        self.at = byte;
        self.line
    }
}

/// The records of a delimited text with their 1-based lines. A line the csv reader cannot read
/// is skipped with its reason; every few thousand records the load reports progress and stops
/// when cancelled.
pub struct TextRecords<'t, 'c> {
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    lines: LineCounter<'t>,
    control: &'c LoadControl,
    path: &'c Path,
    delimiter: u8,
    total: u64,
    read: usize,
    /// Records read, the skipped ones included: the 0-based index of the next one.
    index: usize,
    last_progress: u64,
    /// Whether the file's messages already tell of a quote that is not closed.
    told_unclosed_quote: bool,
}

/// The longest cell of a text file that is read: labels, numbers and codes are far shorter.
pub const MAX_CELL_BYTES: usize = 64 << 10;

/// The longest row of a text file that is read (as long as the longest header).
pub const MAX_ROW_BYTES: usize = super::text::MAX_HEADER_BYTES;

/// What makes a record unreadable as a row, from its cells alone.
enum RowFault {
    /// A quoted cell runs over line ends and holds the delimiter after one: a quote opened and
    /// never closed swallowed the rows that follow, up to the next quote.
    UnclosedQuote {
        line_breaks: u32,
    },
    LongCell {
        column: usize,
        bytes: usize,
    },
    LongRow {
        bytes: usize,
    },
}

impl RowFault {
    /// `raw_bytes`: how many bytes of the text the record was read from. Only a quoted cell can
    /// hold a line break, and a record read from no more bytes than its cells, delimiters and a
    /// line end has no quote: most rows are decided without looking at their bytes.
    fn of(record: &csv::StringRecord, delimiter: u8, raw_bytes: u64) -> Option<RowFault> {
        let cells = record.as_slice().as_bytes();
        let unquoted = cells.len() + record.len().saturating_sub(1);
        let framing = raw_bytes.saturating_sub(unquoted as u64);
        if cells.len() + record.len() <= MAX_CELL_BYTES
            && (framing <= 2 || !(cells.contains(&b'\n') || cells.contains(&b'\r')))
        {
            return None;
        }
        // The cells and the delimiters between them.
        let row_bytes = cells.len() + record.len().saturating_sub(1);
        for (column, cell) in record.iter().enumerate() {
            let mut after_break = cell
                .bytes()
                .skip_while(|b| *b != b'\n' && *b != b'\r')
                .peekable();
            if after_break.peek().is_some() && after_break.any(|b| b == delimiter) {
                let line_breaks = record.iter().map(line_breaks).sum();
                return Some(RowFault::UnclosedQuote { line_breaks });
            }
            if cell.len() > MAX_CELL_BYTES {
                return Some(RowFault::LongCell {
                    column,
                    bytes: cell.len(),
                });
            }
        }
        (row_bytes > MAX_ROW_BYTES).then_some(RowFault::LongRow { bytes: row_bytes })
    }

    fn reason(&self, line: u32) -> String {
        let size = |bytes: usize| super::container::format_bytes(bytes as u64);
        match self {
            RowFault::UnclosedQuote { line_breaks } => format!(
                "a quote opened on line {line} is closed only on line {}: the lines between \
                 were read as one cell and are skipped; close or remove the quote and load \
                 the file again",
                line + line_breaks
            ),
            RowFault::LongCell { column, bytes } => format!(
                "column {} holds {} of text: expected a label, a code or a number (at most {})",
                column + 1,
                size(*bytes),
                size(MAX_CELL_BYTES)
            ),
            RowFault::LongRow { bytes } => format!(
                "the row holds {}: expected a row of at most {}",
                size(*bytes),
                size(MAX_ROW_BYTES)
            ),
        }
    }
}

/// Line ends in a cell (a CRLF counts once).
fn line_breaks(cell: &str) -> u32 {
    let bytes = cell.as_bytes();
    let count = bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| match **b {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        })
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

impl<'t, 'c> TextRecords<'t, 'c> {
    /// Records of `reader`, which reads `text` with `delimiter`.
    pub fn new(
        reader: csv::Reader<&'t [u8]>,
        text: &'t str,
        delimiter: char,
        control: &'c LoadControl,
        path: &'c Path,
    ) -> TextRecords<'t, 'c> {
        TextRecords {
            reader,
            record: csv::StringRecord::new(),
            lines: LineCounter::new(text),
            control,
            path,
            delimiter: u8::try_from(delimiter).unwrap_or(b','),
            total: text.len() as u64,
            read: 0,
            index: 0,
            last_progress: 0,
            told_unclosed_quote: false,
        }
    }

    /// The 0-based index of the record [`TextRecords::next`] returns next, counting the
    /// records skipped before it.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The next record and its line, `None` at the end of the text. A record that cannot be a
    /// row (a quote never closed, a cell or row of more than [`MAX_CELL_BYTES`] or
    /// [`MAX_ROW_BYTES`]) is skipped with its reason.
    pub fn next(
        &mut self,
        report: &mut LoadReport,
    ) -> Result<Option<(u32, &csv::StringRecord)>, LoadError> {
        loop {
            let result = self.reader.read_record(&mut self.record);
            self.read += 1;
            if self.read.is_multiple_of(16_384) {
                if self.control.is_cancelled() {
                    return Err(LoadError::Cancelled {
                        path: self.path.display().to_string(),
                    });
                }
                let byte = self.reader.position().byte();
                self.control
                    .add_done(byte.saturating_sub(self.last_progress));
                self.last_progress = byte;
            }
            match result {
                Ok(false) => {
                    self.control
                        .add_done(self.total.saturating_sub(self.last_progress));
                    self.last_progress = self.total;
                    return Ok(None);
                }
                Ok(true) => {
                    self.index += 1;
                    let byte = self.record.position().map(|p| p.byte()).unwrap_or(0);
                    let line = self.lines.line_at(byte);
                    let raw_bytes = self.reader.position().byte().saturating_sub(byte);
                    let Some(fault) = RowFault::of(&self.record, self.delimiter, raw_bytes) else {
                        return Ok(Some((line, &self.record)));
                    };
                    let reason = fault.reason(line);
                    if matches!(fault, RowFault::UnclosedQuote { .. }) && !self.told_unclosed_quote
                    {
                        self.told_unclosed_quote = true;
                        report.messages.push(format!("line {line}: {reason}"));
                    }
                    report.skip(
                        Location {
                            file: report.name.clone(),
                            sheet: None,
                            cell: None,
                            line: Some(line),
                        },
                        reason,
                    );
                }
                Err(e) => {
                    let line = e
                        .position()
                        .map(|p| self.lines.line_at(p.byte()))
                        .unwrap_or(0);
                    report.skip(
                        Location {
                            file: report.name.clone(),
                            sheet: None,
                            cell: None,
                            line: Some(line),
                        },
                        format!("cannot read the line: {e}"),
                    );
                }
            }
        }
    }
}

/// Whether a row is a note below the data (`Source: …`, `Note: …`, `Примечание`).
pub fn is_note(first_cell: &str) -> bool {
    let lower = first_cell.trim_start().to_lowercase();
    [
        "source",
        "note",
        "notes",
        "примечание",
        "источник",
        "footnote",
        "*",
        "flags",
        "special value",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Column roles found in a header row.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    pub roles: Vec<Option<ColumnRole>>,
}

impl Columns {
    pub fn from_header(header: &[&str], options: &ImportOptions) -> Columns {
        let mut taken = Vec::new();
        let roles = header
            .iter()
            .map(|h| {
                let chosen = options
                    .columns
                    .iter()
                    .find(|(name, _)| name.trim() == h.trim())
                    .map(|(_, role)| *role)
                    .or_else(|| ColumnRole::from_header(h));
                match chosen {
                    Some(ColumnRole::Ignore) => Some(ColumnRole::Ignore),
                    Some(role) if !taken.contains(&role) => {
                        taken.push(role);
                        Some(role)
                    }
                    Some(_) => Some(ColumnRole::Ignore),
                    None => None,
                }
            })
            .collect();
        Columns { roles }
    }

    pub fn find(&self, role: ColumnRole) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    fn recognised(&self) -> usize {
        self.roles
            .iter()
            .filter(|r| matches!(r, Some(role) if *role != ColumnRole::Ignore))
            .count()
    }

    /// A header row names a value column and at least two more roles.
    pub fn is_header(&self) -> bool {
        self.find(ColumnRole::Value).is_some() && self.recognised() >= 3
    }

    pub fn uses(&self, header: &[&str]) -> Vec<ColumnUse> {
        self.roles
            .iter()
            .enumerate()
            .map(|(index, role)| ColumnUse {
                index,
                header: header.get(index).map(|h| h.to_string()).unwrap_or_default(),
                role: role.unwrap_or(ColumnRole::Ignore),
            })
            .collect()
    }
}

/// Where a row sits in its file: a text line, or a sheet row (0-based).
#[derive(Copy, Clone, Debug)]
pub enum RowPlace<'a> {
    Line(u32),
    Sheet { sheet: &'a str, row: u32 },
}

/// What a long reader uses where a row does not say: the table, reporter, source and duration of
/// the whole file or sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LongDefaults {
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    pub source: Option<String>,
    pub duration: Option<u8>,
    /// When the table comes from a Eurostat dataset with a status table (`migr_pop1ctz`: 2.2
    /// and 2.1): the by-country and status tables. Rows of a status group (total, nationals,
    /// foreigners, stateless, unknown), and the reporter's own citizenship (its nationals), go
    /// to the status table, as in the Eurostat readers.
    pub status_routing: Option<(TableId, TableId)>,
}

impl LongDefaults {
    /// Decides the defaults from the import options, then the sheet name, then the file name.
    /// A table or reporter taken from the file name is a guess: it is said in the report's
    /// messages and makes the report not confident. Nothing is guessed for a role that has its
    /// own column.
    pub fn decide(
        path: &Path,
        sheet: Option<&str>,
        options: &ImportOptions,
        columns: &Columns,
        report: &mut LoadReport,
    ) -> LongDefaults {
        let mut defaults = LongDefaults {
            table: options.table,
            reporter: options.reporter.clone(),
            source: options.source.clone(),
            duration: options.duration_months,
            status_routing: None,
        };
        let place = match sheet {
            Some(sheet) => format!("sheet {sheet:?}"),
            None => "the file".to_string(),
        };
        if defaults.table.is_none() && columns.find(ColumnRole::Table).is_none() {
            if let Some(table) = sheet.and_then(TableId::find_in) {
                defaults.table = Some(table);
            } else if let Some(target) = super::eurostat::dataset_in(&super::display_name(path))
                .and_then(super::eurostat::target_of_dataset)
            {
                defaults.table = Some(target.by_country);
                defaults.status_routing = target.status.map(|status| (target.by_country, status));
                report.confident = false;
                report.messages.push(format!(
                    "{place} has no table column: {} taken from the Eurostat dataset in the \
                     file name",
                    target.describe()
                ));
            } else if let Some(table) = table_from_file_name(path) {
                defaults.table = Some(table);
                report.confident = false;
                report.messages.push(format!(
                    "{place} has no table column: table {table} taken from the file name"
                ));
            }
        }
        if defaults.reporter.is_none()
            && columns.find(ColumnRole::Reporter).is_none()
            && let Some(reporter) = reporter_from_file_name(path)
        {
            report.confident = false;
            report.messages.push(format!(
                "{place} has no reporter column: reporter {reporter} taken from the file name"
            ));
            defaults.reporter = Some(reporter);
        }
        defaults
    }
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
        // A byte-order mark pasted into the middle of a file is no part of a label.
        let cell = |col: Option<usize>| -> Option<&str> {
            col.and_then(|i| cells.get(i).copied())
                .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}'))
        };
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
        // Table
        let table = match cell(roles.table) {
            Some(text) if !text.is_empty() => {
                let parsed = match self.tables.get(text) {
                    Some(parsed) => *parsed,
                    None => {
                        let parsed = TableId::parse(text);
                        self.tables.insert(text.to_string(), parsed);
                        parsed
                    }
                };
                match parsed {
                    Some(t) => t,
                    None => {
                        report.skip(
                            self.location(place, roles.table),
                            format!(
                                "table {text:?} is not one of 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 \
                                 6.2 7.1 7.2 POP BIRTHS DEATHS"
                            ),
                        );
                        return;
                    }
                }
            }
            _ => match self.defaults.table {
                Some(t) => t,
                None => {
                    report.skip(self.location(place, roles.table), "the table cell is empty");
                    return;
                }
            },
        };
        // Year
        // Data are about years gone by: a year still to come is a typing error (2091 for 2019),
        // as a Clearinghouse header of years says too.
        let year_text = cell(roles.year).unwrap_or("");
        let last_year = super::header::current_year();
        let Some((year, ref_date)) = parse_year(year_text).filter(|(y, _)| *y <= last_year) else {
            report.skip(
                self.location(place, roles.year),
                format!(
                    "expected a year ({}–{last_year}), found {year_text:?}",
                    super::header::FIRST_YEAR
                ),
            );
            return;
        };
        // Sex
        let sex = match cell(roles.sex) {
            None | Some("") => Sex::T,
            Some(text) => match Sex::parse(text) {
                Some(sex) => sex,
                None => {
                    report.skip(
                        self.location(place, roles.sex),
                        format!("expected a sex (T, M, F, Total, Men, Women…), found {text:?}"),
                    );
                    return;
                }
            },
        };
        // Age
        let age_text = cell(roles.age).unwrap_or("");
        let Some(age) = self.codes.age(age_text, dataset) else {
            report.skip(
                self.location(place, roles.age),
                format!("expected an age group (TOTAL, 0-4, 85+, UNK), found {age_text:?}"),
            );
            return;
        };
        // Reporter
        let reporter_text = match cell(roles.reporter) {
            Some(text) if !text.is_empty() => text,
            _ => match self.defaults.reporter.as_deref() {
                Some(reporter) => reporter,
                None => {
                    report.skip(
                        row_location(&self.file_name, place, roles.reporter),
                        "the reporter cell is empty",
                    );
                    return;
                }
            },
        };
        let file_name = &self.file_name;
        let reporter = self.codes.place(reporter_text, "reporter", dataset, || {
            row_location(file_name, place, roles.reporter)
        });
        // Category
        let category_text = cell(roles.category).unwrap_or("");
        let mut category = self.codes.category(table, category_text, dataset, || {
            row_location(file_name, place, roles.category)
        });
        let mut table = table;
        if let Some((by_country, status)) = self.defaults.status_routing
            && table == by_country
            && let Some(group) =
                super::eurostat::status_group(dataset.str(category), category == reporter)
        {
            table = status;
            category = self.codes.status(group, status, dataset, Location::default);
        }
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
        let duration = match cell(roles.duration) {
            Some(text) if !text.is_empty() => match parse_duration(text) {
                Some(months) => months,
                None => {
                    report.skip(
                        self.location(place, roles.duration),
                        format!(
                            "expected a duration of stay in months (0, 3, 6, 12, 60), \
                             found {text:?}"
                        ),
                    );
                    return;
                }
            },
            _ => self.defaults.duration.unwrap_or(NO_DURATION),
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

/// Where a row's cell is: a line of a text file, or a cell of a sheet.
fn row_location(file_name: &str, place: RowPlace<'_>, col: Option<usize>) -> Location {
    match place {
        RowPlace::Line(line) => Location {
            file: file_name.to_string(),
            sheet: None,
            cell: None,
            line: Some(line),
        },
        RowPlace::Sheet { sheet, row } => Location {
            file: file_name.to_string(),
            sheet: Some(sheet.to_string()),
            cell: Some(crate::model::cell_ref(
                row,
                col.unwrap_or(0).min(NO_COLUMN as usize - 1) as u16,
            )),
            line: None,
        },
    }
}

/// Reads a duration-of-stay rule in months (`12`, `12.0`, `0`); at most ten years.
pub fn parse_duration(text: &str) -> Option<u8> {
    let text = text.trim();
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse::<u8>().ok().filter(|months| *months <= 120)
}

/// Finds the header row among the first rows: the first that names a value column and at
/// least two more roles.
pub fn find_header<'r>(
    rows: impl IntoIterator<Item = (usize, Vec<&'r str>)>,
    options: &ImportOptions,
) -> Option<(usize, Vec<&'r str>, Columns)> {
    for (index, cells) in rows.into_iter().take(HEADER_SEARCH_ROWS) {
        if let Some(wanted) = options.header_row {
            if index + 1 != wanted {
                continue;
            }
            let columns = Columns::from_header(&cells, options);
            return Some((index, cells, columns));
        }
        let columns = Columns::from_header(&cells, options);
        if columns.is_header() {
            return Some((index, cells, columns));
        }
    }
    None
}

/// Loads a long-layout text file.
/// Says which roles the options give to columns the header does not have (`--column
/// category=OdName` where the file heads the column `OdNames`): otherwise the role is dropped
/// without a word and the column read as if no role had been given.
fn note_roles_not_found(
    options: &ImportOptions,
    header: &[&str],
    line: usize,
    report: &mut LoadReport,
) {
    const LISTED: usize = 12;
    for (name, role) in &options.columns {
        if header.iter().any(|h| h.trim() == name.trim()) {
            continue;
        }
        let role_name = ColumnRole::NAMED
            .iter()
            .find(|(_, r)| r == role)
            .map_or("ignore", |(n, _)| *n);
        let mut names: Vec<String> = header
            .iter()
            .take(LISTED)
            .map(|h| format!("{:?}", crate::model::text::label(h.trim())))
            .collect();
        if header.len() > LISTED {
            names.push("…".into());
        }
        report.messages.push(format!(
            "column {name:?} (given the role {role_name}) is not in the header on line {line}, \
             which names {}: the role was not used; give the header as the file writes it",
            names.join(", ")
        ));
    }
}

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
    loop {
        let index = records.index();
        let Some((line, record)) = records.next(report)? else {
            break;
        };
        if index > header_index {
            let cells: Vec<&str> = record.iter().collect();
            long.read_row(&cells, RowPlace::Line(line), dataset, report);
        }
    }
    long.check_values(path)?;
    sheet.rows_read = long.rows_read;
    sheet.rows_skipped = report.skipped_rows - skipped_before;
    report.sheets.push(sheet);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_reference_dates() {
        assert_eq!(parse_year("2010"), Some((2010, 0)));
        assert_eq!(parse_year("2010.0"), Some((2010, 0)));
        assert_eq!(parse_year("2010-01-01"), Some((2010, 33)));
        assert_eq!(parse_year("01.01.2010"), Some((2010, 33)));
        assert_eq!(parse_year("2010-07"), Some((2010, 224)));
        assert_eq!(parse_year("abcd"), None);
        assert_eq!(parse_year("1850"), None);
        assert_eq!(parse_year(""), None);
    }

    #[test]
    fn age_groups() {
        assert_eq!(normalise_age("").as_deref(), Some("TOTAL"));
        assert_eq!(normalise_age("Total").as_deref(), Some("TOTAL"));
        assert_eq!(normalise_age("Y0-4").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("0 - 4").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("85+").as_deref(), Some("85+"));
        assert_eq!(normalise_age("Y_GE85").as_deref(), Some("85+"));
        assert_eq!(normalise_age("Y_LT5").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("Y85-").as_deref(), Some("85+"));
        assert_eq!(normalise_age("UNK").as_deref(), Some("UNK"));
        assert_eq!(normalise_age("Y15").as_deref(), Some("15"));
        assert_eq!(normalise_age("old"), None);
    }

    #[test]
    fn reporters_in_file_names() {
        assert_eq!(
            reporter_from_file_name(Path::new("KAZ.xlsx")).as_deref(),
            Some("KAZ")
        );
        assert_eq!(
            reporter_from_file_name(Path::new("dir/Kazakhstan_2012.xlsx")).as_deref(),
            Some("KAZ")
        );
        assert_eq!(reporter_from_file_name(Path::new("data_in_2010.csv")), None);
        assert_eq!(reporter_from_file_name(Path::new("flows.csv")), None);
    }

    fn load(text: &str, name: &str) -> Result<(Dataset, LoadReport), LoadError> {
        super::super::load_bytes(
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
        assert_eq!(report.skipped[0].location.line, Some(6));
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
