//! Noun phrases: a candidate trimmed to a phrase, and a phrase split into its head, the
//! words before it and its complements.

use std::ops::Range;

use super::super::lexicon::class;
use super::super::tokens::Token;

/// The parts of a noun phrase: the head and the words before it, and its complements.
#[derive(Debug, Clone)]
pub(crate) struct Np {
    pub span: Range<usize>,
    /// The head word's token.
    pub head: usize,
    /// Tokens before any preposition: the head and its modifiers.
    pub core: Range<usize>,
    /// "of X", "for X" complements: their owner is the phrase's owner.
    pub owners: Vec<Range<usize>>,
    /// "in X", "at X": where the phrase's people or institution are.
    pub places: Vec<Range<usize>>,
}

/// Splits a phrase at its prepositions.
pub(crate) fn parse_np(toks: &[Token<'_>], span: Range<usize>) -> Np {
    let mut core_end = span.end;
    let mut owners = Vec::new();
    let mut places = Vec::new();
    let mut k = span.start;
    let mut current: Option<(usize, bool, bool)> = None; // (start, owner, place)
    while k < span.end {
        let Some(t) = toks.get(k) else { break };
        // "NGOs working in Goma", "a coalition battling in Yemen": a participle after
        // the head ends the core as a preposition does.
        let participle = t.word
            && k > span.start
            && t.norm.ends_with("ing")
            && !t.has(class::SPEECH_VERB)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.has(class::FOREIGN_PREP | class::LOCATIVE));
        let prep = t.word
            && k > span.start
            && (participle
                || t.is_any(&["of", "for", "from"])
                || t.has(class::FOREIGN_PREP | class::LOCATIVE));
        if prep {
            if core_end == span.end {
                core_end = k;
            }
            if let Some((start, owner, place)) = current.take() {
                if owner {
                    owners.push(start..k);
                } else if place {
                    places.push(start..k);
                }
            }
            let owner = t.is_any(&["of", "for", "from"]);
            let place = t.is_any(&["in", "at", "near"]);
            current = Some((k + 1, owner, place));
        }
        k += 1;
    }
    if let Some((start, owner, place)) = current {
        if owner {
            owners.push(start..span.end);
        } else if place {
            places.push(start..span.end);
        }
    }
    let core = span.start..core_end;
    let head = (core.start..core.end)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.word))
        .unwrap_or(core.start);
    Np {
        span,
        head,
        core,
        owners,
        places,
    }
}

/// Trims a candidate phrase to a noun phrase: no leading conjunctions or punctuation, no
/// trailing commas; None when nothing nominal is left.
pub(crate) fn trim_np(toks: &[Token<'_>], span: Range<usize>) -> Option<Range<usize>> {
    let mut start = span.start;
    let mut end = span.end.min(toks.len());
    while start < end
        && toks
            .get(start)
            .is_some_and(|t| !t.word || t.is_any(&["and", "but", "while", "as", "that", "which"]))
    {
        start += 1;
    }
    while end > start && toks.get(end - 1).is_some_and(|t| !t.word) {
        end -= 1;
    }
    (start < end).then_some(start..end)
}
