//! Why a pair disagrees: the partner-structure distance of a country and the stability of a
//! pair over the years, on small hand-made data sets with known figures.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod mirror_fixtures;

use migreview::mirror::{self, FlowDirection, MirrorReport, MirrorSettings, Reading};
use migreview::model::{Dataset, Lang};
use mirror_fixtures::{dataset, emi, imm};

fn analyse(d: &Dataset) -> MirrorReport {
    mirror::analyse(d, &MirrorSettings::default())
}

/// A partner, the emigration to it as Austria reports it, the immigration as it reports it.
type Flow = (&'static str, f64, f64);

/// Austria's emigration to three partners as it reports it and as they report it: in 2010 the
/// same mix at twice the level, in 2011 no partner in common, in 2012 a little apart.
fn austrias_emigration() -> Dataset {
    let mut rows = Vec::new();
    let years: [(u16, [Flow; 3]); 3] = [
        (
            2010,
            [
                ("DEU", 600.0, 1200.0),
                ("CZE", 400.0, 800.0),
                ("POL", 0.0, 0.0),
            ],
        ),
        (
            2011,
            [
                ("DEU", 1000.0, 0.0),
                ("CZE", 0.0, 1000.0),
                ("POL", 0.0, 0.0),
            ],
        ),
        (
            2012,
            [
                ("DEU", 500.0, 400.0),
                ("CZE", 300.0, 400.0),
                ("POL", 200.0, 200.0),
            ],
        ),
    ];
    for (year, partners) in years {
        for (partner, emigration, immigration) in partners {
            rows.push(emi("AUT", partner, year, Some(emigration)));
            rows.push(imm(partner, "AUT", year, Some(immigration)));
        }
    }
    dataset(rows)
}

#[test]
fn the_partner_structure_distance_is_0_for_the_same_mix_and_1_for_none_shared() {
    let r = analyse(&austrias_emigration());
    let distance = |year: u16| {
        r.structure
            .iter()
            .find(|s| {
                s.country == "AUT" && s.direction == FlowDirection::Emigration && s.year == year
            })
            .map(|s| (s.partners, s.distance))
    };
    // The same mix (60 % and 40 %), though the partners count twice as many: a level problem.
    assert_eq!(distance(2010), Some((3, 0.0)));
    // Austria counts all its emigrants to Germany, the partners all of them in Czechia.
    assert_eq!(distance(2011), Some((3, 1.0)));
    // 50/30/20 against 40/40/20: ½ (0.1 + 0.1 + 0).
    let (partners, mixed) = distance(2012).unwrap();
    assert_eq!(partners, 3);
    assert!((mixed - 0.1).abs() < 1e-12, "{mixed}");
    // Each partner's immigration has one partner (Austria): no distance to tell.
    assert!(
        r.structure
            .iter()
            .all(|s| s.direction == FlowDirection::Emigration)
    );
}

/// ln((I + 0.5) / (E + 0.5)), the corrected log ratio of a pair-year without correction.
fn l(immigration: f64, emigration: f64) -> f64 {
    ((immigration + 0.5) / (emigration + 0.5)).ln()
}

fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

#[test]
fn each_pair_over_the_years_reads_as_offset_noise_or_a_break() {
    // Emigration is 1,000 every year; immigration as the receiver reports it.
    let series: [(&str, [f64; 6]); 4] = [
        // Half again as many every year: a stable offset.
        ("FRA", [1500.0, 1550.0, 1480.0, 1520.0, 1500.0, 1530.0]),
        // Up and down: volatile.
        ("ITA", [1000.0, 1800.0, 900.0, 1700.0, 1100.0, 2000.0]),
        // From about 1,000 to about 2,500 in 2013: a change of method.
        ("NLD", [1000.0, 1020.0, 990.0, 2500.0, 2480.0, 2520.0]),
        // The same figure: agreement.
        ("BEL", [1000.0, 1010.0, 990.0, 1000.0, 1005.0, 995.0]),
    ];
    let mut rows = Vec::new();
    for (receiver, values) in series {
        for (k, value) in values.into_iter().enumerate() {
            let year = 2010 + k as u16;
            rows.push(imm(receiver, "ESP", year, Some(value)));
            rows.push(emi("ESP", receiver, year, Some(1000.0)));
        }
    }
    // Two years only.
    rows.push(imm("PRT", "ESP", 2010, Some(700.0)));
    rows.push(emi("ESP", "PRT", 2010, Some(1000.0)));
    rows.push(imm("PRT", "ESP", 2011, Some(750.0)));
    rows.push(emi("ESP", "PRT", 2011, Some(1000.0)));
    let r = analyse(&dataset(rows));
    let of = |receiver: &str| {
        r.stability
            .iter()
            .find(|s| s.receiver == receiver && s.sender == "ESP")
            .cloned()
            .unwrap_or_else(|| panic!("{receiver}"))
    };
    for (receiver, values) in series {
        let logs: Vec<f64> = values.iter().map(|&i| l(i, 1000.0)).collect();
        let (mean, sd) = mean_sd(&logs);
        let s = of(receiver);
        assert_eq!(s.years, 6);
        assert!(
            (s.mean - mean).abs() < 1e-12,
            "{receiver}: {} {mean}",
            s.mean
        );
        assert!(
            (s.sd.unwrap() - sd).abs() < 1e-12,
            "{receiver}: {:?} {sd}",
            s.sd
        );
    }
    let (fra, ita, nld, bel) = (of("FRA"), of("ITA"), of("NLD"), of("BEL"));
    assert_eq!(fra.reading, Reading::StableOffset);
    assert_eq!(ita.reading, Reading::Volatile);
    assert_eq!(nld.reading, Reading::MethodChange);
    assert_eq!(bel.reading, Reading::Agreement);
    assert_eq!(of("PRT").reading, Reading::TooFewYears);
    // The break: ln(2,500.5 / 990.5) in 2013, against other changes all below 0.1.
    assert_eq!(nld.jump_year, Some(2013));
    let jump = l(2500.0, 1000.0) - l(990.0, 1000.0);
    assert!((nld.largest_jump.unwrap() - jump).abs() < 1e-12);
    assert!((nld.jump_ratio.unwrap() - jump / 0.1).abs() < 1e-9);
    // Each reading explains itself in both languages.
    assert!(
        fra.sentence(Lang::En)
            .starts_with("A stable offset: I/E is about 1.51 every year"),
        "{}",
        fra.sentence(Lang::En)
    );
    assert!(
        nld.sentence(Lang::Ru)
            .starts_with("Скачок: в 2013 г. I/E изменилось в 2,52 раза"),
        "{}",
        nld.sentence(Lang::Ru)
    );
}
