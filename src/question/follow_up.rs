//! Follow-up replies ("and Russia?", "what about the wounded?"): whether a short reply
//! reads as one, what it names, and the previous request adjusted by it.

use super::lexicon::{
    FOLLOW_UP_FILLER, FOLLOW_UP_OPENERS, PERSON_WORDS, QUESTION_OPENERS, is_question_word,
};
use super::rules::Question;
use super::words::{Word, join_query, mentions, query_words, words};
use crate::extract::{Gazetteer, Status, normalize_word};
use crate::request::Request;

impl Question {
    /// What a short reply changes, when it reads as a follow-up at all.
    pub(super) fn follow_up_slots(&self) -> Option<FollowUp> {
        let rest = self.after_follow_up_opener();
        let marked = rest > 0;
        if self.words.len() - rest > 8
            || self
                .words
                .get(rest)
                .is_some_and(|w| is_question_word(&w.lex) || w.is(QUESTION_OPENERS))
        {
            return None;
        }
        let mut parties: Vec<String> = Vec::new();
        for m in self.mentions.iter().filter(|m| m.span.start >= rest) {
            if !parties.contains(&m.party) {
                parties.push(m.party.clone());
            }
        }
        let mut statuses = Vec::new();
        for status in self.words[rest..]
            .iter()
            .filter_map(|w| w.status().flatten())
        {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        let free = self.words.iter().enumerate().filter(|(i, w)| {
            *i >= rest && !self.in_mention(*i) && !w.is(FOLLOW_UP_FILLER) && !w.is_speech()
        });
        let topic = query_words(free.clone().map(|(_, w)| w));
        let place = query_words(
            free.filter(|(_, w)| w.status().is_none() && !w.is(PERSON_WORDS))
                .map(|(_, w)| w),
        );
        let has_casualty_word = self.words[rest..].iter().any(|w| w.status().is_some());
        if parties.is_empty() && topic.is_empty() {
            return None;
        }
        // Without "and" / "what about", only a bare party or status reads as a follow-up.
        if !marked && !place.is_empty() {
            return None;
        }
        Some(FollowUp {
            parties,
            statuses,
            has_casualty_word,
            topic,
            place,
        })
    }

    /// The index of the first word after "and", "what about", "and how about", "same for".
    fn after_follow_up_opener(&self) -> usize {
        let mut i = 0;
        while self.words.get(i).is_some_and(|w| w.is(FOLLOW_UP_OPENERS)) {
            i += 1;
        }
        let about =
            matches!(self.lex(i), "what" | "how") && matches!(self.lex(i + 1), "about" | "of");
        let same_for = self.lex(i) == "same" && self.lex(i + 1) == "for";
        if about || same_for {
            i += 2;
        }
        i
    }
}

/// What a follow-up reply names: parties, statuses, and other words (all of them for a
/// statement's topic; without people and statuses for a casualty query).
pub(super) struct FollowUp {
    parties: Vec<String>,
    statuses: Vec<Status>,
    has_casualty_word: bool,
    topic: Vec<String>,
    place: Vec<String>,
}

impl FollowUp {
    pub(super) fn apply(&self, previous: &Request, gazetteer: &Gazetteer) -> Option<Request> {
        let one_party = match self.parties.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            _ => return None,
        };
        match previous {
            Request::Ask { .. } => None,
            Request::Casualties {
                query,
                side,
                status,
                explain,
            } => Some(Request::Casualties {
                query: join_query(&self.place).or_else(|| query.clone()),
                side: one_party.or_else(|| side.clone()),
                status: match (self.statuses.as_slice(), self.has_casualty_word) {
                    ([one], _) => Some(*one),
                    (_, true) => None,
                    _ => *status,
                },
                explain: *explain,
            }),
            Request::Statement {
                party,
                topic,
                speaker,
                explain,
            } => Some(Request::Statement {
                // Another party's statements are its own speakers'.
                speaker: speaker.clone().filter(|_| one_party.is_none()),
                party: one_party.unwrap_or_else(|| party.clone()),
                topic: join_query(&self.topic).or_else(|| topic.clone()),
                explain: *explain,
            }),
            Request::Search { query } => Some(Request::Search {
                query: self.swap_party(query, one_party?, gazetteer)?,
            }),
            Request::Timeline { query } => Some(Request::Timeline {
                query: Some(self.swap_party(query.as_deref()?, one_party?, gazetteer)?),
            }),
            Request::Help | Request::Sources => None,
        }
    }

    /// "passages about Russia peacekeepers" + "and Armenia?" -> "Armenia peacekeepers";
    /// None when the reply says more than a party or the query names none.
    fn swap_party(&self, query: &str, party: String, gazetteer: &Gazetteer) -> Option<String> {
        if !self.topic.is_empty() {
            return None;
        }
        let party = gazetteer.get(&party)?;
        let words = words(query);
        let named = mentions(&words, gazetteer);
        let first = named.first()?;
        let name = Word {
            raw: party.name.clone(),
            lex: normalize_word(&party.name),
        };
        let swapped = words.iter().enumerate().filter_map(|(i, w)| {
            if i == first.span.start {
                Some(&name)
            } else if named.iter().any(|m| m.span.contains(&i)) {
                None
            } else {
                Some(w)
            }
        });
        join_query(&query_words(swapped))
    }
}
