//! A look at an OpenDocument spreadsheet before calamine opens it.
//!
//! calamine's ods reader reads every sheet of `content.xml` when it opens the file, and expands
//! what the XML repeats: a row repeated a million times, a cell repeated across 16,384 columns.
//! Deflate packs such XML a thousandfold, so a file of a few hundred bytes can ask for gigabytes
//! of cells. [`check_ods`] reads `content.xml` the way calamine counts its cells, without keeping
//! them, and says what is wrong before that memory is asked for. A file it cannot make sense of
//! is left to calamine, which refuses it with its own message.

use super::book::MAX_GRID_CELLS;
use super::zipxml;

/// calamine's limits on one sheet: rows, columns, and cells after expansion.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
const MAX_CELLS: u64 = 100_000_000;

/// The cells one sheet costs calamine, counted as its XML goes by.
#[derive(Default)]
struct Table {
    /// Cells kept as read, before rows are expanded (values and formulas).
    raw: u64,
    /// Rows read (elements, not repeats), and rows counted with their repeats (capped).
    rows: u64,
    total_rows: u64,
    /// The first and last rows (elements) holding a value, and the rows with repeats up to each.
    first: Option<(u64, u64)>,
    last: Option<(u64, u64)>,
    /// The widest row holding a value, in columns.
    width: u64,
    formulas: bool,
}

impl Table {
    /// What calamine allocates for the sheet: the cells as read, the grid it reserves and the
    /// grid it fills (twice when the sheet has formulas).
    fn cells(&self) -> u64 {
        let (Some((first, first_total)), Some((last, last_total))) = (self.first, self.last) else {
            return self.raw;
        };
        let reserved = ((last - first + 1).saturating_mul(self.width)).min(MAX_CELLS);
        let filled = ((last_total - first_total + 1).saturating_mul(self.width)).min(MAX_CELLS);
        let grids = if self.formulas { 2 } else { 1 };
        self.raw
            .saturating_add(reserved * grids)
            .saturating_add(filled.saturating_mul(2) * grids)
    }
}

/// One row as calamine reads it: the columns it keeps (empty cells only when a cell follows
/// them), and whether any holds a value.
#[derive(Default)]
struct Row {
    repeats: u64,
    columns: u64,
    pending_empty: u64,
    value: bool,
}

impl Row {
    fn cell(&mut self, repeats: u64, empty: bool) {
        self.columns += self.pending_empty.min(MAX_COLUMNS - self.columns);
        self.pending_empty = 0;
        let repeats = repeats.min(MAX_COLUMNS - self.columns);
        if empty {
            self.pending_empty = repeats;
        } else {
            self.columns += repeats;
            self.value |= repeats > 0;
        }
    }
}

/// The number an attribute holds (`table:number-rows-repeated="1000"`), 1 when absent. A value
/// that is not plain digits counts as the most there can be: calamine may decode it to a number
/// (`&#49;`), and a value it cannot read stops it anyway.
fn repeats(tag: &[u8], attribute: &[u8]) -> u64 {
    match zipxml::attribute(tag, attribute) {
        None => 1,
        Some(value) => zipxml::number(value).unwrap_or(u64::MAX),
    }
}

fn contains(tag: &[u8], what: &[u8]) -> bool {
    tag.windows(what.len()).any(|w| w == what)
}

/// Counts what calamine will hold for the spreadsheet in `content.xml`, tag by tag.
#[derive(Default)]
struct Counter {
    tables: Vec<Table>,
    row: Option<Row>,
}

impl Counter {
    fn tag(&mut self, tag: &[u8]) {
        let closing = tag.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .filter(|end| *end > name_start)
            .unwrap_or(tag.len());
        let name = tag.get(name_start..name_end).unwrap_or(&[]);
        let self_closing = tag.last() == Some(&b'/');
        match (name, closing) {
            (b"table:table", false) => self.tables.push(Table::default()),
            (b"table:table-row", false) => {
                self.end_row();
                self.row = Some(Row {
                    repeats: repeats(tag, b"table:number-rows-repeated"),
                    ..Row::default()
                });
                if self_closing {
                    self.end_row();
                }
            }
            (b"table:table-row", true) => self.end_row(),
            (b"table:table-cell" | b"table:covered-table-cell", false) => {
                let formula = contains(tag, b"table:formula");
                let empty = self_closing
                    && !formula
                    && !contains(tag, b"office:")
                    && !contains(tag, b"calcext:");
                if let Some(table) = self.tables.last_mut() {
                    table.formulas |= formula;
                }
                if let Some(row) = self.row.as_mut() {
                    row.cell(repeats(tag, b"table:number-columns-repeated"), empty);
                }
            }
            _ => {}
        }
    }

    fn end_row(&mut self) {
        let (Some(row), Some(table)) = (self.row.take(), self.tables.last_mut()) else {
            return;
        };
        let repeats = row.repeats.min(MAX_ROWS - table.total_rows);
        table.total_rows += repeats;
        table.raw = table.raw.saturating_add(row.columns * 2);
        if row.value {
            let at = (table.rows, table.total_rows.saturating_sub(repeats));
            table.first.get_or_insert(at);
            table.last = Some((table.rows, table.total_rows.saturating_sub(1)));
            table.width = table.width.max(row.columns);
        }
        table.rows += 1;
    }

    fn cells(&self) -> u64 {
        self.tables
            .iter()
            .fold(0u64, |sum, table| sum.saturating_add(table.cells()))
    }
}

/// What to do with an ods file that expands to too many cells.
const ADVICE: &str = "open it in LibreOffice, delete the rows and columns far from the table, \
                      and save it again";

/// An ods file calamine would expand to more cells than migreview reads.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum OdsError {
    #[error("expected an OpenDocument spreadsheet, found {0}; {advice}", advice = ADVICE)]
    Xml(zipxml::XmlError),
    #[error(
        "its sheets repeat rows and cells to more than {} cells, more than migreview reads in \
         one spreadsheet; {advice}",
        crate::model::format_count(MAX_GRID_CELLS as f64),
        advice = ADVICE
    )]
    TooManyCells,
}

/// Checks that calamine can open an ods file without asking for more memory than the sheets of
/// a real spreadsheet take: the cells its sheets expand to, as calamine expands them, are at
/// most [`MAX_GRID_CELLS`] in all, and `content.xml` inflates to at most
/// [`zipxml::MAX_XML_BYTES`]. `Err` says what is wrong; anything else is left to calamine.
pub fn check_ods(bytes: &[u8]) -> Result<(), OdsError> {
    for xml in zipxml::entries(bytes, |name| name == b"content.xml") {
        let mut counter = Counter::default();
        zipxml::scan(xml, |tag| {
            counter.tag(tag);
            true
        })
        .map_err(OdsError::Xml)?;
        counter.end_row();
        let cells = counter.cells();
        if cells > MAX_GRID_CELLS {
            return Err(OdsError::TooManyCells);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(xml: &str) -> u64 {
        let mut counter = Counter::default();
        let scanned = zipxml::scan(xml.as_bytes(), |tag| {
            counter.tag(tag);
            true
        });
        assert!(scanned.is_ok());
        counter.end_row();
        counter.cells()
    }

    #[test]
    fn trailing_empty_cells_and_rows_cost_nothing() {
        let xml = r#"<table:table table:name="T"><table:table-row>
            <table:table-cell office:value-type="float" office:value="1"/>
            <table:table-cell table:number-columns-repeated="16383"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048575">
            <table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>"#;
        assert!(count(xml) < 10, "{}", count(xml));
    }

    #[test]
    fn repeated_values_are_counted_as_calamine_expands_them() {
        let xml = r#"<!-- a "quote" > --><table:table table:name="T">
            <table:table-row table:number-rows-repeated="6000">
            <table:table-cell table:number-columns-repeated="16000" office:value-type="float"
            office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
            </table:table>"#;
        assert!(count(xml) >= 6000 * 16000, "{}", count(xml));
    }

    #[test]
    fn repeat_counts_are_read_as_calamine_reads_them() {
        let tag = br#"table:table-row table:style-name="ro1" table:number-rows-repeated = '+12'"#;
        assert_eq!(repeats(tag, b"table:number-rows-repeated"), 12);
        assert_eq!(
            repeats(b"table:table-row", b"table:number-rows-repeated"),
            1
        );
        let escaped = br#"table:table-row table:number-rows-repeated="&#49;0""#;
        assert_eq!(repeats(escaped, b"table:number-rows-repeated"), u64::MAX);
    }

    #[test]
    fn a_real_ods_passes() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/TJK_status.ods");
        let bytes = std::fs::read(path).unwrap_or_default();
        assert_eq!(zipxml::entries(&bytes, |n| n == b"content.xml").len(), 1);
        assert_eq!(check_ods(&bytes), Ok(()));
    }
}
