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
