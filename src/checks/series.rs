//! T1–T3: the data over time — implausible jumps, gaps, and breaks in series.

use super::index::{BreakdownKey, SeriesKey, TableReporter, YearChange, YearInfo};
use super::message::{self, JumpMessage, Message};
use super::sum::capitalise;
use super::text::{self, both};
use super::totals::BY_COUNTRY;
use super::{Case, Check, CheckCode, CheckContext, CheckOutput};
use crate::model::{CategoryKind, Lang, ObsKey, Sym, TableId};
use crate::t;
use rustc_hash::FxHashMap;

/// Makes the median absolute deviation a consistent estimate of the standard deviation of
/// normally distributed data (the standard constant of robust statistics).
const MAD_TO_SD: f64 = 1.4826;

/// The median of values (sorted in place).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    quantile_sorted(values, 0.5)
}

/// A quantile of sorted values, interpolating linearly between order statistics (R's default,
/// type 7).
fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * p;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// What made a year-on-year change stand out.
#[derive(Clone, Debug, Default)]
struct Jump {
    previous: u32,
    /// Robust z of the log ratio within its series, and the series' median ratio.
    series: Option<(f64, f64)>,
    /// Hidiroglou–Berthelot across the partners: the median ratio and the number of partners.
    partners: Option<(f64, usize)>,
}

/// The jumps the two passes of T1 found, by observation: listed as found, then sorted once
/// (a map of the 124,000 jumps of a random file held 17 MB).
#[derive(Default)]
struct Jumps(Vec<(u32, Jump)>);

impl Jumps {
    fn add(&mut self, obs: u32, jump: Jump) {
        self.0.push((obs, jump));
    }

    /// Sorted by observation, an observation both passes flagged told once: what each pass
    /// found, and the previous year the later pass compared with.
    fn sorted(mut self) -> Vec<(u32, Jump)> {
        self.0.sort_by_key(|&(obs, _)| obs);
        self.0.dedup_by(|(obs, later), (kept, earlier)| {
            if obs != kept {
                return false;
            }
            earlier.previous = later.previous;
            earlier.series = later.series.or(earlier.series);
            earlier.partners = later.partners.or(earlier.partners);
            true
        });
        self.0
    }
}

/// T1: a year-on-year jump — a robust z of ln(x(t)/x(t−1)) within its series above 3.5, or a
/// Hidiroglou–Berthelot outlier across the partners of one reporter and year; never across a
/// break in series.
pub struct T1;

const EVALUATED: u8 = 1;
const FLAGGED: u8 = 2;

impl T1 {
    fn within_series(
        context: &CheckContext<'_>,
        state: &mut [u8],
        jumps: &mut Jumps,
        missing: &mut Vec<u32>,
    ) {
        let limits = context.limits();
        let mut ratios: Vec<(u32, u32, f64)> = Vec::new();
        let mut logs: Vec<f64> = Vec::new();
        let mut holes: Vec<u32> = Vec::new();
        for (key, items) in context.index.series.iter() {
            if items.len() <= limits.t1_min_ratios {
                continue;
            }
            ratios.clear();
            holes.clear();
            for pair in items.windows(2) {
                let (before, after) = (context.obs(pair[0]), context.obs(pair[1]));
                if after.year != before.year + 1
                    || context.index.is_break(key.table, key.reporter, after.year)
                {
                    continue;
                }
                match (before.number(), after.number()) {
                    (Some(x0), Some(x1)) => {
                        if x0 > 0.0
                            && x1 > 0.0
                            && x0 >= limits.t1_min_count
                            && x1 >= limits.t1_min_count
                        {
                            ratios.push((pair[1], pair[0], (x1 / x0).ln()));
                        }
                    }
                    (x0, x1) => {
                        for (value, obs) in [(x0, pair[0]), (x1, pair[1])] {
                            if value.is_none() && holes.last() != Some(&obs) {
                                holes.push(obs);
                            }
                        }
                    }
                }
            }
            if ratios.len() < limits.t1_min_ratios {
                continue;
            }
            logs.clear();
            logs.extend(ratios.iter().map(|r| r.2));
            let centre = median(&mut logs);
            for l in logs.iter_mut() {
                *l = (*l - centre).abs();
            }
            let mad = median(&mut logs);
            let scale = (MAD_TO_SD * mad).max(limits.t1_min_scale);
            for &(obs, previous, l) in &ratios {
                state[obs as usize] |= EVALUATED;
                let z = (l - centre) / scale;
                if z.abs() > limits.t1_max_z {
                    state[obs as usize] |= FLAGGED;
                    let series = Some((z, centre.exp()));
                    jumps.add(
                        obs,
                        Jump {
                            previous,
                            series,
                            partners: None,
                        },
                    );
                }
            }
            missing.extend_from_slice(&holes);
        }
    }

    fn across_partners(context: &CheckContext<'_>, state: &mut [u8], jumps: &mut Jumps) {
        let limits = context.limits();
        // (obs at t, obs at t − 1, x(t − 1), x(t))
        let mut partners: Vec<(u32, u32, f64, f64)> = Vec::new();
        let mut ratios: Vec<f64> = Vec::new();
        let mut effects: Vec<f64> = Vec::new();
        let mut sorted: Vec<f64> = Vec::new();
        for table in BY_COUNTRY {
            for (key, items) in context.index.breakdowns.of_table(table) {
                if items.len() < limits.hb_min_partners
                    || context.index.is_break(table, key.reporter, key.year)
                {
                    continue;
                }
                let Some(previous_year) = key.year.checked_sub(1) else {
                    continue;
                };
                // The previous year's breakdown mostly lists the same partners in the same
                // order: its observation at the same place is the one looked for when its
                // category is the same (a breakdown holds only the first of each key).
                let before = context.index.breakdowns.get(&BreakdownKey {
                    year: previous_year,
                    ..key
                });
                partners.clear();
                for (at, &i) in items.iter().enumerate() {
                    let obs = context.obs(i);
                    if !matches!(
                        context.index.kind(obs.category),
                        CategoryKind::Country | CategoryKind::Historical
                    ) {
                        continue;
                    }
                    let Some(x1) = obs
                        .number()
                        .filter(|x| *x >= limits.hb_min_size && *x > 0.0)
                    else {
                        continue;
                    };
                    let same_place = before
                        .and_then(|b| b.get(at))
                        .copied()
                        .filter(|&p| context.obs(p).category == obs.category);
                    let Some(previous) = same_place.or_else(|| {
                        context.find(ObsKey {
                            year: previous_year,
                            ..obs.key()
                        })
                    }) else {
                        continue;
                    };
                    let Some(x0) = context
                        .obs(previous)
                        .number()
                        .filter(|x| *x >= limits.hb_min_size && *x > 0.0)
                    else {
                        continue;
                    };
                    partners.push((i, previous, x0, x1));
                }
                if partners.len() < limits.hb_min_partners {
                    continue;
                }
                ratios.clear();
                ratios.extend(partners.iter().map(|p| p.3 / p.2));
                sorted.clear();
                sorted.extend_from_slice(&ratios);
                let r_med = median(&mut sorted);
                effects.clear();
                for (p, r) in partners.iter().zip(&ratios) {
                    let s = if *r < r_med {
                        1.0 - r_med / r
                    } else {
                        r / r_med - 1.0
                    };
                    effects.push(s * p.2.max(p.3).powf(limits.hb_u));
                }
                sorted.clear();
                sorted.extend_from_slice(&effects);
                sorted.sort_by(f64::total_cmp);
                let e_q1 = quantile_sorted(&sorted, 0.25);
                let e_m = quantile_sorted(&sorted, 0.5);
                let e_q3 = quantile_sorted(&sorted, 0.75);
                let floor = (limits.hb_a * e_m).abs();
                let low = e_m - limits.hb_c * (e_m - e_q1).max(floor);
                let high = e_m + limits.hb_c * (e_q3 - e_m).max(floor);
                for ((p, e), r) in partners.iter().zip(&effects).zip(&ratios) {
                    state[p.0 as usize] |= EVALUATED;
                    let material = (r / r_med).ln().abs() >= limits.hb_min_log_change;
                    if (*e < low || *e > high) && material {
                        state[p.0 as usize] |= FLAGGED;
                        let partners = Some((r_med, partners.len()));
                        jumps.add(
                            p.0,
                            Jump {
                                previous: p.1,
                                series: None,
                                partners,
                            },
                        );
                    }
                }
            }
        }
    }

    fn message(context: &CheckContext<'_>, obs: u32, jump: &Jump) -> Message {
        let before = context.obs(jump.previous);
        let limit = context.limits().t1_max_z;
        Message::Jump(Box::new(JumpMessage {
            before: before.value,
            before_year: before.year,
            now: context.obs(obs).value,
            series: jump.series.map(|(z, usual)| (z, usual, limit)),
            partners: jump.partners,
        }))
    }
}

fn series_key(obs: &crate::model::Obs) -> SeriesKey {
    SeriesKey {
        table: obs.table,
        reporter: obs.reporter,
        sex: obs.sex,
        age: obs.age,
        category: obs.category,
    }
}

/// A series in words: `table 3, partner RUS (Russian Federation), men, age 0-4`.
fn series_name(context: &CheckContext<'_>, key: &SeriesKey, lang: Lang) -> String {
    message::series_name(
        key.table,
        context.str(key.category),
        key.sex,
        context.str(key.age),
        lang,
    )
}

impl Check for T1 {
    fn code(&self) -> CheckCode {
        CheckCode::T1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let mut state = vec![0u8; context.dataset.len()];
        let mut jumps = Jumps::default();
        let mut missing: Vec<u32> = Vec::new();
        T1::within_series(context, &mut state, &mut jumps, &mut missing);
        T1::across_partners(context, &mut state, &mut jumps);
        let jumps = jumps.sorted();
        for (i, &s) in state.iter().enumerate() {
            if s & FLAGGED != 0 {
                let obs = i as u32;
                if let Ok(at) = jumps.binary_search_by_key(&obs, |&(obs, _)| obs) {
                    let jump = &jumps[at].1;
                    let previous = context.obs(jump.previous).value;
                    let expected = match (jump.series, jump.partners) {
                        (Some((_, usual)), _) | (None, Some((usual, _))) => previous * usual,
                        (None, None) => previous,
                    };
                    out.fail(
                        context
                            .case_about(obs)
                            .values(Some(expected), Some(context.obs(obs).value))
                            .message(T1::message(context, obs, jump)),
                    );
                }
            } else if s & EVALUATED != 0 {
                out.pass();
            }
        }
        missing.sort_unstable();
        missing.dedup();
        for obs in missing {
            let o = context.obs(obs);
            let reason = match o.value() {
                crate::model::Value::Missing(reason) => reason,
                crate::model::Value::Number(_) => continue,
            };
            let location = context.location(obs);
            let message = both(|lang| {
                let series = series_name(context, &series_key(o), lang);
                let why = text::missing_reason(reason, lang);
                let at = text::at(&location, lang);
                t!(
                    lang,
                    "t1-missing",
                    year = o.year.to_string(),
                    series = series,
                    why = why,
                    at = at,
                )
            });
            out.not_evaluable(context.case_about(obs).message(message));
        }
    }
}

/// T2: gaps — a table a reporter gives in some years and not in others, and a year missing
/// inside a series where the table itself is there. A Clearinghouse table is compared with the
/// years of all the reporter's Clearinghouse tables, so a table missing at the start or the end
/// counts too; population, births and deaths come from vital statistics and often cover other
/// years, so each is compared with its own first and last year only. One finding per table and
/// run of missing years. Whether an observation exists can always be decided: T2 has no
/// not-evaluable case.
pub struct T2;

/// Years as runs: `2010, 2012–2013`.
fn year_runs(years: impl IntoIterator<Item = u16>) -> String {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for year in years {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == year => *last = year,
            _ => runs.push((year, year)),
        }
    }
    let text: Vec<String> = runs
        .iter()
        .map(|&(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            }
        })
        .collect();
    text.join(", ")
}

impl T2 {
    /// The finding about a table that has no data for `missing` (a run of years).
    fn table_gap(
        context: &CheckContext<'_>,
        table_reporter: TableReporter,
        years: &[YearInfo],
        missing: (u16, u16),
        span: Option<(u16, u16)>,
    ) -> Case {
        let reporter = context.str(table_reporter.reporter);
        let present: Vec<u16> = years.iter().map(|y| y.year).collect();
        let gap = year_runs(missing.0..=missing.1);
        let gap_count = usize::from(missing.1 - missing.0) + 1;
        let has = year_runs(present.iter().copied());
        let message = both(|lang| {
            let table = capitalise(text::table_name(table_reporter.table, lang));
            let who = text::reporter(reporter, lang);
            let gap = t!(lang, "t2-years", years = &gap, count = gap_count);
            let has = t!(lang, "t2-years", years = &has, count = present.len());
            match span {
                Some((first, last)) => t!(
                    lang,
                    "t2-table-gap-within",
                    table = table,
                    who = who,
                    gap = gap,
                    has = has,
                    reporter = reporter,
                    span = year_runs(first..=last),
                ),
                None => t!(
                    lang,
                    "t2-table-gap",
                    table = table,
                    who = who,
                    gap = gap,
                    has = has,
                ),
            }
        });
        // The table's file and sheet, from its last year before the gap (else its first after).
        let anchor = years
            .iter()
            .rev()
            .find(|y| y.year < missing.0)
            .or_else(|| years.first())
            .map(|y| context.place(y.first_obs));
        Case {
            table: Some(table_reporter.table),
            reporter: Some(reporter.into()),
            year: Some(missing.0),
            location: anchor,
            ..Case::default()
        }
        .message(message)
    }
}

impl Check for T2 {
    fn code(&self) -> CheckCode {
        CheckCode::T2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let is_clearinghouse = |table: TableId| TableId::CLEARINGHOUSE.contains(&table);
        // The first and last year of each reporter's Clearinghouse tables.
        let mut spans: FxHashMap<Sym, (u16, u16)> = FxHashMap::default();
        for (table_reporter, years) in &context.index.table_years {
            if let (true, Some(first), Some(last)) = (
                is_clearinghouse(table_reporter.table),
                years.first(),
                years.last(),
            ) {
                let span = spans
                    .entry(table_reporter.reporter)
                    .or_insert((first.year, last.year));
                span.0 = span.0.min(first.year);
                span.1 = span.1.max(last.year);
            }
        }
        let mut years_of: FxHashMap<TableReporter, &[YearInfo]> = FxHashMap::default();
        for (table_reporter, years) in &context.index.table_years {
            years_of.insert(*table_reporter, years);
            let (Some(first), Some(last)) = (years.first(), years.last()) else {
                continue;
            };
            let span = is_clearinghouse(table_reporter.table)
                .then(|| spans.get(&table_reporter.reporter).copied())
                .flatten();
            let (from, to) = span.unwrap_or((first.year, last.year));
            let mut present = years.iter().map(|y| y.year).peekable();
            let mut run: Option<(u16, u16)> = None;
            for year in from..=to {
                if present.peek() == Some(&year) {
                    present.next();
                    out.pass();
                    if let Some(missing) = run.take() {
                        out.fail(T2::table_gap(
                            context,
                            *table_reporter,
                            years,
                            missing,
                            span,
                        ));
                    }
                    continue;
                }
                run = Some(run.map_or((year, year), |(start, _)| (start, year)));
            }
            if let Some(missing) = run {
                out.fail(T2::table_gap(
                    context,
                    *table_reporter,
                    years,
                    missing,
                    span,
                ));
            }
        }
        for (key, items) in context.index.series.iter() {
            out.pass_many(items.len());
            let (Some(&first), Some(&last)) = (items.first(), items.last()) else {
                continue;
            };
            let (first_year, last_year) = (context.obs(first).year, context.obs(last).year);
            if usize::from(last_year - first_year) + 1 == items.len() {
                continue;
            }
            let table_years = years_of
                .get(&TableReporter {
                    table: key.table,
                    reporter: key.reporter,
                })
                .copied()
                .unwrap_or(&[]);
            let mut present = items.iter().map(|&i| (context.obs(i).year, i)).peekable();
            // The series' observation of the last year before the gap: its file and sheet.
            let mut before = first;
            for year in first_year..=last_year {
                if let Some(&(present_year, index)) = present.peek()
                    && present_year == year
                {
                    before = index;
                    present.next();
                    continue;
                }
                // A year the whole table is missing is one finding above, not one per series.
                if table_years.binary_search_by_key(&year, |y| y.year).is_err() {
                    continue;
                }
                let (year_text, first_text, last_text) = (
                    year.to_string(),
                    first_year.to_string(),
                    last_year.to_string(),
                );
                let message = both(|lang| {
                    t!(
                        lang,
                        "t2-series-gap",
                        year = &year_text,
                        series = series_name(context, &key, lang),
                        first = &first_text,
                        last = &last_text,
                    )
                });
                out.fail(
                    Case {
                        table: Some(key.table),
                        reporter: Some(context.str(key.reporter).into()),
                        year: Some(year),
                        sex: Some(key.sex),
                        age: Some(context.str(key.age).into()),
                        category: Some(context.str(key.category).into()),
                        location: Some(context.place(before)),
                        ..Case::default()
                    }
                    .message(message),
                );
            }
        }
    }
}

/// T3: a break in series — a `b` flag, or a change of source or of duration-of-stay rule
/// between consecutive years of a table-reporter.
pub struct T3;

fn sources(context: &CheckContext<'_>, info: &YearInfo, lang: Lang) -> String {
    let quoted: Vec<String> = info
        .sources
        .iter()
        .map(|&s| t!(lang, "text-quoted", text = context.str(s)))
        .collect();
    quoted.join(" / ")
}

fn durations(info: &YearInfo, lang: Lang) -> String {
    let named: Vec<String> = info
        .durations
        .iter()
        .map(|&m| text::duration_name(m, lang))
        .collect();
    named.join(" / ")
}

impl T3 {
    fn reasons(
        context: &CheckContext<'_>,
        previous: Option<&YearInfo>,
        this: &YearInfo,
        change: &YearChange,
        lang: Lang,
    ) -> Vec<String> {
        let mut reasons = Vec::new();
        if let Some(flagged) = change.break_flag {
            let at = text::at(&context.location(flagged), lang);
            reasons.push(t!(lang, "t3-flagged", at = at));
        }
        if let Some(previous) = previous {
            let (y0, y1) = (previous.year.to_string(), this.year.to_string());
            if change.source_changed {
                let (a, b) = (
                    sources(context, previous, lang),
                    sources(context, this, lang),
                );
                reasons.push(t!(
                    lang,
                    "t3-source-changes",
                    from = a,
                    from_year = &y0,
                    to = b,
                    to_year = &y1,
                ));
            }
            if change.duration_changed {
                let (a, b) = (durations(previous, lang), durations(this, lang));
                reasons.push(t!(
                    lang,
                    "t3-duration-changes",
                    from = a,
                    from_year = &y0,
                    to = b,
                    to_year = &y1,
                ));
            }
        }
        reasons
    }
}

impl Check for T3 {
    fn code(&self) -> CheckCode {
        CheckCode::T3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for (table_reporter, years) in &context.index.table_years {
            let reporter = context.str(table_reporter.reporter);
            let mut previous: Option<&YearInfo> = None;
            for info in years {
                let change = YearChange::between(previous, info);
                let anchor = change.break_flag.unwrap_or(info.first_obs);
                let mut case = Case {
                    table: Some(table_reporter.table),
                    reporter: Some(reporter.into()),
                    year: Some(info.year),
                    location: Some(context.location(anchor)),
                    ..Case::default()
                };
                // A break marked by a flag alone is about the flagged value: name its cell's key.
                if let Some(flagged) = change.break_flag
                    && !change.source_changed
                    && !change.duration_changed
                {
                    let obs = context.obs(flagged);
                    case.sex = Some(obs.sex);
                    case.age = Some(context.str(obs.age).into());
                    case.category = Some(context.str(obs.category).into());
                }
                if change.is_break() {
                    let message = both(|lang| {
                        let table = text::table_name(table_reporter.table, lang);
                        let who = text::reporter(reporter, lang);
                        let reasons =
                            T3::reasons(context, previous, info, &change, lang).join("; ");
                        t!(
                            lang,
                            "t3-break",
                            year = info.year.to_string(),
                            table = table,
                            who = who,
                            reasons = reasons,
                        )
                    });
                    out.fail(case.message(message));
                } else if change.is_undecided() {
                    let (Some(previous), year) = (previous, info.year) else {
                        out.pass();
                        continue;
                    };
                    let message = both(|lang| {
                        let table = text::table_name(table_reporter.table, lang);
                        let who = text::reporter(reporter, lang);
                        let mut missing = Vec::new();
                        if change.source_unknown {
                            missing.push(t!(lang, "t3-the-source"));
                        }
                        if change.duration_unknown {
                            missing.push(t!(lang, "t3-the-duration-rule"));
                        }
                        let what = missing.join(t!(lang, "t3-and"));
                        t!(
                            lang,
                            "t3-undecided",
                            table = table,
                            who = who,
                            year = year.to_string(),
                            what = what,
                            previous = previous.year.to_string(),
                        )
                    });
                    out.not_evaluable(case.message(message));
                } else {
                    out.pass();
                }
                previous = Some(info);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value both passes flag is told once, with what each found and the previous year of the
    /// later pass; the others keep theirs, in the order of the observations.
    #[test]
    fn jumps_are_sorted_and_one_flagged_twice_is_told_once() {
        let mut jumps = Jumps::default();
        let series = |previous| Jump {
            previous,
            series: Some((4.2, 1.1)),
            partners: None,
        };
        let partners = |previous| Jump {
            previous,
            series: None,
            partners: Some((0.9, 12)),
        };
        jumps.add(30, series(29));
        jumps.add(10, series(9));
        jumps.add(20, partners(19));
        jumps.add(10, partners(8));
        let sorted: Vec<(u32, u32, bool, bool)> = jumps
            .sorted()
            .into_iter()
            .map(|(obs, j)| (obs, j.previous, j.series.is_some(), j.partners.is_some()))
            .collect();
        assert_eq!(
            sorted,
            vec![
                (10, 8, true, true),
                (20, 19, false, true),
                (30, 29, true, false)
            ]
        );
    }

    #[test]
    fn quantiles_interpolate_like_r() {
        let sorted = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile_sorted(&sorted, 0.5), 2.5);
        assert_eq!(quantile_sorted(&sorted, 0.25), 1.75);
        assert_eq!(quantile_sorted(&sorted, 0.75), 3.25);
        let mut odd = [5.0, 1.0, 3.0];
        assert_eq!(median(&mut odd), 3.0);
    }
}
