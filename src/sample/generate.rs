//! The deterministic generator of the sample data set: five countries of the original UNECE
//! review, 2012–2021, all twelve Clearinghouse tables by sex plus POP, BIRTHS and DEATHS.
//!
//! [`generate`] simulates the numbers ([`super::scenario`]) and, for the main variant, plants the
//! problems of [`super::plants`]; [`Sample`] then writes the same tables as Clearinghouse
//! workbooks, as the in-memory [`Dataset`] and as the canonical long CSV, so that the three can
//! never disagree. `cargo run --example generate_sample` writes `sample_data/`.

use super::PlantedIssue;
use crate::model::{CategoryKind, Missing, Sex};
use crate::model::{Dataset, Lang, NewObs, SourceFile, TableId, Value, category_kind, gazetteer};
use std::path::{Path, PathBuf};

/// The years of the sample.
pub const YEARS: [u16; 10] = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
/// The reporting countries, in file order.
pub const REPORTERS: [&str; 5] = ["AZE", "KAZ", "KGZ", "RUS", "TJK"];
/// The sex blocks of every table, in sheet order.
pub const SEXES: [Sex; 3] = [Sex::T, Sex::M, Sex::F];
/// The age groups of the age-broken table (Table 3 of Kazakhstan), after `TOTAL`.
pub const AGE_GROUPS: [&str; 17] = [
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80+",
];
/// The reporter and table that carry the age breakdown.
pub const AGE_TABLE: (&str, TableId) = ("KAZ", TableId::T3);

/// Which data set to generate.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    /// With the planted problems of `planted_issues.csv`.
    Main,
    /// The same countries and years without any planted problem: every check passes.
    Clean,
}

/// Position of a year in [`YEARS`].
pub fn year_index(year: u16) -> Option<usize> {
    YEARS.iter().position(|&y| y == year)
}

/// Position of a sex in [`SEXES`].
pub fn sex_index(sex: Sex) -> Option<usize> {
    SEXES.iter().position(|&s| s == sex)
}

/// The language a reporter's workbook is written in.
pub fn language(reporter: &str) -> Lang {
    match reporter {
        "RUS" | "KGZ" => Lang::Ru,
        _ => Lang::En,
    }
}

/// What a value cell of a sample table holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Count(f64),
    /// A value with an observation flag, written in the cell as `12345 b`.
    Flagged(f64, &'static str),
    /// Text where a number belongs (check S3).
    Text(&'static str),
}

impl Cell {
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Count(n) | Cell::Flagged(n, _) => Some(*n),
            Cell::Text(_) => None,
        }
    }
}

/// One row of a sample table: a category (and age group), with a cell per sex and year.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The canonical code, or the label as written when it cannot be placed.
    pub category: String,
    pub age: String,
    /// `cells[sex][year]`, in the order of [`SEXES`] and [`YEARS`].
    pub cells: [[Option<Cell>; 10]; 3],
}

impl Row {
    pub fn new(category: &str, age: &str) -> Row {
        Row {
            category: category.to_string(),
            age: age.to_string(),
            cells: Default::default(),
        }
    }

    /// A row of whole counts for men and women; the total is their sum.
    pub fn from_counts(category: &str, age: &str, men: &[i64; 10], women: &[i64; 10]) -> Row {
        let mut row = Row::new(category, age);
        for y in 0..YEARS.len() {
            row.cells[0][y] = Some(Cell::Count((men[y] + women[y]) as f64));
            row.cells[1][y] = Some(Cell::Count(men[y] as f64));
            row.cells[2][y] = Some(Cell::Count(women[y] as f64));
        }
        row
    }

    pub fn number(&self, sex: Sex, year: u16) -> Option<f64> {
        let cell = self.cells.get(sex_index(sex)?)?.get(year_index(year)?)?;
        cell.as_ref().and_then(Cell::number)
    }
}

/// One Clearinghouse table (one sheet) of one reporter.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleTable {
    pub reporter: &'static str,
    pub table: TableId,
    /// The year columns of the sheet (a planted gap drops one).
    pub years: Vec<u16>,
    pub rows: Vec<Row>,
    /// Lines written below the data after the `Source:` line, without the `Note:` prefix.
    pub notes: Vec<String>,
}

impl SampleTable {
    pub fn new(reporter: &'static str, table: TableId) -> SampleTable {
        SampleTable {
            reporter,
            table,
            years: YEARS.to_vec(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn by_age(&self) -> bool {
        (self.reporter, self.table) == AGE_TABLE
    }

    pub fn row(&self, category: &str, age: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.category == category && r.age == age)
    }

    pub fn row_mut(&mut self, category: &str, age: &str) -> Option<&mut Row> {
        self.rows
            .iter_mut()
            .find(|r| r.category == category && r.age == age)
    }

    /// The number in a cell (age `TOTAL`), if the cell holds one.
    pub fn number(&self, category: &str, sex: Sex, year: u16) -> Option<f64> {
        self.row(category, "TOTAL")?.number(sex, year)
    }

    /// Adds `delta` to one sex of a row (age `TOTAL` unless given) and to its total, so that
    /// T = M + F still holds.
    pub fn add(&mut self, category: &str, age: &str, sex: Sex, year: u16, delta: f64) -> bool {
        let (Some(s), Some(y)) = (sex_index(sex), year_index(year)) else {
            return false;
        };
        let Some(row) = self.row_mut(category, age) else {
            return false;
        };
        let mut changed = false;
        for index in [0, s] {
            if let Some(Some(Cell::Count(value))) =
                row.cells.get_mut(index).and_then(|c| c.get_mut(y))
            {
                *value += delta;
                changed = true;
            }
        }
        changed
    }
}

/// A row of a reporter's `Metadata` sheet: the source and duration rule of a table, for one year
/// or (year `None`) for all years.
#[derive(Clone, Debug, PartialEq)]
pub struct MetaRow {
    pub table: TableId,
    pub year: Option<u16>,
    pub source: String,
    pub duration: Option<u8>,
}

/// A generated data set: the tables of every reporter, their metadata, and what was planted.
#[derive(Clone, Debug)]
pub struct Sample {
    pub variant: Variant,
    /// Every table of every reporter, in file and sheet order.
    pub tables: Vec<SampleTable>,
    /// The `Metadata` sheet of each reporter, in the order of [`REPORTERS`].
    pub metadata: Vec<Vec<MetaRow>>,
    /// The planted problems (empty for the clean variant).
    pub planted: Vec<PlantedIssue>,
}

/// Generates a variant of the sample data set.
pub fn generate(variant: Variant) -> Sample {
    let mut sample = super::scenario::simulate(variant);
    if variant == Variant::Main {
        super::plants::plant(&mut sample);
    }
    for table in &mut sample.tables {
        sort_rows(table);
    }
    sample
}

/// Something went wrong while writing the files.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("cannot write the workbook {file}: {detail}")]
    Workbook { file: String, detail: String },
    #[error("cannot write {file}: {detail}")]
    Text { file: String, detail: String },
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
}

impl Sample {
    pub fn table(&self, reporter: &str, table: TableId) -> Option<&SampleTable> {
        self.tables
            .iter()
            .find(|t| t.reporter == reporter && t.table == table)
    }

    pub fn table_mut(&mut self, reporter: &str, table: TableId) -> Option<&mut SampleTable> {
        self.tables
            .iter_mut()
            .find(|t| t.reporter == reporter && t.table == table)
    }

    /// The source and duration rule of a table in a year, from the reporter's metadata: a row for
    /// that year wins over a row for all years.
    pub fn source_of(&self, reporter: &str, table: TableId, year: u16) -> (&str, Option<u8>) {
        let rows = REPORTERS
            .iter()
            .position(|r| *r == reporter)
            .and_then(|i| self.metadata.get(i))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let exact = rows
            .iter()
            .find(|m| m.table == table && m.year == Some(year));
        let general = rows.iter().find(|m| m.table == table && m.year.is_none());
        match exact.or(general) {
            Some(m) => (m.source.as_str(), m.duration),
            None => ("", None),
        }
    }

    /// The workbook file name of a reporter.
    pub fn workbook_name(reporter: &str) -> String {
        format!("{reporter}.xlsx")
    }

    /// The data set a loader reads from the workbooks, built directly from the tables: one
    /// observation per value cell, with the cell it sits in.
    pub fn dataset(&self) -> Dataset {
        let mut dataset = Dataset::new();
        for reporter in REPORTERS {
            let name = Sample::workbook_name(reporter);
            let file = dataset.add_file(SourceFile {
                path: PathBuf::from(&name),
                name: name.as_str().into(),
                sha256: String::new(),
            });
            for table in self.tables.iter().filter(|t| t.reporter == reporter) {
                let sheet = table.table.sheet_name();
                let layout = SheetLayout::of(table);
                for (row_index, row) in table.rows.iter().enumerate() {
                    for (s, sex) in SEXES.iter().enumerate() {
                        for (j, &year) in table.years.iter().enumerate() {
                            let Some(cell) =
                                year_index(year).and_then(|y| row.cells[s][y].as_ref())
                            else {
                                continue;
                            };
                            let (source, duration) = self.source_of(reporter, table.table, year);
                            let (value, flag) = match cell {
                                Cell::Count(n) => (Value::Number(*n), ""),
                                Cell::Flagged(n, flag) => (Value::Number(*n), *flag),
                                Cell::Text(_) => (Value::Missing(Missing::Unreadable), ""),
                            };
                            let (sheet_row, col) = layout.cell(row_index, s, j);
                            let new = NewObs {
                                table: table.table,
                                reporter,
                                year,
                                sex: *sex,
                                age: &row.age,
                                category: &row.category,
                                value,
                                flag,
                                source,
                                duration,
                                file,
                                sheet: &sheet,
                                row: sheet_row,
                                col,
                            };
                            if let Cell::Text(text) = cell {
                                dataset.push_unreadable(new, text);
                            } else {
                                dataset.push_new(new);
                            }
                            if category_kind(&row.category) == CategoryKind::Unplaced {
                                let suggestions = gazetteer()
                                    .suggest(&row.category, 3)
                                    .iter()
                                    .map(|p| format!("{} ({})", p.name_en, p.code))
                                    .collect();
                                let location = dataset
                                    .obs()
                                    .last()
                                    .map(|o| dataset.location(o))
                                    .unwrap_or_default();
                                dataset.note_unplaced(
                                    &row.category,
                                    "category",
                                    suggestions,
                                    location,
                                );
                            }
                        }
                    }
                }
            }
        }
        dataset
    }

    /// The canonical long CSV of the data set (`docs/formats.md#the-canonical-long-csv`).
    pub fn long_csv(&self) -> Result<Vec<u8>, GenerateError> {
        let mut bytes = Vec::new();
        crate::report::canonical::write_csv(&self.dataset(), &mut bytes).map_err(|e| {
            GenerateError::Text {
                file: "sample_long.csv".into(),
                detail: e.to_string(),
            }
        })?;
        Ok(bytes)
    }

    /// The workbook of each reporter: file name and bytes.
    pub fn workbooks(&self) -> Result<Vec<(String, Vec<u8>)>, GenerateError> {
        REPORTERS
            .iter()
            .map(|reporter| self.workbook(reporter))
            .collect()
    }

    /// The workbook of one reporter: file name and bytes.
    pub fn workbook(&self, reporter: &str) -> Result<(String, Vec<u8>), GenerateError> {
        let name = Sample::workbook_name(reporter);
        super::workbook::write(self, reporter)
            .map(|bytes| (name.clone(), bytes))
            .map_err(|e| GenerateError::Workbook {
                file: name,
                detail: e.to_string(),
            })
    }

    /// Every file of the variant's folder: the workbooks and the long CSV, and for the main
    /// variant `planted_issues.csv` and `README.md`.
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>, GenerateError> {
        let mut files = self.workbooks()?;
        files.push(("sample_long.csv".into(), self.long_csv()?));
        if self.variant == Variant::Main {
            files.push((
                "planted_issues.csv".into(),
                super::planted_csv(&self.planted).map_err(|e| GenerateError::Text {
                    file: "planted_issues.csv".into(),
                    detail: e.to_string(),
                })?,
            ));
            files.push(("README.md".into(), super::readme::readme(self).into_bytes()));
        }
        Ok(files)
    }
}

/// Generates both variants and writes them into `dir` (the main variant) and `dir/clean`.
/// Returns the paths written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, GenerateError> {
    let mut written = Vec::new();
    for (variant, folder) in [
        (Variant::Main, dir.to_path_buf()),
        (Variant::Clean, dir.join("clean")),
    ] {
        std::fs::create_dir_all(&folder).map_err(|e| GenerateError::Io {
            path: folder.display().to_string(),
            detail: e.to_string(),
        })?;
        for (name, bytes) in generate(variant).files()? {
            let path = folder.join(&name);
            crate::save::write_atomically(&path, &bytes).map_err(|e| GenerateError::Io {
                path: path.display().to_string(),
                detail: e.to_string(),
            })?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Where the cells of a table sit on its sheet.
#[derive(Copy, Clone, Debug)]
pub struct SheetLayout {
    /// 0-based row of the first data row.
    pub first_row: u32,
    /// 0-based column of the first year of the first sex block.
    pub first_col: u16,
    /// Year columns per sex block.
    pub years: u16,
}

impl SheetLayout {
    /// Row 1 title, row 2 country, row 3 notice, row 4 sex blocks, row 5 header, data from row 6;
    /// the age-broken table has an `Age` column after the category column.
    pub fn of(table: &SampleTable) -> SheetLayout {
        SheetLayout {
            first_row: 5,
            first_col: if table.by_age() { 2 } else { 1 },
            years: table.years.len() as u16,
        }
    }

    /// 0-based sheet row and column of a value: data row, sex block and year position.
    pub fn cell(&self, row: usize, sex: usize, year: usize) -> (u32, u16) {
        (
            self.first_row + row as u32,
            self.first_col + sex as u16 * self.years + year as u16,
        )
    }
}

/// How the rows of a table are ordered on its sheet: the total first, then countries by name in
/// the workbook's language, a repeated row where one was planted, stateless persons, unknown,
/// other countries; status tables in the order of their status codes; ages in order.
fn sort_rows(table: &mut SampleTable) {
    let lang = language(table.reporter);
    let status_rank = |code: &str| {
        [
            "TOTAL",
            "NATIVE",
            "FOREIGN_BORN",
            "CITIZENS",
            "NON_CITIZENS",
            "FOREIGN",
            "STATELESS",
            "UNKNOWN",
        ]
        .iter()
        .position(|c| *c == code)
    };
    let age_rank = |age: &str| match age {
        "TOTAL" => 0,
        "UNK" => AGE_GROUPS.len() + 1,
        _ => AGE_GROUPS
            .iter()
            .position(|a| *a == age)
            .map_or(99, |i| i + 1),
    };
    let is_status = matches!(table.table.breakdown(), crate::model::Breakdown::Status);
    // Stable sort: a planted repeat of a row keeps its place after the original.
    let mut keyed: Vec<((usize, String), usize, Row)> = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for row in table.rows.drain(..) {
        let repeat = seen.contains(&(row.category.clone(), row.age.clone()));
        seen.push((row.category.clone(), row.age.clone()));
        let group = if is_status {
            (status_rank(&row.category).unwrap_or(50), String::new())
        } else {
            let rank = match row.category.as_str() {
                "TOTAL" => 0,
                "STATELESS" => 3,
                "UNK" => 4,
                "OTHER" => 5,
                _ if repeat => 2,
                _ => 1,
            };
            (
                rank,
                super::text::category_label(&row.category, table.table, lang),
            )
        };
        keyed.push((group, age_rank(&row.age), row));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    table.rows = keyed.into_iter().map(|(_, _, row)| row).collect();
}
