//! Codes shared by every layout: places (reporters and partner countries), status labels, age
//! groups, flags, sources and sheet names, each resolved once per distinct label and interned in
//! the data set. A label that cannot be placed is kept as written and recorded with the known
//! names it is a plausible misspelling of ([`Dataset::note_unplaced`]), never dropped; a label
//! that names a region inside a country ("Республика Коми") is kept as written and recorded as
//! sub-national ([`Dataset::note_subnational`]).

use super::long::normalise_age;
use super::options::{LabelTarget, label_target};
use super::values::CellValue;
use crate::model::category::normalise_label;
use crate::model::category::parse_status;
use crate::model::{Breakdown, Dataset, Location, Missing, Placement, Sym, TableId, gazetteer};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A resolved label: its symbol, whether it could not be placed (kept as written), and the
/// country of a sub-national region (also kept as written).
#[derive(Clone)]
struct Resolved {
    sym: Sym,
    unplaced: bool,
    subnational: Option<Option<String>>,
}

/// Caches from labels as written to interned canonical codes, for one input file.
pub struct Codes {
    file: u16,
    file_name: String,
    places: HashMap<String, Resolved>,
    /// Keyed by whether the table is by place of birth (where `NAT`/`FOR` mean native-born /
    /// foreign-born) and the label.
    statuses: HashMap<(bool, String), Resolved>,
    ages: HashMap<String, Option<Sym>>,
    texts: HashMap<String, Sym>,
    /// The reviewer's placement of labels (import options), by normalised label.
    mapped: HashMap<String, LabelTarget>,
}

impl Codes {
    pub fn new(file: u16, file_name: impl Into<String>) -> Codes {
        Codes {
            file,
            file_name: file_name.into(),
            places: HashMap::default(),
            statuses: HashMap::default(),
            ages: HashMap::default(),
            texts: HashMap::default(),
            mapped: HashMap::default(),
        }
    }

    /// Places labels as the reviewer mapped them ([`super::ImportOptions::labels`]) before
    /// asking the gazetteer; a mapping to no known place is passed over.
    pub fn with_labels(mut self, labels: &BTreeMap<String, String>) -> Codes {
        for (label, target) in labels {
            if let Some(target) = label_target(target) {
                self.mapped.insert(normalise_label(label), target);
            }
        }
        self
    }

    /// Codes of the same file and label mappings with nothing resolved yet: for a part of the
    /// file read on another core.
    pub fn fresh(&self) -> Codes {
        Codes {
            mapped: self.mapped.clone(),
            ..Codes::new(self.file, self.file_name.clone())
        }
    }

    /// Index of the file in [`Dataset::files`].
    pub fn file(&self) -> u16 {
        self.file
    }

    /// The file name shown to the user.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// A line of a text file.
    pub fn line(&self, line: u32) -> Location {
        Location::line_of(self.file_name.as_str(), line)
    }

    /// A cell of a sheet (0-based row and column).
    pub fn cell(&self, sheet: &str, row: u32, col: usize) -> Location {
        Location::cell_of(self.file_name.as_str(), sheet, row, col)
    }

    /// The canonical code of a country, aggregate or special partner label in any coding
    /// ([`crate::model::country::Gazetteer::classify`]). An unplaced label is kept as written
    /// and recorded (with `role`, e.g. `reporter`) with the names it is a plausible misspelling
    /// of; a region inside a country is kept as written and recorded as sub-national. `at` says
    /// where it was met and is only built when needed.
    pub fn place(
        &mut self,
        label: &str,
        role: &str,
        dataset: &mut Dataset,
        at: impl FnOnce() -> Location,
    ) -> Sym {
        if let Some(resolved) = self.places.get(label) {
            if resolved.unplaced {
                dataset.note_unplaced(label, role, Vec::new(), at());
            } else if let Some(country) = &resolved.subnational {
                dataset.note_subnational(label, role, country.as_deref(), at());
            }
            return resolved.sym;
        }
        let mapped = if self.mapped.is_empty() {
            None
        } else {
            self.mapped.get(&normalise_label(label)).cloned()
        };
        if let Some(target) = mapped {
            let sym = match target {
                LabelTarget::Place(code) => dataset.intern(&code),
                // Kept as written: not a country, never part of a country sum, not unplaced.
                LabelTarget::NotACountry => {
                    dataset.not_places.insert(label.to_string());
                    dataset.intern(label)
                }
            };
            let resolved = Resolved {
                sym,
                unplaced: false,
                subnational: None,
            };
            self.places.insert(label.to_string(), resolved.clone());
            return sym;
        }
        let resolved = match gazetteer().classify(label) {
            Placement::Place(place) => Resolved {
                sym: dataset.intern(&place.code),
                unplaced: false,
                subnational: None,
            },
            Placement::Subnational { country, .. } => {
                dataset.note_subnational(label, role, country, at());
                Resolved {
                    sym: dataset.intern(label),
                    unplaced: false,
                    subnational: Some(country.map(str::to_string)),
                }
            }
            Placement::Unplaced { suggestions } => {
                let suggestions = suggestions
                    .iter()
                    .map(|p| format!("{} ({})", p.name_en, p.code))
                    .collect();
                dataset.note_unplaced(label, role, suggestions, at());
                Resolved {
                    sym: dataset.intern(label),
                    unplaced: true,
                    subnational: None,
                }
            }
        };
        let sym = resolved.sym;
        self.places.insert(label.to_string(), resolved);
        sym
    }

    /// Whether a label met before could not be placed.
    pub fn is_unplaced(&self, label: &str) -> bool {
        self.places.get(label).is_some_and(|r| r.unplaced)
    }

    /// Whether a label met before names a region inside a country.
    pub fn is_subnational(&self, label: &str) -> bool {
        self.places
            .get(label)
            .is_some_and(|r| r.subnational.is_some())
    }

    /// The status code of a status table's label (`Citizens`, `Иностранные граждане`, `NAT`…);
    /// an unknown label is kept as written and recorded with the role `status`.
    pub fn status(
        &mut self,
        label: &str,
        table: TableId,
        dataset: &mut Dataset,
        at: impl FnOnce() -> Location,
    ) -> Sym {
        let by_birth = table == TableId::T1_1;
        if let Some(resolved) = self.statuses.get(&(by_birth, label.to_string())) {
            if resolved.unplaced {
                dataset.note_unplaced(label, "status", Vec::new(), at());
            }
            return resolved.sym;
        }
        let resolved = match parse_status(label, table) {
            Some(code) => Resolved {
                sym: dataset.intern(code),
                unplaced: false,
                subnational: None,
            },
            None => {
                dataset.note_unplaced(label, "status", Vec::new(), at());
                Resolved {
                    sym: dataset.intern(label),
                    unplaced: true,
                    subnational: None,
                }
            }
        };
        let sym = resolved.sym;
        self.statuses
            .insert((by_birth, label.to_string()), resolved);
        sym
    }

    /// The category of a table's row: a status code in the status tables, a place in the others;
    /// an empty label is `TOTAL`.
    pub fn category(
        &mut self,
        table: TableId,
        label: &str,
        dataset: &mut Dataset,
        at: impl FnOnce() -> Location,
    ) -> Sym {
        if label.is_empty() {
            return self.intern("TOTAL", dataset);
        }
        match table.breakdown() {
            Breakdown::Status => self.status(label, table, dataset, at),
            Breakdown::Country(_) | Breakdown::None => self.place(label, "category", dataset, at),
        }
    }

    /// The canonical age group (`TOTAL`, `0-4`, `85+`, `UNK`), or `None` when the text is not one.
    pub fn age(&mut self, text: &str, dataset: &mut Dataset) -> Option<Sym> {
        if let Some(age) = self.ages.get(text) {
            return *age;
        }
        let age = normalise_age(text).map(|a| dataset.intern(&a));
        self.ages.insert(text.to_string(), age);
        age
    }

    /// Interns a flag, source or sheet name through a cache.
    pub fn intern(&mut self, text: &str, dataset: &mut Dataset) -> Sym {
        if text.is_empty() {
            return Sym::EMPTY;
        }
        if let Some(sym) = self.texts.get(text) {
            return *sym;
        }
        let sym = dataset.intern(text);
        self.texts.insert(text.to_string(), sym);
        sym
    }
}

/// The stored form of a value cell: the number and 0, or the missing reason's code. A value
/// flagged `c` without a number is confidential; text that is not a number keeps its text
/// (interned) for check S3.
pub fn stored_value(value: CellValue, flag: &str, dataset: &mut Dataset) -> (f64, u8) {
    match value {
        CellValue::Number(n) => (n, 0),
        CellValue::Missing(reason) => {
            let reason = if flag.contains('c') {
                Missing::Confidential
            } else {
                reason
            };
            (f64::NAN, reason as u8)
        }
        CellValue::Text(text) => {
            let sym = dataset.intern(&text);
            (sym.0 as f64, Missing::Unreadable as u8)
        }
    }
}

/// Adds the letters of `extra` to `flag` that it does not hold yet (`b` + `e` → `be`).
pub fn merge_flags(flag: &mut String, extra: &str) {
    for ch in extra.chars() {
        let ch = ch.to_ascii_lowercase();
        if !ch.is_whitespace() && !flag.contains(ch) {
            flag.push(ch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_resolved_once_and_unplaced_ones_counted() {
        let mut dataset = Dataset::new();
        let mut codes = Codes::new(0, "KAZ.xlsx");
        let at = || Location::default();
        let a = codes.place("Russia", "category", &mut dataset, at);
        let b = codes.place("Российская Федерация", "category", &mut dataset, at);
        assert_eq!(dataset.str(a), "RUS");
        assert_eq!(a, b);
        let odd = codes.place("Kyrgyzstn", "category", &mut dataset, codes_location);
        codes.place("Kyrgyzstn", "category", &mut dataset, at);
        assert_eq!(dataset.str(odd), "Kyrgyzstn");
        assert_eq!(dataset.unplaced.len(), 1);
        assert_eq!(dataset.unplaced[0].count, 2);
        assert_eq!(
            dataset.unplaced[0].first_location.to_string(),
            "KAZ.xlsx › Table 3 › A9"
        );
        assert!(
            dataset.unplaced[0]
                .suggestions
                .first()
                .is_some_and(|s| s.contains("KGZ")),
            "{:?}",
            dataset.unplaced[0].suggestions
        );
        let status = codes.status("NAT", TableId::T1_1, &mut dataset, at);
        assert_eq!(dataset.str(status), "NATIVE");
        let status = codes.status("NAT", TableId::T5_1, &mut dataset, at);
        assert_eq!(dataset.str(status), "CITIZENS");
    }

    #[test]
    fn regions_of_a_country_are_recorded_as_subnational() {
        let mut dataset = Dataset::new();
        let mut codes = Codes::new(0, "stst_2016.xls");
        let at = || Location::default();
        let komi = codes.place("Республика Коми ", "category", &mut dataset, at);
        codes.place("Республика Коми ", "category", &mut dataset, at);
        let region = codes.place("Тверская обл.", "reporter", &mut dataset, at);
        assert_eq!(dataset.str(komi), "Республика Коми ");
        assert_eq!(dataset.str(region), "Тверская обл.");
        assert!(codes.is_subnational("Республика Коми "));
        assert!(!codes.is_unplaced("Республика Коми "));
        assert!(dataset.unplaced.is_empty(), "{:?}", dataset.unplaced);
        assert_eq!(dataset.subnational.len(), 2);
        assert_eq!(dataset.subnational[0].count, 2);
        assert_eq!(dataset.subnational[0].country.as_deref(), Some("RUS"));
        assert_eq!(dataset.subnational[1].role, "reporter");
        let moldova = codes.place("Молдова, Республика ", "category", &mut dataset, at);
        assert_eq!(dataset.str(moldova), "MDA");
        assert!(!codes.is_subnational("Молдова, Республика "));
    }

    fn codes_location() -> Location {
        Codes::new(0, "KAZ.xlsx").cell("Table 3", 8, 0)
    }

    #[test]
    fn flags_merge_without_repeats() {
        let mut flag = String::from("b");
        merge_flags(&mut flag, "E b");
        assert_eq!(flag, "be");
    }
}
