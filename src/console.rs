//! The same commands in a terminal: a prompt with history and tab-completion of commands,
//! options and parties, answering through the engine as Discord does. Words typed without
//! a `/` are always a question; a moderator's command needs its slash, and one that takes
//! something away asks first. A short question right after a question's answer ("and
//! Russia?") reads on from it when that is clearly meant, as a reply does on Discord; after
//! a command's answer it is asked afresh.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Context, Editor, Helper};

use crate::commands::{COMMANDS, Invocation, OptionKind};
use crate::engine::Engine;
use crate::error::Result;
use crate::question::{Conversation, read_after};
use crate::render::text::{Style, render};

/// Completes `/command`, `option:`, party names after `party:`, `side:` or a party
/// command, and an option's choices after it (`status:`).
struct Completion {
    parties: Vec<String>,
}

/// Tab lists every candidate when there is more than one, as shells do.
fn editor_config() -> rustyline::Config {
    rustyline::Config::builder()
        .completion_type(CompletionType::List)
        .build()
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
        let Some(command) = crate::commands::find(first).filter(|_| first.starts_with('/')) else {
            return (pos, Vec::new());
        };
        if let Some((name, value)) = word.split_once(':')
            && let Some(option) = command.option(name)
        {
            let start = word_start + name.len() + 1;
            if option.kind == OptionKind::Party {
                return (start, self.parties_starting(value, pair));
            }
            let typed = value.to_lowercase();
            let choices = option
                .choices
                .iter()
                .filter(|c| c.starts_with(&typed))
                .map(|c| pair(format!("{c} ")))
                .collect();
            return (start, choices);
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

/// The moderator commands, when the console runs them: the operator at the terminal is
/// a moderator.
pub type Moderator<'a> = (
    &'a crate::moderation::Moderation<crate::feeds::NoAnnouncer>,
    &'a tokio::runtime::Runtime,
);

/// The question to ask before a command that takes something away from the index.
fn confirmation(invocation: &Invocation) -> Option<String> {
    match invocation.command.name {
        "forget" => Some(format!(
            "Forget `{}`? It leaves the index and its file goes to the trash (/restore brings it back). [y/N] ",
            invocation.text("source").unwrap_or_default()
        )),
        "reindex"
            if invocation.get("dry_run") != Some(&crate::commands::OptionValue::Boolean(true)) =>
        {
            Some("Rebuild the whole index from the corpus now? [y/N] ".to_string())
        }
        _ => None,
    }
}

/// The console's one conversation: the reading of its last answer, when that answered a
/// question.
type Session = Conversation<()>;

/// Answers one typed line: a question or command through the engine, a moderator
/// command through the moderation service when there is one. `confirm` is asked before a
/// command that takes something away, and answers whether to go on.
fn answer_line(
    engine: &Engine,
    moderator: Option<Moderator>,
    session: &Session,
    typed: &str,
    style: Style,
    confirm: &mut dyn FnMut(&str) -> bool,
) -> String {
    let line = crate::commands::typed(typed);
    let invocation = crate::commands::parse_line(&line);
    if !invocation
        .as_ref()
        .is_ok_and(|invocation| invocation.command.name == "ask")
    {
        session.forget(&());
    }
    let invocation = match invocation {
        Ok(invocation) => invocation,
        Err(e) => return format!("{e}\n"),
    };
    let result = match (invocation.command.admin, moderator) {
        (true, Some((moderation, runtime))) => {
            if let Some(question) = confirmation(&invocation)
                && !confirm(&question)
            {
                return "Nothing was changed.\n".to_string();
            }
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
        _ if invocation.command.name == "ask" => {
            let question = invocation.text("question").unwrap_or_default();
            answer_question(engine, session, question, style)
        }
        _ => engine
            .request(&invocation)
            .map_err(crate::error::Error::from)
            .and_then(|request| engine.answer_window(&request, crate::render::text::window()))
            .map(|answer| render(&answer, engine.gazetteer(), style)),
    };
    match result {
        Ok(text) => crate::text::strip_controls(&text).into_owned(),
        Err(e) if e.is_user() => format!("{}\n", crate::text::strip_controls(&e.to_string())),
        Err(e) => {
            tracing::error!(error = %e, "answering failed");
            format!("Something went wrong answering that: {e}\n")
        }
    }
}

/// Answers a question, as a follow-up of the session's last answer when it reads as one,
/// and remembers how it was read for the next.
fn answer_question(
    engine: &Engine,
    session: &Session,
    question: &str,
    style: Style,
) -> Result<String> {
    let previous = session.recall(&());
    let reading = read_after(previous.as_ref(), question, engine.gazetteer()).into_reading();
    let answer = engine.answer_reading_window(question, &reading, crate::render::text::window())?;
    session.remember((), reading);
    Ok(render(&answer, engine.gazetteer(), style))
}

/// Runs the prompt until end of input, `quit` or `exit`. A closed output ends it quietly.
pub fn run(engine: &Engine, moderator: Option<Moderator>) -> Result<()> {
    let style = Style::for_stdout();
    let mut parties: Vec<String> = engine
        .gazetteer()
        .parties()
        .iter()
        .map(|p| p.id.clone())
        .collect();
    parties.sort();
    let mut editor: Editor<Completion, DefaultHistory> =
        Editor::with_config(editor_config()).map_err(crate::error::Error::ConsoleStart)?;
    editor.set_helper(Some(Completion { parties }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    let snapshot = engine.snapshot();
    let welcome = format!(
        "briefbot console — {} sources, {} paragraphs. Ask in plain words or type /help; Tab completes, Ctrl-D leaves.\n",
        snapshot.catalog.len(),
        snapshot.catalog.paragraph_count()
    );
    drop(snapshot);
    let session = Session::new(1);
    let mut stdout = std::io::stdout();
    if write_all(&mut stdout, &welcome).is_err() {
        return Ok(());
    }
    loop {
        let line = match editor.readline("briefbot> ") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "console: {e}");
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
        let mut confirm = |question: &str| {
            editor
                .readline(question)
                .is_ok_and(|answer| matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
        };
        let answer = answer_line(engine, moderator, &session, typed, style, &mut confirm);
        if write_all(&mut stdout, &format!("{answer}\n")).is_err() {
            break;
        }
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    Ok(())
}

fn write_all(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
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
    fn values_complete_after_side_and_status() {
        assert_eq!(
            complete("/casualties side:a"),
            vec!["armenia ", "azerbaijan "]
        );
        assert_eq!(
            complete("/casualties status:"),
            vec!["killed ", "injured ", "missing ", "captured "]
        );
        assert_eq!(complete("/casualties status:K"), vec!["killed "]);
        assert_eq!(complete("/feeds action:p"), vec!["poll "]);
        assert!(
            complete("casualties side:a").is_empty(),
            "words without a slash are a question"
        );
    }

    #[test]
    fn tab_lists_the_candidates_as_shells_do() {
        assert_eq!(editor_config().completion_type(), CompletionType::List);
    }

    #[test]
    fn only_what_takes_something_away_asks_first() {
        let ask = |line: &str| confirmation(&crate::commands::parse_line(line).unwrap());
        assert!(
            ask("/forget ingested/x.md")
                .unwrap()
                .contains("ingested/x.md")
        );
        assert!(ask("/reindex").is_some());
        assert!(ask("/reindex dry_run:true").is_none());
        assert!(ask("/restore ingested/x.md").is_none());
        assert!(ask("/status").is_none());
    }
}
