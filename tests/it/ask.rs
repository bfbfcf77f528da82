//! Questions in plain words, answered on the article.

use briefbot::answer::Answer;
use serde_json::Value;

use crate::support::article_engine;

fn ask(question: &str) -> Answer {
    article_engine()
        .ask_line(&format!("/ask question:{question}"))
        .unwrap()
}

fn json(question: &str) -> Value {
    serde_json::to_value(ask(question)).unwrap()
}

#[test]
fn azerbaijani_dead_read_as_casualties_on_that_side_citing_paragraphs_7_and_4() {
    let json = json("how many Azerbaijani soldiers were killed?");
    assert_eq!(json["command"], "ask");
    assert_eq!(json["read_as"]["command"], "casualties");
    assert_eq!(json["read_as"]["options"]["side"], "azerbaijan");
    let paragraphs: Vec<u64> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["citation"]["paragraph"].as_u64().unwrap())
        .collect();
    assert!(
        paragraphs.contains(&7) && paragraphs.contains(&4),
        "{paragraphs:?}"
    );
    assert!(
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["side"] == "azerbaijan")
    );
    assert!(json["reading"].as_str().unwrap().contains("Azerbaijani"));
}

#[test]
fn what_a_party_said_is_read_as_its_statements_with_the_right_paragraph_first() {
    let json = json("what did Baku say about the peacekeepers?");
    assert_eq!(json["read_as"]["command"], "statement");
    assert_eq!(json["read_as"]["options"]["party"], "azerbaijan");
    let first = &json["statements"][0];
    assert_eq!(first["party"], "azerbaijan");
    assert!(
        first["citation"]["excerpt"]
            .as_str()
            .unwrap()
            .contains("peacekeeping")
    );
}

#[test]
fn when_questions_read_as_the_timeline() {
    let json = json("when did the 2020 war end");
    assert_eq!(json["read_as"]["command"], "timeline");
    let events = json["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["date"] == "2020-11-10" && e["citation"]["paragraph"] == 16),
        "{events:?}"
    );
}

#[test]
fn other_questions_find_the_passage_that_answers() {
    let json = json("who described the shooting as an ambush");
    assert_eq!(json["read_as"]["command"], "search");
    assert_eq!(json["hits"][0]["citation"]["paragraph"], 3);
}

#[test]
fn a_question_the_index_cannot_answer_says_so_and_suggests_what_it_has() {
    let Answer::Ask {
        no_answer,
        suggestions,
        answer,
        ..
    } = ask("what did Iran say about the clash?")
    else {
        panic!()
    };
    assert!(answer.is_empty());
    assert!(no_answer.unwrap().contains("No statement by Iran"));
    assert!(
        suggestions.iter().any(|s| s.contains("Azerbaijan")),
        "{suggestions:?}"
    );

    let Answer::Ask {
        no_answer, answer, ..
    } = ask("what is the capital of France")
    else {
        panic!()
    };
    assert!(
        answer.is_empty(),
        "an unrelated passage is not an answer: {answer:?}"
    );
    assert!(no_answer.is_some());
}
