//! Age totals summed where a file gives a series by age but no total over ages (Eurostat's
//! `migr_imm5prv` by five-year groups, a Clearinghouse sheet by age without its `Total` row):
//! mirror statistics and coverage read the total over ages, so without it such a file would
//! look as if it reported nothing.
//!
//! A series is one table, reporter, year, sex, category and reference date of one file. Its total
//! is summed only when its age groups cover every age: the finest disjoint groups
//! ([`disjoint_bands`]) from 0 up to an open group (`85+`), plus any age not stated (`UNK`).
//! When one of the groups added is missing, the total is missing too (confidential when one is
//! confidential). The summed observation points at the first group's cell, carries the flags of
//! the groups, and the load report says how many totals were summed.

use super::LoadReport;
use crate::model::age::{AgeSpan, disjoint_bands};
use crate::model::{Dataset, Missing, Obs, Sym};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// One series, without its age, packed in 128 bits: table, sex, reporter, category, year,
/// reference date and file.
fn series_key(obs: &Obs) -> u128 {
    (obs.table as u128) << 120
        | (obs.sex as u128) << 112
        | (obs.reporter.0 as u128) << 80
        | (obs.category.0 as u128) << 48
        | (obs.year as u128) << 32
        | (obs.ref_date as u128) << 16
        | obs.file as u128
}

/// Adds the age totals a file does not give (see the module's description) and says so in the
/// report.
pub fn sum_missing_age_totals(dataset: &mut Dataset, report: &mut LoadReport) {
    let total = dataset.sym("TOTAL");
    if dataset.obs().iter().all(|o| Some(o.age) == total) {
        return;
    }
    // The series that give their total, then the age groups of those that do not.
    let with_total: FxHashSet<u128> = dataset
        .obs()
        .iter()
        .filter(|o| Some(o.age) == total)
        .map(series_key)
        .collect();
    let mut parts: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
    // The age groups of a series often follow each other: the last answer is kept.
    let mut last: Option<(u128, bool)> = None;
    for (index, obs) in dataset.obs().iter().enumerate() {
        if Some(obs.age) == total {
            continue;
        }
        let key = series_key(obs);
        let has_total = match last {
            Some((last_key, answer)) if last_key == key => answer,
            _ => {
                let answer = with_total.contains(&key);
                last = Some((key, answer));
                answer
            }
        };
        if !has_total {
            parts.entry(key).or_default().push(index as u32);
        }
    }
    if parts.is_empty() {
        return;
    }
    let mut spans: HashMap<Sym, AgeSpan> = HashMap::new();
    let mut series: Vec<Vec<u32>> = parts.into_values().collect();
    series.sort_unstable_by_key(|indices| indices.first().copied());
    let mut summed: Vec<Obs> = Vec::new();
    for indices in &series {
        let Some(chosen) = groups_to_add(dataset, indices, &mut spans) else {
            continue;
        };
        if let Some(total_obs) = sum(dataset, &chosen) {
            summed.push(total_obs);
        }
    }
    if summed.is_empty() {
        return;
    }
    let total = dataset.intern("TOTAL");
    let count = summed.len();
    let first = summed.first().map(|o| {
        format!(
            "table {} of {}, {}",
            o.table,
            dataset.str(o.reporter),
            o.year
        )
    });
    for mut obs in summed {
        obs.age = total;
        dataset.push(obs);
    }
    report.messages.push(format!(
        "the file gives ages but no total over ages: {count} age totals summed from the age \
         groups (first: {}), for mirror statistics and coverage",
        first.unwrap_or_default()
    ));
}

/// Which of a series' age groups (`indices`) add up to its total: the finest disjoint groups,
/// when they cover every age from 0 to an open group, and the age not stated; `None` when the
/// groups cannot give the total (a label that is no age group, groups that cross, ages left
/// out).
fn groups_to_add(
    dataset: &Dataset,
    indices: &[u32],
    spans: &mut HashMap<Sym, AgeSpan>,
) -> Option<Vec<u32>> {
    let mut bands: Vec<(u32, u32)> = Vec::new();
    let mut band_obs: Vec<u32> = Vec::new();
    let mut unknown: Vec<u32> = Vec::new();
    for &i in indices {
        let o = dataset.obs().get(i as usize)?;
        let span = *spans
            .entry(o.age)
            .or_insert_with(|| AgeSpan::parse(dataset.str(o.age)));
        match span {
            AgeSpan::Years { from, to } => {
                bands.push((from, to));
                band_obs.push(i);
            }
            AgeSpan::Unknown => unknown.push(i),
            AgeSpan::Total | AgeSpan::Unplaced => return None,
        }
    }
    if bands.len() < 2 {
        return None;
    }
    let keep: Vec<usize> = match disjoint_bands(&bands).ok()? {
        None => (0..bands.len()).collect(),
        Some(keep) => keep,
    };
    let mut covered: Vec<(u32, u32)> = keep.iter().filter_map(|&k| bands.get(k).copied()).collect();
    covered.sort_unstable();
    // From 0, each group where the one before ends, up to an open group.
    let end = covered
        .iter()
        .try_fold(0u32, |next, &(from, to)| (from == next).then_some(to))?;
    if end != u32::MAX {
        return None;
    }
    let mut chosen: Vec<u32> = keep
        .iter()
        .filter_map(|&k| band_obs.get(k).copied())
        .collect();
    chosen.extend(unknown);
    Some(chosen)
}

/// The sum of the observations at `indices`, as an observation that points at the first one.
fn sum(dataset: &mut Dataset, indices: &[u32]) -> Option<Obs> {
    let obs = dataset.obs();
    let first = *obs.get(*indices.first()? as usize)?;
    let mut value = 0.0;
    let mut missing: Option<Missing> = None;
    let mut flag = String::new();
    for &i in indices {
        let o = obs.get(i as usize)?;
        match o.number() {
            Some(n) => value += n,
            None => {
                let reason = Missing::from_code(o.missing).unwrap_or(Missing::NotAvailable);
                missing = Some(match (missing, reason) {
                    (Some(Missing::Confidential), _) | (_, Missing::Confidential) => {
                        Missing::Confidential
                    }
                    _ => Missing::NotAvailable,
                });
            }
        }
        super::codes::merge_flags(&mut flag, dataset.str(o.flag));
    }
    let mut total = first;
    match missing {
        Some(reason) => {
            total.value = f64::NAN;
            total.missing = reason as u8;
        }
        None => {
            total.value = value;
            total.missing = 0;
        }
    }
    total.flag = if flag.is_empty() {
        Sym::EMPTY
    } else {
        dataset.intern(&flag)
    };
    Some(total)
}
