//! The quiz: the room marks the cells it suspects while the findings are hidden, then the
//! reveal scores each mark (a hit: a cell some finding is about; else a false alarm), lists the
//! problems missed, and gives a score per family of checks.

use crate::checks::CheckCode;
use crate::review_report::workbook::{FAMILIES, family_of};
use std::collections::HashSet;
use std::hash::Hash;

/// How a family of checks was found: findings with a marked cell, of the findings about cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyScore {
    /// The letter of the family's codes (`A` for A1–A4).
    pub family: char,
    /// The family's name in the catalogue.
    pub name_id: &'static str,
    pub found: usize,
    pub total: usize,
}

/// The result of a quiz.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuizScore {
    /// Per mark, in the order made: whether it is a cell some finding is about.
    pub marks: Vec<bool>,
    /// Findings about cells of which no cell was marked, by their place in the list.
    pub missed: Vec<usize>,
    /// Findings about cells of which a cell was marked.
    pub found: Vec<usize>,
    /// Per family of checks with findings about cells, in the catalogue's order.
    pub families: Vec<FamilyScore>,
}

impl QuizScore {
    pub fn hits(&self) -> usize {
        self.marks.iter().filter(|&&hit| hit).count()
    }

    pub fn false_alarms(&self) -> usize {
        self.marks.len() - self.hits()
    }
}

/// Scores the marks against the findings: each finding with its check and the cells it is
/// about (a finding about no cell — a missing year, a whole table — cannot be marked and is
/// left out).
pub fn score<K: Eq + Hash>(findings: &[(CheckCode, Vec<K>)], marks: &[K]) -> QuizScore {
    let marked: HashSet<&K> = marks.iter().collect();
    let about: HashSet<&K> = findings.iter().flat_map(|(_, cells)| cells).collect();
    let mut result = QuizScore {
        marks: marks.iter().map(|m| about.contains(m)).collect(),
        ..QuizScore::default()
    };
    for (i, (_, cells)) in findings.iter().enumerate() {
        if cells.is_empty() {
            continue;
        }
        if cells.iter().any(|c| marked.contains(c)) {
            result.found.push(i);
        } else {
            result.missed.push(i);
        }
    }
    for (family, name_id) in FAMILIES {
        let of_family = |i: &usize| family_of(findings[*i].0) == family;
        let found = result.found.iter().filter(|i| of_family(i)).count();
        let total = found + result.missed.iter().filter(|i| of_family(i)).count();
        if total > 0 {
            result.families.push(FamilyScore {
                family,
                name_id,
                found,
                total,
            });
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_hits_or_false_alarms_and_each_family_is_scored() {
        // Two A1 findings about cells 1 and 2, an A3 about cells 2 and 3, a C4 about cell 9,
        // and a T2 about no cell.
        let findings = vec![
            (CheckCode::A1, vec![1]),
            (CheckCode::A1, vec![2]),
            (CheckCode::A3, vec![2, 3]),
            (CheckCode::C4, vec![9]),
            (CheckCode::T2, vec![]),
        ];
        let result = score(&findings, &[2, 5, 1]);
        assert_eq!(result.marks, [true, false, true]);
        assert_eq!((result.hits(), result.false_alarms()), (2, 1));
        assert_eq!(result.found, [0, 1, 2]);
        assert_eq!(result.missed, [3]);
        assert_eq!(
            result.families,
            [
                FamilyScore {
                    family: 'A',
                    name_id: "workbook-family-sums",
                    found: 3,
                    total: 3
                },
                FamilyScore {
                    family: 'C',
                    name_id: "workbook-family-cross",
                    found: 0,
                    total: 1
                },
            ]
        );
        let none = score(&findings, &[]);
        assert_eq!(
            (none.hits(), none.false_alarms(), none.missed.len()),
            (0, 0, 4)
        );
    }
}
