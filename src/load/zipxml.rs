//! Reading the XML inside a ZIP archive (xlsx, ods) without an XML library: the entries of the
//! archive, and the tags of an XML stream, for the checks made before calamine opens a workbook.

use flate2::read::DeflateDecoder;
use std::io::Read;

/// The most an XML part is inflated to; a workbook of a country's tables takes a few MB.
pub const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;
/// The longest tag read whole; a cell's tag with a long formula takes a few KB.
pub const MAX_TAG_BYTES: usize = 1024 * 1024;

/// XML that is not read: larger than [`MAX_XML_BYTES`], or with a tag longer than
/// [`MAX_TAG_BYTES`]. The words complete "expected …, found".
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum XmlError {
    #[error(
        "it holds XML that inflates to more than {} MB, more than migreview reads",
        MAX_XML_BYTES / (1024 * 1024)
    )]
    TooLarge,
    #[error("it holds XML with a tag longer than {} KB", MAX_TAG_BYTES / 1024)]
    LongTag,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    let slice = bytes.get(at..at.checked_add(2)?)?;
    slice
        .try_into()
        .ok()
        .map(|b| usize::from(u16::from_le_bytes(b)))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    slice
        .try_into()
        .ok()
        .map(|b| u32::from_le_bytes(b) as usize)
}

/// The entries of a ZIP archive whose names `wanted` picks, read from its central directory:
/// their contents, inflated as they are read.
pub fn entries<'a>(bytes: &'a [u8], wanted: impl Fn(&[u8]) -> bool) -> Vec<Box<dyn Read + 'a>> {
    let mut found = Vec::new();
    // The end-of-central-directory record, in the last 64 KB.
    let floor = bytes.len().saturating_sub(22 + 65_535);
    let Some(end) = (floor..bytes.len().saturating_sub(21))
        .rev()
        .find(|at| bytes.get(*at..*at + 4) == Some(&[0x50, 0x4B, 0x05, 0x06][..]))
    else {
        return found;
    };
    let (Some(entries), Some(mut at)) = (u16_at(bytes, end + 10), u32_at(bytes, end + 16)) else {
        return found;
    };
    for _ in 0..entries {
        if bytes.get(at..at + 4) != Some(&[0x50, 0x4B, 0x01, 0x02][..]) {
            break;
        }
        let (Some(method), Some(size), Some(name_len), Some(extra), Some(comment), Some(local)) = (
            u16_at(bytes, at + 10),
            u32_at(bytes, at + 20),
            u16_at(bytes, at + 28),
            u16_at(bytes, at + 30),
            u16_at(bytes, at + 32),
            u32_at(bytes, at + 42),
        ) else {
            break;
        };
        if bytes.get(at + 46..at + 46 + name_len).is_some_and(&wanted) {
            let data = (|| {
                let local_name = u16_at(bytes, local + 26)?;
                let local_extra = u16_at(bytes, local + 28)?;
                bytes.get(local + 30 + local_name + local_extra..)
            })();
            match (method, data) {
                (0, Some(data)) => {
                    found.push(Box::new(data.get(..size).unwrap_or(data)) as Box<dyn Read>)
                }
                (8, Some(data)) => found.push(Box::new(DeflateDecoder::new(data))),
                _ => {}
            }
        }
        at += 46 + name_len + extra + comment;
    }
    found
}

/// Reads the tags of an XML stream, each without its `<` and `>`, until `tag` returns false:
/// comments, CDATA and processing instructions are passed over, quotes are honoured. `Err`
/// when the XML is larger than [`MAX_XML_BYTES`] or a tag longer than [`MAX_TAG_BYTES`].
pub fn scan(xml: impl Read, mut tag_seen: impl FnMut(&[u8]) -> bool) -> Result<(), XmlError> {
    enum State {
        Text,
        Tag,
        Quoted(u8),
        Skip(&'static [u8]),
    }
    let mut state = State::Text;
    let mut tag: Vec<u8> = Vec::new();
    let mut seen = 0u64;
    let mut reader = std::io::BufReader::new(xml.take(MAX_XML_BYTES + 1));
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        seen += n as u64;
        if seen > MAX_XML_BYTES {
            return Err(XmlError::TooLarge);
        }
        for &byte in chunk.get(..n).unwrap_or(&[]) {
            match state {
                State::Text => {
                    if byte == b'<' {
                        tag.clear();
                        state = State::Tag;
                    }
                }
                State::Tag | State::Quoted(_) => {
                    if let State::Quoted(quote) = state {
                        if byte == quote {
                            state = State::Tag;
                        }
                    } else if byte == b'>' {
                        if !tag_seen(&tag) {
                            return Ok(());
                        }
                        state = State::Text;
                        continue;
                    } else if byte == b'"' || byte == b'\'' {
                        state = State::Quoted(byte);
                    }
                    if tag.len() >= MAX_TAG_BYTES {
                        return Err(XmlError::LongTag);
                    }
                    tag.push(byte);
                    let skip: Option<&'static [u8]> = match tag.as_slice() {
                        b"!--" => Some(b"-->"),
                        b"![CDATA[" => Some(b"]]>"),
                        b"?" => Some(b"?>"),
                        _ => None,
                    };
                    if let Some(end) = skip {
                        tag.clear();
                        state = State::Skip(end);
                    }
                }
                State::Skip(end) => {
                    tag.push(byte);
                    if tag.ends_with(end) {
                        state = State::Text;
                    } else if tag.len() > end.len() {
                        tag.remove(0);
                    }
                }
            }
        }
    }
    Ok(())
}

fn trim(mut rest: &[u8]) -> &[u8] {
    while let Some((first, tail)) = rest.split_first() {
        if !first.is_ascii_whitespace() {
            break;
        }
        rest = tail;
    }
    rest
}

/// The raw value of the attribute `name` in a tag read by [`scan`], `None` when absent.
pub fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut from = 0;
    while let Some(found) = tag
        .get(from..)
        .and_then(|rest| rest.windows(name.len()).position(|w| w == name))
    {
        let at = from + found;
        from = at + 1;
        // The name must stand alone, not end another (`xtable:…`).
        if at > 0 && !tag.get(at - 1).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        let rest = trim(tag.get(at + name.len()..).unwrap_or(&[]));
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim(rest);
        let Some((&quote, value)) = rest.split_first() else {
            continue;
        };
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        return value.split(|b| *b == quote).next();
    }
    None
}

/// A count written as plain digits (an optional `+` before them), saturating; `None` for
/// anything else.
pub fn number(value: &[u8]) -> Option<u64> {
    let digits = value.strip_prefix(b"+").unwrap_or(value);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// The name of an opening tag read by [`scan`] without its namespace prefix (`x:sst` → `sst`);
/// empty for a closing tag.
pub fn local_name(tag: &[u8]) -> &[u8] {
    let name = tag
        .split(|b| b.is_ascii_whitespace() || *b == b'/')
        .next()
        .unwrap_or(&[]);
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_past_comments_and_quotes() {
        let xml = br#"<?xml version="1.0"?><!-- <x:sst uniqueCount="9"> --><x:sst a="1 > 2"
            uniqueCount = '42'><si/></x:sst>"#;
        let mut seen = Vec::new();
        let scanned = scan(&xml[..], |tag| {
            seen.push((
                local_name(tag).to_vec(),
                attribute(tag, b"uniqueCount").map(<[u8]>::to_vec),
            ));
            true
        });
        assert!(scanned.is_ok());
        assert_eq!(
            seen,
            vec![
                (b"sst".to_vec(), Some(b"42".to_vec())),
                (b"si".to_vec(), None),
                (Vec::new(), None)
            ]
        );
        assert_eq!(number(b"+12"), Some(12));
        assert_eq!(number(b"1e9"), None);
    }
}
