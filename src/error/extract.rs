//! The configured parties, refused.

/// Why the configured parties cannot be taken; each names the party id it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartyError {
    #[error("party id `{0}` must be lower-case letters, digits, `_` or `-`")]
    BadId(String),
    #[error("party `{0}` has an empty `name`")]
    EmptyName(String),
    #[error("party `{0}` is new and needs a `name`")]
    NewWithoutName(String),
}
