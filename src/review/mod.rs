//! The review file: a reviewer's triage of the findings, kept beside the data it belongs to.
//!
//! Schema `migreview.review/1` (JSON): the content hashes (SHA-256) of the data files, the import
//! options used for each (found again by content hash, else by name), per finding (keyed by
//! [`Finding::case_id`], which names a finding's file by its bare name however the path was
//! typed) a status, a comment and the time of the last change, and the
//! assessment of the data sources (`assessment`, schema `migreview.assessment/1`, absent in
//! files written before it existed). The file is written atomically on every change.
//!
//! Where it lives: beside the first data file, named `<first file stem>.review.json`
//! (`data/KAZ.xlsx` → `data/KAZ.review.json`). For the built-in sample data it is
//! `sample.review.json` in the app's data directory (on Linux `$XDG_DATA_HOME/migreview` or
//! `~/.local/share/migreview`, on macOS `~/Library/Application Support/migreview`, on Windows
//! `%APPDATA%\migreview\data`).
//!
//! When the same data are opened again (same hashes) the triage is restored. When the hashes
//! differ the review is still loaded, the user is warned that the data changed, and decisions
//! about findings that no longer exist are kept (and counted as stale), so nothing a reviewer
//! wrote is lost.

use crate::checks::Finding;
use crate::load::ImportOptions;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod answers;
mod export;
pub use export::{
    EXPORT_COLUMNS, ExportFormat, Shown, export_csv, export_json, export_to_file, export_xlsx,
};

/// The schema of the review file.
pub const SCHEMA: &str = "migreview.review/1";
/// The schema of the exported findings (JSON).
pub const EXPORT_SCHEMA: &str = "migreview.findings/1";
/// The name of the review file of the built-in sample data, in the app's data directory.
pub const SAMPLE_REVIEW_FILE: &str = "sample.review.json";

/// What the reviewer decided about a finding.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriageStatus {
    /// Not looked at yet, or reopened.
    #[default]
    Open,
    /// A real problem in the data.
    Confirmed,
    /// Real, but explained (a definition, a known revision, a note from the office).
    Explained,
    /// The rule fired on data that are right.
    FalseAlarm,
}

impl TriageStatus {
    /// The status as a reader sees it: Open, Confirmed, Explained, False alarm.
    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        match self {
            TriageStatus::Open => crate::t!(lang, "StatusOpen"),
            TriageStatus::Confirmed => crate::t!(lang, "StatusConfirmed"),
            TriageStatus::Explained => crate::t!(lang, "StatusExplained"),
            TriageStatus::FalseAlarm => crate::t!(lang, "StatusFalseAlarm"),
        }
    }

    pub const ALL: [TriageStatus; 4] = [
        TriageStatus::Open,
        TriageStatus::Confirmed,
        TriageStatus::Explained,
        TriageStatus::FalseAlarm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TriageStatus::Open => "open",
            TriageStatus::Confirmed => "confirmed",
            TriageStatus::Explained => "explained",
            TriageStatus::FalseAlarm => "false_alarm",
        }
    }
}

/// The reviewer's decision about one finding.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Triage {
    pub status: TriageStatus,
    pub comment: String,
    /// The statistical office's explanation, from the findings workbook it filled in.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// When the status or comment last changed (RFC 3339, UTC).
    pub changed: String,
}

/// A data file the review belongs to.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewedFile {
    /// The file name as shown to the user (not the full path, so the folder can move).
    pub name: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// How the file was read (overrides of the loader's guesses).
    pub options: ImportOptions,
}

/// The whole review file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub schema: String,
    #[serde(default)]
    pub generated_by: String,
    #[serde(default)]
    pub files: Vec<ReviewedFile>,
    /// Triage by [`Finding::case_id`]; sorted, so the file diffs cleanly. Shared, so that a
    /// copy of the review to save costs nothing (a change copies it only while a save still
    /// reads it).
    #[serde(default)]
    pub triage: Triages,
    /// The assessment of the data sources of the countries reviewed: the inventory, the
    /// suggested scores and the reviewer's decisions (schema `migreview.assessment/1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<crate::assess::Assessment>,
    /// The country under review (ISO 3166 alpha-3), which the window opens its panels on;
    /// absent: all countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// What the reviewer writes into the country review report.
    #[serde(default, skip_serializing_if = "ReportTexts::is_empty")]
    pub report: ReportTexts,
}

/// The reviewer's own words in the country review report, kept in the review file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTexts {
    #[serde(default)]
    pub reviewer: String,
    #[serde(default)]
    pub organisation: String,
    /// The executive summary.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub recommendations: String,
}

impl ReportTexts {
    pub fn is_empty(&self) -> bool {
        self == &ReportTexts::default()
    }
}

/// Reads an assessment from `path`: an assessment file (schema `migreview.assessment/1`), or a
/// review file, which keeps the assessment the window's Sources panel made.
pub fn load_assessment(path: &Path) -> Result<crate::assess::Assessment, String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{shown}: cannot read the assessment: {e}"))?;
    let is_review = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .is_some_and(|v| v.get("schema").and_then(|s| s.as_str()) == Some(SCHEMA));
    if !is_review {
        return crate::assess::Assessment::from_json(&text).map_err(|e| format!("{shown}: {e}"));
    }
    let review = Review::from_json(&text, &shown).map_err(|e| e.to_string())?;
    review.assessment.ok_or_else(|| {
        format!(
            "{shown}: the review file holds no assessment yet; score the data sources in the \
             window's Sources panel, or give an assessment file (migreview assess import)"
        )
    })
}

/// Decisions as they were before a change ([`Review::set_status_of`],
/// [`Review::set_comment_of`]), to put back with [`Review::restore`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undo {
    /// Each finding changed, with its decision before (`None`: it had none).
    pub before: Vec<(String, Option<Triage>)>,
}

impl Undo {
    pub fn is_empty(&self) -> bool {
        self.before.is_empty()
    }

    /// Adds what an earlier change had not touched yet (for changes merged into one, as the
    /// keystrokes of a comment): the oldest state of each finding is kept.
    pub fn merge_earlier(&mut self, later: Undo) {
        for (id, previous) in later.before {
            if !self.before.iter().any(|(known, _)| *known == id) {
                self.before.push((id, previous));
            }
        }
    }
}

/// A report's findings seen through a review: each finding's decision, and which statuses are
/// listed (`migreview check --review … --status …`). A finding without a decision is open.
#[derive(Clone, Copy, Debug)]
pub struct Triaged<'a> {
    review: Option<&'a Review>,
    /// The statuses listed; empty: all.
    statuses: &'a [TriageStatus],
}

impl<'a> Triaged<'a> {
    pub fn new(review: Option<&'a Review>, statuses: &'a [TriageStatus]) -> Triaged<'a> {
        Triaged { review, statuses }
    }

    /// No review, every finding listed.
    pub fn none() -> Triaged<'static> {
        Triaged {
            review: None,
            statuses: &[],
        }
    }

    pub fn review(&self) -> Option<&'a Review> {
        self.review
    }

    /// The statuses listed; empty: all.
    pub fn statuses(&self) -> &'a [TriageStatus] {
        self.statuses
    }

    /// The decision about the finding of this identity, when one was made.
    pub fn triage(&self, case_id: &str) -> Option<&'a Triage> {
        self.review.and_then(|r| r.triage(case_id))
    }

    pub fn status(&self, case_id: &str) -> TriageStatus {
        self.triage(case_id).map(|t| t.status).unwrap_or_default()
    }

    /// Whether a finding of this status is listed.
    pub fn lists(&self, status: TriageStatus) -> bool {
        self.statuses.is_empty() || self.statuses.contains(&status)
    }

    /// The findings listed, each with its identity.
    pub fn listed<'f>(
        &'f self,
        findings: &'f [Finding],
    ) -> impl Iterator<Item = (&'f Finding, String)> + 'f {
        findings.iter().filter_map(move |finding| {
            let id = finding.case_id();
            self.lists(self.status(&id)).then_some((finding, id))
        })
    }

    /// Findings of severity error that are still open (whatever is listed).
    pub fn open_errors(&self, findings: &[Finding]) -> usize {
        findings
            .iter()
            .filter(|f| self.is_open_error(f, || self.status(&f.case_id())))
            .count()
    }

    /// Whether `finding` is an error still open; `status` gives its decision (asked only when
    /// there is a review).
    pub fn is_open_error(&self, finding: &Finding, status: impl FnOnce() -> TriageStatus) -> bool {
        finding.severity == crate::checks::Severity::Error
            && (self.review.is_none() || status() == TriageStatus::Open)
    }
}

/// A finding as a report lists it: its identity (the key of its decision in a review file),
/// the finding's fields, and the decision (`open` and no comment when there is none).
pub struct TriagedFinding<'a> {
    pub id: String,
    /// The group of findings that share its cause ([`Finding::group_id`]).
    pub group: String,
    pub finding: &'a Finding,
    pub status: TriageStatus,
    pub comment: &'a str,
}

/// One flat object, as `#[serde(flatten)]` of the finding would give, written as a struct:
/// a flattened field goes through serde's map machinery field by field, which a report of
/// 600,000 findings feels.
impl Serialize for TriagedFinding<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("TriagedFinding", 20)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("group", &self.group)?;
        self.finding.serialize_fields(&mut s)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("comment", self.comment)?;
        s.end()
    }
}

/// The decisions of a review by finding identity, shared.
pub type Triages = Arc<BTreeMap<String, Triage>>;

/// Decisions of `triage` about findings that are not among `current`.
pub fn stale_count(triage: &BTreeMap<String, Triage>, current: &HashSet<&str>) -> usize {
    triage
        .keys()
        .filter(|id| !current.contains(id.as_str()))
        .count()
}

impl Default for Review {
    fn default() -> Self {
        Review::new(Vec::new())
    }
}

/// How a review file found on disk relates to the data just opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewMatch {
    /// There was no review file: a new review starts.
    New,
    /// The review belongs to exactly these data.
    Same,
    /// The review was made on other data (a file was changed, added or removed).
    DataChanged {
        /// Names of the files the review was made on.
        previous: Vec<String>,
    },
}

/// A review file that could not be read or written.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    #[error("{path}: cannot read the review file: {detail}")]
    Read { path: String, detail: String },
    #[error("{path}: expected a review file ({SCHEMA}), found {found}")]
    Format { path: String, found: String },
    #[error("{path}: cannot save the review: {detail}")]
    Write { path: String, detail: String },
    #[error("{path}: cannot write the findings: {detail}")]
    Export { path: String, detail: String },
}

impl Review {
    pub fn new(files: Vec<ReviewedFile>) -> Review {
        Review {
            schema: SCHEMA.to_string(),
            generated_by: crate::generated_by(),
            files,
            triage: Arc::default(),
            assessment: None,
            country: None,
            report: ReportTexts::default(),
        }
    }

    /// Reads a review file; `Ok(None)` when there is none.
    pub fn read(path: &Path) -> Result<Option<Review>, ReviewError> {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(ReviewError::Read {
                    path: shown,
                    detail: e.to_string(),
                });
            }
        };
        Review::from_json(&text, &shown).map(Some)
    }

    /// Parses a review from JSON; `shown` names the source in messages.
    pub fn from_json(text: &str, shown: &str) -> Result<Review, ReviewError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ReviewError::Format {
                path: shown.to_string(),
                found: format!("text that is not JSON ({e})"),
            })?;
        let schema = value.get("schema").and_then(|s| s.as_str());
        if schema != Some(SCHEMA) {
            return Err(ReviewError::Format {
                path: shown.to_string(),
                found: match schema {
                    Some(other) => format!("schema {other:?}"),
                    None => "no \"schema\" field".to_string(),
                },
            });
        }
        serde_json::from_value(value).map_err(|e| ReviewError::Format {
            path: shown.to_string(),
            found: e.to_string(),
        })
    }

    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// Writes the review atomically (a crash never leaves half a file).
    pub fn save(&self, path: &Path) -> Result<(), ReviewError> {
        let write_error = |detail: String| ReviewError::Write {
            path: path.display().to_string(),
            detail,
        };
        let json = self.to_json().map_err(|e| write_error(e.to_string()))?;
        crate::save::write_atomically(path, json.as_bytes()).map_err(|e| write_error(e.to_string()))
    }

    /// Compares the files the review was made on with the files opened now (by content hash,
    /// in any order). A review that names no file (written by hand or by a script) is taken
    /// as made on the data opened: there is nothing to compare.
    pub fn compare(&self, files: &[ReviewedFile]) -> ReviewMatch {
        if self.files.is_empty() {
            return ReviewMatch::Same;
        }
        let hashes = |list: &[ReviewedFile]| -> Vec<String> {
            let mut h: Vec<String> = list.iter().map(|f| f.sha256.clone()).collect();
            h.sort();
            h
        };
        if hashes(&self.files) == hashes(files) {
            ReviewMatch::Same
        } else {
            ReviewMatch::DataChanged {
                previous: self.files.iter().map(|f| f.name.clone()).collect(),
            }
        }
    }

    /// The triage of a finding; open with no comment when the reviewer has not touched it.
    pub fn triage(&self, case_id: &str) -> Option<&Triage> {
        self.triage.get(case_id)
    }

    pub fn status(&self, case_id: &str) -> TriageStatus {
        self.triage
            .get(case_id)
            .map(|t| t.status)
            .unwrap_or_default()
    }

    /// Sets the status of a finding, keeping its comment; returns whether anything changed.
    pub fn set_status(&mut self, case_id: &str, status: TriageStatus, now: &str) -> bool {
        !self.set_status_of(&[case_id], status, now).is_empty()
    }

    /// Sets the comment of a finding, keeping its status; returns whether anything changed.
    pub fn set_comment(&mut self, case_id: &str, comment: &str, now: &str) -> bool {
        if comment.is_empty() && !self.triage.contains_key(case_id) {
            return false;
        }
        let entry = Arc::make_mut(&mut self.triage)
            .entry(case_id.to_string())
            .or_default();
        if entry.comment == comment {
            return false;
        }
        entry.comment = comment.to_string();
        entry.changed = now.to_string();
        true
    }

    /// Sets the status of every finding of `case_ids`; returns the decisions that changed as
    /// they were before (for [`Review::restore`]).
    pub fn set_status_of(&mut self, case_ids: &[&str], status: TriageStatus, now: &str) -> Undo {
        let mut before = Vec::new();
        for &id in case_ids {
            // A decision is written when it is new or its status changes; what does not
            // change is not copied.
            match Arc::make_mut(&mut self.triage).get_mut(id) {
                Some(entry) if entry.status == status && !entry.changed.is_empty() => {}
                Some(entry) => {
                    before.push((id.to_string(), Some(entry.clone())));
                    entry.status = status;
                    entry.changed.clear();
                    entry.changed.push_str(now);
                }
                None => {
                    before.push((id.to_string(), None));
                    Arc::make_mut(&mut self.triage).insert(
                        id.to_string(),
                        Triage {
                            status,
                            changed: now.to_string(),
                            ..Triage::default()
                        },
                    );
                }
            }
        }
        Undo { before }
    }

    /// Sets the comment of every finding of `case_ids`, keeping their statuses; returns the
    /// decisions that changed as they were before (for [`Review::restore`]).
    pub fn set_comment_of(&mut self, case_ids: &[&str], comment: &str, now: &str) -> Undo {
        let mut before = Vec::new();
        for &id in case_ids {
            let previous = self.triage.get(id).cloned();
            if self.set_comment(id, comment, now) {
                before.push((id.to_string(), previous));
            }
        }
        Undo { before }
    }

    /// Puts decisions back as they were before a change.
    pub fn restore(&mut self, undo: Undo) {
        for (id, previous) in undo.before {
            match previous {
                Some(triage) => {
                    Arc::make_mut(&mut self.triage).insert(id, triage);
                }
                None => {
                    Arc::make_mut(&mut self.triage).remove(&id);
                }
            }
        }
    }

    /// Moves decisions saved under a finding's former identity to its current one
    /// ([`Finding::legacy_case_id`]: T2 and M2 findings had no location before), unless the
    /// current identity has a decision of its own; returns how many were moved.
    pub fn adopt_legacy(&mut self, findings: &[Finding]) -> usize {
        let mut moved = 0;
        for finding in findings {
            let Some(legacy) = finding.legacy_case_id() else {
                continue;
            };
            let current = finding.case_id();
            if legacy == current || self.triage.contains_key(&current) {
                continue;
            }
            if let Some(triage) = Arc::make_mut(&mut self.triage).remove(&legacy) {
                Arc::make_mut(&mut self.triage).insert(current, triage);
                moved += 1;
            }
        }
        moved
    }

    /// Decisions about findings that are not among the current ones (the data or the checks
    /// changed since they were made).
    pub fn stale_count(&self, current: &HashSet<&str>) -> usize {
        stale_count(&self.triage, current)
    }

    /// The import options remembered for a file of this name.
    pub fn options_for(&self, name: &str) -> Option<&ImportOptions> {
        self.files
            .iter()
            .find(|f| f.name == name)
            .map(|f| &f.options)
    }

    /// The import options remembered for a file: those of the same content (SHA-256) first,
    /// else those of a file of the same name (a newer version of it is read the same way).
    pub fn options_for_file(&self, name: &str, sha256: &str) -> Option<&ImportOptions> {
        self.files
            .iter()
            .find(|f| !f.sha256.is_empty() && f.sha256 == sha256)
            .or_else(|| self.files.iter().find(|f| f.name == name))
            .map(|f| &f.options)
    }

    /// Whether any file is read with options of its own (so reading them back needs the
    /// files' hashes).
    pub fn has_import_options(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.options != ImportOptions::default())
    }

    /// Remembers how to read a file (by its content and name), replacing what was remembered.
    pub fn set_options(&mut self, name: &str, sha256: &str, options: ImportOptions) {
        self.files
            .retain(|f| f.sha256 != sha256 && !(f.name == name && f.sha256.is_empty()));
        self.files.push(ReviewedFile {
            name: name.to_string(),
            sha256: sha256.to_string(),
            options,
        });
    }
}

/// The review file of a data set whose first file is `first_file`: beside it, named
/// `<stem>.review.json`.
pub fn review_path(first_file: &Path) -> PathBuf {
    let stem = first_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".to_string());
    let file_name = format!("{stem}.review.json");
    match first_file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(file_name),
        _ => PathBuf::from(file_name),
    }
}

/// The review file of the built-in sample data inside the app's data directory.
pub fn sample_review_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SAMPLE_REVIEW_FILE)
}

/// The current time as RFC 3339 in UTC, to the second (`2025-01-27T14:03:09Z`).
pub fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckCode;
    use crate::model::{Location, Sex, TableId};

    pub(super) fn finding_a1() -> Finding {
        Finding {
            year: Some(2010),
            sex: Some(Sex::T),
            expected: Some(4210.0),
            actual: Some(4190.0),
            message: crate::checks::Message::written(
                "Total 4,190 ≠ men 2,100 + women 2,110 = 4,210",
                "Итог 4 190 ≠ мужчины 2 100 + женщины 2 110 = 4 210",
            ),
            location: Some(Location::cell_of("KAZ.xlsx", "Table 3", 13, 3)),
            ..crate::checks::finding::example(CheckCode::A1)
        }
    }

    pub(super) fn files(hash: &str) -> Vec<ReviewedFile> {
        vec![ReviewedFile {
            name: "KAZ.xlsx".into(),
            sha256: hash.into(),
            options: ImportOptions::default(),
        }]
    }

    #[test]
    fn the_review_file_sits_beside_the_first_data_file() {
        assert_eq!(
            review_path(Path::new("/data/2024/KAZ.xlsx")),
            PathBuf::from("/data/2024/KAZ.review.json")
        );
        assert_eq!(
            review_path(Path::new("flows.csv")),
            PathBuf::from("flows.review.json")
        );
        assert_eq!(
            sample_review_path(Path::new("/home/u/.local/share/migreview")),
            PathBuf::from("/home/u/.local/share/migreview/sample.review.json")
        );
    }

    #[test]
    fn triage_survives_a_save_and_a_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("KAZ.review.json");
        let finding = finding_a1();
        let mut review = Review::new(files("abc"));
        assert!(review.set_status(
            &finding.case_id(),
            TriageStatus::Explained,
            "2025-01-27T14:03:09Z"
        ));
        assert!(review.set_comment(
            &finding.case_id(),
            "Men and women from the register, total from the survey",
            "2025-01-27T14:04:00Z"
        ));
        review.save(&path).expect("saved");
        let back = Review::read(&path).expect("readable").expect("present");
        let triage = back.triage(&finding.case_id()).expect("triage kept");
        assert_eq!(triage.status, TriageStatus::Explained);
        assert_eq!(
            triage.comment,
            "Men and women from the register, total from the survey"
        );
        assert_eq!(triage.changed, "2025-01-27T14:04:00Z");
        assert_eq!(back.compare(&files("abc")), ReviewMatch::Same);
        let text = std::fs::read_to_string(&path).expect("text");
        assert!(
            text.contains("\"schema\": \"migreview.review/1\""),
            "{text}"
        );
        assert!(text.contains("\"status\": \"explained\""), "{text}");
    }

    #[test]
    fn changed_data_keep_their_triage_and_count_stale_decisions() {
        let finding = finding_a1();
        let mut review = Review::new(files("old-hash"));
        review.set_status(&finding.case_id(), TriageStatus::Confirmed, "t1");
        review.set_status(
            "A1|3|KAZ|2011|T|TOTAL|RUS|gone",
            TriageStatus::FalseAlarm,
            "t2",
        );
        assert_eq!(
            review.compare(&files("new-hash")),
            ReviewMatch::DataChanged {
                previous: vec!["KAZ.xlsx".into()]
            }
        );
        // A review that names no file has nothing to compare with.
        assert_eq!(
            Review::new(Vec::new()).compare(&files("new-hash")),
            ReviewMatch::Same
        );
        let id = finding.case_id();
        let current: HashSet<&str> = [id.as_str()].into_iter().collect();
        assert_eq!(review.stale_count(&current), 1);
        assert_eq!(review.status(&id), TriageStatus::Confirmed);
        assert_eq!(review.status("not reviewed"), TriageStatus::Open);
    }

    #[test]
    fn a_file_that_is_not_a_review_says_what_was_expected() {
        let err = Review::from_json(r#"{"schema": "migreview.report/1"}"#, "x.review.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "x.review.json: expected a review file (migreview.review/1), found schema \"migreview.report/1\""
        );
        let err = Review::from_json("not json", "y.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("y.json: expected a review file"), "{err}");
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(Review::read(&dir.path().join("none.review.json")), Ok(None));
    }

    #[test]
    fn an_unchanged_comment_is_not_a_change() {
        let mut review = Review::default();
        assert!(!review.set_comment("id", "", "t0"));
        assert!(review.triage.is_empty());
        assert!(review.set_comment("id", "checked with the office", "t1"));
        assert!(!review.set_comment("id", "checked with the office", "t2"));
        assert_eq!(review.triage("id").map(|t| t.changed.as_str()), Some("t1"));
    }

    #[test]
    fn changes_of_many_are_undone_to_what_each_was() {
        let mut review = Review::default();
        review.set_status("a", TriageStatus::Confirmed, "t0");
        review.set_comment("a", "asked", "t0");
        let before = review.clone();
        let undo = review.set_status_of(&["a", "b", "c"], TriageStatus::FalseAlarm, "t1");
        assert_eq!(undo.before.len(), 3);
        assert_eq!(review.status("b"), TriageStatus::FalseAlarm);
        // The same again changes nothing, and has nothing to undo.
        assert!(
            review
                .set_status_of(&["a", "b"], TriageStatus::FalseAlarm, "t2")
                .is_empty()
        );
        // Keystrokes of a comment joined into one step keep each finding's oldest state.
        let mut typing = review.set_comment_of(&["a", "b"], "d", "t3");
        typing.merge_earlier(review.set_comment_of(&["a", "b"], "de", "t4"));
        assert_eq!(typing.before.len(), 2);
        assert_eq!(review.triage("a").map(|t| t.comment.as_str()), Some("de"));
        review.restore(typing);
        assert_eq!(
            review.triage("a").map(|t| t.comment.as_str()),
            Some("asked")
        );
        assert_eq!(review.triage("b").map(|t| t.comment.as_str()), Some(""));
        review.restore(undo);
        assert_eq!(
            review, before,
            "b and c had no decision: they have none again"
        );
    }

    #[test]
    fn import_options_are_found_by_content_then_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("flows.review.json");
        let header_on_row_3 = ImportOptions {
            header_row: Some(3),
            table: Some(TableId::T3),
            ..ImportOptions::default()
        };
        let mut review = Review::new(files("aaa"));
        assert!(!review.has_import_options());
        review.set_options("arrivals.csv", "bbb", header_on_row_3.clone());
        review.save(&path).expect("saved");
        let back = Review::read(&path).expect("readable").expect("present");
        assert!(back.has_import_options());
        // The same content under another name is read the same way.
        assert_eq!(
            back.options_for_file("copy of arrivals.csv", "bbb"),
            Some(&header_on_row_3)
        );
        // A new version of the file keeps the choices made for its name.
        assert_eq!(
            back.options_for_file("arrivals.csv", "ccc"),
            Some(&header_on_row_3)
        );
        assert_eq!(
            back.options_for_file("KAZ.xlsx", "aaa"),
            Some(&ImportOptions::default())
        );
        assert_eq!(back.options_for_file("other.csv", "ddd"), None);
        // Choosing again replaces the entry of that content.
        let mut again = back.clone();
        again.set_options("arrivals.csv", "bbb", ImportOptions::default());
        assert_eq!(again.files.len(), 2);
        assert!(!again.has_import_options());
    }

    #[test]
    fn an_assessment_is_kept_in_the_review_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("KAZ.review.json");
        let mut review = Review::new(files("abc"));
        review.save(&path).expect("saved");
        let without = std::fs::read_to_string(&path).expect("text");
        assert!(!without.contains("assessment"), "{without}");
        let mut assessment = crate::assess::Assessment::new();
        let mut country = crate::assess::CountryAssessment::new("KAZ");
        let mut register = crate::assess::DataSource::new(
            "KAZ-REG",
            "Register",
            crate::assess::SourceKind::PopulationRegister,
        );
        register
            .set_final(
                crate::assess::Criterion::Timeliness,
                crate::assess::Score::new(1).expect("a score"),
                "",
            )
            .expect("no suggestion to differ from");
        country.add_source(register).expect("new id");
        assessment.countries.push(country);
        review.assessment = Some(assessment.clone());
        review.save(&path).expect("saved");
        let back = Review::read(&path).expect("readable").expect("present");
        assert_eq!(back.assessment, Some(assessment));
        // A review written before assessments were kept still reads.
        let old = Review::from_json(&without, "old").expect("readable");
        assert_eq!(old.assessment, None);
    }

    #[test]
    fn timestamps_are_rfc3339_utc_seconds() {
        let now = now_rfc3339();
        assert_eq!(now.len(), "2025-01-27T14:03:09Z".len(), "{now}");
        assert!(now.ends_with('Z'), "{now}");
        assert!(now.parse::<jiff::Timestamp>().is_ok(), "{now}");
    }
}
