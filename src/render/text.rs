//! Answers for a terminal: the answer with numbered markers, then the citations as
//! footnotes with title, outlet, date, paragraph and link.

use std::fmt::Write;

use super::{claim_line, side_heading, status_word};
use crate::answer::{Answer, Citation};
use crate::extract::Gazetteer;

/// How matched words are marked: bold on a colour terminal, «guillemets» elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub ansi: bool,
}

impl Style {
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

pub fn render(answer: &Answer, gazetteer: &Gazetteer, style: Style) -> String {
    let mut out = String::new();
    match answer {
        Answer::Ask {
            answer,
            reading,
            equivalent,
            no_answer,
            suggestions,
            ..
        } => {
            let _ = writeln!(out, "Read as: {reading}  (same as {equivalent})\n");
            if let Some(message) = no_answer {
                let _ = writeln!(out, "{message}");
                if !suggestions.is_empty() {
                    let _ = writeln!(out, "The index does have:");
                    for suggestion in suggestions {
                        let _ = writeln!(out, "  • {suggestion}");
                    }
                }
                return out;
            }
            out.push_str(&render(answer, gazetteer, style));
            return out;
        }
        Answer::Search { query, hits } => {
            let _ = writeln!(out, "{}", style.heading(&format!("Search: {query}")));
            if hits.is_empty() {
                let _ = writeln!(out, "No passage matches `{query}`.");
            }
            for hit in hits {
                let excerpt = marked(&hit.citation.excerpt, &hit.highlights, style);
                let _ = writeln!(out, "[{}] {excerpt}", hit.citation.n);
            }
        }
        Answer::Sources { sources } => {
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Indexed sources: {}", sources.len()))
            );
            for s in sources {
                let outlet = s.outlet.as_deref().unwrap_or("outlet not given");
                let date = s.published.map_or("undated".to_string(), |d| d.to_string());
                let _ = writeln!(
                    out,
                    "[{}] {} — {outlet}, {date}, {} paragraphs ({})",
                    s.citation.n, s.title, s.paragraphs, s.source
                );
            }
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
        } => {
            let about = query
                .as_deref()
                .map(|q| format!(" about `{q}`"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Casualty figures{about}"))
            );
            if claims.is_empty() {
                let _ = writeln!(out, "No casualty figures in the indexed reporting{about}.");
            }
            let mut last_side = None;
            for group in groups {
                if last_side != Some(&group.side) {
                    let heading = side_heading(group.side.as_deref(), gazetteer);
                    let _ = writeln!(
                        out,
                        "\n{}",
                        style.heading(&format!("{heading} — people hit"))
                    );
                    last_side = Some(&group.side);
                }
                let verdict = match (group.claims.len(), group.agreed) {
                    (1, _) => String::new(),
                    (n, true) => format!("  ({n} sources agree)"),
                    (_, false) => "  (disputed: sources differ)".to_string(),
                };
                let date = group.date.map(|d| format!(", {d}")).unwrap_or_default();
                let _ = writeln!(out, "  {}{date}{verdict}", status_word(group.status));
                for &i in &group.claims {
                    let claim = &claims[i];
                    let _ = writeln!(out, "    {} [{}]", claim_line(claim), claim.citation.n);
                }
            }
        }
        Answer::Statement {
            party_name,
            topic,
            statements,
            ..
        } => {
            let about = topic
                .as_deref()
                .map(|t| format!(" about `{t}`"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}",
                style.heading(&format!("Statements by {party_name}{about}"))
            );
            if statements.is_empty() {
                let _ = writeln!(
                    out,
                    "No statement by {party_name} in the indexed reporting{about}."
                );
            }
            for s in statements {
                let words = if s.direct {
                    format!(
                        "“{}”",
                        s.text.trim_matches(|c| matches!(c, '"' | '“' | '”'))
                    )
                } else {
                    s.text.clone()
                };
                let how = if s.direct { "quoted" } else { "reported" };
                let _ = writeln!(
                    out,
                    "• {} ({}, {how}): {words} [{}]",
                    s.speaker, s.verb, s.citation.n
                );
            }
        }
        Answer::Timeline { query, events } => {
            let about = query
                .as_deref()
                .map(|q| format!(" about `{q}`"))
                .unwrap_or_default();
            let _ = writeln!(out, "{}", style.heading(&format!("Timeline{about}")));
            if events.is_empty() {
                let _ = writeln!(out, "No dated events in the indexed reporting{about}.");
            }
            for e in events {
                let date = e.date.map_or("undated".to_string(), |d| d.to_string());
                let _ = writeln!(out, "{date}  {} [{}]", e.citation.excerpt, e.citation.n);
            }
        }
    }
    let citations = answer.citations();
    // Claims and statements are read from their excerpts: show the words below them.
    let with_excerpt = matches!(answer, Answer::Casualties { .. } | Answer::Statement { .. });
    if !citations.is_empty() {
        let _ = writeln!(out, "\n{}", style.heading("Sources"));
        for c in citations {
            let _ = writeln!(out, "{}", footnote(c));
            if with_excerpt {
                let _ = writeln!(out, "    > {}", c.excerpt);
            }
        }
    }
    out
}

/// `[1] Title — Outlet, 2023-03-06, paragraph 3` and the link or source path below it.
pub fn footnote(c: &Citation) -> String {
    let mut line = format!("[{}] {}", c.n, c.title);
    if let Some(outlet) = &c.outlet {
        let _ = write!(line, " — {outlet}");
    }
    if let Some(date) = c.published {
        let _ = write!(line, ", {date}");
    }
    let _ = write!(line, ", paragraph {}", c.paragraph);
    if !c.also_in.is_empty() {
        let _ = write!(line, " (also in: {})", c.also_in.join(", "));
    }
    let _ = write!(line, "\n    {}", c.url.as_deref().unwrap_or(&c.source));
    line
}

/// The excerpt with its highlighted byte ranges marked.
fn marked(excerpt: &str, highlights: &[std::ops::Range<usize>], style: Style) -> String {
    let mut out = String::with_capacity(excerpt.len() + 16);
    let mut at = 0;
    for range in highlights {
        let (Some(before), Some(word)) = (excerpt.get(at..range.start), excerpt.get(range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(&style.mark(word));
        at = range.end;
    }
    out.push_str(excerpt.get(at..).unwrap_or(""));
    out
}
