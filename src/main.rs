//! The `briefbot` binary: reads the command line and configuration, sets up logging, and
//! hands over to the library's front ends.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

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
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// An interactive prompt with history and tab-completion
    Console,
    /// One answer on stdout, e.g. `ask "/search ambush"`
    Ask {
        /// The answer as JSON, never truncated
        #[arg(long)]
        json: bool,
        /// A command line, e.g. "/statement azerbaijan"
        line: String,
    },
    /// Rebuild the index from the corpus
    Index,
    /// Precision, recall and F1 of the extractor against a gold set
    Eval {
        /// A gold file in the format of the development set
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// The report as JSON
        #[arg(long)]
        json: bool,
        /// List every miss and false positive
        #[arg(long)]
        verbose: bool,
    },
}

/// Exit code for a user's mistake, as `ask` promises.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if let Some(user) = e
                .downcast_ref::<briefbot::error::Error>()
                .filter(|e| e.is_user())
            {
                eprintln!("{user}");
                return ExitCode::from(USAGE);
            }
            eprintln!("briefbot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    let (path, required) = match &cli.config {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from("bot.toml"), false),
    };
    let mut config = Config::load(&path, required)?;
    if !cli.corpus.is_empty() {
        config.corpus.folders = cli.corpus.clone();
    }
    if let Some(index) = &cli.index {
        config.index.path = index.clone();
    }
    Ok(config)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = load_config(&cli)?;
    match cli.command {
        None => {
            if config.token().is_some() {
                anyhow::bail!(
                    "a Discord token is set in {}, but this build does not connect to Discord yet; unset it to use the console",
                    config.discord.token_env
                );
            }
            console(config)
        }
        Some(Command::Console) => console(config),
        Some(Command::Ask { json, line }) => ask(config, json, &line),
        Some(Command::Index) => rebuild(config),
        Some(Command::Eval {
            gold,
            json,
            verbose,
        }) => eval(config, &gold, json, verbose),
    }
}

fn open_engine(config: Config) -> anyhow::Result<Engine> {
    let (engine, built) = Engine::open(config).context("opening the index")?;
    if let Some(summary) = built {
        eprintln!("Built the index: {}", summary_line(&summary));
        report_skipped(&summary);
    }
    Ok(engine)
}

fn console(config: Config) -> anyhow::Result<ExitCode> {
    let engine = open_engine(config)?;
    briefbot::console::run(&engine)?;
    Ok(ExitCode::SUCCESS)
}

fn ask(config: Config, json: bool, line: &str) -> anyhow::Result<ExitCode> {
    let engine = open_engine(config)?;
    let answer = match engine.ask_line(line) {
        Ok(answer) => answer,
        Err(e) if e.is_user() => {
            eprintln!("{e}");
            return Ok(ExitCode::from(USAGE));
        }
        Err(e) => return Err(e.into()),
    };
    if json {
        println!("{}", render::json(&answer));
    } else {
        let style = render::text::Style {
            ansi: std::io::stdout().is_terminal(),
        };
        print!(
            "{}",
            render::text::render(&answer, engine.gazetteer(), style)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn rebuild(config: Config) -> anyhow::Result<ExitCode> {
    let gazetteer = briefbot::extract::Gazetteer::with_config(&config.parties)
        .map_err(briefbot::error::Error::Config)?;
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
    let summary = index::build(
        &config.index.path,
        &config.corpus.folders,
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
    println!("Indexed {}", summary_line(&summary));
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
        eprintln!("  skipped {}: {}", skipped.path.display(), skipped.reason);
    }
}

fn eval(
    config: Config,
    gold: &std::path::Path,
    json: bool,
    verbose: bool,
) -> anyhow::Result<ExitCode> {
    let report = briefbot::evaluate::run(&config, gold)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.render(verbose));
    }
    Ok(ExitCode::SUCCESS)
}
