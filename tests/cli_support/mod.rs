//! Runs the command line as `migreview` would, in the test's process, for the command-line tests.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.
#![allow(dead_code)] // Each test file uses the part it needs.

use clap::Parser;
use migreview::cli::{self, Cli};

/// Runs a command line (without the program name); returns the exit status, standard output and
/// standard error.
pub fn migreview(args: &[&str]) -> (i32, String, String) {
    let parsed = Cli::try_parse_from(std::iter::once("migreview").chain(args.iter().copied()));
    let cli = parsed.unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let command = cli
        .command
        .unwrap_or_else(|| panic!("{args:?}: no command"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = cli::run(command, &mut out, &mut err);
    (
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// The sample's workbooks written into `dir` by `migreview sample`, AZE first.
pub fn sample(dir: &std::path::Path) -> Vec<String> {
    let out = dir.display().to_string();
    let (status, _, err) = migreview(&["sample", "--out", &out]);
    assert_eq!(status, 0, "{err}");
    ["AZE", "KAZ", "KGZ", "RUS", "TJK"]
        .iter()
        .map(|c| dir.join(format!("{c}.xlsx")).display().to_string())
        .collect()
}
