//! The canonical long CSV migreview writes (`docs/formats.md#the-canonical-long-csv`); reading it
//! back gives the same data.

use crate::model::{CellRef, Dataset, Missing, NO_COLUMN, Obs, Sym, push_number_text};
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
    let fields = Fields::of(dataset);
    crate::parallel::write_in_order(
        dataset.obs(),
        BLOCK_ROWS,
        |rows, buffer| {
            write_rows(dataset, &fields, rows, buffer);
            Ok::<(), csv::Error>(())
        },
        |text| Ok(out.write_all(text)?),
    )?;
    out.flush()?;
    Ok(())
}

/// The text fields of a data set as CSV writes them: each interned string and each file name
/// once, quoted where the `csv` crate quotes (a comma, a quote, a line break or carriage
/// return in it; quotes doubled), so that a row is written by copying.
struct Fields {
    /// By symbol; `None` when the string is written as it is.
    quoted: Vec<Option<Box<str>>>,
    files: Vec<Box<str>>,
}

impl Fields {
    fn of(dataset: &Dataset) -> Fields {
        let quoted = (0..dataset.strings.len())
            .map(|i| {
                let text = dataset.str(Sym(i as u32));
                needs_quotes(text).then(|| quote(text).into_boxed_str())
            })
            .collect();
        let files = dataset
            .files
            .iter()
            .map(|f| field(&f.name).into())
            .collect();
        Fields { quoted, files }
    }

    fn push_str(&self, dataset: &Dataset, sym: Sym, out: &mut Vec<u8>) {
        match self.quoted.get(sym.0 as usize) {
            Some(Some(quoted)) => out.extend_from_slice(quoted.as_bytes()),
            _ => out.extend_from_slice(dataset.str(sym).as_bytes()),
        }
    }
}

/// Whether CSV quotes the field (as the `csv` crate's `QuoteStyle::Necessary` does).
fn needs_quotes(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// The field in quotes, its quotes doubled.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The field as CSV writes it.
fn field(text: &str) -> String {
    if needs_quotes(text) {
        quote(text)
    } else {
        text.to_string()
    }
}

/// The rows of `rows` as CSV text, without the header, into `buffer`: the text the `csv`
/// crate writes for the same fields (a test compares them), made by copying and writing digits.
fn write_rows(dataset: &Dataset, fields: &Fields, rows: &[Obs], buffer: &mut Vec<u8>) {
    buffer.reserve(rows.len() * 64);
    let mut digits = itoa::Buffer::new();
    let mut number = String::new();
    for obs in rows {
        let out = &mut *buffer;
        out.extend_from_slice(obs.table.code().as_bytes());
        out.push(b',');
        fields.push_str(dataset, obs.reporter, out);
        out.push(b',');
        out.extend_from_slice(digits.format(obs.year).as_bytes());
        out.push(b',');
        out.extend_from_slice(obs.sex.code().as_bytes());
        out.push(b',');
        fields.push_str(dataset, obs.age, out);
        out.push(b',');
        fields.push_str(dataset, obs.category, out);
        out.push(b',');
        match obs.unreadable_text() {
            // The text as found, quoted where it needs it.
            Some(text) => fields.push_str(dataset, text, out),
            // A number or a missing marker: digits, `-`, `.`, `:` — nothing to quote.
            None => {
                number.clear();
                push_value_text(dataset, obs, &mut number);
                out.extend_from_slice(number.as_bytes());
            }
        }
        out.push(b',');
        fields.push_str(dataset, obs.flag, out);
        out.push(b',');
        fields.push_str(dataset, obs.source, out);
        out.push(b',');
        if let Some(months) = obs.duration_months() {
            out.extend_from_slice(digits.format(months).as_bytes());
        }
        out.push(b',');
        if let Some(file) = fields.files.get(obs.file as usize) {
            out.extend_from_slice(file.as_bytes());
        }
        out.push(b',');
        fields.push_str(dataset, obs.sheet, out);
        out.push(b',');
        if obs.col == NO_COLUMN {
            out.extend_from_slice(b"line ");
            out.extend_from_slice(digits.format(obs.row).as_bytes());
        } else {
            CellRef::push_column(obs.col, out);
            out.extend_from_slice(digits.format(u64::from(obs.row) + 1).as_bytes());
        }
        out.push(b'\n');
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test stops on what it did not expect.
mod tests {
    use super::*;
    use crate::model::{Missing, NewObs, Sex, SourceFile, TableId, Value};

    /// The rows as the `csv` crate writes them, field by field.
    fn rows_by_csv(dataset: &Dataset) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for obs in dataset.obs() {
            let file = dataset
                .files
                .get(obs.file as usize)
                .map(|f| f.name.as_str());
            let cell = if obs.col == NO_COLUMN {
                format!("line {}", obs.row)
            } else {
                crate::model::cell_ref(obs.row, obs.col)
            };
            let duration = obs.duration_months().map(|m| m.to_string());
            writer
                .write_record([
                    obs.table.code(),
                    dataset.str(obs.reporter),
                    &obs.year.to_string(),
                    obs.sex.code(),
                    dataset.str(obs.age),
                    dataset.str(obs.category),
                    &value_text(dataset, obs),
                    dataset.str(obs.flag),
                    dataset.str(obs.source),
                    duration.as_deref().unwrap_or(""),
                    file.unwrap_or(""),
                    dataset.str(obs.sheet),
                    &cell,
                ])
                .unwrap();
        }
        writer.into_inner().unwrap()
    }

    #[test]
    fn rows_are_those_the_csv_crate_writes() {
        let texts = [
            "",
            "KAZ",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            "Казахстан, Алматы",
            " spaced ",
            "tab\there",
            "'quote'",
            "\\",
            ",",
            "\"\"",
        ];
        let values = [
            Value::Number(0.0),
            Value::Number(-0.0),
            Value::Number(42_158.0),
            Value::Number(-7.0),
            Value::Number(0.1),
            Value::Number(1e15),
            Value::Number(123_456_789_012_345.0),
            Value::Number(2.5e-8),
            Value::Number(-1234.5678),
            Value::Missing(Missing::Empty),
            Value::Missing(Missing::NotAvailable),
            Value::Missing(Missing::NotApplicable),
            Value::Missing(Missing::Confidential),
        ];
        let mut dataset = Dataset::new();
        for name in ["plain.csv", "dir/with, comma.xlsx", "q\"uote.csv"] {
            dataset.add_file(SourceFile {
                path: name.into(),
                name: name.into(),
                sha256: String::new(),
            });
        }
        let mut k = 0usize;
        for (i, text) in texts.iter().enumerate() {
            for (j, value) in values.iter().enumerate() {
                k += 1;
                let other = texts[(i + j + 1) % texts.len()];
                let new = NewObs {
                    table: [TableId::T3, TableId::T2_2, TableId::T1_1][k % 3],
                    reporter: text,
                    year: 1990 + (k % 40) as u16,
                    sex: [Sex::T, Sex::M, Sex::F][k % 3],
                    age: other,
                    category: text,
                    value: *value,
                    flag: other,
                    source: text,
                    duration: [None, Some(12), Some(3)][k % 3],
                    file: (k % 4) as u16,
                    sheet: other,
                    row: (k * 7919) as u32,
                    col: [NO_COLUMN, 0, 25, 26, 701, 702, 16_383, u16::MAX - 1][k % 8],
                };
                if j == 0 {
                    dataset.push_unreadable(new, other);
                } else {
                    dataset.push_new(new);
                }
            }
        }
        let mut written = Vec::new();
        write_csv(&dataset, &mut written).unwrap();
        let header = b"table,reporter,year,sex,age,category,value,flag,source,duration_months,file,sheet,cell\n";
        assert!(written.starts_with(header));
        let rows = &written[header.len()..];
        let expected = rows_by_csv(&dataset);
        assert_eq!(
            String::from_utf8_lossy(rows),
            String::from_utf8_lossy(&expected)
        );
        // What a reader of the file sees: the quoted category with its comma and line break.
        let text = String::from_utf8(written).unwrap();
        assert!(text.contains(",\"line\nbreak\",\"line\nbreak\","), "{text}");
        assert!(text.contains(",\"say \"\"hi\"\"\","));
    }
}
