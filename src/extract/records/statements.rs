//! Statements: one per speaker per paragraph, with the words reported and the excerpt
//! that holds them.

use super::*;

/// One statement per speaker per paragraph.
pub(super) fn statements(
    paragraph: usize,
    scope: &Scope<'_>,
    t: &Tokens<'_>,
    speech: &Speech,
) -> Vec<Statement> {
    let toks = scope.toks;
    let mut out: Vec<Statement> = Vec::new();
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    for (index, frame) in speech.frames.iter().enumerate() {
        let key = (
            frame.speaker.name.to_lowercase(),
            frame.speaker.party.clone(),
        );
        let owned: Vec<usize> = speech
            .quote_owner
            .iter()
            .enumerate()
            .filter(|(_, o)| **o == Some(index))
            .map(|(q, _)| q)
            .collect();
        let quoted_words: usize = owned
            .iter()
            .filter_map(|&q| t.quotes.get(q))
            .map(|q| {
                toks.get(q.inner(toks.len()))
                    .map_or(0, |w| w.iter().filter(|x| x.word).count())
            })
            .filter(|&n| n >= 2)
            .sum();
        let direct = quoted_words >= 2;
        let mut covered: Vec<usize> = vec![frame.act.start, frame.np.start.min(frame.act.start)];
        covered.extend(
            owned
                .iter()
                .filter_map(|&q| t.quotes.get(q))
                .flat_map(|q| [q.open, q.close.unwrap_or(toks.len().saturating_sub(1))]),
        );
        if let Some(existing) = seen.iter().position(|k| *k == key) {
            if let Some(st) = out.get_mut(existing) {
                let more = excerpt_of(t, &covered);
                st.excerpt = st.excerpt.start.min(more.start)..st.excerpt.end.max(more.end);
                // "said that ...; the ministry confirmed that ...": both reports, in order.
                if !direct && !st.direct {
                    let words = reported_words(scope.text, toks, frame);
                    if !words.is_empty() && !st.text.contains(&words) {
                        st.text = format!("{} … {words}", st.text);
                    }
                }
                st.direct |= direct;
            }
            continue;
        }
        let text = if direct {
            owned
                .iter()
                .filter_map(|&q| t.quotes.get(q))
                .map(|q| quote_text(scope.text, toks, q))
                .collect::<Vec<_>>()
                .join(" … ")
        } else {
            reported_words(scope.text, toks, frame)
        };
        seen.push(key);
        let statement = Statement {
            paragraph,
            speaker: frame.speaker.name.clone(),
            party: frame.speaker.party.clone(),
            verb: token_text(scope.text, toks, &frame.act),
            direct,
            text,
            excerpt: excerpt_of(t, &covered),
            evidence: Some(frame.speaker.evidence.clone()).filter(|e| !e.is_empty()),
        };
        // "Russia and Ukraine have accused each other", "British and US officials say":
        // the party named after "and" speaks too.
        let joint = joint_party(scope, frame).filter(|other| {
            !seen
                .iter()
                .any(|(_, p)| p.as_deref() == Some(other.0.as_str()))
        });
        // "The European Union, France, the United Nations, and the United States have
        // called on both sides": every party of the list before the last speaks.
        let mut with: Vec<(String, String, bool)> =
            joint.into_iter().map(|(p, w)| (p, w, false)).collect();
        with.extend(
            listed_before(scope, frame)
                .into_iter()
                .map(|(p, w)| (p, w, true)),
        );
        let with: Vec<(String, String, bool)> = with
            .into_iter()
            .filter(|(party, _, _)| {
                frame.speaker.party.as_deref() != Some(party.as_str())
                    && !seen
                        .iter()
                        .any(|(_, p)| p.as_deref() == Some(party.as_str()))
            })
            .collect();
        for (party, _, _) in &with {
            seen.push((frame.speaker.name.to_lowercase(), Some(party.clone())));
        }
        let first = statement.clone();
        out.push(statement);
        for (party, words, listed) in with {
            out.push(Statement {
                party: Some(party),
                evidence: Some(format!("“{words}”, named with {}", first.speaker)),
                // A party of a list speaks under its own name.
                speaker: if listed { words } else { first.speaker.clone() },
                ..first.clone()
            });
        }
    }
    if let Some(whole) = &speech.whole {
        let first_sentence = t.sentences.first().cloned().unwrap_or(0..scope.text.len());
        let direct = !t.quotes.is_empty() || !toks.is_empty();
        out.push(Statement {
            paragraph,
            speaker: whole.name.clone(),
            party: whole.party.clone(),
            verb: String::new(),
            direct,
            text: t.quotes.first().map_or_else(
                || {
                    scope
                        .text
                        .get(first_sentence.clone())
                        .unwrap_or("")
                        .to_string()
                },
                |q| quote_text(scope.text, toks, q),
            ),
            excerpt: first_sentence,
            evidence: Some(whole.evidence.clone()).filter(|e| !e.is_empty()),
        });
    }
    out
}

/// The party of the second of two speakers joined by "and", when it is another party
/// than the frame's, with the words that name it.
fn joint_party(scope: &Scope<'_>, frame: &speech::Frame) -> Option<(String, String)> {
    let toks = scope.toks;
    let own = frame.speaker.party.as_deref()?;
    let and = frame
        .np
        .clone()
        .find(|&k| toks.get(k).is_some_and(|t| t.is("and")))?;
    // Two parties that agree together are not two statements: "India and Pakistan have
    // agreed". Nor is "the UN Resident and Humanitarian Coordinator in Sudan" two
    // speakers: the names must stand on both sides of "and", in one phrase.
    // Nor is a claim to a thing ("Both Thailand and Cambodia claim the site").
    let agreeing = toks
        .get(frame.act.start)
        .is_some_and(|v| v.is_any(&["agreed", "agree", "agrees", "signed"]))
        || toks
            .get(frame.act.start)
            .is_some_and(|v| v.is_any(&["claim", "claims", "claimed"]))
            && toks
                .get(frame.act.end)
                .is_some_and(|n| n.is_any(&["the", "a", "an", "responsibility", "credit"]));
    let comma = frame
        .np
        .clone()
        .any(|k| toks.get(k).is_some_and(|t| t.is_punct(',')));
    if agreeing || comma {
        return None;
    }
    let named = |at: &dyn Fn(&super::super::entities::Mention) -> bool| {
        scope
            .mentions
            .within(frame.np.clone())
            .filter(|m| !m.stance && matches!(m.kind, MentionKind::Name | MentionKind::Demonym))
            .filter(|m| at(m))
            .find_map(|m| {
                let party = scope.party_id(m.party()?)?;
                Some((
                    party,
                    super::super::entities::phrase_text(scope.text, toks, m.span.clone()),
                ))
            })
    };
    let after = if toks.get(and + 1).is_some_and(|t| t.is("the")) {
        and + 2
    } else {
        and + 1
    };
    // "Russia and Ukraine", "British and US officials".
    named(&|m| m.span.end == and)?;
    named(&|m| m.span.start == after).filter(|(party, _)| party != own)
}

/// The parties listed before a speaker named last: "The European Union, France, the United
/// Nations, and the United States have called": each named alone, with commas between
/// them and "and" before the last.
fn listed_before(scope: &Scope<'_>, frame: &speech::Frame) -> Vec<(String, String)> {
    let toks = scope.toks;
    let mut out = Vec::new();
    let is = |k: usize, word: &str| toks.get(k).is_some_and(|t| t.is(word));
    let comma = |k: usize| toks.get(k).is_some_and(|t| t.is_punct(','));
    let Some(mut k) = frame.np.start.checked_sub(1) else {
        return out;
    };
    if !is(k, "and") {
        return out;
    }
    k = k.saturating_sub(1);
    if comma(k) {
        k = k.saturating_sub(1);
    }
    let party_ending_at = |end: usize| {
        scope
            .mentions
            .list
            .iter()
            .filter(|m| m.span.end == end && !m.stance && m.kind != MentionKind::Place)
            .find_map(|m| {
                let party = scope.party_id(m.party()?)?;
                Some((
                    m.span.start,
                    party,
                    super::super::entities::phrase_text(scope.text, toks, m.span.clone()),
                ))
            })
    };
    while let Some((start, party, words)) = party_ending_at(k + 1) {
        out.push((party, words));
        let Some(before) = start.checked_sub(1) else {
            break;
        };
        k = before;
        if is(k, "the") {
            let Some(b) = k.checked_sub(1) else { break };
            k = b;
        }
        if !comma(k) {
            break;
        }
        let Some(b) = k.checked_sub(1) else { break };
        k = b;
    }
    // A list of at least three: "A and B" is the joint speaker's own rule.
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// What a frame reports, as a reader would quote it: the clause after a verb of saying
/// ("said" its peacekeepers halted a clash), or the verb with what it takes ("dismissed
/// the claim and described the shooting as an ambush"), never the object cut from its verb.
fn reported_words(text: &str, toks: &[Token<'_>], frame: &speech::Frame) -> String {
    let words = token_text(text, toks, &frame.content);
    let Some(verb) = toks.get(frame.act.start) else {
        return words;
    };
    let says = verb.is_any(&[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "stated",
        "wrote",
        "writes",
        "reported",
        "announced",
        "claimed",
        "insisted",
        "warned",
        "explained",
        "argued",
        "stressed",
        "emphasized",
        "emphasised",
        "replied",
        "responded",
        "estimated",
        "believes",
        "informed",
        "according",
        "informs",
        "reads",
        "read",
    ]);
    let clause = toks
        .get(frame.act.end)
        .is_some_and(|t| t.is_any(&["that", "to", "on", "in"]) || !t.word);
    let object_follows = frame.content.start == frame.act.end && !clause;
    if says || !object_follows || words.is_empty() {
        return words;
    }
    format!("{} {words}", token_text(text, toks, &frame.act))
}

fn quote_text(text: &str, toks: &[Token<'_>], q: &super::super::tokens::Quote) -> String {
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

/// The whole sentences holding the given tokens, widened back to where a quotation that
/// they hold began, so an excerpt never starts mid-quotation.
fn excerpt_of(t: &Tokens<'_>, toks_used: &[usize]) -> Range<usize> {
    let sentence_of = |k: &usize| t.toks.get(*k).map(|x| x.sentence);
    let mut first = toks_used.iter().filter_map(sentence_of).min();
    let last = toks_used.iter().filter_map(sentence_of).max();
    // A quotation open across the first sentence's start began in an earlier sentence.
    if let Some(f) = first {
        let start_tok = t.toks.partition_point(|x| x.sentence < f);
        if let Some(q) = t
            .quotes
            .iter()
            .find(|q| q.open < start_tok && q.close.is_none_or(|c| c >= start_tok))
        {
            first = t.toks.get(q.open).map(|x| x.sentence);
        }
    }
    match (
        first.and_then(|s| t.sentences.get(s)),
        last.and_then(|s| t.sentences.get(s)),
    ) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}
