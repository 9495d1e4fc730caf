//! The findings workbook of a review report (xlsx): a summary sheet, then a sheet per family of
//! checks with every finding of the report, its triage as a drop-down, the reviewer's comment
//! and an empty "explanation" column for the statistical office. The office fills it in and
//! sends it back; `migreview review import` (File › Import answers…) reads it into the review
//! ([`crate::review::answers`]).

use super::{FindingRow, ReviewReport};
use crate::checks::CheckCode;
use crate::i18n::Lang;
use crate::review::TriageStatus;
use crate::review::answers::{ANSWER_COLUMNS, AnswerColumn};
use crate::t;
use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet, XlsxError};

/// The families of checks, by the letter of their codes, each a sheet.
pub const FAMILIES: [(char, &str); 9] = [
    ('S', "workbook-family-structure"),
    ('N', "workbook-family-values"),
    ('A', "workbook-family-sums"),
    ('C', "workbook-family-cross"),
    ('P', "workbook-family-plausibility"),
    ('U', "workbook-family-unknown"),
    ('D', "workbook-family-balance"),
    ('T', "workbook-family-series"),
    ('M', "workbook-family-mirror"),
];

pub fn family_of(check: CheckCode) -> char {
    check.to_string().chars().next().unwrap_or('S')
}

/// Writes the workbook.
pub fn write(report: &ReviewReport) -> Result<Vec<u8>, XlsxError> {
    let lang = report.lang;
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let rows: Vec<&FindingRow> = report.annex.iter().chain(&report.false_alarms).collect();

    let summary = workbook.add_worksheet();
    summary.set_name(t!(lang, "workbook-summary"))?;
    summary.set_column_width(0, 48.0)?;
    summary.set_column_width(1, 60.0)?;
    summary.write_string_with_format(0, 0, t!(lang, "report-title"), &bold)?;
    summary.write_string(1, 0, &report.country_title)?;
    let mut at = 3;
    let or_none = |text: &str| super::or_not_given(text, lang);
    for (label, value) in [
        (t!(lang, "report-reviewer"), or_none(&report.texts.reviewer)),
        (
            t!(lang, "report-organisation"),
            or_none(&report.texts.organisation),
        ),
        (t!(lang, "report-date"), report.date.clone()),
        (t!(lang, "report-made-with"), report.generated_by.clone()),
    ] {
        summary.write_string_with_format(at, 0, label, &bold)?;
        summary.write_string(at, 1, value)?;
        at += 1;
    }
    at += 1;
    summary.write_string_with_format(at, 0, t!(lang, "workbook-how"), &bold)?;
    summary.merge_range(at + 1, 0, at + 1, 1, t!(lang, "workbook-how-text"), &wrap)?;
    summary.set_row_height(at + 1, 90.0)?;
    at += 3;
    summary.write_string_with_format(at, 0, t!(lang, "report-check"), &bold)?;
    summary.write_string_with_format(at, 1, t!(lang, "report-col-findings"), &bold)?;
    for check in CheckCode::ALL {
        let n = rows.iter().filter(|r| r.check == check).count();
        if n == 0 {
            continue;
        }
        at += 1;
        let title = crate::checks::catalog::entry(check).title(lang);
        summary.write_string(at, 0, format!("{check} {title}"))?;
        summary.write_number(at, 1, n as f64)?;
    }

    for (letter, name) in FAMILIES {
        let mine: Vec<&FindingRow> = rows
            .iter()
            .copied()
            .filter(|r| family_of(r.check) == letter)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let sheet = workbook.add_worksheet();
        sheet.set_name(crate::i18n::text(lang, name))?;
        family_sheet(sheet, &mine, lang, &bold)?;
    }
    workbook.save_to_buffer()
}

fn family_sheet(
    sheet: &mut Worksheet,
    rows: &[&FindingRow],
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (col, column) in ANSWER_COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.header(lang), bold)?;
        sheet.set_column_width(col, column.width())?;
    }
    for (i, row) in rows.iter().enumerate() {
        let at = i as u32 + 1;
        for (col, column) in ANSWER_COLUMNS.iter().enumerate() {
            let col = col as u16;
            match column {
                AnswerColumn::Id => sheet.write_string(at, col, &row.id)?,
                AnswerColumn::Check => sheet.write_string(at, col, row.check.to_string())?,
                AnswerColumn::Table => {
                    sheet.write_string(at, col, row.table.map_or("", |t| t.code()))?
                }
                AnswerColumn::Year => match row.year {
                    Some(year) => sheet.write_number(at, col, f64::from(year))?,
                    None => sheet,
                },
                AnswerColumn::Place => sheet.write_string(at, col, &row.place)?,
                AnswerColumn::Value => match row.value {
                    Some(v) => sheet.write_number(at, col, v)?,
                    None => sheet,
                },
                AnswerColumn::Expected => match row.expected {
                    Some(v) => sheet.write_number(at, col, v)?,
                    None => sheet,
                },
                AnswerColumn::Severity => sheet.write_string(at, col, row.severity.label(lang))?,
                AnswerColumn::Message => sheet.write_string(at, col, &row.message)?,
                AnswerColumn::Status => sheet.write_string(at, col, row.status.label(lang))?,
                AnswerColumn::Comment => sheet.write_string(at, col, &row.comment)?,
                AnswerColumn::Explanation => sheet.write_string(at, col, &row.explanation)?,
            };
        }
    }
    let last = rows.len() as u32;
    let status_col = ANSWER_COLUMNS
        .iter()
        .position(|c| *c == AnswerColumn::Status)
        .unwrap_or(0) as u16;
    let statuses: Vec<&str> = TriageStatus::ALL.iter().map(|s| s.label(lang)).collect();
    let validation = DataValidation::new()
        .allow_list_strings(&statuses)?
        .set_error_title(t!(lang, "questionnaire-not-accepted"))?
        .set_error_message(t!(lang, "questionnaire-pick-from-list"))?;
    if last > 0 {
        sheet.add_data_validation(1, status_col, last, status_col, &validation)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last, ANSWER_COLUMNS.len() as u16 - 1)?;
    Ok(())
}
