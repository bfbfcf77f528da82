//! The library's one error type. A user's mistake ([`Error::User`]) is kept apart from an
//! internal failure, so each front end can answer the first privately and plainly and log
//! the second with its cause.
//!
//! This is the bottom layer of the crate: it and the files under it import no other module
//! of the crate (only std and the libraries: thiserror, toml, tantivy, serde_json, tokio),
//! so every module can import its errors from here and none is imported back. A variant
//! that speaks of a higher module's data carries what its message says of it, not the data
//! itself: [`Error::WorkerAnsweredAnother`] holds the outcome's text, not the job's outcome.
//!
//! So the modules' own error enums live here too, one file per module that owns them, which
//! re-exports them where they have always been named (`crate::corpus::DocumentError` is
//! [`corpus::DocumentError`]). The families, by file:
//!
//! - [`config`]: a `bot.toml` refused ([`ConfigError`]);
//! - [`corpus`]: a file that is not a document ([`DocumentError`]);
//! - [`evaluate`]: an evaluation's files ([`EvalError`]);
//! - [`extract`]: the configured parties ([`PartyError`]);
//! - [`feeds`]: a feed that cannot be followed, or the feeds' state file ([`FeedError`],
//!   which carries an [`feeds::InvalidFeed`], a [`feeds::SpecError`] and a
//!   [`feeds::PatternError`]), and the longest poll interval, which a message states;
//! - [`files`]: a file someone named that was not read ([`files::ReadError`], which a
//!   [`DocumentError`] carries);
//! - [`index`]: no index to answer from ([`Unavailable`]), a catalog that does not read
//!   ([`Unreadable`]);
//! - [`ingest`]: a link, a page or a feed that could not be taken in ([`IngestError`],
//!   which carries an [`ingest::FetchError`]).
//!
//! The internal failures of [`Error`] come in groups, each variant naming what failed and
//! carrying its cause where there is one:
//!
//! - configuration: `bot.toml` ([`ConfigError`], with the file it is in), the configured
//!   parties ([`PartyError`]), an evaluation's files ([`EvalError`]), the console;
//! - files: [`Error::Io`], with the path;
//! - the index: tantivy's own errors, and a generation that does not open as its build
//!   left it (a missing field, a store, a count that disagrees with the catalog, a panic in
//!   the library);
//! - the catalog: encoding it, or one just written that does not read back;
//! - the index worker: stopped, or answering another job than the one asked; a
//!   briefing's engine whose opening task failed;
//! - the library of documents: an ingested document that would not load back, the trash
//!   manifest, a page that could not be fetched, the feeds' state file.
//!
//! Errors that answer their own caller and never reach this type stay with their modules:
//! an attachment's download (`discord::attachments::DownloadError`), a JSONL line
//! ([`crate::ingest::jsonl::LineReason`]), an embed over a Discord limit
//! ([`crate::render::discord::LimitError`]), what a sink did with an article
//! ([`crate::feeds::Stored`]).
//!
//! Every message reads as the text it replaced, word for word: logs, replies and tests
//! depend on it.

pub mod config;
pub mod corpus;
pub mod evaluate;
pub mod extract;
pub mod feeds;
pub mod files;
pub mod index;
pub mod ingest;

use std::path::PathBuf;

use config::ConfigError;
use corpus::DocumentError;
use evaluate::EvalError;
use extract::PartyError;
use feeds::FeedError;
use index::{Unavailable, Unreadable};
use ingest::IngestError;

/// A mistake the person asking can fix: an unknown command, a bad option, an unknown party.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct UserError {
    pub message: String,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    User(#[from] UserError),

    // Configuration.
    #[error("configuration: {}: {cause}", path.display())]
    ConfigFile { path: PathBuf, cause: ConfigError },
    #[error("configuration: {0}")]
    Parties(#[from] PartyError),
    #[error("configuration: {0}")]
    Evaluate(#[from] EvalError),
    #[error("configuration: cannot start the console: {0}")]
    ConsoleStart(rustyline::error::ReadlineError),

    /// The cause is part of the message (not chained), so it is said once everywhere.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },

    // The index and its generations.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A generation's folder that tantivy will not open.
    #[error("index: {}: {cause}", generation.display())]
    Generation {
        generation: PathBuf,
        cause: tantivy::TantivyError,
    },
    #[error("index: the search library panicked")]
    LibraryPanicked,
    #[error("index: a store does not open: {0}")]
    StoreUnopenable(std::io::Error),
    #[error("index: {searchable} paragraphs searchable, {catalog} in the catalog")]
    ParagraphCount { searchable: u64, catalog: usize },
    #[error("index: the index has no field `{0}`")]
    SchemaMissingField(String),
    #[error("index: paragraph {0} is not in the catalog")]
    ParagraphMissing(usize),
    #[error("index: a paragraph without its number")]
    ParagraphUnnumbered,
    #[error("index: the index just built does not open: {0:?}")]
    BuiltIndexUnavailable(Unavailable),
    #[error("index: no index to reload: {0:?}")]
    NoIndexToReload(Unavailable),
    #[error("index: the extractor stopped on a document")]
    ExtractorStopped,
    #[error("index build cancelled")]
    Cancelled,

    // The catalog.
    #[error("index: the corpus is too large for one catalog (over 4 GB of text)")]
    CatalogTooLarge,
    #[error("index: cannot encode the catalog: {0}")]
    CatalogEncode(serde_json::Error),
    #[error("index: a catalog just written: {0:?}")]
    CatalogCorrupt(Unreadable),

    // The index worker.
    #[error("index: the index worker has stopped")]
    WorkerStopped,
    #[error("index: the index worker stopped during the job")]
    WorkerStoppedDuringJob,
    /// The outcome it answered, as `{:?}` prints it: the jobs sit above this layer.
    #[error("index: the index worker answered another job: {0}")]
    WorkerAnsweredAnother(String),
    /// The blocking task that opens a briefing's engine panicked or was cancelled.
    #[error("index: opening a briefing failed: {0}")]
    BriefingOpen(tokio::task::JoinError),

    // The library of documents.
    #[error("index: an ingested document would not load back: {0}")]
    IngestedUnreadable(DocumentError),
    #[error("index: {}: {cause}", path.display())]
    TrashCorrupt {
        path: PathBuf,
        cause: serde_json::Error,
    },
    #[error("index: cannot encode the trash manifest: {0}")]
    TrashEncode(serde_json::Error),
    #[error("index: fetching {url}: {cause}")]
    Fetch { url: String, cause: IngestError },
    /// The feeds' state file; a moderator's mistake with a feed is a [`UserError`].
    #[error("index: {0}")]
    FeedState(FeedError),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            cause,
        }
    }

    /// Whether the person asking caused this and can fix it.
    pub fn is_user(&self) -> bool {
        matches!(self, Self::User(_))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_read_as_the_messages_they_replaced() {
        assert_eq!(
            Error::ParagraphMissing(7).to_string(),
            "index: paragraph 7 is not in the catalog"
        );
        assert_eq!(
            Error::WorkerStoppedDuringJob.to_string(),
            "index: the index worker stopped during the job"
        );
        assert_eq!(
            Error::NoIndexToReload(Unavailable::Missing).to_string(),
            "index: no index to reload: Missing"
        );
        assert_eq!(
            Error::ParagraphCount {
                searchable: 3,
                catalog: 4
            }
            .to_string(),
            "index: 3 paragraphs searchable, 4 in the catalog"
        );
    }

    #[test]
    fn a_bad_config_file_names_the_file_the_key_and_the_line() {
        let cause = crate::config::Config::parse("[answers]\n\nmax_hits = 0\n").unwrap_err();
        let error = Error::ConfigFile {
            path: "bot.toml".into(),
            cause,
        };
        assert_eq!(
            error.to_string(),
            "configuration: bot.toml: line 3: answers.max_hits: must be between 1 and 50"
        );
        assert!(!error.is_user());
    }

    #[test]
    fn an_ingested_document_that_would_not_load_back_says_why() {
        let cause = crate::corpus::parse_markdown("", "a.md".into()).unwrap_err();
        assert_eq!(
            Error::IngestedUnreadable(cause).to_string(),
            "index: an ingested document would not load back: empty file"
        );
    }
}
