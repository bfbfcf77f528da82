//! The moderators' reports in plain lines, for the terminal and for Discord's private
//! replies alike.

use std::fmt::Write;

use crate::feeds::{FeedStatus, PollOutcome, PollReport};
use crate::jobs::{IngestReport, ReindexReport, TrashReport};
use crate::library::Diff;
use crate::status::Status;

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn names(list: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = list
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        let _ = write!(text, " and {} more", list.len() - SHOWN);
    }
    text
}

pub fn diff(d: &Diff) -> String {
    let mut out = format!(
        "{} added, {} removed, {} changed; claims {} → {}, statements {} → {}",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.claims_before,
        d.claims_after,
        d.statements_before,
        d.statements_after
    );
    for (what, list) in [
        ("added", &d.added),
        ("removed", &d.removed),
        ("changed", &d.changed),
    ] {
        if !list.is_empty() {
            let _ = write!(out, "\n  {what}: {}", names(list));
        }
    }
    out
}

pub fn reindex(r: &ReindexReport) -> String {
    let head = if r.dry_run {
        "Dry run, nothing changed. A reindex would give"
    } else {
        "Reindexed:"
    };
    let mut out = format!(
        "{head} {}, {} in {:.2} s.\n{}",
        plural(r.documents, "document", "documents"),
        plural(r.paragraphs, "paragraph", "paragraphs"),
        r.seconds,
        diff(&r.diff)
    );
    for skipped in &r.skipped {
        let _ = write!(
            out,
            "\n  skipped {}: {}",
            skipped.path.display(),
            skipped.reason
        );
    }
    out
}

pub fn ingest(r: &IngestReport) -> String {
    let mut out = String::new();
    if r.added.is_empty() {
        out.push_str("Nothing added.");
    }
    for a in &r.added {
        let outlet = a.outlet.as_deref().unwrap_or("outlet not given");
        let date = a.published.map_or("undated".to_string(), |d| d.to_string());
        let _ = write!(
            out,
            "Added “{}” — {outlet}, {date}: {}, {}, {} ({})",
            a.title,
            plural(a.paragraphs, "paragraph", "paragraphs"),
            plural(a.claims, "casualty claim", "casualty claims"),
            plural(a.statements, "statement", "statements"),
            a.source
        );
        if let Some(original) = &a.copy_of {
            let _ = write!(out, "; a copy of {original}, grouped with it");
        }
        out.push('\n');
    }
    for refused in &r.refused {
        let _ = write!(out, "\nNot added: {} — {}", refused.what, refused.reason);
    }
    out.trim_end().to_string()
}

pub fn trash(verb: &str, r: &TrashReport) -> String {
    format!(
        "{verb} “{}” ({}); the index now has {}.",
        r.entry.title,
        r.entry.source,
        plural(r.documents, "document", "documents")
    )
}

pub fn feed(f: &FeedStatus) -> String {
    let health = match (&f.last_error, f.last_success) {
        (Some(error), _) => format!("failing ({} in a row): {error}", f.consecutive_failures),
        (None, Some(at)) => format!("ok, last polled {}", at.format("%Y-%m-%d %H:%M UTC")),
        (None, None) => "not polled yet".to_string(),
    };
    let mut line = format!(
        "{} — every {} min, {health}",
        f.spec.url, f.spec.interval_minutes
    );
    if !f.spec.include.is_empty() {
        let _ = write!(line, "; include: {}", f.spec.include.join(", "));
    }
    if !f.spec.exclude.is_empty() {
        let _ = write!(line, "; exclude: {}", f.spec.exclude.join(", "));
    }
    line
}

pub fn feeds(list: &[FeedStatus]) -> String {
    if list.is_empty() {
        return "No feeds are followed. Add one with `feeds add <url>`.".into();
    }
    list.iter().map(feed).collect::<Vec<_>>().join("\n")
}

pub fn poll(r: &PollReport) -> String {
    let first = if r.first_poll {
        " (first poll: stored, not announced)"
    } else {
        ""
    };
    match &r.outcome {
        PollOutcome::NotModified => format!("{}: not modified", r.url),
        PollOutcome::Failed { error } => format!("{}: failed: {error}", r.url),
        PollOutcome::Polled {
            entries,
            new,
            relevant,
            added,
            skipped,
        } => {
            let mut out = format!(
                "{}: {entries} entries, {new} new, {relevant} relevant, {} added{first}",
                r.url,
                added.len()
            );
            for title in added {
                let _ = write!(out, "\n  added: {title}");
            }
            for s in skipped {
                let _ = write!(out, "\n  skipped: {} — {}", s.title, s.reason);
            }
            out
        }
    }
}

pub fn status(s: &Status) -> String {
    let mut out = format!(
        "briefbot {} — up {} s\n{} ({} independent), {}, {}, {}\nIndex built {}, {:.1} MB on disk{}",
        s.version,
        s.uptime_seconds,
        plural(s.documents, "document", "documents"),
        s.independent_sources,
        plural(s.paragraphs, "paragraph", "paragraphs"),
        plural(s.claims, "casualty claim", "casualty claims"),
        plural(s.statements, "statement", "statements"),
        s.index_built_at.format("%Y-%m-%d %H:%M UTC"),
        s.index_bytes as f64 / 1_000_000.0,
        if s.reindex_running {
            "; a reindex is running"
        } else {
            ""
        }
    );
    match &s.last_reindex {
        Some(r) => {
            let _ = write!(
                out,
                "\nLast reindex {}: {}",
                r.finished_at.format("%Y-%m-%d %H:%M UTC"),
                diff(&r.diff)
            );
        }
        None => out.push_str("\nNo reindex since the index was first built."),
    }
    let _ = write!(out, "\nFeeds:\n{}", feeds(&s.feeds));
    for warning in &s.feed_warnings {
        let _ = write!(out, "\nwarning: {warning}");
    }
    out
}
