//! How far one process goes: a load test on loopback, in HTTP mode and in gateway mode.
//! `/search` interactions on the bundled corpus are offered at a rising rate (open loop:
//! each is sent on schedule whether or not earlier ones were answered, so a slow bot is not
//! hidden by a polite client), three seconds per step; each step prints the rate offered,
//! the rate answered, and the p50, p99 and worst time to the first response. The last
//! step whose p99 stays within 100 ms, with every interaction answered, is the figure
//! `docs/scaling.md` quotes. It asserts nothing: `cargo bench --bench scaling`.
//!
//! The load generator, the fake Discord and the bot share the machine, so the figures are
//! what one process does with what the other two leave it.

#[path = "../tests/it/fake_discord/mod.rs"]
mod fake_discord;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use briefbot::config::{Config, Mode};
use briefbot::discord::{self, RunningBot, StartOptions};
use briefbot::engine::Engine;
use ed25519_dalek::{Signer, SigningKey};
use fake_discord::{FakeDiscord, option};
use serde_json::json;

const RATES: [u32; 11] = [50, 100, 200, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200];
const STEP: Duration = Duration::from_secs(3);
const TARGET_P99: Duration = Duration::from_millis(100);
/// An interaction not answered by then counts as never answered.
const GIVE_UP: Duration = Duration::from_secs(5);
const QUERIES: [&str; 5] = [
    "ambush",
    "peacekeepers",
    "\"police officers\"",
    "Baku OR Yerevan",
    "statement -Russia",
];

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let http = bench(Mode::Http).await;
        let gateway = bench(Mode::Gateway).await;
        println!();
        println!("interactions/s answered at p99 <= 100 ms, one process, loopback:");
        println!("  HTTP mode:    {}", best(&http));
        println!("  gateway mode: {}", best(&gateway));
    });
}

/// One step's figures.
struct Step {
    offered: u32,
    answered_per_second: f64,
    missing: usize,
    p50: Duration,
    p99: Duration,
    worst: Duration,
}

fn best(steps: &[Step]) -> String {
    steps
        .iter()
        .filter(|s| s.missing == 0 && s.p99 <= TARGET_P99)
        .map(|s| s.answered_per_second)
        .fold(None, |best: Option<f64>, rate| {
            Some(best.map_or(rate, |b| b.max(rate)))
        })
        .map_or_else(
            || "none within the target".to_string(),
            |rate| format!("{rate:.0}"),
        )
}

struct Bench {
    fake: FakeDiscord,
    bot: RunningBot,
    key: SigningKey,
    client: reqwest::Client,
    url: String,
    _dir: tempfile::TempDir,
}

async fn start(mode: Mode) -> Bench {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let key = SigningKey::from_bytes(&[7; 32]);
    let mut config = Config::default();
    config.corpus.folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")];
    config.index.path = dir.path().join("index");
    config.discord.api_base = fake.api_base();
    config.discord.guild_ids = vec![FakeDiscord::GUILD_ID];
    config.discord.rate_limit_commands = u32::MAX;
    config.discord.mode = mode;
    config.discord.listen = "127.0.0.1:0".into();
    config.discord.public_key = Some(
        key.verifying_key()
            .as_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    );
    let (engine, _) = Engine::open(config).expect("the bundled corpus indexes");
    let mut options = StartOptions::new(FakeDiscord::TOKEN);
    options.egress_trap = Some(fake.trap_url());
    let bot = discord::start(Arc::new(engine), options)
        .await
        .expect("the bot starts");
    let wait = Duration::from_secs(15);
    if mode == Mode::Gateway {
        fake.wait_identified(wait).await.expect("identified");
    }
    fake.wait_commands_registered(wait)
        .await
        .expect("registered");
    let url = bot
        .local_addr()
        .map(|a| format!("http://{a}/interactions"))
        .unwrap_or_default();
    Bench {
        fake,
        bot,
        key,
        client: reqwest::Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(256)
            .build()
            .expect("a client"),
        url,
        _dir: dir,
    }
}

async fn bench(mode: Mode) -> Vec<Step> {
    let bench = Arc::new(start(mode).await);
    println!("\n{mode:?} mode: /search, open loop, {STEP:?} per step");
    println!("  offered/s  answered/s  unanswered      p50      p99    worst");
    // Warm up: connections, caches.
    run_step(&bench, mode, 50).await;
    let mut steps = Vec::new();
    for rate in RATES {
        let step = run_step(&bench, mode, rate).await;
        println!(
            "  {:>9}  {:>10.0}  {:>10}  {:>7.1?}  {:>7.1?}  {:>7.1?}",
            step.offered, step.answered_per_second, step.missing, step.p50, step.p99, step.worst
        );
        let over = step.p99 > TARGET_P99 * 3 || step.missing > 0;
        steps.push(step);
        if over {
            break;
        }
        // Let the last step's stragglers finish before the next.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    if let Ok(bench) = Arc::try_unwrap(bench) {
        let _ = bench.bot.shutdown().await;
        assert_eq!(bench.fake.trap_hits(), 0, "a request left loopback");
    }
    steps
}

/// Offers `rate` interactions a second for [`STEP`]; returns what came back.
async fn run_step(bench: &Arc<Bench>, mode: Mode, rate: u32) -> Step {
    let times: Arc<Mutex<Vec<Option<Duration>>>> = Arc::default();
    let tokens: Arc<Mutex<Vec<String>>> = Arc::default();
    let total = (rate as u64 * STEP.as_secs()) as usize;
    let mut ticks = tokio::time::interval(Duration::from_secs(1) / rate);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..total {
        ticks.tick().await;
        let query = QUERIES[n % QUERIES.len()];
        let ix = FakeDiscord::slash_command("search", json!([option("query", query)])).build();
        let bench = Arc::clone(bench);
        let times = Arc::clone(&times);
        let tokens = Arc::clone(&tokens);
        tasks.spawn(async move {
            match mode {
                Mode::Http => {
                    let took = post(&bench, &ix).await;
                    times.lock().expect("times").push(took);
                }
                Mode::Gateway => {
                    let sent = bench.fake.send_interaction(ix).await;
                    tokens.lock().expect("tokens").push(sent.token);
                }
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    if mode == Mode::Gateway {
        // The fake timed each from injection to its accepted callback.
        let tokens = tokens.lock().expect("tokens").clone();
        let deadline = Instant::now() + GIVE_UP;
        while Instant::now() < deadline
            && tokens.iter().any(|t| bench.fake.response_time(t).is_none())
        {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut times = times.lock().expect("times");
        times.extend(tokens.iter().map(|t| bench.fake.response_time(t)));
    }
    let elapsed = started.elapsed();
    let times = times.lock().expect("times");
    let mut answered: Vec<Duration> = times.iter().flatten().copied().collect();
    answered.sort();
    let at = |q: f64| {
        answered
            .get(((answered.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or(GIVE_UP)
    };
    Step {
        offered: rate,
        answered_per_second: answered.len() as f64 / elapsed.as_secs_f64().max(STEP.as_secs_f64()),
        missing: total - answered.len(),
        p50: at(0.50),
        p99: at(0.99),
        worst: answered.last().copied().unwrap_or(GIVE_UP),
    }
}

/// Posts one signed interaction; the time to its HTTP response, if it was an answer.
async fn post(bench: &Bench, ix: &serde_json::Value) -> Option<Duration> {
    let body = ix.to_string();
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let signature = bench
        .key
        .sign(&[timestamp.as_bytes(), body.as_bytes()].concat())
        .to_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let started = Instant::now();
    let response = tokio::time::timeout(
        GIVE_UP,
        bench
            .client
            .post(&bench.url)
            .header("content-type", "application/json")
            .header("x-signature-ed25519", signature)
            .header("x-signature-timestamp", timestamp)
            .body(body)
            .send(),
    )
    .await
    .ok()?
    .ok()?;
    let answer: serde_json::Value = serde_json::from_slice(&response.bytes().await.ok()?).ok()?;
    let took = started.elapsed();
    (answer["type"] == 4).then_some(took)
}
