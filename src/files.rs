//! Reading files someone else named: only regular files, and never more than a limit.
//! The limit is checked while reading, so a device or a huge file costs nothing.

use std::io::Read;
use std::path::Path;

pub use crate::error::files::ReadError;

/// Reads a regular file whole, refusing anything else before opening it (opening a pipe
/// would wait for a writer) and stopping as soon as it passes `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = std::fs::File::open(path)?;
    // The path may have been swapped since: check what was opened, too.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // A file that grows while it is read is still read no further than the limit.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_before_any_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_regular(dir.path(), 1 << 20),
            Err(ReadError::NotRegular)
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadError::TooLarge { limit: 9 })
        ));
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
    }
}
