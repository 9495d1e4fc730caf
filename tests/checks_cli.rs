//! `migreview check` and `migreview checks` as a user runs them: what is printed, in which
//! language, how findings are capped, and the exit status.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::cli::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use std::path::{Path, PathBuf};

mod cli_support;
use cli_support::migreview;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Err(e) = std::fs::write(&path, text) {
        panic!("{}: {e}", path.display());
    }
    path
}

const KAZ: &str = "table,reporter,year,sex,age,category,value\n\
                   3,KAZ,2010,T,TOTAL,RUS,4190\n\
                   3,KAZ,2010,M,TOTAL,RUS,2100\n\
                   3,KAZ,2010,F,TOTAL,RUS,2110\n\
                   4,KAZ,2010,T,TOTAL,RUS,-1\n\
                   4,KAZ,2010,T,TOTAL,UZB,-2\n\
                   4,KAZ,2010,T,TOTAL,TJK,-3\n";

fn dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    }
}

/// The three counts printed for a check in the table of checks.
fn counts(output: &str, code: &str) -> Vec<String> {
    let line = output
        .lines()
        .find(|l| l.starts_with(&format!("{code}  ")) && l.split_whitespace().count() > 4)
        .unwrap_or_else(|| panic!("no row for {code} in\n{output}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len() - 3..]
        .iter()
        .map(|w| w.to_string())
        .collect()
}

#[test]
fn check_prints_counts_per_check_then_findings_with_their_place() {
    let dir = dir();
    let file = write(dir.path(), "KAZ.csv", KAZ);
    let (status, out, _) = migreview(&["check", &file.display().to_string()]);
    assert_eq!(status, EXIT_FINDINGS, "errors were found\n{out}");
    assert_eq!(counts(&out, "A1"), ["1", "1", "0"]);
    assert_eq!(counts(&out, "N1"), ["6", "3", "0"]);
    assert_eq!(counts(&out, "S2"), ["6", "0", "0"]);
    // The load summary comes first, the checks after it.
    let load = out.find("6 observations").unwrap_or(usize::MAX);
    let table = out
        .find("A1  Men and women add up to the total")
        .unwrap_or(0);
    assert!(load < table, "{out}");
    // The place names the file as its path was given.
    let shown = file.display();
    assert!(
        out.contains(&format!(
            "A1  Men and women add up to the total\n  error (1)\n    Total 4,190 ≠ men 2,100 + women 2,110 = 4,210\n      3 · KAZ · 2010 · T · TOTAL · RUS — {shown} › line 2\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("    Count −2 is negative; expected 0 or more\n      4 · KAZ · 2010 · T · TOTAL · UZB — {shown} › line 6")),
        "{out}"
    );
}

#[test]
fn text_output_caps_findings_per_check_and_json_has_them_all() {
    let dir = dir();
    let file = write(dir.path(), "KAZ.csv", KAZ);
    let path = file.display().to_string();
    let (_, out, _) = migreview(&["check", &path, "--limit", "2"]);
    let n1 = out
        .split("N1  Counts are not negative\n")
        .nth(1)
        .unwrap_or_default();
    assert!(
        n1.contains("−1 is negative") && n1.contains("−2 is negative"),
        "{out}"
    );
    assert!(!n1.contains("−3 is negative"), "{out}");
    assert!(
        n1.contains("  … 1 more (all of them: --format json)"),
        "{out}"
    );

    let (status, json, _) = migreview(&["check", &path, "--format", "json"]);
    assert_eq!(status, EXIT_FINDINGS);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let n1: Vec<_> = findings.iter().filter(|f| f["check"] == "N1").collect();
    assert_eq!(n1.len(), 3);
    assert_eq!(n1[2]["actual"], -3.0);
    assert_eq!(n1[2]["location"]["line"], 7);
    let checks = report["checks"].as_array().cloned().unwrap_or_default();
    assert_eq!(checks.len(), 28, "every registered check has a row");
    let a1 = checks
        .iter()
        .find(|c| c["check"] == "A1")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (
            a1["evaluated"].clone(),
            a1["failed"].clone(),
            a1["not_evaluable"].clone()
        ),
        (1.into(), 1.into(), 0.into())
    );
}

#[test]
fn check_speaks_russian_when_asked() {
    let dir = dir();
    let file = write(dir.path(), "KAZ.csv", KAZ);
    let (_, out, _) = migreview(&["check", &file.display().to_string(), "--lang", "ru"]);
    assert!(
        out.contains("A1  Мужчины и женщины в сумме дают итог"),
        "{out}"
    );
    assert!(
        out.contains("    Итого 4\u{a0}190 ≠ мужчины 2\u{a0}100 + женщины 2\u{a0}110 = 4\u{a0}210"),
        "{out}"
    );
    assert!(out.contains("  ошибка (1)"), "{out}");
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = dir();
    let file = write(
        dir.path(),
        "KAZ.csv",
        "table,reporter,year,sex,category,value\n4,KAZ,2010,T,KAZ,15\n",
    );
    let (status, out, _) = migreview(&["check", &file.display().to_string()]);
    assert_eq!(status, EXIT_OK, "{out}");
    assert!(
        out.contains("  warning (1)\n    KAZ (Kazakhstan) reports 15 migrants"),
        "{out}"
    );
}

#[test]
fn a_settings_file_with_an_impossible_threshold_is_refused() {
    let dir = dir();
    let file = write(dir.path(), "KAZ.csv", KAZ);
    let settings = write(dir.path(), "s.toml", "[checks]\nrel_tol = -1\n");
    let (status, out, err) = migreview(&[
        "check",
        &file.display().to_string(),
        "--settings",
        &settings.display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert!(out.is_empty());
    assert!(
        err.contains("s.toml: checks.rel_tol: expected a number ≥ 0, found -1"),
        "{err}"
    );
    let misspelt = write(dir.path(), "t.toml", "[checks]\nrel_toll = 0.01\n");
    let (status, _, err) = migreview(&[
        "check",
        &file.display().to_string(),
        "--settings",
        &misspelt.display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert!(err.contains("rel_toll"), "{err}");
}

#[test]
fn every_command_with_settings_reads_and_validates_them_the_same_way() {
    let dir = dir();
    let file = write(dir.path(), "KAZ.csv", KAZ);
    let file = file.display().to_string();
    let out_dir = dir.path().join("charts").display().to_string();
    let commands: [Vec<&str>; 5] = [
        vec!["check", &file],
        vec!["mirror", &file],
        vec!["plot", &file, "--out", &out_dir],
        vec!["assess", "scorecard"],
        vec!["assess", "suggest", &file],
    ];
    let impossible = write(dir.path(), "s.toml", "[checks]\nrel_tol = -1\n");
    let misspelt = write(dir.path(), "t.toml", "[chekcs]\nrel_tol = 0.01\n");
    for command in &commands {
        for (settings, message) in [
            (
                &impossible,
                "s.toml: checks.rel_tol: expected a number ≥ 0, found -1",
            ),
            (
                &misspelt,
                "unknown field `chekcs`, expected one of `checks`, `mirror`, `assess`",
            ),
        ] {
            let settings = settings.display().to_string();
            let mut args = command.clone();
            args.extend(["--settings", settings.as_str()]);
            let (status, out, err) = migreview(&args);
            assert_eq!(status, EXIT_INPUT, "{args:?}: {err}");
            assert!(out.is_empty(), "{args:?}: {out}");
            assert!(
                err.starts_with("migreview: ") && err.contains(message),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn checks_lists_the_catalogue_with_explanations() {
    let (status, out, _) = migreview(&["checks"]);
    assert_eq!(status, EXIT_OK);
    for code in migreview::checks::CheckCode::ALL {
        assert!(
            out.contains(&format!("\n{code}  ")) || out.starts_with(&format!("{code}  ")),
            "{code}"
        );
    }
    assert!(out.contains("U1  Share of unknown categories is small\n    warning · Accuracy and reliability · level 1\n    What: The share of UNK"), "{out}");
    assert!(
        out.contains("Why: An unknown partner cannot be paired with any country"),
        "{out}"
    );

    let (_, ru, _) = migreview(&["checks", "--lang", "ru"]);
    assert!(
        ru.contains(
            "U1  Доля неизвестных категорий невелика\n    предупреждение · Точность и надёжность · уровень 1"
        ),
        "{ru}"
    );
    assert!(
        ru.contains("Зачем: Неизвестного партнёра нельзя сопоставить"),
        "{ru}"
    );

    let (_, json, _) = migreview(&["checks", "--format", "json", "--lang", "ru"]);
    let catalogue: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let checks = catalogue["checks"].as_array().cloned().unwrap_or_default();
    assert_eq!(checks.len(), 28);
    let d3 = checks
        .iter()
        .find(|c| c["code"] == "D3")
        .cloned()
        .unwrap_or_default();
    assert_eq!(d3["severity"], "warning");
    assert_eq!(d3["dimension"], "coherence");
    assert_eq!(d3["level"], 4);
    assert_eq!(d3["title"], "Уровень натурализации правдоподобен (0–20 %)");
    assert!(
        d3["look_at"]
            .as_str()
            .is_some_and(|t| t.contains("неграждан"))
    );
}
