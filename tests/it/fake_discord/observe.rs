//! What the bot did over REST, as a test reads it: the recorded requests, the registered
//! commands, interaction callbacks and their timing, edits of the original response,
//! follow-ups and the messages posted to channels, each with a waiting variant.

use std::time::Duration;

use serde_json::Value;

use super::rest::commands_key;
use super::{FakeDiscord, Recorded};

impl FakeDiscord {
    /// Every REST request so far, in arrival order, unknown routes included.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().requests.clone()
    }

    /// Waits for a request matching `pred` (already received or arriving before `timeout`).
    pub async fn wait_for_request(
        &self,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Result<Recorded, String> {
        self.wait_until(timeout, "a matching REST request", |i| {
            i.requests.iter().find(|r| pred(r)).cloned()
        })
        .await
    }

    /// Commands currently registered, every scope (guild ones carry `guild_id`), as the fake
    /// echoed them (with `id`, `application_id`, `version`, `type`).
    pub fn registered_commands(&self) -> Vec<Value> {
        let inner = self.shared.lock();
        let mut scopes: Vec<_> = inner.commands.iter().collect();
        scopes.sort_by(|a, b| a.0.cmp(b.0));
        scopes
            .into_iter()
            .flat_map(|(_, cmds)| cmds.clone())
            .collect()
    }

    /// Commands registered under one scope: `None` global, `Some(guild)` a guild's.
    pub fn commands_in(&self, guild: Option<u64>) -> Vec<Value> {
        let key = commands_key(
            &Self::APP_ID.to_string(),
            guild.map(|g| g.to_string()).as_deref(),
        );
        self.shared
            .lock()
            .commands
            .get(&key)
            .cloned()
            .unwrap_or_default()
    }

    /// Waits until at least one command is registered in any scope.
    pub async fn wait_commands_registered(&self, timeout: Duration) -> Result<Vec<Value>, String> {
        self.wait_until(timeout, "registered commands", |i| {
            let all: Vec<Value> = i.commands.values().flatten().cloned().collect();
            (!all.is_empty()).then_some(all)
        })
        .await
    }

    /// Body of the `POST /interactions/{id}/{token}/callback` the fake accepted for `id`.
    pub async fn callback_for(
        &self,
        interaction_id: &str,
        timeout: Duration,
    ) -> Result<Value, String> {
        let path = format!("/api/v10/interactions/{interaction_id}/");
        self.wait_until(
            timeout,
            &format!("callback for interaction {interaction_id}"),
            |i| {
                i.requests
                    .iter()
                    .find(|r| {
                        r.method == "POST"
                            && r.path.starts_with(&path)
                            && r.path.ends_with("/callback")
                            && r.status < 300
                    })
                    .map(|r| r.body.clone())
            },
        )
        .await
    }

    /// How long the bot took, from injection to its accepted first callback.
    pub fn response_time(&self, token: &str) -> Option<Duration> {
        self.shared
            .lock()
            .interactions
            .get(token)
            .and_then(|s| s.answered_after)
    }

    /// Body of the first `PATCH /webhooks/{app}/{token}/messages/@original` for `token`.
    pub async fn edit_of_original(&self, token: &str, timeout: Duration) -> Result<Value, String> {
        let path = format!(
            "/api/v10/webhooks/{}/{token}/messages/@original",
            Self::APP_ID
        );
        self.wait_until(timeout, "PATCH of @original", |i| {
            i.requests
                .iter()
                .find(|r| r.method == "PATCH" && r.path == path)
                .map(|r| r.body.clone())
        })
        .await
    }

    /// Bodies of every `PATCH` of `@original` for `token` so far, in order (progress edits).
    pub fn edits_of_original(&self, token: &str) -> Vec<Value> {
        let path = format!(
            "/api/v10/webhooks/{}/{token}/messages/@original",
            Self::APP_ID
        );
        self.requests()
            .into_iter()
            .filter(|r| r.method == "PATCH" && r.path == path)
            .map(|r| r.body)
            .collect()
    }

    /// Bodies of `POST /webhooks/{app}/{token}` (follow-ups) for `token`, so far.
    pub fn followups(&self, token: &str) -> Vec<Value> {
        let path = format!("/api/v10/webhooks/{}/{token}", Self::APP_ID);
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .map(|r| r.body)
            .collect()
    }

    /// The interaction's original message as it stands now (after callback and edits), a full
    /// Message object — what a component interaction on it should carry as `message`.
    pub fn original_message(&self, token: &str) -> Option<Value> {
        let inner = self.shared.lock();
        inner
            .originals
            .get(token)
            .and_then(|id| inner.messages.get(id))
            .cloned()
    }

    /// `(channel_id, body)` of every accepted `POST /channels/{id}/messages`.
    pub fn messages_posted(&self) -> Vec<(u64, Value)> {
        self.shared.lock().channel_posts.clone()
    }

    /// Waits for a message posted to `channel_id`; returns the request body.
    pub async fn wait_message_posted(
        &self,
        channel_id: u64,
        timeout: Duration,
    ) -> Result<Value, String> {
        self.wait_until(
            timeout,
            &format!("a message posted to channel {channel_id}"),
            |i| {
                i.channel_posts
                    .iter()
                    .find(|(c, _)| *c == channel_id)
                    .map(|(_, b)| b.clone())
            },
        )
        .await
    }

    /// Waits until at least `n` messages were created in `channel_id`; returns them all as
    /// full Message objects (as the bot's message would arrive in a reply's
    /// `referenced_message`), in order.
    pub async fn wait_channel_messages(
        &self,
        channel_id: u64,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<Value>, String> {
        self.wait_until(
            timeout,
            &format!("{n} messages created in channel {channel_id}"),
            |i| {
                let all: Vec<Value> = i
                    .channel_messages
                    .iter()
                    .filter(|(c, _)| *c == channel_id)
                    .filter_map(|(_, id)| i.messages.get(id).cloned())
                    .collect();
                (all.len() >= n).then_some(all)
            },
        )
        .await
    }
}
