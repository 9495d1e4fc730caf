//! Small pieces the panels share: chart colours, legend swatches, hover cards, the chart export
//! buttons, and the labels and order of data rows.

use super::chart_export::{ChartFormat, ChartRequest, ExportOptions, ScatterLabels};
use super::command::Command;
use super::i18n::{Tr, tr};
use crate::model::{CategoryKind, Lang, category_kind};

/// A chart colour in the window.
pub fn colour(rgb: plotters::style::RGBColor) -> egui::Color32 {
    egui::Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A legend entry: a coloured square and its text.
pub fn swatch(ui: &mut egui::Ui, fill: egui::Color32, text: &str) {
    ui.horizontal(|ui| {
        let side = ui.text_style_height(&egui::TextStyle::Body);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, fill);
        ui.painter().rect_stroke(
            rect,
            2.0,
            egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
            egui::StrokeKind::Inside,
        );
        ui.label(text);
    });
}

/// A legend entry in a wrapping row: an entry that does not fit the rest of the line starts the
/// next one (the row cannot tell how wide an entry's square and text are before they are laid
/// out).
pub fn wrapped_swatch(ui: &mut egui::Ui, fill: egui::Color32, text: &str) {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width = ui
        .painter()
        .layout_no_wrap(text.to_string(), body.clone(), egui::Color32::BLACK)
        .size()
        .x
        + body.size
        + 2.0 * ui.spacing().item_spacing.x;
    if width > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    swatch(ui, fill, text);
}

/// Scroll bars that stay visible, thin and over the content (taking no room from it): on a
/// projector's zoom the room sees that a table goes on to the right.
pub fn visible_scroll_bars(ui: &mut egui::Ui) {
    ui.spacing_mut().scroll = egui::style::ScrollStyle {
        floating_allocated_width: 0.0,
        ..egui::style::ScrollStyle::thin()
    };
}

/// What a panel shows in place of the checks' results while they are computed: a spinner, the
/// heading "The checks are running…" and `what` follows.
pub fn checks_running_ui(ui: &mut egui::Ui, lang: Lang, what: Tr) {
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.heading(tr(lang, Tr::ChecksRunning));
    });
    ui.label(tr(lang, what));
}

/// The export options of the scatter: which points are named. Returns the options chosen.
fn export_options_ui(ui: &mut egui::Ui, lang: Lang) -> ExportOptions {
    let mut options = ExportOptions::load(ui.ctx());
    let before = options;
    ui.label(tr(lang, Tr::ExportLabels))
        .on_hover_text(tr(lang, Tr::ExportLabelsHint));
    egui::ComboBox::from_id_salt("chart_export_labels")
        .selected_text(options.labels.text(lang))
        .show_ui(ui, |ui| {
            for choice in ScatterLabels::ALL {
                ui.selectable_value(&mut options.labels, choice, choice.text(lang));
            }
        })
        .response
        .on_hover_text(tr(lang, Tr::ExportLabelsHint));
    if options != before {
        options.store(ui.ctx());
    }
    options
}

/// A card beside the pointer, shown at once (a plot point is small: the hover delay of a
/// tooltip would make it hard to read the figures while moving over the points).
pub fn hover_card(ctx: &egui::Context, id: &'static str, add: impl FnOnce(&mut egui::Ui)) {
    let Some(pointer) = ctx.pointer_hover_pos() else {
        return;
    };
    egui::Area::new(egui::Id::unique(("hover_card", id)))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(18.0, 18.0))
        .constrain(true)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(420.0);
                add(ui);
            });
        });
}

/// The buttons that export the chart shown: PNG and SVG, each through a save dialog; for the
/// scatter, first the choice of the points named (kept in the export options).
pub fn export_buttons_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    request: Option<ChartRequest>,
    commands: &mut Vec<Command>,
) {
    let request = match request {
        Some(chart @ ChartRequest::Scatter { .. }) => {
            let options = export_options_ui(ui, lang);
            Some(chart.with_export_options(options))
        }
        Some(chart @ ChartRequest::Matrix { .. }) => {
            let mut options = ExportOptions::load(ui.ctx());
            if ui
                .checkbox(&mut options.matrix_values, tr(lang, Tr::ExportMatrixValues))
                .changed()
            {
                options.store(ui.ctx());
            }
            Some(chart.with_export_options(options))
        }
        other => other,
    };
    for (format, key) in [
        (ChartFormat::Png, Tr::ExportPng),
        (ChartFormat::Svg, Tr::ExportSvg),
    ] {
        let button = ui
            .add_enabled(request.is_some(), egui::Button::new(tr(lang, key)))
            .on_hover_text(tr(lang, Tr::ExportChartHint));
        if button.clicked()
            && let Some(request) = &request
        {
            commands.push(Command::ExportChartDialog(request.clone(), format));
        }
    }
}

/// A row's label: the category, with its age group when it is not the total.
pub fn row_label(label: &str, age: &str, lang: Lang) -> String {
    if age == "TOTAL" || age.is_empty() {
        label.to_string()
    } else if age == "UNK" {
        format!("{label} · {}", tr(lang, Tr::AgeUnknown))
    } else {
        format!("{label} · {age}")
    }
}

/// Totals first, then status codes in their usual order, countries by name, and the residual
/// categories and aggregates last; ages in ascending order within a category.
pub fn sort_key(category: &str, age: &str, label: &str) -> (u8, usize, String, u8, u32, String) {
    let (rank, status_order) = match category_kind(category) {
        CategoryKind::Total => (0, 0),
        CategoryKind::Status => (
            1,
            crate::model::category::status::ALL
                .iter()
                .position(|s| *s == category)
                .unwrap_or(99),
        ),
        CategoryKind::Country | CategoryKind::Historical => (2, 0),
        CategoryKind::Stateless => (3, 0),
        CategoryKind::Other => (4, 0),
        CategoryKind::Unknown => (5, 0),
        CategoryKind::Aggregate => (6, 0),
        CategoryKind::Unplaced => (7, 0),
    };
    let (age_rank, age_start) = match age {
        "TOTAL" | "" => (0, 0),
        "UNK" => (2, 0),
        other => (
            1,
            other
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(u32::MAX),
        ),
    };
    let name = label.split(" · ").next().unwrap_or(label).to_lowercase();
    (
        rank,
        status_order,
        name,
        age_rank,
        age_start,
        age.to_string(),
    )
}

/// Where the presenter view (`presenter.rs`) keeps, while it is on, the side panels unfolded
/// during the presentation; without it the side panels are shown as the reviewer left them.
fn folds_id() -> egui::Id {
    egui::Id::unique("migreview_presenter_folds")
}

/// Folds the side panels (the presenter view starts: every one folded) or shows them again as
/// they were (it ends: their widths never changed).
pub fn fold_side_panels(ctx: &egui::Context, fold: bool) {
    ctx.data_mut(|d| {
        if fold {
            d.insert_temp(folds_id(), std::collections::HashSet::<egui::Id>::new());
        } else {
            d.remove::<std::collections::HashSet<egui::Id>>(folds_id());
        }
    });
}

/// Whether the part `id` of a panel is folded: the presenter view is on and the trainer has not
/// unfolded it.
pub fn folded(ctx: &egui::Context, id: egui::Id) -> bool {
    ctx.data(|d| {
        d.get_temp::<std::collections::HashSet<egui::Id>>(folds_id())
            .is_some_and(|unfolded| !unfolded.contains(&id))
    })
}

/// Unfolds (or folds again) the part `id` of a panel for the rest of the presentation.
pub fn set_folded(ctx: &egui::Context, id: egui::Id, fold: bool) {
    ctx.data_mut(|d| {
        let Some(mut unfolded) = d.get_temp::<std::collections::HashSet<egui::Id>>(folds_id())
        else {
            return;
        };
        if fold {
            unfolded.remove(&id);
        } else {
            unfolded.insert(id);
        }
        d.insert_temp(folds_id(), unfolded);
    });
}

/// A resizable side panel of a view: its name, side and sizes.
pub struct SidePanel {
    pub id: &'static str,
    pub left: bool,
    pub default_size: f32,
    pub min_size: f32,
    /// The most of the window's width it takes, so that the view beside it keeps room at a
    /// projector's zoom (150 %, 200 % on 1366 pixels).
    pub max_share: f32,
}

/// The width of a folded side panel: room for its button.
const FOLDED_WIDTH: f32 = 30.0;

impl SidePanel {
    fn panel(&self, id: String) -> egui::Panel {
        if self.left {
            egui::Panel::left(id)
        } else {
            egui::Panel::right(id)
        }
    }

    /// Shows the panel; in the presenter view it is folded into a narrow strip whose button
    /// unfolds it, so the projector gives the data, the chart and the explanation the room.
    /// `None` while folded.
    pub fn show<R>(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        add_contents: impl FnOnce(&mut egui::Ui) -> R,
    ) -> Option<R> {
        let max_size = ui.available_width() * self.max_share;
        let expanded_panel = self
            .panel(self.id.to_string())
            .resizable(true)
            .default_size(self.default_size.min(max_size))
            .min_size(self.min_size.min(max_size))
            .max_size(max_size);
        let key = egui::Id::unique(self.id);
        let presenting = ui
            .ctx()
            .data(|d| d.get_temp::<std::collections::HashSet<egui::Id>>(folds_id()))
            .is_some();
        if !presenting {
            return Some(expanded_panel.show(ui, add_contents).inner);
        }
        let mut expanded = !folded(ui.ctx(), key);
        let was = expanded;
        let collapsed = self
            .panel(format!("{}_folded", self.id))
            .resizable(false)
            .exact_size(FOLDED_WIDTH);
        // The arrows point the way the panel opens or closes.
        let (open_arrow, close_arrow) = if self.left {
            ("▶", "◀")
        } else {
            ("◀", "▶")
        };
        let mut toggle = false;
        let mut shown = None;
        egui::Panel::show_switched(ui, &mut expanded, collapsed, expanded_panel, |ui, open| {
            if open {
                toggle |= ui
                    .small_button(close_arrow)
                    .on_hover_text(tr(lang, Tr::PresenterFoldPanel))
                    .clicked();
                shown = Some(add_contents(ui));
            } else {
                toggle |= ui
                    .button(open_arrow)
                    .on_hover_text(tr(lang, Tr::PresenterUnfoldPanel))
                    .clicked();
            }
        });
        if toggle {
            expanded = !was;
        }
        if expanded != was {
            set_folded(ui.ctx(), key, !expanded);
        }
        shown
    }
}
