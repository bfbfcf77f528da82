//! The state file and feed management: what each feed has seen survives a restart, a
//! corrupt state file is moved aside, and moderators add, list and remove feeds.

use super::*;

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
