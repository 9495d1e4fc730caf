//! Indexes over the observations, built once per run and shared by the checks, so that every
//! check does work in proportion to the data (hash look-ups, no pairwise scans).
//!
//! Only the first observation of a key takes part in the groups; later ones with the same key
//! are listed in [`CheckIndex::repeats`] for S2, and sums never count a value twice.

use crate::model::{CategoryKind, Dataset, Obs, ObsKey, Sex, Sym, TableId, category_kind};
use rustc_hash::{FxHashMap, FxHashSet};

/// A breakdown: the categories of one table, reporter, year, sex and age (A3, A4, U1, C…).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct BreakdownKey {
    pub table: TableId,
    pub reporter: Sym,
    pub year: u16,
    pub sex: Sex,
    pub age: Sym,
}

impl BreakdownKey {
    /// The breakdown of a key: the key without its category.
    pub fn of(key: &ObsKey) -> BreakdownKey {
        BreakdownKey {
            table: key.table,
            reporter: key.reporter,
            year: key.year,
            sex: key.sex,
            age: key.age,
        }
    }
}

/// The age groups of one table, reporter, year, sex and category (A2).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AgeKey {
    pub table: TableId,
    pub reporter: Sym,
    pub year: u16,
    pub sex: Sex,
    pub category: Sym,
}

/// A time series: one table, reporter, sex, age and category over the years (T1, T2).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct SeriesKey {
    pub table: TableId,
    pub reporter: Sym,
    pub sex: Sex,
    pub age: Sym,
    pub category: Sym,
}

/// One table as one reporter sends it (T2, T3).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TableReporter {
    pub table: TableId,
    pub reporter: Sym,
}

/// A key whose groups can be listed by table.
pub trait GroupKey: Copy + Eq + std::hash::Hash {
    fn table(&self) -> TableId;
}

impl GroupKey for BreakdownKey {
    fn table(&self) -> TableId {
        self.table
    }
}

impl GroupKey for AgeKey {
    fn table(&self) -> TableId {
        self.table
    }
}

impl GroupKey for SeriesKey {
    fn table(&self) -> TableId {
        self.table
    }
}

/// Observations grouped by a key, stored contiguously (one allocation for all groups).
#[derive(Debug)]
pub struct Groups<K> {
    keys: Vec<K>,
    starts: Vec<u32>,
    items: Vec<u32>,
    lookup: FxHashMap<K, u32>,
    by_table: Vec<Vec<u32>>,
}

impl<K: GroupKey> Groups<K> {
    fn build(obs: &[Obs], unique: &[u32], key_of: impl Fn(&Obs) -> K) -> Groups<K> {
        let mut lookup: FxHashMap<K, u32> = FxHashMap::default();
        let mut keys: Vec<K> = Vec::new();
        let mut sizes: Vec<u32> = Vec::new();
        let mut group_of: Vec<u32> = Vec::with_capacity(unique.len());
        for &i in unique {
            let key = key_of(&obs[i as usize]);
            let next = keys.len() as u32;
            let group = *lookup.entry(key).or_insert_with(|| {
                keys.push(key);
                sizes.push(0);
                next
            });
            sizes[group as usize] += 1;
            group_of.push(group);
        }
        let (items, starts) = gather_by_group(unique, &group_of, &sizes);
        let mut by_table = vec![Vec::new(); TableId::ALL.len()];
        for (group, key) in keys.iter().enumerate() {
            by_table[key.table() as usize].push(group as u32);
        }
        Groups {
            keys,
            starts,
            items,
            lookup,
            by_table,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The key and the observations of a group.
    pub fn group(&self, group: u32) -> (K, &[u32]) {
        (self.keys[group as usize], &self.items[self.span(group)])
    }

    /// Where a group's observations are among all groups'.
    fn span(&self, group: u32) -> std::ops::Range<usize> {
        let g = group as usize;
        self.starts[g] as usize..self.starts[g + 1] as usize
    }

    /// The observations of a key.
    pub fn get(&self, key: &K) -> Option<&[u32]> {
        self.lookup.get(key).map(|&g| self.group(g).1)
    }

    /// Every group, in order of first appearance.
    pub fn iter(&self) -> impl Iterator<Item = (K, &[u32])> + '_ {
        (0..self.keys.len() as u32).map(|g| self.group(g))
    }

    /// The groups of one table.
    pub fn of_table(&self, table: TableId) -> impl Iterator<Item = (K, &[u32])> + '_ {
        self.by_table[table as usize].iter().map(|&g| self.group(g))
    }

    /// Keeps the items `keep` says, each group's in their order.
    fn retain(&mut self, keep: impl Fn(u32) -> bool) {
        let mut kept = 0;
        let mut start = 0;
        for g in 0..self.keys.len() {
            let end = self.starts[g + 1] as usize;
            for k in start..end {
                let item = self.items[k];
                if keep(item) {
                    self.items[kept] = item;
                    kept += 1;
                }
            }
            start = end;
            self.starts[g + 1] = kept as u32;
        }
        self.items.truncate(kept);
    }

    fn sort_each(&mut self, mut key: impl FnMut(u32) -> u16) {
        for g in 0..self.keys.len() {
            let range = self.starts[g] as usize..self.starts[g + 1] as usize;
            self.items[range].sort_by_key(|&i| key(i));
        }
    }
}

/// `items` gathered group by group, each group's items in their order, and where each group
/// starts in the result (with the end last): a counting sort by `group_of` (one group number
/// below `sizes.len()` per item), whose groups hold `sizes` items.
pub fn gather_by_group(items: &[u32], group_of: &[u32], sizes: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = Vec::with_capacity(sizes.len() + 1);
    let mut total = 0u32;
    starts.push(0);
    for size in sizes {
        total += size;
        starts.push(total);
    }
    let mut fill: Vec<u32> = starts[..sizes.len()].to_vec();
    let mut gathered = vec![0u32; items.len()];
    for (&i, &group) in items.iter().zip(group_of) {
        let slot = &mut fill[group as usize];
        gathered[*slot as usize] = i;
        *slot += 1;
    }
    (gathered, starts)
}

/// What one table of one reporter looks like in one year (T2, T3, and the breaks T1 respects).
#[derive(Clone, Debug, PartialEq)]
pub struct YearInfo {
    pub year: u16,
    /// The first observation of the year.
    pub first_obs: u32,
    /// The first observation flagged `b` (break in series), if any.
    pub break_flag: Option<u32>,
    /// Sources stated for the year (empty: not stated).
    pub sources: Vec<Sym>,
    /// Duration-of-stay rules stated for the year, in months (empty: not stated).
    pub durations: Vec<u8>,
}

/// How a table-reporter-year compares with the previous year it was reported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearChange {
    /// An observation of the year is flagged `b`.
    pub break_flag: Option<u32>,
    /// The stated source differs from the previous year's.
    pub source_changed: bool,
    /// The stated duration rule differs from the previous year's.
    pub duration_changed: bool,
    /// One of the two years states a source (or duration rule) and the other does not, so a
    /// change cannot be ruled out.
    pub source_unknown: bool,
    pub duration_unknown: bool,
}

impl YearChange {
    /// A break in series: the value of this year must not be compared with the previous one.
    pub fn is_break(&self) -> bool {
        self.break_flag.is_some() || self.source_changed || self.duration_changed
    }

    /// No break is known, but one cannot be ruled out.
    pub fn is_undecided(&self) -> bool {
        !self.is_break() && (self.source_unknown || self.duration_unknown)
    }

    /// Compares a year with the previous year of the same table and reporter.
    pub fn between(previous: Option<&YearInfo>, this: &YearInfo) -> YearChange {
        let mut change = YearChange {
            break_flag: this.break_flag,
            ..YearChange::default()
        };
        if let Some(previous) = previous {
            match (previous.sources.is_empty(), this.sources.is_empty()) {
                (false, false) => change.source_changed = previous.sources != this.sources,
                (true, true) => {}
                _ => change.source_unknown = true,
            }
            match (previous.durations.is_empty(), this.durations.is_empty()) {
                (false, false) => change.duration_changed = previous.durations != this.durations,
                (true, true) => {}
                _ => change.duration_unknown = true,
            }
        }
        change
    }
}

/// Symbols of the codes the checks look for (absent when no observation uses them).
#[derive(Clone, Copy, Debug, Default)]
pub struct Codes {
    pub total: Option<Sym>,
    pub unk: Option<Sym>,
    pub other: Option<Sym>,
    pub native: Option<Sym>,
    pub foreign_born: Option<Sym>,
    pub citizens: Option<Sym>,
    pub non_citizens: Option<Sym>,
    pub foreign: Option<Sym>,
    pub stateless: Option<Sym>,
    pub unknown: Option<Sym>,
}

/// Everything the checks look up, built once per run.
#[derive(Debug)]
pub struct CheckIndex {
    /// The first observation of each category of every breakdown, by category: ranged as
    /// [`CheckIndex::breakdowns`]' groups (`find` looks a key up in two steps).
    categories: Vec<(Sym, u32)>,
    /// The first observation of every key, in data order.
    pub unique: Vec<u32>,
    /// Observations whose key an earlier one already has: (first, later), sorted (the repeats
    /// of a key together, in data order).
    pub repeats: Vec<(u32, u32)>,
    /// One bit per observation, set when an earlier one has its key.
    repeated: Vec<u64>,
    kinds: Vec<CategoryKind>,
    flag_break: Vec<bool>,
    flag_estimate: Vec<bool>,
    pub codes: Codes,
    /// Categories of a table, reporter, year, sex and age.
    pub breakdowns: Groups<BreakdownKey>,
    /// Age groups other than `TOTAL` of a table, reporter, year, sex and category.
    pub age_groups: Groups<AgeKey>,
    /// Years of a series, in year order.
    pub series: Groups<SeriesKey>,
    /// The years each table-reporter is reported, in year order.
    pub table_years: Vec<(TableReporter, Vec<YearInfo>)>,
    breaks: FxHashSet<(TableReporter, u16)>,
}

impl CheckIndex {
    pub fn build(dataset: &Dataset) -> CheckIndex {
        let obs = dataset.obs();
        // Every observation by breakdown (a few thousand groups, where a map of every key would
        // hold a million), then each breakdown by category: the first of a category is the
        // first observation of its key, the others repeat it.
        let every: Vec<u32> = (0..obs.len() as u32).collect();
        let mut breakdowns = Groups::build(obs, &every, |o| BreakdownKey::of(&o.key()));
        drop(every);
        let mut categories: Vec<(Sym, u32)> = Vec::with_capacity(obs.len());
        let mut repeats = Vec::new();
        let mut repeated = vec![0u64; obs.len().div_ceil(64)];
        for g in 0..breakdowns.len() as u32 {
            let start = categories.len();
            let items = breakdowns.group(g).1;
            categories.extend(items.iter().map(|&i| (obs[i as usize].category, i)));
            categories[start..].sort_unstable();
            let mut kept = start;
            for k in start..categories.len() {
                let (category, i) = categories[k];
                if kept > start && categories[kept - 1].0 == category {
                    repeats.push((categories[kept - 1].1, i));
                    repeated[i as usize / 64] |= 1 << (i % 64);
                } else {
                    categories[kept] = (category, i);
                    kept += 1;
                }
            }
            categories.truncate(kept);
        }
        categories.shrink_to_fit();
        repeats.sort_unstable();
        let is_first = |i: u32| repeated[i as usize / 64] & (1 << (i % 64)) == 0;
        breakdowns.retain(is_first);
        let unique: Vec<u32> = (0..obs.len() as u32).filter(|&i| is_first(i)).collect();
        let strings = dataset.strings.len();
        let mut kinds = Vec::with_capacity(strings);
        let mut flag_break = Vec::with_capacity(strings);
        let mut flag_estimate = Vec::with_capacity(strings);
        for s in 0..strings {
            let text = dataset.str(Sym(s as u32));
            kinds.push(category_kind(text));
            // Flags are kept in lower case by the loaders; `b` = break in series, `e` = estimated.
            flag_break.push(text.contains('b'));
            flag_estimate.push(text.contains('e'));
        }
        let codes = Codes {
            total: dataset.sym("TOTAL"),
            unk: dataset.sym("UNK"),
            other: dataset.sym("OTHER"),
            native: dataset.sym("NATIVE"),
            foreign_born: dataset.sym("FOREIGN_BORN"),
            citizens: dataset.sym("CITIZENS"),
            non_citizens: dataset.sym("NON_CITIZENS"),
            foreign: dataset.sym("FOREIGN"),
            stateless: dataset.sym("STATELESS"),
            unknown: dataset.sym("UNKNOWN"),
        };
        // Only age groups other than TOTAL: data without an age breakdown build no groups.
        let by_age: Vec<u32> = match codes.total {
            Some(total) => unique
                .iter()
                .copied()
                .filter(|&i| obs[i as usize].age != total)
                .collect(),
            None => unique.clone(),
        };
        let age_groups = Groups::build(obs, &by_age, |o| AgeKey {
            table: o.table,
            reporter: o.reporter,
            year: o.year,
            sex: o.sex,
            category: o.category,
        });
        let mut series = Groups::build(obs, &unique, |o| SeriesKey {
            table: o.table,
            reporter: o.reporter,
            sex: o.sex,
            age: o.age,
            category: o.category,
        });
        series.sort_each(|i| obs[i as usize].year);
        let table_years = build_table_years(obs, &unique, &flag_break);
        let mut breaks = FxHashSet::default();
        for (table_reporter, years) in &table_years {
            let mut previous = None;
            for info in years {
                if YearChange::between(previous, info).is_break() {
                    breaks.insert((*table_reporter, info.year));
                }
                previous = Some(info);
            }
        }
        CheckIndex {
            categories,
            unique,
            repeats,
            repeated,
            kinds,
            flag_break,
            flag_estimate,
            codes,
            breakdowns,
            age_groups,
            series,
            table_years,
            breaks,
        }
    }

    /// The first observation with this key.
    pub fn find(&self, key: &ObsKey) -> Option<u32> {
        let group = *self.breakdowns.lookup.get(&BreakdownKey::of(key))?;
        let categories = &self.categories[self.breakdowns.span(group)];
        let at = categories
            .binary_search_by_key(&key.category, |&(category, _)| category)
            .ok()?;
        Some(categories[at].1)
    }

    /// The later observations with the key of `first`, in data order.
    pub fn repeats_of(&self, first: u32) -> impl Iterator<Item = u32> + '_ {
        let from = self.repeats.partition_point(|&(of, _)| of < first);
        self.repeats[from..]
            .iter()
            .take_while(move |&&(of, _)| of == first)
            .map(|&(_, later)| later)
    }

    /// Whether observation `i` is the first with its key.
    pub fn is_first(&self, i: u32) -> bool {
        self.repeated
            .get(i as usize / 64)
            .is_some_and(|bits| bits & (1 << (i % 64)) == 0)
    }

    /// How sums treat a category code.
    pub fn kind(&self, category: Sym) -> CategoryKind {
        self.kinds
            .get(category.0 as usize)
            .copied()
            .unwrap_or(CategoryKind::Unplaced)
    }

    /// Whether a flag marks a break in series.
    pub fn flag_is_break(&self, flag: Sym) -> bool {
        self.flag_break
            .get(flag.0 as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Whether a flag marks an estimate.
    pub fn flag_is_estimate(&self, flag: Sym) -> bool {
        self.flag_estimate
            .get(flag.0 as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Whether the values of a table-reporter in `year` must not be compared with `year − 1`.
    pub fn is_break(&self, table: TableId, reporter: Sym, year: u16) -> bool {
        self.breaks
            .contains(&(TableReporter { table, reporter }, year))
    }
}

fn build_table_years(
    obs: &[Obs],
    unique: &[u32],
    flag_break: &[bool],
) -> Vec<(TableReporter, Vec<YearInfo>)> {
    let mut position: FxHashMap<TableReporter, usize> = FxHashMap::default();
    let mut table_years: Vec<(TableReporter, Vec<YearInfo>)> = Vec::new();
    for &i in unique {
        let o = &obs[i as usize];
        let key = TableReporter {
            table: o.table,
            reporter: o.reporter,
        };
        let at = *position.entry(key).or_insert_with(|| {
            table_years.push((key, Vec::new()));
            table_years.len() - 1
        });
        let years = &mut table_years[at].1;
        // Data usually come year by year, so the year is most often the last one seen.
        let found = years.iter().rposition(|y| y.year == o.year);
        let info = match found {
            Some(k) => &mut years[k],
            None => {
                years.push(YearInfo {
                    year: o.year,
                    first_obs: i,
                    break_flag: None,
                    sources: Vec::new(),
                    durations: Vec::new(),
                });
                let last = years.len() - 1;
                &mut years[last]
            }
        };
        if info.break_flag.is_none() && flag_break.get(o.flag.0 as usize).copied() == Some(true) {
            info.break_flag = Some(i);
        }
        if !o.source.is_empty() && !info.sources.contains(&o.source) {
            info.sources.push(o.source);
        }
        if let Some(months) = o.duration_months()
            && !info.durations.contains(&months)
        {
            info.durations.push(months);
        }
    }
    for (_, years) in &mut table_years {
        years.sort_by_key(|y| y.year);
        for info in years.iter_mut() {
            info.sources.sort();
            info.durations.sort();
        }
    }
    table_years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewObs, Value};

    fn obs<'a>(table: TableId, year: u16, category: &'a str, source: &'a str) -> NewObs<'a> {
        NewObs {
            table,
            reporter: "KAZ",
            year,
            sex: Sex::T,
            age: "TOTAL",
            category,
            value: Value::Number(1.0),
            flag: "",
            source,
            duration: None,
            file: 0,
            sheet: "",
            row: 0,
            col: 0,
        }
    }

    #[test]
    fn groups_hold_each_key_once_and_series_in_year_order() {
        let mut dataset = Dataset::new();
        for (year, category) in [(2012, "RUS"), (2010, "RUS"), (2010, "UZB"), (2011, "RUS")] {
            dataset.push_new(obs(TableId::T3, year, category, ""));
        }
        dataset.push_new(obs(TableId::T3, 2010, "RUS", ""));
        let index = CheckIndex::build(&dataset);
        assert_eq!(index.repeats, vec![(1, 4)]);
        assert_eq!(index.unique, vec![0, 1, 2, 3]);
        let rus = dataset.sym("RUS").unwrap_or_default();
        let series = index.series.iter().find(|(k, _)| k.category == rus);
        let years: Vec<u16> = series
            .map(|(_, items)| {
                items
                    .iter()
                    .map(|&i| dataset.obs()[i as usize].year)
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(years, vec![2010, 2011, 2012]);
        let breakdowns_2010: Vec<usize> = index
            .breakdowns
            .of_table(TableId::T3)
            .filter(|(k, _)| k.year == 2010)
            .map(|(_, items)| items.len())
            .collect();
        assert_eq!(
            breakdowns_2010,
            vec![2],
            "RUS and UZB; the repeat is left out"
        );
        assert!(index.breakdowns.of_table(TableId::T4).next().is_none());
    }

    /// `find` gives the first observation of a key wherever its repeats sit, and nothing for a
    /// category or a breakdown the data do not have.
    #[test]
    fn a_key_is_found_at_its_first_observation() {
        let mut dataset = Dataset::new();
        let rows = [
            (2011, "UZB"),
            (2010, "RUS"),
            (2011, "RUS"),
            (2010, "UZB"),
            (2011, "UZB"),
            (2010, "TJK"),
            (2010, "RUS"),
            (2011, "RUS"),
        ];
        for (year, category) in rows {
            dataset.push_new(obs(TableId::T3, year, category, ""));
        }
        dataset.push_new(obs(TableId::T4, 2010, "RUS", ""));
        let index = CheckIndex::build(&dataset);
        let found: Vec<Option<u32>> = dataset.obs().iter().map(|o| index.find(&o.key())).collect();
        let first = [0, 1, 2, 3, 0, 5, 1, 2, 8].map(Some);
        assert_eq!(found, first);
        assert_eq!(index.repeats, vec![(0, 4), (1, 6), (2, 7)]);
        assert_eq!(index.unique, vec![0, 1, 2, 3, 5, 8]);
        let tjk_2010 = dataset.obs()[5].key();
        let tjk_2011 = ObsKey {
            year: 2011,
            ..tjk_2010
        };
        assert_eq!(index.find(&tjk_2011), None, "no TJK in 2011");
        let t5 = ObsKey {
            table: TableId::T5_1,
            ..tjk_2010
        };
        assert_eq!(index.find(&t5), None, "no Table 5.1");
        assert!(index.is_first(3) && !index.is_first(6));
        assert_eq!(index.repeats_of(1).collect::<Vec<_>>(), vec![6]);
        assert_eq!(index.repeats_of(3).count(), 0);
    }

    #[test]
    fn a_change_of_source_is_a_break_and_an_unstated_one_is_undecided() {
        let mut dataset = Dataset::new();
        dataset.push_new(obs(TableId::T3, 2010, "RUS", "register"));
        dataset.push_new(obs(TableId::T3, 2011, "RUS", "census"));
        dataset.push_new(obs(TableId::T3, 2012, "RUS", ""));
        dataset.push_new(obs(TableId::T4, 2010, "RUS", "register"));
        dataset.push_new(obs(TableId::T4, 2011, "RUS", "register"));
        let index = CheckIndex::build(&dataset);
        let kaz = dataset.sym("KAZ").unwrap_or_default();
        assert!(!index.is_break(TableId::T3, kaz, 2010));
        assert!(index.is_break(TableId::T3, kaz, 2011));
        assert!(!index.is_break(TableId::T3, kaz, 2012));
        assert!(!index.is_break(TableId::T4, kaz, 2011));
        let years = &index.table_years[0].1;
        let change = YearChange::between(Some(&years[1]), &years[2]);
        assert!(change.is_undecided() && change.source_unknown);
    }
}
