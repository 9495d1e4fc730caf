//! S1 on labels that are placed but are not countries where a country belongs: a group of
//! countries or a residual as the reporter, a region inside a country as a partner; and on
//! labels the reviewer declared no country.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use cli_support::migreview;

fn s1_findings(args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let (_, out, err) = migreview(&all);
    let report: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    report["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|f| f["check"] == "S1")
        .map(|f| {
            (
                f["severity"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn groups_as_reporters_and_regions_as_partners_are_findings() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("flows.csv");
    std::fs::write(
        &data,
        "table,reporter,year,category,value\n\
         3,EU27_2020,2019,RUS,500\n\
         3,EU27_2020,2020,RUS,510\n\
         3,OTHER,2019,RUS,5\n\
         3,RUS,2019,Республика Коми,7\n\
         3,RUS,2019,KAZ,70\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let path = data.display().to_string();
    let findings = s1_findings(&[&path]);
    let expected = [
        (
            "warning".to_string(),
            format!(
                "Reporting country \"EU27_2020\" is European Union - 27 countries (from 2020), a \
                 group of countries, not a country: its figures are not a country's (on 2 \
                 observations, first at {path} › line 2)"
            ),
        ),
        (
            "warning".to_string(),
            format!(
                "Reporting country \"OTHER\" is the other countries together, not a country: its \
                 figures are not a country's (on 1 observation, first at {path} › line 4)"
            ),
        ),
        (
            "warning".to_string(),
            format!(
                "Country of previous residence \"Республика Коми\" is a region of Russian \
                 Federation, not a country: its figures are not a country's (on 1 observation, \
                 first at {path} › line 5)"
            ),
        ),
    ];
    for finding in &expected {
        assert!(
            findings.contains(finding),
            "{finding:?} not in {findings:#?}"
        );
    }
    assert_eq!(findings.len(), 3, "{findings:#?}");

    // Declared no country by the reviewer: no finding for it.
    let labels = dir.path().join("labels.csv");
    std::fs::write(&labels, "Республика Коми,not-a-country\n").unwrap_or_else(|e| panic!("{e}"));
    let findings = s1_findings(&[&path, "--labels", &labels.display().to_string()]);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(
        findings.iter().all(|(_, m)| !m.contains("Коми")),
        "{findings:#?}"
    );
}
