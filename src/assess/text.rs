//! Numbers and ranges written the way English and Russian readers expect them.

use crate::model::Lang;

/// A number with a fixed count of decimals: `2.4` / `2,4`.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    crate::i18n::format_decimal(value, places, lang)
}

/// A count of persons: `74,900` / `74 900`.
pub fn count(value: f64, lang: Lang) -> String {
    crate::i18n::format_count_in(value, lang)
}

/// A share as a percentage with one decimal: `30.0 %` / `30,0 %`.
pub fn percent(share: f64, lang: Lang) -> String {
    format!("{}\u{a0}%", decimal(share * 100.0, 1, lang))
}

/// A range of years: `2010–2012`, or `2011` when it is one year.
pub fn years(first: u16, last: u16) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// The first and last of a list of years.
pub fn year_span(years: impl IntoIterator<Item = u16>) -> Option<[u16; 2]> {
    years.into_iter().fold(None, |span, year| match span {
        None => Some([year, year]),
        Some([first, last]) => Some([first.min(year), last.max(year)]),
    })
}

/// Joins items as `a, b and c` / `a, b и c`.
pub fn join_and(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            crate::t!(lang, "list-and", init = init.join(", "), last = last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(decimal(2.3809, 1, Lang::En), "2.4");
        assert_eq!(decimal(2.3809, 1, Lang::Ru), "2,4");
        assert_eq!(count(74900.0, Lang::En), "74,900");
        assert_eq!(count(74900.0, Lang::Ru), "74\u{a0}900");
        assert_eq!(percent(0.3, Lang::En), "30.0\u{a0}%");
        assert_eq!(years(2010, 2012), "2010–2012");
        assert_eq!(years(2011, 2011), "2011");
        assert_eq!(year_span([2012, 2009, 2010]), Some([2009, 2012]));
        assert_eq!(
            join_and(&["3".into(), "4".into(), "5.1".into()], Lang::Ru),
            "3, 4 и 5.1"
        );
    }
}
