//! `migreview workshop list` and `migreview workshop export --lesson ID --lang ru --out DIR`:
//! the lessons of a workshop and their handouts, written without the window.

use super::{EXIT_INPUT, EXIT_OK, LangArg};
use crate::model::Lang;
use crate::workshop::{LessonText, handouts, lesson, lesson_ids, lessons};
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct WorkshopArgs {
    #[command(subcommand)]
    pub command: WorkshopCommand,
}

#[derive(Subcommand, Debug)]
pub enum WorkshopCommand {
    /// List the lessons: their ids and titles.
    List {
        /// Language of the titles.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Write a lesson's handouts into a folder: the learner's workbooks (no answers), the answer
    /// key (xlsx) and the exercise sheet (HTML and DOCX).
    Export(ExportArgs),
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The lesson (see `migreview workshop list`).
    #[arg(long)]
    pub lesson: String,
    /// Language of the handouts.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// The folder to write into (made if missing).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: &WorkshopArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match &args.command {
        WorkshopCommand::List { lang } => {
            let lang = Lang::from(*lang);
            for lesson in lessons() {
                let _ = writeln!(
                    out,
                    "{:<12} {}",
                    lesson.id,
                    lesson.text(lang, LessonText::Title)
                );
            }
            EXIT_OK
        }
        WorkshopCommand::Export(args) => export(args, out, err),
    }
}

fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let lang = Lang::from(args.lang);
    let Some(lesson) = lesson(&args.lesson) else {
        let _ = writeln!(
            err,
            "migreview: {}",
            crate::t!(
                lang,
                "workshop-unknown-lesson",
                lessons = lesson_ids().join(", "),
                lesson = args.lesson.as_str()
            )
        );
        return EXIT_INPUT;
    };
    match handouts::export(lesson, lang, &args.out) {
        Ok(written) => {
            for path in &written {
                let _ = writeln!(out, "{}", path.display());
            }
            let _ = writeln!(
                err,
                "{}",
                crate::t!(
                    lang,
                    "workshop-written",
                    count = written.len(),
                    dir = args.out.display().to_string()
                )
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "migreview: {e}");
            EXIT_INPUT
        }
    }
}
