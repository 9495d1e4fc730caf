//! What a file can make the loader allocate is bounded: a stray cell at the far corner of a
//! sheet is refused with a message, and the other sheets and files of the run are still read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl};
use migreview::model::Lang;
use rust_xlsxwriter::Workbook;

#[test]
fn a_stray_cell_at_the_last_address_of_a_sheet_is_refused_not_allocated() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, "Country");
    let _ = sheet.write_number(1, 1, 2019.0);
    let _ = sheet.write_string(2, 0, "Russian Federation");
    let _ = sheet.write_number(2, 1, 100.0);
    let _ = sheet.write_number(1_048_575, 16_383, 1.0);
    let good_sheet = book.add_worksheet();
    let _ = good_sheet.set_name("Table 4");
    let _ = good_sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = good_sheet.write_string(1, 0, "Country");
    let _ = good_sheet.write_number(1, 1, 2019.0);
    let _ = good_sheet.write_number(1, 2, 2020.0);
    let _ = good_sheet.write_string(2, 0, "Uzbekistan");
    let _ = good_sheet.write_number(2, 1, 7.0);
    let _ = good_sheet.write_number(2, 2, 8.0);
    let xlsx = dir.path().join("KAZ.xlsx");
    book.save(&xlsx).unwrap_or_else(|e| panic!("{e}"));
    let csv = dir.path().join("RUS.csv");
    std::fs::write(
        &csv,
        "table,reporter,year,category,value\n4,RUS,2019,KAZ,90\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let outcome = load::load_files(
        &[xlsx.clone(), csv],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    let report = match &outcome.files[0] {
        Ok(report) => report,
        Err(e) => panic!("{e}"),
    };
    let refused = report
        .sheets
        .iter()
        .find(|s| s.name == "Table 3")
        .and_then(|s| s.note.clone())
        .unwrap_or_default();
    assert_eq!(
        refused,
        "not read: cannot read the sheet (its 6 cells are spread over 1,048,576 rows × 16,384 \
         columns (a cell at XFD1048576), more than the 25,000,000 cells migreview reads in one \
         sheet; delete the stray cells far from the table, or copy the table to a new sheet)"
    );
    // The other sheet and the other file are read.
    assert_eq!(outcome.dataset.len(), 3);
    assert!(outcome.files[1].is_ok());
}

#[test]
fn many_distinct_unplaced_labels_are_each_counted_once_per_observation() {
    // Each label twice in a file; two such files merged: every label counted four times, each
    // listed once.
    let mut text = String::from("table,reporter,year,category,value\n");
    for year in [2019, 2020] {
        for i in 0..1000 {
            text.push_str(&format!("3,KAZ,{year},Zz{i:05}q,{i}\n"));
        }
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<std::path::PathBuf> = ["a.csv", "b.csv"]
        .iter()
        .map(|name| {
            let path = dir.path().join(name);
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
            path
        })
        .collect();
    let one = load::load_file(&paths[0], &ImportOptions::default(), &LoadControl::new())
        .unwrap_or_else(|e| panic!("{e}"))
        .0;
    assert_eq!(one.unplaced.len(), 1000);
    assert!(one.unplaced.iter().all(|l| l.count == 2));
    let both = load::load_files(&paths, |_| ImportOptions::default(), &LoadControl::new());
    assert_eq!(both.dataset.unplaced.len(), 1000);
    assert!(both.dataset.unplaced.iter().all(|l| l.count == 4));
    assert_eq!(both.dataset.unplaced[999].label, "Zz00999q");
}

#[test]
fn a_key_repeated_thousands_of_times_is_one_finding_that_lists_a_few() {
    let mut text = String::from("table,reporter,year,category,value\n");
    for i in 0..4000 {
        text.push_str(if i == 2500 {
            "3,KAZ,2019,RUS,6\n"
        } else {
            "3,KAZ,2019,RUS,5\n"
        });
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("dup.csv");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let outcome = load::load_files(
        std::slice::from_ref(&path),
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    let report = migreview::report::Report::build(
        migreview::cli::input_summaries(std::slice::from_ref(&path), &outcome),
        &outcome.dataset,
        &migreview::settings::Settings::default(),
    );
    let s2: Vec<&migreview::checks::Finding> = report
        .findings
        .iter()
        .filter(|f| f.check == migreview::checks::CheckCode::S2)
        .collect();
    assert_eq!(s2.len(), 1);
    let shown = path.display();
    assert_eq!(
        s2[0].message(Lang::En),
        format!(
            "Different values for one key: 5 at {shown} › line 2; 5 at {shown} › line 3; 5 at \
             {shown} › line 4; 5 at {shown} › line 5; 5 at {shown} › line 6; and 3,995 more"
        )
    );
    // The pair that differs is the first value and the first value unlike it.
    assert_eq!(s2[0].actual, Some(6.0));
}

#[test]
fn a_bom_inside_a_file_and_words_like_inf_are_not_taken_for_labels_or_flags() {
    let text = "table,reporter,year,category,value\n\
                3,KAZ,2019,RUS,inf\n\
                3,KAZ,2019,\u{feff}KGZ,4\n\
                3,KAZ,2019,UZB,c\n";
    let (dataset, _) = load::load_bytes(
        std::path::Path::new("odd.csv"),
        text.as_bytes(),
        &ImportOptions::default(),
        &LoadControl::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let of = |category: &str| {
        dataset
            .obs()
            .iter()
            .find(|o| dataset.str(o.category) == category)
            .copied()
            .unwrap_or_else(|| panic!("no {category}"))
    };
    // The mark is dropped: the label places.
    assert_eq!(of("KGZ").number(), Some(4.0));
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
    // `inf` is text where a number belongs (an S3 finding), not the flags i, n, f.
    let inf = of("RUS");
    assert_eq!(
        inf.unreadable_text().map(|s| dataset.str(s).to_string()),
        Some("inf".into())
    );
    assert_eq!(dataset.str(inf.flag), "");
    // A flag alone is still read: `c` is confidential.
    assert_eq!(
        of("UZB").value(),
        migreview::model::Value::Missing(migreview::model::Missing::Confidential)
    );
}

#[test]
fn a_header_line_of_megabytes_is_refused_and_the_other_files_are_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let huge = dir.path().join("huge.csv");
    let mut text = "x,".repeat(1_500_000);
    text.push_str("\n1,2\n");
    std::fs::write(&huge, &text).unwrap_or_else(|e| panic!("{e}"));
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "table,reporter,year,category,value\n3,KAZ,2019,RUS,5\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let outcome = load::load_files(
        &[huge.clone(), good],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    match &outcome.files[0] {
        Err(e) => assert_eq!(
            e.to_string(),
            format!(
                "{}: expected a first line of column names (at most 1 MB); found a first line \
                 longer than that, in a file of 2.9 MB: not a table of rows",
                huge.display()
            )
        ),
        Ok(_) => panic!("the file was read"),
    }
    assert_eq!(outcome.dataset.len(), 1);
}

fn load_text(name: &str, text: &str) -> (migreview::model::Dataset, load::LoadReport) {
    load::load_bytes(
        std::path::Path::new(name),
        text.as_bytes(),
        &ImportOptions::default(),
        &LoadControl::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_quote_never_closed_skips_the_rows_it_swallowed_and_says_so() {
    let text = "table,reporter,year,sex,category,value\n\
                3,KAZ,2010,T,\"Russia,4190\n\
                3,KAZ,2011,T,RUS,4300\n\
                3,KAZ,2012,T,RUS,4400\n\
                3,KAZ,2013,T,\"RUS\",4500\n\
                3,KAZ,2014,T,RUS,4600\n";
    let (dataset, report) = load_text("KAZ.csv", text);
    let reason = "a quote opened on line 2 is closed only on line 5: the lines between were \
                  read as one cell and are skipped; close or remove the quote and load the \
                  file again";
    assert_eq!(report.skipped_rows, 1);
    assert_eq!(report.skipped[0].location.line(), Some(2));
    assert_eq!(report.skipped[0].reason, reason);
    assert!(
        report.messages.contains(&format!("line 2: {reason}")),
        "{:?}",
        report.messages
    );
    // Only the row after the closing quote is read; no label made of other rows is unplaced.
    let years: Vec<u16> = dataset.obs().iter().map(|o| o.year).collect();
    assert_eq!(years, vec![2014]);
    assert_eq!(dataset.obs()[0].number(), Some(4600.0));
    assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
}

#[test]
fn a_quoted_label_on_two_lines_is_still_a_label() {
    // A line break inside quotes with no delimiter after it is a cell of two lines, not rows.
    let text = "table,reporter,year,sex,category,value\n\
                3,KAZ,2010,T,\"Russian\nFederation\",4190\n\
                3,KAZ,2011,T,RUS,4300\n";
    let (dataset, report) = load_text("KAZ.csv", text);
    assert_eq!(report.skipped_rows, 0, "{:?}", report.skipped);
    assert_eq!(dataset.obs().len(), 2);
    assert_eq!(dataset.str(dataset.obs()[0].category), "RUS");
    assert_eq!(
        dataset.location(&dataset.obs()[1]).to_string(),
        "KAZ.csv › line 4"
    );
}

#[test]
fn a_cell_or_a_row_of_megabytes_after_the_header_is_skipped_with_its_size() {
    let long_label = "x".repeat(70_000);
    let wide_row = vec!["7"; 600_000].join(",");
    let text = format!(
        "table,reporter,year,sex,category,value\n\
         3,KAZ,2010,T,{long_label},1\n\
         3,KAZ,2011,T,RUS,{wide_row}\n\
         3,KAZ,2012,T,RUS,4400\n"
    );
    let (dataset, report) = load_text("KAZ.csv", &text);
    let reasons: Vec<(Option<u32>, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.location.line(), s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (
                Some(2),
                "column 5 holds 68 KB of text: expected a label, a code or a number (at \
                 most 64 KB)"
            ),
            (
                Some(3),
                "the row holds 1.2 MB: expected a row of at most 1 MB"
            ),
        ]
    );
    assert_eq!(dataset.obs().len(), 1);
    assert_eq!(dataset.obs()[0].year, 2012);
}

/// An .ods archive holding `content.xml` with one sheet of `rows`.
fn ods_with_rows(rows: &str) -> Vec<u8> {
    use std::io::Write as _;
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Table 3\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
          xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\
          <manifest:file-entry manifest:full-path=\"/\" \
          manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
          <manifest:file-entry manifest:full-path=\"content.xml\" \
          manifest:media-type=\"text/xml\"/></manifest:manifest>",
    )
    .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    buffer.into_inner()
}

fn text_cell(text: &str) -> String {
    format!(
        "<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
    )
}

fn number_cell(value: f64) -> String {
    format!("<table:table-cell office:value-type=\"float\" office:value=\"{value}\"/>")
}

#[test]
fn an_ods_with_a_value_far_down_is_refused_before_it_is_laid_out() {
    let table = format!(
        "<table:table-row>{}</table:table-row>\
         <table:table-row>{}{}{}</table:table-row>\
         <table:table-row>{}{}{}</table:table-row>",
        text_cell("Country: Kazakhstan"),
        text_cell("Country"),
        number_cell(2019.0),
        number_cell(2020.0),
        text_cell("Uzbekistan"),
        number_cell(7.0),
        number_cell(8.0),
    );
    let far = "<table:table-row table:number-rows-repeated=\"300000\">\
               <table:table-cell table:number-columns-repeated=\"200\"/></table:table-row>\
               <table:table-row><table:table-cell table:number-columns-repeated=\"199\"/>\
               <table:table-cell office:value-type=\"float\" office:value=\"1\"/>\
               </table:table-row>";
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("KAZ_good.ods");
    std::fs::write(&good, ods_with_rows(&table)).unwrap();
    let wide = dir.path().join("KAZ.ods");
    std::fs::write(&wide, ods_with_rows(&format!("{table}{far}"))).unwrap();
    let outcome = load::load_files(
        &[wide.clone(), good],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    let errors: Vec<String> = outcome.errors().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec![format!(
            "{}: cannot read the workbook (its sheets repeat rows and cells to more than \
             25,000,000 cells, more than migreview reads in one spreadsheet; open it in \
             LibreOffice, delete the rows and columns far from the table, and save it again)",
            wide.display()
        )]
    );
    // The good copy, without the far value, is read.
    let values: Vec<Option<f64>> = outcome.dataset.obs().iter().map(|o| o.number()).collect();
    assert_eq!(values, vec![Some(7.0), Some(8.0)]);
}
