//! The fake's shared state: what the REST handler, the gateway connections and the test all
//! read and write under one lock, with a watch channel bumped on every change.

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::{mpsc, watch};

use super::Recorded;

pub(super) struct Shared {
    pub(super) inner: Mutex<Inner>,
    /// Bumped on every change, so waiters re-check without polling.
    pub(super) changed: watch::Sender<u64>,
    pub(super) gateway_url: String,
    pub(super) trap_hits: AtomicUsize,
}

impl Shared {
    pub(super) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Applies `f` to the state and wakes the waiters.
    pub(super) fn update<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let out = f(&mut self.lock());
        self.changed.send_modify(|n| *n += 1);
        out
    }
}

#[derive(Default)]
pub(super) struct Inner {
    pub(super) requests: Vec<Recorded>,
    /// Registered commands by scope path (`/applications/{app}[/guilds/{g}]/commands`).
    pub(super) commands: HashMap<String, Vec<Value>>,
    pub(super) interactions: HashMap<String, InteractionState>,
    /// Messages the fake created, by id.
    pub(super) messages: HashMap<String, Value>,
    /// Interaction token -> id of its original message.
    pub(super) originals: HashMap<String, String>,
    pub(super) channel_posts: Vec<(u64, Value)>,
    /// `(channel_id, message id)` of every message created by `POST /channels/{id}/messages`.
    pub(super) channel_messages: Vec<(u64, String)>,
    pub(super) sessions: Vec<Session>,
    pub(super) identifies: Vec<Value>,
    pub(super) resumes: usize,
    /// What `GET /gateway/bot` recommends (0 is taken as 1).
    pub(super) recommended_shards: u64,
    /// Interaction token -> the `[id, total]` of the shard it was delivered on.
    pub(super) delivered_on: HashMap<String, Value>,
    pub(super) frames: Vec<Value>,
    pub(super) trap_lines: Vec<String>,
}

impl Inner {
    /// The newest connection that has identified (or resumed) and is still open.
    pub(super) fn live_session(&self) -> Option<&Session> {
        self.sessions
            .iter()
            .rev()
            .find(|s| s.live && !s.tx.is_closed())
    }

    /// The live connection Discord would send an event of `guild` over: with several
    /// shards, the one whose id is `(guild >> 22) % total`; else the newest.
    pub(super) fn live_session_for(&self, guild: Option<u64>) -> Option<&Session> {
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

pub(super) struct InteractionState {
    pub(super) id: String,
    pub(super) sent_at: Instant,
    /// Time from injection to the accepted first callback.
    pub(super) answered_after: Option<Duration>,
    pub(super) acked: bool,
    pub(super) channel_id: String,
    pub(super) guild_id: Value,
    pub(super) message: Option<Value>,
}

pub(super) struct Session {
    pub(super) tx: mpsc::UnboundedSender<Outgoing>,
    pub(super) session_id: Option<String>,
    pub(super) intents: u64,
    pub(super) live: bool,
    /// Last sequence number sent, kept for RESUME.
    pub(super) seq: u64,
    /// `[id, total]` from IDENTIFY.
    pub(super) shard: Option<(u64, u64)>,
}

pub(super) enum Outgoing {
    Dispatch { event: String, data: Value },
    Raw(Value),
    Close(u16),
}
