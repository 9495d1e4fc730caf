//! Scores suggested from the data: for one source, over the tables it feeds and their years,
//! each with its reasons in plain words (English and Russian) and what they rest on. The
//! reviewer accepts or overrides each one.

use super::choices::{Choice, DurationBasis, GroupCoverage, Periodicity, Publication};
use super::evidence::{CountryRatio, Direction, Evidence};
use super::model::{DataSource, EvidenceRef, Suggestion, TableFeed};
use super::rubric::{Criterion, Score};
use super::settings::AssessSettings;
use super::text::{count, decimal, join_and, percent, year_span, years};
use crate::checks::{CheckCode, Finding, Outcome, Severity};
use crate::model::{
    Breakdown, CategoryKind, CountryDim, Dataset, Lang, Obs, Sex, Sym, TableId, category_kind,
    gazetteer,
};
use crate::t;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The checks whose failures speak against internal consistency (sums, cross-table identities,
/// demographic balance).
pub const CONSISTENCY_CHECKS: [CheckCode; 13] = [
    CheckCode::A1,
    CheckCode::A2,
    CheckCode::A3,
    CheckCode::A4,
    CheckCode::C1,
    CheckCode::C2,
    CheckCode::C3,
    CheckCode::C4,
    CheckCode::C5,
    CheckCode::C6,
    CheckCode::D1,
    CheckCode::D2,
    CheckCode::D3,
];

/// The emigration tables: a source feeding one of them is judged on emigration capture.
pub const EMIGRATION_TABLES: [TableId; 3] = [TableId::T4, TableId::T6_1, TableId::T6_2];

/// Suggests scores for a source of `country` from the evidence, in rubric order. A criterion
/// the evidence cannot speak to gets no suggestion.
pub fn suggest(
    evidence: &Evidence<'_>,
    country: &str,
    source: &DataSource,
    settings: &AssessSettings,
) -> Vec<Suggestion> {
    suggest_in(&CountryData::new(evidence, country), source, settings)
}

/// The suggestions of a source of the country whose data are gathered in `data`.
fn suggest_in(
    data: &CountryData<'_, '_>,
    source: &DataSource,
    settings: &AssessSettings,
) -> Vec<Suggestion> {
    let scope = Scope::new(data, &source.feeds);
    let mut out = Vec::new();
    out.extend(definition(&scope, source));
    out.extend(emigration_capture(&scope, source, settings));
    out.extend(coverage(source));
    out.extend(internal_consistency(&scope, settings));
    out.extend(disaggregation(&scope));
    out.extend(unknown_share(&scope, settings));
    out.extend(timeliness(&scope, source, settings));
    out.extend(periodicity(source));
    out.extend(accessibility(source));
    out.extend(time_series_stability(&scope, settings));
    out
}

impl super::model::CountryAssessment {
    /// Recomputes the suggestions of every source from new evidence; final scores, reasons and
    /// the reviewer's evidence are kept. Timeliness is judged against the country's review date
    /// when it has one.
    pub fn refresh_suggestions(&mut self, evidence: &Evidence<'_>, settings: &AssessSettings) {
        let dated;
        let settings = match self.review_date {
            Some(date) => {
                dated = AssessSettings {
                    reference_date: Some(date),
                    ..settings.clone()
                };
                &dated
            }
            None => settings,
        };
        // The country's observations and failed cases are gathered once for all its sources.
        let data = CountryData::new(evidence, &self.country);
        for source in &mut self.sources {
            let suggestions = suggest_in(&data, source, settings);
            source.set_suggestions(suggestions);
        }
    }
}

impl super::model::Assessment {
    /// Recomputes the suggestions of the countries that report data in the evidence (the
    /// others keep theirs: these data say nothing about them). Returns the countries refreshed.
    pub fn refresh_suggestions(
        &mut self,
        evidence: &Evidence<'_>,
        settings: &AssessSettings,
    ) -> Vec<String> {
        let reporters = reporters(evidence.dataset);
        let mut refreshed = Vec::new();
        for country in &mut self.countries {
            if reporters.contains(country.country.as_str()) {
                country.refresh_suggestions(evidence, settings);
                refreshed.push(country.country.clone());
            }
        }
        refreshed
    }
}

/// The reporting countries of a data set.
pub fn reporters(dataset: &Dataset) -> BTreeSet<&str> {
    let mut seen: BTreeSet<Sym> = BTreeSet::new();
    for obs in dataset.obs() {
        seen.insert(obs.reporter);
    }
    seen.into_iter().map(|sym| dataset.str(sym)).collect()
}

/// The part of the evidence that concerns one country: its observations and its failed cases,
/// found with one pass over the data and the findings.
struct CountryData<'e, 'a> {
    evidence: &'e Evidence<'a>,
    country: &'e str,
    rows: Vec<&'a Obs>,
    failures: Vec<&'a Finding>,
}

impl<'e, 'a> CountryData<'e, 'a> {
    fn new(evidence: &'e Evidence<'a>, country: &'e str) -> CountryData<'e, 'a> {
        let rows = match evidence.dataset.sym(country) {
            Some(reporter) => evidence
                .dataset
                .obs()
                .iter()
                .filter(|o| o.reporter == reporter)
                .collect(),
            None => Vec::new(),
        };
        let failures = evidence
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail && f.reporter.as_deref() == Some(country))
            .collect();
        CountryData {
            evidence,
            country,
            rows,
            failures,
        }
    }
}

/// The part of the evidence that concerns one source: the country's observations and findings
/// in the tables and years the source feeds.
struct Scope<'a> {
    evidence: &'a Evidence<'a>,
    country: &'a str,
    feeds: &'a [TableFeed],
    /// The country's observations in the source's tables and years.
    rows: Vec<&'a Obs>,
    /// The country's failed cases.
    country_failures: &'a [&'a Finding],
    /// Whether the data set holds any observation of the country at all.
    country_has_data: bool,
    kinds: std::cell::RefCell<HashMap<Sym, CategoryKind>>,
}

impl<'a> Scope<'a> {
    fn new(data: &'a CountryData<'a, 'a>, feeds: &'a [TableFeed]) -> Scope<'a> {
        let covers = |table: TableId, year: u16| {
            feeds
                .iter()
                .any(|f| f.table == table && f.covers_year(year))
        };
        let rows = data
            .rows
            .iter()
            .copied()
            .filter(|o| covers(o.table, o.year))
            .collect();
        Scope {
            evidence: data.evidence,
            country: data.country,
            feeds,
            rows,
            country_failures: &data.failures,
            country_has_data: !data.rows.is_empty(),
            kinds: std::cell::RefCell::new(HashMap::new()),
        }
    }

    fn dataset(&self) -> &'a Dataset {
        self.evidence.dataset
    }

    fn covers(&self, table: TableId, year: u16) -> bool {
        self.feeds
            .iter()
            .any(|f| f.table == table && f.covers_year(year))
    }

    /// The country's observations in the source's tables and years.
    fn observations(&self) -> impl Iterator<Item = &'a Obs> + '_ {
        self.rows.iter().copied()
    }

    /// The tables the source feeds, each once, in catalogue order.
    fn tables(&self) -> Vec<TableId> {
        let set: BTreeSet<TableId> = self.feeds.iter().map(|f| f.table).collect();
        set.into_iter().collect()
    }

    /// Failed cases of these checks in the source's tables and years.
    fn failures(&self, codes: &[CheckCode]) -> Vec<&'a Finding> {
        self.country_failures
            .iter()
            .copied()
            .filter(|f| {
                codes.contains(&f.check)
                    && f.table.is_some_and(|table| match f.year {
                        Some(year) => self.covers(table, year),
                        None => self.feeds.iter().any(|feed| feed.table == table),
                    })
            })
            .collect()
    }

    fn kind(&self, sym: Sym) -> CategoryKind {
        *self
            .kinds
            .borrow_mut()
            .entry(sym)
            .or_insert_with(|| category_kind(self.dataset().str(sym)))
    }

    fn country_name(&self, lang: Lang) -> String {
        gazetteer().name(self.country, lang).to_string()
    }
}

fn score(value: u8) -> Score {
    Score::new(value.min(Score::MAX)).unwrap_or(Score::all()[0])
}

fn suggestion(
    criterion: Criterion,
    value: u8,
    evidence_en: String,
    evidence_ru: String,
    refs: Vec<EvidenceRef>,
) -> Suggestion {
    Suggestion {
        criterion,
        score: score(value),
        evidence_en,
        evidence_ru,
        refs,
    }
}

fn table_list(tables: &[TableId], lang: Lang) -> String {
    let codes: Vec<String> = tables.iter().map(|t| t.code().to_string()).collect();
    join_and(&codes, lang)
}

/// "table 3" / "tables 3 and 4"; "таблице 3" / "таблицах 3 и 4" (prepositional).
fn tables_phrase(tables: &[TableId], lang: Lang) -> String {
    t!(
        lang,
        "suggest-tables",
        count = tables.len(),
        list = table_list(tables, lang)
    )
}

/// Finding references: the first `limit` case ids.
fn finding_refs(findings: &[&Finding], limit: usize) -> Vec<EvidenceRef> {
    findings
        .iter()
        .take(limit)
        .map(|f| EvidenceRef::Finding {
            case_id: f.case_id(),
        })
        .collect()
}

/// One reference per check code, with its count, tables, years and largest deviation.
fn check_refs(findings: &[&Finding]) -> Vec<EvidenceRef> {
    let mut by_check: BTreeMap<CheckCode, Vec<&Finding>> = BTreeMap::new();
    for finding in findings {
        by_check.entry(finding.check).or_default().push(finding);
    }
    by_check
        .into_iter()
        .map(|(check, list)| {
            let tables: BTreeSet<TableId> = list.iter().filter_map(|f| f.table).collect();
            let years: BTreeSet<u16> = list.iter().filter_map(|f| f.year).collect();
            EvidenceRef::Check {
                check,
                findings: list.len(),
                tables: tables.into_iter().collect(),
                years: years.into_iter().collect(),
                max_deviation: list
                    .iter()
                    .filter_map(|f| deviation(f))
                    .fold(None, |max: Option<f64>, d| {
                        Some(max.map_or(d, |m| m.max(d)))
                    }),
            }
        })
        .collect()
}

/// |expected − actual| / |expected|, where both are known (0 when both are 0). A rate checked
/// against a bound (D3) has no deviation of a total.
fn deviation(finding: &Finding) -> Option<f64> {
    if finding.check == CheckCode::D3 {
        return None;
    }
    let (expected, actual) = (finding.expected?, finding.actual?);
    if expected != 0.0 {
        Some((expected - actual).abs() / expected.abs())
    } else if actual == 0.0 {
        Some(0.0)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Definition

fn definition_score(months: Option<u8>, basis: DurationBasis) -> u8 {
    match months {
        None => 0,
        Some(12) if basis == DurationBasis::Intended => 2,
        Some(12) => 3,
        Some(6..=11) | Some(13..=59) => 2,
        Some(0..=5) => 1,
        Some(_) => 0,
    }
}

pub(crate) fn duration_words(months: u8, lang: Lang) -> String {
    match months {
        0 => t!(lang, "suggest-duration-no-limit").to_string(),
        60..=u8::MAX => t!(lang, "suggest-duration-permanent").to_string(),
        m => t!(lang, "suggest-duration-months", months = m.to_string()),
    }
}

/// The duration rules the data state, year by year (the most frequent rule of each year),
/// as runs of consecutive years with the same rule: `[(6, [2012, 2015]), (12, [2016, 2021])]`.
fn data_duration_rules(scope: &Scope<'_>) -> Vec<(u8, [u16; 2])> {
    let mut by_year: BTreeMap<u16, BTreeMap<u8, usize>> = BTreeMap::new();
    for obs in scope.observations() {
        if let Some(months) = obs.duration_months() {
            *by_year
                .entry(obs.year)
                .or_default()
                .entry(months)
                .or_default() += 1;
        }
    }
    let mut runs: Vec<(u8, [u16; 2])> = Vec::new();
    for (year, counts) in by_year {
        let Some(rule) = counts
            .iter()
            .max_by_key(|(months, n)| (**n, std::cmp::Reverse(**months)))
            .map(|(months, _)| *months)
        else {
            continue;
        };
        match runs.last_mut() {
            Some((last, span)) if *last == rule => span[1] = year,
            _ => runs.push((rule, [year, year])),
        }
    }
    runs
}

fn definition(scope: &Scope<'_>, source: &DataSource) -> Option<Suggestion> {
    let runs = data_duration_rules(scope);
    let basis = source.duration_basis;
    let rules: BTreeSet<u8> = runs.iter().map(|(months, _)| *months).collect();
    if rules.len() > 1 {
        return changing_definition(&runs, source);
    }
    let from_data = rules.first().copied();
    let months = source.duration_rule_months.or(from_data);
    let taken_from_data = source.duration_rule_months.is_none() && from_data.is_some();
    let value = definition_score(months, basis);
    let text = |lang: Lang| {
        let mut text = match months {
            None => t!(lang, "suggest-definition-unknown").to_string(),
            Some(m) => t!(
                lang,
                "suggest-definition",
                duration = duration_words(m, lang),
                basis = basis.label(lang).to_lowercase(),
                origin = if taken_from_data {
                    t!(lang, "suggest-origin-data")
                } else {
                    t!(lang, "suggest-origin-inventory")
                },
            ),
        };
        if let (Some(stated), Some(data)) = (source.duration_rule_months, from_data)
            && stated != data
        {
            text.push_str(&t!(
                lang,
                "suggest-definition-data-differs",
                data = data.to_string(),
                stated = stated.to_string(),
            ));
        }
        text.push_str(t!(lang, "suggest-definition-rule"));
        text
    };
    Some(suggestion(
        Criterion::Definition,
        value,
        text(Lang::En),
        text(Lang::Ru),
        vec![EvidenceRef::Duration {
            months,
            basis,
            from_data: taken_from_data,
            years: None,
        }],
    ))
}

/// The data state different duration rules over the years: the years on either side of a
/// change are not comparable, so the least comparable rule sets the level.
fn changing_definition(runs: &[(u8, [u16; 2])], source: &DataSource) -> Option<Suggestion> {
    let basis = source.duration_basis;
    let (worst, _) = runs
        .iter()
        .min_by_key(|(months, span)| (definition_score(Some(*months), basis), span[0]))?;
    let worst_years = year_span(
        runs.iter()
            .filter(|(months, _)| months == worst)
            .flat_map(|(_, span)| *span),
    )?;
    let mut value = definition_score(Some(*worst), basis);
    if let Some(stated) = source.duration_rule_months {
        value = value.min(definition_score(Some(stated), basis));
    }
    let text = |lang: Lang| {
        let parts: Vec<String> = runs
            .iter()
            .map(|(months, span)| {
                t!(
                    lang,
                    "suggest-rule-years",
                    months = months.to_string(),
                    years = years(span[0], span[1]),
                )
            })
            .collect();
        let mut text = t!(
            lang,
            "suggest-definition-changing",
            list = join_and(&parts, lang),
            period = years(worst_years[0], worst_years[1]),
            duration = duration_words(*worst, lang),
            basis = basis.label(lang).to_lowercase(),
        );
        if let Some(stated) = source.duration_rule_months {
            text.push_str(&t!(
                lang,
                "suggest-definition-inventory-states",
                months = stated.to_string(),
            ));
        }
        text.push_str(t!(lang, "suggest-definition-rule"));
        text
    };
    let (en, ru) = (text(Lang::En), text(Lang::Ru));
    let mut refs = vec![EvidenceRef::Duration {
        months: Some(*worst),
        basis,
        from_data: true,
        years: Some(worst_years),
    }];
    refs.extend(
        runs.iter()
            .filter(|(months, _)| months != worst)
            .map(|(months, span)| EvidenceRef::Duration {
                months: Some(*months),
                basis,
                from_data: true,
                years: Some(*span),
            }),
    );
    Some(suggestion(Criterion::Definition, value, en, ru, refs))
}

// ---------------------------------------------------------------------------------------------
// Emigration capture

fn band_at_least(value: f64, bands: [f64; 3]) -> u8 {
    if value >= bands[0] {
        3
    } else if value >= bands[1] {
        2
    } else if value >= bands[2] {
        1
    } else {
        0
    }
}

/// The emigration ratios of the scope's country in the years the feeds cover, where its
/// partners report the other side; oldest first.
fn emigration_ratios<'s>(scope: &'s Scope<'_>, feeds: &[&TableFeed]) -> Vec<&'s CountryRatio> {
    let covers = |year: u16| feeds.iter().any(|f| f.covers_year(year));
    let mut ratios: Vec<_> = scope
        .evidence
        .country_ratios
        .iter()
        .filter(|r| {
            r.country == scope.country
                && r.direction == Direction::Emigration
                && covers(r.year)
                && r.partner_reported > 0.0
                && r.reported.is_finite()
        })
        .collect();
    ratios.sort_by_key(|r| r.year);
    ratios
}

/// The rule of the emigration-capture bands, in English and in Russian, each with a leading
/// space. The bounds are written as they are set (`0.75` / `0,75`), in both languages alike.
fn emigration_rule([b3, b2, b1]: [f64; 3]) -> [String; 2] {
    Lang::ALL.map(|lang| {
        let bound = |b: f64| crate::i18n::format_number(b, lang);
        t!(
            lang,
            "suggest-emigration-rule",
            b3 = bound(b3),
            b2 = bound(b2),
            b1 = bound(b1),
        )
    })
}

/// Score 0 when the data hold no emigration of the country at all in the tables the source
/// feeds; nothing when they hold some that no partner mirrors, or no data of the country.
fn no_emigration(
    scope: &Scope<'_>,
    source: &DataSource,
    tables: &[TableId],
    [rule_en, rule_ru]: &[String; 2],
) -> Option<Suggestion> {
    if !scope.country_has_data {
        return None;
    }
    let has_emigration = scope
        .observations()
        .any(|o| EMIGRATION_TABLES.contains(&o.table) && o.number().is_some());
    if has_emigration {
        // Emigration is there but no partner reports the other side: nothing to compare.
        return None;
    }
    let text = |lang: Lang, rule: &str| {
        t!(
            lang,
            "suggest-no-emigration",
            name = scope.country_name(lang),
            tables = tables_phrase(tables, lang),
            rule = rule,
        )
    };
    Some(suggestion(
        Criterion::EmigrationCapture,
        0,
        text(Lang::En, rule_en),
        text(Lang::Ru, rule_ru),
        vec![EvidenceRef::Field {
            field: "feeds".into(),
            value: TableFeed::format_list(&source.feeds),
        }],
    ))
}

/// The emigration a country reports against the immigration its partners report from it,
/// summed over the years of its ratios.
struct EmigrationTotals {
    /// Whole persons: the corrected figures are estimates, and decimals would suggest
    /// otherwise.
    reported: f64,
    partner_reported: f64,
    ratio: f64,
    span: [u16; 2],
}

impl EmigrationTotals {
    fn new(ratios: &[&CountryRatio]) -> EmigrationTotals {
        let reported: f64 = ratios.iter().map(|r| r.reported).sum::<f64>().round();
        let partner_reported: f64 = ratios
            .iter()
            .map(|r| r.partner_reported)
            .sum::<f64>()
            .round();
        EmigrationTotals {
            reported,
            partner_reported,
            ratio: reported / partner_reported,
            span: year_span(ratios.iter().map(|r| r.year)).unwrap_or([0, 0]),
        }
    }
}

/// The evidence of an emigration-capture score, in English and in Russian: the totals, how
/// many times more arrivals the partners record below the top band, the ratio of each year.
fn emigration_evidence(
    scope: &Scope<'_>,
    ratios: &[&CountryRatio],
    totals: &EmigrationTotals,
    top_band: f64,
    [rule_en, rule_ru]: &[String; 2],
) -> [String; 2] {
    let EmigrationTotals {
        reported,
        partner_reported,
        ratio,
        span,
    } = *totals;
    let text = |lang: Lang, rule: &str| {
        let mut text = t!(
            lang,
            "suggest-emigration",
            name = scope.country_name(lang),
            ratio = decimal(ratio, 2, lang),
            period = years(span[0], span[1]),
            reported = count(reported, lang),
            partner_reported = count(partner_reported, lang),
        );
        if ratio > 0.0 && ratio < top_band {
            text.push_str(&t!(
                lang,
                "suggest-emigration-times",
                times = decimal(1.0 / ratio, 1, lang),
            ));
        }
        text.push('.');
        if ratios.len() > 1 {
            let by_year = ratios
                .iter()
                .take(12)
                .map(|r| format!("{} {}", r.year, decimal(r.ratio, 2, lang)))
                .collect::<Vec<_>>()
                .join(", ");
            text.push_str(&t!(lang, "suggest-emigration-by-year", list = by_year));
        }
        text.push_str(rule);
        text
    };
    [text(Lang::En, rule_en), text(Lang::Ru, rule_ru)]
}

/// The references of an emigration-capture score: the ratio of the whole span, then of each
/// year when there are several.
fn emigration_refs(
    country: &str,
    ratios: &[&CountryRatio],
    totals: &EmigrationTotals,
) -> Vec<EvidenceRef> {
    let mut refs = vec![EvidenceRef::Ratio {
        country: country.to_string(),
        direction: Direction::Emigration,
        years: totals.span,
        reported: totals.reported,
        partner_reported: totals.partner_reported,
        ratio: totals.ratio,
    }];
    if ratios.len() > 1 {
        refs.extend(ratios.iter().map(|r| EvidenceRef::Ratio {
            country: r.country.clone(),
            direction: r.direction,
            years: [r.year, r.year],
            reported: r.reported,
            partner_reported: r.partner_reported,
            ratio: r.ratio,
        }));
    }
    refs
}

fn emigration_capture(
    scope: &Scope<'_>,
    source: &DataSource,
    settings: &AssessSettings,
) -> Option<Suggestion> {
    let feeds: Vec<&TableFeed> = source
        .feeds
        .iter()
        .filter(|f| EMIGRATION_TABLES.contains(&f.table))
        .collect();
    if feeds.is_empty() {
        return None;
    }
    let ratios = emigration_ratios(scope, &feeds);
    let rule = emigration_rule(settings.emigration_ratio_bands);
    if ratios.is_empty() {
        let tables: Vec<TableId> = feeds.iter().map(|f| f.table).collect();
        return no_emigration(scope, source, &tables, &rule);
    }
    let totals = EmigrationTotals::new(&ratios);
    let value = band_at_least(totals.ratio, settings.emigration_ratio_bands);
    let [top_band, _, _] = settings.emigration_ratio_bands;
    let [en, ru] = emigration_evidence(scope, &ratios, &totals, top_band, &rule);
    let refs = emigration_refs(scope.country, &ratios, &totals);
    Some(suggestion(
        Criterion::EmigrationCapture,
        value,
        en,
        ru,
        refs,
    ))
}

// ---------------------------------------------------------------------------------------------
// Fields of the inventory: coverage, periodicity, accessibility

fn from_field<T: Choice>(
    criterion: Criterion,
    field: &str,
    field_label: fn(Lang) -> &'static str,
    value: T,
    score: Option<u8>,
) -> Option<Suggestion> {
    let score = score?;
    let text = |lang: Lang| {
        t!(
            lang,
            "suggest-from-field",
            field = field_label(lang),
            value = value.label(lang),
            score = score.to_string(),
            level = criterion.level(self::score(score), lang),
        )
    };
    Some(suggestion(
        criterion,
        score,
        text(Lang::En),
        text(Lang::Ru),
        vec![EvidenceRef::field(field, value)],
    ))
}

fn coverage(source: &DataSource) -> Option<Suggestion> {
    let value = source.groups_covered;
    let score = match value {
        GroupCoverage::AllResidents => 3,
        GroupCoverage::ForeignersPartly => 2,
        GroupCoverage::CitizensOnly | GroupCoverage::PermitsOnly => 1,
        GroupCoverage::Unknown => 0,
    };
    from_field(
        Criterion::Coverage,
        "groups_covered",
        |lang| t!(lang, "suggest-field-coverage"),
        value,
        Some(score),
    )
}

fn periodicity(source: &DataSource) -> Option<Suggestion> {
    let value = source.periodicity;
    let score = match value {
        Periodicity::Continuous | Periodicity::Annual => Some(3),
        Periodicity::Biennial => Some(2),
        Periodicity::Irregular | Periodicity::CensusOnly => Some(1),
        Periodicity::NotProduced => Some(0),
        Periodicity::Unknown => None,
    };
    from_field(
        Criterion::Periodicity,
        "periodicity",
        |lang| t!(lang, "suggest-field-periodicity"),
        value,
        score,
    )
}

fn accessibility(source: &DataSource) -> Option<Suggestion> {
    let value = source.publication;
    let score = match value {
        Publication::MachineReadable => Some(3),
        Publication::TablesWithNotes => Some(2),
        Publication::PdfOnly => Some(1),
        Publication::OnRequest | Publication::NotPublished => Some(0),
        Publication::Unknown => None,
    };
    from_field(
        Criterion::Accessibility,
        "publication",
        |lang| t!(lang, "suggest-field-publication"),
        value,
        score,
    )
}

// ---------------------------------------------------------------------------------------------
// Internal consistency

fn internal_consistency(scope: &Scope<'_>, settings: &AssessSettings) -> Option<Suggestion> {
    if !scope.evidence.ran_any(&CONSISTENCY_CHECKS) || scope.observations().next().is_none() {
        return None;
    }
    let mut failures = scope.failures(&CONSISTENCY_CHECKS);
    // Larger deviations first, so that the kept references are the worst cases.
    failures.sort_by(|a, b| {
        let da = deviation(a).unwrap_or(f64::INFINITY);
        let db = deviation(b).unwrap_or(f64::INFINITY);
        db.total_cmp(&da)
    });
    let small = settings.consistency_small_deviation;
    let many = settings.consistency_contradiction_findings;
    let larger = failures
        .iter()
        .filter(|f| deviation(f).is_none_or(|d| d > small))
        .count();
    let value = if failures.is_empty() {
        3
    } else if larger == 0 {
        2
    } else if larger >= many {
        0
    } else {
        1
    };
    let tables = scope.tables();
    let text = |lang: Lang| {
        let mut text = if failures.is_empty() {
            t!(
                lang,
                "suggest-consistency-none",
                tables = tables_phrase(&tables, lang),
            )
        } else {
            failed_checks(&failures, larger, small, lang)
        };
        text.push_str(&t!(
            lang,
            "suggest-consistency-rule",
            small = percent(small, lang),
            many = many.to_string(),
        ));
        text
    };
    let (en, ru) = (text(Lang::En), text(Lang::Ru));
    let mut refs = check_refs(&failures);
    refs.extend(finding_refs(&failures, settings.max_finding_refs));
    Some(suggestion(
        Criterion::InternalConsistency,
        value,
        en,
        ru,
        refs,
    ))
}

/// What the failed consistency checks found, in one language: the checks and tables, the
/// largest deviation, the worst case in the check's own words.
fn failed_checks(failures: &[&Finding], larger: usize, small: f64, lang: Lang) -> String {
    let refs = check_refs(failures);
    let per_check: Vec<String> = refs
        .iter()
        .filter_map(|r| match r {
            EvidenceRef::Check {
                check, findings, ..
            } => Some(format!("{check} ×{findings}")),
            _ => None,
        })
        .collect();
    let failed_tables: BTreeSet<TableId> = failures.iter().filter_map(|f| f.table).collect();
    let failed_tables: Vec<TableId> = failed_tables.into_iter().collect();
    let largest = failures
        .iter()
        .filter_map(|f| deviation(f))
        .reduce(f64::max);
    let mut text = t!(
        lang,
        "suggest-consistency-fail",
        tables = tables_phrase(&failed_tables, lang),
        failures = failures.len().to_string(),
        checks = per_check.join(", "),
        small = percent(small, lang),
        larger = larger.to_string(),
    );
    if let Some(largest) = largest {
        text.push_str(&t!(
            lang,
            "suggest-consistency-largest",
            deviation = percent(largest, lang),
        ));
    }
    // The worst case in the check's own words, so the reviewer sees the numbers.
    let example = failures[0].message(lang);
    text.push_str(&t!(
        lang,
        "suggest-consistency-example",
        example = example.trim_end_matches('.'),
    ));
    text
}

// ---------------------------------------------------------------------------------------------
// Disaggregation

fn disaggregation(scope: &Scope<'_>) -> Option<Suggestion> {
    let dataset = scope.dataset();
    let (mut by_sex, mut by_age, mut by_partner) = (false, false, false);
    let (mut sex_partner, mut sex_age_partner) = (false, false);
    let mut tables: BTreeSet<TableId> = BTreeSet::new();
    for obs in scope.observations() {
        if obs.number().is_none() || obs.table.breakdown() == Breakdown::None {
            continue;
        }
        tables.insert(obs.table);
        let sexed = matches!(obs.sex, Sex::M | Sex::F);
        let age = dataset.str(obs.age);
        let aged = !matches!(age, "" | "TOTAL" | "UNK");
        let partnered = !matches!(
            scope.kind(obs.category),
            CategoryKind::Total
                | CategoryKind::Unknown
                | CategoryKind::Other
                | CategoryKind::Aggregate
                | CategoryKind::Unplaced
        );
        by_sex |= sexed;
        by_age |= aged;
        by_partner |= partnered;
        sex_partner |= sexed && partnered;
        sex_age_partner |= sexed && aged && partnered;
    }
    if tables.is_empty() {
        return None;
    }
    let tables: Vec<TableId> = tables.into_iter().collect();
    let value = if sex_age_partner {
        3
    } else if sex_partner {
        2
    } else if by_partner {
        1
    } else {
        0
    };
    let text = |lang: Lang| {
        let what = match value {
            3 => t!(lang, "suggest-breakdown-3"),
            2 => t!(lang, "suggest-breakdown-2"),
            1 => t!(lang, "suggest-breakdown-1"),
            _ => t!(lang, "suggest-breakdown-0"),
        };
        let yes_no = |flag: bool| {
            if flag {
                t!(lang, "suggest-yes")
            } else {
                t!(lang, "suggest-no")
            }
        };
        t!(
            lang,
            "suggest-disaggregation",
            tables = tables_phrase(&tables, lang),
            what = what,
            sex = yes_no(by_sex),
            age = yes_no(by_age),
            partner = yes_no(by_partner),
        )
    };
    let (en, ru) = (text(Lang::En), text(Lang::Ru));
    Some(suggestion(
        Criterion::Disaggregation,
        value,
        en,
        ru,
        vec![EvidenceRef::Breakdowns {
            by_sex,
            by_age,
            by_partner,
            tables,
        }],
    ))
}

// ---------------------------------------------------------------------------------------------
// Unknown share

/// What is unknown in a table, in a phrase: "an unknown country of previous residence" /
/// "с неизвестной страной предыдущего проживания".
pub(crate) fn unknown_what(table: TableId, lang: Lang) -> &'static str {
    match table.breakdown() {
        Breakdown::Country(CountryDim::PreviousResidence) => {
            t!(lang, "suggest-unknown-previous-residence")
        }
        Breakdown::Country(CountryDim::NextResidence) => t!(lang, "suggest-unknown-next-residence"),
        Breakdown::Country(CountryDim::Citizenship) => t!(lang, "suggest-unknown-citizenship"),
        Breakdown::Country(CountryDim::Birth) => t!(lang, "suggest-unknown-birth"),
        _ if table == TableId::T1_1 => t!(lang, "suggest-unknown-place-of-birth"),
        _ => t!(lang, "suggest-unknown-citizenship-status"),
    }
}

struct TableShare {
    table: TableId,
    years: [u16; 2],
    unknown: f64,
    total: f64,
}

impl TableShare {
    fn share(&self) -> f64 {
        self.unknown / self.total
    }
}

/// The unknown share of one table, pooled over the years: `UNK`/`UNKNOWN` against the `TOTAL`
/// row (or, in a by-country table without one, the sum of the partners), for sex T and age
/// TOTAL where the table has them.
fn table_share(scope: &Scope<'_>, table: TableId) -> Option<TableShare> {
    let dataset = scope.dataset();
    let rows: Vec<&Obs> = scope
        .observations()
        .filter(|o| o.table == table && o.number().is_some())
        .collect();
    let has_total_sex = rows.iter().any(|o| o.sex == Sex::T);
    let has_total_age = rows.iter().any(|o| dataset.str(o.age) == "TOTAL");
    // year → (unknown, TOTAL row, sum of partners)
    let mut by_year: BTreeMap<u16, (f64, Option<f64>, f64)> = BTreeMap::new();
    for obs in rows {
        if (has_total_sex && obs.sex != Sex::T)
            || (has_total_age && dataset.str(obs.age) != "TOTAL")
        {
            continue;
        }
        let value = obs.number().unwrap_or(0.0);
        let entry = by_year.entry(obs.year).or_insert((0.0, None, 0.0));
        let kind = scope.kind(obs.category);
        match kind {
            CategoryKind::Unknown => entry.0 += value,
            CategoryKind::Total => entry.1 = Some(entry.1.unwrap_or(0.0) + value),
            _ => {}
        }
        if kind.is_part_of_partner_total() {
            entry.2 += value;
        }
    }
    let by_country = table.is_by_country();
    let mut share = TableShare {
        table,
        years: [u16::MAX, 0],
        unknown: 0.0,
        total: 0.0,
    };
    for (year, (unknown, total_row, parts)) in by_year {
        let total = match total_row {
            Some(total) => total,
            None if by_country => parts,
            None => continue,
        };
        if total <= 0.0 {
            continue;
        }
        share.unknown += unknown;
        share.total += total;
        share.years = [share.years[0].min(year), share.years[1].max(year)];
    }
    (share.total > 0.0).then_some(share)
}

fn band_at_most(share: f64, bands: [f64; 3]) -> u8 {
    if share < bands[0] {
        3
    } else if share <= bands[1] {
        2
    } else if share <= bands[2] {
        1
    } else {
        0
    }
}

/// The rule of the unknown-share bands, in English and in Russian, each with a leading space.
fn unknown_share_rule([b3, b2, b1]: [f64; 3]) -> [String; 2] {
    Lang::ALL.map(|lang| {
        t!(
            lang,
            "suggest-unknown-share-rule",
            b3 = percent(b3, lang),
            b2 = percent(b2, lang),
            b1 = percent(b1, lang),
        )
    })
}

/// What check U1 found, in English and in Russian, each with a leading space; empty when it
/// did not run.
fn u1_note(scope: &Scope<'_>, u1: &[&Finding]) -> [String; 2] {
    if !u1.is_empty() {
        return Lang::ALL.map(|lang| t!(lang, "suggest-u1-flagged", cases = u1.len().to_string()));
    }
    if scope.evidence.ran_any(&[CheckCode::U1]) {
        Lang::ALL.map(|lang| t!(lang, "suggest-u1-none").to_string())
    } else {
        [String::new(), String::new()]
    }
}

/// With no table to measure, the score judged from U1's severity (warning above 5 %, error
/// above 20 %); nothing when U1 flagged no case.
fn unknown_share_from_u1(
    u1: &[&Finding],
    settings: &AssessSettings,
    [rule_en, rule_ru]: &[String; 2],
) -> Option<Suggestion> {
    if u1.is_empty() {
        return None;
    }
    let value = if u1.iter().any(|f| f.severity == Severity::Error) {
        0
    } else {
        1
    };
    let mut refs = check_refs(u1);
    refs.extend(finding_refs(u1, settings.max_finding_refs));
    let flagged: BTreeSet<TableId> = u1.iter().filter_map(|f| f.table).collect();
    let flagged: Vec<TableId> = flagged.into_iter().collect();
    let text = |lang: Lang, rule: &str| {
        t!(
            lang,
            "suggest-unknown-share-u1",
            tables = tables_phrase(&flagged, lang),
            cases = u1.len().to_string(),
            rule = rule,
        )
    };
    Some(suggestion(
        Criterion::UnknownShare,
        value,
        text(Lang::En, rule_en),
        text(Lang::Ru, rule_ru),
        refs,
    ))
}

/// The evidence of an unknown-share score, in English and in Russian: the worst table, then
/// the others.
fn unknown_share_evidence(worst: &TableShare, others: &[TableShare]) -> [String; 2] {
    Lang::ALL.map(|lang| {
        let mut text = t!(
            lang,
            "suggest-unknown-share",
            share = percent(worst.share(), lang),
            table = worst.table.to_string(),
            period = years(worst.years[0], worst.years[1]),
            what = unknown_what(worst.table, lang),
            unknown = count(worst.unknown, lang),
            total = count(worst.total, lang),
        );
        if !others.is_empty() {
            let list = others
                .iter()
                .map(|s| format!("{} {}", s.table, percent(s.share(), lang)))
                .collect::<Vec<_>>()
                .join(", ");
            text.push_str(&t!(lang, "suggest-unknown-share-others", list = list));
        }
        text
    })
}

fn unknown_share(scope: &Scope<'_>, settings: &AssessSettings) -> Option<Suggestion> {
    let tables: Vec<TableId> = scope
        .tables()
        .into_iter()
        .filter(|t| t.breakdown() != Breakdown::None)
        .collect();
    let mut shares: Vec<TableShare> = tables
        .iter()
        .filter_map(|&t| table_share(scope, t))
        .collect();
    shares.sort_by(|a, b| b.share().total_cmp(&a.share()));
    let u1 = scope.failures(&[CheckCode::U1]);
    let rule = unknown_share_rule(settings.unknown_share_bands);
    let Some(worst) = shares.first() else {
        return unknown_share_from_u1(&u1, settings, &rule);
    };
    let value = band_at_most(worst.share(), settings.unknown_share_bands);
    let [mut en, mut ru] = unknown_share_evidence(worst, &shares[1..]);
    let [u1_en, u1_ru] = u1_note(scope, &u1);
    let [rule_en, rule_ru] = rule;
    en.push_str(&u1_en);
    ru.push_str(&u1_ru);
    en.push_str(&rule_en);
    ru.push_str(&rule_ru);
    let mut refs: Vec<EvidenceRef> = shares
        .iter()
        .map(|s| EvidenceRef::UnknownShare {
            table: s.table,
            years: s.years,
            unknown: s.unknown,
            total: s.total,
            share: s.share(),
        })
        .collect();
    refs.extend(check_refs(&u1));
    refs.extend(finding_refs(&u1, settings.max_finding_refs));
    Some(suggestion(Criterion::UnknownShare, value, en, ru, refs))
}

// ---------------------------------------------------------------------------------------------
// Timeliness

fn band_months(months: u32, bands: [u32; 3]) -> u8 {
    if months <= bands[0] {
        3
    } else if months <= bands[1] {
        2
    } else if months <= bands[2] {
        1
    } else {
        0
    }
}

/// Calendar months from the end of `year` to the review date, the review's month included
/// (a review in June of the next year is 6 months after).
pub fn months_after_year_end(year: u16, review: jiff::civil::Date) -> u32 {
    let review_year = i32::from(review.year());
    let year = i32::from(year);
    if review_year <= year {
        return 0;
    }
    ((review_year - year - 1) * 12 + i32::from(review.month())).max(0) as u32
}

fn timeliness(
    scope: &Scope<'_>,
    source: &DataSource,
    settings: &AssessSettings,
) -> Option<Suggestion> {
    let [b3, b2, b1] = settings.timeliness_months_bands;
    let rule = |lang: Lang| {
        t!(
            lang,
            "suggest-timeliness-rule",
            b3 = b3.to_string(),
            b2 = b2.to_string(),
            b1 = b1.to_string(),
        )
    };
    let latest = scope
        .observations()
        .filter(|o| o.number().is_some())
        .map(|o| o.year)
        .max();
    if let Some(latest) = latest {
        let review = settings.review_date();
        let months = months_after_year_end(latest, review);
        let value = band_months(months, settings.timeliness_months_bands);
        let tables = scope.tables();
        let text = |lang: Lang| {
            let mut text = t!(
                lang,
                "suggest-timeliness-latest",
                tables = tables_phrase(&tables, lang),
                year = latest.to_string(),
                review = review.to_string(),
                months = months.to_string(),
            );
            if let Some(lag) = source.release_lag_months {
                text.push_str(&t!(
                    lang,
                    "suggest-timeliness-lag-stated",
                    lag = lag.to_string(),
                ));
            }
            text.push_str(&rule(lang));
            text
        };
        let mut refs = vec![EvidenceRef::LatestYear {
            year: latest,
            review_date: review,
            months_after: months,
        }];
        if let Some(lag) = source.release_lag_months {
            refs.push(EvidenceRef::ReleaseLag { months: lag });
        }
        return Some(suggestion(
            Criterion::Timeliness,
            value,
            text(Lang::En),
            text(Lang::Ru),
            refs,
        ));
    }
    let lag = source.release_lag_months?;
    let value = band_months(u32::from(lag), settings.timeliness_months_bands);
    let text = |lang: Lang| {
        t!(
            lang,
            "suggest-timeliness-inventory",
            lag = lag.to_string(),
            rule = rule(lang),
        )
    };
    Some(suggestion(
        Criterion::Timeliness,
        value,
        text(Lang::En),
        text(Lang::Ru),
        vec![EvidenceRef::ReleaseLag { months: lag }],
    ))
}

// ---------------------------------------------------------------------------------------------
// Time-series stability

fn time_series_stability(scope: &Scope<'_>, settings: &AssessSettings) -> Option<Suggestion> {
    scope.observations().next()?;
    let dataset = scope.dataset();
    let mut flagged: BTreeMap<TableId, BTreeSet<u16>> = BTreeMap::new();
    for obs in scope.observations() {
        if !obs.flag.is_empty() && dataset.str(obs.flag).contains('b') {
            flagged.entry(obs.table).or_default().insert(obs.year);
        }
    }
    let ran = scope.evidence.ran_any(&[CheckCode::T1, CheckCode::T3]);
    if !ran && flagged.is_empty() {
        return None;
    }
    let jumps = scope.failures(&[CheckCode::T1]);
    let breaks = scope.failures(&[CheckCode::T3]);
    let value = if !jumps.is_empty() {
        1
    } else if !breaks.is_empty() || !flagged.is_empty() {
        2
    } else {
        3
    };
    let year_list = |findings: &[&Finding]| {
        let set: BTreeSet<u16> = findings.iter().filter_map(|f| f.year).collect();
        set.into_iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let tables = scope.tables();
    let break_years = (!breaks.is_empty() || !flagged.is_empty()).then(|| {
        let mut years_flagged: BTreeSet<u16> = breaks.iter().filter_map(|f| f.year).collect();
        for set in flagged.values() {
            years_flagged.extend(set.iter().copied());
        }
        years_flagged
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let text = |lang: Lang| {
        let mut text = String::new();
        if !jumps.is_empty() {
            text.push_str(&t!(
                lang,
                "suggest-stability-jumps",
                jumps = jumps.len().to_string(),
                years = year_list(&jumps),
            ));
        }
        if let Some(list) = &break_years {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&t!(lang, "suggest-stability-breaks", years = list));
        }
        if text.is_empty() {
            text = t!(
                lang,
                "suggest-stability-none",
                tables = tables_phrase(&tables, lang),
            );
        }
        if !ran {
            text.push_str(t!(lang, "suggest-stability-not-run"));
        }
        text.push_str(t!(lang, "suggest-stability-rule"));
        text
    };
    let (en, ru) = (text(Lang::En), text(Lang::Ru));
    let mut refs: Vec<EvidenceRef> = Vec::new();
    let mut all: Vec<&Finding> = jumps.clone();
    all.extend(breaks.iter().copied());
    refs.extend(check_refs(&all));
    refs.extend(
        flagged
            .into_iter()
            .map(|(table, years)| EvidenceRef::BreakFlags {
                table,
                years: years.into_iter().collect(),
            }),
    );
    refs.extend(finding_refs(&all, settings.max_finding_refs));
    Some(suggestion(
        Criterion::TimeSeriesStability,
        value,
        en,
        ru,
        refs,
    ))
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_emigration_rule_writes_the_bounds_as_set_in_both_languages() {
        let [en, ru] = emigration_rule([0.75, 0.5, 0.3]);
        assert_eq!(
            en,
            " Rule: E/I ≥ 0.75 → 3, 0.5–0.75 → 2, 0.3–0.5 → 1, below 0.3 or no emigration data → 0."
        );
        assert!(ru.contains("≥ 0,75 → 3, 0,5–0,75 → 2, 0,3–0,5 → 1"), "{ru}");
    }

    use super::*;

    #[test]
    fn months_after_the_end_of_the_year() {
        let date = |y, m, d| jiff::civil::Date::new(y, m, d).unwrap_or_default();
        assert_eq!(months_after_year_end(2012, date(2013, 6, 30)), 6);
        assert_eq!(months_after_year_end(2012, date(2013, 7, 1)), 7);
        assert_eq!(months_after_year_end(2010, date(2013, 6, 30)), 30);
        assert_eq!(months_after_year_end(2013, date(2013, 6, 30)), 0);
    }

    #[test]
    fn duration_rules_map_to_the_rubric() {
        assert_eq!(definition_score(Some(12), DurationBasis::Actual), 3);
        assert_eq!(definition_score(Some(12), DurationBasis::Intended), 2);
        assert_eq!(definition_score(Some(9), DurationBasis::Actual), 2);
        assert_eq!(definition_score(Some(3), DurationBasis::Actual), 1);
        assert_eq!(definition_score(Some(0), DurationBasis::Unknown), 1);
        assert_eq!(definition_score(Some(60), DurationBasis::Actual), 0);
        assert_eq!(definition_score(None, DurationBasis::Actual), 0);
    }

    #[test]
    fn band_edges() {
        let bands = [0.02, 0.05, 0.20];
        assert_eq!(band_at_most(0.019, bands), 3);
        assert_eq!(band_at_most(0.02, bands), 2);
        assert_eq!(band_at_most(0.05, bands), 2);
        assert_eq!(band_at_most(0.2, bands), 1);
        assert_eq!(band_at_most(0.3, bands), 0);
        let ratios = [0.9, 0.7, 0.4];
        assert_eq!(band_at_least(0.9, ratios), 3);
        assert_eq!(band_at_least(0.45, ratios), 1);
        assert_eq!(band_at_least(0.39, ratios), 0);
    }
}
