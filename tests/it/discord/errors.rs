//! Errors, limits and deadlines: malformed options get a clear private error, a burst of
//! interactions is answered within Discord's three seconds, the rate limit is told politely,
//! and a slow answer is deferred then edited.

use std::time::Duration;

use serde_json::{Value, json};

use crate::fake_discord::{FakeDiscord, option, perms};

use super::{
    Harness, NO_PINGS, WAIT, assert_message_within_limits, assert_private, footer, redacted,
    snapshot,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_options_get_a_clear_private_error() {
    let h = Harness::start().await;
    let cases = [
        (
            "search",
            json!([option("query", 42)]),
            "`query` of /search must be text",
        ),
        ("search", json!([]), "/search needs `query`"),
        (
            "search",
            json!([option("query", "x".repeat(400))]),
            "`query` is too long: 400 characters, at most 300",
        ),
        (
            "search",
            json!([option("query", "a"), option("colour", "red")]),
            "/search has no option `colour`",
        ),
        ("search", json!([option("query", true)]), "must be text"),
        (
            "statement",
            json!([option("party", "atlantis")]),
            "Unknown party `atlantis`",
        ),
        ("nonsense", json!([]), "Unknown command `/nonsense`"),
    ];
    for (name, options, expected) in cases {
        let callback = h.ask(name, options).await;
        assert_private(&callback, expected);
    }
    let date = h.index_date();
    let callback = h.ask("search", json!([])).await;
    snapshot("error_missing_option", &redacted(&callback, &date));
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_interactions_at_once_are_all_answered_within_three_seconds() {
    let h = Harness::start().await;
    let mut sent = Vec::new();
    for n in 0..100 {
        let query = ["ambush", "peacekeepers", "statement", "killed"][n % 4];
        let ix = FakeDiscord::slash_command("search", json!([option("query", query)])).build();
        sent.push(h.fake.send_interaction(ix).await);
    }
    for s in &sent {
        let callback = h.fake.callback_for(&s.id, WAIT).await.expect("answered");
        assert_eq!(callback["type"], 4);
        assert!(callback["data"]["embeds"][0]["title"].is_string());
    }
    let slowest = sent
        .iter()
        .map(|s| h.fake.response_time(&s.token).expect("a response time"))
        .max()
        .unwrap();
    assert!(
        slowest < Duration::from_secs(3),
        "slowest first response: {slowest:?}"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_over_the_rate_limit_is_told_politely_and_privately() {
    let h = Harness::start_with(
        None,
        |c| {
            c.discord.rate_limit_commands = 2;
            c.discord.rate_limit_seconds = 60;
        },
        |_| {},
    )
    .await;
    for _ in 0..2 {
        assert_eq!(h.ask("help", json!([])).await["type"], 4);
    }
    let third = h.ask("help", json!([])).await;
    assert_private(&third, "at most 2 commands every 60 seconds");
    // Another member is not held back.
    let other = FakeDiscord::slash_command("help", json!([]))
        .member(FakeDiscord::USER_ID + 1, &[], perms::MEMBER)
        .build();
    let callback = h.fake.interact(other, WAIT).await.unwrap();
    assert!(callback["data"]["embeds"][0].is_object());
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_answer_is_deferred_then_edited() {
    let h = Harness::start_with(None, |_| {}, |o| o.defer_after = Duration::ZERO).await;
    let ix = FakeDiscord::slash_command("search", json!([option("query", "ambush")])).build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    assert_eq!(callback["data"]["flags"], Value::Null, "a public deferral");
    let edit = h.fake.edit_of_original(&sent.token, WAIT).await.unwrap();
    assert_message_within_limits(&edit);
    assert!(footer(&edit).starts_with("/search query:ambush"));

    // A mistake found only while answering: the public "thinking..." goes, a private note
    // says what to do.
    let ix = FakeDiscord::slash_command("search", json!([option("query", "!!!")])).build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    let private = h
        .fake
        .eventually(WAIT, "a private follow-up", |f| {
            f.followups(&sent.token).pop()
        })
        .await
        .unwrap();
    assert_eq!(private["flags"], 64);
    assert!(
        private["content"]
            .as_str()
            .unwrap()
            .starts_with("Nothing to search for")
    );
    assert_eq!(private["allowed_mentions"].to_string(), NO_PINGS);
    let deleted = h.fake.requests().iter().any(|r| {
        r.method == "DELETE"
            && r.route()
                .ends_with(&format!("{}/messages/@original", sent.token))
    });
    assert!(deleted, "the public deferral is removed");
    h.finish().await;
}
