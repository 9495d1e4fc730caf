//! The cells of a sheet as the readers see them: a [`Grid`] addressed from cell A1, and the
//! text of a cell as a spreadsheet shows it.

use calamine::{Data, Range};
use std::borrow::Cow;
use std::fmt::Write as _;

static EMPTY: Data = Data::Empty;

/// The cells of one sheet, addressed by absolute 0-based row and column (calamine's ranges start
/// at the first used cell).
#[derive(Copy, Clone)]
pub struct Grid<'a> {
    range: &'a Range<Data>,
    top: usize,
    left: usize,
    rows: usize,
    cols: usize,
}

impl<'a> Grid<'a> {
    pub fn new(range: &'a Range<Data>) -> Grid<'a> {
        let (top, left) = range
            .start()
            .map(|(r, c)| (r as usize, c as usize))
            .unwrap_or((0, 0));
        let (height, width) = range.get_size();
        Grid {
            range,
            top,
            left,
            rows: if height == 0 { 0 } else { top + height },
            cols: if width == 0 { 0 } else { left + width },
        }
    }

    /// Number of rows, counting from row 1 of the sheet.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns, counting from column A.
    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0 || self.range.used_cells().next().is_none()
    }

    pub fn get(&self, row: usize, col: usize) -> &'a Data {
        if row < self.top || col < self.left {
            return &EMPTY;
        }
        self.range
            .get((row - self.top, col - self.left))
            .unwrap_or(&EMPTY)
    }

    /// The cell as text, as a spreadsheet shows it (whole numbers without `.0`).
    pub fn text(&self, row: usize, col: usize) -> Cow<'a, str> {
        data_text(self.get(row, col))
    }

    pub fn is_blank(&self, row: usize, col: usize) -> bool {
        is_blank(self.get(row, col))
    }

    pub fn is_blank_row(&self, row: usize) -> bool {
        (0..self.cols).all(|col| self.is_blank(row, col))
    }

    /// The first `max_rows` rows as text.
    pub fn head(&self, max_rows: usize) -> Vec<Vec<String>> {
        (0..self.rows.min(max_rows))
            .map(|row| {
                (0..self.cols)
                    .map(|col| self.text(row, col).into_owned())
                    .collect()
            })
            .collect()
    }
}

/// Whether a cell holds nothing (or only spaces).
pub fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as text, as a spreadsheet shows it: whole numbers without `.0`, dates as `2010-01-01`,
/// errors as `#N/A`.
pub fn data_text(data: &Data) -> Cow<'_, str> {
    match data {
        Data::Empty => Cow::Borrowed(""),
        Data::String(s) => Cow::Borrowed(s.as_str()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cow::Borrowed(s.as_str()),
        Data::Float(f) => {
            let mut out = String::new();
            write_number(&mut out, *f);
            Cow::Owned(out)
        }
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Bool(b) => Cow::Owned(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cow::Owned(e.to_string()),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Cow::Owned(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Cow::Owned(dt.as_f64().to_string())
            }
        }
    }
}

/// Writes a number as a spreadsheet shows it: `2018`, not `2018.0`; `1234.5`.
pub fn write_number(out: &mut String, value: f64) {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let _ = write!(out, "{}", value as i64);
    } else {
        let _ = write!(out, "{value}");
    }
}

/// A year in a header cell: a whole number or text written as a year, from 1900 up to the
/// current year (`2018`, `2018.0`, `2018 `, `2018 г.`, `1961–62`); see [`super::header`].
pub fn header_year(data: &Data) -> Option<u16> {
    super::header::cell_year(data, super::header::current_year()).map(|y| y.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_spreadsheet_shows_them() {
        assert_eq!(data_text(&Data::Float(2018.0)), "2018");
        assert_eq!(data_text(&Data::Float(1234.5)), "1234.5");
        assert_eq!(data_text(&Data::Float(1.1)), "1.1");
        assert_eq!(data_text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
        assert_eq!(header_year(&Data::Float(2018.0)), Some(2018));
        assert_eq!(header_year(&Data::String(" 2018 ".into())), Some(2018));
        assert_eq!(header_year(&Data::String("2018 г.".into())), Some(2018));
        assert_eq!(header_year(&Data::String("2018.0".into())), Some(2018));
        assert_eq!(header_year(&Data::Float(2018.5)), None);
        assert_eq!(header_year(&Data::Float(1850.0)), None);
        assert_eq!(header_year(&Data::Float(2092.0)), None);
        assert_eq!(header_year(&Data::String("Total".into())), None);
    }
}
