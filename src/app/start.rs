//! How the window starts: the files it opens first, and what the environment asks of it (the
//! panel shown first and what it shows, the language, the theme), for scripted screenshots.

use super::MigreviewApp;
use super::command::{Command, CoverageCellRef, Panel};
use super::mirror::MirrorTab;
use crate::model::{Lang, TableId};
use std::path::PathBuf;

/// The environment variable that chooses the panel shown first (`overview`, `data`,
/// `findings`, `coverage`, `mirror`, `sources`), for scripted screenshots.
pub const START_PANEL_ENV: &str = "MIGREVIEW_START_PANEL";
/// The environment variable that chooses what the start panel shows once the data are loaded:
/// in Findings a check (`A1`, or `A1:AZE` for the first A1 finding about Azerbaijan); in Coverage
/// a table (`7.2`), a reporter (`TJK`) or a cell (`7.2:TJK:2017`); in Mirror a view (`scatter`,
/// `matrix`, `countries`, `series`, or `series:TJK:RUS` for the pair from TJK to RUS).
pub const START_SELECT_ENV: &str = "MIGREVIEW_START_SELECT";
/// The environment variable that chooses the language at start (`en`, `ru`).
pub const LANG_ENV: &str = "MIGREVIEW_LANG";
/// The environment variable that chooses the theme at start (`light`, `dark`).
pub const THEME_ENV: &str = "MIGREVIEW_THEME";

/// What the environment asks of the window at start; `None` where it asks nothing (or nothing
/// understood: a warning is logged).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartOptions {
    /// The panel shown first ([`START_PANEL_ENV`]).
    pub panel: Option<Panel>,
    /// What the start panel shows once the data are loaded ([`START_SELECT_ENV`]).
    pub select: Option<String>,
    /// Dark or light ([`THEME_ENV`]).
    pub dark: Option<bool>,
    /// The language ([`LANG_ENV`]).
    pub lang: Option<Lang>,
}

impl StartOptions {
    /// Reads [`START_PANEL_ENV`], [`START_SELECT_ENV`], [`THEME_ENV`] and [`LANG_ENV`].
    pub fn from_env() -> StartOptions {
        let var = |name: &str| std::env::var(name).ok();
        StartOptions::parse(
            var(START_PANEL_ENV),
            var(START_SELECT_ENV),
            var(THEME_ENV),
            var(LANG_ENV),
        )
    }

    /// The options from the values of the four variables, warning of those not understood.
    fn parse(
        panel: Option<String>,
        select: Option<String>,
        theme: Option<String>,
        lang: Option<String>,
    ) -> StartOptions {
        let mut options = StartOptions::default();
        if let Some(panel) = panel {
            match Panel::parse(&panel) {
                Some(panel) => options.panel = Some(panel),
                None => log::warn!(
                    "{START_PANEL_ENV}: expected overview, data, findings, coverage, mirror, sources or \
                     workshop, found {panel:?}"
                ),
            }
        }
        options.select = select.filter(|select| !select.trim().is_empty());
        if let Some(theme) = theme {
            match theme.trim() {
                "light" => options.dark = Some(false),
                "dark" => options.dark = Some(true),
                other => log::warn!("{THEME_ENV}: expected light or dark, found {other:?}"),
            }
        }
        if let Some(lang) = lang {
            match lang.trim() {
                "en" => options.lang = Some(Lang::En),
                "ru" => options.lang = Some(Lang::Ru),
                other => log::warn!("{LANG_ENV}: expected en or ru, found {other:?}"),
            }
        }
        options
    }
}

/// What the window does first: open `files`, or the built-in sample when there are none.
pub fn first_command(files: Vec<PathBuf>) -> Command {
    if files.is_empty() {
        Command::OpenSample
    } else {
        Command::Open(files)
    }
}

impl MigreviewApp {
    /// Takes what the environment asks at start: the panel now, the selection once the data are
    /// loaded; the theme and the language over the saved settings.
    pub(super) fn take_start_options(&mut self, options: StartOptions) {
        if let Some(panel) = options.panel {
            self.panel = panel;
        }
        self.start_select = options.select;
        if let Some(dark) = options.dark {
            self.settings.dark = dark;
        }
        if let Some(lang) = options.lang {
            self.settings.lang = lang;
        }
    }

    /// Selects what [`START_SELECT_ENV`] asks for in the start panel.
    pub(super) fn apply_start_select(&mut self, select: &str) {
        let parts: Vec<&str> = select.split(':').map(str::trim).collect();
        let understood = match (self.panel, parts.as_slice()) {
            (Panel::Findings, [check, rest @ ..]) => {
                let reporter = rest.first().copied();
                let found = self.session.findings().iter().position(|f| {
                    f.check.as_str().eq_ignore_ascii_case(check)
                        && reporter.is_none_or(|r| f.reporter.as_deref() == Some(r))
                });
                if let Some(i) = found {
                    self.commands.push(Command::SelectFinding(Some(i)));
                }
                found.is_some()
            }
            (Panel::Coverage, [table, reporter, year]) => {
                match (TableId::parse(table), year.parse::<u16>()) {
                    (Some(table), Ok(year)) => {
                        self.commands
                            .push(Command::SelectCoverageCell(CoverageCellRef {
                                table,
                                reporter: reporter.to_string(),
                                year,
                            }));
                        true
                    }
                    _ => false,
                }
            }
            (Panel::Coverage, [one]) => {
                let kind = match TableId::parse(one) {
                    Some(table) => crate::charts::GridKind::ByTable(table),
                    None => crate::charts::GridKind::ByReporter(one.to_uppercase()),
                };
                self.coverage_view.kind = Some(kind);
                true
            }
            (Panel::Mirror, ["series", sender, receiver]) => {
                self.commands.push(Command::SelectPair {
                    sender: sender.to_uppercase(),
                    receiver: receiver.to_uppercase(),
                });
                true
            }
            (Panel::Mirror, [view]) => match MirrorTab::parse(view) {
                Some(tab) => {
                    self.mirror_view.tab = tab;
                    true
                }
                None => false,
            },
            _ => false,
        };
        if !understood {
            log::warn!(
                "{START_SELECT_ENV}: {select:?} names nothing to show in {:?}",
                self.panel
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_options_take_what_they_understand() {
        let some = |s: &str| Some(s.to_string());
        let options = StartOptions::parse(
            some(" Mirror "),
            some("series:TJK:RUS"),
            some("dark"),
            some("ru"),
        );
        assert_eq!(
            options,
            StartOptions {
                panel: Some(Panel::Mirror),
                select: some("series:TJK:RUS"),
                dark: Some(true),
                lang: Some(Lang::Ru),
            }
        );
        let odd = StartOptions::parse(some("charts"), some("  "), some("blue"), some("fr"));
        assert_eq!(odd, StartOptions::default());
        assert_eq!(first_command(Vec::new()), Command::OpenSample);
    }
}
