//! The words of finding messages, in English and Russian, read from the catalogue of texts
//! (`assets/i18n/{en,ru}/checks.ftl`). Messages are built from the values of a case; these helpers
//! name the things the values belong to and write its numbers.

pub use crate::model::text::{LABEL_CHARS, label};

use crate::t;
use std::borrow::Cow;

use crate::model::category::status;
use crate::model::{
    Dataset, Lang, Location, Missing, Sex, Sym, TableId, format_count_in, gazetteer,
};

/// Builds a message in both languages from one function of the language: a `t!` whose values
/// are themselves written in the language (names, shares, decimals). Messages whose values are
/// the same in both languages use `t2!`.
pub fn both(message: impl Fn(Lang) -> String) -> (String, String) {
    (message(Lang::En), message(Lang::Ru))
}

/// A count: `4,190` / `4 190`.
pub fn count(value: f64, lang: Lang) -> String {
    format_count_in(value, lang)
}

/// A number with a fixed number of decimals: `2.767` / `2,767`.
pub fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    let text = crate::i18n::format_decimal(value, decimals, lang);
    match text.strip_prefix('-') {
        Some(digits) => format!("−{digits}"),
        None => text,
    }
}

/// A share as a percentage: `23.0 %` / `23,0 %`.
pub fn percent(share: f64, lang: Lang) -> String {
    let digits = if (share * 100.0).abs() >= 0.1 || share == 0.0 {
        1
    } else {
        2
    };
    format!("{} %", decimal(share * 100.0, digits, lang))
}

/// A threshold share without needless decimals: `5 %`, `0.5 %`.
pub fn threshold(share: f64, lang: Lang) -> String {
    let pct = share * 100.0;
    let text = if (pct - pct.round()).abs() < 1e-9 {
        format!("{}", pct.round() as i64)
    } else {
        let trimmed = format!("{pct:.3}");
        trimmed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    match lang {
        Lang::En => format!("{text} %"),
        Lang::Ru => format!("{} %", text.replace('.', ",")),
    }
}

/// Why a value is missing.
pub fn missing_reason(reason: Missing, lang: Lang) -> &'static str {
    match reason {
        Missing::Empty => t!(lang, "missing-empty"),
        Missing::NotAvailable => t!(lang, "missing-not-available"),
        Missing::NotApplicable => t!(lang, "missing-not-applicable"),
        Missing::Confidential => t!(lang, "missing-confidential"),
        Missing::Unreadable => t!(lang, "missing-unreadable"),
    }
}

/// A sex as a part of a total: `men` / `мужчины`.
pub fn sex_name(sex: Sex, lang: Lang) -> &'static str {
    match sex {
        Sex::T => t!(lang, "sex-both"),
        Sex::M => t!(lang, "sex-men"),
        Sex::F => t!(lang, "sex-women"),
        Sex::U => t!(lang, "sex-unknown"),
    }
}

/// A status category: `native-born` / `уроженцы страны`.
pub fn status_name(code: &str, lang: Lang) -> String {
    let name = match code {
        status::TOTAL => t!(lang, "status-total"),
        status::NATIVE => t!(lang, "status-native"),
        status::FOREIGN_BORN => t!(lang, "status-foreign-born"),
        status::CITIZENS => t!(lang, "status-citizens"),
        status::NON_CITIZENS => t!(lang, "status-non-citizens"),
        status::FOREIGN => t!(lang, "status-foreign"),
        status::STATELESS => t!(lang, "status-stateless"),
        status::UNKNOWN => t!(lang, "status-unknown"),
        other => other,
    };
    name.to_string()
}

/// A partner named by code and name: `RUS (Russian Federation)`.
pub fn partner(code: &str, lang: Lang) -> String {
    let mut out = String::new();
    push_partner(code, lang, &mut out);
    out
}

/// [`partner`] added to `out`.
fn push_partner(code: &str, lang: Lang, out: &mut String) {
    out.push_str(code);
    if let Some(place) = gazetteer().by_code(code)
        && place.name(lang) != code
    {
        out.push_str(" (");
        out.push_str(place.name(lang));
        out.push(')');
    }
}

/// A reporting country named by code and name: `KAZ (Kazakhstan)`.
pub fn reporter(code: &str, lang: Lang) -> String {
    partner(code, lang)
}

/// An age group: `age 0-4` / `возраст 0-4`.
pub fn age_name(code: &str, lang: Lang) -> String {
    let mut out = String::new();
    push_age_name(code, lang, &mut out);
    out
}

/// [`age_name`] added to `out`.
pub fn push_age_name(code: &str, lang: Lang, out: &mut String) {
    match code {
        "TOTAL" => out.push_str(t!(lang, "age-all")),
        "UNK" => out.push_str(t!(lang, "age-unknown")),
        _ => t!(into out, lang, "age-group", age = code),
    }
}

/// A table: `table 3` / `таблица 3`.
pub fn table_name(table: TableId, lang: Lang) -> String {
    let mut out = String::new();
    push_table_name(table, lang, &mut out);
    out
}

/// [`table_name`] added to `out`.
pub fn push_table_name(table: TableId, lang: Lang, out: &mut String) {
    match table {
        TableId::Pop => out.push_str(t!(lang, "table-pop")),
        TableId::Births => out.push_str(t!(lang, "table-births")),
        TableId::Deaths => out.push_str(t!(lang, "table-deaths")),
        _ => t!(into out, lang, "table-numbered", table = table.code()),
    }
}

/// A duration-of-stay rule: `12 months`, `no minimum duration`, `permanent`.
pub fn duration_name(months: u8, lang: Lang) -> String {
    match months {
        0 => t!(lang, "duration-none").into(),
        60 => t!(lang, "duration-permanent").into(),
        m => t!(lang, "duration-months", months = m),
    }
}

/// Where a value is, for a message: ` at KAZ.xlsx › Table 3 › D14` / `, KAZ.xlsx › …`.
pub fn at(location: &Location, lang: Lang) -> String {
    if location.file.is_empty() && location.sheet.is_none() && location.at.is_none() {
        return String::new();
    }
    t!(lang, "place-at", location = location.to_string())
}

/// What a value in a sum or a comparison is.
#[derive(Copy, Clone, Debug)]
pub enum Label {
    /// The total of a breakdown (`Total` / `Итого`).
    Total,
    Sex(Sex),
    Age(Sym),
    /// A partner country or a status code.
    Category(Sym),
    /// A category of a status table (`STATELESS` there is a status, not a partner).
    Status(Sym),
    /// Anything else: its name in a language, from the catalogue of texts.
    Named(fn(Lang) -> &'static str),
}

impl Label {
    /// The category of an observation of `table`: a status in status tables, else a partner.
    pub fn category_of(table: TableId, category: Sym) -> Label {
        if table.breakdown() == crate::model::Breakdown::Status {
            Label::Status(category)
        } else {
            Label::Category(category)
        }
    }

    /// The label with its codes read from the data set, to be written without it.
    pub fn text(&self, dataset: &Dataset) -> LabelText {
        match *self {
            Label::Total => LabelText::Total,
            Label::Sex(sex) => LabelText::Sex(sex),
            Label::Age(age) => LabelText::Age(dataset.str(age).into()),
            Label::Category(category) => LabelText::Category(dataset.str(category).into()),
            Label::Status(category) => LabelText::Status(dataset.str(category).into()),
            Label::Named(name) => LabelText::Named(name),
        }
    }

    /// The short name used inside a sum: `men`, `RUS`, `native-born`, `age 0-4`.
    pub fn short(&self, dataset: &Dataset, lang: Lang) -> String {
        self.text(dataset).short(lang).into_owned()
    }

    /// The name used on its own: `women`, `partner RUS (Russian Federation)`.
    pub fn long(&self, dataset: &Dataset, lang: Lang) -> String {
        self.text(dataset).long(lang)
    }
}

/// A [`Label`] with its codes: what a message keeps to name a value when it is written.
#[derive(Clone, Debug)]
pub enum LabelText {
    Total,
    Sex(Sex),
    Age(Box<str>),
    Category(Box<str>),
    Status(Box<str>),
    Named(fn(Lang) -> &'static str),
}

impl PartialEq for LabelText {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LabelText::Total, LabelText::Total) => true,
            (LabelText::Sex(a), LabelText::Sex(b)) => a == b,
            (LabelText::Age(a), LabelText::Age(b))
            | (LabelText::Category(a), LabelText::Category(b))
            | (LabelText::Status(a), LabelText::Status(b)) => a == b,
            (LabelText::Named(a), LabelText::Named(b)) => Lang::ALL.iter().all(|&l| a(l) == b(l)),
            _ => false,
        }
    }
}

impl LabelText {
    /// The category `code` of an observation of `table`: a status in status tables, else a
    /// partner.
    pub fn category_of(table: TableId, code: &str) -> LabelText {
        if table.breakdown() == crate::model::Breakdown::Status {
            LabelText::Status(code.into())
        } else {
            LabelText::Category(code.into())
        }
    }

    /// The short name used inside a sum: `men`, `RUS`, `native-born`, `age 0-4` (borrowed
    /// where it is a fixed word or the code itself: a sum's message names its parts hundreds of
    /// thousands of times on poor data).
    pub fn short(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            LabelText::Total => Cow::Borrowed(t!(lang, "label-total")),
            LabelText::Sex(sex) => Cow::Borrowed(sex_name(*sex, lang)),
            LabelText::Age(age) => Cow::Owned(age_name(age, lang)),
            LabelText::Category(code) => {
                if &**code == status::TOTAL {
                    LabelText::Total.short(lang)
                } else if is_status(code) {
                    Cow::Owned(status_name(code, lang))
                } else {
                    Cow::Borrowed(code)
                }
            }
            LabelText::Status(code) => match &**code {
                status::TOTAL => LabelText::Total.short(lang),
                code => Cow::Owned(status_name(code, lang)),
            },
            LabelText::Named(name) => Cow::Borrowed(name(lang)),
        }
    }

    /// The name used on its own: `women`, `partner RUS (Russian Federation)`.
    pub fn long(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.push_long(lang, &mut out);
        out
    }

    /// [`LabelText::long`] added to `out`.
    pub fn push_long(&self, lang: Lang, out: &mut String) {
        match self {
            LabelText::Total => out.push_str(t!(lang, "label-the-total")),
            LabelText::Category(code) | LabelText::Status(code) if &**code == status::TOTAL => {
                LabelText::Total.push_long(lang, out)
            }
            LabelText::Category(code) if is_status(code) => out.push_str(&status_name(code, lang)),
            LabelText::Category(code) => {
                let mut name = String::with_capacity(48);
                push_partner(code, lang, &mut name);
                t!(into out, lang, "label-partner", partner = name.as_str());
            }
            other => out.push_str(&other.short(lang)),
        }
    }
}

fn is_status(code: &str) -> bool {
    matches!(
        code,
        status::NATIVE
            | status::FOREIGN_BORN
            | status::CITIZENS
            | status::NON_CITIZENS
            | status::FOREIGN
            | status::UNKNOWN
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_show_their_control_characters_and_are_cut_when_long() {
        assert_eq!(label("Kazakhstan"), "Kazakhstan");
        assert_eq!(label("a\u{7}b\tc"), "a\\u{7}b\\u{9}c");
        let long = format!("\u{1b}{}", "Q".repeat(100));
        assert_eq!(
            label(&long),
            format!("\\u{{1b}}{}… (101 characters)", "Q".repeat(79))
        );
    }

    #[test]
    fn numbers_read_naturally_in_both_languages() {
        assert_eq!(percent(0.23, Lang::En), "23.0 %");
        assert_eq!(percent(0.23, Lang::Ru), "23,0 %");
        assert_eq!(threshold(0.005, Lang::En), "0.5 %");
        assert_eq!(threshold(0.2, Lang::Ru), "20 %");
        assert_eq!(decimal(2.7671, 3, Lang::En), "2.767");
        assert_eq!(decimal(-1.5, 1, Lang::Ru), "−1,5");
        assert_eq!(partner("RUS", Lang::En), "RUS (Russian Federation)");
        assert_eq!(partner("Kirgizzz", Lang::En), "Kirgizzz");
        assert_eq!(duration_name(60, Lang::En), "permanent residence");
    }
}

#[cfg(test)]
mod label_tests {
    use super::label;

    #[test]
    fn long_labels_are_shortened_in_messages() {
        assert_eq!(label("Kyrgyzstn"), "Kyrgyzstn");
        let long = "Ж".repeat(20_000);
        let shown = label(&long);
        assert_eq!(shown, format!("{}… (20000 characters)", "Ж".repeat(80)));
    }
}
