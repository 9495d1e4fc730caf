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
