//! Harmonisation: one correction factor per country and direction (`docs/domain.md#harmonisation`,
//! Poulain; de Beer et al. 2010), by one of two methods ([`HarmoniseMethod`]).
//!
//! **Poisson maximum likelihood** (the default, [`super::poisson`]): each side of a pair-year is
//! a Poisson count around its country's completeness times the pair's true flow; the factor of
//! a country is 1 / its completeness. Large flows weigh more. Pair-years: two-sided, not small,
//! sex total, after the duration correction, with `I + E > 0` (a side of 0 is a count like any
//! other).
//!
//! **Least squares on the log ratios**:
//! `min Σ (ln I_ij + a_j − ln E_ij − b_i)²` over the two-sided, not-small pair-years with both
//! sides above 0 (sex total, after the duration correction), with
//! the benchmark country's `a` and `b` fixed to 0. Reported immigration of `j` times `exp(a_j)`
//! and reported emigration of `i` times `exp(b_i)` then agree as closely as possible, on the
//! benchmark's scale. The normal equations are solved by block coordinate descent (each `a_j` is
//! the mean of `b_i − L_ij` over its pairs, each `b_i` the mean of `L_ij + a_j`), which converges
//! to the least-squares solution because the objective is a convex quadratic. The standard
//! errors are those of ordinary least squares, `residual_sd² (XᵀX)⁻¹`, carried to the factor
//! `exp(a)` by the delta method.
//!
//! Either way the benchmark's factors are 1, and factors of countries not linked to the benchmark
//! through pairs cannot be identified and are `null`. Each pair-year of the fit gets its residual
//! ([`MirrorPair::residual`]): the Pearson residual of its two counts under the Poisson fit, or
//! `ln I + a − ln E − b` under least squares. Pairs with large residuals are the ones de Beer et
//! al. (2010) consider separately.

use super::countries::ReferenceGroupReport;
use super::poisson::{self, Count};
use super::settings::{HarmoniseMethod, MirrorSettings};
use super::{Band, MirrorPair};
use crate::model::Sex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One country's factors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HarmonisationFactor {
    pub country: String,
    /// Multiply the country's reported immigration by this (`exp(a)`, or `1 / α`).
    pub immigration_factor: Option<f64>,
    /// Multiply the country's reported emigration by this (`exp(b)`, or `1 / β`).
    pub emigration_factor: Option<f64>,
    /// Standard error of `immigration_factor`; `null` for the benchmark (fixed at 1) and where
    /// the factor is not identified.
    #[serde(default)]
    pub immigration_se: Option<f64>,
    /// Standard error of `emigration_factor`.
    #[serde(default)]
    pub emigration_se: Option<f64>,
    /// Pair-years in which the country is the receiver / the sender.
    pub immigration_pairs: usize,
    pub emigration_pairs: usize,
}

/// Reports written before the method could be chosen were fitted by least squares.
fn least_squares() -> HarmoniseMethod {
    HarmoniseMethod::LogLeastSquares
}

/// The fitted factors and how well they fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Harmonisation {
    pub benchmark: String,
    /// How the factors were estimated.
    #[serde(default = "least_squares")]
    pub method: HarmoniseMethod,
    /// Pair-years used in the fit.
    pub pairs: usize,
    /// Factors estimated (the benchmark's and unidentified ones not counted).
    pub parameters: usize,
    /// Least squares: √(Σ residual² / (pairs − parameters)) on the log scale. Poisson: the same
    /// of the Pearson residuals, the square root of the dispersion (1 when the counts vary as
    /// Poisson counts do; the standard errors are those of a Poisson count and grow by this
    /// factor under overdispersion). `null` without spare pairs.
    pub residual_sd: Option<f64>,
    pub factors: Vec<HarmonisationFactor>,
    pub note: Option<String>,
    /// Whether the iterations reached their tolerance (`note` says so too when they did not).
    #[serde(default = "converged")]
    pub converged: bool,
}

/// Reports written before `converged` was written said so in the note alone.
fn converged() -> bool {
    true
}

/// The fit and the residual of each pair-year in it, by its index among the pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub harmonisation: Harmonisation,
    pub residuals: Vec<(usize, f64)>,
}

/// Largest change of a factor (log scale) at which the iteration stops.
const TOLERANCE: f64 = 1e-12;
/// Stops a fit that converges too slowly (a weakly linked matrix).
const MAX_SWEEPS: usize = 100_000;

/// One pair-year of the fit.
struct Used<'a> {
    /// Its index among the pairs.
    pair: usize,
    sender: &'a str,
    receiver: &'a str,
    immigration: f64,
    emigration: f64,
}

/// The pairs of the fit: the two-sided, not-small pair-years of the sex total, corrected, with
/// both sides above 0 for the logarithms of least squares, with `I + E > 0` for Poisson.
fn fitted_pairs(pairs: &[MirrorPair], method: HarmoniseMethod) -> Vec<Used<'_>> {
    pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.sex == Sex::T && p.is_two_sided() && p.band != Band::Small)
        .filter_map(|(k, p)| {
            let (i, e) = (p.corrected_immigration?, p.corrected_emigration?);
            let kept = match method {
                // The logarithm needs both sides above 0; a zero side is M1's business.
                HarmoniseMethod::LogLeastSquares => i > 0.0 && e > 0.0,
                HarmoniseMethod::Poisson => i >= 0.0 && e >= 0.0 && i + e > 0.0,
            };
            kept.then_some(Used {
                pair: k,
                sender: p.sender.as_str(),
                receiver: p.receiver.as_str(),
                immigration: i,
                emigration: e,
            })
        })
        .collect()
}

/// The countries of the pairs, numbered in code order.
fn number_countries<'a>(used: &[Used<'a>]) -> BTreeMap<&'a str, usize> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for u in used {
        index.insert(u.sender, 0);
        index.insert(u.receiver, 0);
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
    /// Per receiver: (sender, log ratio) of its pairs (the log ratio is least squares' alone).
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

    /// Whether a country's immigration (`k`) or emigration (`n + k`) factor is estimated: linked
    /// to the benchmark, not the benchmark's, with pairs in that direction.
    fn estimated(&self, node: usize) -> bool {
        let (n, bench) = (self.n, self.bench);
        let (k, pairs) = if node < n {
            (node, &self.by_receiver[node])
        } else {
            (node - n, &self.by_sender[node - n])
        };
        k != bench && self.linked[node] && !pairs.is_empty()
    }

    /// Each country's factors with their standard errors (`immigration[k]`, `emigration[k]`),
    /// `None` where not identified or not finite.
    fn factors(
        &self,
        codes: &[&str],
        immigration: &[(f64, Option<f64>)],
        emigration: &[(f64, Option<f64>)],
    ) -> Vec<HarmonisationFactor> {
        let (n, bench) = (self.n, self.bench);
        let identified = |node: usize| node % n == bench || self.estimated(node);
        let value = |node: usize, (factor, se): (f64, Option<f64>)| {
            let factor = (identified(node) && factor.is_finite()).then_some(factor);
            let se = factor.and(se).filter(|_| self.estimated(node));
            (factor, se)
        };
        codes
            .iter()
            .enumerate()
            .map(|(k, code)| {
                let (immigration_factor, immigration_se) = value(k, immigration[k]);
                let (emigration_factor, emigration_se) = value(n + k, emigration[k]);
                HarmonisationFactor {
                    country: code.to_string(),
                    immigration_factor,
                    emigration_factor,
                    immigration_se,
                    emigration_se,
                    immigration_pairs: self.by_receiver[k].len(),
                    emigration_pairs: self.by_sender[k].len(),
                }
            })
            .collect()
    }

    /// Standard errors of ordinary least squares for `a` and `b` (log scale): `sd² (XᵀX)⁻¹`,
    /// where a pair-year's row of X holds +1 for its receiver's `a` and −1 for its sender's `b`.
    fn least_squares_se(
        &self,
        links: &[&(usize, usize, f64)],
        sd: f64,
    ) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
        let n = self.n;
        let mut slot = vec![None; 2 * n];
        let mut m = 0;
        for (node, place) in slot.iter_mut().enumerate() {
            if self.estimated(node) {
                *place = Some(m);
                m += 1;
            }
        }
        let mut xtx = vec![vec![0.0f64; m]; m];
        for &&(sender, receiver, _) in links {
            let (a, b) = (slot[receiver], slot[n + sender]);
            if let Some(a) = a {
                xtx[a][a] += 1.0;
            }
            if let Some(b) = b {
                xtx[b][b] += 1.0;
            }
            if let (Some(a), Some(b)) = (a, b) {
                xtx[a][b] -= 1.0;
                xtx[b][a] -= 1.0;
            }
        }
        let variances = poisson::inverse_diagonal(&xtx);
        let se = |node: usize| {
            let v = variances.as_ref()?.get(slot[node]?)?;
            Some(sd * v.sqrt())
        };
        ((0..n).map(se).collect(), (n..2 * n).map(se).collect())
    }
}

/// The factors of one method, for [`Network::factors`], and the residual of each link.
struct MethodFit {
    immigration: Vec<(f64, Option<f64>)>,
    emigration: Vec<(f64, Option<f64>)>,
    /// Per link of the fit (in order): its residual, `None` where there is none.
    residuals: Vec<Option<f64>>,
    converged: bool,
    /// Countries whose factor in a direction is not finite: every count 0 in the fit.
    zero: Vec<String>,
}

/// Least squares on the log ratios of the linked pair-years.
fn fit_least_squares(network: &Network, links: &[&(usize, usize, f64)]) -> MethodFit {
    let (a, b, converged) = network.solve();
    let residuals: Vec<f64> = links.iter().map(|&&(s, r, l)| l + a[r] - b[s]).collect();
    let parameters = network.parameters();
    let squares: f64 = residuals.iter().map(|r| r * r).sum();
    let sd =
        (links.len() > parameters).then(|| (squares / (links.len() - parameters) as f64).sqrt());
    let (se_a, se_b) = match sd {
        Some(sd) => network.least_squares_se(links, sd),
        None => (vec![None; network.n], vec![None; network.n]),
    };
    // exp(a) has the standard error exp(a) · se(a) (delta method).
    let carry = |values: &[f64], se: &[Option<f64>]| -> Vec<(f64, Option<f64>)> {
        values
            .iter()
            .zip(se)
            .map(|(v, se)| (v.exp(), se.map(|se| v.exp() * se)))
            .collect()
    };
    MethodFit {
        immigration: carry(&a, &se_a),
        emigration: carry(&b, &se_b),
        residuals: residuals.into_iter().map(Some).collect(),
        converged,
        zero: Vec::new(),
    }
}

/// Poisson maximum likelihood of the linked pair-years.
fn fit_poisson(network: &Network, counts: &[Count], codes: &[&str]) -> MethodFit {
    let fit = poisson::fit(network.n, network.bench, counts);
    // 1 / α has the standard error se(α) / α² (delta method, exact for the information at the
    // maximum).
    let carry = |values: &[f64], se: &[Option<f64>]| -> Vec<(f64, Option<f64>)> {
        values
            .iter()
            .zip(se)
            .map(|(&v, se)| (1.0 / v, se.map(|se| se / (v * v))))
            .collect()
    };
    let residuals = counts
        .iter()
        .map(|c| {
            poisson::pearson_residual(
                c.immigration,
                c.emigration,
                fit.alpha[c.receiver],
                fit.beta[c.sender],
            )
        })
        .collect();
    let mut zero = Vec::new();
    for (k, code) in codes.iter().enumerate() {
        if network.estimated(k) && fit.alpha[k] <= 0.0 {
            zero.push(format!("{code} immigration"));
        }
        if network.estimated(network.n + k) && fit.beta[k] <= 0.0 {
            zero.push(format!("{code} emigration"));
        }
    }
    MethodFit {
        immigration: carry(&fit.alpha, &fit.alpha_se),
        emigration: carry(&fit.beta, &fit.beta_se),
        residuals,
        converged: fit.converged,
        zero,
    }
}

/// Fits the factors; `None` when there is no two-sided pair to fit.
pub fn harmonise(
    pairs: &[MirrorPair],
    reference: &ReferenceGroupReport,
    settings: &MirrorSettings,
) -> Option<Fitted> {
    let method = settings.harmonise_method;
    let used = fitted_pairs(pairs, method);
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
    let mut notes: Vec<String> = Vec::new();
    if benchmark != settings.benchmark {
        notes.push(format!(
            "the benchmark {} has no two-sided pairs; {benchmark} is used instead",
            settings.benchmark
        ));
    }
    let bench = index.get(benchmark).copied()?;
    // (sender, receiver, log ratio) and the pair-year of each link.
    let (links, of_pair): (Vec<(usize, usize, f64)>, Vec<&Used<'_>>) = used
        .iter()
        .filter_map(|u| {
            let (s, r) = (*index.get(u.sender)?, *index.get(u.receiver)?);
            let l = match method {
                HarmoniseMethod::LogLeastSquares => (u.immigration / u.emigration).ln(),
                HarmoniseMethod::Poisson => 0.0,
            };
            Some(((s, r, l), u))
        })
        .unzip();
    let network = Network::new(n, bench, &links);
    let (fitted, fitted_used): (Vec<&(usize, usize, f64)>, Vec<&Used<'_>>) = links
        .iter()
        .zip(&of_pair)
        .filter(|((s, r, _), _)| network.linked[*r] && network.linked[n + s])
        .map(|(link, u)| (link, *u))
        .unzip();
    let parameters = network.parameters();
    let result = match method {
        HarmoniseMethod::LogLeastSquares => fit_least_squares(&network, &fitted),
        HarmoniseMethod::Poisson => {
            let counts: Vec<Count> = fitted
                .iter()
                .zip(&fitted_used)
                .map(|(&&(sender, receiver, _), u)| Count {
                    sender,
                    receiver,
                    immigration: u.immigration,
                    emigration: u.emigration,
                })
                .collect();
            fit_poisson(&network, &counts, &codes)
        }
    };
    let squares: f64 = result.residuals.iter().flatten().map(|r| r * r).sum();
    let residual_sd =
        (fitted.len() > parameters).then(|| (squares / (fitted.len() - parameters) as f64).sqrt());
    let factors = network.factors(&codes, &result.immigration, &result.emigration);
    if !result.zero.is_empty() {
        notes.push(format!(
            "every count of the fit is 0 for {}: its factor cannot be estimated",
            result.zero.join(", ")
        ));
    }
    if !result.converged {
        notes.push("the fit did not converge".into());
    }
    let residuals = fitted_used
        .iter()
        .zip(&result.residuals)
        .filter_map(|(u, r)| r.map(|r| (u.pair, r)))
        .collect();
    Some(Fitted {
        harmonisation: Harmonisation {
            benchmark: benchmark.to_string(),
            method,
            pairs: fitted.len(),
            parameters,
            residual_sd,
            factors,
            note: (!notes.is_empty()).then(|| notes.join("; ")),
            converged: result.converged,
        },
        residuals,
    })
}
