//! A settings file, read as TOML and as JSON, parsed and validated as `--settings` does.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(init: common::quiet_caught_panics(), |data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = migreview::settings::Settings::from_toml(text);
        let _ = migreview::settings::Settings::from_json(text);
    }
});
