//! Colours of the window: one struct, so a palette change is one edit.

use crate::checks::Severity;
use egui::Color32;

/// Colours that carry meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Error, warning, info: vermillion, orange and blue of the Okabe–Ito palette, which stays
    /// distinguishable with the common colour-vision deficiencies (Okabe & Ito 2008, "Color
    /// Universal Design"; also Wong 2011, Nature Methods 8:441).
    pub error: Color32,
    pub warning: Color32,
    pub info: Color32,
    /// Opacity of a severity colour behind a data cell (0–255): low enough that the number stays
    /// readable in both themes.
    pub cell_alpha: u8,
    /// The highlighted cell of a finding shown in Data (Okabe–Ito bluish green).
    pub target: Color32,
    /// The banner for synthetic data (Okabe–Ito yellow, a warning that is not an error).
    pub banner: Color32,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            error: Color32::from_rgb(213, 94, 0),
            warning: Color32::from_rgb(230, 159, 0),
            info: Color32::from_rgb(0, 114, 178),
            cell_alpha: 70,
            target: Color32::from_rgb(0, 158, 115),
            banner: Color32::from_rgb(240, 228, 66),
        }
    }
}

impl Palette {
    pub fn severity(&self, severity: Severity) -> Color32 {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// The background of a data cell with a finding of this severity.
    pub fn cell_fill(&self, severity: Severity) -> Color32 {
        let c = self.severity(severity);
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), self.cell_alpha)
    }
}

/// egui's fonts, with its bundled Hack as the last fallback of the proportional family: Ubuntu
/// Light has no arrows (→) or triangles (◀), which the assessment's texts use, and the window
/// must not depend on the fonts a machine happens to have.
pub fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "Hack-Regular".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(
            epaint_default_fonts::HACK_REGULAR,
        )),
    );
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.push("Hack-Regular".to_owned());
    }
    fonts
}
