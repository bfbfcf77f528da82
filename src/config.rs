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
        let mut config =
            Self::parse(&text).map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
        let base = path.parent().unwrap_or(Path::new(""));
        config.resolve_paths(base);
        Ok(config)
    }

    /// Parses and validates the text of a `bot.toml`; errors name the key and line.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let config: Self = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        config.validate(&Positions::new(text))?;
        Ok(config)
    }

    fn validate(&self, at: &Positions) -> std::result::Result<(), String> {
        use Key::{Item, Name};
        if self.corpus.folders.is_empty() {
            return at.fail(
                &[Name("corpus"), Name("folders")],
                "name at least one corpus folder",
            );
        }
        if !(1..=50).contains(&self.answers.max_hits) {
            return at.fail(
                &[Name("answers"), Name("max_hits")],
                "must be between 1 and 50",
            );
        }
        if self.discord.token_env.trim().is_empty()
            || self
                .discord
                .token_env
                .contains(|c: char| c == '=' || c.is_whitespace())
        {
            return at.fail(
                &[Name("discord"), Name("token_env")],
                "must be the name of an environment variable, such as DISCORD_TOKEN",
            );
        }
        if !(self.discord.api_base.starts_with("http://")
            || self.discord.api_base.starts_with("https://"))
        {
            return at.fail(
                &[Name("discord"), Name("api_base")],
                "must start with http:// or https://",
            );
        }
        for (i, feed) in self.feeds.iter().enumerate() {
            if let Err(why) = feed.validate() {
                // The message starts with the field it is about: "interval_minutes: ...".
                let (field, why) = why.split_once(": ").unwrap_or(("url", &why));
                return at.fail(&[Name("feeds"), Item(i), Name(field)], why);
            }
        }
        for (key, value) in [
            ("max_bytes", self.fetch.max_bytes as u64),
            ("timeout_seconds", self.fetch.timeout_seconds),
        ] {
            if value == 0 {
                return at.fail(&[Name("fetch"), Name(key)], "must be above zero");
            }
        }
        for (key, value) in [
            (
                "rate_limit_commands",
                u64::from(self.discord.rate_limit_commands),
            ),
            ("rate_limit_seconds", self.discord.rate_limit_seconds),
        ] {
            if value == 0 {
                return at.fail(
                    &[Name("discord"), Name(key)],
                    "the rate limit must allow at least one command in at least one second",
                );
            }
        }
        self.validate_http(at)?;
        self.validate_shards(at)?;
        if self.memory.max_open == 0 {
            return at.fail(&[Name("memory"), Name("max_open")], "must be at least 1");
        }
        self.validate_briefings(at)?;
        self.validate_parties(at)
    }

    /// `shards = "auto"`, or `shard_ids` (consecutive) of `shard_total`, in gateway mode.
    fn validate_shards(&self, at: &Positions) -> std::result::Result<(), String> {
        use Key::Name;
        let discord = &self.discord;
        let key = |name| [Name("discord"), Name(name)];
        let given = discord.shards.is_some()
            || !discord.shard_ids.is_empty()
            || discord.shard_total.is_some();
        if given && discord.mode == Mode::Http {
            return at.fail(&key("mode"), "shards are gateway connections: \"http\" has none, so leave shards, shard_ids and shard_total out");
        }
        match discord.shards.as_deref() {
            Some("auto") if !discord.shard_ids.is_empty() || discord.shard_total.is_some() => {
                return at.fail(
                    &key("shards"),
                    "\"auto\" takes Discord's count: give either it or shard_ids and shard_total",
                );
            }
            Some("auto") | None => {}
            Some(_) => {
                return at.fail(
                    &key("shards"),
                    "must be \"auto\"; to run some shards, give shard_ids and shard_total instead",
                );
            }
        }
        match (discord.shard_ids.as_slice(), discord.shard_total) {
            (_, Some(0)) => at.fail(&key("shard_total"), "must be at least 1"),
            ([_, ..], None) => at.fail(
                &key("shard_ids"),
                "needs shard_total, the number of shards of the whole bot",
            ),
            (ids @ [first, ..], Some(total)) => {
                if let Some(id) = ids.iter().find(|&&id| id >= total) {
                    return at.fail(
                        &key("shard_ids"),
                        &format!("shard {id} is not below shard_total = {total}: ids count from 0"),
                    );
                }
                if ids
                    .iter()
                    .zip(*first..)
                    .any(|(&id, expected)| id != expected)
                {
                    return at.fail(
                        &key("shard_ids"),
                        "must be consecutive and ascending, such as [2, 3]",
                    );
                }
                Ok(())
            }
            _ => Ok(()),
        }
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

    /// HTTP mode needs an address to listen on and the key to check requests with.
    fn validate_http(&self, at: &Positions) -> std::result::Result<(), String> {
        use Key::Name;
        if self.discord.listen.parse::<std::net::SocketAddr>().is_err() {
            return at.fail(
                &[Name("discord"), Name("listen")],
                "must be an address and port, such as 127.0.0.1:8080 or [::]:8080",
            );
        }
        let key = self.discord.public_key.as_deref().map(str::trim);
        let hex = |k: &str| k.len() == 64 && k.chars().all(|c| c.is_ascii_hexdigit());
        match key {
            Some(key) if !hex(key) => at.fail(
                &[Name("discord"), Name("public_key")],
                "must be the application's public key: 64 hex digits",
            ),
            None if self.discord.mode == Mode::Http => at.fail(
                &[Name("discord"), Name("mode")],
                "\"http\" needs public_key, the application's public key (General Information in the developer portal)",
            ),
            _ => Ok(()),
        }
    }

    /// Each briefing is named once, owns its folders, and is bound to servers and channels
    /// no other briefing is bound to: nothing one server's moderators do can reach
    /// another's briefing.
    fn validate_briefings(&self, at: &Positions) -> std::result::Result<(), String> {
        use Key::{Item, Name};
        if self.briefings.is_empty() {
            return Ok(());
        }
        for key in ["corpus", "index", "feeds"] {
            if at.line(&[Name(key)]).is_some() {
                return at.fail(
                    &[Name(key)],
                    "with [[briefings]], each briefing names its own corpus, index and feeds: move this into a briefing",
                );
            }
        }
        for key in ["audit_channel", "announce_channel"] {
            if at.line(&[Name("discord"), Name(key)]).is_some() {
                return at.fail(
                    &[Name("discord"), Name(key)],
                    "with [[briefings]], each briefing has its own: set it in the briefing, so one server's posts never reach another",
                );
            }
        }
        let mut guilds: std::collections::HashMap<u64, &str> = Default::default();
        let mut channels: std::collections::HashMap<u64, &str> = Default::default();
        for (i, briefing) in self.briefings.iter().enumerate() {
            let key = |name| [Name("briefings"), Item(i), Name(name)];
            if !is_party_id(&briefing.name) {
                return at.fail(
                    &key("name"),
                    "a briefing's name is lower-case letters, digits, `_` or `-`",
                );
            }
            if let Some(j) = self.briefings[..i]
                .iter()
                .position(|b| b.name == briefing.name)
            {
                return at.fail(
                    &key("name"),
                    &format!("`{}` already names briefing {}", briefing.name, j + 1),
                );
            }
            if briefing.corpus.is_empty() {
                return at.fail(&key("corpus"), "name at least one corpus folder");
            }
            for (field, ids, bound) in [
                ("guild_ids", &briefing.guild_ids, &mut guilds),
                ("channel_ids", &briefing.channel_ids, &mut channels),
            ] {
                for &id in ids {
                    if id == 0 {
                        return at.fail(&key(field), "an id is never 0");
                    }
                    if let Some(other) = bound.insert(id, &briefing.name)
                        && other != briefing.name
                    {
                        return at.fail(
                            &key(field),
                            &format!("{id} is already bound to briefing `{other}`: one place answers from one briefing"),
                        );
                    }
                }
            }
            for (j, feed) in briefing.feeds.iter().enumerate() {
                if let Err(why) = feed.validate() {
                    let (field, why) = why.split_once(": ").unwrap_or(("url", &why));
                    return at.fail(
                        &[
                            Name("briefings"),
                            Item(i),
                            Name("feeds"),
                            Item(j),
                            Name(field),
                        ],
                        why,
                    );
                }
            }
            for (j, other) in self.briefings[..i].iter().enumerate() {
                let shared = briefing.folders().into_iter().find_map(|mine| {
                    other
                        .folders()
                        .into_iter()
                        .find(|theirs| mine.starts_with(theirs) || theirs.starts_with(&mine))
                        .map(|theirs| (mine, theirs))
                });
                if let Some((mine, theirs)) = shared {
                    return at.fail(
                        &key("name"),
                        &format!(
                            "{} overlaps {} of briefing {} (`{}`): each briefing owns its corpus, ingested, trash and index folders",
                            mine.display(),
                            theirs.display(),
                            j + 1,
                            other.name
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    /// A `[parties.<id>]` table adds a party or adds to a built-in one; it never takes a
    /// name from another party, which would quietly answer for the wrong one.
    fn validate_parties(&self, at: &Positions) -> std::result::Result<(), String> {
        use Key::{Item, Name};
        let builtin = crate::extract::Gazetteer::builtin();
        // Every name in use, normalised, and whose it is.
        let mut owners: std::collections::HashMap<String, String> = builtin
            .parties()
            .iter()
            .flat_map(|p| {
                [&p.id, &p.name]
                    .into_iter()
                    .chain(&p.aliases)
                    .map(|name| (normalise_name(name), p.id.clone()))
            })
            .collect();
        let name_of = |id: &str| {
            builtin
                .get(id)
                .map_or_else(|| id.to_string(), |p| format!("{} ({id})", p.name))
        };
        for (id, party) in &self.parties {
            let table = [Name("parties"), Name(id.as_str())];
            if !is_party_id(id) {
                return at.fail(
                    &table,
                    &format!(
                        "a party id is lower-case letters, digits, `_` or `-`; write [parties.{}]",
                        id.to_lowercase()
                    ),
                );
            }
            let new = builtin.get(id).is_none();
            match &party.name {
                Some(name) if name.trim().is_empty() => {
                    return at.fail(&[table[0], table[1], Name("name")], "is empty");
                }
                None if new => {
                    return at.fail(&table, "is a new party: give it a `name`");
                }
                _ => {}
            }
            let names = party
                .name
                .iter()
                .map(|n| (n, Name("name")))
                .chain(party.aliases.iter().enumerate().map(|(i, a)| (a, Item(i))));
            for (name, key) in names {
                let path = match key {
                    Item(_) => vec![table[0], table[1], Name("aliases"), key],
                    Name(_) => vec![table[0], table[1], key],
                };
                if name.trim().is_empty() {
                    return at.fail(&path, "an alias is empty");
                }
                let normal = normalise_name(name);
                match owners.get(&normal) {
                    Some(owner) if owner != id => {
                        return at.fail(
                            &path,
                            &format!(
                                "`{name}` already names {}: a name can mean one party only",
                                name_of(owner)
                            ),
                        );
                    }
                    _ => {
                        owners.insert(normal, id.clone());
                    }
                }
            }
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

/// A step of a path into the file: a key, or an item of an array (`[[feeds]]`).
#[derive(Debug, Clone, Copy)]
enum Key<'a> {
    Name(&'a str),
    Item(usize),
}

/// Where each key of a `bot.toml` is, so a semantic error points at its own line as a
/// syntax error does: the `interval_minutes` of the second feed, not the first `url`.
struct Positions<'a> {
    text: &'a str,
    document: Option<toml::Spanned<toml::de::DeTable<'a>>>,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        Positions {
            text,
            document: toml::de::DeTable::parse(text).ok(),
        }
    }

    /// "line N: parties.x.aliases[0]: why", the line being where the last key of `path`
    /// that the file spells out is written.
    fn fail<T>(&self, path: &[Key], why: &str) -> std::result::Result<T, String> {
        let key = path
            .iter()
            .map(|k| match k {
                Key::Name(name) => format!(".{name}"),
                Key::Item(i) => format!("[{}]", i + 1),
            })
            .collect::<String>();
        let key = key.trim_start_matches('.');
        let line = self
            .line(path)
            .map(|n| format!("line {n}: "))
            .unwrap_or_default();
        Err(format!("{line}{key}: {why}"))
    }

    fn line(&self, path: &[Key]) -> Option<usize> {
        let mut table = self.document.as_ref()?.get_ref();
        let mut array: Option<&toml::de::DeArray> = None;
        let mut span = None;
        for key in path {
            let value = match (*key, array.take()) {
                (Key::Item(i), Some(items)) => items.get(i)?,
                (Key::Name(name), None) => {
                    let (key, value) = table.iter().find(|(k, _)| k.get_ref() == name)?;
                    span = Some(key.span());
                    value
                }
                _ => break,
            };
            match value.get_ref() {
                toml::de::DeValue::Table(inner) => table = inner,
                toml::de::DeValue::Array(items) => array = Some(items),
                _ => {}
            }
            if let Key::Item(_) = key {
                span = Some(value.span());
            }
        }
        let start = span?.start;
        Some(self.text[..start].matches('\n').count() + 1)
    }
}

fn is_party_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A name as the gazetteer compares it: words normalised, spacing ignored.
fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .map(crate::extract::normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
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
    fn the_shipped_party_example_is_valid_when_uncommented() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let start = text
            .find("# [parties.")
            .expect("bot.toml shows a party table");
        let example: String = text[start..]
            .lines()
            .take_while(|l| l.starts_with("# "))
            .map(|l| format!("{}\n", &l[2..]))
            .collect();
        let config = Config::parse(&example).unwrap_or_else(|e| panic!("{example}\n{e}"));
        assert_eq!(config.parties.len(), 1, "{example}");
    }

    #[test]
    fn the_shipped_briefing_example_is_valid_when_uncommented() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let start = text
            .find("# [[briefings]]")
            .expect("bot.toml shows a briefing");
        let example: String = text[start..]
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{}\n", l.trim_start_matches('#').trim_start()))
            .collect();
        let config = Config::parse(&example).unwrap_or_else(|e| panic!("{example}\n{e}"));
        assert_eq!(config.briefing_names(), vec!["karabakh"], "{example}");
        assert_eq!(config.briefings[0].feeds.len(), 1, "{example}");
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
    fn a_party_never_takes_a_name_from_another() {
        let err =
            Config::parse("[parties.x]\nname = \"X\"\naliases = [\"azerbaijan\", \"baku\"]\n")
                .unwrap_err();
        assert!(
            err.starts_with("line 3: parties.x.aliases[1]") && err.contains("Azerbaijan"),
            "{err}"
        );
        let err = Config::parse("[parties.x]\nname = \"Baku\"\n").unwrap_err();
        assert!(
            err.starts_with("line 2: parties.x.name") && err.contains("Azerbaijan"),
            "{err}"
        );
        let err = Config::parse(
            "[parties.a]\nname = \"A\"\naliases = [\"Alpha\"]\n\n[parties.b]\nname = \"B\"\naliases = [\"alpha\"]\n",
        )
        .unwrap_err();
        assert!(err.starts_with("line 7: parties.b.aliases[1]"), "{err}");
        // A built-in party may take more names of its own.
        Config::parse("[parties.azerbaijan]\naliases = [\"Azerbaijan\", \"Absheron command\"]\n")
            .unwrap();
    }

    #[test]
    fn an_empty_or_misspelt_party_is_an_error_at_its_line() {
        for (text, expected) in [
            (
                "[parties.x]\nname = \"\"\n",
                "line 2: parties.x.name: is empty",
            ),
            (
                "\n[parties.x]\nname = \"X\"\naliases = [\" \"]\n",
                "line 4: parties.x.aliases[1]",
            ),
            (
                "[answers]\nmax_hits = 3\n\n[parties.NARNIA]\nname = \"Narnia\"\n",
                "line 4: parties.NARNIA: a party id",
            ),
            (
                "[parties.narnia]\naliases = [\"Narnia\"]\n",
                "line 1: parties.narnia: is a new party",
            ),
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(err.starts_with(expected), "{text:?}: {err}");
        }
    }

    #[test]
    fn a_feed_error_points_at_the_key_and_feed_it_is_about() {
        let text = "[[feeds]]\nurl = \"https://a.example/rss\"\n\n[[feeds]]\nurl = \"https://b.example/rss\"\ninterval_minutes = 0\n";
        let err = Config::parse(text).unwrap_err();
        assert!(
            err.starts_with("line 6: feeds[2].interval_minutes"),
            "{err}"
        );
        let err = Config::parse("[fetch]\nmax_bytes = 1\ntimeout_seconds = 0\n").unwrap_err();
        assert!(err.starts_with("line 3: fetch.timeout_seconds"), "{err}");
    }

    #[test]
    fn http_mode_needs_a_public_key_and_an_address() {
        let key = "67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089";
        let config = Config::parse(&format!(
            "[discord]\nmode = \"http\"\nlisten = \"0.0.0.0:9000\"\npublic_key = \"{key}\"\n"
        ))
        .unwrap();
        assert_eq!(config.discord.mode, Mode::Http);
        assert_eq!(Config::parse("").unwrap().discord.mode, Mode::Gateway);
        for (text, expected) in [
            (
                "[discord]\nmode = \"http\"\n",
                "line 2: discord.mode: \"http\" needs public_key",
            ),
            (
                "[discord]\npublic_key = \"abc\"\n",
                "line 2: discord.public_key: must be",
            ),
            (
                "[discord]\nlisten = \"localhost\"\n",
                "line 2: discord.listen: must be",
            ),
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(err.starts_with(expected), "{text}: {err}");
        }
        let err = Config::parse("[discord]\nmode = \"carrier pigeon\"\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("gateway"), "{err}");
    }

    #[test]
    fn shards_are_auto_or_a_consecutive_share_of_a_total() {
        let parse = |text: &str| Config::parse(&format!("[discord]\n{text}\n"));
        assert_eq!(parse("").unwrap().sharding(), Sharding::One);
        assert_eq!(
            parse("shards = \"auto\"").unwrap().sharding(),
            Sharding::Auto
        );
        assert_eq!(
            parse("shard_ids = [2, 3]\nshard_total = 4")
                .unwrap()
                .sharding(),
            Sharding::Range {
                first: 2,
                last: 3,
                total: 4
            }
        );
        assert_eq!(
            parse("shard_ids = [1]\nshard_total = 2")
                .unwrap()
                .sharding(),
            Sharding::Range {
                first: 1,
                last: 1,
                total: 2
            }
        );
        assert_eq!(
            parse("shard_total = 3").unwrap().sharding(),
            Sharding::Range {
                first: 0,
                last: 2,
                total: 3
            }
        );
        for (text, expected) in [
            ("shards = 2", "line 2"),
            (
                "shards = \"many\"",
                "line 2: discord.shards: must be \"auto\"",
            ),
            (
                "shards = \"auto\"\nshard_total = 2",
                "line 2: discord.shards: \"auto\" takes",
            ),
            (
                "shard_ids = [0]",
                "line 2: discord.shard_ids: needs shard_total",
            ),
            (
                "shard_ids = [0, 2]\nshard_total = 4",
                "line 2: discord.shard_ids: must be consecutive",
            ),
            (
                "shard_ids = [3, 4]\nshard_total = 4",
                "line 2: discord.shard_ids: shard 4 is not below",
            ),
            (
                "shard_ids = [1, 0]\nshard_total = 4",
                "line 2: discord.shard_ids: must be consecutive",
            ),
            (
                "shard_total = 0",
                "line 2: discord.shard_total: must be at least 1",
            ),
            ("shard_ids = [-1]\nshard_total = 2", "line 2"),
            (
                "mode = \"http\"\npublic_key = \"67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089\"\nshards = \"auto\"",
                "line 2: discord.mode: shards are gateway connections",
            ),
        ] {
            let err = parse(text).unwrap_err();
            // A value of the wrong type is toml's own error, which names the line too.
            let said = match expected {
                "line 2" => err.contains(expected),
                _ => err.starts_with(expected),
            };
            assert!(said, "{text}: {err}");
        }
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

    const TWO_BRIEFINGS: &str = "[discord]\nadmin_roles = [9]\n\n[[briefings]]\nname = \"karabakh\"\ncorpus = [\"k/corpus\"]\nindex = \"k/index\"\nguild_ids = [111]\nadmin_roles = [5]\naudit_channel = 7\n\n[[briefings.feeds]]\nurl = \"https://k.example/rss\"\n\n[[briefings]]\nname = \"glacier\"\ncorpus = [\"g/corpus\"]\nindex = \"g/index\"\nguild_ids = [222]\nchannel_ids = [333]\n";

    #[test]
    fn without_briefings_the_default_one_is_the_whole_configuration() {
        let config = Config::parse("[index]\npath = \"here\"\n").unwrap();
        assert_eq!(config.briefing_names(), vec![DEFAULT_BRIEFING]);
        let default = config.briefing(DEFAULT_BRIEFING).unwrap();
        assert_eq!(default.index.path, PathBuf::from("here"));
        let err = config.briefing("karabakh").unwrap_err();
        assert!(err.message.contains("no [[briefings]]"), "{err}");
    }

    #[test]
    fn a_briefing_has_its_own_corpus_index_feeds_moderators_and_channels() {
        let config = Config::parse(TWO_BRIEFINGS).unwrap();
        assert_eq!(config.briefing_names(), vec!["karabakh", "glacier"]);
        let k = config.briefing("karabakh").unwrap();
        assert_eq!(k.corpus.folders, vec![PathBuf::from("k/corpus")]);
        assert_eq!(k.index.path, PathBuf::from("k/index"));
        assert_eq!(k.ingested_folder(), PathBuf::from("k/corpus/ingested"));
        assert_eq!(k.feeds.len(), 1);
        assert_eq!(k.discord.admin_roles, vec![9, 5]);
        assert_eq!(k.discord.audit_channel, Some(7));
        assert!(k.briefings.is_empty());
        let g = config.briefing("glacier").unwrap();
        assert_eq!(g.discord.admin_roles, vec![9]);
        assert_eq!(g.discord.audit_channel, None);
        assert!(g.feeds.is_empty());
        let err = config.briefing("nowhere").unwrap_err();
        assert!(err.message.contains("karabakh, glacier"), "{err}");
    }

    #[test]
    fn briefings_never_share_a_place_a_folder_or_a_name() {
        for (change, expected) in [
            (
                ("guild_ids = [222]", "guild_ids = [111]"),
                "line 19: briefings[2].guild_ids: 111 is already bound to briefing `karabakh`",
            ),
            (
                ("index = \"g/index\"", "index = \"k/index\""),
                "line 16: briefings[2].name: k/index overlaps k/index",
            ),
            (
                ("corpus = [\"g/corpus\"]", "corpus = [\"k/corpus/sub\"]"),
                "line 16: briefings[2].name: k/corpus/sub overlaps k/corpus",
            ),
            (
                ("name = \"glacier\"", "name = \"karabakh\""),
                "line 16: briefings[2].name: `karabakh` already names briefing 1",
            ),
            (
                ("name = \"glacier\"", "name = \"Glacier Two\""),
                "line 16: briefings[2].name: a briefing's name is",
            ),
            (
                ("corpus = [\"g/corpus\"]", "corpus = []"),
                "line 17: briefings[2].corpus: name at least one",
            ),
            (
                (
                    "url = \"https://k.example/rss\"",
                    "url = \"https://k.example/rss\"\ninterval_minutes = 0",
                ),
                "line 14: briefings[1].feeds[1].interval_minutes",
            ),
        ] {
            let text = TWO_BRIEFINGS.replacen(change.0, change.1, 1);
            let err = Config::parse(&text).unwrap_err();
            assert!(err.starts_with(expected), "{change:?}: {err}");
        }
    }

    #[test]
    fn with_briefings_the_top_level_corpus_index_feeds_and_posts_are_errors() {
        for (added, expected) in [
            (
                "[corpus]\nfolders = [\"x\"]\n",
                "line 1: corpus: with [[briefings]]",
            ),
            (
                "[index]\npath = \"x\"\n",
                "line 1: index: with [[briefings]]",
            ),
            (
                "[[feeds]]\nurl = \"https://x.example/rss\"\n",
                "line 1: feeds: with [[briefings]]",
            ),
            (
                "[discord]\naudit_channel = 1\n",
                "line 2: discord.audit_channel: with [[briefings]]",
            ),
        ] {
            let text = format!(
                "{added}\n{}",
                TWO_BRIEFINGS.replace("[discord]\nadmin_roles = [9]\n", "")
            );
            let err = Config::parse(&text).unwrap_err();
            assert!(err.starts_with(expected), "{added}: {err}");
        }
        let err = Config::parse("[memory]\nmax_open = 0\n").unwrap_err();
        assert!(err.starts_with("line 2: memory.max_open"), "{err}");
    }

    #[test]
    fn briefing_paths_are_resolved_against_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bot.toml");
        std::fs::write(&path, TWO_BRIEFINGS).unwrap();
        let config = Config::load(&path, true).unwrap();
        let g = config.briefing("glacier").unwrap();
        assert_eq!(g.corpus.folders, vec![dir.path().join("g/corpus")]);
        assert_eq!(g.index.path, dir.path().join("g/index"));
    }
}
