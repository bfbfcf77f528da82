//! Casualty figures: a number of people killed, injured, missing or captured, as the text
//! writes it. This stage reads each figure, the phrase naming the people it counts and what
//! happened to them; `roles` then decides whose people they were and who gives the figure.

mod predicates;
mod victims;

use std::ops::Range;

use super::Status;
use super::lexicon::class;
use super::numbers::{Figure, FigureSpan, figure_at, starts_number, token_value};
use super::tokens::Token;

pub(crate) use predicates::status_word;
use predicates::{predicate_after, verb_before};
pub(crate) use victims::Victims;
use victims::victims_after;

/// How a figure relates to its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// "three were killed", "five dead", "71 deaths".
    Passive,
    /// "X killed three": the figure is the object; `verb` is the verb's token.
    Active { verb: usize },
    /// "X lost 300 troops": the people are the subject's.
    Lost { verb: usize },
}

/// One casualty figure as read from its paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Read {
    pub figure: Figure,
    /// "about", "some", "nearly": the count is approximate.
    pub approx: bool,
    /// The figure's tokens, bound words included.
    pub span: Range<usize>,
    pub victims: Victims,
    pub status: Status,
    pub voice: Voice,
    /// A detail of the figure before it ("including five children", "of them").
    pub detail: bool,
}

impl Read {
    pub fn sentence(&self, toks: &[Token<'_>]) -> usize {
        toks.get(self.span.start).map_or(0, |t| t.sentence)
    }
}

/// Every casualty figure of a paragraph, in text order.
pub(crate) fn read_all(toks: &[Token<'_>], is_name: &dyn Fn(usize) -> bool) -> Vec<Read> {
    let mut out: Vec<Read> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(span) = starts_number(toks, i).then(|| figure_at(toks, i)).flatten() else {
            i += 1;
            continue;
        };
        i = span.end.max(i + 1);
        if !is_count(toks, &span) || negated_before(toks, span.first) {
            continue;
        }
        let previous = out.last();
        // "Two more disappeared": more of the people counted just before, if any were.
        let sentence = toks.get(span.first).map_or(0, |t| t.sentence);
        let counted_before = previous.is_some_and(|p| p.sentence(toks) + 1 >= sentence);
        let read = read_figure(toks, &span)
            .filter(|r| !more_of(toks, r) || counted_before)
            .or_else(|| detail_of(toks, &span, previous))
            .or_else(|| second_object(toks, &span, previous))
            .or_else(|| inverted_toll(toks, &span));
        let read = read.or_else(|| elided(toks, &span, previous));
        if let Some(mut read) = read {
            // "killed at least 21 people, including three children, and injured dozens
            // more": a detail between commas shares the status of the figure it details,
            // not of the verb the sentence goes on with.
            if read.detail
                && let Some(p) = previous.filter(|p| p.sentence(toks) == read.sentence(toks))
                && toks
                    .get(read.victims.who.end)
                    .is_some_and(|t| t.is_punct(','))
                && toks
                    .get(read.victims.who.end + 1)
                    .is_some_and(|t| t.is("and"))
            {
                read.status = p.status;
            }
            // "including 42 army servicemen and 8 border service personnel were killed":
            // the second detail is a detail too, whatever verb it found; and "192 of its
            // soldiers and one civilian died": the owner of the first owns the second.
            if let Some(p) = out.last()
                && read.span.start == p.victims.who.end + 1
                && toks.get(p.victims.who.end).is_some_and(|t| t.is("and"))
            {
                read.detail |= p.detail;
                read.victims.possessive = read.victims.possessive.or(p.victims.possessive);
            }
            out.push(read);
        }
    }
    // A list of names counts them all before any one of them is counted alone.
    let lists = named_lists(toks, is_name, &out);
    out.extend(lists);
    out.extend(singles(toks, is_name, &out));
    out.sort_by_key(|r| r.span.start);
    out
}

/// "rescued 104 hostages", "104 hostages were released": captives already freed are no
/// longer held, and no casualty.
fn freed(toks: &[Token<'_>], span: &FigureSpan, victims: &Victims) -> bool {
    const FREEING: &[&str] = &[
        "rescued",
        "freed",
        "released",
        "liberated",
        "evacuated",
        "exchanged",
        "swapped",
        "returned",
        "repatriated",
        "rescue",
        "free",
        "release",
        "freeing",
        "releasing",
        "rescuing",
    ];
    let captive = victims
        .head
        .and_then(|h| toks.get(h))
        .is_some_and(|t| t.has(class::NOUN_CAPTURED));
    if !captive {
        return false;
    }
    let before = (1..=3)
        .map_while(|back| span.first.checked_sub(back).and_then(|k| toks.get(k)))
        .take_while(|t| t.word)
        .find(|t| {
            !t.is_any(&[
                "the", "all", "another", "a", "further", "more", "than", "at", "least",
            ])
        })
        .is_some_and(|t| t.is_any(FREEING));
    let after = (victims.who.end..victims.who.end + 3)
        .map_while(|k| toks.get(k))
        .take_while(|t| t.word)
        .any(|t| t.is_any(FREEING));
    before || after
}

/// "eight more": a figure whose people are more of those counted before, and no people
/// of its own ("two more disappeared" after 14 drones shot down is not a figure).
fn more_of(toks: &[Token<'_>], read: &Read) -> bool {
    read.victims
        .head
        .and_then(|h| toks.get(h))
        .is_some_and(|h| h.is_any(&["more", "additional", "further"]))
}

fn approx_before(toks: &[Token<'_>], first: usize) -> bool {
    let at = |back: usize| first.checked_sub(back).and_then(|k| toks.get(k));
    at(1).is_some_and(|t| {
        t.is_any(&[
            "about",
            "around",
            "some",
            "approximately",
            "roughly",
            "nearly",
            "almost",
            "estimated",
            "approx",
            "circa",
        ])
    }) || toks
        .get(first)
        .is_some_and(|t| t.is_any(&["nearly", "almost", "about", "around", "some"]))
}

fn read(
    span: &FigureSpan,
    toks: &[Token<'_>],
    victims: Victims,
    status: Status,
    voice: Voice,
    detail: bool,
) -> Read {
    Read {
        figure: span.figure,
        approx: approx_before(toks, span.first),
        span: span.first..span.end,
        victims,
        status,
        voice,
        detail,
    }
}

/// Reads what the figure counts and what happened to them; None when it is not a
/// casualty figure.
fn read_figure(toks: &[Token<'_>], span: &FigureSpan) -> Option<Read> {
    let mut victims = victims_after(toks, span)?;
    let end = victims.who.end;
    if freed(toks, span, &victims) {
        return None;
    }
    if !victims::of_people(toks, span.end) {
        return None;
    }
    let detail = victims::among_them(toks, span.first)
        || span
            .first
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is_any(&["including", "among", "includes", "included"]));
    if let Some((status, voice)) = verb_before(toks, span.first, end) {
        // "Texas lost seven", "shares lost 1/4": losing counts people only when it names
        // them or says how they were lost.
        let bare = victims.head.is_none() && toks.get(end).and_then(status_word).is_none();
        if matches!(voice, Voice::Lost { .. }) && bare {
            return None;
        }
        // "the number of soldiers of the NKR killed has surpassed 100": the people are
        // named in the toll, before the figure.
        if victims.head.is_none()
            && let Some(named) = victims::toll_people(toks, span.first)
        {
            victims = named;
        }
        if let Some(owned) = predicates::toll_owner(toks, span.first) {
            // "Israel's military put its death toll at 900": its own dead.
            victims.elliptical = false;
            victims.possessive = victims.possessive.or(owned);
        }
        let status = either(toks, span, status, voice);
        let mut found = read(span, toks, victims, status, voice, detail);
        // "the death toll has topped 45,000": a toll above the figure.
        let above = span
            .first
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is_any(predicates::TOLL_ABOVE));
        if let (true, Some(n)) = (above, found.figure.count) {
            found.figure = Figure {
                count: None,
                min: Some(n),
                max: None,
            };
        }
        return Some(found);
    }
    // "had received 43 wounded people", "12 dead soldiers", "admitted only 15 killed
    // troops": the phrase says what happened.
    let adjective = toks
        .get(victims.who.start)
        .filter(|_| victims.head.is_some_and(|h| h > victims.who.start))
        .filter(|t| t.is_any(&["wounded", "injured", "dead", "missing", "killed"]))
        .and_then(status_word);
    if let Some(status) = adjective {
        return Some(read(span, toks, victims, status, Voice::Passive, detail));
    }
    if let Some(status) = victims.head.and_then(|h| toks.get(h)).and_then(status_noun) {
        // "31 of the hostages have been pronounced dead": what happened to captives is
        // what the predicate says.
        if status == Status::Captured
            && let Some((said, _)) = predicate_after(toks, end)
            && said != Status::Captured
        {
            return Some(read(span, toks, victims, said, Voice::Passive, detail));
        }
        let status = casualties_status(toks, span, status);
        return Some(read(span, toks, victims, status, Voice::Passive, detail));
    }
    // "fire that trapped 44 miners": the object of a verb that hurts no one.
    let object_of = (1..=3)
        .map_while(|back| span.first.checked_sub(back).and_then(|k| toks.get(k)))
        .take_while(|t| t.word)
        .find(|t| {
            !t.is_any(&[
                "some", "about", "around", "nearly", "almost", "the", "another", "all",
            ])
        })
        .is_some_and(|t| t.has(class::OBJECT_VERB));
    // "treated 17 people with serious injuries": the people are described as hurt.
    if object_of
        && toks.get(end).is_some_and(|t| t.is("with"))
        && let Some((Status::Injured, _)) = predicate_after(toks, end)
    {
        return Some(read(
            span,
            toks,
            victims,
            Status::Injured,
            Voice::Passive,
            detail,
        ));
    }
    if object_of {
        return None;
    }
    if let Some((status, _)) = predicate_after(toks, end) {
        return Some(read(span, toks, victims, status, Voice::Passive, detail));
    }
    let status = included_in(toks, span.first)?;
    Some(read(span, toks, victims, status, Voice::Passive, true))
}

/// "Those killed in the attack included two children", "The victims of the strike
/// included three journalists": people a toll's subject includes share its status.
fn included_in(toks: &[Token<'_>], first: usize) -> Option<Status> {
    let sentence = toks.get(first)?.sentence;
    let mut verb = first.checked_sub(1)?;
    while toks
        .get(verb)
        .is_some_and(|t| t.is_any(&["at", "least", "about", "around", "some", "nearly"]))
    {
        verb = verb.checked_sub(1)?;
    }
    if !toks
        .get(verb)?
        .is_any(&["included", "include", "includes", "including"])
        || toks.get(verb)?.is("including")
    {
        return None;
    }
    // Only in the subject: back to the clause's start.
    (verb.saturating_sub(10)..verb)
        .rev()
        .map_while(|k| toks.get(k).filter(|t| t.sentence == sentence && t.word))
        .find_map(|t| {
            if t.is_any(&["victims", "dead", "fatalities"]) {
                Some(Status::Killed)
            } else {
                status_word(t).or_else(|| status_noun(t))
            }
        })
}

/// A noun that is itself the status: "71 deaths", "40 casualties".
pub(crate) fn status_noun(t: &Token<'_>) -> Option<Status> {
    if t.has(class::NOUN_EITHER) {
        Some(Status::KilledOrInjured)
    } else if t.has(class::NOUN_KILLED) {
        Some(Status::Killed)
    } else if t.has(class::NOUN_INJURED) {
        Some(Status::Injured)
    } else if t.has(class::NOUN_MISSING) {
        Some(Status::Missing)
    } else if t.has(class::NOUN_CAPTURED) {
        Some(Status::Captured)
    } else {
        None
    }
}

/// "N casualties" counts killed and wounded together, unless the sentence sets the
/// casualties against the wounded ("12 casualties and 40 wounded"): then they are the dead.
fn casualties_status(toks: &[Token<'_>], span: &FigureSpan, status: Status) -> Status {
    if status != Status::KilledOrInjured {
        return status;
    }
    let sentence = toks.get(span.first).map_or(0, |t| t.sentence);
    let wounded = toks
        .iter()
        .filter(|t| t.sentence == sentence)
        .any(|t| t.is_any(&["wounded", "injured", "injuries", "hurt"]));
    if wounded { Status::Killed } else { status }
}

/// "killed or wounded 40", "killing or wounding": both statuses at once.
fn either(toks: &[Token<'_>], span: &FigureSpan, status: Status, voice: Voice) -> Status {
    let Voice::Active { verb } = voice else {
        return status;
    };
    let two_back = |k: usize| verb.checked_sub(k).and_then(|j| toks.get(j));
    let or_before = two_back(1).is_some_and(|t| t.is("or"))
        && two_back(2).is_some_and(|t| t.has(class::ACTIVE));
    let _ = span;
    if or_before {
        Status::KilledOrInjured
    } else {
        status
    }
}

/// Rules out dates, times, money, percentages, ages and years.
fn is_count(toks: &[Token<'_>], span: &FigureSpan) -> bool {
    let before = span.first.checked_sub(1).and_then(|k| toks.get(k));
    let after = toks.get(span.end);
    let number = toks.get(span.end.saturating_sub(1));
    let month = |t: Option<&Token<'_>>| t.is_some_and(Token::is_month);
    if month(before) || month(after) {
        return false;
    }
    if number.is_some_and(|t| t.text.contains('/')) || after.is_some_and(|t| t.is_punct('/')) {
        return false;
    }
    // "one of its eight crew members": the group the first figure is taken from.
    let mut k = span.first;
    if k.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is_any(&["its", "the", "their", "his", "her", "our"]))
    {
        k -= 1;
    }
    // "two out of the 38 POWs" too.
    let out = k
        .checked_sub(2)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is("out"));
    let of_group = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is("of"))
        && k.checked_sub(if out { 3 } else { 2 })
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
        && after.is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(')'));
    if name_before && between_commas && span.figure.count.is_some_and(|n| n < 120) {
        return false;
    }
    if after.is_some_and(|t| {
        t.is_punct(':')
            || t.is_punct('%')
            || t.is_any(&[
                "percent", "pct", "per", "a.m", "p.m", "am", "pm", "gmt", "utc", "hours", "hrs",
                "mln", "billion", "dlrs", "dollars", "stg", "years", "year", "days", "km", "miles",
                "kms",
            ])
    }) {
        return false;
    }
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
                "ages",
                "number",
                "resolution",
                "article",
                "page",
                "route",
                "highway",
                "km",
                "kilometre",
                "kilometer",
                "flight",
                "platoon",
                "unit",
                "brigade",
                "division",
                "corps",
                "chapter",
                "section",
                "paragraph",
                "item",
                "rule",
                "year",
                "since",
                "in",
                "until",
                "by",
            ]) && !(t.is_any(&["in", "by"])
                && span
                    .figure
                    .count
                    .is_some_and(|c| !(1900..=2100).contains(&c)))
    }) {
        return false;
    }
    let year_like = number
        .is_some_and(|t| t.norm.len() == 4 && t.norm.chars().all(|c| c.is_ascii_digit()))
        && span
            .figure
            .count
            .is_some_and(|v| (1900..=2100).contains(&v));
    !year_like || after.is_some_and(|t| t.has(class::PEOPLE))
}

/// "no", "not", "none of" right before the figure, or a denial or doubt shortly before it
/// in the same clause ("denied that two soldiers", "false reports that 20").
fn negated_before(toks: &[Token<'_>], first: usize) -> bool {
    let Some(sentence) = toks.get(first).map(|t| t.sentence) else {
        return true;
    };
    let mut k = first;
    for step in 0..8 {
        let Some(t) = k.checked_sub(1).and_then(|p| toks.get(p)) else {
            break;
        };
        if t.sentence != sentence
            || t.is_punct(',')
            || t.is_punct(';')
            || t.is_punct(':')
            || t.is("by")
        {
            break;
        }
        if (step < 2 && t.has(class::NEGATION)) || t.has(class::DENIAL | class::DOUBT) {
            return true;
        }
        k -= 1;
    }
    false
}

/// "killing 25 people, including five children", "35 killed, 24 of them women", "Among
/// the wounded were three children": a detail shares the status of the figure before it.
fn detail_of(toks: &[Token<'_>], span: &FigureSpan, previous: Option<&Read>) -> Option<Read> {
    let previous = previous?;
    let sentence = toks.get(span.first)?.sentence;
    if previous.sentence(toks) != sentence {
        return None;
    }
    let after_including = span
        .first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["including", "among", "includes", "included"]))
        || victims::among_them(toks, span.first);
    let of_them = toks.get(span.end).is_some_and(|t| t.is("of"))
        && toks
            .get(span.end + 1)
            .is_some_and(|t| t.is_any(&["them", "whom"]));
    // "including 50 children and 94 women", "including 54 men, 27 women and 12
    // children": the next detail of the list.
    let next_detail = previous.detail && listed_after(toks, previous, span);
    if !(after_including || of_them || next_detail) {
        return None;
    }
    let victims = victims_after(toks, span)?;
    Some(read(
        span,
        toks,
        victims,
        previous.status,
        Voice::Passive,
        true,
    ))
}

/// Whether the figure at `span` comes next in a list after `previous`'s people: "two
/// women and two men", "54 men, 27 women and 12 children", "two young girls aged three,
/// as well as seven women".
fn listed_after(toks: &[Token<'_>], previous: &Read, span: &FigureSpan) -> bool {
    let mut k = previous.victims.who.end.max(previous.span.end);
    if previous.victims.head.is_none() {
        return false;
    }
    // "aged three": an age after the people.
    if toks.get(k).is_some_and(|t| t.is("aged")) && starts_number(toks, k + 1) {
        k += 2;
    }
    let gap = k..span.first;
    !gap.is_empty()
        && gap.len() <= 4
        && gap.clone().all(|j| {
            toks.get(j)
                .is_some_and(|t| t.is_punct(',') || t.is_any(&["and", "as", "well"]))
        })
        && gap
            .clone()
            .any(|j| toks.get(j).is_some_and(|t| t.is_punct(',') || t.is("and")))
        && toks.get(span.first).map(|t| t.sentence)
            == toks.get(k.saturating_sub(1)).map(|t| t.sentence)
}

/// "49 deaths in Tartous, 25 in Latakia and 84 in Hama", "the death toll includes 683 in
/// Latakia": a figure of the same people as the one before it, told apart by place.
fn elided(toks: &[Token<'_>], span: &FigureSpan, previous: Option<&Read>) -> Option<Read> {
    let sentence = toks.get(span.first)?.sentence;
    let in_place = toks
        .get(span.end)
        .is_some_and(|t| t.is_any(&["in", "from"]))
        && toks
            .get(span.end + 1)
            .is_some_and(|t| t.word && t.capitalized() && t.sentence == sentence);
    if !in_place {
        return None;
    }
    let status = match previous.filter(|p| p.sentence(toks) == sentence) {
        Some(p) => p.status,
        None => {
            let toll = (0..span.first).rev().take(12).any(|k| {
                toks.get(k).is_some_and(|t| {
                    t.sentence == sentence && t.is_any(&["toll", "tally", "deaths", "dead"])
                })
            });
            if !toll {
                return None;
            }
            Status::Killed
        }
    };
    let victims = Victims {
        who: span.end..span.end,
        head: None,
        possessive: None,
        elliptical: false,
    };
    Some(read(span, toks, victims, status, Voice::Passive, false))
}

/// "killing four soldiers and two civilians", "Among the victims are 50 children and 94
/// women": a second figure joined by "and" to the one just before, sharing its verb.
fn second_object(toks: &[Token<'_>], span: &FigureSpan, previous: Option<&Read>) -> Option<Read> {
    let previous = previous?;
    if !listed_after(toks, previous, span) {
        return None;
    }
    let mut victims = victims_after(toks, span).filter(|v| v.head.is_some())?;
    // "put its losses at 42 soldiers and eight border guards": the owner of both.
    victims.possessive = victims.possessive.or(previous.victims.possessive);
    Some(read(
        span,
        toks,
        victims,
        previous.status,
        previous.voice,
        false,
    ))
}

/// "bringing to 24 the number of Malian troops killed": the figure before the toll.
fn inverted_toll(toks: &[Token<'_>], span: &FigureSpan) -> Option<Read> {
    let sentence = toks.get(span.first)?.sentence;
    if !toks.get(span.first.checked_sub(1)?)?.is("to") {
        return None;
    }
    let (the, noun, of) = (
        toks.get(span.end)?,
        toks.get(span.end + 1)?,
        toks.get(span.end + 2)?,
    );
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
        possessive: None,
        elliptical: at == from,
    };
    Some(read(span, toks, victims, status, Voice::Passive, false))
}

/// One person: "a policeman was killed", "killing a U.S. adviser", "British church envoy
/// Terry Waite ... was kidnapped". Counted as 1, where no figure covers the clause.
fn singles(toks: &[Token<'_>], is_name: &dyn Fn(usize) -> bool, found: &[Read]) -> Vec<Read> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let Some(t) = toks.get(k) else { continue };
        let sentence = t.sentence;
        let covered = |at: usize| {
            found.iter().chain(&out).any(|r: &Read| {
                r.sentence(toks) == sentence
                    && (r.span.contains(&at) || r.victims.who.contains(&at))
            })
        };
        // "a policeman", "an adviser", "one soldier": the article and a singular head.
        if t.is_any(&["a", "an"]) && !covered(k) {
            let Some(mut victims) = victims::single_after(toks, k + 1) else {
                continue;
            };
            let mut span = one_person(k, k + 1);
            // "a 16-year-old girl and an 18-year-old boy", "a mother and daughter": two
            // people joined by "and" are two.
            if toks.get(victims.who.end).is_some_and(|t| t.is("and")) {
                let second = victims.who.end + 1;
                let joined = if toks.get(second).is_some_and(|t| t.is_any(&["a", "an"])) {
                    victims::single_after(toks, second + 1)
                } else {
                    victims::single_after(toks, second)
                };
                if let Some(other) = joined {
                    victims.who.end = other.who.end;
                    victims.head = other.head;
                    span.figure.count = Some(2);
                }
            }
            let end = victims.who.end;
            if let Some((status, voice)) = verb_before(toks, k, end) {
                if !matches!(voice, Voice::Lost { .. }) {
                    out.push(read(&span, toks, victims, status, voice, false));
                }
                continue;
            }
            if let Some((status, _)) = predicate_after(toks, end) {
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
                continue;
            }
            // "A kidnapped Saudi Arabian diplomat has been freed": the adjective is what
            // happened to him.
            if let Some(status) = adjective_status(toks, k + 1) {
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
            }
            continue;
        }
        // "Kidnapped Japanese businessman Noboyuki Wakaoji is alive": the same, opening the
        // sentence.
        let opens = k == 0 || toks.get(k - 1).is_some_and(|p| p.sentence != sentence);
        if opens
            && !covered(k)
            && let Some(status) = adjective_status(toks, k)
            && let Some(victims) = victims::single_after(toks, k)
        {
            let span = one_person(k, k);
            out.push(read(&span, toks, victims, status, Voice::Passive, false));
            continue;
        }
        // A named person: "Terry Waite, missing since January, was kidnapped".
        if is_name(k) && (k == 0 || !is_name(k - 1)) && !covered(k) {
            let mut end = k;
            while end < toks.len() && is_name(end) {
                end += 1;
            }
            if end - k < 2
                || toks.get(end).is_some_and(|n| {
                    n.is("and") || n.is_punct(',') && toks.get(end + 2).is_some_and(|x| x.is("and"))
                })
            {
                continue;
            }
            let span = one_person(k, k);
            let victims = Victims {
                who: k..end,
                head: Some(end - 1),
                possessive: None,
                elliptical: false,
            };
            let subject_end = victims::skip_apposition(toks, end);
            if let Some((status, pred_end)) =
                predicate_after(toks, subject_end).filter(|(s, _)| *s != Status::Missing)
            {
                if status == Status::Captured
                    && toks
                        .get(pred_end.saturating_sub(1))
                        .is_some_and(|x| x.has(class::ARREST))
                {
                    continue;
                }
                // "Turkish bombardments against ... Zakho have killed eight tourists": the
                // name is where, or who did it; a victim's verb is passive.
                let words = toks.get(subject_end..pred_end).unwrap_or(&[]);
                let perfect = words.iter().any(|x| x.is_any(&["have", "has", "had"]))
                    && !words.iter().any(|x| x.is("been"));
                let object = toks.get(pred_end).is_some_and(|x| {
                    x.word && x.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                        || crate::extract::numbers::token_value(&x.norm).is_some()
                });
                if perfect || object {
                    continue;
                }
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
            }
        }
    }
    out
}

/// The figure of one person whose words start at `first`.
fn one_person(first: usize, end: usize) -> FigureSpan {
    FigureSpan {
        figure: Figure {
            count: Some(1),
            min: None,
            max: None,
        },
        first,
        end,
    }
}

/// A casualty word used as an adjective before one person: "kidnapped", "wounded", "slain";
/// not an arrest ("detained", "jailed").
fn adjective_status(toks: &[Token<'_>], k: usize) -> Option<Status> {
    let t = toks.get(k)?;
    if t.has(class::ARREST) || t.is_any(&["taken", "dead", "dying"]) {
        return None;
    }
    status_word(t).filter(|_| t.norm.ends_with("ed") || t.is_any(&["slain", "missing", "hurt"]))
}

/// "Pfc. John Smith, 21, Sgt. Maria Lopez, 30, and Cpl. Tom Brown were killed": a list of
/// two or more named people before "were" and a casualty word counts as that many.
fn named_lists(toks: &[Token<'_>], is_name: &dyn Fn(usize) -> bool, found: &[Read]) -> Vec<Read> {
    let mut out = Vec::new();
    for (k, tok) in toks.iter().enumerate() {
        // "... were killed", "... became martyrs".
        let (status, aux) = match status_word(tok) {
            Some(status) if k > 0 && toks.get(k - 1).is_some_and(|t| t.is("were")) => {
                (status, k - 1)
            }
            _ if tok.is("became")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_any(&["martyrs", "shaheeds"])) =>
            {
                (Status::Killed, k)
            }
            _ => continue,
        };
        // "Almaz Aliyeva (born in 2013) became martyrs": an aside after the last name.
        let mut list_end = aux;
        if list_end > 0
            && toks.get(list_end - 1).is_some_and(|t| t.is_punct(')'))
            && let Some(open) = (list_end.saturating_sub(8)..list_end - 1)
                .rev()
                .find(|&j| toks.get(j).is_some_and(|t| t.is_punct('(')))
        {
            list_end = open;
        }
        let Some((start, count)) = victims::names_before(toks, is_name, list_end) else {
            continue;
        };
        let sentence = tok.sentence;
        if found
            .iter()
            .any(|r| r.sentence(toks) == sentence && r.status == status)
        {
            continue;
        }
        let span = FigureSpan {
            figure: Figure {
                count: Some(count),
                min: None,
                max: None,
            },
            first: start,
            end: start,
        };
        let victims = Victims {
            who: start..list_end,
            head: None,
            possessive: None,
            elliptical: false,
        };
        out.push(read(&span, toks, victims, status, Voice::Passive, false));
    }
    out
}
