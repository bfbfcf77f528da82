//! What every handler shares, built once at start, and the briefing bound where a
//! request came from.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

use super::announce::ChannelAnnouncer;
use super::attachments::Cdn;
use super::ratelimit::RateLimiter;
use super::respond::Failure;
use crate::briefings::{Briefing, Briefings};
use crate::question::Conversation;

/// Everything the handlers share, built once at start.
pub struct State {
    /// Each with its engine and the moderators' commands (its index writer, its feeds).
    pub briefings: Briefings<ChannelAnnouncer>,
    /// Where `/ingest` attachments are downloaded from.
    pub attachments: Cdn,
    /// What the bot's recent answers to mentions read, by answer message id, for
    /// follow-ups.
    pub readings: Conversation<u64>,
    pub limiter: RateLimiter,
    pub in_flight: InFlight,
    /// How long an answer may take before the interaction is deferred.
    pub defer_after: Duration,
    /// The bot's own user, as the gateway's Ready names it: mentions of it are for us.
    /// Events are handled concurrently, so a message may be handled before Ready is: it
    /// waits for the id here.
    pub me: tokio::sync::watch::Sender<Option<serenity::all::UserId>>,
}

/// Counts interactions being handled, so shutdown can let them finish.
#[derive(Default)]
pub struct InFlight {
    count: AtomicUsize,
    idle: Notify,
}

pub struct InFlightGuard<'a>(&'a InFlight);

impl InFlight {
    pub fn enter(&self) -> InFlightGuard<'_> {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(self)
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until nothing is in flight; false if `limit` passed first.
    pub async fn wait_idle(&self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let idle = self.idle.notified();
            if self.count() == 0 {
                return true;
            }
            if tokio::time::timeout_at(deadline, idle).await.is_err() {
                return self.count() == 0;
            }
        }
    }
}

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// What a person is told where no briefing is bound.
pub const NO_BRIEFING: &str = "No briefing answers in this server or channel, so I have nothing to answer from here. A server's admins can ask the bot's operator to bind one to it.";

/// The briefing bound where a request came from, opened. Its name alone is enough for a
/// permission check: see [`State::bound`].
pub async fn briefing_for(
    state: &State,
    guild: Option<u64>,
    channel: u64,
) -> Result<Arc<Briefing<ChannelAnnouncer>>, Failure> {
    let name = state.bound(guild, channel)?;
    state.open(name).await
}

impl State {
    /// The briefing `name`, opened. A briefing that cannot open (its corpus folder gone)
    /// is the operator's to fix, not the person's who asked: an apology, the cause logged
    /// and no path of the server shown.
    pub async fn open(&self, name: &str) -> Result<Arc<Briefing<ChannelAnnouncer>>, Failure> {
        self.briefings.open(name).await.map_err(|e| {
            Failure::Internal(anyhow::Error::new(e).context(format!("opening briefing `{name}`")))
        })
    }

    /// The name of the briefing bound to `channel` or its server, or the refusal to send.
    pub fn bound(&self, guild: Option<u64>, channel: u64) -> Result<&str, Failure> {
        self.briefings.bound(guild, channel).ok_or_else(|| {
            tracing::info!(guild_id = ?guild, channel_id = channel, "no briefing bound here");
            Failure::User(NO_BRIEFING.into())
        })
    }
}
