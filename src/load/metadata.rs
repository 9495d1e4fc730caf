//! The `Metadata` sheet of a workbook: the source and duration-of-stay rule of each table.
//!
//! A convention of migreview's sample workbooks, which any workbook may follow:
//!
//! - a sheet named `Metadata` or `Метаданные` (any case);
//! - a header row, within the first ten rows, with a `table` column and a `source` column, a
//!   `duration_months` column, or both (names matched as in the long layout, English or Russian:
//!   `таблица`, `источник`, `duration`); optionally `year` and `reporter`;
//! - one row per rule: `table` (`3`, `Table 3`, `5.1`, `POP`; empty = every table), `year`
//!   (empty = every year), `reporter` (empty = every reporter in the file), `source` (free text)
//!   and `duration_months` (`0` none, `3`, `6`, `12`, `60` permanent).
//!
//! The rules are applied after every sheet is read, to the observations of the same file, the
//! rules without a year first and those with a year after, so the more specific one wins. What
//! the file says wins over the file-wide source and duration of the import options, as a source
//! column of a long file does. The tables, reporters and years whose duration a rule set are
//! recorded in [`Dataset::metadata_durations`], so that the mirror statistics can name the
//! Metadata sheet as the source of that duration-of-stay criterion.

use super::grid::Grid;
use super::long::{Columns, parse_duration, parse_year};
use super::options::{ColumnRole, ImportOptions};
use super::sheet::SheetInput;
use super::{LoadReport, SheetReport};
use crate::model::dataset::MetadataDuration;
use crate::model::{Dataset, Location, NO_DURATION, TableId, TableKind, gazetteer};
use std::collections::BTreeSet;
use std::path::Path;

/// How many rows are searched for the header of a Metadata sheet.
const HEADER_SEARCH_ROWS: usize = 10;

/// One row of a Metadata sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataRule {
    pub table: Option<TableId>,
    pub year: Option<u16>,
    /// Canonical reporter code.
    pub reporter: Option<String>,
    pub source: Option<String>,
    pub duration: Option<u8>,
}

/// Whether a sheet is the Metadata sheet, by its name.
pub fn is_metadata_sheet(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    name == "metadata" || name == "метаданные"
}

/// Reads the rules of a Metadata sheet; rows that cannot be read are skipped with their reason,
/// at locations naming the file as `report.name` does (the path as given).
pub fn read(
    input: &SheetInput<'_>,
    _path: &Path,
    report: &mut LoadReport,
) -> (SheetReport, Vec<MetadataRule>) {
    let grid = &input.grid;
    let file_name = report.name.clone();
    let mut sheet = SheetReport {
        name: input.name.to_string(),
        hidden: input.hidden,
        ..SheetReport::default()
    };
    let options = ImportOptions::default();
    let header = (0..grid.rows().min(HEADER_SEARCH_ROWS)).find_map(|row| {
        let cells: Vec<String> = (0..grid.cols())
            .map(|col| grid.text(row, col).into_owned())
            .collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let columns = Columns::from_header(&refs, &options);
        let usable = columns.find(ColumnRole::Table).is_some()
            && (columns.find(ColumnRole::Source).is_some()
                || columns.find(ColumnRole::DurationMonths).is_some());
        usable.then_some((row, cells, columns))
    });
    let Some((header, cells, columns)) = header else {
        sheet.note = Some(
            "not read: a Metadata sheet needs a header row with table and source or \
             duration_months columns"
                .into(),
        );
        return (sheet, Vec::new());
    };
    let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
    sheet.header_row = Some(header + 1);
    sheet.columns = columns.uses(&refs);
    sheet.note = Some("the source and duration-of-stay rule of each table".into());
    let skipped_before = report.skipped_rows;
    let location = |row: usize, col: Option<usize>| {
        Location::cell_of(
            file_name.as_str(),
            &*input.name,
            row as u32,
            col.unwrap_or(0),
        )
    };
    let mut rules = Vec::new();
    for row in header + 1..grid.rows() {
        if grid.is_blank_row(row) {
            continue;
        }
        if let Some(rule) = read_rule(grid, row, &columns, &location, report) {
            rules.push(rule);
        }
    }
    sheet.rows_read = rules.len();
    sheet.rows_skipped = report.skipped_rows - skipped_before;
    (sheet, rules)
}

/// Reads one row of a Metadata sheet into its rule; `None` for a note, a row skipped with its
/// reason, or a row that sets neither a source nor a duration.
fn read_rule(
    grid: &Grid<'_>,
    row: usize,
    columns: &Columns,
    location: &dyn Fn(usize, Option<usize>) -> Location,
    report: &mut LoadReport,
) -> Option<MetadataRule> {
    let text = |role: ColumnRole| {
        columns
            .find(role)
            .map(|col| grid.text(row, col).trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let first = grid.text(row, 0);
    if first.trim().len() > 3 && super::long::is_note(&first) {
        report.notes.push(first.trim().to_string());
        return None;
    }
    let table = match text(ColumnRole::Table) {
        None => None,
        Some(t) if matches!(t.to_lowercase().as_str(), "all" | "*" | "все") => None,
        Some(t) => match TableId::parse(&t) {
            Some(table) => Some(table),
            None => {
                report.skip(
                    location(row, columns.find(ColumnRole::Table)),
                    format!(
                        "expected a table (1.1 … 7.2, POP, BIRTHS, DEATHS) in the Metadata \
                         sheet, found {t:?}"
                    ),
                );
                return None;
            }
        },
    };
    let year = match text(ColumnRole::Year) {
        None => None,
        Some(t) => match parse_year(&t) {
            Some((year, _)) => Some(year),
            None => {
                report.skip(
                    location(row, columns.find(ColumnRole::Year)),
                    format!("expected a year or an empty cell, found {t:?}"),
                );
                return None;
            }
        },
    };
    let reporter = match text(ColumnRole::Reporter) {
        None => None,
        Some(t) => match gazetteer().resolve(&t) {
            Some(place) => Some(place.code.clone()),
            None => {
                report.skip(
                    location(row, columns.find(ColumnRole::Reporter)),
                    format!("expected a reporting country, found {t:?}"),
                );
                return None;
            }
        },
    };
    let duration = match text(ColumnRole::DurationMonths) {
        None => None,
        Some(t) => match parse_duration(&t) {
            Some(months) => Some(months),
            None => {
                report.skip(
                    location(row, columns.find(ColumnRole::DurationMonths)),
                    format!("expected a duration of stay in months (0, 3, 6, 12, 60), found {t:?}"),
                );
                return None;
            }
        },
    };
    let source = text(ColumnRole::Source);
    if source.is_none() && duration.is_none() {
        return None;
    }
    Some(MetadataRule {
        table,
        year,
        reporter,
        source,
        duration,
    })
}

/// Sets the source and duration of the observations the rules cover.
pub fn apply(rules: &[MetadataRule], dataset: &mut Dataset, report: &mut LoadReport) {
    let mut ordered: Vec<&MetadataRule> = rules.iter().collect();
    // General rules first, so that a rule for one year overrides the rule for all years.
    ordered.sort_by_key(|r| (r.year.is_some(), r.reporter.is_some(), r.table.is_some()));
    let resolved: Vec<(
        &MetadataRule,
        Option<crate::model::Sym>,
        Option<crate::model::Sym>,
    )> = ordered
        .into_iter()
        .map(|rule| {
            let source = rule.source.as_deref().map(|s| dataset.intern(s));
            let reporter = rule.reporter.as_deref().map(|r| dataset.intern(r));
            (rule, source, reporter)
        })
        .collect();
    let mut touched = 0usize;
    let mut durations: BTreeSet<MetadataDuration> = BTreeSet::new();
    for obs in dataset.obs_mut() {
        let mut hit = false;
        for (rule, source, reporter) in &resolved {
            if rule.table.is_some_and(|t| t != obs.table)
                || rule.year.is_some_and(|y| y != obs.year)
                || reporter.is_some_and(|r| r != obs.reporter)
            {
                continue;
            }
            if let Some(source) = source {
                obs.source = *source;
            }
            if let Some(duration) = rule.duration {
                obs.duration = duration;
                durations.insert(MetadataDuration {
                    file: obs.file,
                    table: obs.table,
                    reporter: obs.reporter,
                    year: obs.year,
                });
            }
            hit = true;
        }
        if hit {
            touched += 1;
        }
    }
    dataset.metadata_durations.extend(durations);
    // Only flows have a duration-of-stay rule; stocks and vital events never do.
    let without = dataset
        .obs()
        .iter()
        .filter(|o| o.duration == NO_DURATION && o.table.kind() == TableKind::Flow)
        .filter(|o| !matches!(o.table, TableId::Births | TableId::Deaths))
        .count();
    report.messages.push(format!(
        "Metadata sheet: {} rules set the source or duration of {touched} observations{}",
        rules.len(),
        if without > 0 {
            format!("; {without} flow observations have no duration-of-stay rule")
        } else {
            String::new()
        }
    ));
}
