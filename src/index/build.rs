//! One build, on every core: tantivy indexes the paragraphs on one thread of its own,
//! while worker threads read each document (the extractor) and compute what grouping
//! republished copies compares (its duplicate keys); at the end, the copies are grouped and
//! the catalog is written beside the search files.
//!
//! The result does not depend on which thread did what: records and keys are kept by
//! document, and tantivy's one indexing thread numbers the paragraphs in the order they are
//! added, corpus order, so the same corpus gives the same index, and the same citations, on
//! every rebuild.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::Utc;
use tantivy::index::SegmentId;
use tantivy::indexer::{NoMergePolicy, UserOperation};
use tantivy::{Index, ReloadPolicy, TantivyDocument};

use super::catalog::{self, CatalogDoc, Contents};
use super::{ExtractionMode, Fields, Progress, list_files, write_durably};
use crate::corpus::Document;
use crate::error::{Error, Result};
use crate::extract::{self, DocText, Extraction, Gazetteer, LearnedNames};
use crate::ingest::dedup;

/// The memory of tantivy's one indexing thread: a corpus of a few hundred thousand
/// paragraphs (the Reuters benchmark's 436,588 at 400%) lands in one segment, which then
/// needs no merge. Tantivy takes the memory as it fills, not all at once.
const INDEXING_HEAP: usize = 1024 * 1024 * 1024;
/// Documents a worker takes at a time.
const CHUNK: usize = 16;
/// Paragraphs handed to tantivy's indexing thread at a time: one at a time, the thread
/// sleeps and is woken for each, and the waking cost more than the indexing.
const BATCH: usize = 256;

/// What a build wrote: the catalog's documents, for its summary.
pub(super) struct Written {
    pub documents: Vec<CatalogDoc>,
}

/// The cores a build may use.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Indexes `documents` into the empty folder `generation` and writes the catalog.
pub(super) fn write_generation(
    generation: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Written> {
    let (schema, fields) = Fields::schema();
    let index = Index::builder().schema(schema).create_in_dir(generation)?;
    super::stems::remember_stems(&index);
    // One indexing thread numbers the paragraphs in corpus order, so ties in score fall the
    // same way on every rebuild, with no sorting of the index and, in one segment, no
    // merge: several threads would share the paragraphs out as they came.
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, INDEXING_HEAP)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));

    let total = documents.len();
    let stop = AtomicBool::new(false);
    // Tantivy adds and commits while the workers read: neither waits for the other until
    // both are done.
    let (read, indexed) = std::thread::scope(|scope| {
        // The copies are grouped on the reader's thread too, while tantivy may still be
        // committing.
        let reader = scope.spawn(|| {
            let read = read_all(&documents, gazetteer, extraction, &stop);
            let groups = dedup::group_keys(&read.keys);
            (read, groups)
        });
        let indexed = add_paragraphs(&mut writer, &fields, &documents, progress)
            .and_then(|()| commit_one_segment(&index, writer));
        if indexed.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        (reader.join(), indexed)
    });
    indexed?;
    let (read, groups) = read
        .ok()
        .filter(|(r, _)| r.extractions.len() == total && r.keys.len() == total)
        .ok_or(Error::ExtractorStopped)?;

    let mut catalog: Vec<CatalogDoc> = documents
        .into_iter()
        .zip(read.extractions)
        .map(|(document, extraction)| CatalogDoc {
            source: document.source,
            meta: document.meta,
            paragraphs: document.paragraphs,
            extraction,
            path: document.path,
            duplicate_of: None,
            also_in: Vec::new(),
        })
        .collect();
    mark_duplicates(&mut catalog, &groups);
    let bytes = catalog::encode(&Contents {
        built_at: Utc::now(),
        documents: &catalog,
        names: &read.names.list(),
        files: list_files(generation)?,
    })?;
    let catalog_path = generation.join(catalog::FILE);
    write_durably(&catalog_path, &bytes)?;
    super::follow_umask(generation, &catalog_path)?;
    Ok(Written { documents: catalog })
}

/// Commits, then merges the segments, if the corpus filled more than one, into one and lets
/// tantivy remove the files the merge replaced.
fn commit_one_segment(index: &Index, mut writer: tantivy::IndexWriter) -> Result<()> {
    writer.commit()?;
    let segments = in_corpus_order(index)?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.garbage_collect_files().wait()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The segments by their first paragraph. The one indexing thread filled them one after
/// another, so a merge that stacks them in this order keeps the paragraphs in corpus order.
fn in_corpus_order(index: &Index) -> Result<Vec<SegmentId>> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let mut firsts = Vec::new();
    for segment in reader.searcher().segment_readers() {
        let pids = segment.fast_fields().u64(Fields::PID)?;
        firsts.push((pids.first(0), segment.segment_id()));
    }
    firsts.sort_by_key(|&(first, _)| first);
    Ok(firsts.into_iter().map(|(_, id)| id).collect())
}

/// What the workers read: each document's records and duplicate keys, in corpus order.
struct Read {
    extractions: Vec<Extraction>,
    keys: Vec<dedup::Keys>,
    names: LearnedNames,
}

/// Learns names over the whole corpus first (so "Kovacs said" resolves in a document that
/// never says who Kovacs is), then reads the documents on every core.
fn read_all(
    documents: &[Document],
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    stop: &AtomicBool,
) -> Read {
    // Names are learned from every document before any is read, so a surname means the
    // same person everywhere: each document's lessons on the workers, taken in corpus
    // order, teach what one pass in order would.
    let mut names = LearnedNames::default();
    if extraction == ExtractionMode::Run {
        for lessons in on_every_core(documents, stop, |d| {
            extract::names::lessons(&d.paragraphs, gazetteer, d.meta.published)
        }) {
            names.take(lessons);
        }
    }
    let read = on_every_core(documents, stop, |document| {
        let extraction = match extraction {
            ExtractionMode::Skip => Extraction::default(),
            ExtractionMode::Run => extract::extract_with(
                &DocText {
                    title: Some(document.meta.title.as_str()),
                    published: document.meta.published,
                    outlet: document.meta.outlet.as_deref(),
                    paragraphs: &document.paragraphs,
                },
                gazetteer,
                &names,
            ),
        };
        let keys = dedup::Keys::of(document.meta.url.as_deref(), &document.paragraphs);
        (extraction, keys)
    });
    let mut out = Read {
        extractions: Vec::with_capacity(documents.len()),
        keys: Vec::with_capacity(documents.len()),
        names,
    };
    for (extraction, keys) in read {
        out.extractions.push(extraction);
        out.keys.push(keys);
    }
    out
}

/// `f` of each document, on every core, in corpus order; it stops at the first document
/// not done when `stop` is set.
fn on_every_core<T: Send>(
    documents: &[Document],
    stop: &AtomicBool,
    f: impl Fn(&Document) -> T + Sync,
) -> Vec<T> {
    let slots: Vec<Mutex<Option<T>>> = documents.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            if start >= documents.len() || stop.load(Ordering::Relaxed) {
                break;
            }
            for (document, slot) in documents[start..].iter().zip(&slots[start..]).take(CHUNK) {
                let done = f(document);
                *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..cores() {
            scope.spawn(work);
        }
        work();
    });
    slots
        .into_iter()
        .map_while(|slot| slot.into_inner().unwrap_or_else(|p| p.into_inner()))
        .collect()
}

/// Adds every paragraph to the writer, reporting progress after each document.
fn add_paragraphs(
    writer: &mut tantivy::IndexWriter<TantivyDocument>,
    fields: &Fields,
    documents: &[Document],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<()> {
    let total = documents.len();
    let mut pid = 0u64;
    let mut batch = Vec::with_capacity(BATCH);
    for (ordinal, document) in documents.iter().enumerate() {
        // Formatted once for all the document's paragraphs.
        let published = document
            .meta
            .published
            .map(|date| date.format("%Y-%m-%d").to_string());
        for paragraph in &document.paragraphs {
            let doc = paragraph_doc(fields, pid, document, published.as_deref(), paragraph);
            batch.push(UserOperation::Add(doc));
            pid += 1;
        }
        if batch.len() >= BATCH {
            writer.run(std::mem::take(&mut batch))?;
        }
        if !progress(Progress {
            done: ordinal + 1,
            total,
        }) {
            return Err(Error::Cancelled);
        }
    }
    writer.run(batch)?;
    Ok(())
}

fn paragraph_doc(
    fields: &Fields,
    pid: u64,
    document: &Document,
    published: Option<&str>,
    text: &str,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.pid, pid);
    doc.add_text(fields.source, &document.source);
    doc.add_text(fields.title, &document.meta.title);
    if let Some(outlet) = &document.meta.outlet {
        doc.add_text(fields.outlet, outlet);
    }
    if let Some(published) = published {
        doc.add_text(fields.published, published);
    }
    doc.add_text(fields.text, text);
    doc
}

/// Marks republished copies: each copy points at its group's first document, which
/// names the copies' outlets.
fn mark_duplicates(documents: &mut [CatalogDoc], groups: &[Vec<usize>]) {
    for group in groups {
        let Some((&first, copies)) = group.split_first() else {
            continue;
        };
        for &copy in copies {
            documents[copy].duplicate_of = Some(first);
            let copy = &documents[copy];
            let name = copy
                .meta
                .outlet
                .clone()
                .unwrap_or_else(|| copy.source.clone());
            documents[first].also_in.push(name);
        }
    }
}
