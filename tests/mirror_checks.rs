//! M1 and M2 on small hand-made data sets with known figures, through `CheckOutput`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod mirror_fixtures;

use migreview::checks::mirror::mirror_checks;
use migreview::checks::{CheckCode, CheckOutput, Outcome, Severity, registry, run_checks};
use migreview::mirror::{self, MirrorReport, MirrorSettings};
use migreview::model::Lang;
use migreview::model::{Dataset, TableId};
use migreview::settings::Settings;
use mirror_fixtures::{Sex, dataset, emi, imm};

fn run_with(code: CheckCode, dataset: &Dataset, mirror: Option<&MirrorReport>) -> CheckOutput {
    let settings = Settings::default();
    let checks: Vec<_> = mirror_checks()
        .into_iter()
        .filter(|c| c.code() == code)
        .collect();
    assert_eq!(checks.len(), 1, "{code} is among the mirror checks");
    let mut outputs = run_checks(&checks, dataset, &settings.checks, &settings.mirror, mirror);
    outputs
        .pop()
        .unwrap_or_else(|| panic!("{code} gives an output"))
}

fn run(code: CheckCode, dataset: &Dataset) -> CheckOutput {
    let report = mirror::analyse(dataset, &MirrorSettings::default());
    run_with(code, dataset, Some(&report))
}

/// Pairs into several receivers from KAZ, 2010.
fn kaz_partners() -> Dataset {
    dataset(vec![
        // RUS 41,200 from KAZ against KAZ 30,100 to RUS: ratio 1.369, |ln| 0.314 → warning.
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        emi("KAZ", "RUS", 2010, Some(30100.0)),
        // Agreement within 2 %: passes.
        imm("UZB", "KAZ", 2010, Some(1000.0)),
        emi("KAZ", "UZB", 2010, Some(1020.0)),
        // I + E = 15 < 20: not a case.
        imm("KGZ", "KAZ", 2010, Some(12.0)),
        emi("KAZ", "KGZ", 2010, Some(3.0)),
        // |ln(500 / 200)| = 0.916 → error.
        imm("TJK", "KAZ", 2010, Some(500.0)),
        emi("KAZ", "TJK", 2010, Some(200.0)),
        // |ln(12,000 / 10,000)| = 0.182, the interval 1.168–1.233 beyond ±10 % → info.
        imm("ARM", "KAZ", 2010, Some(12000.0)),
        emi("KAZ", "ARM", 2010, Some(10000.0)),
        // 1,200 against 1,000: the same ratio, but its interval 1.102–1.306 reaches agreement
        // within ±10 % (|ln 1.102| = 0.097) → passes.
        imm("MDA", "KAZ", 2010, Some(1200.0)),
        emi("KAZ", "MDA", 2010, Some(1000.0)),
        // 60 against 30: a ratio of 2 (|ln| 0.693, red by itself), but the interval 1.27–3.21
        // only rules out agreement within ±26 % (|ln 1.27| = 0.24) → info.
        imm("UKR", "KAZ", 2010, Some(60.0)),
        emi("KAZ", "UKR", 2010, Some(30.0)),
        // A 3-month receiver: 1,000 × 0.63 = 630 against 630 → agrees after the correction.
        imm("BLR", "KAZ", 2010, Some(1000.0)).months(3),
        emi("KAZ", "BLR", 2010, Some(630.0)),
        // One side only: coverage, not a case.
        imm("AZE", "KAZ", 2010, Some(800.0)),
        // Emigration reported as 0 against 45 immigrants: infinite |ln| → error.
        imm("GEO", "KAZ", 2010, Some(45.0)),
        emi("KAZ", "GEO", 2010, Some(0.0)),
    ])
}

#[test]
fn m1_flags_disagreeing_pairs_with_their_cell_and_figures() {
    let out = run(CheckCode::M1, &kaz_partners());
    assert_eq!(out.evaluated, 8, "RUS UZB TJK ARM MDA UKR BLR GEO");
    assert_eq!(out.failed, 5);
    assert_eq!(out.not_evaluable, 0);
    let rus = out
        .findings
        .iter()
        .find(|f| f.reporter.as_deref() == Some("RUS"))
        .unwrap_or_else(|| panic!("RUS–KAZ is flagged: {:?}", out.findings));
    assert_eq!(rus.outcome, Outcome::Fail);
    assert_eq!(rus.severity, Severity::Warning);
    assert_eq!(rus.table, Some(TableId::T3));
    assert_eq!(rus.category.as_deref(), Some("KAZ"));
    assert_eq!(rus.year, Some(2010));
    assert_eq!(rus.actual, Some(41200.0));
    assert_eq!(rus.expected, Some(30100.0));
    assert_eq!(
        rus.message(Lang::En),
        "RUS reports 41,200 immigrants from KAZ in 2010; KAZ reports 30,100 emigrants to RUS: \
         ratio 1.369 (|ln ratio| 0.314); 95 % interval of the ratio 1.349 to 1.389"
    );
    assert_eq!(
        rus.message(Lang::Ru),
        "RUS сообщает о 41\u{a0}200 иммигрантах из KAZ в 2010 г.; KAZ сообщает о 30\u{a0}100 \
         эмигрантах в RUS: отношение 1,369 (|ln отношения| 0,314); 95-процентный интервал \
         отношения от 1,349 до 1,389"
    );
    // The receiver's Table 3 cell: the first row of the fixture, D14.
    assert_eq!(
        rus.location.as_ref().map(|l| l.to_string()).as_deref(),
        Some("RUS.xlsx › Table 3 › D14")
    );
    let severity_of = |receiver: &str| {
        out.findings
            .iter()
            .find(|f| f.reporter.as_deref() == Some(receiver))
            .map(|f| f.severity)
    };
    assert_eq!(severity_of("TJK"), Some(Severity::Error));
    assert_eq!(severity_of("ARM"), Some(Severity::Info));
    assert_eq!(severity_of("MDA"), None, "its interval reaches agreement");
    assert_eq!(
        severity_of("UKR"),
        Some(Severity::Info),
        "by the end nearest agreement"
    );
    assert_eq!(severity_of("GEO"), Some(Severity::Error));
    assert_eq!(severity_of("UZB"), None, "agrees within 2 %");
    assert_eq!(
        severity_of("BLR"),
        None,
        "agrees after the duration correction"
    );
    assert_eq!(severity_of("KGZ"), None, "too small to judge");
    assert_eq!(severity_of("AZE"), None, "one-sided");
    let geo = out
        .findings
        .iter()
        .find(|f| f.reporter.as_deref() == Some("GEO"));
    assert!(
        geo.is_some_and(|f| f
            .message(Lang::En)
            .contains("ratio undefined (the other side is 0)")),
        "{geo:?}"
    );
}

#[test]
fn m1_reports_the_corrected_figures_when_a_correction_applies() {
    // A 60-month ("permanent") sender: its 400 emigrants count as 904 on the 12-month basis.
    let d = dataset(vec![
        imm("DEU", "SVK", 2012, Some(2000.0)),
        emi("SVK", "DEU", 2012, Some(400.0)).months(60),
    ]);
    let out = run(CheckCode::M1, &d);
    assert_eq!((out.evaluated, out.failed), (1, 1));
    let f = &out.findings[0];
    // Raw ratio 5.000; corrected 2,000 / 904 = 2.212, |ln| 0.794 → error.
    assert_eq!(
        f.message(Lang::En),
        "DEU reports 2,000 immigrants from SVK in 2012; SVK reports 400 emigrants to DEU: ratio \
         5.000; after the duration-of-stay correction 2,000 against 904: ratio 2.212 (|ln ratio| \
         0.794); 95 % interval of the ratio 2.044 to 2.396"
    );
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn m1_runs_by_sex_where_both_sides_give_it() {
    let d = dataset(vec![
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        emi("KAZ", "RUS", 2010, Some(41000.0)),
        imm("RUS", "KAZ", 2010, Some(20000.0)).sex(Sex::M),
        emi("KAZ", "RUS", 2010, Some(15000.0)).sex(Sex::M),
        imm("RUS", "KAZ", 2010, Some(21200.0)).sex(Sex::F),
        emi("KAZ", "RUS", 2010, Some(26000.0)).sex(Sex::F),
    ]);
    let out = run(CheckCode::M1, &d);
    assert_eq!(out.evaluated, 3);
    let sexes: Vec<Sex> = out.findings.iter().filter_map(|f| f.sex).collect();
    assert_eq!(sexes, vec![Sex::M, Sex::F]);
    assert!(
        out.findings[0].message(Lang::En).contains("in 2010 (men);"),
        "{}",
        out.findings[0].message(Lang::En)
    );
    assert_eq!(
        out.findings[0]
            .location
            .as_ref()
            .and_then(|l| l.cell_ref())
            .as_deref(),
        Some("D16")
    );
}

#[test]
fn m1_cannot_evaluate_a_pair_year_whose_side_has_a_row_without_a_number() {
    let d = dataset(vec![
        imm("RUS", "KAZ", 2010, Some(41200.0)),
        emi("KAZ", "RUS", 2010, None),
        imm("UZB", "KAZ", 2010, None),
        emi("KAZ", "UZB", 2010, Some(1000.0)),
        // A row on one side only: coverage, not a case.
        imm("AZE", "KAZ", 2010, None),
        // Men where both give men: the receiver's value is missing.
        imm("RUS", "KAZ", 2010, None).sex(Sex::M),
        emi("KAZ", "RUS", 2010, Some(100.0)).sex(Sex::M),
        // Women only in RUS's table 3: not paired by sex, so not a case either.
        imm("RUS", "KAZ", 2010, None).sex(Sex::F),
    ]);
    let out = run(CheckCode::M1, &d);
    assert_eq!((out.evaluated, out.failed, out.not_evaluable), (0, 0, 3));
    let seen: Vec<(String, Option<Sex>, Severity, Outcome, String, String)> = out
        .findings
        .iter()
        .map(|f| {
            (
                f.reporter.as_deref().unwrap_or_default().to_string(),
                f.sex,
                f.severity,
                f.outcome,
                f.message(Lang::En).into_owned(),
                f.location
                    .as_ref()
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let case = |receiver: &str, sex, message: &str, location: &str| {
        (
            receiver.to_string(),
            Some(sex),
            Severity::Info,
            Outcome::NotEvaluable,
            message.to_string(),
            location.to_string(),
        )
    };
    assert_eq!(
        seen,
        vec![
            case(
                "RUS",
                Sex::T,
                "Cannot check: KAZ's emigration to RUS in 2010 is missing (not available) at \
                 KAZ.xlsx › Table 4 › D15; RUS reports 41,200 immigrants from KAZ",
                "KAZ.xlsx › Table 4 › D15"
            ),
            case(
                "RUS",
                Sex::M,
                "Cannot check: RUS's immigration from KAZ in 2010 (men) is missing (not \
                 available) at RUS.xlsx › Table 3 › D19; KAZ reports 100 emigrants to RUS",
                "RUS.xlsx › Table 3 › D19"
            ),
            case(
                "UZB",
                Sex::T,
                "Cannot check: UZB's immigration from KAZ in 2010 is missing (not available) at \
                 UZB.xlsx › Table 3 › D16; KAZ reports 1,000 emigrants to UZB",
                "UZB.xlsx › Table 3 › D16"
            ),
        ]
    );
    let rus = &out.findings[0];
    assert_eq!(rus.table, Some(TableId::T3));
    assert_eq!(rus.category.as_deref(), Some("KAZ"));
    assert_eq!(rus.age.as_deref(), Some("TOTAL"));
    assert_eq!((rus.expected, rus.actual), (None, None));
    assert_eq!(
        rus.message(Lang::Ru),
        "Проверка невозможна: нет значения эмиграции из KAZ в RUS за 2010 г. (нет данных), \
         KAZ.xlsx › Table 4 › D15; RUS сообщает о 41\u{a0}200 иммигрантах из KAZ"
    );
    // The pairs are as before: each pair-year with one number is one-sided, and has no measure.
    let report = mirror::analyse(&d, &MirrorSettings::default());
    let one_sided: Vec<(&str, Sex, bool)> = report
        .pairs
        .iter()
        .map(|p| (p.receiver.as_str(), p.sex, p.is_two_sided()))
        .collect();
    assert_eq!(
        one_sided,
        vec![
            ("RUS", Sex::T, false),
            ("RUS", Sex::M, false),
            ("UZB", Sex::T, false)
        ]
    );
}

/// A disagreeing pair whose receiver gives its key twice, first without a number: the finding
/// points at the row that holds the number (the one the pairing counts), of its own key.
#[test]
fn m1_points_at_the_repeated_row_that_holds_the_number() {
    let d = dataset(vec![
        imm("DEU", "POL", 2011, None),
        imm("RUS", "KAZ", 2011, None),
        imm("RUS", "KAZ", 2011, Some(900.0)),
        imm("DEU", "POL", 2011, Some(600.0)),
        emi("POL", "DEU", 2011, Some(200.0)),
        emi("KAZ", "RUS", 2011, Some(300.0)),
    ]);
    let out = run(CheckCode::M1, &d);
    assert_eq!(out.failed, 2, "600 against 200, 900 against 300");
    let place = |receiver: &str| {
        out.findings
            .iter()
            .find(|f| f.reporter.as_deref() == Some(receiver))
            .and_then(|f| f.location.as_ref())
            .map(|l| l.to_string())
    };
    assert_eq!(place("DEU").as_deref(), Some("DEU.xlsx › Table 3 › D17"));
    assert_eq!(place("RUS").as_deref(), Some("RUS.xlsx › Table 3 › D16"));
}

#[test]
fn m1_names_both_sides_when_neither_holds_a_number() {
    let d = dataset(vec![
        imm("RUS", "KAZ", 2011, None),
        emi("KAZ", "RUS", 2011, None),
        // A repeated key: the row with the number counts, as in the pairing.
        imm("DEU", "POL", 2011, None),
        imm("DEU", "POL", 2011, Some(300.0)),
        emi("POL", "DEU", 2011, Some(310.0)),
    ]);
    let out = run(CheckCode::M1, &d);
    assert_eq!((out.evaluated, out.failed, out.not_evaluable), (1, 0, 1));
    let f = &out.findings[0];
    assert_eq!(
        f.message(Lang::En),
        "Cannot check: RUS's immigration from KAZ in 2011 is missing (not available) at \
         RUS.xlsx › Table 3 › D14, and KAZ's emigration to RUS is missing (not available) at \
         KAZ.xlsx › Table 4 › D15"
    );
    assert_eq!(
        f.message(Lang::Ru),
        "Проверка невозможна: нет значений иммиграции в RUS из KAZ за 2011 г. (нет данных), \
         RUS.xlsx › Table 3 › D14 и эмиграции из KAZ в RUS (нет данных), KAZ.xlsx › Table 4 › D15"
    );
    assert_eq!(
        f.location.as_ref().map(|l| l.to_string()).as_deref(),
        Some("RUS.xlsx › Table 3 › D14")
    );
}

/// POL undercounts its emigration to three partners; its immigration agrees.
fn pol_2008() -> Dataset {
    dataset(vec![
        emi("POL", "DEU", 2008, Some(3000.0)),
        emi("POL", "SWE", 2008, Some(400.0)),
        emi("POL", "NLD", 2008, Some(151.0)),
        imm("DEU", "POL", 2008, Some(20000.0)),
        imm("SWE", "POL", 2008, Some(5000.0)),
        imm("NLD", "POL", 2008, Some(1943.0)),
        imm("POL", "DEU", 2008, Some(1000.0)),
        imm("POL", "SWE", 2008, Some(200.0)),
        imm("POL", "NLD", 2008, Some(100.0)),
        emi("DEU", "POL", 2008, Some(1100.0)),
        emi("SWE", "POL", 2008, Some(190.0)),
        emi("NLD", "POL", 2008, Some(95.0)),
    ])
}

#[test]
fn m2_flags_a_country_whose_flows_disagree_with_its_partners() {
    let out = run(CheckCode::M2, &pol_2008());
    // Per country and direction: POL, DEU, SWE, NLD × emigration, immigration.
    assert_eq!(out.evaluated, 8);
    assert_eq!(out.failed, 4);
    let pol = out
        .findings
        .iter()
        .find(|f| f.reporter.as_deref() == Some("POL"))
        .unwrap_or_else(|| panic!("POL is flagged: {:?}", out.findings));
    assert_eq!(pol.table, Some(TableId::T4));
    assert_eq!(pol.severity, Severity::Warning);
    assert_eq!(pol.actual, Some(3551.0));
    assert_eq!(pol.expected, Some(26943.0));
    assert_eq!(
        pol.message(Lang::En),
        "POL reports 3,551 emigrants to 3 partners in 2008; those partners report 26,943 \
         immigrants from POL: ratio 0.132 (outside 0.7–1.43)"
    );
    assert!(
        pol.message(Lang::Ru)
            .starts_with("POL сообщает о 3\u{a0}551 эмигрантах в страны-партнёры (3) в 2008 г.")
    );
    assert!(
        pol.message(Lang::Ru)
            .contains("отношение 0,132 (вне 0,7–1,43)"),
        "{}",
        pol.message(Lang::Ru)
    );
    // The partners' immigration from POL is too high against POL's emigration: DEU 20,000
    // against 3,000 (6.667), SWE 5,000 / 400, NLD 1,943 / 151.
    let mut flagged: Vec<(String, TableId)> = out
        .findings
        .iter()
        .filter_map(|f| Some((f.reporter.as_deref()?.to_string(), f.table?)))
        .collect();
    flagged.sort();
    assert_eq!(
        flagged,
        vec![
            ("DEU".to_string(), TableId::T3),
            ("NLD".to_string(), TableId::T3),
            ("POL".to_string(), TableId::T4),
            ("SWE".to_string(), TableId::T3),
        ]
    );
    let deu = out
        .findings
        .iter()
        .find(|f| f.reporter.as_deref() == Some("DEU"));
    assert!(
        deu.is_some_and(|f| f.message(Lang::En)
            == "DEU reports 20,000 immigrants from 1 partner in 2008; those partners report \
                3,000 emigrants to DEU: ratio 6.667 (outside 0.7–1.43)"),
        "{deu:?}"
    );
}

#[test]
fn agreeing_data_raise_nothing() {
    let d = dataset(vec![
        imm("FIN", "SWE", 2010, Some(2875.0)),
        emi("SWE", "FIN", 2010, Some(2900.0)),
        imm("SWE", "FIN", 2010, Some(2795.0)),
        emi("FIN", "SWE", 2010, Some(2828.0)),
        imm("DNK", "SWE", 2010, Some(4474.0)),
        emi("SWE", "DNK", 2010, Some(4400.0)),
    ]);
    for code in [CheckCode::M1, CheckCode::M2] {
        let out = run(code, &d);
        assert!(out.evaluated >= 3, "{code}: {}", out.evaluated);
        assert_eq!(out.failed, 0, "{code}: {:?}", out.findings);
        assert!(out.findings.is_empty());
    }
}

#[test]
fn the_checks_compute_the_mirror_statistics_when_the_run_has_none() {
    let d = kaz_partners();
    for code in [CheckCode::M1, CheckCode::M2] {
        let without_report = run_with(code, &d, None);
        let with_report = run(code, &d);
        assert!(with_report.evaluated > 0);
        assert_eq!(without_report.evaluated, with_report.evaluated);
        assert_eq!(without_report.findings, with_report.findings);
    }
}

#[test]
fn the_registry_runs_m1_and_m2() {
    let codes: Vec<CheckCode> = registry().iter().map(|c| c.code()).collect();
    assert_eq!(codes.len(), 28);
    assert_eq!(&codes[26..], &[CheckCode::M1, CheckCode::M2]);
}
