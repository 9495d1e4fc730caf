//! The review bundle: one zip that lets a second reviewer reproduce a review. It holds the
//! report, the review file (triage, assessment, the reviewer's texts), the settings (JSON), the
//! import options the files were read with, and a manifest naming each input file with its
//! SHA-256. Opening it with the data files (`migreview review open BUNDLE.zip FILE…`) puts the
//! review beside the data and the settings and import options beside it, and says which files
//! differ from those the review was made on.

use crate::load::ImportOptions;
use crate::review::Review;
use crate::settings::Settings;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// The schema of the bundle's manifest.
pub const SCHEMA: &str = "migreview.bundle/1";

/// The names of the bundle's parts.
pub const MANIFEST: &str = "manifest.json";
pub const REVIEW: &str = "review.json";
pub const SETTINGS: &str = "settings.json";
pub const IMPORT_OPTIONS: &str = "import_options.json";

/// An input file of the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub name: String,
    pub sha256: String,
}

/// What the bundle holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: String,
    pub generated_by: String,
    /// The country of the report; `None`: every country.
    pub country: Option<String>,
    pub files: Vec<ManifestFile>,
    /// The report's file name in the bundle.
    pub report: String,
}

impl Manifest {
    /// The manifest of a bundle of these input files, whose report is in `format`.
    pub fn new(
        country: Option<String>,
        files: Vec<ManifestFile>,
        format: super::ReportFormat,
    ) -> Manifest {
        Manifest {
            schema: SCHEMA.into(),
            generated_by: crate::generated_by(),
            country,
            files,
            report: format!("review.{}", format.extension()),
        }
    }
}

impl From<&crate::review::ReviewedFile> for ManifestFile {
    fn from(file: &crate::review::ReviewedFile) -> ManifestFile {
        ManifestFile {
            name: file.name.clone(),
            sha256: file.sha256.clone(),
        }
    }
}

/// What goes into a bundle.
pub struct BundleParts<'a> {
    pub manifest: Manifest,
    pub report: &'a [u8],
    pub review: &'a Review,
    pub settings: &'a Settings,
    pub import_options: &'a ImportOptions,
}

/// What a bundle gives back.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub manifest: Manifest,
    pub review: Review,
    pub settings: Settings,
    pub import_options: ImportOptions,
}

/// How the data files opened compare with the bundle's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilesCompared {
    /// Files of the bundle given with the same content.
    pub same: Vec<String>,
    /// Files of the bundle given with another content: name, SHA-256 in the bundle, now.
    pub changed: Vec<(String, String, String)>,
    /// Files of the bundle not given.
    pub missing: Vec<String>,
    /// Files given that the bundle does not name.
    pub extra: Vec<String>,
}

impl FilesCompared {
    pub fn identical(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Compares the files given (name, SHA-256) with the manifest's, by name.
pub fn compare(manifest: &Manifest, given: &[ManifestFile]) -> FilesCompared {
    let mut compared = FilesCompared::default();
    for file in &manifest.files {
        match given.iter().find(|g| g.name == file.name) {
            Some(g) if g.sha256 == file.sha256 => compared.same.push(file.name.clone()),
            Some(g) => {
                compared
                    .changed
                    .push((file.name.clone(), file.sha256.clone(), g.sha256.clone()))
            }
            None => compared.missing.push(file.name.clone()),
        }
    }
    for g in given {
        if !manifest.files.iter().any(|f| f.name == g.name) {
            compared.extra.push(g.name.clone());
        }
    }
    compared
}

fn failed(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Writes a bundle as zip bytes.
pub fn write(parts: &BundleParts<'_>) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let entries: [(&str, Vec<u8>); 5] = [
        (MANIFEST, pretty(&parts.manifest)?),
        (parts.manifest.report.as_str(), parts.report.to_vec()),
        (REVIEW, parts.review.to_json().map_err(failed)?.into_bytes()),
        (SETTINGS, pretty(parts.settings)?),
        (IMPORT_OPTIONS, pretty(parts.import_options)?),
    ];
    for (name, bytes) in entries {
        zip.start_file(name, options).map_err(failed)?;
        zip.write_all(&bytes).map_err(failed)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

/// Reads a bundle.
pub fn read(bytes: &[u8]) -> Result<Bundle, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        format!("expected a review bundle (a zip written by migreview report --bundle): {e}")
    })?;
    let mut part = |name: &str| -> Result<String, String> {
        let mut entry = archive
            .by_name(name)
            .map_err(|_| format!("the bundle has no {name}; expected one written by migreview"))?;
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|e| format!("{name}: {e}"))?;
        Ok(text)
    };
    let manifest: Manifest =
        serde_json::from_str(&part(MANIFEST)?).map_err(|e| format!("{MANIFEST}: {e}"))?;
    if manifest.schema != SCHEMA {
        return Err(format!(
            "{MANIFEST}: expected schema {SCHEMA}, found {}",
            manifest.schema
        ));
    }
    let review = Review::from_json(&part(REVIEW)?, REVIEW).map_err(|e| e.to_string())?;
    let settings = Settings::from_json(&part(SETTINGS)?).map_err(|e| format!("{SETTINGS}: {e}"))?;
    let import_options = ImportOptions::from_json(&part(IMPORT_OPTIONS)?)
        .map_err(|e| format!("{IMPORT_OPTIONS}: {e}"))?;
    Ok(Bundle {
        manifest,
        review,
        settings,
        import_options,
    })
}

/// A part of the bundle as pretty JSON.
fn pretty<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(value).map_err(failed)
}
