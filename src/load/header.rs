//! The year header of a sheet with years across (Clearinghouse and data-browser layouts), and
//! what a sheet looks like when it has none (see `docs/formats.md#year-headers`).
//!
//! A row is a year header only when all of these hold:
//! - it has two or more **year cells**: whole numbers or text written as a year (`2018`,
//!   `'2018`, `2018 г.`) or a financial year (`1961–62`, `2018/19`), from 1900 up to the current
//!   year — a file cannot hold figures for a year that has not happened;
//! - **no other number** stands in the row: a row of counts that happens to hold `2016` and
//!   `2003` also holds other counts;
//! - the years are **distinct and ordered** (rising or falling), or repeat the same ordered run
//!   once per sex block (`2012…2021 | 2012…2021 | 2012…2021`);
//! - **data rows follow**: a number or a missing marker in a year column within the next rows.
//!
//! Flags such as `--table`, `--reporter` or `--header-row` supply what a file does not say;
//! they never make a row that fails these tests a header.

use super::grid::{Grid, data_text};
use super::values::{CellValue, NumberStyle, parse_cell};
use crate::model::category::normalise_label;
use calamine::Data;

/// How many rows are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 60;
/// The first year a header may name.
pub const FIRST_YEAR: u16 = 1900;
/// The largest step between neighbouring years of a header (decades are the widest met).
const MAX_STEP: u16 = 10;
/// How many rows below a header may pass before the first data row.
const DATA_WITHIN: usize = 12;

/// The current calendar year (UTC), the last year a file can hold.
pub fn current_year() -> u16 {
    static YEAR: std::sync::OnceLock<u16> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| {
        let now = jiff::tz::TimeZone::UTC.to_datetime(jiff::Timestamp::now());
        u16::try_from(now.year()).unwrap_or(u16::MAX)
    })
}

/// A year as a header cell writes it, with whether it was a financial year (`1961–62` is read
/// as 1961, the year it starts in).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct HeaderYear {
    pub year: u16,
    pub financial: bool,
}

/// What one cell of a candidate row holds.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Cell {
    Blank,
    Year(HeaderYear),
    /// A number that is not a year of the file (a count, a column number, a year to come).
    Number(f64),
    Text,
}

/// A year written in text: `2018`, `2018.0`, `2018 г.`, `2018 год`, or a financial year
/// `1961–62`, `1961-1962`, `2018/19`.
pub fn text_year(text: &str) -> Option<HeaderYear> {
    let t = text.trim().trim_start_matches('\'');
    let t = t
        .strip_suffix("гг.")
        .or_else(|| t.strip_suffix("г."))
        .or_else(|| t.strip_suffix("год"))
        .or_else(|| t.strip_suffix('г'))
        .unwrap_or(t)
        .trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok().map(|year| HeaderYear {
            year,
            financial: false,
        });
    }
    // A financial year: four digits, a dash or slash, two or four digits that follow them.
    let (start, end) = t.split_once(['-', '–', '—', '/'])?;
    let (start, end) = (start.trim(), end.trim());
    if start.len() != 4 || !start.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !(end.len() == 2 || end.len() == 4) || !end.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u16 = start.parse().ok()?;
    let end: u16 = end.parse().ok()?;
    let next = if end < 100 {
        (year + 1) % 100
    } else {
        year + 1
    };
    (end == next).then_some(HeaderYear {
        year,
        financial: true,
    })
}

/// A year cell of a header: a whole number or a text year, from [`FIRST_YEAR`] to `last_year`.
pub fn cell_year(data: &Data, last_year: u16) -> Option<HeaderYear> {
    let found = match data {
        Data::Float(f) if f.fract() == 0.0 && (0.0..=9999.0).contains(f) => HeaderYear {
            year: *f as u16,
            financial: false,
        },
        Data::Int(i) if (0..=9999).contains(i) => HeaderYear {
            year: *i as u16,
            financial: false,
        },
        Data::String(s) => text_year(s)?,
        _ => return None,
    };
    (FIRST_YEAR..=last_year)
        .contains(&found.year)
        .then_some(found)
}

fn classify(data: &Data, last_year: u16) -> Cell {
    if let Some(year) = cell_year(data, last_year) {
        return Cell::Year(year);
    }
    match data {
        Data::Empty => Cell::Blank,
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::String(s) if s.trim().is_empty() => Cell::Blank,
        Data::String(s) => match parse_cell(s, NumberStyle::default()).value {
            CellValue::Number(n) => Cell::Number(n),
            _ => Cell::Text,
        },
        _ => Cell::Text,
    }
}

/// A row that holds years across.
#[derive(Clone, Debug, PartialEq)]
pub struct YearHeader {
    /// 0-based row.
    pub row: usize,
    /// 0-based column and year of each year cell, left to right.
    pub years: Vec<(usize, u16)>,
    /// Whether the years are financial years (`1961–62`).
    pub financial: bool,
}

impl YearHeader {
    /// The column of the first year (a header has two or more).
    pub fn first_col(&self) -> usize {
        self.years.first().map_or(0, |(col, _)| *col)
    }
}

/// Why a row with year-like cells is not a year header.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// 0-based row.
    pub row: usize,
    pub reason: String,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}: {}", self.row + 1, self.reason)
    }
}

/// Numbers as a short list for a message: `16, 39, 39 …`.
fn some_numbers(numbers: &[f64]) -> String {
    let mut shown: Vec<String> = numbers
        .iter()
        .take(4)
        .map(|n| {
            let mut out = String::new();
            super::grid::write_number(&mut out, *n);
            out
        })
        .collect();
    if numbers.len() > 4 {
        shown.push("…".into());
    }
    shown.join(", ")
}

/// The run of years a header repeats: the years themselves when they run in one direction, or
/// the one run they repeat once per sex block (`2012…2021 | 2012…2021`); `None` otherwise.
fn year_run(years: &[u16]) -> Option<&[u16]> {
    for rising in [true, false] {
        let runs: Vec<&[u16]> = years
            .chunk_by(|a, b| if rising { b > a } else { b < a })
            .collect();
        // One run of two or more years, or identical runs (a one-year table repeats its year
        // once per sex block).
        if let Some(&first) = runs.first()
            && runs.iter().all(|run| *run == first)
            && (runs.len() > 1 || first.len() >= 2)
        {
            return Some(first);
        }
    }
    None
}

/// The columns of year cells.
fn header_cols(years: &[(usize, HeaderYear)]) -> Vec<usize> {
    years.iter().map(|(col, _)| *col).collect()
}

/// The nearest non-blank row above, when it heads most of the year columns with text that is
/// not a sex block (`Immigrants | Emigrants` over `2016 | 2003`): the row is then figures.
fn headings_above(grid: &Grid<'_>, row: usize, cols: &[usize]) -> Option<(usize, String)> {
    let above = (0..row).rev().find(|&r| !grid.is_blank_row(r))?;
    let headings: Vec<String> = cols
        .iter()
        .filter_map(|&col| match grid.get(above, col) {
            Data::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
        .collect();
    let sexes = headings
        .iter()
        .filter(|h| crate::model::Sex::parse(h).is_some())
        .count();
    if headings.len() * 2 > cols.len() && sexes < headings.len() {
        let mut shown: Vec<String> = headings.iter().take(3).map(|h| format!("{h:?}")).collect();
        if headings.len() > 3 {
            shown.push("…".into());
        }
        return Some((above, shown.join(", ")));
    }
    None
}

/// Whether a data row follows the header: a cell in a year column within the next rows (what
/// it holds is judged when the rows are read: text where numbers belong is refused then).
fn data_follows(grid: &Grid<'_>, row: usize, years: &[(usize, u16)]) -> bool {
    (row + 1..grid.rows().min(row + 1 + DATA_WITHIN))
        .any(|below| years.iter().any(|(col, _)| !grid.is_blank(below, *col)))
}

/// Tests one row: a year header, a rejection with its reason (for rows with two or more
/// year-like cells), or nothing worth saying.
pub fn test_row(
    grid: &Grid<'_>,
    row: usize,
    last_year: u16,
) -> Option<Result<YearHeader, Rejected>> {
    let cells: Vec<(usize, Cell)> = (0..grid.cols())
        .map(|col| (col, classify(grid.get(row, col), last_year)))
        .collect();
    let years: Vec<(usize, HeaderYear)> = cells
        .iter()
        .filter_map(|(col, cell)| match cell {
            Cell::Year(y) => Some((*col, *y)),
            _ => None,
        })
        .collect();
    let others: Vec<f64> = cells
        .iter()
        .filter_map(|(_, cell)| match cell {
            Cell::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    let reject = |reason: String| Some(Err(Rejected { row, reason }));
    if years.len() < 2 {
        // A row of years to come, or of one year, is said only when it looks like a header.
        let future: Vec<f64> = others
            .iter()
            .copied()
            .filter(|n| n.fract() == 0.0 && *n > last_year as f64 && *n <= 2100.0)
            .collect();
        if others.len() >= 2 && future.len() == others.len() {
            return reject(format!(
                "years after {last_year} ({}), which the file cannot hold",
                some_numbers(&future)
            ));
        }
        return None;
    }
    if !others.is_empty() {
        return reject(format!(
            "holds counts, not years: beside {} it has {}",
            some_numbers(&years.iter().map(|(_, y)| y.year as f64).collect::<Vec<_>>()),
            some_numbers(&others)
        ));
    }
    let values: Vec<u16> = years.iter().map(|(_, y)| y.year).collect();
    let Some(run) = year_run(&values) else {
        return reject(format!(
            "the year-like cells are not in order ({})",
            some_numbers(&values.iter().map(|y| *y as f64).collect::<Vec<_>>())
        ));
    };
    if let Some((a, b)) = run
        .iter()
        .zip(run.iter().skip(1))
        .find(|(a, b)| a.abs_diff(**b) > MAX_STEP)
    {
        return reject(format!(
            "neighbouring years {a} and {b} are more than {MAX_STEP} years apart"
        ));
    }
    if let Some((above, headings)) = headings_above(grid, row, &header_cols(&years)) {
        return reject(format!(
            "it sits under column headings in row {} ({headings}), so it is a row of figures",
            above + 1
        ));
    }
    let header = YearHeader {
        row,
        years: years.iter().map(|(col, y)| (*col, y.year)).collect(),
        financial: years.iter().any(|(_, y)| y.financial),
    };
    if !data_follows(grid, row, &header.years) {
        return reject("nothing follows it in the year columns".into());
    }
    Some(Ok(header))
}

/// The outcome of looking for a year header.
#[derive(Clone, Debug, PartialEq)]
pub enum HeaderSearch {
    Found(YearHeader),
    /// No row qualified: the rows looked at, and why the likeliest ones did not qualify.
    NotFound {
        searched: usize,
        rejected: Vec<Rejected>,
    },
    /// The row the user chose is not a year header.
    ChosenRowRefused(Rejected),
}

/// Finds the year header: the chosen row if it qualifies, else the first row that does.
pub fn find_year_header(grid: &Grid<'_>, chosen: Option<usize>) -> HeaderSearch {
    let last_year = current_year();
    if let Some(wanted) = chosen {
        let row = wanted.saturating_sub(1);
        return match test_row(grid, row, last_year) {
            Some(Ok(header)) => HeaderSearch::Found(header),
            Some(Err(rejected)) => HeaderSearch::ChosenRowRefused(rejected),
            None => HeaderSearch::ChosenRowRefused(Rejected {
                row,
                reason: "it holds fewer than two years".into(),
            }),
        };
    }
    let searched = grid.rows().min(HEADER_SEARCH_ROWS);
    let mut rejected = Vec::new();
    for row in 0..searched {
        match test_row(grid, row, last_year) {
            Some(Ok(header)) => return HeaderSearch::Found(header),
            Some(Err(why)) => rejected.push(why),
            None => {}
        }
    }
    HeaderSearch::NotFound { searched, rejected }
}

impl HeaderSearch {
    /// Says why no header was taken, for a refusal message.
    pub fn why_not(&self) -> String {
        match self {
            HeaderSearch::Found(header) => format!("year header in row {}", header.row + 1),
            HeaderSearch::ChosenRowRefused(rejected) => format!(
                "row {} (the header row chosen) is not a row of years: {}",
                rejected.row + 1,
                rejected.reason
            ),
            HeaderSearch::NotFound { searched, rejected } => {
                let mut out = if *searched == 0 {
                    "the sheet has no rows".to_string()
                } else {
                    format!(
                        "{NO_HEADER_MARK} among rows 1–{searched} and no header naming the \
                         columns (table, reporter, year, value)"
                    )
                };
                if let Some(first) = rejected.first() {
                    out.push_str(&format!("; {first}"));
                    if rejected.len() > 1 {
                        out.push_str(&format!(" (and {} more such rows)", rejected.len() - 1));
                    }
                }
                out
            }
        }
    }
}

/// Words that show what a sheet without a year header holds instead, in the languages of the
/// files met (English, Russian, German, French): (normalised word stem, what it shows).
const LOOKS_LIKE: [(&[&str], &str); 6] = [
    (
        &[
            "saldo",
            "netmigration",
            "net",
            "сальдо",
            "миграционныйприрост",
            "solde",
        ],
        "net migration",
    ),
    (
        &[
            "refugee",
            "asylum",
            "беженц",
            "убежищ",
            "flüchtling",
            "asyl",
        ],
        "refugees or asylum seekers",
    ),
    (
        &["monat", "month", "monthly", "месяц", "помесячно", "mois"],
        "monthly moves",
    ),
    (
        &[
            "виз",
            "приглашен",
            "регистрац",
            "visa",
            "permit",
            "разрешени",
            "patent",
            "патент",
        ],
        "counts of administrative acts (visas, invitations, registrations or permits)",
    ),
    (
        &[
            "region",
            "регион",
            "область",
            "oblast",
            "province",
            "bundesland",
        ],
        "figures by region of one country",
    ),
    (
        &[
            "industry",
            "activity",
            "отрасл",
            "видэкономическойдеятельности",
            "nace",
        ],
        "figures by economic activity",
    ),
];

/// Month names that make a sheet name a month.
const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "январь",
    "февраль",
    "март",
    "апрель",
];

/// What a sheet without a year header looks like, with where that shows, for a refusal
/// message: `monthly moves (sheet name "Januar"; "Monat" in A2), net migration ("Saldo" in
/// I4)`. Looks at the sheet name and the text cells above the first row of figures; `None`
/// when nothing tells.
/// The words that start the part of a note saying that no row of years was found.
pub const NO_HEADER_MARK: &str = "no row of years";

/// What a header row of years must be, for messages.
pub fn year_header_rule() -> String {
    format!(
        "a header row of two or more years from {FIRST_YEAR} to {}, in order, with no other \
         numbers and rows of figures below",
        current_year()
    )
}

/// The words of a note that show a sheet holds figures, only not as a table that is read.
pub const HOLDS_FIGURES_MARKS: [&str; 2] = ["holds counts", "it looks like"];

/// What the user can do about a sheet without a year header, said once per file.
pub const NO_HEADER_ADVICE: &str = "--table, --reporter and --header-row supply what a sheet does \
     not say but cannot turn a row of counts into years: give the data as a Clearinghouse table \
     (years across) or in the long layout (columns table, reporter, year, value), or read only \
     the sheets that hold tables with --sheet (or the import dialog)";

pub fn looks_like(grid: &Grid<'_>, sheet: &str) -> Option<String> {
    let mut found: Vec<(&str, String)> = Vec::new();
    let name_key = normalise_label(sheet);
    if MONTHS.iter().any(|m| name_key == normalise_label(m)) {
        found.push((
            "monthly moves",
            "the sheet is named after a month".to_string(),
        ));
    }
    let rows = grid.rows().min(HEADER_SEARCH_ROWS);
    for row in 0..rows {
        for col in 0..grid.cols() {
            let Data::String(text) = grid.get(row, col) else {
                continue;
            };
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(normalise_label)
                .collect();
            let joined = normalise_label(text);
            for (stems, what) in LOOKS_LIKE {
                if found.iter().any(|(w, _)| *w == what) {
                    continue;
                }
                let hit = stems.iter().any(|stem| {
                    // Short stems must be whole words; longer ones may start a word.
                    if stem.chars().count() <= 4 {
                        words.iter().any(|w| w == stem)
                    } else {
                        words.iter().any(|w| w.starts_with(stem)) || joined.contains(stem)
                    }
                });
                if hit {
                    let shown: String = data_text(grid.get(row, col))
                        .trim()
                        .chars()
                        .take(40)
                        .collect();
                    found.push((
                        what,
                        format!(
                            "{shown:?} in {}",
                            crate::model::cell_ref(
                                row as u32,
                                col.min(u16::MAX as usize - 1) as u16
                            )
                        ),
                    ));
                }
            }
        }
    }
    if let Some(matrix) = matrix_evidence(grid) {
        found.push((
            "a matrix of countries by countries (destination × origin)",
            matrix,
        ));
    }
    if found.is_empty() {
        return None;
    }
    Some(
        found
            .iter()
            .map(|(what, at)| format!("{what} ({at})"))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// A row whose cells are mostly countries, above rows labelled by countries: a matrix.
fn matrix_evidence(grid: &Grid<'_>) -> Option<String> {
    let g = crate::model::gazetteer();
    let is_country = |text: &str| {
        let t = text.trim();
        t.chars().count() >= 3
            && !t.bytes().all(|b| b.is_ascii_digit())
            && g.resolve(t)
                .is_some_and(|p| p.kind == crate::model::PlaceKind::Country)
    };
    for row in 0..grid.rows().min(HEADER_SEARCH_ROWS) {
        let across = (0..grid.cols())
            .filter(|&col| matches!(grid.get(row, col), Data::String(s) if is_country(s)))
            .count();
        if across < 5 {
            continue;
        }
        let down = (row + 1..grid.rows().min(row + 200))
            .filter(|&r| {
                (0..grid.cols().min(3))
                    .any(|c| matches!(grid.get(r, c), Data::String(s) if is_country(s)))
            })
            .count();
        if down >= 5 {
            return Some(format!("{across} countries across row {}", row + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_as_text_numbers_and_financial_years() {
        let y = |s: &str| text_year(s).map(|h| (h.year, h.financial));
        assert_eq!(y("2018"), Some((2018, false)));
        assert_eq!(y(" 2018 г."), Some((2018, false)));
        assert_eq!(y("'1998"), Some((1998, false)));
        assert_eq!(y("1961–62"), Some((1961, true)));
        assert_eq!(y("2018/19"), Some((2018, true)));
        assert_eq!(y("1999-2000"), Some((1999, true)));
        assert_eq!(y("1961–63"), None);
        assert_eq!(y("12 345"), None);
        assert_eq!(
            cell_year(&Data::Float(2018.0), 2026),
            Some(HeaderYear {
                year: 2018,
                financial: false
            })
        );
        assert_eq!(cell_year(&Data::Float(2092.0), 2026), None);
        assert_eq!(cell_year(&Data::Float(1850.0), 2026), None);
        assert_eq!(cell_year(&Data::Float(2018.5), 2026), None);
    }

    fn ordered(years: &[u16]) -> bool {
        year_run(years).is_some()
    }

    #[test]
    fn runs_of_years_are_ordered_or_repeated_per_block() {
        // Three sex blocks of 2000–2020: the run is 2000–2020, its steps one year.
        let blocks: Vec<u16> = (0..3).flat_map(|_| 2000..=2020).collect();
        assert_eq!(year_run(&blocks), Some(&blocks[..21]));
        assert!(ordered(&[2010, 2011, 2012]));
        assert!(ordered(&[2012, 2011, 2010]));
        assert!(ordered(&[2010, 2011, 2010, 2011, 2010, 2011]));
        assert!(ordered(&[2018, 2018, 2018]));
        assert!(!ordered(&[2016, 2003, 2010]));
        assert!(!ordered(&[2010, 2011, 2010]));
    }
}
