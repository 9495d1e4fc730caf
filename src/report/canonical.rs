//! The canonical long CSV migreview writes (`docs/formats.md#the-canonical-long-csv`); reading it
//! back gives the same data.

use crate::model::{Dataset, Missing, NO_COLUMN, Obs, push_cell_ref, push_number_text};
use std::io::Write;

/// The columns of the canonical long CSV.
pub const COLUMNS: [&str; 13] = [
    "table",
    "reporter",
    "year",
    "sex",
    "age",
    "category",
    "value",
    "flag",
    "source",
    "duration_months",
    "file",
    "sheet",
    "cell",
];

/// The value cell of an observation: the number, or the marker of its missing reason (empty,
/// `:` not available or confidential, `-` not applicable), or the unreadable text as found.
pub fn value_text(dataset: &Dataset, obs: &Obs) -> String {
    let mut text = String::new();
    push_value_text(dataset, obs, &mut text);
    text
}

/// [`value_text`] added to `out`.
fn push_value_text(dataset: &Dataset, obs: &Obs, out: &mut String) {
    if let Some(text) = obs.unreadable_text() {
        out.push_str(dataset.str(text));
        return;
    }
    match Missing::from_code(obs.missing) {
        None => push_number_text(obs.value, out),
        Some(reason) => out.push_str(reason.marker()),
    }
}

/// Rows written into one buffer, on one core.
const BLOCK_ROWS: usize = 32_768;

/// Writes the data set as canonical long CSV.
pub fn write_csv<W: Write>(dataset: &Dataset, mut out: W) -> Result<(), csv::Error> {
    let mut header = csv::Writer::from_writer(Vec::new());
    header.write_record(COLUMNS)?;
    out.write_all(&header.into_inner().map_err(|e| e.into_error())?)?;
    crate::parallel::write_in_order(
        dataset.obs(),
        BLOCK_ROWS,
        |rows, buffer| write_rows(dataset, rows, buffer),
        |text| Ok(out.write_all(text)?),
    )?;
    out.flush()?;
    Ok(())
}

/// The rows of `rows` as CSV text, without the header, into `buffer`.
fn write_rows(dataset: &Dataset, rows: &[Obs], buffer: &mut Vec<u8>) -> Result<(), csv::Error> {
    use std::fmt::Write as _;
    buffer.reserve(rows.len() * 64);
    let mut writer = csv::Writer::from_writer(std::mem::take(buffer));
    let (mut year, mut value, mut duration, mut cell) =
        (String::new(), String::new(), String::new(), String::new());
    for obs in rows {
        let file = dataset
            .files
            .get(obs.file as usize)
            .map(|f| f.name.as_str())
            .unwrap_or("");
        cell.clear();
        if obs.col == NO_COLUMN {
            let _ = write!(cell, "line {}", obs.row);
        } else {
            push_cell_ref(obs.row, obs.col, &mut cell);
        }
        duration.clear();
        if let Some(months) = obs.duration_months() {
            let _ = write!(duration, "{months}");
        }
        year.clear();
        let _ = write!(year, "{}", obs.year);
        value.clear();
        push_value_text(dataset, obs, &mut value);
        writer.write_record([
            obs.table.code(),
            dataset.str(obs.reporter),
            &year,
            obs.sex.code(),
            dataset.str(obs.age),
            dataset.str(obs.category),
            &value,
            dataset.str(obs.flag),
            dataset.str(obs.source),
            &duration,
            file,
            dataset.str(obs.sheet),
            &cell,
        ])?;
    }
    *buffer = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(())
}
