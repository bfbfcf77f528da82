//! The claims extractor: reads one document's paragraphs once, at index time, and
//! returns who said what (statements), who claims how many were killed, injured,
//! missing or captured (casualty claims), and dated events for the timeline.
//!
//! Rival claims are never blended: every figure carries the speaker that gives it, and
//! the party whose people it counts. Reading goes paragraph by paragraph, keeping a
//! memory of speakers so that "the ministry", "it" or "the statement" resolve to the
//! source named earlier.
//!
//! Side convention: the ethnic-Armenian de facto authorities of Karabakh are their own
//! party, `karabakh` ("Artsakh", "Karabakh authorities", "ethnic Armenian
//! separatists"); "Armenian police officers from Karabakh" are `armenia` because the
//! text calls them Armenian. Scoring counts `karabakh` as `armenia`.

pub mod eval;
pub mod parties;

mod builtin;
mod casualties;
mod dates;
mod lexicon;
mod numbers;
mod statements;
mod tokens;

use std::ops::Range;

pub use parties::{Gazetteer, Party, PartyConfig};

/// One document's text as the extractor sees it.
pub struct DocText<'a> {
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
    /// paragraph only continues the previous paragraph's quotation.
    pub verb: String,
    /// The paragraph quotes the speaker's words (three words or more).
    pub direct: bool,
    /// The words: the quotation, or the reported clause.
    pub text: String,
    /// Byte range in the paragraph text: the sentence(s) holding it.
    pub excerpt: Range<usize>,
}

/// What happened to the people a figure counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Killed,
    Injured,
    Missing,
    Captured,
}

/// Who gives a figure. `party` None = outlet / witnesses / activists; `speaker` is the
/// outlet's name or "the report" for the outlet's own voice.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attribution {
    pub speaker: String,
    pub party: Option<String>,
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
    /// As written: "Armenian police officers from Karabakh", "servicemen".
    pub who: String,
    /// Party id whose people were hit.
    pub side: Option<String>,
    pub status: Status,
    pub according_to: Attribution,
    /// Event date when the text gives one.
    pub date: Option<chrono::NaiveDate>,
    pub excerpt: Range<usize>,
}

/// A sentence that states what happened on a date, for /timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub paragraph: usize,
    pub date: chrono::NaiveDate,
    pub excerpt: Range<usize>,
}

/// Runs once per document at index time. Never panics; linear in text length.
pub fn extract(doc: &DocText<'_>, gazetteer: &Gazetteer) -> Extraction {
    let outlet = Attribution {
        speaker: doc.outlet.unwrap_or("the report").to_string(),
        party: None,
    };
    let mut memory = statements::Memory::default();
    let mut out = Extraction::default();
    for (index, text) in doc.paragraphs.iter().enumerate() {
        let paragraph = index + 1;
        let tokens = tokens::tokenize(text);
        let found = statements::read_paragraph(paragraph, text, &tokens, &mut memory, gazetteer);
        let dates = dates::find_dates(text, doc.published);
        let framed = frame_mask(text.len(), &found.frames);
        let cx = casualties::ClaimContext {
            paragraph,
            text,
            tokens: &tokens,
            found: &found,
            dates: &dates,
            framed: &framed,
            outlet: &outlet,
            gazetteer,
        };
        out.claims.extend(casualties::read_claims(&cx));
        out.events
            .extend(events(paragraph, &tokens, &framed, &dates));
        out.statements.extend(found.statements);
    }
    out
}

/// Sentences with a resolved date and a word of something happening; a date outside
/// the "X said on Monday" frame is preferred.
fn events(
    paragraph: usize,
    t: &tokens::Tokens<'_>,
    framed: &[bool],
    dates: &[dates::DateMention],
) -> Vec<Event> {
    let mut happens = vec![false; t.sentences.len()];
    for tok in &t.toks {
        if tok.is_any(lexicon::EVENT_WORDS) {
            if let Some(h) = happens.get_mut(tok.sentence) {
                *h = true;
            }
        }
    }
    let mut chosen: Vec<Option<&dates::DateMention>> = vec![None; t.sentences.len()];
    for d in dates {
        let s = t.sentences.partition_point(|r| r.end <= d.range.start);
        let inside = t
            .sentences
            .get(s)
            .is_some_and(|r| d.range.start >= r.start && d.range.end <= r.end);
        let Some(slot) = chosen.get_mut(s).filter(|_| inside) else {
            continue;
        };
        let outside_frame = !framed.get(d.range.start).copied().unwrap_or(false);
        let better = slot.is_none_or(|prev| {
            outside_frame && framed.get(prev.range.start).copied().unwrap_or(false)
        });
        if better {
            *slot = Some(d);
        }
    }
    t.sentences
        .iter()
        .zip(chosen)
        .zip(happens)
        .filter_map(|((range, d), happens)| {
            let d = d.filter(|_| happens)?;
            Some(Event {
                paragraph,
                date: d.date,
                excerpt: range.clone(),
            })
        })
        .collect()
}

/// Per byte of the paragraph: whether it lies in a statement's frame.
fn frame_mask(len: usize, frames: &[Range<usize>]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for f in frames {
        if let Some(slice) = mask.get_mut(f.clone()) {
            slice.fill(true);
        }
    }
    mask
}
