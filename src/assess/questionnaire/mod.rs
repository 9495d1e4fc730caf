//! The questionnaire a national statistical office fills in: an `.xlsx` workbook with a sheet of
//! instructions (English and Russian), a `Countries` sheet, a `Sources` sheet (one row per
//! source, a column for every inventory field, pick lists for the enumerations) and a `Scores`
//! sheet (source × criterion, score 0–3, reason and evidence). [`write_questionnaire`] writes it,
//! prefilled with an assessment; [`read_questionnaire`] reads it back, checking every cell first
//! and building the assessment only when nothing is wrong.

mod read;
mod write;

pub use read::{Imported, import_questionnaire, read_questionnaire};
pub use write::{save_questionnaire, write_questionnaire};

use crate::model::Lang;
use std::fmt;

/// Sheet names, as written (English) and also accepted on import (Russian).
pub const INSTRUCTIONS_SHEET: &str = "Instructions";
pub const COUNTRIES_SHEET: &str = "Countries";
pub const SOURCES_SHEET: &str = "Sources";
pub const SCORES_SHEET: &str = "Scores";
/// A hidden sheet with the values of the pick lists.
pub const LISTS_SHEET: &str = "Lists";

/// Russian names accepted for the data sheets.
pub(crate) fn sheet_aliases(sheet: &str) -> &'static [&'static str] {
    match sheet {
        COUNTRIES_SHEET => &["Страны"],
        SOURCES_SHEET => &["Источники"],
        SCORES_SHEET => &["Оценки"],
        _ => &[],
    }
}

/// What a column holds, for the writer, the reader and the instructions.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Country,
    Synthetic,
    CountryNotes,
    ReviewDate,
    SourceId,
    Name,
    Kind,
    Agency,
    Measures,
    Feeds,
    Periodicity,
    ReleaseLag,
    PopulationCovered,
    GroupsCovered,
    DurationRule,
    DurationBasis,
    Registration,
    RegistrationDays,
    RegistrationNote,
    Deregistration,
    DeregistrationDays,
    DeregistrationNote,
    Publication,
    Notes,
    Criterion,
    SuggestedScore,
    SuggestedWhy,
    Score,
    Reason,
    Evidence,
    SuggestionData,
}

/// A column of a questionnaire sheet.
#[derive(Copy, Clone, Debug)]
pub struct Column {
    pub field: Field,
    pub en: &'static str,
    pub ru: &'static str,
    pub help_en: &'static str,
    pub help_ru: &'static str,
    pub width: f64,
    /// The import fails when the column is missing.
    pub required: bool,
    /// Shown for information, not read back.
    pub info_only: bool,
}

impl Column {
    pub fn header(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }

    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.help_en,
            Lang::Ru => self.help_ru,
        }
    }
}

macro_rules! column {
    ($field:ident, $en:expr, $ru:expr, $width:expr, $required:expr, $info:expr, $help_en:expr, $help_ru:expr) => {
        Column {
            field: Field::$field,
            en: $en,
            ru: $ru,
            help_en: $help_en,
            help_ru: $help_ru,
            width: $width,
            required: $required,
            info_only: $info,
        }
    };
}

const COUNTRY: Column = column!(
    Country,
    "Country",
    "Страна",
    12.0,
    true,
    false,
    "ISO code (KAZ) or name of the country",
    "Код ISO (KAZ) или название страны"
);

pub const COUNTRY_COLUMNS: [Column; 4] = [
    COUNTRY,
    column!(
        Synthetic,
        "Synthetic data",
        "Синтетические данные",
        14.0,
        false,
        false,
        "yes: demonstration data, not a real review",
        "да: демонстрационные данные, а не реальный обзор"
    ),
    column!(
        CountryNotes,
        "Notes",
        "Примечания",
        80.0,
        false,
        false,
        "Overview of the country's system of migration data collection",
        "Обзор системы сбора данных о миграции в стране"
    ),
    column!(
        ReviewDate,
        "Review date",
        "Дата обзора",
        14.0,
        false,
        false,
        "Date of the review as YYYY-MM-DD; timeliness is judged against it",
        "Дата обзора в виде ГГГГ-ММ-ДД; по ней оценивается своевременность"
    ),
];

pub const SOURCE_COLUMNS: [Column; 21] = [
    COUNTRY,
    column!(
        SourceId,
        "Source ID",
        "Код источника",
        14.0,
        true,
        false,
        "Short and unique within the country, e.g. KAZ-REG",
        "Краткий и уникальный в пределах страны, например KAZ-REG"
    ),
    column!(
        Name,
        "Source name",
        "Название источника",
        36.0,
        true,
        false,
        "Name of the data source",
        "Название источника данных"
    ),
    column!(
        Kind,
        "Type of source",
        "Тип источника",
        30.0,
        true,
        false,
        "Pick from the list",
        "Выберите из списка"
    ),
    column!(
        Agency,
        "Agency",
        "Ведомство",
        30.0,
        false,
        false,
        "Who runs the source and who produces the statistics",
        "Кто ведёт источник и кто составляет статистику"
    ),
    column!(
        Measures,
        "What it measures",
        "Что измеряет",
        36.0,
        false,
        false,
        "Flows, stocks, events or persons, and of whom",
        "Потоки, численность, события или лица, и кого именно"
    ),
    column!(
        Feeds,
        "Tables fed (years)",
        "Таблицы (годы)",
        30.0,
        false,
        false,
        "Clearinghouse tables with years, written with a dot: 3 (2008–2012); 4 (2008–2012); 5.1",
        "Таблицы Клирингового центра с годами, через точку: 3 (2008–2012); 4 (2008–2012); 5.1"
    ),
    column!(
        Periodicity,
        "Periodicity",
        "Периодичность",
        24.0,
        false,
        false,
        "Pick from the list",
        "Выберите из списка"
    ),
    column!(
        ReleaseLag,
        "Release lag (months)",
        "Задержка публикации (мес.)",
        14.0,
        false,
        false,
        "Months from the end of the reference year to the release",
        "Месяцев от конца отчётного года до публикации"
    ),
    column!(
        PopulationCovered,
        "Population covered",
        "Охватываемое население",
        36.0,
        false,
        false,
        "Who is covered, in words",
        "Кто охвачен, словами"
    ),
    column!(
        GroupsCovered,
        "Groups covered",
        "Охват групп",
        30.0,
        false,
        false,
        "Pick from the list",
        "Выберите из списка"
    ),
    column!(
        DurationRule,
        "Duration rule (months)",
        "Критерий продолжительности, мес.",
        14.0,
        false,
        false,
        "Stay after which a person counts as a migrant: 12, 9, 6, 3; 0 = no limit; 60 = permanent; empty = unknown",
        "Срок пребывания, после которого человек считается мигрантом: 12, 9, 6, 3; 0 = без ограничения; 60 = постоянное; пусто = неизвестно"
    ),
    column!(
        DurationBasis,
        "Duration basis",
        "Основа продолжительности",
        20.0,
        false,
        false,
        "Actual or intended stay",
        "Фактическое или предполагаемое пребывание"
    ),
    column!(
        Registration,
        "Registration obligation",
        "Обязанность регистрации",
        26.0,
        false,
        false,
        "Must people register on arrival?",
        "Обязаны ли люди регистрироваться по прибытии?"
    ),
    column!(
        RegistrationDays,
        "Registration limit (days)",
        "Срок регистрации (дней)",
        14.0,
        false,
        false,
        "Days allowed to register",
        "Сколько дней даётся на регистрацию"
    ),
    column!(
        RegistrationNote,
        "Registration details",
        "Регистрация: подробности",
        30.0,
        false,
        false,
        "Who must register, sanctions, exceptions",
        "Кто обязан регистрироваться, санкции, исключения"
    ),
    column!(
        Deregistration,
        "De-registration obligation",
        "Обязанность снятия с учёта",
        26.0,
        false,
        false,
        "Must people de-register on departure?",
        "Обязаны ли люди сниматься с учёта при выезде?"
    ),
    column!(
        DeregistrationDays,
        "De-registration limit (days)",
        "Срок снятия с учёта (дней)",
        14.0,
        false,
        false,
        "Days allowed to de-register",
        "Сколько дней даётся на снятие с учёта"
    ),
    column!(
        DeregistrationNote,
        "De-registration details",
        "Снятие с учёта: подробности",
        30.0,
        false,
        false,
        "Who must de-register, incentives, administrative removals",
        "Кто обязан сниматься с учёта, стимулы, снятие с учёта по решению органов"
    ),
    column!(
        Publication,
        "Publication",
        "Публикация",
        26.0,
        false,
        false,
        "Pick from the list",
        "Выберите из списка"
    ),
    column!(
        Notes,
        "Notes",
        "Примечания",
        40.0,
        false,
        false,
        "Anything else the reviewer should know",
        "Всё, что ещё следует знать эксперту"
    ),
];

pub const SCORE_COLUMNS: [Column; 9] = [
    COUNTRY,
    column!(
        SourceId,
        "Source ID",
        "Код источника",
        14.0,
        true,
        false,
        "As in the sheet Sources",
        "Как на листе Источники (Sources)"
    ),
    column!(
        Criterion,
        "Criterion",
        "Критерий",
        30.0,
        true,
        false,
        "Pick from the list",
        "Выберите из списка"
    ),
    column!(
        SuggestedScore,
        "Suggested score",
        "Предложенная оценка",
        12.0,
        false,
        true,
        "Computed from the data; for information",
        "Вычислена по данным; для сведения"
    ),
    column!(
        SuggestedWhy,
        "Why (suggestion)",
        "Обоснование предложения",
        50.0,
        false,
        true,
        "Why the data suggest this score; for information",
        "Почему данные указывают на эту оценку; для сведения"
    ),
    column!(
        Score,
        "Score (0–3)",
        "Оценка (0–3)",
        10.0,
        true,
        false,
        "0–3, see the rubric in the sheet Instructions; empty = not scored",
        "0–3, см. шкалу на листе Instructions; пусто = без оценки"
    ),
    column!(
        Reason,
        "Reason for a different score",
        "Причина иной оценки",
        36.0,
        false,
        false,
        "Required when the score differs from the suggested one",
        "Обязательна, если оценка отличается от предложенной"
    ),
    column!(
        Evidence,
        "Evidence",
        "Обоснование",
        50.0,
        false,
        false,
        "What the score rests on, in your words",
        "На чём основана оценка, своими словами"
    ),
    column!(
        SuggestionData,
        "Suggestion data",
        "Данные предложения",
        10.0,
        false,
        false,
        "Hidden: the suggestion as migreview stores it; do not edit",
        "Скрыто: предложение в формате migreview; не изменять"
    ),
];

/// Something wrong in a questionnaire, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// `C5`, or `None` for the sheet as a whole.
    pub cell: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cell {
            _ if self.sheet.is_empty() => f.write_str(&self.message),
            Some(cell) => write!(f, "sheet {} cell {cell}: {}", self.sheet, self.message),
            None => write!(f, "sheet {}: {}", self.sheet, self.message),
        }
    }
}

/// A questionnaire that could not be imported; nothing of it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionnaireError {
    /// The file, as given (may be empty for bytes).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for QuestionnaireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = if self.file.is_empty() {
            "the questionnaire".to_string()
        } else {
            self.file.clone()
        };
        write!(
            f,
            "{name}: nothing was imported; {} {} to fix:",
            self.problems.len(),
            if self.problems.len() == 1 {
                "problem"
            } else {
                "problems"
            }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QuestionnaireError {}

/// What to put in a questionnaire.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionnaireOptions {
    /// Prefill these countries (canonical codes); empty: every country of the assessment.
    pub countries: Vec<String>,
    /// Language of the headers, pick lists and suggestion texts (the instructions have both).
    pub lang: Lang,
}

impl crate::assess::model::Assessment {
    /// Reads a questionnaire and takes its countries in, replacing those already assessed.
    /// On any problem the assessment is left exactly as it was.
    pub fn merge_questionnaire(&mut self, bytes: &[u8]) -> Result<Imported, QuestionnaireError> {
        let imported = read_questionnaire(bytes)?;
        self.merge(imported.assessment.clone());
        Ok(imported)
    }
}
