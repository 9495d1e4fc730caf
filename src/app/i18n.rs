//! Every text of the window, in English and Russian, from the catalogue (`crate::i18n`), keyed
//! by [`Tr`]. Texts with values use `{ $p0 }`, `{ $p1 }`… filled by [`trf`]. Finding messages, check titles, table titles and
//! country names come from the library (`Finding::message`, the catalogue, `TableId::title`, the
//! gazetteer).

use crate::checks::{Dimension, Severity};
use crate::i18n;
use crate::load::Layout;
use crate::model::category::status;
use crate::model::{CategoryKind, Lang, Missing, Sex, TableId, category_kind, gazetteer};
use crate::review::TriageStatus;

macro_rules! texts {
    ($($key:ident,)*) => {
        /// A text of the window: its name is the identifier of the message in
        /// `assets/i18n/{en,ru}/app.ftl`.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Tr { $($key),* }

        impl Tr {
            /// Every text, for the tests that check both languages are complete.
            pub const ALL: &'static [Tr] = &[$(Tr::$key),*];

            /// The identifier of the message in the catalogue.
            pub fn id(self) -> &'static str {
                match self {
                    $(Tr::$key => stringify!($key),)*
                }
            }

            /// The text in a language (a text without values).
            pub fn text(self, lang: Lang) -> &'static str {
                i18n::text(lang, self.id())
            }
        }
    };
}

texts! {
    // Panels, menus and the shell.
    PanelOverview,
    PanelData,
    PanelFindings,

    // Sources panel and import dialog.
    PanelSources,
    PanelWorkshop,
    WorkshopLessons,
    WorkshopNoLessons,
    WorkshopWholeSample,
    WorkshopWholeSampleHint,
    WorkshopOpenLesson,
    WorkshopOpenHint,
    WorkshopResetLesson,
    WorkshopResetHint,
    WorkshopExportHandouts,
    WorkshopExportHint,
    WorkshopHandoutsWritten,
    WorkshopWhy,
    WorkshopScript,
    WorkshopShow,
    WorkshopAsk,
    WorkshopExplain,
    WorkshopShowAnswers,
    WorkshopPlanted,
    WorkshopPlantHint,
    WorkshopUndoPlant,
    WorkshopUndoPlantHint,
    PlantedInSample,
    QuizTitle,
    QuizHint,
    QuizStart,
    QuizMarked,
    QuizReveal,
    QuizRevealHint,
    QuizEnd,
    QuizScore,
    QuizFamily,
    QuizFound,
    QuizMissed,
    QuizStepHint,
    QuizFindingsHidden,
    QuizPanelHidden,
    PresenterView,
    PresenterNotes,
    PresenterNoLesson,
    PresenterKeys,
    PresenterFoldPanel,
    PresenterUnfoldPanel,
    PresenterShowFilters,
    PlantMenu,
    PlantSet,
    PlantNewValue,
    PlantTimesTen,
    PlantSwapSexes,
    PlantDuplicateRow,
    PlantDeleteYear,
    PlantText,
    PlantShiftYear,
    PlantNewFindings,
    PlantNothingNew,
    SourcesCountry,
    SourcesNoCountry,
    SourcesSyntheticAssessment,
    SourcesTabInventory,
    SourcesTabRubric,
    SourcesTabScorecard,
    SourcesNoneListed,
    SourcesExportQuestionnaire,
    SourcesExportHint,
    SourcesImportQuestionnaire,
    SourcesImportHint,
    SourcesListHeading,
    SourcesNewKind,
    SourcesAdd,
    SourcesRemove,
    SourcesRemoveConfirm,
    SourcesRemoveYes,
    SourcesRemoveNo,
    SourcesOverall,
    SourcesOverallColumn,
    SourcesCriterionRow,
    SourcesRowOverridden,
    SourcesLevel,
    SourcesMarkSuggested,
    SourcesMarkFinal,
    SourcesNoSuggestion,
    SourcesCited,
    SourcesCheckButton,
    SourcesOpenFinding,
    SourcesFinalAccepted,
    SourcesFinalOverridden,
    SourcesNoDecision,
    SourcesAccept,
    SourcesClearDecision,
    SourcesOverrideHeading,
    SourcesOverrideScore,
    SourcesOverride,
    SourcesReasonNeeded,
    SourcesProvisionalNote,
    SourcesDevelopmentHeading,
    SourcesNoDevelopment,
    SourcesBadNumber,
    SourcesQuestionnaireWritten,
    SourcesQuestionnaireImported,
    ImportSettingsButton,
    ImportTitle,
    ImportIntro,
    ImportReading,
    ImportReadsAs,
    ImportGuessed,
    ImportLayout,
    ImportDetect,
    ImportDetected,
    ImportHeaderRow,
    ImportRowN,
    ImportTable,
    ImportReporter,
    ImportReporterHint,
    ImportUnknownCountry,
    ImportRolesHeading,
    ImportRoleOf,
    ImportChooseHeader,
    ImportApply,
    ImportClose,
    ImportFirstRows,
    ImportRoleTable,
    ImportRoleReporter,
    ImportRoleYear,
    ImportRoleSex,
    ImportRoleAge,
    ImportRoleCategory,
    ImportRoleValue,
    ImportRoleFlag,
    ImportRoleSource,
    ImportRoleDuration,
    ImportRoleOriginFile,
    ImportRoleOriginSheet,
    ImportRoleOriginCell,
    ImportRoleIgnore,
    MenuFile,
    MenuView,
    OpenFiles,
    OpenSample,
    RecentFiles,
    NoRecentFiles,
    ClearRecent,
    ExportCsv,
    ExportJson,
    ExportXlsx,
    Quit,
    LanguageLabel,
    ThemeLabel,
    ThemeLight,
    ThemeDark,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    OpenDialogTitle,
    MigrationDataFilter,
    ExportDialogTitle,
    SyntheticBanner,
    SampleData,
    NoSampleInBuild,
    NothingOpen,
    HowToOpen,
    DropToOpen,
    LoadingWhat,
    PreparingView,
    ChecksRunning,
    ChecksRunningData,
    FindingsFollow,
    MirrorFollows,
    SuggestionsFollow,
    Cancel,
    LoadCancelled,
    LoadCrashed,
    NothingReadKeptOpen,
    NoFileChosen,
    ErrorWord,
    WarningWord,
    InfoWord,
    Dismiss,
    DismissAll,
    ExportedTo,
    AndMore,

    // Overview.
    DataSetHeading,
    FilesHeading,
    ObservationsLabel,
    ReportersLabel,
    TablesLabel,
    YearsLabel,
    LayoutLabel,
    EncodingLabel,
    DelimiterWord,
    DelimiterTab,
    SkippedRowsLabel,
    SkippedRowsN,
    SheetsN,
    RowsReadN,
    HiddenSheet,
    LoaderDecisions,
    NotesInFile,
    UnplacedHeading,
    LabelColumn,
    RoleColumn,
    CountColumn,
    FirstSeenColumn,
    SuggestionsColumn,
    PlaceAsColumn,
    LabelsIntro,
    LabelsSampleNote,
    LabelsNotACountry,
    LabelsNotACountryHint,
    LabelsKeptNotACountry,
    LabelsOther,
    LabelsLeave,
    LabelsTogether,
    LabelsAlsoIn,
    LabelsTypeSomething,
    LabelsTypeHint,
    LabelsExpected,
    LabelsApply,
    LabelsApplyHint,
    LabelsNothingChosen,
    LabelsChosenN,
    LabelsClear,
    LabelsNotAPlace,
    LabelsInFileHeading,
    LabelsInFileIntro,
    SubnationalHeading,
    SubnationalIntro,
    RegionOfColumn,
    RegionCountryUnknown,
    ReviewHeading,
    ReviewSavedTo,
    ReviewNowhere,
    ReviewNew,
    ReviewRestored,
    ReviewDataChanged,
    ReviewUnreadable,
    StaleDecisions,
    DecisionsMade,
    ScorecardHeading,
    FindingsTotal,
    OpenFindings,
    BySeverity,
    ByDimension,
    ByTable,
    ByCountry,
    ByCheck,
    NoTable,
    NoCountry,
    NoChecksRan,
    NoFindings,
    AllChecksPassed,

    // Data.
    NoData,
    NoObservationsForSelection,
    TableLabel,
    TableWord,
    ReporterLabel,
    SexLabel,
    AgeLabel,
    AgeUnknown,
    CategoryColumn,
    CategoryLabel,
    FlagIs,
    ClickToOpenFinding,

    // Findings.
    All,
    CheckLabel,
    CountryLabel,
    YearLabel,
    StatusLabel,
    SearchLabel,
    SearchHint,
    ClearFilters,
    ShowingOf,
    ExportMatrixValues,
    ScorecardZero,
    ScorecardNotScored,
    CountryUnderReview,
    AllCountries,
    CountryUnderReviewHint,
    TriageUndone,
    NothingToUndo,
    MarkedCount,
    SelectAllShown,
    ClearSelection,
    ApplyCommentToAll,
    StatusesNow,
    TriageKeys,
    FilteredNote,
    SeverityLabel,
    NothingMatches,
    SelectAFinding,
    LevelN,
    NotEvaluable,
    WhereLabel,
    ExpectedLabel,
    ActualLabel,
    WhatItTests,
    WhyItMatters,
    WhatToLookAt,
    ShowInData,
    NotInData,
    CommentLabel,
    CommentHint,
    LastChanged,

    // Vocabulary.
    SeverityError,
    SeverityWarning,
    SeverityInfo,
    StatusOpen,
    StatusConfirmed,
    StatusExplained,
    StatusFalseAlarm,
    SexTotal,
    SexMale,
    SexFemale,
    SexUnknown,
    SexShortTotal,
    SexShortMale,
    SexShortFemale,
    SexShortUnknown,
    CategoryOther,
    MissingEmpty,
    MissingNotAvailable,
    MissingNotApplicable,
    MissingConfidential,
    MissingUnreadable,
    CategoryTotal,
    CategoryNative,
    CategoryForeignBorn,
    CategoryCitizens,
    CategoryNonCitizens,
    CategoryForeign,
    CategoryStateless,
    CategoryUnknown,
    RoleReporter,
    RoleCategory,
    RoleTable,
    RoleSex,
    RoleStatus,
    LayoutLongCsv,
    LayoutLongSheet,
    LayoutClearinghouse,
    LayoutEurostatBulk,
    LayoutSdmxCsv,
    LayoutEurostatBrowser,

    // Coverage and mirror panels.
    PanelCoverage,
    PanelMirror,
    CoverageRowsLabel,
    ReportersOfATable,
    TablesOfAReporter,
    CoverageHint,
    CoverageSelectACell,
    CellCounts,
    NoRowsThisYear,
    RowsReportedN,
    RowsMissingN,
    RowsAbsentN,
    OpenInData,
    MirrorCoverageHeading,
    MirrorCoverageNote,
    NoMirrorCoverage,
    PairYearsColumn,
    BothSidesColumn,
    ImmigrationOnlyColumn,
    EmigrationOnlyColumn,
    NeitherSideColumn,
    AllYearsChoice,
    ExportPng,
    ExportSvg,
    ExportChartHint,
    ExportChartPng,
    ExportChartSvg,
    ExportChartDialogTitle,
    NoChartHere,
    ChartExportedTo,
    ExportLabels,
    ExportLabelsHint,
    ExportLabelsNone,
    ExportLabelsLargest,
    ExportLabelsAll,
    MirrorScatterTab,
    MirrorMatrixTab,
    MirrorCountriesTab,
    MirrorSeriesTab,
    NoMirrorPairs,
    NoMirrorPairsWhy,
    CountriesBothSexes,
    DurationCorrection,
    DurationCorrectionHint,
    ScatterCount,
    NoTwoSidedPairs,
    MatrixNote,
    MatrixOfCountry,
    ReportHeading,
    ReportTextsHint,
    ReportReviewer,
    ReportOrganisation,
    ReportSummary,
    ReportRecommendations,
    ReportExport,
    ReportDialogTitle,
    ReportFormatLabel,
    ReportFormatDocx,
    ReportFormatHtml,
    ReportFormatXlsx,
    ReportFormatJson,
    ReportChooseFile,
    ReportWritten,
    SourcesTabInstitutions,
    InstitutionsHeading,
    InstitutionsWhy,
    InstitutionsExportCsv,
    InstitutionsImportCsv,
    InstitutionsNone,
    InstitutionRemove,
    InstitutionAdd,
    InstitutionNewName,
    InstitutionId,
    InstitutionNameEn,
    InstitutionNameRu,
    InstitutionCategoryLabel,
    InstitutionLocation,
    InstitutionWebsite,
    InstitutionContact,
    InstitutionSummary,
    InstitutionsWritten,
    InstitutionsRead,
    SourcesProducer,
    SourcesHolders,
    ReportBundle,
    ReportBundleHint,
    ImportAnswers,
    AnswersTaken,
    DirectionLabel,
    EmigrationWord,
    ImmigrationWord,
    ComparedWith,
    AllPartners,
    ReferenceGroupOf,
    NoReferenceGroup,
    NoCountryRatios,
    RatioColumn,
    IntervalColumn,
    UndercountColumn,
    UndercountColumnHelp,
    UndercountLow,
    UndercountMedium,
    UndercountHigh,
    UndercountScores,
    UndercountEvidenceHeading,
    UndercountEvidenceYear,
    PartnersColumn,
    NoHarmonisation,
    HarmonisationHeading,
    HarmonisationPoisson,
    HarmonisationLeastSquares,
    HarmonisationSummary,
    HarmonisationExplain,
    HarmonisationOtherBenchmark,
    HarmonisationNotConverged,
    HarmonisationBenchmark,
    HarmonisationPairYears,
    ImmigrationFactor,
    EmigrationFactor,
    StandardErrorColumn,
    WhyPairDisagrees,
    StabilityNumbers,
    StabilityJump,
    NoStability,
    StructureEmigration,
    StructureImmigration,
    StructureValue,
    StructureExplain,
    NoPairChosen,
    SenderLabel,
    ReceiverLabel,
    SwapPair,
    PairNotReported,
    CountrysFigure,
    PartnersFigure,
    RatioAsReported,
    PairFromTo,
    ImmigrationReportedBy,
    EmigrationReportedBy,
    CorrectedFigures,
    RatioLabel,
    CorrectedRatioLabel,
    BandLabel,
    BandWithin,
    BandBetween,
    BandBeyond,
    BandSmall,
    BandOneSided,
    ClickForSeries,
}

/// A count as the language writes it: `4,190.5` in English, `4 190,5` in Russian (no-break
/// space between thousands, decimal comma).
pub fn count_text(lang: Lang, value: f64) -> String {
    i18n::format_count_in(value, lang)
}

/// A text in a language.
pub fn tr(lang: Lang, key: Tr) -> &'static str {
    key.text(lang)
}

/// A text with its values filled in: the first is `{ $p0 }` in the catalogue, the second
/// `{ $p1 }`, and so on.
pub fn trf(lang: Lang, key: Tr, args: &[&str]) -> String {
    const NAMES: [&str; 6] = ["p0", "p1", "p2", "p3", "p4", "p5"];
    let args: Vec<(&str, i18n::Arg<'_>)> = NAMES
        .iter()
        .zip(args)
        .map(|(name, value)| (*name, i18n::Arg::from(*value)))
        .collect();
    i18n::format(lang, key.id(), &args)
}

pub fn severity_name(lang: Lang, severity: Severity) -> &'static str {
    severity.label(lang)
}

pub fn dimension_name(lang: Lang, dimension: Dimension) -> &'static str {
    crate::assess::rubric::dimension_label(dimension, lang)
}

pub fn status_name(lang: Lang, status: TriageStatus) -> &'static str {
    status.label(lang)
}

pub fn sex_name(lang: Lang, sex: Sex) -> &'static str {
    tr(
        lang,
        match sex {
            Sex::T => Tr::SexTotal,
            Sex::M => Tr::SexMale,
            Sex::F => Tr::SexFemale,
            Sex::U => Tr::SexUnknown,
        },
    )
}

/// A sex in a compact column, as a word or its initial: "Both", "M", "F".
pub fn sex_short(lang: Lang, sex: Sex) -> &'static str {
    tr(
        lang,
        match sex {
            Sex::T => Tr::SexShortTotal,
            Sex::M => Tr::SexShortMale,
            Sex::F => Tr::SexShortFemale,
            Sex::U => Tr::SexShortUnknown,
        },
    )
}

/// A category in a compact column: a country by its code, the total, the other countries,
/// the unknown and the statuses in words.
pub fn category_short(code: &str, table: TableId, lang: Lang) -> String {
    match category_kind(code) {
        CategoryKind::Country | CategoryKind::Historical | CategoryKind::Aggregate => {
            code.to_string()
        }
        CategoryKind::Other if code == crate::model::category::partner::OTHER => {
            tr(lang, Tr::CategoryOther).to_string()
        }
        _ => category_label(code, table, lang),
    }
}

/// An age group as a reviewer reads it: the total and the unknown age in words.
pub fn age_label(lang: Lang, age: &str) -> String {
    match age {
        "TOTAL" => tr(lang, Tr::CategoryTotal).to_string(),
        "UNK" => tr(lang, Tr::AgeUnknown).to_string(),
        other => other.to_string(),
    }
}

/// Why a value is missing, in words.
pub fn missing_name(lang: Lang, missing: Missing) -> &'static str {
    tr(
        lang,
        match missing {
            Missing::Empty => Tr::MissingEmpty,
            Missing::NotAvailable => Tr::MissingNotAvailable,
            Missing::NotApplicable => Tr::MissingNotApplicable,
            Missing::Confidential => Tr::MissingConfidential,
            Missing::Unreadable => Tr::MissingUnreadable,
        },
    )
}

/// The marker a data cell shows for a missing value: never blank and never `0`, so a missing
/// value cannot be read as zero. Eurostat's conventions: `:` not available, `c` confidential.
pub fn missing_marker(_lang: Lang, missing: Missing) -> &'static str {
    match missing {
        Missing::Empty => "·",
        Missing::NotAvailable => ":",
        Missing::NotApplicable => "-",
        Missing::Confidential => "c",
        Missing::Unreadable => "?",
    }
}

pub fn layout_name(lang: Lang, layout: Layout) -> &'static str {
    tr(
        lang,
        match layout {
            Layout::LongCsv => Tr::LayoutLongCsv,
            Layout::LongSheet => Tr::LayoutLongSheet,
            Layout::ClearinghouseWorkbook => Tr::LayoutClearinghouse,
            Layout::EurostatBulk => Tr::LayoutEurostatBulk,
            Layout::SdmxCsv => Tr::LayoutSdmxCsv,
            Layout::EurostatBrowser => Tr::LayoutEurostatBrowser,
        },
    )
}

/// What an unplaced label was meant to be (`reporter`, `category`, `table`, `sex`), in words.
pub fn role_name(lang: Lang, role: &str) -> String {
    let key = match role {
        "reporter" => Tr::RoleReporter,
        "category" => Tr::RoleCategory,
        "table" => Tr::RoleTable,
        "sex" => Tr::RoleSex,
        "status" => Tr::RoleStatus,
        other => return other.to_string(),
    };
    tr(lang, key).to_string()
}

/// A category as a reviewer reads it: a status in words, a country by name with its code.
/// A country as the window names it: "Kazakhstan (KAZ)".
pub fn country_label(code: &str, lang: Lang) -> String {
    format!("{} ({code})", gazetteer().name(code, lang))
}

pub fn category_label(code: &str, _table: TableId, lang: Lang) -> String {
    let status_key = match code {
        status::TOTAL => Some(Tr::CategoryTotal),
        status::NATIVE => Some(Tr::CategoryNative),
        status::FOREIGN_BORN => Some(Tr::CategoryForeignBorn),
        status::CITIZENS => Some(Tr::CategoryCitizens),
        status::NON_CITIZENS => Some(Tr::CategoryNonCitizens),
        status::FOREIGN => Some(Tr::CategoryForeign),
        status::STATELESS => Some(Tr::CategoryStateless),
        status::UNKNOWN => Some(Tr::CategoryUnknown),
        _ => None,
    };
    if let Some(key) = status_key {
        return tr(lang, key).to_string();
    }
    match category_kind(code) {
        CategoryKind::Country | CategoryKind::Historical | CategoryKind::Aggregate => {
            country_label(code, lang)
        }
        CategoryKind::Unplaced => format!("«{code}»"),
        _ => gazetteer().name(code, lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let catalogue = i18n::catalogue();
        let full = |key: &Tr, lang| catalogue.format(lang, key.id(), &[]);
        for key in Tr::ALL {
            for lang in Lang::ALL {
                let vars = catalogue.variables(lang, key.id());
                assert!(vars.is_some(), "{key:?} is not in the {lang:?} catalogue");
                assert!(
                    !full(key, lang).trim().is_empty(),
                    "{key:?} has no {lang:?} text"
                );
            }
            assert_eq!(
                catalogue.variables(Lang::En, key.id()),
                catalogue.variables(Lang::Ru, key.id()),
                "{key:?}: the languages take different values"
            );
        }
        // Words the two languages share are rare: most Russian texts must differ from English.
        let same = Tr::ALL
            .iter()
            .filter(|k| full(k, Lang::En) == full(k, Lang::Ru))
            .count();
        assert!(same <= 1, "{same} texts are not translated");
    }

    #[test]
    fn values_fill_their_places() {
        assert_eq!(
            trf(Lang::En, Tr::ShowingOf, &["12", "340"]),
            "Showing 12 of 340 findings"
        );
        assert_eq!(
            trf(Lang::Ru, Tr::ShowingOf, &["12", "340"]),
            "Показано 12 из 340 замечаний"
        );
    }

    #[test]
    fn categories_read_as_words() {
        assert_eq!(
            category_label("RUS", TableId::T3, Lang::En),
            "Russian Federation (RUS)"
        );
        assert_eq!(
            category_label("RUS", TableId::T3, Lang::Ru),
            "Российская Федерация (RUS)"
        );
        assert_eq!(
            category_label("FOREIGN_BORN", TableId::T1_1, Lang::Ru),
            "Родившиеся за рубежом"
        );
        assert_eq!(category_label("UNK", TableId::T3, Lang::En), "Unknown");
        assert_eq!(
            category_label("Kyrgyzstn", TableId::T3, Lang::En),
            "«Kyrgyzstn»"
        );
        assert_eq!(missing_marker(Lang::En, Missing::NotAvailable), ":");
        assert_eq!(count_text(Lang::En, 1234567.5), "1,234,567.5");
        assert_eq!(count_text(Lang::Ru, 1234567.5), "1\u{a0}234\u{a0}567,5");
        assert_eq!(count_text(Lang::Ru, -4190.0), "−4\u{a0}190");
        assert_ne!(missing_marker(Lang::En, Missing::Empty), "0");
    }
}
