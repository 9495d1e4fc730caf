//! `migreview check` with a review: each finding's decision in the JSON and the text, the
//! listing by status, and the exit status of the errors still open.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use cli_support::{migreview, sample};
use migreview::review::{Review, ReviewedFile, TriageStatus, review_path};
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-12-07T10:00:00Z";

fn check(files: &[String], extra: &[&str]) -> (i32, String, String) {
    let mut args: Vec<&str> = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    migreview(&args)
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"))
}

fn findings(report: &Value) -> Vec<Value> {
    report["findings"].as_array().cloned().unwrap_or_default()
}

/// A review of the files `report` read (so it is of the same data), saved at `path`.
fn review_of(report: &Value) -> Review {
    let files = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| ReviewedFile {
            name: Path::new(input["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            sha256: input["sha256"].as_str().unwrap().to_string(),
            options: Default::default(),
        })
        .collect();
    Review::new(files)
}

fn id(finding: &Value) -> &str {
    finding["id"].as_str().unwrap()
}

#[test]
fn check_gives_each_finding_its_decision_and_exits_with_the_errors_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let (status, stdout, _) = check(&files, &["--format", "json"]);
    assert_eq!(status, 1, "the sample has errors");
    let report = json(&stdout);
    let all = findings(&report);
    assert_eq!(all.len(), 269);
    assert!(
        report.get("review").is_none(),
        "no review beside the data yet"
    );
    assert!(
        all.iter()
            .all(|f| f["status"] == "open" && f["comment"] == "")
    );
    let errors: Vec<&Value> = all.iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 176);
    let s1 = all.iter().find(|f| f["check"] == "S1").unwrap();
    assert_eq!(
        id(s1),
        "S1|1.2|KAZ|2012|T|TOTAL|Kyrgyzstn|KAZ.xlsx › Table 1.2 › A11"
    );

    // Every error but the S1 one is decided: one is still open.
    let mut review = review_of(&report);
    for error in errors.iter().filter(|f| id(f) != id(s1)) {
        review.set_status(id(error), TriageStatus::FalseAlarm, NOW);
    }
    // A decision about a finding these data do not give is counted as stale.
    review.set_status("S2|3|KAZ|1999|T|TOTAL|RUS|", TriageStatus::Confirmed, NOW);
    let beside = review_path(Path::new(&files[0]));
    assert_eq!(beside, dir.path().join("AZE.review.json"));
    review.save(&beside).unwrap();
    let (status, stdout, stderr) = check(&files, &["--format", "json"]);
    assert_eq!(status, 1, "the S1 error is still open");
    assert_eq!(stderr, "", "the review is of these very data");
    let report = json(&stdout);
    assert_eq!(report["review"]["path"], beside.display().to_string());
    assert_eq!(report["review"]["decisions"], 176);
    assert_eq!(report["review"]["stale"], 1);
    assert_eq!(report["review"]["open_errors"], 1);
    assert_eq!(report["review"]["listed"], 269);
    let listed = findings(&report);
    assert_eq!(listed.len(), 269);
    let s1_now = listed.iter().find(|f| id(f) == id(s1)).unwrap();
    assert_eq!(s1_now["status"], "open");
    let decided = listed
        .iter()
        .filter(|f| f["status"] == "false_alarm")
        .count();
    assert_eq!(decided, 175);

    // Confirming the last error (a real problem, decided) leaves none open.
    review.set_status(id(s1), TriageStatus::Confirmed, NOW);
    review.set_comment(id(s1), "asked the office", NOW);
    review.save(&beside).unwrap();
    let (status, stdout, _) = check(&files, &["--format", "json"]);
    assert_eq!(status, 0, "no error is open");
    let report = json(&stdout);
    let s1_now = findings(&report)
        .into_iter()
        .find(|f| id(f) == id(s1))
        .unwrap();
    assert_eq!(s1_now["status"], "confirmed");
    assert_eq!(s1_now["comment"], "asked the office");

    // The text gives the decision under the finding.
    let (_, text, _) = check(&files, &[]);
    assert!(
        text.contains(&format!(
            "Review {}: 177 decisions (1 about findings not found now); 0 errors still open",
            beside.display()
        )),
        "{text}"
    );
    let under = format!(
        "      1.2 · KAZ · 2012 · T · TOTAL · Kyrgyzstn — {} › Table 1.2 › A11\n      \
         → Confirmed: asked the office\n",
        files[1]
    );
    assert!(text.contains(&under), "{text}");
    let (_, text_ru, _) = check(&files, &["--lang", "ru"]);
    assert!(
        text_ru.contains("→ Подтверждено: asked the office"),
        "{text_ru}"
    );
    assert!(text_ru.contains("177 решений"), "{text_ru}");

    // Only the findings still open are listed; the exit status is the same.
    let (status, stdout, _) = check(&files, &["--format", "json", "--status", "open"]);
    assert_eq!(status, 0);
    let open = findings(&json(&stdout));
    assert_eq!(open.len(), 269 - 176);
    assert!(open.iter().all(|f| f["status"] == "open"));
    assert!(open.iter().all(|f| f["severity"] != "error"));
    let (_, text, _) = check(&files, &["--status", "confirmed,explained"]);
    assert!(
        text.contains("Listed: Confirmed, Explained (1 of 269 findings)"),
        "{text}"
    );
    assert!(text.contains("→ Confirmed: asked the office"), "{text}");
    assert!(!text.contains("False alarm"), "{text}");
}

#[test]
fn a_review_named_on_the_command_line_must_be_readable() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let missing = dir.path().join("elsewhere.review.json");
    let missing_arg = missing.display().to_string();
    let (status, stdout, stderr) = check(&files, &["--review", &missing_arg]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("--review: {missing_arg}: no such file")),
        "{stderr}"
    );

    let broken: PathBuf = dir.path().join("broken.review.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let broken_arg = broken.display().to_string();
    let (status, _, stderr) = check(&files, &["--review", &broken_arg]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains(&format!(
            "--review: {broken_arg}: expected a review file (migreview.review/1), found text \
             that is not JSON"
        )),
        "{stderr}"
    );

    // The same file beside the data: the findings are still listed, without decisions.
    std::fs::copy(&broken, review_path(Path::new(&files[0]))).unwrap();
    let (status, stdout, stderr) = check(&files, &["--format", "json"]);
    assert_eq!(status, 1);
    assert!(
        stderr.contains(
            "the findings are listed without decisions (name another review with --review)"
        ),
        "{stderr}"
    );
    assert_eq!(findings(&json(&stdout)).len(), 269);
}

#[test]
fn a_review_of_other_data_is_used_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let (_, stdout, _) = check(&files, &["--format", "json"]);
    let report = json(&stdout);
    let s1 = findings(&report)
        .into_iter()
        .find(|f| f["check"] == "S1")
        .unwrap();
    let mut review = Review::new(vec![ReviewedFile {
        name: "KAZ_2019.xlsx".into(),
        sha256: "0".repeat(64),
        options: Default::default(),
    }]);
    review.set_status(id(&s1), TriageStatus::Explained, NOW);
    let named = dir.path().join("older.review.json");
    review.save(&named).unwrap();
    let named_arg = named.display().to_string();
    let (_, stdout, stderr) = check(&files, &["--format", "json", "--review", &named_arg]);
    assert!(
        stderr.contains("the review was made on other data (KAZ_2019.xlsx); its decisions are given where the findings are the same"),
        "{stderr}"
    );
    let s1_now = findings(&json(&stdout))
        .into_iter()
        .find(|f| id(f) == id(&s1))
        .unwrap();
    assert_eq!(s1_now["status"], "explained");
}

#[test]
fn the_assessment_kept_in_a_review_file_is_read_by_assess() {
    let dir = tempfile::tempdir().unwrap();
    let mut review = Review::new(Vec::new());
    let path = dir.path().join("KAZ.review.json");
    let arg = path.display().to_string();
    review.save(&path).unwrap();
    let (status, stdout, stderr) =
        migreview(&["assess", "scorecard", "--from", &arg, "--country", "KAZ"]);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!(
            "{arg}: the review file holds no assessment yet; score the data sources in the \
             window's Sources panel, or give an assessment file (migreview assess import)"
        )),
        "{stderr}"
    );

    // The window keeps the assessment in the review: the scorecard is that of the assessment.
    review.assessment = Some(migreview::sample::sample_assessment().unwrap());
    review.save(&path).unwrap();
    let (status, from_review, stderr) =
        migreview(&["assess", "scorecard", "--from", &arg, "--country", "KAZ"]);
    assert_eq!(status, 0, "{stderr}");
    let (_, from_sample, _) = migreview(&["assess", "scorecard", "--country", "KAZ"]);
    assert_eq!(from_review, from_sample);
    assert!(from_review.contains("KAZ"), "{from_review}");
}
