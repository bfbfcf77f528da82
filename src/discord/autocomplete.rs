//! Choices for options that name a party or a source, filtered by what has been typed:
//! parties from the gazetteer ranked by how often the corpus quotes them, sources from the
//! answering index's catalog. At most 25 choices of at most 100 characters each.

use std::collections::HashMap;

use crate::commands::OptionKind;
use crate::engine::Engine;
use crate::index::Snapshot;
use crate::render::discord::{cut, limits};

/// A choice: what the list shows, and the value sent back as the option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// The choices for an option of `kind` given the text typed so far.
pub fn choices(engine: &Engine, kind: OptionKind, typed: &str) -> Vec<Choice> {
    match kind {
        OptionKind::Party => parties(engine, &engine.snapshot(), typed),
        OptionKind::Source => sources(&engine.snapshot(), typed),
        OptionKind::Text | OptionKind::Integer | OptionKind::Boolean | OptionKind::Attachment => {
            Vec::new()
        }
    }
}

/// How well `typed` matches a set of names: 0 a name starts with it, 1 a word of a name does,
/// 2 a name contains it; `None` no match. Empty text matches everything equally.
fn rank<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<u8> {
    if typed.is_empty() {
        return Some(0);
    }
    names
        .into_iter()
        .filter_map(|name| {
            let name = name.to_lowercase();
            if name.starts_with(typed) {
                Some(0)
            } else if name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(typed))
            {
                Some(1)
            } else if name.contains(typed) {
                Some(2)
            } else {
                None
            }
        })
        .min()
}

fn parties(engine: &Engine, snapshot: &Snapshot, typed: &str) -> Vec<Choice> {
    let typed = typed.trim().to_lowercase();
    let mut quoted: HashMap<&str, usize> = HashMap::new();
    for doc in &snapshot.catalog.documents {
        for s in &doc.extraction.statements {
            if let Some(party) = s.party.as_deref() {
                *quoted.entry(party).or_default() += 1;
            }
        }
    }
    let mut found: Vec<(u8, usize, Choice)> = Vec::new();
    for party in engine.gazetteer().parties() {
        if party.id.chars().count() > limits::CHOICE {
            continue;
        }
        let names = std::iter::once(party.id.as_str())
            .chain(std::iter::once(party.name.as_str()))
            .chain(party.aliases.iter().map(String::as_str));
        let Some(score) = rank(&typed, names) else {
            continue;
        };
        let statements = quoted.remove(party.id.as_str()).unwrap_or(0);
        let name = match statements {
            0 => format!("{} ({})", party.name, party.id),
            1 => format!("{} ({}) — 1 statement", party.name, party.id),
            n => format!("{} ({}) — {n} statements", party.name, party.id),
        };
        found.push((score, statements, choice(name, &party.id)));
    }
    // Parties the corpus quotes that the gazetteer no longer lists (a renamed id).
    for (id, statements) in quoted {
        if id.chars().count() <= limits::CHOICE
            && let Some(score) = rank(&typed, [id])
        {
            found.push((
                score,
                statements,
                choice(format!("{id} — {statements} statements"), id),
            ));
        }
    }
    found.sort_by(|a, b| {
        (a.0, std::cmp::Reverse(a.1), &a.2.name).cmp(&(b.0, std::cmp::Reverse(b.1), &b.2.name))
    });
    found
        .into_iter()
        .take(limits::CHOICES)
        .map(|(_, _, c)| c)
        .collect()
}

fn sources(snapshot: &Snapshot, typed: &str) -> Vec<Choice> {
    let typed = typed.trim().to_lowercase();
    let mut found: Vec<(u8, usize, Choice)> = Vec::new();
    for (i, doc) in snapshot.catalog.documents.iter().enumerate() {
        // A value Discord cannot carry whole would name no source when sent back.
        if doc.source.chars().count() > limits::CHOICE {
            continue;
        }
        let names = [
            doc.meta.title.as_str(),
            doc.source.as_str(),
            doc.meta.outlet.as_deref().unwrap_or(""),
        ];
        let Some(score) = rank(&typed, names) else {
            continue;
        };
        let mut name = doc.meta.title.clone();
        if let Some(outlet) = &doc.meta.outlet {
            name = format!("{name} — {outlet}");
        }
        if let Some(date) = doc.meta.published {
            name = format!("{name}, {date}");
        }
        found.push((score, i, choice(name, &doc.source)));
    }
    found.sort_by_key(|(score, i, _)| (*score, *i));
    found
        .into_iter()
        .take(limits::CHOICES)
        .map(|(_, _, c)| c)
        .collect()
}

fn choice(name: String, value: &str) -> Choice {
    Choice {
        name: cut(&name, limits::CHOICE),
        value: value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_ranks_prefixes_before_words_before_substrings() {
        assert_eq!(rank("aze", ["azerbaijan"]), Some(0));
        assert_eq!(rank("baku", ["Azerbaijan", "Baku"]), Some(0));
        assert_eq!(rank("defense", ["russian defense ministry"]), Some(1));
        assert_eq!(rank("erba", ["azerbaijan"]), Some(2));
        assert_eq!(rank("zz", ["azerbaijan"]), None);
        assert_eq!(rank("", ["anything"]), Some(0));
    }
}
