//! The catalogue of texts (`assets/i18n/{en,ru}/*.ftl`): it parses without error, both
//! languages define the same messages with the same values, our resolver writes what Fluent's
//! own (`fluent-bundle`) writes, Russian plurals take their three forms, and every message the
//! sources name exists with exactly the values they give — and none is left unused.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use migreview::i18n::{Arg, Catalogue, Lang, catalogue};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_catalogue_parses_without_error() {
    let (_, errors) = Catalogue::build();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn both_languages_define_the_same_messages_with_the_same_values() {
    let c = catalogue();
    let en: BTreeSet<_> = c.ids(Lang::En).into_iter().collect();
    let ru: BTreeSet<_> = c.ids(Lang::Ru).into_iter().collect();
    let only_en: Vec<_> = en.difference(&ru).collect();
    let only_ru: Vec<_> = ru.difference(&en).collect();
    assert!(
        only_en.is_empty(),
        "not translated into Russian: {only_en:?}"
    );
    assert!(only_ru.is_empty(), "only in Russian: {only_ru:?}");
    for id in &en {
        assert_eq!(
            c.variables(Lang::En, id),
            c.variables(Lang::Ru, id),
            "`{id}`: the languages take different values"
        );
        for lang in Lang::ALL {
            let text = c.format(lang, id, &[]);
            assert!(
                !text.trim().is_empty() || id.ends_with("-empty"),
                "`{id}` ({lang:?}) is empty"
            );
        }
    }
}

/// Every `.ftl` file, by language.
fn ftl_files(lang: Lang) -> Vec<(String, String)> {
    let dir = root().join("assets/i18n").join(lang.code());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_file_of_the_catalogue_is_read() {
    for lang in Lang::ALL {
        let in_catalogue: BTreeSet<&str> = catalogue().ids(lang).into_iter().collect();
        for (name, text) in ftl_files(lang) {
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" = ") else {
                    continue;
                };
                if id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    assert!(
                        in_catalogue.contains(id),
                        "{}/{name}: `{id}` is not in the catalogue: is the file in FILES \
                         (src/i18n/catalogue.rs)?",
                        lang.code()
                    );
                }
            }
        }
    }
}

#[test]
fn our_resolver_writes_what_fluent_writes() {
    let c = catalogue();
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        for (_, text) in ftl_files(lang) {
            bundle
                .add_resource(FluentResource::try_new(text).unwrap())
                .unwrap();
        }
        for id in c.ids(lang) {
            let variables = c.variables(lang, id).unwrap();
            // Counts below 1,000 are written alike with and without digit grouping.
            for n in [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111] {
                let ours: Vec<(&str, Arg)> = variables
                    .iter()
                    .map(|v| (*v, Arg::Count(n as f64)))
                    .collect();
                let mut theirs = FluentArgs::new();
                for v in &variables {
                    theirs.set(*v, FluentValue::from(n));
                }
                let message = bundle.get_message(id).unwrap();
                let mut errors = vec![];
                let expected =
                    bundle.format_pattern(message.value().unwrap(), Some(&theirs), &mut errors);
                assert!(errors.is_empty(), "`{id}`: {errors:?}");
                assert_eq!(
                    c.format(lang, id, &ours),
                    expected,
                    "`{id}` ({lang:?}) with {n}"
                );
            }
            let ours: Vec<(&str, Arg)> = variables.iter().map(|v| (*v, Arg::from("«x»"))).collect();
            let mut theirs = FluentArgs::new();
            for v in &variables {
                theirs.set(*v, FluentValue::from("«x»"));
            }
            let message = bundle.get_message(id).unwrap();
            let mut errors = vec![];
            let expected =
                bundle.format_pattern(message.value().unwrap(), Some(&theirs), &mut errors);
            assert_eq!(
                c.format(lang, id, &ours),
                expected,
                "`{id}` ({lang:?}) with text"
            );
        }
    }
}

#[test]
fn counts_are_grouped_and_choose_the_plural_form() {
    let c = catalogue();
    let summary = |lang, n: f64| {
        c.format(
            lang,
            "status-summary",
            &[
                ("observations", Arg::Count(n)),
                ("reporters", Arg::Count(n)),
                ("findings", Arg::Count(n)),
            ],
        )
    };
    assert_eq!(
        summary(Lang::Ru, 1.0),
        "1 наблюдение · 1 страна · 1 замечание"
    );
    assert_eq!(
        summary(Lang::Ru, 3.0),
        "3 наблюдения · 3 страны · 3 замечания"
    );
    assert_eq!(
        summary(Lang::Ru, 5.0),
        "5 наблюдений · 5 стран · 5 замечаний"
    );
    assert_eq!(
        summary(Lang::Ru, 21.0),
        "21 наблюдение · 21 страна · 21 замечание"
    );
    assert_eq!(
        summary(Lang::Ru, 11.0),
        "11 наблюдений · 11 стран · 11 замечаний"
    );
    assert_eq!(
        summary(Lang::Ru, 1234.0),
        "1\u{a0}234 наблюдения · 1\u{a0}234 страны · 1\u{a0}234 замечания"
    );
    assert_eq!(
        summary(Lang::En, 1.0),
        "1 observation · 1 reporter · 1 finding"
    );
    assert_eq!(
        summary(Lang::En, 4190.0),
        "4,190 observations · 4,190 reporters · 4,190 findings"
    );
    let on = |n: f64| c.format(Lang::Ru, "s1-on-observations", &[("count", Arg::Count(n))]);
    assert_eq!(on(1.0), "в 1 наблюдении");
    assert_eq!(on(5.0), "в 5 наблюдениях");
}

/// The uses of `t!(lang, "id", name = …)` and `t2!("id", name = …)` in the sources: the id and
/// the names of the values given, with the file they are in.
fn uses() -> Vec<(String, BTreeSet<String>, String)> {
    let mut found = Vec::new();
    for (path, text) in source_files() {
        scan(&text, &path, &mut found);
    }
    found
}

/// Every source file of `src/` with its text.
fn source_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

fn scan(text: &str, path: &Path, found: &mut Vec<(String, BTreeSet<String>, String)>) {
    let bytes = text.as_bytes();
    for (start, _) in text.match_indices("t!(").chain(text.match_indices("t2!(")) {
        // `t!(` preceded by an identifier character is another macro (`print!(`, `assert!(`).
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        // Uses in comments (the macro's own documentation) are examples, not uses.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].contains("//") {
            continue;
        }
        let open = start + text[start..].find('(').unwrap();
        // The call's text up to its closing parenthesis, strings skipped.
        let (mut depth, mut i, mut in_string) = (0usize, open, false);
        let mut top_level_commas = vec![];
        while i < bytes.len() {
            let b = bytes[i];
            if in_string {
                if b == b'\\' {
                    i += 1;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b',' if depth == 1 => top_level_commas.push(i),
                    _ => {}
                }
            }
            i += 1;
        }
        let call = &text[open + 1..i];
        let Some(q) = call.find('"') else { continue };
        let Some(len) = call[q + 1..].find('"') else {
            continue;
        };
        let id = call[q + 1..q + 1 + len].to_string();
        let mut names = BTreeSet::new();
        let mut bounds = top_level_commas.clone();
        bounds.push(i);
        for pair in bounds.windows(2) {
            let part = text[pair[0] + 1..pair[1]].trim();
            if let Some((name, _)) = part.split_once('=')
                && !name.trim().is_empty()
                && name.trim().chars().all(|c| c.is_alphanumeric() || c == '_')
                && !part.contains("==")
            {
                names.insert(name.trim().to_string());
            }
        }
        found.push((id, names, path.display().to_string()));
    }
}

/// The names of the window's texts (`Tr`), read from `src/app/i18n.rs`.
fn window_ids() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("src/app/i18n.rs")).unwrap();
    let body = &text[text.find("texts! {").unwrap() + 8..];
    let body = &body[..body.find('}').unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.is_empty())
        .map(|l| l.trim_end_matches(',').to_string())
        .collect()
}

#[test]
fn every_message_the_sources_name_exists_with_the_values_given() {
    let c = catalogue();
    let mut wrong = BTreeMap::new();
    let found = uses();
    assert!(
        found.len() > 50,
        "only {} uses of t! found: is the scan broken?",
        found.len()
    );
    for (id, names, file) in &found {
        for lang in Lang::ALL {
            match c.variables(lang, id) {
                None => {
                    wrong.insert(format!("{file}: `{id}`"), format!("not in {lang:?}"));
                }
                Some(vars) => {
                    let vars: BTreeSet<String> = vars.iter().map(|v| v.to_string()).collect();
                    if &vars != names {
                        wrong.insert(
                            format!("{file}: `{id}`"),
                            format!("gives {names:?}, the {lang:?} text takes {vars:?}"),
                        );
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Every source file of `src/`, as one text.
fn all_sources() -> String {
    source_files().into_iter().map(|(_, text)| text).collect()
}

/// A message is used when `t!`/`t2!` names it, when it is a window text (`Tr`), when its
/// identifier stands as a string in a table of the sources (the answers of an inventory list
/// name their message: `Annual = "annual", "periodicity-annual";`), or when it is a text of a
/// workshop lesson (`lesson-<id>-title` …, named from `assets/workshop/lessons.toml`).
#[test]
fn no_message_is_left_unused() {
    let sources = all_sources();
    let lesson_texts = migreview::workshop::lessons()
        .iter()
        .flat_map(|lesson| migreview::workshop::LessonText::ALL.map(|text| lesson.text_id(text)));
    let used: BTreeSet<String> = uses()
        .into_iter()
        .map(|(id, _, _)| id)
        .chain(window_ids())
        .chain(lesson_texts)
        .collect();
    let unused: Vec<&str> = catalogue()
        .ids(Lang::En)
        .into_iter()
        .filter(|id| !used.contains(*id) && !sources.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code names: {unused:?}");
}

/// A message named from a table (`crate::i18n::text(lang, id)`) is shown as it is: it must
/// take no values, or the reader would see its identifier.
#[test]
fn messages_named_from_tables_take_no_values() {
    let sources = all_sources();
    let named: BTreeSet<String> = uses()
        .into_iter()
        .map(|(id, _, _)| id)
        .chain(window_ids())
        .collect();
    let c = catalogue();
    let wrong: Vec<&str> = c
        .ids(Lang::En)
        .into_iter()
        .filter(|id| !named.contains(*id) && sources.contains(&format!("\"{id}\"")))
        .filter(|id| {
            Lang::ALL
                .iter()
                .any(|lang| c.variables(*lang, id) != Some(vec![]))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "named from tables but take values: {wrong:?}"
    );
}
