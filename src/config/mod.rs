//! `bot.toml`: built-in defaults, then the file, then the command line. Secrets come only
//! from the environment: the file may name the token's variable, never hold the token.
//!
//! The types of the file and what the rest of the bot asks of them live here; checking a
//! parsed file is [`validate`], and finding the line a key is written on is [`positions`].

mod positions;
mod validate;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use crate::error::config::ConfigError;
use crate::error::{Error, Result};
use crate::extract::PartyConfig;
use positions::Positions;

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
    /// Named corpora, each answering in its own servers or channels (`[[briefings]]`
    /// tables). Without any, `[corpus]`, `[index]` and `[[feeds]]` make one briefing that
    /// answers everywhere.
    pub briefings: Vec<BriefingSpec>,
    pub memory: MemoryConfig,
}

/// The name of the one briefing a configuration without `[[briefings]]` makes.
pub const DEFAULT_BRIEFING: &str = "default";

/// One `[[briefings]]` table: a named corpus, index, feeds and moderators, and where it
/// answers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingSpec {
    /// Lower-case letters, digits, `_` or `-`: what `--briefing` takes.
    pub name: String,
    /// Folders loaded recursively, as `[corpus] folders`.
    pub corpus: Vec<PathBuf>,
    /// As `[corpus] ingested` and `trash`: by default in the first folder.
    #[serde(default)]
    pub ingested: Option<PathBuf>,
    #[serde(default)]
    pub trash: Option<PathBuf>,
    /// The briefing's own index folder.
    pub index: PathBuf,
    /// The servers it answers in.
    #[serde(default)]
    pub guild_ids: Vec<u64>,
    /// Single channels it answers in; a channel's briefing wins over its server's.
    #[serde(default)]
    pub channel_ids: Vec<u64>,
    /// Moderator roles of this briefing, on top of `[discord] admin_roles` and
    /// `admin_users`.
    #[serde(default)]
    pub admin_roles: Vec<u64>,
    /// Where this briefing's moderator actions and new articles are posted.
    #[serde(default)]
    pub audit_channel: Option<u64>,
    #[serde(default)]
    pub announce_channel: Option<u64>,
    /// Feeds followed from the start, as `[[feeds]]`.
    #[serde(default)]
    pub feeds: Vec<crate::feeds::FeedSpec>,
}

/// How much the bot keeps in memory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MemoryConfig {
    /// Briefings open at once, at most; the one used longest ago is closed first.
    pub max_open: usize,
}

impl Default for MemoryConfig {
    fn default() -> Self {
        Self { max_open: 16 }
    }
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
    /// How interactions arrive: over the gateway, or POSTed to `listen`.
    pub mode: Mode,
    /// The address the interactions endpoint listens on (`mode = "http"`).
    pub listen: String,
    /// The application's public key, 64 hex digits: every POST is checked against it.
    pub public_key: Option<String>,
    /// `"auto"`: as many gateway shards as Discord recommends.
    pub shards: Option<String>,
    /// The shards this process runs, consecutive, of `shard_total`.
    pub shard_ids: Vec<u32>,
    pub shard_total: Option<u32>,
}

/// Which gateway shards a process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharding {
    /// One connection, shard 0 of 1.
    One,
    /// As many as `GET /gateway/bot` recommends, all in this process.
    Auto,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

/// How interactions reach the bot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A gateway connection: interactions, mentions, and the bot's presence.
    #[default]
    Gateway,
    /// Discord POSTs each interaction to `[discord] listen`: no gateway, no state between
    /// requests, any number of replicas.
    Http,
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
            mode: Mode::Gateway,
            listen: "127.0.0.1:8080".into(),
            public_key: None,
            shards: None,
            shard_ids: Vec::new(),
            shard_total: None,
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
        let mut config = Self::parse(&text).map_err(|cause| Error::ConfigFile {
            path: path.to_path_buf(),
            cause,
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        config.resolve_paths(base);
        Ok(config)
    }

    /// Parses and validates the text of a `bot.toml`; errors name the key and line.
    pub fn parse(text: &str) -> std::result::Result<Self, ConfigError> {
        let config: Self = toml::from_str(text)?;
        config.validate(&Positions::new(text))?;
        Ok(config)
    }

    /// Which shards this process runs; `shard_total` alone runs all of them.
    pub fn sharding(&self) -> Sharding {
        let discord = &self.discord;
        match (
            discord.shards.as_deref(),
            discord.shard_ids.as_slice(),
            discord.shard_total,
        ) {
            (Some("auto"), _, _) => Sharding::Auto,
            (_, [first, .., last], Some(total)) => Sharding::Range {
                first: *first,
                last: *last,
                total,
            },
            (_, [only], Some(total)) => Sharding::Range {
                first: *only,
                last: *only,
                total,
            },
            (_, [], Some(total)) if total > 0 => Sharding::Range {
                first: 0,
                last: total - 1,
                total,
            },
            _ => Sharding::One,
        }
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
        for briefing in &mut self.briefings {
            for folder in &mut briefing.corpus {
                *folder = base.join(&*folder);
            }
            for path in [&mut briefing.ingested, &mut briefing.trash]
                .into_iter()
                .flatten()
            {
                *path = base.join(&*path);
            }
            briefing.index = base.join(&briefing.index);
        }
    }

    /// The names of the briefings, in the file's order; without `[[briefings]]`, the one
    /// default briefing.
    pub fn briefing_names(&self) -> Vec<&str> {
        if self.briefings.is_empty() {
            return vec![DEFAULT_BRIEFING];
        }
        self.briefings.iter().map(|b| b.name.as_str()).collect()
    }

    /// The configuration one briefing answers with: its corpus, index, feeds, channels
    /// and moderators in place of the top-level ones, everything else shared. Without
    /// `[[briefings]]`, [`DEFAULT_BRIEFING`] is this configuration as it is.
    pub fn briefing(&self, name: &str) -> std::result::Result<Config, crate::error::UserError> {
        if self.briefings.is_empty() {
            if name == DEFAULT_BRIEFING {
                return Ok(self.clone());
            }
            return Err(crate::error::UserError::new(format!(
                "No briefing `{name}`: the configuration has no [[briefings]] tables, only the default one."
            )));
        }
        let Some(spec) = self.briefings.iter().find(|b| b.name == name) else {
            return Err(crate::error::UserError::new(format!(
                "No briefing `{name}`; the configuration has {}.",
                self.briefing_names().join(", ")
            )));
        };
        let mut config = self.clone();
        config.briefings = Vec::new();
        config.corpus = CorpusConfig {
            folders: spec.corpus.clone(),
            ingested: spec.ingested.clone(),
            trash: spec.trash.clone(),
        };
        config.index.path = spec.index.clone();
        config.feeds = spec.feeds.clone();
        config.discord.admin_roles.extend(&spec.admin_roles);
        config.discord.audit_channel = spec.audit_channel;
        config.discord.announce_channel = spec.announce_channel;
        Ok(config)
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

    /// Every corpus folder is there, or a one-line [`UserError`] naming the one looked
    /// for and how to point at another.
    pub fn check_corpus(&self) -> std::result::Result<(), crate::error::UserError> {
        match self.corpus.folders.iter().find(|folder| !folder.is_dir()) {
            None => Ok(()),
            Some(folder) => {
                let shown = std::path::absolute(folder).unwrap_or_else(|_| folder.clone());
                Err(crate::error::UserError::new(format!(
                    "No corpus folder at {}: run briefbot in the project folder, or point at a corpus with --corpus DIR or --config FILE.",
                    shown.display()
                )))
            }
        }
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

impl BriefingSpec {
    /// Every folder the briefing reads or writes: its corpus, ingested, trash and index.
    fn folders(&self) -> Vec<PathBuf> {
        let first = self.corpus.first().cloned().unwrap_or_default();
        let mut folders = self.corpus.clone();
        folders.push(
            self.ingested
                .clone()
                .unwrap_or_else(|| first.join("ingested")),
        );
        folders.push(self.trash.clone().unwrap_or_else(|| first.join(".trash")));
        folders.push(self.index.clone());
        folders
    }
}
