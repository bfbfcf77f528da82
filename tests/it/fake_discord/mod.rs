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

mod builders;
mod gateway;
mod inject;
mod limits;
mod observe;
mod rest;
mod state;
mod trap;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use self::gateway::accept_gateway;
use self::rest::rest_handler;
use self::state::{Inner, Outgoing, Shared};
use self::trap::accept_trap;

#[allow(unused_imports)] // each user of this support module takes a different part
pub use builders::{InteractionBuilder, MessageBuilder, focused, option, subcommand};

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

    /// Closes the gateway connections and stops the listeners.
    pub async fn shutdown(self) {
        self.drop_gateway(1000);
        tokio::task::yield_now().await;
        // Drop aborts the listener tasks.
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

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}
