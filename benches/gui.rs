//! Frame time of each panel with a million observations and 100,000 findings (layout and
//! tessellation with a headless egui context, no GPU), the Coverage and Mirror panels with the
//! mirror statistics of those observations, and the time from start to the first frame showing
//! a sample-sized data set. Run with `cargo bench --bench gui`.

use criterion::{Criterion, criterion_group, criterion_main};
use migreview::app::coverage::CoverageCellRef;
use migreview::app::data::{DataSelection, Pivot};
use migreview::app::mirror::MirrorTab;
use migreview::app::session::SessionSource;
use migreview::app::{Command, MigreviewApp, Panel, Session};
use migreview::checks::{CheckCode, Dimension, Finding, Outcome, Severity};
use migreview::model::{
    Dataset, Lang, Location, NewObs, PlaceKind, Sex, SourceFile, TableId, Value, gazetteer,
};
use migreview::report::Report;
use migreview::settings::Settings;
use std::hint::black_box;
use std::time::{Duration, Instant};

const AGES: [&str; 18] = [
    "TOTAL", "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
    "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80+",
];

fn countries(n: usize) -> Vec<String> {
    gazetteer()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .take(n)
        .map(|p| p.code.clone())
        .collect()
}

/// 10 reporters × 20 years × 3 sexes × 90 partners × 18 age groups in Table 3 (972,000) and the
/// same without ages in Table 4 (54,000): 1,026,000 observations.
fn big_dataset() -> Dataset {
    let mut dataset = Dataset::new();
    let file = dataset.add_file(SourceFile {
        path: "big.csv".into(),
        name: "big.csv".into(),
        sha256: String::new(),
    });
    let reporters = countries(10);
    let partners = countries(90);
    let mut line = 1;
    dataset.reserve(1_026_000);
    for reporter in &reporters {
        for year in 2000..2020u16 {
            for sex in [Sex::T, Sex::M, Sex::F] {
                for partner in &partners {
                    for (table, ages) in [(TableId::T3, &AGES[..]), (TableId::T4, &AGES[..1])] {
                        for age in ages {
                            line += 1;
                            dataset.push_new(NewObs {
                                table,
                                reporter,
                                year,
                                sex,
                                age,
                                category: partner,
                                value: Value::Number((line % 9973) as f64),
                                flag: "",
                                source: "",
                                duration: Some(12),
                                file,
                                sheet: "",
                                row: line,
                                col: migreview::model::NO_COLUMN,
                            });
                        }
                    }
                }
            }
        }
    }
    dataset
}

/// 100,000 findings spread over the observations, every check and severity.
fn findings(dataset: &Dataset) -> Vec<Finding> {
    let step = dataset.len() / 100_000;
    (0..100_000)
        .map(|i| {
            let obs = dataset.obs()[i * step];
            let check = CheckCode::ALL[i % CheckCode::ALL.len()];
            Finding {
                check,
                severity: Severity::ALL[i % 3],
                outcome: Outcome::Fail,
                dimension: Dimension::Accuracy,
                level: 1,
                table: Some(obs.table),
                reporter: Some(dataset.str(obs.reporter).to_string()),
                year: Some(obs.year),
                sex: Some(obs.sex),
                age: Some(dataset.str(obs.age).to_string()),
                category: Some(dataset.str(obs.category).to_string()),
                expected: Some(obs.value + 10.0),
                actual: Some(obs.value),
                message: format!("Total {} ≠ sum of parts {}", obs.value, obs.value + 10.0),
                message_ru: format!("Итог {} ≠ сумма частей {}", obs.value, obs.value + 10.0),
                location: Some(Location {
                    file: "big.csv".into(),
                    sheet: None,
                    cell: None,
                    line: Some(obs.row),
                }),
            }
        })
        .collect()
}

fn big_session() -> Session {
    let dataset = big_dataset();
    let settings = Settings::default();
    let mut report = Report::new(Vec::new(), &dataset, &settings);
    report.findings = findings(&dataset);
    // The mirror part, as `Report::build` computes it: about 100,000 pair-years.
    report.mirror = migreview::mirror::analyse(&dataset, &settings.mirror);
    let mut session = Session::build(
        SessionSource::Files(vec!["big.csv".into()]),
        dataset,
        Vec::new(),
        report,
        None,
    );
    // A register feeding tables 3 and 4 for every reporter, scored from the data (Sources).
    let mut assessment = migreview::assess::Assessment::new();
    for code in countries(10) {
        let mut country = migreview::assess::CountryAssessment::new(&code);
        let mut register = migreview::assess::DataSource::new(
            &format!("{code}-REG"),
            "Population register",
            migreview::assess::SourceKind::PopulationRegister,
        );
        register.feeds = vec![
            migreview::assess::TableFeed::new(TableId::T3, None),
            migreview::assess::TableFeed::new(TableId::T4, None),
        ];
        country.sources.push(register);
        assessment.countries.push(country);
    }
    session.review.assessment = Some(assessment);
    migreview::app::sources::prepare_assessment(&mut session);
    session
}

fn raw_input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        events,
        ..Default::default()
    }
}

/// One frame: layout and tessellation.
fn frame(ctx: &egui::Context, app: &mut MigreviewApp, events: Vec<egui::Event>) -> usize {
    let output = ctx.run_ui(raw_input(events), |ui| app.window_ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn panel_frames(c: &mut Criterion) {
    let built = Instant::now();
    let session = big_session();
    eprintln!(
        "built {} observations, {} findings and {} mirror pair-years in {:.1} s",
        session.dataset.len(),
        session.findings().len(),
        session.report.mirror.pairs.len(),
        built.elapsed().as_secs_f64()
    );
    let coverage_reporter = session.coverage.reporters[0].clone();
    let mirror_years = session.report.mirror.years();
    let reporters: Vec<_> = session.index.slices[&TableId::T3]
        .iter()
        .map(|s| s.reporter)
        .collect();
    let ctx = egui::Context::default();
    let mut app = MigreviewApp::with_session(session, None);
    let mut group = c.benchmark_group("frame (1,026,000 observations, 100,000 findings)");
    group.sample_size(50);
    group.measurement_time(Duration::from_secs(5));

    for panel in Panel::ALL {
        app.set_panel(panel);
        for _ in 0..5 {
            frame(&ctx, &mut app, Vec::new());
        }
        group.bench_function(format!("{panel:?}"), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
        });
    }

    // Scrolling the Data panel's 1,620 rows (90 partners × 18 age groups).
    app.set_panel(Panel::Data);
    let scroll = |down: bool| {
        vec![
            egui::Event::PointerMoved(egui::pos2(600.0, 500.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, if down { -120.0 } else { 120.0 }),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            },
        ]
    };
    let mut tick = 0u32;
    group.bench_function("Data while scrolling", |b| {
        b.iter(|| {
            tick += 1;
            black_box(frame(&ctx, &mut app, scroll(tick % 200 < 100)))
        })
    });

    // A new selection: the frame that builds the pivot of 1,620 rows × 20 years and draws it.
    let mut which = 0usize;
    group.bench_function("Data, the frame after choosing another reporter", |b| {
        b.iter_custom(|iterations| {
            let mut measured = Duration::ZERO;
            for _ in 0..iterations {
                which = (which + 1) % reporters.len();
                app.queue(Command::SelectData(DataSelection {
                    table: Some(TableId::T3),
                    reporter: Some(reporters[which]),
                    sex: Sex::T,
                }));
                // The command is applied at the end of this frame.
                frame(&ctx, &mut app, Vec::new());
                let started = Instant::now();
                black_box(frame(&ctx, &mut app, Vec::new()));
                measured += started.elapsed();
            }
            measured
        })
    });

    // The pivot alone, without drawing.
    let mut which = 0usize;
    group.bench_function("pivot of 1,620 rows × 20 years (no drawing)", |b| {
        b.iter(|| {
            which = (which + 1) % reporters.len();
            let selection = DataSelection {
                table: Some(TableId::T3),
                reporter: Some(reporters[which]),
                sex: Sex::T,
            };
            black_box(Pivot::build(app.session(), &selection, Lang::En).rows.len())
        })
    });

    // A finding selected: the detail panel is drawn too.
    app.set_panel(Panel::Findings);
    app.queue(Command::SelectFinding(Some(50_000)));
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    group.bench_function("Findings with a finding selected", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
    });

    // The Sources panel: the rubric of a register with its suggestions, and the scorecard.
    app.set_panel(Panel::Sources);
    for (tab, name) in [
        (
            migreview::app::sources::SourcesTab::Rubric,
            "Sources, rubric of a register",
        ),
        (
            migreview::app::sources::SourcesTab::Scorecard,
            "Sources, scorecard",
        ),
    ] {
        app.sources_view_mut().tab = tab;
        for _ in 0..3 {
            frame(&ctx, &mut app, Vec::new());
        }
        group.bench_function(name, |b| {
            b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
        });
    }
    app.set_panel(Panel::Findings);

    // Typing in the search box filters the 100,000 findings again.
    let mut typed = 0usize;
    group.bench_function("Findings after a search keystroke", |b| {
        b.iter(|| {
            typed += 1;
            app.findings_view_mut().filter.text = if typed.is_multiple_of(2) {
                "1".into()
            } else {
                "12".into()
            };
            black_box(frame(&ctx, &mut app, Vec::new()))
        })
    });

    // Coverage: the table × year heatmap of a reporter, with a cell's detail open.
    app.set_panel(Panel::Coverage);
    app.queue(Command::SelectCoverageCell(CoverageCellRef {
        table: TableId::T3,
        reporter: coverage_reporter.clone(),
        year: 2010,
    }));
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    group.bench_function("Coverage with a cell's detail", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
    });
    app.coverage_view_mut().kind = Some(migreview::charts::GridKind::ByReporter(
        coverage_reporter.clone(),
    ));
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    group.bench_function("Coverage, tables of a reporter", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
    });

    // Mirror: each view, and the scatter while the pointer moves over it.
    app.set_panel(Panel::Mirror);
    for tab in MirrorTab::ALL {
        app.mirror_view_mut().tab = tab;
        for _ in 0..5 {
            frame(&ctx, &mut app, Vec::new());
        }
        let view = app.mirror_view();
        eprintln!(
            "Mirror {tab:?}: {} scatter points, {} matrix countries, {} country bars, {} years of a pair",
            view.scatter_data().map_or(0, |d| d.points.len()),
            view.matrix_data().map_or(0, |d| d.countries.len()),
            view.bars_data().map_or(0, |d| d.bars.len()),
            view.series_data().map_or(0, |d| d.points.len()),
        );
        group.bench_function(format!("Mirror {tab:?}"), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
        });
    }
    app.mirror_view_mut().tab = MirrorTab::Scatter;
    let mut step = 0u32;
    group.bench_function("Mirror Scatter while hovering", |b| {
        b.iter(|| {
            step += 1;
            let x = 300.0 + (step % 600) as f32;
            let hover = vec![egui::Event::PointerMoved(egui::pos2(x, 500.0))];
            black_box(frame(&ctx, &mut app, hover))
        })
    });
    // Another year: the frame that rebuilds the scatter from every pair-year and draws it.
    let mut which = 0usize;
    group.bench_function(
        "Mirror Scatter, the frame after choosing another year",
        |b| {
            b.iter_custom(|iterations| {
                let mut measured = Duration::ZERO;
                for _ in 0..iterations {
                    which = (which + 1) % mirror_years.len();
                    app.mirror_view_mut().year = Some(mirror_years[which]);
                    let started = Instant::now();
                    black_box(frame(&ctx, &mut app, Vec::new()));
                    measured += started.elapsed();
                }
                measured
            })
        },
    );
    group.finish();
}

/// A long CSV the size of the sample data set: 5 reporters × 10 years × 3 sexes × 12 tables ×
/// 30 categories = 54,000 observations.
fn sample_sized_csv(dir: &std::path::Path) -> std::path::PathBuf {
    let reporters = ["AZE", "KAZ", "KGZ", "RUS", "TJK"];
    let partners = countries(30);
    let mut text = String::from("table,reporter,year,sex,category,value\n");
    for table in TableId::CLEARINGHOUSE {
        for reporter in reporters {
            for year in 2012..2022 {
                for sex in ["T", "M", "F"] {
                    for (i, partner) in partners.iter().enumerate() {
                        text.push_str(&format!(
                            "{},{reporter},{year},{sex},{partner},{}\n",
                            table.code(),
                            (year as usize * 7 + i * 13) % 5000
                        ));
                    }
                }
            }
        }
    }
    let path = dir.join("sample_sized.csv");
    std::fs::write(&path, text).expect("written");
    path
}

fn start_to_first_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_sized_csv(dir.path());
    let mut group = c.benchmark_group("start");
    group.sample_size(10);
    group.bench_function("to the first frame with 54,000 observations", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = MigreviewApp::with_files(vec![path.clone()], Some(dir.path().into()));
            let started = Instant::now();
            frame(&ctx, &mut app, Vec::new());
            while app.is_busy() {
                std::thread::sleep(Duration::from_millis(1));
                frame(&ctx, &mut app, Vec::new());
                assert!(started.elapsed() < Duration::from_secs(30), "load hangs");
            }
            assert_eq!(app.session().dataset.len(), 54_000);
            black_box(frame(&ctx, &mut app, Vec::new()))
        })
    });
    group.finish();
}

criterion_group!(benches, panel_frames, start_to_first_frame);
criterion_main!(benches);
