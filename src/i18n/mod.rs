//! Every text migreview writes for a reader, in English and Russian, from one catalogue.
//!
//! The texts are kept in Fluent files, `assets/i18n/{en,ru}/*.ftl`, one message per text: an
//! identifier, the text, `{ $name }` where a value goes, and a plural selector where the
//! number decides the form (`{ $count -> [one] … [few] … *[many] … }`: 1 наблюдение,
//! 3 наблюдения, 5 наблюдений). The files are read once, parsed by the Fluent parser
//! (`fluent-syntax`) and compiled into pieces that are filled without further parsing, so a
//! message costs little more than `format!` (the checks write hundreds of thousands of them).
//!
//! The library names a message with [`t!`](crate::t); the window's typed keys
//! (`app::i18n::Tr`) are the identifiers of the same catalogue. A test reads every use of `t!`
//! in the sources and checks that its message exists in both languages with the values given;
//! another formats every message with Fluent's own resolver (`fluent-bundle`) and compares.

mod catalogue;
mod number;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use catalogue::{Catalogue, CatalogueError, catalogue};
pub use number::{
    format_count, format_count_in, format_count_ru, format_decimal, format_number, push_count_in,
    push_fixed,
};

/// Languages of the user interface and the catalogue texts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// Both languages, in the order the catalogue lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ru => 1,
        }
    }
}

/// A value put into a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text, put in as it is.
    Text(Cow<'a, str>),
    /// A count: written with the language's digit grouping (`4,190` / `4 190`) and deciding
    /// the plural form of a selector on it.
    Count(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Arg::Text(text)
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Count(n as f64)
            }
        })*
    };
}
count_from!(usize, u8, u16, u32, u64, i32, i64, f64);

/// A message without values, in one language. A message the catalogue lacks is shown as its
/// identifier, which the tests make sure never happens.
pub fn text(lang: Lang, id: &'static str) -> &'static str {
    catalogue().text(lang, id)
}

/// A message with its values, in one language.
pub fn format(lang: Lang, id: &'static str, args: &[(&str, Arg<'_>)]) -> String {
    catalogue().format(lang, id, args)
}

/// [`format`] added to `out`, for a text made of several messages.
pub fn format_into(lang: Lang, id: &'static str, args: &[(&str, Arg<'_>)], out: &mut String) {
    catalogue().format_into(lang, id, args, out)
}

/// A message in both languages, English first: what a finding keeps.
pub fn both(id: &'static str, args: &[(&str, Arg<'_>)]) -> (String, String) {
    (format(Lang::En, id, args), format(Lang::Ru, id, args))
}

/// A message of the catalogue: `t!(lang, "id")` for a text without values (a
/// `&'static str`), `t!(lang, "id", name = value, …)` for one with values (a `String`),
/// `t!(into out, lang, "id", name = value, …)` to add one with values to the `String` `out`.
/// A value is text (`&str`, `String`) or a count (an integer or `f64`), which is written with
/// the language's digit grouping and chooses the plural form.
#[macro_export]
macro_rules! t {
    (into $out:expr, $lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::format_into(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
            $out,
        )
    };
    ($lang:expr, $id:literal $(,)?) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::format(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// A message in both languages (English, Russian), for a finding: `t2!("id", name = value, …)`.
#[macro_export]
macro_rules! t2 {
    ($id:literal $(,)?) => {
        $crate::i18n::both($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::both(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}
