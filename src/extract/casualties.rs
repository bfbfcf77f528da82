//! Casualty figures: a number of people killed, injured, missing or captured, whose
//! people they were, who gives the figure and when it happened.

use std::ops::Range;

use super::dates::DateMention;
use super::lexicon::{
    ACTIVE_WORDS, AUXILIARIES, DENIALS, FINITE_VERBS, HOSTILE_NOUNS, NOT_PEOPLE, PEOPLE_NOUNS,
    STATUS_NOUNS, STATUS_WORDS,
};
use super::numbers::{FigureSpan, figure_at, starts_number};
use super::parties::Gazetteer;
use super::statements::Found;
use super::tokens::{Token, Tokens};
use super::{Attribution, CasualtyClaim, Status};

/// Words that end the noun phrase after a figure.
const NP_STOPS: &[&str] = &[
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
    /// The figure is the object of an active verb ("killing three").
    active: bool,
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
        let Some((victims, predicate)) = read_figure(toks, &span) else {
            continue;
        };
        let (attribution, denied) = claimant(cx, span.first);
        if denied {
            continue;
        }
        let (who, side) = who_and_side(
            cx,
            &ours,
            &span,
            &victims,
            &predicate,
            &attribution,
            antecedent.as_ref(),
        );
        antecedent = Some((who.clone(), side.clone()));
        let claim = CasualtyClaim {
            paragraph: cx.paragraph,
            count: span.figure.count,
            count_min: span.figure.min,
            count_max: span.figure.max,
            who,
            side,
            status: predicate.status,
            according_to: attribution,
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
    claims
}

/// Rules out dates, times, money, percentages and years.
fn is_count(toks: &[Token<'_>], span: &FigureSpan) -> bool {
    let before = span.first.checked_sub(1).and_then(|k| toks.get(k));
    let after = toks.get(span.end);
    let number = toks.get(span.end.saturating_sub(1));
    let month = |t: Option<&Token<'_>>| t.is_some_and(is_month);
    if month(before) || month(after) {
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
    if before.is_some_and(|t| {
        t.is_punct('$')
            || t.is_punct('€')
            || t.is_punct('£')
            || t.is_punct(':')
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

fn is_month(t: &Token<'_>) -> bool {
    t.is_any(&[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]) || t.text == "May"
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
        if t.sentence != sentence || t.is_punct(',') || t.is_punct(';') || t.is_punct(':') {
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
    let victims = victims_after(toks, span)?;
    if let Some(status) = active_before(toks, span.first) {
        let end = victims.who.end;
        let status = left_status(toks, span.first, end).unwrap_or(status);
        return Some((
            victims,
            Predicate {
                status,
                active: true,
            },
        ));
    }
    if let Some(status) = left_status(toks, span.first, victims.who.end) {
        return Some((
            victims,
            Predicate {
                status,
                active: true,
            },
        ));
    }
    if let Some(status) = victims.head.and_then(|h| toks.get(h)).and_then(status_noun) {
        return Some((
            victims,
            Predicate {
                status,
                active: false,
            },
        ));
    }
    let status = predicate_after(toks, victims.who.end)?;
    Some((
        victims,
        Predicate {
            status,
            active: false,
        },
    ))
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
        if in_sentence(j + 1).is_some_and(|t| t.is_any(&["our", "its", "their", "the"])) {
            possessive |= in_sentence(j + 1).is_some_and(|t| !t.is("the"));
            j += 2;
        }
    }
    let start = j;
    while j - start < 7 {
        let Some(t) = in_sentence(j) else { break };
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
    if k == j + 1 { j } else { k }
}

fn is_status_word(t: &Token<'_>) -> bool {
    STATUS_WORDS.iter().any(|(w, _)| t.is(w))
}

/// A head noun naming people: the lexicon, a demonym ("Palestinians"), or a plural of a
/// people-making suffix ("paramedics", "policemen").
fn is_people(t: &Token<'_>) -> bool {
    if t.is_any(NOT_PEOPLE) {
        return false;
    }
    if t.is_any(PEOPLE_NOUNS) || status_noun(t).is_some() {
        return true;
    }
    let n = t.norm.as_str();
    let suffix = ["men", "ians", "ists", "ics", "ees", "ese", "ans", "ards"]
        .iter()
        .any(|s| n.ends_with(s) && n.len() > s.len() + 2);
    let capital_plural = t.capitalized() && n.ends_with('s') && n.len() > 4;
    suffix || capital_plural
}

/// "killing", "killed", "wounding" just before the figure, or "death toll rose to",
/// or "claimed the lives of".
fn active_before(toks: &[Token<'_>], first: usize) -> Option<Status> {
    let sentence = toks.get(first)?.sentence;
    let prev = |back: usize| {
        first
            .checked_sub(back)
            .and_then(|k| toks.get(k))
            .filter(|t| t.sentence == sentence)
    };
    let mut back = 1;
    while prev(back)
        .is_some_and(|t| t.is_any(&["some", "another", "a", "further", "an", "additional", "the"]))
    {
        back += 1;
    }
    let verb = prev(back)?;
    if let Some(&(_, status)) = ACTIVE_WORDS.iter().find(|(w, _)| verb.is(w)) {
        return Some(status);
    }
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["lives", "life"])) {
        return Some(Status::Killed);
    }
    let toll = (back..back + 6)
        .filter_map(prev)
        .take_while(|t| {
            t.is_any(&[
                "to",
                "at",
                "of",
                "rose",
                "risen",
                "rising",
                "climbed",
                "reached",
                "stood",
                "stands",
                "stand",
                "is",
                "was",
                "has",
                "had",
                "now",
                "increased",
                "jumped",
                "hit",
                "toll",
                "tally",
                "death",
                "total",
                "overall",
            ])
        })
        .any(|t| t.is("toll") || t.is("tally"));
    toll.then_some(Status::Killed)
}

/// "left three soldiers dead" / "leaving 12 injured": the word after the phrase.
fn left_status(toks: &[Token<'_>], first: usize, end: usize) -> Option<Status> {
    let verb = first.checked_sub(1).and_then(|k| toks.get(k))?;
    if !verb.is_any(&["left", "leaving", "leaves", "leave"]) {
        return None;
    }
    let after = toks.get(end)?;
    STATUS_WORDS
        .iter()
        .find(|(w, _)| after.is(w))
        .map(|&(_, s)| s)
}

/// The casualty verb after the phrase: "were killed", "died", "was injured", "lost
/// their lives", "were taken prisoner", or a headline's bare "killed".
fn predicate_after(toks: &[Token<'_>], from: usize) -> Option<Status> {
    let sentence = toks.get(from.checked_sub(1)?).map(|t| t.sentence)?;
    let mut aux = false;
    let mut k = from;
    for _ in 0..12 {
        let t = toks.get(k).filter(|t| t.sentence == sentence)?;
        if t.is_any(NEGATIONS) {
            return None;
        }
        if let Some(&(_, status)) = STATUS_WORDS.iter().find(|(w, _)| t.is(w)) {
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
            let object_follows = toks.get(k + 1).is_some_and(|n| {
                n.sentence == sentence
                    && (starts_number(toks, k + 1)
                        || n.is_any(&["the", "a", "an", "his", "her", "their", "its", "our"])
                        || n.is_any(PEOPLE_NOUNS))
            });
            if transitive && !aux && object_follows {
                return None;
            }
            return Some(status);
        }
        let next = toks.get(k + 1);
        if t.is("lost") && next.is_some_and(|n| n.is_any(&["their", "his", "her", "its"])) {
            return Some(Status::Killed);
        }
        if t.is_any(&["taken", "held"])
            && next.is_some_and(|n| {
                n.is_any(&[
                    "prisoner",
                    "prisoners",
                    "captive",
                    "captives",
                    "hostage",
                    "hostages",
                ])
            })
        {
            return Some(Status::Captured);
        }
        if t.is("unaccounted") {
            return Some(Status::Missing);
        }
        if t.is_any(AUXILIARIES) {
            aux = true;
        } else if !(t.is_punct(',')
            || t.is_any(PASSABLE)
            || starts_number(toks, k)
            || t.is_any(PEOPLE_NOUNS)
            || t.capitalized())
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Who gives the figure: the owner of the quotation holding it, else the nearest act of
/// saying before it in its sentence (after it for a trailing attribution), else the
/// outlet. Also whether that act denies the figure.
fn claimant(cx: &ClaimContext<'_>, at: usize) -> (Attribution, bool) {
    let toks = &cx.tokens.toks;
    let found = cx.found;
    let to_attr = |s: usize| {
        found.statements.get(s).map(|st| Attribution {
            speaker: st.speaker.clone(),
            party: st.party.clone(),
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
        if let Some(attr) = owner.and_then(to_attr) {
            return (attr, false);
        }
    }
    let sentence = toks.get(at).map(|t| t.sentence);
    let in_sentence =
        |a: &super::statements::Anchor| toks.get(a.tok).map(|t| t.sentence) == sentence;
    let split = found.anchors.partition_point(|a| a.tok < at);
    let before = split
        .checked_sub(1)
        .and_then(|k| found.anchors.get(k))
        .filter(|a| in_sentence(a));
    if let Some(anchor) = before {
        if let Some(attr) = to_attr(anchor.statement) {
            return (attr, anchor.denial);
        }
    }
    let after = found.anchors.get(split).filter(|a| in_sentence(a));
    if let Some(attr) = after.and_then(|a| to_attr(a.statement)) {
        return (attr, false);
    }
    (cx.outlet.clone(), false)
}

/// The phrase as written and the party whose people were hit.
fn who_and_side(
    cx: &ClaimContext<'_>,
    ours: &[(String, bool)],
    span: &FigureSpan,
    victims: &Victims,
    predicate: &Predicate,
    attribution: &Attribution,
    antecedent: Option<&(String, Option<String>)>,
) -> (String, Option<String>) {
    let toks = &cx.tokens.toks;
    let words: Vec<&str> = toks
        .get(victims.who.clone())
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect();
    let written = words.join(" ").replace(" ’", "’").replace(" '", "'");
    let named = (0..words.len()).find_map(|i| {
        cx.gazetteer
            .match_words(&words, i)
            .map(|(_, p)| p.id.clone())
    });
    if victims.elliptical && named.is_none() {
        if let Some((who, side)) = antecedent {
            let side = side.clone().or_else(|| {
                victims
                    .possessive
                    .then(|| attribution.party.clone())
                    .flatten()
            });
            return (who.clone(), side);
        }
    }
    let who = if written.is_empty() {
        "people".to_string()
    } else {
        written
    };
    if named.is_some() {
        return (who, named);
    }
    if victims.possessive || ours_elsewhere(cx, ours, span, victims) {
        return (who, attribution.party.clone());
    }
    let hostile = victims
        .head
        .and_then(|h| toks.get(h))
        .is_some_and(|t| t.is_any(HOSTILE_NOUNS));
    let side = (!predicate.active && !hostile)
        .then(|| attribution.party.clone())
        .flatten();
    (who, side)
}

/// The heads after "our" in a paragraph, and whether each is quoted.
fn our_heads(toks: &[Token<'_>]) -> Vec<(String, bool)> {
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
