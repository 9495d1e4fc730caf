//! `migreview mirror`, `migreview plot` and the `mirror` part of `migreview check`, run as a user
//! would run them (real data: source Eurostat migr_imm5prv, migr_emi3nxt; see
//! tests/fixtures/realdata/README.md).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

use clap::Parser;
use migreview::cli::Cli;

mod cli_support;
use cli_support::migreview as run;

const BILATERAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/realdata/eurostat_bilateral_flows_eu27_2010_2019.csv"
);

#[test]
fn mirror_prints_pairs_coverage_and_countries_and_writes_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv_path = dir.path().join("pairs.csv");
    let csv_arg = csv_path.display().to_string();
    let (status, out, err) = run(&["mirror", BILATERAL, "--year", "2018", "--csv", &csv_arg]);
    assert_eq!(status, 0, "{err}");
    assert!(
        out.starts_with("Mirror pairs in 2018: 556 with at least one side reported, 200 with both"),
        "{out}"
    );
    // Spain to France: I/E 1.008 with its exact 95 % interval.
    let es_fr = out.lines().find(|l| l.starts_with("FRA      ESP    2018"));
    assert_eq!(
        es_fr,
        Some(
            "FRA      ESP    2018 T         20,965       20,791    1.008     0.008    0.008  green         1.008     0.989–1.028"
        )
    );
    assert!(
        out.contains("interval: the exact 95 % interval of the corrected ratio)"),
        "{out}"
    );
    assert!(out.contains("corrected   95 % interval\n"), "{out}");
    let bg_lt = out
        .lines()
        .find(|l| l.starts_with("LTU      BGR    2018"))
        .unwrap_or_default();
    assert!(
        bg_lt.contains("       22            0        –     3.807"),
        "{bg_lt}"
    );
    assert!(bg_lt.contains("red"), "{bg_lt}");
    // 22 against 0: no ratio, and an interval with no upper end: p = 22/22 has the exact lower
    // bound 0.025^(1/22) = 0.8456, so ρ ≥ 0.8456 / 0.1544 = 5.478.
    assert!(
        bg_lt.ends_with("  red               –         5.478–∞"),
        "{bg_lt}"
    );
    assert!(
        out.contains(
            "Coverage: 27 countries, 2018: 702 ordered pair-years; both sides 200 (28.5 %)"
        )
    );
    assert!(out.contains("Reference group (best-agreeing): "));
    assert!(out.contains("Countries against their partners"));
    assert!(out.contains(
        "Harmonisation (benchmark SWE, Poisson maximum likelihood, 1,681 pair-years, 30 factors, \
         residual sd 8.749)"
    ));
    // Each factor with its standard error; the benchmark's is fixed.
    assert!(
        out.contains("\nAUT           1.199   0.007      1.168   0.009\n"),
        "{out}"
    );
    assert!(
        out.contains("\nSWE           1.000       –      1.000       –\n"),
        "{out}"
    );
    // The pair-years of the year shown that fit worst, largest residual first.
    let worst = out
        .split("Pair-years that fit worst")
        .nth(1)
        .unwrap_or_default();
    assert!(
        worst.contains("\nFRA      ITA    2018       18,569       15,489    -38.65\n"),
        "{worst}"
    );
    assert!(err.contains("wrote 556 pairs to"), "{err}");
    let csv = std::fs::read_to_string(&csv_path).unwrap_or_default();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "receiver,sender,year,sex,immigration,emigration,difference,ratio,log_ratio,rel_diff,\
             band,corrected_immigration,corrected_emigration,corrected_ratio,corrected_log_ratio,\
             ratio_low,ratio_high"
        )
    );
    assert_eq!(csv.lines().count(), 557);
    let it_es = csv
        .lines()
        .find(|l| l.starts_with("ESP,ITA,2018,T,22002,7952,14050,"))
        .unwrap_or_default();
    assert!(it_es.contains(",red,22002,7952,"), "{it_es}");
    let one_sided = csv
        .lines()
        .find(|l| l.contains(",one-sided,"))
        .unwrap_or_default();
    assert!(
        one_sided.contains(",,"),
        "null is an empty cell: {one_sided}"
    );
}

#[test]
fn mirror_json_is_the_report_part() {
    let (status, out, _) = run(&["mirror", BILATERAL, "--year", "2018", "--format", "json"]);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(json["coverage"]["cells"], 702);
    assert_eq!(json["coverage"]["both"], 200);
    let pairs = json["pairs"].as_array().map(Vec::len);
    assert_eq!(pairs, Some(556));
    let fi_ee = json["pairs"].as_array().and_then(|p| {
        p.iter()
            .find(|p| p["receiver"] == "EST" && p["sender"] == "FIN")
    });
    let ratio = fi_ee.and_then(|p| p["ratio"].as_f64()).unwrap_or(f64::NAN);
    assert_eq!((ratio * 1000.0).round() / 1000.0, 2.503);
}

#[test]
fn mirror_json_says_why_pairs_disagree() {
    let (status, out, err) = run(&["mirror", BILATERAL, "--format", "json"]);
    assert_eq!(status, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    // The harmonisation: Poisson by default, each factor with its standard error.
    let h = &json["harmonisation"];
    assert_eq!(h["method"], "poisson");
    assert_eq!(h["benchmark"], "SWE");
    let swe = h["factors"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["country"] == "SWE"));
    assert_eq!(
        swe.map(|f| f["immigration_factor"].clone()),
        Some(1.0.into())
    );
    assert!(swe.is_some_and(|f| f["immigration_se"].is_null()));
    let aut = h["factors"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["country"] == "AUT"));
    assert!(aut.is_some_and(|f| f["emigration_se"].as_f64().is_some_and(|se| se > 0.0)));
    // Every pair has a residual, a number where it is in the fit.
    let pairs = json["pairs"].as_array().cloned().unwrap_or_default();
    assert!(pairs.iter().all(|p| p.get("residual").is_some()));
    let fitted = pairs.iter().filter(|p| p["residual"].is_number()).count();
    assert_eq!(Some(fitted as u64), h["pairs"].as_u64());
    // The partner structure of each country, direction and year.
    let structure = json["structure"].as_array().cloned().unwrap_or_default();
    assert!(!structure.is_empty());
    for row in &structure {
        for field in ["country", "direction", "year", "partners", "distance"] {
            assert!(row.get(field).is_some(), "{field}: {row}");
        }
        let d = row["distance"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&d), "{row}");
        assert!(row["partners"].as_u64().is_some_and(|n| n >= 2), "{row}");
    }
    // The stability of each pair over the years, with its reading.
    let stability = json["stability"].as_array().cloned().unwrap_or_default();
    assert!(!stability.is_empty());
    for row in &stability {
        for field in [
            "receiver",
            "sender",
            "years",
            "mean",
            "sd",
            "largest_jump",
            "jump_year",
            "jump_ratio",
            "reading",
        ] {
            assert!(row.get(field).is_some(), "{field}: {row}");
        }
    }
    let readings: std::collections::BTreeSet<&str> = stability
        .iter()
        .filter_map(|r| r["reading"].as_str())
        .collect();
    assert!(
        readings.is_subset(
            &[
                "agreement",
                "stable-offset",
                "volatile",
                "method-change",
                "too-few-years"
            ]
            .into_iter()
            .collect()
        )
    );
    assert!(
        readings.contains("method-change") && readings.contains("stable-offset"),
        "{readings:?}"
    );
}

#[test]
fn check_fills_the_mirror_part_of_the_report() {
    let (_, out, _) = run(&["check", BILATERAL, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(json["mirror"]["coverage"]["cells"], 7020);
    assert_eq!(json["mirror"]["coverage"]["both"], 1792);
    assert_eq!(json["mirror"]["coverage"]["immigration_only"], 1832);
    assert_eq!(json["mirror"]["pairs"].as_array().map(Vec::len), Some(5352));
    assert!(
        json["mirror"]["countries"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    assert_eq!(json["settings"]["mirror"]["band_amber"], 0.69);
}

#[test]
fn plot_writes_every_chart_and_lists_the_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("flows.csv");
    // Three countries, two years: small, so that the test stays quick.
    let rows = "table,reporter,year,sex,category,value\n\
        3,RUS,2010,T,KAZ,41200\n4,KAZ,2010,T,RUS,30100\n3,KAZ,2010,T,RUS,20000\n\
        4,RUS,2010,T,KAZ,18000\n3,UZB,2010,T,KAZ,1000\n4,KAZ,2010,T,UZB,1020\n\
        3,RUS,2011,T,KAZ,40000\n4,KAZ,2011,T,RUS,29000\n3,RUS,2011,T,UZB,5000\n\
        4,UZB,2011,T,RUS,2000\n3,UZB,2011,T,RUS,300\n4,RUS,2011,T,UZB,310\n";
    std::fs::write(&data, rows).unwrap_or_else(|e| panic!("{e}"));
    let out_dir = dir.path().join("charts");
    let (data_arg, out_arg) = (data.display().to_string(), out_dir.display().to_string());
    let (status, out, err) = run(&[
        "plot", &data_arg, "--out", &out_arg, "--svg", "--lang", "ru",
    ]);
    assert_eq!(status, 0, "{err}");
    let mut written = files_in(&out_dir);
    written.sort();
    for expected in [
        "coverage_KAZ.svg",
        "coverage_RUS.svg",
        "coverage_UZB.svg",
        "coverage_table_3.svg",
        "coverage_table_4.svg",
        "discrepancy_matrix_2011.svg",
        "mirror_scatter_all_years.svg",
        "pair_KAZ_RUS.svg",
        "undercount_emigration_2011.svg",
        "undercount_immigration_2011.svg",
    ] {
        assert!(
            written.iter().any(|w| w == expected),
            "{expected} in {written:?}"
        );
        assert!(
            out.contains(&format!("wrote {}", out_dir.join(expected).display())),
            "{out}"
        );
    }
    assert!(
        !written.iter().any(|w| w.ends_with(".png")),
        "--svg alone writes SVG only"
    );
    let scatter =
        std::fs::read_to_string(out_dir.join("mirror_scatter_all_years.svg")).unwrap_or_default();
    assert!(scatter.contains("Зеркальная статистика"));
    assert!(scatter.contains("Источник: flows.csv; расчёт: migreview"));
}

#[test]
fn plot_reports_a_file_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_arg = dir.path().join("charts").display().to_string();
    let (status, _, err) = run(&["plot", "/nonexistent/flows.csv", "--out", &out_arg]);
    assert_eq!(status, 2);
    assert!(
        err.contains("/nonexistent/flows.csv: file not found"),
        "{err}"
    );
    assert!(
        err.contains(
            "no observation was read from any input (the file was refused), so nothing was plotted"
        ),
        "{err}"
    );
}

/// Three countries, two years: small, so that a plot stays quick.
fn small_flows(dir: &std::path::Path) -> String {
    let data = dir.join("flows.csv");
    let rows = "table,reporter,year,sex,category,value\n\
        3,RUS,2010,T,KAZ,41200\n4,KAZ,2010,T,RUS,30100\n3,KAZ,2010,T,RUS,20000\n\
        4,RUS,2010,T,KAZ,18000\n3,UZB,2010,T,KAZ,1000\n4,KAZ,2010,T,UZB,1020\n";
    std::fs::write(&data, rows).unwrap_or_else(|e| panic!("{e}"));
    data.display().to_string()
}

/// The texts of an SVG, without their tags.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|t| t.split("</text>").next())
        .map(|t| t.trim().to_string())
        .collect()
}

#[test]
fn plot_labels_the_scatter_points_asked_for() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = small_flows(dir.path());
    let scatter_of = |labels: Option<&str>| {
        let out_dir = dir
            .path()
            .join(format!("charts_{}", labels.unwrap_or("default")));
        let out_arg = out_dir.display().to_string();
        let mut args = vec!["plot", data.as_str(), "--out", &out_arg, "--svg"];
        if let Some(labels) = labels {
            args.extend(["--point-labels", labels]);
        }
        let (status, _, err) = run(&args);
        assert_eq!(status, 0, "{err}");
        let svg = std::fs::read_to_string(out_dir.join("mirror_scatter_all_years.svg"))
            .unwrap_or_default();
        svg_texts(&svg)
    };
    let pair_labels = |texts: &[String]| -> Vec<String> {
        let mut labels: Vec<String> = texts
            .iter()
            .filter(|t| t.contains(" » "))
            .cloned()
            .collect();
        labels.sort();
        labels
    };
    // Every pair with both sides, named sender » receiver and year.
    assert_eq!(
        pair_labels(&scatter_of(Some("all"))),
        ["KAZ » RUS 2010", "KAZ » UZB 2010", "RUS » KAZ 2010"]
    );
    let none = scatter_of(Some("none"));
    assert!(
        none.iter().any(|t| t.starts_with("Mirror statistics")),
        "{none:?}"
    );
    assert_eq!(pair_labels(&none), Vec::<String>::new());
    // By default the largest discrepancies outside the green band: here Russia's immigration
    // from Kazakhstan (41,200 against 30,100); Kazakhstan's from Russia (20,000 against 18,000)
    // has an interval, 1.089 to 1.134, that reaches agreement within ±10 %.
    assert_eq!(pair_labels(&scatter_of(None)), ["KAZ » RUS 2010"]);
    let parsed = Cli::try_parse_from([
        "migreview",
        "plot",
        "x.csv",
        "--out",
        "o",
        "--point-labels",
        "many",
    ]);
    let message = parsed
        .map(|_| String::new())
        .unwrap_or_else(|e| e.to_string());
    assert!(
        message.contains("expected none, all or a number of points to label, found \"many\""),
        "{message}"
    );
}

#[test]
fn plot_file_names_come_from_codes_made_safe_and_stay_in_the_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("flows.csv");
    // Reporters the gazetteer cannot place are kept as written: a path, a quote, a name
    // Windows reserves, and two labels that differ only in characters a file name cannot hold.
    let rows = "table,reporter,year,sex,category,value\n\
        3,x/../../PWNED,2010,T,KAZ,10\n\
        3,\"coverage\"\"; DROP TABLE\",2010,T,KAZ,11\n\
        3,CON,2010,T,KAZ,12\n\
        3,Республика Коми,2010,T,KAZ,13\n\
        3,Республика Адыгея,2010,T,KAZ,14\n\
        4,KAZ,2010,T,RUS,30100\n3,RUS,2010,T,KAZ,41200\n";
    std::fs::write(&data, rows).unwrap_or_else(|e| panic!("{e}"));
    let out_dir = dir.path().join("charts");
    let (data_arg, out_arg) = (data.display().to_string(), out_dir.display().to_string());
    let (status, _, err) = run(&["plot", &data_arg, "--out", &out_arg, "--svg"]);
    assert_eq!(status, 0, "{err}");
    let mut written = files_in(&out_dir);
    written.sort();
    for expected in [
        "coverage_x-PWNED.svg",
        "coverage_coverage-DROP-TABLE.svg",
        "coverage_CON-.svg",
        "coverage_x.svg",
        "coverage_x-2.svg",
    ] {
        assert!(
            written.iter().any(|w| w == expected),
            "{expected} in {written:?}"
        );
    }
    // Nothing was written outside the folder.
    let beside = files_in(dir.path());
    assert_eq!(beside.len(), 2, "{beside:?}");
    assert!(
        !dir.path()
            .parent()
            .is_some_and(|p| p.join("PWNED.svg").exists())
    );
}

/// The names of the files in a folder.
fn files_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_json_gives_pair_intervals_and_undercount_classes() {
    let (status, out, err) = run(&["mirror", BILATERAL, "--format", "json"]);
    assert_eq!(status, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let it_es = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["receiver"] == "ESP" && p["sender"] == "ITA" && p["year"] == 2018 && p["sex"] == "T"
        })
        .unwrap();
    // 22,002 against 7,952: the exact 95 % interval 2.697 to 2.839.
    let low = it_es["ratio_low"].as_f64().unwrap();
    let high = it_es["ratio_high"].as_f64().unwrap();
    assert!(
        (low - 2.6967).abs() < 1e-4 && (high - 2.8391).abs() < 1e-4,
        "{low} {high}"
    );
    let undercount = report["undercount"].as_array().unwrap();
    let bulgaria = undercount
        .iter()
        .find(|u| u["country"] == "BGR" && u["direction"] == "immigration" && u["year"] == 2015)
        .unwrap();
    // Bulgaria 2015 counts 0.17 of the immigrants the reference group reports sending it: the
    // lowest model group, and QuantMig rates it of high undercount.
    assert_eq!(bulgaria["model_score"], 0.0);
    assert_eq!(bulgaria["expert_score"], 0.0);
    assert_eq!(bulgaria["metadata_score"], serde_json::Value::Null);
    assert_eq!(bulgaria["class"], "high");
    let mut keys: Vec<&str> = bulgaria
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "class",
            "combined",
            "country",
            "direction",
            "expert_score",
            "metadata_score",
            "model_score",
            "ratio",
            "year"
        ]
    );
}
