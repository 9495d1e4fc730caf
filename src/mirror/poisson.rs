//! The Poisson maximum-likelihood fit of the harmonisation (`docs/domain.md#harmonisation`).
//!
//! For every pair-year k of the fit, with sender i and receiver j, the immigration the receiver
//! reports and the emigration the sender reports are Poisson counts around the one true flow
//! `y_k`: `I_k ~ Pois(α_j · y_k)`, `E_k ~ Pois(β_i · y_k)`. `α_j` is how completely country j
//! counts its immigrants and `β_i` how completely country i counts its emigrants, both relative
//! to the benchmark, whose `α` and `β` are 1. Large flows carry more information than small ones,
//! so they weigh more than in the least squares on the log ratios.
//!
//! The likelihood is maximised by alternating closed-form updates, each the maximum of the
//! likelihood over one block with the other held:
//! `y_k = (I_k + E_k) / (α_j + β_i)`, then `α_j = Σ I / Σ y` over j's pair-years and
//! `β_i = Σ E / Σ y` over i's (the benchmark held at 1). The log-likelihood therefore never
//! decreases from one sweep to the next; the sweeps stop when no `α` or `β` changes by more than
//! [`TOLERANCE`] of itself.
//!
//! Standard errors come from the observed information of (α, β, y) with the benchmark fixed.
//! The block of `y` is diagonal (`(I_k + E_k) / y_k²`), so it is eliminated by its Schur
//! complement: the information of the free `α` and `β` alone, of size at most 2n, which is the
//! curvature of the profile log-likelihood (y at its best for each α, β). At the maximum the
//! observed and the expected information are the same here. It is inverted by a Cholesky
//! factorisation, so the cost is that of the pair-years once and of a matrix of the countries.

/// One pair-year of the fit: the numbers of its countries and the two counts (after the
/// duration-of-stay correction).
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Count {
    pub sender: usize,
    pub receiver: usize,
    pub immigration: f64,
    pub emigration: f64,
}

/// The fitted model.
#[derive(Clone, Debug, PartialEq)]
pub struct PoissonFit {
    /// Per country, how completely it counts its immigrants (1 for the benchmark).
    pub alpha: Vec<f64>,
    /// Per country, how completely it counts its emigrants (1 for the benchmark).
    pub beta: Vec<f64>,
    /// The true flow of each pair-year, in the order of the counts.
    pub flows: Vec<f64>,
    /// The log-likelihood (without the terms of the counts alone) before the first sweep, after
    /// each step ([`fit_traced`]) and at the end.
    pub log_likelihood: Vec<f64>,
    /// Whether the sweeps stopped by [`TOLERANCE`] rather than by [`MAX_SWEEPS`].
    pub converged: bool,
    /// Standard errors of `alpha` and `beta`; `None` for the benchmark's, for parameters at 0
    /// and when the information cannot be inverted.
    pub alpha_se: Vec<Option<f64>>,
    pub beta_se: Vec<Option<f64>>,
}

/// Largest relative change of an `α` or `β` at which the sweeps stop.
pub const TOLERANCE: f64 = 1e-12;
/// Stops a fit that converges too slowly (a weakly linked matrix).
pub const MAX_SWEEPS: usize = 100_000;

/// `x · ln(m)`, 0 when `x` is 0 (a count of 0 has likelihood `e^(−m)`).
fn x_ln(x: f64, m: f64) -> f64 {
    if x == 0.0 { 0.0 } else { x * m.ln() }
}

/// The Poisson log-likelihood of the counts under α, β and the flows, without `−ln(x!)`.
pub fn log_likelihood(counts: &[Count], alpha: &[f64], beta: &[f64], flows: &[f64]) -> f64 {
    counts
        .iter()
        .zip(flows)
        .map(|(c, &y)| {
            let (mi, me) = (alpha[c.receiver] * y, beta[c.sender] * y);
            x_ln(c.immigration, mi) - mi + x_ln(c.emigration, me) - me
        })
        .sum()
}

/// Fits the model to `counts` of `n` countries with `bench` fixed at 1. Every count must have
/// `I + E > 0` and link to the benchmark (the caller keeps only those).
pub fn fit(n: usize, bench: usize, counts: &[Count]) -> PoissonFit {
    fit_traced(n, bench, counts, false)
}

/// [`fit`], with the log-likelihood after every step when `every_sweep` (two plain sweeps and
/// an extrapolated one; see the loop).
pub fn fit_traced(n: usize, bench: usize, counts: &[Count], every_sweep: bool) -> PoissonFit {
    let mut alpha = vec![1.0f64; n];
    let mut beta = vec![1.0f64; n];
    let mut flows = vec![0.0f64; counts.len()];
    // Σ I per receiver and Σ E per sender do not change.
    let (mut reported_i, mut reported_e) = (vec![0.0f64; n], vec![0.0f64; n]);
    let (mut receives, mut sends) = (vec![false; n], vec![false; n]);
    for c in counts {
        reported_i[c.receiver] += c.immigration;
        reported_e[c.sender] += c.emigration;
        receives[c.receiver] = true;
        sends[c.sender] = true;
    }
    let update_flows = |alpha: &[f64], beta: &[f64], flows: &mut [f64]| {
        for (c, y) in counts.iter().zip(flows.iter_mut()) {
            let rates = alpha[c.receiver] + beta[c.sender];
            *y = if rates > 0.0 {
                (c.immigration + c.emigration) / rates
            } else {
                0.0
            };
        }
    };
    // One sweep: the flows of (α, β), then each free factor as what its country reports over
    // what those flows give it, in place; the largest relative change.
    let (mut flows_i, mut flows_e) = (vec![0.0f64; n], vec![0.0f64; n]);
    let mut sweep = |alpha: &mut [f64], beta: &mut [f64], flows: &mut [f64]| -> f64 {
        update_flows(alpha, beta, flows);
        flows_i.iter_mut().for_each(|s| *s = 0.0);
        flows_e.iter_mut().for_each(|s| *s = 0.0);
        for (c, &y) in counts.iter().zip(flows.iter()) {
            flows_i[c.receiver] += y;
            flows_e[c.sender] += y;
        }
        let mut largest = 0.0f64;
        let mut step = |value: &mut f64, reported: f64, flows: f64| {
            let next = if flows > 0.0 { reported / flows } else { 0.0 };
            let change = (next - *value).abs();
            let relative = if *value > 0.0 {
                change / *value
            } else if next > 0.0 {
                f64::INFINITY
            } else {
                0.0
            };
            largest = largest.max(relative);
            *value = next;
        };
        for k in (0..n).filter(|&k| k != bench) {
            if receives[k] {
                step(&mut alpha[k], reported_i[k], flows_i[k]);
            }
            if sends[k] {
                step(&mut beta[k], reported_e[k], flows_e[k]);
            }
        }
        largest
    };
    let likelihood = |alpha: &[f64], beta: &[f64], flows: &mut [f64]| {
        update_flows(alpha, beta, flows);
        log_likelihood(counts, alpha, beta, flows)
    };
    let mut trace = vec![likelihood(&alpha, &beta, &mut flows)];
    let mut converged = false;
    // The sweeps converge linearly, in about a thousand on the EU flows. SQUAREM (Varadhan &
    // Roland 2008, scheme S3) extrapolates from two sweeps along their squared difference and
    // sweeps once from there; the step is kept only when the likelihood is at least that of the
    // two plain sweeps, so it never decreases, and the fit stops, as before, when a plain sweep
    // from the current factors changes none by more than [`TOLERANCE`].
    for _ in 0..MAX_SWEEPS / 3 {
        let (mut alpha1, mut beta1) = (alpha.clone(), beta.clone());
        if sweep(&mut alpha1, &mut beta1, &mut flows) < TOLERANCE {
            (alpha, beta) = (alpha1, beta1);
            converged = true;
            break;
        }
        let (mut alpha2, mut beta2) = (alpha1.clone(), beta1.clone());
        if sweep(&mut alpha2, &mut beta2, &mut flows) < TOLERANCE {
            (alpha, beta) = (alpha2, beta2);
            converged = true;
            break;
        }
        let (mut rr, mut vv) = (0.0f64, 0.0f64);
        for (x0, x1, x2) in [(&alpha, &alpha1, &alpha2), (&beta, &beta1, &beta2)] {
            for k in 0..n {
                let r = x1[k] - x0[k];
                let v = x2[k] - 2.0 * x1[k] + x0[k];
                rr += r * r;
                vv += v * v;
            }
        }
        let plain = likelihood(&alpha2, &beta2, &mut flows);
        let mut next = None;
        if vv > 0.0 {
            let s = -(rr / vv).sqrt().max(1.0);
            let extrapolate = |x0: &[f64], x1: &[f64], x2: &[f64]| -> Vec<f64> {
                (0..n)
                    .map(|k| {
                        let (r, v) = (x1[k] - x0[k], x2[k] - 2.0 * x1[k] + x0[k]);
                        x0[k] - 2.0 * s * r + s * s * v
                    })
                    .collect()
            };
            let mut alpha3 = extrapolate(&alpha, &alpha1, &alpha2);
            let mut beta3 = extrapolate(&beta, &beta1, &beta2);
            if alpha3
                .iter()
                .chain(&beta3)
                .all(|x| x.is_finite() && *x >= 0.0)
            {
                sweep(&mut alpha3, &mut beta3, &mut flows);
                let extrapolated = likelihood(&alpha3, &beta3, &mut flows);
                if extrapolated >= plain {
                    next = Some((alpha3, beta3, extrapolated));
                }
            }
        }
        let (alpha_next, beta_next, value) = next.unwrap_or((alpha2, beta2, plain));
        (alpha, beta) = (alpha_next, beta_next);
        if every_sweep {
            trace.push(value);
        }
    }
    trace.push(likelihood(&alpha, &beta, &mut flows));
    let free = |k: usize, value: f64, used: bool| k != bench && used && value > 0.0;
    let mut unknowns: Vec<Unknown> = Vec::new();
    let mut slot_alpha = vec![None; n];
    let mut slot_beta = vec![None; n];
    for k in 0..n {
        if free(k, alpha[k], receives[k]) {
            slot_alpha[k] = Some(unknowns.len());
            unknowns.push(Unknown::Alpha(k));
        }
        if free(k, beta[k], sends[k]) {
            slot_beta[k] = Some(unknowns.len());
            unknowns.push(Unknown::Beta(k));
        }
    }
    let m = unknowns.len();
    let mut information = vec![vec![0.0f64; m]; m];
    for (c, &y) in counts.iter().zip(&flows) {
        let total = c.immigration + c.emigration;
        // The y block eliminated: y² / (I + E) off every entry the pair-year touches.
        let w = if total > 0.0 { y * y / total } else { 0.0 };
        let a = slot_alpha[c.receiver];
        let b = slot_beta[c.sender];
        if let Some(a) = a {
            information[a][a] += c.immigration / (alpha[c.receiver] * alpha[c.receiver]) - w;
        }
        if let Some(b) = b {
            information[b][b] += c.emigration / (beta[c.sender] * beta[c.sender]) - w;
        }
        if let (Some(a), Some(b)) = (a, b) {
            information[a][b] -= w;
            information[b][a] -= w;
        }
    }
    let variances = inverse_diagonal(&information);
    let mut alpha_se = vec![None; n];
    let mut beta_se = vec![None; n];
    if let Some(variances) = variances {
        for (unknown, variance) in unknowns.iter().zip(variances) {
            let se = (variance > 0.0).then(|| variance.sqrt());
            match *unknown {
                Unknown::Alpha(k) => alpha_se[k] = se,
                Unknown::Beta(k) => beta_se[k] = se,
            }
        }
    }
    PoissonFit {
        alpha,
        beta,
        flows,
        log_likelihood: trace,
        converged,
        alpha_se,
        beta_se,
    }
}

/// A free parameter of the information matrix.
#[derive(Copy, Clone)]
enum Unknown {
    Alpha(usize),
    Beta(usize),
}

/// The Pearson residual of a pair-year's two counts under the fit, as one signed number:
/// the square root of the sum of the two squared Pearson residuals, `(β I − α E) / √(α β (I + E))`,
/// positive when the receiver's harmonised immigration exceeds the sender's harmonised
/// emigration. About ±1 under the model; `None` when α or β is 0.
pub fn pearson_residual(immigration: f64, emigration: f64, alpha: f64, beta: f64) -> Option<f64> {
    let scale = alpha * beta * (immigration + emigration);
    (scale > 0.0).then(|| (beta * immigration - alpha * emigration) / scale.sqrt())
}

/// The diagonal of the inverse of a symmetric positive definite matrix (Cholesky); `None` when
/// it is not positive definite.
pub fn inverse_diagonal(matrix: &[Vec<f64>]) -> Option<Vec<f64>> {
    let m = matrix.len();
    // Lower triangle L with L Lᵀ = matrix.
    let mut l = vec![vec![0.0f64; m]; m];
    for i in 0..m {
        for j in 0..=i {
            let dot: f64 = l[i][..j].iter().zip(&l[j][..j]).map(|(a, b)| a * b).sum();
            let sum = *matrix.get(i)?.get(j)? - dot;
            if i == j {
                if !(sum > 0.0 && sum.is_finite()) {
                    return None;
                }
                l[i][i] = sum.sqrt();
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    // A⁻¹ = L⁻ᵀ L⁻¹: its diagonal entry c is the sum of squares of column c of L⁻¹, which
    // solves L z = e_c (z is 0 above row c).
    let mut diagonal = vec![0.0f64; m];
    let mut z = vec![0.0f64; m];
    for c in 0..m {
        for i in c..m {
            let mut sum = if i == c { 1.0 } else { 0.0 };
            for k in c..i {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        diagonal[c] = z[c..].iter().map(|v| v * v).sum();
    }
    Some(diagonal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four countries (0 the benchmark), every ordered pair in three years; the counts are
    /// made to disagree in no regular way, so the fit is not exact.
    fn noisy_counts() -> Vec<Count> {
        let completeness = [(1.0, 1.0), (0.8, 0.5), (1.3, 0.9), (0.6, 1.1)];
        let mut counts = Vec::new();
        let mut k = 0u32;
        for _year in 0..3 {
            for sender in 0..4 {
                for receiver in 0..4 {
                    if sender == receiver {
                        continue;
                    }
                    k += 1;
                    let y = 50.0 + f64::from((k * 37) % 400);
                    let noise =
                        |shift: u32| 1.0 + 0.3 * (f64::from((k * 17 + shift) % 11) / 10.0 - 0.5);
                    counts.push(Count {
                        sender,
                        receiver,
                        immigration: (completeness[receiver].0 * y * noise(3)).round(),
                        emigration: (completeness[sender].1 * y * noise(7)).round(),
                    });
                }
            }
        }
        counts
    }

    /// Solves `a x = b` by Gaussian elimination with partial pivoting.
    fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
        let m = b.len();
        for c in 0..m {
            let p = (c..m)
                .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
                .unwrap();
            a.swap(c, p);
            b.swap(c, p);
            for r in 0..m {
                if r != c {
                    let f = a[r][c] / a[c][c];
                    let pivot = a[c].clone();
                    for (x, p) in a[r].iter_mut().zip(&pivot).skip(c) {
                        *x -= f * p;
                    }
                    b[r] -= f * b[c];
                }
            }
        }
        (0..m).map(|i| b[i] / a[i][i]).collect()
    }

    /// The parameters of the tests: α of countries 1–3, then β of countries 1–3.
    fn node(k: usize, immigration: bool) -> Option<usize> {
        (k > 0).then(|| if immigration { k - 1 } else { 2 + k })
    }

    /// The maximum by another route: with each y at its best the likelihood is binomial
    /// (`I ~ Bin(I + E, α / (α + β))`), a logistic regression in ln α and ln β solved by Newton.
    fn newton_reference(counts: &[Count]) -> (Vec<f64>, Vec<f64>) {
        let mut theta = [0.0f64; 6];
        for _ in 0..100 {
            let mut gradient = vec![0.0f64; 6];
            let mut hessian = vec![vec![0.0f64; 6]; 6];
            for c in counts {
                let u = node(c.receiver, true).map_or(0.0, |i| theta[i]);
                let v = node(c.sender, false).map_or(0.0, |i| theta[i]);
                let p = 1.0 / (1.0 + (v - u).exp());
                let total = c.immigration + c.emigration;
                let score = c.immigration - total * p;
                let weight = total * p * (1.0 - p);
                let x: Vec<(usize, f64)> = [
                    node(c.receiver, true).map(|i| (i, 1.0)),
                    node(c.sender, false).map(|i| (i, -1.0)),
                ]
                .into_iter()
                .flatten()
                .collect();
                for &(i, xi) in &x {
                    gradient[i] += xi * score;
                    for &(j, xj) in &x {
                        hessian[i][j] += xi * xj * weight;
                    }
                }
            }
            let step = solve(hessian, gradient);
            theta.iter_mut().zip(&step).for_each(|(t, s)| *t += s);
        }
        let mut alpha = vec![1.0; 4];
        let mut beta = vec![1.0; 4];
        for k in 1..4 {
            alpha[k] = theta[k - 1].exp();
            beta[k] = theta[2 + k].exp();
        }
        (alpha, beta)
    }

    /// The gradient of the profile log-likelihood in (α₁..₃, β₁..₃):
    /// `Σ I / α − (I + E) / (α + β)` over a receiver's pair-years, and so for β.
    fn profile_gradient(counts: &[Count], params: &[f64]) -> Vec<f64> {
        let value = |k: usize, immigration: bool| node(k, immigration).map_or(1.0, |i| params[i]);
        let mut gradient = vec![0.0f64; 6];
        for c in counts {
            let (a, b) = (value(c.receiver, true), value(c.sender, false));
            let total = c.immigration + c.emigration;
            if let Some(i) = node(c.receiver, true) {
                gradient[i] += c.immigration / a - total / (a + b);
            }
            if let Some(i) = node(c.sender, false) {
                gradient[i] += c.emigration / b - total / (a + b);
            }
        }
        gradient
    }

    #[test]
    fn the_log_likelihood_never_decreases() {
        let fit = fit_traced(4, 0, &noisy_counts(), true);
        assert!(fit.converged);
        assert!(fit.log_likelihood.len() > 3, "{}", fit.log_likelihood.len());
        for step in fit.log_likelihood.windows(2) {
            // Each update is a conditional maximum; only rounding may move it back.
            assert!(step[1] >= step[0] - 1e-12 * step[0].abs(), "{step:?}");
        }
        assert!(fit.log_likelihood[1] > fit.log_likelihood[0]);
    }

    #[test]
    fn counts_made_from_known_rates_give_those_rates_back() {
        let alpha = [1.0, 0.8, 1.25, 0.5];
        let beta = [1.0, 0.4, 0.9, 2.0];
        let mut counts = Vec::new();
        let mut flows = Vec::new();
        for (k, (sender, receiver)) in [
            (0, 1),
            (1, 0),
            (1, 2),
            (2, 3),
            (3, 0),
            (0, 2),
            (2, 1),
            (3, 1),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 1000.0 + 250.0 * k as f64;
            flows.push(y);
            counts.push(Count {
                sender,
                receiver,
                immigration: alpha[receiver] * y,
                emigration: beta[sender] * y,
            });
        }
        let fit = fit(4, 0, &counts);
        assert!(fit.converged);
        assert_eq!((fit.alpha[0], fit.beta[0]), (1.0, 1.0));
        for k in 1..4 {
            assert!((fit.alpha[k] - alpha[k]).abs() < 1e-9, "{:?}", fit.alpha);
            assert!((fit.beta[k] - beta[k]).abs() < 1e-9, "{:?}", fit.beta);
        }
        for (got, want) in fit.flows.iter().zip(&flows) {
            assert!((got - want).abs() < 1e-6 * want, "{got} {want}");
        }
    }

    #[test]
    fn the_rates_are_the_maximum_newton_finds_on_the_profile_likelihood() {
        let counts = noisy_counts();
        let fit = fit(4, 0, &counts);
        let (alpha, beta) = newton_reference(&counts);
        assert_eq!((fit.alpha[0], fit.beta[0]), (1.0, 1.0));
        for k in 1..4 {
            assert!(
                (fit.alpha[k] - alpha[k]).abs() < 1e-9,
                "{:?} {alpha:?}",
                fit.alpha
            );
            assert!(
                (fit.beta[k] - beta[k]).abs() < 1e-9,
                "{:?} {beta:?}",
                fit.beta
            );
        }
    }

    #[test]
    fn standard_errors_are_the_curvature_of_the_profile_likelihood() {
        let counts = noisy_counts();
        let fit = fit(4, 0, &counts);
        let params: Vec<f64> = (1..4)
            .map(|k| fit.alpha[k])
            .chain((1..4).map(|k| fit.beta[k]))
            .collect();
        // Second derivatives by central differences of the profile gradient.
        let mut information = vec![vec![0.0f64; 6]; 6];
        for j in 0..6 {
            let h = 1e-5 * params[j];
            let (mut up, mut down) = (params.clone(), params.clone());
            up[j] += h;
            down[j] -= h;
            let (gu, gd) = (
                profile_gradient(&counts, &up),
                profile_gradient(&counts, &down),
            );
            for i in 0..6 {
                information[i][j] = -(gu[i] - gd[i]) / (2.0 * h);
            }
        }
        let se: Vec<f64> = (0..6)
            .map(|i| {
                let mut unit = vec![0.0; 6];
                unit[i] = 1.0;
                solve(information.clone(), unit)[i].sqrt()
            })
            .collect();
        assert_eq!((fit.alpha_se[0], fit.beta_se[0]), (None, None));
        for k in 1..4 {
            let (a, b) = (fit.alpha_se[k].unwrap(), fit.beta_se[k].unwrap());
            assert!((a / se[k - 1] - 1.0).abs() < 1e-6, "{a} {}", se[k - 1]);
            assert!((b / se[2 + k] - 1.0).abs() < 1e-6, "{b} {}", se[2 + k]);
        }
    }

    #[test]
    fn the_pearson_residual_is_the_two_sides_together() {
        // α = β = 1, I = 120, E = 80: y = 100, residuals (120 − 100)/10 and (80 − 100)/10.
        let r = pearson_residual(120.0, 80.0, 1.0, 1.0).unwrap();
        assert!((r - 8.0f64.sqrt()).abs() < 1e-12);
        assert_eq!(pearson_residual(5.0, 0.0, 0.0, 1.0), None);
        // The inverse of [[4, 2], [2, 3]] has the diagonal 3/8, 4/8.
        let d = inverse_diagonal(&[vec![4.0, 2.0], vec![2.0, 3.0]]).unwrap();
        assert!((d[0] - 0.375).abs() < 1e-15 && (d[1] - 0.5).abs() < 1e-15);
        assert_eq!(inverse_diagonal(&[vec![1.0, 2.0], vec![2.0, 1.0]]), None);
    }
}
