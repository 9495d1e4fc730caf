//! The check catalogue (`docs/checks.md`): for every code its title, default severity, ESS
//! quality dimension and validation level, and its explanations in English and Russian (what it
//! tests, why it matters for migration data, what to look at). The texts are messages of the
//! catalogue of texts (`check-CODE-title`, `-what`, `-why`, `-look-at` in
//! `assets/i18n/{en,ru}/checks.ftl`); the CLI, the GUI and the reports all read them from here.

use std::sync::OnceLock;

use super::finding::{CheckCode, Dimension, Severity};
use crate::model::Lang;
use crate::t;

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
                .map(|code| [texts_of(*code, Lang::En), texts_of(*code, Lang::Ru)])
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
    },
    CatalogEntry {
        code: CheckCode::S2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
    },
    CatalogEntry {
        code: CheckCode::S3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
    },
    CatalogEntry {
        code: CheckCode::N1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::N2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::A1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::A2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::A3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::A4,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C1,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C4,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C5,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::C6,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::P1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::P2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::P3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::U1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::U2,
        severity: Severity::Info,
        dimension: Dimension::Relevance,
        level: 1,
    },
    CatalogEntry {
        code: CheckCode::D1,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
    },
    CatalogEntry {
        code: CheckCode::D2,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
    },
    CatalogEntry {
        code: CheckCode::D3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
    },
    CatalogEntry {
        code: CheckCode::T1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 2,
    },
    CatalogEntry {
        code: CheckCode::T2,
        severity: Severity::Info,
        dimension: Dimension::Timeliness,
        level: 2,
    },
    CatalogEntry {
        code: CheckCode::T3,
        severity: Severity::Info,
        dimension: Dimension::Comparability,
        level: 2,
    },
    CatalogEntry {
        code: CheckCode::M1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
    },
    CatalogEntry {
        code: CheckCode::M2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
    },
];

/// The texts of a check in a language, from the catalogue of texts.
fn texts_of(code: CheckCode, lang: Lang) -> Texts {
    match code {
        CheckCode::S1 => Texts {
            title: t!(lang, "check-S1-title"),
            what: t!(lang, "check-S1-what"),
            why: t!(lang, "check-S1-why"),
            look_at: t!(lang, "check-S1-look-at"),
        },
        CheckCode::S2 => Texts {
            title: t!(lang, "check-S2-title"),
            what: t!(lang, "check-S2-what"),
            why: t!(lang, "check-S2-why"),
            look_at: t!(lang, "check-S2-look-at"),
        },
        CheckCode::S3 => Texts {
            title: t!(lang, "check-S3-title"),
            what: t!(lang, "check-S3-what"),
            why: t!(lang, "check-S3-why"),
            look_at: t!(lang, "check-S3-look-at"),
        },
        CheckCode::N1 => Texts {
            title: t!(lang, "check-N1-title"),
            what: t!(lang, "check-N1-what"),
            why: t!(lang, "check-N1-why"),
            look_at: t!(lang, "check-N1-look-at"),
        },
        CheckCode::N2 => Texts {
            title: t!(lang, "check-N2-title"),
            what: t!(lang, "check-N2-what"),
            why: t!(lang, "check-N2-why"),
            look_at: t!(lang, "check-N2-look-at"),
        },
        CheckCode::A1 => Texts {
            title: t!(lang, "check-A1-title"),
            what: t!(lang, "check-A1-what"),
            why: t!(lang, "check-A1-why"),
            look_at: t!(lang, "check-A1-look-at"),
        },
        CheckCode::A2 => Texts {
            title: t!(lang, "check-A2-title"),
            what: t!(lang, "check-A2-what"),
            why: t!(lang, "check-A2-why"),
            look_at: t!(lang, "check-A2-look-at"),
        },
        CheckCode::A3 => Texts {
            title: t!(lang, "check-A3-title"),
            what: t!(lang, "check-A3-what"),
            why: t!(lang, "check-A3-why"),
            look_at: t!(lang, "check-A3-look-at"),
        },
        CheckCode::A4 => Texts {
            title: t!(lang, "check-A4-title"),
            what: t!(lang, "check-A4-what"),
            why: t!(lang, "check-A4-why"),
            look_at: t!(lang, "check-A4-look-at"),
        },
        CheckCode::C1 => Texts {
            title: t!(lang, "check-C1-title"),
            what: t!(lang, "check-C1-what"),
            why: t!(lang, "check-C1-why"),
            look_at: t!(lang, "check-C1-look-at"),
        },
        CheckCode::C2 => Texts {
            title: t!(lang, "check-C2-title"),
            what: t!(lang, "check-C2-what"),
            why: t!(lang, "check-C2-why"),
            look_at: t!(lang, "check-C2-look-at"),
        },
        CheckCode::C3 => Texts {
            title: t!(lang, "check-C3-title"),
            what: t!(lang, "check-C3-what"),
            why: t!(lang, "check-C3-why"),
            look_at: t!(lang, "check-C3-look-at"),
        },
        CheckCode::C4 => Texts {
            title: t!(lang, "check-C4-title"),
            what: t!(lang, "check-C4-what"),
            why: t!(lang, "check-C4-why"),
            look_at: t!(lang, "check-C4-look-at"),
        },
        CheckCode::C5 => Texts {
            title: t!(lang, "check-C5-title"),
            what: t!(lang, "check-C5-what"),
            why: t!(lang, "check-C5-why"),
            look_at: t!(lang, "check-C5-look-at"),
        },
        CheckCode::C6 => Texts {
            title: t!(lang, "check-C6-title"),
            what: t!(lang, "check-C6-what"),
            why: t!(lang, "check-C6-why"),
            look_at: t!(lang, "check-C6-look-at"),
        },
        CheckCode::P1 => Texts {
            title: t!(lang, "check-P1-title"),
            what: t!(lang, "check-P1-what"),
            why: t!(lang, "check-P1-why"),
            look_at: t!(lang, "check-P1-look-at"),
        },
        CheckCode::P2 => Texts {
            title: t!(lang, "check-P2-title"),
            what: t!(lang, "check-P2-what"),
            why: t!(lang, "check-P2-why"),
            look_at: t!(lang, "check-P2-look-at"),
        },
        CheckCode::P3 => Texts {
            title: t!(lang, "check-P3-title"),
            what: t!(lang, "check-P3-what"),
            why: t!(lang, "check-P3-why"),
            look_at: t!(lang, "check-P3-look-at"),
        },
        CheckCode::U1 => Texts {
            title: t!(lang, "check-U1-title"),
            what: t!(lang, "check-U1-what"),
            why: t!(lang, "check-U1-why"),
            look_at: t!(lang, "check-U1-look-at"),
        },
        CheckCode::U2 => Texts {
            title: t!(lang, "check-U2-title"),
            what: t!(lang, "check-U2-what"),
            why: t!(lang, "check-U2-why"),
            look_at: t!(lang, "check-U2-look-at"),
        },
        CheckCode::D1 => Texts {
            title: t!(lang, "check-D1-title"),
            what: t!(lang, "check-D1-what"),
            why: t!(lang, "check-D1-why"),
            look_at: t!(lang, "check-D1-look-at"),
        },
        CheckCode::D2 => Texts {
            title: t!(lang, "check-D2-title"),
            what: t!(lang, "check-D2-what"),
            why: t!(lang, "check-D2-why"),
            look_at: t!(lang, "check-D2-look-at"),
        },
        CheckCode::D3 => Texts {
            title: t!(lang, "check-D3-title"),
            what: t!(lang, "check-D3-what"),
            why: t!(lang, "check-D3-why"),
            look_at: t!(lang, "check-D3-look-at"),
        },
        CheckCode::T1 => Texts {
            title: t!(lang, "check-T1-title"),
            what: t!(lang, "check-T1-what"),
            why: t!(lang, "check-T1-why"),
            look_at: t!(lang, "check-T1-look-at"),
        },
        CheckCode::T2 => Texts {
            title: t!(lang, "check-T2-title"),
            what: t!(lang, "check-T2-what"),
            why: t!(lang, "check-T2-why"),
            look_at: t!(lang, "check-T2-look-at"),
        },
        CheckCode::T3 => Texts {
            title: t!(lang, "check-T3-title"),
            what: t!(lang, "check-T3-what"),
            why: t!(lang, "check-T3-why"),
            look_at: t!(lang, "check-T3-look-at"),
        },
        CheckCode::M1 => Texts {
            title: t!(lang, "check-M1-title"),
            what: t!(lang, "check-M1-what"),
            why: t!(lang, "check-M1-why"),
            look_at: t!(lang, "check-M1-look-at"),
        },
        CheckCode::M2 => Texts {
            title: t!(lang, "check-M2-title"),
            what: t!(lang, "check-M2-what"),
            why: t!(lang, "check-M2-why"),
            look_at: t!(lang, "check-M2-look-at"),
        },
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
