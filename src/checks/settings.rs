//! Every threshold the checks use, with the source of its default.
//!
//! Read from the `[checks]` section of a settings file (`--settings`, TOML or JSON) and recorded
//! in the report. A field that is not given keeps its default; an unknown field is an error, so a
//! misspelt threshold is not silently ignored.

use serde::{Deserialize, Serialize};

/// A threshold of the checks that cannot be one: the field as the settings file names it
/// (`checks.rel_tol`), what it should be and what it is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CheckSettingsError {
    #[error("checks.{field}: expected a number ≥ 0, found {found}")]
    Negative { field: &'static str, found: f64 },
    #[error("checks.{field}: expected a share from 0 to 1 (0.2 is 20 %), found {found}")]
    NotAShare { field: &'static str, found: f64 },
    #[error("checks.{field}: expected a number greater than 0, found {found}")]
    NotPositive { field: &'static str, found: f64 },
    #[error("checks.{field}: expected a number, found {found}")]
    NotANumber { field: &'static str, found: f64 },
    #[error("checks.{field}: expected at least {other} ({floor}), found {found}")]
    BelowOther {
        field: &'static str,
        other: &'static str,
        floor: f64,
        found: f64,
    },
    #[error("checks.{field}: expected a number between 0 and 1, found {found}")]
    AboveOne { field: &'static str, found: f64 },
    #[error("checks.{field}: expected at least {least}, found {found}")]
    TooFew {
        field: &'static str,
        least: usize,
        found: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckSettings {
    /// Absolute tolerance of a sum (persons). 0 for unrounded register data (`docs/checks.md`).
    pub abs_tol: f64,
    /// Relative tolerance of a sum, as a share of the total. 0 by default (`docs/checks.md`); the
    /// Eurostat VTL example uses 0.01 (`docs/domain.md#sums-and-rounding`).
    pub rel_tol: f64,
    /// Rounding base of the data (e.g. 5 or 10), when published rounded: a sum of k parts then
    /// tolerates k · base / 2 (`docs/domain.md#sums-and-rounding`). 0 = not rounded.
    pub rounding_base: f64,
    /// U1: share of the unknown partner, status, sex or age above which a breakdown is a
    /// warning: 5 % (U1 in `docs/checks.md`; the 2–5 % / 5–20 % classes of
    /// `docs/domain.md#source-assessment-rubric`).
    pub u1_warning_share: f64,
    /// U1: share of unknown above which it is an error: 20 % (U1 in `docs/checks.md`; the
    /// rubric's lowest class of `docs/domain.md#source-assessment-rubric`).
    pub u1_error_share: f64,
    /// U2: share of the residual `OTHER` partners above which country detail counts as lost:
    /// 10 % (U2 in `docs/checks.md`).
    pub u2_other_share: f64,
    /// D1: demographic-balance residual tolerated, as a share of the population on 1 January:
    /// 0.5 % (`docs/domain.md#balances`).
    pub d1_residual_share: f64,
    /// D2: foreign-citizen stock-balance residual tolerated, as a share of the non-citizen stock:
    /// 5 % (D2; births and deaths of foreigners are not in the tables, `docs/domain.md#balances`).
    pub d2_residual_share: f64,
    /// D3: lowest plausible naturalisation rate (acquisitions / non-citizens): 0 %
    /// (`docs/domain.md#balances`).
    pub d3_min_rate: f64,
    /// D3: highest plausible naturalisation rate: 20 % (`docs/domain.md#balances`: the
    /// highest rate observed in the EU is 16.4 %).
    pub d3_max_rate: f64,
    /// T1: robust z of a year-on-year log ratio above which the change is a jump: 3.5
    /// (`docs/domain.md#time-series`, the usual cut-off for MAD-based z-scores).
    pub t1_max_z: f64,
    /// T1: floor of the robust scale (1.4826 · MAD) of log ratios: 0.1, i.e. changes of about 10 %
    /// are ordinary, so a very smooth series does not flag small wiggles.
    /// `docs/domain.md#time-series` gives the robust z but no floor; 0.1 is this tool's choice.
    pub t1_min_scale: f64,
    /// T1: both values of a year-on-year ratio must be at least this count: 50 (small counts
    /// swing by Poisson noise alone, `docs/domain.md#measures`).
    pub t1_min_count: f64,
    /// T1: a series needs at least this many year-on-year ratios for a robust median and MAD:
    /// 4. `docs/domain.md#time-series` gives no minimum; this is this tool's choice (with
    /// fewer, the median and MAD rest on two or three changes).
    pub t1_min_ratios: usize,
    /// T1 (Hidiroglou–Berthelot): the exponent U giving weight to size: 0.5 (Hidiroglou &
    /// Berthelot 1986; typical value in `docs/domain.md#time-series`).
    pub hb_u: f64,
    /// T1 (Hidiroglou–Berthelot): the parameter A protecting against a tiny spread: 0.05
    /// (`docs/domain.md#time-series`).
    pub hb_a: f64,
    /// T1 (Hidiroglou–Berthelot): the width C of the acceptance interval: 7
    /// (`docs/domain.md#time-series` gives 4–7; the wide end keeps false alarms rare).
    pub hb_c: f64,
    /// T1 (Hidiroglou–Berthelot): partners needed in one reporter-year for quartiles that mean
    /// something: 5. `docs/domain.md#time-series` applies HB across the partners of one reporter
    /// without a minimum; this is this tool's choice.
    pub hb_min_partners: usize,
    /// T1 (Hidiroglou–Berthelot): both years of a partner must be at least this count: 50, the same
    /// floor as `t1_min_count` (small counts swing by Poisson noise alone,
    /// `docs/domain.md#measures`).
    pub hb_min_size: f64,
    /// T1 (Hidiroglou–Berthelot): a partner is an outlier only when its change also differs from
    /// the partners' median change by at least this log ratio: ln 1.5 ≈ 0.405. The effects' median
    /// is near 0 by construction, so HB's own guard (A · |E_M|) vanishes when partners move
    /// together, and changes of a few per cent would otherwise be flagged.
    pub hb_min_log_change: f64,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            abs_tol: 0.0,
            rel_tol: 0.0,
            rounding_base: 0.0,
            u1_warning_share: 0.05,
            u1_error_share: 0.20,
            u2_other_share: 0.10,
            d1_residual_share: 0.005,
            d2_residual_share: 0.05,
            d3_min_rate: 0.0,
            d3_max_rate: 0.20,
            t1_max_z: 3.5,
            t1_min_scale: 0.1,
            t1_min_count: 50.0,
            t1_min_ratios: 4,
            hb_u: 0.5,
            hb_a: 0.05,
            hb_c: 7.0,
            hb_min_partners: 5,
            hb_min_size: 50.0,
            hb_min_log_change: 1.5f64.ln(),
        }
    }
}

impl CheckSettings {
    /// The tolerance of a sum of `parts` values against `total`:
    /// max(abs_tol + k · rounding_base / 2, rel_tol · |total|) (`docs/checks.md`, "Sums";
    /// `docs/domain.md#sums-and-rounding`).
    pub fn sum_tolerance(&self, total: f64, parts: usize) -> f64 {
        (self.abs_tol + parts as f64 * self.rounding_base / 2.0).max(self.rel_tol * total.abs())
    }

    /// Says what is wrong with a value that cannot be a threshold.
    pub fn validate(&self) -> Result<(), CheckSettingsError> {
        let non_negative = [
            ("abs_tol", self.abs_tol),
            ("rel_tol", self.rel_tol),
            ("rounding_base", self.rounding_base),
            ("u1_warning_share", self.u1_warning_share),
            ("u1_error_share", self.u1_error_share),
            ("u2_other_share", self.u2_other_share),
            ("d1_residual_share", self.d1_residual_share),
            ("d2_residual_share", self.d2_residual_share),
            ("d3_max_rate", self.d3_max_rate),
            ("t1_max_z", self.t1_max_z),
            ("t1_min_scale", self.t1_min_scale),
            ("t1_min_count", self.t1_min_count),
            ("hb_u", self.hb_u),
            ("hb_a", self.hb_a),
            ("hb_c", self.hb_c),
            ("hb_min_size", self.hb_min_size),
            ("hb_min_log_change", self.hb_min_log_change),
        ];
        for (name, value) in non_negative {
            if !value.is_finite() || value < 0.0 {
                return Err(CheckSettingsError::Negative {
                    field: name,
                    found: value,
                });
            }
        }
        // Shares and rates are fractions of a whole (0.2 is 20 %).
        let fractions = [
            ("rel_tol", self.rel_tol),
            ("u1_warning_share", self.u1_warning_share),
            ("u1_error_share", self.u1_error_share),
            ("u2_other_share", self.u2_other_share),
            ("d1_residual_share", self.d1_residual_share),
            ("d2_residual_share", self.d2_residual_share),
            ("d3_min_rate", self.d3_min_rate),
            ("d3_max_rate", self.d3_max_rate),
        ];
        for (name, value) in fractions {
            if !(0.0..=1.0).contains(&value) {
                return Err(CheckSettingsError::NotAShare {
                    field: name,
                    found: value,
                });
            }
        }
        // A cut-off of zero flags every change, every ratio.
        for (name, value) in [("t1_max_z", self.t1_max_z), ("hb_c", self.hb_c)] {
            if value <= 0.0 {
                return Err(CheckSettingsError::NotPositive {
                    field: name,
                    found: value,
                });
            }
        }
        if !self.d3_min_rate.is_finite() {
            return Err(CheckSettingsError::NotANumber {
                field: "d3_min_rate",
                found: self.d3_min_rate,
            });
        }
        if self.u1_error_share < self.u1_warning_share {
            return Err(CheckSettingsError::BelowOther {
                field: "u1_error_share",
                other: "u1_warning_share",
                floor: self.u1_warning_share,
                found: self.u1_error_share,
            });
        }
        if self.d3_max_rate < self.d3_min_rate {
            return Err(CheckSettingsError::BelowOther {
                field: "d3_max_rate",
                other: "d3_min_rate",
                floor: self.d3_min_rate,
                found: self.d3_max_rate,
            });
        }
        if self.hb_u > 1.0 {
            return Err(CheckSettingsError::AboveOne {
                field: "hb_u",
                found: self.hb_u,
            });
        }
        if self.t1_min_ratios < 2 {
            return Err(CheckSettingsError::TooFew {
                field: "t1_min_ratios",
                least: 2,
                found: self.t1_min_ratios,
            });
        }
        if self.hb_min_partners < 3 {
            return Err(CheckSettingsError::TooFew {
                field: "hb_min_partners",
                least: 3,
                found: self.hb_min_partners,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_tolerates_half_a_base_per_part() {
        let rounded = CheckSettings {
            rounding_base: 10.0,
            ..CheckSettings::default()
        };
        assert_eq!(rounded.sum_tolerance(4190.0, 2), 10.0);
        let relative = CheckSettings {
            rel_tol: 0.01,
            ..rounded
        };
        assert_eq!(relative.sum_tolerance(4190.0, 2), 41.9);
        assert_eq!(CheckSettings::default().sum_tolerance(4190.0, 2), 0.0);
    }

    #[test]
    fn impossible_thresholds_are_refused() {
        assert_eq!(CheckSettings::default().validate(), Ok(()));
        let bad = CheckSettings {
            u1_error_share: 0.01,
            ..CheckSettings::default()
        };
        let message = bad
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("u1_error_share"), "{message}");
        let negative = CheckSettings {
            rel_tol: -0.1,
            ..CheckSettings::default()
        };
        let message = negative
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.contains("rel_tol") && message.contains("-0.1"),
            "{message}"
        );
    }
}
