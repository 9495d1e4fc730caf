//! A duration-of-stay criterion given by a workbook's Metadata sheet, through to the corrected
//! immigration of `migreview mirror`: the rule's source is the Metadata sheet, not the data rows.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use rust_xlsxwriter::Workbook;
use serde_json::{Value, json};

mod cli_support;
use cli_support::migreview as run;

/// Kazakhstan's Table 3 in the Clearinghouse layout, with a Metadata sheet saying that its
/// immigrants are counted after 3 months of stay.
fn kazakhstan_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let t3 = book.add_worksheet();
    let _ = t3.set_name("Table 3");
    let _ = t3.write_string(
        0,
        0,
        "Table 3. Long-term immigration by country of previous residence",
    );
    let _ = t3.write_string(1, 0, "Country: Kazakhstan");
    let _ = t3.write_string(2, 0, "Country of previous residence");
    for (row, (label, first, second)) in [
        ("Total", 30_000.0, 31_000.0),
        ("Russian Federation", 20_000.0, 21_000.0),
    ]
    .into_iter()
    .enumerate()
    {
        let row = 3 + row as u32;
        let _ = t3.write_string(row, 0, label);
        let _ = t3.write_number(row, 1, first);
        let _ = t3.write_number(row, 2, second);
    }
    let _ = t3.write_number(2, 1, 2019.0);
    let _ = t3.write_number(2, 2, 2020.0);
    let metadata = book.add_worksheet();
    let _ = metadata.set_name("Metadata");
    for (col, header) in ["table", "source", "duration_months"]
        .into_iter()
        .enumerate()
    {
        let _ = metadata.write_string(0, col as u16, header);
    }
    let _ = metadata.write_number(1, 0, 3.0);
    let _ = metadata.write_string(1, 1, "population register");
    let _ = metadata.write_number(1, 2, 3.0);
    book.save_to_buffer()
        .unwrap_or_else(|e| panic!("the workbook: {e}"))
}

#[test]
fn a_metadata_sheet_gives_the_criterion_that_corrects_the_immigration() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Russia's emigration to Kazakhstan, without a criterion: 12 months by default. It is the
    // first file, so that the workbook's rule must follow its observations into the merged data.
    let russia = dir.path().join("RUS.csv");
    std::fs::write(
        &russia,
        "table,reporter,year,sex,category,value\n4,RUS,2019,T,KAZ,12600\n4,RUS,2020,T,KAZ,13000\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let kazakhstan = dir.path().join("KAZ.xlsx");
    std::fs::write(&kazakhstan, kazakhstan_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let (russia, kazakhstan) = (
        russia.display().to_string(),
        kazakhstan.display().to_string(),
    );

    let (status, out, err) = run(&["mirror", &russia, &kazakhstan, "--format", "json"]);
    assert_eq!(status, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let durations = report["durations"].as_array().cloned().unwrap_or_default();
    let rule = |reporter: &str, direction: &str, year: u16| {
        durations
            .iter()
            .find(|d| d["reporter"] == reporter && d["direction"] == direction && d["year"] == year)
            .map(|d| {
                (
                    d["months"].clone(),
                    d["source"].clone(),
                    d["factor"].clone(),
                )
            })
    };
    // IMEM: a 3-month criterion counts 0.63 of the 12-month flow.
    assert_eq!(
        rule("KAZ", "immigration", 2019),
        Some((json!(3), json!("metadata"), json!(0.63)))
    );
    assert_eq!(
        rule("KAZ", "immigration", 2020),
        Some((json!(3), json!("metadata"), json!(0.63)))
    );
    assert_eq!(
        rule("RUS", "emigration", 2019),
        Some((json!(12), json!("default"), json!(1.0)))
    );
    let pair = report["pairs"]
        .as_array()
        .and_then(|pairs| {
            pairs
                .iter()
                .find(|p| p["receiver"] == "KAZ" && p["sender"] == "RUS" && p["year"] == 2019)
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(pair["immigration"], json!(20000.0));
    assert_eq!(pair["emigration"], json!(12600.0));
    // 20,000 × 0.63 = 12,600: the sides agree once the criteria are the same.
    let corrected = pair["corrected_immigration"].as_f64().unwrap_or(f64::NAN);
    assert!((corrected - 12_600.0).abs() < 1e-9, "{pair}");
    let ratio = pair["corrected_ratio"].as_f64().unwrap_or(f64::NAN);
    assert!((ratio - 1.0).abs() < 1e-12, "{pair}");
    assert_eq!(pair["band"], "green");

    let (status, text, err) = run(&["mirror", &russia, &kazakhstan, "--year", "2019"]);
    assert_eq!(status, 0, "{err}");
    assert!(
        text.contains("  KAZ immigration 2019: 3 months (metadata) × 0.630\n"),
        "{text}"
    );
}

#[test]
fn a_criterion_in_the_data_rows_is_the_data_s() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let flows = dir.path().join("flows.csv");
    std::fs::write(
        &flows,
        "table,reporter,year,sex,category,value,duration_months\n\
         3,KAZ,2019,T,RUS,20000,3\n4,RUS,2019,T,KAZ,12600,12\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let flows = flows.display().to_string();
    let (status, out, err) = run(&["mirror", &flows, "--format", "json"]);
    assert_eq!(status, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let sources: Vec<(Value, Value)> = report["durations"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|d| (d["reporter"].clone(), d["source"].clone()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        sources,
        [(json!("KAZ"), json!("data")), (json!("RUS"), json!("data"))]
    );
}
