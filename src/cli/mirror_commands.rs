//! `migreview mirror` and `migreview plot`.

use super::{
    EXIT_INPUT, EXIT_OK, Format, MirrorArgs, PlotArgs, import_options, load_inputs, nothing_read,
};
use crate::charts::file_part;
use crate::charts::{
    self, Chart, ChartError, ChartOptions, CoverageGrid, MatrixData, PairSeries, ScatterData,
    Target, UndercountData,
};
use crate::coverage;
use crate::i18n::{Lang, push_count_in, push_fixed};
use crate::load::LoadOutcome;
use crate::mirror::{self, FlowDirection, HarmoniseMethod, MirrorReport, PartnerComparison};
use crate::model::{Sex, format_count};
use crate::settings::Settings;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Loads the inputs and settings; `Err` carries the exit status after the message is written.
fn prepare(
    input: &super::InputArgs,
    settings: Option<&Path>,
    err: &mut dyn Write,
) -> Result<(LoadOutcome, Settings), i32> {
    let fail = |err: &mut dyn Write, message: String| {
        let _ = writeln!(err, "migreview: {message}");
        EXIT_INPUT
    };
    let options = import_options(input).map_err(|m| fail(err, m))?;
    let settings = Settings::load(settings).map_err(|e| fail(err, e.to_string()))?;
    let outcome = load_inputs(&input.files, &options);
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
    }
    Ok((outcome, settings))
}

/// The report restricted to one year.
fn of_year(report: MirrorReport, dataset: &crate::model::Dataset, year: u16) -> MirrorReport {
    MirrorReport {
        pairs: report
            .pairs
            .into_iter()
            .filter(|p| p.year == year)
            .collect(),
        coverage: coverage::mirror_coverage_by_year(dataset)
            .into_iter()
            .find(|(y, _)| *y == year)
            .map(|(_, c)| c),
        countries: report
            .countries
            .into_iter()
            .filter(|c| c.year == year)
            .collect(),
        durations: report
            .durations
            .into_iter()
            .filter(|d| d.year == year)
            .collect(),
        structure: report
            .structure
            .into_iter()
            .filter(|s| s.year == year)
            .collect(),
        ..report
    }
}

pub fn run_mirror(args: &MirrorArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (outcome, settings) = match prepare(&args.input, args.settings.as_deref(), err) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let nothing = nothing_read(&outcome, "nothing was compared");
    if let Some(reason) = &nothing {
        let _ = writeln!(err, "migreview: {reason}");
        // JSON still gets its (empty) report, for scripts that read it; text gets no empty table.
        if args.format == Format::Text {
            return EXIT_INPUT;
        }
    }
    let mut report = mirror::analyse(&outcome.dataset, &settings.mirror);
    if let Some(year) = args.year {
        report = of_year(report, &outcome.dataset, year);
    }
    // An empty pairs file would replace whatever the CSV held with nothing.
    if let Some(path) = args.csv.as_ref().filter(|_| nothing.is_none()) {
        let written = crate::save::write_atomically_with(path, |writer| {
            mirror::export::write_pairs_csv(&report.pairs, writer).map_err(std::io::Error::other)
        });
        if let Err(e) = written {
            let _ = writeln!(err, "migreview: {}: cannot write: {e}", path.display());
            return EXIT_INPUT;
        }
    }
    let written = match args.format {
        Format::Json => crate::save::write_json_pretty(out, &report),
        Format::Text => write_mirror_text(out, &report, args.year, settings.mirror.interval_level),
    };
    if let Err(e) = written {
        return super::output_failed(&e, err);
    }
    if let Some(path) = args.csv.as_ref().filter(|_| nothing.is_none()) {
        let _ = writeln!(
            err,
            "wrote {} pairs to {}",
            format_count(report.pairs.len() as f64),
            path.display()
        );
    }
    if outcome.errors().next().is_some() || nothing.is_some() {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

fn number(value: Option<f64>, decimals: usize) -> String {
    let mut text = String::new();
    push_number(&mut text, value, decimals);
    text
}

/// A number with `decimals` decimals, `∞` or `–` (none), added to `text`.
fn push_number(text: &mut String, value: Option<f64>, decimals: usize) {
    match value {
        Some(v) if v.is_finite() => push_fixed(text, v, decimals),
        Some(_) => text.push('∞'),
        None => text.push('–'),
    }
}

fn count(value: Option<f64>) -> String {
    let mut text = String::new();
    push_count(&mut text, value);
    text
}

/// A count as [`format_count`] writes it, or `–` (none), added to `text`.
fn push_count(text: &mut String, value: Option<f64>) {
    match value {
        Some(v) => push_count_in(v, Lang::En, text),
        None => text.push('–'),
    }
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.1} %", 100.0 * part as f64 / whole as f64)
    }
}

/// An interval `low–high`, or `–` when there is none.
fn range(bounds: Option<[f64; 2]>) -> String {
    let mut text = String::new();
    push_range(&mut text, bounds);
    text
}

/// An interval as [`range`] writes it, added to `text`.
fn push_range(text: &mut String, bounds: Option<[f64; 2]>) {
    match bounds {
        Some([lo, hi]) => {
            push_number(text, Some(lo), 3);
            text.push('–');
            push_number(text, Some(hi), 3);
        }
        None => text.push('–'),
    }
}

fn interval(c: &PartnerComparison) -> String {
    range(c.ratio_low.zip(c.ratio_high).map(|(lo, hi)| [lo, hi]))
}

/// A confidence level in per cent: `95 %` for 0.95, `99.5 %` for 0.995.
fn confidence(level: f64) -> String {
    let percent = 100.0 * level;
    let decimals = if (percent - percent.round()).abs() < 0.05 {
        0
    } else {
        1
    };
    format!("{} %", number(Some(percent), decimals))
}

fn write_mirror_text(
    out: &mut dyn Write,
    report: &MirrorReport,
    year: Option<u16>,
    level: f64,
) -> std::io::Result<()> {
    write_pairs(out, report, year, level)?;
    write_coverage(out, report)?;
    write_durations(out, report)?;
    write_reference_group(out, report)?;
    write_countries(out, report)?;
    write_harmonisation(out, report)?;
    write_undercount(out, report)
}

/// The pairs of a mirror report, one line each, under their heading.
fn write_pairs(
    out: &mut dyn Write,
    report: &MirrorReport,
    year: Option<u16>,
    level: f64,
) -> std::io::Result<()> {
    let two_sided = report.pairs.iter().filter(|p| p.is_two_sided()).count();
    let when = year.map_or_else(String::new, |y| format!(" in {y}"));
    writeln!(
        out,
        "Mirror pairs{when}: {} with at least one side reported, {} with both",
        format_count(report.pairs.len() as f64),
        format_count(two_sided as f64)
    )?;
    let level = confidence(level);
    writeln!(
        out,
        "(immigration reported by the receiver, emigration reported by the sender; ratio = I / E; \
         interval: the exact {level} interval of the corrected ratio)"
    )?;
    writeln!(
        out,
        "{:<8} {:<6} {:>4} {:<3} {:>12} {:>12} {:>8} {:>9} {:>8}  {:<9} {:>9} {:>15}",
        "receiver",
        "sender",
        "year",
        "sex",
        "immigration",
        "emigration",
        "ratio",
        "log ratio",
        "rel diff",
        "band",
        "corrected",
        format!("{level} interval")
    )?;
    // A line per pair, written on every core in runs and put out in order.
    crate::parallel::write_in_order(
        &report.pairs,
        PAIRS_PER_RUN,
        |pairs, text| {
            // Padded into a `String`, whose every character costs less than through `io::Write`.
            let (mut lines, mut cell) = (String::new(), String::new());
            for p in pairs {
                write_pair_line(&mut lines, &mut cell, p).map_err(std::io::Error::other)?;
            }
            text.extend_from_slice(lines.as_bytes());
            Ok(())
        },
        |text| out.write_all(text),
    )
}

/// `cell` emptied and filled by `fill`.
fn made(cell: &mut String, fill: impl FnOnce(&mut String)) -> &str {
    cell.clear();
    fill(cell);
    cell
}

/// Pairs a core writes at a time.
const PAIRS_PER_RUN: usize = 4096;

/// A pair's line of the table, each cell made in `cell` (reused from line to line) and padded
/// to its column.
fn write_pair_line(
    text: &mut String,
    cell: &mut String,
    p: &crate::mirror::MirrorPair,
) -> std::fmt::Result {
    write!(
        text,
        "{:<8} {:<6} {:>4} {:<3} ",
        p.receiver,
        p.sender,
        p.year,
        p.sex.code()
    )?;
    write!(
        text,
        "{:>12} ",
        made(cell, |c| push_count(c, p.immigration))
    )?;
    write!(text, "{:>12} ", made(cell, |c| push_count(c, p.emigration)))?;
    write!(text, "{:>8} ", made(cell, |c| push_number(c, p.ratio, 3)))?;
    write!(
        text,
        "{:>9} ",
        made(cell, |c| push_number(c, p.log_ratio, 3))
    )?;
    write!(
        text,
        "{:>8}  ",
        made(cell, |c| push_number(c, p.rel_diff, 3))
    )?;
    write!(text, "{:<9} ", p.band.as_str())?;
    write!(
        text,
        "{:>9} ",
        made(cell, |c| push_number(c, p.corrected_ratio, 3))
    )?;
    writeln!(
        text,
        "{:>15}",
        made(cell, |c| push_range(c, p.ratio_interval()))
    )
}

/// How many ordered pair-years the data cover on both sides, one side or neither.
fn write_coverage(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    if let Some(c) = &report.coverage {
        let years = match c.years {
            Some([a, b]) if a == b => a.to_string(),
            Some([a, b]) => format!("{a}–{b}"),
            None => "no years".into(),
        };
        writeln!(out)?;
        writeln!(
            out,
            "Coverage: {} countries, {years}: {} ordered pair-years; both sides {} ({}), \
             immigration only {} ({}), emigration only {} ({}), neither {} ({})",
            c.countries,
            format_count(c.cells as f64),
            format_count(c.both as f64),
            share(c.both, c.cells),
            format_count(c.immigration_only as f64),
            share(c.immigration_only, c.cells),
            format_count(c.emigration_only as f64),
            share(c.emigration_only, c.cells),
            format_count(c.neither as f64),
            share(c.neither, c.cells)
        )?;
    }
    Ok(())
}

/// The duration-of-stay corrections other than 1.
fn write_durations(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    let corrected: Vec<_> = report
        .durations
        .iter()
        .filter(|d| d.factor != 1.0)
        .collect();
    if !corrected.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Duration-of-stay corrections (factor to the 12-month basis):"
        )?;
        for d in corrected {
            writeln!(
                out,
                "  {} {} {}: {} months ({}) × {}",
                d.reporter,
                d.direction.as_str(),
                d.year,
                d.months,
                d.source.as_str(),
                number(Some(d.factor), 3)
            )?;
        }
    }
    Ok(())
}

/// The reference group of the country view and its note.
fn write_reference_group(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    if let Some(group) = &report.reference_group {
        writeln!(out)?;
        let members = if group.countries.is_empty() {
            "none".to_string()
        } else {
            group.countries.join(", ")
        };
        writeln!(out, "Reference group ({}): {members}", group.method)?;
        if let Some(note) = &group.note {
            writeln!(out, "  {note}")?;
        }
    }
    Ok(())
}

/// Each country against its partners.
fn write_countries(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    if !report.countries.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Countries against their partners (ratio = the country's figure / its partners' \
             figure, over partners reporting both sides; interval: partner bootstrap, 95 %):"
        )?;
        writeln!(
            out,
            "{:<7} {:<11} {:>4} {:>8} {:>12} {:>15} {:>7} {:>13} {:>9}",
            "country",
            "direction",
            "year",
            "partners",
            "reported",
            "partners report",
            "ratio",
            "interval",
            "reference"
        )?;
        for c in &report.countries {
            writeln!(
                out,
                "{:<7} {:<11} {:>4} {:>8} {:>12} {:>15} {:>7} {:>13} {:>9}",
                c.country,
                c.direction.as_str(),
                c.year,
                c.all.partners,
                format_count(c.all.reported),
                format_count(c.all.partners_report),
                number(c.all.ratio, 3),
                interval(&c.all),
                number(c.reference.as_ref().and_then(|r| r.ratio), 3)
            )?;
        }
    }
    Ok(())
}

/// How many pair-years of the fit with the largest residuals are listed.
const LARGEST_RESIDUALS: usize = 10;

/// The harmonisation factors of each country with their standard errors, and the pair-years
/// that fit worst.
fn write_harmonisation(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    let Some(h) = &report.harmonisation else {
        return Ok(());
    };
    writeln!(out)?;
    let method = match h.method {
        HarmoniseMethod::Poisson => "Poisson maximum likelihood",
        HarmoniseMethod::LogLeastSquares => "least squares on the log ratios",
    };
    writeln!(
        out,
        "Harmonisation (benchmark {}, {method}, {} pair-years, {} factors, residual sd {}): \
         multiply the reported figure by the factor; se = its standard error",
        h.benchmark,
        format_count(h.pairs as f64),
        h.parameters,
        number(h.residual_sd, 3)
    )?;
    if let Some(note) = &h.note {
        writeln!(out, "  {note}")?;
    }
    writeln!(
        out,
        "{:<7} {:>11} {:>7} {:>10} {:>7}",
        "country", "immigration", "se", "emigration", "se"
    )?;
    for f in &h.factors {
        writeln!(
            out,
            "{:<7} {:>11} {:>7} {:>10} {:>7}",
            f.country,
            number(f.immigration_factor, 3),
            number(f.immigration_se, 3),
            number(f.emigration_factor, 3),
            number(f.emigration_se, 3)
        )?;
    }
    let mut worst: Vec<&crate::mirror::MirrorPair> = report
        .pairs
        .iter()
        .filter(|p| p.residual.is_some())
        .collect();
    if worst.is_empty() {
        return Ok(());
    }
    worst.sort_by(|a, b| {
        let size = |p: &crate::mirror::MirrorPair| p.residual.map_or(0.0, f64::abs);
        size(b)
            .total_cmp(&size(a))
            .then_with(|| (&a.receiver, &a.sender, a.year).cmp(&(&b.receiver, &b.sender, b.year)))
    });
    let residual = match h.method {
        HarmoniseMethod::Poisson => "the Pearson residual of the two counts under the fit",
        HarmoniseMethod::LogLeastSquares => "ln I + a − ln E − b",
    };
    writeln!(
        out,
        "Pair-years that fit worst, to be considered separately (residual: {residual}; above 0 \
         the receiver counts more than the factors explain):"
    )?;
    writeln!(
        out,
        "{:<8} {:<6} {:>4} {:>12} {:>12} {:>9}",
        "receiver", "sender", "year", "immigration", "emigration", "residual"
    )?;
    for p in worst.into_iter().take(LARGEST_RESIDUALS) {
        writeln!(
            out,
            "{:<8} {:<6} {:>4} {:>12} {:>12} {:>9}",
            p.receiver,
            p.sender,
            p.year,
            count(p.immigration),
            count(p.emigration),
            number(p.residual, 2)
        )?;
    }
    Ok(())
}

/// The undercount scores and class of each country, direction and year.
fn write_undercount(out: &mut dyn Write, report: &MirrorReport) -> std::io::Result<()> {
    if report.undercount.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "Undercount classes (U: the country's flows over the reference group's report of them; \
         scores from 0, most undercount, to 1; combined with the published weights)"
    )?;
    writeln!(
        out,
        "{:<7} {:<11} {:>4} {:>8} {:>6} {:>6} {:>8} {:>8}  class",
        "country", "direction", "year", "U", "model", "expert", "metadata", "combined"
    )?;
    for u in &report.undercount {
        writeln!(
            out,
            "{:<7} {:<11} {:>4} {:>8} {:>6} {:>6} {:>8} {:>8}  {}",
            u.country,
            u.direction.as_str(),
            u.year,
            number(u.ratio, 3),
            number(u.model_score, 2),
            number(u.expert_score, 2),
            number(u.metadata_score, 2),
            number(u.combined, 3),
            u.class.map_or("–", |c| c.as_str())
        )?;
    }
    Ok(())
}

/// A chart to write, under a file stem.
struct Planned<'a> {
    stem: String,
    chart: Chart<'a>,
}

/// The data the charts of `migreview plot` are drawn from; the planned charts borrow it.
struct PlotData {
    by_table: Vec<CoverageGrid>,
    by_reporter: Vec<CoverageGrid>,
    scatter: ScatterData,
    matrix: Option<MatrixData>,
    series: Vec<PairSeries>,
    /// The undercount bars of the year, each with its file stem.
    bars: Vec<(String, UndercountData)>,
}

impl PlotData {
    /// Everything to draw: coverage by table and by reporter, the scatter (of `args.year`, or
    /// all years), and for `year` the matrix and the undercount bars.
    fn new(
        report: &MirrorReport,
        table_coverage: &coverage::TableCoverage,
        settings: &Settings,
        args: &PlotArgs,
        year: Option<u16>,
    ) -> PlotData {
        PlotData {
            by_table: table_coverage
                .tables
                .iter()
                .map(|&t| CoverageGrid::by_table(table_coverage, t))
                .collect(),
            by_reporter: table_coverage
                .reporters
                .iter()
                .map(|r| CoverageGrid::by_reporter(table_coverage, r))
                .collect(),
            scatter: ScatterData::from_report(report, &settings.mirror, args.year, Sex::T),
            matrix: year.map(|y| MatrixData::from_report(report, y, Sex::T)),
            series: PairSeries::largest(report, 6)
                .iter()
                .map(|(sender, receiver)| PairSeries::from_report(report, sender, receiver, Sex::T))
                .collect(),
            bars: year.map_or_else(Vec::new, |y| undercount_bars(report, settings, y)),
        }
    }
}

/// The undercount bars of a year, both directions, and against the reference group when there
/// is one.
fn undercount_bars(
    report: &MirrorReport,
    settings: &Settings,
    y: u16,
) -> Vec<(String, UndercountData)> {
    let mut bars = Vec::new();
    let has_group = report
        .reference_group
        .as_ref()
        .is_some_and(|g| !g.countries.is_empty());
    for direction in [FlowDirection::Emigration, FlowDirection::Immigration] {
        let name = direction.as_str();
        bars.push((
            format!("undercount_{name}_{y}"),
            UndercountData::from_report(report, &settings.mirror, direction, y, false),
        ));
        if has_group {
            bars.push((
                format!("undercount_{name}_{y}_reference"),
                UndercountData::from_report(report, &settings.mirror, direction, y, true),
            ));
        }
    }
    bars
}

/// The charts of the data, in the order they are written, each under its file stem.
fn plan_charts<'a>(
    data: &'a PlotData,
    table_coverage: &coverage::TableCoverage,
    scatter_year: Option<u16>,
) -> Vec<Planned<'a>> {
    let mut planned: Vec<Planned<'_>> = Vec::new();
    for (grid, table) in data.by_table.iter().zip(&table_coverage.tables) {
        planned.push(Planned {
            stem: format!("coverage_table_{}", file_part(table.code())),
            chart: Chart::Coverage(grid),
        });
    }
    for (grid, reporter) in data.by_reporter.iter().zip(&table_coverage.reporters) {
        planned.push(Planned {
            stem: format!("coverage_{}", file_part(reporter)),
            chart: Chart::Coverage(grid),
        });
    }
    planned.push(Planned {
        stem: match scatter_year {
            Some(y) => format!("mirror_scatter_{y}"),
            None => "mirror_scatter_all_years".into(),
        },
        chart: Chart::Scatter(&data.scatter),
    });
    if let Some(matrix) = &data.matrix {
        planned.push(Planned {
            stem: format!("discrepancy_matrix_{}", matrix.year),
            chart: Chart::Matrix(matrix),
        });
    }
    for s in &data.series {
        planned.push(Planned {
            stem: format!("pair_{}_{}", file_part(&s.sender), file_part(&s.receiver)),
            chart: Chart::Series(s),
        });
    }
    for (stem, data) in &data.bars {
        planned.push(Planned {
            stem: stem.clone(),
            chart: Chart::Undercount(data),
        });
    }
    planned
}

/// Labels that differ only in what a file name cannot hold get numbered names, not one file.
fn number_repeated_stems(planned: &mut [Planned<'_>]) {
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    for plan in planned {
        let mut stem = plan.stem.clone();
        let mut n = 1;
        while !taken.insert(stem.to_ascii_lowercase()) {
            n += 1;
            stem = format!("{}-{n}", plan.stem);
        }
        plan.stem = stem;
    }
}

/// The chart options of `migreview plot`: the language, the points labelled and the source
/// line naming the files read.
fn plot_options(args: &PlotArgs, outcome: &LoadOutcome) -> ChartOptions {
    let source = crate::sample::files_source(
        // Named as the window's charts name them: by their file names.
        outcome
            .reports()
            .map(|r| crate::load::display_name(&r.path)),
        crate::sample::holds_sample(outcome),
        args.lang.into(),
    );
    ChartOptions {
        lang: args.lang.into(),
        source,
        labels: args.point_labels,
        ..ChartOptions::default()
    }
}

/// Writes every planned chart in every format asked for into `args.out`; returns how many
/// files were written and whether a chart failed.
fn write_charts(
    planned: &[Planned<'_>],
    options: &ChartOptions,
    args: &PlotArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> (usize, bool) {
    let mut formats = Vec::new();
    if args.png || !args.svg {
        formats.push("png");
    }
    if args.svg {
        formats.push("svg");
    }
    let mut written = 0;
    let mut failed = false;
    for plan in planned {
        for &format in &formats {
            let path: PathBuf = args.out.join(format!("{}.{format}", plan.stem));
            // Every part taken from the data went through `file_part`: the chart stays in the
            // folder chosen.
            debug_assert_eq!(path.parent(), Some(args.out.as_path()));
            let target = if format == "svg" {
                Target::Svg(&path)
            } else {
                Target::Png(&path)
            };
            match charts::render(plan.chart, options, target) {
                Ok(_) => {
                    written += 1;
                    let _ = writeln!(out, "wrote {}", path.display());
                }
                Err(ChartError::Empty(why)) => {
                    let _ = writeln!(out, "skipped {}: {why}", plan.stem);
                }
                Err(e) => {
                    let _ = writeln!(err, "migreview: {e}");
                    failed = true;
                }
            }
        }
    }
    (written, failed)
}

pub fn run_plot(args: &PlotArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (outcome, settings) = match prepare(&args.input, args.settings.as_deref(), err) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let mut status = if outcome.errors().next().is_some() {
        EXIT_INPUT
    } else {
        EXIT_OK
    };
    if let Some(reason) = nothing_read(&outcome, "nothing was plotted") {
        let _ = writeln!(err, "migreview: {reason}");
        return EXIT_INPUT;
    }
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        let _ = writeln!(
            err,
            "migreview: {}: cannot create the folder: {e}",
            args.out.display()
        );
        return EXIT_INPUT;
    }
    let dataset = &outcome.dataset;
    let report = mirror::analyse(dataset, &settings.mirror);
    let table_coverage = coverage::table_coverage(dataset);
    let latest_two_sided = report
        .pairs
        .iter()
        .filter(|p| p.is_two_sided())
        .map(|p| p.year)
        .max();
    let year = args.year.or(latest_two_sided);
    // Data first, then the charts that borrow it.
    let data = PlotData::new(&report, &table_coverage, &settings, args, year);
    let mut planned = plan_charts(&data, &table_coverage, args.year);
    number_repeated_stems(&mut planned);
    let options = plot_options(args, &outcome);
    let (written, failed) = write_charts(&planned, &options, args, out, err);
    if failed {
        status = EXIT_INPUT;
    }
    let _ = writeln!(out, "{written} chart files in {}", args.out.display());
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_say_their_confidence() {
        assert_eq!(confidence(0.95), "95 %");
        assert_eq!(confidence(0.9), "90 %");
        assert_eq!(confidence(0.995), "99.5 %");
        assert_eq!(range(Some([0.98921, 1.0279])), "0.989–1.028");
        assert_eq!(range(Some([5.48, f64::INFINITY])), "5.480–∞");
        assert_eq!(range(None), "–");
    }

    /// The table of pairs, written in runs on every core, has each pair's line where one line
    /// after the other puts it, and each line as formatting its cells one by one gives it.
    #[test]
    fn pair_lines_are_in_order_across_the_runs() {
        use crate::mirror::measures::{Sides, measure};
        let settings = crate::mirror::MirrorSettings::default();
        let pairs: Vec<_> = (0..2 * PAIRS_PER_RUN + 7)
            .map(|k| {
                let sides = Sides {
                    immigration: (k % 5 != 0).then_some(k as f64),
                    emigration: Some(1000.0 + (k % 7) as f64),
                    immigration_factor: 1.0,
                    emigration_factor: if k % 3 == 0 { 0.63 } else { 1.0 },
                };
                let year = 1990 + (k % 30) as u16;
                measure("KAZ".into(), "RUS".into(), year, Sex::T, sides, &settings)
            })
            .collect();
        let report = MirrorReport {
            pairs,
            ..MirrorReport::default()
        };
        let mut out = Vec::new();
        assert!(write_pairs(&mut out, &report, None, 0.95).is_ok());
        let text = String::from_utf8(out).unwrap_or_default();
        let lines: Vec<&str> = text.lines().skip(3).collect();
        assert_eq!(lines.len(), report.pairs.len());
        for (line, p) in lines.iter().zip(&report.pairs) {
            let expected = format!(
                "{:<8} {:<6} {:>4} {:<3} {:>12} {:>12} {:>8} {:>9} {:>8}  {:<9} {:>9} {:>15}",
                p.receiver,
                p.sender,
                p.year,
                p.sex.code(),
                count(p.immigration),
                count(p.emigration),
                number(p.ratio, 3),
                number(p.log_ratio, 3),
                number(p.rel_diff, 3),
                p.band.as_str(),
                number(p.corrected_ratio, 3),
                range(p.ratio_interval())
            );
            assert_eq!(*line, expected);
        }
        // Pair 4,097, the second line of the second run: 4,097 against 1,002 in 2007.
        assert!(
            lines[4097].starts_with("KAZ      RUS    2007 T          4,097        1,002    4.089 "),
            "{}",
            lines[4097]
        );
    }
}
