//! Sex, values and the reasons a value is missing.

pub use crate::i18n::{format_count, format_count_in, format_count_ru};

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[repr(u8)]
pub enum Sex {
    #[default]
    T,
    M,
    F,
    U,
}

impl Sex {
    pub const ALL: [Sex; 4] = [Sex::T, Sex::M, Sex::F, Sex::U];

    pub fn code(self) -> &'static str {
        match self {
            Sex::T => "T",
            Sex::M => "M",
            Sex::F => "F",
            Sex::U => "U",
        }
    }

    pub fn from_index(index: u8) -> Option<Sex> {
        Sex::ALL.get(index as usize).copied()
    }

    /// Reads `T M F U`, `Total`, `Both sexes`, `Male`/`Men`, `Female`/`Women`, and the Russian
    /// spellings (`Всего`, `Оба пола`, `Мужчины`, `Женщины`).
    pub fn parse(text: &str) -> Option<Sex> {
        // The one-letter codes of nearly every row, without a lower-case copy.
        match text.as_bytes() {
            [b'T' | b't'] => return Some(Sex::T),
            [b'M' | b'm'] => return Some(Sex::M),
            [b'F' | b'f' | b'W' | b'w'] => return Some(Sex::F),
            [b'U' | b'u'] => return Some(Sex::U),
            _ => {}
        }
        let lower = text.trim().to_lowercase();
        let lower = lower.trim_end_matches('.');
        Some(match lower {
            "t" | "total" | "both" | "both sexes" | "all" | "persons" | "всего" | "оба пола"
            | "итого" | "_t" | "sex_t" => Sex::T,
            "m" | "male" | "males" | "men" | "man" | "мужчины" | "мужской" | "муж" | "м" | "_m" => {
                Sex::M
            }
            "f" | "female" | "females" | "women" | "woman" | "женщины" | "женский" | "жен"
            | "ж" | "_f" | "w" => Sex::F,
            "u" | "unknown" | "not stated" | "не указан" | "не указано" | "_u" | "unk" => {
                Sex::U
            }
            _ => return None,
        })
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a value is not a number. A missing value is never zero, and zero is never missing.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Missing {
    /// An empty cell.
    Empty = 1,
    /// Not available: `..`, `...`, `:`, `n/a`, `NA`, `н/д`.
    NotAvailable = 2,
    /// Not applicable or nil by definition: `-`, `–`, `x`, `X`.
    NotApplicable = 3,
    /// Suppressed for confidentiality (flag `c`/`C`, or `: c`).
    Confidential = 4,
    /// Text that is not a number and not a missing marker (an S3 finding; the text is kept).
    Unreadable = 5,
}

impl Missing {
    pub fn from_code(code: u8) -> Option<Missing> {
        Some(match code {
            1 => Missing::Empty,
            2 => Missing::NotAvailable,
            3 => Missing::NotApplicable,
            4 => Missing::Confidential,
            5 => Missing::Unreadable,
            _ => return None,
        })
    }

    pub fn describe(self) -> &'static str {
        match self {
            Missing::Empty => "empty",
            Missing::NotAvailable => "not available",
            Missing::NotApplicable => "not applicable",
            Missing::Confidential => "confidential",
            Missing::Unreadable => "not a number",
        }
    }

    /// The marker migreview writes for this reason in the canonical long CSV: empty, except for
    /// confidential values (empty value, flag `c`) and unreadable text (the text itself).
    pub fn marker(self) -> &'static str {
        match self {
            Missing::Empty => "",
            Missing::NotAvailable => ":",
            Missing::NotApplicable => "-",
            Missing::Confidential => ":",
            Missing::Unreadable => "",
        }
    }
}

/// A reported value: a number, or the reason there is none.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Missing(Missing),
}

impl Value {
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n),
            Value::Missing(_) => None,
        }
    }

    pub fn is_missing(self) -> bool {
        matches!(self, Value::Missing(_))
    }
}

/// Writes a number as data files carry it (the canonical CSV, the exports): without a trailing
/// `.0` for whole numbers, and with the shortest exact representation otherwise.
pub fn number_text(value: f64) -> String {
    let mut text = String::new();
    push_number_text(value, &mut text);
    text
}

/// [`number_text`] added to `out`.
pub fn push_number_text(value: f64, out: &mut String) {
    use std::fmt::Write;
    if value.fract() == 0.0 && value.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(value as i64));
    } else {
        let _ = write!(out, "{value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sex_spellings() {
        assert_eq!(Sex::parse("Both sexes"), Some(Sex::T));
        assert_eq!(Sex::parse("Мужчины"), Some(Sex::M));
        assert_eq!(Sex::parse("Women"), Some(Sex::F));
        assert_eq!(Sex::parse(" f "), Some(Sex::F));
        assert_eq!(Sex::parse("Kazakhstan"), None);
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(format_count(4190.0), "4,190");
        assert_eq!(format_count(1234567.0), "1,234,567");
        assert_eq!(format_count(0.0), "0");
        assert_eq!(format_count(-12.0), "−12");
        assert_eq!(format_count(1234.5), "1,234.5");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_count(999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(format_count(1e308), "1e308");
        assert_eq!(format_count(-2.5e19), "−2.5e19");
        assert_eq!(format_count(f64::INFINITY), "∞");
        assert_eq!(format_count(f64::NEG_INFINITY), "−∞");
    }

    #[test]
    fn russian_counts_use_spaces_and_a_decimal_comma() {
        assert_eq!(format_count_ru(4190.0), "4\u{a0}190");
        assert_eq!(format_count_ru(1234567.0), "1\u{a0}234\u{a0}567");
        assert_eq!(format_count_ru(1234.5), "1\u{a0}234,5");
        assert_eq!(format_count_ru(-12.0), "−12");
        assert_eq!(format_count_in(2100.0, super::super::Lang::En), "2,100");
    }
}
