//! Real files from statistical offices (cut to the rows a test needs in
//! `tests/fixtures/realdata`, see its README for the sources): each is read to the published
//! figures, or refused with a message that says what it looks like and what would be needed.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::{error_of, fixture, key, load_with, number, one, place};
use migreview::load::{self, ImportOptions, Layout, LoadControl};
use migreview::model::{Sex, TableId};

fn realdata(name: &str) -> std::path::PathBuf {
    fixture(&format!("realdata/{name}"))
}

fn error_with(name: &str, options: &ImportOptions) -> String {
    match load::load_file(&realdata(name), options, &LoadControl::new()) {
        Ok((dataset, _)) => panic!("{name} loaded {} observations", dataset.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_mvd_workbook_of_administrative_counts_is_refused_not_read_as_years() {
    // MVD, "Отдельные показатели миграционной ситуации", 2016: counts of invitations, visas
    // and registrations by region and by country. Venezuela's row (54) holds 2,016 and 2,003.
    let error = error_of(&realdata("rus_mvd_migration_2016.xls"), None);
    assert!(
        error.contains(
            "sheet \"САЙТ (2-РД страны)\": it looks like counts of administrative acts (visas, \
             invitations, registrations or permits) (\"Оформлено приглашений\" in B6)"
        ),
        "{error}"
    );
    assert!(
        error.contains("row 54: holds counts, not years: beside 2016, 2003 it has"),
        "{error}"
    );
    assert!(
        error.contains("figures by region of one country (\"с распределением по регионам\" in A4)"),
        "{error}"
    );
    assert!(
        error.contains("--table, --reporter and --header-row"),
        "{error}"
    );
    assert!(!error.contains("years in row"), "{error}");
    // Following the hint with a table and a reporter still reads no row of counts as years.
    let options = ImportOptions {
        table: Some(TableId::T5_2),
        reporter: Some("RUS".into()),
        ..ImportOptions::default()
    };
    let with_flags = error_with("rus_mvd_migration_2016.xls", &options);
    assert!(
        with_flags.contains("row 54: holds counts, not years"),
        "{with_flags}"
    );
    // Nor does choosing the row of Venezuela as the header.
    let options = ImportOptions {
        table: Some(TableId::T5_2),
        reporter: Some("RUS".into()),
        header_row: Some(54),
        sheets: vec!["САЙТ (2-РД страны)".into()],
        ..ImportOptions::default()
    };
    let chosen = error_with("rus_mvd_migration_2016.xls", &options);
    assert!(
        chosen.contains(
            "row 54 (the header row chosen) is not a row of years: holds counts, not years: \
             beside 2016, 2003"
        ),
        "{chosen}"
    );
}

#[test]
fn the_destatis_monthly_workbook_is_refused_as_monthly_moves_and_net_migration() {
    // Destatis, "Wanderungen über die Grenzen Deutschlands 2019": months, Zugezogene /
    // Fortgezogene / Saldo side by side; row 20 of January holds 1,954 and 1,930.
    let error = error_of(&realdata("destatis_migration_monthly_2019.xlsx"), None);
    assert!(
        error.contains(
            "sheets \"Januar\", \"Februar\": it looks like monthly moves (the sheet is named \
             after a month), net migration (\"Saldo\" in I4), not one of the Clearinghouse tables"
        ),
        "{error}"
    );
    assert!(
        error.contains("sheet \"Jahr_kummuliert\": it looks like net migration (\"Saldo\" in I4)"),
        "{error}"
    );
    assert!(
        error.contains("row 20: holds counts, not years: beside 1954, 1930 it has 4377, 27"),
        "{error}"
    );
    // A table given by the user does not make a header of the counts.
    let options = ImportOptions {
        table: Some(TableId::T3),
        reporter: Some("DEU".into()),
        ..ImportOptions::default()
    };
    let with_flags = error_with("destatis_migration_monthly_2019.xlsx", &options);
    assert!(
        with_flags.contains("it looks like monthly moves"),
        "{with_flags}"
    );
}

#[test]
fn the_un_desa_flows_are_read_from_the_column_of_countries() {
    // UN DESA, International Migration Flows, 2015 revision, Canada by citizenship. The table
    // is named nowhere: without --table the file is refused, naming the flag.
    let error = error_of(&realdata("undesa_flows2015_canada.xlsx"), None);
    assert!(
        error.contains("or given with --table (1.1 … 7.2, POP) or in the import dialog"),
        "{error}"
    );
    let options = ImportOptions {
        table: Some(TableId::T5_2),
        ..ImportOptions::default()
    };
    let (dataset, report) = load_with(&realdata("undesa_flows2015_canada.xlsx"), &options);
    let sheet = report
        .sheets
        .iter()
        .find(|s| s.name == "Canada by Citizenship")
        .unwrap_or_else(|| panic!("{:?}", report.sheets));
    // The partner countries are in OdName (C), not in Type (A, "Immigrants" on every row).
    let category: Vec<&str> = sheet
        .columns
        .iter()
        .filter(|c| c.role == migreview::load::ColumnRole::Category)
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(category, vec!["OdName"]);
    let cell =
        |category: &str, year: u16| number(&dataset, key(TableId::T5_2, "CAN", year, category));
    assert_eq!(cell("AFG", 1980), Some(16.0)); // J3
    assert_eq!(cell("UNK", 1980), Some(44_000.0)); // J198
    assert_eq!(cell("TOTAL", 1980), Some(143_137.0)); // J199
    assert_eq!(cell("CAN", 1980), Some(0.0)); // J35
    assert_eq!(cell("CAN", 1990), Some(3.0)); // T35
    assert_eq!(
        place(&dataset, key(TableId::T5_2, "CAN", 1990, "CAN")),
        format!("{} › Canada by Citizenship › T35", report.name)
    );
    // The sheet of regional aggregates holds no partner table and says so.
    let regions = report
        .sheets
        .iter()
        .find(|s| s.name == "Regions by Citizenship")
        .and_then(|s| s.note.clone())
        .unwrap_or_default();
    assert!(
        regions.contains("row labels that are regions, groups or totals, not countries"),
        "{regions}"
    );
}

#[test]
fn a_trimmed_data_browser_export_loads_as_immigration_totals() {
    // Eurostat immigration as cut down by its user: a `TIME` row of years as text, then rows
    // of countries; what the numbers are is only in the file name (`migr_imm`).
    let (dataset, report) = load_with(
        &realdata("eurostat_migr_imm_trimmed_browser.xlsx"),
        &ImportOptions::default(),
    );
    assert_eq!(report.layout, Layout::EurostatBrowser);
    assert!(!report.confident, "the table is a guess from the file name");
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("read as the totals of table 3 (immigration), a guess")),
        "{:?}",
        report.messages
    );
    let total =
        |reporter: &str, year: u16| number(&dataset, key(TableId::T3, reporter, year, "TOTAL"));
    assert_eq!(total("DEU", 1998), Some(802_456.0));
    assert_eq!(total("DEU", 2015), Some(1_595_865.0));
    assert_eq!(total("GBR", 1998), Some(332_390.0));
    let france = one(&dataset, key(TableId::T3, "FRA", 1998, "TOTAL"));
    assert_eq!(france.number(), None, "`:` is not available, never zero");
    assert_eq!(dataset.len(), 9 * 26);
    // The same file with the table given is read as that table, and confidently.
    let options = ImportOptions {
        table: Some(TableId::T3),
        ..ImportOptions::default()
    };
    let (given, report) = load_with(
        &realdata("eurostat_migr_imm_trimmed_browser.xlsx"),
        &options,
    );
    assert!(report.confident, "{:?}", report.messages);
    assert_eq!(
        number(&given, key(TableId::T3, "DEU", 1998, "TOTAL").sex(Sex::T)),
        Some(802_456.0)
    );
}

#[test]
fn oecd_inflows_of_the_world_are_the_total_of_table_5() {
    // OECD International Migration Database, inflows of foreign population (B11): CITIZENSHIP
    // is W ("World") on every row, the total over all citizenships.
    let (dataset, report) = load_with(
        &realdata("oecd_imd_inflows_sdmx.csv"),
        &ImportOptions::default(),
    );
    assert_eq!(report.layout, Layout::SdmxCsv);
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
    let total =
        |reporter: &str, year: u16| number(&dataset, key(TableId::T5_1, reporter, year, "TOTAL"));
    assert_eq!(total("GRC", 2014), Some(29_510.0));
    assert_eq!(total("NOR", 2018), Some(44_406.0));
    // An OECD estimate with decimals is kept as published.
    assert_eq!(total("ESP", 2013), Some(248_350.152_6));
    assert!(
        dataset.obs().iter().all(|o| o.table == TableId::T5_1),
        "no row of the world total goes to the by-country table"
    );
}

#[test]
fn eurostat_population_by_citizenship_places_continents_groups_and_nationals() {
    // Eurostat migr_pop1ctz with labels: the file name names both "population" and the
    // dataset, which is tables 2.2 and 2.1.
    let (dataset, report) = load_with(
        &realdata("eurostat_population_by_citizenship_migr_pop1ctz_natix.csv"),
        &ImportOptions::default(),
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("migr_pop1ctz: countries → table 2.2")),
        "{:?}",
        report.messages
    );
    assert!(dataset.obs().iter().all(|o| o.table != TableId::Pop));
    let cell = |table, reporter: &str, sex, category: &str| {
        number(&dataset, key(table, reporter, 2015, category).sex(sex))
    };
    assert_eq!(cell(TableId::T2_2, "DEU", Sex::M, "POL"), Some(333_641.0));
    // "America" is the continent, not the United States.
    assert_eq!(cell(TableId::T2_2, "AUT", Sex::F, "USA"), Some(3_891.0));
    assert_eq!(
        cell(TableId::T2_2, "AUT", Sex::F, "M49_019"),
        Some(11_073.0)
    );
    // Eurostat's spellings and statuses place.
    assert_eq!(cell(TableId::T2_2, "DEU", Sex::M, "MMR"), Some(1_147.0));
    assert_eq!(cell(TableId::T2_2, "DEU", Sex::F, "PCN"), Some(0.0));
    // Austria's own citizens, given as "Austria" and as "Reporting country", are its
    // nationals in the status table, not a foreign citizenship of 2.2.
    assert!(
        load_support::all(&dataset, key(TableId::T2_2, "AUT", 2015, "AUT").sex(Sex::F)).is_empty()
    );
    let nationals = load_support::all(
        &dataset,
        key(TableId::T2_1, "AUT", 2015, "CITIZENS").sex(Sex::F),
    );
    assert_eq!(nationals.len(), 2);
    assert!(nationals.iter().all(|o| o.number() == Some(3_818_840.0)));
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
}
