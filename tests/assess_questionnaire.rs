//! The questionnaire: written, filled in, read back; bad input is refused with the sheet, the
//! cell and what was expected, and nothing of it is imported.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::assess::questionnaire::{
    COUNTRY_COLUMNS, Column, QuestionnaireOptions, SCORE_COLUMNS, SOURCE_COLUMNS,
    read_questionnaire, write_questionnaire,
};
use migreview::assess::{
    Answer, Assessment, CountryAssessment, Criterion, DataSource, DurationBasis, GroupCoverage,
    Obligation, ObligationRule, Periodicity, Publication, Score, SourceKind, Suggestion, TableFeed,
};
use migreview::model::{Lang, TableId};
use migreview::sample::sample_assessment;
use rust_xlsxwriter::Workbook;

/// A cell as an office types it.
#[derive(Clone)]
enum Cell {
    Text(&'static str),
    Number(f64),
    Empty,
}
use Cell::{Empty, Number, Text};

/// A sheet: its name, its columns and its rows below the header.
type Sheet<'a> = (&'a str, &'a [Column], Vec<Vec<Cell>>);

/// A workbook with the given sheets: the header row from the columns, then the rows.
fn workbook(sheets: &[Sheet<'_>], lang: Lang) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, columns, rows) in sheets {
        let sheet = book.add_worksheet();
        assert!(sheet.set_name(*name).is_ok());
        for (col, column) in columns.iter().enumerate() {
            assert!(
                sheet
                    .write_string(0, col as u16, column.header(lang))
                    .is_ok()
            );
        }
        for (r, row) in rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                let (r, col) = (r as u32 + 1, col as u16);
                let written = match cell {
                    Text(text) => sheet.write_string(r, col, *text).map(|_| ()),
                    Number(n) => sheet.write_number(r, col, *n).map(|_| ()),
                    Empty => Ok(()),
                };
                assert!(written.is_ok());
            }
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn source_row(name: &'static str, kind: &'static str, feeds: &'static str) -> Vec<Cell> {
    let mut row = vec![Empty; SOURCE_COLUMNS.len()];
    row[0] = Text("KAZ");
    row[1] = Text("KAZ-REG");
    row[2] = if name.is_empty() { Empty } else { Text(name) };
    row[3] = Text(kind);
    row[6] = Text(feeds);
    row
}

fn score_row(criterion: &'static str, score: Cell) -> Vec<Cell> {
    vec![
        Text("KAZ"),
        Text("KAZ-REG"),
        Text(criterion),
        Empty,
        Empty,
        score,
        Empty,
        Text("as stated by the office"),
        Empty,
    ]
}

fn sheets(sources: Vec<Vec<Cell>>, scores: Vec<Vec<Cell>>) -> Vec<u8> {
    workbook(
        &[
            (
                "Countries",
                &COUNTRY_COLUMNS,
                vec![vec![Text("KAZ"), Text("no"), Empty]],
            ),
            ("Sources", &SOURCE_COLUMNS, sources),
            ("Scores", &SCORE_COLUMNS, scores),
        ],
        Lang::En,
    )
}

fn problems(bytes: &[u8]) -> Vec<String> {
    match read_questionnaire(bytes) {
        Ok(imported) => panic!("expected the import to fail, got {:?}", imported.assessment),
        Err(error) => error.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn score(n: u8) -> Score {
    Score::new(n).unwrap_or_else(|| unreachable!())
}

/// The sample assessment as a questionnaire carries it: the inventory and the scores, without
/// the institutions and the sources' links to them (which an import keeps, see
/// `an_import_keeps_the_institutions_the_assessment_has`).
fn questionnaire_part() -> migreview::assess::Assessment {
    let mut sample = sample_assessment().unwrap_or_default();
    for country in &mut sample.countries {
        country.institutions.clear();
        for source in &mut country.sources {
            source.producer = None;
            source.holders.clear();
        }
    }
    sample
}

#[test]
fn the_sample_assessment_survives_a_round_trip_in_both_languages() {
    let sample = questionnaire_part();
    assert_eq!(sample.countries.len(), 5);
    for lang in [Lang::En, Lang::Ru] {
        let options = QuestionnaireOptions {
            countries: Vec::new(),
            lang,
        };
        let bytes = write_questionnaire(&sample, &options).unwrap_or_default();
        let imported = read_questionnaire(&bytes).map(|i| i.assessment);
        assert_eq!(imported.as_ref().err(), None);
        assert_eq!(imported.ok().as_ref(), Some(&sample), "language {lang:?}");
    }
}

#[test]
fn one_country_is_written_alone_and_a_new_country_gets_an_empty_row() {
    let sample = questionnaire_part();
    let options = QuestionnaireOptions {
        countries: vec!["KGZ".into(), "ARM".into()],
        lang: Lang::Ru,
    };
    let bytes = write_questionnaire(&sample, &options).unwrap_or_default();
    let imported = read_questionnaire(&bytes)
        .map(|i| i.assessment)
        .unwrap_or_default();
    let codes: Vec<&str> = imported
        .countries
        .iter()
        .map(|c| c.country.as_str())
        .collect();
    assert_eq!(codes, vec!["KGZ", "ARM"]);
    assert_eq!(imported.country("KGZ"), sample.country("KGZ"));
    assert_eq!(
        imported.country("ARM"),
        Some(&CountryAssessment::new("ARM"))
    );
}

/// What an office types into the Russian template, and what migreview makes of it.
#[test]
fn a_questionnaire_filled_in_by_an_office_is_read_into_the_assessment() {
    let mut source = vec![Empty; SOURCE_COLUMNS.len()];
    let typed: [(usize, Cell); 22] = [
        (0, Text("Казахстан")),
        (1, Text("KAZ-REG")),
        (2, Text("Регистрация по месту жительства")),
        (3, Text("Регистрация населения по месту жительства")),
        (4, Text("МВД; Агентство по статистике")),
        (5, Text("Прибытия и выбытия")),
        (6, Text("3 (2008–2012); 4 (2008-2012); 5.1")),
        (7, Text("Непрерывный учёт, публикация не реже раза в год")),
        (8, Number(5.0)),
        (9, Text("Граждане и иностранцы с видом на жительство")),
        (10, Text("Граждане и часть иностранцев")),
        (11, Number(60.0)),
        (12, Text("Фактическое пребывание")),
        (13, Text("Обязательна, соблюдение контролируется")),
        (14, Number(10.0)),
        (16, Text("Обязанности нет")),
        (18, Text("Трудовые мигранты не снимаются с учёта")),
        // Third-country nationals must de-register (yes), their monitoring is left empty
        // (unknown), administrative corrections: no.
        (19, Text("Да")),
        (21, Text("нет")),
        (22, Text("Таблицы с примечаниями")),
        (23, Text("Пример")),
        (15, Empty),
    ];
    for (col, cell) in typed {
        source[col] = cell;
    }
    let scores = vec![
        vec![
            Text("KAZ"),
            Text("KAZ-REG"),
            Text("Определение мигранта"),
            Empty,
            Empty,
            Number(0.0),
            Empty,
            Text("Только постоянное место жительства"),
        ],
        vec![
            Text("KAZ"),
            Text("KAZ-REG"),
            Text("Полнота учёта эмиграции"),
            Empty,
            Empty,
            Text("1"),
            Empty,
            Empty,
        ],
        // A row left as the template wrote it: not scored, nothing written.
        vec![
            Text("KAZ"),
            Text("KAZ-REG"),
            Text("Доступность"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
    ];
    let bytes = workbook(
        &[
            (
                "Страны",
                &COUNTRY_COLUMNS,
                vec![vec![Text("KAZ"), Text("нет"), Text("Обзор системы")]],
            ),
            ("Источники", &SOURCE_COLUMNS, vec![source]),
            ("Оценки", &SCORE_COLUMNS, scores),
        ],
        Lang::Ru,
    );
    let imported = read_questionnaire(&bytes).map(|i| i.assessment);
    assert_eq!(imported.as_ref().err(), None);

    let mut expected_source = DataSource::new(
        "KAZ-REG",
        "Регистрация по месту жительства",
        SourceKind::PopulationRegister,
    );
    expected_source.agency = "МВД; Агентство по статистике".into();
    expected_source.measures = "Прибытия и выбытия".into();
    expected_source.feeds = vec![
        TableFeed::new(TableId::T3, Some([2008, 2012])),
        TableFeed::new(TableId::T4, Some([2008, 2012])),
        TableFeed::new(TableId::T5_1, None),
    ];
    expected_source.periodicity = Periodicity::Continuous;
    expected_source.release_lag_months = Some(5);
    expected_source.population_covered = "Граждане и иностранцы с видом на жительство".into();
    expected_source.groups_covered = GroupCoverage::ForeignersPartly;
    expected_source.duration_rule_months = Some(60);
    expected_source.duration_basis = DurationBasis::Actual;
    expected_source.registration_obligation = Obligation {
        rule: ObligationRule::Enforced,
        time_limit_days: Some(10),
        note: String::new(),
    };
    expected_source.deregistration_obligation = Obligation {
        rule: ObligationRule::NoObligation,
        time_limit_days: None,
        note: "Трудовые мигранты не снимаются с учёта".into(),
    };
    expected_source.deregistration_third_country = Answer::Yes;
    expected_source.third_country_monitoring = Answer::Unknown;
    expected_source.administrative_corrections = Answer::No;
    expected_source.publication = Publication::TablesWithNotes;
    expected_source.notes = "Пример".into();
    assert!(
        expected_source
            .set_final(Criterion::Definition, score(0), "")
            .is_ok()
    );
    expected_source.set_evidence(Criterion::Definition, "Только постоянное место жительства");
    assert!(
        expected_source
            .set_final(Criterion::EmigrationCapture, score(1), "")
            .is_ok()
    );
    let mut expected = Assessment::new();
    let mut kaz = CountryAssessment::new("KAZ");
    kaz.notes = "Обзор системы".into();
    assert!(kaz.add_source(expected_source).is_ok());
    expected.countries.push(kaz);
    assert_eq!(imported.as_ref().ok(), Some(&expected));

    // And that assessment, written and read again, stays the same.
    let again = write_questionnaire(&expected, &QuestionnaireOptions::default())
        .ok()
        .and_then(|bytes| read_questionnaire(&bytes).ok())
        .map(|i| i.assessment);
    assert_eq!(again, Some(expected));
}

#[test]
fn overrides_and_reasons_survive_the_questionnaire() {
    let mut assessment = Assessment::new();
    let mut source = DataSource::new("KAZ-REG", "Register", SourceKind::PopulationRegister);
    source.set_suggestions(vec![Suggestion {
        criterion: Criterion::Timeliness,
        score: score(3),
        evidence_en: "Released 5 months after the end of the year.".into(),
        evidence_ru: "Публикуется через 5 мес.".into(),
        refs: vec![migreview::assess::EvidenceRef::ReleaseLag { months: 5 }],
    }]);
    assert!(
        source
            .set_final(
                Criterion::Timeliness,
                score(1),
                "the 2012 tables came out in 2014"
            )
            .is_ok()
    );
    let mut kaz = CountryAssessment::new("KAZ");
    assert!(kaz.add_source(source).is_ok());
    assessment.countries.push(kaz);
    let bytes =
        write_questionnaire(&assessment, &QuestionnaireOptions::default()).unwrap_or_default();
    let back = read_questionnaire(&bytes)
        .map(|i| i.assessment)
        .unwrap_or_default();
    let entry = back
        .country("KAZ")
        .and_then(|c| c.source("KAZ-REG"))
        .and_then(|s| s.score(Criterion::Timeliness))
        .cloned()
        .unwrap_or_else(|| unreachable!());
    assert_eq!(entry.final_score, Some(score(1)));
    assert!(entry.overridden);
    assert_eq!(entry.reason, "the 2012 tables came out in 2014");
    assert_eq!(entry.suggested.map(|s| s.score), Some(score(3)));
    assert_eq!(back, assessment);
}

#[test]
fn a_workbook_without_the_questionnaire_sheets_is_refused() {
    let bytes = workbook(&[("Table 3", &SOURCE_COLUMNS, Vec::new())], Lang::En);
    let found = problems(&bytes);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found.contains(&"sheet Sources: the workbook has no sheet \"Sources\" (its sheets: Table 3); expected a migreview questionnaire with the sheets Instructions, Countries, Sources and Scores".to_string()),
        "{found:#?}"
    );
    let not_xlsx = problems(b"table,reporter\n3,KAZ\n");
    assert!(
        not_xlsx[0].starts_with("expected an Excel workbook written as a migreview questionnaire"),
        "{not_xlsx:?}"
    );
}

#[test]
fn a_sheet_with_the_wrong_columns_is_refused() {
    // The scores typed into the Sources sheet.
    let bytes = workbook(
        &[
            ("Countries", &COUNTRY_COLUMNS, Vec::new()),
            (
                "Sources",
                &SCORE_COLUMNS,
                vec![score_row("Timeliness", Number(2.0))],
            ),
            ("Scores", &SCORE_COLUMNS, Vec::new()),
        ],
        Lang::En,
    );
    let found = problems(&bytes);
    assert!(
        found.contains(&"sheet Sources: row 1 has no column \"Source name\" (\"Название источника\"); expected the header row of the questionnaire's Sources sheet".to_string()),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|p| p.contains("\"Type of source\"")),
        "{found:#?}"
    );
}

#[test]
fn a_score_of_7_is_refused_with_its_cell() {
    let bytes = sheets(
        vec![source_row("Register", "Population census", "1.1 (2009)")],
        vec![
            score_row("Timeliness", Number(3.0)),
            score_row("Periodicity", Number(7.0)),
        ],
    );
    assert_eq!(
        problems(&bytes),
        vec!["sheet Scores cell F3: expected a score 0–3 (see the rubric in the sheet Instructions), found 7".to_string()]
    );
    let text = sheets(
        vec![source_row("Register", "Population census", "")],
        vec![score_row("Timeliness", Text("good"))],
    );
    assert_eq!(
        problems(&text),
        vec!["sheet Scores cell F2: expected a score 0–3 (see the rubric in the sheet Instructions), found good".to_string()]
    );
}

#[test]
fn a_missing_source_name_an_unknown_table_and_an_unknown_kind_are_all_reported() {
    let bytes = sheets(
        vec![source_row("", "tax records", "3 (2008–2012); 8 (2010)")],
        vec![score_row("Timeliness", Number(2.0))],
    );
    let found = problems(&bytes);
    assert_eq!(
        found,
        vec![
            "sheet Sources cell C2: missing source name (the name of the data source)".to_string(),
            "sheet Sources cell D2: unknown type of source \"tax records\"; expected one of: Population census, Population register (registration at place of residence), Register of foreigners, residence and work permits, Border or passenger statistics, Household or labour-force survey, Asylum and refugee records, Consular register of citizens abroad, Other (or the Russian label of the list)".to_string(),
            "sheet Sources cell G2: expected a table code (1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 7.2, written with a dot), found \"8\"".to_string(),
        ]
    );
}

#[test]
fn scores_of_unknown_sources_and_overrides_without_reason_are_refused() {
    let mut suggested = score_row("Timeliness", Number(1.0));
    suggested[8] = Text(
        r#"{"criterion":"timeliness","score":3,"evidence_en":"5 months","evidence_ru":"5 мес.","refs":[]}"#,
    );
    let mut stray = score_row("Periodicity", Number(3.0));
    stray[1] = Text("KAZ-CEN");
    let bytes = sheets(
        vec![source_row("Register", "population_register", "3")],
        vec![suggested, stray],
    );
    assert_eq!(
        problems(&bytes),
        vec![
            "sheet Scores cell G2: a reason is needed: the score 1 differs from the suggested 3".to_string(),
            "sheet Scores cell B3: there is no source \"KAZ-CEN\" of KAZ in the sheet Sources; expected the ID of a source listed there".to_string(),
        ]
    );
}

#[test]
fn a_bad_questionnaire_imports_nothing_half_way() {
    let mut assessment = sample_assessment().unwrap_or_default();
    let before = assessment.clone();
    // The first source is fine, the second has no name: neither is taken.
    let mut good = source_row(
        "Register",
        "Population register (registration at place of residence)",
        "3",
    );
    good[1] = Text("KAZ-NEW");
    let bad = source_row("", "Population census", "1.1");
    let bytes = sheets(vec![good, bad], vec![score_row("Timeliness", Number(2.0))]);
    let result = assessment.merge_questionnaire(&bytes);
    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        message,
        "the questionnaire: nothing was imported; 1 problem to fix:\n  sheet Sources cell C3: missing source name (the name of the data source)"
    );
    assert_eq!(assessment, before);
    // Fixed, the same file replaces KAZ and leaves the other countries alone.
    let mut fixed = source_row(
        "Register",
        "Population register (registration at place of residence)",
        "3",
    );
    fixed[1] = Text("KAZ-NEW");
    let mut score = score_row("Timeliness", Number(2.0));
    score[1] = Text("KAZ-NEW");
    let bytes = sheets(vec![fixed], vec![score]);
    assert!(assessment.merge_questionnaire(&bytes).is_ok());
    let ids: Vec<&str> = assessment
        .country("KAZ")
        .map(|c| c.sources.iter().map(|s| s.id.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, vec!["KAZ-NEW"]);
    assert_eq!(assessment.country("RUS"), before.country("RUS"));
}

/// Every sheet of a workbook as rows of cells, as calamine reads them.
fn read_grid(bytes: &[u8]) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .unwrap_or_else(|e| panic!("{e}"));
        let (rows, cols) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        let grid = (0..rows)
            .map(|r| {
                (0..cols)
                    .map(|c| {
                        range
                            .get_value((r, c))
                            .cloned()
                            .unwrap_or(calamine::Data::Empty)
                    })
                    .collect()
            })
            .collect();
        sheets.push((name, grid));
    }
    sheets
}

/// Writes the sheets back, as a spreadsheet program saves an edited file.
fn write_grid(sheets: &[(String, Vec<Vec<calamine::Data>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, grid) in sheets {
        let sheet = book.add_worksheet();
        assert!(sheet.set_name(name).is_ok());
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let written = match cell {
                    calamine::Data::String(s) => sheet.write_string(r, c, s).map(|_| ()),
                    calamine::Data::Float(f) => sheet.write_number(r, c, *f).map(|_| ()),
                    calamine::Data::Int(i) => sheet.write_number(r, c, *i as f64).map(|_| ()),
                    _ => Ok(()),
                };
                assert!(written.is_ok());
            }
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn row_of(grid: &[Vec<calamine::Data>], cells: &[&str]) -> usize {
    grid.iter()
        .position(|row| {
            cells
                .iter()
                .enumerate()
                .all(|(i, want)| matches!(&row[i], calamine::Data::String(s) if s == want))
        })
        .unwrap_or_else(|| panic!("no row {cells:?}"))
}

#[test]
fn an_exported_questionnaire_edited_by_an_office_comes_back_with_the_edits() {
    let sample = questionnaire_part();
    let options = QuestionnaireOptions {
        countries: vec!["KAZ".into()],
        lang: Lang::En,
    };
    let exported = write_questionnaire(&sample, &options).unwrap_or_default();
    let mut sheets = read_grid(&exported);
    let [_, _, sources, scores, _] = &mut sheets[..] else {
        panic!("expected five sheets");
    };
    // The office corrects the release lag of the register (column I)…
    let reg = row_of(&sources.1, &["KAZ", "KAZ-REG"]);
    sources.1[reg][8] = calamine::Data::Float(7.0);
    // …scores the register of foreigners' coverage 2 instead of the suggested 1, with a reason…
    let coverage = row_of(
        &scores.1,
        &["KAZ", "KAZ-FOR", "Coverage of population groups"],
    );
    scores.1[coverage][5] = calamine::Data::Float(2.0);
    scores.1[coverage][6] = calamine::Data::String("permits also cover the family members".into());
    // …and scores a criterion the sample left open.
    let open = row_of(&scores.1, &["KAZ", "KAZ-EST", "Emigration capture"]);
    scores.1[open][5] = calamine::Data::Float(0.0);
    scores.1[open][7] = calamine::Data::String("the census does not count emigrants".into());
    let edited = write_grid(&sheets);

    let mut expected = sample
        .country("KAZ")
        .cloned()
        .unwrap_or_else(|| CountryAssessment::new("KAZ"));
    if let Some(reg) = expected.source_mut("KAZ-REG") {
        reg.release_lag_months = Some(7);
    }
    if let Some(permits) = expected.source_mut("KAZ-FOR") {
        assert!(
            permits
                .set_final(
                    Criterion::Coverage,
                    score(2),
                    "permits also cover the family members"
                )
                .is_ok()
        );
    }
    if let Some(census) = expected.source_mut("KAZ-EST") {
        assert!(
            census
                .set_final(Criterion::EmigrationCapture, score(0), "")
                .is_ok()
        );
        census.set_evidence(
            Criterion::EmigrationCapture,
            "the census does not count emigrants",
        );
    }
    let imported = read_questionnaire(&edited).map(|i| i.assessment.countries);
    assert_eq!(imported.as_ref().err(), None);
    assert_eq!(imported.ok(), Some(vec![expected]));
}

#[test]
fn an_import_keeps_the_institutions_the_assessment_has() {
    let sample = sample_assessment().unwrap_or_default();
    let options = QuestionnaireOptions {
        countries: vec!["KAZ".into()],
        lang: Lang::En,
    };
    let bytes = write_questionnaire(&sample, &options).unwrap_or_default();
    let imported = read_questionnaire(&bytes)
        .map(|i| i.assessment)
        .unwrap_or_default();
    assert!(
        imported
            .country("KAZ")
            .is_some_and(|c| c.institutions.is_empty())
    );
    let mut merged = sample.clone();
    merged.merge(imported);
    assert_eq!(merged.country("KAZ"), sample.country("KAZ"));
    let kaz = merged.country("KAZ").unwrap_or_else(|| unreachable!());
    assert_eq!(kaz.institutions.len(), 4);
    assert_eq!(
        kaz.source("KAZ-REG").and_then(|s| s.producer.as_deref()),
        Some("KAZ-NSO")
    );
}
