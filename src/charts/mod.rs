//! Exported charts, drawn with plotters as PNG or SVG files or as an SVG string: coverage
//! heatmaps, the mirror scatter, the discrepancy matrix, a pair's time series, the country
//! undercount bars and the scorecard of a country's data sources.
//!
//! Each chart draws one of the structures of [`data`], prepared from the computed results; the
//! window's interactive views use the same structures, so what is exported is what is shown.
//! Text is set in egui's bundled Ubuntu Light (Latin and Cyrillic), registered once in plotters
//! (for text measurement); PNG text is set by [`bitmap_text`]. Every SVG embeds the same font
//! (an `@font-face` with the font as base64 data, encoded once) and writes its text as `<text>`
//! in that family with `sans-serif` as fallback, so it reads the same in any viewer.

mod bitmap_text;
pub mod data;
mod draw;
mod grids;
mod plots;
mod scorecard;
pub mod texts;

pub use data::{
    Basis, CoverageGrid, GridKind, MatrixCell, MatrixData, PairSeries, ScatterData, ScatterPoint,
    SeriesPoint, UndercountBar, UndercountData,
};
// The colours and legend words of the charts, for the window's interactive views.
pub use draw::{EMIGRATION, IMMIGRATION, band_colour};
pub use grids::{matrix_colour, ratio_colour, status_colour};
pub use plots::{band_label, corrected_sides, labelled, marked_row_colour, undercount_colour};
pub use scorecard::{
    DimensionMean, ScorecardData, ScorecardSource, source_colour as scorecard_colour,
};

use crate::model::Lang;
use base64::Engine as _;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

/// Why a chart could not be made.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum ChartError {
    #[error("cannot load the chart font: {0}")]
    Font(String),
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    #[error("{path}: cannot write the chart: {detail}")]
    Write { path: String, detail: String },
    #[error("nothing to draw: {0}")]
    Empty(String),
}

/// Where a chart goes.
#[derive(Copy, Clone, Debug)]
pub enum Target<'a> {
    Png(&'a Path),
    Svg(&'a Path),
    /// An SVG document in memory (for the window's export preview).
    SvgString,
}

/// What [`render`] produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Rendered {
    File(PathBuf),
    Svg(String),
}

/// Which points of the scatter get a label.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PointLabels {
    None,
    All,
    /// The `n` largest discrepancies in persons (|I − E|) outside the green band.
    Largest(usize),
}

impl PointLabels {
    /// What the scatter labels unless asked otherwise.
    pub const DEFAULT: PointLabels = PointLabels::Largest(12);
}

impl Default for PointLabels {
    fn default() -> Self {
        PointLabels::DEFAULT
    }
}

/// `none`, `all` or a number of points: the words of `migreview plot --labels`.
impl fmt::Display for PointLabels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PointLabels::None => f.write_str("none"),
            PointLabels::All => f.write_str("all"),
            PointLabels::Largest(n) => write!(f, "{n}"),
        }
    }
}

impl FromStr for PointLabels {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" | "0" => Ok(PointLabels::None),
            "all" => Ok(PointLabels::All),
            other => other
                .parse::<usize>()
                .map(PointLabels::Largest)
                .map_err(|_| {
                    format!("expected none, all or a number of points to label, found {text:?}")
                }),
        }
    }
}

/// How a chart looks.
#[derive(Clone, Debug)]
pub struct ChartOptions {
    pub lang: Lang,
    /// Pixels of a PNG, user units of an SVG. 1600 × 1000 stays readable when projected.
    pub width: u32,
    pub height: u32,
    /// What the data are, for the source line ("Eurostat migr_imm5prv, migr_emi3nxt").
    pub source: String,
    pub labels: PointLabels,
    /// The discrepancy matrix writes I / E in each cell that has both sides.
    pub cell_values: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            lang: Lang::En,
            width: 1600,
            height: 1000,
            source: String::new(),
            labels: PointLabels::DEFAULT,
            cell_values: false,
        }
    }
}

/// A chart with its data.
#[derive(Copy, Clone, Debug)]
pub enum Chart<'a> {
    Coverage(&'a CoverageGrid),
    Scatter(&'a ScatterData),
    Matrix(&'a MatrixData),
    Series(&'a PairSeries),
    Undercount(&'a UndercountData),
    Scorecard(&'a ScorecardData),
}

impl Chart<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        options: &ChartOptions,
    ) -> Result<(), ChartError> {
        match self {
            Chart::Coverage(grid) => grids::coverage(root, grid, options),
            Chart::Matrix(matrix) => grids::matrix(root, matrix, options),
            Chart::Scatter(scatter) => plots::scatter(root, scatter, options),
            Chart::Series(series) => plots::series(root, series, options),
            Chart::Undercount(bars) => plots::undercount(root, bars, options),
            Chart::Scorecard(card) => scorecard::scorecard(root, card, options),
        }
    }

    /// Whether the chart would have nothing to draw.
    pub fn is_empty(&self) -> bool {
        match self {
            Chart::Coverage(grid) => grid.rows.is_empty() || grid.years.is_empty(),
            Chart::Scatter(scatter) => scatter.points.is_empty(),
            Chart::Matrix(matrix) => matrix.countries.len() < 2,
            Chart::Series(series) => series.points.is_empty(),
            Chart::Undercount(bars) => bars.bars.is_empty(),
            Chart::Scorecard(card) => card.sources.is_empty(),
        }
    }

    /// Fails when the chart would be empty.
    fn check_not_empty(&self) -> Result<(), ChartError> {
        if self.is_empty() {
            let what = match self {
                Chart::Coverage(_) => "no reporter or year to show",
                Chart::Scatter(_) => "no pair with both sides above 0",
                Chart::Matrix(_) => "fewer than two countries report flows",
                Chart::Series(_) => "the pair has no reported year",
                Chart::Undercount(_) => "no country has partners that report both sides",
                Chart::Scorecard(_) => "the country has no data source listed",
            };
            return Err(ChartError::Empty(what.into()));
        }
        Ok(())
    }
}

/// Registers the chart font once, under the charts' family and as plotters' default
/// `sans-serif`; every later call returns the first outcome.
fn ensure_font() -> Result<(), ChartError> {
    static FONT: OnceLock<Result<(), ChartError>> = OnceLock::new();
    FONT.get_or_init(|| {
        [draw::FONT, "sans-serif"]
            .into_iter()
            .try_for_each(|family| {
                plotters::style::register_font(
                    family,
                    FontStyle::Normal,
                    epaint_default_fonts::UBUNTU_LIGHT,
                )
            })
            .map_err(|_| {
                ChartError::Font(
                    "the bundled Ubuntu Light font is not a readable TrueType font".to_string(),
                )
            })
    })
    .clone()
}

fn write_error(path: &Path, detail: impl std::fmt::Display) -> ChartError {
    ChartError::Write {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}

/// A temporary file beside `path`, renamed over it once complete (the extension is kept, as
/// the PNG encoder chooses the format from it).
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "chart.png".into());
    path.with_file_name(format!(".{}.{name}", std::process::id()))
}

/// Draws a chart into a target.
pub fn render(
    chart: Chart<'_>,
    options: &ChartOptions,
    target: Target<'_>,
) -> Result<Rendered, ChartError> {
    chart.check_not_empty()?;
    ensure_font()?;
    let size = (options.width.max(400), options.height.max(300));
    match target {
        Target::Png(path) => {
            let temporary = temporary_beside(path);
            let drawn = (|| {
                let root = bitmap_text::TextBitmap::new(&temporary, size)?.into_drawing_area();
                chart.draw(&root, options)?;
                root.present().map_err(|e| write_error(path, e))
            })();
            let renamed = drawn
                .and_then(|()| std::fs::rename(&temporary, path).map_err(|e| write_error(path, e)));
            if renamed.is_err() {
                let _ = std::fs::remove_file(&temporary);
            }
            renamed.map(|()| Rendered::File(path.to_path_buf()))
        }
        Target::Svg(path) => {
            let svg = svg_string(chart, options, size)?;
            crate::save::write_atomically(path, svg.as_bytes())
                .map_err(|e| write_error(path, e))?;
            Ok(Rendered::File(path.to_path_buf()))
        }
        Target::SvgString => Ok(Rendered::Svg(svg_string(chart, options, size)?)),
    }
}

fn svg_string(
    chart: Chart<'_>,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        chart.draw(&root, options)?;
        root.present().map_err(draw::error)?;
    }
    embed_font(&mut svg)?;
    Ok(svg)
}

/// The `<defs>` an SVG chart embeds its font with, so that a document holding several charts
/// can keep it in one of them.
pub fn embedded_font_defs() -> &'static str {
    font_defs()
}

/// The `<defs>` that embed the chart font: the TrueType file as base64 data, encoded once.
fn font_defs() -> &'static str {
    static DEFS: OnceLock<String> = OnceLock::new();
    DEFS.get_or_init(|| {
        let data =
            base64::engine::general_purpose::STANDARD.encode(epaint_default_fonts::UBUNTU_LIGHT);
        format!(
            "<defs><style>@font-face{{font-family:\"{}\";\
             src:url(data:font/ttf;base64,{data}) format(\"truetype\");}}</style></defs>\n",
            draw::EMBEDDED_FAMILY
        )
    })
}

/// Inserts the font's `<defs>` right after the opening `<svg …>` tag.
fn embed_font(svg: &mut String) -> Result<(), ChartError> {
    let end = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .ok_or_else(|| ChartError::Draw("the SVG has no opening <svg> tag".into()))?;
    let after = if svg[end..].starts_with('\n') {
        end + 1
    } else {
        end
    };
    svg.insert_str(after, font_defs());
    Ok(())
}

/// The longest part of a chart file name taken from a label.
const FILE_PART_CHARS: usize = 40;

/// A label or code as a part of a chart file name: ASCII letters and digits, every other run
/// of characters one `-` (so `1.1` is `1-1` and `x/../../PWNED` is `x-PWNED`), at most 40
/// characters, never empty and never a name Windows reserves (`CON`, `NUL`, `COM1`…): a chart
/// is always written inside the folder chosen.
pub fn file_part(text: &str) -> String {
    let mut part = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            part.push(c);
        } else if !part.ends_with('-') {
            part.push('-');
        }
    }
    let mut part: String = part
        .trim_matches('-')
        .chars()
        .take(FILE_PART_CHARS)
        .collect();
    while part.ends_with('-') {
        part.pop();
    }
    if part.is_empty() {
        part.push('x');
    }
    let upper = part.to_ascii_uppercase();
    let reserved = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit());
    if reserved {
        part.push('-');
    }
    part
}

#[cfg(test)]
mod file_part_tests {
    use super::file_part;

    #[test]
    fn labels_become_safe_file_name_parts() {
        assert_eq!(file_part("KAZ"), "KAZ");
        assert_eq!(file_part("1.1"), "1-1");
        assert_eq!(file_part("x/../../PWNED"), "x-PWNED");
        assert_eq!(file_part("/etc/passwd"), "etc-passwd");
        assert_eq!(file_part("coverage_\"; DROP TABLE"), "coverage-DROP-TABLE");
        assert_eq!(file_part("a\u{0}b\nc"), "a-b-c");
        assert_eq!(file_part("Республика Коми"), "x");
        assert_eq!(file_part("CON"), "CON-");
        assert_eq!(file_part("lpt1"), "lpt1-");
        assert_eq!(file_part("COM10"), "COM10");
        assert_eq!(file_part(&"A".repeat(500)).len(), 40);
    }
}
