//! What each chart shows, prepared from the computed results. The exported plotters files and
//! the window's interactive views draw from these same structures.

use crate::coverage::{CellStatus, TableCoverage};
use crate::mirror::{Band, FlowDirection, MirrorReport, MirrorSettings};
use crate::model::{Sex, TableId};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Rows of a coverage grid: reporters of one table, or tables of one reporter.
#[derive(Clone, Debug, PartialEq)]
pub enum GridKind {
    ByTable(TableId),
    ByReporter(String),
}

/// A coverage heatmap: rows × years, each cell a [`CellStatus`] over all sexes.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageGrid {
    pub kind: GridKind,
    /// Row labels: reporter codes, or table codes.
    pub rows: Vec<String>,
    pub years: Vec<u16>,
    /// `cells[row][year]`.
    pub cells: Vec<Vec<CellStatus>>,
}

impl CoverageGrid {
    /// Reporter × year for one table; every reporter of the data set is a row, so a reporter
    /// that never gives the table shows as a row of gaps.
    pub fn by_table(coverage: &TableCoverage, table: TableId) -> CoverageGrid {
        let cells = coverage
            .reporters
            .iter()
            .map(|reporter| {
                coverage
                    .years
                    .iter()
                    .map(|&year| coverage.combined_status(reporter, table, year))
                    .collect()
            })
            .collect();
        CoverageGrid {
            kind: GridKind::ByTable(table),
            rows: coverage.reporters.clone(),
            years: coverage.years.clone(),
            cells,
        }
    }

    /// Table × year for one reporter, over the tables of the data set.
    pub fn by_reporter(coverage: &TableCoverage, reporter: &str) -> CoverageGrid {
        let cells = coverage
            .tables
            .iter()
            .map(|&table| {
                coverage
                    .years
                    .iter()
                    .map(|&year| coverage.combined_status(reporter, table, year))
                    .collect()
            })
            .collect();
        CoverageGrid {
            kind: GridKind::ByReporter(reporter.to_string()),
            rows: coverage
                .tables
                .iter()
                .map(|t| t.code().to_string())
                .collect(),
            years: coverage.years.clone(),
            cells,
        }
    }

    /// Cells of each status.
    pub fn count(&self, status: CellStatus) -> usize {
        self.cells
            .iter()
            .flatten()
            .filter(|s| **s == status)
            .count()
    }
}

/// One two-sided pair-year of the scatter, on the corrected (12-month) basis.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    pub sender: String,
    pub receiver: String,
    pub year: u16,
    pub immigration: f64,
    pub emigration: f64,
    pub band: Band,
    pub log_ratio: f64,
}

/// The mirror scatter: immigration (receiver) against emigration (sender), log–log.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterData {
    /// `None` for all years.
    pub year: Option<u16>,
    pub sex: Sex,
    /// Pairs with both sides above 0.
    pub points: Vec<ScatterPoint>,
    /// Two-sided pairs with a side of 0, which a log axis cannot show.
    pub zero_sides: usize,
    /// Whether any duration-of-stay factor differs from 1.
    pub corrected: bool,
    /// |log ratio| bounds of the green, light and amber bands.
    pub bounds: [f64; 3],
}

impl ScatterData {
    pub fn from_report(
        report: &MirrorReport,
        settings: &MirrorSettings,
        year: Option<u16>,
        sex: Sex,
    ) -> ScatterData {
        let mut points = Vec::new();
        let mut zero_sides = 0;
        let mut corrected = false;
        for pair in report.pairs_of(year, sex) {
            let (Some(i), Some(e), Some(l)) = (
                pair.corrected_immigration,
                pair.corrected_emigration,
                pair.corrected_log_ratio,
            ) else {
                continue;
            };
            corrected |= Some(i) != pair.immigration || Some(e) != pair.emigration;
            if i <= 0.0 || e <= 0.0 {
                zero_sides += 1;
                continue;
            }
            points.push(ScatterPoint {
                sender: pair.sender.clone(),
                receiver: pair.receiver.clone(),
                year: pair.year,
                immigration: i,
                emigration: e,
                band: pair.band,
                log_ratio: l,
            });
        }
        ScatterData {
            year,
            sex,
            points,
            zero_sides,
            corrected,
            bounds: [
                settings.band_green,
                settings.band_light,
                settings.band_amber,
            ],
        }
    }
}

/// One cell of the discrepancy matrix.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum MatrixCell {
    /// Both sides reported, I + E large enough: the corrected log ratio.
    Both(f64),
    /// Both sides reported, I + E below the small-count threshold.
    Small,
    ImmigrationOnly,
    EmigrationOnly,
    Neither,
    /// The same country.
    Diagonal,
}

/// The discrepancy matrix of one year: receiver rows × sender columns.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixData {
    pub year: u16,
    pub sex: Sex,
    /// Countries that report immigration or emigration in any year, sorted.
    pub countries: Vec<String>,
    /// `cells[receiver][sender]`.
    pub cells: Vec<Vec<MatrixCell>>,
    /// |log ratio| at which the colour scale saturates: ln 8.
    pub limit: f64,
}

impl MatrixData {
    pub fn from_report(report: &MirrorReport, year: u16, sex: Sex) -> MatrixData {
        let mut countries = BTreeSet::new();
        for pair in report.pairs.iter().filter(|p| p.sex == sex) {
            if pair.immigration.is_some() {
                countries.insert(pair.receiver.as_str());
            }
            if pair.emigration.is_some() {
                countries.insert(pair.sender.as_str());
            }
        }
        let countries: Vec<String> = countries.into_iter().map(str::to_string).collect();
        let index: HashMap<&str, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let n = countries.len();
        let mut cells = vec![vec![MatrixCell::Neither; n]; n];
        for (i, row) in cells.iter_mut().enumerate() {
            row[i] = MatrixCell::Diagonal;
        }
        for pair in report.pairs_of(Some(year), sex) {
            let (Some(&r), Some(&s)) = (
                index.get(pair.receiver.as_str()),
                index.get(pair.sender.as_str()),
            ) else {
                continue;
            };
            cells[r][s] = match (pair.band, pair.corrected_log_ratio) {
                (Band::Small, _) => MatrixCell::Small,
                (Band::OneSided, _) if pair.immigration.is_some() => MatrixCell::ImmigrationOnly,
                (Band::OneSided, _) => MatrixCell::EmigrationOnly,
                (_, Some(l)) => MatrixCell::Both(l),
                (_, None) => MatrixCell::Neither,
            };
        }
        MatrixData {
            year,
            sex,
            countries,
            cells,
            limit: 8f64.ln(),
        }
    }
}

/// One year of a pair's series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub year: u16,
    pub immigration: Option<f64>,
    pub emigration: Option<f64>,
    pub corrected_immigration: Option<f64>,
    pub corrected_emigration: Option<f64>,
}

/// Immigration and emigration of one pair over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct PairSeries {
    pub sender: String,
    pub receiver: String,
    pub sex: Sex,
    pub points: Vec<SeriesPoint>,
    /// Whether any year has a duration-of-stay factor other than 1.
    pub corrected: bool,
}

impl PairSeries {
    pub fn from_report(
        report: &MirrorReport,
        sender: &str,
        receiver: &str,
        sex: Sex,
    ) -> PairSeries {
        let points: Vec<SeriesPoint> = report
            .pairs
            .iter()
            .filter(|p| p.sender == sender && p.receiver == receiver && p.sex == sex)
            .map(|p| SeriesPoint {
                year: p.year,
                immigration: p.immigration,
                emigration: p.emigration,
                corrected_immigration: p.corrected_immigration,
                corrected_emigration: p.corrected_emigration,
            })
            .collect();
        let corrected = points.iter().any(|p| {
            p.corrected_immigration != p.immigration || p.corrected_emigration != p.emigration
        });
        PairSeries {
            sender: sender.to_string(),
            receiver: receiver.to_string(),
            sex,
            points,
            corrected,
        }
    }

    /// The `n` pairs (sender, receiver) with the largest flows over all years, among pairs
    /// with both sides reported at least once (sex total).
    pub fn largest(report: &MirrorReport, n: usize) -> Vec<(String, String)> {
        let mut volume: BTreeMap<(&str, &str), f64> = BTreeMap::new();
        for pair in report.pairs_of(None, Sex::T).filter(|p| p.is_two_sided()) {
            let size = pair
                .immigration
                .unwrap_or(0.0)
                .max(pair.emigration.unwrap_or(0.0));
            *volume
                .entry((pair.sender.as_str(), pair.receiver.as_str()))
                .or_default() += size;
        }
        let mut ranked: Vec<((&str, &str), f64)> = volume.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(n)
            .map(|((s, r), _)| (s.to_string(), r.to_string()))
            .collect()
    }
}

/// One country's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct UndercountBar {
    pub country: String,
    pub ratio: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub partners: usize,
}

/// Country undercount ratios of one direction and year, smallest first.
#[derive(Clone, Debug, PartialEq)]
pub struct UndercountData {
    pub direction: FlowDirection,
    pub year: u16,
    /// The reference group when the bars compare with it; `None` for all partners.
    pub reference: Option<Vec<String>>,
    pub bars: Vec<UndercountBar>,
    /// M2's bounds.
    pub bounds: [f64; 2],
    /// Countries whose partners report 0, so that the ratio is undefined.
    pub undefined: usize,
}

impl UndercountData {
    pub fn from_report(
        report: &MirrorReport,
        settings: &MirrorSettings,
        direction: FlowDirection,
        year: u16,
        against_reference: bool,
    ) -> UndercountData {
        let mut bars = Vec::new();
        let mut undefined = 0;
        for flows in report
            .countries
            .iter()
            .filter(|c| c.direction == direction && c.year == year)
        {
            let comparison = if against_reference {
                flows.reference.as_ref()
            } else {
                Some(&flows.all)
            };
            let Some(comparison) = comparison else {
                continue;
            };
            match comparison.ratio {
                Some(ratio) if ratio > 0.0 && ratio.is_finite() => bars.push(UndercountBar {
                    country: flows.country.clone(),
                    ratio,
                    low: comparison.ratio_low,
                    high: comparison.ratio_high,
                    partners: comparison.partners,
                }),
                _ => undefined += 1,
            }
        }
        bars.sort_by(|a, b| {
            a.ratio
                .total_cmp(&b.ratio)
                .then_with(|| a.country.cmp(&b.country))
        });
        UndercountData {
            direction,
            year,
            reference: against_reference.then(|| {
                report
                    .reference_group
                    .as_ref()
                    .map(|g| g.countries.clone())
                    .unwrap_or_default()
            }),
            bars,
            bounds: [settings.m2_low, settings.m2_high],
            undefined,
        }
    }
}
