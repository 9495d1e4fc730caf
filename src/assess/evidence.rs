//! What the suggestions are computed from: the loaded data, the checks that ran and their
//! findings, and the country-level mirror ratios.

use crate::checks::{CheckCode, CheckSummary, Finding};
use crate::mirror::{FlowDirection, MirrorReport};
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// The direction of a country's flows.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Emigration,
    Immigration,
}

/// A country's flows over all partners that report the other side, against what those partners
/// report (`docs/domain.md#country-view`): for emigration, the country's Table 4 against the
/// partners' Table 3.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryRatio {
    pub country: String,
    pub direction: Direction,
    pub year: u16,
    /// Reported by the country itself.
    pub reported: f64,
    /// Reported by its partners for the same flows.
    pub partner_reported: f64,
    /// `reported / partner_reported`.
    pub ratio: f64,
}

impl CountryRatio {
    pub fn new(
        country: &str,
        direction: Direction,
        year: u16,
        reported: f64,
        partner_reported: f64,
    ) -> CountryRatio {
        CountryRatio {
            country: country.to_string(),
            direction,
            year,
            reported,
            partner_reported,
            ratio: if partner_reported != 0.0 {
                reported / partner_reported
            } else {
                f64::NAN
            },
        }
    }
}

/// Everything the suggestions look at.
#[derive(Clone, Copy, Debug)]
pub struct Evidence<'a> {
    pub dataset: &'a Dataset,
    /// The checks that ran. A criterion built on findings is suggested only when its checks ran,
    /// so that "no finding" means "checked and fine", not "not checked".
    pub checks_run: &'a [CheckCode],
    pub findings: &'a [Finding],
    pub country_ratios: &'a [CountryRatio],
}

impl<'a> Evidence<'a> {
    /// Whether any of the checks ran.
    pub fn ran_any(&self, codes: &[CheckCode]) -> bool {
        codes.iter().any(|code| self.checks_run.contains(code))
    }
}

/// The codes of the checks that ran, from their summaries, for [`Evidence::checks_run`].
pub fn checks_run(checks: &[CheckSummary]) -> Vec<CheckCode> {
    checks.iter().map(|summary| summary.check).collect()
}

/// A country's flows against its partners' reports, from the mirror statistics of a report: one
/// [`CountryRatio`] per country, direction and year (sex total), over all partners that report
/// both sides (the basis of check M2). Both sides are taken after the duration-of-stay
/// correction, as M2 takes them, so a ratio speaks of capture, not of differing definitions.
pub fn country_ratios(mirror: &MirrorReport) -> Vec<CountryRatio> {
    mirror
        .countries
        .iter()
        .filter(|flows| flows.all.partners > 0)
        .map(|flows| {
            let direction = match flows.direction {
                FlowDirection::Emigration => Direction::Emigration,
                FlowDirection::Immigration => Direction::Immigration,
            };
            CountryRatio::new(
                &flows.country,
                direction,
                flows.year,
                flows.all.reported,
                flows.all.partners_report,
            )
        })
        .collect()
}

/// What a run holds for the suggestions besides the data and the findings: the checks that ran
/// and the country ratios, owned, so that an [`Evidence`] can borrow them. A report makes it
/// with `ReportEvidence::from_report`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportEvidence {
    pub checks_run: Vec<CheckCode>,
    pub country_ratios: Vec<CountryRatio>,
}

impl ReportEvidence {
    /// From the summaries of the checks that ran and the mirror statistics they read.
    pub fn new(checks: &[CheckSummary], mirror: &MirrorReport) -> ReportEvidence {
        ReportEvidence {
            checks_run: checks_run(checks),
            country_ratios: country_ratios(mirror),
        }
    }

    /// The evidence of the report's data set and findings.
    pub fn evidence<'a>(&'a self, dataset: &'a Dataset, findings: &'a [Finding]) -> Evidence<'a> {
        Evidence {
            dataset,
            checks_run: &self.checks_run,
            findings,
            country_ratios: &self.country_ratios,
        }
    }
}
