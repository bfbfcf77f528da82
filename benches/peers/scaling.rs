//! The bot alone as the corpus grows.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use briefbot::corpus::Document;
use briefbot::extract::Gazetteer;

use crate::bot::bot_build;
use crate::floor::floor_build;
use crate::processes::{briefbot, child, myself};
use crate::{Paragraph, Samples, mb, ratio, us};

/// The bot alone at a quarter, all, and four times the corpus.
pub(crate) fn scaling(work: &Path, documents: &[Document], queries: &Path) {
    println!("the bot as the corpus grows\n");
    println!(
        "| corpus | paragraphs | build | open | fresh `ask` | its peak RSS | serving peak RSS (plain tantivy's) | of it, heap at the end | /search p99 |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let gazetteer = Gazetteer::builtin();
    let mut measured = BTreeMap::new();
    for percent in [25, 100, 400] {
        let docs = docs_again(documents, percent);
        let dir = work.join(format!("bot-{percent}"));
        let paragraphs: usize = docs.iter().map(|d| d.paragraphs.len()).sum();
        let started = Instant::now();
        bot_build(&dir, docs, &gazetteer);
        let build = started.elapsed();
        let (_, _, out) = child(myself().arg("--serve").arg("bot").arg(&dir).arg(queries));
        let mut fresh = Samples::default();
        let mut one = 0;
        for _ in 0..5 {
            let (t, rss, _) = child(briefbot(work, &dir).args(["ask", "--json", "/search oil"]));
            fresh.0.push(t);
            one = one.max(rss);
        }
        let (_, serving, out_again) =
            child(myself().arg("--serve").arg("bot").arg(&dir).arg(queries));
        // The first serving child warmed the page cache; the second is measured.
        let _ = out;
        let numbers: Vec<u64> = out_again
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let (open, p99, heap) = match numbers[..] {
            [open, p99, heap] => (
                Duration::from_micros(open),
                Duration::from_micros(p99),
                heap,
            ),
            _ => panic!("the serving child printed {out_again:?}"),
        };
        // Plain tantivy on the same paragraphs, serving the same searches: how much of the
        // growth is the search files mapped, which any tantivy process has.
        let floor_dir = work.join(format!("floor-{percent}"));
        floor_build(&floor_dir, &as_paragraphs(&docs_again(documents, percent)));
        let _ = child(
            myself()
                .arg("--serve")
                .arg("floor")
                .arg(&floor_dir)
                .arg(queries),
        );
        let (_, floor_serving, _) = child(
            myself()
                .arg("--serve")
                .arg("floor")
                .arg(&floor_dir)
                .arg(queries),
        );
        let _ = std::fs::remove_dir_all(&floor_dir);
        println!(
            "| {percent}% | {paragraphs} | {:.1} s | {} | {} | {} | {} ({}) | {} | {} |",
            build.as_secs_f64(),
            us(open),
            us(fresh.p50()),
            mb(one),
            mb(serving),
            mb(floor_serving),
            mb(heap),
            us(p99)
        );
        measured.insert(percent, (open, one, serving, floor_serving));
        let _ = std::fs::remove_dir_all(&dir);
    }
    let (open_1, one_1, serving_1, floor_1) = measured[&100];
    let (open_4, one_4, serving_4, floor_4) = measured[&400];
    println!(
        "\n400% against 100%: open {}, one-answer RSS {}, serving RSS {} (plain tantivy's {}) (target: open and RSS ≤ 1.5)\n",
        ratio(open_4.as_secs_f64(), open_1.as_secs_f64()),
        ratio(one_4 as f64, one_1 as f64),
        ratio(serving_4 as f64, serving_1 as f64),
        ratio(floor_4 as f64, floor_1 as f64)
    );
}

/// The corpus at `percent` of its size: a quarter, all, or four times.
fn docs_again(documents: &[Document], percent: usize) -> Vec<Document> {
    match percent {
        25 => documents[..documents.len() / 4].to_vec(),
        100 => documents.to_vec(),
        _ => grown(documents, percent / 100),
    }
}

/// Documents as the floor indexes them, a paragraph at a time.
fn as_paragraphs(documents: &[Document]) -> Vec<Paragraph> {
    documents
        .iter()
        .flat_map(|d| {
            d.paragraphs.iter().enumerate().map(|(i, text)| Paragraph {
                key: format!("{}#{}", d.source, i + 1),
                doc_id: d.source.clone(),
                para: i as u64 + 1,
                title: d.meta.title.clone(),
                published: None,
                text: text.clone(),
            })
        })
        .collect()
}

/// `times` the corpus: the stories again, each further copy made of other stories'
/// paragraphs under the same headline, so none is taken for a copy of another.
fn grown(documents: &[Document], times: usize) -> Vec<Document> {
    let all: Vec<&String> = documents.iter().flat_map(|d| &d.paragraphs).collect();
    let mut out = documents.to_vec();
    for round in 1..times {
        let mut at = round * all.len() / times + round * 7;
        for d in documents {
            let mut copy = d.clone();
            copy.source = format!("{}-{round}", d.source);
            for p in &mut copy.paragraphs {
                *p = all[at % all.len()].clone();
                at += 1;
            }
            out.push(copy);
        }
    }
    out
}
