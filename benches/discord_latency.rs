//! Latency of the Discord front end: the time from an interaction reaching the (fake)
//! gateway to the bot's accepted callback, over 1,000 `/search` interactions on the bundled
//! corpus, one at a time, with the real serenity client. Prints p50, p99 and the worst; it
//! asserts nothing (the target is p99 under 20 ms). `cargo bench --bench discord_latency`.

#[path = "../tests/it/fake_discord/mod.rs"]
mod fake_discord;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use briefbot::config::Config;
use briefbot::discord::{self, StartOptions};
use briefbot::engine::Engine;
use fake_discord::{FakeDiscord, option};
use serde_json::json;

const INTERACTIONS: usize = 1000;
const WARM_UP: usize = 50;
const QUERIES: [&str; 5] = [
    "ambush",
    "peacekeepers",
    "\"police officers\"",
    "Baku OR Yerevan",
    "statement -Russia",
];
const WAIT: Duration = Duration::from_secs(10);

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(bench());
}

async fn bench() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut config = Config::default();
    config.corpus.folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")];
    config.index.path = dir.path().join("index");
    config.discord.api_base = fake.api_base();
    config.discord.guild_ids = vec![FakeDiscord::GUILD_ID];
    config.discord.rate_limit_commands = u32::MAX;
    let (engine, _) = Engine::open(config).expect("the bundled corpus indexes");
    let mut options = StartOptions::new(FakeDiscord::TOKEN);
    options.egress_trap = Some(fake.trap_url());
    let bot = discord::start(Arc::new(engine), options)
        .await
        .expect("the bot starts");
    fake.wait_identified(WAIT).await.expect("identified");
    fake.wait_commands_registered(WAIT)
        .await
        .expect("registered");

    let mut times = Vec::with_capacity(INTERACTIONS);
    for n in 0..WARM_UP + INTERACTIONS {
        let query = QUERIES[n % QUERIES.len()];
        let ix = FakeDiscord::slash_command("search", json!([option("query", query)])).build();
        let sent = fake.send_interaction(ix).await;
        let callback = fake.callback_for(&sent.id, WAIT).await.expect("a callback");
        assert_eq!(callback["type"], 4, "answered directly: {callback}");
        if n >= WARM_UP {
            times.push(fake.response_time(&sent.token).expect("a response time"));
        }
    }
    bot.shutdown().await.expect("a clean shutdown");
    assert_eq!(fake.trap_hits(), 0, "nothing leaves loopback");

    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "discord_latency: /search on the bundled corpus, {} interactions one at a time, gateway -> callback",
        times.len()
    );
    println!("  p50  {:>8.2} ms", ms(at(0.50)));
    println!("  p99  {:>8.2} ms   (target < 20 ms)", ms(at(0.99)));
    println!("  max  {:>8.2} ms", ms(times[times.len() - 1]));
    println!("  mean {:>8.2} ms", ms(mean));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
