//! What the feeds remember between runs, kept as one JSON file: the feeds moderators
//! added, and for every feed its cache validators, the entries already seen and its
//! health. Written atomically; a file that cannot be read is moved aside, never lost.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{FeedError, FeedSpec};
use crate::ingest::fetch::Validators;

/// How many entry ids a feed remembers: far more than any feed lists at once, so an
/// entry still in the feed is never forgotten and taken as new.
pub(super) const SEEN_LIMIT: usize = 2_000;

/// The longest a failing feed waits before its next try.
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 60 * 60);

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StateFile {
    pub version: u32,
    /// Feeds added at runtime; those in bot.toml are not written here.
    #[serde(default)]
    pub added: Vec<FeedSpec>,
    /// Per feed, by normalised address.
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedRecord>,
}

impl Default for StateFile {
    fn default() -> Self {
        StateFile {
            version: VERSION,
            added: Vec::new(),
            feeds: BTreeMap::new(),
        }
    }
}

/// One feed's memory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct FeedRecord {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Entry ids already dealt with, oldest first.
    pub seen: VecDeque<String>,
    pub first_poll_done: bool,
    /// Entries that were in the feed at its first poll but could not be stored then:
    /// when they are stored later they are not announced, since they are not news.
    pub quiet: Vec<String>,
    /// Failed article fetches per entry, so that a page that never works is given up.
    pub attempts: BTreeMap<String, u32>,
    pub last_poll: Option<DateTime<Utc>>,
    pub last_success: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub consecutive_failures: u32,
    pub next_due: Option<DateTime<Utc>>,
}

impl FeedRecord {
    pub fn validators(&self) -> Validators {
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }

    /// Marks `settled` as seen. Ids still in the feed (`current`) move to the newest end
    /// so that trimming to [`SEEN_LIMIT`] only ever forgets entries the feed has dropped.
    pub fn remember(&mut self, current: &[String], settled: &HashSet<String>) {
        let current_set: HashSet<&String> = current.iter().collect();
        let old_seen: HashSet<String> = self.seen.iter().cloned().collect();
        self.seen.retain(|id| !current_set.contains(id));
        let mut pushed = HashSet::new();
        for id in current {
            if (old_seen.contains(id) || settled.contains(id)) && pushed.insert(id) {
                self.seen.push_back(id.clone());
            }
        }
        let limit = SEEN_LIMIT.max(pushed.len());
        while self.seen.len() > limit {
            self.seen.pop_front();
        }
        self.attempts
            .retain(|id, _| current_set.contains(id) && !settled.contains(id));
        self.quiet
            .retain(|id| current_set.contains(id) && !settled.contains(id));
    }

    pub fn succeeded(&mut self, now: DateTime<Utc>, interval_minutes: u64) {
        self.last_poll = Some(now);
        self.last_success = Some(now);
        self.last_error = None;
        self.consecutive_failures = 0;
        self.next_due = Some(now + delay(interval_minutes, 0));
    }

    pub fn failed(&mut self, now: DateTime<Utc>, interval_minutes: u64, error: String) {
        self.last_poll = Some(now);
        self.last_error = Some(error);
        self.consecutive_failures = self.consecutive_failures.saturating_add(1);
        self.next_due = Some(now + delay(interval_minutes, self.consecutive_failures));
    }
}

/// The wait before the next poll: the interval, doubled for each consecutive failure
/// up to a day, then moved by up to ±10% so that feeds added together drift apart.
pub(super) fn delay(interval_minutes: u64, failures: u32) -> TimeDelta {
    let base = Duration::from_secs(interval_minutes.saturating_mul(60));
    let backed_off = base
        .checked_mul(2u32.saturating_pow(failures.min(31)))
        .unwrap_or(MAX_BACKOFF);
    let capped = if failures > 0 {
        backed_off.min(MAX_BACKOFF)
    } else {
        base
    };
    let jittered = capped.mul_f64(0.9 + 0.2 * random_unit());
    TimeDelta::from_std(jittered).unwrap_or(TimeDelta::MAX)
}

/// A number in [0, 1) that differs from call to call; good enough for jitter.
fn random_unit() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    // Each RandomState is seeded differently, so hashing nothing gives a fresh value.
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Reads the state at `path`. A missing file is a fresh start. A file that cannot be
/// parsed is renamed to `<name>.corrupt-<time>` and reported in the returned warning, so
/// nothing is lost and the bot still starts.
pub(super) fn load(path: &Path) -> Result<(StateFile, Option<String>), FeedError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((StateFile::default(), None));
        }
        Err(source) => return Err(state_error(path, source)),
    };
    let why = match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(state) if state.version == VERSION => return Ok((state, None)),
        Ok(state) => format!("it is version {}, not {VERSION}", state.version),
        Err(e) => e.to_string(),
    };
    let aside = corrupt_path(path, Utc::now());
    std::fs::rename(path, &aside).map_err(|source| state_error(path, source))?;
    let warning = format!(
        "the feed state {} could not be read ({why}); it was moved to {} and the feeds \
         start afresh: their current entries will be stored again, without announcements",
        path.display(),
        aside.display()
    );
    tracing::error!(path = %path.display(), aside = %aside.display(), %why, "corrupt feed state moved aside");
    Ok((StateFile::default(), Some(warning)))
}

fn corrupt_path(path: &Path, now: DateTime<Utc>) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| ".feeds.json".into());
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    path.with_file_name(format!("{name}.corrupt-{stamp}"))
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over
/// `path`, so a crash leaves either the old state or the new one.
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FeedError> {
    use std::io::Write;
    let fail = |source| state_error(path, source);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(source) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(source));
    }
    Ok(())
}

fn state_error(path: &Path, source: std::io::Error) -> FeedError {
    FeedError::State {
        path: path.to_owned(),
        source,
    }
}
