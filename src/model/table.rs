//! The twelve UNECE Clearinghouse tables and the vital-statistics tables used by the
//! demographic-balance checks.
#![deny(clippy::indexing_slicing)] // Labels from input decide the lookups here: `get`, never `[]`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What the breakdown (`category`) of a table means.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Breakdown {
    /// Status codes (`TOTAL`, `NATIVE`, `FOREIGN_BORN`, `CITIZENS`, …).
    Status,
    /// Partner countries along one of the country dimensions.
    Country(CountryDim),
    /// No breakdown (population, births, deaths): the category is `TOTAL`.
    None,
}

/// The meaning of the partner country in a by-country table.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CountryDim {
    Birth,
    Citizenship,
    PreviousResidence,
    NextResidence,
}

/// Stock (on a date), flow (in a year) or vital event.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    Stock,
    Flow,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum TableId {
    #[serde(rename = "1.1")]
    T1_1,
    #[serde(rename = "1.2")]
    T1_2,
    #[serde(rename = "2.1")]
    T2_1,
    #[serde(rename = "2.2")]
    T2_2,
    #[serde(rename = "3")]
    T3,
    #[serde(rename = "4")]
    T4,
    #[serde(rename = "5.1")]
    T5_1,
    #[serde(rename = "5.2")]
    T5_2,
    #[serde(rename = "6.1")]
    T6_1,
    #[serde(rename = "6.2")]
    T6_2,
    #[serde(rename = "7.1")]
    T7_1,
    #[serde(rename = "7.2")]
    T7_2,
    /// Population on 1 January.
    #[serde(rename = "POP")]
    Pop,
    /// Live births in the year.
    #[serde(rename = "BIRTHS")]
    Births,
    /// Deaths in the year.
    #[serde(rename = "DEATHS")]
    Deaths,
}

struct TableInfo {
    code: &'static str,
    kind: TableKind,
    breakdown: Breakdown,
    title_en: &'static str,
    title_ru: &'static str,
}

const INFO: [TableInfo; 15] = [
    TableInfo {
        code: "1.1",
        kind: TableKind::Stock,
        breakdown: Breakdown::Status,
        title_en: "Population by place of birth",
        title_ru: "Население по месту рождения",
    },
    TableInfo {
        code: "1.2",
        kind: TableKind::Stock,
        breakdown: Breakdown::Country(CountryDim::Birth),
        title_en: "Foreign-born population by country of birth",
        title_ru: "Население, родившееся за рубежом, по стране рождения",
    },
    TableInfo {
        code: "2.1",
        kind: TableKind::Stock,
        breakdown: Breakdown::Status,
        title_en: "Population by citizenship status",
        title_ru: "Население по гражданству",
    },
    TableInfo {
        code: "2.2",
        kind: TableKind::Stock,
        breakdown: Breakdown::Country(CountryDim::Citizenship),
        title_en: "Foreign citizens by country of citizenship",
        title_ru: "Иностранные граждане по стране гражданства",
    },
    TableInfo {
        code: "3",
        kind: TableKind::Flow,
        breakdown: Breakdown::Country(CountryDim::PreviousResidence),
        title_en: "Long-term immigration by country of previous residence",
        title_ru: "Долгосрочная иммиграция по стране предыдущего проживания",
    },
    TableInfo {
        code: "4",
        kind: TableKind::Flow,
        breakdown: Breakdown::Country(CountryDim::NextResidence),
        title_en: "Long-term emigration by country of next residence",
        title_ru: "Долгосрочная эмиграция по стране последующего проживания",
    },
    TableInfo {
        code: "5.1",
        kind: TableKind::Flow,
        breakdown: Breakdown::Status,
        title_en: "Long-term immigration by citizenship status",
        title_ru: "Долгосрочная иммиграция по гражданству",
    },
    TableInfo {
        code: "5.2",
        kind: TableKind::Flow,
        breakdown: Breakdown::Country(CountryDim::Citizenship),
        title_en: "Long-term immigration of non-citizens by country of citizenship",
        title_ru: "Долгосрочная иммиграция неграждан по стране гражданства",
    },
    TableInfo {
        code: "6.1",
        kind: TableKind::Flow,
        breakdown: Breakdown::Status,
        title_en: "Long-term emigration by citizenship status",
        title_ru: "Долгосрочная эмиграция по гражданству",
    },
    TableInfo {
        code: "6.2",
        kind: TableKind::Flow,
        breakdown: Breakdown::Country(CountryDim::Citizenship),
        title_en: "Long-term emigration of non-citizens by country of citizenship",
        title_ru: "Долгосрочная эмиграция неграждан по стране гражданства",
    },
    TableInfo {
        code: "7.1",
        kind: TableKind::Flow,
        breakdown: Breakdown::Status,
        title_en: "Acquisitions of citizenship by status of the person acquiring it",
        title_ru: "Приобретение гражданства по статусу лица",
    },
    TableInfo {
        code: "7.2",
        kind: TableKind::Flow,
        breakdown: Breakdown::Country(CountryDim::Citizenship),
        title_en: "Acquisitions of citizenship by country of previous citizenship",
        title_ru: "Приобретение гражданства по стране предыдущего гражданства",
    },
    TableInfo {
        code: "POP",
        kind: TableKind::Stock,
        breakdown: Breakdown::None,
        title_en: "Population on 1 January",
        title_ru: "Численность населения на 1 января",
    },
    TableInfo {
        code: "BIRTHS",
        kind: TableKind::Flow,
        breakdown: Breakdown::None,
        title_en: "Live births",
        title_ru: "Число родившихся",
    },
    TableInfo {
        code: "DEATHS",
        kind: TableKind::Flow,
        breakdown: Breakdown::None,
        title_en: "Deaths",
        title_ru: "Число умерших",
    },
];

impl TableId {
    /// Every table, in catalogue order.
    pub const ALL: [TableId; 15] = [
        TableId::T1_1,
        TableId::T1_2,
        TableId::T2_1,
        TableId::T2_2,
        TableId::T3,
        TableId::T4,
        TableId::T5_1,
        TableId::T5_2,
        TableId::T6_1,
        TableId::T6_2,
        TableId::T7_1,
        TableId::T7_2,
        TableId::Pop,
        TableId::Births,
        TableId::Deaths,
    ];

    /// The twelve Clearinghouse tables.
    pub const CLEARINGHOUSE: [TableId; 12] = [
        TableId::T1_1,
        TableId::T1_2,
        TableId::T2_1,
        TableId::T2_2,
        TableId::T3,
        TableId::T4,
        TableId::T5_1,
        TableId::T5_2,
        TableId::T6_1,
        TableId::T6_2,
        TableId::T7_1,
        TableId::T7_2,
    ];

    // `INFO` has one entry per variant, in the order of the variants: the index is always in it.
    #[allow(clippy::indexing_slicing)]
    fn info(self) -> &'static TableInfo {
        &INFO[self as usize]
    }

    /// The canonical code: `1.1`, `3`, `POP`.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    pub fn kind(self) -> TableKind {
        self.info().kind
    }

    pub fn breakdown(self) -> Breakdown {
        self.info().breakdown
    }

    pub fn is_by_country(self) -> bool {
        matches!(self.breakdown(), Breakdown::Country(_))
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.info().title_en,
            Lang::Ru => self.info().title_ru,
        }
    }

    /// The table as a person reads it in a list: `3 — Long-term immigration…`; the population,
    /// births and deaths by their title alone, since their codes (`POP`, `BIRTHS`, `DEATHS`) are
    /// for machines.
    pub fn label(self, lang: Lang) -> String {
        match self {
            TableId::Pop | TableId::Births | TableId::Deaths => self.title(lang).to_string(),
            _ => format!("{} — {}", self.code(), self.title(lang)),
        }
    }

    /// The table as a heading names it: `Table 3 — Long-term immigration…`; the population,
    /// births and deaths by their title alone.
    pub fn heading(self, lang: Lang) -> String {
        match self {
            TableId::Pop | TableId::Births | TableId::Deaths => self.title(lang).to_string(),
            _ => format!(
                "{} {} — {}",
                crate::t!(lang, "table-word"),
                self.code(),
                self.title(lang)
            ),
        }
    }

    /// The table as a chart's row names it: `Table 3`; the population, births and deaths by a
    /// word (`Population`, `Население`).
    pub fn short_label(self, lang: Lang) -> String {
        match self {
            TableId::Pop => crate::t!(lang, "table-short-pop").to_string(),
            TableId::Births => crate::t!(lang, "table-short-births").to_string(),
            TableId::Deaths => crate::t!(lang, "table-short-deaths").to_string(),
            _ => format!("{} {}", crate::t!(lang, "table-word"), self.code()),
        }
    }

    /// The table in a narrow column a person reads: its number (`3`, `7.2`); the population,
    /// births and deaths by a word ([`Self::short_label`]).
    pub fn column_label(self, lang: Lang) -> String {
        match self {
            TableId::Pop | TableId::Births | TableId::Deaths => self.short_label(lang),
            _ => self.code().to_string(),
        }
    }

    /// The sheet name migreview writes for this table in a Clearinghouse workbook.
    pub fn sheet_name(self) -> String {
        match self {
            TableId::Pop | TableId::Births | TableId::Deaths => self.code().to_string(),
            _ => format!("Table {}", self.code()),
        }
    }

    pub fn from_index(index: u8) -> Option<TableId> {
        TableId::ALL.get(index as usize).copied()
    }

    /// Reads a table reference as people write it: `3`, `T3`, `T5_1`, `Table 5.1`,
    /// `Таблица 5.1`, `5,1`, `POP`, or the table's English or Russian title.
    pub fn parse(text: &str) -> Option<TableId> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lower = trimmed.to_lowercase();
        match lower.as_str() {
            "pop" | "population" | "население" | "численность населения" =>
            {
                return Some(TableId::Pop);
            }
            "births" | "live births" | "рождения" | "родившиеся" | "число родившихся" =>
            {
                return Some(TableId::Births);
            }
            "deaths" | "умершие" | "смерти" | "число умерших" => {
                return Some(TableId::Deaths);
            }
            _ => {}
        }
        for id in TableId::ALL {
            if lower == id.title(Lang::En).to_lowercase()
                || lower == id.title(Lang::Ru).to_lowercase()
            {
                return Some(id);
            }
        }
        let rest = strip_table_word(&lower);
        let code: String = rest
            .trim()
            .chars()
            .map(|c| {
                if c == '_' || c == ',' || c == '-' {
                    '.'
                } else {
                    c
                }
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        let code = code.trim_end_matches('.');
        let code = code.strip_suffix(".0").unwrap_or(code);
        TableId::ALL
            .into_iter()
            .find(|id| id.code().eq_ignore_ascii_case(code))
    }

    /// Recognises a table from a sheet name or title that may carry more words
    /// (`Table 3 M`, `T5_1 (flows)`, `Long-term immigration by country of previous residence, 2010–2020`).
    pub fn find_in(text: &str) -> Option<TableId> {
        if let Some(id) = TableId::parse(text) {
            return Some(id);
        }
        let lower = text.to_lowercase();
        // Longest titles first so that "… by citizenship status" does not match a shorter title.
        let mut titled: Vec<(usize, TableId)> = Vec::new();
        for id in TableId::ALL {
            for title in [id.title(Lang::En), id.title(Lang::Ru)] {
                if lower.contains(&title.to_lowercase()) {
                    titled.push((title.len(), id));
                }
            }
        }
        if let Some((_, id)) = titled.into_iter().max_by_key(|(len, _)| *len) {
            return Some(id);
        }
        // The first word-token after "table"/"таблица", or a leading "T3"-style token.
        let tokens: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == ':' || c == '(' || c == ')' || c == '—')
            .filter(|t| !t.is_empty())
            .collect();
        for (i, token) in tokens.iter().enumerate() {
            let is_table_word = matches!(*token, "table" | "таблица" | "табл." | "tab." | "tab");
            if is_table_word
                && let Some(next) = tokens.get(i + 1)
                && let Some(id) = TableId::parse(next)
            {
                return Some(id);
            }
        }
        let first = tokens.first()?;
        if first.starts_with('t') || first.starts_with("таблица") {
            return TableId::parse(first);
        }
        if first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return TableId::parse(first);
        }
        None
    }
}

fn strip_table_word(lower: &str) -> &str {
    for prefix in ["table", "таблица", "табл.", "tab.", "t"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return rest;
        }
    }
    lower
}

impl fmt::Display for TableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

pub use crate::i18n::Lang;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_reads_words_where_a_machine_reads_codes() {
        assert_eq!(
            TableId::T3.label(Lang::En),
            "3 — Long-term immigration by country of previous residence"
        );
        assert_eq!(
            TableId::T3.heading(Lang::Ru),
            "Таблица 3 — Долгосрочная иммиграция по стране предыдущего проживания"
        );
        assert_eq!(TableId::T3.short_label(Lang::Ru), "Таблица 3");
        assert_eq!(
            TableId::Pop.label(Lang::Ru),
            "Численность населения на 1 января"
        );
        assert_eq!(TableId::Pop.heading(Lang::En), "Population on 1 January");
        assert_eq!(TableId::Pop.short_label(Lang::Ru), "Население");
        assert_eq!(TableId::Births.short_label(Lang::Ru), "Рождения");
        assert_eq!(TableId::Deaths.short_label(Lang::En), "Deaths");
    }

    #[test]
    fn parses_the_spellings_people_use() {
        assert_eq!(TableId::parse("3"), Some(TableId::T3));
        assert_eq!(TableId::parse("T3"), Some(TableId::T3));
        assert_eq!(TableId::parse("T5_1"), Some(TableId::T5_1));
        assert_eq!(TableId::parse("Table 5.1"), Some(TableId::T5_1));
        assert_eq!(TableId::parse("Таблица 5.1"), Some(TableId::T5_1));
        assert_eq!(TableId::parse("7,2"), Some(TableId::T7_2));
        assert_eq!(TableId::parse("3.0"), Some(TableId::T3));
        assert_eq!(TableId::parse("pop"), Some(TableId::Pop));
        assert_eq!(TableId::parse("8"), None);
        assert_eq!(TableId::parse("Total"), None);
        assert_eq!(
            TableId::parse("Long-term immigration by country of previous residence"),
            Some(TableId::T3)
        );
    }

    #[test]
    fn finds_tables_in_sheet_names_and_titles() {
        assert_eq!(TableId::find_in("Table 3 M"), Some(TableId::T3));
        assert_eq!(TableId::find_in("T6_2 (flows)"), Some(TableId::T6_2));
        assert_eq!(
            TableId::find_in("Long-term emigration by citizenship status, 2010-2020"),
            Some(TableId::T6_1)
        );
        assert_eq!(
            TableId::find_in("Таблица 4. Долгосрочная эмиграция"),
            Some(TableId::T4)
        );
        assert_eq!(TableId::find_in("Notes"), None);
        assert_eq!(TableId::find_in("Summary"), None);
    }
}
