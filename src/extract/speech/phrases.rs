//! The phrases around an act of saying: its subject before it, its speaker after it, and
//! the words it reports.

use std::ops::Range;

use super::super::context::Context;
use super::super::entities::{Referent, Scope, trim_np};
use super::super::lexicon::class;
use super::super::tokens::{Token, is_quote_mark};

/// The phrase naming a speaker that ends just before the verb at `verb`: skips adverbs,
/// times ("on Monday"), venues ("in a statement") and parentheticals (", received in
/// London,"). None when the verb has no subject of its own (a passive, a coordination).
pub(crate) fn subject_before(
    toks: &[Token<'_>],
    verb: usize,
    sentence_start: usize,
) -> Option<Range<usize>> {
    let mut end = verb;
    // Adverbs, times and venues between the subject and its verb.
    loop {
        let t = end
            .checked_sub(1)
            .filter(|&k| k >= sentence_start)
            .and_then(|k| toks.get(k))?;
        if t.word
            && (t.has(class::SPEAKER_ADVERB | class::TIME)
                || t.is_month()
                || t.norm.chars().all(|c| c.is_ascii_digit()))
            && !t.has(class::PRONOUN)
        {
            end -= 1;
            continue;
        }
        if t.word && t.is_any(&["on", "late", "early"]) && end < verb {
            end -= 1;
            continue;
        }
        // "UN peacekeepers (UNIFIL) said": an acronym in brackets names the same speaker.
        if t.is_punct(')')
            && let Some(open) = (end.saturating_sub(5)..end - 1)
                .rev()
                .find(|&k| toks.get(k).is_some_and(|x| x.is_punct('(')))
            && open > sentence_start
        {
            end = open;
            continue;
        }
        if t.is_punct(',') {
            match parenthetical(toks, end - 1, sentence_start) {
                Some(Paren::Skip(open)) => {
                    end = open;
                    continue;
                }
                Some(Paren::Apposition(open)) => {
                    // "The official, Kamal Kharrazi, said": the name and what it stands for.
                    let head_end = name_end(toks, open);
                    let start = np_start(toks, head_end, sentence_start)?;
                    return Some(start..end - 1);
                }
                None => return None,
            }
        }
        break;
    }
    if toks
        .get(end - 1)
        .is_some_and(|t| t.quoted || is_quote_mark(t.text))
    {
        return None;
    }
    // "it added", "he said": a pronoun is the whole subject.
    if toks.get(end - 1).is_some_and(|t| {
        t.has(class::PRONOUN) && !t.is_any(&["which", "who"])
            || t.is_any(&["which", "who"])
                && end >= 2
                && toks.get(end - 2).is_some_and(|c| c.is_punct(','))
    }) {
        return Some(end - 1..end);
    }
    let start = np_start(toks, end, sentence_start)?;
    // "The UN report seen by Reuters on Friday said": the document speaks, not the outlet
    // that saw it.
    if start >= 2
        && seen_by(toks, start - 2)
        && let Some(document) = np_start(toks, start - 2, sentence_start)
        && let Some(np) = trim_np(toks, document..start - 2)
    {
        return Some(np);
    }
    trim_np(toks, start..end)
}

/// A word a noun phrase can hold when written in lower case: a determiner, an office, an
/// institution, a kind of source or person; not a verb ("destroyed", "agreed").
pub(crate) fn np_word(t: &Token<'_>) -> bool {
    if t.has(
        class::INSTITUTION
            | class::PERSON_TITLE
            | class::MEDIA
            | class::NONPARTY
            | class::STATE_SOURCES
            | class::NONPARTY_SOURCES
            | class::PEOPLE
            | class::VENUE
            | class::REBELS,
    ) {
        return true;
    }
    if t.is_any(&[
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "some",
        "several", "two", "three", "other", "another", "one", "both", "all", "of", "for", "to",
        "in", "at", "and", "from",
    ]) {
        return true;
    }
    // "armed wing", "masked gunmen", "united front": adjectives that look like verbs.
    if t.is_any(&[
        "armed",
        "united",
        "allied",
        "masked",
        "unidentified",
        "unnamed",
        "suspected",
        "elected",
        "appointed",
        "combined",
        "organised",
        "organized",
        "detained",
        "exiled",
        "retired",
        "wounded",
    ]) {
        return true;
    }
    let n = t.norm.as_str();
    // "state-owned television", "Iranian-backed militia": a compound adjective.
    let compound = n.contains('-') && n.starts_with(|c: char| c.is_alphabetic());
    let verb_like = !compound && n.ends_with("ed")
        || n.ends_with("ing") && !n.ends_with("ring")
        || t.has(
            class::AUXILIARY
                | class::CLAUSE_OPENER
                | class::SPEECH_VERB
                | class::PARTICIPLE
                | class::OBJECT_VERB
                | class::ATTACK_VERB,
        );
    !verb_like
}

/// A hyphen or dot that joins two parts of one word-group ("U.S.-based"), not a dash
/// between phrases ("MANILA - Communist rebels").
pub(crate) fn joiner(toks: &[Token<'_>], k: usize) -> bool {
    let (Some(prev), Some(t), Some(next)) = (
        k.checked_sub(1).and_then(|p| toks.get(p)),
        toks.get(k),
        toks.get(k + 1),
    ) else {
        return false;
    };
    prev.word && next.word && prev.end == t.start && t.end == next.start
}

/// Where the phrase that ends at `end` begins, walking back over words a noun phrase holds.
pub(crate) fn np_start(toks: &[Token<'_>], end: usize, sentence_start: usize) -> Option<usize> {
    let mut start = topic_tail(toks, end, sentence_start).unwrap_or(end);
    while start > sentence_start && end - start < 14 {
        let t = &toks[start - 1];
        // "World Health Organization (WHO) chief Tedros", "the Ministry of Defence (MoD)
        // of Nagorno-Karabakh": a short form in brackets after a name stays inside the
        // phrase.
        if t.is_punct(')')
            && start >= 4
            && start - 4 >= sentence_start
            && toks.get(start - 2).is_some_and(|a| {
                a.word
                    && (2..=6).contains(&a.text.len())
                    && a.capitalized()
                    && a.text.chars().filter(char::is_ascii_uppercase).count() >= 2
            })
            && toks.get(start - 3).is_some_and(|o| o.is_punct('('))
            && toks
                .get(start - 4)
                .is_some_and(|n| n.word && n.capitalized())
        {
            start -= 3;
            continue;
        }
        let next = toks.get(start);
        let inside = if t.word {
            // "Ambassador to Russia": "to" before a name is a preposition.
            let to_name = t.is("to") && next.is_some_and(|n| n.capitalized());
            let verbish = t.has(class::SPEECH_VERB | class::PARTICIPLE | class::AUXILIARY)
                && !t.has(class::INSTITUTION | class::PERSON_TITLE)
                && !t.is_any(&["all", "both", "each", "confirmed"])
                && !to_name
                || !t.capitalized() && !np_word(t);
            let opener = t.is_any(&[
                "that",
                "which",
                "who",
                "whom",
                "when",
                "after",
                "before",
                "while",
                "but",
                "because",
                "as",
                "if",
                "although",
                "though",
                "where",
                "since",
                "meanwhile",
                "however",
                "also",
                "then",
                "so",
                "yet",
                "said",
                "says",
                "told",
            ]);
            let prep_ok = match t.norm.as_str() {
                "of" | "for" => true,
                // "a separatist official from the mountainous region claimed".
                "in" | "to" | "at" | "from" => next.is_some_and(|n| {
                    n.capitalized()
                        || n.is_any(&[
                            "the", "a", "northern", "southern", "eastern", "western", "central",
                        ])
                }),
                // "Reagan and Defense Secretary Caspar Weinberger": names on both sides.
                // "Governor Gladkov and a number of local media": a name first.
                "and" => {
                    next.is_some_and(|n| {
                        n.capitalized() || n.is_any(&["a", "the", "several", "other", "some"])
                    }) && start >= 2
                        && toks
                            .get(start - 2)
                            .is_some_and(|p| p.word && p.capitalized())
                }
                _ => {
                    !t.has(class::CLAUSE_OPENER) || t.is_any(&["the", "a", "an"]) || t.capitalized()
                }
            };
            // "NGOs working in Goma", "officials speaking on condition of anonymity": a
            // participle after the head, before its preposition, stays in the phrase.
            let modifier = t.norm.ends_with("ing")
                && !t.has(class::SPEECH_VERB)
                && next.is_some_and(|n| n.is_any(&["in", "at", "on", "for", "with", "near"]))
                && start >= 2
                && toks.get(start - 2).is_some_and(|h| {
                    h.word
                        && h.has(
                            class::PEOPLE
                                | class::INSTITUTION
                                | class::NONPARTY
                                | class::NONPARTY_SOURCES
                                | class::STATE_SOURCES,
                        )
                });
            (modifier || !verbish && !opener && prep_ok) && !t.quoted
        } else {
            // "U.S.-based", "Defense Ministry's": joiners inside a phrase.
            (t.is_punct('-') || t.is_punct('\'') || t.is_punct('’') || t.is_punct('.'))
                && start - 1 > sentence_start
                && joiner(toks, start - 1)
        };
        if !inside {
            break;
        }
        start -= 1;
    }
    (start < end).then_some(start)
}

/// "the lead Russian negotiator in the contact group on intra-Libyan settlement": what a
/// body or an office is about, after "on", closing the phrase before its verb. Returns
/// where "on" stands.
fn topic_tail(toks: &[Token<'_>], end: usize, sentence_start: usize) -> Option<usize> {
    let on = (end.saturating_sub(4).max(sentence_start + 1)..end)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.is("on")))?;
    let head = toks.get(on - 1)?;
    let about = toks.get(on + 1..end)?;
    let plain = |t: &Token<'_>| {
        t.word
            && !t.quoted
            && !t.has(class::SPEECH_VERB | class::AUXILIARY | class::CLAUSE_OPENER | class::TIME)
            && !t.is_month()
    };
    (head.word
        && head.has(class::INSTITUTION | class::PERSON_TITLE | class::GROUP_NOUN)
        && !about.is_empty()
        && about.iter().all(plain))
    .then_some(on)
}

pub(crate) enum Paren {
    /// ", received in London," / ", in a statement,": skip to before its opening comma.
    Skip(usize),
    /// ", Kamal Kharrazi,": an apposition; its opening comma's token.
    Apposition(usize),
}

/// The parenthetical that ends with the comma at `close`.
pub(crate) fn parenthetical(
    toks: &[Token<'_>],
    close: usize,
    sentence_start: usize,
) -> Option<Paren> {
    let open = (sentence_start..close)
        .rev()
        .take(24)
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))?;
    let first = toks.get(open + 1)?;
    let inner: Vec<&Token<'_>> = toks.get(open + 1..close)?.iter().collect();
    if inner.is_empty() || inner.iter().any(|t| t.quoted) {
        return None;
    }
    let skip_words = [
        "in",
        "on",
        "at",
        "speaking",
        "quoted",
        "received",
        "monitored",
        "according",
        "citing",
        "who",
        "which",
        "writing",
        "interviewed",
        "reached",
        "contacted",
        "asked",
        "heard",
        "broadcast",
        "carried",
        "reporting",
        "giving",
        "without",
        "with",
        "however",
        "meanwhile",
        "also",
        "too",
        "though",
        "moreover",
        "separately",
        "earlier",
        "later",
        "for",
        "from",
        "after",
        "before",
        "during",
        "addressing",
        "responding",
        "appearing",
        "visiting",
        "announcing",
        "referring",
    ];
    // ", seeking to salvage his policy from the scandal,": a participle's clause.
    let participle = first.word && !first.capitalized() && first.norm.ends_with("ing");
    if first.is_any(&skip_words) || first.has(class::TIME) || participle {
        return Some(Paren::Skip(open));
    }
    // "The Arakan Army (AA), an armed group,": the name before its short form.
    let before = toks.get(name_end(toks, open).checked_sub(1)?)?;
    let named = inner
        .iter()
        .all(|t| t.word && (t.capitalized() || t.is_any(&["al", "bin", "de", "the", "of", "and"])));
    let titled = inner
        .iter()
        .any(|t| t.has(class::PERSON_TITLE | class::INSTITUTION));
    // "Ankara, a key Damascus ally,": a description of the name before it.
    let described = first.is_any(&["a", "an"]) && before.word && before.capitalized();
    if (named || titled || described) && before.word {
        return Some(Paren::Apposition(open));
    }
    None
}

/// "seen by", "obtained by" at `k`: a document named before it, an outlet after that saw
/// it.
fn seen_by(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.is_any(&[
            "seen", "obtained", "reviewed", "viewed", "accessed", "received",
        ])
    }) && toks.get(k + 1).is_some_and(|n| n.is("by"))
}

/// Where the name before `at` ends: before a short form in brackets ("The Arakan Army
/// (AA)"), or at `at`.
fn name_end(toks: &[Token<'_>], at: usize) -> usize {
    let bracketed = at >= 3
        && toks.get(at - 1).is_some_and(|t| t.is_punct(')'))
        && toks.get(at - 2).is_some_and(|t| t.word && t.capitalized())
        && toks.get(at - 3).is_some_and(|t| t.is_punct('('));
    if bracketed { at - 3 } else { at }
}

/// The subject that opens a sentence, after an opening adverb or phrase ("Later, the
/// Armenian defence ministry raised ..."): the words up to its first verb.
pub(crate) fn clause_subject(
    toks: &[Token<'_>],
    sentence_start: usize,
    before: usize,
) -> Option<Range<usize>> {
    let mut start = sentence_start;
    // "Later,", "On Tuesday,": an opener and its comma.
    if let Some(comma) =
        (start..before.min(start + 5)).find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))
        && (start..comma).all(|k| {
            toks.get(k).is_some_and(|t| {
                t.word
                    && (t.has(class::CLAUSE_OPENER | class::TIME)
                        || t.is_month()
                        || t.norm.chars().all(|c| c.is_ascii_digit()))
            })
        })
    {
        start = comma + 1;
    }
    let mut end = start;
    while end < before
        && toks.get(end).is_some_and(|t| {
            t.word
                && (t.capitalized() || np_word(t))
                && !t.is_any(&["and", "that", "to", "in", "at"])
        })
    {
        end += 1;
    }
    trim_np(toks, start..end).filter(|r| !r.is_empty())
}

/// "X, which said": the phrase before the comma.
pub(crate) fn antecedent(
    toks: &[Token<'_>],
    np: Range<usize>,
    sentence_start: usize,
) -> Option<Range<usize>> {
    if np.len() != 1 || !toks.get(np.start)?.is_any(&["which", "who"]) {
        return None;
    }
    let comma = np
        .start
        .checked_sub(1)
        .filter(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))?;
    let start = np_start(toks, comma, sentence_start)?;
    Some(start..comma)
}

/// A speaker's phrase that starts at `start` ("said the ministry spokesman, who ...").
pub(crate) fn np_after(
    toks: &[Token<'_>],
    start: usize,
    sentence_end: usize,
) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    if (!first.word
        || first.quoted
        || first.is_any(&["that", "on", "in", "it", "to", "this", "last", "late"])
            && !first.is("it"))
        && !first.is("it")
    {
        return None;
    }
    let mut end = start;
    while end < sentence_end && end - start < 14 {
        let t = &toks[end];
        let ok = if t.word {
            !t.quoted
                && !t.is_any(&[
                    "that",
                    "who",
                    "which",
                    "when",
                    "on",
                    "late",
                    "early",
                    "today",
                    "yesterday",
                    "after",
                    "while",
                    "as",
                    "but",
                    "and",
                    "adding",
                    "saying",
                ])
                && !t.has(class::SPEECH_VERB | class::PARTICIPLE | class::TIME)
                // "ISWAP in a post seen by SaharaReporters": the outlet that saw it is
                // not the source.
                && !seen_by(toks, end)
                || t.is_any(&["of", "for", "to", "in"])
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| n.capitalized() || n.is("the"))
        } else {
            (t.is_punct('.') || t.is_punct('-') || t.is_punct('\''))
                && (joiner(toks, end)
                    // "Rigoberto F. Sanchez": an initial's full stop.
                    || end > start
                        && toks
                            .get(end - 1)
                            .is_some_and(|p| p.word && p.text.chars().count() == 1 && p.capitalized()))
                && end + 1 < sentence_end
                // "..., said Lionel Lazarre, deputy spokesman for Haiti's National Police":
                // a title after a name, in apposition, says whom the name speaks for.
                // "said Dmitry Gendelman, an adviser in the Prime Minister's Office": and
                // after an article, a word or two before the title.
                || t.is_punct(',')
                    && end > start
                    && toks.get(end - 1).is_some_and(|p| p.word && p.capitalized())
                    && (toks
                        .get(end + 1)
                        .is_some_and(|n| n.word && n.has(class::PERSON_TITLE))
                        // "said Murat Karayilan, PKK co-leader": or after a name.
                        || toks
                            .get(end + 1)
                            .is_some_and(|n| {
                                n.is_any(&["a", "an", "the"])
                                    || n.word && n.capitalized() && !n.possessive()
                            })
                            // "the outgoing U.N. humanitarian coordinator": up to
                            // four words, an acronym's stops among them.
                            && (end + 2..end + 8)
                                .map_while(|j| {
                                    toks.get(j).filter(|n| n.word || n.is_punct('.'))
                                })
                                .take_while(|n| !n.is_any(&["said", "says", "told"]))
                                .any(|n| n.word && n.has(class::PERSON_TITLE)))
        };
        if !ok {
            break;
        }
        end += 1;
    }
    trim_np(toks, start..end)
}

/// The words a verb reports: after it ("that", a listener and a time skipped) to the end of
/// its sentence.
pub(crate) fn content_after(toks: &[Token<'_>], verb: usize, sentence_end: usize) -> Range<usize> {
    let mut start = verb + 1;
    // "told reporters that", "told CNN on Monday that": the listener is not the words.
    if toks
        .get(verb)
        .is_some_and(|v| v.is_any(&["told", "tells", "informed", "assured", "warned", "urged"]))
        && let Some(that) = (start..(start + 8).min(sentence_end))
            .find(|&k| toks.get(k).is_some_and(|t| t.is("that")))
    {
        start = that + 1;
    }
    // "said Monday its peacekeepers", "said on Sunday that": the time of the saying.
    while toks.get(start).is_some_and(|t| {
        t.is("that")
            || t.is_punct(',')
            || t.is_punct(':')
            || t.word
                && (t.has(class::TIME)
                    || t.is_any(&["on", "late", "early"])
                        && toks
                            .get(start + 1)
                            .is_some_and(|n| n.has(class::TIME) || n.is_month()))
    }) {
        start += 1;
    }
    if start >= sentence_end {
        return verb + 1..verb + 1;
    }
    start..sentence_end
}

/// The source after numbers named as such: "the latest data from the ministry", "figures
/// of the health ministry".
pub(crate) fn data_source(
    toks: &[Token<'_>],
    np: Range<usize>,
    end: usize,
) -> Option<Range<usize>> {
    let at = (np.start..np.end.min(np.start + 5)).find(|&k| {
        toks.get(k)
            .is_some_and(|t| numbers_word(t) || t.is("information"))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.is_any(&["from", "of", "by"]))
    })?;
    np_after(toks, at + 2, end)
}

/// A word for numbers someone gives: "UN data", "health ministry figures".
pub(crate) fn numbers_word(t: &Token<'_>) -> bool {
    t.is_any(&[
        "data",
        "figures",
        "statistics",
        "count",
        "tally",
        "estimates",
        "numbers",
    ])
}

/// The phrase a participle before `np` describes: "M23 rebels fighting Congolese
/// government forces" for the forces.
pub(super) fn described(
    toks: &[Token<'_>],
    np: Range<usize>,
    sentence_start: usize,
) -> Option<Range<usize>> {
    let p = np.start.checked_sub(1)?;
    // Not a compound adjective: "A high-ranking Burundian officer".
    let participle = toks.get(p).is_some_and(|t| {
        t.word
            && !t.capitalized()
            && t.norm.ends_with("ing")
            && !t.norm.contains('-')
            && !t.has(class::PARTICIPLE | class::SPEECH_VERB)
    });
    if !participle || p <= sentence_start {
        return None;
    }
    let start = np_start(toks, p, sentence_start)?;
    let before = trim_np(toks, start..p).filter(|b| !b.is_empty())?;
    // Only a phrase naming someone: a capitalised name or a people noun at its end.
    toks.get(before.end - 1)
        .is_some_and(|t| t.capitalized() || t.has(class::PEOPLE | class::INSTITUTION))
        .then_some(before)
}

/// "Chairman of the Dnipropetrovsk regional council, Mykola Lukashuk stated": the office
/// that opens the sentence, set before the name by a comma, says whose he is.
pub(super) fn office_before_name(
    scope: &Scope<'_>,
    np: Range<usize>,
    cx: &Context<'_>,
    sentence: Range<usize>,
) -> Option<(Range<usize>, Referent)> {
    let toks = scope.toks;
    let comma = np.start.checked_sub(1)?;
    let opens = toks
        .get(sentence.start)
        .is_some_and(|t| t.has(class::PERSON_TITLE | class::OFFICE));
    let short = comma > sentence.start + 1 && comma - sentence.start <= 10;
    if !toks.get(comma).is_some_and(|t| t.is_punct(',')) || !opens || !short {
        return None;
    }
    let whole = sentence.start..np.end;
    let speaker = super::speaker_of(scope, whole.clone(), cx, sentence)?;
    speaker.party.is_some().then_some((whole, speaker))
}
