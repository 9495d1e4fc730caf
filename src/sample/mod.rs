//! The built-in synthetic sample data set (see `sample_data/README.md`): five countries,
//! 2012–2021, every Clearinghouse table, with a planted problem for every check of the catalogue,
//! and a clean variant without them. Trainers open it to demonstrate the checks, tests use it to
//! prove each problem is found, and the app opens it when started without files.
//!
//! The files are made by [`generate`] (`cargo run --example generate_sample`) and embedded here.
//! The sample data come with the sample [`assessment`] of the five countries' data sources.

pub mod assessment;
pub mod generate;
mod plants;
mod profiles;
mod readme;
mod rng;
mod scenario;
pub mod text;
mod workbook;

pub use assessment::{sample_assessment, sample_assessment_in};
pub use generate::{Sample, Variant};

use crate::checks::CheckCode;
use crate::load::{self, ImportOptions, LoadControl, LoadOutcome};
use crate::model::{Lang, TableId};
use std::path::{Path, PathBuf};

/// Shown wherever the sample data are shown, in English.
pub const SYNTHETIC_NOTICE_EN: &str = "SYNTHETIC DEMONSTRATION DATA — not official statistics";
/// The same in Russian.
pub const SYNTHETIC_NOTICE_RU: &str =
    "СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ — не официальная статистика";
/// Both languages in one line.
pub const SYNTHETIC_NOTICE: &str = "SYNTHETIC DEMONSTRATION DATA — not official statistics / \
     СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ — не официальная статистика";

/// The notice in one language.
pub fn synthetic_notice(lang: crate::model::Lang) -> &'static str {
    match lang {
        crate::model::Lang::En => SYNTHETIC_NOTICE_EN,
        crate::model::Lang::Ru => SYNTHETIC_NOTICE_RU,
    }
}

const MAIN_FILES: [(&str, &[u8]); 8] = [
    ("AZE.xlsx", include_bytes!("../../sample_data/AZE.xlsx")),
    ("KAZ.xlsx", include_bytes!("../../sample_data/KAZ.xlsx")),
    ("KGZ.xlsx", include_bytes!("../../sample_data/KGZ.xlsx")),
    ("RUS.xlsx", include_bytes!("../../sample_data/RUS.xlsx")),
    ("TJK.xlsx", include_bytes!("../../sample_data/TJK.xlsx")),
    (
        "sample_long.csv",
        include_bytes!("../../sample_data/sample_long.csv"),
    ),
    (
        "planted_issues.csv",
        include_bytes!("../../sample_data/planted_issues.csv"),
    ),
    ("README.md", include_bytes!("../../sample_data/README.md")),
];

const CLEAN_FILES: [(&str, &[u8]); 6] = [
    (
        "AZE.xlsx",
        include_bytes!("../../sample_data/clean/AZE.xlsx"),
    ),
    (
        "KAZ.xlsx",
        include_bytes!("../../sample_data/clean/KAZ.xlsx"),
    ),
    (
        "KGZ.xlsx",
        include_bytes!("../../sample_data/clean/KGZ.xlsx"),
    ),
    (
        "RUS.xlsx",
        include_bytes!("../../sample_data/clean/RUS.xlsx"),
    ),
    (
        "TJK.xlsx",
        include_bytes!("../../sample_data/clean/TJK.xlsx"),
    ),
    (
        "sample_long.csv",
        include_bytes!("../../sample_data/clean/sample_long.csv"),
    ),
];

/// The sample files embedded in the binary (main variant): name and bytes.
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    MAIN_FILES.to_vec()
}

/// The files of the clean variant (no planted problems): name and bytes.
pub fn clean_files() -> Vec<(&'static str, &'static [u8])> {
    CLEAN_FILES.to_vec()
}

/// Whether a file with this content (its SHA-256 in hex, as a load report gives it) is one of the
/// sample's data files as `migreview sample` writes them, so that it is said to be synthetic
/// wherever it is opened, not only when the embedded sample is.
pub fn is_sample_content(sha256: &str) -> bool {
    static HASHES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    HASHES
        .get_or_init(|| {
            files()
                .into_iter()
                .chain(clean_files())
                .filter(|(name, _)| name.ends_with(".xlsx") || name.ends_with(".csv"))
                .map(|(_, bytes)| load::sha256_hex(bytes))
                .collect()
        })
        .iter()
        .any(|hash| hash == sha256)
}

/// Whether any file of a load is one of the sample's data files (see [`is_sample_content`]).
pub fn holds_sample(outcome: &LoadOutcome) -> bool {
    outcome.reports().any(|r| is_sample_content(&r.sha256))
}

/// The source line of a chart of files: their names, and the synthetic notice when they hold
/// the sample.
pub fn files_source(
    names: impl IntoIterator<Item = String>,
    synthetic: bool,
    lang: Lang,
) -> String {
    let mut source = names.into_iter().collect::<Vec<_>>().join(", ");
    if synthetic {
        source.push_str("; ");
        source.push_str(synthetic_notice(lang));
    }
    source
}

/// Writes the sample files into a folder, creating it if needed, with the sample's data-source
/// assessment (`assessments.json`, and in Russian `assessments_ru.json`), and the clean variant into its `clean` subfolder. Returns the
/// paths written.
pub fn write_to(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let mut main = files();
    main.push(("assessments.json", assessment::SAMPLE_JSON.as_bytes()));
    main.push(("assessments_ru.json", assessment::SAMPLE_JSON_RU.as_bytes()));
    for (folder, files) in [
        (dir.to_path_buf(), main),
        (dir.join("clean"), clean_files()),
    ] {
        std::fs::create_dir_all(&folder)?;
        for (name, bytes) in files {
            let path = folder.join(name);
            crate::save::write_atomically(&path, bytes)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Loads the embedded workbooks (main variant, or the clean one) into one data set, as if the
/// files `sample_data/KAZ.xlsx` … had been opened: provenance reads `KAZ.xlsx › Table 3 › D14`.
pub fn load(clean: bool) -> LoadOutcome {
    let (folder, files) = if clean {
        ("sample_data/clean", clean_files())
    } else {
        ("sample_data", files())
    };
    let inputs = files
        .into_iter()
        .filter(|(n, _)| n.ends_with(".xlsx"))
        .map(|(name, bytes)| load::Input::Embedded {
            path: Path::new(folder).join(name),
            bytes,
        });
    load::load_inputs(
        inputs,
        |_, _| ImportOptions::default(),
        &LoadControl::new(),
        load::WhenCancelled::ListEach,
    )
    .into()
}

/// A problem planted in the sample data: where the check must find it, and what was done.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantedIssue {
    pub check: CheckCode,
    /// The table the finding is about (for checks across tables, see `sample_data/README.md`).
    pub table: Option<TableId>,
    /// The reporting country (for M1 the receiving country, whose Table 3 is compared).
    pub reporter: String,
    /// `None`: in every year.
    pub year: Option<u16>,
    /// The category (canonical code, or the label as written for S1); `None` when the finding is
    /// about a whole breakdown.
    pub category: Option<String>,
    /// What was done, in words a trainer can read aloud (English).
    pub description: String,
    /// The same in Russian.
    pub description_ru: String,
}

/// The columns of `planted_issues.csv`.
pub const PLANTED_COLUMNS: [&str; 7] = [
    "check",
    "table",
    "reporter",
    "year",
    "category",
    "description",
    "description_ru",
];

/// Why the list of planted problems could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum PlantedError {
    #[error(transparent)]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Flush(#[from] Box<csv::IntoInnerError<csv::Writer<Vec<u8>>>>),
    #[error("expected the columns {}, found {found}", PLANTED_COLUMNS.join(","))]
    Columns { found: String },
    #[error("line {line}: {source}")]
    Line { line: usize, source: csv::Error },
    #[error("line {line}: expected a check code, found {found:?}")]
    Check { line: usize, found: String },
    #[error("line {line}: expected a table (1.1 … 7.2, POP…), found {found:?}")]
    Table { line: usize, found: String },
    #[error("line {line}: expected a year, found {found:?}")]
    Year { line: usize, found: String },
}

/// Writes the planted problems as CSV.
pub fn planted_csv(issues: &[PlantedIssue]) -> Result<Vec<u8>, PlantedError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(PLANTED_COLUMNS)?;
    for issue in issues {
        writer.write_record([
            issue.check.as_str(),
            issue.table.map(|t| t.code()).unwrap_or(""),
            &issue.reporter,
            &issue.year.map(|y| y.to_string()).unwrap_or_default(),
            issue.category.as_deref().unwrap_or(""),
            &issue.description,
            &issue.description_ru,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| PlantedError::Flush(Box::new(e)))
}

/// Reads planted problems from CSV; says which line is wrong and why.
pub fn parse_planted(bytes: &[u8]) -> Result<Vec<PlantedIssue>, PlantedError> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers()?.clone();
    if headers.iter().collect::<Vec<_>>() != PLANTED_COLUMNS {
        return Err(PlantedError::Columns {
            found: headers.iter().collect::<Vec<_>>().join(","),
        });
    }
    let mut issues = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|source| PlantedError::Line { line, source })?;
        let field = |k: usize| record.get(k).unwrap_or("").trim();
        let check = CheckCode::parse(field(0)).ok_or_else(|| PlantedError::Check {
            line,
            found: field(0).to_string(),
        })?;
        let table = match field(1) {
            "" => None,
            text => Some(TableId::parse(text).ok_or_else(|| PlantedError::Table {
                line,
                found: text.to_string(),
            })?),
        };
        let year = match field(3) {
            "" => None,
            text => Some(text.parse::<u16>().map_err(|_| PlantedError::Year {
                line,
                found: text.to_string(),
            })?),
        };
        issues.push(PlantedIssue {
            check,
            table,
            reporter: field(2).to_string(),
            year,
            category: Some(field(4).to_string()).filter(|c| !c.is_empty()),
            description: field(5).to_string(),
            description_ru: field(6).to_string(),
        });
    }
    Ok(issues)
}

impl PlantedIssue {
    /// What was done, in `lang`.
    pub fn description(&self, lang: crate::model::Lang) -> &str {
        match lang {
            crate::model::Lang::En => &self.description,
            crate::model::Lang::Ru => &self.description_ru,
        }
    }

    /// Whether a finding shows this planted problem: the same check and reporter, and the
    /// table, year and category the list gives (an entry without them covers every one; an S1
    /// entry names the label as written, which the finding's message quotes).
    pub fn matches(&self, finding: &crate::checks::Finding) -> bool {
        finding.check == self.check
            && (self.table.is_none() || finding.table == self.table)
            && finding.reporter.as_deref() == Some(self.reporter.as_str())
            && (self.year.is_none() || finding.year == self.year)
            && match (&self.category, self.check) {
                (Some(label), CheckCode::S1) => finding.message(Lang::En).contains(label.as_str()),
                (Some(category), _) => finding.category.as_deref() == Some(category.as_str()),
                (None, _) => true,
            }
    }
}

/// The planted problem of the sample a finding shows, if any (read once).
pub fn planted_for(finding: &crate::checks::Finding) -> Option<&'static PlantedIssue> {
    static PLANTED: std::sync::OnceLock<Vec<PlantedIssue>> = std::sync::OnceLock::new();
    PLANTED
        .get_or_init(planted)
        .iter()
        .find(|issue| issue.matches(finding))
}

/// The planted problems of the embedded main variant.
pub fn planted() -> Vec<PlantedIssue> {
    let bytes = MAIN_FILES
        .iter()
        .find(|(name, _)| *name == "planted_issues.csv")
        .map(|(_, bytes)| *bytes)
        .unwrap_or(&[]);
    // The embedded list is written by the generator and read back by the tests.
    parse_planted(bytes).unwrap_or_default()
}
