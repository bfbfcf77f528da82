//! Whose people a figure counts: the party named in the phrase ("Azerbaijani troops"),
//! the speaker's own ("our servicemen", "its soldiers"), the other side when the
//! speaker's forces did the killing, or a place ("killed in Gaza").

use super::{ClaimContext, FigureSpan, HOSTILE_NOUNS, Reading, Source, Token, Victims, Voice};
use crate::extract::parties::Gazetteer;

/// The phrase as written and the party whose people were hit.
pub(super) fn who_and_side(
    cx: &ClaimContext<'_>,
    ours: &[(String, bool)],
    r: &Reading<'_>,
    antecedent: Option<&(String, Option<String>)>,
) -> (String, Option<String>) {
    let toks = &cx.tokens.toks;
    let words: Vec<&str> = toks
        .get(r.victims.who.clone())
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect();
    let written = span_text(cx, r.victims.who.clone());
    let named = first_party(cx.gazetteer, &words);
    let own = || {
        r.source
            .attribution
            .party
            .clone()
            .or_else(|| r.source.hint.clone())
    };
    if let Some((who, side)) = antecedent.filter(|_| r.victims.elliptical && named.is_none()) {
        let side = side
            .clone()
            .or_else(|| r.victims.possessive.then(own).flatten());
        return (who.clone(), side);
    }
    let who = if written.is_empty() {
        "people".to_string()
    } else {
        written
    };
    if named.is_some() {
        return (who, named);
    }
    if r.victims.possessive || ours_elsewhere(cx, ours, r.span, r.victims) {
        return (who, own());
    }
    let side = match r.predicate.voice {
        Voice::Lost { verb } => first_party(
            cx.gazetteer,
            &texts(toks, subject_range(cx, r.source, verb)),
        ),
        Voice::Active { verb } => active_side(cx, r, verb),
        Voice::Passive => passive_side(cx, r),
    };
    (who, side)
}
/// The victims of an active verb: the source's own people when someone else did it
/// ("a Russian strike killed five", Ukraine says); the other party named in the
/// sentence when the source's own forces did ("its fighters killed nine soldiers").
fn active_side(cx: &ClaimContext<'_>, r: &Reading<'_>, verb: usize) -> Option<String> {
    let toks = &cx.tokens.toks;
    let claimant = r.source.attribution.party.clone();
    let subject = subject_range(cx, r.source, verb);
    let subject_words = texts(toks, subject.clone());
    let own_forces = toks.get(subject.clone()).is_some_and(|w| {
        w.iter()
            .any(|t| t.is_any(&["our", "its", "we", "it", "their", "own"]))
    }) || (claimant.is_some()
        && first_party(cx.gazetteer, &subject_words) == claimant);
    if own_forces {
        let sentence = toks.get(verb).map(|t| t.sentence);
        let sentence_words: Vec<&str> = toks
            .iter()
            .filter(|t| Some(t.sentence) == sentence)
            .map(|t| t.text)
            .collect();
        return (0..sentence_words.len())
            .filter_map(|i| cx.gazetteer.match_words(&sentence_words, i))
            .map(|(_, p)| p.id.clone())
            .find(|id| Some(id) != claimant.as_ref());
    }
    default_side(cx, r)
}
fn passive_side(cx: &ClaimContext<'_>, r: &Reading<'_>) -> Option<String> {
    // "1,500 militants' bodies": the possessor counts too.
    let hostile = cx
        .tokens
        .toks
        .get(r.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.is_any(HOSTILE_NOUNS)));
    if hostile {
        return None;
    }
    default_side(cx, r)
}
/// Parties that report on others' losses and have none of their own in the figures.
const NEUTRAL: &[&str] = &["un", "osce", "icrc"];
/// Unqualified people reported by a party are that party's; otherwise a place ("killed
/// in Gaza") or the nationality of the source ("Lebanese state media") decides.
fn default_side(cx: &ClaimContext<'_>, r: &Reading<'_>) -> Option<String> {
    let party = r
        .source
        .attribution
        .party
        .clone()
        .filter(|p| !NEUTRAL.contains(&p.as_str()));
    party
        .or_else(|| place_after(cx, r.predicate.end))
        .or_else(|| {
            r.source
                .hint
                .clone()
                .filter(|p| !NEUTRAL.contains(&p.as_str()))
        })
}
/// "in Gaza", "in southern Ukraine" after the predicate in its clause; not "in Russian
/// shelling", where the name qualifies what did the harm.
fn place_after(cx: &ClaimContext<'_>, end: usize) -> Option<String> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(end.checked_sub(1)?)?.sentence;
    // The first "in" of the clause: "were killed and 15 wounded in Kharkiv".
    let mut k = (end..end + 8)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(','))
        })
        .find(|&k| toks.get(k).is_some_and(|t| t.is("in")))?;
    k += 1;
    while toks.get(k).is_some_and(|t| {
        t.is_any(&[
            "the", "northern", "southern", "eastern", "western", "central", "north", "south",
            "east", "west", "occupied",
        ])
    }) {
        k += 1;
    }
    let words: Vec<&str> = toks
        .get(k..(k + 4).min(toks.len()))
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect();
    let (len, party) = cx.gazetteer.match_words(&words, 0)?;
    let follower = toks.get(k + len);
    let qualifies = follower.is_some_and(|t| t.word && !t.capitalized() && t.is_any(HARM_NOUNS));
    (!qualifies).then(|| party.id.clone())
}
/// Nouns that a demonym qualifies as the harm's author: "Russian shelling".
const HARM_NOUNS: &[&str] = &[
    "shelling",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "fire",
    "airstrike",
    "airstrikes",
    "bombardment",
    "raid",
    "raids",
    "drone",
    "drones",
    "missile",
    "missiles",
    "forces",
    "troops",
    "army",
    "military",
    "shell",
    "rocket",
    "rockets",
    "artillery",
    "offensive",
    "operation",
    "ambush",
    "gunfire",
    "bombing",
    "bombings",
];
/// The tokens of the clause that leads up to an active verb: after the act of saying
/// (or the sentence start) and before the verb.
fn subject_range(cx: &ClaimContext<'_>, source: &Source, verb: usize) -> std::ops::Range<usize> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(verb).map(|t| t.sentence);
    // The clause: back to the sentence start or a punctuation mark ("KYIV, Ukraine —
    // A Russian strike killed" has "A Russian strike" as its subject).
    let mut start = verb;
    while start > 0
        && toks
            .get(start - 1)
            .is_some_and(|t| Some(t.sentence) == sentence && (t.word || t.quoted))
        && verb - start < 30
    {
        start -= 1;
    }
    let after_anchor = source.anchor.filter(|&a| a < verb).map_or(start, |a| a + 1);
    start.max(after_anchor)..verb
}
/// The paragraph's words over a token range, as written.
fn span_text(cx: &ClaimContext<'_>, range: std::ops::Range<usize>) -> String {
    let toks = &cx.tokens.toks;
    let (Some(first), Some(last)) = (
        toks.get(range.start),
        range.end.checked_sub(1).and_then(|k| toks.get(k)),
    ) else {
        return String::new();
    };
    cx.text
        .get(first.start..last.end.max(first.start))
        .unwrap_or("")
        .trim_end_matches([',', ' '])
        .to_string()
}
fn texts<'t>(toks: &[Token<'t>], range: std::ops::Range<usize>) -> Vec<&'t str> {
    toks.get(range)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect()
}
fn first_party(gazetteer: &Gazetteer, words: &[&str]) -> Option<String> {
    (0..words.len()).find_map(|i| gazetteer.match_words(words, i).map(|(_, p)| p.id.clone()))
}
/// The heads after "our" in a paragraph, and whether each is quoted.
pub(super) fn our_heads(toks: &[Token<'_>]) -> Vec<(String, bool)> {
    toks.windows(2)
        .filter_map(|w| match w {
            [a, b] if a.is("our") => Some((b.norm.clone(), b.quoted)),
            _ => None,
        })
        .collect()
}
/// "our servicemen" elsewhere in the same quotation (or paragraph) makes unqualified
/// "servicemen" the speaker's own.
fn ours_elsewhere(
    cx: &ClaimContext<'_>,
    ours: &[(String, bool)],
    span: &FigureSpan,
    victims: &Victims,
) -> bool {
    let toks = &cx.tokens.toks;
    let Some(head) = victims.head.and_then(|h| toks.get(h)) else {
        return false;
    };
    let quoted = toks.get(span.first).is_some_and(|t| t.quoted);
    ours.iter().any(|(h, q)| *h == head.norm && (!quoted || *q))
}
