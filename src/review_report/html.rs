//! The review report as one stand-alone HTML file: the charts inline as SVG (the drawings the
//! window exports), no external address, and a print stylesheet so that the browser's "Print to
//! PDF" gives a clean A4 document.

use super::{CheckCount, FindingRow, MirrorRow, QualityPart, ReviewReport};
use crate::assess::{Choice, Criterion};
use crate::charts::{self, Chart, ChartOptions, CoverageGrid, ScatterData, ScorecardData, Target};
use crate::coverage::TableCoverage;
use crate::i18n::{format_count_in, format_decimal};
use crate::mirror::{MirrorReport, MirrorSettings};
use crate::model::{Lang, Sex};
use crate::t;
use std::fmt::Write;

/// The charts the report shows, drawn from the same data as the window's.
pub struct ChartSources<'a> {
    pub mirror: &'a MirrorReport,
    pub mirror_settings: &'a MirrorSettings,
    pub coverage: &'a TableCoverage,
    pub grade_bands: [f64; 3],
    /// The source line of the charts.
    pub source: String,
}

const STYLE: &str = "\
body{font-family:'Segoe UI',Ubuntu,'Helvetica Neue',Arial,sans-serif;color:#1b1b1b;\
max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}\
h1{font-size:2rem;margin:0 0 .5rem}h2{margin-top:2.5rem;border-bottom:2px solid #1f4e79;\
color:#1f4e79;padding-bottom:.2rem}h3{margin-top:1.6rem;color:#1f4e79}\
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem;width:100%}\
th,td{border:1px solid #c8c8c8;padding:.25rem .45rem;text-align:left;vertical-align:top}\
th{background:#eef2f7}td.n{text-align:right;white-space:nowrap}\
.title-page{border-bottom:3px solid #1f4e79;padding-bottom:1.5rem;margin-bottom:2rem}\
.subtitle{font-size:1.4rem;margin:.2rem 0 1.2rem}.notice{background:#f2e14c;padding:.5rem .8rem;\
font-weight:bold}.none{color:#666;font-style:italic}.hash{font-family:monospace;font-size:.8rem;\
word-break:break-all}figure{margin:1rem 0}figure svg{width:100%;height:auto}\
figcaption{font-size:.85rem;color:#555}dl{display:grid;grid-template-columns:max-content auto;\
gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}.error{color:#b2182b;font-weight:bold}\
@page{size:A4;margin:16mm}\
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-before:page}\
.title-page{break-after:page;border:none}tr,figure{break-inside:avoid}thead{display:table-header-group}}";

/// Writes the report as HTML.
pub fn write(report: &ReviewReport, charts: &ChartSources<'_>) -> String {
    let lang = report.lang;
    let mut out = String::with_capacity(64 * 1024 + report.annex.len() * 400);
    let title = t!(lang, "report-title");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"{}\">\n<title>{} — {}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n",
        lang.code(),
        esc(&report.generated_by),
        esc(title),
        esc(&report.country_title)
    );
    title_page(&mut out, report, title);
    let mut fonts = FontOnce::default();
    summary(&mut out, report);
    sources(&mut out, report, charts, &mut fonts);
    quality(&mut out, report, charts, &mut fonts);
    development(&mut out, report);
    annex(&mut out, report);
    references(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

/// HTML-escapes text.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The reviewer's text as paragraphs (a blank line between them), or "not written yet".
fn paragraphs(out: &mut String, text: &str, lang: Lang) {
    let parts: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"none\">{}</p>",
            esc(t!(lang, "report-not-written"))
        );
    }
    for part in parts {
        let _ = writeln!(out, "<p>{}</p>", esc(part).replace('\n', "<br>"));
    }
}

fn none(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"none\">{}</p>", esc(text));
}

fn count(value: f64, lang: Lang) -> String {
    format_count_in(value, lang)
}

fn opt_count(value: Option<f64>, lang: Lang) -> String {
    value.map(|v| count(v, lang)).unwrap_or_else(|| "–".into())
}

fn ratio(value: Option<f64>, lang: Lang) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| format_decimal(v, 3, lang))
        .unwrap_or_else(|| "–".into())
}

fn title_page(out: &mut String, report: &ReviewReport, title: &str) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<section class=\"title-page\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
        esc(title),
        esc(&report.country_title)
    );
    if report.synthetic {
        let _ = writeln!(
            out,
            "<p class=\"notice\">{}</p>",
            esc(t!(lang, "report-synthetic"))
        );
    }
    let texts = &report.texts;
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            t!(lang, "report-not-given").to_string()
        } else {
            text.to_string()
        }
    };
    out.push_str("<dl>\n");
    for (label, value) in [
        (t!(lang, "report-reviewer"), or_none(&texts.reviewer)),
        (
            t!(lang, "report-organisation"),
            or_none(&texts.organisation),
        ),
        (t!(lang, "report-date"), report.date.clone()),
        (t!(lang, "report-made-with"), report.generated_by.clone()),
    ] {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&value));
    }
    out.push_str("</dl>\n");
    let _ = writeln!(out, "<h3>{}</h3>", esc(t!(lang, "report-inputs")));
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>SHA-256</th></tr></thead><tbody>",
        esc(t!(lang, "report-file"))
    );
    for input in &report.inputs {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"hash\">{}</td></tr>",
            esc(&input.name),
            esc(input.sha256.as_deref().unwrap_or("–"))
        );
    }
    out.push_str("</tbody></table>\n");
    let _ = writeln!(out, "<h3>{}</h3>", esc(t!(lang, "report-settings")));
    if report.settings_changed.is_empty() {
        none(out, t!(lang, "report-settings-default"));
    } else {
        out.push_str("<ul>\n");
        for line in &report.settings_changed {
            let _ = writeln!(out, "<li><code>{}</code></li>", esc(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn summary(out: &mut String, report: &ReviewReport) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>1. {}</h2>", esc(t!(lang, "report-h-summary")));
    paragraphs(out, &report.texts.summary, lang);
    let _ = writeln!(out, "<h3>{}</h3>", esc(t!(lang, "report-h-glance")));
    let glance = &report.glance;
    let score = match (glance.overall_score, &glance.grade) {
        (Some(score), Some(grade)) => format!("{} ({grade})", format_decimal(score, 1, lang)),
        (Some(score), None) => format_decimal(score, 1, lang),
        _ => t!(lang, "report-not-scored").to_string(),
    };
    let _ = writeln!(
        out,
        "<dl><dt>{}</dt><dd>{}</dd></dl>",
        esc(t!(lang, "report-overall-score")),
        esc(&score)
    );
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th>",
        esc(t!(lang, "SeverityLabel")),
        esc(t!(lang, "report-col-findings"))
    );
    for status in crate::review::TriageStatus::ALL {
        let _ = write!(out, "<th>{}</th>", esc(status.label(lang)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for c in &glance.findings {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(c.severity.label(lang)),
            count(c.total as f64, lang),
            count(c.open as f64, lang),
            count(c.confirmed as f64, lang),
            count(c.explained as f64, lang),
            count(c.false_alarm as f64, lang)
        );
    }
    out.push_str("</tbody></table>\n");
    match glance.mirror_year {
        Some(year) if !glance.mirror_bands.is_empty() => {
            let _ = writeln!(
                out,
                "<p>{}</p><ul>",
                esc(&t!(
                    lang,
                    "report-mirror-agreement",
                    year = year.to_string()
                ))
            );
            for (band, n) in &glance.mirror_bands {
                let _ = writeln!(
                    out,
                    "<li>{}: {}</li>",
                    esc(&band_text(report, *band)),
                    count(*n as f64, lang)
                );
            }
            out.push_str("</ul>\n");
        }
        _ => none(out, t!(lang, "report-no-mirror")),
    }
}

fn band_text(report: &ReviewReport, band: crate::mirror::Band) -> String {
    charts::band_label(report.lang, band, report.band_bounds)
}

fn sources(
    out: &mut String,
    report: &ReviewReport,
    charts: &ChartSources<'_>,
    fonts: &mut FontOnce,
) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>2. {}</h2>", esc(t!(lang, "report-h-system")));
    if report.sources.is_empty() {
        none(out, t!(lang, "report-no-assessment"));
        return;
    }
    for part in &report.sources {
        let source = &part.source;
        let _ = writeln!(out, "<h3>{} · {}</h3>", esc(&source.id), esc(&source.name));
        out.push_str("<dl>\n");
        let lag = source
            .release_lag_months
            .map(|m| m.to_string())
            .unwrap_or_else(|| "–".into());
        let rule = source
            .duration_rule_months
            .map(|m| m.to_string())
            .unwrap_or_else(|| "–".into());
        for (label, value) in [
            (t!(lang, "report-kind"), source.kind.label(lang).to_string()),
            (t!(lang, "report-agency"), source.agency.clone()),
            (t!(lang, "report-measures"), source.measures.clone()),
            (
                t!(lang, "report-periodicity"),
                source.periodicity.label(lang).to_string(),
            ),
            (t!(lang, "report-release-lag"), lag),
            (
                t!(lang, "report-population"),
                source.population_covered.clone(),
            ),
            (t!(lang, "report-duration-rule"), rule),
            (t!(lang, "report-notes"), source.notes.clone()),
        ] {
            if value.trim().is_empty() {
                continue;
            }
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&value));
        }
        if let Some(overall) = part.overall {
            let grade = part.grade.as_deref().unwrap_or("");
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{} ({})</dd>",
                esc(t!(lang, "report-source-score")),
                format_decimal(overall, 1, lang),
                esc(grade)
            );
        }
        out.push_str("</dl>\n");
        let _ = writeln!(
            out,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\
             </thead><tbody>",
            esc(t!(lang, "report-criterion")),
            esc(t!(lang, "report-score")),
            esc(t!(lang, "report-suggested")),
            esc(t!(lang, "report-evidence")),
            esc(t!(lang, "report-comment"))
        );
        for criterion in Criterion::ALL {
            let scored = source.scores.iter().find(|s| s.criterion == criterion);
            let score = scored
                .and_then(|s| s.final_score)
                .map(|s| s.to_string())
                .unwrap_or_else(|| "–".into());
            let suggested = scored.and_then(|s| s.suggested.as_ref());
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td>\
                 <td>{}</td></tr>",
                esc(criterion.title(lang)),
                esc(&score),
                suggested.map_or("–".into(), |s| s.score.to_string()),
                esc(suggested.map_or("", |s| s.evidence(lang))),
                esc(scored.map_or("", |s| {
                    if s.evidence.is_empty() {
                        s.reason.as_str()
                    } else {
                        s.evidence.as_str()
                    }
                }))
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if let Some(card) = &report.scorecard {
        let data = ScorecardData::build(card, charts.grade_bands);
        figure(
            out,
            Chart::Scorecard(&data),
            charts,
            lang,
            t!(lang, "report-fig-scorecard"),
            fonts,
        );
    }
}

fn quality(
    out: &mut String,
    report: &ReviewReport,
    charts: &ChartSources<'_>,
    fonts: &mut FontOnce,
) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>3. {}</h2>", esc(t!(lang, "report-h-quality")));

    let _ = writeln!(out, "<h3>3.1 {}</h3>", esc(t!(lang, "report-h-relevance")));
    if report.coverage.is_empty() {
        none(out, t!(lang, "report-not-applicable"));
    } else {
        let _ = writeln!(
            out,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(t!(lang, "report-table")),
            esc(t!(lang, "report-years-reported")),
            esc(t!(lang, "report-years-missing"))
        );
        for row in &report.coverage {
            let _ = writeln!(
                out,
                "<tr><td>{} {}</td><td>{}</td><td>{}</td></tr>",
                esc(row.table.code()),
                esc(row.table.title(lang)),
                years_text(&row.years_reported),
                years_text(&row.years_missing)
            );
        }
        out.push_str("</tbody></table>\n");
        if let Some(code) = &report.country {
            let grid = CoverageGrid::by_reporter(charts.coverage, code);
            figure(
                out,
                Chart::Coverage(&grid),
                charts,
                lang,
                t!(lang, "report-fig-coverage"),
                fonts,
            );
        }
    }
    part(out, &report.relevance, lang);

    let _ = writeln!(out, "<h3>3.2 {}</h3>", esc(t!(lang, "report-h-accuracy")));
    part(out, &report.accuracy, lang);

    let _ = writeln!(out, "<h3>3.3 {}</h3>", esc(t!(lang, "report-h-coherence")));
    mirror_table(out, report);
    if report.country.is_some() && !report.mirror.is_empty() {
        let data = ScatterData::build(
            charts.mirror,
            charts.mirror_settings,
            None,
            Sex::T,
            charts::Basis::Corrected,
        )
        .of_country(charts.mirror, report.country.as_deref());
        figure(
            out,
            Chart::Scatter(&data),
            charts,
            lang,
            t!(lang, "report-fig-scatter"),
            fonts,
        );
    }
    let _ = writeln!(out, "<p>{}</p>", esc(t!(lang, "report-duration-criteria")));
    part(out, &report.coherence, lang);

    let _ = writeln!(out, "<h3>3.4 {}</h3>", esc(t!(lang, "report-h-over-time")));
    part(out, &report.over_time, lang);

    let _ = writeln!(out, "<h3>3.5 {}</h3>", esc(t!(lang, "report-h-other")));
    part(out, &report.other, lang);
}

fn years_text(years: &[u16]) -> String {
    if years.is_empty() {
        return "–".into();
    }
    // Runs of consecutive years: 2008–2012, 2015.
    let mut runs: Vec<String> = Vec::new();
    let mut start = years[0];
    let mut last = years[0];
    for &y in &years[1..] {
        if y == last + 1 {
            last = y;
            continue;
        }
        runs.push(run_text(start, last));
        start = y;
        last = y;
    }
    runs.push(run_text(start, last));
    runs.join(", ")
}

fn run_text(start: u16, end: u16) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}–{end}")
    }
}

fn mirror_table(out: &mut String, report: &ReviewReport) {
    let lang = report.lang;
    let Some(year) = report.glance.mirror_year else {
        none(out, t!(lang, "report-no-mirror"));
        return;
    };
    let _ = writeln!(
        out,
        "<p>{}</p>",
        esc(&t!(lang, "report-mirror-table", year = year.to_string()))
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>I</th><th>E</th><th>I/E</th><th>{}</th>\
         <th>{}</th></tr></thead><tbody>",
        esc(t!(lang, "report-partner")),
        esc(t!(lang, "report-direction")),
        esc(t!(lang, "report-corrected-ratio")),
        esc(t!(lang, "report-band"))
    );
    for row in &report.mirror {
        mirror_row(out, report, row);
    }
    out.push_str("</tbody></table>\n");
}

fn mirror_row(out: &mut String, report: &ReviewReport, row: &MirrorRow) {
    let lang = report.lang;
    let direction = if row.inflow {
        t!(lang, "report-inflow")
    } else {
        t!(lang, "report-outflow")
    };
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
        esc(&format!(
            "{} ({})",
            crate::model::gazetteer().name(&row.partner, lang),
            row.partner
        )),
        esc(direction),
        opt_count(row.immigration, lang),
        opt_count(row.emigration, lang),
        ratio(row.ratio, lang),
        ratio(row.corrected_ratio, lang),
        esc(&band_text(report, row.band))
    );
}

/// A part of the quality chapter: its checks with their counts, and the findings quoted.
fn part(out: &mut String, part: &QualityPart, lang: Lang) {
    if part.checks.is_empty() {
        none(out, t!(lang, "report-no-finding"));
        return;
    }
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(t!(lang, "report-check")),
        esc(t!(lang, "SeverityLabel")),
        esc(t!(lang, "report-col-findings")),
        esc(crate::review::TriageStatus::Open.label(lang))
    );
    for CheckCount {
        check,
        severity,
        findings,
        open,
        ..
    } in &part.checks
    {
        let _ = writeln!(
            out,
            "<tr><td>{check} {}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(crate::checks::catalog::entry(*check).title(lang)),
            esc(severity.label(lang)),
            count(*findings as f64, lang),
            count(*open as f64, lang)
        );
    }
    out.push_str("</tbody></table>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>\n<ul>",
        esc(t!(lang, "report-most-important"))
    );
    for (row, more) in &part.quoted {
        let mut place = if row.place.is_empty() {
            String::new()
        } else {
            format!(" <small>({})</small>", esc(&row.place))
        };
        if *more > 0 {
            let others = t!(lang, "report-more-of-case", count = *more as f64);
            place.push_str(&format!(" <small>{}</small>", esc(&others)));
        }
        let _ = writeln!(
            out,
            "<li><span class=\"{}\">{}</span> {}{place} — {}</li>",
            if row.severity == crate::checks::Severity::Error {
                "error"
            } else {
                ""
            },
            row.check,
            esc(&row.message),
            esc(row.status.label(lang))
        );
    }
    out.push_str("</ul>\n");
}

fn development(out: &mut String, report: &ReviewReport) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>4. {}</h2>", esc(t!(lang, "report-h-development")));
    if report.development.is_empty() {
        none(out, t!(lang, "report-no-development"));
    } else {
        out.push_str("<ul>\n");
        for item in &report.development {
            let _ = writeln!(
                out,
                "<li><strong>{} · {}</strong> ({}: {}) — {} <em>{}</em></li>",
                esc(&item.source_name),
                esc(item.criterion.title(lang)),
                esc(t!(lang, "report-score")),
                item.score,
                esc(item.text(lang)),
                esc(item.action(lang))
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<h2>5. {}</h2>",
        esc(t!(lang, "report-h-recommendations"))
    );
    paragraphs(out, &report.texts.recommendations, lang);
}

fn annex(out: &mut String, report: &ReviewReport) {
    let lang = report.lang;
    let _ = writeln!(out, "<h2>6. {}</h2>", esc(t!(lang, "report-h-annex")));
    findings_table(out, &report.annex, lang);
    let _ = writeln!(out, "<h3>{}</h3>", esc(t!(lang, "report-h-false-alarms")));
    findings_table(out, &report.false_alarms, lang);
}

fn findings_table(out: &mut String, rows: &[FindingRow], lang: Lang) {
    if rows.is_empty() {
        none(out, t!(lang, "report-no-finding"));
        return;
    }
    let _ = write!(out, "<table class=\"annex\"><thead><tr>");
    for id in [
        "report-id",
        "report-check",
        "report-table",
        "report-year",
        "report-cell",
        "report-value",
        "report-expected",
        "SeverityLabel",
        "StatusLabel",
        "report-comment",
    ] {
        let _ = write!(out, "<th>{}</th>", esc(crate::i18n::text(lang, id)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        let _ = writeln!(
            out,
            "<tr><td class=\"hash\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&row.id),
            row.check,
            row.table.map(|t| t.code()).unwrap_or("–"),
            row.year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "–".into()),
            esc(&row.place),
            opt_number(row.value, lang),
            opt_number(row.expected, lang),
            esc(row.severity.label(lang)),
            esc(row.status.label(lang)),
            esc(&row.comment)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn opt_number(value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) if v.fract() == 0.0 => count(v, lang),
        Some(v) => format_decimal(v, 3, lang),
        None => "–".into(),
    }
}

fn references(out: &mut String, report: &ReviewReport) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<ul>",
        esc(t!(lang, "report-h-references"))
    );
    for id in ["report-ref-un1998", "report-ref-ces2010", "report-ref-ess"] {
        let _ = writeln!(out, "<li>{}</li>", esc(crate::i18n::text(lang, id)));
    }
    out.push_str("</ul>\n");
    if report.synthetic {
        let _ = writeln!(
            out,
            "<p class=\"notice\">{}</p>",
            esc(t!(lang, "report-synthetic"))
        );
    }
}

/// The chart font goes into the first chart only: the browser shares it with the others.
#[derive(Default)]
struct FontOnce {
    given: bool,
}

fn figure(
    out: &mut String,
    chart: Chart<'_>,
    charts: &ChartSources<'_>,
    lang: Lang,
    caption: &str,
    fonts: &mut FontOnce,
) {
    // Smaller than the window's export, so that its text reads at the width of an A4 page.
    let options = ChartOptions {
        lang,
        source: charts.source.clone(),
        width: 1100,
        height: 700,
        ..ChartOptions::default()
    };
    let Ok(charts::Rendered::Svg(svg)) = charts::render(chart, &options, Target::SvgString) else {
        return;
    };
    let mut svg = match svg.find("<svg") {
        Some(start) => svg[start..].to_string(),
        None => return,
    };
    if fonts.given {
        svg = svg.replacen(charts::embedded_font_defs(), "", 1);
    }
    fonts.given = true;
    // The chart's title says what it shows; the alternative text for readers who cannot see it.
    let svg = svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", esc(caption)),
        1,
    );
    let _ = writeln!(
        out,
        "<figure>{svg}<figcaption>{}</figcaption></figure>",
        esc(caption)
    );
}
