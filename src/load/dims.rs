//! The dimensions of a Eurostat or SDMX row (`freq`, `geo`, `sex`, `age`, `unit`, the partner
//! or citizenship…): which kind each column is, whether a row's value of it is read, and the
//! sex, age and category it gives.

use super::codes::Codes;
use crate::model::category::normalise_label;
use crate::model::{Dataset, Sex, Sym};

/// Whether a dimension value is the total of its dimension.
fn is_total_code(code: &str) -> bool {
    matches!(code, "TOTAL" | "T" | "_T" | "_Z" | "TOT")
}

/// The kinds of dimension the readers know.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Dim {
    Freq,
    Geo,
    Sex,
    Age,
    AgeDef,
    Unit,
    Category,
    Other,
}

/// A dimension value that cannot be read: the reason a row is skipped.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DimError {
    #[error("expected sex T, M or F, found {0:?}")]
    Sex(String),
    #[error("expected an age group (TOTAL, Y_LT5, Y5-9…), found {0:?}")]
    Age(String),
}

/// The sex, age and category of a Eurostat row (bulk or SDMX), read dimension by dimension.
pub struct RowDims<'r, 'v> {
    pub sex: &'r mut Sex,
    pub age: &'r mut Sym,
    pub category: &'r mut &'v str,
}

impl<'v> RowDims<'_, 'v> {
    /// Takes one dimension value; the reason to skip the row when the value cannot be read.
    /// An empty sex leaves the total.
    pub fn read(
        self,
        kind: Dim,
        value: &'v str,
        codes: &mut Codes,
        dataset: &mut Dataset,
    ) -> Result<(), DimError> {
        match kind {
            Dim::Sex if value.is_empty() => {}
            Dim::Sex => {
                *self.sex = Sex::parse(value).ok_or_else(|| DimError::Sex(value.to_string()))?;
            }
            Dim::Age => {
                *self.age = codes
                    .age(value, dataset)
                    .ok_or_else(|| DimError::Age(value.to_string()))?;
            }
            Dim::Category => *self.category = value,
            _ => {}
        }
        Ok(())
    }
}

pub fn dim_kind(name: &str) -> Dim {
    match normalise_label(name).as_str() {
        "freq" => Dim::Freq,
        "geo" | "refarea" => Dim::Geo,
        "sex" => Dim::Sex,
        "age" => Dim::Age,
        "agedef" => Dim::AgeDef,
        "unit" | "unitmeasure" => Dim::Unit,
        "partner" | "citizen" | "cbirth" | "citizenship" | "nationality" | "countryofbirth"
        | "birthplace" | "counterpartarea" | "counterpart" | "cprevres" | "cnextres" => {
            Dim::Category
        }
        _ => Dim::Other,
    }
}

/// Decides whether a row's dimension values are read; returns the reason to set it aside.
pub fn row_filter(kind: Dim, name: &str, value: &str) -> Option<String> {
    match kind {
        Dim::Freq if value != "A" => Some(format!("{name}={value}")),
        Dim::Unit if !matches!(value, "NR" | "PS" | "PER" | "") => Some(format!("{name}={value}")),
        Dim::AgeDef if value == "REACH" => Some(format!("{name}={value}")),
        Dim::Other if !is_total_code(value) && !value.is_empty() => Some(format!("{name}={value}")),
        _ => None,
    }
}

/// What the dimension values of a row give: its sex, age and category label, or why the row is
/// not read.
pub enum DimValues<'v> {
    Read {
        sex: Sex,
        age: Sym,
        category: &'v str,
    },
    /// A value outside what is read (`freq=Q`, `unit=PC`, a breakdown that is not the total):
    /// the row is set aside with this reason.
    SetAside(String),
    /// A value that cannot be read: the row is skipped with this reason.
    Unreadable(DimError),
}

/// Reads a row's dimension values (kind, dimension name, value), in order: the first value
/// that sets the row aside or cannot be read decides. The age is `total_age` unless a value
/// gives it.
pub fn read_dims<'n, 'v>(
    dims: impl IntoIterator<Item = (Dim, &'n str, &'v str)>,
    total_age: Sym,
    codes: &mut Codes,
    dataset: &mut Dataset,
) -> DimValues<'v> {
    let mut sex = Sex::T;
    let mut age = total_age;
    let mut category = "";
    for (kind, name, value) in dims {
        if let Some(reason) = row_filter(kind, name, value) {
            return DimValues::SetAside(reason);
        }
        let row = RowDims {
            sex: &mut sex,
            age: &mut age,
            category: &mut category,
        };
        if let Err(reason) = row.read(kind, value, codes, dataset) {
            return DimValues::Unreadable(reason);
        }
    }
    DimValues::Read { sex, age, category }
}
