//! The long CSV of the sample loads with migreview's own loader into exactly the observations of
//! the generated model, with their workbook cells.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl, LoadReport};
use migreview::model::{Dataset, Missing, Sex, TableId};
use migreview::sample::generate::{REPORTERS, SEXES, Variant, generate};
use migreview::sample::{self};
use std::collections::BTreeMap;
use std::path::Path;

fn embedded(clean: bool, name: &str) -> &'static [u8] {
    let files = if clean {
        sample::clean_files()
    } else {
        sample::files()
    };
    files
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| b)
        .unwrap_or(&[])
}

fn load_long(clean: bool) -> (Dataset, LoadReport) {
    let path = if clean {
        "sample_data/clean/sample_long.csv"
    } else {
        "sample_data/sample_long.csv"
    };
    match load::load_bytes(
        Path::new(path),
        embedded(clean, "sample_long.csv"),
        &ImportOptions::default(),
        &LoadControl::new(),
    ) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    }
}

/// Everything an observation says, except where it was read from.
fn content(dataset: &Dataset) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for o in dataset.obs() {
        let value = match o.unreadable_text() {
            Some(text) => format!("text {:?}", dataset.str(text)),
            None => format!("{:?}", o.value()),
        };
        let line = format!(
            "{} {} {} {} {} {} {} flag={} source={} duration={:?}",
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
        );
        *out.entry(line).or_insert(0) += 1;
    }
    out
}

#[test]
fn the_long_csv_loads_into_the_observations_of_the_model() {
    for clean in [false, true] {
        let sample = generate(if clean { Variant::Clean } else { Variant::Main });
        // One observation per value cell: every row of every table has a cell per sex and year.
        let cells: usize = sample
            .tables
            .iter()
            .map(|t| t.rows.len() * t.years.len() * SEXES.len())
            .sum();
        let (loaded, report) = load_long(clean);
        assert_eq!(report.observations, cells, "clean: {clean}");
        assert_eq!(report.skipped_rows, 0, "{:?}", report.skipped);
        assert_eq!(report.encoding.as_deref(), Some("UTF-8"));
        let model = sample.dataset();
        assert_eq!(model.len(), cells);
        assert!(content(&loaded) == content(&model), "clean: {clean}");
        let summary = loaded.summary();
        assert_eq!(summary.reporters, REPORTERS);
        assert_eq!(summary.tables, TableId::ALL);
        assert_eq!(summary.years, Some([2012, 2021]));
    }
}

#[test]
fn every_row_of_the_long_csv_names_its_workbook_cell() {
    let sample = generate(Variant::Main);
    let model = sample.dataset();
    let text = String::from_utf8_lossy(embedded(false, "sample_long.csv")).into_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = 0;
    for (record, obs) in reader.records().zip(model.obs()) {
        let record = record.unwrap_or_default();
        let location = model.location(obs);
        assert_eq!(record.get(10), Some(location.file.as_str()));
        assert_eq!(record.get(11), location.sheet.as_deref());
        assert_eq!(record.get(12), location.cell_ref().as_deref());
        rows += 1;
    }
    assert_eq!(rows, model.len());
    // After the category and age columns, the first value of Kazakhstan's Table 3 (both sexes,
    // 2012) sits in C6.
    let first = model
        .obs()
        .iter()
        .find(|o| o.table == TableId::T3 && model.str(o.reporter) == "KAZ" && o.year == 2012);
    let location = first.map(|o| model.location(o).to_string());
    assert_eq!(location.as_deref(), Some("KAZ.xlsx › Table 3 › C6"));
}

#[test]
fn planted_text_flags_and_labels_arrive_as_written() {
    let (loaded, report) = load_long(false);
    // S3: the text stays, as a value that is not a number.
    let texts: Vec<String> = loaded
        .obs()
        .iter()
        .filter_map(|o| o.unreadable_text().map(|t| loaded.str(t).to_string()))
        .collect();
    assert_eq!(texts, vec!["see note".to_string()]);
    let see_note = loaded
        .obs()
        .iter()
        .find(|o| o.missing == Missing::Unreadable as u8);
    assert_eq!(
        see_note.map(|o| (
            o.table,
            loaded.str(o.reporter),
            o.year,
            o.sex,
            loaded.str(o.category)
        )),
        Some((TableId::T6_2, "TJK", 2015, Sex::F, "UZB"))
    );
    // T3: the break flag.
    let flagged: Vec<(TableId, &str, u16, Sex, f64)> = loaded
        .obs()
        .iter()
        .filter(|o| loaded.str(o.flag) == "b")
        .map(|o| (o.table, loaded.str(o.reporter), o.year, o.sex, o.value))
        .collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(
        (flagged[0].0, flagged[0].1, flagged[0].2, flagged[0].3),
        (TableId::T1_1, "KGZ", 2020, Sex::T)
    );
    // S1: the misspelt label is kept and reported with Kyrgyzstan as the closest name.
    assert_eq!(loaded.unplaced.len(), 1);
    let label = &loaded.unplaced[0];
    assert_eq!(label.label, "Kyrgyzstn");
    assert_eq!(
        label.suggestions.first().map(String::as_str),
        Some("Kyrgyzstan (KGZ)")
    );
    assert_eq!(report.skipped_rows, 0);
    // The clean variant has none of them.
    let (clean, _) = load_long(true);
    assert!(clean.unplaced.is_empty());
    assert!(
        clean
            .obs()
            .iter()
            .all(|o| o.number().is_some() && clean.str(o.flag).is_empty())
    );
}
