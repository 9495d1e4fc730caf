//! A look at an Excel 97–2003 workbook (an OLE compound file) before calamine opens it.
//!
//! calamine's xls reader reads every sheet when it opens the file, and trusts what the file
//! declares: it follows chains of sectors until they end (a chain that loops never does), sets
//! aside room for the cells a sheet's `DIMENSIONS` record announces, and lays each sheet's cells
//! out in a grid spanning its first to its last cell. A damaged file of a few kilobytes can thus
//! ask for gigabytes, or loop for ever, before any sheet reaches migreview. [`check_xls`] walks the
//! same structures the same way without copying them, and says what is wrong before that
//! memory is asked for. Anything it cannot make sense of is left to calamine, which refuses it
//! with its own message.

use super::book::MAX_GRID_CELLS;

const SIGNATURE: [u8; 8] = *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Sector ids from here up are markers, not sectors.
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream, in sectors of 64 bytes.
const MINI_CUTOFF: usize = 4096;
const MINI_SECTOR: usize = 64;

/// An Excel 97–2003 file calamine would loop on or ask too much memory for: what is wrong, and
/// what to do.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum XlsError {
    #[error(
        "expected an Excel 97–2003 workbook, found a damaged one ({0}); open it in Excel or \
         LibreOffice and save it again, as .xlsx"
    )]
    Damaged(String),
    #[error(
        "the workbook is damaged or too large: its sheets declare or spread their cells over \
         more than {} cells, more than migreview reads in one workbook (a cell far from the \
         table, or a damaged DIMENSIONS record); open it in Excel or LibreOffice, delete the \
         stray cells and save it as .xlsx",
        crate::model::format_count(MAX_GRID_CELLS as f64)
    )]
    TooManyCells,
}

/// The error of a damaged Excel 97–2003 file, saying what is wrong with it.
fn damaged(what: &str) -> XlsError {
    XlsError::Damaged(what.to_string())
}

/// What the compound file holds as calamine reads it, or why calamine will refuse it anyway.
enum Walk<T> {
    /// calamine reads this.
    Read(T),
    /// calamine stops on the file with an error of its own, having asked for little memory.
    Refused,
}

use Walk::{Read, Refused};

macro_rules! read {
    ($walk:expr) => {
        match $walk {
            Read(value) => value,
            Refused => return Ok(Refused),
        }
    };
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let slice = bytes.get(at..at.checked_add(2)?)?;
    slice.try_into().ok().map(u16::from_le_bytes)
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    slice.try_into().ok().map(u32::from_le_bytes)
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let slice = bytes.get(at..at.checked_add(8)?)?;
    slice.try_into().ok().map(u64::from_le_bytes)
}

/// Little-endian 32-bit words; `None` (calamine stops on an assertion) when the length is not a
/// multiple of four.
fn words(bytes: &[u8]) -> Option<Vec<u32>> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    Some(
        bytes
            .chunks_exact(4)
            .filter_map(|c| c.try_into().ok().map(u32::from_le_bytes))
            .collect(),
    )
}

/// The regular sectors of the file as calamine reads them: into a buffer filled from the file
/// after the header, in order, and padded with zeros once the file ends; sector `id` is at
/// `id · size` in that buffer.
struct Sectors<'a> {
    /// The bytes after the header.
    body: &'a [u8],
    size: usize,
    max_id: u32,
    /// How far calamine's buffer reaches.
    filled: std::cell::Cell<usize>,
}

impl Sectors<'_> {
    /// A sector; `None` where calamine stops (a sector past the end of the file).
    fn get(&self, id: u32) -> Option<Vec<u8>> {
        if id > self.max_id {
            return None;
        }
        let start = (id as usize).checked_mul(self.size)?;
        let end = start.checked_add(self.size)?;
        let filled = self.filled.get();
        let mut until = end;
        if end > filled {
            // Read from the file where the buffer ends, up to the end of the file.
            let read_to = if filled < self.body.len() {
                end.min(self.body.len())
            } else {
                filled
            };
            self.filled.set(end);
            until = read_to;
        }
        if start > until {
            return None;
        }
        Some(
            (start..until)
                .map(|i| self.body.get(i).copied().unwrap_or(0))
                .collect(),
        )
    }
}

/// A chain of sectors read as calamine reads it: from `start`, each next sector named by the
/// allocation table, until the end of the chain or `wanted` bytes. `Err` when the chain takes
/// more sectors than there are, that is, loops back on itself: calamine would follow it for
/// ever, or fill memory up to the length the stream claims.
fn chain(
    start: u32,
    fat: &[u32],
    wanted: usize,
    sector: impl Fn(u32) -> Option<Vec<u8>>,
    sectors: u64,
) -> Result<Walk<Vec<u8>>, XlsError> {
    let mut out = Vec::new();
    let mut id = start;
    let mut steps = 0u64;
    while id != END_OF_CHAIN {
        steps += 1;
        if steps > sectors {
            return Err(damaged("a chain of its sectors loops back on itself"));
        }
        let Some(data) = sector(id) else {
            return Ok(Refused);
        };
        let take = data.len().min(wanted - out.len());
        out.extend_from_slice(data.get(..take).unwrap_or(&[]));
        if out.len() >= wanted {
            break;
        }
        match fat.get(id as usize) {
            Some(next) => id = *next,
            None => return Ok(Refused),
        }
    }
    Ok(Read(out))
}

/// What the header of a compound file says: the sector size, the version, and where the
/// directory, the mini FAT and the DIFAT start.
struct Header {
    size: usize,
    version: u16,
    dir_start: u32,
    mini_fat_start: u32,
    mini_fat_len: usize,
    difat_start: u32,
}

impl Header {
    fn read(bytes: &[u8]) -> Walk<Header> {
        let header_ok = bytes.len() >= 512 && bytes.get(..8) == Some(&SIGNATURE[..]);
        if !header_ok {
            return Refused;
        }
        let size = match u16_at(bytes, 30) {
            Some(0x0009) => 512,
            Some(0x000C) if bytes.len() >= 4096 => 4096,
            _ => return Refused,
        };
        if u16_at(bytes, 32) != Some(6) {
            return Refused;
        }
        let field = |at| u32_at(bytes, at).unwrap_or(0);
        Read(Header {
            size,
            version: u16_at(bytes, 26).unwrap_or(0),
            dir_start: field(48),
            mini_fat_start: field(60),
            mini_fat_len: field(64) as usize,
            difat_start: field(68),
        })
    }
}

/// The allocation table (FAT), read through the DIFAT: the header's 109 entries, then a chain
/// of DIFAT sectors (calamine bounds it), then one FAT sector per entry.
fn allocation_table(
    bytes: &[u8],
    sectors: &Sectors<'_>,
    difat_start: u32,
    count: u64,
) -> Result<Walk<Vec<u32>>, XlsError> {
    let mut difat = match words(bytes.get(76..512).unwrap_or(&[])) {
        Some(words) => words,
        None => return Ok(Refused),
    };
    let mut id = difat_start;
    let mut steps = 0u64;
    while id < RESERVED {
        steps += 1;
        if steps > count {
            return Ok(Refused);
        }
        let Some(more) = sectors.get(id).as_deref().and_then(words) else {
            return Ok(Refused);
        };
        difat.extend(more);
        match difat.pop() {
            Some(next) => id = next,
            None => return Ok(Refused),
        }
    }
    // The FAT: one sector per DIFAT entry. A file lists each of its FAT sectors once; more
    // entries than the file has sectors repeat them, and calamine would copy each again.
    let fat_ids: Vec<u32> = difat.into_iter().filter(|id| *id < DIFAT_SECTOR).collect();
    if fat_ids.len() as u64 > count {
        return Err(damaged(&format!(
            "it lists {} sectors of its allocation table, more than the {count} sectors the \
             file has",
            fat_ids.len(),
        )));
    }
    let mut fat = Vec::new();
    for id in fat_ids {
        let Some(more) = sectors.get(id).as_deref().and_then(words) else {
            return Ok(Refused);
        };
        fat.extend(more);
    }
    Ok(Read(fat))
}

/// The directory's 128-byte entries: name, first sector and length of each stream.
fn directory_entries(directory: &[u8], size: usize) -> Vec<(String, u32, u64)> {
    directory
        .chunks_exact(128)
        .map(|entry| {
            let (name, _, _) = encoding_rs::UTF_16LE.decode(entry.get(..64).unwrap_or(&[]));
            let mut name = name.into_owned();
            if let Some(nul) = name.bytes().position(|b| b == 0) {
                name.truncate(nul);
            }
            let start = u32_at(entry, 116).unwrap_or(0);
            let len = if size == 512 {
                u64::from(u32_at(entry, 120).unwrap_or(0))
            } else {
                u64_at(entry, 120).unwrap_or(0)
            };
            (name, start, len)
        })
        .collect()
}

/// The `Workbook` (or `Book`) stream, read as calamine reads it.
fn workbook_stream(bytes: &[u8]) -> Result<Walk<Vec<u8>>, XlsError> {
    let Read(header) = Header::read(bytes) else {
        return Ok(Refused);
    };
    let size = header.size;
    let sectors = Sectors {
        body: bytes.get(size..).unwrap_or(&[]),
        size,
        max_id: (bytes.len() / size) as u32,
        filled: std::cell::Cell::new(0),
    };
    let count = u64::from(sectors.max_id) + 1;
    let main = |id: u32| sectors.get(id);
    let fat = read!(allocation_table(
        bytes,
        &sectors,
        header.difat_start,
        count
    )?);

    // The directory: 128-byte entries along a chain read to its end.
    let directory = read!(chain(header.dir_start, &fat, usize::MAX, main, count)?);
    let entries = directory_entries(&directory, size);
    let Some((_, root_start, root_len)) = entries.first().cloned() else {
        return Ok(Refused);
    };
    if header.version != 3 && root_start == END_OF_CHAIN {
        return Ok(Refused);
    }
    let Ok(root_len) = usize::try_from(root_len) else {
        return Ok(Refused);
    };

    // The mini stream and its allocation table, when the file has a mini FAT.
    let (mini_fat, mini_stream) = if header.mini_fat_len > 0 {
        let stream = read!(chain(root_start, &fat, root_len, main, count)?);
        let wanted = header.mini_fat_len.saturating_mul(size);
        let table = read!(chain(header.mini_fat_start, &fat, wanted, main, count)?);
        let Some(mini_fat) = words(&table) else {
            return Ok(Refused);
        };
        (mini_fat, stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini_max = sectors.max_id.saturating_mul(8);
    // calamine reads a mini sector past the end of the mini stream from wherever the file
    // happens to be; no workbook is written that way.
    let beyond = std::cell::Cell::new(false);
    let mini = |id: u32| {
        if id > mini_max {
            return None;
        }
        let start = (id as usize).checked_mul(MINI_SECTOR)?;
        match mini_stream.get(start..start.checked_add(MINI_SECTOR)?) {
            Some(sector) => Some(sector.to_vec()),
            None => {
                beyond.set(true);
                None
            }
        }
    };

    for name in ["Workbook", "Book"] {
        let Some((_, start, len)) = entries
            .iter()
            .find(|(entry, _, _)| entry.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
        else {
            continue;
        };
        let Ok(len) = usize::try_from(*len) else {
            return Ok(Refused);
        };
        let stream = if len < MINI_CUTOFF {
            chain(*start, &mini_fat, len, mini, u64::from(mini_max) + 1)?
        } else {
            chain(*start, &fat, len, main, count)?
        };
        if beyond.get() {
            return Err(damaged(
                "its workbook stream lies outside the file's mini stream",
            ));
        }
        if let Read(stream) = stream {
            return Ok(Read(stream));
        }
    }
    Ok(Refused)
}

/// One BIFF record: its type and data (continuation records do not matter here).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let kind = u16_at(rest, 0)?;
        let len = u16_at(rest, 2)? as usize;
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..).unwrap_or(&[]);
        Some((kind, data))
    })
}

/// The smallest rectangle holding some cells.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |span: &mut Option<(u32, u32)>, at: u32| {
            *span = Some(span.map_or((at, at), |(lo, hi)| (lo.min(at), hi.max(at))));
        };
        widen(&mut self.rows, row);
        widen(&mut self.cols, col);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((top, bottom)), Some((left, right))) => {
                u64::from(bottom - top + 1) * u64::from(right - left + 1)
            }
            _ => 0,
        }
    }
}

/// Checks that calamine can open an xls workbook without asking for more memory than the
/// sheets of a real workbook take, or looping: the sector chains end, the FAT is listed once,
/// and the cells the sheets declare and hold span at most [`MAX_GRID_CELLS`] in all. `Err` says
/// what is wrong; anything else is left to calamine.
pub fn check_xls(bytes: &[u8]) -> Result<(), XlsError> {
    let Read(stream) = workbook_stream(bytes)? else {
        return Ok(());
    };
    // The workbook globals, up to their EOF: where each sheet's records start.
    let mut starts: Vec<usize> = Vec::new();
    for (kind, data) in records(&stream) {
        match kind {
            0x0085 => match u32_at(data, 0) {
                Some(pos) => starts.push(pos as usize),
                None => return Ok(()),
            },
            0x000A => break,
            _ => {}
        }
    }
    // Each sheet is read from its start to its EOF; sheets of a real file do not overlap, so
    // the records read add up to about the stream once.
    let scan_limit = (stream.len() as u64).saturating_mul(4) + 65_536;
    let mut scanned = 0u64;
    let mut cells = 0u64;
    for start in starts {
        let Some(sheet) = stream.get(start..) else {
            return Ok(());
        };
        let (mut span, mut formulas) = (Span::default(), Span::default());
        let mut formula_at = None;
        let mut declared = 0u64;
        let mut present = 0u64;
        let mut depth = 0usize;
        let mut seen_bof = false;
        for (kind, data) in records(sheet) {
            scanned += 4 + data.len() as u64;
            if scanned > scan_limit {
                return Err(damaged(
                    "its sheets point into each other, so reading them would read the file over \
                     and over",
                ));
            }
            if depth > 0 {
                match kind {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let at = || Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
            match kind {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x0200 => declared = declared.saturating_add(declared_cells(data)),
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                    if let Some((row, col)) = at() {
                        span.add(row, col);
                        present += 1;
                    }
                }
                0x00BD => {
                    let last = data.len().checked_sub(2).and_then(|end| u16_at(data, end));
                    if let (Some((row, first)), Some(last)) = (at(), last) {
                        span.add(row, first);
                        span.add(row, u32::from(last));
                        present += u64::from(last).saturating_sub(u64::from(first)) + 1;
                    }
                }
                0x0006 => {
                    if let Some((row, col)) = at() {
                        span.add(row, col);
                        formulas.add(row, col);
                        formula_at = Some((row, col));
                        present += 1;
                    }
                }
                0x0207 => {
                    if let Some((row, col)) = formula_at {
                        span.add(row, col);
                    }
                    present += 1;
                }
                _ => {}
            }
        }
        cells = cells
            .saturating_add(declared)
            .saturating_add(present)
            .saturating_add(span.cells())
            .saturating_add(formulas.cells());
        if cells > MAX_GRID_CELLS {
            return Err(XlsError::TooManyCells);
        }
    }
    Ok(())
}

/// The cells a `DIMENSIONS` record sets aside room for, computed as calamine does (whose
/// subtraction wraps on a last row before the first).
fn declared_cells(data: &[u8]) -> u64 {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row >= 1 && last_col >= 1 {
        let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1);
        let cols = (last_col - 1).wrapping_sub(first_col).wrapping_add(1);
        u64::from(rows) * u64::from(cols)
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_xls_passes() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/KGZ_table4.xls");
        let bytes = std::fs::read(path).unwrap_or_default();
        assert!(!bytes.is_empty());
        assert!(matches!(workbook_stream(&bytes), Ok(Read(s)) if s.len() > 1000));
        assert_eq!(check_xls(&bytes), Ok(()));
    }

    #[test]
    fn a_sheet_that_declares_too_many_cells_is_refused() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/KGZ_table4.xls");
        let mut bytes = std::fs::read(path).unwrap_or_default();
        // The sheet's DIMENSIONS record (type 0x0200, 14 bytes): rows up to 1,000,000, 256
        // columns.
        let at = bytes
            .windows(4)
            .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
            .unwrap_or_default();
        assert!(at > 0);
        bytes[at + 8..at + 12].copy_from_slice(&1_000_000u32.to_le_bytes());
        bytes[at + 14..at + 16].copy_from_slice(&256u16.to_le_bytes());
        let refused = check_xls(&bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(refused.contains("more than 25,000,000 cells"), "{refused}");
    }

    #[test]
    fn a_huge_dimensions_record_is_counted() {
        // rows 0..65535, columns 0..255 (BIFF8: 32-bit rows, 16-bit columns).
        let mut data = Vec::new();
        data.extend_from_slice(&0u32.to_le_bytes());
        data.extend_from_slice(&65_536u32.to_le_bytes());
        data.extend_from_slice(&0u16.to_le_bytes());
        data.extend_from_slice(&256u16.to_le_bytes());
        data.extend_from_slice(&0u16.to_le_bytes());
        assert_eq!(declared_cells(&data), 65_536 * 256);
        // A last row before the first wraps, as calamine computes it.
        let mut wrapped = data.clone();
        wrapped[..4].copy_from_slice(&70_000u32.to_le_bytes());
        assert!(declared_cells(&wrapped) > u64::from(u32::MAX) * 100);
    }
}
