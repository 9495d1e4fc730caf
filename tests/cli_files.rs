//! `migreview convert`, `migreview check --format json` and `migreview sample` as a user runs them
//! when some of the files given cannot be read: the exit status, the message naming the file,
//! what is written and what the report still lists.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::cli::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::Dataset;
use std::path::{Path, PathBuf};

mod cli_support;
use cli_support::migreview;

/// Real Eurostat flows between Austria, Bulgaria, Lithuania and Poland, 2016–2018: 72 rows
/// (see tests/ui_fixtures/README.md).
const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/ui_fixtures/bilateral_4x3.csv"
);

fn dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    }
}

fn text(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn load_one(path: &Path) -> Dataset {
    let outcome = load::load_files(
        &[path.to_path_buf()],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    if let Some(error) = outcome.errors().next() {
        panic!("{error}");
    }
    outcome.dataset
}

/// What an observation says, without where it was read: table, reporter, year, sex, age,
/// category, value (or the missing marker), flag.
fn observations(dataset: &Dataset) -> Vec<String> {
    dataset
        .obs()
        .iter()
        .map(|obs| {
            format!(
                "{},{},{},{},{},{},{},{}",
                obs.table.code(),
                dataset.str(obs.reporter),
                obs.year,
                obs.sex.code(),
                dataset.str(obs.age),
                dataset.str(obs.category),
                migreview::report::canonical::value_text(dataset, obs),
                dataset.str(obs.flag),
            )
        })
        .collect()
}

#[test]
fn convert_writes_the_readable_file_names_the_missing_one_and_exits_2() {
    let dir = dir();
    let missing = dir.path().join("RUS.csv");
    let out = dir.path().join("data.csv");
    let (status, stdout, stderr) = migreview(&[
        "convert",
        BILATERAL,
        &missing.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT, "{stderr}");
    assert_eq!(
        stderr,
        format!("migreview: {}: file not found\n", missing.display())
    );
    assert_eq!(
        stdout,
        format!("wrote 72 observations to {}\n", out.display())
    );

    let written = text(&out);
    let mut lines = written.lines();
    assert_eq!(
        lines.next(),
        Some(
            "table,reporter,year,sex,age,category,value,flag,source,duration_months,file,sheet,cell"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 72, "{written}");
    // The file column names the input as its path was given.
    assert_eq!(
        rows[0],
        format!("3,BGR,2016,T,TOTAL,LTU,11,,,,{BILATERAL},,line 2")
    );
    // Austria's immigration from Bulgaria in 2017 and Bulgaria's emigration to Austria.
    assert!(
        rows.contains(&format!("3,AUT,2017,T,TOTAL,BGR,3406,,,,{BILATERAL},,line 20").as_str()),
        "{written}"
    );
    assert!(
        rows.contains(&format!("4,BGR,2017,T,TOTAL,AUT,527,,,,{BILATERAL},,line 56").as_str()),
        "{written}"
    );
    // Poland's emigration to Austria is not reported: an empty value, not 0.
    assert!(
        rows.contains(&format!("4,POL,2017,T,TOTAL,AUT,,,,,{BILATERAL},,line 58").as_str()),
        "{written}"
    );

    // Read back, the CSV gives the observations of the file it was made from.
    let original = load_one(Path::new(BILATERAL));
    let read_back = load_one(&out);
    assert_eq!(read_back.len(), 72);
    assert_eq!(observations(&read_back), observations(&original));
}

#[test]
fn convert_writes_nothing_when_no_input_can_be_read() {
    let dir = dir();
    let missing = dir.path().join("KAZ.csv");
    let folder = dir.path().join("folder");
    if let Err(e) = std::fs::create_dir(&folder) {
        panic!("{e}");
    }
    let out = dir.path().join("data.csv");
    let (status, stdout, stderr) = migreview(&[
        "convert",
        &missing.display().to_string(),
        &folder.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "migreview: {}: file not found\n\
             migreview: {}: is a directory, expected a data file (.csv, .tsv, .xlsx, .xls, .ods, …)\n\
             migreview: no input could be read; {} was not written\n",
            missing.display(),
            folder.display(),
            out.display()
        )
    );
    assert!(!out.exists(), "an empty CSV was written");
}

#[test]
fn convert_keeps_an_existing_output_when_no_input_can_be_read() {
    let dir = dir();
    let missing = dir.path().join("KAZ.csv");
    let out = dir.path().join("data.csv");
    let earlier = "table,reporter,year,sex,category,value\n3,KAZ,2019,T,RUS,12000\n";
    if let Err(e) = std::fs::write(&out, earlier) {
        panic!("{e}");
    }
    let (status, _, stderr) = migreview(&[
        "convert",
        &missing.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert!(
        stderr.ends_with(&format!(
            "migreview: no input could be read; {} was not written\n",
            out.display()
        )),
        "{stderr}"
    );
    assert_eq!(text(&out), earlier);
}

#[test]
fn check_json_lists_the_readable_input_and_the_unreadable_one_with_its_error() {
    let dir = dir();
    let missing = dir.path().join("missing.csv");
    let missing_arg = missing.display().to_string();
    let (status, stdout, stderr) =
        migreview(&["check", BILATERAL, &missing_arg, "--format", "json"]);
    assert_eq!(status, EXIT_INPUT, "{stderr}");
    assert_eq!(
        stderr,
        format!("migreview: {missing_arg}: file not found\n")
    );

    let report: serde_json::Value = match serde_json::from_str(&stdout) {
        Ok(report) => report,
        Err(e) => panic!("{e}\n{stdout}"),
    };
    assert_eq!(report["schema"], "migreview.report/1");
    let inputs = report["inputs"].as_array().cloned().unwrap_or_default();
    assert_eq!(inputs.len(), 2, "{stdout}");

    let read = &inputs[0];
    assert_eq!(read["path"], BILATERAL);
    let sha = read["sha256"].as_str().unwrap_or_default();
    assert_eq!(sha.len(), 64, "{read}");
    assert!(sha.chars().all(|c| c.is_ascii_hexdigit()), "{read}");
    assert_eq!(read["layout"], "long-csv");
    assert_eq!(read["observations"], 72);
    assert_eq!(read["skipped_rows"], 0);
    assert_eq!(read["error"], serde_json::Value::Null);

    let unread = &inputs[1];
    assert_eq!(unread["path"], missing_arg.as_str());
    assert_eq!(unread["sha256"], serde_json::Value::Null);
    assert_eq!(unread["layout"], serde_json::Value::Null);
    assert_eq!(unread["encoding"], serde_json::Value::Null);
    // Nothing was read from it: counts that do not exist are null, not 0.
    assert_eq!(unread["observations"], serde_json::Value::Null);
    assert_eq!(unread["skipped_rows"], serde_json::Value::Null);
    let error = format!("{missing_arg}: file not found");
    assert_eq!(unread["error"], error.as_str());
    assert_eq!(unread["load_messages"], serde_json::json!([error]));

    // The data set and the checks are those of the readable file.
    assert_eq!(report["dataset"]["observations"], 72);
    assert_eq!(
        report["dataset"]["reporters"],
        serde_json::json!(["AUT", "BGR", "LTU", "POL"])
    );
    assert_eq!(report["dataset"]["tables"], serde_json::json!(["3", "4"]));
    assert_eq!(report["dataset"]["years"], serde_json::json!([2016, 2018]));
    assert_eq!(report["checks"].as_array().map(Vec::len), Some(28));
    let pairs = report["mirror"]["pairs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let aut_bgr = pairs
        .iter()
        .find(|p| p["receiver"] == "AUT" && p["sender"] == "BGR" && p["year"] == 2017);
    let Some(aut_bgr) = aut_bgr else {
        panic!("no AUT ← BGR 2017 pair in {stdout}");
    };
    assert_eq!(aut_bgr["immigration"], 3406.0);
    assert_eq!(aut_bgr["emigration"], 527.0);
}

/// The files `sample_data/README.md` lists, as `migreview sample` writes them.
const SAMPLE_FILES: [&str; 16] = [
    "AZE.xlsx",
    "KAZ.xlsx",
    "KGZ.xlsx",
    "RUS.xlsx",
    "TJK.xlsx",
    "sample_long.csv",
    "planted_issues.csv",
    "README.md",
    "assessments.json",
    "assessments_ru.json",
    "clean/AZE.xlsx",
    "clean/KAZ.xlsx",
    "clean/KGZ.xlsx",
    "clean/RUS.xlsx",
    "clean/TJK.xlsx",
    "clean/sample_long.csv",
];

#[test]
fn sample_writes_the_files_the_readme_names() {
    let dir = dir();
    let out_dir = dir.path().join("workshop");
    let (status, stdout, stderr) = migreview(&["sample", "--out", &out_dir.display().to_string()]);
    assert_eq!(status, EXIT_OK, "{stderr}");
    assert_eq!(stderr, "");
    let wrote: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("wrote "))
        .collect();
    let expected: Vec<String> = SAMPLE_FILES
        .iter()
        .map(|name| out_dir.join(name).display().to_string())
        .collect();
    assert_eq!(wrote, expected);
    assert!(
        stdout.contains(migreview::sample::SYNTHETIC_NOTICE),
        "{stdout}"
    );

    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    for name in SAMPLE_FILES {
        let written = std::fs::read(out_dir.join(name)).unwrap_or_default();
        let original = std::fs::read(committed.join(name)).unwrap_or_default();
        assert!(!written.is_empty(), "{name} is empty");
        assert!(
            written == original,
            "{name} differs from sample_data/{name}"
        );
    }
    // The files written are still said to be synthetic when they are checked or plotted.
    let kaz = out_dir.join("KAZ.xlsx").display().to_string();
    let (_, checked, _) = migreview(&["check", &kaz]);
    assert!(
        checked.contains(migreview::sample::SYNTHETIC_NOTICE_EN),
        "{checked}"
    );
    let (_, checked, _) = migreview(&["check", &kaz, "--lang", "ru"]);
    assert!(
        checked.contains(migreview::sample::SYNTHETIC_NOTICE_RU),
        "{checked}"
    );
    let charts = dir.path().join("charts");
    let (status, _, stderr) = migreview(&[
        "plot",
        &kaz,
        "--out",
        &charts.display().to_string(),
        "--svg",
    ]);
    assert_eq!(status, EXIT_OK, "{stderr}");
    let coverage = text(&charts.join("coverage_KAZ.svg"));
    assert!(
        coverage.contains("Source: KAZ.xlsx; SYNTHETIC DEMONSTRATION DATA"),
        "no synthetic notice in the source line"
    );
    // A file of other content is not taken for the sample.
    let (_, checked, _) = migreview(&["check", BILATERAL]);
    assert!(!checked.contains("SYNTHETIC"), "{checked}");

    // The observation counts sample_data/README.md gives.
    let rows = |name: &str| text(&out_dir.join(name)).lines().count() - 1;
    assert_eq!(rows("sample_long.csv"), 18_153);
    assert_eq!(rows("clean/sample_long.csv"), 18_060);
    assert_eq!(rows("planted_issues.csv"), 40);
}

/// The program itself, with the progress of loading shown from the start: the progress thread
/// writes to standard error while the command runs, and the command still ends (it once waited
/// forever for standard error, which the command held).
#[test]
fn the_program_shows_loading_progress_on_standard_error_and_ends() {
    let mut child = match std::process::Command::new(env!("CARGO_BIN_EXE_migreview"))
        .args(["check", BILATERAL])
        .env("MIGREVIEW_PROGRESS_AFTER_MS", "0")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("{e}"),
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Ok(None) => {
                let _ = child.kill();
                panic!("migreview check did not end within two minutes");
            }
            Err(e) => panic!("{e}"),
        }
    };
    let output = match child.wait_with_output() {
        Ok(output) => output,
        Err(e) => panic!("{e}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The real flows of the fixture hold mirror discrepancies of error severity.
    assert_eq!(status.code(), Some(EXIT_FINDINGS), "{stderr}");
    assert!(stderr.starts_with("\rloading… "), "{stderr:?}");
    assert!(stderr.ends_with("\rloading… done   \n"), "{stderr:?}");
    assert!(stdout.contains("72 observations"), "{stdout}");
}
