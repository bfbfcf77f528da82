//! Keeping up with the story, end to end against a web server on loopback: a moderator
//! ingests an address and it is answered from at once; it survives a rebuild with the
//! server gone; a feed's new entry appears in answers after a poll; a syndicated copy is
//! cited once, with "also in".

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use briefbot::answer::Answer;
use briefbot::engine::Engine;
use briefbot::feeds::{Announcer, FeedSpec};
use briefbot::ingest::Article;
use briefbot::moderation::Moderation;

use crate::support::{config, copy_of_corpus, corpus};

const STORY: &str = r#"<!doctype html><html lang="en"><head>
<title>Checkpoint standoff | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-04-24T09:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Azerbaijan sets up checkpoint on Lachin road","datePublished":"2023-04-23","publisher":{"name":"Example Wire"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article>
<p>Azerbaijan set up a checkpoint at the entrance of the Lachin corridor on Sunday, the only road linking Armenia with Karabakh, its border service said.</p>
<p>Armenia's Foreign Ministry called the move a gross violation of the 2020 ceasefire and urged Russian peacekeepers to act.</p>
<p>The border service said the checkpoint was needed to stop the smuggling of weapons and mines into the region.</p>
</article>
<aside class="related"><a href="/a">Read more: earlier clashes</a></aside>
<footer>© Example Wire</footer>
</body></html>"#;

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><article>{}</article></body></html>",
        body.split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    )
}

fn rss(items: &[(&str, &str)], base: &str) -> String {
    let items: String = items
        .iter()
        .map(|(id, title)| {
            format!("<item><title>{title}</title><link>{base}/{id}.html</link><guid>{id}</guid><description>{title}</description></item>")
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{base}</link><description>d</description>{items}</channel></rss>"#
    )
}

/// Serves the story, two feed entries' pages and a feed whose entries the test sets.
async fn serve(
    feed_items: Arc<Mutex<Vec<(&'static str, &'static str)>>>,
) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed_base = base.clone();
    let html = |body: String| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body);
    let app = Router::new()
        .route("/story.html", get(move || async move { html(STORY.to_string()) }))
        .route(
            "/a1.html",
            get(move || async move {
                html(page("Mines found on the road", "Sappers said they found anti-tank mines near the zanzibarite checkpoint on Monday.\n\nThe ministry said no one was hurt."))
            }),
        )
        .route(
            "/a2.html",
            get(move || async move {
                html(page("Convoy turned back", "A humanitarian convoy was turned back at the quixotic barrier on Tuesday, the Red Cross said.\n\nTalks continue."))
            }),
        )
        .route(
            "/feed.xml",
            get(move || {
                let items = feed_items.lock().unwrap().clone();
                let base = feed_base.clone();
                async move { ([(header::CONTENT_TYPE, "application/rss+xml")], rss(&items, &base)).into_response() }
            }),
        );
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, server)
}

#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Vec<String>>>);

impl Announcer for Collect {
    async fn announce(&self, article: &Article) {
        self.0.lock().unwrap().push(article.title.clone());
    }
}

fn cited_sources(engine: &Engine, line: &str) -> Vec<String> {
    engine
        .ask_line(line)
        .unwrap()
        .citations()
        .iter()
        .map(|c| c.source.clone())
        .fold(Vec::new(), |mut distinct, source| {
            if !distinct.contains(&source) {
                distinct.push(source);
            }
            distinct
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_answer_rebuild_offline_and_follow_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = copy_of_corpus(dir.path());
    let mut config = config(vec![corpus_dir.clone()], &dir.path().join("index"));
    config.fetch.allow_hosts = vec!["127.0.0.1".into()];
    config.fetch.timeout_seconds = 5;
    let feed_items = Arc::new(Mutex::new(vec![("a1", "Mines found on the road")]));
    let (base, server) = serve(feed_items.clone()).await;

    let engine = Arc::new(tokio::task::block_in_place(|| {
        Engine::open(config.clone()).unwrap().0
    }));
    let announced = Collect::default();
    let (moderation, worker) = Moderation::start(engine.clone(), Some(announced.clone())).unwrap();

    // Ingest by address: answered from at once, cited by its address.
    let story = format!("{base}/story.html");
    let report = moderation.ingest_url(&story).await.unwrap();
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert_eq!(
        report.added[0].title,
        "Azerbaijan sets up checkpoint on Lachin road"
    );
    assert_eq!(report.added[0].outlet.as_deref(), Some("Example Wire"));
    assert_eq!(
        cited_sources(&engine, "/search checkpoint AND smuggling"),
        vec![story.clone()]
    );
    let Answer::Search { hits, .. } = engine.ask_line("/search cookies").unwrap() else {
        panic!()
    };
    assert!(hits.is_empty(), "the cookie banner is not the article");

    // A syndicated copy is cited once, with "also in".
    let copy = format!(
        "+++\ntitle = \"Checkpoint on Lachin road\"\noutlet = \"Other Daily\"\n+++\n\n{}\n\nSubscribe to Other Daily for more.\n",
        [
            "Azerbaijan set up a checkpoint at the entrance of the Lachin corridor on Sunday, the only road linking Armenia with Karabakh, its border service said.",
            "Armenia's Foreign Ministry called the move a gross violation of the 2020 ceasefire and urged Russian peacekeepers to act.",
            "The border service said the checkpoint was needed to stop the smuggling of weapons and mines into the region."
        ]
        .join("\n\n")
    );
    let report = moderation
        .ingest_file("copy.md", copy.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        report.added[0].copy_of.as_deref(),
        Some(story.as_str()),
        "{report:?}"
    );
    let Answer::Search { hits, .. } = engine.ask_line("/search checkpoint AND smuggling").unwrap()
    else {
        panic!()
    };
    assert_eq!(hits.len(), 1, "one story, one citation");
    assert_eq!(hits[0].citation.also_in, vec!["Other Daily"]);

    // A feed: the first poll stores its entries without announcing them.
    let feed = format!("{base}/feed.xml");
    moderation
        .feeds_add(FeedSpec::new(feed.clone()))
        .await
        .unwrap();
    let first = moderation.feeds_poll(Some(&feed)).await.unwrap();
    assert!(first[0].first_poll, "{first:?}");
    assert_eq!(
        cited_sources(&engine, "/search zanzibarite"),
        vec![format!("{base}/a1.html")]
    );
    assert!(announced.0.lock().unwrap().is_empty());

    // A new entry appears in answers after the next poll, and is announced once.
    feed_items
        .lock()
        .unwrap()
        .push(("a2", "Convoy turned back"));
    moderation.feeds_poll(Some(&feed)).await.unwrap();
    assert_eq!(
        cited_sources(&engine, "/search quixotic"),
        vec![format!("{base}/a2.html")]
    );
    assert_eq!(*announced.0.lock().unwrap(), vec!["Convoy turned back"]);

    // With the server gone, a rebuild from files keeps everything.
    server.abort();
    let report = moderation.reindex(false).await.unwrap();
    assert_eq!(report.documents, 5, "{report:?}");
    assert_eq!(
        cited_sources(&engine, "/search quixotic"),
        vec![format!("{base}/a2.html")]
    );
    assert_eq!(
        cited_sources(&engine, "/search checkpoint AND smuggling"),
        vec![story]
    );

    drop(moderation);
    tokio::task::block_in_place(|| worker.join());

    // And `briefbot index`, the binary a moderator runs, rebuilds it all from files too.
    let briefbot = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_briefbot"))
            .env_remove("DISCORD_TOKEN")
            .arg("--corpus")
            .arg(&corpus_dir)
            .arg("--index")
            .arg(dir.path().join("index"))
            .args(args)
            .output()
            .unwrap()
    };
    let rebuilt = tokio::task::block_in_place(|| briefbot(&["index"]));
    assert!(
        rebuilt.status.success(),
        "{}",
        String::from_utf8_lossy(&rebuilt.stderr)
    );
    assert!(String::from_utf8_lossy(&rebuilt.stdout).contains("5 documents"));
    let asked = tokio::task::block_in_place(|| briefbot(&["ask", "--json", "/search quixotic"]));
    let json: serde_json::Value = serde_json::from_slice(&asked.stdout).unwrap();
    assert_eq!(
        json["hits"][0]["citation"]["source"],
        format!("{base}/a2.html")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_fetch_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let config = config(vec![corpus()], &dir.path().join("index"));
    let engine = Arc::new(tokio::task::block_in_place(|| {
        Engine::open(config).unwrap().0
    }));
    let generation = engine.snapshot().generation.clone();
    let (moderation, _worker) = Moderation::<Collect>::start(engine.clone(), None).unwrap();
    for url in [
        "http://127.0.0.1:9/x",
        "http://10.0.0.1/x",
        "ftp://example.org/x",
        "not a url",
    ] {
        let err = tokio::time::timeout(Duration::from_secs(10), moderation.ingest_url(url))
            .await
            .unwrap()
            .unwrap_err();
        assert!(err.is_user(), "{url}: {err}");
    }
    assert_eq!(engine.snapshot().generation, generation);
}

/// The console, as a moderator at a terminal uses it: ingest an address, then ask.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_ingests_from_the_console_and_it_is_answered_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = copy_of_corpus(dir.path());
    let config_path = dir.path().join("bot.toml");
    std::fs::write(
        &config_path,
        "[fetch]\nallow_hosts = [\"127.0.0.1\"]\ntimeout_seconds = 5\n",
    )
    .unwrap();
    let (base, server) = serve(Arc::new(Mutex::new(Vec::new()))).await;

    let input = format!("/ingest url:{base}/story.html\n/search checkpoint AND smuggling\nquit\n");
    let output = tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefbot"))
            .env_remove("DISCORD_TOKEN")
            .arg("--config")
            .arg(&config_path)
            .arg("--corpus")
            .arg(&corpus_dir)
            .arg("--index")
            .arg(dir.path().join("index"))
            .arg("console")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap();
    server.abort();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Added “Azerbaijan sets up checkpoint on Lachin road” — Example Wire"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{base}/story.html")),
        "the search cites the address: {stdout}"
    );
}
