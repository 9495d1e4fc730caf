//! The data set: observations stored as packed rows of interned codes.
#![deny(clippy::indexing_slicing)] // Labels from input decide the lookups here: `get`, never `[]`.

use super::table::TableId;
use super::value::{Missing, Sex, Value};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// An interned string. `Sym::EMPTY` is the empty string.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Sym(pub u32);

impl Sym {
    pub const EMPTY: Sym = Sym(0);

    pub fn is_empty(self) -> bool {
        self == Sym::EMPTY
    }
}

/// Strings of a data set, stored once each.
#[derive(Clone, Debug)]
pub struct Interner {
    strings: Vec<Box<str>>,
    map: HashMap<Box<str>, u32>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut interner = Interner {
            strings: Vec::new(),
            map: HashMap::new(),
        };
        interner.intern("");
        interner
    }
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(&id) = self.map.get(text) {
            return Sym(id);
        }
        let id = self.strings.len() as u32;
        let boxed: Box<str> = text.into();
        self.strings.push(boxed.clone());
        self.map.insert(boxed, id);
        Sym(id)
    }

    /// The symbol of a string already interned.
    pub fn lookup(&self, text: &str) -> Option<Sym> {
        self.map.get(text).map(|&id| Sym(id))
    }

    pub fn resolve(&self, sym: Sym) -> &str {
        self.strings.get(sym.0 as usize).map(|s| &**s).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.len() <= 1
    }

    fn heap_bytes(&self) -> usize {
        self.strings.iter().map(|s| s.len() * 2 + 48).sum::<usize>()
    }
}

/// No column: the observation comes from a line of a text file.
pub const NO_COLUMN: u16 = u16::MAX;
/// No duration-of-stay rule known.
pub const NO_DURATION: u8 = u8::MAX;

/// One observation, packed (48 bytes). Codes are interned in the data set's [`Interner`].
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Obs {
    /// The number. When `missing` is set it holds no number; for [`Missing::Unreadable`] it holds
    /// the [`Sym`] index of the cell's text (exact in an f64), read with [`Obs::unreadable_text`].
    pub value: f64,
    /// Provenance: 0-based sheet row, or 1-based line of a text file.
    pub row: u32,
    /// Reporting country (canonical code).
    pub reporter: Sym,
    /// Breakdown category (canonical code, or the label as written when it could not be placed).
    pub category: Sym,
    /// Age group (`TOTAL`, `0-4`, `85+`, `UNK`).
    pub age: Sym,
    /// Observation flag(s), e.g. `b`, `e`, `bep`, `c`.
    pub flag: Sym,
    /// Data source as written (`population register`, `census 2009`).
    pub source: Sym,
    /// Sheet name (empty for text files).
    pub sheet: Sym,
    /// Index into [`Dataset::files`].
    pub file: u16,
    /// Provenance: 0-based column, or [`NO_COLUMN`].
    pub col: u16,
    pub year: u16,
    /// Reference date of a stock within the year, `month * 32 + day`; 0 when not given.
    pub ref_date: u16,
    pub table: TableId,
    pub sex: Sex,
    /// 0 when the value is a number, else a [`Missing`] code.
    pub missing: u8,
    /// Duration-of-stay rule in months (0 none, 3, 6, 12, 60 permanent), or [`NO_DURATION`].
    pub duration: u8,
}

impl Obs {
    pub fn value(&self) -> Value {
        match Missing::from_code(self.missing) {
            Some(reason) => Value::Missing(reason),
            None => Value::Number(self.value),
        }
    }

    /// The number, if the value is one.
    pub fn number(&self) -> Option<f64> {
        if self.missing == 0 {
            Some(self.value)
        } else {
            None
        }
    }

    /// The text of a value cell that is not a number.
    pub fn unreadable_text(&self) -> Option<Sym> {
        (self.missing == Missing::Unreadable as u8).then_some(Sym(self.value as u32))
    }

    pub fn key(&self) -> ObsKey {
        ObsKey {
            table: self.table,
            reporter: self.reporter,
            year: self.year,
            sex: self.sex,
            age: self.age,
            category: self.category,
        }
    }

    pub fn duration_months(&self) -> Option<u8> {
        (self.duration != NO_DURATION).then_some(self.duration)
    }
}

/// What identifies an observation: no two observations should share one (check S2).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObsKey {
    pub table: TableId,
    pub reporter: Sym,
    pub year: u16,
    pub sex: Sex,
    pub age: Sym,
    pub category: Sym,
}

/// An input file of the data set.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The name locations give the file: the path as the user gave it (`v2019/KAZ.xlsx`), the
    /// bare file name for the embedded sample data (see `load::load_bytes_named`). Every
    /// location shares it.
    pub name: SmolStr,
    pub sha256: String,
}

/// Where a value came from, as shown to the user: `KAZ.xlsx › Table 3 › D14`,
/// `v2019/KAZ.xlsx › Table 3 › D14` or `data.csv › line 12`. `file` is the path as the user gave
/// it; a finding's identity uses only its file name ([`Location::file_name`]).
///
/// A report writes it as `file`, `sheet`, `cell` (`D14`) and `line`; the cell is held as its
/// row and column, so that a finding's location takes 56 bytes instead of 80.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(try_from = "LocationRecord")]
pub struct Location {
    pub file: SmolStr,
    pub sheet: Option<SmolStr>,
    /// The cell of a sheet or the line of a text file.
    pub at: Option<At>,
}

/// A place in a file: a cell of a sheet (0-based row and column) or a line of a text (1-based).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum At {
    Cell { row: u32, col: u16 },
    Line(u32),
}

/// Written as a report lists it: `file`, `sheet`, `cell` (`D14`) and `line`.
impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Location", 4)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("sheet", &self.sheet)?;
        s.serialize_field("cell", &self.cell())?;
        s.serialize_field("line", &self.line())?;
        s.end()
    }
}

/// A location as a report writes it, read back.
#[derive(Deserialize)]
struct LocationRecord {
    file: SmolStr,
    sheet: Option<SmolStr>,
    cell: Option<String>,
    line: Option<u32>,
}

impl TryFrom<LocationRecord> for Location {
    type Error = String;

    fn try_from(record: LocationRecord) -> Result<Location, String> {
        let at = match (record.cell, record.line) {
            (Some(cell), _) => {
                let (row, col) = parse_cell_ref(&cell).ok_or_else(|| {
                    format!("the location's cell `{cell}` is not a cell reference such as D14")
                })?;
                Some(At::Cell { row, col })
            }
            (None, line) => line.map(At::Line),
        };
        Ok(Location {
            file: record.file,
            sheet: record.sheet,
            at,
        })
    }
}

impl Location {
    /// A line of a text file.
    pub fn line_of(file: impl Into<SmolStr>, line: u32) -> Location {
        Location {
            file: file.into(),
            sheet: None,
            at: Some(At::Line(line)),
        }
    }

    /// A cell of a sheet, by 0-based row and column (a column beyond the last a sheet can
    /// have is taken as the last).
    pub fn cell_of(
        file: impl Into<SmolStr>,
        sheet: impl Into<SmolStr>,
        row: u32,
        col: usize,
    ) -> Location {
        let col = col.min(usize::from(NO_COLUMN) - 1) as u16;
        Location {
            file: file.into(),
            sheet: Some(sheet.into()),
            at: Some(At::Cell { row, col }),
        }
    }

    /// The bare file name of [`file`](Self::file) (`v2019/KAZ.xlsx` → `KAZ.xlsx`), which does
    /// not depend on how the path was typed.
    pub fn file_name(&self) -> &str {
        self.file
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(self.file.as_str())
    }

    /// The line of a text file.
    pub fn line(&self) -> Option<u32> {
        match self.at {
            Some(At::Line(line)) => Some(line),
            _ => None,
        }
    }

    /// The cell of a sheet.
    pub fn cell(&self) -> Option<CellRef> {
        match self.at {
            Some(At::Cell { row, col }) => Some(CellRef { row, col }),
            _ => None,
        }
    }

    /// The cell of a sheet as a reference: `D14`.
    pub fn cell_ref(&self) -> Option<String> {
        self.cell().map(|cell| cell.to_string())
    }
}

impl Location {
    /// Shown with the bare file name ([`Location::file_name`]), as a finding's identity uses
    /// it.
    pub fn display_with_file_name(&self) -> impl fmt::Display + '_ {
        struct Shown<'l>(&'l Location);
        impl fmt::Display for Shown<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write_to(f, self.0.file_name())
            }
        }
        Shown(self)
    }

    fn write_to(&self, f: &mut fmt::Formatter<'_>, file: &str) -> fmt::Result {
        f.write_str(file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, " › {sheet}")?;
        }
        match self.at {
            Some(At::Cell { row, col }) => write!(f, " › {}", CellRef { row, col }),
            Some(At::Line(line)) => write!(f, " › line {line}"),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f, &self.file)
    }
}

/// A spreadsheet cell by 0-based row and column, shown as its reference (`D14`): written
/// straight into its text, a report's JSON or a message, without a string of its own.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub row: u32,
    pub col: u16,
}

impl CellRef {
    /// The column's letters (`D`), at most four (a column is below 2^16), added to `out`.
    pub fn push_column(col: u16, out: &mut Vec<u8>) {
        let (letters, from) = column_letters(col);
        out.extend_from_slice(letters.get(from..).unwrap_or_default());
    }
}

/// A column's letters, filled from the last of four: the letters and where they start.
fn column_letters(col: u16) -> ([u8; 4], usize) {
    let mut letters = [0u8; 4];
    let mut n = u32::from(col) + 1;
    let mut from = 4;
    for letter in letters.iter_mut().rev() {
        if n == 0 {
            break;
        }
        *letter = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
        from -= 1;
    }
    (letters, from)
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (letters, from) = column_letters(self.col);
        let letters = letters.get(from..).unwrap_or_default();
        f.write_str(std::str::from_utf8(letters).unwrap_or_default())?;
        write!(f, "{}", u64::from(self.row) + 1)
    }
}

impl Serialize for CellRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A spreadsheet cell reference (`D14`) from 0-based row and column.
pub fn cell_ref(row: u32, col: u16) -> String {
    CellRef { row, col }.to_string()
}

/// The 0-based row and column of a cell reference (`D14` → 13, 3); `None` when it is not one.
pub fn parse_cell_ref(text: &str) -> Option<(u32, u16)> {
    let digits = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = text.split_at(digits);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) || letters.len() > 4 {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    let row: u32 = number.parse().ok()?;
    let col = u16::try_from(col - 1).ok()?;
    (row >= 1 && number.bytes().all(|b| b.is_ascii_digit())).then(|| (row - 1, col))
}

/// A label that no known code, name or variant matches; kept as written and reported.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct UnplacedLabel {
    pub label: String,
    /// What the label was meant to be: `reporter`, `category`, `table`, `sex`.
    pub role: String,
    /// Closest known names, best first (`Kyrgyzstan (KGZ)`).
    pub suggestions: Vec<String>,
    pub count: usize,
    pub first_location: Location,
}

/// A label that names a region inside a country ("Республика Коми", "Московская область"):
/// neither a country nor unplaced (`Gazetteer::classify`); kept as written and reported apart
/// from the unplaced labels, without suggestions.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SubnationalLabel {
    pub label: String,
    /// What the label was meant to be: `reporter`, `category`.
    pub role: String,
    /// Alpha-3 code of the country the region belongs to, when known.
    pub country: Option<String>,
    pub count: usize,
    pub first_location: Location,
}

/// A table of one reporter and year whose duration-of-stay rule the file's Metadata sheet set.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetadataDuration {
    /// Index into [`Dataset::files`].
    pub file: u16,
    pub table: TableId,
    pub reporter: Sym,
    pub year: u16,
}

/// Everything loaded: observations from one or more files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    obs: Vec<Obs>,
    pub strings: Interner,
    pub files: Vec<SourceFile>,
    pub unplaced: Vec<UnplacedLabel>,
    /// Labels that name regions inside a country, not countries.
    pub subnational: Vec<SubnationalLabel>,
    /// Labels the reviewer declared no country (import options `labels`): kept as written,
    /// never part of a country sum, and not reported as unplaced.
    pub not_places: std::collections::BTreeSet<String>,
    /// Where each (role, label) of `unplaced` and of `subnational` is ([`count_label`]).
    unplaced_at: LabelPositions,
    subnational_at: LabelPositions,
    /// Where the observations' duration of stay came from a Metadata sheet rather than from the
    /// data rows (the mirror statistics report the rule's source).
    pub metadata_durations: Vec<MetadataDuration>,
}

/// A new observation with its codes as text, for loaders and generators.
#[derive(Clone, Debug)]
pub struct NewObs<'a> {
    pub table: TableId,
    pub reporter: &'a str,
    pub year: u16,
    pub sex: Sex,
    pub age: &'a str,
    pub category: &'a str,
    pub value: Value,
    pub flag: &'a str,
    pub source: &'a str,
    pub duration: Option<u8>,
    pub file: u16,
    pub sheet: &'a str,
    pub row: u32,
    pub col: u16,
}

impl Dataset {
    pub fn new() -> Dataset {
        Dataset::default()
    }

    pub fn len(&self) -> usize {
        self.obs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.obs.is_empty()
    }

    pub fn obs(&self) -> &[Obs] {
        &self.obs
    }

    /// The observations, to complete after reading (a workbook's Metadata sheet sets the source
    /// and duration of the tables it lists once every sheet is read).
    pub fn obs_mut(&mut self) -> &mut [Obs] {
        &mut self.obs
    }

    pub fn get(&self, index: usize) -> Option<&Obs> {
        self.obs.get(index)
    }

    pub fn intern(&mut self, text: &str) -> Sym {
        self.strings.intern(text)
    }

    pub fn str(&self, sym: Sym) -> &str {
        self.strings.resolve(sym)
    }

    /// The symbol of a code, if any observation or file uses it.
    pub fn sym(&self, text: &str) -> Option<Sym> {
        self.strings.lookup(text)
    }

    /// Registers an input file and returns its index for [`Obs::file`].
    pub fn add_file(&mut self, file: SourceFile) -> u16 {
        self.files.push(file);
        (self.files.len() - 1) as u16
    }

    /// Appends an observation whose codes are already interned.
    pub fn push(&mut self, obs: Obs) {
        self.obs.push(obs);
    }

    pub fn reserve(&mut self, additional: usize) {
        self.obs.reserve(additional);
    }

    /// Appends an observation given as text.
    pub fn push_new(&mut self, new: NewObs<'_>) {
        let (value, missing) = match new.value {
            Value::Number(n) => (n, 0),
            Value::Missing(reason) => (f64::NAN, reason as u8),
        };
        let obs = Obs {
            value,
            row: new.row,
            reporter: self.intern(new.reporter),
            category: self.intern(new.category),
            age: self.intern(new.age),
            flag: self.intern(new.flag),
            source: self.intern(new.source),
            sheet: self.intern(new.sheet),
            file: new.file,
            col: new.col,
            year: new.year,
            ref_date: 0,
            table: new.table,
            sex: new.sex,
            missing,
            duration: new.duration.unwrap_or(NO_DURATION),
        };
        self.obs.push(obs);
    }

    /// Appends an observation whose value cell holds text that is not a number (check S3).
    pub fn push_unreadable(&mut self, new: NewObs<'_>, text: &str) {
        let text = self.intern(text);
        self.push_new(NewObs {
            value: Value::Missing(Missing::Unreadable),
            ..new
        });
        if let Some(last) = self.obs.last_mut() {
            last.value = text.0 as f64;
        }
    }

    /// Gives up spare capacity once loading is done.
    pub fn shrink_to_fit(&mut self) {
        self.obs.shrink_to_fit();
    }

    /// Removes observations from `start` on (used to undo a file that failed half-way).
    pub fn truncate(&mut self, start: usize) {
        self.obs.truncate(start);
    }

    /// Keeps the observations for which `keep` is true.
    pub fn retain(&mut self, keep: impl FnMut(&Obs) -> bool) {
        self.obs.retain(keep);
    }

    /// Where an observation came from.
    pub fn location(&self, obs: &Obs) -> Location {
        let file = self
            .files
            .get(obs.file as usize)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        if obs.col == NO_COLUMN {
            Location::line_of(file, obs.row)
        } else {
            let sheet = self.str(obs.sheet);
            Location {
                file,
                sheet: (!sheet.is_empty()).then(|| sheet.into()),
                at: Some(At::Cell {
                    row: obs.row,
                    col: obs.col,
                }),
            }
        }
    }

    /// Reporters, tables and the year range present.
    pub fn summary(&self) -> DatasetSummary {
        let mut reporters: Vec<String> = Vec::new();
        // By symbol: whether the reporter was seen.
        let mut seen_reporters = vec![false; self.strings.len()];
        let mut tables = [false; 15];
        let mut years: Option<(u16, u16)> = None;
        for obs in &self.obs {
            if let Some(seen) = seen_reporters.get_mut(obs.reporter.0 as usize)
                && !*seen
            {
                *seen = true;
                reporters.push(self.str(obs.reporter).to_string());
            }
            if let Some(seen) = tables.get_mut(obs.table as usize) {
                *seen = true;
            }
            years = Some(match years {
                None => (obs.year, obs.year),
                Some((lo, hi)) => (lo.min(obs.year), hi.max(obs.year)),
            });
        }
        reporters.sort();
        DatasetSummary {
            observations: self.obs.len(),
            reporters,
            tables: TableId::ALL
                .into_iter()
                .filter(|t| tables.get(*t as usize).copied().unwrap_or(false))
                .collect(),
            years: years.map(|(lo, hi)| [lo, hi]),
        }
    }

    /// Whether the data set is as [`Dataset::new`] made it.
    fn holds_nothing(&self) -> bool {
        self.obs.is_empty()
            && self.strings.is_empty()
            && self.files.is_empty()
            && self.unplaced.is_empty()
            && self.subnational.is_empty()
            && self.not_places.is_empty()
            && self.metadata_durations.is_empty()
    }

    /// Adds another data set's observations and files to this one.
    pub fn merge(&mut self, other: Dataset) {
        let file_offset = self.files.len() as u16;
        self.absorb(other, file_offset);
    }

    /// Adds the observations of later parts of the same files, each read on its own (a part has
    /// no files of its own; its observations name this data set's). Labels are interned in the
    /// order the parts met them, one part after the other, after this data set's, so the result
    /// is the one reading the whole in one go gives; then the observations are copied with
    /// their labels renamed, a part on each core.
    pub fn append_parts(&mut self, parts: Vec<Dataset>) {
        let mut parts = parts.into_iter();
        if self.holds_nothing()
            && let Some(first) = parts.next()
        {
            *self = first;
        }
        let mut pending: Vec<(Vec<Obs>, Vec<Sym>)> = Vec::with_capacity(parts.len());
        for mut part in parts {
            let obs = std::mem::take(&mut part.obs);
            pending.push((obs, self.absorb_labels(part, 0)));
        }
        let start = self.obs.len();
        let added: usize = pending.iter().map(|(obs, _)| obs.len()).sum();
        self.obs.reserve_exact(added);
        // Written into the room reserved, each part into its own stretch on its own core: the
        // pages of the new observations are touched first there, not all on one core. A part's
        // observations are freed once copied, so that memory holds the data set about once.
        let mut slots = Vec::with_capacity(pending.len());
        let mut rest = self.obs.spare_capacity_mut();
        for (obs, remap) in pending {
            let (slot, after) = rest.split_at_mut(obs.len());
            slots.push((std::sync::Mutex::new((slot, obs)), remap));
            rest = after;
        }
        crate::parallel::map_in_order(&slots, |(part, remap)| {
            let mut part = part
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let (slot, obs) = &mut *part;
            for (to, from) in slot.iter_mut().zip(obs.iter()) {
                to.write(renamed(from, remap, 0));
            }
            *obs = Vec::new();
        });
        // SAFETY: the `added` places after the `start` observations are within the capacity
        // reserved, and every one of them was written above: the stretches of the parts follow
        // one another from the first spare place and each holds as many places as its part has
        // observations, every one written by the loop over them (a panic there leaves the
        // length as it was).
        unsafe { self.obs.set_len(start + added) };
    }

    fn absorb(&mut self, mut other: Dataset, file_offset: u16) {
        // Into a data set that holds nothing, the other is taken as it is: its labels would be
        // interned in the same order, so every symbol, observation and list would be the
        // same, and a file of millions of observations is not copied.
        if file_offset == 0 && self.holds_nothing() {
            *self = other;
            return;
        }
        let obs = std::mem::take(&mut other.obs);
        let remap = self.absorb_labels(other, file_offset);
        self.obs
            .extend(obs.iter().map(|obs| renamed(obs, &remap, file_offset)));
    }

    /// Takes everything of `other` but its observations: its labels interned after this data
    /// set's (the symbol each of its symbols becomes, returned), its files, metadata and notes.
    fn absorb_labels(&mut self, other: Dataset, file_offset: u16) -> Vec<Sym> {
        let mut remap: Vec<Sym> = Vec::with_capacity(other.strings.len());
        for i in 0..other.strings.len() {
            remap.push(self.strings.intern(other.strings.resolve(Sym(i as u32))));
        }
        let map = |sym: Sym| remap.get(sym.0 as usize).copied().unwrap_or(Sym::EMPTY);
        self.files.extend(other.files);
        self.metadata_durations
            .extend(other.metadata_durations.iter().map(|d| MetadataDuration {
                file: d.file + file_offset,
                reporter: map(d.reporter),
                ..*d
            }));
        for label in other.unplaced {
            let (name, role, count) = (label.label.clone(), label.role.clone(), label.count);
            count_label(
                &mut self.unplaced,
                &mut self.unplaced_at,
                &name,
                &role,
                count,
                || label,
            );
        }
        for label in other.subnational {
            let (name, role, count) = (label.label.clone(), label.role.clone(), label.count);
            count_label(
                &mut self.subnational,
                &mut self.subnational_at,
                &name,
                &role,
                count,
                || label,
            );
        }
        self.not_places.extend(other.not_places);
        remap
    }

    /// Approximate heap memory held by the data set, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.obs.capacity() * std::mem::size_of::<Obs>() + self.strings.heap_bytes()
    }

    /// Records a label that could not be placed (counted once per label and role).
    pub fn note_unplaced(
        &mut self,
        label: &str,
        role: &str,
        suggestions: Vec<String>,
        location: Location,
    ) {
        count_label(
            &mut self.unplaced,
            &mut self.unplaced_at,
            label,
            role,
            1,
            || UnplacedLabel {
                label: label.to_string(),
                role: role.to_string(),
                suggestions,
                count: 1,
                first_location: location,
            },
        );
    }

    /// Records a label that names a region inside a country (counted once per label and role).
    pub fn note_subnational(
        &mut self,
        label: &str,
        role: &str,
        country: Option<&str>,
        location: Location,
    ) {
        count_label(
            &mut self.subnational,
            &mut self.subnational_at,
            label,
            role,
            1,
            || SubnationalLabel {
                label: label.to_string(),
                role: role.to_string(),
                country: country.map(str::to_string),
                count: 1,
                first_location: location,
            },
        );
    }
}

/// Positions in a list of labels, by (role, label).
type LabelPositions = std::collections::HashMap<(String, String), usize>;

/// A label recorded once per label and role, with how often it was met.
trait CountedLabel {
    fn is(&self, label: &str, role: &str) -> bool;
    fn add(&mut self, count: usize);
}

impl CountedLabel for UnplacedLabel {
    fn is(&self, label: &str, role: &str) -> bool {
        self.label == label && self.role == role
    }

    fn add(&mut self, count: usize) {
        self.count += count;
    }
}

impl CountedLabel for SubnationalLabel {
    fn is(&self, label: &str, role: &str) -> bool {
        self.label == label && self.role == role
    }

    fn add(&mut self, count: usize) {
        self.count += count;
    }
}

/// Counts `count` more of a label in its role, adding it (made by `new`) when it is not listed
/// yet. The positions index the list, so that many distinct labels stay linear; a list changed
/// behind the index's back (it is public) is searched instead.
fn count_label<T: CountedLabel>(
    list: &mut Vec<T>,
    positions: &mut LabelPositions,
    label: &str,
    role: &str,
    count: usize,
    new: impl FnOnce() -> T,
) {
    let key = (role.to_string(), label.to_string());
    let indexed = positions
        .get(&key)
        .copied()
        .filter(|&i| list.get(i).is_some_and(|l| l.is(label, role)));
    let found = match indexed {
        Some(i) => Some(i),
        // The index knows every label of the list: one it does not hold is new.
        None if positions.len() == list.len() && !positions.contains_key(&key) => None,
        None => list.iter().position(|l| l.is(label, role)),
    };
    match found.and_then(|i| list.get_mut(i).map(|l| (i, l))) {
        Some((i, existing)) => {
            existing.add(count);
            positions.insert(key, i);
        }
        None => {
            positions.insert(key, list.len());
            list.push(new());
        }
    }
}

/// The `dataset` part of the report.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DatasetSummary {
    pub observations: usize,
    pub reporters: Vec<String>,
    pub tables: Vec<TableId>,
    /// First and last year, `null` for an empty data set.
    pub years: Option<[u16; 2]>,
}

/// An observation of another data set as this one holds it: its labels renamed by `remap` (the
/// symbol each of the other's becomes), its file moved by `file_offset`.
fn renamed(obs: &Obs, remap: &[Sym], file_offset: u16) -> Obs {
    let map = |sym: Sym| remap.get(sym.0 as usize).copied().unwrap_or(Sym::EMPTY);
    let value = match obs.unreadable_text() {
        Some(text) => map(text).0 as f64,
        None => obs.value,
    };
    Obs {
        value,
        reporter: map(obs.reporter),
        category: map(obs.category),
        age: map(obs.age),
        flag: map(obs.flag),
        source: map(obs.source),
        sheet: map(obs.sheet),
        file: obs.file + file_offset,
        ..*obs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts of random observations over a few shared labels, some values unreadable text, a
    /// label or two not placed.
    fn random_parts(rng: &mut fastrand::Rng, parts: usize) -> Vec<Dataset> {
        let labels = [
            "KAZ", "UZB", "TOTAL", "0-4", "", "census", "n/a", "RUS", "Sheet 1",
        ];
        (0..parts)
            .map(|_| {
                let mut part = Dataset::new();
                for row in 0..rng.usize(0..200) {
                    let picked: Vec<&str> =
                        (0..6).map(|_| labels[rng.usize(..labels.len())]).collect();
                    let pick = |at: usize| picked[at];
                    let new = NewObs {
                        table: TableId::T1_1,
                        reporter: pick(0),
                        year: 2000,
                        sex: Sex::T,
                        age: pick(1),
                        category: pick(2),
                        value: Value::Number(row as f64),
                        flag: pick(3),
                        source: pick(4),
                        duration: None,
                        file: 0,
                        sheet: pick(5),
                        row: row as u32,
                        col: 3,
                    };
                    if rng.usize(0..7) == 0 {
                        let text = ["x", "KAZ", "see note", "…"][rng.usize(0..4)];
                        part.push_unreadable(new, text);
                    } else {
                        part.push_new(new);
                    }
                    if rng.usize(0..50) == 0 {
                        let label = labels[rng.usize(..labels.len())];
                        part.note_unplaced(label, "partner", Vec::new(), Location::default());
                    }
                }
                part
            })
            .collect()
    }

    /// Observations, labels, files and unplaced labels with their counts.
    type Contents = (Vec<Obs>, Vec<String>, usize, Vec<(String, usize)>);

    /// What a data set holds, to compare two: its observations, each label by its symbol, its
    /// files and its unplaced labels with their counts.
    fn contents(dataset: &Dataset) -> Contents {
        (
            dataset.obs.clone(),
            (0..dataset.strings.len())
                .map(|i| dataset.str(Sym(i as u32)).to_string())
                .collect(),
            dataset.files.len(),
            dataset
                .unplaced
                .iter()
                .map(|u| (u.label.clone(), u.count))
                .collect(),
        )
    }

    #[test]
    fn parts_joined_on_every_core_are_those_absorbed_one_after_the_other() {
        let mut rng = fastrand::Rng::with_seed(3);
        for round in 0..60 {
            let count = rng.usize(0..6);
            let parts = random_parts(&mut rng, count);
            // A data set that holds nothing takes its first part as it is; one that holds a
            // file (as a file being read does) renames the labels of every part.
            let mut base = Dataset::new();
            if round % 2 == 1 {
                base.add_file(SourceFile {
                    path: "flows.csv".into(),
                    name: "flows.csv".into(),
                    sha256: String::new(),
                });
            }
            let mut one_by_one = base.clone();
            for part in parts.clone() {
                one_by_one.absorb(part, 0);
            }
            let mut joined = base;
            joined.append_parts(parts);
            assert!(
                contents(&joined) == contents(&one_by_one),
                "round {round}: {:?} against {:?}",
                contents(&joined),
                contents(&one_by_one)
            );
        }
    }

    #[test]
    fn a_cell_reference_is_read_back_as_its_row_and_column() {
        assert_eq!(parse_cell_ref("D14"), Some((13, 3)));
        assert_eq!(parse_cell_ref("A1"), Some((0, 0)));
        assert_eq!(parse_cell_ref("AA10"), Some((9, 26)));
        assert_eq!(parse_cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "14", "D", "D0", "d14", "D1x", "D-1", "ABCDE1", "D 14"] {
            assert_eq!(parse_cell_ref(bad), None, "{bad:?}");
        }
        for row in [0, 1, 9, 99, 1_048_575, u32::MAX - 1] {
            for col in [0, 1, 25, 26, 51, 52, 701, 702, 16_383, u16::MAX - 1] {
                assert_eq!(parse_cell_ref(&cell_ref(row, col)), Some((row, col)));
            }
        }
    }

    /// A report writes a location's cell as its reference and reads it back.
    #[test]
    fn a_location_is_written_with_its_cell_or_line_and_read_back() {
        let cell = Location::cell_of("v2019/KAZ.xlsx", "Table 3", 13, 3);
        let line = Location::line_of("flows.csv", 12);
        let json = serde_json::to_string(&[&cell, &line]).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"file":"v2019/KAZ.xlsx","sheet":"Table 3","cell":"D14","line":null},{"file":"flows.csv","sheet":null,"cell":null,"line":12}]"#
        );
        let back: Vec<Location> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, vec![cell.clone(), line.clone()]);
        assert_eq!(cell.to_string(), "v2019/KAZ.xlsx › Table 3 › D14");
        assert_eq!(line.to_string(), "flows.csv › line 12");
        let nowhere: Location =
            serde_json::from_str(r#"{"file":"a.csv","sheet":null,"cell":null,"line":null}"#)
                .unwrap_or_else(|_| Location::line_of("wrong", 1));
        assert_eq!(nowhere.at, None);
        let error = serde_json::from_str::<Location>(
            r#"{"file":"a.xlsx","sheet":"T","cell":"14","line":null}"#,
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(
            error.contains("cell `14` is not a cell reference"),
            "{error}"
        );
    }

    #[test]
    fn an_observation_is_compact() {
        assert!(
            std::mem::size_of::<Obs>() <= 48,
            "{}",
            std::mem::size_of::<Obs>()
        );
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(13, 3), "D14");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(cell_ref(9, 27), "AB10");
        assert_eq!(cell_ref(0, 16_383), "XFD1");
        assert_eq!(cell_ref(u32::MAX - 1, u16::MAX), "CRXP4294967295");
    }

    fn sample_obs<'a>(reporter: &'a str, category: &'a str, value: Value) -> NewObs<'a> {
        NewObs {
            table: TableId::T3,
            reporter,
            year: 2010,
            sex: Sex::T,
            age: "TOTAL",
            category,
            value,
            flag: "",
            source: "",
            duration: Some(12),
            file: 0,
            sheet: "Table 3",
            row: 13,
            col: 3,
        }
    }

    #[test]
    fn missing_is_not_zero_and_merge_keeps_codes() {
        let mut a = Dataset::new();
        a.add_file(SourceFile {
            path: "KAZ.xlsx".into(),
            name: "KAZ.xlsx".into(),
            sha256: String::new(),
        });
        a.push_new(sample_obs("KAZ", "RUS", Value::Number(0.0)));
        let mut b = Dataset::new();
        b.add_file(SourceFile {
            path: "RUS.xlsx".into(),
            name: "RUS.xlsx".into(),
            sha256: String::new(),
        });
        b.push_new(sample_obs(
            "RUS",
            "KAZ",
            Value::Missing(Missing::NotAvailable),
        ));
        a.merge(b);
        assert_eq!(a.len(), 2);
        let second = a.obs()[1];
        assert_eq!(a.str(second.reporter), "RUS");
        assert_eq!(a.str(second.category), "KAZ");
        assert_eq!(second.value(), Value::Missing(Missing::NotAvailable));
        assert_eq!(a.obs()[0].value(), Value::Number(0.0));
        assert_eq!(a.location(&second).to_string(), "RUS.xlsx › Table 3 › D14");
        let summary = a.summary();
        assert_eq!(summary.reporters, vec!["KAZ", "RUS"]);
        assert_eq!(summary.years, Some([2010, 2010]));
    }

    /// A data set merged into an empty one (as a run does with its first file) is taken as it
    /// is: the same observations, labels and files as merging label by label gives.
    #[test]
    fn merging_into_nothing_gives_what_merging_label_by_label_gives() {
        let file = |name: &str| SourceFile {
            path: name.into(),
            name: name.into(),
            sha256: String::new(),
        };
        let mut part = Dataset::new();
        part.add_file(file("KAZ.xlsx"));
        part.push_new(sample_obs("KAZ", "RUS", Value::Number(4190.0)));
        part.push_new(sample_obs(
            "KAZ",
            "Kirgizzztan",
            Value::Missing(Missing::Confidential),
        ));
        let mut taken = Dataset::new();
        taken.merge(part.clone());
        // A data set that holds one empty file is not empty: the same part goes in label by label.
        let mut other = Dataset::new();
        other.merge(Dataset::new());
        other.files.push(file("empty.csv"));
        other.merge(part.clone());
        let cells = |d: &Dataset| -> Vec<(ObsKey, Value, u32, u16, u16)> {
            d.obs()
                .iter()
                .map(|o| (o.key(), o.value(), o.row, o.col, o.file))
                .collect()
        };
        assert_eq!(cells(&taken), cells(&part));
        assert_eq!(taken.files.len(), 1);
        assert_eq!(other.files.len(), 2);
        for (a, b) in taken.obs().iter().zip(other.obs()) {
            assert_eq!(taken.str(a.reporter), other.str(b.reporter));
            assert_eq!(taken.str(a.category), other.str(b.category));
            assert_eq!(a.value(), b.value());
        }
        assert_eq!(taken.unplaced.len(), other.unplaced.len());
        assert_eq!(
            taken.location(&taken.obs()[1]).to_string(),
            "KAZ.xlsx › Table 3 › D14"
        );
    }
}
