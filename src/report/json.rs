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
//! (two spaces a level) but starts at the value's depth in the report.

use std::io::{self, Write};

use serde::Serialize;

use super::{FindingsJson, JsonView};
use crate::mirror::MirrorReport;

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
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        Nested::at(self.depth + 1).indent(self.out)?;
        self.first = false;
        serde_json::to_writer(&mut *self.out, key).map_err(io::Error::other)?;
        self.out.write_all(b": ")
    }

    fn field(&mut self, key: &str, value: &impl Serialize) -> io::Result<()> {
        self.key(key)?;
        pretty(&mut *self.out, value, self.depth + 1)
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
            element(buffer, &listed, 2)?;
        }
        Ok(())
    })
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

/// Puts one element of an array `depth` levels in into `buffer`.
fn element(buffer: &mut Elements, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let out = &mut buffer.bytes;
    if !out.is_empty() {
        out.push(b',');
    }
    out.push(b'\n');
    Nested::at(depth).indent(out)?;
    pretty(out, value, depth)
}
