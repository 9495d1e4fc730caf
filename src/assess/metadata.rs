//! The metadata score of a country's undercount (`docs/domain.md#undercount-classes`): from the
//! registration and de-registration rules of the data sources that feed its immigration
//! (Table 3) and emigration (Table 4) tables, as the published scoring of registration systems
//! rates them.
//!
//! * Immigration: the risk 1[no obligation to register] + 0.5 · 1[no time limit] + 0.5 · 1[no
//!   sanctions], read as low (0), medium (0.5) or high (1 and above); the score is 1 − that
//!   class.
//! * Emigration: the share, weighted 0.5, 0.1, 0.1 and 0.3, of the known answers that are yes
//!   among the obligation to de-register, that obligation for third-country nationals, their
//!   monitoring and administrative corrections of the register; unknown answers drop out of the
//!   share.
//!
//! An obligation that is enforced has sanctions; a weak one has none. A country whose sources
//! leave the rule unknown gets no metadata score.

use super::choices::{Answer, ObligationRule};
use super::model::{Assessment, DataSource};
use crate::mirror::{FlowDirection, MetadataScore};
use crate::model::TableId;

/// The rule of the first source feeding `table` that answers it.
fn answered(
    sources: &[DataSource],
    table: TableId,
    rule: impl Fn(&DataSource) -> &super::choices::Obligation,
) -> Option<&DataSource> {
    sources.iter().find(|s| {
        s.feeds.iter().any(|f| f.table == table)
            && matches!(
                rule(s).rule,
                ObligationRule::Enforced | ObligationRule::Weak | ObligationRule::NoObligation
            )
    })
}

/// The immigration metadata score of a source's registration rule.
pub fn registration_score(source: &DataSource) -> Option<f64> {
    let rule = &source.registration_obligation;
    let risk = match rule.rule {
        ObligationRule::NoObligation => 1.0,
        ObligationRule::Enforced => 0.0,
        ObligationRule::Weak => 0.5,
        ObligationRule::NotApplicable | ObligationRule::Unknown => return None,
    } + if rule.time_limit_days.is_none() {
        0.5
    } else {
        0.0
    };
    let class = if risk >= 1.0 {
        1.0
    } else if risk >= 0.5 {
        0.5
    } else {
        0.0
    };
    Some(1.0 - class)
}

/// The emigration metadata score of a source's de-registration rules: `None` when the obligation
/// to de-register is not known.
pub fn deregistration_score(source: &DataSource) -> Option<f64> {
    let obligation = match source.deregistration_obligation.rule {
        ObligationRule::Enforced | ObligationRule::Weak => Answer::Yes,
        ObligationRule::NoObligation => Answer::No,
        ObligationRule::NotApplicable | ObligationRule::Unknown => return None,
    };
    let answers = [
        (0.5, obligation),
        (0.1, source.deregistration_third_country),
        (0.1, source.third_country_monitoring),
        (0.3, source.administrative_corrections),
    ];
    let (yes, known) = answers
        .iter()
        .filter(|(_, answer)| *answer != Answer::Unknown)
        .fold((0.0, 0.0), |(yes, known), (weight, answer)| {
            let y = if *answer == Answer::Yes { *weight } else { 0.0 };
            (yes + y, known + weight)
        });
    Some(yes / known)
}

/// The metadata scores of every country of an assessment, per direction.
pub fn undercount_metadata(assessment: &Assessment) -> Vec<MetadataScore> {
    let mut scores = Vec::new();
    for country in &assessment.countries {
        let immigration = answered(&country.sources, TableId::T3, |s| {
            &s.registration_obligation
        })
        .and_then(registration_score);
        let emigration = answered(&country.sources, TableId::T4, |s| {
            &s.deregistration_obligation
        })
        .and_then(deregistration_score);
        for (direction, score) in [
            (FlowDirection::Immigration, immigration),
            (FlowDirection::Emigration, emigration),
        ] {
            if let Some(score) = score {
                scores.push(MetadataScore {
                    country: country.country.clone(),
                    direction,
                    score,
                });
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::choices::{Obligation, SourceKind};
    use crate::assess::model::{CountryAssessment, TableFeed};

    fn register(
        registration: (ObligationRule, Option<u16>),
        deregistration: ObligationRule,
    ) -> DataSource {
        let mut source = DataSource::new("KAZ-REG", "Register", SourceKind::PopulationRegister);
        source.feeds = vec![
            TableFeed::new(TableId::T3, None),
            TableFeed::new(TableId::T4, None),
        ];
        source.registration_obligation = Obligation {
            rule: registration.0,
            time_limit_days: registration.1,
            note: String::new(),
        };
        source.deregistration_obligation = Obligation {
            rule: deregistration,
            time_limit_days: None,
            note: String::new(),
        };
        source
    }

    #[test]
    fn registration_rules_score_as_the_published_scoring_rates_them() {
        use ObligationRule::*;
        // Austria: obligation within 3 days, sanctions → low risk, score 1.
        let score = |rule, days| registration_score(&register((rule, days), Unknown));
        assert_eq!(score(Enforced, Some(3)), Some(1.0));
        // An obligation without sanctions, or without a time limit: medium, 0.5.
        assert_eq!(score(Weak, Some(10)), Some(0.5));
        assert_eq!(score(Enforced, None), Some(0.5));
        // No obligation (France, Ireland): high, 0.
        assert_eq!(score(NoObligation, None), Some(0.0));
        assert_eq!(score(Weak, None), Some(0.0));
        assert_eq!(score(Unknown, Some(3)), None);
    }

    #[test]
    fn de_registration_rules_weigh_as_the_published_scoring_weighs_them() {
        use ObligationRule::*;
        let mut source = register((Unknown, None), Enforced);
        // Only the obligation known: yes, 1.
        assert_eq!(deregistration_score(&source), Some(1.0));
        // With no administrative corrections: 0.5 of 0.8 known.
        source.administrative_corrections = Answer::No;
        assert_eq!(deregistration_score(&source), Some(0.5 / 0.8));
        // Everything answered, third-country nationals must de-register but are not monitored:
        // (0.5 + 0.1) / 1.
        source.deregistration_third_country = Answer::Yes;
        source.third_country_monitoring = Answer::No;
        assert!((deregistration_score(&source).unwrap_or(f64::NAN) - 0.6).abs() < 1e-12);
        // No obligation at all, the rest unknown: 0.
        assert_eq!(
            deregistration_score(&register((Unknown, None), NoObligation)),
            Some(0.0)
        );
        assert_eq!(
            deregistration_score(&register((Unknown, None), Unknown)),
            None
        );
    }

    #[test]
    fn each_country_gets_a_score_per_direction_it_answers() {
        let assessment = Assessment {
            countries: vec![CountryAssessment {
                sources: vec![register(
                    (ObligationRule::Enforced, Some(10)),
                    ObligationRule::NoObligation,
                )],
                ..CountryAssessment::new("KAZ")
            }],
            ..Assessment::default()
        };
        let scores = undercount_metadata(&assessment);
        assert_eq!(
            scores,
            [
                MetadataScore {
                    country: "KAZ".into(),
                    direction: FlowDirection::Immigration,
                    score: 1.0,
                },
                MetadataScore {
                    country: "KAZ".into(),
                    direction: FlowDirection::Emigration,
                    score: 0.0,
                },
            ]
        );
    }
}
