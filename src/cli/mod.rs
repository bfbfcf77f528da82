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

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::CommandSpec;
use crate::config::Config;
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
    /// A moderator's command of the table, and what was given to it.
    #[arg(skip)]
    admin: Option<(&'static CommandSpec, ArgMatches)>,
}

/// The whole command line: the subcommands above, then the moderators' commands of the
/// table, as [`admin`] makes them.
pub fn command() -> clap::Command {
    admin::subcommands().fold(Cli::command(), |command, admin| command.subcommand(admin))
}

impl Cli {
    /// Reads the process's arguments; a mistake in them ends the process with clap's
    /// message and exit code.
    pub fn from_command_line() -> Cli {
        let matches = command().get_matches();
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        cli.admin = matches
            .subcommand()
            .and_then(|(name, given)| Some((admin::find(name)?, given.clone())));
        cli
    }

    /// Whether this runs the bot (or the console, without a token): no subcommand.
    fn runs_bot(&self) -> bool {
        self.command.is_none() && self.admin.is_none()
    }
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
    let bot = cli.runs_bot() && config.token().is_some();
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
    let serves_all = cli.runs_bot() && config.token().is_some();
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
    if let Some((spec, given)) = &cli.admin {
        return admin::run(config, spec, given);
    }
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
