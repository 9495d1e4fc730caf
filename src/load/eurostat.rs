//! Eurostat's files: the bulk TSV download (`docs/formats.md#eurostat-bulk-tsv`, also gzipped, and
//! the variant saved as CSV with the first header cell trimmed to `geo`) and the data browser's
//! spreadsheet export (`docs/formats.md#eurostat-data-browser`); plus the mapping of Eurostat
//! datasets to Clearinghouse tables, which SDMX-CSV uses too.
//!
//! Dataset → table: `migr_imm5prv` → 3, `migr_emi3nxt` → 4, `migr_imm1ctz` → 5.2 (5.1),
//! `migr_emi1ctz` → 6.2 (6.1), `migr_pop1ctz` → 2.2 (2.1), `migr_pop3ctb` → 1.2 (1.1),
//! `migr_acq` → 7.2 (7.1), `tps00176`/`tps00177` → the totals of 3/4. In the datasets with a
//! status table, the categories `TOTAL`, `NAT`, `FOR`, `STLS`, `FOR_STLS` and `UNK` go to the
//! status table (as `TOTAL`, `CITIZENS`/`NATIVE`, `FOREIGN`/`FOREIGN_BORN`, `STATELESS`,
//! `NON_CITIZENS`, `UNKNOWN`) and the countries and country groups to the by-country table.
//!
//! Only numbers of persons (`unit=NR`) and annual data (`freq=A`) are read. Where `agedef` has
//! both `COMPLET` and `REACH`, the `REACH` rows repeat the data by another age definition: they
//! are set aside (said in the messages, not skipped rows, not a finding). Rows whose other
//! dimensions are not totals are set aside the same way.

use super::codes::{Codes, merge_flags, stored_value};
use super::dims::{Dim, DimValues, dim_kind, read_dims};
use super::grid::{Grid, data_text, header_year, is_blank};
use super::long::{TextRecords, is_note, parse_year};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::sheet::{SheetOutcome, SheetReading};
use super::values::{NumberStyle, parse_cell};
use super::{ColumnUse, LoadError, LoadReport, Reading, SheetReport};
use crate::model::category::normalise_label;
use crate::model::{Dataset, NO_COLUMN, NO_DURATION, Obs, Sex, Sym, TableId, format_count};
use calamine::Data;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Eurostat datasets migreview reads: id, by-country table, status table, totals only.
/// The README's table of Eurostat datasets lists the same map.
pub const DATASETS: [(&str, TableId, Option<TableId>, bool); 12] = [
    ("migr_imm5prv", TableId::T3, None, false),
    ("migr_emi3nxt", TableId::T4, None, false),
    ("migr_imm1ctz", TableId::T5_2, Some(TableId::T5_1), false),
    ("migr_emi1ctz", TableId::T6_2, Some(TableId::T6_1), false),
    ("migr_pop1ctz", TableId::T2_2, Some(TableId::T2_1), false),
    ("migr_pop3ctb", TableId::T1_2, Some(TableId::T1_1), false),
    ("migr_acq", TableId::T7_2, Some(TableId::T7_1), false),
    ("tps00176", TableId::T3, None, true),
    ("tps00177", TableId::T4, None, true),
    ("tps00024", TableId::T7_2, None, true),
    ("migr_imm8", TableId::T3, None, true),
    ("migr_emi2", TableId::T4, None, true),
];

/// Families of Eurostat migration datasets, by the start of their code, for a file whose name
/// has a family's prefix but no known code (`migr_imm.xlsx`): the table whose totals it most
/// likely holds. A guess, said as such.
const FAMILIES: [(&str, TableId, &str); 4] = [
    ("migr_imm", TableId::T3, "immigration"),
    ("migr_emi", TableId::T4, "emigration"),
    ("migr_acq", TableId::T7_2, "acquisitions of citizenship"),
    ("migr_pop", TableId::T2_2, "population by citizenship"),
];

/// The family a file name points to when it names no known dataset: (prefix, table, what).
pub fn family_in(text: &str) -> Option<(&'static str, TableId, &'static str)> {
    let lower = text.to_lowercase();
    FAMILIES.iter().copied().find(|(prefix, ..)| {
        lower.match_indices(prefix).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// The canonical codes of the categories that go to a status table.
const STATUS_CATEGORIES: [&str; 6] = ["TOTAL", "NAT", "FOR", "FOR_STLS", "STATELESS", "UNK"];

/// The status group a category of a dataset with a status table stands for: one of the status
/// codes (total, nationals, foreigners, stateless, unknown), or the nationals when the category
/// is the reporter's own citizenship (`own`, as files cut from Eurostat give it by name).
pub fn status_group(code: &str, own: bool) -> Option<&'static str> {
    if own {
        return Some("NAT");
    }
    STATUS_CATEGORIES.iter().find(|c| **c == code).copied()
}

/// Where the rows of a dataset go.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The dataset id (`migr_imm5prv`), or the table chosen by the user.
    pub name: String,
    pub by_country: TableId,
    pub status: Option<TableId>,
    /// Only the `TOTAL` category is read (`tps00176`, `tps00177`).
    pub totals_only: bool,
}

impl Target {
    pub fn describe(&self) -> String {
        match (self.status, self.totals_only) {
            (_, true) => format!("{}: totals of table {}", self.name, self.by_country),
            (Some(status), _) => format!(
                "{}: countries → table {}, TOTAL/NAT/FOR/STLS/UNK → table {status}",
                self.name, self.by_country
            ),
            (None, _) => format!("{} → table {}", self.name, self.by_country),
        }
    }
}

/// The known dataset id that a file name, dataflow or bracketed code contains
/// (`estat_migr_imm5prv.tsv.gz`, `ESTAT:TPS00176(1.0)`, `MIGR_EMI1CTZ__custom_123`).
pub fn dataset_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    DATASETS.iter().map(|d| d.0).find(|id| {
        lower.match_indices(id).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + id.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// Where a known dataset's rows go.
pub fn target_of_dataset(id: &str) -> Option<Target> {
    DATASETS
        .iter()
        .find(|d| d.0 == id)
        .map(|&(name, by_country, status, totals_only)| Target {
            name: name.to_string(),
            by_country,
            status,
            totals_only,
        })
}

/// Where the rows go when the user chose the table: its by-country and status pair.
pub fn target_of_table(table: TableId) -> Target {
    use TableId::*;
    let (by_country, status, totals_only) = match table {
        T1_1 | T1_2 => (T1_2, Some(T1_1), false),
        T2_1 | T2_2 => (T2_2, Some(T2_1), false),
        T5_1 | T5_2 => (T5_2, Some(T5_1), false),
        T6_1 | T6_2 => (T6_2, Some(T6_1), false),
        T7_1 | T7_2 => (T7_2, Some(T7_1), false),
        T3 | T4 => (table, None, false),
        Pop | Births | Deaths => (table, None, true),
    };
    Target {
        name: format!("table {table} (import options)"),
        by_country,
        status,
        totals_only,
    }
}

/// Routes category labels of a dataset to a table and a canonical category.
pub struct Router {
    target: Target,
    cache: HashMap<String, Option<(TableId, Sym)>>,
}

impl Router {
    pub fn new(target: Target) -> Router {
        Router {
            target,
            cache: HashMap::new(),
        }
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The table and category of a label, or `None` when the dataset's rows of that category are
    /// not read (the non-total rows of a totals-only dataset).
    pub fn route(
        &mut self,
        label: &str,
        codes: &mut Codes,
        dataset: &mut Dataset,
        at: impl FnOnce() -> crate::model::Location,
    ) -> Option<(TableId, Sym)> {
        if let Some(routed) = self.cache.get(label) {
            if codes.is_unplaced(label) {
                // Counts the label again.
                codes.place(label, "category", dataset, at);
            }
            return *routed;
        }
        let label_or_total = if label.is_empty() { "TOTAL" } else { label };
        let place = codes.place(label_or_total, "category", dataset, at);
        let code = dataset.str(place).to_string();
        let routed = if self.target.totals_only {
            (code == "TOTAL").then_some((self.target.by_country, place))
        } else {
            match (self.target.status, status_group(&code, false)) {
                (Some(status), Some(group)) => Some((
                    status,
                    codes.status(group, status, dataset, crate::model::Location::default),
                )),
                _ => Some((self.target.by_country, place)),
            }
        };
        self.cache.insert(label.to_string(), routed);
        routed
    }
}

/// Counts of rows set aside, by reason, for the messages.
#[derive(Default)]
pub struct SetAside {
    counts: BTreeMap<String, usize>,
}

impl SetAside {
    pub fn add(&mut self, reason: &str) {
        match self.counts.get_mut(reason) {
            Some(count) => *count += 1,
            None => {
                self.counts.insert(reason.to_string(), 1);
            }
        }
    }

    /// One message per reason: `set aside 3 rows with agedef=REACH (…)`.
    pub fn messages(&self) -> Vec<String> {
        self.counts
            .iter()
            .map(|(reason, count)| {
                let why = if reason == "agedef=REACH" {
                    " (the same figures by age reached during the year; the agedef=COMPLET rows \
                     were read)"
                } else {
                    ""
                };
                format!(
                    "set aside {} row{} with {reason}{why}",
                    format_count(*count as f64),
                    if *count == 1 { "" } else { "s" }
                )
            })
            .collect()
    }
}

/// Whether a header row is Eurostat's bulk layout: a first cell such as
/// `freq,partner,…,geo\TIME_PERIOD`, or (the bulk file saved as CSV) `geo` followed by years.
pub fn is_bulk_header(cells: &[&str]) -> bool {
    if cells.iter().any(|c| {
        let lower = c.trim().to_lowercase();
        lower.contains('\\') && (lower.ends_with("\\time") || lower.ends_with("\\time_period"))
    }) {
        return true;
    }
    let Some(first) = cells.first() else {
        return false;
    };
    matches!(normalise_label(first).as_str(), "geo" | "geotime")
        && cells
            .iter()
            .skip(1)
            .filter(|c| parse_year(c).is_some())
            .count()
            >= 2
}

/// Where the dimension cells of a bulk header end (the cell holding `\TIME_PERIOD`, or the last
/// cell before the years) and the dimension names.
fn bulk_dimensions(header: &[&str]) -> (usize, Vec<String>) {
    let last = header
        .iter()
        .position(|c| c.contains('\\'))
        .unwrap_or_else(|| {
            header
                .iter()
                .position(|c| parse_year(c).is_some())
                .unwrap_or(1)
                .saturating_sub(1)
        });
    let names = header
        .iter()
        .take(last + 1)
        .flat_map(|c| c.split(','))
        .map(|n| {
            let n = n.trim();
            n.split('\\').next().unwrap_or(n).trim().to_lowercase()
        })
        .collect();
    (last, names)
}

/// The dataset of a bulk file from its dimensions, where they tell it apart; a guess.
fn dataset_from_dimensions(names: &[String]) -> Option<&'static str> {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("agedef") || has("partner") {
        return None;
    }
    if has("c_birth") {
        Some("migr_pop3ctb")
    } else if has("citizen") && has("age") {
        Some("migr_pop1ctz")
    } else {
        None
    }
}

/// Decides where a Eurostat file's rows go: the import options' table, else the dataset in the
/// file name, else (a guess) the dataset its dimensions point to.
fn decide_target(
    path: &Path,
    names: &[String],
    options: &ImportOptions,
    report: &mut LoadReport,
) -> Result<Target, LoadError> {
    if let Some(table) = options.table {
        return Ok(target_of_table(table));
    }
    if let Some(target) = dataset_in(&super::display_name(path)).and_then(target_of_dataset) {
        return Ok(target);
    }
    if let Some(target) = dataset_from_dimensions(names).and_then(target_of_dataset) {
        report.confident = false;
        report.messages.push(format!(
            "the file name does not name the dataset: {} guessed from the dimensions {}",
            target.name,
            names.join(",")
        ));
        return Ok(target);
    }
    Err(LoadError::Unrecognised {
        path: path.display().to_string(),
        expected: "expected the Eurostat dataset in the file name (estat_migr_imm5prv.tsv.gz, \
                   migr_emi3nxt.tsv, tps00176.csv), or a table given with --table (3, 5.2 …) or in the \
                   import dialog"
            .into(),
        found: format!("dimensions {}", names.join(",")),
    })
}

/// The header of a bulk file: its dimensions and its year columns.
struct BulkHeader {
    cells: Vec<String>,
    /// The column of the last dimension: the dimensions are the cells up to it, split at commas.
    last_dim: usize,
    names: Vec<String>,
    kinds: Vec<Dim>,
    /// Which of the dimensions is `geo`.
    geo: usize,
    /// (column, year, reference date) of every year column.
    years: Vec<(usize, u16, u16)>,
}

impl BulkHeader {
    /// Reads the header, the first line that is not empty; fails when it names no `geo`
    /// dimension or no years.
    fn read(reader: &mut csv::Reader<&[u8]>, path: &Path) -> Result<BulkHeader, LoadError> {
        let shown = path.display().to_string();
        let mut record = csv::StringRecord::new();
        let cells: Vec<String> = loop {
            match reader.read_record(&mut record) {
                Ok(true) if record.iter().all(|c| c.trim().is_empty()) => continue,
                Ok(true) => break record.iter().map(str::to_string).collect(),
                _ => return Err(LoadError::Empty { path: shown }),
            }
        };
        let header_refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let (last_dim, names) = bulk_dimensions(&header_refs);
        let kinds: Vec<Dim> = names.iter().map(|n| dim_kind(n)).collect();
        let geo =
            kinds
                .iter()
                .position(|k| *k == Dim::Geo)
                .ok_or_else(|| LoadError::Unrecognised {
                    path: shown.clone(),
                    expected:
                        "expected a geo dimension in the first header cell (…,geo\\TIME_PERIOD)"
                            .into(),
                    found: format!("dimensions {}", names.join(",")),
                })?;
        let years: Vec<(usize, u16, u16)> = cells
            .iter()
            .enumerate()
            .skip(last_dim + 1)
            .filter_map(|(col, cell)| parse_year(cell).map(|(year, date)| (col, year, date)))
            .collect();
        if years.is_empty() {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: "expected one column per year after the dimensions".into(),
                found: format!(
                    "header {:?}",
                    cells.iter().take(6).cloned().collect::<Vec<_>>()
                ),
            });
        }
        Ok(BulkHeader {
            cells,
            last_dim,
            names,
            kinds,
            geo,
            years,
        })
    }

    /// The name of the category dimension, as set-aside messages say it.
    fn category_name(&self) -> &str {
        self.names
            .iter()
            .zip(&self.kinds)
            .find(|(_, k)| **k == Dim::Category)
            .map(|(n, _)| n.as_str())
            .unwrap_or("category")
    }

    /// How each column was used: the dimensions say the reporter, the years hold values.
    fn uses(&self) -> Vec<ColumnUse> {
        self.cells
            .iter()
            .enumerate()
            .map(|(index, h)| ColumnUse {
                index,
                header: h.trim().to_string(),
                role: if index <= self.last_dim {
                    ColumnRole::Reporter
                } else if self.years.iter().any(|y| y.0 == index) {
                    ColumnRole::Value
                } else {
                    ColumnRole::Ignore
                },
            })
            .collect()
    }
}

/// Loads a Eurostat bulk file (text, after any decompression).
pub fn load_bulk(text: &str, delimiter: char, reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = BulkHeader::read(&mut reader, path)?;
    let names = &header.names;
    let target = decide_target(path, names, options, report)?;
    report.messages.push(format!(
        "Eurostat bulk file, dataset {}; dimensions {}; {} year columns",
        target.describe(),
        names.join(","),
        header.years.len()
    ));
    let mut codes = Codes::new(file, report.name.clone()).with_labels(&options.labels);
    let mut router = Router::new(target.clone());
    let mut set_aside = SetAside::default();
    let skipped_before = report.skipped_rows;
    let source = codes.intern(options.source.as_deref().unwrap_or(""), dataset);
    let duration = options.duration_months.unwrap_or(NO_DURATION);
    let total_age = codes.intern("TOTAL", dataset);
    let mut rows_read = 0usize;
    let mut flag = String::new();
    let mut records = TextRecords::new(reader, text, delimiter, control, path);
    while let Some((line, record)) = records.next(report)? {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut values: Vec<&str> = Vec::with_capacity(names.len());
        for cell in record.iter().take(header.last_dim + 1) {
            values.extend(cell.split(',').map(str::trim));
        }
        if values.len() != names.len() {
            report.skip(
                codes.line(line),
                format!(
                    "expected {} dimension values ({}), found {:?}",
                    names.len(),
                    names.join(","),
                    values.join(",")
                ),
            );
            continue;
        }
        let dims = header.kinds.iter().zip(names).zip(&values);
        let dims = dims.map(|((kind, name), value)| (*kind, name.as_str(), *value));
        let (sex, age, category_label) = match read_dims(dims, total_age, &mut codes, dataset) {
            DimValues::Read { sex, age, category } => (sex, age, category),
            DimValues::SetAside(reason) => {
                set_aside.add(&reason);
                continue;
            }
            DimValues::Unreadable(reason) => {
                report.skip(codes.line(line), reason.to_string());
                continue;
            }
        };
        let geo_label = values.get(header.geo).copied().unwrap_or("");
        let reporter = codes.place(geo_label, "reporter", dataset, || codes_line(report, line));
        let Some((table, category)) = router.route(category_label, &mut codes, dataset, || {
            codes_line(report, line)
        }) else {
            set_aside.add(&format!(
                "{}={category_label} ({} holds totals only)",
                header.category_name(),
                target.name
            ));
            continue;
        };
        for &(col, year, ref_date) in &header.years {
            let cell = record.get(col).unwrap_or("");
            let parsed = parse_cell(cell, NumberStyle::PointDecimal);
            flag.clear();
            merge_flags(&mut flag, &parsed.flag);
            let flag_sym = codes.intern(&flag, dataset);
            let (value, missing) = stored_value(parsed.value, &flag, dataset);
            dataset.push(Obs {
                value,
                row: line,
                reporter,
                category,
                age,
                flag: flag_sym,
                source,
                sheet: Sym::EMPTY,
                file,
                col: NO_COLUMN,
                year,
                ref_date,
                table,
                sex,
                missing,
                duration,
            });
        }
        rows_read += 1;
    }
    report.messages.extend(set_aside.messages());
    report.sheets.push(SheetReport {
        name: report.name.clone(),
        layout: Some(Layout::EurostatBulk),
        table: Some(target.by_country),
        header_row: Some(1),
        columns: header.uses(),
        rows_read,
        rows_skipped: report.skipped_rows - skipped_before,
        ..SheetReport::default()
    });
    Ok(())
}

fn codes_line(report: &LoadReport, line: u32) -> crate::model::Location {
    crate::model::Location::line_of(report.name.as_str(), line)
}

// ---------------------------------------------------------------------------------------------
// The data browser's spreadsheet export.

/// The shape of a data-browser sheet: the `TIME` row with its year columns (each followed by a
/// flag column) and the `GEO` row under it.
pub struct BrowserSheet {
    time_row: usize,
    geo_row: usize,
    label_col: usize,
    years: Vec<(usize, u16, Option<usize>)>,
}

impl BrowserSheet {
    /// Finds the `TIME` row among the first rows of a sheet, with the `GEO (Labels)` row under
    /// it; or, in an export trimmed by its user to the `TIME` row and the rows of countries,
    /// a `TIME` row of years whose rows below are labelled by places.
    pub fn find(grid: &Grid<'_>) -> Option<BrowserSheet> {
        let rows = grid.rows().min(60);
        for time_row in 0..rows {
            let Some(label_col) = (0..grid.cols()).find(|&c| !grid.is_blank(time_row, c)) else {
                continue;
            };
            if !grid
                .text(time_row, label_col)
                .trim()
                .eq_ignore_ascii_case("time")
            {
                continue;
            }
            let year_cols: Vec<(usize, u16)> = (label_col + 1..grid.cols())
                .filter_map(|c| header_year(grid.get(time_row, c)).map(|y| (c, y)))
                .collect();
            if year_cols.is_empty() {
                return None;
            }
            let geo_row = (time_row + 1..(time_row + 4).min(grid.rows()))
                .find(|&r| {
                    grid.text(r, label_col)
                        .trim()
                        .to_ascii_uppercase()
                        .starts_with("GEO")
                })
                .or_else(|| places_below(grid, time_row, label_col).then_some(time_row))?;
            let years = year_cols
                .iter()
                .map(|&(col, year)| {
                    let next = col + 1;
                    let is_flag = next < grid.cols()
                        && grid.is_blank(time_row, next)
                        && !year_cols.iter().any(|(c, _)| *c == next);
                    (col, year, is_flag.then_some(next))
                })
                .collect();
            return Some(BrowserSheet {
                time_row,
                geo_row,
                label_col,
                years,
            });
        }
        None
    }

    /// Whether the sheet has the `GEO` row (a full export) rather than countries right under
    /// the `TIME` row (an export trimmed by its user).
    pub fn has_geo_row(&self) -> bool {
        self.geo_row != self.time_row
    }
}

/// Whether most labels under the `TIME` row place as countries or groups of countries.
fn places_below(grid: &Grid<'_>, time_row: usize, label_col: usize) -> bool {
    let g = crate::model::gazetteer();
    let labels: Vec<String> = (time_row + 1..grid.rows().min(time_row + 200))
        .map(|r| grid.text(r, label_col).trim().to_string())
        .filter(|t| !t.is_empty())
        .take(100)
        .collect();
    let placed = labels.iter().filter(|l| g.resolve(l).is_some()).count();
    placed >= 1 && placed * 2 > labels.len()
}

/// The dataset code of a data-browser sheet: the bracketed code after `Dataset:`
/// (`Emigration [TPS00177]`), lower case, without a `__custom_…` suffix.
pub fn browser_dataset(grid: &Grid<'_>) -> Option<String> {
    for row in 0..grid.rows().min(30) {
        for col in 0..grid.cols() {
            let Data::String(text) = grid.get(row, col) else {
                continue;
            };
            let trimmed = text.trim();
            let Some(rest) = trimmed
                .strip_prefix("Dataset:")
                .or_else(|| trimmed.strip_prefix("DATASET:"))
            else {
                continue;
            };
            let title = if rest.trim().is_empty() {
                (col + 1..grid.cols())
                    .map(|c| grid.text(row, c).trim().to_string())
                    .find(|t| !t.is_empty())?
            } else {
                rest.trim().to_string()
            };
            let open = title.rfind('[')?;
            let close = title[open..].find(']')? + open;
            let code = title[open + 1..close].trim().to_lowercase();
            let code = code.split("__").next().unwrap_or(&code).to_string();
            return Some(code);
        }
    }
    None
}

/// Reads the fixed dimensions above the `TIME` row: label in the first cell, value in the next
/// non-empty cell (`Sex | Total`, `Unit of measure | Number`).
fn browser_fixed_dimensions(grid: &Grid<'_>, sheet: &BrowserSheet) -> Vec<(String, String)> {
    let mut fixed = Vec::new();
    for row in 0..sheet.time_row {
        let Some(first) = (0..grid.cols()).find(|&c| !grid.is_blank(row, c)) else {
            continue;
        };
        let Some(second) = (first + 1..grid.cols()).find(|&c| !grid.is_blank(row, c)) else {
            continue;
        };
        fixed.push((
            normalise_label(grid.text(row, first).trim_end_matches(':')),
            grid.text(row, second).trim().to_string(),
        ));
    }
    fixed
}

/// An age class as the data browser writes it (`Less than 5 years`, `From 5 to 9 years`,
/// `85 years or over`), or as a code.
fn browser_age(label: &str) -> String {
    let lower = label.trim().to_lowercase();
    let numbers: Vec<u32> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect();
    if lower.starts_with("less than")
        && let [n] = numbers.as_slice()
    {
        return format!("0-{}", n.saturating_sub(1));
    }
    if lower.starts_with("from")
        && let [a, b] = numbers.as_slice()
    {
        return format!("{a}-{b}");
    }
    if (lower.contains("or over") || lower.contains("and over"))
        && let [n] = numbers.as_slice()
    {
        return format!("{n}+");
    }
    label.trim().to_string()
}

/// Reads a data-browser sheet: one row per country (the reporter), a value and a flag column
/// per year, the other dimensions fixed in the title block.
pub fn read_browser_sheet(
    sheet: SheetReading<'_, '_>,
    shape: BrowserSheet,
    workbook_dataset: Option<&str>,
) -> SheetOutcome {
    let SheetReading {
        input,
        path,
        options,
        mut codes,
        dataset,
        report,
        ..
    } = sheet;
    let grid = &input.grid;
    let mut sheet_report = SheetReport {
        name: input.name.to_string(),
        hidden: input.hidden,
        layout: Some(Layout::EurostatBrowser),
        header_row: Some(shape.time_row + 1),
        ..SheetReport::default()
    };
    let code = browser_dataset(grid).or_else(|| workbook_dataset.map(str::to_string));
    let Some(target) = browser_target(input.name, code.as_deref(), path, options, report) else {
        let error = LoadError::Unrecognised {
            path: path.display().to_string(),
            expected: "expected a known Eurostat dataset after Dataset: (Emigration [TPS00177], \
                       … [MIGR_IMM5PRV]) or in the file name (migr_imm5prv.xlsx), or a table \
                       given with --table (3, 5.2 …) or in the import dialog"
                .into(),
            found: format!(
                "sheet {:?} with dataset {}",
                input.name,
                code.as_deref().unwrap_or("(none)")
            ),
        };
        sheet_report.note = Some(format!("not read: {error}"));
        return SheetOutcome::Failed(sheet_report, error);
    };
    let (sex, age_label, category_label) = match browser_fixed(grid, &shape) {
        Fixed::Read(sex, age, category) => (sex, age, category),
        Fixed::NotRead(note) => {
            sheet_report.note = Some(note);
            return SheetOutcome::NotTable(sheet_report);
        }
    };
    let Some(age) = codes.age(&age_label, dataset) else {
        let error = LoadError::Unrecognised {
            path: path.display().to_string(),
            expected: "expected an age class such as Total or From 15 to 19 years".into(),
            found: format!("{age_label:?} in sheet {:?}", input.name),
        };
        sheet_report.note = Some(format!("not read: {error}"));
        return SheetOutcome::Failed(sheet_report, error);
    };
    let mut router = Router::new(target.clone());
    let at = codes.cell(input.name, shape.time_row as u32, shape.label_col);
    let Some((table, category)) = router.route(&category_label, &mut codes, dataset, || at) else {
        sheet_report.note = Some(format!(
            "set aside: {category_label:?} ({} holds totals only)",
            target.name
        ));
        return SheetOutcome::NotTable(sheet_report);
    };
    let fixed = BrowserFixed {
        sheet: codes.intern(input.name, dataset),
        source: codes.intern(options.source.as_deref().unwrap_or(""), dataset),
        duration: options.duration_months.unwrap_or(NO_DURATION),
        table,
        category,
        age,
        sex,
    };
    let skipped_before = report.skipped_rows;
    let rows_read = read_browser_rows(
        input.name, grid, &shape, &fixed, &mut codes, dataset, report,
    );
    report.messages.push(format!(
        "sheet {:?}: Eurostat data-browser sheet, dataset {}; sex {sex}, age {}, category {}",
        input.name,
        target.describe(),
        dataset.str(age),
        dataset.str(category)
    ));
    sheet_report.table = Some(table);
    sheet_report.columns = browser_columns(grid, &shape);
    sheet_report.rows_read = rows_read;
    sheet_report.rows_skipped = report.skipped_rows - skipped_before;
    SheetOutcome::Read(sheet_report)
}

/// Where the rows of a data-browser sheet go: the table chosen in the options, else the
/// dataset the sheet or the file names, else a guess from a family of datasets in the file
/// name (said in the messages).
fn browser_target(
    sheet: &str,
    code: Option<&str>,
    path: &Path,
    options: &ImportOptions,
    report: &mut LoadReport,
) -> Option<Target> {
    let file_name = super::display_name(path);
    match options.table {
        Some(table) => Some(target_of_table(table)),
        None => code
            .and_then(dataset_in)
            .or_else(|| dataset_in(&file_name))
            .and_then(target_of_dataset)
            .or_else(|| {
                let (prefix, table, what) = family_in(&file_name)?;
                report.confident = false;
                report.messages.push(format!(
                    "sheet {sheet:?} does not name its dataset and the file name's {prefix:?} is \
                     no dataset code: read as the totals of table {table} ({what}), a guess; \
                     give --table if it holds another table"
                ));
                Some(Target {
                    name: format!("{prefix} (file name)"),
                    by_country: table,
                    status: None,
                    totals_only: true,
                })
            }),
    }
}

/// What the title block of a data-browser sheet fixes for all its rows.
enum Fixed {
    /// The sex, age label and category label.
    Read(Sex, String, String),
    /// Why the sheet is not read: it holds no numbers of persons, or repeats the data by
    /// another age definition.
    NotRead(String),
}

/// The sex, age label and category label fixed in the title block of a data-browser sheet.
fn browser_fixed(grid: &Grid<'_>, shape: &BrowserSheet) -> Fixed {
    let mut sex = Sex::T;
    let mut age_label = String::from("TOTAL");
    let mut category_label = String::new();
    for (label, value) in browser_fixed_dimensions(grid, shape) {
        match label.as_str() {
            "sex" => sex = Sex::parse(&value).unwrap_or(Sex::T),
            "ageclass" | "age" => age_label = browser_age(&value),
            "unitofmeasure" | "unit" if normalise_label(&value) != "number" => {
                return Fixed::NotRead(format!(
                    "not read: unit of measure {value:?} (only numbers of persons are read)"
                ));
            }
            "agedefinition" if value.to_lowercase().contains("reached") => {
                return Fixed::NotRead(
                    "set aside: age reached during the year (the same figures by age in \
                     completed years are read)"
                        .into(),
                );
            }
            "citizenship"
            | "countryofcitizenship"
            | "countryofbirth"
            | "countryofpreviousresidence"
            | "countryofnextresidence"
            | "partner"
            | "geopoliticalentitypartner" => category_label = value,
            _ => {}
        }
    }
    Fixed::Read(sex, age_label, category_label)
}

/// What every observation of a data-browser sheet shares.
struct BrowserFixed {
    sheet: Sym,
    source: Sym,
    duration: u8,
    table: TableId,
    category: Sym,
    age: Sym,
    sex: Sex,
}

/// Reads the rows of countries under the `GEO` row, a value per year; rows below the data
/// (after a blank row, or starting as a note) are notes. Returns the rows read.
fn read_browser_rows(
    name: &str,
    grid: &Grid<'_>,
    shape: &BrowserSheet,
    fixed: &BrowserFixed,
    codes: &mut Codes,
    dataset: &mut Dataset,
    report: &mut LoadReport,
) -> usize {
    let mut rows_read = 0usize;
    let mut in_notes = false;
    let mut flag = String::new();
    for row in shape.geo_row + 1..grid.rows() {
        if grid.is_blank_row(row) {
            in_notes = rows_read > 0 || in_notes;
            continue;
        }
        let label = grid.text(row, shape.label_col).trim().to_string();
        let values_blank = shape.years.iter().all(|(c, ..)| grid.is_blank(row, *c));
        if in_notes || is_note(&label) || (values_blank && label.is_empty()) {
            let text: Vec<String> = (0..grid.cols())
                .map(|c| grid.text(row, c).trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            report.notes.push(text.join(" "));
            in_notes = true;
            continue;
        }
        let at = codes.cell(name, row as u32, shape.label_col);
        let reporter = codes.place(&label, "reporter", dataset, || at);
        for &(col, year, flag_col) in &shape.years {
            let data = grid.get(row, col);
            let parsed = match data {
                Data::Float(f) => super::values::ParsedCell {
                    value: super::values::CellValue::Number(*f),
                    flag: String::new(),
                },
                Data::Int(i) => super::values::ParsedCell {
                    value: super::values::CellValue::Number(*i as f64),
                    flag: String::new(),
                },
                other => parse_cell(&data_text(other), NumberStyle::PointDecimal),
            };
            flag.clear();
            if let Some(flag_col) = flag_col
                && !is_blank(grid.get(row, flag_col))
            {
                merge_flags(&mut flag, &grid.text(row, flag_col));
            }
            merge_flags(&mut flag, &parsed.flag);
            let flag_sym = codes.intern(&flag, dataset);
            let (value, missing) = stored_value(parsed.value, &flag, dataset);
            dataset.push(Obs {
                value,
                row: row as u32,
                reporter,
                category: fixed.category,
                age: fixed.age,
                flag: flag_sym,
                source: fixed.source,
                sheet: fixed.sheet,
                file: codes.file(),
                col: col.min(u16::MAX as usize - 1) as u16,
                year,
                ref_date: 0,
                table: fixed.table,
                sex: fixed.sex,
                missing,
                duration: fixed.duration,
            });
        }
        rows_read += 1;
    }
    rows_read
}

/// How the columns of a data-browser sheet were used: the countries, and a value and a flag
/// column per year.
fn browser_columns(grid: &Grid<'_>, shape: &BrowserSheet) -> Vec<ColumnUse> {
    let mut columns = vec![ColumnUse {
        index: shape.label_col,
        header: if shape.has_geo_row() {
            grid.text(shape.geo_row, shape.label_col).trim().to_string()
        } else {
            "GEO".to_string()
        },
        role: ColumnRole::Reporter,
    }];
    for &(col, year, flag_col) in &shape.years {
        columns.push(ColumnUse {
            index: col,
            header: year.to_string(),
            role: ColumnRole::Value,
        });
        if let Some(flag_col) = flag_col {
            columns.push(ColumnUse {
                index: flag_col,
                header: String::new(),
                role: ColumnRole::Flag,
            });
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datasets_are_found_in_names_and_dataflows() {
        assert_eq!(
            dataset_in("estat_migr_imm5prv.tsv.gz"),
            Some("migr_imm5prv")
        );
        assert_eq!(dataset_in("ESTAT:TPS00176(1.0)"), Some("tps00176"));
        assert_eq!(dataset_in("MIGR_EMI1CTZ__custom_123"), Some("migr_emi1ctz"));
        assert_eq!(dataset_in("migr_acqs.tsv"), None);
        assert_eq!(dataset_in("data.tsv"), None);
        assert_eq!(
            target_of_dataset("migr_imm1ctz").map(|t| (t.by_country, t.status)),
            Some((TableId::T5_2, Some(TableId::T5_1)))
        );
        assert_eq!(target_of_table(TableId::T6_1).by_country, TableId::T6_2);
    }

    #[test]
    fn bulk_headers_are_recognised() {
        assert!(is_bulk_header(&[
            "freq,partner,age,agedef,unit,sex,geo\\TIME_PERIOD",
            "2023 ",
            "2022 "
        ]));
        assert!(is_bulk_header(&["geo", "2006 ", "2007 "]));
        assert!(!is_bulk_header(&["table", "reporter", "year", "value"]));
        let (last, names) = bulk_dimensions(&["unit,sex,age,geo\\time", "2010"]);
        assert_eq!(last, 0);
        assert_eq!(names, vec!["unit", "sex", "age", "geo"]);
        let (last, names) = bulk_dimensions(&["geo", "2006 ", "2007 "]);
        assert_eq!((last, names), (0, vec!["geo".to_string()]));
    }

    #[test]
    fn browser_age_classes() {
        assert_eq!(browser_age("Less than 5 years"), "0-4");
        assert_eq!(browser_age("From 15 to 19 years"), "15-19");
        assert_eq!(browser_age("85 years or over"), "85+");
        assert_eq!(browser_age("Total"), "Total");
    }
}
