//! Time of planting a problem into a lesson's data, as the window does it: the lesson's data
//! generated with the problems planted so far and the new one, written as the learner's
//! workbooks, read back by the loader, and checked (findings and mirror statistics). Target:
//! under 100 ms, so the room sees cause and effect at once. Also the handouts of a lesson.
//!
//! Run in release: `cargo bench --bench workshop`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::load::{Input, LoadControl, WhenCancelled, load_inputs};
use migreview::model::Lang;
use migreview::report::Report;
use migreview::settings::Settings;
use migreview::workshop::{Fault, FaultKind, Lesson, handouts, lesson};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// The lesson "mirror" (two countries) with one more problem planted, loaded and checked.
fn plant_and_check(lesson: &Lesson, planted: &Fault) -> usize {
    let mut sample = lesson.sample().unwrap();
    planted.plant(&mut sample).unwrap();
    let workbooks = lesson.workbooks(&sample).unwrap();
    let inputs = workbooks.iter().map(|(name, bytes)| Input::Embedded {
        path: PathBuf::from("lesson").join(name),
        bytes,
    });
    let loaded = load_inputs(
        inputs,
        |_, _| Default::default(),
        &LoadControl::new(),
        WhenCancelled::Stop,
    );
    Report::build(Vec::new(), &loaded.dataset, &Settings::default())
        .findings
        .len()
}

fn workshop(c: &mut Criterion) {
    let mut group = c.benchmark_group("workshop");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    let mirror = lesson("mirror").unwrap();
    let text = Fault {
        kind: FaultKind::Text,
        reporter: "KAZ".into(),
        table: "3".into(),
        category: "KGZ".into(),
        age: "TOTAL".into(),
        sex: "F".into(),
        year: 2018,
    };
    group.bench_function("plant a problem into the lesson 'mirror' and check", |b| {
        b.iter(|| black_box(plant_and_check(mirror, &text)))
    });
    group.bench_function("the handouts of the lesson 'mirror'", |b| {
        b.iter(|| black_box(handouts::handouts(mirror, Lang::Ru).unwrap().len()))
    });
    group.finish();
}

criterion_group!(benches, workshop);
criterion_main!(benches);
