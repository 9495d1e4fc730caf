//! The migration data model: tables, observations, values, countries.

pub mod age;
pub mod category;
pub mod country;
pub mod dataset;
pub mod table;
pub mod text;
pub mod value;

pub use category::{CategoryKind, category_kind};
pub use country::{Place, PlaceKind, Placement, SubnationalUnit, gazetteer};
pub use dataset::{
    At, CellRef, Dataset, DatasetSummary, Interner, Location, NO_COLUMN, NO_DURATION, NewObs, Obs,
    ObsKey, SourceFile, SubnationalLabel, Sym, UnplacedLabel, cell_ref, parse_cell_ref,
};
pub use table::{Breakdown, CountryDim, Lang, TableId, TableKind};
pub use value::{
    Missing, Sex, Value, format_count, format_count_in, format_count_ru, number_text,
    push_number_text,
};
