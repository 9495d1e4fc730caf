//! Data-source assessment: the inventory of a country's migration data sources, scored against
//! the rubric of `docs/domain.md#source-assessment-rubric`, with scores suggested from the data.
//!
//! A review of a country's migration statistics has three parts: an overview of the systems that
//! collect the data, their potential for development, and an assessment of data quality. This
//! module holds the inventory ([`Assessment`] → [`CountryAssessment`] → [`DataSource`]), the
//! [`rubric`], the suggestions computed from loaded data, findings and mirror ratios
//! ([`suggest()`]), the [`scorecard`] with its "potential for development" items, and the
//! [`questionnaire`] a national office fills in, and the reviewer's changes to an assessment
//! ([`edit`]).

pub mod choices;
pub mod edit;
pub mod evidence;
pub mod institutions;
pub mod metadata;
pub mod model;
pub mod questionnaire;
pub mod rubric;
pub mod scorecard;
pub mod settings;
pub mod suggest;
pub mod text;

pub use choices::{
    Answer, Choice, DurationBasis, GroupCoverage, Obligation, ObligationRule, Periodicity,
    Publication, SourceKind,
};
pub use evidence::{CountryRatio, Direction, Evidence, ReportEvidence, country_ratios};
pub use model::{
    AssessError, Assessment, CountryAssessment, CriterionScore, DataSource, EvidenceRef, FeedError,
    Problem, ScoreBasis, ScoreError, Suggestion, TableFeed,
};
pub use rubric::{Criterion, Score, ScoreOutOfRange};
pub use settings::{AssessSettings, AssessSettingsError, CriterionWeights};
pub use suggest::suggest;

/// The schema of an assessment file; fields are added, never renamed or removed, within it.
pub const SCHEMA: &str = "migreview.assessment/1";
pub use scorecard::{CountryScorecard, DevelopmentItem, Grade, SourceScorecard, scorecard};

/// The notice that follows the name of a country assessed with synthetic data.
pub fn sample_notice(lang: crate::model::Lang) -> &'static str {
    crate::t!(lang, "assessment-synthetic-notice")
}
