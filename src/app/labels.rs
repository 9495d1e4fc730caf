//! The labels the loader could not place, grouped by name, with the reviewer's choice of what
//! each one is: a suggestion, a country typed in any coding, or "not a country". Apply writes
//! the choices into the import options of the files where the labels occur
//! ([`crate::load::ImportOptions::labels`], kept in the review) and opens the files again, the
//! way the import dialog applies its choices. Sub-national labels (regions of a country) are
//! listed apart, for information.
//!
//! The groups are built once per load ([`LabelList::build`], on the loading thread); a frame
//! only draws them.

use super::command::Command;
use super::i18n::{Tr, count_text, country_label, role_name, tr, trf};
use super::session::{FileSummary, Session};
use super::theme::Palette;
use crate::load::{LabelTarget, NOT_A_COUNTRY, label_target};
use crate::model::category::normalise_label;
use crate::model::{Dataset, Lang, Location, SubnationalLabel, Sym, UnplacedLabel, gazetteer};
use egui::RichText;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// The roles whose labels a mapping can place (the loader maps places only).
pub const PLACE_ROLES: [&str; 2] = ["reporter", "category"];
/// At most this many groups listed one by one.
const LISTED_GROUPS: usize = 200;
/// At most this many sub-national labels listed one by one.
const LISTED_SUBNATIONAL: usize = 100;

/// One way a name was written, as the loader met it.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelVariant {
    pub label: String,
    /// What it was meant as (`reporter`, `category`, `status`).
    pub role: String,
    pub count: usize,
    pub first_location: Location,
}

/// Labels that name one thing: their normalised forms are equal, or they share their best
/// suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelGroup {
    /// Most frequent first.
    pub variants: Vec<LabelVariant>,
    /// Times met, all variants together.
    pub count: usize,
    /// The suggestions of the variants (`Kyrgyzstan (KGZ)`), best first, each once.
    pub suggestions: Vec<String>,
    /// Whether a mapping can place the labels (they were meant as places).
    pub placeable: bool,
    /// Indexes into [`Session::files`] of the files where a variant occurs.
    pub files: Vec<usize>,
}

impl LabelGroup {
    /// Names the group in the window's state: its first variant.
    pub fn key(&self) -> &str {
        self.variants.first().map_or("", |v| v.label.as_str())
    }

    /// The labels as written, each once.
    pub fn labels(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.variants
            .iter()
            .map(|v| v.label.as_str())
            .filter(|l| seen.insert(*l))
            .collect()
    }
}

/// The code of a suggestion written `Kyrgyzstan (KGZ)`.
pub fn suggestion_code(suggestion: &str) -> Option<&str> {
    let open = suggestion.rfind('(')?;
    let code = suggestion[open + 1..].strip_suffix(')')?.trim();
    (!code.is_empty()).then_some(code)
}

/// A suggestion in the window's language (the loader writes English names): `Киргизия (KGZ)`.
pub fn suggestion_text(suggestion: &str, lang: Lang) -> String {
    match suggestion_code(suggestion) {
        Some(code) if gazetteer().resolve(code).is_some() => country_label(code, lang),
        _ => suggestion.to_string(),
    }
}

/// Groups unplaced labels: labels whose normalised forms are equal, or whose best suggestion is
/// the same, form one group (transitively). Labels meant as places and others never share a
/// group, as only places can be mapped. Groups and their variants come most frequent first,
/// equals in the order met; `files` is left empty.
pub fn group_labels(unplaced: &[UnplacedLabel]) -> Vec<LabelGroup> {
    let n = unplaced.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_key: HashMap<(bool, u8, String), usize> = HashMap::new();
    for (i, label) in unplaced.iter().enumerate() {
        let placeable = PLACE_ROLES.contains(&label.role.as_str());
        let mut keys = vec![(placeable, 0u8, normalise_label(&label.label))];
        if let Some(best) = label.suggestions.first() {
            keys.push((placeable, 1u8, best.clone()));
        }
        for key in keys {
            match by_key.get(&key) {
                Some(&other) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, other));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    by_key.insert(key, i);
                }
            }
        }
    }
    let mut groups: Vec<LabelGroup> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, label) in unplaced.iter().enumerate() {
        let root = find(&mut parent, i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(LabelGroup {
                variants: Vec::new(),
                count: 0,
                suggestions: Vec::new(),
                placeable: PLACE_ROLES.contains(&label.role.as_str()),
                files: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        group.variants.push(LabelVariant {
            label: label.label.clone(),
            role: label.role.clone(),
            count: label.count,
            first_location: label.first_location.clone(),
        });
        group.count += label.count;
        for suggestion in &label.suggestions {
            if !group.suggestions.contains(suggestion) {
                group.suggestions.push(suggestion.clone());
            }
        }
    }
    // Most frequent first; equals stay in the order met (the sorts are stable).
    for group in &mut groups {
        group.variants.sort_by_key(|v| std::cmp::Reverse(v.count));
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    groups
}

/// The unplaced labels of a session, grouped, and its sub-national labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelList {
    pub groups: Vec<LabelGroup>,
    pub subnational: Vec<SubnationalLabel>,
    /// Labels listed, all groups together.
    pub labels: usize,
}

impl LabelList {
    /// Groups the unplaced labels of `dataset` and finds the files where each occurs (one pass
    /// over the observations, only when some label is unplaced).
    pub fn build(dataset: &Dataset, files: &[FileSummary]) -> LabelList {
        let mut groups = group_labels(&dataset.unplaced);
        if !groups.is_empty() {
            // The files of each label: those of its observations, and the file it was first met
            // in (a label of a row that was not kept still has that one).
            let mut syms: HashMap<Sym, usize> = HashMap::new();
            for sym in dataset
                .unplaced
                .iter()
                .filter_map(|l| dataset.sym(&l.label))
            {
                let next = syms.len();
                syms.entry(sym).or_insert(next);
            }
            let mut in_file: Vec<HashSet<u16>> = vec![HashSet::new(); syms.len()];
            for obs in dataset.obs() {
                for sym in [obs.reporter, obs.category] {
                    if let Some(&i) = syms.get(&sym) {
                        in_file[i].insert(obs.file);
                    }
                }
            }
            let summary_of = |path: &PathBuf| {
                files
                    .iter()
                    .position(|f| &f.path == path && f.result.is_ok())
            };
            for group in &mut groups {
                let mut found: Vec<usize> = Vec::new();
                for variant in &group.variants {
                    let from_obs = dataset
                        .sym(&variant.label)
                        .and_then(|s| syms.get(&s))
                        .map(|&i| &in_file[i]);
                    for &file in from_obs.into_iter().flatten() {
                        if let Some(i) = dataset
                            .files
                            .get(file as usize)
                            .and_then(|f| summary_of(&f.path))
                        {
                            found.push(i);
                        }
                    }
                    if let Some(i) = files
                        .iter()
                        .position(|f| f.name == variant.first_location.file && f.result.is_ok())
                    {
                        found.push(i);
                    }
                }
                found.sort_unstable();
                found.dedup();
                group.files = found;
            }
        }
        LabelList {
            labels: dataset.unplaced.len(),
            groups,
            subnational: dataset.subnational.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.subnational.is_empty()
    }
}

/// What the reviewer chose for a group.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Picked {
    #[default]
    Nothing,
    /// A suggestion, by its code.
    Suggestion(String),
    NotACountry,
    /// What is typed in the text field.
    Typed,
}

/// The choice of one group and the text typed for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupChoice {
    pub picked: Picked,
    pub typed: String,
    /// The text field takes the keyboard on the next frame (after "other:" was clicked: the
    /// click itself leaves the focus on the radio button).
    pub focus_field: bool,
}

impl GroupChoice {
    /// The chosen target: a canonical code or [`NOT_A_COUNTRY`]; `None` when nothing valid is
    /// chosen.
    pub fn target(&self) -> Option<String> {
        match &self.picked {
            Picked::Nothing => None,
            Picked::Suggestion(code) => Some(code.clone()),
            Picked::NotACountry => Some(NOT_A_COUNTRY.to_string()),
            // An empty field chooses nothing (the loader reads "" like "-", not a country).
            Picked::Typed if self.typed.trim().is_empty() => None,
            Picked::Typed => match label_target(&self.typed)? {
                LabelTarget::Place(code) => Some(code),
                LabelTarget::NotACountry => Some(NOT_A_COUNTRY.to_string()),
            },
        }
    }

    /// The choice that a mapping already in the import options stands for.
    pub fn from_target(target: &str) -> GroupChoice {
        match label_target(target) {
            Some(LabelTarget::NotACountry) => GroupChoice {
                picked: Picked::NotACountry,
                ..GroupChoice::default()
            },
            _ => GroupChoice {
                picked: Picked::Typed,
                typed: target.to_string(),
                ..GroupChoice::default()
            },
        }
    }
}

/// The Overview's choices, kept while one session is shown.
#[derive(Debug, Default)]
pub struct LabelsView {
    generation: u64,
    pub choices: HashMap<String, GroupChoice>,
}

impl LabelsView {
    /// The mappings chosen, per file where the labels occur.
    pub fn chosen(&self, session: &Session) -> Vec<(PathBuf, BTreeMap<String, String>)> {
        let mut per_file: BTreeMap<usize, BTreeMap<String, String>> = BTreeMap::new();
        for group in session.labels.groups.iter().filter(|g| g.placeable) {
            let Some(target) = self.choices.get(group.key()).and_then(GroupChoice::target) else {
                continue;
            };
            for &file in &group.files {
                let labels = per_file.entry(file).or_default();
                for label in group.labels() {
                    labels.insert(label.to_string(), target.clone());
                }
            }
        }
        per_file
            .into_iter()
            .filter_map(|(i, labels)| session.files.get(i).map(|f| (f.path.clone(), labels)))
            .collect()
    }
}

/// The list on the Overview: groups with their choices, Apply, and the sub-national labels.
pub fn labels_ui(
    ui: &mut egui::Ui,
    view: &mut LabelsView,
    session: &Session,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    if view.generation != session.generation {
        view.generation = session.generation;
        view.choices.clear();
    }
    let list = &session.labels;
    if !list.groups.is_empty() {
        ui.heading(trf(
            lang,
            Tr::UnplacedHeading,
            &[&count_text(lang, list.labels as f64)],
        ));
        // Files read again: the sample's files are not on disk.
        let can_apply = !session.is_sample();
        let intro = if can_apply {
            Tr::LabelsIntro
        } else {
            Tr::LabelsSampleNote
        };
        ui.add(egui::Label::new(RichText::new(tr(lang, intro)).weak()).wrap());
        let files: Vec<&str> = session.files.iter().map(|f| f.name.as_str()).collect();
        groups_grid_ui(
            ui,
            "unplaced",
            list.groups.iter().take(LISTED_GROUPS),
            &mut view.choices,
            GridShown {
                files: &files,
                can_apply,
                lang,
                palette,
            },
        );
        if list.groups.len() > LISTED_GROUPS {
            ui.label(trf(
                lang,
                Tr::AndMore,
                &[&count_text(
                    lang,
                    (list.groups.len() - LISTED_GROUPS) as f64,
                )],
            ));
        }
        if can_apply {
            let chosen = view.chosen(session);
            let groups = list
                .groups
                .iter()
                .filter(|g| g.placeable)
                .filter(|g| {
                    view.choices
                        .get(g.key())
                        .and_then(GroupChoice::target)
                        .is_some()
                })
                .count();
            ui.horizontal(|ui| {
                let apply = ui
                    .add_enabled(
                        !chosen.is_empty(),
                        egui::Button::new(tr(lang, Tr::LabelsApply)),
                    )
                    .on_hover_text(tr(lang, Tr::LabelsApplyHint))
                    .on_disabled_hover_text(tr(lang, Tr::LabelsNothingChosen));
                if apply.clicked() {
                    commands.push(Command::PlaceLabels(chosen));
                }
                if groups > 0 {
                    ui.label(trf(
                        lang,
                        Tr::LabelsChosenN,
                        &[&count_text(lang, groups as f64)],
                    ));
                    if ui.button(tr(lang, Tr::LabelsClear)).clicked() {
                        view.choices.clear();
                    }
                }
            });
        }
    }
    if !list.subnational.is_empty() {
        if !list.groups.is_empty() {
            ui.add_space(8.0);
        }
        subnational_ui(ui, &list.subnational, lang);
    }
}

/// How a grid of label groups is shown: the files the groups name by number, whether a choice
/// can be applied, the language and the palette.
#[derive(Clone, Copy)]
pub struct GridShown<'a> {
    pub files: &'a [&'a str],
    pub can_apply: bool,
    pub lang: Lang,
    pub palette: &'a Palette,
}

/// The groups in a grid: each variant on a line of its own (label, times, role, where first
/// met), the group's total under several variants, and what the reviewer places them as.
/// Returns whether a choice changed.
pub fn groups_grid_ui<'a>(
    ui: &mut egui::Ui,
    id: &str,
    groups: impl Iterator<Item = &'a LabelGroup>,
    choices: &mut HashMap<String, GroupChoice>,
    shown: GridShown<'_>,
) -> bool {
    let GridShown {
        files,
        can_apply,
        lang,
        palette,
    } = shown;
    let mut changed = false;
    egui::Grid::new(id)
        .num_columns(5)
        .striped(true)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, Tr::LabelColumn));
            ui.strong(tr(lang, Tr::CountColumn));
            ui.strong(tr(lang, Tr::RoleColumn));
            ui.strong(tr(lang, Tr::FirstSeenColumn));
            ui.strong(if can_apply {
                tr(lang, Tr::PlaceAsColumn)
            } else {
                tr(lang, Tr::SuggestionsColumn)
            });
            ui.end_row();
            for group in groups {
                group_row_ui(ui, group, files, lang);
                ui.push_id(("choice", group.key()), |ui| {
                    if can_apply && group.placeable && !group.files.is_empty() {
                        let choice = choices.entry(group.key().to_string()).or_default();
                        changed |= choice_ui(ui, group, choice, lang, palette);
                    } else if !group.placeable {
                        ui.label(RichText::new(tr(lang, Tr::LabelsNotAPlace)).weak());
                    } else if group.suggestions.is_empty() {
                        ui.label("—");
                    } else {
                        let texts: Vec<String> = group
                            .suggestions
                            .iter()
                            .map(|s| suggestion_text(s, lang))
                            .collect();
                        ui.label(texts.join(", "));
                    }
                });
                ui.end_row();
            }
        });
    changed
}

/// The first four cells of a group: a line per variant, and the total of several.
fn group_row_ui(ui: &mut egui::Ui, group: &LabelGroup, files: &[&str], lang: Lang) {
    let several = group.variants.len() > 1;
    let line = |ui: &mut egui::Ui, text: RichText| {
        ui.add(egui::Label::new(text).extend());
    };
    let column = |ui: &mut egui::Ui, lines: &mut dyn FnMut(&mut egui::Ui)| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            lines(ui);
        });
    };
    column(ui, &mut |ui| {
        for variant in &group.variants {
            line(ui, RichText::new(format!("«{}»", variant.label)));
        }
        if several {
            line(ui, RichText::new(tr(lang, Tr::LabelsTogether)).weak());
        }
    });
    column(ui, &mut |ui| {
        for variant in &group.variants {
            line(ui, RichText::new(count_text(lang, variant.count as f64)));
        }
        if several {
            line(
                ui,
                RichText::new(count_text(lang, group.count as f64)).strong(),
            );
        }
    });
    column(ui, &mut |ui| {
        for variant in &group.variants {
            line(ui, RichText::new(role_name(lang, &variant.role)));
        }
    });
    column(ui, &mut |ui| {
        for variant in &group.variants {
            line(ui, RichText::new(variant.first_location.to_string()));
        }
        // Other files where the labels occur.
        let others: Vec<&str> = group
            .files
            .iter()
            .filter_map(|&i| files.get(i).copied())
            .filter(|name| {
                !group.variants.iter().any(|v| {
                    v.first_location.file == *name || v.first_location.file_name() == *name
                })
            })
            .collect();
        if !others.is_empty() {
            line(
                ui,
                RichText::new(trf(lang, Tr::LabelsAlsoIn, &[&others.join(", ")])).weak(),
            );
        }
    });
}

/// The choice of one group: leave it, one of its suggestions, "not a country", or a place typed
/// in any coding. Returns whether the choice changed.
pub fn choice_ui(
    ui: &mut egui::Ui,
    group: &LabelGroup,
    choice: &mut GroupChoice,
    lang: Lang,
    palette: &Palette,
) -> bool {
    let before = choice.clone();
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui
                .radio(choice.picked == Picked::Nothing, tr(lang, Tr::LabelsLeave))
                .clicked()
            {
                choice.picked = Picked::Nothing;
            }
            for suggestion in &group.suggestions {
                let Some(code) = suggestion_code(suggestion) else {
                    continue;
                };
                let picked = Picked::Suggestion(code.to_string());
                if ui
                    .radio(choice.picked == picked, suggestion_text(suggestion, lang))
                    .clicked()
                {
                    choice.picked = picked;
                }
            }
            if ui
                .radio(
                    choice.picked == Picked::NotACountry,
                    tr(lang, Tr::LabelsNotACountry),
                )
                .on_hover_text(tr(lang, Tr::LabelsNotACountryHint))
                .clicked()
            {
                choice.picked = Picked::NotACountry;
            }
            let other = ui.radio(choice.picked == Picked::Typed, tr(lang, Tr::LabelsOther));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut choice.typed)
                        .hint_text(tr(lang, Tr::LabelsTypeHint))
                        .desired_width(140.0),
                )
                .labelled_by(other.id);
            if choice.focus_field {
                field.request_focus();
                choice.focus_field = false;
            }
            if other.clicked() {
                choice.picked = Picked::Typed;
                field.request_focus();
                choice.focus_field = true;
            }
            // Typing, or going into the field, chooses what is typed.
            if field.changed() || field.gained_focus() {
                choice.picked = Picked::Typed;
            }
        });
        match (&choice.picked, choice.target()) {
            (Picked::Typed, None) if choice.typed.trim().is_empty() => {
                ui.label(RichText::new(tr(lang, Tr::LabelsTypeSomething)).weak());
            }
            (Picked::Typed, None) => {
                ui.colored_label(palette.error, tr(lang, Tr::LabelsExpected));
            }
            (_, Some(target)) => {
                ui.label(RichText::new(target_text(&target, lang)).color(palette.target));
            }
            (_, None) => {}
        }
    });
    *choice != before
}

/// What a target places the labels as, in words: `→ Moldova (MDA)`, `→ not a country`.
pub fn target_text(target: &str, lang: Lang) -> String {
    if target == NOT_A_COUNTRY {
        format!("→ {}", tr(lang, Tr::LabelsKeptNotACountry))
    } else {
        format!("→ {} ({target})", gazetteer().name(target, lang))
    }
}

fn subnational_ui(ui: &mut egui::Ui, labels: &[SubnationalLabel], lang: Lang) {
    ui.heading(trf(
        lang,
        Tr::SubnationalHeading,
        &[&count_text(lang, labels.len() as f64)],
    ));
    ui.add(egui::Label::new(RichText::new(tr(lang, Tr::SubnationalIntro)).weak()).wrap());
    egui::Grid::new("subnational")
        .num_columns(5)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr(lang, Tr::LabelColumn));
            ui.strong(tr(lang, Tr::CountColumn));
            ui.strong(tr(lang, Tr::RoleColumn));
            ui.strong(tr(lang, Tr::FirstSeenColumn));
            ui.strong(tr(lang, Tr::RegionOfColumn));
            ui.end_row();
            for label in labels.iter().take(LISTED_SUBNATIONAL) {
                ui.label(format!("«{}»", label.label));
                ui.label(count_text(lang, label.count as f64));
                ui.label(role_name(lang, &label.role));
                ui.label(label.first_location.to_string());
                ui.label(match &label.country {
                    Some(code) => country_label(code, lang),
                    None => tr(lang, Tr::RegionCountryUnknown).to_string(),
                });
                ui.end_row();
            }
        });
    if labels.len() > LISTED_SUBNATIONAL {
        ui.label(trf(
            lang,
            Tr::AndMore,
            &[&count_text(
                lang,
                (labels.len() - LISTED_SUBNATIONAL) as f64,
            )],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> Location {
        Location::line_of("data.csv", line)
    }

    fn unplaced(label: &str, role: &str, suggestions: &[&str], count: usize) -> UnplacedLabel {
        UnplacedLabel {
            label: label.into(),
            role: role.into(),
            suggestions: suggestions.iter().map(|s| s.to_string()).collect(),
            count,
            first_location: at(count as u32),
        }
    }

    #[test]
    fn variants_of_one_name_form_one_group() {
        let labels = vec![
            unplaced("Kyrgyzstn", "category", &["Kyrgyzstan (KGZ)"], 5),
            unplaced(
                "Moldva",
                "category",
                &["Moldova (MDA)", "Mongolia (MNG)"],
                1,
            ),
            // The same normalised form as the first one.
            unplaced("kyrgyz-stn ", "category", &[], 2),
            // The same best suggestion as the first one.
            unplaced("Kirgyzstan", "reporter", &["Kyrgyzstan (KGZ)"], 3),
            // Moldova is its second suggestion only: a group of its own.
            unplaced(
                "Mongolja",
                "category",
                &["Mongolia (MNG)", "Moldova (MDA)"],
                4,
            ),
            // Meant as a status: never with places.
            unplaced("Kyrgyzstn", "status", &[], 7),
        ];
        let groups = group_labels(&labels);
        let names: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.variants.iter().map(|v| v.label.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            vec![
                vec!["Kyrgyzstn", "Kirgyzstan", "kyrgyz-stn "],
                vec!["Kyrgyzstn"],
                vec!["Mongolja"],
                vec!["Moldva"],
            ]
        );
        assert_eq!(groups[0].count, 10);
        assert_eq!(groups[0].suggestions, vec!["Kyrgyzstan (KGZ)".to_string()]);
        assert!(groups[0].placeable);
        assert_eq!(
            groups[0].labels(),
            vec!["Kyrgyzstn", "Kirgyzstan", "kyrgyz-stn "]
        );
        assert!(!groups[1].placeable);
        assert_eq!(groups[1].count, 7);
        assert_eq!(
            groups[3].suggestions,
            vec!["Moldova (MDA)".to_string(), "Mongolia (MNG)".to_string()]
        );
    }

    #[test]
    fn groups_join_through_a_shared_variant() {
        // A and C share nothing directly; B links them (its form equals A's, its suggestion C's).
        let labels = vec![
            unplaced("Tadjikstan", "category", &[], 1),
            unplaced("Tadjik-stan", "category", &["Tajikistan (TJK)"], 1),
            unplaced("Tadzhikstan", "category", &["Tajikistan (TJK)"], 1),
        ];
        let groups = group_labels(&labels);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].count, 3);
        // Of equal counts, the order met.
        assert_eq!(
            groups[0].labels(),
            vec!["Tadjikstan", "Tadjik-stan", "Tadzhikstan"]
        );
    }

    #[test]
    fn choices_give_canonical_targets_and_reject_what_is_no_country() {
        assert_eq!(suggestion_code("Kyrgyzstan (KGZ)"), Some("KGZ"));
        assert_eq!(
            suggestion_code("Korea, Republic of (Korea) (KOR)"),
            Some("KOR")
        );
        assert_eq!(suggestion_code("Kyrgyzstan"), None);
        let typed = |text: &str| GroupChoice {
            picked: Picked::Typed,
            typed: text.into(),
            ..GroupChoice::default()
        };
        assert_eq!(typed("Moldova").target().as_deref(), Some("MDA"));
        assert_eq!(
            typed("not a country").target().as_deref(),
            Some(NOT_A_COUNTRY)
        );
        assert_eq!(typed("Atlantis").target(), None);
        assert_eq!(typed("  ").target(), None);
        assert_eq!(GroupChoice::default().target(), None);
        assert_eq!(
            GroupChoice {
                picked: Picked::Suggestion("KGZ".into()),
                ..GroupChoice::default()
            }
            .target()
            .as_deref(),
            Some("KGZ")
        );
    }
}
