//! An evaluation that cannot run, for the files it reads.

use std::path::PathBuf;

/// Why an evaluation cannot run: the files it reads, named with what is wrong in them.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// TOML's message spans lines on purpose, but ends with one.
    #[error("{}: {}", path.display(), cause.to_string().trim())]
    Gold {
        path: PathBuf,
        cause: toml::de::Error,
    },
    #[error("{}: {cause}", path.display())]
    Collection {
        path: PathBuf,
        cause: std::sync::Arc<std::io::Error>,
    },
    #[error("{}: {id} is not in {}", ids_file.display(), collection.display())]
    NotInCollection {
        ids_file: PathBuf,
        id: String,
        collection: PathBuf,
    },
}
