//! Briefings on Discord: two servers bound to two briefings, each answered only from its
//! own corpus, each moderated only by its own moderators, against the fake Discord.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use briefbot::config::{BriefingSpec, Config};
use briefbot::discord::{self, RunningBot, StartOptions};
use serde_json::{Value, json};

use crate::fake_discord::{FakeDiscord, InteractionBuilder, focused, option, perms};
use crate::support;

const WAIT: Duration = Duration::from_secs(15);
const GUILD_A: u64 = 1_200_000_000_000_000_001;
const GUILD_B: u64 = 1_200_000_000_000_000_002;
const GUILD_NONE: u64 = 1_200_000_000_000_000_003;
const GUILD_C: u64 = 1_200_000_000_000_000_004;
const CHANNEL_A: u64 = 1_200_000_000_000_000_011;
const CHANNEL_B: u64 = 1_200_000_000_000_000_012;
/// A channel of server A bound to briefing b: the channel's binding wins.
const CHANNEL_A_READS_B: u64 = 1_200_000_000_000_000_013;
const CHANNEL_C: u64 = 1_200_000_000_000_000_014;
const ROLE_A: u64 = 1_200_000_000_000_000_021;
const ROLE_B: u64 = 1_200_000_000_000_000_022;
const MOD_A: u64 = 1_200_000_000_000_000_031;
const MOD_B: u64 = 1_200_000_000_000_000_032;
const MEMBER: u64 = 1_200_000_000_000_000_033;
const AUDIT_A: u64 = 1_200_000_000_000_000_041;
const AUDIT_B: u64 = 1_200_000_000_000_000_042;

const KARABAKH_TITLE: &str = "Russia says its peacekeepers halted weekend clash in Karabakh";
const GLACIER_TITLE: &str = "Glacier dam talks resume in the valley";
const HARBOUR_TITLE: &str = "Harbour strike enters its second week";

struct Harness {
    fake: FakeDiscord,
    bot: Option<RunningBot>,
    dir: tempfile::TempDir,
}

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(folder).expect("a corpus folder");
    std::fs::write(folder.join(name), text).expect("a corpus file");
}

fn article(title: &str, url: &str, text: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\npublished = 2024-05-02\noutlet = \"Wire\"\nurl = \"{url}\"\n+++\n\n{text}\n"
    )
}

fn spec(name: &str, root: &Path) -> BriefingSpec {
    BriefingSpec {
        name: name.into(),
        corpus: vec![root.join(name).join("corpus")],
        ingested: None,
        trash: None,
        index: root.join(name).join("index"),
        guild_ids: Vec::new(),
        channel_ids: Vec::new(),
        admin_roles: Vec::new(),
        audit_channel: None,
        announce_channel: None,
        feeds: Vec::new(),
    }
}

impl Harness {
    /// Briefing `a` (the bundled article) in server A, `b` (a glacier story) in server B
    /// and in one channel of A, `c` (a harbour story) in server C; server NONE has none.
    async fn start(configure: impl FnOnce(&mut Config)) -> Harness {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        support::copy_of_corpus(&root.join("a"));
        write(
            &root.join("b").join("corpus"),
            "glacier.md",
            &article(
                GLACIER_TITLE,
                "https://alpine.example/dam",
                "Negotiators met at the glacier dam on Tuesday, the water ministry said.",
            ),
        );
        write(
            &root.join("c").join("corpus"),
            "harbour.md",
            &article(
                HARBOUR_TITLE,
                "https://port.example/strike",
                "Dock workers kept the harbour closed on Monday, the union said.",
            ),
        );
        let mut config = Config::default();
        let mut a = spec("a", root);
        a.guild_ids = vec![GUILD_A];
        a.admin_roles = vec![ROLE_A];
        a.audit_channel = Some(AUDIT_A);
        let mut b = spec("b", root);
        b.guild_ids = vec![GUILD_B];
        b.channel_ids = vec![CHANNEL_A_READS_B];
        b.admin_roles = vec![ROLE_B];
        b.audit_channel = Some(AUDIT_B);
        let mut c = spec("c", root);
        c.guild_ids = vec![GUILD_C];
        config.briefings = vec![a, b, c];
        config.discord.api_base = fake.api_base();
        config.discord.guild_ids = vec![GUILD_A, GUILD_B, GUILD_C, GUILD_NONE];
        config.discord.rate_limit_commands = 10_000;
        configure(&mut config);
        let mut options = StartOptions::new(FakeDiscord::TOKEN);
        options.egress_trap = Some(fake.trap_url());
        let bot = discord::start_briefings(config, options)
            .await
            .expect("the bot starts");
        fake.wait_identified(WAIT)
            .await
            .expect("the bot identifies");
        fake.wait_commands_registered(WAIT)
            .await
            .expect("the bot registers its commands");
        Harness {
            fake,
            bot: Some(bot),
            dir,
        }
    }

    fn bot(&self) -> &RunningBot {
        self.bot.as_ref().expect("a running bot")
    }

    fn folder(&self, briefing: &str) -> PathBuf {
        self.dir.path().join(briefing)
    }

    /// Every file of a briefing's corpus, ingested and trash folders, relative paths.
    fn files(&self, briefing: &str) -> Vec<String> {
        let root = self.folder(briefing).join("corpus");
        let mut found = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let relative = path.strip_prefix(&root).unwrap_or(&path);
                    found.push(relative.display().to_string());
                }
            }
        }
        found.sort();
        found
    }

    async fn send(&self, ix: Value) -> Value {
        self.fake.interact(ix, WAIT).await.expect("an answer")
    }

    /// The text of a command's answer: a reply, or the edit of its deferral.
    async fn text_of(&self, ix: Value) -> (Value, String) {
        let sent = self.fake.send_interaction(ix).await;
        let callback = self
            .fake
            .callback_for(&sent.id, WAIT)
            .await
            .expect("a callback");
        let body = match callback["type"].as_u64() {
            Some(4) => callback["data"].clone(),
            Some(5) => self
                .fake
                .edit_of_original(&sent.token, WAIT)
                .await
                .expect("the deferral is edited"),
            _ => panic!("neither a reply nor a deferral: {callback:#}"),
        };
        (callback, body.to_string())
    }

    async fn finish(mut self) {
        if let Some(bot) = self.bot.take() {
            tokio::time::timeout(WAIT, bot.shutdown())
                .await
                .expect("shutdown in time")
                .expect("a clean shutdown");
        }
        assert_eq!(
            self.fake.trap_hits(),
            0,
            "requests tried to leave loopback: {:?}",
            self.fake.trap_requests()
        );
    }
}

fn sources_in(guild: u64, channel: u64) -> Value {
    FakeDiscord::slash_command("sources", json!([]))
        .guild(guild)
        .channel(channel)
        .member(MEMBER, &[], perms::MEMBER)
        .build()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_are_each_answered_from_their_own_briefing_only() {
    let h = Harness::start(|_| {}).await;
    let (_, in_a) = h.text_of(sources_in(GUILD_A, CHANNEL_A)).await;
    assert!(in_a.contains(KARABAKH_TITLE), "{in_a}");
    assert!(!in_a.contains(GLACIER_TITLE), "{in_a}");
    let (_, in_b) = h.text_of(sources_in(GUILD_B, CHANNEL_B)).await;
    assert!(in_b.contains(GLACIER_TITLE), "{in_b}");
    assert!(!in_b.contains(KARABAKH_TITLE), "{in_b}");
    // A channel bound on its own answers from its briefing, not its server's.
    let (_, in_channel) = h.text_of(sources_in(GUILD_A, CHANNEL_A_READS_B)).await;
    assert!(in_channel.contains(GLACIER_TITLE), "{in_channel}");
    assert!(!in_channel.contains(KARABAKH_TITLE), "{in_channel}");

    // A search finds only its own server's reporting.
    let search = |guild, channel| {
        FakeDiscord::slash_command("search", json!([option("query", "glacier")]))
            .guild(guild)
            .channel(channel)
            .build()
    };
    let (_, found) = h.text_of(search(GUILD_B, CHANNEL_B)).await;
    assert!(found.contains("alpine.example"), "{found}");
    let (_, not_found) = h.text_of(search(GUILD_A, CHANNEL_A)).await;
    assert!(!not_found.contains("alpine.example"), "{not_found}");

    // A server without a briefing is told so privately, and given nobody's data.
    let callback = h.send(sources_in(GUILD_NONE, CHANNEL_A + 100)).await;
    assert_eq!(callback["type"], 4, "{callback:#}");
    assert_eq!(callback["data"]["flags"], 64, "{callback:#}");
    let text = callback["data"]["content"].as_str().unwrap_or_default();
    assert!(
        text.contains("No briefing answers in this server"),
        "{text}"
    );
    assert!(
        callback["data"]["embeds"]
            .as_array()
            .is_none_or(Vec::is_empty)
    );
    // So is a direct message, which no server binds.
    let dm = FakeDiscord::slash_command("sources", json!([]))
        .dm()
        .build();
    let callback = h.send(dm).await;
    assert!(
        callback["data"]["content"]
            .as_str()
            .unwrap_or_default()
            .contains("No briefing"),
        "{callback:#}"
    );

    // Mentions too: answered from the channel's briefing, and no one's where none is.
    for (guild, channel, expected, absent) in [
        (GUILD_B, CHANNEL_B, "alpine.example", "Karabakh"),
        (
            GUILD_NONE,
            CHANNEL_C + 100,
            "No briefing answers",
            "alpine.example",
        ),
    ] {
        let message = FakeDiscord::user_message("what did the ministry say about the dam?")
            .guild(guild)
            .channel(channel)
            .mention_bot()
            .build();
        h.fake.send_dispatch("MESSAGE_CREATE", message).await;
        let reply = h
            .fake
            .wait_message_posted(channel, WAIT)
            .await
            .expect("a reply")
            .to_string();
        assert!(reply.contains(expected), "{reply}");
        assert!(!reply.contains(absent), "{reply}");
    }
    h.finish().await;
}

fn by(user: u64, roles: &[u64], builder: InteractionBuilder) -> InteractionBuilder {
    builder.member(user, roles, perms::MEMBER | perms::MANAGE_GUILD)
}

/// Each person and server: who may act where. Every moderator here also has Manage
/// Server: with roles listed, only the briefing's roles (and `[discord]` admins) count.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_act_only_on_their_own_servers_briefing() {
    let h = Harness::start(|_| {}).await;
    let a_files = h.files("a");
    let b_files = h.files("b");
    let people: [(&str, u64, &[u64]); 4] = [
        ("moderator of a", MOD_A, &[ROLE_A]),
        ("moderator of b", MOD_B, &[ROLE_B]),
        ("member", MEMBER, &[]),
        // Crafted: both roles at once, as no real member of one server holds.
        ("both roles", MOD_A, &[ROLE_A, ROLE_B]),
    ];
    let places = [("a", GUILD_A, CHANNEL_A), ("b", GUILD_B, CHANNEL_B)];
    for (who, user, roles) in people {
        for (briefing, guild, channel) in places {
            let may = roles.contains(&if briefing == "a" { ROLE_A } else { ROLE_B });
            // /status: the briefing's own figures, or a refusal.
            let ix = by(user, roles, FakeDiscord::slash_command("status", json!([])))
                .guild(guild)
                .channel(channel)
                .build();
            let (callback, text) = h.text_of(ix).await;
            assert_eq!(
                callback["data"]["flags"], 64,
                "{who} in {briefing}: {callback:#}"
            );
            assert_eq!(
                text.contains("for moderators"),
                !may,
                "{who} in {briefing}: {text}"
            );
            // Autocomplete of /forget: the briefing's own sources, for its moderators only.
            let ix = by(
                user,
                roles,
                FakeDiscord::autocomplete("forget", json!([focused("source", "")])),
            )
            .guild(guild)
            .channel(channel)
            .build();
            let offered = h.send(ix).await["data"]["choices"].to_string();
            let own = if briefing == "a" {
                "article.md"
            } else {
                "glacier.md"
            };
            let other = if briefing == "a" {
                "glacier.md"
            } else {
                "article.md"
            };
            assert_eq!(offered.contains(own), may, "{who} in {briefing}: {offered}");
            assert!(!offered.contains(other), "{who} in {briefing}: {offered}");
            // /forget of the other briefing's source: refused, or not found here.
            let ix = by(
                user,
                roles,
                FakeDiscord::slash_command("forget", json!([option("source", other)])),
            )
            .guild(guild)
            .channel(channel)
            .build();
            let (_, text) = h.text_of(ix).await;
            assert!(!text.contains("Forgot"), "{who} in {briefing}: {text}");
            assert_eq!(h.files("a"), a_files, "{who} in {briefing} changed a");
            assert_eq!(h.files("b"), b_files, "{who} in {briefing} changed b");
        }
    }

    // The moderator of a forgets a's source: a's trash holds it, b is untouched, and the
    // line goes to a's audit channel only.
    let ix = by(
        MOD_A,
        &[ROLE_A],
        FakeDiscord::slash_command("forget", json!([option("source", "article.md")])),
    )
    .guild(GUILD_A)
    .channel(CHANNEL_A)
    .build();
    let (_, text) = h.text_of(ix).await;
    assert!(text.contains("Forgot"), "{text}");
    assert_ne!(h.files("a"), a_files);
    assert_eq!(h.files("b"), b_files);
    let posted_to = |channel: u64, words: &'static str| {
        let route = format!("/channels/{channel}/messages");
        move |r: &crate::fake_discord::Recorded| {
            r.is("POST", &route) && r.body.to_string().contains(words)
        }
    };
    let audit = h
        .fake
        .wait_for_request(posted_to(AUDIT_A, "Forgot"), WAIT)
        .await;
    assert!(audit.is_ok(), "{audit:?}");
    // Refusals in b were audited in b's channel.
    let refused = h
        .fake
        .wait_for_request(posted_to(AUDIT_B, "refused: not a moderator"), WAIT)
        .await;
    assert!(refused.is_ok(), "{refused:?}");
    let leaked: Vec<String> = h
        .fake
        .messages_posted()
        .into_iter()
        .filter(|(c, body)| *c == AUDIT_B && body.to_string().contains("Forgot"))
        .map(|(_, body)| body.to_string())
        .collect();
    assert!(
        leaked.is_empty(),
        "a's action in b's audit channel: {leaked:?}"
    );

    // b's moderator is never offered a's trash; a's moderator is.
    let trash = |user, roles: &[u64], guild, channel| {
        by(
            user,
            roles,
            FakeDiscord::autocomplete("restore", json!([focused("source", "")])),
        )
        .guild(guild)
        .channel(channel)
        .build()
    };
    let in_b = h.send(trash(MOD_B, &[ROLE_B], GUILD_B, CHANNEL_B)).await;
    assert_eq!(in_b["data"]["choices"], json!([]), "{in_b:#}");
    let in_a = h.send(trash(MOD_A, &[ROLE_A], GUILD_A, CHANNEL_A)).await;
    assert!(
        in_a["data"]["choices"].to_string().contains("article.md"),
        "{in_a:#}"
    );
    // And cannot restore it from b.
    let ix = by(
        MOD_B,
        &[ROLE_B],
        FakeDiscord::slash_command("restore", json!([option("source", "article.md")])),
    )
    .guild(GUILD_B)
    .channel(CHANNEL_B)
    .build();
    let (_, text) = h.text_of(ix).await;
    assert!(!text.contains("Restored"), "{text}");
    assert_eq!(h.files("b"), b_files);
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn briefings_open_on_first_use_and_the_least_recently_used_closes() {
    let h = Harness::start(|c| c.memory.max_open = 2).await;
    assert!(h.bot().briefings().open_names().is_empty());
    for (guild, channel) in [
        (GUILD_A, CHANNEL_A),
        (GUILD_B, CHANNEL_B),
        (GUILD_C, CHANNEL_C),
    ] {
        h.text_of(sources_in(guild, channel)).await;
    }
    assert_eq!(h.bot().briefings().open_names(), vec!["b", "c"]);
    // The closed one opens again when asked, and answers as before.
    let (_, text) = h.text_of(sources_in(GUILD_A, CHANNEL_A)).await;
    assert!(text.contains(KARABAKH_TITLE), "{text}");
    assert_eq!(h.bot().briefings().open_names(), vec!["c", "a"]);
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_briefings_rebuild_never_holds_up_anothers_answers() {
    let h = Harness::start(|_| {}).await;
    let a = h.bot().briefings().open("a").await.expect("a opens");
    let held = a.moderation.indexer.hold();
    let reindex = by(
        MOD_A,
        &[ROLE_A],
        FakeDiscord::slash_command("reindex", json!([])),
    )
    .guild(GUILD_A)
    .channel(CHANNEL_A)
    .build();
    let sent = h.fake.send_interaction(reindex).await;
    let callback = h.fake.callback_for(&sent.id, WAIT).await.expect("deferred");
    assert_eq!(callback["type"], 5, "{callback:#}");
    assert!(a.moderation.indexer.is_busy());
    // b answers while a's writer is held with its reindex queued.
    let started = std::time::Instant::now();
    let (_, text) = h.text_of(sources_in(GUILD_B, CHANNEL_B)).await;
    assert!(text.contains(GLACIER_TITLE), "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(a.moderation.indexer.is_busy(), "a's reindex ran meanwhile");
    drop(held);
    let done = h
        .fake
        .edit_of_original(&sent.token, WAIT)
        .await
        .expect("the reindex reports");
    assert!(done.to_string().contains("Reindexed"), "{done}");
    drop(a);
    h.finish().await;
}

fn briefbot(config: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(support::repo())
        .env_remove("DISCORD_TOKEN")
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_line_works_on_the_briefing_it_is_named() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    support::copy_of_corpus(&dir.path().join("a"));
    write(
        &dir.path().join("b").join("corpus"),
        "glacier.md",
        &article(
            GLACIER_TITLE,
            "https://alpine.example/dam",
            "The glacier dam.",
        ),
    );
    let config = dir.path().join("bot.toml");
    std::fs::write(
        &config,
        "[[briefings]]\nname = \"a\"\ncorpus = [\"a/corpus\"]\nindex = \"a/index\"\nguild_ids = [1]\n\n\
         [[briefings]]\nname = \"b\"\ncorpus = [\"b/corpus\"]\nindex = \"b/index\"\nguild_ids = [2]\n",
    )
    .expect("a configuration");
    for (briefing, own, other) in [
        ("a", KARABAKH_TITLE, GLACIER_TITLE),
        ("b", GLACIER_TITLE, KARABAKH_TITLE),
    ] {
        let output = briefbot(
            &config,
            &["ask", "--briefing", briefing, "--json", "/sources"],
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(stdout.contains(own) && !stdout.contains(other), "{stdout}");
        assert!(
            dir.path()
                .join(briefing)
                .join("index")
                .join("CURRENT")
                .exists()
        );
    }
    // Which one is not guessed.
    let output = briefbot(&config, &["ask", "--json", "/sources"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--briefing NAME") && stderr.contains("a, b"),
        "{stderr}"
    );
    let output = briefbot(&config, &["status", "--briefing", "c"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("No briefing `c`"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_briefing_that_cannot_open_is_an_apology_showing_no_path_then_opens_once_fixed() {
    let h = Harness::start(|_| {}).await;
    let corpus = h.folder("c").join("corpus");
    let aside = h.folder("c").join("corpus-aside");
    std::fs::rename(&corpus, &aside).expect("the corpus moves aside");
    let callback = h.send(sources_in(GUILD_C, CHANNEL_C)).await;
    assert_eq!(callback["data"]["flags"], 64, "{callback:#}");
    let text = callback["data"]["content"].as_str().unwrap_or_default();
    assert!(text.contains("went wrong on my side"), "{text}");
    let root = h.dir.path().display().to_string();
    assert!(
        !callback.to_string().contains(&root),
        "a path shown: {callback:#}"
    );
    // Nothing was left half-open: put back, it opens and answers.
    std::fs::rename(&aside, &corpus).expect("the corpus comes back");
    let (_, text) = h.text_of(sources_in(GUILD_C, CHANNEL_C)).await;
    assert!(text.contains(HARBOUR_TITLE), "{text}");
    h.finish().await;
}

const ANNOUNCE_A: u64 = 1_200_000_000_000_000_051;
const ANNOUNCE_B: u64 = 1_200_000_000_000_000_052;

/// A feed on loopback whose entries the test sets, and the entries' pages.
async fn feed_server(
    items: Arc<Mutex<Vec<&'static str>>>,
) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a listener");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let shared = (base.clone(), items);
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let (base, items) = shared.clone();
        async move {
            use axum::http::header::CONTENT_TYPE;
            use axum::response::IntoResponse;
            let path = uri.path().trim_start_matches('/');
            if path == "feed.xml" {
                let entries: String = items
                    .lock()
                    .expect("items")
                    .iter()
                    .map(|id| format!("<item><title>Quarry report {id}</title><link>{base}/{id}.html</link><guid>{id}</guid></item>"))
                    .collect();
                let rss = format!(
                    r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{base}</link><description>d</description>{entries}</channel></rss>"#
                );
                return ([(CONTENT_TYPE, "application/rss+xml")], rss).into_response();
            }
            let id = path.trim_end_matches(".html");
            let page = format!(
                "<html><head><title>Quarry report {id}</title></head><body><article><p>Workers at the basalt quarry {id} stopped on Monday, the union said.</p><p>Talks continue, officials said.</p></article></body></html>"
            );
            ([(CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
        }
    });
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_briefings_feeds_are_its_own_and_announced_only_in_its_channel() {
    let h = Harness::start(|c| {
        c.fetch.allow_hosts = vec!["127.0.0.1".into()];
        c.fetch.timeout_seconds = 5;
        c.briefings[0].announce_channel = Some(ANNOUNCE_A);
        c.briefings[1].announce_channel = Some(ANNOUNCE_B);
    })
    .await;
    let items: Arc<Mutex<Vec<&'static str>>> = Arc::new(Mutex::new(vec!["q1"]));
    let (base, server) = feed_server(Arc::clone(&items)).await;
    let feed = format!("{base}/feed.xml");
    let b_files = h.files("b");
    let feeds = |action: &str, user, roles: &[u64], guild, channel| {
        by(
            user,
            roles,
            FakeDiscord::slash_command(
                "feeds",
                json!([option("action", action), option("url", feed.clone())]),
            ),
        )
        .guild(guild)
        .channel(channel)
        .build()
    };
    let in_a = |action| feeds(action, MOD_A, &[ROLE_A], GUILD_A, CHANNEL_A);
    let (_, text) = h.text_of(in_a("add")).await;
    assert!(text.contains("Following"), "{text}");
    h.text_of(in_a("poll")).await;
    items.lock().expect("items").push("q2");
    h.text_of(in_a("poll")).await;
    let post = h
        .fake
        .wait_message_posted(ANNOUNCE_A, WAIT)
        .await
        .expect("an announcement in a's channel");
    assert!(post.to_string().contains("Quarry report q2"), "{post}");
    let posted_in_b: Vec<Value> = h
        .fake
        .messages_posted()
        .into_iter()
        .filter(|(c, _)| *c == ANNOUNCE_B)
        .map(|(_, body)| body)
        .collect();
    assert!(posted_in_b.is_empty(), "{posted_in_b:?}");
    // b follows no feed and indexed nothing of it.
    let (_, listed) = h
        .text_of(feeds("list", MOD_B, &[ROLE_B], GUILD_B, CHANNEL_B))
        .await;
    assert!(!listed.contains(&feed), "{listed}");
    assert_eq!(h.files("b"), b_files);
    let search = |guild, channel| {
        FakeDiscord::slash_command("search", json!([option("query", "basalt")]))
            .guild(guild)
            .channel(channel)
            .build()
    };
    let (_, found) = h.text_of(search(GUILD_A, CHANNEL_A)).await;
    assert!(found.contains("q2.html"), "{found}");
    let (_, not_found) = h.text_of(search(GUILD_B, CHANNEL_B)).await;
    assert!(!not_found.contains("q2.html"), "{not_found}");
    server.abort();
    h.finish().await;
}
