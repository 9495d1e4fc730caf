//! Loader throughput on a long CSV of 1,000,000 observations and a Clearinghouse workbook of
//! 1,000,000 value cells, next to the bare `csv` and calamine reads of the same files, and the
//! memory each observation takes, measured by a counting allocator beside the estimate of
//! `Dataset::heap_bytes()`. Run with `cargo bench --bench load`.
//!
//! Targets: CSV < 1 s, xlsx < 3 s, < 80 bytes per observation beyond the file itself.
//!
//! Every allocation of this benchmark goes through [`Counting`] (two relaxed atomic additions),
//! the bare `csv` and calamine reads included, so the comparison stays fair.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::load::{ImportOptions, LoadControl, load_bytes};
use migreview::model::{Dataset, format_count};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes allocated and not yet freed, and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn grew(bytes: usize) {
        let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }

    fn shrank(bytes: usize) {
        LIVE.fetch_sub(bytes, Ordering::Relaxed);
    }

    fn live() -> usize {
        LIVE.load(Ordering::Relaxed)
    }

    /// Starts a new peak from what is live now.
    fn reset_peak() {
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    }

    fn peak() -> usize {
        PEAK.load(Ordering::Relaxed)
    }
}

// SAFETY: every call is passed on to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is the one `System.alloc` needs.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            Counting::grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            Counting::grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (through this allocator) with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        Counting::shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`; the caller guarantees
        // `new_size` is valid for it.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                Counting::grew(new_size - layout.size());
            } else {
                Counting::shrank(layout.size() - new_size);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const OBSERVATIONS: usize = 1_000_000;
mod data;

use data::workbook::{Numbers, YEARS, clearinghouse_xlsx, partners};

/// A long CSV of 1,000,000 rows: table, reporter, year, sex, age, category, value, flag.
fn long_csv(path: &Path) -> std::io::Result<()> {
    let partners = partners();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "table,reporter,year,sex,age,category,value,flag")?;
    let mut numbers = Numbers(0x9e37_79b9_7f4a_7c15);
    let mut written = 0usize;
    'all: for reporter in ["KAZ", "KGZ", "TJK", "AZE", "RUS"] {
        for table in ["3", "4"] {
            for year in 2000..2000 + YEARS {
                for sex in ["T", "M", "F"] {
                    for partner in &partners {
                        for age in [
                            "TOTAL", "Y0-4", "Y5-14", "Y15-24", "Y25-44", "Y45-64", "Y65-84",
                            "Y_GE85",
                        ] {
                            let n = numbers.next();
                            let value = if n.is_multiple_of(50) {
                                String::new()
                            } else {
                                (n % 100_000).to_string()
                            };
                            let flag = if n.is_multiple_of(97) { "e" } else { "" };
                            writeln!(
                                out,
                                "{table},{reporter},{year},{sex},{age},\"{partner}\",{value},{flag}"
                            )?;
                            written += 1;
                            if written == OBSERVATIONS {
                                break 'all;
                            }
                        }
                    }
                }
            }
        }
    }
    out.flush()
}

fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv = dir.path().join("flows.csv");
    let xlsx = dir.path().join("clearinghouse.xlsx");
    long_csv(&csv).unwrap_or_else(|e| panic!("{e}"));
    clearinghouse_xlsx(&xlsx).unwrap_or_else(|e| panic!("{e}"));
    (dir, csv, xlsx)
}

fn load(path: &Path, bytes: &[u8]) -> Dataset {
    match load_bytes(path, bytes, &ImportOptions::default(), &LoadControl::new()) {
        Ok((dataset, _)) => dataset,
        Err(e) => panic!("{e}"),
    }
}

fn loading(c: &mut Criterion) {
    let (_dir, csv_path, xlsx_path) = files();
    let csv_bytes = std::fs::read(&csv_path).unwrap_or_else(|e| panic!("{e}"));
    let xlsx_bytes = std::fs::read(&xlsx_path).unwrap_or_else(|e| panic!("{e}"));
    for (name, path, bytes, target) in [
        ("long CSV", &csv_path, &csv_bytes, 1.0),
        ("Clearinghouse xlsx", &xlsx_path, &xlsx_bytes, 3.0),
    ] {
        measure_one_load(name, path, bytes, target);
    }
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    group.bench_function("migreview long CSV, 1,000,000 observations", |b| {
        b.iter(|| black_box(load(&csv_path, &csv_bytes).len()))
    });
    group.bench_function("csv crate, same file, bare parse", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(csv_bytes.as_slice());
            let mut record = csv::ByteRecord::new();
            let mut fields = 0usize;
            while reader.read_byte_record(&mut record).unwrap_or(false) {
                fields += record.len();
            }
            black_box(fields)
        })
    });
    group.bench_function("migreview Clearinghouse xlsx, 1,008,000 cells", |b| {
        b.iter(|| black_box(load(&xlsx_path, &xlsx_bytes).len()))
    });
    group.bench_function(
        "calamine, same workbook, worksheet_range of every sheet",
        |b| b.iter(|| black_box(data::calamine_cells(Cursor::new(xlsx_bytes.as_slice())))),
    );
    group.finish();
}

/// Bytes per observation allowed beyond the file itself.
const BYTES_PER_OBSERVATION_TARGET: f64 = 80.0;

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT MET" }
}

/// One load of a file already in memory, timed and counted: the bytes still allocated after it
/// (the data set) and the peak while it ran, both beyond what was allocated before (the file's
/// bytes included), beside the data set's own estimate.
fn measure_one_load(name: &str, path: &Path, bytes: &[u8], target_seconds: f64) {
    // A first load sets up what is built once per process (lookup tables of names and codes),
    // so that it is not counted as memory of the observations.
    drop(black_box(load(path, bytes)));

    let before = Counting::live();
    Counting::reset_peak();
    let started = Instant::now();
    let dataset = load(path, bytes);
    let seconds = started.elapsed().as_secs_f64();
    let peak = Counting::peak().saturating_sub(before);
    let retained = Counting::live().saturating_sub(before);
    let observations = dataset.len().max(1) as f64;
    let per_observation = retained as f64 / observations;
    let estimate = dataset.heap_bytes() as f64 / observations;
    println!(
        "{name}: {} file, {} observations",
        megabytes(bytes.len()),
        format_count(dataset.len() as f64)
    );
    println!(
        "  load (one run): {seconds:.2} s (target < {target_seconds} s: {})",
        verdict(seconds < target_seconds)
    );
    println!(
        "  retained after load: {per_observation:.1} bytes per observation, {} in all \
         (target < {BYTES_PER_OBSERVATION_TARGET} bytes: {})",
        megabytes(retained),
        verdict(per_observation < BYTES_PER_OBSERVATION_TARGET)
    );
    println!(
        "  peak during load: {} beyond the file ({:.1} bytes per observation, {:.1}× the file)",
        megabytes(peak),
        peak as f64 / observations,
        peak as f64 / bytes.len().max(1) as f64
    );
    println!("  estimate Dataset::heap_bytes(): {estimate:.1} bytes per observation");
    drop(dataset);
}

criterion_group!(benches, loading);
criterion_main!(benches);
