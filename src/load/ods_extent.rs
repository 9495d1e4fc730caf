//! The extent of each sheet of an OpenDocument spreadsheet, measured from `content.xml` before
//! the spreadsheet reader lays the sheets out. The reader expands repeated rows and columns
//! (`table:number-rows-repeated="1048000"`) into cells, for every sheet at once when the file is
//! opened: one value far from the table would make it allocate gigabytes. Measuring first lets
//! such a file be refused with a message instead.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// The largest row and column count the reader lays out (as it caps repeats).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// A sheet whose cells would span more than `limit` cells.
#[derive(Debug, PartialEq)]
pub struct WideSheet {
    pub name: String,
    pub rows: u64,
    pub columns: u64,
}

/// The first sheet of `bytes` (an ODS ZIP archive) whose cells from the first value to the last
/// span more than `limit` cells; `None` when every sheet is within it or the archive cannot be
/// measured (the reader then says what is wrong with it).
pub fn first_wide_sheet(bytes: &[u8], limit: u64) -> Option<WideSheet> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    wide_sheet_in(BufReader::new(content), limit)
}

/// The extent of the values of one sheet.
#[derive(Default)]
struct Extent {
    name: String,
    row: u64,
    first_row: Option<u64>,
    last_row: u64,
    first_column: u64,
    last_column: u64,
}

impl Extent {
    fn cells(&self) -> (u64, u64) {
        match self.first_row {
            None => (0, 0),
            Some(first) => (
                self.last_row.saturating_sub(first) + 1,
                self.last_column.saturating_sub(self.first_column) + 1,
            ),
        }
    }
}

fn repeats(element: &BytesStart<'_>, name: &str, most: u64) -> u64 {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, most)
}

fn has_attribute(element: &BytesStart<'_>, name: &str) -> bool {
    element
        .attributes()
        .flatten()
        .any(|a| a.key.as_ref() == name)
}

fn wide_sheet_in<R: Read + std::io::BufRead>(source: R, limit: u64) -> Option<WideSheet> {
    let mut reader = Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut sheet: Option<Extent> = None;
    // The row being read: its repeats, its column, and its first and last value's column.
    let mut row_repeats = 1u64;
    let mut column = 0u64;
    let mut row_values: Option<(u64, u64)> = None;
    let mut in_row = false;
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        let (element, closed) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = element {
            match e.name().as_ref() {
                "table:table" if !closed => {
                    let name = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "table:name")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    sheet = Some(Extent {
                        name,
                        ..Extent::default()
                    });
                }
                "table:table-row" => {
                    row_repeats = repeats(e, "table:number-rows-repeated", MAX_ROWS);
                    column = 0;
                    row_values = None;
                    in_row = !closed;
                    if closed && let Some(s) = sheet.as_mut() {
                        s.row = s.row.saturating_add(row_repeats).min(MAX_ROWS);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if in_row => {
                    let n = repeats(e, "table:number-columns-repeated", MAX_COLUMNS);
                    // A cell with a value type or any content holds something.
                    if has_attribute(e, "office:value-type") || !closed {
                        let last = column.saturating_add(n - 1).min(MAX_COLUMNS - 1);
                        row_values = Some(match row_values {
                            None => (column, last),
                            Some((first, _)) => (first, last),
                        });
                    }
                    column = column.saturating_add(n).min(MAX_COLUMNS);
                }
                _ => {}
            }
        }
        match &event {
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                in_row = false;
                if let Some(s) = sheet.as_mut() {
                    if let Some((first, last)) = row_values {
                        if s.first_row.is_none() {
                            s.first_row = Some(s.row);
                            s.first_column = first;
                            s.last_column = last;
                        }
                        s.first_column = s.first_column.min(first);
                        s.last_column = s.last_column.max(last);
                        s.last_row = (s.row + row_repeats - 1).min(MAX_ROWS - 1);
                    }
                    s.row = s.row.saturating_add(row_repeats).min(MAX_ROWS);
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(s) = sheet.take() {
                    let (rows, columns) = s.cells();
                    if rows.saturating_mul(columns) > limit {
                        return Some(WideSheet {
                            name: s.name,
                            rows,
                            columns,
                        });
                    }
                }
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            "<office:document-content><office:body><office:spreadsheet>\
             <table:table table:name=\"T3\">{rows}</table:table>\
             </office:spreadsheet></office:body></office:document-content>"
        )
    }

    fn measure(xml: &str, limit: u64) -> Option<WideSheet> {
        wide_sheet_in(xml.as_bytes(), limit)
    }

    #[test]
    fn trailing_empty_rows_and_columns_do_not_count() {
        let xml = content(
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>A</text:p>\
             </table:table-cell><table:table-cell table:number-columns-repeated=\"16383\"/>\
             </table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048575\">\
             <table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>",
        );
        assert_eq!(measure(&xml, 1), None);
    }

    #[test]
    fn a_value_far_from_the_table_spans_the_sheet() {
        let xml = content(
            "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/>\
             </table:table-row>\
             <table:table-row table:number-rows-repeated=\"1000000\">\
             <table:table-cell table:number-columns-repeated=\"100\"/></table:table-row>\
             <table:table-row><table:table-cell table:number-columns-repeated=\"99\"/>\
             <table:table-cell office:value-type=\"float\" office:value=\"2\"/></table:table-row>",
        );
        assert_eq!(
            measure(&xml, 25_000_000),
            Some(WideSheet {
                name: "T3".into(),
                rows: 1_000_002,
                columns: 100
            })
        );
        // A repeated row of values counts each repeat.
        let xml = content(
            "<table:table-row table:number-rows-repeated=\"5000\">\
             <table:table-cell table:number-columns-repeated=\"6000\" office:value-type=\"float\" \
             office:value=\"1\"/></table:table-row>",
        );
        assert_eq!(
            measure(&xml, 25_000_000).map(|w| (w.rows, w.columns)),
            Some((5000, 6000))
        );
    }
}
