//! The records of a mapped catalog, read in place: a document, and the statements,
//! casualty claims and dated events the extractor found in it. Each reads its fields at
//! fixed offsets of its record, a field out of range reading as empty, and turns back into
//! the extractor's own type when a caller needs it owned.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use super::{
    APPROX, CUT_AFTER, CUT_BEFORE, Catalog, CatalogDoc, DIRECT, EVENT, HAS_COUNT, HAS_MAX, HAS_MIN,
    NO_DOC, STR, Section, date_at, u32_at, u64_at,
};
use crate::corpus::Meta;
use crate::extract::{Attribution, CasualtyClaim, Event, Extraction, Statement, Status};
use crate::text::Excerpt;

/// One document of the catalog.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) index: usize,
    pub(super) record: &'a [u8],
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
    pub(super) catalog: &'a Catalog,
    pub(super) record: &'a [u8],
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
    pub(super) catalog: &'a Catalog,
    pub(super) record: &'a [u8],
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
    pub(super) record: &'a [u8],
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
