//! A fake Discord on 127.0.0.1, so the bot's whole Discord path runs in `cargo test`.
//!
//! [`FakeDiscord::start`] opens three loopback listeners: the REST API (axum, under
//! `/api/v10`), the gateway (a websocket speaking HELLO / IDENTIFY / READY / RESUME and
//! heartbeats), and a "trap" that must stay empty — the bot's reqwest client sends any request
//! for a host other than 127.0.0.1 there, so a test can prove nothing leaked to the internet.
//!
//! A test injects events over the gateway ([`FakeDiscord::send_interaction`],
//! [`FakeDiscord::send_dispatch`]) and then waits, with a deadline, for what the bot did over
//! REST ([`FakeDiscord::callback_for`], [`FakeDiscord::edit_of_original`],
//! [`FakeDiscord::wait_message_posted`], [`FakeDiscord::wait_for_request`]).
//!
//! The fake behaves like Discord where a bot can get it wrong, so tests catch it here rather
//! than in production: a second callback for one interaction, or a first one later than 3 s,
//! is refused; messages over Discord's size limits get 400 "Invalid Form Body"; an event the
//! bot's IDENTIFY intents would not receive is refused at injection; and every injected
//! payload is first parsed with serenity's own types, because serenity drops an event it
//! cannot parse with nothing but a tracing warning.
#![allow(dead_code)] // each test uses a different part of this support module

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// Heartbeat interval announced in HELLO. Long, so a slow test never misses an ACK.
const HEARTBEAT_MS: u64 = 41_250;
/// Discord refuses a first interaction response later than this.
const FIRST_RESPONSE_DEADLINE: Duration = Duration::from_secs(3);
/// How long `send_*` waits for a live gateway session before panicking.
const SESSION_WAIT: Duration = Duration::from_secs(10);
const TIMESTAMP: &str = "2025-01-01T00:00:00.000000+00:00";

/// Gateway intent bits the fake enforces when delivering messages.
pub mod intents {
    pub const GUILDS: u64 = 1 << 0;
    pub const GUILD_MESSAGES: u64 = 1 << 9;
    pub const DIRECT_MESSAGES: u64 = 1 << 12;
    pub const MESSAGE_CONTENT: u64 = 1 << 15;
}

/// Permission bits for [`InteractionBuilder::member`].
pub mod perms {
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const MANAGE_MESSAGES: u64 = 1 << 13;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    /// What an ordinary member of a guild has.
    pub const MEMBER: u64 =
        VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1_300_000_000_000_000_000);

/// A fresh snowflake, unique within the test binary.
pub fn fresh_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// One REST request as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Full path, e.g. `/api/v10/applications/1/commands`.
    pub path: String,
    pub query: Option<String>,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    /// The JSON body (for multipart, its `payload_json` part); `Null` when empty, a string when
    /// the body was not JSON.
    pub body: Value,
    /// The status the fake answered with.
    pub status: u16,
}

impl Recorded {
    /// The path without `/api/v10`, e.g. `/channels/5/messages`.
    pub fn route(&self) -> &str {
        self.path.strip_prefix("/api/v10").unwrap_or(&self.path)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn authorization(&self) -> Option<&str> {
        self.header("authorization")
    }

    /// `method` and route (without `/api/v10`) match, e.g. `r.is("POST", "/channels/5/messages")`.
    pub fn is(&self, method: &str, route: &str) -> bool {
        self.method == method && self.route() == route
    }
}

/// What [`FakeDiscord::send_interaction`] injected: the handles to look its answer up by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentInteraction {
    pub id: String,
    pub token: String,
}

/// A fake Discord: REST, gateway and trap listeners on 127.0.0.1. Dropping it stops them.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    rest_addr: SocketAddr,
    trap_addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

impl FakeDiscord {
    pub const APP_ID: u64 = 1_100_000_000_000_000_001;
    pub const BOT_USER_ID: u64 = 1_100_000_000_000_000_002;
    pub const BOT_USERNAME: &'static str = "briefbot";
    /// The token the fake accepts (REST `Authorization: Bot <TOKEN>` and gateway IDENTIFY).
    pub const TOKEN: &'static str = "fake-token.briefbot.loopback";
    /// Defaults the builders use when a test does not say otherwise.
    pub const GUILD_ID: u64 = 1_100_000_000_000_000_010;
    pub const CHANNEL_ID: u64 = 1_100_000_000_000_000_020;
    pub const USER_ID: u64 = 1_100_000_000_000_000_030;

    /// Starts the three listeners and turns on tracing for the test (serenity reports a dropped
    /// event only as a tracing warning; set `RUST_LOG` for more).
    pub async fn start() -> FakeDiscord {
        init_tracing();
        let rest = TcpListener::bind("127.0.0.1:0").await.expect("bind REST");
        let gateway = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind gateway");
        let trap = TcpListener::bind("127.0.0.1:0").await.expect("bind trap");
        let rest_addr = rest.local_addr().expect("REST addr");
        let trap_addr = trap.local_addr().expect("trap addr");
        let gateway_url = format!("ws://{}", gateway.local_addr().expect("gateway addr"));
        let (changed, _) = watch::channel(0u64);
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner::default()),
            changed,
            gateway_url,
            trap_hits: AtomicUsize::new(0),
        });
        let router = Router::new()
            .fallback(rest_handler)
            .with_state(Arc::clone(&shared));
        let tasks = vec![
            tokio::spawn(async move {
                let _ = axum::serve(rest, router).await;
            }),
            tokio::spawn(accept_gateway(Arc::clone(&shared), gateway)),
            tokio::spawn(accept_trap(Arc::clone(&shared), trap)),
        ];
        tracing::debug!(%rest_addr, gateway = %shared.gateway_url, "fake discord started");
        FakeDiscord {
            shared,
            rest_addr,
            trap_addr,
            tasks,
        }
    }

    /// `http://127.0.0.1:PORT`: serenity's `HttpBuilder::proxy`, the bot's `[discord] api_base`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.rest_addr)
    }

    /// `ws://127.0.0.1:PORT`, what `GET /gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url.clone()
    }

    /// `http://127.0.0.1:PORT` of a listener that must stay empty: give it to reqwest as the
    /// proxy for every host other than 127.0.0.1.
    pub fn trap_url(&self) -> String {
        format!("http://{}", self.trap_addr)
    }

    /// Connections the trap received: anything above 0 means the bot tried to leave loopback.
    pub fn trap_hits(&self) -> usize {
        self.shared.trap_hits.load(Ordering::SeqCst)
    }

    /// First lines of what reached the trap (e.g. `CONNECT discord.com:443 HTTP/1.1`).
    pub fn trap_requests(&self) -> Vec<String> {
        self.shared.lock().trap_lines.clone()
    }

    // ---- gateway ----

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

    // ---- REST: what the bot did ----

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

    /// Closes the gateway connections and stops the listeners.
    pub async fn shutdown(self) {
        self.drop_gateway(1000);
        tokio::task::yield_now().await;
        // Drop aborts the listener tasks.
    }

    // ---- payload builders (associated functions: no fake needed) ----

    /// A slash command (`type 2`), by default in [`Self::GUILD_ID`] / [`Self::CHANNEL_ID`], from
    /// [`Self::USER_ID`] with [`perms::MEMBER`]. `options` is the JSON array of
    /// `data.options`; [`option`] builds one. `data.id` is set at injection to the id of the
    /// registered command of that name.
    pub fn slash_command(name: &str, options: Value) -> InteractionBuilder {
        InteractionBuilder::new(
            2,
            json!({"id": fresh_id().to_string(), "name": name, "type": 1, "options": options}),
        )
    }

    /// An autocomplete request (`type 4`); mark the option being typed with [`focused`].
    pub fn autocomplete(name: &str, options: Value) -> InteractionBuilder {
        let mut b = Self::slash_command(name, options);
        b.kind = 4;
        b
    }

    /// A button press (`type 3`) on `message` (a full Message object, e.g.
    /// [`FakeDiscord::original_message`]). Use [`InteractionBuilder::select_values`] for a
    /// string select.
    pub fn component(custom_id: &str, message: Value) -> InteractionBuilder {
        let mut b =
            InteractionBuilder::new(3, json!({"custom_id": custom_id, "component_type": 2}));
        if let Some(c) = message
            .get("channel_id")
            .and_then(Value::as_str)
            .and_then(|c| c.parse().ok())
        {
            b.channel_id = c;
        }
        b.message = Some(message);
        b
    }

    /// A modal submission (`type 5`): `fields` are `(custom_id, value)` of its text inputs.
    pub fn modal_submit(custom_id: &str, fields: &[(&str, &str)]) -> InteractionBuilder {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        InteractionBuilder::new(5, json!({"custom_id": custom_id, "components": rows}))
    }

    /// A MESSAGE_CREATE payload from a user (default [`Self::USER_ID`] in [`Self::GUILD_ID`] /
    /// [`Self::CHANNEL_ID`]).
    pub fn user_message(content: &str) -> MessageBuilder {
        MessageBuilder {
            content: content.to_owned(),
            channel_id: Self::CHANNEL_ID,
            guild_id: Some(Self::GUILD_ID),
            author_id: Self::USER_ID,
            author_name: "reader".to_owned(),
            roles: Vec::new(),
            mentions_bot: false,
            author_is_bot: false,
            replied_to: None,
        }
    }

    /// The bot user object as READY and the REST API present it.
    pub fn bot_user() -> Value {
        json!({
            "id": Self::BOT_USER_ID.to_string(), "username": Self::BOT_USERNAME, "discriminator": "0",
            "global_name": null, "avatar": null, "bot": true, "verified": true, "mfa_enabled": false,
            "flags": 0, "public_flags": 0
        })
    }

    // ---- internals ----

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

    /// Waits until `check` (free to call this fake's getters) yields, re-checking on every change
    /// to the fake's state, e.g. `fake.eventually(t, "a resume", |f| (f.resumes() > 0).then_some(()))`.
    pub async fn eventually<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut(&Self) -> Option<T>,
    ) -> Result<T, String> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut changes = self.shared.changed.subscribe();
        loop {
            if let Some(found) = check(self) {
                return Ok(found);
            }
            if tokio::time::timeout_at(deadline, changes.changed())
                .await
                .is_err()
            {
                return Err(format!(
                    "timed out after {timeout:?} waiting for {what}; {}",
                    self.summary()
                ));
            }
        }
    }

    /// Re-checks `check` on every change to the fake's state until it yields or time runs out.
    async fn wait_until<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut(&Inner) -> Option<T>,
    ) -> Result<T, String> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut changes = self.shared.changed.subscribe();
        loop {
            if let Some(found) = check(&self.shared.lock()) {
                return Ok(found);
            }
            if tokio::time::timeout_at(deadline, changes.changed())
                .await
                .is_err()
            {
                return Err(format!(
                    "timed out after {timeout:?} waiting for {what}; {}",
                    self.summary()
                ));
            }
        }
    }

    fn summary(&self) -> String {
        let inner = self.shared.lock();
        let requests: Vec<String> = inner
            .requests
            .iter()
            .map(|r| format!("{} {} -> {}", r.method, r.route(), r.status))
            .collect();
        format!(
            "gateway connections: {}, identifies: {}, live session: {}, trap hits: {}, REST requests: [{}]",
            inner.sessions.len(),
            inner.identifies.len(),
            inner.live_session().is_some(),
            self.trap_hits(),
            requests.join(", ")
        )
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for session in &self.shared.lock().sessions {
            let _ = session.tx.send(Outgoing::Close(1000));
        }
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// A command option for [`FakeDiscord::slash_command`]; its `type` follows the JSON value
/// (string 3, integer 4, boolean 5, number 10).
pub fn option(name: &str, value: impl Into<Value>) -> Value {
    let value = value.into();
    let kind = match &value {
        Value::Bool(_) => 5,
        Value::Number(n) if n.is_i64() || n.is_u64() => 4,
        Value::Number(_) => 10,
        _ => 3,
    };
    json!({"name": name, "type": kind, "value": value})
}

/// The option a user is typing, for [`FakeDiscord::autocomplete`].
pub fn focused(name: &str, partial: &str) -> Value {
    json!({"name": name, "type": 3, "value": partial, "focused": true})
}

/// A subcommand option holding `options`, for [`FakeDiscord::slash_command`].
pub fn subcommand(name: &str, options: Value) -> Value {
    json!({"name": name, "type": 1, "options": options})
}

/// Builds an interaction payload with every field serenity requires.
#[derive(Clone, Debug)]
pub struct InteractionBuilder {
    kind: u8,
    data: Value,
    guild_id: Option<u64>,
    channel_id: u64,
    user_id: u64,
    username: String,
    roles: Vec<u64>,
    permissions: u64,
    locale: String,
    message: Option<Value>,
}

impl InteractionBuilder {
    fn new(kind: u8, data: Value) -> Self {
        InteractionBuilder {
            kind,
            data,
            guild_id: Some(FakeDiscord::GUILD_ID),
            channel_id: FakeDiscord::CHANNEL_ID,
            user_id: FakeDiscord::USER_ID,
            username: "reader".to_owned(),
            roles: Vec::new(),
            permissions: perms::MEMBER,
            locale: "en-US".to_owned(),
            message: None,
        }
    }

    pub fn guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(guild_id);
        self
    }

    /// From a direct message: no guild, `user` instead of `member`.
    pub fn dm(mut self) -> Self {
        self.guild_id = None;
        self
    }

    pub fn channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    /// The invoking member: user id, role ids and computed channel permissions (see [`perms`]).
    pub fn member(mut self, user_id: u64, roles: &[u64], permissions: u64) -> Self {
        self.user_id = user_id;
        self.roles = roles.to_vec();
        self.permissions = permissions;
        self
    }

    pub fn user(mut self, user_id: u64, username: &str) -> Self {
        self.user_id = user_id;
        self.username = username.to_owned();
        self
    }

    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = locale.to_owned();
        self
    }

    /// Attaches a file as option `option` (type 11): its id in `data.options`, the file in
    /// `data.resolved.attachments`, downloadable at `url` (a test's loopback server).
    pub fn attachment(mut self, option: &str, filename: &str, size: u64, url: &str) -> Self {
        let id = fresh_id().to_string();
        let options = self.data["options"].as_array().cloned().unwrap_or_default();
        let mut options = options;
        options.push(json!({"name": option, "type": 11, "value": id}));
        self.data["options"] = json!(options);
        self.data["resolved"]["attachments"][id.as_str()] = json!({
            "id": id, "filename": filename, "size": size, "url": url, "proxy_url": url,
            "content_type": "application/octet-stream", "ephemeral": true,
        });
        self
    }

    /// For a component on a string select: the chosen values.
    pub fn select_values(mut self, values: &[&str]) -> Self {
        self.data["component_type"] = json!(3);
        self.data["values"] = json!(values);
        self
    }

    /// The payload, with a fresh unique `id` and `token`.
    pub fn build(self) -> Value {
        let id = fresh_id();
        let user = json!({
            "id": self.user_id.to_string(), "username": self.username, "discriminator": "0",
            "global_name": self.username, "avatar": null, "public_flags": 0
        });
        let mut ix = json!({
            "id": id.to_string(),
            "application_id": FakeDiscord::APP_ID.to_string(),
            "type": self.kind,
            "token": format!("fake-interaction-token-{id}"),
            "version": 1,
            "channel_id": self.channel_id.to_string(),
            "channel": {"id": self.channel_id.to_string(), "type": if self.guild_id.is_some() { 0 } else { 1 }},
            "locale": self.locale,
            "app_permissions": perms::MEMBER.to_string(),
            "entitlements": [],
            "authorizing_integration_owners": {},
            "attachment_size_limit": 10_485_760,
            "data": self.data,
        });
        match self.guild_id {
            Some(guild_id) => {
                ix["guild_id"] = json!(guild_id.to_string());
                ix["guild_locale"] = json!("en-US");
                ix["context"] = json!(0);
                let roles: Vec<String> = self.roles.iter().map(u64::to_string).collect();
                ix["member"] = json!({
                    "user": user, "roles": roles, "permissions": self.permissions.to_string(),
                    "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0, "pending": false,
                    "nick": null, "avatar": null, "premium_since": null, "communication_disabled_until": null
                });
            }
            None => {
                ix["context"] = json!(1);
                ix["user"] = user;
            }
        }
        if let Some(message) = self.message {
            ix["message"] = message;
        }
        ix
    }
}

/// Builds a MESSAGE_CREATE payload from a user.
#[derive(Clone, Debug)]
pub struct MessageBuilder {
    content: String,
    channel_id: u64,
    guild_id: Option<u64>,
    author_id: u64,
    author_name: String,
    roles: Vec<u64>,
    mentions_bot: bool,
    author_is_bot: bool,
    replied_to: Option<Value>,
}

impl MessageBuilder {
    /// Written by another bot (`author.bot`).
    pub fn by_bot(mut self, user_id: u64, username: &str) -> Self {
        self.author_id = user_id;
        self.author_name = username.to_owned();
        self.author_is_bot = true;
        self
    }

    /// A reply to `message` (a full Message object) with Discord's default "ping on": the
    /// replied-to author is in `mentions`, the message in `referenced_message`.
    pub fn reply_to(mut self, message: Value) -> Self {
        self.replied_to = Some(message);
        self
    }

    pub fn channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    pub fn guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(guild_id);
        self
    }

    /// A direct message to the bot.
    pub fn dm(mut self) -> Self {
        self.guild_id = None;
        self
    }

    pub fn author(mut self, user_id: u64, username: &str, roles: &[u64]) -> Self {
        self.author_id = user_id;
        self.author_name = username.to_owned();
        self.roles = roles.to_vec();
        self
    }

    /// Mentions the bot: `<@BOT>` is prefixed to the content and the bot is in `mentions`.
    pub fn mention_bot(mut self) -> Self {
        self.mentions_bot = true;
        self
    }

    pub fn build(self) -> Value {
        let id = fresh_id();
        let author = json!({
            "id": self.author_id.to_string(), "username": self.author_name, "discriminator": "0",
            "global_name": self.author_name, "avatar": null, "public_flags": 0,
            "bot": self.author_is_bot
        });
        let content = if self.mentions_bot {
            format!("<@{}> {}", FakeDiscord::BOT_USER_ID, self.content)
        } else {
            self.content
        };
        let mut mentions = if self.mentions_bot {
            vec![FakeDiscord::bot_user()]
        } else {
            Vec::new()
        };
        let mut msg = message_object(id, self.channel_id, author, &json!({"content": content}));
        if let Some(replied) = self.replied_to {
            if !mentions.iter().any(|m| m["id"] == replied["author"]["id"]) {
                mentions.push(replied["author"].clone());
            }
            msg["type"] = json!(19);
            msg["message_reference"] = json!({
                "type": 0, "message_id": replied["id"], "channel_id": replied["channel_id"],
            });
            msg["referenced_message"] = replied;
        }
        msg["mentions"] = json!(mentions);
        if let Some(guild_id) = self.guild_id {
            let roles: Vec<String> = self.roles.iter().map(u64::to_string).collect();
            msg["guild_id"] = json!(guild_id.to_string());
            msg["member"] = json!({"roles": roles, "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0});
        }
        msg
    }
}

// ---- shared state ----

struct Shared {
    inner: Mutex<Inner>,
    /// Bumped on every change, so waiters re-check without polling.
    changed: watch::Sender<u64>,
    gateway_url: String,
    trap_hits: AtomicUsize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Applies `f` to the state and wakes the waiters.
    fn update<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let out = f(&mut self.lock());
        self.changed.send_modify(|n| *n += 1);
        out
    }
}

#[derive(Default)]
struct Inner {
    requests: Vec<Recorded>,
    /// Registered commands by scope path (`/applications/{app}[/guilds/{g}]/commands`).
    commands: HashMap<String, Vec<Value>>,
    interactions: HashMap<String, InteractionState>,
    /// Messages the fake created, by id.
    messages: HashMap<String, Value>,
    /// Interaction token -> id of its original message.
    originals: HashMap<String, String>,
    channel_posts: Vec<(u64, Value)>,
    /// `(channel_id, message id)` of every message created by `POST /channels/{id}/messages`.
    channel_messages: Vec<(u64, String)>,
    sessions: Vec<Session>,
    identifies: Vec<Value>,
    resumes: usize,
    /// What `GET /gateway/bot` recommends (0 is taken as 1).
    recommended_shards: u64,
    /// Interaction token -> the `[id, total]` of the shard it was delivered on.
    delivered_on: HashMap<String, Value>,
    frames: Vec<Value>,
    trap_lines: Vec<String>,
}

impl Inner {
    /// The newest connection that has identified (or resumed) and is still open.
    fn live_session(&self) -> Option<&Session> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.live && !s.tx.is_closed())
    }

    /// The live connection Discord would send an event of `guild` over: with several
    /// shards, the one whose id is `(guild >> 22) % total`; else the newest.
    fn live_session_for(&self, guild: Option<u64>) -> Option<&Session> {
        let live = || {
            self.sessions
                .iter()
                .rev()
                .filter(|s| s.live && !s.tx.is_closed())
        };
        let sharded = live().find_map(|s| s.shard.filter(|(_, total)| *total > 1));
        match (guild, sharded) {
            (Some(guild), Some((_, total))) => {
                live().find(|s| s.shard.is_some_and(|(id, _)| id == (guild >> 22) % total))
            }
            // Direct messages go to shard 0.
            (None, Some(_)) => live().find(|s| s.shard.is_some_and(|(id, _)| id == 0)),
            _ => self.live_session(),
        }
    }
}

struct InteractionState {
    id: String,
    sent_at: Instant,
    /// Time from injection to the accepted first callback.
    answered_after: Option<Duration>,
    acked: bool,
    channel_id: String,
    guild_id: Value,
    message: Option<Value>,
}

struct Session {
    tx: mpsc::UnboundedSender<Outgoing>,
    session_id: Option<String>,
    intents: u64,
    live: bool,
    /// Last sequence number sent, kept for RESUME.
    seq: u64,
    /// `[id, total]` from IDENTIFY.
    shard: Option<(u64, u64)>,
}

enum Outgoing {
    Dispatch { event: String, data: Value },
    Raw(Value),
    Close(u16),
}

// ---- REST ----

type Reply = (StatusCode, Option<Value>);

async fn rest_handler(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body = parse_body(&headers, &body);
    let path = uri.path().to_owned();
    let segments: Vec<&str> = path
        .strip_prefix("/api/v10/")
        .map(|p| p.split('/').collect())
        .unwrap_or_default();
    let authorized = headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(format!("Bot {}", FakeDiscord::TOKEN).as_str());
    let (status, reply) = if segments.is_empty() {
        not_found()
    } else if !authorized {
        (
            StatusCode::UNAUTHORIZED,
            Some(json!({"message": "401: Unauthorized", "code": 0})),
        )
    } else {
        shared.update(|inner| {
            route(
                inner,
                &shared.gateway_url,
                method.as_str(),
                &segments,
                &body,
            )
        })
    };
    let recorded = Recorded {
        method: method.to_string(),
        path,
        query: uri.query().map(str::to_owned),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        status: status.as_u16(),
    };
    tracing::debug!(method = %recorded.method, path = %recorded.path, status = recorded.status, "fake discord REST");
    shared.update(|inner| inner.requests.push(recorded));
    match reply {
        Some(json) => (status, axum::Json(json)).into_response(),
        None => status.into_response(),
    }
}

fn route(inner: &mut Inner, gateway_url: &str, method: &str, seg: &[&str], body: &Value) -> Reply {
    let app = FakeDiscord::APP_ID.to_string();
    match (method, seg) {
        ("GET", ["gateway"]) => ok(json!({"url": gateway_url})),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": gateway_url, "shards": inner.recommended_shards.max(1),
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        })),
        ("GET", ["users", "@me"]) => ok(FakeDiscord::bot_user()),
        ("GET", ["oauth2", "applications", "@me"] | ["applications", "@me"]) => {
            ok(application_info())
        }
        ("GET", ["users", id]) => {
            ok(json!({"id": id, "username": "someone", "discriminator": "0", "avatar": null}))
        }
        (_, ["applications", a, "commands", rest @ ..]) if *a == app => {
            commands_route(inner, commands_key(a, None), None, method, rest, body)
        }
        (_, ["applications", a, "guilds", g, "commands", rest @ ..]) if *a == app => {
            commands_route(inner, commands_key(a, Some(g)), Some(g), method, rest, body)
        }
        ("POST", ["interactions", id, token, "callback"]) => {
            interaction_callback(inner, id, token, body)
        }
        (_, ["webhooks", a, token, rest @ ..]) if *a == app => {
            webhook_route(inner, token, method, rest, body)
        }
        (_, ["channels", channel, rest @ ..]) => channel_route(inner, channel, method, rest, body),
        _ => not_found(),
    }
}

fn commands_key(app: &str, guild: Option<&str>) -> String {
    match guild {
        Some(g) => format!("/applications/{app}/guilds/{g}/commands"),
        None => format!("/applications/{app}/commands"),
    }
}

fn commands_route(
    inner: &mut Inner,
    key: String,
    guild: Option<&str>,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let existing = inner.commands.get(&key).cloned().unwrap_or_default();
    match (method, rest) {
        ("GET", []) => ok(json!(existing)),
        ("PUT", []) => {
            let Some(new) = body.as_array() else {
                return invalid_form("expected an array of commands");
            };
            let echoed: Vec<Value> = new
                .iter()
                .map(|c| echo_command(c, &existing, guild))
                .collect();
            inner.commands.insert(key, echoed.clone());
            ok(json!(echoed))
        }
        ("POST", []) => {
            let command = echo_command(body, &existing, guild);
            let mut cmds: Vec<Value> = existing
                .into_iter()
                .filter(|c| c["name"] != command["name"])
                .collect();
            cmds.push(command.clone());
            inner.commands.insert(key, cmds);
            (StatusCode::CREATED, Some(command))
        }
        ("GET", [id]) => match existing.iter().find(|c| c["id"] == *id) {
            Some(c) => ok(c.clone()),
            None => unknown(10063, "Unknown application command"),
        },
        ("PATCH", [id]) => {
            let Some(pos) = existing.iter().position(|c| c["id"] == *id) else {
                return unknown(10063, "Unknown application command");
            };
            let mut cmds = existing;
            merge(&mut cmds[pos], body);
            cmds[pos]["version"] = json!(fresh_id().to_string());
            let command = cmds[pos].clone();
            inner.commands.insert(key, cmds);
            ok(command)
        }
        ("DELETE", [id]) => {
            let cmds: Vec<Value> = existing.into_iter().filter(|c| c["id"] != *id).collect();
            inner.commands.insert(key, cmds);
            no_content()
        }
        _ => not_found(),
    }
}

/// A command as Discord echoes it: the bot's fields plus `id` (kept for a name already
/// registered, as Discord does on bulk overwrite), `application_id`, `version` and defaults.
fn echo_command(command: &Value, existing: &[Value], guild: Option<&str>) -> Value {
    let mut echoed = json!({
        "type": 1, "description": "", "options": [], "default_member_permissions": null,
        "dm_permission": true, "nsfw": false,
    });
    merge(&mut echoed, command);
    let id = existing
        .iter()
        .find(|c| c["name"] == command["name"])
        .and_then(|c| c.get("id").cloned())
        .unwrap_or_else(|| json!(fresh_id().to_string()));
    echoed["id"] = id;
    echoed["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    echoed["version"] = json!(fresh_id().to_string());
    if let Some(g) = guild {
        echoed["guild_id"] = json!(g);
    }
    echoed
}

fn interaction_callback(inner: &mut Inner, id: &str, token: &str, body: &Value) -> Reply {
    let Some(state) = inner.interactions.get_mut(token).filter(|s| s.id == id) else {
        return unknown(10062, "Unknown interaction");
    };
    if state.acked {
        return (
            StatusCode::BAD_REQUEST,
            Some(json!({"message": "Interaction has already been acknowledged.", "code": 40060})),
        );
    }
    if state.sent_at.elapsed() > FIRST_RESPONSE_DEADLINE {
        return unknown(10062, "Unknown interaction");
    }
    let kind = body["type"].as_u64().unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(json!({}));
    let checked = match kind {
        4 => check_message(&data, true),
        7 => check_message(&data, false),
        8 => check_choices(&data),
        1 | 5 | 6 | 9 => Ok(()),
        other => Err(format!("unknown interaction response type {other}")),
    };
    if let Err(e) = checked {
        return invalid_form(&e);
    }
    state.acked = true;
    state.answered_after = Some(state.sent_at.elapsed());
    let channel_id = state.channel_id.parse().unwrap_or(FakeDiscord::CHANNEL_ID);
    let guild_id = state.guild_id.clone();
    let component_message = state.message.clone();
    let original = match (kind, component_message) {
        (4, _) => Some(bot_message(channel_id, &guild_id, &data)),
        // Deferred: Discord shows "thinking..." (flag 128) until @original is edited.
        (5, _) => {
            let flags = data["flags"].as_u64().unwrap_or(0) | 128;
            Some(bot_message(
                channel_id,
                &guild_id,
                &json!({"content": "", "flags": flags}),
            ))
        }
        (6, Some(message)) => Some(message),
        (7, Some(mut message)) => {
            merge(&mut message, &data);
            message["edited_timestamp"] = json!(TIMESTAMP);
            Some(message)
        }
        _ => None,
    };
    if let Some(message) = original {
        let message_id = str_field(&message, "id");
        inner.messages.insert(message_id.clone(), message);
        inner.originals.insert(token.to_owned(), message_id);
    }
    no_content()
}

fn webhook_route(
    inner: &mut Inner,
    token: &str,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let known = inner
        .interactions
        .get(token)
        .map(|s| (s.channel_id.clone(), s.guild_id.clone()));
    let Some((channel_id, guild_id)) = known else {
        return unknown(10015, "Unknown Webhook");
    };
    let channel_id: u64 = channel_id.parse().unwrap_or(FakeDiscord::CHANNEL_ID);
    let message_id = match rest {
        ["messages", "@original"] => inner.originals.get(token).cloned(),
        ["messages", id] => Some((*id).to_owned()).filter(|id| inner.messages.contains_key(id)),
        _ => None,
    };
    match (method, rest) {
        ("POST", []) => {
            if let Err(e) = check_message(body, true) {
                return invalid_form(&e);
            }
            let message = bot_message(channel_id, &guild_id, body);
            inner
                .messages
                .insert(str_field(&message, "id"), message.clone());
            ok(message)
        }
        (_, ["messages", _]) => {
            let Some(message_id) = message_id else {
                return unknown(10008, "Unknown Message");
            };
            match method {
                "GET" => ok(inner.messages[&message_id].clone()),
                "PATCH" => {
                    if let Err(e) = check_message(body, false) {
                        return invalid_form(&e);
                    }
                    edit_message(inner, &message_id, body)
                }
                "DELETE" => {
                    inner.messages.remove(&message_id);
                    no_content()
                }
                _ => not_found(),
            }
        }
        _ => not_found(),
    }
}

fn channel_route(
    inner: &mut Inner,
    channel: &str,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let Ok(channel_id) = channel.parse::<u64>() else {
        return not_found();
    };
    match (method, rest) {
        ("GET", []) => ok(json!({
            "id": channel, "type": 0, "guild_id": FakeDiscord::GUILD_ID.to_string(), "name": "general",
            "position": 0, "permission_overwrites": [], "nsfw": false, "parent_id": null
        })),
        ("POST", ["messages"]) => {
            if let Err(e) = check_message(body, true) {
                return invalid_form(&e);
            }
            inner.channel_posts.push((channel_id, body.clone()));
            let message = bot_message(channel_id, &Value::Null, body);
            let id = str_field(&message, "id");
            inner.channel_messages.push((channel_id, id.clone()));
            inner.messages.insert(id, message.clone());
            ok(message)
        }
        ("GET", ["messages"]) => ok(json!([])),
        ("GET", ["messages", id]) => match inner.messages.get(*id) {
            Some(m) => ok(m.clone()),
            None => unknown(10008, "Unknown Message"),
        },
        ("PATCH", ["messages", id]) => {
            if !inner.messages.contains_key(*id) {
                return unknown(10008, "Unknown Message");
            }
            if let Err(e) = check_message(body, false) {
                return invalid_form(&e);
            }
            edit_message(inner, id, body)
        }
        ("DELETE", ["messages", id]) => {
            inner.messages.remove(*id);
            no_content()
        }
        ("POST", ["typing"]) | ("PUT", ["messages", _, "reactions", _, "@me"]) => no_content(),
        _ => not_found(),
    }
}

fn edit_message(inner: &mut Inner, message_id: &str, body: &Value) -> Reply {
    let message = inner
        .messages
        .get_mut(message_id)
        .expect("caller checked the message exists");
    merge(message, body);
    // An edit ends the "thinking..." state of a deferral.
    if let Some(flags) = message["flags"].as_u64() {
        message["flags"] = json!(flags & !128);
    }
    message["edited_timestamp"] = json!(TIMESTAMP);
    ok(message.clone())
}

/// A full Message object authored by the bot, from a create/edit body.
fn bot_message(channel_id: u64, guild_id: &Value, body: &Value) -> Value {
    let mut message = message_object(fresh_id(), channel_id, FakeDiscord::bot_user(), body);
    message["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    if !guild_id.is_null() {
        message["guild_id"] = guild_id.clone();
    }
    if let Some(reference) = body.get("message_reference").filter(|r| !r.is_null()) {
        message["type"] = json!(19); // a reply
        message["message_reference"] = json!({
            "type": 0,
            "message_id": reference["message_id"],
            "channel_id": reference.get("channel_id").cloned().unwrap_or(json!(channel_id.to_string())),
            "guild_id": reference.get("guild_id").cloned().unwrap_or(Value::Null),
        });
    }
    message
}

/// A Message object with every field serenity requires; `body` supplies content, embeds,
/// components, flags.
fn message_object(id: u64, channel_id: u64, author: Value, body: &Value) -> Value {
    let field = |name: &str, default: Value| {
        body.get(name)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": field("content", json!("")),
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": field("tts", json!(false)),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": field("embeds", json!([])),
        "reactions": [],
        "pinned": false,
        "type": 0,
        "flags": field("flags", json!(0)),
        "components": field("components", json!([])),
    })
}

fn application_info() -> Value {
    json!({
        "id": FakeDiscord::APP_ID.to_string(), "name": FakeDiscord::BOT_USERNAME, "icon": null,
        "description": "", "rpc_origins": [], "bot_public": false, "bot_require_code_grant": false,
        "owner": {"id": FakeDiscord::USER_ID.to_string(), "username": "owner", "discriminator": "0", "avatar": null},
        "verify_key": "0".repeat(64), "team": null, "flags": 0,
        "bot": FakeDiscord::bot_user(),
    })
}

/// Without MESSAGE_CONTENT Discord blanks a guild message that does not mention the bot; without
/// GUILD_MESSAGES / DIRECT_MESSAGES it sends no MESSAGE_CREATE at all.
fn apply_message_intents(message: &mut Value, intents: u64) {
    let in_guild = message.get("guild_id").is_some_and(|g| !g.is_null());
    let needed = if in_guild {
        intents::GUILD_MESSAGES
    } else {
        intents::DIRECT_MESSAGES
    };
    assert!(
        intents & needed != 0,
        "Discord would not deliver this MESSAGE_CREATE: the bot identified with intents {intents:#x}, \
         without {} ({needed:#x})",
        if in_guild {
            "GUILD_MESSAGES"
        } else {
            "DIRECT_MESSAGES"
        },
    );
    let bot_id = FakeDiscord::BOT_USER_ID.to_string();
    let mentions_bot = message["mentions"]
        .as_array()
        .is_some_and(|m| m.iter().any(|u| u["id"] == bot_id.as_str()));
    let by_bot = message["author"]["id"] == bot_id.as_str();
    if in_guild && intents & intents::MESSAGE_CONTENT == 0 && !mentions_bot && !by_bot {
        for (field, empty) in [
            ("content", json!("")),
            ("embeds", json!([])),
            ("attachments", json!([])),
            ("components", json!([])),
        ] {
            message[field] = empty;
        }
    }
}

// ---- Discord's limits ----

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn limit(what: &str, v: &Value, max: usize) -> Result<usize, String> {
    let n = chars(v);
    if n > max {
        Err(format!("{what} is {n} characters, over Discord's {max}"))
    } else {
        Ok(n)
    }
}

/// The checks Discord makes on a message body; `create` also refuses an empty message.
fn check_message(body: &Value, create: bool) -> Result<(), String> {
    limit("content", &body["content"], 2000)?;
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        return Err(format!("{} embeds, over Discord's 10", embeds.len()));
    }
    let mut total = 0;
    for embed in &embeds {
        total += limit("embed title", &embed["title"], 256)?;
        total += limit("embed description", &embed["description"], 4096)?;
        total += limit("embed footer", &embed["footer"]["text"], 2048)?;
        total += limit("embed author name", &embed["author"]["name"], 256)?;
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Err(format!("{} embed fields, over Discord's 25", fields.len()));
        }
        for field in &fields {
            total += limit("embed field name", &field["name"], 256)?;
            total += limit("embed field value", &field["value"], 1024)?;
        }
    }
    if total > 6000 {
        return Err(format!(
            "embeds hold {total} characters, over Discord's 6000"
        ));
    }
    let rows = body["components"].as_array().cloned().unwrap_or_default();
    if rows.len() > 5 {
        return Err(format!("{} action rows, over Discord's 5", rows.len()));
    }
    for row in &rows {
        let parts = row["components"].as_array().cloned().unwrap_or_default();
        if parts.len() > 5 {
            return Err(format!(
                "{} components in a row, over Discord's 5",
                parts.len()
            ));
        }
        for part in &parts {
            limit("custom_id", &part["custom_id"], 100)?;
            limit("button label", &part["label"], 80)?;
        }
    }
    let empty = chars(&body["content"]) == 0
        && embeds.is_empty()
        && rows.is_empty()
        && body["attachments"].as_array().is_none_or(Vec::is_empty)
        && body["sticker_ids"].as_array().is_none_or(Vec::is_empty);
    if create && empty {
        return Err("Cannot send an empty message".to_owned());
    }
    Ok(())
}

fn check_choices(data: &Value) -> Result<(), String> {
    let choices = data["choices"].as_array().cloned().unwrap_or_default();
    if choices.len() > 25 {
        return Err(format!(
            "{} autocomplete choices, over Discord's 25",
            choices.len()
        ));
    }
    for choice in &choices {
        limit("choice name", &choice["name"], 100)?;
        limit("choice value", &choice["value"], 100)?;
    }
    Ok(())
}

// ---- small helpers ----

fn ok(v: Value) -> Reply {
    (StatusCode::OK, Some(v))
}

fn no_content() -> Reply {
    (StatusCode::NO_CONTENT, None)
}

fn not_found() -> Reply {
    (
        StatusCode::NOT_FOUND,
        Some(json!({"message": "404: Not Found", "code": 0})),
    )
}

fn unknown(code: u32, message: &str) -> Reply {
    (
        StatusCode::NOT_FOUND,
        Some(json!({"message": message, "code": code})),
    )
}

fn invalid_form(detail: &str) -> Reply {
    tracing::warn!(detail, "fake discord refused a body");
    (
        StatusCode::BAD_REQUEST,
        Some(json!({"message": "Invalid Form Body", "code": 50035, "errors": {"detail": detail}})),
    )
}

/// Shallow merge: `patch`'s keys overwrite `target`'s.
fn merge(target: &mut Value, patch: &Value) {
    if let (Some(t), Some(p)) = (target.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            t.insert(k.clone(), v.clone());
        }
    }
}

fn str_field(v: &Value, name: &str) -> String {
    v[name]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| v[name].to_string())
}

/// JSON body; for multipart (attachments), the `payload_json` part.
fn parse_body(headers: &HeaderMap, body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    let text = String::from_utf8_lossy(body);
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(boundary) = content_type.split("boundary=").nth(1) {
        let boundary = format!("--{}", boundary.trim_matches('"'));
        for part in text.split(boundary.as_str()) {
            if let Some((head, content)) = part.split_once("\r\n\r\n")
                && head.contains("name=\"payload_json\"")
            {
                return serde_json::from_str(content.trim_end_matches("\r\n"))
                    .unwrap_or(Value::Null);
            }
        }
    }
    serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.into_owned()))
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

// ---- gateway ----

async fn accept_gateway(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(serve_gateway(Arc::clone(&shared), stream));
    }
}

async fn serve_gateway(shared: Arc<Shared>, stream: TcpStream) {
    let ws = match tokio_tungstenite::accept_async(stream).await {
        Ok(ws) => ws,
        Err(e) => {
            tracing::warn!(error = %e, "fake gateway: websocket handshake failed");
            return;
        }
    };
    let (mut sink, mut frames) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn = shared.update(|inner| {
        inner.sessions.push(Session {
            tx,
            session_id: None,
            intents: 0,
            live: false,
            seq: 0,
            shard: None,
        });
        inner.sessions.len() - 1
    });
    let mut conn = Connection {
        shared: Arc::clone(&shared),
        index: conn,
        seq: 0,
    };
    let mut open = send_json(
        &mut sink,
        json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}}),
    )
    .await;
    while open {
        tokio::select! {
            frame = frames.next() => match frame {
                Some(Ok(frame)) if frame.is_text() => {
                    let parsed = frame.to_text().ok().and_then(|t| serde_json::from_str::<Value>(t).ok());
                    for reply in parsed.map(|f| conn.on_frame(f)).unwrap_or_default() {
                        open &= send_json(&mut sink, reply).await;
                    }
                },
                // On a close frame keep reading: tungstenite sends the closing reply the bot
                // waits for, then the stream ends.
                Some(Ok(_)) => {},
                Some(Err(_)) | None => open = false,
            },
            out = rx.recv() => match out {
                Some(Outgoing::Dispatch { event, data }) => {
                    let frame = conn.dispatch(&event, data);
                    open &= send_json(&mut sink, frame).await;
                },
                Some(Outgoing::Raw(frame)) => open &= send_json(&mut sink, frame).await,
                Some(Outgoing::Close(code)) => {
                    let close = CloseFrame { code: CloseCode::from(code), reason: "fake discord closed".into() };
                    let _ = sink.send(WsMessage::Close(Some(close))).await;
                    open = false;
                },
                None => open = false,
            },
        }
    }
    shared.update(|inner| inner.sessions[conn.index].live = false);
}

async fn send_json<S>(sink: &mut S, frame: Value) -> bool
where
    S: SinkExt<WsMessage> + Unpin,
{
    sink.send(WsMessage::text(frame.to_string())).await.is_ok()
}

/// One gateway connection's protocol state.
struct Connection {
    shared: Arc<Shared>,
    index: usize,
    seq: u64,
}

impl Connection {
    fn dispatch(&mut self, event: &str, data: Value) -> Value {
        self.seq += 1;
        let seq = self.seq;
        self.shared
            .update(|inner| inner.sessions[self.index].seq = seq);
        json!({"op": 0, "s": seq, "t": event, "d": data})
    }

    /// Frames to send back for one frame from the bot.
    fn on_frame(&mut self, frame: Value) -> Vec<Value> {
        self.shared.update(|inner| inner.frames.push(frame.clone()));
        let d = &frame["d"];
        match frame["op"].as_u64() {
            Some(1) => vec![json!({"op": 11})],
            Some(2) => self.identify(d),
            Some(6) => self.resume(d),
            _ => Vec::new(),
        }
    }

    fn identify(&mut self, d: &Value) -> Vec<Value> {
        let token = d["token"].as_str().unwrap_or_default();
        if token != FakeDiscord::TOKEN && token != format!("Bot {}", FakeDiscord::TOKEN) {
            tracing::warn!(token, "fake gateway: IDENTIFY with the wrong token");
            let _ = self.shared.lock().sessions[self.index]
                .tx
                .send(Outgoing::Close(4004));
            return Vec::new();
        }
        let session_id = format!("fake-session-{}", fresh_id());
        let intents = d["intents"].as_u64().unwrap_or(0);
        self.shared.update(|inner| {
            inner.identifies.push(d.clone());
            let session = &mut inner.sessions[self.index];
            session.session_id = Some(session_id.clone());
            session.intents = intents;
            session.live = true;
            session.shard = d["shard"]
                .as_array()
                .and_then(|s| Some((s.first()?.as_u64()?, s.get(1)?.as_u64()?)));
        });
        let ready = json!({
            "v": 10,
            "user": FakeDiscord::bot_user(),
            "guilds": [],
            "session_id": session_id,
            "resume_gateway_url": self.shared.gateway_url,
            "shard": d.get("shard").cloned().unwrap_or(json!([0, 1])),
            "application": {"id": FakeDiscord::APP_ID.to_string(), "flags": 0},
        });
        vec![self.dispatch("READY", ready)]
    }

    fn resume(&mut self, d: &Value) -> Vec<Value> {
        let session_id = d["session_id"].as_str().unwrap_or_default();
        let previous = self
            .shared
            .lock()
            .sessions
            .iter()
            .find(|s| s.session_id.as_deref() == Some(session_id))
            .map(|s| s.intents);
        let Some(intents) = previous else {
            return vec![json!({"op": 9, "d": false})];
        };
        self.seq = d["seq"].as_u64().unwrap_or(0);
        self.shared.update(|inner| {
            inner.resumes += 1;
            let session = &mut inner.sessions[self.index];
            session.session_id = Some(session_id.to_owned());
            session.intents = intents;
            session.live = true;
        });
        vec![self.dispatch("RESUMED", json!({}))]
    }
}

// ---- trap ----

async fn accept_trap(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((mut stream, _)) = listener.accept().await {
        shared.trap_hits.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let mut buf = vec![0u8; 2048];
            let n = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buf))
                .await
                .ok()
                .and_then(Result::ok);
            let head = String::from_utf8_lossy(&buf[..n.unwrap_or(0)]);
            let line = head.lines().next().unwrap_or("").to_owned();
            tracing::error!(request = %line, "fake discord trap: a request tried to leave loopback");
            shared.update(|inner| inner.trap_lines.push(line));
            let _ = stream
                .write_all(
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .await;
        });
    }
}
