//! Slash commands registered from the one table, `crate::commands::COMMANDS`: as guild
//! commands in each configured guild (instant), else globally. On start the registered
//! commands are fetched and compared with the table on what matters (names, descriptions,
//! options, permissions); they are overwritten only when they differ.

use serde_json::{Value, json};
use serenity::all::{
    Command, CommandOptionType, CreateCommand, CreateCommandOption, GuildId, Http, Permissions,
};

use crate::commands::{COMMANDS, CommandSpec, OptionKind, OptionSpec};
use crate::config::DiscordConfig;

/// The registration payload, one command per table entry.
pub fn commands(config: &DiscordConfig) -> Vec<CreateCommand> {
    COMMANDS.iter().map(|c| command(c, config)).collect()
}

fn command(spec: &CommandSpec, config: &DiscordConfig) -> CreateCommand {
    let mut command = CreateCommand::new(spec.name)
        .description(spec.description)
        .set_options(spec.options.iter().map(option).collect());
    if spec.admin {
        command = command
            .default_member_permissions(Permissions::from_bits_truncate(config.admin_permissions))
            .dm_permission(false);
    }
    command
}

fn option(spec: &OptionSpec) -> CreateCommandOption {
    let kind = match spec.kind {
        OptionKind::Text | OptionKind::Party | OptionKind::Source => CommandOptionType::String,
        OptionKind::Integer => CommandOptionType::Integer,
        OptionKind::Boolean => CommandOptionType::Boolean,
        OptionKind::Attachment => CommandOptionType::Attachment,
    };
    let mut option =
        CreateCommandOption::new(kind, spec.name, spec.description).required(spec.required);
    let autocomplete =
        spec.autocomplete || matches!(spec.kind, OptionKind::Party | OptionKind::Source);
    if kind == CommandOptionType::String {
        if let Some(min) = spec.min_length {
            option = option.min_length(min);
        }
        if let Some(max) = spec.max_length {
            option = option.max_length(max);
        }
        // Discord refuses choices together with autocomplete; autocomplete filters instead.
        if !autocomplete {
            for choice in spec.choices {
                option = option.add_string_choice(*choice, *choice);
            }
        }
    }
    option.set_autocomplete(autocomplete)
}

/// Where commands go: each configured guild, or global when none is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Guild(u64),
}

pub fn scopes(config: &DiscordConfig) -> Vec<Scope> {
    if config.guild_ids.is_empty() {
        vec![Scope::Global]
    } else {
        config
            .guild_ids
            .iter()
            .filter(|&&g| g != 0)
            .map(|&g| Scope::Guild(g))
            .collect()
    }
}

/// Registers the table in every scope where what is registered differs from it.
pub async fn ensure(http: &Http, config: &DiscordConfig) -> anyhow::Result<()> {
    let wanted = commands(config);
    let wanted_essentials = essentials(&serde_json::to_value(&wanted)?);
    for scope in scopes(config) {
        let existing = match scope {
            Scope::Global => Command::get_global_commands(http).await?,
            Scope::Guild(g) => GuildId::new(g).get_commands(http).await?,
        };
        if essentials(&serde_json::to_value(&existing)?) == wanted_essentials {
            tracing::info!(?scope, "slash commands are up to date");
            continue;
        }
        match scope {
            Scope::Global => {
                Command::set_global_commands(http, wanted.clone()).await?;
            }
            Scope::Guild(g) => {
                GuildId::new(g).set_commands(http, wanted.clone()).await?;
            }
        }
        tracing::info!(?scope, commands = wanted.len(), "registered slash commands");
    }
    Ok(())
}

/// What decides whether a registration is current, in one shape for both our payload and
/// Discord's echo (which adds ids, versions and defaults): sorted by name, defaults filled.
fn essentials(commands: &Value) -> Value {
    let mut list: Vec<Value> = commands
        .as_array()
        .map(|cs| cs.iter().map(command_essentials).collect())
        .unwrap_or_default();
    list.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    Value::Array(list)
}

fn command_essentials(c: &Value) -> Value {
    let permissions = match &c["default_member_permissions"] {
        Value::String(s) => json!(s),
        Value::Number(n) => json!(n.to_string()),
        _ => Value::Null,
    };
    json!({
        "name": c["name"],
        "description": c["description"],
        "type": c["type"].as_u64().unwrap_or(1),
        "default_member_permissions": permissions,
        "options": c["options"].as_array().map(|os| os.iter().map(option_essentials).collect::<Vec<_>>()).unwrap_or_default(),
    })
}

fn option_essentials(o: &Value) -> Value {
    let choices: Vec<Value> = o["choices"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .map(|c| json!({"name": c["name"], "value": c["value"]}))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "type": o["type"],
        "name": o["name"],
        "description": o["description"],
        "required": o["required"].as_bool().unwrap_or(false),
        "autocomplete": o["autocomplete"].as_bool().unwrap_or(false),
        "min_length": o["min_length"],
        "max_length": o["max_length"],
        "choices": choices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_follows_the_table() {
        let config = DiscordConfig::default();
        let payload = serde_json::to_value(commands(&config)).unwrap();
        let names: Vec<&str> = payload
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        let table: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        assert_eq!(names, table);
        let statement = payload
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "statement")
            .unwrap();
        assert_eq!(statement["options"][0]["type"], 3);
        assert_eq!(statement["options"][0]["autocomplete"], true);
        assert_eq!(statement["options"][0]["required"], true);
        assert_eq!(statement["options"][1]["max_length"], 300);
        for c in COMMANDS.iter().filter(|c| c.admin) {
            let registered = payload
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == c.name)
                .unwrap();
            assert_eq!(registered["default_member_permissions"], "32");
        }
    }

    #[test]
    fn discords_echo_compares_equal_to_the_payload() {
        let config = DiscordConfig::default();
        let payload = serde_json::to_value(commands(&config)).unwrap();
        let mut echoed = payload.clone();
        for (i, c) in echoed.as_array_mut().unwrap().iter_mut().enumerate() {
            c["id"] = json!(i.to_string());
            c["version"] = json!("1");
            c["type"] = json!(1);
            if c.get("default_member_permissions").is_none() {
                c["default_member_permissions"] = Value::Null;
            }
        }
        echoed.as_array_mut().unwrap().reverse();
        assert_eq!(essentials(&payload), essentials(&echoed));
        echoed[0]["description"] = json!("changed");
        assert_ne!(essentials(&payload), essentials(&echoed));
    }
}
