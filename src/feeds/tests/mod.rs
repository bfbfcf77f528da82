//! Tests of feeds against a site on loopback, with a library and an announcement channel
//! that keep what they are given. This file holds those stand-ins and the helpers every
//! test uses; the tests themselves are grouped by what they pin: polling, scheduling,
//! the state file and feed management, and specs, filters and reports.

mod persistence;
mod polling;
mod scheduling;
mod specs;

use std::collections::HashMap;
use std::sync::Mutex as StdMutex;
use std::time::{Duration, Instant};

use super::test_server::{Request, Response, TestServer};
use super::*;
use crate::ingest::fetch::{FetchPolicy, Fetcher};

/// One `Sink::add` call: when, and what.
type Batch = (Instant, Vec<Article>);

/// A library that keeps every batch it is given, with when it got it, and refuses the
/// titles it is told to as duplicates.
#[derive(Clone, Default)]
struct Library {
    batches: Arc<StdMutex<Vec<Batch>>>,
    duplicates: Arc<StdMutex<Vec<String>>>,
}

impl Library {
    fn titles(&self) -> Vec<String> {
        let batches = self.batches.lock().unwrap();
        batches
            .iter()
            .flat_map(|(_, b)| b.iter().map(|a| a.title.clone()))
            .collect()
    }

    fn batch_count(&self) -> usize {
        self.batches.lock().unwrap().len()
    }
}

impl Sink for Library {
    fn add(&self, articles: Vec<Article>) -> impl Future<Output = Vec<Stored>> + Send {
        let duplicates = self.duplicates.lock().unwrap().clone();
        let results = articles
            .iter()
            .map(|a| {
                if duplicates.contains(&a.title) {
                    Stored::Refused {
                        reason: "a duplicate of an article already in the corpus".to_owned(),
                    }
                } else {
                    Stored::Added {
                        title: a.title.clone(),
                    }
                }
            })
            .collect();
        self.batches
            .lock()
            .unwrap()
            .push((Instant::now(), articles));
        async move { results }
    }
}

/// An announcement channel that keeps the titles it was told about.
#[derive(Clone, Default)]
struct Channel(Arc<StdMutex<Vec<String>>>);

impl Channel {
    fn titles(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

impl Announcer for Channel {
    fn announce(&self, article: &Article) -> impl Future<Output = ()> + Send {
        self.0.lock().unwrap().push(article.title.clone());
        async {}
    }
}

type TestFeeds = Feeds<Fetcher, Library, Channel>;

/// A site on loopback: the responses it serves by path (answering 304 when the request's
/// validators match), and a log of the requests it got.
#[derive(Clone, Default)]
struct Site {
    pages: Arc<StdMutex<HashMap<String, Response>>>,
    requests: Arc<StdMutex<Vec<Request>>>,
}

impl Site {
    async fn start(&self) -> TestServer {
        let site = self.clone();
        TestServer::start(move |request| {
            site.requests.lock().unwrap().push(request.clone());
            let Some(response) = site.pages.lock().unwrap().get(&request.path).cloned() else {
                return Response::new(404);
            };
            let header = |r: &Response, name: &str| {
                r.headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.clone())
            };
            let etag = header(&response, "ETag");
            let unchanged = etag.is_some() && request.header("If-None-Match") == etag.as_deref()
                || header(&response, "Last-Modified")
                    .is_some_and(|lm| request.header("If-Modified-Since") == Some(lm.as_str()));
            if unchanged {
                return Response::new(304).header("ETag", etag.as_deref().unwrap_or(""));
            }
            response
        })
        .await
    }

    fn put(&self, path: &str, response: Response) {
        self.pages.lock().unwrap().insert(path.into(), response);
    }

    /// Serves an RSS feed at `/feed.xml` of `(id, title, summary)` items, each linking to
    /// an article page at `/a/<id>` that this also serves.
    fn publish_rss(&self, server: &TestServer, items: &[(&str, &str, &str)]) {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>"#,
        );
        for (id, title, summary) in items {
            let link = server.url(&format!("/a/{id}"));
            xml.push_str(&format!(
                "<item><guid>{id}</guid><title>{title}</title><link>{link}</link><description>{summary}</description></item>"
            ));
            self.put(
                &format!("/a/{id}"),
                Response::ok("text/html; charset=utf-8", article_page(title)),
            );
        }
        xml.push_str("</channel></rss>");
        self.put("/feed.xml", Response::ok("application/rss+xml", xml));
    }

    fn requests_to(&self, prefix: &str) -> Vec<Request> {
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .filter(|r| r.path.starts_with(prefix))
            .cloned()
            .collect()
    }
}

fn article_page(title: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>{title}</title>
        <meta property="og:title" content="{title}">
        <meta property="og:site_name" content="Test Outlet"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{title}</h1>
        <p>Officials on both sides gave differing accounts of what happened overnight near the road.</p>
        <p>Local residents said the crossing had been closed since early morning, according to witnesses.</p>
        </article></body></html>"#
    )
}

const TEASER: &str = "A short teaser.";

fn fetcher() -> Fetcher {
    Fetcher::new(FetchPolicy {
        allow_hosts: vec!["127.0.0.1".into()],
        timeout: Duration::from_secs(5),
        ..FetchPolicy::default()
    })
}

struct Setup {
    dir: tempfile::TempDir,
    library: Library,
    channel: Channel,
}

impl Setup {
    fn new() -> Self {
        Setup {
            dir: tempfile::tempdir().unwrap(),
            library: Library::default(),
            channel: Channel::default(),
        }
    }

    fn state_path(&self) -> PathBuf {
        self.dir.path().join("ingested").join(".feeds.json")
    }

    fn try_open(&self, configured: Vec<FeedSpec>) -> Result<TestFeeds> {
        Feeds::open(
            self.state_path(),
            configured,
            fetcher(),
            self.library.clone(),
            Some(self.channel.clone()),
        )
    }

    fn open(&self, configured: Vec<FeedSpec>) -> Arc<TestFeeds> {
        Arc::new(self.try_open(configured).unwrap())
    }
}

fn polled(report: &PollReport) -> (usize, usize, usize, Vec<String>, Vec<Skipped>) {
    match &report.outcome {
        PollOutcome::Polled {
            entries,
            new,
            relevant,
            added,
            skipped,
        } => (*entries, *new, *relevant, added.clone(), skipped.clone()),
        other => panic!("expected a poll with entries, got {other:?}"),
    }
}

fn strings(titles: &[&str]) -> Vec<String> {
    titles.iter().map(|t| t.to_string()).collect()
}

async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let give_up = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < give_up, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
