//! The review report: the public, versioned JSON contract of `docs/report.md`, fed to the GUI,
//! the exports and scripts.

pub mod canonical;
mod ess;
mod json;

use crate::assess::ReportEvidence;
use crate::checks::{
    Check, CheckContext, CheckIndex, CheckOutput, CheckSummary, Finding, Severity,
};
use crate::load::{LoadError, LoadReport};
use crate::mirror::MirrorReport;
use crate::model::{Dataset, DatasetSummary, Lang};
use crate::review::{TriageStatus, Triaged, TriagedFinding};
use crate::settings::Settings;
use serde::{Deserialize, Serialize};

/// The schema of the report; fields are added, never renamed or removed, within a version.
pub const SCHEMA: &str = "migreview.report/1";

/// One input as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputSummary {
    pub path: String,
    /// SHA-256 of the file's bytes, also of a file that was refused; `null` when there is no
    /// regular file to read (missing, a directory, a FIFO).
    pub sha256: Option<String>,
    pub layout: Option<String>,
    pub encoding: Option<String>,
    /// `null` when the file could not be read.
    pub observations: Option<usize>,
    /// `null` when the file could not be read.
    pub skipped_rows: Option<usize>,
    pub load_messages: Vec<String>,
    /// Why the file could not be read, `null` when it was.
    #[serde(default)]
    pub error: Option<String>,
}

impl InputSummary {
    pub fn from_report(report: &LoadReport) -> InputSummary {
        let mut messages = report.messages.clone();
        messages.extend(
            report
                .skipped
                .iter()
                .map(|s| format!("skipped {}: {}", s.location, s.reason)),
        );
        if report.skipped_rows > report.skipped.len() {
            messages.push(format!(
                "… and {} more skipped rows",
                report.skipped_rows - report.skipped.len()
            ));
        }
        InputSummary {
            path: report.path.display().to_string(),
            sha256: Some(report.sha256.clone()),
            layout: Some(report.layout.as_str().to_string()),
            encoding: report.encoding.clone(),
            observations: Some(report.observations),
            skipped_rows: Some(report.skipped_rows),
            load_messages: messages,
            error: None,
        }
    }

    /// A file that could not be read. Its SHA-256 is still given when it is a regular file (a
    /// refused file is named by its content too); `null` when there is none (missing, a
    /// directory, a FIFO).
    pub fn from_error(path: &str, error: &LoadError) -> InputSummary {
        InputSummary {
            path: path.to_string(),
            sha256: crate::load::file_sha256(std::path::Path::new(path)),
            layout: None,
            encoding: None,
            observations: None,
            skipped_rows: None,
            load_messages: vec![error.to_string()],
            error: Some(error.to_string()),
        }
    }
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub generated_by: String,
    pub inputs: Vec<InputSummary>,
    pub dataset: DatasetSummary,
    /// The settings the checks and measures used.
    pub settings: Settings,
    pub checks: Vec<CheckSummary>,
    pub findings: Vec<Finding>,
    pub mirror: MirrorReport,
    /// The data-source assessment, when the review has one.
    #[serde(default)]
    pub assessment: Option<crate::assess::Assessment>,
    /// Why the run checked nothing (no observation was read from any input), `null` when
    /// something was read.
    #[serde(default)]
    pub error: Option<String>,
}

/// Checks with their places in the registry.
type Placed<'c> = Vec<(usize, &'c dyn Check)>;

impl Report {
    /// Gives the report its assessment, and the undercount classes the metadata scores of that
    /// assessment (`docs/domain.md#undercount-classes`).
    pub fn set_assessment(&mut self, assessment: Option<crate::assess::Assessment>) {
        let metadata = assessment
            .as_ref()
            .map(crate::assess::metadata::undercount_metadata)
            .unwrap_or_default();
        self.mirror.undercount = crate::mirror::undercount::with_metadata(
            &self.mirror.undercount,
            &metadata,
            &self.settings.mirror,
        );
        self.assessment = assessment;
    }

    /// A report of what was loaded, before any check ran.
    pub fn new(inputs: Vec<InputSummary>, dataset: &Dataset, settings: &Settings) -> Report {
        Report {
            schema: SCHEMA.to_string(),
            generated_by: crate::generated_by(),
            inputs,
            dataset: dataset.summary(),
            settings: settings.clone(),
            checks: Vec::new(),
            findings: Vec::new(),
            mirror: MirrorReport::default(),
            assessment: None,
            error: None,
        }
    }

    /// The report before the checks ran: the same inputs, data set summary, settings,
    /// assessment and error, no checks, findings or mirror statistics.
    pub fn without_results(&self) -> Report {
        Report {
            schema: self.schema.clone(),
            generated_by: self.generated_by.clone(),
            inputs: self.inputs.clone(),
            dataset: self.dataset.clone(),
            settings: self.settings.clone(),
            checks: Vec::new(),
            findings: Vec::new(),
            mirror: MirrorReport::default(),
            assessment: self.assessment.clone(),
            error: self.error.clone(),
        }
    }

    /// Runs everything on a loaded data set: the mirror statistics and every registered check.
    pub fn build(inputs: Vec<InputSummary>, dataset: &Dataset, settings: &Settings) -> Report {
        let mut report = Report::new(inputs, dataset, settings);
        // The mirror statistics are computed beside the checks' index and the checks that do
        // not read them; the checks that read them (M1, M2) run after. The outputs come in the
        // order of the registry either way.
        let registry = crate::checks::registry();
        let (after, beside): (Placed<'_>, Placed<'_>) = registry
            .iter()
            .map(AsRef::as_ref)
            .enumerate()
            .partition(|(_, check)| check.reads_mirror());
        fn context<'a>(
            dataset: &'a Dataset,
            settings: &'a Settings,
            index: &'a CheckIndex,
            mirror: Option<&'a MirrorReport>,
        ) -> CheckContext<'a> {
            CheckContext {
                dataset,
                settings: &settings.checks,
                mirror_settings: &settings.mirror,
                mirror,
                index,
            }
        }
        fn checks<'c>(listed: &Placed<'c>) -> Vec<&'c dyn Check> {
            listed.iter().map(|&(_, check)| check).collect()
        }
        let ((index, outputs_beside), mirror) = crate::parallel::join(
            || {
                let index = CheckIndex::build(dataset);
                let outputs = crate::checks::run_in_context(
                    &checks(&beside),
                    &context(dataset, settings, &index, None),
                );
                (index, outputs)
            },
            || crate::mirror::analyse(dataset, &settings.mirror),
        );
        report.mirror = mirror;
        let outputs_after = crate::checks::run_in_context(
            &checks(&after),
            &context(dataset, settings, &index, Some(&report.mirror)),
        );
        drop(index);
        let mut placed: Vec<(usize, CheckOutput)> = beside
            .iter()
            .map(|&(at, _)| at)
            .zip(outputs_beside)
            .chain(after.iter().map(|&(at, _)| at).zip(outputs_after))
            .collect();
        placed.sort_by_key(|&(at, _)| at);
        let outputs: Vec<CheckOutput> = placed.into_iter().map(|(_, output)| output).collect();
        report.checks = outputs.iter().map(|o| o.summary(Lang::En)).collect();
        report.findings = concatenate(outputs.into_iter().map(|o| o.findings).collect());
        report
    }

    /// Findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Writes the report as JSON, as [`Report::to_json`] gives it, without building the text
    /// in memory first.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_json_triaged(out, &Triaged::none(), None)
    }

    /// Writes the report with each finding's decision in `triaged`'s review, listing the
    /// findings of the statuses it lists; `review` says what was read.
    pub fn write_json_triaged(
        &self,
        out: &mut dyn std::io::Write,
        triaged: &Triaged,
        review: Option<&ReviewSummary>,
    ) -> std::io::Result<()> {
        json::write(out, &self.json_view(triaged, review))
    }

    fn json_view<'a>(
        &'a self,
        triaged: &'a Triaged<'a>,
        review: Option<&'a ReviewSummary>,
    ) -> JsonView<'a> {
        JsonView {
            schema: &self.schema,
            generated_by: &self.generated_by,
            inputs: &self.inputs,
            dataset: &self.dataset,
            settings: &self.settings,
            checks: &self.checks,
            findings: FindingsJson {
                findings: &self.findings,
                triaged,
            },
            mirror: &self.mirror,
            assessment: &self.assessment,
            error: &self.error,
            review,
        }
    }

    pub fn to_json(&self) -> String {
        let mut text = Vec::new();
        match self.write_json(&mut text) {
            Ok(()) => String::from_utf8(text)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => {
                format!("{{\"schema\": \"{SCHEMA}\", \"error\": \"cannot write the report: {e}\"}}")
            }
        }
    }
}

/// What a report written with a review says of it (`check --review`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewSummary {
    /// The review file read.
    pub path: String,
    /// Decisions in it.
    pub decisions: usize,
    /// Decisions about findings this report does not have.
    pub stale: usize,
    /// The statuses listed (`--status`); empty: all.
    pub statuses: Vec<TriageStatus>,
    /// The findings listed.
    pub listed: usize,
    /// Findings of severity error that are still open.
    pub open_errors: usize,
}

impl ReviewSummary {
    /// The summary of `triaged` over `findings`, its review read from `path`.
    pub fn new(path: String, triaged: &Triaged, findings: &[Finding]) -> ReviewSummary {
        let review = triaged.review();
        // Each finding's identity and decision, made once.
        let ids: Vec<String> = findings.iter().map(Finding::case_id).collect();
        let statuses: Vec<TriageStatus> = ids.iter().map(|id| triaged.status(id)).collect();
        let current: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        ReviewSummary {
            path,
            decisions: review.map_or(0, |r| r.triage.len()),
            stale: review.map_or(0, |r| r.stale_count(&current)),
            statuses: triaged.statuses().to_vec(),
            listed: statuses.iter().filter(|&&s| triaged.lists(s)).count(),
            open_errors: findings
                .iter()
                .zip(&statuses)
                .filter(|&(f, &s)| triaged.is_open_error(f, || s))
                .count(),
        }
    }
}

/// The lists one after the other, never holding an item twice: the longest list (A1's on a
/// run with hundreds of thousands of findings) becomes the whole, the lists before it are put in
/// front of it and those after it appended, each freed once moved. Gathered into a new list,
/// every finding would be held twice until the last was moved.
fn concatenate<T>(mut lists: Vec<Vec<T>>) -> Vec<T> {
    let Some(longest) = (0..lists.len()).max_by_key(|&i| lists[i].len()) else {
        return Vec::new();
    };
    let total: usize = lists.iter().map(Vec::len).sum();
    let mut all = std::mem::take(&mut lists[longest]);
    all.reserve_exact(total - all.len());
    let before: Vec<T> = lists.drain(..longest).flatten().collect();
    all.splice(0..0, before);
    for list in lists.drain(1..) {
        append_freeing(&mut all, list);
    }
    all
}

/// Appends `list` to `all`, a block at a time from its end, the list giving its memory back
/// as it shrinks: T1's 124,000 findings on a random file are never held twice (moved at once,
/// all of them would be until the list is dropped).
fn append_freeing<T>(all: &mut Vec<T>, mut list: Vec<T>) {
    // A block of findings takes a few MB, above the size the allocator maps on its own, so each
    // is given back when freed.
    const BLOCK: usize = 1 << 14;
    let mut blocks = Vec::new();
    while list.len() > BLOCK {
        blocks.push(list.split_off(list.len() - BLOCK));
        list.shrink_to_fit();
    }
    all.append(&mut list);
    drop(list);
    for block in blocks.into_iter().rev() {
        all.extend(block);
    }
}

/// The report as written: the findings with their identity and decision.
#[derive(Serialize)]
struct JsonView<'a> {
    schema: &'a str,
    generated_by: &'a str,
    inputs: &'a [InputSummary],
    dataset: &'a DatasetSummary,
    settings: &'a Settings,
    checks: &'a [CheckSummary],
    findings: FindingsJson<'a>,
    mirror: &'a MirrorReport,
    assessment: &'a Option<crate::assess::Assessment>,
    error: &'a Option<String>,
    /// Only when a review was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<&'a ReviewSummary>,
}

/// The findings listed, streamed one by one.
struct FindingsJson<'a> {
    findings: &'a [Finding],
    triaged: &'a Triaged<'a>,
}

impl<'a> FindingsJson<'a> {
    /// The findings of `run` that are listed, with their identity and decision.
    fn listed<'f>(
        run: &'f [Finding],
        triaged: &'f Triaged<'a>,
    ) -> impl Iterator<Item = TriagedFinding<'f>> + 'f {
        triaged.listed(run).map(|(finding, id)| {
            let triage = triaged.triage(&id);
            TriagedFinding {
                // A finding on its own is its own group: its identity, already written.
                group: finding.shared_group_id().unwrap_or_else(|| id.clone()),
                status: triage.map(|t| t.status).unwrap_or_default(),
                comment: triage.map_or("", |t| t.comment.as_str()),
                id,
                finding,
            }
        })
    }
}

/// What [`json::write`] writes, as serde writes it: the reference the tests compare with.
impl Serialize for FindingsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(FindingsJson::listed(self.findings, self.triaged))
    }
}

impl ReportEvidence {
    /// The evidence of a report for the suggestions: the checks that ran and the country ratios
    /// of its mirror statistics.
    pub fn from_report(report: &Report) -> ReportEvidence {
        ReportEvidence::new(&report.checks, &report.mirror)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckCode;
    use crate::review::Review;

    #[test]
    fn lists_are_concatenated_in_order_wherever_the_longest_is() {
        let lists = |longest: usize| -> Vec<Vec<u32>> {
            let mut next = 0;
            (0..4)
                .map(|k| {
                    let len = if k == longest { 5 } else { k };
                    (0..len)
                        .map(|_| {
                            next += 1;
                            next
                        })
                        .collect()
                })
                .collect()
        };
        for longest in 0..4 {
            let all = concatenate(lists(longest));
            let expected: Vec<u32> = (1..=all.len() as u32).collect();
            assert_eq!(all, expected, "longest list at {longest}");
            assert_eq!(all.len(), 11 - longest);
        }
        assert_eq!(concatenate::<u8>(Vec::new()), Vec::<u8>::new());
        let long: Vec<u32> = (0..100_000).collect();
        let after: Vec<u32> = (100_000..150_001).collect();
        let all = concatenate(vec![vec![u32::MAX], long, after]);
        assert_eq!(all.len(), 150_002);
        assert!(all[0] == u32::MAX && all[1..].iter().zip(0..).all(|(&a, b)| a == b));
        assert_eq!(concatenate(vec![vec![], vec![7], vec![]]), vec![7]);
    }

    /// A run with findings of every kind of message (a sum, a jump, a mirror pair, a text
    /// written when found).
    fn flows_report() -> Report {
        let mut csv = String::from("table,reporter,year,sex,category,value\n");
        for year in 2000..=2012 {
            let kaz = if year == 2008 {
                10_000
            } else {
                1_000 + 10 * (year - 2000)
            };
            csv.push_str(&format!(
                "3,KAZ,{year},T,RUS,{kaz}\n4,RUS,{year},T,KAZ,100\n"
            ));
        }
        csv.push_str("3,KAZ,2001,M,RUS,300\n3,KAZ,2001,F,RUS,400\n3,KAZ,2003,T,Kirgizzztan,5\n");
        let loaded = crate::load::load_bytes(
            std::path::Path::new("flows.csv"),
            csv.as_bytes(),
            &crate::load::ImportOptions::default(),
            &crate::load::LoadControl::new(),
        );
        let dataset = loaded.map(|(dataset, _)| dataset).unwrap_or_default();
        Report::build(Vec::new(), &dataset, &Settings::default())
    }

    /// The findings of [`flows_report`], each repeated for many years: enough for the
    /// writer's runs.
    fn many_findings() -> Report {
        let mut report = flows_report();
        let once = std::mem::take(&mut report.findings);
        for year in 1..=6_000 / once.len().max(1) as u16 {
            report
                .findings
                .extend(once.iter().cloned().map(|f| match year % 4 {
                    // Locations of every kind and texts to escape, for the writer.
                    1 => Finding {
                        year: Some(year),
                        location: Some(crate::model::Location::cell_of(
                            "v2019/\"KAZ\".xlsx",
                            "Table 3 \\ men",
                            u32::from(year),
                            usize::from(year % 30),
                        )),
                        ..f
                    },
                    2 => Finding {
                        year: Some(year),
                        location: None,
                        reporter: None,
                        age: None,
                        ..f
                    },
                    3 => Finding {
                        year: Some(year),
                        category: Some("Côte d\"Ivoire\n".into()),
                        ..f
                    },
                    _ => Finding {
                        year: Some(year),
                        ..f
                    },
                }));
        }
        report
    }

    /// The checks run in two groups (beside the mirror statistics, and after them those that
    /// read them), and come out in the registry's order, their findings too.
    #[test]
    fn checks_and_findings_come_in_the_registry_order() {
        let report = flows_report();
        let registry: Vec<_> = crate::checks::registry().iter().map(|c| c.code()).collect();
        let run: Vec<_> = report.checks.iter().map(|c| c.check).collect();
        assert_eq!(run, registry);
        let mirror_at = registry.iter().position(|&c| c == CheckCode::M1);
        assert!(
            mirror_at.is_some_and(|at| at + 2 == registry.len()),
            "{registry:?}"
        );
        // Findings by check in the same order: A1 and T1 before the M1 of the pair KAZ–RUS.
        let places: Vec<usize> = report
            .findings
            .iter()
            .filter_map(|f| registry.iter().position(|&c| c == f.check))
            .collect();
        assert!(places.is_sorted(), "findings out of the registry's order");
        let found: std::collections::BTreeSet<_> =
            report.findings.iter().map(|f| f.check).collect();
        for code in [CheckCode::A1, CheckCode::T1, CheckCode::M1] {
            assert!(found.contains(&code), "{code:?} in {found:?}");
        }
    }

    /// The report is written as serde_json's pretty printer writes it, byte for byte, also
    /// when a review's decisions are given and only some statuses listed.
    #[test]
    fn the_report_is_written_as_serde_writes_it() {
        let report = many_findings();
        let kinds: std::collections::HashSet<_> = report
            .findings
            .iter()
            .map(|f| std::mem::discriminant(&f.message))
            .collect();
        assert_eq!(kinds.len(), 4, "written, sum, jump and mirror messages");
        assert!(
            report.findings.len() > 2 * json::RUN,
            "{}",
            report.findings.len()
        );
        let ids: Vec<String> = report.findings.iter().map(Finding::case_id).collect();
        let mut review = Review::new(Vec::new());
        for id in ids.iter().step_by(3) {
            review.set_status(id, TriageStatus::Explained, "2026-12-07T12:00:00Z");
            review.set_comment(id, "asked \"the office\"\nby mail", "2026-12-07T12:00:00Z");
        }
        let all: &[TriageStatus] = &[];
        let explained = &[TriageStatus::Explained];
        let nothing = &[TriageStatus::Confirmed];
        for (review, statuses) in [
            (None, all),
            (Some(&review), all),
            (Some(&review), explained),
            (Some(&review), nothing),
        ] {
            let triaged = Triaged::new(review, statuses);
            let summary =
                review.map(|_| ReviewSummary::new("r.json".into(), &triaged, &report.findings));
            let mut written = Vec::new();
            assert!(
                report
                    .write_json_triaged(&mut written, &triaged, summary.as_ref())
                    .is_ok()
            );
            let by_serde =
                serde_json::to_string_pretty(&report.json_view(&triaged, summary.as_ref()))
                    .unwrap_or_default()
                    + "\n";
            let written = String::from_utf8_lossy(&written);
            let at = written
                .char_indices()
                .zip(by_serde.chars())
                .find(|((_, a), b)| a != b)
                .map_or(written.len().min(by_serde.len()), |((at, _), _)| at);
            assert!(
                written == by_serde,
                "statuses {statuses:?}: the report differs from serde's at byte {at}: {:?} ≠ {:?}",
                written
                    .get(at.saturating_sub(60)..)
                    .unwrap_or("")
                    .chars()
                    .take(120)
                    .collect::<String>(),
                by_serde
                    .get(at.saturating_sub(60)..)
                    .unwrap_or("")
                    .chars()
                    .take(120)
                    .collect::<String>(),
            );
        }
        let empty = Report::new(Vec::new(), &Dataset::new(), &Settings::default());
        assert_eq!(
            empty.to_json(),
            serde_json::to_string_pretty(&empty.json_view(&Triaged::none(), None))
                .unwrap_or_default()
                + "\n"
        );
    }

    #[test]
    fn an_empty_report_follows_the_contract() {
        let report = Report::new(Vec::new(), &Dataset::new(), &Settings::default());
        let json: serde_json::Value =
            serde_json::from_str(&report.to_json()).unwrap_or(serde_json::Value::Null);
        assert_eq!(json["schema"], "migreview.report/1");
        assert_eq!(json["dataset"]["observations"], 0);
        assert!(json["dataset"]["years"].is_null());
        assert!(json["checks"].as_array().is_some_and(|a| a.is_empty()));
        assert!(
            json["mirror"]["pairs"]
                .as_array()
                .is_some_and(|a| a.is_empty())
        );
    }
}
