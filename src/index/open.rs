//! Opening a generation for answering: `CURRENT` is read, the catalog mapped and its
//! record of the search files checked, and tantivy's files opened read-only, so that
//! whatever is missing, cut or of another version is said in a few words of ours and
//! the index rebuilt rather than misread.

use std::fs::File;
use std::path::{Path, PathBuf};

use tantivy::columnar::Column;
use tantivy::directory::Directory;
use tantivy::query::QueryParser;
use tantivy::{Index, IndexReader, Searcher};

use super::folder::is_generation_name;
use super::{
    CURRENT, Catalog, Fields, GenerationFile, Snapshot, Unavailable, catalog, read_only, search,
};
use crate::error::{Error, Result};

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
        let directory =
            read_only::ReadOnly::open(&generation).map_err(|cause| Error::Generation {
                generation: generation.clone(),
                cause,
            })?;
        let records = read_only::ReadOnly::open_for_records(&generation).map_err(|cause| {
            Error::Generation {
                generation: generation.clone(),
                cause,
            }
        })?;
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
        .unwrap_or(Err(Error::LibraryPanicked));
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
            .map_err(Error::StoreUnopenable)?;
        for field in [fields.text, fields.title] {
            segment.inverted_index(field)?;
        }
        pids.push(segment.fast_fields().u64(Fields::PID)?);
    }
    if searcher.num_docs() as usize != catalog.paragraph_count() {
        return Err(Error::ParagraphCount {
            searchable: searcher.num_docs(),
            catalog: catalog.paragraph_count(),
        });
    }
    Ok(Opened {
        index,
        reader,
        searcher,
        fields,
        pids,
    })
}
