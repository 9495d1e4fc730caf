//! The handouts of a lesson: the learner's workbooks (the lesson's data in the Clearinghouse
//! layout, no answers), the answer key (each planted problem with the cells and checks that
//! show it) and a one-page exercise sheet (HTML and DOCX, laid out by the review report's
//! writers), in the language chosen.

use super::{Answer, Lesson, LessonText, answers_on};
use crate::model::Lang;
use crate::review_report::document::{Block, Column, Span};
use crate::review_report::{docx, html};
use crate::t;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// Why the handouts could not be written.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error("the lesson's data cannot be built: {0}")]
    Fault(#[from] super::FaultError),
    #[error("the lesson's workbooks cannot be written: {0}")]
    Workbook(#[from] crate::sample::generate::GenerateError),
    #[error("cannot write {path}: {detail}")]
    Write { path: String, detail: String },
}

/// The handouts of a lesson, each a file name and its bytes.
pub fn handouts(lesson: &Lesson, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, HandoutError> {
    // The clean sample is generated once, for the lesson's data and for its key.
    let base = lesson.base();
    let sample = lesson.plant_into(base.clone())?;
    let mut files = lesson.workbooks(&sample)?;
    let workbooks: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let answers = answers_on(lesson, &base, lang)?;
    let suffix = format!("{}_{}", lesson.id, lang.code());
    let failed = |path: &str, detail: String| HandoutError::Write {
        path: path.to_string(),
        detail,
    };
    let key_name = format!("answer_key_{suffix}.xlsx");
    let key = answer_key(lesson, &answers, lang).map_err(|e| failed(&key_name, e.to_string()))?;
    files.push((key_name, key));
    let sheet = exercise_sheet(lesson, &workbooks, lang);
    files.push((
        format!("exercise_{suffix}.html"),
        html::write_blocks(&sheet, lang, &crate::generated_by(), None, 0).into_bytes(),
    ));
    let docx_name = format!("exercise_{suffix}.docx");
    let docx =
        docx::write_blocks(sheet, lang, None).map_err(|e| failed(&docx_name, e.to_string()))?;
    files.push((docx_name, docx));
    Ok(files)
}

/// Writes the handouts into a folder (made if missing); the paths written.
pub fn export(lesson: &Lesson, lang: Lang, dir: &Path) -> Result<Vec<PathBuf>, HandoutError> {
    let files = handouts(lesson, lang)?;
    std::fs::create_dir_all(dir).map_err(|e| HandoutError::Write {
        path: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(&name);
        crate::save::write_atomically(&path, &bytes).map_err(|e| HandoutError::Write {
            path: path.display().to_string(),
            detail: e.to_string(),
        })?;
        written.push(path);
    }
    Ok(written)
}

/// The exercise sheet: the lesson, why it matters, the task, and a table to fill in with a
/// line per planted problem.
pub fn exercise_sheet(lesson: &Lesson, workbooks: &[String], lang: Lang) -> Vec<Block> {
    let problems = lesson.faults.len();
    vec![
        Block::Title {
            title: lesson.text(lang, LessonText::Title),
            subtitle: t!(lang, "workshop-sheet-subtitle").to_string(),
        },
        Block::Notice(crate::sample::synthetic_notice(lang).to_string()),
        Block::Heading {
            level: 2,
            text: t!(lang, "workshop-why").to_string(),
        },
        Block::Paragraph(vec![Span::plain(lesson.text(lang, LessonText::Why))]),
        Block::Heading {
            level: 2,
            text: t!(lang, "workshop-task").to_string(),
        },
        Block::Paragraph(vec![Span::plain(t!(
            lang,
            "workshop-task-text",
            files = workbooks.join(", "),
            problems = problems
        ))]),
        Block::Table {
            columns: vec![
                (t!(lang, "workshop-col-number").to_string(), Column::Short),
                (t!(lang, "workshop-col-cell").to_string(), Column::Text),
                (t!(lang, "workshop-col-wrong").to_string(), Column::Wide),
                (t!(lang, "workshop-col-rule").to_string(), Column::Text),
            ],
            rows: (1..=problems)
                .map(|n| vec![n.to_string(), "\n\n".into(), String::new(), String::new()])
                .collect(),
        },
    ]
}

/// The answer key as a workbook: a row per finding of each planted problem.
pub fn answer_key(
    lesson: &Lesson,
    answers: &[Answer],
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t!(lang, "workshop-key-sheet"))?;
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    sheet.write_string_with_format(0, 0, lesson.text(lang, LessonText::Title), &bold)?;
    sheet.write_string(1, 0, crate::sample::synthetic_notice(lang))?;
    let headers = [
        t!(lang, "workshop-col-number"),
        t!(lang, "workshop-key-fault"),
        t!(lang, "workshop-key-check"),
        t!(lang, "workshop-col-cell"),
        t!(lang, "workshop-key-finding"),
    ];
    let header_row = 3;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, *header, &bold)?;
    }
    const WIDTHS: [f64; 5] = [6.0, 48.0, 11.0, 30.0, 60.0];
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    // Rows as high as their longest wrapped text (spreadsheets do not all size them on
    // opening); printed across the page, as wide as it.
    let lines = |text: &str, width: f64| {
        (text.chars().count() as f64 / (width - 2.0))
            .ceil()
            .max(1.0)
    };
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let mut row = header_row + 1;
    for (n, answer) in answers.iter().enumerate() {
        for (i, finding) in answer.findings.iter().enumerate() {
            // The problem is told on its first row; the rows below are what else it causes.
            let description = if i == 0 {
                answer.description.as_str()
            } else {
                ""
            };
            sheet.write_number_with_format(row, 0, (n + 1) as f64, &top)?;
            sheet.write_string_with_format(row, 1, description, &wrap)?;
            sheet.write_string_with_format(row, 2, finding.check.as_str(), &top)?;
            let cell = finding
                .location
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            sheet.write_string_with_format(row, 3, &cell, &wrap)?;
            let message = finding.message(lang);
            sheet.write_string_with_format(row, 4, &*message, &wrap)?;
            let height = [
                lines(description, WIDTHS[1]),
                lines(&cell, WIDTHS[3]),
                lines(&message, WIDTHS[4]),
            ]
            .into_iter()
            .fold(1.0, f64::max);
            sheet.set_row_height(row, 15.0 * height)?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.autofilter(header_row, 0, row.saturating_sub(1).max(header_row), 4)?;
    workbook.save_to_buffer()
}
