//! The command line: headless runs for scripted pipelines.

use crate::load::{self, ImportOptions, Layout, LoadControl, LoadError, LoadOutcome, LoadReport};
use crate::model::{Dataset, TableId, format_count};
use crate::report::{InputSummary, Report};
use crate::settings::Settings;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Exit status: every input was read and no finding is an error.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one finding has severity `error`.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: an input could not be read, or the command line was wrong.
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
    /// Inventory and score a country's migration data sources: questionnaire, import, scorecard.
    Assess(crate::assess::cli::AssessArgs),
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

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Tolerances and thresholds, as a TOML or JSON file.
    #[arg(long)]
    pub settings: Option<PathBuf>,
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

/// Turns the input arguments into import options.
pub fn import_options(args: &InputArgs) -> Result<ImportOptions, String> {
    let mut options = match &args.import_options {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read the import options: {e}", path.display()))?;
            serde_json::from_str(&text)
                .map_err(|e| format!("{}: expected import options in JSON: {e}", path.display()))?
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
    Ok(options)
}

/// Loads the inputs, printing progress on standard error when it takes longer than a second.
pub fn load_inputs(files: &[PathBuf], options: &ImportOptions) -> LoadOutcome {
    let control = LoadControl::new();
    let finished = Arc::new(AtomicBool::new(false));
    let reporter = {
        let control = control.clone();
        let finished = finished.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut shown = false;
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if started.elapsed() >= Duration::from_secs(1) && !finished.load(Ordering::Relaxed)
                {
                    eprint!("\rloading… {:>3.0} %", control.fraction() * 100.0);
                    shown = true;
                    std::thread::sleep(Duration::from_millis(400));
                }
            }
            if shown {
                eprintln!("\rloading… done   ");
            }
        })
    };
    let outcome = load::load_files(files, |_| options.clone(), &control);
    finished.store(true, Ordering::Relaxed);
    let _ = reporter.join();
    outcome
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
        Command::Assess(args) => crate::assess::cli::run(&args, out, err),
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
    let settings = match &args.settings {
        Some(path) => match Settings::from_file(path) {
            Ok(s) => s,
            Err(message) => {
                let _ = writeln!(err, "migreview: {message}");
                return EXIT_INPUT;
            }
        },
        None => Settings::default(),
    };
    let outcome = load_inputs(&args.input.files, &options);
    let report = Report::build(
        input_summaries(&args.input.files, &outcome),
        &outcome.dataset,
        &settings,
    );
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
    }
    let written = match args.format {
        Format::Json => writeln!(out, "{}", report.to_json()),
        Format::Text => write_text_report(out, &outcome, &report),
    };
    if let Err(e) = written {
        let _ = writeln!(err, "migreview: cannot write the output: {e}");
        return EXIT_INPUT;
    }
    exit_status(&outcome, &report)
}

/// The exit status of `check` (report.md).
pub fn exit_status(outcome: &LoadOutcome, report: &Report) -> i32 {
    if outcome.errors().next().is_some() {
        EXIT_INPUT
    } else if report.count(crate::checks::Severity::Error) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
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
    writeln!(out, "{}  ({})", report.path.display(), how.join(", "))?;
    for sheet in &report.sheets {
        let mut parts = Vec::new();
        if let Some(table) = sheet.table {
            parts.push(format!("table {table}"));
        }
        if let Some(reporter) = &sheet.reporter {
            parts.push(format!("reporter {reporter}"));
        }
        if let Some(row) = sheet.header_row {
            parts.push(format!("header row {row}"));
        }
        parts.push(format!(
            "{} rows read",
            format_count(sheet.rows_read as f64)
        ));
        if sheet.rows_skipped > 0 {
            parts.push(format!(
                "{} skipped",
                format_count(sheet.rows_skipped as f64)
            ));
        }
        if sheet.hidden {
            parts.push("hidden sheet".into());
        }
        writeln!(out, "  {}: {}", sheet.name, parts.join(", "))?;
        if let Some(note) = &sheet.note {
            writeln!(out, "    {note}")?;
        }
    }
    for message in &report.messages {
        writeln!(out, "  {message}")?;
    }
    writeln!(
        out,
        "  {} observations, {} rows skipped, {} ms",
        format_count(report.observations as f64),
        format_count(report.skipped_rows as f64),
        report.elapsed_ms
    )?;
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
                label.role, label.label, label.count, label.first_location
            )?;
        }
    }
    Ok(())
}

fn write_text_report(
    out: &mut dyn Write,
    outcome: &LoadOutcome,
    report: &Report,
) -> std::io::Result<()> {
    for result in &outcome.files {
        match result {
            Ok(load_report) => write_load_report(out, load_report)?,
            Err(error) => writeln!(out, "{error}")?,
        }
    }
    write_dataset_summary(out, &outcome.dataset)?;
    if report.dataset.observations > 0 && report.checks.is_empty() {
        writeln!(out)?;
        writeln!(out, "No checks ran.")?;
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
