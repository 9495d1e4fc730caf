//! `migreview checks`: the catalogue of checks as text, JSON or Markdown.

use super::{CatalogueFormat, ChecksArgs, EXIT_OK, checks_markdown, output_failed};
use crate::checks::{CheckCode, Severity};
use crate::model::Lang;
use crate::t;
use std::io::Write;

/// `migreview checks`: the catalogue as text, JSON or Markdown.
pub(super) fn run_checks_list(args: &ChecksArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let lang: Lang = args.lang.into();
    let written = match args.format {
        CatalogueFormat::Json => serde_json::to_string_pretty(&catalogue_json(lang))
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        CatalogueFormat::Text => write_catalogue(out, lang),
        // The page is in English, whatever `--lang` says: it is the project's documentation.
        CatalogueFormat::Markdown => write!(out, "{}", checks_markdown::render()),
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(e) => output_failed(&e, err),
    }
}

/// One catalogue entry as `migreview checks --format json` lists it.
#[derive(serde::Serialize)]
struct CatalogueItem {
    code: CheckCode,
    title: &'static str,
    severity: Severity,
    dimension: crate::checks::Dimension,
    level: u8,
    what: &'static str,
    why: &'static str,
    look_at: &'static str,
}

#[derive(serde::Serialize)]
struct CatalogueJson {
    schema: &'static str,
    lang: Lang,
    checks: Vec<CatalogueItem>,
}

fn catalogue_json(lang: Lang) -> CatalogueJson {
    CatalogueJson {
        schema: "migreview.catalog/1",
        lang,
        checks: crate::checks::CATALOG
            .iter()
            .map(|entry| {
                let e = crate::checks::explain(entry.code, lang);
                CatalogueItem {
                    code: entry.code,
                    title: e.title,
                    severity: entry.severity,
                    dimension: entry.dimension,
                    level: entry.level,
                    what: e.what,
                    why: e.why,
                    look_at: e.look_at,
                }
            })
            .collect(),
    }
}

/// Greedy word wrap for the terminal.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn write_catalogue(out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    const WIDTH: usize = 92;
    for entry in crate::checks::CATALOG.iter() {
        let e = crate::checks::explain(entry.code, lang);
        writeln!(out, "{:<4}{}", entry.code.as_str(), e.title)?;
        let severity = match entry.severity {
            Severity::Error => t!(lang, "cli-error"),
            Severity::Warning => t!(lang, "cli-warning"),
            Severity::Info => t!(lang, "cli-info"),
        };
        writeln!(
            out,
            "    {severity} · {} · {} {}",
            crate::assess::rubric::dimension_label(entry.dimension, lang),
            t!(lang, "cli-level"),
            entry.level
        )?;
        for (label, body) in [
            (t!(lang, "cli-what"), e.what),
            (t!(lang, "cli-why"), e.why),
            (t!(lang, "cli-look-at"), e.look_at),
        ] {
            let text = format!("{label}: {body}");
            for line in wrap(&text, WIDTH) {
                writeln!(out, "    {line}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
