//! The institutions of a country that work on migration, as UNECE keeps them for the region:
//! who they are (names in English and Russian), where, their website and contact, what they do,
//! and their category. A data source names its producer and the institutions that hold or use
//! its data, so that a finding can be taken to the office that can explain it. Kept in the
//! assessment; read and written as CSV (`migreview assess institutions`).

use super::choices::Choice;
pub use super::choices::InstitutionCategory;
use crate::model::Lang;
use serde::{Deserialize, Serialize};

/// One institution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Institution {
    /// Unique within the country (`KAZ-BNS`).
    pub id: String,
    pub name_en: String,
    pub name_ru: String,
    pub category: InstitutionCategory,
    /// The city, or the address.
    pub location: String,
    pub website: String,
    /// Who to write to or call, as the institution gives it.
    pub contact: String,
    /// What it does on migration, in a sentence or two.
    pub summary: String,
}

impl Institution {
    /// The name in a language; the English one when it has no Russian name, and the other way
    /// round.
    pub fn name(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::En => (&self.name_en, &self.name_ru),
            Lang::Ru => (&self.name_ru, &self.name_en),
        };
        if wanted.trim().is_empty() {
            other
        } else {
            wanted
        }
    }
}

/// The columns of the institutions CSV, in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "id", "name_en", "name_ru", "category", "location", "website", "contact", "summary",
];

/// The institutions as CSV (UTF-8, a header line, one institution a row).
pub fn write_csv(institutions: &[Institution]) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CSV_COLUMNS)
        .map_err(|e| e.to_string())?;
    for i in institutions {
        writer
            .write_record([
                i.id.as_str(),
                &i.name_en,
                &i.name_ru,
                i.category.code(),
                &i.location,
                &i.website,
                &i.contact,
                &i.summary,
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Reads institutions from CSV with the header of [`CSV_COLUMNS`] (in any order; `id` and one
/// of the names required). A category is read from its code or its label in either language.
/// Every row that cannot be read is told with its line; nothing is taken then.
pub fn read_csv(text: &str) -> Result<Vec<Institution>, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![format!("line 1: cannot read the header: {e}")]),
    };
    let at = |name: &str| header.iter().position(|h| h == name);
    let Some(id_at) = at("id") else {
        return Err(vec![format!(
            "line 1: expected the columns {}; found {}",
            CSV_COLUMNS.join(", "),
            header.join(", ")
        )]);
    };
    let mut problems = Vec::new();
    let mut institutions: Vec<Institution> = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("line {line}: {e}"));
                continue;
            }
        };
        let cell = |name: &str| {
            at(name)
                .and_then(|i| record.get(i))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        let id = record.get(id_at).unwrap_or("").trim().to_string();
        if id.is_empty() && record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if id.is_empty() {
            problems.push(format!(
                "line {line}: the id is empty; give each institution an id (KAZ-BNS)"
            ));
            continue;
        }
        if institutions.iter().any(|i| i.id == id) {
            problems.push(format!("line {line}: the id {id} is given twice"));
            continue;
        }
        let (name_en, name_ru) = (cell("name_en"), cell("name_ru"));
        if name_en.is_empty() && name_ru.is_empty() {
            problems.push(format!(
                "line {line}: {id} has no name (name_en or name_ru)"
            ));
            continue;
        }
        let category_text = cell("category");
        let category = if category_text.is_empty() {
            InstitutionCategory::default()
        } else if let Some(category) = InstitutionCategory::parse(&category_text) {
            category
        } else {
            problems.push(format!(
                "line {line}: category \"{category_text}\" is none of {}",
                InstitutionCategory::ALL
                    .iter()
                    .map(|c| c.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        };
        institutions.push(Institution {
            id,
            name_en,
            name_ru,
            category,
            location: cell("location"),
            website: cell("website"),
            contact: cell("contact"),
            summary: cell("summary"),
        });
    }
    if problems.is_empty() {
        Ok(institutions)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_go_through_csv_and_back() {
        let bns = Institution {
            id: "KAZ-BNS".into(),
            name_en: "Bureau of National Statistics".into(),
            name_ru: "Бюро национальной статистики".into(),
            category: InstitutionCategory::Government,
            location: "Astana".into(),
            website: "https://stat.gov.kz".into(),
            contact: "migration@example.org, +7 000 000 00 00".into(),
            summary: "Produces tables 3 and 4, \"Migration of the population\".".into(),
        };
        let iom = Institution {
            id: "KAZ-IOM".into(),
            name_en: "IOM office".into(),
            category: InstitutionCategory::International,
            ..Institution::default()
        };
        let text = write_csv(&[bns.clone(), iom.clone()]).unwrap();
        assert!(text.starts_with("id,name_en,name_ru,category,"));
        assert_eq!(read_csv(&text).unwrap(), [bns, iom.clone()]);
        assert_eq!(iom.name(Lang::Ru), "IOM office");
    }

    #[test]
    fn rows_that_cannot_be_read_are_told_by_line() {
        let text = "\u{feff}id,name_ru,category\nA,Бюро,государственный орган\n,x,academic\nA,y,academic\nB,,academic\nC,z,museum\n";
        let problems = read_csv(text).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("line 3: the id is empty"));
        assert!(problems[1].starts_with("line 4: the id A is given twice"));
        assert!(problems[2].starts_with("line 5: B has no name"));
        assert!(problems[3].contains("category \"museum\" is none of government, non_profit"));
        let ok = read_csv("id,name_ru,category\nA,Бюро,государственный орган\n").unwrap();
        assert_eq!(ok[0].category, InstitutionCategory::Government);
        assert!(read_csv("name,city\nx,y\n").unwrap_err()[0].contains("expected the columns"));
    }
}
