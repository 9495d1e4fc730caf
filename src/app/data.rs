//! The Data panel: one table of one reporter for one sex, categories down and years across.
//! The pivot is built once per selection; the rows are virtualised, so a million observations
//! scroll as smoothly as a hundred.

use super::command::Command;
pub use super::command::DataSelection;
use super::i18n::{
    Tr, category_label, count_text, missing_marker, missing_name, sex_name, tr, trf,
};
use super::session::Session;
use super::theme::Palette;
use super::widgets::{row_label, sort_key};
use super::workshop::Quiz;
use crate::app::i18n::country_label;
use crate::checks::Severity;
use crate::model::{Lang, Missing, ObsKey, Sex, Sym, TableId, gazetteer};
use egui::{Align, Layout, RichText, Sense, Stroke, StrokeKind};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

/// The cell of a finding, highlighted in the pivot.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CellTarget {
    pub category: Option<Sym>,
    pub age: Option<Sym>,
    pub year: Option<u16>,
}

/// One row of the pivot: a category (and age group, when the table has ages).
#[derive(Clone, Debug, PartialEq)]
pub struct PivotRow {
    pub category: Sym,
    pub age: Sym,
    pub label: String,
    /// The observation (index into the data set) of each year column.
    pub cells: Vec<Option<u32>>,
}

/// The selection laid out as a grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pivot {
    pub years: Vec<u16>,
    pub rows: Vec<PivotRow>,
}

impl Pivot {
    /// Builds the grid of one table × reporter × sex.
    pub fn build(session: &Session, selection: &DataSelection, lang: Lang) -> Pivot {
        let (Some(table), Some(reporter)) = (selection.table, selection.reporter) else {
            return Pivot::default();
        };
        let Some(slice) = session
            .slices
            .get(&table)
            .and_then(|list| list.iter().find(|s| s.reporter == reporter))
        else {
            return Pivot::default();
        };
        let dataset = &session.dataset;
        let obs = dataset.obs();
        let selected = slice.obs_of(selection.sex);
        // Rows by category symbol, then by age (a few age groups per category): no hashing in
        // the loop over the observations.
        let mut rows_of_category: Vec<Vec<(Sym, usize)>> = vec![Vec::new(); dataset.strings.len()];
        let mut keys: Vec<(Sym, Sym)> = Vec::new();
        let mut placed: Vec<(usize, u16, u32)> = Vec::with_capacity(selected.len());
        let (mut first_year, mut last_year) = (u16::MAX, 0u16);
        for &i in selected {
            let Some(o) = obs.get(i as usize) else {
                continue;
            };
            let Some(ages) = rows_of_category.get_mut(o.category.0 as usize) else {
                continue;
            };
            let row = match ages.iter().find(|(age, _)| *age == o.age) {
                Some(&(_, row)) => row,
                None => {
                    keys.push((o.category, o.age));
                    ages.push((o.age, keys.len() - 1));
                    keys.len() - 1
                }
            };
            first_year = first_year.min(o.year);
            last_year = last_year.max(o.year);
            placed.push((row, o.year, i));
        }
        let mut year_present = vec![false; (last_year.saturating_sub(first_year) as usize) + 1];
        for &(_, year, _) in &placed {
            year_present[(year - first_year) as usize] = true;
        }
        let years: Vec<u16> = year_present
            .iter()
            .enumerate()
            .filter(|(_, present)| **present)
            .map(|(k, _)| first_year + k as u16)
            .collect();
        // Labels once per category (a table with ages repeats each category per age group).
        let mut category_labels: HashMap<Sym, String> = HashMap::new();
        let mut rows: Vec<PivotRow> = keys
            .iter()
            .map(|&(category, age)| {
                let label = category_labels
                    .entry(category)
                    .or_insert_with(|| category_label(dataset.str(category), table, lang));
                PivotRow {
                    category,
                    age,
                    label: row_label(label, dataset.str(age), lang),
                    cells: vec![None; years.len()],
                }
            })
            .collect();
        for (r, year, i) in placed {
            let Ok(c) = years.binary_search(&year) else {
                continue;
            };
            // With duplicate keys the first observation is shown; S2 flags the rest.
            if rows[r].cells[c].is_none() {
                rows[r].cells[c] = Some(i);
            }
        }
        rows.sort_by_cached_key(|row| {
            sort_key(dataset.str(row.category), dataset.str(row.age), &row.label)
        });
        Pivot { years, rows }
    }
}

/// State of the Data panel.
#[derive(Default)]
pub struct DataView {
    pub selection: DataSelection,
    pub target: Option<CellTarget>,
    /// Frames left in which to scroll the target into view.
    scroll_frames: u8,
    pivot: Option<Pivot>,
    pivot_key: Option<(u64, DataSelection, Lang)>,
}

impl DataView {
    /// Shows another table, reporter or sex.
    pub fn select(&mut self, selection: DataSelection) {
        if selection != self.selection {
            self.selection = selection;
            self.target = None;
        }
    }

    /// Moves to the cell a finding is about; false when the finding is about no table in the
    /// data (a whole-file finding).
    pub fn show_finding(&mut self, session: &Session, finding: usize) -> bool {
        let Some(f) = session.findings().get(finding) else {
            return false;
        };
        let Some(table) = f.table else { return false };
        let Some(reporters) = session.slices.get(&table) else {
            return false;
        };
        let dataset = &session.dataset;
        let reporter = f
            .reporter
            .as_deref()
            .and_then(|r| dataset.sym(r))
            .filter(|r| reporters.iter().any(|s| s.reporter == *r))
            .or_else(|| reporters.first().map(|s| s.reporter));
        self.selection = DataSelection {
            table: Some(table),
            reporter,
            sex: f.sex.unwrap_or(Sex::T),
        };
        self.target = Some(CellTarget {
            category: f.category.as_deref().and_then(|c| dataset.sym(c)),
            age: f
                .age
                .as_deref()
                .or(Some("TOTAL"))
                .and_then(|a| dataset.sym(a)),
            year: f.year,
        });
        self.scroll_frames = 2;
        true
    }

    /// Shows a table of a reporter with the column of a year marked (from the Coverage panel);
    /// false when the reporter gives no such table.
    pub fn show_table(
        &mut self,
        session: &Session,
        table: TableId,
        reporter: &str,
        sex: Sex,
        year: Option<u16>,
    ) -> bool {
        let Some(reporter) = session.dataset.sym(reporter) else {
            return false;
        };
        let given = session
            .slices
            .get(&table)
            .is_some_and(|list| list.iter().any(|s| s.reporter == reporter));
        if !given {
            return false;
        }
        self.selection = DataSelection {
            table: Some(table),
            reporter: Some(reporter),
            sex,
        };
        self.target = Some(CellTarget {
            category: None,
            age: None,
            year,
        });
        self.scroll_frames = 2;
        true
    }

    /// The pivot currently shown.
    pub fn pivot(&self) -> Option<&Pivot> {
        self.pivot.as_ref()
    }

    /// The row and year column of the highlighted cell in the current pivot.
    pub fn target_position(&self) -> Option<(Option<usize>, Option<usize>)> {
        let target = self.target?;
        let pivot = self.pivot.as_ref()?;
        Some(target_position(pivot, &target))
    }

    /// Keeps the selection on something that exists in this session.
    fn settle_selection(&mut self, session: &Session) {
        let slices = &session.slices;
        let table = match self.selection.table.filter(|t| slices.contains_key(t)) {
            Some(t) => t,
            None => match slices.keys().next() {
                Some(t) => *t,
                None => {
                    self.selection = DataSelection::default();
                    return;
                }
            },
        };
        let reporters = slices.get(&table).map(Vec::as_slice).unwrap_or(&[]);
        let slice = self
            .selection
            .reporter
            .and_then(|r| reporters.iter().find(|s| s.reporter == r))
            .or_else(|| reporters.first());
        let sex = match slice {
            Some(s) if s.has(self.selection.sex) => self.selection.sex,
            Some(s) => Sex::ALL.into_iter().find(|x| s.has(*x)).unwrap_or(Sex::T),
            None => Sex::T,
        };
        let settled = DataSelection {
            table: Some(table),
            reporter: slice.map(|s| s.reporter),
            sex,
        };
        if settled != self.selection {
            self.selection = settled;
        }
    }

    /// Builds the pivot when the session, the selection or the language changed.
    pub fn prepare(&mut self, session: &Session, lang: Lang) {
        self.settle_selection(session);
        let key = (session.generation, self.selection, lang);
        if self.pivot_key != Some(key) {
            self.pivot = Some(Pivot::build(session, &self.selection, lang));
            self.pivot_key = Some(key);
        }
    }

    /// The panel; `quiz`, when one runs, hides the findings and shows the cells marked.
    pub fn data_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        quiz: Option<&Quiz>,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        self.prepare(session, lang);
        if session.slices.is_empty() {
            ui.add_space(12.0);
            ui.label(tr(lang, Tr::NoData));
            return;
        }
        self.selectors_ui(ui, session, lang, commands);
        ui.separator();
        if let Some(table) = self.selection.table {
            let reporter = self
                .selection
                .reporter
                .map(|r| session.dataset.str(r))
                .unwrap_or("");
            ui.horizontal_wrapped(|ui| {
                ui.heading(table.short_label(lang));
                ui.label(table.title(lang));
                ui.label(RichText::new("·").weak());
                ui.label(gazetteer().name(reporter, lang));
                ui.label(RichText::new("·").weak());
                ui.label(sex_name(lang, self.selection.sex));
            });
        }
        let Some(pivot) = self.pivot.take() else {
            return;
        };
        if pivot.rows.is_empty() {
            ui.label(tr(lang, Tr::NoObservationsForSelection));
        } else {
            self.grid_ui(ui, session, &pivot, quiz, lang, palette, commands);
        }
        self.pivot = Some(pivot);
        if self.scroll_frames > 0 {
            self.scroll_frames -= 1;
            ui.ctx().request_repaint();
        }
    }

    fn selectors_ui(
        &self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let slices = &session.slices;
        let selection = self.selection;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, Tr::TableLabel));
            let shown = selection.table.map(|t| t.label(lang)).unwrap_or_default();
            egui::ComboBox::from_id_salt("data_table")
                .selected_text(shown)
                .width(360.0)
                .show_ui(ui, |ui| {
                    for (table, reporters) in slices {
                        let text = table.label(lang);
                        if ui
                            .selectable_label(selection.table == Some(*table), text)
                            .clicked()
                        {
                            let reporter = selection
                                .reporter
                                .filter(|r| reporters.iter().any(|s| s.reporter == *r))
                                .or_else(|| reporters.first().map(|s| s.reporter));
                            commands.push(Command::SelectData(DataSelection {
                                table: Some(*table),
                                reporter,
                                sex: selection.sex,
                            }));
                        }
                    }
                })
                .response
                .labelled_by(label.id);

            ui.add_space(12.0);
            let label = ui.label(tr(lang, Tr::ReporterLabel));
            let reporters = selection
                .table
                .and_then(|t| slices.get(&t))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let reporter_text = |sym: Sym| {
                let code = session.dataset.str(sym);
                country_label(code, lang)
            };
            egui::ComboBox::from_id_salt("data_reporter")
                .selected_text(selection.reporter.map(reporter_text).unwrap_or_default())
                .width(240.0)
                .show_ui(ui, |ui| {
                    for slice in reporters {
                        if ui
                            .selectable_label(
                                selection.reporter == Some(slice.reporter),
                                reporter_text(slice.reporter),
                            )
                            .clicked()
                        {
                            commands.push(Command::SelectData(DataSelection {
                                reporter: Some(slice.reporter),
                                ..selection
                            }));
                        }
                    }
                })
                .response
                .labelled_by(label.id);

            ui.add_space(12.0);
            ui.label(tr(lang, Tr::SexLabel));
            let slice = reporters
                .iter()
                .find(|s| Some(s.reporter) == selection.reporter);
            for sex in Sex::ALL {
                if slice.is_some_and(|s| s.has(sex))
                    && ui
                        .selectable_label(selection.sex == sex, sex_name(lang, sex))
                        .clicked()
                {
                    commands.push(Command::SelectData(DataSelection { sex, ..selection }));
                }
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn grid_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        pivot: &Pivot,
        quiz: Option<&Quiz>,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let (Some(table), Some(reporter)) = (self.selection.table, self.selection.reporter) else {
            return;
        };
        let sex = self.selection.sex;
        let (target_row, target_col) = self
            .target
            .map(|t| target_position(pivot, &t))
            .unwrap_or((None, None));
        let body_height = ui.text_style_height(&egui::TextStyle::Body);
        let row_height = body_height + 8.0;
        // The labels take a fifth of a narrow window (a projector at 150 %), at most 280 points.
        let label_width = (ui.available_width() * 0.2).clamp(150.0, 280.0);
        // Fit the years in the window when they can be read at 72 points each; scroll otherwise.
        let columns = pivot.years.len().max(1) as f32;
        let spacing = ui.spacing().item_spacing.x;
        // On a projector's zoom the last years are to the right: the bar shows there is more.
        super::widgets::visible_scroll_bars(ui);
        let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
        let year_width =
            ((ui.available_width() - label_width - scroll_bar - spacing * (columns + 1.0))
                / columns)
                .clamp(72.0, 140.0);
        let scroll_now = self.scroll_frames > 0;
        egui::ScrollArea::horizontal()
            .id_salt("data_horizontal")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut builder = TableBuilder::new(ui)
                    .id_salt(("data_grid", table, reporter, sex))
                    .striped(true)
                    .resizable(false)
                    .auto_shrink([false, false])
                    .animate_scrolling(false)
                    .cell_layout(Layout::right_to_left(Align::Center))
                    .column(Column::exact(label_width))
                    .columns(Column::exact(year_width), pivot.years.len());
                if scroll_now && let Some(row) = target_row {
                    builder = builder.scroll_to_row(row, Some(Align::Center));
                }
                builder
                    .header(row_height, |header| {
                        grid_header_ui(header, &pivot.years, target_col, lang, palette);
                    })
                    .body(|body| {
                        body.rows(row_height, pivot.rows.len(), |mut row| {
                            let r = row.index();
                            let Some(pivot_row) = pivot.rows.get(r) else {
                                return;
                            };
                            let is_target_row = target_row == Some(r);
                            row.col(|ui| {
                                // The row of the target is marked on its label only, so the
                                // severity colours of its cells stay readable.
                                let mut label = RichText::new(pivot_row.label.as_str());
                                if is_target_row {
                                    ui.painter().rect_filled(
                                        ui.max_rect(),
                                        2.0,
                                        palette.target.gamma_multiply(0.35),
                                    );
                                    label = label.strong();
                                }
                                ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                                    ui.add_space(4.0);
                                    ui.add(egui::Label::new(label).selectable(false).truncate());
                                });
                            });
                            for (c, cell) in pivot_row.cells.iter().enumerate() {
                                let year = pivot.years.get(c).copied().unwrap_or(0);
                                let is_target = is_target_row && target_col == Some(c);
                                row.col(|ui| {
                                    let key = ObsKey {
                                        table,
                                        reporter,
                                        year,
                                        sex,
                                        age: pivot_row.age,
                                        category: pivot_row.category,
                                    };
                                    let at = PivotCell {
                                        cell: *cell,
                                        key: &key,
                                        is_target,
                                    };
                                    cell_ui(ui, session, at, quiz, lang, palette, commands);
                                    if is_target && scroll_now {
                                        ui.scroll_to_rect_animation(
                                            ui.max_rect(),
                                            Some(Align::Center),
                                            egui::style::ScrollAnimation::none(),
                                        );
                                    }
                                });
                            }
                        });
                    });
            });
    }
}

fn target_position(pivot: &Pivot, target: &CellTarget) -> (Option<usize>, Option<usize>) {
    let row = target.category.and_then(|category| {
        pivot
            .rows
            .iter()
            .position(|r| r.category == category && target.age.is_none_or(|a| a == r.age))
            .or_else(|| pivot.rows.iter().position(|r| r.category == category))
    });
    let col = target.year.and_then(|y| pivot.years.binary_search(&y).ok());
    (row, col)
}

/// The text of a value: the count with its flag, or the marker of why it is missing.
pub fn value_text(session: &Session, obs_index: u32, lang: Lang) -> (String, Option<Missing>) {
    let dataset = &session.dataset;
    let Some(obs) = dataset.get(obs_index as usize) else {
        return (String::new(), None);
    };
    let flag = dataset.str(obs.flag);
    match Missing::from_code(obs.missing) {
        None => {
            let number = count_text(lang, obs.value);
            if flag.is_empty() {
                (number, None)
            } else {
                (format!("{number} {flag}"), None)
            }
        }
        Some(Missing::Unreadable) => {
            let text = obs.unreadable_text().map(|s| dataset.str(s)).unwrap_or("");
            (format!("“{text}”"), Some(Missing::Unreadable))
        }
        Some(reason) => (missing_marker(lang, reason).to_string(), Some(reason)),
    }
}

/// The header of the pivot: the category column, then the years, the target's year marked.
fn grid_header_ui(
    mut header: egui_extras::TableRow<'_, '_>,
    years: &[u16],
    target_col: Option<usize>,
    lang: Lang,
    palette: &Palette,
) {
    header.col(|ui| {
        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
            ui.strong(tr(lang, Tr::CategoryColumn));
        });
    });
    for (c, year) in years.iter().enumerate() {
        header.col(|ui| {
            if target_col == Some(c) {
                ui.painter()
                    .rect_filled(ui.max_rect(), 2.0, palette.target.gamma_multiply(0.35));
            }
            ui.add_space(6.0);
            ui.strong(year.to_string());
        });
    }
}

/// A cell of the pivot: the observation shown in it (if any), where it is, and whether it is the
/// cell of the finding the panel was asked to show.
struct PivotCell<'a> {
    cell: Option<u32>,
    key: &'a ObsKey,
    is_target: bool,
}

fn cell_ui(
    ui: &mut egui::Ui,
    session: &Session,
    PivotCell {
        cell,
        key,
        is_target,
    }: PivotCell<'_>,
    quiz: Option<&Quiz>,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let rect = ui.max_rect();
    // While a quiz hides them, no cell shows its findings; a click marks the cell.
    let hidden = quiz.is_some_and(|q| !q.revealed());
    let findings = if hidden {
        &[]
    } else {
        session.findings_at(key)
    };
    let worst: Option<Severity> = findings
        .iter()
        .filter_map(|&i| session.findings().get(i as usize))
        .map(|f| f.severity)
        .min();
    if let Some(severity) = worst {
        ui.painter()
            .rect_filled(rect.shrink(1.0), 2.0, palette.cell_fill(severity));
    }
    if is_target {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            Stroke::new(2.5, palette.target),
            StrokeKind::Inside,
        );
    }
    if let Some(quiz) = quiz
        && quiz.marks.contains(key)
    {
        // A mark: blue while the room guesses; after the reveal green for a hit, red for a
        // false alarm.
        let colour = match (quiz.revealed(), session.findings_at(key).is_empty()) {
            (false, _) => palette.info,
            (true, false) => palette.target,
            (true, true) => palette.error,
        };
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            Stroke::new(3.5, colour),
            StrokeKind::Inside,
        );
    }
    let Some(obs_index) = cell else {
        return;
    };
    ui.add_space(6.0);
    let (text, missing) = value_text(session, obs_index, lang);
    // A missing value gets a shaded cell as well as its marker, so it cannot pass for a number
    // or for a cell with no observation at all.
    if missing.is_some() && worst.is_none() {
        ui.painter()
            .rect_filled(rect.shrink(1.0), 2.0, ui.visuals().code_bg_color);
    }
    let rich = match missing {
        None => RichText::new(text),
        Some(Missing::Unreadable) => RichText::new(text).italics().color(palette.error),
        Some(_) => RichText::new(text).strong(),
    };
    // In a lesson every cell can be right-clicked, to plant a problem into it.
    let lesson = matches!(session.source, super::session::SessionSource::Lesson(_));
    let sense = if findings.is_empty() && !lesson && quiz.is_none() {
        Sense::hover()
    } else {
        Sense::click()
    };
    let response = ui.add(
        egui::Label::new(rich)
            .selectable(false)
            .truncate()
            .sense(sense),
    );
    let response = response.on_hover_ui(|ui| {
        if let Some(obs) = session.dataset.get(obs_index as usize) {
            ui.label(session.dataset.location(obs).to_string());
            if let Some(reason) = missing {
                ui.label(missing_name(lang, reason));
            }
            let flag = session.dataset.str(obs.flag);
            if !flag.is_empty() {
                ui.label(trf(lang, Tr::FlagIs, &[flag]));
            }
        }
        for &i in findings.iter().take(8) {
            if let Some(f) = session.findings().get(i as usize) {
                ui.horizontal(|ui| {
                    ui.colored_label(palette.severity(f.severity), f.check.as_str());
                    ui.label(f.message(lang));
                });
            }
        }
        if findings.len() > 8 {
            ui.label(trf(
                lang,
                Tr::AndMore,
                &[&count_text(lang, (findings.len() - 8) as f64)],
            ));
        }
        if !findings.is_empty() {
            ui.label(RichText::new(tr(lang, Tr::ClickToOpenFinding)).weak());
        }
    });
    if lesson {
        response.context_menu(|ui| {
            super::workshop::plant_menu_ui(ui, session, obs_index, lang, commands);
        });
    }
    if hidden && response.clicked() {
        commands.push(Command::QuizMark(*key));
        return;
    }
    if response.clicked()
        && let Some(&first) = findings.first()
    {
        commands.push(Command::SelectFinding(Some(first as usize)));
        commands.push(Command::ShowPanel(super::Panel::Findings));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::session::SessionSource;
    use crate::model::{Dataset, NO_COLUMN, NewObs, SourceFile, Value};
    use crate::report::Report;
    use crate::settings::Settings;

    fn obs<'a>(
        table: TableId,
        category: &'a str,
        age: &'a str,
        year: u16,
        value: Value,
    ) -> NewObs<'a> {
        NewObs {
            table,
            reporter: "KAZ",
            year,
            sex: Sex::T,
            age,
            category,
            value,
            flag: "",
            source: "",
            duration: None,
            file: 0,
            sheet: "",
            row: year as u32,
            col: NO_COLUMN,
        }
    }

    fn session(rows: Vec<NewObs<'_>>) -> Session {
        let mut dataset = Dataset::new();
        dataset.add_file(SourceFile {
            path: "KAZ.csv".into(),
            name: "KAZ.csv".into(),
            sha256: String::new(),
        });
        for row in rows {
            dataset.push_new(row);
        }
        let report = Report::new(Vec::new(), &dataset, &Settings::default());
        Session::build(SessionSource::Empty, dataset, Vec::new(), report, None)
    }

    fn selection(session: &Session, table: TableId) -> DataSelection {
        DataSelection {
            table: Some(table),
            reporter: session.dataset.sym("KAZ"),
            sex: Sex::T,
        }
    }

    #[test]
    fn rows_read_total_first_then_statuses_countries_by_name_and_residuals() {
        let n = |v| Value::Number(v);
        let s = session(vec![
            obs(TableId::T3, "UNK", "TOTAL", 2011, n(5.0)),
            obs(TableId::T3, "UZB", "TOTAL", 2011, n(40.0)),
            obs(TableId::T3, "RUS", "TOTAL", 2010, n(300.0)),
            obs(TableId::T3, "RUS", "TOTAL", 2011, n(310.0)),
            obs(TableId::T3, "TOTAL", "TOTAL", 2011, n(355.0)),
            obs(TableId::T3, "RUS", "UNK", 2011, n(1.0)),
            obs(TableId::T3, "RUS", "15-19", 2011, n(20.0)),
            obs(TableId::T3, "RUS", "5-9", 2011, n(10.0)),
            obs(
                TableId::T3,
                "Kirgizz",
                "TOTAL",
                2011,
                Value::Missing(Missing::NotAvailable),
            ),
        ]);
        let pivot = Pivot::build(&s, &selection(&s, TableId::T3), Lang::En);
        assert_eq!(pivot.years, vec![2010, 2011]);
        let labels: Vec<&str> = pivot.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Total",
                "Russian Federation (RUS)",
                "Russian Federation (RUS) · 5-9",
                "Russian Federation (RUS) · 15-19",
                "Russian Federation (RUS) · age unknown",
                "Uzbekistan (UZB)",
                "Unknown",
                "«Kirgizz»",
            ]
        );
        // Russia's total row: 300 in 2010, 310 in 2011; Uzbekistan has no 2010 observation.
        let value = |row: usize, col: usize| {
            pivot.rows[row].cells[col].map(|i| value_text(&s, i, Lang::En).0)
        };
        assert_eq!(value(1, 0).as_deref(), Some("300"));
        assert_eq!(value(1, 1).as_deref(), Some("310"));
        assert_eq!(value(5, 0), None);
        assert_eq!(value(7, 1).as_deref(), Some(":"));
    }

    #[test]
    fn status_rows_keep_the_order_of_the_table() {
        let n = |v| Value::Number(v);
        let s = session(vec![
            obs(TableId::T2_1, "UNKNOWN", "TOTAL", 2010, n(1.0)),
            obs(TableId::T2_1, "NON_CITIZENS", "TOTAL", 2010, n(10.0)),
            obs(TableId::T2_1, "CITIZENS", "TOTAL", 2010, n(89.0)),
            obs(TableId::T2_1, "TOTAL", "TOTAL", 2010, n(100.0)),
        ]);
        let pivot = Pivot::build(&s, &selection(&s, TableId::T2_1), Lang::Ru);
        let labels: Vec<&str> = pivot.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["Всего", "Граждане", "Неграждане", "Не указано"]
        );
    }

    #[test]
    fn a_finding_moves_the_view_to_its_table_reporter_sex_and_cell() {
        let s = session(vec![
            obs(TableId::T1_1, "TOTAL", "TOTAL", 2010, Value::Number(1.0)),
            obs(TableId::T3, "RUS", "TOTAL", 2010, Value::Number(300.0)),
            obs(TableId::T3, "RUS", "TOTAL", 2011, Value::Number(310.0)),
            obs(TableId::T3, "UZB", "TOTAL", 2011, Value::Number(40.0)),
        ]);
        let mut report = Report::clone(&s.report);
        report.findings.push(crate::checks::Finding {
            check: crate::checks::CheckCode::T1,
            severity: Severity::Warning,
            outcome: crate::checks::Outcome::Fail,
            dimension: crate::checks::Dimension::Accuracy,
            level: 2,
            table: Some(TableId::T3),
            reporter: Some("KAZ".into()),
            year: Some(2011),
            sex: None,
            age: None,
            category: Some("UZB".into()),
            expected: None,
            actual: Some(40.0),
            message: crate::checks::Message::written("jump", String::new()),
            location: None,
        });
        let mut s = s;
        s.set_report(report);
        let mut view = DataView::default();
        view.prepare(&s, Lang::En);
        assert_eq!(
            view.selection.table,
            Some(TableId::T1_1),
            "the first table at start"
        );
        assert!(view.show_finding(&s, 0));
        view.prepare(&s, Lang::En);
        assert_eq!(view.selection.table, Some(TableId::T3));
        assert_eq!(view.target_position(), Some((Some(1), Some(1))));
        let key = s.index.finding_cell[0].expect("the finding names a cell");
        assert_eq!(s.worst_at(&key), Some(Severity::Warning));
    }
}
