//! The moderators' commands, once, for every front end: ingest by address or file,
//! forget and restore, reindex (with a dry run), feeds, and status. Writing goes through
//! the index worker; fetching through the fetch policy's safety rules.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;

use crate::commands::{Invocation, OptionValue};
use crate::engine::Engine;
use crate::error::{Error, Result, UserError};
use crate::feeds::{Announcer, FeedError, FeedSpec, FeedStatus, Feeds, PollReport, Sink, Stored};
use crate::ingest::Article;
use crate::ingest::fetch::Fetcher;
use crate::jobs::{Indexer, IngestReport, Job, Outcome, ReindexReport, TrashReport, Worker};
use crate::library::{self, Refused};
use crate::render::admin as render;
use crate::status::Status;

/// Feeds as the bot runs them: fetched under the policy, stored through the index worker.
pub type BotFeeds<A> = Feeds<Fetcher, Indexer, A>;

/// New feed entries are ingested as one job: one rebuild per poll.
impl Sink for Indexer {
    async fn add(&self, articles: Vec<Article>) -> Vec<Stored> {
        let titles: Vec<String> = articles.iter().map(|a| a.title.clone()).collect();
        let failed = |reason: String| {
            titles
                .iter()
                .map(|_| Stored::Failed {
                    reason: reason.clone(),
                })
                .collect()
        };
        match self.run(Job::Ingest(articles)).await {
            Ok(Outcome::Ingest(report)) => titles
                .iter()
                .map(
                    |title| match report.refused.iter().find(|r| r.what == *title) {
                        Some(refused) => Stored::Refused {
                            reason: refused.reason.clone(),
                        },
                        None => Stored::Added {
                            title: title.clone(),
                        },
                    },
                )
                .collect(),
            Ok(_) => failed("unexpected job outcome".into()),
            Err(e) => failed(e.to_string()),
        }
    }
}

/// The moderators' operations over one engine, its index worker and its feeds.
pub struct Moderation<A: Announcer> {
    pub engine: Arc<Engine>,
    pub indexer: Indexer,
    pub feeds: Arc<BotFeeds<A>>,
    fetcher: Fetcher,
    started: Instant,
}

impl<A: Announcer> Moderation<A> {
    /// Starts the index worker and opens the feeds' state. The worker is returned to be
    /// joined on shutdown.
    pub fn start(engine: Arc<Engine>, announcer: Option<A>) -> Result<(Self, Worker)> {
        let (indexer, worker) = Indexer::start(engine.clone());
        let config = engine.config();
        let feeds = Feeds::open(
            config.feeds_state(),
            config.feeds.clone(),
            Fetcher::new(config.fetch_policy()),
            indexer.clone(),
            announcer,
        )
        .map_err(feed_error)?;
        for warning in feeds.warnings() {
            tracing::warn!(%warning, "feeds");
        }
        let moderation = Moderation {
            fetcher: Fetcher::new(config.fetch_policy()),
            engine,
            indexer,
            feeds: Arc::new(feeds),
            started: Instant::now(),
        };
        Ok((moderation, worker))
    }

    pub async fn reindex(&self, dry_run: bool) -> Result<ReindexReport> {
        match self.indexer.run(Job::Reindex { dry_run }).await? {
            Outcome::Reindex(report) => Ok(report),
            other => Err(unexpected(&other)),
        }
    }

    /// Fetches an article and adds it; a refused or failed fetch changes nothing.
    pub async fn ingest_url(&self, url: &str) -> Result<IngestReport> {
        let article = self.fetch_article(url).await?;
        self.ingest(vec![article], Vec::new()).await
    }

    /// Adds the articles in a file (`.md`, `.txt`, `.html`, `.jsonl`), at most the
    /// fetch policy's size.
    pub async fn ingest_file(&self, name: &str, bytes: &[u8]) -> Result<IngestReport> {
        let (articles, refused) = self.articles_in_file(name, bytes)?;
        self.ingest(articles, refused).await
    }

    fn articles_in_file(&self, name: &str, bytes: &[u8]) -> Result<(Vec<Article>, Vec<Refused>)> {
        let limit = self.engine.config().fetch.max_bytes;
        if bytes.len() > limit {
            return Err(UserError::new(format!(
                "Not added: {name} is {} bytes, over the limit of {limit}",
                bytes.len()
            ))
            .into());
        }
        Ok(library::articles_from_file(name, bytes)?)
    }

    /// Reads a file a moderator named on this machine: a regular file, read no further
    /// than the fetch policy's size (`/dev/zero` is refused, not read).
    pub fn read_file(&self, path: &str) -> Result<Attachment> {
        let limit = self.engine.config().fetch.max_bytes as u64;
        match crate::files::read_regular(Path::new(path), limit) {
            Ok(bytes) => Ok((path.to_string(), bytes)),
            Err(why) => Err(UserError::new(format!("Not added: {path}: {why}")).into()),
        }
    }

    /// Adds every address and file named, as one job: all are fetched and read first, so
    /// one that fails leaves the corpus as it was.
    pub async fn ingest_items(&self, items: &[String]) -> Result<IngestReport> {
        let mut articles = Vec::new();
        let mut refused = Vec::new();
        for item in items {
            if item.starts_with("http://") || item.starts_with("https://") {
                articles.push(self.fetch_article(item).await?);
            } else {
                let (name, bytes) = self.read_file(item)?;
                let (mut found, mut not) = self.articles_in_file(&name, &bytes)?;
                articles.append(&mut found);
                refused.append(&mut not);
            }
        }
        self.ingest(articles, refused).await
    }

    async fn fetch_article(&self, url: &str) -> Result<Article> {
        library::fetch_article(&self.fetcher, url)
            .await
            .map_err(|e| match e.is_internal() {
                true => Error::Fetch {
                    url: url.to_string(),
                    cause: e,
                },
                false => Error::User(UserError::new(format!("Not added: {e}"))),
            })
    }

    async fn ingest(
        &self,
        articles: Vec<Article>,
        mut refused: Vec<Refused>,
    ) -> Result<IngestReport> {
        let mut report = match self.indexer.run(Job::Ingest(articles)).await? {
            Outcome::Ingest(report) => report,
            other => return Err(unexpected(&other)),
        };
        refused.append(&mut report.refused);
        report.refused = refused;
        Ok(report)
    }

    pub async fn forget(&self, source: &str) -> Result<TrashReport> {
        match self.indexer.run(Job::Forget(source.to_string())).await? {
            Outcome::Forget(report) => Ok(report),
            other => Err(unexpected(&other)),
        }
    }

    pub async fn restore(&self, source: &str) -> Result<TrashReport> {
        match self.indexer.run(Job::Restore(source.to_string())).await? {
            Outcome::Restore(report) => Ok(report),
            other => Err(unexpected(&other)),
        }
    }

    pub async fn feeds_add(&self, spec: FeedSpec) -> Result<FeedStatus> {
        self.feeds.add(spec).await.map_err(feed_error)
    }

    pub async fn feeds_remove(&self, url: &str) -> Result<()> {
        self.feeds.remove(url).await.map_err(feed_error)
    }

    pub fn feeds_list(&self) -> Vec<FeedStatus> {
        self.feeds.list()
    }

    /// Polls one feed now, or all of them at once.
    pub async fn feeds_poll(&self, url: Option<&str>) -> Result<Vec<PollReport>> {
        match url {
            Some(url) => Ok(vec![self.feeds.poll(url).await.map_err(feed_error)?]),
            None => Ok(self.feeds.poll_all().await),
        }
    }

    pub fn status(&self) -> Status {
        let snapshot = self.engine.snapshot();
        let catalog = &snapshot.catalog;
        Status {
            version: env!("CARGO_PKG_VERSION"),
            uptime_seconds: self.started.elapsed().as_secs(),
            documents: catalog.len(),
            independent_sources: catalog.documents().filter(|d| d.is_original()).count(),
            paragraphs: catalog.paragraph_count(),
            claims: catalog.claim_count(),
            statements: catalog.statement_count(),
            index_built_at: catalog.built_at(),
            index_bytes: folder_size(&snapshot.generation),
            reindex_running: self.indexer.is_busy(),
            last_reindex: self.indexer.last_reindex(),
            feeds: self.feeds.list(),
            feed_warnings: self.feeds.warnings().to_vec(),
        }
    }
}

/// A moderator command's reply: the words for a person and the report for tools.
#[derive(Debug, Clone)]
pub struct AdminReply {
    pub text: String,
    pub json: serde_json::Value,
}

impl AdminReply {
    fn new(text: String, report: &impl Serialize) -> Self {
        let json = serde_json::to_value(report).unwrap_or(serde_json::Value::Null);
        Self { text, json }
    }
}

/// An attached file: its name and contents.
pub type Attachment = (String, Vec<u8>);

impl<A: Announcer> Moderation<A> {
    /// Runs a moderator command from the table, as any front end received it. `file` is
    /// the attachment that came with `/ingest`, already read within the size limit.
    pub async fn execute(
        &self,
        invocation: &Invocation,
        file: Option<Attachment>,
    ) -> Result<AdminReply> {
        let text = |name: &str| invocation.text(name).map(str::to_string);
        let words = |name: &str| -> Vec<String> {
            text(name)
                .map(|t| {
                    t.split(',')
                        .map(|w| w.trim().to_string())
                        .filter(|w| !w.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        match invocation.command.name {
            "reindex" => {
                let dry_run = matches!(invocation.get("dry_run"), Some(OptionValue::Boolean(true)));
                let report = self.reindex(dry_run).await?;
                Ok(AdminReply::new(render::reindex(&report), &report))
            }
            "ingest" => {
                let report = match (text("url"), file) {
                    (Some(url), None) => self.ingest_url(&url).await?,
                    (None, Some((name, bytes))) => self.ingest_file(&name, &bytes).await?,
                    _ => {
                        return Err(UserError::new(
                            "Give either `url:` or a file to /ingest, not both or neither.",
                        )
                        .into());
                    }
                };
                Ok(AdminReply::new(render::ingest(&report), &report))
            }
            "forget" => {
                let report = self.forget(&text("source").unwrap_or_default()).await?;
                Ok(AdminReply::new(render::trash("Forgot", &report), &report))
            }
            "restore" => {
                let report = self.restore(&text("source").unwrap_or_default()).await?;
                Ok(AdminReply::new(render::trash("Restored", &report), &report))
            }
            "status" => {
                let status = self.status();
                Ok(AdminReply::new(render::status(&status), &status))
            }
            "feeds" => {
                let url = text("url");
                let need_url = || {
                    url.clone().ok_or_else(|| {
                        Error::User(UserError::new("This needs `url:`, the feed's address."))
                    })
                };
                match text("action").unwrap_or_default().as_str() {
                    "list" => {
                        let list = self.feeds_list();
                        Ok(AdminReply::new(render::feeds(&list), &list))
                    }
                    "add" => {
                        let spec = FeedSpec {
                            include: words("include"),
                            exclude: words("exclude"),
                            ..FeedSpec::new(need_url()?)
                        };
                        let status = self.feeds_add(spec).await?;
                        Ok(AdminReply::new(
                            format!("Following {}", render::feed(&status)),
                            &status,
                        ))
                    }
                    "remove" => {
                        let url = need_url()?;
                        self.feeds_remove(&url).await?;
                        Ok(AdminReply::new(
                            format!("No longer following {url}"),
                            &serde_json::json!({ "removed": url }),
                        ))
                    }
                    "poll" => {
                        let reports = self.feeds_poll(url.as_deref()).await?;
                        let text = match reports.is_empty() {
                            true => "No feeds are followed.".to_string(),
                            false => reports
                                .iter()
                                .map(render::poll)
                                .collect::<Vec<_>>()
                                .join("\n"),
                        };
                        Ok(AdminReply::new(text, &reports))
                    }
                    other => Err(UserError::new(format!(
                        "`action` must be list, add, remove or poll, not `{other}`"
                    ))
                    .into()),
                }
            }
            other => Err(UserError::new(format!("/{other} is not a moderator command")).into()),
        }
    }
}

fn unexpected(outcome: &Outcome) -> Error {
    Error::WorkerAnsweredAnother(format!("{outcome:?}"))
}

/// A moderator's mistake becomes a [`UserError`]; the state file failing is internal.
pub fn feed_error(e: FeedError) -> Error {
    if e.is_internal() {
        Error::FeedState(e)
    } else {
        Error::User(UserError::new(e.to_string()))
    }
}

fn folder_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_answering_another_job_is_logged_with_the_outcome_it_gave() {
        let outcome = Outcome::Ingest(IngestReport {
            added: Vec::new(),
            refused: Vec::new(),
            seconds: 0.5,
        });
        assert_eq!(
            unexpected(&outcome).to_string(),
            "index: the index worker answered another job: \
             Ingest(IngestReport { added: [], refused: [], seconds: 0.5 })"
        );
    }
}
