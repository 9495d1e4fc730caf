//! The Coverage panel: what is reported, as a heatmap of reporter × year for a table (or table ×
//! year for a reporter) coloured present / partly present / missing / no rows; the detail of a
//! clicked cell (which rows hold numbers, which are missing, which other years give); and the
//! mirror coverage of pair-years. The heatmap draws the same [`CoverageGrid`] as the exported
//! chart.

use super::chart_export::ChartRequest;
use super::command::Command;
pub use super::command::CoverageCellRef;
use super::i18n::{Tr, category_label, count_text, missing_name, sex_name, tr, trf};
use super::session::Session;
use super::widgets::{colour, export_buttons_ui, row_label, sort_key, swatch, wrapped_swatch};
use crate::app::i18n::country_label;
use crate::charts::{CoverageGrid, GridKind, status_colour, texts::texts};
use crate::coverage::{CellStatus, MirrorCoverage};
use crate::model::{Lang, Missing, Sex, Sym, TableId, gazetteer};
use egui::{Align2, Color32, Rect, RichText, Sense, Stroke, StrokeKind, vec2};
use std::collections::{HashMap, HashSet};

/// What one sex of a cell holds, against the rows the reporter gives in other years.
#[derive(Clone, Debug, PartialEq)]
pub struct SexDetail {
    pub sex: Sex,
    pub status: CellStatus,
    /// Rows holding a number (labels as in Data).
    pub reported: Vec<String>,
    /// Rows whose value is missing, with why.
    pub missing: Vec<(String, Missing)>,
    /// Rows the reporter gives for this table and sex in other years, but not in this one.
    pub absent: Vec<String>,
}

/// Everything the detail of a cell shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CellDetail {
    pub cell: CoverageCellRef,
    pub status: CellStatus,
    /// Rows with a number and rows with a missing value, over all sexes.
    pub reported: usize,
    pub missing: usize,
    /// The sexes the reporter gives this table for, in any year.
    pub sexes: Vec<SexDetail>,
}

impl CellDetail {
    /// Looks through the reporter's observations of the table (a few thousand at most).
    pub fn build(session: &Session, cell: &CoverageCellRef, lang: Lang) -> CellDetail {
        let (reported, missing) = session
            .coverage
            .counts(&cell.reporter, cell.table, cell.year);
        let dataset = &session.dataset;
        let slice = dataset.sym(&cell.reporter).and_then(|sym| {
            session
                .slices
                .get(&cell.table)?
                .iter()
                .find(|s| s.reporter == sym)
        });
        let mut sexes = Vec::new();
        for sex in Sex::ALL {
            let Some(obs) = slice.map(|s| s.obs_of(sex)).filter(|o| !o.is_empty()) else {
                continue;
            };
            let mut every_year: HashSet<(Sym, Sym)> = HashSet::new();
            // The first observation of a row counts, as in Data (S2 flags repeated rows).
            let mut this_year: HashMap<(Sym, Sym), Option<Missing>> = HashMap::new();
            for &i in obs {
                let Some(o) = dataset.get(i as usize) else {
                    continue;
                };
                let row = (o.category, o.age);
                every_year.insert(row);
                if o.year == cell.year {
                    this_year.entry(row).or_insert_with(|| {
                        o.number().map_or(Some(missing_of(o.missing)), |_| None)
                    });
                }
            }
            let label = |(category, age): (Sym, Sym)| {
                let code = dataset.str(category);
                let label = row_label(
                    &category_label(code, cell.table, lang),
                    dataset.str(age),
                    lang,
                );
                (sort_key(code, dataset.str(age), &label), label)
            };
            let mut reported_rows = Vec::new();
            let mut missing_rows = Vec::new();
            let mut absent_rows = Vec::new();
            for row in every_year {
                let (key, text) = label(row);
                match this_year.get(&row) {
                    Some(None) => reported_rows.push((key, text)),
                    Some(Some(reason)) => missing_rows.push((key, (text, *reason))),
                    None => absent_rows.push((key, text)),
                }
            }
            reported_rows.sort();
            missing_rows.sort_by(|a, b| a.0.cmp(&b.0));
            absent_rows.sort();
            sexes.push(SexDetail {
                sex,
                status: session
                    .coverage
                    .status(&cell.reporter, cell.table, cell.year, sex),
                reported: reported_rows.into_iter().map(|(_, t)| t).collect(),
                missing: missing_rows.into_iter().map(|(_, m)| m).collect(),
                absent: absent_rows.into_iter().map(|(_, t)| t).collect(),
            });
        }
        CellDetail {
            cell: cell.clone(),
            status: CellStatus::from_counts(reported, missing),
            reported,
            missing,
            sexes,
        }
    }
}

fn missing_of(code: u8) -> Missing {
    Missing::from_code(code).unwrap_or(Missing::Empty)
}

/// The words of a status: the exported chart's legend.
pub fn status_name(lang: Lang, status: CellStatus) -> &'static str {
    let t = texts(lang);
    match status {
        CellStatus::Reported => t.reported,
        CellStatus::Partly => t.partly,
        CellStatus::Missing => t.missing,
        CellStatus::Absent => t.absent,
    }
}

/// The colour of a status in the window: the chart's, except that "no rows" stays dark on a dark
/// background (the chart's pale grey would glare there).
pub fn status_fill(status: CellStatus, dark: bool) -> Color32 {
    match (status, dark) {
        (CellStatus::Absent, true) => Color32::from_gray(62),
        _ => colour(status_colour(status)),
    }
}

/// A row of the heatmap as the window writes it.
fn row_title(kind: &GridKind, code: &str, lang: Lang) -> String {
    match kind {
        GridKind::ByTable(_) => country_label(code, lang),
        GridKind::ByReporter(_) => match TableId::parse(code) {
            Some(table) => table.label(lang),
            None => code.to_string(),
        },
    }
}

/// The accessible name of a cell: `TJK 2017: no rows`.
pub fn cell_label(row_code: &str, year: u16, status: CellStatus, lang: Lang) -> String {
    format!("{row_code} {year}: {}", status_name(lang, status))
}

/// State of the Coverage panel.
#[derive(Default)]
pub struct CoverageView {
    /// Reporters of a table, or tables of a reporter; chosen from the data when `None`.
    pub kind: Option<GridKind>,
    pub selected: Option<CoverageCellRef>,
    grid: Option<(u64, GridKind, CoverageGrid)>,
    detail: Option<(u64, Lang, CellDetail)>,
}

impl CoverageView {
    /// Forgets the cell of the previous session; the kind of rows stays if it still exists.
    pub fn reset(&mut self) {
        self.selected = None;
        self.grid = None;
        self.detail = None;
    }

    /// Shows the cell of a reporter's table in a year, with the rows of that table's reporters.
    pub fn select_cell(&mut self, cell: CoverageCellRef) {
        let shows_it = match &self.kind {
            Some(GridKind::ByTable(table)) => *table == cell.table,
            Some(GridKind::ByReporter(reporter)) => *reporter == cell.reporter,
            None => false,
        };
        if !shows_it {
            self.kind = Some(GridKind::ByTable(cell.table));
        }
        self.selected = Some(cell);
    }

    /// The grid shown now (after a frame).
    pub fn grid(&self) -> Option<&CoverageGrid> {
        self.grid.as_ref().map(|(_, _, grid)| grid)
    }

    /// The detail of the selected cell (after a frame).
    pub fn detail(&self) -> Option<&CellDetail> {
        self.detail.as_ref().map(|(_, _, detail)| detail)
    }

    /// The chart the panel shows, for the export.
    pub fn chart_request(&self) -> Option<ChartRequest> {
        self.grid
            .as_ref()
            .map(|(_, kind, _)| ChartRequest::Coverage(kind.clone()))
    }

    /// Keeps the kind of rows on a table or reporter of this session.
    fn settle(&mut self, session: &Session) {
        let coverage = &session.coverage;
        let valid = match &self.kind {
            Some(GridKind::ByTable(table)) => coverage.tables.contains(table),
            Some(GridKind::ByReporter(reporter)) => coverage.reporters.contains(reporter),
            None => false,
        };
        if !valid {
            // Immigration by previous residence first: the table the mirror statistics rest on.
            let table = coverage
                .tables
                .iter()
                .copied()
                .find(|t| *t == TableId::T3)
                .or_else(|| coverage.tables.first().copied());
            self.kind = table.map(GridKind::ByTable);
        }
    }

    /// Builds the grid and the detail when the session, the rows or the cell changed.
    pub fn prepare(&mut self, session: &Session, lang: Lang) {
        self.settle(session);
        let Some(kind) = self.kind.clone() else {
            self.grid = None;
            return;
        };
        // A selected cell that the rows shown do not hold is let go.
        let holds_selected = match (&kind, &self.selected) {
            (GridKind::ByTable(table), Some(cell)) => cell.table == *table,
            (GridKind::ByReporter(reporter), Some(cell)) => cell.reporter == *reporter,
            (_, None) => true,
        };
        if !holds_selected {
            self.selected = None;
        }
        let fresh = self.grid.as_ref().is_some_and(|(generation, shown, _)| {
            *generation == session.generation && *shown == kind
        });
        if !fresh {
            let grid = match &kind {
                GridKind::ByTable(table) => CoverageGrid::by_table(&session.coverage, *table),
                GridKind::ByReporter(reporter) => {
                    CoverageGrid::by_reporter(&session.coverage, reporter)
                }
            };
            self.grid = Some((session.generation, kind, grid));
        }
        match &self.selected {
            None => self.detail = None,
            Some(cell) => {
                let fresh = self.detail.as_ref().is_some_and(|(generation, l, d)| {
                    *generation == session.generation && *l == lang && d.cell == *cell
                });
                if !fresh {
                    self.detail = Some((
                        session.generation,
                        lang,
                        CellDetail::build(session, cell, lang),
                    ));
                }
            }
        }
    }

    pub fn coverage_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        self.prepare(session, lang);
        if session.coverage.cells.is_empty() {
            ui.add_space(12.0);
            ui.label(tr(lang, Tr::NoData));
            return;
        }
        self.selectors_ui(ui, session, lang, commands);
        ui.separator();
        super::widgets::SidePanel {
            id: "coverage_detail",
            left: false,
            default_size: 400.0,
            min_size: 280.0,
            max_share: 0.4,
        }
        .show(ui, lang, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("coverage_detail_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.detail_ui(ui, session, lang, commands));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("coverage_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.heatmap_ui(ui, lang, commands);
                    ui.add_space(16.0);
                    mirror_coverage_ui(ui, session, lang);
                });
        });
    }

    fn selectors_ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let coverage = &session.coverage;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, Tr::CoverageRowsLabel));
            let by_table = matches!(self.kind, Some(GridKind::ByTable(_)));
            if ui
                .selectable_label(by_table, tr(lang, Tr::ReportersOfATable))
                .clicked()
                && !by_table
            {
                let table = match &self.selected {
                    Some(cell) => Some(cell.table),
                    None => coverage.tables.first().copied(),
                };
                self.kind = table.map(GridKind::ByTable);
            }
            if ui
                .selectable_label(!by_table, tr(lang, Tr::TablesOfAReporter))
                .clicked()
                && by_table
            {
                let reporter = match &self.selected {
                    Some(cell) => Some(cell.reporter.clone()),
                    None => coverage.reporters.first().cloned(),
                };
                self.kind = reporter.map(GridKind::ByReporter);
            }
            ui.add_space(12.0);
            match self.kind.clone() {
                Some(GridKind::ByTable(current)) => {
                    let label = ui.label(tr(lang, Tr::TableLabel));
                    egui::ComboBox::from_id_salt("coverage_table")
                        .selected_text(current.label(lang))
                        .width(380.0)
                        .show_ui(ui, |ui| {
                            for &table in &coverage.tables {
                                let text = table.label(lang);
                                if ui.selectable_label(table == current, text).clicked() {
                                    self.kind = Some(GridKind::ByTable(table));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
                Some(GridKind::ByReporter(current)) => {
                    let label = ui.label(tr(lang, Tr::ReporterLabel));
                    let name = |code: &str| country_label(code, lang);
                    egui::ComboBox::from_id_salt("coverage_reporter")
                        .selected_text(name(&current))
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for reporter in &coverage.reporters {
                                if ui
                                    .selectable_label(*reporter == current, name(reporter))
                                    .clicked()
                                {
                                    self.kind = Some(GridKind::ByReporter(reporter.clone()));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
                None => {}
            }
            ui.add_space(12.0);
            export_buttons_ui(ui, lang, self.chart_request(), commands);
        });
    }

    fn heatmap_ui(&self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
        let Some((_, kind, grid)) = &self.grid else {
            return;
        };
        ui.heading(grid_title(kind, lang));
        ui.label(RichText::new(tr(lang, Tr::CoverageHint)).weak());
        ui.add_space(6.0);
        if grid.rows.is_empty() || grid.years.is_empty() {
            ui.label(tr(lang, Tr::NoObservationsForSelection));
            return;
        }
        let dark = ui.visuals().dark_mode;
        let body = egui::TextStyle::Body.resolve(ui.style());
        let text_colour = ui.visuals().text_color();
        let row_titles: Vec<String> = grid.rows.iter().map(|r| row_title(kind, r, lang)).collect();
        let label_width = {
            let widest = row_titles
                .iter()
                .map(|t| {
                    ui.painter()
                        .layout_no_wrap(t.clone(), body.clone(), text_colour)
                        .size()
                        .x
                })
                .fold(0.0f32, f32::max);
            (widest + 12.0).min(ui.available_width() * 0.45).max(80.0)
        };
        let columns = grid.years.len() as f32;
        let cell_w = ((ui.available_width() - label_width - 8.0) / columns).clamp(30.0, 64.0);
        let cell_h = (body.size * 1.8).max(24.0);
        let header_h = body.size * 1.6;
        let size = vec2(
            label_width + cell_w * columns,
            header_h + cell_h * grid.rows.len() as f32,
        );
        // Narrower than its years (a projector's zoom beside the detail), the grid scrolls
        // sideways to the last year, with a bar that shows there is more.
        super::widgets::visible_scroll_bars(ui);
        egui::ScrollArea::horizontal()
            .id_salt("coverage_heatmap_scroll")
            .show(ui, |ui| {
                let (area, _) = ui.allocate_exact_size(size, Sense::hover());
                let painter = ui.painter_at(area.expand(2.0));
                let left = area.left() + label_width;
                for (c, year) in grid.years.iter().enumerate() {
                    let x = left + (c as f32 + 0.5) * cell_w;
                    // Years thinned when the columns are narrow.
                    if cell_w >= 44.0 || c % 2 == 0 {
                        painter.text(
                            egui::pos2(x, area.top() + header_h / 2.0),
                            Align2::CENTER_CENTER,
                            year.to_string(),
                            body.clone(),
                            text_colour,
                        );
                    }
                }
                let selected = self.selected.as_ref();
                for (r, (code, title)) in grid.rows.iter().zip(&row_titles).enumerate() {
                    let top = area.top() + header_h + r as f32 * cell_h;
                    let title_rect = Rect::from_min_size(
                        egui::pos2(area.left(), top),
                        vec2(label_width - 8.0, cell_h),
                    );
                    paint_row_title(ui, &painter, title_rect, title, text_colour);
                    for (c, &year) in grid.years.iter().enumerate() {
                        let status = grid
                            .cells
                            .get(r)
                            .and_then(|row| row.get(c))
                            .copied()
                            .unwrap_or(CellStatus::Absent);
                        let rect = Rect::from_min_size(
                            egui::pos2(left + c as f32 * cell_w, top),
                            vec2(cell_w, cell_h),
                        )
                        .shrink(1.0);
                        let response = ui.interact(
                            rect,
                            ui.scope_id().with(("coverage_cell", r, c)),
                            Sense::click(),
                        );
                        let label = cell_label(code, year, status, lang);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::accesskit::Role::Button,
                                true,
                                label.clone(),
                            )
                        });
                        painter.rect_filled(rect, 2.0, status_fill(status, dark));
                        if status == CellStatus::Absent {
                            // A pale cell keeps an outline, so a gap is seen on any background.
                            painter.rect_stroke(
                                rect,
                                2.0,
                                Stroke::new(1.0, ui.visuals().weak_text_color()),
                                StrokeKind::Inside,
                            );
                        }
                        let cell = cell_ref(kind, code, year);
                        let is_selected = cell.as_ref().is_some_and(|c| Some(c) == selected);
                        if is_selected || response.hovered() {
                            painter.rect_stroke(
                                rect,
                                2.0,
                                Stroke::new(if is_selected { 3.0 } else { 1.5 }, text_colour),
                                StrokeKind::Inside,
                            );
                        }
                        let response = response.on_hover_text(format!(
                            "{title} · {year}: {}",
                            status_name(lang, status)
                        ));
                        if response.clicked()
                            && let Some(cell) = cell
                        {
                            commands.push(Command::SelectCoverageCell(cell));
                        }
                    }
                }
            });
        ui.add_space(8.0);
        heatmap_legend_ui(ui, grid, dark, lang);
    }

    fn detail_ui(
        &self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        let Some((_, _, detail)) = &self.detail else {
            ui.add_space(8.0);
            ui.label(RichText::new(tr(lang, Tr::CoverageSelectACell)).weak());
            return;
        };
        let cell = &detail.cell;
        let dark = ui.visuals().dark_mode;
        ui.heading(format!(
            "{} ({}) · {} · {}",
            gazetteer().name(&cell.reporter, lang),
            cell.reporter,
            cell.table.short_label(lang),
            cell.year
        ));
        ui.label(RichText::new(cell.table.title(lang)).weak());
        ui.add_space(4.0);
        swatch(
            ui,
            status_fill(detail.status, dark),
            status_name(lang, detail.status),
        );
        ui.label(trf(
            lang,
            Tr::CellCounts,
            &[
                &count_text(lang, detail.reported as f64),
                &count_text(lang, detail.missing as f64),
            ],
        ));
        if detail.status == CellStatus::Absent {
            ui.label(trf(lang, Tr::NoRowsThisYear, &[&cell.year.to_string()]));
        }
        ui.add_space(4.0);
        let sex = detail.sexes.first().map(|s| s.sex).unwrap_or(Sex::T);
        let in_data = session
            .dataset
            .sym(&cell.reporter)
            .and_then(|sym| {
                session
                    .slices
                    .get(&cell.table)
                    .map(|list| list.iter().any(|s| s.reporter == sym))
            })
            .unwrap_or(false);
        if ui
            .add_enabled(in_data, egui::Button::new(tr(lang, Tr::OpenInData)))
            .clicked()
        {
            commands.push(Command::ShowTableInData {
                table: cell.table,
                reporter: cell.reporter.clone(),
                sex,
                year: Some(cell.year),
            });
        }
        for sex_detail in &detail.sexes {
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.strong(sex_name(lang, sex_detail.sex));
                ui.label(RichText::new(status_name(lang, sex_detail.status)).weak());
            });
            let id = ui.scope_id().with(("cell_sex", sex_detail.sex));
            rows_list_ui(
                ui,
                id.with("reported"),
                trf(
                    lang,
                    Tr::RowsReportedN,
                    &[&count_text(lang, sex_detail.reported.len() as f64)],
                ),
                sex_detail.reported.iter().cloned(),
            );
            rows_list_ui(
                ui,
                id.with("missing"),
                trf(
                    lang,
                    Tr::RowsMissingN,
                    &[&count_text(lang, sex_detail.missing.len() as f64)],
                ),
                sex_detail
                    .missing
                    .iter()
                    .map(|(row, why)| format!("{row} — {}", missing_name(lang, *why))),
            );
            rows_list_ui(
                ui,
                id.with("absent"),
                trf(
                    lang,
                    Tr::RowsAbsentN,
                    &[&count_text(lang, sex_detail.absent.len() as f64)],
                ),
                sex_detail.absent.iter().cloned(),
            );
        }
    }
}

/// A list of rows under a heading that opens it; open from the start when it is short.
fn rows_list_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    heading: String,
    rows: impl ExactSizeIterator<Item = String>,
) {
    let n = rows.len();
    if n == 0 {
        ui.label(RichText::new(heading).weak());
        return;
    }
    egui::CollapsingHeader::new(heading)
        .id_salt(id)
        .default_open(n <= 12)
        .show(ui, |ui| {
            for row in rows {
                ui.add(egui::Label::new(row).wrap());
            }
        });
}

/// The mirror coverage of pair-years, year by year and in all (`docs/report.md#mirror`,
/// `mirror.coverage`).
fn mirror_coverage_ui(ui: &mut egui::Ui, session: &Session, lang: Lang) {
    ui.heading(tr(lang, Tr::MirrorCoverageHeading));
    let Some(total) = session.report.mirror.coverage.as_ref() else {
        ui.label(RichText::new(tr(lang, Tr::NoMirrorCoverage)).weak());
        return;
    };
    if total.countries < 2 || session.mirror_coverage_by_year.is_empty() {
        ui.label(RichText::new(tr(lang, Tr::NoMirrorCoverage)).weak());
        return;
    }
    ui.label(
        RichText::new(trf(
            lang,
            Tr::MirrorCoverageNote,
            &[&count_text(lang, total.countries as f64)],
        ))
        .weak(),
    );
    ui.add_space(4.0);
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            "–".to_string()
        } else {
            format!(
                "{} ({} %)",
                count_text(lang, part as f64),
                count_text(lang, (part as f64 * 1000.0 / whole as f64).round() / 10.0)
            )
        }
    };
    let row = |ui: &mut egui::Ui, first: String, c: &MirrorCoverage, strong: bool| {
        let cells = [
            first,
            count_text(lang, c.cells as f64),
            share(c.both, c.cells),
            share(c.immigration_only, c.cells),
            share(c.emigration_only, c.cells),
            share(c.neither, c.cells),
        ];
        for text in cells {
            if strong {
                ui.strong(text);
            } else {
                ui.label(text);
            }
        }
        ui.end_row();
    };
    // A table wider than the panel (a projector's zoom) scrolls on its own, so the texts
    // around it keep the panel's width and wrap.
    egui::ScrollArea::horizontal()
        .id_salt("mirror_coverage_scroll")
        .show(ui, |ui| mirror_coverage_grid(ui, session, total, lang, row));
}

/// The table of the mirror coverage: one row per year and the total.
fn mirror_coverage_grid(
    ui: &mut egui::Ui,
    session: &Session,
    total: &MirrorCoverage,
    lang: Lang,
    row: impl Fn(&mut egui::Ui, String, &MirrorCoverage, bool),
) {
    egui::Grid::new("mirror_coverage")
        .striped(true)
        .spacing(vec2(18.0, 4.0))
        .show(ui, |ui| {
            for heading in [
                Tr::YearLabel,
                Tr::PairYearsColumn,
                Tr::BothSidesColumn,
                Tr::ImmigrationOnlyColumn,
                Tr::EmigrationOnlyColumn,
                Tr::NeitherSideColumn,
            ] {
                ui.strong(tr(lang, heading));
            }
            ui.end_row();
            for (year, by_year) in &session.mirror_coverage_by_year {
                row(ui, year.to_string(), by_year, false);
            }
            row(ui, tr(lang, Tr::AllYearsChoice).to_string(), total, true);
        });
}

/// The heading of the heatmap: the table, or the reporter.
fn grid_title(kind: &GridKind, lang: Lang) -> String {
    match kind {
        GridKind::ByTable(table) => table.heading(lang),
        GridKind::ByReporter(reporter) => {
            format!("{} ({reporter})", gazetteer().name(reporter, lang))
        }
    }
}

/// The title of a row of the heatmap, cut to its room and centred in its height.
fn paint_row_title(
    ui: &egui::Ui,
    painter: &egui::Painter,
    title_rect: Rect,
    title: &str,
    text_colour: egui::Color32,
) {
    let galley = egui::WidgetText::from(title).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        title_rect.width(),
        egui::TextStyle::Body,
    );
    painter.galley(
        egui::pos2(
            title_rect.left(),
            title_rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        text_colour,
    );
}

/// The cell of a row (a reporter of the table, or a table of the reporter) in a year.
fn cell_ref(kind: &GridKind, code: &str, year: u16) -> Option<CoverageCellRef> {
    match kind {
        GridKind::ByTable(table) => Some((*table, code.to_string())),
        GridKind::ByReporter(reporter) => TableId::parse(code).map(|t| (t, reporter.clone())),
    }
    .map(|(table, reporter)| CoverageCellRef {
        table,
        reporter,
        year,
    })
}

/// The legend under the heatmap: each status with its colour and how many cells have it.
fn heatmap_legend_ui(ui: &mut egui::Ui, grid: &CoverageGrid, dark: bool, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        for status in CellStatus::ALL {
            let text = format!(
                "{} ({})",
                status_name(lang, status),
                count_text(lang, grid.count(status) as f64)
            );
            wrapped_swatch(ui, status_fill(status, dark), &text);
            ui.add_space(10.0);
        }
    });
}
