//! Categories: the breakdown of a table, either a status code (tables 1.1, 2.1, 5.1, 6.1, 7.1)
//! or a partner (a country, a historical state, an aggregate, `UNK`, `OTHER`, `STATELESS`).

use super::country::{PlaceKind, gazetteer};
use super::table::TableId;

/// Canonical status codes of the status tables.
pub mod status {
    pub const TOTAL: &str = "TOTAL";
    pub const NATIVE: &str = "NATIVE";
    pub const FOREIGN_BORN: &str = "FOREIGN_BORN";
    pub const CITIZENS: &str = "CITIZENS";
    pub const NON_CITIZENS: &str = "NON_CITIZENS";
    pub const FOREIGN: &str = "FOREIGN";
    pub const STATELESS: &str = "STATELESS";
    pub const UNKNOWN: &str = "UNKNOWN";

    pub const ALL: [&str; 8] = [
        TOTAL,
        NATIVE,
        FOREIGN_BORN,
        CITIZENS,
        NON_CITIZENS,
        FOREIGN,
        STATELESS,
        UNKNOWN,
    ];
}

/// Canonical special partner codes of the by-country tables.
pub mod partner {
    pub const TOTAL: &str = "TOTAL";
    pub const UNKNOWN: &str = "UNK";
    pub const OTHER: &str = "OTHER";
    pub const STATELESS: &str = "STATELESS";
}

/// What a canonical category code is, which decides how sums treat it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CategoryKind {
    /// `TOTAL`: the whole of the breakdown.
    Total,
    /// A current country: a part of the country sum.
    Country,
    /// A historical state (USSR, Yugoslavia…): a part of sums, excluded from mirror pairing.
    Historical,
    /// `UNK`: counts towards the total, not a country.
    Unknown,
    /// `OTHER` and territories that are not ISO 3166-1 entries (Abkhazia, Transnistria…):
    /// residual partners; count towards the total.
    Other,
    /// `STATELESS` and `RNC` (recognised non-citizens): count towards the total.
    Stateless,
    /// A group of countries, a region of the world, or a region inside a country ("Республика
    /// Коми", "Московская область"): never a part of a country sum.
    Aggregate,
    /// A status code of a status table (other than `TOTAL`, `STATELESS`, `UNKNOWN`).
    Status,
    /// A label that could not be placed (kept as written, reported by S1).
    Unplaced,
}

impl CategoryKind {
    /// Whether the category is one of the parts that add up to the table's `TOTAL` row of a
    /// by-country table.
    pub fn is_part_of_partner_total(self) -> bool {
        matches!(
            self,
            CategoryKind::Country
                | CategoryKind::Historical
                | CategoryKind::Unknown
                | CategoryKind::Other
                | CategoryKind::Stateless
        )
    }
}

/// Classifies a canonical category code.
pub fn category_kind(code: &str) -> CategoryKind {
    match code {
        "TOTAL" => CategoryKind::Total,
        "UNK" | "UNKNOWN" => CategoryKind::Unknown,
        "OTHER" => CategoryKind::Other,
        "STATELESS" => CategoryKind::Stateless,
        "NATIVE" | "FOREIGN_BORN" | "CITIZENS" | "NON_CITIZENS" | "FOREIGN" => CategoryKind::Status,
        _ => match gazetteer().by_code(code).map(|p| p.kind) {
            Some(PlaceKind::Country) => CategoryKind::Country,
            Some(PlaceKind::Historical) => CategoryKind::Historical,
            Some(PlaceKind::Total) => CategoryKind::Total,
            Some(PlaceKind::Unknown) => CategoryKind::Unknown,
            Some(PlaceKind::Other) => CategoryKind::Other,
            // Recognised non-citizens have no citizenship either: they count towards the
            // total as stateless persons do (`assets/README.md`, kinds).
            Some(PlaceKind::Stateless | PlaceKind::NonCitizen) => CategoryKind::Stateless,
            // A territory that is not an ISO 3166-1 entry is a residual partner of the total.
            Some(PlaceKind::Territory) => CategoryKind::Other,
            Some(PlaceKind::Aggregate | PlaceKind::Region) => CategoryKind::Aggregate,
            // A region inside a country ("Республика Коми") is no part of a country sum.
            None if gazetteer().subnational(code).is_some() => CategoryKind::Aggregate,
            None => CategoryKind::Unplaced,
        },
    }
}

/// Reads a status label of a status table (English, Russian, or a code).
pub fn parse_status(text: &str, table: TableId) -> Option<&'static str> {
    let key = normalise_label(text);
    // Eurostat's NAT/FOR mean native-born/foreign-born by birth, citizens/foreigners by citizenship.
    let by_birth = table == TableId::T1_1;
    Some(match key.as_str() {
        "nat" if by_birth => status::NATIVE,
        "for" if by_birth => status::FOREIGN_BORN,
        "nat" => status::CITIZENS,
        "for" => status::FOREIGN,
        "total" | "всего" | "итого" | "totalpopulation" | "всегонаселение" | "all" => {
            status::TOTAL
        }
        "native"
        | "nativeborn"
        | "bornincountry"
        | "borninthecountry"
        | "родившиесявстране"
        | "уроженцы"
        | "местныеуроженцы" => status::NATIVE,
        "foreignborn" | "bornabroad" | "родившиесязарубежом" | "родившиесявдругихстранах" => {
            status::FOREIGN_BORN
        }
        "citizens"
        | "citizen"
        | "nationals"
        | "national"
        | "граждане"
        | "гражданестраны"
        | "собственныеграждане"
        | "гражданереспублики" => status::CITIZENS,
        "noncitizens"
        | "noncitizen"
        | "неграждане"
        | "forstls"
        | "foreignersandstateless"
        | "иностранцыилицабезгражданства"
        | "иностранныегражданеилицабезгражданства" => {
            status::NON_CITIZENS
        }
        "foreign"
        | "foreigners"
        | "foreigncitizens"
        | "foreignnationals"
        | "иностранцы"
        | "иностранныеграждане" => status::FOREIGN,
        "stateless"
        | "statelesspersons"
        | "stls"
        | "лицабезгражданства"
        | "безгражданства"
        | "апатриды" => status::STATELESS,
        "unknown"
        | "notstated"
        | "notspecified"
        | "unk"
        | "неуказано"
        | "неизвестно"
        | "гражданствонеуказано" => status::UNKNOWN,
        _ => {
            let upper = text.trim().to_uppercase();
            return status::ALL.into_iter().find(|code| *code == upper);
        }
    })
}

/// Normalises a label for matching: lower case, `ё`→`е`, without spaces, `_`, `-`, `.`, `,`,
/// `'`, `’` and quotes.
pub fn normalise_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        if ch.is_whitespace()
            || matches!(
                ch,
                '_' | '-' | '‐' | '–' | '—' | '.' | ',' | '\'' | '’' | '"' | '«' | '»' | '*'
            )
        {
            continue;
        }
        for lower in ch.to_lowercase() {
            out.push(if lower == 'ё' { 'е' } else { lower });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_in_both_languages() {
        let t11 = TableId::T1_1;
        let t21 = TableId::T2_1;
        assert_eq!(
            parse_status("Foreign-born", t11),
            Some(status::FOREIGN_BORN)
        );
        assert_eq!(
            parse_status("Родившиеся за рубежом", t11),
            Some(status::FOREIGN_BORN)
        );
        assert_eq!(parse_status("FOR", t11), Some(status::FOREIGN_BORN));
        assert_eq!(parse_status("FOR", t21), Some(status::FOREIGN));
        assert_eq!(
            parse_status("Иностранные граждане", t21),
            Some(status::FOREIGN)
        );
        assert_eq!(
            parse_status("Лица без гражданства", t21),
            Some(status::STATELESS)
        );
        assert_eq!(parse_status("Не указано", t21), Some(status::UNKNOWN));
        assert_eq!(
            parse_status("NON_CITIZENS", t21),
            Some(status::NON_CITIZENS)
        );
        assert_eq!(parse_status("Неграждане", t21), Some(status::NON_CITIZENS));
        assert_eq!(parse_status("Kazakhstan", t21), None);
    }

    #[test]
    fn kinds_decide_sums() {
        assert_eq!(category_kind("KAZ"), CategoryKind::Country);
        assert_eq!(category_kind("SUHH"), CategoryKind::Historical);
        assert_eq!(category_kind("EU27_2020"), CategoryKind::Aggregate);
        assert_eq!(category_kind("UNK"), CategoryKind::Unknown);
        assert_eq!(category_kind("TOTAL"), CategoryKind::Total);
        assert_eq!(category_kind("Kirgizz"), CategoryKind::Unplaced);
        assert!(CategoryKind::Historical.is_part_of_partner_total());
        assert!(!CategoryKind::Aggregate.is_part_of_partner_total());
    }
}
