# The data-source assessment: grades, the weaknesses the scorecard names, and its text form.

## Grades of a mean score.
grade-good = good
grade-adequate = adequate
grade-weak = weak
grade-poor = poor

## Weaknesses, from the evidence behind a suggested score.
weakness-emigration-no-obligation = Emigration is recorded by the register only on de-registration, and there is no obligation to de-register on departure
weakness-emigration-weak-obligation = Emigration is recorded by the register only on de-registration, which is obligatory but weakly enforced
weakness-emigration-enforced = Emigration is recorded by the register on de-registration
weakness-emigration-register = Emigration is recorded by the register only on de-registration
weakness-emigration-incomplete = The source records emigration incompletely
# $head: one of the five above; $times: partners' arrivals ÷ the country's departures;
# $reported: the departures the country records; $partner_reported: the arrivals its partners record.
weakness-emigration-times-register = { $head }; partner countries report { $times } times more arrivals from { $name } than it records departures ({ $period }: { $reported } departures against { $partner_reported } arrivals).
weakness-emigration-times-source = { $head }; partner countries report { $times } times more arrivals from { $name } than it records departures ({ $period }: { $reported } departures against { $partner_reported } arrivals).
weakness-emigration-share = { $head }: emigration is { $ratio } of the immigration partner countries report ({ $period }).
# $what: "an unknown country of previous residence" and the like.
weakness-unknown-share = { $share } of the persons in table { $table } ({ $period }) have { $what } ({ $unknown } of { $total }).
weakness-consistency-check = { $check } “{ $title }” ×{ $findings }
# $total: failed cases; $tables: how many tables $list names; $checks: the checks, as above.
weakness-consistency = { $total ->
    [one] 1 consistency check fails
   *[other] { $total } consistency checks fail
} in { $tables ->
    [1] table
   *[other] tables
} { $list }: { $checks }
weakness-consistency-largest = ; the largest deviation of a total is { $deviation }
weakness-timeliness-latest = The latest data available at the review ({ $review_date }) are for { $year }, { $months } months after the end of that year.
weakness-timeliness-lag = The data are released { $months } months after the end of the reference year.
weakness-breakdown-sex = sex
weakness-breakdown-age = age
# $level: the level of the disaggregation criterion the tables reach.
weakness-disaggregation = { $tables ->
    [1] Table { $list } gives { $level }
   *[other] Tables { $list } give { $level }
}
weakness-disaggregation-missing = ; there is no breakdown by { $by }
weakness-definition-undocumented = The duration-of-stay rule of the source is not documented.
# $basis: what the 12 months are counted on (the permit, the registration…).
weakness-definition-basis = Migrants are counted by the 12-month rule applied to the { $basis }, not the actual stay.
weakness-definition-basis-years = In { $period } migrants were counted by the 12-month rule applied to the { $basis }, not the actual stay.
# $duration: "after 6 months of stay" and the like.
weakness-definition-duration = Migrants are counted { $duration } instead of after the 12 months of usual residence the UN recommends.
weakness-definition-duration-years = In { $period } migrants were counted { $duration } instead of after the 12 months of usual residence the UN recommends.
weakness-stability = { $jumps ->
    [one] 1 year-on-year jump is not flagged as a break in series (year { $list }).
   *[other] { $jumps } year-on-year jumps are not flagged as breaks in series (years { $list }).
}

## The scorecard as text.
scorecard-overall = Overall
scorecard-legend = (* suggested from the data, not yet reviewed; ! overridden by the reviewer)
scorecard-development = Potential for development
scorecard-no-development = No criterion scores 1 or less.

## Answers of the inventory, by list.
-unknown = Unknown
source-kind-population-census = Population census
source-kind-population-register = Population register (registration at place of residence)
source-kind-foreigners-register = Register of foreigners, residence and work permits
source-kind-border-statistics = Border or passenger statistics
source-kind-household-survey = Household or labour-force survey
source-kind-asylum-records = Asylum and refugee records
source-kind-consular-register = Consular register of citizens abroad
source-kind-other = Other
periodicity-continuous = Continuous, published at least annually
periodicity-annual = Annual
periodicity-biennial = Every two years
periodicity-irregular = Irregular (ad hoc)
periodicity-census-only = With the census only
periodicity-not-produced = Not produced
periodicity-unknown = { -unknown }
group-coverage-all-residents = All residents, incl. foreigners and asylum seekers
group-coverage-foreigners-partly = Citizens and part of the foreigners
group-coverage-citizens-only = Citizens only
group-coverage-permits-only = Permit holders only
group-coverage-unknown = { -unknown }
duration-basis-actual = Actual stay
duration-basis-intended = Intended stay
duration-basis-unknown = { -unknown }
obligation-enforced = Obligatory and enforced
obligation-weak = Obligatory, weakly enforced
obligation-none = No obligation
obligation-not-applicable = Not applicable
obligation-unknown = { -unknown }
publication-machine-readable = Machine-readable data with metadata
publication-tables-with-notes = Tables with notes
publication-pdf-only = PDF only
publication-on-request = On request only
publication-not-published = Not published
publication-unknown = { -unknown }

## The criteria of the rubric: title, question, the meaning of each level, what to do.
# definition
criterion-definition-title = Definition of a migrant
criterion-definition-question = After which duration of stay is a person counted as a migrant, and is it the actual or the intended stay?
criterion-definition-level-0 = "permanent" residence, or the rule is unknown
criterion-definition-level-1 = 3 months, or no time limit
criterion-definition-level-2 = 6 to under 12 months, or the intended duration only
criterion-definition-level-3 = 12 months of usual residence (UN recommendation)
criterion-definition-action = Count as migrants the persons who change their usual residence for at least 12 months (UN Recommendations, 1998) and publish the rule with the data.
# emigration_capture
criterion-emigration-capture-title = Emigration capture
criterion-emigration-capture-question = How completely does the source record departures? Compare its emigration with the immigration its partner countries report.
criterion-emigration-capture-level-0 = emigration below 0.4 of partners' immigration, or not produced
criterion-emigration-capture-level-1 = emigration 0.4–0.7 of partners' immigration
criterion-emigration-capture-level-2 = obligation to de-register, weakly enforced; 0.7–0.9 of partners' immigration
criterion-emigration-capture-level-3 = de-registration obligatory and enforced; at least 0.9 of partners' immigration
criterion-emigration-capture-action = Record departures from every event available (de-registration, expiry of a temporary registration, removal of persons found absent) and exchange data with the main partner countries to measure the undercount.
# coverage
criterion-coverage-title = Coverage of population groups
criterion-coverage-question = Which groups does the source cover: citizens, foreigners of every status, stateless persons, asylum seekers?
criterion-coverage-level-0 = coverage unknown
criterion-coverage-level-1 = citizens only, or permit holders only
criterion-coverage-level-2 = foreigners covered in part
criterion-coverage-level-3 = all residents, including foreigners and asylum seekers
criterion-coverage-action = Extend the source to all residents (foreigners of every status, stateless persons, asylum seekers) or combine it with the register of foreigners.
# internal_consistency
criterion-internal-consistency-title = Internal consistency
criterion-internal-consistency-question = Do the tables fed by the source add up: sexes, ages, partners and status categories to their totals, and related tables to each other?
criterion-internal-consistency-level-0 = the tables contradict each other
criterion-internal-consistency-level-1 = deviations larger than 1 %
criterion-internal-consistency-level-2 = deviations of at most 1 %
criterion-internal-consistency-level-3 = every identity holds
criterion-internal-consistency-action = Run the sum and cross-table checks before release and correct the tables so that every total agrees with its parts.
# disaggregation
criterion-disaggregation-title = Disaggregation
criterion-disaggregation-question = Which breakdowns does the source give: sex, age group, partner country (or status)?
criterion-disaggregation-level-0 = totals only
criterion-disaggregation-level-1 = totals by partner country
criterion-disaggregation-level-2 = sex × partner country
criterion-disaggregation-level-3 = sex × age × partner country
criterion-disaggregation-action = Publish the flows and stocks by sex, five-year age group and partner country (previous or next residence, citizenship, birth).
# unknown_share
criterion-unknown-share-title = Share of unknown categories
criterion-unknown-share-question = Which share of the persons has an unknown partner country or status?
criterion-unknown-share-level-0 = more than 20 %
criterion-unknown-share-level-1 = 5–20 %
criterion-unknown-share-level-2 = 2–5 %
criterion-unknown-share-level-3 = less than 2 %
criterion-unknown-share-action = Make the country of previous or next residence and the citizenship required fields of the statistical form and follow up the missing answers.
# timeliness
criterion-timeliness-title = Timeliness
criterion-timeliness-question = How many months after the end of the reference year are the data released?
criterion-timeliness-level-0 = more than 24 months after the end of the year
criterion-timeliness-level-1 = within 24 months
criterion-timeliness-level-2 = within 12 months
criterion-timeliness-level-3 = within 6 months after the end of the year
criterion-timeliness-action = Release the annual migration tables within six months of the end of the reference year, following a published release calendar.
# periodicity
criterion-periodicity-title = Periodicity
criterion-periodicity-question = How often does the source produce migration data?
criterion-periodicity-level-0 = not produced
criterion-periodicity-level-1 = with the census only, or irregularly
criterion-periodicity-level-2 = every two years
criterion-periodicity-level-3 = every year (or more often)
criterion-periodicity-action = Produce the migration tables every year.
# accessibility
criterion-accessibility-title = Accessibility
criterion-accessibility-question = How are the data published: machine-readable with metadata, tables with notes, PDF, on request?
criterion-accessibility-level-0 = on request only, or not published
criterion-accessibility-level-1 = PDF only
criterion-accessibility-level-2 = tables with notes
criterion-accessibility-level-3 = machine-readable data with metadata
criterion-accessibility-action = Publish the tables in a machine-readable form (CSV, PX-Web) with definitions and footnotes.
# time_series_stability
criterion-time-series-stability-title = Time-series stability
criterion-time-series-stability-question = Can the series be compared over time: are changes of method or source flagged and explained?
criterion-time-series-stability-level-0 = no comparable series: methods change repeatedly without explanation
criterion-time-series-stability-level-1 = breaks that are not flagged
criterion-time-series-stability-level-2 = breaks flagged and explained
criterion-time-series-stability-level-3 = no unexplained breaks
criterion-time-series-stability-action = Flag every change of method or source as a break in series (flag b), explain it in the metadata and, where possible, publish recalculated series.

## The questionnaire workbook: column headings and the help shown on each.
column-country = Country
column-country-help = ISO code (KAZ) or name of the country
column-synthetic = Synthetic data
column-synthetic-help = yes: demonstration data, not a real review
column-country-notes = Notes
column-country-notes-help = Overview of the country's system of migration data collection
column-review-date = Review date
column-review-date-help = Date of the review as YYYY-MM-DD; timeliness is judged against it
column-source-id = Source ID
column-source-id-help = Short and unique within the country, e.g. KAZ-REG
column-name = Source name
column-name-help = Name of the data source
column-kind = Type of source
column-kind-help = Pick from the list
column-agency = Agency
column-agency-help = Who runs the source and who produces the statistics
column-measures = What it measures
column-measures-help = Flows, stocks, events or persons, and of whom
column-feeds = Tables fed (years)
column-feeds-help = Clearinghouse tables with years, written with a dot: 3 (2008–2012); 4 (2008–2012); 5.1
column-periodicity = Periodicity
column-periodicity-help = Pick from the list
column-release-lag = Release lag (months)
column-release-lag-help = Months from the end of the reference year to the release
column-population-covered = Population covered
column-population-covered-help = Who is covered, in words
column-groups-covered = Groups covered
column-groups-covered-help = Pick from the list
column-duration-rule = Duration rule (months)
column-duration-rule-help = Stay after which a person counts as a migrant: 12, 9, 6, 3; 0 = no limit; 60 = permanent; empty = unknown
column-duration-basis = Duration basis
column-duration-basis-help = Actual or intended stay
column-registration = Registration obligation
column-registration-help = Must people register on arrival?
column-registration-days = Registration limit (days)
column-registration-days-help = Days allowed to register
column-registration-note = Registration details
column-registration-note-help = Who must register, sanctions, exceptions
column-deregistration = De-registration obligation
column-deregistration-help = Must people de-register on departure?
column-deregistration-days = De-registration limit (days)
column-deregistration-days-help = Days allowed to de-register
column-deregistration-note = De-registration details
column-deregistration-note-help = Who must de-register, incentives, administrative removals
column-deregistration-third-country = Third-country nationals must de-register
column-deregistration-third-country-help = Whether foreigners from outside the region (third-country nationals) must de-register when they leave: yes, no or unknown
column-third-country-monitoring = Stay of third-country nationals monitored
column-third-country-monitoring-help = Whether their stay is followed (permits that expire, checks), so that departures are recorded without de-registration: yes, no or unknown
column-administrative-corrections = Administrative corrections
column-administrative-corrections-help = Whether people who left without de-registering are removed from the register after a check: yes, no or unknown
answer-yes = Yes
answer-no = No
answer-unknown = Unknown
column-publication = Publication
column-publication-help = Pick from the list
column-notes = Notes
column-notes-help = Anything else the reviewer should know
column-source-id-2 = Source ID
column-source-id-2-help = As in the sheet Sources
column-criterion = Criterion
column-criterion-help = Pick from the list
column-suggested-score = Suggested score
column-suggested-score-help = Computed from the data; for information
column-suggested-why = Why (suggestion)
column-suggested-why-help = Why the data suggest this score; for information
column-score = Score (0–3)
column-score-help = 0–3, see the rubric in the sheet Instructions; empty = not scored
column-reason = Reason for a different score
column-reason-help = Required when the score differs from the suggested one
column-evidence = Evidence
column-evidence-help = What the score rests on, in your words
column-suggestion-data = Suggestion data
column-suggestion-data-help = Hidden: the suggestion as migreview stores it; do not edit

## The questionnaire workbook: answers, checks of a cell, the instructions sheet.
questionnaire-yes = yes
questionnaire-no = no
questionnaire-not-accepted = Not accepted
questionnaire-pick-from-list = Pick a value from the list.
questionnaire-score-range = A score from 0 to 3.
questionnaire-lag-range = Whole months, 0–600.
questionnaire-duration-range = Whole months, 0–60 (0 = no limit, 60 = permanent).
questionnaire-days-range = Whole days, 0–3650.
questionnaire-criterion = Criterion
questionnaire-dimension = ESS dimension
questionnaire-question = Question
questionnaire-instructions-title = migreview — questionnaire on the sources of international migration statistics
questionnaire-instructions-about = This workbook describes a country's migration data sources and scores each of them. It is read back by migreview.
questionnaire-instructions-countries = • Countries: one row per country, with an overview of its system of migration data collection.
questionnaire-instructions-sources = • Sources: one row per data source (census, population register, register of foreigners and permits, border statistics, surveys, asylum records, consular registers…).
questionnaire-instructions-scores = • Scores: one row per source and criterion. Give a score from 0 to 3 (see the rubric below) and write what it rests on. Where a score suggested from the data is shown and you give another one, write the reason.
questionnaire-instructions-layout = Keep the sheet names and the header rows as they are. Pick values from the lists where a cell offers one. Grey columns are for information and are not read back.
questionnaire-instructions-tables = Tables fed (years): the Clearinghouse tables the source provides, written with a dot, e.g. 3 (2008–2012); 4 (2008–2012); 5.1
questionnaire-instructions-duration = Duration rule (months): the stay after which a person is counted as a migrant: 12, 9, 6, 3; 0 = no time limit; 60 = "permanent" residence; empty = unknown.

## What follows the name of a country assessed with synthetic data.
assessment-synthetic-notice = {" "}— SYNTHETIC DEMONSTRATION DATA

## The instructions sheet: the table of columns.
questionnaire-column = Column
questionnaire-meaning = Meaning

## Suggestions from the data: the evidence behind each suggested score.
# $list: the table codes ("3, 4 and 5.1"); $count: how many they are.
suggest-tables = { $count ->
    [1] table { $list }
   *[other] tables { $list }
}
# How long a stay counts as migration; $months is a number of months.
suggest-duration-no-limit = without a time limit (anyone who registers)
suggest-duration-permanent = only on a change of "permanent" residence
suggest-duration-months = after { $months } months of stay
suggest-definition-unknown = The duration rule is unknown: neither the inventory nor the data state it.
# Where the duration rule was taken from ($origin below).
suggest-origin-data = the duration stated in the data
suggest-origin-inventory = the inventory
# $duration: suggest-duration-…; $basis: the duration basis in lower case.
suggest-definition = Persons are counted as migrants { $duration } ({ $basis }; source: { $origin }); the UN recommends 12 months of usual residence.
suggest-definition-data-differs = {" "}The data state { $data } months instead of { $stated }.
suggest-definition-rule = {" "}Rule: 12 months → 3; 6 to under 12 months, or the intended stay only → 2; 3 months or no limit → 1; "permanent" or unknown → 0.
# One duration rule and the years it held: "6 months in 2012–2015".
suggest-rule-years = { $months } months in { $years }
# $list: the rules by years (suggest-rule-years); $period: the years of the least comparable rule.
suggest-definition-changing = The data state different duration rules over the years: { $list }. The years before and after a change are not comparable, and the least comparable rule sets the level: in { $period } persons were counted as migrants { $duration } ({ $basis }); the UN recommends 12 months of usual residence.
suggest-definition-inventory-states = {" "}The inventory states { $months } months.
# The bands of the emigration ratio (E/I: emigration ÷ partners' immigration).
suggest-emigration-rule = {" "}Rule: E/I ≥ { $b3 } → 3, { $b2 }–{ $b3 } → 2, { $b1 }–{ $b2 } → 1, below { $b1 } or no emigration data → 0.
# $name: the country; $tables: suggest-tables; $rule: suggest-emigration-rule.
suggest-no-emigration = The data hold no emigration of { $name } in { $tables } for the years the source feeds.{ $rule }
# $ratio: emigration ÷ partners' immigration; $reported: the country's emigration; $partner_reported: the partners' immigration.
# Russian says «страны» instead of the name.
suggest-emigration = Emigration reported by { $name } is { $ratio } of the immigration its partner countries report from it ({ $period }: { $reported } against { $partner_reported })
suggest-emigration-times = : partners record { $times } times more arrivals than it records departures
# $list: "2012 0.41, 2013 0.39".
suggest-emigration-by-year = {" "}By year: { $list }.
# $field: suggest-field-…; $value: the answer of the inventory; $level: what the level means.
suggest-from-field = From the inventory: { $field } is "{ $value }". Level { $score }: { $level }.
suggest-field-coverage = the coverage of groups
suggest-field-periodicity = the periodicity
suggest-field-publication = the publication
suggest-consistency-none = No sum or cross-table check (A1–A4, C1–C6, D1–D3) failed in { $tables }.
# $failures: failed cases; $checks: "A1 ×3, C4 ×1"; $small: the small deviation (a percentage);
# $larger: the cases that deviate by more.
suggest-consistency-fail = Consistency checks that fail in { $tables }: { $failures } ({ $checks }); by more than { $small } (or out of bounds): { $larger }
suggest-consistency-largest = {" "}(largest deviation of a total { $deviation })
# $example: the message of the worst case, without its full stop.
suggest-consistency-example = . For example: { $example }.
# $many: from how many larger deviations the tables contradict each other.
suggest-consistency-rule = {" "}Rule: no failure → 3; every deviation at most { $small } → 2; larger deviations → 1; { $many } or more larger deviations (the tables contradict each other) → 0.
# What the breakdowns of the data give, by the level they reach.
suggest-breakdown-3 = the partner country (or status) by sex and age group
suggest-breakdown-2 = the partner country (or status) by sex, but not by age group
suggest-breakdown-1 = totals by partner country (or status), without sex crossed with the partner
suggest-breakdown-0 = totals only
suggest-yes = yes
suggest-no = no
# $what: suggest-breakdown-…; $sex, $age, $partner: suggest-yes or suggest-no.
suggest-disaggregation = The data of { $tables } give { $what } (sex: { $sex }, age: { $age }, partner: { $partner }). Rule: sex × age × partner → 3; sex × partner → 2; totals by partner → 1; totals only → 0.
# What is unknown in a table (weakness-unknown-share and suggest-unknown-share name it).
suggest-unknown-previous-residence = an unknown country of previous residence
suggest-unknown-next-residence = an unknown country of next residence
suggest-unknown-citizenship = an unknown citizenship
suggest-unknown-birth = an unknown country of birth
suggest-unknown-place-of-birth = an unknown place of birth
suggest-unknown-citizenship-status = an unknown citizenship status
# The bands of the unknown share, as percentages.
suggest-unknown-share-rule = {" "}Rule: below { $b3 } → 3, { $b3 }–{ $b2 } → 2, { $b2 }–{ $b1 } → 1, above { $b1 } → 0.
suggest-u1-flagged = {" "}Cases flagged by check U1: { $cases }.
suggest-u1-none = {" "}Check U1 flagged no case.
# $rule: suggest-unknown-share-rule.
suggest-unknown-share-u1 = The tables are not in the data, but check U1 flagged a large unknown share in { $tables } (cases: { $cases }).{ $rule }
# $what: suggest-unknown-…; $unknown and $total: persons.
suggest-unknown-share = { $share } of the persons in table { $table } ({ $period }) have { $what } ({ $unknown } of { $total }).
# $list: "3 1.2 %, 5.1 0.4 %".
suggest-unknown-share-others = {" "}Other tables: { $list }.
suggest-timeliness-rule = {" "}Rule: at most { $b3 } months → 3, { $b2 } → 2, { $b1 } → 1, more than { $b1 } → 0.
# $review: the review date; $months: months from the end of $year to it.
suggest-timeliness-latest = The latest year in the data of { $tables } is { $year }; the review date { $review } is { $months } months after the end of that year. This is an upper bound of the release lag: those data were out by the review date at the latest.
suggest-timeliness-lag-stated = {" "}The inventory states a release lag of { $lag } months.
# $rule: suggest-timeliness-rule.
suggest-timeliness-inventory = From the inventory: the data are released { $lag } months after the end of the reference year.{ $rule }
# $jumps: how many jumps; $years: their years.
suggest-stability-jumps = Year-on-year jumps not flagged as breaks (T1): { $jumps } (years { $years }).
suggest-stability-breaks = Breaks in series are flagged (T3 or flag b) in { $years }.
suggest-stability-none = No break in series and no unexplained jump in { $tables } (T1, T3).
suggest-stability-not-run = {" "}Checks T1 and T3 did not run.
suggest-stability-rule = {" "}Rule: no break → 3; breaks flagged → 2; unflagged jumps → 1.
institution-government = Government
institution-non-profit = Non-profit
institution-academic = Academic
institution-international = International organisation
institution-other = Other
