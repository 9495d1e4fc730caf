# migreview: checks texts (en).
# For every check of the catalogue (docs/checks.md) its title, what it tests, why it matters and
# what to look at (check-CODE-title, -what, -why, -look-at), then the messages of its findings.
# Counts of persons arrive as numbers and are written with digit grouping (4,190 / 4 190); years,
# small counts of parts or partners, shares, decimals and thresholds arrive already written
# (2019, "23.0 %" / "23,0 %", "2.767" / "2,767").

## Words the messages are built from: sexes, statuses, ages, tables, places (src/checks/text.rs).
# Why a value is missing.
missing-empty = empty
missing-not-available = not available
missing-not-applicable = not applicable
missing-confidential = confidential
missing-unreadable = not a number

# A sex as a part of a total.
sex-both = both sexes
sex-men = men
sex-women = women
sex-unknown = sex unknown

# A status category.
status-total = total
status-native = native-born
status-foreign-born = foreign-born
status-citizens = citizens
status-non-citizens = non-citizens
status-foreign = foreign citizens
status-stateless = stateless
status-unknown = status unknown

# An age group; $age is its code (0-4, 85+).
age-all = all ages
age-unknown = age unknown
age-group = age { $age }

# A table; $table is its number (1.1, 3).
table-pop = population
table-births = births
table-deaths = deaths
table-numbered = table { $table }

# A duration-of-stay rule; $months is a number of months.
duration-none = no minimum duration
duration-permanent = permanent residence
duration-months = { $months } months

# Where a value is, put after what is said about it; $location is file › sheet › cell.
place-at = {" "}at { $location }

# The total of a breakdown: inside a sum, and named on its own.
label-total = Total
label-the-total = the total
# $partner is a code with its name: RUS (Russian Federation).
label-partner = partner { $partner }

# A text as written in a file, quoted.
text-quoted = "{ $text }"

## S: structure — every observation is placed, keys are unique, values are numbers (structure.rs).
check-S1-title = Every observation has a known table, reporter, year, sex and category
check-S1-what = Every reporting country, partner country, status category and age group is recognised: a code or name migreview can place (ISO codes, English or Russian names and their usual variants, historical states, aggregates). Labels that cannot be placed are listed with the closest known names.
check-S1-why = A partner written one way in one year and another way the next splits one series into two and drops the flow from sums by country and from mirror comparisons. Misspelt or home-made labels are the first source of silent errors when tables from different offices are put together.
check-S1-look-at = The suggested names. If the label is a known country spelt differently, correct the file or map the label in the import options; if it is a group of countries, record it as an aggregate so that it is never added to country sums.

check-S2-title = No two observations share a key with different values
check-S2-what = Each combination of table, reporting country, year, sex, age group and category appears once. Two observations with the same key and different values are an error; an exact repeat is reported once, as information.
check-S2-why = When one cell is given twice with different numbers (a revised sheet pasted under the old one, two sources for one year), every sum, ratio and mirror comparison silently takes one of them. Which figure is the official one is for the reviewer to decide, not for the software.
check-S2-look-at = Both places named in the message: provisional and revised versions of one table, a sheet copied twice, or a breakdown labelled with the wrong sex or age group.

check-S3-title = Values are numbers or explicit missing markers
check-S3-what = A value cell holds a number or an explicit marker of a missing value (empty, "..", ":", "-", "x", "n/a"). Any other text ("approx. 500", "see note", "12 345*") is reported with its cell.
check-S3-why = Text in a value cell is neither a number nor a declared gap: reading it as zero would invent data, dropping it silently would hide what the office meant. In migration tables missing is never zero: a zero flow is a statement, a missing one is not.
check-S3-look-at = The cell itself: a footnote mark glued to a number, a comment typed into the table, a range such as "100-200". Move notes to a notes column and keep the value a plain number or missing marker.

# What an unplaced label stands for, at the start of S1's messages.
s1-role-reporter = Reporting country
s1-role-partner = Partner country
s1-role-birth = Country of birth
s1-role-citizenship = Citizenship
s1-role-previous-residence = Country of previous residence
s1-role-next-residence = Country of next residence
s1-role-status = Status category
s1-role-age = Age group
# $role is one of the s1-role-… texts, $label the label as written, $on how many observations
# carry it (s1-on-…), $first where it is first met (s1-first-at, or nothing), $hint the closest
# known names (s1-did-you-mean or s1-no-name-close).
s1-unplaced = { $role } "{ $label }" could not be placed ({ $on }{ $first }){ $hint }
s1-on-observations = { $count ->
    [one] on { $count } observation
   *[other] on { $count } observations
}
s1-on-no-observation = on no observation read
s1-first-at = , first at { $location }
s1-no-name-close = ; no known name is close
# $names are the closest known names, joined with s1-or.
s1-did-you-mean = ; did you mean { $names }?
s1-or = {" "}or{" "}
# A label placed, but not as a country: $what is one of the s1-is-… texts.
s1-not-a-country = { $role } "{ $label }" is { $what }, not a country: its figures are not a country's ({ $on }, first at { $location })
s1-is-aggregate = { $name }, a group of countries
s1-is-region = { $name }, a region of the world
s1-is-territory = { $name }, a territory
s1-is-total = the total over all countries
s1-is-unknown = an unknown country
s1-is-other = the other countries together
s1-is-status = a status ({ $name })
s1-is-region-of = a region of { $country }
s1-is-region-of-a-country = a region of a country
# $values lists the values with where they are; the list ends with s2-and-more when long.
s2-and-more = and { $count } more
s2-different-values = Different values for one key: { $values }
s2-cannot-compare = Cannot check whether the values for one key agree: { $values }
# $first is where the observation is first met, $again where it is repeated.
s2-repeated = Observation repeated with the same value { $value }: first at { $first }, again at { $again }
s3-not-a-number = Value cell holds "{ $text }", which is neither a number nor a missing marker (.., :, -, empty)

## N: values on their own — not negative, whole (values.rs).
check-N1-title = Counts are not negative
check-N1-what = Stocks and flows of persons are counts and cannot be below zero.
check-N1-why = A negative count usually is a net figure (immigration minus emigration), a register correction entered as a flow, a balancing item or a mistyped sign. It breaks every sum and ratio built on it.
check-N1-look-at = Whether the table really holds gross flows, and whether net migration or a register correction was entered in a flow table.

check-N2-title = Counts are whole numbers
check-N2-what = Counts of persons are whole numbers, unless flagged as estimates (flag e), such as survey-weighted or modelled figures.
check-N2-why = Decimals in a register count show that the figure was computed (weighted, averaged, converted from thousands), and that should be said. An unflagged decimal may also be a unit problem: thousands mixed with persons.
check-N2-look-at = The unit of the table (persons or thousands), whether the figure is a survey estimate to flag with e, and rounding in the source spreadsheet.

# $value is the count as written, with its decimals (−12, 12.25).
n1-negative = Count { $value } is negative; expected 0 or more
n2-not-whole = Count { $value } is not a whole number and is not flagged as an estimate (e)

## Sums and comparisons shared by the totals (A) and the coherence checks (C) (sum.rs).
# A sum with too many parts to list; $count is how many.
sum-of-sexes = sum of { $count } sex groups
sum-of-age-groups = sum of { $count } age groups
sum-of-partners = sum of { $count } partners
sum-of-statuses = sum of { $count } statuses
# Notes after a sum that does not match: $value is a count.
sum-difference = difference { $value }
sum-tolerance = tolerance { $value }
# $name is the part with no value (women, partner RUS (Russian Federation)), $why why it is
# missing (missing-…), $at where it is (place-at), $more how many more are missing
# (sum-more-missing, or nothing).
sum-missing = Cannot check: the value for { $name } is missing ({ $why }){ $at }{ $more }
sum-more-missing = ; { $count } more values are missing
sum-not-reported = Cannot check: { $name } not reported
# One side of a comparison of two tables: $table is a table number, $status a status
# (status-…), $partners how many partners are summed, $plus a status cell added to them
# (sum-side-plus, or nothing).
sum-side-partners = sum of the { $partners } partners of table { $table }{ $plus }
sum-side-plus = {" "}and { $status } in table { $table }
sum-side-total = total of table { $table }
sum-side-status = { $status } in table { $table }

## A: totals — breakdowns add up to their totals (totals.rs, sum.rs).
check-A1-title = Men and women add up to the total
check-A1-what = For every cell, total = men + women (+ sex unknown, where given), within the rounding tolerance. If only one of men and women is given, the case cannot be evaluated.
check-A1-why = The sex breakdown is the first identity users rely on. A mismatch means one of the figures comes from another extraction, date or definition; it is also the most frequent copy-and-paste slip in the workbooks sent to the Clearinghouse.
check-A1-look-at = The cells named in the message; whether the total includes persons of unknown sex; whether columns were shifted in one year.

check-A2-title = Age groups add up to the total
check-A2-what = The all-ages total equals the sum of the age groups given, "age unknown" included.
check-A2-why = Age tables are often produced from a separate extraction or with another age definition (age reached or completed age). A gap shows lost records or an open-ended group counted twice. Eurostat validates exactly this identity (VTL rule: values for aggregates are consistent with details).
check-A2-look-at = Missing or overlapping age groups (85+ and 80+ both given), the age-unknown row, and whether the total comes from another extraction.

check-A3-title = Partner countries add up to the total
check-A3-what = In tables 1.2, 2.2, 3, 4, 5.2, 6.2 and 7.2 the TOTAL row equals the sum of countries, historical states (USSR, Yugoslavia…), STATELESS, UNK and OTHER. Groups of countries and regions (EU27_2020, CIS, "Asia") never count as parts.
check-A3-why = The country detail is what mirror statistics and coverage are built on. If the partners do not add up, either countries were cut from the table (a "top 20" list) or groups were mixed in with countries and are counted twice.
check-A3-look-at = Whether the table lists all partners or a selection, whether a regional subtotal sits among the countries, and whether the UNK and OTHER rows are there.

check-A4-title = Status categories add up to the total
check-A4-what = 1.1: total = native-born + foreign-born (+ unknown). 2.1, 5.1, 6.1: total = citizens + non-citizens (+ unknown), and non-citizens = foreign citizens + stateless where all three are given. 7.1: total = sum of its statuses.
check-A4-why = Status tables split the population or the flow into groups that must be exhaustive and must not overlap. A gap often shows that stateless persons or persons of undetermined citizenship were left out, or counted both as stateless and as foreigners.
check-A4-look-at = How stateless persons and unknown citizenship are counted, and whether the status breakdown and the total come from the same date and source.

# $first and $second are two age groups as written (0-4, 0-14).
a2-overlap-no-set = Cannot check: age groups { $first } and { $second } overlap, and no set of the age groups covers the same ages without overlapping
a2-overlap-ambiguous = Cannot check: age groups { $first } and { $second } overlap, and the age groups divide the ages in more than one way

## C: coherence between tables (coherence.rs, sum.rs).
check-C1-title = Foreign-born by country of birth (1.2) matches foreign-born in 1.1
check-C1-what = The total of table 1.2 (its TOTAL row, else the sum of countries of birth) equals the foreign-born of table 1.1 for the same reporting country, year, sex and age.
check-C1-why = Both figures count the same people. A difference shows that 1.2 covers selected countries only, that persons with unknown country of birth were dropped, or that the tables come from different sources (census and register).
check-C1-look-at = Missing countries or a missing UNK row in 1.2, and the source and reference date of both tables.

check-C2-title = Foreigners by citizenship (2.2) match non-citizens in 2.1
check-C2-what = The total of table 2.2 equals the non-citizens of table 2.1 (the foreign citizens where 2.1 has no non-citizens row). Stateless persons that 2.1 gives apart and 2.2 does not list are added to the partners of 2.2.
check-C2-why = Table 2.2 should count every non-citizen by citizenship, stateless persons included. A difference usually means stateless persons are in one table and not in the other, or that 2.2 lists selected citizenships only.
check-C2-look-at = The STATELESS row of 2.2, whether 2.1 gives foreign citizens and stateless persons separately, and whether both tables refer to the same date.

check-C3-title = Total population is the same in 1.1 and 2.1
check-C3-what = The total of 1.1 (by place of birth) equals the total of 2.1 (by citizenship) for the same reporting country, year, sex and age.
check-C3-why = Both are the whole resident population on one date. A difference means different sources, dates or population definitions (present or usual residence), and then shares computed from the two tables are not comparable. It is a warning because offices sometimes publish the two breakdowns from different sources on purpose.
check-C3-look-at = The source and reference date of each table and the definition of the resident population.

check-C4-title = Flow totals agree: 5.1 with 3, 6.1 with 4
check-C4-what = Total immigration by citizenship (5.1) equals total immigration by country of previous residence (3); total emigration by citizenship (6.1) equals total emigration by country of next residence (4).
check-C4-why = The tables are two breakdowns of one flow. A difference means different extractions, or that returning citizens or persons with unknown previous residence are counted in only one of them.
check-C4-look-at = Whether tables 3/4 and 5.1/6.1 use the same source, the same duration-of-stay rule and the same treatment of own citizens.

check-C5-title = Non-citizen flows by citizenship (5.2, 6.2) match 5.1 and 6.1
check-C5-what = The total of 5.2 equals non-citizen immigration in 5.1; the total of 6.2 equals non-citizen emigration in 6.1 (the foreign citizens where no non-citizens row is given). Stateless persons that 5.1 or 6.1 gives apart and 5.2 or 6.2 does not list are added to the partners.
check-C5-why = Tables 5.2 and 6.2 break the non-citizen flow down by citizenship. If own citizens were mixed in, or stateless persons left out, the totals disagree.
check-C5-look-at = Whether own citizens appear in 5.2 or 6.2 (see P3), the STATELESS row, and the definition of non-citizens in 5.1 and 6.1.

check-C6-title = Acquisitions by previous citizenship (7.2) match the 7.1 total
check-C6-what = The total of table 7.2 equals total acquisitions of citizenship in 7.1.
check-C6-why = Both tables count the same acquisitions. A difference means some former citizenships were left out, or the two tables come from different registers.
check-C6-look-at = Missing former citizenships and the STATELESS and UNK rows of 7.2.

## P: plausibility of the data themselves (plausibility.rs).
check-P1-title = No flow from a country to itself
check-P1-what = In tables 3 and 4 the reporting country does not appear as its own country of previous or next residence with a positive value (0 or empty passes).
check-P1-why = A migrant changes country of residence, so Kazakhstan cannot report immigration from Kazakhstan. Such rows usually hold returning citizens coded by citizenship instead of by residence, or internal moves mixed into international migration.
check-P1-look-at = Whether the row holds returning nationals (they belong to the country they came from or go to) or internal migration.

check-P2-title = Parts do not exceed their whole (foreign-born, non-citizens, acquisitions)
check-P2-what = Foreign-born ≤ total population (1.1); non-citizens ≤ total population (2.1); acquisitions of citizenship in year t (7.1) ≤ non-citizens on 1 January of t (2.1).
check-P2-why = A part larger than its whole is impossible. It shows mixed units, dates or definitions, for example acquisitions taken from a register that includes persons who do not live in the country.
check-P2-look-at = Units (persons or thousands), reference dates, and whether the compared tables cover the same population.

check-P3-title = The reporting country is not a citizenship of its own foreigners
check-P3-what = In the tables of non-citizens by citizenship (2.2, 5.2, 6.2) and of acquisitions by previous citizenship (7.2), the reporting country itself does not appear with a positive value.
check-P3-why = A country's own citizens are not foreigners, and nobody acquires a citizenship they already hold. Such rows usually hold own citizens entered by mistake, or dual citizens.
check-P3-look-at = Whether own citizens or dual citizens were included; they belong under CITIZENS in the status table.

# $reporter is the reporting country with its name (KAZ (Kazakhstan)), $count the migrants.
p1-self-partner = { $reporter } reports { $count } migrants with itself as partner country; expected 0 or empty (returning citizens belong under the country they came from or went to)
# What P2 compares: a part that cannot exceed its whole.
p2-foreign-born = foreign-born (table 1.1)
p2-population-1-1 = the total population (table 1.1)
p2-non-citizens = non-citizens (table 2.1)
p2-population-2-1 = the total population (table 2.1)
p2-acquisitions = acquisitions of citizenship in the year (table 7.1)
p2-non-citizens-on-1-january = non-citizens on 1 January (table 2.1)
# $reporter is the reporting country with its name (KAZ (Kazakhstan)), $count the persons.
p3-own-citizens = { $count } persons with the citizenship of { $reporter } are counted among its non-citizens; expected 0 or empty (own citizens belong under CITIZENS of the status table)

## U: unknown and unspecified partners (plausibility.rs).
check-U1-title = Share of unknown categories is small
check-U1-what = The share of UNK (unknown partner country) among the partners of a by-country table, UNKNOWN (unknown status) among the statuses of tables 1.1, 2.1, 5.1, 6.1 and 7.1, sex U (unknown) in the total of both sexes, or age UNK (unknown) in the total of all ages: warning above 5 %, error above 20 %. A total of 0 passes when nothing is unknown; the share cannot be checked when the unknown is not 0 there, or when the total or the unknown is missing or not reported.
check-U1-why = An unknown partner cannot be paired with any country, so a large UNK share hides mirror discrepancies and lowers every bilateral flow; an unknown sex, age or status leaves the same gap in the breakdowns by sex, age and status. Large unknown shares in emigration are typical where departures are recorded without a destination, for example when people found absent are removed from the register.
check-U1-look-at = How departures with unknown destination are recorded, and whether the unknown share grew after a change of source or procedure.

check-U2-title = Share of residual "other" partners is small
check-U2-what = The share of the residual OTHER partner category in a by-country table, above 10 %.
check-U2-why = Flows grouped under "other countries" are lost for country comparisons and for mirror statistics, just like unknown ones. A large residual often means the table lists selected partners only.
check-U2-look-at = Whether the full list of partner countries can be obtained from the source.

# The unknown category of a breakdown.
u1-unknown-partner = unknown partner country (UNK)
u1-unknown-status = unknown status (UNKNOWN)
u1-unknown-sex = unknown sex (U)
u1-unknown-age = unknown age (UNK)
# The total its share is taken of, as the subject of a sentence.
u1-total = the total
u1-total-sexes = the total of both sexes
u1-total-ages = the total of all ages
# The same total after "of" (in Russian the genitive, after "из").
u1-of-total = the total
u1-of-total-sexes = the total of both sexes
u1-of-total-ages = the total of all ages
# $total is one of u1-total…, $unknown one of u1-unknown-…
u1-total-not-reported = Cannot check: { $total } is not reported, so the share of { $unknown } is undefined
# $total_value and $value are the counts of the total and of the unknown category.
u1-total-not-positive = Cannot check: { $total } is { $total_value } while { $unknown } is { $value }, so the share is undefined
# $total is one of u1-of-total…, $share the share ("23.0 %"), $limit the threshold ("5 %").
u1-share = { $unknown }: { $value } of { $total } { $total_value } = { $share }, above { $limit }
# $value and $total are counts, $share the share ("23.0 %"), $limit the threshold ("10 %").
u2-other-share = Other partner countries (OTHER): { $value } of the total { $total } = { $share }, above { $limit }; these migrants cannot be attributed to a country

## D: demographic balance (balance.rs).
check-D1-title = Population change matches natural change and net migration
check-D1-what = Population on 1 January t+1 − population on 1 January t − (births − deaths) − (immigration − emigration) stays within 0.5 % of the population (uses POP, BIRTHS, DEATHS and the TOTAL rows of tables 3 and 4; where table 3 or 4 has no TOTAL row, the sum of its partners, as in C4).
check-D1-why = The demographic balance ties migration to vital statistics. A large negative residual year after year is the classic sign of unrecorded emigration; a spike in a census year shows a population revision that the migration figures do not reflect.
check-D1-look-at = The sign and persistence of the residual, census years, register clean-ups, and changes in how emigration is defined.

check-D2-title = Foreign-citizen stock changes match flows and acquisitions
check-D2-what = Non-citizens on 1 January t+1 − non-citizens on 1 January t − (non-citizen immigration − non-citizen emigration) + acquisitions of citizenship in t stays within 5 % of the non-citizen stock (tables 2.1, 5.1, 6.1, 7.1).
check-D2-why = Foreigners leave the stock by emigrating, dying or naturalising. A large residual shows unrecorded departures of foreigners, a regularisation campaign, or stock and flow tables with different definitions. Births and deaths of foreigners are not in the tables, which is why the tolerance is wide.
check-D2-look-at = Regularisations or amnesties, permits that expired without a recorded departure, and the definition of non-citizens in the stock and flow tables.

check-D3-title = Naturalisation rate is plausible (0–20 %)
check-D3-what = Acquisitions of citizenship in year t / non-citizens on 1 January t, outside 0–20 %.
check-D3-why = In the EU the rate ranges from about 0.1 % to 16 % a year. A rate beyond 20 % usually means that acquisitions and stock do not cover the same people, for example acquisitions by persons living abroad, or a stock that misses a large group of residents.
check-D3-look-at = Whether acquisitions include persons living abroad or a mass grant of citizenship to former citizens of a predecessor state, and whether the non-citizen stock is complete.

# A balance that does not close: $stock is d1-population or d2-non-citizens, $year the year,
# $next the stock on 1 January of that year, $formula the stock a year before with its flows
# (1,000 + births 20 − deaths 10 …), $predicted what they give, $residual the difference,
# $share the residual as a share ("1.2 %"), $whole what it is a share of (d1-of-population,
# d2-of-non-citizens), $limit the threshold ("0.5 %").
d-balance = { $stock } on 1 January { $year }: { $next } ≠ { $formula } = { $predicted }; residual { $residual } = { $share } { $whole }, beyond { $limit }
# A flow taken as the sum of its partners: $name is the flow, $sum the sum (sum-side-partners).
d-flow-summed = ; { $name } is the { $sum }, which has no TOTAL row
d-acquisitions = acquisitions of citizenship
d1-population = Population
d1-of-population = of the population
d1-births = births
d1-deaths = deaths
d1-immigration = immigration
d1-emigration = emigration
d2-non-citizens = Non-citizens
d2-of-non-citizens = of the non-citizens
d2-non-citizen-immigration = non-citizen immigration
d2-non-citizen-emigration = non-citizen emigration
d3-non-citizens-on-1-january = non-citizens on 1 January
# $rate is a share ("23.0 %"), $range the allowed range ("0–20 %").
d3-rate = Naturalisation rate { $year }: acquisitions { $acquired } / non-citizens on 1 January { $stock } = { $rate }, outside { $range }
d3-undefined = Cannot check: non-citizens on 1 January are { $stock }, so the naturalisation rate is undefined

## T: time series (series.rs).
check-T1-title = No implausible jump from one year to the next
check-T1-what = Within a series (table, reporting country, sex, age, category), the robust z-score of ln(x(t)/x(t−1)) against the series' usual change is above 3.5; or, across the partners of one reporting country and year, the change is a Hidiroglou–Berthelot outlier. Only counts of at least 50, never across a break in series.
check-T1-why = A flow that triples in one year is either a real event (a conflict, a policy change) or a change in processing: a new source, a register clean-up, another definition. Russia's 2011 switch to also counting persons registered for a stay of 9 months or more is a well-known example. Such jumps must be explained, not analysed as migration.
check-T1-look-at = The metadata of that year: changes of source, definition or registration rules; one-off register corrections; events in the partner country.

check-T2-title = No years missing from a table
check-T2-what = A table that a reporting country sends for some years and not for others, compared with the years of all its migration tables (the twelve Clearinghouse tables), so that a table starting later or stopping earlier than the others counts too (population, births and deaths only between their own first and last year): one finding per table and run of missing years. Or a year missing between the first and last year of a series although the table has that year.
check-T2-why = Gaps break comparisons over time and growth rates, and an unnoticed gap is easily read as a fall to zero when tables are put together.
check-T2-look-at = Whether the missing year exists at the source, was suppressed, or was not transmitted.

check-T3-title = Breaks in series are marked
check-T3-what = A value flagged b (break in series), or a change of data source or of duration-of-stay rule between consecutive years of one table of one reporting country.
check-T3-why = A break means the years before and after measure different things: the EU regulation of 2008, or a switch from a 6-month to a 12-month rule, which alone can change flows by about a quarter. Reading a break as a jump leads to wrong conclusions about migration trends, so T1 never compares values across a break.
check-T3-look-at = The documentation of the change, and which years can be compared with each other.

# $before and $now are the counts of two years $before_year and $now_year, $ratio now / before ("3.07").
t1-change = from { $before } in { $before_year } to { $now } in { $now_year } (× { $ratio })
# $z is the robust z-score, $usual the series' median ratio, $limit the z-score allowed.
t1-robust-z = robust z = { $z } against the series' usual change (median × { $usual }), beyond { $limit }
# $count is how many partners, $usual their median ratio.
t1-partner-outlier = an outlier among the { $count } partners of this reporter and year (median × { $usual }; Hidiroglou–Berthelot)
# $series names the series (table 3, partner RUS (Russian Federation), men), $change is t1-change,
# $reasons are t1-robust-z and t1-partner-outlier, joined with "; ".
t1-jump = { $series }: jump { $change }; { $reasons }
# $why is why the value is missing (missing-…), $at where it is (place-at).
t1-missing = Cannot check the changes to and from { $year } in { $series }: the value is missing ({ $why }){ $at }
# Years as runs ("2010, 2012–2013"); $count is how many years they are (Russian writes г. or гг. after them).
t2-years = { $count ->
   *[other] { $years }
}
# $table is a table (table-…), $who the reporting country with its name, $gap the years without
# data and $has those with data (t2-years).
t2-table-gap = { $table } of { $who } has no data for { $gap }; it has data for { $has }
# The same, when the country's other migration tables cover $span ("2010–2020"); $reporter is its code.
t2-table-gap-within = { $table } of { $who } has no data for { $gap }; it has data for { $has }, and { $reporter } reports migration tables for { $span }
# $series names the series, $first and $last are its first and last year.
t2-series-gap = No observation for { $year } in the series { $series } (reported { $first }–{ $last }), although the table has data for { $year }
# Why a year is a break in series; $at is where the flagged value is (place-at).
t3-flagged = a value is flagged b (break in series){ $at }
# $from and $to are the sources (quoted) or duration rules (duration-…) of the years $from_year and $to_year.
t3-source-changes = the source changes from { $from } ({ $from_year }) to { $to } ({ $to_year })
t3-duration-changes = the duration-of-stay rule changes from { $from } ({ $from_year }) to { $to } ({ $to_year })
# $table is a table (table-…), $who the reporting country, $reasons the t3-… reasons joined with "; ".
t3-break = Break in series in { $year }, { $table } of { $who }: { $reasons }. Do not read the change into { $year } as a jump
# What is stated for one year only, joined with t3-and.
t3-the-source = the source
t3-the-duration-rule = the duration-of-stay rule
t3-and = {" "}and{" "}
# $what is t3-the-source and/or t3-the-duration-rule, $previous the year before $year.
t3-undecided = Cannot tell whether { $table } of { $who } breaks in { $year }: { $what } is stated for one of { $previous } and { $year } but not for the other

## M: mirror statistics (mirror.rs).
check-M1-title = Immigration and the partner's emigration agree
check-M1-what = For each pair of countries and year with both sides reported and I + E ≥ 20: immigration reported by the receiving country (its table 3) against emigration reported by the sending country (its table 4), after correcting for different duration-of-stay rules. |ln(I/E)| ≥ 0.1 is reported: information below 0.26, warning below 0.69, error from 0.69 (a factor of two). A pair-year where both countries give the row but a value is missing, confidential or empty on one side or both cannot be checked, and the finding names that side.
check-M1-why = Every migration is recorded twice, on departure and on arrival. Receiving countries usually capture immigrants better than sending countries capture emigrants, who have little reason to de-register, so I > E usually signals undercounted emigration. Only about one EU pair in eight agrees within 10 %.
check-M1-look-at = The duration rules of both countries, the sending country's de-registration practice, and whether one side counts its own citizens only.

check-M2-title = A country's flows agree with what its partners report
check-M2-what = A country's emigration (or immigration) summed over all partners with both sides reported, against what those partners report; a ratio below 0.7 or above 1.43.
check-M2-why = Summing over partners shows a country's overall under- or over-count, independent of any single pair. A country that records only 40 % of the emigration its partners see has a de-registration problem, not a problem with one partner.
check-M2-look-at = De-registration rules, the share of emigrants with unknown destination (U1), and duration-of-stay rules.

# A ratio when the other side of the pair is 0.
m-ratio-undefined = undefined (the other side is 0)
# A side of a pair-year: $receiver is the country of arrival, $sender the country of departure (codes).
m1-side-immigration = { $receiver }'s immigration from { $sender }
m1-side-emigration = { $sender }'s emigration to { $receiver }
# When: $year, and $sex as " (men)" or nothing for both sexes.
m1-when = in { $year }{ $sex }
# A side without a number: $side is m1-side-…, $when m1-when (or nothing), $why why it is missing
# (missing-…), $at where it is (place-at).
m1-gap = { $side }{ $when } is missing ({ $why }){ $at }
# $immigration and $emigration are both m1-gap.
m1-both-missing = Cannot check: { $immigration }, and { $emigration }
# $gap is m1-gap; $emigrants and $immigrants are what the other side reports.
m1-immigration-missing = Cannot check: { $gap }; { $sender } reports { $emigrants } emigrants to { $receiver }
m1-emigration-missing = Cannot check: { $gap }; { $receiver } reports { $immigrants } immigrants from { $sender }
# $ratio is immigrants / emigrants ("1.234") or m-ratio-undefined; $sex is " (men)" or nothing.
m1-discrepancy = { $receiver } reports { $immigrants } immigrants from { $sender } in { $year }{ $sex }; { $sender } reports { $emigrants } emigrants to { $receiver }: ratio { $ratio }
m1-corrected = ; after the duration-of-stay correction { $immigrants } against { $emigrants }: ratio { $ratio }
# $value is |ln(I/E)| ("0.693", or ∞).
m1-log-ratio = {" "}(|ln ratio| { $value })
# $level is the confidence in per cent ("95"), $low and $high the ends of the exact interval of the corrected ratio (or ∞).
m1-interval = ; { $level } % interval of the ratio { $low } to { $high }
# A country's flows over its partners: $country is its code, $reported what it reports, $partners
# how many partners, $partners_report what they report, $ratio the ratio ("1.234"), $bounds the
# range allowed ("0.7–1.43").
m2-emigration = { $country } reports { $reported } emigrants to { $partners ->
    [one] { $partners } partner
   *[other] { $partners } partners
} in { $year }; those partners report { $partners_report } immigrants from { $country }: ratio { $ratio } (outside { $bounds })
m2-immigration = { $country } reports { $reported } immigrants from { $partners ->
    [one] { $partners } partner
   *[other] { $partners } partners
} in { $year }; those partners report { $partners_report } emigrants to { $country }: ratio { $ratio } (outside { $bounds })
m2-corrected = , after the duration-of-stay correction
