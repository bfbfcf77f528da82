//! A rebuild killed half-way (SIGKILL, no chance to clean up) leaves the previous index
//! answering, and the next rebuild goes through.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::copy_of_corpus;

fn briefbot(corpus: &Path, index: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefbot"));
    command
        .env_remove("DISCORD_TOKEN")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index);
    command
}

fn generations(index: &Path) -> Vec<String> {
    std::fs::read_dir(index)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("gen-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_killed_rebuild_leaves_the_old_index_answering() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = copy_of_corpus(dir.path());
    let index = dir.path().join("index");
    assert!(
        briefbot(&corpus_dir, &index)
            .arg("index")
            .output()
            .unwrap()
            .status
            .success()
    );
    let current = std::fs::read_to_string(index.join("CURRENT")).unwrap();

    // Enough reporting that the rebuild is still running when it is killed.
    let paragraph = "The ministry said three soldiers were killed and five wounded in shelling on Sunday, \
                     while the other side denied firing first and accused its rival of provocations.";
    for i in 0..1500 {
        let body = (0..6)
            .map(|p| format!("{paragraph} Report {i}, part {p}."))
            .collect::<Vec<_>>()
            .join("\n\n");
        std::fs::write(
            corpus_dir.join(format!("r{i:04}.md")),
            format!("+++\ntitle = \"Report {i}\"\n+++\n\n{body}\n"),
        )
        .unwrap();
    }
    let mut child = briefbot(&corpus_dir, &index)
        .arg("index")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while generations(&index).len() < 2 {
        assert!(
            Instant::now() < deadline,
            "the rebuild never started a new generation"
        );
        if child.try_wait().unwrap().is_some() {
            panic!("the rebuild finished before it could be killed; make the corpus larger");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(
        std::fs::read_to_string(index.join("CURRENT")).unwrap(),
        current
    );
    let output = briefbot(&corpus_dir, &index)
        .args(["ask", "--json", "/search ambush"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("Built the index"),
        "the old index answered"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["hits"][0]["citation"]["paragraph"], 3);

    // The killed build's lock died with it, and its remains are cleared by the next.
    for i in 0..1500 {
        std::fs::remove_file(corpus_dir.join(format!("r{i:04}.md"))).unwrap();
    }
    let rebuilt = briefbot(&corpus_dir, &index).arg("index").output().unwrap();
    assert!(
        rebuilt.status.success(),
        "{}",
        String::from_utf8_lossy(&rebuilt.stderr)
    );
    assert_eq!(generations(&index).len(), 1);
}
