//! Mirror statistics: immigration reported by the receiving country (its Table 3) against
//! emigration reported by the sending country (its Table 4).
//!
//! [`analyse`] computes the whole `mirror` part of the report: the pairs with their measures
//! (`docs/domain.md#measures`) and duration-of-stay correction, the mirror coverage, each
//! country's flows against what its partners report and the optional harmonisation (the
//! sections that follow it in `docs/domain.md`).

pub mod countries;
pub mod disagreement;
pub mod duration;
pub mod export;
pub mod harmonise;
pub mod interval;
pub mod measures;
pub mod pairing;
pub mod poisson;
pub mod settings;
pub mod undercount;

pub use crate::coverage::MirrorCoverage;
pub use countries::{CountryFlows, PartnerComparison, ReferenceGroupReport};
pub use disagreement::{PairStability, PartnerStructure, Reading};
pub use duration::{DurationRule, RuleSource};
pub use harmonise::{Harmonisation, HarmonisationFactor};
pub use settings::{
    CorrectionSet, DurationSetting, FlowDirection, HarmoniseMethod, MirrorSettings,
    MirrorSettingsError, ReferenceGroup,
};
pub use undercount::{MetadataScore, Undercount, UndercountClass};

use crate::model::{Dataset, Sex};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// Agreement band of a pair-year (`docs/domain.md#agreement-bands`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    Green,
    Light,
    Amber,
    Red,
    /// I + E below the small-count threshold: not coloured.
    Small,
    /// Only one side is reported.
    OneSided,
}

impl Band {
    pub const ALL: [Band; 6] = [
        Band::Green,
        Band::Light,
        Band::Amber,
        Band::Red,
        Band::Small,
        Band::OneSided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Green => "green",
            Band::Light => "light",
            Band::Amber => "amber",
            Band::Red => "red",
            Band::Small => "small",
            Band::OneSided => "one-sided",
        }
    }
}

/// One receiver–sender–year–sex with at least one side reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MirrorPair {
    pub receiver: SmolStr,
    pub sender: SmolStr,
    pub year: u16,
    pub sex: Sex,
    /// Table 3 of the receiver, category = sender.
    pub immigration: Option<f64>,
    /// Table 4 of the sender, category = receiver.
    pub emigration: Option<f64>,
    /// I / E; `null` when emigration is missing or 0.
    pub ratio: Option<f64>,
    /// ln((I + 0.5) / (E + 0.5)) when both are reported.
    pub log_ratio: Option<f64>,
    /// (I − E) / ((I + E) / 2) when both are reported and not both 0.
    pub rel_diff: Option<f64>,
    /// Band of `corrected_log_ratio`; `small` when I + E (as reported) is below the small-count
    /// threshold, `one-sided` when a side is not reported.
    pub band: Band,
    /// Corrected I / corrected E (duration-of-stay correction); `null` when that E is missing or 0.
    pub corrected_ratio: Option<f64>,
    /// I − E when both are reported.
    #[serde(default)]
    pub difference: Option<f64>,
    /// I × the receiver's correction factor for its immigration criterion.
    #[serde(default)]
    pub corrected_immigration: Option<f64>,
    /// E × the sender's correction factor for its emigration criterion.
    #[serde(default)]
    pub corrected_emigration: Option<f64>,
    /// ln((corrected I + 0.5) / (corrected E + 0.5)) when both are reported.
    #[serde(default)]
    pub corrected_log_ratio: Option<f64>,
    /// The exact interval of the corrected ratio at `mirror.interval_level` (see
    /// [`interval::ratio_interval`]); `null` where a side is missing. `ratio_high` is also `null`
    /// when the corrected emigration is 0 (nothing bounds the ratio from above).
    #[serde(default)]
    pub ratio_low: Option<f64>,
    #[serde(default)]
    pub ratio_high: Option<f64>,
    /// The pair-year's residual under the harmonisation (`docs/domain.md#harmonisation`): the
    /// Pearson residual of its two counts under the Poisson fit, `ln I + a − ln E − b` under
    /// least squares; `null` for pair-years not in the fit.
    #[serde(default)]
    pub residual: Option<f64>,
}

impl MirrorPair {
    pub fn is_two_sided(&self) -> bool {
        self.immigration.is_some() && self.emigration.is_some()
    }

    /// The exact interval of the corrected ratio, when both sides are reported (the upper end
    /// infinite when the corrected emigration is 0).
    pub fn ratio_interval(&self) -> Option<[f64; 2]> {
        let low = self.ratio_low?;
        self.is_two_sided()
            .then(|| [low, self.ratio_high.unwrap_or(f64::INFINITY)])
    }
}

/// The `mirror` part of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct MirrorReport {
    pub pairs: Vec<MirrorPair>,
    pub coverage: Option<MirrorCoverage>,
    /// Per country, direction and year (sex total): its flows against what its partners report.
    #[serde(default)]
    pub countries: Vec<CountryFlows>,
    /// The reference group the country view compares with, and how it was chosen.
    #[serde(default)]
    pub reference_group: Option<ReferenceGroupReport>,
    /// The duration-of-stay criterion used per reporter, direction and year, and its factor.
    #[serde(default)]
    pub durations: Vec<DurationRule>,
    /// One correction factor per country and direction (when enabled in the settings).
    #[serde(default)]
    pub harmonisation: Option<Harmonisation>,
    /// Per country, direction and year (sex total): how far the partner mix it reports is from
    /// the mix its partners report (`docs/domain.md#why-a-pair-disagrees`).
    #[serde(default)]
    pub structure: Vec<PartnerStructure>,
    /// Per pair (sex total): the stability of its log ratio over the years and its reading.
    #[serde(default)]
    pub stability: Vec<PairStability>,
    /// Per country, direction and year: the undercount scores and class
    /// (`docs/domain.md#undercount-classes`); the metadata scores are those of the assessment
    /// the report carries.
    #[serde(default)]
    pub undercount: Vec<Undercount>,
    /// The pair-years with a row on both sides where a side holds no number, found by the same
    /// pass that pairs (for M1's not-evaluable cases; they point into the data set, so they are
    /// not part of the JSON report).
    #[serde(skip)]
    pub missing_values: Vec<pairing::MissingValues>,
}

impl MirrorReport {
    /// Pairs of one year (all years when `None`) and sex.
    pub fn pairs_of(&self, year: Option<u16>, sex: Sex) -> impl Iterator<Item = &MirrorPair> {
        self.pairs
            .iter()
            .filter(move |p| p.sex == sex && year.is_none_or(|y| p.year == y))
    }

    /// Years that have pairs, sorted.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.pairs.iter().map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// Computes the mirror statistics of a data set.
pub fn analyse(dataset: &Dataset, settings: &MirrorSettings) -> MirrorReport {
    // The coverage reads the data set alone: it is counted beside the pairing and what follows.
    let (coverage, (mut paired, reference, (flows, structure), fitted)) = crate::parallel::join(
        || crate::coverage::mirror_coverage(dataset),
        || {
            let paired = pairing::pair(dataset, settings);
            let reference = countries::reference_group(&paired.pairs, settings);
            let cases = countries::partner_cases(&paired.pairs);
            let (flows, harmonisation) = crate::parallel::join(
                || {
                    (
                        countries::country_flows(&cases, &reference.countries, settings),
                        disagreement::structure(&cases),
                    )
                },
                || {
                    settings
                        .harmonise
                        .then(|| harmonise::harmonise(&paired.pairs, &reference, settings))
                        .flatten()
                },
            );
            (paired, reference, flows, harmonisation)
        },
    );
    let harmonisation = fitted.map(|fitted| {
        for (k, residual) in fitted.residuals {
            if let Some(pair) = paired.pairs.get_mut(k) {
                pair.residual = Some(residual);
            }
        }
        fitted.harmonisation
    });
    let stability = disagreement::stability(&paired.pairs, settings);
    let undercount = undercount::classify(&flows, &[], settings);
    MirrorReport {
        pairs: paired.pairs,
        coverage: Some(coverage),
        undercount,
        countries: flows,
        reference_group: Some(reference),
        durations: paired.durations,
        harmonisation,
        structure,
        stability,
        missing_values: paired.missing,
    }
}
