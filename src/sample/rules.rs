//! The rules of the check catalogue exactly as `docs/checks.md` and the shared check semantics
//! state them, evaluated directly on a sample data set. The clean variant must pass every rule
//! and the main variant must fail exactly where `planted_issues.csv` says, under each reading of
//! the details the semantics leave open (which partners Hidiroglou–Berthelot counts, how
//! quartiles are taken, whether M2 compares corrected flows).

use super::PlantedIssue;
use super::generate::YEARS;
use crate::checks::CheckCode;
use crate::model::{Breakdown, CategoryKind, Dataset, Missing, Sex, Sym, TableId, category_kind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A case that failed or could not be decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub code: CheckCode,
    pub table: TableId,
    pub reporter: String,
    pub year: Option<u16>,
    pub sex: Option<Sex>,
    pub age: Option<String>,
    pub category: Option<String>,
    pub not_evaluable: bool,
    pub detail: String,
}

/// How quartiles are taken for Hidiroglou–Berthelot.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Quartiles {
    /// Linear interpolation between order statistics (R type 7, numpy's default).
    Linear,
    /// The (n + 1)p-th order statistic, interpolated (R type 6, Minitab, SPSS).
    Weibull,
    /// The smallest value with at least p of the values at or below it (R type 1).
    NearestRank,
}

/// A reading of the details the semantics leave open.
#[derive(Copy, Clone, Debug)]
pub struct Reading {
    /// Hidiroglou–Berthelot counts a partner when both years are ≥ 50 (else when either is).
    pub hb_both_years: bool,
    pub quartiles: Quartiles,
    /// M2 compares duration-corrected flows (else the flows as reported).
    pub m2_corrected: bool,
}

impl Reading {
    pub fn all() -> Vec<Reading> {
        let mut out = Vec::new();
        for hb_both_years in [true, false] {
            for quartiles in [
                Quartiles::Linear,
                Quartiles::Weibull,
                Quartiles::NearestRank,
            ] {
                for m2_corrected in [true, false] {
                    out.push(Reading {
                        hb_both_years,
                        quartiles,
                        m2_corrected,
                    });
                }
            }
        }
        out
    }
}

/// Thresholds of check_semantics.md (the defaults of the settings).
const U1_WARNING: f64 = 0.05;
const U2_INFO: f64 = 0.10;
const D1_SHARE: f64 = 0.005;
const D2_SHARE: f64 = 0.05;
const D3_MAX: f64 = 0.20;
const T1_MIN_COUNT: f64 = 50.0;
const T1_MIN_SCALE: f64 = 0.1;
const T1_Z: f64 = 3.5;
const T1_MIN_RATIOS: usize = 4;
const HB_U: f64 = 0.5;
const HB_A: f64 = 0.05;
const HB_C: f64 = 7.0;
const HB_MIN_UNITS: usize = 5;
const M1_MIN_PERSONS: f64 = 20.0;
const M1_GREEN: f64 = 0.1;
const M2_LOW: f64 = 0.7;
const M2_HIGH: f64 = 1.43;
/// IMEM duration correction factors (domain.md §3.3), linear in between.
const IMEM: [(f64, f64); 5] = [
    (0.0, 0.53),
    (3.0, 0.63),
    (6.0, 0.73),
    (12.0, 1.0),
    (60.0, 2.26),
];

fn correction(months: Option<u8>) -> f64 {
    let Some(m) = months else { return 1.0 };
    let m = f64::from(m);
    for pair in IMEM.windows(2) {
        let ((m0, f0), (m1, f1)) = (pair[0], pair[1]);
        if m <= m1 {
            return f0 + (f1 - f0) * (m - m0).max(0.0) / (m1 - m0);
        }
    }
    IMEM[IMEM.len() - 1].1
}

/// A value as the rules see it.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Val {
    Absent,
    Missing,
    Number(f64),
}

impl Val {
    fn number(self) -> Option<f64> {
        match self {
            Val::Number(n) => Some(n),
            _ => None,
        }
    }

    fn present(self) -> bool {
        self != Val::Absent
    }
}

/// The outcome of a sum or comparison.
enum Case {
    None,
    Pass,
    Fail(String),
    NotEvaluable,
}

fn sum_case(total: Val, parts: &[Val]) -> Case {
    if !total.present() || !parts.iter().any(|p| p.present()) {
        return Case::None;
    }
    let mut sum = 0.0;
    for part in parts {
        match part {
            Val::Absent => {}
            Val::Missing => return Case::NotEvaluable,
            Val::Number(n) => sum += n,
        }
    }
    match total {
        Val::Number(t) if (t - sum).abs() > 1e-9 => Case::Fail(format!("total {t} ≠ parts {sum}")),
        Val::Number(_) => Case::Pass,
        _ => Case::NotEvaluable,
    }
}

type Key = (TableId, Sym, u16, Sex, Sym, Sym);
type Group = (TableId, Sym, u16, Sex, Sym);
/// The partners of one table, reporter, sex and age in one year (Hidiroglou–Berthelot).
type YearGroup = (TableId, Sym, Sex, Sym, u16);

struct Index<'a> {
    ds: &'a Dataset,
    by_key: BTreeMap<Key, Vec<usize>>,
    /// Categories of each (table, reporter, year, sex, age).
    groups: BTreeMap<Group, BTreeSet<Sym>>,
    /// Ages of each (table, reporter, year, sex, category).
    ages: BTreeMap<Group, BTreeSet<Sym>>,
    total: Sym,
}

impl<'a> Index<'a> {
    fn new(ds: &'a Dataset) -> Index<'a> {
        let mut by_key: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
        let mut groups: BTreeMap<Group, BTreeSet<Sym>> = BTreeMap::new();
        let mut ages: BTreeMap<Group, BTreeSet<Sym>> = BTreeMap::new();
        for (i, o) in ds.obs().iter().enumerate() {
            by_key
                .entry((o.table, o.reporter, o.year, o.sex, o.age, o.category))
                .or_default()
                .push(i);
            groups
                .entry((o.table, o.reporter, o.year, o.sex, o.age))
                .or_default()
                .insert(o.category);
            ages.entry((o.table, o.reporter, o.year, o.sex, o.category))
                .or_default()
                .insert(o.age);
        }
        Index {
            ds,
            by_key,
            groups,
            ages,
            total: ds.sym("TOTAL").unwrap_or(Sym(u32::MAX)),
        }
    }

    fn s(&self, sym: Sym) -> &str {
        self.ds.str(sym)
    }

    fn sym(&self, text: &str) -> Sym {
        self.ds.sym(text).unwrap_or(Sym(u32::MAX))
    }

    /// The value of a key: duplicates add up; missing when any of them is.
    fn val(&self, key: Key) -> Val {
        let Some(list) = self.by_key.get(&key) else {
            return Val::Absent;
        };
        let mut sum = 0.0;
        for &i in list {
            match self.ds.obs()[i].number() {
                Some(n) => sum += n,
                None => return Val::Missing,
            }
        }
        Val::Number(sum)
    }

    fn cat(
        &self,
        table: TableId,
        reporter: Sym,
        year: u16,
        sex: Sex,
        age: Sym,
        category: &str,
    ) -> Val {
        self.val((table, reporter, year, sex, age, self.sym(category)))
    }

    /// The total of a by-country table: its TOTAL row when present, else the sum of its parts.
    fn by_country_total(
        &self,
        table: TableId,
        reporter: Sym,
        year: u16,
        sex: Sex,
        age: Sym,
    ) -> Val {
        let total = self.val((table, reporter, year, sex, age, self.total));
        if total.present() {
            return total;
        }
        let Some(categories) = self.groups.get(&(table, reporter, year, sex, age)) else {
            return Val::Absent;
        };
        let parts: Vec<Val> = categories
            .iter()
            .filter(|c| is_part(self.s(**c)))
            .map(|c| self.val((table, reporter, year, sex, age, *c)))
            .collect();
        match sum_case(Val::Number(0.0), &parts) {
            Case::None => Val::Absent,
            Case::NotEvaluable => Val::Missing,
            _ => Val::Number(parts.iter().filter_map(|p| p.number()).sum()),
        }
    }
}

fn is_part(code: &str) -> bool {
    let kind = category_kind(code);
    kind.is_part_of_partner_total() || kind == CategoryKind::Unplaced
}

const BY_COUNTRY: [TableId; 7] = [
    TableId::T1_2,
    TableId::T2_2,
    TableId::T3,
    TableId::T4,
    TableId::T5_2,
    TableId::T6_2,
    TableId::T7_2,
];

struct Hits(Vec<Hit>);

impl Hits {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        code: CheckCode,
        table: TableId,
        reporter: &str,
        year: Option<u16>,
        sex: Option<Sex>,
        age: Option<&str>,
        category: Option<&str>,
        case: Case,
    ) {
        let (not_evaluable, detail) = match case {
            Case::Fail(detail) => (false, detail),
            Case::NotEvaluable => (true, "not evaluable".to_string()),
            Case::None | Case::Pass => return,
        };
        self.0.push(Hit {
            code,
            table,
            reporter: reporter.to_string(),
            year,
            sex,
            age: age.map(str::to_string),
            category: category.map(str::to_string),
            not_evaluable,
            detail,
        });
    }
}

fn fail(detail: String) -> Case {
    Case::Fail(detail)
}

fn compare(left: Val, right: Val) -> Case {
    match (left, right) {
        (Val::Absent, _) | (_, Val::Absent) => Case::None,
        (Val::Number(a), Val::Number(b)) if (a - b).abs() > 1e-9 => fail(format!("{a} ≠ {b}")),
        (Val::Number(_), Val::Number(_)) => Case::Pass,
        _ => Case::NotEvaluable,
    }
}

/// Evaluates every rule and returns the failed and undecided cases.
pub fn evaluate(ds: &Dataset, reading: Reading) -> Vec<Hit> {
    let index = Index::new(ds);
    let mut hits = Hits(Vec::new());
    structure(&index, &mut hits);
    sums(&index, &mut hits);
    coherence(&index, &mut hits);
    plausibility(&index, &mut hits);
    balances(&index, &mut hits);
    series(&index, &mut hits, reading);
    mirror(&index, &mut hits, reading);
    hits.0
}

fn structure(ix: &Index<'_>, hits: &mut Hits) {
    let ds = ix.ds;
    for label in &ds.unplaced {
        let mut places = BTreeSet::new();
        for o in ds.obs() {
            if ix.s(o.category) == label.label {
                places.insert((o.table, ix.s(o.reporter).to_string()));
            }
        }
        for (table, reporter) in places {
            hits.push(
                CheckCode::S1,
                table,
                &reporter,
                None,
                None,
                None,
                Some(&label.label),
                fail(format!(
                    "unplaced label, suggestions {:?}",
                    label.suggestions
                )),
            );
        }
    }
    for (key, list) in &ix.by_key {
        let (table, reporter, year, sex, age, category) = *key;
        let (r, a, c) = (ix.s(reporter), ix.s(age), ix.s(category));
        if list.len() > 1 {
            let values: Vec<Option<f64>> = list.iter().map(|&i| ds.obs()[i].number()).collect();
            hits.push(
                CheckCode::S2,
                table,
                r,
                Some(year),
                Some(sex),
                Some(a),
                Some(c),
                fail(format!("{} observations: {values:?}", list.len())),
            );
        }
        for &i in list {
            let o = &ds.obs()[i];
            if o.missing == Missing::Unreadable as u8 {
                hits.push(
                    CheckCode::S3,
                    table,
                    r,
                    Some(year),
                    Some(sex),
                    Some(a),
                    Some(c),
                    fail("text".into()),
                );
            }
            if let Some(n) = o.number() {
                if n < 0.0 {
                    hits.push(
                        CheckCode::N1,
                        table,
                        r,
                        Some(year),
                        Some(sex),
                        Some(a),
                        Some(c),
                        fail(format!("{n}")),
                    );
                }
                if n.fract() != 0.0 && !ix.s(o.flag).contains('e') {
                    hits.push(
                        CheckCode::N2,
                        table,
                        r,
                        Some(year),
                        Some(sex),
                        Some(a),
                        Some(c),
                        fail(format!("{n}")),
                    );
                }
            }
        }
    }
}

fn sums(ix: &Index<'_>, hits: &mut Hits) {
    // A1: T = M + F (+ U).
    for key in ix.by_key.keys() {
        let (table, reporter, year, sex, age, category) = *key;
        if sex != Sex::T {
            continue;
        }
        let total = ix.val(*key);
        let men = ix.val((table, reporter, year, Sex::M, age, category));
        let women = ix.val((table, reporter, year, Sex::F, age, category));
        let unknown = ix.val((table, reporter, year, Sex::U, age, category));
        let case = match (men.present(), women.present()) {
            (false, false) => Case::None,
            (true, true) => sum_case(total, &[men, women, unknown]),
            _ => Case::NotEvaluable,
        };
        hits.push(
            CheckCode::A1,
            table,
            ix.s(reporter),
            Some(year),
            None,
            Some(ix.s(age)),
            Some(ix.s(category)),
            case,
        );
    }
    // A2: age TOTAL = Σ other ages.
    for ((table, reporter, year, sex, category), ages) in &ix.ages {
        if !ages.contains(&ix.total) || ages.len() < 2 {
            continue;
        }
        let total = ix.val((*table, *reporter, *year, *sex, ix.total, *category));
        let parts: Vec<Val> = ages
            .iter()
            .filter(|a| **a != ix.total)
            .map(|a| ix.val((*table, *reporter, *year, *sex, *a, *category)))
            .collect();
        hits.push(
            CheckCode::A2,
            *table,
            ix.s(*reporter),
            Some(*year),
            Some(*sex),
            None,
            Some(ix.s(*category)),
            sum_case(total, &parts),
        );
    }
    for ((table, reporter, year, sex, age), categories) in &ix.groups {
        let (table, reporter, year, sex, age) = (*table, *reporter, *year, *sex, *age);
        let r = ix.s(reporter);
        if BY_COUNTRY.contains(&table) {
            // A3: TOTAL = Σ parts.
            let total = ix.val((table, reporter, year, sex, age, ix.total));
            let parts: Vec<Val> = categories
                .iter()
                .filter(|c| is_part(ix.s(**c)))
                .map(|c| ix.val((table, reporter, year, sex, age, *c)))
                .collect();
            hits.push(
                CheckCode::A3,
                table,
                r,
                Some(year),
                Some(sex),
                Some(ix.s(age)),
                None,
                sum_case(total, &parts),
            );
        }
        // A4: status sums.
        let get = |code: &str| ix.cat(table, reporter, year, sex, age, code);
        let case = match table {
            TableId::T1_1 => sum_case(
                get("TOTAL"),
                &[get("NATIVE"), get("FOREIGN_BORN"), get("UNKNOWN")],
            ),
            TableId::T2_1 | TableId::T5_1 | TableId::T6_1 => {
                let whole = sum_case(
                    get("TOTAL"),
                    &[get("CITIZENS"), get("NON_CITIZENS"), get("UNKNOWN")],
                );
                let non = if get("FOREIGN").present() && get("STATELESS").present() {
                    sum_case(get("NON_CITIZENS"), &[get("FOREIGN"), get("STATELESS")])
                } else {
                    Case::None
                };
                hits.push(
                    CheckCode::A4,
                    table,
                    r,
                    Some(year),
                    Some(sex),
                    Some(ix.s(age)),
                    Some("NON_CITIZENS"),
                    non,
                );
                whole
            }
            TableId::T7_1 => {
                let parts: Vec<Val> = categories
                    .iter()
                    .filter(|c| **c != ix.total)
                    .map(|c| ix.val((table, reporter, year, sex, age, *c)))
                    .collect();
                sum_case(get("TOTAL"), &parts)
            }
            _ => Case::None,
        };
        hits.push(
            CheckCode::A4,
            table,
            r,
            Some(year),
            Some(sex),
            Some(ix.s(age)),
            None,
            case,
        );
    }
}

/// Reporter, year, sex and age combinations present in the data.
fn cells(ix: &Index<'_>) -> BTreeSet<(Sym, u16, Sex, Sym)> {
    ix.groups
        .keys()
        .map(|(_, r, y, s, a)| (*r, *y, *s, *a))
        .collect()
}

fn coherence(ix: &Index<'_>, hits: &mut Hits) {
    for (reporter, year, sex, age) in cells(ix) {
        let r = ix.s(reporter);
        let status = |table: TableId, code: &str| ix.cat(table, reporter, year, sex, age, code);
        let country = |table: TableId| ix.by_country_total(table, reporter, year, sex, age);
        let non_or_foreign = |table: TableId| {
            let non = status(table, "NON_CITIZENS");
            if non.present() {
                non
            } else {
                status(table, "FOREIGN")
            }
        };
        let checks = [
            (
                CheckCode::C1,
                TableId::T1_2,
                country(TableId::T1_2),
                status(TableId::T1_1, "FOREIGN_BORN"),
            ),
            (
                CheckCode::C2,
                TableId::T2_2,
                country(TableId::T2_2),
                non_or_foreign(TableId::T2_1),
            ),
            (
                CheckCode::C3,
                TableId::T2_1,
                status(TableId::T2_1, "TOTAL"),
                status(TableId::T1_1, "TOTAL"),
            ),
            (
                CheckCode::C4,
                TableId::T5_1,
                status(TableId::T5_1, "TOTAL"),
                country(TableId::T3),
            ),
            (
                CheckCode::C4,
                TableId::T6_1,
                status(TableId::T6_1, "TOTAL"),
                country(TableId::T4),
            ),
            (
                CheckCode::C5,
                TableId::T5_2,
                country(TableId::T5_2),
                status(TableId::T5_1, "NON_CITIZENS"),
            ),
            (
                CheckCode::C5,
                TableId::T6_2,
                country(TableId::T6_2),
                status(TableId::T6_1, "NON_CITIZENS"),
            ),
            (
                CheckCode::C6,
                TableId::T7_2,
                country(TableId::T7_2),
                status(TableId::T7_1, "TOTAL"),
            ),
        ];
        for (code, table, left, right) in checks {
            hits.push(
                code,
                table,
                r,
                Some(year),
                Some(sex),
                Some(ix.s(age)),
                None,
                compare(left, right),
            );
        }
        // P2.
        let above = |small: Val, big: Val| match (small, big) {
            (Val::Number(s), Val::Number(b)) if s > b => fail(format!("{s} > {b}")),
            (Val::Number(_), Val::Number(_)) => Case::Pass,
            (Val::Absent, _) | (_, Val::Absent) => Case::None,
            _ => Case::NotEvaluable,
        };
        for (table, small, big) in [
            (
                TableId::T1_1,
                status(TableId::T1_1, "FOREIGN_BORN"),
                status(TableId::T1_1, "TOTAL"),
            ),
            (
                TableId::T2_1,
                status(TableId::T2_1, "NON_CITIZENS"),
                status(TableId::T2_1, "TOTAL"),
            ),
            (
                TableId::T7_1,
                status(TableId::T7_1, "TOTAL"),
                status(TableId::T2_1, "NON_CITIZENS"),
            ),
        ] {
            hits.push(
                CheckCode::P2,
                table,
                r,
                Some(year),
                Some(sex),
                Some(ix.s(age)),
                None,
                above(small, big),
            );
        }
    }
}

fn plausibility(ix: &Index<'_>, hits: &mut Hits) {
    for key in ix.by_key.keys() {
        let (table, reporter, year, sex, age, category) = *key;
        if reporter != category {
            continue;
        }
        let code = match table {
            TableId::T3 | TableId::T4 => CheckCode::P1,
            TableId::T2_2 | TableId::T5_2 | TableId::T6_2 | TableId::T7_2 => CheckCode::P3,
            _ => continue,
        };
        if let Val::Number(n) = ix.val(*key)
            && n > 0.0
        {
            hits.push(
                code,
                table,
                ix.s(reporter),
                Some(year),
                Some(sex),
                Some(ix.s(age)),
                Some(ix.s(category)),
                fail(format!("{n}")),
            );
        }
    }
    for (table, reporter, year, sex, age) in ix.groups.keys() {
        let total = ix.val((*table, *reporter, *year, *sex, *age, ix.total));
        let Val::Number(total) = total else { continue };
        if total <= 0.0 {
            continue;
        }
        let unknown = if matches!(table.breakdown(), Breakdown::Status) {
            "UNKNOWN"
        } else {
            "UNK"
        };
        for (code, category, limit) in [
            (CheckCode::U1, unknown, U1_WARNING),
            (CheckCode::U2, "OTHER", U2_INFO),
        ] {
            if let Val::Number(n) = ix.cat(*table, *reporter, *year, *sex, *age, category)
                && n / total > limit
            {
                hits.push(
                    code,
                    *table,
                    ix.s(*reporter),
                    Some(*year),
                    Some(*sex),
                    Some(ix.s(*age)),
                    Some(category),
                    fail(format!("share {:.3}", n / total)),
                );
            }
        }
    }
}

fn balances(ix: &Index<'_>, hits: &mut Hits) {
    let reporters: BTreeSet<Sym> = ix.groups.keys().map(|k| k.1).collect();
    for reporter in reporters {
        let r = ix.s(reporter);
        for &year in &YEARS {
            for sex in [Sex::T, Sex::M, Sex::F] {
                let get = |table: TableId, y: u16, code: &str| {
                    ix.cat(table, reporter, y, sex, ix.total, code).number()
                };
                // D1 (both sexes only).
                if sex == Sex::T
                    && let (Some(p0), Some(p1), Some(b), Some(d), Some(i), Some(e)) = (
                        get(TableId::Pop, year, "TOTAL"),
                        get(TableId::Pop, year + 1, "TOTAL"),
                        get(TableId::Births, year, "TOTAL"),
                        get(TableId::Deaths, year, "TOTAL"),
                        get(TableId::T3, year, "TOTAL"),
                        get(TableId::T4, year, "TOTAL"),
                    )
                {
                    let residual = p1 - p0 - (b - d) - (i - e);
                    if residual.abs() > D1_SHARE * p0 {
                        hits.push(
                            CheckCode::D1,
                            TableId::Pop,
                            r,
                            Some(year),
                            Some(sex),
                            None,
                            None,
                            fail(format!("residual {residual}")),
                        );
                    }
                }
                // D2.
                if let (Some(f0), Some(f1), Some(i), Some(e), Some(acq)) = (
                    get(TableId::T2_1, year, "NON_CITIZENS"),
                    get(TableId::T2_1, year + 1, "NON_CITIZENS"),
                    get(TableId::T5_1, year, "NON_CITIZENS"),
                    get(TableId::T6_1, year, "NON_CITIZENS"),
                    get(TableId::T7_1, year, "TOTAL"),
                ) {
                    let residual = f1 - f0 - (i - e) + acq;
                    if residual.abs() > D2_SHARE * f0 {
                        hits.push(
                            CheckCode::D2,
                            TableId::T2_1,
                            r,
                            Some(year),
                            Some(sex),
                            None,
                            None,
                            fail(format!("residual {residual}")),
                        );
                    }
                }
                // D3.
                if let (Some(acq), Some(f)) = (
                    get(TableId::T7_1, year, "TOTAL"),
                    get(TableId::T2_1, year, "NON_CITIZENS"),
                ) {
                    let rate = acq / f;
                    if !(0.0..=D3_MAX).contains(&rate) {
                        hits.push(
                            CheckCode::D3,
                            TableId::T7_1,
                            r,
                            Some(year),
                            Some(sex),
                            None,
                            None,
                            fail(format!("rate {rate:.3}")),
                        );
                    }
                }
            }
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn quantile(sorted: &[f64], p: f64, method: Quartiles) -> f64 {
    let n = sorted.len();
    let at = |i: usize| sorted[i.min(n - 1)];
    match method {
        Quartiles::Linear => {
            let h = (n - 1) as f64 * p;
            let lo = h.floor() as usize;
            at(lo) + (h - lo as f64) * (at(lo + 1) - at(lo))
        }
        Quartiles::Weibull => {
            let h = ((n + 1) as f64 * p).clamp(1.0, n as f64) - 1.0;
            let lo = h.floor() as usize;
            at(lo) + (h - lo as f64) * (at(lo + 1) - at(lo))
        }
        Quartiles::NearestRank => at(((n as f64 * p).ceil() as usize).max(1) - 1),
    }
}

/// Series key: table, reporter, sex, age, category.
type SeriesKey = (TableId, Sym, Sex, Sym, Sym);

fn series(ix: &Index<'_>, hits: &mut Hits, reading: Reading) {
    let ds = ix.ds;
    // Breaks: a change of source or duration rule of a (table, reporter) between consecutive
    // years, or a b flag on a series' value.
    let mut rules: BTreeMap<(TableId, Sym, u16), BTreeSet<(Sym, u8)>> = BTreeMap::new();
    let mut flagged: BTreeSet<(SeriesKey, u16)> = BTreeSet::new();
    let mut values: BTreeMap<SeriesKey, BTreeMap<u16, Val>> = BTreeMap::new();
    for o in ds.obs() {
        rules
            .entry((o.table, o.reporter, o.year))
            .or_default()
            .insert((o.source, o.duration));
        let key = (o.table, o.reporter, o.sex, o.age, o.category);
        if ix.s(o.flag).contains('b') {
            flagged.insert((key, o.year));
            hits.push(
                CheckCode::T3,
                o.table,
                ix.s(o.reporter),
                Some(o.year),
                Some(o.sex),
                Some(ix.s(o.age)),
                Some(ix.s(o.category)),
                fail("flag b".into()),
            );
        }
        values.entry(key).or_default().insert(
            o.year,
            ix.val((o.table, o.reporter, o.year, o.sex, o.age, o.category)),
        );
    }
    let mut table_breaks: BTreeSet<(TableId, Sym, u16)> = BTreeSet::new();
    for ((table, reporter, year), set) in &rules {
        if let Some(before) = rules.get(&(*table, *reporter, year - 1))
            && before != set
        {
            table_breaks.insert((*table, *reporter, *year));
            hits.push(
                CheckCode::T3,
                *table,
                ix.s(*reporter),
                Some(*year),
                None,
                None,
                None,
                fail("source or duration changed".into()),
            );
        }
    }
    let broken = |key: &SeriesKey, year: u16| {
        table_breaks.contains(&(key.0, key.1, year)) || flagged.contains(&(*key, year))
    };
    // T2: gaps in series and in tables.
    let mut reporter_years: BTreeMap<Sym, (u16, u16)> = BTreeMap::new();
    let mut table_years: BTreeMap<(TableId, Sym), BTreeSet<u16>> = BTreeMap::new();
    for (table, reporter, year) in rules.keys() {
        let e = reporter_years.entry(*reporter).or_insert((*year, *year));
        e.0 = e.0.min(*year);
        e.1 = e.1.max(*year);
        table_years
            .entry((*table, *reporter))
            .or_default()
            .insert(*year);
    }
    for ((table, reporter), years) in &table_years {
        let Some(&(first, last)) = reporter_years.get(reporter) else {
            continue;
        };
        for year in first..=last {
            if !years.contains(&year) {
                hits.push(
                    CheckCode::T2,
                    *table,
                    ix.s(*reporter),
                    Some(year),
                    None,
                    None,
                    None,
                    fail("table missing".into()),
                );
            }
        }
    }
    // T1 robust z, and the yearly ratios for Hidiroglou–Berthelot.
    let mut ratios_at: BTreeMap<YearGroup, Vec<(Sym, f64, f64)>> = BTreeMap::new();
    for (key, by_year) in &values {
        let years: Vec<u16> = by_year.keys().copied().collect();
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            for year in first..=last {
                if !by_year.contains_key(&year) {
                    hits.push(
                        CheckCode::T2,
                        key.0,
                        ix.s(key.1),
                        Some(year),
                        Some(key.2),
                        Some(ix.s(key.3)),
                        Some(ix.s(key.4)),
                        fail("year missing".into()),
                    );
                }
            }
        }
        let mut logs: Vec<(u16, f64)> = Vec::new();
        for (&year, &value) in by_year {
            let (Some(now), Some(before)) = (
                value.number(),
                by_year
                    .get(&(year.wrapping_sub(1)))
                    .and_then(|v| v.number()),
            ) else {
                continue;
            };
            if broken(key, year) || now <= 0.0 || before <= 0.0 {
                continue;
            }
            if is_part(ix.s(key.4)) && BY_COUNTRY.contains(&key.0) {
                ratios_at
                    .entry((key.0, key.1, key.2, key.3, year))
                    .or_default()
                    .push((key.4, before, now));
            }
            if now >= T1_MIN_COUNT && before >= T1_MIN_COUNT {
                logs.push((year, (now / before).ln()));
            }
        }
        if logs.len() < T1_MIN_RATIOS {
            continue;
        }
        let mut ls: Vec<f64> = logs.iter().map(|(_, l)| *l).collect();
        let m = median(&mut ls);
        let mut deviations: Vec<f64> = logs.iter().map(|(_, l)| (l - m).abs()).collect();
        let mad = median(&mut deviations);
        let scale = (1.4826 * mad).max(T1_MIN_SCALE);
        for (year, l) in logs {
            let z = (l - m) / scale;
            if z.abs() > T1_Z {
                hits.push(
                    CheckCode::T1,
                    key.0,
                    ix.s(key.1),
                    Some(year),
                    Some(key.2),
                    Some(ix.s(key.3)),
                    Some(ix.s(key.4)),
                    fail(format!("robust z {z:.2}")),
                );
            }
        }
    }
    // T1 Hidiroglou–Berthelot across the partners of one table, reporter, sex, age and year.
    for ((table, reporter, sex, age, year), units) in &ratios_at {
        let units: Vec<&(Sym, f64, f64)> = units
            .iter()
            .filter(|(_, before, now)| {
                if reading.hb_both_years {
                    *before >= T1_MIN_COUNT && *now >= T1_MIN_COUNT
                } else {
                    before.max(*now) >= T1_MIN_COUNT
                }
            })
            .collect();
        if units.len() < HB_MIN_UNITS {
            continue;
        }
        let mut ratios: Vec<f64> = units.iter().map(|(_, b, n)| n / b).collect();
        let r_med = median(&mut ratios);
        let effects: Vec<f64> = units
            .iter()
            .map(|(_, before, now)| {
                let r = now / before;
                let s = if r < r_med {
                    1.0 - r_med / r
                } else {
                    r / r_med - 1.0
                };
                s * before.max(*now).powf(HB_U)
            })
            .collect();
        let mut sorted = effects.clone();
        sorted.sort_by(f64::total_cmp);
        let q1 = quantile(&sorted, 0.25, reading.quartiles);
        let q3 = quantile(&sorted, 0.75, reading.quartiles);
        let e_m = median(&mut sorted.clone());
        let d1 = (e_m - q1).max((HB_A * e_m).abs());
        let d3 = (q3 - e_m).max((HB_A * e_m).abs());
        for ((category, before, now), effect) in units.iter().zip(&effects) {
            if *effect < e_m - HB_C * d1 || *effect > e_m + HB_C * d3 {
                hits.push(CheckCode::T1, *table, ix.s(*reporter), Some(*year), Some(*sex), Some(ix.s(*age)), Some(ix.s(*category)), fail(format!("HB: {before} → {now}, effect {effect:.2}, median {e_m:.2}, d {d1:.2}/{d3:.2}")));
            }
        }
    }
}

/// One mirror pair-year: immigration and emigration as reported, and corrected.
struct Flows {
    i: f64,
    ci: f64,
    e: f64,
    ce: f64,
}

fn mirror(ix: &Index<'_>, hits: &mut Hits, reading: Reading) {
    let ds = ix.ds;
    let reporters: BTreeSet<Sym> = ix
        .groups
        .keys()
        .filter(|k| k.0 == TableId::T3 || k.0 == TableId::T4)
        .map(|k| k.1)
        .collect();
    let side =
        |table: TableId, reporter: Sym, year: u16, sex: Sex, partner: Sym| -> Option<(f64, f64)> {
            let key = (table, reporter, year, sex, ix.total, partner);
            let value = ix.val(key).number()?;
            let duration = ix
                .by_key
                .get(&key)
                .and_then(|l| l.first())
                .and_then(|&i| ds.obs()[i].duration_months());
            Some((value, value * correction(duration)))
        };
    // receiver, sender, year, sex → immigration and emigration, as reported and corrected
    let mut pairs: HashMap<(Sym, Sym, u16, Sex), Flows> = HashMap::new();
    for &receiver in &reporters {
        for &sender in reporters.iter().filter(|s| **s != receiver) {
            for &year in &YEARS {
                for sex in [Sex::T, Sex::M, Sex::F] {
                    let (Some((i, ci)), Some((e, ce))) = (
                        side(TableId::T3, receiver, year, sex, sender),
                        side(TableId::T4, sender, year, sex, receiver),
                    ) else {
                        continue;
                    };
                    pairs.insert((receiver, sender, year, sex), Flows { i, ci, e, ce });
                    if i + e < M1_MIN_PERSONS {
                        continue;
                    }
                    let l = (ci / ce).ln().abs();
                    if l >= M1_GREEN || l.is_nan() {
                        hits.push(
                            CheckCode::M1,
                            TableId::T3,
                            ix.s(receiver),
                            Some(year),
                            Some(sex),
                            Some("TOTAL"),
                            Some(ix.s(sender)),
                            fail(format!("I {i} E {e} |l| {l:.3}")),
                        );
                    }
                }
            }
        }
    }
    for &country in &reporters {
        for &year in &YEARS {
            for sex in [Sex::T, Sex::M, Sex::F] {
                let mut emigration = (0.0, 0.0);
                let mut immigration = (0.0, 0.0);
                for &partner in reporters.iter().filter(|p| **p != country) {
                    // The country's emigration to the partner against the partner's immigration.
                    if let Some(f) = pairs.get(&(partner, country, year, sex)) {
                        let (own, theirs) = if reading.m2_corrected {
                            (f.ce, f.ci)
                        } else {
                            (f.e, f.i)
                        };
                        emigration.0 += own;
                        emigration.1 += theirs;
                    }
                    if let Some(f) = pairs.get(&(country, partner, year, sex)) {
                        let (own, theirs) = if reading.m2_corrected {
                            (f.ci, f.ce)
                        } else {
                            (f.i, f.e)
                        };
                        immigration.0 += own;
                        immigration.1 += theirs;
                    }
                }
                for (table, (own, theirs)) in
                    [(TableId::T4, emigration), (TableId::T3, immigration)]
                {
                    if theirs <= 0.0 {
                        continue;
                    }
                    let ratio = own / theirs;
                    if !(M2_LOW..=M2_HIGH).contains(&ratio) {
                        hits.push(
                            CheckCode::M2,
                            table,
                            ix.s(country),
                            Some(year),
                            Some(sex),
                            None,
                            None,
                            fail(format!("ratio {ratio:.3}")),
                        );
                    }
                }
            }
        }
    }
}

/// Whether a planted problem names the place of a hit.
pub fn names(issue: &PlantedIssue, hit: &Hit) -> bool {
    issue.check == hit.code
        && issue.table == Some(hit.table)
        && issue.reporter == hit.reporter
        && issue.year.is_none_or(|y| hit.year == Some(y))
        && issue
            .category
            .as_deref()
            .is_none_or(|c| hit.category.as_deref() == Some(c))
}

#[cfg(test)]
mod tests {
    use super::super::generate::{Variant, generate};
    use super::*;

    fn show(hits: &[&Hit]) -> String {
        hits.iter()
            .take(40)
            .map(|h| format!("{h:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_clean_variant_passes_every_rule_under_every_reading() {
        let dataset = generate(Variant::Clean).dataset();
        assert!(dataset.len() > 15_000, "{} observations", dataset.len());
        for reading in Reading::all() {
            let hits = evaluate(&dataset, reading);
            let shown: Vec<&Hit> = hits.iter().collect();
            assert!(
                hits.is_empty(),
                "{reading:?}: {} cases\n{}",
                hits.len(),
                show(&shown)
            );
        }
    }

    #[test]
    fn the_main_variant_fails_exactly_where_the_planted_list_says() {
        let sample = generate(Variant::Main);
        let dataset = sample.dataset();
        for reading in Reading::all() {
            let hits = evaluate(&dataset, reading);
            let unlisted: Vec<&Hit> = hits
                .iter()
                .filter(|h| !sample.planted.iter().any(|p| names(p, h)))
                .collect();
            assert!(
                unlisted.is_empty(),
                "{reading:?}: {} cases not in the list\n{}",
                unlisted.len(),
                show(&unlisted)
            );
            for issue in &sample.planted {
                let found: Vec<&Hit> = hits.iter().filter(|h| names(issue, h)).collect();
                assert!(!found.is_empty(), "{reading:?}: not found: {issue:?}");
                if issue.year.is_none() && found.iter().any(|h| h.year.is_some()) {
                    let years: BTreeSet<u16> = found.iter().filter_map(|h| h.year).collect();
                    assert_eq!(
                        years.len(),
                        YEARS.len(),
                        "{issue:?} found only in {years:?}"
                    );
                }
            }
        }
    }

    /// How close the clean data come to the outlier thresholds: the largest robust z, and the
    /// largest distance from the median effect in units of the quartile distance (HB flags 7).
    fn closest_to_outliers(dataset: &Dataset, quartiles: Quartiles) -> (f64, f64) {
        let ix = Index::new(dataset);
        let mut series: BTreeMap<SeriesKey, BTreeMap<u16, f64>> = BTreeMap::new();
        for o in dataset.obs() {
            let key = (o.table, o.reporter, o.year, o.sex, o.age, o.category);
            if let Some(n) = ix.val(key).number() {
                series
                    .entry((o.table, o.reporter, o.sex, o.age, o.category))
                    .or_default()
                    .insert(o.year, n);
            }
        }
        let mut worst_z = 0.0f64;
        let mut groups: BTreeMap<YearGroup, Vec<(f64, f64)>> = BTreeMap::new();
        for (key, by_year) in &series {
            let mut logs = Vec::new();
            for (&year, &now) in by_year {
                let Some(&before) = by_year.get(&(year - 1)) else {
                    continue;
                };
                if now < T1_MIN_COUNT || before < T1_MIN_COUNT {
                    continue;
                }
                logs.push((now / before).ln());
                if is_part(ix.s(key.4)) && BY_COUNTRY.contains(&key.0) {
                    groups
                        .entry((key.0, key.1, key.2, key.3, year))
                        .or_default()
                        .push((before, now));
                }
            }
            if logs.len() < T1_MIN_RATIOS {
                continue;
            }
            let m = median(&mut logs.clone());
            let mut deviations: Vec<f64> = logs.iter().map(|l| (l - m).abs()).collect();
            let scale = (1.4826 * median(&mut deviations)).max(T1_MIN_SCALE);
            for l in &logs {
                worst_z = worst_z.max(((l - m) / scale).abs());
            }
        }
        let mut worst_hb = 0.0f64;
        for units in groups.values().filter(|u| u.len() >= HB_MIN_UNITS) {
            let r_med = median(&mut units.iter().map(|(b, n)| n / b).collect::<Vec<_>>());
            let mut effects: Vec<f64> = units
                .iter()
                .map(|(b, n)| {
                    let r = n / b;
                    let s = if r < r_med {
                        1.0 - r_med / r
                    } else {
                        r / r_med - 1.0
                    };
                    s * b.max(*n).powf(HB_U)
                })
                .collect();
            effects.sort_by(f64::total_cmp);
            let e_m = median(&mut effects.clone());
            let d1 = (e_m - quantile(&effects, 0.25, quartiles)).max(1e-9);
            let d3 = (quantile(&effects, 0.75, quartiles) - e_m).max(1e-9);
            let low = (e_m - effects[0]) / d1;
            let high = (effects[effects.len() - 1] - e_m) / d3;
            worst_hb = worst_hb.max(low).max(high);
        }
        (worst_z, worst_hb)
    }

    #[test]
    fn clean_series_keep_a_margin_below_the_outlier_thresholds() {
        let dataset = generate(Variant::Clean).dataset();
        for quartiles in [
            Quartiles::Linear,
            Quartiles::Weibull,
            Quartiles::NearestRank,
        ] {
            let (z, hb) = closest_to_outliers(&dataset, quartiles);
            assert!(z < 3.0, "largest robust z {z:.2} (flagged above {T1_Z})");
            assert!(
                hb < 6.0,
                "{quartiles:?}: an effect {hb:.2} quartile distances out (flagged above {HB_C})"
            );
        }
    }
}
