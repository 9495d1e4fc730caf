//! The form of one source: what the reviewer is typing about it, kept between frames, and the
//! rows of the form (a label of fixed width and a text, choice or number beside it).

use super::field_label;
use crate::app::i18n::{Tr, trf};
use crate::app::theme::Palette;
use crate::assess::questionnaire::Field;
use crate::assess::{Choice, Criterion, DataSource, TableFeed};
use crate::model::Lang;
use egui::{Align, Layout, RichText, vec2};
use std::collections::BTreeMap;

/// Width of the labels of the inventory form.
pub(super) const LABEL_WIDTH: f32 = 220.0;

/// What the reviewer is typing about the selected source, kept between frames.
pub(super) struct Draft {
    /// Session generation, review version, country and source the draft was taken from.
    pub(super) key: (u64, u64, String, String),
    pub(super) source: DataSource,
    pub(super) feeds_text: String,
    pub(super) feeds_error: Option<String>,
    pub(super) numbers: [String; 4],
    pub(super) number_errors: [Option<String>; 4],
    pub(super) evidence: BTreeMap<Criterion, String>,
    pub(super) override_score: BTreeMap<Criterion, u8>,
    pub(super) reason: BTreeMap<Criterion, String>,
}

/// The optional numbers of the inventory, edited as text.
pub(super) const NUMBER_FIELDS: [Field; 4] = [
    Field::ReleaseLag,
    Field::DurationRule,
    Field::RegistrationDays,
    Field::DeregistrationDays,
];

pub(super) fn number_text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl Draft {
    pub(super) fn new(key: (u64, u64, String, String), source: &DataSource) -> Draft {
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

    pub(super) fn take_numbers(&mut self, source: &DataSource) {
        self.numbers = [
            number_text(source.release_lag_months),
            number_text(source.duration_rule_months),
            number_text(source.registration_obligation.time_limit_days),
            number_text(source.deregistration_obligation.time_limit_days),
        ];
        self.number_errors = Default::default();
    }

    pub(super) fn take_evidence(&mut self, source: &DataSource) {
        self.evidence = source
            .scores
            .iter()
            .map(|s| (s.criterion, s.evidence.clone()))
            .collect();
    }

    /// Follows the assessment after a change elsewhere, keeping what is being typed where it
    /// still means the same (a list of feeds half written, an override not yet applied).
    pub(super) fn follow(&mut self, key: (u64, u64, String, String), source: &DataSource) {
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

/// A label of fixed width and the field's widget beside it.
/// The width of the labels of the form: [`LABEL_WIDTH`], less in a narrow panel (a projector's
/// zoom) so the values keep room.
pub(super) fn label_width(ui: &egui::Ui) -> f32 {
    LABEL_WIDTH.min(ui.available_width() * 0.35)
}

/// The width of a choice beside its label: 360 points, less in a narrow panel.
pub(super) fn choice_width(ui: &egui::Ui) -> f32 {
    360.0f32.min(ui.available_width() - 8.0).max(120.0)
}

pub(super) fn field_row<R>(
    ui: &mut egui::Ui,
    label: &str,
    help: &str,
    add: impl FnOnce(&mut egui::Ui) -> (R, egui::Response),
) -> R {
    ui.horizontal_top(|ui| {
        let label_width = label_width(ui);
        let label_response = ui
            .allocate_ui_with_layout(
                vec2(label_width, ui.spacing().interact_size.y),
                Layout::left_to_right(Align::Min),
                |ui| {
                    ui.set_min_width(label_width);
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

pub(super) fn text_row(
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

pub(super) fn choice_row<T: Choice>(
    ui: &mut egui::Ui,
    field: Field,
    value: &mut T,
    lang: Lang,
) -> bool {
    let (label, help) = field_label(field, lang);
    field_row(ui, label, help, |ui| {
        let before = *value;
        let response = egui::ComboBox::from_id_salt(("inventory_choice", label))
            .selected_text(value.label(lang))
            .width(choice_width(ui))
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
pub(super) fn number_row(
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

pub(super) fn error_row(ui: &mut egui::Ui, text: &str, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.add_space(label_width(ui));
        ui.add(egui::Label::new(RichText::new(text).color(palette.error)).wrap());
    });
}
