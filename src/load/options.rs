//! What the user can tell the loader instead of letting it guess. Saved with the review, so the
//! GUI's column-mapping dialog can remember choices per file.

use crate::model::TableId;
use crate::model::category::normalise_label;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The input layouts of `docs/formats.md#layouts`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// One observation per row, in a text file.
    LongCsv,
    /// One observation per row, in a spreadsheet.
    LongSheet,
    /// One sheet per table, years across (the layout countries send to the Clearinghouse).
    ClearinghouseWorkbook,
    /// Eurostat bulk download (`geo\TIME_PERIOD` header), also gzipped.
    EurostatBulk,
    /// SDMX-CSV from Eurostat or the OECD.
    SdmxCsv,
    /// The spreadsheet Eurostat's data browser downloads.
    EurostatBrowser,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::LongCsv => "long-csv",
            Layout::LongSheet => "long-sheet",
            Layout::ClearinghouseWorkbook => "clearinghouse-workbook",
            Layout::EurostatBulk => "eurostat-bulk",
            Layout::SdmxCsv => "sdmx-csv",
            Layout::EurostatBrowser => "eurostat-browser",
        }
    }

    pub fn parse(text: &str) -> Option<Layout> {
        let key = text.trim().to_ascii_lowercase().replace('_', "-");
        [
            Layout::LongCsv,
            Layout::LongSheet,
            Layout::ClearinghouseWorkbook,
            Layout::EurostatBulk,
            Layout::SdmxCsv,
            Layout::EurostatBrowser,
        ]
        .into_iter()
        .find(|l| l.as_str() == key)
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The meaning of a column in a long layout.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Table,
    Reporter,
    Year,
    Sex,
    Age,
    Category,
    Value,
    Flag,
    Source,
    DurationMonths,
    /// Provenance columns of migreview's own canonical CSV (`file`, `sheet`, `cell`).
    OriginFile,
    OriginSheet,
    OriginCell,
    /// Read but not used.
    Ignore,
}

impl ColumnRole {
    /// The roles a user can give a column (`--column ROLE=HEADER`, import options JSON), by
    /// their names.
    pub const NAMED: [(&'static str, ColumnRole); 11] = [
        ("table", ColumnRole::Table),
        ("reporter", ColumnRole::Reporter),
        ("year", ColumnRole::Year),
        ("sex", ColumnRole::Sex),
        ("age", ColumnRole::Age),
        ("category", ColumnRole::Category),
        ("value", ColumnRole::Value),
        ("flag", ColumnRole::Flag),
        ("source", ColumnRole::Source),
        ("duration_months", ColumnRole::DurationMonths),
        ("ignore", ColumnRole::Ignore),
    ];

    /// A role by its name (`category`, `duration_months`; `partner` and `country` are taken
    /// as `category` and `reporter`).
    pub fn from_name(name: &str) -> Option<ColumnRole> {
        let key = name.trim().to_ascii_lowercase().replace('-', "_");
        match key.as_str() {
            "partner" => return Some(ColumnRole::Category),
            "country" => return Some(ColumnRole::Reporter),
            "duration" => return Some(ColumnRole::DurationMonths),
            _ => {}
        }
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, role)| *role)
    }

    /// The role a column header names, matched without regard to case, spaces, `_` or `-`,
    /// in English or Russian.
    pub fn from_header(header: &str) -> Option<ColumnRole> {
        let key = normalise_label(header);
        Some(match key.as_str() {
            "table" | "tableid" | "таблица" | "номертаблицы" => {
                ColumnRole::Table
            }
            "reporter"
            | "country"
            | "reportingcountry"
            | "geo"
            | "страна"
            | "странаотчета"
            | "отчитывающаясястрана"
            | "refarea"
            | "reportercode" => ColumnRole::Reporter,
            "year" | "time" | "period" | "timeperiod" | "год" | "период" | "refyear" | "date" => {
                ColumnRole::Year
            }
            "sex" | "пол" | "gender" => ColumnRole::Sex,
            "age" | "agegroup" | "возраст" | "возрастнаягруппа" => {
                ColumnRole::Age
            }
            "category"
            | "partner"
            | "breakdown"
            | "countryofbirth"
            | "citizenship"
            | "citizen"
            | "previousresidence"
            | "nextresidence"
            | "countryofpreviousresidence"
            | "countryofnextresidence"
            | "партнер"
            | "странарождения"
            | "гражданство"
            | "странапредыдущегопроживания"
            | "странапоследующегопроживания"
            | "категория"
            | "cbirth"
            | "counterpart"
            | "counterpartarea" => ColumnRole::Category,
            "value"
            | "obsvalue"
            | "count"
            | "number"
            | "persons"
            | "значение"
            | "число"
            | "численность"
            | "obs" => ColumnRole::Value,
            "flag" | "flags" | "obsflag" | "obsstatus" | "признак" => ColumnRole::Flag,
            "source" | "источник" | "datasource" | "источникданных" => {
                ColumnRole::Source
            }
            "duration" | "durationmonths" | "definitionmonths" | "durationofstay" => {
                ColumnRole::DurationMonths
            }
            "file" => ColumnRole::OriginFile,
            "sheet" => ColumnRole::OriginSheet,
            "cell" => ColumnRole::OriginCell,
            _ => return None,
        })
    }
}

/// Overrides for the loader's guesses. Every field is optional: `None` means "detect".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    pub layout: Option<Layout>,
    /// An encoding label (`utf-8`, `windows-1251`, `koi8-r`, `utf-16le`, …).
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
    /// Read only these sheets (by name).
    pub sheets: Vec<String>,
    /// 1-based header row.
    pub header_row: Option<usize>,
    /// Column header (as written) → role.
    pub columns: BTreeMap<String, ColumnRole>,
    /// The reporting country for the whole file.
    pub reporter: Option<String>,
    /// The table for the whole file (or sheet).
    pub table: Option<TableId>,
    /// The data source for the whole file.
    pub source: Option<String>,
    /// The duration-of-stay rule (months) for the whole file.
    pub duration_months: Option<u8>,
    /// Overrides for one sheet (by name), which win over the file-wide fields above.
    pub sheet_options: BTreeMap<String, SheetOptions>,
    /// The reviewer's placement of labels the loader could not place: the label as written →
    /// a code in any coding the gazetteer reads (`MDA`, `Moldova`), or [`NOT_A_COUNTRY`].
    /// Set in the window's list of unplaced labels or with `--labels FILE.csv`.
    pub labels: BTreeMap<String, String>,
}

/// The target of a label mapping that says the label is no country: it is kept as written,
/// never part of a country sum, and not reported as unplaced.
pub const NOT_A_COUNTRY: &str = "not-a-country";

/// What a label mapping says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelTarget {
    /// The label is this place (its canonical code).
    Place(String),
    /// The label is no country.
    NotACountry,
}

/// Reads the target of a label mapping: [`NOT_A_COUNTRY`] (also `-`, `none`, `not a country`,
/// `не страна`), or a place in any coding; `None` when it names no known place or is empty.
pub fn label_target(text: &str) -> Option<LabelTarget> {
    if text.trim().is_empty() {
        return None;
    }
    let key = normalise_label(text);
    if matches!(
        key.as_str(),
        "notacountry" | "none" | "нестрана" | "notaplace"
    ) || text.trim() == "-"
    {
        return Some(LabelTarget::NotACountry);
    }
    crate::model::gazetteer()
        .resolve(text)
        .map(|place| LabelTarget::Place(place.code.clone()))
}

/// Import options or a label mapping that cannot be followed, in words for the user.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum OptionsError {
    #[error("expected import options in JSON: {0}")]
    Json(String),
    #[error(
        "delimiter: expected one of , ; tab |, found {0:?}; choose one of those, or leave it out \
         to have it detected"
    )]
    Delimiter(char),
    /// A header row 0 (rows count from 1); `name` is the option (`header_row`,
    /// `sheet_options."T3".header_row`).
    #[error("{name}: expected a row number from 1 (the first row), found 0")]
    HeaderRowZero { name: String },
    /// What is wrong with each line of a label mapping that cannot be read, naming the line.
    #[error("{}", .0.join("; "))]
    LabelLines(Vec<String>),
}

/// Reads a label mapping file (`--labels FILE.csv`): two columns, the label as written and
/// the code or [`NOT_A_COUNTRY`], with an optional header row `label,code`. Each line that
/// cannot be read is an error naming the line.
pub fn read_label_mapping(text: &str) -> Result<BTreeMap<String, String>, OptionsError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut labels = BTreeMap::new();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        let label = record.get(0).unwrap_or("").trim();
        let target = record.get(1).unwrap_or("").trim();
        if line == 1
            && normalise_label(label) == "label"
            && matches!(
                normalise_label(target).as_str(),
                "code" | "country" | "place"
            )
        {
            continue;
        }
        if label.is_empty() && target.is_empty() {
            continue;
        }
        if label.is_empty() {
            errors.push(format!(
                "line {line}: expected a label in the first column, found none"
            ));
            continue;
        }
        if record.len() < 2 {
            errors.push(format!(
                "line {line}: expected two columns, label and code (or {NOT_A_COUNTRY}); found \
                 only {label:?}"
            ));
            continue;
        }
        match label_target(target) {
            Some(_) => {
                labels.insert(label.to_string(), target.to_string());
            }
            None => errors.push(format!(
                "line {line}: expected a country or group in any coding (MDA, Moldova) or \
                 {NOT_A_COUNTRY} for {label:?}; found {target:?}"
            )),
        }
    }
    if errors.is_empty() {
        Ok(labels)
    } else {
        Err(OptionsError::LabelLines(errors))
    }
}

/// What the user can tell the loader about one sheet of a workbook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetOptions {
    /// 1-based header row.
    pub header_row: Option<usize>,
    /// Column header (as written) → role.
    pub columns: BTreeMap<String, ColumnRole>,
    pub reporter: Option<String>,
    pub table: Option<TableId>,
}

/// The delimiters a text file is read with (`--delimiter`, the import dialog, detection).
pub const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// Says what is wrong with a chosen delimiter: the CSV reader splits on one ASCII byte, and a
/// character that is none of [`DELIMITERS`] would be cut to a byte that means something else.
pub fn check_delimiter(delimiter: char) -> Result<(), OptionsError> {
    if DELIMITERS.contains(&delimiter) {
        Ok(())
    } else {
        Err(OptionsError::Delimiter(delimiter))
    }
}

impl ImportOptions {
    /// Reads import options from JSON (`--import-options FILE`) and checks them.
    pub fn from_json(text: &str) -> Result<ImportOptions, OptionsError> {
        let options: ImportOptions =
            serde_json::from_str(text).map_err(|e| OptionsError::Json(e.to_string()))?;
        options.validate()?;
        Ok(options)
    }

    /// Says what is wrong with options that cannot be followed: a delimiter other than
    /// , ; tab |, or a header row 0 (rows count from 1).
    pub fn validate(&self) -> Result<(), OptionsError> {
        if let Some(delimiter) = self.delimiter {
            check_delimiter(delimiter)?;
        }
        let header_rows = std::iter::once(("header_row".to_string(), self.header_row)).chain(
            self.sheet_options.iter().map(|(sheet, own)| {
                (
                    format!("sheet_options.{sheet:?}.header_row"),
                    own.header_row,
                )
            }),
        );
        for (name, row) in header_rows {
            if row == Some(0) {
                return Err(OptionsError::HeaderRowZero { name });
            }
        }
        Ok(())
    }

    /// The options that apply to one sheet: its own overrides over the file-wide ones.
    pub fn for_sheet(&self, sheet: &str) -> ImportOptions {
        let mut options = self.clone();
        if let Some(own) = self.sheet_options.get(sheet) {
            if own.header_row.is_some() {
                options.header_row = own.header_row;
            }
            if own.reporter.is_some() {
                options.reporter = own.reporter.clone();
            }
            if own.table.is_some() {
                options.table = own.table;
            }
            for (header, role) in &own.columns {
                options.columns.insert(header.clone(), *role);
            }
        }
        options
    }

    /// Whether the sheet is to be read (all are, unless [`ImportOptions::sheets`] names some).
    pub fn reads_sheet(&self, sheet: &str) -> bool {
        self.sheets.is_empty() || self.sheets.iter().any(|s| s.trim() == sheet.trim())
    }

    /// The role the user gave a column header, if any.
    pub fn role_of(&self, header: &str) -> Option<ColumnRole> {
        self.columns
            .iter()
            .find(|(name, _)| name.trim() == header.trim())
            .map(|(_, role)| *role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_that_cannot_be_followed_are_refused() {
        let odd = ImportOptions::from_json(r#"{"delimiter": "\u012c"}"#);
        assert!(odd.is_err_and(|e| {
            e.to_string()
                .contains("expected one of , ; tab |, found 'Ĭ'")
        }));
        let zero = ImportOptions::from_json(r#"{"sheet_options": {"T3": {"header_row": 0}}}"#);
        assert!(zero.is_err_and(|e| e.to_string().contains("sheet_options.\"T3\".header_row")));
        let fine = ImportOptions::from_json(r#"{"delimiter": "\t", "header_row": 2}"#);
        assert!(fine.is_ok());
    }

    #[test]
    fn label_mappings_are_read_and_checked_line_by_line() {
        let read = read_label_mapping(
            "label,code\nRep. Moldova,MDA\n\"Korea, Dem. People's Rep.\",PRK\nРеспублика Коми,not-a-country\n",
        );
        let labels = read.unwrap_or_default();
        assert_eq!(labels.get("Rep. Moldova").map(String::as_str), Some("MDA"));
        assert_eq!(
            labels.get("Korea, Dem. People's Rep.").map(String::as_str),
            Some("PRK")
        );
        assert_eq!(
            label_target("not-a-country"),
            Some(LabelTarget::NotACountry)
        );
        assert_eq!(label_target("  "), None);
        assert_eq!(
            label_target("Moldova"),
            Some(LabelTarget::Place("MDA".into()))
        );
        assert_eq!(
            read_label_mapping("Atlantis,Atlantis\nKyrgyzstn\n").map_err(|e| e.to_string()),
            Err(
                "line 1: expected a country or group in any coding (MDA, Moldova) or \
                 not-a-country for \"Atlantis\"; found \"Atlantis\"; line 2: expected two \
                 columns, label and code (or not-a-country); found only \"Kyrgyzstn\""
                    .to_string()
            )
        );
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(
            ColumnRole::from_header("OBS_VALUE"),
            Some(ColumnRole::Value)
        );
        assert_eq!(
            ColumnRole::from_header("Obs value"),
            Some(ColumnRole::Value)
        );
        assert_eq!(
            ColumnRole::from_header("TIME_PERIOD"),
            Some(ColumnRole::Year)
        );
        assert_eq!(
            ColumnRole::from_header("Страна"),
            Some(ColumnRole::Reporter)
        );
        assert_eq!(
            ColumnRole::from_header("Страна рождения"),
            Some(ColumnRole::Category)
        );
        assert_eq!(
            ColumnRole::from_header("country_of_birth"),
            Some(ColumnRole::Category)
        );
        assert_eq!(
            ColumnRole::from_header("duration_months"),
            Some(ColumnRole::DurationMonths)
        );
        assert_eq!(ColumnRole::from_header("Значение"), Some(ColumnRole::Value));
        assert_eq!(ColumnRole::from_header("colour"), None);
    }

    #[test]
    fn options_round_trip_through_json() {
        let mut options = ImportOptions {
            layout: Some(Layout::LongCsv),
            reporter: Some("KAZ".into()),
            header_row: Some(3),
            ..ImportOptions::default()
        };
        options.columns.insert("Кол-во".into(), ColumnRole::Value);
        options.labels.insert("Молдова, Респ.".into(), "MDA".into());
        let json = serde_json::to_string(&options).unwrap_or_default();
        let back: ImportOptions = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, options);
        let partial: ImportOptions = serde_json::from_str(r#"{"table":"5.1"}"#).unwrap_or_default();
        assert_eq!(partial.table, Some(TableId::T5_1));
    }
}
