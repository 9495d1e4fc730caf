# migreview: common texts (en).

## Counts of things, with their plural forms.
observations = { $count ->
    [one] { $count } observation
   *[other] { $count } observations
}
