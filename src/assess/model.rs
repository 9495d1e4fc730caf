//! The inventory of a country's migration data sources and the scores given to them: what the
//! review file stores and the JSON report carries as its `assessment` part.

use super::SCHEMA;
use super::choices::{
    Answer, Choice, DurationBasis, GroupCoverage, Obligation, Periodicity, Publication, SourceKind,
};
use super::evidence::Direction;
use super::rubric::{Criterion, Score};
use crate::checks::CheckCode;
use crate::model::{TableId, gazetteer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Why an assessment could not be read, written or changed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AssessError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("expected an assessment in JSON (schema {SCHEMA}): {0}")]
    Json(String),
    #[error("expected an assessment of schema {SCHEMA}, found schema {0:?}")]
    Schema(String),
    #[error("{country}: there is already a source with id {id:?}")]
    DuplicateSource { country: String, id: String },
    #[error("{country}: there is no source with id {id:?}")]
    NoSuchSource { country: String, id: String },
    #[error("expected a country (KAZ, Kazakhstan, Казахстан…), found {0:?}")]
    UnknownCountry(String),
    #[error("the assessment has no country {0}")]
    NoSuchCountry(String),
    #[error("cannot write the questionnaire: {0}")]
    Xlsx(String),
}

/// Why a score could not be set.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ScoreError {
    #[error(
        "{criterion}: a reason is needed because the score {score} differs from the suggested {suggested}"
    )]
    ReasonRequired {
        criterion: Criterion,
        suggested: Score,
        score: Score,
    },
    #[error("{0}: there is no suggestion to accept")]
    NoSuggestion(Criterion),
}

/// Why the tables a source feeds could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error(
        "expected a table code (1.1 1.2 2.1 2.2 3 4 5.1 5.2 6.1 6.2 7.1 7.2, written with a dot), found {found:?}"
    )]
    Table { found: String },
    #[error("expected the years of table {table} as 2008–2012 or 2010, found {found:?}")]
    Years { table: TableId, found: String },
}

/// The whole assessment: the inventory and scores of one or more countries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub schema: String,
    pub countries: Vec<CountryAssessment>,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            schema: SCHEMA.to_string(),
            countries: Vec::new(),
        }
    }
}

impl Assessment {
    pub fn new() -> Assessment {
        Assessment::default()
    }

    /// Reads an assessment from JSON, checking its schema; scores are put in rubric order.
    pub fn from_json(text: &str) -> Result<Assessment, AssessError> {
        let mut assessment: Assessment =
            serde_json::from_str(text).map_err(|e| AssessError::Json(e.to_string()))?;
        if assessment.schema != SCHEMA {
            return Err(AssessError::Schema(assessment.schema));
        }
        assessment.normalise();
        Ok(assessment)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| {
            format!("{{\"schema\": \"{SCHEMA}\", \"error\": \"cannot write the assessment: {e}\"}}")
        })
    }

    /// Reads an assessment file.
    pub fn load(path: &Path) -> Result<Assessment, AssessError> {
        let text = std::fs::read_to_string(path).map_err(|e| AssessError::Io {
            path: path.display().to_string(),
            message: format!("cannot read the assessment: {e}"),
        })?;
        Assessment::from_json(&text).map_err(|e| AssessError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }

    /// Writes the assessment as JSON, atomically.
    pub fn save(&self, path: &Path) -> Result<(), AssessError> {
        crate::save::write_atomically(path, self.to_json().as_bytes()).map_err(|e| {
            AssessError::Io {
                path: path.display().to_string(),
                message: format!("cannot write the assessment: {e}"),
            }
        })
    }

    pub fn country(&self, code: &str) -> Option<&CountryAssessment> {
        self.countries.iter().find(|c| c.country == code)
    }

    pub fn country_mut(&mut self, code: &str) -> Option<&mut CountryAssessment> {
        self.countries.iter_mut().find(|c| c.country == code)
    }

    /// The country's assessment, added empty when missing. `label` may be any spelling of the
    /// country (KAZ, KZ, Kazakhstan, Казахстан).
    pub fn country_entry(&mut self, label: &str) -> Result<&mut CountryAssessment, AssessError> {
        let code = country_code(label)?;
        let index = match self.countries.iter().position(|c| c.country == code) {
            Some(index) => index,
            None => {
                self.countries.push(CountryAssessment::new(&code));
                self.countries.len() - 1
            }
        };
        Ok(&mut self.countries[index])
    }

    /// Puts a country's assessment in, replacing the one of the same country.
    pub fn replace_country(&mut self, country: CountryAssessment) {
        match self
            .countries
            .iter_mut()
            .find(|c| c.country == country.country)
        {
            Some(existing) => *existing = country,
            None => self.countries.push(country),
        }
    }

    /// Takes in every country of another assessment (e.g. an imported questionnaire), replacing
    /// the countries it has.
    pub fn merge(&mut self, other: Assessment) {
        for mut country in other.countries {
            // A questionnaire carries no institutions: those known are kept, with the links of
            // the sources to them.
            if let Some(known) = self.country(&country.country) {
                if country.institutions.is_empty() {
                    country.institutions = known.institutions.clone();
                }
                for source in &mut country.sources {
                    let Some(was) = known.source(&source.id) else {
                        continue;
                    };
                    if source.producer.is_none() {
                        source.producer = was.producer.clone();
                    }
                    if source.holders.is_empty() {
                        source.holders = was.holders.clone();
                    }
                }
            }
            self.replace_country(country);
        }
    }

    /// Puts every source's scores in rubric order and drops empty ones.
    pub fn normalise(&mut self) {
        for country in &mut self.countries {
            for source in &mut country.sources {
                source.normalise();
            }
        }
    }

    /// What is wrong or incomplete in the assessment, for the reviewer to fix.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.schema != SCHEMA {
            problems.push(Problem::new(
                "",
                None,
                None,
                format!("expected schema {SCHEMA}, found {:?}", self.schema),
            ));
        }
        for (i, country) in self.countries.iter().enumerate() {
            if self.countries[..i]
                .iter()
                .any(|c| c.country == country.country)
            {
                problems.push(Problem::new(
                    &country.country,
                    None,
                    None,
                    "the country is assessed twice".into(),
                ));
            }
            problems.extend(country.problems());
        }
        problems
    }
}

/// Canonical code of a country written in any coding.
pub fn country_code(label: &str) -> Result<String, AssessError> {
    gazetteer()
        .resolve(label)
        .filter(|p| p.kind == crate::model::PlaceKind::Country)
        .map(|p| p.code.clone())
        .ok_or_else(|| AssessError::UnknownCountry(label.to_string()))
}

/// Something a reviewer should fix in an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub country: String,
    pub source: Option<String>,
    pub criterion: Option<Criterion>,
    pub message: String,
}

impl Problem {
    fn new(
        country: &str,
        source: Option<&str>,
        criterion: Option<Criterion>,
        message: String,
    ) -> Problem {
        Problem {
            country: country.to_string(),
            source: source.map(str::to_string),
            criterion,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.country)?;
        if let Some(source) = &self.source {
            write!(f, " › {source}")?;
        }
        if let Some(criterion) = self.criterion {
            write!(f, " › {criterion}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The inventory and scores of one country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryAssessment {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    #[serde(default)]
    pub sources: Vec<DataSource>,
    /// Demonstration data, not a real review.
    #[serde(default)]
    pub synthetic: bool,
    #[serde(default)]
    pub notes: String,
    /// The date of the review, against which timeliness is judged, so that suggestions
    /// computed again later come out the same. `None`: the settings' reference date, else today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_date: Option<jiff::civil::Date>,
    /// The institutions working on migration in the country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institutions: Vec<super::institutions::Institution>,
}

impl CountryAssessment {
    pub fn new(country: &str) -> CountryAssessment {
        CountryAssessment {
            country: country.to_string(),
            sources: Vec::new(),
            synthetic: false,
            notes: String::new(),
            review_date: None,
            institutions: Vec::new(),
        }
    }

    /// An institution by its id.
    pub fn institution(&self, id: &str) -> Option<&super::institutions::Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&DataSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn source_mut(&mut self, id: &str) -> Option<&mut DataSource> {
        self.sources.iter_mut().find(|s| s.id == id)
    }

    /// Adds a source; its id must be new in the country.
    pub fn add_source(&mut self, source: DataSource) -> Result<(), AssessError> {
        if self.source(&source.id).is_some() {
            return Err(AssessError::DuplicateSource {
                country: self.country.clone(),
                id: source.id,
            });
        }
        self.sources.push(source);
        Ok(())
    }

    pub fn remove_source(&mut self, id: &str) -> Result<DataSource, AssessError> {
        let index = self
            .sources
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| AssessError::NoSuchSource {
                country: self.country.clone(),
                id: id.to_string(),
            })?;
        Ok(self.sources.remove(index))
    }

    /// An id not yet used in the country, for a new source of this kind (`KAZ-REG`, `KAZ-REG-2`).
    pub fn new_source_id(&self, kind: SourceKind) -> String {
        let base = format!("{}-{}", self.country, kind.id_tag());
        if self.source(&base).is_none() {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| self.source(id).is_none())
            .unwrap_or(base)
    }

    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if gazetteer()
            .by_code(&self.country)
            .is_none_or(|p| p.kind != crate::model::PlaceKind::Country)
        {
            problems.push(Problem::new(
                &self.country,
                None,
                None,
                format!(
                    "expected an ISO 3166-1 alpha-3 country code, found {:?}",
                    self.country
                ),
            ));
        }
        for (i, source) in self.sources.iter().enumerate() {
            let id = Some(source.id.as_str());
            if source.id.trim().is_empty() {
                problems.push(Problem::new(
                    &self.country,
                    id,
                    None,
                    format!("source {:?} has no id", source.name),
                ));
            } else if self.sources[..i].iter().any(|s| s.id == source.id) {
                problems.push(Problem::new(
                    &self.country,
                    id,
                    None,
                    "two sources share this id".into(),
                ));
            }
            if source.name.trim().is_empty() {
                problems.push(Problem::new(
                    &self.country,
                    id,
                    None,
                    "the source has no name".into(),
                ));
            }
            for score in &source.scores {
                let criterion = Some(score.criterion);
                if let Some(suggestion) = &score.suggested
                    && suggestion.criterion != score.criterion
                {
                    problems.push(Problem::new(
                        &self.country,
                        id,
                        criterion,
                        format!(
                            "the suggestion is for {}, not {}",
                            suggestion.criterion, score.criterion
                        ),
                    ));
                }
                if score.overridden != score.differs_from_suggestion() {
                    problems.push(Problem::new(
                        &self.country,
                        id,
                        criterion,
                        "\"overridden\" does not match the final and the suggested score".into(),
                    ));
                }
                if score.needs_reason() {
                    problems.push(Problem::new(
                        &self.country,
                        id,
                        criterion,
                        "a reason is needed: the final score differs from the suggestion".into(),
                    ));
                }
            }
        }
        problems
    }
}

/// A table the source feeds, and for which years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableFeed {
    pub table: TableId,
    /// First and last year; `None`: every year.
    #[serde(default)]
    pub years: Option<[u16; 2]>,
}

impl TableFeed {
    pub fn new(table: TableId, years: Option<[u16; 2]>) -> TableFeed {
        TableFeed { table, years }
    }

    pub fn covers_year(&self, year: u16) -> bool {
        self.years
            .is_none_or(|[first, last]| first <= year && year <= last)
    }

    /// Reads `3`, `3 (2008–2012)`, `5.1 2010-2012`, `T4 (2011)`, `Table 3 (2010)`.
    pub fn parse(text: &str) -> Result<TableFeed, FeedError> {
        let text = text.trim();
        let lower = text.to_lowercase();
        let text = ["table ", "таблица ", "табл. ", "tab. "]
            .iter()
            .find(|word| lower.starts_with(*word))
            .and_then(|word| text.get(word.len()..))
            .map_or(text, str::trim);
        let split = text
            .find(|c: char| c == '(' || c.is_whitespace())
            .unwrap_or(text.len());
        let (head, rest) = text.split_at(split);
        let table = TableId::parse(head).ok_or_else(|| FeedError::Table {
            found: head.to_string(),
        })?;
        let rest = rest
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        if rest.is_empty() {
            return Ok(TableFeed::new(table, None));
        }
        let bad_years = || FeedError::Years {
            table,
            found: rest.to_string(),
        };
        let mut parts = rest.split(['-', '–', '—']).map(str::trim);
        let first: u16 = parts
            .next()
            .and_then(|y| y.parse().ok())
            .ok_or_else(bad_years)?;
        let last: u16 = match parts.next() {
            Some(y) => y.parse().map_err(|_| bad_years())?,
            None => first,
        };
        if parts.next().is_some() || last < first || !(1900..=2100).contains(&first) {
            return Err(bad_years());
        }
        Ok(TableFeed::new(table, Some([first, last])))
    }

    /// Reads a list of feeds separated by `;` or `,`.
    pub fn parse_list(text: &str) -> Result<Vec<TableFeed>, FeedError> {
        text.split([';', ','])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(TableFeed::parse)
            .collect()
    }

    /// Writes feeds as [`TableFeed::parse_list`] reads them.
    pub fn format_list(feeds: &[TableFeed]) -> String {
        feeds
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl fmt::Display for TableFeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.years {
            None => write!(f, "{}", self.table),
            Some([a, b]) if a == b => write!(f, "{} ({a})", self.table),
            Some([a, b]) => write!(f, "{} ({a}–{b})", self.table),
        }
    }
}

/// One data source of a country: what it is, what it measures, which tables it feeds, its
/// rules, and its scores on the rubric.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSource {
    /// Unique within the country (`KAZ-REG`).
    pub id: String,
    pub name: String,
    pub kind: SourceKind,
    /// Who runs the source and who produces the statistics.
    pub agency: String,
    /// What the source measures (flows, stocks, events, persons).
    pub measures: String,
    pub feeds: Vec<TableFeed>,
    pub periodicity: Periodicity,
    /// Months from the end of the reference year to the release of the data.
    pub release_lag_months: Option<u16>,
    /// The population covered, in words.
    pub population_covered: String,
    /// The population covered, as the rubric grades it.
    pub groups_covered: GroupCoverage,
    /// Duration of stay after which a person is counted as a migrant, in months: 0 no time
    /// limit, 60 "permanent" (`docs/domain.md#duration-of-stay`). `None`: unknown.
    pub duration_rule_months: Option<u8>,
    pub duration_basis: DurationBasis,
    pub registration_obligation: Obligation,
    pub deregistration_obligation: Obligation,
    /// Whether third-country nationals must de-register when they leave
    /// (`docs/domain.md#undercount-classes`: the metadata score of emigration).
    pub deregistration_third_country: Answer,
    /// Whether the stay of third-country nationals is monitored (permits that expire, checks),
    /// so that their departures are recorded without their de-registering.
    pub third_country_monitoring: Answer,
    /// Whether the register is corrected administratively: people who left without
    /// de-registering are removed after a check.
    pub administrative_corrections: Answer,
    pub publication: Publication,
    pub notes: String,
    /// Scores, in rubric order.
    pub scores: Vec<CriterionScore>,
    /// The institution that produces the source's statistics (an id of the country's
    /// institutions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
    /// The institutions that hold or use its data (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<String>,
}

/// Whether an effective score is the reviewer's or the suggestion not yet reviewed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreBasis {
    /// Accepted or set by the reviewer.
    Final,
    /// Suggested from the data, not yet reviewed.
    Suggested,
}

impl DataSource {
    pub fn new(id: &str, name: &str, kind: SourceKind) -> DataSource {
        DataSource {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            ..DataSource::default()
        }
    }

    pub fn score(&self, criterion: Criterion) -> Option<&CriterionScore> {
        self.scores.iter().find(|s| s.criterion == criterion)
    }

    /// The score entry of a criterion, added empty when missing.
    pub fn score_entry(&mut self, criterion: Criterion) -> &mut CriterionScore {
        let index = match self.scores.iter().position(|s| s.criterion == criterion) {
            Some(index) => index,
            None => {
                let at = self
                    .scores
                    .iter()
                    .position(|s| s.criterion > criterion)
                    .unwrap_or(self.scores.len());
                self.scores.insert(at, CriterionScore::new(criterion));
                at
            }
        };
        &mut self.scores[index]
    }

    /// The score that counts: the final one, else the suggestion.
    pub fn effective(&self, criterion: Criterion) -> Option<(Score, ScoreBasis)> {
        self.score(criterion).and_then(CriterionScore::effective)
    }

    /// Replaces the suggestions (e.g. after the data were reloaded); final scores, reasons and
    /// the reviewer's evidence are kept, and `overridden` follows the new suggestion.
    pub fn set_suggestions(&mut self, suggestions: Vec<Suggestion>) {
        for score in &mut self.scores {
            score.suggested = None;
        }
        for suggestion in suggestions {
            let criterion = suggestion.criterion;
            self.score_entry(criterion).suggested = Some(suggestion);
        }
        for score in &mut self.scores {
            score.overridden = score.differs_from_suggestion();
        }
        self.scores.retain(|s| !s.is_empty());
    }

    /// Accepts the suggestion of a criterion as its final score.
    pub fn accept(&mut self, criterion: Criterion) -> Result<(), ScoreError> {
        self.score_entry(criterion).accept()
    }

    /// Accepts every suggestion that has no final score yet; returns how many.
    pub fn accept_all_suggestions(&mut self) -> usize {
        let mut accepted = 0;
        for score in &mut self.scores {
            if score.final_score.is_none() && score.accept().is_ok() {
                accepted += 1;
            }
        }
        accepted
    }

    /// Sets the final score; a reason is required when it differs from the suggestion.
    pub fn set_final(
        &mut self,
        criterion: Criterion,
        score: Score,
        reason: &str,
    ) -> Result<(), ScoreError> {
        self.score_entry(criterion).set_final(score, reason)
    }

    /// Removes the final score, keeping the suggestion and the reviewer's evidence.
    pub fn clear_final(&mut self, criterion: Criterion) {
        let entry = self.score_entry(criterion);
        entry.final_score = None;
        entry.overridden = false;
        entry.reason.clear();
        self.scores.retain(|s| !s.is_empty());
    }

    /// Sets the reviewer's evidence text of a criterion.
    pub fn set_evidence(&mut self, criterion: Criterion, text: &str) {
        self.score_entry(criterion).evidence = text.to_string();
        self.scores.retain(|s| !s.is_empty());
    }

    /// Whether the source feeds the table (in any year).
    pub fn feeds_table(&self, table: TableId) -> bool {
        self.feeds.iter().any(|f| f.table == table)
    }

    fn normalise(&mut self) {
        self.scores.retain(|s| !s.is_empty());
        self.scores.sort_by_key(|s| s.criterion);
    }
}

/// The score of one criterion of one source: the suggestion from the data and the reviewer's
/// decision, both kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion: Criterion,
    #[serde(default)]
    pub suggested: Option<Suggestion>,
    #[serde(default)]
    pub final_score: Option<Score>,
    /// The final score differs from the suggestion.
    #[serde(default)]
    pub overridden: bool,
    /// Why the final score differs from the suggestion (required then).
    #[serde(default)]
    pub reason: String,
    /// The reviewer's evidence, in their words.
    #[serde(default)]
    pub evidence: String,
}

impl CriterionScore {
    pub fn new(criterion: Criterion) -> CriterionScore {
        CriterionScore {
            criterion,
            suggested: None,
            final_score: None,
            overridden: false,
            reason: String::new(),
            evidence: String::new(),
        }
    }

    /// The score that counts: the final one, else the suggestion.
    pub fn effective(&self) -> Option<(Score, ScoreBasis)> {
        match (self.final_score, &self.suggested) {
            (Some(score), _) => Some((score, ScoreBasis::Final)),
            (None, Some(suggestion)) => Some((suggestion.score, ScoreBasis::Suggested)),
            (None, None) => None,
        }
    }

    pub fn accept(&mut self) -> Result<(), ScoreError> {
        let suggestion = self
            .suggested
            .as_ref()
            .ok_or(ScoreError::NoSuggestion(self.criterion))?;
        self.final_score = Some(suggestion.score);
        self.overridden = false;
        Ok(())
    }

    pub fn set_final(&mut self, score: Score, reason: &str) -> Result<(), ScoreError> {
        let reason = reason.trim();
        if let Some(suggestion) = &self.suggested
            && suggestion.score != score
            && reason.is_empty()
        {
            return Err(ScoreError::ReasonRequired {
                criterion: self.criterion,
                suggested: suggestion.score,
                score,
            });
        }
        self.final_score = Some(score);
        self.reason = reason.to_string();
        self.overridden = self.differs_from_suggestion();
        Ok(())
    }

    /// The final score is set and differs from the suggestion.
    pub fn differs_from_suggestion(&self) -> bool {
        match (self.final_score, &self.suggested) {
            (Some(score), Some(suggestion)) => score != suggestion.score,
            _ => false,
        }
    }

    /// The final score differs from the suggestion and no reason is given (e.g. after new data
    /// changed the suggestion).
    pub fn needs_reason(&self) -> bool {
        self.differs_from_suggestion() && self.reason.trim().is_empty()
    }

    /// Nothing suggested, scored or written.
    pub fn is_empty(&self) -> bool {
        self.suggested.is_none()
            && self.final_score.is_none()
            && self.reason.is_empty()
            && self.evidence.is_empty()
    }
}

/// A score suggested from the data, with its reasons in plain words and what they rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub criterion: Criterion,
    pub score: Score,
    pub evidence_en: String,
    pub evidence_ru: String,
    #[serde(default)]
    pub refs: Vec<EvidenceRef>,
}

impl Suggestion {
    pub fn evidence(&self, lang: crate::model::Lang) -> &str {
        match lang {
            crate::model::Lang::Ru if !self.evidence_ru.is_empty() => &self.evidence_ru,
            _ => &self.evidence_en,
        }
    }
}

/// What a suggestion rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EvidenceRef {
    /// Failed cases of a check in the source's tables and years.
    Check {
        check: CheckCode,
        findings: usize,
        #[serde(default)]
        tables: Vec<TableId>,
        #[serde(default)]
        years: Vec<u16>,
        /// Largest |expected − actual| / |expected| among the findings, where both are known.
        #[serde(default)]
        max_deviation: Option<f64>,
    },
    /// One finding, by [`crate::checks::Finding::case_id`].
    Finding { case_id: String },
    /// The country's flows against its partners' reports, pooled over the years.
    Ratio {
        country: String,
        direction: Direction,
        years: [u16; 2],
        reported: f64,
        partner_reported: f64,
        ratio: f64,
    },
    /// Persons with an unknown partner or status in a table, pooled over the years.
    UnknownShare {
        table: TableId,
        years: [u16; 2],
        unknown: f64,
        total: f64,
        share: f64,
    },
    /// The latest year in the data against the review date.
    LatestYear {
        year: u16,
        review_date: jiff::civil::Date,
        months_after: u32,
    },
    /// The release lag stated in the inventory.
    ReleaseLag { months: u16 },
    /// Breakdowns present in the data (crossed with each other as far as they go).
    Breakdowns {
        by_sex: bool,
        by_age: bool,
        by_partner: bool,
        #[serde(default)]
        tables: Vec<TableId>,
    },
    /// The duration-of-stay rule, from the inventory or the observations.
    Duration {
        months: Option<u8>,
        basis: DurationBasis,
        from_data: bool,
        /// The years the rule applies to in the data, when the data state different rules
        /// over the years.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        years: Option<[u16; 2]>,
    },
    /// Observations flagged `b` (break in series).
    BreakFlags { table: TableId, years: Vec<u16> },
    /// An inventory field the suggestion was read from.
    Field { field: String, value: String },
}

impl EvidenceRef {
    /// A field reference holding a choice's code.
    pub fn field(field: &str, value: impl Choice) -> EvidenceRef {
        EvidenceRef::Field {
            field: field.to_string(),
            value: value.code().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(n: u8) -> Score {
        Score::new(n).unwrap_or_else(|| unreachable!())
    }

    fn suggestion(criterion: Criterion, n: u8) -> Suggestion {
        Suggestion {
            criterion,
            score: score(n),
            evidence_en: "why".into(),
            evidence_ru: "почему".into(),
            refs: Vec::new(),
        }
    }

    #[test]
    fn an_override_needs_a_reason_and_keeps_the_suggestion() {
        let mut source = DataSource::new("KAZ-REG", "Register", SourceKind::PopulationRegister);
        source.set_suggestions(vec![suggestion(Criterion::Timeliness, 2)]);
        let refused = source.set_final(Criterion::Timeliness, score(1), "  ");
        assert_eq!(
            refused,
            Err(ScoreError::ReasonRequired {
                criterion: Criterion::Timeliness,
                suggested: score(2),
                score: score(1)
            })
        );
        assert_eq!(
            source.effective(Criterion::Timeliness),
            Some((score(2), ScoreBasis::Suggested))
        );
        assert!(
            source
                .set_final(Criterion::Timeliness, score(1), "released after 14 months")
                .is_ok()
        );
        let entry = source.score(Criterion::Timeliness).cloned();
        assert_eq!(entry.as_ref().map(|e| e.overridden), Some(true));
        assert_eq!(
            entry
                .as_ref()
                .and_then(|e| e.suggested.as_ref())
                .map(|s| s.score),
            Some(score(2))
        );
        assert_eq!(
            source.effective(Criterion::Timeliness),
            Some((score(1), ScoreBasis::Final))
        );
        // New data suggest 1: the override now agrees and the reason is kept.
        source.set_suggestions(vec![suggestion(Criterion::Timeliness, 1)]);
        let entry = source.score(Criterion::Timeliness).cloned();
        assert_eq!(entry.as_ref().map(|e| e.overridden), Some(false));
        assert_eq!(
            entry.map(|e| e.reason),
            Some("released after 14 months".to_string())
        );
        // New data suggest 3: the final score differs again, with its reason.
        source.set_suggestions(vec![suggestion(Criterion::Timeliness, 3)]);
        assert_eq!(
            source.score(Criterion::Timeliness).map(|e| e.overridden),
            Some(true)
        );
        assert_eq!(
            source
                .score(Criterion::Timeliness)
                .map(|e| e.needs_reason()),
            Some(false)
        );
    }

    #[test]
    fn accepting_takes_the_suggested_score() {
        let mut source = DataSource::new("KAZ-REG", "Register", SourceKind::PopulationRegister);
        assert_eq!(
            source.accept(Criterion::Periodicity),
            Err(ScoreError::NoSuggestion(Criterion::Periodicity))
        );
        source.set_suggestions(vec![
            suggestion(Criterion::Periodicity, 3),
            suggestion(Criterion::Definition, 2),
        ]);
        assert_eq!(source.accept_all_suggestions(), 2);
        assert_eq!(
            source.effective(Criterion::Definition),
            Some((score(2), ScoreBasis::Final))
        );
        let order: Vec<Criterion> = source.scores.iter().map(|s| s.criterion).collect();
        assert_eq!(order, vec![Criterion::Definition, Criterion::Periodicity]);
        source.clear_final(Criterion::Definition);
        assert_eq!(
            source.effective(Criterion::Definition),
            Some((score(2), ScoreBasis::Suggested))
        );
    }

    #[test]
    fn feeds_are_read_as_people_write_them() {
        assert_eq!(
            TableFeed::parse_list("3 (2008–2012); 4 2008-2012, Table 5.1; T6_1 (2011)"),
            Ok(vec![
                TableFeed::new(TableId::T3, Some([2008, 2012])),
                TableFeed::new(TableId::T4, Some([2008, 2012])),
                TableFeed::new(TableId::T5_1, None),
                TableFeed::new(TableId::T6_1, Some([2011, 2011])),
            ])
        );
        let feeds = vec![
            TableFeed::new(TableId::T3, Some([2008, 2012])),
            TableFeed::new(TableId::T1_2, None),
            TableFeed::new(TableId::T4, Some([2011, 2011])),
        ];
        let text = TableFeed::format_list(&feeds);
        assert_eq!(text, "3 (2008–2012); 1.2; 4 (2011)");
        assert_eq!(TableFeed::parse_list(&text), Ok(feeds));
        let err = TableFeed::parse("8 (2010)")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("expected a table code") && err.contains("\"8\""),
            "{err}"
        );
        let err = TableFeed::parse("3 (2012–2008)")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("2008–2012"), "{err}");
    }

    #[test]
    fn new_source_ids_are_unique() {
        let mut country = CountryAssessment::new("KAZ");
        let first = country.new_source_id(SourceKind::PopulationRegister);
        assert_eq!(first, "KAZ-REG");
        assert!(
            country
                .add_source(DataSource::new(&first, "A", SourceKind::PopulationRegister))
                .is_ok()
        );
        assert_eq!(
            country.new_source_id(SourceKind::PopulationRegister),
            "KAZ-REG-2"
        );
        let duplicate = country.add_source(DataSource::new("KAZ-REG", "B", SourceKind::Other));
        assert!(matches!(
            duplicate,
            Err(AssessError::DuplicateSource { .. })
        ));
        assert_eq!(country.sources.len(), 1);
    }
}
