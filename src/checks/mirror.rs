//! M1 and M2: the mirror checks of the catalogue (`docs/checks.md`), read from the mirror
//! statistics the run computed before the checks (`CheckContext::mirror`).

use super::message::{Message, MirrorMessage, ratio_text, sex_note};
use super::text::{at, both, missing_reason};
use super::{Case, Check, CheckCode, CheckContext, CheckOutput, Severity};
use crate::i18n::format_number;
use crate::mirror::pairing::MissingValues;
use crate::mirror::{Band, CountryFlows, FlowDirection, MirrorPair, MirrorReport, MirrorSettings};
use crate::model::{Dataset, Lang, Location, Missing, ObsKey, Sex, Sym, TableId, Value};
use crate::t;
use std::borrow::Cow;

/// The mirror checks, for the registry.
pub fn mirror_checks() -> Vec<Box<dyn Check>> {
    vec![Box::new(MirrorDiscrepancy), Box::new(PartnerTotals)]
}

/// The report's mirror statistics, or computed here when the run has none.
fn mirror_of<'a>(context: &'a CheckContext<'_>) -> Cow<'a, MirrorReport> {
    match context.mirror {
        Some(mirror) => Cow::Borrowed(mirror),
        None => Cow::Owned(crate::mirror::analyse(
            context.dataset,
            context.mirror_settings,
        )),
    }
}

/// M1: a pair-year whose immigration and the partner's emigration disagree beyond the green
/// band, after the duration-of-stay correction. A pair-year whose two sides both have a row, one
/// of them (or both) without a number, cannot be evaluated; a pair-year with a row on one side
/// only is coverage, not a case.
pub struct MirrorDiscrepancy;

struct Discrepancy<'a> {
    pair: &'a MirrorPair,
    immigration: f64,
    emigration: f64,
    corrected_immigration: f64,
    corrected_emigration: f64,
    abs_log_ratio: f64,
    interval: Option<[f64; 2]>,
    level: f64,
    severity: Severity,
}

impl Check for MirrorDiscrepancy {
    fn code(&self) -> CheckCode {
        CheckCode::M1
    }

    fn reads_mirror(&self) -> bool {
        true
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let settings = context.mirror_settings;
        let mirror = mirror_of(context);
        let cells = ImmigrationCells::new(context);
        for pair in &mirror.pairs {
            let (Some(i), Some(e)) = (pair.immigration, pair.emigration) else {
                continue;
            };
            // The pair's band is that of its interval's end nearest agreement (`small` below the
            // small-count threshold): a pair fails only when its whole interval lies beyond the
            // green band, with the severity of its band.
            let severity = match pair.band {
                Band::Green => {
                    out.pass();
                    continue;
                }
                Band::Light => Severity::Info,
                Band::Amber => Severity::Warning,
                Band::Red => Severity::Error,
                Band::Small | Band::OneSided => continue,
            };
            let ci = pair.corrected_immigration.unwrap_or(i);
            let ce = pair.corrected_emigration.unwrap_or(e);
            // ln(x / 0) is infinite: a side reported as 0 against a real flow is an error.
            let l = (ci / ce).ln().abs();
            let interval = pair.ratio_interval();
            let discrepancy = Discrepancy {
                pair,
                immigration: i,
                emigration: e,
                corrected_immigration: ci,
                corrected_emigration: ce,
                abs_log_ratio: l,
                interval,
                level: settings.interval_level,
                severity,
            };
            out.fail(discrepancy_case(&discrepancy, cells.of(pair)));
        }
        for missing in &mirror.missing_values {
            out.not_evaluable(missing_values_case(context.dataset, missing));
        }
    }
}

/// A side of a pair-year in words: `KAZ's emigration to RUS` / `эмиграции из KAZ в RUS`.
fn side_name(missing: &MissingValues, immigration: bool, lang: Lang) -> String {
    let (r, s) = (&missing.receiver, &missing.sender);
    if immigration {
        t!(lang, "m1-side-immigration", receiver = r, sender = s)
    } else {
        t!(lang, "m1-side-emigration", receiver = r, sender = s)
    }
}

/// The not-evaluable case of a pair-year with a side that holds no number: which side, why, and
/// where; and what the other side reports.
fn missing_values_case(dataset: &Dataset, missing: &MissingValues) -> Case {
    let obs = dataset.obs();
    let (imm, emi) = (
        &obs[missing.immigration as usize],
        &obs[missing.emigration as usize],
    );
    let reason = |o: &crate::model::Obs| match o.value() {
        Value::Missing(reason) => Some(reason),
        Value::Number(_) => None,
    };
    let (imm_reason, emi_reason) = (reason(imm), reason(emi));
    let (imm_at, emi_at) = (dataset.location(imm), dataset.location(emi));
    let year = missing.year;
    let message = |lang: Lang| {
        let when = t!(
            lang,
            "m1-when",
            year = year.to_string(),
            sex = sex_note(missing.sex, lang),
        );
        let gap = |immigration: bool, reason: Missing, location: &Location, with_when: bool| {
            let side = side_name(missing, immigration, lang);
            let when = if with_when {
                format!(" {when}")
            } else {
                String::new()
            };
            let why = missing_reason(reason, lang);
            let at = at(location, lang);
            t!(lang, "m1-gap", side = side, when = when, why = why, at = at,)
        };
        let (r, s) = (&missing.receiver, &missing.sender);
        match (imm_reason, emi_reason) {
            (Some(i), Some(e)) => t!(
                lang,
                "m1-both-missing",
                immigration = gap(true, i, &imm_at, true),
                emigration = gap(false, e, &emi_at, false),
            ),
            (Some(i), None) => t!(
                lang,
                "m1-immigration-missing",
                gap = gap(true, i, &imm_at, true),
                sender = s,
                emigrants = emi.value,
                receiver = r,
            ),
            (None, Some(e)) => t!(
                lang,
                "m1-emigration-missing",
                gap = gap(false, e, &emi_at, true),
                receiver = r,
                immigrants = imm.value,
                sender = s,
            ),
            // Both sides hold numbers: not a pair-year without a value (never listed).
            (None, None) => String::new(),
        }
    };
    Case {
        table: Some(TableId::T3),
        reporter: Some(missing.receiver.as_str().into()),
        year: Some(year),
        sex: Some(missing.sex),
        age: Some("TOTAL".into()),
        category: Some(missing.sender.as_str().into()),
        message: Message::from((message(Lang::En), message(Lang::Ru))),
        location: Some(if imm_reason.is_some() {
            imm_at.clone()
        } else {
            emi_at.clone()
        }),
        ..Case::default()
    }
}

fn discrepancy_case(d: &Discrepancy<'_>, location: Option<Location>) -> Case {
    let p = d.pair;
    let corrected =
        d.corrected_immigration != d.immigration || d.corrected_emigration != d.emigration;
    Case {
        table: Some(TableId::T3),
        reporter: Some(p.receiver.as_str().into()),
        year: Some(p.year),
        sex: Some(p.sex),
        age: Some("TOTAL".into()),
        category: Some(p.sender.as_str().into()),
        expected: Some(d.emigration),
        actual: Some(d.immigration),
        message: Message::Mirror(Box::new(MirrorMessage {
            immigration: d.immigration,
            emigration: d.emigration,
            corrected: corrected.then_some((d.corrected_immigration, d.corrected_emigration)),
            abs_log_ratio: d.abs_log_ratio,
            interval: d.interval.map(|bounds| (bounds, d.level)),
        })),
        location,
        severity: Some(d.severity),
    }
}

/// Where each pair's immigration cell is: the first observation of the receiver's Table 3 row
/// of the sender, age total, that holds a number.
struct ImmigrationCells<'c> {
    context: &'c CheckContext<'c>,
    total_age: Option<Sym>,
}

impl<'c> ImmigrationCells<'c> {
    fn new(context: &'c CheckContext<'c>) -> Self {
        ImmigrationCells {
            context,
            total_age: context.dataset.sym("TOTAL"),
        }
    }

    fn of(&self, pair: &MirrorPair) -> Option<Location> {
        let dataset = self.context.dataset;
        let first = self.context.find(ObsKey {
            table: TableId::T3,
            reporter: dataset.sym(&pair.receiver)?,
            year: pair.year,
            sex: pair.sex,
            age: self.total_age?,
            category: dataset.sym(&pair.sender)?,
        })?;
        // Its repeats come after it, in data order; looked for only when it holds no number.
        let cell = std::iter::once(first)
            .chain(self.context.index.repeats_of(first))
            .find(|&i| self.context.obs(i).number().is_some())?;
        Some(dataset.location(self.context.obs(cell)))
    }
}

/// M2: a country's flows over its two-sided partners against what those partners report.
pub struct PartnerTotals;

impl Check for PartnerTotals {
    fn code(&self) -> CheckCode {
        CheckCode::M2
    }

    fn reads_mirror(&self) -> bool {
        true
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let settings = context.mirror_settings;
        let mirror = mirror_of(context);
        for flows in &mirror.countries {
            let all = &flows.all;
            // The same small-count rule as M1: a few persons on each side say nothing.
            if all.reported + all.partners_report < settings.small_count {
                continue;
            }
            let ratio = all.ratio.unwrap_or(f64::INFINITY);
            if (settings.m2_low..=settings.m2_high).contains(&ratio) {
                out.pass();
            } else {
                let mut case = partner_totals_case(flows, ratio, settings);
                case.location = case
                    .table
                    .and_then(|table| table_place(context, table, &flows.country, flows.year));
                out.fail(case);
            }
        }
    }
}

/// Where a reporter's table of a year is: the file and sheet of its first observation of that
/// year (else of any year), without a cell, as M2 points at the table its flows come from.
fn table_place(
    context: &CheckContext<'_>,
    table: TableId,
    reporter: &str,
    year: u16,
) -> Option<crate::model::Location> {
    let (_, years) = context
        .index
        .table_years
        .iter()
        .find(|(tr, _)| tr.table == table && context.str(tr.reporter) == reporter)?;
    let info = years
        .iter()
        .find(|y| y.year == year)
        .or_else(|| years.first())?;
    Some(context.place(info.first_obs))
}

fn partner_totals_case(flows: &CountryFlows, ratio: f64, settings: &MirrorSettings) -> Case {
    let all = &flows.all;
    let c = &flows.country;
    let table = match flows.direction {
        FlowDirection::Emigration => TableId::T4,
        FlowDirection::Immigration => TableId::T3,
    };
    let corrected = all.raw_ratio != all.ratio;
    let year = flows.year.to_string();
    let (message_en, message_ru) = both(|lang| {
        let bounds = format!(
            "{}–{}",
            format_number(settings.m2_low, lang),
            format_number(settings.m2_high, lang)
        );
        let ratio = ratio_text(ratio, lang);
        let mut message = match flows.direction {
            FlowDirection::Emigration => t!(
                lang,
                "m2-emigration",
                country = c,
                reported = all.reported,
                partners = all.partners,
                year = &year,
                partners_report = all.partners_report,
                ratio = ratio,
                bounds = bounds,
            ),
            FlowDirection::Immigration => t!(
                lang,
                "m2-immigration",
                country = c,
                reported = all.reported,
                partners = all.partners,
                year = &year,
                partners_report = all.partners_report,
                ratio = ratio,
                bounds = bounds,
            ),
        };
        if corrected {
            message.push_str(t!(lang, "m2-corrected"));
        }
        message
    });
    Case {
        table: Some(table),
        reporter: Some(c.as_str().into()),
        year: Some(flows.year),
        sex: Some(Sex::T),
        age: Some("TOTAL".into()),
        category: None,
        expected: Some(all.partners_report),
        actual: Some(all.reported),
        message: Message::from((message_en, message_ru)),
        location: None,
        severity: None,
    }
}
