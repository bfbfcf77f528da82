//! Where the words a speaker reports end: at the next act of another speaker in the
//! sentence, or, for an attribution that closes a sentence, at its start.

use super::*;

/// Ends each frame's reported words where the next act of another speaker in the sentence
/// begins, and gives a trailing attribution ("..., the ministry said.") the words before it.
pub(super) fn bound_contents(toks: &[Token<'_>], t: &Tokens<'_>, frames: &mut [Frame]) {
    let acts: Vec<(usize, usize, String)> = frames
        .iter()
        .map(|f| {
            (
                f.sentence,
                f.np.start.min(f.act.start),
                f.speaker.name.clone(),
            )
        })
        .collect();
    for (index, frame) in frames.iter_mut().enumerate() {
        let sentence = sentence_tokens(t, frame.sentence);
        if frame.content.is_empty() || frame.content.start >= sentence.end {
            let start = acts
                .iter()
                .take(index)
                .rev()
                .find(|(s, _, _)| *s == frame.sentence)
                .map_or(sentence.start, |(_, a, _)| *a);
            let start = if start < frame.np.start.min(frame.act.start) {
                sentence.start.max(start)
            } else {
                sentence.start
            };
            frame.content = start..frame.np.start.min(frame.act.start);
            continue;
        }
        let next = acts
            .iter()
            .skip(index + 1)
            .find(|(s, a, name)| {
                *s == frame.sentence && *a > frame.act.start && *name != frame.speaker.name
            })
            .map(|(_, a, _)| *a);
        if let Some(next) = next.filter(|&n| n > frame.content.start && n < frame.content.end) {
            // "..., the ministry said, adding ..." stays the ministry's; a later speaker's
            // own act ends the words.
            let trailing = toks.get(next).is_some_and(|x| x.sentence == frame.sentence);
            if trailing {
                frame.content.end = next;
            }
        }
    }
}
