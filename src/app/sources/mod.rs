//! The Sources panel: the data-source assessment of a country in the window. A country's
//! sources with every field of the inventory, the rubric with the score suggested from the data
//! and why, the reviewer's acceptance or override (with a reason), the scorecard with its
//! potential for development, and the questionnaire out and back in.
//!
//! The assessment lives in the review file ([`crate::review::Review::assessment`]) and is saved
//! with the triage on every change. When data are loaded its suggestions are computed again from
//! the session's report ([`prepare_assessment`]); for the built-in sample the sample assessment
//! is the starting point.
//!
//! The panel is split by job: this file holds its state ([`SourcesView`]), the frame's layout and
//! the country bar; `inventory` the list of a country's sources and the fields of one, `form`
//! what is typed about a source and the rows of the form, `rubric` the criteria with their
//! suggestions and decisions, `scorecard` the country's scorecard, and `commands` what the
//! panel's commands and jobs do to the window. The changes to the assessment itself are
//! `crate::assess::edit`.

mod commands;
mod form;
mod institutions;
mod inventory;
mod rubric;
mod scorecard;

use super::chart_export::ChartRequest;
use super::command::Command;
use super::i18n::{Tr, tr, trf};
use super::session::Session;
use super::theme::Palette;
use crate::app::i18n::country_label;
use crate::assess::edit::AssessEdit;
use crate::assess::edit::{self, EditError};
use crate::assess::questionnaire::{Field, Imported, SCORE_COLUMNS, SOURCE_COLUMNS};
use crate::assess::scorecard::scorecard;
use crate::assess::{Assessment, Criterion, DataSource, ReportEvidence, SourceKind};
use crate::charts::ScorecardData;
use crate::model::Lang;
use egui::RichText;
use form::Draft;
use scorecard::scorecard_ui;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What a background job of the Sources panel reports.
#[derive(Debug)]
pub enum SourcesEvent {
    /// Where to write the questionnaire of these countries (`None`: the dialog was closed).
    ExportPath(Option<PathBuf>, Vec<String>),
    /// The questionnaire chosen for import (`None`: the dialog was closed).
    ImportPath(Option<PathBuf>),
    /// The questionnaire was written to this file, or why not.
    Written(Result<PathBuf, String>),
    /// The questionnaire read back, or why nothing of it was taken.
    Read(Result<Box<Imported>, String>),
    /// Where to write a country's institutions as CSV (`None`: the dialog was closed).
    InstitutionsExportPath(Option<PathBuf>, String),
    /// The CSV of institutions to read for a country (`None`: the dialog was closed).
    InstitutionsImportPath(Option<PathBuf>, String),
}

impl SourcesEvent {
    pub fn ends_dialog(&self) -> bool {
        matches!(
            self,
            SourcesEvent::ExportPath(..)
                | SourcesEvent::ImportPath(_)
                | SourcesEvent::InstitutionsExportPath(..)
                | SourcesEvent::InstitutionsImportPath(..)
        )
    }

    pub fn ends_work(&self) -> bool {
        matches!(self, SourcesEvent::Written(_) | SourcesEvent::Read(_))
    }
}

/// Takes the assessment of a session in hand after a load: the one saved in the review, else
/// (for the built-in sample) the sample assessment; its suggestions are computed again from the
/// session's report for the countries that report data.
pub fn prepare_assessment(session: &mut Session) {
    take_assessment(session);
    if let Some(mut assessment) = session.review.assessment.take() {
        refresh(&mut assessment, session, None);
        session.review.assessment = Some(assessment);
    }
}

/// Gives the session its assessment as it was saved, without new suggestions: the review's,
/// else for the built-in sample the sample assessment (the checks may still be running).
pub fn take_assessment(session: &mut Session) {
    if session.review.assessment.is_none() && session.is_sample() {
        session.review.assessment = match crate::sample::sample_assessment() {
            Ok(sample) => Some(sample),
            Err(e) => {
                log::error!("the built-in sample assessment cannot be read: {e}");
                None
            }
        };
    }
}

/// On the built-in sample, the sample assessment's own texts (inventory, decisions,
/// institutions) in the window's language; what the reviewer wrote stays as it is. Cheap
/// enough for every frame, so a change of language shows at once.
pub fn localise_assessment(session: &mut Session, lang: Lang) {
    if session.is_sample()
        && let Some(assessment) = session.review.assessment.as_mut()
        && crate::sample::assessment::localise(assessment, lang)
    {
        // The source's form takes the texts again.
        session.review_version += 1;
    }
}

/// Computes the suggestions again from the session's report: every country that reports data,
/// or only `country`.
fn refresh(assessment: &mut Assessment, session: &Session, country: Option<&str>) {
    let owned = ReportEvidence::from_report(&session.report);
    let evidence = owned.evidence(&session.dataset, &session.report.findings);
    let settings = &session.report.settings.assess;
    match country {
        None => {
            assessment.refresh_suggestions(&evidence, settings);
        }
        Some(code) => {
            if let Some(country) = assessment.country_mut(code) {
                country.refresh_suggestions(&evidence, settings);
            }
        }
    }
}

/// Applies an edit (see [`crate::assess::edit::apply`]) and computes the suggestions again
/// when it asks for it; returns whether the assessment changed and, for a new source, its id.
/// A refused decision (an override without a reason) is an `Err` with the reason in words.
pub fn apply_edit(
    assessment: &mut Assessment,
    edit: AssessEdit,
    session: &Session,
    lang: Lang,
) -> Result<(bool, Option<String>), String> {
    match edit::apply(assessment, edit, lang) {
        Ok(edited) => {
            if let Some(country) = &edited.rescore {
                refresh(assessment, session, Some(country));
            }
            Ok((edited.changed, edited.added))
        }
        Err(EditError::Override(_)) => Err(tr(lang, Tr::SourcesReasonNeeded).to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The part of the Sources panel shown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum SourcesTab {
    /// The inventory fields of the selected source.
    #[default]
    Inventory,
    /// The criteria of the selected source: suggestions and decisions.
    Rubric,
    /// The country's scorecard and potential for development.
    Scorecard,
    /// The institutions working on migration in the country.
    Institutions,
}

/// State of the Sources panel.
#[derive(Default)]
pub struct SourcesView {
    pub country: Option<String>,
    pub source: Option<String>,
    pub criterion: Option<Criterion>,
    pub tab: SourcesTab,
    new_kind: SourceKind,
    confirm_remove: Option<String>,
    /// Why the last decision was refused, for the criterion it was about.
    refused: Option<(String, Criterion, String)>,
    draft: Option<Draft>,
    /// Findings by case id, for the cited ones (built once per session, when first needed).
    finding_lookup: Option<(u64, Arc<HashMap<String, usize>>)>,
}

/// The countries to choose from: the reporters of the data, then the other countries of the
/// assessment.
pub fn countries(session: &Session) -> Vec<String> {
    let mut list: Vec<String> = session.report.dataset.reporters.clone();
    if let Some(assessment) = &session.review.assessment {
        for country in &assessment.countries {
            if !list.contains(&country.country) {
                list.push(country.country.clone());
            }
        }
    }
    list
}

/// The label of an inventory field, as the questionnaire writes it.
fn field_label(field: Field, lang: Lang) -> (&'static str, &'static str) {
    SOURCE_COLUMNS
        .iter()
        .chain(SCORE_COLUMNS.iter())
        .find(|c| c.field == field)
        .map_or(("", ""), |c| (c.header(lang), c.help(lang)))
}

impl SourcesView {
    /// Forgets what belonged to the previous session.
    pub fn reset(&mut self) {
        self.source = None;
        self.criterion = None;
        self.confirm_remove = None;
        self.refused = None;
        self.draft = None;
    }

    /// The chart of the panel: the scorecard of the country shown, when it has sources (after a
    /// frame, which settles the country).
    pub fn chart_request(&self, session: &Session) -> Option<ChartRequest> {
        let country = self.country.as_deref()?;
        session
            .review
            .assessment
            .as_ref()
            .and_then(|a| a.country(country))
            .filter(|c| !c.sources.is_empty())
            .map(|c| ChartRequest::Scorecard {
                country: c.country.clone(),
            })
    }

    /// Selects a source (after it was added).
    pub fn select_source(&mut self, id: Option<String>) {
        self.source = id;
        self.confirm_remove = None;
    }

    /// Says why a decision was refused, next to the criterion.
    pub fn refuse(&mut self, id: String, criterion: Criterion, why: String) {
        self.refused = Some((id, criterion, why));
    }

    /// Keeps the choices valid for the session: a country of the list, a source of it.
    fn settle(&mut self, session: &Session) {
        let list = countries(session);
        let assessment = session.review.assessment.as_ref();
        if self.country.as_ref().is_none_or(|c| !list.contains(c)) {
            self.country = list
                .iter()
                .find(|c| {
                    assessment
                        .and_then(|a| a.country(c))
                        .is_some_and(|c| !c.sources.is_empty())
                })
                .or(list.first())
                .cloned();
        }
        let sources: Vec<&DataSource> = self
            .country
            .as_deref()
            .and_then(|c| assessment.and_then(|a| a.country(c)))
            .map(|c| c.sources.iter().collect())
            .unwrap_or_default();
        if self
            .source
            .as_ref()
            .is_none_or(|id| !sources.iter().any(|s| s.id == *id))
        {
            self.source = sources.first().map(|s| s.id.clone());
        }
        if self.criterion.is_none() {
            self.criterion = Some(Criterion::Definition);
        }
        // The draft follows the selected source.
        match (self.country.clone(), self.source.clone()) {
            (Some(country), Some(id)) => {
                let key = (
                    session.generation,
                    session.review_version,
                    country.clone(),
                    id.clone(),
                );
                let Some(source) = sources.iter().find(|s| s.id == id) else {
                    self.draft = None;
                    return;
                };
                match &mut self.draft {
                    Some(draft) if draft.key == key => {}
                    Some(draft) => draft.follow(key, source),
                    None => self.draft = Some(Draft::new(key, source)),
                }
            }
            _ => self.draft = None,
        }
    }

    pub fn sources_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        if session.dataset.is_empty() && session.review.assessment.is_none() {
            ui.add_space(12.0);
            ui.heading(tr(lang, Tr::NothingOpen));
            ui.label(tr(lang, Tr::HowToOpen));
            return;
        }
        self.settle(session);
        self.top_bar_ui(ui, session, lang, commands);
        if session.checking {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.label(tr(lang, Tr::SuggestionsFollow));
            });
        }
        ui.separator();
        let Some(country_code) = self.country.clone() else {
            ui.label(tr(lang, Tr::SourcesNoCountry));
            return;
        };
        let country = session
            .review
            .assessment
            .as_ref()
            .and_then(|a| a.country(&country_code));
        if let Some(country) = country
            && country.synthetic
        {
            ui.label(
                RichText::new(tr(lang, Tr::SourcesSyntheticAssessment))
                    .color(palette.warning)
                    .strong(),
            );
        }
        super::widgets::SidePanel {
            id: "source_list",
            left: true,
            default_size: 280.0,
            min_size: 200.0,
            max_share: 0.3,
        }
        .show(ui, lang, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("source_list_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.source_list_ui(ui, &country_code, country, lang, commands);
                });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for (tab, key) in [
                    (SourcesTab::Inventory, Tr::SourcesTabInventory),
                    (SourcesTab::Rubric, Tr::SourcesTabRubric),
                    (SourcesTab::Scorecard, Tr::SourcesTabScorecard),
                    (SourcesTab::Institutions, Tr::SourcesTabInstitutions),
                ] {
                    if ui
                        .selectable_label(self.tab == tab, tr(lang, key))
                        .clicked()
                    {
                        self.tab = tab;
                    }
                }
            });
            ui.separator();
            match self.tab {
                SourcesTab::Institutions => {
                    egui::ScrollArea::vertical()
                        .id_salt("institutions_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            institutions::institutions_ui(
                                ui,
                                &country_code,
                                country,
                                lang,
                                commands,
                            );
                        });
                }
                SourcesTab::Scorecard => {
                    egui::ScrollArea::vertical()
                        .id_salt("scorecard_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| match country {
                            Some(country) if !country.sources.is_empty() => {
                                let settings = &session.report.settings.assess;
                                let card = scorecard(country, settings);
                                let bars = ScorecardData::build(&card, settings.grade_bands);
                                scorecard_ui(ui, &card, &bars, lang, commands);
                            }
                            _ => {
                                ui.label(trf(
                                    lang,
                                    Tr::SourcesNoneListed,
                                    &[&country_label(&country_code, lang)],
                                ));
                            }
                        });
                }
                SourcesTab::Inventory | SourcesTab::Rubric => {
                    let source =
                        country.and_then(|c| self.source.as_deref().and_then(|id| c.source(id)));
                    let Some(source) = source else {
                        ui.label(trf(
                            lang,
                            Tr::SourcesNoneListed,
                            &[&country_label(&country_code, lang)],
                        ));
                        return;
                    };
                    if self.tab == SourcesTab::Inventory {
                        egui::ScrollArea::vertical()
                            .id_salt("inventory_scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                let institutions = country
                                    .map(|c| c.institutions.as_slice())
                                    .unwrap_or_default();
                                self.inventory_ui(
                                    ui,
                                    &country_code,
                                    institutions,
                                    lang,
                                    palette,
                                    commands,
                                );
                            });
                    } else {
                        let shown = rubric::ShownSource {
                            country: &country_code,
                            source,
                        };
                        self.rubric_ui(ui, session, shown, lang, palette, commands);
                    }
                }
            }
        });
    }

    fn top_bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let list = countries(session);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, Tr::SourcesCountry));
            let shown = self
                .country
                .as_deref()
                .map(|c| country_label(c, lang))
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("sources_country")
                .selected_text(shown)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for code in &list {
                        if ui
                            .selectable_label(
                                self.country.as_deref() == Some(code.as_str()),
                                country_label(code, lang),
                            )
                            .clicked()
                        {
                            self.country = Some(code.clone());
                            self.source = None;
                            self.confirm_remove = None;
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.separator();
            let countries: Vec<String> = self.country.iter().cloned().collect();
            if ui
                .add_enabled(
                    !countries.is_empty(),
                    egui::Button::new(tr(lang, Tr::SourcesExportQuestionnaire)),
                )
                .on_hover_text(tr(lang, Tr::SourcesExportHint))
                .clicked()
            {
                commands.push(Command::ExportQuestionnaireDialog(countries));
            }
            if ui
                .button(tr(lang, Tr::SourcesImportQuestionnaire))
                .on_hover_text(tr(lang, Tr::SourcesImportHint))
                .clicked()
            {
                commands.push(Command::ImportQuestionnaireDialog);
            }
        });
    }
}

impl SourcesView {
    /// Forgets the override being typed for a criterion once it was applied.
    pub(in crate::app) fn clear_override(&mut self, id: &str, criterion: Criterion) {
        if let Some(draft) = &mut self.draft
            && draft.key.3 == id
        {
            draft.override_score.remove(&criterion);
            draft.reason.remove(&criterion);
        }
        if self
            .refused
            .as_ref()
            .is_some_and(|(refused_id, c, _)| refused_id == id && *c == criterion)
        {
            self.refused = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::session::SessionSource;
    use crate::assess::{Publication, Score, SourceKind};
    use crate::model::Dataset;
    use crate::report::Report;
    use crate::settings::Settings;

    fn empty_session() -> Session {
        Session::build(
            SessionSource::Empty,
            Dataset::new(),
            Vec::new(),
            Report::new(Vec::new(), &Dataset::new(), &Settings::default()),
            None,
        )
    }

    #[test]
    fn edits_add_score_and_remove_sources() {
        let session = empty_session();
        let mut assessment = Assessment::new();
        let added = apply_edit(
            &mut assessment,
            AssessEdit::AddSource {
                country: "Kazakhstan".into(),
                kind: SourceKind::PopulationRegister,
            },
            &session,
            Lang::En,
        );
        assert_eq!(added, Ok((true, Some("KAZ-REG".to_string()))));
        let source = assessment
            .country("KAZ")
            .and_then(|c| c.source("KAZ-REG"))
            .cloned();
        assert_eq!(
            source.as_ref().map(|s| s.name.as_str()),
            Some("Population register (registration at place of residence)")
        );
        // The inventory: a publication as machine-readable data suggests accessibility 3.
        let mut edited = source.unwrap_or_default();
        edited.publication = Publication::MachineReadable;
        let set = apply_edit(
            &mut assessment,
            AssessEdit::SetInventory {
                country: "KAZ".into(),
                source: Box::new(edited.clone()),
            },
            &session,
            Lang::En,
        );
        assert_eq!(set, Ok((true, None)));
        let accessibility = |a: &Assessment| {
            a.country("KAZ")
                .and_then(|c| c.source("KAZ-REG"))
                .and_then(|s| s.score(Criterion::Accessibility))
                .cloned()
        };
        assert_eq!(
            accessibility(&assessment)
                .and_then(|s| s.suggested)
                .map(|s| s.score.get()),
            Some(3)
        );
        // The same fields again: nothing changes.
        let again = apply_edit(
            &mut assessment,
            AssessEdit::SetInventory {
                country: "KAZ".into(),
                source: Box::new(edited),
            },
            &session,
            Lang::En,
        );
        assert_eq!(again, Ok((false, None)));
        // An override without a reason is refused, with the reason in words.
        let score = |n| Score::new(n).unwrap_or_else(|| unreachable!());
        let refused = apply_edit(
            &mut assessment,
            AssessEdit::Override {
                country: "KAZ".into(),
                id: "KAZ-REG".into(),
                criterion: Criterion::Accessibility,
                score: score(1),
                reason: "  ".into(),
            },
            &session,
            Lang::En,
        );
        assert_eq!(
            refused,
            Err("A reason is needed: the score differs from the suggestion.".to_string())
        );
        let accepted = apply_edit(
            &mut assessment,
            AssessEdit::Override {
                country: "KAZ".into(),
                id: "KAZ-REG".into(),
                criterion: Criterion::Accessibility,
                score: score(1),
                reason: "only the summary is machine-readable".into(),
            },
            &session,
            Lang::En,
        );
        assert_eq!(accepted, Ok((true, None)));
        let entry = accessibility(&assessment).unwrap_or_else(|| unreachable!());
        assert_eq!(entry.final_score, Some(score(1)));
        assert!(entry.overridden);
        assert_eq!(entry.suggested.map(|s| s.score), Some(score(3)));
        let removed = apply_edit(
            &mut assessment,
            AssessEdit::RemoveSource {
                country: "KAZ".into(),
                id: "KAZ-REG".into(),
            },
            &session,
            Lang::En,
        );
        assert_eq!(removed, Ok((true, None)));
        assert_eq!(assessment.country("KAZ").map(|c| c.sources.len()), Some(0));
    }
}
