//! P1–P3 and U1–U2: values that cannot be right (a flow from a country to itself, a part larger
//! than its whole, the reporter among its own foreigners) and breakdowns that say too little
//! (large shares of unknown partners, statuses, sexes or ages, or of residual partners).

use super::index::BreakdownKey;
use super::sum::{Side, Term, capitalise, country_total, exceeds, first_missing, missing_message};
use super::text::{self, Label, both};
use super::totals::{BY_COUNTRY, key_with};
use super::{Check, CheckCode, CheckContext, CheckOutput, Severity};
use crate::model::{Lang, Missing, ObsKey, Sex, TableId, Value};
use crate::t;

/// Records whether the reporting country appears as its own partner with a positive value.
///
/// An absent row, a zero, an empty cell and a `-` (nil by definition) all say that nothing is
/// counted under the reporter itself: the case passes. A row that is there but not available,
/// confidential or unreadable may hide a positive count: the case is not evaluable
/// (`docs/checks.md`, "Outcomes").
fn check_self_partner(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    tables: &[TableId],
    message: impl Fn(Lang, &str, f64) -> String,
) {
    for &table in tables {
        for (key, _) in context.index.breakdowns.of_table(table) {
            let Some(own) = context.find(key_with(key, table, key.reporter)) else {
                out.pass();
                continue;
            };
            match context.obs(own).value() {
                Value::Number(value) if value > 0.0 => {
                    let reporter = context.str(key.reporter);
                    out.fail(
                        context
                            .case_about(own)
                            .values(Some(0.0), Some(value))
                            .message(both(|lang| message(lang, reporter, value))),
                    );
                }
                Value::Missing(
                    reason @ (Missing::NotAvailable | Missing::Confidential | Missing::Unreadable),
                ) => {
                    let term = Term::new(own, Label::Category(key.reporter));
                    out.not_evaluable(
                        context
                            .case_about(own)
                            .message(missing_message(context, term, reason, 0)),
                    );
                }
                Value::Number(_) | Value::Missing(Missing::Empty | Missing::NotApplicable) => {
                    out.pass()
                }
            }
        }
    }
}

/// P1: no flow from a country to itself in tables 3 and 4.
pub struct P1;

impl Check for P1 {
    fn code(&self) -> CheckCode {
        CheckCode::P1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        check_self_partner(
            context,
            out,
            &[TableId::T3, TableId::T4],
            |lang, reporter, value| {
                let reporter = text::reporter(reporter, lang);
                t!(lang, "p1-self-partner", reporter = reporter, count = value)
            },
        );
    }
}

/// P3: the reporting country is not a citizenship of its own foreigners (2.2, 5.2, 6.2, 7.2).
pub struct P3;

impl Check for P3 {
    fn code(&self) -> CheckCode {
        CheckCode::P3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        check_self_partner(
            context,
            out,
            &[TableId::T2_2, TableId::T5_2, TableId::T6_2, TableId::T7_2],
            |lang, reporter, value| {
                let reporter = text::reporter(reporter, lang);
                t!(lang, "p3-own-citizens", reporter = reporter, count = value)
            },
        );
    }
}

/// P2: FOREIGN_BORN ≤ TOTAL (1.1); NON_CITIZENS ≤ TOTAL (2.1); acquisitions of citizenship in
/// year t (7.1 TOTAL) ≤ NON_CITIZENS on 1 January of t (2.1).
pub struct P2;

/// The words of one P2 rule: the part and the whole it cannot exceed.
struct Bound {
    part: fn(Lang) -> &'static str,
    whole: fn(Lang) -> &'static str,
}

const FOREIGN_BORN_IN_POPULATION: Bound = Bound {
    part: |lang| t!(lang, "p2-foreign-born"),
    whole: |lang| t!(lang, "p2-population-1-1"),
};

const NON_CITIZENS_IN_POPULATION: Bound = Bound {
    part: |lang| t!(lang, "p2-non-citizens"),
    whole: |lang| t!(lang, "p2-population-2-1"),
};

const ACQUISITIONS_FROM_NON_CITIZENS: Bound = Bound {
    part: |lang| t!(lang, "p2-acquisitions"),
    whole: |lang| t!(lang, "p2-non-citizens-on-1-january"),
};

fn check_at_most(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    part: u32,
    whole: u32,
    bound: &Bound,
) {
    let terms = [
        Term::new(part, Label::Named(bound.part)),
        Term::new(whole, Label::Named(bound.whole)),
    ];
    if let Some((term, reason, more)) = first_missing(context, &terms) {
        out.not_evaluable(
            context
                .case_about(part)
                .message(missing_message(context, term, reason, more)),
        );
        return;
    }
    let (part_value, whole_value) = (context.obs(part).value, context.obs(whole).value);
    let tolerance = context.limits().sum_tolerance(whole_value, 1);
    if part_value <= whole_value || !exceeds(part_value - whole_value, tolerance, whole_value) {
        out.pass();
        return;
    }
    let message = both(|lang| {
        let (part_name, whole_name) = ((bound.part)(lang), (bound.whole)(lang));
        capitalise(format!(
            "{part_name} {} > {whole_name} {}",
            text::count(part_value, lang),
            text::count(whole_value, lang)
        ))
    });
    out.fail(
        context
            .case_about(part)
            .values(Some(whole_value), Some(part_value))
            .message(message),
    );
}

impl Check for P2 {
    fn code(&self) -> CheckCode {
        CheckCode::P2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let codes = context.index.codes;
        let Some(total) = codes.total else {
            return;
        };
        let cell = |key: BreakdownKey, table: TableId, code: Option<crate::model::Sym>| {
            code.and_then(|c| context.find(key_with(key, table, c)))
        };
        for (key, _) in context.index.breakdowns.of_table(TableId::T1_1) {
            if let (Some(part), Some(whole)) = (
                cell(key, TableId::T1_1, codes.foreign_born),
                cell(key, TableId::T1_1, Some(total)),
            ) {
                check_at_most(context, out, part, whole, &FOREIGN_BORN_IN_POPULATION);
            }
        }
        for (key, _) in context.index.breakdowns.of_table(TableId::T2_1) {
            if let (Some(part), Some(whole)) = (
                cell(key, TableId::T2_1, codes.non_citizens),
                cell(key, TableId::T2_1, Some(total)),
            ) {
                check_at_most(context, out, part, whole, &NON_CITIZENS_IN_POPULATION);
            }
        }
        for (key, _) in context.index.breakdowns.of_table(TableId::T7_1) {
            if let (Some(part), Some(whole)) = (
                cell(key, TableId::T7_1, Some(total)),
                cell(key, TableId::T2_1, codes.non_citizens),
            ) {
                check_at_most(context, out, part, whole, &ACQUISITIONS_FROM_NON_CITIZENS);
            }
        }
    }
}

/// The share of one category of a breakdown in its total, for U2.
struct Share {
    obs: u32,
    value: f64,
    total: f64,
}

/// Finds the category and the total of a breakdown; records not-evaluable cases.
fn share_of(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    category: u32,
    total: &Side,
) -> Option<Share> {
    let terms = std::iter::once(Term::new(
        category,
        Label::category_of(context.obs(category).table, context.obs(category).category),
    ));
    let all: Vec<_> = terms.chain(total.terms().iter().copied()).collect();
    if let Some((term, reason, more)) = first_missing(context, &all) {
        out.not_evaluable(
            context
                .case_about(category)
                .message(missing_message(context, term, reason, more)),
        );
        return None;
    }
    let total_value = total.value(context)?;
    (total_value > 0.0).then(|| Share {
        obs: category,
        value: context.obs(category).value,
        total: total_value,
    })
}

/// The status tables, whose `UNKNOWN` row U1 compares with their `TOTAL` row.
const STATUS_TABLES: [TableId; 5] = [
    TableId::T1_1,
    TableId::T2_1,
    TableId::T5_1,
    TableId::T6_1,
    TableId::T7_1,
];

/// The breakdowns U1 takes an unknown share of.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Unknowns {
    /// `UNK` among the partners of a by-country table.
    Partner,
    /// `UNKNOWN` among the statuses of a status table.
    Status,
    /// Sex `U` of a total of both sexes.
    Sex,
    /// Age `UNK` of a total of all ages.
    Age,
}

impl Unknowns {
    /// The unknown category in words: `unknown sex (U)`.
    fn unknown(self, lang: Lang) -> &'static str {
        match self {
            Unknowns::Partner => t!(lang, "u1-unknown-partner"),
            Unknowns::Status => t!(lang, "u1-unknown-status"),
            Unknowns::Sex => t!(lang, "u1-unknown-sex"),
            Unknowns::Age => t!(lang, "u1-unknown-age"),
        }
    }

    /// The total the share is taken of, as the subject of a sentence.
    fn total(self, lang: Lang) -> &'static str {
        match self {
            Unknowns::Partner | Unknowns::Status => t!(lang, "u1-total"),
            Unknowns::Sex => t!(lang, "u1-total-sexes"),
            Unknowns::Age => t!(lang, "u1-total-ages"),
        }
    }

    /// The total after "of" / "из" (Russian genitive).
    fn of_total(self, lang: Lang) -> &'static str {
        match self {
            Unknowns::Partner | Unknowns::Status => t!(lang, "u1-of-total"),
            Unknowns::Sex => t!(lang, "u1-of-total-sexes"),
            Unknowns::Age => t!(lang, "u1-of-total-ages"),
        }
    }

    /// How a missing-value message names the unknown cell.
    fn unknown_label(self, context: &CheckContext<'_>, obs: u32) -> Label {
        let o = context.obs(obs);
        match self {
            Unknowns::Partner => Label::Category(o.category),
            Unknowns::Status => Label::Status(o.category),
            Unknowns::Sex => Label::Sex(Sex::U),
            Unknowns::Age => Label::Age(o.age),
        }
    }
}

/// Decides the share of an unknown category in its total and records the case, about the
/// unknown's observation. `total` is `None` when the breakdown gives no total.
fn check_unknown_share(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    kind: Unknowns,
    unknown: u32,
    total: Option<Side>,
) {
    let limits = context.limits();
    let mut terms = vec![Term::new(unknown, kind.unknown_label(context, unknown))];
    if let Some(total) = &total {
        // A sum of partners counts the unknown among its parts: name it once.
        terms.extend(total.terms().iter().filter(|t| t.obs != unknown));
    }
    if let Some((term, reason, more)) = first_missing(context, &terms) {
        out.not_evaluable(
            context
                .case_about(unknown)
                .message(missing_message(context, term, reason, more)),
        );
        return;
    }
    let Some(total_value) = total.as_ref().and_then(|t| t.value(context)) else {
        let message = both(|lang| {
            t!(
                lang,
                "u1-total-not-reported",
                total = kind.total(lang),
                unknown = kind.unknown(lang),
            )
        });
        out.not_evaluable(context.case_about(unknown).message(message));
        return;
    };
    let value = context.obs(unknown).value;
    if total_value <= 0.0 {
        if value == 0.0 {
            out.pass();
            return;
        }
        let message = both(|lang| {
            t!(
                lang,
                "u1-total-not-positive",
                total = kind.total(lang),
                total_value = total_value,
                unknown = kind.unknown(lang),
                value = value,
            )
        });
        out.not_evaluable(context.case_about(unknown).message(message));
        return;
    }
    let ratio = value / total_value;
    let (severity, limit) = if ratio > limits.u1_error_share {
        (Severity::Error, limits.u1_error_share)
    } else if ratio > limits.u1_warning_share {
        (Severity::Warning, limits.u1_warning_share)
    } else {
        out.pass();
        return;
    };
    let message = both(|lang| {
        capitalise(t!(
            lang,
            "u1-share",
            unknown = kind.unknown(lang),
            value = value,
            total = kind.of_total(lang),
            total_value = total_value,
            share = text::percent(ratio, lang),
            limit = text::threshold(limit, lang),
        ))
    });
    out.fail(
        context
            .case_about(unknown)
            .values(Some(limit), Some(ratio))
            .severity(severity)
            .message(message),
    );
}

/// U1: the share of the unknown category in a breakdown — partner `UNK` of a by-country table,
/// status `UNKNOWN` of a status table, sex `U` of both sexes, age `UNK` of all ages: warning
/// above 5 %, error above 20 %. A total of 0 (or less) passes when the unknown is 0 too and
/// cannot be evaluated otherwise; so can a breakdown whose total is not reported.
pub struct U1;

impl Check for U1 {
    fn code(&self) -> CheckCode {
        CheckCode::U1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let codes = context.index.codes;
        if let Some(unk) = codes.unk {
            for table in BY_COUNTRY {
                for (key, _) in context.index.breakdowns.of_table(table) {
                    let Some(unknown) = context.find(key_with(key, table, unk)) else {
                        continue;
                    };
                    let total = country_total(context, table, key);
                    check_unknown_share(context, out, Unknowns::Partner, unknown, total);
                }
            }
        }
        if let Some(unknown_code) = codes.unknown {
            for table in STATUS_TABLES {
                for (key, _) in context.index.breakdowns.of_table(table) {
                    let Some(unknown) = context.find(key_with(key, table, unknown_code)) else {
                        continue;
                    };
                    let total = codes
                        .total
                        .and_then(|total| context.find(key_with(key, table, total)))
                        .map(|obs| Side::Cell(Term::new(obs, Label::Total)));
                    check_unknown_share(context, out, Unknowns::Status, unknown, total);
                }
            }
        }
        for &i in &context.index.unique {
            let obs = context.obs(i);
            if obs.sex != Sex::U {
                continue;
            }
            let total = context
                .find(ObsKey {
                    sex: Sex::T,
                    ..obs.key()
                })
                .map(|t| Side::Cell(Term::new(t, Label::Sex(Sex::T))));
            check_unknown_share(context, out, Unknowns::Sex, i, total);
        }
        if let (Some(unk), Some(all_ages)) = (codes.unk, codes.total) {
            for &i in &context.index.unique {
                let obs = context.obs(i);
                if obs.age != unk {
                    continue;
                }
                let total = context
                    .find(ObsKey {
                        age: all_ages,
                        ..obs.key()
                    })
                    .map(|t| Side::Cell(Term::new(t, Label::Age(all_ages))));
                check_unknown_share(context, out, Unknowns::Age, i, total);
            }
        }
    }
}

/// U2: the share of residual `OTHER` partners above 10 %: country detail is lost.
pub struct U2;

impl Check for U2 {
    fn code(&self) -> CheckCode {
        CheckCode::U2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let limit = context.limits().u2_other_share;
        let Some(other) = context.index.codes.other else {
            return;
        };
        for table in BY_COUNTRY {
            for (key, _) in context.index.breakdowns.of_table(table) {
                let Some(obs) = context.find(key_with(key, table, other)) else {
                    continue;
                };
                let Some(total) = country_total(context, table, key) else {
                    continue;
                };
                let Some(share) = share_of(context, out, obs, &total) else {
                    continue;
                };
                let ratio = share.value / share.total;
                if ratio <= limit {
                    out.pass();
                    continue;
                }
                let message = both(|lang| {
                    t!(
                        lang,
                        "u2-other-share",
                        value = share.value,
                        total = share.total,
                        share = text::percent(ratio, lang),
                        limit = text::threshold(limit, lang),
                    )
                });
                out.fail(
                    context
                        .case_about(share.obs)
                        .values(Some(limit), Some(ratio))
                        .message(message),
                );
            }
        }
    }
}
