//! A file that gives a series by age but no total over ages gets the total summed from its
//! age groups, so that mirror statistics and coverage see it; where the groups do not cover
//! every age, no total is made up.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop on what they did not expect.

mod load_support;

use load_support::{all, key, load_bytes, missing, number, place};
use migreview::coverage::mirror_coverage;
use migreview::load::ImportOptions;
use migreview::model::{Missing, TableId};

const BY_AGE: &str = "table,reporter,year,sex,age,category,value\n\
3,KAZ,2019,T,0-14,RUS,10\n\
3,KAZ,2019,T,15-64,RUS,100\n\
3,KAZ,2019,T,65+,RUS,5\n\
3,KAZ,2019,T,UNK,RUS,1\n\
3,KAZ,2019,T,0-14,UZB,3\n\
3,KAZ,2019,T,15-64,UZB,:\n\
3,KAZ,2019,T,65+,UZB,2\n\
3,KAZ,2019,T,15-64,KGZ,40\n\
3,KAZ,2019,T,65+,KGZ,4\n\
4,RUS,2019,T,0-14,KAZ,12\n\
4,RUS,2019,T,15-64,KAZ,90\n\
4,RUS,2019,T,15-19,KAZ,20\n\
4,RUS,2019,T,65+,KAZ,6\n";

#[test]
fn ages_without_a_total_are_summed_to_the_total() {
    let (dataset, report) = load_bytes("ages.csv", BY_AGE.as_bytes(), &ImportOptions::default());
    // 10 + 100 + 5 + 1 (age not stated), pointing at the first group's line.
    assert_eq!(
        number(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")),
        Some(116.0)
    );
    assert_eq!(
        place(&dataset, key(TableId::T3, "KAZ", 2019, "RUS")),
        "ages.csv › line 2"
    );
    // A group not available: the total is not available, never the sum of the others.
    assert_eq!(
        missing(&dataset, key(TableId::T3, "KAZ", 2019, "UZB")),
        Some(Missing::NotAvailable)
    );
    // 15-64 and 65+ leave out the children: no total.
    assert!(all(&dataset, key(TableId::T3, "KAZ", 2019, "KGZ")).is_empty());
    // Nested groups: 15-19 inside 15-64 is not counted twice.
    assert_eq!(
        number(&dataset, key(TableId::T4, "RUS", 2019, "KAZ")),
        Some(108.0)
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.contains("3 age totals summed from the age groups")),
        "{:?}",
        report.messages
    );
    // The pair KAZ ← RUS is now reported by both sides.
    let coverage = mirror_coverage(&dataset);
    assert_eq!(coverage.both, 1, "{coverage:?}");
}
