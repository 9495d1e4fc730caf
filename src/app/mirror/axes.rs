//! The axes the plots of the panel share: faint grid lines, and log10 axes marked at the numbers
//! they stand for.

use crate::app::i18n::count_text;
use crate::model::Lang;
use egui::Color32;
use egui_plot::{GridInput, GridMark};

/// Grid lines faint enough that the points and bars stand out.
pub(super) fn grid_colour(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color().gamma_multiply(0.45)
}

/// Grid marks of a log10 axis: whole decades, and 2 and 5 within them when few decades show.
pub(super) fn log_spacer(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high - low > 30.0 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    // Within a decade or so (the country ratios) more steps, so that 0.7 and 1.5 can be read.
    let minor: &[f64] = if high - low <= 1.5 {
        &[1.5, 2.0, 3.0, 5.0, 7.0]
    } else if high - low <= 4.0 {
        &[2.0, 5.0]
    } else {
        &[]
    };
    for decade in (low.floor() as i32)..=(high.ceil() as i32) {
        let decade = decade as f64;
        if decade >= low && decade <= high {
            marks.push(GridMark {
                value: decade,
                step_size: 1.0,
            });
        }
        {
            for &m in minor {
                let value = decade + m.log10();
                if value >= low && value <= high {
                    marks.push(GridMark {
                        value,
                        step_size: 0.1,
                    });
                }
            }
        }
    }
    marks
}

/// The label of a log10 grid mark: the number it stands for.
pub(super) fn log_tick(lang: Lang, mark: GridMark) -> String {
    let value = 10f64.powf(mark.value);
    if value >= 10.0 || (value - value.round()).abs() < 1e-9 {
        count_text(lang, value.round())
    } else if value >= 1.0 {
        crate::i18n::format_number((value * 10.0).round() / 10.0, lang)
    } else {
        crate::i18n::format_number((value * 1000.0).round() / 1000.0, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::mirror::ratio_text;

    #[test]
    fn log_axes_mark_decades_and_read_as_numbers() {
        let marks = log_spacer(GridInput {
            bounds: (0.5, 3.2),
            base_step_size: 0.01,
        });
        let values: Vec<String> = marks.iter().map(|m| log_tick(Lang::En, *m)).collect();
        assert_eq!(
            values,
            vec!["5", "10", "20", "50", "100", "200", "500", "1,000"]
        );
        assert_eq!(
            log_tick(
                Lang::Ru,
                GridMark {
                    value: 4.0,
                    step_size: 1.0
                }
            ),
            "10\u{a0}000"
        );
        assert_eq!(ratio_text(Lang::Ru, 2.4994), "2,499");
    }
}
