//! The cost of a review, whole process: `migreview check` and `migreview mirror` of a million
//! observations, beside reading the same file with the `csv` crate, reading the workbook with
//! calamine, and `frictionless validate` (when it is installed: `pip install frictionless`).
//!
//! Run in release: `cargo bench --bench pipeline`. It writes the generated files (see
//! `data/mod.rs`) into `target/bench-data/` once, then times every command three times,
//! interleaved, and prints the median time and the peak resident memory of each as a Markdown
//! table (the README's). Options after `--`:
//!
//! * `--generate DIR`: only write the files into DIR;
//! * `--rounds N`: runs of each command (default 3);
//! * `--no-frictionless`: leave frictionless out (it takes about 15 s a run).
//!
//! `MIGREVIEW_BENCH_BIN=PATH` times another build of migreview instead of this one (an older
//! release binary, for a before-and-after table). `MIGREVIEW_BENCH_BASELINE=PATH` times another
//! build beside this one: each migreview command twice in every round, this build's run and the
//! other's one after the other, so that a machine whose speed drifts between minutes treats both
//! alike.
//!
//! The bare reads run as child processes of this benchmark (`--read-csv FILE`,
//! `--read-workbook FILE`), so every row of the table is a whole process measured the same way.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod data;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One command of the table.
struct Row {
    label: String,
    program: PathBuf,
    args: Vec<String>,
    /// Where it runs (frictionless is given a relative path).
    dir: PathBuf,
    target: Option<String>,
    runs: Vec<(f64, u64)>,
}

/// Runs a child to its end: wall seconds and peak resident kilobytes (from `wait4`, which reaps
/// the child in place of `Child::wait`).
#[allow(clippy::zombie_processes)]
fn run_child(row: &Row) -> (f64, u64) {
    let started = Instant::now();
    let child = Command::new(&row.program)
        .args(&row.args)
        .current_dir(&row.dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", row.program.display()));
    let mut status = 0i32;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct `wait4` fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `child.id()` is our own child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    assert!(waited > 0, "wait4 failed for {}", row.label);
    let code = libc::WEXITSTATUS(status);
    // `check` exits 1 when it finds errors; anything above is a failure of the run.
    assert!(code <= 1, "{} exited with {code}", row.label);
    (seconds, usage.ru_maxrss as u64)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Reads every record of a CSV file, as the fastest possible reading of it.
fn read_csv(path: &Path) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut record = csv::ByteRecord::new();
    let mut fields = 0usize;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        fields += record.len();
    }
    std::hint::black_box(fields);
}

/// Reads every sheet of a workbook with calamine.
fn read_workbook(path: &Path) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{e}"));
    std::hint::black_box(data::calamine_cells(std::io::BufReader::new(file)));
}

/// The files, written once into `folder`.
fn files(folder: &Path) -> [PathBuf; 3] {
    std::fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
    let csv = |kind: data::Kind| {
        let path = folder.join(kind.file_name());
        if path.exists() {
            path
        } else {
            data::write(kind, folder).unwrap_or_else(|e| panic!("{e}"))
        }
    };
    let workbook = folder.join("clearinghouse_1m.xlsx");
    if !workbook.exists() {
        data::workbook::clearinghouse_xlsx(&workbook).unwrap_or_else(|e| panic!("{e}"));
    }
    [csv(data::Kind::Coherent), csv(data::Kind::Random), workbook]
}

fn has_frictionless() -> bool {
    Command::new("frictionless")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(path) = value_of("--read-csv") {
        return read_csv(Path::new(&path));
    }
    if let Some(path) = value_of("--read-workbook") {
        return read_workbook(Path::new(&path));
    }
    if let Some(folder) = value_of("--generate") {
        let written = files(Path::new(&folder));
        for path in written {
            println!("{}", path.display());
        }
        return;
    }
    let rounds: usize = value_of("--rounds").map_or(3, |r| r.parse().unwrap_or(3));
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    let [coherent, random, workbook] = files(&folder);
    // Another build to compare with, when named (an older release binary, say).
    let migreview = std::env::var_os("MIGREVIEW_BENCH_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_migreview")),
        PathBuf::from,
    );
    let me = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let show = |p: &Path| p.display().to_string();
    let row = |label: &str, program: &Path, args: Vec<String>, target: Option<&str>| Row {
        label: label.to_string(),
        program: program.to_path_buf(),
        args,
        dir: folder.clone(),
        target: target.map(str::to_string),
        runs: Vec::new(),
    };
    let mut rows = vec![
        row(
            "`migreview check --format json`, coherent 1M CSV",
            &migreview,
            vec![
                "check".into(),
                "--format".into(),
                "json".into(),
                show(&coherent),
            ],
            Some("≤ 0.25 s"),
        ),
        row(
            "`migreview mirror`, coherent 1M CSV",
            &migreview,
            vec!["mirror".into(), show(&coherent)],
            Some("≤ 0.1 s"),
        ),
        row(
            "`csv` crate reading every record, coherent 1M CSV",
            &me,
            vec!["--read-csv".into(), show(&coherent)],
            None,
        ),
        row(
            "`migreview check --format json`, random 1M CSV",
            &migreview,
            vec![
                "check".into(),
                "--format".into(),
                "json".into(),
                show(&random),
            ],
            Some("≤ 1 s, ≤ 300 MB"),
        ),
        row(
            "`migreview check --format json`, workbook of 1M cells",
            &migreview,
            vec![
                "check".into(),
                "--format".into(),
                "json".into(),
                show(&workbook),
            ],
            None,
        ),
        row(
            "`migreview convert` (read, write the long CSV), same workbook",
            &migreview,
            vec![
                "convert".into(),
                show(&workbook),
                "--out".into(),
                "converted.csv".into(),
            ],
            Some("≤ 2× calamine"),
        ),
        row(
            "calamine reading every sheet, same workbook",
            &me,
            vec!["--read-workbook".into(), show(&workbook)],
            None,
        ),
    ];
    if let Some(baseline) = std::env::var_os("MIGREVIEW_BENCH_BASELINE").map(PathBuf::from) {
        rows = rows
            .into_iter()
            .flat_map(|this| {
                let twin = (this.program == migreview).then(|| Row {
                    label: format!("{} — baseline build", this.label),
                    program: baseline.clone(),
                    args: this.args.clone(),
                    dir: this.dir.clone(),
                    target: None,
                    runs: Vec::new(),
                });
                std::iter::once(this).chain(twin)
            })
            .collect();
    }
    if args.iter().any(|a| a == "--no-frictionless") {
        println!("frictionless left out (--no-frictionless)");
    } else if has_frictionless() {
        rows.push(row(
            "`frictionless validate` (types and structure), coherent 1M CSV",
            Path::new("frictionless"),
            vec!["validate".into(), data::Kind::Coherent.file_name().into()],
            None,
        ));
    } else {
        println!("frictionless is not installed (pip install frictionless): left out");
    }
    println!(
        "{} observations per CSV file; {rounds} runs of each command, interleaved",
        data::OBSERVATIONS
    );
    for _ in 0..rounds {
        for row in &mut rows {
            let run = run_child(row);
            row.runs.push(run);
        }
    }
    println!();
    println!("| command | time (median) | peak memory | target |");
    println!("|---|---|---|---|");
    for row in &rows {
        let seconds = median(row.runs.iter().map(|r| r.0).collect());
        let megabytes = median(row.runs.iter().map(|r| r.1 as f64 / 1024.0).collect());
        println!(
            "| {} | {seconds:.2} s | {megabytes:.0} MB | {} |",
            row.label,
            row.target.as_deref().unwrap_or("")
        );
    }
}
