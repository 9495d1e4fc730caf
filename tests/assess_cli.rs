//! `migreview assess questionnaire | import | scorecard` from the command line.

use clap::Parser;
use migreview::assess::{Assessment, sample_assessment};
use migreview::cli::{Cli, EXIT_INPUT, EXIT_OK, run};

/// Runs a command line; returns the exit status, standard output and standard error.
fn migreview(args: &[&str]) -> (i32, String, String) {
    let mut argv = vec!["migreview"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{e}"));
    let command = cli.command.unwrap_or_else(|| unreachable!());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(command, &mut out, &mut err);
    (
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

#[test]
fn the_scorecard_of_the_sample_prints_the_development_items() {
    let (status, out, err) = migreview(&["assess", "scorecard", "--country", "Kazakhstan"]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert!(
        out.starts_with("Kazakhstan (KAZ) — SYNTHETIC DEMONSTRATION DATA\n"),
        "{out}"
    );
    assert!(out.contains("Potential for development"), "{out}");
    assert!(out.contains("partner countries report 2.4 times more arrivals from Kazakhstan than it records departures"), "{out}");
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
    assert_eq!(cards[0]["sources"].as_array().map(Vec::len), Some(3));
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
        format!("wrote {xlsx_arg}: prefilled with KAZ (4 sources); SYNTHETIC DEMONSTRATION DATA\n")
    );
    let (status, out, err) = migreview(&["assess", "import", &xlsx_arg, "--out", &json_arg]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""));
    assert!(out.contains("  KAZ Kazakhstan: 4 sources, 31 of 31 criteria scored, 0 overriding the suggestion (synthetic data)\n"), "{out}");
    let imported = Assessment::load(&json).ok();
    let sample = sample_assessment().ok();
    assert_eq!(
        imported.as_ref().map(|a| a.countries.clone()),
        sample
            .and_then(|s| s.country("KAZ").cloned())
            .map(|c| vec![c])
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
