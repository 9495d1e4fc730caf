//! `migreview review import ANSWERS.xlsx FILES…`: the findings workbook a statistical office
//! filled in, taken into the review beside the data (or `--review FILE`): each answer's status,
//! comment and explanation, matched by the finding's id; what changed and what did not match
//! are told.

use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputArgs};
use crate::review::answers::read_answers;
use crate::review::{Review, now_rfc3339};
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
    /// Open a review bundle (written by `migreview report … --bundle`) with the data files:
    /// put its review beside the data, its settings and import options beside the review, and
    /// say which files differ from those the review was made on (exit status 1 then).
    Open(Box<OpenArgs>),
}

#[derive(Args, Debug)]
pub struct OpenArgs {
    /// The review bundle (.zip).
    pub bundle: PathBuf,
    /// The data files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Where to put the review; default: beside the first data file. An existing review is
    /// never overwritten.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
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
    let done = match &args.command {
        ReviewCommand::Import(args) => import(args, out, err),
        ReviewCommand::Open(args) => open(args, out),
    };
    match done {
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
    let super::Checked {
        outcome, report, ..
    } = super::load_and_check(
        &args.input,
        args.settings.as_deref(),
        err,
        "no answer was taken",
    )?;
    let path = match (&args.review, args.input.files.first()) {
        (Some(path), _) => path.clone(),
        (None, Some(first)) => crate::review::review_path(first),
        (None, None) => return Err("no data file was given".into()),
    };
    let mut review = match Review::read(&path).map_err(|e| e.to_string())? {
        Some(review) => review,
        None => Review::new(super::reviewed_files(&outcome)),
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

fn open(args: &OpenArgs, out: &mut dyn Write) -> Result<i32, String> {
    use crate::review_report::bundle;
    let bytes = std::fs::read(&args.bundle)
        .map_err(|e| format!("{}: cannot read the bundle: {e}", args.bundle.display()))?;
    let opened = bundle::read(&bytes).map_err(|e| format!("{}: {e}", args.bundle.display()))?;
    let mut given = Vec::new();
    for path in &args.files {
        let data = std::fs::read(path)
            .map_err(|e| format!("{}: cannot read the data file: {e}", path.display()))?;
        given.push(bundle::ManifestFile {
            name: crate::load::display_name(path),
            sha256: crate::load::sha256_hex(&data),
        });
    }
    let compared = bundle::compare(&opened.manifest, &given);
    let first = &args.files[0];
    let review_path = args
        .review
        .clone()
        .unwrap_or_else(|| crate::review::review_path(first));
    if review_path.exists() {
        return Err(format!(
            "{}: a review is there already and is kept; name another place with --review",
            review_path.display()
        ));
    }
    let beside = |suffix: &str| {
        let mut name = review_path.clone().into_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    let (settings_path, options_path) = (beside(".settings.json"), beside(".import_options.json"));
    opened
        .review
        .save(&review_path)
        .map_err(|e| e.to_string())?;
    let settings = serde_json::to_vec_pretty(&opened.settings).map_err(|e| e.to_string())?;
    crate::save::write_atomically(&settings_path, &settings)
        .map_err(|e| format!("{}: {e}", settings_path.display()))?;
    let options = serde_json::to_vec_pretty(&opened.import_options).map_err(|e| e.to_string())?;
    crate::save::write_atomically(&options_path, &options)
        .map_err(|e| format!("{}: {e}", options_path.display()))?;
    let _ = writeln!(
        out,
        "{}: the review ({} decisions) of {} file(s)",
        review_path.display(),
        opened.review.triage.len(),
        opened.manifest.files.len()
    );
    for (name, was, now) in &compared.changed {
        let _ = writeln!(
            out,
            "  differs: {name} (the review was made on {was}, this one is {now})"
        );
    }
    for name in &compared.missing {
        let _ = writeln!(out, "  not given: {name}");
    }
    for name in &compared.extra {
        let _ = writeln!(out, "  not in the review: {name}");
    }
    let files: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
    let _ = writeln!(
        out,
        "The same findings: migreview check {} --settings {} --import-options {}",
        files.join(" "),
        settings_path.display(),
        options_path.display()
    );
    Ok(if compared.identical() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}
