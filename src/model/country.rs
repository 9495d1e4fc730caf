//! Country coding: ISO 3166-1 (from the `celes` crate), UN M49 regions, UN DESA aggregate codes,
//! Eurostat's deviations (`EL`, `UK`) and aggregates, historical states with their successors,
//! and English and Russian names with their usual variants (from `assets/`).

use super::category::normalise_label;
use super::table::Lang;
use celes::LookupTable;
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_CSV: &str = include_str!("../../assets/countries.csv");
const SPECIAL_CSV: &str = include_str!("../../assets/places_special.csv");

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A current country or territory (ISO 3166-1, plus Kosovo `XKX`).
    Country,
    /// A former state (ISO 3166-3): USSR, Yugoslavia, Czechoslovakia, Serbia and Montenegro…
    Historical,
    /// A group of countries (`EU27_2020`, `FOR`, `CIS`…).
    Aggregate,
    /// A UN M49 region or a UN DESA Population Division aggregate.
    Region,
    /// `TOTAL`.
    Total,
    /// `UNK`.
    Unknown,
    /// `OTHER`.
    Other,
    /// `STATELESS`.
    Stateless,
}

impl PlaceKind {
    fn parse(text: &str) -> Option<PlaceKind> {
        Some(match text.trim() {
            "country" => PlaceKind::Country,
            "historical" => PlaceKind::Historical,
            "aggregate" => PlaceKind::Aggregate,
            "region" => PlaceKind::Region,
            "total" => PlaceKind::Total,
            "unknown" => PlaceKind::Unknown,
            "other" => PlaceKind::Other,
            "stateless" => PlaceKind::Stateless,
            _ => return None,
        })
    }
}

/// A country, historical state, aggregate or region.
#[derive(Clone, Debug)]
pub struct Place {
    /// Canonical code: ISO alpha-3 for countries, ISO 3166-3 alpha-4 for historical states,
    /// the Eurostat code for aggregates, `M49_143` / `UNPD_5500` for regions.
    pub code: String,
    pub alpha2: Option<String>,
    pub numeric: Option<u16>,
    pub kind: PlaceKind,
    pub name_en: String,
    pub name_ru: String,
    /// UN M49 region (continent) and sub-region of a country.
    pub m49_region: Option<u16>,
    pub m49_subregion: Option<u16>,
    /// Successor states of a historical state (alpha-3).
    pub members: Vec<String>,
}

impl Place {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Ru if !self.name_ru.is_empty() => &self.name_ru,
            Lang::Ru => &self.name_en,
        }
    }
}

/// The table of all known places and every label that names them.
pub struct Gazetteer {
    places: Vec<Place>,
    by_code: HashMap<String, usize>,
    by_label: HashMap<String, usize>,
    by_numeric: HashMap<u16, usize>,
    /// Normalised full names and variants (not codes), for suggestions.
    names: Vec<(String, usize)>,
    /// Problems met while reading the embedded tables (a test keeps this empty).
    pub table_errors: Vec<String>,
}

/// The process-wide gazetteer, built on first use from the embedded tables.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::build)
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            places: Vec::with_capacity(520),
            by_code: HashMap::new(),
            by_label: HashMap::new(),
            by_numeric: HashMap::new(),
            names: Vec::new(),
            table_errors: Vec::new(),
        };
        g.read_countries();
        g.read_special();
        g.add_iso_aliases();
        // Eurostat's own alpha-2 codes for Greece and the United Kingdom.
        g.add_code_label("EL", "GRC");
        g.add_code_label("UK", "GBR");
        g
    }

    fn read_countries(&mut self) {
        let mut reader = csv::Reader::from_reader(COUNTRIES_CSV.as_bytes());
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    self.table_errors
                        .push(format!("countries.csv line {line}: {e}"));
                    continue;
                }
            };
            if record.len() != 8 {
                self.table_errors.push(format!(
                    "countries.csv line {line}: expected 8 columns, found {}",
                    record.len()
                ));
                continue;
            }
            let field = |k: usize| record.get(k).unwrap_or("").trim().to_string();
            let place = Place {
                code: field(0),
                alpha2: Some(field(1)).filter(|s| !s.is_empty()),
                numeric: field(2).parse().ok(),
                kind: PlaceKind::Country,
                m49_region: field(3).parse().ok(),
                m49_subregion: field(4).parse().ok(),
                name_en: field(5),
                name_ru: field(6),
                members: Vec::new(),
            };
            let variants = field(7);
            self.add_place(place, &variants);
        }
    }

    fn read_special(&mut self) {
        let mut reader = csv::Reader::from_reader(SPECIAL_CSV.as_bytes());
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    self.table_errors
                        .push(format!("places_special.csv line {line}: {e}"));
                    continue;
                }
            };
            let field = |k: usize| record.get(k).unwrap_or("").trim().to_string();
            let Some(kind) = PlaceKind::parse(&field(1)) else {
                self.table_errors.push(format!(
                    "places_special.csv line {line}: unknown kind {:?}",
                    field(1)
                ));
                continue;
            };
            let place = Place {
                code: field(0),
                alpha2: Some(field(3)).filter(|s| !s.is_empty()),
                numeric: field(2).parse().ok(),
                kind,
                m49_region: None,
                m49_subregion: None,
                name_en: field(4),
                name_ru: field(5),
                members: field(7)
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            };
            let variants = field(6);
            self.add_place(place, &variants);
        }
    }

    fn add_place(&mut self, place: Place, variants: &str) {
        if place.code.is_empty() {
            self.table_errors
                .push(format!("a place without a code: {:?}", place.name_en));
            return;
        }
        if self.by_code.contains_key(&place.code) {
            self.table_errors
                .push(format!("code {} appears twice", place.code));
            return;
        }
        let index = self.places.len();
        self.by_code.insert(place.code.clone(), index);
        if let Some(numeric) = place.numeric
            && let Some(previous) = self.by_numeric.insert(numeric, index)
        {
            self.table_errors.push(format!(
                "numeric code {numeric} given to {} and {}",
                self.places[previous].code, place.code
            ));
        }
        let mut labels: Vec<(String, bool)> = vec![(place.code.clone(), false)];
        if let Some(alpha2) = &place.alpha2 {
            labels.push((alpha2.clone(), false));
        }
        labels.push((place.name_en.clone(), true));
        labels.push((place.name_ru.clone(), true));
        for variant in variants.split('|') {
            labels.push((variant.to_string(), true));
        }
        self.places.push(place);
        for (label, is_name) in labels {
            self.add_label(&label, index, is_name);
        }
    }

    fn add_label(&mut self, label: &str, index: usize, is_name: bool) {
        let key = normalise_label(label);
        if key.is_empty() {
            return;
        }
        match self.by_label.get(&key) {
            Some(&existing) if existing != index => {
                self.table_errors.push(format!(
                    "label {label:?} names both {} and {}",
                    self.places[existing].code, self.places[index].code
                ));
            }
            Some(_) => {}
            None => {
                self.by_label.insert(key.clone(), index);
                if is_name {
                    self.names.push((key, index));
                }
            }
        }
    }

    /// Adds the ISO names and aliases that `celes` knows, where they name no other place.
    fn add_iso_aliases(&mut self) {
        for country in celes::Country::get_countries() {
            let Some(&index) = self.by_code.get(country.alpha3) else {
                self.table_errors.push(format!(
                    "ISO country {} ({}) is missing from countries.csv",
                    country.alpha3, country.long_name
                ));
                continue;
            };
            let place = &self.places[index];
            // Kosovo's numeric code is user-assigned: the table leaves it empty.
            let numeric_differs = place.numeric.is_some_and(|n| n != country.value as u16);
            if place.alpha2.as_deref() != Some(country.alpha2) || numeric_differs {
                self.table_errors.push(format!(
                    "countries.csv disagrees with ISO 3166-1 on {}",
                    country.alpha3
                ));
            }
            let mut labels = vec![country.long_name.to_string()];
            if let Some(short) = country.long_name.strip_prefix("The ") {
                labels.push(short.to_string());
            }
            labels.extend(country.aliases.iter().map(|a| a.to_string()));
            for label in labels {
                let key = normalise_label(&label);
                if !key.is_empty() && !self.by_label.contains_key(&key) {
                    self.by_label.insert(key.clone(), index);
                    self.names.push((key, index));
                }
            }
        }
    }

    fn add_code_label(&mut self, label: &str, code: &str) {
        if let Some(&index) = self.by_code.get(code) {
            self.by_label.entry(normalise_label(label)).or_insert(index);
        }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this canonical code.
    pub fn by_code(&self, code: &str) -> Option<&Place> {
        self.by_code.get(code).map(|&i| &self.places[i])
    }

    /// Places a label written in any coding: ISO alpha-2/alpha-3/numeric (with or without
    /// leading zeros), M49 and UN DESA codes, Eurostat codes, English and Russian names and
    /// their variants. Text in brackets is ignored when the whole label is not known
    /// ("Germany (until 1990 former territory of the FRG)").
    pub fn resolve(&self, label: &str) -> Option<&Place> {
        let trimmed = label.trim();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.len() <= 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            let numeric: u16 = trimmed.parse().ok()?;
            return self.by_numeric.get(&numeric).map(|&i| &self.places[i]);
        }
        if let Some(numeric) = trimmed
            .strip_suffix(".0")
            .and_then(|s| s.parse::<u16>().ok())
        {
            return self.by_numeric.get(&numeric).map(|&i| &self.places[i]);
        }
        if let Some(&i) = self.by_label.get(&normalise_label(trimmed)) {
            return Some(&self.places[i]);
        }
        if let Some(open) = trimmed.find('(') {
            let head = trimmed[..open].trim();
            if !head.is_empty() {
                return self
                    .by_label
                    .get(&normalise_label(head))
                    .map(|&i| &self.places[i]);
            }
        }
        None
    }

    /// The closest known places to a label that could not be placed, best first.
    pub fn suggest(&self, label: &str, limit: usize) -> Vec<&Place> {
        let key = normalise_label(label);
        if key.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<usize, f64> = HashMap::new();
        for (name, index) in &self.names {
            let score = strsim::jaro_winkler(&key, name);
            let entry = best.entry(*index).or_insert(0.0);
            if score > *entry {
                *entry = score;
            }
        }
        let mut ranked: Vec<(usize, f64)> = best
            .into_iter()
            .filter(|(_, score)| *score >= 0.8)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(i, _)| &self.places[i])
            .collect()
    }

    /// The name of a canonical code in a language, or the code itself when unknown.
    pub fn name<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        match self.by_code(code) {
            Some(place) => place.name(lang),
            None => code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_clean_and_cover_iso() {
        let g = gazetteer();
        assert!(g.table_errors.is_empty(), "{:#?}", g.table_errors);
        assert!(
            g.places()
                .iter()
                .filter(|p| p.kind == PlaceKind::Country)
                .count()
                >= 250
        );
    }

    #[test]
    fn every_coding_places_kazakhstan() {
        let g = gazetteer();
        for label in [
            "KAZ",
            "KZ",
            "kz",
            "398",
            "Kazakhstan",
            "Казахстан",
            "Republic of Kazakhstan",
            "  kazakhstan ",
        ] {
            assert_eq!(
                g.resolve(label).map(|p| p.code.as_str()),
                Some("KAZ"),
                "{label}"
            );
        }
    }

    #[test]
    fn variants_eurostat_codes_and_history() {
        let g = gazetteer();
        let code = |label: &str| g.resolve(label).map(|p| p.code.clone());
        assert_eq!(code("Russia").as_deref(), Some("RUS"));
        assert_eq!(code("Российская Федерация").as_deref(), Some("RUS"));
        assert_eq!(code("Россия").as_deref(), Some("RUS"));
        assert_eq!(code("Kyrgyz Republic").as_deref(), Some("KGZ"));
        assert_eq!(code("Киргизия").as_deref(), Some("KGZ"));
        assert_eq!(code("EL").as_deref(), Some("GRC"));
        assert_eq!(code("UK").as_deref(), Some("GBR"));
        assert_eq!(code("51").as_deref(), Some("ARM"));
        assert_eq!(code("051").as_deref(), Some("ARM"));
        assert_eq!(code("31").as_deref(), Some("AZE"));
        assert_eq!(code("Türkiye").as_deref(), Some("TUR"));
        assert_eq!(
            code("Germany (until 1990 former territory of the FRG)").as_deref(),
            Some("DEU")
        );
        assert_eq!(code("USSR").as_deref(), Some("SUHH"));
        assert_eq!(code("СССР").as_deref(), Some("SUHH"));
        assert_eq!(code("810").as_deref(), Some("SUHH"));
        assert_eq!(code("Yugoslavia").as_deref(), Some("YUCS"));
        assert_eq!(code("Czechoslovakia").as_deref(), Some("CSHH"));
        assert_eq!(code("Serbia and Montenegro").as_deref(), Some("CSXX"));
        assert_eq!(code("EU27_2020_FOR").as_deref(), Some("EU27_2020_FOR"));
        assert_eq!(code("All countries").as_deref(), Some("TOTAL"));
        assert_eq!(code("Всего").as_deref(), Some("TOTAL"));
        assert_eq!(code("Unknown").as_deref(), Some("UNK"));
        assert_eq!(code("5500").as_deref(), Some("UNPD_5500"));
        assert_eq!(code("900").as_deref(), Some("UNPD_900"));
        assert_eq!(code("Korea"), None);
        let ussr = g.by_code("SUHH").map(|p| p.members.len());
        assert_eq!(ussr, Some(15));
    }

    #[test]
    fn regions_follow_m49() {
        let g = gazetteer();
        let sub = |code: &str| g.by_code(code).and_then(|p| p.m49_subregion);
        assert_eq!(sub("ARM"), Some(145));
        assert_eq!(sub("AZE"), Some(145));
        assert_eq!(sub("GEO"), Some(145));
        assert_eq!(sub("KAZ"), Some(143));
        assert_eq!(sub("RUS"), Some(151));
    }

    #[test]
    fn unplaced_labels_get_the_closest_names() {
        let g = gazetteer();
        assert!(g.resolve("Kyrgystan").is_none());
        let suggestions: Vec<&str> = g
            .suggest("Kyrgystan", 3)
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        assert_eq!(suggestions.first(), Some(&"KGZ"), "{suggestions:?}");
        let suggestions: Vec<&str> = g
            .suggest("Kazahstan", 3)
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        assert_eq!(suggestions.first(), Some(&"KAZ"), "{suggestions:?}");
        assert!(g.suggest("zzzzqqq", 3).is_empty());
    }
}
