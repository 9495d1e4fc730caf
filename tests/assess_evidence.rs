//! The assessment wired to the data: the mirror statistics of a report become the country
//! ratios of the suggestions, and the embedded sample data (2012–2021) with its planted problems
//! give the suggestions of the sample assessment, which is reproduced by code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::assess::{
    AssessSettings, Assessment, Criterion, Direction, EvidenceRef, ReportEvidence, Score,
    country_ratios,
};
use migreview::checks::CheckCode;
use migreview::mirror::FlowDirection;
use migreview::model::{Dataset, Lang};
use migreview::report::Report;
use migreview::sample::assessment::{SAMPLE_REVIEW_DATE, file_text, generate};
use migreview::sample::sample_assessment;
use migreview::settings::Settings;
use std::sync::OnceLock;

/// The sample data and their report, built once for every test of this file.
fn sample() -> &'static (Dataset, Report) {
    static SAMPLE: OnceLock<(Dataset, Report)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let outcome = migreview::sample::load(false);
        let errors: Vec<String> = outcome.errors().map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        let report = Report::build(Vec::new(), &outcome.dataset, &Settings::default());
        (outcome.dataset, report)
    })
}

fn committed() -> Assessment {
    sample_assessment().unwrap_or_else(|e| panic!("the sample assessment does not load: {e}"))
}

fn score(n: u8) -> Score {
    Score::new(n).unwrap_or_else(|| unreachable!())
}

#[test]
fn the_mirror_flows_of_a_report_become_country_ratios() {
    let (_, report) = sample();
    let ratios = country_ratios(&report.mirror);
    assert_eq!(ratios.len(), report.mirror.countries.len());
    // Tajikistan records about 40 % of what its partners record (the M2 plant), in every year.
    let tajik: Vec<_> = ratios
        .iter()
        .filter(|r| r.country == "TJK" && r.direction == Direction::Emigration)
        .collect();
    let years: Vec<u16> = tajik.iter().map(|r| r.year).collect();
    assert_eq!(years, (2012..=2021).collect::<Vec<u16>>());
    for ratio in &tajik {
        assert!(
            (0.395..0.405).contains(&ratio.ratio),
            "{} {}",
            ratio.year,
            ratio.ratio
        );
        // The same figures as the mirror report (after the duration correction, as M2).
        let flows = report
            .mirror
            .countries
            .iter()
            .find(|f| {
                f.country == "TJK"
                    && f.direction == FlowDirection::Emigration
                    && f.year == ratio.year
            })
            .unwrap_or_else(|| unreachable!());
        assert_eq!(ratio.reported, flows.all.reported);
        assert_eq!(ratio.partner_reported, flows.all.partners_report);
        assert_eq!(Some(ratio.ratio), flows.all.ratio);
    }
    // Kazakhstan's emigration agrees with its partners'.
    let kaz_2015 = ratios
        .iter()
        .find(|r| r.country == "KAZ" && r.direction == Direction::Emigration && r.year == 2015)
        .map(|r| r.ratio)
        .unwrap_or_default();
    assert!((0.95..1.05).contains(&kaz_2015), "{kaz_2015}");
}

#[test]
fn the_sample_report_suggests_what_its_planted_problems_say() {
    let (dataset, report) = sample();
    let owned = ReportEvidence::from_report(report);
    assert!(owned.checks_run.contains(&CheckCode::M2));
    let evidence = owned.evidence(dataset, &report.findings);
    // The committed inventory with every score cleared, scored again from the data.
    let mut assessment = committed();
    for country in &mut assessment.countries {
        for source in &mut country.sources {
            source.scores.clear();
        }
    }
    let refreshed = assessment.refresh_suggestions(&evidence, &AssessSettings::default());
    assert_eq!(refreshed, vec!["RUS", "KAZ", "KGZ", "TJK", "AZE"]);
    let suggestion = |id: &str, criterion: Criterion| {
        assessment
            .country(&id[..3])
            .and_then(|c| c.source(id))
            .and_then(|s| s.score(criterion))
            .and_then(|s| s.suggested.clone())
            .unwrap_or_else(|| panic!("{id} has no suggestion for {criterion}"))
    };

    // Tajikistan's register: emigration capture from M2's 0.40 ratio, with the ratio in the text.
    let tjk = suggestion("TJK-REG", Criterion::EmigrationCapture);
    assert_eq!(tjk.score, score(1));
    assert!(
        tjk.evidence_en.starts_with("Emigration reported by Tajikistan is 0.40 of the immigration its partner countries report from it (2012–2021: 224,066 against 559,978): partners record 2.5 times more arrivals than it records departures."),
        "{}",
        tjk.evidence_en
    );
    assert!(
        tjk.evidence(Lang::Ru)
            .starts_with("Эмиграция по данным страны составляет 0,40 иммиграции"),
        "{}",
        tjk.evidence_ru
    );
    let pooled = tjk.refs.first().cloned();
    let (reported, partners): (f64, f64) = report
        .mirror
        .countries
        .iter()
        .filter(|f| f.country == "TJK" && f.direction == FlowDirection::Emigration)
        .fold((0.0, 0.0), |(r, p), f| {
            (r + f.all.reported, p + f.all.partners_report)
        });
    assert_eq!(
        pooled,
        Some(EvidenceRef::Ratio {
            country: "TJK".into(),
            direction: Direction::Emigration,
            years: [2012, 2021],
            reported: reported.round(),
            partner_reported: partners.round(),
            ratio: reported.round() / partners.round(),
        })
    );

    // Azerbaijan counted migrants after 6 months until 2015: the definition and T3.
    let definition = suggestion("AZE-REG", Criterion::Definition);
    assert_eq!(definition.score, score(2));
    assert!(
        definition.evidence_en.starts_with("The data state different duration rules over the years: 6 months in 2012–2015 and 12 months in 2016–2021."),
        "{}",
        definition.evidence_en
    );
    let stability = suggestion("AZE-REG", Criterion::TimeSeriesStability);
    assert_eq!(stability.score, score(2));
    assert!(
        stability
            .evidence_en
            .starts_with("Breaks in series are flagged (T3 or flag b) in 2016."),
        "{}",
        stability.evidence_en
    );
    assert!(stability.refs.iter().any(|r| matches!(
        r,
        EvidenceRef::Check { check: CheckCode::T3, years, .. } if years == &vec![2016]
    )));

    // Kyrgyzstan's citizenship decisions: D3 in every year, so the tables look contradictory.
    let citizenship = suggestion("KGZ-CIT", Criterion::InternalConsistency);
    assert_eq!(citizenship.score, score(0));
    assert!(
        citizenship
            .evidence_en
            .starts_with("Consistency checks that fail in table 7.1: 10 (D3 ×10)"),
        "{}",
        citizenship.evidence_en
    );

    // Russia's emigrants without a destination (U1, about a quarter).
    let unknown = suggestion("RUS-REG", Criterion::UnknownShare);
    assert_eq!(unknown.score, score(0));
    assert!(
        unknown.evidence_en.starts_with("25.5\u{a0}% of the persons in table 4 (2012–2021) have an unknown country of next residence (313,682 of 1,229,463)."),
        "{}",
        unknown.evidence_en
    );
    // The review date of the sample, not today, judges timeliness.
    let timeliness = suggestion("KAZ-REG", Criterion::Timeliness);
    assert_eq!(timeliness.score, score(2));
    assert!(timeliness.refs.contains(&EvidenceRef::LatestYear {
        year: 2021,
        review_date: SAMPLE_REVIEW_DATE,
        months_after: 9
    }));
}

#[test]
fn the_committed_sample_assessment_is_what_the_code_makes() {
    let generated = generate().unwrap_or_else(|e| panic!("{e}"));
    let committed_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_data/assessments.json"
    ))
    .unwrap_or_default();
    assert!(
        file_text(&generated) == committed_text,
        "sample_data/assessments.json differs from what the code makes: run `cargo run --example generate_assessments`"
    );
    assert_eq!(generated, committed());
    // Some suggestions accepted, a few overridden with a reason, none left without a decision.
    let scores: Vec<_> = generated
        .countries
        .iter()
        .flat_map(|c| &c.sources)
        .flat_map(|s| &s.scores)
        .collect();
    let overridden = scores.iter().filter(|s| s.overridden).count();
    assert_eq!(overridden, 4);
    assert!(
        scores
            .iter()
            .filter(|s| s.overridden)
            .all(|s| !s.reason.is_empty())
    );
    assert!(scores.iter().all(|s| s.final_score.is_some()));
}

#[test]
fn refreshing_the_sample_assessment_on_the_sample_data_changes_nothing() {
    // What the window does when it opens the sample: suggestions computed again from the data.
    let (dataset, report) = sample();
    let owned = ReportEvidence::from_report(report);
    let mut assessment = committed();
    assessment.refresh_suggestions(
        &owned.evidence(dataset, &report.findings),
        &AssessSettings::default(),
    );
    assert!(assessment == committed());
}

#[test]
fn the_sample_assessment_in_russian_is_what_the_code_makes_and_speaks_russian() {
    use migreview::sample::assessment::{generate_in, localise, sample_assessment_in};
    let generated = generate_in(Lang::Ru).unwrap_or_else(|e| panic!("{e}"));
    let committed_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_data/assessments_ru.json"
    ))
    .unwrap_or_default();
    assert!(
        file_text(&generated) == committed_text,
        "sample_data/assessments_ru.json differs from what the code makes: run `cargo run --example generate_assessments`"
    );
    let ru = sample_assessment_in(Lang::Ru).unwrap();
    let en = committed();
    assert_eq!(ru, generated);
    // The same assessment: the same sources and scores.
    let scores = |a: &Assessment| -> Vec<(String, Vec<Option<u8>>)> {
        a.countries
            .iter()
            .flat_map(|c| &c.sources)
            .map(|s| {
                let finals = s
                    .scores
                    .iter()
                    .map(|c| c.final_score.map(|f| f.get()))
                    .collect();
                (s.id.clone(), finals)
            })
            .collect()
    };
    assert_eq!(scores(&ru), scores(&en));
    // Russia: the country's notes, the register's name, the override's reason and the
    // statistical office's summary, in Russian.
    let (rus_en, rus_ru) = (en.country("RUS").unwrap(), ru.country("RUS").unwrap());
    assert!(
        rus_ru
            .notes
            .starts_with("СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ — не официальная оценка."),
        "{}",
        rus_ru.notes
    );
    let register = |c: &migreview::assess::CountryAssessment| c.source("RUS-REG").unwrap().clone();
    assert_eq!(
        register(rus_ru).name,
        "Регистрация мигрантов по месту жительства и месту пребывания (статистический учёт)"
    );
    let reason = |c: &migreview::assess::CountryAssessment| {
        register(c)
            .score(migreview::assess::Criterion::Timeliness)
            .unwrap()
            .reason
            .clone()
    };
    assert!(reason(rus_en).starts_with("The latest year against the review date"));
    assert!(reason(rus_ru).starts_with("Последний год относительно даты обзора"));
    assert!(
        rus_ru.institutions[0]
            .summary
            .contains("Составляет таблицы миграции")
    );
    // No English sentence of the English assessment is left in the Russian one.
    let ru_json = ru.to_json();
    let mut en_texts = en.clone();
    let mut english = Vec::new();
    for country in &mut en_texts.countries {
        english.push(country.notes.clone());
        for source in &country.sources {
            english.extend([
                source.name.clone(),
                source.measures.clone(),
                source.notes.clone(),
            ]);
            english.extend(
                source
                    .scores
                    .iter()
                    .flat_map(|s| [s.reason.clone(), s.evidence.clone()]),
            );
        }
        english.extend(country.institutions.iter().map(|i| i.summary.clone()));
    }
    let sentences: Vec<&str> = english
        .iter()
        .flat_map(|t| t.split(". "))
        .map(str::trim)
        .filter(|s| s.split(' ').count() >= 4)
        .collect();
    assert!(sentences.len() > 50, "{}", sentences.len());
    for sentence in sentences {
        assert!(!ru_json.contains(sentence), "left in English: {sentence}");
    }
    // The window puts the sample's own texts into the other language, and back.
    let mut shown = en.clone();
    assert!(localise(&mut shown, Lang::Ru));
    assert_eq!(shown, ru);
    assert!(localise(&mut shown, Lang::En));
    assert_eq!(shown, en);
}
