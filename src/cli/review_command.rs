//! `migreview review import ANSWERS.xlsx FILES…`: the findings workbook a statistical office
//! filled in, taken into the review beside the data (or `--review FILE`): each answer's status,
//! comment and explanation, matched by the finding's id; what changed and what did not match
//! are told.

use super::{EXIT_INPUT, EXIT_OK, InputArgs};
use crate::report::Report;
use crate::review::answers::read_answers;
use crate::review::{Review, now_rfc3339};
use crate::settings::Settings;
use clap::{Args, Subcommand};
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: ReviewCommand,
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// Take the answers of a findings workbook (written by `migreview report … --out
    /// findings.xlsx` and filled in by a statistical office) into the review of the data.
    Import(Box<ImportArgs>),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The filled-in findings workbook (.xlsx).
    pub answers: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// The review to update; default: the one beside the first data file (made when missing).
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
    /// Settings (JSON) of the checks.
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

pub fn run(args: &ReviewArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let ReviewCommand::Import(args) = &args.command;
    match import(args, out, err) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "migreview: {message}");
            EXIT_INPUT
        }
    }
}

fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    let bytes = std::fs::read(&args.answers)
        .map_err(|e| format!("{}: cannot read the answers: {e}", args.answers.display()))?;
    let answers = read_answers(&bytes).map_err(|e| format!("{}: {e}", args.answers.display()))?;
    let options = super::import_options(&args.input)?;
    let settings = Settings::load(args.settings.as_deref()).map_err(|e| e.to_string())?;
    let outcome = super::load_inputs(&args.input.files, &options);
    for error in outcome.errors() {
        let _ = writeln!(err, "migreview: {error}");
    }
    if let Some(reason) = super::nothing_read(&outcome, "no answer was taken") {
        return Err(reason);
    }
    let report = Report::build(
        super::input_summaries(&args.input.files, &outcome),
        &outcome.dataset,
        &settings,
    );
    let path = match (&args.review, args.input.files.first()) {
        (Some(path), _) => path.clone(),
        (None, Some(first)) => crate::review::review_path(first),
        (None, None) => return Err("no data file was given".into()),
    };
    let mut review = match Review::read(&path).map_err(|e| e.to_string())? {
        Some(review) => review,
        None => Review::new(
            outcome
                .reports()
                .map(|r| crate::review::ReviewedFile {
                    name: crate::load::display_name(&r.path),
                    sha256: r.sha256.clone(),
                    options: Default::default(),
                })
                .collect(),
        ),
    };
    let ids: Vec<String> = report.findings.iter().map(|f| f.case_id()).collect();
    let current: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let taken = review.take_answers(&answers, &current, &now_rfc3339());
    if !taken.changed.is_empty() {
        review.save(&path).map_err(|e| e.to_string())?;
    }
    let _ = writeln!(
        out,
        "{}: {} answers read; {} changed, {} as the review had them, {} not a finding of these \
         data",
        path.display(),
        answers.len(),
        taken.changed.len(),
        taken.unchanged,
        taken.unmatched.len()
    );
    for id in &taken.changed {
        let _ = writeln!(out, "  changed: {id}");
    }
    for (sheet, row, id) in &taken.unmatched {
        let _ = writeln!(
            out,
            "  not matched: {sheet}, row {row}: {id} (no finding of these data has this id; \
             were the answers given on other data?)"
        );
    }
    for (sheet, row, text) in &taken.bad_status {
        let _ = writeln!(
            out,
            "  {sheet}, row {row}: status \"{text}\" is none of Open, Confirmed, Explained, \
             False alarm; the status was left as it was"
        );
    }
    Ok(EXIT_OK)
}
