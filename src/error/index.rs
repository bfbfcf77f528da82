//! An index or a catalog that does not open.

/// Why there is no index to answer from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    Missing,
    OtherVersion(u32),
    /// What is damaged, in a few words of ours (the library's own words go to the log).
    Damaged(String),
}

/// Why a catalog cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Written by another version of the layout.
    Version(u32),
    /// What is wrong, in a few words.
    Damaged(String),
}
