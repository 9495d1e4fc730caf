//! Every chart rendered from the real Eurostat bilateral file (2010–2019), as PNG and SVG:
//! size, colours that must be there, titles, legends and the source line (source Eurostat
//! migr_imm5prv, migr_emi3nxt; see tests/fixtures/realdata/README.md), and the scorecard of a
//! country from the sample's (synthetic) data-source assessment.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use migreview::assess::{AssessSettings, scorecard};
use migreview::charts::{
    self, Chart, ChartError, ChartOptions, CoverageGrid, MatrixData, PairSeries, PointLabels,
    Rendered, ScatterData, ScorecardData, Target, UndercountData,
};
use migreview::coverage::{self, TableCoverage};
use migreview::load::{ImportOptions, LoadControl, load_file};
use migreview::mirror::{self, FlowDirection, MirrorReport, MirrorSettings};
use migreview::model::{Dataset, Lang, Sex, TableId};
use migreview::sample::sample_assessment;
use std::path::Path;
use std::sync::OnceLock;

const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"
);

struct Computed {
    report: MirrorReport,
    coverage: TableCoverage,
}

fn computed() -> &'static Computed {
    static DATA: OnceLock<Computed> = OnceLock::new();
    DATA.get_or_init(|| {
        let dataset: Dataset = match load_file(
            Path::new(BILATERAL),
            &ImportOptions::default(),
            &LoadControl::new(),
        ) {
            Ok((dataset, _)) => dataset,
            Err(e) => panic!("the bilateral file should load: {e}"),
        };
        Computed {
            report: mirror::analyse(&dataset, &MirrorSettings::default()),
            coverage: coverage::table_coverage(&dataset),
        }
    })
}

fn options(lang: Lang) -> ChartOptions {
    ChartOptions {
        lang,
        source: "Eurostat migr_imm5prv, migr_emi3nxt".into(),
        labels: PointLabels::DEFAULT,
        ..ChartOptions::default()
    }
}

/// Decoded RGB pixels of a PNG file and its size.
fn pixels(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("a PNG: {e}"));
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut buffer)
        .unwrap_or_else(|e| panic!("a frame: {e}"));
    let step = info.color_type.samples();
    let rgb = buffer[..info.buffer_size()]
        .chunks(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, rgb)
}

/// Renders a chart as PNG (checked for size and content) and as SVG (returned).
fn render_both(
    name: &str,
    chart: Chart<'_>,
    options: &ChartOptions,
    colours: &[[u8; 3]],
) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let png_path = dir.path().join(format!("{name}.png"));
    let rendered = charts::render(chart, options, Target::Png(&png_path));
    assert_eq!(rendered, Ok(Rendered::File(png_path.clone())), "{name}");
    let (width, height, rgb) = pixels(&png_path);
    assert_eq!((width, height), (1600, 1000), "{name}");
    let drawn = rgb.iter().filter(|p| **p != [255, 255, 255]).count();
    assert!(
        drawn > rgb.len() / 40,
        "{name}: only {drawn} of {} pixels are not background",
        rgb.len()
    );
    for colour in colours {
        let n = rgb.iter().filter(|p| *p == colour).count();
        assert!(n > 50, "{name}: colour {colour:?} appears in {n} pixels");
    }
    let svg_path = dir.path().join(format!("{name}.svg"));
    let rendered = charts::render(chart, options, Target::Svg(&svg_path));
    assert_eq!(rendered, Ok(Rendered::File(svg_path.clone())), "{name}");
    let svg = std::fs::read_to_string(&svg_path).unwrap_or_default();
    assert!(
        svg.starts_with("<svg") && svg.contains("width=\"1600\""),
        "{name}"
    );
    match charts::render(chart, options, Target::SvgString) {
        Ok(Rendered::Svg(in_memory)) => assert_eq!(in_memory, svg, "{name}"),
        other => panic!("{name}: expected an SVG string, got {other:?}"),
    }
    let source = match options.lang {
        Lang::En => format!("Source: {}; computed by migreview", options.source),
        Lang::Ru => format!("Источник: {}; расчёт: migreview", options.source),
    };
    assert!(svg.contains(&source), "{name}: no source line «{source}»");
    svg
}

const REPORTED: [u8; 3] = [49, 130, 189];
const MISSING: [u8; 3] = [253, 141, 60];
const RED: [u8; 3] = [215, 48, 39];
const GREEN: [u8; 3] = [26, 152, 80];
const IMMIGRATION: [u8; 3] = [33, 102, 172];
const EMIGRATION: [u8; 3] = [230, 97, 1];
const ONE_SIDED_I: [u8; 3] = [140, 140, 140];

#[test]
fn coverage_heatmaps() {
    let c = computed();
    let grid = CoverageGrid::by_table(&c.coverage, TableId::T3);
    assert_eq!(grid.rows.len(), 27);
    assert_eq!(grid.years, (2010..=2019).collect::<Vec<u16>>());
    let svg = render_both(
        "coverage_3",
        Chart::Coverage(&grid),
        &options(Lang::En),
        &[REPORTED, MISSING],
    );
    assert!(svg.contains("What is reported: Table 3"));
    assert!(
        svg.contains("reported (134)"),
        "legend counts the reported cells"
    );
    let austria = CoverageGrid::by_reporter(&c.coverage, "AUT");
    assert_eq!(austria.rows, vec!["3", "4"]);
    let svg = render_both(
        "coverage_aut",
        Chart::Coverage(&austria),
        &options(Lang::Ru),
        &[REPORTED, MISSING],
    );
    assert!(
        svg.contains("Наличие данных: Австрия (AUT)"),
        "Russian title"
    );
    assert!(svg.contains("Таблица 3"));
}

#[test]
fn mirror_scatter_of_2018() {
    let c = computed();
    let data = ScatterData::from_report(&c.report, &MirrorSettings::default(), Some(2018), Sex::T);
    // 200 two-sided pairs in 2018, 3 of them with a side of 0.
    assert_eq!(data.points.len(), 197);
    assert_eq!(data.zero_sides, 3);
    let svg = render_both(
        "scatter",
        Chart::Scatter(&data),
        &options(Lang::En),
        &[RED, GREEN],
    );
    assert!(
        svg.contains("Mirror statistics: immigration against the partner&apos;s emigration, 2018")
            || svg
                .contains("Mirror statistics: immigration against the partner's emigration, 2018")
    );
    for legend in [
        "I/E 0.90–1.11 (54)",
        "I/E 0.77–1.30 (23)",
        "I/E 0.50–1.99 (53)",
        "(58)",
        "I + E below 20 (9)",
    ] {
        assert!(svg.contains(legend), "legend {legend}");
    }
    // The largest discrepancy in persons, Italy to Spain (22,002 against 7,952), is labelled.
    assert!(svg.contains("ITA » ESP"));
    // Every label asked for is drawn, each where it covers no other.
    let wanted = migreview::charts::labelled(&data, PointLabels::DEFAULT);
    assert_eq!(wanted.len(), 12);
    for point in wanted {
        let label = format!("{} » {}", point.sender, point.receiver);
        assert!(svg.contains(&label), "label {label}");
    }
    let svg = render_both(
        "scatter_ru",
        Chart::Scatter(&data),
        &options(Lang::Ru),
        &[RED],
    );
    assert!(svg.contains("Зеркальная статистика"));
    assert!(svg.contains("I/E 0,90–1,11 (54)"));

    // Spain's pairs only, as the country under review: 2 × 15 partners at most, each with ESP.
    let spain = ScatterData::from_report(&c.report, &MirrorSettings::default(), Some(2018), Sex::T)
        .of_country(&c.report, Some("ESP"));
    assert!(!spain.points.is_empty() && spain.points.len() <= 30);
    assert!(
        spain
            .points
            .iter()
            .all(|p| p.sender == "ESP" || p.receiver == "ESP")
    );
    let svg = render_both(
        "scatter_esp",
        Chart::Scatter(&spain),
        &options(Lang::En),
        &[RED],
    );
    assert!(
        svg.contains("2018 — Spain (ESP)"),
        "the title names the country"
    );
}

#[test]
fn discrepancy_matrix_of_2018() {
    let c = computed();
    let data = MatrixData::from_report(&c.report, 2018, Sex::T);
    // The 16 countries that report immigration or emigration by partner in some year.
    assert_eq!(data.countries.len(), 16);
    let svg = render_both(
        "matrix",
        Chart::Matrix(&data),
        &options(Lang::En),
        &[ONE_SIDED_I],
    );
    assert!(svg.contains("Mirror discrepancies between countries, 2018"));
    assert!(svg.contains("Receiving country"));
    // Italy's emigration to Spain is a third of Spain's immigration from Italy: a red cell.
    let es = data
        .countries
        .iter()
        .position(|c| c == "ESP")
        .unwrap_or(usize::MAX);
    let it = data
        .countries
        .iter()
        .position(|c| c == "ITA")
        .unwrap_or(usize::MAX);
    assert!(matches!(data.cells[es][it], charts::MatrixCell::Both(l) if (l - 1.018).abs() < 1e-3));
    // plotters writes a text element's text on a line of its own.
    assert!(!svg.contains("\n2.77\n"), "no values unless asked for");
    // With the ratio written in each cell: Spain's row, Italy's column reads 2.77.
    let with_values = ChartOptions {
        cell_values: true,
        ..options(Lang::En)
    };
    let svg = render_both(
        "matrix_values",
        Chart::Matrix(&data),
        &with_values,
        &[ONE_SIDED_I],
    );
    assert!(svg.contains("\n2.77\n"), "the ratio of ITA → ESP");
    let svg = render_both(
        "matrix_values_ru",
        Chart::Matrix(&data),
        &ChartOptions {
            lang: Lang::Ru,
            ..with_values
        },
        &[ONE_SIDED_I],
    );
    assert!(svg.contains("\n2,77\n"));
}

#[test]
fn time_series_of_a_pair() {
    let c = computed();
    let data = PairSeries::from_report(&c.report, "ITA", "ESP", Sex::T);
    assert_eq!(data.points.len(), 10);
    let p2018 = data.points.iter().find(|p| p.year == 2018);
    assert_eq!(
        p2018.map(|p| (p.immigration, p.emigration)),
        Some((Some(22002.0), Some(7952.0)))
    );
    let svg = render_both(
        "series",
        Chart::Series(&data),
        &options(Lang::En),
        &[IMMIGRATION, EMIGRATION],
    );
    assert!(svg.contains("Flow from Italy to Spain"));
    // 10,382 / 4,021 in 2010; 21,559 / 6,787 in 2019.
    assert!(
        svg.contains("Immigration over emigration (I/E): 2.58 in 2010, 3.18 in 2019"),
        "subtitle"
    );
    assert!(svg.contains("Immigration reported by Spain"));
    assert!(svg.contains("Emigration reported by Italy"));
    let largest = PairSeries::largest(&c.report, 3);
    assert_eq!(largest.len(), 3);
}

#[test]
fn country_undercount_bars_of_2019() {
    let c = computed();
    let settings = MirrorSettings::default();
    let data =
        UndercountData::from_report(&c.report, &settings, FlowDirection::Emigration, 2019, false);
    assert_eq!(data.bars.len(), 15);
    // Slovakia reports the smallest share of what its partners see
    // (`docs/domain.md#coverage-and-reference-numbers`: I/E 6.61).
    assert_eq!(data.bars.first().map(|b| b.country.as_str()), Some("SVK"));
    let svg = render_both("bars", Chart::Undercount(&data), &options(Lang::En), &[RED]);
    assert!(svg.contains("Emigration reported by each country against its partners"));
    assert!(svg.contains("within 0.70–1.43 (8)"));
    assert!(svg.contains("outside 0.70–1.43 (7)"));
    let reference =
        UndercountData::from_report(&c.report, &settings, FlowDirection::Immigration, 2019, true);
    let svg = render_both(
        "bars_reference",
        Chart::Undercount(&reference),
        &options(Lang::Ru),
        &[RED],
    );
    assert!(svg.contains("эталонной группе"));
}

/// The colours of the first five sources of a scorecard.
const SOURCES: [[u8; 3]; 5] = [
    [0, 114, 178],
    [230, 159, 0],
    [0, 158, 115],
    [213, 94, 0],
    [204, 121, 167],
];

#[test]
fn scorecard_of_kazakhstan_from_the_sample_assessment() {
    let assessment = sample_assessment().unwrap_or_else(|e| panic!("the sample assessment: {e}"));
    let kaz = assessment
        .country("KAZ")
        .unwrap_or_else(|| panic!("the sample assesses Kazakhstan"));
    let settings = AssessSettings::default();
    let card = scorecard(kaz, &settings);
    let data = ScorecardData::build(&card, settings.grade_bands);
    // Five sources, each with its mean in each of the six ESS dimensions, as on the scorecard.
    assert_eq!(data.sources.len(), 5);
    assert_eq!(data.dimensions.len(), 6);
    for (i, source) in card.sources.iter().enumerate() {
        for d in &source.dimensions {
            assert_eq!(
                data.mean(i, d.dimension).map(|m| m.mean),
                d.mean,
                "{} {:?}",
                source.source_id,
                d.dimension
            );
        }
    }
    for (lang, title, overall, grades, dimension) in [
        (
            Lang::En,
            "Kazakhstan (KAZ): data sources by ESS quality dimension",
            "overall 2.2 (adequate)",
            ["poor", "weak", "adequate", "good"],
            "Accuracy and reliability",
        ),
        (
            Lang::Ru,
            "Казахстан (KAZ): источники данных по измерениям качества ЕСС",
            "итого 2,2 (удовлетворительно)",
            ["плохо", "слабо", "удовлетворительно", "хорошо"],
            "Точность и надёжность",
        ),
    ] {
        // The window gives the sample's notice as the source, as for the other charts.
        let options = ChartOptions {
            lang,
            source: migreview::sample::synthetic_notice(lang).into(),
            ..ChartOptions::default()
        };
        let name = format!("scorecard_{lang:?}");
        let svg = render_both(&name, Chart::Scorecard(&data), &options, &SOURCES);
        assert!(svg.contains(title), "{name}: title");
        assert!(svg.contains(overall), "{name}: the overall score");
        for word in grades {
            assert!(
                svg.contains(&format!(">\n{word}\n<")),
                "{name}: grade {word}"
            );
        }
        assert!(svg.contains(dimension), "{name}: {dimension}");
        assert!(
            svg.contains("KAZ-REG (2") && svg.contains("Registration of population"),
            "{name}: legend of sources"
        );
        // Without a source, the chart itself says the assessment is synthetic (the command line).
        let bare = ChartOptions {
            lang,
            ..ChartOptions::default()
        };
        match charts::render(Chart::Scorecard(&data), &bare, Target::SvgString) {
            Ok(Rendered::Svg(svg)) => assert!(
                svg.contains(migreview::sample::synthetic_notice(lang)),
                "{name}: no synthetic notice"
            ),
            other => panic!("{name}: expected an SVG string, got {other:?}"),
        }
    }
    let empty = ScorecardData::empty("ARM");
    assert_eq!(
        charts::render(
            Chart::Scorecard(&empty),
            &options(Lang::En),
            Target::SvgString
        ),
        Err(ChartError::Empty(
            "the country has no data source listed".into()
        ))
    );
}

#[test]
fn empty_charts_and_unwritable_targets_are_errors_not_panics() {
    let c = computed();
    let empty = ScatterData::from_report(&c.report, &MirrorSettings::default(), Some(1990), Sex::T);
    let result = charts::render(
        Chart::Scatter(&empty),
        &options(Lang::En),
        Target::SvgString,
    );
    assert_eq!(
        result,
        Err(ChartError::Empty("no pair with both sides above 0".into()))
    );
    let grid = CoverageGrid::by_table(&c.coverage, TableId::T3);
    let missing_dir = Path::new("/nonexistent-migreview-folder/chart.png");
    let result = charts::render(
        Chart::Coverage(&grid),
        &options(Lang::En),
        Target::Png(missing_dir),
    );
    assert!(
        matches!(&result, Err(ChartError::Write { path, .. }) if path.contains("chart.png")),
        "{result:?}"
    );
}

/// The font data of an SVG's `@font-face`, decoded, and the family it declares.
fn embedded_font(svg: &str) -> (String, Vec<u8>) {
    use base64::Engine as _;
    let face = svg
        .split("@font-face{")
        .nth(1)
        .unwrap_or_else(|| panic!("no @font-face in the SVG"));
    let family = face
        .split("font-family:\"")
        .nth(1)
        .and_then(|f| f.split('"').next())
        .unwrap_or_default()
        .to_string();
    let data = face
        .split("url(data:font/ttf;base64,")
        .nth(1)
        .and_then(|d| d.split(')').next())
        .unwrap_or_default();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap_or_else(|e| panic!("the font data is not base64: {e}"));
    (family, bytes)
}

#[test]
fn svg_files_embed_the_font_their_text_is_set_in() {
    let c = computed();
    let data = ScatterData::from_report(&c.report, &MirrorSettings::default(), Some(2018), Sex::T);
    for lang in [Lang::En, Lang::Ru] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
        let path = dir.path().join("scatter.svg");
        let rendered = charts::render(Chart::Scatter(&data), &options(lang), Target::Svg(&path));
        assert_eq!(rendered, Ok(Rendered::File(path.clone())));
        let svg = std::fs::read_to_string(&path).unwrap_or_default();
        // The font is declared right after the opening tag, before anything is drawn.
        let opening = svg.find('>').unwrap_or(0);
        assert!(
            svg[opening..].starts_with(">\n<defs><style>@font-face{"),
            "{lang:?}: {}",
            &svg[..opening.min(200)]
        );
        // It is the font of the PNGs (Latin and Cyrillic), whole.
        let (family, font) = embedded_font(&svg);
        assert_eq!(family, "migreview-sans");
        assert!(
            font == epaint_default_fonts::UBUNTU_LIGHT,
            "{lang:?}: another font"
        );
        // Every text is set in it, with the viewer's sans-serif as fallback.
        let texts: Vec<&str> = svg.split("<text ").skip(1).collect();
        assert!(texts.len() > 20, "{lang:?}: {} texts", texts.len());
        for text in &texts {
            let tag = text.split('>').next().unwrap_or_default();
            assert!(
                tag.contains("font-family=\"migreview-sans, sans-serif\""),
                "{lang:?}: {tag}"
            );
        }
        if lang == Lang::Ru {
            assert!(svg.contains(">\nЗеркальная статистика: иммиграция и эмиграция"));
            assert!(svg.contains("I/E 0,90–1,11 (54)"));
        }
    }
}

/// Within a single decade only the 1–2–5 ticks of the log axes are labelled, so the labels of
/// 60,000, 70,000, 80,000 and 90,000 do not run into each other.
#[test]
fn a_scatter_within_one_decade_labels_its_axes_without_crowding() {
    let c = computed();
    let mut data =
        ScatterData::from_report(&c.report, &MirrorSettings::default(), Some(2018), Sex::T);
    data.points.retain(|p| {
        [p.immigration, p.emigration]
            .iter()
            .all(|v| (10_000.0..=100_000.0).contains(v))
    });
    // ES → FR (20,965 against 20,791) is one of them.
    assert!(data.points.len() >= 2, "{}", data.points.len());
    let svg = match charts::render(Chart::Scatter(&data), &options(Lang::En), Target::SvgString) {
        Ok(Rendered::Svg(svg)) => svg,
        other => panic!("expected an SVG string, got {other:?}"),
    };
    let labels: Vec<&str> = svg
        .split("</text>")
        .filter_map(|t| t.rsplit('>').next())
        .map(str::trim)
        .filter(|t| t.ends_with(",000"))
        .collect();
    for tick in ["10,000", "20,000", "50,000", "100,000"] {
        // On both axes.
        assert!(
            labels.iter().filter(|l| **l == tick).count() >= 2,
            "{tick}: {labels:?}"
        );
    }
    for tick in ["30,000", "40,000", "60,000", "70,000", "80,000", "90,000"] {
        assert!(!labels.contains(&tick), "{tick}: {labels:?}");
    }
}
