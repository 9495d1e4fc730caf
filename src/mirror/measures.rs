//! Cell-level discrepancy measures of a pair-year (`docs/domain.md#measures`).

use super::interval;
use super::settings::MirrorSettings;
use super::{Band, MirrorPair};
use crate::model::Sex;
use smol_str::SmolStr;

/// ln((I + 0.5) / (E + 0.5)): symmetric, finite when a side is 0 (`docs/domain.md#measures`, small
/// counts).
pub fn log_ratio(immigration: f64, emigration: f64) -> f64 {
    ((immigration + 0.5) / (emigration + 0.5)).ln()
}

/// I / E, `None` when E is 0.
pub fn ratio(immigration: f64, emigration: f64) -> Option<f64> {
    (emigration != 0.0).then(|| immigration / emigration)
}

/// (I − E) / ((I + E) / 2), in [−2, 2]; `None` when both are 0.
pub fn rel_diff(immigration: f64, emigration: f64) -> Option<f64> {
    let mean = (immigration + emigration) / 2.0;
    (mean != 0.0).then(|| (immigration - emigration) / mean)
}

/// The band of a two-sided pair: `small` when I + E is below the small-count threshold, else by
/// the least |log ratio| its interval allows (`docs/domain.md#pair-interval`): a pair is coloured
/// beyond a band only when its whole interval lies beyond it.
pub fn band(
    settings: &MirrorSettings,
    immigration: f64,
    emigration: f64,
    interval: Option<[f64; 2]>,
) -> Band {
    if immigration + emigration < settings.small_count {
        return Band::Small;
    }
    band_of_log_ratio(settings, interval.map_or(0.0, interval::least_discrepancy))
}

/// The colour band of |log ratio|, without the small-count rule.
pub fn band_of_log_ratio(settings: &MirrorSettings, log_ratio: f64) -> Band {
    let l = log_ratio.abs();
    if l < settings.band_green {
        Band::Green
    } else if l < settings.band_light {
        Band::Light
    } else if l < settings.band_amber {
        Band::Amber
    } else {
        Band::Red
    }
}

/// The two sides of a pair-year with their duration-of-stay correction factors.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Sides {
    pub immigration: Option<f64>,
    pub emigration: Option<f64>,
    /// Factor of the receiver's immigration criterion.
    pub immigration_factor: f64,
    /// Factor of the sender's emigration criterion.
    pub emigration_factor: f64,
}

/// Every measure of a pair-year.
pub fn measure(
    receiver: SmolStr,
    sender: SmolStr,
    year: u16,
    sex: Sex,
    sides: Sides,
    settings: &MirrorSettings,
) -> MirrorPair {
    let i = sides.immigration;
    let e = sides.emigration;
    let ci = i.map(|v| v * sides.immigration_factor);
    let ce = e.map(|v| v * sides.emigration_factor);
    let both = i.zip(e);
    let corrected_both = ci.zip(ce);
    let corrected_log_ratio = corrected_both.map(|(ci, ce)| log_ratio(ci, ce));
    let interval = corrected_both
        .and_then(|(ci, ce)| interval::ratio_interval(ci, ce, settings.interval_level));
    let band = match both {
        Some((i, e)) => band(settings, i, e, interval),
        None => Band::OneSided,
    };
    MirrorPair {
        receiver,
        sender,
        year,
        sex,
        immigration: i,
        emigration: e,
        ratio: both.and_then(|(i, e)| ratio(i, e)),
        log_ratio: both.map(|(i, e)| log_ratio(i, e)),
        rel_diff: both.and_then(|(i, e)| rel_diff(i, e)),
        band,
        corrected_ratio: corrected_both.and_then(|(i, e)| ratio(i, e)),
        difference: both.map(|(i, e)| i - e),
        corrected_immigration: ci,
        corrected_emigration: ce,
        corrected_log_ratio,
        ratio_low: interval.map(|[low, _]| low),
        ratio_high: interval.and_then(|[_, high]| high.is_finite().then_some(high)),
        residual: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(i: Option<f64>, e: Option<f64>, fi: f64, fe: f64) -> MirrorPair {
        measure(
            "RUS".into(),
            "KAZ".into(),
            2010,
            Sex::T,
            Sides {
                immigration: i,
                emigration: e,
                immigration_factor: fi,
                emigration_factor: fe,
            },
            &MirrorSettings::default(),
        )
    }

    #[test]
    fn report_example_pair() {
        // RUS reports 41,200 immigrants from KAZ, KAZ reports 30,100 emigrants.
        let p = pair(Some(41200.0), Some(30100.0), 1.0, 1.0);
        assert_eq!(p.ratio.map(|r| (r * 1000.0).round() / 1000.0), Some(1.369));
        assert_eq!(
            p.log_ratio.map(|r| (r * 1000.0).round() / 1000.0),
            Some(0.314)
        );
        assert_eq!(
            p.rel_diff.map(|r| (r * 1000.0).round() / 1000.0),
            Some(0.311)
        );
        assert_eq!(p.difference, Some(11100.0));
        assert_eq!(p.band, Band::Amber);
        assert_eq!(p.corrected_ratio, p.ratio);
        // p = 41,200 / 71,300; the exact 95 % interval of p is 0.5742047 to 0.5814692 (where
        // the binomial tails P(X ≥ 41,200) and P(X ≤ 41,200) are 2.5 %), ρ = p / (1 − p).
        let low = p.ratio_low.unwrap_or(f64::NAN);
        let high = p.ratio_high.unwrap_or(f64::NAN);
        assert!((low - 1.348_546_2).abs() < 1e-6, "{low}");
        assert!((high - 1.389_310_5).abs() < 1e-6, "{high}");
    }

    #[test]
    fn zero_emigration_gives_no_ratio_but_a_finite_log_ratio() {
        let p = pair(Some(22.0), Some(0.0), 1.0, 1.0);
        assert_eq!(p.ratio, None);
        let l = p.log_ratio.unwrap_or(f64::NAN);
        assert!((l - (22.5f64 / 0.5).ln()).abs() < 1e-12);
        assert_eq!(p.rel_diff, Some(2.0));
        assert_eq!(p.band, Band::Red);
    }

    #[test]
    fn small_and_one_sided_pairs() {
        assert_eq!(pair(Some(12.0), Some(3.0), 1.0, 1.0).band, Band::Small);
        let one = pair(Some(500.0), None, 1.0, 1.0);
        assert_eq!(one.band, Band::OneSided);
        assert_eq!(one.ratio, None);
        assert_eq!(one.log_ratio, None);
        assert_eq!(one.rel_diff, None);
        assert_eq!(one.corrected_immigration, Some(500.0));
        let zeros = pair(Some(0.0), Some(0.0), 1.0, 1.0);
        assert_eq!(zeros.rel_diff, None);
        assert_eq!(zeros.log_ratio, Some(0.0));
        assert_eq!(zeros.band, Band::Small);
    }

    #[test]
    fn the_band_follows_the_corrected_log_ratio() {
        // A 3-month receiver (IMEM 0.63): 1,000 reported against 630 → agreement after correction.
        let p = pair(Some(1000.0), Some(630.0), 0.63, 1.0);
        assert_eq!(p.band, Band::Green);
        assert_eq!(p.corrected_immigration, Some(630.0));
        assert_eq!(p.corrected_ratio, Some(1.0));
        assert!(p.log_ratio.unwrap_or(0.0) > 0.45);
    }

    #[test]
    fn band_bounds() {
        let s = MirrorSettings::default();
        assert_eq!(band_of_log_ratio(&s, 0.099), Band::Green);
        assert_eq!(band_of_log_ratio(&s, -0.1), Band::Light);
        assert_eq!(band_of_log_ratio(&s, 0.259), Band::Light);
        assert_eq!(band_of_log_ratio(&s, 0.26), Band::Amber);
        assert_eq!(band_of_log_ratio(&s, -0.69), Band::Red);
    }
}
