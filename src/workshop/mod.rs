//! Workshop lessons: small data sets built from the sample generator with exactly the problems
//! a lesson is about, the trainer's script and the room's "why it matters" in English and
//! Russian, and the handouts of each lesson.
//!
//! A lesson is data, not code: `assets/workshop/lessons.toml` names its countries and the
//! faults planted into the clean sample ([`fault::Fault`]), and the checks those faults must
//! raise; its texts are messages of the catalogue (`assets/i18n/*/workshop.ftl`), named
//! `lesson-<id>-title`, `-why`, `-show`, `-ask` and `-explain`.

pub mod fault;
pub mod handouts;
pub mod quiz;

use crate::checks::{CheckCode, Finding};
use crate::model::{Dataset, Lang};
use crate::report::Report;
use crate::sample::generate::GenerateError;
use crate::sample::{Sample, Variant};
use crate::settings::Settings;
use crate::t;
pub use fault::{Fault, FaultError, FaultKind};
use serde::Deserialize;
use std::sync::OnceLock;

/// The lessons as written in `assets/workshop/lessons.toml`.
const LESSONS: &str = include_str!("../../assets/workshop/lessons.toml");

/// One lesson: its countries, what is planted and what the checks must find.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Lesson {
    /// A short name, used on the command line (`--lesson totals`) and in the texts' names.
    pub id: String,
    /// The countries whose workbooks the lesson's data hold.
    pub reporters: Vec<String>,
    /// The problems planted into the clean sample.
    #[serde(rename = "fault")]
    pub faults: Vec<Fault>,
    /// The checks the planted problems raise, and no other.
    pub expect: Vec<CheckCode>,
}

#[derive(Deserialize)]
struct LessonsFile {
    lesson: Vec<Lesson>,
}

/// Which text of a lesson.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LessonText {
    Title,
    /// One paragraph for the room.
    Why,
    /// For the trainer: what to show.
    Show,
    /// For the trainer: what to ask the room.
    Ask,
    /// For the trainer: the explanation once the room has answered.
    Explain,
}

impl LessonText {
    pub const ALL: [LessonText; 5] = [
        LessonText::Title,
        LessonText::Why,
        LessonText::Show,
        LessonText::Ask,
        LessonText::Explain,
    ];

    fn suffix(self) -> &'static str {
        match self {
            LessonText::Title => "title",
            LessonText::Why => "why",
            LessonText::Show => "show",
            LessonText::Ask => "ask",
            LessonText::Explain => "explain",
        }
    }
}

/// Every lesson, in the order a workshop takes them. The file is part of the program; a test
/// reads it, so that a lesson that cannot be read never ships.
pub fn lessons() -> &'static [Lesson] {
    static READ: OnceLock<Vec<Lesson>> = OnceLock::new();
    READ.get_or_init(|| match toml::from_str::<LessonsFile>(LESSONS) {
        Ok(file) => file.lesson,
        Err(e) => {
            log::error!("assets/workshop/lessons.toml: {e}");
            Vec::new()
        }
    })
}

/// The lesson of an id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

/// The ids of every lesson, for a message that lists them.
pub fn lesson_ids() -> Vec<&'static str> {
    lessons().iter().map(|l| l.id.as_str()).collect()
}

impl Lesson {
    /// The name of one of the lesson's texts in the catalogue.
    pub fn text_id(&self, text: LessonText) -> String {
        format!("lesson-{}-{}", self.id, text.suffix())
    }

    /// One of the lesson's texts.
    pub fn text(&self, lang: Lang, text: LessonText) -> String {
        crate::i18n::catalogue()
            .text(lang, &self.text_id(text))
            .to_string()
    }

    /// The clean sample of the lesson's countries, nothing planted.
    pub fn base(&self) -> Sample {
        let mut sample = crate::sample::generate::generate(Variant::Clean);
        sample
            .tables
            .retain(|t| self.reporters.iter().any(|r| r == t.reporter));
        sample
    }

    /// The lesson's data: the base with every fault planted.
    pub fn sample(&self) -> Result<Sample, FaultError> {
        self.plant_into(self.base())
    }

    /// The lesson's faults planted into a sample (its base, made once by the caller).
    pub fn plant_into(&self, mut sample: Sample) -> Result<Sample, FaultError> {
        for fault in &self.faults {
            fault.plant(&mut sample)?;
        }
        Ok(sample)
    }

    /// The workbooks a learner gets: one per country of the lesson (file name, bytes).
    pub fn workbooks(&self, sample: &Sample) -> Result<Vec<(String, Vec<u8>)>, GenerateError> {
        self.reporters.iter().map(|r| sample.workbook(r)).collect()
    }
}

/// The findings the checks give on a data set, with the default settings.
pub fn findings(dataset: &Dataset) -> Vec<Finding> {
    Report::build(Vec::new(), dataset, &Settings::default()).findings
}

/// One planted problem with what the checks find of it: the answer key's row.
#[derive(Clone, Debug)]
pub struct Answer {
    pub fault: Fault,
    /// What was done, in words.
    pub description: String,
    /// The findings that appear when this fault alone is planted into the lesson's base.
    pub findings: Vec<Finding>,
}

/// The answer key of a lesson: each fault with the findings it causes alone.
pub fn answers(lesson: &Lesson, lang: Lang) -> Result<Vec<Answer>, FaultError> {
    answers_on(lesson, &lesson.base(), lang)
}

/// The answer key of a lesson on its base, made once by the caller.
pub fn answers_on(lesson: &Lesson, base: &Sample, lang: Lang) -> Result<Vec<Answer>, FaultError> {
    lesson
        .faults
        .iter()
        .map(|fault| {
            let mut sample = base.clone();
            fault.plant(&mut sample)?;
            Ok(Answer {
                fault: fault.clone(),
                description: describe(fault, base, lang),
                findings: findings(&sample.dataset()),
            })
        })
        .collect()
}

/// A fault in words: what was done to which cell.
pub fn describe(fault: &Fault, base: &Sample, lang: Lang) -> String {
    let table = fault
        .table_id()
        .map_or(fault.table.clone(), |t| t.code().to_string());
    let country = crate::model::gazetteer()
        .name(&fault.reporter, lang)
        .to_string();
    let row = crate::sample::text::category_label(
        &fault.category,
        fault.table_id().unwrap_or(crate::model::TableId::Pop),
        lang,
    );
    let sex = match fault.sex_code() {
        Some(crate::model::Sex::M) => t!(lang, "fault-sex-men"),
        Some(crate::model::Sex::F) => t!(lang, "fault-sex-women"),
        _ => t!(lang, "fault-sex-both"),
    }
    .to_string();
    let was = fault
        .table_id()
        .and_then(|t| base.table(&fault.reporter, t))
        .and_then(|t| t.row(&fault.category, &fault.age))
        .and_then(|r| r.number(fault.sex_code()?, fault.year))
        .map_or_else(
            || "–".to_string(),
            |v| crate::i18n::format_count_in(v, lang),
        );
    let year = fault.year.to_string();
    let (country, table, row, sex, was, year) = (
        country.as_str(),
        table.as_str(),
        row.as_str(),
        sex.as_str(),
        was.as_str(),
        year.as_str(),
    );
    let number = |value: f64| crate::i18n::format_number(value, lang);
    match fault.kind {
        FaultKind::Set { value } => t!(
            lang,
            "fault-set",
            country = country,
            table = table,
            row = row,
            sex = sex,
            year = year,
            was = was,
            value = crate::i18n::format_count_in(value, lang)
        ),
        FaultKind::Times { factor } => t!(
            lang,
            "fault-times",
            country = country,
            table = table,
            row = row,
            sex = sex,
            year = year,
            was = was,
            factor = number(factor)
        ),
        FaultKind::TimesRow { factor } => t!(
            lang,
            "fault-times-row",
            country = country,
            table = table,
            row = row,
            year = year,
            factor = number(factor)
        ),
        FaultKind::SwapSexes => t!(
            lang,
            "fault-swap-sexes",
            country = country,
            table = table,
            row = row,
            year = year
        ),
        FaultKind::DuplicateRow => t!(
            lang,
            "fault-duplicate-row",
            country = country,
            table = table,
            row = row
        ),
        FaultKind::DeleteYear => t!(
            lang,
            "fault-delete-year",
            country = country,
            table = table,
            year = year
        ),
        FaultKind::Text => t!(
            lang,
            "fault-text",
            country = country,
            table = table,
            row = row,
            sex = sex,
            year = year,
            was = was,
            text = fault::TEXT_IN_CELL
        ),
        FaultKind::ShiftYear => t!(
            lang,
            "fault-shift-year",
            country = country,
            table = table,
            year = year
        ),
    }
}
