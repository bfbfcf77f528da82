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

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

use super::GenerationFile;
use crate::corpus::Meta;
use crate::error::{Error, Result};
use crate::extract::{
    Attribution, CasualtyClaim, Event, Extraction, LearnedName, Statement, Status,
};
use crate::text::Excerpt;

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

/// Why a catalog cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Written by another version of the layout.
    Version(u32),
    /// What is wrong, in a few words.
    Damaged(String),
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
        Catalog::open(OwnedBytes::new(bytes))
            .map_err(|why| Error::IndexData(format!("a catalog just written: {why:?}")))
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

/// One document of the catalog.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    catalog: &'a Catalog,
    index: usize,
    record: &'a [u8],
}

impl<'a> Doc<'a> {
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn source(&self) -> &'a str {
        self.catalog.text(self.record, 0)
    }

    pub fn title(&self) -> &'a str {
        self.catalog.text(self.record, 8)
    }

    pub fn outlet(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 16)
    }

    pub fn url(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 24)
    }

    pub fn published(&self) -> Option<NaiveDate> {
        date_at(self.record, 56)
    }

    /// The file it was loaded from.
    pub fn path(&self) -> Option<&'a Path> {
        self.catalog.string(self.record, 48).map(Path::new)
    }

    /// The metadata as the corpus gave it.
    pub fn meta(&self) -> Meta {
        let owned = |s: Option<&str>| s.map(str::to_string);
        Meta {
            title: self.title().to_string(),
            published: self.published(),
            outlet: owned(self.outlet()),
            url: owned(self.url()),
            author: owned(self.catalog.string(self.record, 32)),
            language: owned(self.catalog.string(self.record, 40)),
            fetched_at: None,
        }
    }

    /// The earlier document this one republishes.
    pub fn duplicate_of(&self) -> Option<usize> {
        match u32_at(self.record, 60) {
            NO_DOC => None,
            doc => Some(doc as usize),
        }
    }

    /// Whether it is not a republished copy: copies are cited through their original.
    pub fn is_original(&self) -> bool {
        self.duplicate_of().is_none()
    }

    /// The outlets (or sources) that republished it.
    pub fn also_in(&self) -> Vec<String> {
        let (start, len) = (u32_at(self.record, 64), u32_at(self.record, 68));
        let lists = self.catalog.section(Section::Lists);
        (0..(len as usize).min(lists.len() / STR))
            .map_while(|i| {
                let at = (start as usize + i).checked_mul(STR)?;
                let entry = lists.get(at..at + STR)?;
                Some(self.catalog.text(entry, 0).to_string())
            })
            .collect()
    }

    /// The paragraph id (over the whole catalog) of its first paragraph.
    pub fn first_pid(&self) -> usize {
        (u32_at(self.record, 72) as usize).min(self.catalog.paragraph_count())
    }

    pub fn paragraph_count(&self) -> usize {
        let left = self.catalog.paragraph_count() - self.first_pid();
        (u32_at(self.record, 76) as usize).min(left)
    }

    /// Paragraph `number`, from 1.
    pub fn paragraph(&self, number: usize) -> Option<&'a str> {
        (number >= 1 && number <= self.paragraph_count())
            .then(|| self.catalog.paragraph(self.first_pid() + number - 1))
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &'a str> + 'a {
        let (catalog, first) = (self.catalog, self.first_pid());
        (first..first + self.paragraph_count()).map(move |pid| catalog.paragraph(pid))
    }

    /// The range at `at`, within the `count` records there are.
    fn range(&self, at: usize, count: usize) -> Range<usize> {
        let start = (u32_at(self.record, at) as usize).min(count);
        start
            ..start
                .saturating_add(u32_at(self.record, at + 4) as usize)
                .min(count)
    }

    pub fn statement_ids(&self) -> Range<usize> {
        self.range(80, self.catalog.statement_count())
    }

    pub fn claim_ids(&self) -> Range<usize> {
        self.range(88, self.catalog.claim_count())
    }

    pub fn event_ids(&self) -> Range<usize> {
        self.range(96, self.catalog.count(Section::Events, EVENT))
    }

    pub fn statements(&self) -> impl Iterator<Item = StatementRecord<'a>> + 'a {
        let catalog = self.catalog;
        self.statement_ids().map(move |id| catalog.statement(id))
    }

    pub fn claims(&self) -> impl Iterator<Item = ClaimRecord<'a>> + 'a {
        let catalog = self.catalog;
        self.claim_ids().map(move |id| catalog.claim(id))
    }

    pub fn events(&self) -> impl Iterator<Item = EventRecord<'a>> + 'a {
        let catalog = self.catalog;
        self.event_ids().map(move |id| catalog.event(id))
    }

    /// A fingerprint of its metadata, text and copies.
    pub fn fingerprint(&self) -> u64 {
        u64_at(self.record, 104)
    }

    /// The document as it was written.
    pub fn to_owned(&self) -> CatalogDoc {
        CatalogDoc {
            source: self.source().to_string(),
            meta: self.meta(),
            paragraphs: self.paragraphs().map(str::to_string).collect(),
            extraction: Extraction {
                statements: self.statements().map(|s| s.to_statement()).collect(),
                claims: self.claims().map(|c| c.to_claim()).collect(),
                events: self.events().map(|e| e.to_event()).collect(),
            },
            path: self.path().map(Path::to_path_buf),
            duplicate_of: self.duplicate_of(),
            also_in: self.also_in(),
        }
    }
}

/// What the citation of a record quotes, as computed at index time.
fn quote_at(record: &[u8], at: usize, flags: u8) -> Excerpt {
    Excerpt {
        range: u32_at(record, at) as usize..u32_at(record, at + 4) as usize,
        cut_before: flags & CUT_BEFORE != 0,
        cut_after: flags & CUT_AFTER != 0,
    }
}

fn range_at(record: &[u8], at: usize) -> Range<usize> {
    u32_at(record, at) as usize..u32_at(record, at + 4) as usize
}

/// A statement in the catalog.
#[derive(Clone, Copy)]
pub struct StatementRecord<'a> {
    catalog: &'a Catalog,
    record: &'a [u8],
}

impl<'a> StatementRecord<'a> {
    pub fn doc(&self) -> usize {
        u32_at(self.record, 0) as usize
    }
    pub fn paragraph(&self) -> usize {
        u32_at(self.record, 4) as usize
    }
    pub fn speaker(&self) -> &'a str {
        self.catalog.text(self.record, 8)
    }
    /// Where the speaker's words lie in the heap: equal for equal speakers.
    pub fn speaker_key(&self) -> u32 {
        u32_at(self.record, 8)
    }
    pub fn party(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 16)
    }
    /// The words its party came from.
    pub fn evidence(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 40)
    }
    pub fn verb(&self) -> &'a str {
        self.catalog.text(self.record, 24)
    }
    pub fn text(&self) -> &'a str {
        self.catalog.text(self.record, 32)
    }
    pub fn excerpt(&self) -> Range<usize> {
        range_at(self.record, 48)
    }
    pub fn direct(&self) -> bool {
        self.flags() & DIRECT != 0
    }
    fn flags(&self) -> u8 {
        self.record.get(64).copied().unwrap_or(0)
    }
    /// What its citation quotes.
    pub fn quote(&self) -> Excerpt {
        quote_at(self.record, 56, self.flags())
    }
    /// Its paragraph, numbered over the whole catalog.
    pub fn pid(&self) -> usize {
        u32_at(self.record, 68) as usize
    }
    pub fn fingerprint(&self) -> u64 {
        u64_at(self.record, 72)
    }
    pub fn to_statement(&self) -> Statement {
        Statement {
            paragraph: self.paragraph(),
            speaker: self.speaker().to_string(),
            party: self.party().map(str::to_string),
            verb: self.verb().to_string(),
            direct: self.direct(),
            text: self.text().to_string(),
            excerpt: self.excerpt(),
            evidence: self.evidence().map(str::to_string),
        }
    }
}

/// A casualty claim in the catalog.
#[derive(Clone, Copy)]
pub struct ClaimRecord<'a> {
    catalog: &'a Catalog,
    record: &'a [u8],
}

impl<'a> ClaimRecord<'a> {
    pub fn doc(&self) -> usize {
        u32_at(self.record, 0) as usize
    }
    pub fn paragraph(&self) -> usize {
        u32_at(self.record, 4) as usize
    }
    fn flags(&self) -> u8 {
        self.record.get(101).copied().unwrap_or(0)
    }
    fn figure(&self, at: usize, flag: u8) -> Option<u64> {
        (self.flags() & flag != 0).then(|| u64_at(self.record, at))
    }
    pub fn count(&self) -> Option<u64> {
        self.figure(8, HAS_COUNT)
    }
    pub fn count_min(&self) -> Option<u64> {
        self.figure(16, HAS_MIN)
    }
    pub fn count_max(&self) -> Option<u64> {
        self.figure(24, HAS_MAX)
    }
    pub fn who(&self) -> &'a str {
        self.catalog.text(self.record, 32)
    }
    pub fn side(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 40)
    }
    /// Each party of the side: one, several, or none when it is not stated.
    pub fn sides(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.side().into_iter().flat_map(|s| s.split('+'))
    }
    pub fn speaker(&self) -> &'a str {
        self.catalog.text(self.record, 48)
    }
    pub fn speaker_party(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 56)
    }
    /// The words the speaker's party came from.
    pub fn speaker_evidence(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 64)
    }
    /// The words the side came from.
    pub fn side_evidence(&self) -> Option<&'a str> {
        self.catalog.string(self.record, 72)
    }
    pub fn date(&self) -> Option<NaiveDate> {
        date_at(self.record, 80)
    }
    pub fn excerpt(&self) -> Range<usize> {
        range_at(self.record, 84)
    }
    pub fn quote(&self) -> Excerpt {
        quote_at(self.record, 92, self.flags())
    }
    pub fn status(&self) -> Status {
        let code = self.record.get(100).copied().unwrap_or(0) as usize;
        Status::ALL.get(code).copied().unwrap_or(Status::Killed)
    }
    pub fn pid(&self) -> usize {
        u32_at(self.record, 104) as usize
    }
    pub fn fingerprint(&self) -> u64 {
        u64_at(self.record, 112)
    }
    pub fn to_claim(&self) -> CasualtyClaim {
        let owned = |s: Option<&str>| s.map(str::to_string);
        CasualtyClaim {
            paragraph: self.paragraph(),
            count: self.count(),
            count_min: self.count_min(),
            count_max: self.count_max(),
            approx: self.flags() & APPROX != 0,
            who: self.who().to_string(),
            side: owned(self.side()),
            status: self.status(),
            according_to: Attribution {
                speaker: self.speaker().to_string(),
                party: owned(self.speaker_party()),
                evidence: owned(self.speaker_evidence()),
            },
            date: self.date(),
            excerpt: self.excerpt(),
            side_evidence: owned(self.side_evidence()),
        }
    }
}

/// A dated event in the catalog.
#[derive(Clone, Copy)]
pub struct EventRecord<'a> {
    record: &'a [u8],
}

impl EventRecord<'_> {
    pub fn doc(&self) -> usize {
        u32_at(self.record, 0) as usize
    }
    pub fn paragraph(&self) -> usize {
        u32_at(self.record, 4) as usize
    }
    pub fn date(&self) -> Option<NaiveDate> {
        date_at(self.record, 8)
    }
    pub fn excerpt(&self) -> Range<usize> {
        range_at(self.record, 12)
    }
    pub fn quote(&self) -> Excerpt {
        quote_at(self.record, 20, self.record.get(28).copied().unwrap_or(0))
    }
    pub fn pid(&self) -> usize {
        u32_at(self.record, 32) as usize
    }
    pub fn fingerprint(&self) -> u64 {
        u64_at(self.record, 40)
    }
    pub fn to_event(&self) -> Event {
        Event {
            paragraph: self.paragraph(),
            date: self.date().unwrap_or_default(),
            excerpt: self.excerpt(),
        }
    }
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

// ---- fingerprints ----

/// FNV-1a over what is written, with a final mix: stable across builds and restarts, so
/// a page button made before a restart still recognises its answer.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.number(text.len() as u64).bytes(text.as_bytes())
    }

    pub fn optional(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.number(1).text(text),
            None => self.number(0),
        }
    }

    pub fn number(&mut self, n: u64) -> &mut Self {
        self.bytes(&n.to_le_bytes())
    }

    pub fn finish(&self) -> u64 {
        let mut x = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
}

// ---- writing ----

/// What a build writes.
pub struct Contents<'a> {
    pub built_at: DateTime<Utc>,
    pub documents: &'a [CatalogDoc],
    pub names: &'a [LearnedName],
    pub files: Vec<GenerationFile>,
}

/// The bytes under construction: the sections and the string heap, equal strings stored
/// once.
#[derive(Default)]
struct Writer {
    sections: Vec<Vec<u8>>,
    strings: Vec<u8>,
    interned: HashMap<String, u32>,
}

fn too_large() -> Error {
    Error::IndexData("the corpus is too large for one catalog (over 4 GB of text)".into())
}

fn small(n: usize) -> Result<u32> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n != u32::MAX)
        .ok_or_else(too_large)
}

impl Writer {
    fn put(&mut self, section: Section, bytes: &[u8]) {
        self.sections[section as usize].extend_from_slice(bytes);
    }

    fn u32(&mut self, section: Section, n: u32) {
        self.put(section, &n.to_le_bytes());
    }

    fn u64(&mut self, section: Section, n: u64) {
        self.put(section, &n.to_le_bytes());
    }

    fn pad(&mut self, section: Section, n: usize) {
        self.put(section, &vec![0; n]);
    }

    fn date(&mut self, section: Section, date: Option<NaiveDate>) {
        let days = date.map_or(NO_DATE, |d| d.num_days_from_ce());
        self.put(section, &days.to_le_bytes());
    }

    fn range(&mut self, section: Section, range: &Range<usize>) -> Result<()> {
        self.u32(section, small(range.start)?);
        self.u32(section, small(range.end)?);
        Ok(())
    }

    /// Stores `text` in the heap (once, for short texts that repeat: names, parties,
    /// verbs) and writes where it is.
    fn string(&mut self, section: Section, text: Option<&str>) -> Result<()> {
        let Some(text) = text else {
            self.u32(section, 0);
            self.u32(section, NONE_LEN);
            return Ok(());
        };
        let offset = match self.interned.get(text) {
            Some(&offset) => offset,
            None => {
                let offset = small(self.strings.len())?;
                self.strings.extend_from_slice(text.as_bytes());
                small(self.strings.len())?;
                if text.len() <= 64 {
                    self.interned.insert(text.to_string(), offset);
                }
                offset
            }
        };
        self.u32(section, offset);
        self.u32(section, small(text.len())?);
        Ok(())
    }

    fn text(&mut self, section: Section, text: &str) -> Result<()> {
        self.string(section, Some(text))
    }
}

/// A record's citation: its paragraph (over the catalog) and what it quotes.
fn quote_of(document: &CatalogDoc, paragraph: usize, excerpt: &Range<usize>) -> Excerpt {
    let text = document
        .paragraphs
        .get(paragraph.wrapping_sub(1))
        .map_or("", String::as_str);
    crate::text::citable(text, excerpt.clone(), None)
}

fn quote_flags(quote: &Excerpt) -> u8 {
    let mut flags = 0;
    if quote.cut_before {
        flags |= CUT_BEFORE;
    }
    if quote.cut_after {
        flags |= CUT_AFTER;
    }
    flags
}

/// Numbers citations in list order from 1, the same words the same number: what an
/// answer listing these records shows.
fn citation_numbers<'k>(keys: impl Iterator<Item = &'k Key>) -> Vec<u32> {
    let mut seen: HashMap<(usize, usize, usize, usize), u32> = HashMap::new();
    keys.map(|key| {
        let next = seen.len() as u32 + 1;
        *seen
            .entry((key.doc, key.paragraph, key.quote.start, key.quote.end))
            .or_insert(next)
    })
    .collect()
}

/// What a record's citation number and fingerprint depend on.
struct Key {
    doc: usize,
    paragraph: usize,
    /// The paragraph over the whole catalog.
    pid: usize,
    quote: Range<usize>,
    print: u64,
}

/// The catalog's bytes.
pub fn encode(contents: &Contents) -> Result<Vec<u8>> {
    let documents = contents.documents;
    let mut w = Writer {
        sections: vec![Vec::new(); SECTIONS],
        ..Writer::default()
    };
    let mut first_pid = 0usize;
    let (mut statements, mut claims, mut events) = (0usize, 0usize, 0usize);
    let mut doc_prints = Vec::with_capacity(documents.len());
    let mut list_len = 0usize;
    // Where each record's paragraph and quote are, for the answer orders below.
    let mut statement_keys: Vec<Key> = Vec::new();
    let mut event_keys: Vec<Key> = Vec::new();
    for (index, d) in documents.iter().enumerate() {
        let meta = &d.meta;
        let mut print = Fingerprint::default();
        print
            .text(&d.source)
            .text(&meta.title)
            .optional(meta.outlet.as_deref())
            .optional(meta.url.as_deref())
            .number(meta.published.map_or(0, |p| p.num_days_from_ce() as u64));
        for p in &d.paragraphs {
            print.text(p);
        }
        for outlet in &d.also_in {
            print.text(outlet);
        }
        let doc_print = print.finish();
        doc_prints.push(doc_print);

        let s = Section::Documents;
        w.text(s, &d.source)?;
        w.text(s, &meta.title)?;
        w.string(s, meta.outlet.as_deref())?;
        w.string(s, meta.url.as_deref())?;
        w.string(s, meta.author.as_deref())?;
        w.string(s, meta.language.as_deref())?;
        let path = d.path.as_ref().map(|p| p.to_string_lossy());
        w.string(s, path.as_deref())?;
        w.date(s, meta.published);
        let duplicate = match d.duplicate_of {
            Some(doc) => small(doc)?,
            None => NO_DOC,
        };
        w.u32(s, duplicate);
        w.u32(s, small(list_len)?);
        w.u32(s, small(d.also_in.len())?);
        for outlet in &d.also_in {
            w.text(Section::Lists, outlet)?;
        }
        list_len += d.also_in.len();
        w.u32(s, small(first_pid)?);
        w.u32(s, small(d.paragraphs.len())?);
        let extraction = &d.extraction;
        for (first, count) in [
            (statements, extraction.statements.len()),
            (claims, extraction.claims.len()),
            (events, extraction.events.len()),
        ] {
            w.u32(s, small(first)?);
            w.u32(s, small(count)?);
        }
        w.u64(s, doc_print);

        let doc = small(index)?;
        for paragraph in &d.paragraphs {
            w.text(Section::Paragraphs, paragraph)?;
            w.u32(Section::Paragraphs, doc);
        }
        let pid_of = |paragraph: usize| first_pid + paragraph.max(1) - 1;

        for st in &extraction.statements {
            let s = Section::Statements;
            let quote = quote_of(d, st.paragraph, &st.excerpt);
            let mut print = Fingerprint::default();
            print
                .number(doc_print)
                .number(st.paragraph as u64)
                .text(&st.speaker)
                .optional(st.party.as_deref())
                .text(&st.verb)
                .number(u64::from(st.direct))
                .text(&st.text)
                .number(st.excerpt.start as u64)
                .number(st.excerpt.end as u64);
            let print = print.finish();
            w.u32(s, doc);
            w.u32(s, small(st.paragraph)?);
            w.text(s, &st.speaker)?;
            w.string(s, st.party.as_deref())?;
            w.text(s, &st.verb)?;
            w.text(s, &st.text)?;
            w.string(s, st.evidence.as_deref())?;
            w.range(s, &st.excerpt)?;
            w.range(s, &quote.range)?;
            let direct = if st.direct { DIRECT } else { 0 };
            w.put(s, &[direct | quote_flags(&quote), 0, 0, 0]);
            w.u32(s, small(pid_of(st.paragraph))?);
            w.u64(s, print);
            statement_keys.push(Key {
                doc: index,
                paragraph: st.paragraph,
                pid: pid_of(st.paragraph),
                quote: quote.range,
                print,
            });
        }
        for c in &extraction.claims {
            let s = Section::Claims;
            let quote = quote_of(d, c.paragraph, &c.excerpt);
            let mut print = Fingerprint::default();
            print
                .number(doc_print)
                .number(c.paragraph as u64)
                .text(&serde_json::to_string(c).unwrap_or_default());
            w.u32(s, doc);
            w.u32(s, small(c.paragraph)?);
            w.u64(s, c.count.unwrap_or(0));
            w.u64(s, c.count_min.unwrap_or(0));
            w.u64(s, c.count_max.unwrap_or(0));
            w.text(s, &c.who)?;
            w.string(s, c.side.as_deref())?;
            w.text(s, &c.according_to.speaker)?;
            w.string(s, c.according_to.party.as_deref())?;
            w.string(s, c.according_to.evidence.as_deref())?;
            w.string(s, c.side_evidence.as_deref())?;
            w.date(s, c.date);
            w.range(s, &c.excerpt)?;
            w.range(s, &quote.range)?;
            let status = Status::ALL.iter().position(|&s| s == c.status).unwrap_or(0) as u8;
            let mut flags = quote_flags(&quote);
            for (set, flag) in [
                (c.approx, APPROX),
                (c.count.is_some(), HAS_COUNT),
                (c.count_min.is_some(), HAS_MIN),
                (c.count_max.is_some(), HAS_MAX),
            ] {
                if set {
                    flags |= flag;
                }
            }
            w.put(s, &[status, flags, 0, 0]);
            w.u32(s, small(pid_of(c.paragraph))?);
            w.pad(s, 4);
            w.u64(s, print.finish());
        }
        for e in &extraction.events {
            let s = Section::Events;
            let quote = quote_of(d, e.paragraph, &e.excerpt);
            let mut print = Fingerprint::default();
            print
                .number(doc_print)
                .number(e.paragraph as u64)
                .number(e.date.num_days_from_ce() as u64)
                .number(e.excerpt.start as u64)
                .number(e.excerpt.end as u64);
            let print = print.finish();
            w.u32(s, doc);
            w.u32(s, small(e.paragraph)?);
            w.date(s, Some(e.date));
            w.range(s, &e.excerpt)?;
            w.range(s, &quote.range)?;
            w.put(s, &[quote_flags(&quote), 0, 0, 0]);
            w.u32(s, small(pid_of(e.paragraph))?);
            w.pad(s, 4);
            w.u64(s, print);
            event_keys.push(Key {
                doc: index,
                paragraph: e.paragraph,
                pid: pid_of(e.paragraph),
                quote: quote.range,
                print,
            });
        }
        first_pid += d.paragraphs.len();
        statements += extraction.statements.len();
        claims += extraction.claims.len();
        events += extraction.events.len();
    }
    small(first_pid)?;

    write_parties(&mut w, documents, &statement_keys)?;
    let (timeline, timeline_sources) = write_timeline(&mut w, documents, &event_keys)?;
    let mut sources = Fingerprint::default();
    for print in &doc_prints {
        sources.number(*print);
    }
    let head = Head {
        built_at: contents.built_at,
        files: contents.files.clone(),
        sources: sources.finish(),
        timeline,
        timeline_sources,
    };
    let head = serde_json::to_vec(&head)
        .map_err(|e| Error::IndexData(format!("cannot encode the catalog: {e}")))?;
    w.sections[Section::Head as usize] = head;
    w.sections[Section::Names as usize] = serde_json::to_vec(contents.names)
        .map_err(|e| Error::IndexData(format!("cannot encode the catalog: {e}")))?;
    w.sections[Section::Strings as usize] = std::mem::take(&mut w.strings);
    Ok(assemble(&w.sections))
}

/// Each party's statements in originals, newest document first (undated last, in corpus
/// order), with their citation numbers and a fingerprint of the list.
fn write_parties(w: &mut Writer, documents: &[CatalogDoc], keys: &[Key]) -> Result<()> {
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(documents[i].meta.published));
    let mut first = Vec::with_capacity(documents.len() + 1);
    let mut total = 0;
    for d in documents {
        first.push(total);
        total += d.extraction.statements.len();
    }
    let mut parties: std::collections::BTreeMap<&str, (Vec<usize>, usize)> = Default::default();
    for d in documents {
        for st in &d.extraction.statements {
            if let Some(party) = st.party.as_deref() {
                parties.entry(party).or_default().1 += 1;
            }
        }
    }
    for &doc in order
        .iter()
        .filter(|&&i| documents[i].duplicate_of.is_none())
    {
        for (i, st) in documents[doc].extraction.statements.iter().enumerate() {
            if let Some(party) = st.party.as_deref()
                && let Some((ids, _)) = parties.get_mut(party)
            {
                ids.push(first[doc] + i);
            }
        }
    }
    let mut at = 0usize;
    for (party, (ids, all)) in &parties {
        let numbers = citation_numbers(ids.iter().map(|&id| &keys[id]));
        let mut print = Fingerprint::default();
        for &id in ids {
            w.u32(Section::Postings, small(id)?);
            w.u32(Section::PostingParagraphs, small(keys[id].pid)?);
            print.number(keys[id].print);
        }
        for n in numbers {
            w.u32(Section::PostingNumbers, n);
        }
        w.text(Section::Parties, party)?;
        w.u32(Section::Parties, small(at)?);
        w.u32(Section::Parties, small(ids.len())?);
        w.u32(Section::Parties, small(*all)?);
        w.u32(Section::Parties, small(distinct_documents(ids, keys))?);
        w.u64(Section::Parties, print.finish());
        at += ids.len();
    }
    Ok(())
}

fn distinct_documents(ids: &[usize], keys: &[Key]) -> usize {
    let mut docs: Vec<usize> = ids.iter().map(|&id| keys[id].doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// The events of originals by date (then document, paragraph and place), the same event
/// read twice kept once; returns the list's fingerprint and how many documents it cites.
fn write_timeline(w: &mut Writer, documents: &[CatalogDoc], keys: &[Key]) -> Result<(u64, usize)> {
    let mut dated = Vec::new();
    let mut id = 0;
    for (doc, d) in documents.iter().enumerate() {
        for e in &d.extraction.events {
            if d.duplicate_of.is_none() {
                dated.push((e.date, doc, e.paragraph, e.excerpt.clone(), id));
            }
            id += 1;
        }
    }
    dated
        .sort_by_key(|(date, doc, paragraph, excerpt, _)| (*date, *doc, *paragraph, excerpt.start));
    dated.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.0 == b.0);
    let numbers = citation_numbers(dated.iter().map(|e| &keys[e.4]));
    let mut print = Fingerprint::default();
    for (.., id) in &dated {
        w.u32(Section::Timeline, small(*id)?);
        print.number(keys[*id].print);
    }
    for n in numbers {
        w.u32(Section::TimelineNumbers, n);
    }
    let ids: Vec<usize> = dated.iter().map(|e| e.4).collect();
    Ok((print.finish(), distinct_documents(&ids, keys)))
}

fn assemble(sections: &[Vec<u8>]) -> Vec<u8> {
    let body: usize = sections.iter().map(Vec::len).sum();
    let total = HEADER + SECTIONS * 16 + body;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&super::SCHEMA_VERSION.to_le_bytes());
    out.extend_from_slice(&(SECTIONS as u32).to_le_bytes());
    out.extend_from_slice(&(total as u64).to_le_bytes());
    let mut offset = HEADER + SECTIONS * 16;
    for section in sections {
        out.extend_from_slice(&(offset as u64).to_le_bytes());
        out.extend_from_slice(&(section.len() as u64).to_le_bytes());
        offset += section.len();
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Gazetteer, extract};

    fn documents() -> Vec<CatalogDoc> {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/karabakh-clash-2023-03-06.md"),
        )
        .unwrap();
        let loaded = crate::corpus::parse_markdown(&text, "karabakh.md".into()).unwrap();
        let gazetteer = Gazetteer::builtin();
        let extraction = |d: &crate::corpus::Document| {
            extract(
                &crate::extract::DocText {
                    title: Some(&d.meta.title),
                    published: d.meta.published,
                    outlet: d.meta.outlet.as_deref(),
                    paragraphs: &d.paragraphs,
                },
                &gazetteer,
            )
        };
        let first = CatalogDoc {
            source: loaded.source.clone(),
            meta: loaded.meta.clone(),
            paragraphs: loaded.paragraphs.clone(),
            extraction: extraction(&loaded),
            path: Some(PathBuf::from("corpus/karabakh.md")),
            duplicate_of: None,
            also_in: vec!["Wire B".into()],
        };
        let copy = CatalogDoc {
            source: "copy.md".into(),
            meta: Meta {
                outlet: Some("Wire B".into()),
                author: Some("A. Writer".into()),
                ..loaded.meta.clone()
            },
            path: None,
            duplicate_of: Some(0),
            also_in: Vec::new(),
            ..first.clone()
        };
        vec![first, copy]
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let docs = documents();
        assert!(!docs[0].extraction.statements.is_empty());
        assert!(!docs[0].extraction.claims.is_empty());
        let catalog = Catalog::from_documents(Utc::now(), &docs).unwrap();
        assert_eq!(catalog.len(), 2);
        assert_eq!(catalog.paragraph_count(), 2 * docs[0].paragraphs.len());
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(&catalog.document(i).unwrap().to_owned(), doc);
        }
        let second = catalog.document(1).unwrap();
        let (doc, number) = catalog.locate(second.first_pid() + 2).unwrap();
        assert_eq!((doc, number), (1, 3));
        assert!(!catalog.is_original_paragraph(second.first_pid()));
        assert!(catalog.is_original_paragraph(0));
    }

    #[test]
    fn a_party_lists_its_statements_in_originals_only_with_their_numbers() {
        let docs = documents();
        let catalog = Catalog::from_documents(Utc::now(), &docs).unwrap();
        let russia = catalog.party_statements("russia");
        let expected: Vec<usize> = docs[0]
            .extraction
            .statements
            .iter()
            .enumerate()
            .filter(|(_, s)| s.party.as_deref() == Some("russia"))
            .map(|(i, _)| i)
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(russia.ids.iter().collect::<Vec<_>>(), expected);
        assert_eq!(russia.numbers.get(0), 1);
        for (id, pid) in russia.ids.iter().zip(russia.pids.iter()) {
            assert_eq!(pid, catalog.statement(id).pid());
        }
        assert_eq!(russia.pids.len(), russia.ids.len());
        let all = catalog.parties().find(|(p, _)| *p == "russia").unwrap().1;
        assert_eq!(all, 2 * expected.len(), "copies counted among all");
        assert!(catalog.party_statements("nobody").ids.is_empty());
    }

    #[test]
    fn damage_is_found_at_open_or_read_as_nothing() {
        let docs = documents();
        let bytes = encode(&Contents {
            built_at: Utc::now(),
            documents: &docs,
            names: &[],
            files: Vec::new(),
        })
        .unwrap();
        let open = |b: Vec<u8>| Catalog::open(OwnedBytes::new(b));
        assert!(matches!(
            open(bytes[..bytes.len() - 1].to_vec()),
            Err(Unreadable::Damaged(_))
        ));
        let mut other = bytes.clone();
        other[8..12].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(open(other).err(), Some(Unreadable::Version(3)));
        assert_eq!(
            version(b"{\"schema_version\":4,\"built_at\":\"x\"}"),
            Some(4)
        );
        // Scrambled records past the head read as something, never a panic.
        let mut scrambled = bytes.clone();
        let head_end = HEADER + SECTIONS * 16 + 400;
        for (i, b) in scrambled.iter_mut().enumerate().skip(head_end) {
            *b = (i * 7919 % 251) as u8;
        }
        if let Ok(catalog) = open(scrambled) {
            for doc in catalog.documents() {
                let _ = doc.to_owned();
            }
            let _ = catalog.party_statements("russia").ids.iter().count();
            let _ = catalog.timeline().ids.iter().count();
        }
    }
}
