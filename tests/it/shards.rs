//! Gateway sharding against the fake Discord: the bot identifies once per shard, and each
//! guild's interactions, delivered over the shard Discord assigns it, are answered.

use std::sync::Arc;
use std::time::Duration;

use briefbot::discord::{self, StartOptions};
use briefbot::engine::Engine;
use serde_json::{Value, json};

use crate::fake_discord::FakeDiscord;
use crate::support;

/// Long enough for serenity's shard queuer, which waits 5 s between two shards' starts.
const WAIT: Duration = Duration::from_secs(30);

/// Discord's shard of a guild: `(guild >> 22) % total`.
fn shard_of(guild: u64, total: u64) -> u64 {
    (guild >> 22) % total
}

/// Two guilds, one on each of two shards.
fn guilds() -> [u64; 2] {
    let first = FakeDiscord::GUILD_ID;
    let second = first + (1 << 22);
    assert_ne!(shard_of(first, 2), shard_of(second, 2));
    [first, second]
}

async fn run(
    configure: impl FnOnce(&mut briefbot::config::Config),
    recommended: u64,
    ask_in: &[u64],
) -> (FakeDiscord, Vec<Value>, Vec<(u64, Value)>) {
    let fake = FakeDiscord::start().await;
    fake.recommend_shards(recommended);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut config = support::config(vec![support::corpus()], &dir.path().join("index"));
    config.discord.api_base = fake.api_base();
    config.discord.guild_ids = guilds().to_vec();
    configure(&mut config);
    let expected_sessions = match config.sharding() {
        briefbot::config::Sharding::Range { first, last, .. } => (last - first + 1) as usize,
        briefbot::config::Sharding::Auto => recommended as usize,
        briefbot::config::Sharding::One => 1,
    };
    let (engine, _) = Engine::open(config).expect("the bundled corpus indexes");
    let mut options = StartOptions::new(FakeDiscord::TOKEN);
    options.egress_trap = Some(fake.trap_url());
    let bot = discord::start(Arc::new(engine), options)
        .await
        .expect("the bot starts");
    fake.wait_live_sessions(expected_sessions, WAIT)
        .await
        .expect("every shard identifies");
    fake.wait_commands_registered(WAIT)
        .await
        .expect("the commands are registered");
    let mut answered = Vec::new();
    for &guild in ask_in {
        let ix = FakeDiscord::slash_command("help", json!([]))
            .guild(guild)
            .build();
        let token = ix["token"].as_str().unwrap_or_default().to_string();
        let sent = fake.send_interaction(ix).await;
        let callback = fake.callback_for(&sent.id, WAIT).await;
        let on = fake.delivered_on(&token).unwrap_or(Value::Null);
        answered.push((guild, json!({"shard": on, "answered": callback.is_ok()})));
    }
    let identifies: Vec<Value> = fake
        .identifies()
        .iter()
        .map(|d| d["shard"].clone())
        .collect();
    tokio::time::timeout(WAIT, bot.shutdown())
        .await
        .expect("shutdown in time")
        .expect("a clean shutdown");
    assert_eq!(fake.trap_hits(), 0, "{:?}", fake.trap_requests());
    (fake, identifies, answered)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_takes_discords_two_shards_and_each_guild_is_answered_by_its_own() {
    let (_fake, mut identifies, answered) =
        run(|c| c.discord.shards = Some("auto".into()), 2, &guilds()).await;
    identifies.sort_by_key(|s| s[0].as_u64());
    assert_eq!(identifies, vec![json!([0, 2]), json!([1, 2])]);
    for (guild, outcome) in answered {
        let shard = shard_of(guild, 2);
        assert_eq!(
            outcome,
            json!({"shard": [shard, 2], "answered": true}),
            "guild {guild}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_runs_only_its_share_of_the_shards() {
    let (_fake, identifies, answered) = run(
        |c| {
            c.discord.shard_ids = vec![1];
            c.discord.shard_total = Some(2);
        },
        1,
        &guilds()
            .into_iter()
            .filter(|&g| shard_of(g, 2) == 1)
            .collect::<Vec<_>>(),
    )
    .await;
    // Shard 0 is another process's: this one never connects it, so Discord sends the
    // other guild's events there.
    assert_eq!(identifies, vec![json!([1, 2])]);
    assert_eq!(answered.len(), 1);
    assert_eq!(answered[0].1, json!({"shard": [1, 2], "answered": true}));
}
