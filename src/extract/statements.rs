//! Who says what: finds reporting verbs and "according to", reads the speaker before or
//! after them, resolves "the ministry", "it" and "the statement" through a per-document
//! memory of speakers, and hands quotations to the speaker they belong to.

use std::ops::Range;

use super::Statement;
use super::lexicon::{DENIALS, FINITE_VERBS, PARTICIPLES, TIME_WORDS};
use super::parties::Gazetteer;
use super::speakers::{
    Memory, Speaker, Subject, adjective_use, clause_subject, learn_persons, np_after,
    quoted_speaker, resolve_speaker, skip_time, speaker_after_verb, subject_before, toll_verb,
};
use super::tokens::{Token, Tokens, is_quote_mark};

/// An occurrence of a reporting verb or participle that some statement owns; the
/// casualty reader attributes figures through these.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Anchor {
    pub tok: usize,
    /// Index into `Found::statements`.
    pub statement: usize,
    /// The verb denies what follows it.
    pub denial: bool,
}

/// One paragraph's statements and what the casualty reader needs to attribute figures.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub statements: Vec<Statement>,
    pub anchors: Vec<Anchor>,
    /// Per quotation of the paragraph: the statement it belongs to.
    pub quote_owner: Vec<Option<usize>>,
    /// Byte ranges that frame a statement ("On Monday, the ministry said"): dates in
    /// them are when something was said, not when it happened.
    pub frames: Vec<Range<usize>>,
    /// Per statement: the party its speaker's name points at (see `Speaker::hint`).
    pub hints: Vec<Option<String>>,
}

/// A reporting act found in the text, before statements are merged.
#[derive(Debug, Clone)]
struct Candidate {
    verb: usize,
    /// One past the verb phrase ("according to" is two tokens).
    verb_end: usize,
    /// Tokens naming the speaker.
    np: Range<usize>,
    speaker: Speaker,
}

impl Candidate {
    fn span(&self) -> Range<usize> {
        self.np.start.min(self.verb)..self.np.end.max(self.verb_end)
    }
}

/// Reads the statements of one paragraph (numbered `paragraph`, 1-based).
pub(crate) fn read_paragraph(
    paragraph: usize,
    text: &str,
    t: &Tokens<'_>,
    memory: &mut Memory,
    gazetteer: &Gazetteer,
) -> Found {
    learn_persons(&t.toks, memory, gazetteer);
    memory.paragraph_party = None;
    let (candidates, coordinated) = find_candidates(&t.toks, memory, gazetteer);
    let (mut statements_of, groups) = group_candidates(&t.toks, &candidates);
    let quote_owner = assign_quotes(t, &candidates, &statements_of);
    let mut found = Found {
        quote_owner,
        ..Found::default()
    };
    for (g, members) in groups.iter().enumerate() {
        let Some(first) = members.first().and_then(|&c| candidates.get(c)) else {
            continue;
        };
        found.hints.push(first.speaker.hint.clone());
        found.statements.push(build_statement(
            paragraph,
            text,
            t,
            g,
            members,
            &candidates,
            &found.quote_owner,
        ));
        for &c in members {
            if let Some(cand) = candidates.get(c) {
                found.anchors.push(Anchor {
                    tok: cand.verb,
                    statement: g,
                    denial: t.toks.get(cand.verb).is_some_and(|v| v.is_any(DENIALS)),
                });
                let f = frame(&t.toks, cand);
                let start = t.toks.get(f.start).map_or(0, |x| x.start);
                let end = t.toks.get(f.end.saturating_sub(1)).map_or(start, |x| x.end);
                found.frames.push(start..end.max(start));
            }
        }
        let _ = first;
    }
    for (tok, cand) in coordinated {
        if let Some(&g) = statements_of.get(cand) {
            found.anchors.push(Anchor {
                tok,
                statement: g,
                denial: t.toks.get(tok).is_some_and(|v| v.is_any(DENIALS)),
            });
        }
    }
    attach_participles(&t.toks, &candidates, &mut statements_of, &mut found);
    if found.statements.is_empty() {
        continuation(paragraph, text, t, memory, &mut found);
    }
    memory.previous_paragraph_spoke = !found.statements.is_empty();
    found.anchors.sort_by_key(|a| a.tok);
    found
}

/// "pledged allegiance to the Islamic State" is an oath of loyalty, not words reported.
fn oath(toks: &[Token<'_>], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.is_any(&["pledged", "pledges", "pledge"]))
        && toks.get(i + 1).is_some_and(|n| {
            // also mistyped: "aliegance", "allegience"
            let n = n.norm.as_str();
            n == "loyalty"
                || n.starts_with("al")
                    && n.contains("eg")
                    && (n.ends_with("ance") || n.ends_with("ence"))
        })
}

/// Finds every reporting act, resolving speakers in text order so that a reference
/// sees the speakers named before it. Returns the acts and the verbs coordinated with an
/// earlier act ("dismissed the claim *and described*...": token, candidate index).
fn find_candidates(
    toks: &[Token<'_>],
    memory: &mut Memory,
    gazetteer: &Gazetteer,
) -> (Vec<Candidate>, Vec<(usize, usize)>) {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut coordinated = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if tok.quoted || !tok.word {
            continue;
        }
        let found = if tok.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            np_after(toks, i + 2).map(|np| (np, i + 2))
        } else if let Some(np) = agent_after(toks, i) {
            Some((np, i + 2))
        } else if (tok.is_any(FINITE_VERBS) && !adjective_use(toks, i) && !oath(toks, i))
            || toll_verb(toks, i)
            || calls_verb(toks, i)
        {
            match subject_before(toks, i) {
                Subject::Np(np) => Some((np, i + 1)),
                Subject::Coordinated => {
                    // The main clause's speaker comes first: "X told parliament ..., a
                    // claim Baku denied, and said" is X's.
                    let earlier = candidates
                        .iter()
                        .enumerate()
                        .rev()
                        .take_while(|(_, c)| {
                            toks.get(c.verb).is_some_and(|v| v.sentence == tok.sentence)
                        })
                        .last()
                        .map(|(c, _)| c);
                    match earlier {
                        Some(c) => {
                            coordinated.push((i, c));
                            None
                        }
                        None => clause_subject(toks, i).map(|np| (np, i + 1)),
                    }
                }
                Subject::None => quoted_speaker(toks, i)
                    .or_else(|| speaker_after_verb(toks, i))
                    .map(|np| (np, i + 1)),
            }
        } else {
            None
        };
        let Some((np, verb_end)) = found else {
            continue;
        };
        let Some(speaker) = resolve_speaker(toks, &np, memory, gazetteer) else {
            continue;
        };
        memory.remember(&speaker);
        candidates.push(Candidate {
            verb: i,
            verb_end,
            np,
            speaker,
        });
    }
    (candidates, coordinated)
}

/// "a claim denied by US officials", "figures confirmed by the ministry": a reporting
/// participle with its agent after "by".
fn agent_after(toks: &[Token<'_>], i: usize) -> Option<Range<usize>> {
    const PASSIVE: &[&str] = &[
        "denied",
        "rejected",
        "dismissed",
        "disputed",
        "confirmed",
        "claimed",
        "reported",
        "announced",
        "condemned",
        "criticised",
        "criticized",
    ];
    let verb = toks.get(i)?;
    if !verb.is_any(PASSIVE) || !toks.get(i + 1)?.is("by") {
        return None;
    }
    np_after(toks, i + 2)
}

/// "calls" is a plural noun ("phone calls") unless a name stands before it and "for",
/// "on", an object or a quotation follows: "Saudi Arabia calls for restraint", "Sunak
/// calls the strikes ...".
fn calls_verb(toks: &[Token<'_>], i: usize) -> bool {
    let Some(tok) = toks.get(i) else { return false };
    // A capital that only opens the sentence ("Phone calls for help") is no name.
    let opens_sentence = |k: usize| {
        k == 0
            || toks
                .get(k - 1)
                .zip(toks.get(k))
                .is_some_and(|(a, b)| a.sentence != b.sentence)
    };
    let named_before = i.checked_sub(1).is_some_and(|k| {
        toks.get(k).is_some_and(|t| {
            t.word && (t.party_word || (t.capitalized() && !opens_sentence(k))) && !t.possessive()
        })
    });
    let object_after = toks.get(i + 1).is_some_and(|n| {
        n.is_any(&["for", "on", "the", "a", "an", "it", "this", "that"]) || is_quote_mark(n.text)
    });
    tok.is("calls") && named_before && object_after
}

/// Merges acts of the same speaker in the same sentence into one statement. Returns the
/// statement index of each candidate and the candidates of each statement.
fn group_candidates(toks: &[Token<'_>], candidates: &[Candidate]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut of = Vec::with_capacity(candidates.len());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (c, cand) in candidates.iter().enumerate() {
        let sentence = toks.get(cand.verb).map(|t| t.sentence);
        let same = groups.len().checked_sub(1).filter(|&g| {
            let g = &groups[g];
            g.first().and_then(|&f| candidates.get(f)).is_some_and(|f| {
                f.speaker.name == cand.speaker.name
                    && toks.get(f.verb).map(|t| t.sentence) == sentence
            })
        });
        match same {
            Some(g) => {
                if let Some(group) = groups.get_mut(g) {
                    group.push(c);
                }
                of.push(g);
            }
            None => {
                of.push(groups.len());
                groups.push(vec![c]);
            }
        }
    }
    (of, groups)
}

/// Gives each quotation to a statement: the one attributed right after it (`,” X
/// said`), right before it (`X said: “`), the one whose clause holds it, else the
/// nearest in the paragraph, earlier first.
fn assign_quotes(
    t: &Tokens<'_>,
    candidates: &[Candidate],
    statement_of: &[usize],
) -> Vec<Option<usize>> {
    let owner = |c: usize| statement_of.get(c).copied();
    t.quotes
        .iter()
        .map(|q| {
            if let Some(close) = q.close {
                let mut k = close + 1;
                while t.toks.get(k).is_some_and(|x| x.is_punct(',')) {
                    k += 1;
                }
                if let Some(c) = candidates.iter().position(|c| c.span().start == k) {
                    return owner(c);
                }
            }
            let mut k = q.open;
            while k > 0
                && t.toks
                    .get(k - 1)
                    .is_some_and(|x| x.is_punct(',') || x.is_punct(':') || x.is("that"))
            {
                k -= 1;
            }
            if let Some(c) = candidates
                .iter()
                .position(|c| k > 0 && skip_time(&t.toks, c.span().end) >= k && c.span().end <= k)
            {
                return owner(c);
            }
            let sentence = t.toks.get(q.open).map(|x| x.sentence);
            let before = candidates.iter().rposition(|c| c.verb < q.open);
            let in_clause = before.filter(|&c| {
                candidates
                    .get(c)
                    .and_then(|c| t.toks.get(c.verb))
                    .map(|x| x.sentence)
                    == sentence
            });
            in_clause
                .or(before)
                .or_else(|| candidates.iter().position(|c| c.verb > q.open))
                .and_then(owner)
        })
        .collect()
}

/// Builds statement `g` from its candidates.
fn build_statement(
    paragraph: usize,
    text: &str,
    t: &Tokens<'_>,
    g: usize,
    members: &[usize],
    candidates: &[Candidate],
    quote_owner: &[Option<usize>],
) -> Statement {
    let first = members.first().and_then(|&c| candidates.get(c));
    let (speaker, party, verb) = first.map_or_else(Default::default, |c| {
        let verb = verb_text(text, &t.toks, c);
        (c.speaker.name.clone(), c.speaker.party.clone(), verb)
    });
    let owned: Vec<&super::tokens::Quote> = t
        .quotes
        .iter()
        .zip(quote_owner)
        .filter(|(_, o)| **o == Some(g))
        .map(|(q, _)| q)
        .collect();
    let quoted_words: usize = owned
        .iter()
        .map(|q| {
            t.toks
                .get(q.inner(t.toks.len()))
                .map_or(0, |w| w.iter().filter(|x| x.word).count())
        })
        .sum();
    let direct = quoted_words >= 3;
    let mut toks_used: Vec<usize> = Vec::new();
    for c in members.iter().filter_map(|&c| candidates.get(c)) {
        toks_used.extend([c.span().start, c.span().end.saturating_sub(1)]);
    }
    for q in &owned {
        toks_used.push(q.open);
        toks_used.push(q.close.unwrap_or(t.toks.len().saturating_sub(1)));
    }
    let clause = members
        .first()
        .map(|&c| reported_clause(t, c, candidates))
        .unwrap_or(0..0);
    let words = if direct && !owned.is_empty() {
        owned
            .iter()
            .map(|q| quote_text(text, &t.toks, q))
            .collect::<Vec<_>>()
            .join(" … ")
    } else {
        token_text(text, &t.toks, &clause)
    };
    if !clause.is_empty() {
        toks_used.extend([clause.start, clause.end - 1]);
    }
    let excerpt = excerpt_of(t, &toks_used);
    Statement {
        paragraph,
        speaker,
        party,
        verb,
        direct,
        text: words,
        excerpt,
    }
}

fn verb_text(text: &str, toks: &[Token<'_>], c: &Candidate) -> String {
    let start = toks.get(c.verb).map_or(0, |t| t.start);
    let end = toks
        .get(c.verb_end.saturating_sub(1))
        .map_or(start, |t| t.end);
    text.get(start..end).unwrap_or("").to_string()
}

fn quote_text(text: &str, toks: &[Token<'_>], q: &super::tokens::Quote) -> String {
    let start = toks.get(q.open).map_or(0, |t| t.end);
    let end = q
        .close
        .and_then(|c| toks.get(c))
        .map_or(text.len(), |t| t.start);
    text.get(start..end.max(start))
        .unwrap_or("")
        .trim()
        .trim_end_matches([',', ' '])
        .to_string()
}

fn token_text(text: &str, toks: &[Token<'_>], range: &Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    let start = toks.get(range.start).map_or(0, |t| t.start);
    let end = toks.get(range.end - 1).map_or(start, |t| t.end);
    text.get(start..end.max(start))
        .unwrap_or("")
        .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
        .to_string()
}

/// The words a statement reports: after its verb to the next act or the sentence end,
/// or — for a trailing attribution ("..., the ministry said") — before it.
fn reported_clause(t: &Tokens<'_>, index: usize, candidates: &[Candidate]) -> Range<usize> {
    let toks = &t.toks;
    let Some(c) = candidates.get(index) else {
        return 0..0;
    };
    let Some(sentence) = toks.get(c.verb).map(|t| t.sentence) else {
        return 0..0;
    };
    let Some(bytes) = t.sentences.get(sentence) else {
        return 0..0;
    };
    let sentence_start = toks.partition_point(|x| x.start < bytes.start);
    let sentence_end = toks.partition_point(|x| x.start < bytes.end);
    let mut start = skip_time(toks, c.span().end);
    // "told reporters that", "told CNN on Monday that": the listener is not the words.
    if toks
        .get(c.verb)
        .is_some_and(|v| v.is_any(&["told", "tells", "informed"]))
    {
        let listener = (start..start + 6)
            .take_while(|&k| toks.get(k).is_some_and(|t| t.word && !t.quoted))
            .find(|&k| toks.get(k).is_some_and(|t| t.is("that")));
        start = listener.map_or(start, |k| k + 1);
    }
    while toks
        .get(start)
        .is_some_and(|t| t.is("that") || t.is_punct(',') || t.is_punct(':'))
    {
        start += 1;
    }
    let next_act = candidates
        .get(index + 1..)
        .unwrap_or(&[])
        .iter()
        .filter(|o| o.speaker.name != c.speaker.name)
        .map(|o| o.span().start)
        .find(|&s| s > c.verb)
        .unwrap_or(usize::MAX);
    let mut end = sentence_end.min(next_act).max(start);
    while end > start
        && toks.get(end - 1).is_some_and(|t| {
            !t.word || t.is_any(&["while", "and", "but", "as", "whereas", "although"])
        })
        && !toks.get(end - 1).is_some_and(|t| is_quote_mark(t.text))
    {
        end -= 1;
    }
    let words_after = toks
        .get(start..end)
        .is_some_and(|w| w.iter().any(|t| t.word));
    if words_after {
        start..end
    } else {
        sentence_start..c.span().start
    }
}

/// The sentences holding the given tokens, as one byte range of the paragraph.
fn excerpt_of(t: &Tokens<'_>, toks_used: &[usize]) -> Range<usize> {
    let sentence_of = |k: &usize| t.toks.get(*k).map(|x| x.sentence);
    let first = toks_used.iter().filter_map(sentence_of).min();
    let last = toks_used.iter().filter_map(sentence_of).max();
    match (
        first.and_then(|s| t.sentences.get(s)),
        last.and_then(|s| t.sentences.get(s)),
    ) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}

/// The tokens that frame a statement: its speaker and verb, time words next to them
/// and an opening "On Monday," — a date there dates the saying, not the event.
fn frame(toks: &[Token<'_>], c: &Candidate) -> Range<usize> {
    let span = c.span();
    let end = skip_time(toks, span.end);
    let mut start = span.start;
    let sentence = toks.get(span.start).map(|t| t.sentence);
    while start > 0
        && toks.get(start - 1).is_some_and(|t| {
            Some(t.sentence) == sentence
                && !t.quoted
                && (t.is_any(TIME_WORDS)
                    || t.is_punct(',')
                    || t.is_month()
                    || t.is_any(&["on", "in"])
                    || t.norm.chars().all(|c| c.is_ascii_digit()))
        })
    {
        start -= 1;
    }
    // Only an opening "On March 5, X said" frames; "... rose to 45 on Sunday, according
    // to X" dates the event.
    let opens = start == 0
        || toks
            .get(start - 1)
            .is_none_or(|t| Some(t.sentence) != sentence);
    if opens { start..end } else { span.start..end }
}

/// Participles ("..., saying three were killed") speak for the statement of their
/// sentence: the nearest act before them, else after.
fn attach_participles(
    toks: &[Token<'_>],
    candidates: &[Candidate],
    statement_of: &mut [usize],
    found: &mut Found,
) {
    for (i, tok) in toks.iter().enumerate() {
        if tok.quoted || !tok.is_any(PARTICIPLES) {
            continue;
        }
        let same = |c: usize| {
            candidates
                .get(c)
                .and_then(|c| toks.get(c.verb))
                .is_some_and(|v| v.sentence == tok.sentence)
        };
        let split = candidates.partition_point(|c| c.verb < i);
        let chosen = split
            .checked_sub(1)
            .filter(|&c| same(c))
            .or(Some(split).filter(|&c| same(c)));
        if let Some(&g) = chosen.and_then(|c| statement_of.get(c)) {
            found.anchors.push(Anchor {
                tok: i,
                statement: g,
                denial: tok.is_any(DENIALS),
            });
        }
    }
}

/// A paragraph that opens a quotation without naming anyone continues the quotation of
/// the speaker of the paragraph before.
fn continuation(paragraph: usize, text: &str, t: &Tokens<'_>, memory: &Memory, found: &mut Found) {
    let opens_with_quote = t.quotes.first().is_some_and(|q| q.open == 0);
    let Some(speaker) = memory
        .last()
        .filter(|_| opens_with_quote && memory.previous_paragraph_spoke)
    else {
        return;
    };
    let Some(q) = t.quotes.first() else { return };
    let mut owner = vec![None; t.quotes.len()];
    if let Some(first) = owner.first_mut() {
        *first = Some(0);
    }
    let last_tok = q.close.unwrap_or(t.toks.len().saturating_sub(1));
    found.hints.push(speaker.hint.clone());
    found.statements.push(Statement {
        paragraph,
        speaker: speaker.name.clone(),
        party: speaker.party.clone(),
        verb: String::new(),
        direct: true,
        text: quote_text(text, &t.toks, q),
        excerpt: excerpt_of(t, &[q.open, last_tok]),
    });
    found.quote_owner = owner;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize_with;

    fn read(paragraphs: &[&str]) -> Vec<Vec<(String, Option<String>, bool)>> {
        let g = Gazetteer::builtin();
        let mut memory = Memory::default();
        paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let t = tokenize_with(p, Some(&g));
                read_paragraph(i + 1, p, &t, &mut memory, &g)
                    .statements
                    .into_iter()
                    .map(|s| (s.speaker, s.party, s.direct))
                    .collect()
            })
            .collect()
    }

    fn one(speaker: &str, party: Option<&str>, direct: bool) -> (String, Option<String>, bool) {
        (speaker.to_string(), party.map(str::to_string), direct)
    }

    #[test]
    fn speaker_before_the_verb_with_possessive_and_demonym() {
        let got = read(&[
            "On Sunday, Azerbaijan’s Foreign Ministry said a shootout occurred.",
            "The Russian Foreign Ministry expressed concern about the shooting.",
        ]);
        assert_eq!(
            got[0],
            vec![one(
                "Azerbaijan’s Foreign Ministry",
                Some("azerbaijan"),
                false
            )]
        );
        assert_eq!(
            got[1],
            vec![one("Russian Foreign Ministry", Some("russia"), false)]
        );
    }

    #[test]
    fn trailing_attribution_after_a_long_quotation() {
        let got = read(&[
            "“First sentence here. As a result, two servicemen were killed,” a statement by the Azerbaijani Defense Ministry said late Monday.",
        ]);
        assert_eq!(
            got[0],
            vec![one(
                "Azerbaijani Defense Ministry",
                Some("azerbaijan"),
                true
            )]
        );
    }

    #[test]
    fn references_resolve_to_the_last_fitting_speaker() {
        let got = read(&[
            "The Russian Defense Ministry said its troops moved in.",
            "The ministry confirmed the figures, and Kremlin spokesman Dmitry Peskov told reporters the talks went on.",
            "“We will not stop,” he said.",
            "The clash was halted, it added.",
        ]);
        assert_eq!(
            got[1][0],
            one("Russian Defense Ministry", Some("russia"), false)
        );
        assert_eq!(got[1][1].1.as_deref(), Some("russia"));
        assert_eq!(
            got[2],
            vec![one("Kremlin spokesman Dmitry Peskov", Some("russia"), true)]
        );
        assert_eq!(
            got[3],
            vec![one("Russian Defense Ministry", Some("russia"), false)]
        );
    }

    #[test]
    fn said_after_the_quote_and_according_to() {
        let got = read(&[
            "“We are ready,” said Armenian Prime Minister Nikol Pashinyan.",
            "Five people died, according to Ukraine’s emergency service.",
        ]);
        assert_eq!(got[0][0].1.as_deref(), Some("armenia"));
        assert_eq!(got[1][0].1.as_deref(), Some("ukraine"));
    }

    #[test]
    fn parenthetical_between_speaker_and_verb() {
        let got = read(&[
            "Maria Zakharova, the Russian Foreign Ministry spokeswoman, said the talks failed.",
            "Baku, in a statement, said the talks failed.",
        ]);
        assert_eq!(got[0][0].1.as_deref(), Some("russia"));
        assert_eq!(got[1], vec![one("Baku", Some("azerbaijan"), false)]);
    }

    #[test]
    fn narration_and_meetings_are_not_statements() {
        let got = read(&[
            "Aliyev met with U.S. Senior Adviser Louis Bono on Monday and discussed normalizing relations.",
            "Relations between the former Soviet republics have been tense since 1991.",
            "A territory called Karabakh lies between them.",
        ]);
        assert!(got.iter().all(Vec::is_empty), "{got:?}");
    }

    #[test]
    fn a_paragraph_continuing_a_quotation_keeps_its_speaker() {
        let got = read(&[
            "“The attack was planned,” Israeli military spokesman Daniel Hagari said.",
            "“Our forces will respond with full force.”",
        ]);
        assert_eq!(
            got[1],
            vec![one(
                "Israeli military spokesman Daniel Hagari",
                Some("israel"),
                true
            )]
        );
    }

    #[test]
    fn a_relative_clause_and_a_title_before_the_name() {
        let got = read(&[
            "Israel's ambassador to the UN, Gilad Erdan, who spoke to reporters, said the war would go on.",
        ]);
        assert_eq!(got[0], vec![one("Gilad Erdan", Some("israel"), false)]);
    }

    #[test]
    fn adjectives_companies_and_media_are_no_party_statements() {
        let got = read(&[
            "Talks on alleged Japanese dumping failed.",
            "American Motors Corp said its sales dropped.",
            "Lebanese state media reported heavy shelling.",
        ]);
        assert!(got[0].is_empty(), "{got:?}");
        assert_eq!(got[1][0].1, None);
        assert_eq!(got[2][0].1, None);
    }

    #[test]
    fn putting_a_toll_is_giving_a_figure() {
        let got = read(&["Israel's military put its death toll at more than 900."]);
        assert_eq!(
            got[0],
            vec![one("Israel's military", Some("israel"), false)]
        );
    }

    #[test]
    fn learnt_persons_give_their_party_later() {
        let got = read(&[
            "Aliyev met U.S. Senior Adviser for Caucasus Negotiations Louis Bono.",
            "Bono said the meeting was useful.",
        ]);
        assert_eq!(got[1], vec![one("Bono", Some("us"), false)]);
    }

    fn parties(paragraphs: &[&str]) -> Vec<Vec<Option<String>>> {
        read(paragraphs)
            .into_iter()
            .map(|p| p.into_iter().map(|(_, party, _)| party).collect())
            .collect()
    }

    #[test]
    fn calls_is_a_reporting_verb_only_after_a_name() {
        let got = parties(&[
            "Saudi Arabia calls for restraint and avoiding escalation.",
            "British Prime Minister Rishi Sunak calls the strikes proportionate.",
            "Phone calls for help went unanswered for hours.",
        ]);
        assert_eq!(got[0], vec![Some("saudi-arabia".to_string())]);
        assert_eq!(got[1], vec![Some("uk".to_string())]);
        assert!(got[2].is_empty());
    }

    #[test]
    fn a_reporting_participle_names_its_agent_after_by() {
        let got = parties(&["The group targeted a warship, a claim denied by US officals."]);
        assert_eq!(got[0], vec![Some("us".to_string())]);
    }

    #[test]
    fn an_official_named_by_office_speaks_for_the_place_of_the_paragraph() {
        let got = parties(&[
            "In Kyiv, four people were killed and 92 injured, Mayor Vitali Klitschko said.",
            "Crowds gathered outside parliament in Yerevan. Police said 98 people were detained.",
            "In Omdurman, a strike killed 12 civilians, the Emergency Lawyers rights group said.",
        ]);
        assert_eq!(got[0], vec![Some("ukraine".to_string())]);
        assert_eq!(got[1], vec![Some("armenia".to_string())]);
        assert_eq!(got[2], vec![None]);
    }

    #[test]
    fn a_capitalised_definite_reference_finds_the_earlier_speaker() {
        let got = parties(&[
            "The Indian Army said it responded in a proportionate manner.",
            "Posts were destroyed, the Army said.",
        ]);
        assert_eq!(got[1], vec![Some("india".to_string())]);
    }

    #[test]
    fn modifiers_and_abbreviations_inside_a_speaker_phrase() {
        let got = read(&[
            "The U.N. human rights monitoring mission in Ukraine said 12 civilians died.",
            "The Three Brotherhood Alliance, which launched its offensive on Oct. 27, said it seized posts.",
        ]);
        assert_eq!(got[0][0].1.as_deref(), Some("un"));
        assert_eq!(got[1][0].0, "Three Brotherhood Alliance");
    }

    #[test]
    fn officials_of_a_publication_s_own_party_speak_for_it() {
        let g = Gazetteer::builtin();
        let mut memory = Memory::with_publisher(Some("india".to_string()));
        let p = "\"Our actions have been measured,\" Defence Minister Rajnath Singh said.";
        let t = tokenize_with(p, Some(&g));
        let found = read_paragraph(1, p, &t, &mut memory, &g);
        assert_eq!(found.statements[0].party.as_deref(), Some("india"));
    }

    #[test]
    fn a_ministry_run_by_one_party_in_another_s_territory_is_the_territory_s() {
        let got = parties(&[
            "The Hamas-run health ministry in Gaza said 90 people were killed.",
            "Hamas-led fighters said they had withdrawn.",
        ]);
        assert_eq!(got[0], vec![Some("palestinians".to_string())]);
        assert_eq!(got[1], vec![Some("hamas".to_string())]);
    }

    #[test]
    fn a_bare_surname_is_the_earlier_person_it_ends() {
        let got = parties(&[
            "A missile strike on Odesa killed 21 people, Governor Oleh Kiper said.",
            "\u{201c}The enemy targeted rescuers,\u{201d} Kiper wrote on Telegram.",
        ]);
        assert_eq!(got[0], vec![Some("ukraine".to_string())]);
        assert_eq!(got[1], vec![Some("ukraine".to_string())]);
    }

    #[test]
    fn a_place_qualifying_the_harm_is_not_the_official_s_place() {
        let got = parties(&[
            "Three people were killed in a Russian glide bomb attack, regional governor Vadym Filashkin reported.",
        ]);
        assert_eq!(got[0], vec![None]);
    }

    #[test]
    fn a_claim_after_a_determiner_is_a_noun() {
        let got = parties(&["The outlet could not verify the Russian claim."]);
        assert!(got[0].is_empty());
    }

    #[test]
    fn an_official_after_his_party_s_statement_serves_it_not_a_quoted_place() {
        let got = parties(&[
            "Moscow said its troops had advanced near Kursk.",
            "Kyiv rejected the claim. \"Our losses in Kursk are small,\" army spokesman Ivan Petrenko wrote.",
        ]);
        let (ru, ua) = (Some("russia".to_string()), Some("ukraine".to_string()));
        assert_eq!(got, vec![vec![ru], vec![ua.clone(), ua]]);
    }

    #[test]
    fn unknown_countries_civil_networks_and_qualified_bloggers_are_no_party() {
        let got = parties(&[
            "Rwandan troops deployed in 2021, Rwanda's defence ministry said.",
            "Mozambique's president Filipe Nyusi told parliament the insurgents were weakened.",
            "Five people were hurt, according to the Sudan Doctors Network.",
            "A Russian military blogger close to the defence ministry put the toll at 200.",
            "The attack was confirmed, according to the defence ministry.",
        ]);
        let rw = Some("rwanda".to_string());
        assert_eq!(
            got,
            vec![
                vec![rw.clone()],
                vec![None],
                vec![None],
                vec![None],
                vec![rw]
            ]
        );
    }

    #[test]
    fn a_council_headed_by_a_party_s_leader_speaks_for_it() {
        let got = parties(&[
            "The Sovereign Council, headed by army chief Abdel Fattah al-Burhan, said 100 civilians had been killed.",
        ]);
        assert_eq!(got, vec![vec![Some("sudan".to_string())]]);
    }

    #[test]
    fn a_member_of_a_group_assisting_an_army_is_the_speaker_not_the_army() {
        let got = read(&[
            "The Nigerian army said troops repelled an attack.",
            "A member of a vigilante group assisting the military in Bama told Reuters that two of his comrades were killed. \"We ran,\" he said.",
        ]);
        let speakers: Vec<Vec<(String, Option<String>)>> = got
            .into_iter()
            .map(|p| p.into_iter().map(|(s, party, _)| (s, party)).collect())
            .collect();
        let member = ("member of a vigilante group".to_string(), None);
        assert_eq!(speakers.get(1), Some(&vec![member.clone(), member]));
    }

    #[test]
    fn an_oath_of_allegiance_is_no_statement() {
        let got = parties(&[
            "The group, which pledged allegiance to the Islamic State, attacked the town.",
            "The cell had pledged aliegance to ISIS in 2016.",
        ]);
        assert_eq!(got, vec![vec![], vec![]]);
    }
}
