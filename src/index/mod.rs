//! The tantivy index and the catalog beside it, built from the corpus in one go.
//!
//! On disk, `index/` holds generations: `gen-*/` is one complete build (tantivy's files
//! plus `catalog.bin`: the documents, their paragraphs and what the extractor read in
//! them, see [`catalog`]), and `CURRENT` names the generation that answers. A build
//! writes a new generation and only then swaps `CURRENT` by an atomic rename, so a build
//! that fails or is killed half-way leaves the previous generation answering. The
//! catalog's header records the schema version; a generation of another version is
//! rebuilt, never misread. Opening reads the header and maps the rest: it takes the
//! same time whatever the corpus's size.
//!
//! `GENERATIONS` records every generation a build made here, before it is made: only
//! those are ever removed, so the folder may hold other things (a `gen-2024/` of
//! someone's) and lose none of them. A folder that holds anything but an index is
//! refused. The index is derived data and the corpus is the truth: an index found
//! damaged is said so in one line and rebuilt.

mod build;
pub mod catalog;
mod read_only;
mod search;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tantivy::columnar::Column;
use tantivy::directory::Directory;
use tantivy::query::QueryParser;
use tantivy::schema::{FAST, Field, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, Searcher};

pub use catalog::{Catalog, CatalogDoc, Doc};
pub use search::{Hit, ParagraphSet, SearchResults};

use crate::corpus::Document;
use crate::error::{Error, Result};
use crate::extract::Gazetteer;

/// Bumped whenever the schema, the catalog or the extractor's records change shape.
pub const SCHEMA_VERSION: u32 = 6;

const CURRENT: &str = "CURRENT";
const LOCK: &str = "LOCK";
const GENERATIONS: &str = "GENERATIONS";
const GENERATION_PREFIX: &str = "gen-";

/// The tantivy fields: one tantivy document per paragraph, carrying its document's
/// fields for `title:`, `outlet:`, `source:` and `published:` queries. Nothing is stored:
/// a hit is found in the catalog by its paragraph number, a fast field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// The paragraph's number over the whole catalog, from 0.
    pub pid: Field,
    pub source: Field,
    pub title: Field,
    pub outlet: Field,
    pub published: Field,
    pub text: Field,
}

impl Fields {
    const PID: &str = "pid";

    fn schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let stemmed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            pid: builder.add_u64_field(Self::PID, FAST),
            source: builder.add_text_field("source", STRING),
            title: builder.add_text_field("title", stemmed.clone()),
            outlet: builder.add_text_field("outlet", stemmed.clone()),
            published: builder.add_text_field("published", STRING),
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
            pid: get(Self::PID)?,
            source: get("source")?,
            title: get("title")?,
            outlet: get("outlet")?,
            published: get("published")?,
            text: get("text")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerationFile {
    pub name: String,
    pub bytes: u64,
}

/// One generation, open for answering.
pub struct Snapshot {
    pub generation: PathBuf,
    pub catalog: Catalog,
    index: Index,
    /// Kept so the searcher's files stay open for the generation's life.
    _reader: IndexReader,
    searcher: Searcher,
    fields: Fields,
    /// Each segment's paragraph numbers.
    pids: Vec<Column<u64>>,
    /// `/search`: text and titles, titles boosted.
    passages: QueryParser,
    /// Topics: the paragraphs' own words.
    topics: QueryParser,
}

/// Why there is no index to answer from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    Missing,
    OtherVersion(u32),
    /// What is damaged, in a few words of ours (the library's own words go to the log).
    Damaged(String),
}

/// The generation `CURRENT` names now, without opening it; `None` when there is none.
pub fn current_generation(path: &Path) -> Option<PathBuf> {
    let current = std::fs::read(path.join(CURRENT)).ok()?;
    let name = std::str::from_utf8(&current).ok()?.trim();
    is_generation_name(name).then(|| path.join(name))
}

impl Snapshot {
    /// Opens the generation `CURRENT` names, or says why none can answer. An error is a
    /// failure to read at all (permissions); anything read that does not make a whole
    /// index is [`Unavailable::Damaged`].
    pub fn open(path: &Path) -> Result<std::result::Result<Snapshot, Unavailable>> {
        let damaged = |what: &str| Ok(Err(Unavailable::Damaged(what.to_string())));
        let current = match std::fs::read(path.join(CURRENT)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Err(Unavailable::Missing));
            }
            Err(e) => return Err(Error::io(path.join(CURRENT), e)),
        };
        let Some(name) = std::str::from_utf8(&current)
            .ok()
            .map(str::trim)
            .filter(|name| is_generation_name(name))
        else {
            return damaged(&format!("{CURRENT} names no generation"));
        };
        let generation = path.join(name);
        if !generation.is_dir() {
            return damaged(&format!("{name} is missing"));
        }
        let directory = read_only::ReadOnly::open(&generation)
            .map_err(|e| Error::IndexData(format!("{}: {e}", generation.display())))?;
        let records = read_only::ReadOnly::open_for_records(&generation)
            .map_err(|e| Error::IndexData(format!("{}: {e}", generation.display())))?;
        let bytes = match records.open_read(Path::new(catalog::FILE)) {
            Ok(slice) => slice
                .read_bytes()
                .map_err(|e| Error::io(generation.join(catalog::FILE), e))?,
            Err(tantivy::directory::error::OpenReadError::FileDoesNotExist(_)) => {
                return Ok(Err(older_catalog(&generation, name)));
            }
            Err(e) => {
                let cause = std::io::Error::other(e.to_string());
                return Err(Error::io(generation.join(catalog::FILE), cause));
            }
        };
        let catalog = match Catalog::open(bytes) {
            Ok(catalog) => catalog,
            Err(catalog::Unreadable::Version(other)) => {
                return Ok(Err(Unavailable::OtherVersion(other)));
            }
            Err(catalog::Unreadable::Damaged(what)) => {
                return damaged(&format!("{name}/{} {what}", catalog::FILE));
            }
        };
        if let Some(what) = missing_or_cut(&generation, catalog.files()) {
            return damaged(&format!("{name}/{what}"));
        }
        // The library panics on some damage a size does not show: contain it.
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            open_generation(directory, &catalog)
        }))
        .unwrap_or_else(|_| Err(Error::IndexData("the search library panicked".into())));
        match opened {
            Ok(Opened {
                index,
                reader,
                searcher,
                fields,
                pids,
            }) => {
                let mut passages = QueryParser::for_index(&index, vec![fields.text, fields.title]);
                passages.set_field_boost(fields.title, search::TITLE_BOOST);
                let mut topics = QueryParser::for_index(&index, vec![fields.text]);
                topics.set_field_boost(fields.title, search::NAMED_TITLE_BOOST);
                Ok(Ok(Snapshot {
                    generation,
                    catalog,
                    index,
                    _reader: reader,
                    searcher,
                    fields,
                    pids,
                    passages,
                    topics,
                }))
            }
            Err(e) => {
                tracing::warn!(generation = %generation.display(), error = %e, "the search files do not open");
                damaged(&format!("the search files of {name} do not open"))
            }
        }
    }

    /// Opens the index, building it first when it is missing, of another version or
    /// damaged; the summary says why a damaged one was rebuilt.
    pub fn open_or_build(
        path: &Path,
        folders: &[PathBuf],
        gazetteer: &Gazetteer,
    ) -> Result<(Snapshot, Option<BuildSummary>)> {
        let why = match Self::open(path)? {
            Ok(snapshot) => return Ok((snapshot, None)),
            Err(why) => why,
        };
        let mut summary = build(path, folders, gazetteer, &mut |_| true)?;
        if let Unavailable::Damaged(what) = why {
            summary.repaired = Some(what);
        }
        match Self::open(path)? {
            Ok(snapshot) => Ok((snapshot, Some(summary))),
            Err(why) => Err(Error::IndexData(format!(
                "the index just built does not open: {why:?}"
            ))),
        }
    }
}

/// The files a build wrote besides the catalog, and their sizes: tantivy's lock files
/// are left out, being empty and of no use to a reader.
fn list_files(generation: &Path) -> Result<Vec<GenerationFile>> {
    let entries = std::fs::read_dir(generation).map_err(|e| Error::io(generation, e))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let metadata = entry.metadata().map_err(|e| Error::io(entry.path(), e))?;
        if !metadata.is_file() || name == catalog::FILE || name.ends_with(".lock") {
            continue;
        }
        files.push(GenerationFile {
            name,
            bytes: metadata.len(),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// "meta.json is missing", "….store is truncated": the first listed file that is not
/// as its build left it.
fn missing_or_cut(generation: &Path, files: &[GenerationFile]) -> Option<String> {
    files.iter().find_map(
        |file| match std::fs::metadata(generation.join(&file.name)) {
            Err(_) => Some(format!("{} is missing", file.name)),
            Ok(m) if m.len() != file.bytes => Some(format!(
                "{} is {} bytes, not {}",
                file.name,
                m.len(),
                file.bytes
            )),
            Ok(_) => None,
        },
    )
}

/// Why a generation without a catalog of this layout cannot answer: one an earlier
/// version built (its JSON catalog names its version) is of another version; anything
/// else is damaged.
fn older_catalog(generation: &Path, name: &str) -> Unavailable {
    let mut first = [0u8; 64];
    let read = File::open(generation.join(catalog::OLD_FILE)).and_then(|mut file| {
        use std::io::Read;
        file.read(&mut first)
    });
    match read.ok().and_then(|n| catalog::version(&first[..n])) {
        Some(version) => Unavailable::OtherVersion(version),
        None => Unavailable::Damaged(format!("{name} has no {}", catalog::FILE)),
    }
}

struct Opened {
    index: Index,
    reader: IndexReader,
    searcher: Searcher,
    fields: Fields,
    pids: Vec<Column<u64>>,
}

/// Opens a generation's tantivy index for answering only: no lock, no watcher, no write.
fn open_generation(directory: read_only::ReadOnly, catalog: &Catalog) -> Result<Opened> {
    let index = Index::open(directory)?;
    let fields = Fields::from_schema(&index.schema())?;
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    // Every segment's files are opened now, so a truncated one is found here, not by the
    // first question.
    let searcher = reader.searcher();
    let mut pids = Vec::new();
    for segment in searcher.segment_readers() {
        segment
            .get_store_reader(0)
            .map_err(|e| Error::IndexData(format!("a store does not open: {e}")))?;
        for field in [fields.text, fields.title] {
            segment.inverted_index(field)?;
        }
        pids.push(segment.fast_fields().u64(Fields::PID)?);
    }
    if searcher.num_docs() as usize != catalog.paragraph_count() {
        return Err(Error::IndexData(format!(
            "{} paragraphs searchable, {} in the catalog",
            searcher.num_docs(),
            catalog.paragraph_count()
        )));
    }
    Ok(Opened {
        index,
        reader,
        searcher,
        fields,
        pids,
    })
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
    /// What was damaged, when this build replaced a damaged index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repaired: Option<String>,
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
    let lock = BuildLock::acquire(path)?;
    build_locked(&lock, folders, gazetteer, progress)
}

/// [`build`] under a lock already held: a moderator's job takes the lock before it
/// changes the corpus, so a job that cannot build changes nothing.
pub fn build_locked(
    lock: &BuildLock,
    folders: &[PathBuf],
    gazetteer: &Gazetteer,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let loaded = crate::corpus::load(folders);
    let mut summary = build_generation(
        lock,
        loaded.documents,
        gazetteer,
        ExtractionMode::Run,
        progress,
    )?;
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
    let lock = BuildLock::acquire(path)?;
    build_generation(&lock, documents, gazetteer, extraction, progress)
}

fn build_generation(
    lock: &BuildLock,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let path = lock.path.as_path();
    let name = new_generation_name();
    let generation = path.join(&name);
    // Recorded before it exists, so even a killed build's remains are known to be ours.
    let mut record = Generations::read(path)?;
    record.names.push(name.clone());
    record.write(path)?;
    let result = std::fs::create_dir(&generation)
        .map_err(|e| Error::io(&generation, e))
        .and_then(|()| {
            build::write_generation(&generation, documents, gazetteer, extraction, progress)
        })
        .and_then(|written| make_current(path, &generation).map(|()| written));
    let written = match result {
        Ok(written) => written,
        Err(e) => {
            if std::fs::remove_dir_all(&generation).is_ok() {
                record.names.retain(|n| *n != name);
                let _ = record.write(path);
            }
            return Err(e);
        }
    };
    record.remove_all_but(path, &name);
    let docs = &written.documents;
    Ok(BuildSummary {
        documents: docs.len(),
        paragraphs: docs.iter().map(|d| d.paragraphs.len()).sum(),
        claims: docs.iter().map(|d| d.extraction.claims.len()).sum(),
        statements: docs.iter().map(|d| d.extraction.statements.len()).sum(),
        skipped: Vec::new(),
        seconds: started.elapsed().as_secs_f64(),
        repaired: None,
    })
}

/// Gives every file of a generation the permissions of `created`, a file this build
/// created the ordinary way: the library writes some files private to their owner, and an
/// index rebuilt by root must still answer for the service's user.
#[cfg(unix)]
fn follow_umask(generation: &Path, created: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(created)
        .map_err(|e| Error::io(created, e))?
        .permissions()
        .mode();
    let entries = std::fs::read_dir(generation).map_err(|e| Error::io(generation, e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn follow_umask(_generation: &Path, _created: &Path) -> Result<()> {
    Ok(())
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

/// Writes `bytes` and flushes them to disk before returning. The bytes go in pieces of
/// 64 KB, as the search library writes its files: a large file written in one piece is
/// cached in pages of up to 2 MB, and a process that maps it and reads one record is
/// then charged with the whole 2 MB.
fn write_durably(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io(path, e))?;
    for piece in bytes.chunks(64 * 1024) {
        file.write_all(piece).map_err(|e| Error::io(path, e))?;
    }
    file.sync_all().map_err(|e| Error::io(path, e))
}

fn sync_dir(path: &Path) {
    // Makes the rename itself durable; where a platform cannot open folders, the rename
    // is still atomic, only not yet flushed.
    if let Ok(dir) = File::open(path) {
        let _ = dir.sync_all();
    }
}

/// The generations builds made in one index folder, oldest first.
struct Generations {
    names: Vec<String>,
}

impl Generations {
    /// The record; for an index an earlier version built (a `CURRENT` and no record),
    /// only the generation `CURRENT` names.
    fn read(path: &Path) -> Result<Generations> {
        let record = path.join(GENERATIONS);
        let text = match std::fs::read_to_string(&record) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::read_to_string(path.join(CURRENT)).unwrap_or_default()
            }
            Err(e) => return Err(Error::io(record, e)),
        };
        let names = text
            .lines()
            .map(str::trim)
            .filter(|name| is_generation_name(name))
            .map(str::to_string)
            .collect();
        Ok(Generations { names })
    }

    fn write(&self, path: &Path) -> Result<()> {
        let temporary = path.join(format!("{GENERATIONS}.tmp"));
        let mut text = self.names.join("\n");
        text.push('\n');
        write_durably(&temporary, text.as_bytes())?;
        let record = path.join(GENERATIONS);
        std::fs::rename(&temporary, &record).map_err(|e| Error::io(&record, e))?;
        sync_dir(path);
        Ok(())
    }

    /// Removes every recorded generation but `keep`: older builds and the remains of
    /// killed ones. What the record does not name is never touched. A process still
    /// reading an older generation keeps its open files.
    fn remove_all_but(mut self, path: &Path, keep: &str) {
        self.names.retain(|name| {
            let folder = path.join(name);
            name == keep || (folder.exists() && std::fs::remove_dir_all(&folder).is_err())
        });
        let _ = self.write(path);
    }
}

/// Whether an index may be built in `path`: it is new or empty, or an index already.
fn check_is_index(path: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut others = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == CURRENT || name == GENERATIONS {
            return Ok(());
        }
        if name != LOCK {
            others.push(name);
        }
    }
    if others.is_empty() {
        return Ok(());
    }
    others.sort();
    let shown: Vec<String> = others.iter().take(3).map(|n| format!("`{n}`")).collect();
    let more = match others.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Err(Error::User(crate::error::UserError::new(format!(
        "{} is not an index: it holds {}{more}. Give --index a new or empty folder, or the index's own.",
        path.display(),
        shown.join(", ")
    ))))
}

/// One build at a time per index folder, across processes. The OS releases the lock when
/// its holder dies, so a killed build never blocks the next. Held for a whole moderator
/// job, so its changes to the corpus and its rebuild go together.
pub struct BuildLock {
    path: PathBuf,
    _file: File,
}

impl BuildLock {
    /// Takes the lock of the index in `path`, making the folder if need be; refuses a
    /// folder that holds anything but an index, and a second build.
    pub fn acquire(path: &Path) -> Result<BuildLock> {
        check_is_index(path)?;
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let lock_path = path.join(LOCK);
        let file = File::create(&lock_path).map_err(|e| Error::io(&lock_path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock {
                path: path.to_path_buf(),
                _file: file,
            }),
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
    snapshot.catalog.built_at().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Meta;

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
        assert_eq!(second.catalog.document(0).unwrap().source(), "b.md");
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
        assert_eq!(snapshot.catalog.document(0).unwrap().source(), "old.md");
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
        let catalog_path = generation.join(catalog::FILE);
        let mut bytes = std::fs::read(&catalog_path).unwrap();
        bytes[8..12].copy_from_slice(&0u32.to_le_bytes());
        std::fs::write(&catalog_path, bytes).unwrap();
        assert_eq!(
            Snapshot::open(dir.path()).unwrap().err(),
            Some(Unavailable::OtherVersion(0))
        );
        // An index an earlier version built, its catalog in JSON, is rebuilt too.
        std::fs::remove_file(&catalog_path).unwrap();
        std::fs::write(
            generation.join(catalog::OLD_FILE),
            "{\"schema_version\":4,\"built_at\":\"2024-01-01T00:00:00Z\"}",
        )
        .unwrap();
        assert_eq!(
            Snapshot::open(dir.path()).unwrap().err(),
            Some(Unavailable::OtherVersion(4))
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

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_build_removes_only_the_generations_it_made() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["First."])]).unwrap();
        for theirs in ["gen-important", "gen-2024"] {
            std::fs::create_dir(dir.path().join(theirs)).unwrap();
            std::fs::write(dir.path().join(theirs).join("keep.txt"), "mine").unwrap();
        }
        // The remains of a killed build are recorded before they exist.
        let killed = new_generation_name();
        let mut record = Generations::read(dir.path()).unwrap();
        record.names.push(killed.clone());
        record.write(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join(&killed)).unwrap();

        build_docs(dir.path(), vec![doc("b.md", &["Second."])]).unwrap();
        build_docs(dir.path(), vec![doc("c.md", &["Third."])]).unwrap();
        for theirs in ["gen-important", "gen-2024"] {
            assert!(
                dir.path().join(theirs).join("keep.txt").exists(),
                "{theirs}"
            );
        }
        assert!(!dir.path().join(&killed).exists());
        let current = Snapshot::open(dir.path()).unwrap().unwrap().generation;
        let generations: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| {
                n.starts_with(GENERATION_PREFIX) && dir.path().join(n).join(catalog::FILE).exists()
            })
            .collect();
        assert_eq!(generations.len(), 1, "{generations:?}");
        assert!(current.ends_with(&generations[0]));
    }

    #[test]
    fn a_folder_that_is_not_an_index_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        std::fs::create_dir(dir.path().join("gen-2024")).unwrap();
        let before = names_in(dir.path());
        let err = build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap_err();
        assert!(err.is_user(), "{err}");
        assert!(err.to_string().contains("not an index"), "{err}");
        assert_eq!(names_in(dir.path()), before);
    }

    #[test]
    fn an_index_an_earlier_version_built_keeps_what_it_did_not_make() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["First."])]).unwrap();
        let old = Snapshot::open(dir.path()).unwrap().unwrap().generation;
        std::fs::remove_file(dir.path().join(GENERATIONS)).unwrap();
        std::fs::create_dir(dir.path().join("gen-2024")).unwrap();
        build_docs(dir.path(), vec![doc("b.md", &["Second."])]).unwrap();
        assert!(
            !old.exists(),
            "the generation CURRENT named was the index's own"
        );
        assert!(dir.path().join("gen-2024").exists());
    }

    fn current_generation(dir: &Path) -> PathBuf {
        Snapshot::open(dir).unwrap().unwrap().generation
    }

    fn segment_file(generation: &Path, extension: &str) -> PathBuf {
        std::fs::read_dir(generation)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == extension))
            .unwrap_or_else(|| panic!("no .{extension} file"))
    }

    #[test]
    fn a_damaged_index_is_said_so_in_our_words_and_rebuilt() {
        type Damage = fn(&Path, &Path);
        let damages: [(&str, Damage); 7] = [
            ("a garbage CURRENT", |dir, _| {
                std::fs::write(dir.join(CURRENT), b"\xff\x00garbage").unwrap()
            }),
            ("a missing meta.json", |_, generation| {
                std::fs::remove_file(generation.join("meta.json")).unwrap()
            }),
            ("a truncated catalog", |_, generation| {
                let catalog = generation.join(catalog::FILE);
                let bytes = std::fs::read(&catalog).unwrap();
                std::fs::write(&catalog, &bytes[..bytes.len() / 2]).unwrap()
            }),
            ("a truncated store", |_, generation| {
                let file = segment_file(generation, "store");
                std::fs::write(&file, b"short").unwrap()
            }),
            ("a truncated term dictionary", |_, generation| {
                let file = segment_file(generation, "term");
                let bytes = std::fs::read(&file).unwrap();
                std::fs::write(&file, &bytes[..bytes.len() - 9]).unwrap()
            }),
            ("a scrambled term dictionary", |_, generation| {
                let file = segment_file(generation, "term");
                let bytes = std::fs::read(&file).unwrap();
                std::fs::write(&file, vec![0xa5; bytes.len()]).unwrap()
            }),
            ("a missing generation", |_, generation| {
                std::fs::remove_dir_all(generation).unwrap()
            }),
        ];
        let folders = [PathBuf::from("/nonexistent")];
        for (damage, apply) in damages {
            let dir = tempfile::tempdir().unwrap();
            build_docs(dir.path(), vec![doc("a.md", &["The ambush happened."])]).unwrap();
            apply(dir.path(), &current_generation(dir.path()));
            let why = match Snapshot::open(dir.path()) {
                Ok(Err(Unavailable::Damaged(why))) => why,
                other => panic!("{damage}: {:?}", other.map(|o| o.err())),
            };
            assert!(
                !why.contains('\n') && !why.contains("tantivy"),
                "{damage}: {why}"
            );
            let (_, summary) =
                Snapshot::open_or_build(dir.path(), &folders, &Gazetteer::builtin()).unwrap();
            assert_eq!(
                summary.and_then(|s| s.repaired).as_deref(),
                Some(why.as_str()),
                "{damage}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn index_files_follow_the_umask_like_every_other_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap();
        let probe = dir.path().join("probe");
        File::create(&probe).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let expected = mode(&probe);
        let generation = current_generation(dir.path());
        for name in names_in(&generation) {
            assert_eq!(
                mode(&generation.join(&name)),
                expected,
                "{name} is {:o}, not {expected:o}",
                mode(&generation.join(&name))
            );
        }
    }

    #[test]
    fn answering_writes_nothing_in_the_index_folder() {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["The ambush happened."])]).unwrap();
        let generation = current_generation(dir.path());
        for name in names_in(&generation) {
            if name.ends_with(".lock") {
                std::fs::remove_file(generation.join(name)).unwrap();
            }
        }
        let (top, inside) = (names_in(dir.path()), names_in(&generation));
        let snapshot = Snapshot::open(dir.path()).unwrap().unwrap();
        assert_eq!(snapshot.search("ambush", 5).unwrap().hits.len(), 1);
        drop(snapshot);
        assert_eq!(names_in(dir.path()), top);
        assert_eq!(names_in(&generation), inside, "no lock file for a reader");
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
