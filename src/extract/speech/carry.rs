//! What one paragraph's speech carries into the next: a quotation left open, a statement
//! announced to be reproduced below, the last speaker; and whose each quotation is.

use super::*;

/// A paragraph with no act of its own that continues an earlier speaker's words: a
/// reproduced statement, or a quotation carried over.
pub(super) fn carried_over(t: &Tokens<'_>, cx: &Context<'_>) -> Option<Referent> {
    if let Some(r) = &cx.reproduced {
        return Some(r.clone());
    }
    // "Quote: “...”": a news site's mark before the words of the source it named.
    let marked = t.toks.first().is_some_and(|x| x.is("quote"))
        && t.toks.get(1).is_some_and(|x| x.is_punct(':'))
        && t.quotes.first().is_some_and(|q| q.open == 2);
    let opens_with_quote = t.toks.first().is_some_and(|x| is_quote_mark(x.text))
        || t.quotes.first().is_some_and(|q| q.open == 0)
        || marked;
    // A quotation left open before that closes at this paragraph's end: "... The rest
    // are in moderate condition.”"
    let closes_quote = t.quotes.len() == 1
        && t.quotes
            .first()
            .is_some_and(|q| q.close.is_none() && q.open + 1 == t.toks.len());
    if closes_quote && let Some(r) = &cx.open_quote {
        return Some(r.clone());
    }
    // A press release's own text, in a paragraph that says something.
    let released = || {
        cx.author
            .as_ref()
            .filter(|(_, from)| cx.paragraph >= *from)
            .map(|(r, _)| r.clone())
            .filter(|_| t.toks.iter().filter(|x| x.word).count() >= 8)
    };
    if !opens_with_quote {
        return released();
    }
    // "“...,” the 41-year-old told AFP": a quotation attributed in its own paragraph, to a
    // speaker the reader could not place, is not the earlier speaker's.
    let attributed_here = t.quotes.iter().any(|q| {
        q.close.is_some_and(|c| {
            (c + 1..c + 6)
                .filter_map(|k| t.toks.get(k))
                .take_while(|x| !x.quoted)
                .any(|x| x.has(class::SPEECH_VERB))
        })
    });
    if attributed_here {
        return None;
    }
    if let Some(r) = &cx.open_quote {
        return Some(r.clone());
    }
    // "Quote:" gives the words of the source a "Source:" line named above.
    if marked && let Some(r) = &cx.source_line {
        return Some(r.clone());
    }
    // The speaker of the paragraph before, or of the one before that when nobody spoke
    // in between.
    cx.last_speaker
        .as_ref()
        .filter(|(_, p)| *p + 2 >= cx.paragraph)
        .map(|(r, _)| r.clone())
        .or_else(released)
}

/// "... so far. — Getachew K Reda (@reda_getachew) January 8, 2022": a post reproduced
/// with its signature, its author's name before the handle, is the author's words.
pub(super) fn signed_post(scope: &Scope<'_>, t: &Tokens<'_>, cx: &Context<'_>) -> Option<Referent> {
    let toks = t.toks.as_slice();
    let dash = toks
        .iter()
        .rposition(|x| x.is_punct('—') || x.is_punct('–'))?;
    let name_end = (dash + 1..(dash + 7).min(toks.len()))
        .find(|&k| toks.get(k).is_some_and(|x| !(x.word && x.capitalized())))?;
    let handle = toks.get(name_end).is_some_and(|x| x.is_punct('('))
        && toks
            .get(name_end + 1)
            .is_some_and(|x| x.text.starts_with('@'));
    // The post's words before the signature: a signature alone on its line signs the
    // paragraph above, which has been read already.
    let words_before = toks
        .get(..dash)
        .is_some_and(|w| w.iter().filter(|x| x.word).count() >= 3);
    if name_end == dash + 1 || !handle || !words_before {
        return None;
    }
    let sentence = sentence_tokens(t, toks.get(dash + 1)?.sentence);
    speaker_of(scope, dash + 1..name_end, cx, sentence)
}

/// Gives each quotation to the frame it belongs to.
pub(super) fn own_quotes(
    toks: &[Token<'_>],
    quotes: &[Quote],
    frames: &[Frame],
) -> Vec<Option<usize>> {
    quotes
        .iter()
        .map(|q| {
            // "“...,” the ministry said": the act right after the quotation.
            if let Some(close) = q.close {
                let mut k = close + 1;
                while toks.get(k).is_some_and(|x| x.is_punct(',')) {
                    k += 1;
                }
                if let Some(f) = frames.iter().position(|f| f.np.start.min(f.act.start) == k) {
                    return Some(f);
                }
            }
            // "X said: “...”": the act right before it.
            let mut k = q.open;
            while k > 0
                && toks
                    .get(k - 1)
                    .is_some_and(|x| x.is_punct(',') || x.is_punct(':') || x.is("that"))
            {
                k -= 1;
            }
            if let Some(f) = frames.iter().position(|f| f.np.end.max(f.act.end) == k) {
                return Some(f);
            }
            if let Some(f) = frames
                .iter()
                .enumerate()
                .filter(|(_, f)| f.content.contains(&q.open))
                .min_by_key(|(_, f)| f.content.len())
                .map(|(i, _)| i)
            {
                return Some(f);
            }
            let sentence = toks.get(q.open).map(|x| x.sentence);
            let same = frames.iter().rposition(|f| Some(f.sentence) == sentence);
            same.or_else(|| frames.iter().rposition(|f| f.act.start < q.open))
                .or_else(|| frames.iter().position(|f| f.act.start > q.open))
        })
        .collect()
}

/// What carries into the next paragraph: an open quotation's speaker, a statement that the
/// paragraph announces ("The statement reads:"), the last speaker.
pub(super) fn carry_on(scope: &Scope<'_>, t: &Tokens<'_>, speech: &Speech, cx: &mut Context<'_>) {
    let toks = scope.toks;
    let last_quote = t.quotes.last();
    let open_owner = last_quote.filter(|q| q.close.is_none()).map(|_| {
        speech
            .quote_owner
            .last()
            .copied()
            .flatten()
            .and_then(|f| speech.frames.get(f))
            .map(|f| f.speaker.clone())
            .or_else(|| speech.whole.clone())
    });
    cx.open_quote = open_owner.flatten();
    let ends_with_colon = toks.last().is_some_and(|x| x.is_punct(':'));
    let reproduces = |f: &Frame| {
        toks.get(f.act.start)
            .is_some_and(|v| v.has(class::REPRODUCE))
    };
    // "The statement reads: “As reported earlier, ...": a reproduced text whose quotation
    // never closes runs on, quotation marks or not, into the paragraphs after it.
    let opens_text = |f: &Frame| {
        (toks
            .get(f.act.start)
            .is_some_and(|v| v.is_any(&["reads", "read", "reading"]))
            || toks
                .get(f.np.end.saturating_sub(1))
                .is_some_and(|h| h.has(class::VENUE)))
            && reproduces(f)
            && last_quote.is_some_and(|q| {
                q.close.is_none()
                    && f.act.end < q.open
                    && (f.act.end..q.open).all(|k| toks.get(k).is_some_and(|x| !x.word))
            })
    };
    let announces = speech.frames.last().filter(|f| {
        ends_with_colon && (f.act.end + 1 >= toks.len() || reproduces(f)) || opens_text(f)
    });
    // "The results are presented below:": a text with no speaker of its own, the
    // findings of the institution the story has just named.
    let presents = ends_with_colon
        && speech.frames.is_empty()
        && speech.whole.is_none()
        && toks
            .iter()
            .rev()
            .take_while(|x| x.sentence == toks.last().map_or(0, |l| l.sentence))
            .any(|x| x.has(class::PRESENT));
    if let Some(f) = announces {
        cx.reproduced = Some(f.speaker.clone());
    } else if let Some(named) = presents.then(|| cx.recently_named()).flatten() {
        cx.reproduced = Some(named);
    } else if !speech.frames.is_empty() {
        cx.reproduced = None;
    }
    let last = speech
        .frames
        .iter()
        .rev()
        .find(|f| f.speaker.voice != Voice::Unknown || f.speaker.party.is_some())
        .map(|f| f.speaker.clone())
        .or_else(|| speech.whole.clone());
    if let Some(r) = last {
        cx.last_speaker = Some((r, cx.paragraph));
    }
}
