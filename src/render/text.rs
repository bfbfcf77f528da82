//! Answers for a terminal: the answer with numbered markers, then the citations as
//! footnotes with title, outlet, date, paragraph and link.

use std::fmt::Write;

use super::{claim_line, claim_reasons, side_heading, status_word};
use crate::answer::{Answer, Citation, Window};
use crate::extract::Gazetteer;

/// How matched words are marked: bold on a colour terminal, «guillemets» elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub ansi: bool,
}

/// Whether output may carry colour: only to a terminal, and never when `NO_COLOR` is set
/// to anything (<https://no-color.org>).
pub fn wants_colour(is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    is_terminal && no_color.is_none_or(|value| value.is_empty())
}

impl Style {
    /// The style for answers printed on stdout.
    pub fn for_stdout() -> Style {
        use std::io::IsTerminal;
        Style {
            ansi: wants_colour(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            ),
        }
    }

    fn mark(&self, words: &str) -> String {
        if self.ansi {
            format!("\x1b[1m{words}\x1b[0m")
        } else {
            format!("«{words}»")
        }
    }

    fn heading(&self, words: &str) -> String {
        if self.ansi {
            format!("\x1b[1;4m{words}\x1b[0m")
        } else {
            words.to_string()
        }
    }
}

/// The most items (figures, statements, events, sources) one answer lists in text; the
/// rest are counted, and `--json` gives them all.
pub const MAX_ITEMS: usize = 50;

/// Longest title, outlet, speaker or address shown, in characters.
const MAX_NAME_CHARS: usize = 200;

/// Longest statement shown, in characters.
const MAX_STATEMENT_CHARS: usize = 2 * crate::text::MAX_SENTENCE_CHARS;

/// Text from the index or the asker, safe for a terminal and bounded: no control
/// sequence reaches the screen, and nothing runs on for pages.
fn shown(text: &str, max_chars: usize) -> String {
    let clean = crate::text::strip_controls(text);
    match clean.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", clean[..cut].trim_end()),
        None => clean.into_owned(),
    }
}

/// "… and 12 more figures: `--json` lists them all." when a list was cut.
fn more(out: &mut String, total: usize, what: &str) {
    if total > MAX_ITEMS {
        let _ = writeln!(
            out,
            "… and {} more {what}: `--json` lists them all.",
            total - MAX_ITEMS
        );
    }
}

/// The items a text answer needs: the first [`MAX_ITEMS`] of its list.
pub fn window() -> Window {
    Window::first(MAX_ITEMS)
}

/// The answer as text: its first [`MAX_ITEMS`] items (all it needs to hold is
/// [`window`]), with a count of the rest.
pub fn render(answer: &Answer, gazetteer: &Gazetteer, style: Style) -> String {
    let mut out = String::new();
    let total = answer.shown().total;
    // The footnotes of what is shown, and of nothing else.
    let mut cited = std::collections::BTreeSet::new();
    match answer {
        Answer::Ask {
            answer,
            reading,
            equivalent,
            no_answer,
            suggestions,
            ..
        } => {
            let _ = writeln!(
                out,
                "Read as: {}  (same as {})\n",
                shown(reading, MAX_STATEMENT_CHARS),
                shown(equivalent, MAX_STATEMENT_CHARS)
            );
            if let Some(message) = no_answer {
                let _ = writeln!(out, "{}", shown(message, MAX_STATEMENT_CHARS));
                if !suggestions.is_empty() {
                    let _ = writeln!(out, "The index does have:");
                    for suggestion in suggestions.iter().take(MAX_ITEMS) {
                        let _ = writeln!(out, "  • {}", shown(suggestion, MAX_NAME_CHARS));
                    }
                }
                return out;
            }
            out.push_str(&render(answer, gazetteer, style));
            return out;
        }
        Answer::Search { query, hits, .. } => {
            let query = shown(query, MAX_NAME_CHARS);
            let _ = writeln!(out, "{}", style.heading(&format!("Search: {query}")));
            if hits.is_empty() {
                let _ = writeln!(out, "No passage matches `{query}`.");
            }
            for hit in hits.iter().take(MAX_ITEMS) {
                let excerpt = marked(&hit.citation.excerpt, &hit.highlights, style);
                let _ = writeln!(out, "[{}] {excerpt}", hit.citation.n);
                cited.insert(hit.citation.n);
            }
            more(&mut out, total, "passages");
        }
        Answer::Sources { sources, .. } => {
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Indexed sources: {total}"))
            );
            for s in sources.iter().take(MAX_ITEMS) {
                let outlet = s.outlet.as_deref().unwrap_or("outlet not given");
                let date = s.published.map_or("undated".to_string(), |d| d.to_string());
                let _ = writeln!(
                    out,
                    "[{}] {} — {}, {date}, {} paragraphs ({})",
                    s.citation.n,
                    shown(&s.title, MAX_NAME_CHARS),
                    shown(outlet, MAX_NAME_CHARS),
                    s.paragraphs,
                    shown(&s.source, MAX_NAME_CHARS)
                );
                cited.insert(s.citation.n);
            }
            more(&mut out, total, "sources");
        }
        Answer::Help { commands } => {
            let _ = writeln!(out, "{}", style.heading("Commands"));
            for c in commands {
                let _ = writeln!(out, "  {}\n      {}", c.usage, c.description);
            }
        }
        Answer::Casualties {
            query,
            claims,
            groups,
            explain,
            shown: window,
        } => {
            let about = query
                .as_deref()
                .map(|q| format!(" about `{}`", shown(q, MAX_NAME_CHARS)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Casualty figures{about}"))
            );
            if total == 0 {
                let _ = writeln!(out, "No casualty figures in the indexed reporting{about}.");
            }
            let mut last_side = None;
            let mut listed = 0;
            for group in groups {
                if listed >= MAX_ITEMS {
                    break;
                }
                if last_side != Some(&group.side) {
                    let heading = side_heading(group.side.as_deref(), gazetteer);
                    let _ = writeln!(
                        out,
                        "\n{}",
                        style.heading(&format!("{} — people hit", shown(&heading, MAX_NAME_CHARS)))
                    );
                    last_side = Some(&group.side);
                }
                let verdict = match (group.sources, group.agreed) {
                    (1, _) => String::new(),
                    (n, true) => format!("  ({n} sources agree)"),
                    (_, false) => "  (disputed: sources differ)".to_string(),
                };
                let date = group.date.map(|d| format!(", {d}")).unwrap_or_default();
                let _ = writeln!(out, "  {}{date}{verdict}", status_word(group.status));
                for &i in group.claims.iter().take(MAX_ITEMS - listed) {
                    let Some(claim) = i.checked_sub(window.offset).and_then(|i| claims.get(i))
                    else {
                        listed = MAX_ITEMS;
                        break;
                    };
                    let _ = writeln!(
                        out,
                        "    {} [{}]",
                        shown(&claim_line(claim), MAX_STATEMENT_CHARS),
                        claim.citation.n
                    );
                    if *explain {
                        let _ = writeln!(
                            out,
                            "      why: {}",
                            shown(&claim_reasons(claim), MAX_STATEMENT_CHARS)
                        );
                    }
                    cited.insert(claim.citation.n);
                    listed += 1;
                }
            }
            more(&mut out, total, "figures");
        }
        Answer::Statement {
            party_name,
            topic,
            statements,
            explain,
            ..
        } => {
            let about = topic
                .as_deref()
                .map(|t| format!(" about `{}`", shown(t, MAX_NAME_CHARS)))
                .unwrap_or_default();
            let party_name = shown(party_name, MAX_NAME_CHARS);
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Statements by {party_name}{about}"))
            );
            if total == 0 {
                let _ = writeln!(
                    out,
                    "No statement by {party_name} in the indexed reporting{about}."
                );
            }
            for s in statements.iter().take(MAX_ITEMS) {
                let text = shown(&s.text, MAX_STATEMENT_CHARS);
                let words = if s.direct {
                    format!("“{}”", text.trim_matches(|c| matches!(c, '"' | '“' | '”')))
                } else {
                    text
                };
                let how = super::saying(s);
                let _ = writeln!(
                    out,
                    "• {} ({}): {words} [{}]",
                    shown(&s.speaker, MAX_NAME_CHARS),
                    shown(&how, MAX_NAME_CHARS),
                    s.citation.n
                );
                if *explain {
                    let why = s.evidence.as_deref().unwrap_or("no words name the party");
                    let _ = writeln!(out, "    why: {}", shown(why, MAX_STATEMENT_CHARS));
                }
                cited.insert(s.citation.n);
            }
            more(&mut out, total, "statements");
        }
        Answer::Timeline { query, events, .. } => {
            let about = query
                .as_deref()
                .map(|q| format!(" about `{}`", shown(q, MAX_NAME_CHARS)))
                .unwrap_or_default();
            let _ = writeln!(out, "{}", style.heading(&format!("Timeline{about}")));
            if total == 0 {
                let _ = writeln!(out, "No dated events in the indexed reporting{about}.");
            }
            for e in events.iter().take(MAX_ITEMS) {
                let date = e.date.map_or("undated".to_string(), |d| d.to_string());
                let _ = writeln!(
                    out,
                    "{date}  {} [{}]",
                    shown(&e.citation.excerpt, MAX_STATEMENT_CHARS),
                    e.citation.n
                );
                cited.insert(e.citation.n);
            }
            more(&mut out, total, "events");
        }
    }
    let citations: Vec<&Citation> = answer
        .citations()
        .into_iter()
        .filter(|c| cited.contains(&c.n))
        .collect();
    // Claims and statements are read from their excerpts: show the words below them.
    let with_excerpt = matches!(answer, Answer::Casualties { .. } | Answer::Statement { .. });
    if !citations.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Sources"));
        for c in citations {
            let _ = writeln!(out, "{}", footnote(c));
            if with_excerpt {
                let _ = writeln!(out, "    > {}", shown(&c.excerpt, MAX_STATEMENT_CHARS));
            }
        }
    }
    out
}

/// `[1] Title — Outlet, 2023-03-06, paragraph 3` and the link or source path below it.
pub fn footnote(c: &Citation) -> String {
    let mut line = format!("[{}] {}", c.n, shown(&c.title, MAX_NAME_CHARS));
    if let Some(outlet) = &c.outlet {
        let _ = write!(line, " — {}", shown(outlet, MAX_NAME_CHARS));
    }
    if let Some(date) = c.published {
        let _ = write!(line, ", {date}");
    }
    let _ = write!(line, ", paragraph {}", c.paragraph);
    if !c.also_in.is_empty() {
        let also: Vec<String> = c
            .also_in
            .iter()
            .take(10)
            .map(|o| shown(o, MAX_NAME_CHARS))
            .collect();
        let _ = write!(line, " (also in: {}", also.join(", "));
        if c.also_in.len() > 10 {
            let _ = write!(line, " and {} more", c.also_in.len() - 10);
        }
        line.push(')');
    }
    let address = c.url.as_deref().unwrap_or(&c.source);
    let _ = write!(line, "\n    {}", shown(address, MAX_NAME_CHARS));
    line
}

/// The excerpt with its highlighted byte ranges marked, its words made safe to print.
fn marked(excerpt: &str, highlights: &[std::ops::Range<usize>], style: Style) -> String {
    let safe = |text: &str| crate::text::strip_controls(text).into_owned();
    let mut out = String::with_capacity(excerpt.len() + 16);
    let mut at = 0;
    for range in highlights {
        let (Some(before), Some(word)) = (excerpt.get(at..range.start), excerpt.get(range.clone()))
        else {
            continue;
        };
        out.push_str(&safe(before));
        out.push_str(&style.mark(&safe(word)));
        at = range.end;
    }
    out.push_str(&safe(excerpt.get(at..).unwrap_or("")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        use std::ffi::OsStr;
        assert!(wants_colour(true, None));
        assert!(!wants_colour(false, None));
        assert!(!wants_colour(true, Some(OsStr::new("1"))));
        assert!(
            wants_colour(true, Some(OsStr::new(""))),
            "an empty NO_COLOR is unset"
        );
    }
}
