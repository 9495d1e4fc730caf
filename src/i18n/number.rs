//! Numbers written the way English and Russian readers expect them.

use super::Lang;

/// Beyond this a count is no count of people (a typing or export error such as `1e308`), and
/// its digits past the sixteenth are not exact: it is written in exponent form.
const LARGEST_GROUPED: f64 = 1e15;

/// Formats a count the way reviewers read it: `4,190`, `1,234.5`, `−12`; a value no count of
/// people reaches in exponent form (`1e308`), and a sum that overflowed as `∞`.
pub fn format_count(value: f64) -> String {
    let negative = value < 0.0;
    let sign = if negative { "−" } else { "" };
    let abs = value.abs();
    if value.is_nan() {
        return "NaN".into();
    }
    if abs.is_infinite() {
        return format!("{sign}∞");
    }
    if abs >= LARGEST_GROUPED {
        return format!("{sign}{abs:e}");
    }
    let rounded = (abs * 10.0).round() / 10.0;
    let whole = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac > 0 {
        grouped.push('.');
        grouped.push_str(&frac.to_string());
    }
    if negative && (whole > 0 || frac > 0) {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// Formats a count the Russian way: `4 190`, `1 234,5`, `−12` (groups separated by a no-break
/// space, so a number never wraps across lines; decimal comma).
pub fn format_count_ru(value: f64) -> String {
    format_count(value).replace(',', "\u{a0}").replace('.', ",")
}

/// Formats a count for readers of a language.
pub fn format_count_in(value: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format_count(value),
        Lang::Ru => format_count_ru(value),
    }
}

/// A number as it is set, with the shortest exact decimals, as the language writes it:
/// `0.75` / `0,75`, `12` / `12`.
pub fn format_number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

/// A number with a fixed count of decimals as the language writes it: `2.767` / `2,767`. A
/// small negative number that rounds to zero is written `0.00`, not `-0.00`.
pub fn format_decimal(value: f64, places: usize, lang: Lang) -> String {
    let mut text = format!("{value:.places$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text.remove(0);
    }
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_without_a_negative_zero() {
        assert_eq!(format_decimal(-0.004, 2, Lang::En), "0.00");
        assert_eq!(format_decimal(-0.004, 2, Lang::Ru), "0,00");
        assert_eq!(format_decimal(-0.006, 2, Lang::En), "-0.01");
        assert_eq!(format_decimal(2.7666, 3, Lang::Ru), "2,767");
        assert_eq!(format_decimal(-0.4, 0, Lang::En), "0");
    }
}
