//! Reporting a moderator gave that could not be taken in: a link, a page, a feed, a fetch.

use std::net::IpAddr;
use std::time::Duration;

/// Everything that can go wrong while ingesting. Every variant is about the input a
/// moderator gave, except [`FetchError::is_internal`] ones, and its message is meant to be
/// shown to them as it is.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("not a usable link: {input} ({reason})")]
    InvalidUrl { input: String, reason: String },
    #[error("only http and https links are accepted, not {scheme}:")]
    UnsupportedScheme { scheme: String },
    #[error("no article text found: {reason}")]
    NoArticleText { reason: String },
    #[error("cannot read the page: {reason}")]
    UnreadablePage { reason: String },
    #[error("not a valid RSS or Atom feed: {reason}")]
    InvalidFeed { reason: String },
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl IngestError {
    /// A failure of ours rather than of the input: log it with its cause and apologise,
    /// instead of telling the moderator what to fix.
    pub fn is_internal(&self) -> bool {
        matches!(self, IngestError::Fetch(e) if e.is_internal())
    }
}

/// Why a fetch failed, worded for the moderator who asked for it.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("not a valid link: {url} ({reason})")]
    InvalidUrl { url: String, reason: String },
    #[error("only http and https links can be fetched, not {scheme}:")]
    UnsupportedScheme { scheme: String },
    #[error("refused: {addr} is {why}")]
    Refused {
        host: String,
        addr: IpAddr,
        why: &'static str,
    },
    #[error("could not look up {host}: {reason}")]
    Resolve { host: String, reason: String },
    #[error("could not connect to {host}: {reason}")]
    Connect { host: String, reason: String },
    #[error("timed out after {} s", .after.as_secs_f32())]
    Timeout { after: Duration },
    #[error("too large: over {}", human_size(*.limit))]
    TooLarge { limit: usize },
    #[error("unsupported content type {content_type}: expected a web page, a feed or text")]
    UnsupportedContentType { content_type: String },
    #[error("too many redirects: more than {limit}")]
    TooManyRedirects { limit: usize },
    #[error("the server sent a broken redirect: {reason}")]
    BadRedirect { reason: String },
    #[error("the server answered {status}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        status: u16,
        reason: Option<&'static str>,
    },
    #[error("network error: {0}")]
    Network(String),
    #[error("could not set up the HTTP client: {0}")]
    Client(String),
}

impl FetchError {
    /// A failure of ours rather than of the link or the server: log it, apologise.
    pub fn is_internal(&self) -> bool {
        matches!(self, FetchError::Client(_))
    }
}

fn human_size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}
