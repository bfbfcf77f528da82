//! Ingest: turns reporting that moderators add — web pages, RSS/Atom feeds, JSONL bulk
//! files — into [`Article`]s, and offers the pieces around that: safe fetching, URL
//! normalisation, duplicate detection and writing articles out as Markdown.
//!
//! Data flows one way: bytes (from [`fetch::Fetcher`] or a file) are decoded
//! ([`html::decode`]), parsed ([`html::extract`], [`feed::parse`], [`jsonl::parse`]) into
//! [`Article`]s, checked against a [`dedup::DupIndex`], and written with
//! [`markdown::to_markdown`] under [`markdown::file_name`]. Nothing here touches the index
//! or Discord.

pub mod dedup;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod url;

#[cfg(test)]
mod test_server;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

pub use crate::error::ingest::IngestError;
pub use fetch::FetchError;

/// One piece of reporting, whatever it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub fetched_at: Option<DateTime<Utc>>,
    /// Each paragraph on one line: whitespace collapsed, never empty.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// Drops control characters and terminal escape sequences from every field: what a
    /// page or a file holds enters the corpus as text, never as commands to a terminal.
    pub fn strip_controls(&mut self) {
        let text_fields = [&mut self.title]
            .into_iter()
            .chain(self.paragraphs.iter_mut())
            .chain(
                [
                    &mut self.outlet,
                    &mut self.url,
                    &mut self.author,
                    &mut self.language,
                ]
                .into_iter()
                .flatten(),
            );
        for field in text_fields {
            if let std::borrow::Cow::Owned(clean) = crate::text::strip_controls(field) {
                *field = clean;
            }
        }
    }
}

pub type Result<T, E = IngestError> = std::result::Result<T, E>;

/// Collapses every run of whitespace (including non-breaking spaces) to one space and trims.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the calendar date out of the date formats outlets publish: RFC 3339 / ISO 8601
/// with or without time and offset, RFC 2822, or a bare `YYYY-MM-DD`. A timestamp with an
/// offset gives the date where it was published, not the UTC date.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text) {
        return Some(dt.date_naive());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(text, format) {
            return Some(dt.date_naive());
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, format) {
            return Some(dt.date());
        }
    }
    let head = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_publishers_calendar_day() {
        let d = |s| parse_date(s).map(|d: NaiveDate| d.to_string());
        assert_eq!(
            d("2023-03-06T01:30:00+04:00").as_deref(),
            Some("2023-03-06")
        );
        assert_eq!(d("2023-03-06T01:30:00.123Z").as_deref(), Some("2023-03-06"));
        assert_eq!(d("2023-03-06T01:30:00+0400").as_deref(), Some("2023-03-06"));
        assert_eq!(
            d("Mon, 06 Mar 2023 09:15:00 +0000").as_deref(),
            Some("2023-03-06")
        );
        assert_eq!(d("2023-03-06").as_deref(), Some("2023-03-06"));
        assert_eq!(d("2023-03-06 10:00").as_deref(), Some("2023-03-06"));
        assert_eq!(d("yesterday"), None);
        assert_eq!(d("2023-13-45"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn whitespace_collapses_including_non_breaking_spaces() {
        assert_eq!(collapse_whitespace("  a\n\t b\u{a0}\u{a0}c  "), "a b c");
    }
}
