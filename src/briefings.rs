//! Briefings: named corpora, each with its own index, index worker, feeds and moderators,
//! each answering only where it is bound. A front end asks [`Briefings::bound`] which
//! briefing serves a server or channel, then [`Briefings::open`] for it: briefings open on
//! first use, and at most `[memory] max_open` stay open, the one used longest ago closing
//! first, so a bot in many servers does not hold every index in memory.
//!
//! ```text
//! (server, channel) ──bound──▶ name ──open──▶ Briefing { Engine, Moderation (worker, feeds) }
//!                                              └ opened on a blocking thread, outside the lock
//! ```
//!
//! Opening one briefing (building its index, the first time) never holds up another's
//! answers: the registry's lock is held only to look up and to insert.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::{Config, DEFAULT_BRIEFING};
use crate::engine::Engine;
use crate::error::{Error, Result, UserError};
use crate::feeds::Announcer;
use crate::index::BuildSummary;
use crate::jobs::Worker;
use crate::moderation::Moderation;

/// How long closing waits for a feed scheduler or an index worker to end.
const STOP_WAIT: Duration = Duration::from_secs(30);
/// How often an open briefing looks for a generation another process built (a replica
/// sharing its index folder, `briefbot index`).
const RELOAD_EVERY: Duration = Duration::from_secs(5);

/// One open briefing: the engine that answers and the moderators' service that writes.
pub struct Briefing<A: Announcer> {
    pub name: String,
    pub engine: Arc<Engine>,
    pub moderation: Moderation<A>,
}

/// Makes the announcer of a briefing from its configuration (`None`: no announcements).
pub type MakeAnnouncer<A> = Box<dyn Fn(&Config) -> Option<A> + Send + Sync>;

/// The briefings a configuration names, and those open now.
pub struct Briefings<A: Announcer> {
    config: Config,
    /// Without `[[briefings]]`: the name of the one briefing, answering everywhere, open
    /// from the start and never closed before [`Briefings::close_all`].
    everywhere: Option<String>,
    guilds: HashMap<u64, String>,
    channels: HashMap<u64, String>,
    max_open: usize,
    announcer: MakeAnnouncer<A>,
    open: Mutex<Open<A>>,
}

/// What runs for an open briefing besides its [`Briefing`]: the feed scheduler and the
/// index worker, stopped and joined when it closes.
struct Running {
    stop_feeds: watch::Sender<bool>,
    scheduler: JoinHandle<()>,
    worker: Worker,
}

struct Open<A: Announcer> {
    briefings: HashMap<String, (Arc<Briefing<A>>, Option<Running>)>,
    /// Names, the one used longest ago first.
    order: VecDeque<String>,
    /// One lock per name being opened, so two first uses open it once.
    opening: HashMap<String, Arc<tokio::sync::Mutex<()>>>,
    /// Closed briefings whose worker or scheduler may still be finishing a job.
    closing: Vec<Running>,
}

impl<A: Announcer> Briefings<A> {
    /// The briefings of `config`, none open yet. Without `[[briefings]]`, use
    /// [`Briefings::single`].
    pub fn new(config: Config, announcer: MakeAnnouncer<A>) -> Self {
        let mut guilds = HashMap::new();
        let mut channels = HashMap::new();
        for spec in &config.briefings {
            for &guild in &spec.guild_ids {
                guilds.insert(guild, spec.name.clone());
            }
            for &channel in &spec.channel_ids {
                channels.insert(channel, spec.name.clone());
            }
        }
        Self {
            max_open: config.memory.max_open.max(1),
            config,
            everywhere: None,
            guilds,
            channels,
            announcer,
            open: Mutex::new(Open {
                briefings: HashMap::new(),
                order: VecDeque::new(),
                opening: HashMap::new(),
                closing: Vec::new(),
            }),
        }
    }

    /// The one briefing of a configuration without `[[briefings]]`, on an engine already
    /// open: it answers everywhere and stays open. Starts its index worker and feeds.
    pub fn single(engine: Arc<Engine>, announcer: MakeAnnouncer<A>) -> Result<Self> {
        let config = engine.config().clone();
        let mut briefings = Self::new(config, announcer);
        let (briefing, running) = briefings.start(DEFAULT_BRIEFING, engine)?;
        briefings.everywhere = Some(DEFAULT_BRIEFING.to_string());
        briefings
            .lock()
            .briefings
            .insert(DEFAULT_BRIEFING.to_string(), (briefing, Some(running)));
        Ok(briefings)
    }

    /// The whole configuration (each briefing's own is [`Config::briefing`]).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The briefing that answers in `channel` of `guild` (`None` for a direct message):
    /// the channel's own, else the server's. `None` where no briefing is bound.
    pub fn bound(&self, guild: Option<u64>, channel: u64) -> Option<&str> {
        if let Some(everywhere) = &self.everywhere {
            return Some(everywhere);
        }
        self.channels
            .get(&channel)
            .or_else(|| guild.and_then(|g| self.guilds.get(&g)))
            .map(String::as_str)
    }

    /// The briefing that answers in every server (no `[[briefings]]`), while it is open.
    pub fn everywhere(&self) -> Option<Arc<Briefing<A>>> {
        let name = self.everywhere.as_deref()?;
        self.lock().briefings.get(name).map(|(b, _)| Arc::clone(b))
    }

    /// The moderators' configuration of a briefing, without opening it: the permission
    /// check needs no index.
    pub fn config_of(&self, name: &str) -> Result<Config, UserError> {
        self.config.briefing(name)
    }

    /// The briefing `name`, opened if it is not (its index built first if it has none, on
    /// a blocking thread); the least recently used beyond `max_open` is closed.
    pub async fn open(&self, name: &str) -> Result<Arc<Briefing<A>>> {
        let opening = {
            let mut open = self.lock();
            if let Some(found) = open.touch(name) {
                return Ok(found);
            }
            Arc::clone(open.opening.entry(name.to_string()).or_default())
        };
        let _one_at_a_time = opening.lock().await;
        if let Some(found) = self.lock().touch(name) {
            return Ok(found);
        }
        let started = self.open_engine(name).await;
        let mut open = self.lock();
        open.opening.remove(name);
        let (briefing, running) = started?;
        open.briefings
            .insert(name.to_string(), (Arc::clone(&briefing), Some(running)));
        open.order.push_back(name.to_string());
        while open.order.len() > self.max_open {
            let Some(oldest) = open.order.pop_front() else {
                break;
            };
            if let Some((_, Some(running))) = open.briefings.remove(&oldest) {
                tracing::info!(briefing = %oldest, "closing the briefing used longest ago");
                let _ = running.stop_feeds.send(true);
                open.closing.push(running);
            }
        }
        open.closing.retain(|r| !r.worker.is_finished());
        Ok(briefing)
    }

    /// The names of the briefings open now, the one used longest ago first.
    pub fn open_names(&self) -> Vec<String> {
        let open = self.lock();
        match &self.everywhere {
            Some(everywhere) if open.briefings.contains_key(everywhere) => vec![everywhere.clone()],
            _ => open.order.iter().cloned().collect(),
        }
    }

    /// Closes every briefing: stops the feed schedulers and waits for the index workers
    /// to finish the job each runs, once nothing else holds the briefing.
    pub async fn close_all(&self) {
        let running: Vec<Running> = {
            let mut open = self.lock();
            open.order.clear();
            let mut running: Vec<Running> = open
                .briefings
                .drain()
                .filter_map(|(_, (_, running))| running)
                .collect();
            running.append(&mut open.closing);
            running
        };
        for r in &running {
            let _ = r.stop_feeds.send(true);
        }
        for r in running {
            if tokio::time::timeout(STOP_WAIT, r.scheduler).await.is_err() {
                tracing::warn!("a feed scheduler did not stop in time");
            }
            // The worker ends once every handle to its queue is gone.
            let worker = r.worker;
            let join = tokio::task::spawn_blocking(move || worker.join());
            if tokio::time::timeout(STOP_WAIT, join).await.is_err() {
                tracing::warn!("an index worker did not stop in time");
            }
        }
    }

    /// Opens the briefing's engine on a blocking thread (building its index if it has
    /// none) and starts its worker and feeds.
    async fn open_engine(&self, name: &str) -> Result<(Arc<Briefing<A>>, Running)> {
        let config = self.config_of(name)?;
        let opened = tokio::task::spawn_blocking(move || Engine::open(config))
            .await
            .map_err(Error::BriefingOpen)?;
        let (engine, built) = opened?;
        if let Some(summary) = built {
            log_built(name, &summary);
        }
        self.start(name, Arc::new(engine))
    }

    fn start(&self, name: &str, engine: Arc<Engine>) -> Result<(Arc<Briefing<A>>, Running)> {
        let announcer = (self.announcer)(engine.config());
        let (moderation, worker) = Moderation::start(Arc::clone(&engine), announcer)?;
        let (stop_feeds, stopped) = watch::channel(false);
        tokio::spawn(follow_rebuilds(Arc::clone(&engine), stop_feeds.subscribe()));
        let scheduler = Arc::clone(&moderation.feeds).spawn(stopped);
        let briefing = Arc::new(Briefing {
            name: name.to_string(),
            engine,
            moderation,
        });
        let running = Running {
            stop_feeds,
            scheduler,
            worker,
        };
        Ok((briefing, running))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Open<A>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<A: Announcer> Open<A> {
    /// The open briefing `name`, now the most recently used.
    fn touch(&mut self, name: &str) -> Option<Arc<Briefing<A>>> {
        let (briefing, _) = self.briefings.get(name)?;
        let briefing = Arc::clone(briefing);
        if let Some(at) = self.order.iter().position(|n| n == name) {
            let name = self.order.remove(at).unwrap_or_default();
            self.order.push_back(name);
        }
        Some(briefing)
    }
}

/// Reloads the engine whenever `CURRENT` names a generation it does not answer from,
/// until `stop` turns true.
async fn follow_rebuilds(engine: Arc<Engine>, mut stop: watch::Receiver<bool>) {
    while !*stop.borrow_and_update() {
        tokio::select! {
            changed = stop.changed() => if changed.is_err() { break },
            () = tokio::time::sleep(RELOAD_EVERY) => {
                let engine = Arc::clone(&engine);
                match tokio::task::spawn_blocking(move || engine.reload_if_changed()).await {
                    Ok(Ok(true)) => tracing::info!("answering from a generation built elsewhere"),
                    Ok(Ok(false)) => {}
                    Ok(Err(e)) => tracing::warn!(error = %e, "could not reload a generation built elsewhere"),
                    Err(e) => tracing::warn!(error = %e, "the reload task failed"),
                }
            }
        }
    }
}

fn log_built(name: &str, summary: &BuildSummary) {
    tracing::info!(
        briefing = name,
        documents = summary.documents,
        paragraphs = summary.paragraphs,
        seconds = summary.seconds,
        repaired = ?summary.repaired,
        "built the briefing's index"
    );
}
