//! Feeds: RSS and Atom feeds followed on a schedule, so that new reporting reaches the
//! index without anyone adding it by hand.
//!
//! A feed comes from bot.toml or from a moderator ([`Feeds::add`]). Each is polled on
//! its own interval with jitter ([`Feeds::spawn`]) or on demand ([`Feeds::poll`]): a
//! conditional GET, then every entry not seen before is filtered by its include and
//! exclude patterns, turned into an [`Article`] (the entry's own text when it is the whole
//! article, otherwise its page fetched and extracted), and the batch handed to a [`Sink`]
//! — the library, which saves and reindexes. Newly stored articles are announced through
//! an [`Announcer`], except on a feed's first poll, which only catches up. What each feed
//! has seen, and its health, is kept in a JSON state file ([`state`]).

mod poll;
mod schedule;
mod spec;
mod state;

// The ingest tests' loopback server, compiled again here because `ingest` keeps it
// private; `pub(crate)` there would let this be a `use`.
#[cfg(test)]
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../ingest/test_server.rs"]
mod test_server;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::ingest::Article;
use crate::ingest::fetch::Fetch;
use spec::Filter;
use state::{FeedRecord, StateFile};

pub use crate::error::feeds::{FeedError, InvalidFeed};
pub use spec::{DEFAULT_INTERVAL_MINUTES, FeedSpec, MAX_INTERVAL_MINUTES, PatternError, SpecError};

/// Where new articles go: the library, which saves them as Markdown and reindexes
/// through the single index writer.
pub trait Sink: Send + Sync + 'static {
    /// Adds the articles; returns, per article in order, what became of it.
    fn add(&self, articles: Vec<Article>) -> impl Future<Output = Vec<Stored>> + Send;
}

/// What became of one article handed to a [`Sink`]. All but `Added` are final: the
/// entry is not tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Added, under this title.
    Added { title: String },
    /// The library would not take it, e.g. a duplicate of an article it has.
    Refused { reason: String },
    /// Storing it failed (the index worker stopped, say).
    Failed { reason: String },
}

/// Where announcements of new articles go (a Discord channel).
pub trait Announcer: Send + Sync + 'static {
    fn announce(&self, article: &Article) -> impl Future<Output = ()> + Send;
}

/// An [`Announcer`] for when there is no announcement channel: `None::<NoAnnouncer>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAnnouncer;

impl Announcer for NoAnnouncer {
    async fn announce(&self, _article: &Article) {}
}

pub type Result<T, E = FeedError> = std::result::Result<T, E>;

/// Where a feed was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedSource {
    /// bot.toml: changed only by editing it.
    Config,
    /// Added by a moderator at runtime.
    Added,
}

/// A feed and its health, for `feeds list` and `/status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedStatus {
    #[serde(flatten)]
    pub spec: FeedSpec,
    pub source: FeedSource,
    pub first_poll_done: bool,
    pub last_poll: Option<DateTime<Utc>>,
    pub last_success: Option<DateTime<Utc>>,
    /// Why the last poll failed; cleared by a successful one.
    pub last_error: Option<String>,
    pub consecutive_failures: u32,
    pub next_due: Option<DateTime<Utc>>,
    /// Entries remembered as already dealt with.
    pub seen: usize,
}

/// What one poll of one feed did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollReport {
    pub url: String,
    /// The feed's first successful poll: its entries were stored, not announced.
    pub first_poll: bool,
    pub outcome: PollOutcome,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PollOutcome {
    /// The server answered 304: nothing changed.
    NotModified,
    Polled {
        /// Entries in the feed.
        entries: usize,
        /// Entries not seen before.
        new: usize,
        /// New entries that passed the include and exclude filters.
        relevant: usize,
        /// Titles of the articles stored.
        added: Vec<String>,
        skipped: Vec<Skipped>,
    },
    Failed {
        error: String,
    },
}

/// A relevant entry that was not stored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub title: String,
    pub reason: String,
}

/// The followed feeds: shared in an `Arc` by the scheduler and every front end.
pub struct Feeds<F, S, A> {
    state_path: PathBuf,
    fetcher: F,
    sink: S,
    announcer: Option<A>,
    poll_timeout: Duration,
    inner: Mutex<Inner>,
    /// The generation of the state last written, so that an older snapshot never
    /// overwrites a newer one.
    written: Mutex<u64>,
    /// Wakes the scheduler when a feed is added.
    wake: tokio::sync::Notify,
    warnings: Vec<String>,
}

struct Inner {
    feeds: Vec<Feed>,
    generation: u64,
}

struct Feed {
    spec: FeedSpec,
    key: String,
    source: FeedSource,
    filter: Arc<Filter>,
    record: FeedRecord,
    /// Held for the length of a poll, so the scheduler and a moderator's `poll` never
    /// handle the same entries twice.
    polling: Arc<tokio::sync::Mutex<()>>,
}

impl Feed {
    fn new(spec: FeedSpec, source: FeedSource, record: FeedRecord) -> Result<Feed, SpecError> {
        spec.validate()?;
        Ok(Feed {
            key: spec.key()?,
            filter: Arc::new(spec.filter()?),
            spec,
            source,
            record,
            polling: Arc::default(),
        })
    }

    fn status(&self) -> FeedStatus {
        let r = &self.record;
        FeedStatus {
            spec: self.spec.clone(),
            source: self.source,
            first_poll_done: r.first_poll_done,
            last_poll: r.last_poll,
            last_success: r.last_success,
            last_error: r.last_error.clone(),
            consecutive_failures: r.consecutive_failures,
            next_due: r.next_due,
            seen: r.seen.len(),
        }
    }
}

/// How long one poll may spend on the network (the feed and its entries' pages) unless
/// [`Feeds::with_poll_timeout`] says otherwise. Storing what was fetched is not cut short.
pub const DEFAULT_POLL_TIMEOUT: Duration = Duration::from_secs(120);

impl<F: Fetch + 'static, S: Sink, A: Announcer> Feeds<F, S, A> {
    /// Loads the state at `state_path` (usually `<corpus>/ingested/.feeds.json`) and
    /// merges in the feeds from bot.toml. A bot.toml feed that is invalid or listed twice
    /// is an error; a state file that cannot be read is moved aside and reported in
    /// [`Feeds::warnings`].
    pub fn open(
        state_path: impl Into<PathBuf>,
        configured: Vec<FeedSpec>,
        fetcher: F,
        sink: S,
        announcer: Option<A>,
    ) -> Result<Self> {
        let state_path = state_path.into();
        let (mut file, warning) = state::load(&state_path)?;
        let mut warnings: Vec<String> = warning.into_iter().collect();
        let mut feeds: Vec<Feed> = Vec::new();
        for spec in configured {
            let url = spec.url.clone();
            let invalid = |reason: InvalidFeed| FeedError::Invalid {
                url: url.clone(),
                in_config: true,
                reason,
            };
            let key = spec.key().map_err(|e| invalid(e.into()))?;
            if feeds.iter().any(|f| f.key == key) {
                return Err(invalid(InvalidFeed::ListedTwice));
            }
            let record = file.feeds.remove(&key).unwrap_or_default();
            feeds.push(Feed::new(spec, FeedSource::Config, record).map_err(|e| invalid(e.into()))?);
        }
        for spec in std::mem::take(&mut file.added) {
            let key = spec.key().unwrap_or_default();
            if feeds.iter().any(|f| f.key == key) {
                tracing::info!(url = %spec.url, "an added feed is now in bot.toml");
                continue;
            }
            let record = file.feeds.remove(&key).unwrap_or_default();
            match Feed::new(spec.clone(), FeedSource::Added, record) {
                Ok(feed) => feeds.push(feed),
                Err(reason) => {
                    tracing::warn!(url = %spec.url, %reason, "dropping an invalid added feed");
                    warnings.push(format!("the added feed {} was dropped: {reason}", spec.url));
                }
            }
        }
        Ok(Feeds {
            state_path,
            fetcher,
            sink,
            announcer,
            poll_timeout: DEFAULT_POLL_TIMEOUT,
            inner: Mutex::new(Inner {
                feeds,
                generation: 0,
            }),
            written: Mutex::new(0),
            wake: tokio::sync::Notify::new(),
            warnings,
        })
    }

    /// Sets how long one poll may spend fetching before it gives up (a failure for the
    /// feed, or a retry later for entries whose pages were not reached).
    pub fn with_poll_timeout(mut self, timeout: Duration) -> Self {
        self.poll_timeout = timeout;
        self
    }

    /// Problems found while opening (a state file moved aside, an added feed dropped),
    /// for the log and `/status`.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn state_path(&self) -> &Path {
        &self.state_path
    }

    /// Follows a new feed; the scheduler polls it at once. Saved in the state file.
    pub async fn add(&self, spec: FeedSpec) -> Result<FeedStatus> {
        let invalid = |reason: SpecError| FeedError::Invalid {
            url: spec.url.clone(),
            in_config: false,
            reason: reason.into(),
        };
        let mut feed =
            Feed::new(spec.clone(), FeedSource::Added, FeedRecord::default()).map_err(invalid)?;
        feed.record.next_due = Some(Utc::now());
        let status = feed.status();
        {
            let mut inner = self.lock();
            if let Some(existing) = inner.feeds.iter().find(|f| f.key == feed.key) {
                return Err(FeedError::AlreadyFollowed {
                    url: existing.spec.url.clone(),
                });
            }
            inner.feeds.push(feed);
        }
        if let Err(e) = self.persist() {
            self.lock()
                .feeds
                .retain(|f| f.source != FeedSource::Added || f.spec != spec);
            return Err(e);
        }
        tracing::info!(url = %spec.url, "feed added");
        self.wake.notify_one();
        Ok(status)
    }

    /// Stops following an added feed and forgets what it had seen. Feeds from bot.toml
    /// are removed by editing it.
    pub async fn remove(&self, url: &str) -> Result<()> {
        let key = self.find(url)?;
        let removed = {
            let mut inner = self.lock();
            let Some(at) = inner.feeds.iter().position(|f| f.key == key) else {
                return Err(not_followed(url));
            };
            if inner.feeds[at].source == FeedSource::Config {
                return Err(FeedError::Configured {
                    url: inner.feeds[at].spec.url.clone(),
                });
            }
            inner.feeds.remove(at)
        };
        if let Err(e) = self.persist() {
            self.lock().feeds.push(removed);
            return Err(e);
        }
        tracing::info!(url = %removed.spec.url, "feed removed");
        Ok(())
    }

    /// Every feed with its health: bot.toml's first, then the added ones in order.
    pub fn list(&self) -> Vec<FeedStatus> {
        self.lock().feeds.iter().map(Feed::status).collect()
    }

    /// The key of the followed feed `url` names, in whatever spelling.
    fn find(&self, url: &str) -> Result<String> {
        let key = FeedSpec::new(url).key().map_err(|_| not_followed(url))?;
        if self.lock().feeds.iter().any(|f| f.key == key) {
            Ok(key)
        } else {
            Err(not_followed(url))
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Writes the state file from a snapshot taken now.
    fn persist(&self) -> Result<()> {
        let (bytes, generation) = {
            let mut inner = self.lock();
            inner.generation += 1;
            let file = StateFile {
                added: inner
                    .feeds
                    .iter()
                    .filter(|f| f.source == FeedSource::Added)
                    .map(|f| f.spec.clone())
                    .collect(),
                feeds: inner
                    .feeds
                    .iter()
                    .map(|f| (f.key.clone(), f.record.clone()))
                    .collect(),
                ..StateFile::default()
            };
            let bytes = serde_json::to_vec_pretty(&file).expect("the feed state serialises");
            (bytes, inner.generation)
        };
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        if *written >= generation {
            return Ok(());
        }
        state::write_atomic(&self.state_path, &bytes)?;
        *written = generation;
        Ok(())
    }
}

fn not_followed(url: &str) -> FeedError {
    FeedError::NotFollowed {
        url: url.trim().to_owned(),
    }
}
