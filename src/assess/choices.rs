//! The enumerations of the source inventory: each value has a stable code (used in JSON), an
//! English and a Russian label (used in the questionnaire and the window), and is read back from
//! any of the three.

use crate::model::Lang;
use crate::model::category::normalise_label;
use serde::{Deserialize, Serialize};

/// A value picked from a fixed list.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order lists show them.
    const ALL: &'static [Self];

    /// The stable code written to JSON (`population_register`).
    fn code(self) -> &'static str;

    /// The label people read.
    fn label(self, lang: Lang) -> &'static str;

    /// Reads a code or a label in either language (case, spaces and punctuation ignored).
    fn parse(text: &str) -> Option<Self> {
        let key = normalise_label(text);
        if key.is_empty() {
            return None;
        }
        Self::ALL.iter().copied().find(|value| {
            normalise_label(value.code()) == key
                || normalise_label(value.label(Lang::En)) == key
                || normalise_label(value.label(Lang::Ru)) == key
        })
    }

    /// The labels of every value, for a pick list.
    fn labels(lang: Lang) -> Vec<&'static str> {
        Self::ALL.iter().map(|value| value.label(lang)).collect()
    }
}

macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident, default $default:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $id:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];

            fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// The label, from the catalogue (`assess.ftl`).
            fn label(self, lang: Lang) -> &'static str {
                match self {
                    $($name::$variant => crate::i18n::text(lang, $id),)*
                }
            }
        }
    };
}

choice! {
    /// The kind of a data source (`docs/domain.md#data-sources`).
    SourceKind, default Other {
        PopulationCensus = "population_census", "source-kind-population-census";
        /// Registration at the place of residence, the main flow source of CIS countries.
        PopulationRegister = "population_register", "source-kind-population-register";
        ForeignersRegister = "foreigners_register", "source-kind-foreigners-register";
        BorderStatistics = "border_statistics", "source-kind-border-statistics";
        HouseholdSurvey = "household_survey", "source-kind-household-survey";
        AsylumRecords = "asylum_records", "source-kind-asylum-records";
        ConsularRegister = "consular_register", "source-kind-consular-register";
        Other = "other", "source-kind-other";
    }
}

choice! {
    /// What kind of body an institution is.
    InstitutionCategory, default Government {
        Government = "government", "institution-government";
        NonProfit = "non_profit", "institution-non-profit";
        Academic = "academic", "institution-academic";
        International = "international", "institution-international";
        Other = "other", "institution-other";
    }
}

impl SourceKind {
    /// Whether the source records people on registration and de-registration, so that its
    /// emigration depends on people de-registering.
    pub fn is_register(self) -> bool {
        matches!(
            self,
            SourceKind::PopulationRegister | SourceKind::ForeignersRegister
        )
    }

    /// A short tag for generated source ids (`REG`, `CEN`).
    pub fn id_tag(self) -> &'static str {
        match self {
            SourceKind::PopulationCensus => "CEN",
            SourceKind::PopulationRegister => "REG",
            SourceKind::ForeignersRegister => "FOR",
            SourceKind::BorderStatistics => "BOR",
            SourceKind::HouseholdSurvey => "SUR",
            SourceKind::AsylumRecords => "ASY",
            SourceKind::ConsularRegister => "CON",
            SourceKind::Other => "OTH",
        }
    }
}

choice! {
    /// How often the source produces migration data.
    Periodicity, default Unknown {
        /// Recorded continuously and published at least once a year (registers).
        Continuous = "continuous", "periodicity-continuous";
        Annual = "annual", "periodicity-annual";
        Biennial = "biennial", "periodicity-biennial";
        /// Ad hoc surveys or one-off tabulations.
        Irregular = "irregular", "periodicity-irregular";
        CensusOnly = "census_only", "periodicity-census-only";
        NotProduced = "not_produced", "periodicity-not-produced";
        Unknown = "unknown", "periodicity-unknown";
    }
}

choice! {
    /// Which population groups the source covers (rubric: coverage of groups).
    GroupCoverage, default Unknown {
        AllResidents = "all_residents", "group-coverage-all-residents";
        ForeignersPartly = "foreigners_partly", "group-coverage-foreigners-partly";
        CitizensOnly = "citizens_only", "group-coverage-citizens-only";
        PermitsOnly = "permits_only", "group-coverage-permits-only";
        Unknown = "unknown", "group-coverage-unknown";
    }
}

choice! {
    /// Whether the duration rule applies to the actual or the intended stay.
    DurationBasis, default Unknown {
        Actual = "actual", "duration-basis-actual";
        Intended = "intended", "duration-basis-intended";
        Unknown = "unknown", "duration-basis-unknown";
    }
}

choice! {
    /// Whether people must register (on arrival) or de-register (on departure).
    ObligationRule, default Unknown {
        /// Obligatory, with sanctions or checks that make people comply.
        Enforced = "enforced", "obligation-enforced";
        Weak = "weak", "obligation-weak";
        NoObligation = "none", "obligation-none";
        NotApplicable = "not_applicable", "obligation-not-applicable";
        Unknown = "unknown", "obligation-unknown";
    }
}

choice! {
    /// The answer to a yes-or-no question of the inventory.
    Answer, default Unknown {
        Yes = "yes", "answer-yes";
        No = "no", "answer-no";
        Unknown = "unknown", "answer-unknown";
    }
}

choice! {
    /// How the source's migration data are published (rubric: accessibility).
    Publication, default Unknown {
        MachineReadable = "machine_readable", "publication-machine-readable";
        TablesWithNotes = "tables_with_notes", "publication-tables-with-notes";
        PdfOnly = "pdf_only", "publication-pdf-only";
        OnRequest = "on_request", "publication-on-request";
        NotPublished = "not_published", "publication-not-published";
        Unknown = "unknown", "publication-unknown";
    }
}

/// A registration or de-registration rule: the obligation, its time limit, and details.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Obligation {
    pub rule: ObligationRule,
    /// Days allowed to register (or de-register), when the law sets a limit.
    pub time_limit_days: Option<u16>,
    /// Who it applies to, sanctions, incentives, exceptions.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_from_codes_and_labels_in_both_languages() {
        assert_eq!(
            SourceKind::parse("population_register"),
            Some(SourceKind::PopulationRegister)
        );
        assert_eq!(
            SourceKind::parse("Population census"),
            Some(SourceKind::PopulationCensus)
        );
        assert_eq!(
            SourceKind::parse("перепись населения"),
            Some(SourceKind::PopulationCensus)
        );
        assert_eq!(Periodicity::parse("Ежегодно"), Some(Periodicity::Annual));
        assert_eq!(
            ObligationRule::parse("none"),
            Some(ObligationRule::NoObligation)
        );
        assert_eq!(SourceKind::parse("tax records"), None);
        assert_eq!(SourceKind::parse(""), None);
    }

    #[test]
    fn labels_are_unique_within_each_list() {
        fn unique<T: Choice>() {
            for lang in [Lang::En, Lang::Ru] {
                let labels = T::labels(lang);
                for label in &labels {
                    // A label the catalogue lacks would show as its identifier, in lower case.
                    assert!(label.starts_with(char::is_uppercase), "{label}");
                }
                for (i, a) in labels.iter().enumerate() {
                    for b in &labels[i + 1..] {
                        assert_ne!(normalise_label(a), normalise_label(b));
                    }
                }
            }
        }
        unique::<SourceKind>();
        unique::<Periodicity>();
        unique::<GroupCoverage>();
        unique::<DurationBasis>();
        unique::<ObligationRule>();
        unique::<Publication>();
    }
}
