//! Every text of the window, in English and Russian: one table, keyed by [`Tr`]. Texts with
//! values use `{0}`, `{1}`… filled by [`trf`]. Finding messages, check titles, table titles and
//! country names come from the library (`Finding::message`, the catalogue, `TableId::title`, the
//! gazetteer).

use crate::checks::{Dimension, Severity};
use crate::load::Layout;
use crate::model::category::status;
use crate::model::{
    CategoryKind, Lang, Missing, Sex, TableId, category_kind, format_count, gazetteer,
};
use crate::review::TriageStatus;

macro_rules! texts {
    ($($key:ident => $en:expr, $ru:expr;)*) => {
        /// A text of the window.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Tr { $($key),* }

        impl Tr {
            /// Every text, for the tests that check both languages are complete.
            pub const ALL: &'static [Tr] = &[$(Tr::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Tr::$key, Lang::En) => $en,
                        (Tr::$key, Lang::Ru) => $ru,
                    )*
                }
            }
        }
    };
}

texts! {
    // Panels, menus and the shell.
    PanelOverview => "Overview", "Обзор";
    PanelData => "Data", "Данные";
    PanelFindings => "Findings", "Замечания";

    // Sources panel and import dialog.
    PanelSources => "Sources", "Источники";
    SourcesCountry => "Country", "Страна";
    SourcesNoCountry => "No country to assess: the data name no reporting country.", "Нет страны для оценки: в данных не указана ни одна отчитывающаяся страна.";
    SourcesSyntheticAssessment => "This assessment is synthetic demonstration data, not an official assessment.", "Эта оценка — синтетические демонстрационные данные, а не официальная оценка.";
    SourcesTabInventory => "Inventory", "Описание источника";
    SourcesTabRubric => "Scores", "Оценки";
    SourcesTabScorecard => "Scorecard", "Сводная оценка";
    SourcesNoneListed => "No data source of {0} is listed yet: add one on the left, or import a questionnaire.", "Источники данных ({0}) ещё не описаны: добавьте источник слева или импортируйте вопросник.";
    SourcesExportQuestionnaire => "Export questionnaire (xlsx)…", "Экспорт вопросника (xlsx)…";
    SourcesExportHint => "A workbook the statistical office can fill in: the sources of this country with their scores.", "Книга, которую может заполнить статистическая служба: источники этой страны и их оценки.";
    SourcesImportQuestionnaire => "Import questionnaire…", "Импорт вопросника…";
    SourcesImportHint => "Read a filled-in questionnaire: its countries replace those assessed; nothing is taken if a cell is wrong.", "Прочитать заполненный вопросник: его страны заменят оценённые; при ошибке в ячейке ничего не импортируется.";
    SourcesListHeading => "Data sources", "Источники данных";
    SourcesNewKind => "Type of the new source", "Тип нового источника";
    SourcesAdd => "Add source", "Добавить источник";
    SourcesRemove => "Remove {0}…", "Удалить {0}…";
    SourcesRemoveConfirm => "Remove {0} with its scores?", "Удалить {0} вместе с оценками?";
    SourcesRemoveYes => "Remove", "Удалить";
    SourcesRemoveNo => "Keep", "Оставить";
    SourcesOverall => "Overall: {0} ({1})", "Итого: {0} ({1})";
    SourcesOverallColumn => "Overall", "Итого";
    SourcesCriterionRow => "{0} — suggested {1} · final {2}", "{0} — предложено {1} · итог {2}";
    SourcesRowOverridden => "{0} (overridden)", "{0} (изменено)";
    SourcesLevel => "Level {0}: {1}", "Уровень {0}: {1}";
    SourcesMarkSuggested => "suggested", "предложено";
    SourcesMarkFinal => "final", "итог";
    SourcesNoSuggestion => "The data give no suggestion for this criterion: score it from what you know.", "По данным нельзя предложить оценку этого критерия: оцените его по имеющимся сведениям.";
    SourcesCited => "Rests on", "Основано на";
    SourcesCheckButton => "{0} ×{1}", "{0} × {1}";
    SourcesOpenFinding => "Open this finding in Findings", "Открыть это замечание в разделе «Замечания»";
    SourcesFinalAccepted => "Final score {0}: the suggestion accepted.", "Итоговая оценка {0}: предложение принято.";
    SourcesFinalOverridden => "Final score {0}: overridden by the reviewer.", "Итоговая оценка {0}: изменена экспертом.";
    SourcesNoDecision => "No decision yet.", "Решение ещё не принято.";
    SourcesAccept => "Accept the suggestion", "Принять предложение";
    SourcesClearDecision => "Clear the decision", "Отменить решение";
    SourcesOverrideHeading => "Another score", "Иная оценка";
    SourcesOverrideScore => "Score to give", "Оценка";
    SourcesOverride => "Set this score", "Поставить эту оценку";
    SourcesReasonNeeded => "A reason is needed: the score differs from the suggestion.", "Нужна причина: оценка отличается от предложенной.";
    SourcesProvisionalNote => "* includes suggestions not yet reviewed.", "* включает ещё не проверенные предложения.";
    SourcesDevelopmentHeading => "Potential for development", "Возможности для развития";
    SourcesNoDevelopment => "No criterion scores 1 or less.", "Нет критериев с оценкой 1 и ниже.";
    SourcesBadNumber => "Expected a whole number from 0 to {0} (or nothing, if unknown), found \"{1}\".", "Ожидалось целое число от 0 до {0} (или пусто, если неизвестно), найдено «{1}».";
    SourcesQuestionnaireWritten => "Questionnaire written to {0}", "Вопросник записан в {0}";
    SourcesQuestionnaireImported => "Questionnaire imported: {0}", "Вопросник импортирован: {0}";
    ImportSettingsButton => "Import settings…", "Параметры импорта…";
    ImportTitle => "Import settings — {0}", "Параметры импорта — {0}";
    ImportIntro => "How should this file be read? Check what the loader found, change what is wrong, and apply: the file is opened again, and the choices are kept for it.", "Как читать этот файл? Проверьте, что распознал загрузчик, исправьте ошибки и примените: файл откроется заново, а выбор сохранится для него.";
    ImportReading => "Reading the first rows…", "Чтение первых строк…";
    ImportReadsAs => "Read as: {0}", "Читается как: {0}";
    ImportGuessed => "The loader had to guess part of this (see below).", "Часть параметров загрузчик угадал (см. ниже).";
    ImportLayout => "Layout", "Формат";
    ImportDetect => "Detect", "Определить";
    ImportDetected => "{0} (detected)", "{0} (найдено)";
    ImportHeaderRow => "Header row", "Строка заголовка";
    ImportRowN => "Row {0}", "Строка {0}";
    ImportTable => "Table of every row", "Таблица для всех строк";
    ImportReporter => "Reporting country of every row", "Страна для всех строк";
    ImportReporterHint => "KAZ, Kazakhstan…", "KAZ, Казахстан…";
    ImportUnknownCountry => "Expected a country (KAZ, Kazakhstan, Казахстан…), found \"{0}\".", "Ожидалась страна (KAZ, Kazakhstan, Казахстан…), найдено «{0}».";
    ImportRolesHeading => "What each column holds", "Что содержит каждый столбец";
    ImportRoleOf => "Role of «{0}»", "Роль «{0}»";
    ImportChooseHeader => "Choose the header row to name the columns.", "Выберите строку заголовка, чтобы назвать столбцы.";
    ImportApply => "Apply and reload", "Применить и загрузить заново";
    ImportClose => "Close", "Закрыть";
    ImportFirstRows => "The first {0} rows of the file:", "Первые строки файла ({0}):";
    ImportRoleTable => "Table", "Таблица";
    ImportRoleReporter => "Reporting country", "Отчитывающаяся страна";
    ImportRoleYear => "Year", "Год";
    ImportRoleSex => "Sex", "Пол";
    ImportRoleAge => "Age group", "Возрастная группа";
    ImportRoleCategory => "Partner or category", "Партнёр или категория";
    ImportRoleValue => "Value (persons)", "Значение (человек)";
    ImportRoleFlag => "Flag", "Признак";
    ImportRoleSource => "Data source", "Источник данных";
    ImportRoleDuration => "Duration rule (months)", "Критерий продолжительности (мес.)";
    ImportRoleOriginFile => "Original file", "Исходный файл";
    ImportRoleOriginSheet => "Original sheet", "Исходный лист";
    ImportRoleOriginCell => "Original cell", "Исходная ячейка";
    ImportRoleIgnore => "Ignore", "Не использовать";

    MenuFile => "File", "Файл";
    MenuView => "View", "Вид";
    OpenFiles => "Open…", "Открыть…";
    OpenSample => "Open the sample data", "Открыть демонстрационные данные";
    RecentFiles => "Recent files", "Недавние файлы";
    NoRecentFiles => "No recent files", "Недавних файлов нет";
    ClearRecent => "Clear the list", "Очистить список";
    ExportCsv => "Export findings as CSV…", "Экспорт замечаний в CSV…";
    ExportJson => "Export findings as JSON…", "Экспорт замечаний в JSON…";
    Quit => "Quit", "Выход";
    LanguageLabel => "Language", "Язык";
    ThemeLabel => "Theme", "Тема";
    ThemeLight => "Light", "Светлая";
    ThemeDark => "Dark", "Тёмная";
    ZoomIn => "Zoom in", "Крупнее";
    ZoomOut => "Zoom out", "Мельче";
    ZoomReset => "Actual size", "Обычный размер";
    OpenDialogTitle => "Open migration data", "Открыть данные о миграции";
    MigrationDataFilter => "Migration data", "Данные о миграции";
    ExportDialogTitle => "Export findings", "Экспорт замечаний";
    SyntheticBanner => "Sample data: synthetic demonstration data, not official statistics.",
        "Демонстрационные данные: синтетические, не официальная статистика.";
    SampleData => "sample data", "демонстрационные данные";
    NoSampleInBuild => "This build contains no sample data.",
        "В этой сборке нет демонстрационных данных.";
    NothingOpen => "No data are open.", "Данные не открыты.";
    HowToOpen => "Open files with File › Open… (Ctrl+O), drag them onto the window, or start migreview with file names.",
        "Откройте файлы через Файл › Открыть… (Ctrl+O), перетащите их в окно или запустите migreview с именами файлов.";
    DropToOpen => "Drop the files to open them", "Отпустите файлы, чтобы открыть их";
    LoadingWhat => "Loading {0}…", "Загрузка: {0}…";
    RunningChecks => "Running the checks…", "Выполняются проверки…";
    PreparingView => "Preparing the view…", "Подготовка к показу…";
    Cancel => "Cancel", "Отмена";
    LoadCancelled => "Loading was cancelled; the open data stay.",
        "Загрузка отменена; открытые данные сохранены.";
    LoadCrashed => "Loading stopped unexpectedly; the open data stay. See the log for details.",
        "Загрузка неожиданно прервалась; открытые данные сохранены. Подробности в журнале.";
    NothingReadKeptOpen => "None of the files could be read; the data already open stay open.",
        "Ни один файл не удалось прочитать; уже открытые данные остаются открытыми.";
    NoFileChosen => "No file was chosen. If no dialog appeared, drag the files onto the window or give them on the command line.",
        "Файл не выбран. Если окно выбора не появилось, перетащите файлы в окно или укажите их в командной строке.";
    ErrorWord => "Error", "Ошибка";
    WarningWord => "Warning", "Предупреждение";
    InfoWord => "Note", "Примечание";
    Dismiss => "Dismiss", "Скрыть";
    DismissAll => "Dismiss all", "Скрыть все";
    StatusSummary => "{0} observations · {1} reporters · {2} findings",
        "Наблюдений: {0} · стран: {1} · замечаний: {2}";
    ExportedTo => "Findings written to {0}", "Замечания записаны в {0}";
    AndMore => "… and {0} more", "… и ещё {0}";

    // Overview.
    DataSetHeading => "Data set", "Набор данных";
    FilesHeading => "Files", "Файлы";
    ObservationsLabel => "Observations", "Наблюдений";
    ReportersLabel => "Reporters", "Страны";
    TablesLabel => "Tables", "Таблицы";
    YearsLabel => "Years", "Годы";
    LayoutLabel => "Layout", "Формат";
    EncodingLabel => "Encoding", "Кодировка";
    DelimiterWord => "delimiter", "разделитель";
    DelimiterTab => "delimiter: tab", "разделитель: табуляция";
    SkippedRowsLabel => "Skipped rows", "Пропущено строк";
    SkippedRowsN => "Skipped rows ({0})", "Пропущенные строки ({0})";
    SheetsN => "Sheets ({0})", "Листы ({0})";
    RowsReadN => "{0} rows read", "прочитано строк: {0}";
    HiddenSheet => "hidden sheet", "скрытый лист";
    LoaderDecisions => "What the loader recognised", "Что распознал загрузчик";
    NotesInFile => "Notes in the file", "Примечания в файле";
    UnplacedHeading => "Labels that could not be placed ({0})", "Нераспознанные обозначения ({0})";
    LabelColumn => "Label", "Обозначение";
    RoleColumn => "Meant as", "Роль";
    CountColumn => "Times", "Раз";
    FirstSeenColumn => "First seen at", "Впервые встречено";
    SuggestionsColumn => "Did you mean", "Возможно, имелось в виду";
    PlaceAsColumn => "Place as", "Считать как";
    LabelsIntro => "Choose what each label is: a suggestion, not a country, or a country typed in any coding. Apply keeps the choices in the import settings of the files where the labels occur (in the review) and opens the files again; they are used whenever the files are opened.", "Укажите, что означает каждое обозначение: один из вариантов, «не страна» или страну в любой кодировке. «Применить» сохраняет выбор в настройках импорта файлов, где встречаются обозначения (в файле проверки), и заново открывает файлы; выбор действует при каждом открытии этих файлов.";
    LabelsSampleNote => "The built-in sample is not read from files, so its labels cannot be placed here: write its files with `migreview sample` and open them to try.", "Встроенный пример не читается из файлов, поэтому его обозначения здесь не сопоставить: запишите файлы командой `migreview sample` и откройте их, чтобы попробовать.";
    LabelsNotACountry => "not a country", "не страна";
    LabelsNotACountryHint => "Kept as written, never counted in a country sum, no longer listed here.", "Остаётся как записано, не входит в суммы по странам и больше не показывается здесь.";
    LabelsKeptNotACountry => "kept as written, not a country", "остаётся как записано, не страна";
    LabelsOther => "other:", "другое:";
    LabelsLeave => "leave", "оставить";
    LabelsTogether => "together", "вместе";
    LabelsAlsoIn => "also in {0}", "также в {0}";
    LabelsTypeSomething => "type a code or a name", "введите код или название";
    LabelsTypeHint => "code or name", "код или название";
    LabelsExpected => "expected a country in any coding (MDA, Moldova) or not a country", "ожидается страна в любой кодировке (MDA, Молдова) или «не страна»";
    LabelsApply => "Apply the choices and reload", "Применить выбор и загрузить заново";
    LabelsApplyHint => "Keeps the choices in the review's import settings of each file where the labels occur and opens the files again.", "Сохраняет выбор в настройках импорта каждого файла, где встречаются обозначения (в файле проверки), и заново открывает файлы.";
    LabelsNothingChosen => "Choose what a label is first.", "Сначала укажите, что означает обозначение.";
    LabelsChosenN => "Chosen: {0}", "Выбрано: {0}";
    LabelsClear => "Clear the choices", "Сбросить выбор";
    LabelsNotAPlace => "not a place: only countries can be chosen here", "не место: здесь можно указать только страну";
    LabelsInFileHeading => "Labels of this file that could not be placed ({0})", "Нераспознанные обозначения этого файла ({0})";
    LabelsInFileIntro => "What is chosen here is kept with the other settings when you apply them.", "Выбранное здесь сохраняется вместе с остальными настройками при применении.";
    SubnationalHeading => "Regions of a country ({0})", "Регионы страны ({0})";
    SubnationalIntro => "These labels name a region inside a country, not a country: they are kept as written and never counted in a country sum.", "Эти обозначения называют регион внутри страны, а не страну: они остаются как записаны и не входят в суммы по странам.";
    RegionOfColumn => "Region of", "Регион страны";
    RegionCountryUnknown => "country not known", "страна не известна";
    ReviewHeading => "Review", "Проверка";
    ReviewSavedTo => "Review saved to {0}", "Проверка сохраняется в {0}";
    ReviewNowhere => "There is no folder to save the review in: decisions last until the window closes.",
        "Нет папки для сохранения проверки: решения сохранятся только до закрытия окна.";
    ReviewNew => "No earlier review of these data: decisions are saved as you make them.",
        "Ранее эти данные не проверялись: решения сохраняются по мере принятия.";
    ReviewRestored => "The earlier review of these data was restored (decisions: {0}).",
        "Восстановлена прежняя проверка этих данных (решений: {0}).";
    ReviewDataChanged => "The data changed since this review was saved (it was made on: {0}). Its decisions are kept; check them again.",
        "Данные изменились после сохранения проверки (она относилась к: {0}). Решения сохранены; проверьте их заново.";
    ReviewUnreadable => "The review file could not be read and is left untouched; decisions are not saved: {0}",
        "Файл проверки не удалось прочитать, он оставлен как есть; решения не сохраняются: {0}";
    StaleDecisions => "{0} decisions are about findings that no longer exist (kept in the review file).",
        "Решений о замечаниях, которых больше нет: {0} (сохранены в файле проверки).";
    DecisionsMade => "{0} of {1} findings have a decision.", "Решение принято по {0} из {1} замечаний.";
    ScorecardHeading => "Scorecard", "Сводка";
    FindingsTotal => "{0} findings, {1} of them not evaluable.", "Замечаний: {0}, из них не поддаются оценке: {1}.";
    OpenFindings => "Go to the findings", "Перейти к замечаниям";
    BySeverity => "By severity", "По важности";
    ByDimension => "By quality dimension (ESS)", "По измерению качества (ЕСС)";
    ByTable => "By table", "По таблицам";
    ByCountry => "By reporting country", "По странам";
    ByCheck => "By check", "По проверкам";
    NoTable => "no single table", "без таблицы";
    NoCountry => "no single country", "без страны";
    NoChecksRan => "No checks ran.", "Проверки не выполнялись.";
    NoFindings => "No findings.", "Замечаний нет.";
    AllChecksPassed => "All {0} checks passed.", "Все проверки ({0}) пройдены.";

    // Data.
    NoData => "There are no observations to show.", "Нет наблюдений для показа.";
    NoObservationsForSelection => "No observations for this selection.", "Для этого выбора наблюдений нет.";
    TableLabel => "Table", "Таблица";
    TableWord => "Table", "Таблица";
    ReporterLabel => "Reporter", "Страна";
    SexLabel => "Sex", "Пол";
    AgeLabel => "Age", "Возраст";
    AgeUnknown => "age unknown", "возраст не указан";
    CategoryColumn => "Category", "Категория";
    CategoryLabel => "Category", "Категория";
    FlagIs => "Flag: {0}", "Признак: {0}";
    ClickToOpenFinding => "Click to open the finding.", "Нажмите, чтобы открыть замечание.";

    // Findings.
    All => "All", "Все";
    CheckLabel => "Check", "Проверка";
    CountryLabel => "Country", "Страна";
    YearLabel => "Year", "Год";
    StatusLabel => "Status", "Статус";
    SearchLabel => "Search", "Поиск";
    SearchHint => "message, country, cell…", "сообщение, страна, ячейка…";
    ClearFilters => "Clear filters", "Сбросить фильтры";
    ShowingOf => "Showing {0} of {1} findings", "Показано {0} из {1} замечаний";
    NothingMatches => "No finding matches the filters.", "Ни одно замечание не подходит под фильтры.";
    SelectAFinding => "Select a finding to see what it means.", "Выберите замечание, чтобы увидеть пояснение.";
    LevelN => "validation level {0}", "уровень валидации {0}";
    NotEvaluable => "not evaluable", "не поддаётся оценке";
    WhereLabel => "Where", "Где";
    ExpectedLabel => "Expected", "Ожидалось";
    ActualLabel => "Found", "Найдено";
    WhatItTests => "What it tests", "Что проверяется";
    WhyItMatters => "Why it matters", "Почему это важно";
    WhatToLookAt => "What to look at", "На что посмотреть";
    ShowInData => "Show in Data", "Показать в данных";
    NotInData => "This finding is about no single cell of the data.", "Это замечание не относится к отдельной ячейке данных.";
    CommentLabel => "Comment", "Комментарий";
    CommentHint => "What did you find out? (saved as you type)", "Что удалось выяснить? (сохраняется при вводе)";
    LastChanged => "Last changed {0}", "Изменено {0}";

    // Vocabulary.
    SeverityError => "Error", "Ошибка";
    SeverityWarning => "Warning", "Предупреждение";
    SeverityInfo => "Info", "Сведение";
    DimensionRelevance => "Relevance", "Актуальность";
    DimensionAccuracy => "Accuracy", "Точность";
    DimensionTimeliness => "Timeliness", "Своевременность";
    DimensionAccessibility => "Accessibility", "Доступность";
    DimensionComparability => "Comparability", "Сопоставимость";
    DimensionCoherence => "Coherence", "Согласованность";
    StatusOpen => "Open", "Открыто";
    StatusConfirmed => "Confirmed", "Подтверждено";
    StatusExplained => "Explained", "Объяснено";
    StatusFalseAlarm => "False alarm", "Ложная тревога";
    SexTotal => "Total", "Оба пола";
    SexMale => "Men", "Мужчины";
    SexFemale => "Women", "Женщины";
    SexUnknown => "Sex unknown", "Пол не указан";
    MissingEmpty => "empty cell", "пустая ячейка";
    MissingNotAvailable => "not available", "нет данных";
    MissingNotApplicable => "not applicable", "не применимо";
    MissingConfidential => "confidential", "конфиденциально";
    MissingUnreadable => "not a number", "не число";
    CategoryTotal => "Total", "Всего";
    CategoryNative => "Native-born", "Родившиеся в стране";
    CategoryForeignBorn => "Foreign-born", "Родившиеся за рубежом";
    CategoryCitizens => "Citizens", "Граждане";
    CategoryNonCitizens => "Non-citizens", "Неграждане";
    CategoryForeign => "Foreign citizens", "Иностранные граждане";
    CategoryStateless => "Stateless persons", "Лица без гражданства";
    CategoryUnknown => "Unknown", "Не указано";
    RoleReporter => "reporting country", "отчитывающаяся страна";
    RoleCategory => "category / partner", "категория / партнёр";
    RoleTable => "table", "таблица";
    RoleSex => "sex", "пол";
    RoleStatus => "status", "статус";
    LayoutLongCsv => "Long CSV (one observation per row)", "Длинный CSV (одно наблюдение в строке)";
    LayoutLongSheet => "Long sheet (one observation per row)", "Длинный лист (одно наблюдение в строке)";
    LayoutClearinghouse => "Clearinghouse workbook (one sheet per table)", "Книга Clearinghouse (лист на таблицу)";
    LayoutEurostatBulk => "Eurostat bulk download", "Массовая выгрузка Евростата";
    LayoutSdmxCsv => "SDMX-CSV", "SDMX-CSV";
    LayoutEurostatBrowser => "Eurostat data browser download", "Выгрузка из браузера данных Евростата";

    // Coverage and mirror panels.
    PanelCoverage => "Coverage", "Наличие данных";
    PanelMirror => "Mirror", "Зеркальная статистика";
    CoverageRowsLabel => "Rows", "Строки";
    ReportersOfATable => "Reporters of a table", "Страны по таблице";
    TablesOfAReporter => "Tables of a reporter", "Таблицы страны";
    CoverageHint => "Each cell is a year: click it to see which rows hold numbers and which are missing.",
        "Каждая ячейка — год: нажмите, чтобы увидеть, в каких строках есть числа, а каких нет.";
    CoverageSelectACell => "Click a cell of the heatmap to see what is reported there and what is missing.",
        "Нажмите на ячейку, чтобы увидеть, какие данные есть, а каких нет.";
    CellCounts => "{0} rows with numbers · {1} values missing", "Строк с числами: {0} · пропущенных значений: {1}";
    NoRowsThisYear => "No row at all for {0}: the year is not in the data (a missing column or sheet).",
        "За {0} год нет ни одной строки: этого года нет в данных (пропущен столбец или лист).";
    RowsReportedN => "Reported ({0})", "Есть данные ({0})";
    RowsMissingN => "Values missing ({0})", "Пропущенные значения ({0})";
    RowsAbsentN => "Missing here, given in other years ({0})", "Нет в этом году, есть в другие годы ({0})";
    OpenInData => "Open in Data", "Открыть в данных";
    MirrorCoverageHeading => "Mirror coverage of pair-years", "Зеркальное покрытие пар стран по годам";
    MirrorCoverageNote => "Ordered pairs of the {0} countries that report Table 3 or 4: is the flow reported by both sides, by the receiving country only (immigration), by the sending country only (emigration), or by neither?",
        "Упорядоченные пары из {0} стран, представивших таблицу 3 или 4: учтён ли поток обеими сторонами, только страной прибытия (иммиграция), только страной выбытия (эмиграция) или ни одной?";
    NoMirrorCoverage => "No mirror coverage: fewer than two countries report Table 3 or Table 4.",
        "Зеркального покрытия нет: таблицу 3 или 4 представили менее двух стран.";
    PairYearsColumn => "Pair-years", "Пар-лет";
    BothSidesColumn => "Both sides", "Обе стороны";
    ImmigrationOnlyColumn => "Immigration only", "Только иммиграция";
    EmigrationOnlyColumn => "Emigration only", "Только эмиграция";
    NeitherSideColumn => "Neither", "Ни одна";
    AllYearsChoice => "All years", "Все годы";
    ExportPng => "Export PNG…", "Экспорт в PNG…";
    ExportSvg => "Export SVG…", "Экспорт в SVG…";
    ExportChartHint => "Writes this chart as shown (same selection) to a file, 1600 × 1000, readable when projected.",
        "Записывает этот график с тем же выбором в файл 1600 × 1000, читаемый на проекторе.";
    ExportChartPng => "Export the chart as PNG…", "Экспорт графика в PNG…";
    ExportChartSvg => "Export the chart as SVG…", "Экспорт графика в SVG…";
    ExportChartDialogTitle => "Export the chart", "Экспорт графика";
    NoChartHere => "Only the Coverage, Mirror and Sources panels show charts.", "Графики есть только на панелях «Наличие данных», «Зеркальная статистика» и «Источники».";
    ChartExportedTo => "Chart written to {0}", "График записан в {0}";
    ExportLabels => "Labels:", "Подписи:";
    ExportLabelsHint => "Which points of the exported scatter are named: none, the largest discrepancies in persons outside the green band, or all.",
        "Какие точки экспортируемой диаграммы подписаны: ни одна, крупнейшие расхождения в числе человек вне зелёной полосы или все.";
    ExportLabelsNone => "none", "нет";
    ExportLabelsLargest => "{0} largest", "{0} крупнейших";
    ExportLabelsAll => "all", "все";
    MirrorScatterTab => "Scatter", "Диаграмма рассеяния";
    MirrorMatrixTab => "Matrix", "Матрица";
    MirrorCountriesTab => "Countries", "Страны";
    MirrorSeriesTab => "Pair over the years", "Пара стран по годам";
    NoMirrorPairs => "No mirror pairs.", "Зеркальных пар нет.";
    NoMirrorPairsWhy => "Mirror statistics compare Table 3 (immigration by previous residence) of one country with Table 4 (emigration by next residence) of another: the data hold no such pair.",
        "Зеркальная статистика сравнивает таблицу 3 (иммиграция по стране предыдущего проживания) одной страны с таблицей 4 (эмиграция по стране следующего проживания) другой: в данных таких пар нет.";
    CountriesBothSexes => "Countries are compared on both sexes together.", "Страны сравниваются по обоим полам вместе.";
    DurationCorrection => "Duration-of-stay correction", "Поправка на продолжительность пребывания";
    DurationCorrectionHint => "On: flows on the 12-month basis (each reporter's criterion times its correction factor). Off: as reported.",
        "Включено: потоки в пересчёте на критерий 12 месяцев (данные страны, умноженные на поправочный коэффициент её критерия). Выключено: как представлено странами.";
    ScatterCount => "{0} pairs reported on both sides", "Пар с данными обеих сторон: {0}";
    NoTwoSidedPairs => "No pair is reported on both sides for this selection.", "Для этого выбора нет пар с данными обеих сторон.";
    MatrixNote => "Receiving country (rows) × sending country (columns), {0}; click a cell to see the pair over the years",
        "Страна прибытия (строки) × страна выбытия (столбцы), {0}; нажмите на ячейку, чтобы увидеть пару по годам";
    DirectionLabel => "Direction", "Направление";
    EmigrationWord => "Emigration", "Эмиграция";
    ImmigrationWord => "Immigration", "Иммиграция";
    ComparedWith => "Compared with", "Сравнение с";
    AllPartners => "All partners", "Все партнёры";
    ReferenceGroupOf => "Reference group ({0})", "Эталонная группа ({0})";
    NoReferenceGroup => "No reference group: too few countries agree well enough with their partners.",
        "Эталонной группы нет: слишком мало стран хорошо согласуются с партнёрами.";
    NoCountryRatios => "No country has partners that report both sides in this year.", "Ни у одной страны нет партнёров с данными обеих сторон в этом году.";
    RatioColumn => "Ratio", "Отношение";
    IntervalColumn => "95 % interval", "95 % интервал";
    PartnersColumn => "Partners", "Партнёров";
    NoPairChosen => "No pair chosen: click a point of the scatter or a cell of the matrix.", "Пара не выбрана: нажмите на точку диаграммы или ячейку матрицы.";
    SenderLabel => "Sending country", "Страна выбытия";
    ReceiverLabel => "Receiving country", "Страна прибытия";
    SwapPair => "Swap", "Поменять местами";
    PairNotReported => "Neither country reports this flow in any year.", "Ни одна из стран не представила данных об этом потоке.";
    CountrysFigure => "The country's figure", "Данные страны";
    PartnersFigure => "The partners' figure", "Данные партнёров";
    RatioAsReported => "Ratio as reported", "Отношение без поправки";
    PairFromTo => "From {0} to {1}, {2}", "Выбытие: {0}, прибытие: {1}, {2} г.";
    ImmigrationReportedBy => "Immigration reported by {0}", "Иммиграция по данным: {0}";
    EmigrationReportedBy => "Emigration reported by {0}", "Эмиграция по данным: {0}";
    CorrectedFigures => "Corrected I / E", "I / E с поправкой";
    RatioLabel => "Ratio I/E", "Отношение I/E";
    CorrectedRatioLabel => "Ratio I/E corrected", "Отношение I/E с поправкой";
    BandLabel => "Band", "Полоса";
    BandGreen => "green", "зелёная";
    BandLight => "light green", "светло-зелёная";
    BandAmber => "amber", "жёлтая";
    BandRed => "red", "красная";
    BandSmall => "small numbers", "малые числа";
    BandOneSided => "one side only", "только одна сторона";
    ClickForSeries => "Click to see the pair over the years.", "Нажмите, чтобы увидеть пару по годам.";
}

/// A count as the language writes it: `4,190.5` in English, `4 190,5` in Russian (no-break
/// space between thousands, decimal comma).
pub fn count_text(lang: Lang, value: f64) -> String {
    let text = format_count(value);
    match lang {
        Lang::En => text,
        Lang::Ru => text
            .chars()
            .map(|c| match c {
                ',' => '\u{a0}',
                '.' => ',',
                c => c,
            })
            .collect(),
    }
}

/// A text in a language.
pub fn tr(lang: Lang, key: Tr) -> &'static str {
    key.text(lang)
}

/// A text with its `{0}`, `{1}`… filled in.
pub fn trf(lang: Lang, key: Tr, args: &[&str]) -> String {
    let mut text = key.text(lang).to_string();
    for (i, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), arg);
    }
    text
}

pub fn severity_name(lang: Lang, severity: Severity) -> &'static str {
    tr(
        lang,
        match severity {
            Severity::Error => Tr::SeverityError,
            Severity::Warning => Tr::SeverityWarning,
            Severity::Info => Tr::SeverityInfo,
        },
    )
}

pub fn dimension_name(lang: Lang, dimension: Dimension) -> &'static str {
    tr(
        lang,
        match dimension {
            Dimension::Relevance => Tr::DimensionRelevance,
            Dimension::Accuracy => Tr::DimensionAccuracy,
            Dimension::Timeliness => Tr::DimensionTimeliness,
            Dimension::Accessibility => Tr::DimensionAccessibility,
            Dimension::Comparability => Tr::DimensionComparability,
            Dimension::Coherence => Tr::DimensionCoherence,
        },
    )
}

pub fn status_name(lang: Lang, status: TriageStatus) -> &'static str {
    tr(
        lang,
        match status {
            TriageStatus::Open => Tr::StatusOpen,
            TriageStatus::Confirmed => Tr::StatusConfirmed,
            TriageStatus::Explained => Tr::StatusExplained,
            TriageStatus::FalseAlarm => Tr::StatusFalseAlarm,
        },
    )
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
            format!("{} ({code})", gazetteer().name(code, lang))
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
        for key in Tr::ALL {
            let en = key.text(Lang::En);
            let ru = key.text(Lang::Ru);
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert!(!ru.trim().is_empty(), "{key:?} has no Russian text");
            let placeholders = |text: &str| {
                (0..4)
                    .filter(|i| text.contains(&format!("{{{i}}}")))
                    .count()
            };
            assert_eq!(
                placeholders(en),
                placeholders(ru),
                "{key:?}: the languages take different values"
            );
        }
        // Words the two languages share are rare: most Russian texts must differ from English.
        let same = Tr::ALL
            .iter()
            .filter(|k| k.text(Lang::En) == k.text(Lang::Ru))
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
