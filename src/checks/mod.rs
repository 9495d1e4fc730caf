//! Quality checks of the catalogue (`docs/checks.md`).
//!
//! Each check implements [`Check`]; [`registry`] is the explicit list of them, which the run and
//! the tests iterate. A check reports every case it looks at as pass, fail or not evaluable;
//! failed and not-evaluable cases become [`Finding`]s with the check's severity, dimension and
//! level from the [`catalog`]. [`run_all`] builds the shared [`CheckIndex`] once and hands it to
//! every check through the [`CheckContext`].

pub mod balance;
pub mod catalog;
pub mod coherence;
pub mod finding;
pub mod index;
pub mod message;
pub mod mirror;
pub mod plausibility;
pub mod series;
pub mod settings;
pub mod structure;
pub mod sum;
pub mod text;
pub mod totals;
pub mod values;

pub use catalog::{CATALOG, CatalogEntry, Explanation, entry, explain};
pub use finding::{CheckCode, CheckSummary, Dimension, Finding, Outcome, Severity};
pub use index::CheckIndex;
pub use message::Message;
pub use settings::{CheckSettings, CheckSettingsError};

use crate::mirror::{MirrorReport, MirrorSettings};
use crate::model::{Dataset, Lang, Location, Obs, ObsKey, Sex, Sym, TableId};
use smol_str::SmolStr;

/// What a check can look at.
pub struct CheckContext<'a> {
    pub dataset: &'a Dataset,
    /// The thresholds of the checks.
    pub settings: &'a CheckSettings,
    /// The settings of the mirror statistics (M1 and M2 judge the pairs by them).
    pub mirror_settings: &'a MirrorSettings,
    /// The mirror statistics, computed before the checks run (used by M1 and M2).
    pub mirror: Option<&'a MirrorReport>,
    /// Look-ups over the observations, built once per run.
    pub index: &'a CheckIndex,
}

impl<'a> CheckContext<'a> {
    /// The thresholds of the checks.
    pub fn limits(&self) -> &'a CheckSettings {
        self.settings
    }

    pub fn obs(&self, index: u32) -> &'a Obs {
        &self.dataset.obs()[index as usize]
    }

    pub fn str(&self, sym: Sym) -> &'a str {
        self.dataset.str(sym)
    }

    /// The first observation with this key.
    pub fn find(&self, key: ObsKey) -> Option<u32> {
        self.index.find(&key)
    }

    /// The first observation with this key, looked for first beside observation `near`: data
    /// mostly come in key order (men and women next to their total), and a look at the
    /// neighbours costs less than a look-up in the index. The answer is the same as
    /// [`CheckContext::find`]'s.
    pub fn find_near(&self, key: ObsKey, near: u32) -> Option<u32> {
        const REACH: u32 = 4;
        let obs = self.dataset.obs();
        let around = near.saturating_sub(REACH)..=near.saturating_add(REACH);
        around
            .into_iter()
            .find(|&j| {
                obs.get(j as usize).is_some_and(|o| o.key() == key) && self.index.is_first(j)
            })
            .or_else(|| self.find(key))
    }

    /// The observation of the same table, reporter, year, sex and age with another category.
    pub fn sibling(&self, of: &Obs, category: Option<Sym>) -> Option<u32> {
        self.find(ObsKey {
            category: category?,
            ..of.key()
        })
    }

    pub fn location(&self, index: u32) -> Location {
        self.dataset.location(self.obs(index))
    }

    /// Where the data an observation belongs to are: its file and sheet, without the cell or
    /// line (for a finding about something missing next to it, such as a year of a series).
    pub fn place(&self, index: u32) -> Location {
        Location {
            at: None,
            ..self.location(index)
        }
    }

    /// A case about one observation: its key and where it is.
    pub fn case_about(&self, index: u32) -> Case {
        let obs = self.obs(index);
        Case {
            table: Some(obs.table),
            reporter: Some(self.str(obs.reporter).into()),
            year: Some(obs.year),
            sex: Some(obs.sex),
            age: Some(self.str(obs.age).into()),
            category: Some(self.str(obs.category).into()),
            location: Some(self.dataset.location(obs)),
            ..Case::default()
        }
    }
}

/// One rule of the catalogue.
pub trait Check: Send + Sync {
    fn code(&self) -> CheckCode;
    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput);

    /// Whether the check reads the run's mirror statistics ([`CheckContext::mirror`]): a run
    /// starts it once they are computed, and the other checks beside them.
    fn reads_mirror(&self) -> bool {
        false
    }
}

/// A failed or not-evaluable case as a check describes it; the engine adds the catalogue's
/// severity, dimension and level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Case {
    pub table: Option<TableId>,
    pub reporter: Option<SmolStr>,
    pub year: Option<u16>,
    pub sex: Option<Sex>,
    pub age: Option<SmolStr>,
    pub category: Option<SmolStr>,
    pub expected: Option<f64>,
    pub actual: Option<f64>,
    pub message: Message,
    pub location: Option<Location>,
    /// A severity other than the catalogue's default (U1 above 20 %, M1 by band).
    pub severity: Option<Severity>,
}

impl Case {
    /// Sets the two sides of the comparison.
    pub fn values(mut self, expected: Option<f64>, actual: Option<f64>) -> Case {
        self.expected = expected;
        self.actual = actual;
        self
    }

    /// Sets the message: its text in both languages, or what it is written from.
    pub fn message(mut self, message: impl Into<Message>) -> Case {
        self.message = message.into();
        self
    }

    pub fn severity(mut self, severity: Severity) -> Case {
        self.severity = Some(severity);
        self
    }
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

    /// Many cases that passed.
    pub fn pass_many(&mut self, cases: usize) {
        self.evaluated += cases;
    }

    /// A case that failed.
    pub fn fail(&mut self, case: Case) {
        self.evaluated += 1;
        self.failed += 1;
        let finding = self.finding(case, Outcome::Fail);
        self.findings.push(finding);
    }

    /// A case that could not be decided (a needed value is missing or suppressed). Its
    /// severity is `info` unless the case says otherwise: a gap in the data is something to
    /// know, not an inconsistency, and must not fail a pipeline by itself.
    pub fn not_evaluable(&mut self, case: Case) {
        self.not_evaluable += 1;
        let case = Case {
            severity: case.severity.or(Some(Severity::Info)),
            ..case
        };
        let finding = self.finding(case, Outcome::NotEvaluable);
        self.findings.push(finding);
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
            message: case.message,
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

/// Every registered check, in catalogue order; M1 and M2 come from [`mirror`].
pub fn registry() -> Vec<Box<dyn Check>> {
    let mut checks: Vec<Box<dyn Check>> = vec![
        Box::new(structure::S1),
        Box::new(structure::S2),
        Box::new(structure::S3),
        Box::new(values::N1),
        Box::new(values::N2),
        Box::new(totals::A1),
        Box::new(totals::A2),
        Box::new(totals::A3),
        Box::new(totals::A4),
        Box::new(coherence::C1),
        Box::new(coherence::C2),
        Box::new(coherence::C3),
        Box::new(coherence::C4),
        Box::new(coherence::C5),
        Box::new(coherence::C6),
        Box::new(plausibility::P1),
        Box::new(plausibility::P2),
        Box::new(plausibility::P3),
        Box::new(plausibility::U1),
        Box::new(plausibility::U2),
        Box::new(balance::D1),
        Box::new(balance::D2),
        Box::new(balance::D3),
        Box::new(series::T1),
        Box::new(series::T2),
        Box::new(series::T3),
    ];
    checks.extend(mirror::mirror_checks());
    checks
}

/// Runs the given checks on a data set, building the index once for all of them.
pub fn run_checks(
    checks: &[Box<dyn Check>],
    dataset: &Dataset,
    settings: &CheckSettings,
    mirror_settings: &MirrorSettings,
    mirror: Option<&MirrorReport>,
) -> Vec<CheckOutput> {
    let index = CheckIndex::build(dataset);
    let context = CheckContext {
        dataset,
        settings,
        mirror_settings,
        mirror,
        index: &index,
    };
    let checks: Vec<&dyn Check> = checks.iter().map(AsRef::as_ref).collect();
    run_in_context(&checks, &context)
}

/// Runs the given checks on an index already built, on every core (a long check, T1 on a large
/// file, runs beside the others). The outputs come in the order of `checks`.
pub fn run_in_context(checks: &[&dyn Check], context: &CheckContext<'_>) -> Vec<CheckOutput> {
    crate::parallel::map_in_order(checks, |check| {
        let mut out = CheckOutput::new(check.code());
        check.run(context, &mut out);
        // A list grown by doubling holds up to twice its findings until the run gathers them.
        out.findings.shrink_to_fit();
        out
    })
}

/// Runs every registered check.
pub fn run_all(
    dataset: &Dataset,
    settings: &CheckSettings,
    mirror_settings: &MirrorSettings,
    mirror: Option<&MirrorReport>,
) -> Vec<CheckOutput> {
    run_checks(&registry(), dataset, settings, mirror_settings, mirror)
}
