//! The rubric of the selected source: the criteria by dimension, and for the chosen one its
//! levels, the suggestion with the findings it cites, the decision, the override with its reason,
//! and the reviewer's evidence.

use super::form::Draft;
use super::form::error_row;
use super::scorecard::mean_text;
use super::{SourcesView, field_label};
use crate::app::Panel;
use crate::app::command::Command;
use crate::app::i18n::{Tr, count_text, dimension_name, tr, trf};
use crate::app::session::Session;
use crate::app::theme::Palette;
use crate::assess::edit::AssessEdit;
use crate::assess::questionnaire::Field;
use crate::assess::{Criterion, CriterionScore, DataSource, EvidenceRef, Score};
use crate::checks::{CheckCode, Dimension};
use crate::mirror::FlowDirection;
use crate::model::Lang;
use egui::{RichText, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// At most this many cited findings are listed under a suggestion (the rest are counted).
pub(super) const LISTED_FINDINGS: usize = 8;

/// The source the rubric shows, with the country it belongs to.
#[derive(Clone, Copy)]
pub(super) struct ShownSource<'a> {
    pub country: &'a str,
    pub source: &'a DataSource,
}

/// What an override is of: the criterion, its score, the draft's key (source id and criterion)
/// and why the last override was refused, if it was.
struct OverrideOf<'a> {
    criterion: Criterion,
    entry: Option<&'a CriterionScore>,
    key: &'a (String, String),
    refused: &'a Option<(String, Criterion, String)>,
}

impl SourcesView {
    pub(super) fn rubric_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        shown: ShownSource<'_>,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let source = shown.source;
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
        crate::app::widgets::SidePanel {
            id: "criterion_detail",
            left: false,
            default_size: 460.0,
            min_size: 300.0,
            max_share: 0.45,
        }
        .show(ui, lang, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("criterion_detail_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.criterion_ui(ui, session, shown, lang, palette, commands);
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
                        // The criterion's text wraps in a narrow list (a projector's zoom)
                        // rather than being cut.
                        ui.horizontal_top(|ui| {
                            let (rect, _) =
                                ui.allocate_exact_size(vec2(10.0, 14.0), egui::Sense::hover());
                            if let Some(color) = color {
                                ui.painter().rect_filled(rect, 2.0, color);
                            }
                            let row = egui::Button::selectable(selected, text).wrap();
                            if ui.add(row).clicked() {
                                self.criterion = Some(criterion);
                            }
                        });
                    }
                });
        });
    }

    /// Findings by case id, built once per session.
    pub(super) fn finding_lookup(&mut self, session: &Session) -> Arc<HashMap<String, usize>> {
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

    pub(super) fn criterion_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        ShownSource { country, source }: ShownSource<'_>,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let lookup = self.finding_lookup(session);
        let lookup = lookup.as_ref();
        let Some(criterion) = self.criterion else {
            return;
        };
        let Some(draft) = &mut self.draft else {
            return;
        };
        let entry = source.score(criterion);
        let suggestion = entry.and_then(|e| e.suggested.as_ref());
        let key = (draft.key.2.clone(), draft.key.3.clone());
        levels_ui(ui, criterion, entry, lang);
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
        if criterion == Criterion::EmigrationCapture {
            undercount_evidence_ui(ui, session, country, lang);
        }
        ui.add_space(8.0);
        ui.separator();
        decision_ui(ui, criterion, entry, &key, lang, commands);
        let of = OverrideOf {
            criterion,
            entry,
            key: &key,
            refused: &self.refused,
        };
        override_ui(ui, draft, of, lang, palette, commands);
        evidence_ui(ui, draft, criterion, key, lang, commands);
    }
}

/// The criterion's title, dimension and question, and its levels with the suggested and the
/// final one marked.
fn levels_ui(ui: &mut egui::Ui, criterion: Criterion, entry: Option<&CriterionScore>, lang: Lang) {
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
}

/// The decision on a criterion, and the buttons that accept the suggestion or clear it.
fn decision_ui(
    ui: &mut egui::Ui,
    criterion: Criterion,
    entry: Option<&CriterionScore>,
    key: &(String, String),
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let suggestion = entry.and_then(|e| e.suggested.as_ref());
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
}

/// The override of a criterion: the score, the reason (needed when the score differs from the
/// suggestion), why the last one was refused, and the button that asks for it.
fn override_ui(
    ui: &mut egui::Ui,
    draft: &mut Draft,
    OverrideOf {
        criterion,
        entry,
        key,
        refused,
    }: OverrideOf<'_>,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let suggestion = entry.and_then(|e| e.suggested.as_ref());
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
    // The reason given with the score set stays shown (and satisfies the need for one).
    let reason = draft
        .reason
        .entry(criterion)
        .or_insert_with(|| entry.map(|e| e.reason.clone()).unwrap_or_default());
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
    if let Some((id, refused_criterion, why)) = refused
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
}

/// The undercount classes of the country's emigration data, as evidence on how well emigration
/// is captured: one line per run of years in the same class, the scores of each year on hover.
fn undercount_evidence_ui(ui: &mut egui::Ui, session: &Session, country: &str, lang: Lang) {
    let classes: Vec<crate::mirror::Undercount> =
        crate::app::mirror::undercount_classes(session, FlowDirection::Emigration, None)
            .into_iter()
            .filter(|u| u.country == country && u.class.is_some())
            .collect();
    if classes.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(tr(lang, Tr::UndercountEvidenceHeading))
        .on_hover_text(tr(lang, Tr::UndercountColumnHelp));
    for run in classes.chunk_by(|a, b| a.class == b.class && a.year + 1 == b.year) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let Some(class) = first.class else { continue };
        let years = if first.year == last.year {
            first.year.to_string()
        } else {
            format!("{}–{}", first.year, last.year)
        };
        let scores: Vec<String> = run
            .iter()
            .map(|u| {
                format!(
                    "{}: {}",
                    u.year,
                    crate::app::mirror::undercount_scores_text(lang, u)
                )
            })
            .collect();
        ui.label(trf(
            lang,
            Tr::UndercountEvidenceYear,
            &[
                &years,
                crate::app::mirror::undercount_class_name(lang, class),
            ],
        ))
        .on_hover_text(scores.join("\n"));
    }
}

/// The reviewer's evidence on a criterion, asked to be saved as it is typed.
fn evidence_ui(
    ui: &mut egui::Ui,
    draft: &mut Draft,
    criterion: Criterion,
    key: (String, String),
    lang: Lang,
    commands: &mut Vec<Command>,
) {
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

/// The colour of a score: the error colour for 0–1, the warning colour for 2, the target colour
/// for 3.
pub(super) fn score_color(score: Score, palette: &Palette) -> egui::Color32 {
    match score.get() {
        0 | 1 => palette.error,
        2 => palette.warning,
        _ => palette.target,
    }
}

pub(super) fn criterion_row_text(
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
pub(super) fn cited_ui(
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
