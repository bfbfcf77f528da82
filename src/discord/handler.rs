//! Interactions in, replies out. Each handler is short: read the interaction into a checked
//! request, ask the engine on a blocking thread, render, send. A user's mistake gets a private
//! message saying what to do; an internal failure a private apology with an error id, the
//! cause logged under that id.

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serenity::all::{
    AutocompleteChoice, CommandDataOption, CommandDataOptionValue, CommandDataResolved,
    CommandInteraction, ComponentInteraction, Context, CreateAutocompleteResponse,
    CreateInteractionResponse, CreateInteractionResponseMessage, EventHandler, Http, Interaction,
    InteractionId, Message, Ready,
};
use serenity::builder::Builder as _;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinError;

use super::announce::ChannelAnnouncer;
use super::attachments::Cdn;
use super::embeds::Reply;
use super::mentions;
use super::paging::{self, Answered, PageButton};
use super::permissions::Invoker;
use super::ratelimit::RateLimiter;
use super::{admin, autocomplete, register};
use crate::briefings::{Briefing, Briefings};
use crate::commands::{self, OptionValue};
use crate::error::{Error, UserError};
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

pub struct Handler {
    pub state: Arc<State>,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        self.state.me.send_replace(Some(ready.user.id));
        if let Err(e) = register::ensure(&ctx.http, &self.state.briefings.config().discord).await {
            tracing::error!(error = %format!("{e:#}"), "could not register the slash commands");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let _in_flight = self.state.in_flight.enter();
        let out = Out {
            http: &ctx.http,
            first: &Responder::Rest,
        };
        handle(&self.state, &out, interaction).await;
    }

    async fn message(&self, ctx: Context, msg: Message) {
        mentions::on_message(&self.state, &ctx, &msg).await;
    }
}

/// Handles one interaction, however it arrived.
pub async fn handle(state: &State, out: &Out<'_>, interaction: Interaction) {
    match interaction {
        Interaction::Command(cmd) => on_command(state, out, &cmd).await,
        Interaction::Autocomplete(ac) => on_autocomplete(state, out, &ac).await,
        Interaction::Component(press) => on_page_button(state, out, &press).await,
        other => tracing::debug!(kind = ?other.kind(), "interaction ignored"),
    }
}

/// Where an interaction's first response goes.
pub enum Responder {
    /// Discord's REST callback: the interaction came over the gateway.
    Rest,
    /// The HTTP response to Discord's POST: the interaction came to the endpoint.
    Http(Mutex<Option<oneshot::Sender<CreateInteractionResponse>>>),
}

impl Responder {
    pub fn over_http(sender: oneshot::Sender<CreateInteractionResponse>) -> Self {
        Self::Http(Mutex::new(Some(sender)))
    }
}

/// How the handlers answer: the first response through the [`Responder`], everything after
/// it (edits of a deferral, follow-ups, audit lines) through the REST API.
pub struct Out<'a> {
    pub http: &'a Http,
    pub first: &'a Responder,
}

impl Out<'_> {
    /// Sends the first response to interaction `id`.
    pub async fn respond(
        &self,
        id: InteractionId,
        token: &str,
        response: CreateInteractionResponse,
    ) -> serenity::Result<()> {
        match self.first {
            Responder::Rest => response.execute(self.http, (id, token)).await,
            Responder::Http(slot) => {
                let sender = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
                match sender {
                    Some(sender) => sender
                        .send(response)
                        .map_err(|_| serenity::Error::Other("the HTTP request has gone")),
                    None => Err(serenity::Error::Other("already answered")),
                }
            }
        }
    }

    /// Runs a REST call on the interaction's original (an edit of a deferral). Over HTTP
    /// the call can reach Discord before the HTTP response that created the original has:
    /// an unknown webhook or message is tried again a few times, briefly.
    pub async fn after_first<T, F>(&self, mut call: impl FnMut() -> F) -> serenity::Result<T>
    where
        F: Future<Output = serenity::Result<T>>,
    {
        let mut tries: u32 = 0;
        loop {
            match call().await {
                Err(e)
                    if matches!(self.first, Responder::Http(_)) && tries < 5 && is_unknown(&e) =>
                {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(100) * tries).await;
                }
                done => return done,
            }
        }
    }

    /// Defers the answer: public, or seen only by the person who asked.
    pub async fn defer(
        &self,
        id: InteractionId,
        token: &str,
        private: bool,
    ) -> serenity::Result<()> {
        let message = match private {
            true => CreateInteractionResponseMessage::new().ephemeral(true),
            false => CreateInteractionResponseMessage::new(),
        };
        self.respond(id, token, CreateInteractionResponse::Defer(message))
            .await
    }
}

/// Discord's "Unknown Webhook" or "Unknown Message".
fn is_unknown(e: &serenity::Error) -> bool {
    use serenity::all::HttpError;
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            matches!(response.error.code, 10008 | 10015)
        }
        _ => false,
    }
}

/// Why a request got no answer.
pub enum Failure {
    User(String),
    Internal(anyhow::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::User(user) => Self::User(user.message),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<UserError> for Failure {
    fn from(e: UserError) -> Self {
        Self::User(e.message)
    }
}

impl From<JoinError> for Failure {
    fn from(e: JoinError) -> Self {
        Self::Internal(anyhow::Error::new(e).context("the answering task failed"))
    }
}

impl Failure {
    /// The private reply, and a short account of it for logs and the audit channel.
    pub fn into_reply(self) -> (Reply, String) {
        match self {
            Self::User(message) => {
                let account = format!("refused: {message}");
                (Reply::private(message), account)
            }
            Self::Internal(cause) => {
                let id = error_id();
                tracing::error!(error_id = %id, error = %format!("{cause:#}"), "internal error");
                let reply = Reply::private(format!(
                    "Sorry, something went wrong on my side (error {id}). It has been logged; please try again later."
                ));
                (reply, format!("failed (error {id})"))
            }
        }
    }
}

/// Eight hex digits, unpredictable enough to find one failure in the logs.
fn error_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_usize(NEXT.fetch_add(1, Ordering::Relaxed));
    format!("{:08x}", hasher.finish() as u32)
}

/// What a person is told where no briefing is bound.
pub const NO_BRIEFING: &str = "No briefing answers in this server or channel, so I have nothing to answer from here. A server's admins can ask the bot's operator to bind one to it.";

/// How long autocomplete waits for a briefing to open: Discord wants choices within 3 s.
const CHOICES_WAIT: Duration = Duration::from_millis(2000);

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

pub fn invoker(cmd: &CommandInteraction) -> Invoker {
    Invoker {
        user_id: cmd.user.id.get(),
        user_name: cmd.user.name.clone(),
        guild_id: cmd.guild_id.map(|g| g.get()),
        channel_id: cmd.channel_id.get(),
        roles: cmd
            .member
            .as_ref()
            .map(|m| m.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default(),
        permissions: cmd
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .map(|p| p.bits()),
    }
}

/// Sends the first response to a command, logging a failure to send.
pub async fn send(out: &Out<'_>, cmd: &CommandInteraction, reply: Reply) {
    let response = CreateInteractionResponse::Message(reply.message());
    if let Err(e) = out.respond(cmd.id, &cmd.token, response).await {
        tracing::warn!(error = %e, "could not answer the interaction");
    }
}

#[tracing::instrument(skip_all, fields(command = %cmd.data.name, user_id = cmd.user.id.get()))]
async fn on_command(state: &State, out: &Out<'_>, cmd: &CommandInteraction) {
    if let Err(wait) = state.limiter.check(cmd.user.id.get()) {
        tracing::info!(?wait, "rate limited");
        return send(out, cmd, Reply::private(state.limiter.message(wait))).await;
    }
    let invocation = match options(&cmd.data.name, &cmd.data.options, &cmd.data.resolved)
        .and_then(|raw| crate::engine::invocation(&cmd.data.name, raw))
    {
        Ok(invocation) => invocation,
        Err(e) => return send(out, cmd, Reply::private(e.message)).await,
    };
    let guild = cmd.guild_id.map(|g| g.get());
    let name = match state.bound(guild, cmd.channel_id.get()) {
        Ok(name) => name,
        Err(failure) => return send(out, cmd, failure.into_reply().0).await,
    };
    if invocation.command.admin {
        return admin::run(state, name, out, cmd, &invocation).await;
    }
    let mut job = pin!(answer_first_page(state, name, invocation));
    // Zero means always defer: no race with an answer that happens to be instant.
    let quick = if state.defer_after.is_zero() {
        None
    } else {
        tokio::time::timeout(state.defer_after, job.as_mut())
            .await
            .ok()
    };
    match quick {
        Some(answered) => send(out, cmd, first_page(answered)).await,
        None => {
            tracing::info!("slow answer: deferring");
            if let Err(e) = out.defer(cmd.id, &cmd.token, false).await {
                tracing::warn!(error = %e, "could not defer");
                return;
            }
            finish_deferred(out, cmd, first_page(job.await)).await;
        }
    }
}

/// The first page of the answer from the briefing `name`, opened first if need be.
async fn answer_first_page(
    state: &State,
    name: &str,
    invocation: commands::Invocation,
) -> Result<Answered, Failure> {
    let briefing = state.open(name).await?;
    let request = briefing.engine.request(&invocation)?;
    let line = paging::request_line(&invocation);
    let engine = Arc::clone(&briefing.engine);
    Ok(tokio::task::spawn_blocking(move || paging::build(&engine, &request, &line, 1)).await??)
}

fn first_page(answered: Result<Answered, Failure>) -> Reply {
    match answered {
        Ok(answered) => answered.reply(None),
        Err(failure) => failure.into_reply().0,
    }
}

/// Replaces a public deferral with the answer; a failure is sent privately instead.
async fn finish_deferred(out: &Out<'_>, cmd: &CommandInteraction, reply: Reply) {
    let http = out.http;
    let sent = if reply.ephemeral {
        let _ = out.after_first(|| cmd.delete_response(http)).await;
        cmd.create_followup(http, reply.followup())
            .await
            .map(|_| ())
    } else {
        out.after_first(|| cmd.edit_response(http, reply.edit()))
            .await
            .map(|_| ())
    };
    if let Err(e) = sent {
        tracing::warn!(error = %e, "could not deliver a deferred answer");
    }
}

/// Discord's option values as the table's; an attachment by its file name (the file itself
/// is read by the admin command that takes it). A kind the table never registers (a user,
/// a channel, a subcommand...) is a user error naming the option.
fn options(
    command: &str,
    given: &[CommandDataOption],
    resolved: &CommandDataResolved,
) -> Result<Vec<(String, OptionValue)>, UserError> {
    given
        .iter()
        .map(|o| {
            let value = match &o.value {
                CommandDataOptionValue::String(s) => OptionValue::Text(s.clone()),
                CommandDataOptionValue::Integer(n) => OptionValue::Integer(*n),
                CommandDataOptionValue::Boolean(b) => OptionValue::Boolean(*b),
                CommandDataOptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                    OptionValue::Integer(*n as i64)
                }
                CommandDataOptionValue::Attachment(id) => OptionValue::Text(
                    resolved
                        .attachments
                        .get(id)
                        .map_or_else(|| id.to_string(), |a| a.filename.clone()),
                ),
                other => {
                    let usage = commands::find(command)
                        .map(|c| c.usage())
                        .unwrap_or_default();
                    return Err(UserError::new(format!(
                        "`{}` of /{command} cannot be a {:?} value. Usage: {usage}",
                        o.name,
                        other.kind()
                    )));
                }
            };
            Ok((o.name.clone(), value))
        })
        .collect()
}

async fn on_autocomplete(state: &State, out: &Out<'_>, ac: &CommandInteraction) {
    let choices = match choices_here(state, ac).await {
        Ok(choices) => choices,
        Err(Failure::User(_)) => Vec::new(),
        Err(Failure::Internal(e)) => {
            tracing::warn!(error = %format!("{e:#}"), "no autocomplete choices");
            Vec::new()
        }
    };
    let response = CreateAutocompleteResponse::new().set_choices(
        choices
            .into_iter()
            .map(|c| AutocompleteChoice::new(c.name, c.value))
            .collect(),
    );
    let response = CreateInteractionResponse::Autocomplete(response);
    if let Err(e) = out.respond(ac.id, &ac.token, response).await {
        tracing::warn!(error = %e, "could not send autocomplete choices");
    }
}

/// The choices of the briefing bound where the person types; none where no briefing is
/// bound, or while it takes too long to open.
async fn choices_here(
    state: &State,
    ac: &CommandInteraction,
) -> Result<Vec<autocomplete::Choice>, Failure> {
    let guild = ac.guild_id.map(|g| g.get());
    let name = state.bound(guild, ac.channel_id.get())?;
    let Some(focused) = ac.data.autocomplete() else {
        return Ok(Vec::new());
    };
    let Some(command) = commands::find(&ac.data.name) else {
        return Ok(Vec::new());
    };
    // A moderator command's choices (the indexed sources, the trash) are for this
    // briefing's moderators: Discord hides the command from others, but a crafted request
    // must get nothing.
    if command.admin {
        let config = state.briefings.config_of(name)?;
        if !super::permissions::is_admin(&config.discord, &invoker(ac)) {
            return Ok(Vec::new());
        }
    }
    let Some(kind) = command.option(focused.name).map(|o| o.kind) else {
        return Ok(Vec::new());
    };
    let Ok(briefing) = tokio::time::timeout(CHOICES_WAIT, state.open(name)).await else {
        tracing::info!(briefing = name, "still opening: no choices yet");
        return Ok(Vec::new());
    };
    let briefing = briefing?;
    Ok(autocomplete::choices_for(
        &briefing.engine,
        &ac.data.name,
        kind,
        focused.value,
    ))
}

#[tracing::instrument(skip_all, fields(custom_id = %press.data.custom_id, user_id = press.user.id.get()))]
async fn on_page_button(state: &State, out: &Out<'_>, press: &ComponentInteraction) {
    let reply = match turn_page(state, press).await {
        Ok(reply) => reply,
        Err(failure) => failure.into_reply().0,
    };
    let response = if reply.ephemeral {
        CreateInteractionResponse::Message(reply.message())
    } else {
        CreateInteractionResponse::UpdateMessage(reply.message())
    };
    if let Err(e) = out.respond(press.id, &press.token, response).await {
        tracing::warn!(error = %e, "could not answer a page button");
    }
}

/// The page a button asks for, rebuilt from the command in the message's footer.
async fn turn_page(state: &State, press: &ComponentInteraction) -> Result<Reply, Failure> {
    let Some(button) = PageButton::parse(&press.data.custom_id) else {
        return Err(Failure::User(
            "This button is not one I know. Please ask again.".into(),
        ));
    };
    let footer = press
        .message
        .embeds
        .first()
        .and_then(|e| e.footer.as_ref())
        .map_or("", |f| f.text.as_str());
    let line = paging::line_in_footer(footer).to_string();
    if paging::hash(&line) != button.request {
        return Err(Failure::User(
            "These buttons belong to an answer I can no longer rebuild. Please ask the command again."
                .into(),
        ));
    }
    let guild = press.guild_id.map(|g| g.get());
    let briefing = briefing_for(state, guild, press.channel_id.get()).await?;
    let request = paging::parse_request_line(&line).and_then(|inv| briefing.engine.request(&inv));
    let request = request.map_err(|e| {
        Failure::User(format!(
            "This answer can no longer be paged: {} Ask again with `{}`.",
            e.message,
            paging::shown(&line)
        ))
    })?;
    let engine = Arc::clone(&briefing.engine);
    let page = button.page;
    let answered =
        tokio::task::spawn_blocking(move || paging::build(&engine, &request, &line, page))
            .await??;
    let note = (answered.answer != button.answer).then_some(paging::CHANGED);
    Ok(answered.reply(note))
}
