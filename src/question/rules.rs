//! The rules that read a question as a request, in the order that is the policy: help
//! and sources, the timeline, the casualty ledger, passages, statements, and search for
//! whatever is left. Each rule looks at the question's words and the parties it names,
//! and each kind of request gathers the words that narrow it.

use std::ops::Range;

use super::INCIDENT_WORDS;
use super::lexicon::{
    CASUALTY_FILLER, DATE_FILLER, HAPPENED, INSTITUTION_WORDS, MONTHS, OFFICE_WORDS, PERSON_WORDS,
    PLACE_WORDS, QUESTION_OPENERS, STATEMENT_FILLER, TIMELINE_WORDS, WEEKDAYS, is_question_word,
};
use super::words::{Mention, Word, join_query, mentions, query_words, words};
use crate::extract::knowledge::NameKind;
use crate::extract::{Gazetteer, Status};
use crate::request::Request;

pub(super) struct Question {
    pub(super) words: Vec<Word>,
    pub(super) mentions: Vec<Mention>,
}

impl Question {
    pub(super) fn new(text: &str, gazetteer: &Gazetteer) -> Self {
        let words = words(text);
        let mentions = mentions(&words, gazetteer);
        Self { words, mentions }
    }

    pub(super) fn request(&self) -> Request {
        if let Some(request) = self.help_or_sources() {
            return request;
        }
        let asks = self.first_question_word();
        if self.names(TIMELINE_WORDS) {
            return self.timeline();
        }
        if asks == Some("where") && self.content().is_empty() {
            return self.search_for_places();
        }
        if asks == Some("when") || self.asks_for_a_date() {
            return self.timeline();
        }
        if self.asks_what_happened() {
            // "what happened in Manila": the passages about it, dated or not.
            return self.search();
        }
        if self.asks_how_many_people() {
            return self.casualties();
        }
        if asks == Some("who") && !self.asks_who_was_hit() {
            return self.search();
        }
        if let Some(statement) = self.statement() {
            return statement;
        }
        if self.words.iter().any(|w| w.status().is_some()) {
            return self.casualties();
        }
        self.search()
    }

    pub(super) fn lex(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lex.as_str())
    }

    fn first_question_word(&self) -> Option<&str> {
        self.words
            .iter()
            .map(|w| w.lex.as_str())
            .find(|w| is_question_word(w))
    }

    /// "what date ...", "which day ...", and "what happened" on a date or about nothing
    /// in particular ("what happened on March 5?", "what happened?").
    fn asks_for_a_date(&self) -> bool {
        (0..self.words.len()).any(|i| {
            (matches!(self.lex(i), "what" | "which") && DATE_FILLER.contains(&self.lex(i + 1)))
                || (self.lex(i) == "what"
                    && HAPPENED.contains(&self.lex(i + 1))
                    && (self.names_a_date() || self.content().is_empty()))
        })
    }

    /// "what happened in Lachin": what happened, about something that is not a date.
    fn asks_what_happened(&self) -> bool {
        (0..self.words.len()).any(|i| self.lex(i) == "what" && HAPPENED.contains(&self.lex(i + 1)))
    }

    /// Whether the question names a day, month or year.
    fn names_a_date(&self) -> bool {
        self.words.iter().any(|w| {
            MONTHS.contains(&w.lex.as_str())
                || WEEKDAYS.contains(&w.lex.as_str())
                || matches!(w.lex.as_str(), "yesterday" | "today" | "weekend")
                || (w.lex.len() == 4 && w.lex.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// The question's content words, for search.
    fn content(&self) -> Vec<String> {
        query_words(self.words.iter())
    }

    /// Whether a word of `list` is in the question.
    fn names(&self, list: &[&str]) -> bool {
        self.words.iter().any(|w| w.is(list))
    }

    pub(super) fn in_mention(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.span.contains(&i))
    }

    /// "how many soldiers ...", "how many Armenians died", "how many were killed":
    /// "how many" about people, not settlements.
    fn asks_how_many_people(&self) -> bool {
        let Some(start) = (0..self.words.len())
            .find(|&i| self.lex(i) == "how" && matches!(self.lex(i + 1), "many" | "much"))
        else {
            return false;
        };
        let next = (start + 2..self.words.len()).find(|&i| !self.in_mention(i));
        let Some(next) = next else {
            return true;
        };
        let word = &self.words[next];
        word.is(PERSON_WORDS)
            || word.status().is_some()
            || word.is(QUESTION_OPENERS)
            || word.is(&["lost", "lose"])
    }

    /// "who was killed?", "who were the wounded?": a casualty question, not a search.
    fn asks_who_was_hit(&self) -> bool {
        let Some(who) = self.words.iter().position(|w| w.lex == "who") else {
            return false;
        };
        let auxiliary = matches!(self.lex(who + 1), "was" | "were" | "got" | "is" | "are")
            || (matches!(self.lex(who + 1), "has" | "have") && self.lex(who + 2) == "been");
        auxiliary
            && self.words[who + 1..]
                .iter()
                .take(4)
                .any(|w| w.status().is_some())
    }

    /// Narrows nothing to the speaker or side: the institution words around a party
    /// ("the Defense Ministry of Azerbaijan", "Azerbaijan's Foreign Ministry").
    fn with_institution(&self, span: &Range<usize>) -> Range<usize> {
        let is_inst = |i: usize| self.words[i].is(INSTITUTION_WORDS);
        let mut start = span.start;
        while start > 0 && (is_inst(start - 1) || matches!(self.lex(start - 1), "of" | "the")) {
            start -= 1;
        }
        while start < span.start && !is_inst(start) {
            start += 1;
        }
        let mut end = span.end;
        while end < self.words.len() && is_inst(end) {
            end += 1;
        }
        start..end
    }

    /// "what did X say (about T)", "X's position (on T)", "did X deny ...", "X statement".
    fn statement(&self) -> Option<Request> {
        let trigger = self.words.iter().position(Word::is_speech)?;
        let speaker = self
            .mentions
            .iter()
            .find(|m| m.span.end <= trigger)
            .or_else(|| self.mentions.iter().find(|m| m.span.start > trigger))?;
        let speaker_words = self.with_institution(&speaker.span);
        let topic = self
            .words
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                !speaker_words.contains(i) && !w.is_speech() && !w.is(STATEMENT_FILLER)
            })
            .map(|(_, w)| w);
        Some(Request::Statement {
            party: speaker.party.clone(),
            topic: join_query(&query_words(topic)),
            speaker: self.speaker_hint(speaker, &speaker_words),
            explain: false,
        })
    }

    /// Who of a party the question asks about: a person it names ("Rafsanjani"), or the
    /// office around the party's name ("the Russian Foreign Ministry", "Azerbaijan's
    /// president"). None for the party as a whole.
    fn speaker_hint(&self, mention: &Mention, around: &Range<usize>) -> Option<String> {
        let chosen: Vec<&Word> = if mention.kind == NameKind::Person {
            self.words[mention.span.clone()].iter().collect()
        } else {
            around
                .clone()
                .map(|i| &self.words[i])
                .filter(|w| w.is(OFFICE_WORDS))
                .collect()
        };
        join_query(&query_words(chosen.into_iter()))
    }

    /// A party that gives a figure or inflicts the harm, not the side that suffered it:
    /// "according to Russia", "killed by Azerbaijani forces", "did Armenia say".
    fn is_source_or_agent(&self, mention: &Mention) -> bool {
        let start = mention.span.start;
        let before = |back: usize| start.checked_sub(back).map_or("", |i| self.lex(i));
        let after = self.with_institution(&mention.span).end;
        matches!(before(1), "by" | "from" | "to")
            || (before(1) == "the" && matches!(before(2), "by" | "from" | "to"))
            || self.words.get(after).is_some_and(Word::is_speech)
    }

    fn casualties(&self) -> Request {
        let mut sides: Vec<&str> = Vec::new();
        for mention in self.mentions.iter().filter(|m| !self.is_source_or_agent(m)) {
            if !sides.contains(&mention.party.as_str()) {
                sides.push(&mention.party);
            }
        }
        let said_about: Vec<Range<usize>> = self
            .mentions
            .iter()
            .map(|m| self.with_institution(&m.span))
            .collect();
        let mut statuses: Vec<Status> = Vec::new();
        for status in self.words.iter().filter_map(|w| w.status().flatten()) {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        let narrowing = self.words.iter().enumerate().filter(|(i, w)| {
            !said_about.iter().any(|span| span.contains(i))
                && w.status().is_none()
                && !w.is_speech()
                && !w.is(PERSON_WORDS)
                && !w.is(CASUALTY_FILLER)
        });
        Request::Casualties {
            query: join_query(&query_words(narrowing.map(|(_, w)| w))),
            side: match sides.as_slice() {
                [one] => Some((*one).to_string()),
                _ => None,
            },
            status: match statuses.as_slice() {
                [one] => Some(*one),
                _ => None,
            },
            explain: false,
        }
    }

    fn timeline(&self) -> Request {
        let words = self
            .words
            .iter()
            .filter(|w| !w.is(DATE_FILLER) && !w.is(TIMELINE_WORDS));
        Request::Timeline {
            query: join_query(&query_words(words)),
        }
    }

    /// The passages for the question's content words. A question with none ("who did
    /// it?", "why?") is still a question: it gets the story's dated events, never /help.
    fn search(&self) -> Request {
        match join_query(&query_words(self.words.iter())) {
            Some(query) => Request::Search { query },
            None if self.first_question_word().is_some() => Request::Timeline { query: None },
            None => Request::Help,
        }
    }

    /// "where did it happen?": the passages that place an incident.
    fn search_for_places(&self) -> Request {
        let words: Vec<String> = PLACE_WORDS
            .iter()
            .chain(INCIDENT_WORDS)
            .map(|w| w.to_string())
            .collect();
        Request::Search {
            query: join_query(&words).unwrap_or_default(),
        }
    }

    /// "help", "what can you do?", "what sources do you have?": questions about the bot.
    fn help_or_sources(&self) -> Option<Request> {
        const ABOUT_SOURCES: &[&str] = &[
            "sources",
            "source",
            "articles",
            "article",
            "documents",
            "indexed",
            "outlets",
            "list",
        ];
        const ABOUT_HELP: &[&str] = &["help", "commands", "command", "usage", "use", "work"];
        let content = query_words(self.words.iter());
        let all_in = |list: &[&str]| {
            !content.is_empty()
                && content
                    .iter()
                    .all(|w| list.contains(&w.to_lowercase().as_str()))
        };
        // "what can you do?", "who are you?": about the bot, in words of no content.
        let to_the_bot = content.is_empty() && self.words.iter().any(|w| w.is(&["you", "your"]));
        if all_in(ABOUT_SOURCES) {
            Some(Request::Sources)
        } else if all_in(ABOUT_HELP) || self.words.is_empty() || to_the_bot {
            Some(Request::Help)
        } else {
            None
        }
    }
}
