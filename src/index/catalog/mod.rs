//! The catalog beside the search files: the documents, their paragraphs and what the
//! extractor read in them, in one file laid out so that opening it reads a small header
//! and maps the rest, and an answer reads only the records it returns.
//!
//! `catalog.bin`, every integer little-endian:
//! - a header: `briefcat`, the schema version (u32), the number of sections (u32), the
//!   file's length (u64), then each section's offset and length (u64, u64);
//! - sections of fixed-size records (documents, paragraphs, statements, claims, events,
//!   parties) that point by offset and length into a heap of UTF-8 strings; arrays of u32
//!   that hold the orders answers list records in, computed at index time, with each
//!   listed record's citation number and paragraph beside it, so a page or a topic reads
//!   the list and not the records; and two small JSON sections, the head (build time, the
//!   generation's files, fingerprints) and the names the extractor learned.
//!
//! Reading never trusts the file: every offset is checked, a record out of range reads as
//! empty and a string that is not UTF-8 as "", so a damaged catalog gives poor answers,
//! never a crash. A truncated one is found at open, by the length its header records.

mod fingerprint;
mod records;
#[cfg(test)]
mod tests;
mod write;

use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

pub use fingerprint::Fingerprint;
pub use records::{ClaimRecord, Doc, EventRecord, StatementRecord};
pub use write::{Contents, encode};

use super::GenerationFile;
use crate::corpus::Meta;
pub use crate::error::index::Unreadable;
use crate::error::{Error, Result};
use crate::extract::{Extraction, LearnedName};

/// The catalog's file in a generation.
pub const FILE: &str = "catalog.bin";
/// The catalog of the versions before this layout, recognised only to be rebuilt.
pub const OLD_FILE: &str = "catalog.json";

const MAGIC: &[u8; 8] = b"briefcat";
const HEADER: usize = 24;

/// The sections, in the order the header lists them.
#[derive(Debug, Clone, Copy)]
enum Section {
    Head,
    Names,
    Strings,
    Lists,
    Documents,
    Paragraphs,
    Statements,
    Claims,
    Events,
    Parties,
    Postings,
    PostingNumbers,
    PostingParagraphs,
    Timeline,
    TimelineNumbers,
}
const SECTIONS: usize = Section::TimelineNumbers as usize + 1;

// Record sizes, in bytes. A string is (offset u32, length u32); an absent one has length
// u32::MAX. A date is days from the common era (i32), i32::MIN when there is none.
const STR: usize = 8;
const DOCUMENT: usize = 112;
const PARAGRAPH: usize = 12;
const STATEMENT: usize = 80;
const CLAIM: usize = 120;
const EVENT: usize = 48;
const PARTY: usize = 32;
const NONE_LEN: u32 = u32::MAX;
const NO_DATE: i32 = i32::MIN;
const NO_DOC: u32 = u32::MAX;

// Flag bits.
const DIRECT: u8 = 1;
const CUT_BEFORE: u8 = 2;
const CUT_AFTER: u8 = 4;
const APPROX: u8 = 8;
const HAS_COUNT: u8 = 16;
const HAS_MIN: u8 = 32;
const HAS_MAX: u8 = 64;

/// A catalog document as a build has it in memory, and as a test writes one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogDoc {
    pub source: String,
    pub meta: Meta,
    pub paragraphs: Vec<String>,
    pub extraction: Extraction,
    /// The file it was loaded from.
    pub path: Option<PathBuf>,
    /// The earlier document this one republishes (the same wire story elsewhere):
    /// answers cite the original once and name this one's outlet beside it.
    pub duplicate_of: Option<usize>,
    /// For an original: the outlets (or sources) of its republished copies, found at
    /// index time so an answer never searches for them.
    pub also_in: Vec<String>,
}

/// The small part read at open.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Head {
    built_at: DateTime<Utc>,
    /// The generation's search files and their sizes, so a missing or truncated one is
    /// found before the search library reads it.
    files: Vec<GenerationFile>,
    /// Fingerprints of the whole `/sources` list and of the whole timeline.
    sources: u64,
    timeline: u64,
    /// How many documents the timeline cites.
    timeline_sources: usize,
}

/// The version a catalog's first bytes give, when they are a catalog's at all; for the
/// JSON catalog of earlier versions, the version its first field gives.
pub fn version(first: &[u8]) -> Option<u32> {
    if first.len() >= 12 && &first[..8] == MAGIC {
        return Some(u32_at(first, 8));
    }
    let text = std::str::from_utf8(&first[..first.len().min(64)]).ok()?;
    let rest = text.strip_prefix("{\"schema_version\":")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// One generation's catalog, mapped.
#[derive(Clone)]
pub struct Catalog {
    bytes: OwnedBytes,
    sections: [Range<usize>; SECTIONS],
    head: Head,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("documents", &self.len())
            .field("paragraphs", &self.paragraph_count())
            .field("built_at", &self.head.built_at)
            .finish()
    }
}

impl Catalog {
    /// Reads the header and the head; everything else stays where it is until asked for.
    pub fn open(bytes: OwnedBytes) -> std::result::Result<Catalog, Unreadable> {
        let data = bytes.as_slice();
        let damaged = |what: &str| Err(Unreadable::Damaged(what.to_string()));
        match version(data) {
            Some(v) if v == super::SCHEMA_VERSION && data.starts_with(MAGIC) => {}
            Some(v) => return Err(Unreadable::Version(v)),
            None => return damaged("is not a catalog"),
        }
        if data.len() < HEADER || u64_at(data, 16) != data.len() as u64 {
            return damaged("is truncated");
        }
        if u32_at(data, 12) as usize != SECTIONS || data.len() < HEADER + SECTIONS * 16 {
            return damaged("has a header of another shape");
        }
        let mut sections: [Range<usize>; SECTIONS] = std::array::from_fn(|_| 0..0);
        for (i, section) in sections.iter_mut().enumerate() {
            let at = HEADER + i * 16;
            let (start, len) = (u64_at(data, at), u64_at(data, at + 8));
            let end = start
                .checked_add(len)
                .filter(|&end| end <= data.len() as u64);
            let Some(end) = end else {
                return damaged("has a section past its end");
            };
            *section = start as usize..end as usize;
        }
        let Ok(head) =
            serde_json::from_slice::<Head>(&data[sections[Section::Head as usize].clone()])
        else {
            return damaged("has an unreadable head");
        };
        Ok(Catalog {
            bytes,
            sections,
            head,
        })
    }

    /// A catalog of `documents` in memory, as a build writes it: for tests, and for a
    /// moderator's look at documents not yet indexed.
    pub fn from_documents(built_at: DateTime<Utc>, documents: &[CatalogDoc]) -> Result<Catalog> {
        let bytes = encode(&Contents {
            built_at,
            documents,
            names: &[],
            files: Vec::new(),
        })?;
        Catalog::open(OwnedBytes::new(bytes)).map_err(Error::CatalogCorrupt)
    }

    fn section(&self, section: Section) -> &[u8] {
        &self.bytes.as_slice()[self.sections[section as usize].clone()]
    }

    fn record(&self, section: Section, size: usize, i: usize) -> &[u8] {
        let bytes = self.section(section);
        i.checked_mul(size)
            .and_then(|start| bytes.get(start..start + size))
            .unwrap_or(&[])
    }

    fn count(&self, section: Section, size: usize) -> usize {
        self.section(section).len() / size
    }

    fn string(&self, record: &[u8], at: usize) -> Option<&str> {
        let (offset, len) = (u32_at(record, at), u32_at(record, at + 4));
        if len == NONE_LEN {
            return None;
        }
        let heap = self.section(Section::Strings);
        let start = offset as usize;
        let bytes = heap.get(start..start.saturating_add(len as usize))?;
        Some(std::str::from_utf8(bytes).unwrap_or(""))
    }

    fn text(&self, record: &[u8], at: usize) -> &str {
        self.string(record, at).unwrap_or("")
    }

    fn numbers(&self, section: Section, range: Range<usize>) -> Numbers<'_> {
        let bytes = self.section(section);
        let start = range.start.saturating_mul(4).min(bytes.len());
        let end = range.end.saturating_mul(4).clamp(start, bytes.len());
        Numbers(&bytes[start..end])
    }

    pub fn built_at(&self) -> DateTime<Utc> {
        self.head.built_at
    }

    pub fn files(&self) -> &[GenerationFile] {
        &self.head.files
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.count(Section::Documents, DOCUMENT)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn paragraph_count(&self) -> usize {
        self.count(Section::Paragraphs, PARAGRAPH)
    }

    pub fn document(&self, index: usize) -> Option<Doc<'_>> {
        (index < self.len()).then(|| Doc {
            catalog: self,
            index,
            record: self.record(Section::Documents, DOCUMENT, index),
        })
    }

    pub fn documents(&self) -> impl Iterator<Item = Doc<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.document(i))
    }

    /// The document of paragraph `pid` (numbered over the whole catalog from 0) and the
    /// paragraph's number in it, from 1.
    pub fn locate(&self, pid: usize) -> Option<(usize, usize)> {
        let record = self.record(Section::Paragraphs, PARAGRAPH, pid);
        let doc = self.document(u32_at(record, 8) as usize)?;
        let number = pid.checked_sub(doc.first_pid())? + 1;
        (number <= doc.paragraph_count()).then_some((doc.index, number))
    }

    /// The text of paragraph `pid`.
    pub fn paragraph(&self, pid: usize) -> &str {
        let record = self.record(Section::Paragraphs, PARAGRAPH, pid);
        self.text(record, 0)
    }

    /// Whether paragraph `pid` belongs to an original, not a republished copy.
    pub fn is_original_paragraph(&self, pid: usize) -> bool {
        let record = self.record(Section::Paragraphs, PARAGRAPH, pid);
        self.document(u32_at(record, 8) as usize)
            .is_some_and(|d| d.is_original())
    }

    pub fn statement(&self, id: usize) -> StatementRecord<'_> {
        StatementRecord {
            catalog: self,
            record: self.record(Section::Statements, STATEMENT, id),
        }
    }

    pub fn claim(&self, id: usize) -> ClaimRecord<'_> {
        ClaimRecord {
            catalog: self,
            record: self.record(Section::Claims, CLAIM, id),
        }
    }

    pub fn event(&self, id: usize) -> EventRecord<'_> {
        EventRecord {
            record: self.record(Section::Events, EVENT, id),
        }
    }

    pub fn statement_count(&self) -> usize {
        self.count(Section::Statements, STATEMENT)
    }

    pub fn claim_count(&self) -> usize {
        self.count(Section::Claims, CLAIM)
    }

    /// Every casualty claim, in corpus order.
    pub fn claims(&self) -> impl Iterator<Item = ClaimRecord<'_>> + '_ {
        (0..self.claim_count()).map(|id| self.claim(id))
    }

    /// Every party that has statements, with how many (copies included).
    pub fn parties(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        (0..self.count(Section::Parties, PARTY)).map(|i| {
            let record = self.record(Section::Parties, PARTY, i);
            (self.text(record, 0), u32_at(record, 16) as usize)
        })
    }

    /// The statements of `party` in originals, in the order an answer lists them (newest
    /// document first), with the citation number each gets in that list.
    pub fn party_statements(&self, party: &str) -> Listing<'_> {
        let parties = self.count(Section::Parties, PARTY);
        let (mut low, mut high) = (0, parties);
        while low < high {
            let middle = (low + high) / 2;
            let record = self.record(Section::Parties, PARTY, middle);
            match self.text(record, 0).cmp(party) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => {
                    let start = u32_at(record, 8) as usize;
                    let range = start..start.saturating_add(u32_at(record, 12) as usize);
                    return Listing {
                        ids: self.numbers(Section::Postings, range.clone()),
                        numbers: self.numbers(Section::PostingNumbers, range.clone()),
                        pids: self.numbers(Section::PostingParagraphs, range),
                        fingerprint: u64_at(record, 24),
                        sources: u32_at(record, 20) as usize,
                    };
                }
            }
        }
        Listing::default()
    }

    /// Every dated event of the originals in date order, as `/timeline` lists them.
    pub fn timeline(&self) -> Listing<'_> {
        let len = self.section(Section::Timeline).len() / 4;
        Listing {
            ids: self.numbers(Section::Timeline, 0..len),
            numbers: self.numbers(Section::TimelineNumbers, 0..len),
            pids: Numbers::default(),
            fingerprint: self.head.timeline,
            sources: self.head.timeline_sources,
        }
    }

    /// A fingerprint of every document's metadata, text and copies, in order.
    pub fn sources_fingerprint(&self) -> u64 {
        self.head.sources
    }

    /// The names the extractor learned over the whole corpus.
    pub fn names(&self) -> Vec<LearnedName> {
        serde_json::from_slice(self.section(Section::Names)).unwrap_or_default()
    }
}

/// u32s stored in the catalog.
#[derive(Debug, Clone, Copy, Default)]
pub struct Numbers<'a>(&'a [u8]);

impl<'a> Numbers<'a> {
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The i-th number; 0 past the end.
    pub fn get(&self, i: usize) -> usize {
        u32_at(self.0, i * 4) as usize
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + 'a {
        self.0.chunks_exact(4).map(|b| u32_at(b, 0) as usize)
    }
}

/// A list of record ids in answer order, the citation number of each in that list (and,
/// for statements, its paragraph), a fingerprint of the whole list and how many
/// documents it cites.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listing<'a> {
    pub ids: Numbers<'a>,
    pub numbers: Numbers<'a>,
    pub pids: Numbers<'a>,
    pub fingerprint: u64,
    pub sources: usize,
}

// ---- reading bytes ----

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

fn date_at(bytes: &[u8], at: usize) -> Option<NaiveDate> {
    match u32_at(bytes, at) as i32 {
        NO_DATE => None,
        days => NaiveDate::from_num_days_from_ce_opt(days),
    }
}
