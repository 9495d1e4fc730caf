//! Workshop lessons: each lesson's data raise exactly the checks it is about, its texts exist in
//! both languages, and its handouts hold the data without the answers, the answer key the
//! findings of each planted problem, and the exercise sheet a line per problem.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use calamine::{Data, Reader, open_workbook_auto};
use cli_support::migreview;
use migreview::checks::CheckCode;
use migreview::model::{Lang, Sex, TableId};
use migreview::workshop::{LessonText, answers, findings, lesson, lessons};
use std::collections::BTreeSet;

#[test]
fn every_lesson_raises_the_checks_it_is_about_and_no_other() {
    let all = lessons();
    assert_eq!(
        all.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        [
            "totals",
            "duplicates",
            "coherence",
            "balance",
            "series",
            "mirror",
            "unknown",
            "coverage"
        ]
    );
    for lesson in all {
        // The base is clean: whatever the room finds was planted.
        assert_eq!(findings(&lesson.base().dataset()).len(), 0, "{}", lesson.id);
        let planted = findings(&lesson.sample().unwrap().dataset());
        let found: BTreeSet<CheckCode> = planted.iter().map(|f| f.check).collect();
        let expected: BTreeSet<CheckCode> = lesson.expect.iter().copied().collect();
        assert_eq!(found, expected, "{}", lesson.id);
        // Each problem shows alone, and the key's findings are those of the whole lesson.
        let key = answers(lesson, Lang::En).unwrap();
        assert_eq!(key.len(), lesson.faults.len());
        for answer in &key {
            assert!(
                !answer.findings.is_empty(),
                "{}: {:?}",
                lesson.id,
                answer.fault
            );
            assert!(!answer.description.contains('{'), "{}", answer.description);
        }
        for lang in Lang::ALL {
            for text in LessonText::ALL {
                let written = lesson.text(lang, text);
                assert!(
                    !written.is_empty() && written != lesson.text_id(text),
                    "{} {lang:?} {text:?}",
                    lesson.id
                );
            }
        }
        assert_ne!(
            lesson.text(Lang::En, LessonText::Why),
            lesson.text(Lang::Ru, LessonText::Why)
        );
    }
}

#[test]
fn a_planted_problem_is_told_as_a_trainer_reads_it_aloud() {
    let totals = lesson("totals").unwrap();
    let key = answers(totals, Lang::En).unwrap();
    assert_eq!(
        key[0].description,
        "Kyrgyzstan, table 3, Uzbekistan, women, 2016: the value 4,383 was replaced by 5,200."
    );
    let codes: Vec<CheckCode> = key[0].findings.iter().map(|f| f.check).collect();
    assert_eq!(codes, [CheckCode::A1, CheckCode::A3]);
    let ru = answers(totals, Lang::Ru).unwrap();
    assert_eq!(
        ru[0].description,
        "Кыргызстан, таблица 3, Узбекистан, женщины, 2016: значение 4\u{a0}383 заменено на 5\u{a0}200."
    );
}

#[test]
fn the_handouts_hold_the_data_without_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handouts");
    let (status, stdout, err) = migreview(&[
        "workshop",
        "export",
        "--lesson",
        "totals",
        "--lang",
        "ru",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("записано 4 файла"), "{err}");
    let names: Vec<String> = stdout
        .lines()
        .map(|l| {
            std::path::Path::new(l)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "KGZ.xlsx",
            "answer_key_totals_ru.xlsx",
            "exercise_totals_ru.html",
            "exercise_totals_ru.docx"
        ]
    );

    // The learner's workbook, read back as a user opens it: the planted value sits in its
    // cell, the checks find what the lesson expects, and no sheet or cell tells the answer.
    let workbook = out.join("KGZ.xlsx");
    let control = migreview::load::LoadControl::new();
    let (data, _) = migreview::load::load_file(&workbook, &Default::default(), &control).unwrap();
    let uzbek_women = data
        .obs()
        .iter()
        .find(|o| {
            o.table == TableId::T3
                && o.year == 2016
                && o.sex == Sex::F
                && data.str(o.category) == "UZB"
                && data.str(o.age) == "TOTAL"
        })
        .unwrap();
    assert_eq!(uzbek_women.value, 5200.0);
    let codes: BTreeSet<CheckCode> = findings(&data).iter().map(|f| f.check).collect();
    assert_eq!(
        codes,
        [CheckCode::A1, CheckCode::A3, CheckCode::C4]
            .into_iter()
            .collect()
    );
    let mut book = open_workbook_auto(&workbook).unwrap();
    for sheet in book.sheet_names() {
        assert!(
            sheet.starts_with("Table ")
                || sheet == "Metadata"
                || sheet == "POP"
                || sheet == "BIRTHS"
                || sheet == "DEATHS",
            "{sheet}"
        );
        let range = book.worksheet_range(&sheet).unwrap();
        for cell in range.used_cells() {
            if let Data::String(text) = cell.2 {
                assert!(
                    !text.contains("5\u{a0}200") && !text.contains("заменено"),
                    "{text}"
                );
            }
        }
    }

    // The answer key: a row per finding of each problem, the problem told on its first row.
    let mut key = open_workbook_auto(out.join("answer_key_totals_ru.xlsx")).unwrap();
    let range = key.worksheet_range("Ключ ответов").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .skip(4)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let checks: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(checks, ["A1", "A3", "A1", "A3", "C4"]);
    assert!(
        rows[0][1].ends_with("значение 4\u{a0}383 заменено на 5\u{a0}200."),
        "{:?}",
        rows[0]
    );
    assert_eq!(rows[1][1], "");
    assert_eq!(rows[0][3], "KGZ.xlsx › Table 3 › F17");
    assert!(rows[0][4].contains("женщины 5\u{a0}200"), "{:?}", rows[0]);

    // The exercise sheet: the lesson's title and why it matters, a line per problem to fill in.
    let html = std::fs::read_to_string(out.join("exercise_totals_ru.html")).unwrap();
    assert!(html.contains("<h1>Итоги, которые не сходятся</h1>"));
    assert!(html.contains("заложены 2 ошибки"));
    assert_eq!(html.matches("<tr><td>").count(), 2);
    assert!(!html.contains("5\u{a0}200"), "no answer on the sheet");
}

#[test]
fn an_unknown_lesson_is_refused_with_the_list() {
    let (status, _, err) = migreview(&["workshop", "export", "--lesson", "sums", "--out", "x"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("expected a lesson of totals, duplicates, coherence, balance, series, mirror, unknown, coverage; found \"sums\""),
        "{err}"
    );
    let (status, out, _) = migreview(&["workshop", "list"]);
    assert_eq!(status, 0);
    assert_eq!(out.lines().count(), 8);
    assert!(
        out.starts_with("totals       Totals that do not add up\n"),
        "{out}"
    );
}
