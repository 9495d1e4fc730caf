//! The canonical long CSV migreview writes (`docs/formats.md#the-canonical-long-csv`); reading it
//! back gives the same data.

use crate::model::{Dataset, Missing, NO_COLUMN, Obs, cell_ref, number_text};
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
    if let Some(text) = obs.unreadable_text() {
        return dataset.str(text).to_string();
    }
    match Missing::from_code(obs.missing) {
        None => number_text(obs.value),
        Some(reason) => reason.marker().to_string(),
    }
}

/// Writes the data set as canonical long CSV.
pub fn write_csv<W: Write>(dataset: &Dataset, out: W) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    for obs in dataset.obs() {
        let file = dataset
            .files
            .get(obs.file as usize)
            .map(|f| f.name.as_str())
            .unwrap_or("");
        let cell = if obs.col == NO_COLUMN {
            format!("line {}", obs.row)
        } else {
            cell_ref(obs.row, obs.col)
        };
        let duration = obs
            .duration_months()
            .map(|d| d.to_string())
            .unwrap_or_default();
        writer.write_record([
            obs.table.code(),
            dataset.str(obs.reporter),
            &obs.year.to_string(),
            obs.sex.code(),
            dataset.str(obs.age),
            dataset.str(obs.category),
            &value_text(dataset, obs),
            dataset.str(obs.flag),
            dataset.str(obs.source),
            &duration,
            file,
            dataset.str(obs.sheet),
            &cell,
        ])?;
    }
    writer.flush()?;
    Ok(())
}
