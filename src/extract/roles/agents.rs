//! Who did the hitting: the agents of a figure's clause ("by X", "X killed ...", "X's
//! shelling"), never the side of the people hit; and the side of those an attacker or a
//! retreat left behind.

use std::ops::Range;

use super::super::entities::{MentionKind, Referent, Scope};
use super::super::figures::Read;
use super::super::knowledge::PartyKind;
use super::super::lexicon::class;
use super::super::tokens::Token;
use super::{Side, statelike};

/// Token ranges in the sentence that name who did the hitting: "by X", the subject of an
/// active verb ("X killed ..."), the owner of an attack ("an Israeli air raid", "X's
/// shelling").
pub(super) fn agent_spans(
    read: &Read,
    scope: &Scope<'_>,
    sentence: Range<usize>,
) -> Vec<Range<usize>> {
    let toks = scope.toks;
    let mut out = Vec::new();
    // "by Azerbaijani forces", "by artillery shells from a Warsaw Pact vessel", "an
    // attack attributed to the ELN".
    for k in sentence.clone() {
        let attributed = toks.get(k).is_some_and(|t| t.is("to"))
            && k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|t| t.is_any(&["attributed", "blamed"]));
        // "figures yet to be confirmed by Pakistani authorities", "as reported by the
        // ministry": who confirms or reports a figure did not hit anyone.
        let reporting = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| t.has(class::PASSIVE_REPORT) && !t.has(class::KILLED));
        if toks.get(k).is_some_and(|t| t.is("by")) && !reporting || attributed {
            let end = (k + 1..(k + 12).min(sentence.end))
                .find(|&j| {
                    toks.get(j).is_some_and(|t| {
                        // "attributed to Colombia's second largest rebel group, the ELN,":
                        // the group's name in apposition is part of the agent.
                        let apposition = t.is_punct(',')
                            && toks
                                .get(j - 1)
                                .is_some_and(|p| p.has(class::GROUP_NOUN | class::REBELS));
                        !t.word && !apposition
                            || t.has(class::NP_STOP)
                                && !t.is_any(&["the", "a", "an", "of", "from", "aboard", "in"])
                            // "backed by Rwandan troops entered the centre of Goma": the
                            // agent ends at its verb.
                            || j > k + 1 && verb_like(t)
                            // "by suspected jihadists in northern Burkina Faso": where
                            // the attack was is no part of who made it.
                            || t.is("in") && place_follows(scope, j)
                    })
                })
                .unwrap_or((k + 12).min(sentence.end));
            out.push(k + 1..end);
        }
    }
    // An attack and its owner: "Iraqi warplanes", "an Israeli air raid", "Iran's shelling".
    for m in &scope.mentions.list {
        if m.span.start < sentence.start || m.span.end > sentence.end {
            continue;
        }
        // "ten Pakistani hostages in retaliation": people or a preposition between end
        // the owner's phrase.
        let attack = (m.span.end..(m.span.end + 3).min(sentence.end))
            .take_while(|&j| {
                toks.get(j).is_some_and(|t| {
                    t.word && !t.has(class::PEOPLE | class::FOREIGN_PREP | class::LOCATIVE)
                })
            })
            .any(|j| {
                toks.get(j)
                    .is_some_and(|t| t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE))
            });
        if attack {
            out.push(m.span.clone());
        }
    }
    // The subject of the active verb: "Chadian troops killed 384 Libyans", "A Russian
    // missile strike on the city of Dnipro killed ...": up to its first preposition, after
    // which come the target and the place.
    if let super::super::figures::Voice::Active { verb } = read.voice {
        let start = (sentence.start..verb)
            .rev()
            .take_while(|&j| {
                toks.get(j).is_some_and(|t| {
                    t.word || t.is_punct('-') || t.is_punct('.') || t.is_punct(',')
                }) && !toks
                    .get(j)
                    .is_some_and(|t| t.has(class::SPEECH_VERB) || t.is("that"))
            })
            .last()
            .unwrap_or(verb);
        let end = (start..verb)
            .find(|&j| {
                toks.get(j).is_some_and(|t| {
                    t.word
                        && (t.has(class::LOCATIVE | class::FOREIGN_PREP)
                            || t.is_any(&["of", "against"]))
                        && !t.is("by")
                })
            })
            .unwrap_or(verb);
        if start < end {
            out.push(start..end);
        }
    }
    out
}

/// The party of the agents of a figure's clause: who did the hitting.
pub(super) fn agent_party(
    scope: &Scope<'_>,
    agents: &[Range<usize>],
    claimant: Option<&Referent>,
) -> Option<String> {
    let mut parties: Vec<String> = Vec::new();
    for a in agents {
        for m in scope
            .mentions
            .within(a.clone())
            .filter(|m| !m.stance && m.kind != MentionKind::Place)
        {
            if let Some(id) = m.party().and_then(|p| scope.party_id(p))
                && !parties.contains(&id)
            {
                parties.push(id);
            }
        }
        // "its fighters", "their forces": the claimant's own.
        let own = (a.start..a.end).any(|k| {
            scope
                .toks
                .get(k)
                .is_some_and(|t| t.is_any(&["its", "our", "their"]))
        });
        if own
            && let Some(id) = claimant.and_then(|c| c.party.clone())
            && !parties.contains(&id)
        {
            parties.push(id);
        }
    }
    match parties.as_slice() {
        [one] => Some(one.clone()),
        // "Colombia's second largest rebel group, the ELN": the group, not its country.
        several => {
            let mut groups = several.iter().filter(|id| {
                scope
                    .gazetteer
                    .get(id)
                    .is_some_and(|p| p.kind == PartyKind::Group)
            });
            match (groups.next(), groups.next()) {
                (Some(one), None) => Some(one.clone()),
                _ => None,
            }
        }
    }
}

/// "fled the battlefield, leaving 220 men killed": the subject of a retreat; "bombed the
/// town, leaving 20 dead": the target of an attack.
pub(super) fn left_behind(
    scope: &Scope<'_>,
    leaving: usize,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
) -> Option<Side> {
    let toks = scope.toks;
    // "An attack attributed to the ELN left ten soldiers dead": "attack" is a noun there,
    // and what follows it is its author, not its target.
    // "the barbaric shelling of Lysychansk" too: a determiner a word further back, or
    // "of" after it.
    let noun = |k: usize| {
        let determiner = |p: &Token<'_>| {
            p.is_any(&[
                "a", "an", "the", "this", "that", "its", "their", "his", "her",
            ]) || p.possessive()
        };
        k.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(determiner)
            || k.checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(determiner)
                && k.checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|p| p.word && !p.has(class::SPEECH_VERB | class::AUXILIARY))
            || toks.get(k + 1).is_some_and(|n| n.is("of"))
    };
    // "an attack on a bakery by “Ukrainian nationalists”": the author, whatever marks
    // stand between.
    let after_by = |start: usize| {
        (start.saturating_sub(3)..start)
            .rev()
            .map_while(|k| toks.get(k))
            .find(|t| t.word)
            .is_some_and(|t| t.is("by"))
    };
    let verb = (sentence.start..leaving).rev().find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.has(class::RETREAT | class::ATTACK_VERB))
            && !noun(k)
    })?;
    let retreat = toks.get(verb)?.has(class::RETREAT);
    let (from, to) = if retreat {
        (sentence.start, verb)
    } else {
        (verb + 1, leaving)
    };
    let m = scope
        .mentions
        .list
        .iter()
        .filter(|m| {
            m.span.start >= from
                && m.span.end <= to
                && !m.stance
                && (retreat || !is_agent(m.span.start) && !after_by(m.span.start))
        })
        .rfind(|m| {
            m.party()
                .and_then(|p| scope.party_id(p))
                .is_some_and(|id| statelike(scope, &id))
        })?;
    let party = scope.party_id(m.party()?)?;
    let words = super::super::entities::phrase_text(scope.text, toks, m.span.clone());
    let why = if retreat {
        format!("left behind by “{words}”, who {}", toks.get(verb)?.text)
    } else {
        format!("hit where “{}” struck: “{words}”", toks.get(verb)?.text)
    };
    Some(Side::one(party, why))
}

/// A word that reads as a verb, not a noun: "entered", "killing".
pub(super) fn verb_like(t: &Token<'_>) -> bool {
    let n = t.norm.as_str();
    t.word
        && !t.capitalized()
        && !t.has(class::PEOPLE | class::INSTITUTION | class::ATTACK_NOUN)
        && (n.ends_with("ed") || n.ends_with("ing") || t.has(class::AUXILIARY))
}

/// Whether a place (a city, a region, or a state after an adjective of direction) follows
/// the preposition at `k`: "in northern Burkina Faso", "in Ganja".
fn place_follows(scope: &Scope<'_>, k: usize) -> bool {
    scope.mentions.within(k + 1..k + 5).next().is_some_and(|m| {
        matches!(m.kind, MentionKind::Place | MentionKind::Capital)
            || m.kind == MentionKind::Name
                && (k + 1..m.span.start).all(|j| {
                    scope
                        .toks
                        .get(j)
                        .is_some_and(|t| t.is("the") || t.has(class::COMPASS))
                })
    })
}
