//! The gazetteer: which parties exist, what they and their people, places, institutions
//! and news agencies are called, and how a name in the text or in a user's command turns
//! into a party id.
//!
//! Knowledge is data, not code. The country part (names, official names, demonyms,
//! capitals) and the places (cities, states, provinces) are generated from public datasets
//! by `tools/gen_places.py` into `countries.tsv` and `places.tsv`; `parties.toml` holds
//! what no dataset gives (armed groups, de facto authorities, international bodies, states
//! that no longer exist, the people and media that speak for a party); and bot.toml's
//! `[parties.<id>]` tables add to both at run time.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

pub use crate::error::extract::PartyError;

use super::tokens::{Token, normalize_word, strip_possessive};

mod tables;
pub(crate) use tables::*;

const COUNTRIES: &str = include_str!("countries.tsv");

const PLACES: &str = include_str!("places.tsv");

const PARTIES: &str = include_str!("parties.toml");

/// A `[parties.<id>]` table of bot.toml.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartyConfig {
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What kind of actor a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A state (or one that was: West Germany).
    State,
    /// A breakaway administration: its own party, never the state it broke from.
    Defacto,
    /// An armed group or movement.
    Group,
    /// An international body.
    Intl,
}

/// A side in a conflict, or an institution that speaks about one.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Adjectives and plurals for its people, the adjective first: "Azerbaijani".
    pub demonyms: Vec<String>,
    pub kind: PartyKind,
    /// For a group or de facto authority: the state it holds or fights in.
    pub country: Option<String>,
    /// When its names mean it: "Moscow" is the Soviet Union's until 1991.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// States whose places were this party's in its era.
    pub successors: Vec<String>,
}

impl Party {
    fn current_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else {
            return self.until.is_none();
        };
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date < u)
    }
}

/// What kind of name a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The party's name or an acronym.
    Name,
    /// An institution that speaks for it but is no place: "the Pentagon", "IDF".
    Institution,
    /// An adjective or plural for its people: "Libyan", "Iranians".
    Demonym,
    /// Its capital, which the news uses for its government: "Baghdad said".
    Capital,
    /// A person who speaks for it.
    Person,
    /// A news agency, radio or television that speaks for it.
    Media,
    /// A city, state or province in it.
    Place,
}

/// One name as a sequence of normalised words, for matching running text.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    /// How the text must be written: exactly (short capitals: "US"), or capitalised.
    case: Case,
    party: usize,
    kind: NameKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Exact,
    /// Capitals inside the word, as written ("LeT"): the plain word "Let" is no match.
    Mixed,
    Capital,
    Any,
}

/// A name found in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// How many words it spans.
    pub len: usize,
    pub party: usize,
    pub kind: NameKind,
}

/// A place found in running text, with the states it may lie in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    pub len: usize,
    /// Party indexes; more than one when the name is shared ("Punjab").
    pub parties: Vec<usize>,
}

#[derive(Debug, Clone)]
struct PlacePhrase {
    words: Vec<String>,
    parties: Vec<usize>,
}

/// A party's hold on a place for a time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holding {
    pub(crate) party: usize,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
}

/// The known parties and indexes over their names.
#[derive(Debug)]
pub struct Gazetteer {
    parties: Vec<Party>,
    /// Normalised id, name or alias -> party index, for whole-name look-ups.
    names: FxHashMap<String, usize>,
    /// First normalised word -> phrases starting with it, longest first.
    phrases: FxHashMap<String, Vec<Phrase>>,
    /// Cities and regions, read on first use: only the extractor needs them.
    places: OnceLock<FxHashMap<String, Vec<PlacePhrase>>>,
    /// Configured place names: (name, party id).
    extra_places: Vec<(String, String)>,
    /// Places held for a time by a party other than their state.
    held: FxHashMap<String, Vec<Holding>>,
    /// The parties with successors (a few past states), in order: the only ones
    /// `in_era` can answer with.
    with_successors: Vec<usize>,
}

impl Clone for Gazetteer {
    fn clone(&self) -> Self {
        let places = OnceLock::new();
        if let Some(p) = self.places.get() {
            let _ = places.set(p.clone());
        }
        Self {
            parties: self.parties.clone(),
            names: self.names.clone(),
            phrases: self.phrases.clone(),
            places,
            extra_places: self.extra_places.clone(),
            held: self.held.clone(),
            with_successors: self.with_successors.clone(),
        }
    }
}

impl Gazetteer {
    /// The parties the bot knows out of the box.
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let (parties, names) = builtin_parties();
                Self::build(parties, names, Vec::new())
            })
            .clone()
    }

    /// Config adds to or overrides the default: a new id adds a party (name required, else
    /// Err naming the id); an existing id gets its name replaced if given and the aliases
    /// added. Ids must be lower-case `[a-z0-9_-]+`, else Err.
    pub fn with_config(configs: &BTreeMap<String, PartyConfig>) -> Result<Self, PartyError> {
        if configs.is_empty() {
            return Ok(Self::builtin());
        }
        let (mut parties, mut names) = builtin_parties();
        for (id, config) in configs {
            if !valid_id(id) {
                return Err(PartyError::BadId(id.clone()));
            }
            if config.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                return Err(PartyError::EmptyName(id.clone()));
            }
            let aliases: Vec<String> = config
                .aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            let index = match parties.iter().position(|p| p.id == *id) {
                Some(index) => {
                    if let Some(name) = &config.name {
                        parties[index].name.clone_from(name);
                    }
                    index
                }
                None => {
                    let Some(name) = &config.name else {
                        return Err(PartyError::NewWithoutName(id.clone()));
                    };
                    parties.push(Party {
                        id: id.clone(),
                        name: name.clone(),
                        aliases: Vec::new(),
                        demonyms: Vec::new(),
                        kind: PartyKind::State,
                        country: None,
                        from: None,
                        until: None,
                        successors: Vec::new(),
                    });
                    names.push(Names {
                        names: vec![name.clone()],
                        ..Names::default()
                    });
                    parties.len() - 1
                }
            };
            names[index].names.extend(aliases);
        }
        Ok(Self::build(parties, names, Vec::new()))
    }

    fn build(
        mut parties: Vec<Party>,
        names: Vec<Names>,
        extra_places: Vec<(String, String)>,
    ) -> Self {
        let mut index_names = FxHashMap::default();
        let mut phrases: FxHashMap<String, Vec<Phrase>> = FxHashMap::default();
        for (index, party) in parties.iter_mut().enumerate() {
            index_names.insert(normalize_phrase(&party.id), index);
            index_names
                .entry(normalize_phrase(&party.name))
                .or_insert(index);
            let Some(names) = names.get(index) else {
                continue;
            };
            let kinds = [
                (&names.names, NameKind::Name),
                (&names.institutions, NameKind::Institution),
                (&names.demonyms, NameKind::Demonym),
                (&names.capitals, NameKind::Capital),
                (&names.people, NameKind::Person),
                (&names.media, NameKind::Media),
                (&names.places, NameKind::Place),
            ];
            for (list, kind) in kinds {
                for alias in list {
                    // A current party keeps a name over one that no longer exists.
                    let key = normalize_phrase(alias);
                    let replace = index_names
                        .get(&key)
                        .is_none_or(|&other: &usize| other == index || party.until.is_none());
                    if replace && kind != NameKind::Person {
                        index_names.insert(key, index);
                    }
                    add_phrase(&mut phrases, alias, index, kind);
                    if !party.aliases.contains(alias) {
                        party.aliases.push(alias.clone());
                    }
                    if kind == NameKind::Demonym && !party.demonyms.contains(alias) {
                        party.demonyms.push(alias.clone());
                    }
                }
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        let held = tables::builtin_held(&parties);
        let with_successors = (0..parties.len())
            .filter(|&i| !parties[i].successors.is_empty())
            .collect();
        Self {
            parties,
            names: index_names,
            phrases,
            places: OnceLock::new(),
            extra_places,
            held,
            with_successors,
        }
    }

    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    pub fn get(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    pub fn party(&self, index: usize) -> Option<&Party> {
        self.parties.get(index)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    /// Who other than its state held the place named by these words, and when.
    fn holdings(&self, words: &[Token<'_>]) -> Option<&Vec<Holding>> {
        // One word, as most places are, needs no key built.
        match words {
            [one] => self.held.get(one.norm.as_str()),
            _ => {
                let key: Vec<&str> = words.iter().map(|t| t.norm.as_str()).collect();
                self.held.get(&key.join(" "))
            }
        }
    }

    /// Whether some party other than its state held the place at some time: with no
    /// date, whose ground it was cannot be told.
    pub(crate) fn ever_held(&self, words: &[Token<'_>]) -> bool {
        self.holdings(words).is_some()
    }

    /// The party that held the place named by these words on `date`, when one other
    /// than its state did ("Lysychansk" in 2024: the Luhansk People's Republic's). An
    /// undated text names no holder.
    pub(crate) fn holder(&self, words: &[Token<'_>], date: Option<NaiveDate>) -> Option<usize> {
        let date = date?;
        self.holdings(words)?.iter().find_map(|h| {
            (h.from.is_none_or(|f| date >= f) && h.until.is_none_or(|u| date < u))
                .then_some(h.party)
        })
    }

    /// The party a place of `party` belonged to on `date`: a city of today's Russia was the
    /// Soviet Union's in 1987.
    pub(crate) fn in_era(&self, party: usize, date: Option<NaiveDate>) -> usize {
        let Some(date) = date else { return party };
        let Some(id) = self.parties.get(party).map(|p| p.id.as_str()) else {
            return party;
        };
        self.with_successors
            .iter()
            .copied()
            .find(|&i| {
                self.parties[i].successors.iter().any(|s| s == id)
                    && self.parties[i].current_on(Some(date))
            })
            .unwrap_or(party)
    }

    /// An id or any alias, any case, diacritics-insensitive ("baku", "BAKU", "Azərbaycan"
    /// -> azerbaijan). A longer phrase that contains a name ("Azerbaijani Defense
    /// Ministry") resolves to the party of its first name. A composed id such as
    /// `philippines-rebels` (a country's unnamed rebels) resolves to itself.
    pub fn resolve(&self, name: &str) -> Option<&Party> {
        let key = normalize_phrase(name);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        if let Some(&index) = self.names.get(key) {
            return self.parties.get(index);
        }
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len()).find_map(|i| {
            self.match_words(&words, i)
                .and_then(|(_, party)| Some(party).filter(|p| p.until.is_none()))
                .or_else(|| self.match_words(&words, i).map(|(_, p)| p))
        })
    }

    /// Up to `n` closest known parties for an unknown input, by edit distance to ids,
    /// names and aliases, prefixes first; for "did you mean".
    pub fn closest(&self, name: &str, n: usize) -> Vec<&Party> {
        let input = normalize_phrase(name);
        if input.is_empty() {
            return Vec::new();
        }
        let limit = (input.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, usize)> = self
            .parties
            .iter()
            .enumerate()
            .filter_map(|(index, party)| {
                let candidates = std::iter::once(&party.id)
                    .chain(std::iter::once(&party.name))
                    .chain(party.aliases.iter());
                let best = candidates
                    .map(|c| distance(&input, &normalize_phrase(c)))
                    .min()?;
                (best <= limit).then_some((best, index))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(n)
            .filter_map(|(_, i)| self.parties.get(i))
            .collect()
    }

    /// The longest name starting at `words[i]`, in any era: how many words it spans and its
    /// party. `words` are tokens as written. A hyphenated word is also read as its parts
    /// when no name spells it whole.
    pub(crate) fn match_words(&self, words: &[&str], i: usize) -> Option<(usize, &Party)> {
        let found = self.match_at(words, i, None, true)?;
        Some((found.len, self.parties.get(found.party)?))
    }

    /// The longest name at `words[i]` that means a party on `date` (None: today).
    /// `any_era` lifts the date check (for commands, which name parties of any time).
    pub(crate) fn match_at(
        &self,
        words: &[&str],
        i: usize,
        date: Option<NaiveDate>,
        any_era: bool,
    ) -> Option<NameMatch> {
        let word = words.get(i)?;
        let whole = self.match_plain(words, i, date, any_era);
        if whole.is_some() || !word.contains(['-', '‑']) {
            return whole;
        }
        let parts: Vec<&str> = word.split(['-', '‑']).filter(|p| !p.is_empty()).collect();
        let rest = words.get(i + 1..(i + 4).min(words.len())).unwrap_or(&[]);
        let joined: Vec<&str> = parts.iter().chain(rest).copied().collect();
        let found = self.match_plain(&joined, 0, date, any_era)?;
        // The name spans some parts (the word counts once) and maybe words after it.
        Some(NameMatch {
            len: 1 + found.len.saturating_sub(parts.len()),
            ..found
        })
    }

    fn match_plain(
        &self,
        words: &[&str],
        i: usize,
        date: Option<NaiveDate>,
        any_era: bool,
    ) -> Option<NameMatch> {
        let first = normalize_word(words.get(i)?);
        let candidates = self.phrases.get(&first)?;
        let fits = |p: &&Phrase| {
            phrase_matches(p, words, i)
                && (any_era
                    || self
                        .parties
                        .get(p.party)
                        .is_some_and(|party| party.current_on(date)))
        };
        // A command names parties, not places: "the Karabakh clash" is a topic.
        let phrase = candidates
            .iter()
            .filter(|p| p.kind != NameKind::Place)
            .find(fits)?;
        Some(NameMatch {
            len: phrase.words.len(),
            party: phrase.party,
            kind: phrase.kind,
        })
    }

    /// The longest name at token `i` that means a party on `date` (None: today), read from
    /// the tokens' normalised forms; a hyphenated token is also read as its parts
    /// ("ethnic-Armenian", "Iranian-backed").
    #[cfg(test)]
    pub(crate) fn match_tokens(
        &self,
        toks: &[Token<'_>],
        i: usize,
        date: Option<NaiveDate>,
    ) -> Option<NameMatch> {
        self.match_tokens_case(toks, i, date, false)
    }

    /// As `match_tokens`; `any_case` reads text written all in lower case, where a name
    /// has lost its capital ("israeli army says").
    pub(crate) fn match_tokens_case(
        &self,
        toks: &[Token<'_>],
        i: usize,
        date: Option<NaiveDate>,
        any_case: bool,
    ) -> Option<NameMatch> {
        let tok = toks.get(i)?;
        if let Some(found) = self.match_normed(toks, i, date, any_case) {
            return Some(found);
        }
        // Asked of most tokens, which hold neither hyphen: a byte test rules them out with no
        // decoding ('‑' is the bytes E2 80 91).
        if !tok.text.bytes().any(|b| b == b'-' || b == 0xE2) || !tok.text.contains(['-', '‑']) {
            return None;
        }
        let words: Vec<&str> = tok
            .text
            .split(['-', '‑'])
            .filter(|p| !p.is_empty())
            .chain(
                toks.get(i + 1..(i + 4).min(toks.len()))
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.text),
            )
            .collect();
        let parts = words.len()
            - toks
                .get(i + 1..(i + 4).min(toks.len()))
                .map_or(0, <[_]>::len);
        // "Twelve-year-old": a number is no name ("the Twelve" of the 1980s' EC).
        if words
            .first()
            .is_some_and(|w| super::numbers::token_value(&w.to_lowercase()).is_some())
        {
            return None;
        }
        // A name in the first part only: "Iranian-backed", "Moscow-brokered".
        let found = self.match_plain(&words, 0, date, false)?;
        Some(NameMatch {
            len: 1 + found.len.saturating_sub(parts),
            ..found
        })
    }

    fn match_normed(
        &self,
        toks: &[Token<'_>],
        i: usize,
        date: Option<NaiveDate>,
        any_case: bool,
    ) -> Option<NameMatch> {
        let first = &toks.get(i)?.norm;
        let candidates = self.phrases.get(first.as_str())?;
        let written = |p: &&Phrase| {
            let Some(slice) = toks.get(i..i + p.words.len()) else {
                return false;
            };
            slice.iter().zip(&p.words).all(|(t, w)| t.norm == *w)
                && (case_fits(p.case, slice.first().map_or("", |t| t.text))
                    || any_case && p.case == Case::Capital)
        };
        let current = |p: &&Phrase| {
            self.parties
                .get(p.party)
                .is_some_and(|party| party.current_on(date))
        };
        // An undated text means today's party where one holds the name ("Moscow"), and
        // else the party that held it ("Artsakh", "NKR"): it is no less that name.
        // Only an authority or group that ended with no state after it: a past state's
        // names ("Aden" of South Yemen) belong to the state that holds them now.
        let past = |p: &&Phrase| {
            self.parties
                .get(p.party)
                .is_some_and(|party| party.kind != PartyKind::State)
        };
        let phrase = candidates
            .iter()
            .find(|p| written(p) && current(p))
            .or_else(|| {
                date.is_none()
                    .then(|| candidates.iter().find(|p| written(p) && past(p)))
                    .flatten()
            })?;
        Some(NameMatch {
            len: phrase.words.len(),
            party: phrase.party,
            kind: phrase.kind,
        })
    }

    /// The longest city or region at token `i`, with the states it may lie in.
    pub(crate) fn place_tokens(&self, toks: &[Token<'_>], i: usize) -> Option<PlaceMatch> {
        let first = &toks.get(i)?.norm;
        let places = self.places.get_or_init(|| self.load_places());
        let candidates = places.get(first.as_str())?;
        // "Cagayan de Oro", "Rio de Janeiro": a particle inside a name stays lower case.
        let particle = |t: &Token<'_>| {
            [
                "de", "del", "da", "do", "di", "du", "des", "dos", "das", "al", "el", "la", "le",
            ]
            .contains(&t.norm.as_str())
        };
        let phrase = candidates.iter().find(|p| {
            toks.get(i..i + p.words.len()).is_some_and(|slice| {
                slice.iter().zip(&p.words).enumerate().all(|(n, (t, w))| {
                    t.norm == *w && (capitalised(t.text) || n > 0 && particle(t))
                })
            })
        })?;
        Some(PlaceMatch {
            len: phrase.words.len(),
            parties: phrase.parties.clone(),
        })
    }

    fn load_places(&self) -> FxHashMap<String, Vec<PlacePhrase>> {
        let mut out: FxHashMap<String, Vec<PlacePhrase>> = FxHashMap::default();
        let by_id: HashMap<&str, usize> = self
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let rows = PLACES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut cols = line.split('\t');
                Some((cols.next()?.to_string(), cols.next()?.to_string()))
            })
            .chain(self.extra_places.iter().cloned());
        for (name, ids) in rows {
            let parties: Vec<usize> = ids
                .split(',')
                .filter_map(|id| by_id.get(id).copied())
                .collect();
            let words: Vec<String> = name.split_whitespace().map(normalize_word).collect();
            let (Some(first), false) = (words.first().cloned(), parties.is_empty()) else {
                continue;
            };
            out.entry(first)
                .or_default()
                .push(PlacePhrase { words, parties });
        }
        for list in out.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        out
    }
}

fn phrase_matches(phrase: &Phrase, words: &[&str], i: usize) -> bool {
    let Some(slice) = words.get(i..i + phrase.words.len()) else {
        return false;
    };
    let normal = slice
        .iter()
        .zip(&phrase.words)
        .all(|(w, p)| normalize_word(w) == *p);
    // Commands and questions are typed in any case; only short capitals ("US") must be.
    normal
        && (phrase.case != Case::Exact
            || case_fits(phrase.case, slice.first().copied().unwrap_or("")))
}

fn case_fits(case: Case, first: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Capital => capitalised(first),
        Case::Mixed => strip_possessive(first)
            .chars()
            .skip(1)
            .any(char::is_uppercase),
        Case::Exact => strip_possessive(first)
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase),
    }
}

fn capitalised(word: &str) -> bool {
    let particle = ["al-", "el-", "ad-", "as-", "an-", "d'", "de "]
        .iter()
        .find_map(|p| word.strip_prefix(p));
    particle
        .unwrap_or(word)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn add_phrase(
    phrases: &mut FxHashMap<String, Vec<Phrase>>,
    alias: &str,
    party: usize,
    kind: NameKind,
) {
    let words: Vec<String> = alias.split_whitespace().map(normalize_word).collect();
    let Some(first) = words.first().cloned() else {
        return;
    };
    let letters: String = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let case = if letters.chars().count() <= 4 && letters.chars().all(char::is_uppercase) {
        Case::Exact
    } else if words.len() == 1
        && letters.chars().count() <= 5
        && letters.chars().skip(1).any(char::is_uppercase)
    {
        Case::Mixed
    } else if alias.chars().next().is_some_and(char::is_uppercase) {
        Case::Capital
    } else {
        Case::Any
    };
    let list = phrases.entry(first).or_default();
    if list.iter().any(|p| p.words == words && p.party == party) {
        return;
    }
    list.push(Phrase {
        words,
        case,
        party,
        kind,
    });
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Edit distance, with a prefix of a known name counting as a near match.
fn distance(input: &str, candidate: &str) -> usize {
    if input.chars().count() >= 2 && candidate.starts_with(input) {
        return 1;
    }
    strsim::levenshtein(input, candidate)
}

pub(crate) fn normalize_phrase(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
