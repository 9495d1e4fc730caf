//! migreview: review the quality of international migration statistics.
//!
//! Data flows one way: files → [`load`] → [`model::Dataset`] → [`checks`] / [`mirror`] /
//! [`coverage`] / [`assess`] → [`report`] → GUI panels ([`app`]), CLI output ([`cli`]) and
//! exports ([`charts`], [`report`]). Only `app` knows about egui; it is built with the `gui`
//! feature (on by default), so the library and the command line also build without egui.

#[cfg(feature = "gui")]
pub mod app;
pub mod assess;
pub mod charts;
pub mod checks;
pub mod cli;
pub mod coverage;
pub mod load;
pub mod mirror;
pub mod model;
pub mod report;
pub mod review;
pub mod sample;
pub mod save;
pub mod settings;

/// The program name and version, as written into reports.
pub fn generated_by() -> String {
    format!("migreview {}", env!("CARGO_PKG_VERSION"))
}
