//! Who says what. Finds each act of saying in a paragraph ("X said", "..., said X",
//! "according to X", "a claim denied by X", "X quoted Y as saying"), the speaker's phrase
//! and the words reported, hands every quotation to its speaker, and carries a quotation or
//! a reproduced statement ("The statement reads:") on into the paragraphs after it.
//!
//! The frames found here are what the casualty stage asks for a figure's claimant: the
//! speaker whose reported words hold the figure.

use std::ops::Range;

use super::context::Context;
use super::entities::{Referent, Scope, Voice, resolve_speaker, trim_np};
use super::lexicon::class;
use super::tokens::{Quote, Token, Tokens, is_quote_mark};

mod bounds;
mod carry;
mod phrases;
mod verbs;
use bounds::bound_contents;
use carry::{carried_over, carry_on, own_quotes, signed_post};
pub(crate) use phrases::*;
use verbs::{author_of_document, is_speech_verb, issued_venue, outlet_tail};

/// An act of saying and what it reports.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub speaker: Referent,
    /// The speaker's phrase (empty for a speaker carried over from an earlier paragraph).
    pub np: Range<usize>,
    /// The verb ("said"), or "according to".
    pub act: Range<usize>,
    /// The tokens it reports.
    pub content: Range<usize>,
    /// The act denies what it reports ("denied that ...").
    pub denial: bool,
    pub sentence: usize,
}

/// A paragraph's speech.
#[derive(Debug, Default)]
pub(crate) struct Speech {
    pub frames: Vec<Frame>,
    /// The paragraph as a whole is this speaker's words: a quotation or a reproduced
    /// statement carried over from the paragraph before.
    pub whole: Option<Referent>,
    /// Per quotation of the paragraph: the frame it belongs to (None with `whole`: it is
    /// the whole-paragraph speaker's).
    pub quote_owner: Vec<Option<usize>>,
}

impl Speech {
    /// The frame that reports the token at `at`: the one whose reported words hold it,
    /// else the one whose quotation holds it, else one in the same sentence.
    pub fn frame_at(&self, toks: &[Token<'_>], quotes: &[Quote], at: usize) -> Option<&Frame> {
        let sentence = toks.get(at)?.sentence;
        let inner = self
            .frames
            .iter()
            .filter(|f| f.content.contains(&at))
            .min_by_key(|f| f.content.len());
        if inner.is_some() {
            return inner;
        }
        let quoted = quotes
            .iter()
            .zip(&self.quote_owner)
            .find(|(q, _)| q.inner(toks.len()).contains(&at))
            .and_then(|(_, owner)| owner.and_then(|f| self.frames.get(f)));
        if quoted.is_some() {
            return quoted;
        }
        // "The clashes, which killed a soldier, come after Azerbaijan said on Friday that
        // ...": a saying set in a clause of time says nothing of the words before it.
        // "... left 30 soldiers dead as Russia and the West urged an immediate
        // ceasefire": nor does an appeal made as it happened.
        let of_another_time = |f: &Frame| {
            let before = f.np.start.checked_sub(1).and_then(|k| toks.get(k));
            let appeal = toks.get(f.act.start).is_some_and(|v| {
                v.is_any(&[
                    "urged", "called", "demanded", "appealed", "pressed", "warned",
                ])
            });
            at < f.np.start
                && before.is_some_and(|t| {
                    t.is_any(&["after", "before", "since", "until"]) || t.is("as") && appeal
                })
        };
        let same: Vec<&Frame> = self
            .frames
            .iter()
            .filter(|f| f.sentence == sentence && !of_another_time(f))
            .collect();
        same.iter()
            .rev()
            .find(|f| f.act.start < at)
            .or_else(|| same.first())
            .copied()
    }
}

/// Reads the acts of saying in one paragraph.
pub(crate) fn read(scope: &Scope<'_>, t: &Tokens<'_>, cx: &mut Context<'_>) -> Speech {
    let toks = scope.toks;
    let mut frames: Vec<Frame> = Vec::new();
    // The range of the sentence the last token was in: the tokens are walked in order, so
    // it is looked up once per sentence rather than once per word.
    let mut current: Option<(usize, Range<usize>)> = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(tok) = toks.get(i).filter(|x| x.word && !x.quoted) else {
            i += 1;
            continue;
        };
        let sentence = match &current {
            Some((s, range)) if *s == tok.sentence => range.clone(),
            _ => {
                let range = sentence_tokens(t, tok.sentence);
                current = Some((tok.sentence, range.clone()));
                range
            }
        };
        if let Some(frame) = act_at(scope, t, i, sentence.clone(), &frames, cx) {
            cx.hear(&frame.speaker);
            if frame.act == (0..2) && toks.first().is_some_and(|x| x.is("source")) {
                cx.source_line = Some(frame.speaker.clone());
            }
            // "The paper quoted U.S. intelligence sources as saying ...": the paper is
            // still the one "it" stands for after.
            if frame.np.start > frame.act.start
                && toks
                    .get(frame.act.start)
                    .is_some_and(|v| v.is_any(&["quoted", "cited"]))
                && let Some(np) = phrases::subject_before(toks, frame.act.start, sentence.start)
                && let Some(relayer) = speaker_of(scope, np, cx, sentence.clone())
            {
                cx.hear(&relayer);
            }
            // "X has made a statement ... The statement reads:": the document issued is
            // the issuer's, for "the statement" to find again.
            if let Some(venue) = issued_venue(toks, frame.act.clone(), sentence.end) {
                cx.hear(&Referent {
                    head: venue,
                    person: false,
                    ..frame.speaker.clone()
                });
            }
            i = frame.act.end.max(i + 1);
            frames.push(frame);
            continue;
        }
        i += 1;
    }
    bound_contents(toks, t, &mut frames);
    let whole = if frames.is_empty() {
        signed_post(scope, t, cx).or_else(|| carried_over(t, cx))
    } else {
        None
    };
    let quote_owner = own_quotes(toks, &t.quotes, &frames);
    let speech = Speech {
        frames,
        whole,
        quote_owner,
    };
    carry_on(scope, t, &speech, cx);
    speech
}

/// The token range of sentence `s`.
pub(crate) fn sentence_tokens(t: &Tokens<'_>, s: usize) -> Range<usize> {
    let start = t.toks.partition_point(|x| x.sentence < s);
    let end = t.toks.partition_point(|x| x.sentence <= s);
    start..end
}

/// An act of saying at token `i`, if there is one.
fn act_at(
    scope: &Scope<'_>,
    _t: &Tokens<'_>,
    i: usize,
    sentence: Range<usize>,
    earlier: &[Frame],
    cx: &Context<'_>,
) -> Option<Frame> {
    let toks = scope.toks;
    let tok = toks.get(i)?;
    // "a photo said to show the crash site", "a man said to be a commander": a passive of
    // hearsay, no one speaking.
    if tok.is_any(&["said", "reported", "believed", "thought"])
        && toks.get(i + 1).is_some_and(|n| n.is("to"))
        && toks.get(i + 2).is_some_and(|n| {
            n.is_any(&[
                "be",
                "have",
                "show",
                "contain",
                "depict",
                "include",
                "number",
                "involve",
                "total",
                "belong",
                "come",
                "originate",
            ])
        })
    {
        return None;
    }
    let sentence_no = tok.sentence;
    let frame = |speaker: Referent,
                 np: Range<usize>,
                 act: Range<usize>,
                 content: Range<usize>,
                 denial: bool| Frame {
        speaker,
        np,
        act,
        content,
        denial,
        sentence: sentence_no,
    };
    // "Source: Oleh Syniehubov, Head of Kharkiv Oblast Military Administration, on
    // Telegram": a news site's line naming the source of what follows; the first part of
    // it that names a party says whose.
    if i == 0
        && tok.is("source")
        && toks.get(1).is_some_and(|n| n.is_punct(':'))
        && let Some(np) = np_after(toks, 2, sentence.end)
    {
        let parts = std::iter::once(np.clone()).chain(
            (np.end..sentence.end)
                .filter(|&k| toks.get(k).is_some_and(|x| x.is_punct(',')))
                .filter_map(|k| np_after(toks, k + 1, sentence.end)),
        );
        let mut found = None;
        for part in parts {
            if let Some(r) = speaker_of(scope, part, cx, sentence.clone())
                .filter(|r| r.party.is_some() && r.voice == Voice::Party)
            {
                found = Some(r);
                break;
            }
        }
        if let Some(r) = found {
            let name = super::entities::phrase_text(scope.text, toks, np.clone());
            let speaker = Referent {
                name,
                person: true,
                ..r
            };
            return Some(frame(
                speaker,
                np.clone(),
                0..2,
                np.end..sentence.end,
                false,
            ));
        }
    }
    // "according to X": X's account of the rest of the sentence.
    if tok.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
        let np = np_after(toks, i + 2, sentence.end)?;
        // "according to the latest data from the Ministry of Internal Affairs": whose
        // the numbers are.
        let np = data_source(toks, np.clone(), sentence.end).unwrap_or(np);
        let speaker = speaker_of(scope, np.clone(), cx, sentence.clone());
        // "according to a balance announced on Tuesday by the Government": the author
        // of the document.
        let (np, speaker) = match author_of_document(scope, np.clone(), cx, sentence.clone()) {
            Some(found) if speaker.as_ref().is_none_or(|r| r.party.is_none()) => found,
            _ => (np, speaker?),
        };
        let content = if i > sentence.start + 2 {
            sentence.start..i
        } else {
            np.end..sentence.end
        };
        return Some(frame(speaker, np, i..i + 2, content, false));
    }
    // "In the words of the Ombudsman, “...”": the words after are the speaker's.
    let words_of = tok.is("in")
        && toks.get(i + 1).is_some_and(|n| n.is("the"))
        && toks
            .get(i + 2)
            .is_some_and(|n| n.is_any(&["words", "view"]))
        && toks.get(i + 3).is_some_and(|n| n.is("of"));
    if words_of
        && let Some(np) = np_after(toks, i + 4, sentence.end)
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
    {
        return Some(frame(
            speaker,
            np.clone(),
            i..i + 4,
            np.end..sentence.end,
            false,
        ));
    }
    // "..., per UN data.": the source after "per" closing a sentence gives its account
    // (not "per day", "per cent").
    let closing_per =
        tok.is("per") && i > sentence.start + 2 && toks.get(i - 1).is_some_and(|p| p.is_punct(','));
    // "per UN data", "per health ministry figures": the owner of the numbers.
    let numbers =
        |np: &Range<usize>| np.end > np.start + 1 && toks.get(np.end - 1).is_some_and(numbers_word);
    if closing_per
        && let Some(np) = np_after(toks, i + 1, sentence.end)
        && (np.end..sentence.end).all(|k| toks.get(k).is_some_and(|t| !t.word))
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
            .or_else(|| {
                numbers(&np)
                    .then(|| speaker_of(scope, np.start..np.end - 1, cx, sentence.clone()))
                    .flatten()
            })
            .filter(|r| r.voice != Voice::Unknown)
    {
        return Some(frame(speaker, np, i..i + 1, sentence.start..i, false));
    }
    // "Trend reports with reference to the Prosecutor General's Office", "..., citing
    // the health ministry": the source named is the one that gives the account.
    let reference = tok.is("with")
        && toks.get(i + 1).is_some_and(|n| n.is("reference"))
        && toks.get(i + 2).is_some_and(|n| n.is("to"));
    let citing = tok.is_any(&["citing", "quoting"]) && i > sentence.start;
    if reference || citing {
        let skip = if reference { 3 } else { 1 };
        let np = np_after(toks, i + skip, sentence.end)?;
        let speaker = speaker_of(scope, np.clone(), cx, sentence.clone())
            .filter(|r| r.voice == Voice::Party && r.party.is_some())?;
        let content = if i > sentence.start + 2 {
            sentence.start..i
        } else {
            np.end..sentence.end
        };
        return Some(frame(speaker, np, i..i + skip, content, false));
    }
    // "The Prosecutor General's Office has issued a new statement": issuing a statement
    // is speaking.
    // So is giving information or figures, and setting a toll: "the Karabakh Ministry
    // of Defence provided information about the clashes", "Pashinyan raised the number of
    // soldiers killed to 105", "Azerbaijan puts its combat losses at 42".
    let object = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.has(class::VENUE)
                || t.is_any(&[
                    "information",
                    "figures",
                    "data",
                    "details",
                    "toll",
                    "tally",
                    "list",
                    "names",
                ])
        })
    };
    let toll = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["toll", "tally", "number", "losses", "figure"]))
    };
    // "He gave no further details": nothing given is nothing said.
    let negated = || {
        (i + 1..(i + 3).min(sentence.end))
            .any(|k| toks.get(k).is_some_and(|t| t.has(class::NEGATION)))
    };
    let issues = tok.is_any(verbs::ISSUING)
        && (i + 1..(i + 5).min(sentence.end))
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
            .any(object)
        && !negated()
        || tok.is_any(&[
            "raised", "put", "puts", "revised", "updated", "lowered", "raising", "putting",
            "placed", "places", "placing",
        ]) && (i + 1..(i + 4).min(sentence.end))
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
            .any(toll);
    // "Azerbaijan continues to put its losses at 42": the subject of the verb it hangs on.
    let governed = i >= 2
        && toks.get(i - 1).is_some_and(|t| t.is("to"))
        && toks.get(i - 2).is_some_and(|t| {
            t.is_any(&[
                "continues",
                "continued",
                "continue",
                "decided",
                "went",
                "chose",
                "had",
            ])
        });
    let verb_at = if governed { i - 2 } else { i };
    // "A military blogger close to the defence ministry put losses at 200": the
    // blogger, not the ministry he is close to.
    let subject = || {
        subject_before(toks, verb_at, sentence.start).map(|np| {
            let close = np.start >= 2
                && toks.get(np.start - 1).is_some_and(|t| t.is("to"))
                && toks
                    .get(np.start - 2)
                    .is_some_and(|t| t.is_any(&["close", "linked", "loyal", "affiliated", "tied"]));
            if close {
                subject_before(toks, np.start - 2, sentence.start).unwrap_or(np)
            } else {
                np
            }
        })
    };
    if issues
        && let Some(np) = subject()
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
    {
        return Some(frame(speaker, np, i..i + 1, i + 1..sentence.end, false));
    }
    // "the statement reads:", "the letter read": a text reproduced after it.
    let reads = tok.has(class::REPRODUCE)
        && !tok.has(class::SPEECH_VERB)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_punct(':') || is_quote_mark(n.text));
    // "Report informs, the statement reads:": the statement alone, not the outlet.
    let venue_before = || {
        (i.saturating_sub(3).max(sentence.start)..i)
            .find(|&k| (k..i).all(|j| toks.get(j).is_some_and(|t| t.word)))
    };
    if reads
        && let Some(np) = venue_before().and_then(|start| trim_np(toks, start..i))
        && toks
            .get(np.end.saturating_sub(1))
            .is_some_and(|h| h.has(class::VENUE))
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
    {
        return Some(frame(speaker, np, i..i + 1, i + 1..sentence.end, false));
    }
    // "carried a statement from Azerbaijan's foreign ministry, reading:": the venue and
    // its author before the comma.
    if reads
        && tok.is("reading")
        && i.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is_punct(','))
        && let Some(start) = (i.saturating_sub(10).max(sentence.start)..i - 1)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| t.has(class::VENUE)))
        && (start + 1..i - 1).all(|k| toks.get(k).is_some_and(|t| t.word || t.possessive()))
        && toks
            .get(start + 1)
            .is_some_and(|t| t.is_any(&["by", "from", "of"]))
        && let Some(speaker) = speaker_of(scope, start..i - 1, cx, sentence.clone())
    {
        return Some(frame(
            speaker,
            start..i - 1,
            i..i + 1,
            i + 1..sentence.end,
            false,
        ));
    }
    // "figures released by the ministry", "a claim denied by U.S. officials"; not "a photo
    // released by the ministry".
    let picture = i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
        t.is_any(&[
            "photo",
            "photos",
            "image",
            "images",
            "video",
            "videos",
            "footage",
            "picture",
            "pictures",
            "photograph",
            "photographs",
            "map",
            "maps",
        ])
    });
    // "in an attack claimed by al Shabaab", "The attack, claimed by JNIM, ...": whoever
    // claims an attack owns it; the figures around it are not that group's account.
    let attack = |t: &Token<'_>| {
        t.has(class::ATTACK_NOUN) || t.is_any(&["blast", "explosion", "massacre", "killings"])
    };
    let behind_comma = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_punct(','));
    let responsibility = tok.is("claimed")
        && toks.get(i + 1).is_some_and(|n| n.is("by"))
        && (1..=if behind_comma { 8 } else { 2 })
            .map_while(|back| i.checked_sub(back).filter(|&k| k >= sentence.start))
            .filter_map(|k| toks.get(k))
            .filter(|t| t.word)
            .take(if behind_comma { 8 } else { 1 })
            .any(attack);
    if responsibility {
        return None;
    }
    if tok.has(class::PASSIVE_REPORT) && !picture && toks.get(i + 1).is_some_and(|n| n.is("by")) {
        let np = np_after(toks, i + 2, sentence.end)?;
        // "the toll released by the ministry was 32": the agent ends at the main verb.
        let np = (np.start + 1..np.end)
            .find(|&k| {
                toks.get(k)
                    .is_some_and(|t| t.is_any(&["was", "were", "is", "are"]))
            })
            .map_or(np.clone(), |verb| np.start..verb);
        let speaker = speaker_of(scope, np.clone(), cx, sentence.clone())?;
        return Some(frame(
            speaker,
            np,
            i..i + 2,
            sentence.clone(),
            tok.has(class::DENIAL),
        ));
    }
    // "the Armenian Investigation Committee's report that four soldiers were killed": the
    // author of a report, a claim or a statement whose words follow "that".
    if tok.is_any(&[
        "report",
        "claim",
        "claims",
        "statement",
        "announcement",
        "assertion",
    ]) && toks.get(i + 1).is_some_and(|n| n.is("that"))
        && i > sentence.start
        && toks
            .get(i - 1)
            .is_some_and(|p| p.possessive() && p.capitalized())
        && let Some(start) = phrases::np_start(toks, i, sentence.start)
        && let Some(np) = trim_np(toks, start..i)
        && let Some(speaker) =
            speaker_of(scope, np.clone(), cx, sentence.clone()).filter(|r| r.party.is_some())
    {
        return Some(frame(speaker, np, i..i + 2, i + 2..sentence.end, false));
    }
    // "Hamas fired rockets, saying they had killed 12 soldiers": a participle of saying
    // after a comma gives the words of the clause's subject, when no one else has spoken
    // in the sentence.
    // Not the subject of a passive: "Fano fighters are accused of arresting 80 people,
    // alleging ...".
    if tok.is_any(&["saying", "stating", "claiming"])
        && i > sentence.start
        && toks.get(i - 1).is_some_and(|p| p.is_punct(','))
        && !earlier.iter().any(|f| f.sentence == sentence_no)
        && let Some(np) = phrases::clause_subject(toks, sentence.start, i)
        && !toks
            .get(np.end)
            .is_some_and(|v| v.is_any(&["is", "are", "was", "were", "been", "being"]))
        && names_party(scope, np.clone())
        && let Some(speaker) =
            speaker_of(scope, np.clone(), cx, sentence.clone()).filter(|r| r.party.is_some())
    {
        let content = content_after(toks, i, sentence.end);
        return Some(frame(speaker, np, i..i + 1, content, false));
    }
    // "..., with Azerbaijan reporting seven more troops killed, and Armenia saying it
    // has lost two": a subject after "with", or after "and" in such a list, speaks.
    if tok.has(class::PARTICIPLE)
        && let Some(np) = subject_before(toks, i, sentence.start)
        && np.start > sentence.start
        && toks.get(np.start - 1).is_some_and(|w| {
            w.is("with")
                || w.is("and")
                    && (sentence.start..np.start).any(|k| toks.get(k).is_some_and(|x| x.is("with")))
        })
        && names_party(scope, np.clone())
        && let Some(speaker) =
            speaker_of(scope, np.clone(), cx, sentence.clone()).filter(|r| r.party.is_some())
    {
        // The words run to the next speaker of the list.
        let end = (i + 1..sentence.end)
            .find(|&k| {
                toks.get(k).is_some_and(|x| x.is("and"))
                    && (k + 2..(k + 5).min(sentence.end))
                        .any(|j| toks.get(j).is_some_and(|x| x.has(class::PARTICIPLE)))
            })
            .unwrap_or(sentence.end);
        return Some(frame(speaker, np, i..i + 1, i + 1..end, false));
    }
    // "SITE quoted a JNIM statement as saying that ...": the words are the quoted
    // party's, not the relayer's.
    if tok.is_any(&["quoted", "cited"])
        && let Some(as_at) = (i + 2..(i + 8).min(sentence.end)).find(|&k| {
            toks.get(k).is_some_and(|t| t.is("as"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_any(&["saying", "stating", "telling"]))
        })
        && let Some(np) = trim_np(toks, i + 1..as_at)
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
            .filter(|r| r.voice == Voice::Party && r.party.is_some())
    {
        let content = content_after(toks, as_at + 1, sentence.end);
        return Some(frame(speaker, np, i..i + 1, content, false));
    }
    // "Iraqi Foreign Minister Tareq Aziz was quoted as saying ...": the subject speaks.
    let passive_quote = tok.is("quoted")
        && i.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|p| p.is_any(&["was", "were", "is", "are"]))
        && (toks.get(i + 1).is_some_and(|n| n.is("as"))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.is_any(&["saying", "telling", "stating"]))
            || toks
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["saying", "telling", "stating"])));
    if passive_quote
        && let Some(np) = subject_before(toks, i - 1, sentence.start)
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
    {
        let act = i..if toks.get(i + 1).is_some_and(|n| n.is("as")) {
            i + 3
        } else {
            i + 2
        };
        let content = content_after(toks, act.end - 1, sentence.end);
        let content = if content.is_empty() {
            sentence.start..np.start
        } else {
            content
        };
        return Some(frame(speaker, np, act, content, false));
    }
    if !is_speech_verb(toks, i) {
        return None;
    }
    let denial = tok.has(class::DENIAL);
    // "Armenia's ministry dismissed the claim and described ...": a verb coordinated with
    // an earlier act is the same speaker's.
    let before = i.checked_sub(1).and_then(|k| toks.get(k));
    if before.is_some_and(|b| b.is_any(&["and", "but", "or"])) {
        // The main clause's speaker comes first: "X told parliament ..., a claim Baku
        // denied, and said ..." is X's.
        if let Some(prev) = earlier.iter().find(|f| f.sentence == sentence_no) {
            return Some(Frame {
                act: i..i + 1,
                content: i + 1..sentence.end,
                denial,
                ..prev.clone()
            });
        }
        // "the ministry raised its toll to 135 and said ...": the subject of the clause
        // the verb is coordinated with.
        // "Azerbaijani authorities kept quiet but said": a verb the subject phrase took
        // in ("kept") is cut off until the phrase ends on a speaker's noun. Not "The
        // Iranian push ... and reported": a people's word alone is no subject.
        let subject = clause_subject(toks, sentence.start, i).and_then(|whole| {
            (whole.start + 1..=whole.end).rev().find_map(|end| {
                let head = toks.get(end - 1)?;
                let noun =
                    end == whole.end || head.has(class::INSTITUTION | class::PEOPLE | class::MEDIA);
                let np = whole.start..end;
                let speaker = speaker_of(scope, np.clone(), cx, sentence.clone())?;
                (noun && (end == whole.end || speaker.party.is_some())).then_some((np, speaker))
            })
        });
        if let Some((np, speaker)) = subject {
            let content = content_after(toks, i, sentence.end);
            return Some(frame(speaker, np, i..i + 1, content, denial));
        }
    }
    // "According to the preliminary data, two children were killed, said the governor of
    // the Belgorod region Vyacheslav Gladkov.": a speaker after the verb that runs to the
    // end of the sentence, behind a comma, is the one who speaks; what comes before the
    // comma is what was said, not an apposition.
    let comma_before = tok.is_any(&["said", "says", "added", "stated", "wrote"])
        && i.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is_punct(','));
    if comma_before
        && let Some(np) = np_after(toks, i + 1, sentence.end)
        && ((np.end..sentence.end).all(|k| toks.get(k).is_some_and(|t| !t.word))
            || outlet_tail(toks, np.end, sentence.end))
        // Not a reported clause ("said he was impressed by the U.S. response").
        && (np.start..np.end).all(|k| {
            toks.get(k)
                .is_some_and(|t| !t.has(class::PRONOUN | class::AUXILIARY | class::SPEECH_VERB))
        })
        && let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone())
            .filter(|r| r.voice == Voice::Party && r.party.is_some())
    {
        return Some(frame(speaker, np, i..i + 1, sentence.start..i, denial));
    }
    if let Some(np) = subject_before(toks, i, sentence.start) {
        // "X, which said", "X, who told": the relative pronoun's antecedent.
        let np = antecedent(toks, np.clone(), sentence.start).unwrap_or(np);
        // "M23 rebels fighting Congolese government forces claim": the subject is the
        // phrase the participle describes.
        let np = described(toks, np.clone(), sentence.start).unwrap_or(np);
        if let Some(speaker) = speaker_of(scope, np.clone(), cx, sentence.clone()) {
            let content = content_after(toks, i, sentence.end);
            let (np, speaker) = match office_before_name(scope, np.clone(), cx, sentence.clone()) {
                Some(found) if speaker.party.is_none() => found,
                _ => (np, speaker),
            };
            return Some(frame(speaker, np, i..i + 1, content, denial));
        }
        return None;
    }
    // "..., said the ministry", "“...,” said Savimbi": the speaker after the verb.
    let np = np_after(toks, i + 1, sentence.end)?;
    let speaker = speaker_of(scope, np.clone(), cx, sentence.clone())?;
    Some(frame(speaker, np, i..i + 1, sentence.start..i, denial))
}

/// Whether `np` names a party as such ("Azerbaijan", "the Israeli military"), not one its
/// context would have to supply: no place, no stance.
fn names_party(scope: &Scope<'_>, np: Range<usize>) -> bool {
    scope
        .mentions
        .within(np)
        .any(|m| !m.stance && m.kind != super::entities::MentionKind::Place && m.party().is_some())
}

fn speaker_of(
    scope: &Scope<'_>,
    np: Range<usize>,
    cx: &Context<'_>,
    sentence: Range<usize>,
) -> Option<Referent> {
    let toks = scope.toks;
    // "The officially registered number": an article alone names no one.
    let named = (np.start..np.end).any(|k| {
        toks.get(k)
            .is_some_and(|t| t.word && !t.is_any(&["the", "a", "an"]))
    });
    if !named {
        return None;
    }
    // "the statement said", "it added": the statement of the institution named before.
    let head = toks.get(np.end.checked_sub(1)?)?;
    // "The paper quoted U.S. intelligence sources ... It said": "it" is the last
    // institution or outlet heard, whichever it was.
    if np.len() == 1
        && head.is("it")
        && let Some(r) = cx.last_heard_thing()
    {
        return Some(r);
    }
    if np.len() <= 3
        && (head.has(class::VENUE) || head.is("it"))
        && scope.mentions.within(np.clone()).next().is_none()
        && toks
            .get(np.start)
            .is_some_and(|t| t.is_any(&["the", "it", "its"]))
        && let Some(r) = cx.last_institution()
    {
        return Some(r);
    }
    // "a statement by the Azerbaijani Defense Ministry": the venue's author speaks.
    if let Some(by) =
        (np.start..np.end).find(|&k| toks.get(k).is_some_and(|t| t.is_any(&["by", "from"])))
    {
        let venue = (np.start..by).any(|k| toks.get(k).is_some_and(|t| t.has(class::VENUE)));
        if venue {
            return resolve_speaker(scope, by + 1..np.end, cx, sentence);
        }
    }
    // "Ankara, a key Damascus ally, stressed": where the description after the comma
    // names no speaker, the name before it does.
    resolve_speaker(scope, np.clone(), cx, sentence.clone()).or_else(|| {
        let comma =
            (np.start + 1..np.end).find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))?;
        resolve_speaker(scope, np.start..comma, cx, sentence)
    })
}
