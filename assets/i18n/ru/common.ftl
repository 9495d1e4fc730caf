# migreview: common texts (ru).

## Измерения качества Европейской статистической системы.
dimension-relevance = Актуальность
dimension-accuracy = Точность и надёжность
dimension-timeliness = Своевременность и пунктуальность
dimension-accessibility = Доступность и ясность
dimension-comparability = Сопоставимость
dimension-coherence = Согласованность

## Перечни.
list-and = { $init } и { $last }

## Население, рождения и смерти, как их называет строка графика.
table-short-pop = Население
table-short-births = Рождения
table-short-deaths = Смерти
table-word = Таблица
