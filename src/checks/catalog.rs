//! The check catalogue (`docs/checks.md`): for every code its title, default severity, ESS
//! quality dimension and validation level, and its explanations in English and Russian. The CLI,
//! the GUI and the reports all read the texts from here.

use super::finding::{CheckCode, Dimension, Severity};
use crate::model::Lang;

/// One entry of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct CatalogEntry {
    pub code: CheckCode,
    pub severity: Severity,
    pub dimension: Dimension,
    /// ESS validation level 0–5.
    pub level: u8,
    pub title_en: &'static str,
    pub title_ru: &'static str,
}

impl CatalogEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title_en,
            Lang::Ru => self.title_ru,
        }
    }
}

macro_rules! entry {
    ($code:ident, $sev:ident, $dim:ident, $level:expr, $en:expr, $ru:expr) => {
        CatalogEntry {
            code: CheckCode::$code,
            severity: Severity::$sev,
            dimension: Dimension::$dim,
            level: $level,
            title_en: $en,
            title_ru: $ru,
        }
    };
}

/// The catalogue, in the order of `CheckCode::ALL`.
pub const CATALOG: [CatalogEntry; 28] = [
    entry!(
        S1,
        Error,
        Accessibility,
        0,
        "Every observation has a known table, reporter, year, sex and category",
        "У каждого наблюдения известны таблица, страна, год, пол и категория"
    ),
    entry!(
        S2,
        Error,
        Accuracy,
        0,
        "No two observations share a key with different values",
        "Нет двух наблюдений с одним ключом и разными значениями"
    ),
    entry!(
        S3,
        Error,
        Accuracy,
        0,
        "Values are numbers or explicit missing markers",
        "Значения — числа или явные обозначения пропуска"
    ),
    entry!(
        N1,
        Error,
        Accuracy,
        1,
        "Counts are not negative",
        "Численность не отрицательна"
    ),
    entry!(
        N2,
        Warning,
        Accuracy,
        1,
        "Counts are whole numbers",
        "Численность — целые числа"
    ),
    entry!(
        A1,
        Error,
        Accuracy,
        1,
        "Men and women add up to the total",
        "Мужчины и женщины в сумме дают итог"
    ),
    entry!(
        A2,
        Error,
        Accuracy,
        1,
        "Age groups add up to the total",
        "Возрастные группы в сумме дают итог"
    ),
    entry!(
        A3,
        Error,
        Accuracy,
        1,
        "Partner countries add up to the total",
        "Страны-партнёры в сумме дают итог"
    ),
    entry!(
        A4,
        Error,
        Accuracy,
        1,
        "Status categories add up to the total",
        "Категории статуса в сумме дают итог"
    ),
    entry!(
        C1,
        Error,
        Coherence,
        1,
        "Foreign-born by country of birth (1.2) matches foreign-born in 1.1",
        "Родившиеся за рубежом по странам (1.2) совпадают с таблицей 1.1"
    ),
    entry!(
        C2,
        Error,
        Coherence,
        1,
        "Foreigners by citizenship (2.2) match non-citizens in 2.1",
        "Иностранцы по гражданству (2.2) совпадают с негражданами в 2.1"
    ),
    entry!(
        C3,
        Warning,
        Coherence,
        1,
        "Total population is the same in 1.1 and 2.1",
        "Общая численность населения одинакова в 1.1 и 2.1"
    ),
    entry!(
        C4,
        Error,
        Coherence,
        1,
        "Flow totals agree: 5.1 with 3, 6.1 with 4",
        "Итоги потоков согласованы: 5.1 с 3, 6.1 с 4"
    ),
    entry!(
        C5,
        Error,
        Coherence,
        1,
        "Non-citizen flows by citizenship (5.2, 6.2) match 5.1 and 6.1",
        "Потоки неграждан по гражданству (5.2, 6.2) совпадают с 5.1 и 6.1"
    ),
    entry!(
        C6,
        Error,
        Coherence,
        1,
        "Acquisitions by previous citizenship (7.2) match the 7.1 total",
        "Приобретения по прежнему гражданству (7.2) совпадают с итогом 7.1"
    ),
    entry!(
        P1,
        Warning,
        Accuracy,
        1,
        "No flow from a country to itself",
        "Нет потока из страны в саму себя"
    ),
    entry!(
        P2,
        Error,
        Coherence,
        1,
        "Parts do not exceed their whole (foreign-born, non-citizens, acquisitions)",
        "Части не превышают целое (родившиеся за рубежом, неграждане, приобретения)"
    ),
    entry!(
        P3,
        Error,
        Accuracy,
        1,
        "The reporting country is not a citizenship of its own foreigners",
        "Страна не указана как гражданство собственных иностранцев"
    ),
    entry!(
        U1,
        Warning,
        Accuracy,
        1,
        "Share of unknown categories is small",
        "Доля неизвестных категорий невелика"
    ),
    entry!(
        U2,
        Info,
        Relevance,
        1,
        "Share of residual \"other\" partners is small",
        "Доля прочих стран невелика"
    ),
    entry!(
        D1,
        Warning,
        Coherence,
        4,
        "Population change matches natural change and net migration",
        "Изменение населения согласуется с естественным движением и сальдо миграции"
    ),
    entry!(
        D2,
        Warning,
        Coherence,
        4,
        "Foreign-citizen stock changes match flows and acquisitions",
        "Изменение числа иностранцев согласуется с потоками и приобретением гражданства"
    ),
    entry!(
        D3,
        Warning,
        Coherence,
        4,
        "Naturalisation rate is plausible (0–20 %)",
        "Уровень натурализации правдоподобен (0–20 %)"
    ),
    entry!(
        T1,
        Warning,
        Accuracy,
        2,
        "No implausible jump from one year to the next",
        "Нет неправдоподобного скачка от года к году"
    ),
    entry!(
        T2,
        Info,
        Timeliness,
        2,
        "No years missing inside a series",
        "Нет пропущенных лет внутри ряда"
    ),
    entry!(
        T3,
        Info,
        Comparability,
        2,
        "Breaks in series are marked",
        "Разрывы рядов отмечены"
    ),
    entry!(
        M1,
        Warning,
        Accuracy,
        3,
        "Immigration and the partner's emigration agree",
        "Иммиграция согласуется с эмиграцией, учтённой страной-партнёром"
    ),
    entry!(
        M2,
        Warning,
        Accuracy,
        3,
        "A country's flows agree with what its partners report",
        "Потоки страны согласуются с данными стран-партнёров"
    ),
];

/// The catalogue entry of a check.
pub fn entry(code: CheckCode) -> &'static CatalogEntry {
    &CATALOG[code as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_code_order() {
        for (i, code) in CheckCode::ALL.iter().enumerate() {
            assert_eq!(CATALOG[i].code, *code);
            assert_eq!(entry(*code).code, *code);
        }
    }
}
