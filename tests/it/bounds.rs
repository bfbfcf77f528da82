//! Answers stay a readable size whatever the corpus holds: an excerpt is a sentence or
//! two, a text answer lists a bounded number of items, and JSON holds each excerpt once
//! per item, never a whole paragraph per item.

use briefbot::engine::Engine;
use briefbot::extract::Gazetteer;
use briefbot::render;

use crate::support::config;

/// An engine on one document of `body`, built in `dir`.
fn engine_on(dir: &std::path::Path, body: &str) -> Engine {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("wall.md"),
        format!("+++\ntitle = \"A wall of text\"\npublished = 2023-03-06\n+++\n{body}\n"),
    )
    .unwrap();
    Engine::open(config(vec![corpus], &dir.join("index")))
        .unwrap()
        .0
}

fn text(engine: &Engine, line: &str) -> String {
    let answer = engine.ask_line(line).unwrap();
    let style = render::text::Style { ansi: false };
    render::text::render(&answer, &Gazetteer::builtin(), style)
}

#[test]
fn a_megabyte_paragraph_is_quoted_by_the_words_around_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{} the convoy was caught in an ambush near the checkpoint {}.",
        "word ".repeat(110_000),
        "more ".repeat(110_000)
    );
    let engine = engine_on(dir.path(), &body);
    let shown = text(&engine, "/search ambush");
    assert!(
        shown.contains("«ambush»"),
        "{}",
        &shown[..shown.len().min(2_000)]
    );
    assert!(shown.len() < 2_000, "{} bytes of text", shown.len());
    assert!(shown.contains('…'));
    let json = render::json(&engine.ask_line("/search ambush").unwrap());
    assert!(json.len() < 4_000, "{} bytes of JSON", json.len());
    let sources = text(&engine, "/sources");
    assert!(
        sources.len() < 2_000,
        "{} bytes for /sources",
        sources.len()
    );
}

#[test]
fn a_corpus_of_thousands_of_figures_prints_a_bounded_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Two soldiers were killed near the border, the defense ministry said.";
    let paragraph = vec![sentence; 400].join(" ");
    let body = [paragraph.as_str(); 5].join("\n\n");
    let engine = engine_on(dir.path(), &body);
    let answer = engine.ask_line("/casualties").unwrap();
    let json = render::json(&answer);
    let claims = serde_json::from_str::<serde_json::Value>(&json).unwrap()["claims"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(claims > render::text::MAX_ITEMS, "{claims} claims");
    let shown = text(&engine, "/casualties");
    let figure_lines = shown.lines().filter(|l| l.starts_with("    2 ")).count();
    assert_eq!(figure_lines, render::text::MAX_ITEMS, "{shown}");
    assert!(
        shown.contains("more figures: `--json` lists them all"),
        "{shown}"
    );
    assert!(shown.len() < 40_000, "{} bytes of text", shown.len());
    // JSON is complete, and each item quotes its sentence, not its paragraph.
    assert!(
        json.len() < claims * 1_500,
        "{} bytes for {claims} claims",
        json.len()
    );
}

#[test]
fn control_sequences_in_an_index_never_reach_the_terminal() {
    use briefbot::answer::{Answer, Citation, SearchHit};
    let citation = Citation {
        n: 1,
        source: "evil\u{1b}]0;owned\u{7}.md".into(),
        title: "Title\u{1b}[2J".into(),
        outlet: Some("Wire\u{9b}31m".into()),
        url: None,
        published: None,
        paragraph: 1,
        excerpt: "An \u{1b}[31mambush\u{1b}[0m here.".into(),
        also_in: Vec::new(),
    };
    let answer = Answer::Search {
        query: "ambush\u{7}".into(),
        hits: vec![SearchHit {
            score: 1.0,
            citation,
            highlights: std::iter::once(8..14).collect(),
        }],
        shown: Default::default(),
    };
    for ansi in [false, true] {
        let shown =
            render::text::render(&answer, &Gazetteer::builtin(), render::text::Style { ansi });
        let foreign: Vec<char> = shown
            .replace("\u{1b}[1m", "")
            .replace("\u{1b}[0m", "")
            .replace("\u{1b}[1;4m", "")
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(foreign.is_empty(), "{ansi}: {shown:?}");
    }
}
