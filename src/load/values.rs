//! Reading value cells: numbers in the ways offices write them, missing markers, and flags.

use crate::model::Missing;

/// What a value cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    Number(f64),
    Missing(Missing),
    /// Text that is neither a number nor a missing marker.
    Text(String),
}

/// A value cell read into its value and flag (`49898 b` → 49898 and `b`; `: c` → confidential).
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedCell {
    pub value: CellValue,
    pub flag: String,
}

/// How thousands separators and decimal points are written in a file, decided from its cells.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// `1234.5`, `1,234` where a comma is followed by exactly three digits in every cell.
    #[default]
    PointDecimal,
    /// `1234,5`, `1.234` (continental style).
    CommaDecimal,
}

/// The markers that mean "no value" (`docs/formats.md#value-cells`).
pub fn missing_marker(text: &str) -> Option<Missing> {
    match text {
        "" => Some(Missing::Empty),
        ".." | "..." | "…" | ":" | "n/a" | "N/A" | "NA" | "na" | "н/д" | "Н/Д" | "nan" | "NaN" => {
            Some(Missing::NotAvailable)
        }
        "-" | "–" | "—" | "x" | "X" | "х" | "Х" => Some(Missing::NotApplicable),
        _ => None,
    }
}

const FLAG_LETTERS: &str = "bcdefimnpsuzBCDEFIMNPSUZ";

fn is_flag_text(text: &str) -> bool {
    !text.is_empty() && text.len() <= 4 && text.chars().all(|c| FLAG_LETTERS.contains(c))
}

/// Reads a value cell, which may carry a flag after the number (`1234 e`, `1234e`, `: c`).
pub fn parse_cell(raw: &str, style: NumberStyle) -> ParsedCell {
    let text = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if let Some(missing) = missing_marker(text) {
        return ParsedCell {
            value: CellValue::Missing(missing),
            flag: String::new(),
        };
    }
    if let Some(number) = parse_number(text, style) {
        return ParsedCell {
            value: CellValue::Number(number),
            flag: String::new(),
        };
    }
    // `-inf`, `+Infinity`, `−nan`: a program's word for a number that is none, not a marker
    // (`-`) followed by the flags i, n, f.
    let word = text.trim_start_matches(['-', '+', '−']).trim_start();
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
    {
        return ParsedCell {
            value: CellValue::Text(text.to_string()),
            flag: String::new(),
        };
    }
    // Value followed by a flag: "49898 b", "1234e", ": c", "0n".
    let split_at = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| FLAG_LETTERS.contains(*c))
        .last()
        .map(|(i, _)| i);
    if let Some(at) = split_at {
        let (head, flag) = text.split_at(at);
        let head = head.trim_end();
        // A flag alone is one letter (`c`: confidential); `inf` or `nan` are words, not flags.
        let alone_ok = !head.is_empty() || flag.chars().count() == 1;
        if alone_ok && is_flag_text(flag) {
            let flag = flag.to_lowercase();
            if let Some(missing) = missing_marker(head) {
                let missing = if flag.contains('c') {
                    Missing::Confidential
                } else {
                    missing
                };
                return ParsedCell {
                    value: CellValue::Missing(missing),
                    flag,
                };
            }
            if let Some(number) = parse_number(head, style) {
                return ParsedCell {
                    value: CellValue::Number(number),
                    flag,
                };
            }
        }
    }
    ParsedCell {
        value: CellValue::Text(text.to_string()),
        flag: String::new(),
    }
}

/// Reads a number written as `12345`, `12 345` (space, no-break or narrow no-break space),
/// `12,345` / `1234.5` (point style), `12.345` / `1234,5` (comma style), `1.5e3`, `-12`, `−12`.
pub fn parse_number(text: &str, style: NumberStyle) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let first = text.chars().next()?;
    if !(first.is_ascii_digit() || matches!(first, '-' | '−' | '+' | '.' | ',')) {
        return None;
    }
    let plain = style == NumberStyle::PointDecimal || !text.contains('.');
    if let Some(n) = plain.then(|| text.parse::<f64>().ok()).flatten() {
        if n.is_finite() && !text.contains(['i', 'I', 'n', 'N']) {
            return Some(n);
        }
        return None;
    }
    let mut cleaned = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' => {}
            '−' => cleaned.push('-'),
            _ => cleaned.push(ch),
        }
    }
    let normalised = match style {
        NumberStyle::PointDecimal => {
            if has_grouping(&cleaned, ',') {
                cleaned.replace(',', "")
            } else if !cleaned.contains('.') && cleaned.matches(',').count() == 1 {
                // A lone comma that is not thousands grouping is a decimal comma.
                cleaned.replace(',', ".")
            } else {
                cleaned
            }
        }
        NumberStyle::CommaDecimal => {
            if has_grouping(&cleaned, '.') {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned.replace(',', ".")
            }
        }
    };
    let n: f64 = normalised.parse().ok()?;
    n.is_finite().then_some(n)
}

/// Whether `sep` groups thousands: every group after the first has three digits.
fn has_grouping(text: &str, sep: char) -> bool {
    if !text.contains(sep) {
        return false;
    }
    let digits = text.trim_start_matches(['-', '+']);
    let integer = match sep {
        ',' => digits.split('.').next().unwrap_or(""),
        _ => digits.split(',').next().unwrap_or(""),
    };
    let mut parts = integer.split(sep);
    let Some(head) = parts.next() else {
        return false;
    };
    if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut any = false;
    for part in parts {
        if part.len() != 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        any = true;
    }
    any
}

/// Decides the number style of a file from a sample of its value cells: comma style when a
/// comma is used as a decimal separator (`1234,5`) or a point groups thousands (`1.234.567`).
pub fn detect_number_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    let mut comma_decimal = 0usize;
    let mut point_decimal = 0usize;
    for cell in cells {
        let t = cell.trim();
        // Only numbers are evidence: `..` is a missing marker, not two decimal points.
        let starts_like_a_number = t
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '−'));
        if !starts_like_a_number || missing_marker(t).is_some() {
            continue;
        }
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let commas = compact.matches(',').count();
        let points = compact.matches('.').count();
        if commas == 1 && points == 0 {
            let after = compact.rsplit(',').next().unwrap_or("");
            if after.len() != 3 {
                comma_decimal += 1;
            }
        } else if points == 1 && commas == 0 {
            let after = compact.rsplit('.').next().unwrap_or("");
            if after.len() != 3 {
                point_decimal += 1;
            }
        } else if points > 1 && commas <= 1 {
            comma_decimal += 1;
        } else if commas > 1 && points <= 1 {
            point_decimal += 1;
        } else if commas == 1 && points == 1 {
            if compact.find(',') > compact.find('.') {
                comma_decimal += 1;
            } else {
                point_decimal += 1;
            }
        }
    }
    if comma_decimal > point_decimal {
        NumberStyle::CommaDecimal
    } else {
        NumberStyle::PointDecimal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Option<f64> {
        parse_number(text, NumberStyle::PointDecimal)
    }

    #[test]
    fn numbers_as_offices_write_them() {
        assert_eq!(number("12345"), Some(12345.0));
        assert_eq!(number("12 345"), Some(12345.0));
        assert_eq!(number("12\u{a0}345"), Some(12345.0));
        assert_eq!(number("12\u{202f}345"), Some(12345.0));
        assert_eq!(number("12,345"), Some(12345.0));
        assert_eq!(number("1,234,567"), Some(1234567.0));
        assert_eq!(number("1234,5"), Some(1234.5));
        assert_eq!(number("1.5e3"), Some(1500.0));
        assert_eq!(number("−12"), Some(-12.0));
        assert_eq!(number("0"), Some(0.0));
        assert_eq!(number("abc"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
        assert_eq!(
            parse_number("12.345", NumberStyle::CommaDecimal),
            Some(12345.0)
        );
        assert_eq!(
            parse_number("1.234,5", NumberStyle::CommaDecimal),
            Some(1234.5)
        );
        assert_eq!(
            parse_number("1234,5", NumberStyle::CommaDecimal),
            Some(1234.5)
        );
    }

    #[test]
    fn values_with_flags_and_missing_markers() {
        let cell = |t: &str| parse_cell(t, NumberStyle::PointDecimal);
        assert_eq!(cell("49898 b").value, CellValue::Number(49898.0));
        assert_eq!(cell("49898 b").flag, "b");
        assert_eq!(cell("1234e").flag, "e");
        assert_eq!(cell("14103 bp").flag, "bp");
        assert_eq!(cell("72862 b").value, CellValue::Number(72862.0));
        assert_eq!(cell(": c").value, CellValue::Missing(Missing::Confidential));
        assert_eq!(cell(": ").value, CellValue::Missing(Missing::NotAvailable));
        assert_eq!(cell("").value, CellValue::Missing(Missing::Empty));
        assert_eq!(cell("..").value, CellValue::Missing(Missing::NotAvailable));
        assert_eq!(cell("н/д").value, CellValue::Missing(Missing::NotAvailable));
        assert_eq!(cell("-").value, CellValue::Missing(Missing::NotApplicable));
        assert_eq!(cell("0").value, CellValue::Number(0.0));
        assert_eq!(cell("0n").value, CellValue::Number(0.0));
        assert_eq!(cell("0n").flag, "n");
        assert_eq!(
            cell("see note").value,
            CellValue::Text("see note".to_string())
        );
        assert_eq!(cell("12 345").value, CellValue::Number(12345.0));
        for word in ["inf", "-inf", "+Infinity", "−inf", "-NaN", "- nan"] {
            assert_eq!(
                cell(word).value,
                CellValue::Text(word.to_string()),
                "{word}"
            );
            assert_eq!(cell(word).flag, "", "{word}");
        }
        assert_eq!(cell("NaN").value, CellValue::Missing(Missing::NotAvailable));
    }

    #[test]
    fn style_is_decided_from_the_cells() {
        assert_eq!(
            detect_number_style(["1234,5", "12", "7,25"]),
            NumberStyle::CommaDecimal
        );
        assert_eq!(
            detect_number_style(["1.234.567", "12"]),
            NumberStyle::CommaDecimal
        );
        assert_eq!(
            detect_number_style(["1,234", "12.5"]),
            NumberStyle::PointDecimal
        );
        assert_eq!(detect_number_style(["12 345"]), NumberStyle::PointDecimal);
        assert_eq!(
            detect_number_style(["..", "...", "1,234", "-"]),
            NumberStyle::PointDecimal
        );
    }
}
