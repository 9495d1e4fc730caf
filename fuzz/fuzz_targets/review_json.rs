//! A review file (JSON) as the app reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(init: common::quiet_caught_panics(), |data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(review) = migreview::review::Review::from_json(text, "f.json") {
            // What the app does next with a review read back: write it again.
            let _ = review.to_json();
        }
    }
});
