//! Driving the bot over the gateway: waiting for its sessions, injecting interactions and
//! dispatches (each checked first against serenity's types and the session's intents),
//! answering an interaction over HTTP, recommending shards and dropping connections.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::rest::{apply_message_intents, interaction_callback, str_field};
use super::state::{InteractionState, Outgoing};
use super::{FakeDiscord, SESSION_WAIT, SentInteraction};

impl FakeDiscord {
    /// Waits until a gateway session is live: IDENTIFY answered with READY (or RESUME with
    /// RESUMED) on a connection still open.
    pub async fn wait_identified(&self, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, "an identified gateway session", |i| {
            i.live_session().map(|_| ())
        })
        .await
    }

    /// Waits until `n` IDENTIFYs have been answered over the fake's life (a bot restarted
    /// within one test identifies twice).
    pub async fn wait_identifies(&self, n: usize, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, &format!("{n} IDENTIFYs"), |i| {
            (i.identifies.len() >= n).then_some(())
        })
        .await
    }

    /// The `d` of every IDENTIFY received (token, intents, shard, properties...).
    pub fn identifies(&self) -> Vec<Value> {
        self.shared.lock().identifies.clone()
    }

    /// Every frame the bot sent over the gateway, in order, across connections.
    pub fn gateway_frames(&self) -> Vec<Value> {
        self.shared.lock().frames.clone()
    }

    /// Injects an INTERACTION_CREATE. Panics if serenity could not parse the payload (it would
    /// drop it silently) or no session is live within 10 s.
    pub async fn send_interaction(&self, interaction: Value) -> SentInteraction {
        let mut interaction = interaction;
        self.fill_command_id(&mut interaction);
        if let Err(e) =
            serde_json::from_value::<serenity::model::application::Interaction>(interaction.clone())
        {
            panic!(
                "serenity cannot parse this interaction ({e}); it would drop it:\n{interaction:#}"
            );
        }
        let sent = SentInteraction {
            id: str_field(&interaction, "id"),
            token: str_field(&interaction, "token"),
        };
        {
            let mut inner = self.shared.lock();
            inner.interactions.insert(
                sent.token.clone(),
                InteractionState {
                    id: sent.id.clone(),
                    sent_at: Instant::now(),
                    answered_after: None,
                    acked: false,
                    channel_id: str_field(&interaction, "channel_id"),
                    guild_id: interaction.get("guild_id").cloned().unwrap_or(Value::Null),
                    message: interaction.get("message").cloned(),
                },
            );
        }
        let guild = interaction["guild_id"]
            .as_str()
            .and_then(|g| g.parse::<u64>().ok());
        let (tx, shard) = self.wait_live_sender_for(guild).await;
        self.shared.update(|inner| {
            inner.delivered_on.insert(sent.token.clone(), shard);
        });
        let _ = tx.send(Outgoing::Dispatch {
            event: "INTERACTION_CREATE".to_owned(),
            data: interaction,
        });
        sent
    }

    /// Makes `GET /gateway/bot` recommend `shards` shards.
    pub fn recommend_shards(&self, shards: u64) {
        self.shared
            .update(|inner| inner.recommended_shards = shards);
    }

    /// Waits until `n` gateway sessions are live at once (one per shard).
    pub async fn wait_live_sessions(&self, n: usize, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, &format!("{n} live sessions"), |i| {
            let live = i
                .sessions
                .iter()
                .filter(|s| s.live && !s.tx.is_closed())
                .count();
            (live >= n).then_some(())
        })
        .await
    }

    /// The `[id, total]` of the shard an interaction was delivered on (`null` when the
    /// session named none).
    pub fn delivered_on(&self, token: &str) -> Option<Value> {
        self.shared.lock().delivered_on.get(token).cloned()
    }

    /// Records an interaction the bot received over HTTP and the first response it gave in
    /// the HTTP reply, as Discord would: the webhook for its token then works (edits of a
    /// deferral, follow-ups), and [`FakeDiscord::original_message`] shows the original.
    /// Returns the status the callback route would have given (204, or 400 for a response
    /// Discord would refuse).
    pub fn answered_over_http(&self, interaction: &Value, response: &Value) -> u16 {
        let id = str_field(interaction, "id");
        let token = str_field(interaction, "token");
        self.shared.update(|inner| {
            inner.interactions.insert(
                token.clone(),
                InteractionState {
                    id: id.clone(),
                    sent_at: Instant::now(),
                    answered_after: None,
                    acked: false,
                    channel_id: str_field(interaction, "channel_id"),
                    guild_id: interaction.get("guild_id").cloned().unwrap_or(Value::Null),
                    message: interaction.get("message").cloned(),
                },
            );
            interaction_callback(inner, &id, &token, response)
                .0
                .as_u16()
        })
    }

    /// Injects an interaction and waits for the body of its callback.
    pub async fn interact(&self, interaction: Value, timeout: Duration) -> Result<Value, String> {
        let sent = self.send_interaction(interaction).await;
        self.callback_for(&sent.id, timeout).await
    }

    /// Injects a dispatch (`op 0`) with the next sequence number. Panics if serenity could not
    /// parse it, or if Discord would not send it to a bot with the IDENTIFY's intents
    /// (MESSAGE_CREATE needs GUILD_MESSAGES or DIRECT_MESSAGES). Without MESSAGE_CONTENT the
    /// content of a guild message that does not mention the bot is blanked, as Discord does.
    pub async fn send_dispatch(&self, event: &str, data: Value) {
        let mut data = data;
        if event == "MESSAGE_CREATE" {
            let intents = self.wait_live_intents().await;
            apply_message_intents(&mut data, intents);
        }
        let frame = json!({"op": 0, "s": 1, "t": event, "d": data});
        if let Err(e) = serde_json::from_value::<serenity::model::event::GatewayEvent>(frame) {
            panic!("serenity cannot parse this {event} ({e}); it would drop it:\n{data:#}");
        }
        self.dispatch_unchecked(event, data).await;
    }

    /// Injects a dispatch as is: no parsing, no intent check (for tests of malformed events).
    pub async fn dispatch_unchecked(&self, event: &str, data: Value) {
        let tx = self.wait_live_sender().await;
        let _ = tx.send(Outgoing::Dispatch {
            event: event.to_owned(),
            data,
        });
    }

    /// Sends a raw frame (e.g. `{"op":7,"d":null}` RECONNECT) to the live session.
    pub async fn send_raw_frame(&self, frame: Value) {
        let tx = self.wait_live_sender().await;
        let _ = tx.send(Outgoing::Raw(frame));
    }

    /// Closes every open gateway connection with `code` (4000 "unknown error" lets serenity
    /// RESUME; 4004 "authentication failed" does not).
    pub fn drop_gateway(&self, code: u16) {
        for session in &self.shared.lock().sessions {
            let _ = session.tx.send(Outgoing::Close(code));
        }
    }

    /// Gateway connections accepted so far.
    pub fn gateway_connections(&self) -> usize {
        self.shared.lock().sessions.len()
    }

    /// RESUMEs the fake accepted.
    pub fn resumes(&self) -> usize {
        self.shared.lock().resumes
    }

    fn fill_command_id(&self, interaction: &mut Value) {
        let kind = interaction.get("type").and_then(Value::as_u64);
        if !matches!(kind, Some(2) | Some(4)) {
            return;
        }
        let name = interaction["data"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let registered = self.registered_commands();
        if let Some(id) = registered
            .iter()
            .find(|c| c["name"] == name.as_str())
            .and_then(|c| c.get("id"))
        {
            interaction["data"]["id"] = id.clone();
        }
    }

    async fn wait_live_sender_for(
        &self,
        guild: Option<u64>,
    ) -> (mpsc::UnboundedSender<Outgoing>, Value) {
        match self
            .wait_until(SESSION_WAIT, "a live gateway session for the guild", |i| {
                i.live_session_for(guild).map(|s| {
                    let shard = s
                        .shard
                        .map_or(Value::Null, |(id, total)| json!([id, total]));
                    (s.tx.clone(), shard)
                })
            })
            .await
        {
            Ok(found) => found,
            Err(e) => panic!("cannot inject an event: {e}"),
        }
    }

    async fn wait_live_sender(&self) -> mpsc::UnboundedSender<Outgoing> {
        match self
            .wait_until(SESSION_WAIT, "a live gateway session", |i| {
                i.live_session().map(|s| s.tx.clone())
            })
            .await
        {
            Ok(tx) => tx,
            Err(e) => panic!("cannot inject an event: {e}"),
        }
    }

    async fn wait_live_intents(&self) -> u64 {
        match self
            .wait_until(SESSION_WAIT, "a live gateway session", |i| {
                i.live_session().map(|s| s.intents)
            })
            .await
        {
            Ok(intents) => intents,
            Err(e) => panic!("cannot inject an event: {e}"),
        }
    }
}
