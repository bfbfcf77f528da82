//! The phrase naming the people a figure counts: "three Armenian police officers from
//! Karabakh", "220 men", "384 Libyans", "two of them", or nothing at all ("three were
//! killed").

use std::ops::Range;

use super::super::Status;
use super::super::lexicon::class;
use super::super::numbers::FigureSpan;
use super::super::tokens::Token;
use super::predicates::status_word;
use super::status_noun;

/// What a figure's phrase reads as.
#[derive(Debug, Clone)]
pub(crate) struct Victims {
    /// Token range of the phrase as written (after the figure), empty for "one was ...".
    pub who: Range<usize>,
    /// The last word of the phrase before any "from"/"of" complement.
    pub head: Option<usize>,
    /// The token of "our", "its", "their" or "X's" that owns the people.
    pub possessive: Option<usize>,
    /// "of them", or no phrase at all: the people of an earlier figure.
    pub elliptical: bool,
}

impl Victims {
    /// No phrase of their own at `at` ("of them", "19 aged between five and 14"): the
    /// people of an earlier figure.
    pub(crate) fn of_earlier(at: usize, possessive: Option<usize>) -> Self {
        Self {
            who: at..at,
            head: None,
            possessive,
            elliptical: true,
        }
    }
}

/// A head noun naming people: the lexicon, a demonym plural ("Palestinians"), or a plural
/// of a people-making suffix ("paramedics", "policemen").
pub(crate) fn is_people(t: &Token<'_>) -> bool {
    if t.has(class::NOT_PEOPLE) || !t.word {
        return false;
    }
    if t.has(class::PEOPLE) || status_noun(t).is_some() {
        return true;
    }
    let n = t.norm.as_str();
    let suffix = [
        "men", "ians", "ists", "ics", "ees", "ans", "ards", "ers", "is", "ese",
    ]
    .iter()
    .any(|s| n.ends_with(s) && n.len() > s.len() + 2);
    let capital_plural = t.capitalized() && n.ends_with('s') && n.len() > 4;
    (suffix && t.capitalized()) || capital_plural || suffix && n.ends_with("men")
}

/// "29 people, among them 13 children", "of whom 12 were children".
pub(crate) fn among_them(toks: &[Token<'_>], first: usize) -> bool {
    let at = |back: usize| first.checked_sub(back).and_then(|k| toks.get(k));
    at(1).is_some_and(|t| t.is_any(&["them", "whom"]))
        && at(2).is_some_and(|t| t.is_any(&["among", "of", "including"]))
}

/// "two of the injured", "one of the wounded": a part of people counted before.
pub(crate) fn partitive(toks: &[Token<'_>], end: usize) -> bool {
    toks.get(end).is_some_and(|t| t.is("of"))
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is_any(&["the", "those"]))
}

/// "one of Iraq's strongest fortifications": a figure taken "of" something that is no
/// people counts nobody.
pub(crate) fn of_people(toks: &[Token<'_>], end: usize) -> bool {
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

/// The phrase after a figure. None when its head is not people.
pub(crate) fn victims_after(toks: &[Token<'_>], span: &FigureSpan) -> Option<Victims> {
    let sentence = toks.get(span.first)?.sentence;
    let in_sentence = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    let mut possessive = span
        .first
        .checked_sub(1)
        .filter(|&k| {
            toks.get(k)
                .is_some_and(|t| t.is_any(&["our", "its", "their"]) || t.possessive())
        })
        .or_else(|| {
            // "Iraq's 300 soldiers" behind "the": "the Iraqi side's 300 dead".
            span.first
                .checked_sub(1)
                .filter(|&k| toks.get(k).is_some_and(Token::possessive))
        });
    let mut j = span.end;
    // "21 more of their troops", "two out of the 38 POWs"
    if in_sentence(j).is_some_and(|t| t.is_any(&["more", "other", "out"]))
        && in_sentence(j + 1).is_some_and(|t| t.is("of"))
    {
        j += 1;
    }
    if in_sentence(j).is_some_and(|t| t.is("of")) {
        if in_sentence(j + 1).is_some_and(|t| t.is_any(&["them", "whom", "those", "these"])) {
            return Some(Victims::of_earlier(j + 2, possessive));
        }
        let owner = |t: &Token<'_>| {
            t.is_any(&["our", "its", "their", "it"]) || t.possessive() && t.capitalized()
        };

        if in_sentence(j + 1).is_some_and(|t| owner(t) || t.is("the")) {
            if in_sentence(j + 1).is_some_and(owner) {
                possessive = Some(j + 1);
            }
            j += 2;
            // "five of the group's fighters": an institution's own people.
            if in_sentence(j)
                .is_some_and(|t| t.possessive() && !t.capitalized() && t.has(class::INSTITUTION))
            {
                possessive = Some(j);
                j += 1;
            }
        }
    }
    // "21 “terrorists”", two "senior Hamas terrorists": the people named in quotation
    // marks.
    // An opening mark, with a space before it: not the one closing "around thirty".
    let opening = j > 0
        && in_sentence(j)
            .zip(toks.get(j - 1))
            .is_some_and(|(q, p)| q.start > p.end);
    if in_sentence(j).is_some_and(|t| super::super::tokens::is_quote_mark(t.text))
        && opening
        && (j + 1..j + 5)
            .map_while(|k| in_sentence(k).filter(|t| t.word))
            .any(is_people)
    {
        j += 1;
    }
    let mut start = j;
    // Words of the phrase, not counting a short form in brackets.
    let mut bracketed = 0;
    while j - start - bracketed < 7 {
        let Some(t) = in_sentence(j) else { break };
        // "killing four [Armenian] soldiers": a word an editor put in square brackets.
        if t.is_punct('[')
            && in_sentence(j + 1).is_some_and(|a| a.word && a.capitalized())
            && in_sentence(j + 2).is_some_and(|c| c.is_punct(']'))
        {
            j += 3;
            bracketed += 2;
            continue;
        }
        // "Two Somali National Army (SNA) soldiers": a short form in brackets; "four
        // Artsakh (Karabakh) army servicemen": another name for the name before.
        if t.is_punct('(')
            && j > start
            && in_sentence(j + 1).is_some_and(|a| {
                a.word
                    && a.capitalized()
                    && (a.text.chars().filter(char::is_ascii_uppercase).count() >= 2
                        || toks.get(j - 1).is_some_and(|p| p.word && p.capitalized()))
            })
            && in_sentence(j + 2).is_some_and(|c| c.is_punct(')'))
        {
            j += 3;
            bracketed += 3;
            continue;
        }
        // "30 Azerbaijani and Armenian soldiers": two peoples' words before one noun.
        if t.is("and")
            && j > start
            && toks
                .get(j - 1)
                .is_some_and(|p| p.word && p.capitalized() && !is_people(p))
            && in_sentence(j + 1).is_some_and(|n| n.word && n.capitalized() && !is_people(n))
        {
            j += 1;
            continue;
        }
        // "one Kazakh Ministry of Internal Affairs official": "of" inside a name.
        if t.is("of")
            && j > start
            && toks.get(j - 1).is_some_and(|p| p.word && p.capitalized())
            && in_sentence(j + 1).is_some_and(|n| n.word && n.capitalized())
        {
            j += 1;
            continue;
        }
        // "6,300 reported fatalities": a word of record, not a verb.
        let recorded = t.is_any(&[
            "reported",
            "confirmed",
            "recorded",
            "documented",
            "verified",
            "known",
        ]) && in_sentence(j + 1).is_some_and(is_people);
        if recorded {
            // "21 confirmed dead": the people start after the word of record.
            if j == start {
                start += 1;
            }
            j += 1;
            continue;
        }
        if !(t.word || t.is_punct('-') && j > start)
            || t.has(class::NP_STOP)
            || status_word(t).is_some()
                && !(j == start && is_people(t) && in_sentence(j + 1).is_some_and(is_people))
            || t.has(class::SPEECH_VERB)
            || t.has(class::AUXILIARY) && !t.has(class::PEOPLE)
            // "put the death toll at 40 earlier Tuesday": a time ends the phrase.
            || t.has(class::TIME) && !is_people(t)
            || t.is_month()
        {
            break;
        }
        if t.is_any(&["our", "its", "their", "own"]) {
            possessive = possessive.or(Some(j));
        }
        j += 1;
        // "27 others overnight": the phrase ends at a people noun not followed by another.
        let more = in_sentence(j).is_some_and(|n| {
            n.word
                && (is_people(n) || n.capitalized() && !n.has(class::TIME) && !n.is_month())
                && !n.has(class::NP_STOP)
        });
        if is_people(t) && !more {
            break;
        }
    }
    if j == start {
        // "evacuated 42 wounded by helicopter": after a verb that moves or treats people,
        // the status noun is the people; elsewhere ("killed and 121 wounded") it is what
        // happened to those counted before.
        let moved = span
            .first
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.has(class::OBJECT_VERB));
        if moved
            && in_sentence(start).is_some_and(|t| t.is_any(&["wounded", "injured", "dead"]))
            && in_sentence(start + 1).is_none_or(|n| !is_people(n))
        {
            return Some(Victims {
                who: start..start + 1,
                head: Some(start),
                possessive,
                elliptical: false,
            });
        }
        // "101 deaths, including 85 from the Turkish-backed Syrian factions": the people
        // of the figure before, from the group the complement names.
        let from = in_sentence(start).is_some_and(|t| t.is("from"))
            && in_sentence(start + 1).is_some_and(|t| t.is("the") || t.capitalized());
        if from {
            return Some(Victims {
                who: start..complement(toks, start, sentence),
                ..Victims::of_earlier(start, possessive)
            });
        }
        return Some(Victims::of_earlier(start, possessive));
    }
    let head = j - 1;
    let head_tok = toks.get(head)?;
    // "four armoured personnel carriers": a people word that names a thing.
    if in_sentence(j).is_some_and(|n| n.word && n.has(class::NOT_PEOPLE)) {
        return None;
    }
    // "with eight more injured": more of the people already counted.
    let more = head_tok.is_any(&["others", "more", "additional", "other", "further"]);
    if !is_people(head_tok) && !more {
        // "one Armenian and one Azeri civilian": the people noun of the figure joined after
        // is this figure's too.
        // "four female and two male employees": the same in lower case.
        let shared = head_tok.word
            && in_sentence(j).is_some_and(|t| t.is("and"))
            && super::super::numbers::starts_number(toks, j + 1);
        // "two Russian and one Kazakh Ministry of Internal Affairs officials": a name may
        // stand between, "of" and all.
        let in_name = |k: usize| {
            in_sentence(k).is_some_and(|t| t.is("of"))
                && in_sentence(k + 1).is_some_and(|n| n.word && n.capitalized())
        };
        let head = (j + 2..j + 9)
            .take_while(|&k| {
                in_sentence(k).is_some_and(|t| t.word && !t.has(class::NP_STOP)) || in_name(k)
            })
            .find(|&k| in_sentence(k).is_some_and(is_people))
            .filter(|_| shared)
            // "35 tanks and 31 armored personnel carriers": a people word naming a thing.
            .filter(|&k| !in_sentence(k + 1).is_some_and(|n| n.word && n.has(class::NOT_PEOPLE)))?;
        return Some(Victims {
            who: start..j,
            head: Some(head),
            possessive,
            elliptical: false,
        });
    }
    let elliptical = more;
    // "50 deaths among its troops": whose people a status noun counts.
    if head_tok.has(class::NOUN_KILLED | class::NOUN_INJURED | class::NOUN_EITHER)
        && in_sentence(j).is_some_and(|t| t.is("among"))
        && in_sentence(j + 1).is_some_and(|t| t.is_any(&["its", "their", "our"]) || t.possessive())
    {
        possessive = possessive.or(Some(j + 1));
    }
    // "four hostages from Gaza": where captives were held or freed from, not whose they are.
    let held = status_noun(head_tok) == Some(Status::Captured)
        && in_sentence(j).is_some_and(|t| t.is("from"));
    let end = if held {
        j
    } else {
        complement(toks, j, sentence)
    };
    Some(Victims {
        who: start..end,
        head: Some(head),
        possessive,
        elliptical,
    })
}

/// Extends a phrase over "from Karabakh", "of the Armenian armed group", "aboard the
/// ship", "at the embassy".
fn complement(toks: &[Token<'_>], j: usize, sentence: usize) -> usize {
    let starts = toks.get(j).is_some_and(|t| {
        t.sentence == sentence && t.is_any(&["from", "of", "aboard", "with", "serving"])
    });
    if !starts {
        return j;
    }
    let mut k = j + 1;
    while k - j <= 9 {
        let Some(t) = toks
            .get(k)
            .filter(|t| t.sentence == sentence && (t.word || t.is_punct('.')))
        else {
            break;
        };
        // "of the de-facto Artsakh Republic", "from the defense force of the
        // self-proclaimed republic": names and the plain words around them, up to a
        // verb, a time or a word that ends the phrase.
        let compound = t.norm.contains('-');
        let verbal = !compound && (t.norm.ends_with("ed") || t.norm.ends_with("ing"));
        let fits = t.capitalized()
            || t.is_any(&["the", "a", "an", "of", "armed", "based"])
            || t.word
                && !verbal
                && !t.has(class::NP_STOP | class::SPEECH_VERB | class::AUXILIARY | class::TIME)
                && !t.is_month();
        // "79 residents of Barda fell victim to the strike": the predicate ends it.
        if !fits
            || status_word(t).is_some()
            || super::predicates::idiom_at(toks, k, sentence).is_some()
        {
            break;
        }
        k += 1;
    }
    let named = toks
        .get(j + 1..k)
        .is_some_and(|w| w.iter().any(|t| t.capitalized()));
    if named { k } else { j }
}

/// The singular phrase after "a"/"an": "a policeman", "a U.S. military adviser", "a
/// Japanese businessman". None unless its head is a single person.
pub(crate) fn single_after(toks: &[Token<'_>], start: usize) -> Option<Victims> {
    let sentence = toks.get(start)?.sentence;
    let mut j = start;
    while j - start < 5 {
        let t = toks.get(j).filter(|t| t.sentence == sentence && t.word)?;
        if t.has(class::NP_STOP)
            || status_word(t).is_some() && j > start
            || t.has(class::SPEECH_VERB | class::AUXILIARY)
        {
            return None;
        }
        j += 1;
        let singular = t.has(class::PEOPLE)
            && !t.norm.ends_with('s')
            && !t.is_any(&[
                "people",
                "police",
                "staff",
                "crew",
                "militia",
                "personnel",
                "family",
                "aid",
                "dead",
                "wounded",
                "elderly",
            ]);
        // "Another Palestinian was killed": a people's word alone, right before the verb.
        let demonym = j == start + 1
            && t.capitalized()
            && ["an", "i", "ese", "ish"]
                .iter()
                .any(|e| t.norm.ends_with(e))
            && toks
                .get(j)
                .is_some_and(|n| n.has(class::AUXILIARY) || status_word(n).is_some());
        if (singular || demonym)
            && !toks
                .get(j)
                .is_some_and(|n| n.word && n.has(class::PEOPLE) && !n.has(class::NP_STOP))
        {
            let end = complement(toks, j, sentence);
            return Some(Victims {
                who: start..end,
                head: Some(j - 1),
                possessive: None,
                elliptical: false,
            });
        }
    }
    None
}

/// Past an apposition after a name: "Terry Waite, missing in Beirut since January 20,".
pub(crate) fn skip_apposition(toks: &[Token<'_>], end: usize) -> usize {
    if !toks.get(end).is_some_and(|t| t.is_punct(',')) {
        return end;
    }
    let sentence = toks.get(end).map_or(0, |t| t.sentence);
    (end + 1..end + 14)
        .take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sentence))
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))
        .map_or(end, |k| k + 1)
}

/// Walks back from `end` over "Name Surname, 21, and Name Surname": the first token of
/// the list and how many names it holds (two at least).
pub(crate) fn names_before(
    toks: &[Token<'_>],
    is_name: &dyn Fn(usize) -> bool,
    end: usize,
) -> Option<(usize, u64)> {
    let sentence = toks.get(end)?.sentence;
    let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    let (mut j, mut count, mut start) = (end, 0u64, end);
    while count < 50 {
        let mut e = j;
        if e > 0 && at(e - 1).is_some_and(|t| t.is_punct(',')) {
            e -= 1;
        }
        // "Fakhraddin Huseynov (military police), Tural Firdovsi (local resident),": an
        // aside in brackets after each name.
        if e > 0
            && at(e - 1).is_some_and(|t| t.is_punct(')'))
            && let Some(open) = (e.saturating_sub(8)..e - 1)
                .rev()
                .find(|&k| at(k).is_some_and(|t| t.is_punct('(')))
        {
            e = open;
        }

        let age = e > 1
            && at(e - 1).is_some_and(|t| t.norm.chars().all(|c| c.is_ascii_digit()))
            && at(e - 2).is_some_and(|t| t.is_punct(','));
        if age {
            e -= 2;
        }
        let name_from = |e: usize| {
            let mut b = e;
            while b > 0 && e - b < 8 && at(b - 1).is_some_and(|t| t.capitalized()) && is_name(b - 1)
            {
                b -= 1;
            }
            b
        };
        let mut b = name_from(e);
        // "Oleksiy Koshchiy, a police officer in the patrol police response sector,":
        // an apposition after a name says who the person is.
        if e - b < 2
            && let Some(comma) = apposition_before(toks, is_name, e)
        {
            e = comma;
            b = name_from(e);
        }
        if e - b < 2 {
            break;
        }
        count += 1;
        // "Lieutenant Armen Babayan", "Maj. David Danielyan", "and corporal Elshad
        // Mammadov", "and soldier Elchin Mustafazade": a rank before the name.
        while b > 0
            && at(b - 1).is_some_and(|t| {
                t.word && t.has(class::PERSON_TITLE | class::RANK)
                    || t.is_any(&["soldier", "serviceman", "conscript", "policeman"])
                    || t.is_punct('.')
            })
            && b > 1
        {
            b -= 1;
        }
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

/// Where an apposition that ends before `end` begins: the comma right after a name, when
/// the words between open with an article or a lower-case word ("Artem Kostyrya, head of
/// the district department,"); a list goes on with a name or a rank ("..., Lt. Ararat
/// Gasparyan"). None when no name comes before.
fn apposition_before(
    toks: &[Token<'_>],
    is_name: &dyn Fn(usize) -> bool,
    end: usize,
) -> Option<usize> {
    let sentence = toks.get(end)?.sentence;
    let comma = (end.saturating_sub(24)..end)
        .rev()
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is("and"))
        })
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))?;
    let opens = toks
        .get(comma + 1)
        .is_some_and(|t| t.word && (t.is_any(&["a", "an", "the"]) || !t.capitalized()));
    (comma > 0 && comma + 1 < end && opens && is_name(comma - 1)).then_some(comma)
}

/// The people a toll names before its figure: "the number of soldiers of the
/// self-proclaimed Nagorno-Karabakh Republic killed ... has surpassed 100", "the number
/// of civilians killed rose to 40".
pub(crate) fn toll_people(toks: &[Token<'_>], first: usize) -> Option<Victims> {
    let sentence = toks.get(first)?.sentence;
    let of = (1..=24)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(';'))
        })
        .find(|&k| {
            toks.get(k).is_some_and(|t| t.is_any(&["of", "among"]))
                && k.checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|t| t.is_any(&["number", "toll", "figure", "tally"]))
        })?;
    let start = of + 1;
    // "the death toll among Palestinians was 2,189": the people the toll is of.
    if toks.get(of).is_some_and(|t| t.is("among")) {
        let head = (start..first)
            .take_while(|&k| {
                toks.get(k)
                    .is_some_and(|t| t.word && !t.has(class::NP_STOP))
            })
            .filter(|&k| toks.get(k).is_some_and(is_people))
            .last()?;
        return Some(Victims {
            who: start..head + 1,
            head: Some(head),
            possessive: None,
            elliptical: false,
        });
    }
    let status = (start..first).find(|&k| toks.get(k).and_then(status_word).is_some())?;
    let head = (start..status).find(|&k| toks.get(k).is_some_and(is_people))?;
    // "revised up their number of fighters killed": whose toll it is.
    let possessive = of.checked_sub(2).filter(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["its", "their", "our"]))
    });
    Some(Victims {
        who: start..status,
        head: Some(head),
        possessive,
        elliptical: false,
    })
}
