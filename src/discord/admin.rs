//! The moderators' commands on Discord: gated by Discord's `default_member_permissions`
//! and again by the bot's own check, then run through [`Moderation::execute`] as every
//! front end runs them, answered privately, every outcome logged and audited.
//!
//! A refusal known before any work begins (a reindex already running, a file too large) is
//! answered at once; everything else is deferred privately and the deferral edited with
//! the result, so Discord's 3 s never runs out on a long reindex or a slow fetch. Writing
//! always goes through the single index writer.
//!
//! [`Moderation::execute`]: crate::moderation::Moderation::execute

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

use serenity::all::{CommandDataOptionValue, CommandInteraction};

use super::announce::ChannelAnnouncer;
use super::attachments::{self, Attached};
use super::respond::{Failure, Out, invoker, send};
use super::state::State;
use super::{audit, autocomplete, embeds::Reply, paging, permissions};
use crate::briefings::Briefing;
use crate::commands::{Invocation, OptionValue};
use crate::error::UserError;
use crate::moderation::AdminReply;
use crate::render::discord::{cut, defuse_mentions, limits};

#[tracing::instrument(skip_all, fields(command = %invocation.command.name, user_id = cmd.user.id.get()))]
pub async fn run(
    state: &State,
    briefing: &str,
    out: &Out<'_>,
    cmd: &CommandInteraction,
    invocation: &Invocation,
) {
    let http = out.http;
    let who = invoker(cmd);
    let action = paging::shown(&paging::request_line(invocation));
    // The briefing's own moderators and audit channel; its index is opened only for one
    // of them.
    let config = match state.briefings.config_of(briefing) {
        Ok(config) => config.discord,
        Err(e) => return send(out, cmd, Reply::private(e.message)).await,
    };
    let config = &config;
    if !permissions::is_admin(config, &who) {
        audit::record(http, config, &who, &action, "refused: not a moderator").await;
        let text = format!(
            "`{action}` is for moderators, and you don't have the role or permission it needs. Nothing was run."
        );
        return send(out, cmd, Reply::private(text)).await;
    }
    let mut work = pin!(execute(state, briefing, cmd, invocation));
    let account = match poll_once(work.as_mut()).await {
        // Refused before any work began (a reindex already running, a missing option, a
        // file too large): said at once.
        Some(Err(Failure::User(message))) => {
            let (reply, account) = Failure::User(message).into_reply();
            send(out, cmd, reply).await;
            account
        }
        settled => {
            // The work goes on whether or not Discord hears from us.
            if let Err(e) = out.defer(cmd.id, &cmd.token, true).await {
                tracing::warn!(error = %e, "could not defer");
            }
            let done = match settled {
                Some(done) => done,
                None => work.await,
            };
            let (reply, account) = outcome(done, invocation);
            if let Err(e) = out
                .after_first(|| cmd.edit_response(http, reply.edit()))
                .await
            {
                tracing::warn!(error = %e, "could not report the result");
            }
            account
        }
    };
    audit::record(http, config, &who, &action, &account).await;
}

/// Polls `work` once: its result if it is already settled, `None` if it has to wait.
async fn poll_once<T>(mut work: std::pin::Pin<&mut impl Future<Output = T>>) -> Option<T> {
    let polled = std::future::poll_fn(|cx| Poll::Ready(work.as_mut().poll(cx))).await;
    match polled {
        Poll::Ready(done) => Some(done),
        Poll::Pending => None,
    }
}

/// The command with its source resolved and its attachment read, run by the moderation
/// service.
async fn execute(
    state: &State,
    briefing: &str,
    cmd: &CommandInteraction,
    invocation: &Invocation,
) -> Result<AdminReply, Failure> {
    let briefing = state.open(briefing).await?;
    let invocation = with_source_resolved(&briefing, invocation)?;
    let file = match attachment(cmd, &invocation)? {
        Some(file) => {
            let max = briefing.engine.config().fetch.max_bytes;
            let bytes = attachments::read(&state.attachments, &file, max).await?;
            Some((file.filename, bytes))
        }
        None => None,
    };
    Ok(briefing.moderation.execute(&invocation, file).await?)
}

/// `/forget` and `/restore` name their source by a choice's value, shortened for a long
/// source: looked up among the indexed sources, or in the trash.
fn with_source_resolved(
    briefing: &Briefing<ChannelAnnouncer>,
    invocation: &Invocation,
) -> Result<Invocation, Failure> {
    let Some(value) = invocation.text("source") else {
        return Ok(invocation.clone());
    };
    let known: Vec<String> = match invocation.command.name {
        "forget" => briefing
            .engine
            .snapshot()
            .catalog
            .documents()
            .map(|d| d.source().to_string())
            .collect(),
        "restore" => crate::library::trash(briefing.engine.config())?
            .into_iter()
            .map(|e| e.source)
            .collect(),
        _ => return Ok(invocation.clone()),
    };
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let source = autocomplete::resolve_source(value, &known).ok_or_else(|| {
        Failure::User(format!(
            "`{value}` is no longer there to /{}; pick it again from the list.",
            invocation.command.name
        ))
    })?;
    let mut resolved = invocation.clone();
    for (name, option) in &mut resolved.options {
        if *name == "source" {
            *option = OptionValue::Text(source.to_string());
        }
    }
    Ok(resolved)
}

/// The file attached as the `file` option, as Discord resolved it.
fn attachment(
    cmd: &CommandInteraction,
    invocation: &Invocation,
) -> Result<Option<Attached>, UserError> {
    if invocation.get("file").is_none() {
        return Ok(None);
    }
    let file = cmd
        .data
        .options
        .iter()
        .find_map(|o| match &o.value {
            CommandDataOptionValue::Attachment(id) if o.name == "file" => {
                cmd.data.resolved.attachments.get(id)
            }
            _ => None,
        })
        .ok_or_else(|| {
            UserError::new("The attached file did not come through; attach it again.")
        })?;
    Ok(Some(Attached {
        filename: file.filename.clone(),
        url: file.url.clone(),
        size: u64::from(file.size),
    }))
}

/// The private reply, and the account of it for the audit line.
fn outcome(done: Result<AdminReply, Failure>, invocation: &Invocation) -> (Reply, String) {
    match done {
        Ok(reply) => {
            let first = reply.text.lines().next().unwrap_or_default();
            let account = format!("done: {first}");
            let content = fit(&defuse_mentions(&reply.text), &cli_hint(invocation));
            let reply = Reply {
                content,
                ephemeral: true,
                ..Reply::default()
            };
            (reply, account)
        }
        Err(failure) => failure.into_reply(),
    }
}

/// `text` within a message's 2000 characters: whole lines while they fit, then how many
/// were left out and where to read them all.
fn fit(text: &str, cli: &str) -> String {
    if text.chars().count() <= limits::CONTENT {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let note = |rest: usize| match rest {
        0 => format!("… (cut short; see `{cli}`)"),
        1 => format!("… (1 more line; see `{cli}`)"),
        n => format!("… ({n} more lines; see `{cli}`)"),
    };
    let mut kept = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let room = limits::CONTENT - note(lines.len() - i).chars().count() - 1;
        let len = line.chars().count() + 1;
        if used + len > room {
            if i == 0 {
                kept = cut(line, room);
                kept.push('\n');
            }
            let rest = lines.len() - i - usize::from(i == 0);
            return format!("{kept}{}", note(rest));
        }
        kept.push_str(line);
        kept.push('\n');
        used += len;
    }
    kept.trim_end().to_string()
}

/// The console command that prints the whole report.
fn cli_hint(invocation: &Invocation) -> String {
    let name = invocation.command.name;
    match name {
        "reindex" => match invocation.get("dry_run") {
            Some(OptionValue::Boolean(true)) => "briefbot index --dry-run --json".into(),
            _ => "briefbot index --json".into(),
        },
        "feeds" => format!(
            "briefbot feeds {} --json",
            invocation.text("action").unwrap_or("list")
        ),
        other => format!("briefbot {other} --json"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_report_keeps_whole_lines_and_says_how_many_more() {
        let text: String = (1..=200)
            .map(|i| format!("feed {i}: https://news.example/{i}.xml — ok\n"))
            .collect();
        let fitted = fit(text.trim_end(), "briefbot feeds list --json");
        assert!(
            fitted.chars().count() <= limits::CONTENT,
            "{}",
            fitted.len()
        );
        let kept = fitted.lines().count() - 1;
        let note = fitted.lines().last().unwrap();
        assert_eq!(
            note,
            format!(
                "… ({} more lines; see `briefbot feeds list --json`)",
                200 - kept
            )
        );
        assert!(fitted.lines().take(kept).all(|l| l.ends_with("— ok")));
        assert_eq!(fit("short", "x"), "short");
        let one_line = "y".repeat(5000);
        let fitted = fit(&one_line, "briefbot status --json");
        assert!(fitted.chars().count() <= limits::CONTENT);
        assert!(fitted.ends_with("… (cut short; see `briefbot status --json`)"));
    }
}
