//! The people an attack or a clash hit: the target of an attack ("an ambush of an Artsakh
//! police vehicle that left three officers dead", "a rocket attack against Israel, killing
//! 1,200 people") and the parties of a clash ("five people killed in a shootout between
//! Karabakh police and Azerbaijani soldiers").

use std::ops::Range;

use super::super::context::Context;
use super::super::entities::{MentionKind, Scope, phrase_text};
use super::super::figures::Read;
use super::super::knowledge::PartyKind;
use super::super::lexicon::class;
use super::super::tokens::Token;
use super::Side;

/// Nouns of a fight between two sides, whose dead may be of both.
const CLASH_NOUNS: &[&str] = &[
    "shootout",
    "clash",
    "clashes",
    "fighting",
    "battle",
    "battles",
    "firefight",
    "gunfight",
    "gunbattle",
    "skirmish",
    "skirmishes",
    "exchange",
    "confrontation",
];

/// Words that end the phrase naming a target.
fn ends_target(t: &Token<'_>) -> bool {
    !t.word && !t.is_punct('-') && !t.is_punct('.')
        || t.is_any(&[
            "that", "which", "who", "killing", "leaving", "wounding", "injuring", "and", "by",
            "from", "with", "as", "after", "when", "during", "on", "since", "became", "becomes",
        ])
        // "the attack on the village of Hroza became the bloodiest crime of Russians": the
        // target ends at its verb.
        || t.has(class::SPEECH_VERB | class::KILLED | class::INJURED | class::AUXILIARY)
}

/// Whose people were hit by the attack the figure's clause (or, for a sentence that only
/// counts, "As a result, three people were killed", the sentence before it) aims at
/// someone: the party or place its target names. Civilians take only a place or a state,
/// never an armed group that was the target.
pub(super) fn target_side(
    cx: &Context<'_>,
    scope: &Scope<'_>,
    read: &Read,
    sentences: &[Range<usize>],
    civilian: bool,
) -> Option<Side> {
    let toks = scope.toks;
    for sentence in sentences {
        // The target comes before the figure in its own sentence.
        let until = if sentence.contains(&read.span.start) {
            read.span.start.min(read.victims.who.start)
        } else {
            sentence.end
        };
        for k in sentence.start..until {
            let Some(start) = target_start(toks, k) else {
                continue;
            };
            let end = (start..(start + 12).min(until))
                .find(|&j| toks.get(j).is_some_and(ends_target))
                .unwrap_or((start + 12).min(until));
            // The target is no agent, even where a "by" phrase of the attack runs on
            // into it ("an ambush by Azerbaijani forces of an Artsakh police vehicle").
            let found = scope.mentions.within(start..end).find(|m| {
                if m.stance
                    || m.kind == MentionKind::Place && m.party().is_some_and(|p| cx.stray_place(p))
                {
                    return false;
                }
                let kind = m
                    .party()
                    .and_then(|p| scope.gazetteer.party(p))
                    .map(|p| p.kind);
                match kind {
                    Some(PartyKind::State | PartyKind::Defacto) => true,
                    Some(PartyKind::Group) => !civilian && m.kind != MentionKind::Place,
                    _ => false,
                }
            });
            if let Some(m) = found
                && let Some(id) = m.party().and_then(|p| scope.party_id(p))
            {
                let words = phrase_text(scope.text, toks, k..m.span.end);
                return Some(Side::one(id, format!("hit in “{words}”")));
            }
        }
    }
    None
}

/// Where the target of an attack word at `k` begins: after "on", "against", "of", "at",
/// "into" or "targeting" following an attack noun ("strike on a refugee camp", "ambush of
/// a police vehicle"), or right after an attack verb ("shelled Belgorod", "fired at").
fn target_start(toks: &[Token<'_>], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let next = toks.get(k + 1)?;
    let preposition = |n: &Token<'_>| {
        n.is_any(&[
            "on",
            "against",
            "of",
            "at",
            "into",
            "targeting",
            "towards",
            "toward",
        ])
    };
    // "to shell the city", "to strike Kyiv": after "to", a word that is both is a verb.
    let infinitive = t.has(class::ATTACK_VERB)
        && k.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is("to"));
    if t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE) && !infinitive {
        // "Sunday's ambush by Azerbaijani forces of an Artsakh police vehicle": the agent
        // may stand between the attack and its target.
        let mut j = k + 1;
        if toks.get(j).is_some_and(|x| x.is("by")) {
            j = (j + 1..(j + 6).min(toks.len()))
                .find(|&x| toks.get(x).is_some_and(preposition))
                .unwrap_or(j);
        }
        return toks.get(j).filter(|x| preposition(x)).map(|_| j + 1);
    }
    if t.has(class::ATTACK_VERB) && !next.has(class::ATTACK_NOUN) {
        if next.is_any(&["at", "on", "upon", "into"]) {
            return Some(k + 2);
        }
        // "shelled Belgorod", "attacked a police post": the verb's object, not "fired
        // missiles" (a weapon) or "opened fire".
        if next.word && !next.has(class::ATTACK_NOUN | class::NP_STOP)
            || next.is_any(&["the", "a", "an"])
        {
            return Some(k + 1);
        }
    }
    None
}

/// "Five people have been killed in a shootout between police officers of the NKR and
/// Azerbaijani soldiers": the dead of a clash between named sides are of both.
pub(super) fn clash_side(
    scope: &Scope<'_>,
    read: &Read,
    sentence: Range<usize>,
    is_agent: &dyn Fn(usize) -> bool,
) -> Option<Side> {
    let toks = scope.toks;
    // "a clash between", "Fighting broke out between", "fighting erupted between".
    let between = |k: usize| {
        toks.get(k + 1).is_some_and(|t| t.is("between"))
            || toks
                .get(k + 1)
                .is_some_and(|t| t.is_any(&["broke", "erupted", "flared", "raged"]))
                && (k + 2..k + 4).any(|j| toks.get(j).is_some_and(|t| t.is("between")))
    };
    let clash = (sentence.start..sentence.end.saturating_sub(1))
        .find(|&k| toks.get(k).is_some_and(|t| t.is_any(CLASH_NOUNS)) && between(k))?;
    // The dead of the clash itself: "killed in a shootout", not "killed after clashes".
    let joined = (read.span.end..clash).all(|j| {
        toks.get(j)
            .is_some_and(|t| !t.is_any(&["after", "before", "since", "following"]))
    });
    if !joined || clash < read.span.end && clash + 24 < read.span.start {
        return None;
    }
    // "Fighting between A and B escalated, with A reporting seven more troops killed": a
    // figure in one side's own account after the clash is that account's, not the
    // clash's dead.
    let reported = clash < read.span.start
        && (clash + 2..read.span.start).any(|j| {
            toks.get(j).is_some_and(|t| {
                t.is_any(&["reporting", "saying", "reported", "said", "says", "reports"])
            })
        });
    if reported {
        return None;
    }
    let from = (clash + 1..clash + 4)
        .find(|&j| toks.get(j).is_some_and(|t| t.is("between")))
        .map_or(clash + 2, |j| j + 1);
    // "between Azerbaijan and Armenia in September over Nagorno-Karabakh": the parties
    // end where the when and the what about begin, after the last one; before it, a place
    // belongs to the party ("between ethnic Armenian police in Nagorno-Karabakh and
    // Azerbaijani soldiers").
    let and =
        (from..(from + 14).min(sentence.end)).find(|&j| toks.get(j).is_some_and(|t| t.is("and")));
    let to = (from..(from + 14).min(sentence.end))
        .find(|&j| {
            toks.get(j).is_some_and(|t| {
                !t.word && !t.is_punct('-') && !t.is_punct('(') && !t.is_punct(')')
                    || and.is_some_and(|a| j > a)
                        && t.is_any(&["in", "over", "on", "since", "during", "after", "along"])
            })
        })
        .unwrap_or((from + 14).min(sentence.end));
    let mut parties: Vec<String> = Vec::new();
    for m in scope.mentions.within(from..to) {
        if m.stance || is_agent(m.span.start) {
            continue;
        }
        let Some(id) = m.party().and_then(|p| scope.party_id(p)) else {
            continue;
        };
        if !parties.contains(&id) {
            parties.push(id);
        }
    }
    if parties.len() < 2 {
        return None;
    }
    let words = phrase_text(scope.text, toks, clash..to);
    Some(Side {
        parties,
        evidence: Some(format!("the dead of “{words}”")),
    })
}

/// "killing more than 5,600 people on both sides" of a conflict "between Armenia and
/// Azerbaijan": the people of every party the sentence names, when it names two or more.
pub(super) fn both_sides(scope: &Scope<'_>, read: &Read, sentence: Range<usize>) -> Option<Side> {
    let toks = scope.toks;
    let from = read.victims.who.end.max(read.span.end);
    let at = |k: usize| toks.get(k).filter(|_| k < sentence.end);
    let both_at = |k: usize| {
        at(k).is_some_and(|t| t.is_any(&["on", "from", "among"]))
            && at(k + 1).is_some_and(|t| t.is_any(&["both", "each", "either"]))
            && at(k + 2).is_some_and(|t| t.is_any(&["sides", "side"]))
    };
    // "raising the number of dead on both sides to eight": or in the toll before it.
    let toll_before = read.span.start.saturating_sub(8).max(sentence.start)..read.span.start;
    let both = (from..from + 3).any(both_at)
        || toll_before.clone().any(|k| {
            both_at(k)
                && (toll_before.start..k).any(|j| {
                    toks.get(j)
                        .is_some_and(|t| t.is_any(&["number", "toll", "tally", "dead"]))
                })
        });
    if !both {
        return None;
    }
    let mut parties: Vec<String> = Vec::new();
    for m in scope.mentions.within(sentence.clone()) {
        if m.stance || m.kind == MentionKind::Person {
            continue;
        }
        let Some(p) = m.party().and_then(|p| scope.gazetteer.party(p)) else {
            continue;
        };
        if p.kind == PartyKind::Intl || parties.contains(&p.id) {
            continue;
        }
        parties.push(p.id.clone());
    }
    (parties.len() >= 2).then(|| Side {
        parties,
        evidence: Some("“on both sides” of the parties its sentence names".to_string()),
    })
}
