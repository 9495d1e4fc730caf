//! The review report as one stand-alone HTML file: the charts inline as SVG (the drawings the
//! window exports), no external address, and a print stylesheet so that the browser's "Print to
//! PDF" gives a clean A4 document.

use super::ReviewReport;
use super::document::{Block, ChartSources, Column, Look, Span, blocks, column_shares};
use crate::charts::{self, Target};
use std::fmt::Write;

const STYLE: &str = "\
body{font-family:'Segoe UI',Ubuntu,'Helvetica Neue',Arial,sans-serif;color:#1b1b1b;\
max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}\
h1{font-size:2rem;margin:0 0 .5rem}h2{margin-top:2.5rem;border-bottom:2px solid #1f4e79;\
color:#1f4e79;padding-bottom:.2rem}h3{margin-top:1.6rem;color:#1f4e79}\
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem;width:100%;\
table-layout:fixed}td{overflow-wrap:anywhere}table.dense{font-size:.72rem}\
table.dense td,table.dense th{padding:.15rem .25rem}table.dense td.code{font-size:.6rem}\
th,td{border:1px solid #c8c8c8;padding:.25rem .45rem;text-align:left;vertical-align:top}\
th{background:#eef2f7}td.n{text-align:right;white-space:nowrap}\
td.code{font-family:monospace;font-size:.75rem;word-break:break-all}\
.title-page{border-bottom:3px solid #1f4e79;padding-bottom:1.5rem;margin-bottom:2rem}\
.subtitle{font-size:1.4rem;margin:.2rem 0 1.2rem}.notice{background:#f2e14c;padding:.5rem .8rem;\
font-weight:bold}.nothing{color:#666;font-style:italic}figure{margin:1rem 0}\
figure svg{width:100%;height:auto}figcaption{font-size:.85rem;color:#555}\
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}\
dd{margin:0}.error{color:#b2182b;font-weight:bold}small{color:#555}\
@page{size:A4;margin:16mm}\
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-before:page}\
.title-page{break-after:page;border:none}tr,figure{break-inside:avoid}\
thead{display:table-header-group}}";

/// Writes the report as HTML.
pub fn write(report: &ReviewReport, charts: &ChartSources<'_>) -> String {
    write_blocks(
        &blocks(report, charts),
        report.lang,
        &report.generated_by,
        Some(charts),
        report.annex.len() * 400,
    )
}

/// Writes blocks as one stand-alone HTML page: the report's, or another document laid out
/// like it (a workshop's exercise sheet). Figures are drawn from `charts`; without them a
/// figure is left out. `extra` is the room to reserve beyond the page's own 64 KB.
pub fn write_blocks(
    blocks: &[Block],
    lang: crate::model::Lang,
    generated_by: &str,
    charts: Option<&ChartSources<'_>>,
    extra: usize,
) -> String {
    let mut out = String::with_capacity(64 * 1024 + extra);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title { title, subtitle } => Some(format!("{title} — {subtitle}")),
            _ => None,
        })
        .unwrap_or_default();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n",
        lang.code(),
        esc(generated_by),
        esc(&title)
    );
    // The title page is a section of its own when the document has one.
    if blocks.iter().any(|b| matches!(b, Block::EndOfTitlePage)) {
        out.push_str("<section class=\"title-page\">\n");
    }
    let mut font_given = false;
    for block in blocks {
        block_html(&mut out, block, charts, lang, &mut font_given);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// HTML-escapes text.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let text = esc(&span.text).replace('\n', "<br>");
            match span.look {
                Look::Plain => text,
                Look::Strong => format!("<strong>{text}</strong>"),
                Look::Error => format!("<span class=\"error\">{text}</span>"),
                Look::Small => format!("<small>{text}</small>"),
            }
        })
        .collect()
}

fn block_html(
    out: &mut String,
    block: &Block,
    charts: Option<&ChartSources<'_>>,
    lang: crate::model::Lang,
    font_given: &mut bool,
) {
    match block {
        Block::Title { title, subtitle } => {
            let _ = writeln!(
                out,
                "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
                esc(title),
                esc(subtitle)
            );
        }
        Block::Notice(text) => {
            let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(text));
        }
        Block::Heading { level, text } => {
            let tag = if *level <= 1 { "h2" } else { "h3" };
            let _ = writeln!(out, "<{tag}>{}</{tag}>", esc(text));
        }
        Block::Paragraph(spans) => {
            let _ = writeln!(out, "<p>{}</p>", spans_html(spans));
        }
        Block::Nothing(text) => {
            let _ = writeln!(out, "<p class=\"nothing\">{}</p>", esc(text));
        }
        Block::Definitions(pairs) => {
            out.push_str("<dl>\n");
            for (label, value) in pairs {
                let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
            }
            out.push_str("</dl>\n");
        }
        Block::Table { columns, rows } => {
            // Fixed widths, so that a long cell does not squeeze an identifier to one letter.
            // A table of many columns (the annex) is set smaller.
            out.push_str(if columns.len() >= 8 {
                "<table class=\"dense\"><colgroup>"
            } else {
                "<table><colgroup>"
            });
            let kinds: Vec<Column> = columns.iter().map(|(_, c)| *c).collect();
            for share in column_shares(&kinds) {
                let _ = write!(out, "<col style=\"width:{:.1}%\">", share * 100.0);
            }
            out.push_str("</colgroup><thead><tr>");
            for (name, _) in columns {
                let _ = write!(out, "<th>{}</th>", esc(name));
            }
            out.push_str("</tr></thead><tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (cell, (_, column)) in row.iter().zip(columns) {
                    let class = match column {
                        Column::Text | Column::Wide | Column::Short => "",
                        Column::Number => " class=\"n\"",
                        Column::Code => " class=\"code\"",
                    };
                    let cell = esc(cell).replace('\n', "<br>");
                    let _ = write!(out, "<td{class}>{cell}</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody></table>\n");
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", spans_html(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Figure { figure, caption } => {
            let Some(charts) = charts else {
                return;
            };
            let options = charts.options(lang, 1);
            let Ok(charts::Rendered::Svg(svg)) =
                charts::render(figure.chart(), &options, Target::SvgString)
            else {
                return;
            };
            let Some(start) = svg.find("<svg") else {
                return;
            };
            let mut svg = svg[start..].to_string();
            // The chart font goes into the first chart only: the page shares it.
            if *font_given {
                svg = svg.replacen(charts::embedded_font_defs(), "", 1);
            }
            *font_given = true;
            let svg = svg.replacen(
                "<svg ",
                &format!("<svg role=\"img\" aria-label=\"{}\" ", esc(caption)),
                1,
            );
            let _ = writeln!(
                out,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                esc(caption)
            );
        }
        Block::EndOfTitlePage => out.push_str("</section>\n"),
    }
}
