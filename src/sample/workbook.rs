//! Writes a reporter's tables as a Clearinghouse workbook
//! (`docs/formats.md#clearinghouse-workbook`): one sheet per table, sex blocks across with merged
//! headings, years across, a `Metadata` sheet with the source and duration rule of each table. The
//! bytes depend only on the data (fixed document properties).

use super::generate::{Cell, SEXES, Sample, SampleTable, SheetLayout, language};
use super::text;
use crate::model::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The creation date written into every sample workbook, so that two runs give the same bytes.
const CREATED: (u16, u8, u8) = (2025, 1, 1);

struct Formats {
    title: Format,
    heading: Format,
    block: Format,
    count: Format,
    fraction: Format,
    flagged: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold(),
            heading: Format::new().set_bold(),
            block: Format::new()
                .set_bold()
                .set_align(rust_xlsxwriter::FormatAlign::Center),
            count: Format::new().set_num_format("#,##0"),
            fraction: Format::new().set_num_format("#,##0.0"),
            flagged: Format::new().set_align(rust_xlsxwriter::FormatAlign::Right),
        }
    }
}

/// The workbook of one reporter, as bytes.
pub fn write(sample: &Sample, reporter: &str) -> Result<Vec<u8>, XlsxError> {
    let lang = language(reporter);
    let mut workbook = Workbook::new();
    let name = crate::model::gazetteer().name(reporter, Lang::En);
    let properties = DocProperties::new()
        .set_title(format!(
            "Migration statistics of {name} — {}",
            super::SYNTHETIC_NOTICE_EN
        ))
        .set_author("migreview sample generator")
        .set_comment(super::SYNTHETIC_NOTICE)
        .set_creation_datetime(&ExcelDateTime::from_ymd(CREATED.0, CREATED.1, CREATED.2)?);
    workbook.set_properties(&properties);
    let formats = Formats::new();
    for table in sample.tables.iter().filter(|t| t.reporter == reporter) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.table.sheet_name())?;
        table_sheet(sheet, sample, table, lang, &formats)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("Metadata")?;
    metadata_sheet(sheet, sample, reporter, lang, &formats)?;
    workbook.save_to_buffer()
}

fn notice(lang: Lang) -> &'static str {
    match lang {
        Lang::En => super::SYNTHETIC_NOTICE_EN,
        Lang::Ru => super::SYNTHETIC_NOTICE,
    }
}

fn table_sheet(
    sheet: &mut Worksheet,
    sample: &Sample,
    table: &SampleTable,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let layout = SheetLayout::of(table);
    sheet.write_string_with_format(0, 0, text::title(table.table, lang), &formats.title)?;
    sheet.write_string(1, 0, text::country_line(table.reporter, lang))?;
    sheet.write_string(2, 0, notice(lang))?;
    let block_row = layout.first_row - 2;
    let header_row = layout.first_row - 1;
    for (b, sex) in SEXES.iter().enumerate() {
        let first = layout.first_col + b as u16 * layout.years;
        let last = first + layout.years - 1;
        sheet.merge_range(
            block_row,
            first,
            block_row,
            last,
            text::sex_label(*sex, lang),
            &formats.block,
        )?;
        for (j, year) in table.years.iter().enumerate() {
            sheet.write_number_with_format(
                header_row,
                first + j as u16,
                *year,
                &formats.heading,
            )?;
        }
    }
    sheet.write_string_with_format(
        header_row,
        0,
        text::category_heading(table.table, lang),
        &formats.heading,
    )?;
    if table.by_age() {
        sheet.write_string_with_format(header_row, 1, text::age_heading(lang), &formats.heading)?;
        sheet.set_column_width(1, 9)?;
    }
    sheet.set_column_width(0, 36)?;
    sheet.set_column_range_width(
        layout.first_col,
        layout.first_col + 3 * layout.years - 1,
        11,
    )?;
    sheet.set_freeze_panes(layout.first_row, layout.first_col)?;
    for (r, row) in table.rows.iter().enumerate() {
        let (sheet_row, _) = layout.cell(r, 0, 0);
        sheet.write_string(
            sheet_row,
            0,
            text::category_label(&row.category, table.table, lang),
        )?;
        if table.by_age() {
            sheet.write_string(sheet_row, 1, text::age_label(&row.age, lang))?;
        }
        for s in 0..SEXES.len() {
            for (j, &year) in table.years.iter().enumerate() {
                let Some(cell) =
                    super::generate::year_index(year).and_then(|y| row.cells[s][y].as_ref())
                else {
                    continue;
                };
                let (cell_row, col) = layout.cell(r, s, j);
                match cell {
                    Cell::Count(n) => {
                        let format = if n.fract() == 0.0 {
                            &formats.count
                        } else {
                            &formats.fraction
                        };
                        sheet.write_number_with_format(cell_row, col, *n, format)?;
                    }
                    Cell::Flagged(n, flag) => {
                        sheet.write_string_with_format(
                            cell_row,
                            col,
                            format!("{} {flag}", crate::model::number_text(*n)),
                            &formats.flagged,
                        )?;
                    }
                    Cell::Text(words) => {
                        sheet.write_string_with_format(cell_row, col, *words, &formats.flagged)?;
                    }
                }
            }
        }
    }
    let first_year = table.years.first().copied().unwrap_or(0);
    let (source, _) = sample.source_of(table.reporter, table.table, first_year);
    let mut line = layout.first_row + table.rows.len() as u32 + 1;
    sheet.write_string(line, 0, format!("{}{source}", text::source_prefix(lang)))?;
    let notes = text::definition_note(table.table, lang)
        .map(str::to_string)
        .into_iter()
        .chain(table.notes.iter().cloned());
    for note in notes {
        line += 1;
        sheet.write_string(line, 0, format!("{}{note}", text::note_prefix(lang)))?;
    }
    Ok(())
}

fn metadata_sheet(
    sheet: &mut Worksheet,
    sample: &Sample,
    reporter: &str,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (c, heading) in ["table", "year", "source", "duration_months"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, c as u16, *heading, &formats.heading)?;
    }
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 8)?;
    sheet.set_column_width(2, 90)?;
    sheet.set_column_width(3, 16)?;
    let rows = super::generate::REPORTERS
        .iter()
        .position(|r| *r == reporter)
        .and_then(|i| sample.metadata.get(i))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut line = 0;
    for meta in rows {
        line += 1;
        sheet.write_string(line, 0, meta.table.code())?;
        if let Some(year) = meta.year {
            sheet.write_number(line, 1, year)?;
        }
        sheet.write_string(line, 2, &meta.source)?;
        if let Some(months) = meta.duration {
            sheet.write_number(line, 3, months)?;
        }
    }
    sheet.write_string(
        line + 2,
        0,
        format!("{}{}", text::note_prefix(lang), notice(lang)),
    )?;
    Ok(())
}
