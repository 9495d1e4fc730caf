//! Exported charts, drawn with plotters as PNG or SVG files or as an SVG string: coverage
//! heatmaps, the mirror scatter, the discrepancy matrix, a pair's time series and the country
//! undercount bars.
//!
//! Each chart draws one of the structures of [`data`], prepared from the computed results; the
//! window's interactive views use the same structures, so what is exported is what is shown.
//! Text is set in egui's bundled Ubuntu Light (Latin and Cyrillic), registered once as plotters'
//! `sans-serif` (for text measurement); PNG text is set by [`bitmap_text`], SVG text is written
//! as `<text>` in the `sans-serif` family.

mod bitmap_text;
pub mod data;
mod draw;
mod grids;
mod plots;
pub mod texts;

pub use data::{
    Basis, CoverageGrid, GridKind, MatrixCell, MatrixData, PairSeries, ScatterData, ScatterPoint,
    SeriesPoint, UndercountBar, UndercountData,
};
// The colours and legend words of the charts, for the window's interactive views.
pub use draw::{EMIGRATION, IMMIGRATION, band_colour};
pub use grids::{matrix_colour, ratio_colour, status_colour};
pub use plots::{band_label, corrected_sides, undercount_colour};

use crate::model::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::{Path, PathBuf};
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
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            lang: Lang::En,
            width: 1600,
            height: 1000,
            source: String::new(),
            labels: PointLabels::Largest(12),
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
        }
    }

    /// Fails when the chart would be empty.
    fn check_not_empty(&self) -> Result<(), ChartError> {
        let empty = match self {
            Chart::Coverage(grid) => grid.rows.is_empty() || grid.years.is_empty(),
            Chart::Scatter(scatter) => scatter.points.is_empty(),
            Chart::Matrix(matrix) => matrix.countries.len() < 2,
            Chart::Series(series) => series.points.is_empty(),
            Chart::Undercount(bars) => bars.bars.is_empty(),
        };
        if empty {
            let what = match self {
                Chart::Coverage(_) => "no reporter or year to show",
                Chart::Scatter(_) => "no pair with both sides above 0",
                Chart::Matrix(_) => "fewer than two countries report flows",
                Chart::Series(_) => "the pair has no reported year",
                Chart::Undercount(_) => "no country has partners that report both sides",
            };
            return Err(ChartError::Empty(what.into()));
        }
        Ok(())
    }
}

/// Registers the chart font once; every later call returns the first outcome.
fn ensure_font() -> Result<(), ChartError> {
    static FONT: OnceLock<Result<(), String>> = OnceLock::new();
    FONT.get_or_init(|| {
        plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        )
        .map_err(|_| "the bundled Ubuntu Light font is not a readable TrueType font".to_string())
    })
    .clone()
    .map_err(ChartError::Font)
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
    Ok(svg)
}
