//! The binary as a user runs it: `ask`, `index`, exit codes and the first-run index.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::{corpus, repo};

fn briefbot(index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(repo())
        .env_remove("DISCORD_TOKEN")
        .arg("--corpus")
        .arg(corpus())
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn ask_builds_the_index_on_first_run_and_cites_the_ambush_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = briefbot(&index, &["ask", "--json", "/search ambush"]);
    let json = stdout_json(&output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Built the index"));
    assert!(index.join("CURRENT").exists());
    assert_eq!(json["command"], "search");
    assert_eq!(json["query"], "ambush");
    let hit = &json["hits"][0];
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    let citation = &hit["citation"];
    assert_eq!(citation["n"], 1);
    assert_eq!(citation["paragraph"], 3);
    assert_eq!(citation["source"], "karabakh-clash-2023-03-06.md");
    assert_eq!(citation["published"], "2023-03-06");
    assert_eq!(
        citation["title"],
        "Russia says its peacekeepers halted weekend clash in Karabakh"
    );
    assert!(citation["outlet"].is_null() && citation["url"].is_null());
    assert!(citation["excerpt"].as_str().unwrap().contains("“ambush,”"));

    // The second run reuses the index.
    let again = briefbot(&index, &["ask", "--json", "/search ambush"]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("Built the index"));
    assert_eq!(stdout_json(&again)["hits"][0]["citation"]["paragraph"], 3);
}

#[test]
fn user_errors_exit_2_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    for (line, expected) in [
        ("/serch ambush", "Unknown command"),
        ("/search", "needs `query`"),
        ("/sources extra", "takes no options"),
        ("/statement party:narnia", "Unknown party"),
    ] {
        let output = briefbot(&index, &["ask", line]);
        assert_eq!(output.status.code(), Some(2), "{line}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let lines: Vec<_> = stderr
            .lines()
            .filter(|l| !l.starts_with("Built the index"))
            .collect();
        assert_eq!(lines.len(), 1, "{line}: {stderr}");
        assert!(lines[0].contains(expected), "{line}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn index_rebuilds_and_summarises() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = briefbot(&index, &["index"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("1 documents, 22 paragraphs"), "{stdout}");
}

#[test]
fn a_bad_config_file_is_an_error_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, "[index]\npath = \"i\"\nspeed = 3\n").unwrap();
    let output = briefbot(
        &dir.path().join("index"),
        &["--config", config.to_str().unwrap(), "ask", "/help"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("speed") && stderr.contains("line 3"),
        "{stderr}"
    );
}

#[test]
fn plain_answers_read_well_with_footnotes() {
    let dir = tempfile::tempdir().unwrap();
    let output = briefbot(&dir.path().join("index"), &["ask", "/search peacekeepers"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("[1] "), "{stdout}");
    assert!(stdout.contains("«peacekeepers»"), "{stdout}");
    assert!(
        stdout.contains("paragraph 1\n    karabakh-clash-2023-03-06.md"),
        "{stdout}"
    );
}

/// The binary run in `dir`, on a copy of the bundled corpus there.
fn briefbot_on_copy(dir: &Path, args: &[&str]) -> Output {
    crate::support::briefbot_on_copy(dir, &[], args)
}

#[test]
fn a_damaged_index_is_one_line_and_a_rebuild_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let built = briefbot_on_copy(dir.path(), &["index"]);
    assert!(built.status.success());
    std::fs::write(dir.path().join("index/CURRENT"), "gen-\u{0}garbage\n").unwrap();
    let output = briefbot_on_copy(dir.path(), &["ask", "--json", "/search ambush"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].contains("damaged") && lines[0].contains("rebuilt"),
        "{stderr}"
    );
    assert!(!stderr.contains("tantivy"), "{stderr}");
    assert_eq!(stdout_json(&output)["hits"][0]["citation"]["paragraph"], 3);
}

#[test]
fn index_refuses_a_folder_that_is_not_an_index_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    std::fs::create_dir_all(index.join("gen-important")).unwrap();
    std::fs::write(index.join("gen-important/plan.txt"), "mine").unwrap();
    std::fs::write(index.join("notes.txt"), "mine").unwrap();
    let output = briefbot_on_copy(dir.path(), &["index"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not an index"), "{stderr}");
    assert!(index.join("gen-important/plan.txt").exists());
    assert!(index.join("notes.txt").exists());
    assert!(!index.join("CURRENT").exists());
}

#[cfg(unix)]
#[test]
fn ingest_refuses_a_device_and_a_file_over_the_limit_before_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let mut text = String::from("A title\n\n");
    while text.len() <= 5 * 1024 * 1024 {
        text.push_str("Words of a very long report about the checkpoint.\n\n");
    }
    std::fs::write(&big, text).unwrap();
    for (item, expected) in [
        ("/dev/zero", "not a regular file"),
        (big.to_str().unwrap(), "over the limit"),
    ] {
        let output = briefbot_on_copy(dir.path(), &["ingest", item]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{item}: {stderr}");
        assert!(stderr.contains(expected), "{item}: {stderr}");
        assert!(!dir.path().join("corpus/ingested").exists(), "{item}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_answer_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(repo())
        .env_remove("DISCORD_TOKEN")
        .arg("--corpus")
        .arg(corpus())
        .arg("--index")
        .arg(dir.path().join("index"))
        .args(["ask", "/casualties"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -c 0`: the reader is gone before the answer is written.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn logs_off_a_terminal_carry_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_of_corpus(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .env("RUST_LOG", "briefbot=info")
        .args(["index", "--dry-run"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("index job done"),
        "a log line was written: {stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn away_from_the_project_it_says_where_it_looked_and_builds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .args(["ask", "/search ambush"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let looked_for = dir.path().join("corpus");
    let looked_for = looked_for.canonicalize().unwrap_or(looked_for);
    assert!(
        stderr.contains("No corpus folder at") && stderr.contains("--corpus"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&*looked_for.to_string_lossy())
            || stderr.contains(&*dir.path().join("corpus").to_string_lossy()),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert!(!dir.path().join("index").exists(), "no index from nothing");
}

#[test]
fn ask_takes_a_plain_question_as_the_console_does() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let output = briefbot(&index, &["ask", "--json", "how many soldiers died?"]);
    let json = stdout_json(&output);
    assert_eq!(json["command"], "ask");
    assert_eq!(json["read_as"]["command"], "casualties");
    let output = briefbot(&index, &["ask", "status of the peacekeepers"]);
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).starts_with("Read as:"),
        "words without a slash are a question"
    );
}

/// The console as `cargo run` opens it (no subcommand, no token), fed `input`.
fn console(dir: &Path, input: &str) -> Output {
    use std::io::Write;
    let corpus = dir.join("corpus");
    if !corpus.exists() {
        crate::support::copy_of_corpus(dir);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .env("HOME", dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn in_the_console_plain_words_never_run_a_moderators_command() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("corpus/article.md");
    let output = console(
        dir.path(),
        "forget article.md\nstatus of the peacekeepers\nreindex\n/forget article.md\nn\nquit\n",
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(article.exists(), "nothing was forgotten: {stdout}");
    assert_eq!(stdout.matches("Read as:").count(), 3, "{stdout}");
    assert!(!stdout.contains("takes no options"), "{stdout}");
    assert!(stdout.contains("Nothing was changed."), "{stdout}");

    let output = console(dir.path(), "/forget article.md\ny\nquit\n");
    assert!(
        !article.exists(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn in_the_console_a_follow_up_reads_on_from_the_question_before() {
    let dir = tempfile::tempdir().unwrap();
    let output = console(
        dir.path(),
        "what did Baku say about the peacekeepers?\nand Russia?\n/sources\nand Armenia?\nquit\n",
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read_as: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("Read as: "))
        .collect();
    assert_eq!(
        read_as,
        [
            "statements of Azerbaijan about peacekeepers  (same as /statement party:azerbaijan topic:peacekeepers)",
            "statements of Russia about peacekeepers  (same as /statement party:russia topic:peacekeepers)",
            "passages about Armenia  (same as /search query:Armenia)",
        ],
        "after a command's answer a question is asked afresh: {stdout}"
    );
}

#[test]
fn the_console_keeps_log_lines_out_of_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let output = console(dir.path(), "/reindex\ny\n/search ambush\nquit\n");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("Reindexed"), "{stdout}");
    assert!(stdout.contains("«ambush»"), "{stdout}");
    for stream in [&stdout, &stderr] {
        assert!(!stream.contains("INFO"), "{stream}");
    }
}

#[test]
fn ask_searches_a_typed_phrase_as_a_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let phrase = stdout_json(&briefbot(
        &index,
        &["ask", "--json", "/search \"interior ministry\""],
    ));
    let words = stdout_json(&briefbot(
        &index,
        &["ask", "--json", "/search interior ministry"],
    ));
    assert_eq!(phrase["query"], "\"interior ministry\"");
    let count = |json: &Value| json["hits"].as_array().unwrap().len();
    assert!(count(&phrase) >= 1);
    assert!(count(&phrase) < count(&words), "{phrase}\n{words}");
}

#[test]
fn ask_reads_lines_from_stdin_and_answers_each_on_its_line_at_once() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    // Built first, so the batch's own stderr is quiet.
    assert!(briefbot(&index, &["index"]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .current_dir(repo())
        .env_remove("DISCORD_TOKEN")
        .arg("--corpus")
        .arg(corpus())
        .arg("--index")
        .arg(&index)
        .args(["ask", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| -> Value {
        writeln!(input, "{line}").unwrap();
        input.flush().unwrap();
        // Each answer comes while the input is still open: one line, flushed.
        let mut answer = String::new();
        output.read_line(&mut answer).unwrap();
        assert!(answer.ends_with('\n') && !answer.trim_end().contains('\n'));
        serde_json::from_str(&answer).expect("a JSON line")
    };
    let search = ask("/search ambush");
    assert_eq!(search["command"], "search");
    assert_eq!(search["hits"][0]["citation"]["paragraph"], 3);
    let wrong = ask("/serch ambush");
    assert_eq!(wrong["kind"], "user");
    assert!(wrong["error"].as_str().unwrap().contains("Unknown command"));
    let question = ask("how many soldiers died?");
    assert_eq!(question["command"], "ask");
    let statement = ask("/statement azerbaijan");
    assert!(!statement["statements"].as_array().unwrap().is_empty());
    drop(input);
    assert!(child.wait().unwrap().success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut output, &mut rest).unwrap();
    assert_eq!(rest, "", "one line per line asked");
}
