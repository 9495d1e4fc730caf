//! The words of finding messages, in English and Russian. Messages are built from the values of
//! a case; these helpers name the things the values belong to.

pub use crate::model::text::{LABEL_CHARS, label};

use crate::model::category::status;
use crate::model::{
    Dataset, Lang, Location, Missing, Sex, Sym, TableId, format_count_in, gazetteer,
};

/// Builds a message in both languages from one function of the language.
pub fn both(message: impl Fn(Lang) -> String) -> (String, String) {
    (message(Lang::En), message(Lang::Ru))
}

/// A count: `4,190` / `4 190`.
pub fn count(value: f64, lang: Lang) -> String {
    format_count_in(value, lang)
}

/// A number with a fixed number of decimals: `2.767` / `2,767`.
pub fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{value:.decimals$}").replace('-', "−");
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
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
    match lang {
        Lang::En => reason.describe(),
        Lang::Ru => match reason {
            Missing::Empty => "пустая ячейка",
            Missing::NotAvailable => "нет данных",
            Missing::NotApplicable => "не применимо",
            Missing::Confidential => "конфиденциально",
            Missing::Unreadable => "не число",
        },
    }
}

/// A sex as a part of a total: `men` / `мужчины`.
pub fn sex_name(sex: Sex, lang: Lang) -> &'static str {
    match (sex, lang) {
        (Sex::T, Lang::En) => "both sexes",
        (Sex::M, Lang::En) => "men",
        (Sex::F, Lang::En) => "women",
        (Sex::U, Lang::En) => "sex unknown",
        (Sex::T, Lang::Ru) => "оба пола",
        (Sex::M, Lang::Ru) => "мужчины",
        (Sex::F, Lang::Ru) => "женщины",
        (Sex::U, Lang::Ru) => "пол не указан",
    }
}

/// A status category: `native-born` / `уроженцы страны`.
pub fn status_name(code: &str, lang: Lang) -> String {
    let (en, ru) = match code {
        status::TOTAL => ("total", "итого"),
        status::NATIVE => ("native-born", "уроженцы страны"),
        status::FOREIGN_BORN => ("foreign-born", "родившиеся за рубежом"),
        status::CITIZENS => ("citizens", "граждане"),
        status::NON_CITIZENS => ("non-citizens", "неграждане"),
        status::FOREIGN => ("foreign citizens", "иностранные граждане"),
        status::STATELESS => ("stateless", "лица без гражданства"),
        status::UNKNOWN => ("status unknown", "статус не указан"),
        other => return other.to_string(),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Ru => ru.to_string(),
    }
}

/// A partner named by code and name: `RUS (Russian Federation)`.
pub fn partner(code: &str, lang: Lang) -> String {
    match gazetteer().by_code(code) {
        Some(place) if place.name(lang) != code => format!("{code} ({})", place.name(lang)),
        _ => code.to_string(),
    }
}

/// A reporting country named by code and name: `KAZ (Kazakhstan)`.
pub fn reporter(code: &str, lang: Lang) -> String {
    partner(code, lang)
}

/// An age group: `age 0-4` / `возраст 0-4`.
pub fn age_name(code: &str, lang: Lang) -> String {
    match (code, lang) {
        ("TOTAL", Lang::En) => "all ages".into(),
        ("TOTAL", Lang::Ru) => "все возрасты".into(),
        ("UNK", Lang::En) => "age unknown".into(),
        ("UNK", Lang::Ru) => "возраст не указан".into(),
        (_, Lang::En) => format!("age {code}"),
        (_, Lang::Ru) => format!("возраст {code}"),
    }
}

/// A table: `table 3` / `таблица 3`.
pub fn table_name(table: TableId, lang: Lang) -> String {
    match (table, lang) {
        (TableId::Pop, Lang::En) => "population".into(),
        (TableId::Births, Lang::En) => "births".into(),
        (TableId::Deaths, Lang::En) => "deaths".into(),
        (TableId::Pop, Lang::Ru) => "численность населения".into(),
        (TableId::Births, Lang::Ru) => "число родившихся".into(),
        (TableId::Deaths, Lang::Ru) => "число умерших".into(),
        (_, Lang::En) => format!("table {}", table.code()),
        (_, Lang::Ru) => format!("таблица {}", table.code()),
    }
}

/// A duration-of-stay rule: `12 months`, `no minimum duration`, `permanent`.
pub fn duration_name(months: u8, lang: Lang) -> String {
    match (months, lang) {
        (0, Lang::En) => "no minimum duration".into(),
        (0, Lang::Ru) => "без минимального срока".into(),
        (60, Lang::En) => "permanent residence".into(),
        (60, Lang::Ru) => "постоянное место жительства".into(),
        (m, Lang::En) => format!("{m} months"),
        (m, Lang::Ru) => format!("{m} мес."),
    }
}

/// Where a value is, for a message: ` at KAZ.xlsx › Table 3 › D14` / `, KAZ.xlsx › …`.
pub fn at(location: &Location, lang: Lang) -> String {
    if location.file.is_empty() && location.sheet.is_none() && location.cell.is_none() {
        return String::new();
    }
    match lang {
        Lang::En => format!(" at {location}"),
        Lang::Ru => format!(", {location}"),
    }
}

/// What a value in a sum or a comparison is.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Label {
    /// The total of a breakdown (`Total` / `Итого`).
    Total,
    Sex(Sex),
    Age(Sym),
    /// A partner country or a status code.
    Category(Sym),
    /// A category of a status table (`STATELESS` there is a status, not a partner).
    Status(Sym),
    /// Anything else, in both languages.
    Named(&'static str, &'static str),
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

    /// The short name used inside a sum: `men`, `RUS`, `native-born`, `age 0-4`.
    pub fn short(&self, dataset: &Dataset, lang: Lang) -> String {
        match self {
            Label::Total => match lang {
                Lang::En => "Total".into(),
                Lang::Ru => "Итого".into(),
            },
            Label::Sex(sex) => sex_name(*sex, lang).into(),
            Label::Age(age) => age_name(dataset.str(*age), lang),
            Label::Category(category) => {
                let code = dataset.str(*category);
                if code == status::TOTAL {
                    Label::Total.short(dataset, lang)
                } else if is_status(code) {
                    status_name(code, lang)
                } else {
                    code.to_string()
                }
            }
            Label::Status(category) => match dataset.str(*category) {
                status::TOTAL => Label::Total.short(dataset, lang),
                code => status_name(code, lang),
            },
            Label::Named(en, ru) => match lang {
                Lang::En => (*en).into(),
                Lang::Ru => (*ru).into(),
            },
        }
    }

    /// The name used on its own: `women`, `partner RUS (Russian Federation)`.
    pub fn long(&self, dataset: &Dataset, lang: Lang) -> String {
        match self {
            Label::Total => match lang {
                Lang::En => "the total".into(),
                Lang::Ru => "итог".into(),
            },
            Label::Category(category) => {
                let code = dataset.str(*category);
                if code == status::TOTAL {
                    Label::Total.long(dataset, lang)
                } else if is_status(code) {
                    status_name(code, lang)
                } else {
                    match lang {
                        Lang::En => format!("partner {}", partner(code, lang)),
                        Lang::Ru => format!("страна-партнёр {}", partner(code, lang)),
                    }
                }
            }
            Label::Status(category) if dataset.str(*category) == status::TOTAL => {
                Label::Total.long(dataset, lang)
            }
            other => other.short(dataset, lang),
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
