//! What the engine answers: plain data, every cited item with its numbered [`Citation`].
//! Serialized as is for `--json`; the terminal and Discord renderers read the same data.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::extract::Status;

/// Where a cited item comes from: a paragraph of a source, with its verbatim words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The footnote number, from 1, the same for every item citing the same words.
    pub n: usize,
    /// Path relative to its corpus folder, or the URL it came from.
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    #[serde(serialize_with = "iso_date")]
    pub published: Option<NaiveDate>,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// The paragraph's own words: a sentence or more of it.
    pub excerpt: String,
    /// Other outlets that republished the same story: one source, not several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
}

fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub score: f32,
    pub citation: Citation,
    /// Byte ranges of the matched words within `citation.excerpt`.
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceEntry {
    pub title: String,
    pub outlet: Option<String>,
    #[serde(serialize_with = "iso_date")]
    pub published: Option<NaiveDate>,
    pub paragraphs: usize,
    pub source: String,
    pub url: Option<String>,
    /// The source's opening paragraph, so the listing can be checked too.
    pub citation: Citation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HelpEntry {
    pub command: String,
    pub usage: String,
    pub description: String,
    pub admin: bool,
}

/// Who gives a figure or says a thing; `party` is `None` for the outlet, witnesses or
/// others who are not a party.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct According {
    pub speaker: String,
    pub party: Option<String>,
    /// The words the party came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimEntry {
    pub count: Option<u64>,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    pub who: String,
    pub side: Option<String>,
    /// The words the side came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side_evidence: Option<String>,
    pub status: Status,
    pub according_to: According,
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    /// True when another source gives a different figure for the same side, status and event.
    pub disputed: bool,
    pub citation: Citation,
}

/// Claims about the same side, status and event, side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGroup {
    pub side: Option<String>,
    pub status: Status,
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    /// Indexes into `claims`.
    pub claims: Vec<usize>,
    /// How many distinct sources the claims come from: a speaker in one story counts
    /// once however often it repeats a figure, and a republished copy is its original.
    pub sources: usize,
    /// True when every source in the group gives the same figure.
    pub agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementEntry {
    pub speaker: String,
    pub party: Option<String>,
    /// The words the party came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    pub verb: String,
    pub direct: bool,
    pub text: String,
    pub citation: Citation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventEntry {
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    pub citation: Citation,
}

/// Which items of a long answer to hold: all of them (`--json`), or a page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub len: usize,
}

impl Window {
    pub const ALL: Window = Window {
        start: 0,
        len: usize::MAX,
    };

    /// The first `len` items.
    pub fn first(len: usize) -> Window {
        Window { start: 0, len }
    }

    /// The items it takes of a list of `total`.
    pub fn range(&self, total: usize) -> Range<usize> {
        let start = self.start.min(total);
        start..start.saturating_add(self.len).min(total)
    }
}

/// Which items of its whole list an answer holds (from `offset`, of `total`), and a
/// fingerprint of the whole list, so a page can tell whether the answer it belongs to
/// has changed. An answer made by hand, with the default, holds its whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    pub offset: usize,
    pub total: usize,
    pub fingerprint: u64,
    /// How many distinct sources the whole list cites; 0 when not counted.
    pub sources: usize,
}

/// How a plain-words question was read: the command and options it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadAs {
    pub command: String,
    pub options: serde_json::Map<String, serde_json::Value>,
}

/// The engine's answer to one request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "command", rename_all = "lowercase")]
pub enum Answer {
    Search {
        query: String,
        hits: Vec<SearchHit>,
        #[serde(skip)]
        shown: Shown,
    },
    Sources {
        sources: Vec<SourceEntry>,
        #[serde(skip)]
        shown: Shown,
    },
    Help {
        commands: Vec<HelpEntry>,
    },
    /// `claims` holds the window `shown` says; `groups` index the whole list.
    Casualties {
        query: Option<String>,
        claims: Vec<ClaimEntry>,
        groups: Vec<ClaimGroup>,
        /// Show the words behind each side and source, not only in JSON.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        explain: bool,
        #[serde(skip)]
        shown: Shown,
    },
    Statement {
        party: String,
        party_name: String,
        topic: Option<String>,
        statements: Vec<StatementEntry>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        explain: bool,
        #[serde(skip)]
        shown: Shown,
    },
    Timeline {
        query: Option<String>,
        events: Vec<EventEntry>,
        #[serde(skip)]
        shown: Shown,
    },
    /// A question in plain words, answered as the command it was read as. In JSON the
    /// fields of that command's answer follow `read_as` (`claims`, `statements`, `events`
    /// or `hits`).
    Ask {
        question: String,
        read_as: ReadAs,
        /// The reading in words: "casualties on the Azerbaijani side (killed)".
        reading: String,
        /// The command a user could type for the same answer.
        equivalent: String,
        /// Set when the index has no answer: says so plainly.
        no_answer: Option<String>,
        /// The closest things the index does have.
        suggestions: Vec<String>,
        #[serde(flatten)]
        fields: serde_json::Map<String, serde_json::Value>,
        #[serde(skip)]
        answer: Box<Answer>,
    },
}

impl Answer {
    /// The command this answers, as the table names it.
    pub fn command(&self) -> &'static str {
        match self {
            Self::Search { .. } => "search",
            Self::Sources { .. } => "sources",
            Self::Help { .. } => "help",
            Self::Casualties { .. } => "casualties",
            Self::Statement { .. } => "statement",
            Self::Timeline { .. } => "timeline",
            Self::Ask { .. } => "ask",
        }
    }

    /// Every distinct citation of the items it holds, in footnote order.
    pub fn citations(&self) -> Vec<&Citation> {
        let mut all: Vec<&Citation> = match self {
            Self::Search { hits, .. } => hits.iter().map(|h| &h.citation).collect(),
            Self::Sources { sources, .. } => sources.iter().map(|s| &s.citation).collect(),
            Self::Help { .. } => Vec::new(),
            Self::Casualties { claims, .. } => claims.iter().map(|c| &c.citation).collect(),
            Self::Statement { statements, .. } => statements.iter().map(|s| &s.citation).collect(),
            Self::Timeline { events, .. } => events.iter().map(|e| &e.citation).collect(),
            Self::Ask { answer, .. } => return answer.citations(),
        };
        all.sort_by_key(|c| c.n);
        all.dedup_by_key(|c| c.n);
        all
    }

    /// How many items it holds.
    pub fn held(&self) -> usize {
        match self {
            Self::Search { hits, .. } => hits.len(),
            Self::Sources { sources, .. } => sources.len(),
            Self::Help { commands } => commands.len(),
            Self::Casualties { claims, .. } => claims.len(),
            Self::Statement { statements, .. } => statements.len(),
            Self::Timeline { events, .. } => events.len(),
            Self::Ask { answer, .. } => answer.held(),
        }
    }

    /// Which items of the whole list it holds; `total` is never less than what it holds.
    pub fn shown(&self) -> Shown {
        let shown = match self {
            Self::Search { shown, .. }
            | Self::Sources { shown, .. }
            | Self::Casualties { shown, .. }
            | Self::Statement { shown, .. }
            | Self::Timeline { shown, .. } => *shown,
            Self::Help { .. } => Shown::default(),
            Self::Ask { answer, .. } => return answer.shown(),
        };
        Shown {
            total: shown.total.max(shown.offset + self.held()),
            ..shown
        }
    }

    /// Whether the answer holds nothing to show, on any page.
    pub fn is_empty(&self) -> bool {
        !matches!(self, Self::Help { .. }) && self.shown().total == 0
    }

    /// How many distinct sources the answer cites: on every page, the whole list's.
    pub fn source_count(&self) -> usize {
        let counted = self.shown().sources;
        if counted > 0 {
            return counted;
        }
        let mut sources: Vec<&str> = self.citations().iter().map(|c| c.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        sources.len()
    }
}
