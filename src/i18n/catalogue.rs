//! The catalogue: the Fluent files of both languages, parsed once and compiled into pieces.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use rustc_hash::FxHashMap;

use super::{Arg, Lang, push_count_in};

/// A Fluent file of both languages: its name, then its English and Russian texts.
macro_rules! ftl {
    ($name:literal) => {
        (
            $name,
            [
                include_str!(concat!("../../assets/i18n/en/", $name)),
                include_str!(concat!("../../assets/i18n/ru/", $name)),
            ],
        )
    };
}

/// The Fluent files, by name, English then Russian. A test checks that every file of
/// `assets/i18n` is here.
const FILES: &[(&str, [&str; 2])] = &[
    ftl!("common.ftl"),
    ftl!("checks.ftl"),
    ftl!("charts.ftl"),
    ftl!("assess.ftl"),
    ftl!("sample.ftl"),
    ftl!("sample_assessment.ftl"),
    ftl!("cli.ftl"),
    ftl!("app.ftl"),
    ftl!("report.ftl"),
    ftl!("workshop.ftl"),
];

/// How deep messages may name other messages and terms (`{ -accuracy }`).
const MAX_DEPTH: usize = 8;

/// What is wrong with a text of the catalogue.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogueError {
    #[error("{lang}/{file}: Fluent syntax error at byte {position}: {kind}")]
    Syntax {
        lang: &'static str,
        file: &'static str,
        position: usize,
        kind: String,
    },
    #[error("{lang}: `{id}` is defined twice")]
    Duplicate { lang: &'static str, id: String },
    #[error("{lang}: `{id}` uses {what}, which the catalogue does not support")]
    Unsupported {
        lang: &'static str,
        id: String,
        what: &'static str,
    },
    #[error("{lang}: `{id}` names `{missing}`, which is not defined")]
    Missing {
        lang: &'static str,
        id: String,
        missing: String,
    },
}

/// A compiled part of a message.
#[derive(Debug)]
enum Piece {
    Text(Cow<'static, str>),
    Var(&'static str),
    Select {
        var: &'static str,
        variants: Vec<(Key, Vec<Piece>)>,
        default: usize,
    },
}

/// The key of a variant of a selector.
#[derive(Debug)]
enum Key {
    Plural(PluralCategory),
    Number(f64),
    Name(&'static str),
}

/// The compiled messages of one language.
struct Language {
    lang: Lang,
    messages: FxHashMap<&'static str, Vec<Piece>>,
    plurals: Option<PluralRules>,
}

/// The messages of both languages.
pub struct Catalogue {
    languages: [Language; 2],
}

/// The catalogue built into the program, compiled on first use. Errors in its files are
/// logged; the tests make sure there are none.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let (catalogue, errors) = Catalogue::build();
        for error in errors {
            log::error!("{error}");
        }
        catalogue
    })
}

impl Catalogue {
    /// Parses and compiles the files built into the program, with what is wrong in them.
    pub fn build() -> (Catalogue, Vec<CatalogueError>) {
        let mut errors = Vec::new();
        let languages = Lang::ALL.map(|lang| {
            let sources = FILES
                .iter()
                .map(|(file, texts)| (*file, texts[lang.index()]));
            compile_language(lang, sources, &mut errors)
        });
        (Catalogue { languages }, errors)
    }

    fn language(&self, lang: Lang) -> &Language {
        &self.languages[lang.index()]
    }

    /// The identifiers of every message of a language.
    pub fn ids(&self, lang: Lang) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.language(lang).messages.keys().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// The values a message uses (its `{ $name }`s and selectors), or `None` if it is not
    /// defined in this language.
    pub fn variables(&self, lang: Lang, id: &str) -> Option<Vec<&'static str>> {
        fn walk(pieces: &[Piece], out: &mut Vec<&'static str>) {
            for piece in pieces {
                match piece {
                    Piece::Text(_) => {}
                    Piece::Var(name) => out.push(name),
                    Piece::Select { var, variants, .. } => {
                        out.push(var);
                        for (_, pieces) in variants {
                            walk(pieces, out);
                        }
                    }
                }
            }
        }
        let pieces = self.language(lang).messages.get(id)?;
        let mut out = Vec::new();
        walk(pieces, &mut out);
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// A message without values. A message with values (or one the catalogue lacks) is
    /// shown as its identifier: the tests make sure neither happens.
    pub fn text<'s>(&'s self, lang: Lang, id: &'s str) -> &'s str {
        match self.language(lang).messages.get(id).map(Vec::as_slice) {
            Some([]) => "",
            Some([Piece::Text(text)]) => text,
            _ => id,
        }
    }

    /// A message with its values. A value the message names but is not given is written as
    /// `{$name}`, so that the gap shows; a message not in the catalogue is written as its
    /// identifier.
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        // Written into a buffer kept by the thread, then copied at its exact length: a finding
        // keeps its messages for the whole run, and a string grown by doubling would keep up
        // to twice its length.
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut out) => {
                out.clear();
                self.format_into(lang, id, args, &mut out);
                out.as_str().to_owned()
            }
            Err(_) => {
                let mut out = String::new();
                self.format_into(lang, id, args, &mut out);
                out
            }
        })
    }

    /// [`Catalogue::format`] added to `out`.
    pub fn format_into(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)], out: &mut String) {
        let language = self.language(lang);
        match language.messages.get(id) {
            Some(pieces) => language.write(pieces, args, out),
            None => out.push_str(id),
        }
    }
}

thread_local! {
    /// The buffer [`Catalogue::format`] writes a message into.
    static SCRATCH: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(256));
}

impl Language {
    fn write(&self, pieces: &[Piece], args: &[(&str, Arg<'_>)], out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Var(name) => match arg(args, name) {
                    Some(Arg::Text(text)) => out.push_str(text),
                    Some(Arg::Count(n)) => push_count_in(*n, self.lang, out),
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Piece::Select {
                    var,
                    variants,
                    default,
                } => {
                    let chosen = self.choose(arg(args, var), variants).unwrap_or(*default);
                    if let Some((_, pieces)) = variants.get(chosen) {
                        self.write(pieces, args, out);
                    }
                }
            }
        }
    }

    /// The variant a value selects: an exact number first, then its plural form, then a name
    /// equal to a text.
    fn choose(&self, value: Option<&Arg<'_>>, variants: &[(Key, Vec<Piece>)]) -> Option<usize> {
        match value? {
            Arg::Count(n) => {
                let exact = variants
                    .iter()
                    .position(|(key, _)| matches!(key, Key::Number(k) if k == n));
                exact.or_else(|| {
                    let category = self.plurals.as_ref()?.select(*n).ok()?;
                    variants
                        .iter()
                        .position(|(key, _)| matches!(key, Key::Plural(c) if *c == category))
                })
            }
            Arg::Text(text) => variants
                .iter()
                .position(|(key, _)| matches!(key, Key::Name(name) if name == text)),
        }
    }
}

fn arg<'v, 'a>(args: &'v [(&str, Arg<'a>)], name: &str) -> Option<&'v Arg<'a>> {
    args.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

/// Parses the files of one language and compiles its messages.
fn compile_language(
    lang: Lang,
    sources: impl Iterator<Item = (&'static str, &'static str)>,
    errors: &mut Vec<CatalogueError>,
) -> Language {
    let code = lang.code();
    let mut messages: FxHashMap<&'static str, ast::Pattern<&'static str>> = FxHashMap::default();
    let mut terms: FxHashMap<&'static str, ast::Pattern<&'static str>> = FxHashMap::default();
    for (file, source) in sources {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((resource, syntax)) => {
                errors.extend(syntax.into_iter().map(|e| CatalogueError::Syntax {
                    lang: code,
                    file,
                    position: e.pos.start,
                    kind: e.kind.to_string(),
                }));
                resource
            }
        };
        for entry in resource.body {
            let (table, id, pattern) = match entry {
                ast::Entry::Message(ast::Message {
                    id,
                    value: Some(value),
                    ..
                }) => (&mut messages, id.name, value),
                ast::Entry::Term(ast::Term { id, value, .. }) => (&mut terms, id.name, value),
                _ => continue,
            };
            if table.insert(id, pattern).is_some() {
                errors.push(CatalogueError::Duplicate {
                    lang: code,
                    id: id.to_string(),
                });
            }
        }
    }
    let compiler = Compiler {
        code,
        messages: &messages,
        terms: &terms,
    };
    let compiled = messages
        .iter()
        .map(|(id, pattern)| {
            let mut pieces = Vec::new();
            compiler.pattern(id, pattern, 0, &mut pieces, errors);
            (*id, merge_texts(pieces))
        })
        .collect();
    let plurals = match lang {
        Lang::En => plural_rules("en"),
        Lang::Ru => plural_rules("ru"),
    };
    Language {
        lang,
        messages: compiled,
        plurals,
    }
}

struct Compiler<'c> {
    code: &'static str,
    messages: &'c FxHashMap<&'static str, ast::Pattern<&'static str>>,
    terms: &'c FxHashMap<&'static str, ast::Pattern<&'static str>>,
}

impl Compiler<'_> {
    fn pattern(
        &self,
        id: &str,
        pattern: &ast::Pattern<&'static str>,
        depth: usize,
        out: &mut Vec<Piece>,
        errors: &mut Vec<CatalogueError>,
    ) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    out.push(Piece::Text(Cow::Borrowed(value)));
                }
                ast::PatternElement::Placeable { expression } => {
                    self.expression(id, expression, depth, out, errors);
                }
            }
        }
    }

    fn expression(
        &self,
        id: &str,
        expression: &ast::Expression<&'static str>,
        depth: usize,
        out: &mut Vec<Piece>,
        errors: &mut Vec<CatalogueError>,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(id, inline, depth, out, errors),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: var } = selector else {
                    return self.unsupported(id, "a selector that is not a value", errors);
                };
                let mut compiled = Vec::with_capacity(variants.len());
                let mut default = 0;
                for (i, variant) in variants.iter().enumerate() {
                    if variant.default {
                        default = i;
                    }
                    let key = match variant.key {
                        ast::VariantKey::NumberLiteral { value } => match value.parse() {
                            Ok(n) => Key::Number(n),
                            Err(_) => return self.unsupported(id, "a number key", errors),
                        },
                        ast::VariantKey::Identifier { name } => match plural_category(name) {
                            Some(category) => Key::Plural(category),
                            None => Key::Name(name),
                        },
                    };
                    let mut pieces = Vec::new();
                    self.pattern(id, &variant.value, depth, &mut pieces, errors);
                    compiled.push((key, merge_texts(pieces)));
                }
                out.push(Piece::Select {
                    var: var.name,
                    variants: compiled,
                    default,
                });
            }
        }
    }

    fn inline(
        &self,
        id: &str,
        inline: &ast::InlineExpression<&'static str>,
        depth: usize,
        out: &mut Vec<Piece>,
        errors: &mut Vec<CatalogueError>,
    ) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                out.push(Piece::Text(
                    fluent_syntax::unicode::unescape_unicode_to_string(value),
                ));
            }
            ast::InlineExpression::NumberLiteral { value } => {
                out.push(Piece::Text(Cow::Borrowed(value)));
            }
            ast::InlineExpression::VariableReference { id: var } => out.push(Piece::Var(var.name)),
            ast::InlineExpression::MessageReference {
                id: target,
                attribute: None,
            } => self.reference(id, target.name, self.messages, depth, out, errors),
            ast::InlineExpression::TermReference {
                id: target,
                attribute: None,
                arguments: None,
            } => self.reference(id, target.name, self.terms, depth, out, errors),
            ast::InlineExpression::Placeable { expression } => {
                self.expression(id, expression, depth, out, errors);
            }
            _ => self.unsupported(
                id,
                "a function, an attribute or a term with arguments",
                errors,
            ),
        }
    }

    /// Puts the pattern of a message or term named by another in its place.
    fn reference(
        &self,
        id: &str,
        target: &str,
        table: &FxHashMap<&'static str, ast::Pattern<&'static str>>,
        depth: usize,
        out: &mut Vec<Piece>,
        errors: &mut Vec<CatalogueError>,
    ) {
        if depth >= MAX_DEPTH {
            return self.unsupported(id, "references nested too deep (a cycle?)", errors);
        }
        match table.get(target) {
            Some(pattern) => self.pattern(id, pattern, depth + 1, out, errors),
            None => errors.push(CatalogueError::Missing {
                lang: self.code,
                id: id.to_string(),
                missing: target.to_string(),
            }),
        }
    }

    fn unsupported(&self, id: &str, what: &'static str, errors: &mut Vec<CatalogueError>) {
        errors.push(CatalogueError::Unsupported {
            lang: self.code,
            id: id.to_string(),
            what,
        });
    }
}

/// The plural rules of a language (CLDR's, from `intl_pluralrules`).
fn plural_rules(code: &str) -> Option<PluralRules> {
    let langid: unic_langid::LanguageIdentifier = code.parse().ok()?;
    PluralRules::create(langid, PluralRuleType::CARDINAL).ok()
}

fn plural_category(name: &str) -> Option<PluralCategory> {
    Some(match name {
        "zero" => PluralCategory::ZERO,
        "one" => PluralCategory::ONE,
        "two" => PluralCategory::TWO,
        "few" => PluralCategory::FEW,
        "many" => PluralCategory::MANY,
        "other" => PluralCategory::OTHER,
        _ => return None,
    })
}

/// Joins neighbouring texts, so a message without values is one piece.
fn merge_texts(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Text(last)), Piece::Text(next)) => last.to_mut().push_str(&next),
            (_, piece) => merged.push(piece),
        }
    }
    merged
}
