//! Writes the built-in sample data set into `sample_data/` (and `sample_data/clean/`).
//!
//! `cargo run --example generate_sample [DIR]`

use std::path::PathBuf;

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data"));
    match migreview::sample::generate::write_all(&dir) {
        Ok(written) => {
            for path in written {
                println!("wrote {}", path.display());
            }
            println!("{}", migreview::sample::SYNTHETIC_NOTICE);
        }
        Err(e) => {
            eprintln!("generate_sample: {e}");
            std::process::exit(2);
        }
    }
}
