//! S1–S3: the structure of the data — labels that could be placed, keys that are unique,
//! values that are numbers or explicit missing markers.

use super::text::{self, both};
use super::values::value_as_written;
use super::{Case, Check, CheckCode, CheckContext, CheckOutput, Severity};
use crate::load::long::normalise_age;
use crate::model::category::status;
use crate::model::{
    Breakdown, CategoryKind, CountryDim, Lang, Missing, Obs, PlaceKind, Sym, UnplacedLabel,
    gazetteer,
};
use crate::{t, t2};
use rustc_hash::FxHashMap;

/// What a label was meant to name, in the words of the table it is in: a partner country is the
/// country of birth (1.2), the citizenship (2.2, 5.2, 6.2, 7.2), the country of previous
/// residence (3) or of next residence (4) (`model::table`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
enum Role {
    Reporter,
    /// A partner country of a table without a country dimension of its own.
    Partner,
    Birth,
    Citizenship,
    PreviousResidence,
    NextResidence,
    Status,
    Age,
}

impl Role {
    const ALL: [Role; 8] = [
        Role::Reporter,
        Role::Partner,
        Role::Birth,
        Role::Citizenship,
        Role::PreviousResidence,
        Role::NextResidence,
        Role::Status,
        Role::Age,
    ];

    /// The role names the loaders use in [`UnplacedLabel::role`].
    fn from_loader(role: &str) -> Option<Role> {
        match role {
            "reporter" => Some(Role::Reporter),
            "category" => Some(Role::Partner),
            "status" => Some(Role::Status),
            "age" => Some(Role::Age),
            _ => None,
        }
    }

    /// The role the loader recorded a label under (every partner role is its `category`).
    fn as_loader(self) -> Role {
        match self {
            Role::Birth | Role::Citizenship | Role::PreviousResidence | Role::NextResidence => {
                Role::Partner
            }
            role => role,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Role::Reporter => t!(lang, "s1-role-reporter"),
            Role::Partner => t!(lang, "s1-role-partner"),
            Role::Birth => t!(lang, "s1-role-birth"),
            Role::Citizenship => t!(lang, "s1-role-citizenship"),
            Role::PreviousResidence => t!(lang, "s1-role-previous-residence"),
            Role::NextResidence => t!(lang, "s1-role-next-residence"),
            Role::Status => t!(lang, "s1-role-status"),
            Role::Age => t!(lang, "s1-role-age"),
        }
    }
}

/// The first observation of a label in a role and how many observations carry it.
#[derive(Copy, Clone)]
struct Seen {
    first: u32,
    count: u32,
}

/// S1: every observation has a known reporter, category and age group; every label the loader
/// could not place is listed with the closest known names.
pub struct S1;

impl S1 {
    fn is_placed(context: &CheckContext<'_>, role: Role, sym: Sym) -> bool {
        let code = context.str(sym);
        match role {
            Role::Reporter => gazetteer().by_code(code).is_some(),
            Role::Partner
            | Role::Birth
            | Role::Citizenship
            | Role::PreviousResidence
            | Role::NextResidence => context.index.kind(sym) != CategoryKind::Unplaced,
            Role::Status => status::ALL.contains(&code),
            Role::Age => normalise_age(code).as_deref() == Some(code),
        }
    }

    fn role_of_category(obs: &Obs) -> Role {
        match obs.table.breakdown() {
            Breakdown::Status => Role::Status,
            Breakdown::Country(CountryDim::Birth) => Role::Birth,
            Breakdown::Country(CountryDim::Citizenship) => Role::Citizenship,
            Breakdown::Country(CountryDim::PreviousResidence) => Role::PreviousResidence,
            Breakdown::Country(CountryDim::NextResidence) => Role::NextResidence,
            Breakdown::None => Role::Partner,
        }
    }

    /// The closest known names of a label, as `Name (CODE)` in the reader's language.
    fn suggestions(label: &str, from_loader: Option<&UnplacedLabel>, lang: Lang) -> Vec<String> {
        let names: Vec<String> = match from_loader {
            Some(unplaced) => unplaced.suggestions.clone(),
            None => gazetteer()
                .suggest(label, 3)
                .iter()
                .map(|p| format!("{} ({})", p.name_en, p.code))
                .collect(),
        };
        names
            .into_iter()
            .map(|name| {
                let code = name
                    .rsplit_once('(')
                    .map(|(_, rest)| rest.trim_end_matches(')'));
                match code.and_then(|c| gazetteer().by_code(c)) {
                    Some(place) => format!("{} ({})", place.name(lang), place.code),
                    None => name,
                }
            })
            .collect()
    }

    /// The message about a label that could not be placed. `observations` counts the
    /// observations the label sits on (every year and sex of its row), `None` when it sits on
    /// none (met only in rows that were skipped).
    fn message(
        role: Role,
        label: &str,
        observations: Option<usize>,
        location: Option<&crate::model::Location>,
        from_loader: Option<&UnplacedLabel>,
    ) -> (String, String) {
        both(|lang| {
            let suggestions = S1::suggestions(label, from_loader, lang);
            let first = location
                .map(|l| t!(lang, "s1-first-at", location = l.to_string()))
                .unwrap_or_default();
            let hint = if suggestions.is_empty() {
                t!(lang, "s1-no-name-close").to_string()
            } else {
                let names = suggestions.join(t!(lang, "s1-or"));
                t!(lang, "s1-did-you-mean", names = names)
            };
            t!(
                lang,
                "s1-unplaced",
                role = role.name(lang),
                label = text::label(label),
                on = on_observations(observations, lang),
                first = first,
                hint = hint,
            )
        })
    }
}

/// How many observations a label sits on, for S1's messages: `on 3 observations`,
/// `в 3 наблюдениях`; `None` when it sits on none (met only in rows that were skipped).
fn on_observations(observations: Option<usize>, lang: Lang) -> String {
    match observations {
        Some(count) => t!(lang, "s1-on-observations", count = count),
        None => t!(lang, "s1-on-no-observation").to_string(),
    }
}

/// What a label placed as something other than a country is: a group, region, total or
/// territory (its name), or a region inside a country.
fn not_a_country(label: &str) -> Option<(String, String)> {
    let g = gazetteer();
    if let Some(place) = g.by_code(label).or_else(|| g.resolve(label)) {
        if matches!(place.kind, PlaceKind::Country | PlaceKind::Historical) {
            return None;
        }
        return Some(both(|lang| {
            let name = place.name(lang);
            match place.kind {
                PlaceKind::Aggregate => t!(lang, "s1-is-aggregate", name = name),
                PlaceKind::Region => t!(lang, "s1-is-region", name = name),
                PlaceKind::Territory => t!(lang, "s1-is-territory", name = name),
                PlaceKind::Total => t!(lang, "s1-is-total").to_string(),
                PlaceKind::Unknown => t!(lang, "s1-is-unknown").to_string(),
                PlaceKind::Other => t!(lang, "s1-is-other").to_string(),
                PlaceKind::Stateless | PlaceKind::NonCitizen => {
                    t!(lang, "s1-is-status", name = name)
                }
                // Ruled out above.
                PlaceKind::Country | PlaceKind::Historical => String::new(),
            }
        }));
    }
    match g.subnational(label)? {
        crate::model::Placement::Subnational { country, .. } => {
            Some(both(|lang| match country.map(|c| g.name(c, lang)) {
                Some(name) => t!(lang, "s1-is-region-of", country = name),
                None => t!(lang, "s1-is-region-of-a-country").to_string(),
            }))
        }
        _ => None,
    }
}

impl S1 {
    /// The message about a label that is placed, but not as a country where a country belongs
    /// (a group of countries as the reporter, a region of a country as a partner).
    fn not_a_country_message(
        role: Role,
        label: &str,
        what: &(String, String),
        observations: usize,
        location: &crate::model::Location,
    ) -> (String, String) {
        both(|lang| {
            t!(
                lang,
                "s1-not-a-country",
                role = role.name(lang),
                label = text::label(label),
                what = match lang {
                    Lang::En => &what.0,
                    Lang::Ru => &what.1,
                },
                on = on_observations(Some(observations), lang),
                location = location.to_string(),
            )
        })
    }
}

/// The labels the loader could not place, by role and label; those of roles no observation
/// keeps apart.
type LoaderNotes<'a> = (
    FxHashMap<(Role, &'a str), &'a UnplacedLabel>,
    Vec<&'a UnplacedLabel>,
);

impl S1 {
    /// Where each label is first met in each role, and how often. Symbols are dense indexes: one
    /// slot per string and role, no hashing per observation.
    fn seen_labels(context: &CheckContext<'_>) -> Vec<Vec<Option<Seen>>> {
        let strings = context.dataset.strings.len();
        let mut seen: Vec<Vec<Option<Seen>>> = vec![vec![None; strings]; Role::ALL.len()];
        for (i, obs) in context.dataset.obs().iter().enumerate() {
            let labels = [
                (Role::Reporter, obs.reporter),
                (S1::role_of_category(obs), obs.category),
                (Role::Age, obs.age),
            ];
            for (role, sym) in labels {
                let slot = &mut seen[role as usize][sym.0 as usize];
                match slot {
                    Some(s) => s.count += 1,
                    None => {
                        *slot = Some(Seen {
                            first: i as u32,
                            count: 1,
                        })
                    }
                }
            }
        }
        seen
    }

    /// The labels the loader noted as unplaced, by role and label where the loader's role is one
    /// of the check's roles, apart otherwise.
    fn loader_notes<'a>(context: &CheckContext<'a>) -> LoaderNotes<'a> {
        let mut from_loader: FxHashMap<(Role, &str), &UnplacedLabel> = FxHashMap::default();
        let mut elsewhere: Vec<&UnplacedLabel> = Vec::new();
        for unplaced in &context.dataset.unplaced {
            match Role::from_loader(&unplaced.role) {
                Some(role) => {
                    from_loader.insert((role, unplaced.label.as_str()), unplaced);
                }
                None => elsewhere.push(unplaced),
            }
        }
        (from_loader, elsewhere)
    }

    /// The outcome of one label in one role: a pass, a label that is no country where a country
    /// belongs, or a label that is not placed.
    fn check_label(
        context: &CheckContext<'_>,
        out: &mut CheckOutput,
        role: Role,
        sym: Sym,
        seen: Seen,
        noted: Option<&UnplacedLabel>,
    ) {
        let label = context.str(sym);
        if context.dataset.not_places.contains(label) {
            // The reviewer said what it is.
            out.pass();
            return;
        }
        // A reporter must be a country; a partner that is a region inside a country
        // is none either.
        let misplaced = match role {
            Role::Reporter => not_a_country(label),
            Role::Birth
            | Role::Citizenship
            | Role::PreviousResidence
            | Role::NextResidence
            | Role::Partner
                if context.index.kind(sym) == CategoryKind::Aggregate
                    && gazetteer().by_code(label).is_none() =>
            {
                not_a_country(label)
            }
            _ => None,
        };
        if let Some(what) = misplaced {
            let location = context.location(seen.first);
            let message =
                S1::not_a_country_message(role, label, &what, seen.count as usize, &location);
            let mut case = context
                .case_about(seen.first)
                .message(message)
                .severity(Severity::Warning);
            case.location = Some(location);
            out.fail(case);
            return;
        }
        if noted.is_none() && S1::is_placed(context, role, sym) {
            out.pass();
            return;
        }
        // The loader's place is the label's own cell, but it may be in another table
        // (sheet) than this role's: it is used only when it is in the same sheet.
        let first = context.location(seen.first);
        let location = match noted {
            Some(u)
                if first.sheet.is_some()
                    && u.first_location.sheet == first.sheet
                    && u.first_location.file == first.file =>
            {
                u.first_location.clone()
            }
            _ => first,
        };
        let count = Some(seen.count as usize);
        let message = S1::message(role, label, count, Some(&location), noted);
        let mut case = context.case_about(seen.first).message(message);
        case.location = Some(location);
        out.fail(case);
    }

    /// Labels the loader noted that no observation's label matched: met only in rows that were
    /// skipped, or in roles no observation keeps.
    fn report_unmatched(out: &mut CheckOutput, mut rest: Vec<&UnplacedLabel>) {
        rest.sort_by(|a, b| (&a.role, &a.label).cmp(&(&b.role, &b.label)));
        for unplaced in rest {
            let role = Role::from_loader(&unplaced.role).unwrap_or(Role::Partner);
            let message = S1::message(
                role,
                &unplaced.label,
                None,
                Some(&unplaced.first_location),
                Some(unplaced),
            );
            out.fail(
                Case {
                    location: Some(unplaced.first_location.clone()),
                    ..Case::default()
                }
                .message(message),
            );
        }
    }
}

impl Check for S1 {
    fn code(&self) -> CheckCode {
        CheckCode::S1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let seen = S1::seen_labels(context);
        let (mut from_loader, elsewhere) = S1::loader_notes(context);
        // A label the loader noted is matched with every role of the tables it sits in.
        let mut matched: Vec<(Role, &str)> = Vec::new();
        for role in Role::ALL {
            for (s, slot) in seen[role as usize].iter().enumerate() {
                let Some(seen) = slot else {
                    continue;
                };
                let sym = Sym(s as u32);
                let label = context.str(sym);
                let noted = from_loader.get(&(role.as_loader(), label)).copied();
                if noted.is_some() {
                    matched.push((role.as_loader(), label));
                }
                S1::check_label(context, out, role, sym, *seen, noted);
            }
        }
        for key in matched {
            from_loader.remove(&key);
        }
        // Labels met only in rows that were skipped, or in roles no observation keeps.
        let mut rest: Vec<&UnplacedLabel> = from_loader.into_values().collect();
        rest.extend(elsewhere);
        S1::report_unmatched(out, rest);
    }
}

/// S2: no two observations share a key with different values; exact repeats are one info
/// finding per key. Two numbers are compared; two equal missing markers (or the same unreadable
/// text) are a repeat. A number against a missing marker or an unreadable text, or two different
/// markers, cannot be compared: unless two numbers of the key differ, the case is not evaluable
/// (`docs/checks.md`, "Outcomes").
pub struct S2;

/// How two values of one key compare.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Agreement {
    Same,
    Different,
    /// One or both hold no number, and they are not the same marker.
    Unknown,
}

/// Compares two values of one key: numbers, missing reasons, or unreadable texts.
fn agreement(a: &Obs, b: &Obs) -> Agreement {
    match (a.number(), b.number()) {
        (Some(x), Some(y)) if x == y => Agreement::Same,
        (Some(_), Some(_)) => Agreement::Different,
        _ if a.missing == b.missing && a.unreadable_text() == b.unreadable_text() => {
            Agreement::Same
        }
        _ => Agreement::Unknown,
    }
}

fn shown_value(context: &CheckContext<'_>, obs: &Obs, lang: Lang) -> String {
    match obs.value() {
        crate::model::Value::Number(n) => value_as_written(n, lang),
        crate::model::Value::Missing(Missing::Unreadable) => {
            let written = obs.unreadable_text().map(|s| context.str(s)).unwrap_or("");
            t!(lang, "text-quoted", text = written)
        }
        crate::model::Value::Missing(reason) => {
            format!("({})", text::missing_reason(reason, lang))
        }
    }
}

/// How many values of a repeated key a message lists.
const LISTED_REPEATS: usize = 5;

impl Check for S2 {
    fn code(&self) -> CheckCode {
        CheckCode::S2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        let repeats = &context.index.repeats;
        let keys_repeated = {
            let mut firsts: Vec<u32> = repeats.iter().map(|(first, _)| *first).collect();
            firsts.dedup();
            firsts.len()
        };
        out.pass_many(context.index.unique.len().saturating_sub(keys_repeated));
        for group in repeats.chunk_by(|a, b| a.0 == b.0) {
            let first = group[0].0;
            let first_obs = context.obs(first);
            let values: Vec<u32> = std::iter::once(first)
                .chain(group.iter().map(|&(_, later)| later))
                .collect();
            // The first few values are listed; a key repeated thousands of times is counted.
            let listed = |lang: Lang| -> String {
                let mut shown: Vec<String> = values
                    .iter()
                    .take(LISTED_REPEATS)
                    .map(|&i| {
                        format!(
                            "{}{}",
                            shown_value(context, context.obs(i), lang),
                            text::at(&context.location(i), lang)
                        )
                    })
                    .collect();
                if values.len() > LISTED_REPEATS {
                    let more = values.len() - LISTED_REPEATS;
                    shown.push(t!(lang, "s2-and-more", count = more));
                }
                shown.join("; ")
            };
            // Two numbers that differ decide the key; values that cannot be compared leave it
            // open unless they do. Both are found in one pass: the first pair that differs is
            // the first number against the first later number unlike it (all numbers before
            // it are equal); a value that cannot be compared with the first one is the first
            // such pair (when none is, every value is the same as the first).
            let first_number = values
                .iter()
                .copied()
                .find(|&i| context.obs(i).number().is_some());
            let differing = first_number.and_then(|a| {
                values
                    .iter()
                    .copied()
                    .skip_while(|&i| i != a)
                    .skip(1)
                    .find(|&b| agreement(context.obs(a), context.obs(b)) == Agreement::Different)
                    .map(|b| (a, b))
            });
            let unknown = values.first().and_then(|&a| {
                values[1..]
                    .iter()
                    .copied()
                    .find(|&b| agreement(context.obs(a), context.obs(b)) == Agreement::Unknown)
            });
            match (differing, unknown) {
                (Some((earlier, later)), _) => {
                    let message =
                        both(|lang| t!(lang, "s2-different-values", values = listed(lang)));
                    out.fail(
                        context
                            .case_about(later)
                            .values(context.obs(earlier).number(), context.obs(later).number())
                            .message(message),
                    );
                }
                (None, Some(later)) => {
                    let message = both(|lang| t!(lang, "s2-cannot-compare", values = listed(lang)));
                    out.not_evaluable(context.case_about(later).message(message));
                }
                (None, None) => {
                    let later = group[0].1;
                    let also: Vec<String> = group
                        .iter()
                        .map(|&(_, later)| context.location(later).to_string())
                        .collect();
                    let also = also.join(", ");
                    let first_at = context.location(first).to_string();
                    let message = both(|lang| {
                        t!(
                            lang,
                            "s2-repeated",
                            value = shown_value(context, first_obs, lang),
                            first = &first_at,
                            again = &also,
                        )
                    });
                    out.fail(
                        context
                            .case_about(later)
                            .values(first_obs.number(), first_obs.number())
                            .severity(Severity::Info)
                            .message(message),
                    );
                }
            }
        }
    }
}

/// S3: value cells hold numbers or explicit missing markers; other text is reported with its
/// cell. Every cell can be decided: S3 has no not-evaluable case.
pub struct S3;

impl Check for S3 {
    fn code(&self) -> CheckCode {
        CheckCode::S3
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for (i, obs) in context.dataset.obs().iter().enumerate() {
            let Some(text) = obs.unreadable_text() else {
                out.pass();
                continue;
            };
            let written = context.str(text);
            let message = t2!("s3-not-a-number", text = written);
            out.fail(context.case_about(i as u32).message(message));
        }
    }
}
