//! A question as words and party mentions: cutting the text into words (normalised,
//! with question words of other languages and misspelt trigger words read as the ones
//! the rules know), finding the parties it names by the gazetteer, and turning words
//! back into a query that holds nothing the query parser could read as syntax.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon::{QUESTION_WORD_FORMS, SPEECH_WORDS, casualty_status, correct_typo, is_stop};
use super::{MAX_QUERY_CHARS, MAX_QUESTION_CHARS, MAX_WORD_CHARS, MAX_WORDS};
use crate::extract::knowledge::NameKind;
use crate::extract::{Gazetteer, Status};
use crate::extract::{normalize_word, strip_possessive};

#[derive(Debug, Clone)]
pub(super) struct Word {
    /// As typed, outer punctuation trimmed ("Baku’s", "U.S.").
    pub(super) raw: String,
    /// Normalised, with a misspelt trigger word corrected: what the rules compare.
    pub(super) lex: String,
}

impl Word {
    pub(super) fn is(&self, list: &[&str]) -> bool {
        list.contains(&self.lex.as_str())
    }
    pub(super) fn status(&self) -> Option<Option<Status>> {
        casualty_status(&self.lex)
    }
    pub(super) fn is_speech(&self) -> bool {
        self.is(SPEECH_WORDS)
    }
}

/// Characters that always separate words; `.`, `'` and `-` may sit inside one ("U.S.",
/// "Baku's", "cease-fire").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '‘' | '-'))
}

pub(super) fn words(question: &str) -> Vec<Word> {
    let question: String = question.chars().take(MAX_QUESTION_CHARS).collect();
    let mut words: Vec<Word> = question
        .split(is_separator)
        .filter_map(trim_word)
        .take(MAX_WORDS)
        .flat_map(|raw| {
            let norm = normalize_word(&raw);
            if let Some((_, english)) = QUESTION_WORD_FORMS.iter().find(|(form, _)| *form == norm) {
                return english
                    .split(' ')
                    .map(|lex| Word {
                        raw: raw.clone(),
                        lex: lex.to_string(),
                    })
                    .collect();
            }
            let lex = correct_typo(&norm).map_or(norm, str::to_string);
            vec![Word { raw, lex }]
        })
        .collect();
    read_phrases(&mut words);
    words
}

/// Words whose sense depends on the next ones: "what did Peskov tell reporters" is about
/// saying, "tell me" is not; the "war" of "prisoners of war" narrows nothing.
fn read_phrases(words: &mut [Word]) {
    for i in 0..words.len() {
        let next = |k: usize| words.get(i + k).map_or("", |w| w.lex.as_str());
        let lex = match words[i].lex.as_str() {
            "tell" | "tells" if !matches!(next(1), "me" | "us") => "says",
            "war"
                if i >= 2
                    && words[i - 1].lex == "of"
                    && words[i - 2].is(&["prisoners", "prisoner"]) =>
            {
                "prisoners"
            }
            _ => continue,
        };
        words[i].lex = lex.to_string();
    }
}

/// Drops punctuation around a word, keeping the final dot of an abbreviation ("U.S.").
fn trim_word(piece: &str) -> Option<String> {
    let start = piece.find(char::is_alphanumeric)?;
    let (end, last) = piece.char_indices().rfind(|(_, c)| c.is_alphanumeric())?;
    let core = piece.get(start..end + last.len_utf8())?;
    let abbreviation = core.contains('.') && piece[end + last.len_utf8()..].starts_with('.');
    Some(if abbreviation {
        format!("{core}.")
    } else {
        core.to_string()
    })
}

/// The words a query is made of: alphanumeric runs of the content words, deduplicated,
/// so that nothing in it reads as query syntax (quotes, `field:`, `+`, `-`, AND / OR).
pub(super) fn query_words<'a>(words: impl Iterator<Item = &'a Word>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for word in words.filter(|w| !is_stop(&w.lex)) {
        for part in strip_possessive(&word.raw).split(|c: char| !c.is_alphanumeric()) {
            let chars = part.chars().count();
            let letter_alone = chars == 1 && !part.chars().all(|c| c.is_ascii_digit());
            if part.is_empty() || chars > MAX_WORD_CHARS || letter_alone {
                continue;
            }
            let key = part.to_lowercase();
            if !is_stop(&key) && seen.insert(key) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Joins query words, as many as fit in an option's length.
pub(super) fn join_query(words: &[String]) -> Option<String> {
    let mut query = String::new();
    for word in words {
        let needed = word.chars().count() + usize::from(!query.is_empty());
        if query.chars().count() + needed > MAX_QUERY_CHARS {
            break;
        }
        if !query.is_empty() {
            query.push(' ');
        }
        query.push_str(word);
    }
    (!query.is_empty()).then_some(query)
}

/// A party named in the question: which words, and which party.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) span: Range<usize>,
    pub(super) party: String,
    pub(super) kind: NameKind,
}

/// The parties a question names, by the gazetteer's aliases and then by a near miss of
/// a one-word alias ("Azerbaijn").
pub(super) fn mentions(words: &[Word], gazetteer: &Gazetteer) -> Vec<Mention> {
    let raws: Vec<&str> = words.iter().map(|w| w.raw.as_str()).collect();
    // In a question typed in capitals, "WHO" and "US" are words, not parties.
    let shouting = !raws.iter().any(|w| w.chars().any(char::is_lowercase));
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let ordinary = is_stop(&word.lex) || word.status().is_some() || word.is_speech();
        let named = |words: &[&str], at: usize| {
            let found = gazetteer.match_at(words, at, None, true)?;
            Some((
                found.len,
                gazetteer.party(found.party)?.id.clone(),
                found.kind,
            ))
        };
        let matched = if shouting && ordinary {
            None
        } else {
            named(&raws, i).or_else(|| {
                // "the us", "the un": a short name typed in lower case, known by "the".
                let after_the = i > 0 && words[i - 1].lex == "the";
                let short =
                    word.raw.chars().count() <= 3 && word.raw.chars().all(char::is_lowercase);
                (after_the && short)
                    .then(|| named(&[word.raw.to_uppercase().as_str()], 0))
                    .flatten()
                    .map(|(_, party, kind)| (1, party, kind))
            })
        };
        let matched = matched.or_else(|| {
            (!ordinary)
                .then(|| near_alias(&word.lex, gazetteer))
                .flatten()
                .map(|(len, party)| (len, party, NameKind::Name))
        });
        match matched {
            Some((len, party, kind)) => {
                let len = len.max(1);
                found.push(Mention {
                    span: i..i + len,
                    party,
                    kind,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

fn near_alias(norm: &str, gazetteer: &Gazetteer) -> Option<(usize, String)> {
    let length = norm.chars().count();
    if length < 6 {
        return None;
    }
    let first = norm.chars().next()?;
    // An alias in plain ASCII normalises to its lower case, letter for letter: one that
    // starts with another letter, or is too short or too long to lie one edit away, is
    // passed over without normalising it (thousands of aliases, for each word asked).
    let may_be_near = |alias: &str| {
        match alias.chars().next() {
            Some(c) if c.is_ascii() && c.to_ascii_lowercase() != first => return false,
            None => return false,
            Some(_) => {}
        }
        let bare = strip_possessive(alias);
        !bare.is_ascii() || (bare.len() >= 6 && bare.len().abs_diff(length) <= 1)
    };
    gazetteer.parties().iter().find_map(|party| {
        party
            .aliases
            .iter()
            .filter(|a| may_be_near(a) && !a.contains(char::is_whitespace))
            .map(|a| normalize_word(a))
            .filter(|a| a.chars().count() >= 6 && a.starts_with(first))
            .any(|a| strsim::osa_distance(norm, &a) == 1)
            .then(|| (1, party.id.clone()))
    })
}
