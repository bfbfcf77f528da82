//! Writing a catalog: the records of every document, the string heap they point into,
//! the orders answers list records in (each party's statements, the timeline) with their
//! citation numbers and fingerprints, computed once at index time, and the header that
//! maps the sections.

use std::ops::Range;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rustc_hash::FxHashMap;

use super::{
    APPROX, CUT_AFTER, CUT_BEFORE, CatalogDoc, DIRECT, Fingerprint, HAS_COUNT, HAS_MAX, HAS_MIN,
    HEADER, Head, MAGIC, NO_DATE, NO_DOC, NONE_LEN, SECTIONS, Section,
};
use crate::error::{Error, Result};
use crate::extract::{LearnedName, Status};
use crate::index::GenerationFile;
use crate::text::Excerpt;

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
    interned: FxHashMap<String, u32>,
}

fn too_large() -> Error {
    Error::CatalogTooLarge
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
    let mut seen: FxHashMap<(usize, usize, usize, usize), u32> = FxHashMap::default();
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
    let head = serde_json::to_vec(&head).map_err(Error::CatalogEncode)?;
    w.sections[Section::Head as usize] = head;
    w.sections[Section::Names as usize] =
        serde_json::to_vec(contents.names).map_err(Error::CatalogEncode)?;
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
    out.extend_from_slice(&crate::index::SCHEMA_VERSION.to_le_bytes());
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
