//! Charts made of a grid of coloured cells: the coverage heatmaps and the discrepancy matrix.
//! They are laid out in pixels, so that labels can be sized and thinned to stay readable.

use super::data::{CoverageGrid, GridKind, MatrixCell, MatrixData};
use super::draw::{
    self, GREY_TEXT, INK, Mark, Scale, anchored, country_name, error, frame, legend, legend_width,
};
use super::texts::texts;
use super::{ChartError, ChartOptions};
use crate::coverage::CellStatus;
use crate::model::{Lang, Sex, TableId};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

pub fn status_colour(status: CellStatus) -> RGBColor {
    match status {
        CellStatus::Reported => RGBColor(49, 130, 189),
        CellStatus::Partly => RGBColor(158, 202, 225),
        CellStatus::Missing => RGBColor(253, 141, 60),
        CellStatus::Absent => RGBColor(238, 238, 238),
    }
}

/// Matrix colour of a log ratio: ColorBrewer RdYlBu, blue where emigration is higher, red
/// where immigration is higher, pale yellow at agreement (so that agreement is not mistaken for
/// an empty white cell).
pub fn ratio_colour(log_ratio: f64, limit: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 5] = [
        (69.0, 117.0, 180.0),
        (171.0, 217.0, 233.0),
        (255.0, 255.0, 191.0),
        (253.0, 174.0, 97.0),
        (215.0, 48.0, 39.0),
    ];
    let t = ((log_ratio / limit).clamp(-1.0, 1.0) + 1.0) * 2.0;
    let i = (t.floor() as usize).min(3);
    let f = t - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The colour of a matrix cell; `None` where nothing is drawn (neither side, the diagonal).
pub fn matrix_colour(cell: MatrixCell, limit: f64) -> Option<RGBColor> {
    match cell {
        MatrixCell::Both(l) => Some(ratio_colour(l, limit)),
        MatrixCell::Small => Some(SMALL),
        MatrixCell::ImmigrationOnly => Some(IMMIGRATION_ONLY),
        MatrixCell::EmigrationOnly => Some(EMIGRATION_ONLY),
        MatrixCell::Neither | MatrixCell::Diagonal | MatrixCell::Elsewhere => None,
    }
}

const SMALL: RGBColor = RGBColor(208, 196, 226);
const IMMIGRATION_ONLY: RGBColor = RGBColor(140, 140, 140);
const EMIGRATION_ONLY: RGBColor = RGBColor(196, 196, 196);

/// Labels and cell colours of a grid.
struct GridSpec<'a> {
    rows: &'a [String],
    columns: &'a [String],
    x_desc: &'a str,
    y_desc: &'a str,
    /// A text written in a cell (row, column), where it fits.
    cell_text: Option<&'a dyn Fn(usize, usize) -> Option<String>>,
}

/// Draws cells with row labels on the left, column labels below and the axis descriptions.
fn draw_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    spec: &GridSpec<'_>,
    fill: &dyn Fn(usize, usize) -> Option<RGBColor>,
) -> Result<(), ChartError> {
    let s = Scale::new(options);
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as f64, height as f64);
    let n_rows = spec.rows.len().max(1) as f64;
    let n_cols = spec.columns.len().max(1) as f64;
    let desc_size = s.font(24.0);
    let gap = s.px(10.0) as f64;
    let bottom_guess = desc_size * 3.6;
    let row_pitch = (height - bottom_guess) / n_rows;
    let label_size = s.font(21.0).min(row_pitch * 0.8).max(8.0);
    let text_width = |text: &str| -> Result<f64, ChartError> {
        let (w, _) = area
            .estimate_text_size(text, &draw::style(label_size, INK))
            .map_err(error)?;
        Ok(w as f64)
    };
    let mut widest_row = 0.0f64;
    for label in spec.rows {
        widest_row = widest_row.max(text_width(label)?);
    }
    let left = desc_size * 1.8 + widest_row + gap;
    let bottom = label_size * 1.6 + desc_size * 1.9;
    let cell_w = (width - left) / n_cols;
    let cell_h = (height - bottom) / n_rows;
    let grid_bottom = cell_h * n_rows;
    let stroke = cell_w.min(cell_h) > 6.0;
    for r in 0..spec.rows.len() {
        for c in 0..spec.columns.len() {
            let Some(colour) = fill(r, c) else {
                continue;
            };
            let x0 = (left + c as f64 * cell_w).round() as i32;
            let x1 = (left + (c + 1) as f64 * cell_w).round() as i32;
            let y0 = (r as f64 * cell_h).round() as i32;
            let y1 = ((r + 1) as f64 * cell_h).round() as i32;
            area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()))
                .map_err(error)?;
            if stroke {
                area.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.stroke_width(1)))
                    .map_err(error)?;
            }
            if let Some(text) = spec.cell_text.and_then(|text| text(r, c)) {
                let size = label_size.min(cell_h * 0.5);
                let fits = text_width(&text)? * size / label_size <= cell_w * 0.9;
                if fits && size >= 8.0 {
                    // White on the darkest cells, ink on the others.
                    let light = 0.299 * f64::from(colour.0)
                        + 0.587 * f64::from(colour.1)
                        + 0.114 * f64::from(colour.2);
                    let ink = if light < 110.0 { WHITE } else { INK };
                    area.draw(&Text::new(
                        text,
                        ((x0 + x1) / 2, (y0 + y1) / 2),
                        anchored(size, ink, HPos::Center, VPos::Center),
                    ))
                    .map_err(error)?;
                }
            }
        }
    }
    // Row labels: thinned when rows are too close to read.
    let row_step = ((label_size * 1.1) / cell_h).ceil().max(1.0) as usize;
    for (r, label) in spec.rows.iter().enumerate().step_by(row_step) {
        let y = ((r as f64 + 0.5) * cell_h).round() as i32;
        area.draw(&Text::new(
            label.clone(),
            ((left - gap) as i32, y),
            anchored(label_size, INK, HPos::Right, VPos::Center),
        ))
        .map_err(error)?;
    }
    // Column labels: every k-th when they would overlap.
    let mut widest_column = 0.0f64;
    for label in spec.columns {
        widest_column = widest_column.max(text_width(label)?);
    }
    let column_step = ((widest_column + gap) / cell_w).ceil().max(1.0) as usize;
    for (c, label) in spec.columns.iter().enumerate().step_by(column_step) {
        let x = (left + (c as f64 + 0.5) * cell_w).round() as i32;
        area.draw(&Text::new(
            label.clone(),
            (x, (grid_bottom + gap * 0.6) as i32),
            anchored(label_size, INK, HPos::Center, VPos::Top),
        ))
        .map_err(error)?;
    }
    area.draw(&Text::new(
        spec.x_desc.to_string(),
        ((left + (width - left) / 2.0) as i32, height as i32),
        anchored(desc_size, GREY_TEXT, HPos::Center, VPos::Bottom),
    ))
    .map_err(error)?;
    area.draw(&Text::new(
        spec.y_desc.to_string(),
        (0, (grid_bottom / 2.0) as i32),
        anchored(desc_size, GREY_TEXT, HPos::Center, VPos::Top).transform(FontTransform::Rotate270),
    ))
    .map_err(error)?;
    Ok(())
}

/// Splits off the legend column on the right.
fn with_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let (width, _) = area.dim_in_pixel();
    let legend_w = legend_width(options);
    let (plot, side) = area.split_horizontally(width as i32 - legend_w);
    (plot, side.margin(0, 0, Scale::new(options).px(30.0), 0))
}

/// Coverage heatmap: reporter × year of one table, or table × year of one reporter.
pub fn coverage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &CoverageGrid,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let (title, rows, y_desc, subtitle): (String, Vec<String>, &str, &str) = match &grid.kind {
        GridKind::ByTable(table) => (
            format!("{}: {}", t.coverage_by_table, table.heading(lang)),
            grid.rows.clone(),
            t.reporter,
            t.coverage_subtitle,
        ),
        GridKind::ByReporter(reporter) => (
            format!(
                "{} {} ({reporter})",
                t.coverage_by_reporter,
                country_name(reporter, lang)
            ),
            grid.rows
                .iter()
                .map(|code| match TableId::parse(code) {
                    Some(table) => table.short_label(lang),
                    None => code.clone(),
                })
                .collect(),
            t.table,
            t.coverage_reporter_subtitle,
        ),
    };
    let area = frame(root, options, &title, subtitle)?;
    let (plot, side) = with_legend(&area, options);
    let columns: Vec<String> = grid.years.iter().map(|y| y.to_string()).collect();
    draw_grid(
        &plot,
        options,
        &GridSpec {
            rows: &rows,
            columns: &columns,
            x_desc: t.year,
            y_desc,
            cell_text: None,
        },
        &|r, c| {
            grid.cells
                .get(r)
                .and_then(|row| row.get(c))
                .map(|s| status_colour(*s))
        },
    )?;
    let entries: Vec<(Mark, String)> = CellStatus::ALL
        .iter()
        .map(|&status| {
            let label = match status {
                CellStatus::Reported => t.reported,
                CellStatus::Partly => t.partly,
                CellStatus::Missing => t.missing,
                CellStatus::Absent => t.absent,
            };
            (
                Mark::Square(status_colour(status)),
                format!("{label} ({})", grid.count(status)),
            )
        })
        .collect();
    legend(&side, options, &entries)
}

fn sex_note(lang: Lang, sex: Sex) -> String {
    match sex {
        Sex::T => String::new(),
        _ => format!(", {}", texts(lang).sex(sex)),
    }
}

/// Discrepancy matrix: receiver × sender of one year, coloured by the corrected log ratio.
pub fn matrix<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &MatrixData,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let title = format!(
        "{}, {}{}{}",
        t.matrix_title,
        data.year,
        sex_note(lang, data.sex),
        draw::country_suffix(data.country.as_deref(), lang)
    );
    let subtitle = match t.basis_note(data.corrected, data.basis) {
        Some(note) => format!("{}; {note}", t.matrix_subtitle),
        None => t.matrix_subtitle.to_string(),
    };
    let area = frame(root, options, &title, &subtitle)?;
    let (plot, side) = with_legend(&area, options);
    // I / E (after the correction, as the colour), where both sides are reported.
    let ratio_in_cell = |r: usize, c: usize| -> Option<String> {
        match data.cells.get(r)?.get(c)? {
            MatrixCell::Both(log_ratio) => Some(draw::decimal(lang, log_ratio.exp(), 2)),
            _ => None,
        }
    };
    draw_grid(
        &plot,
        options,
        &GridSpec {
            rows: &data.countries,
            columns: &data.countries,
            x_desc: t.sender_axis,
            y_desc: t.receiver_axis,
            cell_text: options.cell_values.then_some(&ratio_in_cell),
        },
        &|r, c| matrix_colour(*data.cells.get(r).and_then(|row| row.get(c))?, data.limit),
    )?;
    colour_bar(&side, options, data.limit)?;
    let s = Scale::new(options);
    let (_, side_h) = side.dim_in_pixel();
    let bar_h = colour_bar_height(options, side_h);
    let (_, below) = side.split_vertically(bar_h + s.px(40.0));
    let count =
        |wanted: fn(&MatrixCell) -> bool| data.cells.iter().flatten().filter(|c| wanted(c)).count();
    legend(
        &below,
        options,
        &[
            (
                Mark::Square(SMALL),
                format!(
                    "{} ({})",
                    t.small,
                    count(|c| matches!(c, MatrixCell::Small))
                ),
            ),
            (
                Mark::Square(IMMIGRATION_ONLY),
                format!(
                    "{}: I ({})",
                    t.one_sided,
                    count(|c| matches!(c, MatrixCell::ImmigrationOnly))
                ),
            ),
            (
                Mark::Square(EMIGRATION_ONLY),
                format!(
                    "{}: E ({})",
                    t.one_sided,
                    count(|c| matches!(c, MatrixCell::EmigrationOnly))
                ),
            ),
            (
                Mark::Square(RGBColor(255, 255, 255)),
                format!(
                    "{} ({})",
                    t.neither,
                    count(|c| matches!(c, MatrixCell::Neither))
                ),
            ),
        ],
    )
}

fn colour_bar_height(options: &ChartOptions, available: u32) -> i32 {
    Scale::new(options).px(380.0).min(available as i32 / 2)
}

/// A vertical colour bar of I / E from 1/8 (bottom) to 8 (top).
fn colour_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    limit: f64,
) -> Result<(), ChartError> {
    let s = Scale::new(options);
    let t = texts(options.lang);
    let (_, height) = area.dim_in_pixel();
    let title_size = s.font(22.0);
    area.draw(&Text::new(
        t.ratio_scale.to_string(),
        (0, 0),
        draw::style(title_size, INK),
    ))
    .map_err(error)?;
    let top = (title_size * 1.6) as i32;
    let bar_h = colour_bar_height(options, height) - top;
    let bar_w = s.px(34.0);
    let steps = bar_h.max(1);
    for k in 0..steps {
        let l = limit - 2.0 * limit * (k as f64 + 0.5) / steps as f64;
        area.draw(&Rectangle::new(
            [(0, top + k), (bar_w, top + k + 1)],
            ratio_colour(l, limit).filled(),
        ))
        .map_err(error)?;
    }
    let label_size = s.font(20.0);
    for (text, ratio) in [
        ("8", 8.0f64),
        ("4", 4.0),
        ("2", 2.0),
        ("1", 1.0),
        ("1/2", 0.5),
        ("1/4", 0.25),
        ("1/8", 0.125),
    ] {
        let y = top + ((limit - ratio.ln()) / (2.0 * limit) * bar_h as f64).round() as i32;
        area.draw(&PathElement::new(
            vec![(bar_w, y), (bar_w + s.px(8.0), y)],
            INK.stroke_width(1),
        ))
        .map_err(error)?;
        area.draw(&Text::new(
            text.to_string(),
            (bar_w + s.px(14.0), y),
            anchored(label_size, INK, HPos::Left, VPos::Center),
        ))
        .map_err(error)?;
    }
    Ok(())
}
