//! The check catalogue (`docs/checks.md`): for every code its title, default severity, ESS
//! quality dimension and validation level, and its explanations in English and Russian (what it
//! tests, why it matters for migration data, what to look at). The texts are messages of the
//! catalogue of texts (`check-CODE-title`, `-what`, `-why`, `-look-at` in
//! `assets/i18n/{en,ru}/checks.ftl`); the CLI, the GUI and the reports all read them from here.

use std::sync::OnceLock;

use super::finding::{CheckCode, Dimension, Severity};
use crate::model::Lang;

/// The texts of one language for one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    pub title: &'static str,
    /// What the check tests.
    pub what: &'static str,
    /// Why it matters for migration data.
    pub why: &'static str,
    /// What to look at when it fails.
    pub look_at: &'static str,
}

/// One entry of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct CatalogEntry {
    pub code: CheckCode,
    pub severity: Severity,
    pub dimension: Dimension,
    /// ESS validation level 0–5.
    pub level: u8,
    /// The identifiers of its title, what, why and look-at texts in the catalogue.
    pub text_ids: [&'static str; 4],
    /// Which of its findings share one cause, to be shown and decided as one.
    pub grouping: Grouping,
}

/// Which findings of a check share one cause: they are shown as one row that opens, and a
/// decision on the row is a decision on each of them (`Finding::group_id`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Each finding stands alone.
    Alone,
    /// The years of one series: the same table, reporter, sex, age group and category.
    Years,
    /// One pair, or one block of cells, over the years and the sexes: the same table,
    /// reporter, age group and category.
    YearsAndSexes,
    /// One label that could not be placed, wherever it sits.
    Label,
}

impl CatalogEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        self.texts(lang).title
    }

    pub fn texts(&self, lang: Lang) -> &'static Texts {
        static TEXTS: OnceLock<Vec<[Texts; 2]>> = OnceLock::new();
        let texts = TEXTS.get_or_init(|| {
            CheckCode::ALL
                .iter()
                .map(|code| Lang::ALL.map(|lang| texts_of(entry(*code), lang)))
                .collect()
        });
        let language = match lang {
            Lang::En => 0,
            Lang::Ru => 1,
        };
        &texts[self.code as usize][language]
    }
}

/// A check explained to a reviewer or a trainer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    pub title: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub look_at: &'static str,
}

/// The explanation of a check in a language.
pub fn explain(code: CheckCode, lang: Lang) -> Explanation {
    let texts = entry(code).texts(lang);
    Explanation {
        title: texts.title,
        what: texts.what,
        why: texts.why,
        look_at: texts.look_at,
    }
}

/// The catalogue, in the order of `CheckCode::ALL`.
pub const CATALOG: [CatalogEntry; 28] = [
    CatalogEntry {
        code: CheckCode::S1,
        severity: Severity::Error,
        dimension: Dimension::Accessibility,
        level: 0,
        text_ids: [
            "check-S1-title",
            "check-S1-what",
            "check-S1-why",
            "check-S1-look-at",
        ],
        grouping: Grouping::Label,
    },
    CatalogEntry {
        code: CheckCode::S2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
        text_ids: [
            "check-S2-title",
            "check-S2-what",
            "check-S2-why",
            "check-S2-look-at",
        ],
        grouping: Grouping::YearsAndSexes,
    },
    CatalogEntry {
        code: CheckCode::S3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
        text_ids: [
            "check-S3-title",
            "check-S3-what",
            "check-S3-why",
            "check-S3-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::N1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-N1-title",
            "check-N1-what",
            "check-N1-why",
            "check-N1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::N2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-N2-title",
            "check-N2-what",
            "check-N2-why",
            "check-N2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::A1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-A1-title",
            "check-A1-what",
            "check-A1-why",
            "check-A1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::A2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-A2-title",
            "check-A2-what",
            "check-A2-why",
            "check-A2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::A3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-A3-title",
            "check-A3-what",
            "check-A3-why",
            "check-A3-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::A4,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-A4-title",
            "check-A4-what",
            "check-A4-why",
            "check-A4-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C1,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C1-title",
            "check-C1-what",
            "check-C1-why",
            "check-C1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C2-title",
            "check-C2-what",
            "check-C2-why",
            "check-C2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C3-title",
            "check-C3-what",
            "check-C3-why",
            "check-C3-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C4,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C4-title",
            "check-C4-what",
            "check-C4-why",
            "check-C4-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C5,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C5-title",
            "check-C5-what",
            "check-C5-why",
            "check-C5-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::C6,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-C6-title",
            "check-C6-what",
            "check-C6-why",
            "check-C6-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::P1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-P1-title",
            "check-P1-what",
            "check-P1-why",
            "check-P1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::P2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        text_ids: [
            "check-P2-title",
            "check-P2-what",
            "check-P2-why",
            "check-P2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::P3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-P3-title",
            "check-P3-what",
            "check-P3-why",
            "check-P3-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::U1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        text_ids: [
            "check-U1-title",
            "check-U1-what",
            "check-U1-why",
            "check-U1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::U2,
        severity: Severity::Info,
        dimension: Dimension::Relevance,
        level: 1,
        text_ids: [
            "check-U2-title",
            "check-U2-what",
            "check-U2-why",
            "check-U2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::D1,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        text_ids: [
            "check-D1-title",
            "check-D1-what",
            "check-D1-why",
            "check-D1-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::D2,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        text_ids: [
            "check-D2-title",
            "check-D2-what",
            "check-D2-why",
            "check-D2-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::D3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        text_ids: [
            "check-D3-title",
            "check-D3-what",
            "check-D3-why",
            "check-D3-look-at",
        ],
        grouping: Grouping::Alone,
    },
    CatalogEntry {
        code: CheckCode::T1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 2,
        text_ids: [
            "check-T1-title",
            "check-T1-what",
            "check-T1-why",
            "check-T1-look-at",
        ],
        grouping: Grouping::Years,
    },
    CatalogEntry {
        code: CheckCode::T2,
        severity: Severity::Info,
        dimension: Dimension::Timeliness,
        level: 2,
        text_ids: [
            "check-T2-title",
            "check-T2-what",
            "check-T2-why",
            "check-T2-look-at",
        ],
        grouping: Grouping::Years,
    },
    CatalogEntry {
        code: CheckCode::T3,
        severity: Severity::Info,
        dimension: Dimension::Comparability,
        level: 2,
        text_ids: [
            "check-T3-title",
            "check-T3-what",
            "check-T3-why",
            "check-T3-look-at",
        ],
        grouping: Grouping::Years,
    },
    CatalogEntry {
        code: CheckCode::M1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
        text_ids: [
            "check-M1-title",
            "check-M1-what",
            "check-M1-why",
            "check-M1-look-at",
        ],
        grouping: Grouping::YearsAndSexes,
    },
    CatalogEntry {
        code: CheckCode::M2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
        text_ids: [
            "check-M2-title",
            "check-M2-what",
            "check-M2-why",
            "check-M2-look-at",
        ],
        grouping: Grouping::Alone,
    },
];

/// The texts of a check in a language, from the catalogue of texts.
fn texts_of(entry: &CatalogEntry, lang: Lang) -> Texts {
    let [title, what, why, look_at] = entry.text_ids.map(|id| crate::i18n::text(lang, id));
    Texts {
        title,
        what,
        why,
        look_at,
    }
}

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

    #[test]
    fn every_check_is_explained_in_both_languages() {
        for code in CheckCode::ALL {
            for lang in [Lang::En, Lang::Ru] {
                let e = explain(code, lang);
                for (part, text) in [
                    ("title", e.title),
                    ("what", e.what),
                    ("why", e.why),
                    ("look_at", e.look_at),
                ] {
                    assert!(
                        text.len() > 10,
                        "{code} {lang:?} {part} is too short: {text:?}"
                    );
                }
            }
            // The Russian texts are Russian, not copies of the English ones.
            let ru = explain(code, Lang::Ru);
            assert!(
                ru.why.chars().any(|c| ('а'..='я').contains(&c)),
                "{code}: {}",
                ru.why
            );
            assert_ne!(explain(code, Lang::En).why, ru.why);
        }
    }
}
