//! The one writer of an index folder. Every build of a generation from the corpus goes
//! through [`Writer::build`]: the index worker's jobs, `briefbot index` and the first
//! build when the engine opens on a folder with no index. The build itself is private to
//! this module's parent, so a second way to write an index cannot creep in beside it.

use std::path::{Path, PathBuf};

use super::building::build_locked;
use super::{BuildLock, BuildSummary, Progress, Snapshot, Unavailable};
use crate::error::{Error, Result};
use crate::extract::Gazetteer;

/// What the writer logs after each build it makes, at `info`: the record that a build
/// went through it.
pub const BUILT: &str = "the index writer built a generation";

/// Writes the index in one folder.
#[derive(Debug, Clone)]
pub struct Writer {
    path: PathBuf,
}

impl Writer {
    pub fn new(path: &Path) -> Writer {
        Writer {
            path: path.to_path_buf(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the folder's build lock: a job that changes the corpus takes it first, so a
    /// job that cannot build changes nothing.
    pub fn lock(&self) -> Result<BuildLock> {
        BuildLock::acquire(&self.path)
    }

    /// Loads the corpus `folders` and builds a new generation from them under `lock`.
    /// `progress` is called after each document; returning `false` cancels the build,
    /// which then leaves the current generation as it was.
    pub fn build(
        &self,
        lock: &BuildLock,
        folders: &[PathBuf],
        gazetteer: &Gazetteer,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<BuildSummary> {
        debug_assert_eq!(lock.path, self.path, "the lock of another folder");
        let summary = build_locked(lock, folders, gazetteer, progress)?;
        tracing::info!(
            index = %self.path.display(),
            documents = summary.documents,
            seconds = summary.seconds,
            "{BUILT}"
        );
        Ok(summary)
    }

    /// [`Writer::build`], taking the lock first.
    pub fn rebuild(
        &self,
        folders: &[PathBuf],
        gazetteer: &Gazetteer,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<BuildSummary> {
        let lock = self.lock()?;
        self.build(&lock, folders, gazetteer, progress)
    }

    /// Opens the index, building it first when it is missing, of another version or
    /// damaged; the summary says why a damaged one was rebuilt.
    pub fn open_or_build(
        &self,
        folders: &[PathBuf],
        gazetteer: &Gazetteer,
    ) -> Result<(Snapshot, Option<BuildSummary>)> {
        let why = match Snapshot::open(&self.path)? {
            Ok(snapshot) => return Ok((snapshot, None)),
            Err(why) => why,
        };
        let mut summary = self.rebuild(folders, gazetteer, &mut |_| true)?;
        if let Unavailable::Damaged(what) = why {
            summary.repaired = Some(what);
        }
        match Snapshot::open(&self.path)? {
            Ok(snapshot) => Ok((snapshot, Some(summary))),
            Err(why) => Err(Error::BuiltIndexUnavailable(why)),
        }
    }
}
