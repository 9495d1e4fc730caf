//! Writes the questionnaire workbook.

use super::{
    COUNTRIES_SHEET, COUNTRY_COLUMNS, Column, Field, INSTRUCTIONS_SHEET, LISTS_SHEET,
    QuestionnaireOptions, SCORE_COLUMNS, SCORES_SHEET, SOURCE_COLUMNS, SOURCES_SHEET,
};
use crate::assess::choices::{
    Answer, Choice, DurationBasis, GroupCoverage, ObligationRule, Periodicity, Publication,
    SourceKind,
};
use crate::assess::model::{AssessError, Assessment, CountryAssessment, DataSource, TableFeed};
use crate::assess::rubric::{Criterion, Score, dimension_label};
use crate::model::Lang;
use crate::t;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, Formula, Workbook, Worksheet,
    XlsxError,
};
use std::path::Path;

/// Rows prepared with pick lists and checks beyond the prefilled ones, for new entries.
const SPARE_ROWS: u32 = 200;

/// A cell to write.
enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

fn text(value: &str) -> Cell {
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value.to_string())
    }
}

fn number<T: Into<f64>>(value: Option<T>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Number(v.into()))
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        t!(lang, "questionnaire-yes")
    } else {
        t!(lang, "questionnaire-no")
    }
}

/// The pick lists, one column each on the hidden `Lists` sheet.
fn lists(lang: Lang) -> Vec<(Field, Vec<&'static str>)> {
    vec![
        (Field::Kind, SourceKind::labels(lang)),
        (Field::Periodicity, Periodicity::labels(lang)),
        (Field::GroupsCovered, GroupCoverage::labels(lang)),
        (Field::DurationBasis, DurationBasis::labels(lang)),
        (Field::Registration, ObligationRule::labels(lang)),
        (Field::Publication, Publication::labels(lang)),
        (Field::AdministrativeCorrections, Answer::labels(lang)),
        (Field::Criterion, Criterion::labels(lang)),
        (
            Field::Synthetic,
            vec![yes_no(true, lang), yes_no(false, lang)],
        ),
    ]
}

/// Writes the questionnaire, prefilled with the chosen countries of the assessment.
pub fn write_questionnaire(
    assessment: &Assessment,
    options: &QuestionnaireOptions,
) -> Result<Vec<u8>, AssessError> {
    build(assessment, options)
        .and_then(|mut workbook| workbook.save_to_buffer())
        .map_err(|e| AssessError::Xlsx(e.to_string()))
}

/// Writes the questionnaire to a file, atomically.
pub fn save_questionnaire(
    path: &Path,
    assessment: &Assessment,
    options: &QuestionnaireOptions,
) -> Result<(), AssessError> {
    let bytes = write_questionnaire(assessment, options)?;
    crate::save::write_atomically(path, &bytes).map_err(|e| AssessError::Io {
        path: path.display().to_string(),
        message: format!("cannot write the questionnaire: {e}"),
    })
}

fn selected<'a>(
    assessment: &'a Assessment,
    options: &QuestionnaireOptions,
) -> Vec<std::borrow::Cow<'a, CountryAssessment>> {
    if options.countries.is_empty() {
        return assessment
            .countries
            .iter()
            .map(std::borrow::Cow::Borrowed)
            .collect();
    }
    options
        .countries
        .iter()
        .map(|code| match assessment.country(code) {
            Some(country) => std::borrow::Cow::Borrowed(country),
            // A country not assessed yet: a row for it, sources to be filled in.
            None => std::borrow::Cow::Owned(CountryAssessment::new(code)),
        })
        .collect()
}

fn build(assessment: &Assessment, options: &QuestionnaireOptions) -> Result<Workbook, XlsxError> {
    let lang = options.lang;
    let countries = selected(assessment, options);
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7));
    let info = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_font_color(Color::RGB(0x595959))
        .set_background_color(Color::RGB(0xEDEDED));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    instructions(workbook.add_worksheet(), &header, &wrap)?;

    // Countries
    let sheet = workbook.add_worksheet();
    sheet.set_name(COUNTRIES_SHEET)?;
    headers(sheet, &COUNTRY_COLUMNS, lang, &header)?;
    for (i, country) in countries.iter().enumerate() {
        let row = i as u32 + 1;
        let cells = [
            text(&country.country),
            text(yes_no(country.synthetic, lang)),
            text(&country.notes),
            country
                .review_date
                .map_or(Cell::Empty, |date| Cell::Text(date.to_string())),
        ];
        write_row(sheet, row, &COUNTRY_COLUMNS, cells, &wrap, &info)?;
    }
    let last = countries.len() as u32 + SPARE_ROWS;
    validate(sheet, &COUNTRY_COLUMNS, last, lang)?;

    // Sources
    let sources: Vec<(&str, &DataSource)> = countries
        .iter()
        .flat_map(|c| c.sources.iter().map(move |s| (c.country.as_str(), s)))
        .collect();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SOURCES_SHEET)?;
    headers(sheet, &SOURCE_COLUMNS, lang, &header)?;
    for (i, (country, source)) in sources.iter().enumerate() {
        let cells = SOURCE_COLUMNS.map(|column| source_cell(column.field, country, source, lang));
        write_row(sheet, i as u32 + 1, &SOURCE_COLUMNS, cells, &wrap, &info)?;
    }
    validate(
        sheet,
        &SOURCE_COLUMNS,
        sources.len() as u32 + SPARE_ROWS,
        lang,
    )?;

    // Scores: every criterion of every source, so that none is forgotten.
    let sheet = workbook.add_worksheet();
    sheet.set_name(SCORES_SHEET)?;
    headers(sheet, &SCORE_COLUMNS, lang, &header)?;
    let mut row = 1;
    for (country, source) in &sources {
        for criterion in Criterion::ALL {
            let cells = SCORE_COLUMNS
                .map(|column| score_cell(column.field, country, source, criterion, lang));
            write_row(sheet, row, &SCORE_COLUMNS, cells, &wrap, &info)?;
            row += 1;
        }
    }
    validate(sheet, &SCORE_COLUMNS, row + SPARE_ROWS * 10, lang)?;
    if let Some(col) = SCORE_COLUMNS
        .iter()
        .position(|c| c.field == Field::SuggestionData)
    {
        sheet.set_column_hidden(col as u16)?;
    }

    // The pick lists.
    let sheet = workbook.add_worksheet();
    sheet.set_name(LISTS_SHEET)?;
    for (col, (_, values)) in lists(lang).into_iter().enumerate() {
        for (row, value) in values.into_iter().enumerate() {
            sheet.write_string(row as u32, col as u16, value)?;
        }
    }
    sheet.set_hidden(true);
    Ok(workbook)
}

fn headers(
    sheet: &mut Worksheet,
    columns: &[Column],
    lang: Lang,
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.header(lang), format)?;
        sheet.set_column_width(col, column.width)?;
    }
    sheet.set_row_height(0, 45)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_row<const N: usize>(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[Column; N],
    cells: [Cell; N],
    wrap: &Format,
    info: &Format,
) -> Result<(), XlsxError> {
    for (col, (column, cell)) in columns.iter().zip(cells).enumerate() {
        let col = col as u16;
        let format = if column.info_only { info } else { wrap };
        match cell {
            Cell::Text(value) => {
                sheet.write_string_with_format(row, col, value, format)?;
            }
            Cell::Number(value) => {
                sheet.write_number_with_format(row, col, value, format)?;
            }
            Cell::Empty if column.info_only => {
                sheet.write_blank(row, col, format)?;
            }
            Cell::Empty => {}
        }
    }
    Ok(())
}

fn source_cell(field: Field, country: &str, source: &DataSource, lang: Lang) -> Cell {
    match field {
        Field::Country => text(country),
        Field::SourceId => text(&source.id),
        Field::Name => text(&source.name),
        Field::Kind => text(source.kind.label(lang)),
        Field::Agency => text(&source.agency),
        Field::Measures => text(&source.measures),
        Field::Feeds => text(&TableFeed::format_list(&source.feeds)),
        Field::Periodicity => text(source.periodicity.label(lang)),
        Field::ReleaseLag => number(source.release_lag_months),
        Field::PopulationCovered => text(&source.population_covered),
        Field::GroupsCovered => text(source.groups_covered.label(lang)),
        Field::DurationRule => number(source.duration_rule_months),
        Field::DurationBasis => text(source.duration_basis.label(lang)),
        Field::Registration => text(source.registration_obligation.rule.label(lang)),
        Field::RegistrationDays => number(source.registration_obligation.time_limit_days),
        Field::RegistrationNote => text(&source.registration_obligation.note),
        Field::Deregistration => text(source.deregistration_obligation.rule.label(lang)),
        Field::DeregistrationDays => number(source.deregistration_obligation.time_limit_days),
        Field::DeregistrationNote => text(&source.deregistration_obligation.note),
        Field::DeregistrationThirdCountry => text(source.deregistration_third_country.label(lang)),
        Field::ThirdCountryMonitoring => text(source.third_country_monitoring.label(lang)),
        Field::AdministrativeCorrections => text(source.administrative_corrections.label(lang)),
        Field::Publication => text(source.publication.label(lang)),
        Field::Notes => text(&source.notes),
        _ => Cell::Empty,
    }
}

fn score_cell(
    field: Field,
    country: &str,
    source: &DataSource,
    criterion: Criterion,
    lang: Lang,
) -> Cell {
    let score = source.score(criterion);
    let suggestion = score.and_then(|s| s.suggested.as_ref());
    match field {
        Field::Country => text(country),
        Field::SourceId => text(&source.id),
        Field::Criterion => text(criterion.title(lang)),
        Field::SuggestedScore => number(suggestion.map(|s| s.score.get())),
        Field::SuggestedWhy => text(suggestion.map_or("", |s| s.evidence(lang))),
        Field::Score => number(score.and_then(|s| s.final_score).map(Score::get)),
        Field::Reason => text(score.map_or("", |s| s.reason.as_str())),
        Field::Evidence => text(score.map_or("", |s| s.evidence.as_str())),
        Field::SuggestionData => match suggestion.map(serde_json::to_string) {
            Some(Ok(json)) => Cell::Text(json),
            _ => Cell::Empty,
        },
        _ => Cell::Empty,
    }
}

/// Pick lists and number checks on the rows of a sheet.
fn validate(
    sheet: &mut Worksheet,
    columns: &[Column],
    last_row: u32,
    lang: Lang,
) -> Result<(), XlsxError> {
    let lists = lists(lang);
    let (title, message) = (
        t!(lang, "questionnaire-not-accepted"),
        t!(lang, "questionnaire-pick-from-list"),
    );
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        let list_field = match column.field {
            Field::Deregistration => Field::Registration,
            Field::DeregistrationThirdCountry | Field::ThirdCountryMonitoring => {
                Field::AdministrativeCorrections
            }
            other => other,
        };
        let validation = if let Some(position) = lists.iter().position(|(f, _)| *f == list_field) {
            let letter = (b'A' + position as u8) as char;
            let rows = lists[position].1.len();
            DataValidation::new()
                .allow_list_formula(Formula::new(format!(
                    "={LISTS_SHEET}!${letter}$1:${letter}${rows}"
                )))
                .set_error_title(title)?
                .set_error_message(message)?
        } else {
            let (max, says) = match column.field {
                Field::Score => (i32::from(Score::MAX), t!(lang, "questionnaire-score-range")),
                Field::ReleaseLag => (600, t!(lang, "questionnaire-lag-range")),
                Field::DurationRule => (60, t!(lang, "questionnaire-duration-range")),
                Field::RegistrationDays | Field::DeregistrationDays => {
                    (3650, t!(lang, "questionnaire-days-range"))
                }
                _ => continue,
            };
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(0, max))
                .set_error_title(title)?
                .set_error_message(says)?
        };
        let validation = validation
            .set_input_title(truncate(column.header(lang), 32))?
            .set_input_message(truncate(column.help(lang), 255))?;
        sheet.add_data_validation(1, col, last_row, col, &validation)?;
    }
    Ok(())
}

fn truncate(text: &str, max: usize) -> String {
    // Excel counts UTF-16 units; every character used here is one unit.
    text.chars().take(max).collect()
}

/// The lines of the instructions sheet, the first its title.
const INSTRUCTIONS: &[&str] = &[
    "questionnaire-instructions-title",
    "questionnaire-instructions-about",
    "questionnaire-instructions-countries",
    "questionnaire-instructions-sources",
    "questionnaire-instructions-scores",
    "questionnaire-instructions-layout",
    "questionnaire-instructions-tables",
    "questionnaire-instructions-duration",
];

fn instructions(sheet: &mut Worksheet, header: &Format, wrap: &Format) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_column_width(0, 34)?;
    for col in 1..=5 {
        sheet.set_column_width(col, 36)?;
    }
    let title = Format::new().set_bold().set_font_size(14);
    let mut row = 0u32;
    for lang in Lang::ALL {
        for (i, id) in INSTRUCTIONS.iter().enumerate() {
            let line = crate::i18n::text(lang, id);
            if i == 0 {
                sheet.write_string_with_format(row, 0, line, &title)?;
            } else {
                sheet.merge_range(row, 0, row, 5, line, wrap)?;
                sheet.set_row_height(row, 30)?;
            }
            row += 1;
        }
        row += 1;
        let (criterion, dimension, question) = (
            t!(lang, "questionnaire-criterion"),
            t!(lang, "questionnaire-dimension"),
            t!(lang, "questionnaire-question"),
        );
        sheet.write_string_with_format(row, 0, criterion, header)?;
        sheet.write_string_with_format(row, 1, dimension, header)?;
        sheet.write_string_with_format(row, 2, question, header)?;
        for (i, score) in Score::all().into_iter().rev().enumerate() {
            sheet.write_string_with_format(row, 3 + i as u16, score.to_string(), header)?;
        }
        row += 1;
        for criterion in Criterion::ALL {
            sheet.write_string_with_format(row, 0, criterion.title(lang), wrap)?;
            sheet.write_string_with_format(
                row,
                1,
                dimension_label(criterion.dimension(), lang),
                wrap,
            )?;
            sheet.write_string_with_format(row, 2, criterion.question(lang), wrap)?;
            for (i, score) in Score::all().into_iter().rev().enumerate() {
                sheet.write_string_with_format(
                    row,
                    3 + i as u16,
                    criterion.level(score, lang),
                    wrap,
                )?;
            }
            row += 1;
        }
        row += 1;
        let (column_word, meaning) = (
            t!(lang, "questionnaire-column"),
            t!(lang, "questionnaire-meaning"),
        );
        for (sheet_name, columns) in [
            (SOURCES_SHEET, &SOURCE_COLUMNS[..]),
            (SCORES_SHEET, &SCORE_COLUMNS[..]),
        ] {
            sheet.write_string_with_format(
                row,
                0,
                format!("{sheet_name}: {column_word}"),
                header,
            )?;
            sheet.write_string_with_format(row, 1, meaning, header)?;
            row += 1;
            for column in columns {
                sheet.write_string_with_format(row, 0, column.header(lang), wrap)?;
                sheet.merge_range(row, 1, row, 5, column.help(lang), wrap)?;
                row += 1;
            }
            row += 1;
        }
        row += 1;
    }
    sheet.set_active(true);
    Ok(())
}
