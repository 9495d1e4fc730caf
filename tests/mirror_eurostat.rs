//! Mirror statistics on the real Eurostat bilateral flows 2010–2019 (migr_imm5prv, migr_emi3nxt;
//! see tests/fixtures/realdata/README.md): published pairs, a zero denominator and the coverage.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{ImportOptions, LoadControl, load_file};
use migreview::mirror::{self, Band, MirrorPair, MirrorReport, MirrorSettings};
use migreview::model::{Dataset, Sex};
use std::path::Path;
use std::sync::OnceLock;

const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"
);

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let loaded = load_file(
            Path::new(BILATERAL),
            &ImportOptions::default(),
            &LoadControl::new(),
        );
        match loaded {
            Ok((dataset, _)) => dataset,
            Err(e) => panic!("the bilateral file should load: {e}"),
        }
    })
}

fn report() -> &'static MirrorReport {
    static REPORT: OnceLock<MirrorReport> = OnceLock::new();
    REPORT.get_or_init(|| mirror::analyse(dataset(), &MirrorSettings::default()))
}

fn pair(sender: &str, receiver: &str, year: u16) -> &'static MirrorPair {
    report()
        .pairs
        .iter()
        .find(|p| p.sender == sender && p.receiver == receiver && p.year == year && p.sex == Sex::T)
        .unwrap_or_else(|| panic!("no pair {sender}→{receiver} {year}"))
}

fn round3(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 1000.0).round() / 1000.0)
}

#[test]
fn published_pairs_of_2018() {
    // "ES→FR" = sender ESP, receiver FRA.
    let cases = [
        ("ESP", "FRA", 20965.0, 20791.0, 1.008),
        ("NLD", "BEL", 10305.0, 8481.0, 1.215),
        ("ITA", "ESP", 22002.0, 7952.0, 2.767),
        ("FIN", "EST", 5547.0, 2216.0, 2.503),
    ];
    for (sender, receiver, immigration, emigration, ratio) in cases {
        let p = pair(sender, receiver, 2018);
        assert_eq!(p.immigration, Some(immigration), "{sender}→{receiver}");
        assert_eq!(p.emigration, Some(emigration), "{sender}→{receiver}");
        assert_eq!(round3(p.ratio), Some(ratio), "{sender}→{receiver}");
        // No duration criterion in the file: 12 months, so corrected = raw.
        assert_eq!(p.corrected_ratio, p.ratio);
    }
    let es_fr = pair("ESP", "FRA", 2018);
    assert_eq!(es_fr.band, Band::Green);
    assert_eq!(es_fr.difference, Some(174.0));
    assert_eq!(pair("NLD", "BEL", 2018).band, Band::Light);
    let it_es = pair("ITA", "ESP", 2018);
    assert_eq!(it_es.band, Band::Red);
    // ln(22,002.5 / 7,952.5) = 1.018; rel. difference 14,050 / 14,977 = 0.938.
    assert_eq!(round3(it_es.log_ratio), Some(1.018));
    assert_eq!(round3(it_es.rel_diff), Some(0.938));
}

#[test]
fn a_zero_emigration_has_no_ratio_but_a_finite_log_ratio() {
    let p = pair("BGR", "LTU", 2018);
    assert_eq!(p.immigration, Some(22.0));
    assert_eq!(p.emigration, Some(0.0));
    assert_eq!(p.ratio, None);
    assert_eq!(p.corrected_ratio, None);
    let l = p.log_ratio.unwrap_or(f64::NAN);
    assert!(l.is_finite());
    assert_eq!(round3(p.log_ratio), Some(3.807));
    assert_eq!(p.band, Band::Red);
}

#[test]
fn coverage_of_pair_years_2010_2019() {
    let coverage = report().coverage.clone().unwrap_or_default();
    assert_eq!(coverage.countries, 27);
    assert_eq!(coverage.years, Some([2010, 2019]));
    assert_eq!(coverage.cells, 7020);
    assert_eq!(coverage.both, 1792);
    assert_eq!(coverage.immigration_only, 1832);
    assert_eq!(coverage.emigration_only, 1728);
    assert_eq!(coverage.neither, 1668);
    // Every pair-year with at least one side reported is a pair of the report.
    let pairs = report().pairs_of(None, Sex::T).count();
    assert_eq!(pairs, 1792 + 1832 + 1728);
    let two_sided = report()
        .pairs_of(None, Sex::T)
        .filter(|p| p.is_two_sided())
        .count();
    assert_eq!(two_sided, 1792);
    // `docs/domain.md#coverage-and-reference-numbers`: in 2019 both sides are reported for 200 of
    // 702 pair-years.
    let by_year = migreview::coverage::mirror_coverage_by_year(dataset());
    let y2019 = by_year
        .iter()
        .find(|(y, _)| *y == 2019)
        .map(|(_, c)| c.clone());
    assert_eq!(y2019.as_ref().map(|c| (c.both, c.cells)), Some((200, 702)));
}

#[test]
fn published_pair_ratios_of_domain_3_6() {
    // MigMod mig_data, as in `docs/domain.md#coverage-and-reference-numbers`: (sender, receiver,
    // year, I, E, I/E).
    let cases = [
        ("FIN", "SWE", 2010, 2795.0, 2828.0, 0.99),
        ("FIN", "SWE", 2019, 2659.0, 2601.0, 1.02),
        ("SWE", "FIN", 2019, 2764.0, 2858.0, 0.97),
        ("DNK", "SWE", 2010, 4962.0, 4016.0, 1.24),
        ("ITA", "BEL", 2019, 6576.0, 2623.0, 2.51),
        ("ESP", "BEL", 2019, 6617.0, 4010.0, 1.65),
        ("EST", "FIN", 2019, 2003.0, 5256.0, 0.38),
        ("LTU", "SWE", 2010, 1361.0, 1682.0, 0.81),
    ];
    for (sender, receiver, year, i, e, ratio) in cases {
        let p = pair(sender, receiver, year);
        assert_eq!(
            (p.immigration, p.emigration),
            (Some(i), Some(e)),
            "{sender}→{receiver} {year}"
        );
        let r = p.ratio.map(|r| (r * 100.0).round() / 100.0);
        assert_eq!(r, Some(ratio), "{sender}→{receiver} {year}");
    }
    let slovakia = pair("SVK", "BEL", 2010);
    assert_eq!(slovakia.ratio.map(|r| r.round()), Some(72.0));
}

#[test]
fn sending_country_totals_of_2019_match_the_published_ratios() {
    // `docs/domain.md#coverage-and-reference-numbers`: I/E of each sending country's totals over
    // the partners with both sides reported, 2019. The country view gives E/I (the country's own
    // figure first). Slovakia is the one country with partners whose side is 0 in 2019: EST and SVN
    // report 38 and 67 immigrants from Slovakia, Slovakia 0 emigrants to them. A zero is reported,
    // so the country view counts them: 6,633 / 988 = 6.71. The published 6.61 leaves them out:
    // 6,528 / 988.
    let emigration_2019 = |country: &str| {
        report()
            .countries
            .iter()
            .find(|c| {
                c.country == country
                    && c.direction == mirror::FlowDirection::Emigration
                    && c.year == 2019
            })
            .unwrap_or_else(|| panic!("{country} emigration 2019"))
    };
    let slovakia = &emigration_2019("SVK").all;
    assert_eq!(
        (
            slovakia.partners,
            slovakia.reported,
            slovakia.partners_report
        ),
        (13, 988.0, 6633.0)
    );
    let without_zeros = slovakia.partners_report - 38.0 - 67.0;
    assert_eq!(
        (without_zeros / slovakia.reported * 100.0).round() / 100.0,
        6.61
    );
    let published = [
        ("ITA", 1.90),
        ("FIN", 1.58),
        ("BGR", 1.49),
        ("HRV", 1.39),
        ("LTU", 1.34),
        ("SWE", 1.15),
        ("FRA", 0.98),
        ("NLD", 0.95),
        ("ESP", 0.92),
        ("BEL", 0.86),
        ("SVN", 0.77),
        ("DNK", 0.68),
        ("AUT", 0.66),
        ("EST", 0.46),
    ];
    for (country, i_over_e) in published {
        let flows = emigration_2019(country);
        let ratio = flows.all.ratio.unwrap_or(f64::NAN);
        assert_eq!(
            ((1.0 / ratio) * 100.0).round() / 100.0,
            i_over_e,
            "{country}"
        );
        let (low, high) = (
            flows.all.ratio_low.unwrap_or(f64::NAN),
            flows.all.ratio_high.unwrap_or(f64::NAN),
        );
        assert!(
            low <= ratio && ratio <= high,
            "{country}: {low} {ratio} {high}"
        );
    }
}

/// ln k! for k = 0..=n, summed from the logarithms (no gamma function).
fn ln_factorials(n: usize) -> Vec<f64> {
    let mut table = vec![0.0f64; n + 1];
    for k in 1..=n {
        table[k] = table[k - 1] + (k as f64).ln();
    }
    table
}

/// P(X ≥ x) (`upper`) or P(X ≤ x) for X ~ Binomial(n, p), term by term.
fn binomial_tail(x: usize, n: usize, p: f64, upper: bool, ln_fact: &[f64]) -> f64 {
    let range = if upper { x..=n } else { 0..=x };
    range
        .map(|k| {
            (ln_fact[n] - ln_fact[k] - ln_fact[n - k]
                + k as f64 * p.ln()
                + (n - k) as f64 * (-p).ln_1p())
            .exp()
        })
        .sum()
}

/// The Clopper–Pearson bounds by their definition: the p at which the binomial tail beyond the
/// observed count is 2.5 %, found by bisection.
fn reference_interval(immigration: usize, emigration: usize) -> [f64; 2] {
    let n = immigration + emigration;
    let ln_fact = ln_factorials(n);
    let solve = |upper: bool| {
        let (mut low, mut high) = (0.0f64, 1.0f64);
        for _ in 0..100 {
            let p = 0.5 * (low + high);
            let tail = binomial_tail(immigration, n, p, upper, &ln_fact);
            // P(X ≥ x) grows with p; P(X ≤ x) falls.
            if (tail < 0.025) == upper {
                low = p;
            } else {
                high = p;
            }
        }
        0.5 * (low + high)
    };
    let p_low = if immigration == 0 { 0.0 } else { solve(true) };
    let p_high = if emigration == 0 { 1.0 } else { solve(false) };
    let odds = |p: f64| {
        if p >= 1.0 {
            f64::INFINITY
        } else {
            p / (1.0 - p)
        }
    };
    [odds(p_low), odds(p_high)]
}

#[test]
fn pair_intervals_are_the_exact_binomial_intervals() {
    for (sender, receiver, year) in [
        ("ESP", "FRA", 2018),
        ("NLD", "BEL", 2018),
        ("ITA", "ESP", 2018),
        ("FIN", "EST", 2018),
        ("BGR", "LTU", 2018),
        ("SVK", "BEL", 2010),
    ] {
        let p = pair(sender, receiver, year);
        let (i, e) = (p.immigration.unwrap(), p.emigration.unwrap());
        assert_eq!(
            (p.corrected_immigration, p.corrected_emigration),
            (Some(i), Some(e))
        );
        let [low, high] = reference_interval(i as usize, e as usize);
        let got_low = p.ratio_low.unwrap();
        assert!(
            (got_low - low).abs() <= 1e-7 * low.max(1e-3),
            "{sender}→{receiver}: {got_low} {low}"
        );
        match p.ratio_high {
            Some(got_high) => assert!(
                (got_high - high).abs() <= 1e-7 * high,
                "{sender}→{receiver}: {got_high} {high}"
            ),
            None => assert_eq!(high, f64::INFINITY, "{sender}→{receiver}"),
        }
    }
    // ITA→ESP 2018, 22,002 against 7,952: the whole interval lies beyond a factor of two.
    let it_es = pair("ITA", "ESP", 2018);
    assert!(it_es.ratio_low.unwrap() > 2.0 && it_es.band == Band::Red);
    // BGR→LTU 2018, 22 against 0: no upper bound, red because even the lower one is far off.
    assert_eq!(pair("BGR", "LTU", 2018).ratio_high, None);
}
