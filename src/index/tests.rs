//! The index's unit tests: generations made current and removed, versions and damage
//! found and rebuilt, foreign folders left alone, and nothing written while answering.

use std::fs::File;
use std::path::Path;

use super::folder::{Generations, new_generation_name};
use super::*;
use crate::corpus::Document;
use crate::corpus::Meta;
use crate::extract::Gazetteer;

fn doc(source: &str, paragraphs: &[&str]) -> Document {
    Document {
        source: source.into(),
        meta: Meta {
            title: format!("Title of {source}"),
            ..Meta::default()
        },
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        path: None,
    }
}

fn build_docs(path: &Path, docs: Vec<Document>) -> Result<BuildSummary> {
    build_documents(path, docs, &Gazetteer::builtin(), &mut |_| true)
}

#[test]
fn a_build_makes_a_generation_current_and_removes_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["First build."])]).unwrap();
    let first = Snapshot::open(dir.path()).unwrap().unwrap().generation;
    let summary = build_docs(dir.path(), vec![doc("b.md", &["One.", "Two."])]).unwrap();
    assert_eq!((summary.documents, summary.paragraphs), (1, 2));
    let second = Snapshot::open(dir.path()).unwrap().unwrap();
    assert_ne!(second.generation, first);
    assert!(!first.exists());
    assert_eq!(second.catalog.document(0).unwrap().source(), "b.md");
}

#[test]
fn a_cancelled_build_leaves_the_previous_index_answering() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("old.md", &["The ambush happened."])]).unwrap();
    let docs = (0..5)
        .map(|i| doc(&format!("new{i}.md"), &["New text."]))
        .collect();
    let err =
        build_documents(dir.path(), docs, &Gazetteer::builtin(), &mut |p| p.done < 3).unwrap_err();
    assert!(matches!(err, Error::Cancelled));
    let snapshot = Snapshot::open(dir.path()).unwrap().unwrap();
    assert_eq!(snapshot.catalog.document(0).unwrap().source(), "old.md");
    let results = snapshot.search("ambush", 5).unwrap();
    assert_eq!(results.hits.len(), 1);
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(GENERATION_PREFIX)
        })
        .count();
    assert_eq!(leftovers, 1, "the cancelled generation is removed");
}

#[test]
fn an_index_of_another_version_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap();
    let generation = Snapshot::open(dir.path()).unwrap().unwrap().generation;
    let catalog_path = generation.join(catalog::FILE);
    let mut bytes = std::fs::read(&catalog_path).unwrap();
    bytes[8..12].copy_from_slice(&0u32.to_le_bytes());
    std::fs::write(&catalog_path, bytes).unwrap();
    assert_eq!(
        Snapshot::open(dir.path()).unwrap().err(),
        Some(Unavailable::OtherVersion(0))
    );
    // An index an earlier version built, its catalog in JSON, is rebuilt too.
    std::fs::remove_file(&catalog_path).unwrap();
    std::fs::write(
        generation.join(catalog::OLD_FILE),
        "{\"schema_version\":4,\"built_at\":\"2024-01-01T00:00:00Z\"}",
    )
    .unwrap();
    assert_eq!(
        Snapshot::open(dir.path()).unwrap().err(),
        Some(Unavailable::OtherVersion(4))
    );
}

#[test]
fn a_missing_index_is_reported_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Snapshot::open(dir.path()).unwrap().err(),
        Some(Unavailable::Missing)
    );
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_build_removes_only_the_generations_it_made() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["First."])]).unwrap();
    for theirs in ["gen-important", "gen-2024"] {
        std::fs::create_dir(dir.path().join(theirs)).unwrap();
        std::fs::write(dir.path().join(theirs).join("keep.txt"), "mine").unwrap();
    }
    // The remains of a killed build are recorded before they exist.
    let killed = new_generation_name();
    let mut record = Generations::read(dir.path()).unwrap();
    record.names.push(killed.clone());
    record.write(dir.path()).unwrap();
    std::fs::create_dir(dir.path().join(&killed)).unwrap();

    build_docs(dir.path(), vec![doc("b.md", &["Second."])]).unwrap();
    build_docs(dir.path(), vec![doc("c.md", &["Third."])]).unwrap();
    for theirs in ["gen-important", "gen-2024"] {
        assert!(
            dir.path().join(theirs).join("keep.txt").exists(),
            "{theirs}"
        );
    }
    assert!(!dir.path().join(&killed).exists());
    let current = Snapshot::open(dir.path()).unwrap().unwrap().generation;
    let generations: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| {
            n.starts_with(GENERATION_PREFIX) && dir.path().join(n).join(catalog::FILE).exists()
        })
        .collect();
    assert_eq!(generations.len(), 1, "{generations:?}");
    assert!(current.ends_with(&generations[0]));
}

#[test]
fn a_folder_that_is_not_an_index_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    std::fs::create_dir(dir.path().join("gen-2024")).unwrap();
    let before = names_in(dir.path());
    let err = build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap_err();
    assert!(err.is_user(), "{err}");
    assert!(err.to_string().contains("not an index"), "{err}");
    assert_eq!(names_in(dir.path()), before);
}

#[test]
fn an_index_an_earlier_version_built_keeps_what_it_did_not_make() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["First."])]).unwrap();
    let old = Snapshot::open(dir.path()).unwrap().unwrap().generation;
    std::fs::remove_file(dir.path().join(GENERATIONS)).unwrap();
    std::fs::create_dir(dir.path().join("gen-2024")).unwrap();
    build_docs(dir.path(), vec![doc("b.md", &["Second."])]).unwrap();
    assert!(
        !old.exists(),
        "the generation CURRENT named was the index's own"
    );
    assert!(dir.path().join("gen-2024").exists());
}

fn current_generation(dir: &Path) -> PathBuf {
    Snapshot::open(dir).unwrap().unwrap().generation
}

fn segment_file(generation: &Path, extension: &str) -> PathBuf {
    std::fs::read_dir(generation)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == extension))
        .unwrap_or_else(|| panic!("no .{extension} file"))
}

#[test]
fn a_damaged_index_is_said_so_in_our_words_and_rebuilt() {
    type Damage = fn(&Path, &Path);
    let damages: [(&str, Damage); 7] = [
        ("a garbage CURRENT", |dir, _| {
            std::fs::write(dir.join(CURRENT), b"\xff\x00garbage").unwrap()
        }),
        ("a missing meta.json", |_, generation| {
            std::fs::remove_file(generation.join("meta.json")).unwrap()
        }),
        ("a truncated catalog", |_, generation| {
            let catalog = generation.join(catalog::FILE);
            let bytes = std::fs::read(&catalog).unwrap();
            std::fs::write(&catalog, &bytes[..bytes.len() / 2]).unwrap()
        }),
        ("a truncated store", |_, generation| {
            let file = segment_file(generation, "store");
            std::fs::write(&file, b"short").unwrap()
        }),
        ("a truncated term dictionary", |_, generation| {
            let file = segment_file(generation, "term");
            let bytes = std::fs::read(&file).unwrap();
            std::fs::write(&file, &bytes[..bytes.len() - 9]).unwrap()
        }),
        ("a scrambled term dictionary", |_, generation| {
            let file = segment_file(generation, "term");
            let bytes = std::fs::read(&file).unwrap();
            std::fs::write(&file, vec![0xa5; bytes.len()]).unwrap()
        }),
        ("a missing generation", |_, generation| {
            std::fs::remove_dir_all(generation).unwrap()
        }),
    ];
    let folders = [PathBuf::from("/nonexistent")];
    for (damage, apply) in damages {
        let dir = tempfile::tempdir().unwrap();
        build_docs(dir.path(), vec![doc("a.md", &["The ambush happened."])]).unwrap();
        apply(dir.path(), &current_generation(dir.path()));
        let why = match Snapshot::open(dir.path()) {
            Ok(Err(Unavailable::Damaged(why))) => why,
            other => panic!("{damage}: {:?}", other.map(|o| o.err())),
        };
        assert!(
            !why.contains('\n') && !why.contains("tantivy"),
            "{damage}: {why}"
        );
        let (_, summary) = Writer::new(dir.path())
            .open_or_build(&folders, &Gazetteer::builtin())
            .unwrap();
        assert_eq!(
            summary.and_then(|s| s.repaired).as_deref(),
            Some(why.as_str()),
            "{damage}"
        );
    }
}

#[cfg(unix)]
#[test]
fn index_files_follow_the_umask_like_every_other_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap();
    let probe = dir.path().join("probe");
    File::create(&probe).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let expected = mode(&probe);
    let generation = current_generation(dir.path());
    for name in names_in(&generation) {
        assert_eq!(
            mode(&generation.join(&name)),
            expected,
            "{name} is {:o}, not {expected:o}",
            mode(&generation.join(&name))
        );
    }
}

#[test]
fn answering_writes_nothing_in_the_index_folder() {
    let dir = tempfile::tempdir().unwrap();
    build_docs(dir.path(), vec![doc("a.md", &["The ambush happened."])]).unwrap();
    let generation = current_generation(dir.path());
    for name in names_in(&generation) {
        if name.ends_with(".lock") {
            std::fs::remove_file(generation.join(name)).unwrap();
        }
    }
    let (top, inside) = (names_in(dir.path()), names_in(&generation));
    let snapshot = Snapshot::open(dir.path()).unwrap().unwrap();
    assert_eq!(snapshot.search("ambush", 5).unwrap().hits.len(), 1);
    drop(snapshot);
    assert_eq!(names_in(dir.path()), top);
    assert_eq!(names_in(&generation), inside, "no lock file for a reader");
}

#[test]
fn a_second_build_while_one_runs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    let _held = BuildLock::acquire(dir.path()).unwrap();
    let err = build_docs(dir.path(), vec![doc("a.md", &["Text."])]).unwrap_err();
    assert!(err.is_user(), "{err}");
}
