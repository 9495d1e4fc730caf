//! What is open: the data set, how each file loaded, the report and the review, plus the indexes
//! the panels need so that no frame has to scan a million observations. Built on the loading
//! thread and swapped in whole. No egui here.

use crate::checks::{CheckCode, Dimension, Finding, Severity};
use crate::coverage::{MirrorCoverage, TableCoverage};
use crate::load::{ImportOptions, LoadError, LoadReport};
use crate::model::{Dataset, Lang, ObsKey, Sex, Sym, TableId};
use crate::report::Report;
use crate::review::{Review, ReviewMatch, ReviewedFile, Triage, Triages};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where the data of a session came from.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionSource {
    /// Nothing is open.
    Empty,
    /// The built-in synthetic sample data.
    Sample,
    /// Files the user opened.
    Files(Vec<PathBuf>),
    /// A workshop lesson's data (synthetic), by the lesson's id.
    Lesson(String),
}

/// One input and what became of it.
#[derive(Clone, Debug)]
pub struct FileSummary {
    pub path: PathBuf,
    pub name: String,
    pub result: Result<LoadReport, LoadError>,
    /// The import options the file was read with.
    pub options: ImportOptions,
    /// Reporters, tables and years of the observations read from this file.
    pub reporters: Vec<String>,
    pub tables: Vec<TableId>,
    pub years: Option<[u16; 2]>,
}

/// How the review of this session relates to a review file on disk.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewState {
    /// No review file existed: a new one is written on the first change.
    New,
    /// The review of these very data was restored.
    Restored { decisions: usize },
    /// A review of other data (changed files) was loaded; the user is warned.
    DataChanged { previous: Vec<String> },
    /// The review file exists but cannot be read: it is left alone and changes are not saved.
    Unreadable(String),
    /// There is nowhere to save the review (no data directory for the sample).
    NowhereToSave,
}

impl ReviewState {
    /// Whether changes are written to the review file.
    pub fn saves(&self) -> bool {
        !matches!(
            self,
            ReviewState::Unreadable(_) | ReviewState::NowhereToSave
        )
    }
}

/// Findings counted by severity (`[error, warning, info]`).
pub type SeverityCounts = [usize; 3];

/// The scorecard of the Overview: findings by severity, dimension, check, table and country.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scorecard {
    pub by_severity: SeverityCounts,
    pub by_dimension: Vec<(Dimension, SeverityCounts)>,
    pub by_check: Vec<(CheckCode, SeverityCounts)>,
    /// `None`: findings about no single table.
    pub by_table: Vec<(Option<TableId>, SeverityCounts)>,
    /// Most findings first; `None`: findings about no single reporter.
    pub by_country: Vec<(Option<String>, SeverityCounts)>,
    pub not_evaluable: usize,
}

pub fn severity_slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl Scorecard {
    pub fn build(findings: &[Finding]) -> Scorecard {
        let mut card = Scorecard::default();
        let mut by_dimension: BTreeMap<Dimension, SeverityCounts> = BTreeMap::new();
        let mut by_check: BTreeMap<CheckCode, SeverityCounts> = BTreeMap::new();
        let mut by_table: BTreeMap<Option<TableId>, SeverityCounts> = BTreeMap::new();
        let mut by_country: HashMap<Option<&str>, SeverityCounts> = HashMap::new();
        for finding in findings {
            let slot = severity_slot(finding.severity);
            card.by_severity[slot] += 1;
            by_dimension.entry(finding.dimension).or_default()[slot] += 1;
            by_check.entry(finding.check).or_default()[slot] += 1;
            by_table.entry(finding.table).or_default()[slot] += 1;
            by_country.entry(finding.reporter.as_deref()).or_default()[slot] += 1;
            if finding.outcome == crate::checks::Outcome::NotEvaluable {
                card.not_evaluable += 1;
            }
        }
        card.by_dimension = by_dimension.into_iter().collect();
        card.by_check = by_check.into_iter().collect();
        card.by_table = by_table.into_iter().collect();
        let mut countries: Vec<(Option<String>, SeverityCounts)> = by_country
            .into_iter()
            .map(|(code, counts)| (code.map(str::to_string), counts))
            .collect();
        countries.sort_by(|a, b| {
            let total = |c: &SeverityCounts| c.iter().sum::<usize>();
            total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.cmp(&b.0))
        });
        card.by_country = countries;
        card
    }
}

/// The observations of one reporter in one table.
#[derive(Clone, Debug, Default)]
pub struct ReporterSlice {
    pub reporter: Sym,
    /// Indexes into [`Dataset::obs`], by `Sex as usize`.
    pub obs: [Vec<u32>; 4],
}

impl ReporterSlice {
    /// Whether the reporter gave this table for this sex.
    pub fn has(&self, sex: Sex) -> bool {
        !self.obs[sex as usize].is_empty()
    }

    pub fn obs_of(&self, sex: Sex) -> &[u32] {
        &self.obs[sex as usize]
    }
}

/// The observations of each table, by reporter (sorted by code), then by sex.
pub type Slices = BTreeMap<TableId, Vec<ReporterSlice>>;

fn build_slices(dataset: &Dataset) -> Slices {
    let mut slices: BTreeMap<TableId, HashMap<Sym, ReporterSlice>> = BTreeMap::new();
    for (i, obs) in dataset.obs().iter().enumerate() {
        let slice = slices
            .entry(obs.table)
            .or_default()
            .entry(obs.reporter)
            .or_insert_with(|| ReporterSlice {
                reporter: obs.reporter,
                ..ReporterSlice::default()
            });
        slice.obs[obs.sex as usize].push(i as u32);
    }
    slices
        .into_iter()
        .map(|(table, by_reporter)| {
            let mut list: Vec<ReporterSlice> = by_reporter.into_values().collect();
            list.sort_by(|a, b| dataset.str(a.reporter).cmp(dataset.str(b.reporter)));
            (table, list)
        })
        .collect()
}

/// Lookups of the findings, built once per report.
#[derive(Clone, Debug, Default)]
pub struct SessionIndex {
    /// [`Finding::case_id`] of every finding, in report order.
    pub case_ids: Vec<String>,
    /// The observation key each finding is about, when it names one that exists in the data.
    pub finding_cell: Vec<Option<ObsKey>>,
    /// Findings by the observation they are about.
    pub by_cell: rustc_hash::FxHashMap<ObsKey, Vec<u32>>,
    pub scorecard: Scorecard,
    /// What the search box looks through, per finding, in English and in Russian.
    pub search_text: [Vec<String>; 2],
    /// The group of each finding ([`Finding::group_id`]), numbered: findings of one cause
    /// share a number.
    pub group: Vec<u32>,
}

impl SessionIndex {
    /// The searchable text of each finding in a language.
    pub fn search_text(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.search_text[0],
            Lang::Ru => &self.search_text[1],
        }
    }
}

/// The text the search box looks through: message, check, reporter, partner and where, in lower
/// case.
pub fn search_text(finding: &Finding, lang: Lang) -> String {
    let message = finding.message(lang);
    let mut text = String::with_capacity(message.len() + 96);
    push_lowercase(&mut text, &message);
    for part in [
        finding.check.as_str(),
        finding.reporter.as_deref().unwrap_or(""),
        finding.category.as_deref().unwrap_or(""),
    ] {
        text.push(' ');
        push_lowercase(&mut text, part);
    }
    if let Some(location) = &finding.location {
        text.push(' ');
        push_lowercase(&mut text, &location.to_string());
    }
    text
}

/// Appends `text` in lower case, as `str::to_lowercase` writes it: Latin and Russian letters
/// directly (the messages are in English and Russian, and a session may hold hundreds of
/// thousands of them), other letters by their Unicode mapping. A capital sigma, whose lower case
/// depends on its place in a word, sends the whole text through `str::to_lowercase`.
fn push_lowercase(out: &mut String, text: &str) {
    if text.contains('Σ') {
        out.push_str(&text.to_lowercase());
        return;
    }
    // Runs of characters that are already lower case are copied whole.
    let mut run = 0;
    for (at, ch) in text.char_indices() {
        let shifted = match ch {
            'A'..='Z' | '\u{410}'..='\u{42F}' => u32::from(ch) + 0x20,
            '\u{400}'..='\u{40F}' => u32::from(ch) + 0x50,
            // ASCII, Russian small letters, and punctuation, symbols and mathematical
            // operators (≠, –, ›), which have no case.
            _ if ch.is_ascii()
                || ('\u{430}'..='\u{45F}').contains(&ch)
                || ('\u{2000}'..='\u{20FF}').contains(&ch)
                || ('\u{2200}'..='\u{22FF}').contains(&ch) =>
            {
                continue;
            }
            _ => 0,
        };
        out.push_str(text.get(run..at).unwrap_or_default());
        run = at + ch.len_utf8();
        match char::from_u32(shifted).filter(|_| shifted != 0) {
            Some(lower) => out.push(lower),
            None => out.extend(ch.to_lowercase()),
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
}

/// Decisions of a triage whose finding is not among `case_ids` (none to look for when the
/// review has none).
fn stale_count(triage: &BTreeMap<String, Triage>, case_ids: &[String]) -> usize {
    if triage.is_empty() {
        return 0;
    }
    let current: HashSet<&str> = case_ids.iter().map(String::as_str).collect();
    crate::review::stale_count(triage, &current)
}

impl SessionIndex {
    pub fn build(dataset: &Dataset, findings: &[Finding]) -> SessionIndex {
        let total = dataset.sym("TOTAL");
        let mut by_cell: rustc_hash::FxHashMap<ObsKey, Vec<u32>> = Default::default();
        let finding_cell: Vec<Option<ObsKey>> = findings
            .iter()
            .enumerate()
            .map(|(i, finding)| {
                let key = cell_of(dataset, finding, total)?;
                by_cell.entry(key).or_default().push(i as u32);
                Some(key)
            })
            .collect();
        // The texts of each finding (its identity, what the search looks through in both
        // languages) are made on every core, in blocks of findings.
        let blocks: Vec<&[Finding]> = findings.chunks(4096).collect();
        let texts = crate::parallel::map_in_order(&blocks, |block| {
            block
                .iter()
                .map(|f| {
                    (
                        f.case_id(),
                        f.shared_group_id(),
                        search_text(f, Lang::En),
                        search_text(f, Lang::Ru),
                    )
                })
                .collect::<Vec<_>>()
        });
        let mut case_ids = Vec::with_capacity(findings.len());
        let mut search_en = Vec::with_capacity(findings.len());
        let mut search_ru = Vec::with_capacity(findings.len());
        let mut group = Vec::with_capacity(findings.len());
        // Groups are numbered in order; a finding that stands alone takes a number of its own
        // (no string to look up).
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut next = 0u32;
        let mut number = || {
            next += 1;
            next - 1
        };
        for (id, group_id, en, ru) in texts.into_iter().flatten() {
            group.push(match group_id {
                Some(shared) => *numbers.entry(shared).or_insert_with(&mut number),
                None => number(),
            });
            case_ids.push(id);
            search_en.push(en);
            search_ru.push(ru);
        }
        SessionIndex {
            case_ids,
            finding_cell,
            by_cell,
            scorecard: Scorecard::build(findings),
            search_text: [search_en, search_ru],
            group,
        }
    }
}

/// The observation a finding is about: its table, reporter, year and category must be given and
/// known; a finding without sex or age is about the total.
fn cell_of(dataset: &Dataset, finding: &Finding, total: Option<Sym>) -> Option<ObsKey> {
    let age = match &finding.age {
        Some(age) => dataset.sym(age)?,
        None => total?,
    };
    Some(ObsKey {
        table: finding.table?,
        reporter: dataset.sym(finding.reporter.as_deref()?)?,
        year: finding.year?,
        sex: finding.sex.unwrap_or(Sex::T),
        age,
        category: dataset.sym(finding.category.as_deref()?)?,
    })
}

/// The checks' part of a session, made off the window's thread once the data are shown: the
/// report of every check, the index of its findings, and what they change in the review.
#[derive(Debug)]
pub struct Checked {
    report: Report,
    index: SessionIndex,
    /// The triage with decisions filed under a finding's former identity moved to its current
    /// one, when any moved.
    triage: Option<Triages>,
    stale: usize,
}

impl Checked {
    /// Indexes `report`'s findings and matches them with `triage`, the triage of the review of
    /// the session the report is for (it cannot change while the checks run, as there is no
    /// finding to decide on yet).
    pub fn new(dataset: &Dataset, report: Report, triage: &Triages) -> Checked {
        let index = SessionIndex::build(dataset, &report.findings);
        let mut moved = None;
        if !triage.is_empty() {
            let mut adopted = Review {
                triage: triage.clone(),
                ..Review::new(Vec::new())
            };
            if adopted.adopt_legacy(&report.findings) > 0 {
                moved = Some(adopted.triage);
            }
        }
        let stale = stale_count(moved.as_ref().unwrap_or(triage), &index.case_ids);
        let triage = moved;
        Checked {
            report,
            index,
            triage,
            stale,
        }
    }
}

static GENERATION: AtomicU64 = AtomicU64::new(1);

/// Everything that is open.
#[derive(Debug)]
pub struct Session {
    pub source: SessionSource,
    /// Shared, so the checks can run on it while the window shows it.
    pub dataset: Arc<Dataset>,
    pub files: Vec<FileSummary>,
    /// Shared, so an export can write it on another thread. Holds no findings and no mirror
    /// statistics while [`Session::checking`].
    pub report: Arc<Report>,
    /// The checks are still running: the data are shown, the findings are not there yet.
    pub checking: bool,
    pub review: Review,
    /// Where the review is saved; `None` when there is nowhere to save it.
    pub review_path: Option<PathBuf>,
    pub review_state: ReviewState,
    /// Decisions in the review about findings that are not in this report.
    pub stale: usize,
    pub index: SessionIndex,
    /// The observations of each table by reporter and sex (the Data panel).
    pub slices: Slices,
    /// Identifies this session in the panels' caches.
    pub generation: u64,
    /// Changes whenever the triage changes (the findings filter by status depends on it).
    pub review_version: u64,
    /// What each reporter gives per table, year and sex (the Coverage panel and its charts).
    pub coverage: Arc<TableCoverage>,
    /// The mirror coverage of pair-years, year by year, over the countries of the report's.
    pub mirror_coverage_by_year: Vec<(u16, MirrorCoverage)>,
    /// The labels that could not be placed, grouped, and the sub-national ones (the Overview).
    pub labels: super::labels::LabelList,
}

impl Session {
    /// An empty session: nothing is open.
    pub fn empty() -> Session {
        Session::build(
            SessionSource::Empty,
            Dataset::new(),
            Vec::new(),
            Report::new(
                Vec::new(),
                &Dataset::new(),
                &crate::settings::Settings::default(),
            ),
            None,
        )
    }

    /// Builds a session with its checks' `report` and restores its review from `review_path`
    /// (reads the disk; run it on the loading thread).
    pub fn build(
        source: SessionSource,
        dataset: Dataset,
        files: Vec<FileSummary>,
        report: Report,
        review_path: Option<PathBuf>,
    ) -> Session {
        let shell = report.without_results();
        let mut session = Session::open(source, dataset, files, shell, review_path);
        let checked = Checked::new(&session.dataset, report, &session.review.triage);
        session.install(checked);
        session
    }

    /// Builds a session whose checks are still to run (`report` holds the inputs, the data
    /// set's summary and the settings) and restores its review from `review_path` (reads the
    /// disk; run it on the loading thread). [`Session::install`] adds the checks' results.
    pub fn open(
        source: SessionSource,
        dataset: Dataset,
        mut files: Vec<FileSummary>,
        report: Report,
        review_path: Option<PathBuf>,
    ) -> Session {
        fill_file_stats(&dataset, &mut files);
        let reviewed: Vec<ReviewedFile> = files
            .iter()
            .filter_map(|f| {
                f.result.as_ref().ok().map(|r| ReviewedFile {
                    name: f.name.clone(),
                    sha256: r.sha256.clone(),
                    options: f.options.clone(),
                })
            })
            .collect();
        let (review, review_state) = match &review_path {
            None => (Review::new(reviewed), ReviewState::NowhereToSave),
            Some(path) => match Review::read(path) {
                Ok(None) => (Review::new(reviewed), ReviewState::New),
                Ok(Some(mut review)) => {
                    let state = match review.compare(&reviewed) {
                        ReviewMatch::DataChanged { previous } => {
                            ReviewState::DataChanged { previous }
                        }
                        ReviewMatch::Same | ReviewMatch::New => ReviewState::Restored {
                            decisions: review.triage.len(),
                        },
                    };
                    review.files = reviewed;
                    (review, state)
                }
                Err(error) => (
                    Review::new(reviewed),
                    ReviewState::Unreadable(error.to_string()),
                ),
            },
        };
        // What is read from the data alone, side by side.
        let (slices, (coverage, mirror_coverage_by_year, labels)) = crate::parallel::join(
            || build_slices(&dataset),
            || {
                (
                    Arc::new(crate::coverage::table_coverage(&dataset)),
                    crate::coverage::mirror_coverage_by_year(&dataset),
                    super::labels::LabelList::build(&dataset, &files),
                )
            },
        );
        Session {
            source,
            dataset: Arc::new(dataset),
            files,
            report: Arc::new(report),
            checking: true,
            review,
            review_path,
            review_state,
            stale: 0,
            index: SessionIndex::default(),
            slices,
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            review_version: 0,
            coverage,
            mirror_coverage_by_year,
            labels,
        }
    }

    /// Takes in the checks' results: the report, its findings' index, the triage they moved
    /// and the stale count. The assessment's suggestions follow (see
    /// `sources::prepare_assessment`).
    pub fn install(&mut self, checked: Checked) {
        if let Some(triage) = checked.triage {
            self.review.triage = triage;
        }
        self.index = checked.index;
        self.report = Arc::new(checked.report);
        self.stale = checked.stale;
        self.checking = false;
        self.generation = GENERATION.fetch_add(1, Ordering::Relaxed);
    }

    /// Replaces the report (checks run again, e.g. with other settings), keeping the data and
    /// the review; the indexes and the stale count follow.
    pub fn set_report(&mut self, report: Report) {
        let checked = Checked::new(&self.dataset, report, &self.review.triage);
        self.install(checked);
    }

    pub fn is_sample(&self) -> bool {
        self.source == SessionSource::Sample
    }

    /// Whether the data shown are the synthetic sample: the embedded one, or any of its files
    /// opened from where `migreview sample` wrote them.
    pub fn shows_synthetic_data(&self) -> bool {
        self.is_sample()
            || matches!(self.source, SessionSource::Lesson(_))
            || self.files.iter().any(|f| {
                f.result
                    .as_ref()
                    .is_ok_and(|r| crate::sample::is_sample_content(&r.sha256))
            })
    }

    pub fn findings(&self) -> &[Finding] {
        &self.report.findings
    }

    pub fn case_id(&self, finding: usize) -> &str {
        self.index
            .case_ids
            .get(finding)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The findings about one observation.
    pub fn findings_at(&self, key: &ObsKey) -> &[u32] {
        self.index
            .by_cell
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The most severe finding's severity at an observation.
    pub fn worst_at(&self, key: &ObsKey) -> Option<Severity> {
        self.findings_at(key)
            .iter()
            .filter_map(|&i| self.report.findings.get(i as usize))
            .map(|f| f.severity)
            .min()
    }

    /// Files that loaded.
    pub fn loaded_files(&self) -> impl Iterator<Item = (&FileSummary, &LoadReport)> {
        self.files
            .iter()
            .filter_map(|f| f.result.as_ref().ok().map(|r| (f, r)))
    }
}

/// Reporters, tables and years per file, from the observations each file gave.
fn fill_file_stats(dataset: &Dataset, files: &mut [FileSummary]) {
    struct Stats {
        reporters: HashSet<Sym>,
        tables: [bool; 15],
        years: Option<(u16, u16)>,
    }
    let mut stats: Vec<Stats> = dataset
        .files
        .iter()
        .map(|_| Stats {
            reporters: HashSet::new(),
            tables: [false; 15],
            years: None,
        })
        .collect();
    for obs in dataset.obs() {
        if let Some(s) = stats.get_mut(obs.file as usize) {
            s.reporters.insert(obs.reporter);
            s.tables[obs.table as usize] = true;
            s.years = Some(match s.years {
                None => (obs.year, obs.year),
                Some((lo, hi)) => (lo.min(obs.year), hi.max(obs.year)),
            });
        }
    }
    for (i, source) in dataset.files.iter().enumerate() {
        let Some(summary) = files
            .iter_mut()
            .find(|f| f.path == source.path && f.result.is_ok())
        else {
            continue;
        };
        let Some(s) = stats.get(i) else { continue };
        let mut reporters: Vec<String> = s
            .reporters
            .iter()
            .map(|r| dataset.str(*r).to_string())
            .collect();
        reporters.sort();
        summary.reporters = reporters;
        summary.tables = TableId::ALL
            .into_iter()
            .filter(|t| s.tables[*t as usize])
            .collect();
        summary.years = s.years.map(|(lo, hi)| [lo, hi]);
    }
}

#[cfg(test)]
mod tests {
    use super::push_lowercase;

    #[test]
    fn lower_case_is_that_of_the_standard_library() {
        let mut texts = vec![
            "Total 16,314 ≠ men 38,517 + women 3,148 = 41,665".to_string(),
            "Итого 16 314 ≠ Мужчины 38 517 + ЖЕНЩИНЫ 3 148 = 41 665; ЁЛКИ, Ѐ, Џ, Ђ".to_string(),
            "ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ Σ".to_string(),
            "İstanbul ǅ ß ẞ ǈ Ω K Å".to_string(),
        ];
        // Every character of the Latin, Greek and Cyrillic blocks and a few beyond, without the
        // capital sigma (which sends a text down the standard library's own path).
        let without_sigma = |from: u32, to: u32| -> String {
            (from..to)
                .filter_map(char::from_u32)
                .filter(|&c| c != 'Σ')
                .collect()
        };
        texts.push(without_sigma(0, 0x600));
        texts.push(without_sigma(0x1E00, 0x2400));
        for text in &texts {
            let mut lower = String::new();
            push_lowercase(&mut lower, text);
            assert_eq!(lower, text.to_lowercase(), "{text}");
        }
    }
}
