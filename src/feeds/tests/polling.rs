//! Polling a feed: entries fetched and stored in one batch, full-text entries stored
//! without their pages, 304 answers, quiet first polls and announcements, include and
//! exclude filters, and pages that fail and are retried or given up.

use super::*;

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
