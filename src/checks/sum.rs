//! The sum rule shared by the totals (A1–A4) and the coherence checks (C1–C6): a case fails
//! when |total − Σ parts| > max(abs_tol + k · rounding_base / 2, rel_tol · |total|), and cannot
//! be evaluated when the total or a present part holds no number (`docs/checks.md`, "Outcomes"
//! and "Sums"; `docs/domain.md#sums-and-rounding` on suppressed cells).

use super::message::{Message, SumMessage, SumParts};
use super::text::{self, Label, both};
use super::{CheckContext, CheckOutput};
use crate::model::{Lang, Missing};
use crate::t;

/// An observation taking part in a sum or a comparison, and what to call it in messages.
#[derive(Copy, Clone, Debug)]
pub struct Term {
    pub obs: u32,
    pub label: Label,
}

impl Term {
    pub fn new(obs: u32, label: Label) -> Term {
        Term { obs, label }
    }
}

/// How to name the parts of a sum when there are too many to list.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Parts {
    Sexes,
    AgeGroups,
    Partners,
    Statuses,
}

impl Parts {
    pub fn many(self, count: usize, lang: Lang) -> String {
        let count = count.to_string();
        match self {
            Parts::Sexes => t!(lang, "sum-of-sexes", count = count),
            Parts::AgeGroups => t!(lang, "sum-of-age-groups", count = count),
            Parts::Partners => t!(lang, "sum-of-partners", count = count),
            Parts::Statuses => t!(lang, "sum-of-statuses", count = count),
        }
    }
}

/// Relative floating-point noise that is not a difference (values with decimals).
const FLOAT_SLACK: f64 = 1e-9;

/// Whether a difference is beyond the tolerance.
pub fn exceeds(difference: f64, tolerance: f64, scale: f64) -> bool {
    difference.abs() > tolerance + FLOAT_SLACK * scale.abs().max(1.0)
}

/// Upper-cases the first letter of a message.
pub fn capitalise(mut text: String) -> String {
    // In place: the text is not copied to change its first letter.
    match text.chars().next() {
        Some(first) if first.is_ascii_lowercase() => {
            if let Some(letter) = text.get_mut(..1) {
                letter.make_ascii_uppercase();
            }
        }
        Some(first) if first.is_lowercase() => {
            let capital: String = first.to_uppercase().collect();
            text.replace_range(..first.len_utf8(), &capital);
        }
        _ => {}
    }
    text
}

/// The first of `terms` that holds no number, with its reason, and how many more do not.
pub fn first_missing<'t>(
    context: &CheckContext<'_>,
    terms: impl IntoIterator<Item = &'t Term>,
) -> Option<(Term, Missing, usize)> {
    let mut first: Option<(Term, Missing)> = None;
    let mut more = 0;
    for term in terms {
        if let crate::model::Value::Missing(reason) = context.obs(term.obs).value() {
            if first.is_none() {
                first = Some((*term, reason));
            } else {
                more += 1;
            }
        }
    }
    first.map(|(term, reason)| (term, reason, more))
}

/// `Cannot check: the value for women is missing (confidential) at …`.
pub fn missing_message(
    context: &CheckContext<'_>,
    term: Term,
    reason: Missing,
    more: usize,
) -> (String, String) {
    let location = context.location(term.obs);
    both(|lang| {
        let name = term.label.long(context.dataset, lang);
        let why = text::missing_reason(reason, lang);
        let at = text::at(&location, lang);
        let more = if more > 0 {
            t!(lang, "sum-more-missing", count = more.to_string())
        } else {
            String::new()
        };
        t!(
            lang,
            "sum-missing",
            name = name,
            why = why,
            at = at,
            more = more,
        )
    })
}

/// `Cannot check: women are not reported` — a part the rule needs has no observation at all.
pub fn absent_message(context: &CheckContext<'_>, label: Label) -> (String, String) {
    both(|lang| {
        t!(
            lang,
            "sum-not-reported",
            name = label.long(context.dataset, lang)
        )
    })
}

/// Decides total = Σ parts and records the case, about the total's observation.
pub fn check_sum(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    total: Term,
    parts: &[Term],
    kind: Parts,
) {
    if let Some((term, reason, more)) = first_missing(context, std::iter::once(&total).chain(parts))
    {
        let message = missing_message(context, term, reason, more);
        out.not_evaluable(context.case_about(total.obs).message(message));
        return;
    }
    let total_value = context.obs(total.obs).value;
    let sum: f64 = parts.iter().map(|p| context.obs(p.obs).value).sum();
    let tolerance = context.limits().sum_tolerance(total_value, parts.len());
    if !exceeds(total_value - sum, tolerance, total_value) {
        out.pass();
        return;
    }
    let part = |p: &Term| (p.label.text(context.dataset), context.obs(p.obs).value);
    let parts = match parts {
        [first, second] => SumParts::Two([part(first), part(second)]),
        _ if parts.len() <= SumMessage::LISTED => {
            SumParts::Listed(parts.iter().map(part).collect())
        }
        _ => SumParts::Many(kind, parts.len()),
    };
    let message = Message::Sum(Box::new(SumMessage {
        total: total.label.text(context.dataset),
        parts,
        tolerance,
    }));
    out.fail(
        context
            .case_about(total.obs)
            .values(Some(sum), Some(total_value))
            .message(message),
    );
}

/// One side of a comparison: a single cell, or the sum of a by-country table's partners when
/// the table has no `TOTAL` row.
#[derive(Clone, Debug)]
pub enum Side {
    Cell(Term),
    Sum(Vec<Term>),
}

impl Side {
    pub fn terms(&self) -> &[Term] {
        match self {
            Side::Cell(term) => std::slice::from_ref(term),
            Side::Sum(terms) => terms,
        }
    }

    /// The value, when every term holds a number.
    pub fn value(&self, context: &CheckContext<'_>) -> Option<f64> {
        self.terms()
            .iter()
            .map(|t| context.obs(t.obs).number())
            .sum()
    }

    /// The observation a finding about this side points at, when it is one cell.
    pub fn cell(&self) -> Option<u32> {
        match self {
            Side::Cell(term) => Some(term.obs),
            Side::Sum(_) => None,
        }
    }
}

/// The total of a by-country table for a reporter, year, sex and age: its `TOTAL` row when
/// present, else the sum of its partners (aggregates excluded); `None` when neither is given.
pub fn country_total(
    context: &CheckContext<'_>,
    table: crate::model::TableId,
    key: super::index::BreakdownKey,
) -> Option<Side> {
    let key = super::index::BreakdownKey { table, ..key };
    if let Some(total) = context.index.codes.total
        && let Some(obs) = context.find(super::totals::key_with(key, table, total))
    {
        return Some(Side::Cell(Term::new(obs, Label::Total)));
    }
    let items = context.index.breakdowns.get(&key)?;
    let parts: Vec<Term> = items
        .iter()
        .filter_map(|&i| {
            let category = context.obs(i).category;
            super::totals::is_partner_part(context.index.kind(category))
                .then(|| Term::new(i, Label::Category(category)))
        })
        .collect();
    (!parts.is_empty()).then_some(Side::Sum(parts))
}

/// How a side of a coherence comparison is named in messages.
#[derive(Copy, Clone, Debug)]
pub struct SideName {
    pub table: crate::model::TableId,
    /// The status code of a status-table cell; `None` for a table's total.
    pub status: Option<&'static str>,
    /// A status cell of another table added to a sum of partners (the last term of the side),
    /// as stateless persons of 2.1 join the partners of 2.2 that do not list them.
    pub plus: Option<(crate::model::TableId, &'static str)>,
}

impl SideName {
    pub fn total(table: crate::model::TableId) -> SideName {
        SideName {
            table,
            status: None,
            plus: None,
        }
    }

    pub fn status(table: crate::model::TableId, code: &'static str) -> SideName {
        SideName {
            table,
            status: Some(code),
            plus: None,
        }
    }

    /// This side with a status cell of `table` added to its partners.
    pub fn plus(self, table: crate::model::TableId, code: &'static str) -> SideName {
        SideName {
            plus: Some((table, code)),
            ..self
        }
    }

    /// The side in words: `sum of the 3 partners of table 3`, `total of table 5.1`, `sum of
    /// the 3 partners of table 2.2 and stateless in table 2.1`.
    pub fn render(&self, side: &Side, lang: Lang) -> String {
        let t = self.table.code();
        let partners = side.terms().len() - usize::from(self.plus.is_some());
        let plus = match self.plus {
            None => String::new(),
            Some((table, code)) => t!(
                lang,
                "sum-side-plus",
                status = text::status_name(code, lang),
                table = table.code(),
            ),
        };
        match (side, self.status) {
            (Side::Sum(_), _) => t!(
                lang,
                "sum-side-partners",
                partners = partners.to_string(),
                table = t,
                plus = plus,
            ),
            (Side::Cell(_), None | Some("TOTAL")) => t!(lang, "sum-side-total", table = t),
            (Side::Cell(_), Some(code)) => t!(
                lang,
                "sum-side-status",
                status = text::status_name(code, lang),
                table = t,
            ),
        }
    }
}

/// Decides left = right for two figures of different tables (C1–C6). The finding is keyed to
/// the left table's total and points at the left cell, or at the right one when the left side
/// is a sum of partners.
pub fn check_equal(
    context: &CheckContext<'_>,
    out: &mut CheckOutput,
    left: (&Side, SideName),
    right: (&Side, SideName),
) {
    let (left_side, left_name) = left;
    let (right_side, right_name) = right;
    let anchor = left_side
        .cell()
        .or(right_side.cell())
        .or_else(|| left_side.terms().first().map(|t| t.obs));
    let Some(anchor) = anchor else {
        return;
    };
    let mut case = context.case_about(anchor);
    case.table = Some(left_name.table);
    case.category = Some(left_name.status.unwrap_or("TOTAL").into());
    let all_terms = left_side.terms().iter().chain(right_side.terms());
    if let Some((term, reason, more)) = first_missing(context, all_terms) {
        out.not_evaluable(case.message(missing_message(context, term, reason, more)));
        return;
    }
    let (Some(left_value), Some(right_value)) =
        (left_side.value(context), right_side.value(context))
    else {
        return;
    };
    let summed = left_side.terms().len() + right_side.terms().len() - 1;
    let tolerance = context.limits().sum_tolerance(right_value, summed);
    if !exceeds(left_value - right_value, tolerance, right_value) {
        out.pass();
        return;
    }
    let message = both(|lang| {
        let mut text = format!(
            "{}: {} ≠ {}: {}",
            left_name.render(left_side, lang),
            text::count(left_value, lang),
            right_name.render(right_side, lang),
            text::count(right_value, lang)
        );
        if tolerance > 0.0 {
            text.push_str(" (");
            text.push_str(&t!(lang, "sum-tolerance", value = tolerance));
            text.push(')');
        }
        capitalise(text)
    });
    out.fail(
        case.values(Some(right_value), Some(left_value))
            .message(message),
    );
}

#[cfg(test)]
mod capital_tests {
    use super::capitalise;

    #[test]
    fn the_first_letter_is_made_a_capital_in_either_alphabet() {
        assert_eq!(capitalise("total 4,190".into()), "Total 4,190");
        assert_eq!(capitalise("итого 4 190".into()), "Итого 4 190");
        assert_eq!(capitalise("Men".into()), "Men");
        assert_eq!(capitalise("3 partners".into()), "3 partners");
        assert_eq!(capitalise("ǆ".into()), "Ǆ");
        assert_eq!(capitalise(String::new()), "");
    }
}
