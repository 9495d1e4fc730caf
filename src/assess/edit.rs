//! Changes to an assessment as a reviewer makes them: a source added or removed, its inventory
//! fields replaced, a suggestion accepted, a score overridden or cleared, the reviewer's evidence
//! set. Each is an [`AssessEdit`] applied with [`apply`], which says whether the assessment
//! changed and whether the suggestions of a country must be computed again (that needs the
//! evidence of loaded data, which the caller holds).

use super::{
    AssessError, Assessment, Choice, Criterion, DataSource, Score, ScoreError, SourceKind,
};
use crate::model::Lang;

/// A change to the assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum AssessEdit {
    AddSource {
        country: String,
        kind: SourceKind,
    },
    RemoveSource {
        country: String,
        id: String,
    },
    /// New inventory fields of a source; its scores and decisions are kept.
    SetInventory {
        country: String,
        source: Box<DataSource>,
    },
    Accept {
        country: String,
        id: String,
        criterion: Criterion,
    },
    Override {
        country: String,
        id: String,
        criterion: Criterion,
        score: Score,
        reason: String,
    },
    ClearFinal {
        country: String,
        id: String,
        criterion: Criterion,
    },
    SetEvidence {
        country: String,
        id: String,
        criterion: Criterion,
        text: String,
    },
    /// The country's institutions working on migration, as a whole.
    SetInstitutions {
        country: String,
        institutions: Vec<super::institutions::Institution>,
    },
}

/// What an edit did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edited {
    /// Whether the assessment changed.
    pub changed: bool,
    /// The id of a source added.
    pub added: Option<String>,
    /// The country (its code) whose suggestions must be computed again: a source was added, or
    /// a field the suggestions depend on changed.
    pub rescore: Option<String>,
}

impl Edited {
    fn changed() -> Edited {
        Edited {
            changed: true,
            ..Edited::default()
        }
    }
}

/// Why an edit was refused.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("the assessment has no country {0}")]
    NoCountry(String),
    #[error(transparent)]
    Assess(#[from] AssessError),
    /// A suggestion that could not be accepted.
    #[error(transparent)]
    Accept(ScoreError),
    /// An override refused: its score differs from the suggestion and it has no reason.
    #[error(transparent)]
    Override(ScoreError),
}

/// Whether two versions of a source have the same fields its suggestions depend on.
pub fn same_scoring_inputs(a: &DataSource, b: &DataSource) -> bool {
    a.kind == b.kind
        && a.feeds == b.feeds
        && a.periodicity == b.periodicity
        && a.release_lag_months == b.release_lag_months
        && a.groups_covered == b.groups_covered
        && a.duration_rule_months == b.duration_rule_months
        && a.duration_basis == b.duration_basis
        && a.deregistration_obligation.rule == b.deregistration_obligation.rule
        && a.publication == b.publication
}

/// The source `id` of `country`, to be changed.
fn source_mut<'a>(
    assessment: &'a mut Assessment,
    country: &str,
    id: &str,
) -> Result<&'a mut DataSource, EditError> {
    assessment
        .country_mut(country)
        .and_then(|c| c.source_mut(id))
        .ok_or_else(|| {
            EditError::Assess(AssessError::NoSuchSource {
                country: country.to_string(),
                id: id.to_string(),
            })
        })
}

/// Applies an edit. A new source is named by its kind in `lang`.
pub fn apply(
    assessment: &mut Assessment,
    edit: AssessEdit,
    lang: Lang,
) -> Result<Edited, EditError> {
    match edit {
        AssessEdit::AddSource { country, kind } => {
            let entry = assessment.country_entry(&country)?;
            let id = entry.new_source_id(kind);
            entry.add_source(DataSource::new(&id, kind.label(lang), kind))?;
            Ok(Edited {
                changed: true,
                added: Some(id),
                rescore: Some(entry.country.clone()),
            })
        }
        AssessEdit::RemoveSource { country, id } => {
            let entry = assessment
                .country_mut(&country)
                .ok_or(EditError::NoCountry(country.clone()))?;
            entry.remove_source(&id)?;
            Ok(Edited::changed())
        }
        AssessEdit::SetInventory { country, source } => {
            let existing = source_mut(assessment, &country, &source.id)?;
            let mut updated = *source;
            updated.scores = existing.scores.clone();
            if *existing == updated {
                return Ok(Edited::default());
            }
            let rescore = !same_scoring_inputs(existing, &updated);
            *existing = updated;
            Ok(Edited {
                rescore: rescore.then_some(country),
                ..Edited::changed()
            })
        }
        AssessEdit::Accept {
            country,
            id,
            criterion,
        } => {
            let source = source_mut(assessment, &country, &id)?;
            source.accept(criterion).map_err(EditError::Accept)?;
            Ok(Edited::changed())
        }
        AssessEdit::Override {
            country,
            id,
            criterion,
            score,
            reason,
        } => {
            let source = source_mut(assessment, &country, &id)?;
            source
                .set_final(criterion, score, &reason)
                .map_err(EditError::Override)?;
            Ok(Edited::changed())
        }
        AssessEdit::ClearFinal {
            country,
            id,
            criterion,
        } => {
            source_mut(assessment, &country, &id)?.clear_final(criterion);
            Ok(Edited::changed())
        }
        AssessEdit::SetEvidence {
            country,
            id,
            criterion,
            text,
        } => {
            let source = source_mut(assessment, &country, &id)?;
            if source.score(criterion).map_or("", |s| s.evidence.as_str()) == text {
                return Ok(Edited::default());
            }
            source.set_evidence(criterion, &text);
            Ok(Edited::changed())
        }
        AssessEdit::SetInstitutions {
            country,
            institutions,
        } => {
            let entry = assessment.country_entry(&country)?;
            if entry.institutions == institutions {
                return Ok(Edited::default());
            }
            entry.institutions = institutions;
            Ok(Edited::changed())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Publication, Suggestion};

    fn score(n: u8) -> Score {
        Score::new(n).unwrap_or_else(|| unreachable!())
    }

    /// An assessment of Kazakhstan with its population register, which has a suggestion of 3
    /// for accessibility.
    fn with_register() -> Assessment {
        let mut assessment = Assessment::new();
        let added = apply(
            &mut assessment,
            AssessEdit::AddSource {
                country: "Kazakhstan".into(),
                kind: SourceKind::PopulationRegister,
            },
            Lang::En,
        );
        assert_eq!(
            added,
            Ok(Edited {
                changed: true,
                added: Some("KAZ-REG".into()),
                rescore: Some("KAZ".into()),
            })
        );
        if let Ok(source) = source_mut(&mut assessment, "KAZ", "KAZ-REG") {
            source.set_suggestions(vec![Suggestion {
                criterion: Criterion::Accessibility,
                score: score(3),
                evidence_en: "published as machine-readable data".into(),
                evidence_ru: String::new(),
                refs: Vec::new(),
            }]);
        }
        assessment
    }

    fn register(assessment: &Assessment) -> DataSource {
        assessment
            .country("KAZ")
            .and_then(|c| c.source("KAZ-REG"))
            .cloned()
            .unwrap_or_else(|| unreachable!("the register is there"))
    }

    #[test]
    fn a_source_is_added_by_kind_and_removed_once() {
        let mut assessment = with_register();
        assert_eq!(
            register(&assessment).name,
            "Population register (registration at place of residence)"
        );
        let remove = || AssessEdit::RemoveSource {
            country: "KAZ".into(),
            id: "KAZ-REG".into(),
        };
        assert_eq!(
            apply(&mut assessment, remove(), Lang::En),
            Ok(Edited::changed())
        );
        assert_eq!(assessment.country("KAZ").map(|c| c.sources.len()), Some(0));
        let again = apply(&mut assessment, remove(), Lang::En);
        assert_eq!(
            again.map_err(|e| e.to_string()),
            Err("KAZ: there is no source with id \"KAZ-REG\"".to_string())
        );
        let elsewhere = apply(
            &mut assessment,
            AssessEdit::RemoveSource {
                country: "UZB".into(),
                id: "UZB-REG".into(),
            },
            Lang::En,
        );
        assert_eq!(elsewhere, Err(EditError::NoCountry("UZB".into())));
    }

    #[test]
    fn inventory_changes_ask_for_new_suggestions_only_when_scoring_fields_change() {
        let mut assessment = with_register();
        let set = |source: DataSource| AssessEdit::SetInventory {
            country: "KAZ".into(),
            source: Box::new(source),
        };
        let unchanged = register(&assessment);
        assert_eq!(
            apply(&mut assessment, set(unchanged.clone()), Lang::En),
            Ok(Edited::default())
        );
        let mut noted = unchanged;
        noted.notes = "kept by the migration service".into();
        // The scores sent with the fields are not taken: the source keeps its own.
        noted.scores.clear();
        assert_eq!(
            apply(&mut assessment, set(noted.clone()), Lang::En),
            Ok(Edited::changed())
        );
        assert_eq!(register(&assessment).notes, "kept by the migration service");
        assert_eq!(register(&assessment).scores.len(), 1);
        let mut published = noted;
        published.publication = Publication::MachineReadable;
        assert_eq!(
            apply(&mut assessment, set(published), Lang::En),
            Ok(Edited {
                changed: true,
                added: None,
                rescore: Some("KAZ".into()),
            })
        );
        assert_eq!(
            register(&assessment).publication,
            Publication::MachineReadable
        );
    }

    #[test]
    fn decisions_need_a_reason_to_differ_from_the_suggestion() {
        let mut assessment = with_register();
        let criterion = Criterion::Accessibility;
        let override_to = |reason: &str| AssessEdit::Override {
            country: "KAZ".into(),
            id: "KAZ-REG".into(),
            criterion,
            score: score(1),
            reason: reason.into(),
        };
        let refused = apply(&mut assessment, override_to("  "), Lang::En);
        assert!(matches!(
            refused,
            Err(EditError::Override(ScoreError::ReasonRequired { .. }))
        ));
        assert_eq!(
            register(&assessment)
                .score(criterion)
                .and_then(|e| e.final_score),
            None
        );
        let taken = apply(
            &mut assessment,
            override_to(" only the summary is machine-readable "),
            Lang::En,
        );
        assert_eq!(taken, Ok(Edited::changed()));
        let entry = register(&assessment).score(criterion).cloned();
        assert_eq!(entry.as_ref().and_then(|e| e.final_score), Some(score(1)));
        assert_eq!(entry.as_ref().map(|e| e.overridden), Some(true));
        assert_eq!(
            entry.as_ref().map(|e| e.reason.as_str()),
            Some("only the summary is machine-readable")
        );
        let accept = AssessEdit::Accept {
            country: "KAZ".into(),
            id: "KAZ-REG".into(),
            criterion,
        };
        assert_eq!(
            apply(&mut assessment, accept, Lang::En),
            Ok(Edited::changed())
        );
        let entry = register(&assessment).score(criterion).cloned();
        assert_eq!(entry.as_ref().and_then(|e| e.final_score), Some(score(3)));
        assert_eq!(entry.as_ref().map(|e| e.overridden), Some(false));
        let clear = AssessEdit::ClearFinal {
            country: "KAZ".into(),
            id: "KAZ-REG".into(),
            criterion,
        };
        assert_eq!(
            apply(&mut assessment, clear, Lang::En),
            Ok(Edited::changed())
        );
        assert_eq!(
            register(&assessment)
                .score(criterion)
                .and_then(|e| e.final_score),
            None
        );
        // Without a suggestion there is nothing to accept.
        let nothing = apply(
            &mut assessment,
            AssessEdit::Accept {
                country: "KAZ".into(),
                id: "KAZ-REG".into(),
                criterion: Criterion::Timeliness,
            },
            Lang::En,
        );
        assert_eq!(
            nothing,
            Err(EditError::Accept(ScoreError::NoSuggestion(
                Criterion::Timeliness
            )))
        );
    }

    #[test]
    fn the_same_evidence_again_changes_nothing() {
        let mut assessment = with_register();
        let evidence = || AssessEdit::SetEvidence {
            country: "KAZ".into(),
            id: "KAZ-REG".into(),
            criterion: Criterion::Coverage,
            text: "the register misses emigrants who do not deregister".into(),
        };
        assert_eq!(
            apply(&mut assessment, evidence(), Lang::En),
            Ok(Edited::changed())
        );
        assert_eq!(
            apply(&mut assessment, evidence(), Lang::En),
            Ok(Edited::default())
        );
        assert_eq!(
            register(&assessment)
                .score(Criterion::Coverage)
                .map(|s| s.evidence.as_str()),
            Some("the register misses emigrants who do not deregister")
        );
    }
}
