//! The sample workbooks have the Clearinghouse layout, and every value of the long CSV sits in
//! the workbook cell it names. Read with calamine directly, so that the layout is checked
//! whatever the workbook loader does.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use migreview::load::LoadError;
use migreview::sample::generate::{REPORTERS, Variant, generate};
use migreview::sample::{self, SYNTHETIC_NOTICE_EN};
use std::collections::BTreeMap;
use std::io::Cursor;

fn workbook(clean: bool, name: &str) -> Xlsx<Cursor<&'static [u8]>> {
    let files = if clean {
        sample::clean_files()
    } else {
        sample::files()
    };
    let bytes = files
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| b)
        .unwrap_or(&[]);
    match open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// Column letters and row number of a cell reference (`AB12` → row 11, column 27).
fn position(cell: &str) -> (u32, u32) {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let row: u32 = cell[letters.len()..].parse().unwrap_or(0);
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A') + 1);
    (row - 1, col - 1)
}

fn text(data: Option<&Data>) -> String {
    match data {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => format!("{f}"),
        Some(Data::Int(i)) => format!("{i}"),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

#[test]
fn every_value_of_the_long_csv_sits_in_the_cell_it_names() {
    for clean in [false, true] {
        let files = if clean {
            sample::clean_files()
        } else {
            sample::files()
        };
        let csv = files
            .iter()
            .find(|(n, _)| *n == "sample_long.csv")
            .map(|(_, b)| *b)
            .unwrap_or(&[]);
        let mut sheets: BTreeMap<(String, String), calamine::Range<Data>> = BTreeMap::new();
        for reporter in REPORTERS {
            let name = format!("{reporter}.xlsx");
            let mut book = workbook(clean, &name);
            for sheet in book.sheet_names() {
                if let Ok(range) = book.worksheet_range(&sheet) {
                    sheets.insert((name.clone(), sheet), range);
                }
            }
        }
        let mut reader = csv::Reader::from_reader(csv);
        let mut checked = 0;
        for record in reader.records() {
            let record = record.unwrap_or_default();
            let field = |k| record.get(k).unwrap_or("");
            let Some(range) = sheets.get(&(field(10).to_string(), field(11).to_string())) else {
                panic!("no sheet {} in {}", field(11), field(10));
            };
            let cell = range.get_value(position(field(12)));
            let (value, flag) = (field(6), field(7));
            match cell {
                Some(Data::Float(number)) => {
                    assert_eq!(value.parse::<f64>().ok(), Some(*number), "{record:?}");
                    assert!(flag.is_empty(), "{record:?}");
                }
                Some(Data::String(written)) if flag.is_empty() => {
                    assert_eq!(written, value, "{record:?}");
                }
                Some(Data::String(written)) => {
                    assert_eq!(written, &format!("{value} {flag}"), "{record:?}");
                }
                other => panic!("{record:?}: cell holds {other:?}"),
            }
            checked += 1;
        }
        assert_eq!(
            checked,
            generate(if clean { Variant::Clean } else { Variant::Main })
                .dataset()
                .len()
        );
    }
}

#[test]
fn a_sheet_has_title_country_notice_sex_blocks_header_and_notes() {
    let mut kaz = workbook(false, "KAZ.xlsx");
    let names = kaz.sheet_names();
    assert_eq!(
        names,
        [
            "Table 1.1",
            "Table 1.2",
            "Table 2.1",
            "Table 2.2",
            "Table 3",
            "Table 4",
            "Table 5.1",
            "Table 5.2",
            "Table 6.1",
            "Table 6.2",
            "Table 7.1",
            "Table 7.2",
            "POP",
            "BIRTHS",
            "DEATHS",
            "Metadata"
        ]
    );
    let Ok(t3) = kaz.worksheet_range("Table 3") else {
        panic!("no Table 3")
    };
    let at = |r, c| text(t3.get_value((r, c)));
    assert_eq!(
        at(0, 0),
        "Table 3. Long-term immigration by country of previous residence"
    );
    assert_eq!(at(1, 0), "Country: Kazakhstan");
    assert_eq!(at(2, 0), SYNTHETIC_NOTICE_EN);
    // Sex blocks over the years: Total from C, Men from M, Women from W; merged across.
    assert_eq!(
        (at(3, 2), at(3, 12), at(3, 22)),
        ("Total".into(), "Men".into(), "Women".into())
    );
    let merged: Vec<((u32, u32), (u32, u32))> = match kaz.merge_cells_by_sheet_name("Table 3") {
        Ok(list) => list.into_iter().map(|d| (d.start, d.end)).collect(),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        merged,
        [((3, 2), (3, 11)), ((3, 12), (3, 21)), ((3, 22), (3, 31))]
    );
    assert_eq!(
        (at(4, 0), at(4, 1), at(4, 2), at(4, 11)),
        (
            "Country of previous residence".into(),
            "Age".into(),
            "2012".into(),
            "2021".into()
        )
    );
    assert_eq!((at(5, 0), at(5, 1)), ("Total".into(), "Total".into()));
    assert_eq!((at(6, 0), at(6, 1)), ("Total".into(), "0-4".into()));
    let rows: Vec<String> = (5..t3.height() as u32).map(|r| at(r, 0)).collect();
    let source = rows.iter().position(|r| r.starts_with("Source: "));
    assert!(source.is_some_and(|i| rows[i - 1].is_empty()), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Note: long-term migrants"))
    );
    assert!(rows.contains(&"Unknown".to_string()) && rows.contains(&"Other countries".to_string()));
    // The Metadata sheet.
    let Ok(meta) = kaz.worksheet_range("Metadata") else {
        panic!("no Metadata")
    };
    let header: Vec<String> = (0..4).map(|c| text(meta.get_value((0, c)))).collect();
    assert_eq!(header, ["table", "year", "source", "duration_months"]);
    // The Russian workbooks speak Russian.
    let mut rus = workbook(false, "RUS.xlsx");
    let Ok(t4) = rus.worksheet_range("Table 4") else {
        panic!("no Table 4")
    };
    let at = |r, c| text(t4.get_value((r, c)));
    assert!(
        at(0, 0).starts_with("Таблица 4. Долгосрочная эмиграция"),
        "{}",
        at(0, 0)
    );
    assert_eq!(at(1, 0), "Страна: Российская Федерация");
    assert_eq!(
        (at(3, 1), at(3, 11), at(3, 21)),
        ("Всего".into(), "Мужчины".into(), "Женщины".into())
    );
    let labels: Vec<String> = (5..t4.height() as u32).map(|r| at(r, 0)).collect();
    for label in ["Всего", "Казахстан", "Не указано", "Другие страны"]
    {
        assert!(
            labels.contains(&label.to_string()),
            "{label} missing from {labels:?}"
        );
    }
}

#[test]
fn a_flagged_value_and_a_missing_year_column_look_as_planted() {
    let mut kgz = workbook(false, "KGZ.xlsx");
    let Ok(t11) = kgz.worksheet_range("Table 1.1") else {
        panic!("no Table 1.1")
    };
    // 2020 is the ninth year column of the first block: J; the total is the first data row.
    let flagged = text(t11.get_value((5, 9)));
    assert!(flagged.ends_with(" b") && flagged.len() > 8, "{flagged}");
    let mut tjk = workbook(false, "TJK.xlsx");
    let Ok(t72) = tjk.worksheet_range("Table 7.2") else {
        panic!("no Table 7.2")
    };
    let years: Vec<String> = (1..10).map(|c| text(t72.get_value((4, c)))).collect();
    assert_eq!(
        years,
        [
            "2012", "2013", "2014", "2015", "2016", "2018", "2019", "2020", "2021"
        ]
    );
    let mut clean = workbook(true, "TJK.xlsx");
    let Ok(t72) = clean.worksheet_range("Table 7.2") else {
        panic!("no Table 7.2")
    };
    assert_eq!(text(t72.get_value((4, 6))), "2017");
}

/// Once a workbook loader reads the sample, it must give exactly the observations of the long
/// CSV, with the same cells. Until then each workbook is refused as binary data, with a message.
#[test]
fn sample_load_reads_the_workbooks_like_the_long_csv() {
    for clean in [false, true] {
        let outcome = sample::load(clean);
        assert_eq!(outcome.files.len(), 5);
        let errors: Vec<&LoadError> = outcome.errors().collect();
        if errors.is_empty() {
            let expected = generate(if clean { Variant::Clean } else { Variant::Main }).dataset();
            let describe = |d: &migreview::model::Dataset| {
                let mut lines: Vec<String> = d
                    .obs()
                    .iter()
                    .map(|o| {
                        format!(
                            "{} {} {} {} {} {} {:?} {} {} {:?} @ {}",
                            o.table,
                            d.str(o.reporter),
                            o.year,
                            o.sex,
                            d.str(o.age),
                            d.str(o.category),
                            o.number(),
                            d.str(o.flag),
                            d.str(o.source),
                            o.duration_months(),
                            d.location(o)
                        )
                    })
                    .collect();
                lines.sort();
                lines
            };
            assert_eq!(describe(&outcome.dataset), describe(&expected));
            let names: Vec<&str> = outcome.reports().map(|r| r.name.as_str()).collect();
            assert_eq!(
                names,
                ["AZE.xlsx", "KAZ.xlsx", "KGZ.xlsx", "RUS.xlsx", "TJK.xlsx"]
            );
        } else {
            assert_eq!(errors.len(), 5);
            for error in errors {
                let message = error.to_string();
                assert!(
                    message.starts_with("sample_data/") && message.contains("binary data"),
                    "{message}"
                );
            }
            assert!(outcome.dataset.is_empty());
        }
    }
}

/// The merged regions the loader finds by searching a sheet's XML are those calamine reads,
/// sheet by sheet, in every sample workbook (the sex blocks' headers are merged).
#[test]
fn merged_regions_found_in_the_xml_are_calamines() {
    let mut compared = 0;
    for (name, bytes) in sample::files().into_iter().chain(sample::clean_files()) {
        if !name.ends_with(".xlsx") {
            continue;
        }
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let names = book.sheet_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let paths = migreview::load::merged::SheetPaths::of(bytes, &names)
            .unwrap_or_else(|| panic!("{name}: the sheets are not placed"));
        for sheet in &names {
            let theirs = book.merge_cells_by_sheet_name(sheet).unwrap();
            let found = paths.merged_regions(bytes, sheet);
            assert_eq!(found.as_ref(), Some(&theirs), "{name} › {sheet}");
            compared += theirs.len();
        }
    }
    // Five workbooks of two variants, each table with its blocks of men and women.
    assert!(compared > 100, "{compared} regions compared");
}
