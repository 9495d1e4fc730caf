//! The findings as an ESS validation report (`migreview check --format ess`): the structure of
//! the ESSnet ValiDat Integration report, version 1.0.1, so that the validation tooling of the
//! European Statistical System can read migreview's results.
//!
//! The report is an array of validation events. Each finding is one: `rule` names the check
//! (`language` "migreview", `expression` its code and title, `severity` as ESS writes it,
//! `description` what it tests), `data.source` the place in the input file and `data.target`
//! the key of the observation or series, `value` "0" (the rule fails) or "NA" (it could not be
//! decided). The `event` is the run: its time and migreview as actor.

use super::Report;
use crate::checks::{Finding, Outcome, Severity, catalog};
use crate::model::Lang;
use serde::Serialize;

#[derive(Serialize)]
struct Validation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    event: &'a Event,
    rule: Rule,
    data: Data,
    value: &'static str,
}

#[derive(Serialize)]
struct Event {
    time: String,
    actor: String,
    trigger: &'static str,
}

#[derive(Serialize)]
struct Rule {
    language: &'static str,
    expression: String,
    severity: &'static str,
    description: &'static str,
}

#[derive(Serialize)]
struct Data {
    source: Vec<Vec<String>>,
    target: Vec<Vec<String>>,
    description: String,
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "information",
    }
}

fn validation<'a>(finding: &Finding, event: &'a Event) -> Validation<'a> {
    let entry = catalog::entry(finding.check);
    let texts = entry.texts(Lang::En);
    let source = finding
        .location
        .as_ref()
        .map(|l| {
            let mut place = vec![l.file_name().to_string()];
            place.extend(l.sheet.as_deref().map(String::from));
            place.extend(l.cell_ref());
            place.extend(l.line().map(|line| format!("line {line}")));
            vec![place]
        })
        .unwrap_or_default();
    let key: Vec<String> = [
        ("table", finding.table.map(|t| t.code().to_string())),
        ("reporter", finding.reporter.as_deref().map(String::from)),
        ("year", finding.year.map(|y| y.to_string())),
        ("sex", finding.sex.map(|s| s.code().to_string())),
        ("age", finding.age.as_deref().map(String::from)),
        ("category", finding.category.as_deref().map(String::from)),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| format!("{name}={v}")))
    .collect();
    Validation {
        id: finding.case_id(),
        kind: "validation",
        event,
        rule: Rule {
            language: "migreview",
            expression: format!("{}: {}", finding.check, texts.title),
            severity: severity(finding.severity),
            description: texts.what,
        },
        data: Data {
            source,
            target: if key.is_empty() {
                Vec::new()
            } else {
                vec![key]
            },
            description: finding.message(Lang::En).to_string(),
        },
        value: match finding.outcome {
            Outcome::Fail => "0",
            Outcome::Pass => "1",
            Outcome::NotEvaluable => "NA",
        },
    }
}

impl Report {
    /// Writes the findings as an ESS validation report (ValiDat 1.0.1), `time` being the run's.
    pub fn write_ess(&self, out: &mut dyn std::io::Write, time: &str) -> std::io::Result<()> {
        let event = Event {
            time: time.to_string(),
            actor: self.generated_by.clone(),
            trigger: "migreview check",
        };
        let events: Vec<Validation<'_>> = self
            .findings
            .iter()
            .map(|f| validation(f, &event))
            .collect();
        crate::save::write_json_pretty(out, &events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckCode;

    #[test]
    fn information_is_information_and_an_undecided_case_is_na() {
        assert_eq!(severity(Severity::Info), "information");
        assert_eq!(severity(Severity::Warning), "warning");
        let event = Event {
            time: "2026-12-07T10:00:00Z".into(),
            actor: "migreview".into(),
            trigger: "migreview check",
        };
        let finding = Finding {
            outcome: Outcome::NotEvaluable,
            severity: Severity::Info,
            ..crate::checks::finding::example(CheckCode::U1)
        };
        let item = validation(&finding, &event);
        assert_eq!(item.value, "NA");
        assert_eq!(item.rule.severity, "information");
        assert!(item.rule.expression.starts_with("U1: "));
        // No place in a file: no source, but the array is there.
        assert!(item.data.source.is_empty());
    }
}
