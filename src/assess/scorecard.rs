//! The scorecard: per source and per ESS dimension, weighted means of the scores (the final
//! score, else the suggestion, marked as such), an overall grade, and the weakest points as
//! "potential for development" items in plain words built from the evidence.

use super::choices::{Choice, ObligationRule};
use super::evidence::Direction;
use super::model::{CountryAssessment, CriterionScore, DataSource, EvidenceRef, ScoreBasis};
use super::rubric::{Criterion, Score, dimension_label};
use super::settings::AssessSettings;
use super::suggest::{duration_words, unknown_what};
use super::text::{count, decimal, join_and, percent, years};
use crate::checks::{CheckCode, Dimension};
use crate::model::{Lang, TableId, gazetteer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The overall grade: the rubric level nearest to the weighted mean.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Poor,
    Weak,
    Adequate,
    Good,
}

impl Grade {
    pub fn from_mean(mean: f64, bands: [f64; 3]) -> Grade {
        if mean >= bands[0] {
            Grade::Good
        } else if mean >= bands[1] {
            Grade::Adequate
        } else if mean >= bands[2] {
            Grade::Weak
        } else {
            Grade::Poor
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Grade::Good, Lang::En) => "good",
            (Grade::Good, Lang::Ru) => "хорошо",
            (Grade::Adequate, Lang::En) => "adequate",
            (Grade::Adequate, Lang::Ru) => "удовлетворительно",
            (Grade::Weak, Lang::En) => "weak",
            (Grade::Weak, Lang::Ru) => "слабо",
            (Grade::Poor, Lang::En) => "poor",
            (Grade::Poor, Lang::Ru) => "плохо",
        }
    }
}

/// One criterion of a source on the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionLine {
    pub criterion: Criterion,
    pub dimension: Dimension,
    pub weight: f64,
    /// The final score, else the suggestion; `None` when neither exists.
    pub score: Option<Score>,
    pub basis: Option<ScoreBasis>,
    pub overridden: bool,
}

/// The weighted mean of the scored criteria of one ESS dimension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub dimension: Dimension,
    /// `None` when no criterion of the dimension is scored.
    pub mean: Option<f64>,
    /// Criteria that have a score.
    pub scored: usize,
    /// At least one score is a suggestion not yet reviewed.
    pub provisional: bool,
}

/// The scorecard of one source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceScorecard {
    pub source_id: String,
    pub name: String,
    pub kind: super::choices::SourceKind,
    pub criteria: Vec<CriterionLine>,
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<f64>,
    pub grade: Option<Grade>,
    pub provisional: bool,
    pub unscored: Vec<Criterion>,
}

/// A weak point of a source and what could be done about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DevelopmentItem {
    pub source_id: String,
    pub source_name: String,
    pub criterion: Criterion,
    pub dimension: Dimension,
    pub score: Score,
    pub basis: ScoreBasis,
    /// The weakness, with the numbers of the evidence.
    pub text_en: String,
    pub text_ru: String,
    /// What the country could do.
    pub action_en: String,
    pub action_ru: String,
}

impl DevelopmentItem {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Ru => &self.text_ru,
        }
    }

    pub fn action(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.action_en,
            Lang::Ru => &self.action_ru,
        }
    }
}

/// The scorecard of a country: its sources, the dimensions over all sources, and the potential
/// for development.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryScorecard {
    pub country: String,
    pub synthetic: bool,
    pub sources: Vec<SourceScorecard>,
    /// Per dimension, the mean of the sources' dimension means.
    pub dimensions: Vec<DimensionScore>,
    /// The mean of the sources' overall means.
    pub overall: Option<f64>,
    pub grade: Option<Grade>,
    pub provisional: bool,
    /// Weakest first.
    pub development: Vec<DevelopmentItem>,
}

fn weighted_mean(lines: &[&CriterionLine]) -> Option<f64> {
    let (sum, weights) = lines
        .iter()
        .filter(|l| l.weight > 0.0)
        .filter_map(|l| l.score.map(|s| (f64::from(s.get()) * l.weight, l.weight)))
        .fold((0.0, 0.0), |(s, w), (ls, lw)| (s + ls, w + lw));
    (weights > 0.0).then(|| sum / weights)
}

fn dimension_scores(lines: &[CriterionLine]) -> Vec<DimensionScore> {
    Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let of_dimension: Vec<&CriterionLine> =
                lines.iter().filter(|l| l.dimension == dimension).collect();
            DimensionScore {
                dimension,
                mean: weighted_mean(&of_dimension),
                scored: of_dimension.iter().filter(|l| l.score.is_some()).count(),
                provisional: of_dimension
                    .iter()
                    .any(|l| l.basis == Some(ScoreBasis::Suggested)),
            }
        })
        .collect()
}

/// The scorecard of one source.
pub fn source_scorecard(source: &DataSource, settings: &AssessSettings) -> SourceScorecard {
    let criteria: Vec<CriterionLine> = Criterion::ALL
        .into_iter()
        .map(|criterion| {
            let effective = source.effective(criterion);
            CriterionLine {
                criterion,
                dimension: criterion.dimension(),
                weight: settings.weights.get(criterion),
                score: effective.map(|(s, _)| s),
                basis: effective.map(|(_, b)| b),
                overridden: source.score(criterion).is_some_and(|s| s.overridden),
            }
        })
        .collect();
    let all: Vec<&CriterionLine> = criteria.iter().collect();
    let overall = weighted_mean(&all);
    SourceScorecard {
        source_id: source.id.clone(),
        name: source.name.clone(),
        kind: source.kind,
        dimensions: dimension_scores(&criteria),
        overall,
        grade: overall.map(|m| Grade::from_mean(m, settings.grade_bands)),
        provisional: criteria
            .iter()
            .any(|l| l.basis == Some(ScoreBasis::Suggested)),
        unscored: criteria
            .iter()
            .filter(|l| l.score.is_none())
            .map(|l| l.criterion)
            .collect(),
        criteria,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The scorecard of a country.
pub fn scorecard(country: &CountryAssessment, settings: &AssessSettings) -> CountryScorecard {
    let sources: Vec<SourceScorecard> = country
        .sources
        .iter()
        .map(|s| source_scorecard(s, settings))
        .collect();
    let dimensions = Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let per_source: Vec<&DimensionScore> = sources
                .iter()
                .filter_map(|s| s.dimensions.iter().find(|d| d.dimension == dimension))
                .filter(|d| d.mean.is_some())
                .collect();
            DimensionScore {
                dimension,
                mean: mean(per_source.iter().filter_map(|d| d.mean)),
                scored: per_source.iter().map(|d| d.scored).sum(),
                provisional: per_source.iter().any(|d| d.provisional),
            }
        })
        .collect();
    let overall = mean(sources.iter().filter_map(|s| s.overall));
    let mut development = Vec::new();
    for source in &country.sources {
        for score in &source.scores {
            let Some((value, basis)) = score.effective() else {
                continue;
            };
            if value.get() > settings.development_max_score
                || settings.weights.get(score.criterion) <= 0.0
            {
                continue;
            }
            development.push(DevelopmentItem {
                source_id: source.id.clone(),
                source_name: source.name.clone(),
                criterion: score.criterion,
                dimension: score.criterion.dimension(),
                score: value,
                basis,
                text_en: weakness(country, source, score, value, Lang::En),
                text_ru: weakness(country, source, score, value, Lang::Ru),
                action_en: score.criterion.action(Lang::En).to_string(),
                action_ru: score.criterion.action(Lang::Ru).to_string(),
            });
        }
    }
    development.sort_by(|a, b| {
        a.score
            .cmp(&b.score)
            .then(
                settings
                    .weights
                    .get(b.criterion)
                    .total_cmp(&settings.weights.get(a.criterion)),
            )
            .then(a.criterion.cmp(&b.criterion))
    });
    CountryScorecard {
        country: country.country.clone(),
        synthetic: country.synthetic,
        provisional: sources.iter().any(|s| s.provisional),
        sources,
        dimensions,
        overall,
        grade: overall.map(|m| Grade::from_mean(m, settings.grade_bands)),
        development,
    }
}

/// The weakness of a criterion in plain words, from the evidence the suggestion rests on (its
/// numbers), or from the rubric level and the reviewer's evidence when there is none or the
/// reviewer overrode the suggestion.
fn weakness(
    country: &CountryAssessment,
    source: &DataSource,
    score: &CriterionScore,
    value: Score,
    lang: Lang,
) -> String {
    let refs: &[EvidenceRef] = match &score.suggested {
        Some(suggestion) if !score.overridden => &suggestion.refs,
        _ => &[],
    };
    let from_evidence = match score.criterion {
        Criterion::EmigrationCapture => emigration_weakness(country, source, refs, lang),
        Criterion::UnknownShare => unknown_weakness(refs, lang),
        Criterion::InternalConsistency => consistency_weakness(refs, lang),
        Criterion::Timeliness => timeliness_weakness(refs, lang),
        Criterion::Disaggregation => disaggregation_weakness(refs, value, lang),
        Criterion::Definition => definition_weakness(refs, lang),
        Criterion::TimeSeriesStability => stability_weakness(refs, lang),
        Criterion::Coverage | Criterion::Periodicity | Criterion::Accessibility => None,
    };
    if let Some(text) = from_evidence {
        return text;
    }
    let mut text = format!(
        "{}: {}",
        score.criterion.title(lang),
        score.criterion.level(value, lang)
    );
    // The reviewer's words, else what the inventory says about the population covered.
    let mut said: Vec<&str> = [score.evidence.trim(), score.reason.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if said.is_empty() && score.criterion == Criterion::Coverage {
        said.extend(Some(source.population_covered.trim()).filter(|t| !t.is_empty()));
    }
    if !said.is_empty() {
        text.push_str(" — ");
        text.push_str(&said.join(" "));
    }
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

fn emigration_weakness(
    country: &CountryAssessment,
    source: &DataSource,
    refs: &[EvidenceRef],
    lang: Lang,
) -> Option<String> {
    let (years_span, reported, partner_reported, ratio) = refs.iter().find_map(|r| match r {
        EvidenceRef::Ratio {
            direction: Direction::Emigration,
            years,
            reported,
            partner_reported,
            ratio,
            ..
        } => Some((*years, *reported, *partner_reported, *ratio)),
        _ => None,
    })?;
    let register = source.kind.is_register();
    let rule = source.deregistration_obligation.rule;
    let head = match (lang, register, rule) {
        (Lang::En, true, ObligationRule::NoObligation) => {
            "Emigration is recorded by the register only on de-registration, and there is no obligation to de-register on departure"
        }
        (Lang::En, true, ObligationRule::Weak) => {
            "Emigration is recorded by the register only on de-registration, which is obligatory but weakly enforced"
        }
        (Lang::En, true, ObligationRule::Enforced) => {
            "Emigration is recorded by the register on de-registration"
        }
        (Lang::En, true, _) => "Emigration is recorded by the register only on de-registration",
        (Lang::En, false, _) => "The source records emigration incompletely",
        (Lang::Ru, true, ObligationRule::NoObligation) => {
            "Эмиграция учитывается регистром только при снятии с учёта, а обязанности сняться с учёта при выезде нет"
        }
        (Lang::Ru, true, ObligationRule::Weak) => {
            "Эмиграция учитывается регистром только при снятии с учёта, которое обязательно, но слабо контролируется"
        }
        (Lang::Ru, true, ObligationRule::Enforced) => {
            "Эмиграция учитывается регистром при снятии с учёта"
        }
        (Lang::Ru, true, _) => "Эмиграция учитывается регистром только при снятии с учёта",
        (Lang::Ru, false, _) => "Источник учитывает эмиграцию не полностью",
    };
    let period = years(years_span[0], years_span[1]);
    let name = gazetteer().name(&country.country, lang);
    if ratio > 0.0 && ratio < 1.0 {
        let times = decimal(1.0 / ratio, 1, lang);
        Some(match lang {
            Lang::En => format!(
                "{head}; partner countries report {times} times more arrivals from {name} than it records departures ({period}: {} departures against {} arrivals).",
                count(reported, lang),
                count(partner_reported, lang)
            ),
            Lang::Ru => format!(
                "{head}; страны-партнёры учитывают в {times} раза больше прибытий из страны ({name}), чем {} — выбытий ({period}: {} выбытий против {} прибытий).",
                if register {
                    "регистр"
                } else {
                    "источник"
                },
                count(reported, lang),
                count(partner_reported, lang)
            ),
        })
    } else {
        Some(match lang {
            Lang::En => format!(
                "{head}: emigration is {} of the immigration partner countries report ({period}).",
                decimal(ratio, 2, lang)
            ),
            Lang::Ru => format!(
                "{head}: эмиграция составляет {} иммиграции по данным стран-партнёров ({period}).",
                decimal(ratio, 2, lang)
            ),
        })
    }
}

fn unknown_weakness(refs: &[EvidenceRef], lang: Lang) -> Option<String> {
    let worst = refs
        .iter()
        .filter_map(|r| match r {
            EvidenceRef::UnknownShare {
                table,
                years: span,
                unknown,
                total,
                share,
            } => Some((*table, *span, *unknown, *total, *share)),
            _ => None,
        })
        .max_by(|a, b| a.4.total_cmp(&b.4))?;
    let (table, span, unknown, total, share) = worst;
    let period = years(span[0], span[1]);
    Some(match lang {
        Lang::En => format!(
            "{} of the persons in table {table} ({period}) have {} ({} of {}).",
            percent(share, lang),
            unknown_what(table, lang),
            count(unknown, lang),
            count(total, lang)
        ),
        Lang::Ru => format!(
            "Доля лиц {} в таблице {table} ({period}) — {} ({} из {}).",
            unknown_what(table, lang),
            percent(share, lang),
            count(unknown, lang),
            count(total, lang)
        ),
    })
}

fn consistency_weakness(refs: &[EvidenceRef], lang: Lang) -> Option<String> {
    let mut total = 0;
    let mut parts = Vec::new();
    let mut tables: BTreeSet<TableId> = BTreeSet::new();
    let mut largest: Option<f64> = None;
    for r in refs {
        if let EvidenceRef::Check {
            check,
            findings,
            tables: t,
            max_deviation,
            ..
        } = r
        {
            total += findings;
            let title = crate::checks::entry(*check).title(lang);
            parts.push(match lang {
                Lang::En => format!("{check} “{title}” ×{findings}"),
                Lang::Ru => format!("{check} «{title}» ×{findings}"),
            });
            tables.extend(t.iter().copied());
            if let Some(d) = max_deviation {
                largest = Some(largest.map_or(*d, |m: f64| m.max(*d)));
            }
        }
    }
    if total == 0 {
        return None;
    }
    let codes: Vec<String> = tables.iter().map(|t| t.code().to_string()).collect();
    let list = join_and(&codes, lang);
    let (tables_en, tables_ru) = if codes.len() == 1 {
        ("table", "таблице")
    } else {
        ("tables", "таблицах")
    };
    let per_check = parts.join(", ");
    let mut text = match lang {
        Lang::En if total == 1 => {
            format!("1 consistency check fails in {tables_en} {list}: {per_check}")
        }
        Lang::En => {
            format!("{total} consistency checks fail in {tables_en} {list}: {per_check}")
        }
        Lang::Ru => format!(
            "Не пройдено проверок согласованности в {tables_ru} {list}: {total} ({per_check})"
        ),
    };
    if let Some(d) = largest {
        match lang {
            Lang::En => write!(
                text,
                "; the largest deviation of a total is {}",
                percent(d, lang)
            ),
            Lang::Ru => write!(text, "; наибольшее отклонение итога — {}", percent(d, lang)),
        }
        .ok()?;
    }
    text.push('.');
    Some(text)
}

fn timeliness_weakness(refs: &[EvidenceRef], lang: Lang) -> Option<String> {
    for r in refs {
        if let EvidenceRef::LatestYear {
            year,
            review_date,
            months_after,
        } = r
        {
            return Some(match lang {
                Lang::En => format!(
                    "The latest data available at the review ({review_date}) are for {year}, {months_after} months after the end of that year."
                ),
                Lang::Ru => format!(
                    "Последние данные на дату обзора ({review_date}) — за {year} год, через {months_after} мес. после его окончания."
                ),
            });
        }
    }
    refs.iter().find_map(|r| match r {
        EvidenceRef::ReleaseLag { months } => Some(match lang {
            Lang::En => format!(
                "The data are released {months} months after the end of the reference year."
            ),
            Lang::Ru => {
                format!("Данные публикуются через {months} мес. после окончания отчётного года.")
            }
        }),
        _ => None,
    })
}

fn disaggregation_weakness(refs: &[EvidenceRef], value: Score, lang: Lang) -> Option<String> {
    let (by_sex, by_age, tables) = refs.iter().find_map(|r| match r {
        EvidenceRef::Breakdowns {
            by_sex,
            by_age,
            tables,
            ..
        } => Some((*by_sex, *by_age, tables.clone())),
        _ => None,
    })?;
    let codes: Vec<String> = tables.iter().map(|t| t.code().to_string()).collect();
    let list = join_and(&codes, lang);
    let mut missing = Vec::new();
    if !by_sex {
        missing.push(match lang {
            Lang::En => "sex".to_string(),
            Lang::Ru => "полу".to_string(),
        });
    }
    if !by_age {
        missing.push(match lang {
            Lang::En => "age".to_string(),
            Lang::Ru => "возрасту".to_string(),
        });
    }
    let level = Criterion::Disaggregation.level(value, lang);
    let mut text = match (lang, codes.len()) {
        (Lang::En, 1) => format!("Table {list} gives {level}"),
        (Lang::En, _) => format!("Tables {list} give {level}"),
        (Lang::Ru, 1) => format!("Таблица {list} даёт: {level}"),
        (Lang::Ru, _) => format!("Таблицы {list} дают: {level}"),
    };
    if !missing.is_empty() {
        match lang {
            Lang::En => write!(
                text,
                "; there is no breakdown by {}",
                join_and(&missing, lang)
            ),
            Lang::Ru => write!(text, "; нет разбивки по {}", join_and(&missing, lang)),
        }
        .ok()?;
    }
    text.push('.');
    Some(text)
}

fn definition_weakness(refs: &[EvidenceRef], lang: Lang) -> Option<String> {
    let (months, basis, span) = refs.iter().find_map(|r| match r {
        EvidenceRef::Duration {
            months,
            basis,
            years,
            ..
        } => Some((*months, *basis, *years)),
        _ => None,
    })?;
    // When the rule changed over the years, the weakness is the years of the weaker rule.
    let (when_en, when_ru) = match span {
        Some([first, last]) => (
            format!("In {} m", years(first, last)),
            format!("В {} м", years(first, last)),
        ),
        None => ("M".to_string(), "М".to_string()),
    };
    let were_en = if span.is_some() { "were" } else { "are" };
    let were_ru = if span.is_some() {
        "учитывались"
    } else {
        "учитываются"
    };
    Some(match (months, lang) {
        (None, Lang::En) => "The duration-of-stay rule of the source is not documented.".into(),
        (None, Lang::Ru) => {
            "Критерий продолжительности пребывания источника не документирован.".into()
        }
        (Some(12), Lang::En) => format!(
            "{when_en}igrants {were_en} counted by the 12-month rule applied to the {}, not the actual stay.",
            basis.label(lang).to_lowercase()
        ),
        (Some(12), Lang::Ru) => format!(
            "{when_ru}игранты {were_ru} по 12-месячному критерию, применяемому к показателю «{}», а не к фактическому пребыванию.",
            basis.label(lang).to_lowercase()
        ),
        (Some(m), Lang::En) => format!(
            "{when_en}igrants {were_en} counted {} instead of after the 12 months of usual residence the UN recommends.",
            duration_words(m, lang)
        ),
        (Some(m), Lang::Ru) => format!(
            "{when_ru}игранты {were_ru} {} вместо рекомендованных ООН 12 месяцев обычного проживания.",
            duration_words(m, lang)
        ),
    })
}

fn stability_weakness(refs: &[EvidenceRef], lang: Lang) -> Option<String> {
    let mut jumps = 0;
    let mut jump_years: BTreeSet<u16> = BTreeSet::new();
    for r in refs {
        if let EvidenceRef::Check {
            check: CheckCode::T1,
            findings,
            years: y,
            ..
        } = r
        {
            jumps += findings;
            jump_years.extend(y.iter().copied());
        }
    }
    if jumps == 0 {
        return None;
    }
    let list = jump_years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Some(match lang {
        Lang::En if jumps == 1 => {
            format!("1 year-on-year jump is not flagged as a break in series (year {list}).")
        }
        Lang::En => format!(
            "{jumps} year-on-year jumps are not flagged as breaks in series (years {list})."
        ),
        Lang::Ru => {
            format!("Скачков от года к году, не отмеченных как разрыв ряда: {jumps} (годы {list}).")
        }
    })
}

fn score_cell(line: &CriterionLine) -> String {
    match (line.score, line.basis) {
        (Some(score), Some(ScoreBasis::Suggested)) => format!("{score}*"),
        (Some(score), _) if line.overridden => format!("{score}!"),
        (Some(score), _) => score.to_string(),
        (None, _) => "–".into(),
    }
}

fn mean_text(mean: Option<f64>, provisional: bool, lang: Lang) -> String {
    match mean {
        Some(m) => format!(
            "{}{}",
            decimal(m, 1, lang),
            if provisional { "*" } else { "" }
        ),
        None => "–".into(),
    }
}

/// The scorecard as text, for the command line.
pub fn render(card: &CountryScorecard, lang: Lang) -> String {
    let mut out = String::new();
    let name = gazetteer().name(&card.country, lang);
    let _ = write!(out, "{name} ({})", card.country);
    if card.synthetic {
        out.push_str(super::sample_notice(lang));
    }
    out.push('\n');
    let (overall_word, legend) = match lang {
        Lang::En => (
            "Overall",
            "(* suggested from the data, not yet reviewed; ! overridden by the reviewer)",
        ),
        Lang::Ru => (
            "Итого",
            "(* предложено по данным, ещё не проверено; ! изменено экспертом)",
        ),
    };
    let _ = writeln!(
        out,
        "{overall_word}: {}{}  {legend}",
        mean_text(card.overall, card.provisional, lang),
        card.grade
            .map(|g| format!(" ({})", g.label(lang)))
            .unwrap_or_default()
    );
    let dims: Vec<String> = card
        .dimensions
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                dimension_label(d.dimension, lang),
                mean_text(d.mean, d.provisional, lang)
            )
        })
        .collect();
    let _ = writeln!(out, "  {}", dims.join(" · "));
    for source in &card.sources {
        let _ = writeln!(
            out,
            "\n{}  {} ({})",
            source.source_id,
            source.name,
            source.kind.label(lang)
        );
        let width = Criterion::ALL
            .iter()
            .map(|c| c.title(lang).chars().count())
            .max()
            .unwrap_or(30);
        for line in &source.criteria {
            let title = line.criterion.title(lang);
            let pad = width.saturating_sub(title.chars().count());
            let _ = writeln!(
                out,
                "  {title}{}  {:>3}  {}",
                " ".repeat(pad),
                score_cell(line),
                dimension_label(line.dimension, lang)
            );
        }
        let dims: Vec<String> = source
            .dimensions
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    dimension_label(d.dimension, lang),
                    mean_text(d.mean, d.provisional, lang)
                )
            })
            .collect();
        let _ = writeln!(out, "  {}", dims.join(" · "));
        let _ = writeln!(
            out,
            "  {overall_word}: {}{}",
            mean_text(source.overall, source.provisional, lang),
            source
                .grade
                .map(|g| format!(" ({})", g.label(lang)))
                .unwrap_or_default()
        );
    }
    let heading = match lang {
        Lang::En => "Potential for development",
        Lang::Ru => "Возможности для развития",
    };
    let _ = writeln!(out, "\n{heading}");
    if card.development.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::En => "No criterion scores 1 or less.",
                Lang::Ru => "Нет критериев с оценкой 1 и ниже.",
            }
        );
    }
    for (i, item) in card.development.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. [{} · {} · {}{}] {}",
            i + 1,
            item.source_id,
            item.criterion.title(lang),
            item.score,
            if item.basis == ScoreBasis::Suggested {
                "*"
            } else {
                ""
            },
            item.text(lang)
        );
        let _ = writeln!(out, "     → {}", item.action(lang));
    }
    out
}
