//! The words written into the sample workbooks, in English or Russian.

use crate::model::{Breakdown, Lang, Sex, TableId, gazetteer};

/// The label of a category as a national office writes it in a row of the table.
pub fn category_label(code: &str, table: TableId, lang: Lang) -> String {
    let status = matches!(table.breakdown(), Breakdown::Status);
    let en_ru = |en: &str, ru: &str| match lang {
        Lang::En => en.to_string(),
        Lang::Ru => ru.to_string(),
    };
    match code {
        "TOTAL" => en_ru("Total", "Всего"),
        "UNK" | "UNKNOWN" => en_ru("Unknown", "Не указано"),
        "OTHER" => en_ru("Other countries", "Другие страны"),
        "STATELESS" => en_ru("Stateless persons", "Лица без гражданства"),
        "NATIVE" => en_ru("Native-born", "Родившиеся в стране"),
        "FOREIGN_BORN" => en_ru("Foreign-born", "Родившиеся за рубежом"),
        "CITIZENS" => en_ru("Citizens", "Граждане"),
        "NON_CITIZENS" => en_ru("Non-citizens", "Неграждане"),
        "FOREIGN" if status => en_ru("Foreign citizens", "Иностранные граждане"),
        _ => match gazetteer().by_code(code) {
            Some(place) => place.name(lang).to_string(),
            // A label that was written wrongly stays as it was written.
            None => code.to_string(),
        },
    }
}

/// The heading of the category column.
pub fn category_heading(table: TableId, lang: Lang) -> &'static str {
    let (en, ru) = match table {
        TableId::T1_1 => ("Place of birth", "Место рождения"),
        TableId::T1_2 => ("Country of birth", "Страна рождения"),
        TableId::T2_1 | TableId::T5_1 | TableId::T6_1 => ("Citizenship status", "Гражданство"),
        TableId::T2_2 | TableId::T5_2 | TableId::T6_2 => {
            ("Country of citizenship", "Страна гражданства")
        }
        TableId::T3 => (
            "Country of previous residence",
            "Страна предыдущего проживания",
        ),
        TableId::T4 => (
            "Country of next residence",
            "Страна последующего проживания",
        ),
        TableId::T7_1 => (
            "Status before acquiring citizenship",
            "Статус до приобретения гражданства",
        ),
        TableId::T7_2 => (
            "Country of previous citizenship",
            "Страна прежнего гражданства",
        ),
        TableId::Pop | TableId::Births | TableId::Deaths => ("", ""),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The title in the first row of a sheet: `Table 3. Long-term immigration by …`.
pub fn title(table: TableId, lang: Lang) -> String {
    match (table, lang) {
        (TableId::Pop | TableId::Births | TableId::Deaths, _) => table.title(lang).to_string(),
        (_, Lang::En) => format!("Table {}. {}", table.code(), table.title(lang)),
        (_, Lang::Ru) => format!("Таблица {}. {}", table.code(), table.title(lang)),
    }
}

/// The second row of a sheet: `Country: Kazakhstan`.
pub fn country_line(reporter: &str, lang: Lang) -> String {
    let name = gazetteer().name(reporter, lang);
    match lang {
        Lang::En => format!("Country: {name}"),
        Lang::Ru => format!("Страна: {name}"),
    }
}

pub fn sex_label(sex: Sex, lang: Lang) -> &'static str {
    match (sex, lang) {
        (Sex::T, Lang::En) => "Total",
        (Sex::M, Lang::En) => "Men",
        (Sex::F, Lang::En) => "Women",
        (Sex::U, Lang::En) => "Sex unknown",
        (Sex::T, Lang::Ru) => "Всего",
        (Sex::M, Lang::Ru) => "Мужчины",
        (Sex::F, Lang::Ru) => "Женщины",
        (Sex::U, Lang::Ru) => "Пол не указан",
    }
}

pub fn age_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Age",
        Lang::Ru => "Возраст",
    }
}

pub fn age_label(age: &str, lang: Lang) -> String {
    match (age, lang) {
        ("TOTAL", Lang::En) => "Total".into(),
        ("TOTAL", Lang::Ru) => "Всего".into(),
        ("UNK", Lang::En) => "Unknown".into(),
        ("UNK", Lang::Ru) => "Не указано".into(),
        _ => age.to_string(),
    }
}

/// `Source:` and `Note:` prefixes of the lines below the data.
pub fn source_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Source: ",
        Lang::Ru => "Источник: ",
    }
}

pub fn note_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Note: ",
        Lang::Ru => "Примечание: ",
    }
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
    match (lang, flows, stocks) {
        (Lang::En, true, _) => Some(
            "long-term migrants: persons who change their usual residence for 12 months or more.",
        ),
        (Lang::Ru, true, _) => Some(
            "долгосрочные мигранты: лица, сменившие место постоянного проживания на срок 12 месяцев и более.",
        ),
        (Lang::En, _, true) => Some("population on 1 January."),
        (Lang::Ru, _, true) => Some("численность на 1 января."),
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
