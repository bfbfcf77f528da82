//! The people a figure counts, read from their own words: a party named in the phrase
//! ("Libyan troops", "soldiers of the Karabakh Defense Army"), a possessive ("our
//! soldiers", "its fighters"), the crew of a craft that was hit, named people counted one
//! by one, whether a head word is of civilians, captives handed over to a party, and
//! whether a voice is an army's that reports its own, martyrs a party mourns, and hostile
//! people named around the figure.

use std::ops::Range;

use super::*;

pub(super) fn same_people(read: &Read, s: &Surround<'_>, head: Option<&Token<'_>>) -> Option<Side> {
    let count = read.figure.count?;
    // Only where every earlier telling agrees whose they are: after "12 Azerbaijani
    // soldiers" and "12 Armenian soldiers", "12 soldiers" are unknown.
    let mut told = s
        .earlier
        .iter()
        .filter(|e| e.count == Some(count) && e.status == read.status && e.side.is_stated());
    if let Some(first) = told.next()
        && told.any(|e| e.side.parties != first.side.parties)
    {
        return None;
    }
    // "Lieutenant A, Major B and Lieutenant C were killed": named people, the same number
    // and fate as a figure the story gave before, are those people.
    if head.is_none() && !read.victims.elliptical && !read.victims.who.is_empty() && count > 1 {
        let e =
            s.earlier.iter().rev().find(|e| {
                e.count == Some(count) && e.status == read.status && e.side.is_stated()
            })?;
        return Some(Side {
            parties: e.side.parties.clone(),
            evidence: Some(format!(
                "the same {count} {} as in paragraph {}",
                read.status.as_str(),
                e.paragraph
            )),
        });
    }
    if let Some(h) = head
        && let Some(e) = s.earlier.iter().rev().find(|e| {
            e.count == Some(count)
                && e.head.as_deref() == Some(h.norm.as_str())
                && e.side.is_stated()
        })
    {
        return Some(Side {
            parties: e.side.parties.clone(),
            evidence: Some(format!(
                "the same {count} {} as in paragraph {}",
                h.text, e.paragraph
            )),
        });
    }
    // "53 Ukrainian prisoners were killed" then "about 53 soldiers were killed": a figure
    // large enough to be told apart, of the same fate, given again in a later paragraph
    // under another word, is the same people, when every earlier telling agrees whose.
    if count < 10 {
        return None;
    }
    let mut same = s.earlier.iter().filter(|e| {
        e.count == Some(count)
            && e.status == read.status
            && e.paragraph < s.paragraph
            && e.side.is_stated()
    });
    let first = same.next()?;
    if same.any(|e| e.side.parties != first.side.parties) {
        return None;
    }
    Some(Side {
        parties: first.side.parties.clone(),
        evidence: Some(format!(
            "the same {count} {} as in paragraph {}",
            read.status.as_str(),
            first.paragraph
        )),
    })
}

/// The parties a phrase names as owners, not agents or stances. Several different ones
/// make a figure of several sides.
pub(super) fn phrase_side(
    scope: &Scope<'_>,
    phrase: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
    head: Option<&Token<'_>>,
) -> Option<Side> {
    let toks = scope.toks;
    let mut parties: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let civilian = head.is_none_or(civilian_word);
    // "Hamas hostages" are held by Hamas: a group before a captive is its captor.
    let captive = head.is_some_and(|h| h.has(class::NOUN_CAPTURED));
    for m in scope.mentions.within(phrase.clone()) {
        if m.stance || is_agent(m.span.start) {
            continue;
        }
        if captive
            && m.party()
                .and_then(|p| scope.gazetteer.party(p))
                .is_some_and(|p| p.kind == PartyKind::Group)
        {
            continue;
        }
        // A place in the phrase ("civilians from Ganja") counts for civilians only, unless
        // it modifies the head as a party word does ("Karabakh servicemen", "Tigray
        // forces"); a person named in it is the victim, not a party word.
        let modifier = head.is_some_and(|h| {
            m.span.end <= h.start
                && (m.span.end..toks.iter().position(|t| t.start == h.start).unwrap_or(0)).all(
                    |k| {
                        toks.get(k)
                            .is_some_and(|t| t.word && !t.has(class::NP_STOP))
                    },
                )
        });
        if m.kind == MentionKind::Place && !civilian && !modifier || m.kind == MentionKind::Person {
            continue;
        }
        // "an envoy to Iraq": the object of another preposition is not the owner.
        let before = m.span.start.checked_sub(1).and_then(|k| toks.get(k));
        if m.span.start > phrase.start
            && before.is_some_and(|t| {
                t.has(class::FOREIGN_PREP) && !t.is_any(&["of", "from", "in", "at"])
            })
        {
            continue;
        }
        let Some(party) = m.party().and_then(|p| scope.party_id(p)) else {
            continue;
        };
        if !parties.contains(&party) {
            parties.push(party);
            words.push(crate::extract::entities::phrase_text(
                scope.text,
                toks,
                m.span.clone(),
            ));
        }
    }
    // "Armenian police officers from Karabakh": the adjective before the head decides when
    // a complement names another party the scorer counts as the same.
    if parties.len() > 1 {
        let first_after_head = head.map(|h| h.start);
        let before_head: Vec<usize> = scope
            .mentions
            .within(phrase.clone())
            .enumerate()
            .filter(|(_, m)| {
                first_after_head
                    .is_some_and(|h| toks.get(m.span.start).is_some_and(|t| t.start < h))
            })
            .map(|(i, _)| i)
            .collect();
        if before_head.len() == 1 && related(scope, &parties) {
            parties.truncate(1);
            words.truncate(1);
        }
    }
    if parties.is_empty() {
        return None;
    }
    let evidence = format!(
        "“{}” in “{}”",
        words.join("”, “"),
        crate::extract::entities::phrase_text(scope.text, toks, phrase)
    );
    Some(Side {
        parties,
        evidence: Some(evidence),
    })
}

/// People whose harm in a place is that place's: civilians, and a community named by its
/// faith or people ("Sikhs", "Alawites", "Christians") that no lexicon list holds.
/// The side of a crew: the party named on the craft its sentence speaks of ("a Russian
/// Mi-24 military helicopter") that was hit.
pub(super) fn crew_side(read: &Read, scope: &Scope<'_>, sentence: Range<usize>) -> Option<Side> {
    let toks = scope.toks;
    let crew = |t: &Token<'_>| {
        t.is_any(&[
            "crew",
            "crewmen",
            "crewman",
            "pilots",
            "pilot",
            "aircrew",
            "crewmembers",
        ])
    };
    let head = read.victims.head.and_then(|h| toks.get(h))?;
    let crew_head = crew(head)
        || head.is_any(&["members", "member"])
            && read
                .victims
                .head
                .and_then(|h| h.checked_sub(1))
                .and_then(|k| toks.get(k))
                .is_some_and(crew);
    if !crew_head {
        return None;
    }
    let craft = |t: &Token<'_>| {
        t.is_any(&[
            "helicopter",
            "plane",
            "jet",
            "aircraft",
            "warplane",
            "airliner",
            "ship",
            "vessel",
            "boat",
            "warship",
            "frigate",
            "submarine",
            "tank",
            "gunship",
            "bomber",
            "fighter",
        ])
    };
    // The craft that was hit: "a helicopter has been shot down", "downed a helicopter",
    // "the downing of a Russian helicopter"; not the jet that shot it down.
    let hit = |t: &Token<'_>| {
        t.is_any(&[
            "shot",
            "downed",
            "downing",
            "crashed",
            "hit",
            "struck",
            "destroyed",
            "sank",
            "sunk",
            "sinking",
            "attacked",
            "intercepted",
        ])
    };
    let was_hit = |k: usize| {
        (k + 1..(k + 5).min(sentence.end)).any(|j| toks.get(j).is_some_and(|t| t.is("crashed")))
            || (k + 1..(k + 5).min(sentence.end)).any(|j| {
                toks.get(j).is_some_and(hit)
                    && toks
                        .get(j - 1)
                        .is_some_and(|t| t.is_any(&["was", "were", "been", "is", "being"]))
            })
            || (k.saturating_sub(7).max(sentence.start)..k).any(|j| toks.get(j).is_some_and(hit))
    };
    sentence.clone().find_map(|k| {
        if !toks.get(k).is_some_and(craft) || !was_hit(k) {
            return None;
        }
        let m = scope
            .mentions
            .list
            .iter()
            .rev()
            .filter(|m| {
                m.span.end <= k
                    && m.span.start >= sentence.start
                    && k - m.span.end <= 5
                    && !m.stance
                    && m.kind != MentionKind::Place
            })
            .find(|m| {
                (m.span.end..k).all(|j| {
                    toks.get(j)
                        .is_some_and(|t| t.word || t.is_punct('-') || t.is_punct('‑'))
                })
            })?;
        let party = m.party().and_then(|p| scope.party_id(p))?;
        let words = crate::extract::entities::phrase_text(scope.text, toks, m.span.start..k + 1);
        Some(Side::one(party, format!("the crew of “{words}”")))
    })
}

/// "four suspected Maute members", "alleged militants": people the text suspects of
/// fighting, never people of the place they were hit in.
pub(super) fn suspected(toks: &[Token<'_>], read: &Read) -> bool {
    toks.get(read.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.is_any(&["suspected", "alleged"])))
}

pub(super) fn civilian_word(t: &Token<'_>) -> bool {
    t.has(class::CIVILIAN)
        || t.capitalized()
            && t.norm.ends_with('s')
            && !t.has(class::PEOPLE | class::INSTITUTION | class::HOSTILE | class::NOT_PEOPLE)
}

/// Parties of which one is the other's de facto authority or the group of its country.
pub(super) fn related(scope: &Scope<'_>, parties: &[String]) -> bool {
    let g = scope.gazetteer;
    parties.iter().any(|a| {
        parties
            .iter()
            .any(|b| a != b && g.get(b).and_then(|p| p.country.as_deref()) == Some(a.as_str()))
    }) || parties.iter().any(|p| p == "karabakh") && parties.iter().any(|p| p == "armenia")
}

pub(crate) fn statelike(scope: &Scope<'_>, id: &str) -> bool {
    scope.gazetteer.get(id).is_some_and(|p| {
        matches!(
            p.kind,
            PartyKind::State | PartyKind::Defacto | PartyKind::Group
        )
    })
}

/// "our soldiers" are the speaker's; "its", "their" the party the clause is about; "Iraq's"
/// the party named.
pub(super) fn possessive_side(
    p: usize,
    s: &Surround<'_>,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
) -> Option<Side> {
    let toks = s.scope.toks;
    let tok = toks.get(p)?;
    if let Some(m) = s.scope.mentions.at(p).filter(|m| !m.stance) {
        let party = m.party().and_then(|x| s.scope.party_id(x))?;
        return Some(Side::one(party, format!("“{}”", tok.text)));
    }
    if tok.is("our") {
        let c = s.claimant?;
        let party = c.party.clone()?;
        return Some(Side::one(party, format!("“our” in {}'s words", c.name)));
    }
    // "it's fighters": the common misspelling of "its".
    if tok.is_any(&["its", "their"]) || tok.is("it") && tok.possessive() {
        // The nearest party named before it in the sentence, not as an agent.
        let owner = s
            .scope
            .mentions
            .list
            .iter()
            .rev()
            .filter(|m| {
                m.span.end <= p
                    && m.span.start >= sentence.start
                    && !m.stance
                    && !is_agent(m.span.start)
                    // "eliminated 15 Hamas terrorists ... one of its soldiers": a party
                    // word describing other people is not what "its" stands for.
                    && !toks.get(m.span.end).is_some_and(|t| t.has(class::PEOPLE))
                    // "launched 73 strikes on Yemen, killing five of its fighters": the
                    // land struck is not whose fighters they were; nor is a place named
                    // for its owner ("in the UN camp ..., including two of their own
                    // staff").
                    && !(sentence.start..m.span.start)
                        .rev()
                        .map_while(|k| toks.get(k))
                        .find(|t| !t.is_any(&["the", "a", "an"]))
                        .is_some_and(|t| {
                            t.is_any(&["on", "in", "at", "into", "against", "over", "across"])
                        })
            })
            .filter(|m| m.kind != MentionKind::Place)
            .find_map(|m| {
                m.party()
                    .and_then(|x| s.scope.party_id(x))
                    .map(|id| (id, m.span.clone()))
            });
        if let Some((party, span)) = owner {
            let words = crate::extract::entities::phrase_text(s.scope.text, toks, span);
            return Some(Side::one(
                party,
                format!("“{}” refers to {words}", tok.text),
            ));
        }
        let c = s.claimant.filter(|c| c.voice == Voice::Party)?;
        let party = c.party.clone()?;
        return Some(Side::one(
            party,
            format!("“{}” refers to {}", tok.text, c.name),
        ));
    }
    None
}

/// An army, a border service, a security service: a voice that reports its own forces.
pub(super) fn military_voice(c: &Referent) -> bool {
    c.words
        .iter()
        .chain(std::iter::once(&c.head))
        .map(String::as_str)
        .chain(c.name.split(|ch: char| !ch.is_alphanumeric()))
        .any(|w| super::super::lexicon::classes(&w.to_lowercase()) & class::SECURITY != 0)
}

/// The party captives go back to, where the sentence hands them over: the nearest "to X"
/// after the figure, or else before it, in a sentence that frees or hands over captives.
pub(super) fn received_side(
    scope: &Scope<'_>,
    read: &Read,
    sentence: std::ops::Range<usize>,
) -> Option<Side> {
    let toks = scope.toks;
    let handing = (sentence.start..sentence.end).any(|k| {
        toks.get(k)
            .is_some_and(|t| t.has(class::FREEING) || t.is_any(&["handed", "transferred"]))
    });
    if !handing {
        return None;
    }
    let end = read.victims.who.end.max(read.span.end);
    let start = read.span.start.min(read.victims.who.start);
    let to_party = |k: usize| -> Option<(String, std::ops::Range<usize>)> {
        if !toks.get(k).is_some_and(|t| t.is("to")) {
            return None;
        }
        let at = if toks.get(k + 1).is_some_and(|t| t.is("the")) {
            k + 2
        } else {
            k + 1
        };
        let m = scope.mentions.at(at).filter(|m| !m.stance)?;
        let id = m.party().and_then(|p| scope.party_id(p))?;
        statelike(scope, &id).then_some((id, k..m.span.end))
    };
    let after = (end..(end + 6).min(sentence.end)).find_map(to_party);
    let found = after.or_else(|| {
        (start.saturating_sub(6).max(sentence.start)..start)
            .rev()
            .find_map(to_party)
    })?;
    let (party, span) = found;
    let words = super::super::entities::phrase_text(scope.text, toks, span);
    Some(Side::one(party, format!("captives handed over “{words}”")))
}

/// "Israeli officials have previously estimated the death toll at 1,400": the side of the
/// toll the same party gave before, for a toll that names no people of its own.
pub(super) fn same_toll(
    read: &Read,
    s: &Surround<'_>,
    sentence: Range<usize>,
    claimant: Option<&str>,
) -> Option<Side> {
    let toks = s.scope.toks;
    let the_toll = (sentence.start..read.span.start).any(|k| {
        toks.get(k).is_some_and(|t| t.is_any(&["toll", "tally"]))
            && k.checked_sub(1)
                .and_then(|j| toks.get(j))
                .is_some_and(|p| p.is_any(&["the", "death", "casualty"]))
    });
    let plain = read
        .victims
        .head
        .is_none_or(|h| toks.get(h).is_some_and(civilian_word));
    if !the_toll || !plain || claimant.is_none() {
        return None;
    }
    let e = s.earlier.iter().rev().find(|e| {
        e.claimant.as_deref() == claimant && e.status == read.status && e.side.is_stated()
    })?;
    Some(
        e.side
            .carried(|w| format!("the toll the same party gave before: {w}")),
    )
}

/// "10 Azerbaijani civilians were killed ... 30 civilians were injured": the side of an
/// earlier figure of the paragraph with the same head word and the same claimant.
pub(super) fn same_kind_before(
    s: &Surround<'_>,
    head: Option<&Token<'_>>,
    claimant: Option<&str>,
) -> Option<Side> {
    let h = head.filter(|h| h.has(class::PEOPLE))?;
    let e = s.earlier.iter().rev().find(|e| {
        e.paragraph == s.paragraph
            && e.claimant.as_deref() == claimant
            && e.side.is_stated()
            && e.head.as_deref() == Some(h.norm.as_ref())
    })?;
    Some(
        e.side
            .carried(|w| format!("the same “{}” counted before: {w}", h.text)),
    )
}

/// "There were two martyrs in Nur Shams," the health ministry said: a party mourns its own
/// people as martyrs; a health ministry an armed group runs mourns those of the ground it
/// holds.
pub(super) fn martyrs(head: Option<&Token<'_>>, s: &Surround<'_>) -> Option<Side> {
    let word = head.filter(|h| h.has(class::MARTYR))?;
    let c = s.claimant.filter(|c| c.voice == Voice::Party)?;
    let party = c.party.clone()?;
    let kind = s.scope.gazetteer.get(&party)?.kind;
    if kind == PartyKind::Intl {
        return None;
    }
    if kind == PartyKind::Group
        && c.has_word_class(class::DOMESTIC)
        && let Some((state, words)) = s.cx.story_place()
    {
        return Some(Side::one(
            state,
            format!(
                "“{}” counted by {}, on the ground of the story ({words})",
                word.text, c.name
            ),
        ));
    }
    Some(Side::one(
        party,
        format!("“{}” in {}'s account", word.text, c.name),
    ))
}

/// "one of the attackers blew himself up, three others were killed": "others" after hostile
/// people named just before in the sentence are more of them.
pub(super) fn others_of_hostile<'t>(
    read: &Read,
    toks: &'t [Token<'t>],
    sentence: Range<usize>,
) -> Option<&'t Token<'t>> {
    let who = toks.get(read.victims.who.clone())?;
    if !who.iter().any(|t| t.is_any(&["others", "another"])) {
        return None;
    }
    (sentence.start..read.span.start)
        .rev()
        .filter_map(|k| toks.get(k))
        .find(|t| t.word && t.has(class::PEOPLE | class::HOSTILE))
        .filter(|t| t.has(class::HOSTILE))
}

/// "three bodies, believed to be attackers": the people an apposition says they were.
pub(super) fn described_after<'t>(
    toks: &'t [Token<'t>],
    end: usize,
    sentence: usize,
) -> Option<&'t Token<'t>> {
    let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    if !at(end).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    at(end + 1).filter(|t| {
        t.is_any(&[
            "believed",
            "thought",
            "said",
            "suspected",
            "identified",
            "presumed",
        ])
    })?;
    let mut k = end + 2;
    while at(k).is_some_and(|t| t.is_any(&["to", "be", "as", "the", "all", "of", "being"])) {
        k += 1;
    }
    at(k).filter(|t| t.has(class::PEOPLE | class::HOSTILE))
}

/// "members of the armed group", "fighters of the group": people of a group named only by
/// its kind.
pub(super) fn of_the_group(toks: &[Token<'_>], end: usize) -> bool {
    if !(toks.get(end).is_some_and(|t| t.is("of"))
        && toks.get(end + 1).is_some_and(|t| t.is("the")))
    {
        return false;
    }
    (end + 2..end + 5)
        .map_while(|k| toks.get(k))
        .take_while(|t| t.word && !t.capitalized())
        .any(|t| t.has(class::GROUP_NOUN))
}

/// "more than 2,700 people, including Hezbollah militants and medics, were wounded": a
/// party whose fighters or soldiers a figure includes is of its side too, beside the side
/// already found. With no side found, the part names no side for the whole. Figures that
/// take this one's side later (its details) take the side before this.
pub(crate) fn with_included(read: &Read, s: &Surround<'_>, mut side: Side) -> Side {
    if !side.is_stated() || read.detail {
        return side;
    }
    let toks = s.scope.toks;
    let after = read.victims.who.end.max(read.span.end);
    let Some(sentence) = toks.get(read.span.start).map(|t| t.sentence) else {
        return side;
    };
    // "467 people in Lebanon, including": past a place after the people.
    let Some(including) = (after..after + 6)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.has(class::SPEECH_VERB))
        })
        .find(|&k| toks.get(k).is_some_and(|t| t.is("including")))
    else {
        return side;
    };
    let end = (including + 1..including + 14)
        .take_while(|&k| {
            toks.get(k).is_some_and(|t| {
                t.sentence == sentence
                    && !t.has(class::SPEECH_VERB | class::AUXILIARY)
                    && !t.is_punct(';')
                    && !t.is("according")
            })
        })
        .last()
        .map_or(including, |k| k + 1);
    let sentence_range = super::sentence_tokens(s.tokens, sentence);
    let add = |side: &mut Side, party: String, words: &str| {
        if !side.parties.contains(&party) {
            side.parties.push(party);
            side.evidence = Some(match side.evidence.take() {
                Some(before) => format!("{before}; and “{words}” among them"),
                None => format!("“{words}” among them"),
            });
        }
    };
    // "including two of its members", "including members of the group": the group's own
    // people, by the party "its" stands for or by the group the story named.
    let fighters_word = |t: &Token<'_>| {
        t.has(class::COMBATANT | class::HOSTILE) || t.is_any(&["members", "member"])
    };
    for k in including + 1..end {
        let Some(t) = toks.get(k) else { continue };
        let party = if t.is_any(&["its", "their"]) && toks.get(k + 1).is_some_and(fighters_word) {
            possessive_side(k, s, sentence_range.clone(), &|_| false)
                .and_then(|found| found.parties.into_iter().next())
        } else if fighters_word(t) && of_the_group(toks, k + 1) {
            s.cx.last_group().map(|(id, _)| id)
        } else {
            None
        };
        if let Some(party) = party {
            let words = crate::extract::entities::phrase_text(s.scope.text, toks, k..k + 2);
            add(&mut side, party, &words);
        }
    }
    // "including 304 Hezbollah fighters": a party named before its fighters.
    for m in s
        .scope
        .mentions
        .list
        .iter()
        .filter(|m| m.span.start > including && m.span.end < end && !m.stance)
    {
        let fighters = toks
            .get(m.span.end)
            .is_some_and(|t| t.has(class::COMBATANT | class::HOSTILE));
        if let Some(party) = m
            .party()
            .and_then(|p| s.scope.party_id(p))
            .filter(|_| fighters)
        {
            let words = crate::extract::entities::phrase_text(
                s.scope.text,
                toks,
                m.span.start..m.span.end + 1,
            );
            add(&mut side, party, &words);
        }
    }
    side
}
