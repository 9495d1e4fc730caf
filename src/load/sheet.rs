//! What passes between the workbook and the reader of one sheet: the sheet's cells
//! ([`SheetInput`]), what became of it ([`SheetOutcome`]) and its share of the progress
//! ([`SheetProgress`]).

use super::codes::Codes;
use super::grid::Grid;
use super::options::ImportOptions;
use super::{LoadControl, LoadError, LoadReport, SheetReport};
use crate::model::Dataset;
use calamine::Dimensions;
use std::path::Path;

/// A sheet ready to be read.
pub struct SheetInput<'a> {
    pub name: &'a str,
    pub hidden: bool,
    pub grid: Grid<'a>,
    /// Merged regions, where the format lets calamine read them (xlsx, xls).
    pub merged: Option<&'a [Dimensions]>,
}

/// What every reader of one sheet is given, as [`super::Reading`] is for a file: the sheet, the
/// file's path (named in messages), the sheet's import options, the codes of the file, the
/// sheet's progress, and where the observations and the file's report go.
pub struct SheetReading<'r, 'p> {
    pub input: &'r SheetInput<'r>,
    pub path: &'r Path,
    pub options: &'r ImportOptions,
    pub codes: Codes,
    pub progress: &'r mut SheetProgress<'p>,
    pub dataset: &'r mut Dataset,
    pub report: &'r mut LoadReport,
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
    pub(super) fn new(control: &'c LoadControl, path: &'c Path, budget: u64) -> SheetProgress<'c> {
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

    /// The share of a sheet's budget that reading its cells counts for.
    pub(super) fn read_share(budget: u64) -> u64 {
        budget * READ_SHARE_PERCENT / 100
    }

    /// The progress of a sheet whose cells were read ahead, their share already reported.
    pub(super) fn read_ahead(
        control: &'c LoadControl,
        path: &'c Path,
        budget: u64,
    ) -> SheetProgress<'c> {
        SheetProgress {
            reported: Self::read_share(budget),
            ..SheetProgress::new(control, path, budget)
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
    pub(super) fn sheet_read(&mut self, grid: &Grid<'_>) -> Result<(), LoadError> {
        self.rows = grid.rows();
        self.cols = grid.cols().max(1);
        self.read_units = Self::read_share(self.budget);
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
    pub(super) fn finish(&mut self) {
        self.advance_to(self.budget);
    }
}

/// Splits `total` units between the sheets by their weights; the budgets add up to `total`.
pub(super) fn budgets(total: u64, weights: &[u64]) -> Vec<u64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_budgets_follow_the_weights_and_add_up_to_the_total() {
        assert_eq!(budgets(1000, &[1, 3]), vec![250, 750]);
        assert_eq!(budgets(10, &[1, 1, 1]), vec![3, 3, 4]);
        assert_eq!(budgets(7, &[u64::MAX, u64::MAX]).iter().sum::<u64>(), 7);
        assert!(budgets(5, &[]).is_empty());
    }
}
