//! Every threshold, band and weight of the source assessment, with the source of its default.

use super::rubric::Criterion;
use serde::{Deserialize, Serialize};

/// A setting of the assessment that cannot be one: the field as the settings file names it
/// (`assess.weights.coverage`), what it should be and what it is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AssessSettingsError {
    #[error(
        "assess.weights.{criterion}: expected a weight ≥ 0 (0 leaves the criterion out), found \
         {found}"
    )]
    Weight {
        /// The criterion's code.
        criterion: &'static str,
        found: f64,
    },
    #[error(
        "assess.unknown_share_bands: expected three shares from 0 to 1 (0.02 is 2 %) for scores \
         3, 2 and 1, each at most the next, found {}, {}, {}",
        .found[0], .found[1], .found[2]
    )]
    UnknownShareBands { found: [f64; 3] },
    #[error(
        "assess.emigration_ratio_bands: expected three ratios ≥ 0 for scores 3, 2 and 1, each at \
         least the next, found {}, {}, {}",
        .found[0], .found[1], .found[2]
    )]
    EmigrationRatioBands { found: [f64; 3] },
    #[error(
        "assess.timeliness_months_bands: expected three month counts for scores 3, 2 and 1, each \
         at most the next, found {}, {}, {}",
        .found[0], .found[1], .found[2]
    )]
    TimelinessMonthsBands { found: [u32; 3] },
    #[error(
        "assess.consistency_small_deviation: expected a share from 0 to 1 (0.01 is 1 %), found \
         {found}"
    )]
    ConsistencySmallDeviation { found: f64 },
    #[error(
        "assess.grade_bands: expected three means from 0 to 3 (the rubric's scores) for the \
         grades good, adequate and weak, each at least the next, found {}, {}, {}",
        .found[0], .found[1], .found[2]
    )]
    GradeBands { found: [f64; 3] },
    #[error("assess.development_max_score: expected a score from 0 to 3, found {found}")]
    DevelopmentMaxScore { found: u8 },
}

/// How much each criterion counts in the dimension means and the overall grade.
/// Default: equal weights (`docs/domain.md#source-assessment-rubric`: equal weights by default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CriterionWeights {
    pub definition: f64,
    pub emigration_capture: f64,
    pub coverage: f64,
    pub internal_consistency: f64,
    pub disaggregation: f64,
    pub unknown_share: f64,
    pub timeliness: f64,
    pub periodicity: f64,
    pub accessibility: f64,
    pub time_series_stability: f64,
}

impl Default for CriterionWeights {
    fn default() -> Self {
        CriterionWeights {
            definition: 1.0,
            emigration_capture: 1.0,
            coverage: 1.0,
            internal_consistency: 1.0,
            disaggregation: 1.0,
            unknown_share: 1.0,
            timeliness: 1.0,
            periodicity: 1.0,
            accessibility: 1.0,
            time_series_stability: 1.0,
        }
    }
}

impl CriterionWeights {
    pub fn get(&self, criterion: Criterion) -> f64 {
        match criterion {
            Criterion::Definition => self.definition,
            Criterion::EmigrationCapture => self.emigration_capture,
            Criterion::Coverage => self.coverage,
            Criterion::InternalConsistency => self.internal_consistency,
            Criterion::Disaggregation => self.disaggregation,
            Criterion::UnknownShare => self.unknown_share,
            Criterion::Timeliness => self.timeliness,
            Criterion::Periodicity => self.periodicity,
            Criterion::Accessibility => self.accessibility,
            Criterion::TimeSeriesStability => self.time_series_stability,
        }
    }

    pub fn set(&mut self, criterion: Criterion, weight: f64) {
        let slot = match criterion {
            Criterion::Definition => &mut self.definition,
            Criterion::EmigrationCapture => &mut self.emigration_capture,
            Criterion::Coverage => &mut self.coverage,
            Criterion::InternalConsistency => &mut self.internal_consistency,
            Criterion::Disaggregation => &mut self.disaggregation,
            Criterion::UnknownShare => &mut self.unknown_share,
            Criterion::Timeliness => &mut self.timeliness,
            Criterion::Periodicity => &mut self.periodicity,
            Criterion::Accessibility => &mut self.accessibility,
            Criterion::TimeSeriesStability => &mut self.time_series_stability,
        };
        *slot = weight;
    }
}

/// Settings of the source assessment (the `assess` part of the run settings).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssessSettings {
    /// The date of the review, against which timeliness is judged (`2013-06-30`). `None`: today.
    pub reference_date: Option<jiff::civil::Date>,
    pub weights: CriterionWeights,
    /// Upper bounds of the unknown share for scores 3, 2 and 1 (above the last: 0).
    /// Default 2 %, 5 %, 20 % (`docs/domain.md#source-assessment-rubric`; U1 warns above 5 % and
    /// errs above 20 %).
    pub unknown_share_bands: [f64; 3],
    /// Lower bounds of the emigration mirror ratio E/I for scores 3, 2 and 1 (below the last: 0).
    /// Default 0.9, 0.7, 0.4 (`docs/domain.md#source-assessment-rubric`).
    pub emigration_ratio_bands: [f64; 3],
    /// Upper bounds, in months after the end of the reference year, for timeliness 3, 2 and 1.
    /// Default 6, 12, 24 (`docs/domain.md#source-assessment-rubric`).
    pub timeliness_months_bands: [u32; 3],
    /// Largest relative deviation of a failed sum that still counts as a small one (score 2).
    /// Default 1 % (`docs/domain.md#source-assessment-rubric`; the Eurostat VTL example's 1 %
    /// tolerance, `docs/domain.md#sums-and-rounding`).
    pub consistency_small_deviation: f64,
    /// Failed sums deviating more than the small deviation from which the tables are taken to
    /// contradict each other (score 0). Default 10 [Synthesis: a judgement, not a standard].
    pub consistency_contradiction_findings: usize,
    /// Lower bounds of the weighted mean for the grades good, adequate and weak (below: poor).
    /// Default 2.5, 1.5, 0.5: the rubric level nearest to the mean.
    pub grade_bands: [f64; 3],
    /// Criteria scoring at most this become "potential for development" items. Default 1
    /// (the two lowest levels of the rubric).
    pub development_max_score: u8,
    /// How many finding case ids a suggestion keeps as references. Default 20.
    pub max_finding_refs: usize,
}

impl Default for AssessSettings {
    fn default() -> Self {
        AssessSettings {
            reference_date: None,
            weights: CriterionWeights::default(),
            unknown_share_bands: [0.02, 0.05, 0.20],
            emigration_ratio_bands: [0.9, 0.7, 0.4],
            timeliness_months_bands: [6, 12, 24],
            consistency_small_deviation: 0.01,
            consistency_contradiction_findings: 10,
            grade_bands: [2.5, 1.5, 0.5],
            development_max_score: 1,
            max_finding_refs: 20,
        }
    }
}

impl AssessSettings {
    /// Says what is wrong with a value that cannot be a weight, band or score: the field is
    /// named as the settings file writes it (`assess.weights.coverage`).
    pub fn validate(&self) -> Result<(), AssessSettingsError> {
        use super::choices::Choice;
        for criterion in Criterion::ALL {
            let weight = self.weights.get(criterion);
            if !weight.is_finite() || weight < 0.0 {
                return Err(AssessSettingsError::Weight {
                    criterion: criterion.code(),
                    found: weight,
                });
            }
        }
        let [u3, u2, u1] = self.unknown_share_bands;
        let shares = self
            .unknown_share_bands
            .iter()
            .all(|b| (0.0..=1.0).contains(b));
        if !(shares && u3 <= u2 && u2 <= u1) {
            return Err(AssessSettingsError::UnknownShareBands {
                found: self.unknown_share_bands,
            });
        }
        let [e3, e2, e1] = self.emigration_ratio_bands;
        let ratios = self
            .emigration_ratio_bands
            .iter()
            .all(|b| b.is_finite() && *b >= 0.0);
        if !(ratios && e3 >= e2 && e2 >= e1) {
            return Err(AssessSettingsError::EmigrationRatioBands {
                found: self.emigration_ratio_bands,
            });
        }
        let [t3, t2, t1] = self.timeliness_months_bands;
        if !(t3 <= t2 && t2 <= t1) {
            return Err(AssessSettingsError::TimelinessMonthsBands {
                found: self.timeliness_months_bands,
            });
        }
        let small = self.consistency_small_deviation;
        if !(0.0..=1.0).contains(&small) {
            return Err(AssessSettingsError::ConsistencySmallDeviation { found: small });
        }
        let [g3, g2, g1] = self.grade_bands;
        let means = self.grade_bands.iter().all(|b| (0.0..=3.0).contains(b));
        if !(means && g3 >= g2 && g2 >= g1) {
            return Err(AssessSettingsError::GradeBands {
                found: self.grade_bands,
            });
        }
        if self.development_max_score > 3 {
            return Err(AssessSettingsError::DevelopmentMaxScore {
                found: self.development_max_score,
            });
        }
        Ok(())
    }

    /// The review date: the configured one, or today (UTC).
    pub fn review_date(&self) -> jiff::civil::Date {
        self.reference_date.unwrap_or_else(|| {
            jiff::Timestamp::now()
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date()
        })
    }
}
