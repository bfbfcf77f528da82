//! Choices for options that name a party or a source, filtered by what has been typed:
//! parties from the gazetteer ranked by how often the corpus quotes them, sources from the
//! answering index's catalog (for `/restore`, from the trash). At most 25 choices of at
//! most 100 characters each; a source too long to be a choice's value is offered as a
//! prefix and a hash, which [`resolve_source`] turns back into the source.

use std::collections::HashMap;

use crate::commands::OptionKind;
use crate::engine::Engine;
use crate::index::Snapshot;
use crate::render::discord::{cut, limits};

use super::paging::hash;

/// Between the kept prefix of a long source and its hash, in a choice's value.
const LONG_MARK: &str = "…#";

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

/// The choices for an option of `command`: `/restore` offers what is in the trash, as
/// nothing else can be restored; every other option as [`choices`].
pub fn choices_for(engine: &Engine, command: &str, kind: OptionKind, typed: &str) -> Vec<Choice> {
    if command == "restore" && kind == OptionKind::Source {
        return match crate::library::trash(engine.config()) {
            Ok(entries) => trashed(&entries, typed),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the trash for autocomplete");
                Vec::new()
            }
        };
    }
    choices(engine, kind, typed)
}

/// The value a choice carries for `source`: the source itself when it fits Discord's 100
/// characters, else its start, `…#` and its hash.
pub fn source_value(source: &str) -> String {
    if source.chars().count() <= limits::CHOICE {
        return source.to_string();
    }
    let tail = format!("{LONG_MARK}{:08x}", hash(source));
    let keep = limits::CHOICE - tail.chars().count();
    let prefix: String = source.chars().take(keep).collect();
    format!("{prefix}{tail}")
}

/// The source a value names among `sources`: a [`source_value`] of a long source is looked
/// up by its prefix and hash; any other value is taken as typed. `None` when a shortened
/// value names none of them (the source has gone since the choice was offered).
pub fn resolve_source<'a>(value: &'a str, sources: &[&'a str]) -> Option<&'a str> {
    let Some((prefix, hex)) = value.rsplit_once(LONG_MARK) else {
        return Some(value);
    };
    let Ok(wanted) = u32::from_str_radix(hex, 16) else {
        return Some(value);
    };
    if hex.len() != 8 || value.chars().count() != limits::CHOICE {
        return Some(value);
    }
    sources
        .iter()
        .copied()
        .find(|s| s.starts_with(prefix) && hash(s) == wanted)
}

/// Forgotten sources, newest first, each once.
fn trashed(entries: &[crate::library::TrashEntry], typed: &str) -> Vec<Choice> {
    let typed = typed.trim().to_lowercase();
    let mut found: Vec<(u8, usize, Choice)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (age, entry) in entries.iter().rev().enumerate() {
        if seen.contains(&entry.source.as_str()) {
            continue;
        }
        seen.push(&entry.source);
        let Some(score) = rank(&typed, [entry.title.as_str(), entry.source.as_str()]) else {
            continue;
        };
        let name = format!(
            "{} — forgotten {}",
            entry.title,
            entry.at.format("%Y-%m-%d %H:%M")
        );
        found.push((score, age, choice(name, &entry.source)));
    }
    found.sort_by_key(|(score, age, _)| (*score, *age));
    found
        .into_iter()
        .take(limits::CHOICES)
        .map(|(_, _, c)| c)
        .collect()
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
    let mut quoted: HashMap<&str, usize> = snapshot.catalog.parties().collect();
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
    for (i, doc) in snapshot.catalog.documents().enumerate() {
        let names = [doc.title(), doc.source(), doc.outlet().unwrap_or("")];
        let Some(score) = rank(&typed, names) else {
            continue;
        };
        let mut name = doc.title().to_string();
        if let Some(outlet) = doc.outlet() {
            name = format!("{name} — {outlet}");
        }
        if let Some(date) = doc.published() {
            name = format!("{name}, {date}");
        }
        found.push((score, i, choice(name, doc.source())));
    }
    found.sort_by_key(|(score, i, _)| (*score, *i));
    found
        .into_iter()
        .take(limits::CHOICES)
        .map(|(_, _, c)| c)
        .collect()
}

fn choice(name: String, source_or_party: &str) -> Choice {
    Choice {
        name: cut(&name, limits::CHOICE),
        value: source_value(source_or_party),
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

    #[test]
    fn a_source_too_long_for_a_choice_is_offered_shortened_and_resolved_back() {
        let long = format!("https://news.example/{}", "very-long-path/".repeat(12));
        let other = format!("{long}other");
        let value = source_value(&long);
        assert_eq!(value.chars().count(), limits::CHOICE);
        assert!(value.starts_with("https://news.example/very-long-path/"));
        let sources = [other.as_str(), long.as_str(), "short.md"];
        assert_eq!(resolve_source(&value, &sources), Some(long.as_str()));
        assert_eq!(
            resolve_source(&source_value(&other), &sources),
            Some(other.as_str())
        );
        assert_eq!(resolve_source(&value, &["short.md"]), None, "gone since");
        assert_eq!(source_value("short.md"), "short.md");
        assert_eq!(resolve_source("short.md", &sources), Some("short.md"));
        assert_eq!(
            resolve_source("typed…#by hand", &sources),
            Some("typed…#by hand")
        );
    }
}
