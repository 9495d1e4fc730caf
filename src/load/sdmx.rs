//! SDMX-CSV (`docs/formats.md#sdmx-csv`): Eurostat's
//! (`DATAFLOW,LAST UPDATE,freq,…,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS`) and the OECD's
//! layout where each code column is followed by its label column (`REF_AREA,Reference area,…`;
//! the first column of a name is the code, so the label columns are left alone).
//!
//! The dataflow (`ESTAT:TPS00176(1.0)`) names the Eurostat dataset, mapped to a table as for the
//! bulk files; the OECD's International Migration Database (`…DF_MIG…`) gives the table per row
//! in its `MEASURE` column: `B11` inflows of foreign population by nationality → 5.2, `B12`
//! outflows → 6.2, `B14` foreign-born population by country of birth → 1.2, `B15` foreign
//! population by nationality → 2.2, `B16` acquisitions of nationality → 7.2 (`B13`, asylum
//! seekers, has no Clearinghouse table and is set aside). `CONF_STATUS` `C` makes a value
//! confidential; `OBS_STATUS` `A` (normal value) is no flag; `UNIT_MULT` scales the values.

use super::codes::{Codes, merge_flags, stored_value};
use super::dims::{Dim, DimValues, dim_kind, read_dims};
use super::eurostat::{Router, SetAside, Target, dataset_in, target_of_dataset, target_of_table};
use super::long::{TextRecords, parse_year};
use super::options::{ColumnRole, ImportOptions, Layout};
use super::values::{CellValue, NumberStyle, parse_cell};
use super::{ColumnUse, LoadError, Reading, SheetReport};
use crate::model::category::normalise_label;
use crate::model::{NO_COLUMN, NO_DURATION, Obs, Sym, TableId};
use std::collections::HashMap;
use std::path::Path;

/// The role of an SDMX-CSV column.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Column {
    Dataflow,
    Time,
    Value,
    Flag,
    Confidentiality,
    Measure,
    UnitMultiplier,
    Dimension(Dim),
}

fn column_of(header: &str) -> Option<Column> {
    Some(match normalise_label(header).as_str() {
        "dataflow" | "structureid" => Column::Dataflow,
        "timeperiod" => Column::Time,
        "obsvalue" => Column::Value,
        "obsflag" | "obsstatus" => Column::Flag,
        "confstatus" => Column::Confidentiality,
        "measure" => Column::Measure,
        "unitmult" => Column::UnitMultiplier,
        _ => match dim_kind(header) {
            Dim::Other => return None,
            kind => Column::Dimension(kind),
        },
    })
}

/// Whether a header row is SDMX-CSV: it names a dataflow or structure column.
pub fn is_sdmx_header(cells: &[&str]) -> bool {
    cells.iter().any(|c| {
        matches!(
            normalise_label(c).as_str(),
            "dataflow" | "structureid" | "structure"
        )
    }) && cells
        .iter()
        .any(|c| normalise_label(c).as_str() == "obsvalue")
}

/// The OECD International Migration Database measures and their tables.
fn oecd_measure(code: &str) -> Option<TableId> {
    Some(match code {
        "B11" => TableId::T5_2,
        "B12" => TableId::T6_2,
        "B14" => TableId::T1_2,
        "B15" => TableId::T2_2,
        "B16" => TableId::T7_2,
        _ => return None,
    })
}

/// The columns of an SDMX-CSV file, by role.
struct SdmxColumns {
    /// The role of every column; the first column of each role wins.
    roles: Vec<Option<Column>>,
    time: usize,
    value: usize,
    geo: usize,
    dataflow: Option<usize>,
    measure: Option<usize>,
    flag: Option<usize>,
    confidentiality: Option<usize>,
    multiplier: Option<usize>,
    /// The dimension columns, whose values decide whether a row is read.
    filters: Vec<(usize, Dim)>,
}

impl SdmxColumns {
    /// The roles of the header's columns; fails when the time, value or geo column is missing.
    fn of(header: &[String], path: &Path) -> Result<SdmxColumns, LoadError> {
        // The first column of each role wins: in the OECD layout the label column that follows
        // a code column (`TIME_PERIOD`, `Time period`) has the same name.
        let mut roles: Vec<Option<Column>> = Vec::with_capacity(header.len());
        for name in header {
            let role = column_of(name).filter(|r| !roles.contains(&Some(*r)));
            roles.push(role);
        }
        let find = |wanted: Column| roles.iter().position(|r| *r == Some(wanted));
        let (Some(time), Some(value)) = (find(Column::Time), find(Column::Value)) else {
            return Err(LoadError::Unrecognised {
                path: path.display().to_string(),
                expected: "expected SDMX-CSV columns TIME_PERIOD and OBS_VALUE".into(),
                found: format!("columns {}", header.join(",")),
            });
        };
        let Some(geo) = find(Column::Dimension(Dim::Geo)) else {
            return Err(LoadError::Unrecognised {
                path: path.display().to_string(),
                expected: "expected a geo or REF_AREA column naming the reporting country".into(),
                found: format!("columns {}", header.join(",")),
            });
        };
        let filters = roles
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r {
                Some(Column::Dimension(kind)) => Some((i, *kind)),
                _ => None,
            })
            .collect();
        Ok(SdmxColumns {
            time,
            value,
            geo,
            dataflow: find(Column::Dataflow),
            measure: find(Column::Measure),
            flag: find(Column::Flag),
            confidentiality: find(Column::Confidentiality),
            multiplier: find(Column::UnitMultiplier),
            filters,
            roles,
        })
    }

    /// How each column was used, for the report.
    fn uses(&self, header: &[String]) -> Vec<ColumnUse> {
        header
            .iter()
            .enumerate()
            .map(|(index, h)| ColumnUse {
                index,
                header: h.clone(),
                role: match self.roles.get(index).copied().flatten() {
                    Some(Column::Time) => ColumnRole::Year,
                    Some(Column::Value) => ColumnRole::Value,
                    Some(Column::Flag) => ColumnRole::Flag,
                    Some(Column::Dimension(Dim::Geo)) => ColumnRole::Reporter,
                    Some(Column::Dimension(Dim::Sex)) => ColumnRole::Sex,
                    Some(Column::Dimension(Dim::Age)) => ColumnRole::Age,
                    Some(Column::Dimension(Dim::Category)) => ColumnRole::Category,
                    Some(Column::Dataflow) => ColumnRole::Table,
                    _ => ColumnRole::Ignore,
                },
            })
            .collect()
    }
}

/// Where the rows of a dataflow (and OECD measure) go: the table of the options, else the
/// dataflow's, else the file name's dataset's.
fn target_of_flow(
    options: &ImportOptions,
    flow: &str,
    measure_code: &str,
    file_target: Option<&Target>,
) -> Option<Target> {
    if let Some(table) = options.table {
        Some(target_of_table(table))
    } else if let Some(table) = oecd_measure(measure_code)
        && flow.to_uppercase().contains("MIG")
    {
        let mut target = target_of_table(table);
        target.name = format!("{flow} {measure_code}");
        Some(target)
    } else {
        dataset_in(flow)
            .and_then(target_of_dataset)
            .or_else(|| file_target.cloned())
    }
}

/// Why the rows of a dataflow (and measure) no table takes are set aside.
fn no_table(flow: &str, measure_code: &str) -> String {
    if measure_code.is_empty() {
        format!("dataflow {flow} (no Clearinghouse table)")
    } else {
        format!("dataflow {flow} measure {measure_code} (no Clearinghouse table)")
    }
}

/// The routers of the dataflows (and OECD measures) met, each made on its first row.
#[derive(Default)]
struct Routers {
    /// By `dataflow|measure`; `None` when no Clearinghouse table takes the dataflow.
    by_flow: HashMap<String, Option<Router>>,
    /// The targets of the dataflows, as the messages say them.
    described: Vec<String>,
}

impl Routers {
    /// The router of a row's dataflow and measure; `None` when no table takes them.
    fn get(
        &mut self,
        options: &ImportOptions,
        flow: &str,
        measure_code: &str,
        file_target: Option<&Target>,
    ) -> Option<&mut Router> {
        let key = format!("{flow}|{measure_code}");
        let described = &mut self.described;
        let router = self.by_flow.entry(key).or_insert_with(|| {
            let target = target_of_flow(options, flow, measure_code, file_target);
            if let Some(target) = &target {
                described.push(target.describe());
            }
            target.map(Router::new)
        });
        router.as_mut()
    }

    /// The error of a file none of whose dataflows goes to a Clearinghouse table.
    fn unknown(&self, shown: String) -> LoadError {
        LoadError::Unrecognised {
            path: shown,
            expected: "expected a known dataflow (ESTAT:TPS00176, ESTAT:MIGR_IMM5PRV, the \
                       OECD's DF_MIG…), the dataset in the file name, or a table chosen in the \
                       import options"
                .into(),
            found: format!(
                "dataflows {}",
                self.by_flow
                    .keys()
                    .map(|k| k.trim_end_matches('|').to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A row's value and flag: the status (`OBS_STATUS`, `A` being no flag), the confidentiality
/// and the unit multiplier applied. The flag is written into `flag`.
fn row_value<'r>(
    cell: impl Fn(usize) -> &'r str,
    columns: &SdmxColumns,
    flag: &mut String,
) -> CellValue {
    let parsed = parse_cell(cell(columns.value), NumberStyle::PointDecimal);
    flag.clear();
    if let Some(i) = columns.flag {
        let status = cell(i);
        if status != "A" {
            merge_flags(flag, status);
        }
    }
    merge_flags(flag, &parsed.flag);
    if columns
        .confidentiality
        .is_some_and(|i| cell(i).eq_ignore_ascii_case("C"))
    {
        merge_flags(flag, "c");
    }
    let mut value = parsed.value;
    if let (CellValue::Number(n), Some(i)) = (&value, columns.multiplier)
        && let Ok(power) = cell(i).parse::<i32>()
        && power != 0
    {
        value = CellValue::Number(n * 10f64.powi(power));
    }
    value
}

/// Loads an SDMX-CSV file.
pub fn load_sdmx(text: &str, delimiter: char, reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        options,
        control,
        dataset,
        file,
        report,
    } = reading;
    let shown = path.display().to_string();
    let (reader, header) = open_records(text, delimiter, path)?;
    let columns = SdmxColumns::of(&header, path)?;
    let file_target = dataset_in(&super::display_name(path)).and_then(target_of_dataset);
    let mut codes = Codes::new(file, report.name.clone()).with_labels(&options.labels);
    let mut routers = Routers::default();
    let mut set_aside = SetAside::default();
    let skipped_before = report.skipped_rows;
    let source = codes.intern(options.source.as_deref().unwrap_or(""), dataset);
    let duration = options.duration_months.unwrap_or(NO_DURATION);
    let total_age = codes.intern("TOTAL", dataset);
    let mut rows_read = 0usize;
    let mut tables_read: Vec<TableId> = Vec::new();
    let mut flag = String::new();
    let file_name = report.name.clone();
    let mut records = TextRecords::new(reader, text, delimiter, control, path);
    while let Some((line, record)) = records.next(report)? {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        // Which table: the options, else the dataflow (and the OECD measure), else the file name.
        let flow = columns.dataflow.map(cell).unwrap_or("");
        let measure_code = columns.measure.map(cell).unwrap_or("");
        let Some(router) = routers.get(options, flow, measure_code, file_target.as_ref()) else {
            set_aside.add(&no_table(flow, measure_code));
            continue;
        };
        let dims = columns
            .filters
            .iter()
            .map(|&(i, kind)| (kind, header.get(i).map_or("", String::as_str), cell(i)));
        let (sex, age, category_label) = match read_dims(dims, total_age, &mut codes, dataset) {
            DimValues::Read { sex, age, category } => (sex, age, category),
            DimValues::SetAside(reason) => {
                set_aside.add(&reason);
                continue;
            }
            DimValues::Unreadable(reason) => {
                report.skip(codes.line(line), reason.to_string());
                continue;
            }
        };
        let time = cell(columns.time);
        let Some((year, ref_date)) = parse_year(time) else {
            let reason = format!("expected a year in TIME_PERIOD, found {time:?}");
            report.skip(codes.line(line), reason);
            continue;
        };
        let at = || crate::model::Location::line_of(file_name.as_str(), line);
        let reporter = codes.place(cell(columns.geo), "reporter", dataset, at);
        let Some((table, category)) = router.route(category_label, &mut codes, dataset, at) else {
            let target: &Target = router.target();
            set_aside.add(&format!(
                "category {category_label} ({} holds totals only)",
                target.name
            ));
            continue;
        };
        let value = row_value(cell, &columns, &mut flag);
        let flag_sym = codes.intern(&flag, dataset);
        let (value, missing) = stored_value(value, &flag, dataset);
        if !tables_read.contains(&table) {
            tables_read.push(table);
        }
        dataset.push(Obs {
            value,
            row: line,
            reporter,
            category,
            age,
            flag: flag_sym,
            source,
            sheet: Sym::EMPTY,
            file,
            col: NO_COLUMN,
            year,
            ref_date,
            table,
            sex,
            missing,
            duration,
        });
        rows_read += 1;
    }
    if rows_read == 0 && routers.by_flow.values().all(Option::is_none) {
        return Err(routers.unknown(shown));
    }
    report
        .messages
        .push(format!("SDMX-CSV: {}", routers.described.join("; ")));
    report.messages.extend(set_aside.messages());
    tables_read.sort();
    let sheet = SheetReport {
        name: report.name.clone(),
        layout: Some(Layout::SdmxCsv),
        table: tables_read.first().copied(),
        header_row: Some(1),
        columns: columns.uses(&header),
        rows_read,
        rows_skipped: report.skipped_rows - skipped_before,
        ..SheetReport::default()
    };
    report.sheets.push(sheet);
    Ok(())
}

/// A reader of the file's records after the header, and the header (the first record), its
/// cells trimmed.
fn open_records<'t>(
    text: &'t str,
    delimiter: char,
    path: &Path,
) -> Result<(csv::Reader<&'t [u8]>, Vec<String>), LoadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    if !matches!(reader.read_record(&mut record), Ok(true)) {
        return Err(LoadError::Empty {
            path: path.display().to_string(),
        });
    }
    let header = record.iter().map(|h| h.trim().to_string()).collect();
    Ok((reader, header))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdmx_headers() {
        assert!(is_sdmx_header(&[
            "DATAFLOW",
            "LAST UPDATE",
            "freq",
            "geo",
            "TIME_PERIOD",
            "OBS_VALUE"
        ]));
        assert!(is_sdmx_header(&[
            "STRUCTURE",
            "STRUCTURE_ID",
            "REF_AREA",
            "Reference area",
            "TIME_PERIOD",
            "OBS_VALUE"
        ]));
        assert!(!is_sdmx_header(&["table", "reporter", "year", "value"]));
        assert_eq!(oecd_measure("B11"), Some(TableId::T5_2));
        assert_eq!(oecd_measure("B13"), None);
    }
}
