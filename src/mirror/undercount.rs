//! Undercount classes (`docs/domain.md#undercount-classes`): for each country, direction and
//! year, a model score from its flows against what the reference group reports, an expert score
//! where the published expert classifications rate the country, and a metadata score from the
//! registration rules of its data sources, combined with the published default weights and cut
//! into low, medium and high undercount.
//!
//! Every score lies in [0, 1], 1 meaning no undercount:
//!
//! * **model**: U = the country's flows over the reference group's report of them (both after the
//!   duration-of-stay correction, [`super::CountryFlows::reference`]), cut into
//!   `undercount_model_groups` groups at the ratios of `undercount_model_thresholds` (by default
//!   0.8 and 0.5: three groups), or, with no ratios set, at the quantiles of the log10 U ≤ 0 of
//!   the same direction (every country and year of the data) as the published method does, with
//!   overcounting (U > 1) merged into the group of least undercount. Group k of G (1 = least
//!   undercount) scores 1 − (k − 1)/(G − 1).
//! * **expert**: before `undercount_threshold_year`, the IMEM classes (low 1, high 0); from it,
//!   the QuantMig classes (excellent 1, low undercount 0.75, high 0); `null` for the countries
//!   they do not rate.
//! * **metadata**: given by the caller from the data-source inventory
//!   ([`crate::assess::metadata`]): 1 minus the registration or de-registration risk score.
//!
//! The combined score is the weighted mean of the scores present, with the weights of the
//! period; the class cuts it into thirds by default (above 2/3 low, above 1/3 medium, else high).

use super::countries::CountryFlows;
use super::settings::{FlowDirection, MirrorSettings};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An undercount class.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UndercountClass {
    Low,
    Medium,
    High,
}

impl UndercountClass {
    pub const ALL: [UndercountClass; 3] = [
        UndercountClass::Low,
        UndercountClass::Medium,
        UndercountClass::High,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UndercountClass::Low => "low",
            UndercountClass::Medium => "medium",
            UndercountClass::High => "high",
        }
    }
}

/// The scores and class of one country, direction and year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Undercount {
    pub country: String,
    pub year: u16,
    pub direction: FlowDirection,
    /// U: the country's flows over the reference group's report of them; `null` without a
    /// member of the group among its two-sided partners.
    pub ratio: Option<f64>,
    pub model_score: Option<f64>,
    pub expert_score: Option<f64>,
    pub metadata_score: Option<f64>,
    /// The weighted mean of the scores present.
    pub combined: Option<f64>,
    pub class: Option<UndercountClass>,
}

/// A metadata score of a country and direction, from its data sources' registration rules.
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataScore {
    pub country: String,
    pub direction: FlowDirection,
    pub score: f64,
}

/// The IMEM expert classes (Raymer et al. 2013): the countries of low undercount; the others
/// listed in [`IMEM_RATED`] are of high undercount.
const IMEM_LOW_IMMIGRATION: [&str; 17] = [
    "AUT", "BEL", "CHE", "CYP", "DEU", "DNK", "ESP", "FIN", "FRA", "IRL", "ISL", "ITA", "LUX",
    "NLD", "NOR", "SWE", "GBR",
];
const IMEM_RATED: [&str; 32] = [
    "AUT", "BEL", "CHE", "CYP", "DEU", "DNK", "ESP", "FIN", "FRA", "IRL", "ISL", "ITA", "LUX",
    "NLD", "NOR", "SWE", "GBR", "BGR", "CZE", "EST", "GRC", "HRV", "HUN", "LIE", "LTU", "LVA",
    "MLT", "POL", "PRT", "ROU", "SVN", "SVK",
];

/// The QuantMig expert classes (2020 Delphi survey), as expert scores.
const QUANTMIG: [(&str, f64); 24] = [
    ("BEL", 1.0),
    ("CHE", 1.0),
    ("DNK", 1.0),
    ("NLD", 1.0),
    ("AUT", 0.75),
    ("EST", 0.75),
    ("ESP", 0.75),
    ("FIN", 0.75),
    ("FRA", 0.75),
    ("IRL", 0.75),
    ("ISL", 0.75),
    ("LIE", 0.75),
    ("LTU", 0.75),
    ("NOR", 0.75),
    ("SWE", 0.75),
    ("SVN", 0.75),
    ("GBR", 0.75),
    ("BGR", 0.0),
    ("HRV", 0.0),
    ("ITA", 0.0),
    ("LVA", 0.0),
    ("POL", 0.0),
    ("ROU", 0.0),
    ("SVK", 0.0),
];

/// The published expert score of a country, direction and year.
pub fn expert_score(
    country: &str,
    direction: FlowDirection,
    year: u16,
    settings: &MirrorSettings,
) -> Option<f64> {
    if year < settings.undercount_threshold_year {
        if !IMEM_RATED.contains(&country) {
            return None;
        }
        // IMEM rates Spain's emigration of high undercount, its immigration of low.
        let low = IMEM_LOW_IMMIGRATION.contains(&country)
            && !(country == "ESP" && direction == FlowDirection::Emigration);
        Some(if low { 1.0 } else { 0.0 })
    } else {
        QUANTMIG
            .iter()
            .find(|(code, _)| *code == country)
            .map(|(_, score)| *score)
    }
}

/// The quantile of sorted values by linear interpolation between order statistics (R's default
/// type 7).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let h = (n - 1) as f64 * p;
    let below = h.floor() as usize;
    let above = (below + 1).min(n - 1);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

/// The bounds between the model groups on the log10 scale, highest first (G − 1 of them): the
/// settings' ratios, or the quantiles of the log10 U ≤ 0 values.
fn group_bounds(values: &[f64], settings: &MirrorSettings) -> Vec<f64> {
    let groups = settings.undercount_model_groups;
    if !settings.undercount_model_thresholds.is_empty() {
        let mut bounds: Vec<f64> = settings
            .undercount_model_thresholds
            .iter()
            .map(|r| r.log10())
            .collect();
        bounds.sort_by(|a, b| b.total_cmp(a));
        return bounds;
    }
    let mut undercounts: Vec<f64> = values.iter().copied().filter(|v| *v <= 0.0).collect();
    undercounts.sort_by(f64::total_cmp);
    (1..groups)
        .map(|k| quantile(&undercounts, 1.0 - k as f64 / groups as f64))
        .collect()
}

/// The model score of a log10 U: group k (1 = at or above the highest bound) scores
/// 1 − (k − 1)/(G − 1). A value on a bound belongs to the group above it, as R's `cut` with
/// right-closed intervals places it.
fn model_score(value: f64, bounds: &[f64]) -> f64 {
    let groups = bounds.len() + 1;
    let group = bounds.iter().take_while(|bound| value <= **bound).count();
    // Right-closed: a value equal to a bound falls in the lower interval, i.e. the group below.
    1.0 - group as f64 / (groups - 1) as f64
}

/// The class of a combined score.
pub fn class_of(combined: f64, settings: &MirrorSettings) -> UndercountClass {
    let [medium, low] = settings.undercount_class_bounds;
    if combined > low {
        UndercountClass::Low
    } else if combined > medium {
        UndercountClass::Medium
    } else {
        UndercountClass::High
    }
}

/// The weighted mean of the scores present, with the weights of the year's period.
fn combine(scores: [Option<f64>; 3], year: u16, settings: &MirrorSettings) -> Option<f64> {
    let weights = if year < settings.undercount_threshold_year {
        settings.undercount_weights_before
    } else {
        settings.undercount_weights_from
    };
    let (sum, weight) = scores
        .iter()
        .zip(weights)
        .filter_map(|(score, w)| score.map(|s| (s * w, w)))
        .fold((0.0, 0.0), |(s, w), (ds, dw)| (s + ds, w + dw));
    (weight > 0.0).then(|| sum / weight)
}

/// The undercount scores and classes of every country, direction and year of the country view,
/// with the metadata scores given.
pub fn classify(
    flows: &[CountryFlows],
    metadata: &[MetadataScore],
    settings: &MirrorSettings,
) -> Vec<Undercount> {
    let ratio_of = |f: &CountryFlows| {
        f.reference
            .as_ref()
            .and_then(|r| r.ratio)
            .filter(|u| *u > 0.0 && u.is_finite())
    };
    let mut bounds: HashMap<FlowDirection, Vec<f64>> = HashMap::new();
    for direction in FlowDirection::ALL {
        let values: Vec<f64> = flows
            .iter()
            .filter(|f| f.direction == direction)
            .filter_map(|f| ratio_of(f).map(f64::log10))
            .collect();
        bounds.insert(direction, group_bounds(&values, settings));
    }
    flows
        .iter()
        .map(|f| {
            let ratio = ratio_of(f);
            let model = ratio.and_then(|u| {
                let bounds = bounds.get(&f.direction)?;
                Some(model_score(u.log10(), bounds))
            });
            let entry = Undercount {
                country: f.country.clone(),
                year: f.year,
                direction: f.direction,
                ratio,
                model_score: model,
                expert_score: expert_score(&f.country, f.direction, f.year, settings),
                metadata_score: None,
                combined: None,
                class: None,
            };
            scored(entry, metadata, settings)
        })
        .collect()
}

/// An entry with the metadata score of its country and direction, and the combined score and
/// class that follow from its three scores.
fn scored(entry: Undercount, metadata: &[MetadataScore], settings: &MirrorSettings) -> Undercount {
    let meta = metadata
        .iter()
        .find(|m| m.country == entry.country && m.direction == entry.direction)
        .map(|m| m.score);
    let combined = combine(
        [entry.model_score, entry.expert_score, meta],
        entry.year,
        settings,
    );
    Undercount {
        metadata_score: meta,
        combined,
        class: combined.map(|c| class_of(c, settings)),
        ..entry
    }
}

/// The entries again with other metadata scores (the inventory changed): the model and expert
/// scores stay, the combined score and class follow.
pub fn with_metadata(
    entries: &[Undercount],
    metadata: &[MetadataScore],
    settings: &MirrorSettings,
) -> Vec<Undercount> {
    entries
        .iter()
        .map(|e| scored(e.clone(), metadata, settings))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::countries::PartnerComparison;

    fn flows(country: &str, direction: FlowDirection, year: u16, ratio: f64) -> CountryFlows {
        let comparison = PartnerComparison {
            partners: 3,
            reported: ratio * 1000.0,
            partners_report: 1000.0,
            ratio: Some(ratio),
            raw_ratio: Some(ratio),
            ratio_low: None,
            ratio_high: None,
        };
        CountryFlows {
            country: country.into(),
            direction,
            year,
            all: comparison.clone(),
            reference: Some(comparison),
        }
    }

    #[test]
    fn quantiles_are_those_of_r() {
        // quantile(c(1, 2, 4, 8), c(0.25, 0.5, 0.9)) in R: 1.75, 3, 6.8.
        let sorted = [1.0, 2.0, 4.0, 8.0];
        assert!((quantile(&sorted, 0.25) - 1.75).abs() < 1e-12);
        assert!((quantile(&sorted, 0.5) - 3.0).abs() < 1e-12);
        assert!((quantile(&sorted, 0.9) - 6.8).abs() < 1e-12);
    }

    #[test]
    fn a_hand_made_set_gets_the_classes_it_was_made_for() {
        // The default three groups at ratios 0.8 and 0.5; no metadata; countries the experts
        // do not rate.
        let settings = MirrorSettings::default();
        let e = FlowDirection::Emigration;
        let data = [
            flows("KAZ", e, 2015, 1.3), // overcounting: least undercount
            flows("KGZ", e, 2015, 0.9),
            flows("TJK", e, 2015, 0.6),
            flows("UZB", e, 2015, 0.1),
            flows("ARM", e, 2015, 0.8), // on the bound: the group below
        ];
        let classes = classify(&data, &[], &settings);
        let got: Vec<(&str, Option<f64>, Option<UndercountClass>)> = classes
            .iter()
            .map(|c| (c.country.as_str(), c.model_score, c.class))
            .collect();
        use UndercountClass::*;
        assert_eq!(
            got,
            [
                ("KAZ", Some(1.0), Some(Low)),
                ("KGZ", Some(1.0), Some(Low)),
                ("TJK", Some(0.5), Some(Medium)),
                ("UZB", Some(0.0), Some(High)),
                ("ARM", Some(0.5), Some(Medium)),
            ]
        );
        // A metadata score of 0 for Kyrgyzstan: (0.8 · 1 + 0.1 · 0) / 0.9 = 0.889, still low;
        // for Tajikistan (0.8 · 0.5 + 0.1 · 0) / 0.9 = 0.444: medium.
        let metadata = [
            MetadataScore {
                country: "KGZ".into(),
                direction: e,
                score: 0.0,
            },
            MetadataScore {
                country: "TJK".into(),
                direction: e,
                score: 0.0,
            },
        ];
        let again = with_metadata(&classes, &metadata, &settings);
        assert!((again[1].combined.unwrap_or(f64::NAN) - 0.8 / 0.9).abs() < 1e-12);
        assert_eq!(again[1].class, Some(Low));
        assert!((again[2].combined.unwrap_or(f64::NAN) - 0.4 / 0.9).abs() < 1e-12);
        assert_eq!(again[2].class, Some(Medium));
        assert_eq!(classify(&data, &metadata, &settings), again);
    }

    #[test]
    fn quantile_groups_and_expert_scores_follow_the_published_method() {
        // Seven groups at the quantiles of log10 U ≤ 0, as published.
        let settings = MirrorSettings {
            undercount_model_groups: 7,
            undercount_model_thresholds: Vec::new(),
            ..MirrorSettings::default()
        };
        let i = FlowDirection::Immigration;
        let ratios = [1.0, 0.9, 0.7, 0.5, 0.3, 0.2, 0.1, 0.05];
        let data: Vec<CountryFlows> = ratios
            .iter()
            .enumerate()
            .map(|(k, r)| flows(&format!("C{k}"), i, 2015, *r))
            .collect();
        let scores: Vec<f64> = classify(&data, &[], &settings)
            .iter()
            .map(|c| c.model_score.unwrap_or(f64::NAN))
            .collect();
        // The top and bottom values sit on the outer quantiles; the rest one group apart.
        assert_eq!(scores[0], 1.0);
        assert_eq!(scores[7], 0.0);
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        // Poland 2005 (IMEM: high), 2015 (QuantMig: high); Sweden 2015 (QuantMig: low, 0.75);
        // Spain 2005: immigration low, emigration high.
        assert_eq!(expert_score("POL", i, 2005, &settings), Some(0.0));
        assert_eq!(expert_score("SWE", i, 2015, &settings), Some(0.75));
        assert_eq!(expert_score("ESP", i, 2005, &settings), Some(1.0));
        assert_eq!(
            expert_score("ESP", FlowDirection::Emigration, 2005, &settings),
            Some(0.0)
        );
        assert_eq!(expert_score("KAZ", i, 2015, &settings), None);
    }
}
