//! The Discord front end, end to end: the real serenity client against the fake Discord.
//! Every test starts a fake on loopback and a bot on its own index, and ends by checking that
//! no request left loopback.
//!
//! This module holds the harness every test shares (a fake, an engine and a bot) and the
//! checks on what the bot sent; the tests live in one file per concern.

mod admin;
mod answers;
mod errors;
mod mentions;
mod moderators;
mod paging;
mod registration;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use briefbot::config::Config;
use briefbot::discord::{self, RunningBot, StartOptions};
use briefbot::engine::Engine;
use serde_json::Value;

use crate::fake_discord::{FakeDiscord, SentInteraction};
use crate::support;

const WAIT: Duration = Duration::from_secs(15);
const AUDIT_CHANNEL: u64 = 1_100_000_000_000_000_099;
const MOD_ROLE: u64 = 1_100_000_000_000_000_077;
const NO_PINGS: &str = r#"{"parse":[],"roles":[],"users":[]}"#;

/// A fake Discord, an engine on its own index and a bot connected to the fake.
struct Harness {
    fake: FakeDiscord,
    bot: Option<RunningBot>,
    engine: Arc<Engine>,
    options: StartOptions,
    _dir: tempfile::TempDir,
}

impl Harness {
    /// The bundled corpus, commands in the fake's guild, a rate limit out of the way.
    async fn start() -> Harness {
        Self::start_with(None, |_| {}, |_| {}).await
    }

    /// `corpus`: documents to index instead of the bundled article, as (file name, text).
    async fn start_with(
        corpus: Option<Vec<(String, String)>>,
        configure: impl FnOnce(&mut Config),
        options: impl FnOnce(&mut StartOptions),
    ) -> Harness {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let folders = match corpus {
            None => vec![support::corpus()],
            Some(docs) => vec![write_corpus(dir.path(), &docs)],
        };
        let mut config = support::config(folders, &dir.path().join("index"));
        config.discord.api_base = fake.api_base();
        config.discord.guild_ids = vec![FakeDiscord::GUILD_ID];
        config.discord.rate_limit_commands = 10_000;
        config.discord.audit_channel = Some(AUDIT_CHANNEL);
        configure(&mut config);
        let (engine, _) = Engine::open(config).expect("the test corpus indexes");
        let mut start_options = StartOptions::new(FakeDiscord::TOKEN);
        start_options.egress_trap = Some(fake.trap_url());
        options(&mut start_options);
        let mut harness = Harness {
            fake,
            bot: None,
            engine: Arc::new(engine),
            options: start_options,
            _dir: dir,
        };
        harness.connect().await;
        harness
    }

    async fn connect(&mut self) {
        let bot = discord::start(Arc::clone(&self.engine), self.options.clone())
            .await
            .expect("the bot starts");
        self.bot = Some(bot);
        self.fake
            .wait_identified(WAIT)
            .await
            .expect("the bot identifies");
        self.fake
            .wait_commands_registered(WAIT)
            .await
            .expect("the bot registers its commands");
    }

    /// Stops the bot as SIGTERM would (a restart, when followed by `connect`).
    async fn stop_bot(&mut self) {
        if let Some(bot) = self.bot.take() {
            tokio::time::timeout(WAIT, bot.shutdown())
                .await
                .expect("shutdown in time")
                .expect("a clean shutdown");
        }
    }

    /// Ends a test: nothing may have left loopback.
    async fn finish(mut self) {
        self.stop_bot().await;
        assert_eq!(
            self.fake.trap_hits(),
            0,
            "requests tried to leave loopback: {:?}",
            self.fake.trap_requests()
        );
    }

    async fn ask(&self, name: &str, options: Value) -> Value {
        let ix = FakeDiscord::slash_command(name, options).build();
        self.fake.interact(ix, WAIT).await.expect("an answer")
    }

    async fn send(&self, ix: Value) -> (SentInteraction, Value) {
        let sent = self.fake.send_interaction(ix).await;
        let callback = self
            .fake
            .callback_for(&sent.id, WAIT)
            .await
            .expect("a callback");
        (sent, callback)
    }

    fn generation(&self) -> PathBuf {
        self.engine.snapshot().generation.clone()
    }

    fn index_date(&self) -> String {
        briefbot::index::built_on(&self.engine.snapshot()).to_string()
    }
}

fn write_corpus(root: &Path, docs: &[(String, String)]) -> PathBuf {
    let folder = root.join("corpus");
    std::fs::create_dir_all(&folder).expect("corpus folder");
    for (name, text) in docs {
        std::fs::write(folder.join(name), text).expect("a corpus file");
    }
    folder
}

/// Many long documents that all match `ambush`, with casualty figures, statements and dates,
/// each worded apart enough that none is taken for a copy of another.
fn long_corpus() -> Vec<(String, String)> {
    (1..=30)
        .map(|i| {
            let day = i % 27 + 1;
            let killed = i + 1;
            let filler = |p: usize| {
                (0..25)
                    .map(|k| format!("Observer r{i}p{p}n{k} saw convoy c{i}x{k}y{p} pass checkpoint q{k}z{i}."))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let text = format!(
                "+++\ntitle = \"Report {i}: {}\"\npublished = 2023-03-{day:02}\noutlet = \"Outlet {i} **Daily**\"\nurl = \"https://example.org/news/{i}?a=(b)\"\n+++\n\n\
                 On March {day}, {killed} Armenian soldiers were killed in an ambush near the village of Stepanakert, Armenia’s Interior Ministry said. {}\n\n\
                 Azerbaijan’s Foreign Ministry said the ambush on March {day} was a provocation by armed groups. {}\n\n\
                 The Russian Defense Ministry said two Azerbaijani troops died in the ambush and urged restraint. {}\n",
                "a long headline about the ambush ".repeat(12),
                filler(1),
                filler(2),
                filler(3),
            );
            (format!("report-{i:02}.md"), text)
        })
        .collect()
}

/// The JSON a test snapshots: the callback body, with the index date (the day the test ran)
/// and a reindex's seconds made stable.
fn redacted(value: &Value, index_date: &str) -> String {
    let text = serde_json::to_string_pretty(value).expect("JSON");
    // The request line's invisible separators, written as the JSON escape they are.
    let text = text
        .replace(index_date, "[index date]")
        .replace('\u{2063}', "\\u2063");
    let seconds = regex::Regex::new(r"in \d+\.\d+ s").expect("regex");
    seconds.replace_all(&text, "in [seconds] s").into_owned()
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({snapshot_path => "../../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, text);
    });
}

/// Every limit Discord puts on a message body, checked here independently of the bot's own
/// renderer (the fake also refuses oversize bodies with a 400).
fn assert_message_within_limits(body: &Value) {
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(chars(&body["content"]) <= 2000, "content over 2000");
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10, "over 10 embeds");
    let mut total = 0;
    for embed in &embeds {
        for (what, value, max) in [
            ("title", &embed["title"], 256),
            ("description", &embed["description"], 4096),
            ("footer", &embed["footer"]["text"], 2048),
            ("author", &embed["author"]["name"], 256),
        ] {
            assert!(chars(value) <= max, "{what} is {} characters", chars(value));
            total += chars(value);
        }
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25, "{} fields", fields.len());
        for field in &fields {
            assert!(chars(&field["name"]) <= 256 && chars(&field["name"]) > 0);
            assert!(chars(&field["value"]) <= 1024 && chars(&field["value"]) > 0);
            total += chars(&field["name"]) + chars(&field["value"]);
        }
    }
    assert!(total <= 6000, "embeds hold {total} characters");
    for row in body["components"].as_array().cloned().unwrap_or_default() {
        let parts = row["components"].as_array().cloned().unwrap_or_default();
        assert!(parts.len() <= 5);
        for part in parts {
            assert!(chars(&part["custom_id"]) <= 100);
        }
    }
    assert_eq!(body["allowed_mentions"].to_string(), NO_PINGS);
}

/// A private (ephemeral) message whose text contains `expected`.
fn assert_private(callback: &Value, expected: &str) {
    assert_eq!(callback["type"], 4, "{callback:#}");
    assert_eq!(callback["data"]["flags"], 64, "not private: {callback:#}");
    let content = callback["data"]["content"].as_str().unwrap_or_default();
    assert!(
        content.contains(expected),
        "`{expected}` not in `{content}`"
    );
    assert_eq!(callback["data"]["allowed_mentions"].to_string(), NO_PINGS);
}

/// The first embed's footer as people read it (without the request line's invisible
/// separators).
fn footer(message: &Value) -> String {
    message["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default()
        .replace('\u{2063}', "")
}

fn assert_nothing_ran(h: &Harness, generation_before: &Path) {
    assert_eq!(
        h.generation(),
        generation_before,
        "the index generation is unchanged"
    );
    assert!(
        !h.bot
            .as_ref()
            .unwrap()
            .indexer()
            .expect("one briefing")
            .is_busy(),
        "no job was started"
    );
    let patched = h.fake.requests().iter().any(|r| r.method == "PATCH");
    assert!(!patched, "nothing ran, so nothing was reported");
}

/// The bundled article, copied, so a test may add to its corpus folder.
fn bundled_copy() -> Vec<(String, String)> {
    std::fs::read_dir(support::corpus())
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}
