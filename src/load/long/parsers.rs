//! Reading single cells and names of a long file: years, durations of stay, notes below the
//! data, and the reporter and table a file name gives.

use crate::model::{PlaceKind, TableId, gazetteer};
use std::path::Path;

pub use crate::model::age::normalise_age;

/// Reads a year cell: `2010`, `2010.0`, `2010-01-01`, `01.01.2010`, `2010-01`, `2010M01`.
/// Returns the year and the reference date (`month * 32 + day`, 0 when not given).
pub fn parse_year(text: &str) -> Option<(u16, u16)> {
    let t = text.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    let valid = |y: u32| (1900..=2100).contains(&y);
    if t.len() == 4 {
        let year: u32 = t.parse().ok()?;
        return valid(year).then_some((year as u16, 0));
    }
    let parts: Vec<&str> = t
        .split(['-', '.', '/', 'M', 'T', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Vec<u32> = parts.iter().map_while(|p| p.parse().ok()).collect();
    let (year, month, day) = match numbers.as_slice() {
        [y, m, d, ..] if parts.first().is_some_and(|p| p.len() == 4) => (*y, *m, *d),
        [d, m, y, ..] if parts.get(2).is_some_and(|p| p.len() == 4) => (*y, *m, *d),
        [y, m] if parts.first().is_some_and(|p| p.len() == 4) => (*y, *m, 0),
        _ => return None,
    };
    if !valid(year) || month > 12 || day > 31 {
        return None;
    }
    Some((year as u16, (month * 32 + day) as u16))
}

/// Recognises a reporting country in a file name: `KAZ.xlsx`, `Kazakhstan_2012.xlsx`.
pub fn reporter_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let stem = stem.strip_suffix(".tsv").unwrap_or(&stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    let g = gazetteer();
    let whole = g
        .resolve(stem)
        .filter(|p| p.kind == PlaceKind::Country && stem.len() >= 3);
    if let Some(place) = whole {
        return Some(place.code.clone());
    }
    stem.split(['_', '-', '.', ' ', ','])
        .filter(|token| token.chars().count() >= 3)
        .find_map(|token| {
            g.resolve(token)
                .filter(|p| p.kind == PlaceKind::Country)
                .map(|p| p.code.clone())
        })
}

/// Recognises a table in a file name: `T3.csv`, `KAZ_T3.csv`, `Table 5.1.csv`. A Eurostat
/// dataset code in the name (`migr_pop1ctz`) is looked up before, by [`LongDefaults::decide`].
pub fn table_from_file_name(path: &Path) -> Option<TableId> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let stem = stem.strip_suffix(".tsv").unwrap_or(&stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    TableId::find_in(stem).or_else(|| {
        stem.split(['_', '-', ' ', ','])
            .filter(|token| !token.is_empty())
            .find_map(TableId::parse)
    })
}

/// Whether a row is a note below the data (`Source: …`, `Note: …`, `Примечание`).
pub fn is_note(first_cell: &str) -> bool {
    let lower = first_cell.trim_start().to_lowercase();
    [
        "source",
        "note",
        "notes",
        "примечание",
        "источник",
        "footnote",
        "*",
        "flags",
        "special value",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Reads a duration-of-stay rule in months (`12`, `12.0`, `0`); at most ten years.
pub fn parse_duration(text: &str) -> Option<u8> {
    let text = text.trim();
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse::<u8>().ok().filter(|months| *months <= 120)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_reference_dates() {
        assert_eq!(parse_year("2010"), Some((2010, 0)));
        assert_eq!(parse_year("2010.0"), Some((2010, 0)));
        assert_eq!(parse_year("2010-01-01"), Some((2010, 33)));
        assert_eq!(parse_year("01.01.2010"), Some((2010, 33)));
        assert_eq!(parse_year("2010-07"), Some((2010, 224)));
        assert_eq!(parse_year("abcd"), None);
        assert_eq!(parse_year("1850"), None);
        assert_eq!(parse_year(""), None);
    }

    #[test]
    fn age_groups() {
        assert_eq!(normalise_age("").as_deref(), Some("TOTAL"));
        assert_eq!(normalise_age("Total").as_deref(), Some("TOTAL"));
        assert_eq!(normalise_age("Y0-4").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("0 - 4").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("85+").as_deref(), Some("85+"));
        assert_eq!(normalise_age("Y_GE85").as_deref(), Some("85+"));
        assert_eq!(normalise_age("Y_LT5").as_deref(), Some("0-4"));
        assert_eq!(normalise_age("Y85-").as_deref(), Some("85+"));
        assert_eq!(normalise_age("UNK").as_deref(), Some("UNK"));
        assert_eq!(normalise_age("Y15").as_deref(), Some("15"));
        assert_eq!(normalise_age("old"), None);
    }

    #[test]
    fn reporters_in_file_names() {
        assert_eq!(
            reporter_from_file_name(Path::new("KAZ.xlsx")).as_deref(),
            Some("KAZ")
        );
        assert_eq!(
            reporter_from_file_name(Path::new("dir/Kazakhstan_2012.xlsx")).as_deref(),
            Some("KAZ")
        );
        assert_eq!(reporter_from_file_name(Path::new("data_in_2010.csv")), None);
        assert_eq!(reporter_from_file_name(Path::new("flows.csv")), None);
    }
}
