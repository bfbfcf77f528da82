//! The index folder on disk: the names of generations, the `GENERATIONS` record of those
//! builds made here, the atomic swap of `CURRENT`, durable writes, the refusal of a folder
//! that holds anything but an index, and the lock that lets one build run at a time.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{CURRENT, GENERATION_PREFIX, GENERATIONS, GenerationFile, LOCK, catalog};
use crate::error::{Error, Result};

/// The files a build wrote besides the catalog, and their sizes: tantivy's lock files
/// are left out, being empty and of no use to a reader.
pub(super) fn list_files(generation: &Path) -> Result<Vec<GenerationFile>> {
    let entries = std::fs::read_dir(generation).map_err(|e| Error::io(generation, e))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let metadata = entry.metadata().map_err(|e| Error::io(entry.path(), e))?;
        if !metadata.is_file() || name == catalog::FILE || name.ends_with(".lock") {
            continue;
        }
        files.push(GenerationFile {
            name,
            bytes: metadata.len(),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

pub(super) fn is_generation_name(name: &str) -> bool {
    name.starts_with(GENERATION_PREFIX)
        && name[GENERATION_PREFIX.len()..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Gives every file of a generation the permissions of `created`, a file this build
/// created the ordinary way: the library writes some files private to their owner, and an
/// index rebuilt by root must still answer for the service's user.
#[cfg(unix)]
pub(super) fn follow_umask(generation: &Path, created: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(created)
        .map_err(|e| Error::io(created, e))?
        .permissions()
        .mode();
    let entries = std::fs::read_dir(generation).map_err(|e| Error::io(generation, e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn follow_umask(_generation: &Path, _created: &Path) -> Result<()> {
    Ok(())
}

pub(super) fn new_generation_name() -> String {
    let now = Utc::now();
    format!(
        "{GENERATION_PREFIX}{}-{:09}-{}",
        now.format("%Y%m%dT%H%M%S"),
        now.timestamp_subsec_nanos(),
        std::process::id()
    )
}

/// Swaps `CURRENT` to `generation` by writing a temporary file and renaming it over.
pub(super) fn make_current(path: &Path, generation: &Path) -> Result<()> {
    let name = generation
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.join(format!("{CURRENT}.tmp"));
    write_durably(&temporary, name.as_bytes())?;
    let current = path.join(CURRENT);
    std::fs::rename(&temporary, &current).map_err(|e| Error::io(&current, e))?;
    sync_dir(path);
    Ok(())
}

/// Writes `bytes` and flushes them to disk before returning. The bytes go in pieces of
/// 64 KB, as the search library writes its files: a large file written in one piece is
/// cached in pages of up to 2 MB, and a process that maps it and reads one record is
/// then charged with the whole 2 MB.
pub(super) fn write_durably(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io(path, e))?;
    for piece in bytes.chunks(64 * 1024) {
        file.write_all(piece).map_err(|e| Error::io(path, e))?;
    }
    file.sync_all().map_err(|e| Error::io(path, e))
}

fn sync_dir(path: &Path) {
    // Makes the rename itself durable; where a platform cannot open folders, the rename
    // is still atomic, only not yet flushed.
    if let Ok(dir) = File::open(path) {
        let _ = dir.sync_all();
    }
}

/// The generations builds made in one index folder, oldest first.
pub(super) struct Generations {
    pub(super) names: Vec<String>,
}

impl Generations {
    /// The record; for an index an earlier version built (a `CURRENT` and no record),
    /// only the generation `CURRENT` names.
    pub(super) fn read(path: &Path) -> Result<Generations> {
        let record = path.join(GENERATIONS);
        let text = match std::fs::read_to_string(&record) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::read_to_string(path.join(CURRENT)).unwrap_or_default()
            }
            Err(e) => return Err(Error::io(record, e)),
        };
        let names = text
            .lines()
            .map(str::trim)
            .filter(|name| is_generation_name(name))
            .map(str::to_string)
            .collect();
        Ok(Generations { names })
    }

    pub(super) fn write(&self, path: &Path) -> Result<()> {
        let temporary = path.join(format!("{GENERATIONS}.tmp"));
        let mut text = self.names.join("\n");
        text.push('\n');
        write_durably(&temporary, text.as_bytes())?;
        let record = path.join(GENERATIONS);
        std::fs::rename(&temporary, &record).map_err(|e| Error::io(&record, e))?;
        sync_dir(path);
        Ok(())
    }

    /// Removes every recorded generation but `keep`: older builds and the remains of
    /// killed ones. What the record does not name is never touched. A process still
    /// reading an older generation keeps its open files.
    pub(super) fn remove_all_but(mut self, path: &Path, keep: &str) {
        self.names.retain(|name| {
            let folder = path.join(name);
            name == keep || (folder.exists() && std::fs::remove_dir_all(&folder).is_err())
        });
        let _ = self.write(path);
    }
}

/// Whether an index may be built in `path`: it is new or empty, or an index already.
fn check_is_index(path: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut others = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == CURRENT || name == GENERATIONS {
            return Ok(());
        }
        if name != LOCK {
            others.push(name);
        }
    }
    if others.is_empty() {
        return Ok(());
    }
    others.sort();
    let shown: Vec<String> = others.iter().take(3).map(|n| format!("`{n}`")).collect();
    let more = match others.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Err(Error::User(crate::error::UserError::new(format!(
        "{} is not an index: it holds {}{more}. Give --index a new or empty folder, or the index's own.",
        path.display(),
        shown.join(", ")
    ))))
}

/// One build at a time per index folder, across processes. The OS releases the lock when
/// its holder dies, so a killed build never blocks the next. Held for a whole moderator
/// job, so its changes to the corpus and its rebuild go together.
pub struct BuildLock {
    pub(super) path: PathBuf,
    _file: File,
}

impl BuildLock {
    /// Takes the lock of the index in `path`, making the folder if need be; refuses a
    /// folder that holds anything but an index, and a second build.
    pub fn acquire(path: &Path) -> Result<BuildLock> {
        check_is_index(path)?;
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let lock_path = path.join(LOCK);
        let file = File::create(&lock_path).map_err(|e| Error::io(&lock_path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock {
                path: path.to_path_buf(),
                _file: file,
            }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(Error::User(crate::error::UserError::new(
                    "Another rebuild of this index is running; try again when it has finished.",
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(lock_path, e)),
        }
    }
}
