//! The country review report: what a reviewer hands over. One [`ReviewReport`] is built from
//! the run (the findings, the mirror statistics, the data), the review (triage, the country
//! under review, the reviewer's own texts) and the assessment of the data sources; it is written
//! as one stand-alone HTML file ([`html`]) and as its machine-readable twin (JSON, schema
//! [`SCHEMA`]). The chapters follow the published UNECE country reviews: the statistical system
//! and its sources, the quality of the data by ESS dimension, the potential for development and
//! the recommendations, and an annex of every finding with its triage.

pub mod bundle;
pub mod document;
pub mod docx;
pub mod html;
pub mod workbook;

use crate::assess::{AssessSettings, Assessment, CountryScorecard, DataSource, scorecard};
use crate::checks::{CheckCode, Dimension, Finding, Severity, catalog};
use crate::coverage::TableCoverage;
use crate::mirror::{Band, FlowDirection, MirrorPair, MirrorReport, Reading};
use crate::model::{Lang, Sex, TableId, gazetteer};
use crate::report::Report;
use crate::review::{ReportTexts, Review, TriageStatus};
use serde::Serialize;

/// What a report file is: a Word document, one HTML page, or the JSON twin.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum ReportFormat {
    #[default]
    Docx,
    Html,
    /// The findings workbook, for the statistical office to answer.
    Xlsx,
    Json,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Docx,
        ReportFormat::Html,
        ReportFormat::Xlsx,
        ReportFormat::Json,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Docx => "docx",
            ReportFormat::Html => "html",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Json => "json",
        }
    }

    /// The format a file name asks for (`.docx`, `.html` or `.htm`, `.xlsx`, `.json`), any
    /// case.
    pub fn of_path(path: &std::path::Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        match extension.as_str() {
            "docx" => Some(ReportFormat::Docx),
            "html" | "htm" => Some(ReportFormat::Html),
            "xlsx" => Some(ReportFormat::Xlsx),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }

    /// The report written in this format.
    pub fn write(
        self,
        report: &ReviewReport,
        charts: &document::ChartSources<'_>,
    ) -> Result<Vec<u8>, String> {
        match self {
            ReportFormat::Docx => docx::write(report, charts).map_err(|e| e.to_string()),
            ReportFormat::Html => Ok(html::write(report, charts).into_bytes()),
            ReportFormat::Xlsx => workbook::write(report).map_err(|e| e.to_string()),
            ReportFormat::Json => report
                .to_json()
                .map(String::into_bytes)
                .map_err(|e| e.to_string()),
        }
    }
}

/// A text the reviewer gives (their name, organisation), or "not given".
pub fn or_not_given(text: &str, lang: Lang) -> String {
    if text.trim().is_empty() {
        crate::t!(lang, "report-not-given").to_string()
    } else {
        text.to_string()
    }
}

/// Today's date, ISO 8601 (UTC), for the title page.
pub fn today() -> String {
    jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
}

/// The schema of the report's JSON twin.
pub const SCHEMA: &str = "migreview.review-report/1";

/// The size a chart is drawn at for the report (the DOCX draws it at twice this): narrower than
/// the window's export, so that its text reads at the width of an A4 page.
pub const CHART_SIZE: (u32, u32) = (1300, 1000);

/// How many findings of a dimension the report quotes with their cell (the annex has them all).
pub const QUOTED: usize = 10;

/// An input file, named as the reviewer sees it, with the hash that identifies its content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputFile {
    pub name: String,
    pub sha256: Option<String>,
}

/// Findings of one severity, by triage status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusCounts {
    pub severity: Severity,
    pub total: usize,
    pub open: usize,
    pub confirmed: usize,
    pub explained: usize,
    pub false_alarm: usize,
}

/// The at-a-glance table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Glance {
    /// The mean score of the data sources (1–5), when they were scored.
    pub overall_score: Option<f64>,
    pub grade: Option<String>,
    pub findings: Vec<StatusCounts>,
    /// The year of the mirror table, and its pairs by agreement band.
    pub mirror_year: Option<u16>,
    pub mirror_bands: Vec<(Band, usize)>,
}

/// One finding as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingRow {
    /// The key the review keeps its triage under.
    pub id: String,
    /// The findings of one cause share it (a mirror pair over the years and sexes).
    pub group: String,
    pub check: CheckCode,
    pub severity: Severity,
    pub dimension: Dimension,
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    pub partner: Option<String>,
    pub year: Option<u16>,
    pub sex: Option<Sex>,
    /// Where in the input: `KAZ.xlsx › Table 3 › D14`, or the line of a text file.
    pub place: String,
    pub value: Option<f64>,
    pub expected: Option<f64>,
    pub message: String,
    pub status: TriageStatus,
    pub comment: String,
    /// The statistical office's explanation, from the findings workbook.
    pub explanation: String,
}

/// The findings of one check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckCount {
    pub check: CheckCode,
    pub title: String,
    /// The most severe of its findings.
    pub severity: Severity,
    pub findings: usize,
    /// Neither confirmed, explained nor a false alarm yet.
    pub open: usize,
}

/// A part of the quality chapter: one or more ESS dimensions, the checks that found something
/// there and the findings quoted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QualityPart {
    pub dimensions: Vec<Dimension>,
    pub checks: Vec<CheckCount>,
    /// The most important cases, errors first (at most [`QUOTED`]): one finding of each group,
    /// with the number of other findings of its group.
    pub quoted: Vec<(FindingRow, usize)>,
}

/// One partner's flow in the mirror table: into the country or out of it, as each side reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MirrorRow {
    pub partner: String,
    /// `true`: the partner's emigrants to the country (the country reports the immigration).
    pub inflow: bool,
    pub immigration: Option<f64>,
    pub emigration: Option<f64>,
    pub ratio: Option<f64>,
    pub corrected_ratio: Option<f64>,
    pub band: Band,
}

/// The country's partner-structure distance in one direction
/// (`docs/domain.md#why-a-pair-disagrees`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StructureRow {
    pub direction: FlowDirection,
    /// The year of the mirror table, or the latest the country has a distance in this direction.
    pub year: u16,
    pub partners: usize,
    pub distance: f64,
}

/// How one of the country's pairs disagrees over the years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StabilityRow {
    pub partner: String,
    /// `true`: the partner's emigrants to the country (the country reports the immigration).
    pub inflow: bool,
    pub years: usize,
    /// e^(mean ln(I/E)): the ratio the years centre on.
    pub ratio: f64,
    /// Standard deviation of ln(I/E).
    pub sd: Option<f64>,
    pub jump_year: Option<u16>,
    pub reading: Reading,
    /// The sentence that reads it, in the report's language.
    pub sentence: String,
}

/// The years a country reports a table, for the completeness part.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableYears {
    pub table: TableId,
    pub years_reported: Vec<u16>,
    /// Years between the first and the last of the data with nothing reported.
    pub years_missing: Vec<u16>,
}

/// A data source, its inventory and its assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourcePart {
    pub source: DataSource,
    pub overall: Option<f64>,
    pub grade: Option<String>,
    /// The name of the institution that produces it, in the report's language.
    pub producer: Option<String>,
    /// The names of the institutions that hold or use its data.
    pub holders: Vec<String>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewReport {
    pub schema: &'static str,
    pub generated_by: String,
    pub lang: Lang,
    /// The country reviewed; `None`: every country of the data.
    pub country: Option<String>,
    /// "Kazakhstan (KAZ)", or all countries of the data.
    pub country_title: String,
    /// The day the report was written (ISO 8601).
    pub date: String,
    pub texts: ReportTexts,
    pub inputs: Vec<InputFile>,
    /// Settings that differ from the defaults: `mirror.band_green: 0.2 (default 0.0953…)`.
    pub settings_changed: Vec<String>,
    /// The data are the built-in synthetic sample.
    pub synthetic: bool,
    pub glance: Glance,
    /// The institutions working on migration in the country, from its assessment.
    pub institutions: Vec<crate::assess::institutions::Institution>,
    pub sources: Vec<SourcePart>,
    /// The assessment as the Sources panel scores it (for its chart), when there is one.
    #[serde(skip)]
    pub scorecard: Option<CountryScorecard>,
    pub coverage: Vec<TableYears>,
    pub relevance: QualityPart,
    pub accuracy: QualityPart,
    pub coherence: QualityPart,
    pub mirror: Vec<MirrorRow>,
    /// Why the country's pairs disagree: its partner-structure distance per direction …
    pub structure: Vec<StructureRow>,
    /// … and the reading of each of its pairs over the years, inflows first.
    pub stability: Vec<StabilityRow>,
    /// The bounds of the agreement bands (|ln I/E|), which name them.
    pub band_bounds: [f64; 3],
    pub over_time: QualityPart,
    pub other: QualityPart,
    /// Weak criteria and what could be done, weakest first.
    pub development: Vec<crate::assess::DevelopmentItem>,
    /// Every finding that is not a false alarm, in report order.
    pub annex: Vec<FindingRow>,
    pub false_alarms: Vec<FindingRow>,
}

/// What the report is built from.
pub struct ReportInputs<'a> {
    pub report: &'a Report,
    pub coverage: &'a TableCoverage,
    pub review: Option<&'a Review>,
    pub assessment: Option<&'a Assessment>,
    pub assess_settings: &'a AssessSettings,
    /// The country reviewed; `None`: every country.
    pub country: Option<&'a str>,
    pub lang: Lang,
    pub synthetic: bool,
    /// The day written on the title page.
    pub date: String,
}

/// The checks of the comparability over time (a jump, a break in a series).
const OVER_TIME: [CheckCode; 2] = [CheckCode::T1, CheckCode::T3];

/// The checks of the mirror statistics: coherence between countries, whatever their dimension.
const MIRROR: [CheckCode; 2] = [CheckCode::M1, CheckCode::M2];

/// Whether a finding goes into its dimension's part, not into a part of its own checks.
fn by_dimension(check: CheckCode) -> bool {
    !OVER_TIME.contains(&check) && !MIRROR.contains(&check)
}

impl ReviewReport {
    pub fn build(inputs: &ReportInputs<'_>) -> ReviewReport {
        let (report, lang, country) = (inputs.report, inputs.lang, inputs.country);
        let rows: Vec<FindingRow> = report
            .findings
            .iter()
            .filter(|f| country.is_none_or(|c| f.concerns(c)))
            .map(|f| {
                // The identity is made once: the triage is kept under it.
                let id = f.case_id();
                let triage = inputs
                    .review
                    .and_then(|r| r.triage(&id))
                    .cloned()
                    .unwrap_or_default();
                finding_row(f, id, lang, triage)
            })
            .collect();
        let (false_alarms, annex): (Vec<FindingRow>, Vec<FindingRow>) = rows
            .into_iter()
            .partition(|r| r.status == TriageStatus::FalseAlarm);
        let scorecard = country.and_then(|code| {
            let assessed = inputs.assessment?.country(code)?;
            Some((assessed, scorecard(assessed, inputs.assess_settings)))
        });
        let sources = scorecard
            .as_ref()
            .map(|(assessed, card)| {
                assessed
                    .sources
                    .iter()
                    .map(|source| {
                        let scored = card.sources.iter().find(|s| s.source_id == source.id);
                        let name = |id: &String| {
                            assessed
                                .institution(id)
                                .map_or_else(|| id.clone(), |i| i.name(lang).to_string())
                        };
                        SourcePart {
                            source: source.clone(),
                            overall: scored.and_then(|s| s.overall),
                            grade: scored.and_then(|s| s.grade).map(|g| g.label(lang).into()),
                            producer: source.producer.as_ref().map(name),
                            holders: source.holders.iter().map(name).collect(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let institutions = scorecard
            .as_ref()
            .map(|(assessed, _)| assessed.institutions.clone())
            .unwrap_or_default();
        let scorecard = scorecard.map(|(_, card)| card);
        let (mirror_year, mirror) = mirror_rows(&report.mirror.pairs, country);
        let part = |wanted: &dyn Fn(&FindingRow) -> bool, dimensions: Vec<Dimension>| {
            quality_part(&annex, wanted, dimensions)
        };
        let over_time = |r: &FindingRow| OVER_TIME.contains(&r.check);
        let in_dims = |dims: &'static [Dimension]| {
            move |r: &FindingRow| dims.contains(&r.dimension) && by_dimension(r.check)
        };
        let coherent = |r: &FindingRow| {
            MIRROR.contains(&r.check)
                || ([Dimension::Coherence, Dimension::Comparability].contains(&r.dimension)
                    && by_dimension(r.check))
        };
        let glance = Glance {
            overall_score: scorecard.as_ref().and_then(|c| c.overall),
            grade: scorecard
                .as_ref()
                .and_then(|c| c.grade)
                .map(|g| g.label(lang).into()),
            findings: status_counts(annex.iter().chain(&false_alarms)),
            mirror_year,
            mirror_bands: band_counts(&mirror),
        };
        ReviewReport {
            schema: SCHEMA,
            generated_by: crate::generated_by(),
            lang,
            country: country.map(str::to_string),
            country_title: match country {
                Some(code) => format!("{} ({code})", gazetteer().name(code, lang)),
                None => crate::t!(lang, "report-all-countries").to_string(),
            },
            date: inputs.date.clone(),
            texts: inputs.review.map(|r| r.report.clone()).unwrap_or_default(),
            inputs: report
                .inputs
                .iter()
                .map(|i| InputFile {
                    name: crate::load::display_name(std::path::Path::new(&i.path)),
                    sha256: i.sha256.clone(),
                })
                .collect(),
            settings_changed: settings_changed(&report.settings),
            synthetic: inputs.synthetic,
            glance,
            institutions,
            sources,
            development: scorecard
                .as_ref()
                .map(|c| c.development.clone())
                .unwrap_or_default(),
            scorecard,
            coverage: country
                .map(|code| table_years(inputs.coverage, code))
                .unwrap_or_default(),
            relevance: part(
                &in_dims(&[Dimension::Relevance]),
                vec![Dimension::Relevance],
            ),
            accuracy: part(&in_dims(&[Dimension::Accuracy]), vec![Dimension::Accuracy]),
            coherence: part(
                &coherent,
                vec![Dimension::Coherence, Dimension::Comparability],
            ),
            structure: structure_rows(&report.mirror, country, mirror_year),
            stability: stability_rows(&report.mirror, country, lang),
            mirror,
            band_bounds: {
                let m = &report.settings.mirror;
                [m.band_green, m.band_light, m.band_amber]
            },
            over_time: part(&over_time, vec![Dimension::Comparability]),
            other: part(
                &in_dims(&[Dimension::Timeliness, Dimension::Accessibility]),
                vec![Dimension::Timeliness, Dimension::Accessibility],
            ),
            annex,
            false_alarms,
        }
    }

    /// The JSON twin.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }
}

fn finding_row(f: &Finding, id: String, lang: Lang, triage: crate::review::Triage) -> FindingRow {
    let place = f
        .location
        .as_ref()
        .map(|l| {
            let mut parts = vec![l.file_name().to_string()];
            parts.extend(l.sheet.as_deref().map(String::from));
            parts.extend(l.cell_ref());
            if let Some(line) = l.line() {
                parts.push(crate::t!(lang, "report-line", line = line.to_string()));
            }
            parts.join(" › ")
        })
        .unwrap_or_default();
    FindingRow {
        group: f.shared_group_id().unwrap_or_else(|| id.clone()),
        id,
        check: f.check,
        severity: f.severity,
        dimension: f.dimension,
        table: f.table,
        reporter: f.reporter.as_deref().map(String::from),
        partner: f.category.as_deref().map(String::from),
        year: f.year,
        sex: f.sex,
        place,
        value: f.actual,
        expected: f.expected,
        message: f.message(lang).to_string(),
        status: triage.status,
        comment: triage.comment,
        explanation: triage.explanation,
    }
}

fn status_counts<'a>(rows: impl Iterator<Item = &'a FindingRow>) -> Vec<StatusCounts> {
    let mut counts: Vec<StatusCounts> = Severity::ALL
        .iter()
        .map(|&severity| StatusCounts {
            severity,
            total: 0,
            open: 0,
            confirmed: 0,
            explained: 0,
            false_alarm: 0,
        })
        .collect();
    for row in rows {
        let Some(c) = counts.iter_mut().find(|c| c.severity == row.severity) else {
            continue;
        };
        c.total += 1;
        match row.status {
            TriageStatus::Open => c.open += 1,
            TriageStatus::Confirmed => c.confirmed += 1,
            TriageStatus::Explained => c.explained += 1,
            TriageStatus::FalseAlarm => c.false_alarm += 1,
        }
    }
    counts
}

/// The checks of a part with their counts (in catalogue order), and its findings quoted:
/// errors first, then warnings, then information, each in report order.
fn quality_part(
    rows: &[FindingRow],
    wanted: &dyn Fn(&FindingRow) -> bool,
    dimensions: Vec<Dimension>,
) -> QualityPart {
    let mine: Vec<&FindingRow> = rows.iter().filter(|r| wanted(r)).collect();
    let checks = CheckCode::ALL
        .iter()
        .filter_map(|&check| {
            let of: Vec<&&FindingRow> = mine.iter().filter(|r| r.check == check).collect();
            let severity = of.iter().map(|r| r.severity).min()?;
            Some(CheckCount {
                check,
                title: catalog::entry(check).title(Lang::En).to_string(),
                severity,
                findings: of.len(),
                open: of.iter().filter(|r| r.status == TriageStatus::Open).count(),
            })
        })
        .collect();
    // One finding of each group, in the order met, with the number of the others.
    let mut groups: Vec<(&FindingRow, usize)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for row in &mine {
        match at.get(row.group.as_str()) {
            Some(&k) => groups[k].1 += 1,
            None => {
                at.insert(&row.group, groups.len());
                groups.push((row, 0));
            }
        }
    }
    groups.sort_by_key(|(r, _)| r.severity);
    QualityPart {
        dimensions,
        checks,
        quoted: groups
            .into_iter()
            .take(QUOTED)
            .map(|(r, more)| (r.clone(), more))
            .collect(),
    }
}

/// The country's two-sided flows of the latest year it has any, totals of both sexes: into it
/// and out of it, by partner.
fn mirror_rows(pairs: &[MirrorPair], country: Option<&str>) -> (Option<u16>, Vec<MirrorRow>) {
    let Some(code) = country else {
        return (None, Vec::new());
    };
    let of = |p: &&MirrorPair| p.sex == Sex::T && (p.receiver == code || p.sender == code);
    let year = pairs
        .iter()
        .filter(of)
        .filter(|p| p.is_two_sided())
        .map(|p| p.year)
        .max();
    let Some(year) = year else {
        return (None, Vec::new());
    };
    let mut rows: Vec<MirrorRow> = pairs
        .iter()
        .filter(of)
        .filter(|p| p.year == year)
        .map(|p| {
            let inflow = p.receiver == code;
            MirrorRow {
                partner: if inflow { &p.sender } else { &p.receiver }.to_string(),
                inflow,
                immigration: p.immigration,
                emigration: p.emigration,
                ratio: p.ratio,
                corrected_ratio: p.corrected_ratio,
                band: p.band,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.inflow.cmp(&a.inflow).then(a.partner.cmp(&b.partner)));
    (Some(year), rows)
}

/// The country's partner-structure distance per direction (emigration first), in the year of
/// the mirror table where it has one there, else in its latest year.
fn structure_rows(
    mirror: &MirrorReport,
    country: Option<&str>,
    year: Option<u16>,
) -> Vec<StructureRow> {
    let Some(code) = country else {
        return Vec::new();
    };
    [FlowDirection::Emigration, FlowDirection::Immigration]
        .into_iter()
        .filter_map(|direction| {
            let of = || {
                mirror
                    .structure
                    .iter()
                    .filter(move |s| s.country == code && s.direction == direction)
            };
            let row = of()
                .find(|s| Some(s.year) == year)
                .or_else(|| of().max_by_key(|s| s.year))?;
            Some(StructureRow {
                direction,
                year: row.year,
                partners: row.partners,
                distance: row.distance,
            })
        })
        .collect()
}

/// The readings of the country's pairs over the years: inflows first, by partner.
fn stability_rows(mirror: &MirrorReport, country: Option<&str>, lang: Lang) -> Vec<StabilityRow> {
    let Some(code) = country else {
        return Vec::new();
    };
    let mut rows: Vec<StabilityRow> = mirror
        .stability
        .iter()
        .filter(|s| s.receiver == code || s.sender == code)
        .map(|s| {
            let inflow = s.receiver == code;
            StabilityRow {
                partner: if inflow { &s.sender } else { &s.receiver }.clone(),
                inflow,
                years: s.years,
                ratio: s.mean.exp(),
                sd: s.sd,
                jump_year: s.jump_year,
                reading: s.reading,
                sentence: s.sentence(lang),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.inflow.cmp(&a.inflow).then(a.partner.cmp(&b.partner)));
    rows
}

fn band_counts(rows: &[MirrorRow]) -> Vec<(Band, usize)> {
    Band::ALL
        .iter()
        .map(|&band| (band, rows.iter().filter(|r| r.band == band).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The tables a country reports, with the years reported and the years missing between the
/// first and the last year of the data.
fn table_years(coverage: &TableCoverage, code: &str) -> Vec<TableYears> {
    coverage
        .tables
        .iter()
        .filter_map(|&table| {
            let reported: Vec<u16> = coverage
                .years
                .iter()
                .copied()
                .filter(|&y| coverage.counts(code, table, y).0 > 0)
                .collect();
            if reported.is_empty() {
                return None;
            }
            let missing = coverage
                .years
                .iter()
                .copied()
                .filter(|y| !reported.contains(y))
                .collect();
            Some(TableYears {
                table,
                years_reported: reported,
                years_missing: missing,
            })
        })
        .collect()
}

/// The settings that differ from the defaults, as `path: value (default value)`.
fn settings_changed(settings: &crate::settings::Settings) -> Vec<String> {
    let (Ok(now), Ok(default)) = (
        serde_json::to_value(settings),
        serde_json::to_value(crate::settings::Settings::default()),
    ) else {
        return Vec::new();
    };
    let mut changed = Vec::new();
    differences("", &now, &default, &mut changed);
    changed
}

fn differences(
    path: &str,
    now: &serde_json::Value,
    default: &serde_json::Value,
    out: &mut Vec<String>,
) {
    match (now, default) {
        (serde_json::Value::Object(now), serde_json::Value::Object(default)) => {
            for (key, value) in now {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let null = serde_json::Value::Null;
                differences(&inner, value, default.get(key).unwrap_or(&null), out);
            }
        }
        _ if now != default => out.push(format!("{path}: {now} (default {default})")),
        _ => {}
    }
}
