## Workshop lessons: the trainer's script and the room's "why it matters". Each lesson of
## assets/workshop/lessons.toml has a title, why, show, ask and explain.

lesson-totals-title = Totals that do not add up
lesson-totals-why = A table whose total differs from the sum of its parts cannot be used as it is: every user who adds the rows gets another figure than the one published, and nobody can tell which is right. Offices that compute totals separately from the detail — or type them by hand — publish such tables without noticing.
lesson-totals-show = Open Kyrgyzstan's Table 3 (immigration) and Table 4 (emigration). Add up men and women for one country, then the countries for one year.
lesson-totals-ask = Which cells would you correct, and how do you know which of the two figures is wrong — the total or the part?
lesson-totals-explain = Two cells were changed: the women from Uzbekistan in Table 3 in 2016, and the total of Table 4 in 2018. Check A1 compares total with men + women, A3 the total with the sum of partner countries. The Table 4 total also disagrees with Table 6.1 (C4): one typing error breaks every identity the cell belongs to.

lesson-duplicates-title = Duplicates and text in numbers
lesson-duplicates-why = A row pasted twice or a note typed into a value cell looks harmless on screen, but software that reads the table either counts the row twice or cannot read the cell at all. In both cases the published totals and the data a user downloads no longer agree.
lesson-duplicates-show = Open Kyrgyzstan's Table 2.2 (foreign citizens by citizenship) and Table 6.2 (emigrants by citizenship). Scroll through the rows of each.
lesson-duplicates-ask = What would a program that adds up the rows of Table 2.2 get? What should a cell hold when the number is not known?
lesson-duplicates-explain = China appears twice in Table 2.2 (S2: every cell of the row is repeated), and the women citizens of Russia who emigrated in 2015 hold the text "see note" (S3). A missing number must be left empty or marked "..": text stops the checks of that cell (A1, A3 and T1 cannot be evaluated there).

lesson-coherence-title = Coherence between tables
lesson-coherence-why = The same persons are counted in several tables: the foreign-born by country of birth in Table 1.2 are the foreign-born of Table 1.1. When one table is revised and the other is not, the two publications contradict each other, and users lose trust in both.
lesson-coherence-show = Compare the total of Kyrgyzstan's Table 1.2 (population by country of birth) with the foreign-born of Table 1.1 for each year.
lesson-coherence-ask = In which year do the two tables disagree, and which of the two would you believe?
lesson-coherence-explain = The row Russia of Table 1.2 in 2016 was raised by a fifth, and the table's total with it, so Table 1.2 adds up — but it no longer equals the foreign-born of Table 1.1 (C1). Checks inside one table cannot see this; only a check across tables can.

lesson-balance-title = Stocks and flows that do not balance
lesson-balance-why = The population on 1 January of a year must equal the population a year earlier plus births, minus deaths, plus immigration, minus emigration. When it does not, either the stock or one of the flows is wrong — often the emigration that is never registered.
lesson-balance-show = Open Kyrgyzstan's population (POP), births, deaths and migration totals and compute the balance for 2017–2019.
lesson-balance-ask = The balance fails twice, in two consecutive years, with opposite signs. What does that tell you about where the error is?
lesson-balance-explain = The population of 1 January 2018 was raised by 5 %. The balance of 2017 then has too many persons and the balance of 2018 too few (D1): an error in a stock shows up twice with opposite signs, an error in a flow only once.

lesson-series-title = Breaks and gaps in a series
lesson-series-why = Users read migration statistics as time series. A value that jumps for one year and returns, or a year that is missing, is either a real event that must be explained in the metadata or an error; without an explanation, users draw wrong conclusions about trends.
lesson-series-show = Draw the series of Kyrgyzstan's immigration from China (Table 3) and look at the columns of Table 7.2.
lesson-series-ask = Is the jump of 2018 believable? What would you ask the office before publishing it?
lesson-series-explain = The immigration from China in 2018 was tripled (T1 flags the jump up and the fall back), which also moves the total of Table 3 away from Table 5.1 (C4). Table 7.2 has no column for 2017 (T2): a gap the office must either fill or explain.

lesson-mirror-title = Mirror statistics and the duration of stay
lesson-mirror-why = Every migration is counted twice: as emigration by the country of origin and as immigration by the country of destination. When the two counts differ, at least one country misses migrants — most often the country of origin, because emigrants do not de-register, or because the two countries count stays of different length.
lesson-mirror-show = Compare Kyrgyzstan's immigration from Kazakhstan (Table 3 of Kyrgyzstan) with Kazakhstan's emigration to Kyrgyzstan (Table 4 of Kazakhstan), year by year.
lesson-mirror-ask = In which year do the two countries disagree? Which of the two would you ask first, and what would you ask?
lesson-mirror-explain = Kyrgyzstan's immigration from Kazakhstan in 2016 was raised by 40 %: the mirror ratio I/E leaves the agreement band (M1). The same cell jumps in Kyrgyzstan's series (T1) and moves Table 3 away from Table 5.1 (C4). A real mirror discrepancy is usually steady over years — a definition or a duration of stay — while a single year points to an error.

lesson-unknown-title = Unknown and unspecified partners
lesson-unknown-why = Migrants whose country of origin or destination is "unknown" or "other countries" cannot be used in mirror comparisons or in any analysis by country. A large and growing share usually means that the registration form does not ask the question, or that the answer is not coded.
lesson-unknown-show = Look at the rows "Unknown" of Kyrgyzstan's Table 4 and "Other countries" of Table 2.2, as a share of the total, year by year.
lesson-unknown-ask = Above which share would you stop comparing this table with the partners' figures?
lesson-unknown-explain = The unknown destinations of 2019 in Table 4 were multiplied by ten and "Other countries" of 2014 in Table 2.2 doubled: U1 and U2 report the shares above their thresholds, T1 the jumps, and the totals move away from Tables 2.1 and 6.1 (C2, C4).

lesson-coverage-title = Coverage gaps
lesson-coverage-why = A table that is missing for one year breaks every series and every comparison that needs it: the balance of stocks and flows, the comparison between tables, the mirror statistics. A user cannot tell an unreported year from a year without migration.
lesson-coverage-show = List the years of each of Kyrgyzstan's tables, and open the coverage view.
lesson-coverage-ask = Which tables have a year missing? What can no longer be checked because of it?
lesson-coverage-explain = Tables 5.1 and 5.2 have no column for 2019 (T2). Because of the gap, the balance of non-citizens cannot be checked for that year (D2 cannot be evaluated).

## What a planted fault did, in words: the answer key.
fault-set = { $country }, table { $table }, { $row }, { $sex }, { $year }: the value { $was } was replaced by { $value }.
fault-times = { $country }, table { $table }, { $row }, { $sex }, { $year }: the value { $was } was multiplied by { $factor }.
fault-times-row = { $country }, table { $table }, { $row }, { $year }: the row (men, women and both sexes) was multiplied by { $factor } and the table's total raised with it.
fault-swap-sexes = { $country }, table { $table }, { $row }, { $year }: the values of men and women were swapped.
fault-duplicate-row = { $country }, table { $table }: the row { $row } appears twice.
fault-delete-year = { $country }, table { $table }: the column of { $year } was deleted.
fault-text = { $country }, table { $table }, { $row }, { $sex }, { $year }: the value { $was } was replaced by the text "{ $text }".
fault-shift-year = { $country }, table { $table }: from { $year } on, the values were moved one year to the right.

fault-sex-both = both sexes
fault-sex-men = men
fault-sex-women = women

## The handouts.
workshop-sheet-subtitle = Exercise sheet · workshop on migration statistics
workshop-why = Why it matters
workshop-task = Your task
workshop-task-text = The workbooks { $files } hold { $problems ->
    [one] one planted problem
   *[other] { $problems } planted problems
}. Find each: the cell, what is wrong with it, and which rule it breaks.
workshop-col-number = No.
workshop-col-cell = Cell
workshop-col-wrong = What is wrong
workshop-col-rule = Rule broken
workshop-key-sheet = Answer key
workshop-key-fault = What was planted
workshop-key-check = Check
workshop-key-finding = What the check reports

## The command line.
workshop-unknown-lesson = expected a lesson of { $lessons }; found "{ $lesson }" (see migreview workshop list)
workshop-written = { $count ->
    [one] one file written
   *[other] { $count } files written
} into { $dir }
