//! What `/status` reports, as data: the moderation service fills it in, `render::admin`
//! writes it out, and neither needs the other to name it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::feeds::FeedStatus;
use crate::jobs::ReindexReport;

/// What `/status` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub version: &'static str,
    pub uptime_seconds: u64,
    pub documents: usize,
    /// Documents that are not republished copies of another.
    pub independent_sources: usize,
    pub paragraphs: usize,
    pub claims: usize,
    pub statements: usize,
    pub index_built_at: DateTime<Utc>,
    pub index_bytes: u64,
    pub reindex_running: bool,
    pub last_reindex: Option<ReindexReport>,
    pub feeds: Vec<FeedStatus>,
    pub feed_warnings: Vec<String>,
}
