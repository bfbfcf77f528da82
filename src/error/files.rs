//! A file someone else named that was not read.

/// Why a file was not read; the words are meant for the person who named it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file (a folder, device, pipe or socket)")]
    NotRegular,
    #[error("over the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}
