//! The source-assessment rubric (`docs/domain.md#source-assessment-rubric`): ten criteria scored
//! 0–3, each mapped to an ESS quality dimension, with the meaning of every level and what a country
//! can do about a low score, in English and Russian. Every text of the rubric lives here.

use super::choices::Choice;
use crate::checks::Dimension;
use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A score on the rubric's 0–3 scale (3 best).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MAX: u8 = 3;

    /// A score, if `value` is 0–3.
    pub fn new(value: u8) -> Option<Score> {
        (value <= Score::MAX).then_some(Score(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Every score, best last.
    pub fn all() -> [Score; 4] {
        [Score(0), Score(1), Score(2), Score(3)]
    }
}

/// A number that is not a score of the rubric.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a score 0–{}, found {found}", Score::MAX)]
pub struct ScoreOutOfRange {
    pub found: u8,
}

impl TryFrom<u8> for Score {
    type Error = ScoreOutOfRange;

    fn try_from(value: u8) -> Result<Score, ScoreOutOfRange> {
        Score::new(value).ok_or(ScoreOutOfRange { found: value })
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A criterion of the rubric.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Definition,
    EmigrationCapture,
    Coverage,
    InternalConsistency,
    Disaggregation,
    UnknownShare,
    Timeliness,
    Periodicity,
    Accessibility,
    TimeSeriesStability,
}

/// The texts of one criterion.
struct CriterionText {
    code: &'static str,
    dimension: Dimension,
    title: [&'static str; 2],
    question: [&'static str; 2],
    /// Level 0, 1, 2, 3.
    levels: [[&'static str; 2]; 4],
    /// What a country can do when the score is low.
    action: [&'static str; 2],
}

const RUBRIC: [CriterionText; 10] = [
    CriterionText {
        code: "definition",
        dimension: Dimension::Comparability,
        title: ["Definition of a migrant", "Определение мигранта"],
        question: [
            "After which duration of stay is a person counted as a migrant, and is it the actual or the intended stay?",
            "После какой продолжительности пребывания человек учитывается как мигрант и учитывается ли фактическое или предполагаемое пребывание?",
        ],
        levels: [
            [
                "\"permanent\" residence, or the rule is unknown",
                "«постоянное» место жительства или правило неизвестно",
            ],
            [
                "3 months, or no time limit",
                "3 месяца или без ограничения срока",
            ],
            [
                "6 to under 12 months, or the intended duration only",
                "от 6 до 12 месяцев или только предполагаемая продолжительность",
            ],
            [
                "12 months of usual residence (UN recommendation)",
                "12 месяцев обычного проживания (рекомендация ООН)",
            ],
        ],
        action: [
            "Count as migrants the persons who change their usual residence for at least 12 months (UN Recommendations, 1998) and publish the rule with the data.",
            "Учитывать как мигрантов лиц, сменивших место обычного проживания не менее чем на 12 месяцев (Рекомендации ООН 1998 г.), и публиковать это правило вместе с данными.",
        ],
    },
    CriterionText {
        code: "emigration_capture",
        dimension: Dimension::Accuracy,
        title: ["Emigration capture", "Полнота учёта эмиграции"],
        question: [
            "How completely does the source record departures? Compare its emigration with the immigration its partner countries report.",
            "Насколько полно источник учитывает выбытия? Сравните эмиграцию с иммиграцией, которую учитывают страны-партнёры.",
        ],
        levels: [
            [
                "emigration below 0.4 of partners' immigration, or not produced",
                "эмиграция ниже 0,4 иммиграции по данным партнёров или не учитывается",
            ],
            [
                "emigration 0.4–0.7 of partners' immigration",
                "эмиграция 0,4–0,7 иммиграции по данным партнёров",
            ],
            [
                "obligation to de-register, weakly enforced; 0.7–0.9 of partners' immigration",
                "обязанность сняться с учёта, слабо контролируется; 0,7–0,9 иммиграции по данным партнёров",
            ],
            [
                "de-registration obligatory and enforced; at least 0.9 of partners' immigration",
                "снятие с учёта обязательно и контролируется; не менее 0,9 иммиграции по данным партнёров",
            ],
        ],
        action: [
            "Record departures from every event available (de-registration, expiry of a temporary registration, removal of persons found absent) and exchange data with the main partner countries to measure the undercount.",
            "Учитывать выбытия по всем доступным событиям (снятие с учёта, истечение срока временной регистрации, исключение отсутствующих) и обмениваться данными с основными странами-партнёрами, чтобы оценить недоучёт.",
        ],
    },
    CriterionText {
        code: "coverage",
        dimension: Dimension::Relevance,
        title: ["Coverage of population groups", "Охват групп населения"],
        question: [
            "Which groups does the source cover: citizens, foreigners of every status, stateless persons, asylum seekers?",
            "Какие группы охватывает источник: граждан, иностранцев любого статуса, лиц без гражданства, лиц, ищущих убежища?",
        ],
        levels: [
            ["coverage unknown", "охват неизвестен"],
            [
                "citizens only, or permit holders only",
                "только граждане или только владельцы разрешений",
            ],
            ["foreigners covered in part", "иностранцы охвачены частично"],
            [
                "all residents, including foreigners and asylum seekers",
                "все жители, включая иностранцев и лиц, ищущих убежища",
            ],
        ],
        action: [
            "Extend the source to all residents (foreigners of every status, stateless persons, asylum seekers) or combine it with the register of foreigners.",
            "Распространить источник на всех жителей (иностранцев любого статуса, лиц без гражданства, лиц, ищущих убежища) или объединить его с учётом иностранцев.",
        ],
    },
    CriterionText {
        code: "internal_consistency",
        dimension: Dimension::Coherence,
        title: ["Internal consistency", "Внутренняя согласованность"],
        question: [
            "Do the tables fed by the source add up: sexes, ages, partners and status categories to their totals, and related tables to each other?",
            "Сходятся ли таблицы источника: пол, возраст, страны-партнёры и категории статуса с итогами, связанные таблицы между собой?",
        ],
        levels: [
            [
                "the tables contradict each other",
                "таблицы противоречат друг другу",
            ],
            ["deviations larger than 1 %", "отклонения больше 1 %"],
            ["deviations of at most 1 %", "отклонения не более 1 %"],
            ["every identity holds", "все тождества выполняются"],
        ],
        action: [
            "Run the sum and cross-table checks before release and correct the tables so that every total agrees with its parts.",
            "Проводить проверку сумм и межтабличных соотношений до публикации и исправлять таблицы так, чтобы итоги совпадали с суммой частей.",
        ],
    },
    CriterionText {
        code: "disaggregation",
        dimension: Dimension::Relevance,
        title: ["Disaggregation", "Детализация"],
        question: [
            "Which breakdowns does the source give: sex, age group, partner country (or status)?",
            "Какие разрезы даёт источник: пол, возрастная группа, страна-партнёр (или статус)?",
        ],
        levels: [
            ["totals only", "только итоги"],
            ["totals by partner country", "итоги по странам-партнёрам"],
            ["sex × partner country", "пол × страна-партнёр"],
            [
                "sex × age × partner country",
                "пол × возраст × страна-партнёр",
            ],
        ],
        action: [
            "Publish the flows and stocks by sex, five-year age group and partner country (previous or next residence, citizenship, birth).",
            "Публиковать потоки и численность по полу, пятилетним возрастным группам и странам-партнёрам (предыдущего или последующего проживания, гражданства, рождения).",
        ],
    },
    CriterionText {
        code: "unknown_share",
        dimension: Dimension::Accuracy,
        title: ["Share of unknown categories", "Доля неизвестных категорий"],
        question: [
            "Which share of the persons has an unknown partner country or status?",
            "Какая доля лиц имеет неизвестную страну-партнёра или статус?",
        ],
        levels: [
            ["more than 20 %", "более 20 %"],
            ["5–20 %", "5–20 %"],
            ["2–5 %", "2–5 %"],
            ["less than 2 %", "менее 2 %"],
        ],
        action: [
            "Make the country of previous or next residence and the citizenship required fields of the statistical form and follow up the missing answers.",
            "Сделать страну предыдущего или последующего проживания и гражданство обязательными полями статистической формы и выяснять пропущенные ответы.",
        ],
    },
    CriterionText {
        code: "timeliness",
        dimension: Dimension::Timeliness,
        title: ["Timeliness", "Своевременность"],
        question: [
            "How many months after the end of the reference year are the data released?",
            "Через сколько месяцев после окончания отчётного года публикуются данные?",
        ],
        levels: [
            [
                "more than 24 months after the end of the year",
                "более 24 месяцев после окончания года",
            ],
            ["within 24 months", "в течение 24 месяцев"],
            ["within 12 months", "в течение 12 месяцев"],
            [
                "within 6 months after the end of the year",
                "в течение 6 месяцев после окончания года",
            ],
        ],
        action: [
            "Release the annual migration tables within six months of the end of the reference year, following a published release calendar.",
            "Публиковать годовые таблицы по миграции в течение шести месяцев после окончания отчётного года по объявленному календарю.",
        ],
    },
    CriterionText {
        code: "periodicity",
        dimension: Dimension::Timeliness,
        title: ["Periodicity", "Периодичность"],
        question: [
            "How often does the source produce migration data?",
            "Как часто источник даёт данные о миграции?",
        ],
        levels: [
            ["not produced", "не производятся"],
            [
                "with the census only, or irregularly",
                "только при переписи или нерегулярно",
            ],
            ["every two years", "раз в два года"],
            ["every year (or more often)", "ежегодно (или чаще)"],
        ],
        action: [
            "Produce the migration tables every year.",
            "Составлять таблицы по миграции ежегодно.",
        ],
    },
    CriterionText {
        code: "accessibility",
        dimension: Dimension::Accessibility,
        title: ["Accessibility", "Доступность"],
        question: [
            "How are the data published: machine-readable with metadata, tables with notes, PDF, on request?",
            "Как публикуются данные: машиночитаемые с метаданными, таблицы с примечаниями, PDF, по запросу?",
        ],
        levels: [
            [
                "on request only, or not published",
                "только по запросу или не публикуются",
            ],
            ["PDF only", "только PDF"],
            ["tables with notes", "таблицы с примечаниями"],
            [
                "machine-readable data with metadata",
                "машиночитаемые данные с метаданными",
            ],
        ],
        action: [
            "Publish the tables in a machine-readable form (CSV, PX-Web) with definitions and footnotes.",
            "Публиковать таблицы в машиночитаемом виде (CSV, PX-Web) с определениями и примечаниями.",
        ],
    },
    CriterionText {
        code: "time_series_stability",
        dimension: Dimension::Comparability,
        title: ["Time-series stability", "Сопоставимость временных рядов"],
        question: [
            "Can the series be compared over time: are changes of method or source flagged and explained?",
            "Сопоставимы ли ряды во времени: отмечены и объяснены ли изменения методики или источника?",
        ],
        levels: [
            [
                "no comparable series: methods change repeatedly without explanation",
                "сопоставимых рядов нет: методика многократно меняется без объяснений",
            ],
            ["breaks that are not flagged", "разрывы рядов не отмечены"],
            [
                "breaks flagged and explained",
                "разрывы рядов отмечены и объяснены",
            ],
            ["no unexplained breaks", "необъяснённых разрывов нет"],
        ],
        action: [
            "Flag every change of method or source as a break in series (flag b), explain it in the metadata and, where possible, publish recalculated series.",
            "Отмечать каждое изменение методики или источника как разрыв ряда (признак b), объяснять его в метаданных и по возможности публиковать пересчитанные ряды.",
        ],
    },
];

fn pick(texts: &[&'static str; 2], lang: Lang) -> &'static str {
    match lang {
        Lang::En => texts[0],
        Lang::Ru => texts[1],
    }
}

impl Criterion {
    /// Every criterion, in the rubric's order.
    pub const ALL: [Criterion; 10] = [
        Criterion::Definition,
        Criterion::EmigrationCapture,
        Criterion::Coverage,
        Criterion::InternalConsistency,
        Criterion::Disaggregation,
        Criterion::UnknownShare,
        Criterion::Timeliness,
        Criterion::Periodicity,
        Criterion::Accessibility,
        Criterion::TimeSeriesStability,
    ];

    fn text(self) -> &'static CriterionText {
        &RUBRIC[self as usize]
    }

    /// The ESS quality dimension the criterion reports under.
    pub fn dimension(self) -> Dimension {
        self.text().dimension
    }

    pub fn title(self, lang: Lang) -> &'static str {
        pick(&self.text().title, lang)
    }

    /// What the reviewer asks about the source.
    pub fn question(self, lang: Lang) -> &'static str {
        pick(&self.text().question, lang)
    }

    /// What a score means for this criterion.
    pub fn level(self, score: Score, lang: Lang) -> &'static str {
        pick(&self.text().levels[score.get() as usize], lang)
    }

    /// What a country can do about a low score.
    pub fn action(self, lang: Lang) -> &'static str {
        pick(&self.text().action, lang)
    }
}

impl Choice for Criterion {
    const ALL: &'static [Self] = &Criterion::ALL;

    fn code(self) -> &'static str {
        self.text().code
    }

    fn label(self, lang: Lang) -> &'static str {
        self.title(lang)
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The ESS dimension's name as people read it.
pub fn dimension_label(dimension: Dimension, lang: Lang) -> &'static str {
    match (dimension, lang) {
        (Dimension::Relevance, Lang::En) => "Relevance",
        (Dimension::Relevance, Lang::Ru) => "Актуальность",
        (Dimension::Accuracy, Lang::En) => "Accuracy and reliability",
        (Dimension::Accuracy, Lang::Ru) => "Точность и надёжность",
        (Dimension::Timeliness, Lang::En) => "Timeliness and punctuality",
        (Dimension::Timeliness, Lang::Ru) => "Своевременность и пунктуальность",
        (Dimension::Accessibility, Lang::En) => "Accessibility and clarity",
        (Dimension::Accessibility, Lang::Ru) => "Доступность и ясность",
        (Dimension::Comparability, Lang::En) => "Comparability",
        (Dimension::Comparability, Lang::Ru) => "Сопоставимость",
        (Dimension::Coherence, Lang::En) => "Coherence",
        (Dimension::Coherence, Lang::Ru) => "Согласованность",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rubric_is_in_criterion_order_and_complete() {
        for (i, criterion) in Criterion::ALL.iter().enumerate() {
            assert_eq!(*criterion as usize, i);
            let json = serde_json::to_string(criterion).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", criterion.code()));
            for lang in [Lang::En, Lang::Ru] {
                assert!(!criterion.title(lang).is_empty());
                assert!(!criterion.question(lang).is_empty());
                assert!(!criterion.action(lang).is_empty());
                for score in Score::all() {
                    assert!(!criterion.level(score, lang).is_empty());
                }
            }
        }
    }

    #[test]
    fn scores_outside_0_to_3_are_refused() {
        assert_eq!(Score::new(3).map(Score::get), Some(3));
        assert_eq!(Score::new(7), None);
        let bad: Result<Score, _> = serde_json::from_str("7");
        let message = bad.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("expected a score 0–3, found 7"),
            "{message}"
        );
        assert_eq!(
            Criterion::parse("Полнота учёта эмиграции"),
            Some(Criterion::EmigrationCapture)
        );
        assert_eq!(
            Criterion::parse("unknown share"),
            Some(Criterion::UnknownShare)
        );
    }
}
