//! The exact interval of a pair's ratio (`docs/domain.md#pair-interval`).
//!
//! Of the I + E persons a pair-year counts on its two sides, I are on the immigration side. Given
//! the total, I is binomial with p = ρ / (1 + ρ), where ρ is the ratio of what the two sides
//! capture; the exact (Clopper–Pearson) interval of p, brought back by ρ = p / (1 − p), is the
//! interval of the ratio. It is wide for small flows (I = 3, E = 1: 0.24 to 157) and narrow for
//! large ones, so a pair is coloured as a discrepancy only when the data leave no doubt.
//!
//! The bounds are quantiles of Beta distributions: lower = B(α/2; I, E + 1), upper =
//! B(1 − α/2; I + 1, E). After the duration-of-stay correction I and E need not be whole numbers;
//! the Beta quantiles are defined for any positive parameters.

/// Above this, both parameters make the continued fraction slow (it takes O(√max(a, b)) steps)
/// and the density's tail is integrated by quadrature instead (Numerical Recipes, 3rd ed.,
/// §6.4, switches at 3,000; the test below finds the two within 10⁻⁸ from 100 on).
const QUADRATURE_ABOVE: f64 = 300.0;

/// Points of the Gauss–Legendre rule of [`tail_by_quadrature`].
const GAUSS_POINTS: usize = 18;

/// The Gauss–Legendre nodes and weights of [`GAUSS_POINTS`] points on [0, 1], by Newton's
/// method on the Legendre polynomial, once.
fn gauss_legendre() -> &'static [(f64, f64); GAUSS_POINTS] {
    static RULE: std::sync::OnceLock<[(f64, f64); GAUSS_POINTS]> = std::sync::OnceLock::new();
    RULE.get_or_init(|| {
        let n = GAUSS_POINTS;
        let mut rule = [(0.0, 0.0); GAUSS_POINTS];
        for (i, slot) in rule.iter_mut().enumerate() {
            let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (n as f64 + 0.5)).cos();
            let mut derivative = 1.0;
            for _ in 0..100 {
                let (mut p1, mut p2) = (1.0f64, 0.0f64);
                for j in 0..n {
                    let p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j as f64 + 1.0) * z * p2 - j as f64 * p3) / (j as f64 + 1.0);
                }
                derivative = n as f64 * (z * p1 - p2) / (z * z - 1.0);
                let step = p1 / derivative;
                z -= step;
                if step.abs() < 1e-16 {
                    break;
                }
            }
            // From [−1, 1] to [0, 1].
            *slot = (
                0.5 * (1.0 - z),
                1.0 / ((1.0 - z * z) * derivative * derivative),
            );
        }
        rule
    })
}

/// A Beta(a, b) distribution, with what every evaluation shares: ln(1 / B(a, b)), its mean and
/// its standard deviation.
#[derive(Copy, Clone, Debug)]
struct Beta {
    a: f64,
    b: f64,
    ln_norm: f64,
    mean: f64,
    sd: f64,
}

impl Beta {
    fn new(a: f64, b: f64) -> Beta {
        Beta {
            a,
            b,
            ln_norm: libm::lgamma(a + b) - libm::lgamma(a) - libm::lgamma(b),
            mean: a / (a + b),
            sd: (a * b / ((a + b) * (a + b) * (a + b + 1.0))).sqrt(),
        }
    }

    /// I_x(a, b): by its continued fraction (modified Lentz) on the side of the mean where it
    /// converges fast; for large a and b by quadrature.
    fn cdf(&self, x: f64) -> f64 {
        if x <= 0.0 {
            return 0.0;
        }
        if x >= 1.0 {
            return 1.0;
        }
        if self.a > QUADRATURE_ABOVE && self.b > QUADRATURE_ABOVE {
            return self.tail_by_quadrature(x);
        }
        self.cdf_by_fraction(x)
    }

    /// I_x(a, b) by its continued fraction.
    fn cdf_by_fraction(&self, x: f64) -> f64 {
        let (a, b) = (self.a, self.b);
        let front = (self.ln_norm + a * x.ln() + b * (-x).ln_1p()).exp();
        if x < (a + 1.0) / (a + b + 2.0) {
            front * continued_fraction(x, a, b) / a
        } else {
            1.0 - front * continued_fraction(1.0 - x, b, a) / b
        }
    }

    /// I_x(a, b) for large a and b: the density integrated from x to well into the tail on its
    /// side of the mean, where it is negligible, by Gauss–Legendre quadrature.
    fn tail_by_quadrature(&self, x: f64) -> f64 {
        let (mean, sd) = (self.mean, self.sd);
        let upper = x > mean;
        let end = if upper {
            (mean + 10.0 * sd).max(x + 5.0 * sd).min(1.0)
        } else {
            (mean - 10.0 * sd).min(x - 5.0 * sd).max(0.0)
        };
        let (a1, b1) = (self.a - 1.0, self.b - 1.0);
        let (ln_mean, ln_mean_c) = (mean.ln(), (-mean).ln_1p());
        let sum: f64 = gauss_legendre()
            .iter()
            .map(|(node, weight)| {
                let t = x + (end - x) * node;
                weight * (a1 * (t.ln() - ln_mean) + b1 * ((-t).ln_1p() - ln_mean_c)).exp()
            })
            .sum();
        let scale = (a1 * ln_mean + b1 * ln_mean_c + self.ln_norm).exp();
        let tail = sum * (end - x) * scale;
        // Upwards the integral is the upper tail (1 − I); downwards it runs backwards: −I.
        if upper { 1.0 - tail } else { -tail }
    }

    /// The density at x.
    fn density(&self, x: f64) -> f64 {
        if x <= 0.0 || x >= 1.0 {
            return 0.0;
        }
        (self.ln_norm + (self.a - 1.0) * x.ln() + (self.b - 1.0) * (-x).ln_1p()).exp()
    }
}

/// The regularised incomplete beta function I_x(a, b).
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    Beta::new(a, b).cdf(x)
}

/// One step of the modified Lentz method with the partial numerator `aa`: the factor by which
/// the fraction changes.
fn lentz_step(aa: f64, c: &mut f64, d: &mut f64) -> f64 {
    const TINY: f64 = 1e-300;
    *d = 1.0 + aa * *d;
    if d.abs() < TINY {
        *d = TINY;
    }
    *c = 1.0 + aa / *c;
    if c.abs() < TINY {
        *c = TINY;
    }
    *d = 1.0 / *d;
    *d * *c
}

/// The continued fraction of the incomplete beta function (Numerical Recipes' `betacf`).
fn continued_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-15;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    // Converges in O(√max(a, b)) steps; the cap is far above what counts of people need.
    for m in 1..100_000 {
        let m = m as f64;
        let m2 = 2.0 * m;
        h *= lentz_step(m * (b - m) * x / ((qam + m2) * (a + m2)), &mut c, &mut d);
        let step = lentz_step(
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
            &mut c,
            &mut d,
        );
        h *= step;
        if (step - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// The quantile of Beta(a, b) at probability `p`: Halley's steps from the Cornish–Fisher
/// approximation, kept inside a bracket that halves when a step would leave it.
///
/// Halley's step needs, beside the density, only its slope relative to itself,
/// (a − 1)/x − (b − 1)/(1 − x), which costs nothing; its error after a step is about the cube
/// of the step (against Newton's square), so from the second-order start one or two evaluations
/// of I_x(a, b) find the quantile where Newton took three.
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let (mut low, mut high) = (0.0f64, 1.0f64);
    let beta = Beta::new(a, b);
    let mut x = cornish_fisher(&beta, normal_quantile(p)).clamp(1e-12, 1.0 - 1e-12);
    for _ in 0..200 {
        let f = beta.cdf(x) - p;
        if f == 0.0 {
            return x;
        }
        if f < 0.0 {
            low = x;
        } else {
            high = x;
        }
        let density = beta.density(x);
        let newton = f / density;
        let bend = 1.0 - 0.5 * newton * ((a - 1.0) / x - (b - 1.0) / (1.0 - x));
        // Far from the root Halley's correction can overshoot: then Newton's step.
        let step = if (0.5..=2.0).contains(&bend) {
            newton / bend
        } else {
            newton
        };
        // After a step of s (relative to the spread), Halley's error is about s³: a step below
        // 10⁻⁶ of the spread leaves nothing a double can hold.
        let scale = beta.sd.min(x).min(1.0 - x);
        if density > 0.0 && step.abs() <= 1e-6 * scale {
            return (x - step).clamp(low, high);
        }
        let mut next = x - step;
        if !(density > 0.0 && next > low && next < high) {
            next = 0.5 * (low + high);
        }
        if high - low <= 1e-15 * high {
            return next;
        }
        x = next;
    }
    x
}

/// The Cornish–Fisher approximation of the quantile of `beta` at the normal quantile `z`: the
/// normal quantile corrected for the skewness γ₁ and excess kurtosis γ₂ of the Beta
/// distribution, to the second order, z + γ₁(z² − 1)/6 + γ₂(z³ − 3z)/24 − γ₁²(2z³ − 5z)/36.
fn cornish_fisher(beta: &Beta, z: f64) -> f64 {
    let (a, b) = (beta.a, beta.b);
    let (sum, product) = (a + b, a * b);
    let skewness = 2.0 * (b - a) * (sum + 1.0).sqrt() / ((sum + 2.0) * product.sqrt());
    let kurtosis = 6.0 * ((a - b) * (a - b) * (sum + 1.0) - product * (sum + 2.0))
        / (product * (sum + 2.0) * (sum + 3.0));
    let z2 = z * z;
    let w = z + skewness * (z2 - 1.0) / 6.0 + kurtosis * z * (z2 - 3.0) / 24.0
        - skewness * skewness * z * (2.0 * z2 - 5.0) / 36.0;
    beta.mean + beta.sd * w
}

/// The quantile of the standard normal distribution (Acklam's rational approximation, relative
/// error below 1.2e-9; a starting point and the bound of a level).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (-p).ln_1p()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The Clopper–Pearson interval of a binomial proportion: `successes` of `trials` (both ≥ 0,
/// not necessarily whole), at `level` (0.95).
pub fn clopper_pearson(successes: f64, trials: f64, level: f64) -> [f64; 2] {
    let alpha = 1.0 - level;
    let failures = trials - successes;
    let low = if successes <= 0.0 {
        0.0
    } else {
        beta_quantile(alpha / 2.0, successes, failures + 1.0)
    };
    let high = if failures <= 0.0 {
        1.0
    } else {
        beta_quantile(1.0 - alpha / 2.0, successes + 1.0, failures)
    };
    [low, high]
}

/// The interval of the ratio I / E at `level`: `None` when neither side counts anyone. The upper
/// bound is infinite when E is 0 (nothing bounds the ratio from above).
pub fn ratio_interval(immigration: f64, emigration: f64, level: f64) -> Option<[f64; 2]> {
    let (i, e) = (immigration.max(0.0), emigration.max(0.0));
    let n = i + e;
    if !(n > 0.0 && n.is_finite()) {
        return None;
    }
    let [p_low, p_high] = clopper_pearson(i, n, level);
    let odds = |p: f64| {
        if p >= 1.0 {
            f64::INFINITY
        } else {
            p / (1.0 - p)
        }
    };
    Some([odds(p_low), odds(p_high)])
}

/// The smallest |ln ρ| over an interval of the ratio: 0 when the interval holds 1 (agreement
/// cannot be ruled out), else the distance of its nearer end from agreement.
pub fn least_discrepancy([low, high]: [f64; 2]) -> f64 {
    if low > 1.0 {
        low.ln()
    } else if high < 1.0 {
        -high.ln()
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_incomplete_beta_function_has_known_values() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
        assert!((beta_cdf(0.3, 1.0, 1.0) - 0.3).abs() < 1e-14);
        assert!((beta_cdf(0.3, 2.5, 1.0) - 0.3f64.powf(2.5)).abs() < 1e-14);
        assert!((beta_cdf(0.3, 1.0, 4.0) - (1.0 - 0.7f64.powi(4))).abs() < 1e-14);
        // Symmetry: I_x(a, b) = 1 − I_{1−x}(b, a).
        let (x, a, b) = (0.42, 37.5, 61.25);
        assert!((beta_cdf(x, a, b) + beta_cdf(1.0 - x, b, a) - 1.0).abs() < 1e-13);
    }

    #[test]
    fn quadrature_and_continued_fraction_agree_for_large_parameters() {
        for (a, b) in [
            (3001.0, 3001.0),
            (41200.0, 30101.0),
            (5000.0, 250000.0),
            (1e6, 7e5),
        ] {
            let beta = Beta::new(a, b);
            for z in [-6.0, -3.0, -1.96, -0.5, 0.0, 0.7, 1.96, 4.0] {
                let x = beta.mean + z * beta.sd;
                let (fast, exact) = (beta.tail_by_quadrature(x), beta.cdf_by_fraction(x));
                let tail = exact.min(1.0 - exact);
                // Both carry the rounding of ln Γ(a + b) − ln Γ(a) − ln Γ(b), whose terms reach
                // 10⁷ here and are known to about 10⁻¹⁶ of themselves: 10⁻⁹ of the result.
                assert!(
                    (fast - exact).abs() <= 1e-8 * tail.max(1e-3),
                    "I_{x}({a}, {b}): {fast} against {exact}"
                );
            }
        }
    }

    #[test]
    fn quantiles_invert_the_distribution_function() {
        for (p, a, b) in [
            (0.025, 3.0, 2.0),
            (0.975, 4.0, 1.0),
            (0.025, 41200.0, 30101.0),
            (0.5, 0.7, 0.2),
            (0.001, 1.0, 5000.0),
        ] {
            let x = beta_quantile(p, a, b);
            assert!((beta_cdf(x, a, b) - p).abs() < 1e-12, "{p} {a} {b}: {x}");
        }
    }

    #[test]
    fn quantiles_are_those_found_by_bisection_over_the_range_of_counts() {
        // Bisection on I_x(a, b) to the last bit: slow and sure.
        let bisect = |p: f64, a: f64, b: f64| {
            let (mut low, mut high) = (0.0f64, 1.0f64);
            for _ in 0..1100 {
                let mid = 0.5 * (low + high);
                if mid <= low || mid >= high {
                    break;
                }
                if beta_cdf(mid, a, b) < p {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            0.5 * (low + high)
        };
        let counts = [0.4, 1.0, 2.5, 17.0, 299.0, 301.0, 4_321.5, 70_000.0, 2.5e6];
        let mut failures = Vec::new();
        for &a in &counts {
            for &b in &counts {
                for p in [0.001, 0.025, 0.5, 0.975] {
                    let (x, reference) = (beta_quantile(p, a, b), bisect(p, a, b));
                    // I_x itself is known to about 10⁻¹² of its tail for the largest counts (the
                    // rounding of ln B(a, b)); the ratio of a pair needs 10⁻⁷.
                    let gap = (x - reference).abs();
                    let close = gap <= 1e-10 * reference.min(1.0 - reference) + 4.0 * f64::EPSILON;
                    if !close {
                        failures.push(format!("Beta({a}, {b}) at {p}: {x} against {reference}"));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_lopsided_pair_has_its_upper_end_exact() {
        // I = 23,230 against E = 1: the upper end is the 97.5 % quantile of Beta(23,231, 1),
        // whose distribution function is x^a: x = 0.975^(1/23,231), ρ = x / (1 − x). Near
        // p = 1 every error of p is multiplied by ρ: the ends must hold p to its last digits.
        let a: f64 = 23_231.0;
        let log_x = 0.975f64.ln() / a;
        let exact = log_x.exp() / -log_x.exp_m1();
        let high = ratio_interval(23_230.0, 1.0, 0.95).map_or(f64::NAN, |r| r[1]);
        assert!((high / exact - 1.0).abs() < 1e-9, "{high} against {exact}");
        assert!((exact - 917_574.987_357).abs() < 1e-3, "{exact}");
    }

    #[test]
    fn the_normal_quantile_is_that_of_the_tables() {
        assert!((normal_quantile(0.975) - 1.959_963_985).abs() < 1e-8);
        assert!((normal_quantile(0.005) + 2.575_829_304).abs() < 1e-8);
        assert_eq!(normal_quantile(0.5), 0.0);
    }

    #[test]
    fn small_flows_have_wide_intervals_and_a_zero_side_an_open_end() {
        // I = 3, E = 1: p = 3/4, Clopper–Pearson [0.194120, 0.993691] (where the binomial
        // tails P(X ≥ 3) and P(X ≤ 3) of 4 trials are 2.5 %) → ρ in [0.24088, 157.49].
        let [low, high] = ratio_interval(3.0, 1.0, 0.95).unwrap_or([f64::NAN; 2]);
        assert!((low - 0.240_880_23).abs() < 1e-7, "{low}");
        assert!((high - 157.492_09).abs() < 1e-4, "{high}");
        assert_eq!(least_discrepancy([low, high]), 0.0);
        assert_eq!(
            ratio_interval(5.0, 0.0, 0.95).map(|r| r[1]),
            Some(f64::INFINITY)
        );
        assert_eq!(ratio_interval(0.0, 5.0, 0.95).map(|r| r[0]), Some(0.0));
        assert_eq!(ratio_interval(0.0, 0.0, 0.95), None);
    }
}
