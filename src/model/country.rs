//! Country coding: ISO 3166-1 (from the `celes` crate), UN M49 regions, UN DESA aggregate codes,
//! Eurostat's deviations (`EL`, `UK`) and aggregates, historical states with their successors,
//! and English and Russian names with their usual variants (from `assets/`); sub-national
//! regions (Russian federal subjects and federal districts, and the words that mark a region of
//! any country) so that they are told apart from unplaced country labels. The tables and the
//! rules of matching are described in `assets/README.md`.
#![deny(clippy::indexing_slicing)] // Labels from input decide the lookups here: `get`, never `[]`.

use super::category::normalise_label;
use super::table::Lang;
use celes::LookupTable;
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_CSV: &str = include_str!("../../assets/countries.csv");
const SPECIAL_CSV: &str = include_str!("../../assets/places_special.csv");
const SUBNATIONAL_CSV: &str = include_str!("../../assets/subnational.csv");
const SUBNATIONAL_WORDS_CSV: &str = include_str!("../../assets/subnational_words.csv");

/// How many suggestions [`Gazetteer::classify`] gives for an unplaced label.
pub const SUGGESTIONS: usize = 3;

/// Words that do not tell one country from another ("Republic of …", "… Islands",
/// "Республика …"), left out when a label is compared with the known names for suggestions
/// (`assets/README.md`, "Suggestions").
const GENERIC_WORDS: &[&str] = &[
    "republic",
    "republics",
    "rep",
    "of",
    "the",
    "and",
    "islands",
    "island",
    "is",
    "isl",
    "state",
    "states",
    "sts",
    "kingdom",
    "federation",
    "federal",
    "federated",
    "fed",
    "democratic",
    "dem",
    "people",
    "peoples",
    "popular",
    "union",
    "united",
    "plurinational",
    "bolivarian",
    "islamic",
    "arab",
    "socialist",
    "commonwealth",
    "principality",
    "grand",
    "duchy",
    "sultanate",
    "emirate",
    "emirates",
    "territory",
    "territories",
    "special",
    "administrative",
    "region",
    "autonomous",
    "province",
    "oblast",
    "country",
    "countries",
    "s",
    "республика",
    "республики",
    "народная",
    "народно",
    "демократическая",
    "федерация",
    "федеративная",
    "федеративные",
    "королевство",
    "государство",
    "острова",
    "остров",
    "объединенная",
    "объединенные",
    "исламская",
    "арабская",
    "социалистическая",
    "союз",
    "содружество",
    "княжество",
    "султанат",
    "штаты",
    "и",
    "область",
    "край",
    "автономный",
    "автономная",
    "округ",
    "федеральный",
    "г",
    "город",
    "страна",
    "страны",
];

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
    /// `RNC`, recognised non-citizens (Latvia, Estonia): a citizenship status, not a country;
    /// counts towards the total like `STATELESS`.
    NonCitizen,
    /// A territory that some statistical offices list as a partner of its own although it is
    /// not an ISO 3166-1 entry (Abkhazia, Northern Cyprus, Transnistria…); `members` holds the
    /// country it belongs to in ISO 3166-1. Counts towards the total like `OTHER`.
    Territory,
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
            "noncitizen" => PlaceKind::NonCitizen,
            "territory" => PlaceKind::Territory,
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
    /// Successor states of a historical state, fixed members of a group, or the country a
    /// territory belongs to (alpha-3).
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

/// A region inside a country: a row of `assets/subnational.csv` (the Russian federal subjects
/// and federal districts).
#[derive(Clone, Debug)]
pub struct SubnationalUnit {
    /// Alpha-3 code of the country, `None` where the table names none (`assets/README.md`).
    pub country: Option<String>,
    /// `republic`, `krai`, `oblast`, `federal_city`, `autonomous_oblast`, `autonomous_okrug`
    /// or `federal_district`.
    pub level: String,
    pub name_ru: String,
    pub name_en: String,
}

impl SubnationalUnit {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            Lang::En | Lang::Ru => &self.name_ru,
        }
    }
}

/// A word or run of words that marks a label as a region of a country ("область", "oblast",
/// "province"): a row of `assets/subnational_words.csv`.
#[derive(Clone, Debug)]
struct RegionWords {
    /// The words, normalised by [`words_of`].
    words: Vec<String>,
    position: WordPosition,
    /// The country where the words mark a region of one country only ("край": Russia).
    country: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum WordPosition {
    Any,
    First,
    Last,
}

/// What a label names, as [`Gazetteer::classify`] tells it.
#[derive(Clone, Debug)]
pub enum Placement<'a> {
    /// A country, historical state, group, region, territory or special code (`TOTAL`, `UNK`…).
    Place(&'a Place),
    /// A region inside a country (a Russian federal subject, "Московская область", "г. Москва",
    /// "Province of Teruel"): not a country and not a part of country sums. `unit` is the row of
    /// `assets/subnational.csv` the label names, `None` when only a word of
    /// `assets/subnational_words.csv` marks it; `country` is the alpha-3 code when known.
    Subnational {
        country: Option<&'a str>,
        unit: Option<&'a SubnationalUnit>,
    },
    /// Nothing known. `suggestions` are the places the label is a plausible misspelling of,
    /// best first; often empty.
    Unplaced { suggestions: Vec<&'a Place> },
}

impl<'a> Placement<'a> {
    /// The place, when the label names one.
    pub fn place(&self) -> Option<&'a Place> {
        match self {
            Placement::Place(place) => Some(place),
            _ => None,
        }
    }

    pub fn is_subnational(&self) -> bool {
        matches!(self, Placement::Subnational { .. })
    }
}

/// The table of all known places and every label that names them.
pub struct Gazetteer {
    places: Vec<Place>,
    by_code: HashMap<String, usize>,
    by_label: HashMap<String, usize>,
    by_numeric: HashMap<u16, usize>,
    /// Full names and variants (not codes) as words ([`normalise_label_words`]).
    names: Vec<(String, usize)>,
    /// The distinctive part of every name and variant ([`distinctive`]), for suggestions,
    /// shortest first.
    distinctive_names: Vec<DistinctiveName>,
    subnational: Vec<SubnationalUnit>,
    /// Normalised labels of sub-national units.
    subnational_by_label: HashMap<String, usize>,
    region_words: Vec<RegionWords>,
    /// Problems met while reading the embedded tables (a test keeps this empty).
    pub table_errors: Vec<String>,
}

/// The distinctive part of a name ([`distinctive`]) as compared with labels for suggestions.
struct DistinctiveName {
    chars: Vec<char>,
    /// [`letter_mask`] of `chars`.
    mask: u64,
    /// The index of the place in `places`.
    place: usize,
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
            distinctive_names: Vec::new(),
            subnational: Vec::new(),
            subnational_by_label: HashMap::new(),
            region_words: Vec::new(),
            table_errors: Vec::new(),
        };
        g.read_countries();
        g.read_special();
        g.add_iso_aliases();
        // Eurostat's own alpha-2 codes for Greece and the United Kingdom.
        g.add_code_label("EL", "GRC");
        g.add_code_label("UK", "GBR");
        g.read_subnational();
        g.read_region_words();
        let mut distinctive_names: Vec<(Vec<char>, usize)> = g
            .names
            .iter()
            .map(|(name, index)| (distinctive(name).chars().collect::<Vec<char>>(), *index))
            .filter(|(key, _)| !key.is_empty())
            .collect();
        distinctive_names.sort_by(|a, b| (a.0.len(), a).cmp(&(b.0.len(), b)));
        distinctive_names.dedup();
        g.distinctive_names = distinctive_names
            .into_iter()
            .map(|(chars, place)| DistinctiveName {
                mask: letter_mask(&chars),
                chars,
                place,
            })
            .collect();
        g
    }

    fn read_subnational(&mut self) {
        for (line, record) in self.records("subnational.csv", SUBNATIONAL_CSV) {
            if record.len() != 5 {
                self.table_errors.push(format!(
                    "subnational.csv line {line}: expected 5 columns, found {}",
                    record.len()
                ));
                continue;
            }
            let field = |k: usize| record.get(k).unwrap_or("").trim().to_string();
            let country = Some(field(0)).filter(|c| !c.is_empty());
            if let Some(code) = &country
                && self
                    .by_code(code)
                    .is_none_or(|p| p.kind != PlaceKind::Country)
            {
                self.table_errors.push(format!(
                    "subnational.csv line {line}: {code} is not a country code"
                ));
            }
            let unit = SubnationalUnit {
                country,
                level: field(1),
                name_ru: field(2),
                name_en: field(3),
            };
            let index = self.subnational.len();
            let mut labels = vec![unit.name_ru.clone(), unit.name_en.clone()];
            labels.extend(field(4).split('|').map(str::to_string));
            self.subnational.push(unit);
            for label in labels {
                let key = normalise_label(&label);
                if key.is_empty() {
                    continue;
                }
                if let Some(&place) = self.by_label.get(&key) {
                    self.table_errors.push(format!(
                        "subnational.csv line {line}: label {label:?} also names {}",
                        self.code_at(place)
                    ));
                    continue;
                }
                match self.subnational_by_label.get(&key) {
                    Some(&other) if other != index => self.table_errors.push(format!(
                        "subnational.csv line {line}: label {label:?} also names {}",
                        self.subnational
                            .get(other)
                            .map_or("", |u| u.name_ru.as_str())
                    )),
                    Some(_) => {}
                    None => {
                        self.subnational_by_label.insert(key, index);
                    }
                }
            }
        }
    }

    fn read_region_words(&mut self) {
        for (line, record) in self.records("subnational_words.csv", SUBNATIONAL_WORDS_CSV) {
            let field = |k: usize| record.get(k).unwrap_or("").trim().to_string();
            let words = words_of(&field(0));
            let position = match field(1).as_str() {
                "any" => WordPosition::Any,
                "first" => WordPosition::First,
                "last" => WordPosition::Last,
                other => {
                    self.table_errors.push(format!(
                        "subnational_words.csv line {line}: unknown position {other:?}"
                    ));
                    continue;
                }
            };
            if words.is_empty() {
                self.table_errors
                    .push(format!("subnational_words.csv line {line}: no words"));
                continue;
            }
            let country = Some(field(2)).filter(|c| !c.is_empty());
            if let Some(code) = &country
                && self
                    .by_code(code)
                    .is_none_or(|p| p.kind != PlaceKind::Country)
            {
                self.table_errors.push(format!(
                    "subnational_words.csv line {line}: {code} is not a country code"
                ));
            }
            self.region_words.push(RegionWords {
                words,
                position,
                country,
            });
        }
    }

    /// The records of an embedded table with their line numbers; a record that cannot be read
    /// is a table error naming its line.
    fn records(&mut self, name: &str, text: &str) -> Vec<(usize, csv::StringRecord)> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut records = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            match record {
                Ok(record) => records.push((line, record)),
                Err(e) => self.table_errors.push(format!("{name} line {line}: {e}")),
            }
        }
        records
    }

    fn read_countries(&mut self) {
        for (line, record) in self.records("countries.csv", COUNTRIES_CSV) {
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
        for (line, record) in self.records("places_special.csv", SPECIAL_CSV) {
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
                self.code_at(previous),
                place.code
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
                    self.code_at(existing),
                    self.code_at(index)
                ));
            }
            Some(_) => {}
            None => {
                self.by_label.insert(key, index);
                if is_name {
                    self.names.push((normalise_label_words(label), index));
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
            let Some(place) = self.places.get(index) else {
                continue;
            };
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
                    self.by_label.insert(key, index);
                    self.names.push((normalise_label_words(&label), index));
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
    /// The code of the place at `index` of the table, for messages about the table.
    fn code_at(&self, index: usize) -> &str {
        self.places.get(index).map_or("", |p| p.code.as_str())
    }

    pub fn by_code(&self, code: &str) -> Option<&Place> {
        self.by_code.get(code).and_then(|&i| self.places.get(i))
    }

    /// Places a label written in any coding: ISO alpha-2/alpha-3/numeric (with or without
    /// leading zeros), M49 and UN DESA codes, Eurostat codes, English and Russian names and
    /// their variants. A label of the form "Name, qualifier" (the ОКСМ and ISO order: "Молдова,
    /// Республика", "Congo, Democratic Republic of the") is also read as "qualifier Name" and
    /// "Name (qualifier)". Text in brackets is ignored when the whole label is not known
    /// ("Germany (until 1990 former territory of the FRG)"). A few hash lookups, no scan.
    pub fn resolve(&self, label: &str) -> Option<&Place> {
        let trimmed = label.trim();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.len() <= 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            let numeric: u16 = trimmed.parse().ok()?;
            return self
                .by_numeric
                .get(&numeric)
                .and_then(|&i| self.places.get(i));
        }
        if let Some(numeric) = trimmed
            .strip_suffix(".0")
            .and_then(|s| s.parse::<u16>().ok())
        {
            return self
                .by_numeric
                .get(&numeric)
                .and_then(|&i| self.places.get(i));
        }
        if let Some(i) = self.lookup_name(trimmed) {
            return self.places.get(i);
        }
        if let Some(open) = trimmed.find('(') {
            let head = trimmed[..open].trim();
            if !head.is_empty() {
                return self.lookup_name(head).and_then(|i| self.places.get(i));
            }
        }
        None
    }

    /// The place a name names as written, or read in the order of its comma (`assets/README.md`,
    /// "Comma inversion").
    fn lookup_name(&self, name: &str) -> Option<usize> {
        let by_label = |text: &str| self.by_label.get(&normalise_label(text)).copied();
        by_label(name).or_else(|| {
            let (head, qualifier) = name.split_once(',')?;
            let (head, qualifier) = (head.trim(), qualifier.trim());
            if head.is_empty() || qualifier.is_empty() {
                return None;
            }
            by_label(&format!("{qualifier} {head}"))
                .or_else(|| by_label(&format!("{head} ({qualifier})")))
        })
    }

    /// The places a label that could not be placed is a plausible misspelling of, best first.
    /// The distinctive part of the label (without generic words such as "republic",
    /// "islands", "республика") is compared with the distinctive part of every known name; a
    /// name is close when few letters differ for the length (one up to 10 letters, two up to
    /// 15, three beyond; none under 4). Labels that share only a generic word or a first
    /// syllable with a country ("Республика Коми") get no suggestion.
    pub fn suggest(&self, label: &str, limit: usize) -> Vec<&Place> {
        let key: Vec<char> = distinctive(&normalise_label_words(label)).chars().collect();
        let allowed = match key.len() {
            0..=3 => 0,
            4..=10 => 1,
            11..=15 => 2,
            _ => 3,
        };
        if key.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<usize, usize> = HashMap::new();
        let key_mask = letter_mask(&key);
        let mut rows = Vec::new();
        // The names are sorted by length: only those within `allowed` letters of the key's.
        let shortest = key.len().saturating_sub(allowed);
        let first = self
            .distinctive_names
            .partition_point(|name| name.chars.len() < shortest);
        for name in self.distinctive_names.iter().skip(first) {
            if name.chars.len() > key.len() + allowed {
                break;
            }
            let missing = (key_mask & !name.mask).count_ones();
            let extra = (name.mask & !key_mask).count_ones();
            if missing.max(extra) as usize > allowed {
                continue;
            }
            let distance = edit_distance(&key, &name.chars, allowed, &mut rows);
            if distance <= allowed {
                let entry = best.entry(name.place).or_insert(usize::MAX);
                *entry = (*entry).min(distance);
            }
        }
        let mut ranked: Vec<(usize, usize)> = best.into_iter().collect();
        ranked.sort_by_key(|&(index, distance)| (distance, index));
        ranked
            .into_iter()
            .take(limit)
            .filter_map(|(i, _)| self.places.get(i))
            .collect()
    }

    /// The sub-national unit a label names (`assets/subnational.csv`), or the country of a
    /// label that a region word marks (`assets/subnational_words.csv`); `None` when the label
    /// is not sub-national. Labels that name a place are not checked here: see [`Self::classify`].
    pub fn subnational(&self, label: &str) -> Option<Placement<'_>> {
        let unit_of = |text: &str| {
            self.subnational_by_label
                .get(&normalise_label(text))
                .and_then(|&i| self.subnational.get(i))
        };
        let trimmed = label.trim();
        if trimmed.is_empty() {
            return None;
        }
        let found = unit_of(trimmed).or_else(|| {
            let open = trimmed.find('(')?;
            unit_of(&trimmed[..open]).filter(|_| open > 0)
        });
        if let Some(unit) = found {
            return Some(Placement::Subnational {
                country: unit.country.as_deref(),
                unit: Some(unit),
            });
        }
        let words = words_of(trimmed);
        let marked = self.region_words.iter().find(|r| r.matches(&words))?;
        // "г. Санкт-Петербург и Ленинградская область": the country of a named part.
        let part_country = trimmed
            .split([',', '/', ';', '+'])
            .flat_map(|part| part.split(" и ").flat_map(|p| p.split(" and ")))
            .filter_map(unit_of)
            .find_map(|unit| unit.country.as_deref());
        Some(Placement::Subnational {
            country: part_country.or(marked.country.as_deref()),
            unit: None,
        })
    }

    /// What a label names: a place ([`Self::resolve`]), a region inside a country
    /// ([`Self::subnational`]), or nothing, with up to [`SUGGESTIONS`] plausible misspellings
    /// ([`Self::suggest`]). Loaders call this once per distinct label.
    pub fn classify(&self, label: &str) -> Placement<'_> {
        if let Some(place) = self.resolve(label) {
            return Placement::Place(place);
        }
        if let Some(subnational) = self.subnational(label) {
            return subnational;
        }
        Placement::Unplaced {
            suggestions: self.suggest(label, SUGGESTIONS),
        }
    }

    /// The sub-national units of `assets/subnational.csv`.
    pub fn subnational_units(&self) -> &[SubnationalUnit] {
        &self.subnational
    }

    /// The name of a canonical code in a language, or the code itself when unknown.
    pub fn name<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        match self.by_code(code) {
            Some(place) => place.name(lang),
            None => code,
        }
    }
}

impl RegionWords {
    fn matches(&self, label: &[String]) -> bool {
        let n = self.words.len();
        if label.len() < n {
            return false;
        }
        match self.position {
            WordPosition::First => label.get(..n) == Some(&self.words[..]),
            WordPosition::Last => label.get(label.len() - n..) == Some(&self.words[..]),
            WordPosition::Any => label.windows(n).any(|w| w == self.words.as_slice()),
        }
    }
}

/// The words of a label: lower case, `ё`→`е`, split at every character that is not a letter or
/// a digit ("г. Москва" → `г`, `москва`; "Ханты-Мансийский АО" → `ханты`, `мансийский`, `ао`).
fn words_of(text: &str) -> Vec<String> {
    normalise_label_words(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Lower case, `ё`→`е`, every run of characters that are not letters or digits made one space.
fn normalise_label_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            for lower in ch.to_lowercase() {
                out.push(if lower == 'ё' { 'е' } else { lower });
            }
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// The distinctive part of a name in words ([`normalise_label_words`]): its words without
/// [`GENERIC_WORDS`], run together ("republic of korea" → `korea`).
fn distinctive(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty() && !GENERIC_WORDS.contains(w))
        .collect()
}

/// Damerau–Levenshtein distance (optimal string alignment) between two strings of letters,
/// stopping early once every alignment costs more than `limit`. `rows` is scratch space kept
/// between calls (three rows of the table), so that a search over thousands of names does not
/// allocate for each.
fn edit_distance(a: &[char], b: &[char], limit: usize, rows: &mut Vec<usize>) -> usize {
    let width = b.len() + 1;
    rows.clear();
    rows.resize(3 * width, 0);
    // Rows i-2, i-1 and i of the table, in turn.
    let (mut before, mut above, mut here) = (0, width, 2 * width);
    for (j, cell) in rows.iter_mut().skip(above).take(width).enumerate() {
        *cell = j;
    }
    let at =
        |rows: &[usize], row: usize, j: usize| rows.get(row + j).copied().unwrap_or(usize::MAX);
    for (i, &ai) in a.iter().enumerate() {
        let i = i + 1;
        if let Some(first) = rows.get_mut(here) {
            *first = i;
        }
        let mut row_min = i;
        for (j, &bj) in b.iter().enumerate() {
            let j = j + 1;
            let cost = usize::from(ai != bj);
            let mut d = (at(rows, above, j) + 1)
                .min(at(rows, here, j - 1) + 1)
                .min(at(rows, above, j - 1) + cost);
            if i > 1 && j > 1 && a.get(i - 2) == b.get(j - 1) && Some(&ai) == b.get(j - 2) {
                d = d.min(at(rows, before, j - 2).saturating_add(1));
            }
            if let Some(cell) = rows.get_mut(here + j) {
                *cell = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        (before, above, here) = (above, here, before);
    }
    at(rows, above, b.len())
}

/// The letters of a string as bits of a word (each letter hashed to one of 64 bits): the
/// letters one string has and another lacks cost at least one edit each, and a bit set in one
/// mask and not in the other is such a letter.
fn letter_mask(chars: &[char]) -> u64 {
    chars.iter().fold(0u64, |mask, &c| {
        mask | 1u64 << ((u32::from(c).wrapping_mul(0x9E37_79B1) >> 26) & 63)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances_count_transpositions_once() {
        let d = |a: &str, b: &str, limit: usize| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            edit_distance(&a, &b, limit, &mut Vec::new())
        };
        assert_eq!(d("kyrgyzstan", "kyrgyzstan", 2), 0);
        assert_eq!(d("kirgizstan", "kyrgyzstan", 3), 2);
        assert_eq!(d("kazakhstna", "kazakhstan", 2), 1);
        assert_eq!(d("", "chad", 5), 4);
        assert_eq!(d("peru", "", 5), 4);
        assert_eq!(d("uzbekistan", "chad", 2), 3);
        assert_eq!(d("ca", "abc", 3), 3);
        // A letter one has and the other lacks is an edit, which the masks see.
        let (k, n): (Vec<char>, Vec<char>) =
            ("qzland".chars().collect(), "poland".chars().collect());
        let (km, nm) = (letter_mask(&k), letter_mask(&n));
        assert!((km & !nm).count_ones() >= 1 && (km & !nm).count_ones() <= 2);
    }

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
        // OECD's label for the Republic of Korea; "Корея" alone stays ambiguous.
        assert_eq!(code("Korea").as_deref(), Some("KOR"));
        assert_eq!(code("Корея"), None);
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
