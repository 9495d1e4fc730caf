//! M1 and M2: the mirror checks of the catalogue (`docs/checks.md`), read from the mirror
//! statistics the run computed before the checks (`CheckContext::mirror`).

use super::text::{at, missing_reason};
use super::{Case, Check, CheckCode, CheckContext, CheckOutput, Severity};
use crate::mirror::pairing::MissingValues;
use crate::mirror::{CountryFlows, FlowDirection, MirrorPair, MirrorReport, MirrorSettings};
use crate::model::{Dataset, Lang, Location, Missing, Sex, Sym, TableId, Value, format_count};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

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

/// A count as Russian text reads it: `41 200`, `1 234,5`.
fn count_ru(value: f64) -> String {
    format_count(value).replace(',', "\u{a0}").replace('.', ",")
}

fn ratio_en(ratio: f64) -> String {
    if ratio.is_finite() {
        format!("{ratio:.3}")
    } else {
        "undefined (the other side is 0)".into()
    }
}

fn ratio_ru(ratio: f64) -> String {
    if ratio.is_finite() {
        format!("{ratio:.3}").replace('.', ",")
    } else {
        "не определено (другая сторона равна 0)".into()
    }
}

fn sex_en(sex: Sex) -> &'static str {
    match sex {
        Sex::T => "",
        Sex::M => " (men)",
        Sex::F => " (women)",
        Sex::U => " (sex unknown)",
    }
}

fn sex_ru(sex: Sex) -> &'static str {
    match sex {
        Sex::T => "",
        Sex::M => " (мужчины)",
        Sex::F => " (женщины)",
        Sex::U => " (пол не указан)",
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
    severity: Severity,
}

impl Check for MirrorDiscrepancy {
    fn code(&self) -> CheckCode {
        CheckCode::M1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let settings = context.mirror_settings;
        let mirror = mirror_of(context);
        let mut failed = Vec::new();
        for pair in &mirror.pairs {
            let (Some(i), Some(e)) = (pair.immigration, pair.emigration) else {
                continue;
            };
            if i + e < settings.small_count {
                continue;
            }
            let ci = pair.corrected_immigration.unwrap_or(i);
            let ce = pair.corrected_emigration.unwrap_or(e);
            // ln(x / 0) is infinite: a side reported as 0 against a real flow is an error.
            let l = (ci / ce).ln().abs();
            if l.is_nan() || l < settings.band_green {
                out.pass();
                continue;
            }
            let severity = if l < settings.band_light {
                Severity::Info
            } else if l < settings.band_amber {
                Severity::Warning
            } else {
                Severity::Error
            };
            failed.push(Discrepancy {
                pair,
                immigration: i,
                emigration: e,
                corrected_immigration: ci,
                corrected_emigration: ce,
                abs_log_ratio: l,
                severity,
            });
        }
        let locations = immigration_cells(context.dataset, failed.iter().map(|d| d.pair));
        for d in failed {
            let p = d.pair;
            let location = locations
                .get(&(p.receiver.as_str(), p.sender.as_str(), p.year, p.sex))
                .cloned();
            out.fail(discrepancy_case(&d, location));
        }
        for missing in &mirror.missing_values {
            out.not_evaluable(missing_values_case(context.dataset, missing));
        }
    }
}

/// A side of a pair-year in words: `KAZ's emigration to RUS` / `эмиграции из KAZ в RUS`.
fn side_name(missing: &MissingValues, immigration: bool, lang: Lang) -> String {
    let (r, s) = (&missing.receiver, &missing.sender);
    match (immigration, lang) {
        (true, Lang::En) => format!("{r}'s immigration from {s}"),
        (false, Lang::En) => format!("{s}'s emigration to {r}"),
        (true, Lang::Ru) => format!("иммиграции в {r} из {s}"),
        (false, Lang::Ru) => format!("эмиграции из {s} в {r}"),
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
        let when = match lang {
            Lang::En => format!("in {year}{}", sex_en(missing.sex)),
            Lang::Ru => format!("за {year} г.{}", sex_ru(missing.sex)),
        };
        let gap = |immigration: bool, reason: Missing, location: &Location, with_when: bool| {
            let side = side_name(missing, immigration, lang);
            let when = if with_when {
                format!(" {when}")
            } else {
                String::new()
            };
            let why = missing_reason(reason, lang);
            let at = at(location, lang);
            match lang {
                Lang::En => format!("{side}{when} is missing ({why}){at}"),
                Lang::Ru => format!("{side}{when} ({why}){at}"),
            }
        };
        let (r, s) = (&missing.receiver, &missing.sender);
        match (imm_reason, emi_reason, lang) {
            (Some(i), Some(e), Lang::En) => format!(
                "Cannot check: {}, and {}",
                gap(true, i, &imm_at, true),
                gap(false, e, &emi_at, false)
            ),
            (Some(i), Some(e), Lang::Ru) => format!(
                "Проверка невозможна: нет значений {} и {}",
                gap(true, i, &imm_at, true),
                gap(false, e, &emi_at, false)
            ),
            (Some(i), None, Lang::En) => format!(
                "Cannot check: {}; {s} reports {} emigrants to {r}",
                gap(true, i, &imm_at, true),
                format_count(emi.value)
            ),
            (Some(i), None, Lang::Ru) => format!(
                "Проверка невозможна: нет значения {}; {s} сообщает о {} эмигрантах в {r}",
                gap(true, i, &imm_at, true),
                count_ru(emi.value)
            ),
            (None, Some(e), Lang::En) => format!(
                "Cannot check: {}; {r} reports {} immigrants from {s}",
                gap(false, e, &emi_at, true),
                format_count(imm.value)
            ),
            (None, Some(e), Lang::Ru) => format!(
                "Проверка невозможна: нет значения {}; {r} сообщает о {} иммигрантах из {s}",
                gap(false, e, &emi_at, true),
                count_ru(imm.value)
            ),
            // Both sides hold numbers: not a pair-year without a value (never listed).
            (None, None, _) => String::new(),
        }
    };
    Case {
        table: Some(TableId::T3),
        reporter: Some(missing.receiver.clone()),
        year: Some(year),
        sex: Some(missing.sex),
        age: Some("TOTAL".into()),
        category: Some(missing.sender.clone()),
        message_en: message(Lang::En),
        message_ru: message(Lang::Ru),
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
    let raw_ratio = d.immigration / d.emigration;
    let corrected_ratio = d.corrected_immigration / d.corrected_emigration;
    let corrected =
        d.corrected_immigration != d.immigration || d.corrected_emigration != d.emigration;
    let mut message_en = format!(
        "{} reports {} immigrants from {} in {}{}; {} reports {} emigrants to {}: ratio {}",
        p.receiver,
        format_count(d.immigration),
        p.sender,
        p.year,
        sex_en(p.sex),
        p.sender,
        format_count(d.emigration),
        p.receiver,
        ratio_en(raw_ratio)
    );
    let mut message_ru = format!(
        "{} сообщает о {} иммигрантах из {} в {} г.{}; {} сообщает о {} эмигрантах в {}: \
         отношение {}",
        p.receiver,
        count_ru(d.immigration),
        p.sender,
        p.year,
        sex_ru(p.sex),
        p.sender,
        count_ru(d.emigration),
        p.receiver,
        ratio_ru(raw_ratio)
    );
    if corrected {
        message_en.push_str(&format!(
            "; after the duration-of-stay correction {} against {}: ratio {}",
            format_count(d.corrected_immigration),
            format_count(d.corrected_emigration),
            ratio_en(corrected_ratio)
        ));
        message_ru.push_str(&format!(
            "; с поправкой на критерий продолжительности пребывания {} против {}: отношение {}",
            count_ru(d.corrected_immigration),
            count_ru(d.corrected_emigration),
            ratio_ru(corrected_ratio)
        ));
    }
    let log_text = if d.abs_log_ratio.is_finite() {
        format!("{:.3}", d.abs_log_ratio)
    } else {
        "∞".into()
    };
    message_en.push_str(&format!(" (|ln ratio| {log_text})"));
    message_ru.push_str(&format!(" (|ln отношения| {})", log_text.replace('.', ",")));
    Case {
        table: Some(TableId::T3),
        reporter: Some(p.receiver.clone()),
        year: Some(p.year),
        sex: Some(p.sex),
        age: Some("TOTAL".into()),
        category: Some(p.sender.clone()),
        expected: Some(d.emigration),
        actual: Some(d.immigration),
        message_en,
        message_ru,
        location,
        severity: Some(d.severity),
    }
}

/// Where each pair's immigration cell is: the receiver's Table 3 row of the sender, age total.
fn immigration_cells<'a>(
    dataset: &Dataset,
    pairs: impl Iterator<Item = &'a MirrorPair>,
) -> HashMap<(&'a str, &'a str, u16, Sex), Location> {
    let mut wanted: HashMap<(Sym, Sym, u16, Sex), (&'a str, &'a str)> = HashMap::new();
    for p in pairs {
        if let (Some(receiver), Some(sender)) = (dataset.sym(&p.receiver), dataset.sym(&p.sender)) {
            wanted.insert((receiver, sender, p.year, p.sex), (&p.receiver, &p.sender));
        }
    }
    let mut found = HashMap::new();
    let Some(total_age) = dataset.sym("TOTAL") else {
        return found;
    };
    if wanted.is_empty() {
        return found;
    }
    let mut seen = HashSet::new();
    for obs in dataset.obs() {
        if obs.table != TableId::T3 || obs.age != total_age || obs.number().is_none() {
            continue;
        }
        let key = (obs.reporter, obs.category, obs.year, obs.sex);
        if let Some(&(receiver, sender)) = wanted.get(&key)
            && seen.insert(key)
        {
            found.insert((receiver, sender, obs.year, obs.sex), dataset.location(obs));
        }
    }
    found
}

/// M2: a country's flows over its two-sided partners against what those partners report.
pub struct PartnerTotals;

impl Check for PartnerTotals {
    fn code(&self) -> CheckCode {
        CheckCode::M2
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
    let (own_en, theirs_en, own_ru, theirs_ru, table) = match flows.direction {
        FlowDirection::Emigration => (
            "emigrants to",
            format!("immigrants from {c}"),
            "эмигрантах в страны-партнёры",
            format!("иммигрантах из {c}"),
            TableId::T4,
        ),
        FlowDirection::Immigration => (
            "immigrants from",
            format!("emigrants to {c}"),
            "иммигрантах из стран-партнёров",
            format!("эмигрантах в {c}"),
            TableId::T3,
        ),
    };
    let bounds_en = format!("{}–{}", settings.m2_low, settings.m2_high);
    let bounds_ru = bounds_en.replace('.', ",");
    let corrected = all.raw_ratio != all.ratio;
    let partners = if all.partners == 1 {
        "1 partner".to_string()
    } else {
        format!("{} partners", all.partners)
    };
    let mut message_en = format!(
        "{c} reports {} {own_en} {partners} in {}; those partners report {} {theirs_en}: \
         ratio {} (outside {bounds_en})",
        format_count(all.reported),
        flows.year,
        format_count(all.partners_report),
        ratio_en(ratio)
    );
    let mut message_ru = format!(
        "{c} сообщает о {} {own_ru} ({}) в {} г.; эти страны сообщают о {} {theirs_ru}: \
         отношение {} (вне {bounds_ru})",
        count_ru(all.reported),
        all.partners,
        flows.year,
        count_ru(all.partners_report),
        ratio_ru(ratio)
    );
    if corrected {
        message_en.push_str(", after the duration-of-stay correction");
        message_ru.push_str(", с поправкой на критерий продолжительности пребывания");
    }
    Case {
        table: Some(table),
        reporter: Some(c.clone()),
        year: Some(flows.year),
        sex: Some(Sex::T),
        age: Some("TOTAL".into()),
        category: None,
        expected: Some(all.partners_report),
        actual: Some(all.reported),
        message_en,
        message_ru,
        location: None,
        severity: None,
    }
}
