//! The scorecard: per source and per ESS dimension, weighted means of the scores (the final
//! score, else the suggestion, marked as such), an overall grade, and the weakest points as
//! "potential for development" items in plain words built from the evidence.

use super::choices::{Choice, ObligationRule};
use super::evidence::Direction;
use super::model::{CountryAssessment, CriterionScore, DataSource, EvidenceRef, ScoreBasis};
use super::rubric::{Criterion, Score, dimension_label};
use super::settings::AssessSettings;
use super::suggest::{duration_words, unknown_what};
use super::text::{decimal, join_and, percent, years};
use crate::checks::{CheckCode, Dimension};
use crate::model::{Lang, TableId, gazetteer};
use crate::t;
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
        match self {
            Grade::Good => t!(lang, "grade-good"),
            Grade::Adequate => t!(lang, "grade-adequate"),
            Grade::Weak => t!(lang, "grade-weak"),
            Grade::Poor => t!(lang, "grade-poor"),
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
    let head = match (register, rule) {
        (true, ObligationRule::NoObligation) => t!(lang, "weakness-emigration-no-obligation"),
        (true, ObligationRule::Weak) => t!(lang, "weakness-emigration-weak-obligation"),
        (true, ObligationRule::Enforced) => t!(lang, "weakness-emigration-enforced"),
        (true, _) => t!(lang, "weakness-emigration-register"),
        (false, _) => t!(lang, "weakness-emigration-incomplete"),
    };
    let period = years(years_span[0], years_span[1]);
    let name = gazetteer().name(&country.country, lang);
    if ratio > 0.0 && ratio < 1.0 {
        let times = decimal(1.0 / ratio, 1, lang);
        Some(if register {
            t!(
                lang,
                "weakness-emigration-times-register",
                head = head,
                times = times,
                name = name,
                period = period,
                reported = reported,
                partner_reported = partner_reported,
            )
        } else {
            t!(
                lang,
                "weakness-emigration-times-source",
                head = head,
                times = times,
                name = name,
                period = period,
                reported = reported,
                partner_reported = partner_reported,
            )
        })
    } else {
        Some(t!(
            lang,
            "weakness-emigration-share",
            head = head,
            ratio = decimal(ratio, 2, lang),
            period = period,
        ))
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
    Some(t!(
        lang,
        "weakness-unknown-share",
        share = percent(share, lang),
        table = table.to_string(),
        period = period,
        what = unknown_what(table, lang),
        unknown = unknown,
        total = total,
    ))
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
            parts.push(t!(
                lang,
                "weakness-consistency-check",
                check = check.as_str(),
                title = title,
                findings = findings.to_string(),
            ));
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
    let mut text = t!(
        lang,
        "weakness-consistency",
        total = total,
        tables = codes.len(),
        list = list,
        checks = parts.join(", "),
    );
    if let Some(d) = largest {
        text.push_str(&t!(
            lang,
            "weakness-consistency-largest",
            deviation = percent(d, lang)
        ));
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
            return Some(t!(
                lang,
                "weakness-timeliness-latest",
                review_date = review_date.to_string(),
                year = year.to_string(),
                months = *months_after,
            ));
        }
    }
    refs.iter().find_map(|r| match r {
        EvidenceRef::ReleaseLag { months } => {
            Some(t!(lang, "weakness-timeliness-lag", months = *months))
        }
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
        missing.push(t!(lang, "weakness-breakdown-sex").to_string());
    }
    if !by_age {
        missing.push(t!(lang, "weakness-breakdown-age").to_string());
    }
    let level = Criterion::Disaggregation.level(value, lang);
    let mut text = t!(
        lang,
        "weakness-disaggregation",
        tables = codes.len(),
        list = list,
        level = level,
    );
    if !missing.is_empty() {
        let by = join_and(&missing, lang);
        text.push_str(&t!(lang, "weakness-disaggregation-missing", by = by));
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
    let period = span.map(|[first, last]| years(first, last));
    Some(match (months, period) {
        (None, _) => t!(lang, "weakness-definition-undocumented").to_string(),
        (Some(12), None) => t!(
            lang,
            "weakness-definition-basis",
            basis = basis.label(lang).to_lowercase(),
        ),
        (Some(12), Some(period)) => t!(
            lang,
            "weakness-definition-basis-years",
            period = period,
            basis = basis.label(lang).to_lowercase(),
        ),
        (Some(m), None) => t!(
            lang,
            "weakness-definition-duration",
            duration = duration_words(m, lang),
        ),
        (Some(m), Some(period)) => t!(
            lang,
            "weakness-definition-duration-years",
            period = period,
            duration = duration_words(m, lang),
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
    Some(t!(lang, "weakness-stability", jumps = jumps, list = list))
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
    let (overall_word, legend) = (t!(lang, "scorecard-overall"), t!(lang, "scorecard-legend"));
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
    let heading = t!(lang, "scorecard-development");
    let _ = writeln!(out, "\n{heading}");
    if card.development.is_empty() {
        let _ = writeln!(out, "  {}", t!(lang, "scorecard-no-development"));
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
