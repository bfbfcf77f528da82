//! Polling one feed: conditional GET, the new entries filtered and turned into articles,
//! one batch to the sink, the state recorded, then the announcements.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use tokio::task::JoinSet;
use tokio::time::timeout_at;

use super::spec::Filter;
use super::{
    Announcer, FeedError, FeedSpec, Feeds, PollOutcome, PollReport, Sink, Skipped, Stored,
};
use crate::ingest::feed::{self, FeedEntry};
use crate::ingest::fetch::{Fetch, FetchOutcome, Validators};
use crate::ingest::{Article, IngestError, html};

/// After this many failed fetches of an entry's page, the entry is given up.
const MAX_ATTEMPTS: u32 = 3;

/// What a poll needs to know about its feed, copied out so no lock is held while it runs.
struct Job {
    /// The feed's poll lock, which also tells it apart from a feed removed and added
    /// again under the same address while this poll ran.
    polling: Arc<tokio::sync::Mutex<()>>,
    spec: FeedSpec,
    filter: Arc<Filter>,
    /// `None` on the first poll: everything is fetched afresh.
    validators: Option<Validators>,
    first_poll: bool,
    seen: HashSet<String>,
    quiet: HashSet<String>,
    attempts: BTreeMap<String, u32>,
}

/// The new entries of one poll, sorted out.
#[derive(Default)]
struct Harvest {
    articles: Vec<Article>,
    /// Per article: its entry id, and whether it may be announced.
    origins: Vec<(String, bool)>,
    skipped: Vec<Skipped>,
    /// Entries dealt with for good: never looked at again.
    settled: HashSet<String>,
    /// Entries whose page could not be fetched this time.
    failed: Vec<String>,
    new: usize,
    relevant: usize,
}

impl<F: Fetch + 'static, S: Sink, A: Announcer> Feeds<F, S, A> {
    /// Polls the feed `url` names now, whatever its schedule.
    pub async fn poll(&self, url: &str) -> Result<PollReport, FeedError> {
        let key = self.find(url)?;
        Ok(self.poll_key(&key).await)
    }

    /// Polls every feed at once; a slow or failing feed delays none of the others. The
    /// reports come in the order of [`Feeds::list`].
    pub async fn poll_all(self: &Arc<Self>) -> Vec<PollReport> {
        let keys: Vec<(String, String)> = self
            .lock()
            .feeds
            .iter()
            .map(|f| (f.key.clone(), f.spec.url.clone()))
            .collect();
        let mut tasks = JoinSet::new();
        for (at, (key, _)) in keys.iter().enumerate() {
            let feeds = Arc::clone(self);
            let key = key.clone();
            tasks.spawn(async move { (at, feeds.poll_key(&key).await) });
        }
        let mut reports: Vec<Option<PollReport>> = vec![None; keys.len()];
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((at, report)) => reports[at] = Some(report),
                Err(e) => tracing::error!(error = %e, "a feed poll panicked"),
            }
        }
        reports
            .into_iter()
            .zip(keys)
            .map(|(report, (_, url))| {
                report.unwrap_or_else(|| PollReport {
                    url,
                    first_poll: false,
                    outcome: PollOutcome::Failed {
                        error: "the poll stopped unexpectedly (see the log)".into(),
                    },
                    seconds: 0.0,
                })
            })
            .collect()
    }

    #[tracing::instrument(skip(self))]
    pub(super) async fn poll_key(&self, key: &str) -> PollReport {
        let started = Instant::now();
        let gone = |url: &str| PollReport {
            url: url.to_owned(),
            first_poll: false,
            outcome: PollOutcome::Failed {
                error: "the feed is no longer followed".into(),
            },
            seconds: 0.0,
        };
        let Some(polling) = self.with_feed(key, |f| f.polling.clone()) else {
            return gone(key);
        };
        let guard = polling.lock().await;
        let Some(job) = self.job(key) else {
            return gone(key);
        };
        let deadline = tokio::time::Instant::now() + self.poll_timeout;
        // The failure is kept as text: it is the feed's `last_error` in the state file.
        let fetched = match timeout_at(deadline, self.fetch_feed(&job)).await {
            Ok(fetched) => fetched.map_err(|e| e.to_string()),
            Err(_) => Err(format!(
                "timed out after {} s",
                self.poll_timeout.as_secs_f32()
            )),
        };
        let (outcome, announce) = match fetched {
            Err(error) => {
                tracing::warn!(url = %job.spec.url, %error, "feed poll failed");
                self.record(&job, |r, interval| {
                    r.failed(Utc::now(), interval, error.clone())
                });
                (PollOutcome::Failed { error }, Vec::new())
            }
            Ok(None) => {
                self.record(&job, |r, interval| r.succeeded(Utc::now(), interval));
                (PollOutcome::NotModified, Vec::new())
            }
            Ok(Some((entries, validators))) => {
                self.store(&job, entries, validators, deadline).await
            }
        };
        drop(guard);
        if let Some(announcer) = &self.announcer {
            for article in &announce {
                announcer.announce(article).await;
            }
        }
        PollReport {
            url: job.spec.url,
            first_poll: job.first_poll && !matches!(outcome, PollOutcome::Failed { .. }),
            outcome,
            seconds: started.elapsed().as_secs_f64(),
        }
    }

    /// The feed's entries and validators, or `None` if it has not changed.
    async fn fetch_feed(
        &self,
        job: &Job,
    ) -> Result<Option<(Vec<FeedEntry>, Validators)>, IngestError> {
        match self
            .fetcher
            .get(&job.spec.url, job.validators.as_ref())
            .await?
        {
            FetchOutcome::NotModified { .. } => Ok(None),
            FetchOutcome::Fetched(fetched) => {
                let entries = feed::parse(&fetched.body)?;
                Ok(Some((entries, fetched.validators)))
            }
        }
    }

    /// Sorts out the new entries, hands the articles to the sink in one batch and records
    /// the poll. Returns the outcome and the articles to announce.
    async fn store(
        &self,
        job: &Job,
        entries: Vec<FeedEntry>,
        validators: Validators,
        deadline: tokio::time::Instant,
    ) -> (PollOutcome, Vec<Article>) {
        let mut harvest = self.harvest(job, &entries, deadline).await;
        let results = if harvest.articles.is_empty() {
            Vec::new()
        } else {
            self.sink.add(harvest.articles.clone()).await
        };
        let mut added = Vec::new();
        let mut announce = Vec::new();
        for (i, (article, (id, announceable))) in
            harvest.articles.iter().zip(&harvest.origins).enumerate()
        {
            match results.get(i) {
                Some(Stored::Added { title }) => {
                    added.push(title.clone());
                    if *announceable {
                        announce.push(article.clone());
                    }
                }
                Some(Stored::Refused { reason } | Stored::Failed { reason }) => {
                    harvest.skipped.push(Skipped {
                        title: article.title.clone(),
                        reason: reason.clone(),
                    })
                }
                None => {
                    tracing::error!(title = %article.title, "the sink gave no answer for an article");
                    harvest.skipped.push(Skipped {
                        title: article.title.clone(),
                        reason: "the library did not say whether it was stored; will retry".into(),
                    });
                    continue;
                }
            }
            harvest.settled.insert(id.clone());
        }
        let current: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
        self.record(job, |r, interval| {
            r.etag = validators.etag.clone();
            r.last_modified = validators.last_modified.clone();
            for id in &harvest.failed {
                *r.attempts.entry(id.clone()).or_default() += 1;
            }
            if job.first_poll {
                r.quiet = current
                    .iter()
                    .filter(|id| !harvest.settled.contains(*id))
                    .cloned()
                    .collect();
            }
            r.remember(&current, &harvest.settled);
            r.first_poll_done = true;
            r.succeeded(Utc::now(), interval);
        });
        tracing::info!(
            url = %job.spec.url,
            entries = entries.len(),
            new = harvest.new,
            added = added.len(),
            first_poll = job.first_poll,
            "feed polled"
        );
        let outcome = PollOutcome::Polled {
            entries: entries.len(),
            new: harvest.new,
            relevant: harvest.relevant,
            added,
            skipped: harvest.skipped,
        };
        (outcome, announce)
    }

    /// Turns the entries not seen before into articles: filtered first, then the entry's
    /// own text when it is the whole article, otherwise its page. Pages are fetched one
    /// after another until `deadline`; those not reached are left for the next poll.
    async fn harvest(
        &self,
        job: &Job,
        entries: &[FeedEntry],
        deadline: tokio::time::Instant,
    ) -> Harvest {
        let mut harvest = Harvest::default();
        let mut in_this_poll = HashSet::new();
        for entry in entries {
            if job.seen.contains(&entry.id) || !in_this_poll.insert(entry.id.as_str()) {
                continue;
            }
            harvest.new += 1;
            if !job.filter.accepts(&entry_text(entry)) {
                harvest.settled.insert(entry.id.clone());
                continue;
            }
            harvest.relevant += 1;
            let skip = |reason: String| Skipped {
                title: title_of(entry),
                reason,
            };
            match self.article(entry, deadline).await {
                Ok(article) => {
                    let announceable = !job.first_poll && !job.quiet.contains(&entry.id);
                    harvest.articles.push(article);
                    harvest.origins.push((entry.id.clone(), announceable));
                }
                Err(Failure::Final(reason)) => {
                    harvest.skipped.push(skip(reason));
                    harvest.settled.insert(entry.id.clone());
                }
                Err(Failure::Retry(reason)) => {
                    let tries = job.attempts.get(&entry.id).copied().unwrap_or(0) + 1;
                    if tries >= MAX_ATTEMPTS {
                        harvest
                            .skipped
                            .push(skip(format!("{reason} (given up after {tries} tries)")));
                        harvest.settled.insert(entry.id.clone());
                    } else {
                        harvest.skipped.push(skip(format!("{reason}; will retry")));
                        harvest.failed.push(entry.id.clone());
                    }
                }
                Err(Failure::OutOfTime) => harvest.skipped.push(skip(
                    "the poll ran out of time before fetching it; will retry".into(),
                )),
            }
        }
        harvest
    }

    /// The entry as an article: its own text when that is the whole article (or there is
    /// no page to fetch), otherwise its page fetched and extracted.
    async fn article(
        &self,
        entry: &FeedEntry,
        deadline: tokio::time::Instant,
    ) -> Result<Article, Failure> {
        let link = match &entry.link {
            Some(link) if !feed::is_full_text(entry) => link,
            _ => {
                let article =
                    feed::entry_to_article(entry).map_err(|e| Failure::Final(e.to_string()))?;
                return Ok(complete(article, entry));
            }
        };
        if tokio::time::Instant::now() >= deadline {
            return Err(Failure::OutOfTime);
        }
        let fetched = match timeout_at(deadline, self.fetcher.get(link, None)).await {
            Err(_) => return Err(Failure::OutOfTime),
            Ok(Err(e)) => return Err(Failure::Retry(format!("its page: {e}"))),
            Ok(Ok(FetchOutcome::NotModified { .. })) => {
                return Err(Failure::Retry(
                    "its page: the server answered 304 Not Modified to a plain request".into(),
                ));
            }
            Ok(Ok(FetchOutcome::Fetched(fetched))) => fetched,
        };
        let article = html::extract_bytes(
            &fetched.body,
            fetched.content_type.as_deref(),
            Some(&fetched.final_url),
        )
        .map_err(|e| Failure::Retry(format!("its page: {e}")))?;
        Ok(complete(article, entry))
    }

    /// Runs `f` on the polled feed's record, then saves the state; nothing happens if
    /// the feed was removed meanwhile.
    fn record(&self, job: &Job, f: impl FnOnce(&mut super::state::FeedRecord, u64)) {
        {
            let mut inner = self.lock();
            let Some(feed) = inner
                .feeds
                .iter_mut()
                .find(|f| Arc::ptr_eq(&f.polling, &job.polling))
            else {
                return;
            };
            f(&mut feed.record, feed.spec.interval_minutes);
        }
        if let Err(e) = self.persist() {
            tracing::error!(error = %e, "could not save the feed state");
        }
    }

    fn with_feed<T>(&self, key: &str, f: impl FnOnce(&super::Feed) -> T) -> Option<T> {
        self.lock().feeds.iter().find(|feed| feed.key == key).map(f)
    }

    fn job(&self, key: &str) -> Option<Job> {
        self.with_feed(key, |f| {
            let r = &f.record;
            Job {
                polling: f.polling.clone(),
                spec: f.spec.clone(),
                filter: f.filter.clone(),
                validators: r.first_poll_done.then(|| r.validators()),
                first_poll: !r.first_poll_done,
                seen: r.seen.iter().cloned().collect(),
                quiet: r.quiet.iter().cloned().collect(),
                attempts: r.attempts.clone(),
            }
        })
    }
}

/// Why an entry could not be made an article.
enum Failure {
    /// It never will be (no text at all): not tried again.
    Final(String),
    /// Its page failed; tried again next poll, up to [`MAX_ATTEMPTS`].
    Retry(String),
    OutOfTime,
}

/// What the filters look at: the title and whatever text the entry carries.
fn entry_text(entry: &FeedEntry) -> String {
    [
        Some(entry.title.as_str()),
        entry.summary.as_deref(),
        entry.content.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
}

fn title_of(entry: &FeedEntry) -> String {
    if entry.title.is_empty() {
        entry.link.clone().unwrap_or_else(|| "(untitled)".into())
    } else {
        entry.title.clone()
    }
}

/// Fills what the page did not say from the feed entry.
fn complete(mut article: Article, entry: &FeedEntry) -> Article {
    if article.title.trim().is_empty() && !entry.title.is_empty() {
        article.title = entry.title.clone();
    }
    article.url = article.url.or_else(|| entry.link.clone());
    article.outlet = article.outlet.or_else(|| entry.outlet.clone());
    article.published = article
        .published
        .or_else(|| entry.published.map(|d| d.date_naive()));
    article.author = article.author.or_else(|| entry.author.clone());
    article.language = article.language.or_else(|| entry.language.clone());
    article.fetched_at.get_or_insert_with(Utc::now);
    article
}
