//! Pairing rules, the duration-of-stay correction, the country view and the harmonisation on
//! small hand-made data sets with known figures.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod mirror_fixtures;

use migreview::mirror::{
    self, Band, CorrectionSet, DurationSetting, FlowDirection, HarmoniseMethod, MirrorPair,
    MirrorReport, MirrorSettings, ReferenceGroup, RuleSource,
};
use migreview::model::Dataset;
use mirror_fixtures::{Row, Sex, dataset, emi, imm};

fn analyse(d: &Dataset) -> MirrorReport {
    mirror::analyse(d, &MirrorSettings::default())
}

fn find<'a>(
    r: &'a MirrorReport,
    sender: &str,
    receiver: &str,
    year: u16,
    sex: Sex,
) -> Option<&'a MirrorPair> {
    r.pairs
        .iter()
        .find(|p| p.sender == sender && p.receiver == receiver && p.year == year && p.sex == sex)
}

#[test]
fn only_countries_pair_and_missing_is_not_reported() {
    let d = dataset(vec![
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        emi("KAZ", "RUS", 2010, Some(30100.0)),
        // Aggregates, historical states, unknown and the total are not partners.
        imm("RUS", "EU27_2020", 2010, Some(500.0)),
        imm("RUS", "SUHH", 2010, Some(70.0)),
        imm("RUS", "UNK", 2010, Some(30.0)),
        imm("RUS", "TOTAL", 2010, Some(41800.0)),
        emi("KAZ", "TOTAL", 2010, Some(30100.0)),
        // An age group is not the age total.
        imm("RUS", "KAZ", 2010, Some(9000.0)).age("20-24"),
        // A missing side is not reported; with both sides missing there is no pair.
        imm("RUS", "UZB", 2010, Some(5000.0)),
        emi("UZB", "RUS", 2010, None),
        imm("RUS", "TJK", 2010, None),
        emi("TJK", "RUS", 2010, None),
        // Zero is reported.
        imm("RUS", "ARM", 2010, Some(0.0)),
        // A flow from a country to itself is P1's business, not a pair.
        imm("RUS", "RUS", 2010, Some(10.0)),
    ]);
    let r = analyse(&d);
    let listed: Vec<(&str, &str)> = r
        .pairs
        .iter()
        .map(|p| (p.sender.as_str(), p.receiver.as_str()))
        .collect();
    assert_eq!(listed, vec![("ARM", "RUS"), ("KAZ", "RUS"), ("UZB", "RUS")]);
    let kaz = find(&r, "KAZ", "RUS", 2010, Sex::T);
    assert_eq!(
        kaz.map(|p| (p.immigration, p.emigration)),
        Some((Some(41200.0), Some(30100.0)))
    );
    let uzb = find(&r, "UZB", "RUS", 2010, Sex::T);
    assert_eq!(
        uzb.map(|p| (p.emigration, p.band)),
        Some((None, Band::OneSided))
    );
    let arm = find(&r, "ARM", "RUS", 2010, Sex::T);
    assert_eq!(
        arm.map(|p| (p.immigration, p.emigration)),
        Some((Some(0.0), None))
    );
}

#[test]
fn men_and_women_pair_only_where_both_sides_give_them() {
    let d = dataset(vec![
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        imm("RUS", "KAZ", 2010, Some(20000.0)).sex(Sex::M),
        imm("RUS", "KAZ", 2010, Some(21200.0)).sex(Sex::F),
        emi("KAZ", "RUS", 2010, Some(30100.0)),
        // 2011: KAZ gives men, but not women.
        imm("RUS", "KAZ", 2011, Some(40000.0)),
        imm("RUS", "KAZ", 2011, Some(19000.0)).sex(Sex::M),
        imm("RUS", "KAZ", 2011, Some(21000.0)).sex(Sex::F),
        emi("KAZ", "RUS", 2011, Some(30000.0)),
        emi("KAZ", "RUS", 2011, Some(14000.0)).sex(Sex::M),
        // KAZ's Table 4 gives women for another partner only: a one-sided RUS pair for women.
        emi("KAZ", "UZB", 2011, Some(700.0)).sex(Sex::F),
    ]);
    let r = analyse(&d);
    let sexes = |year: u16| -> Vec<Sex> {
        r.pairs
            .iter()
            .filter(|p| p.year == year && p.receiver == "RUS")
            .map(|p| p.sex)
            .collect()
    };
    assert_eq!(
        sexes(2010),
        vec![Sex::T],
        "KAZ gives no sex breakdown in 2010"
    );
    assert_eq!(sexes(2011), vec![Sex::T, Sex::M, Sex::F]);
    let women = find(&r, "KAZ", "RUS", 2011, Sex::F);
    assert_eq!(
        women.map(|p| (p.immigration, p.emigration)),
        Some((Some(21000.0), None))
    );
    let men = find(&r, "KAZ", "RUS", 2011, Sex::M);
    assert_eq!(
        men.and_then(|p| p.ratio).map(|x| (x * 1000.0).round()),
        Some(1357.0)
    );
}

#[test]
fn duration_correction_from_the_data_the_settings_or_the_default() {
    // Austria-style: a 3-month receiver reports 962 immigrants; IMEM's 0.63 makes 606.06.
    let rows = |months: Option<u8>| -> Vec<Row<'static>> {
        let aut = imm("AUT", "SWE", 2002, Some(962.0));
        vec![
            match months {
                Some(m) => aut.months(m),
                None => aut,
            },
            emi("SWE", "AUT", 2002, Some(600.0)),
        ]
    };
    let from_data = analyse(&dataset(rows(Some(3))));
    let p = find(&from_data, "SWE", "AUT", 2002, Sex::T);
    let corrected = p.and_then(|p| p.corrected_immigration).unwrap_or(f64::NAN);
    assert!((corrected - 606.06).abs() < 1e-9, "{corrected}");
    assert_eq!(
        p.and_then(|p| p.immigration),
        Some(962.0),
        "the raw value is kept"
    );
    assert_eq!(p.and_then(|p| p.corrected_emigration), Some(600.0));
    let ratio = p.and_then(|p| p.corrected_ratio).unwrap_or(f64::NAN);
    assert!((ratio - 1.0101).abs() < 1e-4, "{ratio}");
    assert_eq!(p.map(|p| p.band), Some(Band::Green));
    let rule = from_data
        .durations
        .iter()
        .find(|r| r.reporter == "AUT" && r.direction == FlowDirection::Immigration);
    assert_eq!(
        rule.map(|r| (r.year, r.months, r.source, r.factor)),
        Some((2002, 3, RuleSource::Data, 0.63))
    );
    let swe = from_data
        .durations
        .iter()
        .find(|r| r.reporter == "SWE" && r.direction == FlowDirection::Emigration);
    assert_eq!(
        swe.map(|r| (r.months, r.source, r.factor)),
        Some((12, RuleSource::Default, 1.0))
    );

    // The same criterion from the user's settings, with Willekens' mixture factors (0.64).
    let settings = MirrorSettings {
        correction: CorrectionSet::WillekensMixture,
        durations: vec![DurationSetting {
            reporter: "AUT".into(),
            direction: Some(FlowDirection::Immigration),
            from_year: Some(2002),
            to_year: Some(2006),
            months: 3,
        }],
        ..MirrorSettings::default()
    };
    let from_settings = mirror::analyse(&dataset(rows(None)), &settings);
    let p = find(&from_settings, "SWE", "AUT", 2002, Sex::T);
    let corrected = p.and_then(|p| p.corrected_immigration).unwrap_or(f64::NAN);
    assert!((corrected - 615.68).abs() < 1e-9, "{corrected}");
    assert_eq!(
        from_settings
            .durations
            .iter()
            .find(|r| r.reporter == "AUT")
            .map(|r| r.source),
        Some(RuleSource::Settings)
    );
}

/// Four countries over five years. True flows of 1,000 each way; Sweden and Finland count
/// everything, Germany records 80 % of its immigration and 90 % of its emigration, Poland all
/// its immigration and 20 % of its emigration.
fn four_countries() -> Dataset {
    let capture = |c: &str| match c {
        "DEU" => (0.8, 0.9),
        "POL" => (1.0, 0.2),
        _ => (1.0, 1.0),
    };
    let countries = ["DEU", "FIN", "POL", "SWE"];
    let mut rows = Vec::new();
    for year in 2010..2015 {
        for sender in countries {
            for receiver in countries {
                if sender == receiver {
                    continue;
                }
                rows.push(imm(
                    receiver,
                    sender,
                    year,
                    Some(1000.0 * capture(receiver).0),
                ));
                rows.push(emi(
                    sender,
                    receiver,
                    year,
                    Some(1000.0 * capture(sender).1),
                ));
            }
        }
    }
    dataset(rows)
}

#[test]
fn the_reference_group_is_the_best_agreeing_third_but_at_least_three() {
    let r = analyse(&four_countries());
    let group = r
        .reference_group
        .clone()
        .unwrap_or_else(|| panic!("a reference group"));
    assert_eq!(group.method, "best-agreeing");
    // Medians of |log ratio|: FIN and SWE 0.053, DEU 0.164, POL 0.745.
    let ranking: Vec<(&str, f64)> = group
        .ranking
        .iter()
        .map(|c| {
            (
                c.country.as_str(),
                (c.median_abs_log_ratio * 1000.0).round() / 1000.0,
            )
        })
        .collect();
    assert_eq!(
        ranking,
        vec![
            ("FIN", 0.053),
            ("SWE", 0.053),
            ("DEU", 0.164),
            ("POL", 0.745)
        ]
    );
    assert_eq!(group.ranking[0].pair_years, 30);
    assert_eq!(group.countries, vec!["FIN", "SWE", "DEU"]);
    assert_eq!(group.note, None);
}

#[test]
fn country_view_shows_the_undercount_against_partners_with_an_interval() {
    let r = analyse(&four_countries());
    let pol = r
        .countries
        .iter()
        .find(|c| c.country == "POL" && c.direction == FlowDirection::Emigration && c.year == 2012)
        .unwrap_or_else(|| panic!("POL emigration 2012"));
    // POL reports 3 × 200 = 600; its partners report 800 + 1,000 + 1,000 = 2,800: 0.214.
    assert_eq!(pol.all.partners, 3);
    assert_eq!(pol.all.reported, 600.0);
    assert_eq!(pol.all.partners_report, 2800.0);
    assert_eq!(
        pol.all.ratio.map(|x| (x * 1000.0).round() / 1000.0),
        Some(0.214)
    );
    let (low, high) = (
        pol.all.ratio_low.unwrap_or(f64::NAN),
        pol.all.ratio_high.unwrap_or(f64::NAN),
    );
    // Resampled partners give ratios between 200/1,000 and 200/800.
    assert!(
        (0.2..=0.25).contains(&low) && (0.2..=0.25).contains(&high) && low < high,
        "{low} {high}"
    );
    // POL is not in the reference group, so all its partners are in it.
    assert_eq!(pol.reference.as_ref().map(|c| c.partners), Some(3));
    // Sweden's immigration against its partners' emigration: 3,000 / (900 + 1,000 + 200).
    let swe = r.countries.iter().find(|c| {
        c.country == "SWE" && c.direction == FlowDirection::Immigration && c.year == 2010
    });
    assert_eq!(
        swe.and_then(|c| c.all.ratio)
            .map(|x| (x * 1000.0).round() / 1000.0),
        Some(1.429)
    );
    // Against the reference group (FIN, DEU without SWE itself): 2,000 / 1,900.
    assert_eq!(
        swe.and_then(|c| c.reference.as_ref()?.ratio)
            .map(|x| (x * 1000.0).round() / 1000.0),
        Some(1.053)
    );
    // The intervals are the same on every run.
    assert_eq!(analyse(&four_countries()).countries, r.countries);
}

#[test]
fn a_listed_reference_group_is_used_as_given() {
    let settings = MirrorSettings {
        reference_group: ReferenceGroup::Listed(vec!["swe".into(), "NOR".into()]),
        ..MirrorSettings::default()
    };
    let r = mirror::analyse(&four_countries(), &settings);
    let group = r
        .reference_group
        .clone()
        .unwrap_or_else(|| panic!("a group"));
    assert_eq!(group.countries, vec!["SWE", "NOR"]);
    assert_eq!(
        group.note.as_deref(),
        Some("no two-sided pairs for NOR of the listed reference countries")
    );
    let pol = r
        .countries
        .iter()
        .find(|c| c.country == "POL" && c.direction == FlowDirection::Emigration);
    // Against Sweden alone: 200 / 1,000.
    assert_eq!(pol.and_then(|c| c.reference.as_ref()?.ratio), Some(0.2));
}

#[test]
fn harmonisation_recovers_country_factors_against_the_benchmark() {
    let settings = MirrorSettings {
        harmonise_method: HarmoniseMethod::LogLeastSquares,
        ..MirrorSettings::default()
    };
    let r = mirror::analyse(&four_countries(), &settings);
    let h = r
        .harmonisation
        .clone()
        .unwrap_or_else(|| panic!("harmonisation is on by default"));
    assert_eq!(h.benchmark, "SWE");
    assert_eq!(h.method, HarmoniseMethod::LogLeastSquares);
    assert_eq!(h.pairs, 60);
    // a and b for DEU, FIN, POL: 6 factors.
    assert_eq!(h.parameters, 6);
    let factor = |country: &str| {
        let f = h.factors.iter().find(|f| f.country == country);
        (
            f.and_then(|f| f.immigration_factor)
                .map(|x| (x * 100.0).round() / 100.0),
            f.and_then(|f| f.emigration_factor)
                .map(|x| (x * 100.0).round() / 100.0),
        )
    };
    // Reported × factor = the true flow: 1 / 0.8, 1 / 0.9, 1 / 0.2.
    assert_eq!(factor("DEU"), (Some(1.25), Some(1.11)));
    assert_eq!(factor("POL"), (Some(1.0), Some(5.0)));
    assert_eq!(factor("FIN"), (Some(1.0), Some(1.0)));
    assert_eq!(factor("SWE"), (Some(1.0), Some(1.0)));
    // The factors explain the data exactly.
    assert!(
        h.residual_sd.is_some_and(|sd| sd < 1e-9),
        "{:?}",
        h.residual_sd
    );
    assert_eq!(h.note, None);
    // Every pair-year of the fit has its residual ln I + a − ln E − b, here 0.
    let in_fit: Vec<f64> = r
        .pairs
        .iter()
        .filter(|p| p.sex == Sex::T)
        .filter_map(|p| p.residual)
        .collect();
    assert_eq!(in_fit.len(), 60);
    assert!(in_fit.iter().all(|r| r.abs() < 1e-9), "{in_fit:?}");
}

/// The four countries, and two more that exchange migrants only with each other.
fn four_and_an_island() -> Dataset {
    let mut d = four_countries();
    let island = dataset(vec![
        imm("EST", "LVA", 2010, Some(1200.0)),
        emi("LVA", "EST", 2010, Some(1000.0)),
        imm("LVA", "EST", 2010, Some(900.0)),
        emi("EST", "LVA", 2010, Some(600.0)),
    ]);
    d.merge(island);
    d
}

#[test]
fn poisson_harmonisation_recovers_the_factors_with_standard_errors() {
    let r = analyse(&four_and_an_island());
    let h = r
        .harmonisation
        .clone()
        .unwrap_or_else(|| panic!("harmonisation is on by default"));
    assert_eq!(h.method, HarmoniseMethod::Poisson);
    assert_eq!(h.benchmark, "SWE");
    // The island's four pair-years cannot be linked to Sweden: not in the fit.
    assert_eq!(h.pairs, 60);
    assert_eq!(h.parameters, 6);
    let f = |country: &str| {
        h.factors
            .iter()
            .find(|f| f.country == country)
            .cloned()
            .unwrap_or_else(|| panic!("{country}"))
    };
    // The benchmark is 1 exactly and has no standard error: it is fixed.
    let swe = f("SWE");
    assert_eq!(
        (swe.immigration_factor, swe.emigration_factor),
        (Some(1.0), Some(1.0))
    );
    assert_eq!((swe.immigration_se, swe.emigration_se), (None, None));
    // The data are made from the factors, so the maximum gives them back: 1 / 0.8 and 1 / 0.2.
    let (deu, pol) = (f("DEU"), f("POL"));
    assert!((deu.immigration_factor.unwrap_or(0.0) - 1.25).abs() < 1e-9);
    assert!((deu.emigration_factor.unwrap_or(0.0) - 1.0 / 0.9).abs() < 1e-9);
    assert!((pol.emigration_factor.unwrap_or(0.0) - 5.0).abs() < 1e-9);
    // Every estimated factor has a standard error; POL's emigration, from counts a fifth of
    // the size, is the least certain.
    for factor in h
        .factors
        .iter()
        .filter(|f| f.country != "SWE" && f.immigration_pairs > 6)
    {
        assert!(
            factor.immigration_se.is_some_and(|se| se > 0.0),
            "{factor:?}"
        );
        assert!(
            factor.emigration_se.is_some_and(|se| se > 0.0),
            "{factor:?}"
        );
    }
    assert!(pol.emigration_se > deu.emigration_se);
    // The island's factors are not identified.
    for code in ["EST", "LVA"] {
        let island = f(code);
        assert_eq!(
            (island.immigration_factor, island.emigration_factor),
            (None, None),
            "{code}"
        );
        assert_eq!((island.immigration_se, island.emigration_se), (None, None));
    }
    // Exact data: every residual in the fit is 0, and the island's pairs have none.
    let with_residual = r.pairs.iter().filter(|p| p.residual.is_some()).count();
    assert_eq!(with_residual, 60);
    assert!(
        r.pairs
            .iter()
            .all(|p| p.residual.is_none_or(|x| x.abs() < 1e-6))
    );
    assert!(
        r.pairs
            .iter()
            .filter(|p| p.sender == "EST" || p.sender == "LVA")
            .all(|p| p.residual.is_none())
    );
    // The JSON carries the method, the standard errors and the residuals.
    let json = serde_json::to_value(&r).unwrap_or_default();
    assert_eq!(json["harmonisation"]["method"], "poisson");
    assert!(json["harmonisation"]["factors"][0]["immigration_se"].is_number());
    assert!(json["pairs"][0].get("residual").is_some());
}

#[test]
fn a_report_without_the_new_fields_still_reads() {
    let old = r#"{"benchmark": "SWE", "pairs": 1, "parameters": 0, "residual_sd": null,
        "factors": [{"country": "SWE", "immigration_factor": 1.0, "emigration_factor": 1.0,
        "immigration_pairs": 1, "emigration_pairs": 1}], "note": null}"#;
    let h: mirror::Harmonisation = serde_json::from_str(old).unwrap();
    assert_eq!(h.method, HarmoniseMethod::LogLeastSquares);
    assert_eq!(h.factors[0].immigration_se, None);
}

#[test]
fn the_report_keeps_the_contract_fields() {
    let r = analyse(&dataset(vec![
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        emi("KAZ", "RUS", 2010, Some(30100.0)),
    ]));
    let json = serde_json::to_value(&r).unwrap_or_default();
    let pair = &json["pairs"][0];
    assert_eq!(pair["receiver"], "RUS");
    assert_eq!(pair["sender"], "KAZ");
    assert_eq!(pair["sex"], "T");
    assert_eq!(pair["immigration"], 41200.0);
    assert_eq!(pair["emigration"], 30100.0);
    assert_eq!(pair["band"], "amber");
    assert!(
        pair["corrected_ratio"]
            .as_f64()
            .is_some_and(|x| (x - 1.3688).abs() < 1e-4)
    );
    assert_eq!(json["coverage"]["cells"], 2);
    assert_eq!(json["coverage"]["both"], 1);
    assert_eq!(json["countries"][0]["direction"], "emigration");
    let one_sided = analyse(&dataset(vec![imm("RUS", "KAZ", 2010, Some(5.0))]));
    let json = serde_json::to_value(&one_sided).unwrap_or_default();
    assert!(json["pairs"][0]["ratio"].is_null());
    assert!(json["pairs"][0]["log_ratio"].is_null());
    assert_eq!(json["pairs"][0]["band"], "one-sided");
}
