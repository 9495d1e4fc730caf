//! The import dialog: how a file is read, when the loader had to guess (or could not read it),
//! or when the reviewer asks (Overview › Import settings…). It shows the first rows of each sheet
//! as the file holds them ([`crate::load::preview`]), the header row and the column roles the
//! loader found (for Clearinghouse sheets: table, reporter and header row), and lets the reviewer
//! change them. Apply remembers the choices for that file in the review file
//! (`files[].options`, by content hash) and opens the files again with them; the next time the
//! file is opened the choices are used.

use super::command::Command;
use super::i18n::{Tr, layout_name, tr, trf};
use super::jobs::{JobEvent, LoadRequest, Loaded};
use super::labels::{GridShown, GroupChoice, LabelGroup, groups_grid_ui};
use super::{MessageLevel, MigreviewApp};
use crate::app::i18n::country_label;
use crate::load::{
    self, ColumnRole, ImportOptions, Layout, LoadError, Preview, SheetOptions, SheetPreview,
};
use crate::model::{Lang, TableId, gazetteer};
use crate::review::{self, Review};
use egui::RichText;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Rows of each sheet shown in the preview.
pub const PREVIEW_ROWS: usize = 30;
/// Width of a cell of the preview.
const PREVIEW_CELL_WIDTH: f32 = 130.0;

/// What a background job of the import dialog reports.
#[derive(Debug)]
pub enum ImportEvent {
    /// A preview of the file with these options, and the file's SHA-256 when it was read.
    Previewed {
        path: PathBuf,
        options: Box<ImportOptions>,
        result: Result<Box<Preview>, String>,
        sha256: Option<String>,
    },
}

impl ImportEvent {
    pub fn ends_dialog(&self) -> bool {
        false
    }

    pub fn ends_work(&self) -> bool {
        true
    }
}

/// The roles a column can be given, in the order the dialog lists them.
pub const ROLES: [ColumnRole; 14] = [
    ColumnRole::Table,
    ColumnRole::Reporter,
    ColumnRole::Year,
    ColumnRole::Sex,
    ColumnRole::Age,
    ColumnRole::Category,
    ColumnRole::Value,
    ColumnRole::Flag,
    ColumnRole::Source,
    ColumnRole::DurationMonths,
    ColumnRole::OriginFile,
    ColumnRole::OriginSheet,
    ColumnRole::OriginCell,
    ColumnRole::Ignore,
];

pub fn role_name(lang: Lang, role: ColumnRole) -> &'static str {
    tr(
        lang,
        match role {
            ColumnRole::Table => Tr::ImportRoleTable,
            ColumnRole::Reporter => Tr::ImportRoleReporter,
            ColumnRole::Year => Tr::ImportRoleYear,
            ColumnRole::Sex => Tr::ImportRoleSex,
            ColumnRole::Age => Tr::ImportRoleAge,
            ColumnRole::Category => Tr::ImportRoleCategory,
            ColumnRole::Value => Tr::ImportRoleValue,
            ColumnRole::Flag => Tr::ImportRoleFlag,
            ColumnRole::Source => Tr::ImportRoleSource,
            ColumnRole::DurationMonths => Tr::ImportRoleDuration,
            ColumnRole::OriginFile => Tr::ImportRoleOriginFile,
            ColumnRole::OriginSheet => Tr::ImportRoleOriginSheet,
            ColumnRole::OriginCell => Tr::ImportRoleOriginCell,
            ColumnRole::Ignore => Tr::ImportRoleIgnore,
        },
    )
}

const LAYOUTS: [Layout; 6] = [
    Layout::LongCsv,
    Layout::LongSheet,
    Layout::ClearinghouseWorkbook,
    Layout::EurostatBulk,
    Layout::SdmxCsv,
    Layout::EurostatBrowser,
];

/// The dialog of one file.
pub struct ImportDialog {
    pub path: PathBuf,
    pub name: String,
    /// The files opened again when the choices are applied (the file among them).
    pub reload: Vec<PathBuf>,
    /// The choices being made.
    pub options: ImportOptions,
    /// The preview of the options in [`Self::previewed`].
    pub preview: Option<Result<Box<Preview>, String>>,
    previewed: Option<ImportOptions>,
    /// The file's SHA-256, once the first preview read it.
    pub sha256: Option<String>,
    waiting: bool,
    /// The sheet shown.
    pub sheet: usize,
    reporter_text: String,
    reporter_error: Option<String>,
    /// The choices made for the file's labels that could not be placed, by group.
    label_choices: HashMap<String, GroupChoice>,
    /// Shown only once a preview could be read: a file that failed to load gets the dialog
    /// when there is something in it to show (not for a binary file or a folder).
    visible: bool,
}

impl ImportDialog {
    pub fn new(path: PathBuf, reload: Vec<PathBuf>, options: ImportOptions) -> ImportDialog {
        let reporter_text = options.reporter.clone().unwrap_or_default();
        ImportDialog {
            name: load::display_name(&path),
            path,
            reload,
            options,
            preview: None,
            previewed: None,
            sha256: None,
            waiting: false,
            sheet: 0,
            reporter_text,
            reporter_error: None,
            label_choices: HashMap::new(),
            visible: true,
        }
    }

    /// Whether the dialog is on screen (it waits for a first preview after a failed load).
    pub fn is_visible(&self) -> bool {
        self.visible
    }

    /// Whether a preview is being read.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    fn shown_preview(&self) -> Option<&Preview> {
        self.preview
            .as_ref()
            .and_then(|p| p.as_ref().ok())
            .map(|p| &**p)
    }

    /// Whether the file is text (one "sheet" named after the file): its choices are file-wide.
    fn is_text(&self) -> bool {
        self.shown_preview()
            .is_some_and(|p| p.sheets.len() == 1 && p.sheets[0].name == p.name)
    }

    /// The choices of the sheet shown: file-wide for text, the sheet's own for a workbook.
    fn sheet_choices(&self, sheet: &str) -> SheetOptions {
        if self.is_text() {
            SheetOptions {
                header_row: self.options.header_row,
                columns: self.options.columns.clone(),
                reporter: self.options.reporter.clone(),
                table: self.options.table,
            }
        } else {
            self.options
                .sheet_options
                .get(sheet)
                .cloned()
                .unwrap_or_default()
        }
    }

    /// The choices to remember: what the reviewer chose, and where the reviewer left the
    /// loader's guess, the guess of the last preview (table, reporter, header row), so that the
    /// file is read the same way next time without guessing.
    pub fn options_to_remember(&self) -> ImportOptions {
        let mut options = self.options.clone();
        let Some(preview) = self.shown_preview() else {
            return options;
        };
        let text = self.is_text();
        for sheet in preview.sheets.iter().filter(|s| s.layout.is_some()) {
            let mut choices = self.sheet_choices(&sheet.name);
            choices.table = choices.table.or(sheet.table);
            choices.reporter = choices.reporter.clone().or(sheet.reporter.clone());
            choices.header_row = choices.header_row.or(sheet.header_row);
            if text {
                options.table = choices.table;
                options.reporter = choices.reporter;
                options.header_row = choices.header_row;
            } else {
                options.sheet_options.insert(sheet.name.clone(), choices);
            }
        }
        options
    }

    fn set_sheet_choices(&mut self, sheet: &str, choices: SheetOptions) {
        if self.is_text() {
            self.options.header_row = choices.header_row;
            self.options.columns = choices.columns;
            self.options.reporter = choices.reporter;
            self.options.table = choices.table;
        } else if choices == SheetOptions::default() {
            self.options.sheet_options.remove(sheet);
        } else {
            self.options
                .sheet_options
                .insert(sheet.to_string(), choices);
        }
    }
}

/// A file that needs the import dialog after a load.
#[derive(Clone, Debug, PartialEq)]
pub struct NeedsDialog {
    pub path: PathBuf,
    /// The files to open again with it.
    pub reload: Vec<PathBuf>,
    pub options: ImportOptions,
    /// The file failed to load: the dialog shows only if a preview can be read.
    pub failed: bool,
}

/// The file that needs the import dialog after a load, if any: the first file read by guessing
/// (not confident) or not recognised, that has no choices of its own yet (placed labels aside).
pub fn needing_dialog(loaded: &Loaded) -> Option<NeedsDialog> {
    let LoadRequest::Files(requested) = &loaded.request else {
        return None;
    };
    if loaded.cancelled {
        return None;
    }
    if let Some(session) = &loaded.session {
        let file = session.files.iter().find(|f| {
            // Labels placed on the Overview are no choice of how to read the file.
            let read_as = ImportOptions {
                labels: BTreeMap::new(),
                ..f.options.clone()
            };
            read_as == ImportOptions::default()
                && match &f.result {
                    Ok(report) => !report.confident,
                    Err(error) => matches!(error, LoadError::Unrecognised { .. }),
                }
        })?;
        return Some(NeedsDialog {
            path: file.path.clone(),
            reload: session.files.iter().map(|f| f.path.clone()).collect(),
            options: file.options.clone(),
            failed: file.result.is_err(),
        });
    }
    loaded.errors.iter().find_map(|error| match error {
        LoadError::Unrecognised { path, .. } => {
            let path = requested
                .iter()
                .find(|p| p.display().to_string() == *path)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(path));
            Some(NeedsDialog {
                path,
                reload: requested.clone(),
                options: ImportOptions::default(),
                failed: true,
            })
        }
        _ => None,
    })
}

/// Reads a preview and the file's hash (on a job thread).
fn read_preview(path: PathBuf, options: ImportOptions, hashed: bool) -> JobEvent {
    let sha256 = if hashed {
        None
    } else {
        load::read_input(&path)
            .ok()
            .map(|bytes| load::sha256_hex(&bytes))
    };
    let result = load::preview(&path, &options, PREVIEW_ROWS)
        .map(Box::new)
        .map_err(|e| e.to_string());
    JobEvent::Import(ImportEvent::Previewed {
        path,
        options: Box::new(options),
        result,
        sha256,
    })
}

impl MigreviewApp {
    /// Opens the import dialog of a file; after a failed load, once a preview could be read.
    pub(super) fn open_import_dialog(&mut self, needs: NeedsDialog, ctx: &egui::Context) {
        let mut dialog = ImportDialog::new(needs.path, needs.reload, needs.options);
        dialog.visible = !needs.failed;
        self.import_dialog = Some(dialog);
        self.request_preview(ctx);
    }

    /// Reads a preview of the dialog's options when they changed since the last one.
    fn request_preview(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.import_dialog else {
            return;
        };
        if dialog.waiting || dialog.previewed.as_ref() == Some(&dialog.options) {
            return;
        }
        dialog.waiting = true;
        let path = dialog.path.clone();
        let options = dialog.options.clone();
        let hashed = dialog.sha256.is_some();
        self.jobs.spawn_work(ctx, "migreview-preview", move || {
            read_preview(path, options, hashed)
        });
    }

    /// Adds the reviewer's placement of labels to the import options of the files where they
    /// occur, remembers them like the dialog's choices, and opens the files again.
    pub(super) fn place_labels(
        &mut self,
        per_file: Vec<(PathBuf, BTreeMap<String, String>)>,
        ctx: &egui::Context,
    ) {
        let reload: Vec<PathBuf> = match &self.session.source {
            super::session::SessionSource::Files(paths) => paths.clone(),
            _ => self.session.files.iter().map(|f| f.path.clone()).collect(),
        };
        let mut remembered = Vec::new();
        for (path, labels) in per_file {
            let Some((file, report)) = self
                .session
                .files
                .iter()
                .find(|f| f.path == path)
                .and_then(|f| f.result.as_ref().ok().map(|r| (f, r)))
            else {
                continue;
            };
            let mut options = file.options.clone();
            options.labels.extend(labels);
            remembered.push((path, report.sha256.clone(), options));
        }
        if remembered.is_empty() || reload.is_empty() {
            return;
        }
        if let Err(error) = self.remember_options(remembered, &reload, ctx) {
            log::warn!("{error}");
            self.push_message(MessageLevel::Error, error);
            return;
        }
        // A dialog open on one of the files would apply its older options over these.
        self.import_dialog = None;
        self.start_load(LoadRequest::Files(reload), ctx);
    }

    /// Writes the options of files (path, SHA-256, options) into the review beside the first
    /// file to open (the one the loader reads them from), and waits until they are on disk.
    pub(super) fn remember_options(
        &mut self,
        files: Vec<(PathBuf, String, ImportOptions)>,
        reload: &[PathBuf],
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let Some(first) = reload
            .first()
            .or_else(|| files.first().map(|(path, ..)| path))
        else {
            return Ok(());
        };
        let path = review::review_path(first);
        let same = self.session.review_path.as_deref() == Some(path.as_path());
        if same && let super::session::ReviewState::Unreadable(error) = &self.session.review_state {
            // That file is left as it is; the choices would overwrite it.
            return Err(error.clone());
        }
        let mut review = if same {
            self.session.review.clone()
        } else {
            match Review::read(&path) {
                Ok(Some(review)) => review,
                Ok(None) => Review::new(Vec::new()),
                Err(error) => return Err(error.to_string()),
            }
        };
        for (file, sha256, options) in files {
            review.set_options(&load::display_name(&file), &sha256, options);
        }
        self.jobs.save_review(&path, &review, ctx)?;
        if !self.jobs.flush_saves() {
            return Err(format!(
                "{}: the import settings could not be saved",
                path.display()
            ));
        }
        if same {
            self.session.review = review;
        }
        Ok(())
    }

    /// Takes in a preview read on a thread.
    pub(super) fn on_import_event(&mut self, event: ImportEvent, ctx: &egui::Context) {
        let ImportEvent::Previewed {
            path,
            options,
            result,
            sha256,
        } = event;
        let Some(dialog) = &mut self.import_dialog else {
            return;
        };
        if dialog.path != path {
            return;
        }
        if !dialog.visible {
            // After a failed load: nothing to show (a binary file), so no dialog.
            if result.is_err() {
                self.import_dialog = None;
                return;
            }
            dialog.visible = true;
        }
        dialog.waiting = false;
        if dialog.sha256.is_none() {
            dialog.sha256 = sha256;
        }
        if let Ok(preview) = &result
            && dialog.sheet >= preview.sheets.len()
        {
            dialog.sheet = 0;
        }
        dialog.preview = Some(result);
        dialog.previewed = Some(*options);
        // The choices may have changed while the preview was read.
        self.request_preview(ctx);
    }

    /// The dialog, over the window, while it is open.
    pub(super) fn import_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(dialog) = self.import_dialog.as_mut().filter(|d| d.visible) else {
            return;
        };
        let mut open = true;
        let mut commands: Vec<Command> = Vec::new();
        // The labels of this file that could not be placed, as the open data hold them.
        let file = self
            .session
            .files
            .iter()
            .position(|f| f.path == dialog.path);
        let labels = FileLabels {
            groups: self
                .session
                .labels
                .groups
                .iter()
                .filter(|g| g.placeable && file.is_some_and(|i| g.files.contains(&i)))
                .collect(),
            files: self.session.files.iter().map(|f| f.name.as_str()).collect(),
        };
        egui::Window::new(trf(lang, Tr::ImportTitle, &[&dialog.name]))
            .id(egui::Id::unique("import_dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_size([960.0, 700.0])
            .show(ctx, |ui| {
                dialog_ui(ui, dialog, &labels, lang, &self.palette, &mut commands)
            });
        if !open {
            commands.push(Command::CloseImportDialog);
        }
        self.commands.extend(commands);
        self.request_preview(ctx);
    }
}

/// The unplaced labels of the dialog's file (see [`super::labels`]).
struct FileLabels<'a> {
    groups: Vec<&'a LabelGroup>,
    /// Names of the session's files, by index.
    files: Vec<&'a str>,
}

fn dialog_ui(
    ui: &mut egui::Ui,
    dialog: &mut ImportDialog,
    labels: &FileLabels<'_>,
    lang: Lang,
    palette: &super::theme::Palette,
    commands: &mut Vec<Command>,
) {
    ui.add(egui::Label::new(tr(lang, Tr::ImportIntro)).wrap());
    ui.label(
        RichText::new(dialog.path.display().to_string())
            .weak()
            .small(),
    );
    ui.add_space(4.0);
    match &dialog.preview {
        None => {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.label(tr(lang, Tr::ImportReading));
            });
        }
        Some(Err(error)) => {
            ui.colored_label(palette.error, error);
        }
        Some(Ok(preview)) => {
            match &preview.error {
                Some(error) => {
                    ui.add(egui::Label::new(RichText::new(error).color(palette.error)).wrap());
                }
                None => {
                    let layout = preview.layout.map(|l| layout_name(lang, l)).unwrap_or("—");
                    ui.label(trf(lang, Tr::ImportReadsAs, &[layout]));
                }
            }
            if !preview.confident && preview.error.is_none() {
                ui.label(RichText::new(tr(lang, Tr::ImportGuessed)).color(palette.warning));
            }
            for message in preview.messages.iter().take(6) {
                ui.add(egui::Label::new(RichText::new(message).weak().small()).wrap());
            }
        }
    }
    ui.separator();
    // The layout, for the whole file.
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, Tr::ImportLayout));
        let shown = dialog
            .options
            .layout
            .map_or(tr(lang, Tr::ImportDetect), |l| layout_name(lang, l));
        egui::ComboBox::from_id_salt("import_layout")
            .selected_text(shown)
            .width(340.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut dialog.options.layout, None, tr(lang, Tr::ImportDetect));
                for layout in LAYOUTS {
                    ui.selectable_value(
                        &mut dialog.options.layout,
                        Some(layout),
                        layout_name(lang, layout),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Some(preview) = dialog.shown_preview().cloned() else {
        buttons_ui(ui, dialog, lang, commands);
        return;
    };
    if preview.sheets.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            for (i, sheet) in preview.sheets.iter().enumerate() {
                let text = if sheet.hidden {
                    format!("{} ({})", sheet.name, tr(lang, Tr::HiddenSheet))
                } else {
                    sheet.name.clone()
                };
                if ui.selectable_label(dialog.sheet == i, text).clicked() {
                    dialog.sheet = i;
                }
            }
        });
    }
    let Some(sheet) = preview.sheets.get(dialog.sheet) else {
        buttons_ui(ui, dialog, lang, commands);
        return;
    };
    sheet_choices_ui(ui, dialog, sheet, lang, palette);
    if !labels.groups.is_empty() {
        ui.separator();
        labels_ui(ui, dialog, labels, lang, palette);
    }
    ui.separator();
    buttons_ui(ui, dialog, lang, commands);
    ui.separator();
    grid_ui(ui, dialog, sheet, lang, palette);
}

fn buttons_ui(ui: &mut egui::Ui, dialog: &ImportDialog, lang: Lang, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        // Only the choices of the preview shown are applied, with the file's hash to keep them by.
        let ready = !dialog.waiting
            && dialog.sha256.is_some()
            && dialog.previewed.as_ref() == Some(&dialog.options);
        if ui
            .add_enabled(ready, egui::Button::new(tr(lang, Tr::ImportApply)))
            .clicked()
            && let Some(sha256) = &dialog.sha256
        {
            commands.push(Command::ApplyImport {
                file: dialog.path.clone(),
                sha256: sha256.clone(),
                options: dialog.options_to_remember(),
                reload: dialog.reload.clone(),
            });
        }
        if ui.button(tr(lang, Tr::ImportClose)).clicked() {
            commands.push(Command::CloseImportDialog);
        }
        if dialog.waiting {
            ui.add(egui::Spinner::new());
        }
    });
}

/// Header row, table, reporter and column roles of the sheet shown.
fn sheet_choices_ui(
    ui: &mut egui::Ui,
    dialog: &mut ImportDialog,
    sheet: &SheetPreview,
    lang: Lang,
    palette: &super::theme::Palette,
) {
    let mut choices = dialog.sheet_choices(&sheet.name);
    let before = choices.clone();
    header_and_table_ui(ui, &mut choices, sheet, lang);
    reporter_ui(ui, dialog, &mut choices, sheet, lang);
    if let Some(error) = &dialog.reporter_error {
        ui.colored_label(palette.error, error);
    }
    // The roles of the columns named by the header row: every column of a long sheet; the
    // label columns left of the years of a Clearinghouse sheet (which of them holds the
    // partner countries, the sex, the age, or nothing to read).
    let is_clearinghouse = sheet.layout == Some(Layout::ClearinghouseWorkbook)
        || dialog.options.layout == Some(Layout::ClearinghouseWorkbook);
    let header_row = choices.header_row.or(sheet.header_row);
    {
        match header_row.and_then(|row| sheet.rows.get(row.saturating_sub(1))) {
            Some(header) => {
                ui.label(RichText::new(tr(lang, Tr::ImportRolesHeading)).strong());
                column_roles_ui(ui, &mut choices, sheet, header, is_clearinghouse, lang);
            }
            None => {
                ui.label(RichText::new(tr(lang, Tr::ImportChooseHeader)).weak());
            }
        }
    }
    if choices != before {
        // Another header row names other columns: the roles given to the old ones go.
        if choices.header_row != before.header_row {
            choices.columns = BTreeMap::new();
        }
        dialog.set_sheet_choices(&sheet.name, choices);
    }
}

/// The header row and the table of the sheet shown: detected, or chosen.
fn header_and_table_ui(
    ui: &mut egui::Ui,
    choices: &mut SheetOptions,
    sheet: &SheetPreview,
    lang: Lang,
) {
    let rows = sheet.rows.len().max(1);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, Tr::ImportHeaderRow));
        let shown = match (choices.header_row, sheet.header_row) {
            (Some(row), _) => trf(lang, Tr::ImportRowN, &[&row.to_string()]),
            (None, Some(found)) => trf(
                lang,
                Tr::ImportDetected,
                &[&trf(lang, Tr::ImportRowN, &[&found.to_string()])],
            ),
            (None, None) => tr(lang, Tr::ImportDetect).to_string(),
        };
        egui::ComboBox::from_id_salt(("import_header_row", &sheet.name))
            .selected_text(shown)
            .width(180.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choices.header_row, None, tr(lang, Tr::ImportDetect));
                for row in 1..=rows {
                    ui.selectable_value(
                        &mut choices.header_row,
                        Some(row),
                        trf(lang, Tr::ImportRowN, &[&row.to_string()]),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.separator();
        let label = ui.label(tr(lang, Tr::ImportTable));
        let shown = match (choices.table, sheet.table) {
            (Some(table), _) => table_text(table, lang),
            (None, Some(found)) => trf(lang, Tr::ImportDetected, &[&table_text(found, lang)]),
            (None, None) => tr(lang, Tr::ImportDetect).to_string(),
        };
        egui::ComboBox::from_id_salt(("import_table", &sheet.name))
            .selected_text(shown)
            .width(300.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choices.table, None, tr(lang, Tr::ImportDetect));
                for table in TableId::ALL {
                    ui.selectable_value(&mut choices.table, Some(table), table_text(table, lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The reporter of the sheet shown, typed as a country's name or code.
fn reporter_ui(
    ui: &mut egui::Ui,
    dialog: &mut ImportDialog,
    choices: &mut SheetOptions,
    sheet: &SheetPreview,
    lang: Lang,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, Tr::ImportReporter));
        let hint = sheet
            .reporter
            .as_deref()
            .map(|code| trf(lang, Tr::ImportDetected, &[&country_label(code, lang)]))
            .unwrap_or_else(|| tr(lang, Tr::ImportReporterHint).to_string());
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.reporter_text)
                    .id_salt(("import_reporter", &sheet.name))
                    .hint_text(hint)
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            let text = dialog.reporter_text.trim();
            if text.is_empty() {
                choices.reporter = None;
                dialog.reporter_error = None;
            } else {
                match gazetteer()
                    .resolve(text)
                    .filter(|p| p.kind == crate::model::PlaceKind::Country)
                {
                    Some(place) => {
                        choices.reporter = Some(place.code.clone());
                        dialog.reporter_error = None;
                    }
                    None => {
                        dialog.reporter_error = Some(trf(lang, Tr::ImportUnknownCountry, &[text]));
                    }
                }
            }
        }
        if let Some(code) = &choices.reporter {
            ui.label(RichText::new(gazetteer().name(code, lang)).weak());
        }
    });
}

/// The role of each column the header row names (the year columns of a Clearinghouse sheet
/// left out).
fn column_roles_ui(
    ui: &mut egui::Ui,
    choices: &mut SheetOptions,
    sheet: &SheetPreview,
    header: &[String],
    is_clearinghouse: bool,
    lang: Lang,
) {
    ui.horizontal_wrapped(|ui| {
        for (index, name) in header.iter().enumerate() {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if is_clearinghouse && is_year_heading(name) {
                continue;
            }
            let chosen = choices.columns.get(name).copied();
            // What the loader makes of the name, also when the sheet could not be
            // read with it.
            let detected = sheet.role(index).or_else(|| ColumnRole::from_header(name));
            let shown = match (chosen, detected) {
                (Some(role), _) => role_name(lang, role).to_string(),
                (None, Some(found)) => trf(lang, Tr::ImportDetected, &[role_name(lang, found)]),
                (None, None) => tr(lang, Tr::ImportDetect).to_string(),
            };
            ui.vertical(|ui| {
                let label = ui.label(trf(lang, Tr::ImportRoleOf, &[name]));
                let mut role = chosen;
                egui::ComboBox::from_id_salt(("import_role", &sheet.name, index))
                    .selected_text(shown)
                    .width(170.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut role, None, tr(lang, Tr::ImportDetect));
                        for candidate in ROLES {
                            ui.selectable_value(
                                &mut role,
                                Some(candidate),
                                role_name(lang, candidate),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                match role {
                    Some(role) => {
                        choices.columns.insert(name.to_string(), role);
                    }
                    None => {
                        choices.columns.remove(name);
                    }
                }
            });
        }
    });
}

/// Whether a header cell names a year (a value column of a Clearinghouse sheet).
fn is_year_heading(text: &str) -> bool {
    crate::load::header::text_year(text).is_some()
}

fn table_text(table: TableId, lang: Lang) -> String {
    table.label(lang)
}

/// The first rows of the sheet, the header row highlighted.
fn grid_ui(
    ui: &mut egui::Ui,
    dialog: &ImportDialog,
    sheet: &SheetPreview,
    lang: Lang,
    palette: &super::theme::Palette,
) {
    let header_row = dialog
        .sheet_choices(&sheet.name)
        .header_row
        .or(sheet.header_row);
    ui.label(
        RichText::new(trf(
            lang,
            Tr::ImportFirstRows,
            &[&sheet.rows.len().to_string()],
        ))
        .weak(),
    );
    if let Some(note) = &sheet.note {
        ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
    }
    egui::ScrollArea::both()
        .id_salt(("import_grid", &sheet.name))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let height = ui.text_style_height(&egui::TextStyle::Body);
            egui::Grid::new(("import_grid_cells", &sheet.name))
                .striped(true)
                .min_col_width(24.0)
                .spacing([10.0, 2.0])
                .show(ui, |ui| {
                    for (i, row) in sheet.rows.iter().enumerate() {
                        let number = i + 1;
                        let is_header = header_row == Some(number);
                        ui.label(RichText::new(number.to_string()).weak().monospace());
                        for cell in row {
                            let text = RichText::new(cell);
                            let text = if is_header {
                                text.strong().color(palette.target)
                            } else {
                                text
                            };
                            // Cells of one width, long texts cut (the whole text on hover).
                            ui.allocate_ui_with_layout(
                                egui::vec2(PREVIEW_CELL_WIDTH, height),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.set_width(PREVIEW_CELL_WIDTH);
                                    ui.add(egui::Label::new(text).truncate());
                                },
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The labels of the file that could not be placed, with the same choices as on the Overview;
/// a choice goes into the options the dialog applies ([`ImportOptions::labels`]).
fn labels_ui(
    ui: &mut egui::Ui,
    dialog: &mut ImportDialog,
    labels: &FileLabels<'_>,
    lang: Lang,
    palette: &super::theme::Palette,
) {
    let count: usize = labels
        .groups
        .iter()
        .map(|g| g.labels().len())
        .sum::<usize>();
    egui::CollapsingHeader::new(trf(lang, Tr::LabelsInFileHeading, &[&count.to_string()]))
        .id_salt("import_labels")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new(tr(lang, Tr::LabelsInFileIntro)).weak());
            // Choices start from what the options already say about the labels.
            for group in &labels.groups {
                if !dialog.label_choices.contains_key(group.key())
                    && let Some(target) = group
                        .labels()
                        .iter()
                        .find_map(|l| dialog.options.labels.get(*l))
                {
                    dialog
                        .label_choices
                        .insert(group.key().to_string(), GroupChoice::from_target(target));
                }
            }
            egui::ScrollArea::horizontal()
                .id_salt("import_labels_scroll")
                .max_height(220.0)
                .show(ui, |ui| {
                    let changed = groups_grid_ui(
                        ui,
                        "import_labels_grid",
                        labels.groups.iter().copied(),
                        &mut dialog.label_choices,
                        GridShown {
                            files: &labels.files,
                            can_apply: true,
                            lang,
                            palette,
                        },
                    );
                    if changed {
                        for group in &labels.groups {
                            let target = dialog
                                .label_choices
                                .get(group.key())
                                .and_then(GroupChoice::target);
                            for label in group.labels() {
                                match &target {
                                    Some(target) => {
                                        dialog
                                            .options
                                            .labels
                                            .insert(label.to_string(), target.clone());
                                    }
                                    None => {
                                        dialog.options.labels.remove(label);
                                    }
                                }
                            }
                        }
                    }
                });
        });
}
