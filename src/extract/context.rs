//! What a reader remembers while reading one document: the speakers named so far (so that
//! "the ministry", "he" or "Kovacs" find them again), the names whose party an apposition
//! gave (in this document or another of the corpus), the places named, and whether a
//! quotation or a reproduced statement runs on into the next paragraph.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::entities::{MentionKind, Referent, Scope, Voice};
use super::knowledge::{Gazetteer, PartyKind};
use super::lexicon::class;
use super::names::LearnedNames;
use super::tokens::Token;

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
    (end..end + 3)
        .map_while(|k| toks.get(k).filter(|t| t.word))
        .any(|t| t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE))
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
        || at(1).is_some_and(|t| {
            t.is_any(&[
                "southern",
                "northern",
                "eastern",
                "western",
                "central",
                "south",
                "north",
                "east",
                "west",
                "northeastern",
                "northwestern",
                "southeastern",
                "southwestern",
            ])
        }) && at(2).is_some_and(locative)
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
    /// Parties the story names as attackers ("Indian missile strikes", "Pakistani
    /// shelling"): the sides of the fight, not bystanders who report on it.
    belligerents: Vec<usize>,
    place_words: HashMap<usize, String>,
    /// The outlet's name as the text may write it ("Report" for Report.az): its own voice.
    pub outlet: Option<String>,
    /// Armed groups and movements the document has named, latest last.
    groups: Vec<usize>,
    /// What the document calls a group's people ("Hamas militants", "M23 rebels"): the
    /// noun, singular, to the group and the words; None once two groups share a noun.
    labels: HashMap<String, Option<(usize, String)>>,
    /// The one state the headline names, with its words: what the story is about.
    headline: Option<(usize, String)>,
    /// Short forms the document defines ("the Arakan Army, or AA,", "the Syrian
    /// Observatory for Human Rights (SOHR)"): as written, to the party and how it names it.
    acronyms: HashMap<String, (usize, MentionKind)>,
    /// Cities' names the document uses as a person's surname ("Police spokesperson
    /// Abdifatah Aden"): alone later ("Aden said") they are still the person.
    surnames: HashSet<String>,
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
    /// The speaker of the last paragraph that had one, and that paragraph's number.
    pub last_speaker: Option<(Referent, usize)>,
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
            belligerents: Vec::new(),
            place_words: HashMap::new(),
            outlet: None,
            groups: Vec::new(),
            labels: HashMap::new(),
            headline: None,
            acronyms: HashMap::new(),
            surnames: HashSet::new(),
            recent_places: (0, Vec::new()),
            named: Vec::new(),
            open_quote: None,
            reproduced: None,
            last_speaker: None,
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

    /// Remembers the surnames a paragraph's names showed; returns whether any was new.
    pub fn note_surnames(&mut self, mentions: &super::entities::Mentions) -> bool {
        let mut learned = false;
        for word in &mentions.surnames {
            learned |= self.surnames.insert(word.clone());
        }
        learned
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

    /// Reads the places of the whole story ahead: where it happens, for a paragraph
    /// that names no place of its own before the story has named one.
    pub fn foresee_places(&mut self, scope: &Scope<'_>) {
        let seen = std::mem::take(&mut self.places);
        self.note_places(scope);
        let ahead = std::mem::replace(&mut self.places, seen);
        for (party, n) in ahead {
            *self.story_places.entry(party).or_default() += n;
        }
        let toks = scope.toks;
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            // "Indian missile strikes", "Hezbollah fired", "IDF troops", "the Israeli
            // army": a party with forces or attacks of its own in the story. Peacekeepers
            // and ministries are not enough.
            let attacks = (m.span.end..m.span.end + 3)
                .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
                .any(|k| {
                    toks.get(k)
                        .is_some_and(|t| t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE))
                })
                || toks.get(m.span.end).is_some_and(|t| {
                    t.word
                        && (t.has(class::ATTACK_VERB)
                            || t.has(class::COMBATANT)
                                && !t.is_any(&["peacekeepers", "peacekeeper"])
                            || t.is_any(&["army", "military", "forces", "navy", "airforce"]))
                });
            if let Some(party) = m
                .party()
                .filter(|p| attacks && !self.belligerents.contains(p))
            {
                self.belligerents.push(party);
            }
        }
    }

    /// Whether a place of this party is a stray: named once in the whole story, while
    /// the story happens in another state ("Boni" read as the German town in a story of
    /// central Mali). Such a place is more likely a homonym than where people were hit.
    pub fn stray_place(&self, party: usize) -> bool {
        self.story_places.get(&party).copied().unwrap_or(0) <= 1
            && self
                .story_places
                .iter()
                .any(|(&other, &n)| other != party && n >= 2)
    }

    /// Whether the story names a state other than `id` as an attacker.
    pub fn other_state_fights(&self, id: &str) -> bool {
        self.belligerents.iter().any(|&b| {
            self.gazetteer
                .party(b)
                .is_some_and(|p| p.kind == PartyKind::State && p.id != id)
        })
    }

    /// Whether the story names this party as an attacker: a side of the fight.
    pub fn is_belligerent(&self, id: &str) -> bool {
        self.gazetteer
            .index_of(id)
            .is_some_and(|i| self.belligerents.contains(&i))
    }

    /// Remembers the states of the places a paragraph names.
    pub fn note_places(&mut self, scope: &Scope<'_>) {
        for (party, span) in self.places_of(scope) {
            *self.places.entry(party).or_default() += 1;
            self.place_words
                .entry(party)
                .or_insert_with(|| super::entities::phrase_text(scope.text, scope.toks, span));
        }
    }

    /// Remembers the places of the paragraph just read: "a senior local police official"
    /// in the next one is of the place it named ("in Dera Ismail Khan district").
    pub fn note_recent_places(&mut self, scope: &Scope<'_>) {
        let mut found: Vec<(usize, String)> = Vec::new();
        for (party, span) in self.places_of(scope) {
            // "Moscow has denied": a capital is a place only where the words say so.
            let capital = scope
                .mentions
                .at(span.start)
                .is_some_and(|m| m.kind == MentionKind::Capital);
            if capital && !locative_before(scope.toks, span.start) {
                continue;
            }
            if !found.iter().any(|(p, _)| *p == party) {
                found.push((
                    party,
                    super::entities::phrase_text(scope.text, scope.toks, span),
                ));
            }
        }
        self.recent_places = (self.paragraph, found);
    }

    /// The states of the places a paragraph names, with the words that name them.
    fn places_of(&self, scope: &Scope<'_>) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        for m in &scope.mentions.list {
            let toks = scope.toks;
            // "Tehran's ambassador", "Iranian state television": a capital or a people
            // standing for a government, not a place.
            let governs = |k: usize| {
                toks.get(k).is_some_and(|t| {
                    t.has(class::OFFICE | class::INSTITUTION | class::MEDIA | class::PERSON_TITLE)
                })
            };
            let metonym = toks
                .get(m.span.end.saturating_sub(1))
                .is_some_and(Token::possessive)
                && governs(m.span.end);
            // "in Armenia missile attack", "in Israel strike": a headline's attacker, or
            // the attacked; either way no sure place.
            let attack_after = attack_follows(toks, m.span.end);
            let place = matches!(m.kind, MentionKind::Place | MentionKind::Capital) && !metonym
                || m.kind == MentionKind::Name
                    && locative_before(toks, m.span.start)
                    && !attack_after
                || m.kind == MentionKind::Demonym
                    && toks.get(m.span.end).is_some_and(|t| t.is_any(PLACE_NOUNS))
                    // "the Azerbaijani-Karabakh border" lies between two parties.
                    && !toks.get(m.span.clone()).is_some_and(|w| {
                        w.iter().any(|t| {
                            t.text
                                .split(['-', '‑'])
                                .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
                                .count()
                                > 1
                        })
                    })
                    && !governs(m.span.end + 1);
            // "MANILA - ...": a dateline is where the story was filed, not what it is about.
            let dateline = m.span.start < scope.mentions.dateline;
            if let (true, false, Some(party)) = (place, dateline, m.party())
                && self.statelike(party)
            {
                found.push((party, m.span.clone()));
            }
        }
        found
    }

    /// Remembers the armed groups a paragraph names, for "the group said" later.
    pub fn note_groups(&mut self, scope: &Scope<'_>) {
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            if let Some(party) = m.party().filter(|&p| {
                self.gazetteer
                    .party(p)
                    .is_some_and(|x| x.kind == PartyKind::Group)
            }) {
                self.groups.retain(|&g| g != party);
                self.groups.push(party);
                let Some(noun) = scope
                    .toks
                    .get(m.span.end)
                    .filter(|t| t.has(class::PEOPLE) && !t.has(class::CIVILIAN))
                else {
                    continue;
                };
                let words = super::entities::phrase_text(
                    scope.text,
                    scope.toks,
                    m.span.start..m.span.end + 1,
                );
                let entry = self
                    .labels
                    .entry(singular(&noun.norm).to_string())
                    .or_insert(Some((party, words)));
                if entry.as_ref().is_some_and(|(p, _)| *p != party) {
                    *entry = None;
                }
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

    /// The group whose people the document calls by this noun ("militants" after "Hamas
    /// militants"), with the words that said so.
    pub fn labelled(&self, noun: &str) -> Option<(String, String)> {
        let (party, words) = self.labels.get(singular(noun))?.as_ref()?;
        Some((self.gazetteer.party(*party)?.id.clone(), words.clone()))
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
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            let Some(party) = m.party().filter(|&p| self.statelike(p)) else {
                continue;
            };
            if !states.iter().any(|(p, _)| *p == party) {
                let words = super::entities::phrase_text(scope.text, scope.toks, m.span.clone());
                states.push((party, words));
            }
        }
        if let [one] = states.as_slice() {
            self.headline = Some(one.clone());
        }
    }

    /// Remembers a speaker, for the references that follow.
    pub fn hear(&mut self, referent: &Referent) {
        self.heard.push(Heard {
            referent: referent.clone(),
            paragraph: self.paragraph,
        });
    }

    /// "NEMA said" after "the National Emergency Management Agency (NEMA) said": the
    /// speaker heard before whose name the initials spell.
    pub fn by_initials(&self, acronym: &str) -> Option<Referent> {
        if !is_acronym(acronym) {
            return None;
        }
        self.heard
            .iter()
            .rev()
            .find(|h| {
                let initials: String = h
                    .referent
                    .name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                initials.len() >= 2 && initials == acronym
            })
            .map(|h| h.referent.clone())
    }

    /// "he", "she", "it", "they": the latest speaker that fits, from this paragraph or the
    /// one before it.
    pub fn pronoun(&self, pronoun: &str, _at: usize) -> Option<Referent> {
        let person = match pronoun {
            "he" | "she" => Some(true),
            "it" => Some(false),
            _ => None,
        };
        self.heard
            .iter()
            .rev()
            .take_while(|h| h.paragraph + 2 >= self.paragraph)
            .find(|h| person.is_none_or(|p| h.referent.person == p))
            .map(|h| h.referent.clone())
    }

    /// "the ministry", "the spokesman", "Kharrazi": the latest speaker with the same head
    /// word (a spokesman fits a spokeswoman), or whose name ends with this one.
    pub fn same_head(&self, head: &str, person: bool) -> Option<Referent> {
        self.same_head_heard(head, person).or_else(|| {
            // Named before, though it did not speak: "the ministry stated" after "The
            // Azerbaijani Defence Ministry has made public ...".
            let want = if matches!(head, "department" | "departments" | "ministries") {
                "ministry"
            } else {
                head
            };
            (!person)
                .then(|| {
                    self.named
                        .iter()
                        .rev()
                        .take_while(|h| h.paragraph + 3 >= self.paragraph)
                        .find(|h| h.referent.head == want)
                })
                .flatten()
                .map(|h| h.referent.clone())
        })
    }

    /// Remembers the institutions a paragraph names with their state ("the Azerbaijani
    /// Defence Ministry", "Armenia's Foreign Ministry").
    pub fn note_named(&mut self, scope: &Scope<'_>) {
        let toks = scope.toks;
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            if !matches!(
                m.kind,
                MentionKind::Demonym | MentionKind::Name | MentionKind::Institution
            ) {
                continue;
            }
            let Some(party) = m.party().filter(|&p| self.statelike(p)) else {
                continue;
            };
            // The head: the last institution word of the name ("the Azerbaijani Defence
            // Ministry") or within three words after it, with no other name between.
            let within = if m.kind == MentionKind::Institution {
                m.span.clone()
            } else {
                m.span.end..m.span.end + 3
            };
            let Some(head) = within
                .take_while(|&k| {
                    toks.get(k).is_some_and(|t| {
                        t.word
                            && (m.kind == MentionKind::Institution
                                || scope.mentions.at(k).is_none())
                    })
                })
                .filter(|&k| {
                    toks.get(k).is_some_and(|t| {
                        t.has(class::INSTITUTION) && !t.has(class::PERSON_TITLE | class::VENUE)
                    })
                })
                .last()
            else {
                continue;
            };
            let Some(head_tok) = toks.get(head) else {
                continue;
            };
            let name = super::entities::phrase_text(
                scope.text,
                toks,
                m.span.start..(head + 1).max(m.span.end),
            );
            let words = toks
                .get(m.span.start..head)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.norm.clone())
                .collect();
            self.named.push(Heard {
                referent: Referent {
                    name: name.clone(),
                    party: self.gazetteer.party(party).map(|p| p.id.clone()),
                    voice: Voice::Party,
                    person: false,
                    head: head_tok.norm.clone(),
                    words,
                    evidence: name,
                },
                paragraph: self.paragraph,
            });
        }
    }

    fn same_head_heard(&self, head: &str, person: bool) -> Option<Referent> {
        fn family(h: &str) -> &str {
            match h {
                "spokeswoman" | "spokesperson" | "spokesmen" | "spokespeople" => "spokesman",
                "officials" => "official",
                // "the military department": how a ministry is often called again.
                "ministries" | "department" | "departments" => "ministry",
                "source" => "sources",
                "communique" | "statements" => "statement",
                other => other,
            }
        }
        let want = family(head);
        // "the spokesman" after "United Nations spokesman Farhan Haq": a title of the
        // person named.
        let title = super::lexicon::classes(head) & class::PERSON_TITLE != 0;
        self.heard
            .iter()
            .rev()
            .find(|h| {
                let theirs = family(&h.referent.head);
                theirs == want
                    || (!person || title && h.referent.person)
                        && h.referent.words.iter().any(|w| family(w) == want)
                    || person && h.referent.person && names_person(&h.referent.name, head)
            })
            .map(|h| h.referent.clone())
            // "the military said" after "the IDF announced": the armed force heard last.
            .or_else(|| {
                (!person && matches!(want, "military" | "army"))
                    .then(|| {
                        self.heard.iter().rev().find(|h| {
                            !h.referent.person
                                && h.referent.voice == Voice::Party
                                && h.referent.party.is_some()
                                && h.referent
                                    .words
                                    .iter()
                                    .chain(std::iter::once(&h.referent.head))
                                    .any(|w| {
                                        matches!(
                                            w.as_str(),
                                            "military"
                                                | "army"
                                                | "idf"
                                                | "forces"
                                                | "tatmadaw"
                                                | "fardc"
                                                | "ispr"
                                                | "pentagon"
                                        )
                                    })
                        })
                    })
                    .flatten()
                    .map(|h| h.referent.clone())
            })
            // "the official" after "Lebanon's Health Minister Firas Abiad": the last
            // person who spoke for a party.
            .or_else(|| {
                (person && want == "official")
                    .then(|| {
                        self.heard.iter().rev().find(|h| {
                            h.referent.person
                                && h.referent.voice == Voice::Party
                                && h.referent.party.is_some()
                        })
                    })
                    .flatten()
                    .map(|h| h.referent.clone())
            })
    }

    /// The latest speaker that issued a statement or spoke for an institution: what "the
    /// statement said" or "it added" refers to.
    pub fn last_institution(&self) -> Option<Referent> {
        self.heard
            .iter()
            .rev()
            .take_while(|h| h.paragraph + 3 >= self.paragraph)
            .find(|h| {
                !h.referent.person && h.referent.voice == Voice::Party && h.referent.party.is_some()
            })
            .map(|h| h.referent.clone())
    }

    /// An unqualified state institution ("the Defence Ministry", "military sources",
    /// "police") speaks for the state its context names: the state acting in its sentence,
    /// the place where the sentence, the paragraph or the document sets the events. When
    /// no single state stands out, it stays unnamed.
    pub fn home(
        &self,
        scope: &Scope<'_>,
        np: Range<usize>,
        sentence: Range<usize>,
        base: Referent,
    ) -> Referent {
        // Diplomats and other non-party speakers are no state's unless their own phrase
        // says whose ("an Iranian diplomat"): "a diplomat said" in a story about Iran
        // may be anyone's.
        if super::lexicon::classes(&base.head) & class::NONPARTY != 0
            && !base
                .words
                .iter()
                .any(|w| super::lexicon::classes(w) & (class::STATE_SOURCES | class::OFFICE) != 0)
        {
            return Referent {
                voice: Voice::NonParty,
                ..base
            };
        }
        // Evidence in tiers, nearest first: the sentence, then the rest of the paragraph
        // and its dateline, then the places of the whole story. A tier that names one
        // state above the others decides; a tie passes to the next.
        let mut tiers: [HashMap<usize, (f32, String)>; 5] = Default::default();
        let toks = scope.toks;
        let sentence_start = sentence.start;
        let domestic = base
            .words
            .iter()
            .chain(std::iter::once(&base.head))
            .any(|w| super::lexicon::classes(w) & class::DOMESTIC != 0);
        // A government or an army may speak for the attacker; police, a health service
        // or plain "officials" of no named state speak for the ground that was hit.
        let plain = ["officials", "official", "authorities", "sources"]
            .contains(&base.head.as_str())
            && !base
                .words
                .iter()
                .any(|w| super::lexicon::classes(w) & class::SECURITY != 0);
        // A person named in the sentence says who speaks, not where things happen.
        for m in scope
            .mentions
            .list
            .iter()
            .filter(|m| !m.stance && m.kind != MentionKind::Person)
        {
            let Some(party) = m.party() else { continue };
            if !self.statelike(party) || m.span.start < np.end && m.span.end > np.start {
                continue;
            }
            if m.kind == MentionKind::Place && self.stray_place(party) {
                continue;
            }
            let before = m.span.start.checked_sub(1).and_then(|k| toks.get(k));
            if before.is_some_and(|t| t.is_any(&["by", "against", "with", "to", "from"])) {
                continue;
            }
            // "A Russian missile strike on Odesa killed 21, Governor Oleh Kiper said": the
            // attacker's state is not where a governor, the police or a health service
            // comes from (a military spokesman may well speak for the attacker).
            let attacker = (domestic || plain) && attack_follows(toks, m.span.end);
            if attacker {
                continue;
            }
            let words = super::entities::phrase_text(scope.text, toks, m.span.clone());
            let in_sentence = m.span.start >= sentence.start && m.span.end <= sentence.end;
            let locative = matches!(m.kind, MentionKind::Place)
                || before.is_some_and(|t| t.has(class::LOCATIVE));
            // "MANILA - ...": a dateline says where the story was filed, little more.
            let dateline = m.span.start < scope.mentions.dateline;
            let (tier, weight, why) = if dateline {
                (1, 0.5, format!("the dateline, {words}"))
            } else if in_sentence {
                // The party acting in the sentence ("A West German navy ship was hit") is
                // the strongest sign; where it happened comes next.
                let opening = (sentence_start..m.span.start).all(|k| {
                    toks.get(k).is_some_and(|t| {
                        !t.word
                            || t.is_any(&["a", "an", "the"])
                            || k + 3 >= m.span.start && !t.has(class::LOCATIVE)
                    })
                }) && m.span.start <= sentence_start + 3;
                let weight = if opening && !locative {
                    5.0
                } else if locative {
                    2.0
                } else {
                    1.0
                };
                (0, weight, format!("“{words}” in its sentence"))
            } else if locative {
                (1, 1.0, format!("“{words}” in its paragraph"))
            } else {
                continue;
            };
            let entry = tiers[tier].entry(party).or_insert((0.0, why));
            entry.0 += weight;
        }
        // "a senior local police official": of the place the paragraph before named.
        if let (before, [(party, words)]) = (self.recent_places.0, self.recent_places.1.as_slice())
            && before + 1 == self.paragraph
            && (domestic || plain)
        {
            tiers[2].insert(*party, (1.0, format!("“{words}” in the paragraph before")));
        }
        if let Some((party, words)) = self.story_place_index() {
            tiers[3].insert(party, (1.0, format!("the places of the story ({words})")));
        }
        // The headline is the weakest sign: not enough for diplomats or sources, who may
        // be anyone's.
        let anyones = super::lexicon::classes(&base.head) & class::NONPARTY != 0;
        if let Some((party, words)) = self.headline.as_ref().filter(|_| !anyones) {
            tiers[4].insert(
                *party,
                (1.0, format!("the only state the headline names ({words})")),
            );
        }
        for tier in tiers {
            let mut ranked: Vec<(usize, f32, String)> =
                tier.into_iter().map(|(p, (w, why))| (p, w, why)).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let unique = match ranked.as_slice() {
                [(party, w, why)] => Some((*party, *w, why.clone())),
                [(party, w, why), (_, w2, _), ..] if w > w2 => Some((*party, *w, why.clone())),
                _ => None,
            };
            if let Some((party, _, why)) = unique {
                return Referent {
                    party: self.gazetteer.party(party).map(|p| p.id.clone()),
                    evidence: format!("“{}” of the state its context names: {why}", base.name),
                    ..base
                };
            }
        }
        base
    }

    /// The state whose places the document names most: the only one, or one named at
    /// least twice and more than twice as often as any other ("Ganja" five times beats the
    /// "Geneva Conventions" once).
    fn story_place_index(&self) -> Option<(usize, String)> {
        // The places read so far decide; the whole story only where they do not.
        Self::dominant(&self.places)
            .or_else(|| Self::dominant(&self.story_places))
            .map(|only| {
                (
                    only,
                    self.place_words.get(&only).cloned().unwrap_or_default(),
                )
            })
    }

    fn dominant(places: &HashMap<usize, usize>) -> Option<usize> {
        let mut ranked: Vec<(usize, usize)> = places.iter().map(|(&p, &n)| (p, n)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        match ranked.as_slice() {
            [(only, _)] => Some(*only),
            [(top, n), (_, m), ..] if *n >= 2 && *n > 2 * m => Some(*top),
            _ => None,
        }
    }

    /// The state whose places the document names (see `story_place_index`): where the
    /// story happens.
    pub fn story_place(&self) -> Option<(String, String)> {
        let (only, words) = self.story_place_index()?;
        Some((self.gazetteer.party(only)?.id.clone(), words))
    }

    fn statelike(&self, party: usize) -> bool {
        self.gazetteer
            .party(party)
            .is_some_and(|p| matches!(p.kind, PartyKind::State | PartyKind::Defacto))
    }
}

/// Whether `surname` (normalised) names the person `name` introduced: a word of the name
/// itself, before any apposition ("Alexey Smirnov, Kursk's acting governor" is Smirnov;
/// "Governor Vyacheslav Gladkov" is Gladkov), or a misspelling of one that differs in a
/// single letter of a long name ("Hajivev" for Hajiyev).
fn names_person(name: &str, surname: &str) -> bool {
    let own = name.split(',').next().unwrap_or(name);
    own.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| w.eq_ignore_ascii_case(surname) || one_letter_apart(&w.to_lowercase(), surname))
}

/// Two long words of the same length and first letter that differ in one letter only.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len()
        && a.len() >= 6
        && a.first() == b.first()
        && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// A plural noun's singular, for matching "militants" with "militant": drops one "s".
fn singular(noun: &str) -> &str {
    noun.strip_suffix('s')
        .filter(|w| w.len() > 2)
        .unwrap_or(noun)
}
