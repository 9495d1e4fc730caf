//! `sample_data/README.md`, written by the generator so that it always matches the data.

use super::generate::{REPORTERS, Sample, Variant, YEARS, generate};
use crate::model::{Lang, format_count, gazetteer};

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The README of the sample folder, for the main variant `sample`.
pub fn readme(sample: &Sample) -> String {
    let main = sample.dataset().len();
    let clean = if sample.variant == Variant::Clean {
        main
    } else {
        generate(Variant::Clean).dataset().len()
    };
    let (main, clean) = (format_count(main as f64), format_count(clean as f64));
    let countries: Vec<String> = REPORTERS
        .iter()
        .map(|r| format!("{} ({r})", gazetteer().name(r, Lang::En)))
        .collect();
    let first = YEARS[0];
    let last = YEARS[YEARS.len() - 1];
    let mut out = String::new();
    out.push_str(&format!(
        "# migreview sample data\n\n\
         **{}**\n\n\
         **{}**\n\n\
         These files are invented. They imitate the migration statistics of the five countries of \
         the original UNECE review of migration statistics in CIS countries — {} — for \
         {first}–{last}, with plausible magnitudes, so that trainers can demonstrate every quality \
         problem migreview looks for, and tests can prove that each one is found. No figure here \
         is an official statistic of any country; do not quote them.\n\n",
        super::SYNTHETIC_NOTICE_EN,
        super::SYNTHETIC_NOTICE_RU,
        countries.join(", ")
    ));
    out.push_str(&format!(
        "## Files\n\n\
         | file | what it holds |\n|---|---|\n\
         | `AZE.xlsx` `KAZ.xlsx` `KGZ.xlsx` `RUS.xlsx` `TJK.xlsx` | one Clearinghouse workbook per country: sheets `Table 1.1` … `Table 7.2`, `POP`, `BIRTHS`, `DEATHS` and `Metadata`; the workbooks of Russia and Kyrgyzstan are in Russian |\n\
         | `sample_long.csv` | the same data as migreview's canonical long CSV ({main} observations), with the workbook, sheet and cell of every value |\n\
         | `planted_issues.csv` | the planted problems listed below |\n\
         | `assessments.json` | a filled-in assessment of each country's migration data sources (inventory, rubric scores with the reasons, synthetic like the data): `migreview assess scorecard --from assessments.json` |\n\
         | `assessments_ru.json` | the same assessment with the reviewer's texts in Russian |\n\
         | `clean/` | the same six data files without any planted problem ({clean} observations): every check passes |\n\n\
         `migreview sample --out DIR` writes all of them; the app opens the sample when it is started without files.\n\n"
    ));
    out.push_str(
        "## What is in a workbook\n\n\
         Every table gives men, women and both sexes for ten years. A sheet has the title in row 1 \
         (`Table 3. Long-term immigration by country of previous residence`, in Russian \
         `Таблица 3. …`), the country in row 2 (`Country: Kazakhstan`, `Страна: Российская \
         Федерация`), the synthetic-data notice in row 3, a row of merged sex blocks \
         (`Total | Men | Women`, `Всего | Мужчины | Женщины`), the header row (category heading, \
         then the years of each block), then one row per category: the total first, countries by \
         name, stateless persons, unknown, other countries. Table 3 of Kazakhstan has an `Age` \
         column: its total of all countries is also given by five-year age group. Below the data come a `Source:` line and \
         `Note:` lines. A value with a flag is written as text in its cell (`12345 b`). The \
         `Metadata` sheet gives each table's source and duration-of-stay rule in months \
         (`table,year,source,duration_months`; an empty year means every year).\n\n\
         Partners are the five countries among themselves and their main other partners, with \
         `UNK` (unknown) and `OTHER` (other countries) rows; Table 1.2 includes persons born in \
         the USSR (`SUHH`), the citizenship tables include stateless persons. The flows between \
         the five are simulated once: the receiving country's Table 3 and the sending country's \
         Table 4 describe the same flows, within a few per cent in the clean data.\n\n",
    );
    out.push_str(&format!(
        "## How the data were made\n\n\
         `src/sample/` generates everything deterministically: a small demographic model of each \
         country (population, births, deaths, flows, foreign-born and foreign-citizen stocks, \
         acquisitions of citizenship) in which every identity of the check catalogue holds \
         exactly — men + women = total, partners and statuses add up, Table 1.2 ↔ 1.1, 2.2 ↔ 2.1, \
         5.1 ↔ 3, 6.1 ↔ 4, 5.2 ↔ 5.1, 6.2 ↔ 6.1, 7.2 ↔ 7.1, the population balance within 0.5 % \
         and the foreign-citizen balance within 5 %. Year-to-year changes share one growth path \
         (with the dip of 2020) and deviations of Poisson size, drawn from a fixed splitmix64 \
         generator, so that no clean series looks like an outlier. The main variant then plants \
         the problems below.\n\n\
         To regenerate, run\n\n    cargo run --example generate_sample\n\n\
         The tests compare the committed files byte for byte with what the generator makes, so \
         do not edit them by hand: change `src/sample/` and regenerate.\n\n\
         ## Planted problems ({})\n\n\
         Each row gives the check that must find the problem and where: table, reporting country, \
         year (empty: every year) and category (empty: the finding is about a whole breakdown). \
         Checks across tables name one of them: C1 Table 1.2, C2 2.2, C3 2.1, C4 5.1 (or 6.1), \
         C5 5.2 (or 6.2), C6 7.2, P2 and D3 7.1, D1 POP, D2 2.1. M1 rows name the receiving \
         country as reporter, its Table 3 and the sending country as category; M2 rows name the \
         country whose own figures fall short, with Table 4 for emigration (Table 3 for \
         immigration). Problems planted with a side effect list the side effect as its own row.\n\n\
         | check | table | reporter | year | category | what was done |\n\
         |---|---|---|---|---|---|\n",
        sample.planted.len()
    ));
    for issue in &sample.planted {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            issue.check,
            issue.table.map(|t| t.code()).unwrap_or(""),
            issue.reporter,
            issue
                .year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "every year".into()),
            cell(issue.category.as_deref().unwrap_or("")),
            cell(&issue.description)
        ));
    }
    out
}
