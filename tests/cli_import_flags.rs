//! The flags that supply what a file does not say: `--column ROLE=HEADER` and `--labels
//! FILE.csv`, with their messages when they are written wrong.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use cli_support::migreview;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_column_role_given_on_the_command_line_wins_over_the_guess() {
    let canada = fixture("realdata/undesa_flows2015_canada.xlsx");
    // Found: the partner countries are in OdName.
    let (code, out, _) = migreview(&["check", &canada, "--table", "5.2", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    assert!(
        !findings.iter().any(|f| f["check"] == "S1"),
        "no label left unplaced: {findings:?}"
    );
    // Told: Type is taken as the partner column, and its "Immigrants" cannot be placed.
    let (_, out, _) = migreview(&[
        "check",
        &canada,
        "--table",
        "5.2",
        "--column",
        "category=Type",
    ]);
    assert!(
        out.contains(&format!(
            "category \"Immigrants\" (15×, first at {canada} › Regions by Citizenship › A22)"
        )),
        "{out}"
    );
    let (code, _, err) = migreview(&["check", &canada, "--column", "partner"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "migreview: --column: expected ROLE=HEADER such as category=OdName (roles: table, \
         reporter, year, sex, age, category, value, flag, source, duration_months, ignore); \
         found \"partner\""
    );
}

#[test]
fn labels_mapped_in_a_file_are_placed_and_bad_lines_are_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("KAZ.csv");
    let labels = dir.path().join("labels.csv");
    let bad = dir.path().join("bad.csv");
    let write = |path: &std::path::Path, text: &str| {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"))
    };
    write(
        &data,
        "table,reporter,year,category,value\n3,KAZ,2019,Kyrgyzstn,5\n3,KAZ,2019,Atlantisia,1\n",
    );
    write(&labels, "label,code\nKyrgyzstn,Kyrgyzstan\n");
    write(&bad, "label,code\nAtlantisia,Atlantis\n");
    let data = data.display().to_string();
    let (_, before, _) = migreview(&["check", &data]);
    assert!(before.contains("category \"Kyrgyzstn\" (1×"), "{before}");
    let (_, after, _) = migreview(&[
        "check",
        &data,
        "--labels",
        &labels.display().to_string(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&after).unwrap_or_default();
    let unplaced: Vec<String> = report["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|f| f["check"] == "S1")
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(unplaced.len(), 1, "{unplaced:?}");
    assert!(unplaced[0].contains("Atlantisia"), "{unplaced:?}");
    let (code, _, err) = migreview(&["check", &data, "--labels", &bad.display().to_string()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "bad.csv: line 2: expected a country or group in any coding (MDA, Moldova) or \
             not-a-country for \"Atlantisia\"; found \"Atlantis\""
        ),
        "{err}"
    );
}
