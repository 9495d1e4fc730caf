//! The scorecard of a country's data sources as a chart: per ESS dimension, each source's mean
//! score (0–3) as a horizontal bar, on a scale that names the grade of each rubric level, with
//! the overall score in the subtitle and the sources in the legend.
//!
//! [`ScorecardData`] is built from the computed [`CountryScorecard`]; the Sources panel paints
//! its bars from the same structure, with the same colours.

use super::draw::{
    self, AXIS, GREY_TEXT, INK, Mark, Scale, anchored, country_name, decimal, error, fitting_size,
    frame, legend, legend_height, wrap,
};
use super::texts::texts;
use super::{ChartError, ChartOptions};
use crate::assess::rubric::dimension_label;
use crate::assess::{CountryScorecard, Grade, Score};
use crate::checks::Dimension;
use crate::model::Lang;
use crate::t;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// A dimension mean of one source.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct DimensionMean {
    pub mean: f64,
    /// It rests on at least one suggestion not yet reviewed.
    pub provisional: bool,
}

/// One source of the scorecard chart: its bars, one per dimension of [`ScorecardData`].
#[derive(Clone, Debug, PartialEq)]
pub struct ScorecardSource {
    pub id: String,
    pub name: String,
    /// `means[d]` belongs to `ScorecardData::dimensions[d]`; `None` when nothing is scored.
    pub means: Vec<Option<DimensionMean>>,
    pub overall: Option<f64>,
    pub provisional: bool,
}

/// What the scorecard chart shows: a country's sources and their means per ESS dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorecardData {
    /// The country's code.
    pub country: String,
    /// The assessment is synthetic demonstration data.
    pub synthetic: bool,
    pub dimensions: Vec<Dimension>,
    pub sources: Vec<ScorecardSource>,
    pub overall: Option<f64>,
    pub grade: Option<Grade>,
    pub provisional: bool,
    /// The lowest mean of the grades good, adequate and weak (the assessment settings).
    pub grade_bands: [f64; 3],
}

impl ScorecardData {
    /// The chart data of a computed scorecard; `grade_bands` are those it was graded with.
    pub fn build(card: &CountryScorecard, grade_bands: [f64; 3]) -> ScorecardData {
        let dimensions: Vec<Dimension> = Dimension::ALL.to_vec();
        let sources = card
            .sources
            .iter()
            .map(|source| ScorecardSource {
                id: source.source_id.clone(),
                name: source.name.clone(),
                means: dimensions
                    .iter()
                    .map(|dimension| {
                        source
                            .dimensions
                            .iter()
                            .find(|d| d.dimension == *dimension)
                            .and_then(|d| {
                                d.mean.map(|mean| DimensionMean {
                                    mean,
                                    provisional: d.provisional,
                                })
                            })
                    })
                    .collect(),
                overall: source.overall,
                provisional: source.provisional,
            })
            .collect();
        ScorecardData {
            country: card.country.clone(),
            synthetic: card.synthetic,
            dimensions,
            sources,
            overall: card.overall,
            grade: card.grade,
            provisional: card.provisional,
            grade_bands,
        }
    }

    /// A country without sources to show (nothing to draw).
    pub fn empty(country: &str) -> ScorecardData {
        ScorecardData {
            country: country.to_string(),
            synthetic: false,
            dimensions: Dimension::ALL.to_vec(),
            sources: Vec::new(),
            overall: None,
            grade: None,
            provisional: false,
            grade_bands: crate::assess::AssessSettings::default().grade_bands,
        }
    }

    /// The mean of a source in a dimension.
    pub fn mean(&self, source: usize, dimension: Dimension) -> Option<DimensionMean> {
        let d = self.dimensions.iter().position(|d| *d == dimension)?;
        self.sources.get(source)?.means.get(d).copied().flatten()
    }
}

/// Colours of the sources, in their order (Okabe–Ito, safe for colour-blind readers); repeated
/// after the eighth.
const SOURCE_COLOURS: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(120, 120, 120),
    RGBColor(153, 102, 51),
];

/// The shading of every other grade's span.
const SHADE: RGBColor = RGBColor(238, 238, 238);

/// The colour of the `i`-th source of a scorecard.
pub fn source_colour(i: usize) -> RGBColor {
    SOURCE_COLOURS[i % SOURCE_COLOURS.len()]
}

/// A mean as the chart writes it: one decimal, `*` when it rests on suggestions.
fn mean_text(lang: Lang, mean: f64, provisional: bool) -> String {
    let text = decimal(lang, mean, 1);
    if provisional {
        format!("{text}*")
    } else {
        text
    }
}

/// The grade of each rubric level and the span of means it covers, low to high.
fn grade_spans(bands: [f64; 3]) -> [(Grade, f64, f64, f64); 4] {
    let top = f64::from(Score::MAX);
    let clamp = |v: f64| v.clamp(0.0, top);
    let (good, adequate, weak) = (clamp(bands[0]), clamp(bands[1]), clamp(bands[2]));
    [
        (Grade::Poor, 0.0, 0.0, weak),
        (Grade::Weak, 1.0, weak, adequate),
        (Grade::Adequate, 2.0, adequate, good),
        (Grade::Good, top, good, top),
    ]
}

/// The options of a scorecard chart: the source line says when the assessment is synthetic.
fn with_synthetic_notice(options: &ChartOptions, data: &ScorecardData) -> ChartOptions {
    let mut options = options.clone();
    let notice = crate::sample::synthetic_notice(options.lang);
    if data.synthetic && !options.source.contains(notice) {
        options.source = if options.source.trim().is_empty() {
            notice.to_string()
        } else {
            format!("{notice}; {}", options.source.trim())
        };
    }
    options
}

/// The title and the subtitle of a scorecard: the country, the overall score and its grade.
fn scorecard_headings(data: &ScorecardData, lang: Lang) -> (String, String) {
    let t = texts(lang);
    let country = format!("{} ({})", country_name(&data.country, lang), data.country);
    let title = t!(lang, "chart-scorecard-title", country = &country);
    let mut subtitle = t.scorecard_subtitle.to_string();
    if let (Some(overall), Some(grade)) = (data.overall, data.grade) {
        let overall = t!(
            lang,
            "chart-scorecard-overall",
            score = mean_text(lang, overall, data.provisional),
            grade = grade.label(lang),
        );
        subtitle.push_str(&format!("; {overall}"));
    }
    if data.provisional {
        subtitle.push_str(&format!("; {}", t.scorecard_provisional));
    }
    (title, subtitle)
}

/// The dimension names of the left axis, on two lines where they are long, and the width of the
/// widest line.
struct DimensionLabels {
    lines: Vec<Vec<String>>,
    widest: i32,
    size: f64,
}

fn dimension_labels<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    data: &ScorecardData,
    lang: Lang,
    s: Scale,
) -> Result<DimensionLabels, ChartError> {
    let label_size = s.font(23.0);
    let label_width = s.px(250.0);
    let mut labels: Vec<Vec<String>> = Vec::new();
    let mut widest = 0;
    for dimension in &data.dimensions {
        let lines = wrap(
            plot,
            dimension_label(*dimension, lang),
            label_size,
            label_width,
        )?;
        for line in &lines {
            let (w, _) = plot
                .estimate_text_size(line, &draw::style(label_size, INK))
                .map_err(error)?;
            widest = widest.max(w as i32);
        }
        labels.push(lines);
    }
    Ok(DimensionLabels {
        lines: labels,
        widest,
        size: label_size,
    })
}

/// The scorecard's plotting coordinates: mean (0–3) across, dimension groups upwards.
type ScorecardChart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Where the scorecard's plot lies on its drawing area, and what every step of it draws with.
struct ScorecardPlot<'p, DB: DrawingBackend> {
    plot: &'p DrawingArea<DB, Shift>,
    origin: (i32, i32),
    x_range: std::ops::Range<i32>,
    y_range: std::ops::Range<i32>,
    groups: usize,
    lang: Lang,
    s: Scale,
}

impl<DB: DrawingBackend> ScorecardPlot<'_, DB> {
    /// A pixel of the backend as a point of the plot's drawing area.
    fn at(&self, x: i32, y: i32) -> (i32, i32) {
        (x - self.origin.0, y - self.origin.1)
    }
}

/// The axes of the scorecard: the mean across, without tick labels (the grades name them).
fn scorecard_axes<'p, DB: DrawingBackend>(
    plot: &'p DrawingArea<DB, Shift>,
    data: &ScorecardData,
    options: &ChartOptions,
    widest: i32,
) -> Result<(ScorecardChart<'p, DB>, ScorecardPlot<'p, DB>), ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let s = Scale::new(options);
    let groups = data.dimensions.len().max(1);
    let top = f64::from(Score::MAX);
    let mut chart = ChartBuilder::on(plot)
        .margin_right(s.px(80.0))
        .margin_top(s.px(10.0))
        .x_label_area_size(s.px(110.0))
        .y_label_area_size(widest + s.px(30.0))
        .build_cartesian_2d(0.0..top, 0.0..groups as f64)
        .map_err(error)?;
    chart
        .configure_mesh()
        .x_desc(t.scorecard_axis)
        .x_labels(0)
        .y_labels(0)
        .x_label_formatter(&|_| String::new())
        .y_label_formatter(&|_| String::new())
        .axis_desc_style(draw::style(s.font(23.0), GREY_TEXT))
        .axis_style(AXIS)
        .disable_mesh()
        .draw()
        .map_err(error)?;
    let origin = plot.get_base_pixel();
    let (x_range, y_range) = chart.plotting_area().get_pixel_range();
    let board = ScorecardPlot {
        plot,
        origin,
        x_range,
        y_range,
        groups,
        lang,
        s,
    };
    Ok((chart, board))
}

/// The grades: alternate shading of the span of each, its level and word under the axis; then
/// the grid lines of the levels and between the groups.
fn draw_grade_scale<DB: DrawingBackend>(
    chart: &mut ScorecardChart<'_, DB>,
    board: &ScorecardPlot<'_, DB>,
    data: &ScorecardData,
) -> Result<(), ChartError> {
    let (plot, s, lang, groups) = (board.plot, board.s, board.lang, board.groups);
    let (x_range, y_range) = (&board.x_range, &board.y_range);
    let top = f64::from(Score::MAX);
    let tick_size = s.font(22.0);
    for (k, (grade, level, low, high)) in grade_spans(data.grade_bands).into_iter().enumerate() {
        if k % 2 == 1 && high > low {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(low, 0.0), (high, groups as f64)],
                    SHADE.filled(),
                )))
                .map_err(error)?;
        }
        let (x, _) = chart.backend_coord(&(level, 0.0));
        plot.draw(&Text::new(
            level.to_string(),
            board.at(x, y_range.end + s.px(10.0)),
            anchored(tick_size, INK, HPos::Center, VPos::Top),
        ))
        .map_err(error)?;
        // The word, centred on its level but kept inside the plot's width.
        let word = grade.label(lang);
        let span = {
            let (a, _) = chart.backend_coord(&(low, 0.0));
            let (b, _) = chart.backend_coord(&(high, 0.0));
            (b - a).max(s.px(120.0))
        };
        let size = fitting_size(plot, word, tick_size, span)?;
        let (w, _) = plot
            .estimate_text_size(word, &draw::style(size, INK))
            .map_err(error)?;
        let half = w as i32 / 2;
        let centre = x.clamp(x_range.start + half, x_range.end + s.px(60.0) - half);
        plot.draw(&Text::new(
            word.to_string(),
            board.at(centre, y_range.end + s.px(40.0)),
            anchored(size, GREY_TEXT, HPos::Center, VPos::Top),
        ))
        .map_err(error)?;
    }
    for level in 1..Score::MAX {
        let x = f64::from(level);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x, 0.0), (x, groups as f64)],
                RGBColor(215, 215, 215).stroke_width(1),
            )))
            .map_err(error)?;
    }
    for g in 1..groups {
        let y = g as f64;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, y), (top, y)],
                RGBColor(200, 200, 200).stroke_width(1),
            )))
            .map_err(error)?;
    }
    Ok(())
}

/// The bars: group g from the top, one bar per source in the legend's order, each with its
/// mean; and the dimension's name centred on its group.
fn draw_bars<DB: DrawingBackend>(
    chart: &mut ScorecardChart<'_, DB>,
    board: &ScorecardPlot<'_, DB>,
    data: &ScorecardData,
    labels: &DimensionLabels,
) -> Result<(), ChartError> {
    let (plot, s, lang, groups) = (board.plot, board.s, board.lang, board.groups);
    let t = texts(lang);
    let top = f64::from(Score::MAX);
    let n = data.sources.len().max(1);
    let pad = 0.12;
    let pitch = (1.0 - 2.0 * pad) / n as f64;
    let thickness = pitch * 0.8;
    let pitch_px = {
        let (_, a) = chart.backend_coord(&(0.0, 0.0));
        let (_, b) = chart.backend_coord(&(0.0, pitch));
        (a - b).abs()
    };
    let value_size = (pitch_px as f64 * 0.95).min(s.font(20.0));
    let show_values = pitch_px >= 10;
    for (g, dimension) in data.dimensions.iter().enumerate() {
        let group_top = (groups - g) as f64 - pad;
        for i in 0..data.sources.len() {
            let upper = group_top - i as f64 * pitch - (pitch - thickness) / 2.0;
            let lower = upper - thickness;
            let middle = (upper + lower) / 2.0;
            match data.mean(i, *dimension) {
                Some(m) => {
                    let mean = m.mean.clamp(0.0, top);
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(0.0, lower), (mean, upper)],
                            source_colour(i).filled(),
                        )))
                        .map_err(error)?;
                    if show_values {
                        let (x, y) = chart.backend_coord(&(mean, middle));
                        plot.draw(&Text::new(
                            mean_text(lang, m.mean, m.provisional),
                            board.at(x + s.px(8.0), y),
                            anchored(value_size, INK, HPos::Left, VPos::Center),
                        ))
                        .map_err(error)?;
                    }
                }
                None if show_values => {
                    let (x, y) = chart.backend_coord(&(0.0, middle));
                    plot.draw(&Text::new(
                        t.not_scored.to_string(),
                        board.at(x + s.px(8.0), y),
                        anchored(value_size, GREY_TEXT, HPos::Left, VPos::Center),
                    ))
                    .map_err(error)?;
                }
                None => {}
            }
        }
        // The dimension's name, centred on its group.
        let (_, y) = chart.backend_coord(&(0.0, (groups - g) as f64 - 0.5));
        let lines = &labels.lines[g];
        let label_size = labels.size;
        let step = (label_size * 1.2).round() as i32;
        let first = y - step * (lines.len() as i32 - 1) / 2;
        for (k, line) in lines.iter().enumerate() {
            plot.draw(&Text::new(
                line.clone(),
                board.at(board.x_range.start - s.px(16.0), first + k as i32 * step),
                anchored(label_size, INK, HPos::Right, VPos::Center),
            ))
            .map_err(error)?;
        }
    }
    Ok(())
}

/// The legend's entries: each source in its colour, with its overall mean.
fn source_entries(data: &ScorecardData, lang: Lang) -> Vec<(Mark, String)> {
    data.sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let overall = source
                .overall
                .map(|m| format!(" ({})", mean_text(lang, m, source.provisional)))
                .unwrap_or_default();
            (
                Mark::Square(source_colour(i)),
                format!("{}{overall}: {}", source.id, source.name),
            )
        })
        .collect()
}

/// Below the legend, what the shading and the words of the scale mean: the means of each grade,
/// where the sources leave room for it (the words under the axis say the same).
fn draw_grade_key<DB: DrawingBackend>(
    side: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    data: &ScorecardData,
    used: i32,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let s = Scale::new(options);
    let heading_top = used + s.px(30.0);
    let heading_size = s.font(22.0);
    let (_, side_height) = side.dim_in_pixel();
    if heading_top + s.px(30.0 + 4.0 * 40.0) > side_height as i32 {
        return Ok(());
    }
    side.draw(&Text::new(
        t.grades_heading.to_string(),
        (0, heading_top),
        draw::style(heading_size, GREY_TEXT),
    ))
    .map_err(error)?;
    let grades = side.margin(heading_top + (heading_size * 1.3) as i32, 0, 0, 0);
    let figure = |v: f64| decimal(lang, v, 1);
    let grade_entries: Vec<(Mark, String)> = grade_spans(data.grade_bands)
        .into_iter()
        .enumerate()
        .rev()
        .filter(|(_, (_, _, low, high))| high > low)
        .map(|(k, (grade, _, low, high))| {
            let label = grade.label(lang);
            let text = match grade {
                Grade::Good => t!(lang, "chart-grade-from", grade = label, low = figure(low)),
                Grade::Poor => t!(
                    lang,
                    "chart-grade-below",
                    grade = label,
                    high = figure(high)
                ),
                Grade::Weak | Grade::Adequate => t!(
                    lang,
                    "chart-grade-range",
                    grade = label,
                    low = figure(low),
                    high = figure(high),
                ),
            };
            let shade = if k % 2 == 1 { SHADE } else { WHITE };
            (Mark::Square(shade), text)
        })
        .collect();
    legend(&grades, options, &grade_entries)
}

/// The scorecard of a country: grouped horizontal bars, one group per ESS dimension.
pub fn scorecard<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ScorecardData,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let s = Scale::new(options);
    let options = &with_synthetic_notice(options, data);
    let (title, subtitle) = scorecard_headings(data, lang);
    let area = frame(root, options, &title, &subtitle)?;
    let (width, _) = area.dim_in_pixel();
    let (plot, side) = area.split_horizontally(width as i32 - s.px(470.0));
    let side = side.margin(0, 0, s.px(30.0), 0);

    let labels = dimension_labels(&plot, data, lang, s)?;
    let (mut chart, board) = scorecard_axes(&plot, data, options, labels.widest)?;
    draw_grade_scale(&mut chart, &board, data)?;
    draw_bars(&mut chart, &board, data, &labels)?;
    let used = legend_height(&side, options, &source_entries(data, lang))?;
    draw_grade_key(&side, options, data, used)
}
