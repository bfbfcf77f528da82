//! A file of the corpus that is not a document.

use super::files::ReadError;

/// Why a file is not a document; the words are meant for the person who put it there, and
/// are the reason a skipped file is listed with.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("not UTF-8 text (invalid byte at offset {valid_up_to})")]
    NotUtf8 { valid_up_to: usize },
    #[error("empty file")]
    Empty,
    #[error(
        "no front matter: a Markdown document starts with a `+++` line, then TOML with at least `title = \"...\"`, then `+++`"
    )]
    NoFrontMatter,
    #[error("front matter is not closed by a `+++` line")]
    FrontMatterNotClosed,
    /// TOML's message spans lines (it quotes the source); it is said on one.
    #[error("front matter: {}", one_line(.0))]
    FrontMatter(toml::de::Error),
    #[error("front matter: `title` is empty")]
    EmptyTitle,
    #[error("no text after the title")]
    NoParagraphs,
}

fn one_line(error: &toml::de::Error) -> String {
    error
        .to_string()
        .trim()
        .replace('\n', " ")
        .replace("  ", " ")
}
