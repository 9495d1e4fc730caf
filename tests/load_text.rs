//! Long text files: the real Eurostat bilateral file, Cyrillic encodings, number styles, and the
//! import options that change what is read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::*;
use migreview::load::{ColumnRole, ImportOptions, Layout, preview};
use migreview::model::{Missing, Sex, TableId};

#[test]
fn the_bilateral_file_reads_every_row_and_keeps_missing_apart_from_zero() {
    let (dataset, report) = load(&fixture(
        "realdata/eurostat_bilateral_flows_eu27_2010_2019.csv",
    ));
    assert_eq!(report.layout, Layout::LongCsv);
    assert_eq!(report.delimiter, Some(','));
    assert_eq!(report.observations, 14_040);
    assert_eq!(dataset.len(), 14_040);
    assert_eq!(report.skipped_rows, 0);
    assert!(report.confident);
    // 6,896 rows have an empty value: missing, never zero.
    let empty = dataset
        .obs()
        .iter()
        .filter(|o| o.value() == migreview::model::Value::Missing(Missing::Empty))
        .count();
    assert_eq!(empty, 6_896);
    let zeros = dataset
        .obs()
        .iter()
        .filter(|o| o.number() == Some(0.0))
        .count();
    assert_eq!(zeros, 65);
    // BGR → LTU 2018: Bulgaria reports 0 emigrants to Lithuania, Lithuania 22 immigrants.
    let emigration = key(TableId::T4, "BGR", 2018, "LTU");
    assert_eq!(number(&dataset, emigration), Some(0.0));
    assert_eq!(missing(&dataset, emigration), None);
    assert_eq!(
        number(&dataset, key(TableId::T3, "LTU", 2018, "BGR")),
        Some(22.0)
    );
    // A missing value keeps its line.
    let cyprus = key(TableId::T3, "CYP", 2016, "DEU");
    assert_eq!(missing(&dataset, cyprus), Some(Missing::Empty));
    let line = place(&dataset, cyprus);
    assert!(
        line.starts_with(&format!(
            "{} › line ",
            fixture("realdata/eurostat_bilateral_flows_eu27_2010_2019.csv").display()
        )),
        "{line}"
    );
}

/// The Russian long file (title row, `;`, `12 345`, a note row) in three encodings.
fn check_russian_file(name: &str, encoding: &str) {
    let (dataset, report) = load(&fixture(name));
    assert_eq!(report.encoding.as_deref(), Some(encoding), "{name}");
    assert_eq!(report.delimiter, Some(';'), "{name}");
    assert_eq!(report.sheets[0].header_row, Some(2), "{name}");
    assert_eq!(dataset.len(), 6, "{name}");
    let russia = key(TableId::T5_2, "KAZ", 2019, "RUS");
    assert_eq!(number(&dataset, russia), Some(12_345.0), "{name}");
    assert_eq!(
        number(&dataset, russia.sex(Sex::M)),
        Some(6_100.0),
        "{name}"
    );
    assert_eq!(
        number(&dataset, russia.sex(Sex::F)),
        Some(6_245.0),
        "{name}"
    );
    assert_eq!(
        number(&dataset, key(TableId::T5_2, "KAZ", 2019, "UZB")),
        Some(4_321.0)
    );
    assert_eq!(
        missing(&dataset, key(TableId::T5_2, "KAZ", 2019, "KGZ")),
        Some(Missing::NotAvailable),
        "{name}: `..` is not available"
    );
    assert_eq!(
        number(&dataset, key(TableId::T5_2, "KAZ", 2019, "STATELESS")),
        Some(0.0),
        "{name}"
    );
    assert_eq!(
        report.notes,
        vec!["Примечание: условные данные для проверки чтения файла".to_string()],
        "{name}"
    );
    assert_eq!(
        place(&dataset, russia),
        format!("{} › line 3", fixture(name).display()),
        "{name}"
    );
}

#[test]
fn a_russian_file_in_windows_1251() {
    check_russian_file("ru_long_cp1251.csv", "windows-1251");
}

#[test]
fn a_russian_file_in_koi8_r() {
    check_russian_file("ru_long_koi8r.csv", "KOI8-R");
}

#[test]
fn a_russian_file_in_utf_16() {
    check_russian_file("ru_long_utf16.csv", "UTF-16LE");
}

#[test]
fn utf_16_big_endian_and_utf_8_with_a_bom() {
    let text = "table,reporter,year,category,value\n3,DEU,2019,Türkiye,\"21 000\"\n";
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        be.extend_from_slice(&unit.to_be_bytes());
    }
    let (dataset, report) = load_bytes("de.csv", &be, &ImportOptions::default());
    assert_eq!(report.encoding.as_deref(), Some("UTF-16BE"));
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "TUR")),
        Some(21_000.0)
    );
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let (dataset, report) = load_bytes("de.csv", &bom, &ImportOptions::default());
    assert_eq!(report.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(report.sheets[0].columns[0].header, "table");
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "TUR")),
        Some(21_000.0)
    );
}

#[test]
fn a_western_european_file_in_windows_1252() {
    let text = "table;reporter;year;category;value\n\
                3;Germany;2019;Türkiye;21500\n\
                3;Germany;2019;Curaçao;12\n\
                3;Germany;2019;Réunion;7\n\
                3;Germany;2019;Côte d'Ivoire;1234\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let (dataset, report) = load_bytes("deu.csv", &bytes, &ImportOptions::default());
    assert_eq!(report.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "TUR")),
        Some(21_500.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "CIV")),
        Some(1_234.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "CUW")),
        Some(12.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2019, "REU")),
        Some(7.0)
    );
    assert_eq!(dataset.unplaced.len(), 0, "{:?}", dataset.unplaced);
}

#[test]
fn continental_numbers_are_read_in_the_files_style() {
    let text = "table;reporter;year;category;value\n\
                3;KAZ;2019;RUS;1.234,5\n\
                3;KAZ;2019;UZB;12,5\n\
                3;KAZ;2019;KGZ;2.000\n";
    let (dataset, _) = load_bytes("kaz.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")),
        Some(1234.5)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "UZB")),
        Some(12.5)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "KGZ")),
        Some(2000.0)
    );
}

#[test]
fn table_and_reporter_from_the_file_name_are_guesses() {
    let text = "year,partner,value\n2019,RUS,100\n2020,RUS,120\n";
    let (dataset, report) = load_bytes("KAZ_T3.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(120.0)
    );
    assert!(!report.confident);
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("table 3 taken from the file name")),
        "{:?}",
        report.messages
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("reporter KAZ taken from the file name")),
        "{:?}",
        report.messages
    );
    // Given in the options, nothing is guessed.
    let options = ImportOptions {
        reporter: Some("Kazakhstan".into()),
        table: Some(TableId::T3),
        ..ImportOptions::default()
    };
    let (_, report) = load_bytes("KAZ_T3.csv", text.as_bytes(), &options);
    assert!(report.confident, "{:?}", report.messages);
}

#[test]
fn a_column_role_chosen_in_the_options_changes_what_is_read() {
    // Two columns could be the value; the first is taken unless the user says otherwise.
    let text = "table,reporter,year,category,value,count\n\
                3,KAZ,2019,RUS,100,7\n\
                3,KAZ,2020,RUS,120,9\n";
    let (dataset, report) = load_bytes("flows.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")),
        Some(100.0)
    );
    assert_eq!(report.sheets[0].columns[5].role, ColumnRole::Ignore);
    let mut options = ImportOptions::default();
    options.columns.insert("value".into(), ColumnRole::Ignore);
    options.columns.insert("count".into(), ColumnRole::Value);
    let (dataset, report) = load_bytes("flows.csv", text.as_bytes(), &options);
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")),
        Some(7.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(9.0)
    );
    assert_eq!(report.sheets[0].columns[5].role, ColumnRole::Value);
    // The preview shows the same choice.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("flows.csv");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let shown = preview(&path, &options, 2).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.layout, Some(Layout::LongCsv));
    assert_eq!(shown.sheets.len(), 1);
    assert_eq!(shown.sheets[0].rows.len(), 2);
    assert_eq!(shown.sheets[0].rows[1][5], "7");
    assert_eq!(shown.sheets[0].role(5), Some(ColumnRole::Value));
    assert_eq!(shown.sheets[0].role(4), Some(ColumnRole::Ignore));
}

#[test]
fn a_header_row_chosen_in_the_options_changes_what_is_read() {
    // The first row names roles too (a stray header of another table); the real one is row 3.
    let text = "table,reporter,year,value\n\
                note,,,\n\
                table,reporter,year,category,sex,value\n\
                3,KAZ,2019,RUS,M,40\n\
                3,KAZ,2019,RUS,F,60\n";
    // Read under the first header, the category lands in the value column: nothing but text.
    let error = migreview::load::load_bytes(
        std::path::Path::new("flows.csv"),
        text.as_bytes(),
        &ImportOptions::default(),
        &migreview::load::LoadControl::new(),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert_eq!(
        error,
        "flows.csv: expected numbers in the value column; found only text, such as \"RUS\" at \
         flows.csv › line 4"
    );
    let options = ImportOptions {
        header_row: Some(3),
        ..ImportOptions::default()
    };
    let (dataset, report) = load_bytes("flows.csv", text.as_bytes(), &options);
    assert_eq!(report.sheets[0].header_row, Some(3));
    assert_eq!(report.skipped_rows, 0);
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "RUS").sex(Sex::F)),
        Some(60.0)
    );
    assert_eq!(
        place(&dataset, key(TableId::T3, "KAZ", 2019, "RUS").sex(Sex::M)),
        "flows.csv › line 4"
    );
}

#[test]
fn the_preview_of_a_file_that_cannot_be_read_yet_shows_its_rows_and_why() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("KAZ.csv");
    let text =
        "Immigration to Kazakhstan\nYear;Partner;Persons\n2019;Russia;4190\n2020;Russia;4300\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let shown = preview(&path, &ImportOptions::default(), 3).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.layout, None);
    assert!(!shown.confident);
    assert_eq!(
        shown.error.as_deref(),
        Some(
            format!(
                "{}: expected a table column (table, таблица) or the table in the sheet or file \
                 name (T3.csv); found columns \"Year\", \"Partner\", \"Persons\"",
                path.display()
            )
            .as_str()
        )
    );
    assert_eq!(shown.delimiter, Some(';'));
    assert_eq!(shown.sheets[0].rows.len(), 3);
    assert_eq!(shown.sheets[0].rows[2], vec!["2019", "Russia", "4190"]);
    // With the table chosen, it reads.
    let options = ImportOptions {
        table: Some(TableId::T3),
        ..ImportOptions::default()
    };
    let shown = preview(&path, &options, 3).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.error, None);
    assert_eq!(shown.layout, Some(Layout::LongCsv));
    assert_eq!(shown.sheets[0].header_row, Some(2));
    assert_eq!(shown.sheets[0].role(2), Some(ColumnRole::Value));
    assert!(
        !shown.confident,
        "the reporter still comes from the file name"
    );
    // Files that cannot be opened at all are errors.
    let missing = dir.path().join("missing.csv");
    assert!(matches!(
        preview(&missing, &ImportOptions::default(), 3),
        Err(migreview::load::LoadError::NotFound { .. })
    ));
}
