//! Answers on the command line: the bot, the console, and `ask`'s one answer or one
//! answer per line read.

use std::process::ExitCode;

use anyhow::Context;

use super::admin::{Moderator, report_skipped, summary_line};
use super::{USAGE, out, say};
use crate::answer::Window;
use crate::config::Config;
use crate::engine::Engine;
use crate::render;

pub(super) fn open_engine(config: Config) -> anyhow::Result<Engine> {
    open_engine_with(config, false)
}

/// Opens the engine; `lazily`, the gazetteer is read only when an answer needs it.
fn open_engine_with(config: Config, lazily: bool) -> anyhow::Result<Engine> {
    let opened = if lazily {
        Engine::open_lazily(config)
    } else {
        Engine::open(config)
    };
    let (engine, built) = match opened {
        Ok(opened) => opened,
        Err(e) if e.is_user() => return Err(e.into()),
        Err(e) => return Err(anyhow::Error::new(e).context("opening the index")),
    };
    if let Some(summary) = built {
        match &summary.repaired {
            Some(what) => say(&format!(
                "The index was damaged ({what}); rebuilt it from the corpus: {}",
                summary_line(&summary)
            )),
            None => say(&format!("Built the index: {}", summary_line(&summary))),
        }
        report_skipped(&summary);
    }
    Ok(engine)
}

/// Runs the bot on Discord until SIGINT or SIGTERM.
pub(super) fn bot(config: Config, token: String) -> anyhow::Result<ExitCode> {
    let engine = std::sync::Arc::new(open_engine(config)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(crate::discord::run(engine, token))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the bot on its `[[briefings]]`, each opened (its index built if need be) on first
/// use.
pub(super) fn bot_briefings(config: Config, token: String) -> anyhow::Result<ExitCode> {
    for name in config.briefing_names() {
        config
            .briefing(name)
            .map_err(crate::error::Error::User)?
            .check_corpus()
            .map_err(crate::error::Error::User)?;
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(crate::discord::run_briefings(config, token))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn console(config: Config) -> anyhow::Result<ExitCode> {
    let engine = std::sync::Arc::new(open_engine(config)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let (moderation, worker) =
        runtime.block_on(async { Moderator::start(engine.clone(), None) })?;
    crate::console::run(&engine, Some((&moderation, &runtime)))?;
    drop(moderation);
    worker.join();
    Ok(ExitCode::SUCCESS)
}

pub(super) fn ask(config: Config, json: bool, line: &str) -> anyhow::Result<ExitCode> {
    if line == "-" {
        if !json {
            say("Reading questions from stdin needs --json: briefbot ask --json -");
            return Ok(ExitCode::from(USAGE));
        }
        return ask_lines(open_engine_with(config, true)?);
    }
    let typed = crate::commands::typed(line);
    let engine = open_engine_with(config, needs_no_parties(&typed))?;
    let window = if json {
        Window::ALL
    } else {
        render::text::window()
    };
    let answer = match engine.ask_line_window(&typed, window) {
        Ok(answer) => answer,
        Err(e) if e.is_user() => {
            say(&e.to_string());
            return Ok(ExitCode::from(USAGE));
        }
        Err(e) => return Err(e.into()),
    };
    if json {
        out(&format!("{}\n", render::json(&answer)))?;
    } else {
        let style = render::text::Style::for_stdout();
        out(&render::text::render(&answer, engine.gazetteer(), style))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a command line is answered without the parties: then a one-answer process
/// need not read the gazetteer.
fn needs_no_parties(line: &str) -> bool {
    crate::commands::parse_line(line).is_ok_and(|invocation| {
        matches!(
            invocation.command.name,
            "search" | "sources" | "help" | "timeline"
        )
    })
}

/// `ask --json -`: one JSON answer per line read, written and flushed before the next
/// line is read, so a script can keep one process open. A line that cannot be answered
/// gets `{"error": ..., "kind": "user" | "internal"}` in its place; the next is still read.
fn ask_lines(engine: Engine) -> anyhow::Result<ExitCode> {
    use std::io::BufRead;
    let mut input = std::io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(ExitCode::SUCCESS);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        let answered = match engine.ask_line(&crate::commands::typed(text)) {
            Ok(answer) => serde_json::to_string(&answer),
            Err(e) => {
                if !e.is_user() {
                    tracing::error!(error = %e, "answering failed");
                }
                let kind = if e.is_user() { "user" } else { "internal" };
                let message = crate::text::strip_controls(&e.to_string()).into_owned();
                serde_json::to_string(&serde_json::json!({"error": message, "kind": kind}))
            }
        };
        out(&format!("{}\n", answered?))?;
    }
}
