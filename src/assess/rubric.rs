//! The source-assessment rubric (`docs/domain.md#source-assessment-rubric`): ten criteria scored
//! 0–3, each mapped to an ESS quality dimension, with the meaning of every level and what a country
//! can do about a low score, in English and Russian. Every text of the rubric lives here.

use super::choices::Choice;
use crate::checks::Dimension;
use crate::model::Lang;
use crate::t;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A score on the rubric's 0–3 scale (3 best).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MAX: u8 = 3;

    /// A score, if `value` is 0–3.
    pub fn new(value: u8) -> Option<Score> {
        (value <= Score::MAX).then_some(Score(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Every score, best last.
    pub fn all() -> [Score; 4] {
        [Score(0), Score(1), Score(2), Score(3)]
    }
}

/// A number that is not a score of the rubric.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a score 0–{}, found {found}", Score::MAX)]
pub struct ScoreOutOfRange {
    pub found: u8,
}

impl TryFrom<u8> for Score {
    type Error = ScoreOutOfRange;

    fn try_from(value: u8) -> Result<Score, ScoreOutOfRange> {
        Score::new(value).ok_or(ScoreOutOfRange { found: value })
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A criterion of the rubric.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Definition,
    EmigrationCapture,
    Coverage,
    InternalConsistency,
    Disaggregation,
    UnknownShare,
    Timeliness,
    Periodicity,
    Accessibility,
    TimeSeriesStability,
}

/// One criterion: its code, its dimension, and the identifiers of its texts in the catalogue
/// (`assess.ftl`).
struct CriterionText {
    code: &'static str,
    dimension: Dimension,
    title: &'static str,
    question: &'static str,
    /// Level 0, 1, 2, 3.
    levels: [&'static str; 4],
    /// What a country can do when the score is low.
    action: &'static str,
}

const RUBRIC: [CriterionText; 10] = [
    CriterionText {
        code: "definition",
        dimension: Dimension::Comparability,
        title: "criterion-definition-title",
        question: "criterion-definition-question",
        levels: [
            "criterion-definition-level-0",
            "criterion-definition-level-1",
            "criterion-definition-level-2",
            "criterion-definition-level-3",
        ],
        action: "criterion-definition-action",
    },
    CriterionText {
        code: "emigration_capture",
        dimension: Dimension::Accuracy,
        title: "criterion-emigration-capture-title",
        question: "criterion-emigration-capture-question",
        levels: [
            "criterion-emigration-capture-level-0",
            "criterion-emigration-capture-level-1",
            "criterion-emigration-capture-level-2",
            "criterion-emigration-capture-level-3",
        ],
        action: "criterion-emigration-capture-action",
    },
    CriterionText {
        code: "coverage",
        dimension: Dimension::Relevance,
        title: "criterion-coverage-title",
        question: "criterion-coverage-question",
        levels: [
            "criterion-coverage-level-0",
            "criterion-coverage-level-1",
            "criterion-coverage-level-2",
            "criterion-coverage-level-3",
        ],
        action: "criterion-coverage-action",
    },
    CriterionText {
        code: "internal_consistency",
        dimension: Dimension::Coherence,
        title: "criterion-internal-consistency-title",
        question: "criterion-internal-consistency-question",
        levels: [
            "criterion-internal-consistency-level-0",
            "criterion-internal-consistency-level-1",
            "criterion-internal-consistency-level-2",
            "criterion-internal-consistency-level-3",
        ],
        action: "criterion-internal-consistency-action",
    },
    CriterionText {
        code: "disaggregation",
        dimension: Dimension::Relevance,
        title: "criterion-disaggregation-title",
        question: "criterion-disaggregation-question",
        levels: [
            "criterion-disaggregation-level-0",
            "criterion-disaggregation-level-1",
            "criterion-disaggregation-level-2",
            "criterion-disaggregation-level-3",
        ],
        action: "criterion-disaggregation-action",
    },
    CriterionText {
        code: "unknown_share",
        dimension: Dimension::Accuracy,
        title: "criterion-unknown-share-title",
        question: "criterion-unknown-share-question",
        levels: [
            "criterion-unknown-share-level-0",
            "criterion-unknown-share-level-1",
            "criterion-unknown-share-level-2",
            "criterion-unknown-share-level-3",
        ],
        action: "criterion-unknown-share-action",
    },
    CriterionText {
        code: "timeliness",
        dimension: Dimension::Timeliness,
        title: "criterion-timeliness-title",
        question: "criterion-timeliness-question",
        levels: [
            "criterion-timeliness-level-0",
            "criterion-timeliness-level-1",
            "criterion-timeliness-level-2",
            "criterion-timeliness-level-3",
        ],
        action: "criterion-timeliness-action",
    },
    CriterionText {
        code: "periodicity",
        dimension: Dimension::Timeliness,
        title: "criterion-periodicity-title",
        question: "criterion-periodicity-question",
        levels: [
            "criterion-periodicity-level-0",
            "criterion-periodicity-level-1",
            "criterion-periodicity-level-2",
            "criterion-periodicity-level-3",
        ],
        action: "criterion-periodicity-action",
    },
    CriterionText {
        code: "accessibility",
        dimension: Dimension::Accessibility,
        title: "criterion-accessibility-title",
        question: "criterion-accessibility-question",
        levels: [
            "criterion-accessibility-level-0",
            "criterion-accessibility-level-1",
            "criterion-accessibility-level-2",
            "criterion-accessibility-level-3",
        ],
        action: "criterion-accessibility-action",
    },
    CriterionText {
        code: "time_series_stability",
        dimension: Dimension::Comparability,
        title: "criterion-time-series-stability-title",
        question: "criterion-time-series-stability-question",
        levels: [
            "criterion-time-series-stability-level-0",
            "criterion-time-series-stability-level-1",
            "criterion-time-series-stability-level-2",
            "criterion-time-series-stability-level-3",
        ],
        action: "criterion-time-series-stability-action",
    },
];

fn pick(id: &'static str, lang: Lang) -> &'static str {
    crate::i18n::text(lang, id)
}

impl Criterion {
    /// Every criterion, in the rubric's order.
    pub const ALL: [Criterion; 10] = [
        Criterion::Definition,
        Criterion::EmigrationCapture,
        Criterion::Coverage,
        Criterion::InternalConsistency,
        Criterion::Disaggregation,
        Criterion::UnknownShare,
        Criterion::Timeliness,
        Criterion::Periodicity,
        Criterion::Accessibility,
        Criterion::TimeSeriesStability,
    ];

    fn text(self) -> &'static CriterionText {
        &RUBRIC[self as usize]
    }

    /// The ESS quality dimension the criterion reports under.
    pub fn dimension(self) -> Dimension {
        self.text().dimension
    }

    pub fn title(self, lang: Lang) -> &'static str {
        pick(self.text().title, lang)
    }

    /// What the reviewer asks about the source.
    pub fn question(self, lang: Lang) -> &'static str {
        pick(self.text().question, lang)
    }

    /// What a score means for this criterion.
    pub fn level(self, score: Score, lang: Lang) -> &'static str {
        pick(self.text().levels[score.get() as usize], lang)
    }

    /// What a country can do about a low score.
    pub fn action(self, lang: Lang) -> &'static str {
        pick(self.text().action, lang)
    }
}

impl Choice for Criterion {
    const ALL: &'static [Self] = &Criterion::ALL;

    fn code(self) -> &'static str {
        self.text().code
    }

    fn label(self, lang: Lang) -> &'static str {
        self.title(lang)
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The ESS dimension's name as people read it: one wording everywhere (window, charts,
/// questionnaire, command line).
pub fn dimension_label(dimension: Dimension, lang: Lang) -> &'static str {
    match dimension {
        Dimension::Relevance => t!(lang, "dimension-relevance"),
        Dimension::Accuracy => t!(lang, "dimension-accuracy"),
        Dimension::Timeliness => t!(lang, "dimension-timeliness"),
        Dimension::Accessibility => t!(lang, "dimension-accessibility"),
        Dimension::Comparability => t!(lang, "dimension-comparability"),
        Dimension::Coherence => t!(lang, "dimension-coherence"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rubric_is_in_criterion_order_and_complete() {
        for (i, criterion) in Criterion::ALL.iter().enumerate() {
            assert_eq!(*criterion as usize, i);
            let json = serde_json::to_string(criterion).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", criterion.code()));
            for lang in [Lang::En, Lang::Ru] {
                assert!(!criterion.title(lang).is_empty());
                assert!(!criterion.question(lang).is_empty());
                assert!(!criterion.action(lang).is_empty());
                for score in Score::all() {
                    assert!(!criterion.level(score, lang).is_empty());
                }
            }
        }
    }

    #[test]
    fn scores_outside_0_to_3_are_refused() {
        assert_eq!(Score::new(3).map(Score::get), Some(3));
        assert_eq!(Score::new(7), None);
        let bad: Result<Score, _> = serde_json::from_str("7");
        let message = bad.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("expected a score 0–3, found 7"),
            "{message}"
        );
        assert_eq!(
            Criterion::parse("Полнота учёта эмиграции"),
            Some(Criterion::EmigrationCapture)
        );
        assert_eq!(
            Criterion::parse("unknown share"),
            Some(Criterion::UnknownShare)
        );
    }
}
