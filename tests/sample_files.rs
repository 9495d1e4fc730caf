//! The committed sample files are exactly what the generator makes, the embedded copies are the
//! committed ones, and the planted list covers the whole check catalogue.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::checks::CheckCode;
use migreview::cli::{self, Command, SampleArgs};
use migreview::sample::generate::{REPORTERS, Variant, generate};
use migreview::sample::{self, SYNTHETIC_NOTICE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_RU};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn sample_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")
}

fn names(files: &[(&str, &[u8])]) -> Vec<String> {
    files.iter().map(|(n, _)| n.to_string()).collect()
}

#[test]
fn regenerating_gives_the_committed_and_embedded_files_byte_for_byte() {
    for (variant, folder, embedded) in [
        (Variant::Main, sample_dir(), sample::files()),
        (
            Variant::Clean,
            sample_dir().join("clean"),
            sample::clean_files(),
        ),
    ] {
        let generated = match generate(variant).files() {
            Ok(files) => files,
            Err(e) => panic!("{variant:?}: {e}"),
        };
        let generated_names: Vec<String> = generated.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(generated_names, names(&embedded), "{variant:?}");
        for ((name, bytes), (_, embedded_bytes)) in generated.iter().zip(&embedded) {
            let committed = std::fs::read(folder.join(name)).unwrap_or_default();
            assert!(
                committed == *bytes,
                "{} differs from what the generator makes ({} bytes committed, {} generated): \
                 run `cargo run --example generate_sample` and commit the result",
                folder.join(name).display(),
                committed.len(),
                bytes.len()
            );
            assert!(
                *embedded_bytes == bytes.as_slice(),
                "embedded {name} is stale"
            );
        }
    }
}

#[test]
fn two_generations_give_identical_workbooks() {
    let first = generate(Variant::Main).workbooks().unwrap_or_default();
    let second = generate(Variant::Main).workbooks().unwrap_or_default();
    assert_eq!(first.len(), 5);
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between two generations");
        // A workbook is a zip archive.
        assert!(a.starts_with(b"PK\x03\x04"), "{name} is not an xlsx");
    }
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["AZE.xlsx", "KAZ.xlsx", "KGZ.xlsx", "RUS.xlsx", "TJK.xlsx"]
    );
}

#[test]
fn the_planted_list_covers_every_check_of_the_catalogue() {
    let planted = sample::planted();
    assert_eq!(planted, generate(Variant::Main).planted);
    let covered: BTreeSet<CheckCode> = planted.iter().map(|p| p.check).collect();
    let missing: Vec<CheckCode> = CheckCode::ALL
        .into_iter()
        .filter(|c| !covered.contains(c))
        .collect();
    assert!(missing.is_empty(), "no planted problem for {missing:?}");
    for issue in &planted {
        assert!(issue.table.is_some(), "{issue:?}");
        assert!(REPORTERS.contains(&issue.reporter.as_str()), "{issue:?}");
        assert!(issue.description.len() > 40, "{issue:?}");
        // In Russian too, every value filled in, and not the English text.
        assert!(issue.description_ru.len() > 40, "{issue:?}");
        assert!(!issue.description_ru.contains('{'), "{issue:?}");
        assert_ne!(issue.description_ru, issue.description);
        assert!(
            issue
                .description_ru
                .chars()
                .any(|c| ('а'..='я').contains(&c)),
            "{issue:?}"
        );
        assert!(
            issue.year.is_none_or(|y| (2012..=2021).contains(&y)),
            "{issue:?}"
        );
    }
    // The list is the CSV with the columns the brief names.
    let csv = sample::files()
        .into_iter()
        .find(|(n, _)| *n == "planted_issues.csv")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(csv.starts_with("check,table,reporter,year,category,description,description_ru\n"));
    assert_eq!(csv.lines().count(), planted.len() + 1);
    assert!(
        csv.contains("\nS1,1.2,KAZ,,Kyrgyzstn,"),
        "the S1 row names the label, table and reporter"
    );
    assert!(
        csv.contains("\nM2,4,TJK,,,\"Tajikistan records about 40 % of the emigration"),
        "{csv}"
    );
}

#[test]
fn a_wrong_planted_list_is_reported_with_its_line() {
    let wrong =
        "check,table,reporter,year,category,description,description_ru\nX9,3,KAZ,2014,,oops,ой\n";
    let err = sample::parse_planted(wrong.as_bytes())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(err, "line 2: expected a check code, found \"X9\"");
    let wrong = "check,table,reporter,year,category,description,description_ru\nA1,3,KAZ,last year,,oops,ой\n";
    let err = sample::parse_planted(wrong.as_bytes())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(err, "line 2: expected a year, found \"last year\"");
    let err = sample::parse_planted(b"check,table\nA1,3\n")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("expected the columns check,table,reporter"),
        "{err}"
    );
}

#[test]
fn the_readme_says_what_the_data_are_and_lists_every_plant() {
    let readme = sample::files()
        .into_iter()
        .find(|(n, _)| *n == "README.md")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(readme.contains(SYNTHETIC_NOTICE_EN));
    assert!(readme.contains(SYNTHETIC_NOTICE_RU));
    assert!(readme.contains("cargo run --example generate_sample"));
    assert!(readme.contains("M1 rows name the receiving country"));
    for issue in sample::planted() {
        let row = format!(
            "| {} | {} | {} |",
            issue.check,
            issue.table.map(|t| t.code()).unwrap_or(""),
            issue.reporter
        );
        assert!(readme.contains(&row), "README lacks {row}");
        assert!(
            readme.contains(&issue.description.replace('|', "\\|")),
            "{issue:?}"
        );
    }
}

#[test]
fn write_to_writes_both_variants() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = sample::write_to(dir.path()).unwrap_or_default();
    assert_eq!(written.len(), 16);
    for (name, bytes) in sample::files() {
        assert_eq!(
            std::fs::read(dir.path().join(name)).ok().as_deref(),
            Some(bytes)
        );
    }
    // The sample's data-source assessment goes with the data, and reads back as the embedded one.
    let assessment = std::fs::read_to_string(dir.path().join("assessments.json"))
        .unwrap_or_else(|e| panic!("assessments.json: {e}"));
    let read = migreview::assess::Assessment::from_json(&assessment)
        .unwrap_or_else(|e| panic!("assessments.json: {e}"));
    let embedded =
        migreview::sample::sample_assessment().unwrap_or_else(|e| panic!("embedded: {e}"));
    assert_eq!(read.countries.len(), 5);
    assert_eq!(read, embedded);
    for (name, bytes) in sample::clean_files() {
        let path = dir.path().join("clean").join(name);
        assert_eq!(
            std::fs::read(&path).ok().as_deref(),
            Some(bytes),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_sample_command_writes_the_files_and_says_they_are_synthetic() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_dir = dir.path().join("demo");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let status = cli::run(
        Command::Sample(SampleArgs {
            out: out_dir.clone(),
        }),
        &mut out,
        &mut err,
    );
    let out = String::from_utf8_lossy(&out);
    assert_eq!(status, cli::EXIT_OK, "{}", String::from_utf8_lossy(&err));
    assert!(out.contains(SYNTHETIC_NOTICE), "{out}");
    assert!(out.contains(&format!("wrote {}", out_dir.join("KAZ.xlsx").display())));
    assert!(out_dir.join("clean").join("sample_long.csv").is_file());
    assert!(out_dir.join("planted_issues.csv").is_file());
}
