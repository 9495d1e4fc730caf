//! The command line: headless runs for scripted pipelines.

use crate::load::{self, ImportOptions, Layout, LoadControl, LoadError, LoadOutcome, LoadReport};
use crate::model::{Dataset, Lang, TableId, format_count};
use crate::report::{InputSummary, Report, ReviewSummary};
use crate::review::{self, Review, TriageStatus, Triaged};
use crate::settings::Settings;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod assess_commands;
mod catalogue;
mod check_output;
pub mod checks_markdown;
mod mirror_commands;
mod report_command;
mod review_command;
mod workshop_command;

pub use check_output::{write_check_table, write_findings, write_load_report};

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
    /// Open the window in workshop mode: the Workshop panel, on the first lesson's data.
    #[arg(long)]
    pub workshop: bool,
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
    /// Write the country review report (HTML that prints to PDF, or JSON) with the triage,
    /// the assessment and the reviewer's texts of the review beside the data.
    Report(Box<report_command::ReportArgs>),
    /// Work on a review file: take the answers of a statistical office (review import).
    Review(review_command::ReviewArgs),
    /// Workshop lessons: list them, or write a lesson's handouts (learner's workbooks, answer
    /// key, exercise sheet).
    Workshop(workshop_command::WorkshopArgs),
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

/// What `check` writes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CheckFormat {
    #[default]
    Text,
    /// The review report (schema migreview.report/1).
    Json,
    /// The findings as an ESS validation report (ESSnet ValiDat 1.0.1).
    Ess,
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
    /// Output format: text; json (the review report, every finding in both languages); ess (the
    /// findings as an ESS validation report, ESSnet ValiDat 1.0.1).
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Tolerances and thresholds, as a TOML or JSON file (`[checks]` section).
    #[arg(long)]
    pub settings: Option<PathBuf>,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Findings listed per check in text output (the rest are counted).
    #[arg(long, default_value_t = DEFAULT_FINDINGS_PER_CHECK)]
    pub limit: usize,
    /// A data-source assessment (JSON, or a review file the window saved) to report with the
    /// findings, its suggestions computed again from these data. Default: the sample
    /// assessment when the files are the sample.
    #[arg(long)]
    pub assessment: Option<PathBuf>,
    /// The review file whose decisions (status, comment) to give with each finding. Default:
    /// the one the window keeps beside the first data file (`<stem>.review.json`), when it
    /// exists.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
    /// List only the findings of these statuses (repeat, or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub status: Vec<StatusArg>,
}

/// A reviewer's decision about a finding, as `--status` names it.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusArg {
    Open,
    Confirmed,
    Explained,
    #[value(name = "false_alarm", alias = "false-alarm")]
    FalseAlarm,
}

impl From<StatusArg> for TriageStatus {
    fn from(arg: StatusArg) -> TriageStatus {
        match arg {
            StatusArg::Open => TriageStatus::Open,
            StatusArg::Confirmed => TriageStatus::Confirmed,
            StatusArg::Explained => TriageStatus::Explained,
            StatusArg::FalseAlarm => TriageStatus::FalseAlarm,
        }
    }
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

/// What a command that reports on the data has read: the import options, the settings, the
/// data and the report of the checks.
pub(crate) struct Checked {
    pub options: ImportOptions,
    pub settings: Settings,
    pub outcome: LoadOutcome,
    pub report: Report,
}

/// Reads the inputs and runs the checks, telling each file that was refused on `err`; an
/// error when nothing was read (`consequence` says what was then not done).
pub(crate) fn load_and_check(
    input: &InputArgs,
    settings: Option<&Path>,
    err: &mut dyn Write,
    consequence: &str,
) -> Result<Checked, String> {
    let options = import_options(input)?;
    let settings = Settings::load(settings).map_err(|e| e.to_string())?;
    let outcome = load_inputs(&input.files, &options);
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
    }
    if let Some(reason) = nothing_read(&outcome, consequence) {
        return Err(reason);
    }
    let report = Report::build(
        input_summaries(&input.files, &outcome),
        &outcome.dataset,
        &settings,
    );
    Ok(Checked {
        options,
        settings,
        outcome,
        report,
    })
}

/// Runs a parsed command line and returns the exit status.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Check(args) => run_check(&args, out, err),
        Command::Convert(args) => run_convert(&args, out, err),
        Command::Sample(args) => run_sample(&args, out, err),
        Command::Checks(args) => catalogue::run_checks_list(&args, out, err),
        Command::Assess(args) => assess_commands::run(&args, out, err),
        Command::Mirror(args) => mirror_commands::run_mirror(&args, out, err),
        Command::Plot(args) => mirror_commands::run_plot(&args, out, err),
        Command::Report(args) => report_command::run_report(&args, out, err),
        Command::Review(args) => review_command::run(&args, out, err),
        Command::Workshop(args) => workshop_command::run(&args, out, err),
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
        args.lang.into(),
    ) {
        Ok(assessment) => report.set_assessment(assessment),
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
    let review = match read_review(args.review.as_deref(), &args.input.files, &outcome, err) {
        Ok(review) => review,
        Err(()) => return EXIT_INPUT,
    };
    let statuses: Vec<TriageStatus> = args.status.iter().map(|&s| s.into()).collect();
    let triaged = Triaged::new(review.as_ref().map(|(r, _)| r), &statuses);
    let summary = review.as_ref().map(|(_, path)| {
        ReviewSummary::new(path.display().to_string(), &triaged, &report.findings)
    });
    let written = match args.format {
        CheckFormat::Json => report.write_json_triaged(out, &triaged, summary.as_ref()),
        CheckFormat::Ess => report.write_ess(out, &crate::review::now_rfc3339()),
        CheckFormat::Text => check_output::write_text_report(
            out,
            &outcome,
            &report,
            &check_output::Listing {
                lang: args.lang.into(),
                limit: args.limit,
                triaged: &triaged,
                review: summary.as_ref(),
            },
        ),
    };
    if let Err(e) = written {
        return output_failed(&e, err);
    }
    // The summary has counted the errors still open already.
    let open_errors = summary
        .as_ref()
        .map_or_else(|| triaged.open_errors(&report.findings), |s| s.open_errors);
    exit_status(&outcome, &report, open_errors)
}

/// The review `check` and `report` read: `--review FILE` (which must be readable), else the one beside the
/// first data file when there is one. Says on `err` when the review is of other data, or when
/// the one beside the data cannot be read (the findings are then listed without decisions).
pub(crate) fn read_review(
    review: Option<&Path>,
    files: &[PathBuf],
    outcome: &LoadOutcome,
    err: &mut dyn Write,
) -> Result<Option<(Review, PathBuf)>, ()> {
    let (path, named) = match (review, files.first()) {
        (Some(path), _) => (path.to_path_buf(), true),
        (None, Some(first)) => (review::review_path(first), false),
        (None, None) => return Ok(None),
    };
    let review = match Review::read(&path) {
        Ok(Some(review)) => review,
        Ok(None) if named => {
            let _ = writeln!(
                err,
                "migreview: --review: {}: no such file; expected a review file the window \
                 saved (<first data file>.review.json); leave --review out to use the one \
                 beside the data",
                path.display()
            );
            return Err(());
        }
        Ok(None) => return Ok(None),
        Err(error) if named => {
            let _ = writeln!(err, "migreview: --review: {error}");
            return Err(());
        }
        Err(error) => {
            let _ = writeln!(
                err,
                "migreview: {error}; the findings are listed without decisions (name another \
                 review with --review)"
            );
            return Ok(None);
        }
    };
    if let review::ReviewMatch::DataChanged { previous } = review.compare(&reviewed_files(outcome))
    {
        let _ = writeln!(
            err,
            "migreview: {}: the review was made on other data ({}); its decisions are given \
             where the findings are the same",
            path.display(),
            previous.join(", ")
        );
    }
    Ok(Some((review, path)))
}

/// The files a load read, as a review names them (their import options are the review's own).
pub(crate) fn reviewed_files(outcome: &LoadOutcome) -> Vec<review::ReviewedFile> {
    outcome
        .reports()
        .map(|r| review::ReviewedFile {
            name: crate::load::display_name(&r.path),
            sha256: r.sha256.clone(),
            options: Default::default(),
        })
        .collect()
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

/// The exit status of `check` (`docs/report.md#exit-status-of-migreview-check`);
/// `open_errors` counts the findings of severity error still open (with a review, those not
/// decided; without one, every error).
pub fn exit_status(outcome: &LoadOutcome, report: &Report, open_errors: usize) -> i32 {
    if outcome.errors().next().is_some() || report.error.is_some() {
        EXIT_INPUT
    } else if open_errors > 0 {
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
