//! The long CSV files the pipeline benchmark measures, built the same way on every machine.
//!
//! Both files have one shape, the size of a large country extract: 40 reporters × 7 tables with
//! a partner breakdown (1.2, 2.2, 3, 4, 5.2, 6.2, 7.2) × 25 years × total, men and women × 48
//! partners (the 39 other reporters, 8 countries that do not report and the `TOTAL` row) =
//! 1,008,000 observations.
//!
//! * **coherent**: what a careful office publishes. Men + women = total, partners add up to
//!   `TOTAL`, every series moves smoothly, immigration of A from B is within a few per cent of
//!   B's emigration to A, citizenship and stock tables follow the flows.
//! * **random**: the same keys with counts drawn uniformly from 0 to 50,000, so nearly every
//!   rule fails somewhere (about 690,000 findings).

#![allow(dead_code)] // Each benchmark uses the part it measures.

pub mod workbook;

use std::io::Write;
use std::path::Path;

/// Reporters: Eastern Europe, the Caucasus and Central Asia, the Western Balkans and the EU.
pub const REPORTERS: [&str; 40] = [
    "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB", "ALB",
    "BIH", "MNE", "MKD", "SRB", "TUR", "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST",
    "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "NLD", "POL", "ROU", "SWE",
    "CHE",
];

/// Partners that do not report.
pub const OTHERS: [&str; 8] = ["CHN", "IND", "USA", "AFG", "IRN", "PAK", "VNM", "MNG"];

/// The tables with a partner breakdown, in file order.
pub const TABLES: [&str; 7] = ["1.2", "2.2", "3", "4", "5.2", "6.2", "7.2"];

pub const FIRST_YEAR: u16 = 1995;
pub const YEARS: u16 = 25;

/// Observations in each file.
pub const OBSERVATIONS: usize =
    REPORTERS.len() * TABLES.len() * YEARS as usize * 3 * (REPORTERS.len() - 1 + OTHERS.len() + 1);

/// Which of the two files.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Coherent,
    Random,
}

impl Kind {
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Coherent => "coherent_1m.csv",
            Kind::Random => "random_1m.csv",
        }
    }
}

/// Deterministic noise in [0, 1) drawn from a key (SplitMix64 finaliser), so that both sides of
/// a pair see the same flow and every run writes the same bytes.
pub fn noise(key: [u64; 4]) -> f64 {
    let mut z = key.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, &k| {
        (h ^ k)
            .wrapping_mul(0xBF58_476D_1CE4_E5B9)
            .rotate_left(31)
            .wrapping_add(0x9E37_79B9_7F4A_7C15)
    });
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// The cells of every sheet of a workbook as calamine reads them: the bare read the loader is
/// compared with.
pub fn calamine_cells<RS: std::io::Read + std::io::Seek>(reader: RS) -> usize {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(reader).unwrap_or_else(|e| panic!("{e}"));
    let mut cells = 0usize;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .unwrap_or_else(|e| panic!("{e}"));
        cells += range.get_size().0 * range.get_size().1;
    }
    cells
}

/// A country by its position: the reporters first, then the others.
fn code(country: usize) -> &'static str {
    REPORTERS
        .get(country)
        .copied()
        .unwrap_or_else(|| OTHERS[country - REPORTERS.len()])
}

/// The true flow from `sender` to `receiver` in year `y` (counted from the first year): a level
/// of its own per pair, a steady trend and ±2 % from year to year.
fn flow(receiver: usize, sender: usize, y: u16) -> f64 {
    let (r, s, y) = (receiver as u64, sender as u64, u64::from(y));
    let base = 40.0 + 4000.0 * noise([r, s, 0, 1]).powi(3);
    let trend: f64 = 0.98 + 0.04 * noise([r, s, 0, 2]);
    base * trend.powi(y as i32) * (0.98 + 0.04 * noise([r, s, y, 3]))
}

/// What one side of a pair records of the true flow: within ±2 %.
fn recorded(truth: f64, key: [u64; 4]) -> f64 {
    (truth * (0.98 + 0.04 * noise(key))).round()
}

/// The value of one partner's row (total of both sexes) in a table of the coherent file.
fn coherent_total(table: &str, reporter: usize, partner: usize, y: u16) -> f64 {
    let (r, p, yy) = (reporter as u64, partner as u64, u64::from(y));
    let immigration = || recorded(flow(reporter, partner, y), [r, p, yy, 10]);
    let emigration = || recorded(flow(partner, reporter, y), [r, p, yy, 11]);
    // Stocks: about twenty years of immigration, growing slowly.
    let born_abroad = || (20.0 * flow(reporter, partner, 0) * (1.0 + 0.01 * f64::from(y))).round();
    match table {
        "1.2" => born_abroad(),
        "2.2" => (0.7 * born_abroad()).round(),
        "3" => immigration(),
        "4" => emigration(),
        // Immigrants and emigrants by citizenship: most are citizens of the partner.
        "5.2" => (0.85 * immigration()).round(),
        "6.2" => (0.8 * emigration()).round(),
        // Acquisitions of citizenship by previous citizenship.
        _ => (0.02 * 0.7 * born_abroad()).round(),
    }
}

/// Writes one file into `folder`; returns its path.
pub fn write(kind: Kind, folder: &Path) -> std::io::Result<std::path::PathBuf> {
    write_reporters(kind, folder, REPORTERS.len())
}

/// Writes one file of the first `reporters` reporters (each the partner of the others) into
/// `folder`: a smaller file of the same kind, for tests.
pub fn write_reporters(
    kind: Kind,
    folder: &Path,
    reporters: usize,
) -> std::io::Result<std::path::PathBuf> {
    let reporters = reporters.clamp(1, REPORTERS.len());
    let path = folder.join(kind.file_name());
    let temporary = folder.join(format!("{}.partial", kind.file_name()));
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&temporary)?);
    writeln!(out, "table,reporter,year,sex,age,category,value,flag")?;
    let mut uniform = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        uniform ^= uniform >> 12;
        uniform ^= uniform << 25;
        uniform ^= uniform >> 27;
        uniform.wrapping_mul(0x2545_f491_4f6c_dd1d) % 50_001
    };
    let countries = REPORTERS.len() + OTHERS.len();
    let partners = |reporter: usize| {
        (0..countries).filter(move |&p| p != reporter && (p < reporters || p >= REPORTERS.len()))
    };
    for (reporter, reporter_code) in REPORTERS.iter().enumerate().take(reporters) {
        for table in TABLES {
            for y in 0..YEARS {
                let year = FIRST_YEAR + y;
                let mut sums = [0.0f64; 3];
                for partner in partners(reporter) {
                    let values = match kind {
                        Kind::Coherent => {
                            let total = coherent_total(table, reporter, partner, y);
                            // The share of men is a property of the flow, the same on
                            // both sides of a pair.
                            let (receiver, sender) = match table {
                                "4" | "6.2" => (partner, reporter),
                                _ => (reporter, partner),
                            };
                            let share = 0.48 + 0.1 * noise([receiver as u64, sender as u64, 0, 5]);
                            let men = (total * share).round();
                            [total, men, total - men]
                        }
                        Kind::Random => [next() as f64, next() as f64, next() as f64],
                    };
                    for (sum, value) in sums.iter_mut().zip(values) {
                        *sum += value;
                    }
                    line(&mut out, table, reporter_code, year, code(partner), values)?;
                }
                if kind == Kind::Random {
                    sums = [next() as f64, next() as f64, next() as f64];
                }
                line(&mut out, table, reporter_code, year, "TOTAL", sums)?;
            }
        }
    }
    out.flush()?;
    drop(out);
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

fn line(
    out: &mut impl Write,
    table: &str,
    reporter: &str,
    year: u16,
    partner: &str,
    [total, men, women]: [f64; 3],
) -> std::io::Result<()> {
    for (sex, value) in [("T", total), ("M", men), ("F", women)] {
        writeln!(
            out,
            "{table},{reporter},{year},{sex},TOTAL,{partner},{value},"
        )?;
    }
    Ok(())
}
