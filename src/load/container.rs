//! What holds the data: a gzip stream, a ZIP workbook (xlsx, xlsm, xlsb, ods), an OLE compound
//! file (xls, or a password-protected OOXML workbook), or text. Decided by the bytes first and
//! by the file extension only when the bytes do not say.

use super::LoadError;
use std::io::Read;
use std::path::Path;

/// Inflated gzip data may not exceed this size (2 GiB): a guard against decompression bombs,
/// far above the largest Eurostat bulk file (a few hundred MB).
pub const MAX_INFLATED_BYTES: u64 = 2 << 30;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const ZIP_MAGIC: [u8; 4] = [b'P', b'K', 0x03, 0x04];
const EMPTY_ZIP_MAGIC: [u8; 4] = [b'P', b'K', 0x05, 0x06];
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Container {
    Gzip,
    /// A ZIP archive: xlsx, xlsm, xlsb or ods.
    Zip,
    /// An OLE compound file: xls, or an encrypted OOXML workbook.
    Ole,
    Text,
}

/// The container of a file, from its first bytes, else from its extension.
pub fn detect(bytes: &[u8], path: &Path) -> Container {
    if bytes.starts_with(&GZIP_MAGIC) {
        return Container::Gzip;
    }
    if bytes.starts_with(&ZIP_MAGIC) || bytes.starts_with(&EMPTY_ZIP_MAGIC) {
        return Container::Zip;
    }
    if bytes.starts_with(&OLE_MAGIC) {
        return Container::Ole;
    }
    match extension(path).as_str() {
        "gz" if bytes.len() < GZIP_MAGIC.len() => Container::Gzip,
        "xlsx" | "xlsm" | "xlsb" | "ods" if !super::text::looks_like_text(bytes) => Container::Zip,
        "xls" if !super::text::looks_like_text(bytes) => Container::Ole,
        _ => Container::Text,
    }
}

/// Whether the bytes begin with the signature of the container: a file named `.xlsx` or `.xls`
/// is taken for a workbook by its name alone when its bytes are not text.
pub fn has_signature(bytes: &[u8], container: Container) -> bool {
    match container {
        Container::Gzip => bytes.starts_with(&GZIP_MAGIC),
        Container::Zip => bytes.starts_with(&ZIP_MAGIC) || bytes.starts_with(&EMPTY_ZIP_MAGIC),
        Container::Ole => bytes.starts_with(&OLE_MAGIC),
        Container::Text => true,
    }
}

/// The lower-case extension of a path (`xlsx`, `gz`), empty when there is none.
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The path of the file inside a `.gz` (`migr_emi3nxt.tsv.gz` → `migr_emi3nxt.tsv`).
pub fn inner_path(path: &Path) -> std::path::PathBuf {
    if extension(path) == "gz" {
        path.with_extension("")
    } else {
        path.to_path_buf()
    }
}

/// Inflates gzip data, refusing more than `limit` bytes of output.
pub fn inflate_gzip(bytes: &[u8], limit: u64, path: &Path) -> Result<Vec<u8>, LoadError> {
    let shown = path.display().to_string();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(limit.saturating_add(1));
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(64 << 20));
    if let Err(e) = decoder.read_to_end(&mut out) {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: "expected complete gzip-compressed data".into(),
            found: format!("damaged or truncated gzip data ({e})"),
        });
    }
    if out.len() as u64 > limit {
        return Err(LoadError::Unrecognised {
            path: shown,
            expected: format!(
                "expected compressed data that expands to at most {}",
                format_bytes(limit)
            ),
            found: "data that expands to more (a damaged file or a decompression bomb); \
                    unpack it yourself if it is genuine"
                .into(),
        });
    }
    if out.is_empty() {
        return Err(LoadError::Empty { path: shown });
    }
    Ok(out)
}

/// `2 GB`, `512 MB`, `300 bytes`, for messages.
pub fn format_bytes(bytes: u64) -> String {
    const KB: u64 = 1 << 10;
    const MB: u64 = 1 << 20;
    const GB: u64 = 1 << 30;
    if bytes >= GB && bytes.is_multiple_of(GB) {
        format!("{} GB", bytes / GB)
    } else if bytes >= MB {
        in_unit(bytes, MB, "MB")
    } else if bytes >= KB {
        in_unit(bytes, KB, "KB")
    } else {
        format!("{bytes} bytes")
    }
}

/// `12 MB`; below ten units with a tenth, rounded up, so that a size just above a limit never
/// reads as the limit (`1.2 MB`, not `1 MB`, for a file longer than 1 MB).
fn in_unit(bytes: u64, unit: u64, name: &str) -> String {
    if bytes.is_multiple_of(unit) || bytes >= 10 * unit {
        return format!("{} {name}", bytes / unit);
    }
    let tenths = (bytes * 10).div_ceil(unit);
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn sizes_just_above_a_limit_do_not_read_as_the_limit() {
        assert_eq!(format_bytes(1 << 20), "1 MB");
        assert_eq!(format_bytes((1 << 20) + 200_000), "1.2 MB");
        assert_eq!(format_bytes((1 << 20) + 1), "1.1 MB");
        assert_eq!(format_bytes(48 << 10), "48 KB");
        assert_eq!(format_bytes(12_900_000), "12 MB");
        assert_eq!(format_bytes(2 << 30), "2 GB");
        assert_eq!(format_bytes(300), "300 bytes");
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = encoder.write_all(bytes);
        encoder.finish().unwrap_or_default()
    }

    #[test]
    fn containers_are_known_by_their_bytes() {
        let p = Path::new("data.csv");
        assert_eq!(detect(&gzip(b"a,b\n"), p), Container::Gzip);
        assert_eq!(detect(b"PK\x03\x04rest", p), Container::Zip);
        assert_eq!(detect(&OLE_MAGIC, p), Container::Ole);
        assert_eq!(
            detect(b"table,year\n", Path::new("x.xlsx")),
            Container::Text
        );
        assert_eq!(
            detect(&[0u8, 1, 2, 3, 200, 201], Path::new("x.xlsx")),
            Container::Zip
        );
        assert_eq!(
            inner_path(Path::new("d/estat_migr_imm5prv.tsv.gz")),
            Path::new("d/estat_migr_imm5prv.tsv")
        );
    }

    #[test]
    fn inflation_is_capped() {
        let zeros = vec![b'0'; 100_000];
        let packed = gzip(&zeros);
        let path = Path::new("bomb.csv.gz");
        assert_eq!(
            inflate_gzip(&packed, 200_000, path).map(|v| v.len()),
            Ok(100_000)
        );
        let err = inflate_gzip(&packed, 50_000, path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("bomb.csv.gz") && err.contains("at most 48 KB"),
            "{err}"
        );
        let truncated = &packed[..packed.len() / 2];
        let err = inflate_gzip(truncated, 200_000, path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("damaged or truncated gzip"), "{err}");
    }
}
