//! Interactions over HTTP: with `[discord] mode = "http"`, Discord POSTs each interaction to
//! `POST /interactions` on `[discord] listen` instead of sending it over the gateway. Every
//! request's Ed25519 signature (over the timestamp and the body) is checked with serenity's
//! verifier and a stale timestamp refused; a PING gets a PONG; anything else is handled as a
//! gateway interaction is, its first response going back in the HTTP response (an answer,
//! or a deferral completed later through the interaction webhook on the REST API).
//!
//! ```text
//! Discord ─POST /interactions─▶ verify ─▶ handler::handle ─first response─▶ HTTP 200 body
//!                                              └ deferred: edit @original over REST
//! ```
//!
//! Nothing is kept between requests that a replica would need: paging and follow-ups
//! rebuild from the message, so any number of replicas can answer behind a load balancer.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serenity::all::{CreateInteractionResponse, Http, Interaction};
use serenity::interactions_endpoint::Verifier;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};

use super::handler;
use super::respond::{Out, Responder};
use super::state::State;

/// A request signed longer ago (or further ahead) than this is refused: a captured request
/// cannot be replayed later.
pub const MAX_SKEW: Duration = Duration::from_secs(5 * 60);
/// How long the endpoint waits for the first response; Discord gives up at 3 s.
const FIRST_RESPONSE: Duration = Duration::from_millis(2900);

/// The verifier for `[discord] public_key`, or why the key is not one.
pub fn verifier(public_key: &str) -> anyhow::Result<Verifier> {
    let bytes = hex32(public_key.trim()).ok_or_else(|| {
        anyhow::anyhow!("[discord] public_key must be 64 hex digits, the application's public key")
    })?;
    Verifier::try_new(bytes)
        .map_err(|e| anyhow::anyhow!("[discord] public_key is not an Ed25519 public key: {e}"))
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 32];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(bytes)
}

struct Endpoint {
    verifier: Verifier,
    state: Arc<State>,
    http: Arc<Http>,
}

/// Listens on `listen` and answers until `stop` turns `true`; returns the address bound
/// (a port of 0 picks a free one) and the server's task.
pub async fn serve(
    listen: &str,
    verifier: Verifier,
    state: Arc<State>,
    http: Arc<Http>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<(SocketAddr, tokio::task::JoinHandle<anyhow::Result<()>>)> {
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!("[discord] listen = {listen:?}: {e}"))?;
    let addr = listener.local_addr()?;
    let endpoint = Arc::new(Endpoint {
        verifier,
        state,
        http,
    });
    let app = Router::new()
        .route("/interactions", post(interactions))
        .with_state(endpoint);
    tracing::info!(%addr, "answering interactions over HTTP at POST /interactions");
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|stopped| *stopped).await;
            })
            .await
            .map_err(|e| anyhow::anyhow!("the interactions endpoint failed: {e}"))
    });
    Ok((addr, task))
}

async fn interactions(
    AxumState(endpoint): AxumState<Arc<Endpoint>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let signed = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (
        signed("x-signature-ed25519"),
        signed("x-signature-timestamp"),
    ) else {
        return refuse(StatusCode::UNAUTHORIZED, "missing signature");
    };
    if endpoint
        .verifier
        .verify(signature, timestamp, &body)
        .is_err()
    {
        return refuse(StatusCode::UNAUTHORIZED, "invalid request signature");
    }
    if !is_fresh(timestamp, chrono::Utc::now().timestamp()) {
        return refuse(StatusCode::UNAUTHORIZED, "stale request timestamp");
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(interaction) => interaction,
        Err(e) => {
            tracing::warn!(error = %e, "an interaction that does not parse");
            return refuse(StatusCode::BAD_REQUEST, "not an interaction");
        }
    };
    if let Interaction::Ping(_) = interaction {
        return json(&serde_json::json!({"type": 1}));
    }
    match first_response(&endpoint, interaction).await {
        Some(response) => match serde_json::to_value(&response) {
            Ok(value) => json(&value),
            Err(e) => {
                tracing::error!(error = %e, "a response that does not serialise");
                refuse(StatusCode::INTERNAL_SERVER_ERROR, "no response")
            }
        },
        None => refuse(StatusCode::INTERNAL_SERVER_ERROR, "no response"),
    }
}

/// Hands the interaction to the handlers on a task of its own (it goes on after the first
/// response: a deferred answer, an audit line) and waits for its first response.
async fn first_response(
    endpoint: &Arc<Endpoint>,
    interaction: Interaction,
) -> Option<CreateInteractionResponse> {
    if let Some(app) = application_id(&interaction) {
        // Edits of a deferred answer go to /webhooks/{application}/{token}.
        endpoint.http.set_application_id(app);
    }
    let (sender, receiver) = oneshot::channel();
    let state = Arc::clone(&endpoint.state);
    let http = Arc::clone(&endpoint.http);
    tokio::spawn(async move {
        let _in_flight = state.in_flight.enter();
        let responder = Responder::over_http(sender);
        let out = Out {
            http: &http,
            first: &responder,
        };
        handler::handle(&state, &out, interaction).await;
    });
    match tokio::time::timeout(FIRST_RESPONSE, receiver).await {
        Ok(Ok(response)) => Some(response),
        Ok(Err(_)) => {
            tracing::warn!("an interaction got no response");
            None
        }
        Err(_) => {
            tracing::warn!("no first response within Discord's 3 s");
            None
        }
    }
}

fn application_id(interaction: &Interaction) -> Option<serenity::all::ApplicationId> {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => Some(c.application_id),
        Interaction::Component(c) => Some(c.application_id),
        Interaction::Modal(m) => Some(m.application_id),
        _ => None,
    }
}

/// Whether a signed timestamp (Unix seconds) is within [`MAX_SKEW`] of `now`.
fn is_fresh(timestamp: &str, now: i64) -> bool {
    timestamp
        .trim()
        .parse::<i64>()
        .is_ok_and(|at| now.abs_diff(at) <= MAX_SKEW.as_secs())
}

fn json(value: &serde_json::Value) -> Response {
    let mut response = value.to_string().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    (status, why).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_fresh_within_five_minutes_either_way() {
        let now = 1_700_000_000;
        assert!(is_fresh("1700000000", now));
        assert!(is_fresh("1699999700", now));
        assert!(is_fresh("1700000300", now));
        assert!(!is_fresh("1699999699", now));
        assert!(!is_fresh("1700000301", now));
        assert!(!is_fresh("yesterday", now));
        assert!(!is_fresh("", now));
        assert!(!is_fresh("99999999999999999999999", now));
    }

    #[test]
    fn a_public_key_is_64_hex_digits_of_a_valid_key() {
        assert!(verifier(&"0".repeat(63)).is_err());
        assert!(verifier(&"zz".repeat(32)).is_err());
        assert!(verifier(&"é".repeat(32)).is_err());
        // The key from serenity's own example.
        assert!(
            verifier("67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089").is_ok()
        );
    }
}
