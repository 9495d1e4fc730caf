//! The report written as JSON: the same bytes as serde_json's pretty printer writes for
//! [`JsonView`], streamed, with the findings written on every core.
//!
//! A run on poor data has hundreds of thousands of findings and a report of several hundred
//! megabytes; writing each finding (its messages in two languages, its identity, its
//! location) is most of the time a report takes. The findings are written in batches: the
//! workers of [`crate::parallel`] each write a run of findings into a buffer, which are then
//! written out in order, so memory holds one batch and the result does not depend on the
//! number of cores.
//!
//! Each value is written by serde_json with a formatter that writes as its pretty printer does
//! (two spaces a level) but starts at the value's depth in the report; a finding is written
//! field by field, its texts escaped here ([`write_string`]), its other values by serde_json.
//! A test compares the whole report with serde_json's own, byte for byte.

use std::io::{self, Write};

use serde::Serialize;

use super::{FindingsJson, JsonView};
use crate::checks::Finding;
use crate::i18n::Lang;
use crate::mirror::MirrorReport;
use crate::model::Location;
use crate::review::TriagedFinding;

/// Elements of an array a worker writes into one buffer.
pub(super) const RUN: usize = 2_048;

/// Writes the report and a line break.
pub(super) fn write(out: &mut dyn Write, view: &JsonView<'_>) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut object = Object::new(&mut out)?;
    object.field("schema", &view.schema)?;
    object.field("generated_by", &view.generated_by)?;
    object.field("inputs", &view.inputs)?;
    object.field("dataset", view.dataset)?;
    object.field("settings", view.settings)?;
    object.field("checks", &view.checks)?;
    object.key("findings")?;
    write_findings(object.out, &view.findings)?;
    object.key("mirror")?;
    write_mirror(object.out, view.mirror)?;
    object.field("assessment", view.assessment)?;
    object.field("error", view.error)?;
    if let Some(review) = view.review {
        object.field("review", review)?;
    }
    object.end()?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The report's top-level object, written field by field.
struct Object<'w, W: Write> {
    out: &'w mut W,
    first: bool,
    depth: usize,
}

impl<'w, W: Write> Object<'w, W> {
    fn new(out: &'w mut W) -> io::Result<Self> {
        Object::at(out, 0)
    }

    /// An object `depth` levels in.
    fn at(out: &'w mut W, depth: usize) -> io::Result<Self> {
        out.write_all(b"{")?;
        Ok(Object {
            out,
            first: true,
            depth,
        })
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        // The comma, line break and indentation in one piece when the depth allows.
        const LINE: &[u8] = b",\n                                ";
        let width = 2 * (self.depth + 1);
        let from = usize::from(self.first);
        match LINE.get(from..2 + width) {
            Some(line) => self.out.write_all(line)?,
            None => {
                self.out.write_all(LINE.get(from..2).unwrap_or_default())?;
                Nested::at(self.depth + 1).indent(self.out)?;
            }
        }
        self.first = false;
        // A field's name, which holds nothing to escape.
        debug_assert!(!key.bytes().any(|b| escape_of(b).is_some()), "{key}");
        self.out.write_all(b"\"")?;
        self.out.write_all(key.as_bytes())?;
        self.out.write_all(b"\": ")
    }

    fn field(&mut self, key: &str, value: &impl Serialize) -> io::Result<()> {
        self.key(key)?;
        pretty(&mut *self.out, value, self.depth + 1)
    }

    /// A field whose value is a text.
    fn text(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.key(key)?;
        write_string(self.out, value)
    }

    /// A field whose value is a text or `null`.
    fn optional_text(&mut self, key: &str, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(text) => self.text(key, text),
            None => {
                self.key(key)?;
                self.out.write_all(b"null")
            }
        }
    }

    /// A field whose value is a whole number or `null`.
    fn optional_count(&mut self, key: &str, value: Option<u32>) -> io::Result<()> {
        self.key(key)?;
        match value {
            Some(n) => self.out.write_all(itoa::Buffer::new().format(n).as_bytes()),
            None => self.out.write_all(b"null"),
        }
    }

    fn end(self) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b"\n")?;
            Nested::at(self.depth).indent(self.out)?;
        }
        self.out.write_all(b"}")
    }
}

/// `value` pretty-printed as the printer writes it `depth` levels inside the report.
fn pretty(out: &mut impl Write, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Nested::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::other)
}

/// serde_json's pretty printer, starting `depth` levels in (its own starts at the top).
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Nested {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = b"                                ";
        let mut left = 2 * self.depth;
        while left > 0 {
            let now = left.min(SPACES.len());
            out.write_all(&SPACES[..now])?;
            left -= now;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The findings listed, as the array the pretty printer writes at the report's first level.
fn write_findings(out: &mut impl Write, findings: &FindingsJson<'_>) -> io::Result<()> {
    write_array(out, findings.findings, 1, |run, buffer| {
        for listed in FindingsJson::listed(run, findings.triaged) {
            buffer.next(2)?;
            write_listed(&mut buffer.bytes, &listed, 2)?;
        }
        Ok(())
    })
}

/// A listed finding `depth` levels in, as serde writes [`TriagedFinding`], field by field: its
/// texts (identity, group, messages: most of a report's bytes) are escaped by
/// [`write_string`], the other values written by serde.
fn write_listed(out: &mut Vec<u8>, listed: &TriagedFinding<'_>, depth: usize) -> io::Result<()> {
    // Every field of the listing and of its finding, in the order `TriagedFinding` and
    // `Finding::serialize_fields` write them: a field added to either and not here does not
    // compile.
    let TriagedFinding {
        id,
        group,
        finding,
        status,
        comment,
    } = listed;
    let Finding {
        check,
        severity,
        outcome,
        dimension,
        level,
        table,
        reporter,
        year,
        sex,
        age,
        category,
        expected,
        actual,
        message: _,
        location,
    } = finding;
    let mut object = Object::at(out, depth)?;
    object.text("id", id)?;
    object.text("group", group)?;
    object.field("check", check)?;
    object.field("severity", severity)?;
    object.field("outcome", outcome)?;
    object.field("dimension", dimension)?;
    object.field("level", level)?;
    object.field("table", table)?;
    object.optional_text("reporter", reporter.as_deref())?;
    object.field("year", year)?;
    object.field("sex", sex)?;
    object.optional_text("age", age.as_deref())?;
    object.optional_text("category", category.as_deref())?;
    object.field("expected", expected)?;
    object.field("actual", actual)?;
    object.text("message", &finding.message(Lang::En))?;
    object.text("message_ru", &finding.message_ru())?;
    match location {
        Some(location) => {
            object.key("location")?;
            write_location(object.out, location, depth + 1)?;
        }
        None => object.field("location", location)?,
    }
    object.field("status", status)?;
    object.text("comment", comment)?;
    object.end()
}

/// A location `depth` levels in, as its `Serialize` writes it: `file`, `sheet`, `cell`, `line`.
fn write_location(out: &mut Vec<u8>, location: &Location, depth: usize) -> io::Result<()> {
    let mut object = Object::at(out, depth)?;
    object.text("file", &location.file)?;
    object.optional_text("sheet", location.sheet.as_deref())?;
    object.key("cell")?;
    match location.cell() {
        // Letters and digits: nothing to escape.
        Some(cell) => write!(object.out, "\"{cell}\"")?,
        None => object.out.write_all(b"null")?,
    }
    object.optional_count("line", location.line())?;
    object.end()
}

/// `text` as a JSON string, escaped as serde_json escapes it (`\"`, `\\`, `\n`… and `\u001f`
/// for the other control characters; nothing else). Eight bytes are looked at a time: a
/// message rarely holds anything to escape, and serde_json looks at each byte.
fn write_string(out: &mut (impl Write + ?Sized), text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    out.write_all(b"\"")?;
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let rest = bytes.get(at..).unwrap_or_default();
        let (word, taken) = match rest.first_chunk::<8>() {
            Some(&word) => (word, 8),
            None => {
                // The last bytes, padded with spaces to a word.
                let mut word = [b' '; 8];
                word.iter_mut().zip(rest).for_each(|(w, &b)| *w = b);
                (word, rest.len())
            }
        };
        if !may_need_escape(u64::from_le_bytes(word)) {
            at += taken;
            continue;
        }
        // Byte by byte up to the end of this word (or of the text).
        let end = (at + 8).min(bytes.len());
        while at < end {
            let byte = bytes.get(at).copied().unwrap_or_default();
            if let Some(escape) = escape_of(byte) {
                out.write_all(bytes.get(run_start..at).unwrap_or_default())?;
                out.write_all(escape.as_bytes(byte).as_slice())?;
                run_start = at + 1;
            }
            at += 1;
        }
    }
    out.write_all(bytes.get(run_start..).unwrap_or_default())?;
    out.write_all(b"\"")
}

/// Whether one of the eight bytes of `word` is a control character, `"` or `\\` (never false
/// when one is: the classic test for a zero byte, after subtracting or comparing).
fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

/// How a byte is escaped in a JSON string.
#[derive(Copy, Clone)]
enum Escape {
    /// A backslash and this letter (`\n`, `\"`…).
    Short(u8),
    /// `\u00` and two hexadecimal digits.
    Unicode,
}

impl Escape {
    /// The bytes written for `byte`, and how many of the six.
    fn as_bytes(self, byte: u8) -> EscapeBytes {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let hex = |nibble: u8| HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
        match self {
            Escape::Short(letter) => EscapeBytes([b'\\', letter, 0, 0, 0, 0], 2),
            Escape::Unicode => EscapeBytes(
                [b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xf)],
                6,
            ),
        }
    }
}

/// Up to six bytes of an escape.
struct EscapeBytes([u8; 6], usize);

impl EscapeBytes {
    fn as_slice(&self) -> &[u8] {
        self.0.get(..self.1).unwrap_or_default()
    }
}

/// How `byte` is escaped, `None` when it is written as it is.
fn escape_of(byte: u8) -> Option<Escape> {
    match byte {
        b'"' => Some(Escape::Short(b'"')),
        b'\\' => Some(Escape::Short(b'\\')),
        0x08 => Some(Escape::Short(b'b')),
        0x09 => Some(Escape::Short(b't')),
        0x0a => Some(Escape::Short(b'n')),
        0x0c => Some(Escape::Short(b'f')),
        0x0d => Some(Escape::Short(b'r')),
        0x00..=0x1f => Some(Escape::Unicode),
        _ => None,
    }
}

/// The mirror statistics, at the report's first level: the pairs written on every core.
fn write_mirror(out: &mut impl Write, mirror: &MirrorReport) -> io::Result<()> {
    // Field by field as `MirrorReport` derives them: a field added there and not here makes
    // the report differ from serde's, which the tests compare.
    let MirrorReport {
        pairs,
        coverage,
        countries,
        reference_group,
        durations,
        harmonisation,
        structure,
        stability,
        undercount,
        missing_values: _,
    } = mirror;
    let mut object = Object::at(out, 1)?;
    object.key("pairs")?;
    write_array(object.out, pairs, 2, |run, buffer| {
        run.iter().try_for_each(|pair| element(buffer, pair, 3))
    })?;
    object.field("coverage", coverage)?;
    object.field("countries", countries)?;
    object.field("reference_group", reference_group)?;
    object.field("durations", durations)?;
    object.field("harmonisation", harmonisation)?;
    object.field("structure", structure)?;
    object.field("stability", stability)?;
    object.field("undercount", undercount)?;
    object.end()
}

/// Writes `items` as the pretty printer writes an array `depth` levels in: `write` puts the
/// elements of a run of items into a buffer (with [`element`]), the runs of a batch written on
/// every core, then in order.
fn write_array<T: Sync>(
    out: &mut impl Write,
    items: &[T],
    depth: usize,
    write: impl Fn(&[T], &mut Elements) -> io::Result<()> + Sync,
) -> io::Result<()> {
    out.write_all(b"[")?;
    let mut any = false;
    crate::parallel::write_in_order(
        items,
        RUN,
        |run, buffer| {
            let mut elements = Elements {
                bytes: std::mem::take(buffer),
            };
            let written = write(run, &mut elements);
            *buffer = elements.bytes;
            written
        },
        |run| {
            if !run.is_empty() {
                out.write_all(if any { b"," } else { b"" })?;
                out.write_all(run)?;
                any = true;
            }
            Ok(())
        },
    )?;
    if any {
        out.write_all(b"\n")?;
        Nested::at(depth).indent(out)?;
    }
    out.write_all(b"]")
}

/// The elements of a run of an array, each after its line break and indentation, separated by
/// commas.
#[derive(Default)]
struct Elements {
    bytes: Vec<u8>,
}

impl Elements {
    /// Begins the next element of an array `depth` levels in: the comma after the one before,
    /// the line break and the indentation.
    fn next(&mut self, depth: usize) -> io::Result<()> {
        let out = &mut self.bytes;
        if !out.is_empty() {
            out.push(b',');
        }
        out.push(b'\n');
        Nested::at(depth).indent(out)
    }
}

/// Puts one element of an array `depth` levels in into `buffer`.
fn element(buffer: &mut Elements, value: &impl Serialize, depth: usize) -> io::Result<()> {
    buffer.next(depth)?;
    pretty(&mut buffer.bytes, value, depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        assert!(write_string(&mut out, text).is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn texts_are_escaped_as_serde_escapes_them() {
        assert_eq!(
            written("say \"hi\"\t\\ \u{1} Ёж"),
            r#""say \"hi\"\t\\ \u0001 Ёж""#
        );
        assert_eq!(written(""), r#""""#);
        // Every ASCII character at every place of the first eight-byte words, after Cyrillic
        // letters (two bytes each) and before a run long enough for whole words.
        for c in (0u8..128).map(char::from) {
            for at in 0..20 {
                let text: String = "Казахстан: 1,234 ≠ 5 \"x\""
                    .chars()
                    .take(at)
                    .chain([c, c])
                    .chain("abcdefghijklmnopq".chars())
                    .collect();
                let by_serde = serde_json::to_string(&text).unwrap_or_default();
                assert_eq!(written(&text), by_serde, "{text:?}");
            }
        }
    }
}
