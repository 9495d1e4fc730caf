//! `migreview report`: the country review report of a run, as HTML or as its JSON twin, with
//! the triage, the country under review, the reviewer's texts and the assessment of the review
//! file beside the data (or `--review FILE`).

use super::{EXIT_INPUT, EXIT_OK, InputArgs, LangArg};
use crate::assess::model::country_code;
use crate::report::Report;
use crate::review_report::document::ChartSources;
use crate::review_report::{ReportFormat, ReportInputs, ReviewReport, bundle};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The file to write: .docx (Word, LibreOffice), .html (one stand-alone page, charts
    /// inline, prints to PDF), .xlsx (the findings workbook, for a statistical office to
    /// answer; read back with `migreview review import`) or .json (the same content for
    /// scripts).
    #[arg(long, short, required_unless_present = "bundle")]
    pub out: Option<PathBuf>,
    /// Also write a review bundle (.zip): the report (as --out, else DOCX), the review, the
    /// settings, the import options and the input files' SHA-256, so that a second reviewer
    /// can reproduce the review with `migreview review open`.
    #[arg(long, value_name = "FILE.zip")]
    pub bundle: Option<PathBuf>,
    /// The country reviewed (KAZ, Kazakhstan…); default: the country under review kept in the
    /// review, else every country of the data.
    #[arg(long)]
    pub country: Option<String>,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// The review to report (triage, assessment, the reviewer's texts); default: the one beside
    /// the first data file, when there is one.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
    /// Settings (JSON) of the checks and the mirror statistics.
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

fn format_of(path: &Path) -> Result<ReportFormat, String> {
    ReportFormat::of_path(path).ok_or_else(|| {
        let found = path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_else(|| "no extension".to_string());
        format!(
            "--out {}: expected a file ending in .docx, .html, .xlsx or .json, found {found}; \
             name the report review_KAZ.docx (Word), review_KAZ.html (a page that prints to \
             PDF), findings_KAZ.xlsx (for the office to answer) or review_KAZ.json",
            path.display()
        )
    })
}

pub fn run_report(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match report(args, out, err) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            EXIT_INPUT
        }
    }
}

fn report(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    let format = match &args.out {
        Some(out) => format_of(out)?,
        None => ReportFormat::Docx,
    };
    let named_country = match &args.country {
        Some(label) => Some(country_code(label).map_err(|e| format!("--country: {e}"))?),
        None => None,
    };
    let super::Checked {
        options,
        settings,
        outcome,
        mut report,
    } = super::load_and_check(
        &args.input,
        args.settings.as_deref(),
        err,
        "no report was written",
    )?;
    let review = super::read_review(args.review.as_deref(), &args.input.files, &outcome, err)
        .map_err(|()| "the review could not be read".to_string())?;
    let hashes: Vec<&str> = outcome.reports().map(|r| r.sha256.as_str()).collect();
    // The assessment the review keeps (the window's Sources panel), else the sample's own.
    let from = review
        .as_ref()
        .filter(|(r, _)| r.assessment.is_some())
        .map(|(_, path)| path.as_path());
    let assessment = super::assess_commands::assessment_for_run(
        from,
        &hashes,
        &outcome.dataset,
        &report,
        &settings.assess,
        args.lang.into(),
    )?;
    report.set_assessment(assessment);
    let country = named_country.or_else(|| review.as_ref().and_then(|(r, _)| r.country.clone()));
    if let Some(code) = &country
        && outcome.dataset.sym(code).is_none()
        && !report.findings.iter().any(|f| f.concerns(code))
    {
        return Err(format!(
            "--country {code}: the data hold nothing of this country; name a reporting \
             country of the data, or leave --country out for every country"
        ));
    }
    let coverage = crate::coverage::table_coverage(&outcome.dataset);
    let synthetic = crate::sample::holds_sample(&outcome);
    let lang = args.lang.into();
    let built = ReviewReport::build(&ReportInputs {
        report: &report,
        coverage: &coverage,
        review: review.as_ref().map(|(r, _)| r),
        assessment: report.assessment.as_ref(),
        assess_settings: &settings.assess,
        country: country.as_deref(),
        lang,
        synthetic,
        date: crate::review_report::today(),
    });
    let charts = ChartSources {
        mirror: &report.mirror,
        mirror_settings: &settings.mirror,
        coverage: &coverage,
        grade_bands: settings.assess.grade_bands,
        source: chart_source(&report, synthetic, lang),
    };
    let bytes = format.write(&built, &charts)?;
    let written = |path: &Path, bytes: &[u8]| {
        crate::save::write_atomically(path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    if let Some(path) = &args.out {
        written(path, &bytes)?;
    }
    if let Some(path) = &args.bundle {
        let files = super::reviewed_files(&outcome);
        let manifest = bundle::Manifest::new(
            country.clone(),
            files.iter().map(bundle::ManifestFile::from).collect(),
            format,
        );
        let review = review
            .as_ref()
            .map(|(r, _)| r.clone())
            .unwrap_or_else(|| crate::review::Review::new(files));
        let zip = bundle::write(&bundle::BundleParts {
            manifest,
            report: &bytes,
            review: &review,
            settings: &settings,
            import_options: &options,
        })?;
        written(path, &zip)?;
    }
    let shown = args.out.as_ref().or(args.bundle.as_ref());
    let _ = writeln!(
        out,
        "{}: {} findings in the annex, {} false alarms apart",
        shown.map(|p| p.display().to_string()).unwrap_or_default(),
        built.annex.len(),
        built.false_alarms.len()
    );
    Ok(EXIT_OK)
}

/// The source line of the report's charts.
fn chart_source(report: &Report, synthetic: bool, lang: crate::model::Lang) -> String {
    let names = report
        .inputs
        .iter()
        .map(|i| crate::load::display_name(Path::new(&i.path)));
    crate::sample::files_source(names, synthetic, lang)
}
