//! What is reported: for each reporter × table × year × sex whether its rows hold numbers, and
//! the mirror coverage of ordered pair-years (`docs/report.md#mirror`, `mirror.coverage`).

use crate::model::{CategoryKind, Dataset, Sex, Sym, TableId, category_kind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a reporter gives for one table, year and sex.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CellStatus {
    /// Rows exist and every one holds a number (zero included).
    Reported,
    /// Partly present: some rows (categories, age groups) hold numbers, others are missing
    /// (empty, `:`, `..`, confidential, unreadable).
    Partly,
    /// Rows exist but none holds a number: the reporter was expected to report and did not.
    Missing,
    /// No row at all.
    Absent,
}

impl CellStatus {
    pub const ALL: [CellStatus; 4] = [
        CellStatus::Reported,
        CellStatus::Partly,
        CellStatus::Missing,
        CellStatus::Absent,
    ];

    /// The status of a group of rows of which `reported` hold numbers and `missing` do not.
    pub fn from_counts(reported: usize, missing: usize) -> CellStatus {
        match (reported, missing) {
            (0, 0) => CellStatus::Absent,
            (_, 0) => CellStatus::Reported,
            (0, _) => CellStatus::Missing,
            _ => CellStatus::Partly,
        }
    }
}

/// The rows of one reporter × table × year × sex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageCell {
    pub reporter: String,
    pub table: TableId,
    pub year: u16,
    pub sex: Sex,
    /// Rows holding a number.
    pub reported: usize,
    /// Rows whose value is missing.
    pub missing: usize,
}

impl CoverageCell {
    pub fn status(&self) -> CellStatus {
        CellStatus::from_counts(self.reported, self.missing)
    }
}

/// Coverage of a data set by reporter × table × year × sex.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct TableCoverage {
    /// Reporters, sorted.
    pub reporters: Vec<String>,
    /// Tables present, in table order.
    pub tables: Vec<TableId>,
    /// Every year from the first to the last of the data set, so gaps show.
    pub years: Vec<u16>,
    /// Cells with at least one row, sorted by reporter, table, year, sex.
    pub cells: Vec<CoverageCell>,
}

impl TableCoverage {
    fn find(&self, reporter: &str, table: TableId, year: u16) -> &[CoverageCell] {
        fn key(c: &CoverageCell) -> (&str, TableId, u16) {
            (c.reporter.as_str(), c.table, c.year)
        }
        let start = self
            .cells
            .partition_point(|c| key(c) < (reporter, table, year));
        let end = self
            .cells
            .partition_point(|c| key(c) <= (reporter, table, year));
        &self.cells[start..end]
    }

    /// The status of one reporter × table × year × sex.
    pub fn status(&self, reporter: &str, table: TableId, year: u16, sex: Sex) -> CellStatus {
        self.find(reporter, table, year)
            .iter()
            .find(|c| c.sex == sex)
            .map_or(CellStatus::Absent, CoverageCell::status)
    }

    /// Rows with numbers and rows missing of one reporter × table × year over all sexes.
    pub fn counts(&self, reporter: &str, table: TableId, year: u16) -> (usize, usize) {
        self.find(reporter, table, year)
            .iter()
            .fold((0, 0), |(r, m), c| (r + c.reported, m + c.missing))
    }

    /// The status of one reporter × table × year over all sexes.
    pub fn combined_status(&self, reporter: &str, table: TableId, year: u16) -> CellStatus {
        let (reported, missing) = self.counts(reporter, table, year);
        CellStatus::from_counts(reported, missing)
    }
}

/// Counts reported and missing rows by reporter × table × year × sex.
pub fn table_coverage(dataset: &Dataset) -> TableCoverage {
    let mut counts: FxHashMap<(Sym, TableId, u16, Sex), (usize, usize)> = FxHashMap::default();
    let mut tables = BTreeSet::new();
    let mut years: Option<(u16, u16)> = None;
    for obs in dataset.obs() {
        let entry = counts
            .entry((obs.reporter, obs.table, obs.year, obs.sex))
            .or_default();
        if obs.number().is_some() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
        tables.insert(obs.table);
        years = Some(match years {
            None => (obs.year, obs.year),
            Some((lo, hi)) => (lo.min(obs.year), hi.max(obs.year)),
        });
    }
    let mut cells: Vec<CoverageCell> = counts
        .into_iter()
        .map(
            |((reporter, table, year, sex), (reported, missing))| CoverageCell {
                reporter: dataset.str(reporter).to_string(),
                table,
                year,
                sex,
                reported,
                missing,
            },
        )
        .collect();
    cells.sort_by(|a, b| {
        (a.reporter.as_str(), a.table, a.year, a.sex).cmp(&(
            b.reporter.as_str(),
            b.table,
            b.year,
            b.sex,
        ))
    });
    let mut reporters: Vec<String> = cells.iter().map(|c| c.reporter.clone()).collect();
    reporters.dedup();
    TableCoverage {
        reporters,
        tables: tables.into_iter().collect(),
        years: years.map_or_else(Vec::new, |(lo, hi)| (lo..=hi).collect()),
        cells,
    }
}

/// Mirror coverage of ordered pair-years (`docs/report.md#mirror`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MirrorCoverage {
    pub countries: usize,
    pub years: Option<[u16; 2]>,
    pub cells: usize,
    pub both: usize,
    pub immigration_only: usize,
    pub emigration_only: usize,
    pub neither: usize,
}

/// Which ordered pair-years have a number on each side: the basis of [`mirror_coverage`].
struct PairSides {
    /// Countries that appear as reporter of Table 3 or 4, sorted by code.
    countries: Vec<Sym>,
    /// Years that appear in Tables 3 and 4, sorted.
    years: Vec<u16>,
    /// (receiver, sender, year) with immigration reported.
    immigration: FxHashSet<(Sym, Sym, u16)>,
    /// (receiver, sender, year) with emigration reported.
    emigration: FxHashSet<(Sym, Sym, u16)>,
}

impl PairSides {
    fn collect(dataset: &Dataset) -> PairSides {
        let total_age = dataset.sym("TOTAL");
        let mut reporters: FxHashSet<Sym> = FxHashSet::default();
        let mut years = BTreeSet::new();
        let mut immigration = FxHashSet::default();
        let mut emigration = FxHashSet::default();
        for obs in dataset.obs() {
            if !matches!(obs.table, TableId::T3 | TableId::T4) {
                continue;
            }
            // A row whose value is missing still says that the country was expected to report.
            reporters.insert(obs.reporter);
            years.insert(obs.year);
            if obs.sex != Sex::T || Some(obs.age) != total_age || obs.number().is_none() {
                continue;
            }
            if obs.table == TableId::T3 {
                immigration.insert((obs.reporter, obs.category, obs.year));
            } else {
                emigration.insert((obs.category, obs.reporter, obs.year));
            }
        }
        let mut countries: Vec<Sym> = reporters
            .into_iter()
            .filter(|&r| category_kind(dataset.str(r)) == CategoryKind::Country)
            .collect();
        countries.sort_by(|a, b| dataset.str(*a).cmp(dataset.str(*b)));
        PairSides {
            countries,
            years: years.into_iter().collect(),
            immigration,
            emigration,
        }
    }

    fn count(&self, years: &[u16]) -> MirrorCoverage {
        let n = self.countries.len();
        let mut coverage = MirrorCoverage {
            countries: n,
            years: years.first().zip(years.last()).map(|(a, b)| [*a, *b]),
            cells: n * n.saturating_sub(1) * years.len(),
            ..MirrorCoverage::default()
        };
        for &year in years {
            for &receiver in &self.countries {
                for &sender in &self.countries {
                    if receiver == sender {
                        continue;
                    }
                    let key = (receiver, sender, year);
                    match (
                        self.immigration.contains(&key),
                        self.emigration.contains(&key),
                    ) {
                        (true, true) => coverage.both += 1,
                        (true, false) => coverage.immigration_only += 1,
                        (false, true) => coverage.emigration_only += 1,
                        (false, false) => coverage.neither += 1,
                    }
                }
            }
        }
        coverage
    }
}

/// Mirror coverage over the countries that appear as reporter of Table 3 or 4 and the years of
/// those tables (sex total, age total): `cells` = countries × (countries − 1) × years.
pub fn mirror_coverage(dataset: &Dataset) -> MirrorCoverage {
    let sides = PairSides::collect(dataset);
    sides.count(&sides.years)
}

/// [`mirror_coverage`] year by year, over the same countries.
pub fn mirror_coverage_by_year(dataset: &Dataset) -> Vec<(u16, MirrorCoverage)> {
    let sides = PairSides::collect(dataset);
    sides
        .years
        .iter()
        .map(|&year| (year, sides.count(&[year])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewObs, Value};

    fn push(
        dataset: &mut Dataset,
        table: TableId,
        reporter: &str,
        year: u16,
        category: &str,
        value: Value,
    ) {
        dataset.push_new(NewObs {
            table,
            reporter,
            year,
            sex: Sex::T,
            age: "TOTAL",
            category,
            value,
            flag: "",
            source: "",
            duration: None,
            file: 0,
            sheet: "",
            row: 1,
            col: crate::model::NO_COLUMN,
        });
    }

    #[test]
    fn partly_reported_tables_and_pair_years() {
        use crate::model::Missing;
        let mut d = Dataset::new();
        // KAZ reports Table 3 for 2010 with one partner missing: partly present.
        push(
            &mut d,
            TableId::T3,
            "KAZ",
            2010,
            "RUS",
            Value::Number(100.0),
        );
        push(
            &mut d,
            TableId::T3,
            "KAZ",
            2010,
            "UZB",
            Value::Missing(Missing::NotAvailable),
        );
        // RUS reports Table 4 for 2010 fully, and only a missing row for 2011.
        push(&mut d, TableId::T4, "RUS", 2010, "KAZ", Value::Number(90.0));
        push(
            &mut d,
            TableId::T4,
            "RUS",
            2011,
            "KAZ",
            Value::Missing(Missing::Empty),
        );
        // UZB reports emigration to KAZ as zero in 2011 (zero is reported).
        push(&mut d, TableId::T4, "UZB", 2011, "KAZ", Value::Number(0.0));
        let coverage = table_coverage(&d);
        assert_eq!(coverage.years, vec![2010, 2011]);
        assert_eq!(
            coverage.status("KAZ", TableId::T3, 2010, Sex::T),
            CellStatus::Partly
        );
        assert_eq!(
            coverage.status("RUS", TableId::T4, 2010, Sex::T),
            CellStatus::Reported
        );
        assert_eq!(
            coverage.status("RUS", TableId::T4, 2011, Sex::T),
            CellStatus::Missing
        );
        assert_eq!(
            coverage.status("KAZ", TableId::T3, 2011, Sex::T),
            CellStatus::Absent
        );
        assert_eq!(
            coverage.combined_status("UZB", TableId::T4, 2011),
            CellStatus::Reported
        );

        // Countries KAZ, RUS, UZB; years 2010, 2011: 3 × 2 × 2 = 12 pair-years.
        let mirror = mirror_coverage(&d);
        assert_eq!(mirror.countries, 3);
        assert_eq!(mirror.years, Some([2010, 2011]));
        assert_eq!(mirror.cells, 12);
        // RUS→KAZ 2010: both. UZB→KAZ 2011: emigration only. Nothing is immigration only.
        assert_eq!(mirror.both, 1);
        assert_eq!(mirror.immigration_only, 0);
        assert_eq!(mirror.emigration_only, 1);
        assert_eq!(mirror.neither, 10);
        let by_year = mirror_coverage_by_year(&d);
        assert_eq!(by_year.len(), 2);
        assert_eq!(by_year[0].1.cells, 6);
        assert_eq!(by_year[0].1.both, 1);
        assert_eq!(by_year[1].1.emigration_only, 1);
    }
}
