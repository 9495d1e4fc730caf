//! `migreview report`: the country review report of the sample, with a review's triage, the
//! country under review and the reviewer's texts, as stand-alone HTML in both languages and as
//! its JSON twin.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod cli_support;

use cli_support::{migreview, sample};
use migreview::model::Lang;
use migreview::review::{Review, ReviewedFile, TriageStatus, review_path};
use serde_json::Value;
use std::path::Path;

const NOW: &str = "2026-12-07T10:00:00Z";

fn run(command: &str, files: &[String], extra: &[&str]) -> (i32, String, String) {
    let mut args: Vec<&str> = vec![command];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    migreview(&args)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// Every element opened is closed, in order (void elements and `<… />` aside).
fn assert_well_formed(html: &str) {
    const VOID: [&str; 7] = ["meta", "br", "img", "hr", "input", "link", "col"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .unwrap_or_else(|| panic!("a tag is never closed: {}", &rest[start..]))
            + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            let top = open.pop();
            assert_eq!(
                top.as_deref(),
                Some(name.as_str()),
                "</{name}> closes {top:?}"
            );
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

#[test]
fn the_report_of_the_country_under_review_holds_every_chapter_its_triage_and_its_mirror_table() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let (_, stdout, _) = run("check", &files, &["--format", "json"]);
    let checked = json(&stdout);
    let findings = checked["findings"].as_array().unwrap();
    let of_kaz: Vec<&Value> = findings
        .iter()
        .filter(|f| f["reporter"] == "KAZ" || f["category"] == "KAZ")
        .collect();
    // Kazakhstan's immigration from Tajikistan against Tajikistan's emigration: 30 M1 findings.
    let m1 = of_kaz
        .iter()
        .find(|f| f["check"] == "M1" && f["year"] == 2021 && f["sex"] == "T")
        .expect("the planted KAZ–TJK discrepancy");
    let a2 = of_kaz.iter().find(|f| f["check"] == "A2").expect("an A2");

    // The review beside the data: KAZ under review, two decisions, the reviewer's texts.
    let mut review = Review::new(
        checked["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| ReviewedFile {
                name: Path::new(i["path"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                sha256: i["sha256"].as_str().unwrap().into(),
                options: Default::default(),
            })
            .collect(),
    );
    review.country = Some("KAZ".into());
    let m1_id = m1["id"].as_str().unwrap();
    let a2_id = a2["id"].as_str().unwrap();
    review.set_status(m1_id, TriageStatus::Confirmed, NOW);
    review.set_comment(m1_id, "Asked the Bureau <2022>", NOW);
    review.set_status(a2_id, TriageStatus::FalseAlarm, NOW);
    review.report.reviewer = "A. Reviewer".into();
    review.report.organisation = "UNECE".into();
    review.report.summary = "Registration undercounts emigration.\n\nSecond point.".into();
    review.report.recommendations = "Exchange data with Tajikistan.".into();
    review.save(&review_path(Path::new(&files[0]))).unwrap();

    let html_path = dir.path().join("review_KAZ.html");
    let json_path = dir.path().join("review_KAZ.json");
    let ru_path = dir.path().join("review_KAZ_ru.html");
    let docx_path = dir.path().join("review_KAZ.docx");
    let docx_ru_path = dir.path().join("review_KAZ_ru.docx");
    for (out, lang) in [
        (&html_path, "en"),
        (&json_path, "en"),
        (&ru_path, "ru"),
        (&docx_path, "en"),
        (&docx_ru_path, "ru"),
    ] {
        let out = out.display().to_string();
        let (status, stdout, err) = run("report", &files, &["--out", &out, "--lang", lang]);
        assert_eq!(status, 0, "{err}");
        assert!(stdout.contains("findings in the annex"), "{stdout}");
    }

    // The JSON twin: one annex row per finding about Kazakhstan, with its triage.
    let twin = json(&std::fs::read_to_string(&json_path).unwrap());
    assert_eq!(twin["schema"], "migreview.review-report/1");
    assert_eq!(twin["country"], "KAZ");
    let annex = twin["annex"].as_array().unwrap();
    let false_alarms = twin["false_alarms"].as_array().unwrap();
    assert_eq!(annex.len() + false_alarms.len(), of_kaz.len());
    assert_eq!(false_alarms.len(), 1);
    assert_eq!(false_alarms[0]["id"], a2_id);
    let decided = annex.iter().find(|r| r["id"] == m1_id).unwrap();
    assert_eq!(decided["status"], "confirmed");
    assert_eq!(decided["comment"], "Asked the Bureau <2022>");
    assert!(annex.iter().all(|r| r["id"] != a2_id));
    // The mirror table's ratio of 2021 is the mirror statistics' own.
    let pair = checked["mirror"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["receiver"] == "KAZ" && p["sender"] == "TJK" && p["year"] == 2021 && p["sex"] == "T"
        })
        .unwrap();
    let row = twin["mirror"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "TJK" && r["inflow"] == true)
        .unwrap();
    assert_eq!(row["ratio"], pair["ratio"]);
    let ratio = pair["ratio"].as_f64().unwrap();
    assert!((ratio - 2.518).abs() < 0.001, "{ratio}");
    // Why the pairs disagree: Kazakhstan's partner-structure distance in both directions, and
    // the reading of each of its pairs over the years, as the mirror statistics give them.
    let structure = twin["structure"].as_array().unwrap();
    assert_eq!(structure.len(), 2);
    assert_eq!(structure[0]["direction"], "emigration");
    assert_eq!(structure[1]["direction"], "immigration");
    let of_kaz_structure = checked["mirror"]["structure"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["country"] == "KAZ" && s["direction"] == "immigration" && s["year"] == 2021)
        .unwrap();
    assert_eq!(structure[1]["distance"], of_kaz_structure["distance"]);
    let stability = twin["stability"].as_array().unwrap();
    let tjk = stability
        .iter()
        .find(|r| r["partner"] == "TJK" && r["inflow"] == true)
        .unwrap();
    let mirror_tjk = checked["mirror"]["stability"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["receiver"] == "KAZ" && s["sender"] == "TJK")
        .unwrap();
    assert_eq!(tjk["reading"], mirror_tjk["reading"]);
    assert_eq!(tjk["years"], mirror_tjk["years"]);
    // The planted discrepancy is the same every year: a stable offset, said in words.
    assert_eq!(tjk["reading"], "stable-offset");
    assert!(
        tjk["sentence"]
            .as_str()
            .unwrap()
            .starts_with("A stable offset: I/E is about 2.52 every year"),
        "{tjk}"
    );

    // The HTML: every chapter, the reviewer's words escaped, the ratio as the table gives it.
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert_well_formed(&html);
    let mut at = 0;
    for id in [
        "report-h-summary",
        "report-h-glance",
        "report-h-system",
        "report-h-quality",
        "report-h-relevance",
        "report-h-accuracy",
        "report-h-coherence",
        "report-h-over-time",
        "report-h-other",
        "report-h-development",
        "report-h-recommendations",
        "report-h-annex",
        "report-h-false-alarms",
        "report-h-references",
    ] {
        let heading = migreview::i18n::text(Lang::En, id);
        let found = html[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading:?} missing or out of order"));
        at += found;
    }
    assert!(html.contains("Kazakhstan (KAZ)"));
    assert!(html.contains("<p>Registration undercounts emigration.</p>\n<p>Second point.</p>"));
    assert!(html.contains("Asked the Bureau &lt;2022&gt;"));
    assert!(html.contains("A. Reviewer"));
    assert!(html.contains("<td class=\"n\">2.518</td>"));
    assert!(html.contains("Synthetic demonstration data"));
    assert!(html.contains("Why pairs disagree."));
    assert!(html.contains(migreview::i18n::text(
        Lang::En,
        "mirror-reading-stable-offset-meaning"
    )));
    // Who produces and holds the data, with their contacts.
    assert!(html.contains("<h3>Institutions working on migration</h3>"));
    assert!(html.contains("<td>National statistical office of Kazakhstan</td>"));
    assert!(
        html.contains("<dt>Produced by</dt><dd>National statistical office of Kazakhstan</dd>")
    );
    assert!(html.contains("migration@nso.example.org"));
    // Three charts, one embedded font.
    assert_eq!(html.matches("<figure><svg").count(), 3);
    assert_eq!(html.matches("@font-face").count(), 1);
    // Self-contained: nothing fetched from elsewhere.
    for fetch in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "<script",
        "<link",
    ] {
        assert!(!html.contains(fetch), "{fetch}");
    }

    // Russian: every heading in Russian, numbers written the Russian way.
    let ru = std::fs::read_to_string(&ru_path).unwrap();
    assert_well_formed(&ru);
    for id in ["report-h-summary", "report-h-quality", "report-h-annex"] {
        assert!(ru.contains(migreview::i18n::text(Lang::Ru, id)), "{id}");
    }
    assert!(ru.contains("Казахстан (KAZ)"));
    assert!(ru.contains("<td class=\"n\">2,518</td>"));
    assert!(ru.contains("Почему пары расходятся."));
    assert!(ru.contains("<td>устойчивое смещение</td>"));

    // The DOCX, read back: Word's heading styles, one annex row per finding, the pictures with
    // their alternative text, in both languages.
    for (path, lang) in [(&docx_path, Lang::En), (&docx_ru_path, Lang::Ru)] {
        let (xml, media) = docx_parts(path);
        let headings = styled_paragraphs(&xml, "Heading1");
        let chapters: Vec<String> = [
            "report-h-summary",
            "report-h-system",
            "report-h-quality",
            "report-h-development",
            "report-h-recommendations",
            "report-h-annex",
        ]
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{}. {}", i + 1, migreview::i18n::text(lang, id)))
        .chain([migreview::i18n::text(lang, "report-h-references").to_string()])
        .collect();
        assert_eq!(headings, chapters, "{lang:?}");
        let sections = styled_paragraphs(&xml, "Heading2");
        for id in ["report-h-glance", "report-h-false-alarms"] {
            assert!(
                sections.contains(&migreview::i18n::text(lang, id).to_string()),
                "{id}: {sections:?}"
            );
        }
        assert!(sections.contains(&format!(
            "3.3 {}",
            migreview::i18n::text(lang, "report-h-coherence")
        )));
        assert!(xml.contains("w:pStyle w:val=\"Heading1\""));
        assert!(
            xml.contains("TOC \\o &quot;1-2&quot;"),
            "a table of contents field"
        );
        // Every annex finding's id appears once in its table, the false alarm apart.
        for row in annex {
            let id = row["id"].as_str().unwrap();
            assert_eq!(
                xml.matches(&format!(">{}<", xml_text(id))).count(),
                1,
                "{id}"
            );
        }
        assert!(xml.contains(&format!(">{}<", xml_text(a2_id))));
        assert!(xml.contains(">Asked the Bureau &lt;2022&gt;<"));
        let ratio = if lang == Lang::En {
            ">2.518<"
        } else {
            ">2,518<"
        };
        assert!(xml.contains(ratio), "{lang:?}");
        assert_eq!(media, 3, "three charts");
        assert_eq!(xml.matches("<wp:docPr descr=\"").count(), 3);
        assert!(xml.contains(&format!(
            "descr=\"{}\"",
            migreview::i18n::text(lang, "report-fig-scatter").replace('\'', "&#39;")
        )));
    }
}

/// `word/document.xml` of a DOCX, and the number of images it holds.
fn docx_parts(path: &Path) -> (String, usize) {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let media = (0..archive.len())
        .filter(|&i| {
            let entry = archive.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            name.starts_with("word/media/") && name.ends_with(".png")
        })
        .count();
    (xml, media)
}

/// Text as the DOCX writes it (XML-escaped).
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text of each paragraph of a style, in order.
fn styled_paragraphs(xml: &str, style: &str) -> Vec<String> {
    let marker = format!("<w:pStyle w:val=\"{style}\" />");
    xml.split("<w:p ")
        .filter(|p| p.contains(&marker))
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(at) = rest.find("<w:t xml:space=\"preserve\">") {
                rest = &rest[at + "<w:t xml:space=\"preserve\">".len()..];
                let end = rest.find("</w:t>").unwrap();
                text.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            text.replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn a_report_is_refused_with_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let docx = dir.path().join("review.txt").display().to_string();
    let (status, _, err) = run("report", &files, &["--out", &docx]);
    assert_eq!(status, 2);
    assert!(
        err.contains("expected a file ending in .docx, .html, .xlsx or .json, found .txt"),
        "{err}"
    );
    assert!(!Path::new(&docx).exists());

    let html = dir.path().join("review.html").display().to_string();
    let (status, _, err) = run("report", &files, &["--out", &html, "--country", "Narnia"]);
    assert_eq!(status, 2);
    assert!(err.contains("--country"), "{err}");
    let (status, _, err) = run("report", &files, &["--out", &html, "--country", "FRA"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("the data hold nothing of this country"),
        "{err}"
    );
    assert!(!Path::new(&html).exists());
}

#[test]
fn the_findings_workbook_answered_by_an_office_changes_exactly_the_findings_it_edits() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let book = dir.path().join("findings_KAZ.xlsx");
    let book_arg = book.display().to_string();
    let (status, _, err) = run("report", &files, &["--out", &book_arg, "--country", "KAZ"]);
    assert_eq!(status, 0, "{err}");

    // The office's answers: every sheet read back, two findings answered, one row of other
    // data, one status that is none.
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names[0], "Summary");
    assert!(
        names.contains(&"Mirror statistics (M)".to_string()),
        "{names:?}"
    );
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    for name in &names[1..] {
        let range = workbook.worksheet_range(name).unwrap();
        let mut sheet_rows = range.rows();
        header = sheet_rows
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for row in sheet_rows {
            rows.push(
                row.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect(),
            );
        }
    }
    assert_eq!(
        header,
        [
            "Id",
            "Check",
            "Table",
            "Year",
            "Place",
            "Value",
            "Expected",
            "Severity",
            "Finding",
            "Status",
            "Comment",
            "Explanation"
        ]
    );
    let (_, stdout, _) = run("check", &files, &["--format", "json"]);
    let checked = json(&stdout);
    let of_kaz = checked["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["reporter"] == "KAZ" || f["category"] == "KAZ")
        .count();
    assert_eq!(rows.len(), of_kaz, "one row per finding");
    assert!(rows.iter().all(|r| r[9] == "Open"));
    let m1 = rows.iter().position(|r| r[1] == "M1").unwrap();
    let a2 = rows.iter().position(|r| r[1] == "A2").unwrap();
    let n1 = rows.iter().position(|r| r[1] == "N1").unwrap();
    rows[m1][9] = "Explained".into();
    rows[m1][11] = "Tajikistan counts departures of 6 months and more".into();
    rows[a2][9] = "Ложная тревога".into();
    rows[n1][9] = "Maybe".into();
    let mut other = rows[m1].clone();
    other[0] = "M1|3|KAZ|1999|T|TOTAL|TJK|KAZ.xlsx › Table 3 › C34".into();
    rows.push(other);
    let mut answered = rust_xlsxwriter::Workbook::new();
    let sheet = answered.add_worksheet();
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
        }
    }
    let answers = dir.path().join("answers.xlsx");
    answered.save(&answers).unwrap();

    let mut args = vec!["review", "import", answers.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let (status, stdout, err) = migreview(&args);
    assert_eq!(status, 0, "{err}");
    assert!(
        stdout.contains(&format!(
            "{} answers read; 2 changed, {} as the review had them, 1 not a finding of these data",
            rows.len(),
            rows.len() - 3
        )),
        "{stdout}"
    );
    assert!(stdout.contains("status \"Maybe\" is none of"), "{stdout}");
    assert!(stdout.contains("not matched: Sheet1, row"), "{stdout}");
    let review = Review::read(&review_path(Path::new(&files[0])))
        .unwrap()
        .unwrap();
    assert_eq!(review.triage.len(), 2, "exactly the two findings answered");
    let explained = review.triage(&rows[m1][0]).unwrap();
    assert_eq!(explained.status, TriageStatus::Explained);
    assert_eq!(
        explained.explanation,
        "Tajikistan counts departures of 6 months and more"
    );
    assert_eq!(
        review.triage(&rows[a2][0]).unwrap().status,
        TriageStatus::FalseAlarm
    );

    // Taken again: nothing changes.
    let (_, stdout, _) = migreview(&args);
    assert!(stdout.contains("; 0 changed,"), "{stdout}");
    // The report carries the office's explanation beside the finding.
    let html = dir.path().join("again.html").display().to_string();
    run("report", &files, &["--out", &html, "--country", "KAZ"]);
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.contains("Explanation of the office: Tajikistan counts departures"));
}

/// Checks a value against the ESSnet ValiDat validation report 1.0.1 (JSON schema draft 04,
/// published by the ESSnet in the data-cleaning/ValidatReport repository): an array of
/// `validation` objects, each with `event` (`time`, `actor` required), `rule` (`language`,
/// `expression` and a `severity` of "information", "warning" or "error" required), `data`
/// (`source` and `target` required, arrays of arrays) and a `value` of "0", "1" or "NA".
fn validat_1_0_1_problems(report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(items) = report.as_array() else {
        return vec!["the report is not an array".into()];
    };
    let string = |v: &Value, at: &str, problems: &mut Vec<String>| {
        if !v.is_string() {
            problems.push(format!("{at}: not a string: {v}"));
        }
    };
    for (i, item) in items.iter().enumerate() {
        let at = |field: &str| format!("[{i}].{field}");
        let Some(object) = item.as_object() else {
            problems.push(format!("[{i}]: not an object"));
            continue;
        };
        if object.get("type") != Some(&Value::from("validation")) {
            problems.push(at("type"));
        }
        if let Some(id) = object.get("id") {
            string(id, &at("id"), &mut problems);
        }
        match object.get("event").and_then(Value::as_object) {
            Some(event) => {
                for field in ["time", "actor"] {
                    match event.get(field) {
                        Some(v) => string(v, &at(&format!("event.{field}")), &mut problems),
                        None => problems.push(format!("{}: required", at("event.") + field)),
                    }
                }
            }
            None => problems.push(at("event")),
        }
        match object.get("rule").and_then(Value::as_object) {
            Some(rule) => {
                for field in ["language", "expression"] {
                    match rule.get(field) {
                        Some(v) => string(v, &at(&format!("rule.{field}")), &mut problems),
                        None => problems.push(format!("{}: required", at("rule.") + field)),
                    }
                }
                let severity = rule.get("severity").and_then(Value::as_str);
                if !matches!(severity, Some("information" | "warning" | "error")) {
                    problems.push(format!("{}: {severity:?}", at("rule.severity")));
                }
                for field in ["description", "explanation"] {
                    if let Some(v) = rule.get(field) {
                        string(v, &at(&format!("rule.{field}")), &mut problems);
                    }
                }
            }
            None => problems.push(at("rule")),
        }
        match object.get("data").and_then(Value::as_object) {
            Some(data) => {
                for field in ["source", "target"] {
                    let arrays = data
                        .get(field)
                        .and_then(Value::as_array)
                        .is_some_and(|a| a.iter().all(Value::is_array));
                    if !arrays {
                        problems.push(format!("{}: not an array of arrays", at("data.") + field));
                    }
                }
            }
            None => problems.push(at("data")),
        }
        let value = object.get("value").and_then(Value::as_str);
        if !matches!(value, Some("0" | "1" | "NA")) {
            problems.push(format!("{}: {value:?}", at("value")));
        }
    }
    problems
}

#[test]
fn the_findings_as_an_ess_validation_report_follow_validat_1_0_1() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let (_, stdout, _) = run("check", &files, &["--format", "json"]);
    let checked = json(&stdout);
    let findings = checked["findings"].as_array().unwrap();
    let (status, stdout, err) = run("check", &files, &["--format", "ess"]);
    assert_eq!(status, 1, "the sample has errors: {err}");
    let ess = json(&stdout);
    assert_eq!(validat_1_0_1_problems(&ess), Vec::<String>::new());
    let events = ess.as_array().unwrap();
    assert_eq!(
        events.len(),
        findings.len(),
        "one validation event per finding"
    );
    // Kazakhstan's immigration from Tajikistan, 2021: the M1 finding, as ESS tooling reads it.
    let m1 = findings
        .iter()
        .find(|f| {
            f["check"] == "M1" && f["reporter"] == "KAZ" && f["year"] == 2021 && f["sex"] == "T"
        })
        .unwrap();
    let event = events.iter().find(|e| e["id"] == m1["id"]).unwrap();
    assert_eq!(event["value"], "0");
    assert_eq!(event["rule"]["severity"], "error");
    assert_eq!(
        event["rule"]["expression"],
        "M1: Immigration and the partner's emigration agree"
    );
    assert_eq!(event["data"]["source"][0][0], "KAZ.xlsx");
    assert_eq!(event["data"]["source"][0][1], "Table 3");
    assert_eq!(
        event["data"]["target"][0],
        serde_json::json!([
            "table=3",
            "reporter=KAZ",
            "year=2021",
            "sex=T",
            "age=TOTAL",
            "category=TJK"
        ])
    );
    assert_eq!(event["data"]["description"], m1["message"]);
    assert!(
        event["event"]["actor"]
            .as_str()
            .unwrap()
            .starts_with("migreview ")
    );
    // What the check would break: a wrong severity or value is caught.
    let mut broken = ess.clone();
    broken[0]["rule"]["severity"] = "info".into();
    broken[1]["value"] = "fail".into();
    broken[2]["data"]["source"] = serde_json::json!(["KAZ.xlsx"]);
    assert_eq!(validat_1_0_1_problems(&broken).len(), 3);
}

#[test]
fn a_review_bundle_reproduces_the_findings_and_triage_and_says_which_files_differ() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample(dir.path());
    let (_, stdout, _) = run("check", &files, &["--format", "json"]);
    let checked = json(&stdout);
    let ids: Vec<String> = checked["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    let mut review = Review::new(Vec::new());
    review.set_status(&ids[0], TriageStatus::Confirmed, NOW);
    review.set_comment(&ids[1], "asked the office", NOW);
    review.save(&review_path(Path::new(&files[0]))).unwrap();
    let zip = dir.path().join("review_KAZ.zip").display().to_string();
    let (status, _, err) = run("report", &files, &["--bundle", &zip, "--country", "KAZ"]);
    assert_eq!(status, 0, "{err}");

    // A second reviewer, with the same files elsewhere.
    let second = tempfile::tempdir().unwrap();
    let copies: Vec<String> = files
        .iter()
        .map(|f| {
            let to = second.path().join(Path::new(f).file_name().unwrap());
            std::fs::copy(f, &to).unwrap();
            to.display().to_string()
        })
        .collect();
    let mut args = vec!["review", "open", zip.as_str()];
    args.extend(copies.iter().map(String::as_str));
    let (status, stdout, err) = migreview(&args);
    assert_eq!(status, 0, "{err}{stdout}");
    assert!(!stdout.contains("differs"), "{stdout}");
    let settings = format!(
        "{}.settings.json",
        review_path(Path::new(&copies[0])).display()
    );
    let options = format!(
        "{}.import_options.json",
        review_path(Path::new(&copies[0])).display()
    );
    let (_, again, _) = run(
        "check",
        &copies,
        &[
            "--format",
            "json",
            "--settings",
            &settings,
            "--import-options",
            &options,
        ],
    );
    let again = json(&again);
    let found: Vec<(String, String, String)> = again["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
                f["comment"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), ids.len());
    assert!(found.iter().zip(&ids).all(|((id, _, _), was)| id == was));
    assert_eq!(found[0].1, "confirmed");
    assert_eq!(found[1].2, "asked the office");
    // An existing review is kept.
    let (status, _, err) = migreview(&args);
    assert_eq!(status, 2);
    assert!(
        err.contains("a review is there already and is kept"),
        "{err}"
    );

    // A third, whose Kazakhstan file is another one: the bundle says so.
    let third = tempfile::tempdir().unwrap();
    let mut changed: Vec<String> = Vec::new();
    for f in &files {
        let name = Path::new(f).file_name().unwrap();
        let from = if name == "KAZ.xlsx" {
            dir.path().join("clean").join("KAZ.xlsx")
        } else {
            std::path::PathBuf::from(f)
        };
        let to = third.path().join(name);
        std::fs::copy(&from, &to).unwrap();
        changed.push(to.display().to_string());
    }
    let mut args = vec!["review", "open", zip.as_str()];
    args.extend(changed.iter().map(String::as_str));
    let (status, stdout, _) = migreview(&args);
    assert_eq!(status, 1);
    assert!(
        stdout.contains("differs: KAZ.xlsx (the review was made on "),
        "{stdout}"
    );
    assert_eq!(stdout.matches("differs:").count(), 1, "{stdout}");
}

#[test]
fn institutions_are_written_and_read_as_csv_in_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let assessment = dir.path().join("assessments.json").display().to_string();
    // `migreview assess institutions` on the sample's assessment, for Kazakhstan.
    let institutions = |extra: &[&str]| {
        let mut args = vec![
            "assess",
            "institutions",
            "--from",
            &assessment,
            "--country",
            "KAZ",
        ];
        args.extend_from_slice(extra);
        migreview(&args)
    };
    let (status, csv, err) = institutions(&[]);
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,name_en,name_ru,category,location,website,contact,summary"
    );
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines[1].starts_with("KAZ-NSO,National statistical office of Kazakhstan,"));
    assert!(lines[1].contains(",government,"));

    // Replaced by the reviewer's list: the sources' links to institutions it lacks are told.
    let mine = dir.path().join("mine.csv");
    std::fs::write(
        &mine,
        "id,name_en,name_ru,category,website\nKAZ-NSO,Bureau of National Statistics,Бюро национальной статистики,Government,https://stat.gov.kz\n",
    )
    .unwrap();
    let mine = mine.display().to_string();
    let (status, stdout, err) = institutions(&["--import", &mine]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.contains("1 institutions of KAZ"), "{stdout}");
    assert!(
        stdout.contains("names the institution KAZ-MIA, which the CSV does not have"),
        "{stdout}"
    );
    let (_, csv, _) = institutions(&[]);
    assert_eq!(csv.lines().count(), 2);
    assert!(csv.contains("KAZ-NSO,Bureau of National Statistics,Бюро национальной статистики,government,,https://stat.gov.kz"));

    // A CSV that cannot be read changes nothing, and says where.
    std::fs::write(&mine, "id,name_en,category\nX,,government\n").unwrap();
    let (status, _, err) = institutions(&["--import", &mine]);
    assert_eq!(status, 2);
    assert!(
        err.contains("nothing was taken") && err.contains("line 2: X has no name"),
        "{err}"
    );
    let (_, csv, _) = institutions(&[]);
    assert_eq!(csv.lines().count(), 2);
}

#[test]
fn a_country_that_is_only_a_partner_gets_its_report_and_is_told_it_reports_no_table() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("aut.csv");
    std::fs::write(
        &csv,
        "table,reporter,year,sex,category,value\n3,AUT,2019,T,DEU,9752\n4,AUT,2019,T,DEU,5100\n",
    )
    .unwrap();
    let out = dir.path().join("deu.html").display().to_string();
    let files = [csv.display().to_string()];
    let (status, stdout, err) = run("report", &files, &["--country", "DEU", "--out", &out]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.contains("findings in the annex"), "{stdout}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Germany (DEU) reports no table in these data"),
        "{html}"
    );
    assert!(!html.contains("the report covers all countries"));
    assert!(html.contains("No flow of this country is reported on both sides."));
}
