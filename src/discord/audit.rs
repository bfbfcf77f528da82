//! Every admin action is logged with who, where, what and the result, and, when
//! `[discord] audit_channel` is set, posted there as one line.

use serenity::all::{ChannelId, Http};

use super::embeds::channel_message;
use super::permissions::Invoker;
use crate::config::DiscordConfig;
use crate::render::discord::escape;

/// Logs an admin action and posts it to the audit channel; a failed post is logged, never
/// passed on to the person who ran the command.
pub async fn record(
    http: &Http,
    config: &DiscordConfig,
    who: &Invoker,
    action: &str,
    result: &str,
) {
    tracing::info!(
        target: "briefbot::audit",
        user_id = who.user_id,
        user = %who.user_name,
        guild_id = ?who.guild_id,
        channel_id = who.channel_id,
        action,
        result,
        "admin action"
    );
    let Some(channel) = config.audit_channel.filter(|&c| c != 0) else {
        return;
    };
    let text = line(who, action, result);
    if let Err(e) = ChannelId::new(channel)
        .send_message(http, channel_message(&text))
        .await
    {
        tracing::warn!(channel, error = %e, "could not post to the audit channel");
    }
}

/// `` `/reindex` by <@1> (name) in <#2>: done: … `` — the mention shows the member, and
/// pings no one, as every message the bot sends has empty `allowed_mentions`.
fn line(who: &Invoker, action: &str, result: &str) -> String {
    format!(
        "`{action}` by <@{}> ({}) in <#{}>: {}",
        who.user_id,
        escape(&who.user_name),
        who.channel_id,
        escape(result)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_line_names_who_where_what_and_the_result() {
        let who = Invoker {
            user_id: 1,
            user_name: "mod_*one*".into(),
            guild_id: Some(3),
            channel_id: 2,
            roles: Vec::new(),
            permissions: None,
        };
        assert_eq!(
            line(&who, "/reindex", "refused: not a moderator"),
            "`/reindex` by <@1> (mod\\_\\*one\\*) in <#2>: refused: not a moderator"
        );
    }
}
