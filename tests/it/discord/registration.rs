//! Registration: the bot registers the command table at start-up, registers nothing new on a
//! restart with the same table, and registers again (globally, without guilds) when it changes.

use std::sync::Arc;

use briefbot::discord::{self, StartOptions};
use briefbot::engine::Engine;
use serde_json::json;

use crate::fake_discord::FakeDiscord;
use crate::support;

use super::{Harness, WAIT, snapshot};

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
