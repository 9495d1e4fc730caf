//! C1–C6: the tables of one reporter agree with each other (same reporter, year, sex, age).
//! The "total" of a by-country table is its `TOTAL` row when present, else the sum of its
//! partners.

use super::index::BreakdownKey;
use super::sum::{Side, SideName, Term, check_equal, country_total};
use super::text::Label;
use super::totals::key_with;
use super::{Check, CheckCode, CheckContext, CheckOutput};
use crate::model::TableId;
use crate::model::category::status;

/// A status cell of a status table, for the breakdown `key`.
fn status_cell(
    context: &CheckContext<'_>,
    table: TableId,
    key: BreakdownKey,
    code: &'static str,
) -> Option<(Side, &'static str)> {
    let sym = context.dataset.sym(code)?;
    let obs = context.find(key_with(key, table, sym))?;
    Some((Side::Cell(Term::new(obs, Label::Status(sym))), code))
}

/// NON_CITIZENS of a status table, or FOREIGN where NON_CITIZENS is not given.
fn non_citizens(
    context: &CheckContext<'_>,
    table: TableId,
    key: BreakdownKey,
) -> Option<(Side, &'static str)> {
    status_cell(context, table, key, status::NON_CITIZENS)
        .or_else(|| status_cell(context, table, key, status::FOREIGN))
}

/// Compares a by-country table's total with a status cell, for every breakdown of the status
/// table.
fn country_total_against_status(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    by_country: TableId,
    status_table: TableId,
    status_of: impl Fn(&CheckContext<'_>, TableId, BreakdownKey) -> Option<(Side, &'static str)>,
) {
    for (key, _) in context.index.breakdowns.of_table(status_table) {
        let Some((right, code)) = status_of(context, status_table, key) else {
            continue;
        };
        let Some(mut left) = country_total(context, by_country, key) else {
            continue;
        };
        let mut left_name = SideName::total(by_country);
        // Stateless persons are non-citizens. Where the status table gives them apart and the
        // partners of the by-country table do not list them (Eurostat's `STLS` next to
        // `FOR_STLS`), they are added to the partners; a `TOTAL` row is taken as written.
        // (Recognised non-citizens, `RNC`, are a partner of their own and do not stand for them.)
        if code == status::NON_CITIZENS
            && let Side::Sum(parts) = &mut left
            && let Some(stateless_code) = context.dataset.sym(status::STATELESS)
            && !parts
                .iter()
                .any(|p| context.obs(p.obs).category == stateless_code)
            && let Some((Side::Cell(stateless), _)) =
                status_cell(context, status_table, key, status::STATELESS)
        {
            parts.push(stateless);
            left_name = left_name.plus(status_table, status::STATELESS);
        }
        check_equal(
            context,
            out,
            (&left, left_name),
            (&right, SideName::status(status_table, code)),
        );
    }
}

/// Compares a status table's TOTAL with a by-country table's total (C4).
fn status_total_against_country_total(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    status_table: TableId,
    by_country: TableId,
) {
    for (key, _) in context.index.breakdowns.of_table(status_table) {
        let Some((left, _)) = status_cell(context, status_table, key, status::TOTAL) else {
            continue;
        };
        let Some(right) = country_total(context, by_country, key) else {
            continue;
        };
        check_equal(
            context,
            out,
            (&left, SideName::total(status_table)),
            (&right, SideName::total(by_country)),
        );
    }
}

/// C1: the total of 1.2 = FOREIGN_BORN of 1.1.
pub struct C1;

impl Check for C1 {
    fn code(&self) -> CheckCode {
        CheckCode::C1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        country_total_against_status(context, out, TableId::T1_2, TableId::T1_1, |c, t, k| {
            status_cell(c, t, k, status::FOREIGN_BORN)
        });
    }
}

/// C2: the total of 2.2 = NON_CITIZENS of 2.1 (FOREIGN where NON_CITIZENS is not given).
pub struct C2;

impl Check for C2 {
    fn code(&self) -> CheckCode {
        CheckCode::C2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        country_total_against_status(context, out, TableId::T2_2, TableId::T2_1, non_citizens);
    }
}

/// C3: TOTAL of 2.1 = TOTAL of 1.1.
pub struct C3;

impl Check for C3 {
    fn code(&self) -> CheckCode {
        CheckCode::C3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        // The finding names 2.1, the table reconciled against the population by place of birth.
        for (key, _) in context.index.breakdowns.of_table(TableId::T2_1) {
            let Some((left, _)) = status_cell(context, TableId::T2_1, key, status::TOTAL) else {
                continue;
            };
            let Some((right, _)) = status_cell(context, TableId::T1_1, key, status::TOTAL) else {
                continue;
            };
            check_equal(
                context,
                out,
                (&left, SideName::total(TableId::T2_1)),
                (&right, SideName::total(TableId::T1_1)),
            );
        }
    }
}

/// C4: TOTAL of 5.1 = total of 3; TOTAL of 6.1 = total of 4.
pub struct C4;

impl Check for C4 {
    fn code(&self) -> CheckCode {
        CheckCode::C4
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        status_total_against_country_total(context, out, TableId::T5_1, TableId::T3);
        status_total_against_country_total(context, out, TableId::T6_1, TableId::T4);
    }
}

/// C5: the total of 5.2 = NON_CITIZENS of 5.1; the total of 6.2 = NON_CITIZENS of 6.1
/// (FOREIGN where NON_CITIZENS is not given).
pub struct C5;

impl Check for C5 {
    fn code(&self) -> CheckCode {
        CheckCode::C5
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        country_total_against_status(context, out, TableId::T5_2, TableId::T5_1, non_citizens);
        country_total_against_status(context, out, TableId::T6_2, TableId::T6_1, non_citizens);
    }
}

/// C6: the total of 7.2 = TOTAL of 7.1.
pub struct C6;

impl Check for C6 {
    fn code(&self) -> CheckCode {
        CheckCode::C6
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        country_total_against_status(context, out, TableId::T7_2, TableId::T7_1, |c, t, k| {
            status_cell(c, t, k, status::TOTAL)
        });
    }
}
