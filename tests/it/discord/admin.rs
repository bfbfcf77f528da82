//! The admins' commands: a reindex defers, reports and is audited, a member without the right
//! is refused with nothing run, a second reindex is told one is running, shutdown lets an
//! answer in flight finish, and an internal failure is private with an error id.

use std::path::PathBuf;
use std::time::Duration;

use briefbot::discord;
use serde_json::json;

use crate::fake_discord::{FakeDiscord, option, perms};

use super::{
    AUDIT_CHANNEL, Harness, MOD_ROLE, NO_PINGS, WAIT, assert_nothing_ran, assert_private,
    bundled_copy, long_corpus, redacted, snapshot,
};

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
