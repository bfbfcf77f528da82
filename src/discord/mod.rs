//! The Discord front end, on serenity: the only module that names it. It connects with the
//! token from the environment, registers the slash commands from the one table, and turns
//! each interaction into an engine request and the answer into embeds
//! (`render::discord`), with paging buttons, autocomplete, the moderators' commands through
//! the moderation service (`crate::moderation`: the single index writer, the feeds), answers
//! to @mentions, a per-user rate limit and a graceful shutdown.
//!
//! ```text
//! gateway ─INTERACTION_CREATE─▶ handler ─Invocation─▶ Engine (blocking thread)
//!    │                             │ Answer ─render::discord─▶ pages ─embeds─▶ REST callback
//!    │                             └ admin ─▶ Moderation::execute ─▶ deferred, edited reply
//!    └─MESSAGE_CREATE (@mention)─▶ mentions ─question::read_after─▶ Engine ─▶ reply to the message
//!   feed scheduler ─new article─▶ announce ─▶ announce_channel
//!   serenity Client ◀── start(engine, options) ── run(engine, token) on SIGINT/SIGTERM
//!   (guild, channel) ─Briefings::bound─▶ the briefing that answers there, opened on use
//! ```
//!
//! Every interaction, mention and moderator command is served by the briefing bound to its
//! channel or server (`crate::briefings`); where none is, the person is told so privately.
//!
//! With `[discord] mode = "http"` there is no gateway: Discord POSTs each interaction to the
//! endpoint (`endpoint`), which verifies it and hands it to the same handlers; their first
//! response goes back in the HTTP response instead of the REST callback.

mod admin;
mod announce;
mod attachments;
mod audit;
mod autocomplete;
mod check;
mod embeds;
mod endpoint;
mod handler;
mod mentions;
mod paging;
mod permissions;
mod ratelimit;
mod register;
mod respond;
mod state;

use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::Context as _;
use serenity::all::{ClientBuilder, GatewayIntents, Http, HttpBuilder, ShardManager};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use autocomplete::{Choice, choices, choices_for};
pub use check::{
    CheckFailed, CheckLine, CheckReport, INVITE_PERMISSIONS, Level, check, invite_url,
};
/// One page of an answer as the adapter sends it: answered and drawn alone.
pub use paging::{Answered, build as answer_page};
pub use register::{Scope, commands as registration};

use crate::briefings::{Briefing, Briefings, MakeAnnouncer};
use crate::config::{Config, Mode, Sharding};
use crate::engine::Engine;
use crate::jobs::Indexer;
use crate::question::Conversation;
pub use announce::ChannelAnnouncer;
use attachments::Cdn;
use handler::Handler;
use ratelimit::RateLimiter;
use state::{InFlight, State};

/// How long a shutdown waits for answers in flight (a reindex included).
const IN_FLIGHT_GRACE: Duration = Duration::from_secs(120);
/// How long a shutdown waits for the client to end.
const STOP_WAIT: Duration = Duration::from_secs(30);

/// The gateway events the bot needs: guilds, and guild messages for mentions of the bot
/// (whose content Discord delivers without the privileged MESSAGE_CONTENT intent).
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES
}

/// How to start the bot. The token goes to serenity's HTTP client and nowhere else.
#[derive(Clone)]
pub struct StartOptions {
    pub token: String,
    /// A proxy URL for every request to a host other than 127.0.0.1 (tests point it at a
    /// listener that must stay empty, proving nothing leaves loopback).
    pub egress_trap: Option<String>,
    /// How long an answer may take before the interaction is deferred and edited later;
    /// zero defers every answer.
    pub defer_after: Duration,
}

impl StartOptions {
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            egress_trap: None,
            defer_after: Duration::from_millis(1500),
        }
    }
}

impl fmt::Debug for StartOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StartOptions")
            .field("token", &"<redacted>")
            .field("egress_trap", &self.egress_trap)
            .field("defer_after", &self.defer_after)
            .finish()
    }
}

/// A connected bot: its client task, shared state (the briefings, each with its index
/// worker and feed scheduler) and serenity's HTTP client.
pub struct RunningBot {
    front: Front,
    /// The gateway client, or the interactions endpoint's server.
    client: Option<JoinHandle<anyhow::Result<()>>>,
    state: Arc<State>,
    /// The briefing that answers everywhere, without `[[briefings]]`.
    single: Option<Arc<Briefing<ChannelAnnouncer>>>,
    http: Arc<Http>,
}

/// How interactions reach a running bot.
enum Front {
    Gateway(Arc<ShardManager>),
    Endpoint {
        stop: watch::Sender<bool>,
        addr: SocketAddr,
    },
}

/// Runs the bot on one engine until SIGINT or SIGTERM, then shuts down gracefully.
pub async fn run(engine: Arc<Engine>, token: String) -> anyhow::Result<()> {
    let bot = start(engine, StartOptions::new(token)).await?;
    run_until_signal(bot).await
}

/// Runs the bot on the `[[briefings]]` of `config` until SIGINT or SIGTERM.
pub async fn run_briefings(config: Config, token: String) -> anyhow::Result<()> {
    let bot = start_briefings(config, StartOptions::new(token)).await?;
    run_until_signal(bot).await
}

async fn run_until_signal(mut bot: RunningBot) -> anyhow::Result<()> {
    let ended = tokio::select! {
        signal = shutdown_signal() => {
            tracing::info!(signal, "shutting down");
            None
        }
        ended = bot.stopped() => Some(ended),
    };
    let stopping = bot.shutdown().await;
    match ended {
        None => stopping,
        Some(Err(e)) => Err(e),
        Some(Ok(())) => Err(anyhow::anyhow!("the Discord client stopped on its own")),
    }
}

/// Connects to Discord (or `[discord] api_base`) and starts answering everywhere from
/// `engine`; registration follows the gateway's READY. Starts the index worker and the
/// feed scheduler, which announces new articles in `[discord] announce_channel` when one
/// is set.
pub async fn start(engine: Arc<Engine>, options: StartOptions) -> anyhow::Result<RunningBot> {
    let config = engine.config().clone();
    launch(config, Some(engine), options).await
}

/// [`start`] for a configuration with `[[briefings]]`: each answers only where it is
/// bound, and is opened on first use.
pub async fn start_briefings(config: Config, options: StartOptions) -> anyhow::Result<RunningBot> {
    launch(config, None, options).await
}

async fn launch(
    config: Config,
    single: Option<Arc<Engine>>,
    options: StartOptions,
) -> anyhow::Result<RunningBot> {
    let discord = &config.discord;
    // A bad key is said before anything starts.
    let verifier = match discord.mode {
        Mode::Http => Some(endpoint::verifier(
            discord.public_key.as_deref().unwrap_or_default(),
        )?),
        Mode::Gateway => None,
    };
    let http = build_http(
        &options.token,
        &discord.api_base,
        options.egress_trap.clone(),
    );
    let announce_http = Arc::new(OnceLock::new());
    let for_announcer = Arc::clone(&announce_http);
    let announcer: MakeAnnouncer<ChannelAnnouncer> = Box::new(move |config: &Config| {
        config
            .discord
            .announce_channel
            .filter(|&c| c != 0)
            .map(|channel| ChannelAnnouncer::new(channel, Arc::clone(&for_announcer)))
    });
    let briefings = match single {
        Some(engine) => Briefings::single(engine, announcer)
            .context("starting the moderators' commands and the feeds")?,
        None => Briefings::new(config.clone(), announcer),
    };
    let single = briefings.everywhere();
    let state = Arc::new(State {
        limiter: RateLimiter::new(
            discord.rate_limit_commands,
            Duration::from_secs(discord.rate_limit_seconds),
        ),
        attachments: Cdn::new(&config),
        readings: Conversation::new(mentions::REMEMBERED),
        in_flight: InFlight::default(),
        defer_after: options.defer_after,
        briefings,
        me: tokio::sync::watch::Sender::new(None),
    });
    let (front, task, http) = match verifier {
        None => {
            let handler = Handler {
                state: Arc::clone(&state),
            };
            let mut client = ClientBuilder::new_with_http(http, intents())
                .event_handler(handler)
                .await
                .context("building the Discord client")?;
            let shard_manager = Arc::clone(&client.shard_manager);
            let http = Arc::clone(&client.http);
            let sharding = config.sharding();
            let task = tokio::spawn(async move {
                connect(&mut client, sharding)
                    .await
                    .context("the Discord client stopped")
            });
            (Front::Gateway(shard_manager), task, http)
        }
        Some(verifier) => {
            let http = Arc::new(http);
            let (stop, stopped) = watch::channel(false);
            let (addr, task) = endpoint::serve(
                &discord.listen,
                verifier,
                Arc::clone(&state),
                Arc::clone(&http),
                stopped,
            )
            .await?;
            tokio::spawn(register_over_rest(Arc::clone(&http), discord.clone()));
            (Front::Endpoint { stop, addr }, task, http)
        }
    };
    let _ = announce_http.set(Arc::clone(&http));
    Ok(RunningBot {
        front,
        client: Some(task),
        state,
        single,
        http,
    })
}

/// Runs the gateway shards `sharding` names, through serenity's shard manager.
async fn connect(client: &mut serenity::Client, sharding: Sharding) -> serenity::Result<()> {
    match sharding {
        Sharding::One => client.start().await,
        Sharding::Auto => {
            // serenity's own autosharding takes one from Discord's count unchecked.
            let total = client.http.get_bot_gateway().await?.shards.max(1);
            tracing::info!(shards = total, "starting the shards Discord recommends");
            client.start_shards(total).await
        }
        // serenity's range is inclusive of its end.
        Sharding::Range { first, last, total } => {
            tracing::info!(first, last, total, "starting this process's shards");
            client.start_shard_range(first..last, total).await
        }
    }
}

/// Registers the commands without a gateway's READY: the application id comes from the
/// REST API.
async fn register_over_rest(http: Arc<Http>, config: crate::config::DiscordConfig) {
    match http.get_current_application_info().await {
        Ok(app) => http.set_application_id(app.id),
        Err(e) => {
            tracing::error!(error = %e, "could not read the application: commands not registered");
            return;
        }
    }
    if let Err(e) = register::ensure(&http, &config).await {
        tracing::error!(error = %format!("{e:#}"), "could not register the slash commands");
    }
}

/// serenity's HTTP client for `api_base`. Discord itself gets serenity's defaults and rate
/// limiter; another base gets every REST URL rewritten to it and the limiter off, since the
/// proxy keeps the limits (and serenity's limiter would bypass the rewrite). `egress_trap`
/// routes every host but 127.0.0.1 through a proxy; without it no environment proxy applies.
pub fn build_http(token: &str, api_base: &str, egress_trap: Option<String>) -> Http {
    let base = api_base.trim_end_matches('/');
    let mut client = reqwest::Client::builder().use_rustls_tls();
    client = match egress_trap {
        Some(trap) => client.proxy(reqwest::Proxy::custom(move |url| {
            (url.host_str() != Some("127.0.0.1")).then(|| trap.clone())
        })),
        None if check::is_discord(base) => client,
        None => client.no_proxy(),
    };
    let builder = HttpBuilder::new(token);
    let builder = match client.build() {
        Ok(client) => builder.client(client),
        Err(e) => {
            tracing::warn!(error = %e, "custom HTTP client failed; using serenity's default");
            builder
        }
    };
    if check::is_discord(base) {
        builder.build()
    } else {
        builder.proxy(base).ratelimiter_disabled(true).build()
    }
}

impl RunningBot {
    /// The index worker's handle (a test can hold it busy) of the briefing that answers
    /// everywhere; none with `[[briefings]]`, where each briefing has its own (see
    /// [`RunningBot::briefings`]).
    pub fn indexer(&self) -> Option<&Indexer> {
        self.single
            .as_ref()
            .map(|single| &single.moderation.indexer)
    }

    /// The briefings, open or not.
    pub fn briefings(&self) -> &Briefings<ChannelAnnouncer> {
        &self.state.briefings
    }

    /// Where the interactions endpoint listens (`mode = "http"`).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        match &self.front {
            Front::Endpoint { addr, .. } => Some(*addr),
            Front::Gateway(_) => None,
        }
    }

    /// serenity's HTTP client, as configured.
    pub fn http(&self) -> &Arc<Http> {
        &self.http
    }

    /// Interactions being handled now.
    pub fn in_flight(&self) -> usize {
        self.state.in_flight.count()
    }

    /// Resolves when the client ends by itself (a refused token, a lost connection it gave
    /// up on); pending while it runs.
    pub async fn stopped(&mut self) -> anyhow::Result<()> {
        let Some(task) = self.client.as_mut() else {
            return std::future::pending().await;
        };
        let ended = task.await;
        self.client = None;
        match ended {
            Ok(done) => done,
            Err(e) => Err(anyhow::Error::new(e).context("the Discord client task failed")),
        }
    }

    /// Stops the shards, lets answers in flight finish, stops the feed schedulers (a poll
    /// under way is abandoned and redone at the next start), and joins the index workers.
    pub async fn shutdown(mut self) -> anyhow::Result<()> {
        match &self.front {
            Front::Gateway(shard_manager) => shard_manager.shutdown_all().await,
            Front::Endpoint { stop, .. } => {
                let _ = stop.send(true);
            }
        }
        if let Some(task) = self.client.take()
            && tokio::time::timeout(STOP_WAIT, task).await.is_err()
        {
            tracing::warn!("the Discord client did not stop in time");
        }
        if !self.state.in_flight.wait_idle(IN_FLIGHT_GRACE).await {
            tracing::warn!(
                in_flight = self.state.in_flight.count(),
                "answers still in flight at shutdown"
            );
        }
        // The index workers end once every handle to them is gone, after the job each runs.
        self.single = None;
        self.state.briefings.close_all().await;
        drop(self.state);
        tracing::info!("stopped");
        Ok(())
    }
}

/// "SIGINT" or "SIGTERM", whichever comes first.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            return tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = term.recv() => "SIGTERM",
            };
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    "SIGINT"
}
