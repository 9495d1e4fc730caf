//! Input that cannot be read gives one clear message naming the file (and sheet or cell) and
//! what was expected; other files still load; nothing panics, even on damaged bytes.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::*;
use migreview::load::{self, ImportOptions, LoadControl, LoadError};
use migreview::model::TableId;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn small_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, "Country of previous residence");
    let _ = sheet.write_number(1, 1, 2019.0);
    let _ = sheet.write_number(1, 2, 2020.0);
    let _ = sheet.write_string(2, 0, "Russian Federation");
    let _ = sheet.write_number(2, 1, 4190.0);
    let _ = sheet.write_string(2, 2, "4300 p");
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_missing_file_a_directory_and_an_empty_file() {
    let dir = temp();
    let missing = dir.path().join("KAZ.xlsx");
    assert_eq!(
        error_of(&missing, None),
        format!("{}: file not found", missing.display())
    );
    assert_eq!(
        error_of(dir.path(), None),
        format!(
            "{}: is a directory, expected a data file (.csv, .tsv, .xlsx, .xls, .ods, …)",
            dir.path().display()
        )
    );
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        error_of(&empty, None),
        format!(
            "{}: the file is empty, expected migration data",
            empty.display()
        )
    );
    assert_eq!(
        error_of(Path::new("blank.csv"), Some(b" \r\n\r\n  \n")),
        "blank.csv: the file is empty, expected migration data"
    );
}

#[test]
fn binary_junk_is_not_data() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let junk: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    assert_eq!(
        error_of(Path::new("junk.dat"), Some(&junk)),
        "junk.dat: expected a text file (CSV, TSV) or a workbook (.xlsx, .xls, .ods); found \
         binary data"
    );
    // Named like a workbook, it is read as one, and named as not one.
    let error = error_of(Path::new("junk.xlsx"), Some(&junk));
    assert!(
        error.starts_with("junk.xlsx: cannot read the workbook ("),
        "{error}"
    );
}

#[test]
fn a_truncated_workbook_and_a_zip_without_one() {
    let bytes = small_workbook();
    let truncated = &bytes[..bytes.len() / 2];
    let error = error_of(Path::new("KAZ.xlsx"), Some(truncated));
    assert!(
        error.starts_with(
            "KAZ.xlsx: cannot read the workbook (the ZIP archive is damaged or truncated: "
        ),
        "{error}"
    );
    assert_eq!(
        error_of(&fixture("not_a_workbook.xlsx"), None),
        format!(
            "{}: cannot read the workbook (a ZIP archive that holds no workbook (no \
             xl/workbook.xml or content.xml); expected an .xlsx, .xlsm or .ods file)",
            fixture("not_a_workbook.xlsx").display()
        )
    );
}

#[test]
fn a_password_protected_workbook() {
    let path = fixture("encrypted.xlsx");
    assert_eq!(
        error_of(&path, None),
        format!(
            "{}: the workbook is password-protected; save an unprotected copy and open that",
            path.display()
        )
    );
    let result = load::load_file(&path, &ImportOptions::default(), &LoadControl::new());
    assert!(matches!(result, Err(LoadError::Encrypted { .. })));
}

#[test]
fn a_sheet_without_a_recognisable_header() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Notes");
    let _ = sheet.write_string(0, 0, "Migration statistics");
    let _ = sheet.write_string(1, 0, "Prepared in 2021 for the workshop");
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        error_of(Path::new("notes.xlsx"), Some(&bytes)),
        format!(
            "notes.xlsx: expected a sheet with migration data: a header row of two or more \
             years from 1900 to {}, in order, with no other numbers and rows of figures below \
             (Clearinghouse layout), or columns named table, reporter, year, value (long \
             layout); found sheet \"Notes\": no row of years among rows 1–2 and no header \
             naming the columns (table, reporter, year, value)",
            migreview::load::header::current_year()
        )
    );
    assert_eq!(
        error_of(
            Path::new("notes.csv"),
            Some("Migration statistics\nPrepared for the workshop\n".as_bytes())
        ),
        "notes.csv: expected a header row naming the columns (table, reporter, year, sex, \
         category, value…) within the first 30 rows; found first line \"Migration statistics\""
    );
}

#[test]
fn a_value_column_of_text() {
    let text = "table,reporter,year,category,value\n\
                3,KAZ,2019,RUS,many\n\
                3,KAZ,2020,RUS,few\n";
    assert_eq!(
        error_of(Path::new("words.csv"), Some(text.as_bytes())),
        "words.csv: expected numbers in the value column; found only text, such as \"many\" at \
         words.csv › line 2"
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, "Country of previous residence");
    let _ = sheet.write_number(1, 1, 2019.0);
    let _ = sheet.write_number(1, 2, 2020.0);
    let _ = sheet.write_string(2, 0, "Russian Federation");
    let _ = sheet.write_string(2, 1, "about a thousand");
    let _ = sheet.write_string(2, 2, "more");
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        error_of(Path::new("KAZ.xlsx"), Some(&bytes)),
        "KAZ.xlsx: expected numbers in the year columns of sheet \"Table 3\"; found only text, \
         such as \"about a thousand\" at KAZ.xlsx › Table 3 › B3"
    );
}

#[test]
fn rows_that_cannot_be_read_are_skipped_with_their_reason_and_place() {
    let text = "table,reporter,year,sex,age,category,value\n\
                3,KAZ,2019,T,TOTAL,RUS,100\n\
                3,KAZ,20x9,T,TOTAL,RUS,100\n\
                9,KAZ,2019,T,TOTAL,RUS,100\n\
                3,KAZ,2019,X,TOTAL,RUS,100\n\
                3,KAZ,2019,T,old,RUS,100\n\
                3,KAZ,2019,T,TOTAL,UZB,7\n";
    let (dataset, report) = load_bytes("kaz.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(dataset.len(), 2);
    assert_eq!(report.skipped_rows, 4);
    let skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.location, s.reason))
        .collect();
    let last_year = migreview::load::header::current_year();
    assert_eq!(
        skipped,
        vec![
            format!("kaz.csv › line 3: expected a year (1900–{last_year}), found \"20x9\"")
                .as_str(),
            "kaz.csv › line 4: table \"9\" is not one of 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 \
             7.2 POP BIRTHS DEATHS",
            "kaz.csv › line 5: expected a sex (T, M, F, Total, Men, Women…), found \"X\"",
            "kaz.csv › line 6: expected an age group (TOTAL, 0-4, 85+, UNK), found \"old\"",
        ]
    );
    // In a sheet, the reason points at the cell.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, "Country of previous residence");
    let _ = sheet.write_string(1, 1, "Age");
    let _ = sheet.write_number(1, 2, 2019.0);
    let _ = sheet.write_number(1, 3, 2020.0);
    for (row, age) in [(2, "Total"), (3, "0-4"), (4, "young")] {
        let _ = sheet.write_string(row, 0, "Russian Federation");
        let _ = sheet.write_string(row, 1, age);
        let _ = sheet.write_number(row, 2, 10.0);
        let _ = sheet.write_number(row, 3, 11.0);
    }
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(dataset.len(), 4);
    assert_eq!(report.skipped_rows, 1);
    assert_eq!(
        format!(
            "{}: {}",
            report.skipped[0].location, report.skipped[0].reason
        ),
        "KAZ.xlsx › Table 3 › B5: expected an age group (Total, 0-4, 85+, Unknown), found \"young\""
    );
}

#[test]
fn one_unreadable_file_does_not_stop_the_others() {
    let dir = temp();
    let good = dir.path().join("KAZ.xlsx");
    std::fs::write(&good, small_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<PathBuf> = vec![
        dir.path().join("missing.csv"),
        good.clone(),
        fixture("encrypted.xlsx"),
        junk.clone(),
        fixture("eurostat_tps00176_immigration_sdmx.csv"),
    ];
    let outcome = load::load_files(&paths, |_| ImportOptions::default(), &LoadControl::new());
    let states: Vec<&str> = outcome
        .files
        .iter()
        .map(|f| match f {
            Ok(_) => "read",
            Err(LoadError::NotFound { .. }) => "not found",
            Err(LoadError::Encrypted { .. }) => "encrypted",
            Err(LoadError::Unrecognised { .. }) => "unrecognised",
            Err(_) => "other",
        })
        .collect();
    assert_eq!(
        states,
        vec!["not found", "read", "encrypted", "unrecognised", "read"]
    );
    assert_eq!(outcome.dataset.len(), 2 + 9);
    assert_eq!(
        number(&outcome.dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(4300.0)
    );
    assert_eq!(
        place(&outcome.dataset, key(TableId::T3, "DEU", 2017, "TOTAL")),
        format!("{} › line 7", paths[4].display())
    );
}

/// Bytes of every fixture and of generated workbooks, cut short and with bytes changed, never
/// make the loader panic: it returns data or an error.
#[test]
fn damaged_bytes_never_panic() {
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let dir = fixture("");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        // The large bilateral file is cut to its first 8 KB: the same layout, faster.
        let bytes = if bytes.len() > 64 << 10 {
            bytes[..8 << 10].to_vec()
        } else {
            bytes
        };
        inputs.push((load::display_name(&path), bytes));
    }
    inputs.push(("KAZ.xlsx".into(), small_workbook()));
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut runs = 0usize;
    for (name, bytes) in &inputs {
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for cut in [
            1,
            2,
            7,
            64,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            variants.push(bytes[..cut.min(bytes.len())].to_vec());
        }
        for _ in 0..16 {
            let mut mutated = bytes.clone();
            for _ in 0..(1 + next() % 8) {
                let at = (next() as usize) % mutated.len();
                mutated[at] = next() as u8;
            }
            variants.push(mutated);
        }
        for variant in variants {
            let result = load::load_bytes(
                Path::new(name),
                &variant,
                &ImportOptions::default(),
                &LoadControl::new(),
            );
            // Either outcome is fine; an error names the file.
            if let Err(error) = result {
                assert!(error.to_string().contains(name.as_str()), "{error}");
            }
            runs += 1;
        }
    }
    assert!(runs >= 200, "{runs}");
}

#[test]
fn a_delimiter_that_is_not_one_byte_of_punctuation_is_refused_not_cut_to_a_byte() {
    // 'Ĭ' is U+012C: cut to a byte it would be ',' and the file would be split on commas.
    let options = ImportOptions {
        delimiter: Some('Ĭ'),
        ..ImportOptions::default()
    };
    let text = b"reporter,table,year,sex,category,value\nKAZ,3,2015,T,Kyrgyzstan,120\n";
    let error = load::load_bytes(Path::new("f.csv"), text, &options, &LoadControl::new())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("one of , ; tab |") && error.contains("'Ĭ'"),
        "{error}"
    );
}

#[test]
fn workbooks_that_would_ask_for_gigabytes_are_refused_with_a_message() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz_corpus");
    let cases = [
        // A chain of sectors that loops: calamine would follow it until memory runs out.
        (
            "load_xls/sector_chain_loop_164b38c3_min.xls",
            "found a damaged one (a chain of its sectors loops back on itself)",
        ),
        // A shared-string count of a billion: calamine would set aside 24 GB for it.
        (
            "load_xlsx/shared_strings_count_of_a_billion.xlsx",
            "its list of shared strings says it holds 1,000,000,000 strings",
        ),
        // 768 bytes that repeat a row of 16,000 values 6,000 times: 96 million cells.
        (
            "load_ods/repeated_row_of_16000_values.ods",
            "its sheets repeat rows and cells to more than 25,000,000 cells",
        ),
    ];
    for (name, expected) in cases {
        let path = corpus.join(name);
        let bytes = std::fs::read(&path).unwrap();
        let error = load::load_bytes(
            &path,
            &bytes,
            &ImportOptions::default(),
            &LoadControl::new(),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(error.contains(expected), "{name}: {error}");
        assert!(error.contains("save it again"), "{name}: {error}");
    }
}
