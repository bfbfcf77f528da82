//! The gateway listener: one websocket per connection, speaking HELLO / IDENTIFY / READY /
//! RESUME and heartbeats, and delivering what a test injects.

use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::state::{Outgoing, Session, Shared};
use super::{FakeDiscord, HEARTBEAT_MS, fresh_id};

pub(super) async fn accept_gateway(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(serve_gateway(Arc::clone(&shared), stream));
    }
}

async fn serve_gateway(shared: Arc<Shared>, stream: TcpStream) {
    let ws = match tokio_tungstenite::accept_async(stream).await {
        Ok(ws) => ws,
        Err(e) => {
            tracing::warn!(error = %e, "fake gateway: websocket handshake failed");
            return;
        }
    };
    let (mut sink, mut frames) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn = shared.update(|inner| {
        inner.sessions.push(Session {
            tx,
            session_id: None,
            intents: 0,
            live: false,
            seq: 0,
            shard: None,
        });
        inner.sessions.len() - 1
    });
    let mut conn = Connection {
        shared: Arc::clone(&shared),
        index: conn,
        seq: 0,
    };
    let mut open = send_json(
        &mut sink,
        json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}}),
    )
    .await;
    while open {
        tokio::select! {
            frame = frames.next() => match frame {
                Some(Ok(frame)) if frame.is_text() => {
                    let parsed = frame.to_text().ok().and_then(|t| serde_json::from_str::<Value>(t).ok());
                    for reply in parsed.map(|f| conn.on_frame(f)).unwrap_or_default() {
                        open &= send_json(&mut sink, reply).await;
                    }
                },
                // On a close frame keep reading: tungstenite sends the closing reply the bot
                // waits for, then the stream ends.
                Some(Ok(_)) => {},
                Some(Err(_)) | None => open = false,
            },
            out = rx.recv() => match out {
                Some(Outgoing::Dispatch { event, data }) => {
                    let frame = conn.dispatch(&event, data);
                    open &= send_json(&mut sink, frame).await;
                },
                Some(Outgoing::Raw(frame)) => open &= send_json(&mut sink, frame).await,
                Some(Outgoing::Close(code)) => {
                    let close = CloseFrame { code: CloseCode::from(code), reason: "fake discord closed".into() };
                    let _ = sink.send(WsMessage::Close(Some(close))).await;
                    open = false;
                },
                None => open = false,
            },
        }
    }
    shared.update(|inner| inner.sessions[conn.index].live = false);
}

async fn send_json<S>(sink: &mut S, frame: Value) -> bool
where
    S: SinkExt<WsMessage> + Unpin,
{
    sink.send(WsMessage::text(frame.to_string())).await.is_ok()
}

/// One gateway connection's protocol state.
struct Connection {
    shared: Arc<Shared>,
    index: usize,
    seq: u64,
}

impl Connection {
    fn dispatch(&mut self, event: &str, data: Value) -> Value {
        self.seq += 1;
        let seq = self.seq;
        self.shared
            .update(|inner| inner.sessions[self.index].seq = seq);
        json!({"op": 0, "s": seq, "t": event, "d": data})
    }

    /// Frames to send back for one frame from the bot.
    fn on_frame(&mut self, frame: Value) -> Vec<Value> {
        self.shared.update(|inner| inner.frames.push(frame.clone()));
        let d = &frame["d"];
        match frame["op"].as_u64() {
            Some(1) => vec![json!({"op": 11})],
            Some(2) => self.identify(d),
            Some(6) => self.resume(d),
            _ => Vec::new(),
        }
    }

    fn identify(&mut self, d: &Value) -> Vec<Value> {
        let token = d["token"].as_str().unwrap_or_default();
        if token != FakeDiscord::TOKEN && token != format!("Bot {}", FakeDiscord::TOKEN) {
            tracing::warn!(token, "fake gateway: IDENTIFY with the wrong token");
            let _ = self.shared.lock().sessions[self.index]
                .tx
                .send(Outgoing::Close(4004));
            return Vec::new();
        }
        let session_id = format!("fake-session-{}", fresh_id());
        let intents = d["intents"].as_u64().unwrap_or(0);
        self.shared.update(|inner| {
            inner.identifies.push(d.clone());
            let session = &mut inner.sessions[self.index];
            session.session_id = Some(session_id.clone());
            session.intents = intents;
            session.live = true;
            session.shard = d["shard"]
                .as_array()
                .and_then(|s| Some((s.first()?.as_u64()?, s.get(1)?.as_u64()?)));
        });
        let ready = json!({
            "v": 10,
            "user": FakeDiscord::bot_user(),
            "guilds": [],
            "session_id": session_id,
            "resume_gateway_url": self.shared.gateway_url,
            "shard": d.get("shard").cloned().unwrap_or(json!([0, 1])),
            "application": {"id": FakeDiscord::APP_ID.to_string(), "flags": 0},
        });
        vec![self.dispatch("READY", ready)]
    }

    fn resume(&mut self, d: &Value) -> Vec<Value> {
        let session_id = d["session_id"].as_str().unwrap_or_default();
        let previous = self
            .shared
            .lock()
            .sessions
            .iter()
            .find(|s| s.session_id.as_deref() == Some(session_id))
            .map(|s| s.intents);
        let Some(intents) = previous else {
            return vec![json!({"op": 9, "d": false})];
        };
        self.seq = d["seq"].as_u64().unwrap_or(0);
        self.shared.update(|inner| {
            inner.resumes += 1;
            let session = &mut inner.sessions[self.index];
            session.session_id = Some(session_id.to_owned());
            session.intents = intents;
            session.live = true;
        });
        vec![self.dispatch("RESUMED", json!({}))]
    }
}
