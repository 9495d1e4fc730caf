//! `migreview assess …`: the questionnaire, its import and the scorecard, headless.

use super::model::{AssessError, Assessment, country_code};
use super::questionnaire::{QuestionnaireOptions, import_questionnaire, save_questionnaire};
use super::scorecard::{CountryScorecard, render, scorecard};
use super::settings::AssessSettings;
use crate::cli::{EXIT_INPUT, EXIT_OK, Format};
use crate::model::{Lang, gazetteer};
use crate::settings::Settings;
use clap::{Args, Subcommand, ValueEnum};
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
    /// Print the scorecard of the data sources and the potential for development.
    Scorecard(ScorecardArgs),
}

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
    /// An assessment (JSON) to prefill the questionnaire with.
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
    /// An assessment (JSON); default: the built-in sample assessment.
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
}

/// Runs an `assess` command and returns the exit status.
pub fn run(args: &AssessArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match &args.command {
        AssessCommand::Questionnaire(args) => run_questionnaire(args, out),
        AssessCommand::Import(args) => run_import(args, out),
        AssessCommand::Scorecard(args) => run_scorecard(args, out),
    };
    match result {
        Ok(()) => EXIT_OK,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            EXIT_INPUT
        }
    }
}

fn load(from: &Option<PathBuf>) -> Result<Assessment, String> {
    match from {
        Some(path) => Assessment::load(path).map_err(|e| e.to_string()),
        None => super::sample_assessment()
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
        (from, _) => load(from)?,
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

fn run_scorecard(args: &ScorecardArgs, out: &mut dyn Write) -> Result<(), String> {
    let settings: AssessSettings = match &args.settings {
        Some(path) => Settings::from_file(path)?.assess,
        None => AssessSettings::default(),
    };
    let assessment = load(&args.from)?;
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
