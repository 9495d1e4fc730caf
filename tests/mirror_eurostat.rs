//! Mirror statistics on the real Eurostat bilateral flows 2010–2019 (migr_imm5prv, migr_emi3nxt;
//! see /work/shared/realdata/README.md): published pairs, a zero denominator and the coverage.

use migreview::load::{ImportOptions, LoadControl, load_file};
use migreview::mirror::{self, Band, MirrorPair, MirrorReport, MirrorSettings};
use migreview::model::{Dataset, Sex};
use std::path::Path;
use std::sync::OnceLock;

const BILATERAL: &str = "/work/shared/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv";

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
    // domain.md §3.5: in 2019 both sides are reported for 200 of 702 pair-years.
    let by_year = migreview::coverage::mirror_coverage_by_year(dataset());
    let y2019 = by_year
        .iter()
        .find(|(y, _)| *y == 2019)
        .map(|(_, c)| c.clone());
    assert_eq!(y2019.as_ref().map(|c| (c.both, c.cells)), Some((200, 702)));
}
