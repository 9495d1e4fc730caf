//! migreview: review the quality of international migration statistics.
//!
//! Data flows one way: files → [`load`] → [`model::Dataset`] → [`coverage`] → [`mirror`]
//! statistics → [`checks`] (M1 and M2 read the mirror statistics) → [`assess`] (scores suggested
//! from the data, the findings and the mirror ratios) → [`report`] (run with the [`settings`]) →
//! the [`sample`] (synthetic data, and their assessment made from their report) → exports
//! ([`charts`], and the report as JSON or canonical CSV), CLI output ([`cli`]) and GUI panels
//! ([`app`]). [`review`] is the triage of findings that the command line and the app keep;
//! [`save`] writes a file whole or not at all, for every stage; [`parallel`] divides work over
//! the cores.
//!
//! Imports follow the flow: a module names only modules before it, and `tests/module_flow.rs`
//! holds the code to that (`docs/architecture.md#imports-follow-the-flow`). Only [`app`] knows
//! about egui; it is built with the `gui` feature (on by default), so the library and the
//! command line also build without egui.

#[cfg(feature = "gui")]
pub mod app;
pub mod assess;
pub mod charts;
pub mod checks;
pub mod cli;
pub mod coverage;
pub mod i18n;
pub mod load;
pub mod mirror;
pub mod model;
pub mod parallel;
pub mod report;
pub mod review;
pub mod review_report;
pub mod sample;
pub mod save;
pub mod settings;
pub mod workshop;

/// The program name and version, as written into reports.
pub fn generated_by() -> String {
    format!("migreview {}", env!("CARGO_PKG_VERSION"))
}
