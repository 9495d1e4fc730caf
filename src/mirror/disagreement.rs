//! Why a pair disagrees (`docs/domain.md#why-a-pair-disagrees`): whether the two sides count the
//! same persons under different partner codes, and whether the disagreement of a pair is steady,
//! noisy or broken in one year.
//!
//! **Partner structure.** For a country, direction and year (sex total), over the partners
//! reported on both sides, the distance between the partner mix the country reports and the mix
//! its partners report: `D = ½ Σ_j |E_ij / ΣE − I_ij / ΣI|` for its emigration (E as it reports
//! it, I as each partner reports it), and the same way round for its immigration. D is 0 when the
//! mixes are the same and 1 when they share no partner. D near 0 with a ratio far from 1 is a
//! level problem (one side counts fewer of every partner's migrants); a large D is a problem of
//! partner coding. The flows are those after the duration-of-stay correction.
//!
//! **Stability over the years.** For a pair (receiver, sender; sex total), the corrected log
//! ratio of the years reported on both sides and not small: its mean and standard deviation, the
//! largest change between successive years and how many times the typical size of the other
//! changes (their root mean square, at least [`MirrorSettings::stability_stable_sd`]) it is.
//! Read as a [`Reading`].

use super::countries::Cases;
use super::settings::{FlowDirection, MirrorSettings};
use super::{Band, MirrorPair};
use crate::i18n::{Lang, format_decimal};
use crate::model::Sex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The partner-structure distance of one country, direction and year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerStructure {
    pub country: String,
    pub direction: FlowDirection,
    pub year: u16,
    /// Partners reported on both sides (at least two: with one, the mixes are the same).
    pub partners: usize,
    /// ½ Σ |share as the country reports − share as the partners report|, from 0 to 1.
    pub distance: f64,
}

/// What the series of a pair's log ratios says about its disagreement.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// Stable, and within the green band on average: the two sides agree.
    Agreement,
    /// Stable, away from 1: a difference of definition or of the duration criterion.
    StableOffset,
    /// Neither stable nor broken in one year: measurement error.
    Volatile,
    /// One change much larger than the others: a change of method by one side.
    MethodChange,
    /// Fewer years than [`MirrorSettings::stability_min_years`].
    TooFewYears,
}

impl Reading {
    pub const ALL: [Reading; 5] = [
        Reading::Agreement,
        Reading::StableOffset,
        Reading::Volatile,
        Reading::MethodChange,
        Reading::TooFewYears,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Agreement => "agreement",
            Reading::StableOffset => "stable-offset",
            Reading::Volatile => "volatile",
            Reading::MethodChange => "method-change",
            Reading::TooFewYears => "too-few-years",
        }
    }

    /// The reading in a few words, for a table.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reading::Agreement => crate::t!(lang, "mirror-reading-agreement-label"),
            Reading::StableOffset => crate::t!(lang, "mirror-reading-stable-offset-label"),
            Reading::Volatile => crate::t!(lang, "mirror-reading-volatile-label"),
            Reading::MethodChange => crate::t!(lang, "mirror-reading-method-change-label"),
            Reading::TooFewYears => crate::t!(lang, "mirror-reading-too-few-years-label"),
        }
    }

    /// What the reading means, without the numbers of a pair.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            Reading::Agreement => crate::t!(lang, "mirror-reading-agreement-meaning"),
            Reading::StableOffset => crate::t!(lang, "mirror-reading-stable-offset-meaning"),
            Reading::Volatile => crate::t!(lang, "mirror-reading-volatile-meaning"),
            Reading::MethodChange => crate::t!(lang, "mirror-reading-method-change-meaning"),
            Reading::TooFewYears => crate::t!(lang, "mirror-reading-too-few-years-meaning"),
        }
    }
}

/// The stability of one pair's corrected log ratio over the years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairStability {
    pub receiver: String,
    pub sender: String,
    /// Years reported on both sides and not small (sex total).
    pub years: usize,
    /// Mean of ln(I/E), corrected.
    pub mean: f64,
    /// Standard deviation of ln(I/E) (n − 1 in the denominator); `null` with one year.
    pub sd: Option<f64>,
    /// The change of ln(I/E) between successive years that is largest in size, with its sign;
    /// `null` with one year.
    pub largest_jump: Option<f64>,
    /// The later year of that change.
    pub jump_year: Option<u16>,
    /// |largest_jump| over the typical size of the other changes (their root mean square, at
    /// least `stability_stable_sd`); `null` with fewer than three years.
    pub jump_ratio: Option<f64>,
    pub reading: Reading,
}

impl PairStability {
    /// The sentence that explains the reading with the pair's numbers.
    pub fn sentence(&self, lang: Lang) -> String {
        let number = |v: f64| format_decimal(v, 2, lang);
        let sd = self.sd.map_or_else(|| "–".to_string(), number);
        match self.reading {
            Reading::Agreement => crate::t!(
                lang,
                "mirror-reading-agreement",
                ratio = format_decimal(self.mean.exp(), 2, lang),
                sd = sd
            ),
            Reading::StableOffset => crate::t!(
                lang,
                "mirror-reading-stable-offset",
                ratio = format_decimal(self.mean.exp(), 2, lang),
                sd = sd
            ),
            Reading::Volatile => crate::t!(lang, "mirror-reading-volatile", sd = sd),
            Reading::MethodChange => crate::t!(
                lang,
                "mirror-reading-method-change",
                year = self.jump_year.map_or_else(String::new, |y| y.to_string()),
                factor = format_decimal(self.largest_jump.unwrap_or(0.0).exp(), 2, lang),
                times = format_decimal(self.jump_ratio.unwrap_or(0.0), 1, lang)
            ),
            Reading::TooFewYears => {
                crate::t!(lang, "mirror-reading-too-few-years", years = self.years)
            }
        }
    }
}

/// The partner-structure distance of every country, direction and year with at least two
/// partners reported on both sides (sex total, corrected flows), in country, direction and year
/// order.
pub(super) fn structure(cases: &Cases<'_>) -> Vec<PartnerStructure> {
    cases
        .iter()
        .filter(|(_, figures)| figures.len() >= 2)
        .filter_map(|(&(country, direction, year), figures)| {
            let flows: Vec<(f64, f64)> = figures.iter().map(|f| (f.own, f.theirs)).collect();
            Some(PartnerStructure {
                country: country.to_string(),
                direction,
                year,
                partners: flows.len(),
                distance: distance(&flows)?,
            })
        })
        .collect()
}

/// ½ Σ |own / Σ own − partner / Σ partner|; `None` when a side sums to 0.
pub fn distance(flows: &[(f64, f64)]) -> Option<f64> {
    let own: f64 = flows.iter().map(|f| f.0).sum();
    let theirs: f64 = flows.iter().map(|f| f.1).sum();
    if !(own > 0.0 && theirs > 0.0) {
        return None;
    }
    let d: f64 = flows
        .iter()
        .map(|(a, b)| (a / own - b / theirs).abs())
        .sum::<f64>()
        / 2.0;
    Some(d.min(1.0))
}

/// The stability of every pair (receiver, sender) with a year reported on both sides and not
/// small (sex total), in receiver and sender order.
pub fn stability(pairs: &[MirrorPair], settings: &MirrorSettings) -> Vec<PairStability> {
    let mut by_pair: BTreeMap<(&str, &str), Vec<(u16, f64)>> = BTreeMap::new();
    for p in pairs
        .iter()
        .filter(|p| p.sex == Sex::T && p.is_two_sided() && p.band != Band::Small)
    {
        if let Some(l) = p.corrected_log_ratio.filter(|l| l.is_finite()) {
            by_pair
                .entry((&p.receiver, &p.sender))
                .or_default()
                .push((p.year, l));
        }
    }
    by_pair
        .into_iter()
        .filter_map(|((receiver, sender), mut series)| {
            series.sort_by_key(|(year, _)| *year);
            let read = read_series(&series, settings)?;
            Some(PairStability {
                receiver: receiver.to_string(),
                sender: sender.to_string(),
                ..read
            })
        })
        .collect()
}

/// The stability of a series of (year, log ratio), in year order, without its pair's names;
/// `None` for an empty series.
pub fn read_series(series: &[(u16, f64)], settings: &MirrorSettings) -> Option<PairStability> {
    let n = series.len();
    if n == 0 {
        return None;
    }
    let mean = series.iter().map(|(_, l)| l).sum::<f64>() / n as f64;
    let sd = (n >= 2).then(|| {
        let squares: f64 = series.iter().map(|(_, l)| (l - mean).powi(2)).sum();
        (squares / (n - 1) as f64).sqrt()
    });
    // Changes between successive years reported, each with its later year.
    let changes: Vec<(u16, f64)> = series
        .windows(2)
        .map(|w| (w[1].0, w[1].1 - w[0].1))
        .collect();
    let largest = changes
        .iter()
        .enumerate()
        .fold(None::<(usize, f64)>, |best, (k, &(_, d))| match best {
            Some((_, size)) if size >= d.abs() => best,
            _ => Some((k, d.abs())),
        })
        .map(|(k, _)| k);
    let jump = largest.and_then(|k| changes.get(k)).copied();
    let jump_ratio = largest.filter(|_| changes.len() >= 2).and_then(|k| {
        let others: Vec<f64> = changes
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, &(_, d))| d)
            .collect();
        let typical = (others.iter().map(|d| d * d).sum::<f64>() / others.len() as f64).sqrt();
        Some(jump?.1.abs() / typical.max(settings.stability_stable_sd))
    });
    let reading = if n < settings.stability_min_years {
        Reading::TooFewYears
    } else if jump_ratio.is_some_and(|r| r > settings.stability_jump_ratio) {
        Reading::MethodChange
    } else if sd.is_some_and(|sd| sd < settings.stability_stable_sd) {
        if mean.abs() < settings.band_green {
            Reading::Agreement
        } else {
            Reading::StableOffset
        }
    } else {
        Reading::Volatile
    };
    Some(PairStability {
        receiver: String::new(),
        sender: String::new(),
        years: n,
        mean,
        sd,
        largest_jump: jump.map(|(_, d)| d),
        jump_year: jump.map(|(year, _)| year),
        jump_ratio,
        reading,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Vec<(u16, f64)> {
        values
            .iter()
            .enumerate()
            .map(|(k, &l)| (2010 + k as u16, l))
            .collect()
    }

    fn read(values: &[f64]) -> PairStability {
        read_series(&series(values), &MirrorSettings::default()).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn a_steady_distance_from_one_is_a_stable_offset() {
        let s = read(&[0.4, 0.5, 0.4, 0.5, 0.4]);
        assert_eq!(s.reading, Reading::StableOffset);
        assert_eq!(s.years, 5);
        assert!(close(s.mean, 0.44), "{}", s.mean);
        // Deviations −0.04, 0.06, −0.04, 0.06, −0.04: Σ² = 0.012, / 4 = 0.003.
        assert!(close(s.sd.unwrap(), 0.003f64.sqrt()), "{:?}", s.sd);
        // Every change is 0.1 in size; the first is taken, the others' typical size is 0.1.
        assert!(close(s.largest_jump.unwrap(), 0.1));
        assert_eq!(s.jump_year, Some(2011));
        assert!(close(s.jump_ratio.unwrap(), 1.0));
        assert!(
            s.sentence(Lang::En).contains("1.55"),
            "{}",
            s.sentence(Lang::En)
        );
        assert!(
            s.sentence(Lang::Ru).contains("1,55"),
            "{}",
            s.sentence(Lang::Ru)
        );
    }

    #[test]
    fn a_steady_agreement_is_agreement() {
        let s = read(&[0.02, -0.03, 0.01]);
        assert_eq!(s.reading, Reading::Agreement);
        assert!(close(s.mean, 0.0));
    }

    #[test]
    fn a_series_that_swings_is_volatile() {
        let s = read(&[0.0, 0.6, 0.1, 0.7, 0.0]);
        assert_eq!(s.reading, Reading::Volatile);
        assert!(close(s.mean, 0.28), "{}", s.mean);
        // Deviations −0.28, 0.32, −0.18, 0.42, −0.28: Σ² = 0.468, / 4 = 0.117.
        assert!(close(s.sd.unwrap(), 0.117f64.sqrt()), "{:?}", s.sd);
        assert!(close(s.largest_jump.unwrap(), -0.7));
        assert_eq!(s.jump_year, Some(2014));
        // The other changes 0.6, −0.5, 0.6: root mean square √(0.97 / 3).
        assert!(close(s.jump_ratio.unwrap(), 0.7 / (0.97f64 / 3.0).sqrt()));
    }

    #[test]
    fn one_break_is_a_change_of_method() {
        let s = read(&[0.1, 0.12, 0.1, 0.9, 0.92, 0.9]);
        assert_eq!(s.reading, Reading::MethodChange);
        assert!(close(s.mean, 3.04 / 6.0), "{}", s.mean);
        assert!(close(s.largest_jump.unwrap(), 0.8));
        assert_eq!(s.jump_year, Some(2013));
        // The other changes are 0.02 in size, below the floor of 0.1: 0.8 / 0.1.
        assert!(close(s.jump_ratio.unwrap(), 8.0));
        let en = s.sentence(Lang::En);
        assert!(en.contains("2013") && en.contains("2.23"), "{en}");
    }

    #[test]
    fn two_years_are_too_few() {
        let s = read(&[0.1, 0.9]);
        assert_eq!(s.reading, Reading::TooFewYears);
        assert_eq!(s.jump_ratio, None);
        let one = read(&[0.3]);
        assert_eq!(
            (one.sd, one.largest_jump, one.jump_year),
            (None, None, None)
        );
        assert_eq!(read_series(&[], &MirrorSettings::default()), None);
    }

    #[test]
    fn the_distance_runs_from_same_mix_to_no_shared_partner() {
        assert_eq!(distance(&[(600.0, 1200.0), (400.0, 800.0)]), Some(0.0));
        assert_eq!(distance(&[(1000.0, 0.0), (0.0, 1000.0)]), Some(1.0));
        let mixed = distance(&[(500.0, 400.0), (300.0, 400.0), (200.0, 200.0)]).unwrap();
        assert!(close(mixed, 0.1), "{mixed}");
        assert_eq!(distance(&[(0.0, 5.0), (0.0, 3.0)]), None);
    }
}
