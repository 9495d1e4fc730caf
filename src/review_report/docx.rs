//! The review report as a Word document (DOCX, written with `docx-rs`), editable in Word and
//! LibreOffice: Word's own heading styles (so a table of contents works), real tables, and the
//! charts as PNG images at print resolution with their caption as alternative text.

use super::ReviewReport;
use super::document::{Block, ChartSources, Column, Look, Span, blocks, column_shares};
use crate::charts::{self, Target};
use docx_rs::{
    AlignmentType, BreakType, BuildXML, Docx, FieldCharType, InstrText, InstrToC, LineSpacing,
    PageMargin, Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType, Table, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
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
    write_blocks(blocks(report, charts), report.lang, Some(charts))
}

/// Writes blocks as a DOCX document: the report's, or another document laid out like it (a
/// workshop's exercise sheet). Figures are drawn from `charts`; without them a figure is left
/// out.
pub fn write_blocks(
    blocks: Vec<Block>,
    lang: crate::model::Lang,
    charts: Option<&ChartSources<'_>>,
) -> Result<Vec<u8>, DocxError> {
    let mut docx = styled(Docx::new());
    let mut captions: Vec<String> = Vec::new();
    let mut raw = RawRows::new();
    for block in blocks {
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
            Block::Figure { figure, caption } => {
                match charts.and_then(|charts| png(figure.chart(), charts, lang)) {
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
                }
            }
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
/// The data rows, which can be a hundred thousand in the annex, are not built as `docx-rs`
/// elements one by one (that took ten times longer than the rest of the document): `docx-rs`
/// writes one row and one cell of each kind ([`RowShapes`]), each row's text is set into those
/// shapes on every core ([`rows_xml`]), and the rows take the place of a marker row when the
/// document is packed ([`finish`]).
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
                cell(cell_paragraph(name, *column, true)).shading(Shading::new().fill("EEF2F7"))
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    if !rows.is_empty() {
        let marker = raw.add(rows_xml(&RowShapes::new(&kinds), rows));
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

/// The paragraph of a cell: a line break in the text is a break in the run; a header in bold;
/// a code in a small fixed-width face; a number to the right.
fn cell_paragraph(text: &str, column: Column, header: bool) -> Paragraph {
    let mut r = text
        .split('\n')
        .enumerate()
        .fold(Run::new(), |r, (i, line)| {
            let r = if i > 0 {
                r.add_break(BreakType::TextWrapping)
            } else {
                r
            };
            r.add_text(line)
        });
    if header {
        r = r.bold();
    }
    if column == Column::Code && !header {
        r = r
            .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"))
            .size(14);
    }
    let p = Paragraph::new().add_run(r);
    if column == Column::Number {
        p.align(AlignmentType::Right)
    } else {
        p
    }
}

/// Stands for the text in a shape; a character of Unicode's private use area, which no text
/// set into a shape keeps ([`push_text`]).
const SLOT: char = '\u{E000}';

/// The XML `docx-rs` writes for a data row and for a cell of each column, cut around their
/// text.
struct RowShapes {
    /// The row before its first cell and after its last.
    row: (String, String),
    /// Per column: the cell before its text, between two lines, after it.
    cells: Vec<[String; 3]>,
}

impl RowShapes {
    fn new(columns: &[Column]) -> RowShapes {
        let slot = SLOT.to_string();
        let row = shape_xml(
            &TableRow::new(vec![cell(
                Paragraph::new().add_run(Run::new().add_text(&slot)),
            )])
            .cant_split(),
        );
        let (first, last) = (row.find("<w:tc>"), row.rfind("</w:tc>"));
        let row = match (first, last) {
            (Some(first), Some(last)) => (
                row[..first].to_string(),
                row[last + "</w:tc>".len()..].to_string(),
            ),
            _ => (String::from("<w:tr>"), String::from("</w:tr>")),
        };
        let cells = columns
            .iter()
            .map(|column| {
                let xml = shape_xml(&cell(cell_paragraph(
                    &format!("{SLOT}\n{SLOT}"),
                    *column,
                    false,
                )));
                let mut parts = xml.split(SLOT).map(str::to_string);
                [0, 1, 2].map(|_| parts.next().unwrap_or_default())
            })
            .collect();
        RowShapes { row, cells }
    }
}

/// An element's XML as `docx-rs` writes it, without the paragraph ids it numbers its paragraphs
/// with (optional in the format; a shape written many times must not repeat one).
fn shape_xml(element: &impl BuildXML) -> String {
    let xml = String::from_utf8_lossy(&element.build()).into_owned();
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    const ID: &str = " w14:paraId=\"";
    while let Some(at) = rest.find(ID) {
        out.push_str(&rest[..at]);
        let value = &rest[at + ID.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// The XML of a table's data rows: each row's texts set into the shapes, parts of the rows on
/// every core.
fn rows_xml(shapes: &RowShapes, rows: &[Vec<String>]) -> String {
    const PART: usize = 2_000;
    let parts: Vec<&[Vec<String>]> = rows.chunks(PART).collect();
    crate::parallel::map_in_order(&parts, |part| {
        let mut xml = String::with_capacity(part.len() * shapes.cells.len() * 200);
        for row in *part {
            xml.push_str(&shapes.row.0);
            for (text, [before, between, after]) in row.iter().zip(&shapes.cells) {
                xml.push_str(before);
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        xml.push_str(between);
                    }
                    push_text(&mut xml, line);
                }
                xml.push_str(after);
            }
            xml.push_str(&shapes.row.1);
        }
        xml
    })
    .concat()
}

/// Text as XML character data: markup escaped; the control characters XML 1.0 does not allow,
/// and [`SLOT`], left out.
fn push_text(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '\t' | '\r' => xml.push(c),
            c if (c as u32) < 0x20 || c == SLOT || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => xml.push(c),
        }
    }
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
    use super::{
        Column, RawRows, RowShapes, TableRow, add_descriptions, cell, cell_paragraph, rows_xml,
        shape_xml,
    };

    #[test]
    fn data_rows_are_written_as_docx_rs_writes_them() {
        let columns = [Column::Code, Column::Number, Column::Text];
        let rows = vec![
            vec![
                "A1|KAZ".to_string(),
                "1,234".to_string(),
                "Asked <them>\nthen us & co".to_string(),
            ],
            vec!["b".to_string(), "–".to_string(), String::new()],
        ];
        let ours = rows_xml(&RowShapes::new(&columns), &rows);
        let theirs: String = rows
            .iter()
            .map(|row| {
                shape_xml(
                    &TableRow::new(
                        row.iter()
                            .zip(columns)
                            .map(|(text, column)| cell(cell_paragraph(text, column, false)))
                            .collect(),
                    )
                    .cant_split(),
                )
            })
            .collect();
        assert_eq!(ours, theirs);
        assert!(ours.contains(">Asked &lt;them&gt;<"), "{ours}");
        assert!(!ours.contains("paraId"));
        // Characters XML does not allow are left out.
        let odd = rows_xml(
            &RowShapes::new(&[Column::Text]),
            &[vec!["a\u{1}b\u{E000}c".into()]],
        );
        assert!(odd.contains(">abc<"), "{odd}");

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
