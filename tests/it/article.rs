//! The bundled article through the engine: what a reader asks first.

use briefbot::answer::Answer;
use briefbot::extract::Status;

use crate::support::article_engine;

fn paragraphs_found(line: &str) -> Vec<usize> {
    match article_engine().ask_line(line).unwrap() {
        Answer::Search { hits, .. } => hits.iter().map(|h| h.citation.paragraph).collect(),
        other => panic!("not a search answer: {other:?}"),
    }
}

#[test]
fn ambush_finds_paragraph_three_first() {
    assert_eq!(paragraphs_found("/search ambush").first(), Some(&3));
}

#[test]
fn stemmed_forms_find_their_paragraphs() {
    assert_eq!(paragraphs_found("/search ambushes").first(), Some(&3));
    assert_eq!(
        paragraphs_found("/search hypocritical OR hypocrisy").first(),
        Some(&8)
    );
    assert!(paragraphs_found("/search martyr").contains(&9));
}

#[test]
fn the_casualty_ledger_lists_the_five_figures_with_their_claimants() {
    let Answer::Casualties { claims, groups, .. } =
        article_engine().ask_line("/casualties").unwrap()
    else {
        panic!("not a casualties answer");
    };
    let mut found: Vec<_> = claims
        .iter()
        .map(|c| {
            (
                c.citation.paragraph,
                c.count,
                c.side.clone().unwrap_or_default(),
                c.status,
                c.according_to.party.clone().unwrap_or_default(),
            )
        })
        .collect();
    found.sort();
    let expected = vec![
        (
            3,
            Some(3),
            "armenia".to_string(),
            Status::Killed,
            "armenia".to_string(),
        ),
        (
            4,
            Some(2),
            "azerbaijan".into(),
            Status::Killed,
            "russia".into(),
        ),
        (
            4,
            Some(3),
            "armenia".into(),
            Status::Killed,
            "russia".into(),
        ),
        (
            7,
            Some(1),
            "azerbaijan".into(),
            Status::Injured,
            "azerbaijan".into(),
        ),
        (
            7,
            Some(2),
            "azerbaijan".into(),
            Status::Killed,
            "azerbaijan".into(),
        ),
    ];
    assert_eq!(found, expected);
    // Russia and Azerbaijan agree on two Azerbaijani dead; nothing is summed.
    let azerbaijani_dead = groups
        .iter()
        .find(|g| g.side.as_deref() == Some("azerbaijan") && g.status == Status::Killed)
        .unwrap();
    assert_eq!(azerbaijani_dead.claims.len(), 2);
    assert!(azerbaijani_dead.agreed);
}

#[test]
fn statements_of_azerbaijan_have_speakers_and_never_another_partys_words() {
    let Answer::Statement {
        party, statements, ..
    } = article_engine().ask_line("/statement azerbaijan").unwrap()
    else {
        panic!("not a statement answer");
    };
    assert_eq!(party, "azerbaijan");
    assert!(statements.len() >= 8, "{statements:#?}");
    assert!(
        statements
            .iter()
            .all(|s| s.party.as_deref() == Some("azerbaijan"))
    );
    assert!(
        statements
            .iter()
            .any(|s| s.speaker.contains("Defense Ministry") && s.direct)
    );
    let paragraphs: Vec<_> = statements.iter().map(|s| s.citation.paragraph).collect();
    let mut sorted = paragraphs.clone();
    sorted.sort();
    assert_eq!(paragraphs, sorted, "document order within a document");
    assert!(paragraphs.contains(&3) && paragraphs.contains(&7));
}

#[test]
fn aliases_resolve_and_a_topic_narrows() {
    let by_alias = article_engine().ask_line("/statement BAKU").unwrap();
    assert!(matches!(by_alias, Answer::Statement { ref party, .. } if party == "azerbaijan"));
    let Answer::Statement {
        statements, topic, ..
    } = article_engine()
        .ask_line("/statement kremlin topic:peacekeepers")
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(topic.as_deref(), Some("peacekeepers"));
    assert!(!statements.is_empty());
    assert!(
        statements
            .iter()
            .all(|s| s.party.as_deref() == Some("russia"))
    );
}

#[test]
fn a_party_with_nothing_said_gets_an_empty_answer_not_another_partys_words() {
    let Answer::Statement {
        statements,
        party_name,
        ..
    } = article_engine().ask_line("/statement iran").unwrap()
    else {
        panic!()
    };
    assert!(statements.is_empty());
    assert_eq!(party_name, "Iran");
}

#[test]
fn the_timeline_is_in_date_order_and_resolves_sunday() {
    let Answer::Timeline { events, .. } = article_engine().ask_line("/timeline").unwrap() else {
        panic!()
    };
    let dates: Vec<_> = events.iter().map(|e| e.date.unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let sunday = chrono::NaiveDate::from_ymd_opt(2023, 3, 5).unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.date == Some(sunday) && e.citation.paragraph == 3)
    );
}

#[test]
fn an_unknown_party_is_answered_with_the_closest_known_names() {
    let message = |line: &str| article_engine().ask_line(line).unwrap_err().to_string();
    let typo = message("/statement azerbijan");
    assert!(typo.contains("Closest: azerbaijan (Azerbaijan)"), "{typo}");
    let narnia = message("/statement narnia");
    let closest = narnia
        .split_once("Closest: ")
        .map_or(0, |(_, list)| list.matches("), ").count() + 1);
    assert_eq!(closest, 3, "{narnia}");
    let alias = message("/statement kremln");
    assert!(
        alias.contains("russia (Russia, called “Kremlin”)"),
        "{alias}"
    );
}

#[test]
fn every_side_and_source_carries_the_words_it_came_from_and_explain_shows_them() {
    let answer = article_engine()
        .ask_line("/casualties explain:true")
        .unwrap();
    let Answer::Casualties {
        claims, explain, ..
    } = &answer
    else {
        panic!("not a casualties answer");
    };
    assert!(explain);
    assert!(
        claims
            .iter()
            .all(|c| c.side.is_none() || c.side_evidence.is_some()),
        "{claims:#?}"
    );
    assert!(
        claims
            .iter()
            .all(|c| c.according_to.party.is_none() || c.according_to.evidence.is_some())
    );
    let json = serde_json::to_value(&answer).unwrap();
    assert!(json["claims"][0]["side_evidence"].is_string(), "{json}");
    // In a terminal, each figure's reasons stand under it.
    let style = briefbot::render::text::Style { ansi: false };
    let text =
        briefbot::render::text::render(&answer, &briefbot::extract::Gazetteer::builtin(), style);
    assert_eq!(
        text.matches("why: side — ").count(),
        claims.len().min(briefbot::render::text::MAX_ITEMS),
        "{text}"
    );
    // Without it, nothing is said of them.
    let plain = article_engine().ask_line("/casualties").unwrap();
    let text =
        briefbot::render::text::render(&plain, &briefbot::extract::Gazetteer::builtin(), style);
    assert!(!text.contains("why:"), "{text}");
    // Statements too.
    let answer = article_engine()
        .ask_line("/statement azerbaijan explain:true")
        .unwrap();
    let text =
        briefbot::render::text::render(&answer, &briefbot::extract::Gazetteer::builtin(), style);
    assert!(text.contains("why: "), "{text}");
}

#[test]
fn agreement_counts_sources_not_repetitions() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // One ministry repeating its figure three times in one story, and a second source.
    std::fs::write(
        corpus.join("a.md"),
        "+++\ntitle = \"Toll\"\npublished = 2023-03-06\n+++\n\nTwo Azerbaijani soldiers were killed, the Azerbaijani Defense Ministry said.\n\nThe Azerbaijani Defense Ministry said two Azerbaijani soldiers were killed.\n\nTwo Azerbaijani soldiers were killed, the Azerbaijani Defense Ministry repeated.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.md"),
        "+++\ntitle = \"Peacekeepers\"\npublished = 2023-03-06\n+++\n\nRussia's Defense Ministry said two Azerbaijani soldiers were killed.\n",
    )
    .unwrap();
    let config = crate::support::config(vec![corpus], &dir.path().join("index"));
    let (engine, _) = briefbot::Engine::open(config).unwrap();
    let Answer::Casualties { groups, .. } = engine.ask_line("/casualties").unwrap() else {
        panic!("not a casualties answer");
    };
    let dead = groups
        .iter()
        .find(|g| g.side.as_deref() == Some("azerbaijan") && g.status == Status::Killed)
        .expect("the Azerbaijani dead");
    assert_eq!(dead.claims.len(), 4, "{groups:#?}");
    assert_eq!(dead.sources, 2, "{groups:#?}");
    assert!(dead.agreed);
}
