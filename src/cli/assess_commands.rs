//! `migreview assess …`: the questionnaire, its import and the scorecard, headless.

use super::{EXIT_INPUT, EXIT_OK, Format, InputArgs, LangArg};
use crate::assess::evidence::ReportEvidence;
use crate::assess::model::{AssessError, Assessment, ScoreBasis, country_code};
use crate::assess::questionnaire::{
    QuestionnaireOptions, import_questionnaire, save_questionnaire,
};
use crate::assess::scorecard::{CountryScorecard, render, scorecard};
use crate::assess::settings::AssessSettings;
use crate::model::{Dataset, Lang, gazetteer};
use crate::report::Report;
use crate::settings::Settings;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AssessArgs {
    #[command(subcommand)]
    pub command: AssessCommand,
}

#[derive(Subcommand, Debug)]
pub enum AssessCommand {
    /// Write the questionnaire (.xlsx) on a country's data sources, for a statistical office to fill in.
    Questionnaire(QuestionnaireArgs),
    /// Read a filled-in questionnaire back into an assessment (JSON).
    Import(ImportArgs),
    /// Print the scorecard of the data sources and the potential for development, or draw a
    /// country's scorecard as a chart (--chart).
    Scorecard(ScorecardArgs),
    /// Load data files, run the checks and suggest a score for every criterion of every source
    /// of the inventory, from the data, the findings and the mirror ratios.
    Suggest(Box<SuggestArgs>),
    /// Write a country's institutions working on migration as CSV, or replace them with those
    /// of a CSV (--import), in an assessment file or a review file.
    Institutions(InstitutionsArgs),
}

#[derive(Args, Debug)]
pub struct InstitutionsArgs {
    /// The assessment (JSON) or the review file the window saved.
    #[arg(long)]
    pub from: PathBuf,
    /// The country (KAZ, Kazakhstan…).
    #[arg(long)]
    pub country: String,
    /// Replace the country's institutions with those of this CSV (columns id, name_en,
    /// name_ru, category, location, website, contact, summary) and save --from.
    #[arg(long, value_name = "FILE.csv")]
    pub import: Option<PathBuf>,
    /// Write the CSV here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct QuestionnaireArgs {
    /// The .xlsx file to write.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Prefill the inventory of this country (KAZ, Kazakhstan…): from --from, else from the
    /// built-in sample assessment. Without it: every country of --from, or a blank template.
    #[arg(long)]
    pub country: Option<String>,
    /// Language of the headers and pick lists (the instructions have both).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// An assessment (JSON), or a review file the window saved, to prefill the questionnaire
    /// with.
    #[arg(long)]
    pub from: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The filled-in questionnaire (.xlsx).
    pub file: PathBuf,
    /// Write the assessment as JSON to this file.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ScorecardArgs {
    /// An assessment (JSON), or a review file the window saved (its assessment); default: the
    /// built-in sample assessment.
    #[arg(long)]
    pub from: Option<PathBuf>,
    /// Only this country (KAZ, Kazakhstan…).
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Weights and bands, as a TOML or JSON settings file (its `assess` part).
    #[arg(long)]
    pub settings: Option<PathBuf>,
    /// Draw the scorecard of --country as a chart into this file instead of printing it:
    /// each source's mean score per ESS dimension, 1600 × 1000, in the language of --lang.
    /// The extension chooses the format: .png or .svg.
    #[arg(long, value_name = "FILE.png|FILE.svg", requires = "country")]
    pub chart: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Only this country (KAZ, Kazakhstan…).
    #[arg(long)]
    pub country: Option<String>,
    /// The inventory to score (an assessment in JSON, or a review file the window saved); its
    /// final scores and reasons are kept.
    /// Default: the sample assessment when the files are the sample data.
    #[arg(long)]
    pub from: Option<PathBuf>,
    /// Write the assessment with the suggestions as JSON to this file (instead of printing it).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Output format: the suggestions as text, or the whole assessment as JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Weights, bands and the review date, as a TOML or JSON settings file (its `assess` part).
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

/// Runs an `assess` command and returns the exit status.
pub fn run(args: &AssessArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match &args.command {
        AssessCommand::Questionnaire(args) => run_questionnaire(args, out),
        AssessCommand::Import(args) => run_import(args, out),
        AssessCommand::Scorecard(args) => run_scorecard(args, out),
        AssessCommand::Suggest(args) => run_suggest(args, out, err),
        AssessCommand::Institutions(args) => run_institutions(args, out),
    };
    match result {
        Ok(()) => EXIT_OK,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            EXIT_INPUT
        }
    }
}

/// The assessment of `from`, else the sample's, its texts in `lang`.
fn load(from: &Option<PathBuf>, lang: Lang) -> Result<Assessment, String> {
    match from {
        Some(path) => crate::review::load_assessment(path),
        None => crate::sample::sample_assessment_in(lang)
            .map_err(|e| format!("the built-in sample assessment cannot be read: {e}")),
    }
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), String> {
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the output: {e}"))
}

fn run_questionnaire(args: &QuestionnaireArgs, out: &mut dyn Write) -> Result<(), String> {
    let country = match &args.country {
        Some(label) => Some(country_code(label).map_err(|e| format!("--country: {e}"))?),
        None => None,
    };
    let assessment = match (&args.from, &country) {
        (None, None) => Assessment::new(),
        (from, _) => load(from, args.lang.into())?,
    };
    let options = QuestionnaireOptions {
        countries: country.iter().cloned().collect(),
        lang: args.lang.into(),
    };
    save_questionnaire(&args.out, &assessment, &options).map_err(|e| e.to_string())?;
    let mut text = format!("wrote {}", args.out.display());
    let shown: Vec<_> = match &country {
        Some(code) => assessment.country(code).into_iter().collect(),
        None => assessment.countries.iter().collect(),
    };
    if shown.is_empty() {
        match &country {
            Some(code) => text.push_str(&format!(
                ": a questionnaire for {code} to fill in ({code} is not in the assessment)"
            )),
            None => text.push_str(": a blank questionnaire"),
        }
    } else {
        let parts: Vec<String> = shown
            .iter()
            .map(|c| format!("{} ({} sources)", c.country, c.sources.len()))
            .collect();
        text.push_str(&format!(": prefilled with {}", parts.join(", ")));
        if shown.iter().any(|c| c.synthetic) {
            text.push_str("; SYNTHETIC DEMONSTRATION DATA");
        }
    }
    text.push('\n');
    write_out(out, &text)
}

fn run_import(args: &ImportArgs, out: &mut dyn Write) -> Result<(), String> {
    let imported = import_questionnaire(&args.file).map_err(|e| e.to_string())?;
    let assessment = &imported.assessment;
    let mut text = format!(
        "read {}: {} {}\n",
        args.file.display(),
        assessment.countries.len(),
        if assessment.countries.len() == 1 {
            "country"
        } else {
            "countries"
        }
    );
    for country in &assessment.countries {
        let scores: usize = country.sources.iter().map(|s| s.scores.len()).sum();
        let scored: usize = country
            .sources
            .iter()
            .flat_map(|s| &s.scores)
            .filter(|s| s.final_score.is_some())
            .count();
        let overridden: usize = country
            .sources
            .iter()
            .flat_map(|s| &s.scores)
            .filter(|s| s.overridden)
            .count();
        text.push_str(&format!(
            "  {} {}: {} sources, {scored} of {scores} criteria scored, {overridden} overriding the suggestion{}\n",
            country.country,
            gazetteer().name(&country.country, Lang::En),
            country.sources.len(),
            if country.synthetic {
                " (synthetic data)"
            } else {
                ""
            }
        ));
        for source in &country.sources {
            text.push_str(&format!("    {}  {}\n", source.id, source.name));
        }
    }
    for note in &imported.notes {
        text.push_str(&format!("  note: {note}\n"));
    }
    if let Some(path) = &args.out {
        assessment.save(path).map_err(|e| e.to_string())?;
        text.push_str(&format!("wrote {}\n", path.display()));
    }
    write_out(out, &text)
}

/// The chart file of `--chart`: PNG or SVG by its extension, or why neither.
fn chart_target(path: &std::path::Path) -> Result<crate::charts::Target<'_>, String> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("png") => Ok(crate::charts::Target::Png(path)),
        Some("svg") => Ok(crate::charts::Target::Svg(path)),
        _ => Err(format!(
            "--chart: expected a file name ending in .png or .svg, found {}",
            path.display()
        )),
    }
}

/// Draws the scorecard of a country into `path`; the source line names the assessment file, or
/// says that the sample is synthetic.
fn draw_scorecard(
    card: &CountryScorecard,
    settings: &AssessSettings,
    args: &ScorecardArgs,
    (path, target): (&std::path::Path, crate::charts::Target<'_>),
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::charts::{Chart, ChartOptions, ScorecardData};
    let data = ScorecardData::build(card, settings.grade_bands);
    let options = ChartOptions {
        lang: args.lang.into(),
        source: args
            .from
            .as_deref()
            .map(crate::load::display_name)
            .unwrap_or_default(),
        ..ChartOptions::default()
    };
    crate::charts::render(Chart::Scorecard(&data), &options, target).map_err(|e| e.to_string())?;
    write_out(out, &format!("wrote {}\n", path.display()))
}

fn run_scorecard(args: &ScorecardArgs, out: &mut dyn Write) -> Result<(), String> {
    // A wrong file name is said before any work.
    let chart = match &args.chart {
        Some(path) => Some((path.as_path(), chart_target(path)?)),
        None => None,
    };
    let settings: AssessSettings = Settings::load(args.settings.as_deref())
        .map_err(|e| e.to_string())?
        .assess;
    let assessment = load(&args.from, args.lang.into())?;
    let countries: Vec<_> = match &args.country {
        Some(label) => {
            let code = country_code(label).map_err(|e| format!("--country: {e}"))?;
            vec![
                assessment
                    .country(&code)
                    .ok_or_else(|| AssessError::NoSuchCountry(code.clone()).to_string())?,
            ]
        }
        None => assessment.countries.iter().collect(),
    };
    let cards: Vec<CountryScorecard> = countries.iter().map(|c| scorecard(c, &settings)).collect();
    if let (Some(chart), [card]) = (chart, cards.as_slice()) {
        return draw_scorecard(card, &settings, args, chart, out);
    }
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&cards)
            .map(|json| json + "\n")
            .map_err(|e| format!("cannot write the scorecard: {e}"))?,
        Format::Text => cards
            .iter()
            .map(|card| render(card, args.lang.into()))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    write_out(out, &text)
}

/// The assessment a run on these data reports: the one read from `from`, else the sample
/// assessment when the inputs are the sample data (by content hash), else none. Its suggestions
/// are computed again from the data, the findings and the mirror ratios of the report; final
/// scores and reasons are kept.
pub fn assessment_for_run(
    from: Option<&std::path::Path>,
    input_hashes: &[&str],
    dataset: &Dataset,
    report: &Report,
    settings: &AssessSettings,
    lang: Lang,
) -> Result<Option<Assessment>, String> {
    let mut assessment = match from {
        Some(path) => crate::review::load_assessment(path)?,
        None if crate::sample::assessment::is_sample_data(input_hashes.iter().copied()) => {
            crate::sample::sample_assessment_in(lang)
                .map_err(|e| format!("the built-in sample assessment cannot be read: {e}"))?
        }
        None => return Ok(None),
    };
    let owned = ReportEvidence::from_report(report);
    assessment.refresh_suggestions(&owned.evidence(dataset, &report.findings), settings);
    Ok(Some(assessment))
}

fn run_suggest(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let options = super::import_options(&args.input)?;
    let settings = Settings::load(args.settings.as_deref()).map_err(|e| e.to_string())?;
    let country = match &args.country {
        Some(label) => Some(country_code(label).map_err(|e| format!("--country: {e}"))?),
        None => None,
    };
    let outcome = super::load_inputs(&args.input.files, &options);
    let errors: Vec<String> = outcome.errors().map(|e| e.to_string()).collect();
    if !errors.is_empty() {
        return Err(errors.join("\nmigreview: "));
    }
    let report = Report::build(
        super::input_summaries(&args.input.files, &outcome),
        &outcome.dataset,
        &settings,
    );
    let hashes: Vec<&str> = outcome
        .files
        .iter()
        .filter_map(|f| f.as_ref().ok())
        .map(|r| r.sha256.as_str())
        .collect();
    let mut assessment = assessment_for_run(
        args.from.as_deref(),
        &hashes,
        &outcome.dataset,
        &report,
        &settings.assess,
        args.lang.into(),
    )?
    .ok_or_else(|| {
        "expected --from with an assessment (JSON) listing the data sources to score; \
         only the sample data have a built-in inventory"
            .to_string()
    })?;
    let reporters = crate::assess::suggest::reporters(&outcome.dataset);
    if let Some(code) = &country {
        if !reporters.contains(code.as_str()) {
            return Err(format!(
                "--country: the data have no observation reported by {code} (reporters: {})",
                reporters.iter().copied().collect::<Vec<_>>().join(" ")
            ));
        }
        let kept = assessment
            .country(code)
            .cloned()
            .ok_or_else(|| AssessError::NoSuchCountry(code.clone()).to_string())?;
        assessment.countries = vec![kept];
    }
    let unscored: Vec<&str> = assessment
        .countries
        .iter()
        .map(|c| c.country.as_str())
        .filter(|c| !reporters.contains(c))
        .collect();
    if !unscored.is_empty() {
        let _ = writeln!(
            err,
            "migreview: note: the data have no observation reported by {}; their suggestions are kept as they were",
            unscored.join(" ")
        );
    }
    let lang: Lang = args.lang.into();
    if let Some(path) = &args.out {
        assessment.save(path).map_err(|e| e.to_string())?;
        let sources: usize = assessment.countries.iter().map(|c| c.sources.len()).sum();
        return write_out(
            out,
            &format!(
                "wrote {}: {} {}, {sources} sources\n",
                path.display(),
                assessment.countries.len(),
                if assessment.countries.len() == 1 {
                    "country"
                } else {
                    "countries"
                }
            ),
        );
    }
    let text = match args.format {
        Format::Json => assessment.to_json() + "\n",
        Format::Text => render_suggestions(&assessment, lang),
    };
    write_out(out, &text)
}

/// The suggestions of every source as text: criterion, suggested and final score, and why.
pub fn render_suggestions(assessment: &Assessment, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut text = String::new();
    let (suggested_word, final_word, overridden_word) = (
        crate::t!(lang, "cli-suggested"),
        crate::t!(lang, "cli-final"),
        crate::t!(lang, "cli-overridden"),
    );
    for country in &assessment.countries {
        let _ = write!(
            text,
            "{} ({})",
            gazetteer().name(&country.country, lang),
            country.country
        );
        if country.synthetic {
            text.push_str(crate::assess::sample_notice(lang));
        }
        text.push('\n');
        for source in &country.sources {
            let _ = writeln!(text, "\n{}  {}", source.id, source.name);
            for score in &source.scores {
                let suggested = score
                    .suggested
                    .as_ref()
                    .map_or("–".to_string(), |s| s.score.to_string());
                let chosen = match score.effective() {
                    Some((value, ScoreBasis::Final)) => value.to_string(),
                    _ => "–".to_string(),
                };
                let _ = write!(
                    text,
                    "  {}: {suggested_word} {suggested}, {final_word} {chosen}",
                    score.criterion.title(lang)
                );
                if score.overridden {
                    let _ = write!(text, " ({overridden_word}: {})", score.reason);
                }
                text.push('\n');
                if let Some(suggestion) = &score.suggested {
                    let _ = writeln!(text, "    {}", suggestion.evidence(lang));
                }
            }
        }
        text.push('\n');
    }
    text
}

fn run_institutions(args: &InstitutionsArgs, out: &mut dyn Write) -> Result<(), String> {
    use crate::assess::institutions::{read_csv, write_csv};
    let code = country_code(&args.country).map_err(|e| format!("--country: {e}"))?;
    let shown = args.from.display().to_string();
    let text =
        std::fs::read_to_string(&args.from).map_err(|e| format!("{shown}: cannot read it: {e}"))?;
    let is_review = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .is_some_and(|v| v.get("schema").and_then(|s| s.as_str()) == Some(crate::review::SCHEMA));
    let mut review = match is_review {
        true => Some(crate::review::Review::from_json(&text, &shown).map_err(|e| e.to_string())?),
        false => None,
    };
    let mut assessment = match &mut review {
        Some(review) => review.assessment.take().unwrap_or_default(),
        None => Assessment::from_json(&text).map_err(|e| format!("{shown}: {e}"))?,
    };
    let Some(path) = &args.import else {
        let country = assessment.country(&code).ok_or_else(|| {
            format!("{shown}: no assessment of {code}; add its data sources first")
        })?;
        let csv = write_csv(&country.institutions)?;
        return match &args.out {
            Some(path) => crate::save::write_atomically(path, csv.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display())),
            None => out.write_all(csv.as_bytes()).map_err(|e| e.to_string()),
        };
    };
    let csv = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the institutions: {e}", path.display()))?;
    let institutions = read_csv(&csv).map_err(|problems| {
        format!(
            "{}: nothing was taken:\n  {}",
            path.display(),
            problems.join("\n  ")
        )
    })?;
    let taken = institutions.len();
    if assessment.country(&code).is_none() {
        assessment
            .countries
            .push(crate::assess::CountryAssessment::new(&code));
    }
    if let Some(country) = assessment.country_mut(&code) {
        let unknown: Vec<String> = country
            .sources
            .iter()
            .flat_map(|s| s.producer.iter().chain(&s.holders))
            .filter(|id| !institutions.iter().any(|i| &i.id == *id))
            .cloned()
            .collect();
        country.institutions = institutions;
        for id in unknown {
            let _ = writeln!(
                out,
                "a data source names the institution {id}, which the CSV does not have"
            );
        }
    }
    let saved = match review {
        Some(mut review) => {
            review.assessment = Some(assessment);
            review.save(&args.from).map_err(|e| e.to_string())
        }
        None => crate::save::write_atomically(&args.from, assessment.to_json().as_bytes())
            .map_err(|e| format!("{shown}: {e}")),
    };
    saved?;
    let _ = writeln!(out, "{shown}: {taken} institutions of {code}");
    Ok(())
}
