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
            Block::Table { columns, rows } => docx.add_table(table(&columns, &rows)),
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
    with_alt_texts(packed.into_inner(), &captions)
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
fn table(columns: &[(String, Column)], rows: &[Vec<String>]) -> Table {
    let kinds: Vec<Column> = columns.iter().map(|(_, c)| *c).collect();
    let widths: Vec<usize> = column_shares(&kinds)
        .iter()
        .map(|share| (share * TEXT_WIDTH as f64) as usize)
        .collect();
    let paragraph = |text: &str, column: Column, header: bool| {
        // A line break in the text is a break in the run.
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
    };
    let header = TableRow::new(
        columns
            .iter()
            .map(|(name, column)| {
                cell(paragraph(name, *column, true)).shading(Shading::new().fill("EEF2F7"))
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    table_rows.extend(rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .zip(columns)
                .map(|(text, (_, column))| cell(paragraph(text, *column, false)))
                .collect(),
        )
        .cant_split()
    }));
    Table::new(table_rows)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(cell_margins())
        .set_grid(widths)
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

/// Gives each picture its caption as alternative text (`descr` of `wp:docPr`, in order), which
/// `docx-rs` does not write.
fn with_alt_texts(packed: Vec<u8>, captions: &[String]) -> Result<Vec<u8>, DocxError> {
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
            bytes = add_descriptions(&text, captions).into_bytes();
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
    use super::add_descriptions;

    #[test]
    fn each_picture_gets_its_caption_as_alternative_text() {
        let xml = r#"<w:p><wp:docPr id="1" name="Figure"/></w:p><wp:docPr id="2" name="Figure"/>"#;
        assert_eq!(
            add_descriptions(xml, &["Scores & grades".into(), "Mirror".into()]),
            r#"<w:p><wp:docPr descr="Scores &amp; grades" id="1" name="Figure"/></w:p><wp:docPr descr="Mirror" id="2" name="Figure"/>"#
        );
    }
}
