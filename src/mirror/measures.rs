//! Cell-level discrepancy measures of a pair-year (`docs/domain.md#measures`).

use super::settings::MirrorSettings;
use super::{Band, MirrorPair};
use crate::model::Sex;

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

/// Half-width of the Poisson interval of a log ratio of the counts I and E: a Poisson count n has
/// variance n, so ln(n + 0.5) has variance ≈ 1 / (n + 0.5) (delta method; the `√n` rule of
/// `docs/domain.md#measures`), and the two sides are independent: z · √(1/(I + 0.5) + 1/(E + 0.5)).
pub fn log_ratio_half_width(immigration: f64, emigration: f64, z: f64) -> f64 {
    z * (1.0 / (immigration.max(0.0) + 0.5) + 1.0 / (emigration.max(0.0) + 0.5)).sqrt()
}

/// The Poisson interval of a log ratio `centre` computed from the counts I and E.
pub fn log_ratio_interval(centre: f64, immigration: f64, emigration: f64, z: f64) -> [f64; 2] {
    let half = log_ratio_half_width(immigration, emigration, z);
    [centre - half, centre + half]
}

/// The band of a two-sided pair: `small` when I + E is below the small-count threshold, else by
/// |log ratio| against the band bounds.
pub fn band(settings: &MirrorSettings, immigration: f64, emigration: f64, log_ratio: f64) -> Band {
    if immigration + emigration < settings.small_count {
        return Band::Small;
    }
    band_of_log_ratio(settings, log_ratio)
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
    receiver: String,
    sender: String,
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
    let interval = both
        .zip(corrected_log_ratio)
        .map(|((i, e), l)| log_ratio_interval(l, i, e, settings.interval_z));
    let band = match (both, corrected_log_ratio) {
        (Some((i, e)), Some(l)) => band(settings, i, e, l),
        _ => Band::OneSided,
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
        log_ratio_low: interval.map(|[lo, _]| lo),
        log_ratio_high: interval.map(|[_, hi]| hi),
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
        // Half-width 1.96 · √(1/41200.5 + 1/30100.5) = 0.01486.
        let low = p.log_ratio_low.unwrap_or(f64::NAN);
        let high = p.log_ratio_high.unwrap_or(f64::NAN);
        assert!(((high - low) / 2.0 - 0.01486).abs() < 1e-5, "{low} {high}");
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
