//! The built-in synthetic sample data set (see `sample_data/README.md`).

use std::path::{Path, PathBuf};

/// The sample files embedded in the binary: name and bytes.
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    Vec::new()
}

/// Writes the sample files into a folder, creating it if needed.
pub fn write_to(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, bytes) in files() {
        let path = dir.join(name);
        crate::save::write_atomically(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}
