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

/// The sample assessments of five CIS countries, embedded in the binary (written out by
/// `migreview sample` as `assessments.json`).
pub const SAMPLE_JSON: &str = include_str!("../../sample_data/assessments.json");

/// A filled-in, plausible assessment of Azerbaijan, Kazakhstan, Kyrgyzstan, the Russian
/// Federation and Tajikistan, for demonstrations and training. Synthetic: every country is
/// marked `synthetic` and says so in its notes.
pub fn sample_assessment() -> Result<Assessment, AssessError> {
    Assessment::from_json(SAMPLE_JSON)
}

/// The date of the sample review: the data end in 2021, so the review came nine months after.
pub const SAMPLE_REVIEW_DATE: jiff::civil::Date = jiff::civil::date(2022, 9, 30);

/// The years of the sample data.
const YEARS: [u16; 2] = [2012, 2021];

/// The sample assessment computed from the embedded sample data.
pub fn generate() -> Result<Assessment, AssessError> {
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
    build(&outcome.dataset, &report)
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
    let mut assessment = inventory();
    let owned = ReportEvidence::from_report(report);
    let evidence = owned.evidence(dataset, &report.findings);
    assessment.refresh_suggestions(&evidence, &AssessSettings::default());
    for country in &mut assessment.countries {
        for source in &mut country.sources {
            source.accept_all_suggestions();
        }
    }
    for decision in decisions() {
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

fn decisions() -> Vec<Decision> {
    use Criterion::*;
    use Decision::{Manual, Override};
    vec![
        // Russian Federation
        Override {
            source: "RUS-REG",
            criterion: Timeliness,
            score: 3,
            reason: "The latest year against the review date is only an upper bound: Rosstat releases the annual migration tables in May, 5 months after the end of the year.",
        },
        Override {
            source: "RUS-REG",
            criterion: TimeSeriesStability,
            score: 3,
            reason: "The 2014 jump of immigration from Ukraine (T1) is real: people fleeing the conflict in eastern Ukraine, not a change of method. The 2011 change of definition is before the period reviewed.",
        },
        Manual {
            source: "RUS-BOR",
            criterion: EmigrationCapture,
            score: 0,
            evidence: "Exits are crossings, not emigrants: the border data do not say who leaves for 12 months or more.",
        },
        Manual {
            source: "RUS-BOR",
            criterion: Disaggregation,
            score: 1,
            evidence: "Crossings by citizenship and declared purpose of travel only; no sex or age.",
        },
        Manual {
            source: "RUS-BOR",
            criterion: TimeSeriesStability,
            score: 2,
            evidence: "The purposes of travel were regrouped in 2015; the change is explained in the notes.",
        },
        // Kazakhstan
        Manual {
            source: "KAZ-BOR",
            criterion: EmigrationCapture,
            score: 0,
            evidence: "Crossings, not emigrants; exits are not linked to entries.",
        },
        Manual {
            source: "KAZ-BOR",
            criterion: Disaggregation,
            score: 1,
            evidence: "Crossings by citizenship and declared purpose only, on request.",
        },
        // Kyrgyzstan
        Override {
            source: "KGZ-CIT",
            criterion: InternalConsistency,
            score: 1,
            reason: "D3 flags acquisitions of 92 % to 106 % of the non-citizens living in the country on 1 January. The tables do not contradict each other: ethnic Kyrgyz returnees are naturalised within months of arrival and never appear in a 1 January stock. Scored 1, not 0, until the office publishes the acquisitions of recent arrivals separately.",
        },
        Manual {
            source: "KGZ-LFS",
            criterion: EmigrationCapture,
            score: 1,
            evidence: "The survey finds about twice as many household members working abroad as the register records emigrants, but whole households that left are missed.",
        },
        Manual {
            source: "KGZ-LFS",
            criterion: Disaggregation,
            score: 2,
            evidence: "Labour migrants abroad by sex and country of work; age groups only in the annual report.",
        },
        Manual {
            source: "KGZ-LFS",
            criterion: UnknownShare,
            score: 2,
            evidence: "About 4 % of the absent household members have no country of stay recorded.",
        },
        // Tajikistan
        Manual {
            source: "TJK-MIG",
            criterion: EmigrationCapture,
            score: 1,
            evidence: "Migration cards record declared departures for work; returns are recorded less completely, and departures without a declaration are missed.",
        },
        Manual {
            source: "TJK-MIG",
            criterion: Disaggregation,
            score: 1,
            evidence: "Departures by country of destination only; no sex or age is published.",
        },
        // Azerbaijan
        Override {
            source: "AZE-FOR",
            criterion: UnknownShare,
            score: 2,
            reason: "Few citizenships are unknown, but \"Other countries\" holds about 15 % of the foreign citizens in table 2.2 (U2): the citizenship is recorded but not published, so users cannot tell these persons apart.",
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

fn country(code: &str, notes: &str, sources: Vec<DataSource>) -> CountryAssessment {
    CountryAssessment {
        sources,
        synthetic: true,
        notes: format!("SYNTHETIC DEMONSTRATION DATA — not an official assessment. {notes}"),
        review_date: Some(SAMPLE_REVIEW_DATE),
        ..CountryAssessment::new(code)
    }
}

/// The register of foreign citizens with a residence permit (table 2.2), the same in every
/// sample country but for its names.
fn foreigners(code: &str, agency: &str) -> DataSource {
    DataSource {
        population_covered: "Foreign citizens and stateless persons holding a temporary or permanent residence permit".into(),
        groups_covered: GroupCoverage::PermitsOnly,
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(10),
            "Residence permits are issued on application; holders register at their address",
        ),
        deregistration_obligation: obligation(
            ObligationRule::Weak,
            None,
            "A permit ends when it expires or is withdrawn; departures before expiry are often not reported",
        ),
        publication: Publication::TablesWithNotes,
        notes: "Counts permit holders on 1 January; foreigners staying without a permit (visa-free CIS citizens working informally) are not covered.".into(),
        ..source(SourceSpec {
            id: &format!("{code}-FOR"),
            name: "Register of foreign citizens with a residence permit",
            kind: SourceKind::ForeignersRegister,
            agency,
            measures: "Stock of foreign citizens with a residence permit by citizenship",
            tables: &[TableId::T2_2],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(6),
        })
    }
}

/// Decisions on citizenship (tables 7.1 and 7.2).
fn citizenship(code: &str, agency: &str) -> DataSource {
    DataSource {
        population_covered: "Every person granted citizenship in the year, by previous citizenship"
            .into(),
        groups_covered: GroupCoverage::AllResidents,
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::TablesWithNotes,
        ..source(SourceSpec {
            id: &format!("{code}-CIT"),
            name: "Decisions on citizenship",
            kind: SourceKind::Other,
            agency,
            measures: "Acquisitions of citizenship in the year by previous citizenship (decisions, one per person)",
            tables: &CITIZENSHIP_TABLES,
            periodicity: Periodicity::Annual,
            release_lag_months: Some(4),
        })
    }
}

/// The census and the population estimates based on it (tables 1.1, 1.2, 2.1 and the
/// population on 1 January).
fn estimates(code: &str, census_year: u16, agency: &str, publication: Publication) -> DataSource {
    DataSource {
        population_covered: "Usually resident population, including foreigners living in the country for 12 months or more".into(),
        groups_covered: GroupCoverage::AllResidents,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication,
        notes: format!("Between censuses the stocks are carried forward from the {census_year} census with births, deaths and registered migration; country of birth and citizenship come from the census."),
        ..source(SourceSpec {
            id: &format!("{code}-EST"),
            name: &format!("{census_year} population census and current population estimates"),
            kind: SourceKind::PopulationCensus,
            agency,
            measures: "Stocks of the population by country of birth and citizenship on 1 January",
            tables: &STOCK_TABLES,
            periodicity: Periodicity::Annual,
            release_lag_months: Some(6),
        })
    }
}

/// The inventory of the five sample countries, without scores.
fn inventory() -> Assessment {
    let mut assessment = Assessment::new();
    assessment.countries = vec![
        russia(),
        kazakhstan(),
        kyrgyzstan(),
        tajikistan(),
        azerbaijan(),
    ];
    for country in &mut assessment.countries {
        with_institutions(country);
    }
    assessment
}

/// The sample's institutions of a country (synthetic, and said so): the statistical office,
/// which produces every source, the ministry that keeps the registers and the border records,
/// a university research centre and an international organisation's office.
fn with_institutions(country: &mut CountryAssessment) {
    let code = country.country.clone();
    let name = crate::model::gazetteer().name(&code, Lang::En).to_string();
    let name_ru = crate::model::gazetteer().name(&code, Lang::Ru).to_string();
    let synthetic = "SYNTHETIC DEMONSTRATION DATA, not a real institution or contact.";
    let institution = |id: &str, en: String, ru: String, category, summary: &str| Institution {
        id: format!("{code}-{id}"),
        name_en: en,
        name_ru: ru,
        category,
        location: format!("Capital of {name}"),
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
            "Produces the migration, population and citizenship tables from the registers, the census and the administrative records.",
        ),
        institution(
            "MIA",
            format!("Ministry of Internal Affairs of {name}, migration service"),
            format!("Министерство внутренних дел ({name_ru}), миграционная служба"),
            InstitutionCategory::Government,
            "Keeps the registration at the place of residence, the permits of foreigners and the border records.",
        ),
        institution(
            "UNI",
            format!("Migration research centre, national university of {name}"),
            format!("Центр исследований миграции, национальный университет ({name_ru})"),
            InstitutionCategory::Academic,
            "Studies labour migration and uses the registration data in its surveys.",
        ),
        institution(
            "IOM",
            format!("International organisation for migration, office in {name}"),
            format!("Международная организация по миграции, бюро ({name_ru})"),
            InstitutionCategory::International,
            "Supports the exchange of migration data with the partner countries.",
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

fn russia() -> CountryAssessment {
    let register = DataSource {
        population_covered: "Citizens and foreigners registered at a place of residence, and since 2011 at a place of stay for 9 months or more".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(9),
        duration_basis: DurationBasis::Intended,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(7),
            "Foreigners must be notified to the migration authority within 7 working days of arrival; fines for hosts and employers",
        ),
        deregistration_obligation: obligation(
            ObligationRule::Weak,
            None,
            "De-registration on leaving for abroad is required but rarely done; since 2011 persons whose registration at a place of stay expires are counted as emigrants, without a country of destination",
        ),
        publication: Publication::TablesWithNotes,
        notes: "The Metadata sheet of the Clearinghouse workbook states 12 months, the law 9 months of registration at a place of stay (since 2011). A quarter of the emigrants have no country of next residence: expired registrations are counted as departures without a destination.".into(),
        ..source(SourceSpec {
            id: "RUS-REG",
            name: "Registration of migrants at place of residence and place of stay (statistical registration)",
            kind: SourceKind::PopulationRegister,
            agency: "Ministry of Internal Affairs (registration); Rosstat (statistical forms and tables)",
            measures: "Arrivals and departures of persons registering or de-registering at a place of residence, and since 2011 at a place of stay for 9 months or more",
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(5),
        })
    };
    let border = DataSource {
        population_covered: "All foreign citizens crossing the border".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_basis: DurationBasis::Unknown,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::TablesWithNotes,
        notes: "Declared purpose (work, private, tourism) does not give the length of stay.".into(),
        ..source(SourceSpec {
            id: "RUS-BOR",
            name: "Border crossings by purpose of travel",
            kind: SourceKind::BorderStatistics,
            agency: "Border Service",
            measures: "Entries and exits of foreign citizens by citizenship and declared purpose of travel (crossings, not persons)",
            tables: &[],
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(2),
        })
    };
    country(
        "RUS",
        "Migration flows come from the registration of population at a place of residence and, since 2011, at a place of stay for 9 months or more; statistical forms are filled in on registration and de-registration. Emigration is recorded on de-registration and on the expiry of a registration at a place of stay, which is why about a quarter of the emigrants have no known destination (U1). Immigration from Ukraine doubled in 2014 (T1). Potential: record the destination of persons whose registration expires, and publish flows by age.",
        vec![
            register,
            estimates("RUS", 2010, "Rosstat", Publication::MachineReadable),
            foreigners(
                "RUS",
                "Ministry of Internal Affairs (residence permits); Rosstat (tables)",
            ),
            citizenship("RUS", "Ministry of Internal Affairs"),
            border,
        ],
    )
}

fn kazakhstan() -> CountryAssessment {
    let register = DataSource {
        population_covered: "Citizens, and foreigners holding a permanent residence permit, who register at a place of permanent residence".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Enforced,
            Some(10),
            "Registration at the place of permanent residence within 10 days",
        ),
        deregistration_obligation: obligation(
            ObligationRule::Enforced,
            None,
            "Persons leaving for permanent residence abroad de-register to receive their exit documents",
        ),
        publication: Publication::TablesWithNotes,
        notes: "Table 3 gives immigration by five-year age group for the total of all countries.".into(),
        ..source(SourceSpec {
            id: "KAZ-REG",
            name: "Registration of population at place of permanent residence (statistical forms on arrival and departure)",
            kind: SourceKind::PopulationRegister,
            agency: "Ministry of Internal Affairs (registration); Bureau of National Statistics (statistical forms and tables)",
            measures: "Arrivals and departures of persons registering or de-registering at a place of permanent residence, including moves from and to other countries",
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(4),
        })
    };
    let border = DataSource {
        population_covered: "All persons crossing the border".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_basis: DurationBasis::Unknown,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::OnRequest,
        ..source(SourceSpec {
            id: "KAZ-BOR",
            name: "Entries and exits at the state border",
            kind: SourceKind::BorderStatistics,
            agency: "Border Service of the National Security Committee",
            measures: "Crossings of the border by citizenship and declared purpose",
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(2),
        })
    };
    country(
        "KAZ",
        "Flows come from statistical forms filled in on registration and de-registration at a place of permanent residence; emigrants de-register to receive their exit documents, and the partners' figures agree. The population estimates were re-based in 2020 without revising earlier years (D1), and tables 1.1, 1.2 and 2.1 were taken from different extracts (C1, C3). Potential: revise the series after a re-basing, and count registrations at a place of stay of 12 months or more.",
        vec![
            register,
            estimates(
                "KAZ",
                2009,
                "Bureau of National Statistics",
                Publication::TablesWithNotes,
            ),
            foreigners(
                "KAZ",
                "Ministry of Internal Affairs (residence permits); Bureau of National Statistics (tables)",
            ),
            citizenship("KAZ", "Ministry of Internal Affairs"),
            border,
        ],
    )
}

fn kyrgyzstan() -> CountryAssessment {
    let register = DataSource {
        population_covered: "Citizens and foreigners with permanent residence who register".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(
            ObligationRule::Weak,
            Some(30),
            "Registration within a month of arrival; checks are rare",
        ),
        deregistration_obligation: obligation(
            ObligationRule::Weak,
            None,
            "De-registration is required on leaving for permanent residence abroad",
        ),
        publication: Publication::TablesWithNotes,
        ..source(SourceSpec {
            id: "KGZ-REG",
            name: "Registration of population at place of residence (address bureau)",
            kind: SourceKind::PopulationRegister,
            agency: "State Registration Service (registration); National Statistical Committee (statistical forms and tables)",
            measures: "Arrivals and departures of persons registering or de-registering at a place of residence",
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(6),
        })
    };
    let survey = DataSource {
        population_covered: "Members of private households, including those temporarily abroad"
            .into(),
        groups_covered: GroupCoverage::CitizensOnly,
        duration_rule_months: Some(3),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::PdfOnly,
        notes: "Whole households that left the country are missed.".into(),
        ..source(SourceSpec {
            id: "KGZ-LFS",
            name: "Labour Force Survey (labour migration module)",
            kind: SourceKind::HouseholdSurvey,
            agency: "National Statistical Committee",
            measures: "Household members working abroad and returned labour migrants (sample estimates)",
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(9),
        })
    };
    country(
        "KGZ",
        "Flows come from registration at a place of residence. Ethnic Kyrgyz returnees are granted citizenship within months of arrival, so acquisitions are as large as the 1 January stock of non-citizens (D3, P2). Tables 5.1 and 3 disagree for 2014 (C4), and the 2020 population comes from a new population register (flag b). Potential: publish the acquisitions of recent arrivals separately, and use the labour force survey to measure labour emigration.",
        vec![
            register,
            estimates(
                "KGZ",
                2009,
                "National Statistical Committee",
                Publication::TablesWithNotes,
            ),
            foreigners(
                "KGZ",
                "Ministry of Internal Affairs (residence permits); National Statistical Committee (tables)",
            ),
            citizenship("KGZ", "Presidential commission on citizenship"),
            survey,
        ],
    )
}

fn tajikistan() -> CountryAssessment {
    let register = DataSource {
        population_covered: "Citizens registering at a place of permanent residence, and foreigners with permanent residence".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::Weak, Some(10), ""),
        deregistration_obligation: obligation(
            ObligationRule::NoObligation,
            None,
            "Labour migrants keep their registration while working abroad",
        ),
        publication: Publication::PdfOnly,
        ..source(SourceSpec {
            id: "TJK-REG",
            name: "Registration at place of residence (passport and registration service)",
            kind: SourceKind::PopulationRegister,
            agency: "Ministry of Internal Affairs (registration); Agency on Statistics (statistical forms and tables)",
            measures: "Arrivals and departures of persons changing their permanent residence",
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(9),
        })
    };
    let cards = DataSource {
        population_covered: "Citizens leaving to work abroad who declare it".into(),
        groups_covered: GroupCoverage::CitizensOnly,
        duration_basis: DurationBasis::Intended,
        registration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        deregistration_obligation: obligation(ObligationRule::NotApplicable, None, ""),
        publication: Publication::OnRequest,
        notes: "Shows the scale of labour emigration that the register misses; most departures are seasonal.".into(),
        ..source(SourceSpec {
            id: "TJK-MIG",
            name: "Departures and returns of labour migrants (migration cards at border crossings)",
            kind: SourceKind::BorderStatistics,
            agency: "Migration Service",
            measures: "Departures and returns of citizens leaving to work abroad, declared at border crossings (events)",
            tables: &[],
            periodicity: Periodicity::Annual,
            release_lag_months: Some(3),
        })
    };
    country(
        "TJK",
        "Flows come from registration at a place of permanent residence; labour emigrants, mostly to Russia, keep their registration, so the register records about 40 % of the emigration its partners report as immigration from Tajikistan (M2). The Migration Service records declared labour departures at the border. Potential: publish the border data as statistics, compare emigration with the partners' immigration every year, and publish the register's tables in machine-readable form.",
        vec![
            register,
            estimates("TJK", 2010, "Agency on Statistics", Publication::PdfOnly),
            foreigners(
                "TJK",
                "Ministry of Internal Affairs (residence permits); Agency on Statistics (tables)",
            ),
            citizenship("TJK", "Ministry of Internal Affairs"),
            cards,
        ],
    )
}

fn azerbaijan() -> CountryAssessment {
    let register = DataSource {
        population_covered: "Citizens, and foreigners with permanent residence".into(),
        groups_covered: GroupCoverage::ForeignersPartly,
        duration_rule_months: Some(12),
        duration_basis: DurationBasis::Actual,
        registration_obligation: obligation(ObligationRule::Enforced, Some(10), ""),
        deregistration_obligation: obligation(
            ObligationRule::Enforced,
            None,
            "De-registration is required on leaving for permanent residence abroad and checked at the exit",
        ),
        publication: Publication::TablesWithNotes,
        notes: "Until 2015 migrants were counted after 6 months of stay, from 2016 after 12 months (Metadata sheet of the workbook).".into(),
        ..source(SourceSpec {
            id: "AZE-REG",
            name: "Registration at place of residence",
            kind: SourceKind::PopulationRegister,
            agency: "Ministry of Internal Affairs (registration); State Statistical Committee (statistical forms and tables)",
            measures: "Arrivals and departures of persons changing their permanent residence",
            tables: &FLOW_TABLES,
            periodicity: Periodicity::Continuous,
            release_lag_months: Some(4),
        })
    };
    country(
        "AZE",
        "Flows come from registration at a place of permanent residence; the State Migration Service keeps the residence permits of foreigners. Until 2015 migrants were counted after 6 months of stay, from 2016 after 12 months: the flow tables break between 2015 and 2016 (T3). A regularisation campaign in 2018 registered foreigners already living in the country (D2). Potential: publish the flows of 2012–2015 again by the 12-month rule, and the citizenships grouped under \"Other countries\".",
        vec![
            register,
            estimates(
                "AZE",
                2009,
                "State Statistical Committee",
                Publication::TablesWithNotes,
            ),
            foreigners(
                "AZE",
                "State Migration Service (residence permits); State Statistical Committee (tables)",
            ),
            citizenship("AZE", "State Migration Service"),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decision_names_a_source_of_the_inventory() {
        let inventory = inventory();
        for decision in decisions() {
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
