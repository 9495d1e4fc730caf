//! Small hand-made data sets for the mirror tests: Table 3 and Table 4 rows as a workbook would
//! give them (sheet, row, column), so that findings point at cells.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.
#![allow(dead_code)]

use migreview::model::{Dataset, NewObs, SourceFile, TableId, Value};

pub use migreview::model::Sex;

/// One row of a hand-made data set.
pub struct Row<'a> {
    pub table: TableId,
    pub reporter: &'a str,
    pub year: u16,
    pub sex: Sex,
    pub age: &'a str,
    pub category: &'a str,
    pub value: Option<f64>,
    pub duration: Option<u8>,
}

/// Immigration into `receiver` from `sender`, as the receiver's Table 3 gives it.
pub fn imm<'a>(receiver: &'a str, sender: &'a str, year: u16, value: Option<f64>) -> Row<'a> {
    Row {
        table: TableId::T3,
        reporter: receiver,
        year,
        sex: Sex::T,
        age: "TOTAL",
        category: sender,
        value,
        duration: None,
    }
}

/// Emigration from `sender` to `receiver`, as the sender's Table 4 gives it.
pub fn emi<'a>(sender: &'a str, receiver: &'a str, year: u16, value: Option<f64>) -> Row<'a> {
    Row {
        table: TableId::T4,
        reporter: sender,
        year,
        sex: Sex::T,
        age: "TOTAL",
        category: receiver,
        value,
        duration: None,
    }
}

impl<'a> Row<'a> {
    pub fn sex(self, sex: Sex) -> Row<'a> {
        Row { sex, ..self }
    }

    pub fn age(self, age: &'a str) -> Row<'a> {
        Row { age, ..self }
    }

    pub fn months(self, months: u8) -> Row<'a> {
        Row {
            duration: Some(months),
            ..self
        }
    }
}

/// A data set from rows; each reporter's rows come from `<reporter>.xlsx`, sheet `Table 3` or
/// `Table 4`, one row per observation from row 14 (0-based 13), column D.
pub fn dataset(rows: Vec<Row<'_>>) -> Dataset {
    let mut dataset = Dataset::new();
    let mut files: Vec<String> = Vec::new();
    for (n, row) in rows.into_iter().enumerate() {
        let name = format!("{}.xlsx", row.reporter);
        let file = match files.iter().position(|f| *f == name) {
            Some(i) => i as u16,
            None => {
                files.push(name.clone());
                dataset.add_file(SourceFile {
                    path: name.clone().into(),
                    name: name.into(),
                    sha256: String::new(),
                })
            }
        };
        let sheet = if row.table == TableId::T3 {
            "Table 3"
        } else {
            "Table 4"
        };
        dataset.push_new(NewObs {
            table: row.table,
            reporter: row.reporter,
            year: row.year,
            sex: row.sex,
            age: row.age,
            category: row.category,
            value: match row.value {
                Some(v) => Value::Number(v),
                None => Value::Missing(migreview::model::Missing::NotAvailable),
            },
            flag: "",
            source: "",
            duration: row.duration,
            file,
            sheet,
            row: 13 + n as u32,
            col: 3,
        });
    }
    dataset
}
