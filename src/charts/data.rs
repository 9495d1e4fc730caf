//! What each chart shows, prepared from the computed results. The exported plotters files and
//! the window's interactive views draw from these same structures.

use crate::coverage::{CellStatus, TableCoverage};
use crate::mirror::interval::{least_discrepancy, ratio_interval};
use crate::mirror::measures::band_of_log_ratio;
use crate::mirror::{Band, FlowDirection, MirrorPair, MirrorReport, MirrorSettings};
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

/// Which figures a mirror chart shows: the reported ones, or the ones corrected for the
/// duration-of-stay criterion (`docs/domain.md#duration-of-stay-correction`: show both).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Basis {
    /// As the countries report them.
    Reported,
    /// On the 12-month basis, after the duration-of-stay correction.
    #[default]
    Corrected,
}

impl Basis {
    /// Immigration, emigration and log ratio of a pair on this basis.
    pub fn figures(self, pair: &MirrorPair) -> (Option<f64>, Option<f64>, Option<f64>) {
        match self {
            Basis::Reported => (pair.immigration, pair.emigration, pair.log_ratio),
            Basis::Corrected => (
                pair.corrected_immigration,
                pair.corrected_emigration,
                pair.corrected_log_ratio,
            ),
        }
    }

    /// I / E of a pair on this basis.
    pub fn ratio(self, pair: &MirrorPair) -> Option<f64> {
        match self {
            Basis::Reported => pair.ratio,
            Basis::Corrected => pair.corrected_ratio,
        }
    }

    /// The exact interval of the pair's ratio on this basis, when both sides are reported (the
    /// upper end infinite when the emigration is 0).
    pub fn interval(self, pair: &MirrorPair, settings: &MirrorSettings) -> Option<[f64; 2]> {
        match self {
            Basis::Corrected => pair.ratio_interval(),
            Basis::Reported => {
                let (i, e) = pair.immigration.zip(pair.emigration)?;
                ratio_interval(i, e, settings.interval_level)
            }
        }
    }

    /// The band of a pair on this basis: that of the interval of its ratio (`small` and
    /// `one-sided` stay).
    pub fn band(self, pair: &MirrorPair, settings: &MirrorSettings) -> Band {
        let coloured = matches!(
            pair.band,
            Band::Green | Band::Light | Band::Amber | Band::Red
        );
        match self {
            Basis::Reported if coloured => {
                let interval = self.interval(pair, settings);
                band_of_log_ratio(settings, interval.map_or(0.0, least_discrepancy))
            }
            _ => pair.band,
        }
    }
}

/// Whether the duration-of-stay correction changes a side of the pair.
fn correction_changes(pair: &MirrorPair) -> bool {
    pair.corrected_immigration != pair.immigration || pair.corrected_emigration != pair.emigration
}

/// One two-sided pair-year of the scatter, on the basis of its [`ScatterData`].
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    pub sender: String,
    pub receiver: String,
    pub year: u16,
    pub immigration: f64,
    pub emigration: f64,
    pub band: Band,
    pub log_ratio: f64,
    /// The pair's index in [`MirrorReport::pairs`], for the rest of its figures.
    pub pair: usize,
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
    /// Those pairs (indexes into the report's pairs).
    zero_side_pairs: Vec<usize>,
    /// Whether any duration-of-stay factor differs from 1.
    pub corrected: bool,
    /// Reported or corrected figures.
    pub basis: Basis,
    /// |log ratio| bounds of the green, light and amber bands.
    pub bounds: [f64; 3],
    /// Only the pairs of this country (as sender or receiver); `None`: every pair.
    pub country: Option<String>,
}

impl ScatterData {
    /// The scatter limited to the pairs of `country` (as sender or receiver), when one is given.
    pub fn of_country(mut self, report: &MirrorReport, country: Option<&str>) -> ScatterData {
        if let Some(code) = country {
            let of = |sender: &str, receiver: &str| sender == code || receiver == code;
            self.points.retain(|p| of(&p.sender, &p.receiver));
            self.zero_side_pairs.retain(|&i| {
                report
                    .pairs
                    .get(i)
                    .is_some_and(|p| of(&p.sender, &p.receiver))
            });
            self.zero_sides = self.zero_side_pairs.len();
            self.country = Some(code.to_string());
        }
        self
    }

    /// The scatter on the corrected basis.
    pub fn from_report(
        report: &MirrorReport,
        settings: &MirrorSettings,
        year: Option<u16>,
        sex: Sex,
    ) -> ScatterData {
        ScatterData::build(report, settings, year, sex, Basis::Corrected)
    }

    /// The scatter of one year (all years when `None`) and sex, on a basis.
    pub fn build(
        report: &MirrorReport,
        settings: &MirrorSettings,
        year: Option<u16>,
        sex: Sex,
        basis: Basis,
    ) -> ScatterData {
        let mut points = Vec::new();
        let mut zero_side_pairs = Vec::new();
        let mut corrected = false;
        let chosen = |p: &MirrorPair| p.sex == sex && year.is_none_or(|y| p.year == y);
        for (index, pair) in report.pairs.iter().enumerate().filter(|(_, p)| chosen(p)) {
            let (Some(i), Some(e), Some(l)) = basis.figures(pair) else {
                continue;
            };
            corrected |= correction_changes(pair);
            if i <= 0.0 || e <= 0.0 {
                zero_side_pairs.push(index);
                continue;
            }
            points.push(ScatterPoint {
                sender: pair.sender.to_string(),
                receiver: pair.receiver.to_string(),
                year: pair.year,
                immigration: i,
                emigration: e,
                band: basis.band(pair, settings),
                log_ratio: l,
                pair: index,
            });
        }
        ScatterData {
            year,
            sex,
            points,
            zero_sides: zero_side_pairs.len(),
            zero_side_pairs,
            corrected,
            basis,
            bounds: [
                settings.band_green,
                settings.band_light,
                settings.band_amber,
            ],
            country: None,
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
    /// A flow between two partners of the country under review, not its own: left blank.
    Elsewhere,
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
    /// `pairs[receiver][sender]`: the index in [`MirrorReport::pairs`] of the cell's pair-year.
    pub pairs: Vec<Vec<Option<usize>>>,
    /// |log ratio| at which the colour scale saturates: ln 8.
    pub limit: f64,
    /// Reported or corrected log ratios.
    pub basis: Basis,
    /// Whether any duration-of-stay factor of the year differs from 1.
    pub corrected: bool,
    /// The country under review: the matrix holds it (first) and its partners, and only the
    /// cells of its own flows; `None`: every country and every cell.
    pub country: Option<String>,
}

impl MatrixData {
    /// The matrix limited to `country`, when one is given: the country first, then each partner
    /// it has a cell with, and only the cells of its row and column (the flows into it and out of
    /// it). A country with no cell in the matrix leaves it empty.
    pub fn of_country(self, country: Option<&str>) -> MatrixData {
        let Some(code) = country else {
            return self;
        };
        let at = self.countries.iter().position(|c| c == code);
        let has_cell = |r: usize, s: usize| {
            !matches!(
                self.cells[r][s],
                MatrixCell::Neither | MatrixCell::Diagonal | MatrixCell::Elsewhere
            )
        };
        let mut kept: Vec<usize> = Vec::new();
        if let Some(x) = at {
            kept.push(x);
            kept.extend(
                (0..self.countries.len()).filter(|&k| k != x && (has_cell(x, k) || has_cell(k, x))),
            );
        }
        if kept.len() < 2 {
            kept.clear();
        }
        let of_country = |r: usize, s: usize| r == 0 || s == 0 || r == s;
        let cells = (0..kept.len())
            .map(|r| {
                (0..kept.len())
                    .map(|s| match of_country(r, s) {
                        true => self.cells[kept[r]][kept[s]],
                        false => MatrixCell::Elsewhere,
                    })
                    .collect()
            })
            .collect();
        let pairs = (0..kept.len())
            .map(|r| {
                (0..kept.len())
                    .map(|s| self.pairs[kept[r]][kept[s]].filter(|_| of_country(r, s)))
                    .collect()
            })
            .collect();
        MatrixData {
            countries: kept.iter().map(|&k| self.countries[k].clone()).collect(),
            cells,
            pairs,
            country: Some(code.to_string()),
            ..self
        }
    }

    /// The matrix on the corrected basis.
    pub fn from_report(report: &MirrorReport, year: u16, sex: Sex) -> MatrixData {
        MatrixData::build(report, year, sex, Basis::Corrected)
    }

    /// The matrix of one year and sex, coloured by the log ratio on a basis.
    pub fn build(report: &MirrorReport, year: u16, sex: Sex, basis: Basis) -> MatrixData {
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
        let mut pairs = vec![vec![None; n]; n];
        for (i, row) in cells.iter_mut().enumerate() {
            row[i] = MatrixCell::Diagonal;
        }
        let mut corrected = false;
        let chosen = |p: &MirrorPair| p.sex == sex && p.year == year;
        for (k, pair) in report.pairs.iter().enumerate().filter(|(_, p)| chosen(p)) {
            let (Some(&r), Some(&s)) = (
                index.get(pair.receiver.as_str()),
                index.get(pair.sender.as_str()),
            ) else {
                continue;
            };
            corrected |= correction_changes(pair);
            pairs[r][s] = Some(k);
            let (_, _, log_ratio) = basis.figures(pair);
            cells[r][s] = match (pair.band, log_ratio) {
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
            pairs,
            limit: 8f64.ln(),
            basis,
            corrected,
            country: None,
        }
    }
}

/// One year of a pair's series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub year: u16,
    /// The pair-year's index in [`MirrorReport::pairs`].
    pub pair: usize,
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
    /// Reported figures only, or the corrected ones beside them.
    pub basis: Basis,
}

impl PairSeries {
    /// The series with the corrected figures beside the reported ones.
    pub fn from_report(
        report: &MirrorReport,
        sender: &str,
        receiver: &str,
        sex: Sex,
    ) -> PairSeries {
        PairSeries::build(report, sender, receiver, sex, Basis::Corrected)
    }

    /// The series of a pair; with [`Basis::Reported`] the corrected figures are not drawn.
    pub fn build(
        report: &MirrorReport,
        sender: &str,
        receiver: &str,
        sex: Sex,
        basis: Basis,
    ) -> PairSeries {
        let points: Vec<SeriesPoint> = report
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.sender == sender && p.receiver == receiver && p.sex == sex)
            .map(|(k, p)| SeriesPoint {
                year: p.year,
                pair: k,
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
            basis,
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
    /// Corrected ratios with their intervals, or the reported ratios (the partner bootstrap is
    /// computed on the corrected figures only, so reported ratios have no interval).
    pub basis: Basis,
    /// Whether the duration-of-stay correction changes any ratio of the year.
    pub corrected: bool,
    /// The country under review, when it has a bar: its bar is marked among the others.
    pub country: Option<String>,
    /// The confidence level of the intervals (`mirror.interval_level`).
    pub level: f64,
}

impl UndercountData {
    /// The bars with the bar of `country` marked, when it has one.
    pub fn of_country(mut self, country: Option<&str>) -> UndercountData {
        self.country = country
            .filter(|code| self.bars.iter().any(|b| b.country == *code))
            .map(str::to_string);
        self
    }

    /// The smallest and the largest ratio drawn: every ratio, every finite interval and both
    /// of M2's bounds.
    pub fn span(&self) -> (f64, f64) {
        let [low_bound, high_bound] = self.bounds;
        let finite = |v: Option<f64>| v.filter(|x| x.is_finite() && *x > 0.0);
        let smallest = self
            .bars
            .iter()
            .flat_map(|b| [Some(b.ratio), finite(b.low)])
            .flatten()
            .fold(low_bound, f64::min);
        let largest = self
            .bars
            .iter()
            .flat_map(|b| [Some(b.ratio), finite(b.high)])
            .flatten()
            .fold(high_bound, f64::max);
        (smallest, largest)
    }

    /// Whether a bar is the country under review's.
    pub fn is_marked(&self, bar: &UndercountBar) -> bool {
        self.country.as_deref() == Some(bar.country.as_str())
    }

    /// The bars on the corrected basis.
    pub fn from_report(
        report: &MirrorReport,
        settings: &MirrorSettings,
        direction: FlowDirection,
        year: u16,
        against_reference: bool,
    ) -> UndercountData {
        UndercountData::build(
            report,
            settings,
            direction,
            year,
            against_reference,
            Basis::Corrected,
        )
    }

    /// The bars of one direction and year, against all partners or the reference group.
    pub fn build(
        report: &MirrorReport,
        settings: &MirrorSettings,
        direction: FlowDirection,
        year: u16,
        against_reference: bool,
        basis: Basis,
    ) -> UndercountData {
        let mut bars = Vec::new();
        let mut undefined = 0;
        let mut corrected = false;
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
            corrected |= comparison.ratio != comparison.raw_ratio;
            let (ratio, low, high) = match basis {
                Basis::Corrected => (
                    comparison.ratio,
                    comparison.ratio_low,
                    comparison.ratio_high,
                ),
                Basis::Reported => (comparison.raw_ratio, None, None),
            };
            match ratio {
                Some(ratio) if ratio > 0.0 && ratio.is_finite() => bars.push(UndercountBar {
                    country: flows.country.clone(),
                    ratio,
                    low,
                    high,
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
            basis,
            corrected,
            country: None,
            level: settings.interval_level,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::measures::{Sides, measure};

    /// A receiver that counted 6-month migrants (IMEM factor 0.73) reports 1,330 immigrants; the
    /// sender reports 1,000 emigrants.
    fn report() -> MirrorReport {
        let settings = MirrorSettings::default();
        let pair = |year, factor| {
            measure(
                "AZE".into(),
                "KAZ".into(),
                year,
                Sex::T,
                Sides {
                    immigration: Some(1330.0),
                    emigration: Some(1000.0),
                    immigration_factor: factor,
                    emigration_factor: 1.0,
                },
                &settings,
            )
        };
        MirrorReport {
            pairs: vec![pair(2015, 0.73), pair(2016, 1.0)],
            ..MirrorReport::default()
        }
    }

    /// Four countries, four flows of 2015: KAZ → AZE, TJK → KAZ, TJK → AZE, RUS → TJK.
    fn four_countries() -> MirrorReport {
        let settings = MirrorSettings::default();
        let pair = |receiver: &str, sender: &str, immigration: f64| {
            let sides = Sides {
                immigration: Some(immigration),
                emigration: Some(1000.0),
                immigration_factor: 1.0,
                emigration_factor: 1.0,
            };
            measure(
                receiver.into(),
                sender.into(),
                2015,
                Sex::T,
                sides,
                &settings,
            )
        };
        MirrorReport {
            pairs: vec![
                pair("AZE", "KAZ", 1330.0),
                pair("KAZ", "TJK", 400.0),
                pair("AZE", "TJK", 900.0),
                pair("TJK", "RUS", 2000.0),
            ],
            ..MirrorReport::default()
        }
    }

    #[test]
    fn the_matrix_of_a_country_holds_its_partners_and_only_its_own_flows() {
        let report = four_countries();
        let all = MatrixData::build(&report, 2015, Sex::T, Basis::Reported);
        assert_eq!(all.countries, ["AZE", "KAZ", "RUS", "TJK"]);
        let kaz = all.clone().of_country(Some("KAZ"));
        // Kazakhstan first, then the partners it has a cell with; Russia is not one.
        assert_eq!(kaz.countries, ["KAZ", "AZE", "TJK"]);
        assert_eq!(kaz.country.as_deref(), Some("KAZ"));
        // Rows are receivers, columns senders: AZE received from KAZ, KAZ from TJK.
        assert_eq!(kaz.cells[1][0], MatrixCell::Both((1330.5f64 / 1000.5).ln()));
        assert_eq!(kaz.pairs[1][0], Some(0));
        assert_eq!(kaz.cells[0][2], MatrixCell::Both((400.5f64 / 1000.5).ln()));
        assert_eq!(kaz.pairs[0][2], Some(1));
        // TJK → AZE is not Kazakhstan's flow: left out; KAZ → TJK is not reported.
        assert_eq!(kaz.cells[1][2], MatrixCell::Elsewhere);
        assert_eq!(kaz.cells[2][0], MatrixCell::Neither);
        assert_eq!(kaz.pairs[1][2], None);
        assert_eq!(kaz.cells[2][2], MatrixCell::Diagonal);
        // No country: unchanged; a country the matrix does not hold: nothing to show.
        assert_eq!(all.clone().of_country(None), all);
        assert!(all.of_country(Some("UZB")).countries.is_empty());
    }

    #[test]
    fn the_bars_mark_the_country_under_review_when_it_has_one() {
        let report = report();
        let settings = MirrorSettings::default();
        let mut bars = UndercountData::build(
            &report,
            &settings,
            FlowDirection::Emigration,
            2015,
            false,
            Basis::Corrected,
        );
        let bar = |country: &str| UndercountBar {
            country: country.into(),
            ratio: 0.5,
            low: None,
            high: None,
            partners: 1,
        };
        bars.bars = vec![bar("AZE"), bar("KAZ")];
        let marked = bars.clone().of_country(Some("KAZ"));
        assert_eq!(marked.country.as_deref(), Some("KAZ"));
        assert!(marked.is_marked(&marked.bars[1]) && !marked.is_marked(&marked.bars[0]));
        assert_eq!(marked.bars, bars.bars, "every bar stays");
        assert_eq!(bars.clone().of_country(Some("UZB")).country, None);
        assert_eq!(bars.of_country(None).country, None);
    }

    #[test]
    fn the_basis_chooses_reported_or_corrected_figures_and_their_band() {
        let report = report();
        let settings = MirrorSettings::default();
        let corrected =
            ScatterData::build(&report, &settings, Some(2015), Sex::T, Basis::Corrected);
        let reported = ScatterData::build(&report, &settings, Some(2015), Sex::T, Basis::Reported);
        // Corrected: 1,330 × 0.73 = 970.9 against 1,000, within ±10 %: green.
        assert!((corrected.points[0].immigration - 970.9).abs() < 1e-9);
        assert_eq!(corrected.points[0].band, Band::Green);
        // Reported: 1.33, |ln 1.33| = 0.285 beyond 0.26, but its interval 1.224–1.445 reaches
        // |ln 1.224| = 0.202: light.
        assert_eq!(reported.points[0].immigration, 1330.0);
        assert_eq!(reported.points[0].band, Band::Light);
        assert!(corrected.corrected && reported.corrected);
        assert_eq!(Basis::Reported.ratio(&report.pairs[0]), Some(1.33));

        let matrix = MatrixData::build(&report, 2015, Sex::T, Basis::Reported);
        let cell = |m: &MatrixData| m.cells[0][1];
        assert_eq!(cell(&matrix), MatrixCell::Both((1330.5f64 / 1000.5).ln()));
        assert_eq!(matrix.pairs[0][1], Some(0));
        let matrix = MatrixData::build(&report, 2016, Sex::T, Basis::Corrected);
        assert!(!matrix.corrected, "nothing to correct in 2016");
        assert_eq!(matrix.pairs[0][1], Some(1));

        let series = PairSeries::build(&report, "KAZ", "AZE", Sex::T, Basis::Reported);
        assert_eq!(series.points.len(), 2);
        assert_eq!(
            super::super::plots::corrected_sides(&series),
            (false, false)
        );
        let series = PairSeries::from_report(&report, "KAZ", "AZE", Sex::T);
        assert_eq!(super::super::plots::corrected_sides(&series), (true, false));
    }
}
