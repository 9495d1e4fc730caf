//! The review report as a Word document (DOCX, written with `docx-rs`), editable in Word and
//! LibreOffice: Word's own heading styles (so a table of contents works), real tables, and the
//! charts as PNG images at print resolution with their caption as alternative text.

use super::ReviewReport;
use super::document::{Block, ChartSources, Column, Look, Span, blocks, column_shares};
use crate::charts::{self, Target};
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, InstrText, InstrToC, LineSpacing, PageMargin,
    Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};
use std::io::{Read, Write};

/// A4 in twentieths of a point, with margins of 2 cm.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// The width the text takes, in twentieths of a point.
const TEXT_WIDTH: usize = (PAGE.0 as usize) - 2 * (MARGIN as usize);
/// The width of a chart on the page: 16 cm, in EMU.
const FIGURE_WIDTH_EMU: u32 = 5_760_720;
const BLUE: &str = "1F4E79";

/// Why the document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot write the DOCX: {0}")]
    Pack(String),
}

/// Writes the report as a DOCX document.
pub fn write(report: &ReviewReport, charts: &ChartSources<'_>) -> Result<Vec<u8>, DocxError> {
    let lang = report.lang;
    let mut docx = styled(Docx::new());
    let mut captions: Vec<String> = Vec::new();
    let mut raw = RawRows::new();
    for block in blocks(report, charts) {
        docx = match block {
            Block::Title { title, subtitle } => docx
                .add_paragraph(styled_text("Title", &title))
                .add_paragraph(styled_text("Subtitle", &subtitle)),
            Block::Notice(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Body")
                    .add_run(Run::new().add_text(text).bold().highlight("yellow")),
            ),
            Block::Heading { level, text } => {
                let style = match level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                docx.add_paragraph(
                    styled_text(style, &text)
                        .keep_next(true)
                        .page_break_before(level <= 1),
                )
            }
            Block::Paragraph(spans) => docx.add_paragraph(spans_paragraph(&spans)),
            Block::Nothing(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Body")
                    .line_spacing(LineSpacing::new().after(100))
                    .add_run(Run::new().add_text(text).italic().color("666666")),
            ),
            Block::Definitions(pairs) => docx.add_table(definitions(&pairs)),
            Block::Table { columns, rows } => docx.add_table(table(&columns, &rows, &mut raw)),
            Block::List(items) => items.iter().fold(docx, |docx, item| {
                let mut spans = vec![Span::plain("•\u{a0}")];
                spans.extend(item.iter().cloned());
                docx.add_paragraph(spans_paragraph(&spans).indent(Some(283), None, None, None))
            }),
            Block::Figure { figure, caption } => match png(figure.chart(), charts, lang) {
                Some((bytes, (width, height))) => {
                    let emu_height =
                        (FIGURE_WIDTH_EMU as u64 * height as u64 / width.max(1) as u64) as u32;
                    let pic = Pic::new_with_dimensions(bytes, width, height)
                        .size(FIGURE_WIDTH_EMU, emu_height);
                    captions.push(caption.clone());
                    docx.add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_image(pic))
                            .keep_next(true),
                    )
                    .add_paragraph(styled_text("Caption", &caption))
                }
                None => docx,
            },
            Block::EndOfTitlePage => docx
                .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
                .add_paragraph(styled_text(
                    "TOCHeading",
                    crate::t!(lang, "report-contents"),
                ))
                .add_paragraph(contents(lang)),
        };
    }
    let mut packed = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| DocxError::Pack(e.to_string()))?;
    finish(packed.into_inner(), &captions, &raw)
}

/// The table of contents: a field of the headings of levels 1 and 2, marked to be brought up
/// to date when the document is opened (Word asks; LibreOffice: Tools › Update). Until then
/// it says how to fill it. Each part of the field is a run of its own, as Word writes it.
fn contents(lang: crate::model::Lang) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
        .add_run(Run::new().add_instr_text(InstrText::TOC(
            InstrToC::new().heading_styles_range(1, 2).hyperlink(),
        )))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(
            Run::new()
                .add_text(crate::t!(lang, "report-contents-update"))
                .italic()
                .color("666666"),
        )
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
}

/// Word's styles that the document uses: headings with their outline level, the title, the
/// caption; the body in 10 pt.
fn styled(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri");
    docx.page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(fonts)
        // 9 pt: the tables' text, which holds most of the runs; other text is in "Body".
        .default_size(18)
        .add_style(
            Style::new("Body", StyleType::Paragraph)
                .name("Body Text")
                .size(20),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48)
                .bold()
                .color(BLUE),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .line_spacing(LineSpacing::new().after(240))
                .size(32),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .next("Normal")
                .outline_lvl(0)
                .line_spacing(LineSpacing::new().before(240).after(160))
                .size(32)
                .bold()
                .color(BLUE),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .next("Normal")
                .outline_lvl(1)
                .line_spacing(LineSpacing::new().before(240).after(100))
                .size(26)
                .bold()
                .color(BLUE),
        )
        .add_style(
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .next("Normal")
                .outline_lvl(2)
                .line_spacing(LineSpacing::new().before(200).after(80))
                .size(22)
                .bold()
                .color(BLUE),
        )
        .add_style(
            Style::new("TOCHeading", StyleType::Paragraph)
                .name("TOC Heading")
                .line_spacing(LineSpacing::new().after(160))
                .size(32)
                .bold()
                .color(BLUE),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .line_spacing(LineSpacing::new().after(200))
                .size(18)
                .italic()
                .color("555555"),
        )
}

fn styled_text(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .style(style)
}

fn run(span: &Span) -> Run {
    let run = Run::new().add_text(&span.text);
    match span.look {
        Look::Plain => run,
        Look::Strong => run.bold(),
        Look::Error => run.bold().color("B2182B"),
        Look::Small => run.size(16).color("555555"),
    }
}

fn spans_paragraph(spans: &[Span]) -> Paragraph {
    spans.iter().fold(
        Paragraph::new()
            .style("Body")
            .line_spacing(LineSpacing::new().after(100)),
        |p, span| p.add_run(run(span)),
    )
}

/// Room inside the cells of a table, in twentieths of a point.
fn cell_margins() -> TableCellMargins {
    TableCellMargins::new().margin(30, 80, 30, 80)
}

/// A cell; its width is the table grid's.
fn cell(paragraph: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(paragraph)
}

/// Label and value pairs as a table of two columns.
fn definitions(pairs: &[(String, String)]) -> Table {
    let label_width = TEXT_WIDTH * 3 / 10;
    let rows = pairs
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                cell(
                    Paragraph::new()
                        .style("Body")
                        .add_run(Run::new().add_text(label).bold()),
                ),
                cell(
                    Paragraph::new()
                        .style("Body")
                        .add_run(Run::new().add_text(value)),
                ),
            ])
        })
        .collect();
    Table::new(rows)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(cell_margins())
        .set_grid(vec![label_width, TEXT_WIDTH - label_width])
}

/// A table with a shaded header row that repeats on each page; numbers to the right, codes in
/// a fixed-width face. Text columns share the width left by the others.
///
/// The header row is built with `docx-rs`; the data rows, which can be a hundred thousand in
/// the annex, are written as XML directly ([`rows_xml`], on every core) and put in place of a
/// marker row when the document is packed ([`finish`]): building them as `docx-rs` elements
/// took ten times longer than writing them.
fn table(columns: &[(String, Column)], rows: &[Vec<String>], raw: &mut RawRows) -> Table {
    let kinds: Vec<Column> = columns.iter().map(|(_, c)| *c).collect();
    let widths: Vec<usize> = column_shares(&kinds)
        .iter()
        .map(|share| (share * TEXT_WIDTH as f64) as usize)
        .collect();
    let header = TableRow::new(
        columns
            .iter()
            .map(|(name, column)| {
                let p = Paragraph::new().add_run(Run::new().add_text(name).bold());
                let p = if *column == Column::Number {
                    p.align(AlignmentType::Right)
                } else {
                    p
                };
                cell(p).shading(Shading::new().fill("EEF2F7"))
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    if !rows.is_empty() {
        let marker = raw.add(rows_xml(&kinds, rows));
        table_rows.push(TableRow::new(vec![cell(
            Paragraph::new().add_run(Run::new().add_text(marker)),
        )]));
    }
    Table::new(table_rows)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(cell_margins())
        .set_grid(widths)
}

/// Rows written as XML, each list in place of the marker row that names it.
struct RawRows {
    /// Makes the markers of this document unlike any text of the report.
    nonce: u64,
    rows: Vec<String>,
}

impl RawRows {
    fn new() -> RawRows {
        RawRows {
            nonce: fastrand::u64(..),
            rows: Vec::new(),
        }
    }

    /// Keeps the XML of some rows; the text of the marker row that stands for them.
    fn add(&mut self, xml: String) -> String {
        self.rows.push(xml);
        self.marker(self.rows.len() - 1)
    }

    fn marker(&self, n: usize) -> String {
        format!("migreview-rows-{:016x}-{n}", self.nonce)
    }

    /// The document with each marker row replaced by its rows.
    fn put_in(&self, xml: &str) -> String {
        let mut out =
            String::with_capacity(xml.len() + self.rows.iter().map(String::len).sum::<usize>());
        let mut rest = xml;
        for (n, rows) in self.rows.iter().enumerate() {
            let marker = self.marker(n);
            let found = rest.find(&marker).and_then(|at| {
                let start = rest[..at].rfind("<w:tr>")?;
                let end = at + rest[at..].find("</w:tr>")? + "</w:tr>".len();
                Some((start, end))
            });
            if let Some((start, end)) = found {
                out.push_str(&rest[..start]);
                out.push_str(rows);
                rest = &rest[end..];
            }
        }
        out.push_str(rest);
        out
    }
}

/// The XML of a table's data rows, as `docx-rs` writes a row that cannot split across pages:
/// numbers to the right, codes in a small fixed-width face, a line break in a text as a break
/// in its run. Parts of the rows are written on every core.
fn rows_xml(columns: &[Column], rows: &[Vec<String>]) -> String {
    const PART: usize = 2_000;
    let parts: Vec<&[Vec<String>]> = rows.chunks(PART).collect();
    crate::parallel::map_in_order(&parts, |part| {
        let mut xml = String::with_capacity(part.len() * columns.len() * 160);
        for row in *part {
            xml.push_str("<w:tr><w:trPr><w:cantSplit /></w:trPr>");
            for (text, column) in row.iter().zip(columns) {
                xml.push_str("<w:tc><w:tcPr /><w:p><w:pPr><w:rPr />");
                if *column == Column::Number {
                    xml.push_str("<w:jc w:val=\"right\" />");
                }
                xml.push_str("</w:pPr><w:r>");
                if *column == Column::Code {
                    xml.push_str(
                        "<w:rPr><w:sz w:val=\"14\" /><w:szCs w:val=\"14\" />\
                         <w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" /></w:rPr>",
                    );
                } else {
                    xml.push_str("<w:rPr />");
                }
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        xml.push_str("<w:br w:type=\"textWrapping\" />");
                    }
                    xml.push_str("<w:t xml:space=\"preserve\">");
                    push_escaped(&mut xml, line);
                    xml.push_str("</w:t>");
                }
                xml.push_str("</w:r></w:p></w:tc>");
            }
            xml.push_str("</w:tr>");
        }
        xml
    })
    .concat()
}

/// Text as XML character data: markup escaped, and the control characters XML 1.0 does not
/// allow left out.
fn push_escaped(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '\t' | '\r' => xml.push(c),
            c if c.is_control() && (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => xml.push(c),
        }
    }
}

/// A chart as PNG at twice the report's size (print resolution), with its size in pixels.
fn png(
    chart: charts::Chart<'_>,
    charts: &ChartSources<'_>,
    lang: crate::model::Lang,
) -> Option<(Vec<u8>, (u32, u32))> {
    let options = charts.options(lang, 2);
    let size = (options.width, options.height);
    // The PNG backend writes files: one of its own in the temporary folder, removed at once.
    static DRAWN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = DRAWN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("migreview-report-{}-{n}.png", std::process::id()));
    let drawn = charts::render(chart, &options, Target::Png(&path));
    let bytes = drawn.ok().and_then(|_| std::fs::read(&path).ok());
    let _ = std::fs::remove_file(&path);
    Some((bytes?, size))
}

/// Puts the tables' rows in place ([`RawRows`]) and gives each picture its caption as
/// alternative text (`descr` of `wp:docPr`, in order), which `docx-rs` does not write.
fn finish(packed: Vec<u8>, captions: &[String], raw: &RawRows) -> Result<Vec<u8>, DocxError> {
    let failed = |e: &dyn std::fmt::Display| DocxError::Pack(e.to_string());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(packed)).map_err(|e| failed(&e))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| failed(&e))?;
        let name = entry.name().map_err(|e| failed(&e))?.to_string();
        if entry.is_dir() {
            out.add_directory(name, options).map_err(|e| failed(&e))?;
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|e| failed(&e))?;
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes).map_err(|e| failed(&e))?;
            bytes = raw.put_in(&add_descriptions(&text, captions)).into_bytes();
        }
        out.start_file(name, options).map_err(|e| failed(&e))?;
        out.write_all(&bytes).map_err(|e| failed(&e))?;
    }
    let written = out.finish().map_err(|e| failed(&e))?;
    Ok(written.into_inner())
}

/// Adds `descr="caption"` to the n-th `<wp:docPr` for the n-th caption.
fn add_descriptions(xml: &str, captions: &[String]) -> String {
    let mut out = String::with_capacity(xml.len() + captions.len() * 80);
    let mut rest = xml;
    let mut captions = captions.iter();
    while let Some(at) = rest.find("<wp:docPr ") {
        let end = at + "<wp:docPr ".len();
        out.push_str(&rest[..end]);
        if let Some(caption) = captions.next() {
            out.push_str(&format!("descr=\"{}\" ", super::html::esc(caption)));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{Column, RawRows, add_descriptions, rows_xml};

    #[test]
    fn data_rows_take_the_place_of_their_marker_row() {
        let rows = vec![vec![
            "A1|KAZ".to_string(),
            "1,234".to_string(),
            "Asked <them>\nthen\u{1}us & co".to_string(),
        ]];
        let xml = rows_xml(&[Column::Code, Column::Number, Column::Text], &rows);
        assert_eq!(
            xml,
            "<w:tr><w:trPr><w:cantSplit /></w:trPr>\
             <w:tc><w:tcPr /><w:p><w:pPr><w:rPr /></w:pPr><w:r><w:rPr><w:sz w:val=\"14\" />\
             <w:szCs w:val=\"14\" /><w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" /></w:rPr>\
             <w:t xml:space=\"preserve\">A1|KAZ</w:t></w:r></w:p></w:tc>\
             <w:tc><w:tcPr /><w:p><w:pPr><w:rPr /><w:jc w:val=\"right\" /></w:pPr><w:r><w:rPr />\
             <w:t xml:space=\"preserve\">1,234</w:t></w:r></w:p></w:tc>\
             <w:tc><w:tcPr /><w:p><w:pPr><w:rPr /></w:pPr><w:r><w:rPr />\
             <w:t xml:space=\"preserve\">Asked &lt;them&gt;</w:t><w:br w:type=\"textWrapping\" />\
             <w:t xml:space=\"preserve\">thenus &amp; co</w:t></w:r></w:p></w:tc></w:tr>"
        );
        let mut raw = RawRows::new();
        let first = raw.add("<w:tr>ONE</w:tr>".into());
        let second = raw.add("<w:tr>TWO</w:tr><w:tr>THREE</w:tr>".into());
        let document = format!(
            "<w:tbl><w:tr>head</w:tr><w:tr><w:tc><w:t>{first}</w:t></w:tc></w:tr></w:tbl>\
             <w:tbl><w:tr><w:trPr /><w:t>{second}</w:t></w:tr></w:tbl>"
        );
        assert_eq!(
            raw.put_in(&document),
            "<w:tbl><w:tr>head</w:tr><w:tr>ONE</w:tr></w:tbl>\
             <w:tbl><w:tr>TWO</w:tr><w:tr>THREE</w:tr></w:tbl>"
        );
    }

    #[test]
    fn each_picture_gets_its_caption_as_alternative_text() {
        let xml = r#"<w:p><wp:docPr id="1" name="Figure"/></w:p><wp:docPr id="2" name="Figure"/>"#;
        assert_eq!(
            add_descriptions(xml, &["Scores & grades".into(), "Mirror".into()]),
            r#"<w:p><wp:docPr descr="Scores &amp; grades" id="1" name="Figure"/></w:p><wp:docPr descr="Mirror" id="2" name="Figure"/>"#
        );
    }
}
