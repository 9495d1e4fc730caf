//! Year headers: rows of counts that look like years are never read as the header, with or
//! without the flags a user gives; rows of real years (numbers, text, financial years, one run
//! per sex block) are.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::{key, load_bytes, number};
use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::TableId;
use rust_xlsxwriter::{Workbook, Worksheet};
use std::path::Path;

#[derive(Clone, Debug)]
enum Cell {
    N(f64),
    S(&'static str),
    Blank,
}

use Cell::{Blank, N, S};

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[Cell]) {
    for (col, cell) in cells.iter().enumerate() {
        let _ = match cell {
            N(n) => sheet.write_number(row, col as u16, *n).map(|_| ()),
            S(s) => sheet.write_string(row, col as u16, *s).map(|_| ()),
            Blank => Ok(()),
        };
    }
}

/// A one-sheet workbook named `Table 3` with these rows.
fn book(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    for (i, row) in rows.iter().enumerate() {
        write_row(sheet, i as u32, row);
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

fn error(bytes: &[u8], options: &ImportOptions) -> String {
    match load::load_bytes(Path::new("KAZ.xlsx"), bytes, options, &LoadControl::new()) {
        Ok((dataset, report)) => panic!(
            "loaded {} observations: {:?}",
            dataset.len(),
            report.messages
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_row_of_counts_holding_year_like_numbers_is_not_a_header() {
    // No header of years; the second data row holds 2016 and 2003 among other counts.
    let bytes = book(&[
        vec![S("Country: Kazakhstan")],
        vec![
            S("Country"),
            S("Visas"),
            S("Invitations"),
            S("Registrations"),
        ],
        vec![S("Russian Federation"), N(150.0), N(405.0), N(13.0)],
        vec![S("Venezuela"), N(2016.0), N(45.0), N(2003.0)],
    ]);
    let message = error(&bytes, &ImportOptions::default());
    assert!(
        message.contains(
            "no row of years among rows 1–4 and no header naming the columns (table, reporter, \
             year, value); row 4: holds counts, not years: beside 2016, 2003 it has 45"
        ),
        "{message}"
    );
    assert!(!message.contains("years in row"), "{message}");
    // The flags supply a table and a reporter; they do not make the counts years.
    let options = ImportOptions {
        table: Some(TableId::T3),
        reporter: Some("KAZ".into()),
        ..ImportOptions::default()
    };
    assert!(error(&bytes, &options).contains("row 4: holds counts, not years"));
    // Nor does choosing the row.
    let options = ImportOptions {
        header_row: Some(4),
        ..options
    };
    let chosen = error(&bytes, &options);
    assert!(
        chosen.contains("row 4 (the header row chosen) is not a row of years"),
        "{chosen}"
    );
}

#[test]
fn two_year_like_counts_under_column_headings_are_figures() {
    // Only two value columns, and the counts of Venezuela happen to be 2016 and 2003.
    let bytes = book(&[
        vec![S("Country"), S("Immigrants"), S("Emigrants")],
        vec![S("Venezuela"), N(2016.0), N(2003.0)],
        vec![S("Peru"), N(210.0), N(190.0)],
    ]);
    let message = error(&bytes, &ImportOptions::default());
    assert!(
        message.contains("row 2: neighbouring years 2016 and 2003 are more than 10 years apart"),
        "{message}"
    );
    let close = book(&[
        vec![S("Country"), S("Immigrants"), S("Emigrants")],
        vec![S("Venezuela"), N(2016.0), N(2013.0)],
        vec![S("Peru"), N(210.0), N(190.0)],
    ]);
    let message = error(&close, &ImportOptions::default());
    assert!(
        message.contains(
            "row 2: it sits under column headings in row 1 (\"Immigrants\", \"Emigrants\"), so \
             it is a row of figures"
        ),
        "{message}"
    );
}

#[test]
fn years_after_the_current_year_or_out_of_order_are_not_a_header() {
    let future = book(&[
        vec![S("Country: Kazakhstan")],
        vec![S("Country"), N(2090.0), N(2091.0), N(2092.0)],
        vec![S("Russian Federation"), N(150.0), N(405.0), N(13.0)],
    ]);
    let message = error(&future, &ImportOptions::default());
    assert!(message.contains("row 2: years after"), "{message}");
    assert!(
        message.contains("(2090, 2091, 2092), which the file cannot hold"),
        "{message}"
    );
    let shuffled = book(&[
        vec![S("Country: Kazakhstan")],
        vec![S("Country"), N(2016.0), N(2012.0), N(2014.0)],
        vec![S("Russian Federation"), N(150.0), N(405.0), N(13.0)],
    ]);
    let message = error(&shuffled, &ImportOptions::default());
    assert!(
        message.contains("row 2: the year-like cells are not in order (2016, 2012, 2014)"),
        "{message}"
    );
}

#[test]
fn real_year_headers_are_read_as_text_falling_financial_or_per_sex_block() {
    // Text years, newest first.
    let falling = book(&[
        vec![S("Country: Kazakhstan")],
        vec![S("Country"), S("2020"), S("2019"), S("2018")],
        vec![S("Russian Federation"), N(150.0), N(405.0), N(13.0)],
    ]);
    let (dataset, _) = load_bytes("KAZ.xlsx", &falling, &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(150.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2018, "RUS")),
        Some(13.0)
    );
    // Financial years, read as the year they start in, and said.
    let financial = book(&[
        vec![S("Country: Kazakhstan")],
        vec![S("Country"), S("1961–62"), S("1962–63")],
        vec![S("Russian Federation"), N(150.0), N(405.0)],
    ]);
    let (dataset, report) = load_bytes("KAZ.xlsx", &financial, &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 1962, "RUS")),
        Some(405.0)
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("financial years in row 2 (1961–62 is read as 1961")),
        "{:?}",
        report.messages
    );
    // One year per sex block.
    let blocks = book(&[
        vec![S("Country: Kazakhstan")],
        vec![Blank, S("Total"), S("Men"), S("Women")],
        vec![S("Country"), N(2020.0), N(2020.0), N(2020.0)],
        vec![S("Russian Federation"), N(150.0), N(80.0), N(70.0)],
    ]);
    let (dataset, _) = load_bytes("KAZ.xlsx", &blocks, &ImportOptions::default());
    assert_eq!(
        number(
            &dataset,
            key(TableId::T3, "KAZ", 2020, "RUS").sex(migreview::model::Sex::F)
        ),
        Some(70.0)
    );
}

#[test]
fn sex_given_by_a_sheet_name_or_a_title_is_that_sex_never_the_total() {
    let mut book = Workbook::new();
    for (name, value) in [("Мужчины", 80.0), ("Женщины", 70.0)] {
        let sheet = book.add_worksheet();
        let _ = sheet.set_name(name);
        write_row(sheet, 0, &[S("Страна: Казахстан")]);
        write_row(sheet, 1, &[S("Страна"), N(2019.0), N(2020.0)]);
        write_row(sheet, 2, &[S("Россия"), N(value), N(value + 1.0)]);
    }
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    write_row(sheet, 0, &[S("Country: Kazakhstan")]);
    write_row(
        sheet,
        1,
        &[S("Immigrants by country of previous residence, females")],
    );
    write_row(sheet, 2, &[S("Country"), N(2018.0), N(2019.0)]);
    write_row(sheet, 3, &[S("Uzbekistan"), N(12.0), N(13.0)]);
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let options = ImportOptions {
        table: Some(TableId::T3),
        ..ImportOptions::default()
    };
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &options);
    use migreview::model::Sex;
    let rus = |year, sex| number(&dataset, key(TableId::T3, "KAZ", year, "RUS").sex(sex));
    assert_eq!(rus(2019, Sex::M), Some(80.0));
    assert_eq!(rus(2020, Sex::F), Some(71.0));
    assert!(load_support::all(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")).is_empty());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2018, "UZB").sex(Sex::F)),
        Some(12.0)
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("sex F (title cell A2)")),
        "{:?}",
        report.messages
    );
}

#[test]
fn sex_blocks_of_two_decades_repeat_one_run_of_years() {
    // Total | Men | Women over 2000–2020 each: the years fall from 2020 back to 2000 between
    // blocks, which is a new block, not a gap of twenty years.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    write_row(sheet, 0, &[S("Country: Kazakhstan")]);
    for (b, label) in ["Total", "Men", "Women"].iter().enumerate() {
        let _ = sheet.write_string(1, 1 + b as u16 * 21, *label);
    }
    let _ = sheet.write_string(2, 0, "Country");
    let _ = sheet.write_string(3, 0, "Uzbekistan");
    for b in 0..3u16 {
        for (i, year) in (2000..=2020).enumerate() {
            let col = 1 + b * 21 + i as u16;
            let _ = sheet.write_number(2, col, year as f64);
            let _ = sheet.write_number(3, col, (100 * b as u32 + i as u32) as f64);
        }
    }
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, _) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    use migreview::model::Sex;
    assert_eq!(dataset.len(), 63);
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "UZB").sex(Sex::F)),
        Some(220.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2000, "UZB").sex(Sex::M)),
        Some(100.0)
    );
}

#[test]
fn a_layout_given_is_honoured_not_replaced_by_another() {
    let bytes = book(&[
        vec![S("Country: Kazakhstan")],
        vec![S("Country"), N(2019.0), N(2020.0)],
        vec![S("Russian Federation"), N(150.0), N(405.0)],
    ]);
    let options = ImportOptions {
        layout: Some(migreview::load::Layout::EurostatBrowser),
        ..ImportOptions::default()
    };
    assert_eq!(
        error(&bytes, &options),
        "KAZ.xlsx: expected a Eurostat data-browser sheet (the layout given with --layout or in \
         the import dialog): a row starting with TIME followed by years; found sheet \"Table 3\" \
         without one"
    );
    // Read as what it is when no layout is given.
    let (dataset, _) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(405.0)
    );
}

#[test]
fn a_sort_order_column_is_not_taken_for_the_partner_countries() {
    // UN tables open with a column of row numbers; some of them are ISO numeric codes (4, 8,
    // 12…), but the names beside them place far better.
    let mut rows = vec![
        vec![S("Country: Kazakhstan")],
        vec![S("Sort order"), S("Name"), N(2019.0), N(2020.0)],
    ];
    for (i, name) in ["Afghanistan", "Albania", "Algeria", "Armenia", "Uzbekistan"]
        .iter()
        .enumerate()
    {
        let order = [4.0, 8.0, 12.0, 16.0, 20.0][i];
        rows.push(vec![
            N(order),
            S(name),
            N(10.0 + i as f64),
            N(20.0 + i as f64),
        ]);
    }
    let bytes = book(&rows);
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "UZB")),
        Some(24.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "AFG")),
        Some(10.0)
    );
    let sheet = &report.sheets[0];
    let category: Vec<&str> = sheet
        .columns
        .iter()
        .filter(|c| c.role == migreview::load::ColumnRole::Category)
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(category, vec!["Name"]);
}
