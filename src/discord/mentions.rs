//! Questions put to the bot by @mention, answered with a reply. Discord delivers the text of
//! a message that mentions the bot without the privileged message-content intent, and a
//! reply that pings the bot mentions it too, so a reply to one of the bot's answers ("and
//! Russia?") arrives here as well: it is read as a follow-up to the question that answer
//! read, when that is clear, and answered fresh otherwise. The reading of an answer is
//! remembered for the latest answers, and can be read again from the question in the
//! answer's footer, so a follow-up works after a restart too.
//!
//! A reply shows the first page of the answer only: the page buttons of `/ask` rebuild a
//! page from the command in its footer, which a follow-up ("and Russia?") does not have,
//! so the reply says how to see the rest with `/ask` instead.

use std::sync::{Arc, LazyLock};

use regex::Regex;
use serenity::all::{Context, Message, MessageReference, UserId};

use super::embeds::Reply;
use super::paging;
use super::respond::Failure;
use super::state::{State, briefing_for};
use crate::commands::{self, Invocation, OptionValue};
use crate::engine::Engine;
use crate::question::{self, Conversation, Reading, Turn};
use crate::render::discord::{Context as RenderContext, page_count, page_window, render_page};

/// How many answers the bot remembers the reading of, for follow-ups.
pub const REMEMBERED: usize = 1_000;

const HELP: &str = "Ask me about the reporting in plain words, e.g. “@briefbot how many soldiers were killed?”, or use /ask, /search and /help.";

pub async fn on_message(state: &State, ctx: &Context, msg: &Message) {
    let mut ready = state.me.subscribe();
    let Some(me) = ready
        .wait_for(Option::is_some)
        .await
        .ok()
        .and_then(|me| *me)
    else {
        return;
    };
    if !is_for_me(msg, me) {
        return;
    }
    let _in_flight = state.in_flight.enter();
    // An answer to every message over the limit would let one person flood a channel
    // through the bot; a slash command can be told privately, a message cannot.
    if let Err(wait) = state.limiter.check(msg.author.id.get()) {
        tracing::info!(user_id = msg.author.id.get(), ?wait, "mention rate limited");
        return;
    }
    let text = without_mentions(&msg.content);
    let (reply, reading) = match answer_mention(state, msg, me, &text).await {
        Ok((reply, reading)) => (reply, reading),
        Err(failure) => (Reply::public(failure.into_reply().0.content), None),
    };
    let to = MessageReference::from(msg);
    match msg
        .channel_id
        .send_message(&ctx.http, reply.reply_to(to))
        .await
    {
        Ok(sent) => {
            if let Some(reading) = reading {
                state.readings.remember(sent.id.get(), reading);
            }
        }
        Err(e) => tracing::warn!(error = %e, "could not answer a mention"),
    }
}

/// The reply to a mention, from the briefing bound to its channel or server, and the
/// reading to remember for follow-ups.
async fn answer_mention(
    state: &State,
    msg: &Message,
    me: UserId,
    text: &str,
) -> Result<(Reply, Option<Reading>), Failure> {
    let guild = msg.guild_id.map(|g| g.get());
    let briefing = briefing_for(state, guild, msg.channel_id.get()).await?;
    if text.is_empty() {
        return Ok((Reply::public(HELP), None));
    }
    let (reading, line) = read(&state.readings, &briefing.engine, msg, me, text);
    let reply = answer(&briefing.engine, text, &reading, line).await?;
    Ok((reply, Some(reading)))
}

/// A person's message that mentions the bot: never another bot's, a webhook's or its own.
fn is_for_me(msg: &Message, me: UserId) -> bool {
    !msg.author.bot && msg.webhook_id.is_none() && msg.author.id != me && msg.mentions_user_id(me)
}

/// The question: the message without user, role and channel mentions.
pub fn without_mentions(content: &str) -> String {
    static MENTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<(?:@[!&]?|#)\d+>").expect("a valid pattern"));
    let stripped = MENTION.replace_all(content, " ");
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How to read the message, and the command line its answer's footer shows: a follow-up
/// of the answer it replies to when that is clear, else a fresh question.
fn read(
    readings: &Conversation<u64>,
    engine: &Engine,
    msg: &Message,
    me: UserId,
    text: &str,
) -> (Reading, String) {
    let gazetteer = engine.gazetteer();
    let previous = msg
        .referenced_message
        .as_deref()
        .filter(|answer| answer.author.id == me)
        .and_then(|answer| {
            readings
                .recall(&answer.id.get())
                .or_else(|| asked_in(answer, gazetteer))
        });
    let reading = match question::read_after(previous.as_ref(), text, gazetteer) {
        Turn::FollowUp(reading) => {
            let line = reading.command.clone();
            return (reading, line);
        }
        Turn::Question(reading) => reading,
    };
    let asked = commands::find("ask").and_then(|ask| {
        let raw = vec![("question".to_string(), OptionValue::Text(text.to_string()))];
        Invocation::new(ask, raw).ok()
    });
    let line = match asked {
        Some(invocation) => paging::request_line(&invocation),
        None => format!("/ask question:{text}"),
    };
    (reading, line)
}

/// The reading of an answer the bot no longer remembers (a restart, or a reply quicker
/// than the bot's note of its own answer), read again from the question in its footer;
/// `None` for an answer to a follow-up, whose footer holds a command, not a question.
fn asked_in(answer: &Message, gazetteer: &crate::extract::Gazetteer) -> Option<Reading> {
    let footer = answer.embeds.first()?.footer.as_ref()?;
    let invocation = paging::parse_request_line(paging::line_in_footer(&footer.text)).ok()?;
    let asked = invocation
        .text("question")
        .filter(|_| invocation.command.name == "ask")?;
    Some(question::read(asked, gazetteer))
}

/// The first page of the answer, with a note when there are more.
async fn answer(
    engine: &Arc<Engine>,
    question: &str,
    reading: &Reading,
    line: String,
) -> Result<Reply, Failure> {
    let engine = Arc::clone(engine);
    let (question, reading) = (question.to_string(), reading.clone());
    let (page, pages) = tokio::task::spawn_blocking(move || -> crate::Result<_> {
        let answer = engine.answer_reading_window(&question, &reading, page_window(1))?;
        let snapshot = engine.snapshot();
        let ctx = RenderContext {
            gazetteer: engine.gazetteer(),
            index_date: crate::index::built_on(&snapshot),
            request: &line,
        };
        Ok((render_page(&answer, &ctx, 1), page_count(&answer)))
    })
    .await??;
    let content = match pages {
        0 | 1 => String::new(),
        n => format!("Page 1 of {n}. Ask with /ask to turn the pages."),
    };
    Ok(Reply {
        content,
        embeds: vec![page],
        ..Reply::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_taken_out_of_the_question() {
        assert_eq!(
            without_mentions("<@1100> how many were killed?"),
            "how many were killed?"
        );
        assert_eq!(
            without_mentions("hey <@!42>  and <@&7> in <#9>, what did Baku say <@1100>"),
            "hey and in , what did Baku say"
        );
        assert_eq!(without_mentions("<@1100>"), "");
        assert_eq!(without_mentions("<@abc> stays"), "<@abc> stays");
    }
}
