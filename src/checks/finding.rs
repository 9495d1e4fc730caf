//! Findings and the vocabulary they use: check codes, severities, ESS quality dimensions,
//! outcomes. This is part of the public report contract (`docs/report.md`).

use super::Message;
use crate::model::{Lang, Location, Sex, TableId};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::borrow::Cow;
use std::fmt;

/// Every check of the catalogue, by its stable code.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckCode {
    S1,
    S2,
    S3,
    N1,
    N2,
    A1,
    A2,
    A3,
    A4,
    C1,
    C2,
    C3,
    C4,
    C5,
    C6,
    P1,
    P2,
    P3,
    U1,
    U2,
    D1,
    D2,
    D3,
    T1,
    T2,
    T3,
    M1,
    M2,
}

impl CheckCode {
    pub const ALL: [CheckCode; 28] = [
        CheckCode::S1,
        CheckCode::S2,
        CheckCode::S3,
        CheckCode::N1,
        CheckCode::N2,
        CheckCode::A1,
        CheckCode::A2,
        CheckCode::A3,
        CheckCode::A4,
        CheckCode::C1,
        CheckCode::C2,
        CheckCode::C3,
        CheckCode::C4,
        CheckCode::C5,
        CheckCode::C6,
        CheckCode::P1,
        CheckCode::P2,
        CheckCode::P3,
        CheckCode::U1,
        CheckCode::U2,
        CheckCode::D1,
        CheckCode::D2,
        CheckCode::D3,
        CheckCode::T1,
        CheckCode::T2,
        CheckCode::T3,
        CheckCode::M1,
        CheckCode::M2,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckCode::S1 => "S1",
            CheckCode::S2 => "S2",
            CheckCode::S3 => "S3",
            CheckCode::N1 => "N1",
            CheckCode::N2 => "N2",
            CheckCode::A1 => "A1",
            CheckCode::A2 => "A2",
            CheckCode::A3 => "A3",
            CheckCode::A4 => "A4",
            CheckCode::C1 => "C1",
            CheckCode::C2 => "C2",
            CheckCode::C3 => "C3",
            CheckCode::C4 => "C4",
            CheckCode::C5 => "C5",
            CheckCode::C6 => "C6",
            CheckCode::P1 => "P1",
            CheckCode::P2 => "P2",
            CheckCode::P3 => "P3",
            CheckCode::U1 => "U1",
            CheckCode::U2 => "U2",
            CheckCode::D1 => "D1",
            CheckCode::D2 => "D2",
            CheckCode::D3 => "D3",
            CheckCode::T1 => "T1",
            CheckCode::T2 => "T2",
            CheckCode::T3 => "T3",
            CheckCode::M1 => "M1",
            CheckCode::M2 => "M2",
        }
    }

    pub fn parse(text: &str) -> Option<CheckCode> {
        let upper = text.trim().to_ascii_uppercase();
        CheckCode::ALL.into_iter().find(|c| c.as_str() == upper)
    }
}

impl fmt::Display for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The severity as a reader sees it: Error, Warning, Info.
    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        match self {
            Severity::Error => crate::t!(lang, "SeverityError"),
            Severity::Warning => crate::t!(lang, "SeverityWarning"),
            Severity::Info => crate::t!(lang, "SeverityInfo"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ESS quality dimensions.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Relevance,
    Accuracy,
    Timeliness,
    Accessibility,
    Comparability,
    Coherence,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Relevance,
        Dimension::Accuracy,
        Dimension::Timeliness,
        Dimension::Accessibility,
        Dimension::Comparability,
        Dimension::Coherence,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Relevance => "relevance",
            Dimension::Accuracy => "accuracy",
            Dimension::Timeliness => "timeliness",
            Dimension::Accessibility => "accessibility",
            Dimension::Comparability => "comparability",
            Dimension::Coherence => "coherence",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of one case of a check.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    NotEvaluable,
}

/// One failed or not-evaluable case, pointing at the observation or series it is about.
///
/// In a report it is written with its message in both languages, `message` and `message_ru`
/// (`docs/report.md`), and read back so.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "FindingRecord")]
pub struct Finding {
    pub check: CheckCode,
    pub severity: Severity,
    pub outcome: Outcome,
    pub dimension: Dimension,
    pub level: u8,
    pub table: Option<TableId>,
    pub reporter: Option<SmolStr>,
    pub year: Option<u16>,
    pub sex: Option<Sex>,
    pub age: Option<SmolStr>,
    pub category: Option<SmolStr>,
    pub expected: Option<f64>,
    pub actual: Option<f64>,
    /// What the finding says, written in a language when it is read ([`Finding::message`]).
    pub message: Message,
    pub location: Option<Location>,
}

/// A finding as a report writes it.
#[derive(Deserialize)]
struct FindingRecord {
    check: CheckCode,
    severity: Severity,
    outcome: Outcome,
    dimension: Dimension,
    level: u8,
    table: Option<TableId>,
    reporter: Option<SmolStr>,
    year: Option<u16>,
    sex: Option<Sex>,
    age: Option<SmolStr>,
    category: Option<SmolStr>,
    expected: Option<f64>,
    actual: Option<f64>,
    message: String,
    #[serde(default)]
    message_ru: String,
    location: Option<Location>,
}

impl From<FindingRecord> for Finding {
    fn from(r: FindingRecord) -> Finding {
        Finding {
            check: r.check,
            severity: r.severity,
            outcome: r.outcome,
            dimension: r.dimension,
            level: r.level,
            table: r.table,
            reporter: r.reporter,
            year: r.year,
            sex: r.sex,
            age: r.age,
            category: r.category,
            expected: r.expected,
            actual: r.actual,
            message: Message::written(r.message, r.message_ru),
            location: r.location,
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Finding", 16)?;
        self.serialize_fields(&mut s)?;
        s.end()
    }
}

impl Finding {
    /// The fields of the finding, into a struct being serialised (the finding's own, or a
    /// listing that puts fields of its own around them).
    pub fn serialize_fields<S: serde::ser::SerializeStruct>(
        &self,
        s: &mut S,
    ) -> Result<(), S::Error> {
        s.serialize_field("check", &self.check)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("outcome", &self.outcome)?;
        s.serialize_field("dimension", &self.dimension)?;
        s.serialize_field("level", &self.level)?;
        s.serialize_field("table", &self.table)?;
        s.serialize_field("reporter", &self.reporter)?;
        s.serialize_field("year", &self.year)?;
        s.serialize_field("sex", &self.sex)?;
        s.serialize_field("age", &self.age)?;
        s.serialize_field("category", &self.category)?;
        s.serialize_field("expected", &self.expected)?;
        s.serialize_field("actual", &self.actual)?;
        s.serialize_field("message", &self.message(Lang::En))?;
        s.serialize_field("message_ru", &self.message_ru())?;
        s.serialize_field("location", &self.location)
    }
}

impl Finding {
    /// A stable identity of the case, used to keep a reviewer's triage when the report is
    /// rebuilt: check, key and location, not the message or the values. The location enters
    /// with its bare file name ([`Location::file_name`]), so the identity does not depend on how
    /// the path was typed and reviews saved when locations named bare files still match.
    pub fn case_id(&self) -> String {
        self.id_with(self.location.as_ref())
    }

    /// Whether the finding is about a country, as the reporting country or as the partner.
    pub fn concerns(&self, country: &str) -> bool {
        self.reporter.as_deref() == Some(country) || self.category.as_deref() == Some(country)
    }

    /// The identity of the group of findings that share this one's cause
    /// ([`super::catalog::Grouping`] of its check): the identity's fields without those the
    /// group spans (the year; the sex; all but the label) and without the location. A finding
    /// that stands alone is its own group: its [`Finding::case_id`].
    pub fn group_id(&self) -> String {
        self.shared_group_id().unwrap_or_else(|| self.case_id())
    }

    /// [`Finding::group_id`] when the finding's check groups its findings; `None` when it
    /// stands alone.
    pub fn shared_group_id(&self) -> Option<String> {
        use super::catalog::Grouping;
        let table = self.table.map(|t| t.code()).unwrap_or("");
        let reporter = self.reporter.as_deref().unwrap_or("");
        let sex = self.sex.map(|s| s.code()).unwrap_or("");
        let age = self.age.as_deref().unwrap_or("");
        let category = self.category.as_deref().unwrap_or("");
        let check = self.check.as_str();
        Some(match super::catalog::entry(self.check).grouping {
            Grouping::Alone => return None,
            Grouping::Years => format!("{check}|{table}|{reporter}||{sex}|{age}|{category}|"),
            Grouping::YearsAndSexes => format!("{check}|{table}|{reporter}|||{age}|{category}|"),
            Grouping::Label => format!("{check}||||||{category}|"),
        })
    }

    /// The identity the case had when its check gave no location (T2 and M2 findings before
    /// they pointed at their data): a review saved then keys its decision so
    /// (see `review::Review::adopt_legacy`).
    pub fn legacy_case_id(&self) -> Option<String> {
        self.location.as_ref()?;
        matches!(self.check, CheckCode::T2 | CheckCode::M2).then(|| self.id_with(None))
    }

    /// `check|table|reporter|year|sex|age|category|location`, the location with its bare file
    /// name, written into one string (a session keeps one per finding).
    fn id_with(&self, location: Option<&Location>) -> String {
        use std::fmt::Write;
        let texts = [
            self.table.map(|t| t.code()).unwrap_or(""),
            self.reporter.as_deref().unwrap_or(""),
        ];
        let mut id = String::with_capacity(96);
        id.push_str(self.check.as_str());
        for text in texts {
            id.push('|');
            id.push_str(text);
        }
        id.push('|');
        if let Some(year) = self.year {
            let _ = write!(id, "{year}");
        }
        for text in [
            self.sex.map(|s| s.code()).unwrap_or(""),
            self.age.as_deref().unwrap_or(""),
            self.category.as_deref().unwrap_or(""),
        ] {
            id.push('|');
            id.push_str(text);
        }
        id.push('|');
        if let Some(location) = location {
            let _ = write!(id, "{}", location.display_with_file_name());
        }
        id
    }

    /// What the finding says, in a language: written from its values each time it is asked
    /// for, unless it was written when found. Without a Russian text, the English one.
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        self.message.text(self, lang)
    }

    /// The Russian text as a report writes it: empty when there is none.
    pub fn message_ru(&self) -> Cow<'_, str> {
        match &self.message {
            Message::Written(written) => Cow::Borrowed(&written.ru),
            _ => self.message(Lang::Ru),
        }
    }
}

/// How one registered check went: one row per check, also those that found nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckSummary {
    pub check: CheckCode,
    pub title: String,
    pub severity: Severity,
    pub dimension: Dimension,
    pub level: u8,
    /// Cases the check could decide (pass or fail).
    pub evaluated: usize,
    pub failed: usize,
    pub not_evaluable: usize,
}

/// A failed case of Kazakhstan's Table 3 (men, 2019, partner RUS), without values, messages or
/// location, for tests to complete.
#[cfg(test)]
pub(crate) fn example(check: CheckCode) -> Finding {
    Finding {
        check,
        severity: Severity::Error,
        outcome: Outcome::Fail,
        dimension: Dimension::Accuracy,
        level: 1,
        table: Some(TableId::T3),
        reporter: Some("KAZ".into()),
        year: Some(2019),
        sex: Some(Sex::M),
        age: Some("TOTAL".into()),
        category: Some("RUS".into()),
        expected: None,
        actual: None,
        message: Message::default(),
        location: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(check: CheckCode, location: Option<Location>) -> Finding {
        Finding {
            location,
            ..example(check)
        }
    }

    /// The identity a review keeps its decisions under: a change of its form would lose them.
    #[test]
    fn a_case_is_named_by_check_key_and_bare_location() {
        let cell = Location::cell_of("data/v2019/KAZ.xlsx", "Table 3", 13, 3);
        let a1 = finding(CheckCode::A1, Some(cell));
        assert_eq!(
            a1.case_id(),
            "A1|3|KAZ|2019|M|TOTAL|RUS|KAZ.xlsx › Table 3 › D14"
        );
        assert_eq!(a1.legacy_case_id(), None);
        let line = Location::line_of("flows.csv", 387);
        let t2 = finding(CheckCode::T2, Some(line));
        assert_eq!(
            t2.case_id(),
            "T2|3|KAZ|2019|M|TOTAL|RUS|flows.csv › line 387"
        );
        assert_eq!(
            t2.legacy_case_id().as_deref(),
            Some("T2|3|KAZ|2019|M|TOTAL|RUS|")
        );
        let nowhere = Finding {
            year: None,
            sex: None,
            ..finding(CheckCode::M2, None)
        };
        assert_eq!(nowhere.case_id(), "M2|3|KAZ|||TOTAL|RUS|");
    }

    /// Findings of one cause share a group: an M1 pair over years and sexes, a T2 series over
    /// the years, an S1 label wherever it sits; an A1 finding stands alone.
    #[test]
    fn findings_of_one_cause_share_a_group() {
        let m1 = |year: u16, sex: Sex| Finding {
            year: Some(year),
            sex: Some(sex),
            ..finding(CheckCode::M1, None)
        };
        assert_eq!(m1(2016, Sex::T).group_id(), "M1|3|KAZ|||TOTAL|RUS|");
        assert_eq!(m1(2016, Sex::T).group_id(), m1(2021, Sex::F).group_id());
        let other_partner = Finding {
            category: Some("TJK".into()),
            ..m1(2016, Sex::T)
        };
        assert_ne!(other_partner.group_id(), m1(2016, Sex::T).group_id());
        let t2 = |year: u16, sex: Sex| Finding {
            year: Some(year),
            sex: Some(sex),
            ..finding(CheckCode::T2, None)
        };
        assert_eq!(t2(2016, Sex::M).group_id(), t2(2019, Sex::M).group_id());
        assert_ne!(t2(2016, Sex::M).group_id(), t2(2016, Sex::F).group_id());
        let s1 = |reporter: &str| Finding {
            reporter: Some(reporter.into()),
            category: Some("Kyrgyzstn".into()),
            ..finding(CheckCode::S1, None)
        };
        assert_eq!(s1("KAZ").group_id(), "S1||||||Kyrgyzstn|");
        assert_eq!(s1("KAZ").group_id(), s1("TJK").group_id());
        let a1 = finding(CheckCode::A1, None);
        assert_eq!(a1.group_id(), a1.case_id());
    }

    /// A run on random data holds hundreds of thousands of findings: a finding's message is
    /// one pointer, its location holds a cell as numbers (the report's memory budget counts on
    /// these sizes).
    #[test]
    fn a_finding_stays_compact() {
        assert_eq!(std::mem::size_of::<Message>(), 16);
        assert_eq!(std::mem::size_of::<Option<Location>>(), 56);
        assert!(std::mem::size_of::<Finding>() <= 192);
        assert!(std::mem::size_of::<super::super::message::SumMessage>() <= 96);
    }
}
