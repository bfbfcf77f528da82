//! Every command of the table reaches every front end: the console's line parser, `ask`,
//! the `briefbot` command line and the Discord registration, each made from the table
//! rather than restating it.

use briefbot::commands::{COMMANDS, CommandSpec, OptionKind, OptionSpec};
use briefbot::config::DiscordConfig;

use crate::support::article_engine;

/// A value the table allows for `option`.
fn sample(option: &OptionSpec) -> &'static str {
    match option.kind {
        _ if !option.choices.is_empty() => option.choices[0],
        OptionKind::Party => "azerbaijan",
        OptionKind::Source => "karabakh-clash-2023-03-06.md",
        OptionKind::Boolean => "true",
        OptionKind::Integer => "1",
        OptionKind::Text | OptionKind::Attachment => "ambush",
    }
}

/// The command typed with its required options, as at the console's prompt.
fn typed(spec: &CommandSpec) -> String {
    let mut line = format!("/{}", spec.name);
    for option in spec.options.iter().filter(|o| o.required) {
        line.push_str(&format!(" {}:{}", option.name, sample(option)));
    }
    line
}

#[test]
fn the_console_parses_every_command_of_the_table() {
    for spec in COMMANDS {
        let invocation = briefbot::commands::parse_line(&typed(spec))
            .unwrap_or_else(|e| panic!("{}: {e}", typed(spec)));
        assert_eq!(invocation.command.name, spec.name);
    }
}

#[test]
fn ask_answers_every_command_and_points_a_moderators_to_its_subcommand() {
    let engine = article_engine();
    for spec in COMMANDS {
        let line = typed(spec);
        match engine.ask_line(&line) {
            Ok(_) => assert!(!spec.admin, "{line} is a moderator's, answered by ask"),
            Err(e) => {
                assert!(spec.admin, "{line}: {e}");
                let named = format!("`briefbot {}`", spec.cli_name());
                assert!(e.to_string().contains(&named), "{line}: {e}");
            }
        }
    }
}

#[test]
fn the_command_line_has_a_subcommand_for_every_moderators_command_and_ask_for_the_rest() {
    let command = briefbot::cli::command();
    for spec in COMMANDS {
        let args: Vec<String> = if spec.admin {
            let mut args = vec![spec.cli_name().to_string()];
            for option in spec
                .options
                .iter()
                .filter(|o| o.required || o.kind == OptionKind::Text)
            {
                match option.choices {
                    [] => args.push(sample(option).to_string()),
                    choices => args.push(choices[0].to_string()),
                }
                if !option.required {
                    break;
                }
            }
            args
        } else {
            vec!["ask".into(), typed(spec)]
        };
        let mut argv = vec!["briefbot".to_string()];
        argv.extend(args.iter().cloned());
        let matches = command
            .clone()
            .try_get_matches_from(&argv)
            .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        assert_eq!(
            matches.subcommand_name(),
            Some(args[0].as_str()),
            "{argv:?}"
        );
        if !spec.admin {
            continue;
        }
        // Every option of the table is there, under its own name or as a subcommand.
        let sub = command.find_subcommand(spec.cli_name()).unwrap();
        for option in spec.options {
            let found = match option.choices {
                [] if option.kind == OptionKind::Attachment => true,
                [] => {
                    sub.get_arguments().any(|a| a.get_id() == option.name)
                        || sub
                            .get_subcommands()
                            .all(|action| action.get_arguments().any(|a| a.get_id() == option.name))
                            && sub.has_subcommands()
                }
                choices => choices.iter().all(|c| sub.find_subcommand(c).is_some()),
            };
            assert!(found, "/{} {} on the command line", spec.name, option.name);
        }
    }
}

#[test]
fn discord_registers_every_command_of_the_table() {
    let payload =
        serde_json::to_value(briefbot::discord::registration(&DiscordConfig::default())).unwrap();
    let registered: Vec<&str> = payload
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    let table: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    assert_eq!(registered, table);
    for (spec, command) in COMMANDS.iter().zip(payload.as_array().unwrap()) {
        let options: Vec<&str> = command["options"]
            .as_array()
            .map(|o| o.iter().map(|o| o["name"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let table: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
        assert_eq!(options, table, "/{}", spec.name);
    }
}
