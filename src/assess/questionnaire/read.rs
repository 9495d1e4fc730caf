//! Reads a filled-in questionnaire back into an assessment. Every cell is checked first; the
//! assessment is built only when nothing is wrong, so a bad file imports nothing half-way.

use super::{
    COUNTRIES_SHEET, COUNTRY_COLUMNS, Column, Field, INSTRUCTIONS_SHEET, Problem,
    QuestionnaireError, SCORE_COLUMNS, SCORES_SHEET, SOURCE_COLUMNS, SOURCES_SHEET, sheet_aliases,
};
use crate::assess::choices::{
    Answer, Choice, DurationBasis, GroupCoverage, Obligation, ObligationRule, Periodicity,
    Publication, SourceKind,
};
use crate::assess::model::{
    Assessment, CountryAssessment, CriterionScore, DataSource, Suggestion, TableFeed, country_code,
};
use crate::assess::rubric::{Criterion, Score};
use crate::model::category::normalise_label;
use crate::model::{Lang, cell_ref, gazetteer};
use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

/// A questionnaire read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// Things worth knowing that did not stop the import (columns ignored).
    pub notes: Vec<String>,
}

/// Reads a questionnaire file.
pub fn import_questionnaire(path: &Path) -> Result<Imported, QuestionnaireError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| QuestionnaireError {
        file: file.clone(),
        problems: vec![Problem {
            sheet: String::new(),
            cell: None,
            message: format!("cannot read the file: {e}"),
        }],
    })?;
    read_questionnaire(&bytes).map_err(|e| QuestionnaireError { file, ..e })
}

/// Reads a questionnaire from the bytes of an `.xlsx` (or `.ods`, `.xls`) workbook.
pub fn read_questionnaire(bytes: &[u8]) -> Result<Imported, QuestionnaireError> {
    let fail = |problems: Vec<Problem>| QuestionnaireError {
        file: String::new(),
        problems,
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        fail(vec![Problem {
            sheet: String::new(),
            cell: None,
            message: format!(
                "expected an Excel workbook written as a migreview questionnaire; cannot open it: {e}"
            ),
        }])
    })?;
    let names = workbook.sheet_names();
    let mut problems = Vec::new();
    let mut ranges: Vec<(String, Range<Data>)> = Vec::new();
    for wanted in [COUNTRIES_SHEET, SOURCES_SHEET, SCORES_SHEET] {
        let found = names.iter().find(|name| {
            let name = name.trim();
            name.eq_ignore_ascii_case(wanted)
                || sheet_aliases(wanted)
                    .iter()
                    .any(|alias| name.to_lowercase() == alias.to_lowercase())
        });
        match found {
            None => problems.push(Problem {
                sheet: wanted.to_string(),
                cell: None,
                message: format!(
                    "the workbook has no sheet {wanted:?} (its sheets: {}); expected a migreview questionnaire with the sheets {INSTRUCTIONS_SHEET}, {COUNTRIES_SHEET}, {SOURCES_SHEET} and {SCORES_SHEET}",
                    names.join(", ")
                ),
            }),
            Some(name) => match workbook.worksheet_range(name) {
                Ok(range) => ranges.push((name.clone(), range)),
                Err(e) => problems.push(Problem {
                    sheet: name.clone(),
                    cell: None,
                    message: format!("cannot read the sheet: {e}"),
                }),
            },
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let mut notes = Vec::new();
    let [countries, sources, scores] = [0, 1, 2].map(|i| &ranges[i]);
    let countries = Sheet::new(
        &countries.0,
        &countries.1,
        &COUNTRY_COLUMNS,
        &mut problems,
        &mut notes,
    );
    let sources = Sheet::new(
        &sources.0,
        &sources.1,
        &SOURCE_COLUMNS,
        &mut problems,
        &mut notes,
    );
    let scores = Sheet::new(
        &scores.0,
        &scores.1,
        &SCORE_COLUMNS,
        &mut problems,
        &mut notes,
    );
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let country_rows = read_countries(&countries, &mut problems);
    let source_rows = read_sources(&sources, &mut problems);
    let score_rows = read_scores(&scores, &source_rows, &mut problems);
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    Ok(Imported {
        assessment: build(country_rows, source_rows, score_rows),
        notes,
    })
}

/// A data sheet with its columns found from the header row.
struct Sheet<'a> {
    name: &'a str,
    range: &'a Range<Data>,
    columns: HashMap<Field, u32>,
}

impl<'a> Sheet<'a> {
    fn new(
        name: &'a str,
        range: &'a Range<Data>,
        expected: &[Column],
        problems: &mut Vec<Problem>,
        notes: &mut Vec<String>,
    ) -> Sheet<'a> {
        let mut columns = HashMap::new();
        let last_col = range.end().map_or(0, |(_, c)| c);
        for col in 0..=last_col {
            let header = match range.get_value((0, col)) {
                Some(Data::String(s)) => s.trim().to_string(),
                _ => continue,
            };
            if header.is_empty() {
                continue;
            }
            let key = normalise_label(&header);
            match expected.iter().find(|c| {
                normalise_label(c.header(Lang::En)) == key || normalise_label(c.header(Lang::Ru)) == key
            }) {
                Some(column) if !columns.contains_key(&column.field) => {
                    columns.insert(column.field, col);
                }
                Some(_) => problems.push(Problem {
                    sheet: name.to_string(),
                    cell: Some(cell_ref(0, col as u16)),
                    message: format!("the column {header:?} appears twice; expected it once"),
                }),
                None => notes.push(format!(
                    "sheet {name}: the column {header:?} ({}) is not a questionnaire column and was ignored",
                    cell_ref(0, col as u16)
                )),
            }
        }
        for column in expected.iter().filter(|c| c.required) {
            if !columns.contains_key(&column.field) {
                problems.push(Problem {
                    sheet: name.to_string(),
                    cell: None,
                    message: format!(
                        "row 1 has no column {:?} ({:?}); expected the header row of the questionnaire's {name} sheet",
                        column.header(Lang::En), column.header(Lang::Ru)
                    ),
                });
            }
        }
        Sheet {
            name,
            range,
            columns,
        }
    }

    /// Data rows (0-based, after the header) that are not empty.
    fn rows(&self) -> Vec<u32> {
        let last_row = self.range.end().map_or(0, |(r, _)| r);
        (1..=last_row)
            .filter(|&row| {
                self.columns.iter().any(|(field, &col)| {
                    !matches!(field, Field::SuggestedScore | Field::SuggestedWhy)
                        && self
                            .range
                            .get_value((row, col))
                            .is_some_and(|d| !cell_text(d).unwrap_or_default().is_empty())
                })
            })
            .collect()
    }

    fn cell(&self, row: u32, field: Field) -> Option<&Data> {
        let col = *self.columns.get(&field)?;
        self.range.get_value((row, col))
    }

    /// The cell reference of a field in a row (the row's first cell when the column is absent).
    fn at(&self, row: u32, field: Field) -> String {
        let col = self.columns.get(&field).copied().unwrap_or(0);
        cell_ref(row, col as u16)
    }

    fn problem(&self, problems: &mut Vec<Problem>, row: u32, field: Field, message: String) {
        problems.push(Problem {
            sheet: self.name.to_string(),
            cell: Some(self.at(row, field)),
            message,
        });
    }

    fn text(&self, row: u32, field: Field, problems: &mut Vec<Problem>) -> String {
        match self.cell(row, field).map(cell_text) {
            None => String::new(),
            Some(Ok(text)) => text,
            Some(Err(e)) => {
                self.problem(problems, row, field, e.to_string());
                String::new()
            }
        }
    }

    fn required_text(
        &self,
        row: u32,
        field: Field,
        what: &str,
        problems: &mut Vec<Problem>,
    ) -> String {
        let text = self.text(row, field, problems);
        if text.is_empty() {
            self.problem(problems, row, field, format!("missing {what}"));
        }
        text
    }

    fn whole(
        &self,
        row: u32,
        field: Field,
        max: u32,
        what: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<u32> {
        let data = self.cell(row, field)?;
        let parsed = match data {
            Data::Empty => return None,
            Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(max) => {
                Some(*f as u32)
            }
            Data::Int(i) if *i >= 0 && *i <= i64::from(max) => Some(*i as u32),
            Data::String(s) if s.trim().is_empty() => return None,
            Data::String(s) => s.trim().parse::<u32>().ok().filter(|n| *n <= max),
            _ => None,
        };
        if parsed.is_none() {
            let found = cell_text(data).unwrap_or_else(|e| e.to_string());
            self.problem(
                problems,
                row,
                field,
                format!("expected {what}, found {found}"),
            );
        }
        parsed
    }

    /// A date written `2022-09-30` (text) or typed as a spreadsheet date.
    fn date(
        &self,
        row: u32,
        field: Field,
        problems: &mut Vec<Problem>,
    ) -> Option<jiff::civil::Date> {
        let data = self.cell(row, field)?;
        let parsed = match data {
            Data::Empty => return None,
            Data::String(s) if s.trim().is_empty() => return None,
            Data::String(s) => s.trim().parse::<jiff::civil::Date>().ok(),
            Data::DateTime(d) => excel_date(d.as_f64()),
            Data::Float(f) => excel_date(*f),
            Data::DateTimeIso(s) => s.get(..10).and_then(|d| d.parse().ok()),
            _ => None,
        };
        if parsed.is_none() {
            let found = cell_text(data).unwrap_or_else(|e| e.to_string());
            self.problem(
                problems,
                row,
                field,
                format!("expected a date as YYYY-MM-DD (2022-09-30), found {found}"),
            );
        }
        parsed
    }

    fn choice<T: Choice + Default>(
        &self,
        row: u32,
        field: Field,
        what: &str,
        required: bool,
        problems: &mut Vec<Problem>,
    ) -> T {
        let text = self.text(row, field, problems);
        let expected = T::labels(Lang::En).join(", ");
        if text.is_empty() {
            if required {
                self.problem(
                    problems,
                    row,
                    field,
                    format!("missing {what}; expected one of: {expected}"),
                );
            }
            return T::default();
        }
        match T::parse(&text) {
            Some(value) => value,
            None => {
                self.problem(
                    problems,
                    row,
                    field,
                    format!(
                        "unknown {what} {text:?}; expected one of: {expected} (or the Russian label of the list)"
                    ),
                );
                T::default()
            }
        }
    }

    fn country(&self, row: u32, problems: &mut Vec<Problem>) -> Option<String> {
        let text = self.required_text(
            row,
            Field::Country,
            "country (ISO code such as KAZ, or its name)",
            problems,
        );
        if text.is_empty() {
            return None;
        }
        match country_code(&text) {
            Ok(code) => Some(code),
            Err(_) => {
                let hints: Vec<String> = gazetteer()
                    .suggest(&text, 2)
                    .iter()
                    .map(|p| format!("{} ({})", p.name_en, p.code))
                    .collect();
                let hint = if hints.is_empty() {
                    String::new()
                } else {
                    format!("; did you mean {}?", hints.join(" or "))
                };
                self.problem(
                    problems,
                    row,
                    Field::Country,
                    format!("expected a country (ISO code such as KAZ, or its name), found {text:?}{hint}"),
                );
                None
            }
        }
    }
}

/// A cell that holds a spreadsheet error (`#DIV/0!`, `#N/A`…) where a value was expected.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("expected a value, found the spreadsheet error {found}")]
struct CellError {
    found: calamine::CellErrorType,
}

/// The text of a cell: numbers without a trailing `.0`, errors refused.
fn cell_text(data: &Data) -> Result<String, CellError> {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(CellError { found: e.clone() }),
    })
}

/// The date of a spreadsheet serial day number (1900 date system: day 1 is 1900-01-01, with
/// Excel's phantom 1900-02-29, so serials from 61 on count from 1899-12-30).
fn excel_date(serial: f64) -> Option<jiff::civil::Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = jiff::civil::date(1899, 12, 30);
    base.checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "нет" => Some(false),
        "yes" | "y" | "true" | "1" | "да" | "x" => Some(true),
        _ => None,
    }
}

struct CountryRow {
    code: String,
    synthetic: bool,
    notes: String,
    review_date: Option<jiff::civil::Date>,
}

fn read_countries(sheet: &Sheet<'_>, problems: &mut Vec<Problem>) -> Vec<CountryRow> {
    let mut rows: Vec<(u32, CountryRow)> = Vec::new();
    for row in sheet.rows() {
        let code = sheet.country(row, problems);
        let synthetic_text = sheet.text(row, Field::Synthetic, problems);
        let synthetic = parse_yes_no(&synthetic_text).unwrap_or_else(|| {
            sheet.problem(
                problems,
                row,
                Field::Synthetic,
                format!("expected yes or no (да or нет), found {synthetic_text:?}"),
            );
            false
        });
        let notes = sheet.text(row, Field::CountryNotes, problems);
        let review_date = sheet.date(row, Field::ReviewDate, problems);
        let Some(code) = code else { continue };
        if let Some((first, _)) = rows.iter().find(|(_, r)| r.code == code) {
            sheet.problem(
                problems,
                row,
                Field::Country,
                format!(
                    "{code} is listed twice (first in row {}); expected one row per country",
                    first + 1
                ),
            );
            continue;
        }
        rows.push((
            row,
            CountryRow {
                code,
                synthetic,
                notes,
                review_date,
            },
        ));
    }
    rows.into_iter().map(|(_, r)| r).collect()
}

struct SourceRow {
    row: u32,
    country: String,
    source: DataSource,
}

fn read_sources(sheet: &Sheet<'_>, problems: &mut Vec<Problem>) -> Vec<SourceRow> {
    let mut rows: Vec<SourceRow> = Vec::new();
    for row in sheet.rows() {
        let country = sheet.country(row, problems);
        let source = read_source(sheet, row, problems);
        let Some(country) = country else { continue };
        let id = &source.id;
        if id.is_empty() {
            continue;
        }
        if let Some(first) = rows
            .iter()
            .find(|r| r.country == country && r.source.id == *id)
        {
            sheet.problem(
                problems,
                row,
                Field::SourceId,
                format!(
                    "the source ID {id:?} of {country} is used twice (first in row {}); expected a unique ID per source",
                    first.row + 1
                ),
            );
            continue;
        }
        rows.push(SourceRow {
            row,
            country,
            source,
        });
    }
    rows
}

/// The data source of a row of the sources sheet, its cells read in the order of the sheet.
fn read_source(sheet: &Sheet<'_>, row: u32, problems: &mut Vec<Problem>) -> DataSource {
    let id = sheet.required_text(
        row,
        Field::SourceId,
        "source ID (short and unique within the country, e.g. KAZ-REG)",
        problems,
    );
    let name = sheet.required_text(
        row,
        Field::Name,
        "source name (the name of the data source)",
        problems,
    );
    let kind: SourceKind = sheet.choice(row, Field::Kind, "type of source", true, problems);
    let feeds_text = sheet.text(row, Field::Feeds, problems);
    let feeds = TableFeed::parse_list(&feeds_text).unwrap_or_else(|e| {
        sheet.problem(problems, row, Field::Feeds, e.to_string());
        Vec::new()
    });
    DataSource {
        id,
        name,
        kind,
        agency: sheet.text(row, Field::Agency, problems),
        measures: sheet.text(row, Field::Measures, problems),
        feeds,
        periodicity: sheet.choice::<Periodicity>(
            row,
            Field::Periodicity,
            "periodicity",
            false,
            problems,
        ),
        release_lag_months: sheet
            .whole(
                row,
                Field::ReleaseLag,
                600,
                "a whole number of months 0–600",
                problems,
            )
            .map(|m| m as u16),
        population_covered: sheet.text(row, Field::PopulationCovered, problems),
        groups_covered: sheet.choice::<GroupCoverage>(
            row,
            Field::GroupsCovered,
            "coverage of groups",
            false,
            problems,
        ),
        duration_rule_months: sheet
            .whole(
                row,
                Field::DurationRule,
                60,
                "a whole number of months 0–60 (0 = no time limit, 60 = permanent)",
                problems,
            )
            .map(|m| m as u8),
        duration_basis: sheet.choice::<DurationBasis>(
            row,
            Field::DurationBasis,
            "duration basis",
            false,
            problems,
        ),
        registration_obligation: read_obligation(
            sheet,
            row,
            [
                Field::Registration,
                Field::RegistrationDays,
                Field::RegistrationNote,
            ],
            problems,
        ),
        deregistration_obligation: read_obligation(
            sheet,
            row,
            [
                Field::Deregistration,
                Field::DeregistrationDays,
                Field::DeregistrationNote,
            ],
            problems,
        ),
        deregistration_third_country: sheet.choice::<Answer>(
            row,
            Field::DeregistrationThirdCountry,
            "an answer",
            false,
            problems,
        ),
        third_country_monitoring: sheet.choice::<Answer>(
            row,
            Field::ThirdCountryMonitoring,
            "an answer",
            false,
            problems,
        ),
        administrative_corrections: sheet.choice::<Answer>(
            row,
            Field::AdministrativeCorrections,
            "an answer",
            false,
            problems,
        ),
        publication: sheet.choice::<Publication>(
            row,
            Field::Publication,
            "publication",
            false,
            problems,
        ),
        notes: sheet.text(row, Field::Notes, problems),
        scores: Vec::new(),
        producer: None,
        holders: Vec::new(),
    }
}

/// An obligation to register (or de-register) from its rule, time-limit and note cells.
fn read_obligation(
    sheet: &Sheet<'_>,
    row: u32,
    [rule, days, note]: [Field; 3],
    problems: &mut Vec<Problem>,
) -> Obligation {
    Obligation {
        rule: sheet.choice::<ObligationRule>(row, rule, "obligation", false, problems),
        time_limit_days: sheet
            .whole(row, days, 3650, "a whole number of days 0–3650", problems)
            .map(|d| d as u16),
        note: sheet.text(row, note, problems),
    }
}

struct ScoreRow {
    country: String,
    source_id: String,
    score: CriterionScore,
}

fn read_scores(
    sheet: &Sheet<'_>,
    sources: &[SourceRow],
    problems: &mut Vec<Problem>,
) -> Vec<ScoreRow> {
    let mut rows: Vec<(u32, ScoreRow)> = Vec::new();
    let criteria = Criterion::labels(Lang::En).join(", ");
    for row in sheet.rows() {
        let country = sheet.country(row, problems);
        let source_id = sheet.required_text(row, Field::SourceId, "source ID", problems);
        let criterion = read_criterion(sheet, row, &criteria, problems);
        let final_score = sheet
            .whole(
                row,
                Field::Score,
                u32::from(Score::MAX),
                "a score 0–3 (see the rubric in the sheet Instructions)",
                problems,
            )
            .and_then(|n| Score::new(n as u8));
        let reason = sheet.text(row, Field::Reason, problems);
        let evidence = sheet.text(row, Field::Evidence, problems);
        let suggested = read_suggestion(sheet, row, problems);
        let (Some(country), Some(criterion)) = (country, criterion) else {
            continue;
        };
        if source_id.is_empty() {
            continue;
        }
        if !sources
            .iter()
            .any(|s| s.country == country && s.source.id == source_id)
        {
            sheet.problem(
                problems,
                row,
                Field::SourceId,
                format!("there is no source {source_id:?} of {country} in the sheet {SOURCES_SHEET}; expected the ID of a source listed there"),
            );
            continue;
        }
        if let Some(suggestion) = &suggested
            && suggestion.criterion != criterion
        {
            sheet.problem(
                problems,
                row,
                Field::SuggestionData,
                format!(
                    "the hidden suggestion data are for the criterion {}, not {}; expected the row's own suggestion",
                    suggestion.criterion, criterion
                ),
            );
            continue;
        }
        let mut score = CriterionScore::new(criterion);
        score.suggested = suggested;
        score.final_score = final_score;
        score.reason = reason;
        score.evidence = evidence;
        score.overridden = score.differs_from_suggestion();
        require_reason(sheet, row, &score, problems);
        if let Some((first, _)) = rows.iter().find(|(_, r)| {
            r.country == country && r.source_id == source_id && r.score.criterion == criterion
        }) {
            sheet.problem(
                problems,
                row,
                Field::Criterion,
                format!(
                    "{source_id} is scored twice on {:?} (first in row {}); expected one row per source and criterion",
                    criterion.title(Lang::En),
                    first + 1
                ),
            );
            continue;
        }
        if score.is_empty() {
            continue;
        }
        rows.push((
            row,
            ScoreRow {
                country,
                source_id,
                score,
            },
        ));
    }
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The criterion of a row of the scores sheet; a problem when it is given but unknown
/// (`criteria` lists the known ones).
fn read_criterion(
    sheet: &Sheet<'_>,
    row: u32,
    criteria: &str,
    problems: &mut Vec<Problem>,
) -> Option<Criterion> {
    let criterion_text = sheet.required_text(row, Field::Criterion, "criterion", problems);
    if criterion_text.is_empty() {
        return None;
    }
    let parsed = Criterion::parse(&criterion_text);
    if parsed.is_none() {
        sheet.problem(
            problems,
            row,
            Field::Criterion,
            format!("unknown criterion {criterion_text:?}; expected one of: {criteria}"),
        );
    }
    parsed
}

/// The suggestion kept in the row's hidden data cell; a problem when the cell is damaged.
fn read_suggestion(sheet: &Sheet<'_>, row: u32, problems: &mut Vec<Problem>) -> Option<Suggestion> {
    let data = sheet.text(row, Field::SuggestionData, problems);
    if data.is_empty() {
        return None;
    }
    match serde_json::from_str::<Suggestion>(&data) {
        Ok(suggestion) => Some(suggestion),
        Err(e) => {
            sheet.problem(
                problems,
                row,
                Field::SuggestionData,
                format!("the hidden suggestion data are damaged ({e}); expected them as migreview wrote them, or an empty cell"),
            );
            None
        }
    }
}

/// A problem when a score differs from its suggestion and gives no reason.
fn require_reason(
    sheet: &Sheet<'_>,
    row: u32,
    score: &CriterionScore,
    problems: &mut Vec<Problem>,
) {
    if score.needs_reason()
        && let (Some(given), Some(suggestion)) = (score.final_score, &score.suggested)
    {
        sheet.problem(
            problems,
            row,
            Field::Reason,
            format!(
                "a reason is needed: the score {given} differs from the suggested {}",
                suggestion.score
            ),
        );
    }
}

fn build(countries: Vec<CountryRow>, sources: Vec<SourceRow>, scores: Vec<ScoreRow>) -> Assessment {
    let mut assessment = Assessment::new();
    for row in countries {
        assessment.countries.push(CountryAssessment {
            country: row.code,
            sources: Vec::new(),
            synthetic: row.synthetic,
            notes: row.notes,
            review_date: row.review_date,
            ..CountryAssessment::new("")
        });
    }
    for row in sources {
        if assessment.country(&row.country).is_none() {
            assessment
                .countries
                .push(CountryAssessment::new(&row.country));
        }
        if let Some(country) = assessment.country_mut(&row.country) {
            country.sources.push(row.source);
        }
    }
    for row in scores {
        if let Some(source) = assessment
            .country_mut(&row.country)
            .and_then(|c| c.source_mut(&row.source_id))
        {
            source.scores.push(row.score);
        }
    }
    assessment.normalise();
    assessment
}
