//! A finding's message, written in a language when it is shown or written out.
//!
//! A run on poor data has hundreds of thousands of findings, nearly all of three kinds: a sum
//! that does not add up (A1–A4), a jump in a series (T1) and a mirror pair that disagrees (M1).
//! Their findings keep the few values their message needs and write the text, in English or
//! Russian, from the catalogue of texts each time it is read: a report of 600,000 findings does
//! not hold 1.2 million texts in memory. Any other finding keeps its text in both languages,
//! written when it was found, as does a finding read back from a report.
//!
//! The kept values name nothing the finding already says: a message is written from the
//! values and the finding's key (its reporter, partner, year, sex, age and table), so that
//! [`Message::write`] takes the finding.

use std::borrow::Cow;

use super::Finding;
use super::sum::{Parts, capitalise};
use super::text::{self, LabelText};
use crate::i18n::push_count_in;
use crate::model::{Lang, Sex, TableId};
use crate::t;

/// What a finding says, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The text, English then Russian, written when the case was found or read from a report
    /// (boxed, as the other kinds: a finding holds one pointer for its message).
    Written(Box<WrittenMessage>),
    /// `Total 4,190 ≠ men 2,000 + women 2,100 = 4,100`: a total against the sum of its parts.
    Sum(Box<SumMessage>),
    /// `Table 3, partner UKR (Ukraine): jump from 61,138 in 2013 to 135,985 in 2014 …` (T1).
    Jump(Box<JumpMessage>),
    /// `AZE reports 53 immigrants from TJK in 2012; TJK reports 16 emigrants …` (M1).
    Mirror(Box<MirrorMessage>),
}

/// A message written already, in both languages (the Russian text empty when there is none).
#[derive(Clone, Debug, PartialEq)]
pub struct WrittenMessage {
    pub en: Box<str>,
    pub ru: Box<str>,
}

impl Default for Message {
    fn default() -> Self {
        Message::from((String::new(), String::new()))
    }
}

impl From<(String, String)> for Message {
    fn from((en, ru): (String, String)) -> Self {
        Message::Written(Box::new(WrittenMessage {
            en: en.into_boxed_str(),
            ru: ru.into_boxed_str(),
        }))
    }
}

impl Message {
    /// A message written already, in both languages.
    pub fn written(en: impl Into<String>, ru: impl Into<String>) -> Message {
        Message::from((en.into(), ru.into()))
    }

    /// The message of `finding` (whose message this is) in a language. A written message
    /// without its Russian text is given in English.
    pub fn text<'a>(&'a self, finding: &Finding, lang: Lang) -> Cow<'a, str> {
        match self {
            Message::Written(written) => match lang {
                Lang::Ru if !written.ru.is_empty() => Cow::Borrowed(&written.ru),
                _ => Cow::Borrowed(&written.en),
            },
            Message::Sum(sum) => Cow::Owned(sum.text(finding, lang)),
            Message::Jump(jump) => Cow::Owned(jump.text(finding, lang)),
            Message::Mirror(mirror) => Cow::Owned(mirror.text(finding, lang)),
        }
    }
}

/// The parts of a sum, as its message names them.
#[derive(Clone, Debug, PartialEq)]
pub enum SumParts {
    /// Two parts by name with their values (men and women, citizens and non-citizens: most
    /// sums), held in the message itself.
    Two([(LabelText, f64); 2]),
    /// Each part by name with its value (three up to [`SumMessage::LISTED`] of them).
    Listed(Box<[(LabelText, f64)]>),
    /// Too many to list: what they are and how many.
    Many(Parts, usize),
}

/// `men 2,000 + women 2,100 = 4,100`: the parts by name and value, and their sum.
fn push_listed(parts: &[(LabelText, f64)], sum: f64, lang: Lang, text: &mut String) {
    for (i, (label, value)) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str(" + ");
        }
        text.push_str(&label.short(lang));
        text.push(' ');
        push_count_in(*value, lang, text);
    }
    text.push_str(" = ");
    push_count_in(sum, lang, text);
}

/// A total that is not the sum of its parts: the total's value is the finding's `actual`, the
/// sum of the parts its `expected`.
#[derive(Clone, Debug, PartialEq)]
pub struct SumMessage {
    pub total: LabelText,
    pub parts: SumParts,
    pub tolerance: f64,
}

impl SumMessage {
    /// Parts listed one by one up to this many; more are summarised.
    pub const LISTED: usize = 4;

    fn text(&self, finding: &Finding, lang: Lang) -> String {
        let total_value = finding.actual.unwrap_or(f64::NAN);
        let sum = finding.expected.unwrap_or(f64::NAN);
        // Sized for the usual message: grown by doubling it would be copied three times.
        let mut text = String::with_capacity(128);
        text.push_str(&self.total.short(lang));
        text.push(' ');
        push_count_in(total_value, lang, &mut text);
        text.push_str(" ≠ ");
        let mut notes = Vec::new();
        match &self.parts {
            SumParts::Many(kind, count) => {
                text.push_str(&kind.many(*count, lang));
                text.push(' ');
                push_count_in(sum, lang, &mut text);
                notes.push(t!(lang, "sum-difference", value = total_value - sum));
            }
            SumParts::Two(parts) => push_listed(parts, sum, lang, &mut text),
            SumParts::Listed(parts) => push_listed(parts, sum, lang, &mut text),
        }
        if self.tolerance > 0.0 {
            notes.push(t!(lang, "sum-tolerance", value = self.tolerance));
        }
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join(", ")));
        }
        capitalise(text)
    }
}

/// A value that jumps from the year before (T1); the value and its year are the finding's.
#[derive(Clone, Debug, PartialEq)]
pub struct JumpMessage {
    pub before: f64,
    pub before_year: u16,
    pub now: f64,
    /// The robust z of the change against the series' usual change, that usual change, and the
    /// limit z passed.
    pub series: Option<(f64, f64, f64)>,
    /// The median change among the partners of the reporter and year, and how many there are.
    pub partners: Option<(f64, usize)>,
}

impl JumpMessage {
    fn text(&self, finding: &Finding, lang: Lang) -> String {
        let series = match finding.table {
            Some(table) => series_name(
                table,
                finding.category.as_deref().unwrap_or(TOTAL),
                finding.sex.unwrap_or(Sex::T),
                finding.age.as_deref().unwrap_or(TOTAL),
                lang,
            ),
            None => String::new(),
        };
        let now_year = finding.year.map(|y| y.to_string()).unwrap_or_default();
        let change = t!(
            lang,
            "t1-change",
            before = self.before,
            before_year = self.before_year.to_string(),
            now = self.now,
            now_year = now_year,
            ratio = text::decimal(self.now / self.before, 2, lang),
        );
        let mut reasons = Vec::new();
        if let Some((z, usual, limit)) = self.series {
            reasons.push(t!(
                lang,
                "t1-robust-z",
                z = text::decimal(z, 1, lang),
                usual = text::decimal(usual, 2, lang),
                limit = text::decimal(limit, 1, lang),
            ));
        }
        if let Some((usual, count)) = self.partners {
            reasons.push(t!(
                lang,
                "t1-partner-outlier",
                count = count.to_string(),
                usual = text::decimal(usual, 2, lang),
            ));
        }
        t!(
            lang,
            "t1-jump",
            series = capitalise(series),
            change = change,
            reasons = reasons.join("; "),
        )
    }
}

/// The code of a total, of all ages or all partners.
const TOTAL: &str = "TOTAL";

/// A series in words: `table 3, partner RUS (Russian Federation), men, age 0-4`.
pub fn series_name(table: TableId, category: &str, sex: Sex, age: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(64);
    text::push_table_name(table, lang, &mut out);
    if category != TOTAL {
        out.push_str(", ");
        LabelText::category_of(table, category).push_long(lang, &mut out);
    }
    if sex != Sex::T {
        out.push_str(", ");
        out.push_str(text::sex_name(sex, lang));
    }
    if age != TOTAL {
        out.push_str(", ");
        text::push_age_name(age, lang, &mut out);
    }
    out
}

/// A mirror pair-year whose two sides disagree (M1). The receiver is the finding's reporter,
/// the sender its partner; its actual value is the immigration, its expected the emigration.
#[derive(Clone, Debug, PartialEq)]
pub struct MirrorMessage {
    pub immigration: f64,
    pub emigration: f64,
    /// Both sides after the duration-of-stay correction, when it changed them.
    pub corrected: Option<(f64, f64)>,
    /// |ln ratio| after the correction.
    pub abs_log_ratio: f64,
    /// The exact interval of the corrected ratio and its level.
    pub interval: Option<([f64; 2], f64)>,
}

impl MirrorMessage {
    fn text(&self, finding: &Finding, lang: Lang) -> String {
        let receiver = finding.reporter.as_deref().unwrap_or("");
        let sender = finding.category.as_deref().unwrap_or("");
        let year = finding.year.map(|y| y.to_string()).unwrap_or_default();
        let mut message = String::with_capacity(320);
        t!(
            into &mut message,
            lang,
            "m1-discrepancy",
            receiver = receiver,
            immigrants = self.immigration,
            sender = sender,
            year = &year,
            sex = sex_note(finding.sex.unwrap_or(Sex::T), lang),
            emigrants = self.emigration,
            ratio = ratio_text(self.immigration / self.emigration, lang),
        );
        if let Some((immigration, emigration)) = self.corrected {
            t!(
                into &mut message,
                lang,
                "m1-corrected",
                immigrants = immigration,
                emigrants = emigration,
                ratio = ratio_text(immigration / emigration, lang),
            );
        }
        let log_text = if self.abs_log_ratio.is_finite() {
            text::decimal(self.abs_log_ratio, 3, lang)
        } else {
            "∞".into()
        };
        t!(into &mut message, lang, "m1-log-ratio", value = log_text);
        if let Some(([low, high], level)) = self.interval {
            let high = if high.is_finite() {
                text::decimal(high, 3, lang)
            } else {
                "∞".into()
            };
            t!(
                into &mut message,
                lang,
                "m1-interval",
                level = text::decimal(
                    100.0 * level,
                    usize::from((100.0 * level).fract() != 0.0),
                    lang
                ),
                low = text::decimal(low, 3, lang),
                high = high,
            );
        }
        message
    }
}

/// A ratio of a mirror pair: `2.418`, or that it is undefined.
pub fn ratio_text(ratio: f64, lang: Lang) -> String {
    if !ratio.is_finite() {
        return t!(lang, "m-ratio-undefined").to_string();
    }
    text::decimal(ratio, 3, lang)
}

/// The sex of a pair-year after its year: ` (men)`; nothing for both sexes.
pub fn sex_note(sex: Sex, lang: Lang) -> String {
    match sex {
        Sex::T => String::new(),
        sex => format!(" ({})", text::sex_name(sex, lang)),
    }
}
