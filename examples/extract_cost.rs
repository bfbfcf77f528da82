//! The extractor alone over a fixed slice of the benchmark's paragraphs, for counting
//! instructions (`perf stat -e instructions`, `valgrind --tool=callgrind`): names learned
//! over the slice, then every story read, on one thread, as a build does on each core.
//!
//! `cargo run --release --example extract_cost -- [stories] [paragraphs.jsonl]`
//! (0 stories measures the loading alone, to subtract).

use std::collections::BTreeMap;

use briefbot::extract::{DocText, Gazetteer, LearnedNames, extract_with, names};

#[derive(serde::Deserialize)]
struct Paragraph {
    doc_id: String,
    title: String,
    published: Option<String>,
    text: String,
}

struct Story {
    title: String,
    published: Option<chrono::NaiveDate>,
    paragraphs: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(3000);
    let path = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "target/bench-data/paragraphs.jsonl".to_string());
    let text = std::fs::read_to_string(&path).expect("paragraphs.jsonl");
    let mut stories: Vec<(String, Story)> = Vec::new();
    for line in text.lines() {
        let p: Paragraph = serde_json::from_str(line).expect("a paragraph");
        if stories.last().is_none_or(|(id, _)| *id != p.doc_id) {
            if stories.len() == count {
                break;
            }
            let published = p
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            stories.push((
                p.doc_id.clone(),
                Story {
                    title: p.title.clone(),
                    published,
                    paragraphs: Vec::new(),
                },
            ));
        }
        if let Some((_, s)) = stories.last_mut() {
            s.paragraphs.push(p.text);
        }
    }
    let gazetteer = Gazetteer::with_config(&BTreeMap::new()).expect("the built-in parties");
    let mut learned = LearnedNames::default();
    for (_, s) in &stories {
        learned.take(names::lessons(&s.paragraphs, &gazetteer, s.published));
    }
    let (mut paragraphs, mut records) = (0, 0);
    for (_, s) in &stories {
        let doc = DocText {
            title: Some(&s.title),
            published: s.published,
            outlet: None,
            paragraphs: &s.paragraphs,
        };
        let e = extract_with(&doc, &gazetteer, &learned);
        paragraphs += s.paragraphs.len();
        records += e.statements.len() + e.claims.len() + e.events.len();
    }
    println!(
        "{} stories, {paragraphs} paragraphs, {} names learned, {records} records",
        stories.len(),
        learned.len()
    );
}
