//! The problems a trainer plants into a lesson's data: the same few kinds a statistician makes
//! by hand, each an edit of the tables as a workbook shows them, so the learner's workbook, the
//! data set the checks read and the answer key all follow from one edit.

use crate::model::{Sex, TableId};
use crate::sample::Sample;
use crate::sample::generate::{Cell, Row, YEARS, sex_index, year_index};
use serde::{Deserialize, Serialize};

/// The text a [`FaultKind::Text`] fault writes where a number belongs.
pub const TEXT_IN_CELL: &str = "see note";

/// What is done to the data.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum FaultKind {
    /// The cell gets another number.
    Set { value: f64 },
    /// The cell's number is multiplied, to a whole number (a misplaced unit: thousands typed
    /// as persons).
    Times { factor: f64 },
    /// The row's values of the year, both sexes and their total, are multiplied (to whole
    /// numbers), and the
    /// table's total row follows: a figure that is wrong yet adds up, as when a whole group is
    /// counted twice before the totals are computed.
    TimesRow { factor: f64 },
    /// The men's and the women's values of the row and year change places.
    SwapSexes,
    /// The row is repeated below itself with the same values (a template pasted twice).
    DuplicateRow,
    /// The year's column of the table is deleted.
    DeleteYear,
    /// Text where the number was.
    Text,
    /// The table's values from the year on move one year later, the year left empty and the
    /// last year lost: columns pasted one place to the right.
    ShiftYear,
}

/// One planted problem: what is done, and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    pub reporter: String,
    /// The table's code (`1.1` … `7.2`, `POP`, …).
    pub table: String,
    /// The row's category code (`TOTAL`, a country code, a status).
    #[serde(default = "total")]
    pub category: String,
    #[serde(default = "total")]
    pub age: String,
    /// `T`, `M` or `F`; for a row or a column, the sex the answer key points at.
    #[serde(default = "both_sexes")]
    pub sex: String,
    pub year: u16,
}

fn total() -> String {
    "TOTAL".into()
}

fn both_sexes() -> String {
    "T".into()
}

/// Why a fault cannot be planted.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FaultError {
    #[error("{reporter} has no table {table} in the lesson's data")]
    NoTable { reporter: String, table: String },
    #[error("table {table} of {reporter} has no row {category} (age {age})")]
    NoRow {
        reporter: String,
        table: String,
        category: String,
        age: String,
    },
    #[error(
        "expected a sex T, M or F and a year from {first} to {last}; found sex {sex}, year {year}"
    )]
    NoCell {
        sex: String,
        year: u16,
        first: u16,
        last: u16,
    },
    #[error("the cell holds no number to change")]
    NotANumber,
}

impl Fault {
    /// The table this fault edits.
    pub fn table_id(&self) -> Option<TableId> {
        TableId::parse(&self.table)
    }

    pub fn sex_code(&self) -> Option<Sex> {
        Sex::parse(&self.sex)
    }

    /// Plants the fault into the sample's tables.
    pub fn plant(&self, sample: &mut Sample) -> Result<(), FaultError> {
        let no_table = || FaultError::NoTable {
            reporter: self.reporter.clone(),
            table: self.table.clone(),
        };
        let table_id = self.table_id().ok_or_else(no_table)?;
        let no_cell = || FaultError::NoCell {
            sex: self.sex.clone(),
            year: self.year,
            first: YEARS[0],
            last: YEARS[YEARS.len() - 1],
        };
        let (sex, year) = match (self.sex_code().and_then(sex_index), year_index(self.year)) {
            (Some(s), Some(y)) => (s, y),
            _ => return Err(no_cell()),
        };
        let table = sample
            .table_mut(&self.reporter, table_id)
            .ok_or_else(no_table)?;
        match self.kind {
            FaultKind::DeleteYear => {
                table.years.retain(|&y| y != self.year);
                return Ok(());
            }
            FaultKind::ShiftYear => {
                for row in &mut table.rows {
                    for cells in row.cells.iter_mut() {
                        cells[year..].rotate_right(1);
                        cells[year] = None;
                    }
                }
                return Ok(());
            }
            _ => {}
        }
        let at = table
            .rows
            .iter()
            .position(|r| r.category == self.category && r.age == self.age)
            .ok_or_else(|| FaultError::NoRow {
                reporter: self.reporter.clone(),
                table: self.table.clone(),
                category: self.category.clone(),
                age: self.age.clone(),
            })?;
        let row: &mut Row = &mut table.rows[at];
        match self.kind {
            FaultKind::Set { value } => {
                number_of(&row.cells[sex][year]).ok_or(FaultError::NotANumber)?;
                row.cells[sex][year] = Some(Cell::Count(value));
            }
            FaultKind::Times { factor } => {
                let value = number_of(&row.cells[sex][year]).ok_or(FaultError::NotANumber)?;
                row.cells[sex][year] = Some(Cell::Count((value * factor).round()));
            }
            FaultKind::TimesRow { factor } => {
                let mut deltas = [0.0; 3];
                for (s, delta) in deltas.iter_mut().enumerate() {
                    if let Some(value) = number_of(&row.cells[s][year]) {
                        let scaled = (value * factor).round();
                        *delta = scaled - value;
                        row.cells[s][year] = Some(Cell::Count(scaled));
                    }
                }
                if self.category != "TOTAL"
                    && let Some(total) = table
                        .rows
                        .iter_mut()
                        .find(|r| r.category == "TOTAL" && r.age == self.age)
                {
                    for (s, delta) in deltas.iter().enumerate() {
                        if let Some(value) = number_of(&total.cells[s][year]) {
                            total.cells[s][year] = Some(Cell::Count(value + delta));
                        }
                    }
                }
            }
            FaultKind::SwapSexes => {
                if let (Some(m), Some(f)) = (sex_index(Sex::M), sex_index(Sex::F)) {
                    let men = row.cells[m][year].take();
                    row.cells[m][year] = row.cells[f][year].take();
                    row.cells[f][year] = men;
                }
            }
            FaultKind::DuplicateRow => {
                let copy = row.clone();
                table.rows.insert(at + 1, copy);
            }
            FaultKind::Text => {
                number_of(&row.cells[sex][year]).ok_or(FaultError::NotANumber)?;
                row.cells[sex][year] = Some(Cell::Text(TEXT_IN_CELL));
            }
            FaultKind::DeleteYear | FaultKind::ShiftYear => {}
        }
        Ok(())
    }
}

fn number_of(cell: &Option<Cell>) -> Option<f64> {
    cell.as_ref().and_then(Cell::number)
}
