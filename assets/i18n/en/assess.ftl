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
