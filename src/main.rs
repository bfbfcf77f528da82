//! The `briefbot` binary: reads the command line and configuration, sets up logging, and
//! hands over to the library's front ends.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use briefbot::answer::Window;
use briefbot::config::Config;
use briefbot::engine::Engine;
use briefbot::index::{self, BuildSummary};
use briefbot::render;

#[derive(Parser)]
#[command(
    name = "briefbot",
    version,
    about = "Cited answers about contested news events, on Discord or in a terminal"
)]
struct Cli {
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
        #[arg(long, default_value_t = briefbot::feeds::DEFAULT_INTERVAL_MINUTES)]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = load_config(&cli).and_then(|config| {
        init_logging(log_level(&cli, &config));
        run(cli, config)
    });
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): stop quietly, as other tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(user) = e
                .downcast_ref::<briefbot::error::Error>()
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
fn log_level(cli: &Cli, config: &Config) -> &'static str {
    let bot = cli.command.is_none() && config.token().is_some();
    if bot || cli.verbose {
        "info,serenity=warn,tantivy=warn"
    } else {
        "warn"
    }
}

fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // journald and log files store escape codes as they are: colour only on a terminal.
    let colour = render::text::wants_colour(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour)
        .with_writer(std::io::stderr)
        .init();
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
    let line = briefbot::text::strip_controls(text);
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    let (path, required) = match &cli.config {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from("bot.toml"), false),
    };
    let whole = Config::load(&path, required)?;
    let mut config = match briefing_of(cli, &whole)? {
        // The bot itself serves every briefing; everything else works on one.
        None => whole,
        Some(name) => whole
            .briefing(&name)
            .map_err(briefbot::error::Error::User)?,
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
        Err(briefbot::error::Error::User(briefbot::error::UserError::new(message)).into())
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

fn run(cli: Cli, config: Config) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => match config.token() {
            Some(token) if !config.briefings.is_empty() => bot_briefings(config, token),
            Some(token) => bot(config, token),
            None => console(config),
        },
        Some(Command::Check) => match briefbot::discord::check(&config) {
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

fn open_engine(config: Config) -> anyhow::Result<Engine> {
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
fn bot(config: Config, token: String) -> anyhow::Result<ExitCode> {
    let engine = std::sync::Arc::new(open_engine(config)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(briefbot::discord::run(engine, token))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the bot on its `[[briefings]]`, each opened (its index built if need be) on first
/// use.
fn bot_briefings(config: Config, token: String) -> anyhow::Result<ExitCode> {
    for name in config.briefing_names() {
        config
            .briefing(name)
            .map_err(briefbot::error::Error::User)?
            .check_corpus()
            .map_err(briefbot::error::Error::User)?;
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(briefbot::discord::run_briefings(config, token))?;
    Ok(ExitCode::SUCCESS)
}

fn console(config: Config) -> anyhow::Result<ExitCode> {
    let engine = std::sync::Arc::new(open_engine(config)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let (moderation, worker) =
        runtime.block_on(async { Moderator::start(engine.clone(), None) })?;
    briefbot::console::run(&engine, Some((&moderation, &runtime)))?;
    drop(moderation);
    worker.join();
    Ok(ExitCode::SUCCESS)
}

fn ask(config: Config, json: bool, line: &str) -> anyhow::Result<ExitCode> {
    if line == "-" {
        if !json {
            say("Reading questions from stdin needs --json: briefbot ask --json -");
            return Ok(ExitCode::from(USAGE));
        }
        return ask_lines(open_engine_with(config, true)?);
    }
    let typed = briefbot::commands::typed(line);
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
    briefbot::commands::parse_line(line).is_ok_and(|invocation| {
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
        let answered = match engine.ask_line(&briefbot::commands::typed(text)) {
            Ok(answer) => serde_json::to_string(&answer),
            Err(e) => {
                if !e.is_user() {
                    tracing::error!(error = %e, "answering failed");
                }
                let kind = if e.is_user() { "user" } else { "internal" };
                let message = briefbot::text::strip_controls(&e.to_string()).into_owned();
                serde_json::to_string(&serde_json::json!({"error": message, "kind": kind}))
            }
        };
        out(&format!("{}\n", answered?))?;
    }
}

type Moderator = briefbot::moderation::Moderation<briefbot::feeds::NoAnnouncer>;
type Reply<'a> = std::pin::Pin<
    Box<dyn std::future::Future<Output = anyhow::Result<(String, serde_json::Value)>> + 'a>,
>;

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
                .downcast_ref::<briefbot::error::Error>()
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
        out(&format!("{}\n", briefbot::text::strip_controls(&text)))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn feeds(config: Config, action: FeedsAction) -> anyhow::Result<ExitCode> {
    match action {
        FeedsAction::Add {
            url,
            include,
            exclude,
            interval,
            json,
        } => moderate(config, json, |m| {
            Box::pin(async move {
                let spec = briefbot::feeds::FeedSpec {
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

fn rebuild(config: Config, json: bool) -> anyhow::Result<ExitCode> {
    let gazetteer = briefbot::extract::Gazetteer::with_config(&config.parties)
        .map_err(briefbot::error::Error::from)?;
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
        Ok(Ok(snapshot)) => briefbot::library::Census::of_catalog(&snapshot.catalog),
        _ => briefbot::library::Census::default(),
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
        Ok(snapshot) => briefbot::library::Census::of_catalog(&snapshot.catalog),
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
        briefbot::text::strip_controls(&render::admin::diff(&diff))
    ))?;
    report_skipped(&summary);
    Ok(ExitCode::SUCCESS)
}

fn summary_line(s: &BuildSummary) -> String {
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

fn report_skipped(s: &BuildSummary) {
    for skipped in &s.skipped {
        say(&format!(
            "  skipped {}: {}",
            skipped.path.display(),
            skipped.reason
        ));
    }
}

fn eval(
    config: Config,
    gold: Option<&std::path::Path>,
    only: Option<&str>,
    shared: &std::path::Path,
    json: bool,
    verbose: bool,
    explain: bool,
) -> anyhow::Result<ExitCode> {
    use briefbot::evaluate;
    let evaluations = match gold {
        Some(gold) => vec![evaluate::run_file(&config, gold)?],
        None => {
            let gazetteer = briefbot::extract::Gazetteer::with_config(&config.parties)
                .map_err(briefbot::error::Error::from)?;
            let reuters = evaluate::Reuters::new(shared.join("data/news/reuters21578.jsonl"));
            let sets: Vec<evaluate::Set> = evaluate::discover(std::path::Path::new("."), shared)
                .into_iter()
                .filter(|s| only.is_none_or(|o| s.name.contains(o)))
                .collect();
            if sets.is_empty() {
                anyhow::bail!(
                    "no gold sets found: run from the project folder, with the shared data at {}",
                    shared.display()
                );
            }
            sets.iter()
                .map(|set| evaluate::run_set(set, &gazetteer, &reuters))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    if explain {
        out(&evaluate::explain(&evaluations))?;
    }
    if json {
        let all: Vec<serde_json::Value> = evaluations.iter().map(|e| e.to_json()).collect();
        out(&format!("{}\n", serde_json::to_string_pretty(&all)?))?;
    } else {
        out(&evaluate::render(&evaluations, verbose))?;
    }
    Ok(ExitCode::SUCCESS)
}
