//! D1–D3: migration against other domains — the demographic balance, the balance of the
//! foreign-citizen stock, and the naturalisation rate. Totals only: sex T, age TOTAL.

use super::index::BreakdownKey;
use super::sum::{
    Side, SideName, Term, absent_message, capitalise, country_total, exceeds, first_missing,
    missing_message,
};
use super::text::{self, Label, both};
use super::{Case, Check, CheckCode, CheckContext, CheckOutput};
use crate::model::category::status;
use crate::model::{Lang, ObsKey, Sex, Sym, TableId};
use crate::{t, t2};

/// The observation of a table for a reporter and year, with sex T and age TOTAL.
fn total_cell(
    context: &CheckContext<'_>,
    table: TableId,
    reporter: Sym,
    year: u16,
    category: &str,
) -> Option<u32> {
    let total = context.index.codes.total?;
    context.find(ObsKey {
        table,
        reporter,
        year,
        sex: Sex::T,
        age: total,
        category: context.dataset.sym(category)?,
    })
}

/// A flow of a balance: where it is, what it is called, and whether it adds or subtracts.
struct Flow {
    /// One cell, or the sum of a by-country table's partners when it has no `TOTAL` row;
    /// `None` when the flow is not reported.
    side: Option<Side>,
    label: Label,
    sign: f64,
}

impl Flow {
    /// A flow read from one cell.
    fn cell(obs: Option<u32>, label: Label, sign: f64) -> Flow {
        Flow {
            side: obs.map(|obs| Side::Cell(Term::new(obs, label))),
            label,
            sign,
        }
    }

    /// The total of a by-country table (sex T, age TOTAL): its `TOTAL` row, else the sum of its
    /// partners, the same total C4 compares.
    fn country_total(
        context: &CheckContext<'_>,
        table: TableId,
        key: BreakdownKey,
        label: Label,
        sign: f64,
    ) -> Flow {
        Flow {
            side: country_total(context, table, key).map(|side| match side {
                Side::Cell(term) => Side::Cell(Term::new(term.obs, label)),
                sum => sum,
            }),
            label,
            sign,
        }
    }
}

/// The words of one balance.
struct BalanceWords {
    /// The stock, at the start of a message: `Population`.
    stock: fn(Lang) -> &'static str,
    /// The stock a share is of: `of the population`.
    of_stock: fn(Lang) -> &'static str,
}

/// stock(t+1) = stock(t) + Σ ± flows(t) + residual; fails when |residual| > limit · stock(t).
fn check_balance(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    stock: u32,
    next: u32,
    flows: &[Flow],
    limit: f64,
    words: &BalanceWords,
) {
    let case = context.case_about(stock);
    let mut sides = Vec::with_capacity(flows.len());
    for flow in flows {
        let Some(side) = &flow.side else {
            out.not_evaluable(case.message(absent_message(context, flow.label)));
            return;
        };
        sides.push((flow, side));
    }
    let mut terms = vec![
        Term::new(stock, Label::Named(words.stock)),
        Term::new(next, Label::Named(words.stock)),
    ];
    for (_, side) in &sides {
        terms.extend_from_slice(side.terms());
    }
    if let Some((term, reason, more)) = first_missing(context, &terms) {
        out.not_evaluable(case.message(missing_message(context, term, reason, more)));
        return;
    }
    let stock_value = context.obs(stock).value;
    let next_value = context.obs(next).value;
    let Some(flow_values) = sides
        .iter()
        .map(|(_, side)| side.value(context))
        .collect::<Option<Vec<f64>>>()
    else {
        return;
    };
    let predicted = stock_value
        + flows
            .iter()
            .zip(&flow_values)
            .map(|(f, v)| f.sign * v)
            .sum::<f64>();
    let residual = next_value - predicted;
    if !exceeds(residual, limit * stock_value.abs(), stock_value) {
        out.pass();
        return;
    }
    let next_year = context.obs(next).year;
    let message = both(|lang| {
        let mut formula = text::count(stock_value, lang);
        for ((flow, _), value) in sides.iter().zip(&flow_values) {
            let sign = if flow.sign < 0.0 { '−' } else { '+' };
            formula.push_str(&format!(
                " {sign} {} {}",
                flow.label.short(context.dataset, lang),
                text::count(*value, lang)
            ));
        }
        let share = if stock_value != 0.0 {
            text::percent(residual / stock_value, lang)
        } else {
            "—".to_string()
        };
        let mut message = capitalise(t!(
            lang,
            "d-balance",
            stock = (words.stock)(lang),
            year = next_year.to_string(),
            next = next_value,
            formula = formula,
            predicted = predicted,
            residual = residual,
            share = share,
            whole = (words.of_stock)(lang),
            limit = text::threshold(limit, lang),
        ));
        // A flow taken as the sum of its partners says so.
        for (flow, side) in &sides {
            let (Side::Sum(_), Some(first)) = (side, side.terms().first()) else {
                continue;
            };
            let table = context.obs(first.obs).table;
            let name = flow.label.short(context.dataset, lang);
            let sum = SideName::total(table).render(side, lang);
            message.push_str(&t!(lang, "d-flow-summed", name = name, sum = sum));
        }
        message
    });
    out.fail(
        case.values(Some(predicted), Some(next_value))
            .message(message),
    );
}

/// D1: POP(t+1) − POP(t) − (BIRTHS − DEATHS) − (immigration − emigration) within 0.5 % of
/// POP(t). Immigration and emigration are the totals of tables 3 and 4 as C4 takes them: the
/// `TOTAL` row, else the sum of the partners.
pub struct D1;

impl Check for D1 {
    fn code(&self) -> CheckCode {
        CheckCode::D1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let words = BalanceWords {
            stock: |lang| t!(lang, "d1-population"),
            of_stock: |lang| t!(lang, "d1-of-population"),
        };
        let limit = context.limits().d1_residual_share;
        for (key, _) in context.index.breakdowns.of_table(TableId::Pop) {
            if key.sex != Sex::T || Some(key.age) != context.index.codes.total {
                continue;
            }
            let (reporter, year) = (key.reporter, key.year);
            let cell = |table, year, category| total_cell(context, table, reporter, year, category);
            let (Some(stock), Some(next)) = (
                cell(TableId::Pop, year, status::TOTAL),
                cell(TableId::Pop, year + 1, status::TOTAL),
            ) else {
                continue;
            };
            let flows = [
                Flow::cell(
                    cell(TableId::Births, year, status::TOTAL),
                    Label::Named(|lang| t!(lang, "d1-births")),
                    1.0,
                ),
                Flow::cell(
                    cell(TableId::Deaths, year, status::TOTAL),
                    Label::Named(|lang| t!(lang, "d1-deaths")),
                    -1.0,
                ),
                Flow::country_total(
                    context,
                    TableId::T3,
                    key,
                    Label::Named(|lang| t!(lang, "d1-immigration")),
                    1.0,
                ),
                Flow::country_total(
                    context,
                    TableId::T4,
                    key,
                    Label::Named(|lang| t!(lang, "d1-emigration")),
                    -1.0,
                ),
            ];
            check_balance(context, out, stock, next, &flows, limit, &words);
        }
    }
}

/// D2: NON_CITIZENS(t+1) − NON_CITIZENS(t) − (non-citizen immigration − non-citizen
/// emigration) + acquisitions(t) within 5 % of NON_CITIZENS(t).
pub struct D2;

impl Check for D2 {
    fn code(&self) -> CheckCode {
        CheckCode::D2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let words = BalanceWords {
            stock: |lang| t!(lang, "d2-non-citizens"),
            of_stock: |lang| t!(lang, "d2-of-non-citizens"),
        };
        let limit = context.limits().d2_residual_share;
        for (key, _) in context.index.breakdowns.of_table(TableId::T2_1) {
            if key.sex != Sex::T || Some(key.age) != context.index.codes.total {
                continue;
            }
            let (reporter, year) = (key.reporter, key.year);
            let cell = |table, year, category| total_cell(context, table, reporter, year, category);
            let (Some(stock), Some(next)) = (
                cell(TableId::T2_1, year, status::NON_CITIZENS),
                cell(TableId::T2_1, year + 1, status::NON_CITIZENS),
            ) else {
                continue;
            };
            let flows = [
                Flow::cell(
                    cell(TableId::T5_1, year, status::NON_CITIZENS),
                    Label::Named(|lang| t!(lang, "d2-non-citizen-immigration")),
                    1.0,
                ),
                Flow::cell(
                    cell(TableId::T6_1, year, status::NON_CITIZENS),
                    Label::Named(|lang| t!(lang, "d2-non-citizen-emigration")),
                    -1.0,
                ),
                Flow::cell(
                    cell(TableId::T7_1, year, status::TOTAL),
                    Label::Named(|lang| t!(lang, "d-acquisitions")),
                    -1.0,
                ),
            ];
            check_balance(context, out, stock, next, &flows, limit, &words);
        }
    }
}

/// D3: the naturalisation rate, acquisitions(t) / NON_CITIZENS(t), within 0–20 %.
pub struct D3;

impl Check for D3 {
    fn code(&self) -> CheckCode {
        CheckCode::D3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let limits = context.limits();
        for (key, _) in context.index.breakdowns.of_table(TableId::T7_1) {
            if key.sex != Sex::T || Some(key.age) != context.index.codes.total {
                continue;
            }
            let (reporter, year) = (key.reporter, key.year);
            let (Some(acquisitions), Some(non_citizens)) = (
                total_cell(context, TableId::T7_1, reporter, year, status::TOTAL),
                total_cell(context, TableId::T2_1, reporter, year, status::NON_CITIZENS),
            ) else {
                continue;
            };
            let terms = [
                Term::new(
                    acquisitions,
                    Label::Named(|lang| t!(lang, "d-acquisitions")),
                ),
                Term::new(
                    non_citizens,
                    Label::Named(|lang| t!(lang, "d3-non-citizens-on-1-january")),
                ),
            ];
            let case = context.case_about(acquisitions);
            if let Some((term, reason, more)) = first_missing(context, &terms) {
                out.not_evaluable(case.message(missing_message(context, term, reason, more)));
                continue;
            }
            let acquired = context.obs(acquisitions).value;
            let stock = context.obs(non_citizens).value;
            if stock <= 0.0 {
                out.not_evaluable(undefined_rate(case, stock));
                continue;
            }
            let rate = acquired / stock;
            let limit = if rate < limits.d3_min_rate {
                limits.d3_min_rate
            } else if rate > limits.d3_max_rate {
                limits.d3_max_rate
            } else {
                out.pass();
                continue;
            };
            let message = both(|lang| {
                let range = format!(
                    "{}–{}",
                    text::threshold(limits.d3_min_rate, lang).trim_end_matches(" %"),
                    text::threshold(limits.d3_max_rate, lang)
                );
                t!(
                    lang,
                    "d3-rate",
                    year = year.to_string(),
                    acquired = acquired,
                    stock = stock,
                    rate = text::percent(rate, lang),
                    range = range,
                )
            });
            out.fail(case.values(Some(limit), Some(rate)).message(message));
        }
    }
}

fn undefined_rate(case: Case, stock: f64) -> Case {
    case.message(t2!("d3-undefined", stock = stock))
}
