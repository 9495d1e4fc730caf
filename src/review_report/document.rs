//! The review report as a document: headings, paragraphs, tables, lists and figures in the
//! order they are read, with every text in the report's language. The HTML and the DOCX writers
//! lay out the same blocks, so the two never disagree.

use super::{FindingRow, MirrorRow, QualityPart, ReviewReport};
use crate::assess::{Choice, Criterion};
use crate::charts::{self, CoverageGrid, ScatterData, ScorecardData};
use crate::coverage::TableCoverage;
use crate::i18n::{format_count_in, format_decimal};
use crate::mirror::{FlowDirection, MirrorReport, MirrorSettings, Reading};
use crate::model::{Lang, Sex};
use crate::review::TriageStatus;
use crate::t;

/// The charts the report shows, drawn from the same data as the window's.
pub struct ChartSources<'a> {
    pub mirror: &'a MirrorReport,
    pub mirror_settings: &'a MirrorSettings,
    pub coverage: &'a TableCoverage,
    pub grade_bands: [f64; 3],
    /// The source line of the charts.
    pub source: String,
}

/// How a piece of text is set.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    Strong,
    /// A check code of an error.
    Error,
    /// Where a finding is, after its message.
    Small,
}

/// A piece of text set one way.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub look: Look,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            look: Look::Plain,
        }
    }

    fn with(text: impl Into<String>, look: Look) -> Span {
        Span {
            text: text.into(),
            look,
        }
    }
}

/// What a column holds, for its alignment and its type.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// A code or a year: a narrow column.
    Short,
    Text,
    /// Long text (evidence, a message): twice the room of other text.
    Wide,
    /// Numbers, set to the right.
    Number,
    /// Identifiers and hashes, in a fixed-width face.
    Code,
}

/// The share of a table's width each column takes: numbers and codes a fixed part, text
/// columns the rest, long text and identifiers more than other text. The same in the
/// HTML and the DOCX.
pub fn column_shares(columns: &[Column]) -> Vec<f64> {
    let fixed = |c: &Column| match c {
        Column::Number => Some(1.0 / 12.0),
        Column::Short => Some(1.0 / 14.0),
        _ => None,
    };
    let share = |c: &Column| match c {
        Column::Code => 2.0,
        Column::Wide => 1.6,
        // Room for one word of a status or a severity in Russian ("Подтверждено").
        Column::Text => 1.5,
        Column::Number | Column::Short => 0.0,
    };
    let taken: f64 = columns.iter().filter_map(fixed).sum();
    let shares: f64 = columns.iter().map(share).sum();
    let mut per_share = (1.0 - taken).max(0.0) / shares.max(1.0);
    // A table of few text columns beside many numbers (the at-a-glance table) gives the room
    // the text does not need to the numbers, whose headers are words too.
    let mut widen = 1.0;
    if taken > 0.0 && per_share > MAX_PER_SHARE {
        per_share = MAX_PER_SHARE;
        widen = (1.0 - per_share * shares) / taken;
    }
    columns
        .iter()
        .map(|c| fixed(c).map_or(per_share * share(c), |w| w * widen))
        .collect()
}

/// The most a unit of a text column's share takes of a table's width.
const MAX_PER_SHARE: f64 = 0.2;

impl ChartSources<'_> {
    /// How the report draws a chart: in its language, with its source line, at
    /// [`super::CHART_SIZE`] times `scale`.
    pub fn options(&self, lang: Lang, scale: u32) -> crate::charts::ChartOptions {
        let (width, height) = super::CHART_SIZE;
        crate::charts::ChartOptions {
            lang,
            source: self.source.clone(),
            width: width * scale,
            height: height * scale,
            ..crate::charts::ChartOptions::default()
        }
    }
}

/// A chart of the report.
#[derive(Clone, Debug)]
pub enum Figure {
    Scorecard(ScorecardData),
    Coverage(CoverageGrid),
    Scatter(ScatterData),
}

impl Figure {
    pub fn chart(&self) -> charts::Chart<'_> {
        match self {
            Figure::Scorecard(data) => charts::Chart::Scorecard(data),
            Figure::Coverage(grid) => charts::Chart::Coverage(grid),
            Figure::Scatter(data) => charts::Chart::Scatter(data),
        }
    }
}

/// One block of the document.
#[derive(Clone, Debug)]
pub enum Block {
    /// The report's title and the country it is about.
    Title {
        title: String,
        subtitle: String,
    },
    /// The synthetic-data notice.
    Notice(String),
    /// 1: a chapter; 2: a section of a chapter; 3: a part of the title page (not in the
    /// table of contents).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    /// Nothing to say here: "No finding.", "Not written yet."
    Nothing(String),
    /// Label and value pairs (a source's inventory, the title page).
    Definitions(Vec<(String, String)>),
    Table {
        columns: Vec<(String, Column)>,
        rows: Vec<Vec<String>>,
    },
    List(Vec<Vec<Span>>),
    Figure {
        figure: Box<Figure>,
        caption: String,
    },
    /// The title page ends here.
    EndOfTitlePage,
}

/// The blocks of a report, in reading order.
pub fn blocks(report: &ReviewReport, charts: &ChartSources<'_>) -> Vec<Block> {
    let mut doc = Doc {
        blocks: Vec::new(),
        lang: report.lang,
    };
    title_page(&mut doc, report);
    summary(&mut doc, report);
    sources(&mut doc, report, charts);
    quality(&mut doc, report, charts);
    development(&mut doc, report);
    annex(&mut doc, report);
    references(&mut doc, report);
    doc.blocks
}

struct Doc {
    blocks: Vec<Block>,
    lang: Lang,
}

impl Doc {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    fn nothing(&mut self, text: &str) {
        self.push(Block::Nothing(text.to_string()));
    }

    fn paragraph(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(vec![Span::plain(text)]));
    }

    /// The reviewer's text as paragraphs (a blank line between them), or "not written yet".
    fn reviewer_text(&mut self, text: &str) {
        let parts: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            self.nothing(t!(self.lang, "report-not-written"));
        }
        for part in parts {
            self.paragraph(part);
        }
    }

    fn table(&mut self, columns: &[(&str, Column)], rows: Vec<Vec<String>>) {
        self.push(Block::Table {
            columns: columns
                .iter()
                .map(|(name, column)| (name.to_string(), *column))
                .collect(),
            rows,
        });
    }

    fn figure(&mut self, figure: Figure, caption: &str) {
        if figure.chart().is_empty() {
            return;
        }
        self.push(Block::Figure {
            figure: Box::new(figure),
            caption: caption.to_string(),
        });
    }
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

fn opt_number(value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) if v.fract() == 0.0 => count(v, lang),
        Some(v) => format_decimal(v, 3, lang),
        None => "–".into(),
    }
}

fn title_page(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    doc.push(Block::Title {
        title: t!(lang, "report-title").to_string(),
        subtitle: report.country_title.clone(),
    });
    if report.synthetic {
        doc.push(Block::Notice(t!(lang, "report-synthetic").to_string()));
    }
    let texts = &report.texts;
    let or_none = |text: &str| super::or_not_given(text, lang);
    doc.push(Block::Definitions(vec![
        (t!(lang, "report-reviewer").into(), or_none(&texts.reviewer)),
        (
            t!(lang, "report-organisation").into(),
            or_none(&texts.organisation),
        ),
        (t!(lang, "report-date").into(), report.date.clone()),
        (
            t!(lang, "report-made-with").into(),
            report.generated_by.clone(),
        ),
    ]));
    doc.heading(3, t!(lang, "report-inputs"));
    let rows = report
        .inputs
        .iter()
        .map(|i| {
            vec![
                i.name.clone(),
                i.sha256.clone().unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    doc.table(
        &[
            (t!(lang, "report-file"), Column::Text),
            ("SHA-256", Column::Code),
        ],
        rows,
    );
    doc.heading(3, t!(lang, "report-settings"));
    if report.settings_changed.is_empty() {
        doc.nothing(t!(lang, "report-settings-default"));
    } else {
        doc.push(Block::List(
            report
                .settings_changed
                .iter()
                .map(|line| vec![Span::plain(line)])
                .collect(),
        ));
    }
    doc.push(Block::EndOfTitlePage);
}

fn summary(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    doc.heading(1, format!("1. {}", t!(lang, "report-h-summary")));
    doc.reviewer_text(&report.texts.summary);
    doc.heading(2, t!(lang, "report-h-glance"));
    let glance = &report.glance;
    let score = match (glance.overall_score, &glance.grade) {
        (Some(score), Some(grade)) => format!("{} ({grade})", format_decimal(score, 1, lang)),
        (Some(score), None) => format_decimal(score, 1, lang),
        _ => t!(lang, "report-not-scored").to_string(),
    };
    doc.push(Block::Definitions(vec![(
        t!(lang, "report-overall-score").into(),
        score,
    )]));
    let mut columns = vec![
        (t!(lang, "SeverityLabel"), Column::Text),
        (t!(lang, "report-col-findings"), Column::Number),
    ];
    columns.extend(
        TriageStatus::ALL
            .iter()
            .map(|s| (s.label(lang), Column::Number)),
    );
    let rows = glance
        .findings
        .iter()
        .map(|c| {
            vec![
                c.severity.label(lang).to_string(),
                count(c.total as f64, lang),
                count(c.open as f64, lang),
                count(c.confirmed as f64, lang),
                count(c.explained as f64, lang),
                count(c.false_alarm as f64, lang),
            ]
        })
        .collect();
    doc.table(&columns, rows);
    match glance.mirror_year {
        Some(year) if !glance.mirror_bands.is_empty() => {
            doc.paragraph(t!(lang, "report-mirror-agreement", year = year.to_string()));
            doc.push(Block::List(
                glance
                    .mirror_bands
                    .iter()
                    .map(|(band, n)| {
                        vec![Span::plain(format!(
                            "{}: {}",
                            band_text(report, *band),
                            count(*n as f64, lang)
                        ))]
                    })
                    .collect(),
            ));
        }
        _ => doc.nothing(t!(lang, "report-no-mirror")),
    }
}

fn band_text(report: &ReviewReport, band: crate::mirror::Band) -> String {
    charts::band_label(report.lang, band, report.band_bounds)
}

fn sources(doc: &mut Doc, report: &ReviewReport, charts: &ChartSources<'_>) {
    let lang = report.lang;
    doc.heading(1, format!("2. {}", t!(lang, "report-h-system")));
    if report.sources.is_empty() {
        doc.nothing(t!(lang, "report-no-assessment"));
        return;
    }
    if !report.institutions.is_empty() {
        doc.heading(2, t!(lang, "report-institutions"));
        doc.paragraph(t!(lang, "report-institutions-why"));
        let rows = report
            .institutions
            .iter()
            .map(|i| {
                vec![
                    i.name(lang).to_string(),
                    i.category.label(lang).to_string(),
                    i.location.clone(),
                    [i.website.as_str(), i.contact.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("\n"),
                    i.summary.clone(),
                ]
            })
            .collect();
        doc.table(
            &[
                (t!(lang, "report-institution"), Column::Text),
                (t!(lang, "report-category"), Column::Text),
                (t!(lang, "report-location"), Column::Text),
                (t!(lang, "report-contact"), Column::Text),
                (t!(lang, "report-activities"), Column::Wide),
            ],
            rows,
        );
    }
    for part in &report.sources {
        let source = &part.source;
        doc.heading(2, format!("{} · {}", source.id, source.name));
        let months = |m: Option<u16>| m.map(|m| m.to_string()).unwrap_or_else(|| "–".into());
        let mut inventory: Vec<(String, String)> = [
            (t!(lang, "report-kind"), source.kind.label(lang).to_string()),
            (t!(lang, "report-agency"), source.agency.clone()),
            (t!(lang, "report-measures"), source.measures.clone()),
            (
                t!(lang, "report-periodicity"),
                source.periodicity.label(lang).to_string(),
            ),
            (
                t!(lang, "report-release-lag"),
                months(source.release_lag_months),
            ),
            (
                t!(lang, "report-population"),
                source.population_covered.clone(),
            ),
            (
                t!(lang, "report-duration-rule"),
                months(source.duration_rule_months.map(u16::from)),
            ),
            (t!(lang, "report-notes"), source.notes.clone()),
        ]
        .into_iter()
        .chain([
            (
                t!(lang, "report-producer"),
                part.producer.clone().unwrap_or_default(),
            ),
            (t!(lang, "report-holders"), part.holders.join("; ")),
        ])
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| (label.to_string(), value))
        .collect();
        if let Some(overall) = part.overall {
            let grade = part
                .grade
                .as_deref()
                .map(|g| format!(" ({g})"))
                .unwrap_or_default();
            inventory.push((
                t!(lang, "report-source-score").into(),
                format!("{}{grade}", format_decimal(overall, 1, lang)),
            ));
        }
        doc.push(Block::Definitions(inventory));
        let rows = Criterion::ALL
            .iter()
            .map(|&criterion| {
                let scored = source.scores.iter().find(|s| s.criterion == criterion);
                let suggested = scored.and_then(|s| s.suggested.as_ref());
                let comment = scored.map_or("", |s| {
                    if s.evidence.is_empty() {
                        s.reason.as_str()
                    } else {
                        s.evidence.as_str()
                    }
                });
                vec![
                    criterion.title(lang).to_string(),
                    scored
                        .and_then(|s| s.final_score)
                        .map_or("–".into(), |s| s.to_string()),
                    suggested.map_or("–".into(), |s| s.score.to_string()),
                    suggested.map_or(String::new(), |s| s.evidence(lang).to_string()),
                    comment.to_string(),
                ]
            })
            .collect();
        doc.table(
            &[
                (t!(lang, "report-criterion"), Column::Text),
                (t!(lang, "report-score"), Column::Number),
                (t!(lang, "report-suggested"), Column::Number),
                (t!(lang, "report-evidence"), Column::Wide),
                (t!(lang, "report-comment"), Column::Text),
            ],
            rows,
        );
    }
    if let Some(card) = &report.scorecard {
        doc.figure(
            Figure::Scorecard(ScorecardData::build(card, charts.grade_bands)),
            t!(lang, "report-fig-scorecard"),
        );
    }
}

fn quality(doc: &mut Doc, report: &ReviewReport, charts: &ChartSources<'_>) {
    let lang = report.lang;
    doc.heading(1, format!("3. {}", t!(lang, "report-h-quality")));

    doc.heading(2, format!("3.1 {}", t!(lang, "report-h-relevance")));
    match &report.country {
        Some(code) if !report.coverage.is_empty() => {
            let rows = report
                .coverage
                .iter()
                .map(|row| {
                    vec![
                        format!("{} {}", row.table.code(), row.table.title(lang)),
                        years_text(&row.years_reported),
                        years_text(&row.years_missing),
                    ]
                })
                .collect();
            doc.table(
                &[
                    (t!(lang, "report-table"), Column::Text),
                    (t!(lang, "report-years-reported"), Column::Text),
                    (t!(lang, "report-years-missing"), Column::Text),
                ],
                rows,
            );
            doc.figure(
                Figure::Coverage(CoverageGrid::by_reporter(charts.coverage, code)),
                t!(lang, "report-fig-coverage"),
            );
        }
        Some(_) => doc.nothing(&t!(
            lang,
            "report-reports-no-table",
            country = report.country_title.as_str()
        )),
        None => doc.nothing(t!(lang, "report-not-applicable")),
    }
    part(doc, &report.relevance);

    doc.heading(2, format!("3.2 {}", t!(lang, "report-h-accuracy")));
    part(doc, &report.accuracy);

    doc.heading(2, format!("3.3 {}", t!(lang, "report-h-coherence")));
    mirror_table(doc, report);
    if report.country.is_some() && !report.mirror.is_empty() {
        let data = ScatterData::build(
            charts.mirror,
            charts.mirror_settings,
            None,
            Sex::T,
            charts::Basis::Corrected,
        )
        .of_country(charts.mirror, report.country.as_deref());
        doc.figure(Figure::Scatter(data), t!(lang, "report-fig-scatter"));
    }
    doc.paragraph(t!(lang, "report-duration-criteria"));
    why_pairs_disagree(doc, report);
    part(doc, &report.coherence);

    doc.heading(2, format!("3.4 {}", t!(lang, "report-h-over-time")));
    part(doc, &report.over_time);

    doc.heading(2, format!("3.5 {}", t!(lang, "report-h-other")));
    part(doc, &report.other);
}

/// Years as runs: `2008–2012, 2015`; `–` for none.
pub fn years_text(years: &[u16]) -> String {
    let Some((&first, rest)) = years.split_first() else {
        return "–".into();
    };
    let run = |start: u16, end: u16| {
        if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        }
    };
    let mut runs: Vec<String> = Vec::new();
    let (mut start, mut last) = (first, first);
    for &year in rest {
        if year == last + 1 {
            last = year;
            continue;
        }
        runs.push(run(start, last));
        (start, last) = (year, year);
    }
    runs.push(run(start, last));
    runs.join(", ")
}

fn mirror_table(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    let Some(year) = report.glance.mirror_year else {
        doc.nothing(t!(lang, "report-no-mirror"));
        return;
    };
    doc.paragraph(t!(lang, "report-mirror-table", year = year.to_string()));
    let rows = report
        .mirror
        .iter()
        .map(|row| mirror_row(report, row))
        .collect();
    doc.table(
        &[
            (t!(lang, "report-partner"), Column::Text),
            (t!(lang, "report-direction"), Column::Text),
            ("I", Column::Number),
            ("E", Column::Number),
            ("I/E", Column::Number),
            (t!(lang, "report-corrected-ratio"), Column::Number),
            (t!(lang, "report-band"), Column::Text),
        ],
        rows,
    );
}

/// Why the country's pairs disagree: its partner-structure distance per direction, and the
/// reading of each pair over the years with what each reading means.
fn why_pairs_disagree(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    if report.country.is_none() || (report.structure.is_empty() && report.stability.is_empty()) {
        return;
    }
    doc.push(Block::Paragraph(vec![
        Span::with(t!(lang, "report-why-disagree"), Look::Strong),
        Span::plain(format!(" {}", t!(lang, "report-why-disagree-intro"))),
    ]));
    if report.structure.is_empty() {
        doc.nothing(t!(lang, "report-no-structure"));
    } else {
        let rows = report
            .structure
            .iter()
            .map(|row| {
                vec![
                    match row.direction {
                        FlowDirection::Emigration => t!(lang, "report-outflow"),
                        FlowDirection::Immigration => t!(lang, "report-inflow"),
                    }
                    .to_string(),
                    row.year.to_string(),
                    count(row.partners as f64, lang),
                    format_decimal(row.distance, 2, lang),
                ]
            })
            .collect();
        doc.table(
            &[
                (t!(lang, "report-direction"), Column::Text),
                (t!(lang, "report-year"), Column::Number),
                (t!(lang, "report-partners"), Column::Number),
                ("D", Column::Number),
            ],
            rows,
        );
    }
    if report.stability.is_empty() {
        return;
    }
    doc.paragraph(t!(lang, "report-stability-table"));
    let rows = report
        .stability
        .iter()
        .map(|row| {
            let reading = match (row.reading, row.jump_year) {
                (Reading::MethodChange, Some(year)) => {
                    format!("{} ({year})", row.reading.label(lang))
                }
                _ => row.reading.label(lang).to_string(),
            };
            let [partner, direction] = partner_cells(&row.partner, row.inflow, lang);
            vec![
                partner,
                direction,
                count(row.years as f64, lang),
                ratio(Some(row.ratio), lang),
                row.sd
                    .map_or_else(|| "–".to_string(), |sd| format_decimal(sd, 2, lang)),
                reading,
            ]
        })
        .collect();
    doc.table(
        &[
            (t!(lang, "report-partner"), Column::Text),
            (t!(lang, "report-direction"), Column::Text),
            (t!(lang, "report-years"), Column::Number),
            ("I/E", Column::Number),
            (t!(lang, "report-sd-log-ratio"), Column::Number),
            (t!(lang, "report-reading"), Column::Text),
        ],
        rows,
    );
    let present: Vec<Reading> = Reading::ALL
        .into_iter()
        .filter(|r| report.stability.iter().any(|row| row.reading == *r))
        .collect();
    doc.push(Block::List(
        present
            .into_iter()
            .map(|r| {
                vec![
                    Span::with(r.label(lang), Look::Strong),
                    Span::plain(format!(": {}", r.meaning(lang))),
                ]
            })
            .collect(),
    ));
}

/// The first two cells of a row about a partner: its name with its code, and whether the flow
/// comes in from it or goes out to it.
fn partner_cells(partner: &str, inflow: bool, lang: Lang) -> [String; 2] {
    [
        format!(
            "{} ({partner})",
            crate::model::gazetteer().name(partner, lang)
        ),
        if inflow {
            t!(lang, "report-inflow")
        } else {
            t!(lang, "report-outflow")
        }
        .to_string(),
    ]
}

fn mirror_row(report: &ReviewReport, row: &MirrorRow) -> Vec<String> {
    let lang = report.lang;
    let [partner, direction] = partner_cells(&row.partner, row.inflow, lang);
    vec![
        partner,
        direction,
        opt_count(row.immigration, lang),
        opt_count(row.emigration, lang),
        ratio(row.ratio, lang),
        ratio(row.corrected_ratio, lang),
        band_text(report, row.band),
    ]
}

/// A part of the quality chapter: its checks with their counts, and the cases quoted.
fn part(doc: &mut Doc, part: &QualityPart) {
    let lang = doc.lang;
    if part.checks.is_empty() {
        doc.nothing(t!(lang, "report-no-finding"));
        return;
    }
    let rows = part
        .checks
        .iter()
        .map(|c| {
            vec![
                format!(
                    "{} {}",
                    c.check,
                    crate::checks::catalog::entry(c.check).title(lang)
                ),
                c.severity.label(lang).to_string(),
                count(c.findings as f64, lang),
                count(c.open as f64, lang),
            ]
        })
        .collect();
    doc.table(
        &[
            (t!(lang, "report-check"), Column::Text),
            (t!(lang, "SeverityLabel"), Column::Text),
            (t!(lang, "report-col-findings"), Column::Number),
            (TriageStatus::Open.label(lang), Column::Number),
        ],
        rows,
    );
    doc.paragraph(t!(lang, "report-most-important"));
    let items = part
        .quoted
        .iter()
        .map(|(row, more)| {
            let code_look = if row.severity == crate::checks::Severity::Error {
                Look::Error
            } else {
                Look::Strong
            };
            let mut spans = vec![
                Span::with(row.check.to_string(), code_look),
                Span::plain(format!(" {}", row.message)),
            ];
            if !row.place.is_empty() {
                spans.push(Span::with(format!(" ({})", row.place), Look::Small));
            }
            if *more > 0 {
                let others = t!(lang, "report-more-of-case", count = *more as f64);
                spans.push(Span::with(format!(" {others}"), Look::Small));
            }
            spans.push(Span::plain(format!(" — {}", row.status.label(lang))));
            spans
        })
        .collect();
    doc.push(Block::List(items));
}

fn development(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    doc.heading(1, format!("4. {}", t!(lang, "report-h-development")));
    if report.development.is_empty() {
        doc.nothing(t!(lang, "report-no-development"));
    } else {
        let items = report
            .development
            .iter()
            .map(|item| {
                vec![
                    Span::with(
                        format!("{} · {}", item.source_name, item.criterion.title(lang)),
                        Look::Strong,
                    ),
                    Span::plain(format!(
                        " ({}: {}) — {} {}",
                        t!(lang, "report-score"),
                        item.score,
                        item.text(lang),
                        item.action(lang)
                    )),
                ]
            })
            .collect();
        doc.push(Block::List(items));
    }
    doc.heading(1, format!("5. {}", t!(lang, "report-h-recommendations")));
    doc.reviewer_text(&report.texts.recommendations);
}

fn annex(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    doc.heading(1, format!("6. {}", t!(lang, "report-h-annex")));
    findings_table(doc, &report.annex);
    doc.heading(2, t!(lang, "report-h-false-alarms"));
    findings_table(doc, &report.false_alarms);
}

fn findings_table(doc: &mut Doc, rows: &[FindingRow]) {
    let lang = doc.lang;
    if rows.is_empty() {
        doc.nothing(t!(lang, "report-no-finding"));
        return;
    }
    let rows = rows
        .iter()
        .map(|row| {
            vec![
                row.id.clone(),
                row.check.to_string(),
                row.table
                    .map_or_else(|| "–".to_string(), |t| t.column_label(lang)),
                row.year.map_or("–".into(), |y| y.to_string()),
                row.place.clone(),
                opt_number(row.value, lang),
                opt_number(row.expected, lang),
                row.severity.label(lang).to_string(),
                row.status.label(lang).to_string(),
                comment_text(row, lang),
            ]
        })
        .collect();
    doc.table(
        &[
            (t!(lang, "report-id"), Column::Code),
            (t!(lang, "report-check"), Column::Short),
            (t!(lang, "report-table"), Column::Short),
            (t!(lang, "report-year"), Column::Short),
            (t!(lang, "report-cell"), Column::Wide),
            (t!(lang, "report-value"), Column::Number),
            (t!(lang, "report-expected"), Column::Number),
            (t!(lang, "SeverityLabel"), Column::Text),
            (t!(lang, "StatusLabel"), Column::Text),
            (t!(lang, "report-comment"), Column::Wide),
        ],
        rows,
    );
}

/// The reviewer's comment, and the office's explanation after it when there is one.
fn comment_text(row: &FindingRow, lang: Lang) -> String {
    match (row.comment.is_empty(), row.explanation.is_empty()) {
        (_, true) => row.comment.clone(),
        (true, false) => format!("{}: {}", t!(lang, "report-explanation"), row.explanation),
        (false, false) => format!(
            "{}\n{}: {}",
            row.comment,
            t!(lang, "report-explanation"),
            row.explanation
        ),
    }
}

fn references(doc: &mut Doc, report: &ReviewReport) {
    let lang = report.lang;
    doc.heading(1, t!(lang, "report-h-references"));
    doc.push(Block::List(
        [
            t!(lang, "report-ref-un1998"),
            t!(lang, "report-ref-ces2010"),
            t!(lang, "report-ref-ess"),
        ]
        .into_iter()
        .map(|text| vec![Span::plain(text)])
        .collect(),
    ));
    if report.synthetic {
        doc.push(Block::Notice(t!(lang, "report-synthetic").to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::{Column, column_shares, years_text};

    #[test]
    fn columns_share_the_width() {
        let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9);
        // The annex: the numbers and short codes keep their part, text the rest.
        use Column::*;
        let annex = column_shares(&[Code, Short, Short, Short, Wide, Number, Number, Text, Text]);
        assert!((annex.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((annex[5] - 1.0 / 12.0).abs() < 1e-9, "{annex:?}");
        // One text column beside five numbers: the text takes 0.2 × 1.5, the numbers the rest.
        let glance = column_shares(&[Text, Number, Number, Number, Number, Number]);
        assert!(
            close(&glance, &[0.3, 0.14, 0.14, 0.14, 0.14, 0.14]),
            "{glance:?}"
        );
        // Text alone shares the whole width.
        assert!(close(
            &column_shares(&[Text, Wide]),
            &[1.5 / 3.1, 1.6 / 3.1]
        ));
    }

    #[test]
    fn years_are_written_as_runs() {
        assert_eq!(years_text(&[]), "–");
        assert_eq!(years_text(&[2015]), "2015");
        assert_eq!(
            years_text(&[2008, 2009, 2010, 2012, 2014, 2015]),
            "2008–2010, 2012, 2014–2015"
        );
    }
}
