//! The same commands in a terminal: a prompt with history and tab-completion of commands,
//! options and parties, answering through the engine as Discord does.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::commands::{COMMANDS, OptionKind};
use crate::engine::Engine;
use crate::error::Result;
use crate::render::text::{Style, render};

/// Completes `/command`, `option:` and party names after `party:` or a party command.
struct Completion {
    parties: Vec<String>,
}

impl Completion {
    fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        let word_start = before
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = &before[word_start..];
        let pair = |s: String| Pair {
            display: s.clone(),
            replacement: s,
        };
        if word_start == 0 {
            let typed = word.trim_start_matches('/');
            let names = COMMANDS
                .iter()
                .filter(|c| c.name.starts_with(&typed.to_lowercase()))
                .map(|c| pair(format!("/{} ", c.name)))
                .collect();
            return (0, names);
        }
        let first = before.split_whitespace().next().unwrap_or("");
        let Some(command) = crate::commands::find(first) else {
            return (pos, Vec::new());
        };
        if let Some(value) = word.strip_prefix("party:") {
            return (
                word_start + "party:".len(),
                self.parties_starting(value, pair),
            );
        }
        let mut out: Vec<Pair> = command
            .options
            .iter()
            .filter(|o| o.name.starts_with(&word.to_lowercase()))
            .map(|o| pair(format!("{}:", o.name)))
            .collect();
        let positional_party = command
            .options
            .first()
            .is_some_and(|o| o.kind == OptionKind::Party)
            && before[first.len()..word_start].trim().is_empty();
        if positional_party {
            out.extend(self.parties_starting(word, pair));
        }
        (word_start, out)
    }

    fn parties_starting(&self, typed: &str, pair: impl Fn(String) -> Pair) -> Vec<Pair> {
        let typed = typed.to_lowercase();
        self.parties
            .iter()
            .filter(|p| p.starts_with(&typed))
            .map(|p| pair(format!("{p} ")))
            .collect()
    }
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.candidates(line, pos))
    }
}

impl Hinter for Completion {
    type Hint = String;
}

impl Highlighter for Completion {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }
}

impl Validator for Completion {}
impl Helper for Completion {}

fn history_path() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".briefbot_history"))
}

/// Turns what was typed into a command line: `/search x`, `search x`, or a question in
/// plain words, which is asked.
pub fn command_line(typed: &str) -> String {
    let typed = typed.trim();
    if typed.starts_with('/') {
        return typed.to_string();
    }
    let first = typed.split_whitespace().next().unwrap_or("");
    if crate::commands::find(first).is_some() {
        format!("/{typed}")
    } else {
        format!("/ask {typed}")
    }
}

/// The moderator commands, when the console runs them: the operator at the terminal is
/// a moderator.
pub type Moderator<'a> = (
    &'a crate::moderation::Moderation<crate::feeds::NoAnnouncer>,
    &'a tokio::runtime::Runtime,
);

/// Answers one typed line: a question or command through the engine, a moderator
/// command through the moderation service when there is one.
fn answer_line(engine: &Engine, moderator: Option<Moderator>, typed: &str, style: Style) -> String {
    let line = command_line(typed);
    let invocation = match crate::commands::parse_line(&line) {
        Ok(invocation) => invocation,
        Err(e) => return format!("{e}\n"),
    };
    let result = match (invocation.command.admin, moderator) {
        (true, Some((moderation, runtime))) => {
            let file = match invocation
                .text("file")
                .map(|path| moderation.read_file(path))
            {
                Some(Ok(file)) => Some(file),
                Some(Err(e)) => return format!("{e}\n"),
                None => None,
            };
            runtime
                .block_on(moderation.execute(&invocation, file))
                .map(|reply| format!("{}\n", reply.text))
        }
        _ => engine
            .request(&invocation)
            .map_err(crate::error::Error::from)
            .and_then(|request| engine.answer(&request))
            .map(|answer| render(&answer, engine.gazetteer(), style)),
    };
    match result {
        Ok(text) => text,
        Err(e) if e.is_user() => format!("{e}\n"),
        Err(e) => {
            tracing::error!(error = %e, "answering failed");
            format!("Something went wrong answering that: {e}\n")
        }
    }
}

/// Runs the prompt until end of input, `quit` or `exit`.
pub fn run(engine: &Engine, moderator: Option<Moderator>) -> Result<()> {
    let style = Style {
        ansi: std::io::stdout().is_terminal(),
    };
    let mut parties: Vec<String> = engine
        .gazetteer()
        .parties()
        .iter()
        .map(|p| p.id.clone())
        .collect();
    parties.sort();
    let mut editor: Editor<Completion, DefaultHistory> = Editor::new()
        .map_err(|e| crate::error::Error::Config(format!("cannot start the console: {e}")))?;
    editor.set_helper(Some(Completion { parties }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    let snapshot = engine.snapshot();
    println!(
        "briefbot console — {} sources, {} paragraphs. Type /help, Tab to complete, Ctrl-D to leave.",
        snapshot.catalog.documents.len(),
        snapshot.catalog.paragraph_count()
    );
    drop(snapshot);
    loop {
        let line = match editor.readline("briefbot> ") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("console: {e}");
                break;
            }
        };
        let typed = line.trim();
        if typed.is_empty() {
            continue;
        }
        if matches!(typed, "quit" | "exit" | "/quit" | "/exit") {
            break;
        }
        let _ = editor.add_history_entry(typed);
        println!("{}", answer_line(engine, moderator, typed, style));
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(line: &str) -> Vec<String> {
        let completion = Completion {
            parties: vec!["armenia".into(), "azerbaijan".into(), "russia".into()],
        };
        completion
            .candidates(line, line.len())
            .1
            .into_iter()
            .map(|p| p.replacement)
            .collect()
    }

    #[test]
    fn commands_options_and_parties_complete() {
        assert_eq!(complete("/stat"), vec!["/statement ", "/status "]);
        assert_eq!(complete("/state"), vec!["/statement "]);
        assert_eq!(complete("/statement a"), vec!["armenia ", "azerbaijan "]);
        assert_eq!(complete("/statement party:ru"), vec!["russia "]);
        assert_eq!(complete("/statement azerbaijan to"), vec!["topic:"]);
        assert!(complete("/nope x").is_empty());
    }

    #[test]
    fn bare_words_are_searched_and_command_words_run() {
        assert_eq!(command_line("how many died?"), "/ask how many died?");
        assert_eq!(command_line("casualties"), "/casualties");
        assert_eq!(command_line("/statement baku"), "/statement baku");
    }
}
