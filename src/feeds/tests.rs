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
    fn add(
        &self,
        articles: Vec<Article>,
    ) -> impl Future<Output = Vec<Result<String, String>>> + Send {
        let duplicates = self.duplicates.lock().unwrap().clone();
        let results = articles
            .iter()
            .map(|a| {
                if duplicates.contains(&a.title) {
                    Err("a duplicate of an article already in the corpus".to_owned())
                } else {
                    Ok(a.title.clone())
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

#[tokio::test]
async fn an_rss_feeds_entries_are_fetched_and_stored_in_one_batch() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(
        &server,
        &[
            ("1", "Checkpoint set up on the road", TEASER),
            ("2", "Convoy turned back at the bridge", TEASER),
            ("3", "Talks adjourned without a date", TEASER),
        ],
    );
    let setup = Setup::new();
    let feeds = setup.open(vec![FeedSpec::new(server.url("/feed.xml"))]);

    let report = feeds.poll(&server.url("/feed.xml")).await.unwrap();

    let (entries, new, relevant, added, skipped) = polled(&report);
    assert_eq!((entries, new, relevant), (3, 3, 3));
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        added,
        strings(&[
            "Checkpoint set up on the road",
            "Convoy turned back at the bridge",
            "Talks adjourned without a date"
        ])
    );
    assert!(report.first_poll);
    assert_eq!(setup.library.batch_count(), 1, "one batch, one reindex");
    let batches = setup.library.batches.lock().unwrap();
    let article = &batches[0].1[1];
    assert_eq!(article.url.as_deref(), Some(server.url("/a/2").as_str()));
    assert_eq!(article.outlet.as_deref(), Some("Test Outlet"));
    assert!(article.fetched_at.is_some());
    assert_eq!(article.paragraphs.len(), 2, "{:?}", article.paragraphs);
    assert_eq!(site.requests_to("/a/").len(), 3);
}

#[tokio::test]
async fn an_atom_feed_with_full_text_is_stored_without_fetching_its_pages() {
    let site = Site::default();
    let server = site.start().await;
    let paragraph = "The ministry said in a statement that the shelling had stopped by noon, \
                     but residents reported explosions into the evening across the district.";
    let content: String = (1..=6)
        .map(|n| format!("<p>{n}. {paragraph}</p>"))
        .collect();
    let entry = |id: &str, title: &str| {
        format!(
            r#"<entry><id>urn:test:{id}</id><title>{title}</title>
            <link rel="alternate" href="{}"/><updated>2023-09-19T10:00:00Z</updated>
            <content type="html"><![CDATA[{content}]]></content></entry>"#,
            server.url(&format!("/a/{id}"))
        )
    };
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
        <title>Atom Review</title><id>urn:test</id><updated>2023-09-19T10:00:00Z</updated>
        {}{}</feed>"#,
        entry("a", "Shelling stops by noon"),
        entry("b", "Residents report explosions")
    );
    site.put("/atom", Response::ok("application/atom+xml", atom));
    let setup = Setup::new();
    let feeds = setup.open(vec![FeedSpec::new(server.url("/atom"))]);

    let report = feeds.poll(&server.url("/atom")).await.unwrap();

    let (entries, _, _, added, skipped) = polled(&report);
    assert_eq!(entries, 2);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        added,
        strings(&["Shelling stops by noon", "Residents report explosions"])
    );
    assert!(
        site.requests_to("/a/").is_empty(),
        "full text needs no fetch"
    );
    let batches = setup.library.batches.lock().unwrap();
    let article = &batches[0].1[0];
    assert_eq!(article.paragraphs.len(), 6);
    assert_eq!(article.outlet.as_deref(), Some("Atom Review"));
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2023-09-19")
    );
}

#[tokio::test]
async fn an_unchanged_feed_answered_304_adds_nothing() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(&server, &[("1", "Only story", TEASER)]);
    let feed = site.pages.lock().unwrap()["/feed.xml"]
        .clone()
        .header("ETag", "\"v1\"")
        .header("Last-Modified", "Tue, 19 Sep 2023 10:00:00 GMT");
    site.put("/feed.xml", feed);
    let setup = Setup::new();
    let feeds = setup.open(vec![FeedSpec::new(server.url("/feed.xml"))]);

    let first = feeds.poll(&server.url("/feed.xml")).await.unwrap();
    let second = feeds.poll(&server.url("/feed.xml")).await.unwrap();

    assert_eq!(polled(&first).3, strings(&["Only story"]));
    assert_eq!(second.outcome, PollOutcome::NotModified);
    assert!(!second.first_poll);
    let asked = site.requests_to("/feed.xml");
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0].header("If-None-Match"), None);
    assert_eq!(asked[1].header("If-None-Match"), Some("\"v1\""));
    assert_eq!(
        asked[1].header("If-Modified-Since"),
        Some("Tue, 19 Sep 2023 10:00:00 GMT")
    );
    assert_eq!(setup.library.batch_count(), 1, "nothing added by the 304");
    assert_eq!(site.requests_to("/a/").len(), 1);
    assert!(feeds.list()[0].last_success.is_some());
}

#[tokio::test]
async fn the_first_poll_is_stored_quietly_and_a_new_entry_is_announced_once() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(
        &server,
        &[("1", "Old one", TEASER), ("2", "Old two", TEASER)],
    );
    let setup = Setup::new();
    let feeds = setup.open(vec![FeedSpec::new(server.url("/feed.xml"))]);
    let url = server.url("/feed.xml");

    let first = feeds.poll(&url).await.unwrap();
    assert!(first.first_poll);
    assert_eq!(setup.library.titles(), strings(&["Old one", "Old two"]));
    assert!(
        setup.channel.titles().is_empty(),
        "the first poll announces nothing"
    );

    site.publish_rss(
        &server,
        &[
            ("3", "Fresh story", TEASER),
            ("1", "Old one", TEASER),
            ("2", "Old two", TEASER),
        ],
    );
    let second = feeds.poll(&url).await.unwrap();
    assert!(!second.first_poll);
    let (entries, new, _, added, _) = polled(&second);
    assert_eq!((entries, new), (3, 1));
    assert_eq!(added, strings(&["Fresh story"]));
    assert_eq!(setup.channel.titles(), strings(&["Fresh story"]));

    let third = feeds.poll(&url).await.unwrap();
    assert_eq!(polled(&third).1, 0);
    assert_eq!(
        setup.channel.titles(),
        strings(&["Fresh story"]),
        "announced once"
    );
    assert_eq!(
        setup.library.batch_count(),
        2,
        "an empty poll hands over nothing"
    );
}

#[tokio::test]
async fn include_and_exclude_filters_pick_entries_by_word_and_regex() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(
        &server,
        &[
            ("1", "Talks resume", "The CEASEFIRE line was quiet."),
            ("2", "Convoy reaches the Lachyn road", TEASER),
            ("3", "Opinion: why the ceasefire fails", TEASER),
            ("4", "Ceasefires elsewhere in the world", TEASER),
            ("5", "Markets rally", TEASER),
        ],
    );
    let setup = Setup::new();
    let spec = FeedSpec {
        include: strings(&["ceasefire", "/lach[iy]n/"]),
        exclude: strings(&["opinion"]),
        ..FeedSpec::new(server.url("/feed.xml"))
    };
    let feeds = setup.open(vec![spec]);

    let report = feeds.poll(&server.url("/feed.xml")).await.unwrap();

    let (entries, new, relevant, added, _) = polled(&report);
    assert_eq!((entries, new, relevant), (5, 5, 2));
    assert_eq!(
        added,
        strings(&["Talks resume", "Convoy reaches the Lachyn road"]),
        "a keyword matches the summary and whole words only; a regex ignores case"
    );
    assert_eq!(
        site.requests_to("/a/").len(),
        2,
        "irrelevant pages are not fetched"
    );
    let again = feeds.poll(&server.url("/feed.xml")).await.unwrap();
    assert_eq!(
        polled(&again).1,
        0,
        "irrelevant entries are not looked at twice"
    );
}

#[test]
fn keywords_match_whole_words_and_phrases() {
    let spec = FeedSpec {
        include: strings(&["war", "peace talks", "C++", "/^breaking:/"]),
        ..FeedSpec::new("https://example.com/feed")
    };
    let filter = spec.filter().unwrap();
    assert!(filter.accepts("The war goes on"));
    assert!(filter.accepts("War."));
    assert!(!filter.accepts("New software released"));
    assert!(filter.accepts("Peace\n talks in Brussels"));
    assert!(filter.accepts("about C++ compilers"));
    assert!(filter.accepts("Breaking: news"));
    assert!(!filter.accepts("Not breaking: news"));
    assert!(
        FeedSpec::new("https://example.com/feed")
            .filter()
            .unwrap()
            .accepts("x")
    );
}

#[tokio::test]
async fn a_feed_that_never_answers_does_not_delay_another() {
    let slow = TestServer::start(|_| {
        Response::ok("application/rss+xml", "").delay(Duration::from_secs(60))
    })
    .await;
    let site = Site::default();
    let fast = site.start().await;
    site.publish_rss(&fast, &[("1", "Quick story", TEASER)]);
    let setup = Setup::new();
    let poll_timeout = Duration::from_secs(3);
    let feeds = Arc::new(
        setup
            .try_open(vec![
                FeedSpec::new(slow.url("/feed.xml")),
                FeedSpec::new(fast.url("/feed.xml")),
            ])
            .unwrap()
            .with_poll_timeout(poll_timeout),
    );

    let started = Instant::now();
    let reports = feeds.poll_all().await;
    let finished = Instant::now();

    match &reports[0].outcome {
        PollOutcome::Failed { error } => assert!(error.contains("timed out"), "{error}"),
        other => panic!("the slow feed should time out, got {other:?}"),
    }
    assert_eq!(polled(&reports[1]).3, strings(&["Quick story"]));
    let stored_at = setup.library.batches.lock().unwrap()[0].0;
    assert!(
        stored_at < started + poll_timeout,
        "the fast feed was stored {:?} after the start, not before the slow one timed out",
        stored_at - started
    );
    assert!(
        finished >= started + poll_timeout,
        "the slow poll ran to its timeout"
    );
    assert!(reports[1].seconds < reports[0].seconds);
    let slow_status = &feeds.list()[0];
    assert_eq!(slow_status.consecutive_failures, 1);
    assert!(
        slow_status
            .last_error
            .as_deref()
            .unwrap()
            .contains("timed out")
    );
}

#[tokio::test]
async fn a_failing_feed_backs_off_and_shows_its_last_error() {
    let site = Site::default();
    let server = site.start().await;
    site.put("/feed.xml", Response::new(500));
    let setup = Setup::new();
    let url = server.url("/feed.xml");
    let feeds = setup.open(vec![FeedSpec {
        interval_minutes: 10,
        ..FeedSpec::new(&url)
    }]);
    let minutes_until_due = |feeds: &TestFeeds| {
        let due = feeds.list()[0].next_due.unwrap();
        (due - Utc::now()).num_seconds() as f64 / 60.0
    };

    let report = feeds.poll(&url).await.unwrap();
    match &report.outcome {
        PollOutcome::Failed { error } => assert!(error.contains("500"), "{error}"),
        other => panic!("{other:?}"),
    }
    assert!(!report.first_poll);
    let status = &feeds.list()[0];
    assert_eq!(status.consecutive_failures, 1);
    assert_eq!(
        status.last_error.as_deref(),
        Some("the server answered 500 Internal Server Error")
    );
    assert!(!status.first_poll_done);
    let wait = minutes_until_due(&feeds);
    assert!((17.5..=22.0).contains(&wait), "first backoff: {wait} min");

    feeds.poll(&url).await.unwrap();
    assert_eq!(feeds.list()[0].consecutive_failures, 2);
    let wait = minutes_until_due(&feeds);
    assert!((35.5..=44.0).contains(&wait), "second backoff: {wait} min");

    site.publish_rss(&server, &[("1", "Back online", TEASER)]);
    let report = feeds.poll(&url).await.unwrap();
    assert!(
        report.first_poll,
        "the first poll that worked is the quiet one"
    );
    let status = &feeds.list()[0];
    assert_eq!(
        (status.consecutive_failures, status.last_error.as_deref()),
        (0, None)
    );
    let wait = minutes_until_due(&feeds);
    assert!(
        (8.5..=11.0).contains(&wait),
        "back to the interval: {wait} min"
    );
    assert!(setup.channel.titles().is_empty());
}

#[test]
fn backoff_doubles_per_failure_and_stops_at_a_day() {
    let minutes = |interval, failures| state::delay(interval, failures).num_seconds() as f64 / 60.0;
    for _ in 0..50 {
        let normal = minutes(30, 0);
        assert!((27.0..=33.0).contains(&normal), "{normal}");
        let thrice = minutes(30, 3);
        assert!((216.0..=264.0).contains(&thrice), "{thrice}");
        let capped = minutes(30, 40);
        assert!((1296.0..=1584.0).contains(&capped), "{capped}");
    }
    let spread: std::collections::HashSet<i64> =
        (0..20).map(|_| state::delay(30, 0).num_seconds()).collect();
    assert!(spread.len() > 1, "jitter varies");
}

#[tokio::test]
async fn the_state_survives_a_restart() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(&server, &[("1", "One", TEASER), ("2", "Two", TEASER)]);
    let feed = site.pages.lock().unwrap()["/feed.xml"]
        .clone()
        .header("ETag", "\"e1\"");
    site.put("/feed.xml", feed);
    let setup = Setup::new();
    let configured = FeedSpec::new("https://configured.example/rss");
    let added = FeedSpec {
        include: strings(&["one", "two"]),
        interval_minutes: 15,
        ..FeedSpec::new(server.url("/feed.xml"))
    };
    {
        let feeds = setup.open(vec![configured.clone()]);
        feeds.add(added.clone()).await.unwrap();
        polled(&feeds.poll(&added.url).await.unwrap());
    }
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(setup.state_path()).unwrap()).unwrap();
    assert_eq!(
        saved["added"].as_array().unwrap().len(),
        1,
        "bot.toml feeds are not saved as added"
    );

    let feeds = setup.open(vec![configured.clone()]);
    let list = feeds.list();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (&list[0].spec, list[0].source),
        (&configured, FeedSource::Config)
    );
    let status = &list[1];
    assert_eq!((&status.spec, status.source), (&added, FeedSource::Added));
    assert!(status.first_poll_done);
    assert_eq!(status.seen, 2);
    assert!(status.last_success.is_some() && status.next_due.is_some());

    let report = feeds.poll(&added.url).await.unwrap();
    assert_eq!(
        report.outcome,
        PollOutcome::NotModified,
        "the ETag was kept"
    );
    assert_eq!(
        site.requests_to("/feed.xml")[1].header("If-None-Match"),
        Some("\"e1\"")
    );
}

#[tokio::test]
async fn a_corrupt_state_file_is_moved_aside_and_reported() {
    let setup = Setup::new();
    std::fs::create_dir_all(setup.state_path().parent().unwrap()).unwrap();
    std::fs::write(setup.state_path(), "{\"version\": 1, \"added\": [ oops").unwrap();

    let feeds = setup.open(vec![FeedSpec::new("https://configured.example/rss")]);

    let warning = feeds.warnings().join("\n");
    assert!(warning.contains("could not be read"), "{warning}");
    assert!(warning.contains(".feeds.json.corrupt-"), "{warning}");
    assert!(!setup.state_path().exists());
    let aside: Vec<_> = std::fs::read_dir(setup.state_path().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".feeds.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&aside[0]).unwrap(),
        "{\"version\": 1, \"added\": [ oops",
        "the old state is kept as it was"
    );
    assert_eq!(feeds.list().len(), 1);
    feeds
        .add(FeedSpec::new("https://added.example/rss"))
        .await
        .unwrap();
    assert!(setup.state_path().exists(), "a fresh state is written");
    assert!(setup.open(vec![]).warnings().is_empty());
}

#[tokio::test]
async fn feeds_are_added_listed_and_removed() {
    let setup = Setup::new();
    let feeds = setup.open(vec![FeedSpec::new("https://configured.example/rss")]);

    let status = feeds
        .add(FeedSpec::new("https://News.example/feed/"))
        .await
        .unwrap();
    assert_eq!(status.source, FeedSource::Added);
    assert_eq!(status.spec.interval_minutes, DEFAULT_INTERVAL_MINUTES);
    assert!(status.next_due.is_some(), "a new feed is due at once");

    let again = feeds
        .add(FeedSpec::new("https://news.example/feed?utm_source=x#top"))
        .await
        .unwrap_err();
    assert!(
        matches!(again, FeedError::AlreadyFollowed { .. }),
        "{again}"
    );
    assert_eq!(
        again.to_string(),
        "https://News.example/feed/ is already followed"
    );
    let configured_again = feeds
        .add(FeedSpec::new("https://configured.example/rss"))
        .await
        .unwrap_err();
    assert!(matches!(
        configured_again,
        FeedError::AlreadyFollowed { .. }
    ));
    let invalid = feeds
        .add(FeedSpec::new("ftp://files.example/feed"))
        .await
        .unwrap_err();
    assert!(!invalid.is_internal());
    assert!(
        invalid.to_string().contains("url: only http and https"),
        "{invalid}"
    );

    let refused = feeds
        .remove("https://configured.example/rss")
        .await
        .unwrap_err();
    assert!(matches!(refused, FeedError::Configured { .. }));
    assert!(refused.to_string().contains("bot.toml"), "{refused}");
    let unknown = feeds
        .remove("https://unknown.example/rss")
        .await
        .unwrap_err();
    assert!(
        matches!(unknown, FeedError::NotFollowed { .. }),
        "{unknown}"
    );
    assert!(matches!(
        feeds.poll("https://unknown.example/rss").await,
        Err(FeedError::NotFollowed { .. })
    ));

    assert_eq!(feeds.list().len(), 2);
    feeds.remove("https://news.example/feed").await.unwrap();
    let urls: Vec<String> = feeds.list().into_iter().map(|s| s.spec.url).collect();
    assert_eq!(urls, strings(&["https://configured.example/rss"]));
    let reopened = setup.open(vec![FeedSpec::new("https://configured.example/rss")]);
    assert_eq!(reopened.list().len(), 1, "the removal was saved");
}

#[test]
fn bot_toml_feeds_are_validated_when_opened() {
    let setup = Setup::new();
    let twice = setup
        .try_open(vec![
            FeedSpec::new("https://a.example/rss"),
            FeedSpec::new("https://A.example/rss/"),
        ])
        .err()
        .unwrap();
    assert!(twice.to_string().contains("listed twice"), "{twice}");
    let bad = setup
        .try_open(vec![FeedSpec {
            interval_minutes: 0,
            ..FeedSpec::new("https://a.example/rss")
        }])
        .err()
        .unwrap();
    assert!(
        bad.to_string().contains("in bot.toml: interval_minutes"),
        "{bad}"
    );
}

#[test]
fn a_feed_spec_names_the_field_that_is_wrong() {
    let spec = |f: fn(&mut FeedSpec)| {
        let mut spec = FeedSpec::new("https://example.com/feed");
        f(&mut spec);
        spec.validate().err().unwrap_or_default()
    };
    assert_eq!(spec(|_| {}), "");
    assert_eq!(
        spec(|s| s.url = "ftp://example.com/feed".into()),
        "url: only http and https links are accepted, not ftp:"
    );
    assert!(spec(|s| s.url = "not a link".into()).starts_with("url: not a usable link"));
    assert_eq!(
        spec(|s| s.interval_minutes = 1441),
        "interval_minutes: must be between 1 and 1440 (a day), not 1441"
    );
    assert_eq!(
        spec(|s| s.include = strings(&["/[a/"])),
        "include: \"/[a/\" is not a valid regular expression (unclosed character class)"
    );
    assert_eq!(
        spec(|s| s.exclude = strings(&["  "])),
        "exclude: \"  \" is empty: it would match everything"
    );
    assert_eq!(
        spec(|s| s.exclude = strings(&["//"])),
        "exclude: \"//\" is an empty regular expression"
    );

    #[derive(Debug, serde::Deserialize)]
    struct Toml {
        feeds: Vec<FeedSpec>,
    }
    let parsed: Toml = toml::from_str(
        "[[feeds]]\nurl = \"https://a.example/rss\"\n[[feeds]]\nurl = \"https://b.example/rss\"\ninterval_minutes = 5\ninclude = [\"Lachin\"]\n",
    )
    .unwrap();
    assert_eq!(parsed.feeds[0].interval_minutes, DEFAULT_INTERVAL_MINUTES);
    assert_eq!(parsed.feeds[1].include, strings(&["Lachin"]));
    let unknown =
        toml::from_str::<Toml>("[[feeds]]\nurl = \"https://a.example/rss\"\ninterval = 5\n")
            .unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `interval`"),
        "{unknown}"
    );
}

#[tokio::test]
async fn an_entry_whose_page_fails_is_retried_and_not_announced_if_it_was_there_at_first() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(
        &server,
        &[("1", "Works", TEASER), ("2", "Broken page", TEASER)],
    );
    let good_page = site.pages.lock().unwrap()["/a/2"].clone();
    site.put("/a/2", Response::new(503));
    let setup = Setup::new();
    let url = server.url("/feed.xml");
    let feeds = setup.open(vec![FeedSpec::new(&url)]);

    let first = feeds.poll(&url).await.unwrap();
    let (_, _, relevant, added, skipped) = polled(&first);
    assert_eq!((relevant, added), (2, strings(&["Works"])));
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].title, "Broken page");
    assert!(
        skipped[0].reason.contains("503") && skipped[0].reason.ends_with("will retry"),
        "{skipped:?}"
    );
    assert_eq!(
        feeds.list()[0].seen,
        1,
        "the broken entry is not marked seen"
    );

    site.put("/a/2", good_page);
    let second = feeds.poll(&url).await.unwrap();
    assert_eq!(polled(&second).3, strings(&["Broken page"]));
    assert!(
        setup.channel.titles().is_empty(),
        "it was in the feed at the first poll: stored, not announced"
    );

    site.publish_rss(
        &server,
        &[
            ("3", "Really new", TEASER),
            ("1", "Works", TEASER),
            ("2", "Broken page", TEASER),
        ],
    );
    feeds.poll(&url).await.unwrap();
    assert_eq!(setup.channel.titles(), strings(&["Really new"]));
}

#[tokio::test]
async fn a_page_that_keeps_failing_is_given_up_and_a_refused_article_is_not_retried() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(
        &server,
        &[
            ("1", "Always broken", TEASER),
            ("2", "Known already", TEASER),
        ],
    );
    site.put("/a/1", Response::new(500));
    let setup = Setup::new();
    setup
        .library
        .duplicates
        .lock()
        .unwrap()
        .push("Known already".into());
    let url = server.url("/feed.xml");
    let feeds = setup.open(vec![FeedSpec::new(&url)]);

    let first = feeds.poll(&url).await.unwrap();
    let skipped = polled(&first).4;
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(
        skipped[1].reason,
        "a duplicate of an article already in the corpus"
    );
    feeds.poll(&url).await.unwrap();
    let third = polled(&feeds.poll(&url).await.unwrap()).4;
    assert_eq!(
        third.len(),
        1,
        "the duplicate is not tried again: {third:?}"
    );
    assert!(
        third[0].reason.contains("given up after 3 tries"),
        "{third:?}"
    );
    assert_eq!(polled(&feeds.poll(&url).await.unwrap()).1, 0);
    assert_eq!(site.requests_to("/a/1").len(), 3);
    assert_eq!(site.requests_to("/a/2").len(), 1);
}

#[tokio::test]
async fn the_scheduler_polls_due_feeds_and_stops_on_shutdown() {
    let site = Site::default();
    let server = site.start().await;
    site.publish_rss(&server, &[("1", "Scheduled story", TEASER)]);
    let setup = Setup::new();
    let feeds = setup.open(vec![]);
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    let scheduler = Arc::clone(&feeds).spawn(shutdown);
    tokio::time::sleep(Duration::from_millis(50)).await;

    feeds
        .add(FeedSpec::new(server.url("/feed.xml")))
        .await
        .unwrap();
    eventually("the added feed to be polled", || {
        setup.library.batch_count() == 1
    })
    .await;
    eventually("the poll to be recorded", || {
        feeds.list()[0].first_poll_done
    })
    .await;
    let status = &feeds.list()[0];
    let wait = (status.next_due.unwrap() - Utc::now()).num_minutes();
    assert!(
        (25..=33).contains(&wait),
        "next poll in about 30 minutes, not {wait}"
    );
    assert!(setup.channel.titles().is_empty());

    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(2), scheduler)
        .await
        .expect("the scheduler stops promptly")
        .unwrap();
    assert_eq!(
        site.requests_to("/feed.xml").len(),
        1,
        "polled once, not again at once"
    );
}

#[test]
fn reports_serialise_for_json_output() {
    let report = PollReport {
        url: "https://a.example/rss".into(),
        first_poll: false,
        outcome: PollOutcome::Failed {
            error: "timed out after 15 s".into(),
        },
        seconds: 15.0,
    };
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["outcome"]["status"], "failed");
    assert_eq!(json["outcome"]["error"], "timed out after 15 s");
    let status = FeedStatus {
        spec: FeedSpec::new("https://a.example/rss"),
        source: FeedSource::Config,
        first_poll_done: false,
        last_poll: None,
        last_success: None,
        last_error: None,
        consecutive_failures: 0,
        next_due: None,
        seen: 0,
    };
    let json = serde_json::to_value(&status).unwrap();
    assert_eq!(json["url"], "https://a.example/rss");
    assert_eq!(json["interval_minutes"], 30);
    assert_eq!(json["source"], "config");
}
