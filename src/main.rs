//! The `briefbot` binary: reads the command line and configuration, sets up logging, and
//! hands over to the library's front ends.

use std::io::IsTerminal;
use std::process::ExitCode;

use briefbot::cli::{self, Cli};
use briefbot::render;

/// mimalloc for the bot: the extractor makes many small, short-lived allocations per
/// paragraph (tokens, mentions, phrases), which mimalloc's per-thread free lists serve in
/// a fraction of glibc malloc's instructions, with no lock between the extracting
/// threads. Here in the binary, not the library: the benches run plain tantivy in their
/// own process as the floor the bot is measured against, and an allocator there would
/// change the floor.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::from_command_line();
    let result = cli::load_config(&cli).and_then(|config| {
        init_logging(cli::log_level(&cli, &config));
        cli::run(cli, config)
    });
    cli::exit_code(result)
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
