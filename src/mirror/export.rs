//! The pair table as CSV, for spreadsheets and scripts.

use super::MirrorPair;
use std::io::Write;

/// The columns of the pair CSV: the report's pair fields, `null` written as an empty cell.
pub const PAIR_COLUMNS: [&str; 17] = [
    "receiver",
    "sender",
    "year",
    "sex",
    "immigration",
    "emigration",
    "difference",
    "ratio",
    "log_ratio",
    "rel_diff",
    "band",
    "corrected_immigration",
    "corrected_emigration",
    "corrected_ratio",
    "corrected_log_ratio",
    "ratio_low",
    "ratio_high",
];

fn cell(value: Option<f64>) -> String {
    value.map(crate::model::number_text).unwrap_or_default()
}

/// Writes the pairs as CSV.
pub fn write_pairs_csv<'a>(
    pairs: impl IntoIterator<Item = &'a MirrorPair>,
    writer: impl Write,
) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(writer);
    csv.write_record(PAIR_COLUMNS)?;
    for p in pairs {
        csv.write_record([
            p.receiver.to_string(),
            p.sender.to_string(),
            p.year.to_string(),
            p.sex.code().to_string(),
            cell(p.immigration),
            cell(p.emigration),
            cell(p.difference),
            cell(p.ratio),
            cell(p.log_ratio),
            cell(p.rel_diff),
            p.band.as_str().to_string(),
            cell(p.corrected_immigration),
            cell(p.corrected_emigration),
            cell(p.corrected_ratio),
            cell(p.corrected_log_ratio),
            cell(p.ratio_low),
            cell(p.ratio_high),
        ])?;
    }
    csv.flush()?;
    Ok(())
}
