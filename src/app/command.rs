//! What the panels ask for. Panels read the [`super::Session`] and push commands; the app applies
//! them after the frame, so nothing changes under a panel while it draws. The types the commands
//! carry are defined here, so that the panels depend on the commands and not the other way round.

use super::chart_export::{ChartFormat, ChartRequest};
use super::i18n::{Tr, tr};
use crate::checks::CheckCode;
use crate::load::ImportOptions;
use crate::model::{Lang, ObsKey, Sex, Sym, TableId};
use crate::review::{ExportFormat, TriageStatus};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    ShowPanel(Panel),
    /// Ask for files with the system dialog (on a background thread).
    OpenDialog,
    /// Load these files and replace the session when done.
    Open(Vec<PathBuf>),
    /// Load the built-in sample data.
    OpenSample,
    /// Open the whole sample with a clean review kept in memory (a class starts over).
    OpenCleanSample,
    /// Open a workshop lesson's data, with a clean review (again: the lesson starts over).
    OpenLesson(String),
    /// Ask for the folder to write a lesson's handouts into.
    WorkshopHandoutsDialog(String),
    /// Turn the presenter view on or off (F11).
    TogglePresenter,
    /// Start a quiz: the findings are hidden, the room marks the cells it suspects in Data.
    StartQuiz,
    /// Mark a cell in the quiz, or take the mark back.
    QuizMark(ObsKey),
    /// Show the findings and score the marks (R).
    RevealQuiz,
    /// End the quiz: the findings are shown as usual.
    EndQuiz,
    /// Plant a problem into the open lesson's data (the checks run again).
    PlantFault(crate::workshop::Fault),
    /// Take back a problem planted live (by its place in the list).
    UndoPlant(usize),
    /// Write a lesson's handouts into a folder.
    WorkshopHandoutsTo {
        dir: PathBuf,
        lesson: String,
    },
    CancelLoad,
    SetLang(Lang),
    SetDark(bool),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Remove one message from the message list.
    Dismiss(usize),
    DismissAll,
    ClearRecent,
    /// Select a finding (by its index in the report) or clear the selection.
    SelectFinding(Option<usize>),
    /// Show the cell of a finding in the Data panel.
    ShowInData(usize),
    /// Choose what the Data panel shows.
    SelectData(DataSelection),
    /// Decide on findings (by their index in the report): one, or every finding marked.
    SetStatus {
        findings: Vec<usize>,
        status: TriageStatus,
    },
    SetComment {
        findings: Vec<usize>,
        comment: String,
    },
    /// Put back the decisions as they were before the last change of triage (Ctrl+Z).
    UndoTriage,
    /// Review one country (ISO 3166 alpha-3): every panel opens on it; `None`: all countries.
    SetCountryUnderReview(Option<String>),
    /// Ask where to export the findings (on a background thread).
    ExportDialog(ExportFormat),
    ExportTo(PathBuf, ExportFormat),
    /// The reviewer's texts of the review report, as edited on the Overview.
    SetReportTexts(crate::review::ReportTexts),
    /// Open the dialog of the review report.
    ReportDialog,
    /// Ask where to write the review report (on a background thread).
    ExportReportDialog(super::report::ReportRequest),
    /// Write the review report into a file (on a background thread).
    ExportReportTo(PathBuf, super::report::ReportRequest),
    /// Ask for a findings workbook answered by a statistical office (on a background thread).
    ImportAnswersDialog,
    /// Read the answers of a findings workbook and take them into the review.
    ImportAnswersFrom(PathBuf),

    // Coverage and mirror panels.
    /// Show what a reporter gives for a table in a year (a cell of the coverage heatmap).
    SelectCoverageCell(CoverageCellRef),
    /// Show a pair over the years in the Mirror panel.
    SelectPair {
        sender: String,
        receiver: String,
    },
    /// Show a reporter's table in Data, with the column of a year marked.
    ShowTableInData {
        table: TableId,
        reporter: String,
        sex: Sex,
        year: Option<u16>,
    },
    /// Ask where to write a chart (on a background thread).
    ExportChartDialog(ChartRequest, ChartFormat),
    /// Write a chart into a file (on a background thread).
    ExportChartTo(ChartRequest, ChartFormat, PathBuf),

    // Sources panel and import dialog.
    /// Change the data-source assessment (Sources panel).
    Assess(crate::assess::edit::AssessEdit),
    /// Show in Findings the findings of a check about a country.
    ShowFindingsOf {
        check: CheckCode,
        country: String,
    },
    /// Ask where to write the questionnaire of these countries (on a background thread).
    ExportQuestionnaireDialog(Vec<String>),
    /// Write the questionnaire of these countries (every country when empty) to this file.
    ExportQuestionnaireTo(PathBuf, Vec<String>),
    /// Ask for a filled-in questionnaire to import (on a background thread).
    ImportQuestionnaireDialog,
    /// Read a filled-in questionnaire and take its countries into the assessment.
    ImportQuestionnaireFrom(PathBuf),
    /// Ask where to write a country's institutions as CSV, or which CSV to read them from.
    InstitutionsCsvDialog {
        country: String,
        import: bool,
    },
    /// Write a country's institutions as CSV.
    InstitutionsCsvTo {
        path: PathBuf,
        country: String,
    },
    /// Replace a country's institutions with those of a CSV.
    InstitutionsCsvFrom {
        path: PathBuf,
        country: String,
    },
    /// Open the import dialog of a file.
    ImportSettings(PathBuf),
    /// Remember how to read a file (in the review beside the first file) and open the files
    /// again with it.
    ApplyImport {
        file: PathBuf,
        sha256: String,
        options: ImportOptions,
        reload: Vec<PathBuf>,
    },
    CloseImportDialog,
    /// Place labels the loader could not place: per file, label as written → a code or
    /// [`crate::load::NOT_A_COUNTRY`], added to the file's import options (kept in the review);
    /// the files are opened again with them.
    PlaceLabels(Vec<(PathBuf, std::collections::BTreeMap<String, String>)>),
}

/// The panels of the window.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Overview,
    Data,
    Findings,
    Coverage,
    Mirror,
    Sources,
    /// The workshop's lessons: the picker, the trainer's script, the handouts.
    Workshop,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Overview,
        Panel::Data,
        Panel::Findings,
        Panel::Coverage,
        Panel::Mirror,
        Panel::Sources,
        Panel::Workshop,
    ];

    pub fn parse(text: &str) -> Option<Panel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "overview" => Some(Panel::Overview),
            "data" => Some(Panel::Data),
            "findings" => Some(Panel::Findings),
            "coverage" => Some(Panel::Coverage),
            "mirror" => Some(Panel::Mirror),
            "sources" => Some(Panel::Sources),
            "workshop" => Some(Panel::Workshop),
            _ => None,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Panel::Overview => tr(lang, Tr::PanelOverview),
            Panel::Data => tr(lang, Tr::PanelData),
            Panel::Findings => tr(lang, Tr::PanelFindings),
            Panel::Coverage => tr(lang, Tr::PanelCoverage),
            Panel::Mirror => tr(lang, Tr::PanelMirror),
            Panel::Sources => tr(lang, Tr::PanelSources),
            Panel::Workshop => tr(lang, Tr::PanelWorkshop),
        }
    }
}

/// One cell of the heatmap: a reporter's table in a year.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CoverageCellRef {
    pub table: TableId,
    pub reporter: String,
    pub year: u16,
}

/// What the Data panel shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct DataSelection {
    pub table: Option<TableId>,
    pub reporter: Option<Sym>,
    pub sex: Sex,
}
