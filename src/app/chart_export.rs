//! Export of the chart a panel shows, as the plotters drawing of the same data: a
//! [`ChartRequest`] names the chart and the selection (table or reporter, year, sex, correction),
//! and [`ChartRequest::render`] builds the chart data with the builders the interactive views
//! use, so the file shows what the window shows (it runs on the export thread). The buttons that
//! ask for an export are in [`super::widgets`].

use super::i18n::{Tr, tr, trf};
use crate::assess::{Assessment, scorecard};
use crate::charts::{
    self, Basis, Chart, ChartOptions, CoverageGrid, GridKind, MatrixData, PairSeries, PointLabels,
    ScatterData, ScorecardData, Target, UndercountData,
};
use crate::coverage::TableCoverage;
use crate::mirror::FlowDirection;
use crate::model::{Lang, Sex};
use crate::report::Report;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file format of an exported chart.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChartFormat {
    Png,
    Svg,
}

impl ChartFormat {
    pub const ALL: [ChartFormat; 2] = [ChartFormat::Png, ChartFormat::Svg];

    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }
}

/// Which points of an exported scatter are named: chosen beside the export buttons.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ScatterLabels {
    None,
    /// The largest discrepancies in persons outside the green band ([`PointLabels::DEFAULT`]).
    #[default]
    Largest,
    All,
}

impl ScatterLabels {
    pub const ALL: [ScatterLabels; 3] = [
        ScatterLabels::None,
        ScatterLabels::Largest,
        ScatterLabels::All,
    ];

    pub fn point_labels(self) -> PointLabels {
        match self {
            ScatterLabels::None => PointLabels::None,
            ScatterLabels::Largest => PointLabels::DEFAULT,
            ScatterLabels::All => PointLabels::All,
        }
    }

    /// The choice as the window shows it: "none", "12 largest", "all".
    pub fn text(self, lang: Lang) -> String {
        match self.point_labels() {
            PointLabels::None => tr(lang, Tr::ExportLabelsNone).to_string(),
            PointLabels::All => tr(lang, Tr::ExportLabelsAll).to_string(),
            PointLabels::Largest(n) => trf(lang, Tr::ExportLabelsLargest, &[&n.to_string()]),
        }
    }
}

/// What the export adds to the chart shown, kept in the window's memory between exports.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ExportOptions {
    pub labels: ScatterLabels,
    /// The exported discrepancy matrix writes I / E in its cells.
    #[serde(default)]
    pub matrix_values: bool,
}

impl ExportOptions {
    fn id() -> egui::Id {
        egui::Id::unique("migreview_chart_export_options")
    }

    /// The options chosen in this window (the defaults before any choice).
    pub fn load(ctx: &egui::Context) -> ExportOptions {
        ctx.data_mut(|d| d.get_persisted::<ExportOptions>(Self::id()))
            .unwrap_or_default()
    }

    pub fn store(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_persisted(Self::id(), self));
    }
}

/// A chart and the selection it is drawn for.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartRequest {
    /// Reporter × year of a table, or table × year of a reporter.
    Coverage(GridKind),
    Scatter {
        /// `None`: all years.
        year: Option<u16>,
        sex: Sex,
        basis: Basis,
        /// The points named in the export (chosen beside its export buttons).
        labels: ScatterLabels,
        /// Only the pairs of the country under review; `None`: every pair.
        country: Option<String>,
    },
    Matrix {
        year: u16,
        sex: Sex,
        basis: Basis,
        /// I / E written in each cell of the export (chosen beside its export buttons).
        values: bool,
        /// Only the country under review and its partners; `None`: every country.
        country: Option<String>,
    },
    Series {
        sender: String,
        receiver: String,
        sex: Sex,
        basis: Basis,
    },
    Undercount {
        direction: FlowDirection,
        year: u16,
        against_reference: bool,
        basis: Basis,
        /// The country under review, whose bar is marked.
        country: Option<String>,
    },
    /// The scorecard of a country's data sources (the Sources panel).
    Scorecard { country: String },
}

/// What the charts are drawn from: shared with the export thread.
#[derive(Clone, Debug)]
pub struct ChartSource {
    pub report: Arc<Report>,
    pub coverage: Arc<TableCoverage>,
    /// The assessment of the data sources, as the Sources panel shows it.
    pub assessment: Option<Arc<Assessment>>,
    /// The source line of the chart: the files, or the notice that the data are synthetic.
    pub source: String,
}

/// Chart data built from the computed results.
enum Built {
    Coverage(CoverageGrid),
    Scatter(ScatterData),
    Matrix(MatrixData),
    Series(PairSeries),
    Undercount(UndercountData),
    Scorecard(ScorecardData),
}

impl Built {
    fn chart(&self) -> Chart<'_> {
        match self {
            Built::Coverage(grid) => Chart::Coverage(grid),
            Built::Scatter(data) => Chart::Scatter(data),
            Built::Matrix(data) => Chart::Matrix(data),
            Built::Series(data) => Chart::Series(data),
            Built::Undercount(data) => Chart::Undercount(data),
            Built::Scorecard(data) => Chart::Scorecard(data),
        }
    }
}

/// The part of a file name that names the country under review: `_KAZ`; empty for every country.
fn country_part(country: Option<&str>) -> String {
    country.map_or(String::new(), |c| format!("_{}", file_part(c)))
}

/// A name for a file: letters, digits and `-` only (`7.2` → `7-2`).
use crate::charts::file_part;

fn basis_part(basis: Basis) -> &'static str {
    match basis {
        Basis::Corrected => "",
        Basis::Reported => "_reported",
    }
}

fn sex_part(sex: Sex) -> String {
    match sex {
        Sex::T => String::new(),
        other => format!("_{}", other.code().to_ascii_lowercase()),
    }
}

impl ChartRequest {
    /// The chart with the export options that apply to it (the scatter's point labels); other
    /// charts are returned as they are.
    pub fn with_export_options(self, options: ExportOptions) -> ChartRequest {
        match self {
            ChartRequest::Scatter {
                year,
                sex,
                basis,
                country,
                ..
            } => ChartRequest::Scatter {
                year,
                sex,
                basis,
                labels: options.labels,
                country,
            },
            ChartRequest::Matrix {
                year,
                sex,
                basis,
                country,
                ..
            } => ChartRequest::Matrix {
                year,
                sex,
                basis,
                values: options.matrix_values,
                country,
            },
            chart => chart,
        }
    }

    /// The points of a scatter named in the export (none on other charts).
    fn point_labels(&self) -> PointLabels {
        match self {
            ChartRequest::Scatter { labels, .. } => labels.point_labels(),
            _ => PointLabels::DEFAULT,
        }
    }

    /// A file name without extension, in the style of `migreview plot`.
    pub fn file_stem(&self) -> String {
        match self {
            ChartRequest::Coverage(GridKind::ByTable(table)) => {
                format!("coverage_table_{}", file_part(table.code()))
            }
            ChartRequest::Coverage(GridKind::ByReporter(reporter)) => {
                format!("coverage_{}", file_part(reporter))
            }
            ChartRequest::Scatter {
                year,
                sex,
                basis,
                country,
                ..
            } => format!(
                "mirror_scatter_{}{}{}{}",
                year.map_or("all_years".to_string(), |y| y.to_string()),
                country_part(country.as_deref()),
                sex_part(*sex),
                basis_part(*basis)
            ),
            ChartRequest::Matrix {
                year,
                sex,
                basis,
                country,
                ..
            } => format!(
                "discrepancy_matrix_{year}{}{}{}",
                country_part(country.as_deref()),
                sex_part(*sex),
                basis_part(*basis)
            ),
            ChartRequest::Series {
                sender,
                receiver,
                sex,
                basis,
            } => format!(
                "pair_{}_{}{}{}",
                file_part(sender),
                file_part(receiver),
                sex_part(*sex),
                basis_part(*basis)
            ),
            ChartRequest::Undercount {
                direction,
                year,
                against_reference,
                basis,
                country,
            } => format!(
                "undercount_{}_{year}{}{}{}",
                direction.as_str(),
                country_part(country.as_deref()),
                if *against_reference { "_reference" } else { "" },
                basis_part(*basis)
            ),
            ChartRequest::Scorecard { country } => format!("scorecard_{}", file_part(country)),
        }
    }

    fn build(&self, source: &ChartSource) -> Built {
        let mirror = &source.report.mirror;
        let settings = &source.report.settings.mirror;
        match self {
            ChartRequest::Coverage(GridKind::ByTable(table)) => {
                Built::Coverage(CoverageGrid::by_table(&source.coverage, *table))
            }
            ChartRequest::Coverage(GridKind::ByReporter(reporter)) => {
                Built::Coverage(CoverageGrid::by_reporter(&source.coverage, reporter))
            }
            ChartRequest::Scatter {
                year,
                sex,
                basis,
                country,
                ..
            } => Built::Scatter(
                ScatterData::build(mirror, settings, *year, *sex, *basis)
                    .of_country(mirror, country.as_deref()),
            ),
            ChartRequest::Matrix {
                year,
                sex,
                basis,
                country,
                ..
            } => Built::Matrix(
                MatrixData::build(mirror, *year, *sex, *basis).of_country(country.as_deref()),
            ),
            ChartRequest::Series {
                sender,
                receiver,
                sex,
                basis,
            } => Built::Series(PairSeries::build(mirror, sender, receiver, *sex, *basis)),
            ChartRequest::Undercount {
                direction,
                year,
                against_reference,
                basis,
                country,
            } => Built::Undercount(
                UndercountData::build(
                    mirror,
                    settings,
                    *direction,
                    *year,
                    *against_reference,
                    *basis,
                )
                .of_country(country.as_deref()),
            ),
            ChartRequest::Scorecard { country } => {
                // The scorecard the Sources panel computes, from the same assessment and settings.
                let settings = &source.report.settings.assess;
                let card = source
                    .assessment
                    .as_deref()
                    .and_then(|a| a.country(country))
                    .map(|c| scorecard(c, settings));
                Built::Scorecard(match card {
                    Some(card) => ScorecardData::build(&card, settings.grade_bands),
                    None => ScorecardData::empty(country),
                })
            }
        }
    }

    /// Draws the chart into `path` (PNG or SVG, 1600 × 1000, readable when projected).
    pub fn render(
        &self,
        source: &ChartSource,
        lang: Lang,
        path: &Path,
        format: ChartFormat,
    ) -> Result<PathBuf, String> {
        let built = self.build(source);
        let options = ChartOptions {
            lang,
            source: source.source.clone(),
            labels: self.point_labels(),
            cell_values: matches!(self, ChartRequest::Matrix { values: true, .. }),
            ..ChartOptions::default()
        };
        let target = match format {
            ChartFormat::Png => Target::Png(path),
            ChartFormat::Svg => Target::Svg(path),
        };
        charts::render(built.chart(), &options, target)
            .map(|_| path.to_path_buf())
            .map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// `path` with the extension of `format` (a save dialog may return a name without one).
pub fn with_extension(path: PathBuf, format: ChartFormat) -> PathBuf {
    let matches = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(format.extension()));
    if matches {
        path
    } else {
        let mut name = path.clone().into_os_string();
        name.push(".");
        name.push(format.extension());
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TableId;

    #[test]
    fn file_names_say_what_the_chart_shows() {
        assert_eq!(
            ChartRequest::Coverage(GridKind::ByTable(TableId::T7_2)).file_stem(),
            "coverage_table_7-2"
        );
        assert_eq!(
            ChartRequest::Scatter {
                year: None,
                sex: Sex::F,
                basis: Basis::Reported,
                labels: ScatterLabels::default(),
                country: None,
            }
            .file_stem(),
            "mirror_scatter_all_years_f_reported"
        );
        assert_eq!(
            ChartRequest::Undercount {
                direction: FlowDirection::Emigration,
                year: 2019,
                against_reference: true,
                basis: Basis::Corrected,
                country: None,
            }
            .file_stem(),
            "undercount_emigration_2019_reference"
        );
        assert_eq!(
            ChartRequest::Undercount {
                direction: FlowDirection::Immigration,
                year: 2019,
                against_reference: false,
                basis: Basis::Corrected,
                country: Some("KAZ".into()),
            }
            .file_stem(),
            "undercount_immigration_2019_KAZ"
        );
        assert_eq!(
            ChartRequest::Matrix {
                year: 2018,
                sex: Sex::M,
                basis: Basis::Reported,
                values: false,
                country: Some("TJK".into()),
            }
            .file_stem(),
            "discrepancy_matrix_2018_TJK_m_reported"
        );
        assert_eq!(
            ChartRequest::Scorecard {
                country: "KAZ".into()
            }
            .file_stem(),
            "scorecard_KAZ"
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/chart"), ChartFormat::Svg),
            PathBuf::from("/tmp/chart.svg")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/chart.PNG"), ChartFormat::Png),
            PathBuf::from("/tmp/chart.PNG")
        );
    }

    #[test]
    fn the_scatter_export_names_the_points_chosen() {
        let scatter = ChartRequest::Scatter {
            year: Some(2018),
            sex: Sex::T,
            basis: Basis::Corrected,
            labels: ScatterLabels::default(),
            country: None,
        };
        let all = ExportOptions {
            labels: ScatterLabels::All,
            matrix_values: true,
        };
        let labelled = scatter.clone().with_export_options(all);
        assert_eq!(
            labelled,
            ChartRequest::Scatter {
                year: Some(2018),
                sex: Sex::T,
                basis: Basis::Corrected,
                labels: ScatterLabels::All,
                country: None,
            }
        );
        // Choosing again replaces the options; charts without labels are left as they are.
        let none = ExportOptions {
            labels: ScatterLabels::None,
            matrix_values: false,
        };
        assert_eq!(
            labelled.clone().with_export_options(none),
            ChartRequest::Scatter {
                year: Some(2018),
                sex: Sex::T,
                basis: Basis::Corrected,
                labels: ScatterLabels::None,
                country: None,
            }
        );
        let coverage = ChartRequest::Coverage(GridKind::ByTable(crate::model::TableId::T3));
        assert_eq!(coverage.clone().with_export_options(all), coverage);
        // The matrix takes the choice of values in its cells.
        let matrix = ChartRequest::Matrix {
            year: 2018,
            sex: Sex::T,
            basis: Basis::Corrected,
            values: false,
            country: Some("KAZ".into()),
        };
        assert_eq!(
            matrix.with_export_options(all),
            ChartRequest::Matrix {
                year: 2018,
                sex: Sex::T,
                basis: Basis::Corrected,
                values: true,
                country: Some("KAZ".into()),
            }
        );
        assert_eq!(labelled.file_stem(), "mirror_scatter_2018");
        assert_eq!(labelled.point_labels(), PointLabels::All);
        assert_eq!(scatter.point_labels(), PointLabels::DEFAULT);
        assert_eq!(
            ExportOptions::default().labels.point_labels(),
            PointLabels::DEFAULT
        );
        let choices: Vec<String> = ScatterLabels::ALL
            .iter()
            .map(|c| c.text(Lang::En))
            .collect();
        assert_eq!(choices, ["none", "12 largest", "all"]);
        assert_eq!(ScatterLabels::Largest.text(Lang::Ru), "12 крупнейших");
    }
}
