//! Settings of a run: every threshold of the checks and of the mirror statistics, read from a
//! TOML or JSON file (`--settings`) and recorded in the report.

use crate::assess::AssessSettingsError;
use crate::checks::{CheckSettings, CheckSettingsError};
use crate::mirror::{MirrorSettings, MirrorSettingsError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Every setting of a run. A section or field that is not given keeps its default; an unknown
/// one is an error that names it, so a misspelt section (`[chekcs]`) is not silently ignored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub checks: CheckSettings,
    pub mirror: MirrorSettings,
    /// Bands and weights of the data-source assessment.
    pub assess: crate::assess::AssessSettings,
}

/// Why the settings of a run could not be read: the file, its syntax or a value that cannot be
/// a threshold.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("{}: cannot read the settings file: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// What is wrong with the settings of a file, after the file's name.
    #[error("{}: {source}", .path.display())]
    InFile {
        path: PathBuf,
        source: Box<SettingsError>,
    },
    #[error("expected settings in TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("expected settings in JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Checks(#[from] CheckSettingsError),
    #[error(transparent)]
    Mirror(#[from] MirrorSettingsError),
    #[error(transparent)]
    Assess(#[from] AssessSettingsError),
}

impl Settings {
    /// The settings of `--settings` when given, read and validated; else the defaults. Every
    /// command that takes `--settings` reads it through here.
    pub fn load(path: Option<&Path>) -> Result<Settings, SettingsError> {
        match path {
            Some(path) => Settings::from_file(path),
            None => Ok(Settings::default()),
        }
    }

    /// Reads settings from a `.toml` or `.json` file and validates them; fields not given keep
    /// their defaults.
    pub fn from_file(path: &Path) -> Result<Settings, SettingsError> {
        let text = std::fs::read_to_string(path).map_err(|source| SettingsError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let settings = if is_json {
            Settings::from_json(&text)
        } else {
            Settings::from_toml(&text)
        };
        settings.map_err(|e| SettingsError::InFile {
            path: path.to_path_buf(),
            source: Box::new(e),
        })
    }

    /// Reads settings from TOML text and validates them.
    pub fn from_toml(text: &str) -> Result<Settings, SettingsError> {
        let settings: Settings = toml::from_str(text)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Reads settings from JSON text and validates them.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        let settings: Settings = serde_json::from_str(text)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Says what is wrong with a value that cannot be a threshold.
    pub fn validate(&self) -> Result<(), SettingsError> {
        self.checks.validate()?;
        self.mirror.validate()?;
        self.assess.validate()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::{CorrectionSet, FlowDirection, ReferenceGroup};

    #[test]
    fn partial_settings_keep_defaults() {
        let dir = std::env::temp_dir().join(format!("migreview-settings-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("s.toml");
        let _ = std::fs::write(&path, "[checks]\nrel_tol = 0.01\n");
        let settings = Settings::from_file(&path);
        let settings = settings.map_err(|e| e.to_string());
        assert_eq!(settings.as_ref().map(|s| s.checks.rel_tol), Ok(0.01));
        assert_eq!(settings.map(|s| s.checks.abs_tol), Ok(0.0));
        let bad = dir.join("bad.json");
        let _ = std::fs::write(&bad, "{\"checks\": {\"rel_tol\": \"a lot\"}}");
        let err = Settings::from_file(&bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("expected settings in JSON"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn mirror_settings_read_from_toml() {
        let text = r#"
            [mirror]
            band_green = 0.05
            correction = "willekens-expert"
            reference_group = { listed = ["DNK", "FIN", "SWE"] }
            [[mirror.durations]]
            reporter = "SVK"
            months = 60
            [[mirror.durations]]
            reporter = "LVA"
            direction = "emigration"
            to_year = 2009
            months = 6
        "#;
        let settings: Settings = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let mirror = settings.mirror;
        assert_eq!(mirror.band_green, 0.05);
        assert_eq!(
            mirror.band_amber, 0.69,
            "fields not given keep their defaults"
        );
        assert_eq!(mirror.correction, CorrectionSet::WillekensExpert);
        assert_eq!(
            mirror.reference_group,
            ReferenceGroup::Listed(vec!["DNK".into(), "FIN".into(), "SWE".into()])
        );
        assert_eq!(
            mirror.duration_for("SVK", FlowDirection::Immigration, 2019),
            Some(60)
        );
        assert_eq!(
            mirror.duration_for("LVA", FlowDirection::Emigration, 2008),
            Some(6)
        );
        assert_eq!(
            mirror.duration_for("LVA", FlowDirection::Emigration, 2010),
            None
        );
    }
}
