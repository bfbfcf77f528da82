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
mod building;
pub mod catalog;
mod folder;
mod open;
mod read_only;
mod search;
mod stems;
#[cfg(test)]
mod tests;
mod writer;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::columnar::Column;
use tantivy::query::QueryParser;
use tantivy::schema::{FAST, Field, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, Searcher};

pub use building::{BuildSummary, ExtractionMode, Progress, build_documents, build_documents_with};
pub use catalog::{Catalog, CatalogDoc, Doc};
pub use folder::BuildLock;
use folder::{follow_umask, list_files, write_durably};
pub use open::current_generation;
pub use search::{Hit, ParagraphSet, SearchResults};
pub use writer::{BUILT, Writer};

pub use crate::error::index::Unavailable;
use crate::error::{Error, Result};

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
                .map_err(|_| Error::SchemaMissingField(name.to_string()))
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

/// The date a generation was built, for footers and `/status`.
pub fn built_on(snapshot: &Snapshot) -> NaiveDate {
    snapshot.catalog.built_at().date_naive()
}
