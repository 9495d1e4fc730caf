//! What the panels ask for. Panels read the [`super::Session`] and push commands; the app applies
//! them after the frame, so nothing changes under a panel while it draws.

use super::Panel;
use super::data::DataSelection;
use crate::model::Lang;
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
    SetStatus {
        finding: usize,
        status: TriageStatus,
    },
    SetComment {
        finding: usize,
        comment: String,
    },
    /// Ask where to export the findings (on a background thread).
    ExportDialog(ExportFormat),
    ExportTo(PathBuf, ExportFormat),
}
