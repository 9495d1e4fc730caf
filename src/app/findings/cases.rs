//! Findings of one cause shown as one row (an M1 pair over the years and sexes, a series over
//! the years, an unplaced label): the row says what they share, how many they are and how they
//! are decided; a click marks them all (a decision then applies to each) and opens or closes
//! the row on its members.

use super::super::command::Command;
use super::super::i18n::{category_short, count_text, sex_short, status_name};
use super::super::session::Session;
use super::FindingsView;
use crate::model::Lang;
use crate::review::TriageStatus;
use egui::{Align, Layout, RichText, Sense, UiBuilder, vec2};

impl FindingsView {
    /// A click on a case's row: its findings are marked (the first one selected), and the row
    /// opens on them, or closes.
    pub(super) fn click_case(&mut self, session: &Session, case: u32) -> Option<Command> {
        let members = self.case(case).to_vec();
        let first = *members.first()?;
        let group = session.index.group.get(first as usize).copied()?;
        if !self.open_cases.remove(&group) {
            self.open_cases.insert(group);
        }
        self.marked = members.into_iter().collect();
        self.anchor = Some(first);
        Some(Command::SelectFinding(Some(first as usize)))
    }
}

/// The text of a case: the check, what its findings share, the years and sexes they span, how
/// many they are.
pub(super) fn case_text(session: &Session, members: &[u32], lang: Lang) -> String {
    let findings: Vec<_> = members
        .iter()
        .filter_map(|&i| session.findings().get(i as usize))
        .collect();
    let Some(first) = findings.first() else {
        return String::new();
    };
    let mut parts: Vec<String> = vec![first.check.to_string()];
    parts.extend(first.table.map(|t| t.column_label(lang)));
    parts.extend(first.reporter.as_deref().map(String::from));
    parts.extend(
        first
            .category
            .as_deref()
            .map(|c| category_short(c, first.table.unwrap_or(crate::model::TableId::T3), lang)),
    );
    let years: Vec<u16> = findings.iter().filter_map(|f| f.year).collect();
    if let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) {
        parts.push(if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        });
    }
    // Total, men, women, in that order.
    let mut sexes: Vec<crate::model::Sex> = findings.iter().filter_map(|f| f.sex).collect();
    sexes.sort_unstable_by_key(|&s| s as u8);
    sexes.dedup();
    if !sexes.is_empty() {
        let words: Vec<&str> = sexes.iter().map(|&s| sex_short(lang, s)).collect();
        parts.push(words.join(" "));
    }
    format!(
        "{} · {}",
        parts.join(" "),
        crate::t!(lang, "findings-count", count = findings.len())
    )
}

/// How many of `findings` have each status, in the order of [`TriageStatus::ALL`].
pub(super) fn status_counts(
    session: &Session,
    findings: impl IntoIterator<Item = usize>,
) -> [usize; 4] {
    let mut counts = [0usize; 4];
    for i in findings {
        let status = session.review.status(session.case_id(i));
        if let Some(slot) = TriageStatus::ALL.iter().position(|&s| s == status) {
            counts[slot] += 1;
        }
    }
    counts
}

/// How findings are decided: "Open 30", "Confirmed 24 · Open 6".
pub(super) fn status_mix(session: &Session, members: &[u32], lang: Lang) -> String {
    let counts = status_counts(session, members.iter().map(|&i| i as usize));
    mix_text(counts, lang)
}

/// [`status_counts`] in words.
pub(super) fn mix_text(counts: [usize; 4], lang: Lang) -> String {
    TriageStatus::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&s, n)| format!("{} {}", status_name(lang, s), count_text(lang, n as f64)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The row of a case: a disclosure triangle, its text, and the mix of its statuses.
pub(super) fn case_row_ui(
    ui: &mut egui::Ui,
    height: f32,
    (text, mix): (&str, &str),
    severity: egui::Color32,
    open: bool,
    marked: bool,
) -> egui::Response {
    // The row says it all to screen readers (and tests): what, and how it is decided.
    let (rect, response) = super::list_row(ui, height, format!("{text}: {mix}"), open, marked);
    let colour = ui.style().interact(&response).fg_stroke.color;
    let centre = egui::pos2(rect.left() + 12.0, rect.center().y);
    let points = if open {
        vec![
            centre + vec2(-4.0, -2.0),
            centre + vec2(4.0, -2.0),
            centre + vec2(0.0, 3.0),
        ]
    } else {
        vec![
            centre + vec2(-2.0, -4.0),
            centre + vec2(3.0, 0.0),
            centre + vec2(-2.0, 4.0),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.with_min_x(rect.left() + 24.0).shrink2(vec2(6.0, 0.0)))
            .layout(Layout::left_to_right(Align::Center)),
    );
    // The most severe finding's colour, as a finding's row has it.
    let dot = child
        .allocate_exact_size(vec2(12.0, height), Sense::hover())
        .0;
    child.painter().circle_filled(dot.center(), 4.5, severity);
    let mix_width = 220.0;
    let text_width = (child.available_width() - mix_width - 8.0).max(60.0);
    child.allocate_ui_with_layout(
        vec2(text_width, height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_size(vec2(text_width, height));
            ui.add(
                egui::Label::new(RichText::new(text).strong())
                    .selectable(false)
                    .truncate(),
            );
        },
    );
    child.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add(
            egui::Label::new(RichText::new(mix))
                .selectable(false)
                .truncate(),
        );
    });
    response
}
