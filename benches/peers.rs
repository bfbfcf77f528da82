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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use briefbot::config::Config;
use briefbot::corpus::{Document, Meta};
use briefbot::engine::Engine;
use briefbot::extract::Gazetteer;
use briefbot::index::{self, ExtractionMode};
use briefbot::render;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, TantivyDocument};

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

// ---- the floor ----

#[derive(Clone, Copy)]
struct FloorFields {
    text: Field,
    title: Field,
    key: Field,
    para: Field,
}

fn floor_schema() -> (Schema, FloorFields) {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = FloorFields {
        text: builder.add_text_field("text", stemmed.clone() | STORED),
        title: builder.add_text_field("title", stemmed),
        key: builder.add_text_field("key", STORED),
        para: builder.add_u64_field("para", STORED),
    };
    (builder.build(), fields)
}

fn floor_build(dir: &Path, paragraphs: &[Paragraph]) {
    std::fs::create_dir_all(dir).expect("the floor's folder");
    let (schema, f) = floor_schema();
    let index = Index::create_in_dir(dir, schema).expect("the floor's index");
    let mut writer: tantivy::IndexWriter = index.writer(FLOOR_HEAP).expect("a writer");
    for p in paragraphs {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.text, &p.text);
        doc.add_text(f.title, &p.title);
        doc.add_text(f.key, &p.key);
        doc.add_u64(f.para, p.para);
        writer.add_document(doc).expect("a paragraph");
    }
    writer.commit().expect("a commit");
    writer.wait_merging_threads().expect("merges end");
}

struct Floor {
    reader: IndexReader,
    parser: QueryParser,
    fields: FloorFields,
}

impl Floor {
    fn open(dir: &Path) -> Floor {
        let index = Index::open_in_dir(dir).expect("the floor opens");
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name).expect("a field");
        let fields = FloorFields {
            text: field("text"),
            title: field("title"),
            key: field("key"),
            para: field("para"),
        };
        let reader = index.reader().expect("a reader");
        let parser = QueryParser::for_index(&index, vec![fields.text, fields.title]);
        Floor {
            reader,
            parser,
            fields,
        }
    }

    /// Search, the top 10, stored fields and a snippet each: (key, snippet) per hit.
    fn answer(&self, query: &str) -> Vec<(String, u64, String)> {
        let searcher = self.reader.searcher();
        let (query, _) = self.parser.parse_query_lenient(query);
        let top = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .expect("a search");
        let Ok(snippets) = SnippetGenerator::create(&searcher, &*query, self.fields.text) else {
            return Vec::new();
        };
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).expect("a stored paragraph");
                let key = doc
                    .get_first(self.fields.key)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                let para = doc
                    .get_first(self.fields.para)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0);
                (key, para, snippets.snippet_from_doc(&doc).to_html())
            })
            .collect()
    }
}

/// A child process's whole life: open the floor, answer one query, print it.
fn floor_first_answer(dir: &Path, query: &str) {
    let floor = Floor::open(dir);
    let hits = floor.answer(query);
    let json: Vec<serde_json::Value> = hits
        .into_iter()
        .map(|(key, para, snippet)| serde_json::json!({"key": key, "para": para, "snippet": snippet}))
        .collect();
    println!("{}", serde_json::Value::Array(json));
}

// ---- the bot ----

fn bot_build(dir: &Path, documents: Vec<Document>, gazetteer: &Gazetteer) {
    index::build_documents_with(dir, documents, gazetteer, ExtractionMode::Run, &mut |_| {
        true
    })
    .expect("the bot builds");
}

fn bot_config(work: &Path, index: &Path) -> Config {
    let corpus = work.join("empty-corpus");
    std::fs::create_dir_all(&corpus).expect("an empty corpus folder");
    let mut config = Config::default();
    config.corpus.folders = vec![corpus];
    config.index.path = index.to_path_buf();
    config
}

fn open_bot(work: &Path, dir: &Path) -> Engine {
    Engine::open(bot_config(work, dir))
        .expect("the bot opens")
        .0
}

/// What a command line costs a user: parsed, answered and drawn as text.
fn bot_text(engine: &Engine, line: &str) -> usize {
    match engine.ask_line_window(line, render::text::window()) {
        Ok(answer) => render::text::render(
            &answer,
            engine.gazetteer(),
            render::text::Style { ansi: false },
        )
        .len(),
        Err(_) => 0,
    }
}

/// A page of a command line as the Discord adapter answers it.
fn bot_page(engine: &Engine, line: &str, page: usize) -> usize {
    let Ok(invocation) = briefbot::commands::parse_line(line) else {
        return 0;
    };
    let Ok(request) = engine.request(&invocation) else {
        return 0;
    };
    match briefbot::discord::answer_page(engine, &request, line, page) {
        Ok(answered) => answered.pages,
        Err(_) => 0,
    }
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

// ---- the figures ----

/// Builds both, alternating, and keeps the last of each.
fn builds(
    work: &Path,
    paragraphs: &[Paragraph],
    documents: &[Document],
    table: &mut Table,
) -> (PathBuf, PathBuf) {
    println!("builds ({BUILDS} of each, alternating)");
    let gazetteer = Gazetteer::builtin();
    let (mut floor_times, mut bot_times) = (Samples::default(), Samples::default());
    let (floor_dir, bot_dir) = (work.join("floor"), work.join("bot"));
    for round in 0..BUILDS {
        let _ = std::fs::remove_dir_all(&floor_dir);
        floor_times.time(|| floor_build(&floor_dir, paragraphs));
        let docs = documents.to_vec();
        if round + 1 < BUILDS {
            let _ = std::fs::remove_dir_all(&bot_dir);
        }
        bot_times.time(|| bot_build(&bot_dir, docs, &gazetteer));
    }
    let n = paragraphs.len() as f64;
    let (floor_rate, bot_rate) = (
        n / floor_times.p50().as_secs_f64(),
        n / bot_times.p50().as_secs_f64(),
    );
    table.row(
        "build with extraction, paragraphs/s (median)",
        format!("{bot_rate:.0}"),
        format!("{floor_rate:.0}"),
        ratio(bot_rate, floor_rate),
        "≥ 0.5",
    );
    let generation = index::Snapshot::open(&bot_dir)
        .expect("the bot's index reads")
        .expect("the bot's index opens")
        .generation;
    let catalog = std::fs::metadata(generation.join(index::catalog::FILE)).map_or(0, |m| m.len());
    table.row(
        "index on disk (the bot's catalog)",
        format!("{} ({})", mb(folder_bytes(&generation)), mb(catalog)),
        mb(folder_bytes(&floor_dir)),
        ratio(
            folder_bytes(&generation) as f64,
            folder_bytes(&floor_dir) as f64,
        ),
        "",
    );
    (floor_dir, bot_dir)
}

/// `/search`, query by query, the two alternating (which goes first alternates too).
/// Returns the floor's p99, the yardstick of every other command.
fn searches(
    floor: &Floor,
    engine: &Engine,
    queries: &[(String, String)],
    table: &mut Table,
) -> Duration {
    println!(
        "\n/search: {SEARCH_ROUNDS} rounds of {} queries, alternating",
        queries.len()
    );
    let lines: Vec<String> = queries
        .iter()
        .map(|(_, q)| format!("/search {q}"))
        .collect();
    for (q, line) in queries.iter().zip(&lines) {
        floor.answer(&q.1);
        bot_text(engine, line);
    }
    let (mut f, mut b) = (Samples::default(), Samples::default());
    let mut short = 0;
    for round in 0..SEARCH_ROUNDS {
        for (i, ((_, query), line)) in queries.iter().zip(&lines).enumerate() {
            if (i + round) % 2 == 0 {
                f.time(|| floor.answer(query));
                b.time(|| bot_text(engine, line));
            } else {
                b.time(|| bot_text(engine, line));
                f.time(|| floor.answer(query));
            }
            if round == 0 {
                let floor_hits = floor.answer(query).len();
                let bot_hits = engine.ask_line(line).map_or(0, |a| a.held());
                if bot_hits < floor_hits.min(10) && floor_hits == 10 {
                    short += 1;
                }
            }
        }
    }
    table.row(
        "/search p50 (10 hits with excerpts)",
        us(b.p50()),
        us(f.p50()),
        ratio(b.p50().as_secs_f64(), f.p50().as_secs_f64()),
        "≤ 1.2",
    );
    table.row(
        "/search p99",
        us(b.p99()),
        us(f.p99()),
        ratio(b.p99().as_secs_f64(), f.p99().as_secs_f64()),
        "≤ 1.2",
    );
    println!("  (queries where the bot gave fewer than 10 hits and the floor 10: {short})");
    f.p99()
}

/// Every other command, as text and through Discord paging, against the floor's p99.
fn commands(
    engine: &Engine,
    floor: &Floor,
    queries: &[(String, String)],
    floor_p99: Duration,
    table: &mut Table,
) {
    println!(
        "\nother commands: {COMMAND_SAMPLES} samples each, p99 against the floor's search p99"
    );
    let topics: Vec<&str> = queries
        .iter()
        .filter(|(class, _)| class == "single")
        .map(|(_, q)| q.as_str())
        .take(100)
        .collect();
    let questions: Vec<&str> = queries
        .iter()
        .filter(|(class, _)| class == "question")
        .map(|(_, q)| q.as_str())
        .collect();
    let statement_pages = bot_page(engine, "/statement us", 1).max(1);
    let timeline_pages = bot_page(engine, "/timeline", 1).max(1);
    let sources_pages = bot_page(engine, "/sources", 1).max(1);
    println!(
        "  /statement us: {statement_pages} pages; /timeline: {timeline_pages}; /sources: {sources_pages}"
    );
    type Line = Box<dyn Fn(usize) -> (String, usize)>;
    let fixed = |line: &str| -> Line {
        let line = line.to_string();
        Box::new(move |_| (line.clone(), 1))
    };
    let topical = |format: fn(&str) -> String| -> Line {
        let lines: Vec<String> = topics.iter().map(|t| format(t)).collect();
        Box::new(move |i| (lines[i % lines.len()].clone(), 1))
    };
    let paged = |line: &str, pages: usize| -> Line {
        let line = line.to_string();
        // Pages spread over the whole answer, the last among them.
        Box::new(move |i| (line.clone(), 1 + (i * 7919) % pages))
    };
    let asked: Vec<String> = questions.iter().map(|q| q.to_string()).collect();
    let cases: Vec<(&str, bool, Line)> = vec![
        ("/statement us", false, fixed("/statement us")),
        (
            "/statement party:us topic:<word>",
            false,
            topical(|t| format!("/statement party:us topic:{t}")),
        ),
        (
            "/statement party:us topic:oil",
            false,
            fixed("/statement party:us topic:oil"),
        ),
        ("/casualties", false, fixed("/casualties")),
        (
            "/casualties query:<word>",
            false,
            topical(|t| format!("/casualties query:{t}")),
        ),
        (
            "/casualties query:oil",
            false,
            fixed("/casualties query:oil"),
        ),
        ("/timeline", false, fixed("/timeline")),
        (
            "/timeline query:<word>",
            false,
            topical(|t| format!("/timeline query:{t}")),
        ),
        ("/sources", false, fixed("/sources")),
        (
            "/ask <question> (the 100 questions)",
            false,
            Box::new(move |i| (format!("/ask {}", asked[i % asked.len()]), 1)),
        ),
        (
            "Discord: /statement us, page 1",
            true,
            fixed("/statement us"),
        ),
        (
            "Discord: /statement us, a press on any page",
            true,
            paged("/statement us", statement_pages),
        ),
        (
            "Discord: /statement party:us topic:<word>, page 1",
            true,
            topical(|t| format!("/statement party:us topic:{t}")),
        ),
        (
            "Discord: /timeline, a press on any page",
            true,
            paged("/timeline", timeline_pages),
        ),
        (
            "Discord: /casualties query:<word>, page 1",
            true,
            topical(|t| format!("/casualties query:{t}")),
        ),
        (
            "Discord: /sources, a press on any page",
            true,
            paged("/sources", sources_pages),
        ),
    ];
    let floor_queries: Vec<&str> = queries.iter().map(|(_, q)| q.as_str()).collect();
    for (name, discord, line_of) in &cases {
        let mut samples = Samples::default();
        for i in 0..COMMAND_SAMPLES + 20 {
            let (line, page) = line_of(i);
            // The floor runs between samples, so both see the same caches.
            floor.answer(floor_queries[i % floor_queries.len()]);
            let run = || {
                if *discord {
                    bot_page(engine, &line, page)
                } else {
                    bot_text(engine, &line)
                }
            };
            if i < 20 {
                run();
            } else {
                samples.time(run);
            }
        }
        table.row(
            &format!("{name} p50 / p99"),
            format!("{} / {}", us(samples.p50()), us(samples.p99())),
            format!("p99 {}", us(floor_p99)),
            ratio(samples.p99().as_secs_f64(), floor_p99.as_secs_f64()),
            "p99 ≤ 2",
        );
    }
}

/// A child's wall time and peak resident memory (bytes), and its standard output. The
/// child is started by a small process of this bench (`--measure`): a process started
/// straight from this one, which holds the corpus, would count this one's memory as its
/// own until it runs its program.
fn child(command: &mut Command) -> (Duration, u64, String) {
    let mut measured = myself();
    measured
        .arg("--measure")
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        measured.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => measured.env(key, value),
            None => measured.env_remove(key),
        };
    }
    let output = measured.output().expect("the measuring process runs");
    assert!(output.status.success(), "the child succeeds");
    let report = String::from_utf8_lossy(&output.stderr);
    let numbers: Vec<u64> = report
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [micros, kilobytes] = numbers[..] else {
        panic!("the measuring process said {report:?}");
    };
    (
        Duration::from_micros(micros),
        kilobytes * 1024,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// Runs `program args...`, its output through to ours, and says on stderr how long it
/// took (µs) and its peak resident memory (KiB).
#[expect(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also gives what the child used"
)]
fn measure(command: &[String]) {
    let started = Instant::now();
    let child = Command::new(&command[0])
        .args(&command[1..])
        .stderr(Stdio::null())
        .spawn()
        .expect("the measured program starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(waited, pid, "the child is waited for");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the measured program succeeds"
    );
    eprintln!("{} {}", elapsed.as_micros(), usage.ru_maxrss);
}

fn briefbot(work: &Path, index: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbot"));
    command
        .current_dir(work)
        .env_remove("DISCORD_TOKEN")
        .arg("--corpus")
        .arg(work.join("empty-corpus"))
        .arg("--index")
        .arg(index);
    command
}

fn myself() -> Command {
    Command::new(std::env::current_exe().expect("the bench's own path"))
}

/// A fresh process's first answer, and the peak memory of one-answer and serving
/// processes.
fn processes(
    work: &Path,
    floor_dir: &Path,
    bot_dir: &Path,
    queries: &[(String, String)],
    table: &mut Table,
) {
    println!("\nprocesses: {PROCESSES} fresh processes of each, alternating");
    let (mut f, mut b) = (Samples::default(), Samples::default());
    let (mut f_rss, mut b_rss) = (0, 0);
    for i in 0..PROCESSES + 2 {
        let (ft, frss, fout) = child(myself().arg("--floor-answer").arg(floor_dir).arg("oil"));
        let (bt, brss, bout) =
            child(briefbot(work, bot_dir).args(["ask", "--json", "/search oil"]));
        assert!(fout.contains("oil") && bout.contains("\"hits\""));
        if i >= 2 {
            f.0.push(ft);
            b.0.push(bt);
            f_rss = f_rss.max(frss);
            b_rss = b_rss.max(brss);
        }
    }
    table.row(
        "a fresh `ask --json \"/search oil\"` process (median)",
        us(b.p50()),
        us(f.p50()),
        ratio(b.p50().as_secs_f64(), f.p50().as_secs_f64()),
        "≤ 3",
    );
    table.row(
        "peak RSS, one-answer process",
        mb(b_rss),
        mb(f_rss),
        ratio(b_rss as f64, f_rss as f64),
        "",
    );
    let queries_file = work.join("queries.txt");
    let text: String = queries.iter().map(|(c, q)| format!("{c}\t{q}\n")).collect();
    std::fs::write(&queries_file, text).expect("the queries for the children");
    let (_, floor_serving, _) = child(
        myself()
            .arg("--serve")
            .arg("floor")
            .arg(floor_dir)
            .arg(&queries_file),
    );
    let (_, bot_serving, out) = child(
        myself()
            .arg("--serve")
            .arg("bot")
            .arg(bot_dir)
            .arg(&queries_file),
    );
    table.row(
        "peak RSS, serving process (every benchmark answer)",
        mb(bot_serving),
        mb(floor_serving),
        ratio(bot_serving as f64, floor_serving as f64),
        "≤ 2",
    );
    let _ = out;
}

/// A child serving the query set (and, for the bot, every command of the benchmark),
/// printing its open time and its /search p99.
fn serve(kind: &str, dir: &Path, queries: &Path) {
    let queries = read_queries(queries);
    let started = Instant::now();
    let mut searches = Samples::default();
    if kind == "floor" {
        let floor = Floor::open(dir);
        let opened = started.elapsed();
        for (_, q) in &queries {
            searches.time(|| floor.answer(q));
        }
        println!("{} {}", opened.as_micros(), searches.p99().as_micros());
        return;
    }
    let work = dir.parent().expect("the index's folder").to_path_buf();
    let (engine, _) = Engine::open_lazily(bot_config(&work, dir)).expect("the bot opens");
    let opened = started.elapsed();
    for (_, q) in &queries {
        searches.time(|| bot_text(&engine, &format!("/search {q}")));
    }
    let topics: Vec<&str> = queries
        .iter()
        .filter(|(c, _)| c == "single")
        .map(|(_, q)| q.as_str())
        .take(100)
        .collect();
    for t in &topics {
        for line in [
            format!("/statement party:us topic:{t}"),
            format!("/casualties query:{t}"),
            format!("/timeline query:{t}"),
        ] {
            bot_text(&engine, &line);
            bot_page(&engine, &line, 1);
        }
    }
    for (c, q) in &queries {
        if c == "question" {
            bot_text(&engine, &format!("/ask {q}"));
        }
    }
    for line in ["/statement us", "/timeline", "/casualties", "/sources"] {
        bot_text(&engine, line);
        let pages = bot_page(&engine, line, 1);
        for i in 0..50 {
            bot_page(&engine, line, 1 + (i * 7919) % pages.max(1));
        }
    }
    println!(
        "{} {} {}",
        opened.as_micros(),
        searches.p99().as_micros(),
        heap_bytes()
    );
}

/// The process's heap and other private memory now (RssAnon), apart from the files it maps.
fn heap_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// The bot alone at a quarter, all, and four times the corpus.
fn scaling(work: &Path, documents: &[Document], queries: &Path) {
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
