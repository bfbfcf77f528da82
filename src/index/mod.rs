//! The tantivy index and the catalog beside it, built from the corpus in one go.
//!
//! On disk, `index/` holds generations: `gen-*/` is one complete build (tantivy's files
//! plus `catalog.json`: the documents, their paragraphs and what the extractor read in
//! them), and `CURRENT` names the generation that answers. A build writes a new
//! generation and only then swaps `CURRENT` by an atomic rename, so a build that fails or
//! is killed half-way leaves the previous generation answering. `catalog.json` records
//! the schema version; a generation of another version is rebuilt, never misread.

mod search;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tantivy::schema::{Field, INDEXED, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, TantivyDocument};

pub use search::{Hit, SearchResults};

use crate::corpus::{Document, Meta};
use crate::error::{Error, Result};
use crate::extract::{self, DocText, Extraction, Gazetteer};

/// Bumped whenever the schema, the catalog or the extractor's records change shape.
pub const SCHEMA_VERSION: u32 = 4;

const CURRENT: &str = "CURRENT";
const CATALOG: &str = "catalog.json";
const LOCK: &str = "LOCK";
const GENERATION_PREFIX: &str = "gen-";
const WRITER_HEAP: usize = 64 * 1024 * 1024;

/// The tantivy fields: one tantivy document per paragraph, carrying its document's fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub doc: Field,
    pub paragraph: Field,
    pub source: Field,
    pub title: Field,
    pub outlet: Field,
    pub url: Field,
    pub published: Field,
    pub text: Field,
}

impl Fields {
    fn schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let stemmed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            doc: builder.add_u64_field("doc", INDEXED | STORED),
            paragraph: builder.add_u64_field("paragraph", INDEXED | STORED),
            source: builder.add_text_field("source", STRING | STORED),
            title: builder.add_text_field("title", stemmed.clone() | STORED),
            outlet: builder.add_text_field("outlet", stemmed.clone() | STORED),
            url: builder.add_text_field("url", STORED),
            published: builder.add_text_field("published", STRING | STORED),
            text: builder.add_text_field("text", stemmed),
        };
        (builder.build(), fields)
    }

    fn from_schema(schema: &Schema) -> Result<Fields> {
        let get = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::IndexData(format!("the index has no field `{name}`")))
        };
        Ok(Fields {
            doc: get("doc")?,
            paragraph: get("paragraph")?,
            source: get("source")?,
            title: get("title")?,
            outlet: get("outlet")?,
            url: get("url")?,
            published: get("published")?,
            text: get("text")?,
        })
    }
}

/// Everything an answer needs besides the inverted index: documents, paragraphs and the
/// records the extractor made of them at index time.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub schema_version: u32,
    pub built_at: DateTime<Utc>,
    pub documents: Vec<CatalogDoc>,
    /// The names whose party the corpus's appositions gave ("Hungarian Foreign Minister
    /// Peter Kovacs"), as the extractor learned them before reading every document.
    #[serde(default)]
    pub names: Vec<extract::LearnedName>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CatalogDoc {
    pub source: String,
    pub meta: Meta,
    pub paragraphs: Vec<String>,
    pub extraction: Extraction,
    /// The file it was loaded from.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The earlier document this one republishes (the same wire story elsewhere):
    /// answers cite the original once and name this one's outlet beside it.
    #[serde(default)]
    pub duplicate_of: Option<usize>,
    /// For an original: the outlets (or sources) of its republished copies, found at
    /// index time so an answer never searches for them.
    #[serde(default)]
    pub also_in: Vec<String>,
}

impl Catalog {
    pub fn paragraph_count(&self) -> usize {
        self.documents.iter().map(|d| d.paragraphs.len()).sum()
    }
}

/// One generation, open for answering.
pub struct Snapshot {
    pub generation: PathBuf,
    pub catalog: Catalog,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// Why there is no index to answer from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    Missing,
    OtherVersion(u32),
}

impl Snapshot {
    /// Opens the generation `CURRENT` names, or says why none can answer.
    pub fn open(path: &Path) -> Result<std::result::Result<Snapshot, Unavailable>> {
        let current = match std::fs::read_to_string(path.join(CURRENT)) {
            Ok(name) => name.trim().to_string(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Err(Unavailable::Missing));
            }
            Err(e) => return Err(Error::io(path.join(CURRENT), e)),
        };
        if !is_generation_name(&current) {
            return Err(Error::IndexData(format!(
                "{CURRENT} names no generation: {current:?}"
            )));
        }
        let generation = path.join(&current);
        let catalog_path = generation.join(CATALOG);
        let bytes = match std::fs::read(&catalog_path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Err(Unavailable::Missing));
            }
            Err(e) => return Err(Error::io(catalog_path, e)),
        };
        let version = catalog_version(&bytes);
        if version != Some(SCHEMA_VERSION) {
            return Ok(Err(Unavailable::OtherVersion(version.unwrap_or(0))));
        }
        let catalog: Catalog = serde_json::from_slice(&bytes)
            .map_err(|e| Error::IndexData(format!("{}: {e}", catalog_path.display())))?;
        let index = Index::open_in_dir(&generation)?;
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index.reader()?;
        Ok(Ok(Snapshot {
            generation,
            catalog,
            index,
            reader,
            fields,
        }))
    }

    /// Opens the index, building it first when it is missing or of another version.
    pub fn open_or_build(
        path: &Path,
        folders: &[PathBuf],
        gazetteer: &Gazetteer,
    ) -> Result<(Snapshot, Option<BuildSummary>)> {
        if let Ok(snapshot) = Self::open(path)? {
            return Ok((snapshot, None));
        }
        let summary = build(path, folders, gazetteer, &mut |_| true)?;
        match Self::open(path)? {
            Ok(snapshot) => Ok((snapshot, Some(summary))),
            Err(why) => Err(Error::IndexData(format!(
                "the index just built does not open: {why:?}"
            ))),
        }
    }
}

/// Reads only the version, so a catalog of another shape is recognised, not misparsed.
fn catalog_version(bytes: &[u8]) -> Option<u32> {
    #[derive(Deserialize)]
    struct Header {
        schema_version: u32,
    }
    serde_json::from_slice::<Header>(bytes)
        .ok()
        .map(|h| h.schema_version)
}

fn is_generation_name(name: &str) -> bool {
    name.starts_with(GENERATION_PREFIX)
        && name[GENERATION_PREFIX.len()..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// What a build reports as it goes: documents done out of the total.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What a finished build reports.
#[derive(Debug, Clone, Serialize)]
pub struct BuildSummary {
    pub documents: usize,
    pub paragraphs: usize,
    pub claims: usize,
    pub statements: usize,
    pub skipped: Vec<crate::corpus::Skipped>,
    pub seconds: f64,
}

/// Loads the corpus folders and builds a new generation from them.
/// `progress` is called after each document; returning `false` cancels the build, which
/// then leaves the current generation as it was.
pub fn build(
    path: &Path,
    folders: &[PathBuf],
    gazetteer: &Gazetteer,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let loaded = crate::corpus::load(folders);
    let mut summary = build_documents(path, loaded.documents, gazetteer, progress)?;
    summary.skipped = loaded.skipped;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Whether a build runs the extractor (always, but for measuring what it costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractionMode {
    Run,
    Skip,
}

/// Builds a new generation from documents already loaded, then makes it current.
pub fn build_documents(
    path: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    build_documents_with(path, documents, gazetteer, ExtractionMode::Run, progress)
}

/// [`build_documents`], choosing whether the extractor runs: the benchmark compares
/// building with and without it.
pub fn build_documents_with(
    path: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
    let _lock = BuildLock::acquire(path)?;
    let generation = path.join(new_generation_name());
    std::fs::create_dir(&generation).map_err(|e| Error::io(&generation, e))?;
    let result = write_generation(&generation, documents, gazetteer, extraction, progress);
    let catalog = match result {
        Ok(catalog) => catalog,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&generation);
            return Err(e);
        }
    };
    make_current(path, &generation)?;
    remove_other_generations(path, &generation);
    let docs = &catalog.documents;
    Ok(BuildSummary {
        documents: docs.len(),
        paragraphs: catalog.paragraph_count(),
        claims: docs.iter().map(|d| d.extraction.claims.len()).sum(),
        statements: docs.iter().map(|d| d.extraction.statements.len()).sum(),
        skipped: Vec::new(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn write_generation(
    generation: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Catalog> {
    let (schema, fields) = Fields::schema();
    let index = Index::create_in_dir(generation, schema)?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_HEAP)?;
    let total = documents.len();
    let mut catalog = Catalog {
        schema_version: SCHEMA_VERSION,
        built_at: Utc::now(),
        documents: Vec::with_capacity(total),
        names: Vec::new(),
    };
    // Extraction needs no index: it reads the documents on another core while tantivy
    // indexes them, so a build with extraction costs little more than one without.
    let stop = AtomicBool::new(false);
    let (extractions, indexed) = std::thread::scope(|scope| {
        let extractor = scope.spawn(|| {
            let mut extractions = Vec::with_capacity(total);
            // Names first, over the whole corpus, so "Kovacs said" resolves in a document
            // that never says who Kovacs is.
            let mut names = extract::LearnedNames::default();
            if extraction == ExtractionMode::Run {
                for document in &documents {
                    names.learn(&document.paragraphs, gazetteer, document.meta.published);
                }
            }
            for document in &documents {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if extraction == ExtractionMode::Skip {
                    extractions.push(Extraction::default());
                    continue;
                }
                extractions.push(extract::extract_with(
                    &DocText {
                        title: Some(document.meta.title.as_str()),
                        published: document.meta.published,
                        outlet: document.meta.outlet.as_deref(),
                        paragraphs: &document.paragraphs,
                    },
                    gazetteer,
                    &names,
                ));
            }
            (extractions, names)
        });
        let indexed = add_paragraphs(&mut writer, &fields, &documents, progress);
        if indexed.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        (extractor.join(), indexed)
    });
    indexed?;
    let (extractions, names) = extractions
        .ok()
        .filter(|(e, _): &(Vec<Extraction>, extract::LearnedNames)| e.len() == total)
        .ok_or_else(|| Error::IndexData("the extractor stopped on a document".into()))?;
    catalog.names = names.list();
    for (document, extraction) in documents.into_iter().zip(extractions) {
        catalog.documents.push(CatalogDoc {
            source: document.source,
            meta: document.meta,
            paragraphs: document.paragraphs,
            extraction,
            path: document.path,
            duplicate_of: None,
            also_in: Vec::new(),
        });
    }
    mark_duplicates(&mut catalog);
    writer.commit()?;
    writer.wait_merging_threads()?;
    let catalog_path = generation.join(CATALOG);
    let bytes = serde_json::to_vec(&catalog)
        .map_err(|e| Error::IndexData(format!("cannot encode the catalog: {e}")))?;
    write_durably(&catalog_path, &bytes)?;
    Ok(catalog)
}

/// Adds every paragraph to the writer, reporting progress after each document.
fn add_paragraphs(
    writer: &mut tantivy::IndexWriter<TantivyDocument>,
    fields: &Fields,
    documents: &[Document],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<()> {
    let total = documents.len();
    for (ordinal, document) in documents.iter().enumerate() {
        for (i, paragraph) in document.paragraphs.iter().enumerate() {
            writer.add_document(paragraph_doc(fields, ordinal, i + 1, document, paragraph))?;
        }
        if !progress(Progress {
            done: ordinal + 1,
            total,
        }) {
            return Err(Error::Cancelled);
        }
    }
    Ok(())
}

/// Groups republished copies of one story; each copy points at the group's first document.
fn mark_duplicates(catalog: &mut Catalog) {
    let articles: Vec<crate::ingest::Article> = catalog
        .documents
        .iter()
        .map(|d| crate::ingest::Article {
            title: d.meta.title.clone(),
            outlet: d.meta.outlet.clone(),
            url: d.meta.url.clone(),
            paragraphs: d.paragraphs.clone(),
            ..crate::ingest::Article::default()
        })
        .collect();
    for group in crate::ingest::dedup::group(&articles) {
        let Some((&first, copies)) = group.split_first() else {
            continue;
        };
        for &copy in copies {
            catalog.documents[copy].duplicate_of = Some(first);
            let copy = &catalog.documents[copy];
            let name = copy
                .meta
                .outlet
                .clone()
                .unwrap_or_else(|| copy.source.clone());
            catalog.documents[first].also_in.push(name);
        }
    }
}

fn paragraph_doc(
    fields: &Fields,
    ordinal: usize,
    number: usize,
    document: &Document,
    text: &str,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.doc, ordinal as u64);
    doc.add_u64(fields.paragraph, number as u64);
    doc.add_text(fields.source, &document.source);
    doc.add_text(fields.title, &document.meta.title);
    let meta = &document.meta;
    if let Some(outlet) = &meta.outlet {
        doc.add_text(fields.outlet, outlet);
    }
    if let Some(url) = &meta.url {
        doc.add_text(fields.url, url);
    }
    if let Some(published) = meta.published {
        doc.add_text(fields.published, published.format("%Y-%m-%d").to_string());
    }
    doc.add_text(fields.text, text);
    doc
}

fn new_generation_name() -> String {
    let now = Utc::now();
    format!(
        "{GENERATION_PREFIX}{}-{:09}-{}",
        now.format("%Y%m%dT%H%M%S"),
        now.timestamp_subsec_nanos(),
        std::process::id()
    )
}

/// Swaps `CURRENT` to `generation` by writing a temporary file and renaming it over.
fn make_current(path: &Path, generation: &Path) -> Result<()> {
    let name = generation
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.join(format!("{CURRENT}.tmp"));
    write_durably(&temporary, name.as_bytes())?;
    let current = path.join(CURRENT);
    std::fs::rename(&temporary, &current).map_err(|e| Error::io(&current, e))?;
    sync_dir(path);
    Ok(())
}

fn write_durably(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    file.sync_all().map_err(|e| Error::io(path, e))
}

fn sync_dir(path: &Path) {
    // Makes the rename itself durable; where a platform cannot open folders, the rename
    // is still atomic, only not yet flushed.
    if let Ok(dir) = File::open(path) {
        let _ = dir.sync_all();
    }
}

/// Removes generations other than `keep`: older builds and the remains of killed ones.
/// A process still reading an older generation keeps its open files.
fn remove_other_generations(path: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_generation_name(&name) && entry.path() != keep {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// One build at a time per index folder, across processes. The OS releases the lock when
/// its holder dies, so a killed build never blocks the next.
struct BuildLock {
    _file: File,
}

impl BuildLock {
    fn acquire(path: &Path) -> Result<BuildLock> {
        let lock_path = path.join(LOCK);
        let file = File::create(&lock_path).map_err(|e| Error::io(&lock_path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(Error::User(crate::error::UserError::new(
                    "Another rebuild of this index is running; try again when it has finished.",
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(lock_path, e)),
        }
    }
}

/// The date a generation was built, for footers and `/status`.
pub fn built_on(snapshot: &Snapshot) -> NaiveDate {
    snapshot.catalog.built_at.date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str, paragraphs: &[&str]) -> Document {
        Document {
            source: source.into(),
            meta: Meta {
                title: format!("Title of {source}"),
                ..Meta::default()
            },
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            path: None,
        }
    }

    fn build_docs(path: &Path, docs: Vec<Document>) -> Result<BuildSummary> {
        build_documents(path, docs, &Gazetteer::builtin(), &mut |_| true)
    }

    #[test]
    fn a_build_makes_a_generation_current_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["First build."])]).unwrap();
        let first = Snapshot::open(dir.path()).unwrap().unwrap().generation;
        let summary = build_docs(dir.path(), vec![doc("b.md", &["One.", "Two."])]).unwrap();
        assert_eq!((summary.documents, summary.paragraphs), (1, 2));
        let second = Snapshot::open(dir.path()).unwrap().unwrap();
        assert_ne!(second.generation, first);
        assert!(!first.exists());
        assert_eq!(second.catalog.documents[0].source, "b.md");
    }

    #[test]
    fn a_cancelled_build_leaves_the_previous_index_answering() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("old.md", &["The ambush happened."])]).unwrap();
        let docs = (0..5)
            .map(|i| doc(&format!("new{i}.md"), &["New text."]))
            .collect();
        let err = build_documents(dir.path(), docs, &Gazetteer::builtin(), &mut |p| p.done < 3)
            .unwrap_err();
        assert!(matches!(err, Error::Cancelled));
        let snapshot = Snapshot::open(dir.path()).unwrap().unwrap();
        assert_eq!(snapshot.catalog.documents[0].source, "old.md");
        let results = snapshot.search("ambush", 5).unwrap();
        assert_eq!(results.hits.len(), 1);
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(GENERATION_PREFIX)
            })
            .count();
        assert_eq!(leftovers, 1, "the cancelled generation is removed");
    }

    #[test]
    fn an_index_of_another_version_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap();
        let generation = Snapshot::open(dir.path()).unwrap().unwrap().generation;
        let catalog_path = generation.join(CATALOG);
        let text = std::fs::read_to_string(&catalog_path).unwrap();
        let older = text.replacen(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":0",
            1,
        );
        assert_ne!(text, older);
        std::fs::write(&catalog_path, older).unwrap();
        assert_eq!(
            Snapshot::open(dir.path()).unwrap().err(),
            Some(Unavailable::OtherVersion(0))
        );
    }

    #[test]
    fn a_missing_index_is_reported_as_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Snapshot::open(dir.path()).unwrap().err(),
            Some(Unavailable::Missing)
        );
    }

    #[test]
    fn a_second_build_while_one_runs_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path()).unwrap();
        let _held = BuildLock::acquire(dir.path()).unwrap();
        let err = build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap_err();
        assert!(err.is_user(), "{err}");
    }
}
