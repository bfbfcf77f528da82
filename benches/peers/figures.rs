//! The figures of one process: builds, `/search`, and every other command.

use std::path::{Path, PathBuf};
use std::time::Duration;

use briefbot::corpus::Document;
use briefbot::engine::Engine;
use briefbot::extract::Gazetteer;
use briefbot::index;

use crate::bot::{bot_build, bot_page, bot_text};
use crate::floor::{Floor, floor_build};
use crate::{
    BUILDS, COMMAND_SAMPLES, Paragraph, SEARCH_ROUNDS, Samples, Table, folder_bytes, mb, ratio, us,
};

/// Builds both, alternating, and keeps the last of each.
pub(crate) fn builds(
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
pub(crate) fn searches(
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
pub(crate) fn commands(
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
