//! The moderators' subcommands, made from the command table as the console and Discord
//! read it: `briefbot forget <source>` is `/forget source:<source>`, run by the same
//! handler (`Moderation::execute`) and printed as text or JSON. The table's first text
//! option is given without its name, as the console takes it; a boolean is a `--flag`; an
//! option of a few choices (`/feeds action:`) is a subcommand per choice.
//!
//! Three things are the terminal's own: `index` rebuilds through the index writer with a
//! progress bar, `ingest` takes many addresses or file paths as one job, and `feeds add`
//! takes the minutes between polls.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Arg, ArgAction, ArgMatches};

use super::answer::open_engine;
use super::{USAGE, out, say};
use crate::commands::{COMMANDS, CommandSpec, Invocation, OptionKind, OptionSpec, OptionValue};
use crate::config::Config;
use crate::index::{self, BuildSummary};
use crate::render;

pub(super) type Moderator = crate::moderation::Moderation<crate::feeds::NoAnnouncer>;
type Reply<'a> = std::pin::Pin<
    Box<dyn std::future::Future<Output = anyhow::Result<(String, serde_json::Value)>> + 'a>,
>;

/// The moderators' commands of the table, as `briefbot` subcommands.
pub(super) fn subcommands() -> impl Iterator<Item = clap::Command> {
    COMMANDS.iter().filter(|c| c.admin).map(subcommand)
}

/// The table's moderator command that `name` runs from the command line.
pub(super) fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.admin && c.cli_name() == name)
}

fn subcommand(spec: &'static CommandSpec) -> clap::Command {
    let about = spec.description.trim_end_matches(" (moderators)");
    let command = clap::Command::new(spec.cli_name()).about(about);
    match spec
        .options
        .iter()
        .find(|o| !o.choices.is_empty() && o.required)
    {
        Some(choice) => command
            .subcommand_required(true)
            .subcommands(choice.choices.iter().map(|&each| {
                let action = clap::Command::new(each).args(args(spec, Some(choice)));
                // Said before the engine opens, as a missing argument always was.
                let needs_url = |action: clap::Command| action.mut_arg("url", |a| a.required(true));
                match (spec.name, each) {
                    ("feeds", "add") => needs_url(action).arg(
                        Arg::new("interval")
                            .long("interval")
                            .value_name("MINUTES")
                            .help("Minutes between polls")
                            .value_parser(clap::value_parser!(u64))
                            .default_value(crate::feeds::DEFAULT_INTERVAL_MINUTES.to_string()),
                    ),
                    ("feeds", "remove") => needs_url(action),
                    _ => action,
                }
            })),
        None => command.args(args(spec, None)),
    }
}

/// The arguments of `spec`'s options but `skip`, and `--json`.
fn args(spec: &'static CommandSpec, skip: Option<&OptionSpec>) -> Vec<Arg> {
    let takes_file = spec
        .options
        .iter()
        .any(|o| o.kind == OptionKind::Attachment);
    let first = first_text(spec, skip);
    let mut args: Vec<Arg> = spec
        .options
        .iter()
        .filter(|o| skip.is_none_or(|s| s.name != o.name) && o.kind != OptionKind::Attachment)
        .map(|option| {
            let arg = Arg::new(option.name).help(option.description);
            match option.kind {
                OptionKind::Boolean => arg
                    .long(option.name.replace('_', "-"))
                    .action(ArgAction::SetTrue),
                _ if first.is_some_and(|f| f.name == option.name) && takes_file => arg
                    .value_name("ITEMS")
                    .help("Addresses (http/https) or files")
                    .required(true)
                    .num_args(1..),
                _ if first.is_some_and(|f| f.name == option.name) => arg
                    .value_name(option.name.to_uppercase())
                    .required(option.required),
                _ => arg
                    .long(option.name)
                    .value_name(option.name.to_uppercase())
                    .action(ArgAction::Append),
            }
        })
        .collect();
    args.push(
        Arg::new("json")
            .long("json")
            .help("The report as JSON")
            .action(ArgAction::SetTrue),
    );
    args
}

/// The option given without its name: the first of text, as the console reads it.
fn first_text(
    spec: &'static CommandSpec,
    skip: Option<&OptionSpec>,
) -> Option<&'static OptionSpec> {
    spec.options.iter().find(|o| {
        skip.is_none_or(|s| s.name != o.name)
            && !matches!(o.kind, OptionKind::Boolean | OptionKind::Attachment)
    })
}

/// Runs the moderator command `spec` with the arguments given to its subcommand.
pub(super) fn run(
    config: Config,
    spec: &'static CommandSpec,
    matches: &ArgMatches,
) -> anyhow::Result<ExitCode> {
    let (action, matches) = match matches.subcommand() {
        Some((action, matches)) => (Some(action), matches),
        None => (None, matches),
    };
    let json = matches.get_flag("json");
    let values = |name: &str| -> Vec<String> {
        matches
            .try_get_many::<String>(name)
            .ok()
            .flatten()
            .map(|values| values.cloned().collect())
            .unwrap_or_default()
    };
    match (spec.name, action) {
        ("reindex", _) if !matches.get_flag("dry_run") => return rebuild(config, json),
        ("ingest", _) => {
            let items = values("url");
            return moderate(config, json, |m| {
                Box::pin(async move {
                    let report = m.ingest_items(&items).await?;
                    Ok((
                        render::admin::ingest(&report),
                        serde_json::to_value(&report)?,
                    ))
                })
            });
        }
        ("feeds", Some("add")) => {
            let spec = crate::feeds::FeedSpec {
                url: values("url").concat(),
                interval_minutes: matches
                    .get_one::<u64>("interval")
                    .copied()
                    .unwrap_or_default(),
                include: values("include"),
                exclude: values("exclude"),
            };
            return moderate(config, json, |m| {
                Box::pin(async move {
                    let status = m.feeds_add(spec).await?;
                    let text = format!("Following {}", render::admin::feed(&status));
                    Ok((text, serde_json::to_value(&status)?))
                })
            });
        }
        _ => {}
    }
    let mut raw = Vec::new();
    for option in spec.options {
        let value = match (option.kind, action) {
            (_, Some(action)) if !option.choices.is_empty() => action.to_string(),
            (OptionKind::Boolean, _) => match matches.get_flag(option.name) {
                true => "true".to_string(),
                false => continue,
            },
            _ => match values(option.name).join(",") {
                joined if joined.is_empty() => continue,
                joined => joined,
            },
        };
        raw.push((option.name.to_string(), OptionValue::Text(value)));
    }
    let invocation = match Invocation::new(spec, raw) {
        Ok(invocation) => invocation,
        Err(e) => {
            say(&e.to_string());
            return Ok(ExitCode::from(USAGE));
        }
    };
    moderate(config, json, |m| {
        Box::pin(async move {
            let reply = m.execute(&invocation, None).await?;
            Ok((reply.text, reply.json))
        })
    })
}

/// Runs one moderator operation: opens the engine and its worker, prints the report as
/// text or JSON, and waits for the worker to finish.
fn moderate(
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

fn rebuild(config: Config, json: bool) -> anyhow::Result<ExitCode> {
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
