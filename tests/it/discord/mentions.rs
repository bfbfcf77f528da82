//! Mentions and follow-ups: a mention is answered in a reply and a reply to it read as a
//! follow-up; messages not for the bot are ignored and mentions are rate limited.

use std::time::Duration;

use serde_json::Value;

use crate::fake_discord::FakeDiscord;

use super::{Harness, NO_PINGS, WAIT, assert_message_within_limits, footer};

/// The bot's replies in the default channel: the bodies it sent.
fn replies(h: &Harness) -> Vec<Value> {
    h.fake
        .messages_posted()
        .into_iter()
        .filter(|(c, _)| *c == FakeDiscord::CHANNEL_ID)
        .map(|(_, body)| body)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_in_a_reply_and_a_reply_to_it_read_as_a_follow_up() {
    let h = Harness::start().await;
    let question = FakeDiscord::user_message("how many Azerbaijani soldiers were killed?")
        .mention_bot()
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", question.clone())
        .await;
    let answers = h
        .fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 1, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(0);
    assert_message_within_limits(&body);
    assert_eq!(body["message_reference"]["message_id"], question["id"]);
    assert_eq!(body["message_reference"]["fail_if_not_exists"], false);
    let embed = &body["embeds"][0];
    let title = embed["title"].as_str().unwrap();
    assert!(
        title.contains("casualties on the Azerbaijani side"),
        "{title}"
    );
    let cited: Vec<&str> = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert!(
        cited.iter().any(|c| c.contains("paragraph 7")),
        "{cited:#?}"
    );
    assert!(
        cited.iter().any(|c| c.contains("paragraph 4")),
        "{cited:#?}"
    );
    assert!(footer(&body).starts_with("/ask question:how many Azerbaijani soldiers"));

    // "and Russia?" in reply to that answer: the same question about another side.
    let follow_up = FakeDiscord::user_message("and Russia?")
        .reply_to(answers[0].clone())
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", follow_up.clone())
        .await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 2, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(1);
    assert_message_within_limits(&body);
    assert_eq!(body["message_reference"]["message_id"], follow_up["id"]);
    let title = body["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("Russia"), "read as a follow-up: {title}");
    assert!(title.contains("casualties"), "{title}");

    // After a restart the bot remembers nothing, but the first answer's footer still holds
    // its question.
    let mut h = h;
    h.stop_bot().await;
    h.connect().await;
    let again = FakeDiscord::user_message("what about Armenia?")
        .reply_to(answers[0].clone())
        .build();
    h.fake.send_dispatch("MESSAGE_CREATE", again.clone()).await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 3, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(2);
    assert_eq!(body["message_reference"]["message_id"], again["id"]);
    let title = body["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("casualties on the Armenian side"), "{title}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_not_for_the_bot_are_ignored_and_mentions_are_rate_limited() {
    let h = Harness::start_with(
        None,
        |c| {
            c.discord.rate_limit_commands = 1;
            c.discord.rate_limit_seconds = 60;
        },
        |_| {},
    )
    .await;
    let other_bot = FakeDiscord::USER_ID + 7;
    for ignored in [
        // No mention: Discord even blanks its text, as the bot lacks MESSAGE_CONTENT.
        FakeDiscord::user_message("how many were killed?").build(),
        FakeDiscord::user_message("how many were killed?")
            .by_bot(other_bot, "otherbot")
            .mention_bot()
            .build(),
        FakeDiscord::user_message("how many were killed?")
            .by_bot(FakeDiscord::BOT_USER_ID, FakeDiscord::BOT_USERNAME)
            .mention_bot()
            .build(),
    ] {
        h.fake.send_dispatch("MESSAGE_CREATE", ignored).await;
    }
    // A bare mention gets a line of help; the same person again within the minute gets
    // nothing; someone else is answered.
    let bare = FakeDiscord::user_message("").mention_bot().build();
    h.fake.send_dispatch("MESSAGE_CREATE", bare.clone()).await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 1, WAIT)
        .await
        .unwrap();
    let again = FakeDiscord::user_message("how many were killed?")
        .mention_bot()
        .build();
    h.fake.send_dispatch("MESSAGE_CREATE", again).await;
    let someone = FakeDiscord::user_message("how many were killed?")
        .author(FakeDiscord::USER_ID + 1, "someone", &[])
        .mention_bot()
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", someone.clone())
        .await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 2, WAIT)
        .await
        .unwrap();
    // Events are handled in tasks of their own: give a stray reply time to show.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = replies(&h);
    assert_eq!(sent.len(), 2, "{sent:#?}");
    assert_eq!(sent[0]["message_reference"]["message_id"], bare["id"]);
    assert!(
        sent[0]["content"]
            .as_str()
            .unwrap()
            .starts_with("Ask me about the reporting")
    );
    assert_eq!(sent[0]["allowed_mentions"].to_string(), NO_PINGS);
    assert_eq!(sent[1]["message_reference"]["message_id"], someone["id"]);
    assert!(
        sent[1]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Read as:")
    );
    h.finish().await;
}
