//! Paging: the ◀ / ▶ buttons on a long answer turn its pages, even after a restart, and no
//! page of a very long answer exceeds a Discord limit.

use serde_json::{Value, json};

use crate::fake_discord::{FakeDiscord, option};

use super::{Harness, assert_message_within_limits, assert_private, footer, long_corpus};

fn button_ids(message: &Value) -> Vec<(String, bool)> {
    message["components"][0]["components"]
        .as_array()
        .map(|buttons| {
            buttons
                .iter()
                .map(|b| {
                    (
                        b["custom_id"].as_str().unwrap_or_default().to_string(),
                        b["disabled"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Presses ▶ on `message`; returns the callback and the message as it then stands.
async fn press_next(h: &Harness, message: &Value) -> (Value, Value) {
    let (next, disabled) = button_ids(message)
        .pop()
        .expect("a ▶ button on a paged answer");
    assert!(!disabled, "▶ is disabled on the last page");
    press(h, &next, message).await
}

async fn press(h: &Harness, custom_id: &str, message: &Value) -> (Value, Value) {
    let (sent, callback) = h
        .send(FakeDiscord::component(custom_id, message.clone()).build())
        .await;
    let now = h.fake.original_message(&sent.token).expect("the message");
    (callback, now)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_buttons_turn_pages_even_after_a_restart() {
    let mut h = Harness::start_with(Some(long_corpus()), |c| c.answers.max_hits = 50, |_| {}).await;
    let ix = FakeDiscord::slash_command("search", json!([option("query", "ambush")])).build();
    let (sent, first) = h.send(ix).await;
    assert_eq!(first["type"], 4);
    let message = h.fake.original_message(&sent.token).unwrap();
    let pages = footer(&message);
    assert!(pages.contains("page 1 of"), "{pages}");
    let buttons = button_ids(&message);
    assert_eq!(buttons.len(), 2);
    assert!(
        buttons[0].1 && !buttons[1].1,
        "◀ disabled on page 1: {buttons:?}"
    );

    let (callback, message) = press_next(&h, &message).await;
    assert_eq!(callback["type"], 7, "{callback:#}");
    assert!(
        footer(&message).contains("page 2 of"),
        "{}",
        footer(&message)
    );
    assert_eq!(message["content"], "");
    assert!(button_ids(&message).iter().all(|(_, disabled)| !disabled));

    // A new process: the buttons carry all it needs.
    h.stop_bot().await;
    h.connect().await;
    let (callback, message) = press_next(&h, &message).await;
    assert_eq!(callback["type"], 7);
    assert!(
        footer(&message).contains("page 3 of"),
        "{}",
        footer(&message)
    );

    // A button whose answer has changed since (a reindex): the current answer, said so.
    let (next, _) = button_ids(&message).pop().unwrap();
    let mut parts: Vec<&str> = next.split(':').collect();
    parts[3] = "00000000";
    let (callback, _) = press(&h, &parts.join(":"), &message).await;
    assert_eq!(callback["type"], 7);
    assert!(
        callback["data"]["content"]
            .as_str()
            .unwrap()
            .contains("index has changed")
    );

    // A footer that does not match its button: said plainly, privately.
    let mut tampered = message.clone();
    tampered["embeds"][0]["footer"]["text"] = json!("/search query:something else");
    let (callback, _) = press(&h, &next, &tampered).await;
    assert_private(&callback, "Please ask the command again");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_very_long_answer_never_exceeds_a_limit() {
    let h = Harness::start_with(Some(long_corpus()), |c| c.answers.max_hits = 50, |_| {}).await;
    for (name, options) in [
        ("search", json!([option("query", "ambush")])),
        ("casualties", json!([])),
        ("timeline", json!([])),
        ("sources", json!([])),
        ("statement", json!([option("party", "azerbaijan")])),
    ] {
        let ix = FakeDiscord::slash_command(name, options).build();
        let (sent, callback) = h.send(ix).await;
        assert_message_within_limits(&callback["data"]);
        let mut message = h.fake.original_message(&sent.token).unwrap();
        let mut pages = 1;
        while button_ids(&message)
            .last()
            .is_some_and(|(_, disabled)| !disabled)
        {
            let (callback, now) = press_next(&h, &message).await;
            assert_eq!(callback["type"], 7);
            assert_message_within_limits(&callback["data"]);
            message = now;
            pages += 1;
            assert!(pages < 100, "/{name} pages without end");
        }
        let last = footer(&message);
        if pages > 1 {
            assert!(
                last.contains(&format!("page {pages} of {pages}")),
                "/{name}: {last}"
            );
        }
        if name == "search" {
            assert!(pages > 1, "50 long hits take more than one page");
        }
    }
    let refused = h.fake.requests().iter().filter(|r| r.status >= 400).count();
    assert_eq!(refused, 0, "the fake refused a body");
    h.finish().await;
}
