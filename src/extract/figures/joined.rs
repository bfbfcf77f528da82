//! Figures that lean on the figure before them: a detail ("including five children"), the
//! next of a list ("two women and two men"), the same people told apart by place, a
//! second object of one verb, and a toll named after its figure.

use super::*;

/// "killing 25 people, including five children", "35 killed, 24 of them women", "Among
/// the wounded were three children": a detail shares the status of the figure before it.
pub(super) fn detail_of(
    toks: &[Token<'_>],
    span: &FigureSpan,
    previous: Option<&Read>,
) -> Option<Read> {
    let sentence = toks.get(span.first)?.sentence;
    // "Among the victims — 121 male and 47 female — were 25 children": a sentence that
    // opens among the people of a toll breaks them down.
    let among = sentence_opening(toks, span.first)
        .filter(|&k| toks.get(k).is_some_and(|t| t.is("among")))
        .and_then(|k| {
            let noun = (k + 1..k + 3).find_map(|j| toks.get(j).filter(|t| !t.is("the")))?;
            match status_word(noun) {
                Some(status) => Some(status),
                // "Among the victims": of a toll of the dead.
                None if noun.is_any(&["victims", "casualties"]) => Some(Status::Killed),
                None => None,
            }
        });
    // Each item of the breakdown, not the breakdown of an item ("three children: two
    // girls and a boy").
    let item = previous.is_none_or(|p| p.sentence(toks) != sentence)
        || span
            .first
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| {
                t.is_punct(',') || is_dash(t) || t.is_any(&["and", "were", "are", "was", "is"])
            });
    if let Some(status) = among.filter(|_| item) {
        return Some(breakdown_item(toks, span, status));
    }
    let previous = previous?;
    // "has reached 168—six children aged under five, 19 aged between five and 14, ...":
    // a toll broken down after a dash or a colon, item by item.
    // "killed all 22 people on board - 13 Azerbaijani government officials, ...": the
    // toll's people, and a few words about them, may come before the dash.
    let toll_end = previous.victims.who.end.max(previous.span.end);
    let opens_list = span
        .first
        .checked_sub(1)
        .is_some_and(|k| opens_breakdown(toks, k))
        && previous.sentence(toks) == sentence
        && (previous.span.end + 1 == span.first
            // Of people in general: "three children: two girls ... and a boy" counts no
            // one new.
            || previous.victims.head.and_then(|h| toks.get(h)).is_none_or(|h| {
                h.is_any(&["people", "persons", "victims", "casualties", "dead", "passengers"])
            }) && toll_end < span.first
                && span.first - toll_end <= 3
                && (toll_end..span.first - 1).all(|j| {
                    toks.get(j).is_some_and(|t| {
                        t.word && !t.has(class::AUXILIARY | class::SPEECH_VERB)
                    })
                }))
        // "three children: two girls aged 11 and 12 and a boy": a detail's own breakdown
        // counts no one new.
        && !previous.detail;
    let gap = previous.victims.who.end.max(previous.span.end)..span.first;
    let goes_on = previous.detail
        && previous.sentence(toks) == sentence
        && !gap.is_empty()
        && gap.len() <= 12
        && toks
            .get(span.first - 1)
            .is_some_and(|t| t.is_punct(',') || t.is("and"))
        && gap.clone().all(|j| {
            toks.get(j).is_some_and(|t| {
                !t.has(class::AUXILIARY | class::SPEECH_VERB)
                    && status_word(t).is_none()
                    && !is_dash(t)
            })
        });
    if opens_list || goes_on && list_open(toks, previous, sentence) {
        return Some(breakdown_item(toks, span, previous.status));
    }
    // "... has reached at least 492. This includes 35 children and 58 women": a sentence
    // that opens by pointing back at the toll before it.
    let before = |back: usize| span.first.checked_sub(back).and_then(|k| toks.get(k));
    let points_back = previous.sentence(toks) + 1 == sentence
        && before(1).is_some_and(|t| t.is_any(&["includes", "included", "include"]))
        && before(2).is_some_and(|t| t.is_any(&["this", "that", "it", "these"]))
        && before(3).is_none_or(|t| t.sentence != sentence);
    if previous.sentence(toks) != sentence && !points_back {
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
    // "Of 558 people who have died from IDF strikes, 50 are children": a part of the
    // whole the sentence opened with.
    let of_whole = previous.sentence(toks) == sentence
        && previous
            .span
            .start
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is("of") && t.capitalized())
        && toks
            .get(span.end)
            .is_some_and(|t| t.is_any(&["are", "were"]))
        && toks.get(span.end + 1).is_some_and(victims::is_people);
    if of_whole {
        let people = Victims {
            who: span.end + 1..span.end + 2,
            head: Some(span.end + 1),
            possessive: None,
            elliptical: false,
        };
        return Some(read(
            span,
            toks,
            people,
            previous.status,
            Voice::Passive,
            true,
        ));
    }
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

/// An item of a toll's breakdown: its own people, or else the toll's, with the toll's
/// status.
fn breakdown_item(toks: &[Token<'_>], span: &FigureSpan, status: Status) -> Read {
    let victims = victims_after(toks, span).unwrap_or(Victims::of_earlier(span.end, None));
    read(span, toks, victims, status, Voice::Passive, true)
}

/// An em or en dash, as newsrooms set off a breakdown.
pub(super) fn is_dash(t: &Token<'_>) -> bool {
    t.is_punct('—') || t.is_punct('–')
}

/// The first word of the sentence `at` is in.
fn sentence_opening(toks: &[Token<'_>], at: usize) -> Option<usize> {
    let sentence = toks.get(at)?.sentence;
    (0..=at)
        .rev()
        .take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sentence))
        .last()
        .and_then(|k| (k..=at).find(|&j| toks.get(j).is_some_and(|t| t.word)))
}

/// Whether the detail `previous` sits in a list a dash or a colon opened after a toll in
/// this sentence.
fn list_open(toks: &[Token<'_>], previous: &Read, sentence: usize) -> bool {
    (0..previous.span.start)
        .rev()
        .take(40)
        .any(|k| toks.get(k).is_some_and(|t| t.sentence == sentence) && opens_breakdown(toks, k))
}

/// A dash or a colon that opens a breakdown; a hyphen with spaces around it is a dash.
fn opens_breakdown(toks: &[Token<'_>], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    let spaced = t.is_punct('-')
        && k.checked_sub(1)
            .and_then(|j| toks.get(j))
            .is_some_and(|p| p.end < t.start)
        && toks.get(k + 1).is_some_and(|n| n.start > t.end);
    is_dash(t) || t.is_punct(':') || spaced
}

/// Whether the figure at `span` comes next in a list after `previous`'s people: "two
/// women and two men", "54 men, 27 women and 12 children", "two young girls aged three,
/// as well as seven women".
fn listed_after(toks: &[Token<'_>], previous: &Read, span: &FigureSpan) -> bool {
    let mut k = previous.victims.who.end.max(previous.span.end);
    // Nothing to list after, unless "85 from the Syrian National Army": no noun, but a
    // phrase.
    if previous.victims.head.is_none() && previous.victims.who.is_empty() {
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
pub(super) fn elided(
    toks: &[Token<'_>],
    span: &FigureSpan,
    previous: Option<&Read>,
) -> Option<Read> {
    let sentence = toks.get(span.first)?.sentence;
    // "36 militants were killed in Iraq, and nine others in Syria".
    let others = usize::from(
        toks.get(span.end)
            .is_some_and(|t| t.is_any(&["others", "more"])),
    );
    let at = span.end + others;
    let in_place = toks.get(at).is_some_and(|t| t.is_any(&["in", "from"]))
        && toks
            .get(at + 1)
            .is_some_and(|t| t.word && t.capitalized() && t.sentence == sentence);
    if !in_place {
        return None;
    }
    let previous = previous.filter(|p| p.sentence(toks) == sentence);
    // "83 rebels were killed in Nassir and 52 in Ayod": fighters are the same people in
    // the second place, whose ground says nothing of whose they are.
    let fighters_before = previous
        .and_then(|p| p.victims.head)
        .and_then(|h| toks.get(h))
        .is_some_and(|h| h.has(class::COMBATANT | class::HOSTILE | class::REBELS));
    let status = match previous {
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
        who: span.end..at,
        head: None,
        possessive: None,
        elliptical: others == 1 || fighters_before,
    };
    Some(read(span, toks, victims, status, Voice::Passive, false))
}

/// "killing four soldiers and two civilians", "Among the victims are 50 children and 94
/// women": a second figure joined by "and" to the one just before, sharing its verb.
pub(super) fn second_object(
    toks: &[Token<'_>],
    span: &FigureSpan,
    previous: Option<&Read>,
) -> Option<Read> {
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
pub(super) fn inverted_toll(toks: &[Token<'_>], span: &FigureSpan) -> Option<Read> {
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
