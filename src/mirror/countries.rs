//! The country view: each country's flows against what its partners report
//! (`docs/domain.md#country-view`).
//!
//! For a country X, direction and year (sex total), over the partners with both sides reported:
//! emigration compares Σ E(X→c) reported by X with Σ I(c←X) reported by the partners c;
//! immigration compares Σ I(X←c) reported by X with Σ E(c→X) reported by the partners. The ratio
//! is X's figure over the partners' (Dańko's undercount ratio `U`; below 1 X counts fewer), after
//! the duration-of-stay correction of both sides. It is computed over all partners (M2) and over
//! the reference group.
//!
//! Interval: a partner bootstrap. The partners are resampled with replacement (same number),
//! the ratio of sums recomputed, and the 2.5 % and 97.5 % percentiles taken. It shows how much
//! the ratio depends on which partners happen to report. The random numbers are seeded from the
//! country, direction and year, so a report is the same on every run.

use super::MirrorPair;
use super::settings::{FlowDirection, MirrorSettings, ReferenceGroup};
use crate::model::Sex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A country's figure against its partners' figures for the same flows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerComparison {
    /// Partners with both sides reported.
    pub partners: usize,
    /// What the country reports over those partners, after the duration correction.
    pub reported: f64,
    /// What those partners report about the same flows, after the duration correction.
    pub partners_report: f64,
    /// `reported / partners_report`; `null` when the partners report 0.
    pub ratio: Option<f64>,
    /// The same ratio without the duration correction.
    pub raw_ratio: Option<f64>,
    /// Bootstrap interval of `ratio` (`null` with fewer than two partners).
    pub ratio_low: Option<f64>,
    pub ratio_high: Option<f64>,
}

/// One country, direction and year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryFlows {
    pub country: String,
    pub direction: FlowDirection,
    pub year: u16,
    /// Over all partners with both sides reported (the basis of M2).
    pub all: PartnerComparison,
    /// Over the partners of the reference group (the country itself left out); `null` when no
    /// member of the group is among its two-sided partners.
    pub reference: Option<PartnerComparison>,
}

/// How well one country's pairs agree, for choosing the reference group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryAgreement {
    pub country: String,
    /// Two-sided, not-small pair-years (sex total), as receiver or sender.
    pub pair_years: usize,
    /// Median |corrected log ratio| of those pair-years.
    pub median_abs_log_ratio: f64,
}

/// The reference group in use and how it was chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceGroupReport {
    /// `best-agreeing` or `listed`.
    pub method: String,
    pub countries: Vec<String>,
    /// Every country with enough pair-years, best agreement first.
    pub ranking: Vec<CountryAgreement>,
    /// Why the group is empty or smaller than asked, when it is.
    pub note: Option<String>,
}

fn two_sided_totals(pairs: &[MirrorPair]) -> impl Iterator<Item = &MirrorPair> {
    pairs.iter().filter(|p| p.sex == Sex::T && p.is_two_sided())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Ranks the countries by agreement and picks the reference group (see [`ReferenceGroup`]).
pub fn reference_group(pairs: &[MirrorPair], settings: &MirrorSettings) -> ReferenceGroupReport {
    let mut by_country: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for pair in two_sided_totals(pairs) {
        if pair.band == super::Band::Small {
            continue;
        }
        let Some(l) = pair.corrected_log_ratio else {
            continue;
        };
        by_country.entry(&pair.receiver).or_default().push(l.abs());
        by_country.entry(&pair.sender).or_default().push(l.abs());
    }
    let mut ranking: Vec<CountryAgreement> = by_country
        .into_iter()
        .filter(|(_, values)| values.len() >= settings.reference_min_pairs)
        .map(|(country, mut values)| CountryAgreement {
            country: country.to_string(),
            pair_years: values.len(),
            median_abs_log_ratio: median(&mut values),
        })
        .collect();
    ranking.sort_by(|a, b| {
        a.median_abs_log_ratio
            .total_cmp(&b.median_abs_log_ratio)
            .then_with(|| a.country.cmp(&b.country))
    });
    match &settings.reference_group {
        ReferenceGroup::Listed(codes) => {
            let countries: Vec<String> = codes.iter().map(|c| c.trim().to_uppercase()).collect();
            let absent: Vec<&str> = countries
                .iter()
                .filter(|c| !two_sided_totals(pairs).any(|p| p.receiver == *c || p.sender == *c))
                .map(String::as_str)
                .collect();
            let note = (!absent.is_empty()).then(|| {
                format!(
                    "no two-sided pairs for {} of the listed reference countries",
                    absent.join(", ")
                )
            });
            ReferenceGroupReport {
                method: "listed".into(),
                countries,
                ranking,
                note,
            }
        }
        ReferenceGroup::BestAgreeing => {
            let ranked = ranking.len();
            let (size, note) = if ranked < settings.reference_min_countries {
                (
                    0,
                    Some(format!(
                        "only {ranked} countries have at least {} two-sided pair-years of {} or \
                         more persons; a reference group needs {}",
                        settings.reference_min_pairs,
                        settings.small_count,
                        settings.reference_min_countries
                    )),
                )
            } else {
                let share = (ranked as f64 * settings.reference_share).ceil() as usize;
                (
                    share.max(settings.reference_min_countries).min(ranked),
                    None,
                )
            };
            ReferenceGroupReport {
                method: "best-agreeing".into(),
                countries: ranking
                    .iter()
                    .take(size)
                    .map(|c| c.country.clone())
                    .collect(),
                ranking,
                note,
            }
        }
    }
}

/// One partner's two figures: the country's and the partner's, corrected and raw.
#[derive(Copy, Clone, Debug)]
pub(super) struct Figures<'a> {
    pub(super) partner: &'a str,
    pub(super) own: f64,
    pub(super) theirs: f64,
    own_raw: f64,
    theirs_raw: f64,
}

/// Per country, direction and year (sex total), in that order: each partner reported on both
/// sides with the two figures of the flow between them.
pub(super) type Cases<'a> = BTreeMap<(&'a str, FlowDirection, u16), Vec<Figures<'a>>>;

/// The cases of the country view from the pairs, read once for the country ratios and the
/// partner-structure distances.
pub(super) fn partner_cases(pairs: &[MirrorPair]) -> Cases<'_> {
    let mut cases: Cases<'_> = BTreeMap::new();
    for pair in two_sided_totals(pairs) {
        let (Some(i), Some(e), Some(ci), Some(ce)) = (
            pair.immigration,
            pair.emigration,
            pair.corrected_immigration,
            pair.corrected_emigration,
        ) else {
            continue;
        };
        cases
            .entry((&pair.sender, FlowDirection::Emigration, pair.year))
            .or_default()
            .push(Figures {
                partner: &pair.receiver,
                own: ce,
                theirs: ci,
                own_raw: e,
                theirs_raw: i,
            });
        cases
            .entry((&pair.receiver, FlowDirection::Immigration, pair.year))
            .or_default()
            .push(Figures {
                partner: &pair.sender,
                own: ci,
                theirs: ce,
                own_raw: i,
                theirs_raw: e,
            });
    }
    cases
}

/// A stable seed from the case, so that intervals do not change between runs (FNV-1a).
fn seed(country: &str, direction: FlowDirection, year: u16) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = country
        .bytes()
        .chain(direction.as_str().bytes())
        .chain(year.to_le_bytes());
    for byte in bytes {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The percentiles of the bootstrap ratio that bound the central `level` of it (2.5 % and
/// 97.5 % at 0.95).
fn bootstrap_interval(
    figures: &[Figures<'_>],
    resamples: usize,
    level: f64,
    seed: u64,
) -> Option<[f64; 2]> {
    let n = figures.len();
    if n < 2 || resamples == 0 {
        return None;
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ratios = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let (mut own, mut theirs) = (0.0, 0.0);
        for _ in 0..n {
            let f = &figures[rng.usize(..n)];
            own += f.own;
            theirs += f.theirs;
        }
        if theirs > 0.0 {
            ratios.push(own / theirs);
        } else if own > 0.0 {
            ratios.push(f64::INFINITY);
        }
    }
    if ratios.is_empty() {
        return None;
    }
    Some(percentiles(&mut ratios, level))
}

/// The percentiles of a non-empty list that bound its central `level` (2.5 % and 97.5 % at
/// 0.95: the values at the ranks a full sort would give them, rounded to the nearest), found in
/// linear time; reorders the list.
fn percentiles(ratios: &mut [f64], level: f64) -> [f64; 2] {
    let last = ratios.len().saturating_sub(1) as f64;
    let tail = (1.0 - level) / 2.0;
    let (low_at, high_at) = (
        (last * tail).round() as usize,
        (last * (1.0 - tail)).round() as usize,
    );
    let (_, &mut low, above) = ratios.select_nth_unstable_by(low_at, f64::total_cmp);
    let high = match high_at.checked_sub(low_at + 1) {
        Some(at) => *above.select_nth_unstable_by(at, f64::total_cmp).1,
        None => low,
    };
    [low, high]
}

fn compare(
    figures: &[Figures<'_>],
    settings: &MirrorSettings,
    seed: u64,
) -> Option<PartnerComparison> {
    if figures.is_empty() {
        return None;
    }
    let sum = |f: fn(&Figures<'_>) -> f64| figures.iter().map(f).sum::<f64>();
    let reported = sum(|f| f.own);
    let partners_report = sum(|f| f.theirs);
    let (own_raw, theirs_raw) = (sum(|f| f.own_raw), sum(|f| f.theirs_raw));
    let interval = bootstrap_interval(
        figures,
        settings.bootstrap_resamples,
        settings.interval_level,
        seed,
    );
    Some(PartnerComparison {
        partners: figures.len(),
        reported,
        partners_report,
        ratio: (partners_report != 0.0).then(|| reported / partners_report),
        raw_ratio: (theirs_raw != 0.0).then(|| own_raw / theirs_raw),
        ratio_low: interval.map(|[lo, _]| lo),
        ratio_high: interval.map(|[_, hi]| hi),
    })
}

/// Every country's flows against its partners, by direction and year.
pub(super) fn country_flows(
    cases: &Cases<'_>,
    reference: &[String],
    settings: &MirrorSettings,
) -> Vec<CountryFlows> {
    let keys: Vec<(&str, FlowDirection, u16)> = cases.keys().copied().collect();
    // Each case draws its own bootstrap from its own seed: the cases divide over the cores.
    crate::parallel::map_in_order(&keys, |&key| {
        let (country, direction, year) = key;
        let figures = cases.get(&key)?;
        let case_seed = seed(country, direction, year);
        let all = compare(figures, settings, case_seed)?;
        let in_group: Vec<Figures<'_>> = figures
            .iter()
            .filter(|f| reference.iter().any(|r| r == f.partner))
            .copied()
            .collect();
        Some(CountryFlows {
            country: country.to_string(),
            direction,
            year,
            all,
            reference: compare(&in_group, settings, case_seed.rotate_left(1)),
        })
    })
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::percentiles;

    #[test]
    fn percentiles_are_those_of_the_sorted_list() {
        let mut rng = fastrand::Rng::with_seed(7);
        for n in [1, 2, 3, 39, 40, 41, 999, 1000] {
            let mut values: Vec<f64> = (0..n)
                .map(|i| match i % 11 {
                    0 => f64::INFINITY,
                    1 => 1.0,
                    _ => rng.f64() * 3.0,
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let at = |p: f64| sorted[((n - 1) as f64 * p).round() as usize];
            assert_eq!(
                percentiles(&mut values, 0.95),
                [at(0.025), at(0.975)],
                "{n} values"
            );
        }
    }
}
