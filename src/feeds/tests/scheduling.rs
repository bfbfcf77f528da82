//! Scheduling: one slow feed never delays another, failing feeds back off and show their
//! last error, and the scheduler polls due feeds and stops on shutdown.

use super::*;

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
