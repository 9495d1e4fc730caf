//! The words on the charts, in English and Russian, from the catalogue (`assets/i18n/*/charts.ftl`).
//! Texts with values (a title naming the countries, a legend giving a range) are written with
//! `t!` where they are drawn.

use std::sync::OnceLock;

use crate::model::Lang;
use crate::t;

/// Every label a chart writes.
pub struct Texts {
    pub source: &'static str,
    pub computed_by: &'static str,
    pub year: &'static str,
    pub reporter: &'static str,
    pub table: &'static str,
    pub coverage_by_table: &'static str,
    pub coverage_by_reporter: &'static str,
    pub coverage_subtitle: &'static str,
    pub coverage_reporter_subtitle: &'static str,
    pub reported: &'static str,
    pub partly: &'static str,
    pub missing: &'static str,
    pub absent: &'static str,
    pub scatter_title: &'static str,
    pub scatter_subtitle: &'static str,
    pub emigration_axis: &'static str,
    pub immigration_axis: &'static str,
    pub corrected_note: &'static str,
    /// Said when a chart shows the reported figures although a correction would change them.
    pub reported_note: &'static str,
    pub zero_side_note: &'static str,
    pub equal_line: &'static str,
    pub small: &'static str,
    pub one_sided: &'static str,
    pub neither: &'static str,
    pub matrix_title: &'static str,
    pub matrix_subtitle: &'static str,
    pub receiver_axis: &'static str,
    pub sender_axis: &'static str,
    pub ratio_scale: &'static str,
    pub corrected_suffix: &'static str,
    pub persons: &'static str,
    pub undercount_emigration: &'static str,
    pub undercount_immigration: &'static str,
    pub undercount_subtitle: &'static str,
    pub ratio_axis: &'static str,
    pub interval: &'static str,
    pub all_years: &'static str,
    pub sex_total: &'static str,
    pub sex_men: &'static str,
    pub sex_women: &'static str,
    pub sex_unknown: &'static str,
    pub scorecard_subtitle: &'static str,
    pub scorecard_provisional: &'static str,
    pub scorecard_axis: &'static str,
    pub not_scored: &'static str,
    pub grades_heading: &'static str,
}

/// The texts of a language, read from the catalogue once.
pub fn texts(lang: Lang) -> &'static Texts {
    static TEXTS: OnceLock<[Texts; 2]> = OnceLock::new();
    let [en, ru] = TEXTS.get_or_init(|| Lang::ALL.map(Texts::read));
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

impl Texts {
    fn read(lang: Lang) -> Texts {
        Texts {
            source: t!(lang, "chart-source"),
            computed_by: t!(lang, "chart-computed-by"),
            year: t!(lang, "chart-year"),
            reporter: t!(lang, "chart-reporter"),
            table: t!(lang, "chart-table"),
            coverage_by_table: t!(lang, "chart-coverage-by-table"),
            coverage_by_reporter: t!(lang, "chart-coverage-by-reporter"),
            coverage_subtitle: t!(lang, "chart-coverage-subtitle"),
            coverage_reporter_subtitle: t!(lang, "chart-coverage-reporter-subtitle"),
            reported: t!(lang, "chart-reported"),
            partly: t!(lang, "chart-partly"),
            missing: t!(lang, "chart-missing"),
            absent: t!(lang, "chart-absent"),
            scatter_title: t!(lang, "chart-scatter-title"),
            scatter_subtitle: t!(lang, "chart-scatter-subtitle"),
            emigration_axis: t!(lang, "chart-emigration-axis"),
            immigration_axis: t!(lang, "chart-immigration-axis"),
            corrected_note: t!(lang, "chart-corrected-note"),
            reported_note: t!(lang, "chart-reported-note"),
            zero_side_note: t!(lang, "chart-zero-side-note"),
            equal_line: t!(lang, "chart-equal-line"),
            small: t!(lang, "chart-small"),
            one_sided: t!(lang, "chart-one-sided"),
            neither: t!(lang, "chart-neither"),
            matrix_title: t!(lang, "chart-matrix-title"),
            matrix_subtitle: t!(lang, "chart-matrix-subtitle"),
            receiver_axis: t!(lang, "chart-receiver-axis"),
            sender_axis: t!(lang, "chart-sender-axis"),
            ratio_scale: t!(lang, "chart-ratio-scale"),
            corrected_suffix: t!(lang, "chart-corrected-suffix"),
            persons: t!(lang, "chart-persons"),
            undercount_emigration: t!(lang, "chart-undercount-emigration"),
            undercount_immigration: t!(lang, "chart-undercount-immigration"),
            undercount_subtitle: t!(lang, "chart-undercount-subtitle"),
            ratio_axis: t!(lang, "chart-ratio-axis"),
            interval: t!(lang, "chart-interval"),
            all_years: t!(lang, "chart-all-years"),
            sex_total: t!(lang, "chart-sex-total"),
            sex_men: t!(lang, "chart-sex-men"),
            sex_women: t!(lang, "chart-sex-women"),
            sex_unknown: t!(lang, "chart-sex-unknown"),
            scorecard_subtitle: t!(lang, "chart-scorecard-subtitle"),
            scorecard_provisional: t!(lang, "chart-scorecard-provisional"),
            scorecard_axis: t!(lang, "chart-scorecard-axis"),
            not_scored: t!(lang, "chart-not-scored"),
            grades_heading: t!(lang, "chart-grades-heading"),
        }
    }

    /// What a chart says about the duration-of-stay correction: nothing when no factor differs
    /// from 1.
    pub fn basis_note(&self, corrected: bool, basis: super::data::Basis) -> Option<&'static str> {
        match (corrected, basis) {
            (false, _) => None,
            (true, super::data::Basis::Corrected) => Some(self.corrected_note),
            (true, super::data::Basis::Reported) => Some(self.reported_note),
        }
    }

    pub fn sex(&self, sex: crate::model::Sex) -> &'static str {
        match sex {
            crate::model::Sex::T => self.sex_total,
            crate::model::Sex::M => self.sex_men,
            crate::model::Sex::F => self.sex_women,
            crate::model::Sex::U => self.sex_unknown,
        }
    }
}
