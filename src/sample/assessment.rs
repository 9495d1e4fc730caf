//! The sample assessment (`sample_data/assessments.json`), made by code: the inventory of the
//! five sample countries' data sources, the suggestions computed by [`suggest()`] from the
//! embedded sample data (2012–2021) and its planted problems, and a reviewer's decisions on them
//! (most suggestions accepted, a few overridden with a reason, criteria the data cannot speak
//! to scored by hand with evidence). `cargo run --example generate_assessments` writes the file;
//! a test checks that the committed file is what this code produces. The file is embedded as
//! [`SAMPLE_JSON`] and read by [`sample_assessment`].
//!
//! SYNTHETIC DEMONSTRATION DATA: the inventories are plausible for registration-based CIS
//! systems (`docs/domain.md#data-sources`), not official descriptions.
//!
//! [`suggest()`]: crate::assess::suggest()

use crate::assess::choices::{
    DurationBasis, GroupCoverage, Obligation, ObligationRule, Periodicity, Publication, SourceKind,
};
use crate::assess::evidence::ReportEvidence;
use crate::assess::institutions::{Institution, InstitutionCategory};
use crate::assess::model::{AssessError, Assessment, CountryAssessment, DataSource, TableFeed};
use crate::assess::rubric::{Criterion, Score};
use crate::assess::settings::AssessSettings;
use crate::model::{Dataset, Lang, TableId};
use crate::report::Report;
use crate::t;

/// The sample assessments of five CIS countries, embedded in the binary (written out by
/// `migreview sample` as `assessments.json`).
pub const SAMPLE_JSON: &str = include_str!("../../sample_data/assessments.json");

/// A filled-in, plausible assessment of Azerbaijan, Kazakhstan, Kyrgyzstan, the Russian
/// Federation and Tajikistan, for demonstrations and training. Synthetic: every country is
/// marked `synthetic` and says so in its notes.
pub fn sample_assessment() -> Result<Assessment, AssessError> {
    Assessment::from_json(SAMPLE_JSON)
}

/// The sample assessment with the reviewer's texts in Russian, embedded in the binary (written
/// out by `migreview sample` as `assessments_ru.json`).
pub const SAMPLE_JSON_RU: &str = include_str!("../../sample_data/assessments_ru.json");

/// [`sample_assessment`] with the reviewer's texts (inventory, decisions, institutions) in
/// `lang`; the suggestions carry both languages in either.
pub fn sample_assessment_in(lang: Lang) -> Result<Assessment, AssessError> {
    Assessment::from_json(match lang {
        Lang::En => SAMPLE_JSON,
        Lang::Ru => SAMPLE_JSON_RU,
    })
}

/// The texts a reviewer writes in an assessment, in the order of the assessment: the
/// country's notes, each source's descriptions, obligations, notes and decisions, each
/// institution's location and summary.
fn texts_mut(assessment: &mut Assessment) -> Vec<&mut String> {
    let mut texts = Vec::new();
    for country in &mut assessment.countries {
        texts.push(&mut country.notes);
        for source in &mut country.sources {
            texts.push(&mut source.name);
            texts.push(&mut source.agency);
            texts.push(&mut source.measures);
            texts.push(&mut source.population_covered);
            texts.push(&mut source.registration_obligation.note);
            texts.push(&mut source.deregistration_obligation.note);
            texts.push(&mut source.notes);
            for score in &mut source.scores {
                texts.push(&mut score.reason);
                texts.push(&mut score.evidence);
            }
        }
        for institution in &mut country.institutions {
            texts.push(&mut institution.location);
            texts.push(&mut institution.summary);
        }
    }
    texts
}

/// The sample's texts in the other language, each with its text in `lang`.
fn translations(lang: Lang) -> &'static std::collections::HashMap<String, String> {
    type Maps = [std::collections::HashMap<String, String>; 2];
    static MAPS: std::sync::OnceLock<Maps> = std::sync::OnceLock::new();
    let maps = MAPS.get_or_init(|| {
        let read = |lang| sample_assessment_in(lang).unwrap_or_else(|_| Assessment::new());
        let (mut en, mut ru) = (read(Lang::En), read(Lang::Ru));
        let mut to_en = std::collections::HashMap::new();
        let mut to_ru = std::collections::HashMap::new();
        for (en, ru) in texts_mut(&mut en).into_iter().zip(texts_mut(&mut ru)) {
            if !en.is_empty() && en != ru {
                to_ru.insert(en.clone(), ru.clone());
                to_en.insert(ru.clone(), en.clone());
            }
        }
        [to_en, to_ru]
    });
    match lang {
        Lang::En => &maps[0],
        Lang::Ru => &maps[1],
    }
}

/// Puts the sample's own texts of `assessment` into `lang`: a text that is the sample's in the
/// other language becomes the sample's text in `lang`; a text the reviewer wrote stays as it
/// is. Returns whether a text changed.
pub fn localise(assessment: &mut Assessment, lang: Lang) -> bool {
    let translations = translations(lang);
    let mut changed = false;
    for text in texts_mut(assessment) {
        if let Some(translated) = translations.get(text.as_str()) {
            text.clone_from(translated);
            changed = true;
        }
    }
    changed
}

/// The date of the sample review: the data end in 2021, so the review came nine months after.
pub const SAMPLE_REVIEW_DATE: jiff::civil::Date = jiff::civil::date(2022, 9, 30);

/// The years of the sample data.
const YEARS: [u16; 2] = [2012, 2021];

/// The sample assessment computed from the embedded sample data, in English.
pub fn generate() -> Result<Assessment, AssessError> {
    generate_in(Lang::En)
}

/// The sample assessment computed from the embedded sample data, the reviewer's texts in
/// `lang` (`assets/i18n/*/sample_assessment.ftl`).
pub fn generate_in(lang: Lang) -> Result<Assessment, AssessError> {
    let outcome = super::load(false);
    if let Some(error) = outcome.errors().next() {
        return Err(AssessError::Io {
            path: "sample data".into(),
            message: format!("cannot read the sample data: {error}"),
        });
    }
    if outcome.dataset.is_empty() {
        return Err(AssessError::Io {
            path: "sample data".into(),
            message: "this build contains no sample data".into(),
        });
    }
    let report = Report::build(
        Vec::new(),
        &outcome.dataset,
        &crate::settings::Settings::default(),
    );
    build_in(&outcome.dataset, &report, lang)
}

/// Whether the inputs of a run are the sample data: there is at least one, and each is one of
/// the embedded sample files (main or clean variant), by its SHA-256.
pub fn is_sample_data<'a>(input_hashes: impl IntoIterator<Item = &'a str>) -> bool {
    let sample: Vec<String> = super::files()
        .into_iter()
        .chain(super::clean_files())
        .map(|(_, bytes)| crate::load::sha256_hex(bytes))
        .collect();
    let mut any = false;
    for hash in input_hashes {
        if !sample.iter().any(|s| s == hash) {
            return false;
        }
        any = true;
    }
    any
}

/// The text of `sample_data/assessments.json`: the assessment as JSON with a final line end.
pub fn file_text(assessment: &Assessment) -> String {
    let mut text = assessment.to_json();
    text.push('\n');
    text
}

/// The sample assessment on these data: the inventory, the suggestions from the data and the
/// report, and the reviewer's decisions.
pub fn build(dataset: &Dataset, report: &Report) -> Result<Assessment, AssessError> {
    build_in(dataset, report, Lang::En)
}

/// [`build`] with the reviewer's texts in `lang`.
pub fn build_in(dataset: &Dataset, report: &Report, lang: Lang) -> Result<Assessment, AssessError> {
    let mut assessment = inventory(lang);
    let owned = ReportEvidence::from_report(report);
    let evidence = owned.evidence(dataset, &report.findings);
    assessment.refresh_suggestions(&evidence, &AssessSettings::default());
    for country in &mut assessment.countries {
        for source in &mut country.sources {
            source.accept_all_suggestions();
        }
    }
    for decision in decisions(lang) {
        decision.apply(&mut assessment)?;
    }
    assessment.normalise();
    Ok(assessment)
}

/// What the reviewer decided where the suggestion was not taken as it is.
enum Decision {
    /// The reviewer scores differently from the suggestion, and says why.
    Override {
        source: &'static str,
        criterion: Criterion,
        score: u8,
        reason: &'static str,
    },
    /// The data cannot speak to the criterion: the reviewer scores it from what is known.
    Manual {
        source: &'static str,
        criterion: Criterion,
        score: u8,
        evidence: &'static str,
    },
}

impl Decision {
    fn apply(&self, assessment: &mut Assessment) -> Result<(), AssessError> {
        let (id, criterion, value) = match self {
            Decision::Override {
                source,
                criterion,
                score,
                ..
            }
            | Decision::Manual {
                source,
                criterion,
                score,
                ..
            } => (*source, *criterion, *score),
        };
        let country_code = id.get(..3).unwrap_or(id);
        let country = assessment
            .country_mut(country_code)
            .ok_or_else(|| AssessError::NoSuchCountry(country_code.to_string()))?;
        let source = country
            .source_mut(id)
            .ok_or_else(|| AssessError::NoSuchSource {
                country: country_code.to_string(),
                id: id.to_string(),
            })?;
        let score = Score::new(value).ok_or_else(|| {
            AssessError::Json(format!(
                "{id} {criterion}: expected a score 0–3, found {value}"
            ))
        })?;
        let fail = |e: crate::assess::model::ScoreError| AssessError::Json(format!("{id}: {e}"));
        match self {
            Decision::Override { reason, .. } => {
                let suggested = source
                    .score(criterion)
                    .and_then(|s| s.suggested.as_ref())
                    .map(|s| s.score);
                // An override that agrees with the data's suggestion is a mistake in this list.
                if suggested.is_none_or(|s| s == score) {
                    return Err(AssessError::Json(format!(
                        "{id} {criterion}: the override {score} does not differ from the suggestion {suggested:?}"
                    )));
                }
                source.set_final(criterion, score, reason).map_err(fail)
            }
            Decision::Manual { evidence, .. } => {
                source.set_final(criterion, score, "").map_err(fail)?;
                source.set_evidence(criterion, evidence);
                Ok(())
            }
        }
    }
}

fn decisions(lang: Lang) -> Vec<Decision> {
    use Criterion::*;
    use Decision::{Manual, Override};
    vec![
        // Russian Federation
        Override {
            source: "RUS-REG",
            criterion: Timeliness,
            score: 3,
            reason: t!(lang, "sa-decisions-1"),
        },
        Override {
            source: "RUS-REG",
            criterion: TimeSeriesStability,
            score: 3,
            reason: t!(lang, "sa-decisions-2"),
        },
        Manual {
            source: "RUS-BOR",
            criterion: EmigrationCapture,
            score: 0,
            evidence: t!(lang, "sa-decisions-3"),
        },
        Manual {
            source: "RUS-BOR",
            criterion: Disaggregation,
            score: 1,
            evidence: t!(lang, "sa-decisions-4"),
        },
        Manual {
            source: "RUS-BOR",
            criterion: TimeSeriesStability,
            score: 2,
            evidence: t!(lang, "sa-decisions-5"),
        },
        // Kazakhstan
        Manual {
            source: "KAZ-BOR",
            criterion: EmigrationCapture,
            score: 0,
            evidence: t!(lang, "sa-decisions-6"),
        },
        Manual {
            source: "KAZ-BOR",
            criterion: Disaggregation,
            score: 1,
            evidence: t!(lang, "sa-decisions-7"),
        },
        // Kyrgyzstan
        Override {
            source: "KGZ-CIT",
            criterion: InternalConsistency,
            score: 1,
            reason: t!(lang, "sa-decisions-8"),
        },
        Manual {
            source: "KGZ-LFS",
            criterion: EmigrationCapture,
            score: 1,
            evidence: t!(lang, "sa-decisions-9"),
        },
        Manual {
            source: "KGZ-LFS",
            criterion: Disaggregation,
            score: 2,
            evidence: t!(lang, "sa-decisions-10"),
        },
        Manual {
            source: "KGZ-LFS",
            criterion: UnknownShare,
            score: 2,
            evidence: t!(lang, "sa-decisions-11"),
        },
        // Tajikistan
        Manual {
            source: "TJK-MIG",
            criterion: EmigrationCapture,
            score: 1,
            evidence: t!(lang, "sa-decisions-12"),
        },
        Manual {
            source: "TJK-MIG",
            criterion: Disaggregation,
            score: 1,
            evidence: t!(lang, "sa-decisions-13"),
        },
        // Azerbaijan
        Override {
            source: "AZE-FOR",
            criterion: UnknownShare,
            score: 2,
            reason: t!(lang, "sa-decisions-14"),
        },
    ]
}

/// What the sample says of one of its sources.
struct SourceSpec<'a> {
    id: &'a str,
    name: &'a str,
    kind: SourceKind,
    agency: &'a str,
    measures: &'a str,
    tables: &'a [TableId],
    periodicity: Periodicity,
    release_lag_months: Option<u16>,
}

/// A source of a sample country.
fn source(spec: SourceSpec<'_>) -> DataSource {
    let SourceSpec {
        id,
        name,
        kind,
        agency,
        measures,
        tables,
        periodicity,
        release_lag_months,
    } = spec;
    DataSource {
        agency: agency.to_string(),
        measures: measures.to_string(),
        feeds: tables
            .iter()
            .map(|t| TableFeed::new(*t, Some(YEARS)))
            .collect(),
        periodicity,
        release_lag_months,
        ..DataSource::new(id, name, kind)
    }
}

fn obligation(rule: ObligationRule, days: Option<u16>, note: &str) -> Obligation {
    Obligation {
        rule,
        time_limit_days: days,
        note: note.to_string(),
    }
}

const FLOW_TABLES: [TableId; 6] = [
    TableId::T3,
    TableId::T4,
    TableId::T5_1,
    TableId::T5_2,
    TableId::T6_1,
    TableId::T6_2,
];
const STOCK_TABLES: [TableId; 4] = [TableId::T1_1, TableId::T1_2, TableId::T2_1, TableId::Pop];
const CITIZENSHIP_TABLES: [TableId; 2] = [TableId::T7_1, TableId::T7_2];

fn country(code: &str, notes: &str, sources: Vec<DataSource>, lang: Lang) -> CountryAssessment {
    CountryAssessment {
        sources,
        synthetic: true,
        notes: t!(lang, "sa-country-notes", notes = notes),
        review_date: Some(SAMPLE_REVIEW_DATE),
        ..CountryAssessment::new(code)
    }
}

/// The register of foreign citizens with a residence permit (table 2.2), the same in every
/// sample country but for its names.
fn foreigners(code: &str, agency: &str, lang: Lang) -> DataSource {
    DataSource {
        population_covered: t!(lang, "sa-foreigners-1").into(),
        groups_covered: GroupCoverage::PermitsOnly,
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(10),
            t!(lang, "sa-foreigners-2"),
        ),
        deregistration_obligation: obligation(
            ObligationRule::Weak,
            None,
            t!(lang, "sa-foreigners-3"),
        ),
        publication: Publication::TablesWithNotes,
        notes: t!(lang, "sa-foreigners-4").into(),
        ..source(SourceSpec {
            id: &format!("{code}-FOR"),
            name: t!(lang, "sa-foreigners-5"),
            kind: SourceKind::ForeignersRegister,
            agency,
            measures: t!(lang, "sa-foreigners-6"),
            tables: &[TableId::T2_2],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(6),
        })
    }
}

/// Decisions on citizenship (tables 7.1 and 7.2).
fn citizenship(code: &str, agency: &str, lang: Lang) -> DataSource {
    DataSource {
        population_covered: t!(lang, "sa-citizenship-1").into(),
        groups_covered: GroupCoverage::AllResidents,
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::TablesWithNotes,
        ..source(SourceSpec {
            id: &format!("{code}-CIT"),
            name: t!(lang, "sa-citizenship-2"),
            kind: SourceKind::Other,
            agency,
            measures: t!(lang, "sa-citizenship-3"),
            tables: &CITIZENSHIP_TABLES,
            periodicity: Periodicity::Annual,
            release_lag_months: Some(4),
        })
    }
}

/// The census and the population estimates based on it (tables 1.1, 1.2, 2.1 and the
/// population on 1 January).
fn estimates(
    code: &str,
    census_year: u16,
    agency: &str,
    publication: Publication,
    lang: Lang,
) -> DataSource {
    DataSource {
        population_covered: t!(lang, "sa-estimates-1").into(),
        groups_covered: GroupCoverage::AllResidents,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication,
        notes: t!(lang, "sa-estimates-notes", year = census_year.to_string()),
        ..source(SourceSpec {
            id: &format!("{code}-EST"),
            name: &t!(lang, "sa-estimates-name", year = census_year.to_string()),
            kind: SourceKind::PopulationCensus,
            agency,
            measures: t!(lang, "sa-estimates-2"),
            tables: &STOCK_TABLES,
            periodicity: Periodicity::Annual,
            release_lag_months: Some(6),
        })
    }
}

/// The inventory of the five sample countries, without scores.
fn inventory(lang: Lang) -> Assessment {
    let mut assessment = Assessment::new();
    assessment.countries = vec![
        russia(lang),
        kazakhstan(lang),
        kyrgyzstan(lang),
        tajikistan(lang),
        azerbaijan(lang),
    ];
    for country in &mut assessment.countries {
        with_institutions(country, lang);
    }
    assessment
}

/// The sample's institutions of a country (synthetic, and said so): the statistical office,
/// which produces every source, the ministry that keeps the registers and the border records,
/// a university research centre and an international organisation's office.
fn with_institutions(country: &mut CountryAssessment, lang: Lang) {
    let code = country.country.clone();
    let name = crate::model::gazetteer().name(&code, Lang::En).to_string();
    let name_ru = crate::model::gazetteer().name(&code, Lang::Ru).to_string();
    let synthetic = t!(lang, "sa-with-institutions-1");
    let institution = |id: &str, en: String, ru: String, category, summary: &str| Institution {
        id: format!("{code}-{id}"),
        name_en: en,
        name_ru: ru,
        category,
        location: t!(
            lang,
            "sa-institution-location",
            name = crate::model::gazetteer().name(&code, lang)
        ),
        website: format!("https://{}.example.org", id.to_lowercase()),
        contact: format!("migration@{}.example.org", id.to_lowercase()),
        summary: format!("{synthetic} {summary}"),
    };
    country.institutions = vec![
        institution(
            "NSO",
            format!("National statistical office of {name}"),
            format!("Национальная статистическая служба ({name_ru})"),
            InstitutionCategory::Government,
            t!(lang, "sa-with-institutions-2"),
        ),
        institution(
            "MIA",
            format!("Ministry of Internal Affairs of {name}, migration service"),
            format!("Министерство внутренних дел ({name_ru}), миграционная служба"),
            InstitutionCategory::Government,
            t!(lang, "sa-with-institutions-3"),
        ),
        institution(
            "UNI",
            format!("Migration research centre, national university of {name}"),
            format!("Центр исследований миграции, национальный университет ({name_ru})"),
            InstitutionCategory::Academic,
            t!(lang, "sa-with-institutions-4"),
        ),
        institution(
            "IOM",
            format!("International organisation for migration, office in {name}"),
            format!("Международная организация по миграции, бюро ({name_ru})"),
            InstitutionCategory::International,
            t!(lang, "sa-with-institutions-5"),
        ),
    ];
    for source in &mut country.sources {
        source.producer = Some(format!("{code}-NSO"));
        source.holders = match source.kind {
            SourceKind::PopulationRegister
            | SourceKind::ForeignersRegister
            | SourceKind::BorderStatistics => vec![format!("{code}-MIA"), format!("{code}-UNI")],
            _ => vec![format!("{code}-UNI")],
        };
    }
}

fn russia(lang: Lang) -> CountryAssessment {
    let register = DataSource {
        population_covered: t!(lang, "sa-russia-1").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(9),
        duration_basis: DurationBasis::Intended,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(7),
            t!(lang, "sa-russia-2"),
        ),
        deregistration_obligation: obligation(ObligationRule::Weak, None, t!(lang, "sa-russia-3")),
        publication: Publication::TablesWithNotes,
        notes: t!(lang, "sa-russia-4").into(),
        ..source(SourceSpec {
            id: "RUS-REG",
            name: t!(lang, "sa-russia-5"),
            kind: SourceKind::PopulationRegister,
            agency: t!(lang, "sa-russia-6"),
            measures: t!(lang, "sa-russia-7"),
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(5),
        })
    };
    let border = DataSource {
        population_covered: t!(lang, "sa-russia-8").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_basis: DurationBasis::Unknown,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::TablesWithNotes,
        notes: t!(lang, "sa-russia-9").into(),
        ..source(SourceSpec {
            id: "RUS-BOR",
            name: t!(lang, "sa-russia-10"),
            kind: SourceKind::BorderStatistics,
            agency: t!(lang, "sa-russia-11"),
            measures: t!(lang, "sa-russia-12"),
            tables: &[],
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(2),
        })
    };
    country(
        "RUS",
        t!(lang, "sa-russia-13"),
        vec![
            register,
            estimates(
                "RUS",
                2010,
                t!(lang, "sa-rosstat"),
                Publication::MachineReadable,
                lang,
            ),
            foreigners("RUS", t!(lang, "sa-russia-14"), lang),
            citizenship("RUS", t!(lang, "sa-russia-15"), lang),
            border,
        ],
        lang,
    )
}

fn kazakhstan(lang: Lang) -> CountryAssessment {
    let register = DataSource {
        population_covered: t!(lang, "sa-kazakhstan-1").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(10),
            t!(lang, "sa-kazakhstan-2"),
        ),
        deregistration_obligation: obligation(
            ObligationRule::Enforced,
            None,
            t!(lang, "sa-kazakhstan-3"),
        ),
        publication: Publication::TablesWithNotes,
        notes: t!(lang, "sa-kazakhstan-4").into(),
        ..source(SourceSpec {
            id: "KAZ-REG",
            name: t!(lang, "sa-kazakhstan-5"),
            kind: SourceKind::PopulationRegister,
            agency: t!(lang, "sa-kazakhstan-6"),
            measures: t!(lang, "sa-kazakhstan-7"),
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(4),
        })
    };
    let border = DataSource {
        population_covered: t!(lang, "sa-kazakhstan-8").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_basis: DurationBasis::Unknown,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::OnRequest,
        ..source(SourceSpec {
            id: "KAZ-BOR",
            name: t!(lang, "sa-kazakhstan-9"),
            kind: SourceKind::BorderStatistics,
            agency: t!(lang, "sa-kazakhstan-10"),
            measures: t!(lang, "sa-kazakhstan-11"),
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(2),
        })
    };
    country(
        "KAZ",
        t!(lang, "sa-kazakhstan-12"),
        vec![
            register,
            estimates(
                "KAZ",
                2009,
                t!(lang, "sa-kazakhstan-13"),
                Publication::TablesWithNotes,
                lang,
            ),
            foreigners("KAZ", t!(lang, "sa-kazakhstan-14"), lang),
            citizenship("KAZ", t!(lang, "sa-russia-15"), lang),
            border,
        ],
        lang,
    )
}

fn kyrgyzstan(lang: Lang) -> CountryAssessment {
    let register = DataSource {
        population_covered: t!(lang, "sa-kyrgyzstan-1").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Weak,
            Some(30),
            t!(lang, "sa-kyrgyzstan-2"),
        ),
        deregistration_obligation: obligation(
            ObligationRule::Weak,
            None,
            t!(lang, "sa-kyrgyzstan-3"),
        ),
        publication: Publication::TablesWithNotes,
        ..source(SourceSpec {
            id: "KGZ-REG",
            name: t!(lang, "sa-kyrgyzstan-4"),
            kind: SourceKind::PopulationRegister,
            agency: t!(lang, "sa-kyrgyzstan-5"),
            measures: t!(lang, "sa-kyrgyzstan-6"),
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(6),
        })
    };
    let survey = DataSource {
        population_covered: t!(lang, "sa-kyrgyzstan-7").into(),
        groups_covered: GroupCoverage::CitizensOnly,
        duration_rule_months: Some(3),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::PdfOnly,
        notes: t!(lang, "sa-kyrgyzstan-8").into(),
        ..source(SourceSpec {
            id: "KGZ-LFS",
            name: t!(lang, "sa-kyrgyzstan-9"),
            kind: SourceKind::HouseholdSurvey,
            agency: t!(lang, "sa-kyrgyzstan-10"),
            measures: t!(lang, "sa-kyrgyzstan-11"),
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(9),
        })
    };
    country(
        "KGZ",
        t!(lang, "sa-kyrgyzstan-12"),
        vec![
            register,
            estimates(
                "KGZ",
                2009,
                t!(lang, "sa-kyrgyzstan-10"),
                Publication::TablesWithNotes,
                lang,
            ),
            foreigners("KGZ", t!(lang, "sa-kyrgyzstan-14"), lang),
            citizenship("KGZ", t!(lang, "sa-kyrgyzstan-15"), lang),
            survey,
        ],
        lang,
    )
}

fn tajikistan(lang: Lang) -> CountryAssessment {
    let register = DataSource {
        population_covered: t!(lang, "sa-tajikistan-1").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::Weak, Some(10), ""),
        deregistration_obligation: obligation(
            ObligationRule::NoObligation,
            None,
            t!(lang, "sa-tajikistan-2"),
        ),
        publication: Publication::PdfOnly,
        ..source(SourceSpec {
            id: "TJK-REG",
            name: t!(lang, "sa-tajikistan-3"),
            kind: SourceKind::PopulationRegister,
            agency: t!(lang, "sa-tajikistan-4"),
            measures: t!(lang, "sa-tajikistan-5"),
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(9),
        })
    };
    let cards = DataSource {
        population_covered: t!(lang, "sa-tajikistan-6").into(),
        groups_covered: GroupCoverage::CitizensOnly,
        duration_basis: DurationBasis::Intended,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::OnRequest,
        notes: t!(lang, "sa-tajikistan-7").into(),
        ..source(SourceSpec {
            id: "TJK-MIG",
            name: t!(lang, "sa-tajikistan-8"),
            kind: SourceKind::BorderStatistics,
            agency: t!(lang, "sa-tajikistan-9"),
            measures: t!(lang, "sa-tajikistan-10"),
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(3),
        })
    };
    country(
        "TJK",
        t!(lang, "sa-tajikistan-11"),
        vec![
            register,
            estimates(
                "TJK",
                2010,
                t!(lang, "sa-tajikistan-12"),
                Publication::PdfOnly,
                lang,
            ),
            foreigners("TJK", t!(lang, "sa-tajikistan-13"), lang),
            citizenship("TJK", t!(lang, "sa-russia-15"), lang),
            cards,
        ],
        lang,
    )
}

fn azerbaijan(lang: Lang) -> CountryAssessment {
    let register = DataSource {
        population_covered: t!(lang, "sa-azerbaijan-1").into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::Enforced, Some(10), ""),
        deregistration_obligation: obligation(
            ObligationRule::Enforced,
            None,
            t!(lang, "sa-azerbaijan-2"),
        ),
        publication: Publication::TablesWithNotes,
        notes: t!(lang, "sa-azerbaijan-3").into(),
        ..source(SourceSpec {
            id: "AZE-REG",
            name: t!(lang, "sa-azerbaijan-4"),
            kind: SourceKind::PopulationRegister,
            agency: t!(lang, "sa-azerbaijan-5"),
            measures: t!(lang, "sa-tajikistan-5"),
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(4),
        })
    };
    country(
        "AZE",
        t!(lang, "sa-azerbaijan-7"),
        vec![
            register,
            estimates(
                "AZE",
                2009,
                t!(lang, "sa-azerbaijan-8"),
                Publication::TablesWithNotes,
                lang,
            ),
            foreigners("AZE", t!(lang, "sa-azerbaijan-9"), lang),
            citizenship("AZE", t!(lang, "sa-azerbaijan-10"), lang),
        ],
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decision_names_a_source_of_the_inventory() {
        let inventory = inventory(Lang::En);
        for decision in decisions(Lang::En) {
            let (Decision::Override { source, .. } | Decision::Manual { source, .. }) = decision;
            let country = &source[..3];
            assert!(
                inventory
                    .country(country)
                    .and_then(|c| c.source(source))
                    .is_some(),
                "{source}"
            );
        }
    }
}
