//! The duration-of-stay criterion of each reporter, direction and year, and its correction
//! factor (`docs/domain.md#duration-of-stay`).

use super::settings::{DEFAULT_MONTHS, FlowDirection, MirrorSettings};
use serde::{Deserialize, Serialize};

/// Where the criterion of a reporter-year came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSource {
    /// The observations' `duration_months` (a column of the data rows).
    Data,
    /// The Metadata sheet of the workbook the observations come from.
    Metadata,
    /// The user's settings for this reporter.
    Settings,
    /// Neither: the 12-month default.
    Default,
}

impl RuleSource {
    /// The word of the report (`data`, `metadata`, `settings`, `default`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSource::Data => "data",
            RuleSource::Metadata => "metadata",
            RuleSource::Settings => "settings",
            RuleSource::Default => "default",
        }
    }
}

/// The criterion used for one reporter, direction and year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DurationRule {
    pub reporter: String,
    pub direction: FlowDirection,
    pub year: u16,
    /// 0 no time limit, 3, 6, 12, 60 "permanent".
    pub months: u8,
    pub source: RuleSource,
    /// The factor that expresses the reported flow on the 12-month basis.
    pub factor: f64,
}

/// Decides the criterion: the one the loaded files give (with where they give it: the data rows
/// or a Metadata sheet), else the settings', else 12 months.
pub fn rule(
    reporter: &str,
    direction: FlowDirection,
    year: u16,
    from_data: Option<(u8, RuleSource)>,
    settings: &MirrorSettings,
) -> DurationRule {
    let (months, source) = match from_data {
        Some(given) => given,
        None => match settings.duration_for(reporter, direction, year) {
            Some(months) => (months, RuleSource::Settings),
            None => (DEFAULT_MONTHS, RuleSource::Default),
        },
    };
    DurationRule {
        reporter: reporter.to_string(),
        direction,
        year,
        months,
        source,
        factor: settings.correction.factor(months as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::settings::{CorrectionSet, DurationSetting};

    #[test]
    fn data_before_settings_before_default() {
        let settings = MirrorSettings {
            durations: vec![DurationSetting {
                reporter: "AUT".into(),
                direction: None,
                from_year: None,
                to_year: Some(2006),
                months: 3,
            }],
            ..MirrorSettings::default()
        };
        let imm = FlowDirection::Immigration;
        let from_data = rule("AUT", imm, 2002, Some((60, RuleSource::Data)), &settings);
        assert_eq!((from_data.months, from_data.source), (60, RuleSource::Data));
        assert_eq!(from_data.factor, 2.26);
        let from_metadata = rule("AUT", imm, 2002, Some((6, RuleSource::Metadata)), &settings);
        assert_eq!(
            (from_metadata.months, from_metadata.source.as_str()),
            (6, "metadata")
        );
        assert_eq!(from_metadata.factor, 0.73);
        let from_settings = rule("AUT", imm, 2002, None, &settings);
        assert_eq!(
            (from_settings.months, from_settings.source),
            (3, RuleSource::Settings)
        );
        // Austria 2002: 962 immigrants from the Nordic group, 606.06 on the 12-month basis.
        assert!((962.0 * from_settings.factor - 606.06).abs() < 1e-9);
        let default = rule("AUT", imm, 2008, None, &settings);
        assert_eq!((default.months, default.source), (12, RuleSource::Default));
        assert_eq!(default.factor, 1.0);
        let poisson = MirrorSettings {
            correction: CorrectionSet::WillekensPoisson,
            ..settings
        };
        assert_eq!(rule("AUT", imm, 2002, None, &poisson).factor, 0.84);
    }
}
