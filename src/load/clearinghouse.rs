//! The Clearinghouse workbook layout (`docs/formats.md#clearinghouse-workbook`): one sheet per
//! table, years across.
//!
//! A sheet is read as follows.
//! - **Header row**: the row of years of [`super::header`] (two or more year cells from 1900 up
//!   to the current year, as numbers or text), or the row chosen in the import options.
//! - **Label columns** are left of the first year: the category (country or status label), and
//!   optionally a sex column, an age column and a `Country` column naming the reporter. Roles
//!   come from the options, then the header text, then the cells (a column of `Total`/`Men`/
//!   `Women` is the sex, one of `0-4`/`85+` the age); the category is the first column left.
//! - **Value columns** are the year columns; a column right of a year with an empty header (or
//!   `flag`) whose cells hold flag letters is that year's flag column.
//! - **Sex** comes from the sex column, else from a row just above the header that groups the
//!   year columns into blocks (`Total | Men | Women`, `Всего | Мужчины | Женщины`) as merged
//!   cells, repeated labels, or a label followed by empty cells up to the next label; else from
//!   the sheet name (`Table 3 M`); else it is the total.
//! - **Table** from the options, the sheet name, or a title cell above the header; **reporter**
//!   from the options, a title cell (`Country: Kazakhstan`, `Страна: Казахстан`), the `Country`
//!   column, or the file name (a guess, which makes the report not confident).
//! - **Rows**: one observation per value cell, with the cell as provenance. Rows below the data
//!   that are notes (`Source: …`, `Note: …`, `Примечание`, or text after an empty row) go to the
//!   report's notes. In an age table, an empty category cell repeats the category above.
//!   Tables POP, BIRTHS and DEATHS have the category `TOTAL`; their rows may be labelled by sex.

use super::codes::{Codes, merge_flags, stored_value};
use super::grid::{Grid, data_text, is_blank};
use super::header::{HeaderSearch, YearHeader, find_year_header, looks_like};
use super::long::{is_note, reporter_from_file_name};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::sheet::{SheetInput, SheetOutcome, SheetReading};
use super::values::{CellValue, NumberStyle, detect_number_style, parse_cell};
use super::{ColumnUse, LoadError, LoadReport, SexBlock, SheetReport};
use crate::model::category::normalise_label;
use crate::model::{
    Breakdown, Dataset, Location, NO_DURATION, Obs, PlaceKind, Sex, Sym, TableId, gazetteer,
};
use calamine::Data;
use std::path::Path;

/// How many rows above the header may hold the sex blocks.
const SEX_ROW_SEARCH: usize = 3;
/// How many data cells decide a column's role or a sheet's number style.
const SAMPLE_CELLS: usize = 2000;

/// Words that introduce the reporting country in a title cell (normalised).
const REPORTER_KEYS: [&str; 9] = [
    "country",
    "reportingcountry",
    "reporter",
    "countryname",
    "страна",
    "отчитывающаясястрана",
    "странаотчета",
    "государство",
    "странаcountry",
];

/// A year column and what belongs to it.
#[derive(Clone, Debug)]
struct ValueColumn {
    col: usize,
    year: u16,
    sex: Option<Sex>,
    flag_col: Option<usize>,
}

/// The roles of the columns left of the first year.
#[derive(Clone, Debug, Default)]
struct LabelColumns {
    category: Option<usize>,
    sex: Option<usize>,
    age: Option<usize>,
    reporter: Option<usize>,
}

/// Finds the year header (see [`super::header`]): the chosen row if it is one, else the first.
fn find_header(grid: &Grid<'_>, options: &ImportOptions) -> HeaderSearch {
    find_year_header(grid, options.header_row)
}

/// The table named in title cells above the header.
fn table_in_titles(grid: &Grid<'_>, header: usize) -> Option<(TableId, String)> {
    for row in 0..header {
        for col in 0..grid.cols() {
            if let Data::String(text) = grid.get(row, col)
                && let Some(table) = TableId::find_in(text)
            {
                return Some((table, text.trim().to_string()));
            }
        }
    }
    None
}

/// The reporting country named in a title cell above the header (`Country: Kazakhstan`, or
/// `Country:` followed by the name in the next cell), with the cell's position.
fn reporter_in_titles(grid: &Grid<'_>, header: usize) -> Option<(String, usize, usize)> {
    for row in 0..header {
        for col in 0..grid.cols() {
            let Data::String(text) = grid.get(row, col) else {
                continue;
            };
            let Some((key, rest)) = text.split_once([':', '：']) else {
                continue;
            };
            if !REPORTER_KEYS.contains(&normalise_label(key).as_str()) {
                continue;
            }
            let label = rest.trim();
            if !label.is_empty() {
                return Some((label.to_string(), row, col));
            }
            let next = (col + 1..grid.cols()).find(|&c| !grid.is_blank(row, c))?;
            return Some((grid.text(row, next).trim().to_string(), row, next));
        }
    }
    None
}

/// The sex a sheet name ends in (`Table 3 M`, `Таблица 3 Женщины`), with the word.
fn sex_in_sheet_name(name: &str) -> Option<(Sex, &str)> {
    let last = name
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '(' || c == ')')
        .rfind(|t| !t.is_empty())?;
    if last.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Sex::parse(last).map(|sex| (sex, last))
}

/// Men or women named by a title cell above the header, left of the years: the whole cell or
/// one of its comma-separated parts (`Immigrants by citizenship, males`, `Женщины`), with the
/// cell. Only men and women: a title saying "total" says nothing about the rows.
fn sex_in_titles(grid: &Grid<'_>, header: usize, first_year_col: usize) -> Option<(Sex, String)> {
    for row in 0..header {
        for col in 0..first_year_col.max(1) {
            let Data::String(text) = grid.get(row, col) else {
                continue;
            };
            let found = text
                .split([',', ';', ':', '(', ')', '—', '–'])
                .map(str::trim)
                .filter(|part| part.chars().count() >= 3)
                .find_map(|part| Sex::parse(part).filter(|s| matches!(s, Sex::M | Sex::F)));
            if let Some(sex) = found {
                let at = crate::model::cell_ref(row as u32, col.min(u16::MAX as usize - 1) as u16);
                return Some((sex, format!("title cell {at}")));
            }
        }
    }
    None
}

/// Non-blank cells of a column below the header, as text (a sample).
fn column_sample<'a>(grid: &Grid<'a>, col: usize, from: usize) -> Vec<std::borrow::Cow<'a, str>> {
    (from..grid.rows())
        .map(|row| grid.text(row, col))
        .filter(|t| !t.trim().is_empty())
        .take(200)
        .collect()
}

fn looks_like_sex_column(sample: &[std::borrow::Cow<'_, str>]) -> bool {
    !sample.is_empty()
        && sample.iter().all(|t| Sex::parse(t).is_some())
        && sample
            .iter()
            .any(|t| matches!(Sex::parse(t), Some(Sex::M | Sex::F)))
}

fn looks_like_age_column(sample: &[std::borrow::Cow<'_, str>]) -> bool {
    !sample.is_empty()
        && sample
            .iter()
            .all(|t| super::long::normalise_age(t).is_some())
        && sample.iter().any(|t| {
            super::long::normalise_age(t).is_some_and(|a| a.contains('-') || a.contains('+'))
        })
}

/// Decides the label columns' roles.
fn label_columns(
    grid: &Grid<'_>,
    header: usize,
    first_year_col: usize,
    table: TableId,
    options: &ImportOptions,
) -> (LabelColumns, Vec<ColumnUse>) {
    let mut labels = LabelColumns::default();
    let mut uses = Vec::new();
    let mut unassigned = Vec::new();
    let mut reporter_named = Vec::new();
    for col in 0..first_year_col {
        let heading = grid.text(header, col).trim().to_string();
        let sample = column_sample(grid, col, header + 1);
        if heading.is_empty() && sample.is_empty() {
            continue;
        }
        let role = options.role_of(&heading).or_else(|| {
            if heading.is_empty() {
                None
            } else {
                ColumnRole::from_header(&heading)
            }
        });
        let role = match role {
            Some(role) => Some(role),
            None if looks_like_sex_column(&sample) => Some(ColumnRole::Sex),
            None if looks_like_age_column(&sample) => Some(ColumnRole::Age),
            None => None,
        };
        let explicit = options.role_of(&heading).is_some();
        match role {
            Some(ColumnRole::Sex) if labels.sex.is_none() => labels.sex = Some(col),
            Some(ColumnRole::Age) if labels.age.is_none() => labels.age = Some(col),
            Some(ColumnRole::Category) if labels.category.is_none() => labels.category = Some(col),
            Some(ColumnRole::Reporter) if explicit && labels.reporter.is_none() => {
                labels.reporter = Some(col)
            }
            Some(ColumnRole::Reporter) => reporter_named.push(col),
            Some(ColumnRole::Ignore) => {}
            _ => unassigned.push(col),
        }
        uses.push((col, heading));
    }
    if labels.category.is_none() {
        labels.category = best_label_column(grid, header, &unassigned, table);
    }
    // A column headed `Country` names the reporter only when another column holds the category;
    // alone, it is the partner country of a by-country table.
    for col in reporter_named {
        if labels.category.is_none() {
            labels.category = Some(col);
        } else if labels.reporter.is_none() {
            labels.reporter = Some(col);
        }
    }
    let uses = uses
        .into_iter()
        .map(|(index, header)| {
            let role = if Some(index) == labels.category {
                ColumnRole::Category
            } else if Some(index) == labels.sex {
                ColumnRole::Sex
            } else if Some(index) == labels.age {
                ColumnRole::Age
            } else if Some(index) == labels.reporter {
                ColumnRole::Reporter
            } else {
                ColumnRole::Ignore
            };
            ColumnUse {
                index,
                header,
                role,
            }
        })
        .collect();
    (labels, uses)
}

/// How well a column's cells place as distinct categories of the table: each distinct country
/// counts most, other places (aggregates, regions, totals) and status labels less, codes that
/// are only digits (numeric codes, sort orders) half as much as names. A column that places as
/// the same category on every row (`Coverage` = "Foreigners") is not the label column.
fn placement_score(grid: &Grid<'_>, col: usize, from: usize, table: TableId) -> usize {
    let g = gazetteer();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut score = 0;
    for cell in column_sample(grid, col, from) {
        let text = cell.trim();
        let (code, weight) = match g.resolve(text) {
            Some(place) if place.kind == PlaceKind::Country => (place.code.clone(), 4),
            Some(place) => (place.code.clone(), 2),
            None => match crate::model::category::parse_status(text, table) {
                Some(status) => (status.to_string(), 2),
                None => continue,
            },
        };
        if !seen.insert(code) {
            continue;
        }
        score += if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            weight / 2
        } else {
            weight
        };
    }
    score
}

/// The column of category labels among those the header does not name: the one whose cells
/// place best as countries or categories (UN DESA's `OdName`, not `Type` = "Immigrants" or a
/// sort order); the leftmost when none places.
fn best_label_column(
    grid: &Grid<'_>,
    header: usize,
    candidates: &[usize],
    table: TableId,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &col in candidates {
        let score = placement_score(grid, col, header + 1, table);
        if best.is_none_or(|(_, top)| score > top) {
            best = Some((col, score));
        }
    }
    match best {
        Some((col, score)) if score > 0 => Some(col),
        _ => candidates.first().copied(),
    }
}

fn is_flag_heading(text: &str) -> bool {
    matches!(
        normalise_label(text).as_str(),
        "" | "flag" | "flags" | "obsflag" | "признак" | "флаг" | "примечание"
    )
}

fn is_flag_text(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 4 && t.chars().all(|c| c.is_alphabetic())
}

/// The year columns and their flag columns.
fn value_columns(grid: &Grid<'_>, found: &YearHeader, options: &ImportOptions) -> Vec<ValueColumn> {
    let header = found.row;
    let first_year_col = found.first_col();
    let mut columns: Vec<ValueColumn> = Vec::new();
    for col in first_year_col..grid.cols() {
        let heading = grid.text(header, col);
        if options.role_of(&heading) == Some(ColumnRole::Ignore) {
            continue;
        }
        if let Some(&(_, year)) = found.years.iter().find(|(c, _)| *c == col) {
            columns.push(ValueColumn {
                col,
                year,
                sex: None,
                flag_col: None,
            });
            continue;
        }
        let Some(last) = columns.last_mut() else {
            continue;
        };
        if last.col + 1 != col || !is_flag_heading(&heading) {
            continue;
        }
        // A flag column holds flag letters; an unnamed empty column is a spacer.
        let sample = column_sample(grid, col, header + 1);
        let named = !heading.trim().is_empty();
        if (named || !sample.is_empty()) && sample.iter().all(|t| is_flag_text(t)) {
            last.flag_col = Some(col);
        }
    }
    columns
}

/// The row just above the header that groups the year columns by sex, if any.
fn find_sex_row(grid: &Grid<'_>, header: usize, first_year_col: usize) -> Option<usize> {
    (header.saturating_sub(SEX_ROW_SEARCH)..header)
        .rev()
        .find(|&row| {
            let cells: Vec<&Data> = (first_year_col..grid.cols())
                .map(|col| grid.get(row, col))
                .filter(|d| !is_blank(d))
                .collect();
            !cells.is_empty()
                && cells
                    .iter()
                    .all(|d| matches!(d, Data::String(s) if Sex::parse(s).is_some()))
        })
}

/// Whether a sheet has sex blocks above a Clearinghouse header, so that its merged regions are
/// worth reading (calamine parses the sheet again to find them).
pub fn has_sex_blocks(grid: &Grid<'_>, options: &ImportOptions) -> bool {
    let HeaderSearch::Found(header) = find_header(grid, options) else {
        return false;
    };
    find_sex_row(grid, header.row, header.first_col()).is_some()
}

/// Finds the row of sex blocks above the header and gives each year column its sex.
fn sex_blocks(
    grid: &Grid<'_>,
    header: usize,
    first_year_col: usize,
    merged: Option<&[calamine::Dimensions]>,
    columns: &mut [ValueColumn],
) -> Vec<SexBlock> {
    let Some(sex_row) = find_sex_row(grid, header, first_year_col) else {
        return Vec::new();
    };
    let regions: Vec<&calamine::Dimensions> = merged
        .unwrap_or(&[])
        .iter()
        .filter(|d| d.start.0 as usize == sex_row)
        .collect();
    let label_of = |col: usize| -> Option<String> {
        if let Some(region) = regions
            .iter()
            .find(|d| d.start.1 as usize <= col && col <= d.end.1 as usize)
        {
            let text = grid.text(sex_row, region.start.1 as usize);
            return Some(text.trim().to_string()).filter(|t| !t.is_empty());
        }
        let own = grid.text(sex_row, col);
        if !own.trim().is_empty() {
            return Some(own.trim().to_string());
        }
        if !regions.is_empty() {
            return None;
        }
        // Without merged regions a label spans the empty cells up to the next label.
        (first_year_col..col)
            .rev()
            .map(|c| grid.text(sex_row, c))
            .find(|t| !t.trim().is_empty())
            .map(|t| t.trim().to_string())
    };
    let mut blocks: Vec<SexBlock> = Vec::new();
    for column in columns.iter_mut() {
        let Some(label) = label_of(column.col) else {
            continue;
        };
        let Some(sex) = Sex::parse(&label) else {
            continue;
        };
        column.sex = Some(sex);
        let last_col = column.flag_col.unwrap_or(column.col);
        match blocks.last_mut() {
            Some(block) if block.label == label && block.sex == sex => block.last_col = last_col,
            _ => blocks.push(SexBlock {
                label,
                sex,
                first_col: column.col,
                last_col,
            }),
        }
    }
    blocks
}

/// What the sheet says about itself before its rows are read.
struct SheetPlan {
    header: usize,
    table: TableId,
    reporter: Option<String>,
    labels: LabelColumns,
    uses: Vec<ColumnUse>,
    values: Vec<ValueColumn>,
    blocks: Vec<SexBlock>,
    /// The sex of every row, from the sheet name or a title cell, and where it was said.
    sheet_sex: Option<(Sex, String)>,
    style: NumberStyle,
    said: Vec<String>,
}

fn failed(input: &SheetInput<'_>, path: &Path, expected: String, found: String) -> SheetOutcome {
    let error = LoadError::Unrecognised {
        path: path.display().to_string(),
        expected,
        found,
    };
    let report = SheetReport {
        name: input.name.to_string(),
        hidden: input.hidden,
        note: Some(format!("not read: {error}")),
        ..SheetReport::default()
    };
    SheetOutcome::Failed(report, error)
}

fn plan(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    report: &mut LoadReport,
) -> Result<SheetPlan, Box<SheetOutcome>> {
    let grid = &input.grid;
    let found = plan_header(input, path, options, report)?;
    let header = found.row;
    let first_year_col = found.first_col();
    let mut said = Vec::new();
    let from_name = TableId::find_in(input.name);
    let table = plan_table(input, path, options, header, report, &mut said)?;
    let (labels, uses) = label_columns(grid, header, first_year_col, table, options);
    if let (Breakdown::Country(_), Some(col)) = (table.breakdown(), labels.category)
        && options.role_of(&grid.text(header, col)).is_none()
        && let Some(why) = no_partner_table(grid, header, col)
    {
        return Err(Box::new(failed(
            input,
            path,
            format!(
                "expected partner countries down column {} of sheet {:?} (table {table} is by \
                 country); to read another column as the countries, name it with --column \
                 category=HEADER or in the import dialog",
                column_letters(col),
                input.name
            ),
            why,
        )));
    }
    let mut values = value_columns(grid, &found, options);
    let blocks = sex_blocks(grid, header, first_year_col, input.merged, &mut values);
    // The sex of the whole sheet: a sex word ending the sheet name (`Table 3 M`; a whole word
    // such as `Мужчины` or `Females` when the name does not give the table), else a title cell
    // above the header (`Immigrants, men`; `Женщины`).
    let sheet_sex = sex_in_sheet_name(input.name)
        .filter(|(_, word)| from_name.is_some() || word.chars().count() >= 3)
        .map(|(sex, _)| (sex, "sheet name".to_string()))
        .or_else(|| sex_in_titles(grid, header, first_year_col));
    note_unsure_layout(input.name, table, &labels, &values, report);
    let reporter = plan_reporter(input, path, options, header, &labels, report, &mut said)?;
    let strings: Vec<&str> = values
        .iter()
        .flat_map(|v| {
            (header + 1..grid.rows()).filter_map(move |row| match grid.get(row, v.col) {
                Data::String(s) => Some(s.as_str()),
                _ => None,
            })
        })
        .take(SAMPLE_CELLS)
        .collect();
    let style = detect_number_style(strings);
    Ok(SheetPlan {
        header,
        table,
        reporter,
        labels,
        uses,
        values,
        blocks,
        sheet_sex,
        style,
        said,
    })
}

/// The sheet's row of years; the sheet's outcome when it has none, or not in the row chosen.
fn plan_header(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    report: &mut LoadReport,
) -> Result<YearHeader, Box<SheetOutcome>> {
    let found = match find_header(&input.grid, options) {
        HeaderSearch::Found(found) => found,
        refused @ HeaderSearch::ChosenRowRefused(_) => {
            return Err(Box::new(failed(
                input,
                path,
                format!(
                    "expected a row of years across in the header row chosen for sheet {:?} \
                     (--header-row, or the import dialog's header row)",
                    input.name
                ),
                format!(
                    "{}; a row of counts is never read as years: choose the row that \
                     names the years, or leave the header row to be found",
                    refused.why_not()
                ),
            )));
        }
        missing @ HeaderSearch::NotFound { .. } => {
            let looks = looks_like(&input.grid, input.name);
            let note = match &looks {
                Some(looks) => format!(
                    "not read: it looks like {looks}, not one of the Clearinghouse tables; {}",
                    missing.why_not()
                ),
                None => format!("not read: {}", missing.why_not()),
            };
            return Err(Box::new(SheetOutcome::NotTable(SheetReport {
                name: input.name.to_string(),
                hidden: input.hidden,
                note: Some(note),
                ..SheetReport::default()
            })));
        }
    };
    if found.financial {
        report.messages.push(format!(
            "sheet {:?}: financial years in row {} (1961–62 is read as 1961, the year it \
             starts in)",
            input.name,
            found.row + 1
        ));
    }
    Ok(found)
}

/// The sheet's table: from the options, the sheet name or a title cell above the header row;
/// where it came from goes to `said`.
fn plan_table(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    header: usize,
    report: &mut LoadReport,
    said: &mut Vec<String>,
) -> Result<TableId, Box<SheetOutcome>> {
    let from_name = TableId::find_in(input.name);
    let from_title = table_in_titles(&input.grid, header);
    let table = match (options.table, from_name, &from_title) {
        (Some(table), ..) => {
            said.push(format!("table {table} (import options)"));
            table
        }
        (None, Some(table), Some((titled, title))) if *titled != table => {
            report.confident = false;
            report.messages.push(format!(
                "sheet {:?}: the sheet name says table {table} but the title {title:?} says \
                 table {titled}; read as table {table}",
                input.name
            ));
            said.push(format!("table {table} (sheet name)"));
            table
        }
        (None, Some(table), _) => {
            said.push(format!("table {table} (sheet name)"));
            table
        }
        (None, None, Some((table, _))) => {
            said.push(format!("table {table} (title)"));
            *table
        }
        (None, None, None) => {
            return Err(Box::new(failed(
                input,
                path,
                "expected the table in the sheet name or a title cell (Table 3, Таблица 3, T5_1), \
                 or given with --table (1.1 … 7.2, POP) or in the import dialog"
                    .into(),
                format!(
                    "sheet {:?} with years in row {} but no table",
                    input.name,
                    header + 1
                ),
            )));
        }
    };
    Ok(table)
}

/// Says which parts of the layout the reader is unsure of, so that the user checks them: no
/// category column in a table by category, or a year heading two columns no sex block tells
/// apart.
fn note_unsure_layout(
    name: &str,
    table: TableId,
    labels: &LabelColumns,
    values: &[ValueColumn],
    report: &mut LoadReport,
) {
    if labels.category.is_none() && table.breakdown() != Breakdown::None {
        report.confident = false;
        report.messages.push(format!(
            "sheet {name:?}: no column of category labels left of the years; every row is read \
             as the total"
        ));
    }
    if labels.sex.is_none()
        && let Some(repeated) = values.iter().enumerate().find_map(|(i, v)| {
            values
                .iter()
                .take(i)
                .any(|w| w.year == v.year && w.sex == v.sex)
                .then_some(v.year)
        })
    {
        report.confident = false;
        report.messages.push(format!(
            "sheet {name:?}: year {repeated} heads more than one column and no sex block above \
             tells them apart"
        ));
    }
}

/// The reporter of every row: from the options, a title cell or the file name; `None` when a
/// Country column gives each row's. Where it came from goes to `said`.
fn plan_reporter(
    input: &SheetInput<'_>,
    path: &Path,
    options: &ImportOptions,
    header: usize,
    labels: &LabelColumns,
    report: &mut LoadReport,
    said: &mut Vec<String>,
) -> Result<Option<String>, Box<SheetOutcome>> {
    if let Some(reporter) = &options.reporter {
        said.push(format!("reporter {reporter} (import options)"));
        Ok(Some(reporter.clone()))
    } else if let Some((label, row, col)) = reporter_in_titles(&input.grid, header) {
        said.push(format!(
            "reporter {label:?} (title cell {})",
            crate::model::cell_ref(row as u32, col as u16)
        ));
        Ok(Some(label))
    } else if labels.reporter.is_some() {
        said.push("reporter from the Country column".into());
        Ok(None)
    } else if let Some(code) = reporter_from_file_name(path) {
        report.confident = false;
        report.messages.push(format!(
            "sheet {:?} does not name its country: reporter {code} taken from the file name",
            input.name
        ));
        said.push(format!("reporter {code} (file name)"));
        Ok(Some(code))
    } else {
        Err(Box::new(failed(
            input,
            path,
            "expected the reporting country in a title cell (Country: Kazakhstan), a Country \
             column or the file name (KAZ.xlsx), or given with --reporter (KAZ) or in the \
             import dialog"
                .into(),
            format!("sheet {:?} without one", input.name),
        )))
    }
}

/// A value cell read into its value and flag.
fn cell_value(data: &Data, style: NumberStyle) -> (CellValue, String) {
    match data {
        Data::Float(f) => (CellValue::Number(*f), String::new()),
        Data::Int(i) => (CellValue::Number(*i as f64), String::new()),
        Data::Empty => (
            CellValue::Missing(crate::model::Missing::Empty),
            String::new(),
        ),
        Data::String(s) => {
            let parsed = parse_cell(s, style);
            (parsed.value, parsed.flag)
        }
        other => (
            CellValue::Text(data_text(other).into_owned()),
            String::new(),
        ),
    }
}

/// Reads a Clearinghouse sheet.
pub fn read_sheet(sheet: SheetReading<'_, '_>) -> SheetOutcome {
    let SheetReading {
        input,
        path,
        options,
        codes,
        progress,
        dataset,
        report,
    } = sheet;
    let plan = match plan(input, path, options, report) {
        Ok(plan) => plan,
        Err(outcome) => return *outcome,
    };
    let grid = &input.grid;
    let mut rows = SheetRows::new(input, &plan, options, codes, dataset);
    let skipped_before = report.skipped_rows;
    let start = dataset.len();
    for row in plan.header + 1..grid.rows() {
        if let Err(cancelled) = progress.at_row(row) {
            return SheetOutcome::Cancelled(cancelled);
        }
        rows.read_row(row, dataset, report);
    }
    if rows.readable == 0
        && let Some((text, location)) = rows.first_text
    {
        dataset.truncate(start);
        return failed(
            input,
            path,
            format!(
                "expected numbers in the year columns of sheet {:?}",
                input.name
            ),
            format!("only text, such as {text:?} at {location}"),
        );
    }
    let columns = sheet_columns(grid, &plan);
    let said = sheet_said(&plan);
    report
        .messages
        .push(format!("sheet {:?}: {}", input.name, said.join("; ")));
    SheetOutcome::Read(SheetReport {
        name: input.name.to_string(),
        hidden: input.hidden,
        layout: Some(Layout::ClearinghouseWorkbook),
        table: Some(plan.table),
        reporter: rows.sheet_reporter.map(|r| dataset.str(r).to_string()),
        header_row: Some(plan.header + 1),
        columns,
        rows_read: rows.rows_read,
        rows_skipped: report.skipped_rows - skipped_before,
        note: None,
        sex_blocks: plan.blocks,
    })
}

/// How the columns of a Clearinghouse sheet were used: the label columns, and every year's
/// value and flag column, left to right.
fn sheet_columns(grid: &Grid<'_>, plan: &SheetPlan) -> Vec<ColumnUse> {
    let mut columns = plan.uses.clone();
    for value in &plan.values {
        columns.push(ColumnUse {
            index: value.col,
            header: value.year.to_string(),
            role: ColumnRole::Value,
        });
        if let Some(flag_col) = value.flag_col {
            columns.push(ColumnUse {
                index: flag_col,
                header: grid.text(plan.header, flag_col).trim().to_string(),
                role: ColumnRole::Flag,
            });
        }
    }
    columns.sort_by_key(|c| c.index);
    columns
}

/// What the report's message says of how a sheet was read: the table, the reporter, the header
/// row, the sex blocks or the sheet's sex.
fn sheet_said(plan: &SheetPlan) -> Vec<String> {
    let mut said = plan.said.clone();
    said.push(format!("header row {}", plan.header + 1));
    if !plan.blocks.is_empty() {
        let blocks: Vec<String> = plan
            .blocks
            .iter()
            .map(|b| {
                format!(
                    "{} {}–{}",
                    b.label,
                    column_letters(b.first_col),
                    column_letters(b.last_col)
                )
            })
            .collect();
        said.push(format!("sex blocks {}", blocks.join(", ")));
    } else if let Some((sex, from)) = &plan.sheet_sex {
        said.push(format!("sex {sex} ({from})"));
    }
    said
}

/// A row that was skipped; the reason is in the report.
struct Skipped;

/// The sex, age, reporter and category of one row.
struct RowKeys {
    /// The row's sex cell.
    sex: Option<Sex>,
    /// A POP, BIRTHS or DEATHS row labelled by sex, where no sex block says otherwise.
    label_sex: Option<Sex>,
    age: Sym,
    reporter: Sym,
    category: Sym,
}

/// Reads the rows of a Clearinghouse sheet under its header, one observation per value cell.
struct SheetRows<'s> {
    name: &'s str,
    grid: Grid<'s>,
    plan: &'s SheetPlan,
    codes: Codes,
    sheet: Sym,
    source: Sym,
    duration: u8,
    total: Sym,
    age_total: Sym,
    /// The reporter of every row, from the options, a title cell or the file name.
    sheet_reporter: Option<Sym>,
    /// Whether an empty category cell repeats the category above (age and sex tables).
    repeats_category: bool,
    /// A buffer for the flag of the cell being read.
    flag: String,
    rows_read: usize,
    /// Value cells holding numbers or missing markers, and the first holding other text.
    readable: usize,
    first_text: Option<(String, Location)>,
    seen_blank: bool,
    previous_category: Option<String>,
}

impl<'s> SheetRows<'s> {
    fn new(
        input: &'s SheetInput<'s>,
        plan: &'s SheetPlan,
        options: &ImportOptions,
        mut codes: Codes,
        dataset: &mut Dataset,
    ) -> SheetRows<'s> {
        let sheet = codes.intern(input.name, dataset);
        let source = codes.intern(options.source.as_deref().unwrap_or(""), dataset);
        let total = codes.intern("TOTAL", dataset);
        let age_total = codes.intern("TOTAL", dataset);
        let sheet_reporter = plan.reporter.as_ref().map(|label| {
            let at = codes.cell(input.name, plan.header as u32, 0);
            codes.place(label, "reporter", dataset, || at)
        });
        SheetRows {
            name: input.name,
            grid: input.grid,
            plan,
            codes,
            sheet,
            source,
            duration: options.duration_months.unwrap_or(NO_DURATION),
            total,
            age_total,
            sheet_reporter,
            repeats_category: plan.labels.age.is_some() || plan.labels.sex.is_some(),
            flag: String::new(),
            rows_read: 0,
            readable: 0,
            first_text: None,
            seen_blank: false,
            previous_category: None,
        }
    }

    /// Reads one row under the header: a note, a sub-heading, a row skipped with its reason, or
    /// an observation per value cell.
    fn read_row(&mut self, row: usize, dataset: &mut Dataset, report: &mut LoadReport) {
        if self.grid.is_blank_row(row) {
            self.seen_blank = true;
            return;
        }
        if self.is_note_row(row, report) {
            return;
        }
        let Ok(label) = self.category_label(row, report) else {
            return;
        };
        let Ok(keys) = self.row_keys(row, &label, dataset, report) else {
            return;
        };
        self.push_values(row, &keys, dataset);
        self.rows_read += 1;
    }

    /// Whether the row is a note below the data or a sub-heading, which go to the notes.
    fn is_note_row(&self, row: usize, report: &mut LoadReport) -> bool {
        let (grid, plan) = (self.grid, self.plan);
        let values_blank = plan.values.iter().all(|v| grid.is_blank(row, v.col));
        let first_text_cell = (0..grid.cols())
            .map(|col| grid.text(row, col))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default();
        if values_blank && (self.seen_blank || is_note(&first_text_cell)) {
            let text: Vec<String> = (0..grid.cols())
                .map(|col| grid.text(row, col).trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            report.notes.push(text.join(" "));
            return true;
        }
        if is_note(&first_text_cell) && plan.labels.category.is_some_and(|c| grid.is_blank(row, c))
        {
            report.notes.push(first_text_cell.trim().to_string());
            return true;
        }
        // A line under the header without figures that names no category is a sub-heading
        // (`persons`, `человек`), not a row of missing values.
        if values_blank && self.rows_read == 0 && !names_a_category(&first_text_cell, plan.table) {
            report.notes.push(first_text_cell.trim().to_string());
            return true;
        }
        false
    }

    /// The row's category label (repeated from the row above in age and sex tables).
    fn category_label(&mut self, row: usize, report: &mut LoadReport) -> Result<String, Skipped> {
        let category_col = self.plan.labels.category;
        let mut label = category_col
            .map(|c| self.grid.text(row, c).trim().to_string())
            .unwrap_or_default();
        if label.is_empty() && category_col.is_some() {
            match &self.previous_category {
                Some(previous) if self.repeats_category => label = previous.clone(),
                _ => {
                    let col = category_col.unwrap_or(0);
                    report.skip(
                        self.codes.cell(self.name, row as u32, col),
                        "expected a category label (a country or status), found an empty cell",
                    );
                    return Err(Skipped);
                }
            }
        }
        self.previous_category = Some(label.clone());
        Ok(label)
    }

    /// The row's sex, age, reporter and category.
    fn row_keys(
        &mut self,
        row: usize,
        label: &str,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) -> Result<RowKeys, Skipped> {
        let (grid, plan, name) = (self.grid, self.plan, self.name);
        let sex = self.row_sex(row, report)?;
        let age = self.row_age(row, dataset, report)?;
        let mut reporter = self.sheet_reporter;
        if let Some(col) = plan.labels.reporter {
            let text = grid.text(row, col);
            if !text.trim().is_empty() {
                let at = self.codes.cell(name, row as u32, col);
                reporter = Some(self.codes.place(text.trim(), "reporter", dataset, || at));
            }
        }
        let mut label_sex = None;
        let category = match plan.table.breakdown() {
            Breakdown::None => {
                // Rows of POP, BIRTHS and DEATHS are the total, by sex, or by reporter.
                if let Some(sex) = Sex::parse(label) {
                    label_sex = Some(sex);
                } else if let Some(place) = gazetteer().resolve(label)
                    && place.kind == PlaceKind::Country
                {
                    reporter = Some(self.codes.intern(&place.code, dataset));
                }
                self.total
            }
            _ => {
                let at = self
                    .codes
                    .cell(name, row as u32, plan.labels.category.unwrap_or(0));
                self.codes.category(plan.table, label, dataset, || at)
            }
        };
        let Some(reporter) = reporter else {
            report.skip(
                self.codes
                    .cell(name, row as u32, plan.labels.reporter.unwrap_or(0)),
                "expected the reporting country in the Country column, found an empty cell",
            );
            return Err(Skipped);
        };
        Ok(RowKeys {
            sex,
            label_sex,
            age,
            reporter,
            category,
        })
    }

    /// The row's sex cell, if the sheet has a sex column and the cell is not empty.
    fn row_sex(&self, row: usize, report: &mut LoadReport) -> Result<Option<Sex>, Skipped> {
        let Some(col) = self.plan.labels.sex else {
            return Ok(None);
        };
        let text = self.grid.text(row, col);
        match Sex::parse(&text) {
            Some(sex) => Ok(Some(sex)),
            None if text.trim().is_empty() => Ok(None),
            None => {
                report.skip(
                    self.codes.cell(self.name, row as u32, col),
                    format!(
                        "expected a sex (Total, Men, Women…), found {:?}",
                        text.trim()
                    ),
                );
                Err(Skipped)
            }
        }
    }

    /// The row's age group: its age cell, else the total.
    fn row_age(
        &mut self,
        row: usize,
        dataset: &mut Dataset,
        report: &mut LoadReport,
    ) -> Result<Sym, Skipped> {
        let Some(col) = self.plan.labels.age else {
            return Ok(self.age_total);
        };
        let text = self.grid.text(row, col);
        match self.codes.age(text.trim(), dataset) {
            Some(age) => Ok(age),
            None => {
                report.skip(
                    self.codes.cell(self.name, row as u32, col),
                    format!(
                        "expected an age group (Total, 0-4, 85+, Unknown), found {:?}",
                        text.trim()
                    ),
                );
                Err(Skipped)
            }
        }
    }

    /// One observation per value cell of the row.
    fn push_values(&mut self, row: usize, keys: &RowKeys, dataset: &mut Dataset) {
        let (grid, plan) = (self.grid, self.plan);
        for column in &plan.values {
            let (value, cell_flag) = cell_value(grid.get(row, column.col), plan.style);
            let flag = &mut self.flag;
            flag.clear();
            if let Some(flag_col) = column.flag_col {
                let text = grid.text(row, flag_col);
                if is_flag_text(&text) {
                    merge_flags(flag, &text);
                }
            }
            merge_flags(flag, &cell_flag);
            match &value {
                CellValue::Text(text) => {
                    if self.first_text.is_none() {
                        let at = self.codes.cell(self.name, row as u32, column.col);
                        self.first_text = Some((text.clone(), at));
                    }
                }
                _ => self.readable += 1,
            }
            let flag_sym: Sym = self.codes.intern(&self.flag, dataset);
            let (value, missing) = stored_value(value, &self.flag, dataset);
            let sex = keys
                .sex
                .or(column.sex)
                .or(keys.label_sex)
                .or(plan.sheet_sex.as_ref().map(|(sex, _)| *sex))
                .unwrap_or(Sex::T);
            dataset.push(Obs {
                value,
                row: row as u32,
                reporter: keys.reporter,
                category: keys.category,
                age: keys.age,
                flag: flag_sym,
                source: self.source,
                sheet: self.sheet,
                file: self.codes.file(),
                col: column.col.min(u16::MAX as usize - 1) as u16,
                year: column.year,
                ref_date: 0,
                table: plan.table,
                sex,
                missing,
                duration: self.duration,
            });
        }
    }
}

/// Why the labels down a by-country sheet's category column hold no partner table, if they do
/// not: no country among them (only regions or aggregates), or mostly labels that are not
/// places (regions of one country, economic activities, age groups).
fn no_partner_table(grid: &Grid<'_>, header: usize, col: usize) -> Option<String> {
    let g = gazetteer();
    let labels: Vec<String> = (header + 1..grid.rows())
        .map(|row| grid.text(row, col).trim().to_string())
        .filter(|t| !t.is_empty() && !is_note(t))
        .take(400)
        .collect();
    if labels.len() < 3 {
        return None;
    }
    let mut countries = 0;
    let mut unplaced: Vec<&str> = Vec::new();
    for label in &labels {
        match g.resolve(label) {
            Some(place) if matches!(place.kind, PlaceKind::Country | PlaceKind::Historical) => {
                countries += 1
            }
            Some(_) => {}
            None => unplaced.push(label),
        }
    }
    let examples = |list: &[&str]| {
        let mut shown: Vec<String> = list.iter().take(3).map(|l| format!("{l:?}")).collect();
        if list.len() > 3 {
            shown.push("…".into());
        }
        shown.join(", ")
    };
    if unplaced.len() * 2 > labels.len() {
        return Some(format!(
            "{} of {} row labels that are not countries or categories of the table ({}): \
             regions of one country, activities or age groups hold no partner table",
            unplaced.len(),
            labels.len(),
            examples(&unplaced)
        ));
    }
    // A region may share a name with a country ("Micronesia"): fewer than one in ten is none.
    if countries * 10 < labels.len() {
        let all: Vec<&str> = labels.iter().map(String::as_str).collect();
        return Some(format!(
            "{} row labels that are regions, groups or totals, not countries ({})",
            labels.len(),
            examples(&all)
        ));
    }
    None
}

/// Whether a label names a category of the table (a place, a status, a sex or an age group).
fn names_a_category(label: &str, table: TableId) -> bool {
    let label = label.trim();
    gazetteer().resolve(label).is_some()
        || crate::model::category::parse_status(label, table).is_some()
        || Sex::parse(label).is_some()
}

/// Column letters (`A`, `AB`) of a 0-based column.
fn column_letters(col: usize) -> String {
    let cell = crate::model::cell_ref(0, col.min(u16::MAX as usize - 1) as u16);
    cell.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_may_carry_the_sex() {
        let sex = |name| sex_in_sheet_name(name).map(|(sex, _)| sex);
        assert_eq!(sex("Table 3 M"), Some(Sex::M));
        assert_eq!(sex("Таблица 3 Женщины"), Some(Sex::F));
        assert_eq!(sex("Table 3"), None);
        assert_eq!(sex("T3_F"), Some(Sex::F));
        assert_eq!(sex("Мужчины"), Some(Sex::M));
        assert_eq!(sex("Females"), Some(Sex::F));
        assert_eq!(column_letters(27), "AB");
    }
}
