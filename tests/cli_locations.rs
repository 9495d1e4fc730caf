//! Where findings point and what a run that reads nothing says, as a user sees them: the exit
//! status and message of `check` (text and JSON) when no observation was read, a FIFO and a loop
//! of symbolic links among the inputs, findings of two files of the same name in different
//! folders, locations of T2 and M2 findings, the SHA-256 of a refused file, S1's counts and role
//! words, and a review saved when locations named bare files.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::cli::{EXIT_FINDINGS, EXIT_INPUT};
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::Path;

mod cli_support;
use cli_support::migreview;

/// Real Eurostat flows between Austria, Bulgaria, Lithuania and Poland, 2016–2018: 72 rows
/// (see tests/ui_fixtures/README.md).
const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/ui_fixtures/bilateral_4x3.csv"
);

const NOTHING_CHECKED: &str = "so nothing was checked; expected migration data (a Clearinghouse \
     table, a long file, a Eurostat or SDMX file): see the message about each file, or say how \
     to read it with --layout, --table, --reporter, --sheet or --header-row";

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"))
}

fn findings(report: &Value) -> Vec<Value> {
    report["findings"].as_array().cloned().unwrap_or_default()
}

/// The message `check` gives when nothing was read: `detail` says what happened to the files.
fn nothing_read(detail: &str) -> String {
    format!("no observation was read from any input ({detail}), {NOTHING_CHECKED}")
}

/// A long CSV with its header and nothing else.
const HEADER_ONLY: &str = "table,reporter,year,sex,category,value\n";

#[test]
fn a_file_with_only_a_header_is_not_a_success_in_text() {
    let dir = dir();
    let path = dir.path().join("KAZ.csv");
    write(&path, HEADER_ONLY.as_bytes());
    let arg = path.display().to_string();
    let (status, stdout, stderr) = migreview(&["check", &arg]);
    assert_eq!(status, EXIT_INPUT, "{stdout}\n{stderr}");
    let reason = nothing_read("the file was opened but held no observation");
    assert_eq!(stderr, format!("migreview: {reason}\n"));
    // The text report says it too, and has no table of checks full of zeros.
    let mut sentence = reason.clone();
    sentence.replace_range(0..1, "N");
    assert!(stdout.ends_with(&format!("\n{sentence}.\n")), "{stdout}");
    assert!(!stdout.contains("evaluated"), "{stdout}");
    assert!(!stdout.contains("S1  "), "{stdout}");
    assert!(!stdout.contains("No findings."), "{stdout}");
}

#[test]
fn a_run_that_reads_nothing_still_prints_its_json_with_the_reason() {
    let dir = dir();
    let empty = dir.path().join("KAZ.csv");
    write(&empty, HEADER_ONLY.as_bytes());
    let missing = dir.path().join("RUS.csv");
    let (empty_arg, missing_arg) = (empty.display().to_string(), missing.display().to_string());
    let (status, stdout, stderr) =
        migreview(&["check", &empty_arg, &missing_arg, "--format", "json"]);
    assert_eq!(status, EXIT_INPUT, "{stderr}");
    let reason = nothing_read("1 file refused; 1 file opened but held no observation");
    assert_eq!(
        stderr,
        format!("migreview: {missing_arg}: file not found\nmigreview: {reason}\n")
    );
    let report = json(&stdout);
    assert_eq!(report["error"], reason.as_str());
    assert_eq!(report["dataset"]["observations"], 0);
    assert_eq!(report["inputs"][0]["observations"], 0);
}

#[test]
fn a_run_that_reads_something_has_no_error_in_its_json() {
    let (status, stdout, stderr) = migreview(&["check", BILATERAL, "--format", "json"]);
    assert_eq!(status, EXIT_FINDINGS, "{stderr}");
    assert_eq!(json(&stdout)["error"], Value::Null);
}

#[test]
fn every_row_skipped_is_nothing_read_for_mirror_plot_and_convert_too() {
    let dir = dir();
    let path = dir.path().join("flows.csv");
    write(
        &path,
        format!("{HEADER_ONLY}3,KAZ,twenty,T,RUS,100\n3,KAZ,20x0,T,RUS,7\n").as_bytes(),
    );
    let arg = path.display().to_string();
    let detail = "the file was opened but held no observation: 2 rows skipped";

    let (status, stdout, stderr) = migreview(&["mirror", &arg]);
    assert_eq!(status, EXIT_INPUT, "{stdout}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(&format!(
            "migreview: no observation was read from any input ({detail}), so nothing was compared;"
        )),
        "{stderr}"
    );

    // JSON still prints its (empty) report for scripts; no pairs file is written.
    let pairs = dir.path().join("pairs.csv");
    let pairs_arg = pairs.display().to_string();
    let (status, stdout, stderr) =
        migreview(&["mirror", &arg, "--format", "json", "--csv", &pairs_arg]);
    assert_eq!(status, EXIT_INPUT, "{stderr}");
    assert_eq!(json(&stdout)["pairs"], serde_json::json!([]));
    assert!(stderr.contains("so nothing was compared;"), "{stderr}");
    assert!(!pairs.exists(), "an empty pairs file was written");

    let out = dir.path().join("charts");
    let out_arg = out.display().to_string();
    let (status, _, stderr) = migreview(&["plot", &arg, "--out", &out_arg]);
    assert_eq!(status, EXIT_INPUT);
    assert!(
        stderr.contains(&format!(
            "no observation was read from any input ({detail}), so nothing was plotted;"
        )),
        "{stderr}"
    );
    assert!(!out.exists(), "a chart folder was made for nothing");

    let csv = dir.path().join("data.csv");
    let csv_arg = csv.display().to_string();
    let (status, stdout, stderr) = migreview(&["convert", &arg, "--out", &csv_arg]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!(
            "no observation was read from any input ({detail}), so {csv_arg} was not written;"
        )),
        "{stderr}"
    );
    assert!(!csv.exists(), "an empty CSV was written");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_and_the_good_file_beside_it_is_read() {
    let dir = dir();
    let fifo = dir.path().join("flows.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(made.success(), "mkfifo failed");
    let fifo_arg = fifo.display().to_string();
    // Reading the FIFO would wait for a writer forever: the run must not block on it.
    let (done, finished) = std::sync::mpsc::channel();
    let args = fifo_arg.clone();
    std::thread::spawn(move || {
        let _ = done.send(migreview(&["check", &args, BILATERAL, "--format", "json"]));
    });
    let (status, stdout, stderr) = finished
        .recv_timeout(std::time::Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("check waited on the FIFO"));
    let message = format!(
        "{fifo_arg}: is a named pipe (FIFO), not a regular file; expected a data file (.csv, \
         .tsv, .xlsx, .xls, .ods, …): save the data to a file and give that"
    );
    assert_eq!(status, EXIT_INPUT, "{stderr}");
    assert_eq!(stderr, format!("migreview: {message}\n"));
    let report = json(&stdout);
    assert_eq!(report["inputs"][0]["error"], message.as_str());
    assert_eq!(report["inputs"][0]["sha256"], Value::Null);
    assert_eq!(report["inputs"][1]["observations"], 72);
    assert_eq!(report["dataset"]["observations"], 72);
    assert_eq!(report["error"], Value::Null);
}

#[cfg(unix)]
#[test]
fn a_loop_of_symbolic_links_is_said_in_words() {
    let dir = dir();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::os::unix::fs::symlink(&b, &a).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&a, &b).unwrap_or_else(|e| panic!("{e}"));
    let a_arg = a.display().to_string();
    let (status, stdout, stderr) = migreview(&["check", &a_arg, BILATERAL]);
    assert_eq!(status, EXIT_INPUT, "{stdout}");
    assert_eq!(
        stderr,
        format!(
            "migreview: {a_arg}: is a symbolic link that leads back to itself (a loop of links), \
             expected a data file: point the link at the data file, or give the file itself\n"
        )
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    // The other file is still read and checked.
    assert!(stdout.contains("Data set: 72 observations"), "{stdout}");
}

#[test]
fn a_refused_file_is_still_named_by_its_sha256() {
    let dir = dir();
    let path = dir.path().join("notes.csv");
    let bytes = b"just some words\nnothing like a table\n";
    write(&path, bytes);
    let arg = path.display().to_string();
    let (status, stdout, _) = migreview(&["check", &arg, BILATERAL, "--format", "json"]);
    assert_eq!(status, EXIT_INPUT);
    let report = json(&stdout);
    let refused = &report["inputs"][0];
    assert!(refused["error"].is_string(), "{refused}");
    assert_eq!(
        refused["sha256"],
        migreview::load::sha256_hex(bytes).as_str(),
        "{refused}"
    );
}

/// Table 3 of Kazakhstan for 2010–2012 (lines 2–6): a series with a year missing (T2).
fn kaz_with_a_gap() -> String {
    format!(
        "{HEADER_ONLY}3,KAZ,2010,T,RUS,100\n3,KAZ,2010,T,UZB,50\n\
         3,KAZ,2011,T,UZB,55\n3,KAZ,2012,T,RUS,120\n3,KAZ,2012,T,UZB,60\n"
    )
}

#[test]
fn files_of_the_same_name_in_two_folders_give_findings_in_each_folder() {
    let dir = dir();
    let (old, new) = (
        dir.path().join("v2019").join("KAZ.csv"),
        dir.path().join("v2020").join("KAZ.csv"),
    );
    // Each version has a misspelt partner of its own on line 7 (check S1).
    write(
        &old,
        format!("{}3,KAZ,2011,T,Kirgizzztan,5\n", kaz_with_a_gap()).as_bytes(),
    );
    write(
        &new,
        format!("{}3,KAZ,2011,T,Tadjikistn,5\n", kaz_with_a_gap()).as_bytes(),
    );
    let (old_arg, new_arg) = (old.display().to_string(), new.display().to_string());
    let (_, stdout, stderr) = migreview(&["check", &old_arg, &new_arg, "--format", "json"]);
    let report = json(&stdout);
    let s1_file = |label: &str| -> String {
        findings(&report)
            .iter()
            .find(|f| {
                f["check"] == "S1" && f["message"].as_str().is_some_and(|m| m.contains(label))
            })
            .and_then(|f| f["location"]["file"].as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("no S1 finding about {label}: {stdout}\n{stderr}"))
    };
    assert_eq!(s1_file("Kirgizzztan"), old_arg);
    assert_eq!(s1_file("Tadjikistn"), new_arg);
    // The text output names them so too.
    let (_, text, _) = migreview(&["check", &old_arg, &new_arg]);
    assert!(text.contains(&format!("{old_arg} › line 7")), "{text}");
    assert!(text.contains(&format!("{new_arg} › line 7")), "{text}");
}

#[test]
fn a_relative_path_is_named_as_typed() {
    // The path of the fixture relative to the working directory of the tests (the crate).
    let (_, stdout, _) = migreview(&[
        "check",
        "tests/ui_fixtures/bilateral_4x3.csv",
        "--format",
        "json",
    ]);
    let report = json(&stdout);
    let all = findings(&report);
    assert!(!all.is_empty());
    for finding in &all {
        assert_eq!(
            finding["location"]["file"], "tests/ui_fixtures/bilateral_4x3.csv",
            "{finding}"
        );
    }
}

#[test]
fn t2_and_m2_findings_point_at_the_data_they_rest_on() {
    let dir = dir();
    let kaz = dir.path().join("KAZ.csv");
    write(&kaz, kaz_with_a_gap().as_bytes());
    let kaz_arg = kaz.display().to_string();
    let (_, stdout, _) = migreview(&["check", &kaz_arg, BILATERAL, "--format", "json"]);
    let all = findings(&json(&stdout));
    let t2 = all
        .iter()
        .find(|f| f["check"] == "T2")
        .unwrap_or_else(|| panic!("no T2 finding in {stdout}"));
    assert_eq!(t2["reporter"], "KAZ");
    assert_eq!(t2["year"], 2011);
    assert_eq!(t2["location"]["file"], kaz_arg.as_str(), "{t2}");
    let m2: Vec<&Value> = all.iter().filter(|f| f["check"] == "M2").collect();
    assert!(!m2.is_empty(), "no M2 finding");
    for finding in m2 {
        assert_eq!(finding["location"]["file"], BILATERAL, "{finding}");
    }
    // Every finding has a location.
    for finding in &all {
        assert!(finding["location"]["file"].is_string(), "{finding}");
    }
}

/// A Clearinghouse sheet of Kazakhstan: a partner column, 2010–2014, and the rows given.
fn clearinghouse_sheet(book: &mut Workbook, table: &str, column: &str, rows: &[(&str, f64)]) {
    let sheet = book.add_worksheet();
    let _ = sheet.set_name(format!("Table {table}"));
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, column);
    for (i, year) in (2010..=2014).enumerate() {
        let _ = sheet.write_number(1, 1 + i as u16, year as f64);
    }
    for (r, (label, value)) in rows.iter().enumerate() {
        let _ = sheet.write_string(2 + r as u32, 0, *label);
        for i in 0..5u16 {
            let _ = sheet.write_number(2 + r as u32, 1 + i, value + f64::from(i));
        }
    }
}

#[test]
fn s1_counts_the_observations_of_a_label_and_names_its_role_as_the_table_does() {
    let dir = dir();
    let path = dir.path().join("KAZ.xlsx");
    let mut book = Workbook::new();
    // The misspelt label sits on 5 years in each table.
    clearinghouse_sheet(
        &mut book,
        "1.2",
        "Country of birth",
        &[("Russian Federation", 900.0), ("Kyrgyzstn", 40.0)],
    );
    clearinghouse_sheet(
        &mut book,
        "3",
        "Country of previous residence",
        &[("Russian Federation", 300.0), ("Uzbekstan", 20.0)],
    );
    clearinghouse_sheet(
        &mut book,
        "4",
        "Country of next residence",
        &[("Russian Federation", 200.0), ("Tadjikistn", 10.0)],
    );
    clearinghouse_sheet(
        &mut book,
        "2.2",
        "Citizenship",
        &[("Russian Federation", 500.0), ("Turkmenstan", 30.0)],
    );
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    write(&path, &bytes);
    let arg = path.display().to_string();
    let (_, stdout, stderr) = migreview(&["check", &arg, "--format", "json"]);
    let s1: Vec<Value> = findings(&json(&stdout))
        .into_iter()
        .filter(|f| f["check"] == "S1")
        .collect();
    let message = |label: &str| -> (String, String) {
        let found = s1
            .iter()
            .find(|f| f["message"].as_str().is_some_and(|m| m.contains(label)))
            .unwrap_or_else(|| panic!("no S1 finding about {label}: {s1:?}\n{stderr}"));
        (
            found["message"].as_str().unwrap_or_default().to_string(),
            found["message_ru"].as_str().unwrap_or_default().to_string(),
        )
    };
    let expectations = [
        ("Kyrgyzstn", "Country of birth", "страна рождения", "1.2"),
        (
            "Uzbekstan",
            "Country of previous residence",
            "страна предыдущего проживания",
            "3",
        ),
        (
            "Tadjikistn",
            "Country of next residence",
            "страна следующего проживания",
            "4",
        ),
        ("Turkmenstan", "Citizenship", "гражданство", "2.2"),
    ];
    for (label, en, ru, table) in expectations {
        let (message_en, message_ru) = message(label);
        assert!(
            message_en.starts_with(&format!(
                "{en} \"{label}\" could not be placed (on 5 observations, first at {arg} › Table {table} › A4)"
            )),
            "{message_en}"
        );
        assert!(
            message_ru.starts_with(&format!(
                "Не удалось распознать: {ru} «{label}» (в 5 наблюдениях, первое: {arg} › Table {table} › A4)"
            )),
            "{message_ru}"
        );
    }
}

#[cfg(feature = "gui")]
/// The identity a finding had when its location named the bare file (`KAZ.csv › line 3`):
/// check, table, reporter, year, sex, age, category and location, joined by `|`.
fn old_case_id(finding: &Value, location: &str) -> String {
    let text = |key: &str| finding[key].as_str().unwrap_or_default().to_string();
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{location}",
        text("check"),
        text("table"),
        text("reporter"),
        finding["year"]
            .as_u64()
            .map(|y| y.to_string())
            .unwrap_or_default(),
        text("sex"),
        text("age"),
        text("category"),
    )
}

#[cfg(feature = "gui")]
#[test]
fn a_review_saved_with_bare_file_names_still_restores_its_decisions() {
    use migreview::app::jobs::{LoadRequest, load_session};
    use migreview::app::session::ReviewState;
    use migreview::review::{Review, ReviewedFile, TriageStatus, review_path};

    let dir = dir();
    let path = dir.path().join("data").join("KAZ.csv");
    let text = format!("{}3,KAZ,2011,T,Kirgizzztan,5\n", kaz_with_a_gap());
    write(&path, text.as_bytes());
    let arg = path.display().to_string();
    let (_, stdout, _) = migreview(&["check", &arg, "--format", "json"]);
    let report = json(&stdout);
    let all = findings(&report);
    let s1 = all
        .iter()
        .find(|f| f["check"] == "S1")
        .unwrap_or_else(|| panic!("no S1 finding: {stdout}"));
    let t2 = all
        .iter()
        .find(|f| f["check"] == "T2")
        .unwrap_or_else(|| panic!("no T2 finding: {stdout}"));
    assert_eq!(s1["location"]["file"], arg.as_str());
    // As an earlier version wrote them: the S1 finding at the bare file name, the T2 finding
    // without a location.
    let (s1_old, t2_old) = (old_case_id(s1, "KAZ.csv › line 7"), old_case_id(t2, ""));

    let sha256 = report["inputs"][0]["sha256"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut review = Review::new(vec![ReviewedFile {
        name: "KAZ.csv".into(),
        sha256,
        options: Default::default(),
    }]);
    review.set_status(&s1_old, TriageStatus::Confirmed, "2025-01-27T14:03:09Z");
    review.set_comment(&s1_old, "asked the office", "2025-01-27T14:03:09Z");
    review.set_status(&t2_old, TriageStatus::Explained, "2025-01-27T14:03:09Z");
    review
        .save(&review_path(&path))
        .unwrap_or_else(|e| panic!("{e}"));

    let loaded = load_session(
        &LoadRequest::Files(vec![std::path::PathBuf::from(&arg)]),
        &migreview::load::LoadControl::new(),
        None,
        &std::sync::atomic::AtomicU8::new(0),
    );
    let session = loaded
        .session
        .unwrap_or_else(|| panic!("no session: {:?}", loaded.errors));
    assert_eq!(
        session.review_state,
        ReviewState::Restored { decisions: 2 },
        "{:?}",
        session.review.triage
    );
    assert_eq!(session.stale, 0, "{:?}", session.review.triage);
    let index_of = |check: &str| {
        session
            .findings()
            .iter()
            .position(|f| f.check.as_str() == check)
            .unwrap_or_else(|| panic!("no {check} finding in the session"))
    };
    let (s1_index, t2_index) = (index_of("S1"), index_of("T2"));
    assert_eq!(
        session.review.status(session.case_id(s1_index)),
        TriageStatus::Confirmed
    );
    assert_eq!(
        session
            .review
            .triage(session.case_id(s1_index))
            .map(|t| t.comment.as_str()),
        Some("asked the office")
    );
    assert_eq!(
        session.review.status(session.case_id(t2_index)),
        TriageStatus::Explained
    );
    // The finding itself shows where it is, as typed.
    let location = session.findings()[s1_index].location.clone();
    assert_eq!(location.map(|l| l.file.to_string()), Some(arg));
}
