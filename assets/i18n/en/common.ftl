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

## Why a pair disagrees: the reading of a pair's log ratio over the years.
mirror-reading-agreement-label = agreement
mirror-reading-stable-offset-label = stable offset
mirror-reading-volatile-label = volatile
mirror-reading-method-change-label = change of method
mirror-reading-too-few-years-label = too few years
mirror-reading-agreement-meaning = The two sides agree year after year.
mirror-reading-stable-offset-meaning = The two sides differ by about the same factor every year: a difference of definition or of the duration-of-stay criterion rather than an error.
mirror-reading-volatile-meaning = The difference swings from year to year without one break: measurement error, typical of small or poorly registered flows.
mirror-reading-method-change-meaning = The difference changes once, by much more than in the other years: one side changed its method, source or definition that year.
mirror-reading-too-few-years-meaning = Too few years are reported on both sides to tell a steady difference from noise.
mirror-reading-agreement = The two sides agree every year: I/E is { $ratio } on average, and ln(I/E) varies with a standard deviation of { $sd }.
mirror-reading-stable-offset = A stable offset: I/E is about { $ratio } every year (standard deviation of ln(I/E) { $sd }). A steady difference reads as a difference of definition or of the duration-of-stay criterion, not as an error of one year.
mirror-reading-volatile = A volatile series: ln(I/E) swings from year to year (standard deviation { $sd }) without one break. It reads as measurement error, typical of small or poorly registered flows.
mirror-reading-method-change = A jump: in { $year } I/E changed by a factor of { $factor }, { $times } times the typical change of the other years. It reads as a change of method, source or definition by one side in that year.
mirror-reading-too-few-years = { $years ->
    [one] Only { $years } year is
   *[other] Only { $years } years are
} reported on both sides: too few to tell a steady difference from noise.
