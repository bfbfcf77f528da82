//! The REST API under `/api/v10`: the axum handler that records every request, the routes for
//! commands, interaction callbacks, webhooks and channel messages, and the Message objects the
//! fake answers with.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::limits::{check_choices, check_message};
use super::state::{Inner, Shared};
use super::{FIRST_RESPONSE_DEADLINE, FakeDiscord, Recorded, TIMESTAMP, fresh_id, intents};

type Reply = (StatusCode, Option<Value>);

pub(super) async fn rest_handler(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body = parse_body(&headers, &body);
    let path = uri.path().to_owned();
    let segments: Vec<&str> = path
        .strip_prefix("/api/v10/")
        .map(|p| p.split('/').collect())
        .unwrap_or_default();
    let authorized = headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(format!("Bot {}", FakeDiscord::TOKEN).as_str());
    let (status, reply) = if segments.is_empty() {
        not_found()
    } else if !authorized {
        (
            StatusCode::UNAUTHORIZED,
            Some(json!({"message": "401: Unauthorized", "code": 0})),
        )
    } else {
        shared.update(|inner| {
            route(
                inner,
                &shared.gateway_url,
                method.as_str(),
                &segments,
                &body,
            )
        })
    };
    let recorded = Recorded {
        method: method.to_string(),
        path,
        query: uri.query().map(str::to_owned),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        status: status.as_u16(),
    };
    tracing::debug!(method = %recorded.method, path = %recorded.path, status = recorded.status, "fake discord REST");
    shared.update(|inner| inner.requests.push(recorded));
    match reply {
        Some(json) => (status, axum::Json(json)).into_response(),
        None => status.into_response(),
    }
}

fn route(inner: &mut Inner, gateway_url: &str, method: &str, seg: &[&str], body: &Value) -> Reply {
    let app = FakeDiscord::APP_ID.to_string();
    match (method, seg) {
        ("GET", ["gateway"]) => ok(json!({"url": gateway_url})),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": gateway_url, "shards": inner.recommended_shards.max(1),
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        })),
        ("GET", ["users", "@me"]) => ok(FakeDiscord::bot_user()),
        ("GET", ["oauth2", "applications", "@me"] | ["applications", "@me"]) => {
            ok(application_info())
        }
        ("GET", ["users", id]) => {
            ok(json!({"id": id, "username": "someone", "discriminator": "0", "avatar": null}))
        }
        (_, ["applications", a, "commands", rest @ ..]) if *a == app => {
            commands_route(inner, commands_key(a, None), None, method, rest, body)
        }
        (_, ["applications", a, "guilds", g, "commands", rest @ ..]) if *a == app => {
            commands_route(inner, commands_key(a, Some(g)), Some(g), method, rest, body)
        }
        ("POST", ["interactions", id, token, "callback"]) => {
            interaction_callback(inner, id, token, body)
        }
        (_, ["webhooks", a, token, rest @ ..]) if *a == app => {
            webhook_route(inner, token, method, rest, body)
        }
        (_, ["channels", channel, rest @ ..]) => channel_route(inner, channel, method, rest, body),
        _ => not_found(),
    }
}

pub(super) fn commands_key(app: &str, guild: Option<&str>) -> String {
    match guild {
        Some(g) => format!("/applications/{app}/guilds/{g}/commands"),
        None => format!("/applications/{app}/commands"),
    }
}

fn commands_route(
    inner: &mut Inner,
    key: String,
    guild: Option<&str>,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let existing = inner.commands.get(&key).cloned().unwrap_or_default();
    match (method, rest) {
        ("GET", []) => ok(json!(existing)),
        ("PUT", []) => {
            let Some(new) = body.as_array() else {
                return invalid_form("expected an array of commands");
            };
            let echoed: Vec<Value> = new
                .iter()
                .map(|c| echo_command(c, &existing, guild))
                .collect();
            inner.commands.insert(key, echoed.clone());
            ok(json!(echoed))
        }
        ("POST", []) => {
            let command = echo_command(body, &existing, guild);
            let mut cmds: Vec<Value> = existing
                .into_iter()
                .filter(|c| c["name"] != command["name"])
                .collect();
            cmds.push(command.clone());
            inner.commands.insert(key, cmds);
            (StatusCode::CREATED, Some(command))
        }
        ("GET", [id]) => match existing.iter().find(|c| c["id"] == *id) {
            Some(c) => ok(c.clone()),
            None => unknown(10063, "Unknown application command"),
        },
        ("PATCH", [id]) => {
            let Some(pos) = existing.iter().position(|c| c["id"] == *id) else {
                return unknown(10063, "Unknown application command");
            };
            let mut cmds = existing;
            merge(&mut cmds[pos], body);
            cmds[pos]["version"] = json!(fresh_id().to_string());
            let command = cmds[pos].clone();
            inner.commands.insert(key, cmds);
            ok(command)
        }
        ("DELETE", [id]) => {
            let cmds: Vec<Value> = existing.into_iter().filter(|c| c["id"] != *id).collect();
            inner.commands.insert(key, cmds);
            no_content()
        }
        _ => not_found(),
    }
}

/// A command as Discord echoes it: the bot's fields plus `id` (kept for a name already
/// registered, as Discord does on bulk overwrite), `application_id`, `version` and defaults.
fn echo_command(command: &Value, existing: &[Value], guild: Option<&str>) -> Value {
    let mut echoed = json!({
        "type": 1, "description": "", "options": [], "default_member_permissions": null,
        "dm_permission": true, "nsfw": false,
    });
    merge(&mut echoed, command);
    let id = existing
        .iter()
        .find(|c| c["name"] == command["name"])
        .and_then(|c| c.get("id").cloned())
        .unwrap_or_else(|| json!(fresh_id().to_string()));
    echoed["id"] = id;
    echoed["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    echoed["version"] = json!(fresh_id().to_string());
    if let Some(g) = guild {
        echoed["guild_id"] = json!(g);
    }
    echoed
}

pub(super) fn interaction_callback(
    inner: &mut Inner,
    id: &str,
    token: &str,
    body: &Value,
) -> Reply {
    let Some(state) = inner.interactions.get_mut(token).filter(|s| s.id == id) else {
        return unknown(10062, "Unknown interaction");
    };
    if state.acked {
        return (
            StatusCode::BAD_REQUEST,
            Some(json!({"message": "Interaction has already been acknowledged.", "code": 40060})),
        );
    }
    if state.sent_at.elapsed() > FIRST_RESPONSE_DEADLINE {
        return unknown(10062, "Unknown interaction");
    }
    let kind = body["type"].as_u64().unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(json!({}));
    let checked = match kind {
        4 => check_message(&data, true),
        7 => check_message(&data, false),
        8 => check_choices(&data),
        1 | 5 | 6 | 9 => Ok(()),
        other => Err(format!("unknown interaction response type {other}")),
    };
    if let Err(e) = checked {
        return invalid_form(&e);
    }
    state.acked = true;
    state.answered_after = Some(state.sent_at.elapsed());
    let channel_id = state.channel_id.parse().unwrap_or(FakeDiscord::CHANNEL_ID);
    let guild_id = state.guild_id.clone();
    let component_message = state.message.clone();
    let original = match (kind, component_message) {
        (4, _) => Some(bot_message(channel_id, &guild_id, &data)),
        // Deferred: Discord shows "thinking..." (flag 128) until @original is edited.
        (5, _) => {
            let flags = data["flags"].as_u64().unwrap_or(0) | 128;
            Some(bot_message(
                channel_id,
                &guild_id,
                &json!({"content": "", "flags": flags}),
            ))
        }
        (6, Some(message)) => Some(message),
        (7, Some(mut message)) => {
            merge(&mut message, &data);
            message["edited_timestamp"] = json!(TIMESTAMP);
            Some(message)
        }
        _ => None,
    };
    if let Some(message) = original {
        let message_id = str_field(&message, "id");
        inner.messages.insert(message_id.clone(), message);
        inner.originals.insert(token.to_owned(), message_id);
    }
    no_content()
}

fn webhook_route(
    inner: &mut Inner,
    token: &str,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let known = inner
        .interactions
        .get(token)
        .map(|s| (s.channel_id.clone(), s.guild_id.clone()));
    let Some((channel_id, guild_id)) = known else {
        return unknown(10015, "Unknown Webhook");
    };
    let channel_id: u64 = channel_id.parse().unwrap_or(FakeDiscord::CHANNEL_ID);
    let message_id = match rest {
        ["messages", "@original"] => inner.originals.get(token).cloned(),
        ["messages", id] => Some((*id).to_owned()).filter(|id| inner.messages.contains_key(id)),
        _ => None,
    };
    match (method, rest) {
        ("POST", []) => {
            if let Err(e) = check_message(body, true) {
                return invalid_form(&e);
            }
            let message = bot_message(channel_id, &guild_id, body);
            inner
                .messages
                .insert(str_field(&message, "id"), message.clone());
            ok(message)
        }
        (_, ["messages", _]) => {
            let Some(message_id) = message_id else {
                return unknown(10008, "Unknown Message");
            };
            match method {
                "GET" => ok(inner.messages[&message_id].clone()),
                "PATCH" => {
                    if let Err(e) = check_message(body, false) {
                        return invalid_form(&e);
                    }
                    edit_message(inner, &message_id, body)
                }
                "DELETE" => {
                    inner.messages.remove(&message_id);
                    no_content()
                }
                _ => not_found(),
            }
        }
        _ => not_found(),
    }
}

fn channel_route(
    inner: &mut Inner,
    channel: &str,
    method: &str,
    rest: &[&str],
    body: &Value,
) -> Reply {
    let Ok(channel_id) = channel.parse::<u64>() else {
        return not_found();
    };
    match (method, rest) {
        ("GET", []) => ok(json!({
            "id": channel, "type": 0, "guild_id": FakeDiscord::GUILD_ID.to_string(), "name": "general",
            "position": 0, "permission_overwrites": [], "nsfw": false, "parent_id": null
        })),
        ("POST", ["messages"]) => {
            if let Err(e) = check_message(body, true) {
                return invalid_form(&e);
            }
            inner.channel_posts.push((channel_id, body.clone()));
            let message = bot_message(channel_id, &Value::Null, body);
            let id = str_field(&message, "id");
            inner.channel_messages.push((channel_id, id.clone()));
            inner.messages.insert(id, message.clone());
            ok(message)
        }
        ("GET", ["messages"]) => ok(json!([])),
        ("GET", ["messages", id]) => match inner.messages.get(*id) {
            Some(m) => ok(m.clone()),
            None => unknown(10008, "Unknown Message"),
        },
        ("PATCH", ["messages", id]) => {
            if !inner.messages.contains_key(*id) {
                return unknown(10008, "Unknown Message");
            }
            if let Err(e) = check_message(body, false) {
                return invalid_form(&e);
            }
            edit_message(inner, id, body)
        }
        ("DELETE", ["messages", id]) => {
            inner.messages.remove(*id);
            no_content()
        }
        ("POST", ["typing"]) | ("PUT", ["messages", _, "reactions", _, "@me"]) => no_content(),
        _ => not_found(),
    }
}

fn edit_message(inner: &mut Inner, message_id: &str, body: &Value) -> Reply {
    let message = inner
        .messages
        .get_mut(message_id)
        .expect("caller checked the message exists");
    merge(message, body);
    // An edit ends the "thinking..." state of a deferral.
    if let Some(flags) = message["flags"].as_u64() {
        message["flags"] = json!(flags & !128);
    }
    message["edited_timestamp"] = json!(TIMESTAMP);
    ok(message.clone())
}

/// A full Message object authored by the bot, from a create/edit body.
fn bot_message(channel_id: u64, guild_id: &Value, body: &Value) -> Value {
    let mut message = message_object(fresh_id(), channel_id, FakeDiscord::bot_user(), body);
    message["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    if !guild_id.is_null() {
        message["guild_id"] = guild_id.clone();
    }
    if let Some(reference) = body.get("message_reference").filter(|r| !r.is_null()) {
        message["type"] = json!(19); // a reply
        message["message_reference"] = json!({
            "type": 0,
            "message_id": reference["message_id"],
            "channel_id": reference.get("channel_id").cloned().unwrap_or(json!(channel_id.to_string())),
            "guild_id": reference.get("guild_id").cloned().unwrap_or(Value::Null),
        });
    }
    message
}

/// A Message object with every field serenity requires; `body` supplies content, embeds,
/// components, flags.
pub(super) fn message_object(id: u64, channel_id: u64, author: Value, body: &Value) -> Value {
    let field = |name: &str, default: Value| {
        body.get(name)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": field("content", json!("")),
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": field("tts", json!(false)),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": field("embeds", json!([])),
        "reactions": [],
        "pinned": false,
        "type": 0,
        "flags": field("flags", json!(0)),
        "components": field("components", json!([])),
    })
}

fn application_info() -> Value {
    json!({
        "id": FakeDiscord::APP_ID.to_string(), "name": FakeDiscord::BOT_USERNAME, "icon": null,
        "description": "", "rpc_origins": [], "bot_public": false, "bot_require_code_grant": false,
        "owner": {"id": FakeDiscord::USER_ID.to_string(), "username": "owner", "discriminator": "0", "avatar": null},
        "verify_key": "0".repeat(64), "team": null, "flags": 0,
        "bot": FakeDiscord::bot_user(),
    })
}

/// Without MESSAGE_CONTENT Discord blanks a guild message that does not mention the bot; without
/// GUILD_MESSAGES / DIRECT_MESSAGES it sends no MESSAGE_CREATE at all.
pub(super) fn apply_message_intents(message: &mut Value, intents: u64) {
    let in_guild = message.get("guild_id").is_some_and(|g| !g.is_null());
    let needed = if in_guild {
        intents::GUILD_MESSAGES
    } else {
        intents::DIRECT_MESSAGES
    };
    assert!(
        intents & needed != 0,
        "Discord would not deliver this MESSAGE_CREATE: the bot identified with intents {intents:#x}, \
         without {} ({needed:#x})",
        if in_guild {
            "GUILD_MESSAGES"
        } else {
            "DIRECT_MESSAGES"
        },
    );
    let bot_id = FakeDiscord::BOT_USER_ID.to_string();
    let mentions_bot = message["mentions"]
        .as_array()
        .is_some_and(|m| m.iter().any(|u| u["id"] == bot_id.as_str()));
    let by_bot = message["author"]["id"] == bot_id.as_str();
    if in_guild && intents & intents::MESSAGE_CONTENT == 0 && !mentions_bot && !by_bot {
        for (field, empty) in [
            ("content", json!("")),
            ("embeds", json!([])),
            ("attachments", json!([])),
            ("components", json!([])),
        ] {
            message[field] = empty;
        }
    }
}

// ---- small helpers ----

fn ok(v: Value) -> Reply {
    (StatusCode::OK, Some(v))
}

fn no_content() -> Reply {
    (StatusCode::NO_CONTENT, None)
}

fn not_found() -> Reply {
    (
        StatusCode::NOT_FOUND,
        Some(json!({"message": "404: Not Found", "code": 0})),
    )
}

fn unknown(code: u32, message: &str) -> Reply {
    (
        StatusCode::NOT_FOUND,
        Some(json!({"message": message, "code": code})),
    )
}

fn invalid_form(detail: &str) -> Reply {
    tracing::warn!(detail, "fake discord refused a body");
    (
        StatusCode::BAD_REQUEST,
        Some(json!({"message": "Invalid Form Body", "code": 50035, "errors": {"detail": detail}})),
    )
}

/// Shallow merge: `patch`'s keys overwrite `target`'s.
fn merge(target: &mut Value, patch: &Value) {
    if let (Some(t), Some(p)) = (target.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            t.insert(k.clone(), v.clone());
        }
    }
}

pub(super) fn str_field(v: &Value, name: &str) -> String {
    v[name]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| v[name].to_string())
}

/// JSON body; for multipart (attachments), the `payload_json` part.
fn parse_body(headers: &HeaderMap, body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    let text = String::from_utf8_lossy(body);
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(boundary) = content_type.split("boundary=").nth(1) {
        let boundary = format!("--{}", boundary.trim_matches('"'));
        for part in text.split(boundary.as_str()) {
            if let Some((head, content)) = part.split_once("\r\n\r\n")
                && head.contains("name=\"payload_json\"")
            {
                return serde_json::from_str(content.trim_end_matches("\r\n"))
                    .unwrap_or(Value::Null);
            }
        }
    }
    serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.into_owned()))
}
