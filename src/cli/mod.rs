//! The command line: the subcommands and their flags, the configuration they run on, and
//! the exit codes. Each subcommand hands over to a front end: the bot, the console, one
//! answer (`answer`), a moderator's job (`admin`) or the extractor's scores (`eval`).
//! Like the Discord adapter, it reports failures with `anyhow`; the binary only parses,
//! sets up logging and turns the result into an exit code.

mod admin;
mod answer;
mod eval;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::render;
use admin::{feeds, moderate, rebuild};
use answer::{ask, bot, bot_briefings, console};
use eval::eval;

#[derive(Parser)]
#[command(
    name = "briefbot",
    version,
    about = "Cited answers about contested news events, on Discord or in a terminal"
)]
pub struct Cli {
    /// Configuration file [default: bot.toml, if present]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Corpus folder(s), instead of those in the configuration
    #[arg(long, global = true, value_name = "DIR")]
    corpus: Vec<PathBuf>,
    /// Index folder, instead of the one in the configuration
    #[arg(long, global = true, value_name = "DIR")]
    index: Option<PathBuf>,
    /// The briefing to work on, of the configuration's [[briefings]]
    #[arg(long, global = true, value_name = "NAME")]
    briefing: Option<String>,
    /// Log what the bot does (index jobs, feeds) on stderr, in the console too
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// An interactive prompt with history and tab-completion
    Console,
    /// Check the configuration and that the token is set, without connecting
    Check,
    /// One answer on stdout: a question in plain words or a command, as the console takes
    Ask {
        /// The answer as JSON, complete
        #[arg(long)]
        json: bool,
        /// A question ("how many soldiers died?") or a command ("/statement azerbaijan");
        /// `-` with --json reads one per line from stdin and writes one JSON answer per
        /// line (JSON Lines), each as soon as it is ready
        line: String,
    },
    /// Rebuild the index from the corpus, and report what changed
    Index {
        /// Report what would change without changing anything
        #[arg(long)]
        dry_run: bool,
        /// The report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Add reporting by address or file (.md, .txt, .html, .jsonl)
    Ingest {
        #[arg(long)]
        json: bool,
        /// Addresses (http/https) or files
        #[arg(required = true)]
        items: Vec<String>,
    },
    /// Take a source out of the index (its file goes to the trash)
    Forget {
        #[arg(long)]
        json: bool,
        /// The source, as /sources lists it
        source: String,
    },
    /// Bring a forgotten source back
    Restore {
        #[arg(long)]
        json: bool,
        source: String,
    },
    /// Follow RSS/Atom feeds
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
    },
    /// Documents, claims, the last reindex, feeds' health, index size
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Precision, recall and F1 of the extractor against a gold set
    Eval {
        /// Score the configured corpus against this gold file, instead of every gold set
        /// the project holds
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// Only the sets whose name contains this
        #[arg(long, value_name = "NAME")]
        set: Option<String>,
        /// Print every record read, with the words each party came from
        #[arg(long)]
        explain: bool,
        /// The shared data folder (the development gold, Reuters-21578)
        #[arg(long, value_name = "DIR", default_value = "../shared")]
        shared: PathBuf,
        /// The report as JSON
        #[arg(long)]
        json: bool,
        /// List every miss and false positive
        #[arg(long)]
        verbose: bool,
    },
}

#[derive(Subcommand)]
enum FeedsAction {
    /// Follow a feed
    Add {
        url: String,
        /// Only entries with this word or /regex/ (repeatable)
        #[arg(long)]
        include: Vec<String>,
        /// Skip entries with this word or /regex/ (repeatable)
        #[arg(long)]
        exclude: Vec<String>,
        /// Minutes between polls
        #[arg(long, default_value_t = crate::feeds::DEFAULT_INTERVAL_MINUTES)]
        interval: u64,
        #[arg(long)]
        json: bool,
    },
    /// The feeds followed and their health
    List {
        #[arg(long)]
        json: bool,
    },
    /// Stop following a feed
    Remove {
        url: String,
        #[arg(long)]
        json: bool,
    },
    /// Poll one feed, or all, now
    Poll {
        url: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Exit code for a user's mistake, as `ask` promises.
const USAGE: u8 = 2;

/// The exit code of a run: a user's mistake is one clear line and [`USAGE`], a reader
/// that went away (`| head`) a quiet success, anything else the error and its causes.
pub fn exit_code(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): stop quietly, as other tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(user) = e
                .downcast_ref::<crate::error::Error>()
                .filter(|e| e.is_user())
            {
                say(&user.to_string());
                return ExitCode::from(USAGE);
            }
            say(&format!("briefbot: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// What the log shows unless `RUST_LOG` says otherwise. Running as a bot, the log is the
/// record of what moderators did: info. Anywhere a person reads the answers (the
/// console, `ask`), info lines would interleave with them: only warnings, unless `-v`.
pub fn log_level(cli: &Cli, config: &Config) -> &'static str {
    let bot = cli.command.is_none() && config.token().is_some();
    if bot || cli.verbose {
        "info,serenity=warn,tantivy=warn"
    } else {
        "warn"
    }
}

/// Writes to stdout; a closed pipe comes back as an error for `main` to end quietly on,
/// where `print!` would panic.
fn out(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// One line on stderr, made safe for a terminal: messages quote what was typed or read.
fn say(text: &str) {
    let line = crate::text::strip_controls(text);
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    let (path, required) = match &cli.config {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from("bot.toml"), false),
    };
    let whole = Config::load(&path, required)?;
    let mut config = match briefing_of(cli, &whole)? {
        // The bot itself serves every briefing; everything else works on one.
        None => whole,
        Some(name) => whole.briefing(&name).map_err(crate::error::Error::User)?,
    };
    if !cli.corpus.is_empty() {
        config.corpus.folders = cli.corpus.clone();
    }
    if let Some(index) = &cli.index {
        config.index.path = index.clone();
    }
    Ok(config)
}

/// The briefing a command works on: `--briefing`, or the only one there is. `None` for
/// the bot with `[[briefings]]`, which serves them all, and without, where there is one.
fn briefing_of(cli: &Cli, config: &Config) -> anyhow::Result<Option<String>> {
    let refuse = |message: String| -> anyhow::Result<Option<String>> {
        Err(crate::error::Error::User(crate::error::UserError::new(message)).into())
    };
    let serves_all = cli.command.is_none() && config.token().is_some();
    if serves_all || matches!(cli.command, Some(Command::Check)) {
        return match &cli.briefing {
            // One briefing run alone would answer in every server, its binding ignored.
            Some(_) if !config.briefings.is_empty() => refuse(
                "The bot serves every briefing where each is bound; --briefing is for the other commands.".into(),
            ),
            Some(name) => config
                .briefing(name)
                .map(|_| None)
                .or_else(|e| refuse(e.message)),
            None => Ok(None),
        };
    }
    match (&cli.briefing, config.briefings.as_slice()) {
        (Some(name), _) => Ok(Some(name.clone())),
        (None, []) => Ok(None),
        (None, [only]) => Ok(Some(only.name.clone())),
        (None, _) => refuse(format!(
            "Name the briefing to work on with --briefing NAME: this configuration has {}.",
            config.briefing_names().join(", ")
        )),
    }
}

pub fn run(cli: Cli, config: Config) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => match config.token() {
            Some(token) if !config.briefings.is_empty() => bot_briefings(config, token),
            Some(token) => bot(config, token),
            None => console(config),
        },
        Some(Command::Check) => match crate::discord::check(&config) {
            Ok(report) => {
                out(&report.to_string())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(failed) => {
                say(failed.to_string().trim_end());
                Ok(ExitCode::FAILURE)
            }
        },
        Some(Command::Console) => console(config),
        Some(Command::Ask { json, line }) => ask(config, json, &line),
        Some(Command::Index {
            dry_run: false,
            json,
        }) => rebuild(config, json),
        Some(Command::Index {
            dry_run: true,
            json,
        }) => moderate(config, json, |m| {
            Box::pin(async move {
                let report = m.reindex(true).await?;
                Ok((
                    render::admin::reindex(&report),
                    serde_json::to_value(&report)?,
                ))
            })
        }),
        Some(Command::Ingest { json, items }) => moderate(config, json, |m| {
            Box::pin(async move {
                let report = m.ingest_items(&items).await?;
                Ok((
                    render::admin::ingest(&report),
                    serde_json::to_value(&report)?,
                ))
            })
        }),
        Some(Command::Forget { json, source }) => moderate(config, json, |m| {
            Box::pin(async move {
                let report = m.forget(&source).await?;
                Ok((
                    render::admin::trash("Forgot", &report),
                    serde_json::to_value(&report)?,
                ))
            })
        }),
        Some(Command::Restore { json, source }) => moderate(config, json, |m| {
            Box::pin(async move {
                let report = m.restore(&source).await?;
                Ok((
                    render::admin::trash("Restored", &report),
                    serde_json::to_value(&report)?,
                ))
            })
        }),
        Some(Command::Status { json }) => moderate(config, json, |m| {
            Box::pin(async move {
                let status = m.status();
                Ok((
                    render::admin::status(&status),
                    serde_json::to_value(&status)?,
                ))
            })
        }),
        Some(Command::Feeds { action }) => feeds(config, action),
        Some(Command::Eval {
            gold,
            set,
            explain,
            shared,
            json,
            verbose,
        }) => eval(
            config,
            gold.as_deref(),
            set.as_deref(),
            &shared,
            json,
            verbose,
            explain,
        ),
    }
}
