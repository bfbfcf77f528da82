//! What answers hold on corpora written for the purpose: every hit asked for when
//! republished copies are passed over, headlines searched, phrases kept, the same
//! citations after a rebuild, and a page of a long answer numbered as the whole answer.

use std::path::{Path, PathBuf};

use briefbot::answer::{Answer, Window};
use briefbot::engine::Engine;

use crate::support;

/// A Markdown document with front matter.
fn document(title: &str, outlet: &str, paragraphs: &[String]) -> String {
    format!(
        "+++\ntitle = \"{title}\"\npublished = 2023-03-06\noutlet = \"{outlet}\"\n+++\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

fn write(dir: &Path, docs: &[(String, String)]) -> PathBuf {
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, text) in docs {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder
}

fn engine(dir: &Path, docs: &[(String, String)]) -> Engine {
    let folder = write(dir, docs);
    let config = support::config(vec![folder], &dir.join("index"));
    Engine::open(config).expect("the corpus indexes").0
}

/// Distinct words for distinct texts: no two paragraphs are taken for copies.
fn words(seed: usize, n: usize) -> String {
    (0..n)
        .map(|k| format!("w{seed}x{k}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn sources(answer: &Answer) -> Vec<String> {
    answer
        .citations()
        .iter()
        .map(|c| c.source.clone())
        .collect()
}

#[test]
fn search_returns_every_hit_asked_for_when_republished_copies_rank_first() {
    let dir = tempfile::tempdir().unwrap();
    // A short wire story that says "ceasefire" three times, republished by five outlets:
    // its six copies outrank everything else.
    let wire = format!(
        "The ceasefire held, the ceasefire held again, and the ceasefire talks went on. {}",
        words(0, 20)
    );
    let mut docs: Vec<(String, String)> = (0..6)
        .map(|i| {
            let text = document(
                "Truce holds",
                &format!("Wire {i}"),
                std::slice::from_ref(&wire),
            );
            (format!("wire-{i}.md"), text)
        })
        .collect();
    // Twelve other stories that mention it once, in longer paragraphs.
    for i in 1..=12 {
        let text = format!("Officials discussed a ceasefire. {}", words(i, 60));
        docs.push((
            format!("story-{i:02}.md"),
            document(&format!("Story {i}"), "Other", &[text]),
        ));
    }
    let engine = engine(dir.path(), &docs);
    let answer = engine.ask_line("/search ceasefire").unwrap();
    let Answer::Search { hits, .. } = &answer else {
        panic!("{answer:?}")
    };
    assert_eq!(hits.len(), 10, "{:?}", sources(&answer));
    let copies = hits
        .iter()
        .filter(|h| h.citation.source.starts_with("wire-"))
        .count();
    assert_eq!(copies, 1, "the wire story once, the others as copies of it");
    assert!(!hits[0].citation.also_in.is_empty());
}

#[test]
fn a_word_found_only_in_headlines_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<(String, String)> = (0..3)
        .map(|i| {
            let title = if i == 1 {
                "Zanzibar clove harvest fails"
            } else {
                "Markets close higher"
            };
            let text = document(title, "Wire", &[words(i, 30), words(i + 10, 30)]);
            (format!("doc-{i}.md"), text)
        })
        .collect();
    let engine = engine(dir.path(), &docs);
    let answer = engine.ask_line("/search zanzibar").unwrap();
    let found = sources(&answer);
    assert!(!found.is_empty(), "the headline's word finds its story");
    assert!(found.iter().all(|s| s == "doc-1.md"), "{found:?}");
    // A word of the text still ranks a story whose headline holds it first.
    let answer = engine.ask_line("/search w1x3 OR w0x3").unwrap();
    assert_eq!(answer.held(), 2);
}

#[test]
fn a_typed_phrase_is_searched_as_a_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let docs = vec![
        (
            "phrase.md".to_string(),
            document(
                "Energy",
                "Wire",
                &["Prices of crude oil rose on Monday.".into()],
            ),
        ),
        (
            "apart.md".to_string(),
            document(
                "Energy too",
                "Wire",
                &["The oil was crude and the prices rose.".into()],
            ),
        ),
    ];
    let engine = engine(dir.path(), &docs);
    for line in ["/search \"crude oil\"", "/search query:\"crude oil\""] {
        let answer = engine.ask_line(line).unwrap();
        assert_eq!(sources(&answer), vec!["phrase.md"], "{line}");
    }
    let answer = engine.ask_line("/search crude oil").unwrap();
    assert_eq!(answer.held(), 2, "without quotes, both");
}

/// Forty stories whose paragraphs score the same for "ceasefire": which ten come first
/// is decided by ties alone.
fn tied_corpus() -> Vec<(String, String)> {
    (0..40)
        .map(|i| {
            let paragraphs = [
                format!("The ceasefire held in town{i}."),
                format!(
                    "Officials of town{i} said seven soldiers were killed on Sunday. {}",
                    words(i, 12)
                ),
                format!("Russia's Defense Ministry said the truce in town{i} would hold."),
                format!("The Kremlin said the talks on town{i} would go on."),
            ];
            let text = document(&format!("Town {i}"), &format!("Outlet {i}"), &paragraphs);
            (format!("town-{i:02}.md"), text)
        })
        .collect()
}

#[test]
fn citations_are_the_same_after_every_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let docs = tied_corpus();
    let folder = write(dir.path(), &docs);
    let lines = [
        "/search ceasefire",
        "/casualties",
        "/timeline",
        "/sources",
        "/statement russia",
    ];
    let mut first: Option<Vec<String>> = None;
    for round in 0..4 {
        let index = dir.path().join(format!("index-{round}"));
        let config = support::config(vec![folder.clone()], &index);
        let (engine, _) = Engine::open(config).unwrap();
        let answers: Vec<String> = lines
            .iter()
            .map(|line| briefbot::render::json(&engine.ask_line(line).unwrap()))
            .collect();
        match &first {
            None => first = Some(answers),
            Some(first) => {
                for (line, (a, b)) in lines.iter().zip(first.iter().zip(&answers)) {
                    assert_eq!(a, b, "{line}, rebuild {round}");
                }
            }
        }
    }
    let first = first.unwrap();
    assert!(first[0].contains("town-00.md"), "ties fall in corpus order");
}

#[test]
fn a_page_of_a_long_answer_is_the_whole_answer_s_items_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path(), &tied_corpus());
    for line in [
        "/casualties",
        "/timeline",
        "/sources",
        "/statement russia",
        "/statement party:russia topic:truce",
        "/statement party:russia speaker:kremlin",
    ] {
        let whole = engine.ask_line(line).unwrap();
        let total = whole.held();
        assert!(total > 8, "{line}: {total}");
        let whole_json = serde_json::to_value(&whole).unwrap();
        let list = ["claims", "events", "sources", "statements"]
            .into_iter()
            .find(|k| whole_json.get(*k).is_some())
            .unwrap();
        for start in [0, 3, 8, total - 2] {
            let window = Window { start, len: 5 };
            let page = engine.ask_line_window(line, window).unwrap();
            assert_eq!(page.shown().total, total, "{line}");
            assert_eq!(page.shown().offset, start, "{line}");
            assert_eq!(
                page.shown().fingerprint,
                whole.shown().fingerprint,
                "{line}"
            );
            let page_json = serde_json::to_value(&page).unwrap();
            let expected: Vec<_> = whole_json[list]
                .as_array()
                .unwrap()
                .iter()
                .skip(start)
                .take(5)
                .collect();
            let got: Vec<_> = page_json[list].as_array().unwrap().iter().collect();
            assert_eq!(got, expected, "{line} from {start}");
        }
    }
}
