//! The moderators' subcommands: each opens the engine and its index worker, runs one
//! job and prints its report as text or JSON; `index` rebuilds through the index writer
//! with a progress bar.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;

use super::answer::open_engine;
use super::{FeedsAction, USAGE, out, say};
use crate::config::Config;
use crate::index::{self, BuildSummary};
use crate::render;

pub(super) type Moderator = crate::moderation::Moderation<crate::feeds::NoAnnouncer>;
type Reply<'a> = std::pin::Pin<
    Box<dyn std::future::Future<Output = anyhow::Result<(String, serde_json::Value)>> + 'a>,
>;

/// Runs one moderator operation: opens the engine and its worker, prints the report as
/// text or JSON, and waits for the worker to finish.
pub(super) fn moderate(
    config: Config,
    json: bool,
    operation: impl for<'a> FnOnce(&'a Moderator) -> Reply<'a>,
) -> anyhow::Result<ExitCode> {
    let engine = std::sync::Arc::new(open_engine(config)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let (moderation, worker) = runtime.block_on(async { Moderator::start(engine, None) })?;
    let result = runtime.block_on(operation(&moderation));
    drop(moderation);
    worker.join();
    let (text, value) = match result {
        Ok(output) => output,
        Err(e) => {
            if let Some(user) = e
                .downcast_ref::<crate::error::Error>()
                .filter(|e| e.is_user())
            {
                say(&user.to_string());
                return Ok(ExitCode::from(USAGE));
            }
            return Err(e);
        }
    };
    if json {
        out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        out(&format!("{}\n", crate::text::strip_controls(&text)))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn feeds(config: Config, action: FeedsAction) -> anyhow::Result<ExitCode> {
    match action {
        FeedsAction::Add {
            url,
            include,
            exclude,
            interval,
            json,
        } => moderate(config, json, |m| {
            Box::pin(async move {
                let spec = crate::feeds::FeedSpec {
                    url,
                    interval_minutes: interval,
                    include,
                    exclude,
                };
                let status = m.feeds_add(spec).await?;
                Ok((
                    format!("Following {}", render::admin::feed(&status)),
                    serde_json::to_value(&status)?,
                ))
            })
        }),
        FeedsAction::List { json } => moderate(config, json, |m| {
            Box::pin(async move {
                let list = m.feeds_list();
                Ok((render::admin::feeds(&list), serde_json::to_value(&list)?))
            })
        }),
        FeedsAction::Remove { url, json } => moderate(config, json, |m| {
            Box::pin(async move {
                m.feeds_remove(&url).await?;
                Ok((
                    format!("No longer following {url}"),
                    serde_json::json!({"removed": url}),
                ))
            })
        }),
        FeedsAction::Poll { url, json } => moderate(config, json, |m| {
            Box::pin(async move {
                let reports = m.feeds_poll(url.as_deref()).await?;
                let text = if reports.is_empty() {
                    "No feeds are followed.".to_string()
                } else {
                    reports
                        .iter()
                        .map(render::admin::poll)
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                Ok((text, serde_json::to_value(&reports)?))
            })
        }),
    }
}

pub(super) fn rebuild(config: Config, json: bool) -> anyhow::Result<ExitCode> {
    let gazetteer = crate::extract::Gazetteer::with_config(&config.parties)
        .map_err(crate::error::Error::from)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let before = match index::Snapshot::open(&config.index.path) {
        Ok(Ok(snapshot)) => crate::library::Census::of_catalog(&snapshot.catalog),
        _ => crate::library::Census::default(),
    };
    let summary = index::Writer::new(&config.index.path).rebuild(
        &config.index_folders(),
        &gazetteer,
        &mut |p| {
            if let Some(bar) = &bar {
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
            }
            true
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let after = match index::Snapshot::open(&config.index.path)? {
        Ok(snapshot) => crate::library::Census::of_catalog(&snapshot.catalog),
        Err(why) => anyhow::bail!("the index just built does not open: {why:?}"),
    };
    let diff = before.diff(&after);
    if json {
        let value = serde_json::json!({"summary": summary, "diff": diff});
        out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    out(&format!(
        "Indexed {}\n{}\n",
        summary_line(&summary),
        crate::text::strip_controls(&render::admin::diff(&diff))
    ))?;
    report_skipped(&summary);
    Ok(ExitCode::SUCCESS)
}

pub(super) fn summary_line(s: &BuildSummary) -> String {
    format!(
        "{} documents, {} paragraphs, {} casualty claims, {} statements, {} skipped, in {:.2} s",
        s.documents,
        s.paragraphs,
        s.claims,
        s.statements,
        s.skipped.len(),
        s.seconds
    )
}

pub(super) fn report_skipped(s: &BuildSummary) {
    for skipped in &s.skipped {
        say(&format!(
            "  skipped {}: {}",
            skipped.path.display(),
            skipped.reason
        ));
    }
}
