//! Age groups: their canonical labels, the intervals of whole years they stand for, and the
//! choice of the groups to add up (check A2, and the age totals the loader sums where a file
//! gives none): a set of disjoint groups covering the same ages as all the groups given.
//!
//! Data often give nested or overlapping bands beside each other (`15-64` beside the five-year
//! groups, `65+` beside `65-69` and `70+`). Adding them all counts persons twice; A2 adds the
//! finest disjoint groups that cover the same ages instead, and cannot be evaluated when no such
//! set exists or when there are two equally fine ones.

use super::category::normalise_label;

/// Canonical age groups: `TOTAL`, `0-4`, `85+`, `UNK`, single years as `15`.
pub fn normalise_age(text: &str) -> Option<String> {
    let t = text.trim();
    let key = normalise_label(t);
    match key.as_str() {
        "" | "t" | "z" | "total" | "всего" | "итого" | "allages" | "всевозрасты" =>
        {
            return Some("TOTAL".into());
        }
        "unk" | "unknown" | "неизвестно" | "неуказан" | "неуказано" | "возрастнеуказан" =>
        {
            return Some("UNK".into());
        }
        _ => {}
    }
    let upper = t.to_uppercase().replace(' ', "");
    let body = upper.strip_prefix('Y').unwrap_or(&upper);
    let body = body.trim_start_matches('_');
    if let Some(n) = body.strip_prefix("LT") {
        let n: u32 = n.parse().ok()?;
        return (n > 0).then(|| format!("0-{}", n - 1));
    }
    if let Some(n) = body.strip_prefix("GE") {
        let n: u32 = n.parse().ok()?;
        return Some(format!("{n}+"));
    }
    for plus in [
        "+",
        "-",
        "ИСТАРШЕ",
        "ANDOVER",
        "ANDOLDER",
        "ЛЕТИСТАРШЕ",
        "ИБОЛЕЕ",
    ] {
        if let Some(n) = body.strip_suffix(plus)
            && let Ok(n) = n.parse::<u32>()
        {
            return Some(format!("{n}+"));
        }
    }
    let range: Vec<&str> = body
        .split(['-', '–', '—'])
        .map(|p| p.trim_end_matches("ЛЕТ"))
        .collect();
    match range.as_slice() {
        [a, b] => {
            let a: u32 = a.parse().ok()?;
            let b: u32 = b.parse().ok()?;
            (a <= b).then(|| format!("{a}-{b}"))
        }
        [a] => {
            let a: u32 = a.parse().ok()?;
            (a <= 120).then(|| a.to_string())
        }
        _ => None,
    }
}

/// What an age label stands for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AgeSpan {
    /// All ages (`TOTAL`): the total, never a part.
    Total,
    /// Age not stated (`UNK`): a part of every sum over ages.
    Unknown,
    /// Whole years from `from` up to `to`, `to` excluded; `to` is `u32::MAX` for an open band
    /// (`85+`).
    Years { from: u32, to: u32 },
    /// A label that is not an age group (an S1 finding); counted as a part, as written.
    Unplaced,
}

impl AgeSpan {
    /// Reads an age label as the loaders write it (`0-4`, `80+`, `15`, `UNK`, `TOTAL`) or as it
    /// may come in a file (`Y15-19`, `Y_LT5`, `Y_GE85`).
    pub fn parse(label: &str) -> AgeSpan {
        let Some(age) = normalise_age(label) else {
            return AgeSpan::Unplaced;
        };
        match age.as_str() {
            "TOTAL" => return AgeSpan::Total,
            "UNK" => return AgeSpan::Unknown,
            _ => {}
        }
        if let Some(from) = age.strip_suffix('+') {
            return match from.parse() {
                Ok(from) => AgeSpan::Years { from, to: u32::MAX },
                Err(_) => AgeSpan::Unplaced,
            };
        }
        let bounds = match age.split_once('-') {
            Some((from, last)) => (from.parse::<u32>(), last.parse::<u32>()),
            None => (age.parse::<u32>(), age.parse::<u32>()),
        };
        match bounds {
            (Ok(from), Ok(last)) if from <= last && last < u32::MAX - 1 => {
                AgeSpan::Years { from, to: last + 1 }
            }
            _ => AgeSpan::Unplaced,
        }
    }
}

/// Why a set of age bands cannot be added up: two of them overlap (named by their positions in
/// the bands given: where no disjoint set gets past, or the first overlap of two equally fine
/// sets) and no single finest disjoint set covers their ages.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    pub first: usize,
    pub second: usize,
    /// Two or more disjoint sets are equally fine (`false`: none covers the ages).
    pub ambiguous: bool,
}

/// Which of `bands` (`(from, to)`, `to` excluded) to add up: `Ok(None)` when they are disjoint
/// (all of them); `Ok(Some(keep))` with the positions of the finest disjoint bands that cover the
/// same ages as all of them; `Err` when no such set exists or there are several equally fine.
pub fn disjoint_bands(bands: &[(u32, u32)]) -> Result<Option<Vec<usize>>, Overlap> {
    let mut order: Vec<usize> = (0..bands.len()).collect();
    order.sort_by_key(|&b| bands[b]);
    if first_overlap(bands, &order).is_none() {
        return Ok(None);
    }
    let mut keep = Vec::with_capacity(bands.len());
    // The stretches of ages the bands cover without a gap (touching bands are one stretch),
    // each divided on its own.
    let mut start = 0;
    while start < order.len() {
        let mut end_age = bands[order[start]].1;
        let mut end = start + 1;
        while end < order.len() && bands[order[end]].0 <= end_age {
            end_age = end_age.max(bands[order[end]].1);
            end += 1;
        }
        let stretch = &order[start..end];
        start = end;
        let Some((first, second)) = first_overlap(bands, stretch) else {
            keep.extend_from_slice(stretch);
            continue;
        };
        return match finest_chain(bands, stretch, bands[stretch[0]].0, end_age) {
            Chain::One(chain) => {
                keep.extend(chain);
                continue;
            }
            Chain::Several => Err(Overlap {
                first,
                second,
                ambiguous: true,
            }),
            Chain::Blocked { over, blocked } => Err(Overlap {
                first: over,
                second: blocked,
                ambiguous: false,
            }),
        };
    }
    keep.sort_unstable();
    Ok(Some(keep))
}

/// The first two bands of `order` (sorted by start) that overlap: a band starting below the end
/// of an earlier one, with the earlier band that reaches furthest.
fn first_overlap(bands: &[(u32, u32)], order: &[usize]) -> Option<(usize, usize)> {
    let mut furthest: Option<usize> = None;
    for &b in order {
        if let Some(f) = furthest {
            if bands[b].0 < bands[f].1 {
                return Some((f, b));
            }
            if bands[b].1 <= bands[f].1 {
                continue;
            }
        }
        furthest = Some(b);
    }
    None
}

/// The chains of bands that follow each other without gap or overlap from one age to another.
enum Chain {
    /// The one longest chain.
    One(Vec<usize>),
    /// Two or more chains are the longest.
    Several,
    /// No chain reaches the end: `blocked` is the first band no chain reaches the start of, and
    /// `over` a band that reaches across that start.
    Blocked { over: usize, blocked: usize },
}

/// The most bands that follow each other without gap or overlap from age `from` to `to`, among
/// `order` (sorted by start).
fn finest_chain(bands: &[(u32, u32)], order: &[usize], from: u32, to: u32) -> Chain {
    /// The longest chain reaching an age: its length, how many chains are that long (2 = more
    /// than one) and its last band.
    #[derive(Copy, Clone)]
    struct Reach {
        length: usize,
        ways: u8,
        last: Option<usize>,
    }
    let mut reached: rustc_hash::FxHashMap<u32, Reach> = rustc_hash::FxHashMap::default();
    reached.insert(
        from,
        Reach {
            length: 0,
            ways: 1,
            last: None,
        },
    );
    // Bands in order of their start: every chain into an age is complete before bands leave it.
    let mut blocked = None;
    for &b in order {
        let (start, end) = bands[b];
        let Some(&before) = reached.get(&start) else {
            blocked = blocked.or(Some(b));
            continue;
        };
        let candidate = Reach {
            length: before.length + 1,
            ways: before.ways,
            last: Some(b),
        };
        reached
            .entry(end)
            .and_modify(|r| {
                if candidate.length > r.length {
                    *r = candidate;
                } else if candidate.length == r.length {
                    r.ways = r.ways.saturating_add(candidate.ways).min(2);
                }
            })
            .or_insert(candidate);
    }
    let Some(&end) = reached.get(&to) else {
        // The stretch has no gap, so a band before the first one blocked reaches across its
        // start (one ending there would have been followed).
        let blocked = blocked.unwrap_or(order[0]);
        let start = bands[blocked].0;
        let over = order
            .iter()
            .copied()
            .find(|&b| bands[b].0 < start && start < bands[b].1)
            .unwrap_or(blocked);
        return Chain::Blocked { over, blocked };
    };
    if end.ways > 1 {
        return Chain::Several;
    }
    let mut chain = Vec::with_capacity(end.length);
    let mut at = end;
    while let Some(b) = at.last {
        chain.push(b);
        match reached.get(&bands[b].0) {
            Some(&before) => at = before,
            None => {
                return Chain::Blocked {
                    over: b,
                    blocked: b,
                };
            }
        }
    }
    Chain::One(chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: &str) -> AgeSpan {
        AgeSpan::parse(label)
    }

    #[test]
    fn labels_read_as_intervals() {
        assert_eq!(span("0-4"), AgeSpan::Years { from: 0, to: 5 });
        assert_eq!(span("Y15-19"), AgeSpan::Years { from: 15, to: 20 });
        assert_eq!(span("Y_LT5"), AgeSpan::Years { from: 0, to: 5 });
        assert_eq!(
            span("Y_GE85"),
            AgeSpan::Years {
                from: 85,
                to: u32::MAX
            }
        );
        assert_eq!(
            span("80+"),
            AgeSpan::Years {
                from: 80,
                to: u32::MAX
            }
        );
        assert_eq!(span("15"), AgeSpan::Years { from: 15, to: 16 });
        assert_eq!(span("UNK"), AgeSpan::Unknown);
        assert_eq!(span("TOTAL"), AgeSpan::Total);
        assert_eq!(span("working age"), AgeSpan::Unplaced);
    }

    fn bands(labels: &[&str]) -> Vec<(u32, u32)> {
        labels
            .iter()
            .map(|l| match span(l) {
                AgeSpan::Years { from, to } => (from, to),
                other => panic!("{l}: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn disjoint_bands_are_all_kept() {
        assert_eq!(disjoint_bands(&bands(&["0-14", "15-64", "65+"])), Ok(None));
        assert_eq!(disjoint_bands(&bands(&["65+", "0-4", "10-14"])), Ok(None));
    }

    #[test]
    fn nested_bands_give_way_to_the_finer_ones() {
        let given = bands(&["0-14", "15-64", "15-39", "40-64", "65+", "65-69", "70+"]);
        assert_eq!(disjoint_bands(&given), Ok(Some(vec![0, 2, 3, 5, 6])));
        // A gap in the ages stays a gap.
        let gap = bands(&["0-4", "0-9", "5-9", "20-24"]);
        assert_eq!(disjoint_bands(&gap), Ok(Some(vec![0, 2, 3])));
    }

    #[test]
    fn crossing_or_twice_divided_bands_cannot_be_added() {
        let crossing = bands(&["0-14", "10-19", "20+"]);
        assert_eq!(
            disjoint_bands(&crossing),
            Err(Overlap {
                first: 0,
                second: 1,
                ambiguous: false
            })
        );
        // The nested 65+ is resolved; the crossing groups of the first stretch are named.
        let elsewhere = bands(&["0-14", "10-19", "20-64", "65+", "65-69", "70+"]);
        assert_eq!(
            disjoint_bands(&elsewhere),
            Err(Overlap {
                first: 0,
                second: 1,
                ambiguous: false
            })
        );
        // Crossing groups that a wider one covers are left out with it.
        let covered = bands(&["0-14", "15-64", "15-19", "20-39", "30-64"]);
        assert_eq!(disjoint_bands(&covered), Ok(Some(vec![0, 1])));
        // 30-69 starts inside 15-64 and ends beyond it: nothing reaches 70+.
        let later = bands(&["0-14", "15-64", "15-19", "20-39", "30-69", "70+"]);
        assert_eq!(
            disjoint_bands(&later),
            Err(Overlap {
                first: 1,
                second: 4,
                ambiguous: false
            })
        );
        let twice = bands(&["0-9", "10-19", "0-4", "5-19"]);
        assert_eq!(
            disjoint_bands(&twice),
            Err(Overlap {
                first: 2,
                second: 0,
                ambiguous: true
            })
        );
    }
}
