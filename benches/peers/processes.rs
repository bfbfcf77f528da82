//! Fresh processes: a child measured for time and peak memory, and the children this
//! bench runs of itself.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use briefbot::engine::Engine;

use crate::bot::{bot_config, bot_page, bot_text};
use crate::floor::Floor;
use crate::{PROCESSES, Samples, Table, mb, ratio, read_queries, us};

/// A child's wall time and peak resident memory (bytes), and its standard output. The
/// child is started by a small process of this bench (`--measure`): a process started
/// straight from this one, which holds the corpus, would count this one's memory as its
/// own until it runs its program.
pub(crate) fn child(command: &mut Command) -> (Duration, u64, String) {
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
pub(crate) fn measure(command: &[String]) {
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

pub(crate) fn briefbot(work: &Path, index: &Path) -> Command {
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

pub(crate) fn myself() -> Command {
    Command::new(std::env::current_exe().expect("the bench's own path"))
}

/// A fresh process's first answer, and the peak memory of one-answer and serving
/// processes.
pub(crate) fn processes(
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
pub(crate) fn serve(kind: &str, dir: &Path, queries: &Path) {
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
