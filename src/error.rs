//! The library's one error type. A user's mistake ([`Error::User`]) is kept apart from an
//! internal failure, so each front end can answer the first privately and plainly and log
//! the second with its cause.

use std::path::PathBuf;

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
    #[error("configuration: {0}")]
    Config(String),
    /// The cause is part of the message (not chained), so it is said once everywhere.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
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
