//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: every sheet is looked at and either
//! read in the layout it shows (Clearinghouse, long, Eurostat data browser), read as the
//! `Metadata` sheet, or listed with the reason it was not read (cover page, empty, chart).
//! Opening the workbook is [`super::book`]'s, the cells [`super::grid`]'s; this module only
//! decides which reader each sheet goes to.

use super::book;
use super::codes::Codes;
use super::container::Container;
use super::grid::Grid;
use super::long::find_header;
use super::options::Layout;
use super::sheet::{SheetInput, SheetOutcome, SheetProgress, SheetReading, budgets};
use super::{LoadError, Reading, SheetReport, clearinghouse, eurostat, metadata};
use calamine::{Reader, SheetType, SheetVisible};

/// Loads every sheet of a workbook.
pub fn load_workbook(
    bytes: &[u8],
    container: Container,
    mut reading: Reading<'_>,
) -> Result<(), LoadError> {
    let (path, options, control) = (reading.path, reading.options, reading.control);
    if let Some(layout) = options.layout
        && matches!(
            layout,
            Layout::LongCsv | Layout::EurostatBulk | Layout::SdmxCsv
        )
    {
        return Err(LoadError::Unrecognised {
            path: path.display().to_string(),
            expected: format!("expected a text file for the chosen layout {layout}"),
            found: "a workbook".into(),
        });
    }
    let mut book = book::open(bytes, container, path)?;
    let sheets = book.sheets_metadata().to_vec();
    // Progress in bytes, as for text files; each sheet gets its share by its cells.
    let total = bytes.len() as u64;
    let budgets = budgets(total, &book::sheet_weights(&mut book, &sheets, options));
    control.add_total(total);
    let mut found = SheetsFound::default();
    // The cells of an xlsx workbook's sheets are read on every core first; each sheet is then
    // read into observations in turn, as from a workbook read sheet by sheet.
    let fetching = book::Fetching {
        wanted: |sheet: &calamine::Sheet| book::reads(sheet, options),
        needs_merged: |sheet: &calamine::Sheet, cells: &calamine::Range<calamine::Data>| {
            clearinghouse::has_sex_blocks(&Grid::new(cells), &options.for_sheet(&sheet.name))
        },
        read: |i: usize| {
            let budget = budgets.get(i).copied().unwrap_or(0);
            control.add_done(SheetProgress::read_share(budget));
        },
        stop: || control.is_cancelled(),
    };
    let mut fetched = book::fetch_sheets(bytes, container, path, &sheets, fetching);
    for ((sheet, &budget), ahead) in sheets.iter().zip(&budgets).zip(fetched.iter_mut()) {
        if control.is_cancelled() {
            return Err(LoadError::Cancelled {
                path: path.display().to_string(),
            });
        }
        let mut progress = match ahead {
            Some(_) => SheetProgress::read_ahead(control, path, budget),
            None => SheetProgress::new(control, path, budget),
        };
        let book_sheet = BookSheet {
            book: &mut book,
            sheet,
            fetched: ahead.take(),
        };
        let sheet_report = read_book_sheet(book_sheet, &mut progress, &mut found, &mut reading)?;
        reading.report.sheets.push(sheet_report);
        progress.finish();
    }
    finish_workbook(found, reading)
}

/// What the sheets of a workbook gave so far, beside their observations and reports.
#[derive(Default)]
struct SheetsFound {
    /// The rules of the `Metadata` sheet.
    rules: Vec<metadata::MetadataRule>,
    /// Why the sheets that looked like tables were not read.
    failures: Vec<LoadError>,
    /// The layout of every sheet read.
    layouts: Vec<Layout>,
    /// A data-browser export names its dataset on the Summary sheet as well as on each data
    /// sheet.
    browser_dataset: Option<String>,
}

/// A sheet of an open workbook, with its cells when they were read ahead.
struct BookSheet<'s, 'b> {
    book: &'s mut book::Book<'b>,
    sheet: &'s calamine::Sheet,
    fetched: Option<book::Fetched>,
}

/// Reads one sheet of a workbook into the reading's data set; returns the sheet's report (how
/// it was read, or why not). Fails only when the user cancelled.
fn read_book_sheet(
    BookSheet {
        book,
        sheet,
        fetched,
    }: BookSheet<'_, '_>,
    progress: &mut SheetProgress<'_>,
    found: &mut SheetsFound,
    reading: &mut Reading<'_>,
) -> Result<SheetReport, LoadError> {
    let (path, options) = (reading.path, reading.options);
    let hidden = sheet.visible != SheetVisible::Visible;
    let mut listed = SheetReport {
        name: sheet.name.clone(),
        hidden,
        ..SheetReport::default()
    };
    if !options.reads_sheet(&sheet.name) {
        listed.note =
            Some("not read: not among the sheets chosen (--sheet, or the import dialog)".into());
        return Ok(listed);
    }
    if sheet.typ != SheetType::WorkSheet {
        let kind = match sheet.typ {
            SheetType::ChartSheet => "a chart sheet",
            SheetType::DialogSheet => "a dialog sheet",
            SheetType::MacroSheet => "a macro sheet",
            _ => "a VBA module",
        };
        listed.note = Some(format!("not read: {kind}, which holds no cells"));
        return Ok(listed);
    }
    // A sheet read ahead comes with its merged regions when it shows sex blocks, and without
    // when it shows none: that was decided with its cells.
    let (read, merged_ahead) = match fetched {
        Some(ahead) => (ahead.range, Some(ahead.merged)),
        None => (book::read_sheet(book, &sheet.name), None),
    };
    let range = match read {
        Ok(read) => read,
        Err(detail) => {
            listed.note = Some(format!("not read: cannot read the sheet ({detail})"));
            found.failures.push(LoadError::Workbook {
                path: path.display().to_string(),
                detail: format!("sheet {:?}: {detail}", sheet.name),
            });
            return Ok(listed);
        }
    };
    let sheet_options = options.for_sheet(&sheet.name);
    let grid = Grid::new(&range);
    let merge_info = book::has_merge_info(book);
    let merged = match merged_ahead {
        Some(decided) => decided.unwrap_or_default(),
        None if merge_info && clearinghouse::has_sex_blocks(&grid, &sheet_options) => {
            book::merged_regions(book, &sheet.name)
        }
        None => Vec::new(),
    };
    progress.sheet_read(&grid)?;
    let input = SheetInput {
        name: &sheet.name,
        hidden,
        grid,
        merged: merge_info.then_some(merged.as_slice()),
    };
    if metadata::is_metadata_sheet(&sheet.name) {
        let (sheet_report, sheet_rules) = metadata::read(&input, path, reading.report);
        found.rules.extend(sheet_rules);
        return Ok(sheet_report);
    }
    if input.grid.is_empty() {
        listed.note = Some("not read: the sheet is empty".into());
        return Ok(listed);
    }
    if found.browser_dataset.is_none() {
        found.browser_dataset = eurostat::browser_dataset(&input.grid);
    }
    let codes =
        Codes::new(reading.file, reading.report.name.clone()).with_labels(&sheet_options.labels);
    let sheet_reading = SheetReading {
        input: &input,
        path,
        options: &sheet_options,
        codes,
        progress,
        dataset: &mut *reading.dataset,
        report: &mut *reading.report,
    };
    let outcome = read_table_sheet(sheet_reading, found.browser_dataset.as_deref());
    let report = &mut *reading.report;
    match outcome {
        SheetOutcome::Read(sheet_report) => {
            if let Some(layout) = sheet_report.layout {
                found.layouts.push(layout);
            }
            Ok(sheet_report)
        }
        SheetOutcome::NotTable(sheet_report) => Ok(sheet_report),
        SheetOutcome::Failed(sheet_report, error) => {
            report.confident = false;
            report.messages.push(format!(
                "sheet {:?} looks like a table but was not read: {error}",
                sheet_report.name
            ));
            found.failures.push(error);
            Ok(sheet_report)
        }
        SheetOutcome::Cancelled(error) => Err(error),
    }
}

/// Applies the `Metadata` sheet's rules once every sheet was read, and decides the workbook's
/// layout; fails, naming what was found, when no sheet gave data.
fn finish_workbook(found: SheetsFound, reading: Reading<'_>) -> Result<(), LoadError> {
    let Reading {
        path,
        dataset,
        report,
        ..
    } = reading;
    if !found.rules.is_empty() {
        metadata::apply(&found.rules, dataset, report);
    }
    if dataset.is_empty() {
        if let Some(error) = found.failures.into_iter().next() {
            return Err(error);
        }
        let described = describe_sheets(&report.sheets);
        let no_header = report.sheets.iter().any(|s| {
            s.note.as_deref().is_some_and(|n| {
                super::header::HOLDS_FIGURES_MARKS
                    .iter()
                    .any(|m| n.contains(m))
            })
        });
        return Err(LoadError::Unrecognised {
            path: path.display().to_string(),
            expected: format!(
                "expected a sheet with migration data: {} (Clearinghouse layout), or columns \
                 named table, reporter, year, value (long layout)",
                super::header::year_header_rule()
            ),
            found: if described.is_empty() {
                // Every spreadsheet program saves at least one sheet: the list is what is damaged.
                "a workbook that lists no sheets, which no spreadsheet program saves: the list of \
                 its sheets is missing or damaged; open it in the spreadsheet program and save it \
                 again, or save the table as CSV"
                    .into()
            } else if no_header {
                format!("{described}. {}", super::header::NO_HEADER_ADVICE)
            } else {
                described
            },
        });
    }
    report.layout = most_common(&found.layouts).unwrap_or(Layout::ClearinghouseWorkbook);
    Ok(())
}

/// The sheets that were not read and why, sheets with the same reason said once:
/// `sheets "Januar" … "Dezember" (12): it looks like monthly moves …`.
fn describe_sheets(sheets: &[SheetReport]) -> String {
    // Sheets that differ only in which row of counts was met share a reason.
    fn key(why: &str) -> &str {
        why.split(super::header::NO_HEADER_MARK)
            .next()
            .unwrap_or(why)
    }
    // (what is said, the sheets it is said of)
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for sheet in sheets {
        let why = sheet
            .note
            .as_deref()
            .map(|n| n.trim_start_matches("not read: "))
            .unwrap_or("no data");
        match groups.iter_mut().find(|(said, _)| key(said) == key(why)) {
            Some((_, names)) => names.push(&sheet.name),
            None => groups.push((why, vec![&sheet.name])),
        }
    }
    groups
        .iter()
        .map(|(why, names)| match names.as_slice() {
            [one] => format!("sheet {one:?}: {why}"),
            few if few.len() <= 3 => format!(
                "sheets {}: {why}",
                few.iter()
                    .map(|name| format!("{name:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            [first, .., last] => format!("sheets {first:?} … {last:?} ({}): {why}", names.len()),
            [] => String::new(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn most_common(layouts: &[Layout]) -> Option<Layout> {
    let mut best: Option<(Layout, usize)> = None;
    for layout in layouts {
        let count = layouts.iter().filter(|l| *l == layout).count();
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((*layout, count));
        }
    }
    best.map(|(layout, _)| layout)
}

/// Reads a sheet in the layout it shows: the one chosen in the options, else a data-browser
/// sheet (a `TIME` row and a `GEO` row), else a long sheet (a header naming the roles), else a
/// Clearinghouse sheet (a header with two or more years).
fn read_table_sheet(sheet: SheetReading<'_, '_>, browser_dataset: Option<&str>) -> SheetOutcome {
    let (input, path, options) = (sheet.input, sheet.path, sheet.options);
    let chosen = options.layout;
    if (chosen.is_none() || chosen == Some(Layout::EurostatBrowser))
        && let Some(layout) = eurostat::BrowserSheet::find(&input.grid)
    {
        return eurostat::read_browser_sheet(sheet, layout, browser_dataset);
    }
    if chosen == Some(Layout::EurostatBrowser) {
        // The layout was chosen: the sheet is not read as another one.
        let sheet_report = SheetReport {
            name: input.name.to_string(),
            hidden: input.hidden,
            note: Some(
                "not read: no TIME row of years (the layout chosen is eurostat-browser)".into(),
            ),
            ..SheetReport::default()
        };
        return SheetOutcome::Failed(
            sheet_report,
            LoadError::Unrecognised {
                path: path.display().to_string(),
                expected: "expected a Eurostat data-browser sheet (the layout given with --layout \
                           or in the import dialog): a row starting with TIME followed by years"
                    .into(),
                found: format!("sheet {:?} without one", input.name),
            },
        );
    }
    if chosen.is_none() || chosen == Some(Layout::LongSheet) {
        let texts: Vec<(usize, Vec<String>)> =
            (0..input.grid.rows().min(super::long::HEADER_SEARCH_ROWS))
                .map(|row| {
                    let cells = (0..input.grid.cols())
                        .map(|col| input.grid.text(row, col).into_owned())
                        .collect();
                    (row, cells)
                })
                .collect();
        let header = find_header(
            texts
                .iter()
                .map(|(i, cells)| (*i, cells.iter().map(String::as_str).collect())),
            options,
        );
        match header {
            Some((index, cells, columns))
                if chosen == Some(Layout::LongSheet) || columns.is_header() =>
            {
                let header: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                return super::long::read_long_sheet(sheet, index, header, columns);
            }
            _ if chosen == Some(Layout::LongSheet) => {
                let sheet_report = SheetReport {
                    name: input.name.to_string(),
                    hidden: input.hidden,
                    note: Some("not read: no header row naming the columns".into()),
                    ..SheetReport::default()
                };
                return SheetOutcome::Failed(
                    sheet_report,
                    LoadError::Unrecognised {
                        path: path.display().to_string(),
                        expected: "expected a header row naming the columns (table, reporter, \
                                   year, sex, category, value…) within the first 30 rows"
                            .into(),
                        found: format!("sheet {:?} without one", input.name),
                    },
                );
            }
            _ => {}
        }
    }
    clearinghouse::read_sheet(sheet)
}
