//! N1–N2: each reported count on its own — not negative, and whole unless it is an estimate.

use super::text::{self, both};
use super::{Check, CheckCode, CheckContext, CheckOutput};
use crate::model::Lang;
use crate::t;

/// Values this close to a whole number are whole (binary fractions of decimal input).
const WHOLE_SLACK: f64 = 1e-9;

/// A value as written, with its decimals: `12.25` / `12,25`.
fn exact(value: f64, lang: Lang) -> String {
    crate::i18n::format_number(value, lang).replace('-', "−")
}

/// N1: counts are not negative. A missing value has no sign: such cells are not cases.
pub struct N1;

impl Check for N1 {
    fn code(&self) -> CheckCode {
        CheckCode::N1
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for (i, obs) in context.dataset.obs().iter().enumerate() {
            let Some(value) = obs.number() else {
                continue;
            };
            if value >= 0.0 {
                out.pass();
                continue;
            }
            let message = both(|lang| t!(lang, "n1-negative", value = exact(value, lang)));
            out.fail(
                context
                    .case_about(i as u32)
                    .values(Some(0.0), Some(value))
                    .message(message),
            );
        }
    }
}

/// N2: counts are whole numbers, unless flagged as estimates (`e`).
pub struct N2;

impl Check for N2 {
    fn code(&self) -> CheckCode {
        CheckCode::N2
    }

    fn run(&self, context: &CheckContext<'_>, out: &mut CheckOutput) {
        for (i, obs) in context.dataset.obs().iter().enumerate() {
            let Some(value) = obs.number() else {
                continue;
            };
            let whole = value.round();
            if (value - whole).abs() <= WHOLE_SLACK * value.abs().max(1.0)
                || context.index.flag_is_estimate(obs.flag)
            {
                out.pass();
                continue;
            }
            let message = both(|lang| t!(lang, "n2-not-whole", value = exact(value, lang)));
            out.fail(
                context
                    .case_about(i as u32)
                    .values(Some(whole), Some(value))
                    .message(message),
            );
        }
    }
}

/// Used by the messages of other checks that show a value as written.
pub fn value_as_written(value: f64, lang: Lang) -> String {
    if value.fract() == 0.0 {
        text::count(value, lang)
    } else {
        exact(value, lang)
    }
}
