//! Helpers shared by the loader tests: fixtures, loading, and finding observations.
#![allow(dead_code)]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl, LoadError, LoadReport};
use migreview::model::{Dataset, Missing, Obs, Sex, TableId, Value};
use std::path::{Path, PathBuf};

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Loads a file with default options; a failure fails the test with the loader's message.
pub fn load(path: &Path) -> (Dataset, LoadReport) {
    load_with(path, &ImportOptions::default())
}

pub fn load_with(path: &Path, options: &ImportOptions) -> (Dataset, LoadReport) {
    match load::load_file(path, options, &LoadControl::new()) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    }
}

/// Loads bytes under a file name; a failure fails the test with the loader's message.
pub fn load_bytes(name: &str, bytes: &[u8], options: &ImportOptions) -> (Dataset, LoadReport) {
    match load::load_bytes(Path::new(name), bytes, options, &LoadControl::new()) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The error message of a load that must fail.
pub fn error_of(path: &Path, bytes: Option<&[u8]>) -> String {
    let result: Result<_, LoadError> = match bytes {
        Some(bytes) => {
            load::load_bytes(path, bytes, &ImportOptions::default(), &LoadControl::new())
        }
        None => load::load_file(path, &ImportOptions::default(), &LoadControl::new()),
    };
    match result {
        Ok((dataset, report)) => panic!(
            "{} loaded {} observations ({:?}) but should have failed",
            path.display(),
            dataset.len(),
            report.messages
        ),
        Err(e) => e.to_string(),
    }
}

/// A key to find one observation.
#[derive(Clone, Copy, Debug)]
pub struct Key<'a> {
    pub table: TableId,
    pub reporter: &'a str,
    pub year: u16,
    pub sex: Sex,
    pub age: &'a str,
    pub category: &'a str,
}

pub fn key<'a>(table: TableId, reporter: &'a str, year: u16, category: &'a str) -> Key<'a> {
    Key {
        table,
        reporter,
        year,
        sex: Sex::T,
        age: "TOTAL",
        category,
    }
}

impl<'a> Key<'a> {
    pub fn sex(self, sex: Sex) -> Key<'a> {
        Key { sex, ..self }
    }

    pub fn age(self, age: &'a str) -> Key<'a> {
        Key { age, ..self }
    }
}

/// Every observation with this key.
pub fn all<'d>(dataset: &'d Dataset, key: Key<'_>) -> Vec<&'d Obs> {
    dataset
        .obs()
        .iter()
        .filter(|o| {
            o.table == key.table
                && dataset.str(o.reporter) == key.reporter
                && o.year == key.year
                && o.sex == key.sex
                && dataset.str(o.age) == key.age
                && dataset.str(o.category) == key.category
        })
        .collect()
}

/// The one observation with this key; none or several fail the test.
pub fn one<'d>(dataset: &'d Dataset, key: Key<'_>) -> &'d Obs {
    let found = all(dataset, key);
    match found.as_slice() {
        [obs] => obs,
        _ => panic!(
            "expected one observation for {key:?}, found {}",
            found.len()
        ),
    }
}

/// The value of the one observation with this key.
pub fn value(dataset: &Dataset, key: Key<'_>) -> Value {
    one(dataset, key).value()
}

pub fn number(dataset: &Dataset, key: Key<'_>) -> Option<f64> {
    one(dataset, key).number()
}

pub fn missing(dataset: &Dataset, key: Key<'_>) -> Option<Missing> {
    match value(dataset, key) {
        Value::Missing(reason) => Some(reason),
        Value::Number(_) => None,
    }
}

/// Where the one observation with this key came from, as the user sees it.
pub fn place(dataset: &Dataset, key: Key<'_>) -> String {
    dataset.location(one(dataset, key)).to_string()
}

pub fn flag(dataset: &Dataset, key: Key<'_>) -> String {
    dataset.str(one(dataset, key).flag).to_string()
}
