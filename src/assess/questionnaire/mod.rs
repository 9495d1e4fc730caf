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
    DeregistrationThirdCountry,
    ThirdCountryMonitoring,
    AdministrativeCorrections,
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
    /// The identifiers of the heading and of its help in the catalogue (`assess.ftl`).
    heading: &'static str,
    help: &'static str,
    pub width: f64,
    /// The import fails when the column is missing.
    pub required: bool,
    /// Shown for information, not read back.
    pub info_only: bool,
}

impl Column {
    pub fn header(&self, lang: Lang) -> &'static str {
        crate::i18n::text(lang, self.heading)
    }

    pub fn help(&self, lang: Lang) -> &'static str {
        crate::i18n::text(lang, self.help)
    }
}

macro_rules! column {
    ($field:ident, $heading:literal, $help:literal, $width:expr, $required:expr, $info:expr) => {
        Column {
            field: Field::$field,
            heading: $heading,
            help: $help,
            width: $width,
            required: $required,
            info_only: $info,
        }
    };
}

const COUNTRY: Column = column!(
    Country,
    "column-country",
    "column-country-help",
    12.0,
    true,
    false
);

pub const COUNTRY_COLUMNS: [Column; 4] = [
    COUNTRY,
    column!(
        Synthetic,
        "column-synthetic",
        "column-synthetic-help",
        14.0,
        false,
        false
    ),
    column!(
        CountryNotes,
        "column-country-notes",
        "column-country-notes-help",
        80.0,
        false,
        false
    ),
    column!(
        ReviewDate,
        "column-review-date",
        "column-review-date-help",
        14.0,
        false,
        false
    ),
];

pub const SOURCE_COLUMNS: [Column; 24] = [
    COUNTRY,
    column!(
        SourceId,
        "column-source-id",
        "column-source-id-help",
        14.0,
        true,
        false
    ),
    column!(Name, "column-name", "column-name-help", 36.0, true, false),
    column!(Kind, "column-kind", "column-kind-help", 30.0, true, false),
    column!(
        Agency,
        "column-agency",
        "column-agency-help",
        30.0,
        false,
        false
    ),
    column!(
        Measures,
        "column-measures",
        "column-measures-help",
        36.0,
        false,
        false
    ),
    column!(
        Feeds,
        "column-feeds",
        "column-feeds-help",
        30.0,
        false,
        false
    ),
    column!(
        Periodicity,
        "column-periodicity",
        "column-periodicity-help",
        24.0,
        false,
        false
    ),
    column!(
        ReleaseLag,
        "column-release-lag",
        "column-release-lag-help",
        14.0,
        false,
        false
    ),
    column!(
        PopulationCovered,
        "column-population-covered",
        "column-population-covered-help",
        36.0,
        false,
        false
    ),
    column!(
        GroupsCovered,
        "column-groups-covered",
        "column-groups-covered-help",
        30.0,
        false,
        false
    ),
    column!(
        DurationRule,
        "column-duration-rule",
        "column-duration-rule-help",
        14.0,
        false,
        false
    ),
    column!(
        DurationBasis,
        "column-duration-basis",
        "column-duration-basis-help",
        20.0,
        false,
        false
    ),
    column!(
        Registration,
        "column-registration",
        "column-registration-help",
        26.0,
        false,
        false
    ),
    column!(
        RegistrationDays,
        "column-registration-days",
        "column-registration-days-help",
        14.0,
        false,
        false
    ),
    column!(
        RegistrationNote,
        "column-registration-note",
        "column-registration-note-help",
        30.0,
        false,
        false
    ),
    column!(
        Deregistration,
        "column-deregistration",
        "column-deregistration-help",
        26.0,
        false,
        false
    ),
    column!(
        DeregistrationDays,
        "column-deregistration-days",
        "column-deregistration-days-help",
        14.0,
        false,
        false
    ),
    column!(
        DeregistrationNote,
        "column-deregistration-note",
        "column-deregistration-note-help",
        30.0,
        false,
        false
    ),
    column!(
        DeregistrationThirdCountry,
        "column-deregistration-third-country",
        "column-deregistration-third-country-help",
        22.0,
        false,
        false
    ),
    column!(
        ThirdCountryMonitoring,
        "column-third-country-monitoring",
        "column-third-country-monitoring-help",
        22.0,
        false,
        false
    ),
    column!(
        AdministrativeCorrections,
        "column-administrative-corrections",
        "column-administrative-corrections-help",
        22.0,
        false,
        false
    ),
    column!(
        Publication,
        "column-publication",
        "column-publication-help",
        26.0,
        false,
        false
    ),
    column!(
        Notes,
        "column-notes",
        "column-notes-help",
        40.0,
        false,
        false
    ),
];

pub const SCORE_COLUMNS: [Column; 9] = [
    COUNTRY,
    column!(
        SourceId,
        "column-source-id-2",
        "column-source-id-2-help",
        14.0,
        true,
        false
    ),
    column!(
        Criterion,
        "column-criterion",
        "column-criterion-help",
        30.0,
        true,
        false
    ),
    column!(
        SuggestedScore,
        "column-suggested-score",
        "column-suggested-score-help",
        12.0,
        false,
        true
    ),
    column!(
        SuggestedWhy,
        "column-suggested-why",
        "column-suggested-why-help",
        50.0,
        false,
        true
    ),
    column!(
        Score,
        "column-score",
        "column-score-help",
        10.0,
        true,
        false
    ),
    column!(
        Reason,
        "column-reason",
        "column-reason-help",
        36.0,
        false,
        false
    ),
    column!(
        Evidence,
        "column-evidence",
        "column-evidence-help",
        50.0,
        false,
        false
    ),
    column!(
        SuggestionData,
        "column-suggestion-data",
        "column-suggestion-data-help",
        10.0,
        false,
        false
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
