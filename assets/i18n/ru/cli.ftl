# Текстовый вывод командной строки.

cli-data-source-assessment = Оценка источников данных (подробно: --format json, migreview assess scorecard)
cli-sources = источн.
cli-check = Проверка
cli-evaluated = оценено
cli-failed = нарушено
cli-not-evaluable = не оценено
cli-no-findings = Замечаний нет.
cli-findings = Замечания
cli-error = ошибка
cli-warning = предупреждение
cli-info = информация
cli-not-evaluable-cases = невозможно оценить
cli-level = уровень
cli-what = Что
cli-why = Зачем
cli-look-at = Что смотреть
cli-more-findings = {"  "}… ещё { $more } (полностью: --format json)
cli-suggested = предложено
cli-final = итог
cli-overridden = изменено экспертом
## check --review: прочитанная проверка и что показано.
cli-review = Проверка { $path }: { $decisions ->
    [one] { $decisions } решение
    [few] { $decisions } решения
   *[many] { $decisions } решений
} (из них о замечаниях, которых теперь нет: { $stale }); { $open ->
    [one] открытой осталась { $open } ошибка
    [few] открытыми остались { $open } ошибки
   *[many] открытыми остались { $open } ошибок
}
cli-review-listed = Показаны: { $statuses } ({ $listed } из { $total ->
    [one] { $total } замечания
   *[many] { $total } замечаний
})
