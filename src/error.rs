//! The library's one error type. A user's mistake ([`Error::User`]) is kept apart from an
//! internal failure, so each front end can answer the first privately and plainly and log
//! the second with its cause.
//!
//! The internal failures come in families, each variant naming what failed and carrying
//! its cause where there is one:
//!
//! - configuration: `bot.toml` ([`ConfigError`], with the file it is in), the configured
//!   parties ([`PartyError`]), an evaluation's files ([`EvalError`]), the console;
//! - files: [`Error::Io`], with the path;
//! - the index: tantivy's own errors, and a generation that does not open as its build
//!   left it (a missing field, a store, a count that disagrees with the catalog, a panic in
//!   the library);
//! - the catalog: encoding it, or one just written that does not read back;
//! - the index worker: stopped, or answering another job than the one asked;
//! - the library of documents: an ingested document that would not load back, the trash
//!   manifest, a page that could not be fetched, the feeds' state file.
//!
//! Modules with a family of their own mistakes keep an enum of their own
//! ([`crate::corpus::DocumentError`], [`ConfigError`], [`crate::feeds::SpecError`]) and
//! convert into this one. Every message reads as the text it replaced, word for word:
//! logs, replies and tests depend on it.

use std::path::PathBuf;

use crate::config::ConfigError;
use crate::evaluate::EvalError;
use crate::extract::PartyError;

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
    #[error("index: {0}")]
    IndexData(String),
    #[error("index build cancelled")]
    Cancelled,
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
