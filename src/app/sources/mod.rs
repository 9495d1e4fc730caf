//! The Sources panel: the data-source assessment of a country in the window. A country's
//! sources with every field of the inventory, the rubric with the score suggested from the data
//! and why, the reviewer's acceptance or override (with a reason), the scorecard with its
//! potential for development, and the questionnaire out and back in.
//!
//! The assessment lives in the review file ([`crate::review::Review::assessment`]) and is saved
//! with the triage on every change. When data are loaded its suggestions are computed again from
//! the session's report ([`prepare_assessment`]); for the built-in sample the sample assessment
//! is the starting point.

use super::chart_export::{ChartRequest, colour, export_buttons_ui};
use super::command::Command;
use super::i18n::{Tr, count_text, dimension_name, tr, trf};
use super::jobs::JobEvent;
use super::session::Session;
use super::theme::Palette;
use super::{MessageLevel, MigreviewApp, Panel};
use crate::assess::questionnaire::{
    Field, Imported, QuestionnaireOptions, SCORE_COLUMNS, SOURCE_COLUMNS, import_questionnaire,
    save_questionnaire,
};
use crate::assess::scorecard::{CountryScorecard, scorecard};
use crate::assess::{
    Assessment, Choice, CountryAssessment, Criterion, DataSource, EvidenceRef, ReportEvidence,
    Score, ScoreBasis, SourceKind, TableFeed,
};
use crate::charts::{ScorecardData, scorecard_colour};
use crate::checks::{CheckCode, Dimension};
use crate::model::{Lang, gazetteer};
use egui::{Align, Layout, RichText, vec2};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// At most this many cited findings are listed under a suggestion (the rest are counted).
const LISTED_FINDINGS: usize = 8;
/// Width of the labels of the inventory form.
const LABEL_WIDTH: f32 = 220.0;

/// A change to the assessment, asked for by the Sources panel and applied after the frame.
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
}

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
}

impl SourcesEvent {
    pub fn ends_dialog(&self) -> bool {
        matches!(
            self,
            SourcesEvent::ExportPath(..) | SourcesEvent::ImportPath(_)
        )
    }

    pub fn ends_work(&self) -> bool {
        matches!(self, SourcesEvent::Written(_) | SourcesEvent::Read(_))
    }
}

/// Takes the assessment of a session in hand after a load: the one saved in the review, else
/// (for the built-in sample) the sample assessment; its suggestions are computed again from the
/// session's report for the countries that report data. Runs on the loading thread.
pub fn prepare_assessment(session: &mut Session) {
    let assessment = session.review.assessment.take().or_else(|| {
        session
            .is_sample()
            .then(|| match crate::sample::sample_assessment() {
                Ok(sample) => Some(sample),
                Err(e) => {
                    log::error!("the built-in sample assessment cannot be read: {e}");
                    None
                }
            })
            .flatten()
    });
    session.review.assessment = assessment.map(|mut assessment| {
        refresh(&mut assessment, session, None);
        assessment
    });
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

/// Whether two versions of a source have the same fields its suggestions depend on.
fn same_scoring_inputs(a: &DataSource, b: &DataSource) -> bool {
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

/// Applies an edit; returns whether the assessment changed and, for a new source, its id.
/// A refused decision (an override without a reason) is an `Err` with the reason in words.
pub fn apply_edit(
    assessment: &mut Assessment,
    edit: AssessEdit,
    session: &Session,
    lang: Lang,
) -> Result<(bool, Option<String>), String> {
    let source_of = |assessment: &mut Assessment, country: &str, id: &str| {
        assessment
            .country_mut(country)
            .and_then(|c| c.source_mut(id))
            .map(|_| ())
            .ok_or_else(|| format!("{country}: there is no source with id {id:?}"))
    };
    match edit {
        AssessEdit::AddSource { country, kind } => {
            let entry = assessment
                .country_entry(&country)
                .map_err(|e| e.to_string())?;
            let id = entry.new_source_id(kind);
            let source = DataSource::new(&id, kind.label(lang), kind);
            entry.add_source(source).map_err(|e| e.to_string())?;
            let code = entry.country.clone();
            refresh(assessment, session, Some(&code));
            Ok((true, Some(id)))
        }
        AssessEdit::RemoveSource { country, id } => {
            let entry = assessment
                .country_mut(&country)
                .ok_or_else(|| format!("the assessment has no country {country}"))?;
            entry.remove_source(&id).map_err(|e| e.to_string())?;
            Ok((true, None))
        }
        AssessEdit::SetInventory { country, source } => {
            source_of(assessment, &country, &source.id)?;
            let Some(existing) = assessment
                .country_mut(&country)
                .and_then(|c| c.source_mut(&source.id))
            else {
                return Ok((false, None));
            };
            let mut updated = *source;
            updated.scores = existing.scores.clone();
            if *existing == updated {
                return Ok((false, None));
            }
            let rescore = !same_scoring_inputs(existing, &updated);
            *existing = updated;
            if rescore {
                refresh(assessment, session, Some(&country));
            }
            Ok((true, None))
        }
        AssessEdit::Accept {
            country,
            id,
            criterion,
        } => {
            source_of(assessment, &country, &id)?;
            let source = assessment
                .country_mut(&country)
                .and_then(|c| c.source_mut(&id));
            match source {
                Some(source) => source
                    .accept(criterion)
                    .map(|()| (true, None))
                    .map_err(|e| e.to_string()),
                None => Ok((false, None)),
            }
        }
        AssessEdit::Override {
            country,
            id,
            criterion,
            score,
            reason,
        } => {
            source_of(assessment, &country, &id)?;
            let source = assessment
                .country_mut(&country)
                .and_then(|c| c.source_mut(&id));
            match source {
                Some(source) => source
                    .set_final(criterion, score, &reason)
                    .map(|()| (true, None))
                    .map_err(|_| tr(lang, Tr::SourcesReasonNeeded).to_string()),
                None => Ok((false, None)),
            }
        }
        AssessEdit::ClearFinal {
            country,
            id,
            criterion,
        } => {
            source_of(assessment, &country, &id)?;
            if let Some(source) = assessment
                .country_mut(&country)
                .and_then(|c| c.source_mut(&id))
            {
                source.clear_final(criterion);
            }
            Ok((true, None))
        }
        AssessEdit::SetEvidence {
            country,
            id,
            criterion,
            text,
        } => {
            source_of(assessment, &country, &id)?;
            let Some(source) = assessment
                .country_mut(&country)
                .and_then(|c| c.source_mut(&id))
            else {
                return Ok((false, None));
            };
            if source.score(criterion).map_or("", |s| s.evidence.as_str()) == text {
                return Ok((false, None));
            }
            source.set_evidence(criterion, &text);
            Ok((true, None))
        }
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
}

/// What the reviewer is typing about the selected source, kept between frames.
struct Draft {
    /// Session generation, review version, country and source the draft was taken from.
    key: (u64, u64, String, String),
    source: DataSource,
    feeds_text: String,
    feeds_error: Option<String>,
    numbers: [String; 4],
    number_errors: [Option<String>; 4],
    evidence: BTreeMap<Criterion, String>,
    override_score: BTreeMap<Criterion, u8>,
    reason: BTreeMap<Criterion, String>,
}

/// The optional numbers of the inventory, edited as text.
const NUMBER_FIELDS: [Field; 4] = [
    Field::ReleaseLag,
    Field::DurationRule,
    Field::RegistrationDays,
    Field::DeregistrationDays,
];

fn number_text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl Draft {
    fn new(key: (u64, u64, String, String), source: &DataSource) -> Draft {
        let mut draft = Draft {
            key,
            source: source.clone(),
            feeds_text: TableFeed::format_list(&source.feeds),
            feeds_error: None,
            numbers: Default::default(),
            number_errors: Default::default(),
            evidence: BTreeMap::new(),
            override_score: BTreeMap::new(),
            reason: BTreeMap::new(),
        };
        draft.take_numbers(source);
        draft.take_evidence(source);
        draft
    }

    fn take_numbers(&mut self, source: &DataSource) {
        self.numbers = [
            number_text(source.release_lag_months),
            number_text(source.duration_rule_months),
            number_text(source.registration_obligation.time_limit_days),
            number_text(source.deregistration_obligation.time_limit_days),
        ];
        self.number_errors = Default::default();
    }

    fn take_evidence(&mut self, source: &DataSource) {
        self.evidence = source
            .scores
            .iter()
            .map(|s| (s.criterion, s.evidence.clone()))
            .collect();
    }

    /// Follows the assessment after a change elsewhere, keeping what is being typed where it
    /// still means the same (a list of feeds half written, an override not yet applied).
    fn follow(&mut self, key: (u64, u64, String, String), source: &DataSource) {
        let same_source = self.key.2 == key.2 && self.key.3 == key.3;
        self.key = key;
        if !same_source {
            *self = Draft::new(self.key.clone(), source);
            return;
        }
        if TableFeed::parse_list(&self.feeds_text).ok().as_deref() != Some(&source.feeds[..]) {
            self.feeds_text = TableFeed::format_list(&source.feeds);
            self.feeds_error = None;
        }
        let numbers_now = [
            number_text(source.release_lag_months),
            number_text(source.duration_rule_months),
            number_text(source.registration_obligation.time_limit_days),
            number_text(source.deregistration_obligation.time_limit_days),
        ];
        for (i, now) in numbers_now.into_iter().enumerate() {
            if self.number_errors[i].is_none() && self.numbers[i].trim() != now {
                self.numbers[i] = now;
            }
        }
        self.source = source.clone();
        self.take_evidence(source);
    }
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

fn country_text(code: &str, lang: Lang) -> String {
    format!("{} ({code})", gazetteer().name(code, lang))
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
        egui::Panel::left("source_list")
            .resizable(true)
            .default_size(280.0)
            .min_size(200.0)
            .show(ui, |ui| {
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
                                    &[&country_text(&country_code, lang)],
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
                            &[&country_text(&country_code, lang)],
                        ));
                        return;
                    };
                    if self.tab == SourcesTab::Inventory {
                        egui::ScrollArea::vertical()
                            .id_salt("inventory_scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                self.inventory_ui(ui, &country_code, lang, palette, commands);
                            });
                    } else {
                        self.rubric_ui(ui, session, &country_code, source, lang, palette, commands);
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
                .map(|c| country_text(c, lang))
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("sources_country")
                .selected_text(shown)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for code in &list {
                        if ui
                            .selectable_label(
                                self.country.as_deref() == Some(code.as_str()),
                                country_text(code, lang),
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

    fn source_list_ui(
        &mut self,
        ui: &mut egui::Ui,
        country_code: &str,
        country: Option<&CountryAssessment>,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        ui.strong(tr(lang, Tr::SourcesListHeading));
        let sources = country.map(|c| c.sources.as_slice()).unwrap_or_default();
        if sources.is_empty() {
            ui.label(
                RichText::new(trf(
                    lang,
                    Tr::SourcesNoneListed,
                    &[&country_text(country_code, lang)],
                ))
                .weak(),
            );
        }
        for source in sources {
            let selected = self.source.as_deref() == Some(source.id.as_str());
            let text = format!("{} — {}", source.id, source.name);
            if ui
                .add(egui::Button::selectable(selected, text).truncate())
                .on_hover_text(source.kind.label(lang))
                .clicked()
            {
                self.select_source(Some(source.id.clone()));
            }
        }
        ui.add_space(8.0);
        ui.separator();
        let label = ui.label(tr(lang, Tr::SourcesNewKind));
        egui::ComboBox::from_id_salt("new_source_kind")
            .selected_text(self.new_kind.label(lang))
            .width(240.0)
            .show_ui(ui, |ui| {
                for kind in SourceKind::ALL {
                    ui.selectable_value(&mut self.new_kind, *kind, kind.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button(tr(lang, Tr::SourcesAdd)).clicked() {
            commands.push(Command::Assess(AssessEdit::AddSource {
                country: country_code.to_string(),
                kind: self.new_kind,
            }));
        }
        if let Some(id) = self.source.clone() {
            ui.add_space(8.0);
            if self.confirm_remove.as_deref() == Some(id.as_str()) {
                ui.label(trf(lang, Tr::SourcesRemoveConfirm, &[&id]));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Tr::SourcesRemoveYes)).clicked() {
                        commands.push(Command::Assess(AssessEdit::RemoveSource {
                            country: country_code.to_string(),
                            id: id.clone(),
                        }));
                        self.confirm_remove = None;
                    }
                    if ui.button(tr(lang, Tr::SourcesRemoveNo)).clicked() {
                        self.confirm_remove = None;
                    }
                });
            } else if ui.button(trf(lang, Tr::SourcesRemove, &[&id])).clicked() {
                self.confirm_remove = Some(id);
            }
        }
    }

    fn inventory_ui(
        &mut self,
        ui: &mut egui::Ui,
        country: &str,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let mut changed = false;
        let source = &mut draft.source;
        ui.horizontal_wrapped(|ui| {
            ui.heading(&source.name);
            ui.label(RichText::new(&source.id).weak());
        });
        ui.add_space(4.0);
        changed |= text_row(ui, Field::Name, &mut source.name, false, lang);
        changed |= choice_row(ui, Field::Kind, &mut source.kind, lang);
        changed |= text_row(ui, Field::Agency, &mut source.agency, false, lang);
        changed |= text_row(ui, Field::Measures, &mut source.measures, true, lang);
        // The tables fed, as the questionnaire writes them: `3 (2012–2021); 4 (2012–2021)`.
        if text_row(ui, Field::Feeds, &mut draft.feeds_text, false, lang) {
            match TableFeed::parse_list(&draft.feeds_text) {
                Ok(feeds) => {
                    draft.feeds_error = None;
                    if feeds != source.feeds {
                        source.feeds = feeds;
                        changed = true;
                    }
                }
                Err(e) => draft.feeds_error = Some(e),
            }
        }
        if let Some(error) = &draft.feeds_error {
            error_row(ui, error, palette);
        }
        changed |= choice_row(ui, Field::Periodicity, &mut source.periodicity, lang);
        changed |= number_row(ui, draft, 0, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::PopulationCovered,
            &mut source.population_covered,
            true,
            lang,
        );
        changed |= choice_row(ui, Field::GroupsCovered, &mut source.groups_covered, lang);
        changed |= number_row(ui, draft, 1, lang, palette);
        let source = &mut draft.source;
        changed |= choice_row(ui, Field::DurationBasis, &mut source.duration_basis, lang);
        changed |= choice_row(
            ui,
            Field::Registration,
            &mut source.registration_obligation.rule,
            lang,
        );
        changed |= number_row(ui, draft, 2, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::RegistrationNote,
            &mut source.registration_obligation.note,
            true,
            lang,
        );
        changed |= choice_row(
            ui,
            Field::Deregistration,
            &mut source.deregistration_obligation.rule,
            lang,
        );
        changed |= number_row(ui, draft, 3, lang, palette);
        let source = &mut draft.source;
        changed |= text_row(
            ui,
            Field::DeregistrationNote,
            &mut source.deregistration_obligation.note,
            true,
            lang,
        );
        changed |= choice_row(ui, Field::Publication, &mut source.publication, lang);
        changed |= text_row(ui, Field::Notes, &mut source.notes, true, lang);
        if changed {
            commands.push(Command::Assess(AssessEdit::SetInventory {
                country: country.to_string(),
                source: Box::new(draft.source.clone()),
            }));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rubric_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        country: &str,
        source: &DataSource,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let card =
            crate::assess::scorecard::source_scorecard(source, &session.report.settings.assess);
        ui.horizontal_wrapped(|ui| {
            ui.heading(&source.name);
            ui.label(RichText::new(&source.id).weak());
            if let (Some(mean), Some(grade)) = (card.overall, card.grade) {
                ui.label(trf(
                    lang,
                    Tr::SourcesOverall,
                    &[&mean_text(mean, card.provisional, lang), grade.label(lang)],
                ));
            }
        });
        egui::Panel::right("criterion_detail")
            .resizable(true)
            .default_size(460.0)
            .min_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("criterion_detail_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let lookup = self.finding_lookup(session);
                        self.criterion_ui(
                            ui, session, &lookup, country, source, lang, palette, commands,
                        );
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("criteria_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let mut dimension: Option<Dimension> = None;
                    let mut criteria = Criterion::ALL;
                    criteria.sort_by_key(|c| {
                        (Dimension::ALL.iter().position(|d| *d == c.dimension()), *c)
                    });
                    for criterion in criteria {
                        if dimension != Some(criterion.dimension()) {
                            dimension = Some(criterion.dimension());
                            ui.add_space(4.0);
                            ui.label(
                                RichText::new(dimension_name(lang, criterion.dimension()))
                                    .weak()
                                    .small(),
                            );
                        }
                        let entry = source.score(criterion);
                        let text = criterion_row_text(criterion, entry, lang);
                        let selected = self.criterion == Some(criterion);
                        let color = entry
                            .and_then(|e| e.effective())
                            .map(|(score, _)| score_color(score, palette));
                        ui.horizontal(|ui| {
                            let (rect, _) =
                                ui.allocate_exact_size(vec2(10.0, 14.0), egui::Sense::hover());
                            if let Some(color) = color {
                                ui.painter().rect_filled(rect, 2.0, color);
                            }
                            if ui.selectable_label(selected, text).clicked() {
                                self.criterion = Some(criterion);
                            }
                        });
                    }
                });
        });
    }

    /// Findings by case id, built once per session.
    fn finding_lookup(&mut self, session: &Session) -> Arc<HashMap<String, usize>> {
        match &self.finding_lookup {
            Some((generation, lookup)) if *generation == session.generation => lookup.clone(),
            _ => {
                let lookup: Arc<HashMap<String, usize>> = Arc::new(
                    session
                        .index
                        .case_ids
                        .iter()
                        .enumerate()
                        .map(|(i, id)| (id.clone(), i))
                        .collect(),
                );
                self.finding_lookup = Some((session.generation, lookup.clone()));
                lookup
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn criterion_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lookup: &HashMap<String, usize>,
        country: &str,
        source: &DataSource,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let Some(criterion) = self.criterion else {
            return;
        };
        let Some(draft) = &mut self.draft else {
            return;
        };
        let entry = source.score(criterion);
        let suggestion = entry.and_then(|e| e.suggested.as_ref());
        ui.heading(criterion.title(lang));
        ui.label(RichText::new(dimension_name(lang, criterion.dimension())).weak());
        ui.add(egui::Label::new(RichText::new(criterion.question(lang)).italics()).wrap());
        ui.add_space(6.0);
        // The levels, with the suggested and the final one marked.
        for score in Score::all().into_iter().rev() {
            let mut marks = Vec::new();
            if suggestion.is_some_and(|s| s.score == score) {
                marks.push(tr(lang, Tr::SourcesMarkSuggested));
            }
            if entry.and_then(|e| e.final_score) == Some(score) {
                marks.push(tr(lang, Tr::SourcesMarkFinal));
            }
            let mut text = trf(
                lang,
                Tr::SourcesLevel,
                &[&score.to_string(), criterion.level(score, lang)],
            );
            if !marks.is_empty() {
                text.push_str(&format!("  ({})", marks.join(", ")));
            }
            let text = if marks.is_empty() {
                RichText::new(text).weak()
            } else {
                RichText::new(text).strong()
            };
            ui.add(egui::Label::new(text).wrap());
        }
        ui.add_space(8.0);
        let (suggested_label, _) = field_label(Field::SuggestedScore, lang);
        match suggestion {
            Some(suggestion) => {
                ui.strong(format!("{suggested_label}: {}", suggestion.score));
                let (why, _) = field_label(Field::SuggestedWhy, lang);
                ui.label(RichText::new(why).weak());
                ui.add(egui::Label::new(suggestion.evidence(lang)).wrap());
                cited_ui(
                    ui,
                    session,
                    lookup,
                    country,
                    &suggestion.refs,
                    lang,
                    commands,
                );
            }
            None => {
                ui.label(RichText::new(tr(lang, Tr::SourcesNoSuggestion)).weak());
            }
        }
        ui.add_space(8.0);
        ui.separator();
        // The decision.
        match entry.and_then(|e| e.final_score.map(|s| (s, e))) {
            Some((score, e)) if e.overridden => {
                ui.strong(trf(lang, Tr::SourcesFinalOverridden, &[&score.to_string()]));
                ui.add(
                    egui::Label::new(format!(
                        "{}: {}",
                        field_label(Field::Reason, lang).0,
                        e.reason
                    ))
                    .wrap(),
                );
            }
            Some((score, _)) => {
                ui.strong(trf(lang, Tr::SourcesFinalAccepted, &[&score.to_string()]));
            }
            None => {
                ui.label(tr(lang, Tr::SourcesNoDecision));
            }
        }
        let key = (draft.key.2.clone(), draft.key.3.clone());
        ui.horizontal_wrapped(|ui| {
            let can_accept = suggestion.is_some_and(|s| {
                entry.and_then(|e| e.final_score) != Some(s.score)
                    || entry.is_some_and(|e| e.overridden)
            });
            if ui
                .add_enabled(can_accept, egui::Button::new(tr(lang, Tr::SourcesAccept)))
                .clicked()
            {
                commands.push(Command::Assess(AssessEdit::Accept {
                    country: key.0.clone(),
                    id: key.1.clone(),
                    criterion,
                }));
            }
            let has_final = entry.is_some_and(|e| e.final_score.is_some());
            if ui
                .add_enabled(
                    has_final,
                    egui::Button::new(tr(lang, Tr::SourcesClearDecision)),
                )
                .clicked()
            {
                commands.push(Command::Assess(AssessEdit::ClearFinal {
                    country: key.0.clone(),
                    id: key.1.clone(),
                    criterion,
                }));
            }
        });
        ui.add_space(6.0);
        ui.strong(tr(lang, Tr::SourcesOverrideHeading));
        let current = entry
            .and_then(|e| e.final_score.or(e.suggested.as_ref().map(|s| s.score)))
            .map_or(0, Score::get);
        let chosen = draft.override_score.entry(criterion).or_insert(current);
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, Tr::SourcesOverrideScore));
            egui::ComboBox::from_id_salt(("override_score", criterion))
                .selected_text(chosen.to_string())
                .width(60.0)
                .show_ui(ui, |ui| {
                    for score in Score::all() {
                        ui.selectable_value(
                            chosen,
                            score.get(),
                            format!("{score} — {}", criterion.level(score, lang)),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let chosen = *chosen;
        let reason = draft.reason.entry(criterion).or_default();
        let (reason_label, reason_help) = field_label(Field::Reason, lang);
        let label = ui.label(reason_label);
        ui.add(
            egui::TextEdit::multiline(reason)
                .id_salt(("override_reason", criterion))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(reason_help),
        )
        .labelled_by(label.id);
        let differs = suggestion.is_some_and(|s| s.score.get() != chosen);
        let needs_reason = differs && reason.trim().is_empty();
        if needs_reason {
            ui.label(RichText::new(tr(lang, Tr::SourcesReasonNeeded)).color(palette.warning));
        }
        if let Some((id, refused_criterion, why)) = &self.refused
            && *id == key.1
            && *refused_criterion == criterion
        {
            error_row(ui, why, palette);
        }
        if ui
            .add_enabled(
                !needs_reason,
                egui::Button::new(tr(lang, Tr::SourcesOverride)),
            )
            .clicked()
            && let Some(score) = Score::new(chosen)
        {
            commands.push(Command::Assess(AssessEdit::Override {
                country: key.0.clone(),
                id: key.1.clone(),
                criterion,
                score,
                reason: reason.trim().to_string(),
            }));
        }
        ui.add_space(8.0);
        let (evidence_label, evidence_help) = field_label(Field::Evidence, lang);
        let label = ui.label(RichText::new(evidence_label).strong());
        let evidence = draft.evidence.entry(criterion).or_default();
        let response = ui
            .add(
                egui::TextEdit::multiline(evidence)
                    .id_salt(("reviewer_evidence", criterion))
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text(evidence_help),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::Assess(AssessEdit::SetEvidence {
                country: key.0,
                id: key.1,
                criterion,
                text: evidence.clone(),
            }));
        }
    }
}

/// The colour of a score: the error colour for 0–1, the warning colour for 2, the target colour
/// for 3.
fn score_color(score: Score, palette: &Palette) -> egui::Color32 {
    match score.get() {
        0 | 1 => palette.error,
        2 => palette.warning,
        _ => palette.target,
    }
}

fn criterion_row_text(
    criterion: Criterion,
    entry: Option<&crate::assess::CriterionScore>,
    lang: Lang,
) -> String {
    let suggested = entry
        .and_then(|e| e.suggested.as_ref())
        .map_or("–".to_string(), |s| s.score.to_string());
    let final_text = match entry.and_then(|e| e.final_score.map(|s| (s, e.overridden))) {
        Some((score, true)) => trf(lang, Tr::SourcesRowOverridden, &[&score.to_string()]),
        Some((score, false)) => score.to_string(),
        None => "–".to_string(),
    };
    trf(
        lang,
        Tr::SourcesCriterionRow,
        &[criterion.title(lang), &suggested, &final_text],
    )
}

/// What a suggestion rests on: the checks (open their findings) and the findings themselves.
fn cited_ui(
    ui: &mut egui::Ui,
    session: &Session,
    lookup: &HashMap<String, usize>,
    country: &str,
    refs: &[EvidenceRef],
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let checks: Vec<(CheckCode, usize)> = refs
        .iter()
        .filter_map(|r| match r {
            EvidenceRef::Check {
                check, findings, ..
            } => Some((*check, *findings)),
            _ => None,
        })
        .collect();
    let findings: Vec<&str> = refs
        .iter()
        .filter_map(|r| match r {
            EvidenceRef::Finding { case_id } => Some(case_id.as_str()),
            _ => None,
        })
        .collect();
    if checks.is_empty() && findings.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr(lang, Tr::SourcesCited)).weak());
    ui.horizontal_wrapped(|ui| {
        for (check, count) in &checks {
            let title = crate::checks::entry(*check).title(lang);
            if ui
                .button(trf(
                    lang,
                    Tr::SourcesCheckButton,
                    &[check.as_str(), &count_text(lang, *count as f64)],
                ))
                .on_hover_text(title)
                .clicked()
            {
                commands.push(Command::ShowFindingsOf {
                    check: *check,
                    country: country.to_string(),
                });
            }
        }
    });
    for case_id in findings.iter().take(LISTED_FINDINGS) {
        let index = lookup.get(*case_id).copied();
        match index.and_then(|i| session.findings().get(i).map(|f| (i, f))) {
            Some((i, finding)) => {
                let text = format!("{} · {}", finding.check, finding.message(lang));
                if ui
                    .add(egui::Button::new(text).truncate())
                    .on_hover_text(tr(lang, Tr::SourcesOpenFinding))
                    .clicked()
                {
                    commands.push(Command::SelectFinding(Some(i)));
                    commands.push(Command::ShowPanel(Panel::Findings));
                }
            }
            None => {
                ui.label(RichText::new(*case_id).weak().small());
            }
        }
    }
    if findings.len() > LISTED_FINDINGS {
        ui.label(
            RichText::new(trf(
                lang,
                Tr::AndMore,
                &[&(findings.len() - LISTED_FINDINGS).to_string()],
            ))
            .weak(),
        );
    }
}

fn mean_text(mean: f64, provisional: bool, lang: Lang) -> String {
    let text = crate::assess::text::decimal(mean, 1, lang);
    if provisional {
        format!("{text}*")
    } else {
        text
    }
}

/// The country's scorecard: per source and per ESS dimension as a table and bars (with the
/// buttons that export them as a chart), the overall grade, and the potential for development.
fn scorecard_ui(
    ui: &mut egui::Ui,
    card: &CountryScorecard,
    bars: &ScorecardData,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(country_text(&card.country, lang));
        ui.add_space(12.0);
        export_buttons_ui(
            ui,
            lang,
            Some(ChartRequest::Scorecard {
                country: card.country.clone(),
            }),
            commands,
        );
    });
    if let (Some(mean), Some(grade)) = (card.overall, card.grade) {
        ui.strong(trf(
            lang,
            Tr::SourcesOverall,
            &[&mean_text(mean, card.provisional, lang), grade.label(lang)],
        ));
    }
    if card.provisional {
        ui.label(RichText::new(tr(lang, Tr::SourcesProvisionalNote)).weak());
    }
    ui.add_space(6.0);
    // The table: one row per source, one column per dimension, then the overall mean.
    let cell = |text: String| egui::Label::new(text).truncate();
    egui::Grid::new("scorecard_table")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, Tr::SourcesListHeading));
            for dimension in Dimension::ALL {
                ui.strong(dimension_name(lang, dimension));
            }
            ui.strong(tr(lang, Tr::SourcesOverallColumn));
            ui.end_row();
            for source in &card.sources {
                ui.add(cell(source.source_id.clone()))
                    .on_hover_text(&source.name);
                for dimension in Dimension::ALL {
                    let text = source
                        .dimensions
                        .iter()
                        .find(|d| d.dimension == dimension)
                        .and_then(|d| d.mean.map(|m| mean_text(m, d.provisional, lang)))
                        .unwrap_or_else(|| "–".to_string());
                    ui.label(text);
                }
                ui.label(
                    source
                        .overall
                        .map(|m| mean_text(m, source.provisional, lang))
                        .unwrap_or_else(|| "–".to_string()),
                );
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    bars_ui(ui, bars, lang);
    ui.add_space(10.0);
    ui.heading(tr(lang, Tr::SourcesDevelopmentHeading));
    if card.development.is_empty() {
        ui.label(tr(lang, Tr::SourcesNoDevelopment));
    }
    for (i, item) in card.development.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{}.", i + 1));
                ui.label(format!(
                    "{} · {} · {}{}",
                    item.source_id,
                    item.criterion.title(lang),
                    item.score,
                    if item.basis == ScoreBasis::Suggested {
                        "*"
                    } else {
                        ""
                    }
                ));
            });
            ui.add(egui::Label::new(item.text(lang)).wrap());
            ui.add(
                egui::Label::new(RichText::new(format!("→ {}", item.action(lang))).weak()).wrap(),
            );
        });
    }
}

/// Bars of the dimension means, one colour per source, painted (0 to 3): the data and colours
/// of the exported scorecard chart.
fn bars_ui(ui: &mut egui::Ui, bars: &ScorecardData, lang: Lang) {
    let sources = bars.sources.len().max(1);
    let bar_height = 8.0;
    let group_height = bar_height * sources as f32 + 8.0;
    let label_width = 200.0;
    let width = ui.available_width().clamp(320.0, 900.0);
    let height = group_height * bars.dimensions.len() as f32 + 18.0;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let plot_left = rect.left() + label_width;
    let plot_width = (rect.width() - label_width - 8.0).max(10.0);
    let x_of = |score: f64| plot_left + plot_width * (score / f64::from(Score::MAX)) as f32;
    for tick in 0..=Score::MAX {
        let x = x_of(f64::from(tick));
        painter.line_segment(
            [
                egui::pos2(x, rect.top()),
                egui::pos2(x, rect.bottom() - 16.0),
            ],
            egui::Stroke::new(1.0, weak.gamma_multiply(0.4)),
        );
        painter.text(
            egui::pos2(x, rect.bottom() - 14.0),
            egui::Align2::CENTER_TOP,
            tick.to_string(),
            font.clone(),
            weak,
        );
    }
    for (row, dimension) in bars.dimensions.iter().enumerate() {
        let top = rect.top() + row as f32 * group_height;
        painter.text(
            egui::pos2(rect.left(), top + group_height / 2.0),
            egui::Align2::LEFT_CENTER,
            dimension_name(lang, *dimension),
            font.clone(),
            text_color,
        );
        for i in 0..bars.sources.len() {
            let Some(mean) = bars.mean(i, *dimension) else {
                continue;
            };
            let y = top + 4.0 + i as f32 * bar_height;
            let bar = egui::Rect::from_min_max(
                egui::pos2(plot_left, y),
                egui::pos2(x_of(mean.mean).max(plot_left + 1.0), y + bar_height - 1.0),
            );
            painter.rect_filled(bar, 1.0, colour(scorecard_colour(i)));
        }
    }
    // The legend: one entry per source.
    ui.horizontal_wrapped(|ui| {
        for (i, source) in bars.sources.iter().enumerate() {
            let (swatch, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, colour(scorecard_colour(i)));
            ui.label(&source.id).on_hover_text(&source.name);
        }
    });
}

/// A label of fixed width and the field's widget beside it.
fn field_row<R>(
    ui: &mut egui::Ui,
    label: &str,
    help: &str,
    add: impl FnOnce(&mut egui::Ui) -> (R, egui::Response),
) -> R {
    ui.horizontal_top(|ui| {
        let label_response = ui
            .allocate_ui_with_layout(
                vec2(LABEL_WIDTH, ui.spacing().interact_size.y),
                Layout::left_to_right(Align::Min),
                |ui| {
                    ui.set_min_width(LABEL_WIDTH);
                    ui.add(egui::Label::new(label).wrap())
                },
            )
            .inner
            .on_hover_text(help);
        let (result, response) = add(ui);
        response.labelled_by(label_response.id);
        result
    })
    .inner
}

fn text_row(
    ui: &mut egui::Ui,
    field: Field,
    value: &mut String,
    multiline: bool,
    lang: Lang,
) -> bool {
    let (label, help) = field_label(field, lang);
    field_row(ui, label, help, |ui| {
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui.add(
            edit.id_salt(("inventory", label))
                .desired_width(f32::INFINITY),
        );
        (response.changed(), response)
    })
}

fn choice_row<T: Choice>(ui: &mut egui::Ui, field: Field, value: &mut T, lang: Lang) -> bool {
    let (label, help) = field_label(field, lang);
    field_row(ui, label, help, |ui| {
        let before = *value;
        let response = egui::ComboBox::from_id_salt(("inventory_choice", label))
            .selected_text(value.label(lang))
            .width(360.0)
            .show_ui(ui, |ui| {
                for choice in T::ALL {
                    ui.selectable_value(value, *choice, choice.label(lang));
                }
            })
            .response;
        (*value != before, response)
    })
}

/// One of the optional numbers of the inventory, as text: empty is unknown.
fn number_row(
    ui: &mut egui::Ui,
    draft: &mut Draft,
    slot: usize,
    lang: Lang,
    palette: &Palette,
) -> bool {
    let field = NUMBER_FIELDS[slot];
    let (label, help) = field_label(field, lang);
    let edited = field_row(ui, label, help, |ui| {
        let response = ui.add(
            egui::TextEdit::singleline(&mut draft.numbers[slot])
                .id_salt(("inventory_number", label))
                .desired_width(80.0),
        );
        (response.changed(), response)
    });
    let mut changed = false;
    if edited {
        let text = draft.numbers[slot].trim().to_string();
        let max: u32 = match field {
            Field::ReleaseLag => 600,
            Field::DurationRule => 120,
            _ => 3650,
        };
        let parsed: Result<Option<u32>, ()> = if text.is_empty() {
            Ok(None)
        } else {
            text.parse::<u32>()
                .ok()
                .filter(|n| *n <= max)
                .map(Some)
                .ok_or(())
        };
        match parsed {
            Ok(value) => {
                draft.number_errors[slot] = None;
                let source = &mut draft.source;
                match field {
                    Field::ReleaseLag => source.release_lag_months = value.map(|v| v as u16),
                    Field::DurationRule => source.duration_rule_months = value.map(|v| v as u8),
                    Field::RegistrationDays => {
                        source.registration_obligation.time_limit_days = value.map(|v| v as u16)
                    }
                    _ => source.deregistration_obligation.time_limit_days = value.map(|v| v as u16),
                }
                changed = true;
            }
            Err(()) => {
                draft.number_errors[slot] =
                    Some(trf(lang, Tr::SourcesBadNumber, &[&max.to_string(), &text]));
            }
        }
    }
    if let Some(error) = &draft.number_errors[slot] {
        error_row(ui, error, palette);
    }
    changed
}

fn error_row(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.add_space(LABEL_WIDTH);
        ui.add(egui::Label::new(RichText::new(text).color(palette.error)).wrap());
    });
}

impl MigreviewApp {
    /// Applies a command of the Sources panel.
    pub(super) fn apply_sources_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match command {
            Command::Assess(edit) => {
                let (id, criterion) = match &edit {
                    AssessEdit::Override { id, criterion, .. }
                    | AssessEdit::Accept { id, criterion, .. } => {
                        (Some(id.clone()), Some(*criterion))
                    }
                    _ => (None, None),
                };
                let mut assessment = self.session.review.assessment.take().unwrap_or_default();
                let result = apply_edit(&mut assessment, edit, &self.session, lang);
                self.session.review.assessment = Some(assessment);
                match result {
                    Ok((changed, added)) => {
                        if let (Some(id), Some(criterion)) = (&id, criterion) {
                            self.sources_view.clear_override(id, criterion);
                        }
                        if added.is_some() {
                            self.sources_view.select_source(added);
                            self.sources_view.tab = SourcesTab::Inventory;
                        }
                        if changed {
                            self.review_changed(ctx);
                        }
                    }
                    Err(why) => match (id, criterion) {
                        (Some(id), Some(criterion)) => self.sources_view.refuse(id, criterion, why),
                        _ => self.push_message(MessageLevel::Error, why),
                    },
                }
            }
            Command::ShowFindingsOf { check, country } => {
                self.findings_view.filter = super::findings::FindingFilter {
                    check: Some(check),
                    country: Some(country),
                    ..Default::default()
                };
                self.panel = Panel::Findings;
            }
            Command::ExportQuestionnaireDialog(countries) => {
                let name = match countries.as_slice() {
                    [one] => format!("{one}.questionnaire.xlsx"),
                    _ => "questionnaire.xlsx".to_string(),
                };
                let suggested = match self.session.review_path.as_ref().and_then(|p| p.parent()) {
                    Some(dir) => dir.join(name),
                    None => PathBuf::from(name),
                };
                let title = tr(lang, Tr::SourcesExportQuestionnaire).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-questionnaire-dialog", move || {
                        let dialog = super::jobs::save_dialog(title, "xlsx", &suggested);
                        JobEvent::Sources(SourcesEvent::ExportPath(dialog.save_file(), countries))
                    });
            }
            Command::ExportQuestionnaireTo(path, countries) => {
                let assessment = self.session.review.assessment.clone().unwrap_or_default();
                let options = QuestionnaireOptions { countries, lang };
                self.jobs
                    .spawn_work(ctx, "migreview-questionnaire", move || {
                        let written = save_questionnaire(&path, &assessment, &options)
                            .map(|()| path)
                            .map_err(|e| e.to_string());
                        JobEvent::Sources(SourcesEvent::Written(written))
                    });
            }
            Command::ImportQuestionnaireDialog => {
                let title = tr(lang, Tr::SourcesImportQuestionnaire).to_string();
                self.jobs
                    .spawn_dialog(ctx, "migreview-questionnaire-dialog", move || {
                        let picked = rfd::FileDialog::new()
                            .set_title(title)
                            .add_filter("xlsx", &["xlsx", "xls", "ods"])
                            .pick_file();
                        JobEvent::Sources(SourcesEvent::ImportPath(picked))
                    });
            }
            Command::ImportQuestionnaireFrom(path) => {
                self.jobs
                    .spawn_work(ctx, "migreview-questionnaire", move || {
                        let read = import_questionnaire(&path)
                            .map(Box::new)
                            .map_err(|e| e.to_string());
                        JobEvent::Sources(SourcesEvent::Read(read))
                    });
            }
            _ => {}
        }
    }

    /// Takes in what a job of the Sources panel reported.
    pub(super) fn on_sources_event(&mut self, event: SourcesEvent, ctx: &egui::Context) {
        let lang = self.settings.lang;
        match event {
            SourcesEvent::ExportPath(Some(path), countries) => {
                self.commands
                    .push(Command::ExportQuestionnaireTo(path, countries));
            }
            SourcesEvent::ImportPath(Some(path)) => {
                self.commands.push(Command::ImportQuestionnaireFrom(path));
            }
            SourcesEvent::ExportPath(None, _) | SourcesEvent::ImportPath(None) => {}
            SourcesEvent::Written(Ok(path)) => self.push_message(
                MessageLevel::Info,
                trf(
                    lang,
                    Tr::SourcesQuestionnaireWritten,
                    &[&path.display().to_string()],
                ),
            ),
            SourcesEvent::Written(Err(error)) | SourcesEvent::Read(Err(error)) => {
                log::warn!("{error}");
                self.push_message(MessageLevel::Error, error);
            }
            SourcesEvent::Read(Ok(imported)) => {
                let imported = *imported;
                let taken: Vec<String> = imported
                    .assessment
                    .countries
                    .iter()
                    .map(|c| format!("{} ({})", c.country, c.sources.len()))
                    .collect();
                let first = imported
                    .assessment
                    .countries
                    .first()
                    .map(|c| c.country.clone());
                let mut assessment = self.session.review.assessment.take().unwrap_or_default();
                assessment.merge(imported.assessment);
                refresh(&mut assessment, &self.session, None);
                self.session.review.assessment = Some(assessment);
                if let Some(first) = first {
                    self.sources_view.country = Some(first);
                    self.sources_view.select_source(None);
                }
                self.push_message(
                    MessageLevel::Info,
                    trf(lang, Tr::SourcesQuestionnaireImported, &[&taken.join(", ")]),
                );
                for note in imported.notes {
                    self.push_message(MessageLevel::Info, note);
                }
                self.review_changed(ctx);
            }
        }
    }
}

impl SourcesView {
    /// Forgets the override being typed for a criterion once it was applied.
    fn clear_override(&mut self, id: &str, criterion: Criterion) {
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
    use crate::assess::Publication;
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
