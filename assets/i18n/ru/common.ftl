# migreview: common texts (ru).

## Счёт предметов с формами множественного числа.
observations = { $count ->
    [one] { $count } наблюдение
    [few] { $count } наблюдения
   *[many] { $count } наблюдений
}
