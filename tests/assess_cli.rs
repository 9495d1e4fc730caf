//! `migreview assess questionnaire | import | scorecard` from the command line.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use clap::Parser;
use migreview::assess::Assessment;
use migreview::cli::{Cli, EXIT_INPUT, EXIT_OK};
use migreview::model::Lang;
use migreview::sample::{sample_assessment, sample_assessment_in};

mod cli_support;
use cli_support::migreview;

#[test]
fn the_scorecard_of_the_sample_prints_the_development_items() {
    let (status, out, err) = migreview(&["assess", "scorecard", "--country", "Tajikistan"]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert!(
        out.starts_with("Tajikistan (TJK) — SYNTHETIC DEMONSTRATION DATA\n"),
        "{out}"
    );
    assert!(out.contains("Potential for development"), "{out}");
    assert!(out.contains("partner countries report 2.5 times more arrivals from Tajikistan than it records departures (2012–2021: 224,066 departures against 559,978 arrivals)"), "{out}");
    let (status, out, _) = migreview(&[
        "assess",
        "scorecard",
        "--country",
        "KGZ",
        "--lang",
        "ru",
        "--format",
        "json",
    ]);
    assert_eq!(status, EXIT_OK);
    let cards: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(cards[0]["country"], "KGZ");
    assert_eq!(cards[0]["sources"].as_array().map(Vec::len), Some(5));
    let (status, _, err) = migreview(&["assess", "scorecard", "--country", "ARM"]);
    assert_eq!(
        (status, err.as_str()),
        (EXIT_INPUT, "migreview: the assessment has no country ARM\n")
    );
}

#[test]
fn a_questionnaire_written_for_a_country_is_imported_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("KAZ.xlsx");
    let json = dir.path().join("KAZ.json");
    let xlsx_arg = xlsx.display().to_string();
    let json_arg = json.display().to_string();
    let (status, out, err) = migreview(&[
        "assess",
        "questionnaire",
        "--out",
        &xlsx_arg,
        "--country",
        "KAZ",
        "--lang",
        "ru",
    ]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert_eq!(
        out,
        format!("wrote {xlsx_arg}: prefilled with KAZ (5 sources); SYNTHETIC DEMONSTRATION DATA\n")
    );
    let (status, out, err) = migreview(&["assess", "import", &xlsx_arg, "--out", &json_arg]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert!(out.contains("  KAZ Kazakhstan: 5 sources, 44 of 44 criteria scored, 0 overriding the suggestion (synthetic data)\n"), "{out}");
    let imported = Assessment::load(&json).ok();
    // The questionnaire carries the inventory and the scores, not the institutions; asked for
    // in Russian, it carries the sample's Russian texts.
    let sample = sample_assessment_in(Lang::Ru)
        .ok()
        .and_then(|s| s.country("KAZ").cloned())
        .map(|mut c| {
            c.institutions.clear();
            for source in &mut c.sources {
                source.producer = None;
                source.holders.clear();
            }
            c
        });
    assert_eq!(
        imported.as_ref().map(|a| a.countries.clone()),
        sample.map(|c| vec![c])
    );
}

#[test]
fn a_bad_questionnaire_exits_2_and_names_the_cell() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("data.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    assert!(sheet.set_name("Table 3").is_ok());
    assert!(book.save(&path).is_ok());
    let path_arg = path.display().to_string();
    let (status, out, err) = migreview(&["assess", "import", &path_arg]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(out, "");
    assert!(err.starts_with(&format!("migreview: {path_arg}: nothing was imported; 3 problems to fix:\n  sheet Countries: the workbook has no sheet \"Countries\" (its sheets: Table 3)")), "{err}");
    let (status, _, err) = migreview(&[
        "assess",
        "questionnaire",
        "--out",
        &path_arg,
        "--country",
        "Narnia",
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(
        err,
        "migreview: --country: expected a country (KAZ, Kazakhstan, Казахстан…), found \"Narnia\"\n"
    );
}

#[test]
fn suggest_scores_the_sample_inventory_from_the_sample_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = migreview::sample::write_to(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let workbooks: Vec<String> = written
        .iter()
        .filter(|p| p.parent() == Some(dir.path()) && p.extension().is_some_and(|e| e == "xlsx"))
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(workbooks.len(), 5);
    let mut args: Vec<&str> = vec!["assess", "suggest"];
    args.extend(workbooks.iter().map(String::as_str));
    args.extend(["--country", "Tajikistan"]);
    let (status, out, err) = migreview(&args);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert!(
        out.starts_with("Tajikistan (TJK) — SYNTHETIC DEMONSTRATION DATA\n\nTJK-REG  Registration at place of residence (passport and registration service)\n"),
        "{out}"
    );
    assert!(out.contains("  Emigration capture: suggested 1, final 1\n    Emigration reported by Tajikistan is 0.40 of the immigration its partner countries report from it (2012–2021: 224,066 against 559,978)"), "{out}");
    assert!(!out.contains("KAZ-REG"), "only Tajikistan: {out}");

    // In Russian, into a file a script can read.
    let json = dir.path().join("tjk.json");
    let json_arg = json.display().to_string();
    args.extend(["--lang", "ru", "--out", &json_arg]);
    let (status, out, err) = migreview(&args);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert_eq!(out, format!("wrote {json_arg}: 1 country, 5 sources\n"));
    let saved = Assessment::load(&json).unwrap_or_else(|e| panic!("{e}"));
    // The sample's own texts in the language asked for.
    let sample = sample_assessment_in(Lang::Ru).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        saved
            .country("TJK")
            .and_then(|c| c.source("TJK-REG"))
            .map(|s| s.name.as_str()),
        Some("Регистрация по месту жительства (паспортно-регистрационная служба)")
    );
    assert_eq!(
        saved.countries,
        vec![
            sample
                .country("TJK")
                .cloned()
                .unwrap_or_else(|| unreachable!())
        ]
    );

    // One workbook alone: Azerbaijan's suggestions from its own data; the other countries keep
    // theirs, and the reviewer's final scores stay.
    let aze = workbooks
        .iter()
        .find(|p| p.ends_with("AZE.xlsx"))
        .cloned()
        .unwrap_or_default();
    let (status, out, err) = migreview(&["assess", "suggest", &aze, "--format", "json"]);
    assert_eq!(status, EXIT_OK, "{err}");
    assert_eq!(
        err,
        "migreview: note: the data have no observation reported by RUS KAZ KGZ TJK; their suggestions are kept as they were\n"
    );
    let alone = Assessment::from_json(&out).unwrap_or_else(|e| panic!("{e}"));
    let definition = alone
        .country("AZE")
        .and_then(|c| c.source("AZE-REG"))
        .and_then(|s| s.score(migreview::assess::Criterion::Definition))
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(definition.suggested.map(|s| s.score.get()), Some(2));
    assert_eq!(definition.final_score.map(|s| s.get()), Some(2));
}

#[test]
fn suggest_needs_an_inventory_for_other_data() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ui_fixtures/bilateral_4x3.csv"
    );
    let (status, out, err) = migreview(&["assess", "suggest", fixture]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "migreview: expected --from with an assessment (JSON) listing the data sources to score; only the sample data have a built-in inventory\n"
    );
}

#[test]
fn check_reports_the_assessment_given_with_suggestions_from_its_data() {
    use migreview::assess::{CountryAssessment, DataSource, SourceKind, TableFeed};
    use migreview::model::TableId;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ui_fixtures/bilateral_4x3.csv"
    );
    let mut austria = CountryAssessment::new("AUT");
    let mut register = DataSource::new(
        "AUT-REG",
        "Central register of residents",
        SourceKind::PopulationRegister,
    );
    register.feeds = vec![
        TableFeed::new(TableId::T3, Some([2016, 2018])),
        TableFeed::new(TableId::T4, Some([2016, 2018])),
    ];
    assert!(austria.add_source(register).is_ok());
    let mut assessment = Assessment::new();
    assessment.countries.push(austria);
    let path = dir.path().join("austria.json");
    assert!(assessment.save(&path).is_ok());
    let path_arg = path.display().to_string();

    let (_, out, err) = migreview(&[
        "check",
        fixture,
        "--assessment",
        &path_arg,
        "--format",
        "json",
    ]);
    assert_eq!(err, "");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let scores = &report["assessment"]["countries"][0]["sources"][0]["scores"];
    let capture = scores
        .as_array()
        .and_then(|s| s.iter().find(|s| s["criterion"] == "emigration_capture"))
        .cloned()
        .unwrap_or_default();
    // The ratio of the suggestion is Austria's emigration against its partners' immigration,
    // pooled over the years of the mirror part of the same report.
    let (reported, partners) = report["mirror"]["countries"]
        .as_array()
        .map(|flows| {
            flows
                .iter()
                .filter(|f| f["country"] == "AUT" && f["direction"] == "emigration")
                .fold((0.0, 0.0), |(r, p), f| {
                    (
                        r + f["all"]["reported"].as_f64().unwrap_or(f64::NAN),
                        p + f["all"]["partners_report"].as_f64().unwrap_or(f64::NAN),
                    )
                })
        })
        .unwrap_or_default();
    assert!(partners > 0.0, "{partners}");
    let pooled = &capture["suggested"]["refs"][0];
    assert_eq!(pooled["kind"], "ratio");
    assert_eq!(pooled["reported"].as_f64(), Some(reported.round()));
    assert_eq!(pooled["partner_reported"].as_f64(), Some(partners.round()));
    let text = capture["suggested"]["evidence_en"]
        .as_str()
        .unwrap_or_default();
    assert!(
        text.starts_with(&format!(
            "Emigration reported by Austria is {:.2} of the immigration its partner countries report from it (2016–2018",
            reported.round() / partners.round()
        )),
        "{text}"
    );

    // Other data without an assessment: no assessment part.
    let (_, out, _) = migreview(&["check", fixture, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert!(report["assessment"].is_null());
    // An assessment that cannot be read stops the run, naming the file.
    let missing = dir.path().join("none.json").display().to_string();
    let (status, out, err) = migreview(&["check", fixture, "--assessment", &missing]);
    assert_eq!((status, out.as_str()), (EXIT_INPUT, ""));
    assert!(
        err.starts_with(&format!(
            "migreview: --assessment: {missing}: cannot read the assessment:"
        )),
        "{err}"
    );
}

#[test]
fn check_on_the_sample_files_reports_the_sample_assessment() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = migreview::sample::write_to(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let mut args: Vec<String> = vec!["check".into()];
    args.extend(
        written
            .iter()
            .filter(|p| {
                p.parent() == Some(dir.path()) && p.extension().is_some_and(|e| e == "xlsx")
            })
            .map(|p| p.display().to_string()),
    );
    args.extend(["--limit".to_string(), "0".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, out, _) = migreview(&args);
    assert!(
        out.ends_with("\nData-source assessment (details: --format json, migreview assess scorecard)\n  RUS Russian Federation: 5 sources, 2.3 (adequate)\n  KAZ Kazakhstan: 5 sources, 2.2 (adequate)\n  KGZ Kyrgyzstan: 5 sources, 2.3 (adequate)\n  TJK Tajikistan: 5 sources, 2.2 (adequate)\n  AZE Azerbaijan: 4 sources, 2.4 (adequate)\n"),
        "{out}"
    );
    let mut json_args = args.clone();
    json_args.extend(["--format", "json"]);
    let (_, out, _) = migreview(&json_args);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let parsed: Option<Assessment> = serde_json::from_value(report["assessment"].clone()).ok();
    assert_eq!(parsed, sample_assessment().ok());
    // A run in Russian reports the sample's assessment with its Russian texts.
    json_args.extend(["--lang", "ru"]);
    let (_, out, _) = migreview(&json_args);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let parsed: Option<Assessment> = serde_json::from_value(report["assessment"].clone()).ok();
    assert_eq!(parsed, sample_assessment_in(Lang::Ru).ok());
}

#[test]
fn the_scorecard_of_a_country_is_drawn_as_a_chart_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, lang, magic) in [
        ("kaz.png", "en", &b"\x89PNG"[..]),
        ("kaz.svg", "ru", &b"<svg"[..]),
    ] {
        let path = dir.path().join(name);
        let arg = path.display().to_string();
        let (status, out, err) = migreview(&[
            "assess",
            "scorecard",
            "--country",
            "KAZ",
            "--chart",
            &arg,
            "--lang",
            lang,
        ]);
        assert_eq!((status, err.as_str()), (EXIT_OK, ""), "{name}");
        assert_eq!(out, format!("wrote {arg}\n"));
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(
            bytes.starts_with(magic),
            "{name} is not what its extension says"
        );
        if lang == "ru" {
            let svg = String::from_utf8_lossy(&bytes);
            assert!(svg.contains("Казахстан (KAZ): источники данных по измерениям качества ЕСС"));
            assert!(svg.contains("СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ"));
        }
    }
    // An extension that is neither PNG nor SVG is said, and nothing is written.
    let pdf = dir.path().join("kaz.pdf");
    let pdf_arg = pdf.display().to_string();
    let (status, out, err) = migreview(&[
        "assess",
        "scorecard",
        "--country",
        "KAZ",
        "--chart",
        &pdf_arg,
    ]);
    assert_eq!(
        (status, out.as_str(), err),
        (
            EXIT_INPUT,
            "",
            format!(
                "migreview: --chart: expected a file name ending in .png or .svg, found {pdf_arg}\n"
            )
        )
    );
    assert!(!pdf.exists());
    // A chart is of one country.
    let argv = ["migreview", "assess", "scorecard", "--chart", "all.png"];
    let refused = Cli::try_parse_from(argv).err().map(|e| e.to_string());
    assert!(
        refused.as_deref().is_some_and(|e| e.contains("--country")),
        "{refused:?}"
    );
}
