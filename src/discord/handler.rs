//! Interactions in, replies out. Each handler is short: read the interaction into a checked
//! request, ask the engine on a blocking thread, render, send. Moderator commands go to
//! `admin`, messages that mention the bot to `mentions`; what they share is in `state`
//! and `respond`, below all three.

use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    AutocompleteChoice, CommandDataOption, CommandDataOptionValue, CommandDataResolved,
    CommandInteraction, ComponentInteraction, Context, CreateAutocompleteResponse,
    CreateInteractionResponse, EventHandler, Interaction, Message, Ready,
};

use super::embeds::Reply;
use super::paging::{self, Answered, PageButton};
use super::respond::{Failure, Out, Responder, invoker, send};
use super::state::{State, briefing_for};
use super::{admin, autocomplete, mentions, register};
use crate::commands::{self, OptionValue};
use crate::error::UserError;

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

/// How long autocomplete waits for a briefing to open: Discord wants choices within 3 s.
const CHOICES_WAIT: Duration = Duration::from_millis(2000);

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
