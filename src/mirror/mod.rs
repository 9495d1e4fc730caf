//! Mirror statistics: immigration reported by the receiving country (its Table 3) against
//! emigration reported by the sending country (its Table 4).

use crate::model::Sex;
use serde::{Deserialize, Serialize};

/// Agreement band of a pair-year (domain.md §3.2).
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

/// One receiver–sender–year–sex with at least one side reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MirrorPair {
    pub receiver: String,
    pub sender: String,
    pub year: u16,
    pub sex: Sex,
    /// Table 3 of the receiver, category = sender.
    pub immigration: Option<f64>,
    /// Table 4 of the sender, category = receiver.
    pub emigration: Option<f64>,
    pub ratio: Option<f64>,
    pub log_ratio: Option<f64>,
    pub rel_diff: Option<f64>,
    pub band: Band,
    pub corrected_ratio: Option<f64>,
}

/// Mirror coverage of ordered pair-years (report.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MirrorCoverage {
    pub countries: usize,
    pub years: Option<[u16; 2]>,
    pub cells: usize,
    pub both: usize,
    pub immigration_only: usize,
    pub emigration_only: usize,
    pub neither: usize,
}

/// The `mirror` part of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct MirrorReport {
    pub pairs: Vec<MirrorPair>,
    pub coverage: Option<MirrorCoverage>,
}
