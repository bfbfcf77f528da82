//! Reads a question typed in plain words ("how many Azerbaijani soldiers were killed?")
//! as one of the bot's requests, by rules over a small lexicon and the gazetteer: no
//! model, no network. Every reading says in words how the question was taken and gives
//! the command that asks the same, so a user can check it and correct it.
//!
//! The order of the rules is the whole policy: "when" asks for the timeline; "how many"
//! about people asks for the casualty ledger; "who" asks for passages; a party with a word
//! of saying asks for its statements; any other word of killing or wounding asks for the
//! ledger; everything else is a search for the question's content words.
//!
//! A conversation (`Conversation`) keeps the readings of a front end's latest answers, so
//! a short reply ("and Russia?") reads on from the answer it follows, on Discord and in
//! the console alike.

mod conversation;
mod describe;
mod follow_up;
mod lexicon;
mod rules;
#[cfg(test)]
mod tests;
mod words;

use std::collections::HashSet;

use crate::extract::{Gazetteer, normalize_word};
use crate::request::Request;

pub use conversation::{Conversation, Turn, read_after};
use describe::describe;
pub use describe::status_name;
use lexicon::{CASUALTY_WORDS, casualty_status};
use rules::Question;
use words::{query_words, words};

/// How a question was read: the request to answer, in words a user can check, and the
/// equivalent command they could type.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub request: Request,
    /// "casualties on the Azerbaijani side (killed)", "statements of Azerbaijan about
    /// peacekeepers", "dated events about 2020 war end", "passages about fired first".
    pub read_as: String,
    /// "/casualties side:azerbaijan status:killed": parses back to the same request.
    pub command: String,
}

/// Longer questions are cut here, so reading one is bounded work.
const MAX_QUESTION_CHARS: usize = 500;
const MAX_WORDS: usize = 100;
/// The index drops longer tokens, so a longer word could never match.
const MAX_WORD_CHARS: usize = 40;
/// A free-text option may hold this much (see `commands::MAX_TEXT`).
const MAX_QUERY_CHARS: usize = crate::commands::MAX_TEXT as usize;

/// Reads a question as a request; never fails: what it cannot place is a search.
pub fn read(question: &str, gazetteer: &Gazetteer) -> Reading {
    let question = Question::new(question, gazetteer);
    describe(question.request(), gazetteer)
}

/// A reply to one of the bot's answers ("and Russia?", "what about the wounded?"): the
/// previous reading adjusted, when that is clearly what is meant; None to answer fresh.
pub fn follow_up(previous: &Reading, reply: &str, gazetteer: &Gazetteer) -> Option<Reading> {
    let reply = Question::new(reply, gazetteer);
    let slots = reply.follow_up_slots()?;
    let request = slots.apply(&previous.request, gazetteer)?;
    Some(describe(request, gazetteer))
}

/// Words reporting uses for one incident of violence: a topic naming one means all.
#[rustfmt::skip]
const INCIDENT_WORDS: &[&str] = &[
    "clash", "clashes", "shootout", "shooting", "skirmish", "fighting", "firefight",
    "incident", "ambush",
];

/// A topic as the index is asked it, in `/statement topic:`, `/timeline query:` and
/// `/casualties query:`: a word of killing or wounding also matches the others of its
/// kind ("deaths" finds "were killed" and "died"), and a word for an incident of violence
/// the others ("the clash" finds "the shootout"). `/search` takes its words as given.
pub fn topic_query(topic: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in topic.split_whitespace() {
        words.push(word.to_string());
        let norm = normalize_word(word);
        if let Some(Some(status)) = casualty_status(&norm) {
            let kin = CASUALTY_WORDS
                .iter()
                .filter(|(s, _)| *s == Some(status))
                .flat_map(|(_, list)| list.iter())
                .filter(|w| w.is_ascii());
            words.extend(kin.map(|w| w.to_string()));
        }
        if INCIDENT_WORDS.contains(&norm.as_str()) {
            words.extend(INCIDENT_WORDS.iter().map(|w| w.to_string()));
        }
    }
    let mut seen = HashSet::new();
    words.retain(|w| seen.insert(w.to_lowercase()));
    words.join(" ")
}

/// Whether a statement's speaker ("the Russian Foreign Ministry") is the one `hint`
/// names ("foreign ministry"): every word of the hint is a word of the speaker, compared
/// by its first six letters ("president" is "Presidency"; "defence" is "Defense").
pub fn names_speaker(hint: &str, speaker: &str) -> bool {
    let stem = |w: &str| -> String {
        normalize_word(w)
            .replace("defence", "defense")
            .chars()
            .take(6)
            .collect()
    };
    let spoken: Vec<String> = speaker
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    let mut hint = hint.split_whitespace().map(stem).peekable();
    hint.peek().is_some() && hint.all(|h| spoken.contains(&h))
}

/// The content words of a question (stop words and question words dropped), for ranking
/// passages; also the query of a "who" question or one the rules cannot place.
pub fn content_words(question: &str) -> Vec<String> {
    let words = words(question);
    query_words(words.iter())
}
