//! The answer as headed blocks: one block per item of the page (a passage, a source, a
//! command, a casualty figure under its side and status, a statement, a dated event),
//! quoted within the page's budget, with the citations each one marks.

use std::ops::Range;

use super::Budget;
use super::escape::{escape, safe_url};
use super::fit::{count, fit, fit_marked, fit_rendered};
use crate::answer::{Answer, ClaimGroup};
use crate::extract::Gazetteer;
use crate::render::{claim_line, claim_reasons, side_heading, status_word};

/// One item of an answer with the headings it sits under and the citations it points to.
pub(super) struct Block {
    pub(super) headings: Vec<String>,
    pub(super) text: String,
    pub(super) cites: Vec<usize>,
}

pub(super) struct Draft {
    pub(super) title: String,
    /// What the page says when there is nothing to list.
    pub(super) empty: String,
    pub(super) blocks: Vec<Block>,
    /// Whether citation fields quote their excerpt (not when the item already is the excerpt).
    pub(super) quote_in_fields: bool,
}

fn about(query: Option<&str>) -> String {
    query.map(|q| format!(" about “{q}”")).unwrap_or_default()
}

/// The items of `list` (which starts at item `offset` of the whole list) that fall in
/// `items`.
fn held<'a, T>(list: &'a [T], offset: usize, items: &Range<usize>) -> &'a [T] {
    let start = items.start.saturating_sub(offset).min(list.len());
    let end = items.end.saturating_sub(offset).clamp(start, list.len());
    &list[start..end]
}

fn item(text: String, cite: usize) -> Block {
    Block {
        headings: Vec::new(),
        text: format!("{text} [{cite}]"),
        cites: vec![cite],
    }
}

/// The page's blocks: the items of the whole list in `items`, quoted within `budget`.
pub(super) fn draft(
    answer: &Answer,
    gazetteer: &Gazetteer,
    items: &Range<usize>,
    budget: Budget,
) -> Draft {
    let offset = answer.shown().offset;
    match answer {
        Answer::Ask {
            answer,
            reading,
            equivalent,
            no_answer,
            suggestions,
            ..
        } => {
            let mut draft = draft(answer, gazetteer, items, budget);
            draft.title = format!("Read as: {reading}");
            let mut lead = format!("Same as `{}`", equivalent.replace('`', "'"));
            if let Some(message) = no_answer {
                lead.push_str(&format!("\n{}", escape(message)));
                for suggestion in suggestions {
                    lead.push_str(&format!("\n• {}", escape(suggestion)));
                }
                draft.empty = lead;
            } else if items.start == 0 {
                draft.blocks.insert(
                    0,
                    Block {
                        headings: Vec::new(),
                        text: lead,
                        cites: Vec::new(),
                    },
                );
            }
            draft
        }
        Answer::Search { query, hits, .. } => Draft {
            title: format!("Search: {query}"),
            empty: format!("No passage matches “{}”.", escape(query)),
            blocks: held(hits, offset, items)
                .iter()
                .map(|hit| {
                    let n = hit.citation.n;
                    let room = budget.block.saturating_sub(format!("**[{n}]** ").len());
                    let excerpt = fit_marked(&hit.citation.excerpt, &hit.highlights, room);
                    Block {
                        headings: Vec::new(),
                        text: format!("**[{n}]** {excerpt}"),
                        cites: vec![n],
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Sources { sources, .. } => Draft {
            title: format!("Indexed sources: {}", answer.shown().total),
            empty: "Nothing is indexed yet.".into(),
            blocks: held(sources, offset, items)
                .iter()
                .map(|s| {
                    let title = fit(&s.title, budget.name, escape);
                    let title = match s.url.as_deref().and_then(safe_url) {
                        Some(url) => format!("[{title}]({url})"),
                        None => title,
                    };
                    let outlet = s.outlet.as_deref().unwrap_or("outlet not given");
                    let date = s.published.map_or("undated".into(), |d| d.to_string());
                    let line = format!(
                        "**[{}]** {title} — {}, {date}, {} paragraphs · {}",
                        s.citation.n,
                        fit(outlet, budget.name, escape),
                        s.paragraphs,
                        fit(&s.source, budget.name, escape),
                    );
                    Block {
                        headings: Vec::new(),
                        text: fit_rendered(line, budget.block),
                        cites: Vec::new(),
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Help { commands } => Draft {
            title: "Commands".into(),
            empty: "No commands.".into(),
            blocks: commands
                .iter()
                .map(|c| {
                    let admin = if c.admin && !c.description.contains("moderators") {
                        " (moderators)"
                    } else {
                        ""
                    };
                    Block {
                        headings: Vec::new(),
                        text: format!(
                            "`{}`{admin}\n{}",
                            c.usage.replace('`', "'"),
                            escape(&c.description)
                        ),
                        cites: Vec::new(),
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Casualties {
            query,
            claims,
            groups,
            explain,
            ..
        } => {
            let about = about(query.as_deref());
            let explain = *explain;
            let blocks = groups
                .iter()
                .filter(|group| group.claims.iter().any(|i| items.contains(i)))
                .flat_map(|group| {
                    let headings = group_headings(group, gazetteer, budget);
                    group.claims.iter().filter_map(move |&i| {
                        if !items.contains(&i) {
                            return None;
                        }
                        let claim = claims.get(i.checked_sub(offset)?)?;
                        let room = budget.block.saturating_sub(16);
                        let line = fit(&claim_line(claim), room, escape);
                        // "-# why: ...": Discord's small print under the figure.
                        let why = if explain {
                            format!("\n-# why: {}", fit(&claim_reasons(claim), room, escape))
                        } else {
                            String::new()
                        };
                        let mut block = item(format!("• {line}{why}"), claim.citation.n);
                        block.headings = headings.clone();
                        Some(block)
                    })
                })
                .collect();
            Draft {
                title: format!("Casualty figures{about}"),
                empty: format!(
                    "No casualty figures in the indexed reporting{}.",
                    escape(&about)
                ),
                blocks,
                quote_in_fields: true,
            }
        }
        Answer::Statement {
            party_name,
            topic,
            statements,
            explain,
            ..
        } => {
            let statements = held(statements, offset, items);
            let about = about(topic.as_deref());
            let explain = *explain;
            Draft {
                title: format!("Statements by {party_name}{about}"),
                empty: format!(
                    "No statement by {} in the indexed reporting{}.",
                    escape(party_name),
                    escape(&about)
                ),
                blocks: statements
                    .iter()
                    .map(|s| {
                        let head = format!(
                            "• **{}** ({}): ",
                            fit(&s.speaker, budget.name, escape),
                            fit(&crate::render::saying(s), 60, escape)
                        );
                        let words = s.text.trim_matches(|c| matches!(c, '"' | '“' | '”'));
                        let room = budget.block.saturating_sub(count(&head) + 16);
                        let words = if s.direct {
                            fit(words, room, |w| format!("“{}”", escape(w)))
                        } else {
                            fit(words, room, escape)
                        };
                        let why = match (explain, s.evidence.as_deref()) {
                            (false, _) => String::new(),
                            (true, Some(w)) => format!("\n-# why: {}", fit(w, room, escape)),
                            (true, None) => "\n-# why: no words name the party".to_string(),
                        };
                        item(format!("{head}{words}{why}"), s.citation.n)
                    })
                    .collect(),
                quote_in_fields: true,
            }
        }
        Answer::Timeline { query, events, .. } => {
            let about = about(query.as_deref());
            Draft {
                title: format!("Timeline{about}"),
                empty: format!(
                    "No dated events in the indexed reporting{}.",
                    escape(&about)
                ),
                blocks: held(events, offset, items)
                    .iter()
                    .map(|e| {
                        let date = e.date.map_or("undated".into(), |d| d.to_string());
                        let room = budget.block.saturating_sub(40);
                        let excerpt = fit(&e.citation.excerpt, room, escape);
                        item(format!("**{date}** {excerpt}"), e.citation.n)
                    })
                    .collect(),
                quote_in_fields: false,
            }
        }
    }
}

/// "**Armenia — people hit**" over "killed, 2023-03-05 — 2 sources agree".
fn group_headings(group: &ClaimGroup, gazetteer: &Gazetteer, budget: Budget) -> Vec<String> {
    let side = side_heading(group.side.as_deref(), gazetteer);
    let side = format!("**{} — people hit**", fit(&side, budget.name, escape));
    let date = group.date.map(|d| format!(", {d}")).unwrap_or_default();
    let verdict = match (group.sources, group.agreed) {
        (1, _) => String::new(),
        (n, true) => format!(" — {n} sources agree"),
        (_, false) => " — disputed: sources differ".into(),
    };
    vec![
        side,
        format!("__{}{date}__{verdict}", status_word(group.status)),
    ]
}
