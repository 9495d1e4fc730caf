# Слова, которые пишутся в книги с примером данных: подписи, которые национальная служба
# ставит в своих таблицах.

## Категории строк.
sample-category-total = Всего
sample-category-unknown = Не указано
sample-category-other = Другие страны
sample-category-stateless = Лица без гражданства
sample-category-native = Родившиеся в стране
sample-category-foreign-born = Родившиеся за рубежом
sample-category-citizens = Граждане
sample-category-non-citizens = Неграждане
sample-category-foreign = Иностранные граждане

## Заголовки столбца категорий.
sample-heading-place-of-birth = Место рождения
sample-heading-country-of-birth = Страна рождения
sample-heading-citizenship-status = Гражданство
sample-heading-citizenship = Страна гражданства
sample-heading-previous-residence = Страна предыдущего проживания
sample-heading-next-residence = Страна последующего проживания
sample-heading-status-before = Статус до приобретения гражданства
sample-heading-previous-citizenship = Страна прежнего гражданства

## Строки над таблицей и под ней.
# $table: номер таблицы (3, 5.1); $title: её название.
sample-title = Таблица { $table }. { $title }
sample-country-line = Страна: { $name }
sample-source-prefix = Источник:{" "}
sample-note-prefix = Примечание:{" "}
sample-note-long-term = долгосрочные мигранты: лица, сменившие место постоянного проживания на срок 12 месяцев и более.
sample-note-population = численность на 1 января.

## Пол и возраст.
sample-sex-total = Всего
sample-sex-men = Мужчины
sample-sex-women = Женщины
sample-sex-unknown = Пол не указан
sample-age-heading = Возраст
sample-age-total = Всего
sample-age-unknown = Не указано

## Источники, названные под таблицами примера. $census: год переписи.
sample-source-estimates = текущая оценка численности населения (база: перепись населения { $census } года)
sample-source-estimates-register = текущая оценка численности населения (база: перепись населения { $census } года) и учёт иностранных граждан
sample-source-foreigners = учёт иностранных граждан, имеющих вид на жительство
sample-source-register = регистрационный учёт населения по месту жительства
sample-source-citizenship = решения по вопросам гражданства (МВД)
sample-source-civil = государственная регистрация актов гражданского состояния
