//! Answers: every command answers with cited embeds, autocomplete offers matching parties,
//! and a source full of mentions and Markdown pings nobody.

use serde_json::json;

use crate::fake_discord::{FakeDiscord, focused, option};

use super::{Harness, NO_PINGS, WAIT, assert_message_within_limits, footer, redacted, snapshot};

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
