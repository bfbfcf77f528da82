//! What a feed is: its address, how often it is polled, and which of its entries are
//! relevant to the story.

use regex::Regex;
use serde::{Deserialize, Serialize};

pub use crate::error::feeds::{MAX_INTERVAL_MINUTES, PatternError, SpecError};
use crate::ingest;

/// How often a feed is polled when bot.toml or the moderator does not say.
pub const DEFAULT_INTERVAL_MINUTES: u64 = 30;

/// A feed as bot.toml lists it (`[[feeds]]` tables) or a moderator adds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSpec {
    pub url: String,
    #[serde(default = "default_interval")]
    pub interval_minutes: u64,
    /// Keywords, or `/regex/` (case-insensitive): when any are given, an entry must
    /// match at least one to be kept.
    #[serde(default)]
    pub include: Vec<String>,
    /// Keywords or `/regex/`: an entry matching any is skipped.
    #[serde(default)]
    pub exclude: Vec<String>,
}

fn default_interval() -> u64 {
    DEFAULT_INTERVAL_MINUTES
}

impl FeedSpec {
    /// A feed polled every [`DEFAULT_INTERVAL_MINUTES`], keeping every entry.
    pub fn new(url: impl Into<String>) -> Self {
        FeedSpec {
            url: url.into(),
            interval_minutes: DEFAULT_INTERVAL_MINUTES,
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }

    /// Checks everything a moderator could get wrong; the message names the field.
    pub fn validate(&self) -> Result<(), SpecError> {
        self.key()?;
        if !(1..=MAX_INTERVAL_MINUTES).contains(&self.interval_minutes) {
            return Err(SpecError::Interval(self.interval_minutes));
        }
        self.filter().map(drop)
    }

    /// The normalised address: two spellings of one feed share it.
    pub(super) fn key(&self) -> Result<String, SpecError> {
        ingest::url::normalise(&self.url).map_err(SpecError::Url)
    }

    pub(super) fn filter(&self) -> Result<Filter, SpecError> {
        let compile = |field: &'static str, values: &[String]| {
            values
                .iter()
                .map(|value| {
                    pattern(value).map_err(|why| SpecError::Pattern {
                        field,
                        value: value.clone(),
                        why,
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Filter {
            include: compile("include", &self.include)?,
            exclude: compile("exclude", &self.exclude)?,
        })
    }
}

/// A feed's include and exclude patterns, compiled.
#[derive(Debug)]
pub(super) struct Filter {
    include: Vec<Regex>,
    exclude: Vec<Regex>,
}

impl Filter {
    /// Whether an entry with this text (title, summary, content) is kept.
    pub(super) fn accepts(&self, text: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|r| r.is_match(text)))
            && !self.exclude.iter().any(|r| r.is_match(text))
    }
}

/// `/.../` is a regular expression; anything else a keyword or phrase, matched as whole
/// words so that "war" does not match "software". Both ignore case.
fn pattern(value: &str) -> Result<Regex, PatternError> {
    let value = value.trim();
    let source = match value
        .strip_prefix('/')
        .and_then(|rest| rest.strip_suffix('/'))
    {
        Some("") => return Err(PatternError::EmptyRegex),
        Some(regex) => format!("(?i){regex}"),
        None if value.is_empty() => return Err(PatternError::Empty),
        None => {
            let word_edge = |c: Option<char>| {
                if c.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    r"\b"
                } else {
                    ""
                }
            };
            let words = value
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            format!(
                "(?i){}{words}{}",
                word_edge(value.chars().next()),
                word_edge(value.chars().last())
            )
        }
    };
    Regex::new(&source).map_err(|e| {
        // The regex crate's message is several lines with a caret; its last says why.
        let why = e.to_string();
        let why = why.lines().last().unwrap_or_default().trim();
        PatternError::Invalid(why.trim_start_matches("error: ").to_string())
    })
}
