//! What every chart shares: sizes, colours, the frame (title, subtitle, source line), legends.

use super::texts::texts;
use super::{ChartError, ChartOptions};
use crate::mirror::Band;
use crate::model::{Lang, gazetteer};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The family name of the chart font, one place for both constants below.
macro_rules! embedded_family {
    () => {
        "migreview-sans"
    };
}

/// The family of the font every SVG embeds (egui's bundled Ubuntu Light).
pub const EMBEDDED_FAMILY: &str = embedded_family!();

/// The family the text is set in: the embedded font, else the viewer's sans-serif. It is also the
/// name the font is registered under in plotters, which measures text with it, and plotters
/// writes it as the `font-family` of every SVG `<text>`.
pub const FONT: &str = concat!(embedded_family!(), ", sans-serif");

pub fn error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Sizes are given for a chart 1000 units high and scaled to the real height.
#[derive(Copy, Clone, Debug)]
pub struct Scale(pub f64);

impl Scale {
    pub fn new(options: &ChartOptions) -> Scale {
        Scale(options.height.max(300) as f64 / 1000.0)
    }

    pub fn px(self, units: f64) -> i32 {
        (units * self.0).round() as i32
    }

    pub fn font(self, units: f64) -> f64 {
        (units * self.0).max(8.0)
    }
}

pub const INK: RGBColor = RGBColor(33, 33, 33);
pub const GREY_TEXT: RGBColor = RGBColor(90, 90, 90);
pub const AXIS: RGBColor = RGBColor(120, 120, 120);
pub const IMMIGRATION: RGBColor = RGBColor(33, 102, 172);
pub const EMIGRATION: RGBColor = RGBColor(230, 97, 1);

/// Point colours of the bands (ColorBrewer RdYlGn, colour-blind-safer ends).
pub fn band_colour(band: Band) -> RGBColor {
    match band {
        Band::Green => RGBColor(26, 152, 80),
        Band::Light => RGBColor(145, 207, 96),
        Band::Amber => RGBColor(253, 174, 97),
        Band::Red => RGBColor(215, 48, 39),
        Band::Small => RGBColor(160, 160, 160),
        Band::OneSided => RGBColor(200, 200, 200),
    }
}

pub fn style(size: f64, colour: RGBColor) -> TextStyle<'static> {
    (FONT, size).into_font().color(&colour)
}

pub fn anchored(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    style(size, colour).pos(Pos::new(h, v))
}

/// A number as the language writes it: `1.25` / `1,25`.
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    crate::i18n::format_decimal(value, decimals, lang)
}

/// A count with thousands separators as the language writes them.
pub fn count(lang: Lang, value: f64) -> String {
    crate::i18n::format_count_in(value, lang)
}

pub fn country_name(code: &str, lang: Lang) -> String {
    gazetteer()
        .by_code(code)
        .map(|p| p.name(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// What a chart's title adds for the country under review: " — Kazakhstan (KAZ)"; nothing when
/// the chart shows every country.
pub fn country_suffix(country: Option<&str>, lang: Lang) -> String {
    match country {
        Some(code) => format!(" — {} ({code})", country_name(code, lang)),
        None => String::new(),
    }
}

/// The largest font size up to `size` at which `text` fits into `width`.
pub fn fitting_size<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    size: f64,
    width: i32,
) -> Result<f64, ChartError> {
    let mut size = size;
    while size > 9.0 {
        let (w, _) = area
            .estimate_text_size(text, &style(size, INK))
            .map_err(error)?;
        if (w as i32) <= width {
            break;
        }
        size *= 0.92;
    }
    Ok(size)
}

/// Fills the background, writes the title, the subtitle and the source line, and returns the
/// area left for the chart.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    title: &str,
    subtitle: &str,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let s = Scale::new(options);
    root.fill(&WHITE).map_err(error)?;
    let (width, height) = root.dim_in_pixel();
    let margin = s.px(30.0);
    let usable = width as i32 - 2 * margin;
    let title_size = fitting_size(root, title, s.font(40.0), usable)?;
    root.draw(&Text::new(
        title.to_string(),
        (margin, margin),
        style(title_size, INK),
    ))
    .map_err(error)?;
    let mut top = margin + (title_size * 1.35) as i32;
    if !subtitle.is_empty() {
        let sub_size = fitting_size(root, subtitle, s.font(25.0), usable)?;
        root.draw(&Text::new(
            subtitle.to_string(),
            (margin, top),
            style(sub_size, GREY_TEXT),
        ))
        .map_err(error)?;
        top += (sub_size * 1.5) as i32;
    }
    let source_size = s.font(19.0);
    let line = source_line(options);
    let source_size = fitting_size(root, &line, source_size, usable)?;
    root.draw(&Text::new(
        line,
        (margin, height as i32 - margin / 2),
        anchored(source_size, GREY_TEXT, HPos::Left, VPos::Bottom),
    ))
    .map_err(error)?;
    let bottom = margin / 2 + (source_size * 1.8) as i32;
    Ok(root.margin(top + s.px(10.0), bottom, margin, margin))
}

/// "Source: …; computed by migreview 0.1.0".
pub fn source_line(options: &ChartOptions) -> String {
    let t = texts(options.lang);
    let by = format!("{} {}", t.computed_by, crate::generated_by());
    if options.source.trim().is_empty() {
        format!("{}: {by}", t.source)
    } else {
        format!("{}: {}; {by}", t.source, options.source.trim())
    }
}

/// What a legend entry shows beside its text.
#[derive(Copy, Clone, Debug)]
pub enum Mark {
    Square(RGBColor),
    Dot(RGBColor),
    Line(RGBColor),
    Dashed(RGBColor),
    Whisker(RGBColor),
}

/// A legend: one entry per line, from the top of `area`.
pub fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    entries: &[(Mark, String)],
) -> Result<(), ChartError> {
    legend_height(area, options, entries).map(|_| ())
}

/// Draws a legend like [`legend`] and returns the height it took, in pixels.
pub fn legend_height<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    options: &ChartOptions,
    entries: &[(Mark, String)],
) -> Result<i32, ChartError> {
    let s = Scale::new(options);
    let (width, _) = area.dim_in_pixel();
    let key = s.px(26.0);
    let gap = s.px(12.0);
    let line = s.px(40.0);
    let mut y = s.px(10.0);
    for (mark, text) in entries {
        let mid = y + key / 2;
        match *mark {
            Mark::Square(c) => area
                .draw(&Rectangle::new([(0, y), (key, y + key)], c.filled()))
                .and_then(|()| {
                    area.draw(&Rectangle::new(
                        [(0, y), (key, y + key)],
                        RGBColor(200, 200, 200).stroke_width(1),
                    ))
                }),
            Mark::Dot(c) => area.draw(&Circle::new((key / 2, mid), key / 3, c.filled())),
            Mark::Line(c) => area.draw(&PathElement::new(
                vec![(0, mid), (key, mid)],
                c.stroke_width(s.px(4.0).max(2) as u32),
            )),
            Mark::Dashed(c) => {
                for k in 0..3 {
                    let x0 = k * key * 2 / 5;
                    area.draw(&PathElement::new(
                        vec![(x0, mid), (x0 + key / 5, mid)],
                        c.stroke_width(s.px(4.0).max(2) as u32),
                    ))
                    .map_err(error)?;
                }
                Ok(())
            }
            Mark::Whisker(c) => {
                let stroke = c.stroke_width(s.px(3.0).max(1) as u32);
                area.draw(&PathElement::new(vec![(0, mid), (key, mid)], stroke))
                    .and_then(|()| area.draw(&PathElement::new(vec![(0, y), (0, y + key)], stroke)))
                    .and_then(|()| {
                        area.draw(&PathElement::new(vec![(key, y), (key, y + key)], stroke))
                    })
            }
        }
        .map_err(error)?;
        // Long entries wrap onto further lines at the same size, rather than shrinking.
        let size = s.font(22.0);
        let lines = wrap(area, text, size, width as i32 - key - gap)?;
        let step = (size * 1.25).round() as i32;
        for (k, part) in lines.iter().enumerate() {
            let part_size = fitting_size(area, part, size, width as i32 - key - gap)?;
            area.draw(&Text::new(
                part.clone(),
                (key + gap, mid + k as i32 * step),
                anchored(part_size, INK, HPos::Left, VPos::Center),
            ))
            .map_err(error)?;
        }
        y += line + (lines.len() as i32 - 1) * step;
    }
    Ok(y)
}

/// Splits `text` into lines no wider than `width` at word boundaries.
pub fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    size: f64,
    width: i32,
) -> Result<Vec<String>, ChartError> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        let (w, _) = area
            .estimate_text_size(&candidate, &style(size, INK))
            .map_err(error)?;
        if (w as i32) <= width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    Ok(lines)
}

/// Width of the legend column.
pub fn legend_width(options: &ChartOptions) -> i32 {
    Scale::new(options).px(380.0)
}
