//! Numbers written the way English and Russian readers expect them.

use super::Lang;

/// Beyond this a count is no count of people (a typing or export error such as `1e308`), and
/// its digits past the sixteenth are not exact: it is written in exponent form.
const LARGEST_GROUPED: f64 = 1e15;

/// Formats a count the way reviewers read it: `4,190`, `1,234.5`, `−12`; a value no count of
/// people reaches in exponent form (`1e308`), and a sum that overflowed as `∞`.
pub fn format_count(value: f64) -> String {
    let mut text = String::new();
    push_count_in(value, Lang::En, &mut text);
    text
}

/// Formats a count the Russian way: `4 190`, `1 234,5`, `−12` (groups separated by a no-break
/// space, so a number never wraps across lines; decimal comma).
pub fn format_count_ru(value: f64) -> String {
    let mut text = String::new();
    push_count_in(value, Lang::Ru, &mut text);
    text
}

/// A count as [`format_count_in`] writes it, added to `out` (a finding's message is written
/// this way hundreds of thousands of times a report).
pub fn push_count_in(value: f64, lang: Lang, out: &mut String) {
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Ru => ('\u{a0}', ','),
    };
    let negative = value < 0.0;
    let sign = if negative { "−" } else { "" };
    let abs = value.abs();
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    if abs.is_infinite() {
        out.push_str(sign);
        out.push('∞');
        return;
    }
    if abs >= LARGEST_GROUPED {
        out.push_str(sign);
        out.push_str(&format!("{abs:e}").replace('.', &point.to_string()));
        return;
    }
    let rounded = (abs * 10.0).round() / 10.0;
    let whole = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    if negative && (whole > 0 || frac > 0) {
        out.push_str(sign);
    }
    // The digits from the units up; a whole below 10^15 has at most 16.
    let mut digits = [0u8; 20];
    let (mut len, mut rest) = (0, whole);
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for at in (0..len).rev() {
        out.push(digits[at] as char);
        if at > 0 && at % 3 == 0 {
            out.push(group);
        }
    }
    if frac > 0 {
        use std::fmt::Write;
        out.push(point);
        let _ = write!(out, "{frac}");
    }
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
    let mut text = String::new();
    push_fixed(&mut text, value, places);
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text.remove(0);
    }
    if lang == Lang::Ru
        && let Some(at) = text.find('.')
    {
        text.replace_range(at..=at, ",");
    }
    text
}

/// Adds `value` with `places` decimals to `out`, as `format!("{value:.places$}")` writes it
/// (the exact value of the double rounded, a tie to the even digit; the sign of a negative value
/// kept when it rounds to zero).
///
/// Most numbers a report writes are worked out here from the double's bits in integers:
/// `value` = m · 2^e, so `value` · 10^places is m · 10^places shifted by e, and the bits
/// shifted out say which way it rounds. The standard library's formatter tries a fast method
/// that gives up on many such numbers and then works with big numbers (most of the time a
/// report of many findings spent writing its ratios); the rest (very large, very small, more
/// than nine places, not finite) are left to it.
pub fn push_fixed(out: &mut String, value: f64, places: usize) {
    if !push_fixed_by_integers(out, value, places) {
        use std::fmt::Write;
        let _ = write!(out, "{value:.places$}");
    }
}

/// [`push_fixed`] in integers; `false` (and nothing written) when `value` is out of its range.
fn push_fixed_by_integers(out: &mut String, value: f64, places: usize) -> bool {
    const MANTISSA_BITS: u32 = 52;
    if !value.is_finite() || places > 9 {
        return false;
    }
    let bits = value.to_bits();
    let biased = ((bits >> MANTISSA_BITS) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << MANTISSA_BITS) - 1);
    // value = mantissa · 2^exponent
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1u64 << MANTISSA_BITS, biased - 1075)
    };
    // Below 2^53 · 10^9 < 2^83.
    let scaled = u128::from(mantissa) * 10u128.pow(places as u32);
    let units = if exponent >= 0 {
        // Shifted, below 2^123.
        if exponent > 40 {
            return false;
        }
        scaled << exponent
    } else {
        let shift = exponent.unsigned_abs();
        if shift > 120 {
            return false;
        }
        let (whole, rest) = (scaled >> shift, scaled & ((1u128 << shift) - 1));
        let half = 1u128 << (shift - 1);
        if rest > half || (rest == half && whole & 1 == 1) {
            whole + 1
        } else {
            whole
        }
    };
    // The digits of `units` from the last; at least one more than the places (`0.05`).
    let mut digits = [b'0'; 40];
    let mut count = 0;
    let mut rest = units;
    for digit in digits.iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 && count > places {
            break;
        }
    }
    let start = digits.len() - count;
    let (whole, decimals) = digits
        .get(start..)
        .unwrap_or_default()
        .split_at(count - places);
    if value.is_sign_negative() {
        out.push('-');
    }
    // ASCII digits.
    out.extend(whole.iter().map(|&d| char::from(d)));
    if places > 0 {
        out.push('.');
        out.extend(decimals.iter().map(|&d| char::from(d)));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text as the standard library's formatter, over 180,000 values of every
    /// size and sign, ties (k / 2^n) and the edges of the range.
    #[test]
    fn fixed_decimals_are_those_of_format() {
        let check = |value: f64| {
            for places in 0..=10 {
                let mut text = String::new();
                push_fixed(&mut text, value, places);
                assert_eq!(text, format!("{value:.places$}"), "{value:e} to {places}");
            }
        };
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..30_000 {
            // Any double of magnitude 2^-140 to 2^100: beyond both ends of the integer method too.
            let exponent = rng.i32(-140..100);
            let value = (rng.f64() + 0.5) * 2f64.powi(exponent);
            check(if rng.bool() { value } else { -value });
            // Ties and near ties: k / 2^n, a unit of the last place either side.
            let tie = f64::from(rng.u32(..1 << 20)) / f64::from(1u32 << rng.u32(1..16));
            for v in [tie, tie.next_up(), tie.next_down(), -tie] {
                check(v);
            }
            // Ratios and counts as the messages write them.
            check(f64::from(rng.u32(..100_000)) / f64::from(rng.u32(1..100_000)));
        }
        for value in [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.0625,
            -0.0001,
            9.9995,
            999.9995,
            f64::MIN_POSITIVE,
            5e-324,
            1e-30,
            2f64.powi(52),
            2f64.powi(53) - 1.0,
            2f64.powi(92),
            2f64.powi(93),
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            check(value);
        }
    }

    #[test]
    fn counts_are_grouped_in_each_language() {
        assert_eq!(format_count(4190.0), "4,190");
        assert_eq!(format_count(-1_234_567.25), "−1,234,567.3");
        assert_eq!(format_count(-0.01), "0");
        assert_eq!(format_count(999.96), "1,000");
        assert_eq!(format_count_ru(1234.5), "1\u{a0}234,5");
        assert_eq!(format_count_ru(-12.0), "−12");
        assert_eq!(format_count(2.5e15), "2.5e15");
        assert_eq!(format_count_ru(-2.5e15), "−2,5e15");
        assert_eq!(format_count_ru(f64::NEG_INFINITY), "−∞");
        assert_eq!(format_count(f64::NAN), "NaN");
        // Russian is English with its separators swapped, for every kind of value.
        let mut value = 0.05f64;
        while value < 1e17 {
            for v in [value, -value, value.round(), value * 0.999] {
                let english = format_count(v);
                let russian = english.replace(',', "\u{a0}").replace('.', ",");
                assert_eq!(format_count_ru(v), russian, "{v}");
            }
            value *= 1.37;
        }
    }

    #[test]
    fn decimals_are_written_without_a_negative_zero() {
        assert_eq!(format_decimal(-0.004, 2, Lang::En), "0.00");
        assert_eq!(format_decimal(-0.004, 2, Lang::Ru), "0,00");
        assert_eq!(format_decimal(-0.006, 2, Lang::En), "-0.01");
        assert_eq!(format_decimal(2.7666, 3, Lang::Ru), "2,767");
        assert_eq!(format_decimal(-0.4, 0, Lang::En), "0");
    }
}
