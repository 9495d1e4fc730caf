//! Replays the inputs the fuzz targets (fuzz/) found or kept: every file under
//! `tests/fixtures/fuzz_corpus/<target>/` goes through the same entry point as the target of
//! that name, and must come back (an error is fine) without a panic, an allocation abort or a
//! hang.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl};
use migreview::review::Review;
use migreview::settings::Settings;
use std::path::{Path, PathBuf};

/// The long CSV and the Eurostat bulk TSV the `import_options` target loads with each set of
/// options (the same bytes as in fuzz/fuzz_targets/import_options.rs).
const LONG: &[u8] = b"reporter,table,year,sex,category,value,flag\n\
KAZ,3,2015,T,Kyrgyzstan,120,\n\
KAZ,3,2015,M,Kyrgyzstan,70,\n\
KAZ,3,2015,F,Kyrgyzstan,50,e\n\
KAZ,3,2016,T,Total,900,\n";

const BULK: &[u8] = b"freq,partner,age,agedef,unit,sex,geo\\TIME_PERIOD\t2016 \t2017 \n\
A,BG,TOTAL,COMPLET,NR,T,BE\t120 \t: \n\
A,DE,TOTAL,COMPLET,NR,T,BE\t4 p\t7 \n";

fn load_as(name: &str, bytes: &[u8], options: &ImportOptions) {
    let _ = load::load_bytes(Path::new(name), bytes, options, &LoadControl::new());
}

/// What the fuzz target named `target` does with `bytes`.
fn replay(target: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).ok();
    match target {
        "load_xlsx" => load_as("f.xlsx", bytes, &ImportOptions::default()),
        "load_xls" => load_as("f.xls", bytes, &ImportOptions::default()),
        "load_ods" => load_as("f.ods", bytes, &ImportOptions::default()),
        "load_csv_long" | "load_sdmx_csv" => load_as("f.csv", bytes, &ImportOptions::default()),
        "load_eurostat_tsv" => load_as("f.tsv", bytes, &ImportOptions::default()),
        "review_json" => {
            if let Some(review) = text.and_then(|t| Review::from_json(t, "f.json").ok()) {
                let _ = review.to_json();
            }
        }
        "settings" => {
            if let Some(text) = text {
                let _ = Settings::from_toml(text);
                let _ = Settings::from_json(text);
            }
        }
        "import_options" => {
            if let Some(options) = text.and_then(|t| ImportOptions::from_json(t).ok()) {
                load_as("f.csv", LONG, &options);
                load_as("f.tsv", BULK, &options);
            }
        }
        other => panic!("tests/fixtures/fuzz_corpus/{other}: no fuzz target of that name"),
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_fuzz_input_comes_back_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz_corpus");
    let mut replayed = 0;
    for dir in files(&root) {
        if !dir.is_dir() {
            continue;
        }
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        let inputs = files(&dir);
        assert!(!inputs.is_empty(), "{}: no inputs", dir.display());
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            replay(&target, &bytes);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no inputs under {}", root.display());
}
