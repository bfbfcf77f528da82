//! Checking a parsed `bot.toml` beyond its types: limits, HTTP mode, shards, briefings
//! that never share a place or a folder, and parties that never take another's name. Each
//! failure names the key it is about and the line it is written on.

use super::positions::{Key, Positions};
use super::{Config, ConfigError, Mode};

impl Config {
    pub(super) fn validate(&self, at: &Positions) -> std::result::Result<(), ConfigError> {
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
                return at.fail(&[Name("feeds"), Item(i), Name(why.field())], &why.reason());
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
    fn validate_shards(&self, at: &Positions) -> std::result::Result<(), ConfigError> {
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

    /// HTTP mode needs an address to listen on and the key to check requests with.
    fn validate_http(&self, at: &Positions) -> std::result::Result<(), ConfigError> {
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
    fn validate_briefings(&self, at: &Positions) -> std::result::Result<(), ConfigError> {
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
                    return at.fail(
                        &[
                            Name("briefings"),
                            Item(i),
                            Name("feeds"),
                            Item(j),
                            Name(why.field()),
                        ],
                        &why.reason(),
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
    fn validate_parties(&self, at: &Positions) -> std::result::Result<(), ConfigError> {
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
