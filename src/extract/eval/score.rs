//! The scorer. Casualty rows match one to one on paragraph, figure, status, side and
//! claimant; what does not match is classed by what differs. Statement rows match on
//! paragraph and party, for the parties the gold names.

use std::collections::{BTreeMap, BTreeSet};

use super::gold::{GoldCasualty, GoldDoc, GoldSet};
use crate::extract::{Extraction, Status};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Scores) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Nothing to find and nothing found is a perfect score.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// What is wrong with a casualty answer that matches no gold row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorClass {
    /// Right paragraph and status, another number.
    Figure,
    /// Right number, another status.
    Status,
    /// Right number and status, another side.
    Side,
    /// Right number, status and side, another claimant.
    Claimant,
    /// A gold row no answer gives.
    Missed,
    /// An answer no gold row gives.
    Extra,
}

impl ErrorClass {
    pub const ALL: [ErrorClass; 6] = [
        ErrorClass::Figure,
        ErrorClass::Status,
        ErrorClass::Side,
        ErrorClass::Claimant,
        ErrorClass::Missed,
        ErrorClass::Extra,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::Figure => "figure",
            ErrorClass::Status => "status",
            ErrorClass::Side => "side",
            ErrorClass::Claimant => "claimant",
            ErrorClass::Missed => "missed",
            ErrorClass::Extra => "extra",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub casualties: Scores,
    pub statements: Scores,
    /// Of the answers whose figure and status match a gold row: how many have its side.
    pub sides_right: usize,
    pub sides_judged: usize,
    /// Casualty errors by class.
    pub errors: BTreeMap<ErrorClass, usize>,
    /// Human-readable misses and false answers.
    pub details: Vec<String>,
}

impl Report {
    pub fn side_accuracy(&self) -> f64 {
        ratio(self.sides_right, self.sides_judged)
    }

    pub fn merge(&mut self, other: &Report) {
        self.casualties.add(other.casualties);
        self.statements.add(other.statements);
        self.sides_right += other.sides_right;
        self.sides_judged += other.sides_judged;
        for (k, v) in &other.errors {
            *self.errors.entry(*k).or_default() += v;
        }
        self.details.extend(other.details.iter().cloned());
    }
}

/// A party id as scored: lower case, letters and digits only; Karabakh's authorities count
/// as Armenia.
fn norm(id: &str) -> String {
    let n: String = id
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if n == "karabakh" { "armenia".into() } else { n }
}

/// Which side a gold row accepts.
#[derive(Debug, Clone, PartialEq)]
enum SideSpec {
    Any,
    Parties(BTreeSet<String>),
}

impl SideSpec {
    fn of(side: Option<&str>) -> Self {
        match side {
            Some("unspecified") => SideSpec::Any,
            Some(s) if !s.is_empty() => SideSpec::Parties(s.split('+').map(norm).collect()),
            _ => SideSpec::Parties(BTreeSet::new()),
        }
    }
    fn accepts(&self, side: &BTreeSet<String>) -> bool {
        match self {
            SideSpec::Any => true,
            SideSpec::Parties(p) => p == side,
        }
    }
}

/// A predicted casualty row, as scored.
struct Answer {
    paragraph: usize,
    figure: (Option<u64>, Option<u64>, Option<u64>),
    status: Status,
    side: BTreeSet<String>,
    by: Option<String>,
    shown: String,
}

/// A gold casualty row, as scored.
struct Expected<'g> {
    row: &'g GoldCasualty,
    side: SideSpec,
    by: Vec<Option<String>>,
}

impl Expected<'_> {
    fn same_figure(&self, a: &Answer) -> bool {
        self.row.paragraph == a.paragraph
            && (self.row.count, self.row.count_min, self.row.count_max) == a.figure
    }
    fn same_status(&self, a: &Answer) -> bool {
        self.row.status == Some(a.status)
    }
    fn same_side(&self, a: &Answer) -> bool {
        self.side.accepts(&a.side)
    }
    fn same_by(&self, a: &Answer) -> bool {
        self.by.contains(&a.by)
    }
    fn shown(&self) -> String {
        let r = self.row;
        format!(
            "¶{} {} {} side={} by={}",
            r.paragraph,
            figure_text((r.count, r.count_min, r.count_max)),
            r.status.map_or("?", Status::as_str),
            r.side.as_deref().unwrap_or("-"),
            r.according_to.as_deref().unwrap_or("-"),
        )
    }
}

fn figure_text(f: (Option<u64>, Option<u64>, Option<u64>)) -> String {
    match f {
        (Some(c), _, _) => c.to_string(),
        (None, Some(a), Some(b)) => format!("{a}-{b}"),
        (None, Some(a), None) => format!(">={a}"),
        (None, None, Some(b)) => format!("<={b}"),
        _ => "?".to_string(),
    }
}

/// Scores `predicted` (file name -> that document's extraction) against `gold`.
/// `is_party` tells a party id from a non-party source ("media", "unattributed").
/// Documents absent from gold don't count; a gold document with no prediction scores as
/// all misses.
pub fn score(
    gold: &GoldSet,
    predicted: &BTreeMap<String, Extraction>,
    is_party: &dyn Fn(&str) -> bool,
) -> Report {
    let mut report = Report::default();
    let empty = Extraction::default();
    let parties: BTreeSet<String> = gold.statement_parties().iter().map(|p| norm(p)).collect();
    for doc in &gold.doc {
        let extraction = predicted.get(&doc.file).unwrap_or(&empty);
        score_casualties(doc, extraction, is_party, &mut report);
        score_statements(doc, extraction, &parties, &mut report);
    }
    report
}

fn claimant(id: Option<&str>, is_party: &dyn Fn(&str) -> bool) -> Option<String> {
    id.filter(|i| is_party(i)).map(norm)
}

fn score_casualties(
    doc: &GoldDoc,
    extraction: &Extraction,
    is_party: &dyn Fn(&str) -> bool,
    report: &mut Report,
) {
    let expected: Vec<Expected<'_>> = doc
        .casualty
        .iter()
        .map(|row| {
            let mut by = vec![claimant(row.according_to.as_deref(), is_party)];
            by.extend(
                row.accept_according_to
                    .iter()
                    .map(|a| claimant(Some(a), is_party)),
            );
            Expected {
                row,
                side: SideSpec::of(row.side.as_deref()),
                by,
            }
        })
        .collect();
    let answers: Vec<Answer> = extraction
        .claims
        .iter()
        .map(|c| {
            let side: BTreeSet<String> = c.sides().map(norm).collect();
            let by = claimant(c.according_to.party.as_deref(), is_party);
            Answer {
                paragraph: c.paragraph,
                figure: (c.count, c.count_min, c.count_max),
                status: c.status,
                shown: format!(
                    "¶{} {} {} side={} by={}",
                    c.paragraph,
                    figure_text((c.count, c.count_min, c.count_max)),
                    c.status.as_str(),
                    c.side.as_deref().unwrap_or("-"),
                    c.according_to.party.as_deref().unwrap_or("-")
                ),
                side,
                by,
            }
        })
        .collect();
    for a in &answers {
        if let Some(e) = expected
            .iter()
            .find(|e| e.same_figure(a) && e.same_status(a))
        {
            report.sides_judged += 1;
            if e.same_side(a) {
                report.sides_right += 1;
            }
        }
    }
    let mut used = vec![false; expected.len()];
    let mut matched = vec![false; answers.len()];
    // Exact matches, required rows first so an optional twin does not absorb a needed one.
    for (i, a) in answers.iter().enumerate() {
        let hit = (0..expected.len())
            .filter(|&g| !used[g])
            .filter(|&g| {
                let e = &expected[g];
                e.same_figure(a) && e.same_status(a) && e.same_side(a) && e.same_by(a)
            })
            .min_by_key(|&g| expected[g].row.optional);
        if let Some(g) = hit {
            used[g] = true;
            matched[i] = true;
            if !expected[g].row.optional {
                report.casualties.tp += 1;
            }
        }
    }
    // What is left: pair each answer with the closest required row and class the error.
    let file = &doc.file;
    for (i, a) in answers.iter().enumerate().filter(|(i, _)| !matched[*i]) {
        let _ = i;
        report.casualties.fp += 1;
        let tiers: [&dyn Fn(&Expected<'_>) -> bool; 4] = [
            &|e| e.same_figure(a) && e.same_status(a) && e.same_side(a),
            &|e| e.same_figure(a) && e.same_status(a),
            &|e| e.same_figure(a),
            &|e| e.row.paragraph == a.paragraph && e.same_status(a),
        ];
        let classes = [
            ErrorClass::Claimant,
            ErrorClass::Side,
            ErrorClass::Status,
            ErrorClass::Figure,
        ];
        let paired = tiers.iter().zip(classes).find_map(|(fits, class)| {
            (0..expected.len())
                .find(|&g| !used[g] && !expected[g].row.optional && fits(&expected[g]))
                .map(|g| (g, class))
        });
        match paired {
            Some((g, class)) => {
                used[g] = true;
                report.casualties.fn_ += 1;
                *report.errors.entry(class).or_default() += 1;
                report.details.push(format!(
                    "{file}: {} error: answered {} for {}",
                    class.as_str(),
                    a.shown,
                    expected[g].shown()
                ));
            }
            None => {
                *report.errors.entry(ErrorClass::Extra).or_default() += 1;
                report
                    .details
                    .push(format!("{file}: extra casualty {}", a.shown));
            }
        }
    }
    for (g, e) in expected.iter().enumerate() {
        if !used[g] && !e.row.optional {
            report.casualties.fn_ += 1;
            *report.errors.entry(ErrorClass::Missed).or_default() += 1;
            report
                .details
                .push(format!("{file}: missed casualty {}", e.shown()));
        }
    }
}

fn score_statements(
    doc: &GoldDoc,
    extraction: &Extraction,
    parties: &BTreeSet<String>,
    report: &mut Report,
) {
    let mut gold: Vec<((usize, String), bool)> = doc
        .statement
        .iter()
        .filter_map(|s| Some(((s.paragraph, norm(s.party.as_deref()?)), s.optional)))
        .collect();
    gold.sort();
    // One row per paragraph and party: a required twin wins over an optional one.
    gold.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 &= b.1;
        }
        same
    });
    let mut predicted: Vec<(usize, String)> = extraction
        .statements
        .iter()
        .filter_map(|s| Some((s.paragraph, norm(s.party.as_deref()?))))
        .filter(|(_, p)| parties.contains(p))
        .collect();
    predicted.sort();
    predicted.dedup();
    let file = &doc.file;
    let mut used = vec![false; gold.len()];
    for p in &predicted {
        match gold.iter().position(|(k, _)| k == p) {
            Some(g) => {
                used[g] = true;
                if !gold[g].1 {
                    report.statements.tp += 1;
                }
            }
            None => {
                report.statements.fp += 1;
                report
                    .details
                    .push(format!("{file}: extra statement ¶{} {}", p.0, p.1));
            }
        }
    }
    for (g, ((paragraph, party), optional)) in gold.iter().enumerate() {
        if !used[g] && !optional {
            report.statements.fn_ += 1;
            report
                .details
                .push(format!("{file}: missed statement ¶{paragraph} {party}"));
        }
    }
}
