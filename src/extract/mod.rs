//! The claims extractor: reads one document's paragraphs once, at index time, and returns
//! who said what (statements), who claims how many were killed, injured, missing or
//! captured (casualty claims), and dated events for the timeline.
//!
//! It reads in stages, each in its own module:
//! 1. **tokens** — words, sentences, quotations, and each word's lexicon classes
//!    (`lexicon.toml`);
//! 2. **entities** — every name that points at a party (a state, its capital or people, a
//!    person, a news agency, a group, a place), found from the gazetteer (`knowledge/`,
//!    generated from public datasets plus `parties.toml`), from names the corpus taught
//!    (`names`) and from what the document said before (`context`);
//! 3. **roles** — for each act of saying, its speaker and the words it reports (`speech`);
//!    for each figure, the people it counts and what happened to them (`figures`), then
//!    whose people they were, who hit them and who gives the figure (`roles`);
//! 4. **records** — statements, casualty claims and events, each party carrying the words
//!    it came from.
//!
//! Rival claims are never blended: every figure carries the speaker that gives it and the
//! party whose people it counts. Where the text gives no evidence of a side, claimant or
//! speaker's party, the record says so rather than guess.
//!
//! Side convention: de facto authorities are their own party (`karabakh` for Karabakh's
//! ethnic-Armenian authorities), never the state they broke from; unnamed rebels of a
//! country are `<country>-rebels`; a figure covering several sides names them all,
//! joined by `+` (`armenia+azerbaijan`).

pub mod eval;
pub mod knowledge;
pub mod names;

mod context;
mod dates;
mod entities;
mod events;
mod figures;
mod lexicon;
mod numbers;
mod records;
mod roles;
mod speech;
mod tokens;

use std::ops::Range;

pub use entities::Voice;
pub use knowledge::{Gazetteer, Party, PartyConfig, PartyError, PartyKind};
pub use names::{LearnedName, LearnedNames};
pub use tokens::{normalize_word, strip_possessive};

/// One document's text as the extractor sees it.
pub struct DocText<'a> {
    pub title: Option<&'a str>,
    pub published: Option<chrono::NaiveDate>,
    pub outlet: Option<&'a str>,
    /// Paragraph i+1 is `paragraphs[i]`.
    pub paragraphs: &'a [String],
}

/// Everything read from one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    pub claims: Vec<CasualtyClaim>,
    pub events: Vec<Event>,
}

/// A party (or other source) saying something.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    /// 1-based.
    pub paragraph: usize,
    /// As the text names it, resolved through coreference ("the ministry" ->
    /// "Azerbaijani Defense Ministry").
    pub speaker: String,
    /// Gazetteer id, None if not a known party.
    pub party: Option<String>,
    /// Reporting verb as written ("said", "dismissed", "according to"); empty when the
    /// paragraph only continues an earlier speaker's words.
    pub verb: String,
    /// The paragraph quotes the speaker's words (three words or more).
    pub direct: bool,
    /// The words: the quotation, or the reported clause.
    pub text: String,
    /// Byte range in the paragraph text: the whole sentence(s) holding it.
    pub excerpt: Range<usize>,
    /// The words the party came from ("Azerbaijan's" before "Foreign Ministry").
    #[serde(default)]
    pub evidence: Option<String>,
}

/// What happened to the people a figure counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Killed,
    Injured,
    Missing,
    Captured,
    /// "N casualties", "killed or wounded N": both at once.
    KilledOrInjured,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Killed,
        Status::Injured,
        Status::Missing,
        Status::Captured,
        Status::KilledOrInjured,
    ];

    /// The word commands and JSON use: "killed", "killed_or_injured".
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Killed => "killed",
            Status::Injured => "injured",
            Status::Missing => "missing",
            Status::Captured => "captured",
            Status::KilledOrInjured => "killed_or_injured",
        }
    }
}

/// Who gives a figure. `party` None = the outlet's own voice, witnesses, medics, other
/// media; `speaker` is then the outlet's name or "the report".
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attribution {
    pub speaker: String,
    pub party: Option<String>,
    /// The words the party came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A figure of people killed, injured, missing or captured, as one source gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CasualtyClaim {
    pub paragraph: usize,
    /// Exact figure.
    pub count: Option<u64>,
    /// "at least N", "more than N" (N), "N to M" (N).
    pub count_min: Option<u64>,
    /// "up to N", "nearly N", "N to M" (M).
    pub count_max: Option<u64>,
    /// "about", "some", "nearly".
    #[serde(default)]
    pub approx: bool,
    /// As written: "Armenian police officers from Karabakh", "servicemen".
    pub who: String,
    /// Party id whose people were hit; several joined by `+` when the figure covers
    /// several sides; None when the text does not say.
    pub side: Option<String>,
    pub status: Status,
    pub according_to: Attribution,
    /// Event date when the text gives one.
    pub date: Option<chrono::NaiveDate>,
    pub excerpt: Range<usize>,
    /// The words the side came from.
    #[serde(default)]
    pub side_evidence: Option<String>,
}

impl CasualtyClaim {
    /// Each party of the side: one, several, or none when it is not stated.
    pub fn sides(&self) -> impl Iterator<Item = &str> {
        self.side.as_deref().into_iter().flat_map(|s| s.split('+'))
    }
}

/// A sentence that states what happened on a date, for /timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub paragraph: usize,
    pub date: chrono::NaiveDate,
    pub excerpt: Range<usize>,
}

/// Reads one document, learning from it alone the names its appositions give. Runs in
/// time linear in the text, and never panics.
pub fn extract(doc: &DocText<'_>, gazetteer: &Gazetteer) -> Extraction {
    let mut names = LearnedNames::default();
    names.learn(doc.paragraphs, gazetteer, doc.published);
    extract_with(doc, gazetteer, &names)
}

/// Reads one document with names learned from the whole corpus.
pub fn extract_with(doc: &DocText<'_>, gazetteer: &Gazetteer, names: &LearnedNames) -> Extraction {
    records::read_document(doc, gazetteer, names)
}

#[cfg(test)]
mod tests;
