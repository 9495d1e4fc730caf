//! The answers of a statistical office: the findings workbook of a review report
//! (`migreview report … --out findings.xlsx`), with the status, the comment and the office's
//! explanation filled in, read back and taken into the review by each finding's id.

use super::{Review, TriageStatus};
use crate::i18n::Lang;
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::collections::HashSet;
use std::io::Cursor;

/// The columns of the findings workbook, in order.
pub const ANSWER_COLUMNS: [AnswerColumn; 12] = [
    AnswerColumn::Id,
    AnswerColumn::Check,
    AnswerColumn::Table,
    AnswerColumn::Year,
    AnswerColumn::Place,
    AnswerColumn::Value,
    AnswerColumn::Expected,
    AnswerColumn::Severity,
    AnswerColumn::Message,
    AnswerColumn::Status,
    AnswerColumn::Comment,
    AnswerColumn::Explanation,
];

/// A column of the findings workbook.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AnswerColumn {
    Id,
    Check,
    Table,
    Year,
    Place,
    Value,
    Expected,
    Severity,
    Message,
    Status,
    Comment,
    Explanation,
}

impl AnswerColumn {
    pub fn header(self, lang: Lang) -> &'static str {
        match self {
            AnswerColumn::Id => crate::t!(lang, "report-id"),
            AnswerColumn::Check => crate::t!(lang, "report-check"),
            AnswerColumn::Table => crate::t!(lang, "report-table"),
            AnswerColumn::Year => crate::t!(lang, "report-year"),
            AnswerColumn::Place => crate::t!(lang, "report-cell"),
            AnswerColumn::Value => crate::t!(lang, "report-value"),
            AnswerColumn::Expected => crate::t!(lang, "report-expected"),
            AnswerColumn::Severity => crate::t!(lang, "SeverityLabel"),
            AnswerColumn::Message => crate::t!(lang, "workbook-message"),
            AnswerColumn::Status => crate::t!(lang, "StatusLabel"),
            AnswerColumn::Comment => crate::t!(lang, "report-comment"),
            AnswerColumn::Explanation => crate::t!(lang, "workbook-explanation"),
        }
    }

    /// The width of the column, in characters.
    pub fn width(self) -> f64 {
        match self {
            AnswerColumn::Id => 28.0,
            AnswerColumn::Message => 70.0,
            AnswerColumn::Place => 26.0,
            AnswerColumn::Comment | AnswerColumn::Explanation => 40.0,
            AnswerColumn::Status | AnswerColumn::Severity => 14.0,
            _ => 10.0,
        }
    }

    /// The column a header names, in either language (case and spaces aside).
    fn of_header(text: &str) -> Option<AnswerColumn> {
        let key = text.trim().to_lowercase();
        ANSWER_COLUMNS.into_iter().find(|c| {
            Lang::ALL
                .iter()
                .any(|&lang| c.header(lang).to_lowercase() == key)
        })
    }
}

/// One finding's answer as the workbook gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub sheet: String,
    /// The row in the sheet, 1-based as the spreadsheet shows it.
    pub row: u32,
    pub id: String,
    /// The status cell as written.
    pub status_text: String,
    /// The status it names, when it names one.
    pub status: Option<TriageStatus>,
    pub comment: String,
    pub explanation: String,
}

/// Why the workbook could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AnswersError(pub String);

/// What taking the answers changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswersTaken {
    /// Ids of the findings whose status, comment or explanation changed.
    pub changed: Vec<String>,
    /// Findings the workbook gives as the review has them.
    pub unchanged: usize,
    /// Answers whose id is not a finding of the data now: sheet, row, id.
    pub unmatched: Vec<(String, u32, String)>,
    /// Status cells that are not a status: sheet, row, what they hold.
    pub bad_status: Vec<(String, u32, String)>,
}

fn text_of(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        other => other.to_string().trim().to_string(),
    }
}

/// A status as written in the workbook: its label in either language, or its code.
fn status_of(text: &str) -> Option<TriageStatus> {
    let key = text.trim().to_lowercase();
    TriageStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == key || Lang::ALL.iter().any(|&l| s.label(l).to_lowercase() == key))
}

/// Reads the answers of every sheet that has the Id and Status columns.
pub fn read_answers(bytes: &[u8]) -> Result<Vec<Answer>, AnswersError> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        AnswersError(format!(
            "expected the findings workbook of a migreview report (.xlsx); cannot open it: {e}"
        ))
    })?;
    let mut answers = Vec::new();
    let mut sheets_read = 0;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let Some(header) = range.rows().next() else {
            continue;
        };
        let columns: Vec<Option<AnswerColumn>> = header
            .iter()
            .map(|cell| AnswerColumn::of_header(&text_of(cell)))
            .collect();
        let at = |column: AnswerColumn| columns.iter().position(|c| *c == Some(column));
        let (Some(id_at), Some(status_at)) = (at(AnswerColumn::Id), at(AnswerColumn::Status))
        else {
            continue;
        };
        sheets_read += 1;
        let (comment_at, explanation_at) =
            (at(AnswerColumn::Comment), at(AnswerColumn::Explanation));
        let start = range.start().map_or(0, |(row, _)| row);
        for (i, row) in range.rows().enumerate().skip(1) {
            let cell =
                |at: Option<usize>| at.and_then(|c| row.get(c)).map(text_of).unwrap_or_default();
            let id = cell(Some(id_at));
            if id.is_empty() {
                continue;
            }
            let status_text = cell(Some(status_at));
            answers.push(Answer {
                sheet: name.clone(),
                row: start + i as u32 + 1,
                id,
                status: status_of(&status_text),
                status_text,
                comment: cell(comment_at),
                explanation: cell(explanation_at),
            });
        }
    }
    if sheets_read == 0 {
        return Err(AnswersError(format!(
            "expected sheets with the columns \"{}\" and \"{}\" (the findings workbook of \
             migreview report … --out findings.xlsx); found none",
            AnswerColumn::Id.header(Lang::En),
            AnswerColumn::Status.header(Lang::En)
        )));
    }
    Ok(answers)
}

impl Review {
    /// Takes the answers whose id is a finding now (`current`): their status (when the cell
    /// holds one), comment and explanation.
    pub fn take_answers(
        &mut self,
        answers: &[Answer],
        current: &HashSet<&str>,
        now: &str,
    ) -> AnswersTaken {
        let mut taken = AnswersTaken::default();
        for answer in answers {
            if !current.contains(answer.id.as_str()) {
                taken
                    .unmatched
                    .push((answer.sheet.clone(), answer.row, answer.id.clone()));
                continue;
            }
            if answer.status.is_none() && !answer.status_text.is_empty() {
                let text = answer.status_text.clone();
                taken
                    .bad_status
                    .push((answer.sheet.clone(), answer.row, text));
            }
            let before = self.triage(&answer.id).cloned().unwrap_or_default();
            let status = answer.status.unwrap_or(before.status);
            if status == before.status
                && answer.comment == before.comment
                && answer.explanation == before.explanation
            {
                taken.unchanged += 1;
                continue;
            }
            let entry = std::sync::Arc::make_mut(&mut self.triage)
                .entry(answer.id.clone())
                .or_default();
            entry.status = status;
            entry.comment = answer.comment.clone();
            entry.explanation = answer.explanation.clone();
            entry.changed = now.to_string();
            taken.changed.push(answer.id.clone());
        }
        taken
    }
}
