//! Many findings at once: the findings marked (Ctrl-click, Shift-click, "Select all shown"), the
//! keys that move through the list and decide, and the pane that gives every finding marked a
//! status or a comment.

use super::super::command::Command;
use super::super::i18n::{Tr, count_text, status_name, tr, trf};
use super::super::session::Session;
use super::FindingsView;
use crate::model::Lang;
use crate::review::TriageStatus;
use egui::{Key, Modifiers, RichText};

/// The status each number key sets.
const STATUS_KEYS: [(Key, TriageStatus); 4] = [
    (Key::Num1, TriageStatus::Open),
    (Key::Num2, TriageStatus::Confirmed),
    (Key::Num3, TriageStatus::Explained),
    (Key::Num4, TriageStatus::FalseAlarm),
];

impl FindingsView {
    /// The findings a decision applies to: those marked, else the one selected.
    pub fn targets(&self) -> Vec<usize> {
        if self.marked.is_empty() {
            self.selected.into_iter().collect()
        } else {
            self.marked.iter().map(|&i| i as usize).collect()
        }
    }

    /// The findings marked (by index in the report).
    pub fn marked(&self) -> impl Iterator<Item = usize> + '_ {
        self.marked.iter().map(|&i| i as usize)
    }

    pub(super) fn is_marked(&self, finding: usize) -> bool {
        self.marked.contains(&(finding as u32))
    }

    /// A click on a finding's row: alone it selects the finding; with Ctrl (⌘) it adds it to
    /// the findings marked or takes it out; with Shift it marks every finding shown from the
    /// last one clicked to it.
    pub(super) fn click(&mut self, finding: usize, modifiers: Modifiers) -> Command {
        let at = finding as u32;
        if modifiers.shift {
            let from = self
                .anchor
                .or(self.selected.map(|s| s as u32))
                .unwrap_or(at);
            let position = |i: u32| self.shown.iter().position(|&s| s == i);
            if let (Some(a), Some(b)) = (position(from), position(at)) {
                let (lo, hi) = (a.min(b), a.max(b));
                self.marked = self.shown[lo..=hi].iter().copied().collect();
            }
        } else if modifiers.command {
            if self.marked.is_empty()
                && let Some(selected) = self.selected
            {
                self.marked.insert(selected as u32);
            }
            if !self.marked.remove(&at) {
                self.marked.insert(at);
            }
            self.anchor = Some(at);
        } else {
            self.marked.clear();
            self.anchor = Some(at);
        }
        Command::SelectFinding(Some(finding))
    }

    /// Marks every finding the filters show.
    pub(super) fn mark_all_shown(&mut self) {
        self.marked = self.shown.iter().copied().collect();
    }

    pub(super) fn clear_marks(&mut self) {
        self.marked.clear();
        self.anchor = None;
    }

    /// The list's keys, while no text field is being edited: ↑ ↓ (or k j) move the selection,
    /// 1–4 decide on the findings marked or the one selected, Enter shows its cell in Data, /
    /// goes to the search field, Escape clears the marks.
    pub(super) fn keys(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let step = if pressed(Key::ArrowDown) || pressed(Key::J) {
            Some(1)
        } else if pressed(Key::ArrowUp) || pressed(Key::K) {
            Some(-1)
        } else {
            None
        };
        if let Some(step) = step
            && let Some(next) = self.next_row(step)
        {
            self.marked.clear();
            self.anchor = Some(next as u32);
            commands.push(Command::SelectFinding(Some(next)));
        }
        for (key, status) in STATUS_KEYS {
            if pressed(key) {
                let findings = self.targets();
                if !findings.is_empty() {
                    commands.push(Command::SetStatus { findings, status });
                }
            }
        }
        if pressed(Key::Enter)
            && let Some(selected) = self.selected
        {
            commands.push(Command::ShowInData(selected));
        }
        if pressed(Key::Slash) {
            self.focus_search = true;
        }
        if pressed(Key::Escape) {
            self.clear_marks();
        }
    }

    /// The finding `step` rows below (above, when negative) the one selected, among the rows
    /// shown; the first one when none is selected.
    fn next_row(&self, step: isize) -> Option<usize> {
        let findings: Vec<usize> = self.rows.iter().filter_map(|row| row.finding()).collect();
        let at = self
            .selected
            .and_then(|s| findings.iter().position(|&f| f == s));
        let next = match at {
            None => 0,
            Some(at) => at.checked_add_signed(step)?,
        };
        findings.get(next).copied()
    }

    /// The pane beside the list when several findings are marked: how many, the statuses they
    /// have now, the status to give them all, and a comment for all.
    pub(super) fn bulk_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let findings = self.targets();
        ui.add_space(4.0);
        ui.heading(trf(
            lang,
            Tr::MarkedCount,
            &[&count_text(lang, findings.len() as f64)],
        ));
        let counts = super::cases::status_counts(session, findings.iter().copied());
        let mix = super::cases::mix_text(counts, lang);
        ui.label(trf(lang, Tr::StatusesNow, &[&mix]));
        ui.add_space(6.0);
        ui.strong(tr(lang, Tr::ReviewHeading));
        ui.horizontal_wrapped(|ui| {
            for (slot, status) in TriageStatus::ALL.into_iter().enumerate() {
                let all = counts[slot] == findings.len();
                if ui.radio(all, status_name(lang, status)).clicked() && !all {
                    commands.push(Command::SetStatus {
                        findings: findings.clone(),
                        status,
                    });
                }
            }
        });
        let label = ui.label(tr(lang, Tr::CommentLabel));
        ui.add(
            egui::TextEdit::multiline(&mut self.bulk_comment)
                .hint_text(tr(lang, Tr::CommentHint))
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let apply = trf(
            lang,
            Tr::ApplyCommentToAll,
            &[&count_text(lang, findings.len() as f64)],
        );
        if ui
            .add_enabled(!self.bulk_comment.is_empty(), egui::Button::new(apply))
            .clicked()
        {
            commands.push(Command::SetComment {
                findings: findings.clone(),
                comment: self.bulk_comment.clone(),
            });
        }
        ui.add_space(8.0);
        ui.label(RichText::new(tr(lang, Tr::TriageKeys)).weak());
    }
}
