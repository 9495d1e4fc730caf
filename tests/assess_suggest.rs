//! Scores suggested from data, findings and mirror ratios, on small hand-made fixtures.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::assess::{
    AssessSettings, CountryAssessment, CountryRatio, Criterion, DataSource, Direction,
    DurationBasis, Evidence, EvidenceRef, Score, ScoreBasis, SourceKind, TableFeed, suggest,
};
use migreview::checks::{CheckCode, Dimension, Finding, Outcome, Severity};
use migreview::model::{Dataset, Location, NewObs, Sex, SourceFile, TableId, Value};

const ALL_CHECKS: &[CheckCode] = &CheckCode::ALL;

fn dataset() -> Dataset {
    let mut data = Dataset::new();
    data.add_file(SourceFile {
        path: "KAZ.xlsx".into(),
        name: "KAZ.xlsx".into(),
        sha256: String::new(),
    });
    data
}

struct Row<'a> {
    table: TableId,
    year: u16,
    sex: Sex,
    age: &'a str,
    category: &'a str,
    value: f64,
    flag: &'a str,
    duration: Option<u8>,
}

fn row<'a>(table: TableId, year: u16, category: &'a str, value: f64) -> Row<'a> {
    Row {
        table,
        year,
        sex: Sex::T,
        age: "TOTAL",
        category,
        value,
        flag: "",
        duration: None,
    }
}

fn push(data: &mut Dataset, reporter: &str, r: Row<'_>) {
    let row = data.len() as u32 + 1;
    data.push_new(NewObs {
        table: r.table,
        reporter,
        year: r.year,
        sex: r.sex,
        age: r.age,
        category: r.category,
        value: Value::Number(r.value),
        flag: r.flag,
        source: "population register",
        duration: r.duration,
        file: 0,
        sheet: "Table",
        row,
        col: 3,
    });
}

fn finding(check: CheckCode, table: TableId, year: u16, expected: f64, actual: f64) -> Finding {
    Finding {
        check,
        severity: Severity::Error,
        outcome: Outcome::Fail,
        dimension: Dimension::Accuracy,
        level: 1,
        table: Some(table),
        reporter: Some("KAZ".into()),
        year: Some(year),
        sex: Some(Sex::T),
        age: Some("TOTAL".into()),
        category: Some("TOTAL".into()),
        expected: Some(expected),
        actual: Some(actual),
        message: migreview::checks::Message::written(
            format!("Total {actual} ≠ {expected}"),
            String::new(),
        ),
        location: Some(Location::cell_of(
            "KAZ.xlsx",
            format!("Table {table}"),
            13,
            3,
        )),
    }
}

fn register(feeds: &[(TableId, Option<[u16; 2]>)]) -> DataSource {
    let mut source = DataSource::new(
        "KAZ-REG",
        "Population register",
        SourceKind::PopulationRegister,
    );
    source.feeds = feeds.iter().map(|(t, y)| TableFeed::new(*t, *y)).collect();
    source
}

fn settings() -> AssessSettings {
    AssessSettings {
        reference_date: Some(jiff::civil::date(2013, 6, 30)),
        ..AssessSettings::default()
    }
}

fn find(
    suggestions: &[migreview::assess::Suggestion],
    criterion: Criterion,
) -> Option<&migreview::assess::Suggestion> {
    suggestions.iter().find(|s| s.criterion == criterion)
}

fn score(n: u8) -> Score {
    Score::new(n).unwrap_or_else(|| unreachable!())
}

#[test]
fn thirty_percent_unknown_partner_gives_unknown_share_0_with_u1_as_evidence() {
    let mut data = dataset();
    for (category, value) in [
        ("TOTAL", 10_000.0),
        ("RUS", 5_000.0),
        ("UZB", 2_000.0),
        ("UNK", 3_000.0),
    ] {
        push(&mut data, "KAZ", row(TableId::T3, 2010, category, value));
    }
    let mut u1 = finding(CheckCode::U1, TableId::T3, 2010, 10_000.0, 3_000.0);
    u1.category = Some("UNK".into());
    let findings = vec![u1.clone()];
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &findings,
        country_ratios: &[],
    };
    let source = register(&[(TableId::T3, Some([2008, 2012]))]);
    let suggestions = suggest(&evidence, "KAZ", &source, &settings());
    let unknown = find(&suggestions, Criterion::UnknownShare);
    assert_eq!(unknown.map(|s| s.score), Some(score(0)));
    let unknown = unknown.cloned().unwrap_or_else(|| unreachable!());
    assert!(
        unknown.evidence_en.starts_with(
            "30.0\u{a0}% of the persons in table 3 (2010) have an unknown country of previous residence (3,000 of 10,000)."
        ),
        "{}",
        unknown.evidence_en
    );
    assert!(
        unknown
            .evidence_en
            .contains("Cases flagged by check U1: 1."),
        "{}",
        unknown.evidence_en
    );
    assert!(
        unknown.evidence_ru.contains("30,0\u{a0}%"),
        "{}",
        unknown.evidence_ru
    );
    assert!(unknown.refs.contains(&EvidenceRef::UnknownShare {
        table: TableId::T3,
        years: [2010, 2010],
        unknown: 3_000.0,
        total: 10_000.0,
        share: 0.3,
    }));
    assert!(unknown.refs.iter().any(|r| matches!(
        r,
        EvidenceRef::Check {
            check: CheckCode::U1,
            findings: 1,
            ..
        }
    )));
    assert!(unknown.refs.contains(&EvidenceRef::Finding {
        case_id: u1.case_id()
    }));
}

#[test]
fn unknown_share_bands_follow_the_rubric_and_the_worst_table_counts() {
    let mut data = dataset();
    // Table 3: 150 of 10,000 unknown (1.5 %); table 4: 400 of 5,000 (8 %), pooled over two years.
    for year in [2010, 2011] {
        push(&mut data, "KAZ", row(TableId::T3, year, "TOTAL", 5_000.0));
        push(&mut data, "KAZ", row(TableId::T3, year, "UNK", 75.0));
        push(&mut data, "KAZ", row(TableId::T4, year, "TOTAL", 2_500.0));
        push(&mut data, "KAZ", row(TableId::T4, year, "UNK", 200.0));
        // Another reporter's unknowns are not this source's.
        push(&mut data, "RUS", row(TableId::T4, year, "UNK", 2_400.0));
    }
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    let only_3 = suggest(
        &evidence,
        "KAZ",
        &register(&[(TableId::T3, None)]),
        &settings(),
    );
    assert_eq!(
        find(&only_3, Criterion::UnknownShare).map(|s| s.score),
        Some(score(3))
    );
    let both = suggest(
        &evidence,
        "KAZ",
        &register(&[(TableId::T3, None), (TableId::T4, None)]),
        &settings(),
    );
    let unknown = find(&both, Criterion::UnknownShare);
    assert_eq!(unknown.map(|s| s.score), Some(score(1)));
    let text = unknown.map(|s| s.evidence_en.clone()).unwrap_or_default();
    assert!(text.starts_with("8.0\u{a0}% of the persons in table 4 (2010–2011) have an unknown country of next residence (400 of 5,000). Other tables: 3 1.5\u{a0}%."), "{text}");
    assert!(text.contains("Check U1 flagged no case."), "{text}");
    // Years outside the source's feed do not count.
    let later = suggest(
        &evidence,
        "KAZ",
        &register(&[(TableId::T4, Some([2012, 2013]))]),
        &settings(),
    );
    assert_eq!(find(&later, Criterion::UnknownShare), None);
}

#[test]
fn emigration_at_0_45_of_partners_immigration_gives_emigration_capture_1() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T4, 2010, "TOTAL", 4_500.0));
    let ratios = vec![CountryRatio::new(
        "KAZ",
        Direction::Emigration,
        2010,
        4_500.0,
        10_000.0,
    )];
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &ratios,
    };
    let source = register(&[(TableId::T4, Some([2008, 2012]))]);
    let suggestions = suggest(&evidence, "KAZ", &source, &settings());
    let capture = find(&suggestions, Criterion::EmigrationCapture)
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(capture.score, score(1));
    assert!(
        capture.evidence_en.starts_with(
            "Emigration reported by Kazakhstan is 0.45 of the immigration its partner countries report from it (2010: 4,500 against 10,000): partners record 2.2 times more arrivals than it records departures."
        ),
        "{}",
        capture.evidence_en
    );
    assert!(
        capture.evidence_ru.contains("0,45"),
        "{}",
        capture.evidence_ru
    );
    assert_eq!(
        capture.refs.first(),
        Some(&EvidenceRef::Ratio {
            country: "KAZ".into(),
            direction: Direction::Emigration,
            years: [2010, 2010],
            reported: 4_500.0,
            partner_reported: 10_000.0,
            ratio: 0.45,
        })
    );
}

#[test]
fn emigration_capture_pools_the_years_and_ignores_immigration_ratios() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T4, 2010, "TOTAL", 1.0));
    let ratios = vec![
        CountryRatio::new("KAZ", Direction::Emigration, 2010, 9_000.0, 10_000.0),
        CountryRatio::new("KAZ", Direction::Emigration, 2011, 7_000.0, 10_000.0),
        // Outside the feed's years, another direction, another country: not evidence.
        CountryRatio::new("KAZ", Direction::Emigration, 2014, 100.0, 10_000.0),
        CountryRatio::new("KAZ", Direction::Immigration, 2010, 100.0, 10_000.0),
        CountryRatio::new("KGZ", Direction::Emigration, 2010, 100.0, 10_000.0),
    ];
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &ratios,
    };
    let source = register(&[(TableId::T6_1, Some([2010, 2012]))]);
    let capture = suggest(&evidence, "KAZ", &source, &settings())
        .into_iter()
        .find(|s| s.criterion == Criterion::EmigrationCapture);
    assert_eq!(capture.as_ref().map(|s| s.score), Some(score(2)));
    let text = capture.map(|s| s.evidence_en).unwrap_or_default();
    assert!(
        text.contains("is 0.80 of the immigration")
            && text.contains("By year: 2010 0.90, 2011 0.70."),
        "{text}"
    );
}

#[test]
fn no_emigration_data_gives_0_and_sources_without_emigration_tables_get_none() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T3, 2010, "TOTAL", 1_000.0));
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    let feeding_4 = register(&[(TableId::T3, None), (TableId::T4, None)]);
    let capture = suggest(&evidence, "KAZ", &feeding_4, &settings())
        .into_iter()
        .find(|s| s.criterion == Criterion::EmigrationCapture);
    assert_eq!(capture.as_ref().map(|s| s.score), Some(score(0)));
    assert!(capture.map(|s| s.evidence_en).unwrap_or_default().starts_with("The data hold no emigration of Kazakhstan in table 4 for the years the source feeds."));
    let immigration_only = register(&[(TableId::T3, None)]);
    assert_eq!(
        find(
            &suggest(&evidence, "KAZ", &immigration_only, &settings()),
            Criterion::EmigrationCapture
        ),
        None
    );
    // No data of the country at all: nothing to say.
    let empty = dataset();
    let nothing = Evidence {
        dataset: &empty,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    assert_eq!(
        find(
            &suggest(&nothing, "KAZ", &feeding_4, &settings()),
            Criterion::EmigrationCapture
        ),
        None
    );
}

#[test]
fn internal_consistency_follows_the_size_and_number_of_deviations() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T3, 2010, "TOTAL", 4_190.0));
    let source = register(&[(TableId::T3, None), (TableId::T5_1, None)]);
    let run = |findings: &[Finding], checks: &[CheckCode]| {
        let evidence = Evidence {
            dataset: &data,
            checks_run: checks,
            findings,
            country_ratios: &[],
        };
        suggest(&evidence, "KAZ", &source, &settings())
            .into_iter()
            .find(|s| s.criterion == Criterion::InternalConsistency)
    };
    assert_eq!(run(&[], ALL_CHECKS).map(|s| s.score), Some(score(3)));
    // Not run: no finding does not mean fine.
    assert_eq!(run(&[], &[CheckCode::U1]), None);
    // Cell D14 of sheet Table 3 flagged A1: expected 4,210, actual 4,190 (0.48 %).
    let small = finding(CheckCode::A1, TableId::T3, 2010, 4_210.0, 4_190.0);
    let two = run(std::slice::from_ref(&small), ALL_CHECKS).unwrap_or_else(|| unreachable!());
    assert_eq!(two.score, score(2));
    assert!(two.evidence_en.starts_with("Consistency checks that fail in table 3: 1 (A1 ×1); by more than 1.0\u{a0}% (or out of bounds): 0 (largest deviation of a total 0.5\u{a0}%). For example: Total 4190 ≠ 4210."), "{}", two.evidence_en);
    assert!(two.refs.contains(&EvidenceRef::Finding {
        case_id: small.case_id()
    }));
    let large = finding(CheckCode::C4, TableId::T5_1, 2010, 4_000.0, 4_200.0);
    let one = run(&[small.clone(), large], ALL_CHECKS).unwrap_or_else(|| unreachable!());
    assert_eq!(one.score, score(1));
    assert!(one.refs.iter().any(|r| matches!(r, EvidenceRef::Check { check: CheckCode::C4, findings: 1, max_deviation: Some(d), .. } if (d - 0.05).abs() < 1e-12)));
    let many: Vec<Finding> = (0..10)
        .map(|i| finding(CheckCode::A3, TableId::T3, 2000 + i, 1_000.0, 900.0))
        .collect();
    assert_eq!(run(&many, ALL_CHECKS).map(|s| s.score), Some(score(0)));
    // A naturalisation rate out of bounds (D3) is not a sum: no deviation of a total, and it
    // counts as a large failure; the evidence quotes the worst case.
    let mut rate = finding(CheckCode::D3, TableId::T3, 2012, 0.2, 0.92);
    rate.message = migreview::checks::Message::written(
        "Naturalisation rate 2012: acquisitions 11,684 / non-citizens on 1 January 12,700 = 92.0 %, outside 0–20 %",
        "",
    );
    let out_of_bounds =
        run(std::slice::from_ref(&rate), ALL_CHECKS).unwrap_or_else(|| unreachable!());
    assert_eq!(out_of_bounds.score, score(1));
    assert!(out_of_bounds.evidence_en.starts_with("Consistency checks that fail in table 3: 1 (D3 ×1); by more than 1.0\u{a0}% (or out of bounds): 1. For example: Naturalisation rate 2012: acquisitions 11,684 / non-citizens on 1 January 12,700 = 92.0 %, outside 0–20 %."), "{}", out_of_bounds.evidence_en);
    assert!(out_of_bounds.refs.iter().any(|r| matches!(
        r,
        EvidenceRef::Check {
            check: CheckCode::D3,
            findings: 1,
            max_deviation: None,
            ..
        }
    )));
    // Another reporter's failures and tables the source does not feed are not its evidence.
    let mut other = finding(CheckCode::A3, TableId::T3, 2010, 1_000.0, 500.0);
    other.reporter = Some("RUS".into());
    let unfed = finding(CheckCode::A3, TableId::T4, 2010, 1_000.0, 500.0);
    assert_eq!(
        run(&[other, unfed], ALL_CHECKS).map(|s| s.score),
        Some(score(3))
    );
}

#[test]
fn timeliness_is_judged_from_the_latest_year_against_the_review_date() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T3, 2012, "TOTAL", 1.0));
    push(&mut data, "KAZ", row(TableId::T4, 2010, "TOTAL", 1.0));
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    let recent = suggest(
        &evidence,
        "KAZ",
        &register(&[(TableId::T3, None)]),
        &settings(),
    );
    let timely = find(&recent, Criterion::Timeliness)
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(timely.score, score(3));
    assert!(timely.evidence_en.starts_with("The latest year in the data of table 3 is 2012; the review date 2013-06-30 is 6 months after the end of that year."), "{}", timely.evidence_en);
    let old = suggest(
        &evidence,
        "KAZ",
        &register(&[(TableId::T4, None)]),
        &settings(),
    );
    assert_eq!(
        find(&old, Criterion::Timeliness).map(|s| s.score),
        Some(score(0))
    );
    // Without data, the stated release lag is used.
    let mut no_data = register(&[(TableId::T6_2, None)]);
    no_data.release_lag_months = Some(10);
    let stated = suggest(&evidence, "KAZ", &no_data, &settings());
    let stated = find(&stated, Criterion::Timeliness)
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(stated.score, score(2));
    assert_eq!(stated.refs, vec![EvidenceRef::ReleaseLag { months: 10 }]);
}

#[test]
fn disaggregation_reads_the_breakdowns_present() {
    let with = |rows: Vec<Row<'static>>| {
        let mut data = dataset();
        for r in rows {
            push(&mut data, "KAZ", r);
        }
        let evidence = Evidence {
            dataset: &data,
            checks_run: ALL_CHECKS,
            findings: &[],
            country_ratios: &[],
        };
        suggest(
            &evidence,
            "KAZ",
            &register(&[(TableId::T3, None)]),
            &settings(),
        )
        .into_iter()
        .find(|s| s.criterion == Criterion::Disaggregation)
        .map(|s| s.score.get())
    };
    let cell = |sex: Sex, age: &'static str, category: &'static str| Row {
        sex,
        age,
        ..row(TableId::T3, 2010, category, 10.0)
    };
    assert_eq!(with(vec![cell(Sex::T, "TOTAL", "TOTAL")]), Some(0));
    assert_eq!(
        with(vec![
            cell(Sex::T, "TOTAL", "TOTAL"),
            cell(Sex::T, "TOTAL", "RUS"),
            cell(Sex::M, "TOTAL", "TOTAL")
        ]),
        Some(1)
    );
    assert_eq!(
        with(vec![
            cell(Sex::F, "TOTAL", "RUS"),
            cell(Sex::T, "20-24", "TOTAL")
        ]),
        Some(2)
    );
    assert_eq!(with(vec![cell(Sex::F, "20-24", "RUS")]), Some(3));
    assert_eq!(with(Vec::new()), None);
}

#[test]
fn time_series_stability_from_t1_t3_and_break_flags() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T3, 2010, "TOTAL", 1.0));
    push(
        &mut data,
        "RUS",
        Row {
            flag: "b",
            ..row(TableId::T3, 2011, "TOTAL", 1.0)
        },
    );
    let source = register(&[(TableId::T3, None)]);
    let stability = |data: &Dataset, findings: &[Finding], checks: &[CheckCode]| {
        let evidence = Evidence {
            dataset: data,
            checks_run: checks,
            findings,
            country_ratios: &[],
        };
        suggest(&evidence, "KAZ", &source, &settings())
            .into_iter()
            .find(|s| s.criterion == Criterion::TimeSeriesStability)
    };
    assert_eq!(
        stability(&data, &[], ALL_CHECKS).map(|s| s.score),
        Some(score(3))
    );
    assert_eq!(stability(&data, &[], &[]), None);
    let t3 = finding(CheckCode::T3, TableId::T3, 2011, 0.0, 0.0);
    assert_eq!(
        stability(&data, std::slice::from_ref(&t3), ALL_CHECKS).map(|s| s.score),
        Some(score(2))
    );
    let t1 = finding(CheckCode::T1, TableId::T3, 2009, 1_000.0, 3_100.0);
    let jumps = stability(&data, &[t3, t1], ALL_CHECKS).unwrap_or_else(|| unreachable!());
    assert_eq!(jumps.score, score(1));
    assert!(jumps.evidence_en.starts_with("Year-on-year jumps not flagged as breaks (T1): 1 (years 2009). Breaks in series are flagged (T3 or flag b) in 2011."), "{}", jumps.evidence_en);
    // A `b` flag in the country's own data counts as a flagged break, even before T3 runs.
    let mut flagged = dataset();
    push(&mut flagged, "KAZ", row(TableId::T3, 2010, "TOTAL", 1.0));
    push(
        &mut flagged,
        "KAZ",
        Row {
            flag: "b",
            ..row(TableId::T3, 2011, "TOTAL", 1.0)
        },
    );
    let by_flag = stability(&flagged, &[], &[]).unwrap_or_else(|| unreachable!());
    assert_eq!(by_flag.score, score(2));
    assert!(by_flag.refs.contains(&EvidenceRef::BreakFlags {
        table: TableId::T3,
        years: vec![2011]
    }));
}

#[test]
fn definition_from_the_inventory_or_the_observations() {
    let mut data = dataset();
    push(
        &mut data,
        "KAZ",
        Row {
            duration: Some(12),
            ..row(TableId::T3, 2010, "TOTAL", 1.0)
        },
    );
    push(
        &mut data,
        "KAZ",
        Row {
            duration: Some(12),
            ..row(TableId::T3, 2011, "TOTAL", 1.0)
        },
    );
    push(
        &mut data,
        "KAZ",
        Row {
            duration: Some(60),
            ..row(TableId::T4, 2009, "TOTAL", 1.0)
        },
    );
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    let definition = |source: &DataSource| {
        suggest(&evidence, "KAZ", source, &settings())
            .into_iter()
            .find(|s| s.criterion == Criterion::Definition)
            .unwrap_or_else(|| unreachable!())
    };
    let from_data = definition(&register(&[(TableId::T3, None)]));
    assert_eq!(from_data.score, score(3));
    assert_eq!(
        from_data.refs,
        vec![EvidenceRef::Duration {
            months: Some(12),
            basis: DurationBasis::Unknown,
            from_data: true,
            years: None
        }]
    );
    let mut russia_2011 = register(&[(TableId::T3, None)]);
    russia_2011.duration_rule_months = Some(9);
    russia_2011.duration_basis = DurationBasis::Actual;
    let nine = definition(&russia_2011);
    assert_eq!(nine.score, score(2));
    assert!(nine.evidence_en.starts_with("Persons are counted as migrants after 9 months of stay (actual stay; source: the inventory)"), "{}", nine.evidence_en);
    assert!(
        nine.evidence_en
            .contains("The data state 12 months instead of 9."),
        "{}",
        nine.evidence_en
    );
    let mut intended = register(&[(TableId::T3, None)]);
    intended.duration_rule_months = Some(12);
    intended.duration_basis = DurationBasis::Intended;
    assert_eq!(definition(&intended).score, score(2));
    let unknown = definition(&register(&[(TableId::T5_2, None)]));
    assert_eq!(unknown.score, score(0));
}

#[test]
fn a_duration_rule_that_changed_over_the_years_sets_the_definition_by_its_weaker_years() {
    // Azerbaijan: 6 months until 2015, 12 months from 2016 (as the sample's Metadata sheet).
    let mut data = dataset();
    for year in 2012..=2021 {
        push(
            &mut data,
            "AZE",
            Row {
                duration: Some(if year <= 2015 { 6 } else { 12 }),
                ..row(TableId::T3, year, "TOTAL", 1.0)
            },
        );
    }
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &[],
    };
    let mut source = register(&[(TableId::T3, None)]);
    source.duration_rule_months = Some(12);
    source.duration_basis = DurationBasis::Actual;
    let definition = suggest(&evidence, "AZE", &source, &settings())
        .into_iter()
        .find(|s| s.criterion == Criterion::Definition)
        .unwrap_or_else(|| unreachable!());
    assert_eq!(definition.score, score(2));
    assert!(definition.evidence_en.starts_with("The data state different duration rules over the years: 6 months in 2012–2015 and 12 months in 2016–2021. The years before and after a change are not comparable, and the least comparable rule sets the level: in 2012–2015 persons were counted as migrants after 6 months of stay (actual stay); the UN recommends 12 months of usual residence. The inventory states 12 months."), "{}", definition.evidence_en);
    assert!(definition.evidence_ru.starts_with("В разные годы данные указывают разные критерии продолжительности: 6 мес. в 2012–2015 и 12 мес. в 2016–2021."), "{}", definition.evidence_ru);
    assert_eq!(
        definition.refs,
        vec![
            EvidenceRef::Duration {
                months: Some(6),
                basis: DurationBasis::Actual,
                from_data: true,
                years: Some([2012, 2015])
            },
            EvidenceRef::Duration {
                months: Some(12),
                basis: DurationBasis::Actual,
                from_data: true,
                years: Some([2016, 2021])
            }
        ]
    );
    // Only the later years: one rule, the UN's.
    let mut later = source.clone();
    later.feeds = vec![TableFeed::new(TableId::T3, Some([2016, 2021]))];
    let from_2016 = suggest(&evidence, "AZE", &later, &settings())
        .into_iter()
        .find(|s| s.criterion == Criterion::Definition)
        .map(|s| s.score);
    assert_eq!(from_2016, Some(score(3)));
}

#[test]
fn refreshed_suggestions_keep_the_reviewers_decisions() {
    let mut data = dataset();
    push(&mut data, "KAZ", row(TableId::T4, 2010, "TOTAL", 4_500.0));
    let mut country = CountryAssessment::new("KAZ");
    let source = register(&[(TableId::T4, None)]);
    assert!(country.add_source(source).is_ok());
    let first = vec![CountryRatio::new(
        "KAZ",
        Direction::Emigration,
        2010,
        4_500.0,
        10_000.0,
    )];
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &first,
    };
    country.refresh_suggestions(&evidence, &settings());
    let reg = country
        .source_mut("KAZ-REG")
        .unwrap_or_else(|| unreachable!());
    assert_eq!(
        reg.effective(Criterion::EmigrationCapture),
        Some((score(1), ScoreBasis::Suggested))
    );
    assert!(
        reg.set_final(
            Criterion::EmigrationCapture,
            score(0),
            "administrative removals are not counted"
        )
        .is_ok()
    );
    // New mirror data: the ratio rises to 0.75; the reviewer's 0 and reason stay, now marked as an override.
    let second = vec![CountryRatio::new(
        "KAZ",
        Direction::Emigration,
        2010,
        7_500.0,
        10_000.0,
    )];
    let evidence = Evidence {
        dataset: &data,
        checks_run: ALL_CHECKS,
        findings: &[],
        country_ratios: &second,
    };
    country.refresh_suggestions(&evidence, &settings());
    let entry = country
        .source("KAZ-REG")
        .and_then(|s| s.score(Criterion::EmigrationCapture))
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(entry.suggested.as_ref().map(|s| s.score), Some(score(2)));
    assert_eq!(entry.final_score, Some(score(0)));
    assert!(entry.overridden);
    assert_eq!(entry.reason, "administrative removals are not counted");
}
