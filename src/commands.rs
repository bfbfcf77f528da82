//! The one table of commands and their options. The console, `ask`, `/help`, the Discord
//! registration and the moderators' `briefbot` subcommands all read it; nothing restates
//! it. Also the parser that turns a typed command line (`/statement azerbaijan
//! topic:peacekeepers`) into an [`Invocation`].

use serde::Serialize;

use crate::error::UserError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionKind {
    /// Free text.
    Text,
    Integer,
    Boolean,
    /// A party of the gazetteer: an id or an alias.
    Party,
    /// An indexed source, as `/sources` lists it.
    Source,
    /// A file sent with the command (Discord attachments).
    Attachment,
}

#[derive(Debug, Serialize)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    pub choices: &'static [&'static str],
    pub min_length: Option<u16>,
    pub max_length: Option<u16>,
    pub autocomplete: bool,
    /// The value is search syntax: quotes typed around all of it make a phrase, and stay.
    #[serde(skip)]
    pub syntax: bool,
}

#[derive(Debug, Serialize)]
pub struct CommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
    /// Admin commands are gated by permission and by the bot's own check.
    pub admin: bool,
}

const fn text(name: &'static str, description: &'static str, required: bool) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::Text,
        required,
        choices: &[],
        min_length: Some(1),
        max_length: Some(MAX_TEXT),
        autocomplete: false,
        syntax: false,
    }
}

/// The longest free-text option a command takes, in characters.
pub const MAX_TEXT: u16 = 300;

pub static COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "ask",
        description: "Ask in plain words: how many were killed, what did Baku say, when did it start",
        options: &[text(
            "question",
            "Your question, e.g. how many soldiers died?",
            true,
        )],
        admin: false,
    },
    CommandSpec {
        name: "search",
        description: "Find passages in the indexed reporting",
        options: &[OptionSpec {
            syntax: true,
            ..text(
                "query",
                "Words to find: \"exact phrase\", -exclude, AND / OR",
                true,
            )
        }],
        admin: false,
    },
    CommandSpec {
        name: "casualties",
        description: "Casualty figures: who claims how many were killed, injured, missing or captured",
        options: &[
            text("query", "Narrow to an event or topic", false),
            OptionSpec {
                name: "side",
                description: "Only people of this side (a party, e.g. azerbaijan)",
                kind: OptionKind::Party,
                required: false,
                choices: &[],
                min_length: Some(1),
                max_length: Some(100),
                autocomplete: true,
                syntax: false,
            },
            OptionSpec {
                name: "status",
                description: "Only killed, injured, missing or captured",
                kind: OptionKind::Text,
                required: false,
                choices: &["killed", "injured", "missing", "captured"],
                min_length: None,
                max_length: None,
                autocomplete: false,
                syntax: false,
            },
            flag(
                "explain",
                "Say which words put each figure under its side and source",
            ),
        ],
        admin: false,
    },
    CommandSpec {
        name: "statement",
        description: "What a party said, quoted or reported, with sources",
        options: &[
            OptionSpec {
                name: "party",
                description: "A country, government, force or organisation (e.g. azerbaijan, baku, kremlin)",
                kind: OptionKind::Party,
                required: true,
                choices: &[],
                min_length: Some(1),
                max_length: Some(100),
                autocomplete: true,
                syntax: false,
            },
            text("topic", "Only statements about this", false),
            text(
                "speaker",
                "This speaker's first, e.g. foreign ministry, president, Aliyev",
                false,
            ),
            flag("explain", "Say which words tie each speaker to the party"),
        ],
        admin: false,
    },
    CommandSpec {
        name: "timeline",
        description: "Dated events in date order",
        options: &[text("query", "Narrow to an event or topic", false)],
        admin: false,
    },
    CommandSpec {
        name: "sources",
        description: "What is indexed: title, outlet, date, paragraphs",
        options: &[],
        admin: false,
    },
    CommandSpec {
        name: "help",
        description: "The commands and how to use them",
        options: &[],
        admin: false,
    },
    CommandSpec {
        name: "reindex",
        description: "Rebuild the index from the corpus (moderators)",
        options: &[flag(
            "dry_run",
            "Report what would change without changing anything",
        )],
        admin: true,
    },
    CommandSpec {
        name: "ingest",
        description: "Add reporting by address or file: .md, .txt, .html, .jsonl (moderators)",
        options: &[
            text("url", "The article's address (http or https)", false),
            OptionSpec {
                name: "file",
                description: "A .md, .txt, .html or .jsonl file",
                kind: OptionKind::Attachment,
                ..text("file", "", false)
            },
        ],
        admin: true,
    },
    CommandSpec {
        name: "forget",
        description: "Take a source out of the index; /restore brings it back (moderators)",
        options: &[source("source", "The source, as /sources lists it")],
        admin: true,
    },
    CommandSpec {
        name: "restore",
        description: "Bring a forgotten source back (moderators)",
        options: &[source("source", "The source, as it was forgotten")],
        admin: true,
    },
    CommandSpec {
        name: "feeds",
        description: "Follow RSS/Atom feeds: list, add, remove, poll (moderators)",
        options: &[
            OptionSpec {
                choices: &["list", "add", "remove", "poll"],
                min_length: None,
                max_length: None,
                ..text("action", "list, add, remove or poll", true)
            },
            text("url", "The feed's address (for add, remove, poll)", false),
            text(
                "include",
                "Only entries with these words (comma-separated; /regex/ allowed)",
                false,
            ),
            text(
                "exclude",
                "Skip entries with these words (comma-separated; /regex/ allowed)",
                false,
            ),
        ],
        admin: true,
    },
    CommandSpec {
        name: "status",
        description: "Documents, claims, the last reindex, feeds' health, index size (moderators)",
        options: &[],
        admin: true,
    },
];

const fn flag(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::Boolean,
        required: false,
        choices: &[],
        min_length: None,
        max_length: None,
        autocomplete: false,
        syntax: false,
    }
}

const fn source(name: &'static str, description: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::Source,
        required: true,
        choices: &[],
        min_length: Some(1),
        max_length: Some(MAX_TEXT),
        autocomplete: true,
        syntax: false,
    }
}

/// The command named `name` (case-insensitive, a leading `/` allowed).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim_start_matches('/');
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec>
    where
        Self: 'static,
    {
        self.options
            .iter()
            .find(|o| o.name.eq_ignore_ascii_case(name))
    }

    /// The `briefbot` subcommand that runs a moderator command in a terminal: its own
    /// name, but `index` for `/reindex`, which is what the binary always called it.
    pub fn cli_name(&self) -> &'static str {
        match self.name {
            "reindex" => "index",
            name => name,
        }
    }

    /// `/statement party:<party> [topic:<topic>]`
    pub fn usage(&self) -> String {
        let mut usage = format!("/{}", self.name);
        for option in self.options {
            let part = format!("{}:<{}>", option.name, option.name);
            if option.required {
                usage.push_str(&format!(" {part}"));
            } else {
                usage.push_str(&format!(" [{part}]"));
            }
        }
        usage
    }
}

/// A typed option value, as Discord sends it or as the parser reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OptionValue {
    Text(String),
    Integer(i64),
    Boolean(bool),
}

impl OptionValue {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A command with its options, checked against the table but not yet against the index.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub command: &'static CommandSpec,
    pub options: Vec<(&'static str, OptionValue)>,
}

impl Invocation {
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(OptionValue::as_text)
    }

    pub fn get(&self, name: &str) -> Option<&OptionValue> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    /// Checks raw options (from any front end) against the command's table entry.
    pub fn new(
        command: &'static CommandSpec,
        raw: Vec<(String, OptionValue)>,
    ) -> Result<Self, UserError> {
        let mut options = Vec::new();
        for (name, value) in raw {
            let spec = command.option(&name).ok_or_else(|| {
                UserError::new(format!(
                    "/{} has no option `{name}`. Usage: {}",
                    command.name,
                    command.usage()
                ))
            })?;
            if options.iter().any(|(n, _)| *n == spec.name) {
                return Err(UserError::new(format!("`{}` is given twice", spec.name)));
            }
            options.push((spec.name, coerce(command, spec, value)?));
        }
        for spec in command.options.iter().filter(|o| o.required) {
            if !options.iter().any(|(n, _)| *n == spec.name) {
                return Err(UserError::new(format!(
                    "/{} needs `{}` ({}). Usage: {}",
                    command.name,
                    spec.name,
                    spec.description,
                    command.usage()
                )));
            }
        }
        Ok(Self { command, options })
    }
}

fn coerce(
    command: &CommandSpec,
    spec: &OptionSpec,
    value: OptionValue,
) -> Result<OptionValue, UserError> {
    let wrong = |expected: &str| {
        UserError::new(format!(
            "`{}` of /{} must be {expected}",
            spec.name, command.name
        ))
    };
    let value = match (spec.kind, value) {
        (OptionKind::Integer, OptionValue::Text(t)) => {
            OptionValue::Integer(t.trim().parse().map_err(|_| wrong("a whole number"))?)
        }
        (OptionKind::Boolean, OptionValue::Text(t)) => {
            match t.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => OptionValue::Boolean(true),
                "false" | "no" | "off" | "0" => OptionValue::Boolean(false),
                _ => return Err(wrong("true or false")),
            }
        }
        (OptionKind::Integer, v @ OptionValue::Integer(_)) => v,
        (OptionKind::Boolean, v @ OptionValue::Boolean(_)) => v,
        (
            OptionKind::Text | OptionKind::Party | OptionKind::Source | OptionKind::Attachment,
            OptionValue::Text(t),
        ) => OptionValue::Text(t.trim().to_string()),
        (OptionKind::Integer, _) => return Err(wrong("a whole number")),
        (OptionKind::Boolean, _) => return Err(wrong("true or false")),
        (_, _) => return Err(wrong("text")),
    };
    if let OptionValue::Text(t) = &value {
        let chars = t.chars().count();
        if chars < usize::from(spec.min_length.unwrap_or(0)) || t.is_empty() {
            return Err(UserError::new(format!("`{}` is empty", spec.name)));
        }
        if let Some(max) = spec.max_length
            && chars > usize::from(max)
        {
            return Err(UserError::new(format!(
                "`{}` is too long: {chars} characters, at most {max}",
                spec.name
            )));
        }
        if !spec.choices.is_empty() && !spec.choices.iter().any(|c| c.eq_ignore_ascii_case(t)) {
            return Err(UserError::new(format!(
                "`{}` must be one of: {}",
                spec.name,
                spec.choices.join(", ")
            )));
        }
    }
    Ok(value)
}

/// What a person typed, as a command line: a command when it starts with `/`, and
/// otherwise always a question, even when its first word names a command ("status of
/// the peacekeepers", "forget it"). The console and `ask` read what is typed the same way.
pub fn typed(typed: &str) -> String {
    let typed = typed.trim();
    if typed.starts_with('/') || typed.is_empty() {
        typed.to_string()
    } else {
        format!("/ask {typed}")
    }
}

/// Parses a typed command line. Options are `name:value`, a value running to the next
/// option; text before the first named option is the first option not given by name, so
/// `/search ambush` and `/statement azerbaijan` work.
pub fn parse_line(line: &str) -> Result<Invocation, UserError> {
    let line = line.trim();
    if line.is_empty() {
        return Err(UserError::new(
            "Type a command, e.g. /search ambush, or /help",
        ));
    }
    let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let command = find(name).ok_or_else(|| unknown_command(name))?;

    let markers = option_markers(command, rest);
    let mut raw = Vec::new();
    let positional = rest[..markers.first().map_or(rest.len(), |m| m.0)].trim();
    for (i, &(start, value_start, spec)) in markers.iter().enumerate() {
        let end = markers.get(i + 1).map_or(rest.len(), |m| m.0);
        debug_assert!(start < value_start);
        raw.push((
            spec.name.to_string(),
            OptionValue::Text(value(spec, &rest[value_start..end])),
        ));
    }
    if !positional.is_empty() {
        let free = command
            .options
            .iter()
            .find(|o| !raw.iter().any(|(n, _)| n == o.name));
        match free {
            Some(spec) => raw.insert(
                0,
                (
                    spec.name.to_string(),
                    OptionValue::Text(value(spec, positional)),
                ),
            ),
            None if command.options.is_empty() => {
                return Err(UserError::new(format!(
                    "/{} takes no options",
                    command.name
                )));
            }
            None => {
                return Err(UserError::new(format!(
                    "I don't know what `{positional}` is for. Usage: {}",
                    command.usage()
                )));
            }
        }
    }
    Invocation::new(command, raw)
}

/// `(marker start, value start, option)` for every `name:` at a word start in `rest`.
fn option_markers(
    command: &'static CommandSpec,
    rest: &str,
) -> Vec<(usize, usize, &'static OptionSpec)> {
    let mut markers = Vec::new();
    let mut at_word_start = true;
    for (i, c) in rest.char_indices() {
        if at_word_start {
            for spec in command.options {
                let tag_len = spec.name.len() + 1;
                let Some(tag) = rest.get(i..i + tag_len) else {
                    continue;
                };
                let named = tag
                    .get(..spec.name.len())
                    .is_some_and(|name| name.eq_ignore_ascii_case(spec.name));
                if named && tag.ends_with(':') {
                    markers.push((i, i + tag_len, spec));
                    break;
                }
            }
        }
        at_word_start = c.is_whitespace();
    }
    markers
}

/// An option's value as typed: quotes around all of it are taken off, as a shell would,
/// except from search syntax, where they make a phrase.
fn value(spec: &OptionSpec, typed: &str) -> String {
    if spec.syntax {
        typed.trim().to_string()
    } else {
        unquote(typed)
    }
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”')] {
        if let Some(inner) = v.strip_prefix(open).and_then(|s| s.strip_suffix(close))
            && !inner.contains(close)
        {
            return inner.to_string();
        }
    }
    v.to_string()
}

fn unknown_command(name: &str) -> UserError {
    let name = name.trim_start_matches('/');
    let mut names: Vec<_> = COMMANDS
        .iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&name.to_lowercase(), c.name),
                c.name,
            )
        })
        .collect();
    names.sort();
    let hint = match names.first() {
        Some((d, best)) if *d <= 2 => format!(" Did you mean /{best}?"),
        _ => String::new(),
    };
    UserError::new(format!(
        "Unknown command `/{name}`.{hint} Type /help for the list."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(line: &str) -> Vec<(&'static str, OptionValue)> {
        parse_line(line).unwrap().options
    }

    fn t(s: &str) -> OptionValue {
        OptionValue::Text(s.into())
    }

    #[test]
    fn the_first_option_may_be_given_without_its_name() {
        assert_eq!(options("/search ambush"), vec![("query", t("ambush"))]);
        assert_eq!(
            options("/statement azerbaijan"),
            vec![("party", t("azerbaijan"))]
        );
        assert_eq!(
            options("/statement party:azerbaijan"),
            vec![("party", t("azerbaijan"))]
        );
    }

    #[test]
    fn named_options_run_to_the_next_option() {
        assert_eq!(
            options("/statement party:azerbaijan topic:the peacekeepers"),
            vec![("party", t("azerbaijan")), ("topic", t("the peacekeepers"))]
        );
        assert_eq!(
            options("/statement baku topic:\"peace treaty\""),
            vec![("party", t("baku")), ("topic", t("peace treaty"))]
        );
    }

    #[test]
    fn a_quoted_search_is_a_phrase_and_a_quoted_topic_its_words() {
        assert_eq!(
            options("/search \"crude oil\""),
            vec![("query", t("\"crude oil\""))]
        );
        assert_eq!(
            options("/search query:\"crude oil\""),
            vec![("query", t("\"crude oil\""))]
        );
        assert_eq!(
            options("/statement baku topic:\"peace treaty\""),
            vec![("party", t("baku")), ("topic", t("peace treaty"))]
        );
    }

    #[test]
    fn query_syntax_that_looks_like_an_option_stays_in_the_query() {
        assert_eq!(
            options("/search title: \"unclosed"),
            vec![("query", t("title: \"unclosed"))]
        );
        assert_eq!(
            options("/SEARCH query:a AND b"),
            vec![("query", t("a AND b"))]
        );
    }

    #[test]
    fn words_without_a_slash_are_always_a_question() {
        for words in [
            "forget ingested/x.md",
            "status of the peacekeepers",
            "reindex everything",
            "casualties",
            "how many soldiers died?",
        ] {
            let invocation = parse_line(&typed(words)).unwrap();
            assert_eq!(invocation.command.name, "ask", "{words}");
            assert_eq!(invocation.text("question"), Some(words));
        }
        assert_eq!(
            parse_line(&typed("/casualties")).unwrap().command.name,
            "casualties"
        );
    }

    #[test]
    fn user_mistakes_are_clear_errors() {
        assert!(
            parse_line("/serch x")
                .unwrap_err()
                .message
                .contains("Did you mean /search?")
        );
        assert!(
            parse_line("/search")
                .unwrap_err()
                .message
                .contains("needs `query`")
        );
        assert!(
            parse_line("/sources now")
                .unwrap_err()
                .message
                .contains("takes no options")
        );
        assert!(parse_line("").is_err());
        // A multi-byte character where an option name could start is text, not a panic.
        assert_eq!(options("/search ¡𑅐"), vec![("query", t("¡𑅐"))]);
        let long = format!("/search {}", "x".repeat(400));
        assert!(parse_line(&long).unwrap_err().message.contains("too long"));
    }

    #[test]
    fn discord_style_options_are_checked_against_the_table() {
        let search = find("search").unwrap();
        assert!(Invocation::new(search, vec![("query".into(), OptionValue::Integer(3))]).is_err());
        assert!(Invocation::new(search, vec![("nope".into(), t("x"))]).is_err());
        assert!(Invocation::new(search, vec![]).is_err());
        assert!(Invocation::new(search, vec![("query".into(), t("x"))]).is_ok());
    }

    #[test]
    fn the_table_respects_discord_naming_and_length_rules() {
        for command in COMMANDS {
            assert!(
                command.name.len() <= 32 && command.name.chars().all(|c| c.is_ascii_lowercase())
            );
            assert!(!command.description.is_empty() && command.description.chars().count() <= 100);
            for option in command.options {
                assert!(
                    option.name.len() <= 32
                        && option
                            .name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_')
                );
                assert!(option.description.chars().count() <= 100, "{}", option.name);
            }
            // Discord requires required options before optional ones.
            let first_optional = command.options.iter().position(|o| !o.required);
            if let Some(i) = first_optional {
                assert!(
                    command.options[i..].iter().all(|o| !o.required),
                    "{}",
                    command.name
                );
            }
        }
    }
}
