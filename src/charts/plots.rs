//! Charts on numeric axes: the mirror scatter, a pair's time series and the country bars.

use super::data::{Basis, PairSeries, ScatterData, ScatterPoint, UndercountData};
use super::draw::{
    self, AXIS, EMIGRATION, GREY_TEXT, IMMIGRATION, INK, Mark, Scale, anchored, band_colour, count,
    country_name, decimal, error, frame, legend, legend_width,
};
use super::texts::texts;
use super::{ChartError, ChartOptions, PointLabels};
use crate::mirror::{Band, FlowDirection};
use crate::model::{Lang, Sex};
use crate::t;
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

fn with_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let (width, _) = area.dim_in_pixel();
    let (plot, side) = area.split_horizontally(width as i32 - legend_width(options));
    (plot, side.margin(0, 0, Scale::new(options).px(30.0), 0))
}

fn sex_suffix(lang: Lang, sex: Sex) -> String {
    match sex {
        Sex::T => String::new(),
        _ => format!(", {}", texts(lang).sex(sex)),
    }
}

/// Axis bounds at whole powers of ten around the values.
fn decades(low: f64, high: f64) -> (f64, f64) {
    let low = 10f64.powf(low.max(1e-3).log10().floor());
    let mut high = 10f64.powf(high.max(1e-3).log10().ceil());
    if high <= low {
        high = low * 10.0;
    }
    (low, high)
}

/// The corridor |ln y − ln x| < b inside the square [lo, hi]², as a polygon.
fn corridor(lo: f64, hi: f64, b: f64) -> Vec<(f64, f64)> {
    let up = b.exp();
    vec![
        (lo, lo),
        ((lo * up).min(hi), lo),
        (hi, (hi / up).max(lo)),
        (hi, hi),
        ((hi / up).max(lo), hi),
        (lo, (lo * up).min(hi)),
    ]
}

fn pale(colour: RGBColor, share: f64) -> RGBColor {
    let mix = |c: u8| (255.0 - (255.0 - c as f64) * share).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// Which points get a label (in the export and in the window).
pub fn labelled(data: &ScatterData, labels: PointLabels) -> Vec<&ScatterPoint> {
    match labels {
        PointLabels::None => Vec::new(),
        PointLabels::All => data.points.iter().collect(),
        PointLabels::Largest(n) => {
            let mut points: Vec<&ScatterPoint> = data
                .points
                .iter()
                .filter(|p| matches!(p.band, Band::Light | Band::Amber | Band::Red))
                .collect();
            let gap = |p: &ScatterPoint| (p.immigration - p.emigration).abs();
            points.sort_by(|a, b| {
                gap(b)
                    .total_cmp(&gap(a))
                    .then_with(|| (&a.sender, &a.receiver).cmp(&(&b.sender, &b.receiver)))
            });
            points.truncate(n);
            points
        }
    }
}

/// The legend text of a band: its range of I / E, or what it means.
pub fn band_label(lang: Lang, band: Band, bounds: [f64; 3]) -> String {
    let t = texts(lang);
    let within = |b: f64| {
        let (low, high) = (decimal(lang, (-b).exp(), 2), decimal(lang, b.exp(), 2));
        t!(lang, "chart-band-within", low = low, high = high)
    };
    match band {
        Band::Green => within(bounds[0]),
        Band::Light => within(bounds[1]),
        Band::Amber => within(bounds[2]),
        Band::Red => {
            let b = bounds[2];
            let (low, high) = (decimal(lang, (-b).exp(), 2), decimal(lang, b.exp(), 2));
            t!(lang, "chart-band-beyond", low = low, high = high)
        }
        Band::Small => t.small.to_string(),
        Band::OneSided => t.one_sided.to_string(),
    }
}

/// The mirror scatter's coordinates: emigration across, immigration up, both logarithmic.
type ScatterChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<LogCoord<f64>, LogCoord<f64>>>;

/// The title and the subtitle of the mirror scatter: the year, the basis and the pairs left out.
fn scatter_headings(data: &ScatterData, lang: Lang) -> (String, String) {
    let t = texts(lang);
    let when = match data.year {
        Some(year) => year.to_string(),
        None => t.all_years.to_string(),
    };
    let title = format!(
        "{}, {when}{}{}",
        t.scatter_title,
        sex_suffix(lang, data.sex),
        draw::country_suffix(data.country.as_deref(), lang)
    );
    let mut subtitle = t.scatter_subtitle.to_string();
    if let Some(note) = t.basis_note(data.corrected, data.basis) {
        subtitle.push_str(&format!("; {note}"));
    }
    if data.zero_sides > 0 {
        subtitle.push_str(&format!("; {} {}", data.zero_sides, t.zero_side_note));
    }
    (title, subtitle)
}

/// The span of both axes of the scatter: the whole decades around every point.
fn scatter_span(data: &ScatterData) -> (f64, f64) {
    let low = data
        .points
        .iter()
        .map(|p| p.immigration.min(p.emigration))
        .fold(f64::INFINITY, f64::min);
    let high = data
        .points
        .iter()
        .map(|p| p.immigration.max(p.emigration))
        .fold(0.0, f64::max);
    decades(low, high)
}

/// The log–log axes of the scatter, with the mesh and the 1–2–5 tick labels.
fn scatter_axes<'p, DB: DrawingBackend>(
    plot: &'p DrawingArea<DB, Shift>,
    options: &ChartOptions,
    (lo, hi): (f64, f64),
) -> Result<ScatterChart<'p, DB>, ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let s = Scale::new(options);
    let tick_size = s.font(21.0);
    let desc_size = s.font(24.0);
    let mut chart = ChartBuilder::on(plot)
        .margin_right(s.px(30.0))
        .margin_top(s.px(10.0))
        .x_label_area_size(s.px(95.0))
        .y_label_area_size(s.px(135.0))
        .build_cartesian_2d((lo..hi).log_scale(), (lo..hi).log_scale())
        .map_err(error)?;
    // Within a single decade plotters places a tick at every whole multiple; only the 1–2–5
    // series is labelled, so that the labels never run into each other.
    let format_tick = |v: &f64| {
        if in_125_series(*v) {
            count(lang, *v)
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .x_desc(t.emigration_axis)
        .y_desc(t.immigration_axis)
        .x_label_formatter(&format_tick)
        .y_label_formatter(&format_tick)
        .label_style(draw::style(tick_size, INK))
        .axis_desc_style(draw::style(desc_size, GREY_TEXT))
        .light_line_style(RGBColor(240, 240, 240))
        .bold_line_style(RGBColor(215, 215, 215))
        .axis_style(AXIS)
        .draw()
        .map_err(error)?;
    Ok(chart)
}

/// The band corridors around the 45° line, widest first, and the line itself.
fn draw_corridors<DB: DrawingBackend>(
    chart: &mut ScatterChart<'_, DB>,
    data: &ScatterData,
    (lo, hi): (f64, f64),
    s: Scale,
) -> Result<(), ChartError> {
    for (band, bound, share) in [
        (Band::Amber, data.bounds[2], 0.25),
        (Band::Light, data.bounds[1], 0.35),
        (Band::Green, data.bounds[0], 0.45),
    ] {
        chart
            .draw_series(std::iter::once(Polygon::new(
                corridor(lo, hi, bound),
                pale(band_colour(band), share).filled(),
            )))
            .map_err(error)?;
    }
    chart
        .draw_series(LineSeries::new(
            vec![(lo, lo), (hi, hi)],
            INK.stroke_width(s.px(2.0).max(1) as u32),
        ))
        .map_err(error)?;
    Ok(())
}

/// The radius of the scatter's points: smaller when there are many, so that the corridors stay
/// visible.
fn point_radius(data: &ScatterData, s: Scale) -> i32 {
    if data.points.len() > 400 {
        s.px(4.5).max(2)
    } else {
        s.px(6.5).max(2)
    }
}

/// The points, band by band, each filled in its band's colour and outlined.
fn draw_points<DB: DrawingBackend>(
    chart: &mut ScatterChart<'_, DB>,
    data: &ScatterData,
    radius: i32,
) -> Result<(), ChartError> {
    for band in [
        Band::Small,
        Band::Green,
        Band::Light,
        Band::Amber,
        Band::Red,
    ] {
        let colour = band_colour(band);
        chart
            .draw_series(
                data.points
                    .iter()
                    .filter(|p| p.band == band)
                    .map(|p| Circle::new((p.emigration, p.immigration), radius, colour.filled())),
            )
            .map_err(error)?;
        chart
            .draw_series(data.points.iter().filter(|p| p.band == band).map(|p| {
                Circle::new(
                    (p.emigration, p.immigration),
                    radius,
                    RGBColor(60, 60, 60).stroke_width(1),
                )
            }))
            .map_err(error)?;
    }
    Ok(())
}

/// The names of the labelled points, skipping any that would overlap one already placed.
fn draw_point_labels<DB: DrawingBackend>(
    chart: &ScatterChart<'_, DB>,
    plot: &DrawingArea<DB, Shift>,
    data: &ScatterData,
    options: &ChartOptions,
    radius: i32,
) -> Result<(), ChartError> {
    let s = Scale::new(options);
    let label_size = s.font(19.0);
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    for point in labelled(data, options.labels) {
        let text = match data.year {
            Some(_) => format!("{} » {}", point.sender, point.receiver),
            None => format!("{} » {} {}", point.sender, point.receiver, point.year),
        };
        let (w, h) = plot
            .estimate_text_size(&text, &draw::style(label_size, INK))
            .map_err(error)?;
        let (px, py) = chart.backend_coord(&(point.emigration, point.immigration));
        let (w, h) = (w as i32, h as i32);
        // Above right of the point, else below it, else on its left, else further up or down
        // (a label never covers another: every label asked for is placed).
        let right = (px + radius + 2).min(plot_x.end - w);
        let left = (px - radius - 2 - w).max(plot_x.start);
        let mut candidates = Vec::new();
        for step in 0..8 {
            for x0 in [right, left] {
                candidates.push((x0, py - h - 2 - step * h));
                candidates.push((x0, py + 2 + step * h));
            }
        }
        let free = candidates.into_iter().find(|&(x0, y0)| {
            let rect = (x0, y0, x0 + w, y0 + h);
            y0 >= plot_y.start
                && y0 + h <= plot_y.end
                && !placed
                    .iter()
                    .any(|r| rect.0 < r.2 && r.0 < rect.2 && rect.1 < r.3 && r.1 < rect.3)
        });
        let Some((x0, y0)) = free else {
            continue;
        };
        placed.push((x0, y0, x0 + w, y0 + h));
        // Pixel coordinates of the whole chart area: the plot area starts at its own origin.
        let origin = plot.get_base_pixel();
        plot.draw(&Text::new(
            text,
            (x0 - origin.0, y0 - origin.1),
            draw::style(label_size, INK),
        ))
        .map_err(error)?;
    }
    Ok(())
}

/// The scatter's legend: each band with its number of points, and the 45° line.
fn scatter_entries(data: &ScatterData, lang: Lang) -> Vec<(Mark, String)> {
    let t = texts(lang);
    let count_of = |band: Band| data.points.iter().filter(|p| p.band == band).count();
    let mut entries: Vec<(Mark, String)> = [
        Band::Green,
        Band::Light,
        Band::Amber,
        Band::Red,
        Band::Small,
    ]
    .into_iter()
    .map(|band| {
        (
            Mark::Dot(band_colour(band)),
            format!(
                "{} ({})",
                band_label(lang, band, data.bounds),
                count_of(band)
            ),
        )
    })
    .collect();
    entries.push((Mark::Line(INK), t.equal_line.to_string()));
    entries
}

/// Mirror scatter on log–log axes with the 45° line and the band corridors.
pub fn scatter<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ScatterData,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let s = Scale::new(options);
    let (title, subtitle) = scatter_headings(data, lang);
    let area = frame(root, options, &title, &subtitle)?;
    let (plot, side) = with_legend(&area, options);
    let span = scatter_span(data);
    let mut chart = scatter_axes(&plot, options, span)?;
    draw_corridors(&mut chart, data, span, s)?;
    let radius = point_radius(data, s);
    draw_points(&mut chart, data, radius)?;
    draw_point_labels(&chart, &plot, data, options, radius)?;
    legend(&side, options, &scatter_entries(data, lang))
}

/// A pair's series coordinates: the years across, persons up.
type SeriesChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Which value of a year a line of the series draws.
type Pick = fn(&super::SeriesPoint) -> Option<f64>;

/// The title and the subtitle of a pair's series: the pair, and its ratio in the first and the
/// last year.
fn series_headings(data: &PairSeries, lang: Lang) -> (String, String) {
    let t = texts(lang);
    let sender = country_name(&data.sender, lang);
    let receiver = country_name(&data.receiver, lang);
    let title = format!(
        "{} ({} » {}){}",
        t!(
            lang,
            "chart-series-title",
            sender = &sender,
            receiver = &receiver
        ),
        data.sender,
        data.receiver,
        sex_suffix(lang, data.sex)
    );
    let ratios: Vec<(u16, f64)> = data
        .points
        .iter()
        .filter_map(|p| {
            let (i, e) = match data.basis {
                Basis::Corrected => (p.corrected_immigration?, p.corrected_emigration?),
                Basis::Reported => (p.immigration?, p.emigration?),
            };
            (e > 0.0).then(|| (p.year, i / e))
        })
        .collect();
    let mut subtitle = match (ratios.first(), ratios.last()) {
        (Some(first), Some(last)) => t!(
            lang,
            "chart-series-subtitle",
            first = decimal(lang, first.1, 2),
            first_year = first.0.to_string(),
            last = decimal(lang, last.1, 2),
            last_year = last.0.to_string(),
        ),
        _ => String::new(),
    };
    if let Some(note) = t.basis_note(data.corrected, data.basis)
        && !subtitle.is_empty()
    {
        subtitle.push_str(&format!(", {note}"));
    }
    (title, subtitle)
}

/// The axes of a pair's series: every year labelled, persons from 0 to above the largest value.
fn series_axes<'p, DB: DrawingBackend>(
    plot: &'p DrawingArea<DB, Shift>,
    data: &PairSeries,
    options: &ChartOptions,
) -> Result<SeriesChart<'p, DB>, ChartError> {
    let lang = options.lang;
    let t = texts(lang);
    let s = Scale::new(options);
    let first = data.points.iter().map(|p| p.year).min().unwrap_or(2000);
    let last = data.points.iter().map(|p| p.year).max().unwrap_or(first);
    let top = data
        .points
        .iter()
        .flat_map(|p| {
            [
                p.immigration,
                p.emigration,
                p.corrected_immigration,
                p.corrected_emigration,
            ]
        })
        .flatten()
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.12;
    let tick_size = s.font(21.0);
    let mut chart = ChartBuilder::on(plot)
        .margin_right(s.px(30.0))
        .margin_top(s.px(10.0))
        .x_label_area_size(s.px(95.0))
        .y_label_area_size(s.px(135.0))
        .build_cartesian_2d(first as f64 - 0.5..last as f64 + 0.5, 0.0..top)
        .map_err(error)?;
    let year_label = |v: &f64| {
        if (v - v.round()).abs() < 1e-6 {
            format!("{}", v.round() as i64)
        } else {
            String::new()
        }
    };
    let count_label = |v: &f64| count(lang, *v);
    chart
        .configure_mesh()
        .x_desc(t.year)
        .y_desc(t.persons)
        .x_labels((last - first) as usize + 2)
        .x_label_formatter(&year_label)
        .y_label_formatter(&count_label)
        .label_style(draw::style(tick_size, INK))
        .axis_desc_style(draw::style(s.font(24.0), GREY_TEXT))
        .light_line_style(RGBColor(240, 240, 240))
        .bold_line_style(RGBColor(215, 215, 215))
        .axis_style(AXIS)
        .disable_x_mesh()
        .draw()
        .map_err(error)?;
    Ok(chart)
}

/// The lines of a pair's series: the reported sides, then each corrected side that differs,
/// dashed.
fn series_lines(data: &PairSeries) -> Vec<(Pick, RGBColor, bool)> {
    let mut lines: Vec<(Pick, RGBColor, bool)> = vec![
        (|p| p.immigration, IMMIGRATION, false),
        (|p| p.emigration, EMIGRATION, false),
    ];
    let (immigration_corrected, emigration_corrected) = corrected_sides(data);
    if immigration_corrected {
        lines.push((|p| p.corrected_immigration, IMMIGRATION, true));
    }
    if emigration_corrected {
        lines.push((|p| p.corrected_emigration, EMIGRATION, true));
    }
    lines
}

/// Runs of consecutive years with a value: a missing year breaks the line.
fn year_runs(data: &PairSeries, pick: Pick) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous: Option<u16> = None;
    for point in &data.points {
        let Some(value) = pick(point) else {
            previous = None;
            continue;
        };
        let xy = (point.year as f64, value);
        match (previous, runs.last_mut()) {
            (Some(y), Some(run)) if y + 1 == point.year => run.push(xy),
            _ => runs.push(vec![xy]),
        }
        previous = Some(point.year);
    }
    runs
}

/// Each line of the series, run by run: dashed for a corrected side, else solid with its points.
fn draw_series_lines<DB: DrawingBackend>(
    chart: &mut SeriesChart<'_, DB>,
    data: &PairSeries,
    s: Scale,
) -> Result<(), ChartError> {
    let width = s.px(4.0).max(2) as u32;
    let radius = s.px(7.0).max(2);
    for (pick, colour, dashed) in series_lines(data) {
        for run in &year_runs(data, pick) {
            if dashed {
                chart
                    .draw_series(DashedLineSeries::new(
                        run.iter().copied(),
                        s.px(12.0).max(3),
                        s.px(8.0).max(2),
                        colour.stroke_width(width),
                    ))
                    .map_err(error)?;
            } else {
                chart
                    .draw_series(LineSeries::new(
                        run.iter().copied(),
                        colour.stroke_width(width),
                    ))
                    .map_err(error)?;
                chart
                    .draw_series(
                        run.iter()
                            .map(|&xy| Circle::new(xy, radius, colour.filled())),
                    )
                    .map_err(error)?;
            }
        }
    }
    Ok(())
}

/// The legend of a pair's series: each side as its country reports it, and the corrected sides.
fn series_entries(data: &PairSeries, lang: Lang) -> Vec<(Mark, String)> {
    let t = texts(lang);
    let sender = country_name(&data.sender, lang);
    let receiver = country_name(&data.receiver, lang);
    let (immigration_corrected, emigration_corrected) = corrected_sides(data);
    let immigration = t!(lang, "chart-immigration-line", receiver = &receiver);
    let emigration = t!(lang, "chart-emigration-line", sender = &sender);
    let mut entries = vec![
        (Mark::Line(IMMIGRATION), immigration.clone()),
        (Mark::Line(EMIGRATION), emigration.clone()),
    ];
    if immigration_corrected {
        entries.push((
            Mark::Dashed(IMMIGRATION),
            format!("{immigration}{}", t.corrected_suffix),
        ));
    }
    if emigration_corrected {
        entries.push((
            Mark::Dashed(EMIGRATION),
            format!("{emigration}{}", t.corrected_suffix),
        ));
    }
    entries
}

/// A pair's immigration and emigration over the years.
pub fn series<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &PairSeries,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let s = Scale::new(options);
    let (title, subtitle) = series_headings(data, lang);
    let area = frame(root, options, &title, &subtitle)?;
    let (plot, side) = with_legend(&area, options);
    let mut chart = series_axes(&plot, data, options)?;
    draw_series_lines(&mut chart, data, s)?;
    legend(&side, options, &series_entries(data, lang))
}

/// Which sides of a series get a corrected line: on the corrected basis, a side whose
/// correction changes something.
pub fn corrected_sides(data: &PairSeries) -> (bool, bool) {
    if data.basis == Basis::Reported {
        return (false, false);
    }
    (
        data.points
            .iter()
            .any(|p| p.corrected_immigration != p.immigration),
        data.points
            .iter()
            .any(|p| p.corrected_emigration != p.emigration),
    )
}

/// Whether `v` is 1, 2 or 5 times a power of ten.
fn in_125_series(v: f64) -> bool {
    if !(v > 0.0 && v.is_finite()) {
        return false;
    }
    let mantissa = v / 10f64.powf((v.log10() + 1e-9).floor());
    [1.0, 2.0, 5.0]
        .iter()
        .any(|m| (mantissa - m).abs() < 1e-6 * m)
}

/// Ticks of the 1–2–5 series between `lo` and `hi` (at least the powers of ten in range).
fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    let mut decade = 10f64.powf(lo.log10().floor());
    while decade <= hi {
        for m in [1.0, 2.0, 5.0] {
            let tick = decade * m;
            if tick >= lo && tick <= hi {
                ticks.push(tick);
            }
        }
        decade *= 10.0;
    }
    ticks
}

const WITHIN: RGBColor = RGBColor(103, 169, 207);
const OUTSIDE: RGBColor = RGBColor(215, 48, 39);

/// The band behind the country under review's bar.
const MARKED_ROW: RGBColor = RGBColor(255, 236, 170);

/// The colour of the band behind the country under review's bar, for the window's chart.
pub fn marked_row_colour() -> RGBColor {
    MARKED_ROW
}

/// The colour of a country's bar: inside or outside M2's bounds.
pub fn undercount_colour(outside: bool) -> RGBColor {
    if outside { OUTSIDE } else { WITHIN }
}

/// The country bars' coordinates: the ratio across on a log axis, one row per country.
type UndercountChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<LogCoord<f64>, RangedCoordf64>>;

/// Half the thickness of a country's bar, in rows.
const BAR_HALF: f64 = 0.36;

/// The row of the `i`-th of `n` bars: the first at the top.
fn bar_row(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

/// The title and the subtitle of the country bars: the direction, the year, the reference and
/// the basis.
fn undercount_headings(data: &UndercountData, lang: Lang) -> (String, String) {
    let t = texts(lang);
    let heading = match data.direction {
        FlowDirection::Emigration => t.undercount_emigration,
        FlowDirection::Immigration => t.undercount_immigration,
    };
    let title = format!(
        "{heading}, {}{}",
        data.year,
        draw::country_suffix(data.country.as_deref(), lang)
    );
    let mut subtitle = match &data.reference {
        Some(group) => t!(lang, "chart-reference-subtitle", group = group.join(", ")),
        None => t.undercount_subtitle.to_string(),
    };
    if let Some(note) = t.basis_note(data.corrected, data.basis) {
        subtitle.push_str(&format!("; {note}"));
    }
    (title, subtitle)
}

/// The span of the ratio axis: every ratio, every finite interval and both bounds, with room.
fn undercount_span(data: &UndercountData) -> (f64, f64) {
    let (smallest, largest) = data.span();
    (smallest / 1.25, largest * 1.25)
}

/// The axes of the country bars, without ticks: [`draw_ratio_ticks`] labels the ratio axis.
fn undercount_axes<'p, DB: DrawingBackend>(
    plot: &'p DrawingArea<DB, Shift>,
    data: &UndercountData,
    options: &ChartOptions,
    (lo, hi): (f64, f64),
    label_size: f64,
) -> Result<UndercountChart<'p, DB>, ChartError> {
    let t = texts(options.lang);
    let s = Scale::new(options);
    let n = data.bars.len();
    let mut widest = 0;
    for bar in &data.bars {
        let (w, _) = plot
            .estimate_text_size(&bar.country, &draw::style(label_size, INK))
            .map_err(error)?;
        widest = widest.max(w as i32);
    }
    let mut chart = ChartBuilder::on(plot)
        .margin_right(s.px(30.0))
        .margin_top(s.px(10.0))
        .x_label_area_size(s.px(95.0))
        .y_label_area_size(widest + s.px(60.0))
        .build_cartesian_2d((lo..hi).log_scale(), -0.5..n as f64 - 0.5)
        .map_err(error)?;
    // plotters places few labels on a short log axis; ticks of the 1–2–5 series instead.
    chart
        .configure_mesh()
        .x_desc(t.ratio_axis)
        .x_labels(0)
        .y_labels(0)
        .x_label_formatter(&|_| String::new())
        .y_label_formatter(&|_| String::new())
        .axis_desc_style(draw::style(s.font(24.0), GREY_TEXT))
        .axis_style(AXIS)
        .disable_mesh()
        .draw()
        .map_err(error)?;
    Ok(chart)
}

/// The ticks of the ratio axis: a grid line and a label at each of the 1–2–5 series.
fn draw_ratio_ticks<DB: DrawingBackend>(
    chart: &mut UndercountChart<'_, DB>,
    plot: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    (lo, hi): (f64, f64),
    n: usize,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let s = Scale::new(options);
    let ratio_label = |v: &f64| {
        let decimals = if *v >= 1.0 {
            0
        } else if *v >= 0.1 {
            1
        } else {
            2
        };
        decimal(lang, *v, decimals)
    };
    let origin = plot.get_base_pixel();
    let (_, y_range) = chart.plotting_area().get_pixel_range();
    for tick in log_ticks(lo, hi) {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(tick, -0.5), (tick, n as f64 - 0.5)],
                RGBColor(228, 228, 228).stroke_width(1),
            )))
            .map_err(error)?;
        let (x, _) = chart.backend_coord(&(tick, 0.0));
        plot.draw(&Text::new(
            ratio_label(&tick),
            (x - origin.0, y_range.end + s.px(12.0) - origin.1),
            anchored(s.font(21.0), INK, HPos::Center, VPos::Top),
        ))
        .map_err(error)?;
    }
    Ok(())
}

/// The bars from 1 to each ratio, coloured by M2's bounds, with their intervals as whiskers.
fn draw_ratio_bars<DB: DrawingBackend>(
    chart: &mut UndercountChart<'_, DB>,
    data: &UndercountData,
    (lo, hi): (f64, f64),
    s: Scale,
) -> Result<(), ChartError> {
    let [low_bound, high_bound] = data.bounds;
    let n = data.bars.len();
    let row = |i: usize| bar_row(n, i);
    let half = BAR_HALF;
    // The country under review's row, on a band across the plot behind its bar.
    if let Some(i) = data.bars.iter().position(|b| data.is_marked(b)) {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(lo, row(i) - 0.5), (hi, row(i) + 0.5)],
                MARKED_ROW.filled(),
            )))
            .map_err(error)?;
    }
    chart
        .draw_series(data.bars.iter().enumerate().map(|(i, bar)| {
            let outside = bar.ratio < low_bound || bar.ratio > high_bound;
            let colour = if outside { OUTSIDE } else { WITHIN };
            Rectangle::new(
                [(1.0, row(i) - half), (bar.ratio, row(i) + half)],
                colour.filled(),
            )
        }))
        .map_err(error)?;
    let whisker = INK.stroke_width(s.px(2.5).max(1) as u32);
    for (i, bar) in data.bars.iter().enumerate() {
        let (Some(low), Some(high)) = (bar.low, bar.high) else {
            continue;
        };
        let low = low.clamp(lo, hi);
        let high = if high.is_finite() { high.min(hi) } else { hi };
        let y = row(i);
        let cap = half * 0.6;
        chart
            .draw_series([
                PathElement::new(vec![(low, y), (high, y)], whisker),
                PathElement::new(vec![(low, y - cap), (low, y + cap)], whisker),
                PathElement::new(vec![(high, y - cap), (high, y + cap)], whisker),
            ])
            .map_err(error)?;
    }
    Ok(())
}

/// The line at a ratio of 1 and the dashed lines of M2's bounds.
fn draw_bound_lines<DB: DrawingBackend>(
    chart: &mut UndercountChart<'_, DB>,
    data: &UndercountData,
    s: Scale,
) -> Result<(), ChartError> {
    let [low_bound, high_bound] = data.bounds;
    let span = (-0.5, data.bars.len() as f64 - 0.5);
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(1.0, span.0), (1.0, span.1)],
            INK.stroke_width(s.px(2.0).max(1) as u32),
        )))
        .map_err(error)?;
    for bound in [low_bound, high_bound] {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(bound, span.0), (bound, span.1)],
                s.px(10.0).max(3),
                s.px(7.0).max(2),
                GREY_TEXT.stroke_width(s.px(2.0).max(1) as u32),
            ))
            .map_err(error)?;
    }
    Ok(())
}

/// Country codes beside their bars, thinned when rows are too close to read.
fn draw_country_codes<DB: DrawingBackend>(
    chart: &UndercountChart<'_, DB>,
    plot: &DrawingArea<DB, Shift>,
    data: &UndercountData,
    s: Scale,
    label_size: f64,
) -> Result<(), ChartError> {
    let n = data.bars.len();
    let origin = plot.get_base_pixel();
    let (x_range, _) = chart.plotting_area().get_pixel_range();
    let row_px = chart.backend_coord(&(1.0, 0.0)).1 - chart.backend_coord(&(1.0, 1.0)).1;
    let step = ((label_size * 1.1) / row_px.max(1) as f64).ceil().max(1.0) as usize;
    // Every `step`-th code, and always the country under review's.
    let marked = data.bars.iter().position(|b| data.is_marked(b));
    for (i, bar) in data.bars.iter().enumerate() {
        let near_marked = marked.is_some_and(|m| m != i && m.abs_diff(i) < step);
        if Some(i) != marked && (i % step != 0 || near_marked) {
            continue;
        }
        let (_, y) = chart.backend_coord(&(1.0, bar_row(n, i)));
        plot.draw(&Text::new(
            bar.country.clone(),
            (x_range.start - s.px(12.0) - origin.0, y - origin.1),
            anchored(label_size, INK, HPos::Right, VPos::Center),
        ))
        .map_err(error)?;
    }
    Ok(())
}

/// The legend of the country bars: within and outside the bounds, with their numbers, and the
/// interval, and the band of the country under review.
fn undercount_entries(data: &UndercountData, lang: Lang) -> Vec<(Mark, String)> {
    let t = texts(lang);
    let [low_bound, high_bound] = data.bounds;
    let (low, high) = (decimal(lang, low_bound, 2), decimal(lang, high_bound, 2));
    let bounds = t!(lang, "chart-within-bounds", low = &low, high = &high);
    let outside = t!(lang, "chart-outside-bounds", low = &low, high = &high);
    let count_within = data
        .bars
        .iter()
        .filter(|b| b.ratio >= low_bound && b.ratio <= high_bound)
        .count();
    let mut entries = vec![
        (Mark::Square(WITHIN), format!("{bounds} ({count_within})")),
        (
            Mark::Square(OUTSIDE),
            format!("{outside} ({})", data.bars.len() - count_within),
        ),
        (Mark::Whisker(INK), t.interval.to_string()),
    ];
    if let Some(code) = &data.country {
        let country = format!("{} ({code})", country_name(code, lang));
        entries.push((
            Mark::Square(MARKED_ROW),
            t!(lang, "chart-under-review", country = &country),
        ));
    }
    entries
}

/// Country undercount ratios as horizontal bars from 1 on a log axis, with intervals.
pub fn undercount<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &UndercountData,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lang = options.lang;
    let s = Scale::new(options);
    let (title, subtitle) = undercount_headings(data, lang);
    let area = frame(root, options, &title, &subtitle)?;
    let (plot, side) = with_legend(&area, options);
    let span = undercount_span(data);
    let label_size = s.font(21.0);
    let mut chart = undercount_axes(&plot, data, options, span, label_size)?;
    draw_ratio_ticks(&mut chart, &plot, options, span, data.bars.len())?;
    draw_ratio_bars(&mut chart, data, span, s)?;
    draw_bound_lines(&mut chart, data, s)?;
    draw_country_codes(&chart, &plot, data, s, label_size)?;
    legend(&side, options, &undercount_entries(data, lang))
}
