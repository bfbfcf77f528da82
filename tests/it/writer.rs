//! One writer: every build of the index, whichever front end asks for it, is made by the
//! index writer, which logs each build it makes. A build made anywhere else would not be
//! in the log, and one made twice would show twice.

use std::path::Path;
use std::process::Output;

use briefbot::index::BUILT;

/// The binary, verbose, on a copy of the bundled corpus in `dir`.
fn briefbot(dir: &Path, args: &[&str]) -> Output {
    crate::support::briefbot_on_copy(dir, &["--verbose"], args)
}

fn builds_by_the_writer(output: &Output) -> usize {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    stderr.matches(BUILT).count()
}

#[test]
fn the_first_open_the_index_command_and_the_moderators_jobs_all_build_through_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let first = briefbot(dir.path(), &["ask", "--json", "/sources"]);
    assert!(String::from_utf8_lossy(&first.stderr).contains("Built the index"));
    assert_eq!(builds_by_the_writer(&first), 1, "the first open");

    let reused = briefbot(dir.path(), &["ask", "--json", "/sources"]);
    assert_eq!(builds_by_the_writer(&reused), 0, "an index that opens");

    let index = briefbot(dir.path(), &["index", "--json"]);
    assert_eq!(builds_by_the_writer(&index), 1, "briefbot index");

    let dry_run = briefbot(dir.path(), &["index", "--dry-run"]);
    assert_eq!(builds_by_the_writer(&dry_run), 0, "a dry run");

    for job in ["forget", "restore"] {
        let output = briefbot(dir.path(), &[job, "article.md"]);
        assert_eq!(builds_by_the_writer(&output), 1, "briefbot {job}");
    }
}
