//! Text inputs: decoding (BOM, UTF-16, Windows-1251, KOI8-R, Windows-1252), delimiter
//! detection, and the choice of a text layout.

use super::options::Layout;
use super::{LoadError, Reading, eurostat, long, sdmx};
use encoding_rs::Encoding;
use std::borrow::Cow;
use std::path::Path;

/// Text decoded to UTF-8, with the encoding that was used.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
}

/// Whether the bytes look like binary data rather than text: NUL bytes (outside UTF-16) or many
/// control characters in the first kilobytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if utf16_without_bom(bytes).is_some() {
        return false;
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
        .count();
    controls * 100 > head.len().max(1) || head.contains(&0)
}

/// UTF-16 saved without a byte-order mark, told by its NUL bytes: text has none but the high
/// bytes of ASCII characters in UTF-16, which all sit at odd offsets (little-endian) or all at
/// even ones (big-endian). Binary data has NULs at both.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    const SAMPLE: usize = 8192;
    const LEAST_NULS: usize = 4;
    let head = bytes
        .get(..bytes.len().min(SAMPLE) & !1)
        .unwrap_or_default();
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, byte) in head.iter().enumerate() {
        if *byte == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // Every character of ASCII-only UTF-16 has a NUL: at least one in eight is asked for.
    let enough = |nuls: usize| nuls >= LEAST_NULS && nuls * 8 >= head.len() / 2;
    if enough(odd) && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if enough(even) && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// An encoding the user chose that is not known by that name.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("unknown encoding {0:?}")]
pub struct UnknownEncoding(pub String);

/// Decodes text: the encoding the user chose, else a BOM, else UTF-16 without one, else UTF-8
/// when valid, else the encoding `chardetng` guesses (Windows-1251, KOI8-R, Windows-1252…).
pub fn decode<'a>(bytes: &'a [u8], chosen: Option<&str>) -> Result<Decoded<'a>, UnknownEncoding> {
    if let Some(label) = chosen {
        let encoding = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| UnknownEncoding(label.to_string()))?;
        let (text, _, _) = encoding.decode(bytes);
        return Ok(Decoded { text, encoding });
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        return Ok(Decoded { text, encoding });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        return Ok(Decoded { text, encoding });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: encoding_rs::UTF_8,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = bytes.get(..1 << 20).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let encoding = refine_cyrillic_guess(bytes, guess);
    let (text, _, _) = encoding.decode(bytes);
    Ok(Decoded { text, encoding })
}

/// chardetng may mistake KOI8-R for Windows-1251 (or KOI8-U, or the reverse) on short texts;
/// decide by which decoding gives more lower-case Cyrillic letters, as Russian text is mostly
/// lower case. KOI8-U differs from KOI8-R only in Ukrainian letters, so Russian files get KOI8-R.
fn refine_cyrillic_guess(bytes: &[u8], guess: &'static Encoding) -> &'static Encoding {
    let candidates = [
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::KOI8_U,
        encoding_rs::IBM866,
    ];
    if !candidates.contains(&guess) {
        return guess;
    }
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    let score = |encoding: &'static Encoding| {
        let (text, _, _) = encoding.decode(sample);
        text.chars()
            .filter(|c| ('а'..='я').contains(c) || *c == 'ё')
            .count() as i64
            - text.chars().filter(|c| ('А'..='Я').contains(c)).count() as i64
    };
    if score(encoding_rs::KOI8_R) > score(encoding_rs::WINDOWS_1251) {
        encoding_rs::KOI8_R
    } else {
        encoding_rs::WINDOWS_1251
    }
}

/// The lines of a text, whichever line ends it has: `\n`, `\r\n` or a lone `\r` (old Mac
/// files). The `\r\n` pair also yields an empty line between the two, which callers that look
/// for lines with content skip.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r'])
}

/// Picks the delimiter that splits the first lines into the most consistent number of fields.
pub fn detect_delimiter(text: &str, path: &Path) -> char {
    let lines: Vec<&str> = lines(text)
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (',', 0usize);
    for delimiter in [',', ';', '\t', '|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_fields(l, delimiter)).collect();
        let Some(&first) = counts.iter().max() else {
            continue;
        };
        if first < 2 {
            continue;
        }
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let score = consistent * 1000 + first;
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    if best.1 == 0 {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        return if extension == "tsv" { '\t' } else { ',' };
    }
    best.0
}

fn count_fields(line: &str, delimiter: char) -> usize {
    let mut in_quotes = false;
    let mut fields = 1;
    for ch in line.chars() {
        if ch == '"' {
            in_quotes = !in_quotes;
        } else if ch == delimiter && !in_quotes {
            fields += 1;
        }
    }
    fields
}

/// Whether the bytes look like text (the opposite of [`looks_binary`]).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    !looks_binary(bytes)
}

/// The text layouts, told apart by the header: Eurostat's bulk layout (a `…\TIME_PERIOD` first
/// cell, or `geo` followed by years), SDMX-CSV (a `DATAFLOW` or `STRUCTURE` column with
/// `OBS_VALUE`), else the long layout.
pub fn detect_layout(text: &str, delimiter: char) -> Layout {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records().take(5) {
        let Ok(record) = record else {
            break;
        };
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if eurostat::is_bulk_header(&cells) {
            return Layout::EurostatBulk;
        }
        if sdmx::is_sdmx_header(&cells) {
            return Layout::SdmxCsv;
        }
        break;
    }
    Layout::LongCsv
}

/// The delimiter of a bulk file: a tab when the header line holds one (the dimension codes in
/// its first cell are separated by commas), else the one detected.
fn bulk_delimiter(text: &str, path: &Path) -> Option<char> {
    let first = lines(text).find(|l| !l.trim().is_empty())?;
    let lower = first.to_lowercase();
    if !(lower.contains("\\time") || lower.contains("\\time_period")) {
        return None;
    }
    Some(if first.contains('\t') {
        '\t'
    } else {
        detect_delimiter(text, path)
    })
}

/// Decodes a text file (after any decompression) and loads it in the layout detected or chosen.
pub fn load_text(bytes: &[u8], reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    if looks_binary(bytes) {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: "expected a text file (CSV, TSV) or a workbook (.xlsx, .xls, .ods)".into(),
            found: "binary data".into(),
        });
    }
    let decoded = decode(bytes, options.encoding.as_deref()).map_err(|e| LoadError::Io {
        path: shown.clone(),
        detail: e.to_string(),
    })?;
    report.encoding = Some(decoded.encoding.name().to_string());
    // A text borrowed from the bytes was valid as it is: no byte of it was replaced.
    if matches!(decoded.text, Cow::Owned(_))
        && decoded.text.contains('\u{fffd}')
        && !std::str::from_utf8(bytes).is_ok_and(|t| t.contains('\u{fffd}'))
    {
        report.confident = false;
        report.messages.push(format!(
            "some bytes are not valid {}: check the encoding",
            decoded.encoding.name()
        ));
    }
    load_decoded(
        &decoded.text,
        Reading {
            path,
            options,
            control,
            dataset,
            file,
            report,
        },
    )
}

/// The longest first line (the header row) a text file may have.
pub const MAX_HEADER_BYTES: usize = 1 << 20;

/// Loads decoded text in the layout detected or chosen.
pub fn load_decoded(text: &str, reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: shown });
    }
    // The header is looked at whole by every reader: a first line of megabytes is no header.
    let first_line = text
        .bytes()
        .take(MAX_HEADER_BYTES + 1)
        .position(|b| b == b'\n' || b == b'\r')
        .unwrap_or(text.len().min(MAX_HEADER_BYTES + 1));
    if first_line > MAX_HEADER_BYTES {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: format!(
                "expected a first line of column names (at most {})",
                super::container::format_bytes(MAX_HEADER_BYTES as u64)
            ),
            found: format!(
                "a first line longer than that, in a file of {}: not a table of rows",
                super::container::format_bytes(text.len() as u64)
            ),
        });
    }
    if let Some(chosen) = options.delimiter
        && super::options::check_delimiter(chosen).is_err()
    {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: "expected the delimiter of the import options to be one of , ; tab |".into(),
            found: format!(
                "{chosen:?}; choose one of those, or leave the delimiter out to have it detected"
            ),
        });
    }
    let delimiter = options
        .delimiter
        .or_else(|| bulk_delimiter(text, path))
        .unwrap_or_else(|| detect_delimiter(text, path));
    let layout = match options.layout {
        Some(layout @ (Layout::LongCsv | Layout::EurostatBulk | Layout::SdmxCsv)) => layout,
        Some(other) => {
            return Err(LoadError::Unrecognised {
                path: shown,
                expected: format!("expected a workbook for the chosen layout {other}"),
                found: "a text file".into(),
            });
        }
        None => detect_layout(text, delimiter),
    };
    report.layout = layout;
    report.delimiter = Some(delimiter);
    control.add_total(text.len() as u64);
    let reading = Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    };
    match layout {
        Layout::EurostatBulk => eurostat::load_bulk(text, delimiter, reading),
        Layout::SdmxCsv => sdmx::load_sdmx(text, delimiter, reading),
        _ => long::load_long_text(text, delimiter, reading),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_encodings_are_recognised() {
        let russian = "Страна;Год;Значение\nКазахстан;2010;12 345\nРоссийская Федерация;2011;7\n";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        let decoded = decode(&cp1251, None).map(|d| (d.encoding.name(), d.text.into_owned()));
        assert_eq!(decoded, Ok(("windows-1251", russian.to_string())));
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(russian);
        let decoded = decode(&koi8, None).map(|d| d.encoding.name());
        assert_eq!(decoded, Ok("KOI8-R"));
    }

    #[test]
    fn delimiters_are_detected() {
        let p = Path::new("x.csv");
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n", p), ';');
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n", p), ',');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n", p), '\t');
        assert_eq!(detect_delimiter("a|b\n1|2\n", p), '|');
        assert_eq!(detect_delimiter("a;b\n\"1,5\";2\n", p), ';');
    }

    #[test]
    fn binary_is_not_text() {
        assert!(looks_binary(&[0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]));
        assert!(!looks_binary(b"table,reporter\n3,KAZ\n"));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_text() {
        let text = "таблица;страна\n3;KAZ\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            assert!(!looks_binary(&bytes), "{name}");
            let decoded = decode(&bytes, None).map(|d| (d.encoding.name(), d.text.into_owned()));
            assert_eq!(decoded, Ok((name, text.to_string())));
        }
        // NULs at both offsets are binary data.
        assert_eq!(utf16_without_bom(&[0, 1, 0, 0, 2, 0, 0, 0, 3, 0]), None);
    }
}
