//! Seeded mutations of the sample files and the small fixtures: cut short, bytes changed, entries
//! of a workbook's ZIP archive made unfindable, and in text files a byte-order mark, lone CRs,
//! `NaN`, `1e308`, `inf` and Cyrillic column names put in. Every mutant is loaded: it never
//! panics, an error names the file, and what is read keeps the model's rules (finite numbers,
//! known missing reasons, years that can be, places in the file). The text mutations that keep
//! the data must read the same data.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::load::{self, ImportOptions, LoadControl, LoadError, LoadReport};
use migreview::model::{Dataset, Missing, Value};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// A deterministic generator (xorshift64): the same mutants on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sample(name: &str) -> Vec<u8> {
    migreview::sample::files()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| bytes.to_vec())
        .unwrap_or_else(|| panic!("no sample file {name}"))
}

/// The first `lines` lines of a text.
fn head(bytes: &[u8], lines: usize) -> Vec<u8> {
    let end = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(lines - 1)
        .map_or(bytes.len(), |(i, _)| i + 1);
    bytes[..end].to_vec()
}

fn load(name: &str, bytes: &[u8]) -> Result<(Dataset, LoadReport), LoadError> {
    load::load_bytes(
        Path::new(name),
        bytes,
        &ImportOptions::default(),
        &LoadControl::new(),
    )
}

/// What the model promises of a loaded file; the first broken promise, if any.
fn broken_rule(name: &str, dataset: &Dataset, report: &LoadReport) -> Option<String> {
    let last_year = migreview::load::header::current_year();
    if report.observations != dataset.len() {
        return Some(format!(
            "the report counts {} observations, the data set holds {}",
            report.observations,
            dataset.len()
        ));
    }
    if report.skipped.len() > report.skipped_rows || report.skipped.len() > load::MAX_LISTED_SKIPS {
        return Some(format!(
            "{} skipped rows listed of {}",
            report.skipped.len(),
            report.skipped_rows
        ));
    }
    if let Some(skip) = report.skipped.iter().find(|s| s.location.file != name) {
        return Some(format!("a skipped row elsewhere: {}", skip.location));
    }
    for obs in dataset.obs() {
        let place = dataset.location(obs);
        if place.file != name {
            return Some(format!("an observation placed in {place}"));
        }
        if !(1900..=last_year).contains(&obs.year) {
            return Some(format!("year {} at {place}", obs.year));
        }
        match obs.value() {
            Value::Number(n) if !n.is_finite() => {
                return Some(format!("the number {n} at {place}"));
            }
            Value::Missing(Missing::Unreadable) => {
                let text = obs.unreadable_text().map(|s| dataset.str(s));
                if text.is_none_or(str::is_empty) {
                    return Some(format!("unreadable text without its text at {place}"));
                }
            }
            _ => {}
        }
        if obs.missing > Missing::Unreadable as u8 {
            return Some(format!("missing code {} at {place}", obs.missing));
        }
        if dataset.str(obs.reporter).is_empty() {
            return Some(format!("no reporter at {place}"));
        }
    }
    None
}

/// Loads one mutant; returns what is wrong with the outcome, if anything.
fn check_mutant(name: &str, bytes: &[u8]) -> Option<String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| load(name, bytes)));
    match outcome {
        Err(_) => Some("panicked".into()),
        Ok(Err(error)) => {
            let message = error.to_string();
            (!message.starts_with(&format!("{name}: "))).then(|| format!("error {message}"))
        }
        Ok(Ok((dataset, report))) => broken_rule(name, &dataset, &report),
    }
}

/// The file's bytes cut at a few random points and with a few random bytes changed.
fn byte_mutants(bytes: &[u8], rng: &mut Rng, cuts: usize, flips: usize) -> Vec<(String, Vec<u8>)> {
    let mut mutants = Vec::new();
    for _ in 0..cuts {
        let at = rng.below(bytes.len());
        mutants.push((format!("cut at {at}"), bytes[..at].to_vec()));
    }
    for _ in 0..flips {
        let mut mutated = bytes.to_vec();
        let mut changed = Vec::new();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(mutated.len());
            mutated[at] = rng.next() as u8;
            changed.push(at);
        }
        mutants.push((format!("bytes changed at {changed:?}"), mutated));
    }
    mutants
}

/// The entries of a ZIP archive: name, and the offsets of the name in the central directory
/// and in the entry's local header.
fn zip_entries(bytes: &[u8]) -> Vec<(String, usize, usize)> {
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let end = (0..bytes.len() - 21)
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .unwrap_or_else(|| panic!("no end of central directory"));
    let count = u16_at(end + 10);
    let mut at = u32_at(end + 16) as usize;
    let mut entries = Vec::new();
    for _ in 0..count {
        assert_eq!(bytes[at..at + 4], [0x50, 0x4b, 0x01, 0x02], "central entry");
        let name_len = u16_at(at + 28);
        let extra = u16_at(at + 30);
        let comment = u16_at(at + 32);
        let local = u32_at(at + 42) as usize;
        let name = String::from_utf8_lossy(&bytes[at + 46..at + 46 + name_len]).into_owned();
        assert_eq!(
            bytes[local + 30..local + 30 + name_len],
            bytes[at + 46..at + 46 + name_len],
            "{name}: local name"
        );
        entries.push((name, at + 46, local + 30));
        at += 46 + name_len + extra + comment;
    }
    entries
}

/// The archive with one entry made unfindable: its name, in the central directory and in its
/// local header, starts with `#` instead (as if the entry were dropped; the sizes stay right).
fn without_entry(bytes: &[u8], entry: &(String, usize, usize)) -> Vec<u8> {
    let mut mutated = bytes.to_vec();
    mutated[entry.1] = b'#';
    mutated[entry.2] = b'#';
    mutated
}

/// Dropped entries of a workbook's archive: the named ones, and `random` more.
fn entry_mutants(
    bytes: &[u8],
    named: &[&str],
    random: usize,
    rng: &mut Rng,
) -> Vec<(String, Vec<u8>)> {
    let entries = zip_entries(bytes);
    let mut chosen: Vec<&(String, usize, usize)> = named
        .iter()
        .map(|n| {
            entries
                .iter()
                .find(|e| e.0 == *n)
                .unwrap_or_else(|| panic!("no entry {n}"))
        })
        .collect();
    for _ in 0..random {
        chosen.push(&entries[rng.below(entries.len())]);
    }
    chosen
        .into_iter()
        .map(|e| (format!("without {}", e.0), without_entry(bytes, e)))
        .collect()
}

struct Input {
    name: &'static str,
    bytes: Vec<u8>,
    cuts: usize,
    flips: usize,
    /// Entries of the archive to drop by name, and how many more at random.
    entries: (&'static [&'static str], usize),
}

#[test]
fn mutants_of_the_samples_and_fixtures_load_or_are_refused_without_panicking() {
    let started = std::time::Instant::now();
    let inputs = vec![
        Input {
            name: "KAZ.xlsx",
            bytes: sample("KAZ.xlsx"),
            cuts: 3,
            flips: 4,
            entries: (&["xl/workbook.xml", "xl/worksheets/sheet5.xml"], 2),
        },
        Input {
            name: "KGZ.xlsx",
            bytes: sample("KGZ.xlsx"),
            cuts: 1,
            flips: 2,
            entries: (&["xl/sharedStrings.xml"], 1),
        },
        Input {
            name: "TJK_status.ods",
            bytes: fixture("TJK_status.ods"),
            cuts: 4,
            flips: 6,
            entries: (&["content.xml", "mimetype"], 1),
        },
        Input {
            name: "KGZ_table4.xls",
            bytes: fixture("KGZ_table4.xls"),
            cuts: 4,
            flips: 12,
            entries: (&[], 0),
        },
        Input {
            name: "encrypted.xlsx",
            bytes: fixture("encrypted.xlsx"),
            cuts: 2,
            flips: 4,
            entries: (&[], 0),
        },
        Input {
            name: "sample_long.csv",
            bytes: head(&sample("sample_long.csv"), 400),
            cuts: 4,
            flips: 8,
            entries: (&[], 0),
        },
        Input {
            name: "estat_migr_imm5prv.tsv.gz",
            bytes: fixture("estat_migr_imm5prv.tsv.gz"),
            cuts: 3,
            flips: 6,
            entries: (&[], 0),
        },
        Input {
            name: "eurostat_tps00176_immigration_bulk.csv",
            bytes: fixture("eurostat_tps00176_immigration_bulk.csv"),
            cuts: 3,
            flips: 6,
            entries: (&[], 0),
        },
        Input {
            name: "eurostat_tps00176_immigration_sdmx.csv",
            bytes: fixture("eurostat_tps00176_immigration_sdmx.csv"),
            cuts: 3,
            flips: 6,
            entries: (&[], 0),
        },
        Input {
            name: "ru_long_utf16.csv",
            bytes: fixture("ru_long_utf16.csv"),
            cuts: 3,
            flips: 6,
            entries: (&[], 0),
        },
        Input {
            name: "ru_long_cp1251.csv",
            bytes: fixture("ru_long_cp1251.csv"),
            cuts: 3,
            flips: 6,
            entries: (&[], 0),
        },
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut wrong = Vec::new();
    let mut runs = 0;
    for input in &inputs {
        let mut mutants = byte_mutants(&input.bytes, &mut rng, input.cuts, input.flips);
        if !input.entries.0.is_empty() || input.entries.1 > 0 {
            mutants.extend(entry_mutants(
                &input.bytes,
                input.entries.0,
                input.entries.1,
                &mut rng,
            ));
        }
        for (how, bytes) in mutants {
            if let Some(problem) = check_mutant(input.name, &bytes) {
                wrong.push(format!("{} ({how}): {problem}", input.name));
            }
            runs += 1;
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert_eq!(runs, 108);
    assert!(
        started.elapsed().as_secs() < 60,
        "mutants took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_workbook_without_its_list_of_sheets_is_said_to_be_damaged() {
    let bytes = sample("KAZ.xlsx");
    let entries = zip_entries(&bytes);
    let workbook = entries
        .iter()
        .find(|e| e.0 == "xl/workbook.xml")
        .unwrap_or_else(|| panic!("no xl/workbook.xml"));
    match load("KAZ.xlsx", &without_entry(&bytes, workbook)) {
        Err(e) => assert_eq!(
            e.to_string(),
            format!(
                "KAZ.xlsx: expected a sheet with migration data: a header row of two or more \
                 years from 1900 to {}, in order, with no other numbers and rows of figures \
                 below (Clearinghouse layout), or columns named table, reporter, year, value \
                 (long layout); found a workbook that lists no sheets, which no spreadsheet \
                 program saves: the list of its sheets is missing or damaged; open it in the \
                 spreadsheet program and save it again, or save the table as CSV",
                migreview::load::header::current_year()
            )
        ),
        Ok(_) => panic!("read without its workbook part"),
    }
}

/// The observations of a text file as `table reporter year sex age category @ place = value`.
fn values(dataset: &Dataset) -> Vec<String> {
    dataset
        .obs()
        .iter()
        .map(|o| {
            format!(
                "{} {} {} {} {} {} @ {} = {:?}",
                o.table.code(),
                dataset.str(o.reporter),
                o.year,
                o.sex,
                dataset.str(o.age),
                dataset.str(o.category),
                dataset.location(o),
                o.value()
            )
        })
        .collect()
}

fn loaded(name: &str, bytes: &[u8]) -> (Dataset, LoadReport) {
    load(name, bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// Text mutations that keep the data read the same data: line ends turned into lone CRs, a
/// byte-order mark before lines, the column names in Russian. Those that change one value change
/// that value alone, as the model reads it.
#[test]
fn text_mutants_read_the_same_data_or_the_value_put_in() {
    let name = "sample_long.csv";
    let original = head(&sample(name), 300);
    let text = String::from_utf8(original.clone()).unwrap_or_else(|e| panic!("{e}"));
    let (dataset, report) = loaded(name, &original);
    assert_eq!(report.observations, 299);
    assert_eq!(report.skipped_rows, 0);
    let expected = values(&dataset);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let lines: Vec<&str> = text.lines().collect();

    // Lone CRs for every line end.
    let cr = text.replace('\n', "\r");
    assert_eq!(values(&loaded(name, cr.as_bytes()).0), expected, "CR");
    // Line ends of both kinds, mixed at random.
    let mixed: String = lines
        .iter()
        .map(|l| match rng.below(3) {
            0 => format!("{l}\r"),
            1 => format!("{l}\r\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    assert_eq!(values(&loaded(name, mixed.as_bytes()).0), expected, "mixed");

    // Byte-order marks before a few lines and before a few cells.
    for _ in 0..5 {
        let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let at = 1 + rng.below(lines.len() - 1);
        changed[at] = format!("\u{feff}{}", changed[at]);
        let other = 1 + rng.below(lines.len() - 1);
        let cell = rng.below(13);
        changed[other] = changed[other]
            .split(',')
            .enumerate()
            .map(|(i, c)| {
                if i == cell {
                    format!("\u{feff}{c}")
                } else {
                    c.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(",");
        let bytes = changed.join("\n") + "\n";
        let (marked, _) = loaded(name, bytes.as_bytes());
        let place = format!("line {} and cell {cell} of line {}", at + 1, other + 1);
        assert_eq!(values(&marked), expected, "marks at {place}");
        assert!(marked.unplaced.is_empty(), "{place}: {:?}", marked.unplaced);
    }

    // Column names in Russian.
    let russian = lines[0]
        .replace("table", "таблица")
        .replace("reporter", "страна")
        .replace("year", "год")
        .replace("sex", "пол")
        .replace("category", "гражданство")
        .replace("value", "значение");
    let bytes = std::iter::once(russian.as_str())
        .chain(lines[1..].iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        values(&loaded(name, bytes.as_bytes()).0),
        expected,
        "Russian names"
    );

    // One value replaced: NaN is not available, 1e308 a number, inf and -inf text, -0 zero.
    for (put, read) in [
        ("NaN", "Missing(NotAvailable)".to_string()),
        ("1e308", format!("{:?}", Value::Number(1e308))),
        ("inf", "Missing(Unreadable)".to_string()),
        ("-inf", "Missing(Unreadable)".to_string()),
        ("-0", format!("{:?}", Value::Number(-0.0))),
    ] {
        let at = 1 + rng.below(lines.len() - 1);
        let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let mut cells: Vec<&str> = lines[at].split(',').collect();
        cells[6] = put;
        changed[at] = cells.join(",");
        let bytes = changed.join("\n") + "\n";
        let (mutant, _) = loaded(name, bytes.as_bytes());
        let mut wanted = expected.clone();
        let row = at - 1;
        let key = wanted[row].rsplit_once(" = ").map(|(k, _)| k.to_string());
        wanted[row] = format!("{} = {read}", key.unwrap_or_default());
        assert_eq!(values(&mutant), wanted, "{put} at line {}", at + 1);
    }
}
