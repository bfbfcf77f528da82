//! The words of a figure's sentence that say whose its people are: the relative clause
//! ", which" opens, a sentence on what the toll before it includes, and the other states
//! it names.

use super::super::figures::{Read, date_comma};
use super::super::lexicon::class;
use super::super::tokens::Token;

/// The words from the phrase ", which" stands for to the end of the sentence, when the
/// figure is the object of that relative clause's verb ("..., which has so far claimed
/// more than 15,550 lives", "..., which killed 26 civilians").
pub(super) fn relative_clause(
    toks: &[Token<'_>],
    read: &Read,
    sentence: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let which = (read.span.start.saturating_sub(6).max(sentence.start)..read.span.start)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.is("which")))?;
    if !which
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_punct(','))
    {
        return None;
    }
    // Only a verb between: "which has so far claimed", "which left".
    let verb_only = (which + 1..read.span.start).all(|k| {
        toks.get(k)
            .is_some_and(|t| t.word && !t.has(class::PEOPLE) && !t.capitalized())
    });
    if !verb_only {
        return None;
    }
    // The phrase before it begins after the comma before it, a date's comma aside.
    let start = (sentence.start..which - 1)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')) && !date_comma(toks, k))
        .map_or(sentence.start, |k| k + 1);
    Some(start..sentence.end)
}

/// Whether the sentence at `start` opens on what a toll before it includes: "This number
/// (allegedly) includes", "The figure also included".
pub(super) fn toll_includes(toks: &[Token<'_>], start: usize) -> bool {
    let word = |k: usize, words: &[&str]| toks.get(k).is_some_and(|t| t.is_any(words));
    word(start, &["this", "that", "the", "these"])
        && word(
            start + 1,
            &[
                "number", "figure", "figures", "toll", "tally", "count", "total",
            ],
        )
        && (start + 2..start + 5)
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
            .any(|k| {
                word(
                    k,
                    &["includes", "included", "include", "comprises", "comprised"],
                )
            })
}

/// How many states other than `index` the sentence names.
pub(super) fn other_states(
    scope: &super::Scope<'_>,
    sentence: std::ops::Range<usize>,
    index: usize,
) -> usize {
    let mut others: Vec<usize> = scope
        .mentions
        .list
        .iter()
        .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
        .filter_map(|m| m.party())
        .filter(|&p| {
            p != index
                && scope
                    .gazetteer
                    .party(p)
                    .is_some_and(|x| x.kind == super::PartyKind::State)
        })
        .collect();
    others.sort_unstable();
    others.dedup();
    others.len()
}

/// "The AFP has greatly diminished the number of the terrorists. So far 191 were
/// confirmed dead": hostile people named in the figure's sentence or the one before, whom
/// a bare number may stand for.
pub(super) fn hostile_just_named(toks: &[Token<'_>], read: &Read) -> bool {
    let figure_sentence = read.sentence(toks);
    toks.get(..read.span.start)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|t| t.sentence + 1 >= figure_sentence)
        .any(|t| t.word && t.has(class::HOSTILE))
}
