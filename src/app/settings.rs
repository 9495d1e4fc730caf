//! Settings of the window that outlive a session: language, theme, zoom and recent files.
//! Stored by eframe (its `persistence` feature) under [`eframe::APP_KEY`], separate from the data
//! and the review.

use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// At most this many entries in File ▸ Recent.
pub const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    pub lang: Lang,
    pub dark: bool,
    /// egui zoom factor (Ctrl + / Ctrl − / Ctrl 0), for projectors.
    pub zoom: f32,
    /// Sets of files opened together, most recent first.
    pub recent: Vec<Vec<PathBuf>>,
    /// The folder something was last saved to (exports, charts, questionnaires): the next save
    /// dialog opens there.
    pub save_folder: Option<PathBuf>,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            lang: Lang::En,
            dark: false,
            zoom: 1.0,
            recent: Vec::new(),
            save_folder: None,
        }
    }
}

impl AppSettings {
    /// Puts a set of files at the top of the recent list.
    pub fn remember(&mut self, files: Vec<PathBuf>) {
        if files.is_empty() {
            return;
        }
        self.recent.retain(|entry| *entry != files);
        self.recent.insert(0, files);
        self.recent.truncate(MAX_RECENT);
    }

    /// The zoom factor to apply: a stored value outside egui's range is reset.
    pub fn zoom_factor(&self) -> f32 {
        if self.zoom.is_finite() && (0.2..=5.0).contains(&self.zoom) {
            self.zoom
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn recent_files_move_to_the_top_without_repeats() {
        let mut settings = AppSettings::default();
        for i in 0..12 {
            settings.remember(vec![PathBuf::from(format!("{i}.csv"))]);
        }
        settings.remember(vec![PathBuf::from("5.csv")]);
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], vec![PathBuf::from("5.csv")]);
        assert_eq!(settings.recent[1], vec![PathBuf::from("11.csv")]);
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|e| e[0] == Path::new("5.csv"))
                .count(),
            1
        );
    }

    #[test]
    fn settings_from_an_older_version_keep_defaults() {
        let settings: AppSettings =
            serde_json::from_str(r#"{"lang":"ru","zoom":40.0}"#).unwrap_or_default();
        assert_eq!(settings.lang, Lang::Ru);
        assert!(!settings.dark);
        assert_eq!(settings.zoom_factor(), 1.0);
    }
}
