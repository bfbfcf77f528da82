//! Helpers shared by the integration tests: the repository's paths and an engine on the
//! bundled corpus, built once per test process in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use briefbot::config::Config;
use briefbot::engine::Engine;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus() -> PathBuf {
    repo().join("corpus")
}

/// A corpus folder under `dir` holding a copy of the bundled article, for tests that
/// change the corpus.
pub fn copy_of_corpus(dir: &Path) -> PathBuf {
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).expect("a corpus folder");
    std::fs::copy(
        corpus().join("karabakh-clash-2023-03-06.md"),
        folder.join("article.md"),
    )
    .expect("the article copies");
    folder
}

/// The binary run in `dir` on a copy of the bundled corpus there (made on first use),
/// with `flags` before `--corpus` and `args` after `--index`.
pub fn briefbot_on_copy(dir: &Path, flags: &[&str], args: &[&str]) -> Output {
    let corpus = dir.join("corpus");
    if !corpus.exists() {
        copy_of_corpus(dir);
    }
    Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .args(flags)
        .arg("--corpus")
        .arg(&corpus)
        .arg("--index")
        .arg(dir.join("index"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A configuration on `folders`, indexing into `index`.
pub fn config(folders: Vec<PathBuf>, index: &Path) -> Config {
    let mut config = Config::default();
    config.corpus.folders = folders;
    config.index.path = index.to_path_buf();
    config
}

/// An engine over the bundled corpus, shared by the tests of one process.
pub fn article_engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    let (_, engine) = ENGINE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let config = config(vec![corpus()], &dir.path().join("index"));
        let (engine, _) = Engine::open(config).expect("the bundled corpus indexes");
        (dir, engine)
    });
    engine
}
