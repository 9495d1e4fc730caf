//! The words written into the sample workbooks, in English or Russian, from the catalogue
//! (`assets/i18n/*/sample.ftl`): the labels a national office writes in its tables.

use crate::model::{Breakdown, Lang, Sex, TableId, gazetteer};
use crate::t;

/// The label of a category as a national office writes it in a row of the table.
pub fn category_label(code: &str, table: TableId, lang: Lang) -> String {
    let status = matches!(table.breakdown(), Breakdown::Status);
    let label = match code {
        "TOTAL" => t!(lang, "sample-category-total"),
        "UNK" | "UNKNOWN" => t!(lang, "sample-category-unknown"),
        "OTHER" => t!(lang, "sample-category-other"),
        "STATELESS" => t!(lang, "sample-category-stateless"),
        "NATIVE" => t!(lang, "sample-category-native"),
        "FOREIGN_BORN" => t!(lang, "sample-category-foreign-born"),
        "CITIZENS" => t!(lang, "sample-category-citizens"),
        "NON_CITIZENS" => t!(lang, "sample-category-non-citizens"),
        "FOREIGN" if status => t!(lang, "sample-category-foreign"),
        _ => match gazetteer().by_code(code) {
            Some(place) => place.name(lang),
            // A label that was written wrongly stays as it was written.
            None => code,
        },
    };
    label.to_string()
}

/// The heading of the category column.
pub fn category_heading(table: TableId, lang: Lang) -> &'static str {
    match table {
        TableId::T1_1 => t!(lang, "sample-heading-place-of-birth"),
        TableId::T1_2 => t!(lang, "sample-heading-country-of-birth"),
        TableId::T2_1 | TableId::T5_1 | TableId::T6_1 => {
            t!(lang, "sample-heading-citizenship-status")
        }
        TableId::T2_2 | TableId::T5_2 | TableId::T6_2 => t!(lang, "sample-heading-citizenship"),
        TableId::T3 => t!(lang, "sample-heading-previous-residence"),
        TableId::T4 => t!(lang, "sample-heading-next-residence"),
        TableId::T7_1 => t!(lang, "sample-heading-status-before"),
        TableId::T7_2 => t!(lang, "sample-heading-previous-citizenship"),
        TableId::Pop | TableId::Births | TableId::Deaths => "",
    }
}

/// The title in the first row of a sheet: `Table 3. Long-term immigration by …`.
pub fn title(table: TableId, lang: Lang) -> String {
    match table {
        TableId::Pop | TableId::Births | TableId::Deaths => table.title(lang).to_string(),
        _ => t!(
            lang,
            "sample-title",
            table = table.code(),
            title = table.title(lang)
        ),
    }
}

/// The second row of a sheet: `Country: Kazakhstan`.
pub fn country_line(reporter: &str, lang: Lang) -> String {
    t!(
        lang,
        "sample-country-line",
        name = gazetteer().name(reporter, lang)
    )
}

pub fn sex_label(sex: Sex, lang: Lang) -> &'static str {
    match sex {
        Sex::T => t!(lang, "sample-sex-total"),
        Sex::M => t!(lang, "sample-sex-men"),
        Sex::F => t!(lang, "sample-sex-women"),
        Sex::U => t!(lang, "sample-sex-unknown"),
    }
}

pub fn age_heading(lang: Lang) -> &'static str {
    t!(lang, "sample-age-heading")
}

pub fn age_label(age: &str, lang: Lang) -> String {
    match age {
        "TOTAL" => t!(lang, "sample-age-total").to_string(),
        "UNK" => t!(lang, "sample-age-unknown").to_string(),
        _ => age.to_string(),
    }
}

/// `Source:` and `Note:` prefixes of the lines below the data.
pub fn source_prefix(lang: Lang) -> &'static str {
    t!(lang, "sample-source-prefix")
}

pub fn note_prefix(lang: Lang) -> &'static str {
    t!(lang, "sample-note-prefix")
}

/// The note every migration table carries: what long-term means.
pub fn definition_note(table: TableId, lang: Lang) -> Option<&'static str> {
    let flows = matches!(
        table,
        TableId::T3 | TableId::T4 | TableId::T5_1 | TableId::T5_2 | TableId::T6_1 | TableId::T6_2
    );
    let stocks = matches!(
        table,
        TableId::T1_1 | TableId::T1_2 | TableId::T2_1 | TableId::T2_2 | TableId::Pop
    );
    match (flows, stocks) {
        (true, _) => Some(t!(lang, "sample-note-long-term")),
        (_, true) => Some(t!(lang, "sample-note-population")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::category::parse_status;

    #[test]
    fn labels_are_read_back_as_the_codes_they_stand_for() {
        let g = gazetteer();
        for lang in [Lang::En, Lang::Ru] {
            for code in [
                "TOTAL",
                "UNK",
                "OTHER",
                "STATELESS",
                "SUHH",
                "RUS",
                "KGZ",
                "MDA",
                "IRN",
                "USA",
                "TUR",
            ] {
                let label = category_label(code, TableId::T2_2, lang);
                assert_eq!(
                    g.resolve(&label).map(|p| p.code.as_str()),
                    Some(code),
                    "{label}"
                );
            }
            for code in [
                "TOTAL",
                "NATIVE",
                "FOREIGN_BORN",
                "CITIZENS",
                "NON_CITIZENS",
                "FOREIGN",
                "STATELESS",
                "UNKNOWN",
            ] {
                let label = category_label(code, TableId::T2_1, lang);
                assert_eq!(parse_status(&label, TableId::T2_1), Some(code), "{label}");
            }
            for sex in [Sex::T, Sex::M, Sex::F] {
                assert_eq!(Sex::parse(sex_label(sex, lang)), Some(sex));
            }
            for table in TableId::ALL {
                assert_eq!(TableId::find_in(&title(table, lang)), Some(table));
            }
        }
        assert_eq!(
            title(TableId::T3, Lang::En),
            "Table 3. Long-term immigration by country of previous residence"
        );
        assert_eq!(
            country_line("RUS", Lang::Ru),
            "Страна: Российская Федерация"
        );
        assert_eq!(country_line("KAZ", Lang::En), "Country: Kazakhstan");
        assert_eq!(
            category_label("Kyrgyzstn", TableId::T1_2, Lang::En),
            "Kyrgyzstn"
        );
    }
}
