//! Resolving a phrase to whom it speaks for: its owner, an earlier speaker it names again, or
//! the state its context names.

use std::ops::Range;

use super::super::context::Context;
use super::super::knowledge::PartyKind;
use super::super::lexicon::class;
use super::super::tokens::Token;
use super::outlets::{self, Phrase};
use super::*;

/// Whom a phrase speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// A party: a state, group or body, or someone speaking for one.
    Party,
    /// A publication or broadcaster that is no party's voice.
    Media,
    /// Witnesses, diplomats, analysts, doctors, companies: no party.
    NonParty,
    /// The text does not say.
    Unknown,
}

/// A speaker or other actor as the text names it, resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Referent {
    /// The phrase as written, trimmed of its article.
    pub name: String,
    /// Party id.
    pub party: Option<String>,
    pub voice: Voice,
    /// A single person (he, she) rather than an institution (it, they).
    pub person: bool,
    /// The head word, for "the ministry" and "the spokesman" to find it again.
    pub head: String,
    /// The other words of its phrase, normalised: "the military" finds "the military
    /// spokesman".
    pub words: Vec<String>,
    /// The words the party came from.
    pub evidence: String,
}

impl Referent {
    /// The words of its phrase, its head last: "the Health Ministry" gives "health",
    /// "ministry".
    pub fn phrase_words(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.head.as_str()))
    }

    /// Whether a word of its phrase is in any of the lexicon classes `bits`.
    pub fn has_word_class(&self, bits: u64) -> bool {
        self.phrase_words()
            .any(|w| super::super::lexicon::classes(w) & bits != 0)
    }
}

/// The party a range of tokens names as an owner: the first mention in it that names a
/// party (not a place, not a stance), with the words it came from.
pub(crate) fn owner_in(
    scope: &Scope<'_>,
    range: Range<usize>,
    places_too: bool,
) -> Option<(usize, String)> {
    scope
        .mentions
        .within(range)
        .filter(|m| !m.stance && (places_too || m.kind != MentionKind::Place))
        .find_map(|m| {
            let party = m.party()?;
            Some((party, scope.words(m.span.clone())))
        })
}

/// Resolves a speaker's phrase. `sentence` is the token range of its sentence, for the
/// context an unqualified "the Defence Ministry" needs.
pub(crate) fn resolve_speaker(
    scope: &Scope<'_>,
    span: Range<usize>,
    cx: &Context,
    sentence: Range<usize>,
) -> Option<Referent> {
    let toks = scope.toks;
    let span = trim_np(toks, span)?;
    // "unionists and hospital authorities", "President Reagan and Defense Secretary
    // Caspar Weinberger": the first of two speakers decides, unless it names no one.
    if let Some(and) = (span.start + 1..span.end)
        .find(|&k| toks.get(k).is_some_and(|t| t.is("and")) && scope.mentions.at(k).is_none())
        && let Some(first) = resolve_one(scope, span.start..and, cx, sentence.clone())
    {
        let name = phrase_text(scope.text, toks, span.clone());
        if first.party.is_some() || first.voice != Voice::Unknown {
            return Some(Referent { name, ..first });
        }
    }
    resolve_one(scope, span, cx, sentence)
}

/// The part of a noun phrase that decides whom it speaks for: a group's own name over the
/// state it operates in ("Angola's UNITA rebel group"), a state over the body its envoy is
/// sent to ("Iraq's U.N. ambassador"), else the first owner named.
pub(crate) fn core_owner(scope: &Scope<'_>, core: Range<usize>) -> Option<(usize, String)> {
    // A de facto authority's region names it: "Nagorno-Karabakh officials".
    let defacto = |m: &Mention| {
        m.party()
            .is_some_and(|p| scope.party_kind(p) == Some(PartyKind::Defacto))
    };
    // A city or province before an office is where it governs: "Belgorod Gov. Vyacheslav
    // Gladkov", "Kharkiv regional police", "Punjab police".
    let toks = scope.toks;
    let office_after = |m: &Mention| {
        // "Belgorod Gov.", "Kharkiv regional police", "Gaza's Health Ministry": an office
        // within two words after the place.
        (m.span.end..m.span.end + 3)
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
            .any(|k| {
                toks.get(k)
                    .is_some_and(|t| t.has(class::INSTITUTION | class::OFFICE))
            })
    };
    let candidates: Vec<(usize, &Mention)> = scope
        .mentions
        .within(core)
        .filter(|m| !m.stance && (m.kind != MentionKind::Place || defacto(m) || office_after(m)))
        .filter_map(|m| Some((m.party()?, m)))
        .collect();
    let rank = |(party, m): &(usize, &Mention)| match (m.kind, scope.party_kind(*party)) {
        (MentionKind::Place, Some(PartyKind::Defacto)) => 1,
        (MentionKind::Place, _) => 4,
        (_, Some(PartyKind::Group)) => 0,
        (_, Some(PartyKind::Defacto)) => 1,
        (_, Some(PartyKind::State)) => 2,
        _ => 3,
    };
    let (party, m) = candidates.iter().min_by_key(|c| rank(c))?;
    Some((*party, scope.words(m.span.clone())))
}

pub(crate) fn resolve_one(
    scope: &Scope<'_>,
    span: Range<usize>,
    cx: &Context,
    sentence: Range<usize>,
) -> Option<Referent> {
    let toks = scope.toks;
    let span = trim_np(toks, span)?;
    let np = parse_np(toks, span.clone());
    let head_tok = toks.get(np.head)?;
    let name = scope.words(span.clone());
    let head = head_tok.norm.to_string();
    let person_head = head_tok.has(class::PERSON_TITLE)
        && !head_tok.is_any(&[
            "staff",
            "army",
            "navy",
            "defense",
            "defence",
            "state",
            "police",
            "military",
            "foreign",
            "interior",
            "security",
            "intelligence",
            "information",
            "war",
            "first",
            "prime",
            "national",
            "federal",
        ])
        || scope
            .mentions
            .at(np.head)
            .is_some_and(|m| m.kind == MentionKind::Person)
        || (head_tok.capitalized()
            && scope.mentions.at(np.head).is_none()
            && !head_tok.has(class::INSTITUTION | class::MEDIA | class::VENUE));
    let words: Vec<String> = toks
        .get(np.core.clone())
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.word)
        .map(|t| t.norm.to_string())
        .collect();
    let referent = |party: Option<usize>, voice: Voice, evidence: String| Referent {
        name: name.clone(),
        party: party.and_then(|p| scope.party_id(p)),
        voice,
        person: person_head,
        head: head.clone(),
        words: words.clone(),
        evidence,
    };
    // A speaker of no party named in the phrase: of the state its context names.
    let at_home = || {
        cx.home(
            scope,
            np.span.clone(),
            sentence.clone(),
            referent(None, Voice::Party, String::new()),
        )
    };

    // "Report informs", "Trend reports": the outlet speaking in its own name.
    if cx.is_outlet(&name) {
        return Some(referent(None, Voice::Media, String::new()));
    }
    // "Gold Fields of South Africa Ltd", "Cardinal Jaime Sin, the archbishop of Manila": a
    // company or a churchman speaks for no party. Not a short form the story defined:
    // "AFP" after "the Armed Forces of the Philippines" is the army, not the agency.
    if (span.start..span.end).any(|k| {
        toks.get(k).is_some_and(|t| t.has(class::NONPARTY_MARK)) && cx.acronym_at(toks, k).is_none()
    }) {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    // "General Guven Ergenc, Secretary General of the Turkish General Staff": a person
    // whose party is known, before an apposition, speaks for that party.
    if let Some(comma) =
        (span.start..span.end).find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))
        && let Some((party, m)) = scope
            .mentions
            .within(span.start..comma)
            .filter(|m| m.kind == MentionKind::Person && !m.stance)
            .find_map(|m| Some((m.party()?, m)))
    {
        return Some(Referent {
            person: true,
            ..referent(Some(party), Voice::Party, scope.words(m.span.clone()))
        });
    }
    // Pronouns stand for someone named earlier.
    if span.len() == 1 && head_tok.has(class::PRONOUN) {
        return cx.pronoun(&head, span.start);
    }
    // "According to him", "in her words": the object forms stand for the same people.
    if span.len() == 1 {
        let subject = match head.as_str() {
            "him" => Some("he"),
            "her" => Some("she"),
            "them" => Some("they"),
            _ => None,
        };
        if let Some(subject) = subject {
            return cx.pronoun(subject, span.start);
        }
    }
    // "his spokesman", "her office": the office of the person named before.
    if span.len() == 2
        && toks
            .get(span.start)
            .is_some_and(|t| t.is_any(&["his", "her"]))
        && head_tok.is_any(&[
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "office",
            "aide",
            "aides",
            "deputy",
        ])
    {
        // A person named before in the sentence ("UN chief Antonio Guterres is alarmed,
        // his spokesman told reporters"), else the last person heard.
        let named = scope
            .mentions
            .list
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && m.span.start >= sentence.start)
            .filter(|m| m.kind == MentionKind::Person && !m.stance)
            .find_map(|m| Some((m.party()?, scope.words(m.span.clone()))));
        if let Some((party, words)) = named {
            return Some(Referent {
                person: true,
                ..referent(Some(party), Voice::Party, words)
            });
        }
        if let Some(person) = cx.pronoun("he", span.start).filter(|r| r.party.is_some()) {
            return Some(Referent {
                name,
                person: true,
                head,
                ..person
            });
        }
    }
    // "No group claimed", "Nobody said": no one speaks.
    if toks.get(span.start).is_some_and(|t| t.has(class::NEGATION)) {
        return None;
    }
    // "the highest number of casualties reported": a speaker is someone, not something;
    // but "an official toll" is the officials' account, and "army figures" the army's.
    let official_count =
        head_tok.is_any(&["toll", "tally", "count", "figures", "statistics", "data"])
            && toks.get(np.core.clone()).is_some_and(|c| {
                c.iter().any(|t| {
                    t.is_any(&["official", "government"])
                        || t.word && t.has(class::INSTITUTION | class::SECURITY)
                })
            });
    // "the military's media wing": a wing of a state's army is the army's.
    // Not "the group's armed wing".
    let army_wing = head_tok.is("wing")
        && toks.get(np.span.start..np.head).is_some_and(|w| {
            w.iter().any(|t| t.has(class::SECURITY) && !t.is("armed"))
                && !w
                    .iter()
                    .any(|t| t.has(class::GROUP_NOUN | class::HOSTILE | class::REBELS))
        });
    let speaker_like = official_count
        || army_wing
        || scope.mentions.at(np.head).is_some()
        || head_tok.capitalized()
        || head_tok.has(
            class::INSTITUTION
                | class::PERSON_TITLE
                | class::MEDIA
                | class::NONPARTY
                | class::VENUE
                | class::REBELS,
        )
        || head_tok.has(class::PEOPLE)
            && !head_tok.has(
                class::NOUN_KILLED | class::NOUN_INJURED | class::NOUN_EITHER | class::NOUN_MISSING,
            );
    if !speaker_like {
        return None;
    }
    let definite = toks
        .get(span.start)
        .is_some_and(|t| t.is_any(&["the", "this", "that"]));

    // The head itself names a party: "Iraq", "Baghdad", "the Pentagon", "IRNA", "Reagan".
    if let Some(m) = scope
        .mentions
        .at(np.head)
        .filter(|m| !m.stance && m.kind != MentionKind::Place)
        && let Some(party) = m.party()
    {
        return Some(Referent {
            person: m.kind == MentionKind::Person,
            ..referent(Some(party), Voice::Party, scope.words(m.span.clone()))
        });
    }

    let core: Vec<&Token<'_>> = toks.get(np.core.clone())?.iter().collect();
    let owner = core_owner(scope, np.core.clone());

    // "the Hamas-run health ministry", "the Houthi-controlled government": an office an
    // armed group runs speaks for the group.
    // "the health minister in the Hamas-run government of Gaza" too, and "a Houthi-run
    // news outlet", its voice.
    if head_tok.has(class::INSTITUTION | class::PERSON_TITLE | class::OFFICE | class::MEDIA)
        && let Some(m) = scope.mentions.within(np.span.clone()).find(|m| {
            m.stance
                && scope.party_kind(m.party().unwrap_or(usize::MAX)) == Some(PartyKind::Group)
                && toks.get(m.span.start).is_some_and(|t| {
                    t.compound_tail_is(&["run", "controlled", "led", "administered"])
                })
        })
        && let Some(party) = m.party()
    {
        return Some(referent(
            Some(party),
            Voice::Party,
            scope.words(m.span.clone()),
        ));
    }

    // "a Saudi-led coalition", "the US-led alliance": a coalition speaks for the state
    // that leads it.
    if head_tok.is_any(&["coalition", "alliance"])
        && let Some(m) = scope.mentions.within(np.core.clone()).find(|m| {
            m.stance
                && toks
                    .get(m.span.end.saturating_sub(1))
                    .is_some_and(|t| t.compound_tail_is(&["led"]))
        })
        && let Some(party) = m.party()
    {
        return Some(referent(
            Some(party),
            Voice::Party,
            scope.words(m.span.clone()),
        ));
    }

    // "the foreign ministry said" after "the defence ministry in Moscow": another office
    // of the same kind of head.
    let same_kind = |e: &Referent| {
        let kind = |w: &str| crate::extract::lexicon::classes(w) & class::OFFICE_KIND != 0;
        let same = |a: &str, b: &str| {
            a == b || a.replace("defence", "defense") == b.replace("defence", "defense")
        };
        !e.words.iter().any(|w| kind(w))
            || core
                .iter()
                .filter(|t| t.has(class::OFFICE_KIND))
                .all(|t| e.words.iter().any(|w| same(w, t.norm.as_ref())))
    };
    // "the ministry", "the spokesman", "the sources": someone named before. Not "The
    // Ministry of Foreign Affairs of Tajikistan" after Kyrgyzstan's health ministry: a
    // party after "of" is its own.
    let owned_after = np
        .owners
        .iter()
        .any(|r| owner_in(scope, r.clone(), true).is_some());
    if definite
        && owner.is_none()
        && !owned_after
        && let Some(earlier) = cx.same_head_where(&head, person_head, same_kind)
    {
        return Some(earlier);
    }

    // Rebels speak for their country's rebels, unless a group's name says which.
    // "a resistance member", "a member of a resistance group" too.
    let rebel_word = |t: &&Token<'_>| t.is_any(&["rebel", "guerrilla", "insurgent", "resistance"]);
    let member_of_rebels = head_tok.is_any(&["member", "members", "commander", "spokesman"])
        && np
            .owners
            .first()
            .and_then(|r| toks.get(r.clone()))
            .is_some_and(|w| w.iter().any(|t| rebel_word(&t) || t.has(class::REBELS)));
    // "opposition military spokesman Lul Ruai Koang", "opposition forces": an
    // opposition under arms is the country's rebels, not a party in parliament.
    let armed_opposition = core.windows(2).any(|w| {
        w[0].is("opposition") && (w[1].has(class::SECURITY) || w[1].is_any(&["fighters", "troops"]))
    });
    if head_tok.has(class::REBELS)
        || core.iter().any(rebel_word)
        || member_of_rebels
        || armed_opposition
    {
        if let Some((party, words)) = owner
            .clone()
            .filter(|(p, _)| scope.party_kind(*p) == Some(PartyKind::Group))
        {
            return Some(referent(Some(party), Voice::Party, words));
        }
        let country = owner
            .clone()
            .filter(|(p, _)| scope.party_kind(*p) == Some(PartyKind::State))
            .map(|(p, w)| (scope.party_id(p), w))
            // Rebels are of the country where they fight: a place their sentence names,
            // else the story's; not a people it names ("rebels killed 84 fighters from
            // the Russian group Wagner" in Mali).
            .or_else(|| {
                let mut places = scope
                    .mentions
                    .list
                    .iter()
                    .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
                    .filter(|m| m.span.start >= scope.mentions.dateline && !m.stance)
                    .filter(|m| {
                        matches!(m.kind, MentionKind::Place | MentionKind::Capital)
                            || m.kind == MentionKind::Name
                                && (1..=3).any(|back| {
                                    m.span.start.checked_sub(back).is_some_and(|k| {
                                        toks.get(k).is_some_and(|t| t.has(class::LOCATIVE))
                                            && (k + 1..m.span.start)
                                                .all(|j| toks.get(j).is_some_and(|t| t.word))
                                    })
                                })
                    })
                    .filter_map(|m| {
                        let p = scope.gazetteer.party(m.party()?)?;
                        (p.kind == PartyKind::State)
                            .then(|| (p.id.clone(), scope.words(m.span.clone())))
                    });
                let first = places.next();
                match (first, places.next()) {
                    (Some((id, words)), None) => Some((Some(id), format!("“{words}”"))),
                    _ => cx.story_place().map(|(id, words)| {
                        (Some(id), format!("the places of the story ({words})"))
                    }),
                }
            });
        if let Some((Some(state), words)) = country {
            // "the rebel militia" after the Rapid Support Forces; not a body of its own
            // name ("Madani Resistance Committee").
            if let Some((party, name)) = cx
                .rebels_of(&state)
                .filter(|_| !core.iter().any(|t| t.capitalized()))
            {
                return Some(referent(
                    scope.gazetteer.index_of(&party),
                    Voice::Party,
                    format!("rebels of {state} ({words}), in a story that names {name}"),
                ));
            }
            let id = format!("{state}-rebels");
            return Some(Referent {
                party: scope.gazetteer.get(&id).map(|p| p.id.clone()),
                evidence: format!("rebels of {state}: {words}"),
                ..referent(None, Voice::Party, String::new())
            });
        }
        return Some(referent(None, Voice::Unknown, String::new()));
    }

    // "head of the Yeni Nesil Journalists Union", "the Doctors' Syndicate": a trade's
    // own body speaks for no party; so does one named for a cause ("The Sudanese
    // Organisation for the Protection of Civilians", "Kyunhla Activists Group").
    // Not a union a name makes a party: "the European Union's special representative".
    let trade_body = |r: Range<usize>| {
        r.clone().any(|k| {
            toks.get(k).is_some_and(|t| t.has(class::TRADE_BODY)) && scope.mentions.at(k).is_none()
        }) && r
            .clone()
            .any(|k| toks.get(k).is_some_and(|t| t.has(class::TRADE)))
    };
    if trade_body(np.span.clone()) {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    // "a spokesman for the newspaper La Nation", "hospital authorities", "company
    // officials": someone speaking for no party.
    for r in &np.owners {
        let Some(h) = (r.start..r.end)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| t.word && !t.capitalized()))
        else {
            continue;
        };
        let h = &toks[h];
        if h.has(class::MEDIA) && owner_in(scope, r.clone(), false).is_none() {
            return Some(referent(None, Voice::Media, String::new()));
        }
        if h.has(class::NONPARTY) && !h.has(class::INSTITUTION) {
            return Some(referent(None, Voice::NonParty, String::new()));
        }
    }
    // "aid group", "shipping sources": no party; but "local authorities" and "local
    // police" are the state's own, on their own ground.
    // So is "local governor Vyacheslav Gladkov": an office of the ground.
    let office = core.iter().any(|t| t.has(class::OFFICE));
    let own_ground = |t: &Token<'_>| {
        t.is_any(&["local", "regional", "provincial", "district", "municipal"])
            && (head_tok.has(class::INSTITUTION) || office)
    };
    // A capital that only opens the sentence ("Medical officials at the hospital said")
    // makes no proper name.
    let opens_sentence = |k: usize| {
        k == 0
            || toks
                .get(k - 1)
                .is_some_and(|p| p.sentence != toks[k].sentence || !p.word && k == 1)
    };
    let modifier_nonparty = (np.core.start..np.core.end.saturating_sub(1)).any(|k| {
        let t = &toks[k];
        t.has(class::NONPARTY | class::NONPARTY_SOURCES)
            && !t.has(class::INSTITUTION | class::STATE_SOURCES)
            && !own_ground(t)
            && (!t.capitalized()
                // "a local NGO official": a common noun's initials, not a name.
                || t.text.chars().all(|c| c.is_ascii_uppercase())
                || opens_sentence(k) && !t.has(class::OFFICE | class::PERSON_TITLE))
    });
    // Reporters, witnesses, cause bodies and hospital staff, whatever their country.
    if nonparty::of_no_party(scope, &np, &core, head_tok) {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    if modifier_nonparty && owner.is_none() {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    // "Former Minister of Foreign Affairs Mariam El Sadig El Mahdi", "a retired local
    // official": out of office, a person speaks for no state.
    if core.iter().any(|t| t.is_any(&["former", "ex", "retired"])) {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    let phrase = Phrase {
        scope,
        np: &np,
        core: &core,
        head: head_tok,
        owner: owner.as_ref(),
        cx,
        sentence: sentence.clone(),
        referent: &referent,
    };
    if let Some(found) = outlets::media(&phrase) {
        return Some(found);
    }
    // "According to the same source": the speaker heard last.
    if head_tok.is_any(&["source", "sources"])
        && core.iter().any(|t| t.is("same"))
        && let Some(last) = cx.last_heard()
    {
        return Some(Referent { name, ..last });
    }
    // "according to an official toll", "government figures": the state the context names.
    if official_count && owner.is_none() {
        return Some(at_home());
    }
    if let Some(found) = outlets::sources(&phrase) {
        return Some(found);
    }

    // No party: witnesses, diplomats, analysts, doctors, companies, "another local". A
    // rank in a force is an officer, though: "a Somali military captain", not a ship's.
    let ranked = head_tok.has(class::OFFICE) && core.iter().any(|t| t.has(class::SECURITY));
    if head_tok.has(class::NONPARTY) && !head_tok.has(class::INSTITUTION) && !ranked
        || head_tok.is_any(&["local", "locals"])
    {
        return Some(referent(None, Voice::NonParty, String::new()));
    }

    if let Some((party, words)) = owner.or_else(|| {
        np.owners
            .iter()
            .find_map(|r| owner_in(scope, r.clone(), false))
    }) {
        return Some(referent(Some(party), Voice::Party, words));
    }

    // "the Governor of the Gegharkunik Region of Armenia", "the mayor of Kharkiv": an
    // office of a place is that place's.
    if head_tok.has(class::PERSON_TITLE | class::OFFICE | class::INSTITUTION)
        && let Some((party, words)) = np
            .owners
            .iter()
            .find_map(|r| owner_in(scope, r.clone(), true))
    {
        return Some(referent(Some(party), Voice::Party, words));
    }

    // "Police in Chandigarh": an institution where it sits.
    if head_tok.has(class::INSTITUTION) {
        let placed = np.places.iter().find_map(|r| {
            owner_in(scope, r.clone(), true).map(|(p, w)| (p, format!("{} in {w}", head_tok.text)))
        });
        if let Some((party, evidence)) = placed {
            return Some(referent(Some(party), Voice::Party, evidence));
        }
    }

    // "the official, Kamal Kharrazi", "a ministry spokesman", "Kharrazi": someone named
    // before, by the head or by the institution it belongs to.
    // An earlier mention that gave no party yields to a title that places the speaker:
    // "Aleksandr Khinshtein has condemned ..." and then "Governor Aleksandr Khinshtein
    // said", in a sentence about Kursk Region.
    let titled = core.len() > 1
        && core
            .iter()
            .take(core.len() - 1)
            .any(|t| t.has(class::OFFICE));
    if (definite || head_tok.capitalized())
        && let Some(earlier) = cx
            .same_head_where(&head, person_head, same_kind)
            .filter(|e| e.party.is_some() || !titled)
    {
        return Some(Referent {
            name: name.clone(),
            ..earlier
        });
    }
    // "spokesperson Emmanuel Mlelemba said", after "Malawi's military spokesman
    // confirmed": a bare title before a name no one placed is the spokesman heard just
    // before, named now.
    if head_tok.capitalized()
        && let Some(title) = core
            .iter()
            .take(core.len().saturating_sub(1))
            .find(|t| t.is_any(&["spokesman", "spokeswoman", "spokesperson"]))
        && let Some(earlier) = cx.spokesman_just_before(title.norm.as_ref())
    {
        return Some(Referent {
            name: name.clone(),
            ..earlier
        });
    }
    // "Chief of the International Military Cooperation Department under the Defense
    // Ministry": the ministry named before, in its complement too.
    let complements: Vec<&Token<'_>> = np
        .owners
        .iter()
        .flat_map(|r| toks.get(r.clone()).unwrap_or(&[]).iter())
        .collect();
    for t in core
        .iter()
        .take(core.len().saturating_sub(1))
        .chain(complements.iter().rev())
        .filter(|t| t.has(class::INSTITUTION) && !t.has(class::PERSON_TITLE))
    {
        if let Some(earlier) = cx.same_head(&t.norm, false).filter(|e| e.party.is_some()) {
            return Some(Referent {
                name: name.clone(),
                person: person_head,
                head: head.clone(),
                ..earlier
            });
        }
    }
    if army_wing {
        return Some(at_home());
    }
    // "the ethnic armed group said": a group is the one the story named, never the state
    // it fights in; a bare "the statement" is no one's until its issuer is known.
    // "In a statement, the militants said": armed men speak for the group named.
    if head_tok.has(class::GROUP_NOUN) || definite && head_tok.has(class::HOSTILE) {
        let unknown = referent(None, Voice::Unknown, String::new());
        return Some(if definite {
            cx.latest_group(unknown)
        } else {
            unknown
        });
    }
    let official = core
        .iter()
        .any(|t| t.has(class::STATE_SOURCES | class::INSTITUTION) && !t.has(class::VENUE));
    // "The statement added" points back at a statement already issued: with none heard,
    // whose it is stays unknown ("A statement said" is still the context's).
    if definite && head_tok.has(class::VENUE) && !official {
        return Some(referent(None, Voice::Unknown, String::new()));
    }
    // "chief executive Anna Vogel": with no state named, an executive runs a company.
    let other_office = core.iter().any(|t| {
        t.has(class::STATE_SOURCES | class::INSTITUTION)
            && !t.has(class::VENUE)
            && !t.is_any(&["executive", "chief"])
    });
    if core.iter().any(|t| t.is("executive")) && !other_office {
        return Some(referent(None, Voice::NonParty, String::new()));
    }
    // "the mission", "the embassy": a body abroad, never the state it works in; the
    // international body heard just before, else no one known.
    if definite && head_tok.is_any(&["mission", "embassy", "delegation", "consulate"]) {
        return Some(
            cx.body_just_before()
                .map(|earlier| Referent {
                    name: name.clone(),
                    ..earlier
                })
                .unwrap_or_else(|| referent(None, Voice::Unknown, String::new())),
        );
    }
    if head_tok.has(class::INSTITUTION | class::PERSON_TITLE | class::VENUE) {
        return Some(at_home());
    }
    // "information minister Marco Lara": an office with no party named takes the state
    // its context names.
    if core.iter().any(|t| {
        t.has(class::OFFICE)
            || t.has(class::PERSON_TITLE)
                && t.has(class::INSTITUTION)
                && !t.is_any(&["mr", "mrs", "ms", "dr", "member", "former"])
            || t.is_any(&[
                "minister",
                "spokesman",
                "spokeswoman",
                "president",
                "premier",
                "ambassador",
                "envoy",
                "commander",
                "general",
            ])
    }) {
        return Some(at_home());
    }
    if core.len() == 1
        && let Some(earlier) = cx.by_initials(head_tok.text)
    {
        return Some(Referent {
            name: name.clone(),
            ..earlier
        });
    }
    if head_tok.capitalized() {
        // A person known only by name, whose party no paragraph has given yet.
        return Some(referent(None, Voice::Unknown, String::new()));
    }
    None
}
