//! The moderators' commands, against a small web server on loopback: ingesting an address or
//! an attached file, forgetting and restoring a source, adding and polling a feed, and
//! refusing every one of them to a member.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::fake_discord::{FakeDiscord, focused, option, perms};

use super::{
    AUDIT_CHANNEL, Harness, NO_PINGS, WAIT, assert_message_within_limits, assert_nothing_ran,
    assert_private, bundled_copy,
};

const ANNOUNCE_CHANNEL: u64 = 1_100_000_000_000_000_098;
/// The fetch cap the moderators' tests run under: small, so an oversized file is cheap.
const MAX_BYTES: usize = 64 * 1024;

const STORY: &str = r#"<!doctype html><html lang="en"><head>
<title>Checkpoint standoff | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Azerbaijan sets up checkpoint on Lachin road","datePublished":"2023-04-23","publisher":{"name":"Example Wire"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<p>Azerbaijan set up a checkpoint at the entrance of the Lachin corridor on Sunday, next to the quillwort meadow, its border service said.</p>
<p>Armenia's Foreign Ministry called the move a gross violation of the 2020 ceasefire and urged Russian peacekeepers to act.</p>
</article>
<aside class="related"><a href="/a">Read more: earlier clashes</a></aside>
</body></html>"#;

/// What a moderator attaches to `/ingest`.
const UPLOAD: &str = "+++\ntitle = \"Shelling reported near Shusha\"\noutlet = \"Upload Gazette\"\npublished = 2023-03-08\n+++\n\n\
    Residents reported shelling near the marmalade bridge on Wednesday, a local official said.\n\n\
    No casualties were reported, the official added.\n";

/// A web server on loopback: a story (at any path ending in `story.html`), a feed whose
/// entries the test sets and its entries' pages, and files as Discord's CDN would hold
/// them. It remembers every path asked for.
struct Web {
    base: String,
    hits: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

type FeedItems = Arc<Mutex<Vec<(&'static str, &'static str)>>>;

impl Web {
    async fn start(feed: FeedItems) -> Web {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let shared = (base.clone(), feed, Arc::clone(&hits));
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let (base, feed, hits) = shared.clone();
            async move {
                hits.lock().unwrap().push(uri.path().to_string());
                let items = feed.lock().unwrap().clone();
                serve_path(&base, &items, uri.path())
            }
        });
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Web { base, hits, task }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Web {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn serve_path(base: &str, feed: &[(&str, &str)], path: &str) -> axum::response::Response {
    use axum::http::{StatusCode, header::CONTENT_TYPE};
    use axum::response::IntoResponse;
    let html = |body: String| ([(CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    let page = |title: &str, text: &str| {
        html(format!(
            "<html><head><title>{title}</title></head><body><article><p>{text}</p><p>Talks continue, officials said.</p></article></body></html>"
        ))
    };
    let file = |body: Vec<u8>| ([(CONTENT_TYPE, "application/octet-stream")], body).into_response();
    match path {
        "/feed.xml" => {
            let items: String = feed
                .iter()
                .map(|(id, title)| format!("<item><title>{title}</title><link>{base}/{id}.html</link><guid>{id}</guid><description>{title}</description></item>"))
                .collect();
            let rss = format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{base}</link><description>d</description>{items}</channel></rss>"#
            );
            ([(CONTENT_TYPE, "application/rss+xml")], rss).into_response()
        }
        "/a1.html" => page(
            "Mines found on the road",
            "Sappers said they found anti-tank mines near the zanzibarite checkpoint on Monday.",
        ),
        "/a2.html" => page(
            "Convoy turned back",
            "A humanitarian convoy was turned back at the quixotic barrier on Tuesday, the Red Cross said.",
        ),
        "/upload.md" => file(UPLOAD.as_bytes().to_vec()),
        "/liar.md" => file(vec![b'x'; MAX_BYTES * 2]),
        p if p.ends_with("story.html") => html(STORY.to_string()),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A bot on a copy of the bundled article that may fetch from loopback and announces
/// new feed entries.
async fn newsroom() -> Harness {
    Harness::start_with(
        Some(bundled_copy()),
        |c| {
            c.fetch.allow_hosts = vec!["127.0.0.1".into()];
            c.fetch.timeout_seconds = 5;
            c.fetch.max_bytes = MAX_BYTES;
            c.discord.announce_channel = Some(ANNOUNCE_CHANNEL);
        },
        |_| {},
    )
    .await
}

/// A command from a member with Manage Server, which makes a moderator when bot.toml lists
/// no roles.
fn moderator(name: &str, options: Value) -> crate::fake_discord::InteractionBuilder {
    FakeDiscord::slash_command(name, options).member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
}

/// Runs a moderator's command; returns its private result: the reply, when refused at
/// once, or else the edit of the private deferral.
async fn moderate(h: &Harness, ix: Value) -> String {
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["data"]["flags"], 64, "not private: {callback:#}");
    let body = match callback["type"].as_u64() {
        Some(4) => callback["data"].clone(),
        Some(5) => h.fake.edit_of_original(&sent.token, WAIT).await.unwrap(),
        _ => panic!("neither a reply nor a deferral: {callback:#}"),
    };
    assert_message_within_limits(&body);
    body["content"].as_str().unwrap_or_default().to_string()
}

/// The embeds of a `/search` from an ordinary member, as JSON text.
async fn search(h: &Harness, query: &str) -> String {
    let callback = h.ask("search", json!([option("query", query)])).await;
    assert_eq!(callback["type"], 4, "{callback:#}");
    callback["data"]["embeds"].to_string()
}

async fn choices(h: &Harness, command: &str, typed: &str) -> Vec<Value> {
    let ix = FakeDiscord::autocomplete(command, json!([focused("source", typed)]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_eq!(callback["type"], 8, "{callback:#}");
    callback["data"]["choices"].as_array().cloned().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_ingests_an_address_and_it_is_answered_from_at_once() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let story = web.url("/story.html");
    let ix = moderator("ingest", json!([option("url", story.clone())])).build();
    let text = moderate(&h, ix).await;
    assert!(
        text.starts_with("Added “Azerbaijan sets up checkpoint on Lachin road” — Example Wire"),
        "{text}"
    );
    let found = search(&h, "quillwort").await;
    assert!(
        found.contains(&story) && found.contains("Lachin road"),
        "cited at once: {found}"
    );
    let audit = h
        .fake
        .wait_message_posted(AUDIT_CHANNEL, WAIT)
        .await
        .unwrap();
    let line = audit["content"].as_str().unwrap();
    assert!(
        line.starts_with(&format!("`/ingest url:{story}` by <@")),
        "{line}"
    );
    assert!(line.contains("done: Added"), "{line}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attached_file_is_ingested_and_an_oversized_one_refused() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let attach = |name: &str, size: usize, url: String| {
        moderator("ingest", json!([]))
            .attachment("file", name, size as u64, &url)
            .build()
    };
    let text = moderate(&h, attach("upload.md", UPLOAD.len(), web.url("/upload.md"))).await;
    assert!(
        text.starts_with("Added “Shelling reported near Shusha” — Upload Gazette"),
        "{text}"
    );
    assert!(
        search(&h, "marmalade")
            .await
            .contains("Shelling reported near Shusha")
    );

    // Larger than the cap by Discord's account: refused at once, never downloaded.
    let callback = h
        .fake
        .interact(attach("huge.md", 10_000_000, web.url("/huge.md")), WAIT)
        .await
        .unwrap();
    assert_private(&callback, &format!("over the limit of {MAX_BYTES}"));
    // Longer than announced: cut off while it streams.
    let text = moderate(&h, attach("liar.md", 100, web.url("/liar.md"))).await;
    assert!(text.contains("over the limit"), "{text}");
    // Anywhere but Discord's file server (or a host bot.toml trusts): not fetched.
    let text = moderate(
        &h,
        attach("far.md", 100, "https://files.example/far.md".into()),
    )
    .await;
    assert!(text.contains("not Discord's file server"), "{text}");
    assert!(
        !web.hits().contains(&"/huge.md".to_string()),
        "{:?}",
        web.hits()
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_then_restore_a_long_address_chosen_by_autocomplete() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let long = web.url(&format!("/{}story.html", "a-long-path-segment/".repeat(5)));
    assert!(long.chars().count() > 100);
    let text = moderate(
        &h,
        moderator("ingest", json!([option("url", long.clone())])).build(),
    )
    .await;
    assert!(text.starts_with("Added"), "{text}");

    // /forget offers the indexed sources; one too long for Discord comes shortened.
    let offered = choices(&h, "forget", "checkpoint").await;
    assert_eq!(offered.len(), 1, "{offered:#?}");
    let value = offered[0]["value"].as_str().unwrap().to_string();
    assert!(offered[0]["name"].as_str().unwrap().contains("Lachin road"));
    assert_eq!(value.chars().count(), 100);
    assert!(
        value.starts_with(&long[..60]) && value.contains("…#"),
        "{value}"
    );
    let text = moderate(
        &h,
        moderator("forget", json!([option("source", value.clone())])).build(),
    )
    .await;
    assert!(
        text.starts_with("Forgot “Azerbaijan sets up checkpoint on Lachin road”"),
        "{text}"
    );
    assert!(!search(&h, "quillwort").await.contains("Lachin road"));

    // A member who is not a moderator is offered nothing from the trash.
    let ix = FakeDiscord::autocomplete("restore", json!([focused("source", "")]))
        .member(FakeDiscord::USER_ID, &[], perms::MEMBER)
        .build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_eq!(callback["data"]["choices"], json!([]), "{callback:#}");

    // Now only /restore offers it: from the trash, not the catalog.
    assert!(choices(&h, "forget", "checkpoint").await.is_empty());
    let trash = choices(&h, "restore", "").await;
    assert_eq!(trash.len(), 1, "{trash:#?}");
    assert_eq!(trash[0]["value"], value.as_str());
    assert!(trash[0]["name"].as_str().unwrap().contains("forgotten"));
    let text = moderate(
        &h,
        moderator("restore", json!([option("source", value)])).build(),
    )
    .await;
    assert!(
        text.starts_with("Restored “Azerbaijan sets up checkpoint"),
        "{text}"
    );
    assert!(
        search(&h, "quillwort")
            .await
            .contains("a-long-path-segment")
    );
    assert!(choices(&h, "restore", "").await.is_empty());
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_added_and_polled_is_answered_from_and_its_new_entries_announced() {
    let h = newsroom().await;
    let items = FeedItems::new(Mutex::new(vec![("a1", "Mines found on the road")]));
    let web = Web::start(Arc::clone(&items)).await;
    let feed = web.url("/feed.xml");
    let feeds = |action: &str| {
        moderator(
            "feeds",
            json!([option("action", action), option("url", feed.clone())]),
        )
        .build()
    };
    let text = moderate(&h, feeds("add")).await;
    assert!(text.starts_with(&format!("Following {feed}")), "{text}");
    moderate(&h, feeds("poll")).await;
    assert!(
        search(&h, "zanzibarite")
            .await
            .contains(&web.url("/a1.html"))
    );
    let announced = || {
        h.fake
            .messages_posted()
            .into_iter()
            .filter(|(c, _)| *c == ANNOUNCE_CHANNEL)
            .map(|(_, body)| body)
            .collect::<Vec<_>>()
    };
    assert!(announced().is_empty(), "a first poll announces nothing");

    items.lock().unwrap().push(("a2", "Convoy turned back"));
    moderate(&h, feeds("poll")).await;
    assert!(search(&h, "quixotic").await.contains(&web.url("/a2.html")));
    let post = h
        .fake
        .wait_message_posted(ANNOUNCE_CHANNEL, WAIT)
        .await
        .unwrap();
    assert_eq!(post["allowed_mentions"].to_string(), NO_PINGS);
    let content = post["content"].as_str().unwrap();
    assert!(content.contains("**Convoy turned back**"), "{content}");
    assert!(
        content.contains(&format!("<{}>", web.url("/a2.html"))),
        "{content}"
    );
    assert_eq!(announced().len(), 1, "announced once");

    // /status: privately, with the feed's health.
    let ix = moderator("status", json!([])).build();
    let text = moderate(&h, ix).await;
    assert!(
        text.contains(&format!("{feed} — every 30 min, ok, last polled")),
        "{text}"
    );
    assert!(
        text.contains("3 documents"),
        "the article and two entries: {text}"
    );
    let listed = moderate(&h, feeds("list")).await;
    assert!(listed.starts_with(&feed), "{listed}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_is_refused_every_moderators_command_and_nothing_runs() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let before = h.generation();
    let feed = web.url("/feed.xml");
    let feeds = |action: &str| json!([option("action", action), option("url", feed.clone())]);
    let source = json!([option("source", "karabakh-clash-2023-03-06.md")]);
    let asks = [
        ("reindex", json!([])),
        ("reindex", json!([option("dry_run", true)])),
        ("ingest", json!([option("url", web.url("/story.html"))])),
        ("forget", source.clone()),
        ("restore", source),
        ("feeds", feeds("add")),
        ("feeds", feeds("poll")),
        ("feeds", feeds("remove")),
        ("feeds", json!([option("action", "list")])),
        ("status", json!([])),
    ];
    for (name, options) in &asks {
        let callback = h.ask(name, options.clone()).await;
        assert_private(&callback, "is for moderators");
    }
    let attached = FakeDiscord::slash_command("ingest", json!([]))
        .attachment(
            "file",
            "upload.md",
            UPLOAD.len() as u64,
            &web.url("/upload.md"),
        )
        .build();
    let callback = h.fake.interact(attached, WAIT).await.unwrap();
    assert_private(&callback, "is for moderators");

    assert_nothing_ran(&h, &before);
    assert!(
        web.hits().is_empty(),
        "nothing was fetched: {:?}",
        web.hits()
    );
    assert!(
        !h.engine.config().feeds_state().exists(),
        "no feed was followed"
    );
    let refusals = h
        .fake
        .eventually(WAIT, "every refusal audited", |f| {
            let lines: Vec<Value> = f
                .messages_posted()
                .into_iter()
                .filter(|(c, _)| *c == AUDIT_CHANNEL)
                .map(|(_, body)| body)
                .collect();
            (lines.len() == asks.len() + 1).then_some(lines)
        })
        .await
        .unwrap();
    assert!(refusals.iter().all(|l| {
        l["content"]
            .as_str()
            .unwrap()
            .ends_with("refused: not a moderator")
    }));
    h.finish().await;
}
