//! The window under egui_kittest, shared by the window's tests: a harness the size of a laptop
//! screen, stepping until background work ends, and finding widgets by their labels.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.
#![allow(dead_code)] // Each test file uses the part it needs.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use migreview::app::MigreviewApp;
use std::path::Path;
use std::time::{Duration, Instant};

pub fn harness(app: MigreviewApp) -> Harness<'static, MigreviewApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        // Frames a sixtieth of a second apart, as on a screen (two clicks make a double click).
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_cc| app)
}

/// Steps the window until no load, export or other background work is running (each runs on
/// its own thread).
pub fn wait_until_idle(h: &mut Harness<'_, MigreviewApp>) {
    let started = Instant::now();
    loop {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the window did not become idle within two minutes"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

pub fn has_label(h: &Harness<'_, MigreviewApp>, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

/// The window on the built-in sample, its data directory `dir`, once the sample is loaded
/// without a message.
pub fn sample_window(dir: &Path) -> Harness<'static, MigreviewApp> {
    let mut h = harness(MigreviewApp::with_files(
        Vec::new(),
        Some(dir.to_path_buf()),
    ));
    wait_until_idle(&mut h);
    assert!(h.state().session().is_sample());
    assert!(
        h.state().messages().is_empty(),
        "{:?}",
        h.state().messages()
    );
    h
}
