//! A run divided over the cores finds exactly what a run on one core finds: the same report,
//! byte for byte, on the sample and on generated files of both kinds the pipeline benchmark
//! measures (coherent data, and random counts that fail nearly every rule).
//!
//! This file is its own test binary: it sets the number of workers for the whole process.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

#[path = "../benches/data/mod.rs"]
mod data;

use migreview::load::{ImportOptions, LoadControl, load_files};
use migreview::report::Report;
use migreview::settings::Settings;
use std::path::PathBuf;

/// The report's JSON, without the line naming the program's version.
fn report_json(files: &[PathBuf], workers: usize) -> String {
    migreview::parallel::set_workers(workers);
    let outcome = load_files(files, |_| ImportOptions::default(), &LoadControl::new());
    let inputs = migreview::cli::input_summaries(files, &outcome);
    let report = Report::build(inputs, &outcome.dataset, &Settings::default());
    migreview::parallel::set_workers(0);
    assert!(
        !outcome.dataset.is_empty(),
        "nothing was read: {:?}",
        outcome.files
    );
    report.to_json()
}

fn assert_same_on_one_and_many(files: &[PathBuf]) -> usize {
    let one = report_json(files, 1);
    let many = report_json(files, 4);
    assert!(one == many, "the reports of one and four workers differ");
    one.len()
}

#[test]
fn a_run_on_many_workers_reports_what_a_run_on_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let coherent = data::write_reporters(data::Kind::Coherent, dir.path(), 10).unwrap();
    let random_dir = dir.path().join("random");
    std::fs::create_dir(&random_dir).unwrap();
    let random = data::write_reporters(data::Kind::Random, &random_dir, 4).unwrap();
    for files in [vec![coherent], vec![random]] {
        assert!(assert_same_on_one_and_many(&files) > 10_000);
    }
}

/// A large file with faults spread over it, so that every part of a parallel read meets some:
/// rows skipped (a year that is not one, an age that is not one), labels no gazetteer knows,
/// text in value cells, notes between the rows.
#[test]
fn faults_spread_over_a_large_file_are_read_as_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let clean = data::write_reporters(data::Kind::Coherent, dir.path(), 10).unwrap();
    let text = std::fs::read_to_string(&clean).unwrap();
    let mut faulty = String::with_capacity(text.len());
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        let changed = match n % 499 {
            _ if n == 0 => line.to_string(),
            1 => format!("{},{},20x9,{}", cells[0], cells[1], cells[3..].join(",")),
            2 => format!("{},Atlantis,{}", cells[0], cells[2..].join(",")),
            3 => format!(
                "{},Elbonia {n},{}",
                cells[..5].join(","),
                cells[6..].join(",")
            ),
            4 => format!("{},n.a. {n},e", cells[..6].join(",")),
            5 => format!(
                "{},{},{},{},ages 5 to 9,{}",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[5..].join(",")
            ),
            6 => "Note: provisional figures".to_string(),
            _ => line.to_string(),
        };
        faulty.push_str(&changed);
        faulty.push('\n');
    }
    let path = dir.path().join("faulty.csv");
    std::fs::write(&path, &faulty).unwrap();
    assert!(
        faulty.len() > 2 << 20,
        "two parts at least: {} bytes",
        faulty.len()
    );
    let one = report_json(std::slice::from_ref(&path), 1);
    let json: serde_json::Value = serde_json::from_str(&one).unwrap();
    let messages = json["inputs"][0]["load_messages"].to_string();
    assert!(
        messages.contains("20x9") && messages.contains("more skipped rows"),
        "{messages}"
    );
    assert!(one.contains("Atlantis") && one.contains("Elbonia"));
    assert_same_on_one_and_many(&[path]);
    // Lines ended by CRLF, as files from Windows offices are: the parts' lines count the same.
    let crlf = dir.path().join("faulty_crlf.csv");
    std::fs::write(&crlf, faulty.replace('\n', "\r\n")).unwrap();
    let crlf_json = report_json(std::slice::from_ref(&crlf), 1);
    assert!(crlf_json.contains("faulty_crlf.csv › line 2: expected a year"));
    assert_same_on_one_and_many(&[crlf]);
    // Partners in quotes, some with the delimiter inside: the parts are cut where the csv
    // reader ends a record.
    let mut quoted = String::with_capacity(faulty.len() * 2);
    for (n, line) in faulty.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if let Some(category) = cells.get_mut(5) {
            *category = match n % 997 {
                7 => "\"Korea, Republic of\"".to_string(),
                _ => format!("\"{category}\""),
            };
        }
        quoted.push_str(&cells.join(","));
        quoted.push_str("\r\n");
    }
    let quoted_path = dir.path().join("faulty_quoted.csv");
    std::fs::write(&quoted_path, &quoted).unwrap();
    let quoted_json = report_json(std::slice::from_ref(&quoted_path), 1);
    assert!(quoted_json.contains("Korea, Republic of") || quoted_json.contains("KOR"));
    assert_same_on_one_and_many(&[quoted_path]);
    // A quote never closed near the start: it swallows lines, and the file is read in one go
    // whatever the cores.
    let unclosed = quoted.replacen("\"Korea, Republic of\"", "\"Korea, Republic of", 1);
    let unclosed_path = dir.path().join("faulty_unclosed.csv");
    std::fs::write(&unclosed_path, &unclosed).unwrap();
    let unclosed_json = report_json(std::slice::from_ref(&unclosed_path), 1);
    assert!(unclosed_json.contains("is closed only on line"));
    assert_same_on_one_and_many(&[unclosed_path]);
}

/// A workbook whose sheets are read on several cores: merged sex blocks decide which columns are
/// men's, so the merged regions read ahead must be those of the right sheet.
#[test]
fn a_workbook_read_sheet_by_sheet_on_many_cores_is_read_as_on_one() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let partners = [
        "Russian Federation",
        "China",
        "Germany",
        "Uzbekistan",
        "Türkiye",
    ];
    for (s, (table, country)) in [
        ("3", "Kazakhstan"),
        ("4", "Kazakhstan"),
        ("3", "Tajikistan"),
    ]
    .into_iter()
    .enumerate()
    {
        let sheet = book.add_worksheet();
        sheet
            .set_name(format!("Table {table} ({})", s + 1))
            .unwrap();
        sheet.write_string(0, 0, format!("Table {table}")).unwrap();
        sheet
            .write_string(1, 0, format!("Country: {country}"))
            .unwrap();
        // Total over 2019–2020, Men over 2019 alone (2020 under no block), Women over
        // 2019–2020.
        let merged = Format::new();
        sheet.merge_range(3, 1, 3, 2, "Total", &merged).unwrap();
        sheet.write_string(3, 3, "Men").unwrap();
        sheet.merge_range(3, 5, 3, 6, "Women", &merged).unwrap();
        sheet.write_string(4, 0, "Country").unwrap();
        for (col, year) in [2019.0, 2020.0, 2019.0, 2020.0, 2019.0, 2020.0]
            .into_iter()
            .enumerate()
        {
            sheet.write_number(4, col as u16 + 1, year).unwrap();
        }
        for (r, partner) in partners.iter().enumerate() {
            let row = 5 + r as u32;
            sheet.write_string(row, 0, *partner).unwrap();
            for col in 1..=6u16 {
                let value = 100.0 * (s as f64 + 1.0) + 10.0 * r as f64 + f64::from(col);
                sheet.write_number(row, col, value).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blocks.xlsx");
    book.save(&path).unwrap();
    let one = report_json(std::slice::from_ref(&path), 1);
    // The men's block is the one merged cell D: column E, under no block, is not men's.
    assert_eq!(
        one.matches("sex blocks Total B–C, Men D–D, Women F–G")
            .count(),
        3
    );
    assert_same_on_one_and_many(&[path]);
}

#[test]
fn the_sample_is_reported_the_same_on_one_and_many_workers() {
    let dir = tempfile::tempdir().unwrap();
    let written = migreview::sample::write_to(dir.path()).unwrap();
    assert!(assert_same_on_one_and_many(&written) > 10_000);
}

/// The canonical CSV is written in blocks side by side on the cores: the rows come out in data
/// order, the same bytes as written on one core, and read back to the same observations.
#[test]
fn the_canonical_csv_is_written_in_data_order_on_many_workers() {
    let dir = tempfile::tempdir().unwrap();
    let file = data::write_reporters(data::Kind::Coherent, dir.path(), 10).unwrap();
    let outcome = load_files(
        std::slice::from_ref(&file),
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    let dataset = &outcome.dataset;
    // Ten reporters × 7 tables × 25 years × 3 sexes × (9 reporters + 8 others + TOTAL): three
    // blocks of 32,768 rows.
    assert_eq!(dataset.len(), 94_500);
    let write = |workers: usize| {
        migreview::parallel::set_workers(workers);
        let mut bytes = Vec::new();
        migreview::report::canonical::write_csv(dataset, &mut bytes).unwrap();
        migreview::parallel::set_workers(0);
        String::from_utf8(bytes).unwrap()
    };
    let (one, many) = (write(1), write(4));
    assert!(one == many, "the CSV of one and four workers differ");
    let lines: Vec<&str> = many.lines().collect();
    assert_eq!(lines.len(), dataset.len() + 1);
    assert!(lines[0].starts_with("table,reporter,year,sex"));
    // Each row names the line of the file it was read from: the second line on.
    for (k, line) in lines[1..].iter().enumerate() {
        let expected = format!(",line {}", k + 2);
        assert!(line.ends_with(&expected), "row {k}: {line}");
    }
    let copy = dir.path().join("canonical.csv");
    std::fs::write(&copy, &many).unwrap();
    let again = load_files(
        std::slice::from_ref(&copy),
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    assert_eq!(again.dataset.len(), dataset.len());
    for (a, b) in dataset.obs().iter().zip(again.dataset.obs()) {
        assert_eq!((a.year, a.sex, a.value), (b.year, b.sex, b.value));
        assert_eq!(dataset.str(a.category), again.dataset.str(b.category));
    }
}
