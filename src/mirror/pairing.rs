//! Pairing: Table 3 of the receiver (category = sender) with Table 4 of the sender
//! (category = receiver), by year and sex, age total.
//!
//! Only current countries pair up: aggregates, historical states (SUHH…), `UNK` and labels that
//! could not be placed are left out, as partners and as reporters. A pair-year is kept when at
//! least one side is reported (a number, zero included); a side whose value is missing counts as
//! not reported. Sex total pairs whenever present; men and women only where the receiver's
//! Table 3 and the sender's Table 4 of that year both give that sex.
//!
//! The same pass lists the pair-years where both sides have a row but at least one of them holds
//! no number ([`Paired::missing`]): M1 cannot evaluate those.

use super::MirrorPair;
use super::duration::{self, DurationRule, RuleSource};
use super::measures::{self, Sides};
use super::settings::{FlowDirection, MirrorSettings};
use crate::model::dataset::MetadataDuration;
use crate::model::{CategoryKind, Dataset, Sex, Sym, TableId, category_kind};
use smol_str::SmolStr;
use std::collections::{HashMap, HashSet};

/// Pairs and the duration rules behind their correction.
#[derive(Clone, Debug, Default)]
pub struct Paired {
    /// Sorted by year, receiver, sender, sex.
    pub pairs: Vec<MirrorPair>,
    /// Sorted by reporter, direction, year.
    pub durations: Vec<DurationRule>,
    /// The pair-years where the receiver's Table 3 and the sender's Table 4 both have a row and
    /// at least one of the two holds no number (missing, confidential, empty…). Sorted by year,
    /// receiver, sender, sex.
    pub missing: Vec<MissingValues>,
}

/// A side of a pair-year: the packed key, the number (NaN when the value is missing) and the
/// observation.
#[derive(Copy, Clone, Debug)]
struct Entry {
    key: u64,
    value: f64,
    obs: u32,
}

impl Entry {
    fn number(&self) -> Option<f64> {
        (!self.value.is_nan()).then_some(self.value)
    }
}

/// The rows of one side of a pair-year: the first number among them, and the observation it
/// comes from (the first row when none holds a number).
#[derive(Copy, Clone, Debug)]
struct Side {
    value: Option<f64>,
    obs: u32,
}

/// A pair-year whose two sides both have a row, one of them or both without a number: M1
/// cannot evaluate it. The observations are the receiver's Table 3 row and the sender's Table 4
/// row (the first of a repeated key, or the one holding a number).
#[derive(Clone, Debug, PartialEq)]
pub struct MissingValues {
    pub receiver: String,
    pub sender: String,
    pub year: u16,
    pub sex: Sex,
    pub immigration: u32,
    pub emigration: u32,
}

/// A pair-year found, before its measures: receiver, sender (numbers of the countries), year,
/// sex and the two sides.
type PendingPair = (u32, u32, u16, Sex, Sides);

/// Key order = output order: year, receiver, sender, sex.
fn pack(year: u16, receiver: u32, sender: u32, sex: Sex) -> u64 {
    ((year as u64) << 48) | ((receiver as u64) << 32) | ((sender as u64) << 16) | sex as u64
}

fn unpack(key: u64) -> (u16, u32, u32, Sex) {
    let year = (key >> 48) as u16;
    let receiver = ((key >> 32) & 0xFFFF) as u32;
    let sender = ((key >> 16) & 0xFFFF) as u32;
    let sex = Sex::from_index((key & 0xFF) as u8).unwrap_or(Sex::T);
    (year, receiver, sender, sex)
}

const UNSEEN: u32 = u32::MAX - 1;
const NOT_A_COUNTRY: u32 = u32::MAX;

/// Dense numbers for the symbols that are current countries.
struct Countries {
    by_sym: Vec<u32>,
    syms: Vec<Sym>,
}

impl Countries {
    fn index(&mut self, dataset: &Dataset, sym: Sym) -> Option<u32> {
        let slot = self.by_sym.get_mut(sym.0 as usize)?;
        if *slot == UNSEEN {
            // More than 65,535 countries cannot occur; the key keeps 16 bits per country.
            *slot = if category_kind(dataset.str(sym)) == CategoryKind::Country
                && self.syms.len() < 0xFFFF
            {
                self.syms.push(sym);
                (self.syms.len() - 1) as u32
            } else {
                NOT_A_COUNTRY
            };
        }
        (*slot != NOT_A_COUNTRY).then_some(*slot)
    }
}

/// The side of the entries with the same key (`None` when there is none), and the index after
/// the group. A repeated key is an S2 finding; the first number counts here.
fn take_group(entries: &[Entry], start: usize, key: u64) -> (Option<Side>, usize) {
    let mut side: Option<Side> = None;
    let mut end = start;
    while let Some(entry) = entries.get(end) {
        if entry.key != key {
            break;
        }
        match side {
            None => {
                side = Some(Side {
                    value: entry.number(),
                    obs: entry.obs,
                })
            }
            Some(Side { value: None, .. }) if entry.number().is_some() => {
                side = Some(Side {
                    value: entry.number(),
                    obs: entry.obs,
                })
            }
            Some(_) => {}
        }
        end += 1;
    }
    (side, end)
}

/// Per reporter (dense, in code order), direction and year offset: a small dense table.
struct PerReporterYear<T> {
    first_year: u16,
    years: usize,
    cells: Vec<T>,
}

impl<T: Copy> PerReporterYear<T> {
    fn new(countries: usize, first_year: u16, years: usize, fill: T) -> Self {
        PerReporterYear {
            first_year,
            years,
            cells: vec![fill; countries * years * 2],
        }
    }

    fn slot(&self, reporter: u32, direction: FlowDirection, year: u16) -> Option<usize> {
        let offset = year.checked_sub(self.first_year)? as usize;
        if offset >= self.years {
            return None;
        }
        let dir = direction as usize;
        Some((reporter as usize * 2 + dir) * self.years + offset)
    }

    fn get(&self, reporter: u32, direction: FlowDirection, year: u16) -> Option<T> {
        self.slot(reporter, direction, year)
            .and_then(|i| self.cells.get(i).copied())
    }

    fn get_mut(&mut self, reporter: u32, direction: FlowDirection, year: u16) -> Option<&mut T> {
        let i = self.slot(reporter, direction, year)?;
        self.cells.get_mut(i)
    }
}

/// The two sides of every pair-year as the data give them, before they are merged.
struct Collected {
    /// Country codes in code order; keys number countries by their place here.
    codes: Vec<SmolStr>,
    /// Sorted by key.
    immigration: Vec<Entry>,
    emigration: Vec<Entry>,
    first_year: u16,
    last_year: u16,
    /// Which sexes each reporter gives in each year and direction (a bit per sex).
    sexes: PerReporterYear<u8>,
    /// The duration rule the observations state per (reporter, year, direction), by the
    /// reporter's place in `codes`.
    data_rules: HashMap<(u32, u16, FlowDirection), (u8, RuleSource)>,
}

/// The rows of Table 3 and Table 4 that can pair, as read, their countries numbered as first
/// seen, with the duration rules the observations state.
struct Read {
    countries: Countries,
    immigration: Vec<Entry>,
    emigration: Vec<Entry>,
    data_rules: HashMap<(u32, u16, FlowDirection), (u8, RuleSource)>,
}

/// Reads the rows of Table 3 and Table 4 that can pair (current countries, age total, partner
/// other than the reporter) and the duration rules of every row of those tables.
fn read_rows(dataset: &Dataset, total_age: Sym) -> Read {
    let mut countries = Countries {
        by_sym: vec![UNSEEN; dataset.strings.len()],
        syms: Vec::new(),
    };
    let mut immigration: Vec<Entry> = Vec::new();
    let mut emigration: Vec<Entry> = Vec::new();
    // Criteria the observations give, per (reporter, year, direction): the first one seen, and
    // whether a Metadata sheet gave it.
    let from_metadata: HashSet<&MetadataDuration> = dataset.metadata_durations.iter().collect();
    let mut data_rules: HashMap<(u32, u16, FlowDirection), (u8, RuleSource)> = HashMap::new();
    let mut last_rule: Option<(u32, u16, FlowDirection)> = None;
    for (index, obs) in dataset.obs().iter().enumerate() {
        let direction = match obs.table {
            TableId::T3 => FlowDirection::Immigration,
            TableId::T4 => FlowDirection::Emigration,
            _ => continue,
        };
        let Some(reporter) = countries.index(dataset, obs.reporter) else {
            continue;
        };
        if let Some(months) = obs.duration_months() {
            let rule_key = (reporter, obs.year, direction);
            if last_rule != Some(rule_key) {
                data_rules.entry(rule_key).or_insert_with(|| {
                    let given = MetadataDuration {
                        file: obs.file,
                        table: obs.table,
                        reporter: obs.reporter,
                        year: obs.year,
                    };
                    let source = if from_metadata.contains(&given) {
                        RuleSource::Metadata
                    } else {
                        RuleSource::Data
                    };
                    (months, source)
                });
                last_rule = Some(rule_key);
            }
        }
        if obs.age != total_age {
            continue;
        }
        let Some(partner) = countries.index(dataset, obs.category) else {
            continue;
        };
        if partner == reporter {
            continue;
        }
        let entry = |receiver, sender| Entry {
            key: pack(obs.year, receiver, sender, obs.sex),
            value: obs.number().unwrap_or(f64::NAN),
            obs: index as u32,
        };
        match direction {
            FlowDirection::Immigration => immigration.push(entry(reporter, partner)),
            FlowDirection::Emigration => emigration.push(entry(partner, reporter)),
        }
    }
    Read {
        countries,
        immigration,
        emigration,
        data_rules,
    }
}

/// Numbers countries in code order, so that key order is the order of the output: the new
/// number of each country as first seen, and the codes in that order.
fn code_order(dataset: &Dataset, countries: &Countries) -> (Vec<u32>, Vec<SmolStr>) {
    let mut order: Vec<u32> = (0..countries.syms.len() as u32).collect();
    order.sort_by(|a, b| {
        dataset
            .str(countries.syms[*a as usize])
            .cmp(dataset.str(countries.syms[*b as usize]))
    });
    let mut rank = vec![0u32; order.len()];
    for (position, &dense) in order.iter().enumerate() {
        rank[dense as usize] = position as u32;
    }
    let codes: Vec<SmolStr> = order
        .iter()
        .map(|&dense| SmolStr::new(dataset.str(countries.syms[dense as usize])))
        .collect();
    (rank, codes)
}

/// Renumbers the countries of the keys by `rank` and sorts both sides by key; returns the first
/// and last year.
fn renumber(immigration: &mut [Entry], emigration: &mut [Entry], rank: &[u32]) -> (u16, u16) {
    let mut first_year = u16::MAX;
    let mut last_year = 0u16;
    for entries in [immigration, emigration] {
        for entry in entries.iter_mut() {
            let (year, receiver, sender, sex) = unpack(entry.key);
            entry.key = pack(year, rank[receiver as usize], rank[sender as usize], sex);
            first_year = first_year.min(year);
            last_year = last_year.max(year);
        }
        // Stable, so that among repeated keys the first observation counts.
        entries.sort_by_key(|e| e.key);
    }
    (first_year, last_year)
}

/// Which sexes each reporter gives in each year and direction.
fn sexes_given(
    countries: usize,
    [first_year, last_year]: [u16; 2],
    immigration: &[Entry],
    emigration: &[Entry],
) -> PerReporterYear<u8> {
    let years = (last_year - first_year) as usize + 1;
    let mut sexes = PerReporterYear::new(countries, first_year, years, 0u8);
    for (direction, entries) in [
        (FlowDirection::Immigration, immigration),
        (FlowDirection::Emigration, emigration),
    ] {
        for entry in entries {
            let (year, receiver, sender, sex) = unpack(entry.key);
            let reporter = match direction {
                FlowDirection::Immigration => receiver,
                FlowDirection::Emigration => sender,
            };
            if let Some(mask) = sexes.get_mut(reporter, direction, year) {
                *mask |= 1 << sex as u8;
            }
        }
    }
    sexes
}

/// Reads the Table 3 and Table 4 rows that can pair (current countries, age total, partner
/// other than the reporter), with the duration rules they state.
fn collect(dataset: &Dataset) -> Option<Collected> {
    let total_age = dataset.sym("TOTAL")?;
    let Read {
        countries,
        mut immigration,
        mut emigration,
        data_rules,
    } = read_rows(dataset, total_age);
    if immigration.is_empty() && emigration.is_empty() {
        return None;
    }
    let (rank, codes) = code_order(dataset, &countries);
    let (first_year, last_year) = renumber(&mut immigration, &mut emigration, &rank);
    let sexes = sexes_given(
        codes.len(),
        [first_year, last_year],
        &immigration,
        &emigration,
    );
    let data_rules = data_rules
        .into_iter()
        .map(|((dense, year, direction), given)| ((rank[dense as usize], year, direction), given))
        .collect();
    Some(Collected {
        codes,
        immigration,
        emigration,
        first_year,
        last_year,
        sexes,
        data_rules,
    })
}

impl Collected {
    /// Merges the two sorted sides: calls `each` with the key and the two sides of every
    /// pair-year with a row on either side, leaving out men and women where the receiver's
    /// Table 3 or the sender's Table 4 of that year does not give that sex.
    fn merge(&self, mut each: impl FnMut(u64, Option<Side>, Option<Side>)) {
        let (immigration, emigration) = (&self.immigration, &self.emigration);
        let (mut a, mut b) = (0, 0);
        loop {
            let key = match (immigration.get(a), emigration.get(b)) {
                (Some(x), Some(y)) => x.key.min(y.key),
                (Some(x), None) => x.key,
                (None, Some(y)) => y.key,
                (None, None) => break,
            };
            let (imm, next_a) = take_group(immigration, a, key);
            let (emi, next_b) = take_group(emigration, b, key);
            a = next_a;
            b = next_b;
            let (year, receiver, sender, sex) = unpack(key);
            if sex != Sex::T {
                let gives = |reporter, direction| {
                    self.sexes.get(reporter, direction, year).unwrap_or(0) & (1 << sex as u8) != 0
                };
                if !gives(receiver, FlowDirection::Immigration)
                    || !gives(sender, FlowDirection::Emigration)
                {
                    continue;
                }
            }
            each(key, imm, emi);
        }
    }
}

/// Pairs every receiver–sender–year–sex and computes its measures.
pub fn pair(dataset: &Dataset, settings: &MirrorSettings) -> Paired {
    let Some(collected) = collect(dataset) else {
        return Paired::default();
    };
    let Collected {
        codes,
        first_year,
        last_year,
        sexes,
        data_rules,
        ..
    } = &collected;
    let (first_year, last_year) = (*first_year, *last_year);
    let years = (last_year - first_year) as usize + 1;

    // The criterion and factor of every reporter-year that reports.
    let mut months_from_data = PerReporterYear::new(codes.len(), first_year, years, None);
    for (&(reporter, year, direction), &given) in data_rules {
        if let Some(slot) = months_from_data.get_mut(reporter, direction, year) {
            *slot = Some(given);
        }
    }
    let mut factors = PerReporterYear::new(codes.len(), first_year, years, 1.0f64);
    let mut durations = Vec::new();
    for (reporter, code) in codes.iter().enumerate() {
        let reporter = reporter as u32;
        for direction in FlowDirection::ALL {
            for year in first_year..=last_year {
                if sexes.get(reporter, direction, year).unwrap_or(0) == 0 {
                    continue;
                }
                let from_data = months_from_data.get(reporter, direction, year).flatten();
                let rule = duration::rule(code, direction, year, from_data, settings);
                if let Some(slot) = factors.get_mut(reporter, direction, year) {
                    *slot = rule.factor;
                }
                durations.push(rule);
            }
        }
    }

    // The pair-years and their sides; the measures (an exact interval each) are computed after,
    // on every core.
    let mut pending: Vec<PendingPair> =
        Vec::with_capacity(collected.immigration.len().max(collected.emigration.len()));
    let mut missing = Vec::new();
    collected.merge(|key, imm, emi| {
        let (imm_value, emi_value) = (imm.and_then(|s| s.value), emi.and_then(|s| s.value));
        let (year, receiver, sender, sex) = unpack(key);
        if let (Some(imm), Some(emi)) = (imm, emi)
            && (imm_value.is_none() || emi_value.is_none())
        {
            missing.push(MissingValues {
                receiver: codes[receiver as usize].to_string(),
                sender: codes[sender as usize].to_string(),
                year,
                sex,
                immigration: imm.obs,
                emigration: emi.obs,
            });
        }
        if imm_value.is_none() && emi_value.is_none() {
            return;
        }
        let sides = Sides {
            immigration: imm_value,
            emigration: emi_value,
            immigration_factor: factors
                .get(receiver, FlowDirection::Immigration, year)
                .unwrap_or(1.0),
            emigration_factor: factors
                .get(sender, FlowDirection::Emigration, year)
                .unwrap_or(1.0),
        };
        pending.push((receiver, sender, year, sex, sides));
    });
    let runs: Vec<&[PendingPair]> = pending.chunks(4096).collect();
    let made = crate::parallel::map_in_order(&runs, |run| {
        run.iter()
            .map(|&(receiver, sender, year, sex, sides)| {
                measures::measure(
                    codes[receiver as usize].clone(),
                    codes[sender as usize].clone(),
                    year,
                    sex,
                    sides,
                    settings,
                )
            })
            .collect::<Vec<_>>()
    });
    // Gathered run by run, each freed once moved: flattened at once, every pair would be held
    // twice while the list grows.
    let mut pairs = Vec::with_capacity(pending.len());
    for run in made {
        pairs.extend(run);
    }
    Paired {
        pairs,
        durations,
        missing,
    }
}
