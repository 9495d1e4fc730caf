//! A corpus of bad input, each case as a user meets it: the message that refuses the file (or
//! the rows skipped, the notes and the findings when the file is readable but wrong), and for
//! the command line the exit status and what is said on standard error. Every case runs next
//! to a good file, which must still be read whole.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use cli_support::migreview;
use migreview::cli::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use migreview::load::{self, ImportOptions, LoadControl, LoadOutcome, LoadReport};
use migreview::model::Dataset;
use migreview::model::Lang;
use migreview::report::Report;
use migreview::settings::Settings;
use rust_xlsxwriter::{Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// The good file of every run: Armenia's emigration to Georgia, two years.
const GOOD: &str = "table,reporter,year,category,value\n4,ARM,2019,GEO,250\n4,ARM,2020,GEO,260\n";

const LONG_HEADER: &str = "header on line 1; columns: table = table, reporter = reporter, year = \
                           year, category = category, value = value";

/// The loader's message on the header of [`kaz_values`] files.
const SEX_HEADER: &str = "header on line 1; columns: table = table, reporter = reporter, year = \
                          year, sex = sex, category = category, value = value";

/// The loader's message on a `Table 3` sheet of [`kazakhstan`].
const KAZ_SHEET: &str = "sheet \"Table 3\": table 3 (sheet name); reporter \"Kazakhstan\" (title \
                         cell A1); header row 2";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// A deterministic stream of bytes (xorshift64).
fn junk(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// A workbook of one sheet named `Table 3`, filled by `fill`.
fn table3(fill: impl Fn(&mut Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("Table 3");
    fill(sheet);
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

/// Kazakhstan's Table 3 with a header of years in row 2 and Russia's row below.
fn kazakhstan(sheet: &mut Worksheet, years: &[f64], values: &[f64]) {
    let _ = sheet.write_string(0, 0, "Country: Kazakhstan");
    let _ = sheet.write_string(1, 0, "Country of previous residence");
    let _ = sheet.write_string(2, 0, "Russian Federation");
    for (i, (year, value)) in years.iter().zip(values).enumerate() {
        let _ = sheet.write_number(1, 1 + i as u16, *year);
        let _ = sheet.write_number(2, 1 + i as u16, *value);
    }
}

/// Where a case's bad input comes from.
enum Input {
    /// These bytes, written to a file of the case's name.
    Bytes(Vec<u8>),
    /// A file of `tests/fixtures`.
    Fixture(&'static str),
    /// No file at all.
    Missing,
    /// A folder of the case's name.
    Folder,
}

/// What the user is shown about the bad input.
enum Expect {
    /// Refused with this message (`{path}` is the file's path as given).
    Refused(String),
    /// Refused with a message that begins so: the rest is the spreadsheet reader's own detail.
    RefusedStarting(String),
    /// Read, with this outcome.
    Read(Read),
}

/// A bad file that is read: what the report of its load and the checks say about it.
#[derive(Default)]
struct Read {
    observations: usize,
    /// `location: reason` of each skipped row.
    skipped: Vec<String>,
    /// The loader's messages, then `note: …` of each sheet that has one.
    messages: Vec<String>,
    /// `CODE Severity location: message` of each finding about the bad file.
    findings: Vec<String>,
    /// `table reporter year sex age category = value` of every observation, when given.
    values: Option<Vec<String>>,
}

struct Case {
    name: &'static str,
    input: Input,
    expect: Expect,
}

fn case(name: &'static str, input: Input, expect: Expect) -> Case {
    Case {
        name,
        input,
        expect,
    }
}

fn bytes(text: &str) -> Input {
    Input::Bytes(text.as_bytes().to_vec())
}

fn read(read: Read) -> Expect {
    Expect::Read(read)
}

fn refused(message: impl Into<String>) -> Expect {
    Expect::Refused(message.into())
}

fn refused_starting(start: &str) -> Expect {
    Expect::RefusedStarting(start.to_string())
}

/// Owned lines, for the lists of [`Read`].
fn lines<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    lines.iter().map(|l| l.as_ref().to_string()).collect()
}

/// The observations of one file of a data set, as `3 KAZ 2019 T TOTAL RUS = Number(5.0)`.
fn values_of(dataset: &Dataset, file: u16) -> Vec<String> {
    dataset
        .obs()
        .iter()
        .filter(|o| o.file == file)
        .map(|o| {
            let value = match o.unreadable_text() {
                Some(text) => format!("text {:?}", dataset.str(text)),
                None => format!("{:?}", o.value()),
            };
            format!(
                "{} {} {} {} {} {} = {value}",
                o.table.code(),
                dataset.str(o.reporter),
                o.year,
                o.sex,
                dataset.str(o.age),
                dataset.str(o.category)
            )
        })
        .collect()
}

fn messages_of(report: &LoadReport) -> Vec<String> {
    let mut messages = report.messages.clone();
    for sheet in &report.sheets {
        if let Some(note) = &sheet.note {
            messages.push(format!("note: {note}"));
        }
    }
    messages
}

/// The good file was read whole, whatever happened to the other.
fn good_file_read(outcome: &LoadOutcome, index: usize) -> Result<(), String> {
    let report = match &outcome.files[index] {
        Ok(report) => report,
        Err(e) => return Err(format!("the good file was refused: {e}")),
    };
    let dataset = &outcome.dataset;
    let good: Vec<String> = dataset
        .obs()
        .iter()
        .filter(|o| dataset.str(o.reporter) == "ARM")
        .map(|o| format!("{} {} {:?}", o.year, dataset.str(o.category), o.number()))
        .collect();
    let expected = vec!["2019 GEO Some(250.0)", "2020 GEO Some(260.0)"];
    if report.observations != 2 || good != expected {
        return Err(format!(
            "the good file lost data: {} observations, {good:?}",
            report.observations
        ));
    }
    Ok(())
}

/// Runs one case next to the good file and returns what differs from what it expects.
fn run_case(case: Case, dir: &Path) -> Vec<String> {
    let good = dir.join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let bad = match case.input {
        Input::Bytes(bytes) => {
            let path = dir.join(case.name);
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            path
        }
        Input::Fixture(name) => fixture(name),
        Input::Missing => dir.join(case.name),
        Input::Folder => {
            let path = dir.join(case.name);
            std::fs::create_dir(&path).unwrap_or_else(|e| panic!("{e}"));
            path
        }
    };
    let shown = bad.display().to_string();
    let fill = |text: &str| text.replace("{path}", &shown);
    let paths = vec![bad.clone(), good.clone()];
    let outcome = load::load_files(&paths, |_| ImportOptions::default(), &LoadControl::new());
    let mut wrong = Vec::new();
    if let Err(e) = good_file_read(&outcome, 1) {
        wrong.push(e);
    }
    match (&case.expect, &outcome.files[0]) {
        (Expect::Refused(message), Err(e)) => {
            if e.to_string() != fill(message) {
                wrong.push(format!(
                    "message\n    {e}\n  expected\n    {}",
                    fill(message)
                ));
            }
        }
        (Expect::RefusedStarting(start), Err(e)) => {
            if !e.to_string().starts_with(&fill(start)) {
                wrong.push(format!(
                    "message\n    {e}\n  expected to begin\n    {}",
                    fill(start)
                ));
            }
        }
        (Expect::Read(expected), Ok(report)) => {
            let report_of_run = Report::build(
                migreview::cli::input_summaries(&paths, &outcome),
                &outcome.dataset,
                &Settings::default(),
            );
            let findings: Vec<String> = report_of_run
                .findings
                .iter()
                .filter(|f| {
                    f.location
                        .as_ref()
                        .is_none_or(|l| l.file != good.display().to_string())
                })
                .map(|f| {
                    format!(
                        "{} {:?} {}: {}",
                        f.check,
                        f.severity,
                        f.location
                            .as_ref()
                            .map(|l| l.to_string())
                            .unwrap_or_default(),
                        f.message(Lang::En)
                    )
                })
                .collect();
            let skipped: Vec<String> = report
                .skipped
                .iter()
                .map(|s| format!("{}: {}", s.location, s.reason))
                .collect();
            let lists = [
                ("skipped", skipped, &expected.skipped),
                ("messages", messages_of(report), &expected.messages),
                ("findings", findings, &expected.findings),
            ];
            for (what, found, wanted) in lists {
                let wanted: Vec<String> = wanted.iter().map(|w| fill(w)).collect();
                if found != wanted {
                    wrong.push(format!(
                        "{what}\n    {found:#?}\n  expected\n    {wanted:#?}"
                    ));
                }
            }
            if report.observations != expected.observations {
                wrong.push(format!(
                    "{} observations, expected {}",
                    report.observations, expected.observations
                ));
            }
            if let Some(values) = &expected.values {
                let found = values_of(&outcome.dataset, 0);
                if &found != values {
                    wrong.push(format!(
                        "values\n    {found:#?}\n  expected\n    {values:#?}"
                    ));
                }
            }
        }
        (_, Ok(report)) => wrong.push(format!(
            "read ({} observations, {:?}) but should have been refused",
            report.observations, report.messages
        )),
        (_, Err(e)) => wrong.push(format!("refused but should have been read: {e}")),
    }
    wrong
        .into_iter()
        .map(|w| format!("{}: {w}", case.name))
        .collect()
}

/// Runs every case, each in a folder of its own, and fails with all that differ.
fn run_cases(cases: Vec<Case>) -> usize {
    let count = cases.len();
    let mut wrong = Vec::new();
    for case in cases {
        let dir = temp();
        wrong.extend(run_case(case, dir.path()));
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n\n"));
    count
}

#[test]
fn files_that_cannot_be_read_are_refused_with_what_was_expected_and_found() {
    let last_year = migreview::load::header::current_year();
    let no_header_sheet = format!(
        "{{path}}: expected a sheet with migration data: a header row of two or more years \
             from 1900 to {last_year}, in order, with no other numbers and rows of figures below \
             (Clearinghouse layout), or columns named table, reporter, year, value (long \
             layout); found sheet \"Table 3\": no row of years among rows 1–2 and no header \
             naming the columns (table, reporter, year, value)"
    );
    let workbook = table3(|s| kazakhstan(s, &[2019.0, 2020.0], &[4190.0, 4300.0]));
    let xls = std::fs::read(fixture("KGZ_table4.xls")).unwrap_or_else(|e| panic!("{e}"));
    let ods = std::fs::read(fixture("TJK_status.ods")).unwrap_or_else(|e| panic!("{e}"));
    let mut ole_junk = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole_junk.extend(junk(600, 7));
    let mut wide = "x,".repeat(600_000);
    wide.push_str("\n1,2\n");
    let gzip_cut = {
        let gz =
            std::fs::read(fixture("estat_migr_imm5prv.tsv.gz")).unwrap_or_else(|e| panic!("{e}"));
        gz[..gz.len() / 2].to_vec()
    };
    let cases = vec![
        case(
            "KAZ.xlsx",
            Input::Missing,
            refused("{path}: file not found"),
        ),
        case(
            "data",
            Input::Folder,
            refused(
                "{path}: is a directory, expected a data file (.csv, .tsv, .xlsx, .xls, .ods, …)",
            ),
        ),
        case(
            "empty.csv",
            bytes(""),
            refused("{path}: the file is empty, expected migration data"),
        ),
        case(
            "blank.csv",
            bytes(" \r\n\r\n \t \n"),
            refused("{path}: the file is empty, expected migration data"),
        ),
        case(
            "junk.dat",
            Input::Bytes(junk(4096, 0x2545_f491_4f6c_dd1d)),
            refused(
                "{path}: expected a text file (CSV, TSV) or a workbook (.xlsx, .xls, .ods); found \
                 binary data",
            ),
        ),
        case(
            "junk.xlsx",
            Input::Bytes(junk(4096, 11)),
            refused(
                "{path}: cannot read the workbook (expected a workbook in a ZIP archive (.xlsx, \
                 .xlsm, .ods), which begins with \"PK\"; found other binary data: the file is \
                 damaged, or is no workbook under a workbook's name)",
            ),
        ),
        case(
            "junk.xls",
            Input::Bytes(junk(4096, 12)),
            refused(
                "{path}: cannot read the workbook (expected an Excel 97–2003 workbook, which \
                 begins with the signature of an OLE compound file; found other binary data: the \
                 file is damaged, or is no workbook under an .xls name)",
            ),
        ),
        case(
            "junk.ods",
            Input::Bytes(junk(4096, 13)),
            refused(
                "{path}: cannot read the workbook (expected a workbook in a ZIP archive (.xlsx, \
                 .xlsm, .ods), which begins with \"PK\"; found other binary data: the file is \
                 damaged, or is no workbook under a workbook's name)",
            ),
        ),
        case(
            "KAZ_cut.xlsx",
            Input::Bytes(workbook[..workbook.len() / 2].to_vec()),
            refused_starting(
                "{path}: cannot read the workbook (the ZIP archive is damaged or truncated: ",
            ),
        ),
        case(
            "KGZ_cut.xls",
            Input::Bytes(xls[..xls.len() / 2].to_vec()),
            refused_starting(
                "{path}: cannot read the workbook (an OLE compound file that is not a readable \
                 Excel 97–2003 workbook: ",
            ),
        ),
        case(
            "OLE_junk.xls",
            Input::Bytes(ole_junk),
            refused_starting(
                "{path}: cannot read the workbook (an OLE compound file that is not a readable \
                 Excel 97–2003 workbook: ",
            ),
        ),
        case(
            "TJK_cut.ods",
            Input::Bytes(ods[..ods.len() / 2].to_vec()),
            refused_starting(
                "{path}: cannot read the workbook (the ZIP archive is damaged or truncated: ",
            ),
        ),
        case(
            "not_a_workbook.xlsx",
            Input::Fixture("not_a_workbook.xlsx"),
            refused(
                "{path}: cannot read the workbook (a ZIP archive that holds no workbook (no \
                 xl/workbook.xml or content.xml); expected an .xlsx, .xlsm or .ods file)",
            ),
        ),
        case(
            "encrypted.xlsx",
            Input::Fixture("encrypted.xlsx"),
            refused(
                "{path}: the workbook is password-protected; save an unprotected copy and open \
                 that",
            ),
        ),
        case(
            "flows.tsv.gz",
            Input::Bytes(gzip_cut),
            refused(
                "{path}: expected complete gzip-compressed data; found damaged or truncated gzip \
                 data (incomplete deflate stream)",
            ),
        ),
        case(
            "notes.xlsx",
            Input::Bytes(table3(|s| {
                let _ = s.write_string(0, 0, "Migration statistics");
                let _ = s.write_string(1, 0, "Prepared in 2021 for the workshop");
            })),
            refused(no_header_sheet.clone()),
        ),
        case(
            "words.xlsx",
            Input::Bytes(table3(|s| {
                for row in 0..6 {
                    for col in 0..4 {
                        let _ = s.write_string(row, col, "text and more text");
                    }
                }
            })),
            refused(no_header_sheet.replace("rows 1–2", "rows 1–6")),
        ),
        case(
            "infinite_only.csv",
            bytes("table,reporter,year,category,value\n3,KAZ,2019,RUS,inf\n3,KAZ,2019,UZB,-inf\n"),
            refused(
                "{path}: expected numbers in the value column; found only text, such as \"inf\" \
                 at {path} › line 2",
            ),
        ),
        case(
            "notes.csv",
            bytes("Migration statistics\nPrepared for the workshop\n"),
            refused(
                "{path}: expected a header row naming the columns (table, reporter, year, sex, \
                 category, value…) within the first 30 rows; found first line \"Migration \
                 statistics\"",
            ),
        ),
        case(
            "notes_cr.csv",
            bytes("Migration statistics\rPrepared for the workshop\r"),
            refused(
                "{path}: expected a header row naming the columns (table, reporter, year, sex, \
                 category, value…) within the first 30 rows; found first line \"Migration \
                 statistics\"",
            ),
        ),
        case(
            "words.csv",
            bytes("table,reporter,year,category,value\n3,KAZ,2019,RUS,many\n3,KAZ,2020,RUS,few\n"),
            refused(
                "{path}: expected numbers in the value column; found only text, such as \
                 \"many\" at {path} › line 2",
            ),
        ),
        case(
            "KAZ_words.xlsx",
            Input::Bytes(table3(|s| {
                kazakhstan(s, &[2019.0, 2020.0], &[0.0, 0.0]);
                let _ = s.write_string(2, 1, "about a thousand");
                let _ = s.write_string(2, 2, "more");
            })),
            refused(
                "{path}: expected numbers in the year columns of sheet \"Table 3\"; found only \
                 text, such as \"about a thousand\" at {path} › Table 3 › B3",
            ),
        ),
        case(
            "wide.csv",
            Input::Bytes(wide.into_bytes()),
            refused(
                "{path}: expected a first line of column names (at most 1 MB); found a first \
                 line longer than that, in a file of 1.2 MB: not a table of rows",
            ),
        ),
        case(
            "far.xlsx",
            Input::Bytes(table3(|s| {
                kazakhstan(s, &[2019.0], &[5.0]);
                let _ = s.write_number(1_048_575, 16_383, 1.0);
            })),
            refused(
                "{path}: cannot read the workbook (sheet \"Table 3\": its 6 cells are spread \
                 over 1,048,576 rows × 16,384 columns (a cell at XFD1048576), more than the \
                 25,000,000 cells migreview reads in one sheet; delete the stray cells far from \
                 the table, or copy the table to a new sheet)",
            ),
        ),
    ];
    assert_eq!(run_cases(cases), 24);
}

/// `table,reporter,year,category,value` rows of Kazakhstan's Table 3 for Russia in 2019, one a
/// value.
fn kaz_values(values: &[&str]) -> String {
    let mut text = String::from("table,reporter,year,sex,category,value\n");
    for value in values {
        text.push_str(&format!("3,KAZ,2019,T,RUS,{value}\n"));
    }
    text
}

#[test]
fn files_that_are_read_but_wrong_say_where_and_why() {
    let last_year = migreview::load::header::current_year();
    let long_label = "Q".repeat(20_000);
    // Over 1 MB with a lone CR after every line (old Mac files): 50 partners × 27 years × 3 sexes,
    // each row with its source written out.
    let partners = [
        "AFG", "ALB", "ARM", "AUT", "AZE", "BEL", "BGR", "BLR", "CAN", "CHE", "CHN", "CZE", "DEU",
        "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GEO", "GRC", "HUN", "IND", "IRL", "IRN", "ISR",
        "ITA", "JPN", "KGZ", "KOR", "LTU", "LVA", "MDA", "MNG", "NLD", "NOR", "PAK", "POL", "PRT",
        "ROU", "RUS", "SRB", "SVK", "SWE", "TJK", "TKM", "TUR", "UKR", "USA", "UZB",
    ];
    let source = format!("population register, {}", "records of arrivals ".repeat(12));
    let mut cr_only = String::from("table,reporter,year,sex,category,value,source\r");
    for year in 2000..2027 {
        for partner in partners {
            for (sex, value) in [("T", 20), ("M", 12), ("F", 8)] {
                cr_only.push_str(&format!("3,KAZ,{year},{sex},{partner},{value},{source}\r"));
            }
        }
    }
    assert!(cr_only.len() > 1 << 20, "{}", cr_only.len());
    let utf16 = std::fs::read(fixture("ru_long_utf16.csv")).unwrap_or_else(|e| panic!("{e}"));
    let ru_values = lines(&[
        "5.2 KAZ 2019 T TOTAL RUS = Number(12345.0)",
        "5.2 KAZ 2019 M TOTAL RUS = Number(6100.0)",
        "5.2 KAZ 2019 F TOTAL RUS = Number(6245.0)",
        "5.2 KAZ 2019 T TOTAL UZB = Number(4321.0)",
        "5.2 KAZ 2019 T TOTAL KGZ = Missing(NotAvailable)",
        "5.2 KAZ 2019 T TOTAL STATELESS = Number(0.0)",
    ]);
    // The same Russian long file in four encodings reads the same six values.
    let russian = |name: &'static str, input: Input| {
        case(
            name,
            input,
            read(Read {
                observations: 6,
                messages: lines(&[
                    "header on line 2; columns: таблица = table, страна = reporter, год = \
                     year, пол = sex, гражданство = category, значение = value",
                ]),
                values: Some(ru_values.clone()),
                ..Read::default()
            }),
        )
    };
    let cases = vec![
        case(
            "kaz.csv",
            bytes(
                "table,reporter,year,sex,age,category,value\n\
                 3,KAZ,2019,T,TOTAL,RUS,100\n\
                 3,KAZ,20x9,T,TOTAL,RUS,100\n\
                 9,KAZ,2019,T,TOTAL,RUS,100\n\
                 3,KAZ,2019,X,TOTAL,RUS,100\n\
                 3,KAZ,2019,T,old,RUS,100\n\
                 3,KAZ,2019,T,TOTAL,UZB,7\n",
            ),
            read(Read {
                observations: 2,
                skipped: vec![
                    format!(
                        "{{path}} › line 3: expected a year (1900–{last_year}), found \"20x9\""
                    ),
                    "{path} › line 4: table \"9\" is not one of 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 \
                     6.2 7.1 7.2 POP BIRTHS DEATHS"
                        .into(),
                    "{path} › line 5: expected a sex (T, M, F, Total, Men, Women…), found \"X\""
                        .into(),
                    "{path} › line 6: expected an age group (TOTAL, 0-4, 85+, UNK), found \"old\""
                        .into(),
                ],
                messages: lines(&[
                    "header on line 1; columns: table = table, reporter = reporter, \
                                   year = year, sex = sex, age = age, category = category, value = \
                                   value",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "KAZ_age.xlsx",
            Input::Bytes(table3(|s| {
                let _ = s.write_string(0, 0, "Country: Kazakhstan");
                let _ = s.write_string(1, 0, "Country of previous residence");
                let _ = s.write_string(1, 1, "Age");
                let _ = s.write_number(1, 2, 2019.0);
                let _ = s.write_number(1, 3, 2020.0);
                for (row, age) in [(2, "Total"), (3, "0-4"), (4, "young")] {
                    let _ = s.write_string(row, 0, "Russian Federation");
                    let _ = s.write_string(row, 1, age);
                    let _ = s.write_number(row, 2, 10.0);
                    let _ = s.write_number(row, 3, 11.0);
                }
            })),
            read(Read {
                observations: 4,
                skipped: lines(&[
                    "{path} › Table 3 › B5: expected an age group (Total, 0-4, 85+, \
                                  Unknown), found \"young\"",
                ]),
                messages: lines(&[KAZ_SHEET]),
                ..Read::default()
            }),
        ),
        case(
            "long_label.csv",
            Input::Bytes(
                format!("table,reporter,year,category,value\n3,KAZ,2019,{long_label},5\n")
                    .into_bytes(),
            ),
            read(Read {
                observations: 1,
                messages: lines(&[LONG_HEADER]),
                findings: vec![format!(
                    "S1 Error {{path}} › line 2: Country of previous residence \"{}… (20000 \
                     characters)\" could not be placed (on 1 observation, first at {{path}} › \
                     line 2); no known name is close",
                    "Q".repeat(80)
                )],
                ..Read::default()
            }),
        ),
        case(
            "control.csv",
            // One escape sequence among enough text is a stray character, not binary data.
            Input::Bytes(
                format!(
                    "table,reporter,year,category,value\n3,KAZ,2019,a\u{1}b\u{1b}[2J,5\n{}",
                    (2006..2019)
                        .map(|year| format!("3,KAZ,{year},RUS,10\n"))
                        .collect::<String>()
                )
                .into_bytes(),
            ),
            read(Read {
                observations: 14,
                messages: lines(&[LONG_HEADER]),
                findings: lines(&["S1 Error {path} › line 2: Country of previous residence \
                                   \"a\\u{1}b\\u{1b}[2J\" could not be placed (on 1 \
                                   observation, first at {path} › line 2); no known name is close"]),
                ..Read::default()
            }),
        ),
        case(
            "bom.csv",
            bytes(
                "\u{feff}table,reporter,year,category,value\n3,KAZ,2019,RUS,5\n\
                 \u{feff}3,KAZ,2019,UZB,7\n3,KAZ,2019,\u{feff}KGZ,8\n3,KAZ,2019,TJK,\u{feff}9\n",
            ),
            read(Read {
                observations: 4,
                messages: lines(&[LONG_HEADER]),
                values: Some(lines(&[
                    "3 KAZ 2019 T TOTAL RUS = Number(5.0)",
                    "3 KAZ 2019 T TOTAL UZB = Number(7.0)",
                    "3 KAZ 2019 T TOTAL KGZ = Number(8.0)",
                    "3 KAZ 2019 T TOTAL TJK = Number(9.0)",
                ])),
                ..Read::default()
            }),
        ),
        case(
            "infinite.csv",
            bytes(
                "table,reporter,year,category,value\n3,KAZ,2019,RUS,inf\n3,KAZ,2019,UZB,-inf\n\
                 3,KAZ,2019,KGZ,+Infinity\n3,KAZ,2019,TJK,7\n",
            ),
            read(Read {
                observations: 4,
                messages: lines(&[LONG_HEADER]),
                findings: lines(&[
                    "S3 Error {path} › line 2: Value cell holds \"inf\", which is neither a \
                     number nor a missing marker (.., :, -, empty)",
                    "S3 Error {path} › line 3: Value cell holds \"-inf\", which is neither a \
                     number nor a missing marker (.., :, -, empty)",
                    "S3 Error {path} › line 4: Value cell holds \"+Infinity\", which is neither \
                     a number nor a missing marker (.., :, -, empty)",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "nan.csv",
            bytes(
                "table,reporter,year,category,value\n3,KAZ,2019,RUS,NaN\n3,KAZ,2019,UZB,nan\n\
                 3,KAZ,2019,TJK,7\n",
            ),
            read(Read {
                observations: 3,
                messages: lines(&[LONG_HEADER]),
                values: Some(lines(&[
                    "3 KAZ 2019 T TOTAL RUS = Missing(NotAvailable)",
                    "3 KAZ 2019 T TOTAL UZB = Missing(NotAvailable)",
                    "3 KAZ 2019 T TOTAL TJK = Number(7.0)",
                ])),
                ..Read::default()
            }),
        ),
        case(
            "huge.csv",
            bytes(
                "table,reporter,year,sex,category,value\n3,KAZ,2019,T,RUS,1e308\n\
                 3,KAZ,2019,M,RUS,1e308\n3,KAZ,2019,F,RUS,1e308\n3,KAZ,2019,T,UZB,1e309\n",
            ),
            read(Read {
                observations: 4,
                messages: lines(&[SEX_HEADER]),
                findings: lines(&[
                    "S3 Error {path} › line 5: Value cell holds \"1e309\", which is neither a \
                     number nor a missing marker (.., :, -, empty)",
                    "A1 Error {path} › line 2: Total 1e308 ≠ men 1e308 + women 1e308 = ∞",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "minus_zero.csv",
            bytes(&kaz_values(&["-0"])),
            read(Read {
                observations: 1,
                messages: lines(&[SEX_HEADER]),
                values: Some(lines(&["3 KAZ 2019 T TOTAL RUS = Number(-0.0)"])),
                ..Read::default()
            }),
        ),
        case(
            "cyrillic.csv",
            bytes(
                "таблица,страна,год,пол,страна рождения,значение\n\
                 3,Казахстан,2019,Всего,Россия,10\n3,Казахстан,2019,Мужчины,Россия,4\n\
                 3,Казахстан,2019,Женщины,Россия,6\n",
            ),
            read(Read {
                observations: 3,
                messages: lines(&[
                    "header on line 1; columns: таблица = table, страна = reporter, \
                                   год = year, пол = sex, страна рождения = category, значение = \
                                   value",
                ]),
                values: Some(lines(&[
                    "3 KAZ 2019 T TOTAL RUS = Number(10.0)",
                    "3 KAZ 2019 M TOTAL RUS = Number(4.0)",
                    "3 KAZ 2019 F TOTAL RUS = Number(6.0)",
                ])),
                ..Read::default()
            }),
        ),
        case(
            "cr.csv",
            bytes(
                "table,reporter,year,category,value\r3,KAZ,2019,RUS,5\r3,KAZ,20x9,UZB,7\r3,KAZ,2019,XYZ,1\r",
            ),
            read(Read {
                observations: 2,
                skipped: vec![format!(
                    "{{path}} › line 3: expected a year (1900–{last_year}), found \"20x9\""
                )],
                messages: lines(&[LONG_HEADER]),
                findings: lines(&["S1 Error {path} › line 4: Country of previous residence \
                                   \"XYZ\" could not be placed (on 1 observation, first at \
                                   {path} › line 4); no known name is close"]),
                ..Read::default()
            }),
        ),
        case(
            "cr_large.csv",
            Input::Bytes(cr_only.into_bytes()),
            read(Read {
                observations: 4050,
                messages: lines(&[
                    "header on line 1; columns: table = table, reporter = reporter, \
                                   year = year, sex = sex, category = category, value = value, \
                                   source = source",
                ]),
                ..Read::default()
            }),
        ),
        russian("ru_long_utf16.csv", Input::Bytes(utf16.clone())),
        russian(
            "ru_long_utf16_no_bom.csv",
            Input::Bytes(utf16[2..].to_vec()),
        ),
        russian("ru_long_cp1251.csv", Input::Fixture("ru_long_cp1251.csv")),
        russian("ru_long_koi8r.csv", Input::Fixture("ru_long_koi8r.csv")),
        case(
            "repeated.csv",
            bytes(&kaz_values(&["5", "5"])),
            read(Read {
                observations: 2,
                messages: lines(&[SEX_HEADER]),
                findings: lines(&[
                    "S2 Info {path} › line 3: Observation repeated with the same \
                                   value 5: first at {path} › line 2, again at {path} › line 3",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "contradicting.csv",
            bytes(&kaz_values(&["5", "6"])),
            read(Read {
                observations: 2,
                messages: lines(&[SEX_HEADER]),
                findings: lines(&[
                    "S2 Error {path} › line 3: Different values for one key: 5 at \
                                   {path} › line 2; 6 at {path} › line 3",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "negative.csv",
            bytes(&kaz_values(&["-5"])),
            read(Read {
                observations: 1,
                messages: lines(&[SEX_HEADER]),
                findings: lines(&[
                    "N1 Error {path} › line 2: Count −5 is negative; expected 0 or \
                                   more",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "negative.xlsx",
            Input::Bytes(table3(|s| kazakhstan(s, &[2019.0, 2020.0], &[-5.0, 6.0]))),
            read(Read {
                observations: 2,
                messages: lines(&[KAZ_SHEET]),
                findings: lines(&["N1 Error {path} › Table 3 › B3: Count −5 is negative; \
                                   expected 0 or more"]),
                ..Read::default()
            }),
        ),
        case(
            "years.csv",
            Input::Bytes(
                format!(
                    "table,reporter,year,category,value\n3,KAZ,1850,RUS,5\n3,KAZ,1899,RUS,5\n\
                     3,KAZ,1900,RUS,5\n3,KAZ,{},RUS,5\n3,KAZ,2101,RUS,5\n3,KAZ,{last_year},RUS,5\n",
                    last_year + 1
                )
                .into_bytes(),
            ),
            read(Read {
                observations: 2,
                skipped: vec![
                    format!(
                        "{{path}} › line 2: expected a year (1900–{last_year}), found \"1850\""
                    ),
                    format!(
                        "{{path}} › line 3: expected a year (1900–{last_year}), found \"1899\""
                    ),
                    format!(
                        "{{path}} › line 5: expected a year (1900–{last_year}), found \"{}\"",
                        last_year + 1
                    ),
                    format!(
                        "{{path}} › line 6: expected a year (1900–{last_year}), found \"2101\""
                    ),
                ],
                messages: lines(&[LONG_HEADER]),
                findings: vec![format!(
                    "T2 Info {{path}}: Table 3 of KAZ (Kazakhstan) has no data for 1901–{}; it \
                     has data for 1900, {last_year}, and KAZ reports migration tables for \
                     1900–{last_year}",
                    last_year - 1
                )],
                ..Read::default()
            }),
        ),
        case(
            "same_years.xlsx",
            Input::Bytes(table3(|s| kazakhstan(s, &[2019.0, 2019.0], &[5.0, 6.0]))),
            read(Read {
                observations: 2,
                messages: lines(&[
                    "sheet \"Table 3\": year 2019 heads more than one column and no sex block \
                     above tells them apart",
                    KAZ_SHEET,
                ]),
                findings: lines(&[
                    "S2 Error {path} › Table 3 › C3: Different values for one key: \
                                   5 at {path} › Table 3 › B3; 6 at {path} › Table 3 › C3",
                ]),
                ..Read::default()
            }),
        ),
        case(
            "csv_named.xlsx",
            bytes(&kaz_values(&["5"])),
            read(Read {
                observations: 1,
                messages: lines(&[SEX_HEADER]),
                ..Read::default()
            }),
        ),
        case(
            "csv_named.xls",
            bytes(&kaz_values(&["5"])),
            read(Read {
                observations: 1,
                messages: lines(&[SEX_HEADER]),
                ..Read::default()
            }),
        ),
        case(
            "far_cell.xlsx",
            Input::Bytes({
                let mut book = Workbook::new();
                let far = book.add_worksheet();
                let _ = far.set_name("Table 3");
                kazakhstan(far, &[2019.0], &[5.0]);
                let _ = far.write_number(1_048_575, 16_383, 1.0);
                let near = book.add_worksheet();
                let _ = near.set_name("Table 4");
                kazakhstan(near, &[2019.0, 2020.0], &[7.0, 8.0]);
                book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
            }),
            read(Read {
                observations: 2,
                messages: lines(&[
                    "sheet \"Table 4\": table 4 (sheet name); reporter \"Kazakhstan\" (title \
                     cell A1); header row 2",
                    "note: not read: cannot read the sheet (its 6 cells are spread over 1,048,576 \
                     rows × 16,384 columns (a cell at XFD1048576), more than the 25,000,000 cells \
                     migreview reads in one sheet; delete the stray cells far from the table, or \
                     copy the table to a new sheet)",
                ]),
                ..Read::default()
            }),
        ),
    ];
    assert_eq!(run_cases(cases), 25);
}

/// A command line run next to the good file.
struct CliCase {
    name: &'static str,
    /// Files to write first, by name.
    files: Vec<(&'static str, String)>,
    /// The arguments: `{dir}` is the run's folder, `{good}` the good file.
    args: Vec<&'static str>,
    status: i32,
    /// Standard error, whole.
    err: String,
    /// Lines standard output must hold; when `None`, it must be empty (nothing was read).
    out: Option<Vec<String>>,
}

/// How `check` reports the good file (the milliseconds left out).
const GOOD_READ: &str = "{good}  (long-csv, encoding UTF-8, delimiter ','; 2 observations, 0 rows \
                         skipped, ";

fn run_cli_cases(cases: Vec<CliCase>) -> usize {
    let count = cases.len();
    let mut wrong = Vec::new();
    for case in cases {
        let dir = temp();
        let good = dir.path().join("good.csv");
        std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
        for (name, text) in &case.files {
            std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
        }
        let fill = |text: &str| {
            text.replace("{dir}", &dir.path().display().to_string())
                .replace("{good}", &good.display().to_string())
        };
        let args: Vec<String> = case.args.iter().map(|a| fill(a)).collect();
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let (status, out, err) = migreview(&arg_refs);
        let mut here = Vec::new();
        if status != case.status {
            here.push(format!("status {status}, expected {}", case.status));
        }
        if err != fill(&case.err) {
            here.push(format!(
                "standard error\n    {err}\n  expected\n    {}",
                fill(&case.err)
            ));
        }
        match &case.out {
            None if !out.is_empty() => {
                here.push(format!("standard output\n{out}\n  expected none"))
            }
            None => {}
            Some(lines) => {
                for line in lines {
                    if !out.contains(&fill(line)) {
                        here.push(format!(
                            "standard output\n{out}\n  lacks\n    {}",
                            fill(line)
                        ));
                    }
                }
            }
        }
        wrong.extend(here.into_iter().map(|w| format!("{}: {w}", case.name)));
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n\n"));
    count
}

/// A command line refused for its settings file: nothing is read, and the message names the
/// field.
fn settings_case(name: &'static str, text: &str, message: &str) -> CliCase {
    CliCase {
        name,
        files: vec![("settings.toml", text.to_string())],
        args: vec!["check", "{good}", "--settings", "{dir}/settings.toml"],
        status: EXIT_INPUT,
        err: format!("migreview: {{dir}}/settings.toml: {message}\n"),
        out: None,
    }
}

/// A command line refused for one of its flags.
fn flag_case(
    name: &'static str,
    flag: &'static str,
    value: &'static str,
    message: &str,
) -> CliCase {
    CliCase {
        name,
        files: Vec::new(),
        args: vec!["check", "{good}", flag, value],
        status: EXIT_INPUT,
        err: format!("migreview: {message}\n"),
        out: None,
    }
}

#[test]
fn the_command_line_names_what_it_refuses_and_exits_accordingly() {
    let roles = "table, reporter, year, sex, age, category, value, flag, source, \
                 duration_months, ignore";
    let cases = vec![
        CliCase {
            name: "a missing file",
            files: Vec::new(),
            args: vec!["check", "{dir}/KAZ.csv", "{good}"],
            status: EXIT_INPUT,
            err: "migreview: {dir}/KAZ.csv: file not found\n".into(),
            out: Some(lines(&["{dir}/KAZ.csv: file not found\n", GOOD_READ])),
        },
        CliCase {
            name: "binary junk",
            files: vec![("junk.csv", "\u{0}\u{1}\u{2}\u{3}junk\u{0}".into())],
            args: vec!["check", "{dir}/junk.csv", "{good}"],
            status: EXIT_INPUT,
            err: "migreview: {dir}/junk.csv: expected a text file (CSV, TSV) or a workbook \
                  (.xlsx, .xls, .ods); found binary data\n"
                .into(),
            out: Some(lines(&[GOOD_READ])),
        },
        CliCase {
            name: "a file with an error finding",
            files: vec![("negative.csv", kaz_values(&["-5"]))],
            args: vec!["check", "{dir}/negative.csv", "{good}"],
            status: EXIT_FINDINGS,
            err: String::new(),
            out: Some(lines(&[
                GOOD_READ,
                "N1  Counts are not negative\n  error (1)\n    Count −5 is negative; expected \
                 0 or more\n      3 · KAZ · 2019 · T · TOTAL · RUS — {dir}/negative.csv › line 2\n",
            ])),
        },
        CliCase {
            name: "a missing file, as JSON",
            files: Vec::new(),
            args: vec!["check", "{dir}/KAZ.csv", "{good}", "--format", "json"],
            status: EXIT_INPUT,
            err: "migreview: {dir}/KAZ.csv: file not found\n".into(),
            out: Some(lines(&[
                "\"error\": \"{dir}/KAZ.csv: file not found\"\n",
                "\"path\": \"{good}\",\n",
                "\"dataset\": {\n    \"observations\": 2,\n",
            ])),
        },
        CliCase {
            name: "a missing file to convert",
            files: Vec::new(),
            args: vec![
                "convert",
                "{dir}/KAZ.csv",
                "{good}",
                "--out",
                "{dir}/all.csv",
            ],
            status: EXIT_INPUT,
            err: "migreview: {dir}/KAZ.csv: file not found\n".into(),
            out: Some(lines(&["wrote 2 observations to {dir}/all.csv\n"])),
        },
        CliCase {
            name: "a missing file in the mirror",
            files: Vec::new(),
            args: vec!["mirror", "{dir}/KAZ.csv", "{good}"],
            status: EXIT_INPUT,
            err: "migreview: {dir}/KAZ.csv: file not found\n".into(),
            out: Some(lines(&[
                "GEO      ARM    2019 T              –          250        –",
                "GEO      ARM    2020 T              –          260        –",
            ])),
        },
        CliCase {
            name: "a column role for a header the file does not have",
            files: Vec::new(),
            args: vec!["check", "{good}", "--column", "category=OdName"],
            status: EXIT_OK,
            err: String::new(),
            out: Some(lines(&[
                "  column \"OdName\" (given the role category) is not in the \
                               header on line 1, which names \"table\", \"reporter\", \
                               \"year\", \"category\", \"value\": the role was not used; give \
                               the header as the file writes it\n",
            ])),
        },
        flag_case(
            "an unknown table",
            "--table",
            "3.3",
            "--table: expected 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 7.2 POP BIRTHS DEATHS, \
             found \"3.3\"",
        ),
        flag_case(
            "an unknown column role",
            "--column",
            "banana=OdName",
            &format!(
                "--column: expected a role ({roles}) before '='; found \"banana\" in \
                 \"banana=OdName\""
            ),
        ),
        flag_case(
            "a column without its header",
            "--column",
            "category",
            &format!(
                "--column: expected ROLE=HEADER such as category=OdName (roles: {roles}); found \
                 \"category\""
            ),
        ),
        flag_case(
            "a column with an empty header",
            "--column",
            "category= ",
            "--column: expected the column's header after '=' (as written in the file); found \
             nothing in \"category= \"",
        ),
        flag_case(
            "an unknown encoding",
            "--encoding",
            "klingon",
            "--encoding: expected an encoding such as utf-8, windows-1251, koi8-r; found \
             \"klingon\"",
        ),
        flag_case(
            "an unknown delimiter",
            "--delimiter",
            "::",
            "--delimiter: expected one of , ; tab |, found \"::\"",
        ),
        flag_case(
            "an unknown reporter",
            "--reporter",
            "Atlantis",
            "--reporter: expected a country (KAZ, KZ, Kazakhstan…), found \"Atlantis\"",
        ),
        settings_case(
            "a share above 1",
            "[checks]\nrel_tol = 2\n",
            "checks.rel_tol: expected a share from 0 to 1 (0.2 is 20 %), found 2",
        ),
        settings_case(
            "a cut-off that is not a number",
            "[checks]\nt1_max_z = nan\n",
            "checks.t1_max_z: expected a number ≥ 0, found NaN",
        ),
        settings_case(
            "no bootstrap resamples",
            "[mirror]\nbootstrap_resamples = 0\n",
            "mirror.bootstrap_resamples: expected 1 to 100,000, found 0",
        ),
        settings_case(
            "an infinite band",
            "[mirror]\nband_green = inf\n",
            "mirror.band_green: expected a |log ratio| greater than 0 (0.1 is ±10 %), found inf",
        ),
        settings_case(
            "a negative weight",
            "[assess.weights]\ncoverage = -2.0\n",
            "assess.weights.coverage: expected a weight ≥ 0 (0 leaves the criterion out), found -2",
        ),
        settings_case(
            "grade bands out of order",
            "[assess]\ngrade_bands = [-1.0, 5.0, 0.5]\n",
            "assess.grade_bands: expected three means from 0 to 3 (the rubric's scores) for the \
             grades good, adequate and weak, each at least the next, found -1, 5, 0.5",
        ),
        settings_case(
            "unknown-share bands above 1",
            "[assess]\nunknown_share_bands = [0.5, 0.1, 2.0]\n",
            "assess.unknown_share_bands: expected three shares from 0 to 1 (0.02 is 2 %) for \
             scores 3, 2 and 1, each at most the next, found 0.5, 0.1, 2",
        ),
        settings_case(
            "emigration bands rising",
            "[assess]\nemigration_ratio_bands = [0.4, 0.7, 0.9]\n",
            "assess.emigration_ratio_bands: expected three ratios ≥ 0 for scores 3, 2 and 1, each \
             at least the next, found 0.4, 0.7, 0.9",
        ),
        settings_case(
            "timeliness bands falling",
            "[assess]\ntimeliness_months_bands = [24, 12, 6]\n",
            "assess.timeliness_months_bands: expected three month counts for scores 3, 2 and 1, \
             each at most the next, found 24, 12, 6",
        ),
        settings_case(
            "a small deviation above 1",
            "[assess]\nconsistency_small_deviation = 1.5\n",
            "assess.consistency_small_deviation: expected a share from 0 to 1 (0.01 is 1 %), \
             found 1.5",
        ),
        settings_case(
            "a score above the rubric's",
            "[assess]\ndevelopment_max_score = 9\n",
            "assess.development_max_score: expected a score from 0 to 3, found 9",
        ),
    ];
    assert_eq!(run_cli_cases(cases), 25);
}

/// A standard output whose reader has gone (`migreview check … | head -1`).
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_after_naming_the_refused_file() {
    use clap::Parser;
    let dir = temp();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("KAZ.csv");
    let (missing_arg, good_arg) = (missing.display().to_string(), good.display().to_string());
    for command in ["check", "mirror"] {
        let cli =
            migreview::cli::Cli::try_parse_from(["migreview", command, &missing_arg, &good_arg])
                .unwrap_or_else(|e| panic!("{e}"));
        let mut err = Vec::new();
        let status = migreview::cli::run(
            cli.command.unwrap_or_else(|| panic!("no command")),
            &mut ClosedPipe,
            &mut err,
        );
        // The reader has gone: nothing more is said, and the status is that of a pipe closed on
        // purpose. What was refused was said before the output began.
        assert_eq!(
            (status, String::from_utf8_lossy(&err).into_owned()),
            (
                EXIT_OK,
                format!("migreview: {missing_arg}: file not found\n")
            ),
            "{command}"
        );
    }
}

/// A FIFO among the inputs is refused before anything is read from it (reading would wait for
/// a writer forever), and the good file beside it is read.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_and_the_good_file_beside_it_read() {
    let dir = temp();
    let fifo = dir.path().join("flows.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(made.success());
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let outcome = load::load_files(
        &[fifo.clone(), good],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    match &outcome.files[0] {
        Err(e) => assert_eq!(
            e.to_string(),
            format!(
                "{}: is a named pipe (FIFO), not a regular file; expected a data file (.csv, \
                 .tsv, .xlsx, .xls, .ods, …): save the data to a file and give that",
                fifo.display()
            )
        ),
        Ok(_) => panic!("the FIFO was read"),
    }
    good_file_read(&outcome, 1).unwrap_or_else(|e| panic!("{e}"));
    let (status, out, err) = migreview(&[
        "check",
        &fifo.display().to_string(),
        &dir.path().join("good.csv").display().to_string(),
    ]);
    assert_eq!(status, EXIT_INPUT);
    assert_eq!(
        err,
        format!(
            "migreview: {}: is a named pipe (FIFO), not a regular file; expected a data file \
             (.csv, .tsv, .xlsx, .xls, .ods, …): save the data to a file and give that\n",
            fifo.display()
        )
    );
    assert!(
        out.contains("Data set: 2 observations; reporters ARM; tables 4; years 2019–2020"),
        "{out}"
    );
}

/// A hundred megabytes of lines that are no table are refused with the first line quoted (the
/// header is looked for in the first 30 rows only), and the good file is read.
#[test]
fn a_hundred_megabytes_of_garbage_lines_are_refused_and_the_good_file_read() {
    use std::io::Write;
    let dir = temp();
    let path = dir.path().join("garbage.csv");
    {
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut out = std::io::BufWriter::new(file);
        let line = "qwe rty uio; pas,dfg hjk \"zxc\" vbn 7 ~ 0x1f % lkj hgf dsa poi uyt rew q\n";
        let mut written = 0usize;
        let mut n = 0u64;
        while written < 100 << 20 {
            let text = format!("{n} {line}");
            out.write_all(text.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
            written += text.len();
            n += 1;
        }
        out.flush().unwrap_or_else(|e| panic!("{e}"));
    }
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let outcome = load::load_files(
        &[path.clone(), good],
        |_| ImportOptions::default(),
        &LoadControl::new(),
    );
    match &outcome.files[0] {
        Err(e) => assert_eq!(
            e.to_string(),
            format!(
                "{}: expected a header row naming the columns (table, reporter, year, sex, \
                 category, value…) within the first 30 rows; found first line \"0 qwe rty uio; \
                 pas,dfg hjk \\\"zxc\\\" vbn 7 ~ 0x1f % lkj hgf dsa poi uyt rew q\"",
                path.display()
            )
        ),
        Ok(_) => panic!("the garbage was read"),
    }
    good_file_read(&outcome, 1).unwrap_or_else(|e| panic!("{e}"));
}

/// Chart files are named from labels made safe: whatever a label holds (`../`, `/`, control
/// characters, a Windows device name, hundreds of letters), every chart lands in `--out` under
/// a name of letters, digits, `-` and `_`, and no two charts share one.
#[test]
fn plot_labels_that_are_paths_devices_or_very_long_stay_inside_the_folder() {
    let dir = temp();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let long = "Z".repeat(300);
    let labels = dir.path().join("labels.csv");
    std::fs::write(
        &labels,
        format!(
            "table,reporter,year,category,value\n3,../../x,2019,GEO,5\n3,/etc/passwd,2019,GEO,5\n\
             3,CON,2019,GEO,5\n3,nul,2019,GEO,1\n3,a\u{7}b\tc,2019,GEO,5\n3,{long},2019,GEO,5\n\
             3,{long}Y,2019,GEO,5\n3,..,2019,GEO,5\n"
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("charts");
    let (status, stdout, err) = migreview(&[
        "plot",
        &labels.display().to_string(),
        &good.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--svg",
    ]);
    assert_eq!((status, err.as_str()), (EXIT_OK, ""), "{stdout}");
    let z40 = "Z".repeat(40);
    let mut expected: Vec<String> = [
        "coverage_ARM.svg",
        "coverage_CON-.svg",
        "coverage_a-b-c.svg",
        "coverage_etc-passwd.svg",
        "coverage_nul-.svg",
        "coverage_table_3.svg",
        "coverage_table_4.svg",
        "coverage_x.svg",
        "coverage_x-2.svg",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([
        format!("coverage_{z40}.svg"),
        format!("coverage_{z40}-2.svg"),
    ])
    .collect();
    expected.sort();
    // Every file under the run's folder: the inputs, and the charts in `charts/` only.
    let mut all = Vec::new();
    let mut folders = vec![dir.path().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                folders.push(path);
            } else {
                all.push(
                    path.strip_prefix(dir.path())
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                );
            }
        }
    }
    all.sort();
    let mut wanted: Vec<String> = expected.iter().map(|n| format!("charts/{n}")).collect();
    wanted.extend(["good.csv".to_string(), "labels.csv".to_string()]);
    wanted.sort();
    assert_eq!(all, wanted, "{stdout}");
    assert!(
        stdout.ends_with(&format!("11 chart files in {}\n", out.display())),
        "{stdout}"
    );
}

/// The spreadsheet reader stops (panics) on some cut .xls files: the program says the workbook
/// is damaged and what to do, prints no panic of the reader's, and reads the good file.
#[test]
fn a_cut_xls_the_reader_stops_on_is_a_message_not_a_panic() {
    let dir = temp();
    let xls = std::fs::read(fixture("KGZ_table4.xls")).unwrap_or_else(|e| panic!("{e}"));
    let cut = dir.path().join("KGZ_cut.xls");
    std::fs::write(&cut, &xls[..4096]).unwrap_or_else(|e| panic!("{e}"));
    let good = dir.path().join("good.csv");
    std::fs::write(&good, GOOD).unwrap_or_else(|e| panic!("{e}"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_migreview"))
        .arg("check")
        .arg(&cut)
        .arg(&good)
        .env_remove("MIGREVIEW_PROGRESS_AFTER_MS")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(EXIT_INPUT), "{out}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "migreview: {}: cannot read the workbook (the workbook is damaged: the spreadsheet \
             reader stopped on it; open it in the spreadsheet program and save it again, or save \
             the table as CSV)\n",
            cut.display()
        )
    );
    assert!(
        out.contains("Data set: 2 observations; reporters ARM; tables 4; years 2019–2020"),
        "{out}"
    );
}
