//! Harmonisation: one correction factor per country and direction (`docs/domain.md#harmonisation`,
//! Poulain; de Beer et al. 2010), estimated by least squares on the log ratios:
//!
//! `min Σ (ln I_ij + a_j − ln E_ij − b_i)²` over the two-sided, not-small pair-years with both
//! sides above 0 (sex total, after the duration correction), with
//! the benchmark country's `a` and `b` fixed to 0. Reported immigration of `j` times `exp(a_j)`
//! and reported emigration of `i` times `exp(b_i)` then agree as closely as possible, on the
//! benchmark's scale. Factors of countries not linked to the benchmark through pairs cannot be
//! identified and are `null`.
//!
//! The normal equations are solved by block coordinate descent (each `a_j` is the mean of
//! `b_i − L_ij` over its pairs, each `b_i` the mean of `L_ij + a_j`), which converges to the
//! least-squares solution because the objective is a convex quadratic.

use super::countries::ReferenceGroupReport;
use super::settings::MirrorSettings;
use super::{Band, MirrorPair};
use crate::model::Sex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One country's factors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HarmonisationFactor {
    pub country: String,
    /// Multiply the country's reported immigration by this (`exp(a)`).
    pub immigration_factor: Option<f64>,
    /// Multiply the country's reported emigration by this (`exp(b)`).
    pub emigration_factor: Option<f64>,
    /// Pair-years in which the country is the receiver / the sender.
    pub immigration_pairs: usize,
    pub emigration_pairs: usize,
}

/// The fitted factors and how well they fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Harmonisation {
    pub benchmark: String,
    /// Pair-years used in the fit.
    pub pairs: usize,
    /// Factors estimated (the benchmark's and unidentified ones not counted).
    pub parameters: usize,
    /// √(Σ residual² / (pairs − parameters)) on the log scale; `null` without spare pairs.
    pub residual_sd: Option<f64>,
    pub factors: Vec<HarmonisationFactor>,
    pub note: Option<String>,
}

/// Largest change of a factor (log scale) at which the iteration stops.
const TOLERANCE: f64 = 1e-12;
/// Stops a fit that converges too slowly (a weakly linked matrix).
const MAX_SWEEPS: usize = 100_000;

/// The pairs of the fit: (sender, receiver, corrected log ratio) of the two-sided, not-small
/// pair-years of the sex total with both sides above 0.
fn fitted_pairs(pairs: &[MirrorPair]) -> Vec<(&str, &str, f64)> {
    pairs
        .iter()
        .filter(|p| p.sex == Sex::T && p.is_two_sided() && p.band != Band::Small)
        .filter_map(|p| {
            let (i, e) = (p.corrected_immigration?, p.corrected_emigration?);
            // The logarithm needs both sides above 0; a zero side is M1's business.
            (i > 0.0 && e > 0.0).then(|| (p.sender.as_str(), p.receiver.as_str(), (i / e).ln()))
        })
        .collect()
}

/// The countries of the pairs, numbered in code order.
fn number_countries<'a>(used: &[(&'a str, &'a str, f64)]) -> BTreeMap<&'a str, usize> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (sender, receiver, _) in used {
        index.insert(sender, 0);
        index.insert(receiver, 0);
    }
    for (position, slot) in index.values_mut().enumerate() {
        *slot = position;
    }
    index
}

/// The countries linked by the pairs of the fit, and which of their factors the pairs link to
/// the benchmark.
struct Network {
    /// How many countries.
    n: usize,
    /// The benchmark's number.
    bench: usize,
    /// Identified unknowns: linked to the benchmark. Node j = a_j (immigration), n + i = b_i.
    linked: Vec<bool>,
    /// Per receiver: (sender, log ratio) of its pairs.
    by_receiver: Vec<Vec<(usize, f64)>>,
    /// Per sender: (receiver, log ratio) of its pairs.
    by_sender: Vec<Vec<(usize, f64)>>,
}

impl Network {
    fn new(n: usize, bench: usize, links: &[(usize, usize, f64)]) -> Network {
        let mut linked = vec![false; 2 * n];
        linked[bench] = true;
        linked[n + bench] = true;
        let mut changed = true;
        while changed {
            changed = false;
            for &(sender, receiver, _) in links {
                let (a, b) = (receiver, n + sender);
                if linked[a] != linked[b] {
                    linked[a] = true;
                    linked[b] = true;
                    changed = true;
                }
            }
        }
        let mut by_receiver: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        let mut by_sender: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for &(sender, receiver, l) in links {
            by_receiver[receiver].push((sender, l));
            by_sender[sender].push((receiver, l));
        }
        Network {
            n,
            bench,
            linked,
            by_receiver,
            by_sender,
        }
    }

    /// The factors `a` and `b` (log scale) by block coordinate descent, and whether it
    /// converged within [`MAX_SWEEPS`].
    fn solve(&self) -> (Vec<f64>, Vec<f64>, bool) {
        let Network {
            n,
            bench,
            ref linked,
            ref by_receiver,
            ref by_sender,
        } = *self;
        let mut a = vec![0.0f64; n];
        let mut b = vec![0.0f64; n];
        let mut converged = false;
        for _ in 0..MAX_SWEEPS {
            let mut largest = 0.0f64;
            for j in 0..n {
                if j == bench || !linked[j] || by_receiver[j].is_empty() {
                    continue;
                }
                let sum: f64 = by_receiver[j].iter().map(|&(i, l)| b[i] - l).sum();
                let next = sum / by_receiver[j].len() as f64;
                largest = largest.max((next - a[j]).abs());
                a[j] = next;
            }
            for i in 0..n {
                if i == bench || !linked[n + i] || by_sender[i].is_empty() {
                    continue;
                }
                let sum: f64 = by_sender[i].iter().map(|&(j, l)| l + a[j]).sum();
                let next = sum / by_sender[i].len() as f64;
                largest = largest.max((next - b[i]).abs());
                b[i] = next;
            }
            if largest < TOLERANCE {
                converged = true;
                break;
            }
        }
        (a, b, converged)
    }

    /// Factors estimated: the benchmark's and unidentified ones not counted.
    fn parameters(&self) -> usize {
        let n = self.n;
        (0..n)
            .filter(|&k| k != self.bench)
            .map(|k| {
                usize::from(self.linked[k] && !self.by_receiver[k].is_empty())
                    + usize::from(self.linked[n + k] && !self.by_sender[k].is_empty())
            })
            .sum::<usize>()
    }

    /// Each country's factors, `None` where not identified.
    fn factors(&self, codes: &[&str], a: &[f64], b: &[f64]) -> Vec<HarmonisationFactor> {
        let Network {
            n,
            bench,
            ref linked,
            ref by_receiver,
            ref by_sender,
        } = *self;
        codes
            .iter()
            .enumerate()
            .map(|(k, code)| HarmonisationFactor {
                country: code.to_string(),
                immigration_factor: (linked[k] && (k == bench || !by_receiver[k].is_empty()))
                    .then(|| a[k].exp()),
                emigration_factor: (linked[n + k] && (k == bench || !by_sender[k].is_empty()))
                    .then(|| b[k].exp()),
                immigration_pairs: by_receiver[k].len(),
                emigration_pairs: by_sender[k].len(),
            })
            .collect()
    }
}

/// Fits the factors; `None` when there is no two-sided pair to fit.
pub fn harmonise(
    pairs: &[MirrorPair],
    reference: &ReferenceGroupReport,
    settings: &MirrorSettings,
) -> Option<Harmonisation> {
    let used = fitted_pairs(pairs);
    if used.is_empty() {
        return None;
    }
    let index = number_countries(&used);
    let codes: Vec<&str> = index.keys().copied().collect();
    let n = codes.len();
    let benchmark = [settings.benchmark.as_str()]
        .into_iter()
        .chain(reference.countries.iter().map(String::as_str))
        .chain(reference.ranking.iter().map(|c| c.country.as_str()))
        .find(|c| index.contains_key(c))
        .or_else(|| codes.first().copied())?;
    let note = (benchmark != settings.benchmark).then(|| {
        format!(
            "the benchmark {} has no two-sided pairs; {benchmark} is used instead",
            settings.benchmark
        )
    });
    let bench = index.get(benchmark).copied()?;
    let links: Vec<(usize, usize, f64)> = used
        .iter()
        .filter_map(|(s, r, l)| Some((*index.get(s)?, *index.get(r)?, *l)))
        .collect();
    let network = Network::new(n, bench, &links);
    let (a, b, converged) = network.solve();
    let fitted: Vec<&(usize, usize, f64)> = links
        .iter()
        .filter(|(s, r, _)| network.linked[*r] && network.linked[n + s])
        .collect();
    let parameters = network.parameters();
    let squares: f64 = fitted
        .iter()
        .map(|&&(s, r, l)| (l + a[r] - b[s]).powi(2))
        .sum();
    let residual_sd =
        (fitted.len() > parameters).then(|| (squares / (fitted.len() - parameters) as f64).sqrt());
    let factors = network.factors(&codes, &a, &b);
    let note = match (note, converged) {
        (note, true) => note,
        (Some(note), false) => Some(format!("{note}; the fit did not converge")),
        (None, false) => Some("the fit did not converge".into()),
    };
    Some(Harmonisation {
        benchmark: benchmark.to_string(),
        pairs: fitted.len(),
        parameters,
        residual_sd,
        factors,
        note,
    })
}
