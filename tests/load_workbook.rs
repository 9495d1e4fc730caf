//! Workbooks: the Clearinghouse layout (merged sex blocks, flag columns, notes, title cells, the
//! Metadata sheet, hidden, chart, cover and empty sheets), the shape of migreview's sample
//! workbooks in English and Russian, long sheets, .xls, .xlsm and .ods files, the import options,
//! and progress and Cancel while a sheet is read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::*;
use migreview::load::{
    ColumnRole, ImportOptions, Layout, LoadControl, LoadError, SheetOptions, preview,
};
use migreview::model::{Missing, Sex, TableId, Value};
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A cell of a test sheet.
#[derive(Clone, Debug)]
enum Cell {
    N(f64),
    S(&'static str),
    Blank,
}

use Cell::{Blank, N, S};

fn write(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell) {
    let _ = match cell {
        N(n) => sheet.write_number(row, col, *n).map(|_| ()),
        S(s) => sheet.write_string(row, col, *s).map(|_| ()),
        Blank => Ok(()),
    };
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[Cell]) {
    for (col, cell) in cells.iter().enumerate() {
        write(sheet, row, col as u16, cell);
    }
}

/// Writes sex blocks as merged cells over `width` columns each, from column `first`.
fn merged_blocks(sheet: &mut Worksheet, row: u32, first: u16, width: u16, labels: &[&str]) {
    let format = Format::new();
    for (i, label) in labels.iter().enumerate() {
        let start = first + i as u16 * width;
        let _ = sheet.merge_range(row, start, row, start + width - 1, label, &format);
    }
}

const CATEGORIES: [&str; 11] = [
    "Total",
    "Russian Federation",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "China",
    "Türkiye",
    "Germany",
    "Kyrgyzstn",
    "Unknown",
    "Other countries",
];

/// The main test workbook: Kazakhstan's Table 3 with merged sex blocks and flag columns, a
/// status table with a sex column, a hidden Table 4, POP by sex, a cover page, an empty sheet,
/// a chart sheet and a Metadata sheet.
fn kazakhstan_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    // Table 3: A = category; per block (Total, Men, Women) 2019, flag, 2020, flag.
    let t3 = book.add_worksheet();
    let _ = t3.set_name("Table 3");
    write_row(
        t3,
        0,
        &[S(
            "Table 3. Long-term immigration by country of previous residence",
        )],
    );
    write_row(t3, 1, &[S("Country: Kazakhstan")]);
    write_row(
        t3,
        2,
        &[S("SYNTHETIC DEMONSTRATION DATA — not official statistics")],
    );
    merged_blocks(t3, 3, 1, 4, &["Total", "Men", "Women"]);
    let mut header = vec![S("Country of previous residence")];
    for _ in 0..3 {
        header.extend([N(2019.0), Blank, N(2020.0), S("flag")]);
    }
    write_row(t3, 4, &header);
    for (i, label) in CATEGORIES.iter().enumerate() {
        let row = 5 + i as u32;
        write(t3, row, 0, &S(label));
        for block in 0..3u16 {
            for year in 0..2u16 {
                let col = 1 + block * 4 + year * 2;
                let value = 1000.0 * (i as f64 + 1.0) + 10.0 * block as f64 + year as f64;
                write(t3, row, col, &N(value));
            }
        }
    }
    // Planted cells (1-based rows as a spreadsheet shows them).
    write(t3, 6, 1, &N(4190.0)); // B7: Russian Federation 2019 total
    write(t3, 6, 2, &S("p")); // C7: its flag
    write(t3, 6, 5, &N(2100.0)); // F7: men
    write(t3, 6, 9, &N(2110.0)); // J7: women
    write(t3, 7, 3, &S("12345 b")); // D8: Uzbekistan 2020, value and flag in one cell
    write(t3, 8, 3, &S("see note")); // D9: Kyrgyzstan 2020
    let _ = t3.clear_cell(9, 1); // B10: Tajikistan 2019 left empty
    write(t3, 10, 1, &S("..")); // B11: China 2019 not available
    write(t3, 13, 3, &N(77.0)); // D14: "Kyrgyzstn" 2020
    write(
        t3,
        17,
        0,
        &S("Source: Ministry of Internal Affairs, population register"),
    );
    write(t3, 18, 0, &S("Note: 2020 figures are provisional."));
    // Table 5.1 with a sex column; the category is written once per group.
    let t51 = book.add_worksheet();
    let _ = t51.set_name("Table 5.1");
    write_row(
        t51,
        0,
        &[S("Table 5.1. Long-term immigration by citizenship status")],
    );
    write_row(t51, 1, &[S("Country: Kazakhstan")]);
    write_row(
        t51,
        3,
        &[S("Citizenship status"), S("Sex"), N(2019.0), N(2020.0)],
    );
    let status_rows: [(Cell, &str, f64, f64); 6] = [
        (S("Total"), "Total", 5000.0, 5200.0),
        (Blank, "Men", 2600.0, 2700.0),
        (Blank, "Women", 2400.0, 2500.0),
        (S("Citizens"), "Total", 1000.0, 1100.0),
        (S("Foreign citizens"), "Total", 3900.0, 4000.0),
        (S("Stateless persons"), "Total", 100.0, 100.0),
    ];
    for (i, (label, sex, a, b)) in status_rows.into_iter().enumerate() {
        write_row(t51, 4 + i as u32, &[label, S(sex), N(a), N(b)]);
    }
    // A hidden Table 4 without sex blocks.
    let t4 = book.add_worksheet();
    let _ = t4.set_name("Table 4");
    write_row(
        t4,
        0,
        &[S(
            "Table 4. Long-term emigration by country of next residence",
        )],
    );
    write_row(t4, 1, &[S("Country:"), S("Kazakhstan")]);
    write_row(
        t4,
        2,
        &[S("Country of next residence"), N(2019.0), N(2020.0)],
    );
    write_row(t4, 3, &[S("Total"), N(30000.0), N(31000.0)]);
    write_row(t4, 4, &[S("Russian Federation"), N(25000.0), N(26000.0)]);
    t4.set_hidden(true);
    // POP: rows labelled by sex.
    let pop = book.add_worksheet();
    let _ = pop.set_name("POP");
    write_row(pop, 0, &[S("POP. Population on 1 January")]);
    write_row(pop, 1, &[S("Country: Kazakhstan")]);
    write_row(pop, 2, &[Blank, N(2019.0), N(2020.0)]);
    write_row(pop, 3, &[S("Total"), N(18_395_000.0), N(18_632_000.0)]);
    write_row(pop, 4, &[S("Men"), N(8_960_000.0), N(9_070_000.0)]);
    write_row(pop, 5, &[S("Women"), N(9_435_000.0), N(9_562_000.0)]);
    // A cover page, an empty sheet, a chart sheet.
    let about = book.add_worksheet();
    let _ = about.set_name("About");
    write_row(about, 0, &[S("Migration statistics of Kazakhstan")]);
    write_row(about, 1, &[S("Prepared for the review workshop")]);
    let empty = book.add_worksheet();
    let _ = empty.set_name("Empty");
    let mut chart = Chart::new(ChartType::Column);
    chart.add_series().set_values(("Table 3", 5, 1, 15, 1));
    let chartsheet = book.add_chartsheet();
    let _ = chartsheet.set_name("Chart");
    let _ = chartsheet.insert_chart(0, 0, &chart);
    // Metadata: a rule for all years, and one for 2020 that overrides it.
    let metadata = book.add_worksheet();
    let _ = metadata.set_name("Metadata");
    write_row(
        metadata,
        0,
        &[S("table"), S("year"), S("source"), S("duration_months")],
    );
    write_row(
        metadata,
        1,
        &[S("3"), Blank, S("population register"), N(12.0)],
    );
    write_row(
        metadata,
        2,
        &[
            N(3.0),
            N(2020.0),
            S("population register (revised)"),
            N(9.0),
        ],
    );
    write_row(
        metadata,
        3,
        &[N(5.1), Blank, S("border statistics"), N(12.0)],
    );
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

fn t3(year: u16, category: &'static str) -> Key<'static> {
    key(TableId::T3, "KAZ", year, category)
}

#[test]
fn a_clearinghouse_workbook_reads_cells_with_their_sex_flag_and_place() {
    let (dataset, report) = load_bytes(
        "KAZ_2020.xlsx",
        &kazakhstan_workbook(),
        &ImportOptions::default(),
    );
    assert_eq!(report.layout, Layout::ClearinghouseWorkbook);
    assert!(report.confident, "{:?}", report.messages);
    assert_eq!(report.skipped_rows, 0, "{:?}", report.skipped);
    // Table 3: 11 categories × 3 sexes × 2 years.
    assert_eq!(
        dataset
            .obs()
            .iter()
            .filter(|o| o.table == TableId::T3)
            .count(),
        66
    );
    let russia = t3(2019, "RUS");
    assert_eq!(number(&dataset, russia), Some(4190.0));
    assert_eq!(flag(&dataset, russia), "p");
    assert_eq!(place(&dataset, russia), "KAZ_2020.xlsx › Table 3 › B7");
    assert_eq!(number(&dataset, russia.sex(Sex::M)), Some(2100.0));
    assert_eq!(
        place(&dataset, russia.sex(Sex::M)),
        "KAZ_2020.xlsx › Table 3 › F7"
    );
    assert_eq!(number(&dataset, russia.sex(Sex::F)), Some(2110.0));
    assert_eq!(
        place(&dataset, russia.sex(Sex::F)),
        "KAZ_2020.xlsx › Table 3 › J7"
    );
    // Women 2020 of the total row: column L.
    assert_eq!(
        place(&dataset, t3(2020, "TOTAL").sex(Sex::F)),
        "KAZ_2020.xlsx › Table 3 › L6"
    );
    assert_eq!(
        number(&dataset, t3(2020, "TOTAL").sex(Sex::F)),
        Some(1021.0)
    );
    // Value and flag in one text cell.
    let uzbekistan = t3(2020, "UZB");
    assert_eq!(number(&dataset, uzbekistan), Some(12345.0));
    assert_eq!(flag(&dataset, uzbekistan), "b");
    // Text that is not a number is kept for check S3, never read as a number.
    let kyrgyzstan = one(&dataset, t3(2020, "KGZ"));
    assert_eq!(kyrgyzstan.value(), Value::Missing(Missing::Unreadable));
    assert_eq!(
        kyrgyzstan.unreadable_text().map(|t| dataset.str(t)),
        Some("see note")
    );
    assert_eq!(missing(&dataset, t3(2019, "TJK")), Some(Missing::Empty));
    assert_eq!(
        missing(&dataset, t3(2019, "CHN")),
        Some(Missing::NotAvailable)
    );
    assert_eq!(number(&dataset, t3(2019, "TUR")), Some(7000.0));
    assert_eq!(number(&dataset, t3(2019, "UNK")), Some(10000.0));
    assert_eq!(number(&dataset, t3(2019, "OTHER")), Some(11000.0));
    // The misspelled country is kept as written, with suggestions, at D14.
    let misspelled = t3(2020, "Kyrgyzstn");
    assert_eq!(number(&dataset, misspelled), Some(77.0));
    assert_eq!(place(&dataset, misspelled), "KAZ_2020.xlsx › Table 3 › D14");
    let unplaced = dataset
        .unplaced
        .iter()
        .find(|u| u.label == "Kyrgyzstn")
        .unwrap_or_else(|| panic!("{:?}", dataset.unplaced));
    assert_eq!(unplaced.role, "category");
    // One cell holds the label.
    assert_eq!(unplaced.count, 1);
    assert_eq!(
        unplaced.first_location.to_string(),
        "KAZ_2020.xlsx › Table 3 › A14"
    );
    assert!(
        unplaced
            .suggestions
            .first()
            .is_some_and(|s| s.contains("KGZ")),
        "{:?}",
        unplaced.suggestions
    );
    // Notes below the data are notes, not data.
    assert_eq!(
        report.notes,
        vec![
            "Source: Ministry of Internal Affairs, population register".to_string(),
            "Note: 2020 figures are provisional.".to_string()
        ]
    );
    assert!(
        dataset
            .obs()
            .iter()
            .all(|o| o.row < 16 || o.table != TableId::T3)
    );
    // The sheet report says what was found.
    let sheet = &report.sheets[0];
    assert_eq!(sheet.name, "Table 3");
    assert_eq!(sheet.table, Some(TableId::T3));
    assert_eq!(sheet.reporter.as_deref(), Some("KAZ"));
    assert_eq!(sheet.header_row, Some(5));
    assert_eq!(sheet.rows_read, 11);
    let blocks: Vec<(&str, Sex, usize, usize)> = sheet
        .sex_blocks
        .iter()
        .map(|b| (b.label.as_str(), b.sex, b.first_col, b.last_col))
        .collect();
    assert_eq!(
        blocks,
        vec![
            ("Total", Sex::T, 1, 4),
            ("Men", Sex::M, 5, 8),
            ("Women", Sex::F, 9, 12)
        ]
    );
    let roles: Vec<ColumnRole> = sheet.columns.iter().take(5).map(|c| c.role).collect();
    assert_eq!(
        roles,
        vec![
            ColumnRole::Category,
            ColumnRole::Value,
            ColumnRole::Flag,
            ColumnRole::Value,
            ColumnRole::Flag
        ]
    );
}

#[test]
fn status_tables_sex_columns_hidden_sheets_pop_and_metadata() {
    let (dataset, report) = load_bytes(
        "KAZ_2020.xlsx",
        &kazakhstan_workbook(),
        &ImportOptions::default(),
    );
    // Table 5.1: status labels, a sex column, the category repeated from the row above.
    let status =
        |category, sex| number(&dataset, key(TableId::T5_1, "KAZ", 2020, category).sex(sex));
    assert_eq!(status("TOTAL", Sex::T), Some(5200.0));
    assert_eq!(status("TOTAL", Sex::M), Some(2700.0));
    assert_eq!(status("TOTAL", Sex::F), Some(2500.0));
    assert_eq!(status("CITIZENS", Sex::T), Some(1100.0));
    assert_eq!(status("FOREIGN", Sex::T), Some(4000.0));
    assert_eq!(status("STATELESS", Sex::T), Some(100.0));
    assert_eq!(
        place(
            &dataset,
            key(TableId::T5_1, "KAZ", 2020, "TOTAL").sex(Sex::F)
        ),
        "KAZ_2020.xlsx › Table 5.1 › D7"
    );
    // The hidden sheet is read and marked.
    let hidden = report
        .sheets
        .iter()
        .find(|s| s.name == "Table 4")
        .unwrap_or_else(|| panic!("{:?}", report.sheets));
    assert!(hidden.hidden);
    assert_eq!(hidden.layout, Some(Layout::ClearinghouseWorkbook));
    assert_eq!(
        number(&dataset, key(TableId::T4, "KAZ", 2020, "RUS")),
        Some(26000.0)
    );
    // POP rows labelled by sex.
    let pop = |sex| number(&dataset, key(TableId::Pop, "KAZ", 2020, "TOTAL").sex(sex));
    assert_eq!(pop(Sex::T), Some(18_632_000.0));
    assert_eq!(pop(Sex::M), Some(9_070_000.0));
    assert_eq!(pop(Sex::F), Some(9_562_000.0));
    // Sheets that are not tables are listed with the reason.
    let note = |name: &str| {
        report
            .sheets
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.note.clone())
            .unwrap_or_default()
    };
    assert!(
        note("About").starts_with("not read: no row of years among rows 1–"),
        "{}",
        note("About")
    );
    assert_eq!(note("Empty"), "not read: the sheet is empty");
    assert_eq!(
        note("Chart"),
        "not read: a chart sheet, which holds no cells"
    );
    // Metadata: source and duration per table, the 2020 rule overriding the general one.
    let obs_2019 = one(&dataset, t3(2019, "RUS"));
    assert_eq!(dataset.str(obs_2019.source), "population register");
    assert_eq!(obs_2019.duration_months(), Some(12));
    let obs_2020 = one(&dataset, t3(2020, "RUS"));
    assert_eq!(
        dataset.str(obs_2020.source),
        "population register (revised)"
    );
    assert_eq!(obs_2020.duration_months(), Some(9));
    let status_obs = one(&dataset, key(TableId::T5_1, "KAZ", 2019, "CITIZENS"));
    assert_eq!(dataset.str(status_obs.source), "border statistics");
    let table_4 = one(&dataset, key(TableId::T4, "KAZ", 2019, "TOTAL"));
    assert_eq!(dataset.str(table_4.source), "");
    assert_eq!(table_4.duration_months(), None);
    let metadata = report.sheets.iter().find(|s| s.name == "Metadata");
    assert_eq!(metadata.map(|s| s.rows_read), Some(3));
}

/// A sheet in the shape of migreview's sample workbooks.
struct SampleSheet {
    name: &'static str,
    title: &'static str,
    country: &'static str,
    blocks: [&'static str; 3],
    heading: &'static str,
    age_heading: Option<&'static str>,
    years: [u16; 2],
    /// Category (empty = as above), age, and the six values (blocks × years).
    rows: Vec<(&'static str, Option<&'static str>, [Cell; 6])>,
    notes: [&'static str; 2],
}

fn write_sample_sheet(book: &mut Workbook, spec: &SampleSheet) {
    let sheet = book.add_worksheet();
    let _ = sheet.set_name(spec.name);
    write_row(sheet, 0, &[S(spec.title)]);
    write_row(sheet, 1, &[S(spec.country)]);
    write_row(
        sheet,
        2,
        &[S("SYNTHETIC DEMONSTRATION DATA — not official statistics")],
    );
    let first = if spec.age_heading.is_some() { 2 } else { 1 };
    merged_blocks(sheet, 3, first, 2, &spec.blocks);
    write(sheet, 4, 0, &S(spec.heading));
    if let Some(age) = spec.age_heading {
        write(sheet, 4, 1, &S(age));
    }
    for block in 0..3u16 {
        for (y, year) in spec.years.iter().enumerate() {
            write(sheet, 4, first + block * 2 + y as u16, &N(*year as f64));
        }
    }
    for (i, (label, age, values)) in spec.rows.iter().enumerate() {
        let row = 5 + i as u32;
        if !label.is_empty() {
            write(sheet, row, 0, &S(label));
        }
        if let Some(age) = age {
            write(sheet, row, 1, &S(age));
        }
        for (j, value) in values.iter().enumerate() {
            write(sheet, row, first + j as u16, value);
        }
    }
    let below = 5 + spec.rows.len() as u32 + 1;
    write(sheet, below, 0, &S(spec.notes[0]));
    write(sheet, below + 1, 0, &S(spec.notes[1]));
}

fn six(base: f64) -> [Cell; 6] {
    [
        N(base),
        N(base + 10.0),
        N(base / 2.0),
        N(base / 2.0 + 5.0),
        N(base / 2.0),
        N(base / 2.0 + 5.0),
    ]
}

fn russian_sample_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    write_sample_sheet(
        &mut book,
        &SampleSheet {
            name: "Table 3",
            title: "Таблица 3. Долгосрочная иммиграция по стране предыдущего проживания",
            country: "Страна: Российская Федерация",
            blocks: ["Всего", "Мужчины", "Женщины"],
            heading: "Страна предыдущего проживания",
            age_heading: None,
            years: [2020, 2021],
            rows: vec![
                ("Всего", None, six(400_000.0)),
                ("Казахстан", None, six(60_000.0)),
                ("Кыргызстан", None, six(30_000.0)),
                ("Таджикистан", None, six(50_000.0)),
                ("Не указано", None, six(2_000.0)),
                ("Другие страны", None, six(8_000.0)),
            ],
            notes: [
                "Источник: МВД России, регистрационный учёт",
                "Примечание: условные данные",
            ],
        },
    );
    write_sample_sheet(
        &mut book,
        &SampleSheet {
            name: "Table 5.1",
            title: "Таблица 5.1. Долгосрочная иммиграция по гражданству",
            country: "Страна: Российская Федерация",
            blocks: ["Всего", "Мужчины", "Женщины"],
            heading: "Гражданство",
            age_heading: None,
            years: [2020, 2021],
            rows: vec![
                ("Всего", None, six(400_000.0)),
                ("Граждане", None, six(100_000.0)),
                ("Иностранные граждане", None, six(290_000.0)),
                ("Лица без гражданства", None, six(6_000.0)),
                ("Не указано", None, six(4_000.0)),
            ],
            notes: ["Источник: МВД России", "Примечание: условные данные"],
        },
    );
    let metadata = book.add_worksheet();
    let _ = metadata.set_name("Metadata");
    write_row(
        metadata,
        0,
        &[S("table"), S("year"), S("source"), S("duration_months")],
    );
    write_row(
        metadata,
        1,
        &[N(3.0), Blank, S("регистрационный учёт"), N(9.0)],
    );
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_russian_sample_shape_reads_cyrillic_labels_and_blocks() {
    let (dataset, report) = load_bytes(
        "sample_data/RUS.xlsx",
        &russian_sample_workbook(),
        &ImportOptions::default(),
    );
    assert!(report.confident, "{:?}", report.messages);
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
    let t3 =
        |year, category, sex| number(&dataset, key(TableId::T3, "RUS", year, category).sex(sex));
    assert_eq!(t3(2020, "TOTAL", Sex::T), Some(400_000.0));
    assert_eq!(t3(2021, "KAZ", Sex::T), Some(60_010.0));
    assert_eq!(t3(2020, "KGZ", Sex::M), Some(15_000.0));
    assert_eq!(t3(2021, "TJK", Sex::F), Some(25_005.0));
    assert_eq!(t3(2020, "UNK", Sex::T), Some(2_000.0));
    assert_eq!(t3(2020, "OTHER", Sex::T), Some(8_000.0));
    assert_eq!(
        place(&dataset, key(TableId::T3, "RUS", 2021, "TJK").sex(Sex::F)),
        "sample_data/RUS.xlsx › Table 3 › G9"
    );
    let status = |category| number(&dataset, key(TableId::T5_1, "RUS", 2020, category));
    assert_eq!(status("TOTAL"), Some(400_000.0));
    assert_eq!(status("CITIZENS"), Some(100_000.0));
    assert_eq!(status("FOREIGN"), Some(290_000.0));
    assert_eq!(status("STATELESS"), Some(6_000.0));
    assert_eq!(status("UNKNOWN"), Some(4_000.0));
    assert_eq!(
        report.notes,
        vec![
            "Источник: МВД России, регистрационный учёт",
            "Примечание: условные данные",
            "Источник: МВД России",
            "Примечание: условные данные"
        ]
    );
    let obs = one(&dataset, key(TableId::T3, "RUS", 2021, "KAZ"));
    assert_eq!(obs.duration_months(), Some(9));
    assert_eq!(dataset.str(obs.source), "регистрационный учёт");
    let blocks: Vec<Sex> = report.sheets[0].sex_blocks.iter().map(|b| b.sex).collect();
    assert_eq!(blocks, vec![Sex::T, Sex::M, Sex::F]);
}

#[test]
fn an_age_table_repeats_the_category_down_its_age_groups() {
    let mut book = Workbook::new();
    write_sample_sheet(
        &mut book,
        &SampleSheet {
            name: "Table 3",
            title: "Table 3. Long-term immigration by country of previous residence",
            country: "Country: Kazakhstan",
            blocks: ["Total", "Men", "Women"],
            heading: "Country of previous residence",
            age_heading: Some("Age"),
            years: [2020, 2021],
            rows: vec![
                ("Total", Some("Total"), six(1_000.0)),
                ("", Some("0-4"), six(100.0)),
                ("", Some("85+"), six(20.0)),
                ("Russian Federation", Some("Total"), six(600.0)),
                ("", Some("0-4"), six(60.0)),
            ],
            notes: ["Source: register", "Note: synthetic"],
        },
    );
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(dataset.len(), 30);
    let age = |category, age, sex| {
        number(
            &dataset,
            key(TableId::T3, "KAZ", 2021, category).age(age).sex(sex),
        )
    };
    assert_eq!(age("TOTAL", "TOTAL", Sex::T), Some(1_010.0));
    assert_eq!(age("TOTAL", "0-4", Sex::T), Some(110.0));
    assert_eq!(age("TOTAL", "85+", Sex::M), Some(15.0));
    assert_eq!(age("RUS", "0-4", Sex::F), Some(35.0));
    assert_eq!(
        place(&dataset, key(TableId::T3, "KAZ", 2020, "RUS").age("0-4")),
        "KAZ.xlsx › Table 3 › C10"
    );
    let roles: Vec<ColumnRole> = report.sheets[0]
        .columns
        .iter()
        .take(3)
        .map(|c| c.role)
        .collect();
    assert_eq!(
        roles,
        vec![ColumnRole::Category, ColumnRole::Age, ColumnRole::Value]
    );
}

#[test]
fn one_sheet_per_sex_and_the_reporter_from_the_file_name() {
    let mut book = Workbook::new();
    for (name, base) in [("Table 4 M", 100.0), ("Table 4 F", 200.0)] {
        let sheet = book.add_worksheet();
        let _ = sheet.set_name(name);
        write_row(
            sheet,
            0,
            &[S("Country of next residence"), N(2020.0), N(2021.0)],
        );
        write_row(sheet, 1, &[S("Russian Federation"), N(base), N(base + 1.0)]);
    }
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("Kyrgyzstan_2021.xlsx", &bytes, &ImportOptions::default());
    let emigration = key(TableId::T4, "KGZ", 2021, "RUS");
    assert_eq!(number(&dataset, emigration.sex(Sex::M)), Some(101.0));
    assert_eq!(number(&dataset, emigration.sex(Sex::F)), Some(201.0));
    assert!(all(&dataset, emigration).is_empty());
    // The reporter came from the file name: a guess the user is asked to confirm.
    assert!(!report.confident);
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("reporter KGZ taken from the file name")),
        "{:?}",
        report.messages
    );
}

#[test]
fn a_long_sheet_reads_rows_with_the_value_cell_as_provenance() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Data");
    write_row(sheet, 0, &[S("Flows reported by Kazakhstan")]);
    write_row(
        sheet,
        2,
        &[
            S("table"),
            S("reporter"),
            S("year"),
            S("sex"),
            S("category"),
            S("value"),
            S("flag"),
        ],
    );
    for i in 0..8u32 {
        write_row(
            sheet,
            3 + i,
            &[
                N(3.0),
                S("KAZ"),
                N(2012.0 + i as f64),
                S("T"),
                S("Russia"),
                N(1000.0 + i as f64),
                Blank,
            ],
        );
    }
    write_row(
        sheet,
        11,
        &[
            S("4"),
            S("KAZ"),
            S("2020"),
            S("M"),
            S("RU"),
            S("12 345"),
            S("e"),
        ],
    );
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(report.layout, Layout::LongSheet);
    assert_eq!(report.sheets[0].header_row, Some(3));
    assert_eq!(dataset.len(), 9, "{:?}", report.skipped);
    let emigration = key(TableId::T4, "KAZ", 2020, "RUS").sex(Sex::M);
    assert_eq!(number(&dataset, emigration), Some(12_345.0));
    assert_eq!(flag(&dataset, emigration), "e");
    assert_eq!(place(&dataset, emigration), "KAZ.xlsx › Data › F12");
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2014, "RUS")),
        Some(1002.0)
    );
}

#[test]
fn a_legacy_xls_with_merged_blocks_in_russian() {
    let (dataset, report) = load(&fixture("KGZ_table4.xls"));
    assert_eq!(report.layout, Layout::ClearinghouseWorkbook);
    assert!(report.confident, "{:?}", report.messages);
    assert_eq!(dataset.len(), 24);
    let emigration =
        |year, category, sex| number(&dataset, key(TableId::T4, "KGZ", year, category).sex(sex));
    assert_eq!(emigration(2019, "TOTAL", Sex::T), Some(5200.0));
    assert_eq!(emigration(2020, "RUS", Sex::M), Some(1790.0));
    assert_eq!(emigration(2020, "KAZ", Sex::F), Some(370.0));
    assert_eq!(emigration(2019, "UNK", Sex::F), Some(100.0));
    assert_eq!(
        place(&dataset, key(TableId::T4, "KGZ", 2020, "KAZ").sex(Sex::F)),
        format!("{} › Таблица 4 › G8", fixture("KGZ_table4.xls").display())
    );
    assert_eq!(
        report.notes,
        vec!["Источник: условные данные для проверки чтения файла"]
    );
}

#[test]
fn an_ods_sheet_with_labels_spanning_empty_cells() {
    let (dataset, report) = load(&fixture("TJK_status.ods"));
    assert_eq!(report.layout, Layout::ClearinghouseWorkbook);
    assert_eq!(report.sheets[0].table, Some(TableId::T5_1));
    assert_eq!(dataset.len(), 24);
    let status =
        |category, sex| number(&dataset, key(TableId::T5_1, "TJK", 2021, category).sex(sex));
    assert_eq!(status("TOTAL", Sex::T), Some(3300.0));
    assert_eq!(status("CITIZENS", Sex::M), Some(650.0));
    assert_eq!(status("FOREIGN", Sex::F), Some(950.0));
    assert_eq!(status("STATELESS", Sex::F), Some(50.0));
    assert_eq!(
        report.notes,
        vec!["Note: SYNTHETIC DEMONSTRATION DATA — not official statistics"]
    );
}

/// A sheet whose first row with years is a revision note, not the header.
fn revised_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    write_row(sheet, 0, &[S("Country: Kazakhstan")]);
    write_row(sheet, 1, &[S("Revised in"), N(2021.0), N(2022.0)]);
    write_row(
        sheet,
        3,
        &[S("Country of previous residence"), N(2019.0), N(2020.0)],
    );
    write_row(sheet, 4, &[S("Russian Federation"), N(4190.0), N(4300.0)]);
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_header_row_chosen_in_the_options_changes_what_is_read_from_a_sheet() {
    let bytes = revised_workbook();
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    // Detected: row 2, so the years read are 2021 and 2022, and the header row became data.
    assert_eq!(report.sheets[0].header_row, Some(2));
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2021, "RUS")),
        Some(4190.0)
    );
    let mut options = ImportOptions::default();
    options.sheet_options.insert(
        "Table 3".into(),
        SheetOptions {
            header_row: Some(4),
            ..SheetOptions::default()
        },
    );
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &options);
    assert_eq!(report.sheets[0].header_row, Some(4));
    assert_eq!(dataset.len(), 2);
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2020, "RUS")),
        Some(4300.0)
    );
    assert!(all(&dataset, key(TableId::T3, "KAZ", 2021, "RUS")).is_empty());
}

#[test]
fn the_preview_shows_rows_and_what_was_detected_in_each_sheet() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("KAZ_2020.xlsx");
    std::fs::write(&path, kazakhstan_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let shown = preview(&path, &ImportOptions::default(), 6).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.layout, Some(Layout::ClearinghouseWorkbook));
    assert!(shown.error.is_none(), "{:?}", shown.error);
    let names: Vec<&str> = shown.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Table 3",
            "Table 5.1",
            "Table 4",
            "POP",
            "About",
            "Empty",
            "Chart",
            "Metadata"
        ]
    );
    let t3 = &shown.sheets[0];
    assert_eq!(t3.rows.len(), 6);
    assert_eq!(t3.rows[1][0], "Country: Kazakhstan");
    assert_eq!(t3.rows[4][1], "2019");
    assert_eq!(t3.rows[5][0], "Total");
    assert_eq!(t3.header_row, Some(5));
    assert_eq!(t3.table, Some(TableId::T3));
    assert_eq!(t3.reporter.as_deref(), Some("KAZ"));
    assert_eq!(t3.sex_blocks.len(), 3);
    assert_eq!(t3.role(0), Some(ColumnRole::Category));
    assert_eq!(t3.role(2), Some(ColumnRole::Flag));
    assert!(shown.sheets[2].hidden);
    // The preview of the sheet with a revision row, and the same with the header row chosen.
    let path = dir.path().join("KAZ.xlsx");
    std::fs::write(&path, revised_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let shown = preview(&path, &ImportOptions::default(), 10).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.sheets[0].header_row, Some(2));
    let options = ImportOptions {
        header_row: Some(4),
        ..ImportOptions::default()
    };
    let shown = preview(&path, &options, 10).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.sheets[0].header_row, Some(4));
    assert_eq!(shown.sheets[0].role(1), Some(ColumnRole::Value));
}

#[test]
fn a_table_chosen_in_the_options_reads_a_sheet_that_names_none() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Sheet1");
    write_row(sheet, 0, &[S("Country: Armenia")]);
    write_row(sheet, 1, &[S("Country"), N(2019.0), N(2020.0)]);
    write_row(sheet, 2, &[S("Russian Federation"), N(1.0), N(2.0)]);
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let error = error_of(std::path::Path::new("ARM.xlsx"), Some(&bytes));
    assert_eq!(
        error,
        "ARM.xlsx: expected the table in the sheet name or a title cell (Table 3, Таблица 3, \
         T5_1), or given with --table (1.1 … 7.2, POP) or in the import dialog; found sheet \
         \"Sheet1\" with years in row 2 but no table"
    );
    let options = ImportOptions {
        table: Some(TableId::T4),
        ..ImportOptions::default()
    };
    let (dataset, _) = load_bytes("ARM.xlsx", &bytes, &options);
    assert_eq!(
        number(&dataset, key(TableId::T4, "ARM", 2020, "RUS")),
        Some(2.0)
    );
}

#[test]
fn vital_statistics_with_sex_blocks_and_a_single_total_row() {
    let mut book = Workbook::new();
    for (name, title, base) in [
        ("POP", "Численность населения на 1 января", 17_000_000.0),
        ("BIRTHS", "Число родившихся", 400_000.0),
    ] {
        write_sample_sheet(
            &mut book,
            &SampleSheet {
                name,
                title,
                country: "Страна: Казахстан",
                blocks: ["Всего", "Мужчины", "Женщины"],
                heading: "",
                age_heading: None,
                years: [2020, 2021],
                rows: vec![("Всего", None, six(base))],
                notes: ["Источник: условные данные", "Примечание: синтетические"],
            },
        );
    }
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, _) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(dataset.len(), 12);
    let pop = |year, sex| number(&dataset, key(TableId::Pop, "KAZ", year, "TOTAL").sex(sex));
    assert_eq!(pop(2020, Sex::T), Some(17_000_000.0));
    assert_eq!(pop(2021, Sex::M), Some(8_500_005.0));
    assert_eq!(pop(2020, Sex::F), Some(8_500_000.0));
    assert_eq!(
        number(
            &dataset,
            key(TableId::Births, "KAZ", 2021, "TOTAL").sex(Sex::F)
        ),
        Some(200_005.0)
    );
}

#[test]
fn a_country_column_names_the_reporter_of_each_row() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 5.2");
    write_row(
        sheet,
        0,
        &[
            S("Country"),
            S("Country of citizenship"),
            N(2020.0),
            N(2021.0),
        ],
    );
    write_row(
        sheet,
        1,
        &[S("Kazakhstan"), S("Uzbekistan"), N(10.0), N(11.0)],
    );
    write_row(
        sheet,
        2,
        &[S("Kyrgyzstan"), S("Uzbekistan"), N(20.0), N(21.0)],
    );
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("central_asia.xlsx", &bytes, &ImportOptions::default());
    assert!(report.confident, "{:?}", report.messages);
    assert_eq!(
        number(&dataset, key(TableId::T5_2, "KAZ", 2021, "UZB")),
        Some(11.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T5_2, "KGZ", 2020, "UZB")),
        Some(20.0)
    );
    let roles: Vec<ColumnRole> = report.sheets[0]
        .columns
        .iter()
        .take(2)
        .map(|c| c.role)
        .collect();
    assert_eq!(roles, vec![ColumnRole::Reporter, ColumnRole::Category]);
}

#[test]
fn repeated_years_without_sex_blocks_make_the_load_unsure() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    write_row(sheet, 0, &[S("Country: Kazakhstan")]);
    write_row(
        sheet,
        1,
        &[
            S("Country of previous residence"),
            N(2020.0),
            N(2021.0),
            N(2020.0),
            N(2021.0),
        ],
    );
    write_row(
        sheet,
        2,
        &[S("Russian Federation"), N(1.0), N(2.0), N(3.0), N(4.0)],
    );
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(dataset.len(), 4);
    assert!(!report.confident);
    assert!(
        report.messages.contains(
            &"sheet \"Table 3\": year 2020 heads more than one column and no sex block above \
              tells them apart"
                .to_string()
        ),
        "{:?}",
        report.messages
    );
}

#[test]
fn a_units_line_under_the_header_is_not_a_row_of_missing_values() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Таблица 3");
    write_row(sheet, 0, &[S("Страна: Казахстан")]);
    write_row(
        sheet,
        1,
        &[S("Страна предыдущего проживания"), N(2020.0), N(2021.0)],
    );
    write_row(sheet, 2, &[S("человек")]);
    write_row(sheet, 3, &[S("Всего"), Blank, Blank]);
    write_row(sheet, 4, &[S("Россия"), N(5.0), N(6.0)]);
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = load_bytes("KAZ.xlsx", &bytes, &ImportOptions::default());
    assert_eq!(report.notes, vec!["человек"]);
    assert_eq!(dataset.len(), 4);
    // A Total row without figures is a row of missing values.
    assert_eq!(
        missing(&dataset, key(TableId::T3, "KAZ", 2020, "TOTAL")),
        Some(Missing::Empty)
    );
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2021, "RUS")),
        Some(6.0)
    );
}

#[test]
fn numbers_written_as_text_follow_the_style_of_the_sheet() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 2.2");
    write_row(sheet, 0, &[S("Страна: Беларусь")]);
    write_row(sheet, 1, &[S("Гражданство"), S("2019"), S("2020")]);
    write_row(sheet, 2, &[S("Украина"), S("1.234,5"), S("12,5")]);
    write_row(sheet, 3, &[S("Россия"), S("2.000"), S("1 500")]);
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let (dataset, _) = load_bytes("BLR.xlsx", &bytes, &ImportOptions::default());
    let stock = |year, category| number(&dataset, key(TableId::T2_2, "BLR", year, category));
    assert_eq!(stock(2019, "UKR"), Some(1234.5));
    assert_eq!(stock(2020, "UKR"), Some(12.5));
    assert_eq!(stock(2019, "RUS"), Some(2000.0));
    assert_eq!(stock(2020, "RUS"), Some(1500.0));
}

/// Countries for the rows of a larger sheet.
const PARTNERS: [&str; 8] = [
    "Russian Federation",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "China",
    "Germany",
    "Azerbaijan",
    "Belarus",
];

/// One Clearinghouse sheet of Kazakhstan's Table 3 with `rows` partner rows and 20 years: large
/// enough that the rows are read in several steps, small enough for calamine in a debug build.
fn one_large_sheet(rows: u32) -> Vec<u8> {
    large_sheets(&["Table 3"], rows)
}

/// Sheets of `rows` partners × 20 years each, under the names given.
fn large_sheets(names: &[&str], rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    for name in names {
        let sheet = book.add_worksheet();
        let _ = sheet.set_name(*name);
        write_row(sheet, 0, &[S("Country: Kazakhstan")]);
        let mut header = vec![S("Country of previous residence")];
        header.extend((2000..2020).map(|year| N(year as f64)));
        write_row(sheet, 1, &header);
        for i in 0..rows {
            let row = 2 + i;
            write(sheet, row, 0, &S(PARTNERS[i as usize % PARTNERS.len()]));
            for year in 0..20u16 {
                write(
                    sheet,
                    row,
                    1 + year,
                    &N(f64::from(i) * 100.0 + f64::from(year)),
                );
            }
        }
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

/// The work done at each progress report of a load, and the load's result.
fn load_observed(
    bytes: &[u8],
    cancel_at_report: Option<usize>,
) -> (
    Vec<u64>,
    u64,
    Result<(migreview::model::Dataset, migreview::load::LoadReport), LoadError>,
) {
    let reports = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&reports);
    let control = LoadControl::with_observer(move |control| {
        let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.push(control.done());
        if cancel_at_report == Some(seen.len()) {
            control.cancel();
        }
    });
    let result = migreview::load::load_bytes(
        Path::new("KAZ.xlsx"),
        bytes,
        &ImportOptions::default(),
        &control,
    );
    let reports = reports.lock().unwrap_or_else(|e| e.into_inner()).clone();
    (reports, control.total(), result)
}

#[test]
fn progress_advances_within_a_sheet_and_ends_at_the_total() {
    let bytes = one_large_sheet(400);
    let (reports, total, result) = load_observed(&bytes, None);
    let (dataset, report) = result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(dataset.len(), 400 * 20);
    assert_eq!(report.sheets.len(), 1);
    // The workbook's progress is counted in its bytes, like a text file's.
    assert_eq!(total, bytes.len() as u64);
    assert!(
        reports.windows(2).all(|pair| pair[0] < pair[1]),
        "progress goes back or stands still: {reports:?}"
    );
    assert!(
        reports.len() > 2,
        "a one-sheet workbook reports progress while its rows are read: {reports:?}"
    );
    assert_eq!(reports.last(), Some(&total), "{reports:?}");
}

#[test]
fn cancel_stops_the_load_within_a_sheet() {
    let bytes = one_large_sheet(400);
    let (all_reports, total, _) = load_observed(&bytes, None);
    // Cancel at the first report (calamine has read the cells) and at later ones (while the
    // rows are turned into observations): the load stops there, with nothing more done.
    for cancel_at in [1, 2, 3] {
        assert!(all_reports.len() > cancel_at, "{all_reports:?}");
        let (reports, _, result) = load_observed(&bytes, Some(cancel_at));
        match result {
            Err(error @ LoadError::Cancelled { .. }) => {
                assert_eq!(error.to_string(), "KAZ.xlsx: loading was cancelled")
            }
            Err(other) => panic!("cancelled at report {cancel_at}: {other}"),
            Ok((dataset, _)) => panic!(
                "cancelled at report {cancel_at}, the load still gave {} observations",
                dataset.len()
            ),
        }
        assert_eq!(reports.len(), cancel_at, "{reports:?}");
        assert!(reports.iter().all(|done| *done < total), "{reports:?}");
    }
}

/// The sheets of a workbook are read on every core before they are turned into observations:
/// the progress still only goes forward, ends at the total, and Cancel still stops the load.
#[test]
fn progress_and_cancel_of_a_workbook_whose_sheets_are_read_ahead() {
    let bytes = large_sheets(&["Table 3", "Table 4", "Table 5.2", "Table 6.2"], 300);
    let (reports, total, result) = load_observed(&bytes, None);
    let (dataset, report) = result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(dataset.len(), 4 * 300 * 20);
    assert_eq!(report.sheets.len(), 4);
    assert!(
        reports.windows(2).all(|pair| pair[0] <= pair[1]),
        "progress goes back: {reports:?}"
    );
    assert!(reports.len() > 4, "{reports:?}");
    assert_eq!(reports.last(), Some(&total), "{reports:?}");
    for cancel_at in [1, 3] {
        let (reports, _, result) = load_observed(&bytes, Some(cancel_at));
        assert!(
            matches!(result, Err(LoadError::Cancelled { .. })),
            "cancelled at report {cancel_at}: {:?}",
            result.map(|(dataset, _)| dataset.len())
        );
        assert!(reports.iter().all(|done| *done < total), "{reports:?}");
    }
}

#[test]
fn a_macro_enabled_xlsm_workbook_reads_like_an_xlsx() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // The loader reads cells only, never the macros, so the VBA part's content does not matter:
    // what is tested is a workbook saved as .xlsm, with its macro-enabled content type and
    // `xl/vbaProject.bin` part.
    let vba = dir.path().join("vbaProject.bin");
    std::fs::write(&vba, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        .unwrap_or_else(|e| panic!("{e}"));
    let mut book = Workbook::new();
    let immigration = book.add_worksheet();
    let _ = immigration.set_name("Table 3");
    write_row(immigration, 0, &[S("Country: Kazakhstan")]);
    merged_blocks(immigration, 1, 1, 2, &["Total", "Men", "Women"]);
    let mut header = vec![S("Country of previous residence")];
    for _ in 0..3 {
        header.extend([N(2020.0), N(2021.0)]);
    }
    write_row(immigration, 2, &header);
    write_row(
        immigration,
        3,
        &[
            S("Russian Federation"),
            N(4190.0),
            N(4300.0),
            N(2100.0),
            N(2150.0),
            N(2090.0),
            S(".."),
        ],
    );
    // A sheet that does not name its country: the reporter comes from `KAZ.xlsm`.
    let emigration_sheet = book.add_worksheet();
    let _ = emigration_sheet.set_name("Table 4");
    write_row(
        emigration_sheet,
        0,
        &[S("Country of next residence"), N(2020.0), N(2021.0)],
    );
    write_row(emigration_sheet, 1, &[S("Uzbekistan"), N(310.0), N(320.0)]);
    if let Err(e) = book.add_vba_project(&vba) {
        panic!("{e}");
    }
    let path = dir.path().join("KAZ.xlsm");
    book.save(&path).unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bytes
            .windows(b"xl/vbaProject.bin".len())
            .any(|w| w == b"xl/vbaProject.bin"),
        "the workbook holds a VBA project"
    );

    let (dataset, report) = load(&path);
    assert_eq!(report.name, path.display().to_string());
    assert_eq!(report.layout, Layout::ClearinghouseWorkbook);
    let names: Vec<&str> = report.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Table 3", "Table 4"]);
    assert_eq!(report.sheets[0].table, Some(TableId::T3));
    assert_eq!(report.sheets[0].reporter.as_deref(), Some("KAZ"));
    assert_eq!(report.sheets[0].header_row, Some(3));
    let blocks: Vec<Sex> = report.sheets[0].sex_blocks.iter().map(|b| b.sex).collect();
    assert_eq!(blocks, [Sex::T, Sex::M, Sex::F]);
    assert_eq!(report.sheets[1].table, Some(TableId::T4));
    assert_eq!(dataset.len(), 8);
    let russia = t3(2020, "RUS");
    assert_eq!(number(&dataset, russia), Some(4190.0));
    assert_eq!(number(&dataset, t3(2021, "RUS").sex(Sex::M)), Some(2150.0));
    assert_eq!(number(&dataset, russia.sex(Sex::F)), Some(2090.0));
    assert_eq!(
        missing(&dataset, t3(2021, "RUS").sex(Sex::F)),
        Some(Missing::NotAvailable)
    );
    assert_eq!(
        place(&dataset, russia.sex(Sex::M)),
        format!("{} › Table 3 › D4", path.display())
    );
    let emigration = key(TableId::T4, "KAZ", 2021, "UZB");
    assert_eq!(number(&dataset, emigration), Some(320.0));
    assert_eq!(
        place(&dataset, emigration),
        format!("{} › Table 4 › C2", path.display())
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("reporter KAZ taken from the file name")),
        "{:?}",
        report.messages
    );
}
