//! A generation opened for answering: a tantivy directory that reads and never writes.
//!
//! A generation is written once, by its build, and never changed after `CURRENT` names
//! it, so answering needs none of tantivy's locks or file watching. Opening through this
//! wrapper means a read-only index folder (a service user's, a read-only mount) answers,
//! and that answering leaves no trace in the folder.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

#[derive(Debug, Clone)]
pub(super) struct ReadOnly {
    inner: MmapDirectory,
    path: PathBuf,
}

impl ReadOnly {
    pub(super) fn open(path: &Path) -> tantivy::Result<ReadOnly> {
        Ok(ReadOnly {
            inner: MmapDirectory::open(path)?,
            path: path.to_path_buf(),
        })
    }

    /// For files read a record here and there (the catalog): no read-ahead, so a cold
    /// read brings in the page it needs, and the process counts that page, not the
    /// megabytes around it.
    pub(super) fn open_for_records(path: &Path) -> tantivy::Result<ReadOnly> {
        #[cfg(unix)]
        let inner = MmapDirectory::open_with_madvice(path, tantivy::directory::Advice::Random)?;
        #[cfg(not(unix))]
        let inner = MmapDirectory::open(path)?;
        Ok(ReadOnly {
            inner,
            path: path.to_path_buf(),
        })
    }

    fn refused(&self, path: &Path) -> Arc<io::Error> {
        Arc::new(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is opened for answering only; {} is not written",
                self.path.display(),
                path.display()
            ),
        ))
    }
}

impl Directory for ReadOnly {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: self.refused(path),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: self.refused(path),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            self.refused(path).to_string(),
        ))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    /// Nothing ever writes this generation again, so there is nothing to lock out.
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}
