//! Eurostat and OECD files: bulk TSV (also gzipped, and saved as CSV), SDMX-CSV, and the data
//! browser's spreadsheet export.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::*;
use migreview::load::{ImportOptions, Layout};
use migreview::model::{Missing, Sex, TableId};
use rust_xlsxwriter::Workbook;

#[test]
fn the_bulk_file_saved_as_csv_reads_values_flags_and_missing() {
    let (dataset, report) = load(&fixture("eurostat_tps00176_immigration_bulk.csv"));
    assert_eq!(report.layout, Layout::EurostatBulk);
    assert_eq!(report.skipped_rows, 0);
    // 5 countries × 12 years.
    assert_eq!(dataset.len(), 60);
    let austria_2007 = key(TableId::T3, "AUT", 2007, "TOTAL");
    assert_eq!(number(&dataset, austria_2007), Some(72_862.0));
    assert_eq!(flag(&dataset, austria_2007), "b");
    assert_eq!(
        place(&dataset, austria_2007),
        format!(
            "{} › line 2",
            fixture("eurostat_tps00176_immigration_bulk.csv").display()
        )
    );
    // `: ` is not available, never zero.
    let belgium_2008 = key(TableId::T3, "BEL", 2008, "TOTAL");
    assert_eq!(missing(&dataset, belgium_2008), Some(Missing::NotAvailable));
    assert_eq!(flag(&dataset, key(TableId::T3, "BGR", 2012, "TOTAL")), "bp");
    assert_eq!(
        number(&dataset, key(TableId::T3, "DEU", 2015, "TOTAL")),
        Some(1_543_848.0)
    );
    assert_eq!(flag(&dataset, key(TableId::T3, "DEU", 2015, "TOTAL")), "e");
    // The last column has no flags and the Eurostat code UK is the United Kingdom.
    assert_eq!(
        number(&dataset, key(TableId::T3, "GBR", 2017, "TOTAL")),
        Some(644_209.0)
    );
    assert!(
        report.messages.iter().any(|m| m.contains("tps00176")),
        "{:?}",
        report.messages
    );
}

#[test]
fn a_gzipped_bulk_tsv_reads_complet_and_sets_reach_aside() {
    let (dataset, report) = load(&fixture("estat_migr_imm5prv.tsv.gz"));
    assert_eq!(report.layout, Layout::EurostatBulk);
    assert_eq!(report.delimiter, Some('\t'));
    // 9 COMPLET rows × 4 years; the 9 REACH rows repeat them and are not read.
    assert_eq!(dataset.len(), 36);
    assert_eq!(report.skipped_rows, 0);
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("set aside 9 rows with agedef=REACH")),
        "{:?}",
        report.messages
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("gzip-compressed")),
        "{:?}",
        report.messages
    );
    let belgium_from_bulgaria = key(TableId::T3, "BEL", 2019, "BGR");
    assert_eq!(number(&dataset, belgium_from_bulgaria), Some(4_787.0));
    assert_eq!(
        number(&dataset, key(TableId::T3, "LTU", 2018, "BGR")),
        Some(22.0)
    );
    // EL is Greece; Cyprus reported nothing.
    assert_eq!(
        number(&dataset, key(TableId::T3, "BEL", 2016, "GRC")),
        Some(1_305.0)
    );
    assert_eq!(
        missing(&dataset, key(TableId::T3, "CYP", 2017, "DEU")),
        Some(Missing::NotAvailable)
    );
    assert_eq!(
        place(&dataset, belgium_from_bulgaria),
        format!(
            "{} › line 2",
            fixture("estat_migr_imm5prv.tsv.gz").display()
        )
    );
}

#[test]
fn sdmx_csv_reads_each_observation_once() {
    let (dataset, report) = load(&fixture("eurostat_tps00176_immigration_sdmx.csv"));
    assert_eq!(report.layout, Layout::SdmxCsv);
    // 18 rows: 9 with agedef COMPLET, the same 9 with REACH.
    assert_eq!(dataset.len(), 9);
    assert_eq!(report.skipped_rows, 0);
    let germany_2017 = key(TableId::T3, "DEU", 2017, "TOTAL");
    assert_eq!(number(&dataset, germany_2017), Some(866_541.0));
    assert_eq!(flag(&dataset, germany_2017), "e");
    assert_eq!(
        place(&dataset, germany_2017),
        format!(
            "{} › line 7",
            fixture("eurostat_tps00176_immigration_sdmx.csv").display()
        )
    );
    assert_eq!(
        flag(&dataset, key(TableId::T3, "EU27_2020", 2015, "TOTAL")),
        "bep"
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("set aside 9 rows with agedef=REACH")),
        "{:?}",
        report.messages
    );
}

#[test]
fn sdmx_confidential_values_and_units() {
    let text = "DATAFLOW,LAST UPDATE,freq,citizen,agedef,age,unit,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n\
                ESTAT:MIGR_IMM1CTZ(1.0),01/01/25 00:00:00,A,TR,COMPLET,TOTAL,NR,F,AT,2020,,,C\n\
                ESTAT:MIGR_IMM1CTZ(1.0),01/01/25 00:00:00,A,NAT,COMPLET,TOTAL,NR,F,AT,2020,5000,p,\n\
                ESTAT:MIGR_IMM1CTZ(1.0),01/01/25 00:00:00,A,NAT,COMPLET,TOTAL,PC,F,AT,2020,12.5,,\n";
    let (dataset, report) = load_bytes("imm.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(dataset.len(), 2);
    let turkey = key(TableId::T5_2, "AUT", 2020, "TUR").sex(Sex::F);
    assert_eq!(missing(&dataset, turkey), Some(Missing::Confidential));
    assert_eq!(flag(&dataset, turkey), "c");
    assert_eq!(
        number(
            &dataset,
            key(TableId::T5_1, "AUT", 2020, "CITIZENS").sex(Sex::F)
        ),
        Some(5_000.0)
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("set aside 1 row with unit=PC")),
        "{:?}",
        report.messages
    );
}

#[test]
fn oecd_sdmx_csv_with_label_columns() {
    // The OECD's layout: each code column followed by its label column.
    let text = "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,Frequency of observation,MEASURE,Measure,CITIZENSHIP,Citizenship,SEX,Sex,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier\n\
                DATAFLOW,OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0),International migration database,I,DEU,Germany,A,Annual,B11,Inflows of foreign population by nationality,TUR,Türkiye,_T,Total,2019,2019,45.2,,A,Normal value,3,Thousands\n\
                DATAFLOW,OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0),International migration database,I,DEU,Germany,A,Annual,B13,Inflows of asylum seekers by nationality,TUR,Türkiye,_T,Total,2019,2019,10.7,,A,Normal value,3,Thousands\n\
                DATAFLOW,OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0),International migration database,I,DEU,Germany,A,Annual,B16,Acquisition of nationality by country of former nationality,TUR,Türkiye,M,Male,2019,2019,8000,,E,Estimated value,0,Units\n";
    let (dataset, report) = load_bytes("oecd_mig.csv", text.as_bytes(), &ImportOptions::default());
    assert_eq!(report.layout, Layout::SdmxCsv);
    assert_eq!(dataset.len(), 2);
    let inflow = key(TableId::T5_2, "DEU", 2019, "TUR");
    assert_eq!(number(&dataset, inflow), Some(45_200.0));
    assert_eq!(flag(&dataset, inflow), "");
    let acquisitions = key(TableId::T7_2, "DEU", 2019, "TUR").sex(Sex::M);
    assert_eq!(number(&dataset, acquisitions), Some(8_000.0));
    assert_eq!(flag(&dataset, acquisitions), "e");
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("measure B13 (no Clearinghouse table)")),
        "{:?}",
        report.messages
    );
}

#[test]
fn citizenship_datasets_split_into_status_and_country_tables() {
    let text = "freq,citizen,agedef,age,unit,sex,geo\\TIME_PERIOD\t2020 \t2019 \n\
                A,TOTAL,COMPLET,TOTAL,NR,T,AT\t100 \t90 \n\
                A,NAT,COMPLET,TOTAL,NR,T,AT\t40 \t35 \n\
                A,FOR,COMPLET,TOTAL,NR,T,AT\t55 \t50 \n\
                A,STLS,COMPLET,TOTAL,NR,T,AT\t2 \t1 \n\
                A,UNK,COMPLET,TOTAL,NR,T,AT\t3 \t4 \n\
                A,TR,COMPLET,TOTAL,NR,T,AT\t20 \t18 \n\
                A,EU27_2020_FOR,COMPLET,TOTAL,NR,T,AT\t25 \t22 \n\
                A,TR,COMPLET,Y20-24,NR,T,AT\t5 \t4 \n\
                A,TR,COMPLET,TOTAL,NR,T,AT\t: c\t: \n";
    let (dataset, report) = load_bytes(
        "estat_migr_imm1ctz.tsv",
        text.as_bytes(),
        &ImportOptions::default(),
    );
    assert_eq!(report.layout, Layout::EurostatBulk);
    let status = |category| number(&dataset, key(TableId::T5_1, "AUT", 2020, category));
    assert_eq!(status("TOTAL"), Some(100.0));
    assert_eq!(status("CITIZENS"), Some(40.0));
    assert_eq!(status("FOREIGN"), Some(55.0));
    assert_eq!(status("STATELESS"), Some(2.0));
    assert_eq!(status("UNKNOWN"), Some(3.0));
    let turkey = all(&dataset, key(TableId::T5_2, "AUT", 2020, "TUR"));
    // The repeated TR row holds a confidential value: two observations, the second missing.
    assert_eq!(turkey.len(), 2);
    assert_eq!(turkey[0].number(), Some(20.0));
    assert_eq!(
        turkey[1].value(),
        migreview::model::Value::Missing(Missing::Confidential)
    );
    assert_eq!(
        number(
            &dataset,
            key(TableId::T5_2, "AUT", 2019, "TUR").age("20-24")
        ),
        Some(4.0)
    );
    assert_eq!(
        number(&dataset, key(TableId::T5_2, "AUT", 2020, "EU27_2020_FOR")),
        Some(25.0)
    );
}

#[test]
fn a_bulk_file_without_a_dataset_name_asks_for_the_table() {
    let text = "freq,partner,age,agedef,unit,sex,geo\\TIME_PERIOD\t2020 \n\
                A,DE,TOTAL,COMPLET,NR,T,AT\t100 \n";
    let error = error_of(std::path::Path::new("download.tsv"), Some(text.as_bytes()));
    assert_eq!(
        error,
        "download.tsv: expected the Eurostat dataset in the file name \
         (estat_migr_imm5prv.tsv.gz, migr_emi3nxt.tsv, tps00176.csv), or a table given with \
         --table (3, 5.2 …) or in the import dialog; found dimensions \
         freq,partner,age,agedef,unit,sex,geo"
    );
    let options = ImportOptions {
        table: Some(TableId::T4),
        ..ImportOptions::default()
    };
    let (dataset, _) = load_bytes("download.tsv", text.as_bytes(), &options);
    assert_eq!(
        number(&dataset, key(TableId::T4, "AUT", 2020, "DEU")),
        Some(100.0)
    );
}

/// A workbook shaped like the data browser's download of `tps00177`.
fn browser_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let summary = book.add_worksheet();
    let _ = summary.set_name("Summary");
    let _ = summary.write_string(0, 0, "Data extracted on 29/11/2024 11:00:00 from [ESTAT]");
    let _ = summary.write_string(1, 0, "Dataset:");
    let _ = summary.write_string(1, 2, "Emigration [TPS00177]");
    let structure = book.add_worksheet();
    let _ = structure.set_name("Structure");
    let _ = structure.write_string(0, 0, "Dimension");
    let _ = structure.write_string(0, 1, "Position");
    let _ = structure.write_string(1, 0, "Time frequency");
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Sheet 1");
    let title = [
        (0, "Emigration"),
        (2, "Data extracted on 29/11/2024 11:00:00 from [ESTAT]"),
        (3, "Last update of data: 28/11/2024 23:00"),
    ];
    for (row, text) in title {
        let _ = sheet.write_string(row, 0, text);
    }
    let _ = sheet.write_string(1, 0, "Dataset:");
    let _ = sheet.write_string(1, 2, "Emigration [TPS00177]");
    let fixed = [
        (5, "Time frequency", "Annual"),
        (6, "Citizenship", "Total"),
        (7, "Age class", "Total"),
        (8, "Unit of measure", "Number"),
        (9, "Sex", "Total"),
    ];
    for (row, label, value) in fixed {
        let _ = sheet.write_string(row, 0, label);
        let _ = sheet.write_string(row, 2, value);
    }
    let _ = sheet.write_string(11, 0, "TIME");
    for (i, year) in ["2019", "2020", "2021"].iter().enumerate() {
        let _ = sheet.write_string(11, 1 + 2 * i as u16, *year);
    }
    let _ = sheet.write_string(12, 0, "GEO (Labels)");
    type Row<'a> = (&'a str, [Option<f64>; 3], [&'a str; 3]);
    let rows: [Row<'_>; 3] = [
        (
            "Germany (until 1990 former territory of the FRG)",
            [Some(961_000.0), Some(754_000.0), Some(749_000.0)],
            ["", "b", ""],
        ),
        (
            "Czechia",
            [Some(27_000.0), None, Some(30_000.0)],
            ["", "", "p"],
        ),
        ("Türkiye", [None, None, None], ["", "", ""]),
    ];
    for (r, (label, values, flags)) in rows.iter().enumerate() {
        let row = 13 + r as u32;
        let _ = sheet.write_string(row, 0, *label);
        for (i, value) in values.iter().enumerate() {
            let col = 1 + 2 * i as u16;
            match value {
                Some(v) => {
                    let _ = sheet.write_number(row, col, *v);
                }
                None => {
                    let _ = sheet.write_string(row, col, ":");
                }
            }
            if !flags[i].is_empty() {
                let _ = sheet.write_string(row, col + 1, flags[i]);
            }
        }
    }
    let _ = sheet.write_string(17, 0, "Special value");
    let _ = sheet.write_string(18, 0, ":");
    let _ = sheet.write_string(18, 1, "not available");
    let _ = sheet.write_string(19, 0, "b");
    let _ = sheet.write_string(19, 1, "break in time series");
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_data_browser_export_reads_country_labels_and_flag_columns() {
    let bytes = browser_workbook();
    let (dataset, report) = load_bytes(
        "tps00177_page_spreadsheet.xlsx",
        &bytes,
        &ImportOptions::default(),
    );
    assert_eq!(report.layout, Layout::EurostatBrowser);
    assert_eq!(dataset.len(), 9);
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
    let germany_2020 = key(TableId::T4, "DEU", 2020, "TOTAL");
    assert_eq!(number(&dataset, germany_2020), Some(754_000.0));
    assert_eq!(flag(&dataset, germany_2020), "b");
    assert_eq!(
        place(&dataset, germany_2020),
        "tps00177_page_spreadsheet.xlsx › Sheet 1 › D14"
    );
    assert_eq!(
        missing(&dataset, key(TableId::T4, "CZE", 2020, "TOTAL")),
        Some(Missing::NotAvailable)
    );
    assert_eq!(flag(&dataset, key(TableId::T4, "CZE", 2021, "TOTAL")), "p");
    assert_eq!(
        missing(&dataset, key(TableId::T4, "TUR", 2019, "TOTAL")),
        Some(Missing::NotAvailable)
    );
    // Footnotes are notes; Summary and Structure are listed but not read.
    assert!(
        report.notes.iter().any(|n| n == "b break in time series"),
        "{:?}",
        report.notes
    );
    let names: Vec<(&str, Option<Layout>)> = report
        .sheets
        .iter()
        .map(|s| (s.name.as_str(), s.layout))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Summary", None),
            ("Structure", None),
            ("Sheet 1", Some(Layout::EurostatBrowser))
        ]
    );
}
