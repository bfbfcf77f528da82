//! The scheduler: one task that starts a poll for each feed when it is due, each poll in
//! a task of its own, so a slow feed never holds up another.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use super::{Announcer, Feeds, Sink};
use crate::ingest::fetch::Fetch;

/// The scheduler looks again at least this often, so a clock change or a feed whose
/// state changed without a wake-up is never left waiting long.
const MAX_NAP: Duration = Duration::from_secs(60);

impl<F: Fetch + 'static, S: Sink, A: Announcer> Feeds<F, S, A> {
    /// Starts polling every feed on its schedule: at once for a feed never polled or
    /// overdue, then every interval (±10%), backing off when it fails. Stops when
    /// `shutdown` turns `true` or its sender is dropped; polls under way are abandoned
    /// (their state is saved only when a poll completes, so the next start redoes them).
    pub fn spawn(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut running = JoinSet::new();
            let mut in_flight: HashMap<tokio::task::Id, String> = HashMap::new();
            while !*shutdown.borrow_and_update() {
                let (due, nap) = self.due(&in_flight);
                for key in due {
                    let feeds = Arc::clone(&self);
                    let polled = key.clone();
                    let handle = running.spawn(async move {
                        feeds.poll_key(&polled).await;
                    });
                    in_flight.insert(handle.id(), key);
                }
                tokio::select! {
                    changed = shutdown.changed() => if changed.is_err() { break },
                    () = self.wake.notified() => {}
                    Some(done) = running.join_next_with_id() => {
                        let id = match done {
                            Ok((id, ())) => id,
                            Err(e) => {
                                tracing::error!(error = %e, "a feed poll panicked");
                                e.id()
                            }
                        };
                        in_flight.remove(&id);
                    }
                    () = tokio::time::sleep(nap) => {}
                }
            }
            running.abort_all();
            tracing::info!("feed scheduler stopped");
        })
    }

    /// The feeds due now that are not being polled, and how long until the next one is.
    fn due(&self, in_flight: &HashMap<tokio::task::Id, String>) -> (Vec<String>, Duration) {
        let now = Utc::now();
        let mut due = Vec::new();
        let mut nap = MAX_NAP;
        for feed in &self.lock().feeds {
            if in_flight.values().any(|k| *k == feed.key) {
                continue;
            }
            match feed.record.next_due {
                Some(at) if at > now => {
                    nap = nap.min((at - now).to_std().unwrap_or_default());
                }
                _ => due.push(feed.key.clone()),
            }
        }
        (due, nap)
    }
}
