//! `briefbot check`: the Discord settings and the token's presence, checked without
//! connecting. The token's value is never printed; only whether it is set and well formed.

use std::fmt;

use serenity::all::Permissions;

use crate::commands::COMMANDS;
use crate::config::Config;
use crate::render::discord::limits;

/// Permissions the bot asks for in its invite: View Channels, Send Messages, Embed Links and
/// Read Message History. Answers to slash commands need none of them (they go through the
/// interaction's webhook); the audit channel and replies to mentions do.
pub const INVITE_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16);

/// The invite URL for an application id.
pub fn invite_url(application_id: &str) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS}"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Note,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    pub level: Level,
    pub text: String,
}

/// What `check` found, line by line; print it with `Display`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub lines: Vec<CheckLine>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.lines.iter().all(|l| l.level != Level::Problem)
    }

    fn push(&mut self, level: Level, text: impl Into<String>) {
        self.lines.push(CheckLine {
            level,
            text: text.into(),
        });
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            let tag = match line.level {
                Level::Ok => "ok     ",
                Level::Note => "note   ",
                Level::Problem => "PROBLEM",
            };
            writeln!(f, "{tag} {}", line.text)?;
        }
        Ok(())
    }
}

/// The report of a check that found problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFailed(pub CheckReport);

impl fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problems = self
            .0
            .lines
            .iter()
            .filter(|l| l.level == Level::Problem)
            .count();
        writeln!(f, "the Discord settings have {problems} problem(s):")?;
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for CheckFailed {}

/// Checks `[discord]` and the token's presence; connects to nothing.
pub fn check(config: &Config) -> Result<CheckReport, CheckFailed> {
    let discord = &config.discord;
    let mut report = CheckReport::default();
    let env = &discord.token_env;
    match config.token() {
        None => report.push(
            Level::Problem,
            format!("token: ${env} is not set; export the bot token there (never in bot.toml)"),
        ),
        Some(token) if serenity::utils::token::validate(&token).is_err() => report.push(
            Level::Problem,
            format!("token: ${env} is set but is not a bot token (three parts separated by dots)"),
        ),
        Some(token) => {
            report.push(Level::Ok, format!("token: ${env} is set"));
            if let Some(id) = application_id(&token) {
                report.push(Level::Note, format!("invite: {}", invite_url(&id)));
            }
        }
    }
    let base = discord.api_base.trim_end_matches('/');
    match reqwest::Url::parse(base) {
        Ok(url) if url.host_str().is_some() => {
            if is_discord(base) {
                report.push(
                    Level::Ok,
                    "api_base: Discord itself, with serenity's rate limiter",
                );
            } else {
                report.push(
                    Level::Ok,
                    format!("api_base: REST and the gateway look-up go to {base} (rate limits left to it)"),
                );
            }
        }
        _ => report.push(
            Level::Problem,
            format!("api_base: `{base}` is not a URL with a host"),
        ),
    }
    if discord.guild_ids.contains(&0) {
        report.push(Level::Problem, "guild_ids: 0 is not a guild id");
    }
    if discord.guild_ids.is_empty() {
        report.push(
            Level::Note,
            "guild_ids is empty: commands are registered globally (every server the bot is in)",
        );
    } else {
        report.push(
            Level::Ok,
            format!("commands are registered in guilds {:?}", discord.guild_ids),
        );
    }
    if Permissions::from_bits(discord.admin_permissions).is_none() {
        report.push(
            Level::Problem,
            format!(
                "admin_permissions: {} holds bits Discord does not define",
                discord.admin_permissions
            ),
        );
    }
    if discord.admin_roles.is_empty() && discord.admin_users.is_empty() {
        report.push(
            Level::Note,
            format!(
                "admin commands: members holding permissions {} or Administrator (admin_roles and admin_users are empty)",
                discord.admin_permissions
            ),
        );
    } else {
        report.push(
            Level::Ok,
            format!(
                "admin commands: roles {:?}, users {:?}",
                discord.admin_roles, discord.admin_users
            ),
        );
    }
    check_front(config, &mut report);
    check_briefings(config, &mut report);
    match discord.audit_channel {
        None if !config.briefings.is_empty() => {}
        Some(0) => report.push(Level::Problem, "audit_channel: 0 is not a channel id"),
        Some(channel) => report.push(
            Level::Ok,
            format!("admin actions are posted to channel {channel}"),
        ),
        None => report.push(
            Level::Note,
            "no audit_channel: admin actions are only logged",
        ),
    }
    report.push(
        Level::Ok,
        format!(
            "rate limit: {} commands per {} s per user",
            discord.rate_limit_commands, discord.rate_limit_seconds
        ),
    );
    for problem in table_problems() {
        report.push(Level::Problem, problem);
    }
    let names: Vec<String> = COMMANDS.iter().map(|c| format!("/{}", c.name)).collect();
    report.push(
        Level::Ok,
        format!("{} commands: {}", names.len(), names.join(" ")),
    );
    if report.is_ok() {
        Ok(report)
    } else {
        Err(CheckFailed(report))
    }
}

/// What Discord would refuse in the command table.
/// How interactions arrive: the gateway (and its shards) or the HTTP endpoint.
fn check_front(config: &Config, report: &mut CheckReport) {
    use crate::config::{Mode, Sharding};
    let discord = &config.discord;
    match discord.mode {
        Mode::Http => {
            match super::endpoint::verifier(discord.public_key.as_deref().unwrap_or_default()) {
                Ok(_) => report.push(
                    Level::Ok,
                    format!(
                        "mode http: POST /interactions on {}, signatures checked against public_key",
                        discord.listen
                    ),
                ),
                Err(e) => report.push(Level::Problem, format!("mode http: {e}")),
            }
            report.push(
                Level::Note,
                "mode http: no gateway, so mentions of the bot are not answered",
            );
        }
        Mode::Gateway => match config.sharding() {
            Sharding::One => report.push(Level::Ok, "mode gateway: one connection"),
            Sharding::Auto => report.push(
                Level::Ok,
                "mode gateway: as many shards as Discord recommends",
            ),
            Sharding::Range { first, last, total } => report.push(
                Level::Ok,
                format!("mode gateway: shards {first} to {last} of {total}"),
            ),
        },
    }
}

/// Each briefing: where it answers, whether its corpus is there, and whether the commands
/// are registered where it answers.
fn check_briefings(config: &Config, report: &mut CheckReport) {
    let registered = &config.discord.guild_ids;
    for spec in &config.briefings {
        let name = &spec.name;
        match spec.corpus.iter().find(|f| !f.is_dir()) {
            Some(missing) => report.push(
                Level::Problem,
                format!("briefing {name}: no corpus folder at {}", missing.display()),
            ),
            None => report.push(
                Level::Ok,
                format!(
                    "briefing {name}: servers {:?}, channels {:?}, moderator roles {:?}",
                    spec.guild_ids, spec.channel_ids, spec.admin_roles
                ),
            ),
        }
        if spec.guild_ids.is_empty() && spec.channel_ids.is_empty() {
            report.push(
                Level::Note,
                format!("briefing {name}: bound to no server or channel, so it answers nowhere"),
            );
        }
        let unregistered: Vec<u64> = spec
            .guild_ids
            .iter()
            .copied()
            .filter(|g| !registered.is_empty() && !registered.contains(g))
            .collect();
        if !unregistered.is_empty() {
            report.push(
                Level::Note,
                format!(
                    "briefing {name}: servers {unregistered:?} are not in guild_ids, so the commands are not registered there"
                ),
            );
        }
    }
}

fn table_problems() -> Vec<String> {
    let mut problems = Vec::new();
    let name_ok = |n: &str| {
        (1..=32).contains(&n.len())
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    if COMMANDS.len() > 100 {
        problems.push(format!("{} commands, over Discord's 100", COMMANDS.len()));
    }
    for c in COMMANDS {
        if !name_ok(c.name) || !(1..=100).contains(&c.description.chars().count()) {
            problems.push(format!(
                "/{}: name or description breaks Discord's rules",
                c.name
            ));
        }
        if c.options.len() > 25 {
            problems.push(format!("/{}: over 25 options", c.name));
        }
        for o in c.options {
            if !name_ok(o.name) || !(1..=100).contains(&o.description.chars().count()) {
                problems.push(format!(
                    "/{} {}: name or description breaks Discord's rules",
                    c.name, o.name
                ));
            }
            if o.choices.len() > limits::CHOICES
                || o.choices
                    .iter()
                    .any(|ch| ch.chars().count() > limits::CHOICE)
            {
                problems.push(format!(
                    "/{} {}: too many or too long choices",
                    c.name, o.name
                ));
            }
        }
    }
    problems
}

/// The application (bot user) id a bot token starts with, base64-encoded.
fn application_id(token: &str) -> Option<String> {
    let first = token.trim_start_matches("Bot ").split('.').next()?;
    let bytes = base64_decode(first)?;
    let id = String::from_utf8(bytes).ok()?;
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_digit())).then_some(id)
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.trim_end_matches('=').as_bytes() {
        acc = (acc << 6) | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Discord's own API base; any other `api_base` is treated as a proxy that keeps the limits.
const DISCORD: &str = "https://discord.com";

/// Whether `api_base` is Discord itself: the HTTP client keeps serenity's rate limiter
/// and the system proxy for it, and `check` says so.
pub(super) fn is_discord(base: &str) -> bool {
    base.trim_end_matches('/').eq_ignore_ascii_case(DISCORD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_is_read_from_the_token() {
        // The example token of serenity's documentation: user id 288760241363877888.
        let token = "Mjg4NzYwMjQxMzYzODc3ODg4.C_ikow.j3VupLBuE1QWZng3TMGH0z_UAwg";
        assert_eq!(application_id(token).as_deref(), Some("288760241363877888"));
        assert_eq!(application_id("not-base64!.x.y"), None);
        assert_eq!(INVITE_PERMISSIONS, 84992);
    }

    #[test]
    fn problems_fail_the_check_and_are_all_listed() {
        let mut config = Config::default();
        config.discord.token_env = "BRIEFBOT_CHECK_TEST_UNSET_TOKEN".into();
        config.discord.guild_ids = vec![0];
        config.discord.audit_channel = Some(0);
        let failed = check(&config).unwrap_err();
        let text = failed.to_string();
        assert!(text.contains("3 problem(s)"), "{text}");
        assert!(
            text.contains("BRIEFBOT_CHECK_TEST_UNSET_TOKEN is not set"),
            "{text}"
        );
        assert!(
            text.contains("guild_ids: 0") && text.contains("audit_channel: 0"),
            "{text}"
        );
    }

    #[test]
    fn the_mode_and_each_briefing_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(
            "[discord]\nguild_ids = [1]\nmode = \"http\"\npublic_key = \"{}\"\n\n[[briefings]]\nname = \"here\"\ncorpus = [\"{}\"]\nindex = \"i1\"\nguild_ids = [1, 2]\n\n[[briefings]]\nname = \"gone\"\ncorpus = [\"/nonexistent/briefbot\"]\nindex = \"i2\"\n",
            "0".repeat(64),
            dir.path().display()
        );
        let mut config = Config::parse(&text).unwrap();
        config.discord.token_env = "BRIEFBOT_CHECK_TEST_UNSET_TOKEN".into();
        let text = check(&config).unwrap_err().to_string();
        assert!(
            text.contains("mentions of the bot are not answered"),
            "{text}"
        );
        assert!(text.contains("briefing here: servers [1, 2]"), "{text}");
        assert!(text.contains("servers [2] are not in guild_ids"), "{text}");
        assert!(
            text.contains("briefing gone: no corpus folder at /nonexistent/briefbot"),
            "{text}"
        );
        assert!(text.contains("briefing gone: bound to no server"), "{text}");
        assert!(!text.contains("no audit_channel"), "{text}");
    }

    #[test]
    fn the_command_table_is_acceptable_to_discord() {
        assert_eq!(table_problems(), Vec::<String>::new());
    }
}
