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

## Why a pair disagrees: the reading of a pair's log ratio over the years.
mirror-reading-agreement-label = согласие
mirror-reading-stable-offset-label = устойчивое смещение
mirror-reading-volatile-label = неустойчивый ряд
mirror-reading-method-change-label = смена методики
mirror-reading-too-few-years-label = мало лет
mirror-reading-agreement-meaning = Данные обеих сторон согласуются год за годом.
mirror-reading-stable-offset-meaning = Стороны расходятся примерно в одно и то же число раз каждый год: это различие определений или критерия срока пребывания, а не ошибка.
mirror-reading-volatile-meaning = Расхождение колеблется от года к году без одного разрыва: ошибка измерения, обычная для малых или плохо регистрируемых потоков.
mirror-reading-method-change-meaning = Расхождение меняется один раз и намного сильнее, чем в другие годы: одна из сторон в тот год сменила методику, источник или определение.
mirror-reading-too-few-years-meaning = Слишком мало лет с данными обеих сторон, чтобы отличить устойчивое расхождение от шума.
mirror-reading-agreement = Данные обеих сторон согласуются каждый год: I/E в среднем { $ratio }, стандартное отклонение ln(I/E) { $sd }.
mirror-reading-stable-offset = Устойчивое смещение: I/E каждый год около { $ratio } (стандартное отклонение ln(I/E) { $sd }). Постоянное расхождение говорит о различии определений или критерия срока пребывания, а не об ошибке отдельного года.
mirror-reading-volatile = Неустойчивый ряд: ln(I/E) колеблется от года к году (стандартное отклонение { $sd }) без одного разрыва. Это говорит об ошибке измерения, обычной для малых или плохо регистрируемых потоков.
mirror-reading-method-change = Скачок: в { $year } г. I/E изменилось в { $factor } раза, в { $times } раза больше обычного изменения в другие годы. Это говорит о смене методики, источника или определения одной из сторон в этот год.
mirror-reading-too-few-years = Данные обеих сторон есть только за { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
}: слишком мало, чтобы отличить устойчивое расхождение от шума.
