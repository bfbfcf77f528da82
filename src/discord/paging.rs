//! Long answers as pages with ◀ ▶ buttons that need no memory in the bot. A page's footer
//! starts with the command as asked (`/statement party:azerbaijan topic:truce`); a
//! button's custom_id is `page:<n>:<request hash>:<answer hash>`. A press reads the command
//! back from the message it is on, answers it again and shows page n, so a button from before
//! a restart works; when the answer is no longer the one paged (a reindex changed it) the
//! current answer is shown with a note saying so, and a footer that does not match its button
//! is answered with how to ask again. Only the page shown is answered and drawn: the
//! engine makes that page's items, and the answer's hash is the fingerprint of its whole
//! list, which the engine keeps without making the rest.

use std::fmt::Write;

use crate::commands::{Invocation, OptionValue};
use crate::engine::Engine;
use crate::error::UserError;
use crate::render::discord::{Context, Embed, page_count, page_window, render_page};
use crate::request::Request;

use super::embeds::{Button, Reply};

const PREFIX: &str = "page";

/// Shown above a page rebuilt from an answer that has changed since its buttons were made.
pub const CHANGED: &str =
    "The index has changed since this answer was given; this is the current answer.";

/// One page of an answer, and what its buttons carry.
pub struct Answered {
    pub embed: Embed,
    /// The page shown, from 1, of `pages`.
    pub page: usize,
    pub pages: usize,
    pub request: u32,
    pub answer: u32,
}

/// What a page button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageButton {
    pub page: usize,
    pub request: u32,
    pub answer: u32,
}

impl PageButton {
    pub fn custom_id(&self) -> String {
        format!(
            "{PREFIX}:{}:{:08x}:{:08x}",
            self.page, self.request, self.answer
        )
    }

    /// `None` for a custom_id that is not a page button's.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let mut parts = custom_id.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let page = parts.next()?.parse().ok()?;
        let request = u32::from_str_radix(parts.next()?, 16).ok()?;
        let answer = u32::from_str_radix(parts.next()?, 16).ok()?;
        parts.next().is_none().then_some(Self {
            page,
            request,
            answer,
        })
    }
}

/// Answers page `page` (from 1; past the end, the last) of `request` and renders it;
/// blocking (a tantivy query), so run it off the runtime.
pub fn build(
    engine: &Engine,
    request: &Request,
    line: &str,
    page: usize,
) -> crate::Result<Answered> {
    let mut answer = engine.answer_window(request, page_window(page))?;
    let pages = page_count(&answer);
    let page = page.clamp(1, pages);
    if answer.held() == 0 && answer.shown().total > 0 {
        // The list is shorter than it was when the button was made: its last page.
        answer = engine.answer_window(request, page_window(page))?;
    }
    let snapshot = engine.snapshot();
    let ctx = Context {
        gazetteer: engine.gazetteer(),
        index_date: crate::index::built_on(&snapshot),
        request: line,
    };
    let fingerprint = answer.shown().fingerprint;
    Ok(Answered {
        embed: render_page(&answer, &ctx, page),
        page,
        pages,
        request: hash(line),
        answer: (fingerprint ^ (fingerprint >> 32)) as u32,
    })
}

impl Answered {
    /// The page with its buttons.
    pub fn reply(&self, note: Option<&str>) -> Reply {
        let total = self.pages.max(1);
        let n = self.page.clamp(1, total);
        let buttons = if total > 1 {
            let button = |page: usize, label: &str, disabled: bool| Button {
                custom_id: PageButton {
                    page,
                    request: self.request,
                    answer: self.answer,
                }
                .custom_id(),
                label: label.into(),
                disabled,
            };
            // Targets differ (n-1 and n+1), so the two custom_ids are distinct even when one
            // button is disabled at an end.
            vec![button(n - 1, "◀", n == 1), button(n + 1, "▶", n == total)]
        } else {
            Vec::new()
        };
        Reply {
            content: note.unwrap_or_default().to_string(),
            embeds: vec![self.embed.clone()],
            buttons,
            ephemeral: false,
        }
    }
}

/// The command line a footer carries: first line of the first embed's footer.
pub fn line_in_footer(footer: &str) -> &str {
    footer.lines().next().unwrap_or("")
}

/// Put before each option in a request line: invisible, and never in a value, so a value may
/// hold anything, `topic:` and quotes included, and still be read back whole.
const SEPARATOR: char = '\u{2063}';

/// The invocation as one line, `/statement party:baku topic:truce` to the eye, with an
/// invisible separator before each option so [`parse_request_line`] reads it back exactly.
pub fn request_line(invocation: &Invocation) -> String {
    let command = invocation.command;
    let mut line = format!("/{}", command.name);
    for spec in command.options {
        let Some(value) = invocation.get(spec.name) else {
            continue;
        };
        let value = match value {
            OptionValue::Text(text) => text.replace(SEPARATOR, ""),
            OptionValue::Integer(n) => n.to_string(),
            OptionValue::Boolean(b) => b.to_string(),
        };
        let _ = write!(line, " {SEPARATOR}{}:{value}", spec.name);
    }
    line
}

/// A request line for people: without its invisible separators.
pub fn shown(line: &str) -> String {
    line.replace(SEPARATOR, "")
}

/// Reads a [`request_line`] back, checked against the table as any invocation is.
pub fn parse_request_line(line: &str) -> Result<Invocation, UserError> {
    let mut parts = line.split(SEPARATOR);
    let name = parts.next().unwrap_or("").trim();
    let command = crate::commands::find(name)
        .filter(|_| name.starts_with('/'))
        .ok_or_else(|| UserError::new(format!("`{name}` is not a command")))?;
    let raw = parts
        .map(|part| {
            let (option, value) = part
                .split_once(':')
                .ok_or_else(|| UserError::new("the command line is damaged"))?;
            let value = value.strip_suffix(' ').unwrap_or(value);
            Ok((option.to_string(), OptionValue::Text(value.to_string())))
        })
        .collect::<Result<Vec<_>, UserError>>()?;
    Invocation::new(command, raw)
}

/// FNV-1a, 32 bits: stable across builds and restarts, unlike std's hasher.
pub fn hash(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_id_round_trips_and_fits() {
        let button = PageButton {
            page: 12,
            request: 0xdead_beef,
            answer: 7,
        };
        let id = button.custom_id();
        assert_eq!(id, "page:12:deadbeef:00000007");
        assert!(id.len() <= crate::render::discord::limits::CUSTOM_ID);
        assert_eq!(PageButton::parse(&id), Some(button));
        for bad in [
            "",
            "page",
            "page:x:1:1",
            "page:1:zz:1",
            "page:1:1:1:1",
            "other:1:1:1",
        ] {
            assert_eq!(PageButton::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_request_line_reads_back_to_the_same_options() {
        let statement = crate::commands::find("statement").unwrap();
        let search = crate::commands::find("search").unwrap();
        let text = |name: &str, value: &str| (name.to_string(), OptionValue::Text(value.into()));
        for (command, raw) in [
            (search, vec![text("query", "ambush")]),
            (search, vec![text("query", "\"exact phrase\" -x")]),
            (
                search,
                vec![text("query", "'single' \"double\" topic: party:x")],
            ),
            (
                statement,
                vec![text("party", "baku"), text("topic", "what topic: means")],
            ),
            (
                statement,
                vec![text("topic", "a:b"), text("party", "azerbaijan")],
            ),
        ] {
            let first = Invocation::new(command, raw).unwrap();
            let line = request_line(&first);
            let again = parse_request_line(&line).unwrap();
            assert_eq!(first.options.len(), again.options.len(), "{line}");
            for (name, value) in &first.options {
                assert_eq!(again.get(name), Some(value), "{line}");
            }
            assert_eq!(request_line(&again), line);
        }
        let shown = request_line(
            &Invocation::new(
                statement,
                vec![text("party", "baku"), text("topic", "truce")],
            )
            .unwrap(),
        );
        assert_eq!(
            shown.replace(SEPARATOR, ""),
            "/statement party:baku topic:truce"
        );
        for damaged in [
            "",
            "search",
            "/nonsense",
            "/search \u{2063}query",
            "/search \u{2063}colour:red",
        ] {
            assert!(parse_request_line(damaged).is_err(), "{damaged:?}");
        }
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("/search query:ambush"), hash("/search query:ambush"));
        assert_ne!(hash("/search query:ambush"), hash("/search query:ambush "));
    }
}
