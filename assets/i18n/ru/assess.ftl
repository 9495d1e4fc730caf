# Оценка источников данных: уровни, слабые места, которые называет сводная оценка, и её текст.

## Уровни средней оценки.
grade-good = хорошо
grade-adequate = удовлетворительно
grade-weak = слабо
grade-poor = плохо

## Слабые места по сведениям, на которых основана предложенная оценка.
weakness-emigration-no-obligation = Эмиграция учитывается регистром только при снятии с учёта, а обязанности сняться с учёта при выезде нет
weakness-emigration-weak-obligation = Эмиграция учитывается регистром только при снятии с учёта, которое обязательно, но слабо контролируется
weakness-emigration-enforced = Эмиграция учитывается регистром при снятии с учёта
weakness-emigration-register = Эмиграция учитывается регистром только при снятии с учёта
weakness-emigration-incomplete = Источник учитывает эмиграцию не полностью
weakness-emigration-times-register = { $head }; страны-партнёры учитывают в { $times } раза больше прибытий из страны ({ $name }), чем регистр — выбытий ({ $period }: { $reported } выбытий против { $partner_reported } прибытий).
weakness-emigration-times-source = { $head }; страны-партнёры учитывают в { $times } раза больше прибытий из страны ({ $name }), чем источник — выбытий ({ $period }: { $reported } выбытий против { $partner_reported } прибытий).
weakness-emigration-share = { $head }: эмиграция составляет { $ratio } иммиграции по данным стран-партнёров ({ $period }).
weakness-unknown-share = Доля лиц { $what } в таблице { $table } ({ $period }) — { $share } ({ $unknown } из { $total }).
weakness-consistency-check = { $check } «{ $title }» ×{ $findings }
weakness-consistency = Не пройдено проверок согласованности в { $tables ->
    [1] таблице
   *[other] таблицах
} { $list }: { $total } ({ $checks })
weakness-consistency-largest = ; наибольшее отклонение итога — { $deviation }
weakness-timeliness-latest = Последние данные на дату обзора ({ $review_date }) — за { $year } год, через { $months } мес. после его окончания.
weakness-timeliness-lag = Данные публикуются через { $months } мес. после окончания отчётного года.
weakness-breakdown-sex = полу
weakness-breakdown-age = возрасту
weakness-disaggregation = { $tables ->
    [1] Таблица { $list } даёт: { $level }
   *[other] Таблицы { $list } дают: { $level }
}
weakness-disaggregation-missing = ; нет разбивки по { $by }
weakness-definition-undocumented = Критерий продолжительности пребывания источника не документирован.
weakness-definition-basis = Мигранты учитываются по 12-месячному критерию, применяемому к показателю «{ $basis }», а не к фактическому пребыванию.
weakness-definition-basis-years = В { $period } мигранты учитывались по 12-месячному критерию, применяемому к показателю «{ $basis }», а не к фактическому пребыванию.
weakness-definition-duration = Мигранты учитываются { $duration } вместо рекомендованных ООН 12 месяцев обычного проживания.
weakness-definition-duration-years = В { $period } мигранты учитывались { $duration } вместо рекомендованных ООН 12 месяцев обычного проживания.
weakness-stability = Скачков от года к году, не отмеченных как разрыв ряда: { $jumps } (годы { $list }).

## Сводная оценка в виде текста.
scorecard-overall = Итого
scorecard-legend = (* предложено по данным, ещё не проверено; ! изменено экспертом)
scorecard-development = Возможности для развития
scorecard-no-development = Нет критериев с оценкой 1 и ниже.

## Ответы описания источника, по спискам.
-unknown = Неизвестно
source-kind-population-census = Перепись населения
source-kind-population-register = Регистрация населения по месту жительства
source-kind-foreigners-register = Учёт иностранцев, разрешения на проживание и работу
source-kind-border-statistics = Пограничная статистика, учёт пассажиров
source-kind-household-survey = Обследование домохозяйств или рабочей силы
source-kind-asylum-records = Учёт лиц, ищущих убежища, и беженцев
source-kind-consular-register = Консульский учёт граждан за рубежом
source-kind-other = Другое
periodicity-continuous = Непрерывный учёт, публикация не реже раза в год
periodicity-annual = Ежегодно
periodicity-biennial = Раз в два года
periodicity-irregular = Нерегулярно (разово)
periodicity-census-only = Только при переписи
periodicity-not-produced = Не производятся
periodicity-unknown = { -unknown }
group-coverage-all-residents = Все жители, включая иностранцев и лиц, ищущих убежища
group-coverage-foreigners-partly = Граждане и часть иностранцев
group-coverage-citizens-only = Только граждане
group-coverage-permits-only = Только владельцы разрешений
group-coverage-unknown = { -unknown }
duration-basis-actual = Фактическое пребывание
duration-basis-intended = Предполагаемое пребывание
duration-basis-unknown = { -unknown }
obligation-enforced = Обязательна, соблюдение контролируется
obligation-weak = Обязательна, но слабо контролируется
obligation-none = Обязанности нет
obligation-not-applicable = Неприменимо
obligation-unknown = { -unknown }
publication-machine-readable = Машиночитаемые данные с метаданными
publication-tables-with-notes = Таблицы с примечаниями
publication-pdf-only = Только PDF
publication-on-request = Только по запросу
publication-not-published = Не публикуются
publication-unknown = { -unknown }

## Критерии оценки: название, вопрос, смысл каждого уровня, что делать.
# definition
criterion-definition-title = Определение мигранта
criterion-definition-question = После какой продолжительности пребывания человек учитывается как мигрант и учитывается ли фактическое или предполагаемое пребывание?
criterion-definition-level-0 = «постоянное» место жительства или правило неизвестно
criterion-definition-level-1 = 3 месяца или без ограничения срока
criterion-definition-level-2 = от 6 до 12 месяцев или только предполагаемая продолжительность
criterion-definition-level-3 = 12 месяцев обычного проживания (рекомендация ООН)
criterion-definition-action = Учитывать как мигрантов лиц, сменивших место обычного проживания не менее чем на 12 месяцев (Рекомендации ООН 1998 г.), и публиковать это правило вместе с данными.
# emigration_capture
criterion-emigration-capture-title = Полнота учёта эмиграции
criterion-emigration-capture-question = Насколько полно источник учитывает выбытия? Сравните эмиграцию с иммиграцией, которую учитывают страны-партнёры.
criterion-emigration-capture-level-0 = эмиграция ниже 0,4 иммиграции по данным партнёров или не учитывается
criterion-emigration-capture-level-1 = эмиграция 0,4–0,7 иммиграции по данным партнёров
criterion-emigration-capture-level-2 = обязанность сняться с учёта, слабо контролируется; 0,7–0,9 иммиграции по данным партнёров
criterion-emigration-capture-level-3 = снятие с учёта обязательно и контролируется; не менее 0,9 иммиграции по данным партнёров
criterion-emigration-capture-action = Учитывать выбытия по всем доступным событиям (снятие с учёта, истечение срока временной регистрации, исключение отсутствующих) и обмениваться данными с основными странами-партнёрами, чтобы оценить недоучёт.
# coverage
criterion-coverage-title = Охват групп населения
criterion-coverage-question = Какие группы охватывает источник: граждан, иностранцев любого статуса, лиц без гражданства, лиц, ищущих убежища?
criterion-coverage-level-0 = охват неизвестен
criterion-coverage-level-1 = только граждане или только владельцы разрешений
criterion-coverage-level-2 = иностранцы охвачены частично
criterion-coverage-level-3 = все жители, включая иностранцев и лиц, ищущих убежища
criterion-coverage-action = Распространить источник на всех жителей (иностранцев любого статуса, лиц без гражданства, лиц, ищущих убежища) или объединить его с учётом иностранцев.
# internal_consistency
criterion-internal-consistency-title = Внутренняя согласованность
criterion-internal-consistency-question = Сходятся ли таблицы источника: пол, возраст, страны-партнёры и категории статуса с итогами, связанные таблицы между собой?
criterion-internal-consistency-level-0 = таблицы противоречат друг другу
criterion-internal-consistency-level-1 = отклонения больше 1 %
criterion-internal-consistency-level-2 = отклонения не более 1 %
criterion-internal-consistency-level-3 = все тождества выполняются
criterion-internal-consistency-action = Проводить проверку сумм и межтабличных соотношений до публикации и исправлять таблицы так, чтобы итоги совпадали с суммой частей.
# disaggregation
criterion-disaggregation-title = Детализация
criterion-disaggregation-question = Какие разрезы даёт источник: пол, возрастная группа, страна-партнёр (или статус)?
criterion-disaggregation-level-0 = только итоги
criterion-disaggregation-level-1 = итоги по странам-партнёрам
criterion-disaggregation-level-2 = пол × страна-партнёр
criterion-disaggregation-level-3 = пол × возраст × страна-партнёр
criterion-disaggregation-action = Публиковать потоки и численность по полу, пятилетним возрастным группам и странам-партнёрам (предыдущего или последующего проживания, гражданства, рождения).
# unknown_share
criterion-unknown-share-title = Доля неизвестных категорий
criterion-unknown-share-question = Какая доля лиц имеет неизвестную страну-партнёра или статус?
criterion-unknown-share-level-0 = более 20 %
criterion-unknown-share-level-1 = 5–20 %
criterion-unknown-share-level-2 = 2–5 %
criterion-unknown-share-level-3 = менее 2 %
criterion-unknown-share-action = Сделать страну предыдущего или последующего проживания и гражданство обязательными полями статистической формы и выяснять пропущенные ответы.
# timeliness
criterion-timeliness-title = Своевременность
criterion-timeliness-question = Через сколько месяцев после окончания отчётного года публикуются данные?
criterion-timeliness-level-0 = более 24 месяцев после окончания года
criterion-timeliness-level-1 = в течение 24 месяцев
criterion-timeliness-level-2 = в течение 12 месяцев
criterion-timeliness-level-3 = в течение 6 месяцев после окончания года
criterion-timeliness-action = Публиковать годовые таблицы по миграции в течение шести месяцев после окончания отчётного года по объявленному календарю.
# periodicity
criterion-periodicity-title = Периодичность
criterion-periodicity-question = Как часто источник даёт данные о миграции?
criterion-periodicity-level-0 = не производятся
criterion-periodicity-level-1 = только при переписи или нерегулярно
criterion-periodicity-level-2 = раз в два года
criterion-periodicity-level-3 = ежегодно (или чаще)
criterion-periodicity-action = Составлять таблицы по миграции ежегодно.
# accessibility
criterion-accessibility-title = Доступность
criterion-accessibility-question = Как публикуются данные: машиночитаемые с метаданными, таблицы с примечаниями, PDF, по запросу?
criterion-accessibility-level-0 = только по запросу или не публикуются
criterion-accessibility-level-1 = только PDF
criterion-accessibility-level-2 = таблицы с примечаниями
criterion-accessibility-level-3 = машиночитаемые данные с метаданными
criterion-accessibility-action = Публиковать таблицы в машиночитаемом виде (CSV, PX-Web) с определениями и примечаниями.
# time_series_stability
criterion-time-series-stability-title = Сопоставимость временных рядов
criterion-time-series-stability-question = Сопоставимы ли ряды во времени: отмечены и объяснены ли изменения методики или источника?
criterion-time-series-stability-level-0 = сопоставимых рядов нет: методика многократно меняется без объяснений
criterion-time-series-stability-level-1 = разрывы рядов не отмечены
criterion-time-series-stability-level-2 = разрывы рядов отмечены и объяснены
criterion-time-series-stability-level-3 = необъяснённых разрывов нет
criterion-time-series-stability-action = Отмечать каждое изменение методики или источника как разрыв ряда (признак b), объяснять его в метаданных и по возможности публиковать пересчитанные ряды.

## Книга вопросника: заголовки столбцов и подсказки к ним.
column-country = Страна
column-country-help = Код ISO (KAZ) или название страны
column-synthetic = Синтетические данные
column-synthetic-help = да: демонстрационные данные, а не реальный обзор
column-country-notes = Примечания
column-country-notes-help = Обзор системы сбора данных о миграции в стране
column-review-date = Дата обзора
column-review-date-help = Дата обзора в виде ГГГГ-ММ-ДД; по ней оценивается своевременность
column-source-id = Код источника
column-source-id-help = Краткий и уникальный в пределах страны, например KAZ-REG
column-name = Название источника
column-name-help = Название источника данных
column-kind = Тип источника
column-kind-help = Выберите из списка
column-agency = Ведомство
column-agency-help = Кто ведёт источник и кто составляет статистику
column-measures = Что измеряет
column-measures-help = Потоки, численность, события или лица, и кого именно
column-feeds = Таблицы (годы)
column-feeds-help = Таблицы Клирингового центра с годами, через точку: 3 (2008–2012); 4 (2008–2012); 5.1
column-periodicity = Периодичность
column-periodicity-help = Выберите из списка
column-release-lag = Задержка публикации (мес.)
column-release-lag-help = Месяцев от конца отчётного года до публикации
column-population-covered = Охватываемое население
column-population-covered-help = Кто охвачен, словами
column-groups-covered = Охват групп
column-groups-covered-help = Выберите из списка
column-duration-rule = Критерий продолжительности, мес.
column-duration-rule-help = Срок пребывания, после которого человек считается мигрантом: 12, 9, 6, 3; 0 = без ограничения; 60 = постоянное; пусто = неизвестно
column-duration-basis = Основа продолжительности
column-duration-basis-help = Фактическое или предполагаемое пребывание
column-registration = Обязанность регистрации
column-registration-help = Обязаны ли люди регистрироваться по прибытии?
column-registration-days = Срок регистрации (дней)
column-registration-days-help = Сколько дней даётся на регистрацию
column-registration-note = Регистрация: подробности
column-registration-note-help = Кто обязан регистрироваться, санкции, исключения
column-deregistration = Обязанность снятия с учёта
column-deregistration-help = Обязаны ли люди сниматься с учёта при выезде?
column-deregistration-days = Срок снятия с учёта (дней)
column-deregistration-days-help = Сколько дней даётся на снятие с учёта
column-deregistration-note = Снятие с учёта: подробности
column-deregistration-note-help = Кто обязан сниматься с учёта, стимулы, снятие с учёта по решению органов
column-deregistration-third-country = Снятие с учёта граждан третьих стран
column-deregistration-third-country-help = Обязаны ли иностранцы из-за пределов региона (граждане третьих стран) сниматься с учёта при выезде: да, нет или неизвестно
column-third-country-monitoring = Контроль пребывания граждан третьих стран
column-third-country-monitoring-help = Отслеживается ли их пребывание (истекающие разрешения, проверки), так что выезд учитывается и без снятия с учёта: да, нет или неизвестно
column-administrative-corrections = Административные исправления
column-administrative-corrections-help = Снимаются ли с учёта после проверки те, кто выехал, не снявшись с учёта: да, нет или неизвестно
answer-yes = Да
answer-no = Нет
answer-unknown = Неизвестно
column-publication = Публикация
column-publication-help = Выберите из списка
column-notes = Примечания
column-notes-help = Всё, что ещё следует знать эксперту
column-source-id-2 = Код источника
column-source-id-2-help = Как на листе Источники (Sources)
column-criterion = Критерий
column-criterion-help = Выберите из списка
column-suggested-score = Предложенная оценка
column-suggested-score-help = Вычислена по данным; для сведения
column-suggested-why = Обоснование предложения
column-suggested-why-help = Почему данные указывают на эту оценку; для сведения
column-score = Оценка (0–3)
column-score-help = 0–3, см. шкалу на листе Instructions; пусто = без оценки
column-reason = Причина иной оценки
column-reason-help = Обязательна, если оценка отличается от предложенной
column-evidence = Обоснование
column-evidence-help = На чём основана оценка, своими словами
column-suggestion-data = Данные предложения
column-suggestion-data-help = Скрыто: предложение в формате migreview; не изменять

## Книга вопросника: ответы, проверки ячейки, лист инструкций.
questionnaire-yes = да
questionnaire-no = нет
questionnaire-not-accepted = Недопустимо
questionnaire-pick-from-list = Выберите значение из списка.
questionnaire-score-range = Оценка от 0 до 3.
questionnaire-lag-range = Целое число месяцев, 0–600.
questionnaire-duration-range = Целое число месяцев, 0–60 (0 = без ограничения, 60 = постоянное).
questionnaire-days-range = Целое число дней, 0–3650.
questionnaire-criterion = Критерий
questionnaire-dimension = Измерение ESS
questionnaire-question = Вопрос
questionnaire-instructions-title = migreview — анкета об источниках статистики международной миграции
questionnaire-instructions-about = В этой книге описываются источники данных о миграции в стране и даётся оценка каждому из них. Книга считывается программой migreview.
questionnaire-instructions-countries = • Страны (Countries): по строке на страну, с обзором системы сбора данных о миграции.
questionnaire-instructions-sources = • Источники (Sources): по строке на источник данных (перепись, регистрация населения, учёт иностранцев и разрешений, пограничная статистика, обследования, учёт лиц, ищущих убежища, консульский учёт…).
questionnaire-instructions-scores = • Оценки (Scores): по строке на источник и критерий. Поставьте оценку от 0 до 3 (см. шкалу ниже) и укажите, на чём она основана. Если показана оценка, предложенная по данным, а вы ставите другую, укажите причину.
questionnaire-instructions-layout = Не меняйте названия листов и строки заголовков. Где в ячейке есть список, выбирайте значение из него. Серые столбцы — для сведения, они не считываются.
questionnaire-instructions-tables = Таблицы (годы): таблицы Клирингового центра, для которых источник даёт данные, через точку, например 3 (2008–2012); 4 (2008–2012); 5.1
questionnaire-instructions-duration = Критерий продолжительности (мес.): срок пребывания, после которого человек считается мигрантом: 12, 9, 6, 3; 0 = без ограничения; 60 = «постоянное» место жительства; пусто = неизвестно.

## Что следует за названием страны, оценённой по синтетическим данным.
assessment-synthetic-notice = {" "}— СИНТЕТИЧЕСКИЕ ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ

## The instructions sheet: the table of columns.
questionnaire-column = Столбец
questionnaire-meaning = Значение

## Suggestions from the data: the evidence behind each suggested score.
# $list: the table codes ("3, 4 и 5.1"); $count: how many they are. Prepositional case.
suggest-tables = { $count ->
    [1] таблице { $list }
   *[other] таблицах { $list }
}
# How long a stay counts as migration; $months is a number of months.
suggest-duration-no-limit = без ограничения срока (все зарегистрировавшиеся)
suggest-duration-permanent = только при смене «постоянного» места жительства
suggest-duration-months = после { $months } мес. пребывания
suggest-definition-unknown = Критерий продолжительности неизвестен: его не указывают ни описание источника, ни данные.
# Where the duration rule was taken from ($origin below).
suggest-origin-data = продолжительность, указанная в данных
suggest-origin-inventory = описание источника
# $duration: suggest-duration-…; $basis: the duration basis in lower case.
suggest-definition = Мигрантами считаются лица { $duration } ({ $basis }; источник сведений: { $origin }); ООН рекомендует 12 месяцев обычного проживания.
suggest-definition-data-differs = {" "}В данных указано { $data } мес., а не { $stated }.
suggest-definition-rule = {" "}Правило: 12 месяцев → 3; от 6 до 12 месяцев или только предполагаемое пребывание → 2; 3 месяца или без ограничения → 1; «постоянное» или неизвестно → 0.
# One duration rule and the years it held: "6 мес. в 2012–2015".
suggest-rule-years = { $months } мес. в { $years }
# $list: the rules by years (suggest-rule-years); $period: the years of the least comparable rule.
suggest-definition-changing = В разные годы данные указывают разные критерии продолжительности: { $list }. Годы до и после изменения несопоставимы, и уровень определяет наименее сопоставимый критерий: в { $period } мигрантами считались лица { $duration } ({ $basis }); ООН рекомендует 12 месяцев обычного проживания.
suggest-definition-inventory-states = {" "}В описании источника указано { $months } мес.
# The bands of the emigration ratio (Э/И: emigration ÷ partners' immigration).
suggest-emigration-rule = {" "}Правило: Э/И ≥ { $b3 } → 3, { $b2 }–{ $b3 } → 2, { $b1 }–{ $b2 } → 1, ниже { $b1 } или нет данных об эмиграции → 0.
# $name: the country; $tables: suggest-tables; $rule: suggest-emigration-rule.
suggest-no-emigration = В данных нет эмиграции ({ $name }) в { $tables } за годы, которые даёт источник.{ $rule }
# $ratio: emigration ÷ partners' immigration; $reported: the country's emigration; $partner_reported: the partners' immigration.
# Russian says «страны» instead of the name.
suggest-emigration = Эмиграция по данным { $name ->
   *[other] страны
} составляет { $ratio } иммиграции из неё, учтённой странами-партнёрами ({ $period }: { $reported } против { $partner_reported })
suggest-emigration-times = : партнёры учитывают в { $times } раза больше прибытий, чем страна — выбытий
# $list: "2012 0,41, 2013 0,39".
suggest-emigration-by-year = {" "}По годам: { $list }.
# $field: suggest-field-…; $value: the answer of the inventory; $level: what the level means.
suggest-from-field = По описанию источника: { $field } — «{ $value }». Уровень { $score }: { $level }.
suggest-field-coverage = охват групп
suggest-field-periodicity = периодичность
suggest-field-publication = публикация
suggest-consistency-none = Ни одна проверка сумм и межтабличных соотношений (A1–A4, C1–C6, D1–D3) не выявила ошибок в { $tables }.
# $failures: failed cases; $checks: "A1 ×3, C4 ×1"; $small: the small deviation (a percentage);
# $larger: the cases that deviate by more.
suggest-consistency-fail = Проверок согласованности, не пройденных в { $tables }: { $failures } ({ $checks }); с отклонением больше { $small } (или вне допустимых пределов): { $larger }
suggest-consistency-largest = {" "}(наибольшее отклонение итога { $deviation })
# $example: the message of the worst case, without its full stop.
suggest-consistency-example = . Например: { $example }.
# $many: from how many larger deviations the tables contradict each other.
suggest-consistency-rule = {" "}Правило: ошибок нет → 3; все отклонения не более { $small } → 2; есть большие отклонения → 1; { $many } и более больших отклонений (таблицы противоречат друг другу) → 0.
# What the breakdowns of the data give, by the level they reach.
suggest-breakdown-3 = страну-партнёра (или статус) по полу и возрастным группам
suggest-breakdown-2 = страну-партнёра (или статус) по полу, но не по возрастным группам
suggest-breakdown-1 = итоги по странам-партнёрам (или статусу) без разбивки стран по полу
suggest-breakdown-0 = только итоги
suggest-yes = да
suggest-no = нет
# $what: suggest-breakdown-…; $sex, $age, $partner: suggest-yes or suggest-no.
suggest-disaggregation = Данные в { $tables } дают { $what } (пол: { $sex }, возраст: { $age }, страна-партнёр: { $partner }). Правило: пол × возраст × партнёр → 3; пол × партнёр → 2; итоги по партнёрам → 1; только итоги → 0.
# What is unknown in a table (weakness-unknown-share and suggest-unknown-share name it).
suggest-unknown-previous-residence = с неизвестной страной предыдущего проживания
suggest-unknown-next-residence = с неизвестной страной последующего проживания
suggest-unknown-citizenship = с неизвестным гражданством
suggest-unknown-birth = с неизвестной страной рождения
suggest-unknown-place-of-birth = с неизвестным местом рождения
suggest-unknown-citizenship-status = с неизвестным гражданством
# The bands of the unknown share, as percentages.
suggest-unknown-share-rule = {" "}Правило: менее { $b3 } → 3, { $b3 }–{ $b2 } → 2, { $b2 }–{ $b1 } → 1, более { $b1 } → 0.
suggest-u1-flagged = {" "}Случаев, отмеченных проверкой U1: { $cases }.
suggest-u1-none = {" "}Проверка U1 не выявила случаев.
# $rule: suggest-unknown-share-rule.
suggest-unknown-share-u1 = Таблиц нет в данных, но проверка U1 отметила большую долю неизвестных в { $tables } (случаев: { $cases }).{ $rule }
# $what: suggest-unknown-…; $unknown and $total: persons.
suggest-unknown-share = Доля лиц { $what } в таблице { $table } ({ $period }) — { $share } ({ $unknown } из { $total }).
# $list: "3 1,2 %, 5.1 0,4 %".
suggest-unknown-share-others = {" "}Другие таблицы: { $list }.
suggest-timeliness-rule = {" "}Правило: не более { $b3 } мес. → 3, { $b2 } мес. → 2, { $b1 } мес. → 1, более { $b1 } мес. → 0.
# $review: the review date; $months: months from the end of $year to it.
suggest-timeliness-latest = Последний год в данных в { $tables } — { $year }; дата обзора { $review } наступила через { $months } мес. после окончания этого года. Это верхняя граница задержки публикации: к дате обзора эти данные уже были опубликованы.
suggest-timeliness-lag-stated = {" "}По описанию источника задержка публикации — { $lag } мес.
# $rule: suggest-timeliness-rule.
suggest-timeliness-inventory = По описанию источника: данные публикуются через { $lag } мес. после окончания отчётного года.{ $rule }
# $jumps: how many jumps; $years: their years.
suggest-stability-jumps = Скачков от года к году, не отмеченных как разрыв ряда (T1): { $jumps } (годы { $years }).
suggest-stability-breaks = Разрывы рядов отмечены (T3 или признак b): { $years }.
suggest-stability-none = В { $tables } нет разрывов рядов и необъяснённых скачков (T1, T3).
suggest-stability-not-run = {" "}Проверки T1 и T3 не выполнялись.
suggest-stability-rule = {" "}Правило: разрывов нет → 3; разрывы отмечены → 2; неотмеченные скачки → 1.
institution-government = Государственный орган
institution-non-profit = Некоммерческая организация
institution-academic = Научная организация
institution-international = Международная организация
institution-other = Другое
