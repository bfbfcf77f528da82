//! Where people were hit and whose forces were there: the place of a clause, the one
//! party a clause names, a side named as such ("on the Israeli side"), and whether a
//! figure may take the place where the story happens.

use std::ops::Range;

use super::super::context::Context;
use super::super::entities::{MentionKind, Referent, Scope, Voice};
use super::super::figures::Read;
use super::super::knowledge::PartyKind;
use super::super::lexicon::class;
use super::super::speech::sentence_tokens;
use super::agents::{agent_party, agent_spans};
use super::people::{civilian_word, suspected};
use super::{Side, Surround};

/// The one party named in the figure's clause (outside the speaker's phrase, agents,
/// stances and places), when it owns a unit, a ship or a base: whose forces were there.
pub(super) fn clause_party(
    scope: &Scope<'_>,
    read: &Read,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
    claimant: Option<&Referent>,
) -> Option<Side> {
    let toks = scope.toks;
    let mut found: Vec<(String, Range<usize>)> = Vec::new();
    for m in &scope.mentions.list {
        if m.span.start < sentence.start
            || m.span.end > sentence.end
            || m.stance
            || is_agent(m.span.start)
            || m.span.start < scope.mentions.dateline
            || m.kind == MentionKind::Place
            || m.kind == MentionKind::Person
        {
            continue;
        }
        // "three police officers and two Azerbaijani soldiers": a party word in another
        // figure's phrase is that figure's.
        if m.span.start > 0
            && super::super::numbers::starts_number(toks, m.span.start - 1)
            && !read.span.contains(&(m.span.start - 1))
        {
            continue;
        }
        // A speaker's own name is not the clause's: "..., the Azerbaijani ministry said".
        // Nor is the author of a statement: "quoted a JNIM statement as saying".
        // Nor one after its verb: "..., said a UN spokesperson".
        let in_frame = (m.span.end..(m.span.end + 4).min(sentence.end))
            .any(|k| toks.get(k).is_some_and(|t| t.has(class::SPEECH_VERB)))
            || toks.get(m.span.end).is_some_and(|t| t.has(class::VENUE))
            || (m.span.start.saturating_sub(3).max(sentence.start)..m.span.start)
                .any(|k| toks.get(k).is_some_and(|t| t.has(class::SPEECH_VERB)));
        // "According to ISWAP in a post seen by ...": the source, not whose forces.
        let source = (m.span.start.saturating_sub(2).max(sentence.start)..m.span.start)
            .any(|k| toks.get(k).is_some_and(|t| t.is("according")));
        // "terrorists belonging to the Islamic State group killed six soldiers": a party
        // on the subject's side of the verb that killed them.
        // Not the object of an earlier verb: "struck a gathering point of Ukrainian
        // special forces and killed up to 30".
        let subject_side = match read.voice {
            super::super::figures::Voice::Active { verb } => {
                m.span.end <= verb
                    && verb < read.span.start
                    && (m.span.end..verb).all(|k| {
                        toks.get(k)
                            .is_some_and(|t| !t.is("and") && !t.has(class::ATTACK_VERB))
                    })
            }
            _ => false,
        };
        if in_frame || source || subject_side {
            continue;
        }
        // It must own something a force is in: "navy ship", "army headquarters", "troops".
        let owns = (m.span.end..(m.span.end + 3).min(sentence.end))
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
            .any(|k| {
                toks.get(k).is_some_and(|t| {
                    t.has(class::INSTITUTION | class::COMBATANT)
                        || t.is_any(&[
                            "ship",
                            "vessel",
                            "warship",
                            "frigate",
                            "destroyer",
                            "tanker",
                            "base",
                            "camp",
                            "post",
                            "outpost",
                            "position",
                            "positions",
                            "patrol",
                            "convoy",
                            "aircraft",
                            "plane",
                            "helicopter",
                            "jet",
                            "boat",
                            "submarine",
                            "garrison",
                            "barracks",
                            "headquarters",
                        ])
                })
            });
        if !owns {
            continue;
        }
        let Some(id) = m.party().and_then(|p| scope.party_id(p)) else {
            continue;
        };
        if !found.iter().any(|(f, _)| *f == id) {
            found.push((id, m.span.clone()));
        }
    }
    let _ = (read, claimant);
    match found.as_slice() {
        [(id, span)] => {
            let words = super::super::entities::phrase_text(scope.text, toks, span.clone());
            Some(Side::one(
                id.clone(),
                format!("the only party its clause names: “{words}”"),
            ))
        }
        _ => None,
    }
}

/// Civilians take the side of the place where they were hit: a locative phrase in the
/// figure's clause ("in the South African township of KwaMashu", "in Ganja").
pub(super) fn place_side(
    cx: &Context<'_>,
    scope: &Scope<'_>,
    read: &Read,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
) -> Option<Side> {
    let toks = scope.toks;
    // "25,105 people have died ... since Hamas launched its assault in southern Israel":
    // a clause of time with a party for its subject tells of another event, and where
    // that happened is not where these people were hit.
    // So does a phrase of time that names an operation: "on the second day of an
    // offensive in north-eastern Syria" says when, not where these people were.
    let other_event = (read.span.end.max(read.victims.who.end)..sentence.end).find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["since", "after", "before", "until"]))
            && (k + 1..(k + 4).min(sentence.end))
                .any(|j| scope.mentions.at(j).is_some_and(|m| m.party().is_some()))
            || toks.get(k).is_some_and(|t| t.is("day"))
                && toks.get(k + 1).is_some_and(|t| t.is("of"))
                && k.checked_sub(2)
                    .and_then(|j| toks.get(j))
                    .is_some_and(|t| t.is("the"))
    });
    let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
    for m in &scope.mentions.list {
        if m.span.start < sentence.start
            || m.span.end > sentence.end
            || m.stance
            || is_agent(m.span.start)
            || m.span.start < scope.mentions.dateline
            || other_event.is_some_and(|k| m.span.start > k)
        {
            continue;
        }
        // "which is adjacent to Ukraine's Sumy region": a place named to say where
        // another place lies is not where people were hit.
        let beside = (1..=4).any(|back| {
            m.span.start.checked_sub(back).is_some_and(|k| {
                toks.get(k).is_some_and(|t| {
                    t.is_any(&[
                        "adjacent",
                        "bordering",
                        "borders",
                        "neighbouring",
                        "neighboring",
                        "beyond",
                    ]) || t.is("border") && toks.get(k + 1).is_some_and(|n| n.is("with"))
                })
            })
        });
        if beside {
            continue;
        }
        // A city or region anywhere in the clause, or a country's name inside a locative
        // phrase: a locative preposition a few words before it.
        // Not "fighting over Nagorno-Karabakh": what a war is about.
        let city = matches!(m.kind, MentionKind::Place | MentionKind::Capital)
            && !(m.span.start > 0
                && toks
                    .get(m.span.start - 1)
                    .is_some_and(|t| t.is_any(&["from", "by", "over"])));
        let located =
            city || (1..=5).any(|back| {
                let Some(k) = m.span.start.checked_sub(back) else {
                    return false;
                };
                let Some(t) = toks.get(k) else { return false };
                // "on the contact line with Azerbaijan": another preposition between
                // makes the name the object of that one, not where people were.
                let between_ok = (k + 1..m.span.start).all(|j| {
                    toks.get(j).is_some_and(|x| {
                        x.word
                            && !x.has(class::SPEECH_VERB | class::ATTACK_NOUN)
                            && !x.is_any(&[
                                "with",
                                "against",
                                "to",
                                "toward",
                                "towards",
                                "from",
                                "by",
                                "between",
                                "into",
                                "over",
                                "adjacent",
                                "bordering",
                                "beyond",
                            ])
                    })
                });
                t.has(class::LOCATIVE) && !t.is("from") && between_ok
            }) || m.span.start > 0
                && toks.get(m.span.start - 1).is_some_and(|t| t.is("of"))
                && m.span.start > 1
                && toks.get(m.span.start - 2).is_some_and(|t| {
                    t.is_any(&[
                        "township", "town", "village", "city", "province", "region", "district",
                        "capital", "port", "state", "area", "suburb", "camp",
                    ])
                });
        if !located {
            continue;
        }
        // What the place is after: a place noun or an attack makes it where; "in Iraqi
        // custody" does not.
        let place_like = matches!(
            m.kind,
            MentionKind::Place | MentionKind::Name | MentionKind::Capital
        ) || m.kind == MentionKind::Demonym
            && (toks
                .get(m.span.end)
                .is_some_and(|t| t.is_any(super::super::context::PLACE_NOUNS))
                // "in Indian-administered Kashmir": the ground a state administers.
                || toks
                    .get(m.span.end - 1)
                    .is_some_and(|t| t.compound_tail_is(&["administered"])));
        if !place_like {
            continue;
        }
        // "a missile strike near Nagorno-Karabakh": near a country, or ground a de facto
        // authority holds, is outside it or on either side of its line; near a town of a
        // state is in that state.
        let defacto = m
            .party()
            .and_then(|p| scope.gazetteer.party(p))
            .is_some_and(|p| p.kind == PartyKind::Defacto);
        let near_country = (m.kind == MentionKind::Name || defacto)
            && m.span.start > 0
            && toks.get(m.span.start - 1).is_some_and(|t| t.is("near"));
        if near_country {
            continue;
        }
        let Some(party) = m.party() else { continue };
        if m.kind == MentionKind::Place && cx.stray_place(party) {
            continue;
        }
        if scope
            .gazetteer
            .party(party)
            .is_some_and(|p| matches!(p.kind, PartyKind::State | PartyKind::Defacto))
        {
            candidates.push((party, m.span.clone()));
        }
    }
    let first = candidates.first()?.0;
    if candidates.iter().any(|(p, _)| *p != first) {
        // Places of two states in one clause: the text does not say where.
        let all_near = candidates.windows(2).all(|w| w[0].0 == w[1].0);
        if !all_near {
            return None;
        }
    }
    let (party, span) = candidates.first()?.clone();
    let id = scope.party_id(party)?;
    let words = super::super::entities::phrase_text(scope.text, toks, span);
    Some(Side::one(id, format!("hit in “{words}”")))
}

/// The one state the sentence (or else the speaker) places the events in, with the words.
pub(super) fn country_of_sentence(
    s: &Surround<'_>,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
) -> Option<(String, String)> {
    let scope = s.scope;
    let mut found: Vec<(String, String)> = Vec::new();
    for m in &scope.mentions.list {
        if m.span.start < sentence.start
            || m.span.end > sentence.end
            || m.stance
            || is_agent(m.span.start)
            || m.span.start < scope.mentions.dateline
        {
            continue;
        }
        let Some(id) = m.party().and_then(|p| scope.party_id(p)) else {
            continue;
        };
        if scope
            .gazetteer
            .get(&id)
            .is_some_and(|p| p.kind == PartyKind::State)
        {
            found.push((
                id,
                format!(
                    "“{}”",
                    super::super::entities::phrase_text(scope.text, scope.toks, m.span.clone())
                ),
            ));
        }
    }
    found.dedup_by(|a, b| a.0 == b.0);
    match found.as_slice() {
        [one] => Some(one.clone()),
        [] => {
            let c = s.claimant.filter(|c| c.voice == Voice::Party)?;
            let id = c.party.clone()?;
            scope
                .gazetteer
                .get(&id)
                .is_some_and(|p| p.kind == PartyKind::State)
                .then(|| (id, format!("the country of {}", c.name)))
        }
        _ => None,
    }
}

/// "killed on the Israeli side", "on Armenia's side": a side the text names as such, after
/// the figure in its clause.
pub(super) fn named_side(scope: &Scope<'_>, read: &Read, sentence: Range<usize>) -> Option<Side> {
    let from = read.victims.who.end.max(read.span.end);
    side_named_in(scope, from..(from + 12).min(sentence.end))
}

/// "On the Azerbaijani side, two dead and one injured", "There were also losses on the
/// Azerbaijani side. Two dead": a side named just before the figure, with no other figure
/// between them.
pub(super) fn named_side_before(
    scope: &Scope<'_>,
    read: &Read,
    earlier_end: usize,
) -> Option<Side> {
    let first = read.span.start.min(read.victims.who.start);
    side_named_in(scope, earlier_end.max(first.saturating_sub(14))..first)
}

fn side_named_in(scope: &Scope<'_>, range: Range<usize>) -> Option<Side> {
    side_that_has(scope, range.clone()).or_else(|| side_named_on(scope, range))
}

/// "The Armenian side has one wounded", "the Azerbaijani side suffered two dead": a side
/// that has or suffered the figure right after it.
fn side_that_has(scope: &Scope<'_>, range: Range<usize>) -> Option<Side> {
    let toks = scope.toks;
    let verb = (range.start + 1..range.end).rev().find(|&k| {
        toks.get(k).is_some_and(|t| {
            t.is_any(&["has", "had", "have", "suffered", "sustained", "lost"])
                && toks.get(k - 1).is_some_and(|s| s.is("side"))
        })
    })?;
    // Nothing but a bound between the verb and the figure.
    let bound = (verb + 1..range.end).all(|k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["at", "least", "up", "to", "about", "some", "over"]))
    });
    if !bound {
        return None;
    }
    let side_at = verb - 1;
    let m = scope
        .mentions
        .within(side_at.saturating_sub(3)..side_at)
        .find(|m| !m.stance && m.party().is_some())?;
    let party = scope.party_id(m.party()?)?;
    let words = super::super::entities::phrase_text(scope.text, toks, m.span.start..side_at + 1);
    Some(Side::one(party, format!("“{words}”")))
}

fn side_named_on(scope: &Scope<'_>, range: Range<usize>) -> Option<Side> {
    let toks = scope.toks;
    let to = range.end;
    let on = range.clone().find(|&k| {
        toks.get(k).is_some_and(|t| t.is("on"))
            && (k + 2..(k + 5).min(to)).any(|j| toks.get(j).is_some_and(|t| t.is("side")))
    })?;
    let side_at =
        (on + 2..(on + 5).min(to)).find(|&j| toks.get(j).is_some_and(|t| t.is("side")))?;
    let m = scope
        .mentions
        .within(on + 1..side_at)
        .find(|m| !m.stance && m.party().is_some())?;
    let party = scope.party_id(m.party()?)?;
    let words = super::super::entities::phrase_text(scope.text, toks, on..side_at + 1);
    Some(Side::one(party, format!("“{words}”")))
}

/// Whether a figure left without a side may take the place where the story happens:
/// civilians, or people the text does not describe. Returns the party of whoever hit them
/// (None when no one is named), which the caller weighs against the place once the whole
/// story is read: a group's attack from its own land hits people elsewhere.
pub(crate) fn story_place_candidate(read: &Read, s: &Surround<'_>) -> Option<Option<String>> {
    let toks = s.scope.toks;
    let head = read.victims.head.and_then(|h| toks.get(h));
    let civilian =
        head.is_none_or(|h| civilian_word(h) && !h.has(class::HOSTILE)) && !suspected(toks, read);
    // Captives are held somewhere, not from there.
    let captive = head.is_some_and(|h| h.has(class::NOUN_CAPTURED));
    // "Among the casualties, 1,277 were taken to hospitals": people with no phrase and
    // no figure before them in the paragraph are people of the story's place.
    let elliptical =
        read.victims.elliptical && s.earlier.iter().any(|e| e.paragraph == s.paragraph);
    if !civilian || captive || elliptical || read.status == super::super::Status::Captured {
        return None;
    }
    let sentence = sentence_tokens(s.tokens, read.sentence(toks));
    let agents = agent_spans(read, s.scope, sentence);
    Some(agent_party(s.scope, &agents, s.claimant))
}
