//! What a reader remembers while reading one document: the speakers named so far (so that
//! "the ministry", "he" or "Kovacs" find them again), the names whose party an apposition
//! gave (in this document or another of the corpus), the places named, and whether a
//! quotation or a reproduced statement runs on into the next paragraph.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::entities::{MentionKind, Mentions, Referent, Scope, Voice};
use super::knowledge::{Gazetteer, PartyKind};
use super::lexicon::class;
use super::names::LearnedNames;
use super::tokens::Token;

mod places;
mod speakers;

/// Nouns of places: "the Nicaraguan capital", "the South African township of KwaMashu".
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "capital",
    "township",
    "town",
    "village",
    "city",
    "province",
    "region",
    "district",
    "port",
    "territory",
    "countryside",
    "state",
    "suburb",
    "area",
    "camp",
    "coast",
    "waters",
    "border",
    "side",
    "frontier",
    "island",
    "enclave",
    "border",
    "hamlet",
];

/// "Russian missile strike", "Armenia missile attack", "Turkish bombardments": an attack
/// word within three words after a name, with nothing but words between. The name is the
/// attacker's (or, in a headline, perhaps the attacked's), so it says neither who speaks
/// for the ground that was hit nor where the story happens.
fn attack_follows(toks: &[Token<'_>], end: usize) -> bool {
    // "Russia “deliberately” struck": quotation marks and an adverb may stand between.
    // "an (Israeli) occupation airstrike": so may the brackets around the attacker.
    (end..end + 5)
        .map_while(|k| toks.get(k))
        .filter(|t| !super::tokens::is_quote_mark(t.text) && !t.is_punct(')'))
        .take_while(|t| t.word)
        // "killed in Lebanon after Israeli airstrikes": the attack of another clause.
        .take_while(|t| {
            !t.is_any(&[
                "after",
                "before",
                "following",
                "amid",
                "during",
                "since",
                "when",
                "as",
                "because",
                "while",
            ])
        })
        .take(3)
        .any(|t| {
            t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE)
                || t.has(class::ATTACK_VERB)
                    && (t.norm.ends_with("ed") || t.is_any(&["struck", "shot", "overran"]))
                    && !t.has(class::PEOPLE)
        })
        || progressive_attack(toks, end)
}

/// "Israeli forces “are currently attacking Hezbollah targets”": a force noun after the
/// name, then an attack in the progressive.
fn progressive_attack(toks: &[Token<'_>], end: usize) -> bool {
    let words: Vec<&Token<'_>> = (end..end + 6)
        .map_while(|k| toks.get(k))
        .filter(|t| !super::tokens::is_quote_mark(t.text))
        .take(4)
        .collect();
    let [force, aux, rest @ ..] = words.as_slice() else {
        return false;
    };
    // "are attacking", or "are currently attacking".
    let verb = match rest {
        [adverb, v, ..] if adverb.norm.ends_with("ly") => Some(v),
        [v, ..] => Some(v),
        [] => None,
    };
    force_follows(toks, end)
        && force.word
        && aux.is_any(&["are", "is", "were", "was"])
        && verb.is_some_and(|v| {
            v.norm.ends_with("ing") && v.has(class::ATTACK_VERB) && !v.has(class::PEOPLE)
        })
}

/// Whether a noun of armed force follows a party's name at `end`: "the Ukrainian Army",
/// "by Ukrainian troops".
fn force_follows(toks: &[Token<'_>], end: usize) -> bool {
    toks.get(end).is_some_and(|t| {
        t.is_any(&[
            "army",
            "forces",
            "troops",
            "military",
            "soldiers",
            "servicemen",
        ])
    })
}

/// "in Israel", "near southern Israel": a locative preposition before a country's name,
/// perhaps with a point of the compass between.
fn locative_before(toks: &[Token<'_>], start: usize) -> bool {
    let at = |back: usize| start.checked_sub(back).and_then(|k| toks.get(k));
    let locative = |t: &Token<'_>| {
        t.is_any(&[
            "in",
            "near",
            "at",
            "outside",
            "across",
            "throughout",
            "inside",
        ])
    };
    at(1).is_some_and(locative)
        || at(1).is_some_and(|t| t.has(class::COMPASS)) && at(2).is_some_and(locative)
}

/// "AA", "SOHR", "MoD": two to six letters, capitals but for inner lower-case ones.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().last().is_some_and(|c| c.is_ascii_uppercase())
}

/// A speaker heard in the document.
#[derive(Debug, Clone)]
struct Heard {
    referent: Referent,
    paragraph: usize,
}

/// One document's memory.
pub(crate) struct Context<'a> {
    gazetteer: &'a Gazetteer,
    /// Names learned across the corpus, and in this document as it is read.
    names: &'a LearnedNames,
    heard: Vec<Heard>,
    /// States whose places the document has named so far, with how often, and the first
    /// words.
    places: HashMap<usize, usize>,
    /// The same over the whole document, read before any claim.
    story_places: HashMap<usize, usize>,
    /// Over the whole document: the names of each state's places, and the states it names
    /// otherwise too (by name, people, capital, institution, person or media).
    place_names: HashMap<usize, HashSet<String>>,
    named_otherwise: HashSet<usize>,
    /// Parties the story names as attackers ("Indian missile strikes", "Pakistani
    /// shelling"): the sides of the fight, not bystanders who report on it.
    belligerents: Vec<usize>,
    place_words: HashMap<usize, String>,
    /// The outlet's name as the text may write it ("Report" for Report.az): its own voice.
    pub outlet: Option<String>,
    /// Armed groups and movements the document has named, latest last.
    groups: Vec<usize>,
    /// Armed groups and de facto authorities the document has named, each once.
    insurgents: Vec<usize>,
    /// What the document calls a group's people ("Hamas militants", "M23 rebels"): the
    /// noun, singular, to the group and the words; None once two groups share a noun.
    labels: HashMap<String, Option<(usize, String)>>,
    /// The same for states' forces ("nine Turkish soldiers"): None once two states' forces
    /// share a noun.
    forces: HashMap<String, Option<(usize, String)>>,
    /// The one state the headline names, or the one it quotes ("Ethiopia says ... in
    /// Tigray"), with its words: what the story is about, or whose account it is.
    headline: Option<Headline>,
    /// Short forms the document defines ("the Arakan Army, or AA,", "the Syrian
    /// Observatory for Human Rights (SOHR)"): as written, to the party and how it names it.
    acronyms: HashMap<String, (usize, MentionKind)>,
    /// Cities' names the document uses as a person's surname ("Police spokesperson
    /// Abdifatah Aden"): alone later ("Aden said") they are still the person.
    surnames: HashSet<String>,
    /// The surnames of people the document named in full ("UN Human Rights Chief Volker
    /// Türk"), to their party: alone later ("said Türk") they are that person, not the
    /// people or place the word also names. None once two parties' people share one.
    people: HashMap<String, Option<usize>>,
    /// Acronyms of armed groups named for a state the story never names, in a story set
    /// in another ("SNA" in Somalia is its army, not Syria's National Army): no party.
    stray_acronyms: HashSet<String>,
    /// Institutions the story has named with their state, speaking or not ("The
    /// Azerbaijani Defence Ministry has made public ..."): "the ministry" later is one.
    named: Vec<Heard>,
    /// The states of the places the last paragraph read named: its number, and each
    /// state with its words.
    recent_places: (usize, Vec<(usize, String)>),
    /// A quotation left open at the end of the last paragraph: its speaker.
    pub open_quote: Option<Referent>,
    /// "The statement reads:": the paragraphs after it are that speaker's words.
    pub reproduced: Option<Referent>,
    /// "Press Release: UN High Commissioner for Human Rights": the text is that party's,
    /// wherever no other speaker is named, from the paragraph given on.
    pub author: Option<(Referent, usize)>,
    /// The speaker of the last paragraph that had one, and that paragraph's number.
    pub last_speaker: Option<(Referent, usize)>,
    /// "Source: press service of the Ministry of Defence": whose words the site's "Quote:"
    /// paragraphs give, however far below.
    pub source_line: Option<Referent>,
    pub paragraph: usize,
}

impl<'a> Context<'a> {
    pub fn new(gazetteer: &'a Gazetteer, names: &'a LearnedNames) -> Self {
        Self {
            gazetteer,
            names,
            heard: Vec::new(),
            places: HashMap::new(),
            story_places: HashMap::new(),
            place_names: HashMap::new(),
            named_otherwise: HashSet::new(),
            belligerents: Vec::new(),
            place_words: HashMap::new(),
            outlet: None,
            groups: Vec::new(),
            insurgents: Vec::new(),
            labels: HashMap::new(),
            forces: HashMap::new(),
            headline: None,
            acronyms: HashMap::new(),
            surnames: HashSet::new(),
            people: HashMap::new(),
            stray_acronyms: HashSet::new(),
            recent_places: (0, Vec::new()),
            named: Vec::new(),
            open_quote: None,
            reproduced: None,
            author: None,
            last_speaker: None,
            source_line: None,
            paragraph: 0,
        }
    }

    /// Whether `name` is the outlet's own: "Trend", "Report" (Report.az), "The National".
    pub fn is_outlet(&self, name: &str) -> bool {
        let Some(outlet) = self.outlet.as_deref() else {
            return false;
        };
        let bare = |s: &str| {
            let s = s.trim();
            let s = s.strip_prefix("The ").unwrap_or(s);
            let s = s.split(['(', '.']).next().unwrap_or(s);
            s.trim().to_lowercase()
        };
        !bare(name).is_empty() && bare(name) == bare(outlet)
    }

    /// A learned person's name at token `i`: how many tokens it spans and its party.
    pub fn learned_at(&self, toks: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
        let found = self.names.match_at(toks, i)?;
        let (len, id) = found;
        Some((len, self.gazetteer.index_of(id)?))
    }

    /// A short form the document defined, at token `i`: its party and how it names it.
    pub fn acronym_at(&self, toks: &[Token<'_>], i: usize) -> Option<(usize, MentionKind)> {
        let t = toks.get(i).filter(|t| t.word)?;
        self.acronyms.get(t.text).copied()
    }

    /// Whether the document uses this word as a surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Remembers the surnames a paragraph's names showed, and those of the people it named
    /// in full; returns whether any was new.
    pub fn note_surnames(&mut self, toks: &[Token<'_>], mentions: &Mentions) -> bool {
        let mut learned = false;
        for word in &mentions.surnames {
            learned |= self.surnames.insert(word.clone());
        }
        for m in mentions
            .list
            .iter()
            .filter(|m| m.kind == MentionKind::Person)
        {
            let Some(last) = toks
                .get(m.span.end.wrapping_sub(1))
                .filter(|t| m.span.len() >= 2 && t.word && t.capitalized())
            else {
                continue;
            };
            let party = m.party();
            match self.people.get(last.text) {
                None => {
                    self.people.insert(last.text.to_string(), party);
                    learned = true;
                }
                Some(known) if *known != party => {
                    self.people.insert(last.text.to_string(), None);
                }
                Some(_) => {}
            }
        }
        learned
    }

    /// Sets aside, once the whole story's places are known, the acronyms its mentions took
    /// for an armed group named for a state it never names while it happens in another;
    /// returns whether any was set aside.
    pub fn set_aside_stray_acronyms<'t, 'w: 't>(
        &mut self,
        paragraphs: impl Iterator<Item = (&'t [Token<'w>], &'t Mentions)>,
    ) -> bool {
        let Some(home) = Self::dominant(&self.story_places) else {
            return false;
        };
        let mut any = false;
        for (toks, mentions) in paragraphs {
            for m in mentions.list.iter().filter(|m| m.span.len() == 1) {
                let Some(tok) = toks.get(m.span.start).filter(|t| {
                    t.text.len() <= 5 && t.text.chars().all(|c| c.is_ascii_uppercase())
                }) else {
                    continue;
                };
                if self.stray_group(m.party(), home) {
                    any |= self.stray_acronyms.insert(tok.text.to_string());
                }
            }
        }
        any
    }

    /// Whether `party` is an armed group named for a state the story never names, while it
    /// happens in `home`. Only a group named for its state ("Syrian National Army"):
    /// others cross borders (JNIM fights in Mali and Burkina Faso alike).
    fn stray_group(&self, party: Option<usize>, home: usize) -> bool {
        let Some(group) = party
            .and_then(|p| self.gazetteer.party(p))
            .filter(|g| g.kind == PartyKind::Group)
        else {
            return false;
        };
        let Some(country) = group
            .country
            .as_deref()
            .and_then(|c| self.gazetteer.index_of(c))
        else {
            return false;
        };
        let named_for_it = self.gazetteer.party(country).is_some_and(|c| {
            group.name.contains(c.name.as_str())
                || c.demonyms
                    .first()
                    .is_some_and(|d| group.name.contains(d.as_str()))
        });
        named_for_it && country != home && !self.story_places.contains_key(&country)
    }

    /// Whether the story set this acronym aside (see `set_aside_stray_acronyms`).
    pub fn is_stray_acronym(&self, word: &str) -> bool {
        self.stray_acronyms.contains(word)
    }

    /// The party of the person whose surname, alone, is token `i`: someone the document
    /// named in full, not another of the same surname after a first name of their own.
    pub fn named_person_at(&self, toks: &[Token<'_>], i: usize) -> Option<usize> {
        let tok = toks.get(i).filter(|t| t.word && t.capitalized())?;
        let party = (*self.people.get(tok.text)?)?;
        let other_first_name = i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|p| {
            p.word && p.capitalized() && !p.has(class::PERSON_TITLE | class::OFFICE)
        });
        let name_goes_on = toks.get(i + 1).is_some_and(|n| n.word && n.capitalized());
        (!other_first_name && !name_goes_on).then_some(party)
    }

    /// Learns the short forms a paragraph defines: a party's name followed by an acronym
    /// in brackets or after ", or". Returns whether it learned any.
    pub fn note_acronyms(
        &mut self,
        toks: &[Token<'_>],
        mentions: &super::entities::Mentions,
    ) -> bool {
        let mut learned = false;
        for m in mentions
            .list
            .iter()
            .filter(|m| !m.stance && matches!(m.kind, MentionKind::Name | MentionKind::Institution))
        {
            let Some(party) = m.party() else { continue };
            let at = |k: usize| toks.get(m.span.end + k);
            let short = if at(0).is_some_and(|t| t.is_punct('('))
                && at(2).is_some_and(|t| t.is_punct(')'))
            {
                at(1)
            } else if at(0).is_some_and(|t| t.is_punct(','))
                && at(1).is_some_and(|t| t.is_any(&["or"]))
                && at(3).is_none_or(|t| !t.word)
            {
                at(2)
            } else {
                None
            };
            // The short form's capitals are the name's initials: "Voice of America (VOA)"
            // does not make "VOA" America's.
            let initials: Vec<char> = toks
                .get(m.span.clone())
                .unwrap_or_default()
                .iter()
                .filter_map(|t| t.text.chars().next())
                .collect();
            // "the Armed Forces of the Philippines" ... "the AFP said": a long name's
            // initials stand for it in the story, written with no brackets as well.
            let capitals: String = toks
                .get(m.span.clone())
                .unwrap_or_default()
                .iter()
                .filter(|t| t.word && t.capitalized())
                .filter_map(|t| t.text.chars().next())
                .collect();
            if capitals.len() >= 3 && capitals.chars().all(|c| c.is_ascii_uppercase()) {
                learned |= self.acronyms.insert(capitals, (party, m.kind)).is_none();
            }
            let Some(short) = short.filter(|t| {
                is_acronym(t.text)
                    && t.text
                        .chars()
                        .filter(char::is_ascii_uppercase)
                        .all(|c| initials.contains(&c))
            }) else {
                continue;
            };
            learned |= self
                .acronyms
                .insert(short.text.to_string(), (party, m.kind))
                .is_none();
        }
        learned
    }

    /// Remembers the armed groups a paragraph names, for "the group said" later.
    pub fn note_groups(&mut self, scope: &Scope<'_>) {
        // "Al Shabaab, a group linked to al Qaeda": the group an actor is tied to is not
        // the one "the group" or "the militants" means.
        let affiliation = |start: usize| {
            let before = |n: usize| start.checked_sub(n).and_then(|k| scope.toks.get(k));
            before(1).is_some_and(|t| t.is_any(&["to", "with", "of"]))
                && before(2).is_some_and(|t| {
                    t.is_any(&[
                        "linked",
                        "affiliated",
                        "allied",
                        "loyal",
                        "aligned",
                        "tied",
                        "offshoot",
                        "branch",
                        "affiliate",
                        "franchise",
                    ])
                })
        };
        for m in scope
            .mentions
            .list
            .iter()
            .filter(|m| !m.stance && !affiliation(m.span.start))
        {
            let kind = m
                .party()
                .and_then(|p| self.gazetteer.party(p))
                .map(|x| x.kind);
            if let Some(party) = m
                .party()
                .filter(|p| kind == Some(PartyKind::Defacto) && !self.insurgents.contains(p))
            {
                self.insurgents.push(party);
            }
            if kind == Some(PartyKind::State)
                && let Some(party) = m.party()
                && let Some(noun) = scope
                    .toks
                    .get(m.span.end)
                    .filter(|t| t.has(class::COMBATANT) && t.has(class::PEOPLE))
            {
                remember_noun(&mut self.forces, scope, m.span.clone(), noun, party);
            }
            if let Some(party) = m.party().filter(|_| kind == Some(PartyKind::Group)) {
                if !self.insurgents.contains(&party) {
                    self.insurgents.push(party);
                }
                self.groups.retain(|&g| g != party);
                self.groups.push(party);
                let Some(noun) = scope
                    .toks
                    .get(m.span.end)
                    .filter(|t| t.has(class::PEOPLE) && !t.has(class::CIVILIAN))
                else {
                    continue;
                };
                remember_noun(&mut self.labels, scope, m.span.clone(), noun, party);
            }
        }
    }

    /// The one armed group the story has named so far, if it named only one: whose
    /// "militants" a state's forces killed in a story about that group.
    pub fn only_group(&self) -> Option<(String, String)> {
        match self.groups.as_slice() {
            [one] => self
                .gazetteer
                .party(*one)
                .map(|p| (p.id.clone(), p.name.clone())),
            _ => None,
        }
    }

    /// Whom unnamed rebels or separatists in `state` mean: the one armed group or de facto
    /// authority of that state the story has named so far ("the rebel militia" after the
    /// Rapid Support Forces, "the separatist region's soldiers" after Nagorno-Karabakh's
    /// military), with its name; none where it named two, or none. A group that fights in
    /// many states (the Islamic State) may be the one meant anywhere.
    pub fn rebels_of(&self, state: &str) -> Option<(String, String)> {
        let mut theirs = self
            .insurgents
            .iter()
            .filter_map(|&g| self.gazetteer.party(g))
            .filter(|p| p.country.as_deref().is_none_or(|c| c == state));
        match (theirs.next(), theirs.next()) {
            (Some(p), None) => Some((p.id.clone(), p.name.clone())),
            _ => None,
        }
    }

    /// The group whose people the document calls by this noun ("militants" after "Hamas
    /// militants"), with the words that said so.
    pub fn labelled(&self, noun: &str) -> Option<(String, String)> {
        let (party, words) = self.labels.get(singular(noun))?.as_ref()?;
        Some((self.gazetteer.party(*party)?.id.clone(), words.clone()))
    }

    /// The one state whose forces the document has called by this noun ("soldiers" after
    /// "nine Turkish soldiers"), with the words that said so.
    pub fn forces_called(&self, noun: &str) -> Option<(String, String)> {
        let (party, words) = self.forces.get(singular(noun))?.as_ref()?;
        Some((self.gazetteer.party(*party)?.id.clone(), words.clone()))
    }

    /// The armed group the story named last, if it named one.
    pub fn last_group(&self) -> Option<(String, String)> {
        let p = self.gazetteer.party(*self.groups.last()?)?;
        Some((p.id.clone(), p.name.clone()))
    }

    /// "the group", "the ethnic armed group": the armed group the story named last, with
    /// the words that say so.
    pub fn latest_group(&self, base: Referent) -> Referent {
        match self.groups.last().and_then(|&g| self.gazetteer.party(g)) {
            Some(p) => Referent {
                party: Some(p.id.clone()),
                voice: Voice::Party,
                evidence: format!(
                    "“{}”: the group the story named last, {}",
                    base.name, p.name
                ),
                ..base
            },
            None => base,
        }
    }

    /// Remembers the state a headline names, when it names one only ("Argentine Government
    /// To Seek State Of Siege"): an office the story names without a state is most likely
    /// that state's.
    pub fn note_headline(&mut self, scope: &Scope<'_>) {
        let mut states: Vec<(usize, String)> = Vec::new();
        let mut speaking: Vec<(usize, String)> = Vec::new();
        let toks = scope.toks;
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            let Some(party) = m.party().filter(|&p| self.statelike(p)) else {
                continue;
            };
            // "... as result of shelling by Ukrainian troops": the attacker a headline
            // names is not the state its story's officials speak for.
            // "killed in Mexico cartel ambush" still names where.
            let before = m.span.start.checked_sub(1).and_then(|k| toks.get(k));
            let attacker = before.is_some_and(|t| t.is("by")) && force_follows(toks, m.span.end)
                || attack_follows(toks, m.span.end) && !locative_before(toks, m.span.start);
            if attacker {
                continue;
            }
            let words = super::entities::phrase_text(scope.text, scope.toks, m.span.clone());
            if toks
                .get(m.span.end)
                .is_some_and(|t| t.has(class::SPEECH_VERB))
                && !speaking.iter().any(|(p, _)| *p == party)
            {
                speaking.push((party, words.clone()));
            }
            if !states.iter().any(|(p, _)| *p == party) {
                states.push((party, words));
            }
        }
        self.headline = match (speaking.as_slice(), states.as_slice()) {
            ([(party, words)], _) => Some(Headline {
                party: *party,
                words: words.clone(),
                speaks: true,
            }),
            (_, [(party, words)]) => Some(Headline {
                party: *party,
                words: words.clone(),
                speaks: false,
            }),
            _ => None,
        };
    }

    fn statelike(&self, party: usize) -> bool {
        self.gazetteer
            .party(party)
            .is_some_and(|p| matches!(p.kind, PartyKind::State | PartyKind::Defacto))
    }
}

/// The state a headline names alone, or quotes ("Ethiopia says").
#[derive(Debug, Clone)]
pub(super) struct Headline {
    party: usize,
    words: String,
    /// It is the subject of the headline's verb of saying.
    speaks: bool,
}

/// A plural noun's singular, for matching "militants" with "militant": drops one "s".
fn singular(noun: &str) -> &str {
    noun.strip_suffix('s')
        .filter(|w| w.len() > 2)
        .unwrap_or(noun)
}

/// Remembers that the document calls `party`'s people by `noun` (the word after the
/// mention at `span`), with the words; two parties with one noun leave it to neither.
fn remember_noun(
    nouns: &mut HashMap<String, Option<(usize, String)>>,
    scope: &Scope<'_>,
    span: Range<usize>,
    noun: &Token<'_>,
    party: usize,
) {
    let words = super::entities::phrase_text(scope.text, scope.toks, span.start..span.end + 1);
    let entry = nouns
        .entry(singular(&noun.norm).to_string())
        .or_insert(Some((party, words)));
    if entry.as_ref().is_some_and(|(p, _)| *p != party) {
        *entry = None;
    }
}
