//! Interactions over HTTP (`[discord] mode = "http"`): requests signed as Discord signs
//! them, with a key made for the test, POSTed to the bot's endpoint on loopback; the fake
//! Discord serves the REST API for registration and for completing deferred answers.

use std::sync::Arc;
use std::time::Duration;

use briefbot::config::Mode;
use briefbot::discord::{self, RunningBot, StartOptions};
use briefbot::engine::Engine;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::fake_discord::{FakeDiscord, focused, option, perms};
use crate::support;

const WAIT: Duration = Duration::from_secs(15);

/// A signing key made for this run: a request signed with another is not Discord's.
fn fresh_key(salt: &str) -> SigningKey {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let seed: [u8; 32] = Sha256::digest(format!("{salt}{nanos}{}", std::process::id())).into();
    SigningKey::from_bytes(&seed)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

struct Harness {
    fake: FakeDiscord,
    bot: Option<RunningBot>,
    key: SigningKey,
    client: reqwest::Client,
    url: String,
    _dir: tempfile::TempDir,
}

/// How a request is signed.
enum Signed<'a> {
    By(&'a SigningKey, i64),
    /// Signed over another body than the one sent.
    Over(&'a [u8]),
    Not,
}

impl Harness {
    async fn start(defer_after: Duration) -> Harness {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let key = fresh_key("endpoint");
        let mut config = support::config(vec![support::corpus()], &dir.path().join("index"));
        config.discord.api_base = fake.api_base();
        config.discord.guild_ids = vec![FakeDiscord::GUILD_ID];
        config.discord.rate_limit_commands = 10_000;
        config.discord.mode = Mode::Http;
        config.discord.listen = "127.0.0.1:0".into();
        config.discord.public_key = Some(hex(key.verifying_key().as_bytes()));
        let (engine, _) = Engine::open(config).expect("the bundled corpus indexes");
        let mut options = StartOptions::new(FakeDiscord::TOKEN);
        options.egress_trap = Some(fake.trap_url());
        options.defer_after = defer_after;
        let bot = discord::start(Arc::new(engine), options)
            .await
            .expect("the bot starts");
        let addr = bot.local_addr().expect("an endpoint address");
        fake.wait_commands_registered(WAIT)
            .await
            .expect("the commands are registered over REST");
        Harness {
            fake,
            bot: Some(bot),
            key,
            client: reqwest::Client::builder()
                .no_proxy()
                .build()
                .expect("a client"),
            url: format!("http://{addr}/interactions"),
            _dir: dir,
        }
    }

    async fn post(&self, body: &[u8], signed: Signed<'_>) -> (u16, Value) {
        let mut request = self
            .client
            .post(&self.url)
            .header("content-type", "application/json");
        let headers = match signed {
            Signed::By(key, at) => Some((key.clone(), at, body)),
            Signed::Over(other) => Some((self.key.clone(), now(), other)),
            Signed::Not => None,
        };
        if let Some((key, at, over)) = headers {
            let timestamp = at.to_string();
            let message = [timestamp.as_bytes(), over].concat();
            request = request
                .header("x-signature-ed25519", hex(&key.sign(&message).to_bytes()))
                .header("x-signature-timestamp", timestamp);
        }
        let response = request
            .body(body.to_vec())
            .send()
            .await
            .expect("a response");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Posts `interaction` signed as Discord would; the fake records the response given.
    async fn interact(&self, interaction: &Value) -> Value {
        let body = interaction.to_string();
        let (status, response) = self
            .post(body.as_bytes(), Signed::By(&self.key, now()))
            .await;
        assert_eq!(status, 200, "{response:#}");
        let accepted = self.fake.answered_over_http(interaction, &response);
        assert_eq!(
            accepted, 204,
            "Discord would refuse this response: {response:#}"
        );
        response
    }

    async fn finish(mut self) {
        if let Some(bot) = self.bot.take() {
            tokio::time::timeout(WAIT, bot.shutdown())
                .await
                .expect("shutdown in time")
                .expect("a clean shutdown");
        }
        assert_eq!(
            self.fake.gateway_connections(),
            0,
            "HTTP mode opened a gateway"
        );
        assert_eq!(
            self.fake.trap_hits(),
            0,
            "requests tried to leave loopback: {:?}",
            self.fake.trap_requests()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_requests_signed_with_the_applications_key_and_fresh_are_answered() {
    let h = Harness::start(Duration::from_millis(1500)).await;
    let ping = json!({"id": "1", "application_id": FakeDiscord::APP_ID.to_string(), "type": 1, "token": "t", "version": 1}).to_string();
    let ping = ping.as_bytes();
    let (status, body) = h.post(ping, Signed::By(&h.key, now())).await;
    assert_eq!((status, body), (200, json!({"type": 1})));

    let stranger = fresh_key("stranger");
    for (what, signed) in [
        ("no signature", Signed::Not),
        ("another key", Signed::By(&stranger, now())),
        ("another body", Signed::Over(b"{\"type\":1,\"id\":\"2\"}")),
        ("ten minutes old", Signed::By(&h.key, now() - 600)),
        ("ten minutes ahead", Signed::By(&h.key, now() + 600)),
    ] {
        let (status, body) = h.post(ping, signed).await;
        assert_eq!(status, 401, "{what}: {body}");
    }
    // Signed but not an interaction: refused, and the bot goes on answering.
    let (status, _) = h.post(b"[1, 2", Signed::By(&h.key, now())).await;
    assert_eq!(status, 400);
    let (status, _) = h.post(ping, Signed::By(&h.key, now())).await;
    assert_eq!(status, 200);
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_autocomplete_and_moderators_are_answered_in_the_http_response() {
    let h = Harness::start(Duration::from_millis(1500)).await;
    let ix = FakeDiscord::slash_command("casualties", json!([])).build();
    let response = h.interact(&ix).await;
    assert_eq!(response["type"], 4, "{response:#}");
    let description = response["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(description.contains("[1]"), "cites: {description}");
    let footer = response["data"]["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(footer.starts_with("/casualties"), "{footer}");
    assert!(
        response["data"]["embeds"].to_string().contains("Russia")
            || response["data"]["embeds"].to_string().contains("Armenia"),
        "{response:#}"
    );

    let ix = FakeDiscord::autocomplete("statement", json!([focused("party", "russ")])).build();
    let response = h.interact(&ix).await;
    assert_eq!(response["type"], 8, "{response:#}");
    assert!(
        response["data"]["choices"].to_string().contains("russia"),
        "{response:#}"
    );

    // A member is refused a moderator's command privately, at once.
    let ix = FakeDiscord::slash_command("status", json!([])).build();
    let response = h.interact(&ix).await;
    assert_eq!(response["type"], 4, "{response:#}");
    assert_eq!(response["data"]["flags"], 64, "{response:#}");
    // A moderator's is deferred privately, then completed through the webhook.
    let ix = FakeDiscord::slash_command("status", json!([]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let response = h.interact(&ix).await;
    assert_eq!(response["type"], 5, "{response:#}");
    assert_eq!(response["data"]["flags"], 64, "{response:#}");
    let token = ix["token"].as_str().unwrap_or_default();
    let report = h
        .fake
        .edit_of_original(token, WAIT)
        .await
        .expect("the report");
    assert!(
        report["content"].to_string().contains("1 document ("),
        "{report:#}"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_answer_is_deferred_then_completed_through_the_webhook() {
    // Zero: every answer is deferred, as a slow one would be.
    let h = Harness::start(Duration::ZERO).await;
    let ix = FakeDiscord::slash_command("search", json!([option("query", "ambush")])).build();
    let response = h.interact(&ix).await;
    assert_eq!(response["type"], 5, "{response:#}");
    let token = ix["token"].as_str().unwrap_or_default();
    let edit = h
        .fake
        .edit_of_original(token, WAIT)
        .await
        .expect("the answer");
    let description = edit["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(description.contains("[1]"), "{edit:#}");
    assert!(edit["embeds"].to_string().contains("ambush"), "{edit:#}");
    // The edit can reach the fake before the test has told it of the HTTP response, as it
    // can reach Discord: the bot tries again until the original takes it.
    let original = h
        .fake
        .eventually(WAIT, "the original edited", |f| {
            f.original_message(token)
                .filter(|m| m["embeds"].as_array().is_some_and(|e| !e.is_empty()))
        })
        .await
        .expect("the original");
    assert_eq!(original["embeds"], edit["embeds"]);
    h.finish().await;
}

/// Two replicas on one index folder: what one's writer builds, the other answers from once
/// it looks (every open briefing looks every few seconds).
#[test]
fn a_replica_answers_from_what_another_replicas_writer_built() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = support::copy_of_corpus(dir.path());
    let config = support::config(vec![folder.clone()], &dir.path().join("index"));
    let (writer, _) = Engine::open(config.clone()).expect("the corpus indexes");
    let (reader, _) = Engine::open(config).expect("the index opens again");
    let writer = Arc::new(writer);
    assert!(!reader.reload_if_changed().expect("nothing to reload"));
    std::fs::write(
        folder.join("late.md"),
        "+++\ntitle = \"Late report on the quarry\"\npublished = 2023-03-07\n+++\n\nA quarry paragraph.\n",
    )
    .expect("a late report");
    let (indexer, worker) = briefbot::jobs::Indexer::start(Arc::clone(&writer));
    indexer
        .run_blocking(briefbot::jobs::Job::Reindex { dry_run: false })
        .expect("the writer rebuilds");
    drop(indexer);
    worker.join();
    let before = reader.ask_line("/sources").expect("an answer");
    assert!(!serde_json::to_string(&before).unwrap().contains("quarry"));
    assert!(reader.reload_if_changed().expect("a reload"));
    let after = reader.ask_line("/sources").expect("an answer");
    assert!(serde_json::to_string(&after).unwrap().contains("quarry"));
    assert!(!reader.reload_if_changed().expect("nothing more to reload"));
}
