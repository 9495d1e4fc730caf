//! Every threshold the checks use, with the source of its default.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// Absolute tolerance of a sum (persons). 0 for unrounded register data (checks.md).
    pub abs_tol: f64,
    /// Relative tolerance of a sum, as a share of the total. 0 by default (checks.md); the
    /// Eurostat VTL example uses 0.01 (domain.md §4.1).
    pub rel_tol: f64,
    /// Rounding base of the data (e.g. 5 or 10), when published rounded: a sum of k parts then
    /// tolerates k · base / 2 (domain.md §4.2). 0 = not rounded.
    pub rounding_base: f64,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            abs_tol: 0.0,
            rel_tol: 0.0,
            rounding_base: 0.0,
        }
    }
}
