//! Casualty figures: a number of people killed, injured, missing or captured, whose
//! people they were, who gives the figure and when it happened.

use std::ops::Range;

use super::dates::DateMention;
use super::lexicon::{
    ACTIVE_WORDS, AUXILIARIES, DENIALS, FINITE_VERBS, HOSTILE_NOUNS, NOT_PEOPLE, PEOPLE_NOUNS,
    STATUS_NOUNS, STATUS_WORDS,
};
use super::numbers::{FigureSpan, figure_at, starts_number, token_value};
use super::parties::Gazetteer;
use super::statements::Found;
use super::tokens::{Token, Tokens};
use super::{Attribution, CasualtyClaim, Status};

mod sides;
pub(crate) use sides::NEUTRAL;
use sides::{our_heads, who_and_side};

/// Words that end the noun phrase after a figure.
const NP_STOPS: &[&str] = &[
    "prisoner",
    "captive",
    "hostage",
    "in",
    "on",
    "at",
    "during",
    "when",
    "after",
    "as",
    "who",
    "that",
    "and",
    "or",
    "but",
    "while",
    "near",
    "including",
    "with",
    "since",
    "by",
    "from",
    "of",
    "were",
    "was",
    "are",
    "is",
    "had",
    "have",
    "has",
    "to",
    "for",
    "into",
    "inside",
    "across",
    "among",
    "since",
    "before",
    "because",
    "the",
    "a",
    "an",
    "over",
    "than",
    "per",
];

/// Words a predicate search may step over: prepositional phrases, coordination.
const PASSABLE: &[&str] = &[
    "in",
    "on",
    "at",
    "near",
    "during",
    "from",
    "of",
    "the",
    "a",
    "an",
    "its",
    "their",
    "including",
    "among",
    "them",
    "whom",
    "and",
    "two",
    "both",
    "other",
    "others",
    "more",
    "inside",
    "outside",
    "across",
    "along",
    "attack",
    "strike",
    "shelling",
    "shootout",
    "clash",
    "clashes",
    "fighting",
    "incident",
    "explosion",
    "blast",
    "raid",
    "mostly",
    "mainly",
    "largely",
    "most",
    "many",
    "all",
    "his",
    "her",
    "own",
];

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "none", "neither", "nor"];

/// Doubt words that, shortly before a figure, make it something a speaker disputes.
const DOUBTS: &[&str] = &[
    "false",
    "fake",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "rumors",
    "rumours",
    "lies",
    "disinformation",
];

/// What a figure's noun phrase reads as.
struct Victims {
    /// Token range of the phrase as written (after the figure), empty for "one was...".
    who: Range<usize>,
    /// The last word of the phrase before any "from"/"of" complement.
    head: Option<usize>,
    /// "our", "its", "their" stands before or in the phrase.
    possessive: bool,
    /// "of them", or no phrase at all: the people of an earlier figure.
    elliptical: bool,
}

/// What the sentence says happened to them.
struct Predicate {
    status: Status,
    voice: Voice,
    /// The token after the predicate (or the phrase), where "in Gaza" may follow.
    end: usize,
}

/// How the figure relates to its verb.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Voice {
    /// "three were killed", "five dead", "71 deaths".
    Passive,
    /// "X killed three": the figure is the object; `verb` is the verb's token.
    Active { verb: usize },
    /// "X lost 300 troops": the people are the subject's.
    Lost { verb: usize },
}

/// Who gives a figure, as found.
struct Source {
    attribution: Attribution,
    /// The act of saying denies the figure.
    denied: bool,
    /// The party the source's name points at, when it is no party itself.
    hint: Option<String>,
    /// The act's token, if any: the subject of an active verb starts after it.
    anchor: Option<usize>,
}

/// Context shared by the figures of one paragraph.
pub(crate) struct ClaimContext<'a> {
    pub paragraph: usize,
    pub text: &'a str,
    pub tokens: &'a Tokens<'a>,
    pub found: &'a Found,
    pub dates: &'a [DateMention],
    /// Per byte: inside a statement's frame.
    pub framed: &'a [bool],
    pub outlet: &'a Attribution,
    pub gazetteer: &'a Gazetteer,
    /// Parties named in the document so far (this paragraph included), with counts.
    pub doc_parties: &'a [(String, usize)],
}

/// Every casualty figure of the paragraph.
pub(crate) fn read_claims(cx: &ClaimContext<'_>) -> Vec<CasualtyClaim> {
    let toks = &cx.tokens.toks;
    let mut claims: Vec<CasualtyClaim> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let ours = our_heads(toks);
    let dates: Vec<&DateMention> = cx
        .dates
        .iter()
        .filter(|d| !cx.framed.get(d.range.start).copied().unwrap_or(false))
        .collect();
    let mut antecedent: Option<(String, Option<String>)> = None;
    // The status of the last figure and its sentence, for "including five children";
    // and where the last detail's phrase ends, for "including 50 children and 94 women".
    let mut previous: Option<(usize, Status)> = None;
    let mut detail_end: Option<usize> = None;
    let mut last_source: Option<(Attribution, Option<String>)> = None;
    let mut last_object: Option<(usize, Status, Voice)> = None;
    let mut i = 0;
    while i < toks.len() {
        if !starts_number(toks, i) {
            i += 1;
            continue;
        }
        let Some(span) = figure_at(toks, i) else {
            i += 1;
            continue;
        };
        i = span.end.max(i + 1);
        if !is_count(toks, &span) || negated_before(toks, &span) {
            continue;
        }
        let sentence = toks.get(span.first).map_or(0, |t| t.sentence);
        // "including 50 children and 94 women": the second detail follows the first's
        // phrase after "and".
        let next_detail = detail_end
            .is_some_and(|e| span.first == e + 1 && toks.get(e).is_some_and(|t| t.is("and")));
        let read = if next_detail {
            included_after_and(toks, &span, previous, sentence)
        } else {
            read_figure(toks, &span)
                .or_else(|| included(toks, &span, previous, sentence))
                .or_else(|| second_object(toks, &span, last_object))
                .or_else(|| inverted_toll(toks, &span))
        };
        let Some((victims, predicate)) = read else {
            continue;
        };
        last_object = matches!(predicate.voice, Voice::Active { .. }).then_some((
            victims.who.end,
            predicate.status,
            predicate.voice,
        ));
        let mut source = claimant(cx, span.first);
        if source.denied {
            continue;
        }
        // A detail in a sentence of its own ("Among the wounded were three children")
        // is still the account of whoever gave the figure it details.
        let unattributed = source.anchor.is_none() && source.attribution == *cx.outlet;
        if let Some(last) = last_source
            .as_ref()
            .filter(|_| unattributed && among_the(toks, span.first))
        {
            source = Source {
                attribution: last.0.clone(),
                denied: false,
                hint: last.1.clone(),
                anchor: None,
            };
        }
        let reading = Reading {
            span: &span,
            victims: &victims,
            predicate: &predicate,
            source: &source,
        };
        let detail = next_detail
            || among_them(toks, span.first)
            || span
                .first
                .checked_sub(1)
                .and_then(|k| toks.get(k))
                .is_some_and(|t| t.is_any(&["including", "among"]))
            || toks.get(span.end).is_some_and(|t| t.is("of"))
                && toks
                    .get(span.end + 1)
                    .is_some_and(|t| t.is_any(&["them", "whom"]));
        let (who, side) = who_and_side(cx, &ours, &reading, antecedent.as_ref(), detail);
        detail_end = detail.then_some(victims.who.end);
        if !detail {
            antecedent = Some((who.clone(), side.clone()));
        }
        previous = Some((sentence, predicate.status));
        last_source = Some((source.attribution.clone(), source.hint.clone()));
        let claim = CasualtyClaim {
            paragraph: cx.paragraph,
            count: span.figure.count,
            count_min: span.figure.min,
            count_max: span.figure.max,
            who,
            side,
            status: predicate.status,
            according_to: source.attribution,
            date: claim_date(cx, &dates, span.first),
            excerpt: sentence_range(cx.tokens, span.first),
        };
        let key = (
            claim.count,
            claim.count_min,
            claim.count_max,
            claim.status,
            claim.side.clone(),
            claim.according_to.speaker.clone(),
            claim.excerpt.start,
        );
        if seen.insert(key) {
            claims.push(claim);
        }
    }
    for list in named_lists(cx) {
        let source = claimant(cx, list.span.first);
        if source.denied
            || claims.iter().any(|c| {
                c.excerpt == sentence_range(cx.tokens, list.span.first)
                    && c.status == list.predicate.status
            })
        {
            continue;
        }
        let reading = Reading {
            span: &list.span,
            victims: &list.victims,
            predicate: &list.predicate,
            source: &source,
        };
        let (who, side) = who_and_side(cx, &ours, &reading, None, false);
        claims.push(CasualtyClaim {
            paragraph: cx.paragraph,
            count: list.span.figure.count,
            count_min: None,
            count_max: None,
            who,
            side,
            status: list.predicate.status,
            according_to: source.attribution,
            date: claim_date(cx, &dates, list.span.first),
            excerpt: sentence_range(cx.tokens, list.span.first),
        });
    }
    claims
}

/// "killing four soldiers and two civilians": a second object of the verb that took the
/// figure just before "and".
fn second_object(
    toks: &[Token<'_>],
    span: &FigureSpan,
    last_object: Option<(usize, Status, Voice)>,
) -> Option<(Victims, Predicate)> {
    let (end, status, voice) = last_object?;
    let and = span.first.checked_sub(1)?;
    if and != end || !toks.get(and)?.is("and") {
        return None;
    }
    let victims = victims_after(toks, span).filter(|v| v.head.is_some())?;
    let end = victims.who.end;
    Some((victims, Predicate { status, voice, end }))
}

/// "bringing to 24 the number of Malian troops killed": the figure before the toll it
/// gives, the people and the casualty word after it.
fn inverted_toll(toks: &[Token<'_>], span: &FigureSpan) -> Option<(Victims, Predicate)> {
    let sentence = toks.get(span.first)?.sentence;
    if !toks.get(span.first.checked_sub(1)?)?.is("to") {
        return None;
    }
    let the = toks.get(span.end)?;
    let noun = toks.get(span.end + 1)?;
    let of = toks.get(span.end + 2)?;
    if !(the.is("the") && noun.is_any(&["number", "toll", "total"]) && of.is("of")) {
        return None;
    }
    let from = span.end + 3;
    let (at, status) = (from..from + 8)
        .map_while(|k| {
            toks.get(k)
                .filter(|t| t.sentence == sentence)
                .map(|t| (k, t))
        })
        .take_while(|(_, t)| !t.is_punct(','))
        .find_map(|(k, t)| status_word(t).map(|s| (k, s)))?;
    let victims = Victims {
        who: from..at,
        head: at.checked_sub(1).filter(|&h| h >= from),
        possessive: false,
        elliptical: at == from,
    };
    Some((
        victims,
        Predicate {
            status,
            voice: Voice::Passive,
            end: at + 1,
        },
    ))
}

/// A list of named people and what happened to them.
struct NamedList {
    span: FigureSpan,
    victims: Victims,
    predicate: Predicate,
}

/// "Pfc. John Smith, 21, Sgt. Maria Lopez, 30, and Cpl. Tom Brown were killed": a list
/// of two or more full names before "were" and a casualty word counts as that many.
fn named_lists(cx: &ClaimContext<'_>) -> Vec<NamedList> {
    let toks = &cx.tokens.toks;
    let mut out = Vec::new();
    for (k, tok) in toks.iter().enumerate() {
        let Some(status) = status_word(tok) else {
            continue;
        };
        let aux = k.saturating_sub(1);
        if !toks.get(aux).is_some_and(|t| t.is("were")) {
            continue;
        }
        let Some((start, count)) = names_before(cx, aux) else {
            continue;
        };
        let span = FigureSpan {
            figure: super::numbers::Figure {
                count: Some(count),
                min: None,
                max: None,
            },
            first: start,
            end: start,
        };
        let victims = Victims {
            who: start..aux,
            head: None,
            possessive: false,
            elliptical: false,
        };
        let predicate = Predicate {
            status,
            voice: Voice::Passive,
            end: k + 1,
        };
        out.push(NamedList {
            span,
            victims,
            predicate,
        });
    }
    out
}

/// Walks back from `end` over "Name Surname, 21, and Name Surname": the first token of
/// the list and how many names it holds (two at least).
fn names_before(cx: &ClaimContext<'_>, end: usize) -> Option<(usize, u64)> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(end)?.sentence;
    let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    let (mut j, mut count, mut start) = (end, 0u64, end);
    while count < 50 {
        let mut e = j;
        if e > 0 && at(e - 1).is_some_and(|t| t.is_punct(',')) {
            e -= 1;
        }
        let age = e > 1
            && at(e - 1).is_some_and(|t| t.norm.chars().all(|c| c.is_ascii_digit()))
            && at(e - 2).is_some_and(|t| t.is_punct(','));
        if age {
            e -= 2;
        }
        let mut b = e;
        while b > 0 && e - b < 8 && at(b - 1).is_some_and(|t| t.capitalized()) {
            b -= 1;
        }
        let words: Vec<&str> = toks
            .get(b..e)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text)
            .collect();
        let a_party = cx
            .gazetteer
            .match_words(&words, 0)
            .is_some_and(|(len, _)| len == words.len());
        if e - b < 2 || a_party {
            break;
        }
        count += 1;
        start = b;
        let mut s = b;
        if s > 0 && at(s - 1).is_some_and(|t| t.is("and")) {
            s -= 1;
        }
        if s > 0 && at(s - 1).is_some_and(|t| t.is_punct(',')) {
            s -= 1;
        }
        if s == b {
            break;
        }
        j = s;
    }
    (count >= 2).then_some((start, count))
}

/// "killing 25 people, including five children, and wounding ...": a figure after
/// "including" shares the status of the figure it details.
fn included(
    toks: &[Token<'_>],
    span: &FigureSpan,
    previous: Option<(usize, Status)>,
    sentence: usize,
) -> Option<(Victims, Predicate)> {
    let (prev_sentence, status) = previous?;
    let after_including = span
        .first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["including", "among"]))
        || among_them(toks, span.first);
    // "at least 35 people were killed, 24 of them women and children"
    let of_them = toks.get(span.end).is_some_and(|t| t.is("of"))
        && toks
            .get(span.end + 1)
            .is_some_and(|t| t.is_any(&["them", "whom"]));
    if !(after_including || of_them) || prev_sentence != sentence {
        return None;
    }
    let victims = victims_after(toks, span)?;
    let end = victims.who.end;
    Some((
        victims,
        Predicate {
            status,
            voice: Voice::Passive,
            end,
        },
    ))
}

/// "29 people, among them 13 children", "of whom 12 were children".
fn among_them(toks: &[Token<'_>], first: usize) -> bool {
    let at = |back: usize| first.checked_sub(back).and_then(|k| toks.get(k));
    at(1).is_some_and(|t| t.is_any(&["them", "whom"]))
        && at(2).is_some_and(|t| t.is_any(&["among", "of", "including"]))
}

/// "Among the wounded were three children": a detail of the figure before it.
fn among_the(toks: &[Token<'_>], first: usize) -> bool {
    let at = |back: usize| first.checked_sub(back).and_then(|k| toks.get(k));
    // "..., the office said. Another 20 people remain missing.": the list goes on.
    let sentence = toks.get(first).map(|t| t.sentence);
    let opens = at(2).is_none_or(|t| Some(t.sentence) != sentence);
    if opens && at(1).is_some_and(|t| t.is("another")) {
        return true;
    }
    at(1).is_some_and(|t| t.is_any(&["were", "was", "are", "is"]))
        && at(2).is_some_and(|t| status_word(t).is_some())
        && at(3).is_some_and(|t| t.is("the"))
        && at(4).is_some_and(|t| t.is("among"))
}

/// The second detail of a list: "including 50 children *and 94 women*".
fn included_after_and(
    toks: &[Token<'_>],
    span: &FigureSpan,
    previous: Option<(usize, Status)>,
    sentence: usize,
) -> Option<(Victims, Predicate)> {
    let (prev_sentence, status) = previous.filter(|(s, _)| *s == sentence)?;
    let _ = prev_sentence;
    let victims = victims_after(toks, span)?;
    let end = victims.who.end;
    Some((
        victims,
        Predicate {
            status,
            voice: Voice::Passive,
            end,
        },
    ))
}

/// One figure as read, handed to the side reader.
struct Reading<'r> {
    span: &'r FigureSpan,
    victims: &'r Victims,
    predicate: &'r Predicate,
    source: &'r Source,
}
/// Rules out dates, times, money, percentages and years.
fn is_count(toks: &[Token<'_>], span: &FigureSpan) -> bool {
    let before = span.first.checked_sub(1).and_then(|k| toks.get(k));
    let after = toks.get(span.end);
    let number = toks.get(span.end.saturating_sub(1));
    let month = |t: Option<&Token<'_>>| t.is_some_and(Token::is_month);
    if month(before) || month(after) {
        return false;
    }
    // "lost 1/4 to 52-1/4", "up 3/8": fractions of a price.
    if number.is_some_and(|t| t.text.contains('/')) || after.is_some_and(|t| t.is_punct('/')) {
        return false;
    }
    // "one of its eight crew members was killed": the group the first figure is taken
    // from, not a count of its own.
    let mut k = span.first;
    if k.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is_any(&["its", "the", "their", "his", "her", "our"]))
    {
        k -= 1;
    }
    let of_group = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is("of"))
        && k.checked_sub(2)
            .is_some_and(|p| toks.get(p).is_some_and(|t| token_value(&t.norm).is_some()));
    if of_group {
        return false;
    }
    // "John Smith, 21, and ...": an age after a name.
    let name_before = span
        .first
        .checked_sub(2)
        .and_then(|k| toks.get(k))
        .is_some_and(Token::capitalized);
    let between_commas = before.is_some_and(|t| t.is_punct(','))
        && (after.is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(')')));
    if name_before && between_commas && span.figure.count.is_some_and(|n| n < 120) {
        return false;
    }
    if after.is_some_and(|t| {
        t.is_punct(':')
            || t.is_punct('%')
            || t.is_any(&[
                "percent", "pct", "per", "a.m", "p.m", "am", "pm", "gmt", "utc", "hours", "hrs",
            ])
    }) {
        return false;
    }
    // "10:40" is a time; "Catatumbo: at least 80 dead" is a headline's figure.
    let first_start = toks.get(span.first).map_or(0, |t| t.start);
    if before.is_some_and(|t| {
        t.is_punct('$')
            || t.is_punct('€')
            || t.is_punct('£')
            || t.is_punct(':') && t.end == first_start
            || t.is_punct('#')
            || t.is_any(&[
                "no",
                "aged",
                "age",
                "number",
                "resolution",
                "article",
                "page",
                "route",
                "highway",
                "km",
                "kilometre",
                "kilometer",
            ])
    }) {
        return false;
    }
    let year_like = number
        .is_some_and(|t| t.norm.len() == 4 && t.norm.chars().all(|c| c.is_ascii_digit()))
        && span
            .figure
            .count
            .is_some_and(|v| (1900..=2100).contains(&v));
    !year_like || after.is_some_and(|t| t.is_any(PEOPLE_NOUNS))
}

/// "no", "not", "none of" right before the figure, or a denial or doubt shortly before
/// it in the same clause ("denied that two soldiers", "false reports that 20").
fn negated_before(toks: &[Token<'_>], span: &FigureSpan) -> bool {
    let Some(sentence) = toks.get(span.first).map(|t| t.sentence) else {
        return true;
    };
    let mut k = span.first;
    for step in 0..8 {
        let Some(t) = k.checked_sub(1).and_then(|p| toks.get(p)) else {
            break;
        };
        // "rejected the claims made by Pakistan that 26 ...": a claim with an author is
        // that author's figure, read by the claimant.
        if t.sentence != sentence
            || t.is_punct(',')
            || t.is_punct(';')
            || t.is_punct(':')
            || t.is("by")
        {
            break;
        }
        if (step < 2 && t.is_any(NEGATIONS)) || t.is_any(DENIALS) || t.is_any(DOUBTS) {
            return true;
        }
        k -= 1;
    }
    false
}

/// Reads what the figure counts and what happened to them; None when it is not a
/// casualty figure.
fn read_figure(toks: &[Token<'_>], span: &FigureSpan) -> Option<(Victims, Predicate)> {
    let mut victims = victims_after(toks, span)?;
    let end = victims.who.end;
    if !of_people(toks, span.end) || institutions(toks, span, &victims) {
        return None;
    }
    if let Some((status, voice)) = verb_before(toks, span.first, end) {
        // "Texas lost seven", "Chrysler shares lost 1/4": losing counts people only
        // when it names them or says how they were lost.
        let bare = victims.head.is_none() && toks.get(end).and_then(status_word).is_none();
        if matches!(voice, Voice::Lost { .. }) && bare {
            return None;
        }
        if let Some(owned) = toll_owner(toks, span.first) {
            // "Israel's military put its death toll at 900": its own dead, not the
            // people of an earlier figure.
            victims.elliptical = false;
            victims.possessive |= owned;
        }
        return Some((victims, Predicate { status, voice, end }));
    }
    // "had received 43 wounded people", "12 dead soldiers": the phrase says what
    // happened to them.
    let adjective = toks
        .get(victims.who.start)
        .filter(|_| victims.head.is_some_and(|h| h > victims.who.start))
        .filter(|t| t.is_any(&["wounded", "injured", "dead", "missing"]))
        .and_then(status_word);
    if let Some(status) = adjective {
        return Some((
            victims,
            Predicate {
                status,
                voice: Voice::Passive,
                end,
            },
        ));
    }
    if let Some(status) = victims.head.and_then(|h| toks.get(h)).and_then(status_noun) {
        return Some((
            victims,
            Predicate {
                status,
                voice: Voice::Passive,
                end,
            },
        ));
    }
    // "fire that trapped 44 miners and killed at least one": the object of another verb.
    // "evacuated 42 wounded" still counts the wounded.
    let hit = victims
        .head
        .or(Some(span.end))
        .and_then(|h| toks.get(h))
        .is_some_and(is_status_word);
    let object_of = !hit
        && (1..=3)
            .map_while(|back| span.first.checked_sub(back).and_then(|k| toks.get(k)))
            .take_while(|t| t.word)
            .find(|t| {
                !t.is_any(&[
                    "some", "about", "around", "nearly", "almost", "the", "another",
                ])
            })
            .is_some_and(|t| t.is_any(OBJECT_VERBS));
    if object_of {
        return None;
    }
    let (status, end) = predicate_after(toks, end)?;
    Some((
        victims,
        Predicate {
            status,
            voice: Voice::Passive,
            end,
        },
    ))
}
/// Verbs whose object is people unharmed or not yet counted as hit.
const OBJECT_VERBS: &[&str] = &[
    "trapped",
    "trapping",
    "rescued",
    "rescuing",
    "evacuated",
    "evacuating",
    "freed",
    "stranded",
    "employs",
    "employing",
    "employed",
    "hired",
    "hiring",
    "housed",
    "sheltering",
    "trap",
    "traps",
    "evacuate",
    "rescue",
    "employ",
    "hire",
];

/// "one of Iraq's strongest fortifications": a figure taken "of" something that is no
/// people (no people word, pronoun or casualty word in the phrase) counts nobody.
fn of_people(toks: &[Token<'_>], end: usize) -> bool {
    if !toks.get(end).is_some_and(|t| t.is("of")) {
        return true;
    }
    let sentence = toks.get(end).map_or(0, |t| t.sentence);
    let phrase: Vec<&Token<'_>> = (end + 1..end + 7)
        .map_while(|k| toks.get(k))
        .take_while(|t| {
            t.sentence == sentence
                && t.word
                && !t.is_any(&["was", "were", "is", "are", "had", "have", "has"])
        })
        .collect();
    phrase.is_empty()
        || phrase.iter().any(|t| {
            is_people(t)
                || t.is_any(&["them", "whom", "those", "these", "us", "you", "they"])
                || status_word(t).is_some()
        })
}

/// "one of five leading economic research bodies": bodies that a qualifier makes
/// institutions.
fn institutions(toks: &[Token<'_>], span: &FigureSpan, victims: &Victims) -> bool {
    let Some(head) = victims.head.and_then(|h| toks.get(h)) else {
        return false;
    };
    head.is("bodies") && victims.head.is_some_and(|h| h > span.end)
}

fn status_noun(t: &Token<'_>) -> Option<Status> {
    STATUS_NOUNS.iter().find(|(w, _)| t.is(w)).map(|&(_, s)| s)
}

/// The phrase after a figure: "Armenian police officers from Karabakh", "of them", or
/// nothing. None when its head is not people.
fn victims_after(toks: &[Token<'_>], span: &FigureSpan) -> Option<Victims> {
    let sentence = toks.get(span.first)?.sentence;
    let in_sentence = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    let possessive_before = span
        .first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["our", "its", "their"]));
    let mut j = span.end;
    // "21 more of their troops"
    if in_sentence(j).is_some_and(|t| t.is_any(&["more", "other"]))
        && in_sentence(j + 1).is_some_and(|t| t.is("of"))
    {
        j += 1;
    }
    let mut possessive = possessive_before;
    if in_sentence(j).is_some_and(|t| t.is("of")) {
        if in_sentence(j + 1).is_some_and(|t| t.is_any(&["them", "whom", "those", "these"])) {
            return Some(Victims {
                who: j + 2..j + 2,
                head: None,
                possessive,
                elliptical: true,
            });
        }
        // "it's" is a common typo for "its".
        let owner = |t: &Token<'_>| t.is_any(&["our", "its", "their", "it"]);
        if in_sentence(j + 1).is_some_and(|t| owner(t) || t.is("the")) {
            possessive |= in_sentence(j + 1).is_some_and(owner);
            j += 2;
            // "five of the group's fighters": an institution's own people, as "its".
            let institution = in_sentence(j).is_some_and(|t| {
                t.possessive() && !t.capitalized() && t.is_any(super::lexicon::ORG_WORDS)
            });
            if institution {
                possessive = true;
                j += 1;
            }
        }
    }
    let start = j;
    while j - start < 7 {
        let Some(t) = in_sentence(j) else { break };
        // "6,300 reported fatalities", "120 confirmed deaths": a word of record, not a verb.
        let recorded = t.is_any(&[
            "reported",
            "confirmed",
            "recorded",
            "documented",
            "verified",
        ]) && in_sentence(j + 1).is_some_and(|n| is_people(n));
        if recorded {
            j += 1;
            continue;
        }
        if !t.word
            || t.is_any(NP_STOPS)
            || is_status_word(t)
            || t.is_any(FINITE_VERBS)
            || t.is_any(AUXILIARIES) && !t.is_any(PEOPLE_NOUNS)
        {
            break;
        }
        possessive |= t.is_any(&["our", "its", "their", "own"]);
        j += 1;
        // "27 others overnight": the phrase ends at a people noun not followed by another.
        let more = in_sentence(j).is_some_and(|n| n.word && (is_people(n) || n.capitalized()));
        if is_people(t) && !more {
            break;
        }
    }
    if j == start {
        return Some(Victims {
            who: start..start,
            head: None,
            possessive,
            elliptical: true,
        });
    }
    let head = j - 1;
    let head_tok = toks.get(head)?;
    if !is_people(head_tok) {
        return None;
    }
    let elliptical = head_tok.is_any(&["others", "more", "additional", "other", "further"]);
    let end = complement(toks, j, sentence);
    Some(Victims {
        who: start..end,
        head: Some(head),
        possessive,
        elliptical,
    })
}

/// Extends a phrase over "from Karabakh" / "of the Armenian armed group".
fn complement(toks: &[Token<'_>], j: usize, sentence: usize) -> usize {
    let starts = toks
        .get(j)
        .is_some_and(|t| t.sentence == sentence && t.is_any(&["from", "of"]));
    if !starts {
        return j;
    }
    let mut k = j + 1;
    while k - j <= 5 {
        let Some(t) = toks.get(k).filter(|t| t.sentence == sentence && t.word) else {
            break;
        };
        let fits = t.capitalized()
            || t.is_any(&[
                "the",
                "a",
                "an",
                "armed",
                "group",
                "unit",
                "units",
                "forces",
                "army",
                "village",
                "town",
                "city",
                "region",
                "family",
                "military",
                "brigade",
                "battalion",
            ]);
        if !fits || is_status_word(t) {
            break;
        }
        k += 1;
    }
    // "bodies from the rubble": a complement with no name in it adds nothing.
    let named = toks
        .get(j + 1..k)
        .is_some_and(|w| w.iter().any(|t| t.capitalized() || t.party_word));
    if named { k } else { j }
}

fn is_status_word(t: &Token<'_>) -> bool {
    status_word(t).is_some()
}

/// A head noun naming people: the lexicon, a demonym ("Palestinians"), or a plural of a
/// people-making suffix ("paramedics", "policemen").
fn is_people(t: &Token<'_>) -> bool {
    if t.is_any(NOT_PEOPLE) {
        return false;
    }
    let plural = format!("{}s", t.norm);
    if t.is_any(PEOPLE_NOUNS) || PEOPLE_NOUNS.contains(&plural.as_str()) || status_noun(t).is_some()
    {
        return true;
    }
    let n = t.norm.as_str();
    let suffix = ["men", "ians", "ists", "ics", "ees", "ese", "ans", "ards"]
        .iter()
        .any(|s| n.ends_with(s) && n.len() > s.len() + 2);
    let capital_plural = t.capitalized() && n.ends_with('s') && n.len() > 4;
    suffix || capital_plural
}

/// The verb whose object the figure is: "killing three", "left five dead", "took two
/// soldiers prisoner", "lost 300 troops", "claimed the lives of 12", "the death toll
/// rose to 105".
fn verb_before(toks: &[Token<'_>], first: usize, end: usize) -> Option<(Status, Voice)> {
    let sentence = toks.get(first)?.sentence;
    let prev = |back: usize| {
        first
            .checked_sub(back)
            .and_then(|k| toks.get(k))
            .filter(|t| t.sentence == sentence)
    };
    let mut back = 1;
    // "had killed \"more than 50 apostate soldiers\"": a quotation opening on the figure.
    let quoted = toks.get(first).is_some_and(|t| t.quoted);
    while prev(back).is_some_and(|t| {
        quoted && !t.quoted && crate::extract::tokens::is_quote_mark(t.text)
            || t.is_any(&[
                "about",
                "around",
                "roughly",
                "approximately",
                "estimated",
                "some",
                "another",
                "a",
                "further",
                "an",
                "additional",
                "the",
                "its",
                "their",
                "our",
                "his",
                "her",
            ])
    }) {
        back += 1;
    }
    let verb_index = first.checked_sub(back)?;
    let verb = prev(back)?;
    let after = toks.get(end).filter(|t| t.sentence == sentence);
    let after_status = after.and_then(status_word);
    if let Some(&(_, status)) = ACTIVE_WORDS.iter().find(|(w, _)| verb.is(w)) {
        return Some((status, Voice::Active { verb: verb_index }));
    }
    if verb.is_any(&["left", "leaving", "leaves", "leave"]) {
        return after_status.map(|s| (s, Voice::Active { verb: verb_index }));
    }
    if verb.is_any(&["taken", "took", "take", "taking", "takes"]) {
        // "took two soldiers prisoner", "taking 253 hostages"
        let head_captive = end
            .checked_sub(1)
            .and_then(|h| toks.get(h))
            .is_some_and(|t| t.is_any(&["hostages", "hostage", "prisoners", "captives"]));
        let prisoner = head_captive
            || after.is_some_and(|t| {
                t.is_any(&[
                    "prisoner",
                    "prisoners",
                    "captive",
                    "captives",
                    "hostage",
                    "hostages",
                ])
            });
        return prisoner.then_some((Status::Captured, Voice::Active { verb: verb_index }));
    }
    if verb.is_any(&["lost", "lose", "loses", "losing"]) {
        return Some((
            after_status.unwrap_or(Status::Killed),
            Voice::Lost { verb: verb_index },
        ));
    }
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["bodies", "remains", "corpses"]))
    {
        return Some((Status::Killed, Voice::Passive));
    }
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["lives", "life"])) {
        return Some((Status::Killed, Voice::Active { verb: verb_index }));
    }
    // "the deaths of 10,582 civilians and injuries to 19,875": the noun gives the status.
    if let Some(status) = prev(back + 1)
        .and_then(status_noun)
        .filter(|_| verb.is_any(&["of", "to"]))
    {
        return Some((status, Voice::Passive));
    }
    // "the abduction of at least 120 children", "the killing of three soldiers".
    if let Some(status) = prev(back + 1)
        .and_then(|t| EVENT_NOUNS.iter().find(|(w, _)| t.is(w)).map(|&(_, s)| s))
        .filter(|_| verb.is("of"))
    {
        return Some((status, Voice::Passive));
    }

    // "Among the wounded were three children"
    let among = verb.is_any(&["were", "was", "are", "is"])
        && prev(back + 2).is_some_and(|t| t.is("the"))
        && prev(back + 3).is_some_and(|t| t.is("among"));
    if let Some(status) = prev(back + 1).and_then(status_word).filter(|_| among) {
        return Some((status, Voice::Passive));
    }
    if let Some(status) = number_toll(toks, first, sentence) {
        return Some((status, Voice::Passive));
    }
    toll_before(toks, first, sentence).then_some((Status::Killed, Voice::Passive))
}

/// Nouns of an act done to people, before "of" and the people it was done to.
const EVENT_NOUNS: &[(&str, Status)] = &[
    ("abduction", Status::Captured),
    ("abductions", Status::Captured),
    ("kidnapping", Status::Captured),
    ("kidnappings", Status::Captured),
    ("killing", Status::Killed),
    ("killings", Status::Killed),
    ("murder", Status::Killed),
    ("murders", Status::Killed),
    ("execution", Status::Killed),
    ("executions", Status::Killed),
];

/// "bringing the number of soldiers killed to 249", "put the number at five": a count
/// of people hit when a casualty word stands between "number" (or "figure") and the
/// figure, or when the number is put and the paragraph has said earlier what happened.
fn number_toll(toks: &[Token<'_>], first: usize, sentence: usize) -> Option<Status> {
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at"]));
    if !linked {
        return None;
    }
    let clause: Vec<usize> = (1..=14)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        })
        .collect();
    let number = clause.iter().position(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["number", "figure", "toll"]))
    })?;
    let between = clause.get(..number)?;
    if let Some(status) = between
        .iter()
        .rev()
        .find_map(|&k| toks.get(k).and_then(status_word))
    {
        return Some(status);
    }
    let put = clause.get(number..)?.iter().any(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["put", "puts", "placed", "places"]))
    });
    let number_at = *clause.get(number)?;
    // "put the number of assailants at six": a number of something else.
    if toks.get(number_at + 1).is_some_and(|t| t.is("of")) {
        return None;
    }
    put.then(|| {
        (0..number_at)
            .rev()
            .find_map(|k| toks.get(k).and_then(status_word))
    })
    .flatten()
}

/// Words that make "rose to N" a count of the dead.
const TOLL_WORDS: &[&str] = &["toll", "tally", "dead", "deaths", "fatalities"];

/// For a figure read as a toll: whether "its", "their" or "our" owns the toll.
fn toll_owner(toks: &[Token<'_>], first: usize) -> Option<bool> {
    let sentence = toks.get(first)?.sentence;
    let clause: Vec<&Token<'_>> = (1..=12)
        .map_while(|back| first.checked_sub(back).and_then(|k| toks.get(k)))
        .take_while(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        .collect();
    let toll = clause.iter().position(|t| t.is_any(TOLL_WORDS))?;
    let owned = clause
        .get(toll..)
        .is_some_and(|w| w.iter().take(3).any(|t| t.is_any(&["its", "their", "our"])));
    Some(owned)
}

/// "the death toll in the territory had risen to 18,412", "a toll of 30": a toll word
/// earlier in the clause and "to", "at" or "of" right before the figure.
fn toll_before(toks: &[Token<'_>], first: usize, sentence: usize) -> bool {
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at", "of"]));
    if !linked {
        return false;
    }
    // "The death toll from a week of fighting between ... rose to 80": "toll" heads a
    // long subject; the looser words ("dead") only count close by.
    (1..=32)
        .map_while(|back| first.checked_sub(back).and_then(|k| toks.get(k)))
        .take_while(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        .enumerate()
        .any(|(n, t)| t.is_any(&["toll", "tally"]) || n < 12 && t.is_any(TOLL_WORDS))
}

/// The casualty verb after the phrase: "were killed", "died", "was injured", "lost
/// their lives", "were taken prisoner", or a headline's bare "killed"; with the token
/// after it. A relative clause ("who had been ... were taken captive") is stepped over.
fn predicate_after(toks: &[Token<'_>], from: usize) -> Option<(Status, usize)> {
    let sentence = toks.get(from.checked_sub(1)?).map(|t| t.sentence)?;
    let mut aux = false;
    let mut relative = false;
    // "20 people (including four children) remain missing": an aside is stepped over.
    let mut aside = false;
    for k in from..from + 16 {
        let t = toks.get(k).filter(|t| t.sentence == sentence)?;
        if aside || t.is_punct('(') {
            aside = !t.is_punct(')');
            continue;
        }
        if t.is_any(NEGATIONS) {
            return None;
        }
        let next = toks.get(k + 1).filter(|n| n.sentence == sentence);
        // "two more are missing through suspension", "missing out": a squad's absentees.
        if t.is("missing") && next.is_some_and(|n| n.is_any(&["through", "out"])) {
            return None;
        }
        // "460,000 dead weight tons"
        if t.is("dead") && next.is_some_and(|n| n.is_any(&["weight", "weight-tons"])) {
            return None;
        }
        if let Some(status) = status_word(t) {
            // "17 miners who were missing ... were found today": the main verb undoes it.
            let undone = relative
                && (k + 1..k + 10)
                    .map_while(|j| toks.get(j).filter(|n| n.sentence == sentence))
                    .any(|n| n.is_any(&["found", "rescued", "freed", "located", "released"]));
            if undone {
                return None;
            }
            let transitive = t.is_any(&[
                "killed",
                "wounded",
                "injured",
                "captured",
                "abducted",
                "kidnapped",
                "seized",
                "executed",
                "murdered",
            ]);
            let object_follows = next.is_some_and(|n| {
                starts_number(toks, k + 1)
                    || n.is_any(&["the", "a", "an", "his", "her", "their", "its", "our"])
                    || n.is_any(PEOPLE_NOUNS)
            });
            // "43 wounded people": the casualty word qualifies the people it precedes.
            let qualifies = k == from
                && next.is_some_and(|n| n.is_any(PEOPLE_NOUNS))
                && t.is_any(&["wounded", "injured", "dead"]);
            if qualifies {
                return Some((status, k + 2));
            }
            if (transitive && !aux && object_follows) || (relative && !aux) {
                return None;
            }
            return Some((status, k + 1));
        }
        if t.is("lost") && next.is_some_and(|n| n.is_any(&["their", "his", "her", "its"])) {
            return Some((Status::Killed, k + 3));
        }
        if let Some((status, end)) = idiom_at(toks, k, sentence) {
            return Some((status, end));
        }
        let captive = next.is_some_and(|n| {
            n.is_any(&[
                "prisoner",
                "prisoners",
                "captive",
                "captives",
                "hostage",
                "hostages",
            ])
        });
        if t.is_any(&["taken", "held"]) && captive {
            return Some((Status::Captured, k + 2));
        }
        if t.is("unaccounted") {
            return Some((Status::Missing, k + 1));
        }
        // "remained in Russian captivity"
        if t.is("captivity") {
            return Some((Status::Captured, k + 1));
        }
        // "two of its soldiers serving with the SADC mission were killed": a participle
        // right after the phrase opens a modifier, read like a relative clause.
        let modifier = k == from
            && t.word
            && !t.is_any(PASSABLE)
            && !t.is("during")
            && (t.norm.ends_with("ing")
                || t.is_any(&["stationed", "based", "deployed", "posted", "assigned"]));
        if modifier && !relative {
            relative = true;
            aux = false;
            continue;
        }
        if t.is_any(&["who", "which"]) && !relative {
            relative = true;
            aux = false;
        } else if t.is_any(AUXILIARIES) {
            aux = true;
        } else if relative {
            aux = false;
        } else if !(t.is_punct(',')
            || t.is_any(PASSABLE)
            || starts_number(toks, k)
            || t.is_any(PEOPLE_NOUNS)
            || t.capitalized())
        {
            return None;
        }
    }
    None
}

/// Casualty phrases of several words at `k`, with the status and where they end:
/// soldiers who "embraced shahadat" or "laid down their lives", militants "sent to
/// hell", people "treated for their injuries", and people "among those killed" or
/// "among the more than 14,000 people killed".
fn idiom_at(toks: &[Token<'_>], k: usize, sentence: usize) -> Option<(Status, usize)> {
    let t = toks.get(k)?;
    let at = |j: usize| toks.get(j).filter(|n| n.sentence == sentence);
    let is = |j: usize, words: &[&str]| at(j).is_some_and(|n| n.is_any(words));
    if t.is_any(&["embraced", "embraces", "attained"]) && is(k + 1, &["shahadat", "martyrdom"]) {
        return Some((Status::Killed, k + 2));
    }
    if t.is("sent") && is(k + 1, &["to"]) && is(k + 2, &["hell"]) {
        return Some((Status::Killed, k + 3));
    }
    if t.is_any(&["laid", "gave"])
        && is(k + 1, &["down"])
        && is(k + 2, &["their", "his", "her"])
        && is(k + 3, &["lives", "life"])
    {
        return Some((Status::Killed, k + 4));
    }
    if t.is("treated") {
        let end = (k + 1..k + 4).find(|&j| is(j, &["injuries", "wounds", "burns"]))?;
        let between = (k + 1..end).all(|j| is(j, &["for", "their", "his", "her", "its"]));
        return between.then_some((Status::Injured, end + 1));
    }
    if t.is("among") && is(k + 1, &["the", "those"]) {
        // Over a figure and its people ("the more than 14,000 people") to the status.
        for j in k + 2..k + 9 {
            let n = at(j)?;
            if let Some(status) = status_word(n)
                .or_else(|| STATUS_NOUNS.iter().find(|(w, _)| n.is(w)).map(|&(_, s)| s))
            {
                return Some((status, j + 1));
            }
            let passable = starts_number(toks, j)
                || !n.word
                || n.is_any(&[
                    "more", "than", "at", "least", "over", "nearly", "some", "about",
                ])
                || n.is_any(PEOPLE_NOUNS);
            if !passable {
                return None;
            }
        }
    }
    None
}

/// A casualty word, also when mistyped by one letter ("killd", "wounde").
fn status_word(t: &Token<'_>) -> Option<Status> {
    if let Some(&(_, status)) = STATUS_WORDS.iter().find(|(w, _)| t.is(w)) {
        return Some(status);
    }
    const FUZZY: &[(&str, Status)] = &[
        ("killed", Status::Killed),
        ("wounded", Status::Injured),
        ("injured", Status::Injured),
        ("captured", Status::Captured),
        ("missing", Status::Missing),
    ];
    let n = t.norm.as_str();
    if n.len() < 5 || !t.word {
        return None;
    }
    FUZZY
        .iter()
        .find(|(w, _)| n.get(..2) == w.get(..2) && strsim::levenshtein(n, w) <= 1)
        .map(|&(_, s)| s)
}

/// Who gives the figure: the owner of the quotation holding it, else the nearest act of
/// saying before it in its sentence (after it for a trailing attribution), else the
/// outlet. Also whether that act denies the figure.
fn claimant(cx: &ClaimContext<'_>, at: usize) -> Source {
    let toks = &cx.tokens.toks;
    let found = cx.found;
    let source = |s: usize, denied: bool, anchor: Option<usize>| {
        found.statements.get(s).map(|st| Source {
            attribution: Attribution {
                speaker: st.speaker.clone(),
                party: st.party.clone(),
            },
            denied,
            hint: found.hints.get(s).cloned().flatten(),
            anchor,
        })
    };
    if toks.get(at).is_some_and(|t| t.quoted) {
        let quotes = &cx.tokens.quotes;
        let q = quotes.partition_point(|q| q.open < at).checked_sub(1);
        let owner = q
            .filter(|&q| {
                quotes
                    .get(q)
                    .is_some_and(|q| q.inner(toks.len()).contains(&at))
            })
            .and_then(|q| found.quote_owner.get(q).copied().flatten());
        if let Some(found) = owner.and_then(|s| source(s, false, None)) {
            return found;
        }
    }
    let sentence = toks.get(at).map(|t| t.sentence);
    let in_sentence =
        |a: &super::statements::Anchor| toks.get(a.tok).map(|t| t.sentence) == sentence;
    let split = found.anchors.partition_point(|a| a.tok < at);
    let after = found.anchors.get(split).filter(|a| in_sentence(a));
    // "No group claimed responsibility, but the insurgency has killed 40,000 people,
    // according to the UN": a trailing "according to" credits the whole sentence.
    let according = after.filter(|a| {
        found
            .statements
            .get(a.statement)
            .is_some_and(|st| st.verb.eq_ignore_ascii_case("according to"))
    });
    if let Some(found) = according.and_then(|a| source(a.statement, false, None)) {
        return found;
    }
    let before = split
        .checked_sub(1)
        .and_then(|k| found.anchors.get(k))
        .filter(|a| in_sentence(a));
    if let Some(claim) = before
        .filter(|a| a.denial)
        .and_then(|a| claim_by(cx, a.tok, at))
    {
        return claim;
    }
    if let Some(found) = before.and_then(|a| source(a.statement, a.denial, Some(a.tok))) {
        return found;
    }
    if let Some(found) = after.and_then(|a| source(a.statement, false, None)) {
        return found;
    }
    if let Some(party) = headline_credit(cx, at) {
        return Source {
            attribution: Attribution {
                speaker: party.1,
                party: Some(party.0),
            },
            denied: false,
            hint: None,
            anchor: None,
        };
    }
    Source {
        attribution: cx.outlet.clone(),
        denied: false,
        hint: None,
        anchor: None,
    }
}

/// "26 martyred, 46 injured as India strikes six sites: ISPR", "... 70 dead — officials":
/// a headline's source credited after a colon or a dash that ends its sentence, when it
/// names a party. Returns the party and the credit as written.
fn headline_credit(cx: &ClaimContext<'_>, at: usize) -> Option<(String, String)> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(at)?.sentence;
    // Headlines are short: a sentence running on past 48 tokens has no credit line.
    let end = (at..=at + 48).find(|&k| toks.get(k).is_none_or(|t| t.sentence != sentence))?;
    let mark = (at + 1..end).rev().take(8).find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_punct(':') || t.is_any(&["—", "–"]))
    })?;
    let credit: Vec<&Token<'_>> = toks
        .get(mark + 1..end)?
        .iter()
        .filter(|t| !t.is_punct('.'))
        .collect();
    if credit.is_empty() || credit.len() > 5 || !credit.iter().all(|t| t.word) {
        return None;
    }
    let words: Vec<&str> = credit.iter().map(|t| t.text).collect();
    let party = (0..words.len()).find_map(|i| {
        cx.gazetteer
            .match_words(&words, i)
            .map(|(_, p)| p.id.clone())
    })?;
    Some((party, words.join(" ")))
}

/// "rejects the claims made by the ISPR of Pakistan that 26 civilians were killed": a
/// denied claim still has an author, who gives the figure.
fn claim_by(cx: &ClaimContext<'_>, denial: usize, at: usize) -> Option<Source> {
    let toks = &cx.tokens.toks;
    let claim = (denial + 1..at).find(|&k| {
        toks.get(k).is_some_and(|t| {
            t.is_any(&[
                "claim",
                "claims",
                "allegation",
                "allegations",
                "reports",
                "report",
            ])
        })
    })?;
    let mut by = claim + 1;
    if toks
        .get(by)
        .is_some_and(|t| t.is_any(&["made", "put", "published", "issued"]))
    {
        by += 1;
    }
    if !toks.get(by).is_some_and(|t| t.is("by")) {
        return None;
    }
    let that = (by + 1..at).find(|&k| toks.get(k).is_some_and(|t| t.is("that")))?;
    let words: Vec<&str> = toks
        .get(by + 1..that)?
        .iter()
        .filter(|t| t.word)
        .map(|t| t.text)
        .collect();
    let party = (0..words.len()).find_map(|i| {
        cx.gazetteer
            .match_words(&words, i)
            .map(|(_, p)| p.id.clone())
    })?;
    let speaker = cx
        .text
        .get(toks.get(by + 1)?.start..toks.get(that - 1)?.end)?
        .to_string();
    Some(Source {
        attribution: Attribution {
            speaker,
            party: Some(party),
        },
        denied: false,
        hint: None,
        anchor: Some(that),
    })
}

/// The date of the event: a date in the figure's sentence outside any "X said on
/// Monday" frame, else the last such date earlier in the paragraph.
fn claim_date(
    cx: &ClaimContext<'_>,
    usable: &[&DateMention],
    at: usize,
) -> Option<chrono::NaiveDate> {
    let tok = cx.tokens.toks.get(at)?;
    let sentence = cx.tokens.sentences.get(tok.sentence)?;
    let first_after = usable.partition_point(|d| d.range.start < sentence.start);
    let in_sentence = usable
        .get(first_after)
        .filter(|d| d.range.end <= sentence.end);
    let earlier = usable.partition_point(|d| d.range.end <= tok.start);
    in_sentence
        .or_else(|| earlier.checked_sub(1).and_then(|k| usable.get(k)))
        .map(|d| d.date)
}

fn sentence_range(t: &Tokens<'_>, at: usize) -> Range<usize> {
    t.toks
        .get(at)
        .and_then(|tok| t.sentences.get(tok.sentence))
        .cloned()
        .unwrap_or(0..0)
}

#[cfg(test)]
mod tests {
    use crate::extract::{CasualtyClaim, DocText, Gazetteer, Status, extract};

    fn claims_of(paragraphs: &[&str]) -> Vec<CasualtyClaim> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
        let doc = DocText {
            published: chrono::NaiveDate::from_ymd_opt(2023, 3, 6),
            outlet: Some("Test Wire"),
            paragraphs: &paragraphs,
        };
        extract(&doc, &Gazetteer::builtin()).claims
    }

    /// (count, min, max, status, side, claimant party)
    type Row = (
        Option<u64>,
        Option<u64>,
        Option<u64>,
        Status,
        Option<String>,
        Option<String>,
    );

    fn rows(paragraphs: &[&str]) -> Vec<Row> {
        claims_of(paragraphs)
            .into_iter()
            .map(|c| {
                (
                    c.count,
                    c.count_min,
                    c.count_max,
                    c.status,
                    c.side,
                    c.according_to.party,
                )
            })
            .collect()
    }

    fn row(count: u64, status: Status, side: Option<&str>, by: Option<&str>) -> Row {
        (
            Some(count),
            None,
            None,
            status,
            side.map(str::to_string),
            by.map(str::to_string),
        )
    }

    #[test]
    fn number_words_and_elliptical_ones_inherit_the_noun() {
        let got = rows(&[
            "“Our servicemen were fired upon. As a result, two servicemen were killed, and one was injured,” a statement by the Azerbaijani Defense Ministry said.",
        ]);
        assert_eq!(
            got,
            vec![
                row(2, Status::Killed, Some("azerbaijan"), Some("azerbaijan")),
                row(1, Status::Injured, Some("azerbaijan"), Some("azerbaijan")),
            ]
        );
    }

    #[test]
    fn bounds_ranges_and_totals_across_sides() {
        let got = rows(&[
            "At least seventy-one people, including 12 Myanmar soldiers and 59 civilians, were killed, and between 20 and 30 were wounded, the report said.",
        ]);
        type Figure = (Option<u64>, Option<u64>, Option<u64>, Status);
        let figures: Vec<Figure> = got.iter().map(|r| (r.0, r.1, r.2, r.3)).collect();
        assert_eq!(
            figures,
            vec![
                (None, Some(71), None, Status::Killed),
                (Some(12), None, None, Status::Killed),
                (Some(59), None, None, Status::Killed),
                (None, Some(20), Some(30), Status::Injured),
            ]
        );
        assert_eq!(got[1].4.as_deref(), Some("myanmar"));
    }

    #[test]
    fn active_verbs_and_the_source_s_own_people() {
        let got = rows(&[
            "Ukrainian officials said a Russian missile strike killed at least five civilians and wounded 27 others.",
        ]);
        assert_eq!(
            got[0],
            (
                None,
                Some(5),
                None,
                Status::Killed,
                Some("ukraine".into()),
                Some("ukraine".into())
            )
        );
        assert_eq!(
            got[1],
            row(27, Status::Injured, Some("ukraine"), Some("ukraine"))
        );
        let got =
            rows(&["Hamas said its fighters killed nine soldiers and destroyed Israeli tanks."]);
        assert_eq!(
            got,
            vec![row(9, Status::Killed, Some("israel"), Some("hamas"))]
        );
    }

    #[test]
    fn our_means_the_speaker_s_party() {
        let got = rows(&["“Three of our soldiers were wounded,” Armenia’s Defense Ministry said."]);
        assert_eq!(
            got,
            vec![row(3, Status::Injured, Some("armenia"), Some("armenia"))]
        );
    }

    #[test]
    fn trailing_attribution_and_outlet_voice() {
        let got = rows(&[
            "Two Israeli soldiers were killed near the border, the Israeli military said.",
            "Floods killed 12 people last week.",
        ]);
        assert_eq!(
            got[0],
            row(2, Status::Killed, Some("israel"), Some("israel"))
        );
        assert_eq!(got[1], row(12, Status::Killed, None, None));
        let claims = claims_of(&["Floods killed 12 people last week."]);
        assert_eq!(claims[0].according_to.speaker, "Test Wire");
    }

    #[test]
    fn denials_and_negations_are_not_claims() {
        let got = rows(&[
            "Azerbaijan denied that two of its soldiers were killed.",
            "Baku rejected false reports that 15 civilians had been killed in Jermuk.",
            "No soldiers were killed, and five were not injured, the ministry said.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn numbers_that_are_not_people_hit() {
        let got = rows(&[
            "Clashes erupted on Sept. 27, 2020, during the 44-day war, and 300 settlements were captured.",
            "A 25-year-old soldier was killed at 10:30 on March 5, 1991.",
            "Arrivals were 155,221 bags, up 5 percent; 40 vehicles were destroyed and 3 drones downed.",
            "Hundreds of people were killed and dozens wounded.",
            "The ceasefire was violated 12 times and 5,000 people were displaced.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn coreference_carries_the_figure_to_the_ministry() {
        let got = claims_of(&[
            "On Monday, the Russian Defense Ministry said its troops halted the clash.",
            "The ministry confirmed that three Armenian police officers were killed, and two Azerbaijani troops died.",
        ]);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|c| c.according_to.speaker == "Russian Defense Ministry")
        );
        assert_eq!(got[0].side.as_deref(), Some("armenia"));
        assert_eq!(got[1].side.as_deref(), Some("azerbaijan"));
    }

    #[test]
    fn a_list_of_named_people_counts_as_that_many() {
        let claims = claims_of(&[
            "Pfc. John Smith, 21, Sgt. Maria Lopez, 30, and Cpl. Tom Brown, 25, were killed, the Pentagon said.",
        ]);
        let got: Vec<(Option<u64>, &str)> =
            claims.iter().map(|c| (c.count, c.who.as_str())).collect();
        assert_eq!(
            got,
            vec![(
                Some(3),
                "Pfc. John Smith, 21, Sgt. Maria Lopez, 30, and Cpl. Tom Brown, 25"
            )]
        );
        assert_eq!(claims[0].side.as_deref(), Some("us"));
    }

    #[test]
    fn captured_taken_prisoner_and_missing() {
        let got = rows(&[
            "Armenia said it had taken five Azerbaijani servicemen prisoner, and two Armenian soldiers remain missing.",
        ]);
        assert_eq!(
            got,
            vec![
                row(5, Status::Captured, Some("azerbaijan"), Some("armenia")),
                row(2, Status::Missing, Some("armenia"), Some("armenia")),
            ]
        );
    }

    #[test]
    fn event_dates_come_from_the_text_not_the_speech_frame() {
        let got = claims_of(&["On Monday, the ministry said two soldiers were killed on Sunday."]);
        assert_eq!(got[0].date, chrono::NaiveDate::from_ymd_opt(2023, 3, 5));
    }

    #[test]
    fn typos_and_lower_case() {
        let got = rows(&["israeli army says three soldiers killd in clash near lebanon border"]);
        assert_eq!(
            got,
            vec![row(3, Status::Killed, Some("israel"), Some("israel"))]
        );
    }

    fn rows_from(outlet: &str, paragraphs: &[&str]) -> Vec<Row> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
        let doc = DocText {
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
            outlet: Some(outlet),
            paragraphs: &paragraphs,
        };
        extract(&doc, &Gazetteer::builtin())
            .claims
            .into_iter()
            .map(|c| {
                (
                    c.count,
                    c.count_min,
                    c.count_max,
                    c.status,
                    c.side,
                    c.according_to.party,
                )
            })
            .collect()
    }

    fn min_row(min: u64, status: Status, side: Option<&str>, by: Option<&str>) -> Row {
        (
            None,
            Some(min),
            None,
            status,
            side.map(str::to_string),
            by.map(str::to_string),
        )
    }

    #[test]
    fn a_second_detail_after_and_shares_the_status_and_side() {
        let got = rows(&[
            "Israeli strikes have killed 558 people, including 50 children and 94 women, Lebanon's Health Ministry said.",
        ]);
        let lb = Some("lebanon");
        assert_eq!(
            got,
            vec![
                row(558, Status::Killed, lb, lb),
                row(50, Status::Killed, lb, lb),
                row(94, Status::Killed, lb, lb),
            ]
        );
    }

    #[test]
    fn nouns_of_death_and_injury_before_of_or_to_give_the_status() {
        let got = rows(&[
            "The UN said it had verified the deaths of 10,582 civilians and injuries to 19,875 in Ukraine.",
        ]);
        let (ua, un) = (Some("ukraine"), Some("un"));
        assert_eq!(
            got,
            vec![
                row(10582, Status::Killed, ua, un),
                row(19875, Status::Injured, ua, un)
            ]
        );
    }

    #[test]
    fn among_the_wounded_is_a_detail_of_the_speaker_s_figure() {
        let got = rows(&[
            "In Kharkiv, two people were killed and 60 injured, Ukraine's emergency service said. Among the wounded were three children.",
        ]);
        let ua = Some("ukraine");
        assert_eq!(got.get(2), Some(&row(3, Status::Injured, ua, ua)));
    }

    #[test]
    fn a_number_counted_or_put_is_a_toll_but_a_bare_number_is_not() {
        let got = rows(&[
            "The Israeli military said two soldiers were killed, bringing the number of soldiers killed since the start of the operation to 249.",
            "Russia's defence ministry said several peacekeepers had been killed and later put the number at five.",
            "The number of displaced people rose to 135,000, the agency said.",
        ]);
        let (il, ru) = (Some("israel"), Some("russia"));
        assert_eq!(
            got,
            vec![
                row(2, Status::Killed, il, il),
                row(249, Status::Killed, il, il),
                row(5, Status::Killed, ru, ru),
            ]
        );
    }

    #[test]
    fn captivity_hostages_and_approximate_figures() {
        let got = rows(&[
            "Ukraine's ombudsman said more than 3,500 Ukrainians remained in Russian captivity.",
            "Israel says gunmen stormed the south, killing about 1,200 people and taking 253 hostages.",
        ]);
        let (ua, il) = (Some("ukraine"), Some("israel"));
        assert_eq!(
            got,
            vec![
                min_row(3500, Status::Captured, ua, ua),
                row(1200, Status::Killed, il, il),
                row(253, Status::Captured, il, il),
            ]
        );
    }

    #[test]
    fn a_participle_or_appositive_between_people_and_verb_is_stepped_over() {
        let got = rows(&[
            "South Africa's defence force said two of its soldiers serving with the SADC mission were killed.",
            "India said 26 people, mostly tourists, were killed by gunmen.",
        ]);
        assert_eq!(
            got,
            vec![
                row(
                    2,
                    Status::Killed,
                    Some("south-africa"),
                    Some("south-africa")
                ),
                row(26, Status::Killed, Some("india"), Some("india")),
            ]
        );
    }

    #[test]
    fn a_denied_claim_keeps_its_author_and_an_authorless_one_is_dropped() {
        let got = rows(&[
            "India rejected the claims made by Pakistan's military that 26 civilians were killed.",
            "India rejected claims that 26 civilians were killed.",
        ]);
        let pk = Some("pakistan");
        assert_eq!(got, vec![row(26, Status::Killed, pk, pk)]);
    }

    #[test]
    fn the_institution_s_own_fighters_are_the_speaker_s() {
        let got =
            rows(&["Houthi spokesman Yahya Saree said five of the group's fighters were killed."]);
        let h = Some("yemen-houthis");
        assert_eq!(got, vec![row(5, Status::Killed, h, h)]);
    }

    #[test]
    fn a_press_release_s_own_voice_is_its_publisher_s_a_newspaper_s_is_not() {
        let got = rows_from(
            "Ministry of Defence (India)",
            &["Fifteen civilians were killed in Poonch. One soldier was killed in action."],
        );
        let ind = Some("india");
        assert_eq!(
            got,
            vec![
                row(15, Status::Killed, ind, ind),
                row(1, Status::Killed, ind, ind)
            ]
        );
        let got = rows_from("Times of Israel", &["Two soldiers were killed in Gaza."]);
        assert_eq!(got[0].5, None);
    }

    #[test]
    fn key_words_mistyped_by_one_letter_still_read() {
        let got = rows(&["The Israeli militray said two soldiers were kiled in Gaza."]);
        let il = Some("israel");
        assert_eq!(got, vec![row(2, Status::Killed, il, il)]);
    }

    #[test]
    fn military_words_for_killing_are_killing() {
        let got = rows(&["The IDF said it had eliminated 15 Hamas terrorists in Rafah."]);
        assert_eq!(
            got,
            vec![row(15, Status::Killed, Some("hamas"), Some("israel"))]
        );
    }

    /// (count, min, max, status)
    type Figure = (Option<u64>, Option<u64>, Option<u64>, Status);

    fn figures(paragraphs: &[&str]) -> Vec<Figure> {
        rows(paragraphs)
            .into_iter()
            .map(|(c, min, max, status, _, _)| (c, min, max, status))
            .collect()
    }

    #[test]
    fn a_quotation_opening_on_the_figure_still_has_its_verb() {
        let got = figures(&[
            "The group said its fighters had killed \"more than 50 soldiers\" in the hotel.",
        ]);
        assert_eq!(got, vec![(None, Some(50), None, Status::Killed)]);
        // A quoted verb does not reach past its closing mark.
        let got =
            figures(&["The army said it had \u{201c}neutralised\u{201d} more than 200 fighters."]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_toll_heading_a_long_subject_still_counts_the_dead() {
        let got = figures(&[
            "The death toll from a week of fighting between the rebel army and dissidents of \
             the former guerrilla in the northern border region rose to 80 on Monday.",
        ]);
        assert_eq!(got, vec![(Some(80), None, None, Status::Killed)]);
    }

    #[test]
    fn an_aside_in_parentheses_is_stepped_over() {
        let got = figures(&["Another 20 people (including four children) remain missing."]);
        assert!(
            got.contains(&(Some(20), None, None, Status::Missing)),
            "{got:?}"
        );
    }

    #[test]
    fn business_and_sport_losses_are_no_casualties() {
        let got = figures(&[
            "Rovers have eight players on the injured list, and two more are missing through suspension.",
            "Texas lost seven and Michigan was down by three rigs.",
            "Chrysler shares lost 1/4 to 52-1/4 while Inco slipped 1/8.",
            "The shipyard has orders to build 10 ships totalling 460,000 dead weight tons.",
            "The institute, one of five leading economic research bodies, is more optimistic.",
            "Iran said its forces had captured one of Iraq's strongest fortifications.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn the_group_a_figure_is_taken_from_is_no_count() {
        let got = figures(&["The vessel sank and one of its eight crew members was killed."]);
        assert_eq!(got, vec![(Some(1), None, None, Status::Killed)]);
    }

    #[test]
    fn people_found_trapped_or_rescued_are_not_hit() {
        let got = figures(&[
            "Seventeen miners who were missing in a copper mine fire were found today.",
            "The fire trapped 44 miners and killed at least one, the company said.",
            "Floods have trapped some 10,000 people and injured at least 50, officials said.",
        ]);
        assert_eq!(
            got,
            vec![
                (None, Some(1), None, Status::Killed),
                (None, Some(50), None, Status::Injured)
            ]
        );
    }

    #[test]
    fn a_casualty_word_before_the_people_says_what_happened() {
        let got = figures(&["The hospital had received 43 wounded people overnight."]);
        assert_eq!(got, vec![(Some(43), None, None, Status::Injured)]);
    }

    #[test]
    fn a_second_object_of_the_verb_is_hit_the_same_way() {
        let got = figures(&[
            "A bomb struck a convoy, killing four soldiers and two civilians, police said.",
        ]);
        assert_eq!(
            got,
            vec![
                (Some(4), None, None, Status::Killed),
                (Some(2), None, None, Status::Killed)
            ]
        );
    }

    #[test]
    fn a_figure_before_the_toll_it_gives_counts() {
        let got = figures(&["The ambush brought to 24 the number of soldiers killed this month."]);
        assert_eq!(got, vec![(Some(24), None, None, Status::Killed)]);
        // "the number of assailants" counts no one hit.
        let got = figures(&[
            "Four attackers were killed, police said. Police had put the number of assailants at six.",
        ]);
        assert_eq!(got, vec![(Some(4), None, None, Status::Killed)]);
    }

    #[test]
    fn a_headline_credit_after_a_colon_gives_the_figure() {
        let got = rows(&["26 martyred, 46 injured as strikes hit six sites: ISPR"]);
        let by: Vec<Option<String>> = got.into_iter().map(|r| r.5).collect();
        assert_eq!(
            by,
            vec![Some("pakistan".to_string()), Some("pakistan".to_string())]
        );
    }

    #[test]
    fn a_headline_s_colon_is_no_clock() {
        let got = figures(&["Catatumbo: at least 80 dead as rebels clash"]);
        assert_eq!(got, vec![(None, Some(80), None, Status::Killed)]);
        assert!(figures(&["At 10:40 the convoy left."]).is_empty());
    }

    #[test]
    fn wounded_people_moved_are_still_wounded() {
        let got = figures(&["The army evacuated 42 wounded by helicopter to the city."]);
        assert_eq!(got, vec![(Some(42), None, None, Status::Injured)]);
    }

    #[test]
    fn another_figure_opening_a_sentence_keeps_the_source() {
        let got = rows(&[
            "Seven soldiers were killed, Colombia's army said. Another 20 soldiers remain missing.",
        ]);
        let by: Vec<Option<String>> = got.into_iter().map(|r| r.5).collect();
        assert_eq!(by, vec![Some("colombia".to_string()); 2]);
    }

    #[test]
    fn a_wire_bureau_s_dateline_is_not_the_document_s_home() {
        let got = rows(&[
            "CAIRO (AP) — Paramilitary fighters of the Rapid Support Forces killed at least 40 villagers in Gezira province, activists said.",
        ]);
        assert_eq!(got, vec![min_row(40, Status::Killed, None, None)]);
    }

    #[test]
    fn the_only_state_named_beside_insurgents_is_home_to_their_victims() {
        let got = rows(&[
            "Bombers struck a market in northeastern Nigeria on Saturday, Nigerian police said.",
            "Boko Haram and its ISWAP offshoot have fought in the area for years.",
            "A rights group counted at least 300 civilian deaths in the state last year.",
        ]);
        let ng = Some("nigeria");
        assert_eq!(got, vec![min_row(300, Status::Killed, ng, None)]);
    }

    #[test]
    fn idioms_of_death_and_injury_and_among_those_killed() {
        let got = rows(&[
            "Eight militants were sent to hell and five soldiers embraced shahadat, the military of Pakistan said.",
            "Two guards were among those killed, a witness said.",
            "Eleven people were being treated for their injuries, the doctor said.",
        ]);
        let pk = Some("pakistan");
        assert_eq!(
            got,
            vec![
                row(8, Status::Killed, None, pk),
                row(5, Status::Killed, pk, pk),
                row(2, Status::Killed, pk, None),
                row(11, Status::Injured, pk, None),
            ]
        );
    }

    #[test]
    fn a_trailing_according_to_credits_the_whole_sentence() {
        let got = rows(&[
            "No group claimed the attack, but the insurgency has killed more than 2,000 people since 2015, according to the United Nations.",
        ]);
        assert_eq!(got, vec![min_row(2000, Status::Killed, None, Some("un"))]);
    }

    #[test]
    fn unknown_nationalities_records_abductions_and_run_together_bounds() {
        let got = rows(&[
            "Rwandan troops deployed to the province in 2021.",
            "Insurgents said they killed 25 Mozambican soldiers.",
            "The monitor recorded 310 reported fatalities and the abduction of atleast 40 teenagers.",
        ]);
        let got: Vec<_> = got.into_iter().map(|r| (r.0, r.1, r.3, r.4)).collect();
        assert_eq!(
            got,
            vec![
                (Some(25), None, Status::Killed, None),
                (Some(310), None, Status::Killed, Some("rwanda".to_string())),
                (None, Some(40), Status::Captured, Some("rwanda".to_string())),
            ]
        );
    }

    #[test]
    fn the_losses_put_at_a_figure_say_whose_dead_it_counts() {
        let got = rows(&[
            "A military blogger close to the defence ministry put Russian losses at about 150 dead.",
        ]);
        assert_eq!(got, vec![row(150, Status::Killed, Some("russia"), None)]);
    }
}
