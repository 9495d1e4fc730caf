# migreview: common texts (en).

## The quality dimensions of the European Statistical System.
dimension-relevance = Relevance
dimension-accuracy = Accuracy and reliability
dimension-timeliness = Timeliness and punctuality
dimension-accessibility = Accessibility and clarity
dimension-comparability = Comparability
dimension-coherence = Coherence

## Lists.
# $init: the items but the last, joined by commas.
list-and = { $init } and { $last }

## The population, births and deaths as a chart's row names them.
table-short-pop = Population
table-short-births = Births
table-short-deaths = Deaths
table-word = Table
