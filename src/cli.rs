//! The command line: headless runs for scripted pipelines.

use crate::checks::{CheckCode, Finding, Outcome, Severity};
use crate::load::{self, ImportOptions, Layout, LoadControl, LoadError, LoadOutcome, LoadReport};
use crate::model::{Dataset, Lang, TableId, format_count};
use crate::report::{InputSummary, Report};
use crate::settings::Settings;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod assess_commands;
pub mod checks_markdown;
mod mirror_commands;

/// Exit status: every input was read and no finding is an error.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one finding has severity `error`.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: an input could not be read, no observation was read from any input, or the
/// command line was wrong.
pub const EXIT_INPUT: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "migreview",
    version,
    about = "Review the quality of international migration statistics",
    long_about = "Review the quality of international migration statistics.\n\n\
        Without a command, migreview opens its window: on the files given, or on the built-in \
        synthetic sample data when none are given.\n\
        With a command, it runs headless: `migreview check FILE…` loads the files, runs the \
        quality checks and prints what it found.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Data files to open in the window (Excel, ODS, CSV, TSV, Eurostat, SDMX-CSV).
    pub files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Load files, run the quality checks and print the report (text or JSON).
    Check(CheckArgs),
    /// Load files and write them as one canonical long CSV.
    Convert(ConvertArgs),
    /// Write the built-in synthetic sample data set into a folder.
    Sample(SampleArgs),
    /// List the check catalogue: code, title, severity, dimension, level and explanation.
    Checks(ChecksArgs),
    /// Inventory and score a country's migration data sources: questionnaire, import, scorecard.
    Assess(assess_commands::AssessArgs),
    /// Mirror statistics: immigration reported by receivers against emigration reported by
    /// senders, per pair and per country.
    Mirror(MirrorArgs),
    /// Write every coverage and mirror chart into a folder (PNG or SVG).
    Plot(PlotArgs),
}

/// How to read the inputs, where the loader should not guess.
#[derive(Args, Debug, Clone, Default)]
pub struct InputArgs {
    /// Input files: .csv .tsv .txt .csv.gz .tsv.gz .xlsx .xlsm .xls .ods
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Layout of every input instead of detecting it.
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
    /// Text encoding (utf-8, windows-1251, koi8-r, utf-16le, windows-1252…).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter of text files (`,` `;` `tab` `|`).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Reporting country for files that do not name it (any coding: KAZ, KZ, Kazakhstan…).
    #[arg(long)]
    pub reporter: Option<String>,
    /// Table for files that do not name it (1.1 … 7.2, POP, BIRTHS, DEATHS).
    #[arg(long)]
    pub table: Option<String>,
    /// 1-based header row, instead of detecting it.
    #[arg(long)]
    pub header_row: Option<usize>,
    /// Read only this sheet (repeatable).
    #[arg(long = "sheet")]
    pub sheets: Vec<String>,
    /// The role of a column, by its header as written (repeatable): `--column
    /// category=OdName`, `--column ignore=AREA`. Roles: table, reporter, year, sex, age,
    /// category, value, flag, source, duration_months, ignore.
    #[arg(long = "column", value_name = "ROLE=HEADER")]
    pub columns: Vec<String>,
    /// Places labels the loader could not place: a CSV of `label,code` rows (the code in any
    /// coding, or `not-a-country`), as the window's list of unplaced labels keeps them.
    #[arg(long, value_name = "FILE.csv")]
    pub labels: Option<PathBuf>,
    /// Import options as JSON (the format the window saves), applied to every input.
    #[arg(long)]
    pub import_options: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutArg {
    LongCsv,
    LongSheet,
    ClearinghouseWorkbook,
    EurostatBulk,
    SdmxCsv,
    EurostatBrowser,
}

impl From<LayoutArg> for Layout {
    fn from(arg: LayoutArg) -> Layout {
        match arg {
            LayoutArg::LongCsv => Layout::LongCsv,
            LayoutArg::LongSheet => Layout::LongSheet,
            LayoutArg::ClearinghouseWorkbook => Layout::ClearinghouseWorkbook,
            LayoutArg::EurostatBulk => Layout::EurostatBulk,
            LayoutArg::SdmxCsv => Layout::SdmxCsv,
            LayoutArg::EurostatBrowser => Layout::EurostatBrowser,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Language of titles and messages.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LangArg {
    #[default]
    En,
    Ru,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
        }
    }
}

/// Findings listed per check in text output unless `--limit` says otherwise.
pub const DEFAULT_FINDINGS_PER_CHECK: usize = 20;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (JSON lists every finding, in both languages).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Tolerances and thresholds, as a TOML or JSON file (`[checks]` section).
    #[arg(long)]
    pub settings: Option<PathBuf>,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Findings listed per check in text output (the rest are counted).
    #[arg(long, default_value_t = DEFAULT_FINDINGS_PER_CHECK)]
    pub limit: usize,
    /// A data-source assessment (JSON) to report with the findings, its suggestions computed
    /// again from these data. Default: the sample assessment when the files are the sample.
    #[arg(long)]
    pub assessment: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ChecksArgs {
    /// Language of the titles and explanations.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Output format (`markdown` is the page `docs/checks.md`).
    #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
    pub format: CatalogueFormat,
}

/// Output formats of `migreview checks`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CatalogueFormat {
    #[default]
    Text,
    Json,
    Markdown,
}

#[derive(Args, Debug)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The CSV file to write.
    #[arg(long, short)]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct SampleArgs {
    /// The folder to write the sample files into (created if needed).
    #[arg(long, short)]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct MirrorArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Only this year.
    #[arg(long)]
    pub year: Option<u16>,
    /// Also write the pair table to this CSV file.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Bands, correction factors and reference group, as a TOML or JSON file.
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct PlotArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The folder to write the charts into (created if needed).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Write SVG files.
    #[arg(long)]
    pub svg: bool,
    /// Write PNG files (the default when neither --svg nor --png is given).
    #[arg(long)]
    pub png: bool,
    /// Language of titles, axes and legends.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// The year of the scatter, the matrix and the country bars (default: the scatter shows
    /// every year, the others the latest year with two-sided pairs).
    #[arg(long)]
    pub year: Option<u16>,
    /// Which points of the scatter are named: none, all, or the N largest discrepancies in
    /// persons outside the green band. (`--labels` is the placement of labels, as for every
    /// command that reads files.)
    #[arg(
        long = "point-labels",
        value_name = "none|all|N",
        default_value_t = crate::charts::PointLabels::DEFAULT
    )]
    pub point_labels: crate::charts::PointLabels,
    /// Bands, correction factors and reference group, as a TOML or JSON file.
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

/// Turns the input arguments into import options.
pub fn import_options(args: &InputArgs) -> Result<ImportOptions, String> {
    let mut options = match &args.import_options {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read the import options: {e}", path.display()))?;
            ImportOptions::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => ImportOptions::default(),
    };
    if let Some(layout) = args.layout {
        options.layout = Some(layout.into());
    }
    if let Some(encoding) = &args.encoding {
        if encoding_rs::Encoding::for_label(encoding.as_bytes()).is_none() {
            return Err(format!(
                "--encoding: expected an encoding such as utf-8, windows-1251, koi8-r; found {encoding:?}"
            ));
        }
        options.encoding = Some(encoding.clone());
    }
    if let Some(delimiter) = &args.delimiter {
        options.delimiter = Some(match delimiter.as_str() {
            "tab" | "\\t" | "\t" => '\t',
            "," | ";" | "|" => delimiter.chars().next().unwrap_or(','),
            other => {
                return Err(format!(
                    "--delimiter: expected one of , ; tab |, found {other:?}"
                ));
            }
        });
    }
    if let Some(reporter) = &args.reporter {
        let place = crate::model::gazetteer().resolve(reporter).ok_or_else(|| {
            format!("--reporter: expected a country (KAZ, KZ, Kazakhstan…), found {reporter:?}")
        })?;
        options.reporter = Some(place.code.clone());
    }
    if let Some(table) = &args.table {
        options.table = Some(TableId::parse(table).ok_or_else(|| {
            format!(
                "--table: expected 1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 7.2 POP BIRTHS DEATHS, found {table:?}"
            )
        })?);
    }
    if args.header_row.is_some() {
        options.header_row = args.header_row;
    }
    if !args.sheets.is_empty() {
        options.sheets = args.sheets.clone();
    }
    for column in &args.columns {
        let (role, header) = column_argument(column)?;
        options.columns.insert(header, role);
    }
    if let Some(path) = &args.labels {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--labels {}: cannot read the file: {e}", path.display()))?;
        let labels = crate::load::read_label_mapping(&text)
            .map_err(|e| format!("--labels {}: {e}", path.display()))?;
        options.labels.extend(labels);
    }
    Ok(options)
}

/// One `--column ROLE=HEADER` argument.
fn column_argument(text: &str) -> Result<(crate::load::ColumnRole, String), String> {
    let roles = crate::load::ColumnRole::NAMED
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ");
    let Some((role, header)) = text.split_once('=') else {
        return Err(format!(
            "--column: expected ROLE=HEADER such as category=OdName (roles: {roles}); found {text:?}"
        ));
    };
    let role = crate::load::ColumnRole::from_name(role).ok_or_else(|| {
        format!("--column: expected a role ({roles}) before '='; found {role:?} in {text:?}")
    })?;
    if header.trim().is_empty() {
        return Err(format!(
            "--column: expected the column's header after '=' (as written in the file); found \
             nothing in {text:?}"
        ));
    }
    Ok((role, header.trim().to_string()))
}

/// How long a load runs before its progress is shown on standard error: one second, or the
/// milliseconds of `MIGREVIEW_PROGRESS_AFTER_MS` (0 shows it from the start).
fn progress_after() -> Duration {
    std::env::var("MIGREVIEW_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(Duration::from_secs(1), Duration::from_millis)
}

/// Loads the inputs, printing progress on standard error when it takes longer than a second.
/// The progress is written by a thread of its own straight to the process's standard error, so
/// the caller must not hold the lock of standard error while this runs.
pub fn load_inputs(files: &[PathBuf], options: &ImportOptions) -> LoadOutcome {
    let control = LoadControl::new();
    // Progress goes to a terminal, not into a log (unless asked for with the variable).
    let wanted = std::io::stderr().is_terminal()
        || std::env::var_os("MIGREVIEW_PROGRESS_AFTER_MS").is_some();
    if !wanted {
        return load::load_files(files, |_| options.clone(), &control);
    }
    let after = progress_after();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let reporter = {
        let control = control.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut shown = false;
            loop {
                let wait = if shown {
                    Duration::from_millis(500)
                } else {
                    after
                        .saturating_sub(started.elapsed())
                        .min(Duration::from_millis(500))
                };
                // Wakes as soon as the load ends: a run ends when its work ends.
                match finished.recv_timeout(wait) {
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    _ => break,
                }
                if started.elapsed() >= after {
                    eprint!("\rloading… {:>3.0} %", control.fraction() * 100.0);
                    shown = true;
                }
            }
            if shown {
                eprintln!("\rloading… done   ");
            }
        })
    };
    let outcome = load::load_files(files, |_| options.clone(), &control);
    let _ = done.send(());
    let _ = reporter.join();
    outcome
}

/// What a failed write of the output means: a reader that closed the pipe (`| head`) ends the
/// run quietly with 0; another error is said, with exit status 2.
pub fn output_failed(error: &std::io::Error, err: &mut dyn Write) -> i32 {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return EXIT_OK;
    }
    let _ = writeln!(err, "migreview: cannot write the output: {error}");
    EXIT_INPUT
}

/// Input summaries for the report, in the order of the inputs.
pub fn input_summaries(files: &[PathBuf], outcome: &LoadOutcome) -> Vec<InputSummary> {
    files
        .iter()
        .zip(&outcome.files)
        .map(|(path, result)| match result {
            Ok(report) => InputSummary::from_report(report),
            Err(error) => InputSummary::from_error(&path.display().to_string(), error),
        })
        .collect()
}

/// Runs a parsed command line and returns the exit status.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Check(args) => run_check(&args, out, err),
        Command::Convert(args) => run_convert(&args, out, err),
        Command::Sample(args) => run_sample(&args, out, err),
        Command::Checks(args) => run_checks_list(&args, out, err),
        Command::Assess(args) => assess_commands::run(&args, out, err),
        Command::Mirror(args) => mirror_commands::run_mirror(&args, out, err),
        Command::Plot(args) => mirror_commands::run_plot(&args, out, err),
    }
}

fn run_check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let options = match import_options(&args.input) {
        Ok(o) => o,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            return EXIT_INPUT;
        }
    };
    let settings = match Settings::load(args.settings.as_deref()) {
        Ok(s) => s,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            return EXIT_INPUT;
        }
    };
    let outcome = load_inputs(&args.input.files, &options);
    let mut report = Report::build(
        input_summaries(&args.input.files, &outcome),
        &outcome.dataset,
        &settings,
    );
    let hashes: Vec<&str> = outcome
        .files
        .iter()
        .filter_map(|f| f.as_ref().ok())
        .map(|r| r.sha256.as_str())
        .collect();
    match assess_commands::assessment_for_run(
        args.assessment.as_deref(),
        &hashes,
        &outcome.dataset,
        &report,
        &settings.assess,
    ) {
        Ok(assessment) => report.assessment = assessment,
        Err(message) => {
            let _ = writeln!(err, "migreview: --assessment: {message}");
            return EXIT_INPUT;
        }
    }
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
    }
    report.error = nothing_read(&outcome, "nothing was checked");
    if let Some(reason) = &report.error {
        let _ = writeln!(err, "migreview: {reason}");
    }
    let written = match args.format {
        Format::Json => writeln!(out, "{}", report.to_json()),
        Format::Text => write_text_report(out, &outcome, &report, args.lang.into(), args.limit),
    };
    if let Err(e) = written {
        return output_failed(&e, err);
    }
    exit_status(&outcome, &report)
}

/// Why a run has nothing to work on: no observation was read from any input (every file was
/// refused, held only headers, had every row skipped or nothing recognisable). `None` when at
/// least one observation was read.
///
/// `consequence` says what the command then did not do (`nothing was checked`).
pub fn nothing_read(outcome: &LoadOutcome, consequence: &str) -> Option<String> {
    if !outcome.dataset.is_empty() || outcome.reports().any(|r| r.observations > 0) {
        return None;
    }
    let refused = outcome.errors().count();
    let empty: Vec<&LoadReport> = outcome.reports().collect();
    let mut parts = Vec::new();
    if outcome.files.is_empty() {
        parts.push("no input was given".to_string());
    }
    if refused > 0 {
        parts.push(if refused == 1 && outcome.files.len() == 1 {
            "the file was refused".to_string()
        } else {
            format!("{} refused", counted(refused, "file", "files"))
        });
    }
    if !empty.is_empty() {
        let skipped: usize = empty.iter().map(|r| r.skipped_rows).sum();
        let mut part = if empty.len() == 1 && outcome.files.len() == 1 {
            "the file was opened but held no observation".to_string()
        } else {
            format!(
                "{} opened but held no observation",
                counted(empty.len(), "file", "files")
            )
        };
        if skipped > 0 {
            part.push_str(&format!(
                ": {}",
                counted(skipped, "row skipped", "rows skipped")
            ));
        }
        parts.push(part);
    }
    Some(format!(
        "no observation was read from any input ({}), so {consequence}; expected migration data \
         (a Clearinghouse table, a long file, a Eurostat or SDMX file): see the message about \
         each file, or say how to read it with --layout, --table, --reporter, --sheet or \
         --header-row",
        parts.join("; ")
    ))
}

/// The exit status of `check` (`docs/report.md#exit-status-of-migreview-check`).
pub fn exit_status(outcome: &LoadOutcome, report: &Report) -> i32 {
    if outcome.errors().next().is_some() || report.error.is_some() {
        EXIT_INPUT
    } else if report.count(Severity::Error) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `1 row read`, `12 rows read`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        format_count(n as f64),
        if n == 1 { one } else { many }
    )
}

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

fn write_text_report(
    out: &mut dyn Write,
    outcome: &LoadOutcome,
    report: &Report,
    lang: Lang,
    limit: usize,
) -> std::io::Result<()> {
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
    write_findings(out, report, lang, limit)?;
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
    writeln!(
        out,
        "{}",
        word(
            "Data-source assessment (details: --format json, migreview assess scorecard)",
            "Оценка источников данных (подробно: --format json, migreview assess scorecard)",
            lang
        )
    )?;
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
            word("sources", "источн.", lang)
        )?;
    }
    Ok(())
}

/// Words of the text report.
fn word(en: &'static str, ru: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
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
        fit(word("Check", "Проверка", lang), TITLE),
        word("evaluated", "оценено", lang),
        word("failed", "нарушено", lang),
        word("not evaluable", "не оценено", lang),
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
    parts.extend(finding.reporter.clone());
    parts.extend(finding.year.map(|y| y.to_string()));
    parts.extend(finding.sex.map(|s| s.code().to_string()));
    parts.extend(finding.age.clone());
    parts.extend(finding.category.clone());
    parts.join(" · ")
}

/// The findings grouped by check and severity, at most `limit` per check.
pub fn write_findings(
    out: &mut dyn Write,
    report: &Report,
    lang: Lang,
    limit: usize,
) -> std::io::Result<()> {
    if report.findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", word("No findings.", "Замечаний нет.", lang))?;
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", word("Findings", "Замечания", lang))?;
    let mut by_check: BTreeMap<CheckCode, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.findings {
        by_check.entry(finding.check).or_default().push(finding);
    }
    for (code, findings) in by_check {
        writeln!(out)?;
        writeln!(out, "{code}  {}", crate::checks::entry(code).title(lang))?;
        let groups = Severity::ALL
            .into_iter()
            .map(|severity| {
                let label = match severity {
                    Severity::Error => word("error", "ошибка", lang),
                    Severity::Warning => word("warning", "предупреждение", lang),
                    Severity::Info => word("info", "информация", lang),
                };
                let members: Vec<&Finding> = findings
                    .iter()
                    .copied()
                    .filter(|f| f.outcome == Outcome::Fail && f.severity == severity)
                    .collect();
                (label, members)
            })
            .chain(std::iter::once((
                word("not evaluable", "невозможно оценить", lang),
                findings
                    .iter()
                    .copied()
                    .filter(|f| f.outcome == Outcome::NotEvaluable)
                    .collect(),
            )));
        let mut shown = 0;
        for (label, members) in groups {
            if members.is_empty() || shown >= limit {
                continue;
            }
            writeln!(out, "  {label} ({})", format_count(members.len() as f64))?;
            for finding in members.iter().take(limit - shown) {
                writeln!(out, "    {}", finding.message(lang))?;
                let key = finding_key(finding);
                match &finding.location {
                    Some(location) => writeln!(out, "      {key} — {location}")?,
                    None => writeln!(out, "      {key}")?,
                }
                shown += 1;
            }
        }
        if findings.len() > shown {
            let more = format_count((findings.len() - shown) as f64);
            match lang {
                Lang::En => writeln!(out, "  … {more} more (all of them: --format json)")?,
                Lang::Ru => writeln!(out, "  … ещё {more} (полностью: --format json)")?,
            }
        }
    }
    Ok(())
}

/// `migreview checks`: the catalogue as text, JSON or Markdown.
fn run_checks_list(args: &ChecksArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let lang: Lang = args.lang.into();
    let written = match args.format {
        CatalogueFormat::Json => serde_json::to_string_pretty(&catalogue_json(lang))
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        CatalogueFormat::Text => write_catalogue(out, lang),
        // The page is in English, whatever `--lang` says: it is the project's documentation.
        CatalogueFormat::Markdown => write!(out, "{}", checks_markdown::render()),
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(e) => output_failed(&e, err),
    }
}

/// One catalogue entry as `migreview checks --format json` lists it.
#[derive(serde::Serialize)]
struct CatalogueItem {
    code: CheckCode,
    title: &'static str,
    severity: Severity,
    dimension: crate::checks::Dimension,
    level: u8,
    what: &'static str,
    why: &'static str,
    look_at: &'static str,
}

#[derive(serde::Serialize)]
struct CatalogueJson {
    schema: &'static str,
    lang: Lang,
    checks: Vec<CatalogueItem>,
}

fn catalogue_json(lang: Lang) -> CatalogueJson {
    CatalogueJson {
        schema: "migreview.catalog/1",
        lang,
        checks: crate::checks::CATALOG
            .iter()
            .map(|entry| {
                let e = crate::checks::explain(entry.code, lang);
                CatalogueItem {
                    code: entry.code,
                    title: e.title,
                    severity: entry.severity,
                    dimension: entry.dimension,
                    level: entry.level,
                    what: e.what,
                    why: e.why,
                    look_at: e.look_at,
                }
            })
            .collect(),
    }
}

/// Greedy word wrap for the terminal.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// An ESS quality dimension in words.
fn dimension_name(dimension: crate::checks::Dimension, lang: Lang) -> &'static str {
    use crate::checks::Dimension;
    match (dimension, lang) {
        (_, Lang::En) => dimension.as_str(),
        (Dimension::Relevance, Lang::Ru) => "актуальность",
        (Dimension::Accuracy, Lang::Ru) => "точность",
        (Dimension::Timeliness, Lang::Ru) => "своевременность",
        (Dimension::Accessibility, Lang::Ru) => "доступность",
        (Dimension::Comparability, Lang::Ru) => "сопоставимость",
        (Dimension::Coherence, Lang::Ru) => "согласованность",
    }
}

fn write_catalogue(out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    const WIDTH: usize = 92;
    for entry in crate::checks::CATALOG.iter() {
        let e = crate::checks::explain(entry.code, lang);
        writeln!(out, "{:<4}{}", entry.code.as_str(), e.title)?;
        let severity = match entry.severity {
            Severity::Error => word("error", "ошибка", lang),
            Severity::Warning => word("warning", "предупреждение", lang),
            Severity::Info => word("info", "информация", lang),
        };
        writeln!(
            out,
            "    {severity} · {} · {} {}",
            dimension_name(entry.dimension, lang),
            word("level", "уровень", lang),
            entry.level
        )?;
        for (label, body) in [
            (word("What", "Что", lang), e.what),
            (word("Why", "Зачем", lang), e.why),
            (word("Look at", "Что смотреть", lang), e.look_at),
        ] {
            let text = format!("{label}: {body}");
            for line in wrap(&text, WIDTH) {
                writeln!(out, "    {line}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn run_convert(args: &ConvertArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let options = match import_options(&args.input) {
        Ok(o) => o,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            return EXIT_INPUT;
        }
    };
    let outcome = load_inputs(&args.input.files, &options);
    let mut status = EXIT_OK;
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
        status = EXIT_INPUT;
    }
    // An empty CSV would replace whatever --out held with nothing the user asked for.
    if !outcome.files.iter().any(Result::is_ok) {
        let _ = writeln!(
            err,
            "migreview: no input could be read; {} was not written",
            args.out.display()
        );
        return EXIT_INPUT;
    }
    let not_written = format!("{} was not written", args.out.display());
    if let Some(reason) = nothing_read(&outcome, &not_written) {
        let _ = writeln!(err, "migreview: {reason}");
        return EXIT_INPUT;
    }
    if let Err(e) = write_canonical(&args.out, &outcome.dataset) {
        let _ = writeln!(err, "migreview: {}: cannot write: {e}", args.out.display());
        return EXIT_INPUT;
    }
    let _ = writeln!(
        out,
        "wrote {} observations to {}",
        format_count(outcome.dataset.len() as f64),
        args.out.display()
    );
    status
}

/// Writes the canonical long CSV atomically.
pub fn write_canonical(path: &Path, dataset: &Dataset) -> std::io::Result<()> {
    crate::save::write_atomically_with(path, |writer| {
        crate::report::canonical::write_csv(dataset, writer).map_err(std::io::Error::other)
    })
}

fn run_sample(args: &SampleArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match crate::sample::write_to(&args.out) {
        Ok(written) => {
            for path in written {
                let _ = writeln!(out, "wrote {}", path.display());
            }
            let _ = writeln!(out, "{}", crate::sample::SYNTHETIC_NOTICE);
            let _ = writeln!(
                out,
                "The main folder has a planted problem for every check (planted_issues.csv); \
                 clean/ has the same data without them."
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "migreview: {}: {e}", args.out.display());
            EXIT_INPUT
        }
    }
}

/// Whether an error is about an input rather than about the command line.
pub fn is_input_error(error: &LoadError) -> bool {
    !matches!(error, LoadError::Cancelled { .. })
}
