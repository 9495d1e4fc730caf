//! The numbers of the sample: a small demographic model of each country, run for 2012–2021.
//!
//! Flows between the five countries are simulated once and read by both sides (the receiver's
//! Table 3 and the sender's Table 4); every other table is derived from them so that each
//! identity of the catalogue holds exactly: T = M + F, partners add up to the total, statuses add
//! up, 1.2 ↔ 1.1, 2.2 ↔ 2.1, 5.1 ↔ 3, 6.1 ↔ 4, 5.2 ↔ 5.1, 6.2 ↔ 6.1, 7.2 ↔ 7.1, and the
//! population and foreign-citizen balances. Year-to-year changes share one growth path with
//! Poisson-sized deviations, so that neither the robust z nor Hidiroglou–Berthelot flags a clean
//! series. The problems planted at this level (they keep every identity) are marked
//! `Variant::Main`.

use super::generate::{
    AGE_GROUPS, AGE_TABLE, MetaRow, REPORTERS, Row, Sample, SampleTable, Variant, YEARS, language,
};
use super::profiles::{MIRROR_FLOWS, PROFILES, Profile, Weight, planted};
use super::rng::{coin, draw};
use crate::model::TableId;
use crate::t;

/// Growth of every flow from the previous year (2013…2021): one path for all flows, with the
/// 2020 fall and 2021 recovery of the pandemic.
const FLOW_GROWTH: [f64; 9] = [1.02, 1.01, 1.03, 1.02, 1.02, 1.03, 1.02, 0.93, 1.06];
/// Size of the yearly deviations from the common growth, in units of √count (Poisson scale).
const DEVIATION_SCALE: f64 = 2.0;
/// The largest relative deviation of a unit from the common growth: small series stay smooth
/// enough for the robust z (|ln change − median| stays below 0.35 even in 2020).
const MAX_RELATIVE_DEVIATION: f64 = 0.08;
/// Units smaller than this (persons in the previous year) get random deviations; larger ones get
/// evenly spread ones.
const SPREAD_MIN_SIZE: f64 = 45.0;
/// Relative mirror measurement difference of one side of a flow of 200 persons or more.
const MIRROR_SIDE_SPREAD: f64 = 0.012;
/// Statistical adjustment of the population balance, as a share of the population.
const POPULATION_ADJUSTMENT: f64 = 0.0004;
/// Unexplained change of the non-citizen stock (their births, deaths, corrections), as a share.
const NONCITIZEN_ADJUSTMENT: f64 = 0.006;
/// Share of boys among live births.
const BOYS: f64 = 0.514;
/// Share of men among deaths.
const MEN_AMONG_DEATHS: f64 = 0.52;
/// Shares of the foreign-born of unknown place of birth (1.1) and of the population of unknown
/// citizenship (2.1).
const UNKNOWN_BIRTHPLACE: f64 = 0.0015;
const UNKNOWN_CITIZENSHIP: f64 = 0.0008;
/// Share of men among the foreign-born.
const FOREIGN_BORN_MEN: f64 = 0.45;
/// Age profile of immigrants (Table 3 of Kazakhstan), in the order of `AGE_GROUPS`.
const AGE_PROFILE: [f64; 17] = [
    0.060, 0.050, 0.045, 0.070, 0.120, 0.130, 0.110, 0.090, 0.070, 0.060, 0.050, 0.045, 0.035,
    0.025, 0.015, 0.010, 0.010,
];

/// Deviations of one year's growth for the units of a table, in units of √count.
///
/// Hidiroglou–Berthelot weighs a unit's change by √size, so a table's largest unit must sit on
/// the median change and the others must spread evenly around it. With `anchor` the largest unit
/// gets no deviation; the others get magnitudes 1/k, 1/k, 2/k, 2/k … 1 in order of size, and
/// signs chosen so that, taken in order of size, as many units go up as down (units whose
/// deviation is `fixed`, the flows between the five countries, count as they are). Then any size
/// threshold leaves the median where it was. Units below `SPREAD_MIN_SIZE` get random deviations.
fn spread_deviations(sizes: &[f64], fixed: &[Option<f64>], key: &str, anchor: bool) -> Vec<f64> {
    let mut deviations: Vec<f64> = (0..sizes.len())
        .map(|i| match fixed.get(i).copied().flatten() {
            Some(d) => d,
            None => draw(&format!("{key}/small/{i}")),
        })
        .collect();
    let mut large: Vec<usize> = (0..sizes.len())
        .filter(|&i| sizes[i] >= SPREAD_MIN_SIZE)
        .collect();
    large.sort_by(|&a, &b| sizes[b].total_cmp(&sizes[a]).then(a.cmp(&b)));
    let is_fixed = |i: usize| fixed.get(i).copied().flatten().is_some();
    if anchor && let Some(&first) = large.iter().find(|&&i| !is_fixed(i)) {
        deviations[first] = 0.0;
        large.retain(|&i| i != first);
    }
    let free = large.iter().filter(|&&i| !is_fixed(i)).count();
    let steps = free.div_ceil(2).max(1) as f64;
    let mut balance = 0i32;
    let mut rank = 0usize;
    for &unit in &large {
        if is_fixed(unit) {
            // (`f64::signum` of 0.0 is 1.0: a unit that does not move counts neither way.)
            let d = deviations[unit];
            balance += i32::from(d > 0.0) - i32::from(d < 0.0);
            continue;
        }
        let magnitude = (rank / 2 + 1) as f64 / steps;
        rank += 1;
        let up = match balance.signum() {
            1 => false,
            -1 => true,
            _ => coin(&format!("{key}/sign/{rank}")),
        };
        deviations[unit] = if up { magnitude } else { -magnitude };
        balance += if up { 1 } else { -1 };
    }
    deviations
}

/// The relative change a deviation stands for at a size.
fn relative(deviation: f64, size: f64) -> f64 {
    deviation * (DEVIATION_SCALE / size.max(1.0).sqrt()).min(MAX_RELATIVE_DEVIATION)
}

/// Whole counts that add up exactly to `total`, shared in proportion to `weights` (largest
/// remainder; ties go to the earlier unit).
pub(super) fn partition(total: i64, weights: &[f64]) -> Vec<i64> {
    let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let raw: Vec<f64> = weights
        .iter()
        .map(|w| total as f64 * w.max(0.0) / sum)
        .collect();
    let mut out: Vec<i64> = raw.iter().map(|r| r.floor() as i64).collect();
    let rest = total - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|&a, &b| {
        (raw[b] - raw[b].floor())
            .total_cmp(&(raw[a] - raw[a].floor()))
            .then(a.cmp(&b))
    });
    for &i in order.iter().cycle().take(rest.max(0) as usize) {
        out[i] += 1;
    }
    out
}

/// Shares of a breakdown that drift from year to year with Poisson-sized deviations.
struct Shares {
    weights: Vec<f64>,
    key: String,
}

impl Shares {
    fn new(weights: &[f64], key: String) -> Shares {
        Shares {
            weights: weights.to_vec(),
            key,
        }
    }

    /// Moves the shares to the next year, given the previous year's total (both sexes).
    fn step(&mut self, previous_total: f64, year: u16) {
        let sum: f64 = self.weights.iter().sum();
        let sizes: Vec<f64> = self
            .weights
            .iter()
            .map(|w| previous_total * w / sum)
            .collect();
        let deviations = spread_deviations(&sizes, &[], &format!("{}/{year}", self.key), true);
        for (i, w) in self.weights.iter_mut().enumerate() {
            *w *= 1.0 + relative(deviations[i], sizes[i]);
        }
    }
}

/// Counts by sex of the units of a breakdown over the years: `[unit][sex M/F][year]`.
type Counts = Vec<[[i64; 10]; 2]>;

/// Partitions a total by sex over the years with drifting shares.
fn partition_series(totals: &[[i64; 10]; 2], weights: &[f64], key: &str) -> Counts {
    let mut shares = Shares::new(weights, key.to_string());
    let mut counts: Counts = vec![[[0; 10]; 2]; weights.len()];
    for y in 0..YEARS.len() {
        if y > 0 {
            shares.step((totals[0][y - 1] + totals[1][y - 1]) as f64, YEARS[y]);
        }
        for s in 0..2 {
            for (unit, value) in partition(totals[s][y], &shares.weights)
                .into_iter()
                .enumerate()
            {
                counts[unit][s][y] = value;
            }
        }
    }
    counts
}

/// A by-country flow table (3 or 4) of one reporter: its units with counts by sex.
struct FlowTable {
    units: Vec<(&'static str, [[i64; 10]; 2])>,
}

impl FlowTable {
    fn totals(&self) -> [[i64; 10]; 2] {
        let mut totals = [[0; 10]; 2];
        for (_, counts) in &self.units {
            for s in 0..2 {
                for y in 0..YEARS.len() {
                    totals[s][y] += counts[s][y];
                }
            }
        }
        totals
    }
}

/// The deviation of a flow between two of the five countries in a year. Each flow sits in two
/// tables at once (the receiver's Table 3 and the sender's Table 4), so the deviations follow a
/// Latin square: the four flows into a country, and the four flows out of it, always take the four
/// values ±0.15, ±0.3 (in an order drawn for the year), within the spread of the other partners.
fn mirror_deviation(variant: Variant, from: &str, to: &str, year: u16) -> f64 {
    // A flow that is the largest partner of its receiver or its sender anchors that table.
    if largest_partner(variant, to, TableId::T3) == Some(from)
        || largest_partner(variant, from, TableId::T4) == Some(to)
    {
        return 0.0;
    }
    let (Some(i), Some(j)) = (
        REPORTERS.iter().position(|r| *r == from),
        REPORTERS.iter().position(|r| *r == to),
    ) else {
        return 0.0;
    };
    let mut values = [-0.3, -0.15, 0.15, 0.3];
    values.sort_by(|a, b| {
        draw(&format!("mirror/{year}/{a}")).total_cmp(&draw(&format!("mirror/{year}/{b}")))
    });
    let step = (j + REPORTERS.len() - i) % REPORTERS.len();
    values.get(step.wrapping_sub(1)).copied().unwrap_or(0.0)
}

/// The flow between two of the five countries as it happened, by sex (men, women), 2012–2021.
fn true_flow(variant: Variant, from: &str, to: &str) -> Option<[[f64; 10]; 2]> {
    let &(_, _, base, men) = MIRROR_FLOWS
        .iter()
        .find(|(f, t, _, _)| *f == from && *t == to)?;
    let mut total = [0.0; 10];
    total[0] = base;
    for y in 1..YEARS.len() {
        let deviation = mirror_deviation(variant, from, to, YEARS[y]);
        total[y] = total[y - 1] * FLOW_GROWTH[y - 1] * (1.0 + relative(deviation, total[y - 1]));
    }
    let mut out = [[0.0; 10]; 2];
    for y in 0..YEARS.len() {
        out[0][y] = total[y] * men;
        out[1][y] = total[y] * (1.0 - men);
    }
    Some(out)
}

/// How a reporter's flow figures relate to the flows as they happened (duration rule, coverage).
fn reporting_factor(variant: Variant, reporter: &str, table: TableId, year: u16) -> f64 {
    if variant == Variant::Clean {
        return 1.0;
    }
    let mut factor = 1.0;
    if reporter == "AZE" && year < planted::AZE_SHORT_RULE_UNTIL {
        factor *= planted::AZE_SHORT_RULE_EXCESS;
    }
    if reporter == "TJK" && table == TableId::T4 {
        factor *= planted::TJK_EMIGRATION_COVERAGE;
    }
    factor
}

/// The 2012 size of the partners of Table 3 or Table 4 that are not among the five.
fn other_partner_bases(variant: Variant, profile: &Profile, table: TableId) -> Vec<f64> {
    let partners = if table == TableId::T3 {
        profile.immigration
    } else {
        profile.emigration
    };
    partners
        .iter()
        .map(|&(code, base, _)| {
            if variant == Variant::Main && profile.code == "RUS" && table == TableId::T4 {
                if code == "UNK" {
                    return planted::RUS_UNKNOWN_DESTINATION;
                }
                return base * planted::RUS_KNOWN_DESTINATIONS;
            }
            base
        })
        .collect()
}

/// The largest partner of a reporter's Table 3 or Table 4 in 2012.
fn largest_partner(variant: Variant, reporter: &str, table: TableId) -> Option<&'static str> {
    let profile = PROFILES.iter().find(|p| p.code == reporter)?;
    let partners = if table == TableId::T3 {
        profile.immigration
    } else {
        profile.emigration
    };
    let others = partners
        .iter()
        .zip(other_partner_bases(variant, profile, table))
        .map(|(&(code, _, _), base)| (code, base));
    let five = MIRROR_FLOWS.iter().filter_map(|&(from, to, base, _)| {
        if table == TableId::T3 && to == reporter {
            Some((from, base))
        } else if table == TableId::T4 && from == reporter {
            Some((to, base))
        } else {
            None
        }
    });
    others
        .chain(five)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(code, _)| code)
}

/// A reporter's side of a flow between the five countries.
struct MirrorSide {
    partner: &'static str,
    /// The flow as it happened, by sex (men, women) and year.
    flow: [[f64; 10]; 2],
    /// This side's constant measurement difference (a factor near 1).
    side: f64,
    /// The flow's deviation from the common growth, per year.
    deviations: [f64; 10],
}

/// A reporter's Table 3 (immigration) or Table 4 (emigration).
fn flow_table(variant: Variant, profile: &Profile, table: TableId) -> FlowTable {
    let reporter = profile.code;
    let factor = |y: usize| reporting_factor(variant, reporter, table, YEARS[y]);
    // The other four countries: this side of the flows as they happened.
    let mut five: Vec<MirrorSide> = Vec::new();
    for partner in REPORTERS.iter().filter(|p| **p != reporter) {
        let (from, to) = if table == TableId::T3 {
            (*partner, reporter)
        } else {
            (reporter, *partner)
        };
        let Some(flow) = true_flow(variant, from, to) else {
            continue;
        };
        let base = flow[0][0] + flow[1][0];
        let side = if base >= 200.0 {
            1.0 + MIRROR_SIDE_SPREAD * draw(&format!("side/{reporter}/{table}/{partner}"))
        } else {
            1.0
        };
        let mut deviations = [0.0; 10];
        for (y, d) in deviations.iter_mut().enumerate().skip(1) {
            *d = mirror_deviation(variant, from, to, YEARS[y]);
        }
        five.push(MirrorSide {
            partner,
            flow,
            side,
            deviations,
        });
    }
    // Other partners: the common growth with evenly spread deviations, plus planted shifts.
    let partners = if table == TableId::T3 {
        profile.immigration
    } else {
        profile.emigration
    };
    let bases = other_partner_bases(variant, profile, table);
    let anchor =
        largest_partner(variant, reporter, table).is_some_and(|code| !REPORTERS.contains(&code));
    let mut series: Vec<[f64; 10]> = bases.iter().map(|b| [*b; 10]).collect();
    for y in 1..YEARS.len() {
        let mut sizes: Vec<f64> = series.iter().map(|s| s[y - 1] * factor(y - 1)).collect();
        let mut fixed: Vec<Option<f64>> = vec![None; series.len()];
        for m in &five {
            sizes.push((m.flow[0][y - 1] + m.flow[1][y - 1]) * m.side * factor(y - 1));
            fixed.push(Some(m.deviations[y]));
        }
        let key = format!("flow/{reporter}/{table}/{}", YEARS[y]);
        let deviations = spread_deviations(&sizes, &fixed, &key, anchor);
        for (i, s) in series.iter_mut().enumerate() {
            let mut value =
                s[y - 1] * FLOW_GROWTH[y - 1] * (1.0 + relative(deviations[i], s[y - 1]));
            if variant == Variant::Main
                && reporter == "RUS"
                && table == TableId::T3
                && partners[i].0 == "UKR"
                && YEARS[y] == planted::RUS_UKR_JUMP_YEAR
            {
                value *= planted::RUS_UKR_JUMP;
            }
            s[y] = value;
        }
    }
    let mut units: Vec<(&'static str, [[i64; 10]; 2])> = Vec::new();
    for m in &five {
        let mut counts = [[0; 10]; 2];
        for (by_year, flow) in counts.iter_mut().zip(&m.flow) {
            for (y, count) in by_year.iter_mut().enumerate() {
                *count = (flow[y] * m.side * factor(y)).round() as i64;
            }
        }
        units.push((m.partner, counts));
    }
    for (i, &(code, _, men)) in partners.iter().enumerate() {
        let mut counts = [[0; 10]; 2];
        for y in 0..YEARS.len() {
            let value = series[i][y] * factor(y);
            counts[0][y] = (value * men).round() as i64;
            counts[1][y] = (value * (1.0 - men)).round() as i64;
        }
        units.push((code, counts));
    }
    FlowTable { units }
}

/// Splits counts by sex into the age groups of `AGE_PROFILE`: `[age][sex][year]`.
fn by_age(counts: &[[i64; 10]; 2]) -> Vec<[[i64; 10]; 2]> {
    let mut out = vec![[[0; 10]; 2]; AGE_GROUPS.len()];
    for s in 0..2 {
        for y in 0..YEARS.len() {
            for (a, value) in partition(counts[s][y], &AGE_PROFILE)
                .into_iter()
                .enumerate()
            {
                out[a][s][y] = value;
            }
        }
    }
    out
}

fn push(table: &mut SampleTable, category: &str, age: &str, counts: &[[i64; 10]; 2]) {
    table
        .rows
        .push(Row::from_counts(category, age, &counts[0], &counts[1]));
}

/// A by-country flow table as rows. Where the sample has an age breakdown, it is given for the
/// total of all partners (as many offices send it), in the rows after the total.
fn flow_rows(reporter: &'static str, table: TableId, flows: &FlowTable) -> SampleTable {
    let mut out = SampleTable::new(reporter, table);
    let totals = flows.totals();
    push(&mut out, "TOTAL", "TOTAL", &totals);
    if (reporter, table) == AGE_TABLE {
        for (age, counts) in AGE_GROUPS.iter().zip(by_age(&totals)) {
            push(&mut out, "TOTAL", age, &counts);
        }
    }
    for (code, counts) in &flows.units {
        push(&mut out, code, "TOTAL", counts);
    }
    out
}

/// Rounds a share of counts by sex.
fn share_of(counts: &[[i64; 10]; 2], share: f64) -> [[i64; 10]; 2] {
    let mut out = [[0; 10]; 2];
    for s in 0..2 {
        for y in 0..YEARS.len() {
            out[s][y] = (counts[s][y] as f64 * share).round() as i64;
        }
    }
    out
}

fn minus(a: &[[i64; 10]; 2], b: &[[i64; 10]; 2]) -> [[i64; 10]; 2] {
    let mut out = *a;
    for s in 0..2 {
        for y in 0..YEARS.len() {
            out[s][y] -= b[s][y];
        }
    }
    out
}

/// A by-country breakdown of a total (tables 1.2, 2.2, 5.2, 6.2, 7.2) as rows.
fn breakdown_rows(
    reporter: &'static str,
    table: TableId,
    total: &[[i64; 10]; 2],
    units: &[&'static str],
    counts: &Counts,
) -> SampleTable {
    let mut out = SampleTable::new(reporter, table);
    push(&mut out, "TOTAL", "TOTAL", total);
    for (code, unit) in units.iter().zip(counts) {
        push(&mut out, code, "TOTAL", unit);
    }
    out
}

/// A status table (1.1, 2.1, 5.1, 6.1, 7.1) as rows.
fn status_rows(
    reporter: &'static str,
    table: TableId,
    rows: &[(&str, [[i64; 10]; 2])],
) -> SampleTable {
    let mut out = SampleTable::new(reporter, table);
    for (code, counts) in rows {
        push(&mut out, code, "TOTAL", counts);
    }
    out
}

fn weights(list: &[Weight], variant: Variant, reporter: &str, table: TableId) -> Vec<f64> {
    list.iter()
        .map(|&(code, weight)| {
            if variant == Variant::Main
                && reporter == "AZE"
                && table == TableId::T2_2
                && code == "OTHER"
            {
                return planted::AZE_OTHER_CITIZENSHIPS;
            }
            weight
        })
        .collect()
}

fn codes(list: &[Weight]) -> Vec<&'static str> {
    list.iter().map(|(code, _)| *code).collect()
}

/// Counts by sex and year: `[sex M/F][year]`.
type Series = [[i64; 10]; 2];

/// A flow of one reporter (Table 3 or 4) split by citizenship status (5.1 or 6.1), with the
/// citizenships of its non-citizens (5.2 or 6.2).
struct FlowStatus {
    table: FlowTable,
    total: Series,
    citizens: Series,
    noncitizens: Series,
    unknown: Series,
    by_citizenship: Counts,
}

impl FlowStatus {
    /// Splits a flow table by the reporter's shares of non-citizens and of unknown citizenship
    /// and partitions its non-citizens by `citizens_of` (table `breakdown`, drawn under `key`).
    fn new(
        variant: Variant,
        reporter: &'static str,
        table: FlowTable,
        [noncitizen_share, unknown_share]: [f64; 2],
        citizens_of: &[Weight],
        breakdown: TableId,
        key: &str,
    ) -> FlowStatus {
        let total = table.totals();
        let noncitizens = share_of(&total, noncitizen_share);
        let unknown = share_of(&total, unknown_share);
        let citizens = minus(&minus(&total, &noncitizens), &unknown);
        let by_citizenship = partition_series(
            &noncitizens,
            &weights(citizens_of, variant, reporter, breakdown),
            key,
        );
        FlowStatus {
            table,
            total,
            citizens,
            noncitizens,
            unknown,
            by_citizenship,
        }
    }
}

/// The immigration (3, 5.1, 5.2) and emigration (4, 6.1, 6.2) of one reporter.
fn migration(variant: Variant, profile: &Profile) -> [FlowStatus; 2] {
    let reporter = profile.code;
    let immigration = FlowStatus::new(
        variant,
        reporter,
        flow_table(variant, profile, TableId::T3),
        [profile.immigrant_noncitizens, profile.immigrant_unknown],
        profile.immigrants_citizens_of,
        TableId::T5_2,
        &format!("share/{reporter}/5.2"),
    );
    let emigration = FlowStatus::new(
        variant,
        reporter,
        flow_table(variant, profile, TableId::T4),
        [profile.emigrant_noncitizens, profile.emigrant_unknown],
        profile.emigrants_citizens_of,
        TableId::T6_2,
        &format!("share/{reporter}/6.2"),
    );
    [immigration, emigration]
}

/// The drifting shares of the breakdowns of the stocks and acquisitions: 7.2, 2.2 and 1.2.
struct StockShares {
    acquired: Shares,
    stock: Shares,
    birth: Shares,
}

impl StockShares {
    fn new(variant: Variant, profile: &Profile) -> StockShares {
        let reporter = profile.code;
        StockShares {
            acquired: Shares::new(
                &weights(profile.acquired_from, variant, reporter, TableId::T7_2),
                format!("share/{reporter}/7.2"),
            ),
            stock: Shares::new(
                &weights(profile.citizens_of, variant, reporter, TableId::T2_2),
                format!("share/{reporter}/2.2"),
            ),
            birth: Shares::new(
                &weights(profile.born_in, variant, reporter, TableId::T1_2),
                format!("share/{reporter}/1.2"),
            ),
        }
    }

    /// Moves the shares to year `y` (from 1), given the stocks of the year before.
    fn step(&mut self, stocks: &Stocks, y: usize) {
        let total = |c: &Series| (c[0][y - 1] + c[1][y - 1]) as f64;
        self.acquired.step(total(&stocks.acquisitions), YEARS[y]);
        self.stock.step(total(&stocks.noncitizens), YEARS[y]);
        self.birth.step(total(&stocks.foreign_born), YEARS[y]);
    }
}

/// The stocks on 1 January (population, non-citizens, foreign-born) and the year's births,
/// deaths and acquisitions of citizenship of one reporter, with the breakdowns of
/// acquisitions (7.2), non-citizens (2.2) and the foreign-born (1.2).
struct Stocks {
    population: Series,
    noncitizens: Series,
    foreign_born: Series,
    births: Series,
    deaths: Series,
    acquisitions: Series,
    acquired_by: Counts,
    stock_by: Counts,
    born_by: Counts,
}

impl Stocks {
    /// The stocks of the first year, split by sex; nothing else counted yet.
    fn start(variant: Variant, profile: &Profile) -> Stocks {
        let start_noncitizens = if variant == Variant::Main && profile.code == "KGZ" {
            planted::KGZ_NONCITIZENS
        } else {
            profile.noncitizens
        };
        let mut stocks = Stocks {
            population: [[0; 10]; 2],
            noncitizens: [[0; 10]; 2],
            foreign_born: [[0; 10]; 2],
            births: [[0; 10]; 2],
            deaths: [[0; 10]; 2],
            acquisitions: [[0; 10]; 2],
            acquired_by: vec![[[0; 10]; 2]; profile.acquired_from.len()],
            stock_by: vec![[[0; 10]; 2]; profile.citizens_of.len()],
            born_by: vec![[[0; 10]; 2]; profile.born_in.len()],
        };
        for s in 0..2 {
            let pick = |share: f64| if s == 0 { share } else { 1.0 - share };
            stocks.population[s][0] =
                (profile.population * pick(profile.male_share)).round() as i64;
            stocks.noncitizens[s][0] =
                (start_noncitizens * pick(profile.noncitizen_men)).round() as i64;
            stocks.foreign_born[s][0] =
                (profile.foreign_born * pick(FOREIGN_BORN_MEN)).round() as i64;
        }
        stocks
    }

    /// Births and deaths of year `y`, from the population on 1 January.
    fn vital_events(&mut self, profile: &Profile, y: usize) {
        let t = y as i32;
        let birth_rate = profile.birth_rate * profile.birth_trend.powi(t);
        let covid = match YEARS[y] {
            2020 => profile.covid[0],
            2021 => profile.covid[1],
            _ => 1.0,
        };
        let death_rate = profile.death_rate * profile.death_trend.powi(t) * covid;
        let population = (self.population[0][y] + self.population[1][y]) as f64;
        let all_births = (population * birth_rate).round() as i64;
        self.births[0][y] = (all_births as f64 * BOYS).round() as i64;
        self.births[1][y] = all_births - self.births[0][y];
        let all_deaths = (population * death_rate).round() as i64;
        self.deaths[0][y] = (all_deaths as f64 * MEN_AMONG_DEATHS).round() as i64;
        self.deaths[1][y] = all_deaths - self.deaths[0][y];
    }

    /// Acquisitions of year `y` at `rate` per non-citizen, and the breakdowns of that year.
    fn break_down(&mut self, rate: f64, shares: &StockShares, y: usize) {
        for s in 0..2 {
            self.acquisitions[s][y] = (self.noncitizens[s][y] as f64 * rate).round() as i64;
            let parts = [
                (
                    &mut self.acquired_by,
                    self.acquisitions[s][y],
                    &shares.acquired,
                ),
                (&mut self.stock_by, self.noncitizens[s][y], &shares.stock),
                (&mut self.born_by, self.foreign_born[s][y], &shares.birth),
            ];
            for (counts, total, shares) in parts {
                for (unit, value) in partition(total, &shares.weights).into_iter().enumerate() {
                    counts[unit][s][y] = value;
                }
            }
        }
    }

    /// The stocks on 1 January of year `y + 1`: the balance of year `y` with its statistical
    /// adjustments.
    fn advance(&mut self, variant: Variant, profile: &Profile, flows: &[FlowStatus; 2], y: usize) {
        let reporter = profile.code;
        let year = YEARS[y];
        let [immigration, emigration] = flows;
        for s in 0..2 {
            let key = format!("{reporter}/{s}/{year}");
            let adjustment = (self.population[s][y] as f64
                * POPULATION_ADJUSTMENT
                * draw(&format!("pop/{key}")))
            .round() as i64;
            self.population[s][y + 1] = self.population[s][y] + self.births[s][y]
                - self.deaths[s][y]
                + immigration.total[s][y]
                - emigration.total[s][y]
                + adjustment;
            let mut change = (self.noncitizens[s][y] as f64
                * NONCITIZEN_ADJUSTMENT
                * draw(&format!("noncit/{key}")))
            .round() as i64;
            if variant == Variant::Main
                && reporter == "AZE"
                && year == planted::AZE_REGULARISATION_YEAR
            {
                change += (self.noncitizens[s][y] as f64 * planted::AZE_REGULARISATION_SHARE)
                    .round() as i64;
            }
            self.noncitizens[s][y + 1] = self.noncitizens[s][y] + immigration.noncitizens[s][y]
                - emigration.noncitizens[s][y]
                - self.acquisitions[s][y]
                + change;
            self.foreign_born[s][y + 1] = (self.foreign_born[s][y] as f64
                * profile.foreign_born_trend
                * (1.0 + 0.002 * draw(&format!("fb/{key}"))))
            .round() as i64;
        }
    }
}

/// Acquisitions of citizenship per non-citizen resident in `year`.
fn acquisition_rate(variant: Variant, profile: &Profile, year: u16) -> f64 {
    if variant == Variant::Main && profile.code == "KGZ" {
        if year == YEARS[YEARS.len() - 1] {
            planted::KGZ_ACQUISITION_RATE_LAST
        } else {
            planted::KGZ_ACQUISITION_RATE
        }
    } else {
        profile.acquisition_rate
    }
}

/// Runs the stocks and vital events of one reporter year by year.
fn stocks(variant: Variant, profile: &Profile, flows: &[FlowStatus; 2]) -> Stocks {
    let mut stocks = Stocks::start(variant, profile);
    let mut shares = StockShares::new(variant, profile);
    for (y, &year) in YEARS.iter().enumerate() {
        if y > 0 {
            shares.step(&stocks, y);
        }
        stocks.vital_events(profile, y);
        stocks.break_down(acquisition_rate(variant, profile, year), &shares, y);
        if y + 1 < YEARS.len() {
            stocks.advance(variant, profile, flows, y);
        }
    }
    stocks
}

/// The counts of the category `code` of a breakdown, or zero when it has none.
fn unit_of(list: &[Weight], counts: &Counts, code: &str) -> Series {
    list.iter()
        .position(|(c, _)| *c == code)
        .map(|i| counts[i])
        .unwrap_or([[0; 10]; 2])
}

/// Tables 1.1, 1.2, 2.1 and 2.2: the population by place of birth and by citizenship.
fn stock_tables(profile: &Profile, stocks: &Stocks) -> [SampleTable; 4] {
    let reporter = profile.code;
    let population = stocks.population;
    let stateless = unit_of(profile.citizens_of, &stocks.stock_by, "STATELESS");
    let unknown_birthplace = share_of(&population, UNKNOWN_BIRTHPLACE);
    let unknown_citizenship = share_of(&population, UNKNOWN_CITIZENSHIP);
    let native = minus(
        &minus(&population, &stocks.foreign_born),
        &unknown_birthplace,
    );
    let citizens = minus(
        &minus(&population, &stocks.noncitizens),
        &unknown_citizenship,
    );
    [
        status_rows(
            reporter,
            TableId::T1_1,
            &[
                ("TOTAL", population),
                ("NATIVE", native),
                ("FOREIGN_BORN", stocks.foreign_born),
                ("UNKNOWN", unknown_birthplace),
            ],
        ),
        breakdown_rows(
            reporter,
            TableId::T1_2,
            &stocks.foreign_born,
            &codes(profile.born_in),
            &stocks.born_by,
        ),
        status_rows(
            reporter,
            TableId::T2_1,
            &[
                ("TOTAL", population),
                ("CITIZENS", citizens),
                ("NON_CITIZENS", stocks.noncitizens),
                ("FOREIGN", minus(&stocks.noncitizens, &stateless)),
                ("STATELESS", stateless),
                ("UNKNOWN", unknown_citizenship),
            ],
        ),
        breakdown_rows(
            reporter,
            TableId::T2_2,
            &stocks.noncitizens,
            &codes(profile.citizens_of),
            &stocks.stock_by,
        ),
    ]
}

/// A flow's tables: by country (3 or 4), by citizenship status (5.1 or 6.1) and the
/// citizenships of its non-citizens (5.2 or 6.2).
fn flow_tables(
    reporter: &'static str,
    [by_country, by_status, by_citizenship]: [TableId; 3],
    flow: &FlowStatus,
    citizens_of: &[Weight],
) -> [SampleTable; 3] {
    [
        flow_rows(reporter, by_country, &flow.table),
        status_rows(
            reporter,
            by_status,
            &[
                ("TOTAL", flow.total),
                ("CITIZENS", flow.citizens),
                ("NON_CITIZENS", flow.noncitizens),
                ("UNKNOWN", flow.unknown),
            ],
        ),
        breakdown_rows(
            reporter,
            by_citizenship,
            &flow.noncitizens,
            &codes(citizens_of),
            &flow.by_citizenship,
        ),
    ]
}

/// Tables 7.1 and 7.2 (acquisitions of citizenship) and the population, births and deaths.
fn acquisition_and_vital_tables(profile: &Profile, stocks: &Stocks) -> [SampleTable; 5] {
    let reporter = profile.code;
    let acquisitions = stocks.acquisitions;
    let stateless = unit_of(profile.acquired_from, &stocks.acquired_by, "STATELESS");
    [
        status_rows(
            reporter,
            TableId::T7_1,
            &[
                ("TOTAL", acquisitions),
                ("FOREIGN", minus(&acquisitions, &stateless)),
                ("STATELESS", stateless),
            ],
        ),
        breakdown_rows(
            reporter,
            TableId::T7_2,
            &acquisitions,
            &codes(profile.acquired_from),
            &stocks.acquired_by,
        ),
        status_rows(reporter, TableId::Pop, &[("TOTAL", stocks.population)]),
        status_rows(reporter, TableId::Births, &[("TOTAL", stocks.births)]),
        status_rows(reporter, TableId::Deaths, &[("TOTAL", stocks.deaths)]),
    ]
}

/// Runs the model of one country and returns its fifteen tables.
fn country(variant: Variant, profile: &Profile) -> Vec<SampleTable> {
    let flows = migration(variant, profile);
    let stocks = stocks(variant, profile, &flows);
    let [immigration, emigration] = &flows;
    let [stocks_by_birth, born_in, stocks_by_citizenship, citizens_of] =
        stock_tables(profile, &stocks);
    let [t3, t5_1, t5_2] = flow_tables(
        profile.code,
        [TableId::T3, TableId::T5_1, TableId::T5_2],
        immigration,
        profile.immigrants_citizens_of,
    );
    let [t4, t6_1, t6_2] = flow_tables(
        profile.code,
        [TableId::T4, TableId::T6_1, TableId::T6_2],
        emigration,
        profile.emigrants_citizens_of,
    );
    let mut tables = vec![
        stocks_by_birth,
        born_in,
        stocks_by_citizenship,
        citizens_of,
        t3,
        t4,
        t5_1,
        t5_2,
        t6_1,
        t6_2,
    ];
    tables.extend(acquisition_and_vital_tables(profile, &stocks));
    tables
}

/// The sources and duration rules of a reporter's tables (its `Metadata` sheet).
fn metadata(variant: Variant, profile: &Profile) -> Vec<MetaRow> {
    let lang = language(profile.code);
    let census = profile.census;
    let census = census.to_string();
    let estimates = t!(lang, "sample-source-estimates", census = &census);
    let with_register = t!(lang, "sample-source-estimates-register", census = &census);
    let foreigners = t!(lang, "sample-source-foreigners").to_string();
    let register = t!(lang, "sample-source-register").to_string();
    let citizenship = t!(lang, "sample-source-citizenship").to_string();
    let civil = t!(lang, "sample-source-civil").to_string();
    let mut rows = Vec::new();
    for table in TableId::ALL {
        let source = match table {
            TableId::T1_1 | TableId::T1_2 | TableId::Pop => estimates.clone(),
            TableId::T2_1 => with_register.clone(),
            TableId::T2_2 => foreigners.clone(),
            TableId::T3
            | TableId::T4
            | TableId::T5_1
            | TableId::T5_2
            | TableId::T6_1
            | TableId::T6_2 => register.clone(),
            TableId::T7_1 | TableId::T7_2 => citizenship.clone(),
            TableId::Births | TableId::Deaths => civil.clone(),
        };
        let duration = match table {
            TableId::Pop | TableId::Births | TableId::Deaths => None,
            _ => Some(12),
        };
        let short_rule = variant == Variant::Main
            && profile.code == "AZE"
            && matches!(
                table,
                TableId::T3
                    | TableId::T4
                    | TableId::T5_1
                    | TableId::T5_2
                    | TableId::T6_1
                    | TableId::T6_2
            );
        if short_rule {
            for year in YEARS {
                let months = if year < planted::AZE_SHORT_RULE_UNTIL {
                    planted::AZE_SHORT_RULE_MONTHS
                } else {
                    12
                };
                rows.push(MetaRow {
                    table,
                    year: Some(year),
                    source: source.clone(),
                    duration: Some(months),
                });
            }
        } else {
            rows.push(MetaRow {
                table,
                year: None,
                source,
                duration,
            });
        }
    }
    rows
}

/// Runs the model for every country.
pub(super) fn simulate(variant: Variant) -> Sample {
    let mut tables = Vec::new();
    let mut meta = Vec::new();
    for profile in &PROFILES {
        tables.extend(country(variant, profile));
        meta.push(metadata(variant, profile));
    }
    Sample {
        variant,
        tables,
        metadata: meta,
        planted: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_add_up_and_follow_the_weights() {
        assert_eq!(partition(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
        assert_eq!(partition(7, &[0.5, 0.25, 0.25]), vec![3, 2, 2]);
        assert_eq!(partition(0, &[1.0, 2.0]), vec![0, 0]);
        let parts = partition(123_457, &[0.3, 0.2, 0.17, 0.33]);
        assert_eq!(parts.iter().sum::<i64>(), 123_457);
        assert_eq!(parts, vec![37_037, 24_691, 20_988, 40_741]);
    }

    #[test]
    fn deviations_are_spread_evenly_around_the_largest_unit() {
        let sizes = [10_000.0, 5_000.0, 800.0, 300.0, 120.0, 60.0, 20.0];
        let deviations = spread_deviations(&sizes, &[], "test", true);
        let magnitudes: Vec<f64> = deviations[..6].iter().map(|d| d.abs()).collect();
        let third = 1.0 / 3.0;
        assert_eq!(
            magnitudes,
            vec![0.0, third, third, 2.0 * third, 2.0 * third, 1.0]
        );
        // Units of the same step move in opposite directions.
        assert_eq!(deviations[1], -deviations[2]);
        assert_eq!(deviations[3], -deviations[4]);
        assert!((-1.0..1.0).contains(&deviations[6]));
        let unanchored = spread_deviations(&sizes, &[], "test", false);
        let magnitudes: Vec<f64> = unanchored[..6].iter().map(|d| d.abs()).collect();
        assert_eq!(
            magnitudes,
            vec![third, third, 2.0 * third, 2.0 * third, 1.0, 1.0]
        );
        // A unit going up by itself (a flow between the five) is balanced by the next one down.
        let fixed = [None, Some(0.3), None, None, None, None, None];
        let balanced = spread_deviations(&sizes, &fixed, "test", true);
        assert_eq!(balanced[0], 0.0);
        assert_eq!(balanced[1], 0.3);
        assert!(balanced[2] < 0.0, "{balanced:?}");
        let ups = balanced[..6].iter().filter(|d| **d > 0.0).count();
        let downs = balanced[..6].iter().filter(|d| **d < 0.0).count();
        assert!(ups.abs_diff(downs) <= 1, "{balanced:?}");
    }
}
