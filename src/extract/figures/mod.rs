//! Casualty figures: a number of people killed, injured, missing or captured, as the text
//! writes it. This stage reads each figure, the phrase naming the people it counts and what
//! happened to them; `roles` then decides whose people they were and who gives the figure.

mod joined;
mod named;
mod predicates;
mod victims;

use std::ops::Range;

use super::Status;
use super::lexicon::class;
use super::numbers::{Figure, FigureSpan, figure_at, starts_number, token_value};
use super::tokens::Token;

use joined::{detail_of, elided, inverted_toll, is_dash, second_object};
use named::{named_lists, singles};
pub(crate) use predicates::{date_comma, status_word};
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
            .or_else(|| inverted_toll(toks, &span))
            .or_else(|| in_brackets(toks, &span, &out));
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
    // "a woman and her two grandchildren": the two are counted in the three.
    let ones = singles(toks, is_name, &out);
    out.retain(|r| {
        !ones.iter().any(|one| {
            one.status == r.status
                && one.victims.who.start < r.span.start
                && r.victims.who.end <= one.victims.who.end
        })
    });
    out.extend(ones);
    out.sort_by_key(|r| r.span.start);
    out
}

/// "45 citizens (35 civilians and 10 military servicemen) were killed": the figures in
/// brackets after a figure's people break it down; they share its status.
fn in_brackets(toks: &[Token<'_>], span: &FigureSpan, out: &[Read]) -> Option<Read> {
    let parent = out.iter().rev().find(|p| {
        p.victims.who.end < span.first
            && toks.get(p.victims.who.end).is_some_and(|t| t.is_punct('('))
    })?;
    let open = parent.victims.who.end;
    let sentence = toks.get(open)?.sentence;
    let close = (open + 1..open + 24)
        .take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sentence))
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(')')))?;
    if span.end > close {
        return None;
    }
    let victims = victims_after(toks, span)?;
    victims.head?;
    Some(read(
        span,
        toks,
        victims,
        parent.status,
        Voice::Passive,
        true,
    ))
}

/// "rescued 104 hostages", "104 hostages were released": captives already freed are no
/// longer held, and no casualty.
fn freed(toks: &[Token<'_>], span: &FigureSpan, victims: &Victims) -> bool {
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
        .is_some_and(|t| t.has(class::FREEING));
    let after = (victims.who.end..victims.who.end + 3)
        .map_while(|k| toks.get(k))
        .take_while(|t| t.word)
        .any(|t| t.has(class::FREEING));
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
    // "Two of the injured later died in hospital", "one of the wounded – 28-year-old
    // Gunay Aliyeva died": the wounded who died are dead.
    // "One of the Armenian civilians who was wounded ... has died": the same, with the
    // wounding in a relative clause.
    let injured_at = |k: usize| {
        toks.get(k)
            .and_then(status_word)
            .is_some_and(|s| s == Status::Injured)
    };
    let wounded_clause = (span.end + 2..span.end + 10).any(|k| {
        toks.get(k).is_some_and(|t| t.is_any(&["who", "that"])) && (k + 1..k + 4).any(injured_at)
    });
    let of_wounded =
        victims::partitive(toks, span.end) && (injured_at(span.end + 2) || wounded_clause);
    let sentence = toks.get(span.first).map(|t| t.sentence);
    if of_wounded
        && (span.end + 3..span.end + 24)
            .map_while(|k| toks.get(k).filter(|t| Some(t.sentence) == sentence))
            .any(|t| t.is_any(&["died", "succumbed", "dies"]))
    {
        return Some(read(
            span,
            toks,
            victims,
            Status::Killed,
            Voice::Passive,
            false,
        ));
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
            // "The toll also includes 423 government forces members": a toll is of the dead.
            if t.is_any(&["victims", "dead", "fatalities", "toll"]) {
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
    // "a woman around 60 was seriously injured": an age after one person.
    let one_person_before = span
        .first
        .checked_sub(2)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| {
            t.has(class::PEOPLE) && !t.norm.ends_with('s') && !t.norm.ends_with("men")
        })
        && before.is_some_and(|t| t.is_any(&["around", "about", "approximately", "roughly"]));
    if one_person_before && span.figure.count.is_some_and(|n| n < 120) {
        return false;
    }
    // "at 10:30", "a 3:1 vote": a colon with a number right after it. "The toll was 71:
    // 66 soldiers, ..." opens a breakdown.
    let clock = after.is_some_and(|t| {
        t.is_punct(':')
            && toks
                .get(span.end + 1)
                .is_none_or(|n| n.start == t.end || !n.word)
    });
    if clock
        || after.is_some_and(|t| {
            t.is_punct('%')
                || t.is_any(&[
                    "percent", "pct", "per", "a.m", "p.m", "am", "pm", "gmt", "utc", "hours",
                    "hrs", "mln", "billion", "dlrs", "dollars", "stg", "years", "year", "days",
                    "km", "miles", "kms",
                ])
        })
    {
        return false;
    }
    // "aged below 18", "aged between five and 14", "under the age of 10": an age.
    let back = |n: usize| span.first.checked_sub(n).and_then(|k| toks.get(k));
    let age_word = |t: &Token<'_>| t.is_any(&["aged", "age", "ages"]);
    let bounded_age = before
        .is_some_and(|t| t.is_any(&["below", "under", "over", "above", "between", "from"]))
        && back(2).is_some_and(age_word)
        || before.is_some_and(|t| t.is("of")) && back(2).is_some_and(age_word)
        || before.is_some_and(|t| t.is_any(&["and", "to"]))
            && back(3).is_some_and(|t| t.is_any(&["between", "from"]))
            && back(4).is_some_and(age_word)
        // "two girls aged 11 and 12".
        || before.is_some_and(|t| t.is_any(&["and", "to"]))
            && back(2).is_some_and(|t| t.norm.chars().all(|c| c.is_ascii_digit()))
            && back(3).is_some_and(age_word);
    if bounded_age {
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
                // "resulted in at least 558 fatalities": a bound is no year.
                && (span.figure.count.is_none()
                    || span
                        .figure
                        .count
                        .is_some_and(|c| !(1900..=2100).contains(&c))))
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
        // "at their disputed border": a denial's participle as an adjective denies nothing.
        let adjective = t.has(class::DENIAL)
            && k.checked_sub(2).and_then(|p| toks.get(p)).is_some_and(|d| {
                d.is_any(&[
                    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
                ])
            });
        if (step < 2 && t.has(class::NEGATION)) || t.has(class::DENIAL | class::DOUBT) && !adjective
        {
            return true;
        }
        k -= 1;
    }
    false
}
