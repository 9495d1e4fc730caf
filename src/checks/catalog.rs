//! The check catalogue (`docs/checks.md`): for every code its title, default severity, ESS
//! quality dimension and validation level, and its explanations in English and Russian (what it
//! tests, why it matters for migration data, what to look at). The CLI, the GUI and the reports
//! all read the texts from here.

use super::finding::{CheckCode, Dimension, Severity};
use crate::model::Lang;

/// The texts of one language for one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    pub title: &'static str,
    /// What the check tests.
    pub what: &'static str,
    /// Why it matters for migration data.
    pub why: &'static str,
    /// What to look at when it fails.
    pub look_at: &'static str,
}

/// One entry of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct CatalogEntry {
    pub code: CheckCode,
    pub severity: Severity,
    pub dimension: Dimension,
    /// ESS validation level 0–5.
    pub level: u8,
    pub en: Texts,
    pub ru: Texts,
}

impl CatalogEntry {
    pub fn title(&self, lang: Lang) -> &'static str {
        self.texts(lang).title
    }

    pub fn texts(&self, lang: Lang) -> &Texts {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// A check explained to a reviewer or a trainer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    pub title: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub look_at: &'static str,
}

/// The explanation of a check in a language.
pub fn explain(code: CheckCode, lang: Lang) -> Explanation {
    let texts = entry(code).texts(lang);
    Explanation {
        title: texts.title,
        what: texts.what,
        why: texts.why,
        look_at: texts.look_at,
    }
}

/// The catalogue, in the order of `CheckCode::ALL`.
pub const CATALOG: [CatalogEntry; 28] = [
    CatalogEntry {
        code: CheckCode::S1,
        severity: Severity::Error,
        dimension: Dimension::Accessibility,
        level: 0,
        en: Texts {
            title: "Every observation has a known table, reporter, year, sex and category",
            what: "Every reporting country, partner country, status category and age group is recognised: a code or name migreview can place (ISO codes, English or Russian names and their usual variants, historical states, aggregates). Labels that cannot be placed are listed with the closest known names.",
            why: "A partner written one way in one year and another way the next splits one series into two and drops the flow from sums by country and from mirror comparisons. Misspelt or home-made labels are the first source of silent errors when tables from different offices are put together.",
            look_at: "The suggested names. If the label is a known country spelt differently, correct the file or map the label in the import options; if it is a group of countries, record it as an aggregate so that it is never added to country sums.",
        },
        ru: Texts {
            title: "У каждого наблюдения известны таблица, страна, год, пол и категория",
            what: "Каждая отчитывающаяся страна, страна-партнёр, категория статуса и возрастная группа распознана: это код или название, которое migreview может сопоставить (коды ISO, русские и английские названия и их обычные варианты, исторические государства, агрегаты). Нераспознанные обозначения перечисляются вместе с ближайшими известными названиями.",
            why: "Если страна-партнёр в один год записана одним образом, а в другой — иначе, один ряд распадается на два, а поток выпадает из сумм по странам и из зеркальных сравнений. Опечатки и самодельные обозначения — первый источник незаметных ошибок при объединении таблиц разных ведомств.",
            look_at: "Предложенные названия. Если это известная страна в другом написании, исправьте файл или задайте соответствие в параметрах импорта; если это группа стран, отметьте её как агрегат, чтобы она никогда не суммировалась со странами.",
        },
    },
    CatalogEntry {
        code: CheckCode::S2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
        en: Texts {
            title: "No two observations share a key with different values",
            what: "Each combination of table, reporting country, year, sex, age group and category appears once. Two observations with the same key and different values are an error; an exact repeat is reported once, as information.",
            why: "When one cell is given twice with different numbers (a revised sheet pasted under the old one, two sources for one year), every sum, ratio and mirror comparison silently takes one of them. Which figure is the official one is for the reviewer to decide, not for the software.",
            look_at: "Both places named in the message: provisional and revised versions of one table, a sheet copied twice, or a breakdown labelled with the wrong sex or age group.",
        },
        ru: Texts {
            title: "Нет двух наблюдений с одним ключом и разными значениями",
            what: "Каждое сочетание таблицы, отчитывающейся страны, года, пола, возрастной группы и категории встречается один раз. Два наблюдения с одним ключом и разными значениями — ошибка; точный повтор сообщается один раз, для сведения.",
            why: "Если одна ячейка дана дважды с разными числами (уточнённый лист вставлен под прежним, два источника за один год), все суммы, отношения и зеркальные сравнения незаметно берут одно из них. Какое число официальное, решает эксперт, а не программа.",
            look_at: "Оба места, указанные в сообщении: предварительную и уточнённую версии таблицы, дважды скопированный лист, разбивку с неверно указанным полом или возрастной группой.",
        },
    },
    CatalogEntry {
        code: CheckCode::S3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 0,
        en: Texts {
            title: "Values are numbers or explicit missing markers",
            what: "A value cell holds a number or an explicit marker of a missing value (empty, \"..\", \":\", \"-\", \"x\", \"n/a\"). Any other text (\"approx. 500\", \"see note\", \"12 345*\") is reported with its cell.",
            why: "Text in a value cell is neither a number nor a declared gap: reading it as zero would invent data, dropping it silently would hide what the office meant. In migration tables missing is never zero: a zero flow is a statement, a missing one is not.",
            look_at: "The cell itself: a footnote mark glued to a number, a comment typed into the table, a range such as \"100-200\". Move notes to a notes column and keep the value a plain number or missing marker.",
        },
        ru: Texts {
            title: "Значения — числа или явные обозначения пропуска",
            what: "В ячейке значения — число или явное обозначение пропуска (пусто, «..», «:», «-», «x», «н/д»). Любой другой текст («около 500», «см. примечание», «12 345*») сообщается с указанием ячейки.",
            why: "Текст в ячейке значения — не число и не объявленный пропуск: считать его нулём значит придумать данные, молча отбросить — скрыть, что имело в виду ведомство. В миграционных таблицах пропуск никогда не равен нулю: нулевой поток — это утверждение, пропуск — нет.",
            look_at: "Саму ячейку: знак сноски рядом с числом, комментарий в таблице, интервал вроде «100-200». Примечания перенесите в отдельный столбец, а в ячейке значения оставьте число или обозначение пропуска.",
        },
    },
    CatalogEntry {
        code: CheckCode::N1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Counts are not negative",
            what: "Stocks and flows of persons are counts and cannot be below zero.",
            why: "A negative count usually is a net figure (immigration minus emigration), a register correction entered as a flow, a balancing item or a mistyped sign. It breaks every sum and ratio built on it.",
            look_at: "Whether the table really holds gross flows, and whether net migration or a register correction was entered in a flow table.",
        },
        ru: Texts {
            title: "Численность не отрицательна",
            what: "Численность населения и число мигрантов — это количество людей, оно не может быть меньше нуля.",
            why: "Отрицательное значение обычно означает сальдо (иммиграция минус эмиграция), корректировку регистра, внесённую как поток, балансирующую статью или ошибочно поставленный знак. Оно искажает все суммы и отношения, построенные на нём.",
            look_at: "Содержит ли таблица валовые потоки; не внесены ли в таблицу потоков сальдо миграции или корректировка регистра.",
        },
    },
    CatalogEntry {
        code: CheckCode::N2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Counts are whole numbers",
            what: "Counts of persons are whole numbers, unless flagged as estimates (flag e), such as survey-weighted or modelled figures.",
            why: "Decimals in a register count show that the figure was computed (weighted, averaged, converted from thousands), and that should be said. An unflagged decimal may also be a unit problem: thousands mixed with persons.",
            look_at: "The unit of the table (persons or thousands), whether the figure is a survey estimate to flag with e, and rounding in the source spreadsheet.",
        },
        ru: Texts {
            title: "Численность — целые числа",
            what: "Численность людей — целые числа, если значения не отмечены как оценки (признак e), например взвешенные данные обследований или модельные расчёты.",
            why: "Дроби в регистровых данных показывают, что число рассчитано (взвешено, усреднено, пересчитано из тысяч), и об этом следует сказать. Неотмеченная дробь может указывать и на смешение единиц: тысячи вместе с людьми.",
            look_at: "Единицы таблицы (человек или тысяч), не является ли значение оценкой обследования, которую нужно отметить признаком e, округление в исходной таблице.",
        },
    },
    CatalogEntry {
        code: CheckCode::A1,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Men and women add up to the total",
            what: "For every cell, total = men + women (+ sex unknown, where given), within the rounding tolerance. If only one of men and women is given, the case cannot be evaluated.",
            why: "The sex breakdown is the first identity users rely on. A mismatch means one of the figures comes from another extraction, date or definition; it is also the most frequent copy-and-paste slip in the workbooks sent to the Clearinghouse.",
            look_at: "The cells named in the message; whether the total includes persons of unknown sex; whether columns were shifted in one year.",
        },
        ru: Texts {
            title: "Мужчины и женщины в сумме дают итог",
            what: "Для каждой ячейки итог = мужчины + женщины (+ пол не указан, если дано) с учётом допуска на округление. Если дано только одно из значений «мужчины» и «женщины», случай оценить нельзя.",
            why: "Разбивка по полу — первое тождество, на которое опираются пользователи. Расхождение означает, что одно из чисел взято из другой выгрузки, на другую дату или по другому определению; это и самая частая ошибка копирования в таблицах, присылаемых в Клиринговый центр.",
            look_at: "Ячейки из сообщения; включает ли итог лиц с неуказанным полом; не сдвинуты ли столбцы в одном из лет.",
        },
    },
    CatalogEntry {
        code: CheckCode::A2,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Age groups add up to the total",
            what: "The all-ages total equals the sum of the age groups given, \"age unknown\" included.",
            why: "Age tables are often produced from a separate extraction or with another age definition (age reached or completed age). A gap shows lost records or an open-ended group counted twice. Eurostat validates exactly this identity (VTL rule: values for aggregates are consistent with details).",
            look_at: "Missing or overlapping age groups (85+ and 80+ both given), the age-unknown row, and whether the total comes from another extraction.",
        },
        ru: Texts {
            title: "Возрастные группы в сумме дают итог",
            what: "Итог по всем возрастам равен сумме данных возрастных групп, включая «возраст не указан».",
            why: "Таблицы по возрасту часто готовятся по отдельной выгрузке или с другим определением возраста (исполнившийся возраст или возраст на конец года). Расхождение указывает на потерянные записи или дважды учтённую открытую группу. Евростат проверяет именно это тождество (правило VTL: агрегаты согласуются с детализацией).",
            look_at: "Пропущенные или перекрывающиеся группы (одновременно «85+» и «80+»), строку «возраст не указан», не взят ли итог из другой выгрузки.",
        },
    },
    CatalogEntry {
        code: CheckCode::A3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Partner countries add up to the total",
            what: "In tables 1.2, 2.2, 3, 4, 5.2, 6.2 and 7.2 the TOTAL row equals the sum of countries, historical states (USSR, Yugoslavia…), STATELESS, UNK and OTHER. Groups of countries and regions (EU27_2020, CIS, \"Asia\") never count as parts.",
            why: "The country detail is what mirror statistics and coverage are built on. If the partners do not add up, either countries were cut from the table (a \"top 20\" list) or groups were mixed in with countries and are counted twice.",
            look_at: "Whether the table lists all partners or a selection, whether a regional subtotal sits among the countries, and whether the UNK and OTHER rows are there.",
        },
        ru: Texts {
            title: "Страны-партнёры в сумме дают итог",
            what: "В таблицах 1.2, 2.2, 3, 4, 5.2, 6.2 и 7.2 строка «Итого» равна сумме стран, исторических государств (СССР, Югославия…), лиц без гражданства, UNK и OTHER. Группы стран и регионы (EU27_2020, СНГ, «Азия») слагаемыми не считаются.",
            why: "Именно на разбивке по странам строятся зеркальная статистика и оценка охвата. Если страны не дают итога, значит, часть стран отрезана (список «топ-20») либо группы стран смешаны со странами и учтены дважды.",
            look_at: "Приведены ли все страны-партнёры или только выборка, нет ли среди стран региональных подытогов, есть ли строки UNK и OTHER.",
        },
    },
    CatalogEntry {
        code: CheckCode::A4,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Status categories add up to the total",
            what: "1.1: total = native-born + foreign-born (+ unknown). 2.1, 5.1, 6.1: total = citizens + non-citizens (+ unknown), and non-citizens = foreign citizens + stateless where all three are given. 7.1: total = sum of its statuses.",
            why: "Status tables split the population or the flow into groups that must be exhaustive and must not overlap. A gap often shows that stateless persons or persons of undetermined citizenship were left out, or counted both as stateless and as foreigners.",
            look_at: "How stateless persons and unknown citizenship are counted, and whether the status breakdown and the total come from the same date and source.",
        },
        ru: Texts {
            title: "Категории статуса в сумме дают итог",
            what: "1.1: итог = уроженцы страны + родившиеся за рубежом (+ не указано). 2.1, 5.1, 6.1: итог = граждане + неграждане (+ не указано), а неграждане = иностранные граждане + лица без гражданства, если даны все три. 7.1: итог = сумма категорий статуса.",
            why: "Таблицы по статусу делят население или поток на группы, которые должны охватывать всех и не пересекаться. Расхождение часто показывает, что лица без гражданства или с неопределённым гражданством пропущены либо учтены и как лица без гражданства, и как иностранцы.",
            look_at: "Как учтены лица без гражданства и с неизвестным гражданством; относятся ли разбивка по статусу и итог к одной дате и одному источнику.",
        },
    },
    CatalogEntry {
        code: CheckCode::C1,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Foreign-born by country of birth (1.2) matches foreign-born in 1.1",
            what: "The total of table 1.2 (its TOTAL row, else the sum of countries of birth) equals the foreign-born of table 1.1 for the same reporting country, year, sex and age.",
            why: "Both figures count the same people. A difference shows that 1.2 covers selected countries only, that persons with unknown country of birth were dropped, or that the tables come from different sources (census and register).",
            look_at: "Missing countries or a missing UNK row in 1.2, and the source and reference date of both tables.",
        },
        ru: Texts {
            title: "Родившиеся за рубежом по странам (1.2) совпадают с таблицей 1.1",
            what: "Итог таблицы 1.2 (строка «Итого», а если её нет — сумма по странам рождения) равен численности родившихся за рубежом в таблице 1.1 для той же страны, года, пола и возраста.",
            why: "Оба числа считают одних и тех же людей. Расхождение показывает, что 1.2 охватывает лишь выбранные страны, что лица с неизвестной страной рождения выпали или что таблицы взяты из разных источников (перепись и регистр).",
            look_at: "Недостающие страны или отсутствие строки UNK в 1.2, источник и дату обеих таблиц.",
        },
    },
    CatalogEntry {
        code: CheckCode::C2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Foreigners by citizenship (2.2) match non-citizens in 2.1",
            what: "The total of table 2.2 equals the non-citizens of table 2.1 (the foreign citizens where 2.1 has no non-citizens row). Stateless persons that 2.1 gives apart and 2.2 does not list are added to the partners of 2.2.",
            why: "Table 2.2 should count every non-citizen by citizenship, stateless persons included. A difference usually means stateless persons are in one table and not in the other, or that 2.2 lists selected citizenships only.",
            look_at: "The STATELESS row of 2.2, whether 2.1 gives foreign citizens and stateless persons separately, and whether both tables refer to the same date.",
        },
        ru: Texts {
            title: "Иностранцы по гражданству (2.2) совпадают с негражданами в 2.1",
            what: "Итог таблицы 2.2 равен численности неграждан в таблице 2.1 (иностранных граждан, если строки «неграждане» в 2.1 нет). Лица без гражданства, которые 2.1 приводит отдельно, а 2.2 не перечисляет, добавляются к странам-партнёрам 2.2.",
            why: "Таблица 2.2 должна учитывать всех неграждан по гражданству, включая лиц без гражданства. Расхождение обычно означает, что лица без гражданства учтены в одной таблице и не учтены в другой или что в 2.2 приведены лишь отдельные страны гражданства.",
            look_at: "Строку STATELESS в 2.2, даны ли в 2.1 иностранные граждане и лица без гражданства раздельно, относятся ли обе таблицы к одной дате.",
        },
    },
    CatalogEntry {
        code: CheckCode::C3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Total population is the same in 1.1 and 2.1",
            what: "The total of 1.1 (by place of birth) equals the total of 2.1 (by citizenship) for the same reporting country, year, sex and age.",
            why: "Both are the whole resident population on one date. A difference means different sources, dates or population definitions (present or usual residence), and then shares computed from the two tables are not comparable. It is a warning because offices sometimes publish the two breakdowns from different sources on purpose.",
            look_at: "The source and reference date of each table and the definition of the resident population.",
        },
        ru: Texts {
            title: "Общая численность населения одинакова в 1.1 и 2.1",
            what: "Итог таблицы 1.1 (по месту рождения) равен итогу таблицы 2.1 (по гражданству) для той же страны, года, пола и возраста.",
            why: "Оба числа — всё постоянное население на одну дату. Расхождение означает разные источники, даты или определения населения (наличное или постоянное), и тогда доли, рассчитанные по двум таблицам, несопоставимы. Это предупреждение, потому что ведомства иногда сознательно публикуют две разбивки по разным источникам.",
            look_at: "Источник и дату каждой таблицы, определение постоянного населения.",
        },
    },
    CatalogEntry {
        code: CheckCode::C4,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Flow totals agree: 5.1 with 3, 6.1 with 4",
            what: "Total immigration by citizenship (5.1) equals total immigration by country of previous residence (3); total emigration by citizenship (6.1) equals total emigration by country of next residence (4).",
            why: "The tables are two breakdowns of one flow. A difference means different extractions, or that returning citizens or persons with unknown previous residence are counted in only one of them.",
            look_at: "Whether tables 3/4 and 5.1/6.1 use the same source, the same duration-of-stay rule and the same treatment of own citizens.",
        },
        ru: Texts {
            title: "Итоги потоков согласованы: 5.1 с 3, 6.1 с 4",
            what: "Общая иммиграция по гражданству (5.1) равна общей иммиграции по стране предыдущего проживания (3); общая эмиграция по гражданству (6.1) равна общей эмиграции по стране последующего проживания (4).",
            why: "Это две разбивки одного потока. Расхождение означает разные выгрузки или то, что вернувшиеся граждане или лица с неизвестной страной предыдущего проживания учтены лишь в одной из таблиц.",
            look_at: "Один ли источник, один ли критерий срока пребывания и одинаково ли учтены собственные граждане в таблицах 3/4 и 5.1/6.1.",
        },
    },
    CatalogEntry {
        code: CheckCode::C5,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Non-citizen flows by citizenship (5.2, 6.2) match 5.1 and 6.1",
            what: "The total of 5.2 equals non-citizen immigration in 5.1; the total of 6.2 equals non-citizen emigration in 6.1 (the foreign citizens where no non-citizens row is given). Stateless persons that 5.1 or 6.1 gives apart and 5.2 or 6.2 does not list are added to the partners.",
            why: "Tables 5.2 and 6.2 break the non-citizen flow down by citizenship. If own citizens were mixed in, or stateless persons left out, the totals disagree.",
            look_at: "Whether own citizens appear in 5.2 or 6.2 (see P3), the STATELESS row, and the definition of non-citizens in 5.1 and 6.1.",
        },
        ru: Texts {
            title: "Потоки неграждан по гражданству (5.2, 6.2) совпадают с 5.1 и 6.1",
            what: "Итог 5.2 равен иммиграции неграждан в 5.1; итог 6.2 равен эмиграции неграждан в 6.1 (иностранных граждан, если строки «неграждане» нет). Лица без гражданства, которые 5.1 или 6.1 приводит отдельно, а 5.2 или 6.2 не перечисляет, добавляются к странам-партнёрам.",
            why: "Таблицы 5.2 и 6.2 раскладывают поток неграждан по гражданству. Если туда попали собственные граждане или, наоборот, не попали лица без гражданства, итоги расходятся.",
            look_at: "Нет ли собственных граждан в 5.2 или 6.2 (см. P3), строку STATELESS и определение неграждан в 5.1 и 6.1.",
        },
    },
    CatalogEntry {
        code: CheckCode::C6,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Acquisitions by previous citizenship (7.2) match the 7.1 total",
            what: "The total of table 7.2 equals total acquisitions of citizenship in 7.1.",
            why: "Both tables count the same acquisitions. A difference means some former citizenships were left out, or the two tables come from different registers.",
            look_at: "Missing former citizenships and the STATELESS and UNK rows of 7.2.",
        },
        ru: Texts {
            title: "Приобретения по прежнему гражданству (7.2) совпадают с итогом 7.1",
            what: "Итог таблицы 7.2 равен общему числу приобретений гражданства в 7.1.",
            why: "Обе таблицы считают одни и те же приобретения. Расхождение означает, что часть прежних гражданств пропущена или таблицы взяты из разных регистров.",
            look_at: "Недостающие прежние гражданства и строки STATELESS и UNK в 7.2.",
        },
    },
    CatalogEntry {
        code: CheckCode::P1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "No flow from a country to itself",
            what: "In tables 3 and 4 the reporting country does not appear as its own country of previous or next residence with a positive value (0 or empty passes).",
            why: "A migrant changes country of residence, so Kazakhstan cannot report immigration from Kazakhstan. Such rows usually hold returning citizens coded by citizenship instead of by residence, or internal moves mixed into international migration.",
            look_at: "Whether the row holds returning nationals (they belong to the country they came from or go to) or internal migration.",
        },
        ru: Texts {
            title: "Нет потока из страны в саму себя",
            what: "В таблицах 3 и 4 отчитывающаяся страна не указана как собственная страна предыдущего или последующего проживания с положительным значением (0 или пусто допускается).",
            why: "Мигрант меняет страну проживания, поэтому Казахстан не может сообщать об иммиграции из Казахстана. В таких строках обычно оказываются вернувшиеся граждане, учтённые по гражданству, а не по стране проживания, или внутренние перемещения, смешанные с международной миграцией.",
            look_at: "Не содержит ли строка вернувшихся граждан (их нужно отнести к стране, откуда они прибыли или куда выбыли) или внутренних мигрантов.",
        },
    },
    CatalogEntry {
        code: CheckCode::P2,
        severity: Severity::Error,
        dimension: Dimension::Coherence,
        level: 1,
        en: Texts {
            title: "Parts do not exceed their whole (foreign-born, non-citizens, acquisitions)",
            what: "Foreign-born ≤ total population (1.1); non-citizens ≤ total population (2.1); acquisitions of citizenship in year t (7.1) ≤ non-citizens on 1 January of t (2.1).",
            why: "A part larger than its whole is impossible. It shows mixed units, dates or definitions, for example acquisitions taken from a register that includes persons who do not live in the country.",
            look_at: "Units (persons or thousands), reference dates, and whether the compared tables cover the same population.",
        },
        ru: Texts {
            title: "Части не превышают целое (родившиеся за рубежом, неграждане, приобретения)",
            what: "Родившиеся за рубежом ≤ всё население (1.1); неграждане ≤ всё население (2.1); приобретения гражданства за год t (7.1) ≤ неграждане на 1 января года t (2.1).",
            why: "Часть больше целого невозможна. Это признак смешения единиц, дат или определений, например если приобретения взяты из регистра, включающего лиц, не проживающих в стране.",
            look_at: "Единицы (человек или тысяч), даты, охватывают ли сравниваемые таблицы одно и то же население.",
        },
    },
    CatalogEntry {
        code: CheckCode::P3,
        severity: Severity::Error,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "The reporting country is not a citizenship of its own foreigners",
            what: "In the tables of non-citizens by citizenship (2.2, 5.2, 6.2) and of acquisitions by previous citizenship (7.2), the reporting country itself does not appear with a positive value.",
            why: "A country's own citizens are not foreigners, and nobody acquires a citizenship they already hold. Such rows usually hold own citizens entered by mistake, or dual citizens.",
            look_at: "Whether own citizens or dual citizens were included; they belong under CITIZENS in the status table.",
        },
        ru: Texts {
            title: "Страна не указана как гражданство собственных иностранцев",
            what: "В таблицах неграждан по гражданству (2.2, 5.2, 6.2) и приобретений по прежнему гражданству (7.2) отчитывающаяся страна не указана с положительным значением.",
            why: "Собственные граждане страны не являются иностранцами, и никто не приобретает гражданство, которое у него уже есть. Обычно в таких строках по ошибке оказываются граждане страны или лица с двойным гражданством.",
            look_at: "Не включены ли граждане или лица с двойным гражданством; их место — в категории «граждане» таблицы по статусу.",
        },
    },
    CatalogEntry {
        code: CheckCode::U1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 1,
        en: Texts {
            title: "Share of unknown categories is small",
            what: "The share of UNK (unknown partner country) among the partners of a by-country table, UNKNOWN (unknown status) among the statuses of tables 1.1, 2.1, 5.1, 6.1 and 7.1, sex U (unknown) in the total of both sexes, or age UNK (unknown) in the total of all ages: warning above 5 %, error above 20 %. A total of 0 passes when nothing is unknown; the share cannot be checked when the unknown is not 0 there, or when the total or the unknown is missing or not reported.",
            why: "An unknown partner cannot be paired with any country, so a large UNK share hides mirror discrepancies and lowers every bilateral flow; an unknown sex, age or status leaves the same gap in the breakdowns by sex, age and status. Large unknown shares in emigration are typical where departures are recorded without a destination, for example when people found absent are removed from the register.",
            look_at: "How departures with unknown destination are recorded, and whether the unknown share grew after a change of source or procedure.",
        },
        ru: Texts {
            title: "Доля неизвестных категорий невелика",
            what: "Доля UNK (неизвестная страна-партнёр) среди стран-партнёров таблицы по странам, UNKNOWN (неизвестный статус) среди категорий статуса таблиц 1.1, 2.1, 5.1, 6.1 и 7.1, пола U (не указан) в итоге по обоим полам или возраста UNK (не указан) в итоге по всем возрастам: предупреждение выше 5 %, ошибка выше 20 %. Итог, равный 0, проходит проверку, если неизвестных нет; если неизвестные при этом есть или итог либо неизвестная категория пропущены или не указаны, проверка невозможна.",
            why: "Неизвестного партнёра нельзя сопоставить ни с одной страной, поэтому большая доля UNK скрывает зеркальные расхождения и занижает каждый двусторонний поток; неизвестные пол, возраст или статус оставляют такой же пробел в разбивках по полу, возрасту и статусу. Большая доля неизвестных в эмиграции типична там, где выбытие регистрируется без страны назначения, например при снятии с учёта отсутствующих.",
            look_at: "Как учитывается выбытие с неизвестной страной назначения; не выросла ли доля неизвестных после смены источника или процедуры.",
        },
    },
    CatalogEntry {
        code: CheckCode::U2,
        severity: Severity::Info,
        dimension: Dimension::Relevance,
        level: 1,
        en: Texts {
            title: "Share of residual \"other\" partners is small",
            what: "The share of the residual OTHER partner category in a by-country table, above 10 %.",
            why: "Flows grouped under \"other countries\" are lost for country comparisons and for mirror statistics, just like unknown ones. A large residual often means the table lists selected partners only.",
            look_at: "Whether the full list of partner countries can be obtained from the source.",
        },
        ru: Texts {
            title: "Доля прочих стран невелика",
            what: "Доля остаточной категории «прочие страны» (OTHER) в таблице по странам выше 10 %.",
            why: "Потоки, сгруппированные в «прочие страны», потеряны для сравнения по странам и для зеркальной статистики так же, как неизвестные. Большая остаточная доля часто означает, что в таблице приведены лишь избранные партнёры.",
            look_at: "Можно ли получить у источника полный список стран-партнёров.",
        },
    },
    CatalogEntry {
        code: CheckCode::D1,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        en: Texts {
            title: "Population change matches natural change and net migration",
            what: "Population on 1 January t+1 − population on 1 January t − (births − deaths) − (immigration − emigration) stays within 0.5 % of the population (uses POP, BIRTHS, DEATHS and the TOTAL rows of tables 3 and 4; where table 3 or 4 has no TOTAL row, the sum of its partners, as in C4).",
            why: "The demographic balance ties migration to vital statistics. A large negative residual year after year is the classic sign of unrecorded emigration; a spike in a census year shows a population revision that the migration figures do not reflect.",
            look_at: "The sign and persistence of the residual, census years, register clean-ups, and changes in how emigration is defined.",
        },
        ru: Texts {
            title: "Изменение населения согласуется с естественным движением и сальдо миграции",
            what: "Население на 1 января t+1 − население на 1 января t − (родившиеся − умершие) − (иммиграция − эмиграция) укладывается в 0,5 % населения (используются POP, BIRTHS, DEATHS и строки «Итого» таблиц 3 и 4; если в таблице 3 или 4 нет строки «Итого» — сумма по странам-партнёрам, как в C4).",
            why: "Демографический баланс связывает миграцию с естественным движением населения. Большая отрицательная невязка из года в год — классический признак неучтённой эмиграции; всплеск в год переписи показывает пересчёт численности, который миграционные данные не отражают.",
            look_at: "Знак и устойчивость невязки, годы переписей, чистки регистров, изменения определения эмиграции.",
        },
    },
    CatalogEntry {
        code: CheckCode::D2,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        en: Texts {
            title: "Foreign-citizen stock changes match flows and acquisitions",
            what: "Non-citizens on 1 January t+1 − non-citizens on 1 January t − (non-citizen immigration − non-citizen emigration) + acquisitions of citizenship in t stays within 5 % of the non-citizen stock (tables 2.1, 5.1, 6.1, 7.1).",
            why: "Foreigners leave the stock by emigrating, dying or naturalising. A large residual shows unrecorded departures of foreigners, a regularisation campaign, or stock and flow tables with different definitions. Births and deaths of foreigners are not in the tables, which is why the tolerance is wide.",
            look_at: "Regularisations or amnesties, permits that expired without a recorded departure, and the definition of non-citizens in the stock and flow tables.",
        },
        ru: Texts {
            title: "Изменение числа иностранцев согласуется с потоками и приобретением гражданства",
            what: "Неграждане на 1 января t+1 − неграждане на 1 января t − (иммиграция неграждан − эмиграция неграждан) + приобретения гражданства в году t укладывается в 5 % численности неграждан (таблицы 2.1, 5.1, 6.1, 7.1).",
            why: "Иностранцы выбывают из численности, уезжая, умирая или получая гражданство. Большая невязка показывает неучтённые выезды иностранцев, кампанию по легализации или разные определения в таблицах численности и потоков. Рождений и смертей иностранцев в таблицах нет, поэтому допуск широкий.",
            look_at: "Легализации и амнистии, истёкшие разрешения без зарегистрированного выезда, определение неграждан в таблицах численности и потоков.",
        },
    },
    CatalogEntry {
        code: CheckCode::D3,
        severity: Severity::Warning,
        dimension: Dimension::Coherence,
        level: 4,
        en: Texts {
            title: "Naturalisation rate is plausible (0–20 %)",
            what: "Acquisitions of citizenship in year t / non-citizens on 1 January t, outside 0–20 %.",
            why: "In the EU the rate ranges from about 0.1 % to 16 % a year. A rate beyond 20 % usually means that acquisitions and stock do not cover the same people, for example acquisitions by persons living abroad, or a stock that misses a large group of residents.",
            look_at: "Whether acquisitions include persons living abroad or a mass grant of citizenship to former citizens of a predecessor state, and whether the non-citizen stock is complete.",
        },
        ru: Texts {
            title: "Уровень натурализации правдоподобен (0–20 %)",
            what: "Приобретения гражданства за год t / неграждане на 1 января t вне диапазона 0–20 %.",
            why: "В ЕС этот показатель составляет примерно от 0,1 % до 16 % в год. Уровень выше 20 % обычно означает, что приобретения и численность относятся к разным людям, например учтены приобретения лицами, живущими за рубежом, или в численности неграждан пропущена большая группа жителей.",
            look_at: "Не включены ли приобретения лицами, живущими за рубежом, или массовое предоставление гражданства бывшим гражданам государства-предшественника; полна ли численность неграждан.",
        },
    },
    CatalogEntry {
        code: CheckCode::T1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 2,
        en: Texts {
            title: "No implausible jump from one year to the next",
            what: "Within a series (table, reporting country, sex, age, category), the robust z-score of ln(x(t)/x(t−1)) against the series' usual change is above 3.5; or, across the partners of one reporting country and year, the change is a Hidiroglou–Berthelot outlier. Only counts of at least 50, never across a break in series.",
            why: "A flow that triples in one year is either a real event (a conflict, a policy change) or a change in processing: a new source, a register clean-up, another definition. Russia's 2011 switch to also counting persons registered for a stay of 9 months or more is a well-known example. Such jumps must be explained, not analysed as migration.",
            look_at: "The metadata of that year: changes of source, definition or registration rules; one-off register corrections; events in the partner country.",
        },
        ru: Texts {
            title: "Нет неправдоподобного скачка от года к году",
            what: "В ряду (таблица, страна, пол, возраст, категория) робастный z-показатель ln(x(t)/x(t−1)) относительно обычного изменения ряда больше 3,5; или среди стран-партнёров одной страны за один год изменение — выброс по методу Идироглу–Бертло. Только для значений не меньше 50 и никогда через разрыв ряда.",
            why: "Поток, утроившийся за год, — это либо реальное событие (конфликт, смена политики), либо изменение обработки: новый источник, чистка регистра, другое определение. Известный пример — переход России в 2011 г. к учёту и лиц, зарегистрированных по месту пребывания на срок 9 месяцев и более. Такие скачки нужно объяснять, а не анализировать как миграцию.",
            look_at: "Метаданные за этот год: смену источника, определения или правил регистрации; разовые корректировки регистра; события в стране-партнёре.",
        },
    },
    CatalogEntry {
        code: CheckCode::T2,
        severity: Severity::Info,
        dimension: Dimension::Timeliness,
        level: 2,
        en: Texts {
            title: "No years missing from a table",
            what: "A table that a reporting country sends for some years and not for others, compared with the years of all its migration tables (the twelve Clearinghouse tables), so that a table starting later or stopping earlier than the others counts too (population, births and deaths only between their own first and last year): one finding per table and run of missing years. Or a year missing between the first and last year of a series although the table has that year.",
            why: "Gaps break comparisons over time and growth rates, and an unnoticed gap is easily read as a fall to zero when tables are put together.",
            look_at: "Whether the missing year exists at the source, was suppressed, or was not transmitted.",
        },
        ru: Texts {
            title: "Нет пропущенных лет в таблице",
            what: "Таблица, которую страна присылает за одни годы и не присылает за другие, в сравнении с годами всех её таблиц миграции (двенадцати таблиц Клирингового центра), так что учитывается и таблица, которая начинается позже или заканчивается раньше остальных (численность населения, родившиеся и умершие — только между их собственными первым и последним годом): одно замечание на таблицу и непрерывный ряд пропущенных лет. Или год, пропущенный между первым и последним годом ряда, хотя сама таблица за этот год есть.",
            why: "Пропуски нарушают сравнение во времени и расчёт темпов роста, а незамеченный пропуск при объединении таблиц легко принять за падение до нуля.",
            look_at: "Есть ли пропущенный год у источника, был ли он скрыт или просто не передан.",
        },
    },
    CatalogEntry {
        code: CheckCode::T3,
        severity: Severity::Info,
        dimension: Dimension::Comparability,
        level: 2,
        en: Texts {
            title: "Breaks in series are marked",
            what: "A value flagged b (break in series), or a change of data source or of duration-of-stay rule between consecutive years of one table of one reporting country.",
            why: "A break means the years before and after measure different things: the EU regulation of 2008, or a switch from a 6-month to a 12-month rule, which alone can change flows by about a quarter. Reading a break as a jump leads to wrong conclusions about migration trends, so T1 never compares values across a break.",
            look_at: "The documentation of the change, and which years can be compared with each other.",
        },
        ru: Texts {
            title: "Разрывы рядов отмечены",
            what: "Значение с признаком b (разрыв ряда) либо смена источника данных или критерия срока пребывания между соседними годами одной таблицы страны.",
            why: "Разрыв означает, что годы до и после измеряют разное: регламент ЕС 2008 г. или переход от 6-месячного к 12-месячному критерию, который сам по себе может изменить потоки примерно на четверть. Принимать разрыв за скачок значит делать ошибочные выводы о тенденциях миграции, поэтому T1 никогда не сравнивает значения через разрыв.",
            look_at: "Документацию изменения и то, какие годы можно сравнивать между собой.",
        },
    },
    CatalogEntry {
        code: CheckCode::M1,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
        en: Texts {
            title: "Immigration and the partner's emigration agree",
            what: "For each pair of countries and year with both sides reported and I + E ≥ 20: immigration reported by the receiving country (its table 3) against emigration reported by the sending country (its table 4), after correcting for different duration-of-stay rules. |ln(I/E)| ≥ 0.1 is reported: information below 0.26, warning below 0.69, error from 0.69 (a factor of two). A pair-year where both countries give the row but a value is missing, confidential or empty on one side or both cannot be checked, and the finding names that side.",
            why: "Every migration is recorded twice, on departure and on arrival. Receiving countries usually capture immigrants better than sending countries capture emigrants, who have little reason to de-register, so I > E usually signals undercounted emigration. Only about one EU pair in eight agrees within 10 %.",
            look_at: "The duration rules of both countries, the sending country's de-registration practice, and whether one side counts its own citizens only.",
        },
        ru: Texts {
            title: "Иммиграция согласуется с эмиграцией, учтённой страной-партнёром",
            what: "Для каждой пары стран и года, где обе стороны указаны и I + E ≥ 20: иммиграция по данным страны въезда (её таблица 3) против эмиграции по данным страны выезда (её таблица 4) после поправки на разные критерии срока пребывания. Сообщается |ln(I/E)| ≥ 0,1: информация до 0,26, предупреждение до 0,69, ошибка от 0,69 (двукратное расхождение). Пару-год, для которой обе страны приводят строку, но значение одной стороны или обеих пропущено, конфиденциально или пусто, проверить нельзя; замечание называет эту сторону.",
            why: "Каждая миграция учитывается дважды — при выезде и при въезде. Страны въезда обычно учитывают иммигрантов лучше, чем страны выезда — эмигрантов, у которых мало причин сниматься с учёта, поэтому I > E, как правило, говорит о недоучёте эмиграции. Лишь примерно одна пара стран ЕС из восьми совпадает в пределах 10 %.",
            look_at: "Критерии срока пребывания обеих стран, практику снятия с учёта в стране выезда, не учитывает ли одна из сторон только своих граждан.",
        },
    },
    CatalogEntry {
        code: CheckCode::M2,
        severity: Severity::Warning,
        dimension: Dimension::Accuracy,
        level: 3,
        en: Texts {
            title: "A country's flows agree with what its partners report",
            what: "A country's emigration (or immigration) summed over all partners with both sides reported, against what those partners report; a ratio below 0.7 or above 1.43.",
            why: "Summing over partners shows a country's overall under- or over-count, independent of any single pair. A country that records only 40 % of the emigration its partners see has a de-registration problem, not a problem with one partner.",
            look_at: "De-registration rules, the share of emigrants with unknown destination (U1), and duration-of-stay rules.",
        },
        ru: Texts {
            title: "Потоки страны согласуются с данными стран-партнёров",
            what: "Эмиграция (или иммиграция) страны, просуммированная по всем партнёрам с данными обеих сторон, против данных этих партнёров; отношение ниже 0,7 или выше 1,43.",
            why: "Сумма по партнёрам показывает общий недоучёт или переучёт страны независимо от отдельной пары. Страна, учитывающая лишь 40 % эмиграции, которую видят её партнёры, имеет проблему со снятием с учёта, а не с одним партнёром.",
            look_at: "Правила снятия с регистрационного учёта, долю эмигрантов с неизвестной страной назначения (U1), критерии срока пребывания.",
        },
    },
];

/// The catalogue entry of a check.
pub fn entry(code: CheckCode) -> &'static CatalogEntry {
    &CATALOG[code as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_code_order() {
        for (i, code) in CheckCode::ALL.iter().enumerate() {
            assert_eq!(CATALOG[i].code, *code);
            assert_eq!(entry(*code).code, *code);
        }
    }

    #[test]
    fn every_check_is_explained_in_both_languages() {
        for code in CheckCode::ALL {
            for lang in [Lang::En, Lang::Ru] {
                let e = explain(code, lang);
                for (part, text) in [
                    ("title", e.title),
                    ("what", e.what),
                    ("why", e.why),
                    ("look_at", e.look_at),
                ] {
                    assert!(
                        text.len() > 10,
                        "{code} {lang:?} {part} is too short: {text:?}"
                    );
                }
            }
            // The Russian texts are Russian, not copies of the English ones.
            let ru = explain(code, Lang::Ru);
            assert!(
                ru.why.chars().any(|c| ('а'..='я').contains(&c)),
                "{code}: {}",
                ru.why
            );
            assert_ne!(explain(code, Lang::En).why, ru.why);
        }
    }
}
