//! The text output of `migreview check`: what was loaded, the data set, the table of checks,
//! the findings and the assessment's grades.

use super::counted;
use crate::checks::{CheckCode, Finding, Outcome, Severity};
use crate::load::{LoadOutcome, LoadReport};
use crate::model::{Dataset, Lang, format_count};
use crate::report::{Report, ReviewSummary};
use crate::review::{TriageStatus, Triaged};
use crate::t;
use std::collections::BTreeMap;
use std::io::Write;

/// What was loaded from one input, for people.
pub fn write_load_report(out: &mut dyn Write, report: &LoadReport) -> std::io::Result<()> {
    let mut how = vec![report.layout.to_string()];
    if let Some(encoding) = &report.encoding {
        how.push(format!("encoding {encoding}"));
    }
    if let Some(delimiter) = report.delimiter {
        let shown = if delimiter == '\t' {
            "tab".to_string()
        } else {
            format!("'{delimiter}'")
        };
        how.push(format!("delimiter {shown}"));
    }
    writeln!(
        out,
        "{}  ({}; {}, {}, {} ms)",
        report.path.display(),
        how.join(", "),
        counted(report.observations, "observation", "observations"),
        counted(report.skipped_rows, "row skipped", "rows skipped"),
        report.elapsed_ms
    )?;
    // The loader's per-sheet message says how the sheet was read; it stands in for the bare
    // fields of the sheet's line.
    let mut used = vec![false; report.messages.len()];
    for sheet in &report.sheets {
        let prefix = format!("sheet \"{}\": ", sheet.name);
        let detail = report
            .messages
            .iter()
            .position(|m| m.starts_with(&prefix))
            .map(|i| {
                used[i] = true;
                report.messages[i][prefix.len()..].to_string()
            });
        let mut parts = Vec::new();
        match detail {
            Some(detail) => parts.push(detail),
            None => {
                if let Some(table) = sheet.table {
                    parts.push(format!("table {table}"));
                }
                if let Some(reporter) = &sheet.reporter {
                    parts.push(format!("reporter {reporter}"));
                }
                if let Some(row) = sheet.header_row {
                    parts.push(format!("header row {row}"));
                }
            }
        }
        parts.push(counted(sheet.rows_read, "row read", "rows read"));
        if sheet.rows_skipped > 0 {
            parts.push(format!(
                "{} skipped",
                format_count(sheet.rows_skipped as f64)
            ));
        }
        if sheet.hidden {
            parts.push("hidden sheet".into());
        }
        writeln!(out, "  {}: {}", sheet.name, parts.join("; "))?;
        if let Some(note) = &sheet.note {
            writeln!(out, "    {note}")?;
        }
    }
    for (message, used) in report.messages.iter().zip(used) {
        if !used {
            writeln!(out, "  {message}")?;
        }
    }
    for skipped in report.skipped.iter().take(10) {
        writeln!(out, "    skipped {}: {}", skipped.location, skipped.reason)?;
    }
    if report.skipped_rows > 10 {
        writeln!(
            out,
            "    … {} more",
            format_count((report.skipped_rows - 10) as f64)
        )?;
    }
    for note in report.notes.iter().take(5) {
        writeln!(out, "  note: {note}")?;
    }
    Ok(())
}

fn write_dataset_summary(out: &mut dyn Write, dataset: &Dataset) -> std::io::Result<()> {
    let summary = dataset.summary();
    writeln!(out)?;
    writeln!(
        out,
        "Data set: {} observations; reporters {}; tables {}; years {}",
        format_count(summary.observations as f64),
        if summary.reporters.is_empty() {
            "none".to_string()
        } else {
            summary.reporters.join(" ")
        },
        summary
            .tables
            .iter()
            .map(|t| t.code())
            .collect::<Vec<_>>()
            .join(" "),
        match summary.years {
            Some([a, b]) if a == b => a.to_string(),
            Some([a, b]) => format!("{a}–{b}"),
            None => "none".into(),
        }
    )?;
    if !dataset.unplaced.is_empty() {
        writeln!(out, "Labels that could not be placed:")?;
        for label in &dataset.unplaced {
            let hint = if label.suggestions.is_empty() {
                String::new()
            } else {
                format!(" — did you mean {}?", label.suggestions.join(" or "))
            };
            writeln!(
                out,
                "  {} {:?} ({}×, first at {}){hint}",
                label.role,
                crate::checks::text::label(&label.label),
                label.count,
                label.first_location
            )?;
        }
    }
    if !dataset.subnational.is_empty() {
        writeln!(out, "Regions inside a country (not countries):")?;
        for label in &dataset.subnational {
            let of = label
                .country
                .as_deref()
                .map(|c| {
                    format!(
                        ", a region of {}",
                        crate::model::gazetteer().name(c, Lang::En)
                    )
                })
                .unwrap_or_default();
            writeln!(
                out,
                "  {} {:?} ({}×, first at {}){of}",
                label.role,
                crate::checks::text::label(&label.label),
                label.count,
                label.first_location
            )?;
        }
    }
    Ok(())
}

/// How `check` lists its findings in text.
pub struct Listing<'a> {
    pub lang: Lang,
    /// Findings listed per check (the rest are counted).
    pub limit: usize,
    /// Each finding's decision, and the statuses listed.
    pub triaged: &'a Triaged<'a>,
    /// What was read from the review, when one was.
    pub review: Option<&'a ReviewSummary>,
}

/// The text report of `check`: what each input gave, the data set, the checks, the findings
/// and the assessment.
pub(super) fn write_text_report(
    out: &mut dyn Write,
    outcome: &LoadOutcome,
    report: &Report,
    listing: &Listing,
) -> std::io::Result<()> {
    let lang = listing.lang;
    for result in &outcome.files {
        match result {
            Ok(load_report) => write_load_report(out, load_report)?,
            Err(error) => writeln!(out, "{error}")?,
        }
    }
    write_dataset_summary(out, &outcome.dataset)?;
    if crate::sample::holds_sample(outcome) {
        writeln!(out, "{}", crate::sample::synthetic_notice(lang))?;
    }
    if let Some(reason) = &report.error {
        // No table of checks: 28 rows of zeros would read as data that passed.
        let mut chars = reason.chars();
        let sentence: String = chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
        writeln!(out)?;
        writeln!(out, "{sentence}.")?;
        return Ok(());
    }
    if report.dataset.observations > 0 && report.checks.is_empty() {
        writeln!(out)?;
        writeln!(out, "No checks ran.")?;
        return Ok(());
    }
    write_check_table(out, report, lang)?;
    write_findings(out, report, listing)?;
    write_assessment_summary(out, report, lang)
}

/// One line per assessed country: its overall grade (the scorecard is in `migreview assess`).
fn write_assessment_summary(
    out: &mut dyn Write,
    report: &Report,
    lang: Lang,
) -> std::io::Result<()> {
    let Some(assessment) = &report.assessment else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "{}", t!(lang, "cli-data-source-assessment"))?;
    for country in &assessment.countries {
        let card = crate::assess::scorecard(country, &report.settings.assess);
        let overall = match (card.overall, card.grade) {
            (Some(mean), Some(grade)) => format!(
                "{} ({})",
                crate::assess::text::decimal(mean, 1, lang),
                grade.label(lang)
            ),
            _ => "–".to_string(),
        };
        writeln!(
            out,
            "  {} {}: {} {}, {overall}",
            country.country,
            crate::model::gazetteer().name(&country.country, lang),
            country.sources.len(),
            t!(lang, "cli-sources")
        )?;
    }
    Ok(())
}

/// Cuts a title to a column width, marking the cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return format!("{text:<width$}");
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Per check: code, title, evaluated, failed, not evaluable.
pub fn write_check_table(out: &mut dyn Write, report: &Report, lang: Lang) -> std::io::Result<()> {
    const TITLE: usize = 58;
    writeln!(out)?;
    writeln!(
        out,
        "    {} {:>10} {:>8} {:>14}",
        fit(t!(lang, "cli-check"), TITLE),
        t!(lang, "cli-evaluated"),
        t!(lang, "cli-failed"),
        t!(lang, "cli-not-evaluable"),
    )?;
    for summary in &report.checks {
        writeln!(
            out,
            "{:<4}{} {:>10} {:>8} {:>14}",
            summary.check.as_str(),
            fit(crate::checks::entry(summary.check).title(lang), TITLE),
            format_count(summary.evaluated as f64),
            format_count(summary.failed as f64),
            format_count(summary.not_evaluable as f64),
        )?;
    }
    Ok(())
}

/// The key of a finding: `3 · KAZ · 2010 · T · TOTAL · RUS`.
fn finding_key(finding: &Finding) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(table) = finding.table {
        parts.push(table.code().to_string());
    }
    parts.extend(finding.reporter.as_deref().map(String::from));
    parts.extend(finding.year.map(|y| y.to_string()));
    parts.extend(finding.sex.map(|s| s.code().to_string()));
    parts.extend(finding.age.as_deref().map(String::from));
    parts.extend(finding.category.as_deref().map(String::from));
    parts.join(" · ")
}

/// The name of a status, as the window shows it.
pub fn status_text(lang: Lang, status: TriageStatus) -> &'static str {
    match status {
        TriageStatus::Open => t!(lang, "StatusOpen"),
        TriageStatus::Confirmed => t!(lang, "StatusConfirmed"),
        TriageStatus::Explained => t!(lang, "StatusExplained"),
        TriageStatus::FalseAlarm => t!(lang, "StatusFalseAlarm"),
    }
}

/// What was read from the review and which statuses are listed.
fn write_review_summary(
    out: &mut dyn Write,
    summary: &ReviewSummary,
    total: usize,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-review",
            path = summary.path.clone(),
            decisions = summary.decisions,
            stale = summary.stale,
            open = summary.open_errors,
        )
    )?;
    if !summary.statuses.is_empty() {
        let names: Vec<&str> = summary
            .statuses
            .iter()
            .map(|&s| status_text(lang, s))
            .collect();
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-review-listed",
                statuses = names.join(", "),
                listed = summary.listed,
                total = total,
            )
        )?;
    }
    Ok(())
}

/// The findings listed, grouped by check and severity, at most `limit` per check; each with
/// its decision when it has one.
pub fn write_findings(
    out: &mut dyn Write,
    report: &Report,
    listing: &Listing,
) -> std::io::Result<()> {
    let (lang, limit, triaged) = (listing.lang, listing.limit, listing.triaged);
    if let Some(summary) = listing.review {
        writeln!(out)?;
        write_review_summary(out, summary, report.findings.len(), lang)?;
    }
    let mut by_check: BTreeMap<CheckCode, Vec<(&Finding, String)>> = BTreeMap::new();
    for (finding, id) in triaged.listed(&report.findings) {
        by_check
            .entry(finding.check)
            .or_default()
            .push((finding, id));
    }
    if by_check.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t!(lang, "cli-no-findings"))?;
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", t!(lang, "cli-findings"))?;
    for (code, findings) in by_check {
        writeln!(out)?;
        writeln!(out, "{code}  {}", crate::checks::entry(code).title(lang))?;
        let groups = Severity::ALL
            .into_iter()
            .map(|severity| {
                let label = match severity {
                    Severity::Error => t!(lang, "cli-error"),
                    Severity::Warning => t!(lang, "cli-warning"),
                    Severity::Info => t!(lang, "cli-info"),
                };
                let members: Vec<&(&Finding, String)> = findings
                    .iter()
                    .filter(|(f, _)| f.outcome == Outcome::Fail && f.severity == severity)
                    .collect();
                (label, members)
            })
            .chain(std::iter::once((
                t!(lang, "cli-not-evaluable-cases"),
                findings
                    .iter()
                    .filter(|(f, _)| f.outcome == Outcome::NotEvaluable)
                    .collect(),
            )));
        let mut shown = 0;
        for (label, members) in groups {
            if members.is_empty() || shown >= limit {
                continue;
            }
            writeln!(out, "  {label} ({})", format_count(members.len() as f64))?;
            for (finding, id) in members.iter().take(limit - shown) {
                writeln!(out, "    {}", finding.message(lang))?;
                let key = finding_key(finding);
                match &finding.location {
                    Some(location) => writeln!(out, "      {key} — {location}")?,
                    None => writeln!(out, "      {key}")?,
                }
                if let Some(triage) = triaged.triage(id)
                    && (triage.status != TriageStatus::Open || !triage.comment.is_empty())
                {
                    let status = status_text(lang, triage.status);
                    match triage.comment.as_str() {
                        "" => writeln!(out, "      → {status}")?,
                        comment => writeln!(out, "      → {status}: {comment}")?,
                    }
                }
                shown += 1;
            }
        }
        if findings.len() > shown {
            writeln!(
                out,
                "{}",
                t!(lang, "cli-more-findings", more = findings.len() - shown)
            )?;
        }
    }
    Ok(())
}
