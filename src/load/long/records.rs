//! The records of a delimited text, with their lines; a record that cannot be a row (a quote
//! never closed, an overlong cell or row) is skipped with its reason.

use crate::load::{LoadControl, LoadError, LoadReport};
use crate::model::Location;
use std::path::Path;

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
        self.line += count_line_ends(self.bytes, self.at..byte) as u32;
        self.at = byte;
        self.line
    }
}

/// The line ends among `bytes[range]`: `\n`, and `\r` unless the `\n` of a CRLF follows it
/// (looked for past the range too).
pub fn count_line_ends(bytes: &[u8], range: std::ops::Range<usize>) -> usize {
    let start = range.start;
    let slice = bytes.get(range).unwrap_or_default();
    // Line feeds counted without looking at their neighbours, then the carriage returns no line
    // feed follows, where the text has any. A record's few bytes are counted in a plain loop;
    // the megabytes before a part of a file by memchr, a vector of bytes at a time.
    let feeds = if slice.len() < 256 {
        slice.iter().filter(|&&b| b == b'\n').count()
    } else {
        memchr::memchr_iter(b'\n', slice).count()
    };
    let lone_returns = memchr::memchr_iter(b'\r', slice)
        .filter(|&i| bytes.get(start + i + 1) != Some(&b'\n'))
        .count();
    feeds + lone_returns
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
    /// Lines of the file before the text read (a later part of the file).
    lines_before: u32,
}

/// The longest cell of a text file that is read: labels, numbers and codes are far shorter.
pub const MAX_CELL_BYTES: usize = 64 << 10;

/// The longest row of a text file that is read (as long as the longest header).
pub const MAX_ROW_BYTES: usize = crate::load::text::MAX_HEADER_BYTES;

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
        let size = |bytes: usize| crate::load::container::format_bytes(bytes as u64);
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
            lines_before: 0,
        }
    }

    /// The records of a part of a file that starts on line `first_line` (at a line's start).
    pub fn starting_on_line(mut self, first_line: u32) -> TextRecords<'t, 'c> {
        self.lines_before = first_line.saturating_sub(1);
        self
    }

    /// The byte of the text where the next record starts.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
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
                    let line = self.lines.line_at(byte) + self.lines_before;
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
                    report.skip(Location::line_of(report.name.as_str(), line), reason);
                }
                Err(e) => {
                    let line = e
                        .position()
                        .map(|p| self.lines.line_at(p.byte()) + self.lines_before)
                        .unwrap_or(0);
                    report.skip(
                        Location::line_of(report.name.as_str(), line),
                        format!("cannot read the line: {e}"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::count_line_ends;

    #[test]
    fn line_ends_are_feeds_and_returns_without_a_feed_after_them() {
        assert_eq!(count_line_ends(b"a\nb\r\nc\rd", 0..8), 3);
        // The feed after the range's last return is looked at.
        assert_eq!(count_line_ends(b"a\r\nb", 0..2), 0);
        assert_eq!(count_line_ends(b"a\r\nb", 0..3), 1);
        assert_eq!(count_line_ends(b"\r\r\n\n", 1..4), 2);
        // Against counting byte by byte, over texts of returns, feeds and letters.
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2000 {
            // Short texts as a record's, long ones as the part of a file before a cut.
            let longest = [200, 2000][rng.usize(0..2)];
            let len = rng.usize(0..longest);
            let text: Vec<u8> = (0..len)
                .map(|_| [b'\r', b'\n', b'x'][rng.usize(0..3)])
                .collect();
            let from = rng.usize(0..=len);
            let to = rng.usize(from..=len);
            let by_byte = (from..to)
                .filter(|&i| match text[i] {
                    b'\n' => true,
                    b'\r' => text.get(i + 1) != Some(&b'\n'),
                    _ => false,
                })
                .count();
            assert_eq!(
                count_line_ends(&text, from..to),
                by_byte,
                "{text:?} {from}..{to}"
            );
        }
    }
}
