//! The sample assessments, the scorecard with its potential for development, and the serde form
//! that the review file and the JSON report carry.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::assess::scorecard::{Grade, scorecard};
use migreview::assess::{
    AssessSettings, Assessment, CountryAssessment, Criterion, DataSource, Direction, EvidenceRef,
    Score, ScoreBasis, SourceKind, Suggestion,
};
use migreview::checks::Dimension;
use migreview::model::{Dataset, Lang};
use migreview::report::Report;
use migreview::sample::sample_assessment;
use migreview::settings::Settings;

fn score(n: u8) -> Score {
    Score::new(n).unwrap_or_else(|| unreachable!())
}

fn sample() -> Assessment {
    match sample_assessment() {
        Ok(sample) => sample,
        Err(e) => panic!("the sample assessment does not load: {e}"),
    }
}

#[test]
fn the_sample_assesses_five_cis_countries_and_says_it_is_synthetic() {
    let sample = sample();
    let codes: Vec<&str> = sample
        .countries
        .iter()
        .map(|c| c.country.as_str())
        .collect();
    assert_eq!(codes, vec!["RUS", "KAZ", "KGZ", "TJK", "AZE"]);
    for country in &sample.countries {
        assert!(country.synthetic, "{}", country.country);
        assert!(
            country.notes.starts_with("SYNTHETIC DEMONSTRATION DATA"),
            "{}",
            country.country
        );
        assert!(
            (3..=5).contains(&country.sources.len()),
            "{}",
            country.country
        );
        for source in &country.sources {
            assert!(!source.scores.is_empty(), "{}", source.id);
            assert!(
                source.scores.iter().all(|s| s.final_score.is_some()
                    && (!s.evidence.is_empty() || s.suggested.is_some())),
                "{}: every score has a final value and evidence",
                source.id
            );
        }
    }
    assert_eq!(sample.problems(), Vec::new());
    // Russia's 2011 change: registered for 9 months or more.
    let russia = sample.country("RUS").and_then(|c| c.source("RUS-REG"));
    assert_eq!(russia.and_then(|s| s.duration_rule_months), Some(9));
}

#[test]
fn the_weakest_points_of_the_sample_name_the_real_numbers() {
    let sample = sample();
    let settings = AssessSettings::default();
    let tjk = sample.country("TJK").unwrap_or_else(|| unreachable!());
    let card = scorecard(tjk, &settings);
    let item = card
        .development
        .iter()
        .find(|i| i.source_id == "TJK-REG" && i.criterion == Criterion::EmigrationCapture)
        .unwrap_or_else(|| unreachable!());
    // The numbers come from the evidence of the suggestion (the mirror ratios of the sample).
    let ratio = tjk
        .source("TJK-REG")
        .and_then(|s| s.score(Criterion::EmigrationCapture))
        .and_then(|s| s.suggested.as_ref())
        .and_then(|s| match s.refs.first() {
            Some(EvidenceRef::Ratio {
                direction: Direction::Emigration,
                years,
                reported,
                partner_reported,
                ratio,
                ..
            }) => Some((*years, *reported, *partner_reported, *ratio)),
            _ => None,
        });
    assert_eq!(
        ratio,
        Some(([2012, 2021], 224_066.0, 559_978.0, 224_066.0 / 559_978.0))
    );
    assert_eq!(
        item.text_en,
        "Emigration is recorded by the register only on de-registration, and there is no obligation to de-register on departure; partner countries report 2.5 times more arrivals from Tajikistan than it records departures (2012–2021: 224,066 departures against 559,978 arrivals)."
    );
    assert!(
        item.text_ru.contains("в 2,5 раза больше прибытий"),
        "{}",
        item.text_ru
    );
    assert!(
        item.text_ru
            .contains("224\u{a0}066 выбытий против 559\u{a0}978 прибытий"),
        "{}",
        item.text_ru
    );
    assert_eq!(item.score, score(1));
    assert_eq!(item.basis, ScoreBasis::Final);
    assert!(
        item.action_en
            .starts_with("Record departures from every event available")
    );

    let rus = scorecard(
        sample.country("RUS").unwrap_or_else(|| unreachable!()),
        &settings,
    );
    let texts: Vec<&str> = rus.development.iter().map(|i| i.text_en.as_str()).collect();
    assert!(texts.contains(&"25.5\u{a0}% of the persons in table 4 (2012–2021) have an unknown country of next residence (313,682 of 1,229,463)."), "{texts:#?}");
    // Weakest first.
    let scores: Vec<u8> = rus.development.iter().map(|i| i.score.get()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] <= w[1]) && scores.iter().all(|s| *s <= 1),
        "{scores:?}"
    );
    // Overridden by the reviewer, the 2014 jump is no longer a weakness of the register.
    assert!(
        !rus.development
            .iter()
            .any(|i| i.source_id == "RUS-REG" && i.criterion == Criterion::TimeSeriesStability)
    );

    let kaz = scorecard(
        sample.country("KAZ").unwrap_or_else(|| unreachable!()),
        &settings,
    );
    let estimates = kaz
        .development
        .iter()
        .find(|i| i.source_id == "KAZ-EST" && i.criterion == Criterion::InternalConsistency)
        .map(|i| i.text_en.clone())
        .unwrap_or_default();
    assert_eq!(
        estimates,
        "5 consistency checks fail in tables 1.2, 2.1 and POP: C1 “Foreign-born by country of birth (1.2) matches foreign-born in 1.1” ×2, C3 “Total population is the same in 1.1 and 2.1” ×2, D1 “Population change matches natural change and net migration” ×1; the largest deviation of a total is 2.0\u{a0}%."
    );

    let kgz = scorecard(
        sample.country("KGZ").unwrap_or_else(|| unreachable!()),
        &settings,
    );
    let citizenship = kgz
        .development
        .iter()
        .find(|i| i.source_id == "KGZ-CIT" && i.criterion == Criterion::InternalConsistency)
        .map(|i| i.text_en.clone())
        .unwrap_or_default();
    // Overridden by the reviewer: the reviewer's words, not the suggestion's.
    assert!(
        citizenship.starts_with("Internal consistency: deviations larger than 1 % — D3 flags acquisitions of 92 % to 106 %"),
        "{citizenship}"
    );
}

fn manual(criterion: Criterion, n: u8) -> migreview::assess::CriterionScore {
    let mut entry = migreview::assess::CriterionScore::new(criterion);
    entry.final_score = Some(score(n));
    entry.evidence = "stated".into();
    entry
}

#[test]
fn dimension_means_are_weighted_and_unreviewed_suggestions_are_marked() {
    let mut source = DataSource::new("X-REG", "Register", SourceKind::PopulationRegister);
    source.scores = vec![
        manual(Criterion::EmigrationCapture, 0),
        manual(Criterion::UnknownShare, 3),
        manual(Criterion::Timeliness, 2),
    ];
    source.set_suggestions(vec![Suggestion {
        criterion: Criterion::Periodicity,
        score: score(3),
        evidence_en: "annual".into(),
        evidence_ru: "ежегодно".into(),
        refs: Vec::new(),
    }]);
    let mut country = CountryAssessment::new("KAZ");
    assert!(country.add_source(source).is_ok());
    let mut settings = AssessSettings::default();
    let card = scorecard(&country, &settings);
    let source_card = &card.sources[0];
    let accuracy = source_card
        .dimensions
        .iter()
        .find(|d| d.dimension == Dimension::Accuracy);
    assert_eq!(accuracy.and_then(|d| d.mean), Some(1.5));
    assert_eq!(accuracy.map(|d| d.provisional), Some(false));
    let timeliness = source_card
        .dimensions
        .iter()
        .find(|d| d.dimension == Dimension::Timeliness);
    assert_eq!(timeliness.and_then(|d| d.mean), Some(2.5));
    assert_eq!(timeliness.map(|d| d.provisional), Some(true));
    let periodicity = source_card
        .criteria
        .iter()
        .find(|l| l.criterion == Criterion::Periodicity);
    assert_eq!(
        periodicity.and_then(|l| l.basis),
        Some(ScoreBasis::Suggested)
    );
    // (0 + 3 + 2 + 3) / 4 = 2.0 → adequate
    assert_eq!(source_card.overall, Some(2.0));
    assert_eq!(source_card.grade, Some(Grade::Adequate));
    assert_eq!(source_card.unscored.len(), 6);
    // Emigration capture weighs three times as much: (0·3 + 3 + 2 + 3) / 6 = 1.333
    settings.weights.emigration_capture = 3.0;
    let weighted = scorecard(&country, &settings);
    let overall = weighted.sources[0].overall.unwrap_or_default();
    assert!((overall - 8.0 / 6.0).abs() < 1e-12, "{overall}");
    assert_eq!(weighted.sources[0].grade, Some(Grade::Weak));
    assert_eq!(weighted.development.len(), 1);
    assert_eq!(
        weighted.development[0].text_en,
        "Emigration capture: emigration below 0.4 of partners' immigration, or not produced — stated."
    );
    let text = migreview::assess::scorecard::render(&weighted, Lang::En);
    let periodicity_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Periodicity"));
    assert_eq!(
        periodicity_line.map(|l| l.split_whitespace().collect::<Vec<_>>()),
        Some(vec![
            "Periodicity",
            "3*",
            "Timeliness",
            "and",
            "punctuality"
        ])
    );
    assert!(text.contains("  Overall: 1.3* (weak)"), "{text}");
}

#[test]
fn the_serde_form_keeps_overrides_and_reasons() {
    let mut source = DataSource::new("KAZ-REG", "Register", SourceKind::PopulationRegister);
    source.set_suggestions(vec![Suggestion {
        criterion: Criterion::EmigrationCapture,
        score: score(1),
        evidence_en: "0.45".into(),
        evidence_ru: "0,45".into(),
        refs: vec![EvidenceRef::Ratio {
            country: "KAZ".into(),
            direction: Direction::Emigration,
            years: [2010, 2010],
            reported: 4_500.0,
            partner_reported: 10_000.0,
            ratio: 0.45,
        }],
    }]);
    assert!(
        source
            .set_final(
                Criterion::EmigrationCapture,
                score(0),
                "removals of absent persons are not counted"
            )
            .is_ok()
    );
    let mut country = CountryAssessment::new("KAZ");
    assert!(country.add_source(source).is_ok());
    let mut assessment = Assessment::new();
    assessment.countries.push(country);
    let json = assessment.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(value["schema"], "migreview.assessment/1");
    let entry = &value["countries"][0]["sources"][0]["scores"][0];
    assert_eq!(entry["criterion"], "emigration_capture");
    assert_eq!(entry["final_score"], 0);
    assert_eq!(entry["overridden"], true);
    assert_eq!(
        entry["reason"],
        "removals of absent persons are not counted"
    );
    assert_eq!(entry["suggested"]["score"], 1);
    assert_eq!(entry["suggested"]["refs"][0]["kind"], "ratio");
    assert_eq!(entry["suggested"]["refs"][0]["ratio"], 0.45);
    assert_eq!(Assessment::from_json(&json).ok(), Some(assessment.clone()));

    // Saved and loaded as a file.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("review.assessment.json");
    assert!(assessment.save(&path).is_ok());
    assert_eq!(Assessment::load(&path).ok(), Some(assessment.clone()));

    // The JSON report carries it as its `assessment` part; older reports without it still load.
    let mut report = Report::new(Vec::new(), &Dataset::new(), &Settings::default());
    report.assessment = Some(assessment.clone());
    let report_json: serde_json::Value =
        serde_json::from_str(&report.to_json()).unwrap_or_default();
    assert_eq!(
        report_json["assessment"]["countries"][0]["sources"][0]["scores"][0]["reason"],
        "removals of absent persons are not counted"
    );
    let mut without = report_json.clone();
    if let Some(map) = without.as_object_mut() {
        map.remove("assessment");
    }
    let old: Option<Report> = serde_json::from_value(without).ok();
    assert_eq!(old.map(|r| r.assessment), Some(None));
}

#[test]
fn bad_assessment_files_say_what_was_expected() {
    let wrong_schema = r#"{"schema": "migreview.report/1", "countries": []}"#;
    assert_eq!(
        Assessment::from_json(wrong_schema).err().map(|e| e.to_string()),
        Some("expected an assessment of schema migreview.assessment/1, found schema \"migreview.report/1\"".to_string())
    );
    let score_7 = r#"{"schema": "migreview.assessment/1", "countries": [{"country": "KAZ", "sources": [{"id": "A", "name": "B", "scores": [{"criterion": "timeliness", "final_score": 7}]}]}]}"#;
    let message = Assessment::from_json(score_7)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("expected a score 0–3, found 7"),
        "{message}"
    );
    // An override whose reason was removed by hand is reported as a problem.
    let no_reason = r#"{"schema": "migreview.assessment/1", "countries": [{"country": "KAZ", "sources": [{"id": "A", "name": "B",
        "scores": [{"criterion": "timeliness", "final_score": 1, "overridden": true,
                    "suggested": {"criterion": "timeliness", "score": 3, "evidence_en": "", "evidence_ru": ""}}]}]}]}"#;
    let problems: Vec<String> = Assessment::from_json(no_reason)
        .map(|a| a.problems().iter().map(|p| p.to_string()).collect())
        .unwrap_or_default();
    assert_eq!(
        problems,
        vec![
            "KAZ › A › timeliness: a reason is needed: the final score differs from the suggestion"
                .to_string()
        ]
    );
}
