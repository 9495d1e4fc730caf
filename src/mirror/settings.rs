//! Every threshold, band and correction factor of the mirror statistics, with the source of its
//! default.

use serde::{Deserialize, Serialize};

/// A setting of the mirror statistics that cannot be one: the field as the settings file names
/// it (`mirror.band_green`), what it should be and what it is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MirrorSettingsError {
    #[error("mirror.{field}: expected a |log ratio| greater than 0 (0.1 is ±10 %), found {found}")]
    Band { field: &'static str, found: f64 },
    #[error(
        "mirror.band_light: expected band_green < band_light < band_amber, found {green}, \
         {light}, {amber}"
    )]
    BandOrder { green: f64, light: f64, amber: f64 },
    #[error("mirror.small_count: expected a count ≥ 0, found {found}")]
    SmallCount { found: f64 },
    #[error(
        "mirror.interval_level: expected a confidence level above 0.5 and below 1 (0.95 for a \
         95 % interval), found {found}"
    )]
    IntervalLevel { found: f64 },
    #[error("mirror.reference_share: expected a share greater than 0 and at most 1, found {found}")]
    ReferenceShare { found: f64 },
    #[error("mirror.m2_low: expected 0 < m2_low < m2_high, found {low} and {high}")]
    M2Bounds { low: f64, high: f64 },
    #[error("mirror.bootstrap_resamples: expected 1 to 100,000, found {found}")]
    BootstrapResamples { found: usize },
    #[error("mirror.undercount_model_groups: expected 2 to 7 groups, found {found}")]
    UndercountGroups { found: usize },
    #[error(
        "mirror.undercount_model_thresholds: expected none (groups at the quantiles) or \
         undercount_model_groups − 1 = {expected} distinct ratios above 0 and at most 1, found \
         {found:?}"
    )]
    UndercountThresholds { expected: usize, found: Vec<f64> },
    #[error(
        "mirror.undercount_class_bounds: expected two scores 0 < medium < low < 1 ([0.333, \
         0.667] cuts into thirds), found {found:?}"
    )]
    UndercountClassBounds { found: [f64; 2] },
    #[error(
        "mirror.{field}: expected three weights ≥ 0 (model, expert, metadata), not all 0, found \
         {found:?}"
    )]
    UndercountWeights {
        field: &'static str,
        found: [f64; 3],
    },
    #[error("mirror.stability_min_years: expected 3 years or more, found {found}")]
    StabilityMinYears { found: usize },
    #[error(
        "mirror.stability_stable_sd: expected a standard deviation of the log ratio greater than \
         0 (0.1 is about ±10 %), found {found}"
    )]
    StabilityStableSd { found: f64 },
    #[error(
        "mirror.stability_jump_ratio: expected a number of typical changes greater than 0, found \
         {found}"
    )]
    StabilityJumpRatio { found: f64 },
}

/// How the harmonisation factors are estimated (`docs/domain.md#harmonisation`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum HarmoniseMethod {
    /// Least squares on the log ratios: every pair-year weighs the same, a flow of 30 persons
    /// as much as one of 30,000.
    LogLeastSquares,
    /// Poisson maximum likelihood: each side a Poisson count around its country's factor times
    /// the pair's true flow, so large flows weigh more. The default.
    #[default]
    Poisson,
}

impl HarmoniseMethod {
    pub const ALL: [HarmoniseMethod; 2] =
        [HarmoniseMethod::Poisson, HarmoniseMethod::LogLeastSquares];

    pub fn as_str(self) -> &'static str {
        match self {
            HarmoniseMethod::LogLeastSquares => "log-least-squares",
            HarmoniseMethod::Poisson => "poisson",
        }
    }
}

/// Direction of a flow as a country reports it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowDirection {
    /// Table 3: immigration by country of previous residence.
    Immigration,
    /// Table 4: emigration by country of next residence.
    Emigration,
}

impl FlowDirection {
    pub const ALL: [FlowDirection; 2] = [FlowDirection::Immigration, FlowDirection::Emigration];

    pub fn as_str(self) -> &'static str {
        match self {
            FlowDirection::Immigration => "immigration",
            FlowDirection::Emigration => "emigration",
        }
    }
}

/// Duration-of-stay correction factors `R` at the tabulated criteria 0, 3, 6, 12 and 60
/// ("permanent") months (`docs/domain.md#duration-of-stay-correction`, from
/// `MaciejDanko/UndercountMigScores`, `helpfiles/BilateralModel.md` and `get_correction()`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum CorrectionSet {
    /// IMEM model, Raymer et al. (2013) JASA 108(503): 0.53 0.63 0.73 1 2.26. The default.
    #[default]
    Imem,
    /// Expert judgement, Willekens (2019) JOS 35(1):231–277: 0.51 0.61 0.81 1 1.61.
    WillekensExpert,
    /// Poisson model, Willekens (2019): 0.79 0.84 0.89 1 2.61.
    WillekensPoisson,
    /// Mixture model, Willekens (2019): 0.51 0.64 0.71 1 1.80.
    WillekensMixture,
    /// No correction (every factor 1).
    None,
}

/// The duration-of-stay criteria (months) at which the correction factors are tabulated.
pub const TABULATED_MONTHS: [f64; 5] = [0.0, 3.0, 6.0, 12.0, 60.0];

/// The criterion assumed when neither the data nor the settings give one: the 12-month usual
/// residence of the UN Recommendations (`docs/domain.md#definitions`), at which every factor is 1.
pub const DEFAULT_MONTHS: u8 = 12;

impl CorrectionSet {
    pub const ALL: [CorrectionSet; 5] = [
        CorrectionSet::Imem,
        CorrectionSet::WillekensExpert,
        CorrectionSet::WillekensPoisson,
        CorrectionSet::WillekensMixture,
        CorrectionSet::None,
    ];

    /// The factors at [`TABULATED_MONTHS`].
    pub fn factors(self) -> [f64; 5] {
        match self {
            CorrectionSet::Imem => [0.53, 0.63, 0.73, 1.0, 2.26],
            CorrectionSet::WillekensExpert => [0.51, 0.61, 0.81, 1.0, 1.61],
            CorrectionSet::WillekensPoisson => [0.79, 0.84, 0.89, 1.0, 2.61],
            CorrectionSet::WillekensMixture => [0.51, 0.64, 0.71, 1.0, 1.80],
            CorrectionSet::None => [1.0; 5],
        }
    }

    /// The factor for a criterion of `months`: linear interpolation between the tabulated criteria
    /// (`docs/domain.md#duration-of-stay-correction`), the 60-month ("permanent") factor beyond 60.
    pub fn factor(self, months: f64) -> f64 {
        let factors = self.factors();
        if months <= TABULATED_MONTHS[0] {
            return factors[0];
        }
        for i in 1..TABULATED_MONTHS.len() {
            let (lo, hi) = (TABULATED_MONTHS[i - 1], TABULATED_MONTHS[i]);
            if months <= hi {
                let share = (months - lo) / (hi - lo);
                return factors[i - 1] + share * (factors[i] - factors[i - 1]);
            }
        }
        factors[TABULATED_MONTHS.len() - 1]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionSet::Imem => "imem",
            CorrectionSet::WillekensExpert => "willekens-expert",
            CorrectionSet::WillekensPoisson => "willekens-poisson",
            CorrectionSet::WillekensMixture => "willekens-mixture",
            CorrectionSet::None => "none",
        }
    }
}

/// A duration-of-stay criterion the user knows for a reporter, used where the observations do
/// not carry one (their `duration_months` column).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationSetting {
    /// Reporting country (ISO alpha-3).
    pub reporter: String,
    /// The direction the rule applies to; `None` for both.
    #[serde(default)]
    pub direction: Option<FlowDirection>,
    /// First and last year the rule applies to; `None` for open-ended.
    #[serde(default)]
    pub from_year: Option<u16>,
    #[serde(default)]
    pub to_year: Option<u16>,
    /// Criterion in months: 0 no time limit, 3, 6, 12, 60 "permanent".
    pub months: u8,
}

impl DurationSetting {
    pub fn applies(&self, reporter: &str, direction: FlowDirection, year: u16) -> bool {
        self.reporter == reporter
            && self.direction.is_none_or(|d| d == direction)
            && self.from_year.is_none_or(|y| year >= y)
            && self.to_year.is_none_or(|y| year <= y)
    }
}

/// Which countries form the reference group that a country's flows are compared with
/// (`docs/domain.md#country-view`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceGroup {
    /// The countries whose pairs agree best: every country with at least
    /// [`MirrorSettings::reference_min_pairs`] two-sided, not-small pair-years (sex total) is
    /// ranked by the median |corrected log ratio| of those pair-years, and the best
    /// [`MirrorSettings::reference_share`] of them (at least
    /// [`MirrorSettings::reference_min_countries`]) form the group. Chosen from the data itself,
    /// so it works for EECCA data where no Nordic country reports.
    #[default]
    BestAgreeing,
    /// The countries listed (ISO alpha-3), e.g. Dańko's default Nordic group plus Belgium, the
    /// Netherlands and Switzerland: `["DNK","FIN","SWE","NOR","ISL","BEL","NLD","CHE"]`.
    Listed(Vec<String>),
}

/// Settings of the mirror statistics (the `[mirror]` section of a settings file); an unknown
/// field is an error, so a misspelt threshold is not silently ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MirrorSettings {
    /// Upper bound (exclusive) of |log ratio| of the green band: ln 1.1 ≈ 0.1, agreement within
    /// ±10 % (`docs/domain.md#agreement-bands`; P10 of the EU 2010–2019 pairs is 0.08).
    pub band_green: f64,
    /// Upper bound of the light band: 0.26, the P25 of |log ratio| of the EU pairs
    /// (`docs/domain.md#agreement-bands`).
    pub band_light: f64,
    /// Upper bound of the amber band: 0.69 ≈ ln 2, a factor of two
    /// (`docs/domain.md#agreement-bands`); red beyond.
    pub band_amber: f64,
    /// Pairs with I + E below this are not coloured (`small`) and not checked by M1: Poisson
    /// noise alone gives ±30 % at about 20 (`docs/domain.md#measures`).
    pub small_count: f64,
    /// Confidence level of the intervals: the exact interval of each pair's ratio and the
    /// partner bootstrap of the country ratios (`docs/domain.md#pair-interval`).
    pub interval_level: f64,
    /// The duration-of-stay correction factors (`docs/domain.md#duration-of-stay-correction`; IMEM
    /// by default).
    pub correction: CorrectionSet,
    /// Criteria the user knows per reporter, used where the data give none; otherwise
    /// [`DEFAULT_MONTHS`].
    pub durations: Vec<DurationSetting>,
    /// The reference group of the country view.
    pub reference_group: ReferenceGroup,
    /// Share of the ranked countries that form the best-agreeing group: the best third.
    pub reference_share: f64,
    /// Smallest size of the best-agreeing group (a group of one or two says little).
    pub reference_min_countries: usize,
    /// Two-sided, not-small pair-years a country needs to be ranked for the best-agreeing group.
    pub reference_min_pairs: usize,
    /// M2 flags a country whose ratio to its partners is below this (`docs/checks.md`: 0.7).
    pub m2_low: f64,
    /// M2 flags a country whose ratio to its partners is above this (`docs/checks.md`: 1.43 ≈
    /// 1/0.7).
    pub m2_high: f64,
    /// Resamples of the partner bootstrap behind the country intervals
    /// (`docs/domain.md#country-view`: the published method simulates; 1,000 resamples give stable
    /// 2.5 % and 97.5 % percentiles).
    pub bootstrap_resamples: usize,
    /// Estimate one harmonisation factor per country and direction
    /// (`docs/domain.md#harmonisation`).
    pub harmonise: bool,
    /// The benchmark country of the harmonisation, whose factors are fixed to 1: Sweden, as in
    /// MigMod (`ref.country = "SE"`) and de Beer et al. (2010). When it has no two-sided pairs,
    /// the best-agreeing country is used.
    pub benchmark: String,
    /// How the factors are estimated: Poisson maximum likelihood (large flows weigh more) or
    /// least squares on the log ratios.
    pub harmonise_method: HarmoniseMethod,
    /// Years of a pair's log-ratio series below which its stability is not read
    /// (`docs/domain.md#why-a-pair-disagrees`): three, the fewest with a change to compare a jump
    /// with.
    pub stability_min_years: usize,
    /// A series of log ratios whose standard deviation is below this is stable: 0.1, about
    /// ±10 % from year to year, the width of the green band.
    pub stability_stable_sd: f64,
    /// A year-to-year change larger than this many times the typical size of the other changes
    /// reads as a change of method: 3.
    pub stability_jump_ratio: f64,
    /// Groups the model score cuts U into (`docs/domain.md#undercount-classes`): three, low,
    /// medium and high undercount (the published method uses 7 at its quantiles).
    pub undercount_model_groups: usize,
    /// The ratios U between the model groups, `undercount_model_groups − 1` of them: 0.8 and 0.5
    /// (a fifth and a half of the flows missing). Empty: at the quantiles of the data's U ≤ 1,
    /// as the published method does over 32 European countries; over the few countries of one
    /// review those quantiles would rank even a close agreement as the worst undercount.
    pub undercount_model_thresholds: Vec<f64>,
    /// The combined score above which undercount is medium, and above which it is low: thirds
    /// by default, as the published method cuts its final classes into equal intervals.
    pub undercount_class_bounds: [f64; 2],
    /// The first year of the QuantMig expert classes and of the later weights; years before it
    /// take the IMEM classes and the earlier weights (2008 in the published method).
    pub undercount_threshold_year: u16,
    /// Weights of the model, expert and metadata scores before the threshold year (0.6, 0.25,
    /// 0.15 in the published method).
    pub undercount_weights_before: [f64; 3],
    /// Weights of the model, expert and metadata scores from the threshold year (0.8, 0.1, 0.1).
    pub undercount_weights_from: [f64; 3],
}

impl MirrorSettings {
    /// Says what is wrong with a value that cannot be a threshold (the ranges are listed in
    /// the README's settings table).
    pub fn validate(&self) -> Result<(), MirrorSettingsError> {
        let bands = [
            ("band_green", self.band_green),
            ("band_light", self.band_light),
            ("band_amber", self.band_amber),
        ];
        for (name, value) in bands {
            if !value.is_finite() || value <= 0.0 {
                return Err(MirrorSettingsError::Band {
                    field: name,
                    found: value,
                });
            }
        }
        if !(self.band_green < self.band_light && self.band_light < self.band_amber) {
            return Err(MirrorSettingsError::BandOrder {
                green: self.band_green,
                light: self.band_light,
                amber: self.band_amber,
            });
        }
        if !self.small_count.is_finite() || self.small_count < 0.0 {
            return Err(MirrorSettingsError::SmallCount {
                found: self.small_count,
            });
        }
        if !(self.interval_level > 0.5 && self.interval_level < 1.0) {
            return Err(MirrorSettingsError::IntervalLevel {
                found: self.interval_level,
            });
        }
        if !(self.reference_share > 0.0 && self.reference_share <= 1.0) {
            return Err(MirrorSettingsError::ReferenceShare {
                found: self.reference_share,
            });
        }
        if !(self.m2_low > 0.0 && self.m2_low < self.m2_high && self.m2_high.is_finite()) {
            return Err(MirrorSettingsError::M2Bounds {
                low: self.m2_low,
                high: self.m2_high,
            });
        }
        if !(1..=100_000).contains(&self.bootstrap_resamples) {
            return Err(MirrorSettingsError::BootstrapResamples {
                found: self.bootstrap_resamples,
            });
        }
        if self.stability_min_years < 3 {
            return Err(MirrorSettingsError::StabilityMinYears {
                found: self.stability_min_years,
            });
        }
        if !(self.stability_stable_sd > 0.0 && self.stability_stable_sd.is_finite()) {
            return Err(MirrorSettingsError::StabilityStableSd {
                found: self.stability_stable_sd,
            });
        }
        if !(self.stability_jump_ratio > 0.0 && self.stability_jump_ratio.is_finite()) {
            return Err(MirrorSettingsError::StabilityJumpRatio {
                found: self.stability_jump_ratio,
            });
        }
        self.validate_undercount()
    }

    fn validate_undercount(&self) -> Result<(), MirrorSettingsError> {
        let groups = self.undercount_model_groups;
        if !(2..=7).contains(&groups) {
            return Err(MirrorSettingsError::UndercountGroups { found: groups });
        }
        let thresholds = &self.undercount_model_thresholds;
        let mut distinct = thresholds.clone();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        let fine = thresholds.is_empty()
            || (thresholds.len() == groups - 1
                && distinct.len() == thresholds.len()
                && thresholds.iter().all(|r| *r > 0.0 && *r <= 1.0));
        if !fine {
            return Err(MirrorSettingsError::UndercountThresholds {
                expected: groups - 1,
                found: thresholds.clone(),
            });
        }
        let [medium, low] = self.undercount_class_bounds;
        if !(medium > 0.0 && medium < low && low < 1.0) {
            return Err(MirrorSettingsError::UndercountClassBounds {
                found: self.undercount_class_bounds,
            });
        }
        for (field, weights) in [
            ("undercount_weights_before", self.undercount_weights_before),
            ("undercount_weights_from", self.undercount_weights_from),
        ] {
            let sum: f64 = weights.iter().sum();
            if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || sum <= 0.0 {
                return Err(MirrorSettingsError::UndercountWeights {
                    field,
                    found: weights,
                });
            }
        }
        Ok(())
    }
}

impl Default for MirrorSettings {
    fn default() -> Self {
        MirrorSettings {
            band_green: 0.1,
            band_light: 0.26,
            band_amber: 0.69,
            small_count: 20.0,
            interval_level: 0.95,
            correction: CorrectionSet::Imem,
            durations: Vec::new(),
            reference_group: ReferenceGroup::BestAgreeing,
            reference_share: 1.0 / 3.0,
            reference_min_countries: 3,
            reference_min_pairs: 5,
            m2_low: 0.7,
            m2_high: 1.43,
            bootstrap_resamples: 1000,
            harmonise: true,
            benchmark: "SWE".to_string(),
            harmonise_method: HarmoniseMethod::Poisson,
            stability_min_years: 3,
            stability_stable_sd: 0.1,
            stability_jump_ratio: 3.0,
            undercount_model_groups: 3,
            undercount_model_thresholds: vec![0.8, 0.5],
            undercount_class_bounds: [1.0 / 3.0, 2.0 / 3.0],
            undercount_threshold_year: 2008,
            undercount_weights_before: [0.6, 0.25, 0.15],
            undercount_weights_from: [0.8, 0.1, 0.1],
        }
    }
}

impl MirrorSettings {
    /// The criterion the settings give for a reporter, direction and year.
    pub fn duration_for(&self, reporter: &str, direction: FlowDirection, year: u16) -> Option<u8> {
        self.durations
            .iter()
            .find(|d| d.applies(reporter, direction, year))
            .map(|d| d.months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabulated_factors_and_interpolation() {
        let imem = CorrectionSet::Imem;
        assert_eq!(imem.factor(3.0), 0.63);
        assert_eq!(imem.factor(12.0), 1.0);
        assert_eq!(imem.factor(60.0), 2.26);
        assert_eq!(imem.factor(0.0), 0.53);
        // 4 months lies a third of the way from 3 (0.63) to 6 (0.73).
        assert!((imem.factor(4.0) - (0.63 + 0.1 / 3.0)).abs() < 1e-12);
        // 36 months lies half-way from 12 (1.00) to 60 (2.26).
        assert!((imem.factor(36.0) - 1.63).abs() < 1e-12);
        assert_eq!(imem.factor(120.0), 2.26);
        assert_eq!(CorrectionSet::WillekensPoisson.factor(6.0), 0.89);
        assert_eq!(CorrectionSet::WillekensExpert.factor(60.0), 1.61);
        assert_eq!(CorrectionSet::WillekensMixture.factor(3.0), 0.64);
        assert_eq!(CorrectionSet::None.factor(3.0), 1.0);
    }

    #[test]
    fn user_rules_by_reporter_direction_and_years() {
        let settings = MirrorSettings {
            durations: vec![
                DurationSetting {
                    reporter: "AUT".into(),
                    direction: None,
                    from_year: None,
                    to_year: Some(2006),
                    months: 3,
                },
                DurationSetting {
                    reporter: "LVA".into(),
                    direction: Some(FlowDirection::Emigration),
                    from_year: None,
                    to_year: Some(2009),
                    months: 6,
                },
            ],
            ..MirrorSettings::default()
        };
        assert_eq!(
            settings.duration_for("AUT", FlowDirection::Immigration, 2002),
            Some(3)
        );
        assert_eq!(
            settings.duration_for("AUT", FlowDirection::Immigration, 2007),
            None
        );
        assert_eq!(
            settings.duration_for("LVA", FlowDirection::Emigration, 2008),
            Some(6)
        );
        assert_eq!(
            settings.duration_for("LVA", FlowDirection::Immigration, 2008),
            None
        );
    }
}
