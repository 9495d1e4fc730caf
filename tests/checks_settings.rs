//! Thresholds come from a settings file, change what the checks decide, and are recorded in
//! the report.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::checks::CheckCode;
use migreview::load::{ImportOptions, LoadControl, load_bytes};
use migreview::report::Report;
use migreview::settings::Settings;
use std::path::Path;

/// Men and women add up to 4,210; the total says 4,215: off by 5, within the rounding of data
/// published to the nearest 10 (two parts × 10 / 2 = 10).
const ROUNDED: &str = "table,reporter,year,sex,category,value\n\
                       3,KAZ,2010,T,RUS,4215\n\
                       3,KAZ,2010,M,RUS,2100\n\
                       3,KAZ,2010,F,RUS,2110\n\
                       3,KAZ,2010,T,UNK,600\n\
                       3,KAZ,2010,T,TOTAL,4815\n";

fn report(settings: &Settings) -> Report {
    let (dataset, load) = match load_bytes(
        Path::new("KAZ.csv"),
        ROUNDED.as_bytes(),
        &ImportOptions::default(),
        &LoadControl::new(),
    ) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    };
    Report::build(
        vec![migreview::report::InputSummary::from_report(&load)],
        &dataset,
        settings,
    )
}

fn failed(report: &Report, code: CheckCode) -> usize {
    report
        .checks
        .iter()
        .find(|c| c.check == code)
        .map(|c| c.failed)
        .unwrap_or(usize::MAX)
}

#[test]
fn a_settings_file_changes_thresholds_and_the_report_records_them() {
    let defaults = report(&Settings::default());
    assert_eq!(
        failed(&defaults, CheckCode::A1),
        1,
        "unrounded data: 5 off fails"
    );
    // UNK is 600 of 4,815 = 12.5 %: a warning by default.
    assert_eq!(failed(&defaults, CheckCode::U1), 1);

    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("settings.toml");
    let written = std::fs::write(
        &path,
        "[checks]\nrounding_base = 10\nu1_warning_share = 0.15\nu1_error_share = 0.3\n",
    );
    assert!(written.is_ok());
    let settings = match Settings::from_file(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(settings.checks.rounding_base, 10.0);
    assert_eq!(
        settings.checks.t1_max_z, 3.5,
        "fields not given keep their default"
    );

    let rounded = report(&settings);
    assert_eq!(failed(&rounded, CheckCode::A1), 0, "5 off is within 10");
    assert_eq!(failed(&rounded, CheckCode::U1), 0, "12.5 % is below 15 %");
    let json: serde_json::Value = serde_json::from_str(&rounded.to_json()).unwrap_or_default();
    assert_eq!(json["settings"]["checks"]["rounding_base"], 10.0);
    assert_eq!(json["settings"]["checks"]["u1_warning_share"], 0.15);
    assert_eq!(json["settings"]["checks"]["d1_residual_share"], 0.005);
}

#[test]
fn json_settings_work_the_same_way() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("settings.json");
    assert!(std::fs::write(&path, r#"{"checks": {"rel_tol": 0.01}}"#).is_ok());
    let settings = match Settings::from_file(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    // 1 % of 4,215 is 42: the 5 persons' difference passes.
    assert_eq!(failed(&report(&settings), CheckCode::A1), 0);
}

#[test]
fn a_misspelt_section_or_field_is_an_error_that_names_it() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    let section = dir.path().join("section.toml");
    assert!(std::fs::write(&section, "[chekcs]\nrel_tol = 0.01\n").is_ok());
    let err = Settings::from_file(&section)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with(&format!(
            "{}: expected settings in TOML: ",
            section.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("unknown field `chekcs`, expected one of `checks`, `mirror`, `assess`"),
        "{err}"
    );

    let json = dir.path().join("section.json");
    assert!(std::fs::write(&json, r#"{"mirorr": {"band_green": 0.2}}"#).is_ok());
    let err = Settings::from_file(&json)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("expected settings in JSON: unknown field `mirorr`, expected one of `checks`, `mirror`, `assess`"),
        "{err}"
    );

    // A misspelt mirror threshold is refused too, not silently left at its default.
    let field = dir.path().join("field.toml");
    assert!(std::fs::write(&field, "[mirror]\nband_gren = 0.2\n").is_ok());
    let err = Settings::from_file(&field)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("unknown field `band_gren`"), "{err}");

    // And so are misspelt fields of the checks and of the assessment.
    for (name, text, unknown) in [
        (
            "checks.toml",
            "[checks]
rel_toll = 0.01
",
            "rel_toll",
        ),
        (
            "assess.toml",
            "[assess]
reference_dat = \"2013-06-30\"
",
            "reference_dat",
        ),
        (
            "weights.toml",
            "[assess.weights]
definitoin = 2.0
",
            "definitoin",
        ),
    ] {
        let path = dir.path().join(name);
        assert!(std::fs::write(&path, text).is_ok());
        let err = Settings::from_file(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(&format!("unknown field `{unknown}`")), "{err}");
    }
}

#[test]
fn an_impossible_threshold_is_refused_when_the_file_is_read() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("s.toml");
    assert!(std::fs::write(&path, "[checks]\nu1_error_share = 0.01\n").is_ok());
    assert_eq!(
        Settings::load(Some(&path)).map_err(|e| e.to_string()),
        Err(format!(
            "{}: checks.u1_error_share: expected at least u1_warning_share (0.05), found 0.01",
            path.display()
        ))
    );
    assert_eq!(
        Settings::load(None).map_err(|e| e.to_string()),
        Ok(Settings::default())
    );
}

#[test]
fn impossible_thresholds_are_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cases = [
        (
            "[checks]\nu1_error_share = 5\n",
            "checks.u1_error_share: expected a share from 0 to 1 (0.2 is 20 %), found 5",
        ),
        (
            "[checks]\nd3_max_rate = 7\n",
            "checks.d3_max_rate: expected a share from 0 to 1 (0.2 is 20 %), found 7",
        ),
        (
            "[checks]\nt1_max_z = 0\n",
            "checks.t1_max_z: expected a number greater than 0, found 0",
        ),
        (
            "[mirror]\nband_green = 0.5\nband_light = 0.2\n",
            "mirror.band_light: expected band_green < band_light < band_amber, found 0.5, 0.2, 0.69",
        ),
        (
            "[mirror]\nm2_low = 2\n",
            "mirror.m2_low: expected 0 < m2_low < m2_high, found 2 and 1.43",
        ),
        (
            "[mirror]\nstability_min_years = 2\n",
            "mirror.stability_min_years: expected 3 years or more, found 2",
        ),
        (
            "[mirror]\nstability_stable_sd = 0\n",
            "mirror.stability_stable_sd: expected a standard deviation of the log ratio greater \
             than 0 (0.1 is about ±10 %), found 0",
        ),
        (
            "[mirror]\nstability_jump_ratio = -1\n",
            "mirror.stability_jump_ratio: expected a number of typical changes greater than 0, \
             found -1",
        ),
    ];
    for (i, (text, expected)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("s{i}.toml"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            Settings::from_file(&path).err().map(|e| e.to_string()),
            Some(format!("{}: {expected}", path.display())),
            "{text}"
        );
    }
    assert!(Settings::default().validate().is_ok());
}

#[test]
fn the_harmonisation_method_is_one_of_two() {
    let poisson = Settings::from_toml("[mirror]\nharmonise_method = \"poisson\"\n");
    assert_eq!(
        poisson.map(|s| s.mirror.harmonise_method).ok(),
        Some(migreview::mirror::HarmoniseMethod::Poisson)
    );
    let least_squares = Settings::from_toml("[mirror]\nharmonise_method = \"log-least-squares\"\n");
    assert_eq!(
        least_squares.map(|s| s.mirror.harmonise_method).ok(),
        Some(migreview::mirror::HarmoniseMethod::LogLeastSquares)
    );
    let err = Settings::from_toml("[mirror]\nharmonise_method = \"ols\"\n")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("harmonise_method"), "{err}");
    assert!(
        err.contains("unknown variant `ols`, expected `log-least-squares` or `poisson`"),
        "{err}"
    );
}
