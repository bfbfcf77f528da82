//! Events for the timeline: sentences that say something happened, dated by the date
//! their own clause states ("On March 5, ..."), never by the date of the saying ("... the
//! ministry said late Monday").

use chrono::NaiveDate;

use super::Event;
use super::dates::DateMention;
use super::lexicon::class;
use super::tokens::Tokens;

/// Per token of a paragraph: what marks a date as the date of a saying.
pub(crate) struct Framed {
    /// The act of saying and the time words beside it: "said late Monday".
    pub saying: Vec<bool>,
    /// An opening time before a speaker: "On Sunday, the ministry said ...". It dates its
    /// own sentence, but is not carried to the sentences after it.
    pub opening: Vec<bool>,
}

/// The date of each sentence of a paragraph: a date its own clause states, or the date an
/// earlier sentence opened with ("On March 5, ... . Two soldiers died.").
pub(crate) fn sentence_dates(
    t: &Tokens<'_>,
    framed: &Framed,
    dates: &[DateMention],
) -> Vec<Option<NaiveDate>> {
    let mut own: Vec<Option<(NaiveDate, bool)>> = vec![None; t.sentences.len()];
    for d in dates {
        let s = t.sentences.partition_point(|r| r.end <= d.range.start);
        let Some(range) = t.sentences.get(s) else {
            continue;
        };
        if d.range.start < range.start || d.range.end > range.end {
            continue;
        }
        let k = t.toks.partition_point(|x| x.start < d.range.start);
        if framed.saying.get(k).copied().unwrap_or(false) {
            continue;
        }
        if let Some(slot) = own.get_mut(s).filter(|slot| slot.is_none()) {
            // "On March 5, ..." at the head of the sentence dates what follows it, unless it
            // only says when someone spoke.
            let first = t.toks.partition_point(|x| x.start < range.start);
            let head = (first..k).all(|j| {
                t.toks
                    .get(j)
                    .is_some_and(|x| !x.word || x.is_any(&["on", "late", "early", "in", "by"]))
            });
            let carries = head && !framed.opening.get(k).copied().unwrap_or(false);
            *slot = Some((d.date, carries));
        }
    }
    let mut carried: Option<NaiveDate> = None;
    own.iter()
        .map(|o| match o {
            Some((date, carries)) => {
                if *carries {
                    carried = Some(*date);
                }
                Some(*date)
            }
            None => carried,
        })
        .collect()
}

/// The dated events of one paragraph: its sentences with a date and a word of something
/// happening.
pub(crate) fn dated(paragraph: usize, t: &Tokens<'_>, dates: &[Option<NaiveDate>]) -> Vec<Event> {
    let mut happens = vec![false; t.sentences.len()];
    for tok in &t.toks {
        if let Some(h) = happens
            .get_mut(tok.sentence)
            .filter(|_| tok.has(class::EVENT))
        {
            *h = true;
        }
    }
    t.sentences
        .iter()
        .enumerate()
        .filter_map(|(s, range)| {
            let date = dates.get(s).copied().flatten()?;
            happens.get(s).copied().unwrap_or(false).then(|| Event {
                paragraph,
                date,
                excerpt: range.clone(),
            })
        })
        .collect()
}
