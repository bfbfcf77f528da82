//! The bot beside plain tantivy, in one run on one machine, on the same Reuters-21578
//! paragraphs and the same 1,000 seeded queries (`../shared/bench/prepare.py`, run into
//! `target/bench-data` when its output is missing). Plain tantivy is the floor
//! `../shared/bench/README.md` describes: one document per paragraph, `text` (en_stem)
//! and `title`, the story and paragraph stored, default writer settings; per query a
//! `QueryParser` over text and title, the top 10, their stored fields and a
//! `SnippetGenerator` excerpt. It lives here, never in the bot.
//!
//! Prints, with the ratio of each to the floor:
//! - builds (the bot with its extractor), paragraphs per second, alternating;
//! - `/search` p50 and p99, the two run query by query, alternating;
//! - every other command, with and without a topic, as text and through Discord paging;
//! - a fresh process's first answer, and the peak memory of one-answer and serving
//!   processes (the bench runs itself, or `briefbot ask`, as a child to measure them);
//! - the bot alone at 25%, 100% and 400% of the corpus: open time, memory, p99.
//!
//! Figures, not assertions: `cargo bench --bench peers`. `PEERS_QUICK=1` skips the 400%
//! corpus.

mod bot;
mod figures;
mod floor;
mod processes;
mod scaling;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefbot::corpus::{Document, Meta};

use bot::open_bot;
use figures::{builds, commands, searches};
use floor::{Floor, floor_first_answer};
use processes::{measure, processes, serve};
use scaling::scaling;

/// Rounds of the 1,000 queries, each run by both.
const SEARCH_ROUNDS: usize = 3;
/// Samples of each other command.
const COMMAND_SAMPLES: usize = 300;
/// Builds of each, alternating.
const BUILDS: usize = 3;
/// Fresh processes of each.
const PROCESSES: usize = 15;
/// The floor's writer, as tantivy's examples make it.
const FLOOR_HEAP: usize = 50_000_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // A measuring process first: what it runs may be one of the others.
    if let Some(at) = args.iter().position(|a| a == "--measure") {
        measure(&args[at + 1..]);
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--floor-answer") {
        floor_first_answer(Path::new(&args[at + 1]), &args[at + 2]);
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--serve") {
        serve(
            &args[at + 1],
            Path::new(&args[at + 2]),
            Path::new(&args[at + 3]),
        );
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = prepare(repo);
    let paragraphs = read_paragraphs(&data.join("paragraphs.jsonl"));
    let queries = read_queries(&data.join("queries.txt"));
    let documents = documents(&paragraphs);
    let work = repo.join("target/bench-peers");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("a work folder");
    println!(
        "Reuters-21578, Distribution 1.0: {} stories, {} paragraphs, {} queries; {} cores\n",
        documents.len(),
        paragraphs.len(),
        queries.len(),
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    let mut table = Table::default();
    let (floor_dir, bot_dir) = builds(&work, &paragraphs, &documents, &mut table);
    let floor = Floor::open(&floor_dir);
    let engine = open_bot(&work, &bot_dir);
    let floor_p99 = searches(&floor, &engine, &queries, &mut table);
    commands(&engine, &floor, &queries, floor_p99, &mut table);
    processes(&work, &floor_dir, &bot_dir, &queries, &mut table);
    table.print();

    if std::env::var_os("PEERS_QUICK").is_none() {
        scaling(&work, &documents, &data.join("queries.txt"));
    }
}

// ---- input ----

fn prepare(repo: &Path) -> PathBuf {
    let data = repo.join("target/bench-data");
    let ready = ["paragraphs.jsonl", "queries.txt"]
        .iter()
        .all(|f| data.join(f).exists());
    if !ready {
        let script = repo.join("../shared/bench/prepare.py");
        println!("preparing {} with {}", data.display(), script.display());
        let status = Command::new("python3")
            .arg(&script)
            .arg("--out-dir")
            .arg(&data)
            .status()
            .expect("python3 runs");
        assert!(status.success(), "prepare.py failed");
    }
    data
}

#[derive(serde::Deserialize)]
struct Paragraph {
    key: String,
    doc_id: String,
    para: u64,
    title: String,
    published: Option<String>,
    text: String,
}

fn read_paragraphs(path: &Path) -> Vec<Paragraph> {
    let text = std::fs::read_to_string(path).expect("paragraphs.jsonl");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a paragraph"))
        .collect()
}

/// The queries, by class: single, two, phrase, question.
fn read_queries(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("queries.txt");
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(class, query)| (class.to_string(), query.to_string()))
        .collect()
}

/// The stories, each with its paragraphs in order: what the bot indexes.
fn documents(paragraphs: &[Paragraph]) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::new();
    for p in paragraphs {
        if documents.last().is_none_or(|d| d.source != p.doc_id) {
            documents.push(Document {
                source: p.doc_id.clone(),
                meta: Meta {
                    title: p.title.clone(),
                    published: p
                        .published
                        .as_deref()
                        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                    ..Meta::default()
                },
                paragraphs: Vec::new(),
                path: None,
            });
        }
        if let Some(d) = documents.last_mut() {
            d.paragraphs.push(p.text.clone());
        }
    }
    documents
}

// ---- measuring ----

#[derive(Default)]
struct Samples(Vec<Duration>);

impl Samples {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = std::hint::black_box(f());
        self.0.push(started.elapsed());
        out
    }

    fn at(&self, q: f64) -> Duration {
        let mut sorted = self.0.clone();
        sorted.sort();
        let rank = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len());
        sorted[rank - 1]
    }

    fn p50(&self) -> Duration {
        self.at(0.50)
    }

    fn p99(&self) -> Duration {
        self.at(0.99)
    }
}

fn us(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 10_000.0 {
        format!("{:.1} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

fn ratio(bot: f64, floor: f64) -> String {
    format!("{:.2}", bot / floor.max(1e-12))
}

/// The printed table: figure, the bot, the floor, ratio, target.
#[derive(Default)]
struct Table {
    rows: Vec<[String; 5]>,
}

impl Table {
    fn row(&mut self, figure: &str, bot: String, floor: String, ratio: String, target: &str) {
        self.rows
            .push([figure.into(), bot, floor, ratio, target.into()]);
        let last = self.rows.last().expect("a row");
        println!(
            "  {:<58} {:>20} {:>20} {:>12}  {}",
            last[0], last[1], last[2], last[3], last[4]
        );
    }

    fn print(&self) {
        println!("\n| figure | briefbot | plain tantivy | ratio | target |");
        println!("|---|---:|---:|---:|---|");
        for [figure, bot, floor, ratio, target] in &self.rows {
            println!("| {figure} | {bot} | {floor} | {ratio} | {target} |");
        }
        println!();
    }
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => folder_bytes(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
