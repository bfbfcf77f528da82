//! Admin commands: checked against `bot.toml` on top of Discord's own gate, answered
//! privately, every outcome logged and audited. `/reindex` hands a job to the single index
//! writer and reports when the new generation answers; the old one answers meanwhile.

use serenity::all::{CommandInteraction, Http};

use super::handler::{Failure, State, invoker, send};
use super::{audit, embeds::Reply, paging, permissions};
use crate::commands::Invocation;
use crate::jobs::Job;

#[tracing::instrument(skip_all, fields(command = %invocation.command.name, user_id = cmd.user.id.get()))]
pub async fn run(state: &State, http: &Http, cmd: &CommandInteraction, invocation: &Invocation) {
    let who = invoker(cmd);
    let action = paging::shown(&paging::request_line(invocation));
    let config = &state.engine.config().discord;
    if !permissions::is_admin(config, &who) {
        audit::record(http, config, &who, &action, "refused: not a moderator").await;
        let text = format!(
            "`{action}` is for moderators, and you don't have the role or permission it needs. Nothing was run."
        );
        return send(http, cmd, Reply::private(text)).await;
    }
    match invocation.command.name {
        "reindex" => reindex(state, http, cmd, &action).await,
        other => {
            let text = format!("/{other} is not available on Discord yet.");
            send(http, cmd, Reply::private(text)).await;
        }
    }
}

async fn reindex(state: &State, http: &Http, cmd: &CommandInteraction, action: &str) {
    let who = invoker(cmd);
    let config = &state.engine.config().discord;
    let receiver = match state.indexer.submit(Job::Reindex { dry_run: false }) {
        Ok(receiver) => receiver,
        Err(e) => {
            let (reply, account) = Failure::from(e).into_reply();
            send(http, cmd, reply).await;
            return audit::record(http, config, &who, action, &account).await;
        }
    };
    // The build can take longer than Discord's 3 s: acknowledge now, report when done. The
    // job runs whether or not Discord hears from us.
    if let Err(e) = cmd.defer_ephemeral(http).await {
        tracing::warn!(error = %e, "could not defer /reindex");
    }
    let (reply, account) = match receiver.await {
        Ok(Ok(crate::jobs::Outcome::Reindex(report))) => {
            let text = summary_text(&report);
            let account = format!("done: {text}");
            (Reply::private(text), account)
        }
        Ok(Err(e)) => Failure::from(e).into_reply(),
        Ok(Ok(_)) | Err(_) => {
            Failure::Internal(anyhow::anyhow!("the index worker stopped during /reindex"))
                .into_reply()
        }
    };
    if let Err(e) = cmd.edit_response(http, reply.edit()).await {
        tracing::warn!(error = %e, "could not report the /reindex result");
    }
    audit::record(http, config, &who, action, &account).await;
}

/// "Reindexed 3 documents, 41 paragraphs in 0.4 s; the new index answers now."
fn summary_text(s: &crate::jobs::ReindexReport) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let skipped = match s.skipped.len() {
        0 => String::new(),
        n => format!(" ({} skipped)", plural(n, "file", "files")),
    };
    format!(
        "Reindexed {}, {} in {:.1} s{skipped}; the new index answers now.",
        plural(s.documents, "document", "documents"),
        plural(s.paragraphs, "paragraph", "paragraphs"),
        s.seconds
    )
}
