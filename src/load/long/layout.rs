//! The layout of a long file or sheet: the header row and the role of each column, and what the
//! file or sheet name gives where no column does.

use super::parsers::{reporter_from_file_name, table_from_file_name};
use crate::load::options::{ColumnRole, ImportOptions};
use crate::load::{ColumnUse, LoadReport};
use crate::model::TableId;
use std::path::Path;

/// How many rows are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Column roles found in a header row.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    pub roles: Vec<Option<ColumnRole>>,
}

impl Columns {
    pub fn from_header(header: &[&str], options: &ImportOptions) -> Columns {
        let mut taken = Vec::new();
        let roles = header
            .iter()
            .map(|h| {
                let chosen = options
                    .columns
                    .iter()
                    .find(|(name, _)| name.trim() == h.trim())
                    .map(|(_, role)| *role)
                    .or_else(|| ColumnRole::from_header(h));
                match chosen {
                    Some(ColumnRole::Ignore) => Some(ColumnRole::Ignore),
                    Some(role) if !taken.contains(&role) => {
                        taken.push(role);
                        Some(role)
                    }
                    Some(_) => Some(ColumnRole::Ignore),
                    None => None,
                }
            })
            .collect();
        Columns { roles }
    }

    pub fn find(&self, role: ColumnRole) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    fn recognised(&self) -> usize {
        self.roles
            .iter()
            .filter(|r| matches!(r, Some(role) if *role != ColumnRole::Ignore))
            .count()
    }

    /// A header row names a value column and at least two more roles.
    pub fn is_header(&self) -> bool {
        self.find(ColumnRole::Value).is_some() && self.recognised() >= 3
    }

    pub fn uses(&self, header: &[&str]) -> Vec<ColumnUse> {
        self.roles
            .iter()
            .enumerate()
            .map(|(index, role)| ColumnUse {
                index,
                header: header.get(index).map(|h| h.to_string()).unwrap_or_default(),
                role: role.unwrap_or(ColumnRole::Ignore),
            })
            .collect()
    }
}

/// What a long reader uses where a row does not say: the table, reporter, source and duration of
/// the whole file or sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LongDefaults {
    pub table: Option<TableId>,
    pub reporter: Option<String>,
    pub source: Option<String>,
    pub duration: Option<u8>,
    /// When the table comes from a Eurostat dataset with a status table (`migr_pop1ctz`: 2.2
    /// and 2.1): the by-country and status tables. Rows of a status group (total, nationals,
    /// foreigners, stateless, unknown), and the reporter's own citizenship (its nationals), go
    /// to the status table, as in the Eurostat readers.
    pub status_routing: Option<(TableId, TableId)>,
}

impl LongDefaults {
    /// Decides the defaults from the import options, then the sheet name, then the file name.
    /// A table or reporter taken from the file name is a guess: it is said in the report's
    /// messages and makes the report not confident. Nothing is guessed for a role that has its
    /// own column.
    pub fn decide(
        path: &Path,
        sheet: Option<&str>,
        options: &ImportOptions,
        columns: &Columns,
        report: &mut LoadReport,
    ) -> LongDefaults {
        let mut defaults = LongDefaults {
            table: options.table,
            reporter: options.reporter.clone(),
            source: options.source.clone(),
            duration: options.duration_months,
            status_routing: None,
        };
        let place = match sheet {
            Some(sheet) => format!("sheet {sheet:?}"),
            None => "the file".to_string(),
        };
        if defaults.table.is_none() && columns.find(ColumnRole::Table).is_none() {
            if let Some(table) = sheet.and_then(TableId::find_in) {
                defaults.table = Some(table);
            } else if let Some(target) =
                crate::load::eurostat::dataset_in(&crate::load::display_name(path))
                    .and_then(crate::load::eurostat::target_of_dataset)
            {
                defaults.table = Some(target.by_country);
                defaults.status_routing = target.status.map(|status| (target.by_country, status));
                report.confident = false;
                report.messages.push(format!(
                    "{place} has no table column: {} taken from the Eurostat dataset in the \
                     file name",
                    target.describe()
                ));
            } else if let Some(table) = table_from_file_name(path) {
                defaults.table = Some(table);
                report.confident = false;
                report.messages.push(format!(
                    "{place} has no table column: table {table} taken from the file name"
                ));
            }
        }
        if defaults.reporter.is_none()
            && columns.find(ColumnRole::Reporter).is_none()
            && let Some(reporter) = reporter_from_file_name(path)
        {
            report.confident = false;
            report.messages.push(format!(
                "{place} has no reporter column: reporter {reporter} taken from the file name"
            ));
            defaults.reporter = Some(reporter);
        }
        defaults
    }
}

/// Finds the header row among the first rows: the first that names a value column and at
/// least two more roles.
pub fn find_header<'r>(
    rows: impl IntoIterator<Item = (usize, Vec<&'r str>)>,
    options: &ImportOptions,
) -> Option<(usize, Vec<&'r str>, Columns)> {
    for (index, cells) in rows.into_iter().take(HEADER_SEARCH_ROWS) {
        if let Some(wanted) = options.header_row {
            if index + 1 != wanted {
                continue;
            }
            let columns = Columns::from_header(&cells, options);
            return Some((index, cells, columns));
        }
        let columns = Columns::from_header(&cells, options);
        if columns.is_header() {
            return Some((index, cells, columns));
        }
    }
    None
}

/// Says which roles the options give to columns the header does not have (`--column
/// category=OdName` where the file heads the column `OdNames`): otherwise the role is dropped
/// without a word and the column read as if no role had been given.
pub(super) fn note_roles_not_found(
    options: &ImportOptions,
    header: &[&str],
    line: usize,
    report: &mut LoadReport,
) {
    const LISTED: usize = 12;
    for (name, role) in &options.columns {
        if header.iter().any(|h| h.trim() == name.trim()) {
            continue;
        }
        let role_name = ColumnRole::NAMED
            .iter()
            .find(|(_, r)| r == role)
            .map_or("ignore", |(n, _)| *n);
        let mut names: Vec<String> = header
            .iter()
            .take(LISTED)
            .map(|h| format!("{:?}", crate::model::text::label(h.trim())))
            .collect();
        if header.len() > LISTED {
            names.push("…".into());
        }
        report.messages.push(format!(
            "column {name:?} (given the role {role_name}) is not in the header on line {line}, \
             which names {}: the role was not used; give the header as the file writes it",
            names.join(", ")
        ));
    }
}
