//! The Findings panel: findings grouped by check, filters, and the detail of the selected finding
//! with the reviewer's status and comment.

mod cases;
mod selection;

use super::command::Command;
use super::i18n::{
    Tr, age_label, category_label, category_short, count_text, dimension_name, severity_name,
    sex_name, sex_short, status_name, tr, trf,
};
use super::session::{Session, SessionSource, search_text, severity_slot};
use super::theme::Palette;
use crate::app::i18n::country_label;
use crate::checks::{CheckCode, Finding, Outcome, Severity, catalog};
use crate::model::{Lang, PlaceKind, TableId, gazetteer};
use crate::review::{ExportFormat, Shown, TriageStatus};
use egui::{Align, Layout, RichText, Sense, UiBuilder, vec2};
use std::collections::{BTreeMap, BTreeSet};

/// The reviewer's filters. A field that is `None` lets everything through.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FindingFilter {
    /// Error, warning, info.
    pub severities: [bool; 3],
    pub check: Option<CheckCode>,
    pub country: Option<String>,
    pub table: Option<TableId>,
    pub year: Option<u16>,
    pub status: Option<TriageStatus>,
    /// Words to look for in the message, codes and location (any case).
    pub text: String,
}

impl Default for FindingFilter {
    fn default() -> Self {
        FindingFilter {
            severities: [true; 3],
            check: None,
            country: None,
            table: None,
            year: None,
            status: None,
            text: String::new(),
        }
    }
}

impl FindingFilter {
    /// Whether a finding passes; `needle` is the lower-cased search text.
    pub fn matches(
        &self,
        finding: &Finding,
        status: TriageStatus,
        lang: Lang,
        needle: &str,
    ) -> bool {
        self.matches_fields(finding)
            && self.status.is_none_or(|s| s == status)
            && (needle.is_empty() || search_text(finding, lang).contains(needle))
    }

    /// Severity, check, table, year and country (the filters that need no lookup).
    fn matches_fields(&self, finding: &Finding) -> bool {
        if !self.severities[severity_slot(finding.severity)] {
            return false;
        }
        if self.check.is_some_and(|c| c != finding.check)
            || self.table.is_some_and(|t| Some(t) != finding.table)
            || self.year.is_some_and(|y| Some(y) != finding.year)
        {
            return false;
        }
        match &self.country {
            Some(country) => finding.concerns(country),
            None => true,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == FindingFilter::default()
    }
}

/// A row of the grouped list.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ListRow {
    Group {
        check: CheckCode,
        count: usize,
        collapsed: bool,
    },
    /// Findings of one cause (`Finding::group_id`): the index of the case in the view's list
    /// of cases, and whether its members are shown.
    Case { case: u32, open: bool },
    /// A finding on its own.
    Finding(u32),
    /// A finding of a case that is open.
    Member(u32),
}

impl ListRow {
    /// The finding of a row that shows one.
    pub fn finding(self) -> Option<usize> {
        match self {
            ListRow::Finding(i) | ListRow::Member(i) => Some(i as usize),
            ListRow::Group { .. } | ListRow::Case { .. } => None,
        }
    }
}

/// What the filter menus offer: only values that occur among the findings.
#[derive(Clone, Debug, Default)]
struct FilterChoices {
    checks: Vec<(CheckCode, usize)>,
    countries: Vec<String>,
    tables: Vec<TableId>,
    years: Vec<u16>,
}

impl FilterChoices {
    fn build(findings: &[Finding]) -> FilterChoices {
        let mut checks: BTreeMap<CheckCode, usize> = BTreeMap::new();
        let mut countries = BTreeSet::new();
        let mut tables = BTreeSet::new();
        let mut years = BTreeSet::new();
        for f in findings {
            *checks.entry(f.check).or_default() += 1;
            if let Some(r) = &f.reporter {
                countries.insert(r.to_string());
            }
            // The filter finds a country as reporter or as partner, so partners are offered too.
            if let Some(partner) = f.category.as_deref().and_then(|c| gazetteer().by_code(c))
                && matches!(partner.kind, PlaceKind::Country | PlaceKind::Historical)
            {
                countries.insert(partner.code.clone());
            }
            if let Some(t) = f.table {
                tables.insert(t);
            }
            if let Some(y) = f.year {
                years.insert(y);
            }
        }
        FilterChoices {
            checks: checks.into_iter().collect(),
            countries: countries.into_iter().collect(),
            tables: tables.into_iter().collect(),
            years: years.into_iter().collect(),
        }
    }
}

type RowsKey = (
    u64,
    u64,
    FindingFilter,
    BTreeSet<CheckCode>,
    BTreeSet<u32>,
    Lang,
);

/// State of the Findings panel.
#[derive(Default)]
pub struct FindingsView {
    pub filter: FindingFilter,
    pub selected: Option<usize>,
    collapsed: BTreeSet<CheckCode>,
    rows: Vec<ListRow>,
    matching: usize,
    /// Every finding that passes the filters, in the order shown (folded groups too).
    shown: Vec<u32>,
    rows_key: Option<RowsKey>,
    choices: Option<(u64, FilterChoices)>,
    comment_draft: String,
    draft_for: Option<(u64, usize)>,
    scroll_to_selected: bool,
    /// The cases of the list: findings of one cause, in the order shown.
    cases: Vec<Vec<u32>>,
    /// The group numbers (`SessionIndex::group`) of the cases whose members are shown.
    open_cases: BTreeSet<u32>,
    /// The findings marked for one decision together (by index in the report).
    marked: BTreeSet<u32>,
    /// The finding a Shift-click marks from.
    anchor: Option<u32>,
    /// The comment typed for every finding marked.
    bulk_comment: String,
    /// The search field takes the keys at the next frame (the / key).
    focus_search: bool,
}

impl FindingsView {
    pub fn select(&mut self, finding: Option<usize>) {
        if self.selected != finding {
            self.selected = finding;
            self.scroll_to_selected = true;
        }
    }

    /// The comment shown is read again from the review (after an undo).
    pub fn forget_draft(&mut self) {
        self.draft_for = None;
    }

    /// Forgets what belonged to the previous session.
    pub fn reset(&mut self) {
        self.selected = None;
        self.marked.clear();
        self.anchor = None;
        self.bulk_comment.clear();
        self.filter = FindingFilter::default();
        self.collapsed.clear();
        self.rows_key = None;
        self.choices = None;
        self.draft_for = None;
    }

    /// The rows shown now (groups and findings), for tests.
    pub fn rows(&self) -> &[ListRow] {
        &self.rows
    }

    /// Findings that pass the filters.
    pub fn matching(&self) -> usize {
        self.matching
    }

    /// What an export writes: with a filter set, the findings it shows (in the order shown) and
    /// a line saying which; else every finding.
    pub fn export_selection(&mut self, session: &Session, lang: Lang) -> Shown {
        if self.filter.is_default() {
            return Shown::all();
        }
        self.prepare(session, lang);
        let total = session.findings().len();
        let mut note = trf(
            lang,
            Tr::FilteredNote,
            &[
                &count_text(lang, self.shown.len() as f64),
                &count_text(lang, total as f64),
            ],
        );
        for part in self.filter_parts(lang) {
            note.push_str(" · ");
            note.push_str(&part);
        }
        Shown {
            indices: Some(self.shown.clone()),
            note: Some(note),
        }
    }

    /// The filters set, each as "what: value".
    fn filter_parts(&self, lang: Lang) -> Vec<String> {
        let filter = &self.filter;
        let mut parts = Vec::new();
        if filter.severities != [true; 3] {
            let kept: Vec<&str> = Severity::ALL
                .into_iter()
                .filter(|&s| filter.severities[severity_slot(s)])
                .map(|s| severity_name(lang, s))
                .collect();
            parts.push(format!(
                "{}: {}",
                tr(lang, Tr::SeverityLabel),
                kept.join(", ")
            ));
        }
        if let Some(check) = filter.check {
            parts.push(format!("{}: {check}", tr(lang, Tr::CheckLabel)));
        }
        if let Some(country) = &filter.country {
            parts.push(format!("{}: {country}", tr(lang, Tr::CountryLabel)));
        }
        if let Some(table) = filter.table {
            parts.push(format!(
                "{}: {}",
                tr(lang, Tr::TableLabel),
                table.column_label(lang)
            ));
        }
        if let Some(year) = filter.year {
            parts.push(format!("{}: {year}", tr(lang, Tr::YearLabel)));
        }
        if let Some(status) = filter.status {
            parts.push(format!(
                "{}: {}",
                tr(lang, Tr::StatusLabel),
                status_name(lang, status)
            ));
        }
        let text = filter.text.trim();
        if !text.is_empty() {
            parts.push(format!("{}: «{text}»", tr(lang, Tr::SearchLabel)));
        }
        parts
    }

    /// Rebuilds the grouped list when the session, triage, filters or language changed.
    pub fn prepare(&mut self, session: &Session, lang: Lang) {
        if self.choices.as_ref().map(|(g, _)| *g) != Some(session.generation) {
            self.choices = Some((session.generation, FilterChoices::build(session.findings())));
        }
        let key: RowsKey = (
            session.generation,
            // The triage changes the rows only through the status filter.
            if self.filter.status.is_some() {
                session.review_version
            } else {
                0
            },
            self.filter.clone(),
            self.collapsed.clone(),
            self.open_cases.clone(),
            lang,
        );
        if self.rows_key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.text.trim().to_lowercase();
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let texts = session.index.search_text(lang);
        let mut groups: BTreeMap<CheckCode, Vec<u32>> = BTreeMap::new();
        for (i, finding) in session.findings().iter().enumerate() {
            if !self.filter.matches_fields(finding) {
                continue;
            }
            if let Some(status) = self.filter.status
                && session.review.status(session.case_id(i)) != status
            {
                continue;
            }
            if !needle.is_empty()
                && texts
                    .get(i)
                    .is_none_or(|t| finder.find(t.as_bytes()).is_none())
            {
                continue;
            }
            groups.entry(finding.check).or_default().push(i as u32);
        }
        self.matching = groups.values().map(Vec::len).sum();
        self.shown.clear();
        // The most severe groups first, then in catalogue order.
        let mut groups: Vec<(Severity, CheckCode, Vec<u32>)> = groups
            .into_iter()
            .map(|(check, list)| {
                let worst = list
                    .iter()
                    .filter_map(|&i| session.findings().get(i as usize))
                    .map(|f| f.severity)
                    .min()
                    .unwrap_or(Severity::Info);
                (worst, check, list)
            })
            .collect();
        groups.sort_by_key(|(worst, check, _)| (*worst, *check));
        self.rows.clear();
        self.cases.clear();
        for (_, check, list) in groups {
            self.shown.extend_from_slice(&list);
            let collapsed = self.collapsed.contains(&check);
            self.rows.push(ListRow::Group {
                check,
                count: list.len(),
                collapsed,
            });
            if !collapsed {
                self.push_cases(session, &list);
            }
        }
        self.rows_key = Some(key);
    }

    /// The rows of one check's findings: a finding on its own, or a case (findings of one
    /// cause, in the order of their first), followed by its members when it is open.
    fn push_cases(&mut self, session: &Session, list: &[u32]) {
        let groups = &session.index.group;
        // Each finding's case, numbered in the order of the case's first finding (a finding
        // without a group is a case of its own); then the findings gathered case by case.
        let mut case_of_group = vec![0u32; groups.len()];
        let mut case_of: Vec<u32> = Vec::with_capacity(list.len());
        let mut sizes: Vec<u32> = Vec::new();
        for &i in list {
            let slot = groups
                .get(i as usize)
                .and_then(|&g| case_of_group.get_mut(g as usize));
            let case = match slot {
                Some(slot) if *slot > 0 => *slot - 1,
                slot => {
                    let case = sizes.len() as u32;
                    sizes.push(0);
                    if let Some(slot) = slot {
                        *slot = case + 1;
                    }
                    case
                }
            };
            sizes[case as usize] += 1;
            case_of.push(case);
        }
        let (sorted, starts) = crate::checks::index::gather_by_group(list, &case_of, &sizes);
        for case in 0..sizes.len() {
            let members = &sorted[starts[case] as usize..starts[case + 1] as usize];
            match members {
                [one] => self.rows.push(ListRow::Finding(*one)),
                _ => {
                    let group = groups.get(members[0] as usize).copied().unwrap_or(u32::MAX);
                    let open = self.open_cases.contains(&group);
                    self.rows.push(ListRow::Case {
                        case: self.cases.len() as u32,
                        open,
                    });
                    if open {
                        self.rows
                            .extend(members.iter().map(|&i| ListRow::Member(i)));
                    }
                    self.cases.push(members.to_vec());
                }
            }
        }
    }

    /// The findings of a case of the list.
    pub fn case(&self, case: u32) -> &[u32] {
        self.cases.get(case as usize).map_or(&[], Vec::as_slice)
    }

    pub fn findings_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        if session.checking {
            super::widgets::checks_running_ui(ui, lang, Tr::FindingsFollow);
            return;
        }
        self.prepare(session, lang);
        let total = session.findings().len();
        if total == 0 {
            ui.add_space(12.0);
            ui.heading(tr(lang, Tr::NoFindings));
            if session.dataset.is_empty() {
                ui.label(tr(lang, Tr::NoData));
            } else if session.report.checks.is_empty() {
                ui.label(tr(lang, Tr::NoChecksRan));
            } else {
                ui.label(trf(
                    lang,
                    Tr::AllChecksPassed,
                    &[&session.report.checks.len().to_string()],
                ));
            }
            return;
        }
        self.keys(ui.ctx(), commands);
        // The presenter view folds the filters into one button: the projector shows the list
        // and the explanation.
        let filters = egui::Id::unique("finding_filters");
        if super::widgets::folded(ui.ctx(), filters) {
            if ui
                .button(format!("▶ {}", tr(lang, Tr::PresenterShowFilters)))
                .on_hover_text(tr(lang, Tr::PresenterUnfoldPanel))
                .clicked()
            {
                super::widgets::set_folded(ui.ctx(), filters, false);
            }
        } else {
            self.filters_ui(ui, session, lang, palette, commands);
        }
        ui.separator();
        // The list keeps more than half the width at a projector's zoom.
        let detail_max = ui.available_width() * 0.45;
        egui::Panel::right("finding_detail")
            .resizable(true)
            .default_size(420.0f32.min(detail_max))
            .min_size(280.0f32.min(detail_max))
            .max_size(detail_max)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("finding_detail_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if self.marked.len() > 1 {
                            self.bulk_ui(ui, session, lang, commands);
                        } else {
                            self.detail_ui(ui, session, lang, palette, commands);
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.list_ui(ui, session, lang, palette, commands);
        });
    }

    fn filters_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        static NO_CHOICES: FilterChoices = FilterChoices {
            checks: Vec::new(),
            countries: Vec::new(),
            tables: Vec::new(),
            years: Vec::new(),
        };
        let choices = self.choices.as_ref().map_or(&NO_CHOICES, |(_, c)| c);
        let counts = session.index.scorecard.by_severity;
        ui.horizontal_wrapped(|ui| {
            for severity in Severity::ALL {
                let slot = severity_slot(severity);
                let (dot, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                ui.painter()
                    .circle_filled(dot.center(), 4.5, palette.severity(severity));
                let text = format!(
                    "{} {}",
                    severity_name(lang, severity),
                    count_text(lang, counts[slot] as f64)
                );
                ui.toggle_value(&mut self.filter.severities[slot], text);
            }
            ui.separator();
            check_country_filters_ui(ui, &mut self.filter, choices, lang);
            table_year_status_filters_ui(ui, &mut self.filter, choices, lang);

            let label = ui.label(tr(lang, Tr::SearchLabel));
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.text)
                        .hint_text(tr(lang, Tr::SearchHint))
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            if !self.filter.is_default() && ui.button(tr(lang, Tr::ClearFilters)).clicked() {
                self.filter = FindingFilter::default();
            }
        });
        // Wrapped, so that at a projector's zoom the exports go to a line of their own instead
        // of covering the buttons before them.
        ui.horizontal_wrapped(|ui| {
            ui.label(trf(
                lang,
                Tr::ShowingOf,
                &[
                    &count_text(lang, self.matching as f64),
                    &count_text(lang, session.findings().len() as f64),
                ],
            ));
            if ui.button(tr(lang, Tr::SelectAllShown)).clicked() {
                self.mark_all_shown();
            }
            if !self.marked.is_empty() && ui.button(tr(lang, Tr::ClearSelection)).clicked() {
                self.clear_marks();
            }
            ui.separator();
            for (format, key) in [
                (ExportFormat::Csv, Tr::ExportCsv),
                (ExportFormat::Xlsx, Tr::ExportXlsx),
                (ExportFormat::Json, Tr::ExportJson),
            ] {
                if ui.button(tr(lang, key)).clicked() {
                    commands.push(Command::ExportDialog(format));
                }
            }
        });
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        if self.rows.is_empty() {
            ui.label(tr(lang, Tr::NothingMatches));
            return;
        }
        let line = ui.text_style_height(&egui::TextStyle::Body);
        // A list too narrow for a readable message beside the columns (a projector at 150 %)
        // gives each finding two lines: the columns, then the message under them.
        let two_lines = ui.available_width() < ROW_COLUMNS_WIDTH + MIN_MESSAGE_WIDTH;
        let row_height = if two_lines {
            2.0 * line + 10.0
        } else {
            line + 8.0
        };
        let spacing = ui.spacing().item_spacing.y;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("findings_list")
            .auto_shrink([false, false]);
        if self.scroll_to_selected {
            self.scroll_to_selected = false;
            if let Some(selected) = self.selected
                && let Some(position) = self.rows.iter().position(|r| r.finding() == Some(selected))
            {
                let offset = (position as f32 * (row_height + spacing)
                    - ui.available_height() / 2.0)
                    .max(0.0);
                area = area.vertical_scroll_offset(offset);
            }
        }
        let mut toggle: Option<CheckCode> = None;
        let mut clicked_case: Option<u32> = None;
        area.show_rows(ui, row_height, self.rows.len(), |ui, range| {
            for r in range {
                match self.rows.get(r).copied() {
                    Some(ListRow::Group {
                        check,
                        count,
                        collapsed,
                    }) => {
                        let response = group_row_ui(ui, row_height, check, count, collapsed, lang);
                        if response.clicked() {
                            toggle = Some(check);
                        }
                    }
                    Some(ListRow::Case { case, open }) => {
                        let members = self.case(case);
                        let marked = members.iter().all(|&i| self.is_marked(i as usize));
                        let text = cases::case_text(session, members, lang);
                        let mix = cases::status_mix(session, members, lang);
                        let worst = members
                            .iter()
                            .filter_map(|&i| session.findings().get(i as usize))
                            .map(|f| f.severity)
                            .min()
                            .unwrap_or(Severity::Info);
                        let response = cases::case_row_ui(
                            ui,
                            row_height,
                            (&text, &mix),
                            palette.severity(worst),
                            open,
                            marked,
                        );
                        if response.clicked() {
                            clicked_case = Some(case);
                        }
                    }
                    Some(row @ (ListRow::Finding(_) | ListRow::Member(_))) => {
                        let Some(i) = row.finding() else { continue };
                        let selected = self.selected == Some(i) || self.is_marked(i);
                        let response = if matches!(row, ListRow::Member(_)) {
                            // The members of an open case sit under it.
                            ui.horizontal(|ui| {
                                ui.add_space(14.0);
                                finding_row_ui(
                                    ui, row_height, two_lines, session, i, selected, lang, palette,
                                )
                            })
                            .inner
                        } else {
                            finding_row_ui(
                                ui, row_height, two_lines, session, i, selected, lang, palette,
                            )
                        };
                        if response.double_clicked() {
                            commands.push(Command::ShowInData(i));
                        } else if response.clicked() {
                            let modifiers = ui.input(|input| input.modifiers);
                            commands.push(self.click(i, modifiers));
                        }
                    }
                    None => {}
                }
            }
        });
        if let Some(case) = clicked_case
            && let Some(command) = self.click_case(session, case)
        {
            commands.push(command);
        }
        if let Some(check) = toggle
            && !self.collapsed.remove(&check)
        {
            self.collapsed.insert(check);
        }
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let Some(index) = self.selected else {
            ui.add_space(8.0);
            ui.label(RichText::new(tr(lang, Tr::SelectAFinding)).weak());
            return;
        };
        let Some(finding) = session.findings().get(index) else {
            return;
        };
        let case_id = session.case_id(index);
        if self.draft_for != Some((session.generation, index)) {
            self.comment_draft = session
                .review
                .triage(case_id)
                .map(|t| t.comment.clone())
                .unwrap_or_default();
            self.draft_for = Some((session.generation, index));
        }
        let explained = catalog::explain(finding.check, lang);
        ui.add_space(4.0);
        ui.heading(format!("{} — {}", finding.check, explained.title));
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                palette.severity(finding.severity),
                severity_name(lang, finding.severity),
            );
            ui.label(RichText::new("·").weak());
            ui.label(dimension_name(lang, finding.dimension));
            ui.label(RichText::new("·").weak());
            ui.label(trf(lang, Tr::LevelN, &[&finding.level.to_string()]));
            if finding.outcome == Outcome::NotEvaluable {
                ui.label(RichText::new("·").weak());
                ui.label(tr(lang, Tr::NotEvaluable));
            }
        });
        ui.add_space(6.0);
        ui.add(egui::Label::new(RichText::new(finding.message(lang)).strong()).wrap());
        // On the sample, what was planted there, in the window's language.
        if session.shows_synthetic_data()
            && !matches!(session.source, SessionSource::Lesson(_))
            && let Some(issue) = crate::sample::planted_for(finding)
        {
            ui.add_space(4.0);
            ui.add(
                egui::Label::new(
                    RichText::new(trf(lang, Tr::PlantedInSample, &[issue.description(lang)]))
                        .color(palette.info),
                )
                .wrap(),
            );
        }
        ui.add_space(6.0);
        facts_ui(ui, &finding_facts(finding, lang), lang);
        for (heading, text) in [
            (Tr::WhatItTests, explained.what),
            (Tr::WhyItMatters, explained.why),
            (Tr::WhatToLookAt, explained.look_at),
        ] {
            ui.add_space(6.0);
            ui.strong(tr(lang, heading));
            ui.add(egui::Label::new(text).wrap());
        }
        ui.add_space(8.0);
        let can_show = session
            .index
            .finding_cell
            .get(index)
            .is_some_and(Option::is_some)
            || finding
                .table
                .is_some_and(|t| session.slices.contains_key(&t));
        if ui
            .add_enabled(can_show, egui::Button::new(tr(lang, Tr::ShowInData)))
            .on_disabled_hover_text(tr(lang, Tr::NotInData))
            .clicked()
        {
            commands.push(Command::ShowInData(index));
        }
        ui.separator();
        self.triage_ui(ui, session, index, lang, commands);
    }

    /// The triage of the finding shown: its status, the comment, and when it last changed.
    fn triage_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        index: usize,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let case_id = session.case_id(index);
        ui.strong(tr(lang, Tr::ReviewHeading));
        let current = session.review.status(case_id);
        ui.horizontal_wrapped(|ui| {
            for status in TriageStatus::ALL {
                if ui
                    .radio(current == status, status_name(lang, status))
                    .clicked()
                    && current != status
                {
                    commands.push(Command::SetStatus {
                        findings: vec![index],
                        status,
                    });
                }
            }
        });
        let label = ui.label(tr(lang, Tr::CommentLabel));
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut self.comment_draft)
                    .hint_text(tr(lang, Tr::CommentHint))
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::SetComment {
                findings: vec![index],
                comment: self.comment_draft.clone(),
            });
        }
        if let Some(triage) = session.review.triage(case_id)
            && !triage.changed.is_empty()
        {
            ui.label(
                RichText::new(trf(lang, Tr::LastChanged, &[&triage.changed]))
                    .weak()
                    .small(),
            );
        }
    }
}

/// What a finding is about, as label and value: where, table, reporter, year, sex, age,
/// category, the figures expected and found.
fn finding_facts(finding: &Finding, lang: Lang) -> Vec<(Tr, String)> {
    let mut facts: Vec<(Tr, String)> = Vec::new();
    if let Some(location) = &finding.location {
        facts.push((Tr::WhereLabel, location.to_string()));
    }
    if let Some(table) = finding.table {
        facts.push((Tr::TableLabel, table.label(lang)));
    }
    if let Some(reporter) = &finding.reporter {
        facts.push((
            Tr::ReporterLabel,
            format!("{} ({reporter})", gazetteer().name(reporter, lang)),
        ));
    }
    if let Some(year) = finding.year {
        facts.push((Tr::YearLabel, year.to_string()));
    }
    if let Some(sex) = finding.sex {
        facts.push((Tr::SexLabel, sex_name(lang, sex).to_string()));
    }
    if let Some(age) = finding.age.as_deref().filter(|a| *a != "TOTAL") {
        facts.push((Tr::AgeLabel, age_label(lang, age)));
    }
    if let Some(category) = &finding.category {
        let table = finding.table.unwrap_or(TableId::T3);
        facts.push((Tr::CategoryLabel, category_label(category, table, lang)));
    }
    if let Some(expected) = finding.expected {
        facts.push((Tr::ExpectedLabel, count_text(lang, expected)));
    }
    if let Some(actual) = finding.actual {
        facts.push((Tr::ActualLabel, count_text(lang, actual)));
    }
    facts
}

/// Facts, label and value side by side; not a Grid, whose first showing costs a second pass
/// (and with it a click counted twice).
fn facts_ui(ui: &mut egui::Ui, facts: &[(Tr, String)], lang: Lang) {
    let label_width = 96.0;
    for (label, value) in facts {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                vec2(label_width, ui.spacing().interact_size.y),
                Layout::left_to_right(Align::Min),
                |ui| {
                    ui.set_min_width(label_width);
                    ui.label(RichText::new(tr(lang, *label)).weak());
                },
            );
            ui.add(egui::Label::new(value.as_str()).wrap());
        });
    }
}

fn group_row_ui(
    ui: &mut egui::Ui,
    height: f32,
    check: CheckCode,
    count: usize,
    collapsed: bool,
    lang: Lang,
) -> egui::Response {
    let title = catalog::entry(check).title(lang);
    let text = format!("{check} — {title} ({})", count_text(lang, count as f64));
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::accesskit::Role::Button,
            true,
            !collapsed,
            text.clone(),
        )
    });
    let visuals = ui.style().interact(&response);
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    // A disclosure triangle, drawn so it needs no glyph from the font.
    let centre = egui::pos2(rect.left() + 10.0, rect.center().y);
    let points = if collapsed {
        vec![
            centre + vec2(-3.0, -5.0),
            centre + vec2(4.0, 0.0),
            centre + vec2(-3.0, 5.0),
        ]
    } else {
        vec![
            centre + vec2(-5.0, -3.0),
            centre + vec2(5.0, -3.0),
            centre + vec2(0.0, 4.0),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        visuals.fg_stroke.color,
        egui::Stroke::NONE,
    ));
    // Painted rather than a label: the row itself carries the text for screen readers and tests.
    let text_rect = rect.with_min_x(rect.left() + 22.0);
    let galley = egui::WidgetText::from(RichText::new(text).strong()).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        text_rect.width(),
        egui::TextStyle::Body,
    );
    let top = text_rect.center().y - galley.size().y / 2.0;
    ui.painter().galley(
        egui::pos2(text_rect.left(), top),
        galley,
        visuals.text_color(),
    );
    response
}

/// A clickable row of the list, the full width, named `label` for screen readers (and tests),
/// `on` its selected state; its background shows it marked, or under the mouse.
fn list_row(
    ui: &mut egui::Ui,
    height: f32,
    label: String,
    on: bool,
    marked: bool,
) -> (egui::Rect, egui::Response) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, on, &label)
    });
    if marked {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    (rect, response)
}

/// The width of a finding row's columns before its message, status included.
const ROW_COLUMNS_WIDTH: f32 =
    12.0 + 34.0 + TABLE_WIDTH + 40.0 + 40.0 + SEX_WIDTH + 80.0 + 96.0 + 60.0;
/// The table column: a number, or a word for the population, births and deaths.
const TABLE_WIDTH: f32 = 68.0;
/// The sex column: a word ("Оба") or an initial.
const SEX_WIDTH: f32 = 30.0;
/// The least width a message beside the columns is given; below it, it goes on a line of its own.
const MIN_MESSAGE_WIDTH: f32 = 240.0;

#[allow(clippy::too_many_arguments)]
fn finding_row_ui(
    ui: &mut egui::Ui,
    height: f32,
    two_lines: bool,
    session: &Session,
    index: usize,
    selected: bool,
    lang: Lang,
    palette: &Palette,
) -> egui::Response {
    let Some(finding) = session.findings().get(index) else {
        return ui.allocate_response(vec2(0.0, height), Sense::hover());
    };
    let message = finding.message(lang);
    let label = format!("{} {}", finding.check, message);
    let (rect, response) = list_row(ui, height, label, selected, selected);
    let inner = rect.shrink2(vec2(6.0, 0.0));
    let (first_line, second_line) = if two_lines {
        let (top, bottom) = inner.split_top_bottom_at_fraction(0.5);
        (top, Some(bottom))
    } else {
        (inner, None)
    };
    let line_height = first_line.height();
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(first_line)
            .layout(Layout::left_to_right(Align::Center)),
    );
    // A column of fixed width, text from its left edge.
    let cell = |ui: &mut egui::Ui, width: f32, text: RichText| {
        ui.allocate_ui_with_layout(
            vec2(width, line_height),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_min_size(vec2(width, line_height));
                ui.add(egui::Label::new(text).selectable(false).truncate());
            },
        );
    };
    let dot = child
        .allocate_exact_size(vec2(12.0, line_height), Sense::hover())
        .0;
    child
        .painter()
        .circle_filled(dot.center(), 4.5, palette.severity(finding.severity));
    cell(
        &mut child,
        34.0,
        RichText::new(finding.check.as_str()).strong(),
    );
    cell(
        &mut child,
        TABLE_WIDTH,
        RichText::new(
            finding
                .table
                .map(|t| t.column_label(lang))
                .unwrap_or_default(),
        ),
    );
    cell(
        &mut child,
        40.0,
        RichText::new(finding.reporter.as_deref().unwrap_or("")),
    );
    cell(
        &mut child,
        40.0,
        RichText::new(finding.year.map(|y| y.to_string()).unwrap_or_default()),
    );
    cell(
        &mut child,
        SEX_WIDTH,
        RichText::new(finding.sex.map(|s| sex_short(lang, s)).unwrap_or("")),
    );
    cell(
        &mut child,
        80.0,
        RichText::new(
            finding
                .category
                .as_deref()
                .map(|c| category_short(c, finding.table.unwrap_or(TableId::T3), lang))
                .unwrap_or_default(),
        ),
    );
    let status = session.review.status(session.case_id(index));
    let status_width = 96.0;
    let status_text = if status == TriageStatus::Open {
        RichText::new(status_name(lang, status)).weak()
    } else {
        RichText::new(status_name(lang, status))
    };
    match second_line {
        Some(below) => {
            cell(&mut child, status_width, status_text);
            let mut under = ui.new_child(
                UiBuilder::new()
                    .max_rect(below.shrink2(vec2(18.0, 0.0)))
                    .layout(Layout::left_to_right(Align::Center)),
            );
            let width = under.available_width();
            cell(&mut under, width, RichText::new(message));
        }
        None => {
            let message_width = (child.available_width() - status_width - 8.0).max(60.0);
            cell(&mut child, message_width, RichText::new(message));
            cell(&mut child, status_width, status_text);
        }
    }
    response
}

/// The filters by check and by country.
fn check_country_filters_ui(
    ui: &mut egui::Ui,
    filter: &mut FindingFilter,
    choices: &FilterChoices,
    lang: Lang,
) {
    let all = tr(lang, Tr::All);

    let label = ui.label(tr(lang, Tr::CheckLabel));
    egui::ComboBox::from_id_salt("filter_check")
        .selected_text(filter.check.map(|c| c.to_string()).unwrap_or(all.into()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.check, None, all);
            for (check, count) in &choices.checks {
                ui.selectable_value(
                    &mut filter.check,
                    Some(*check),
                    format!(
                        "{check} — {} ({})",
                        catalog::entry(*check).title(lang),
                        count_text(lang, *count as f64)
                    ),
                );
            }
        })
        .response
        .labelled_by(label.id);

    let label = ui.label(tr(lang, Tr::CountryLabel));
    egui::ComboBox::from_id_salt("filter_country")
        .selected_text(filter.country.clone().unwrap_or(all.into()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.country, None, all);
            for code in &choices.countries {
                ui.selectable_value(
                    &mut filter.country,
                    Some(code.clone()),
                    country_label(code, lang),
                );
            }
        })
        .response
        .labelled_by(label.id);
}

/// The filters by table, year and triage status.
fn table_year_status_filters_ui(
    ui: &mut egui::Ui,
    filter: &mut FindingFilter,
    choices: &FilterChoices,
    lang: Lang,
) {
    let all = tr(lang, Tr::All);

    let label = ui.label(tr(lang, Tr::TableLabel));
    egui::ComboBox::from_id_salt("filter_table")
        .selected_text(
            filter
                .table
                .map(|t| t.column_label(lang))
                .unwrap_or(all.into()),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.table, None, all);
            for table in &choices.tables {
                ui.selectable_value(&mut filter.table, Some(*table), table.label(lang));
            }
        })
        .response
        .labelled_by(label.id);

    let label = ui.label(tr(lang, Tr::YearLabel));
    egui::ComboBox::from_id_salt("filter_year")
        .selected_text(filter.year.map(|y| y.to_string()).unwrap_or(all.into()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.year, None, all);
            for year in &choices.years {
                ui.selectable_value(&mut filter.year, Some(*year), year.to_string());
            }
        })
        .response
        .labelled_by(label.id);

    let label = ui.label(tr(lang, Tr::StatusLabel));
    egui::ComboBox::from_id_salt("filter_status")
        .selected_text(filter.status.map(|s| status_name(lang, s)).unwrap_or(all))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.status, None, all);
            for status in TriageStatus::ALL {
                ui.selectable_value(&mut filter.status, Some(status), status_name(lang, status));
            }
        })
        .response
        .labelled_by(label.id);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Dimension;
    use crate::model::{Dataset, Location, Sex};
    use crate::report::Report;

    fn finding(check: CheckCode, severity: Severity, reporter: &str, category: &str) -> Finding {
        Finding {
            check,
            severity,
            outcome: Outcome::Fail,
            dimension: Dimension::Accuracy,
            level: 1,
            table: Some(TableId::T3),
            reporter: Some(reporter.into()),
            year: Some(2015),
            sex: Some(Sex::T),
            age: None,
            category: Some(category.into()),
            expected: None,
            actual: None,
            message: crate::checks::Message::written(
                format!("{reporter} reports {category}"),
                format!("{reporter} сообщает {category}"),
            ),
            location: Some(Location::cell_of("KAZ.xlsx", "Table 3", 13, 3)),
        }
    }

    #[test]
    fn findings_of_one_cause_are_listed_as_one_case_in_the_order_of_its_first() {
        let jump = |category: &str, year: u16| Finding {
            year: Some(year),
            ..finding(CheckCode::T1, Severity::Warning, "KAZ", category)
        };
        let mut report = Report::new(
            Vec::new(),
            &Dataset::new(),
            &crate::settings::Settings::default(),
        );
        report.findings = vec![
            jump("RUS", 2010),
            jump("TJK", 2011),
            jump("RUS", 2014),
            jump("UZB", 2012),
            jump("RUS", 2016),
            jump("UZB", 2013),
        ];
        let session = Session::build(
            crate::app::session::SessionSource::Empty,
            Dataset::new(),
            Vec::new(),
            report,
            None,
        );
        let mut view = FindingsView::default();
        view.prepare(&session, Lang::En);
        let group = ListRow::Group {
            check: CheckCode::T1,
            count: 6,
            collapsed: false,
        };
        let closed = |case| ListRow::Case { case, open: false };
        assert_eq!(
            view.rows(),
            [group, closed(0), ListRow::Finding(1), closed(1)]
        );
        assert_eq!(view.case(0), [0, 2, 4]);
        assert_eq!(view.case(1), [3, 5]);

        // An open case lists its members under it.
        let uzb = session.index.group[3];
        view.open_cases.insert(uzb);
        view.prepare(&session, Lang::En);
        assert_eq!(
            view.rows(),
            [
                group,
                closed(0),
                ListRow::Finding(1),
                ListRow::Case {
                    case: 1,
                    open: true
                },
                ListRow::Member(3),
                ListRow::Member(5),
            ]
        );

        // The search keeps the cases of what it finds.
        view.filter.text = "tjk".into();
        view.prepare(&session, Lang::En);
        let found = ListRow::Group {
            check: CheckCode::T1,
            count: 1,
            collapsed: false,
        };
        assert_eq!(view.rows(), [found, ListRow::Finding(1)]);
    }

    #[test]
    fn the_country_filter_offers_reporters_and_partner_countries() {
        let findings = [
            finding(CheckCode::A1, Severity::Error, "KAZ", "TOTAL"),
            finding(CheckCode::M1, Severity::Warning, "RUS", "TJK"),
        ];
        let choices = FilterChoices::build(&findings);
        assert_eq!(choices.countries, ["KAZ", "RUS", "TJK"]);
    }

    #[test]
    fn filters_combine() {
        let a1 = finding(CheckCode::A1, Severity::Error, "KAZ", "RUS");
        let m1 = finding(CheckCode::M1, Severity::Warning, "RUS", "KAZ");
        let open = TriageStatus::Open;
        let all = FindingFilter::default();
        assert!(all.matches(&a1, open, Lang::En, ""));

        let no_errors = FindingFilter {
            severities: [false, true, true],
            ..FindingFilter::default()
        };
        assert!(!no_errors.matches(&a1, open, Lang::En, ""));
        assert!(no_errors.matches(&m1, open, Lang::En, ""));

        // A country is found as reporter or as partner.
        let kaz = FindingFilter {
            country: Some("KAZ".into()),
            ..FindingFilter::default()
        };
        assert!(kaz.matches(&a1, open, Lang::En, ""));
        assert!(kaz.matches(&m1, open, Lang::En, ""));
        let tjk = FindingFilter {
            country: Some("TJK".into()),
            ..FindingFilter::default()
        };
        assert!(!tjk.matches(&a1, open, Lang::En, ""));

        let confirmed = FindingFilter {
            status: Some(TriageStatus::Confirmed),
            ..FindingFilter::default()
        };
        assert!(!confirmed.matches(&a1, open, Lang::En, ""));
        assert!(confirmed.matches(&a1, TriageStatus::Confirmed, Lang::En, ""));

        // Text searches the message in the shown language, codes and the cell.
        assert!(all.matches(&a1, open, Lang::Ru, "сообщает"));
        assert!(!all.matches(&a1, open, Lang::En, "сообщает"));
        assert!(all.matches(&a1, open, Lang::En, "d14"));
        assert!(all.matches(&a1, open, Lang::En, "a1"));
        assert!(!all.matches(&a1, open, Lang::En, "tjk"));
    }
}
