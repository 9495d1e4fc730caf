//! Command-line manners: a reader that closes the pipe (`migreview checks | head -1`) ends the
//! run quietly with status 0; progress is not written into a log.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use clap::Parser;
use migreview::cli::{self, Cli};
use std::io::Write;

/// A standard output whose reader has gone.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run_into_closed_pipe(args: &[&str]) -> (i32, String) {
    let parsed = Cli::try_parse_from(std::iter::once("migreview").chain(args.iter().copied()));
    let command = parsed
        .unwrap_or_else(|e| panic!("{e}"))
        .command
        .unwrap_or_else(|| panic!("no command"));
    let mut err = Vec::new();
    let status = cli::run(command, &mut ClosedPipe, &mut err);
    (status, String::from_utf8_lossy(&err).into_owned())
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let (status, err) = run_into_closed_pipe(&["checks"]);
    assert_eq!((status, err.as_str()), (0, ""));
    let data = format!(
        "{}/tests/fixtures/realdata/eurostat_tps00176_immigration_bulk.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let (status, err) = run_into_closed_pipe(&["check", &data]);
    assert_eq!((status, err.as_str()), (0, ""));
    let (status, err) = run_into_closed_pipe(&["mirror", &data]);
    assert_eq!((status, err.as_str()), (0, ""));
}

#[test]
fn progress_is_not_written_into_a_log() {
    // Standard error is a pipe here, and the variable that asks for progress is not set.
    let data = format!(
        "{}/tests/fixtures/realdata/eurostat_tps00176_immigration_bulk.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_migreview"))
        .args(["check", &data])
        .env_remove("MIGREVIEW_PROGRESS_AFTER_MS")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("loading…"), "{err}");
    assert_eq!(output.status.code(), Some(0), "{err}");
}
