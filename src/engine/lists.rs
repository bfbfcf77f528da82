//! The answers that list records: sources, casualty figures, statements and the
//! timeline. Each decides the order of its whole list from small fixed-size records (the
//! catalog keeps the orders it can, computed at index time), then makes full entries, with
//! their citations, only for the window asked for: a page of a long answer costs a page.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::cite::Citer;
use crate::answer::*;
use crate::extract::Status;
use crate::index::catalog::{Fingerprint, Listing};
use crate::index::{Catalog, ParagraphSet, Snapshot};

pub(super) fn sources(snapshot: &Snapshot, window: Window) -> Answer {
    let catalog = &snapshot.catalog;
    let citer = Citer::new(catalog);
    let range = window.range(catalog.len());
    let offset = range.start;
    let sources = range
        .filter_map(|i| catalog.document(i))
        .map(|d| {
            let first = d.paragraph(1).unwrap_or("");
            let quote = crate::text::citable(first, first_sentence(first), None);
            SourceEntry {
                title: d.title().to_string(),
                outlet: d.outlet().map(str::to_string),
                published: d.published(),
                paragraphs: d.paragraph_count(),
                source: d.source().to_string(),
                url: d.url().map(str::to_string),
                // Every document's opening is words of its own: source i is cited i + 1.
                citation: citer.numbered(d.index() + 1, d.index(), 1, &quote),
            }
        })
        .collect();
    Answer::Sources {
        sources,
        shown: Shown {
            offset,
            total: catalog.len(),
            fingerprint: catalog.sources_fingerprint(),
            sources: catalog.len(),
        },
    }
}

fn first_sentence(paragraph: &str) -> Range<usize> {
    crate::text::sentences(paragraph)
        .into_iter()
        .next()
        .unwrap_or(0..paragraph.len())
}

/// Which claims a casualties answer keeps, besides its topic.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ClaimFilter<'a> {
    pub side: Option<&'a str>,
    pub status: Option<Status>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct GroupKey<'a> {
    side: Option<&'a str>,
    status: Status,
    date: Option<NaiveDate>,
}

/// What `/casualties` lists: the claims of originals that `only` keeps, on the topic's
/// paragraphs when there is one.
#[derive(Clone, Copy)]
pub(super) struct ClaimQuery<'a> {
    pub query: Option<&'a str>,
    pub only: ClaimFilter<'a>,
    pub on_topic: Option<&'a ParagraphSet>,
    /// Show the words behind each side and source.
    pub explain: bool,
}

pub(super) fn casualties(snapshot: &Snapshot, asked: &ClaimQuery, window: Window) -> Answer {
    let ClaimQuery {
        query,
        only,
        on_topic,
        explain,
    } = *asked;
    let catalog = &snapshot.catalog;
    let mut found: Vec<(GroupKey, usize)> = Vec::new();
    let mut id = 0;
    // Claims are stored document by document.
    while id < catalog.claim_count() {
        let Some(doc) = catalog.document(catalog.claim(id).doc()) else {
            id += 1;
            continue;
        };
        let ids = id..doc.claim_ids().end.max(id + 1);
        id = ids.end;
        let pids = doc.first_pid()..doc.first_pid() + doc.paragraph_count();
        if !doc.is_original() || on_topic.is_some_and(|set| !set.any_in(pids)) {
            continue;
        }
        let event_date = usual_claim_date(catalog, ids.clone());
        for id in ids {
            let c = catalog.claim(id);
            let kept = only.side.is_none_or(|side| c.sides().any(|s| s == side))
                && only.status.is_none_or(|status| c.status() == status);
            if kept {
                let key = GroupKey {
                    side: c.side(),
                    status: c.status(),
                    date: c.date().or(event_date),
                };
                found.push((key, id));
            }
        }
    }
    let (ordered, groups) = group_claims(catalog, found);
    let range = window.range(ordered.len());
    let mut citer = Citer::new(catalog);
    let mut print = Fingerprint::default();
    let mut disputed = vec![false; ordered.len()];
    for group in &groups {
        print.number(u64::from(group.agreed));
        for &i in &group.claims {
            disputed[i] = !group.agreed;
        }
    }
    let mut claims = Vec::with_capacity(range.len());
    let mut cited = Documents::default();
    for (i, &id) in ordered.iter().enumerate() {
        let c = catalog.claim(id);
        print.number(c.fingerprint());
        cited.add(c.doc());
        if i < range.start {
            citer.pass(c.doc(), c.paragraph(), &c.quote());
        } else if i < range.end {
            claims.push(ClaimEntry {
                count: c.count(),
                count_min: c.count_min(),
                count_max: c.count_max(),
                who: c.who().to_string(),
                side: c.side().map(str::to_string),
                side_evidence: c.side_evidence().map(str::to_string),
                status: c.status(),
                according_to: According {
                    speaker: c.speaker().to_string(),
                    party: c.speaker_party().map(str::to_string),
                    evidence: c.speaker_evidence().map(str::to_string),
                },
                date: c.date(),
                disputed: disputed[i],
                citation: citer.cite(c.doc(), c.paragraph(), &c.quote()),
            });
        }
    }
    Answer::Casualties {
        query: query.map(str::to_string),
        claims,
        groups,
        explain,
        shown: Shown {
            offset: range.start,
            total: ordered.len(),
            fingerprint: print.finish(),
            sources: cited.0.len(),
        },
    }
}

/// The date most of a document's dated claims give: the event its undated claims are
/// most likely about.
fn usual_claim_date(catalog: &Catalog, ids: Range<usize>) -> Option<NaiveDate> {
    let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
    for date in ids.filter_map(|id| catalog.claim(id).date()) {
        *counts.entry(date).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(date, n)| (n, std::cmp::Reverse(date)))
        .map(|(date, _)| date)
}

/// Orders claims by side hit (in order of first appearance), then status and date, and
/// marks each group agreed or disputed. Figures are never summed. Returns the claims in
/// that order, and the groups by position in it.
fn group_claims(catalog: &Catalog, found: Vec<(GroupKey, usize)>) -> (Vec<usize>, Vec<ClaimGroup>) {
    let mut keys: Vec<&GroupKey> = Vec::new();
    let mut seen: HashSet<&GroupKey> = HashSet::new();
    for (key, _) in &found {
        if seen.insert(key) {
            keys.push(key);
        }
    }
    let side_rank = |side: &Option<&str>| keys.iter().position(|k| &k.side == side);
    let mut ordered_keys = keys.clone();
    ordered_keys.sort_by_key(|k| (side_rank(&k.side), k.status, k.date));
    let mut members: HashMap<&GroupKey, Vec<usize>> = HashMap::new();
    for (key, id) in &found {
        members.entry(key).or_default().push(*id);
    }
    let mut ordered = Vec::with_capacity(found.len());
    let mut groups = Vec::with_capacity(ordered_keys.len());
    for key in ordered_keys {
        let ids = members.remove(key).unwrap_or_default();
        let figures: HashSet<(Option<u64>, Option<u64>, Option<u64>)> = ids
            .iter()
            .map(|&id| {
                let c = catalog.claim(id);
                (c.count(), c.count_min(), c.count_max())
            })
            .collect();
        // One source per speaker (its party, else its name) in one story.
        let sources: HashSet<(usize, String)> = ids
            .iter()
            .map(|&id| {
                let c = catalog.claim(id);
                let who = c
                    .speaker_party()
                    .map_or_else(|| c.speaker().to_lowercase(), str::to_string);
                (c.doc(), who)
            })
            .collect();
        let start = ordered.len();
        ordered.extend(ids);
        groups.push(ClaimGroup {
            side: key.side.map(str::to_string),
            status: key.status,
            date: key.date,
            claims: (start..ordered.len()).collect(),
            sources: sources.len(),
            agreed: figures.len() == 1,
        });
    }
    (ordered, groups)
}

/// What `/statement` lists: a party's statements in originals, newest document first,
/// those about `topic` only, and the speaker asked about first.
pub(super) struct StatementQuery<'a> {
    pub party: &'a str,
    pub on_topic: Option<&'a ParagraphSet>,
    pub speaker: Option<&'a str>,
}

/// The entries of the window, and which of the whole list they are.
pub(super) fn statements(
    snapshot: &Snapshot,
    asked: &StatementQuery,
    window: Window,
) -> (Vec<StatementEntry>, Shown) {
    let catalog = &snapshot.catalog;
    let listing = catalog.party_statements(asked.party);
    let entry = |citation: Citation, id: usize| {
        let s = catalog.statement(id);
        StatementEntry {
            speaker: s.speaker().to_string(),
            party: s.party().map(str::to_string),
            evidence: s.evidence().map(str::to_string),
            verb: s.verb().to_string(),
            direct: s.direct(),
            text: s.text().to_string(),
            citation,
        }
    };
    if asked.on_topic.is_none() && asked.speaker.is_none() {
        // The whole list, ordered and numbered at index time.
        let citer = Citer::new(catalog);
        let range = window.range(listing.ids.len());
        let entries = range
            .clone()
            .map(|i| {
                let (id, n) = (listing.ids.get(i), listing.numbers.get(i));
                let s = catalog.statement(id);
                entry(citer.numbered(n, s.doc(), s.paragraph(), &s.quote()), id)
            })
            .collect();
        return (entries, shown(range.start, &listing));
    }
    let mut ids: Vec<usize> = listing
        .ids
        .iter()
        .zip(listing.pids.iter())
        .filter(|&(_, pid)| asked.on_topic.is_none_or(|set| set.contains(pid)))
        .map(|(id, _)| id)
        .collect();
    // The speaker asked about first; the order stands within each part. Equal speakers
    // are stored once, so each is compared once.
    if let Some(speaker) = asked.speaker {
        let mut named: HashMap<u32, bool> = HashMap::new();
        let mut names = |id: usize| {
            let s = catalog.statement(id);
            *named
                .entry(s.speaker_key())
                .or_insert_with(|| crate::question::names_speaker(speaker, s.speaker()))
        };
        let (first, rest): (Vec<usize>, Vec<usize>) = ids.iter().partition(|&&id| names(id));
        ids = first;
        ids.extend(rest);
    }
    let range = window.range(ids.len());
    let mut citer = Citer::new(catalog);
    let mut print = Fingerprint::default();
    let mut entries = Vec::with_capacity(range.len());
    let mut cited = Documents::default();
    for (i, &id) in ids.iter().enumerate() {
        let s = catalog.statement(id);
        print.number(s.fingerprint());
        cited.add(s.doc());
        if i < range.start {
            citer.pass(s.doc(), s.paragraph(), &s.quote());
        } else if i < range.end {
            entries.push(entry(citer.cite(s.doc(), s.paragraph(), &s.quote()), id));
        }
    }
    let shown = Shown {
        offset: range.start,
        total: ids.len(),
        fingerprint: print.finish(),
        sources: cited.0.len(),
    };
    (entries, shown)
}

fn shown(offset: usize, listing: &Listing) -> Shown {
    Shown {
        offset,
        total: listing.ids.len(),
        fingerprint: listing.fingerprint,
        sources: listing.sources,
    }
}

/// Counts the distinct documents of a list as it is walked.
#[derive(Default)]
struct Documents(HashSet<usize>);

impl Documents {
    fn add(&mut self, doc: usize) {
        self.0.insert(doc);
    }
}

/// Dated events in date order; with a topic, those of the paragraphs that match it best.
pub(super) fn timeline(
    snapshot: &Snapshot,
    query: Option<&str>,
    best: Option<&[(usize, usize)]>,
    window: Window,
) -> Answer {
    let catalog = &snapshot.catalog;
    let Some(best) = best else {
        let listing = catalog.timeline();
        let citer = Citer::new(catalog);
        let range = window.range(listing.ids.len());
        let events = range
            .clone()
            .map(|i| {
                let e = catalog.event(listing.ids.get(i));
                EventEntry {
                    date: e.date(),
                    citation: citer.numbered(
                        listing.numbers.get(i),
                        e.doc(),
                        e.paragraph(),
                        &e.quote(),
                    ),
                }
            })
            .collect();
        return Answer::Timeline {
            query: query.map(str::to_string),
            events,
            shown: shown(range.start, &listing),
        };
    };
    let mut dated = Vec::new();
    let mut docs: Vec<usize> = best.iter().map(|&(doc, _)| doc).collect();
    docs.sort_unstable();
    docs.dedup();
    for doc in docs.into_iter().filter_map(|doc| catalog.document(doc)) {
        if !doc.is_original() {
            continue;
        }
        for id in doc.event_ids() {
            let e = catalog.event(id);
            if best.contains(&(doc.index(), e.paragraph())) {
                let date = e.date().unwrap_or_default();
                dated.push((date, doc.index(), e.paragraph(), e.excerpt(), id));
            }
        }
    }
    dated
        .sort_by_key(|(date, doc, paragraph, excerpt, _)| (*date, *doc, *paragraph, excerpt.start));
    dated.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.0 == b.0);
    let range = window.range(dated.len());
    let mut citer = Citer::new(catalog);
    let mut print = Fingerprint::default();
    let mut events = Vec::with_capacity(range.len());
    let mut cited = Documents::default();
    for (i, (date, doc, paragraph, _, id)) in dated.iter().enumerate() {
        let e = catalog.event(*id);
        print.number(e.fingerprint());
        cited.add(*doc);
        if i < range.start {
            citer.pass(*doc, *paragraph, &e.quote());
        } else if i < range.end {
            events.push(EventEntry {
                date: Some(*date),
                citation: citer.cite(*doc, *paragraph, &e.quote()),
            });
        }
    }
    Answer::Timeline {
        query: query.map(str::to_string),
        events,
        shown: Shown {
            offset: range.start,
            total: dated.len(),
            fingerprint: print.finish(),
            sources: cited.0.len(),
        },
    }
}
