//! What every target shares: the panic hook, and loading bytes the way the app does.
#![allow(dead_code)] // Not every target uses every helper.

use migreview::load::{ImportOptions, LoadControl, load_bytes};
use std::path::Path;

/// libfuzzer-sys installs a panic hook that aborts the process on every panic, even one that is
/// caught. The loaders catch calamine's panics on odd workbooks with `catch_unwind`
/// (src/load/workbook.rs) and turn them into a message, so those are not crashes. This puts back
/// a hook that only prints the panic: a panic our code catches goes on as in the app, while one
/// that escapes the target still aborts, because libfuzzer-sys runs each input inside its own
/// `catch_unwind` and aborts when that catches anything.
pub fn quiet_caught_panics() {
    let _ = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
}

/// Loads `bytes` as a file named `name` (its extension steers detection) with default options.
pub fn load(name: &str, bytes: &[u8]) {
    load_with(name, bytes, &ImportOptions::default());
}

/// Loads `bytes` as a file named `name` with the given import options.
pub fn load_with(name: &str, bytes: &[u8], options: &ImportOptions) {
    let control = LoadControl::new();
    let _ = load_bytes(Path::new(name), bytes, options, &control);
}
