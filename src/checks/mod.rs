//! Quality checks of the catalogue (`docs/checks.md`).
//!
//! Each check implements [`Check`]; [`registry`] is the explicit list of them, which the run and
//! the tests iterate. A check reports every case it looks at as pass, fail or not evaluable;
//! failed and not-evaluable cases become [`Finding`]s with the check's severity, dimension and
//! level from the [`catalog`].

pub mod catalog;
pub mod finding;
pub mod settings;

pub use catalog::{CATALOG, CatalogEntry, entry};
pub use finding::{CheckCode, CheckSummary, Dimension, Finding, Outcome, Severity};
pub use settings::CheckSettings;

use crate::mirror::MirrorReport;
use crate::model::{Dataset, Lang, Location, Sex, TableId};
use crate::settings::Settings;

/// What a check can look at.
pub struct CheckContext<'a> {
    pub dataset: &'a Dataset,
    pub settings: &'a Settings,
    /// The mirror statistics, computed before the checks run (used by M1 and M2).
    pub mirror: Option<&'a MirrorReport>,
}

/// One rule of the catalogue.
pub trait Check: Send + Sync {
    fn code(&self) -> CheckCode;
    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput);
}

/// A failed or not-evaluable case as a check describes it; the engine adds the catalogue's
/// severity, dimension and level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Case {
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    pub year: Option<u16>,
    pub sex: Option<Sex>,
    pub age: Option<String>,
    pub category: Option<String>,
    pub expected: Option<f64>,
    pub actual: Option<f64>,
    pub message_en: String,
    pub message_ru: String,
    pub location: Option<Location>,
    /// A severity other than the catalogue's default (U1 above 20 %, M1 by band).
    pub severity: Option<Severity>,
}

/// What one check found.
#[derive(Clone, Debug)]
pub struct CheckOutput {
    pub code: CheckCode,
    pub evaluated: usize,
    pub failed: usize,
    pub not_evaluable: usize,
    pub findings: Vec<Finding>,
}

impl CheckOutput {
    pub fn new(code: CheckCode) -> CheckOutput {
        CheckOutput {
            code,
            evaluated: 0,
            failed: 0,
            not_evaluable: 0,
            findings: Vec::new(),
        }
    }

    /// A case that passed.
    pub fn pass(&mut self) {
        self.evaluated += 1;
    }

    /// A case that failed.
    pub fn fail(&mut self, case: Case) {
        self.evaluated += 1;
        self.failed += 1;
        self.findings.push(self.finding(case, Outcome::Fail));
    }

    /// A case that could not be decided (a needed value is missing or suppressed).
    pub fn not_evaluable(&mut self, case: Case) {
        self.not_evaluable += 1;
        self.findings
            .push(self.finding(case, Outcome::NotEvaluable));
    }

    fn finding(&self, case: Case, outcome: Outcome) -> Finding {
        let meta = entry(self.code);
        Finding {
            check: self.code,
            severity: case.severity.unwrap_or(meta.severity),
            outcome,
            dimension: meta.dimension,
            level: meta.level,
            table: case.table,
            reporter: case.reporter,
            year: case.year,
            sex: case.sex,
            age: case.age,
            category: case.category,
            expected: case.expected,
            actual: case.actual,
            message: case.message_en,
            message_ru: case.message_ru,
            location: case.location,
        }
    }

    pub fn summary(&self, lang: Lang) -> CheckSummary {
        let meta = entry(self.code);
        CheckSummary {
            check: self.code,
            title: meta.title(lang).to_string(),
            severity: meta.severity,
            dimension: meta.dimension,
            level: meta.level,
            evaluated: self.evaluated,
            failed: self.failed,
            not_evaluable: self.not_evaluable,
        }
    }
}

/// Every registered check, in catalogue order.
pub fn registry() -> Vec<Box<dyn Check>> {
    Vec::new()
}

/// Runs every registered check.
pub fn run_all(context: &CheckContext<'_>) -> Vec<CheckOutput> {
    registry()
        .iter()
        .map(|check| {
            let mut out = CheckOutput::new(check.code());
            check.run(context, &mut out);
            out
        })
        .collect()
}
