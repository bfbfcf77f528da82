//! How a handler answers: the first response (Discord's REST callback, or the HTTP
//! response to the endpoint's POST), what comes after it, and a failure as a reply. A
//! user's mistake gets a private message saying what to do; an internal failure a private
//! apology with an error id, the cause logged under that id.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use serenity::all::{
    CommandInteraction, CreateInteractionResponse, CreateInteractionResponseMessage, Http,
    InteractionId,
};
use serenity::builder::Builder as _;
use tokio::sync::oneshot;
use tokio::task::JoinError;

use super::embeds::Reply;
use super::permissions::Invoker;
use crate::error::{Error, UserError};

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
