//! `bot.toml`: built-in defaults, then the file, then the command line. Secrets come only
//! from the environment: the file may name the token's variable, never hold the token.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::PartyConfig;

/// The whole configuration, after defaults and overrides.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub corpus: CorpusConfig,
    pub index: IndexConfig,
    pub fetch: FetchConfig,
    pub answers: AnswersConfig,
    pub discord: DiscordConfig,
    pub parties: BTreeMap<String, PartyConfig>,
    /// Feeds followed from the start (`[[feeds]]` tables); moderators add more at run time.
    pub feeds: Vec<crate::feeds::FeedSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CorpusConfig {
    /// Folders loaded recursively, in order; the first is the product's own corpus.
    pub folders: Vec<PathBuf>,
    /// Where ingested reporting is saved as Markdown (default: `ingested/` in the first
    /// folder). Indexed with the folders.
    pub ingested: Option<PathBuf>,
    /// Where forgotten sources are moved, so they can be restored (default: `.trash/` in
    /// the first folder; hidden folders are not indexed).
    pub trash: Option<PathBuf>,
}

/// Fetching reporting over HTTP(S).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchConfig {
    /// Hosts or addresses exempt from the refusal of private, loopback and link-local
    /// addresses (e.g. a test server on 127.0.0.1).
    pub allow_hosts: Vec<String>,
    /// Largest body accepted, in bytes (pages, feeds and attachments).
    pub max_bytes: usize,
    pub timeout_seconds: u64,
    pub max_redirects: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            allow_hosts: Vec::new(),
            max_bytes: 5 * 1024 * 1024,
            timeout_seconds: 15,
            max_redirects: 5,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IndexConfig {
    pub path: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnswersConfig {
    /// How many passages `/search` returns at most.
    pub max_hits: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DiscordConfig {
    /// The environment variable that holds the bot token.
    pub token_env: String,
    /// Base of Discord's REST API and gateway look-up; another base for an HTTP proxy.
    pub api_base: String,
    /// Guilds to register commands in (instant); empty registers global commands.
    pub guild_ids: Vec<u64>,
    /// Roles and users allowed to run admin commands, checked by the bot itself.
    pub admin_roles: Vec<u64>,
    pub admin_users: Vec<u64>,
    /// A channel that gets one line per admin action.
    pub audit_channel: Option<u64>,
    /// A channel that gets a short post for each new relevant article from a feed.
    pub announce_channel: Option<u64>,
    /// Discord permission bits an admin command asks for by default (Manage Server).
    pub admin_permissions: u64,
    /// Per-user rate limit: at most `rate_limit_commands` in `rate_limit_seconds`.
    pub rate_limit_commands: u32,
    pub rate_limit_seconds: u64,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        Self {
            folders: vec![PathBuf::from("corpus")],
            ingested: None,
            trash: None,
        }
    }
}

impl Default for IndexConfig {
    fn default() -> Self {
        Self {
            path: PathBuf::from("index"),
        }
    }
}

impl Default for AnswersConfig {
    fn default() -> Self {
        Self { max_hits: 10 }
    }
}

/// Discord's "Manage Server" permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;

impl Default for DiscordConfig {
    fn default() -> Self {
        Self {
            token_env: "DISCORD_TOKEN".into(),
            api_base: "https://discord.com".into(),
            guild_ids: Vec::new(),
            admin_roles: Vec::new(),
            admin_users: Vec::new(),
            audit_channel: None,
            announce_channel: None,
            admin_permissions: MANAGE_GUILD,
            rate_limit_commands: 5,
            rate_limit_seconds: 10,
        }
    }
}

impl Config {
    /// Reads `path`. A missing file is an error only when `required` (named on the command
    /// line); otherwise the built-in defaults stand, so a fresh clone works without one.
    pub fn load(path: &Path, required: bool) -> Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Self::default());
            }
            Err(e) => return Err(Error::io(path, e)),
        };
        let mut config =
            Self::parse(&text).map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
        let base = path.parent().unwrap_or(Path::new(""));
        config.resolve_paths(base);
        Ok(config)
    }

    /// Parses and validates the text of a `bot.toml`; errors name the key and line.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let config: Self = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        config.validate(text)?;
        Ok(config)
    }

    fn validate(&self, text: &str) -> std::result::Result<(), String> {
        let fail = |key: &str, why: &str| Err(format!("{}{key}: {why}", at_line(text, key)));
        if self.corpus.folders.is_empty() {
            return fail("folders", "name at least one corpus folder");
        }
        if !(1..=50).contains(&self.answers.max_hits) {
            return fail("max_hits", "must be between 1 and 50");
        }
        if self.discord.token_env.trim().is_empty()
            || self
                .discord
                .token_env
                .contains(|c: char| c == '=' || c.is_whitespace())
        {
            return fail(
                "token_env",
                "must be the name of an environment variable, such as DISCORD_TOKEN",
            );
        }
        if !(self.discord.api_base.starts_with("http://")
            || self.discord.api_base.starts_with("https://"))
        {
            return fail("api_base", "must start with http:// or https://");
        }
        for feed in &self.feeds {
            if let Err(why) = feed.validate() {
                return fail("url", &format!("feed {}: {why}", feed.url));
            }
        }
        if self.fetch.max_bytes == 0 || self.fetch.timeout_seconds == 0 {
            return fail("max_bytes", "fetch limits must be above zero");
        }
        if self.discord.rate_limit_commands == 0 || self.discord.rate_limit_seconds == 0 {
            return fail(
                "rate_limit_commands",
                "the rate limit must allow at least one command in at least one second",
            );
        }
        Ok(())
    }

    fn resolve_paths(&mut self, base: &Path) {
        for folder in &mut self.corpus.folders {
            *folder = base.join(&*folder);
        }
        for path in [&mut self.corpus.ingested, &mut self.corpus.trash]
            .into_iter()
            .flatten()
        {
            *path = base.join(&*path);
        }
        self.index.path = base.join(&self.index.path);
    }

    /// Where ingested reporting is saved.
    pub fn ingested_folder(&self) -> PathBuf {
        self.corpus
            .ingested
            .clone()
            .unwrap_or_else(|| self.first_folder().join("ingested"))
    }

    /// Where forgotten sources wait to be restored.
    pub fn trash_folder(&self) -> PathBuf {
        self.corpus
            .trash
            .clone()
            .unwrap_or_else(|| self.first_folder().join(".trash"))
    }

    fn first_folder(&self) -> PathBuf {
        self.corpus
            .folders
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("corpus"))
    }

    /// The folders to index: the configured ones, plus the ingested folder when it lies
    /// outside them.
    pub fn index_folders(&self) -> Vec<PathBuf> {
        let mut folders = self.corpus.folders.clone();
        let ingested = self.ingested_folder();
        if ingested.is_dir() && !folders.iter().any(|f| ingested.starts_with(f)) {
            folders.push(ingested);
        }
        folders
    }

    /// Where the feeds' state (feeds added at run time, what each has seen) is kept.
    pub fn feeds_state(&self) -> PathBuf {
        self.ingested_folder().join(".feeds.json")
    }

    /// The fetch policy for pages, feeds and attachments.
    pub fn fetch_policy(&self) -> crate::ingest::fetch::FetchPolicy {
        crate::ingest::fetch::FetchPolicy {
            allow_hosts: self.fetch.allow_hosts.clone(),
            max_bytes: self.fetch.max_bytes,
            timeout: std::time::Duration::from_secs(self.fetch.timeout_seconds),
            max_redirects: self.fetch.max_redirects,
            ..crate::ingest::fetch::FetchPolicy::default()
        }
    }

    /// The bot token, from the environment variable the configuration names.
    pub fn token(&self) -> Option<String> {
        std::env::var(&self.discord.token_env)
            .ok()
            .filter(|t| !t.trim().is_empty())
    }
}

/// "line N: " for the first line that sets `key`, so a semantic error points at its line
/// as a syntax error does.
fn at_line(text: &str, key: &str) -> String {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| format!("line {}: ", i + 1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_bot_toml_is_valid_and_states_the_defaults() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
        let shipped = Config::load(&path, true).unwrap();
        let defaults = Config::default();
        assert_eq!(shipped.answers.max_hits, defaults.answers.max_hits);
        assert_eq!(shipped.discord.token_env, defaults.discord.token_env);
        assert_eq!(
            shipped.discord.admin_permissions,
            defaults.discord.admin_permissions
        );
        assert_eq!(shipped.fetch.max_bytes, defaults.fetch.max_bytes);
        assert!(shipped.feeds.is_empty() && shipped.parties.is_empty());
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.index.path, PathBuf::from("index"));
        assert_eq!(config.discord.token_env, "DISCORD_TOKEN");
        assert_eq!(config.answers.max_hits, 10);
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_key_and_line() {
        let err = Config::parse("[index]\npath = \"x\"\ncolour = \"red\"\n").unwrap_err();
        assert!(err.contains("colour"), "{err}");
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn a_bad_value_is_an_error_naming_key_and_line() {
        let err = Config::parse("[answers]\n\nmax_hits = 0\n").unwrap_err();
        assert!(err.contains("line 3") && err.contains("max_hits"), "{err}");
        let err = Config::parse("[discord]\nguild_ids = [\"abc\"]\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn feeds_are_tables_and_a_bad_one_is_an_error() {
        let config = Config::parse(
            "[[feeds]]\nurl = \"https://example.org/rss\"\ninclude = [\"karabakh\"]\n",
        )
        .unwrap();
        assert_eq!(config.feeds.len(), 1);
        assert_eq!(config.feeds[0].include, vec!["karabakh"]);
        let err = Config::parse("[[feeds]]\nurl = \"ftp://example.org/rss\"\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("ftp"), "{err}");
    }

    #[test]
    fn the_token_is_never_a_file_key() {
        let err = Config::parse("[discord]\ntoken = \"abc\"\n").unwrap_err();
        assert!(err.contains("token"), "{err}");
    }

    #[test]
    fn relative_paths_are_resolved_against_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bot.toml");
        std::fs::write(&path, "[corpus]\nfolders = [\"docs\"]\n").unwrap();
        let config = Config::load(&path, true).unwrap();
        assert_eq!(config.corpus.folders, vec![dir.path().join("docs")]);
        assert_eq!(config.index.path, dir.path().join("index"));
    }

    #[test]
    fn a_missing_file_is_an_error_only_when_named() {
        let missing = Path::new("/nonexistent/bot.toml");
        assert!(Config::load(missing, false).is_ok());
        assert!(Config::load(missing, true).is_err());
    }
}
