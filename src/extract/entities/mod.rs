//! Entities first: every name in a paragraph that points at a party (a state, its capital,
//! its people, a person, a news agency, a group, a city or province) is found before any
//! claim rule runs, and each noun phrase the later stages ask about (a speaker, the people
//! a figure counts) is resolved to a party with the words it came from.
//!
//! A phrase's party is its owner's: the party word that modifies its head ("Azerbaijan's
//! Defense Ministry", "Karabakh police"), or an "of"/"for" complement ("a spokesman for the
//! Iraqi military"). Words that only describe a sponsor or a stance ("U.S.-backed",
//! "pro-Iranian") and objects of other prepositions ("the envoy to Iraq") never are.

use std::ops::Range;

use chrono::NaiveDate;

use super::context::Context;
use super::knowledge::{Gazetteer, NameKind, PartyKind};
use super::lexicon::class;
use super::tokens::Token;

mod nonparty;
mod np;
mod offices;
mod outlets;
mod resolve;
pub(crate) use np::*;
pub use resolve::Voice;
pub(crate) use resolve::*;

/// How a mention names its party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Name,
    /// An institution: "the Pentagon", "IDF". It speaks, but it is no place.
    Institution,
    Demonym,
    Capital,
    Person,
    Media,
    /// A city or region: where something is, not who acts.
    Place,
}

/// A name in the paragraph that points at a party.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Token range.
    pub span: Range<usize>,
    /// Party indexes in the gazetteer: one, or several for a place whose name is shared.
    pub parties: Vec<usize>,
    pub kind: MentionKind,
    /// Names a sponsor or a stance, not an owner: "U.S.-backed", "pro-Iranian".
    pub stance: bool,
}

impl Mention {
    /// The one party, unless the name is shared by several.
    pub fn party(&self) -> Option<usize> {
        match self.parties[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// The mentions of one paragraph, with an index from token to mention.
pub(crate) struct Mentions {
    pub list: Vec<Mention>,
    at: Vec<Option<u32>>,
    /// Tokens of a dateline opening the paragraph ("BAKU, March 6 (Reuters) -"): where
    /// the story was filed, which says nothing of whose people were hit.
    pub dateline: usize,
    /// Cities' names this paragraph writes as a person's surname ("Abdifatah Aden").
    pub surnames: Vec<String>,
}

/// The dateline that opens a paragraph, if any: capitalised place names, a date, an
/// agency's name in brackets, then a dash ("BAKU, March 6 (Reuters) -") or a colon
/// ("BANGKOK:"); or a paragraph that is nothing but a place and a date ("BAKU, Azerbaijan,
/// Oct. 12"). Returns how many tokens it spans (0 for none).
pub(crate) fn dateline_len(toks: &[Token<'_>]) -> usize {
    let place_or_date = |t: &Token<'_>| {
        !t.word && (t.is_punct(',') || t.is_punct('/') || t.is_punct(')') || t.is_punct('.'))
            || t.word
                && (t.capitalized() || t.is_month() || t.norm.chars().all(|c| c.is_ascii_digit()))
    };
    // A paragraph of its own: a place and a date, no sentence.
    if !toks.is_empty()
        && toks.len() <= 10
        && toks.first().is_some_and(|t| t.word && t.capitalized())
        && toks.iter().all(place_or_date)
    {
        return toks.len();
    }
    // "BAKU, November 10. /TASS/.": a place in capitals, a date, the agency between
    // slashes.
    let capitals = |t: &Token<'_>| {
        t.word
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && t.text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    if toks.first().is_some_and(capitals)
        && let Some(month) = toks.iter().take(5).position(Token::is_month)
        && toks[..month].iter().all(|t| capitals(t) || t.is_punct(','))
        && let Some(stop) =
            (month + 1..(month + 4).min(toks.len())).find(|&k| toks[k].is_punct('.'))
    {
        let slash = |k: usize| toks.get(k).is_some_and(|t| t.is_punct('/'));
        if slash(stop + 1)
            && let Some(close) = (stop + 2..(stop + 6).min(toks.len())).find(|&k| slash(k))
        {
            let end = close + 1;
            return if toks.get(end).is_some_and(|t| t.is_punct('.')) {
                end + 1
            } else {
                end
            };
        }
        return stop + 1;
    }
    let Some(dash) = toks
        .iter()
        .take(16)
        .position(|t| !t.word && t.text.chars().all(|c| matches!(c, '-' | '—' | '–' | ':')))
    else {
        return 0;
    };
    let head = &toks[..dash];
    // A colon ends a dateline only after a place written in capitals or one or two names:
    // "BANGKOK:", "Bangkok :"; not "The ministry said:".
    if toks[dash].is_punct(':')
        && !(head.len() <= 3
            && head
                .iter()
                .all(|t| t.word && t.capitalized() && !t.has(class::INSTITUTION)))
    {
        return 0;
    }
    let mut bracket = false;
    // "ERBIL, Kurdistan Region of Iraq -": after a place in capitals, the region's name
    // may hold an "of", and the bylines an "and" ("ISTANBUL/BEIRUT, Ergin Hava and Weedah
    // Hamzah (dpa)-").
    let in_capitals = head.first().is_some_and(capitals);
    let fits = !head.is_empty()
        && head.first().is_some_and(|t| t.word && t.capitalized())
        && head.iter().all(|t| {
            if t.is_punct('(') {
                bracket = true;
            }
            let ok = bracket || place_or_date(t) || in_capitals && t.is_any(&["of", "the", "and"]);
            if t.is_punct(')') {
                bracket = false;
            }
            ok
        });
    // "Pakistan said 26 civilians were killed - a claim ...": a sentence, not a dateline.
    if fits { dash + 1 } else { 0 }
}

impl Mentions {
    /// Finds every mention in `toks`, in text order.
    pub fn find(
        toks: &[Token<'_>],
        gazetteer: &Gazetteer,
        cx: &Context,
        date: Option<NaiveDate>,
    ) -> Self {
        let mut list = Vec::new();
        let mut at = vec![None; toks.len()];
        // Text written all in lower case ("israeli army says three soldiers killd"): names
        // are read without their capitals.
        let words = toks.iter().filter(|t| t.word).count();
        let capitals = toks
            .iter()
            .filter(|t| t.word && t.text.chars().next().is_some_and(char::is_uppercase))
            .count();
        let lower_case = words >= 6 && capitals * 20 < words;
        let mut surnames = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(tok) = toks.get(i).filter(|t| t.word) else {
                i += 1;
                continue;
            };
            // A person the story itself introduced ("Clementine Nkweta Salami, the UN
            // Resident Coordinator") is that person, whoever else bears the surname.
            let learned_first = cx.learned_at(toks, i);
            // "said Türk" after "UN Human Rights Chief Volker Türk": the person, not the
            // people the word also names.
            let named_person = cx.named_person_at(toks, i);
            let found = gazetteer
                .match_tokens_case(toks, i, date, lower_case)
                .filter(|m| named_person.is_none() || m.len > 1)
                .filter(|m| m.len > 1 || !cx.is_stray_acronym(tok.text))
                .filter(|m| !longer_name_before(toks, i, &at, gazetteer, m.party))
                // A known surname after another first name is someone else's.
                .filter(|m| {
                    !(m.kind == NameKind::Person
                        && m.len == 1
                        && in_name(toks, i, &at)
                        && !toks
                            .get(i.wrapping_sub(1))
                            .is_some_and(|p| p.has(class::PERSON_TITLE | class::OFFICE)))
                })
                .filter(|m| m.kind != NameKind::Person || learned_first.is_none())
                .filter(|m| m.kind != NameKind::Place || !venue_name(toks, i, m.len))
                // "Police spokesperson Abdifatah Aden": a city's name after a first name
                // is a surname.
                .filter(|m| {
                    if !matches!(m.kind, NameKind::Place | NameKind::Capital) {
                        return true;
                    }
                    if cx.is_surname(tok.text) {
                        return false;
                    }
                    let surname = in_name(toks, i, &at) && !surname_unlikely(toks, i);
                    if surname && m.len == 1 {
                        surnames.push(tok.text.to_string());
                    }
                    !surname
                })
                .map(|m| (m.len, vec![m.party], kind_of(m.kind)))
                .or_else(|| named_person.map(|party| (1, vec![party], MentionKind::Person)))
                .or_else(|| {
                    learned_first.map(|(len, party)| (len, vec![party], MentionKind::Person))
                })
                .or_else(|| {
                    cx.acronym_at(toks, i)
                        .map(|(party, kind)| (1, vec![party], kind))
                })
                .or_else(|| {
                    if !tok.capitalized() || cx.is_surname(tok.text) {
                        return None;
                    }
                    if in_name(toks, i, &at) {
                        if !surname_unlikely(toks, i)
                            && gazetteer.place_tokens(toks, i).is_some_and(|p| p.len <= 1)
                        {
                            surnames.push(tok.text.to_string());
                        }
                        return None;
                    }
                    gazetteer
                        .place_tokens(toks, i)
                        .filter(|p| !venue_name(toks, i, p.len.max(1)))
                        .filter(|p| !name_goes_on(toks, i + p.len.max(1)) && !name_went_on(toks, i))
                        .map(|p| {
                            let parties = p
                                .parties
                                .iter()
                                .map(|&x| gazetteer.in_era(x, date))
                                .collect();
                            (p.len, parties, MentionKind::Place)
                        })
                });
            let Some((len, mut parties, kind)) = found else {
                i += 1;
                continue;
            };
            let len = len.max(1);
            // "Lysychansk" in 2024, "Kalbajar" in 2010: a place another party held then.
            // "the Donetsk region" is wider than the city a party held.
            let region = toks.get(i + len).is_some_and(|t| {
                t.is_any(&["region", "oblast", "province", "governorate", "district"])
            });
            // "the exiled Lysychansk military administration": the state's own, driven
            // out by the holder.
            let exiled = i > 0 && toks.get(i - 1).is_some_and(|t| t.is("exiled"));
            if matches!(kind, MentionKind::Place | MentionKind::Capital)
                && !region
                && !exiled
                && let Some(holder) = toks
                    .get(i..i + len)
                    .and_then(|words| gazetteer.holder(words, date))
            {
                parties = vec![holder];
            }
            // "Lisichansk" in a story with no date: held by the LPR since 2022, Ukraine's
            // before; whose ground it is cannot be told.
            if kind == MentionKind::Place
                && !region
                && date.is_none()
                && toks
                    .get(i..i + len)
                    .is_some_and(|words| gazetteer.ever_held(words))
            {
                i += len;
                continue;
            }
            // "Somali National Army (SNA)": a short form in brackets spells the words before
            // it, whatever else the gazetteer knows by those letters (Syria's SNA).
            if len == 1 && spells_words_before(toks, i) {
                i += 1;
                continue;
            }
            let stance = stance_at(toks, i, len);
            for slot in at.get_mut(i..i + len).into_iter().flatten() {
                *slot = u32::try_from(list.len()).ok();
            }
            list.push(Mention {
                span: i..i + len,
                parties,
                kind,
                stance,
            });
            i += len;
        }
        // "NEMA said": a word in capitals past the dateline is an agency's initials, not
        // the town of that name (Néma).
        let dateline = dateline_len(toks);
        // "BAKU" alone, or "ERBIL (Kurdistan 24) –": a place opening the paragraph with no
        // word after it is a dateline, found or not.
        let opens_dateline = |k: usize| k == 0 && toks.get(1).is_none_or(|t| !t.word);
        let initials = |m: &Mention| {
            matches!(m.kind, MentionKind::Place | MentionKind::Capital)
                && m.span.len() == 1
                && m.span.start >= dateline
                && !opens_dateline(m.span.start)
                && toks.get(m.span.start).is_some_and(|t| {
                    t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && t.text
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                })
        };
        if list.iter().any(&initials) {
            list.retain(|m| !initials(m));
            at = vec![None; toks.len()];
            for (n, m) in list.iter().enumerate() {
                for slot in at.get_mut(m.span.clone()).into_iter().flatten() {
                    *slot = u32::try_from(n).ok();
                }
            }
        }
        // "the Philippine Congress": an institution the gazetteer gives to one party
        // ("Congress") belongs to the other party named right before it; so does a
        // body's name of several words after a state's adjective ("the Armenian Security
        // Council" is no UN body).
        let intl_body = |m: &Mention| {
            m.kind == MentionKind::Name
                && m.span.len() >= 2
                && m.party()
                    .and_then(|p| gazetteer.party(p))
                    .is_some_and(|p| p.kind == PartyKind::Intl)
        };
        let owned: Vec<bool> = list
            .iter()
            .enumerate()
            .map(|(n, m)| {
                (m.kind == MentionKind::Institution
                    || intl_body(m)
                        && list
                            .get(n.wrapping_sub(1))
                            .is_some_and(|prev| prev.kind == MentionKind::Demonym))
                    && n > 0
                    && list.get(n - 1).is_some_and(|prev| {
                        prev.span.end == m.span.start
                            && matches!(
                                prev.kind,
                                MentionKind::Demonym | MentionKind::Name | MentionKind::Place
                            )
                            && prev.party().is_some()
                            && prev.parties != m.parties
                    })
            })
            .collect();
        if owned.iter().any(|&o| o) {
            let mut keep = owned.iter().map(|o| !o);
            list.retain(|_| keep.next().unwrap_or(true));
            at = vec![None; toks.len()];
            for (n, m) in list.iter().enumerate() {
                for slot in at.get_mut(m.span.clone()).into_iter().flatten() {
                    *slot = u32::try_from(n).ok();
                }
            }
        }
        offices::installed_by_holder(&mut list, toks, gazetteer, date);
        offices::of_a_state(&mut list, toks, gazetteer);
        Self {
            list,
            at,
            dateline,
            surnames,
        }
    }

    /// The mention covering token `i`.
    pub fn at(&self, i: usize) -> Option<&Mention> {
        let index = (*self.at.get(i)?)?;
        self.list.get(usize::try_from(index).ok()?)
    }

    /// Mentions lying wholly within `range`.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = &Mention> {
        self.list
            .iter()
            .filter(move |m| m.span.start >= range.start && m.span.end <= range.end)
    }
}

fn kind_of(kind: NameKind) -> MentionKind {
    match kind {
        NameKind::Name => MentionKind::Name,
        NameKind::Institution => MentionKind::Institution,
        NameKind::Demonym => MentionKind::Demonym,
        NameKind::Capital => MentionKind::Capital,
        NameKind::Person => MentionKind::Person,
        NameKind::Media => MentionKind::Media,
        NameKind::Place => MentionKind::Place,
    }
}

/// Whether a town's name at `i` is part of a building's: "the Drama theatre", "the
/// Donetsk Regional Theatre of Drama" (not the Greek town of Drama).
fn venue_name(toks: &[Token<'_>], i: usize, len: usize) -> bool {
    const VENUES: &[&str] = &[
        "theatre",
        "theater",
        "museum",
        "cinema",
        "hotel",
        "stadium",
        "mall",
        "circus",
        "opera",
        "philharmonic",
    ];
    let after = toks.get(i + len).is_some_and(|t| t.is_any(VENUES));
    // "the Sokol market", "the Azot plant": a building named after a town elsewhere.
    let named_building = i >= 1
        && toks.get(i - 1).is_some_and(|t| t.is("the"))
        && toks.get(i + len).is_some_and(|t| {
            t.is_any(&[
                "market",
                "bazaar",
                "supermarket",
                "hypermarket",
                "plant",
                "factory",
                "mosque",
                "church",
                "cathedral",
            ])
        });
    let before = i >= 2
        && toks.get(i - 1).is_some_and(|t| t.is("of"))
        && toks.get(i - 2).is_some_and(|t| t.is_any(VENUES));
    after || named_building || before
}

/// Whether a place's name at the tokens before `after` is only the start of a longer
/// proper name: "Martin Marietta Corp", "Aleppo Pine" — a capitalised word follows that
/// is neither a place's own noun ("Gaza City", "Kharkiv Oblast") nor a name we know.
fn name_goes_on(toks: &[Token<'_>], after: usize) -> bool {
    let Some(next) = toks.get(after) else {
        return false;
    };
    let Some(last) = after.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    // "Norte de Santander": a name joined by a particle to another.
    const PARTICLES: &[&str] = &["de", "del", "da", "do", "di", "du", "des", "dos", "das"];
    if next.is_any(PARTICLES) && toks.get(after + 1).is_some_and(|n| n.capitalized()) {
        return true;
    }
    next.word
        && next.capitalized()
        && next.start == last.end + 1
        && next.sentence == last.sentence
        && !next.is_any(super::context::PLACE_NOUNS)
        && !next.is_any(&[
            "oblast",
            "governorate",
            "prefecture",
            "county",
            "municipality",
            "strip",
            "bank",
            "valley",
            "river",
            "mountains",
            "hills",
            "heights",
            "corridor",
            "airport",
            "refinery",
            "front",
            "line",
        ])
        && !next.has(class::INSTITUTION | class::PEOPLE | class::TIME | class::PERSON_TITLE)
        && !next.is_month()
        && next.text.chars().skip(1).any(char::is_lowercase)
}

/// Whether a group's or a body's name at `i` is only the end of a longer proper name: an
/// unknown capitalised word runs into it ("US National Security Council" is no UN body,
/// "Asaib Ahl al-Haq" no other group).
fn longer_name_before(
    toks: &[Token<'_>],
    i: usize,
    at: &[Option<u32>],
    gazetteer: &Gazetteer,
    party: usize,
) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let kind = gazetteer.party(party).map(|p| p.kind);
    // "Voice of America", "Bank of America": a state's name closing the name of a body
    // that is no office of it. Not "Ministry of Defence of Armenia", "Kingdom of Saudi
    // Arabia".
    let of_name = prev.is("of")
        && i.checked_sub(2).and_then(|k| toks.get(k)).is_some_and(|n| {
            n.word
                && n.capitalized()
                // A word of office or state ("Ministry of ..., of Armenia") is its own.
                && !n.has(
                    class::INSTITUTION
                        | class::OFFICE
                        | class::PERSON_TITLE
                        | class::MEDIA
                        | class::VENUE
                        | class::SECURITY,
                )
                && at.get(i - 2).is_some_and(Option::is_none)
                && !n.is_any(&[
                    "kingdom",
                    "republic",
                    "state",
                    "states",
                    "emirate",
                    "sultanate",
                    "principality",
                    "commonwealth",
                    "federation",
                    "people",
                    "union",
                    "islands",
                ])
        });
    // "Ministry of Emergency Situations of Armenia": the name an office opens is the
    // state's.
    let office = || {
        (i.saturating_sub(8)..i - 1)
            .rev()
            .take_while(|&k| {
                toks.get(k)
                    .is_some_and(|t| t.word && (t.capitalized() || t.is_any(&["of", "for", "and"])))
            })
            .any(|k| {
                toks.get(k).is_some_and(|t| {
                    t.has(class::INSTITUTION | class::OFFICE | class::PERSON_TITLE)
                })
            })
    };
    if of_name && matches!(kind, Some(PartyKind::State)) && !office() {
        return true;
    }
    matches!(kind, Some(PartyKind::Group | PartyKind::Intl))
        && prev.word
        && prev.capitalized()
        && at.get(i - 1).is_some_and(Option::is_none)
        && !prev.has(
            class::OFFICE
                | class::TIME
                | class::CLAUSE_OPENER
                | class::INSTITUTION
                | class::SPEECH_VERB
                | class::LOCATIVE,
        )
        && !prev.is_month()
        && !prev.is_any(&["the", "a", "an", "pro", "anti"])
        // "the Kurdish-dominated Syrian Democratic Forces": a compound adjective before a
        // name describes it.
        && !adjective_compound(prev)
        && super::numbers::token_value(&prev.norm).is_none()
        && toks.get(i).is_some_and(|t| t.start == prev.end + 1)
}

/// A capitalised compound with a lower-case tail: "Kurdish-dominated", "Iranian-made".
fn adjective_compound(t: &Token<'_>) -> bool {
    t.text
        .rsplit_once('-')
        .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the word at `i` ends a longer name joined by a particle: "Santander" in "Norte
/// de Santander".
fn name_went_on(toks: &[Token<'_>], i: usize) -> bool {
    i >= 2
        && toks
            .get(i - 1)
            .is_some_and(|t| t.is_any(&["de", "del", "da", "do", "di", "du", "des", "dos", "das"]))
        && toks.get(i - 2).is_some_and(|t| t.word && t.capitalized())
}

/// Whether the capitalised word at `i` continues a person's name ("Marco Lara", "Minister
/// Garcia"): after a first name or a title, a city's name is a surname.
fn in_name(toks: &[Token<'_>], i: usize, at: &[Option<u32>]) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let first_name = prev.word
        && prev.capitalized()
        && at.get(i - 1).is_some_and(Option::is_none)
        && !prev.has(class::CLAUSE_OPENER | class::LOCATIVE | class::TIME)
        // "the Joint Task Force Sulu": a body's name, not a first name.
        && !prev.has(class::INSTITUTION | class::GROUP_NOUN)
        && !prev.is_month()
        && !prev
            .text
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
        // "Similarly, Arif Aliyev, head of ...": after a comma too, not only inside a
        // sentence's words.
        && (i >= 2
            && toks.get(i - 2).is_some_and(|t| {
                t.sentence == prev.sentence && (t.word || t.is_punct(',') || t.is_punct('('))
            })
            // "Getachew Reda, the president of ...": opening the sentence, a word the
            // lexicon does not know.
            || prev.class == 0
                && prev.norm.len() >= 3
                && i.checked_sub(2)
                    .and_then(|k| toks.get(k))
                    .is_none_or(|t| t.sentence != prev.sentence));
    let titled = prev.word && prev.has(class::PERSON_TITLE) && prev.capitalized();
    // "Acting Kursk governor": a word before an office names where the office is.
    let office_follows = toks
        .get(i + 1)
        .is_some_and(|n| n.word && n.has(class::OFFICE | class::INSTITUTION));
    (first_name || titled) && !office_follows
}

/// Whether the words before a known city's name make it a place after all, not a
/// surname: "in Northern Gaza", "near Old Aleppo".
fn surname_unlikely(toks: &[Token<'_>], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    let before = i.checked_sub(2).and_then(|k| toks.get(k));
    prev.is_some_and(|t| {
        t.is_any(&[
            "north", "northern", "south", "southern", "east", "eastern", "west", "western",
            "central", "greater", "upper", "lower", "old", "new", "downtown",
        ])
    }) || before.is_some_and(|t| t.has(class::LOCATIVE) || t.is_any(&["the", "of", "and"]))
}

/// Whether the word at `i` is a short form in brackets whose letters are the initials of
/// the capitalised words right before the bracket: "Somali National Army (SNA)".
fn spells_words_before(toks: &[Token<'_>], i: usize) -> bool {
    let bracketed = i >= 2
        && toks.get(i - 1).is_some_and(|t| t.is_punct('('))
        && toks.get(i + 1).is_some_and(|t| t.is_punct(')'));
    let Some(short) = toks.get(i).filter(|_| bracketed) else {
        return false;
    };
    let letters: Vec<char> = short
        .text
        .chars()
        .filter(char::is_ascii_uppercase)
        .collect();
    if letters.len() < 2 || letters.len() > 6 || letters.len() >= i {
        return false;
    }
    let words = toks.get(i - 1 - letters.len()..i - 1).unwrap_or(&[]);
    words.len() == letters.len()
        && words
            .iter()
            .zip(&letters)
            .all(|(w, l)| w.word && w.capitalized() && w.text.starts_with(*l))
}

/// "U.S.-backed", "Iranian-occupied", "pro-Iranian", "anti-Soviet", "former FARC": the name
/// describes a sponsor, a holder, a stance or a past of what follows, not its owner.
fn stance_at(toks: &[Token<'_>], i: usize, len: usize) -> bool {
    let Some(tok) = toks.get(i) else { return false };
    // "seven former FARC combatants who demobilized": no longer the party's.
    if i > 0 && toks.get(i - 1).is_some_and(|t| t.is_any(&["former", "ex"])) {
        return true;
    }
    // "148 pro Assad fighters", "anti Kremlin": the prefix written apart.
    if i > 0 && toks.get(i - 1).is_some_and(|t| t.is_any(&["pro", "anti"])) {
        return true;
    }
    let parts: Vec<&str> = tok.text.split(['-', '‑']).collect();
    // A name of several words that opens with a compound is the compound's own
    // ("Inter-Services Public Relations"), not a stance.
    if parts.len() > 1 && len == 1 {
        let lower = |s: &str| s.to_lowercase();
        let first = lower(parts[0]);
        let last = lower(parts[parts.len() - 1]);
        if super::lexicon::classes(&first) & class::STANCE_PREFIX != 0
            || super::lexicon::classes(&last) & class::SPONSOR_TAIL != 0
        {
            return true;
        }
    }
    // "U.S. - backed" split by the tokenizer: a dash and a tail word after the name.
    let end = i + len;
    toks.get(end).is_some_and(|t| t.is_punct('-'))
        && toks
            .get(end + 1)
            .is_some_and(|t| t.has(class::SPONSOR_TAIL))
        && toks
            .get(end)
            .zip(toks.get(end - 1))
            .is_some_and(|(d, n)| d.start == n.end)
}

/// The words of `range` in the paragraph, trimmed of an article and punctuation.
pub(crate) fn phrase_text(text: &str, toks: &[Token<'_>], range: Range<usize>) -> String {
    let mut range = range;
    // "[Armenian] soldiers": an editor's bracket that closes inside the phrase stays.
    let closes =
        |r: &Range<usize>| (r.start..r.end).any(|k| toks.get(k).is_some_and(|t| t.is_punct(']')));
    while range.start < range.end
        && toks.get(range.start).is_some_and(|t| {
            (!t.word || t.is_any(&["the", "a", "an"])) && !(t.is_punct('[') && closes(&range))
        })
    {
        range.start += 1;
    }
    while range.end > range.start
        && toks
            .get(range.end - 1)
            .is_some_and(|t| !t.word && !t.is_punct('.'))
    {
        range.end -= 1;
    }
    let (Some(first), Some(last)) = (toks.get(range.start), toks.get(range.end.saturating_sub(1)))
    else {
        return String::new();
    };
    if range.is_empty() {
        return String::new();
    }
    text.get(first.start..last.end).unwrap_or("").to_string()
}

/// Everything a phrase resolution needs from its paragraph.
pub(crate) struct Scope<'a> {
    pub text: &'a str,
    pub toks: &'a [Token<'a>],
    pub mentions: &'a Mentions,
    pub gazetteer: &'a Gazetteer,
}

impl Scope<'_> {
    pub fn party_id(&self, index: usize) -> Option<String> {
        self.gazetteer.party(index).map(|p| p.id.clone())
    }

    fn party_kind(&self, index: usize) -> Option<PartyKind> {
        self.gazetteer.party(index).map(|p| p.kind)
    }

    fn words(&self, range: Range<usize>) -> String {
        phrase_text(self.text, self.toks, range)
    }
}
