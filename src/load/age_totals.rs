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
use crate::model::{Dataset, Missing, Obs, Sex, Sym, TableId};
use std::collections::HashMap;

/// One series, without its age.
type SeriesKey = (TableId, Sym, u16, Sex, Sym, u16, u16);

fn series_key(obs: &Obs) -> SeriesKey {
    (
        obs.table,
        obs.reporter,
        obs.year,
        obs.sex,
        obs.category,
        obs.ref_date,
        obs.file,
    )
}

/// Adds the age totals a file does not give (see the module's description) and says so in the
/// report.
pub fn sum_missing_age_totals(dataset: &mut Dataset, report: &mut LoadReport) {
    let total = dataset.sym("TOTAL");
    if dataset.obs().iter().all(|o| Some(o.age) == total) {
        return;
    }
    // The age groups of each series, and the series that give their total.
    let mut parts: HashMap<SeriesKey, Vec<u32>> = HashMap::new();
    for (index, obs) in dataset.obs().iter().enumerate() {
        if Some(obs.age) != total {
            parts.entry(series_key(obs)).or_default().push(index as u32);
        }
    }
    for obs in dataset.obs() {
        if Some(obs.age) == total {
            parts.remove(&series_key(obs));
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
        let chosen = {
            let obs = dataset.obs();
            let mut bands: Vec<(u32, u32)> = Vec::new();
            let mut band_obs: Vec<u32> = Vec::new();
            let mut unknown: Vec<u32> = Vec::new();
            let mut readable = true;
            for &i in indices {
                let Some(o) = obs.get(i as usize) else {
                    continue;
                };
                let span = *spans
                    .entry(o.age)
                    .or_insert_with(|| AgeSpan::parse(dataset.str(o.age)));
                match span {
                    AgeSpan::Years { from, to } => {
                        bands.push((from, to));
                        band_obs.push(i);
                    }
                    AgeSpan::Unknown => unknown.push(i),
                    AgeSpan::Total | AgeSpan::Unplaced => readable = false,
                }
            }
            if !readable || bands.len() < 2 {
                continue;
            }
            let keep: Vec<usize> = match disjoint_bands(&bands) {
                Ok(None) => (0..bands.len()).collect(),
                Ok(Some(keep)) => keep,
                Err(_) => continue,
            };
            let mut covered: Vec<(u32, u32)> =
                keep.iter().filter_map(|&k| bands.get(k).copied()).collect();
            covered.sort_unstable();
            let mut next = 0u32;
            let mut whole = true;
            for (from, to) in &covered {
                if *from != next {
                    whole = false;
                    break;
                }
                next = *to;
            }
            if !whole || next != u32::MAX {
                continue;
            }
            let mut chosen: Vec<u32> = keep
                .iter()
                .filter_map(|&k| band_obs.get(k).copied())
                .collect();
            chosen.extend(unknown);
            chosen
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
