//! A feed that cannot be followed: its address, its interval or its patterns, or the
//! feeds' state file.

use std::path::PathBuf;

use super::ingest::IngestError;

/// The longest poll interval: once a day. It is here, not with the other settings of a
/// feed, because [`SpecError::Interval`] says it.
pub const MAX_INTERVAL_MINUTES: u64 = 24 * 60;

/// What can go wrong with the feeds. All but [`FeedError::State`] are the moderator's to
/// fix, and the message says how.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// A feed that cannot be followed; one from bot.toml says so.
    #[error(
        "feed {url}: {}{reason}",
        .in_config.then_some("in bot.toml: ").unwrap_or_default()
    )]
    Invalid {
        url: String,
        in_config: bool,
        reason: InvalidFeed,
    },
    #[error("{url} is already followed")]
    AlreadyFollowed { url: String },
    #[error("no followed feed has the address {url} (`feeds list` shows them)")]
    NotFollowed { url: String },
    #[error("{url} is listed in bot.toml: remove its [[feeds]] table there and restart the bot")]
    Configured { url: String },
    #[error("feed state {}: {source}", path.display())]
    State {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl FeedError {
    /// A failure of ours (the state file) rather than the moderator's.
    pub fn is_internal(&self) -> bool {
        matches!(self, FeedError::State { .. })
    }
}

/// Why a feed cannot be followed.
#[derive(Debug, thiserror::Error)]
pub enum InvalidFeed {
    #[error(transparent)]
    Spec(#[from] SpecError),
    /// bot.toml lists one feed twice, perhaps spelt two ways.
    #[error("listed twice")]
    ListedTwice,
}

/// What is wrong with a feed as given; the message starts with the field it is about
/// (`interval_minutes: must be ...`), which [`SpecError::field`] names alone.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("url: {0}")]
    Url(IngestError),
    #[error("interval_minutes: must be between 1 and {MAX_INTERVAL_MINUTES} (a day), not {0}")]
    Interval(u64),
    #[error("{field}: {value:?} {why}")]
    Pattern {
        field: &'static str,
        value: String,
        why: PatternError,
    },
}

impl SpecError {
    /// The field of the spec the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            SpecError::Url(_) => "url",
            SpecError::Interval(_) => "interval_minutes",
            SpecError::Pattern { field, .. } => field,
        }
    }

    /// The message without its leading field, for one that names the field its own way.
    pub fn reason(&self) -> String {
        let message = self.to_string();
        let field = self.field();
        message
            .strip_prefix(field)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&message)
            .to_string()
    }
}

/// Why an include or exclude pattern does not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("is an empty regular expression")]
    EmptyRegex,
    #[error("is empty: it would match everything")]
    Empty,
    /// The regex crate's reason, from the last line of its message.
    #[error("is not a valid regular expression ({0})")]
    Invalid(String),
}
