//! The findings with their triage, exported for other tools: CSV (UTF-8 with a byte-order mark,
//! so Excel on Windows reads Russian text right), JSON (schema `migreview.findings/1`) and xlsx.
//! An export writes every finding, or the findings a filter shows, and then says which in its
//! first line (CSV, xlsx) or its `filter` field (JSON).

use super::{EXPORT_SCHEMA, Review, ReviewError, ReviewedFile, TriageStatus};
use crate::checks::{Finding, Outcome, catalog};
use crate::model::{Lang, TableId};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Columns of the exported findings (CSV and xlsx).
pub const EXPORT_COLUMNS: [&str; 24] = [
    "check",
    "title",
    "severity",
    "outcome",
    "dimension",
    "level",
    "table",
    "reporter",
    "year",
    "sex",
    "age",
    "category",
    "expected",
    "actual",
    "message",
    "file",
    "sheet",
    "cell",
    "line",
    "status",
    "comment",
    "changed",
    "case_id",
    "table_title",
];

/// Columns written as numbers in xlsx: level, year, expected, actual, line.
const NUMBER_COLUMNS: [usize; 5] = [5, 8, 12, 13, 18];

/// The UTF-8 byte-order mark a CSV export starts with.
const BOM: &str = "\u{FEFF}";

/// The findings an export writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Indexes of the findings shown, in the order shown; `None`: every finding, in report
    /// order.
    pub indices: Option<Vec<u32>>,
    /// What was filtered (`Filtered: 53 of 282 findings · status: open`), written as the
    /// export's first line.
    pub note: Option<String>,
}

impl Shown {
    /// Every finding.
    pub fn all() -> Shown {
        Shown::default()
    }

    /// The findings written, in order.
    fn findings<'a>(
        &'a self,
        findings: &'a [Finding],
    ) -> Box<dyn Iterator<Item = &'a Finding> + 'a> {
        match &self.indices {
            Some(indices) => Box::new(indices.iter().filter_map(|&i| findings.get(i as usize))),
            None => Box::new(findings.iter()),
        }
    }
}

fn number_cell(value: Option<f64>) -> String {
    value.map(crate::model::number_text).unwrap_or_default()
}

/// One finding as a row of [`EXPORT_COLUMNS`] (title, message and table title in `lang`).
fn row(finding: &Finding, review: &Review, lang: Lang) -> [String; 24] {
    let case_id = finding.case_id();
    let triage = review.triage(&case_id).cloned().unwrap_or_default();
    let location = finding.location.clone().unwrap_or_default();
    [
        finding.check.to_string(),
        catalog::entry(finding.check).title(lang).to_string(),
        finding.severity.to_string(),
        match finding.outcome {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::NotEvaluable => "not_evaluable",
        }
        .to_string(),
        finding.dimension.to_string(),
        finding.level.to_string(),
        finding
            .table
            .map(|t| t.code().to_string())
            .unwrap_or_default(),
        finding.reporter.as_deref().unwrap_or_default().to_string(),
        finding.year.map(|y| y.to_string()).unwrap_or_default(),
        finding
            .sex
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        finding.age.as_deref().unwrap_or_default().to_string(),
        finding.category.as_deref().unwrap_or_default().to_string(),
        number_cell(finding.expected),
        number_cell(finding.actual),
        finding.message(lang).to_string(),
        location.file.to_string(),
        location.sheet.as_deref().unwrap_or_default().to_string(),
        location.cell_ref().unwrap_or_default(),
        location.line().map(|l| l.to_string()).unwrap_or_default(),
        triage.status.as_str().to_string(),
        triage.comment,
        triage.changed,
        case_id,
        finding
            .table
            .map(|t: TableId| t.title(lang).to_string())
            .unwrap_or_default(),
    ]
}

/// Writes the findings shown with their triage as CSV: a byte-order mark, the filter's note on
/// a line of its own when the list is filtered, the header of [`EXPORT_COLUMNS`], then one row
/// per finding.
pub fn export_csv<W: Write>(
    findings: &[Finding],
    shown: &Shown,
    review: &Review,
    lang: Lang,
    mut out: W,
) -> Result<(), csv::Error> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
    if let Some(note) = &shown.note {
        writer.write_record([note])?;
    }
    writer.write_record(EXPORT_COLUMNS)?;
    for finding in shown.findings(findings) {
        writer.write_record(row(finding, review, lang))?;
    }
    writer.flush()?;
    Ok(())
}

/// Writes the findings shown with their triage as an xlsx workbook: one sheet, the filter's
/// note in its first row when the list is filtered, a bold header that stays in view and
/// filters, numbers as numbers.
pub fn export_xlsx(
    findings: &[Finding],
    shown: &Shown,
    review: &Review,
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(match lang {
        Lang::En => "Findings",
        Lang::Ru => "Замечания",
    })?;
    let bold = Format::new().set_bold();
    let mut at: u32 = 0;
    if let Some(note) = &shown.note {
        sheet.write_string_with_format(at, 0, note, &bold)?;
        at += 1;
    }
    let header = at;
    for (column, name) in EXPORT_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(header, column as u16, *name, &bold)?;
    }
    for finding in shown.findings(findings) {
        at += 1;
        for (column, cell) in row(finding, review, lang).iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let number = NUMBER_COLUMNS
                .contains(&column)
                .then(|| cell.parse::<f64>().ok())
                .flatten();
            match number {
                Some(value) => sheet.write_number(at, column as u16, value)?,
                None => sheet.write_string(at, column as u16, cell)?,
            };
        }
    }
    sheet.set_freeze_panes(header + 1, 0)?;
    sheet.autofilter(header, 0, at.max(header), EXPORT_COLUMNS.len() as u16 - 1)?;
    for (column, width) in [(1u16, 40.0), (14, 80.0), (15, 24.0), (20, 40.0), (22, 40.0)] {
        sheet.set_column_width(column, width)?;
    }
    // Excel's own level: 100,000 findings are written in 1.8 s instead of 3.1 s at the
    // default level 6, for a file an eighth larger.
    workbook.set_zip_compression_level(3);
    workbook.save_to_buffer()
}

/// One exported finding: the finding as in the report, with its triage.
#[derive(Serialize)]
struct ExportedFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    case_id: String,
    status: TriageStatus,
    comment: &'a str,
    changed: Option<&'a str>,
}

#[derive(Serialize)]
struct ExportedFindings<'a> {
    schema: &'static str,
    generated_by: String,
    files: &'a [ReviewedFile],
    /// What was filtered, when the list is.
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<&'a str>,
    /// All the findings of the report, when the list is filtered.
    #[serde(skip_serializing_if = "Option::is_none")]
    of: Option<usize>,
    findings: Vec<ExportedFinding<'a>>,
}

/// Writes the findings shown with their triage as JSON (schema `migreview.findings/1`).
pub fn export_json<W: Write>(
    findings: &[Finding],
    shown: &Shown,
    review: &Review,
    out: W,
) -> Result<(), serde_json::Error> {
    let exported = ExportedFindings {
        schema: EXPORT_SCHEMA,
        generated_by: crate::generated_by(),
        files: &review.files,
        filter: shown.note.as_deref(),
        of: shown.indices.as_ref().map(|_| findings.len()),
        findings: shown
            .findings(findings)
            .map(|finding| {
                let case_id = finding.case_id();
                let triage = review.triage(&case_id);
                ExportedFinding {
                    finding,
                    status: triage.map(|t| t.status).unwrap_or_default(),
                    comment: triage.map(|t| t.comment.as_str()).unwrap_or(""),
                    changed: triage.map(|t| t.changed.as_str()).filter(|c| !c.is_empty()),
                    case_id,
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(out, &exported)
}

/// The export formats.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Writes the findings shown with their triage to a file, atomically.
pub fn export_to_file(
    path: &Path,
    format: ExportFormat,
    findings: &[Finding],
    shown: &Shown,
    review: &Review,
    lang: Lang,
) -> Result<(), ReviewError> {
    let failed = |detail: String| ReviewError::Export {
        path: path.display().to_string(),
        detail,
    };
    match format {
        ExportFormat::Csv => crate::save::write_atomically_with(path, |writer| {
            export_csv(findings, shown, review, lang, writer).map_err(std::io::Error::other)
        }),
        ExportFormat::Json => crate::save::write_atomically_with(path, |writer| {
            export_json(findings, shown, review, writer).map_err(std::io::Error::other)
        }),
        ExportFormat::Xlsx => {
            let bytes =
                export_xlsx(findings, shown, review, lang).map_err(|e| failed(e.to_string()))?;
            crate::save::write_atomically(path, &bytes)
        }
    }
    .map_err(|e| failed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{files, finding_a1};
    use super::*;
    use crate::checks::CheckCode;

    #[test]
    fn exports_carry_the_triage() {
        let finding = finding_a1();
        let mut review = Review::new(files("abc"));
        review.set_status(
            &finding.case_id(),
            TriageStatus::Confirmed,
            "2025-01-27T14:03:09Z",
        );
        review.set_comment(
            &finding.case_id(),
            "asked KAZ, \"revised\"",
            "2025-01-27T14:03:10Z",
        );
        let mut csv_bytes = Vec::new();
        export_csv(
            std::slice::from_ref(&finding),
            &Shown::all(),
            &review,
            Lang::En,
            &mut csv_bytes,
        )
        .expect("csv");
        let text = String::from_utf8(csv_bytes).expect("utf-8");
        let text = text.strip_prefix(BOM).expect("a byte-order mark first");
        assert!(text.starts_with("check,title,"), "{text}");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let row = reader.records().next().expect("a row").expect("readable");
        let field = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| row.get(i))
                .unwrap_or("?")
                .to_string()
        };
        assert_eq!(field("check"), "A1");
        assert_eq!(field("title"), "Men and women add up to the total");
        assert_eq!(field("cell"), "D14");
        assert_eq!(field("sheet"), "Table 3");
        assert_eq!(field("expected"), "4210");
        assert_eq!(field("actual"), "4190");
        assert_eq!(field("status"), "confirmed");
        assert_eq!(field("comment"), "asked KAZ, \"revised\"");
        assert_eq!(field("changed"), "2025-01-27T14:03:10Z");

        let mut ru = Vec::new();
        export_csv(
            std::slice::from_ref(&finding),
            &Shown::all(),
            &review,
            Lang::Ru,
            &mut ru,
        )
        .expect("csv");
        let ru = String::from_utf8(ru).expect("utf-8");
        assert!(ru.contains("Итог 4 190 ≠ мужчины"), "{ru}");
        assert!(ru.contains("Мужчины и женщины в сумме дают итог"), "{ru}");

        let mut json_bytes = Vec::new();
        export_json(
            std::slice::from_ref(&finding),
            &Shown::all(),
            &review,
            &mut json_bytes,
        )
        .expect("json");
        let json: serde_json::Value = serde_json::from_slice(&json_bytes).expect("valid json");
        assert_eq!(json["schema"], "migreview.findings/1");
        assert_eq!(json["files"][0]["sha256"], "abc");
        let first = &json["findings"][0];
        assert_eq!(first["check"], "A1");
        assert_eq!(first["location"]["cell"], "D14");
        assert_eq!(first["expected"], 4210.0);
        assert_eq!(first["status"], "confirmed");
        assert_eq!(first["comment"], "asked KAZ, \"revised\"");
        assert_eq!(first["case_id"], finding.case_id().as_str());
        assert!(json.get("filter").is_none(), "not filtered");
    }

    #[test]
    fn a_filtered_export_holds_the_rows_shown_and_says_so() {
        let a1 = finding_a1();
        let m1 = Finding {
            reporter: Some("KAZ".into()),
            year: Some(2016),
            message: crate::checks::Message::written(
                "KAZ reports 3,406 immigrants from KGZ",
                "Казахстан сообщает о 3 406 иммигрантах из Киргизии",
            ),
            ..crate::checks::finding::example(CheckCode::M1)
        };
        let t2 = crate::checks::finding::example(CheckCode::T2);
        let findings = vec![a1, m1, t2];
        let review = Review::new(files("abc"));
        let shown = Shown {
            indices: Some(vec![2, 0]),
            note: Some("Filtered: 2 of 3 findings · search: «total»".into()),
        };
        let mut csv_bytes = Vec::new();
        export_csv(&findings, &shown, &review, Lang::En, &mut csv_bytes).expect("csv");
        let text = String::from_utf8(csv_bytes).expect("utf-8");
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("\u{FEFF}Filtered: 2 of 3 findings · search: «total»")
        );
        assert!(
            lines
                .next()
                .is_some_and(|l| l.starts_with("check,title,severity"))
        );
        let checks: Vec<&str> = lines.map(|l| l.split(',').next().unwrap_or("")).collect();
        assert_eq!(checks, ["T2", "A1"], "the rows shown, in the order shown");

        let mut json_bytes = Vec::new();
        export_json(&findings, &shown, &review, &mut json_bytes).expect("json");
        let json: serde_json::Value = serde_json::from_slice(&json_bytes).expect("valid json");
        assert_eq!(
            json["filter"],
            "Filtered: 2 of 3 findings · search: «total»"
        );
        assert_eq!(json["of"], 3);
        let checks: Vec<&str> = json["findings"]
            .as_array()
            .map(|a| a.iter().filter_map(|f| f["check"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(checks, ["T2", "A1"]);

        let bytes = export_xlsx(&findings, &shown, &review, Lang::Ru).expect("xlsx");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("readable");
        use calamine::Reader;
        let range = book.worksheet_range("Замечания").expect("the sheet");
        let cell = |row: u32, column: u32| {
            range
                .get_value((row, column))
                .map(|c| c.to_string())
                .unwrap_or_default()
        };
        assert_eq!(cell(0, 0), "Filtered: 2 of 3 findings · search: «total»");
        assert_eq!(cell(1, 0), "check");
        assert_eq!(cell(1, 14), "message");
        assert_eq!(cell(2, 0), "T2");
        assert_eq!(cell(3, 0), "A1");
        assert_eq!(
            cell(3, 14),
            "Итог 4 190 ≠ мужчины 2 100 + женщины 2 110 = 4 210"
        );
        assert_eq!(
            range.get_value((3, 12)),
            Some(&calamine::Data::Float(4210.0)),
            "expected, as a number"
        );
        assert_eq!(range.height(), 4, "the note, the header and two rows");
    }
}
