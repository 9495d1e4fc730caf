//! Imports go only down the flow: files → `load` → `model::Dataset` → the analyses → `report` →
//! the front ends and exports.
//!
//! Every file under `src/` is read for the paths it names: `crate::…` (in `use` and in code,
//! inside `{…}` groups too) and `super::…` chains that climb out of its top module. Comments
//! (doc links among them) and string and character literals are not read: they make no
//! dependency. A file belongs to its top module (`src/checks/sum.rs` to `checks`, `src/cli.rs`
//! and `src/cli/*.rs` to `cli`); `lib.rs` and the binary's `main.rs` belong to none. A module may
//! name only modules of a layer below its own. The layers, bottom first:
//!
//! 0. `i18n` and `parallel`: the catalogue of texts in English and Russian, the languages and
//!    how numbers are written in each; dividing work over the cores (the data set joins the
//!    parts of a file read side by side with it). Neither names another module.
//! 1. `model` and `save`: the data model with the formatting of values and labels; writing a
//!    file whole or not at all. Neither names another module but `i18n` and `parallel`.
//! 2. `load`: files into a `Dataset`.
//! 3. `coverage`: what the data cover; the mirror statistics carry the coverage of the pairs.
//! 4. `mirror`: the mirror statistics.
//! 5. `checks`: every check of the catalogue; M1 and M2 read the mirror statistics.
//! 6. `assess`: the data-source assessment, its suggestions computed from the data, the
//!    findings and the mirror ratios.
//! 7. `settings` and `review`: the settings of a run gather those of the checks, the mirror
//!    statistics and the assessment; the review (the triage of findings, with an assessment) is
//!    kept by the app and the command line. Neither names the other.
//! 8. `report`: the report of a run, with its settings, findings, mirror statistics and
//!    assessment.
//! 9. `sample`: the synthetic sample data and their assessment, which is made by building the
//!    report on them. It generates data, so it sits above what reads data and below what shows
//!    it.
//! 10. `charts`: drawings of the report's parts (the scorecard among them, with the sample's
//!     notice), written as exports.
//! 11. `review_report`: the country review report, laid out once for HTML and DOCX.
//! 12. `workshop`: the lessons of a workshop, built from the sample, and their handouts, laid
//!     out by the review report's writers.
//! 13. `cli`: the command line, which draws charts.
//! 14. `app`: the GUI, which opens the sample and answers with the command line's exit status.
//!
//! An arrow that goes up and cannot be removed yet is listed in [`ALLOWED`] with its reason. The
//! list can only shrink: an entry whose arrow is gone fails the test until it is removed.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the flow, bottom first. A module may name only modules of a lower layer.
const LAYERS: &[&[&str]] = &[
    &["i18n", "parallel"],
    &["model", "save"],
    &["load"],
    &["coverage"],
    &["mirror"],
    &["checks"],
    &["assess"],
    &["settings", "review"],
    &["report"],
    &["sample"],
    &["charts"],
    &["review_report"],
    &["workshop"],
    &["cli"],
    &["app"],
];

/// Arrows up the flow not removed yet: (from, to, why it is still there).
const ALLOWED: &[(&str, &str, &str)] = &[];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The source of a file with comments and string and character literals replaced by spaces
/// (line ends kept), so that neither a path in a comment nor a brace in a string counts.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let blank = |out: &mut String, part: &[char]| {
        for &c in part {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let previous = if i > 0 { Some(chars[i - 1]) } else { None };
        let end = if c == '/' && next == Some('/') {
            chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p)
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            let mut j = i;
            loop {
                if j + 1 >= chars.len() {
                    break chars.len();
                }
                if chars[j] == '/' && chars[j + 1] == '*' {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars[j + 1] == '/' {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break j;
                    }
                } else {
                    j += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"') | Some('#'))
            && previous.is_none_or(|p| !is_ident(p) || p == 'b')
        {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) == Some(&'"') {
                let mut j = i + 2 + hashes;
                loop {
                    if j >= chars.len() {
                        break chars.len();
                    }
                    if chars[j] == '"'
                        && chars[j + 1..].iter().take_while(|&&c| c == '#').count() >= hashes
                    {
                        break j + 1 + hashes;
                    }
                    j += 1;
                }
            } else {
                i + 1
            }
        } else if c == '"' {
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => break chars.len(),
                    Some('\\') => j += 2,
                    Some('"') => break j + 1,
                    Some(_) => j += 1,
                }
            }
        } else if c == '\'' && next == Some('\\') {
            chars
                .get(i + 3..)
                .and_then(|rest| rest.iter().position(|&c| c == '\''))
                .map_or(chars.len(), |p| i + 3 + p + 1)
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i + 3
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        if end == i + 1 && c == 'r' {
            out.push(c);
        } else {
            blank(&mut out, &chars[i..end]);
        }
        i = end;
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The tokens of code, each with its line.
fn tokens(code: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            out.push((Token::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// The first segments a path names at `tokens[at]`: one name, or every top-level name of a
/// `{…}` group (`{a::b, c}` names `a` and `c`).
fn first_segments(tokens: &[(Token, usize)], at: usize) -> Vec<String> {
    match tokens.get(at) {
        Some((Token::Ident(name), _)) => vec![name.clone()],
        Some((Token::Punct('{'), _)) => {
            let mut names = Vec::new();
            let mut depth = 0;
            let mut expect_name = true;
            for (token, _) in &tokens[at..] {
                match token {
                    Token::Punct('{') => {
                        depth += 1;
                        expect_name = depth == 1;
                    }
                    Token::Punct('}') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Token::Punct(',') if depth == 1 => expect_name = true,
                    Token::Ident(name) if depth == 1 && expect_name => {
                        names.push(name.clone());
                        expect_name = false;
                    }
                    _ => {
                        if depth == 1 {
                            expect_name = false;
                        }
                    }
                }
            }
            names
        }
        _ => Vec::new(),
    }
}

/// The names a file's code reaches at the crate root, with the line of each: the first segment
/// after `crate::`, and after a `super::` chain that climbs out of the file's top module.
/// `module` is the file's module path (`["checks", "sum"]`).
fn root_reaches(code: &str, module: &[String]) -> Vec<(String, usize)> {
    let tokens = tokens(code);
    let mut reaches = Vec::new();
    // The inline modules (`mod tests { … }`) open at this point, with the brace depth of their
    // bodies.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending_mod: Option<String> = None;
    let mut depth = 0;
    for (at, (token, line)) in tokens.iter().enumerate() {
        let after_sep = at > 0 && tokens[at - 1].0 == Token::PathSep;
        match token {
            Token::Punct('{') => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    inline.push((name, depth));
                }
            }
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Token::Punct(';') => pending_mod = None,
            Token::Ident(word) if word == "mod" => {
                if let Some((Token::Ident(name), _)) = tokens.get(at + 1) {
                    pending_mod = Some(name.clone());
                }
            }
            Token::Ident(word)
                if word == "crate"
                    && !after_sep
                    && tokens.get(at + 1).map(|t| &t.0) == Some(&Token::PathSep) =>
            {
                for name in first_segments(&tokens, at + 2) {
                    reaches.push((name, *line));
                }
            }
            Token::Ident(word) if word == "super" && !after_sep => {
                let mut climbs = 0;
                let mut j = at;
                while tokens.get(j).map(|t| &t.0) == Some(&Token::Ident("super".into()))
                    && tokens.get(j + 1).map(|t| &t.0) == Some(&Token::PathSep)
                {
                    climbs += 1;
                    j += 2;
                }
                if climbs > 0 && climbs >= module.len() + inline.len() {
                    for name in first_segments(&tokens, j) {
                        reaches.push((name, *line));
                    }
                }
            }
            _ => {}
        }
    }
    reaches
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `checks/sum.rs` is `checks::sum`, `cli.rs` and
/// `assess/questionnaire/mod.rs` are `cli` and `assess::questionnaire`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".rs").to_string();
    }
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every arrow between top modules: (from, to) → where (`file:line`).
fn arrows() -> BTreeMap<(String, String), Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules = top_modules(&src);
    let mut arrows: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap_or(&file).to_path_buf();
        let module = module_path(&relative);
        if module.len() == 1 && (module[0] == "lib" || module[0] == "main") {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for (name, line) in root_reaches(&code_only(&text), &module) {
            if name != module[0] && modules.contains(&name) {
                arrows
                    .entry((module[0].clone(), name))
                    .or_default()
                    .push(format!("src/{}:{line}", relative.display()));
            }
        }
    }
    arrows
}

/// The top modules: the files and folders directly under `src/` besides `lib.rs` and `main.rs`.
fn top_modules(src: &Path) -> BTreeSet<String> {
    let entries =
        std::fs::read_dir(src).unwrap_or_else(|e| panic!("cannot list {}: {e}", src.display()));
    entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|e| e == "rs"))
        .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| name != "lib" && name != "main")
        .collect()
}

#[test]
fn every_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_modules(&src);
    let missing: Vec<&String> = modules.iter().filter(|m| layer(m).is_none()).collect();
    assert!(
        missing.is_empty(),
        "place these modules in a layer of LAYERS: {missing:?}"
    );
    let placed: Vec<&str> = LAYERS
        .iter()
        .flat_map(|layer| layer.iter().copied())
        .collect();
    let gone: Vec<&&str> = placed.iter().filter(|m| !modules.contains(**m)).collect();
    assert!(
        gone.is_empty(),
        "LAYERS names modules that are gone: {gone:?}"
    );
}

#[test]
fn imports_go_only_down_the_flow() {
    let arrows = arrows();
    // The scan sees the arrows it must: without them it would pass on reading nothing.
    for (from, to) in [
        ("report", "assess"),
        ("checks", "mirror"),
        ("cli", "charts"),
    ] {
        assert!(
            arrows.contains_key(&(from.to_string(), to.to_string())),
            "the scan misses {from} → {to}"
        );
    }
    let mut up = Vec::new();
    for ((from, to), places) in &arrows {
        let (Some(from_layer), Some(to_layer)) = (layer(from), layer(to)) else {
            continue;
        };
        let allowed = ALLOWED
            .iter()
            .any(|&(f, t, _)| f == from.as_str() && t == to.as_str());
        if to_layer >= from_layer && !allowed {
            up.push(format!("{from} → {to}: {}", places.join(", ")));
        }
    }
    assert!(
        up.is_empty(),
        "these imports go up the flow (or across a layer):\n{}",
        up.join("\n")
    );
}

#[test]
fn the_allowed_arrows_are_still_there() {
    let arrows = arrows();
    for &(from, to, reason) in ALLOWED {
        assert!(!reason.is_empty(), "{from} → {to} needs its reason");
        assert!(
            arrows.contains_key(&(from.to_string(), to.to_string())),
            "{from} → {to} is gone: remove it from ALLOWED"
        );
    }
}

#[test]
fn the_scan_reads_paths_in_code_only() {
    let code = code_only(
        r##"
        use crate::{model::{Dataset, Lang}, checks};
        // use crate::report::Report;
        /* crate::app /* nested */ crate::cli */
        let text = "crate::charts {";
        let raw = r#"crate::sample"#;
        let brace = '{';
        let quote = '\'';
        fn f<'a>(x: &'a str) -> &'a str { crate::load::label(x) }
        mod tests {
            fn g() { super::super::review::f(); super::helper(); }
        }
        pub(super) fn h() { super::super::save::x(); }
        "##,
    );
    let module = vec!["mirror".to_string(), "export".to_string()];
    let names: Vec<String> = root_reaches(&code, &module)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, ["model", "checks", "load", "save"]);
    let nested = vec!["mirror".to_string()];
    let names: Vec<String> = root_reaches(&code, &nested)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, ["model", "checks", "load", "review", "save"]);
}
