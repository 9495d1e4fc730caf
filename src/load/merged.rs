//! An xlsx sheet's merged regions, found without parsing its cells a second time.
//!
//! calamine gives a sheet's merged regions by parsing the sheet's whole XML up to its
//! `<mergeCells>` list, which Excel writes after the cells: for a sheet of many cells, as much
//! work again as reading them. Here the sheet's XML is inflated and searched for the opening
//! tag of that list with a byte search, and only the list is parsed, with calamine's XML reader
//! and its rules (`docs/formats.md#clearinghouse-workbook`). The results are calamine's: where
//! this reading cannot be sure of that (a comment, CDATA or processing instruction before the
//! list, a package whose parts it cannot place as calamine does) it answers `None` and calamine
//! reads the sheet.

use super::zipxml;
use calamine::Dimensions;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

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

/// The folder and name of the workbook part, from the package's relationships.
fn office_document(bytes: &[u8]) -> Option<(String, String)> {
    let mut xml = xml_reader(BufReader::new(part(bytes, "_rels/.rels")?));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Relationships" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    let mut target = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let [kind, to] = attributes(e.attributes_raw(), ["Type", "Target"])?;
                if kind.is_some_and(|t| t.ends_with("/relationships/officeDocument"))
                    && let Some(to) = to
                {
                    target = Some(decoded(to)?);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
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
    let mut xml = xml_reader(BufReader::new(part(bytes, path)?));
    let mut found = HashMap::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
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
            Event::End(e) if e.local_name().as_ref() == "Relationships" => return Some(found),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The workbook's sheets in order: name and part path.
fn sheets(
    bytes: &[u8],
    xl_path: &str,
    workbook_name: &str,
    relationships: &HashMap<String, (String, String)>,
) -> Option<Vec<(String, String)>> {
    let mut xml = xml_reader(BufReader::new(part(
        bytes,
        &format!("{xl_path}{workbook_name}"),
    )?));
    let mut found = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
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
            Event::End(e) if e.local_name().as_ref() == "workbook" => return Some(found),
            Event::Eof => return Some(found),
            _ => {}
        }
    }
}

/// Bytes read from the sheet at a time.
const CHUNK: usize = 256 * 1024;
/// Bytes kept from one chunk to the next, so that a tag cut between them is seen whole.
const KEEP: usize = 64;
/// The longest namespace prefix looked back over (`x:` in `<x:mergeCells>`).
const MAX_PREFIX: usize = 32;
const LIST: &[u8] = b"mergeCells";

/// What a byte search found at a `mergeCells`.
enum Found {
    /// The opening tag of the list, beginning at this position.
    Opening(usize),
    Not,
    /// Too close to the end of what was read to tell.
    Undecided,
}

/// Whether the `mergeCells` at `at` of `buf` is the name of an opening tag: `<` and an
/// optional prefix before it, a space, `/` or `>` after it.
fn opening_at(buf: &[u8], at: usize, at_end: bool) -> Found {
    match buf.get(at + LIST.len()) {
        None if at_end => return Found::Not,
        None => return Found::Undecided,
        Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>') => {}
        Some(_) => return Found::Not,
    }
    match at.checked_sub(1).and_then(|i| buf.get(i)) {
        Some(b'<') => Found::Opening(at - 1),
        Some(b':') => {
            let floor = at.saturating_sub(MAX_PREFIX + 2);
            let mut i = at - 1;
            while i > floor {
                i -= 1;
                match buf.get(i) {
                    Some(b'<') => return Found::Opening(i),
                    Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/' | b':' | b'"')
                    | Some(b'\'')
                    | None => return Found::Not,
                    Some(_) => {}
                }
            }
            Found::Not
        }
        _ => Found::Not,
    }
}

/// The merged regions of a sheet's XML, as calamine reads them; `None` when a comment, CDATA
/// or processing instruction (other than the declaration at the start) comes before the list,
/// or the XML is larger than [`zipxml::MAX_XML_BYTES`].
fn merged_regions_in(xml: impl Read) -> Option<Vec<Dimensions>> {
    let list = memchr::memmem::Finder::new(LIST);
    let markup = memchr::memmem::Finder::new(b"<!");
    let instruction = memchr::memmem::Finder::new(b"<?");
    let mut reader = xml.take(zipxml::MAX_XML_BYTES + 1);
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + KEEP);
    // Where `buf` begins in the XML.
    let mut base = 0usize;
    loop {
        let kept = buf.len();
        buf.resize(kept + CHUNK, 0);
        let mut filled = kept;
        while filled < buf.len() {
            match reader.read(buf.get_mut(filled..).unwrap_or_default()) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        buf.truncate(filled);
        let at_end = filled < kept + CHUNK;
        if (base + buf.len()) as u64 > zipxml::MAX_XML_BYTES {
            return None;
        }
        // The search runs over what was kept as well: what is found there again was found
        // undecided or not a tag before.
        let first_list = list
            .find_iter(&buf)
            .find_map(|at| match opening_at(&buf, at, at_end) {
                Found::Opening(start) => Some(Some(start)),
                Found::Undecided => Some(None),
                Found::Not => None,
            });
        let limit = match first_list {
            Some(Some(start)) => start,
            _ => buf.len(),
        };
        let before = buf.get(..limit).unwrap_or_default();
        if markup.find(before).is_some() || instruction.find_iter(before).any(|at| base + at > 3) {
            return None;
        }
        if let Some(Some(start)) = first_list {
            let rest = buf.split_off(start);
            return Some(read_list(Cursor::new(rest).chain(reader)));
        }
        if at_end {
            return Some(Vec::new());
        }
        let drop = buf.len().saturating_sub(KEEP);
        buf.drain(..drop);
        base += drop;
    }
}

/// The list read from its opening tag on, as calamine's `read_merge_cells` reads it: the
/// `ref` of each `mergeCell` up to the list's end; none when a reference or the XML is
/// wrong, or the XML ends first (calamine fails there, and a failure reads as no regions).
fn read_list(xml: impl Read) -> Vec<Dimensions> {
    let mut xml = xml_reader(BufReader::new(xml));
    let mut buf = Vec::new();
    match xml.read_event_into(&mut buf) {
        Ok(Event::Start(e)) if e.local_name().as_ref() == "mergeCells" => {}
        _ => return Vec::new(),
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
                        Err(()) => return Vec::new(),
                    }
                }
                if let Some(reference) = reference {
                    match dimension(reference) {
                        Some(region) => regions.push(region),
                        None => return Vec::new(),
                    }
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "mergeCells" => return regions,
            Ok(Event::Eof) | Err(_) => return Vec::new(),
            _ => {}
        }
    }
}

/// A reference (`A1`, `B2:D4`) as calamine's `get_dimension` reads it; `None` where it fails.
fn dimension(text: &str) -> Option<Dimensions> {
    let parts: Vec<(u32, u32)> = text.split(':').map(row_column).collect::<Option<_>>()?;
    match parts.as_slice() {
        [one] => Some(Dimensions::new(*one, *one)),
        [start, end] => Some(Dimensions::new(*start, *end)),
        _ => None,
    }
}

/// A cell reference's 0-based row and column as calamine reads them (letters of either case,
/// then digits; arithmetic wrapping as in calamine's release build).
fn row_column(text: &str) -> Option<(u32, u32)> {
    let bytes = text.as_bytes();
    let (mut col, mut row) = (0u32, 0u32);
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        i += 1;
        match c {
            b'A'..=b'Z' => col = col.wrapping_mul(26).wrapping_add(u32::from(c - b'A') + 1),
            b'a'..=b'z' => col = col.wrapping_mul(26).wrapping_add(u32::from(c - b'a') + 1),
            b'0'..=b'9' => {
                row = u32::from(c - b'0');
                break;
            }
            _ => return None,
        }
    }
    while let Some(&c) = bytes.get(i) {
        i += 1;
        match c {
            b'0'..=b'9' => row = row.wrapping_mul(10).wrapping_add(u32::from(c - b'0')),
            _ => return None,
        }
    }
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
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
        let sheet = |padding: usize, tail: &str| {
            let mut xml = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
                 <worksheet xmlns=\"{MAIN}\" xmlns:x=\"{MAIN}\"><sheetData>"
            );
            let mut row = 1;
            while xml.len() + 60 < padding {
                xml += &format!("<row r=\"{row}\"><c r=\"A{row}\"><v>{row}</v></c></row>");
                row += 1;
            }
            xml += "</sheetData>";
            while xml.len() < padding {
                xml.push(' ');
            }
            xml + tail + "</worksheet>"
        };
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
            ("xl/worksheets/sheet1.xml", sheet(padding, first_tail)),
            ("xl/worksheets/sheet2.xml", sheet(0, second_tail)),
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
        ] {
            let read = both(&workbook(0, tail, ""));
            assert_eq!(read[0], (Some(expected.clone()), expected), "{tail}");
        }
    }

    #[test]
    fn a_list_cut_between_two_reads_is_found() {
        let list = "<mergeCells count=\"1\"><mergeCell ref=\"B2:C2\"/></mergeCells>";
        let expected = vec![region((1, 1), (1, 2))];
        // The list's tag begins on each side of the first read's end, and on it.
        for padding in CHUNK - 14..CHUNK + 2 {
            let read = both(&workbook(padding, list, ""));
            assert_eq!(
                read[0],
                (Some(expected.clone()), expected.clone()),
                "{padding}"
            );
        }
        let prefixed = "<x:mergeCells><x:mergeCell ref=\"B2:C2\"/></x:mergeCells>";
        for padding in CHUNK - 16..CHUNK + 2 {
            let read = both(&workbook(padding, prefixed, ""));
            assert_eq!(
                read[0],
                (Some(expected.clone()), expected.clone()),
                "{padding}"
            );
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
