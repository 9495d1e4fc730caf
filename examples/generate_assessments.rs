//! Writes the sample assessment (`sample_data/assessments.json`, and with the reviewer's texts in
//! Russian `sample_data/assessments_ru.json`): the inventory of the sample countries, the
//! suggestions computed from the embedded sample data, and the reviewer's decisions
//! (`src/sample/assessment.rs`).
//!
//! `cargo run --example generate_assessments [DIR]`

use migreview::model::Lang;
use std::path::PathBuf;

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data"));
    for (lang, name) in [
        (Lang::En, "assessments.json"),
        (Lang::Ru, "assessments_ru.json"),
    ] {
        let path = dir.join(name);
        let written = migreview::sample::assessment::generate_in(lang).and_then(|assessment| {
            migreview::save::write_atomically(
                &path,
                migreview::sample::assessment::file_text(&assessment).as_bytes(),
            )
            .map_err(|e| migreview::assess::AssessError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })
        });
        match written {
            Ok(()) => println!("wrote {}", path.display()),
            Err(e) => {
                eprintln!("generate_assessments: {e}");
                std::process::exit(2);
            }
        }
    }
}
