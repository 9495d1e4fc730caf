//! The Clearinghouse workbook of about a million value cells the loader and pipeline
//! benchmarks read: tables 3 and 4 of five reporters, merged sex blocks over the years, 200
//! partners × 8 age groups, one value in fifty left blank.

use migreview::model::{PlaceKind, gazetteer};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

const REPORTERS: [&str; 5] = [
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Azerbaijan",
    "Russia",
];
pub const AGES: [&str; 8] = [
    "Total", "0-4", "5-14", "15-24", "25-44", "45-64", "65-84", "85+",
];
pub const YEARS: u16 = 21;

/// A small deterministic generator (xorshift64*), so every run measures the same files.
pub struct Numbers(pub u64);

impl Numbers {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// English names of 200 countries, as partners.
pub fn partners() -> Vec<String> {
    gazetteer()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .take(200)
        .map(|p| p.name_en.clone())
        .collect()
}

/// A Clearinghouse workbook: tables 3 and 4 of five reporters, each sheet with merged sex blocks
/// over 21 years, 200 partners × 8 age groups: 10 × 1,600 × 63 = 1,008,000 value cells.
pub fn clearinghouse_xlsx(path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    let partners = partners();
    let mut book = Workbook::new();
    let merged = Format::new();
    let mut numbers = Numbers(0x2545_f491_4f6c_dd1d);
    for (r, reporter) in REPORTERS.iter().enumerate() {
        for table in ["3", "4"] {
            let sheet = book.add_worksheet();
            sheet.set_name(format!("Table {table} ({})", r + 1))?;
            sheet.write_string(0, 0, format!("Table {table}"))?;
            sheet.write_string(1, 0, format!("Country: {reporter}"))?;
            for (b, label) in ["Total", "Men", "Women"].iter().enumerate() {
                let first = 2 + b as u16 * YEARS;
                sheet.merge_range(3, first, 3, first + YEARS - 1, label, &merged)?;
                for y in 0..YEARS {
                    sheet.write_number(4, first + y, (2000 + y) as f64)?;
                }
            }
            sheet.write_string(4, 0, "Country")?;
            sheet.write_string(4, 1, "Age")?;
            let mut row = 5u32;
            for partner in &partners {
                for (a, age) in AGES.iter().enumerate() {
                    if a == 0 {
                        sheet.write_string(row, 0, partner)?;
                    }
                    sheet.write_string(row, 1, *age)?;
                    for col in 0..3 * YEARS {
                        let n = numbers.next();
                        if n.is_multiple_of(50) {
                            continue;
                        }
                        sheet.write_number(row, 2 + col, (n % 100_000) as f64)?;
                    }
                    row += 1;
                }
            }
        }
    }
    book.save(path)
}
