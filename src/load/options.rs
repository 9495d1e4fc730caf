//! What the user can tell the loader instead of letting it guess. Saved with the review, so the
//! GUI's column-mapping dialog can remember choices per file.

use crate::model::TableId;
use crate::model::category::normalise_label;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The input layouts of `docs/formats.md`.
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

impl ImportOptions {
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
        let json = serde_json::to_string(&options).unwrap_or_default();
        let back: ImportOptions = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, options);
        let partial: ImportOptions = serde_json::from_str(r#"{"table":"5.1"}"#).unwrap_or_default();
        assert_eq!(partial.table, Some(TableId::T5_1));
    }
}
