//! A1–A4: the breakdowns of a table add up to its totals (sex, age, partner, status).

use super::index::BreakdownKey;
use super::sum::{Parts, Term, absent_message, check_sum};
use super::text::Label;
use super::{Check, CheckCode, CheckContext, CheckOutput};
use crate::model::age::{AgeSpan, disjoint_bands};
use crate::model::{CategoryKind, ObsKey, Sex, Sym, TableId};
use crate::{t, t2};

/// The by-country tables, whose `TOTAL` row is the sum of its partners (A3).
pub const BY_COUNTRY: [TableId; 7] = [
    TableId::T1_2,
    TableId::T2_2,
    TableId::T3,
    TableId::T4,
    TableId::T5_2,
    TableId::T6_2,
    TableId::T7_2,
];

/// Whether a category counts as a part of a by-country total: countries, historical states,
/// `UNK`, `OTHER`, `STATELESS` and labels that could not be placed; never aggregates or `TOTAL`.
pub fn is_partner_part(kind: CategoryKind) -> bool {
    kind.is_part_of_partner_total() || kind == CategoryKind::Unplaced
}

/// A1: T = M + F (+ U).
pub struct A1;

impl Check for A1 {
    fn code(&self) -> CheckCode {
        CheckCode::A1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for &i in &context.index.unique {
            let total = context.obs(i);
            if total.sex != Sex::T {
                continue;
            }
            let part = |sex: Sex| context.find_near(ObsKey { sex, ..total.key() }, i);
            let (men, women, unknown) = (part(Sex::M), part(Sex::F), part(Sex::U));
            let total_term = Term::new(i, Label::Total);
            match (men, women) {
                (Some(men), Some(women)) => {
                    let mut parts = [
                        Term::new(men, Label::Sex(Sex::M)),
                        Term::new(women, Label::Sex(Sex::F)),
                        Term::new(0, Label::Sex(Sex::U)),
                    ];
                    let count = match unknown {
                        Some(u) => {
                            parts[2].obs = u;
                            3
                        }
                        None => 2,
                    };
                    check_sum(context, out, total_term, &parts[..count], Parts::Sexes);
                }
                (None, None) if unknown.is_none() => {}
                (None, _) => out.not_evaluable(
                    context
                        .case_about(i)
                        .message(absent_message(context, Label::Sex(Sex::M))),
                ),
                (Some(_), None) => out.not_evaluable(
                    context
                        .case_about(i)
                        .message(absent_message(context, Label::Sex(Sex::F))),
                ),
            }
        }
    }
}

/// A2: age TOTAL = Σ age groups (including `UNK`).
///
/// The groups added are disjoint: where the data give nested or overlapping bands beside each
/// other (`15-64` beside `15-19` … `60-64`), the finest disjoint bands that cover the same ages
/// are added and the wider ones left out. When no such set exists, or two are equally fine, the
/// case is not evaluable. `UNK` and labels that are not age groups are always parts; another
/// spelling of all ages (`Total`) never is.
pub struct A2;

impl A2 {
    /// Says which age groups overlap and why they cannot be added up.
    fn overlap_message(
        context: &CheckContext<'_>,
        first: u32,
        second: u32,
        ambiguous: bool,
    ) -> (String, String) {
        let first = context.str(context.obs(first).age);
        let second = context.str(context.obs(second).age);
        if ambiguous {
            t2!("a2-overlap-ambiguous", first = first, second = second)
        } else {
            t2!("a2-overlap-no-set", first = first, second = second)
        }
    }
}

impl Check for A2 {
    fn code(&self) -> CheckCode {
        CheckCode::A2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let Some(total_age) = context.index.codes.total else {
            return;
        };
        // The span of every age label, read once.
        let mut spans: Vec<Option<AgeSpan>> = vec![None; context.dataset.strings.len()];
        let mut span_of = |age: Sym| -> AgeSpan {
            match spans.get_mut(age.0 as usize) {
                Some(Some(span)) => *span,
                Some(slot) => *slot.insert(AgeSpan::parse(context.str(age))),
                None => AgeSpan::parse(context.str(age)),
            }
        };
        let mut parts = Vec::new();
        let mut bands: Vec<(u32, u32)> = Vec::new();
        let mut band_obs: Vec<u32> = Vec::new();
        for (key, items) in context.index.age_groups.iter() {
            let Some(total) = context.find(ObsKey {
                table: key.table,
                reporter: key.reporter,
                year: key.year,
                sex: key.sex,
                age: total_age,
                category: key.category,
            }) else {
                continue;
            };
            bands.clear();
            band_obs.clear();
            for &i in items {
                if let AgeSpan::Years { from, to } = span_of(context.obs(i).age) {
                    bands.push((from, to));
                    band_obs.push(i);
                }
            }
            let keep = match disjoint_bands(&bands) {
                Ok(keep) => keep,
                Err(overlap) => {
                    let message = A2::overlap_message(
                        context,
                        band_obs[overlap.first],
                        band_obs[overlap.second],
                        overlap.ambiguous,
                    );
                    out.not_evaluable(context.case_about(total).message(message));
                    continue;
                }
            };
            // Bands in data order, as `items` lists them; other labels are always parts.
            let mut band = 0;
            parts.clear();
            for &i in items {
                let is_band = band < band_obs.len() && band_obs[band] == i;
                let kept = match (&keep, is_band) {
                    (Some(keep), true) => keep.binary_search(&band).is_ok(),
                    _ => true,
                };
                if is_band {
                    band += 1;
                }
                // Another spelling of all ages is not a group.
                let age = context.obs(i).age;
                if kept && span_of(age) != AgeSpan::Total {
                    parts.push(Term::new(i, Label::Age(age)));
                }
            }
            check_sum(
                context,
                out,
                Term::new(total, Label::Total),
                &parts,
                Parts::AgeGroups,
            );
        }
    }
}

/// A3: the `TOTAL` row of a by-country table = Σ countries + historical states + `STATELESS`
/// + `UNK` + `OTHER`.
pub struct A3;

impl Check for A3 {
    fn code(&self) -> CheckCode {
        CheckCode::A3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let Some(total_code) = context.index.codes.total else {
            return;
        };
        let mut parts = Vec::new();
        for table in BY_COUNTRY {
            for (_, items) in context.index.breakdowns.of_table(table) {
                let mut total = None;
                parts.clear();
                for &i in items {
                    let category = context.obs(i).category;
                    if category == total_code {
                        total = Some(i);
                    } else if is_partner_part(context.index.kind(category)) {
                        parts.push(Term::new(i, Label::Category(category)));
                    }
                }
                if let Some(total) = total
                    && !parts.is_empty()
                {
                    check_sum(
                        context,
                        out,
                        Term::new(total, Label::Total),
                        &parts,
                        Parts::Partners,
                    );
                }
            }
        }
    }
}

/// A4: the status breakdowns add up: 1.1 TOTAL = NATIVE + FOREIGN_BORN (+ UNKNOWN); 2.1, 5.1,
/// 6.1 TOTAL = CITIZENS + NON_CITIZENS (+ UNKNOWN) and NON_CITIZENS = FOREIGN + STATELESS;
/// 7.1 TOTAL = Σ its statuses.
pub struct A4;

/// The categories of one status breakdown.
#[derive(Default)]
struct Statuses {
    total: Option<u32>,
    native: Option<u32>,
    foreign_born: Option<u32>,
    citizens: Option<u32>,
    non_citizens: Option<u32>,
    foreign: Option<u32>,
    stateless: Option<u32>,
    unknown: Option<u32>,
    /// Any other category (7.1 may name statuses of its own).
    others: Vec<u32>,
}

impl Statuses {
    fn read(context: &CheckContext<'_>, items: &[u32]) -> Statuses {
        let codes = &context.index.codes;
        let mut s = Statuses::default();
        for &i in items {
            let category = Some(context.obs(i).category);
            let slot = if category == codes.total {
                &mut s.total
            } else if category == codes.native {
                &mut s.native
            } else if category == codes.foreign_born {
                &mut s.foreign_born
            } else if category == codes.citizens {
                &mut s.citizens
            } else if category == codes.non_citizens {
                &mut s.non_citizens
            } else if category == codes.foreign {
                &mut s.foreign
            } else if category == codes.stateless {
                &mut s.stateless
            } else if category == codes.unknown {
                &mut s.unknown
            } else {
                s.others.push(i);
                continue;
            };
            *slot = Some(i);
        }
        s
    }
}

fn term(context: &CheckContext<'_>, obs: u32) -> Term {
    Term::new(obs, Label::Status(context.obs(obs).category))
}

impl A4 {
    /// TOTAL = Σ parts where the rule names two main parts that must both be given.
    fn main_parts(
        context: &CheckContext<'_>,
        out: &mut CheckOutput,
        total: u32,
        first: (Option<u32>, Label),
        second: (Option<u32>, &[u32], Label),
        unknown: Option<u32>,
    ) {
        let (first_obs, first_label) = first;
        let (second_obs, second_split, second_label) = second;
        let any_part = first_obs.is_some()
            || second_obs.is_some()
            || !second_split.is_empty()
            || unknown.is_some();
        if !any_part {
            return;
        }
        let Some(first_obs) = first_obs else {
            out.not_evaluable(
                context
                    .case_about(total)
                    .message(absent_message(context, first_label)),
            );
            return;
        };
        let mut parts = vec![term(context, first_obs)];
        match second_obs {
            Some(obs) => parts.push(term(context, obs)),
            None if !second_split.is_empty() => {
                parts.extend(second_split.iter().map(|&obs| term(context, obs)));
            }
            None => {
                out.not_evaluable(
                    context
                        .case_about(total)
                        .message(absent_message(context, second_label)),
                );
                return;
            }
        }
        if let Some(unknown) = unknown {
            parts.push(term(context, unknown));
        }
        check_sum(
            context,
            out,
            Term::new(total, Label::Total),
            &parts,
            Parts::Statuses,
        );
    }

    /// NON_CITIZENS = FOREIGN + STATELESS, where all three are given.
    fn non_citizens(context: &CheckContext<'_>, out: &mut CheckOutput, s: &Statuses) {
        if let (Some(non_citizens), Some(foreign), Some(stateless)) =
            (s.non_citizens, s.foreign, s.stateless)
        {
            check_sum(
                context,
                out,
                term(context, non_citizens),
                &[term(context, foreign), term(context, stateless)],
                Parts::Statuses,
            );
        }
    }
}

impl Check for A4 {
    fn code(&self) -> CheckCode {
        CheckCode::A4
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for table in [
            TableId::T1_1,
            TableId::T2_1,
            TableId::T5_1,
            TableId::T6_1,
            TableId::T7_1,
        ] {
            for (_, items) in context.index.breakdowns.of_table(table) {
                let s = Statuses::read(context, items);
                match table {
                    TableId::T1_1 => {
                        if let Some(total) = s.total {
                            A4::main_parts(
                                context,
                                out,
                                total,
                                (s.native, Label::Named(|lang| t!(lang, "status-native"))),
                                (
                                    s.foreign_born,
                                    &[],
                                    Label::Named(|lang| t!(lang, "status-foreign-born")),
                                ),
                                s.unknown,
                            );
                        }
                    }
                    TableId::T7_1 => {
                        if let Some(total) = s.total {
                            // FOREIGN and STATELESS are a split of NON_CITIZENS when it is given.
                            let mut parts: Vec<Term> = Vec::new();
                            for obs in [s.citizens, s.non_citizens, s.unknown]
                                .into_iter()
                                .flatten()
                            {
                                parts.push(term(context, obs));
                            }
                            if s.non_citizens.is_none() {
                                for obs in [s.foreign, s.stateless].into_iter().flatten() {
                                    parts.push(term(context, obs));
                                }
                            }
                            for &obs in &s.others {
                                parts.push(term(context, obs));
                            }
                            if let Some(native) = s.native {
                                parts.push(term(context, native));
                            }
                            if let Some(foreign_born) = s.foreign_born {
                                parts.push(term(context, foreign_born));
                            }
                            if !parts.is_empty() {
                                check_sum(
                                    context,
                                    out,
                                    Term::new(total, Label::Total),
                                    &parts,
                                    Parts::Statuses,
                                );
                            }
                        }
                        A4::non_citizens(context, out, &s);
                    }
                    _ => {
                        if let Some(total) = s.total {
                            // Without a NON_CITIZENS row, foreign citizens and stateless persons
                            // together stand for it.
                            let split: Vec<u32> = if s.non_citizens.is_none() {
                                [s.foreign, s.stateless].into_iter().flatten().collect()
                            } else {
                                Vec::new()
                            };
                            A4::main_parts(
                                context,
                                out,
                                total,
                                (s.citizens, Label::Named(|lang| t!(lang, "status-citizens"))),
                                (
                                    s.non_citizens,
                                    &split,
                                    Label::Named(|lang| t!(lang, "status-non-citizens")),
                                ),
                                s.unknown,
                            );
                        }
                        A4::non_citizens(context, out, &s);
                    }
                }
            }
        }
    }
}

/// The key of a breakdown as an observation key with another category.
pub fn key_with(key: BreakdownKey, table: TableId, category: Sym) -> ObsKey {
    ObsKey {
        table,
        reporter: key.reporter,
        year: key.year,
        sex: key.sex,
        age: key.age,
        category,
    }
}
