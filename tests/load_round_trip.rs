//! Load → canonical long CSV → load again gives the same observations, whatever the layout.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::*;
use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::{Dataset, Missing};
use migreview::report::canonical;
use rust_xlsxwriter::Workbook;
use std::path::PathBuf;

/// Everything that identifies and describes an observation, as text.
fn facts(dataset: &Dataset) -> Vec<String> {
    let mut facts: Vec<String> = dataset
        .obs()
        .iter()
        .map(|o| {
            let value = match (o.number(), Missing::from_code(o.missing)) {
                (Some(n), _) => format!("{n}"),
                (None, Some(Missing::Unreadable)) => format!(
                    "text {:?}",
                    o.unreadable_text().map(|t| dataset.str(t)).unwrap_or("")
                ),
                (None, reason) => format!("missing {reason:?}"),
            };
            format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}|{:?}",
                o.table,
                dataset.str(o.reporter),
                o.year,
                o.sex,
                dataset.str(o.age),
                dataset.str(o.category),
                value,
                dataset.str(o.flag),
                dataset.str(o.source),
                o.duration_months()
            )
        })
        .collect();
    facts.sort();
    facts
}

/// A workbook with every kind of value: numbers, value+flag text, flags, each missing marker,
/// text that is not a number, a misspelled country, an age table, and a Metadata sheet.
fn varied_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    let _ = sheet.write_string(
        0,
        0,
        "Table 3. Long-term immigration by country of previous residence",
    );
    let _ = sheet.write_string(1, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(3, 0, "Country of previous residence");
    let _ = sheet.write_string(3, 1, "Age");
    for (i, year) in [2019.0, 2020.0, 2021.0, 2022.0].iter().enumerate() {
        let _ = sheet.write_number(3, 2 + i as u16, *year);
    }
    let rows: [(&str, &str, [&str; 4]); 5] = [
        ("Total", "Total", ["1234.5", "12 345 e", ": c", "-"]),
        ("Russia", "0-4", ["0", "", "..", "x"]),
        ("Russia", "85+", ["7", "see note", "#N/A", "3 p"]),
        ("Kyrgyzstn", "Unknown", ["1,234", "5", "6", "7"]),
        ("Other countries", "Total", ["1", "2", "3", "4"]),
    ];
    for (r, (category, age, values)) in rows.iter().enumerate() {
        let row = 4 + r as u32;
        let _ = sheet.write_string(row, 0, *category);
        let _ = sheet.write_string(row, 1, *age);
        for (i, value) in values.iter().enumerate() {
            let col = 2 + i as u16;
            match value.parse::<f64>() {
                Ok(n) => {
                    let _ = sheet.write_number(row, col, n);
                }
                Err(_) if value.is_empty() => {}
                Err(_) => {
                    let _ = sheet.write_string(row, col, *value);
                }
            }
        }
    }
    let status = book.add_worksheet();
    let _ = status.set_name("Table 1.1");
    let _ = status.write_string(0, 0, "Страна: Казахстан");
    let _ = status.write_string(1, 0, "Место рождения");
    let _ = status.write_number(1, 1, 2021.0);
    for (r, label) in [
        "Всего",
        "Родившиеся в стране",
        "Родившиеся за рубежом",
        "Не указано",
    ]
    .iter()
    .enumerate()
    {
        let _ = status.write_string(2 + r as u32, 0, *label);
        let _ = status.write_number(2 + r as u32, 1, 1000.0 - r as f64);
    }
    let metadata = book.add_worksheet();
    let _ = metadata.set_name("Metadata");
    let _ = metadata.write_string(0, 0, "table");
    let _ = metadata.write_string(0, 1, "source");
    let _ = metadata.write_string(0, 2, "duration_months");
    let _ = metadata.write_string(1, 0, "3");
    let _ = metadata.write_string(1, 1, "register, corrected");
    let _ = metadata.write_number(1, 2, 12.0);
    let _ = metadata.write_string(2, 0, "1.1");
    let _ = metadata.write_string(2, 1, "census 2021");
    let _ = metadata.write_number(2, 2, 0.0);
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_layout_survives_the_canonical_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let workbook = dir.path().join("KAZ.xlsx");
    std::fs::write(&workbook, varied_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let inputs: Vec<PathBuf> = vec![
        workbook,
        fixture("KGZ_table4.xls"),
        fixture("TJK_status.ods"),
        fixture("estat_migr_imm5prv.tsv.gz"),
        fixture("eurostat_tps00176_immigration_bulk.csv"),
        fixture("eurostat_tps00176_immigration_sdmx.csv"),
        fixture("ru_long_koi8r.csv"),
        fixture("realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"),
    ];
    let outcome = load::load_files(&inputs, |_| ImportOptions::default(), &LoadControl::new());
    for (path, file) in inputs.iter().zip(&outcome.files) {
        if let Err(e) = file {
            panic!("{}: {e}", path.display());
        }
    }
    let first = &outcome.dataset;
    // The workbook's special cells are what they should be before the round trip.
    let kaz = facts(first)
        .into_iter()
        .filter(|f| f.starts_with("3|KAZ|"))
        .collect::<Vec<_>>();
    assert_eq!(kaz.len(), 20);
    assert!(
        kaz.contains(&"3|KAZ|2020|T|TOTAL|TOTAL|12345|e|register, corrected|Some(12)".to_string()),
        "{kaz:#?}"
    );
    assert!(
        kaz.contains(
            &"3|KAZ|2021|T|TOTAL|TOTAL|missing Some(Confidential)|c|register, corrected|Some(12)"
                .to_string()
        ),
        "{kaz:#?}"
    );
    assert!(
        kaz.contains(
            &"3|KAZ|2022|T|TOTAL|TOTAL|missing Some(NotApplicable)||register, corrected|Some(12)"
                .to_string()
        ),
        "{kaz:#?}"
    );
    assert!(
        kaz.contains(
            &"3|KAZ|2020|T|85+|RUS|text \"see note\"||register, corrected|Some(12)".to_string()
        ),
        "{kaz:#?}"
    );
    assert!(
        kaz.contains(
            &"3|KAZ|2021|T|85+|RUS|text \"#N/A\"||register, corrected|Some(12)".to_string()
        ),
        "{kaz:#?}"
    );
    assert!(
        kaz.contains(&"3|KAZ|2019|T|UNK|Kyrgyzstn|1234||register, corrected|Some(12)".to_string()),
        "{kaz:#?}"
    );
    let mut csv = Vec::new();
    canonical::write_csv(first, &mut csv).unwrap_or_else(|e| panic!("{e}"));
    let (second, report) = load_bytes("converted.csv", &csv, &ImportOptions::default());
    assert_eq!(report.skipped_rows, 0, "{:?}", report.skipped);
    assert_eq!(second.len(), first.len());
    assert_eq!(facts(&second), facts(first));
    // And once more: the canonical CSV of the canonical CSV is the same text but for provenance.
    let mut again = Vec::new();
    canonical::write_csv(&second, &mut again).unwrap_or_else(|e| panic!("{e}"));
    let (third, _) = load_bytes("converted again.csv", &again, &ImportOptions::default());
    assert_eq!(facts(&third), facts(first));
}
