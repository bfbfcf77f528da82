//! `bot.toml` refused: what TOML would not take, or a value the bot would not.

/// Why a `bot.toml` was refused. The message names the key path and, where the file
/// spells it out, the line: `line 3: answers.max_hits: must be between 1 and 50`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// What TOML itself refuses: the syntax, a wrong type, an unknown key.
    #[error("{}", .0.to_string().trim())]
    Toml(#[from] toml::de::Error),
    /// A value the types take but the bot does not.
    #[error("{}{key}: {why}", .line.map(|n| format!("line {n}: ")).unwrap_or_default())]
    Invalid {
        line: Option<usize>,
        key: String,
        why: String,
    },
}
