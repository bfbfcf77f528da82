//! The Discord front end, end to end: the real serenity client against the fake Discord.
//! Every test starts a fake on loopback and a bot on its own index, and ends by checking that
//! no request left loopback.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use briefbot::config::Config;
use briefbot::discord::{self, RunningBot, StartOptions};
use briefbot::engine::Engine;
use serde_json::{Value, json};

use crate::fake_discord::{FakeDiscord, SentInteraction, focused, option, perms};
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
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
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

fn button_ids(message: &Value) -> Vec<(String, bool)> {
    message["components"][0]["components"]
        .as_array()
        .map(|buttons| {
            buttons
                .iter()
                .map(|b| {
                    (
                        b["custom_id"].as_str().unwrap_or_default().to_string(),
                        b["disabled"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first embed's footer as people read it (without the request line's invisible
/// separators).
fn footer(message: &Value) -> String {
    message["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default()
        .replace('\u{2063}', "")
}

/// Presses ▶ on `message`; returns the callback and the message as it then stands.
async fn press_next(h: &Harness, message: &Value) -> (Value, Value) {
    let (next, disabled) = button_ids(message)
        .pop()
        .expect("a ▶ button on a paged answer");
    assert!(!disabled, "▶ is disabled on the last page");
    press(h, &next, message).await
}

async fn press(h: &Harness, custom_id: &str, message: &Value) -> (Value, Value) {
    let (sent, callback) = h
        .send(FakeDiscord::component(custom_id, message.clone()).build())
        .await;
    let now = h.fake.original_message(&sent.token).expect("the message");
    (callback, now)
}

// ---- registration ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_follows_the_command_table() {
    let h = Harness::start().await;
    let put = h
        .fake
        .wait_for_request(|r| r.method == "PUT", WAIT)
        .await
        .expect("a registration");
    assert_eq!(
        put.route(),
        format!(
            "/applications/{}/guilds/{}/commands",
            FakeDiscord::APP_ID,
            FakeDiscord::GUILD_ID
        )
    );
    let names: Vec<&str> = briefbot::commands::COMMANDS
        .iter()
        .map(|c| c.name)
        .collect();
    let registered: Vec<String> = h
        .fake
        .commands_in(Some(FakeDiscord::GUILD_ID))
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(registered, names);
    let reindex = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "reindex");
    assert_eq!(reindex.unwrap()["default_member_permissions"], "32");
    // GUILDS | GUILD_MESSAGES, and not the privileged MESSAGE_CONTENT.
    assert_eq!(h.fake.identifies()[0]["intents"], 1 | (1 << 9));
    snapshot(
        "registration_payload",
        &serde_json::to_string_pretty(&put.body).unwrap(),
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_with_the_same_table_registers_nothing_new() {
    let mut h = Harness::start().await;
    h.stop_bot().await;
    h.connect().await;
    h.fake.wait_identifies(2, WAIT).await.unwrap();
    let gets = |f: &FakeDiscord| {
        f.requests()
            .iter()
            .filter(|r| r.method == "GET" && r.route().ends_with("/commands"))
            .count()
    };
    h.fake
        .eventually(WAIT, "a second look at the commands", |f| {
            (gets(f) >= 2).then_some(())
        })
        .await
        .unwrap();
    let puts = h
        .fake
        .requests()
        .iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 1, "the second start found its commands current");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_table_is_registered_again_and_global_without_guilds() {
    // Global scope: no guild ids. A stale command registered before the bot starts.
    let fake = FakeDiscord::start().await;
    let stale = json!([{"name": "search", "description": "an older description", "type": 1}]);
    let url = format!(
        "{}/api/v10/applications/{}/commands",
        fake.api_base(),
        FakeDiscord::APP_ID
    );
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let status = client
        .put(&url)
        .header("authorization", format!("Bot {}", FakeDiscord::TOKEN))
        .header("content-type", "application/json")
        .body(stale.to_string())
        .send()
        .await
        .unwrap()
        .status();
    assert!(status.is_success());
    let dir = tempfile::tempdir().unwrap();
    let mut config = support::config(vec![support::corpus()], &dir.path().join("index"));
    config.discord.api_base = fake.api_base();
    let (engine, _) = Engine::open(config).unwrap();
    let mut options = StartOptions::new(FakeDiscord::TOKEN);
    options.egress_trap = Some(fake.trap_url());
    let bot = discord::start(Arc::new(engine), options).await.unwrap();
    fake.eventually(WAIT, "the table registered globally", |f| {
        (f.commands_in(None).len() == briefbot::commands::COMMANDS.len()).then_some(())
    })
    .await
    .unwrap();
    let search = fake
        .commands_in(None)
        .into_iter()
        .find(|c| c["name"] == "search")
        .unwrap();
    assert_eq!(
        search["description"],
        "Find passages in the indexed reporting"
    );
    assert!(fake.commands_in(Some(FakeDiscord::GUILD_ID)).is_empty());
    bot.shutdown().await.unwrap();
    assert_eq!(fake.trap_hits(), 0, "{:?}", fake.trap_requests());
}

// ---- answers ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_answers_with_cited_embeds() {
    let h = Harness::start().await;
    let date = h.index_date();
    let asks = [
        ("search", json!([option("query", "ambush")])),
        ("casualties", json!([])),
        ("statement", json!([option("party", "russia")])),
        ("timeline", json!([])),
        ("sources", json!([])),
        ("help", json!([])),
        ("ask", json!([option("question", "how many were killed?")])),
    ];
    for (name, options) in asks {
        let callback = h.ask(name, options).await;
        assert_eq!(callback["type"], 4, "/{name}: {callback:#}");
        assert_message_within_limits(&callback["data"]);
        let embed = &callback["data"]["embeds"][0];
        assert!(
            footer(&callback["data"]).starts_with(&format!("/{name}")),
            "/{name}"
        );
        if name != "help" {
            assert!(
                footer(&callback["data"]).contains("1 source · index built"),
                "/{name}: {}",
                footer(&callback["data"])
            );
            assert!(
                embed["description"].as_str().unwrap().contains("[1]"),
                "/{name} cites"
            );
        }
        snapshot(&format!("answer_{name}"), &redacted(&callback, &date));
    }
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_matching_parties() {
    let h = Harness::start().await;
    let ix = FakeDiscord::autocomplete("statement", json!([focused("party", "aze")])).build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_eq!(callback["type"], 8);
    let choices = callback["data"]["choices"].as_array().unwrap();
    assert_eq!(choices[0]["value"], "azerbaijan", "{choices:#?}");
    assert!(
        choices[0]["name"]
            .as_str()
            .unwrap()
            .starts_with("Azerbaijan")
    );
    // Nothing typed: the parties the corpus quotes most come first, at most 25.
    let ix = FakeDiscord::autocomplete("statement", json!([focused("party", "")])).build();
    let all = h.fake.interact(ix, WAIT).await.unwrap();
    let all = all["data"]["choices"].as_array().unwrap();
    assert!(!all.is_empty() && all.len() <= 25);
    assert!(
        all[0]["name"].as_str().unwrap().contains("statement"),
        "{all:#?}"
    );
    for choice in all {
        assert!(choice["name"].as_str().unwrap().chars().count() <= 100);
    }
    let none = FakeDiscord::autocomplete("statement", json!([focused("party", "zzzz")])).build();
    let none = h.fake.interact(none, WAIT).await.unwrap();
    assert_eq!(none["data"]["choices"], json!([]));
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_buttons_turn_pages_even_after_a_restart() {
    let mut h = Harness::start_with(Some(long_corpus()), |c| c.answers.max_hits = 50, |_| {}).await;
    let ix = FakeDiscord::slash_command("search", json!([option("query", "ambush")])).build();
    let (sent, first) = h.send(ix).await;
    assert_eq!(first["type"], 4);
    let message = h.fake.original_message(&sent.token).unwrap();
    let pages = footer(&message);
    assert!(pages.contains("page 1 of"), "{pages}");
    let buttons = button_ids(&message);
    assert_eq!(buttons.len(), 2);
    assert!(
        buttons[0].1 && !buttons[1].1,
        "◀ disabled on page 1: {buttons:?}"
    );

    let (callback, message) = press_next(&h, &message).await;
    assert_eq!(callback["type"], 7, "{callback:#}");
    assert!(
        footer(&message).contains("page 2 of"),
        "{}",
        footer(&message)
    );
    assert_eq!(message["content"], "");
    assert!(button_ids(&message).iter().all(|(_, disabled)| !disabled));

    // A new process: the buttons carry all it needs.
    h.stop_bot().await;
    h.connect().await;
    let (callback, message) = press_next(&h, &message).await;
    assert_eq!(callback["type"], 7);
    assert!(
        footer(&message).contains("page 3 of"),
        "{}",
        footer(&message)
    );

    // A button whose answer has changed since (a reindex): the current answer, said so.
    let (next, _) = button_ids(&message).pop().unwrap();
    let mut parts: Vec<&str> = next.split(':').collect();
    parts[3] = "00000000";
    let (callback, _) = press(&h, &parts.join(":"), &message).await;
    assert_eq!(callback["type"], 7);
    assert!(
        callback["data"]["content"]
            .as_str()
            .unwrap()
            .contains("index has changed")
    );

    // A footer that does not match its button: said plainly, privately.
    let mut tampered = message.clone();
    tampered["embeds"][0]["footer"]["text"] = json!("/search query:something else");
    let (callback, _) = press(&h, &next, &tampered).await;
    assert_private(&callback, "Please ask the command again");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_very_long_answer_never_exceeds_a_limit() {
    let h = Harness::start_with(Some(long_corpus()), |c| c.answers.max_hits = 50, |_| {}).await;
    for (name, options) in [
        ("search", json!([option("query", "ambush")])),
        ("casualties", json!([])),
        ("timeline", json!([])),
        ("sources", json!([])),
        ("statement", json!([option("party", "azerbaijan")])),
    ] {
        let ix = FakeDiscord::slash_command(name, options).build();
        let (sent, callback) = h.send(ix).await;
        assert_message_within_limits(&callback["data"]);
        let mut message = h.fake.original_message(&sent.token).unwrap();
        let mut pages = 1;
        while button_ids(&message)
            .last()
            .is_some_and(|(_, disabled)| !disabled)
        {
            let (callback, now) = press_next(&h, &message).await;
            assert_eq!(callback["type"], 7);
            assert_message_within_limits(&callback["data"]);
            message = now;
            pages += 1;
            assert!(pages < 100, "/{name} pages without end");
        }
        let last = footer(&message);
        if pages > 1 {
            assert!(
                last.contains(&format!("page {pages} of {pages}")),
                "/{name}: {last}"
            );
        }
        if name == "search" {
            assert!(pages > 1, "50 long hits take more than one page");
        }
    }
    let refused = h.fake.requests().iter().filter(|r| r.status >= 400).count();
    assert_eq!(refused, 0, "the fake refused a body");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_full_of_mentions_and_markdown_pings_nobody() {
    let doc = "+++\ntitle = \"@everyone **Breaking** <@123>\"\npublished = 2023-03-06\noutlet = \"<@&456> News\"\n+++\n\n\
               @everyone @here the ambush <@123> and <@&456> in <#789> with **bold** and [a link](https://evil.example) ||spoiler||, three soldiers were killed.\n";
    let h = Harness::start_with(
        Some(vec![("mentions.md".into(), doc.into())]),
        |_| {},
        |_| {},
    )
    .await;
    for (name, options) in [
        ("search", json!([option("query", "ambush")])),
        ("sources", json!([])),
        ("timeline", json!([])),
        ("casualties", json!([])),
    ] {
        let callback = h.ask(name, options).await;
        let data = &callback["data"];
        assert_eq!(data["allowed_mentions"].to_string(), NO_PINGS, "/{name}");
        let text = data["embeds"].to_string();
        for raw in [
            "@everyone",
            "@here",
            "<@123>",
            "<@&456>",
            "<#789>",
            "**bold**",
            "[a link]",
            "||spoiler",
        ] {
            assert!(
                !text.contains(raw),
                "/{name}: `{raw}` reached Discord raw: {text}"
            );
        }
        if name == "search" {
            assert!(text.contains(r"\\*\\*bold\\*\\*"), "{text}");
        }
    }
    h.finish().await;
}

// ---- errors, limits, deadlines ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_options_get_a_clear_private_error() {
    let h = Harness::start().await;
    let cases = [
        (
            "search",
            json!([option("query", 42)]),
            "`query` of /search must be text",
        ),
        ("search", json!([]), "/search needs `query`"),
        (
            "search",
            json!([option("query", "x".repeat(400))]),
            "`query` is too long: 400 characters, at most 300",
        ),
        (
            "search",
            json!([option("query", "a"), option("colour", "red")]),
            "/search has no option `colour`",
        ),
        ("search", json!([option("query", true)]), "must be text"),
        (
            "statement",
            json!([option("party", "atlantis")]),
            "Unknown party `atlantis`",
        ),
        ("nonsense", json!([]), "Unknown command `/nonsense`"),
    ];
    for (name, options, expected) in cases {
        let callback = h.ask(name, options).await;
        assert_private(&callback, expected);
    }
    let date = h.index_date();
    let callback = h.ask("search", json!([])).await;
    snapshot("error_missing_option", &redacted(&callback, &date));
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_interactions_at_once_are_all_answered_within_three_seconds() {
    let h = Harness::start().await;
    let mut sent = Vec::new();
    for n in 0..100 {
        let query = ["ambush", "peacekeepers", "statement", "killed"][n % 4];
        let ix = FakeDiscord::slash_command("search", json!([option("query", query)])).build();
        sent.push(h.fake.send_interaction(ix).await);
    }
    for s in &sent {
        let callback = h.fake.callback_for(&s.id, WAIT).await.expect("answered");
        assert_eq!(callback["type"], 4);
        assert!(callback["data"]["embeds"][0]["title"].is_string());
    }
    let slowest = sent
        .iter()
        .map(|s| h.fake.response_time(&s.token).expect("a response time"))
        .max()
        .unwrap();
    assert!(
        slowest < Duration::from_secs(3),
        "slowest first response: {slowest:?}"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_over_the_rate_limit_is_told_politely_and_privately() {
    let h = Harness::start_with(
        None,
        |c| {
            c.discord.rate_limit_commands = 2;
            c.discord.rate_limit_seconds = 60;
        },
        |_| {},
    )
    .await;
    for _ in 0..2 {
        assert_eq!(h.ask("help", json!([])).await["type"], 4);
    }
    let third = h.ask("help", json!([])).await;
    assert_private(&third, "at most 2 commands every 60 seconds");
    // Another member is not held back.
    let other = FakeDiscord::slash_command("help", json!([]))
        .member(FakeDiscord::USER_ID + 1, &[], perms::MEMBER)
        .build();
    let callback = h.fake.interact(other, WAIT).await.unwrap();
    assert!(callback["data"]["embeds"][0].is_object());
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_answer_is_deferred_then_edited() {
    let h = Harness::start_with(None, |_| {}, |o| o.defer_after = Duration::ZERO).await;
    let ix = FakeDiscord::slash_command("search", json!([option("query", "ambush")])).build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    assert_eq!(callback["data"]["flags"], Value::Null, "a public deferral");
    let edit = h.fake.edit_of_original(&sent.token, WAIT).await.unwrap();
    assert_message_within_limits(&edit);
    assert!(footer(&edit).starts_with("/search query:ambush"));

    // A mistake found only while answering: the public "thinking..." goes, a private note
    // says what to do.
    let ix = FakeDiscord::slash_command("search", json!([option("query", "!!!")])).build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    let private = h
        .fake
        .eventually(WAIT, "a private follow-up", |f| {
            f.followups(&sent.token).pop()
        })
        .await
        .unwrap();
    assert_eq!(private["flags"], 64);
    assert!(
        private["content"]
            .as_str()
            .unwrap()
            .starts_with("Nothing to search for")
    );
    assert_eq!(private["allowed_mentions"].to_string(), NO_PINGS);
    let deleted = h.fake.requests().iter().any(|r| {
        r.method == "DELETE"
            && r.route()
                .ends_with(&format!("{}/messages/@original", sent.token))
    });
    assert!(deleted, "the public deferral is removed");
    h.finish().await;
}

// ---- admin ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_defers_then_reports_and_is_audited() {
    let h = Harness::start_with(None, |c| c.discord.admin_roles = vec![MOD_ROLE], |_| {}).await;
    let before = h.generation();
    let ix = FakeDiscord::slash_command("reindex", json!([]))
        .member(FakeDiscord::USER_ID, &[MOD_ROLE], perms::MEMBER)
        .build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5, "{callback:#}");
    assert_eq!(callback["data"]["flags"], 64, "admin replies are private");
    let edit = h.fake.edit_of_original(&sent.token, WAIT).await.unwrap();
    let content = edit["content"].as_str().unwrap();
    assert!(content.starts_with("Reindexed: 1 document, "), "{content}");
    assert!(content.contains("paragraphs in"), "{content}");
    assert_eq!(edit["allowed_mentions"].to_string(), NO_PINGS);
    assert_ne!(h.generation(), before, "a new generation answers");
    let audit = h
        .fake
        .wait_message_posted(AUDIT_CHANNEL, WAIT)
        .await
        .unwrap();
    let line = audit["content"].as_str().unwrap();
    assert!(
        line.starts_with(&format!("`/reindex` by <@{}>", FakeDiscord::USER_ID)),
        "{line}"
    );
    assert!(line.contains("done: Reindexed: 1 document"), "{line}");
    assert_eq!(audit["allowed_mentions"].to_string(), NO_PINGS);
    snapshot("reindex_edit", &redacted(&edit, &h.index_date()));
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_without_the_right_is_refused_and_nothing_runs() {
    // Without lists, Discord's permission decides: an ordinary member is refused.
    let h = Harness::start().await;
    let before = h.generation();
    let callback = h.ask("reindex", json!([])).await;
    assert_private(&callback, "is for moderators");
    let audit = h
        .fake
        .wait_message_posted(AUDIT_CHANNEL, WAIT)
        .await
        .unwrap();
    assert!(
        audit["content"]
            .as_str()
            .unwrap()
            .contains("refused: not a moderator")
    );
    assert_nothing_ran(&h, &before);
    snapshot("reindex_refused", &redacted(&callback, &h.index_date()));
    h.finish().await;

    // With a role list, Manage Server alone is not enough.
    let h = Harness::start_with(None, |c| c.discord.admin_roles = vec![MOD_ROLE], |_| {}).await;
    let before = h.generation();
    let ix = FakeDiscord::slash_command("reindex", json!([]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_private(&callback, "is for moderators");
    assert_nothing_ran(&h, &before);
    h.finish().await;
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

/// Holds the single index writer before its next job until [`release`], so a test can
/// keep a job in flight for exactly as long as it needs.
fn block_rebuilds(h: &Harness) -> (briefbot::jobs::Held, PathBuf) {
    let held = h
        .bot
        .as_ref()
        .expect("a running bot")
        .indexer()
        .expect("one briefing")
        .hold();
    (
        held,
        h.engine.config().corpus.folders[0].join("zz-late-report.md"),
    )
}

/// Adds a late report to the corpus, then lets the held job run.
async fn release((held, late): (briefbot::jobs::Held, PathBuf)) {
    std::fs::write(
        &late,
        // Dated: an undated document cannot be read back from the catalog yet.
        "+++\ntitle = \"Late report\"\npublished = 2023-03-07\n+++\n\nA late paragraph.\n",
    )
    .expect("the late report is written");
    drop(held);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_reindex_while_one_runs_is_told_so() {
    let h = Harness::start_with(Some(bundled_copy()), |_| {}, |_| {}).await;
    let blocked = block_rebuilds(&h);
    let admin = || {
        FakeDiscord::slash_command("reindex", json!([]))
            .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
            .build()
    };
    let (first, callback) = h.send(admin()).await;
    assert_eq!(callback["type"], 5);
    let second = h.fake.interact(admin(), WAIT).await.unwrap();
    assert_private(&second, "A reindex is already running");
    release(blocked).await;
    let edit = h.fake.edit_of_original(&first.token, WAIT).await.unwrap();
    assert!(
        edit["content"]
            .as_str()
            .unwrap()
            .starts_with("Reindexed: 2 documents"),
        "{edit:#}"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_an_answer_in_flight_finish() {
    let mut h = Harness::start_with(Some(bundled_copy()), |_| {}, |_| {}).await;
    let blocked = block_rebuilds(&h);
    let ix = FakeDiscord::slash_command("reindex", json!([]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    let bot = h.bot.take().unwrap();
    assert_eq!(bot.in_flight(), 1);
    let stopping = tokio::spawn(bot.shutdown());
    // Shards stop, but the reindex is in flight: shutdown waits for it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !stopping.is_finished(),
        "shutdown returned with a reindex in flight"
    );
    assert!(h.fake.edits_of_original(&sent.token).is_empty());
    release(blocked).await;
    tokio::time::timeout(WAIT, stopping)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let edits = h.fake.edits_of_original(&sent.token);
    assert_eq!(
        edits.len(),
        1,
        "the reindex reported before shutdown returned"
    );
    assert!(
        edits[0]["content"]
            .as_str()
            .unwrap()
            .starts_with("Reindexed: 2 documents")
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_naming_a_source_offer_the_indexed_sources() {
    // No command takes a source yet; the choices are made for any option of that kind.
    let h = Harness::start_with(Some(long_corpus()), |_| {}, |_| {}).await;
    let all = discord::choices(&h.engine, briefbot::commands::OptionKind::Source, "");
    assert_eq!(all.len(), 25, "at most 25 of the 30 sources");
    assert_eq!(all[0].value, "report-01.md");
    assert!(
        all.iter()
            .all(|c| c.name.chars().count() <= 100 && c.value.chars().count() <= 100)
    );
    let some = discord::choices(
        &h.engine,
        briefbot::commands::OptionKind::Source,
        "report-1",
    );
    let values: Vec<&str> = some.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values.len(), 10, "{values:?}");
    assert!(values.iter().all(|v| v.starts_with("report-1")));
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internal_failure_is_private_with_an_error_id() {
    let h = Harness::start().await;
    // The rebuild cannot write: the index folder has become a file. The old generation is
    // open and keeps answering.
    let index = h.engine.config().index.path.clone();
    std::fs::remove_dir_all(&index).unwrap();
    std::fs::write(&index, "not a folder").unwrap();
    let ix = FakeDiscord::slash_command("reindex", json!([]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["type"], 5);
    let edit = h.fake.edit_of_original(&sent.token, WAIT).await.unwrap();
    let content = edit["content"].as_str().unwrap();
    let id = regex::Regex::new(r"^Sorry, something went wrong on my side \(error ([0-9a-f]{8})\)")
        .unwrap();
    let found = id.captures(content).unwrap_or_else(|| panic!("{content}"));
    let audit = h
        .fake
        .wait_message_posted(AUDIT_CHANNEL, WAIT)
        .await
        .unwrap();
    assert!(
        audit["content"]
            .as_str()
            .unwrap()
            .contains(&format!("failed (error {})", &found[1]))
    );
    let still = h.ask("search", json!([option("query", "ambush")])).await;
    assert_eq!(still["type"], 4, "the old index still answers");
    h.finish().await;
}

// ---- the moderators' commands ----

const ANNOUNCE_CHANNEL: u64 = 1_100_000_000_000_000_098;
/// The fetch cap the moderators' tests run under: small, so an oversized file is cheap.
const MAX_BYTES: usize = 64 * 1024;

const STORY: &str = r#"<!doctype html><html lang="en"><head>
<title>Checkpoint standoff | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Azerbaijan sets up checkpoint on Lachin road","datePublished":"2023-04-23","publisher":{"name":"Example Wire"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<p>Azerbaijan set up a checkpoint at the entrance of the Lachin corridor on Sunday, next to the quillwort meadow, its border service said.</p>
<p>Armenia's Foreign Ministry called the move a gross violation of the 2020 ceasefire and urged Russian peacekeepers to act.</p>
</article>
<aside class="related"><a href="/a">Read more: earlier clashes</a></aside>
</body></html>"#;

/// What a moderator attaches to `/ingest`.
const UPLOAD: &str = "+++\ntitle = \"Shelling reported near Shusha\"\noutlet = \"Upload Gazette\"\npublished = 2023-03-08\n+++\n\n\
    Residents reported shelling near the marmalade bridge on Wednesday, a local official said.\n\n\
    No casualties were reported, the official added.\n";

/// A web server on loopback: a story (at any path ending in `story.html`), a feed whose
/// entries the test sets and its entries' pages, and files as Discord's CDN would hold
/// them. It remembers every path asked for.
struct Web {
    base: String,
    hits: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

type FeedItems = Arc<Mutex<Vec<(&'static str, &'static str)>>>;

impl Web {
    async fn start(feed: FeedItems) -> Web {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let shared = (base.clone(), feed, Arc::clone(&hits));
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let (base, feed, hits) = shared.clone();
            async move {
                hits.lock().unwrap().push(uri.path().to_string());
                let items = feed.lock().unwrap().clone();
                serve_path(&base, &items, uri.path())
            }
        });
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Web { base, hits, task }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Web {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn serve_path(base: &str, feed: &[(&str, &str)], path: &str) -> axum::response::Response {
    use axum::http::{StatusCode, header::CONTENT_TYPE};
    use axum::response::IntoResponse;
    let html = |body: String| ([(CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    let page = |title: &str, text: &str| {
        html(format!(
            "<html><head><title>{title}</title></head><body><article><p>{text}</p><p>Talks continue, officials said.</p></article></body></html>"
        ))
    };
    let file = |body: Vec<u8>| ([(CONTENT_TYPE, "application/octet-stream")], body).into_response();
    match path {
        "/feed.xml" => {
            let items: String = feed
                .iter()
                .map(|(id, title)| format!("<item><title>{title}</title><link>{base}/{id}.html</link><guid>{id}</guid><description>{title}</description></item>"))
                .collect();
            let rss = format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{base}</link><description>d</description>{items}</channel></rss>"#
            );
            ([(CONTENT_TYPE, "application/rss+xml")], rss).into_response()
        }
        "/a1.html" => page(
            "Mines found on the road",
            "Sappers said they found anti-tank mines near the zanzibarite checkpoint on Monday.",
        ),
        "/a2.html" => page(
            "Convoy turned back",
            "A humanitarian convoy was turned back at the quixotic barrier on Tuesday, the Red Cross said.",
        ),
        "/upload.md" => file(UPLOAD.as_bytes().to_vec()),
        "/liar.md" => file(vec![b'x'; MAX_BYTES * 2]),
        p if p.ends_with("story.html") => html(STORY.to_string()),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A bot on a copy of the bundled article that may fetch from loopback and announces
/// new feed entries.
async fn newsroom() -> Harness {
    Harness::start_with(
        Some(bundled_copy()),
        |c| {
            c.fetch.allow_hosts = vec!["127.0.0.1".into()];
            c.fetch.timeout_seconds = 5;
            c.fetch.max_bytes = MAX_BYTES;
            c.discord.announce_channel = Some(ANNOUNCE_CHANNEL);
        },
        |_| {},
    )
    .await
}

/// A command from a member with Manage Server, which makes a moderator when bot.toml lists
/// no roles.
fn moderator(name: &str, options: Value) -> crate::fake_discord::InteractionBuilder {
    FakeDiscord::slash_command(name, options).member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
}

/// Runs a moderator's command; returns its private result: the reply, when refused at
/// once, or else the edit of the private deferral.
async fn moderate(h: &Harness, ix: Value) -> String {
    let (sent, callback) = h.send(ix).await;
    assert_eq!(callback["data"]["flags"], 64, "not private: {callback:#}");
    let body = match callback["type"].as_u64() {
        Some(4) => callback["data"].clone(),
        Some(5) => h.fake.edit_of_original(&sent.token, WAIT).await.unwrap(),
        _ => panic!("neither a reply nor a deferral: {callback:#}"),
    };
    assert_message_within_limits(&body);
    body["content"].as_str().unwrap_or_default().to_string()
}

/// The embeds of a `/search` from an ordinary member, as JSON text.
async fn search(h: &Harness, query: &str) -> String {
    let callback = h.ask("search", json!([option("query", query)])).await;
    assert_eq!(callback["type"], 4, "{callback:#}");
    callback["data"]["embeds"].to_string()
}

async fn choices(h: &Harness, command: &str, typed: &str) -> Vec<Value> {
    let ix = FakeDiscord::autocomplete(command, json!([focused("source", typed)]))
        .member(FakeDiscord::USER_ID, &[], perms::MANAGE_GUILD)
        .build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_eq!(callback["type"], 8, "{callback:#}");
    callback["data"]["choices"].as_array().cloned().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_ingests_an_address_and_it_is_answered_from_at_once() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let story = web.url("/story.html");
    let ix = moderator("ingest", json!([option("url", story.clone())])).build();
    let text = moderate(&h, ix).await;
    assert!(
        text.starts_with("Added “Azerbaijan sets up checkpoint on Lachin road” — Example Wire"),
        "{text}"
    );
    let found = search(&h, "quillwort").await;
    assert!(
        found.contains(&story) && found.contains("Lachin road"),
        "cited at once: {found}"
    );
    let audit = h
        .fake
        .wait_message_posted(AUDIT_CHANNEL, WAIT)
        .await
        .unwrap();
    let line = audit["content"].as_str().unwrap();
    assert!(
        line.starts_with(&format!("`/ingest url:{story}` by <@")),
        "{line}"
    );
    assert!(line.contains("done: Added"), "{line}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attached_file_is_ingested_and_an_oversized_one_refused() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let attach = |name: &str, size: usize, url: String| {
        moderator("ingest", json!([]))
            .attachment("file", name, size as u64, &url)
            .build()
    };
    let text = moderate(&h, attach("upload.md", UPLOAD.len(), web.url("/upload.md"))).await;
    assert!(
        text.starts_with("Added “Shelling reported near Shusha” — Upload Gazette"),
        "{text}"
    );
    assert!(
        search(&h, "marmalade")
            .await
            .contains("Shelling reported near Shusha")
    );

    // Larger than the cap by Discord's account: refused at once, never downloaded.
    let callback = h
        .fake
        .interact(attach("huge.md", 10_000_000, web.url("/huge.md")), WAIT)
        .await
        .unwrap();
    assert_private(&callback, &format!("over the limit of {MAX_BYTES}"));
    // Longer than announced: cut off while it streams.
    let text = moderate(&h, attach("liar.md", 100, web.url("/liar.md"))).await;
    assert!(text.contains("over the limit"), "{text}");
    // Anywhere but Discord's file server (or a host bot.toml trusts): not fetched.
    let text = moderate(
        &h,
        attach("far.md", 100, "https://files.example/far.md".into()),
    )
    .await;
    assert!(text.contains("not Discord's file server"), "{text}");
    assert!(
        !web.hits().contains(&"/huge.md".to_string()),
        "{:?}",
        web.hits()
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_then_restore_a_long_address_chosen_by_autocomplete() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let long = web.url(&format!("/{}story.html", "a-long-path-segment/".repeat(5)));
    assert!(long.chars().count() > 100);
    let text = moderate(
        &h,
        moderator("ingest", json!([option("url", long.clone())])).build(),
    )
    .await;
    assert!(text.starts_with("Added"), "{text}");

    // /forget offers the indexed sources; one too long for Discord comes shortened.
    let offered = choices(&h, "forget", "checkpoint").await;
    assert_eq!(offered.len(), 1, "{offered:#?}");
    let value = offered[0]["value"].as_str().unwrap().to_string();
    assert!(offered[0]["name"].as_str().unwrap().contains("Lachin road"));
    assert_eq!(value.chars().count(), 100);
    assert!(
        value.starts_with(&long[..60]) && value.contains("…#"),
        "{value}"
    );
    let text = moderate(
        &h,
        moderator("forget", json!([option("source", value.clone())])).build(),
    )
    .await;
    assert!(
        text.starts_with("Forgot “Azerbaijan sets up checkpoint on Lachin road”"),
        "{text}"
    );
    assert!(!search(&h, "quillwort").await.contains("Lachin road"));

    // A member who is not a moderator is offered nothing from the trash.
    let ix = FakeDiscord::autocomplete("restore", json!([focused("source", "")]))
        .member(FakeDiscord::USER_ID, &[], perms::MEMBER)
        .build();
    let callback = h.fake.interact(ix, WAIT).await.unwrap();
    assert_eq!(callback["data"]["choices"], json!([]), "{callback:#}");

    // Now only /restore offers it: from the trash, not the catalog.
    assert!(choices(&h, "forget", "checkpoint").await.is_empty());
    let trash = choices(&h, "restore", "").await;
    assert_eq!(trash.len(), 1, "{trash:#?}");
    assert_eq!(trash[0]["value"], value.as_str());
    assert!(trash[0]["name"].as_str().unwrap().contains("forgotten"));
    let text = moderate(
        &h,
        moderator("restore", json!([option("source", value)])).build(),
    )
    .await;
    assert!(
        text.starts_with("Restored “Azerbaijan sets up checkpoint"),
        "{text}"
    );
    assert!(
        search(&h, "quillwort")
            .await
            .contains("a-long-path-segment")
    );
    assert!(choices(&h, "restore", "").await.is_empty());
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_added_and_polled_is_answered_from_and_its_new_entries_announced() {
    let h = newsroom().await;
    let items = FeedItems::new(Mutex::new(vec![("a1", "Mines found on the road")]));
    let web = Web::start(Arc::clone(&items)).await;
    let feed = web.url("/feed.xml");
    let feeds = |action: &str| {
        moderator(
            "feeds",
            json!([option("action", action), option("url", feed.clone())]),
        )
        .build()
    };
    let text = moderate(&h, feeds("add")).await;
    assert!(text.starts_with(&format!("Following {feed}")), "{text}");
    moderate(&h, feeds("poll")).await;
    assert!(
        search(&h, "zanzibarite")
            .await
            .contains(&web.url("/a1.html"))
    );
    let announced = || {
        h.fake
            .messages_posted()
            .into_iter()
            .filter(|(c, _)| *c == ANNOUNCE_CHANNEL)
            .map(|(_, body)| body)
            .collect::<Vec<_>>()
    };
    assert!(announced().is_empty(), "a first poll announces nothing");

    items.lock().unwrap().push(("a2", "Convoy turned back"));
    moderate(&h, feeds("poll")).await;
    assert!(search(&h, "quixotic").await.contains(&web.url("/a2.html")));
    let post = h
        .fake
        .wait_message_posted(ANNOUNCE_CHANNEL, WAIT)
        .await
        .unwrap();
    assert_eq!(post["allowed_mentions"].to_string(), NO_PINGS);
    let content = post["content"].as_str().unwrap();
    assert!(content.contains("**Convoy turned back**"), "{content}");
    assert!(
        content.contains(&format!("<{}>", web.url("/a2.html"))),
        "{content}"
    );
    assert_eq!(announced().len(), 1, "announced once");

    // /status: privately, with the feed's health.
    let ix = moderator("status", json!([])).build();
    let text = moderate(&h, ix).await;
    assert!(
        text.contains(&format!("{feed} — every 30 min, ok, last polled")),
        "{text}"
    );
    assert!(
        text.contains("3 documents"),
        "the article and two entries: {text}"
    );
    let listed = moderate(&h, feeds("list")).await;
    assert!(listed.starts_with(&feed), "{listed}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_is_refused_every_moderators_command_and_nothing_runs() {
    let h = newsroom().await;
    let web = Web::start(FeedItems::default()).await;
    let before = h.generation();
    let feed = web.url("/feed.xml");
    let feeds = |action: &str| json!([option("action", action), option("url", feed.clone())]);
    let source = json!([option("source", "karabakh-clash-2023-03-06.md")]);
    let asks = [
        ("reindex", json!([])),
        ("reindex", json!([option("dry_run", true)])),
        ("ingest", json!([option("url", web.url("/story.html"))])),
        ("forget", source.clone()),
        ("restore", source),
        ("feeds", feeds("add")),
        ("feeds", feeds("poll")),
        ("feeds", feeds("remove")),
        ("feeds", json!([option("action", "list")])),
        ("status", json!([])),
    ];
    for (name, options) in &asks {
        let callback = h.ask(name, options.clone()).await;
        assert_private(&callback, "is for moderators");
    }
    let attached = FakeDiscord::slash_command("ingest", json!([]))
        .attachment(
            "file",
            "upload.md",
            UPLOAD.len() as u64,
            &web.url("/upload.md"),
        )
        .build();
    let callback = h.fake.interact(attached, WAIT).await.unwrap();
    assert_private(&callback, "is for moderators");

    assert_nothing_ran(&h, &before);
    assert!(
        web.hits().is_empty(),
        "nothing was fetched: {:?}",
        web.hits()
    );
    assert!(
        !h.engine.config().feeds_state().exists(),
        "no feed was followed"
    );
    let refusals = h
        .fake
        .eventually(WAIT, "every refusal audited", |f| {
            let lines: Vec<Value> = f
                .messages_posted()
                .into_iter()
                .filter(|(c, _)| *c == AUDIT_CHANNEL)
                .map(|(_, body)| body)
                .collect();
            (lines.len() == asks.len() + 1).then_some(lines)
        })
        .await
        .unwrap();
    assert!(refusals.iter().all(|l| {
        l["content"]
            .as_str()
            .unwrap()
            .ends_with("refused: not a moderator")
    }));
    h.finish().await;
}

// ---- mentions and follow-ups ----

/// The bot's replies in the default channel: the bodies it sent.
fn replies(h: &Harness) -> Vec<Value> {
    h.fake
        .messages_posted()
        .into_iter()
        .filter(|(c, _)| *c == FakeDiscord::CHANNEL_ID)
        .map(|(_, body)| body)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_in_a_reply_and_a_reply_to_it_read_as_a_follow_up() {
    let h = Harness::start().await;
    let question = FakeDiscord::user_message("how many Azerbaijani soldiers were killed?")
        .mention_bot()
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", question.clone())
        .await;
    let answers = h
        .fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 1, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(0);
    assert_message_within_limits(&body);
    assert_eq!(body["message_reference"]["message_id"], question["id"]);
    assert_eq!(body["message_reference"]["fail_if_not_exists"], false);
    let embed = &body["embeds"][0];
    let title = embed["title"].as_str().unwrap();
    assert!(
        title.contains("casualties on the Azerbaijani side"),
        "{title}"
    );
    let cited: Vec<&str> = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert!(
        cited.iter().any(|c| c.contains("paragraph 7")),
        "{cited:#?}"
    );
    assert!(
        cited.iter().any(|c| c.contains("paragraph 4")),
        "{cited:#?}"
    );
    assert!(footer(&body).starts_with("/ask question:how many Azerbaijani soldiers"));

    // "and Russia?" in reply to that answer: the same question about another side.
    let follow_up = FakeDiscord::user_message("and Russia?")
        .reply_to(answers[0].clone())
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", follow_up.clone())
        .await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 2, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(1);
    assert_message_within_limits(&body);
    assert_eq!(body["message_reference"]["message_id"], follow_up["id"]);
    let title = body["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("Russia"), "read as a follow-up: {title}");
    assert!(title.contains("casualties"), "{title}");

    // After a restart the bot remembers nothing, but the first answer's footer still holds
    // its question.
    let mut h = h;
    h.stop_bot().await;
    h.connect().await;
    let again = FakeDiscord::user_message("what about Armenia?")
        .reply_to(answers[0].clone())
        .build();
    h.fake.send_dispatch("MESSAGE_CREATE", again.clone()).await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 3, WAIT)
        .await
        .unwrap();
    let body = replies(&h).remove(2);
    assert_eq!(body["message_reference"]["message_id"], again["id"]);
    let title = body["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("casualties on the Armenian side"), "{title}");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_not_for_the_bot_are_ignored_and_mentions_are_rate_limited() {
    let h = Harness::start_with(
        None,
        |c| {
            c.discord.rate_limit_commands = 1;
            c.discord.rate_limit_seconds = 60;
        },
        |_| {},
    )
    .await;
    let other_bot = FakeDiscord::USER_ID + 7;
    for ignored in [
        // No mention: Discord even blanks its text, as the bot lacks MESSAGE_CONTENT.
        FakeDiscord::user_message("how many were killed?").build(),
        FakeDiscord::user_message("how many were killed?")
            .by_bot(other_bot, "otherbot")
            .mention_bot()
            .build(),
        FakeDiscord::user_message("how many were killed?")
            .by_bot(FakeDiscord::BOT_USER_ID, FakeDiscord::BOT_USERNAME)
            .mention_bot()
            .build(),
    ] {
        h.fake.send_dispatch("MESSAGE_CREATE", ignored).await;
    }
    // A bare mention gets a line of help; the same person again within the minute gets
    // nothing; someone else is answered.
    let bare = FakeDiscord::user_message("").mention_bot().build();
    h.fake.send_dispatch("MESSAGE_CREATE", bare.clone()).await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 1, WAIT)
        .await
        .unwrap();
    let again = FakeDiscord::user_message("how many were killed?")
        .mention_bot()
        .build();
    h.fake.send_dispatch("MESSAGE_CREATE", again).await;
    let someone = FakeDiscord::user_message("how many were killed?")
        .author(FakeDiscord::USER_ID + 1, "someone", &[])
        .mention_bot()
        .build();
    h.fake
        .send_dispatch("MESSAGE_CREATE", someone.clone())
        .await;
    h.fake
        .wait_channel_messages(FakeDiscord::CHANNEL_ID, 2, WAIT)
        .await
        .unwrap();
    // Events are handled in tasks of their own: give a stray reply time to show.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = replies(&h);
    assert_eq!(sent.len(), 2, "{sent:#?}");
    assert_eq!(sent[0]["message_reference"]["message_id"], bare["id"]);
    assert!(
        sent[0]["content"]
            .as_str()
            .unwrap()
            .starts_with("Ask me about the reporting")
    );
    assert_eq!(sent[0]["allowed_mentions"].to_string(), NO_PINGS);
    assert_eq!(sent[1]["message_reference"]["message_id"], someone["id"]);
    assert!(
        sent[1]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Read as:")
    );
    h.finish().await;
}
