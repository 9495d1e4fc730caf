# The words written into the sample workbooks: the labels a national office writes in its
# tables.

## Categories of the rows.
sample-category-total = Total
sample-category-unknown = Unknown
sample-category-other = Other countries
sample-category-stateless = Stateless persons
sample-category-native = Native-born
sample-category-foreign-born = Foreign-born
sample-category-citizens = Citizens
sample-category-non-citizens = Non-citizens
sample-category-foreign = Foreign citizens

## Headings of the category column.
sample-heading-place-of-birth = Place of birth
sample-heading-country-of-birth = Country of birth
sample-heading-citizenship-status = Citizenship status
sample-heading-citizenship = Country of citizenship
sample-heading-previous-residence = Country of previous residence
sample-heading-next-residence = Country of next residence
sample-heading-status-before = Status before acquiring citizenship
sample-heading-previous-citizenship = Country of previous citizenship

## The lines above and below a table.
# $table: the table's number (3, 5.1); $title: its title.
sample-title = Table { $table }. { $title }
sample-country-line = Country: { $name }
sample-source-prefix = Source:{" "}
sample-note-prefix = Note:{" "}
sample-note-long-term = long-term migrants: persons who change their usual residence for 12 months or more.
sample-note-population = population on 1 January.

## Sexes and ages.
sample-sex-total = Total
sample-sex-men = Men
sample-sex-women = Women
sample-sex-unknown = Sex unknown
sample-age-heading = Age
sample-age-total = Total
sample-age-unknown = Unknown

## The sources named under the sample tables. $census: the year of the census.
sample-source-estimates = population estimates (base: { $census } population census)
sample-source-estimates-register = population estimates (base: { $census } population census) and register of foreign citizens
sample-source-foreigners = register of foreign citizens with a residence permit
sample-source-register = population register: registration and de-registration at the place of residence
sample-source-citizenship = decisions on citizenship (Ministry of Internal Affairs)
sample-source-civil = civil registration of births and deaths

## The problems planted in the sample (planted_issues.csv, the finding's "Planted in the
## sample"): what was done, in words a trainer can read aloud.

planted-share-about = about { $share }
planted-share-range = { $low } to { $high }
planted-s1 = Table 1.2 of Kazakhstan spells a country of birth “Kyrgyzstn” (a letter is missing) in every year, so the row cannot be matched to Kyrgyzstan; the closest name is Kyrgyzstan (KGZ).
planted-s2 = The row “Китай” (China) appears twice in Table 2.2 of Kyrgyzstan: below the other countries a leftover row of an old template repeats it with zeros, in every year and for both sexes, so each key has two different values.
planted-s3 = The cell for women citizens of Uzbekistan who emigrated from Tajikistan in 2015 holds the text “see note” instead of a number.
planted-s3-a1 = Side effect of the S3 cell: men + women cannot be compared with the total for Uzbekistan in 2015 because the women's value is not a number (not evaluable).
planted-s3-a3 = Side effect of the S3 cell: the women's country rows of 2015 cannot be added up because one of them is not a number (not evaluable).
planted-n1 = “Other countries” for men in 2018 is −{ $negative }: it was computed as the total minus the listed countries after those had been over-counted by { $moved } men.
planted-n2 = The population of 1 January 2016 gives { $men } men and { $women } women: half persons left from averaging two register extracts, without the flag e of an estimate.
planted-a1 = Women on 1 January 2014 typed as { $typed } instead of { $women } (two digits swapped): men { $men } + women { $typed } = { $sum }, but the total says { $total }.
planted-a2 = 15 immigrant men whose age is unknown are in an “Unknown” age row of 2016 but were not added to the all-ages total (men and both sexes).
planted-a3 = 12 men from Afghanistan were added to the 2018 country row after the total had been computed: the countries add up to 12 more than the total (men and both sexes).
planted-a4 = Citizens among the emigrants of 2015 were raised by 400 men without changing the total: citizens + non-citizens + unknown exceed the total by 400 (men and both sexes).
planted-c1 = Table 1.1 of 2015 moved { $men } men from native-born to foreign-born after a correction that Table 1.2 did not get: the countries of birth add up to { $men } less than the foreign-born (men and both sexes).
planted-c2 = Table 2.1 of 2019 counts { $men } more men as foreign citizens (and fewer as citizens) than Table 2.2, which was not revised (men and both sexes).
planted-c3 = The 2013 total of Table 2.1 (and its citizens) is { $men } men above the total of Table 1.1: the two tables were taken from different extracts (men and both sexes).
planted-c4 = Table 5.1 of 2014 counts 150 more immigrant men (all citizens) than Table 3: returning citizens were added to one table only (men and both sexes).
planted-c5 = Table 6.1 of 2013 counts 60 more non-citizen emigrant men (and fewer citizens) than the total of Table 6.2 (men and both sexes).
planted-c6 = Table 7.1 of 2013 counts 120 more men who acquired citizenship than Table 7.2, which was not revised (men and both sexes).
planted-p1 = 31 returning citizens (18 men, 13 women) were recorded in 2019 as immigrants from Azerbaijan itself: the row “Azerbaijan” of Table 3 of Azerbaijan.
planted-p3 = 43 immigrants holding Russian citizenship (dual citizens, 26 men and 17 women) were counted in 2017 among non-citizen immigrants, in a row “Российская Федерация” of Table 5.2 of Russia.
planted-u1 = About a quarter of Russia's emigrants leave without stating where they go: “Не указано” is { $share } of Table 4 in every year (above 20 %, an error).
planted-u2 = Table 2.2 of Azerbaijan lists only its main citizenships: “Other countries” holds { $share } of the foreign citizens in every year.
planted-p2 = Kyrgyzstan granted citizenship to { $acquisitions } persons in 2021, more than the { $stock } non-citizens living there on 1 January 2021: returnees are naturalised within months of arrival and never appear in a 1 January stock (the same practice as the D3 row, whose rate passes 100 % that year).
planted-d1 = The population from 1 January 2020 was re-based on a new estimate 2 % lower ({ $after } instead of { $before }) without revising earlier years or the flows: the balance of 2019 is off by about { $gap } persons.
planted-d2 = A regularisation campaign in 2018 registered foreigners already living in Azerbaijan: non-citizens grow from { $start } to { $end }, but immigration minus emigration of non-citizens minus acquisitions explains only { $net }; { $unexplained } persons ({ $share } of the stock) are unexplained.
planted-d3 = Kyrgyzstan grants citizenship to ethnic Kyrgyz returnees soon after arrival: acquisitions are { $share } of the non-citizens living there on 1 January, in every year (above 20 %).
planted-t1 = Immigration to Russia from Ukraine jumps from { $before } in 2013 to { $after } in 2014 (×{ $factor }) and stays at the new level (men, women and both sexes).
planted-t2 = Table 7.2 of Tajikistan has no 2017 column: the year was dropped when the sheet was copied, so every series of the table has a gap in 2017.
planted-t3-rule = Azerbaijan counted migrants staying { $months } months or more until 2015 and 12 months or more from 2016 (Metadata sheet): Table { $table } breaks between 2015 and 2016, and its earlier flows are about a third larger. After the duration correction they agree with the partners' figures.
planted-t3-flag = The 2020 total population of Table 1.1 of Kyrgyzstan carries the flag b (break in series: figures from a new population register).
planted-m1 = Kyrgyzstan reports { $immigration } immigrants from Azerbaijan in 2017, Azerbaijan only { $emigration } emigrants to Kyrgyzstan (ratio { $ratio }).
planted-m2 = Tajikistan records { $share } of the emigration to Russia, Kazakhstan, Kyrgyzstan and Azerbaijan that those countries report as immigration from Tajikistan, in every year: emigrants are not de-registered when they leave.
planted-m2-m1 = Side effect of the M2 plant: every year { $name } reports about 2.5 times as many immigrants from Tajikistan as Tajikistan reports emigrants to { $name }.
