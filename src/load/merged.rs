//! An xlsx sheet's merged regions, found without parsing its cells a second time.
//!
//! calamine gives a sheet's merged regions by parsing the sheet's whole XML up to its
//! `<mergeCells>` list, which Excel writes after the cells: for a sheet of many cells, as much
//! work again as reading them. Here the sheet's XML is inflated and read tag by tag as calamine's
//! XML reader reads it (quotes, tags left open), by byte search instead of building each
//! element, up to the list's opening tag; only the list is parsed, with calamine's XML reader and
//! its rules (`docs/formats.md#clearinghouse-workbook`). The results are calamine's: where this
//! reading cannot be sure of that (a comment, CDATA or processing instruction before the list, a
//! reference calamine's builds read differently, a package whose parts it cannot place as
//! calamine does) it answers `None` and calamine reads the sheet.

use super::zipxml;
use calamine::Dimensions;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::ops::ControlFlow;

/// Where the sheets of an xlsx workbook are kept in its archive, found as calamine finds them
/// (the package's relationships, the workbook's, the workbook's list of sheets).
pub struct SheetPaths {
    /// Sheet name → the part's path, the first sheet of a name winning as in calamine.
    paths: HashMap<String, String>,
}

impl SheetPaths {
    /// The paths of the sheets of the xlsx archive `bytes`; `None` unless its sheets, found
    /// this way, are `names` in that order (the names calamine gave them).
    pub fn of(bytes: &[u8], names: &[&str]) -> Option<SheetPaths> {
        let (xl_path, workbook_name) = office_document(bytes)?;
        let relationships = relationships(bytes, &format!("{xl_path}_rels/{workbook_name}.rels"))?;
        let sheets = sheets(bytes, &xl_path, &workbook_name, &relationships)?;
        if sheets.len() != names.len() || sheets.iter().zip(names).any(|((n, _), m)| n != m) {
            return None;
        }
        let mut paths = HashMap::new();
        for (name, path) in sheets {
            paths.entry(name).or_insert(path);
        }
        Some(SheetPaths { paths })
    }

    /// The merged regions of the sheet `name`, as calamine's `merge_cells_by_sheet_name` gives
    /// them (none where it fails); `None` when this reading cannot tell.
    pub fn merged_regions(&self, bytes: &[u8], name: &str) -> Option<Vec<Dimensions>> {
        merged_regions_in(part(bytes, self.paths.get(name)?)?)
    }
}

/// A part of the archive by its path, matched as calamine matches it (letter case and `\`
/// aside; of several, the last); inflated as it is read.
fn part<'a>(bytes: &'a [u8], path: &str) -> Option<Box<dyn Read + 'a>> {
    let wanted = path.to_ascii_lowercase();
    zipxml::entries(bytes, |name| {
        name.len() == wanted.len()
            && name.iter().zip(wanted.bytes()).all(|(&a, b)| {
                let a = if a == b'\\' { b'/' } else { a };
                a.to_ascii_lowercase() == b
            })
    })
    .pop()
}

/// An XML reader set up as calamine sets up its own.
fn xml_reader<R: BufRead>(read: R) -> quick_xml::Reader<R> {
    let mut reader = quick_xml::Reader::from_reader(read);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// The attributes of a tag as calamine reads them: `key = "value"` pairs, the value raw; an
/// error (`Err`) for a key without `=` or a value without quotes.
fn raw_attributes(raw: &str) -> impl Iterator<Item = Result<(&str, &str), ()>> {
    let bytes = raw.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let key_start = at;
        while bytes.get(at).is_some_and(|b| *b != b'=') {
            at += 1;
        }
        if at >= bytes.len() {
            return Some(Err(()));
        }
        let key = raw.get(key_start..at).unwrap_or_default().trim_ascii_end();
        at += 1;
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let quote = match bytes.get(at) {
            Some(&q) if q == b'"' || q == b'\'' => q,
            _ => {
                at = bytes.len();
                return Some(Err(()));
            }
        };
        at += 1;
        let value_start = at;
        while bytes.get(at).is_some_and(|b| *b != quote) {
            at += 1;
        }
        let value = raw.get(value_start..at).unwrap_or_default();
        at = (at + 1).min(bytes.len());
        Some(Ok((key, value)))
    })
}

/// The values of `keys` among a tag's attributes, each the first found, read as calamine's
/// `get_attrs!` reads them (it stops once as many keys were seen as asked for).
fn attributes<'t, const N: usize>(raw: &'t str, keys: [&str; N]) -> Option<[Option<&'t str>; N]> {
    let mut values = [None; N];
    let mut found = 0;
    for item in raw_attributes(raw) {
        let (key, value) = item.ok()?;
        if let Some(i) = keys.iter().position(|k| *k == key) {
            if let Some(slot) = values.get_mut(i) {
                *slot = Some(value);
            }
            found += 1;
            if found == N {
                break;
            }
        }
    }
    Some(values)
}

/// An attribute's value with its entities replaced.
fn decoded(value: &str) -> Option<String> {
    quick_xml::escape::unescape(value)
        .ok()
        .map(|v| v.into_owned())
}

/// Reads the XML of the part `path` event by event, giving each to `on` (the end of the XML
/// too) until it breaks with its answer; `None` when the part is missing, its XML or `on` fails,
/// or the XML ends first.
fn read_part<T>(
    bytes: &[u8],
    path: &str,
    mut on: impl FnMut(Event<'_>) -> Option<ControlFlow<T>>,
) -> Option<T> {
    let mut xml = xml_reader(BufReader::new(part(bytes, path)?));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).ok()?;
        let last = matches!(event, Event::Eof);
        if let ControlFlow::Break(answer) = on(event)? {
            return Some(answer);
        }
        if last {
            return None;
        }
    }
}

/// The folder and name of the workbook part, from the package's relationships (read once
/// their list has begun).
fn office_document(bytes: &[u8]) -> Option<(String, String)> {
    let (mut inside, mut target) = (false, None);
    read_part(bytes, "_rels/.rels", |event| {
        match event {
            Event::Start(e) if !inside && e.local_name().as_ref() == "Relationships" => {
                inside = true;
            }
            Event::Start(e) if inside && e.local_name().as_ref() == "Relationship" => {
                let [kind, to] = attributes(e.attributes_raw(), ["Type", "Target"])?;
                if kind.is_some_and(|t| t.ends_with("/relationships/officeDocument"))
                    && let Some(to) = to
                {
                    target = Some(decoded(to)?);
                }
            }
            Event::End(e) if inside && e.local_name().as_ref() == "Relationships" => {
                return Some(ControlFlow::Break(()));
            }
            _ => {}
        }
        Some(ControlFlow::Continue(()))
    })?;
    let target = target?;
    let (dir, name) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    let name = if name.is_empty() {
        "workbook.xml"
    } else {
        name
    };
    Some((
        dir.strip_prefix('/').unwrap_or(dir).to_string(),
        name.to_string(),
    ))
}

/// The workbook's relationships: id → (target, type), raw.
fn relationships(bytes: &[u8], path: &str) -> Option<HashMap<String, (String, String)>> {
    let mut found = HashMap::new();
    read_part(bytes, path, |event| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let [id, kind, target] = attributes(e.attributes_raw(), ["Id", "Type", "Target"])?;
                if let Some(id) = id {
                    let pair = (
                        target.unwrap_or_default().to_string(),
                        kind.unwrap_or_default().to_string(),
                    );
                    found.insert(id.to_string(), pair);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => {
                return Some(ControlFlow::Break(std::mem::take(&mut found)));
            }
            _ => {}
        }
        Some(ControlFlow::Continue(()))
    })
}

/// The workbook's sheets in order: name and part path.
fn sheets(
    bytes: &[u8],
    xl_path: &str,
    workbook_name: &str,
    relationships: &HashMap<String, (String, String)>,
) -> Option<Vec<(String, String)>> {
    let mut found = Vec::new();
    read_part(bytes, &format!("{xl_path}{workbook_name}"), |event| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                let (mut name, mut id) = (String::new(), "");
                for item in raw_attributes(e.attributes_raw()) {
                    let (key, value) = item.ok()?;
                    if key == "name" {
                        name = decoded(value)?;
                    } else if key == "id"
                        || key.strip_suffix("id").is_some_and(|p| p.ends_with(':'))
                    {
                        id = value;
                    }
                }
                let (target, kind) = relationships.get(id)?;
                if !matches!(
                    kind.split('/').next_back(),
                    Some("worksheet" | "chartsheet" | "dialogsheet")
                ) {
                    return None;
                }
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("{xl_path}{target}"),
                };
                found.push((name, path));
            }
            Event::End(e) if e.local_name().as_ref() == "workbook" => {
                return Some(ControlFlow::Break(std::mem::take(&mut found)));
            }
            Event::Eof => return Some(ControlFlow::Break(std::mem::take(&mut found))),
            _ => {}
        }
        Some(ControlFlow::Continue(()))
    })
}

/// Bytes read from the sheet at a time.
const CHUNK: usize = 256 * 1024;

/// Where the reading of a sheet's XML stands between two bytes, as calamine's XML reader
/// would stand there.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Text,
    /// Inside a tag (`<` at the position given) outside its quotes…
    Tag(usize),
    /// …or inside a quoted value of it.
    Quoted(usize, u8),
}

/// What a tag is, from its content (between `<` and `>`).
fn is_list_opening(content: &[u8]) -> bool {
    if content.first() == Some(&b'/') {
        return false;
    }
    // An empty tag's `/` is not part of its name; the name ends at a space.
    let content = content.strip_suffix(b"/").unwrap_or(content);
    let name = content
        .split(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .next()
        .unwrap_or_default();
    // The local name is what follows the first colon.
    let local = match name.iter().position(|&b| b == b':') {
        Some(colon) => name.get(colon + 1..).unwrap_or_default(),
        None => name,
    };
    local == b"mergeCells"
}

/// The merged regions of a sheet's XML, as calamine reads them: the XML is read tag by tag as
/// calamine's XML reader reads it (quoted values may hold `>`), by byte search, up to the
/// first opening tag whose local name is `mergeCells`, and the list is read from there with
/// that reader. `None` when a comment, CDATA, a declaration or a processing instruction (other
/// than the XML declaration at the start) comes first, the XML is larger than
/// [`zipxml::MAX_XML_BYTES`], or [`read_list`] cannot tell.
fn merged_regions_in(xml: impl Read) -> Option<Vec<Dimensions>> {
    let mut reader = xml.take(zipxml::MAX_XML_BYTES + 1);
    let mut buf: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    // Where `buf` begins in the XML, and where its reading stands.
    let (mut base, mut at, mut place) = (0usize, 0usize, Place::Text);
    // Tags opened and not yet ended.
    let mut open = 0usize;
    loop {
        // The next chunk after what was kept; a short one is the last.
        let read = (&mut reader)
            .take(CHUNK as u64)
            .read_to_end(&mut buf)
            .ok()?;
        let at_end = read < CHUNK;
        if (base + buf.len()) as u64 > zipxml::MAX_XML_BYTES {
            return None;
        }
        loop {
            let rest = buf.get(at..).unwrap_or_default();
            match place {
                Place::Text => {
                    let Some(lt) = memchr::memchr(b'<', rest) else {
                        at = buf.len();
                        break;
                    };
                    let lt = at + lt;
                    match buf.get(lt + 1) {
                        None => {
                            at = lt;
                            break;
                        }
                        Some(b'!') => return None,
                        Some(b'?') => {
                            // Only the XML declaration, at the start (after a byte order mark).
                            if base + lt > 3 {
                                return None;
                            }
                            let end =
                                memchr::memmem::find(buf.get(lt..).unwrap_or_default(), b"?>");
                            match end {
                                Some(end) => at = lt + end + 2,
                                None if at_end => return Some(Vec::new()),
                                None => {
                                    at = lt;
                                    break;
                                }
                            }
                        }
                        Some(_) => {
                            place = Place::Tag(lt);
                            at = lt + 1;
                        }
                    }
                }
                Place::Tag(start) => {
                    let Some(found) = memchr::memchr3(b'>', b'"', b'\'', rest) else {
                        at = buf.len();
                        break;
                    };
                    let found = at + found;
                    match buf.get(found).copied() {
                        Some(b'>') => {
                            let content = buf.get(start + 1..found).unwrap_or_default();
                            if is_list_opening(content) {
                                let list = buf.split_off(start);
                                return read_list(Cursor::new(list).chain(reader));
                            }
                            // The reader keeps the tags open; an end tag with none open is
                            // an error, on which calamine gives no regions.
                            match (content.first(), content.last()) {
                                (Some(b'/'), _) => match open.checked_sub(1) {
                                    Some(fewer) => open = fewer,
                                    None => return Some(Vec::new()),
                                },
                                (_, Some(b'/')) => {}
                                _ => open += 1,
                            }
                            place = Place::Text;
                        }
                        Some(quote) => place = Place::Quoted(start, quote),
                        None => {}
                    }
                    at = found + 1;
                }
                Place::Quoted(start, quote) => {
                    let Some(found) = memchr::memchr(quote, rest) else {
                        at = buf.len();
                        break;
                    };
                    place = Place::Tag(start);
                    at = at + found + 1;
                }
            }
        }
        if at_end {
            // The XML ended before the list (or inside a tag): calamine finds none.
            return Some(Vec::new());
        }
        // Keep the tag being read (its name decides), drop what was read.
        let keep_from = match place {
            Place::Tag(start) | Place::Quoted(start, _) => start,
            Place::Text => at,
        };
        buf.drain(..keep_from);
        base += keep_from;
        at -= keep_from;
        place = match place {
            Place::Tag(start) => Place::Tag(start - keep_from),
            Place::Quoted(start, quote) => Place::Quoted(start - keep_from, quote),
            Place::Text => Place::Text,
        };
    }
}

/// The list read from its opening tag on, as calamine's `read_merge_cells` reads it: the
/// `ref` of each `mergeCell` up to the list's end; none when a reference or the XML is
/// wrong, or the XML ends first (calamine fails there, and a failure reads as no regions);
/// `None` for a reference calamine's builds read differently.
fn read_list(xml: impl Read) -> Option<Vec<Dimensions>> {
    let mut xml = xml_reader(BufReader::new(xml));
    let mut buf = Vec::new();
    match xml.read_event_into(&mut buf) {
        Ok(Event::Start(e)) if e.local_name().as_ref() == "mergeCells" => {}
        _ => return Some(Vec::new()),
    }
    let mut regions = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "mergeCell" => {
                let mut reference = None;
                for item in raw_attributes(e.attributes_raw()) {
                    match item {
                        Ok(("ref", value)) => {
                            reference = Some(value);
                            break;
                        }
                        Ok(_) => {}
                        Err(()) => return Some(Vec::new()),
                    }
                }
                if let Some(reference) = reference {
                    match dimension(reference) {
                        Reference::Region(region) => regions.push(region),
                        Reference::Refused => return Some(Vec::new()),
                        Reference::Unsure => return None,
                    }
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "mergeCells" => return Some(regions),
            // Ends without starts inside the list: calamine, reading from the document's start,
            // has the sheet's own tags open below it and may read on.
            Err(quick_xml::Error::IllFormed(
                quick_xml::errors::IllFormedError::UnmatchedEndTag(_),
            )) => return None,
            Ok(Event::Eof) | Err(_) => return Some(Vec::new()),
            _ => {}
        }
    }
}

/// How this reading takes a reference.
enum Reference {
    Region(Dimensions),
    /// calamine refuses it, and then gives no regions for the sheet.
    Refused,
    /// Numbers beyond 32 bits, or a region that ends before it begins: calamine's arithmetic
    /// on them differs between its builds (it wraps or stops), so calamine reads the sheet.
    Unsure,
}

/// A reference (`A1`, `B2:D4`) as calamine's `get_dimension` reads it.
fn dimension(text: &str) -> Reference {
    let mut parts = Vec::with_capacity(2);
    for part in text.split(':') {
        match row_column(part) {
            Ok(Some(cell)) => parts.push(cell),
            Ok(None) => return Reference::Refused,
            Err(()) => return Reference::Unsure,
        }
    }
    match parts.as_slice() {
        [one] => Reference::Region(Dimensions::new(*one, *one)),
        [start, end] if end.0 >= start.0 && end.1 >= start.1 => {
            Reference::Region(Dimensions::new(*start, *end))
        }
        [_, _] => Reference::Unsure,
        _ => Reference::Refused,
    }
}

/// A cell reference's 0-based row and column as calamine reads them (letters of either case,
/// then digits): `Ok(None)` where calamine refuses it, `Err` where a number passes 32 bits.
fn row_column(text: &str) -> Result<Option<(u32, u32)>, ()> {
    let bytes = text.as_bytes();
    let (mut col, mut row) = (0u32, 0u32);
    let push = |n: u32, base: u32, digit: u32| n.checked_mul(base)?.checked_add(digit);
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        i += 1;
        match c {
            b'A'..=b'Z' => col = push(col, 26, u32::from(c - b'A') + 1).ok_or(())?,
            b'a'..=b'z' => col = push(col, 26, u32::from(c - b'a') + 1).ok_or(())?,
            b'0'..=b'9' => {
                row = u32::from(c - b'0');
                break;
            }
            _ => return Ok(None),
        }
    }
    while let Some(&c) = bytes.get(i) {
        i += 1;
        match c {
            b'0'..=b'9' => row = push(row, 10, u32::from(c - b'0')).ok_or(())?,
            _ => return Ok(None),
        }
    }
    Ok(row.checked_sub(1).zip(col.checked_sub(1)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test stops on what it did not expect.
mod tests {
    use super::*;
    use calamine::Reader;
    use std::io::Write;

    /// A ZIP archive of deflated parts.
    fn zip(parts: &[(&str, String)]) -> Vec<u8> {
        let (mut out, mut central) = (Vec::new(), Vec::new());
        for (name, text) in parts {
            let mut crc = flate2::Crc::new();
            crc.update(text.as_bytes());
            let mut encoder =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(text.as_bytes()).unwrap();
            let packed = encoder.finish().unwrap();
            let offset = out.len() as u32;
            let sizes = [crc.sum(), packed.len() as u32, text.len() as u32];
            out.extend(0x0403_4b50u32.to_le_bytes());
            out.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
            sizes.iter().for_each(|v| out.extend(v.to_le_bytes()));
            out.extend((name.len() as u16).to_le_bytes());
            out.extend([0, 0]);
            out.extend(name.as_bytes());
            out.extend(&packed);
            central.extend(0x0201_4b50u32.to_le_bytes());
            central.extend([20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
            sizes.iter().for_each(|v| central.extend(v.to_le_bytes()));
            central.extend((name.len() as u16).to_le_bytes());
            central.extend([0; 8]);
            central.extend(0u32.to_le_bytes());
            central.extend(offset.to_le_bytes());
            central.extend(name.as_bytes());
        }
        let (at, size, count) = (out.len() as u32, central.len() as u32, parts.len() as u16);
        out.extend(central);
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0, 0, 0, 0]);
        out.extend(count.to_le_bytes());
        out.extend(count.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(at.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// A workbook of two sheets, `A & B` (the first, at a relative path) and `Two` (at an
    /// absolute path written in other letter case than the archive's entry), whose XML ends
    /// with `first_tail` and `second_tail`; the first has `padding` bytes of cells before.
    fn workbook(padding: usize, first_tail: &str, second_tail: &str) -> Vec<u8> {
        package(sheet(padding, first_tail), sheet(0, second_tail))
    }

    /// A sheet's XML: cells, padded to `padding` bytes, then `tail`.
    fn sheet(padding: usize, tail: &str) -> String {
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <worksheet xmlns=\"{MAIN}\" xmlns:x=\"{MAIN}\"><sheetData>"
        );
        let mut row = 1;
        while xml.len() + 60 < padding || row < 3 {
            xml += &format!("<row r=\"{row}\"><c r=\"A{row}\"><v>{row}</v></c></row>");
            row += 1;
        }
        xml += "</sheetData>";
        while xml.len() < padding {
            xml.push(' ');
        }
        xml + tail + "</worksheet>"
    }

    /// The workbook of [`workbook`] around the two sheets' XML.
    fn package(first: String, second: String) -> Vec<u8> {
        zip(&[
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
                 <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
                 <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                    .into(),
            ),
            (
                "_rels/.rels",
                format!(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                     <Relationship Id=\"rId1\" Type=\"{RELS}/officeDocument\" Target=\"xl/workbook.xml\"/>\
                     </Relationships>"
                ),
            ),
            (
                "xl/workbook.xml",
                format!(
                    "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{RELS}\"><sheets>\
                     <sheet name=\"A &amp; B\" sheetId=\"1\" r:id=\"rId1\"/>\
                     <sheet name=\"Two\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
                ),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                     <Relationship Id=\"rId1\" Type=\"{RELS}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
                     <Relationship Id=\"rId2\" Type=\"{RELS}/worksheet\" Target=\"/xl/worksheets/Sheet2.XML\"/>\
                     </Relationships>"
                ),
            ),
            ("xl/worksheets/sheet1.xml", first),
            ("xl/worksheets/sheet2.xml", second),
        ])
    }

    /// Each sheet's regions read here (`None` where this reading cannot tell) and by calamine.
    type Read2 = Vec<(Option<Vec<Dimensions>>, Vec<Dimensions>)>;

    fn both(bytes: &[u8]) -> Read2 {
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).expect("calamine opens it");
        let names = book.sheet_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(names, ["A & B", "Two"]);
        let paths = SheetPaths::of(bytes, &names).expect("the sheets are placed");
        names
            .iter()
            .map(|name| {
                let theirs = book.merge_cells_by_sheet_name(name).unwrap_or_default();
                (paths.merged_regions(bytes, name), theirs)
            })
            .collect()
    }

    fn region(start: (u32, u32), end: (u32, u32)) -> Dimensions {
        Dimensions::new(start, end)
    }

    #[test]
    fn the_regions_are_calamines() {
        let list = "<mergeCells count=\"3\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"d2:E3\"/>\
                    <mergeCell ref=\"B7\"></mergeCell></mergeCells>";
        let prefixed = "<x:mergeCells count=\"1\"><x:mergeCell ref=\"F1:H1\"/></x:mergeCells>";
        let read = both(&workbook(0, list, prefixed));
        let expected_first = vec![
            region((0, 0), (0, 2)),
            region((1, 3), (2, 4)),
            region((6, 1), (6, 1)),
        ];
        assert_eq!(read[0], (Some(expected_first.clone()), expected_first));
        let expected_second = vec![region((0, 5), (0, 7))];
        assert_eq!(read[1], (Some(expected_second.clone()), expected_second));
        // A list of none, no list, a tag that only begins like the list's, a reference
        // calamine refuses (it then gives none), a list the XML ends inside.
        for (tail, expected) in [
            ("<mergeCells count=\"0\"/>", vec![]),
            ("<pageMargins left=\"0.7\"/>", vec![]),
            (
                "<mergeCellsX/><mergeCells><mergeCell ref=\"A2:A3\"/></mergeCells>",
                vec![region((1, 0), (2, 0))],
            ),
            (
                "<mergeCells><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"A1:B2:C3\"/></mergeCells>",
                vec![],
            ),
            (
                "<mergeCells><mergeCell ref=\"A0:B2\"/></mergeCells>",
                vec![],
            ),
            ("<mergeCells><mergeCell ref=\"A1:B2\"/>", vec![]),
            // A quoted value holding `>` and `<` (the reader reads past both), then the list.
            (
                "<pageSetup footer=\"a>b<mergeCells><mergeCell ref='A1'/></mergeCells>\"/>\
                 <mergeCells><mergeCell ref=\"C3:D3\"/></mergeCells>",
                vec![region((2, 2), (2, 3))],
            ),
            // An end tag with no tag open before the list: the reader stops there.
            (
                "</worksheet></pageSetup><mergeCells><mergeCell ref=\"C3:D3\"/></mergeCells>",
                vec![],
            ),
        ] {
            let read = both(&workbook(0, tail, ""));
            assert_eq!(read[0], (Some(expected.clone()), expected), "{tail}");
        }
    }

    #[test]
    fn a_list_cut_between_two_reads_is_found() {
        let list = "<mergeCells count=\"1\"><mergeCell ref=\"B2:C2\"/></mergeCells>";
        let expected = vec![region((1, 1), (1, 2))];
        let prefixed = "<x:mergeCells><x:mergeCell ref=\"B2:C2\"/></x:mergeCells>";
        // The list's tag begins on each side of the first read's end, and on it.
        for tail in [list, prefixed] {
            for padding in CHUNK - 16..CHUNK + 2 {
                let read = both(&workbook(padding, tail, ""));
                let both_read = (Some(expected.clone()), expected.clone());
                assert_eq!(read[0], both_read, "{padding}: {tail}");
            }
        }
    }

    #[test]
    fn a_comment_or_instruction_before_the_list_leaves_the_sheet_to_calamine() {
        let list = "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells>";
        for before in [
            "<!-- <mergeCells><mergeCell ref=\"C1:D1\"/></mergeCells> -->",
            "<![CDATA[ <mergeCells> ]]>",
            "<?pi <mergeCells> ?>",
        ] {
            let read = both(&workbook(0, &format!("{before}{list}"), list));
            assert_eq!(read[0].0, None, "{before}");
            assert_eq!(read[0].1, vec![region((0, 0), (0, 1))]);
            // The other sheet is still read here.
            assert_eq!(read[1].0.as_ref(), Some(&read[1].1));
        }
    }

    /// Sheets whose XML was changed at random, a few bytes at a time: wherever calamine reads
    /// the cells, the regions found here, when found, are calamine's, and nothing panics.
    #[test]
    fn changed_sheets_give_calamines_regions_or_none() {
        let tail = "<pageSetup paperSize=\"9\"/><mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/>\
                    <x:mergeCell ref=\"D1:F1\"/></mergeCells><drawing r:id=\"rId1\"/>";
        let bytes = workbook(0, tail, "");
        let original = {
            let mut parts = Vec::new();
            for mut read in zipxml::entries(&bytes, |name| name == b"xl/worksheets/sheet1.xml") {
                let mut text = String::new();
                read.read_to_string(&mut text).unwrap();
                parts.push(text);
            }
            parts.pop().unwrap()
        };
        let pieces: [&[u8]; 12] = [
            b"<",
            b">",
            b"/",
            b":",
            b"\"",
            b"!",
            b"?",
            b"<!--",
            b"-->",
            b"mergeCells",
            b" ",
            b"x",
        ];
        let mut rng = fastrand::Rng::with_seed(2026);
        let (mut compared, mut found) = (0, 0);
        for _ in 0..1000 {
            let mut xml = original.clone().into_bytes();
            for _ in 0..rng.usize(1..4) {
                // Anywhere, or where the list and the tags before it are.
                let from = if rng.bool() { 0 } else { xml.len() / 2 };
                let at = rng.usize(from..xml.len());
                let piece = pieces[rng.usize(..pieces.len())];
                if rng.bool() {
                    xml.splice(at..at, piece.iter().copied());
                } else {
                    let end = (at + piece.len()).min(xml.len());
                    xml.splice(at..end, piece.iter().copied());
                }
            }
            let Ok(xml) = String::from_utf8(xml) else {
                continue;
            };
            let bytes = package(xml.clone(), sheet(0, ""));
            let Ok(mut book) = calamine::Xlsx::new(Cursor::new(&bytes[..])) else {
                continue;
            };
            // The loader asks for the regions of a sheet whose cells calamine read.
            let cells = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                book.worksheet_range("A & B").is_ok()
            }));
            if cells.ok() != Some(true) {
                continue;
            }
            // calamine's debug build stops on some references (its release build wraps); the
            // loader reads that as no regions.
            let theirs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                book.merge_cells_by_sheet_name("A & B").unwrap_or_default()
            }))
            .unwrap_or_default();
            let paths = SheetPaths::of(&bytes, &["A & B", "Two"]).unwrap();
            compared += 1;
            if let Some(ours) = paths.merged_regions(&bytes, "A & B") {
                found += 1;
                assert_eq!(ours, theirs, "{xml}");
            }
        }
        assert!(
            compared > 200 && found > 100,
            "{compared} compared, {found} found here"
        );
    }

    #[test]
    fn sheets_that_are_not_calamines_are_not_placed() {
        let bytes = workbook(0, "", "");
        assert!(SheetPaths::of(&bytes, &["A & B", "Two"]).is_some());
        assert!(SheetPaths::of(&bytes, &["A &amp; B", "Two"]).is_none());
        assert!(SheetPaths::of(&bytes, &["Two", "A & B"]).is_none());
        assert!(SheetPaths::of(&bytes, &["A & B"]).is_none());
        assert!(SheetPaths::of(b"not a zip", &[]).is_none());
    }
}
