//! `migreview checks --format markdown`: the check catalogue as the Markdown page
//! `docs/checks.md`, generated from the catalogue, the settings' defaults and the list of
//! thresholds below, so that the page cannot drift from the code (the test `docs_checks`
//! compares the two byte for byte).

use crate::checks::{CATALOG, CheckCode};
use crate::mirror::CorrectionSet;
use crate::model::Lang;
use crate::settings::Settings;
use std::fmt::Write as _;

/// Where each family of checks is written: its letter, its name and its file.
pub const FAMILY_FILES: [(char, &str, &str); 10] = [
    ('S', "structure", "src/checks/structure.rs"),
    ('N', "values", "src/checks/values.rs"),
    (
        'A',
        "sums by sex, age, partner and status",
        "src/checks/totals.rs",
    ),
    ('C', "coherence between tables", "src/checks/coherence.rs"),
    ('P', "plausibility", "src/checks/plausibility.rs"),
    (
        'U',
        "unknown and residual shares",
        "src/checks/plausibility.rs",
    ),
    (
        'D',
        "demographic and stock–flow balances",
        "src/checks/balance.rs",
    ),
    ('T', "time series", "src/checks/series.rs"),
    ('M', "mirror statistics", "src/checks/mirror.rs"),
    // The shared helpers of the sums, not a family of their own.
    (
        '·',
        "sum rule and tolerance shared by A, C, D and P",
        "src/checks/sum.rs",
    ),
];

/// One threshold: its place in a settings file, the checks that read it and what it sets.
pub struct Threshold {
    pub section: &'static str,
    pub field: &'static str,
    pub checks: &'static [CheckCode],
    pub meaning: &'static str,
}

const SUMS: &[CheckCode] = &[
    CheckCode::A1,
    CheckCode::A2,
    CheckCode::A3,
    CheckCode::A4,
    CheckCode::C1,
    CheckCode::C2,
    CheckCode::C3,
    CheckCode::C4,
    CheckCode::C5,
    CheckCode::C6,
    CheckCode::P2,
];

/// Every setting a check reads. Each field of the `[checks]` section must be here (the test
/// `docs_checks` says so when one is missing); of the `[mirror]` section, those M1 and M2 read.
pub const THRESHOLDS: &[Threshold] = &[
    Threshold {
        section: "checks",
        field: "abs_tol",
        checks: SUMS,
        meaning: "Absolute tolerance of a sum, in persons. 0 suits unrounded register data.",
    },
    Threshold {
        section: "checks",
        field: "rel_tol",
        checks: SUMS,
        meaning: "Relative tolerance of a sum, as a share of the total (Eurostat's validation rules use 0.01 in their examples).",
    },
    Threshold {
        section: "checks",
        field: "rounding_base",
        checks: SUMS,
        meaning: "Rounding base of data published rounded (5, 10…): a sum of k parts then tolerates k · base / 2. 0 = not rounded.",
    },
    Threshold {
        section: "checks",
        field: "u1_warning_share",
        checks: &[CheckCode::U1],
        meaning: "Share of the unknown partner, status, sex or age above which a breakdown is a warning.",
    },
    Threshold {
        section: "checks",
        field: "u1_error_share",
        checks: &[CheckCode::U1],
        meaning: "Share of the unknown above which it is an error.",
    },
    Threshold {
        section: "checks",
        field: "u2_other_share",
        checks: &[CheckCode::U2],
        meaning: "Share of the residual `Other` partners above which country detail counts as lost.",
    },
    Threshold {
        section: "checks",
        field: "d1_residual_share",
        checks: &[CheckCode::D1],
        meaning: "Demographic-balance residual tolerated, as a share of the population on 1 January.",
    },
    Threshold {
        section: "checks",
        field: "d2_residual_share",
        checks: &[CheckCode::D2],
        meaning: "Foreign-citizen stock-balance residual tolerated, as a share of the non-citizen stock (births and deaths of foreigners are not in the tables, hence the wide margin).",
    },
    Threshold {
        section: "checks",
        field: "d3_min_rate",
        checks: &[CheckCode::D3],
        meaning: "Lowest plausible naturalisation rate (acquisitions / non-citizens on 1 January).",
    },
    Threshold {
        section: "checks",
        field: "d3_max_rate",
        checks: &[CheckCode::D3],
        meaning: "Highest plausible naturalisation rate.",
    },
    Threshold {
        section: "checks",
        field: "t1_max_z",
        checks: &[CheckCode::T1],
        meaning: "Robust z of a year-on-year log ratio above which the change is a jump (the usual cut-off for MAD-based z-scores).",
    },
    Threshold {
        section: "checks",
        field: "t1_min_scale",
        checks: &[CheckCode::T1],
        meaning: "Floor of the robust scale (1.4826 · MAD) of the log ratios, so that a very smooth series does not flag small wiggles.",
    },
    Threshold {
        section: "checks",
        field: "t1_min_count",
        checks: &[CheckCode::T1],
        meaning: "Both values of a year-on-year ratio must be at least this count (small counts swing by chance alone).",
    },
    Threshold {
        section: "checks",
        field: "t1_min_ratios",
        checks: &[CheckCode::T1],
        meaning: "Year-on-year ratios a series needs for a robust median and MAD.",
    },
    Threshold {
        section: "checks",
        field: "hb_u",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: the exponent U giving weight to size.",
    },
    Threshold {
        section: "checks",
        field: "hb_a",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: the parameter A protecting against a tiny spread.",
    },
    Threshold {
        section: "checks",
        field: "hb_c",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: the width C of the acceptance interval (the literature uses 4–7; the wide end keeps false alarms rare).",
    },
    Threshold {
        section: "checks",
        field: "hb_min_partners",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: partners needed in one reporter-year for quartiles that mean something.",
    },
    Threshold {
        section: "checks",
        field: "hb_min_size",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: both years of a partner must be at least this count.",
    },
    Threshold {
        section: "checks",
        field: "hb_min_log_change",
        checks: &[CheckCode::T1],
        meaning: "Hidiroglou–Berthelot: an outlier's change must also differ from the partners' median change by at least this log ratio (ln 1.5).",
    },
    Threshold {
        section: "mirror",
        field: "small_count",
        checks: &[CheckCode::M1, CheckCode::M2],
        meaning: "Pairs (M1) or countries (M2) with I + E below this are not checked: chance alone moves small counts by ±30 %.",
    },
    Threshold {
        section: "mirror",
        field: "band_green",
        checks: &[CheckCode::M1],
        meaning: "|ln(I / E)| below this is agreement (ln 1.1, within ±10 %): no finding.",
    },
    Threshold {
        section: "mirror",
        field: "band_light",
        checks: &[CheckCode::M1],
        meaning: "Upper bound of the light band: a discrepancy below it is `info`.",
    },
    Threshold {
        section: "mirror",
        field: "band_amber",
        checks: &[CheckCode::M1],
        meaning: "Upper bound of the amber band (about ln 2, a factor of two): below it `warning`, from it on `error`.",
    },
    Threshold {
        section: "mirror",
        field: "correction",
        checks: &[CheckCode::M1, CheckCode::M2],
        meaning: "The duration-of-stay correction factors applied before the comparison.",
    },
    Threshold {
        section: "mirror",
        field: "durations",
        checks: &[CheckCode::M1, CheckCode::M2],
        meaning: "Duration-of-stay criteria known per reporter, used where the data give none (otherwise 12 months).",
    },
    Threshold {
        section: "mirror",
        field: "m2_low",
        checks: &[CheckCode::M2],
        meaning: "M2 flags a country whose flows, over what its partners report about them, are below this ratio.",
    },
    Threshold {
        section: "mirror",
        field: "m2_high",
        checks: &[CheckCode::M2],
        meaning: "M2 flags a country whose ratio is above this (about 1 / 0.7).",
    },
];

const INTRO: &str = "\
Every check has a stable code (used in reports, filters, review files and tests), a title, a
plain explanation of what it tests, why it matters for migration data and what to look at when
it fails, a default severity, an ESS quality dimension and an ESS validation level. The texts
exist in English and Russian (`migreview checks --lang ru`); this page shows the English ones.
The catalogue lives in `src/checks/catalog.rs`, the list of checks that run in `registry()` of
`src/checks/mod.rs`, the thresholds in `src/checks/settings.rs` (`[checks]`) and
`src/mirror/settings.rs` (`[mirror]`). The formulas and the published sources behind the rules
are in [domain.md](domain.md).

**Outcomes.** Every case a check looks at is *pass*, *fail* or *not evaluable*: a value the
rule needs is missing, suppressed or flagged confidential, and the check says so instead of
guessing. Failed and not-evaluable cases become findings (see [report.md](report.md)).

**Severity** is `error` (the data contradict themselves), `warning` (probably wrong, to be
looked at) or `info` (worth knowing): the catalogue's severity is the default, and four checks
set it per case. S1 gives a `warning` for a label that is a place but not a country (a region of
one); S2 gives `info` for an exact repeat; U1 gives a `warning` or an `error` by the share of
unknown; M1 gives `info`, `warning` or `error` by the agreement band of the pair.

**Validation level** (ESS): 0 structure of the file · 1 within the table set of one reporter ·
2 over time · 3 against other countries' data (mirror) · 4 against other domains (population,
births, deaths) · 5 against other institutions.

**Sums** tolerate rounding. A sum fails when |total − Σ parts| exceeds
max(`abs_tol` + k · `rounding_base` / 2, `rel_tol` · |total|) for k parts; with the defaults
(all 0) a sum must hold exactly. The parts of a by-country total are the countries, historical
states (USSR, Yugoslavia…), `STATELESS`, the unknown `UNK`, the residual `Other` and labels that
could not be placed; aggregates (`EU27_2020`, continents, regions of the world…) and `TOTAL`
never are.
";

const ADDING: &str = "\
## Adding or changing a check

1. A new code goes into `CheckCode` (`src/checks/finding.rs`, also its `ALL` list), with the
   next free number of its family.
2. Its entry goes into `CATALOG` (`src/checks/catalog.rs`), in code order, with severity,
   dimension and level; its title, what, why and look-at texts go into
   `assets/i18n/en/checks.ftl` and `assets/i18n/ru/checks.ftl` (`check-X9-title`, …), and so do
   its finding messages, written with `t2!` (see \"Texts in two languages\" in
   [architecture.md](architecture.md)).
3. The check is a struct implementing `Check` in the file of its family (table above), added
   to `registry()` in `src/checks/mod.rs`.
4. A threshold is a field of `CheckSettings` (`src/checks/settings.rs`) with its default, the
   source of the default in its doc comment and a range in `validate()`; then a row in
   `THRESHOLDS` of `src/cli/checks_markdown.rs`.
5. Tests: a case that passes, one that fails and one that cannot be evaluated
   (`tests/checks_fixtures.rs`), and a planted issue in the sample data (`sample_data/`,
   `src/sample/`) so that the demonstration shows it.
6. Regenerate this page: `cargo run -- checks --format markdown > docs/checks.md`. The test
   `docs_checks` fails until it matches.
";

/// The catalogue page, as `docs/checks.md` holds it.
pub fn render() -> String {
    let defaults = serde_json::to_value(Settings::default()).unwrap_or_default();
    let mut page = String::new();
    let _ = writeln!(page, "# The check catalogue\n");
    let _ = writeln!(
        page,
        "<!-- Generated by `migreview checks --format markdown` from src/checks/catalog.rs, the \
         texts of assets/i18n and the settings; do not edit by hand. -->\n"
    );
    page.push_str(INTRO);

    let _ = writeln!(page, "\n## Where the checks are\n");
    let _ = writeln!(page, "| letter | family | file |");
    let _ = writeln!(page, "|---|---|---|");
    for (letter, family, file) in FAMILY_FILES {
        let _ = writeln!(page, "| {letter} | {family} | `{file}` |");
    }

    let _ = writeln!(page, "\n## Summary\n");
    let _ = writeln!(page, "| code | title | severity | dimension | level |");
    let _ = writeln!(page, "|---|---|---|---|---|");
    for entry in &CATALOG {
        let _ = writeln!(
            page,
            "| [{code}](#{anchor}) | {title} | {severity} | {dimension} | {level} |",
            code = entry.code.as_str(),
            anchor = entry.code.as_str().to_lowercase(),
            title = cell(entry.title(Lang::En)),
            severity = entry.severity.as_str(),
            dimension = entry.dimension.as_str(),
            level = entry.level,
        );
    }

    let _ = writeln!(page, "\n## Thresholds\n");
    let _ = writeln!(
        page,
        "Set in a settings file (`--settings FILE.toml` or `.json`, section and field as below); a \
         field left out keeps its default, a misspelt one or a value out of range is refused. \
         The other `[mirror]` and `[assess]` settings shape the mirror statistics and the \
         data-source assessment, not the checks (see the README's settings table).\n"
    );
    let _ = writeln!(page, "| setting | default | checks | what it sets |");
    let _ = writeln!(page, "|---|---|---|---|");
    for t in THRESHOLDS {
        let mut meaning = cell(t.meaning);
        if (t.section, t.field) == ("mirror", "correction") {
            meaning.push_str(&format!(" One of {}.", correction_sets()));
        }
        let _ = writeln!(
            page,
            "| `{}.{}` | {} | {} | {} |",
            t.section,
            t.field,
            default_of(&defaults, t.section, t.field),
            codes(t.checks),
            meaning
        );
    }

    let _ = writeln!(page, "\n## The checks");
    for entry in &CATALOG {
        let texts = entry.texts(Lang::En);
        let _ = writeln!(page, "\n### {}\n", entry.code.as_str());
        let _ = writeln!(page, "**{}**\n", texts.title);
        let _ = writeln!(
            page,
            "Severity `{}` · dimension {} · level {}\n",
            entry.severity.as_str(),
            entry.dimension.as_str(),
            entry.level
        );
        let _ = writeln!(page, "*What it tests.* {}\n", texts.what);
        let _ = writeln!(page, "*Why it matters.* {}\n", texts.why);
        let _ = writeln!(page, "*What to look at.* {}", texts.look_at);
        let used: Vec<String> = THRESHOLDS
            .iter()
            .filter(|t| t.checks.contains(&entry.code))
            .map(|t| {
                format!(
                    "`{}.{}` = {}",
                    t.section,
                    t.field,
                    default_of(&defaults, t.section, t.field)
                )
            })
            .collect();
        if !used.is_empty() {
            let _ = writeln!(page, "\n*Thresholds* (defaults): {}.", used.join(", "));
        }
    }
    let _ = writeln!(page);
    page.push_str(ADDING);
    page
}

/// A default as a settings file writes it.
fn default_of(defaults: &serde_json::Value, section: &str, field: &str) -> String {
    match defaults.get(section).and_then(|s| s.get(field)) {
        Some(serde_json::Value::String(text)) => format!("`{text}`"),
        Some(value) => format!("`{value}`"),
        None => "—".to_string(),
    }
}

/// The names of the correction sets, as a settings file writes them.
fn correction_sets() -> String {
    CorrectionSet::ALL
        .iter()
        .map(|set| match serde_json::to_value(set) {
            Ok(serde_json::Value::String(name)) => format!("`{name}`"),
            _ => format!("`{}`", set.as_str()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn codes(checks: &[CheckCode]) -> String {
    checks
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text safe inside a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
