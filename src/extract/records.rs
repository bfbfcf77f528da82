//! Records: reads a document paragraph by paragraph through the stages (tokens, entities,
//! speech, figures, roles) and writes what it found as statements, casualty claims and
//! events, each with the words its party came from.

use std::collections::HashSet;
use std::ops::Range;

use super::context::Context;
use super::dates::find_dates;
use super::entities::{MentionKind, Mentions, Referent, Scope, Voice};
use super::figures::{self, Read};
use super::knowledge::Gazetteer;
use super::lexicon::class;
use super::names::LearnedNames;
use super::roles::{Earlier, Side, Surround, side_of, story_place_candidate};
use super::speech::{self, Speech, sentence_tokens};
use super::tokens::{Token, Tokens, tokenize};
use super::{Attribution, CasualtyClaim, DocText, Extraction, Statement, events};

/// Reads one document.
pub(crate) fn read_document(
    doc: &DocText<'_>,
    gazetteer: &Gazetteer,
    names: &LearnedNames,
) -> Extraction {
    let mut cx = Context::new(gazetteer, names);
    // Whose a place was depends on when: an undated story's own first dated words
    // ("Emergencies September 05, 2023", "DONETSK, September 5, 2023") say when it is.
    let era = doc.published.or_else(|| story_date(doc));
    cx.outlet = doc.outlet.map(str::to_string);
    let outlet = outlet_voice(doc.outlet, gazetteer);
    let mut out = Extraction::default();
    let mut earlier: Vec<Earlier> = Vec::new();
    // Claims of civilians with no side, which take the place where the story happens once
    // the whole story has been read.
    let mut awaiting_place: Vec<(usize, Option<String>)> = Vec::new();
    if let Some(title) = doc.title {
        // The headline's places set the scene ("Army Rebels Occupy Manila Hq").
        let t = tokenize(title);
        let mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
        let scope = Scope {
            text: title,
            toks: &t.toks,
            mentions: &mentions,
            gazetteer,
        };
        cx.note_places(&scope);
        cx.note_headline(&scope);
    }
    // Entities first, over the whole story: where it happens is known before any
    // paragraph is read for claims ("the army said" in paragraph 4 of a story that names
    // its country in paragraph 8).
    // A short form a paragraph defines ("the Arakan Army, or AA,") names the party from
    // there on.
    let mut read: Vec<(Tokens<'_>, Mentions)> = doc
        .paragraphs
        .iter()
        .map(|text| {
            let t = tokenize(text);
            let mut mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
            if cx.note_acronyms(&t.toks, &mentions) {
                mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
            }
            cx.note_surnames(&mentions);
            (t, mentions)
        })
        .collect();
    // "Aden said", after "Police spokesperson Abdifatah Aden": read again the paragraphs
    // that took such a surname for a city.
    for (t, mentions) in &mut read {
        let stale = mentions.list.iter().any(|m| {
            m.span.len() == 1
                && matches!(m.kind, MentionKind::Place | MentionKind::Capital)
                && t.toks
                    .get(m.span.start)
                    .is_some_and(|w| cx.is_surname(w.text))
        });
        if stale {
            *mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
        }
    }
    for ((t, mentions), text) in read.iter().zip(doc.paragraphs) {
        cx.foresee_places(&Scope {
            text,
            toks: &t.toks,
            mentions,
            gazetteer,
        });
    }
    for (index, ((t, mentions), text)) in read.iter().zip(doc.paragraphs).enumerate() {
        let paragraph = index + 1;
        cx.paragraph = paragraph;
        let scope = Scope {
            text,
            toks: &t.toks,
            mentions,
            gazetteer,
        };
        cx.note_groups(&scope);
        let speech = speech::read(&scope, t, &mut cx);
        out.statements
            .extend(statements(paragraph, &scope, t, &speech));
        let dates = find_dates(text, doc.published);
        let framed = frame_mask(t, &speech);
        let dated = events::sentence_dates(t, &framed, &dates);
        let (claims, placeable) = claims(
            paragraph,
            &scope,
            t,
            &speech,
            &outlet,
            &dated,
            &mut earlier,
            &cx,
        );
        let base = out.claims.len();
        awaiting_place.extend(placeable.into_iter().map(|(i, agent)| (base + i, agent)));
        out.claims.extend(claims);
        out.events.extend(events::dated(paragraph, t, &dated));
        cx.note_recent_places(&scope);
        cx.note_named(&scope);
    }
    if let Some((id, words)) = cx.story_place() {
        for (i, agent) in awaiting_place {
            // A group hitting from the story's own land ("Hamas ... killing 1,200 people")
            // hits people somewhere else.
            let from_here = agent.as_deref().is_some_and(|a| {
                gazetteer.get(a).is_some_and(|p| {
                    p.kind == super::knowledge::PartyKind::Group
                        && p.country.as_deref() == Some(id.as_str())
                })
            });
            if from_here {
                continue;
            }
            if let Some(c) = out.claims.get_mut(i) {
                c.side = Some(id.clone());
                c.side_evidence = Some(format!("hit where the story happens: “{words}”"));
            }
        }
    }
    out
}

/// The outlet's own voice: no party, even when the outlet is a state's news agency (a
/// figure it gives without attribution is its own account, "unattributed"); but a party's
/// own press office publishing its releases (ISPR, a ministry's site) is that party.
fn outlet_voice(outlet: Option<&str>, gazetteer: &Gazetteer) -> Attribution {
    let speaker = outlet.unwrap_or("the report").to_string();
    let office = outlet.and_then(|o| {
        let t = tokenize(o);
        (0..t.toks.len()).find_map(|i| {
            let m = gazetteer.match_tokens_case(&t.toks, i, None, false)?;
            (m.kind == super::knowledge::NameKind::Institution)
                .then(|| gazetteer.party(m.party).map(|p| p.id.clone()))
                .flatten()
        })
    });
    let evidence = office
        .as_ref()
        .map(|_| format!("the outlet, {speaker}, is the party's own press office"));
    Attribution {
        speaker,
        party: office,
        evidence,
    }
}

/// Per token: whether it belongs to an act of saying or the time words beside it ("said
/// late Monday", "Russia on Monday said"), where a date tells when something was said, not
/// when it happened. An opening "On Sunday, the ministry said ..." is marked apart: it may
/// date the whole sentence, but not the sentences after it.
fn frame_mask(t: &Tokens<'_>, speech: &Speech) -> events::Framed {
    let mut framed = events::Framed {
        saying: vec![false; t.toks.len()],
        opening: vec![false; t.toks.len()],
    };
    let timeish = |x: &Token<'_>| {
        !x.word
            || x.has(class::TIME)
            || x.is_month()
            || x.is_any(&["on", "late", "early", "in", "a", "statement", "interview"])
            || x.norm.chars().all(|c| c.is_ascii_digit())
    };
    for f in &speech.frames {
        // A verb coordinated with an earlier one ("expressed concern about Sunday's
        // shooting and urged ...") stands apart from its speaker's phrase.
        let adjacent = f.np.end + 4 >= f.act.start && f.act.end + 4 >= f.np.start;
        let start = if adjacent {
            f.np.start.min(f.act.start)
        } else {
            f.act.start
        };
        let mut end = if adjacent {
            f.np.end.max(f.act.end)
        } else {
            f.act.end
        };
        while t.toks.get(end).is_some_and(|x| x.word && timeish(x)) {
            end += 1;
        }
        for slot in framed.saying.get_mut(start..end).into_iter().flatten() {
            *slot = true;
        }
        let sentence = sentence_tokens(t, f.sentence);
        if start > sentence.start
            && (sentence.start..start).all(|k| t.toks.get(k).is_some_and(timeish))
        {
            for slot in framed
                .opening
                .get_mut(sentence.start..start)
                .into_iter()
                .flatten()
            {
                *slot = true;
            }
        }
    }
    framed
}

/// One statement per speaker per paragraph.
fn statements(
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
        out.push(Statement {
            paragraph,
            speaker: frame.speaker.name.clone(),
            party: frame.speaker.party.clone(),
            verb: token_text(scope.text, toks, &frame.act),
            direct,
            text,
            excerpt: excerpt_of(t, &covered),
            evidence: Some(frame.speaker.evidence.clone()).filter(|e| !e.is_empty()),
        });
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

/// Whether token `k` starts or continues a person's name: a capitalised word that no
/// party, place or lexicon class claims.
fn name_word(scope: &Scope<'_>, k: usize) -> bool {
    let Some(t) = scope.toks.get(k) else {
        return false;
    };
    if !t.word
        || !t.capitalized()
        || t.is_month()
        || t.has(
            class::PERSON_TITLE
                | class::INSTITUTION
                | class::TIME
                | class::CLAUSE_OPENER
                | class::SPEECH_VERB
                | class::PEOPLE,
        )
    {
        return false;
    }
    if t.text
        .chars()
        .all(|c| c.is_uppercase() || !c.is_alphabetic())
        && t.text.len() > 1
    {
        return false;
    }
    match scope.mentions.at(k) {
        Some(m) => m.kind == MentionKind::Person,
        None => true,
    }
}

#[allow(clippy::too_many_arguments)]
fn claims(
    paragraph: usize,
    scope: &Scope<'_>,
    t: &Tokens<'_>,
    speech: &Speech,
    outlet: &Attribution,
    dated: &[Option<chrono::NaiveDate>],
    earlier: &mut Vec<Earlier>,
    cx: &Context<'_>,
) -> (Vec<CasualtyClaim>, Vec<(usize, Option<String>)>) {
    let toks = scope.toks;
    // A party's own press office as the outlet speaks for the party where no one else
    // in the text does.
    let office = outlet.party.as_ref().map(|party| Referent {
        name: outlet.speaker.clone(),
        party: Some(party.clone()),
        voice: Voice::Party,
        person: false,
        head: "office".to_string(),
        words: Vec::new(),
        evidence: outlet.evidence.clone().unwrap_or_default(),
    });
    let is_name = |k: usize| name_word(scope, k);
    let reads = figures::read_all(toks, &is_name);
    let mut out: Vec<(CasualtyClaim, Read, Option<Option<String>>)> = Vec::new();
    let mut earlier_who: Vec<(usize, String)> = Vec::new();
    let mut seen = HashSet::new();
    for read in reads {
        let at = read.span.start.min(read.victims.who.start);
        let frame = speech.frame_at(toks, &t.quotes, at);
        // "Police denied rumours of riots after an armed man killed one person": what is
        // denied ends where a clause of its own begins; the figure after it is the
        // report's, not the denier's.
        let (frame, denied) = match frame {
            Some(f) if f.denial => {
                let own_clause = (f.act.end..at).any(|k| {
                    toks.get(k).is_some_and(|x| {
                        x.is_any(&["after", "when", "following", "because", "since", "while"])
                    })
                });
                if own_clause {
                    (None, false)
                } else {
                    (Some(f), true)
                }
            }
            other => (other, false),
        };
        if denied {
            continue;
        }
        // A sentence with no attribution of its own that goes on from an attributed one
        // ("According to the ministry's statement, 20 soldiers were killed. 4 civilians
        // were killed.") is the outlet's words, but it continues that account: whose
        // ground the account is on tells whose people it counts.
        let sentence_no = toks.get(at).map_or(0, |x| x.sentence);
        let continued = speech
            .frames
            .iter()
            .filter(|f| f.sentence < sentence_no && !f.denial)
            .rfind(|f| f.speaker.voice == Voice::Party && f.speaker.party.is_some())
            .filter(|_| frame.is_none() && speech.whole.is_none());
        // Such a sentence's figure is also that source's: a reader may file it under
        // either, and a source is more use to the reader than "unattributed".
        // Only the account told last: after "labour leaders said", the next sentence is
        // not the government's of two sentences before.
        let carried = speech
            .frames
            .iter()
            .rfind(|f| f.sentence < sentence_no && !f.denial)
            .filter(|f| continued.is_some_and(|c| std::ptr::eq(*f, c)))
            .filter(|_| !opens_with_date(t, sentence_no));
        let speaker: Option<&Referent> = frame
            .map(|f| &f.speaker)
            .or(speech.whole.as_ref())
            .or(carried.map(|f| &f.speaker));
        let own_words =
            toks.get(at).is_some_and(|x| x.quoted) || speech.whole.is_some() && frame.is_none();
        let according_to = match speaker {
            Some(r) if r.voice == Voice::Party || r.party.is_some() => Attribution {
                speaker: r.name.clone(),
                party: r.party.clone(),
                evidence: Some(r.evidence.clone()).filter(|e| !e.is_empty()),
            },
            Some(r) => Attribution {
                speaker: r.name.clone(),
                party: None,
                evidence: None,
            },
            None => outlet.clone(),
        };
        let sentence = read.sentence(toks);
        let surround = Surround {
            scope,
            tokens: t,
            claimant: speaker
                .or(continued.map(|f| &f.speaker))
                .or(office.as_ref())
                .filter(|r| r.voice == Voice::Party),
            own_words,
            paragraph,
            earlier,
            cx,
        };
        let side = side_of(&read, &surround);
        // "Ten people were killed and eight wounded": more of people who wait for the
        // story's place wait with them.
        let with_antecedent = read.victims.elliptical
            && out
                .last()
                .is_some_and(|(c, r, p): &(CasualtyClaim, Read, _)| {
                    p.is_some() && c.side.is_none() && r.sentence(toks) + 1 >= read.sentence(toks)
                });
        let placeable = if side.is_stated() {
            None
        } else if with_antecedent {
            out.last().and_then(|(_, _, p)| p.clone())
        } else {
            story_place_candidate(&read, &surround)
        };
        let who = match (
            read.victims.elliptical && read.victims.head.is_none(),
            earlier_who.last(),
        ) {
            (true, Some((s, w))) if *s + 1 >= sentence => w.clone(),
            _ => who_text(scope, &read),
        };
        earlier_who.push((sentence, who.clone()));
        let head = read
            .victims
            .head
            .and_then(|h| toks.get(h))
            .map(|h| h.norm.clone());
        earlier.push(Earlier {
            paragraph,
            sentence,
            end: read.span.end.max(read.victims.who.end),
            status: read.status,
            count: read.figure.count,
            head,
            side: side.clone(),
            claimant: surround.claimant.and_then(|c| c.party.clone()),
        });
        let sentence_range = t
            .sentences
            .get(sentence)
            .cloned()
            .unwrap_or(0..scope.text.len());
        let claim = CasualtyClaim {
            paragraph,
            count: read.figure.count,
            count_min: read.figure.min,
            count_max: read.figure.max,
            approx: read.approx,
            who,
            side: joined(&side),
            status: read.status,
            according_to,
            date: dated.get(sentence).copied().flatten(),
            excerpt: sentence_range,
            side_evidence: side.evidence.clone(),
        };
        let key = (
            claim.count,
            claim.count_min,
            claim.count_max,
            claim.status,
            claim.side.clone(),
            claim.according_to.speaker.clone(),
            claim.excerpt.start,
        );
        if seen.insert(key) {
            out.push((claim, read, placeable));
        }
    }
    let mut pairs: Vec<(CasualtyClaim, Read)> = Vec::new();
    let mut placeable = Vec::new();
    for (i, (c, r, p)) in out.into_iter().enumerate() {
        if let Some(agent) = p {
            placeable.push((i, agent));
        }
        pairs.push((c, r));
    }
    shared_heads(toks, &mut pairs);
    listed_before(toks, &mut pairs);
    totals(toks, &mut pairs);
    // A figure given a side here no longer waits for the story's place.
    placeable.retain(|(i, _)| pairs.get(*i).is_some_and(|(c, _)| c.side.is_none()));
    (pairs.into_iter().map(|(c, _)| c).collect(), placeable)
}

/// "El No Hospital received 105 injuries and 52 deaths": a figure with no side, listed
/// right before one of the same account whose side is stated, is of that side too. Never
/// across enemies ("two soldiers and six terrorists").
fn listed_before(toks: &[Token<'_>], claims: &mut [(CasualtyClaim, Read)]) {
    let hostile = |r: &Read| {
        toks.get(r.victims.who.clone())
            .is_some_and(|w| w.iter().any(|t| t.has(class::HOSTILE)))
    };
    for i in (0..claims.len().saturating_sub(1)).rev() {
        let (before, after) = claims.split_at_mut(i + 1);
        let ((c, r), (next, next_read)) = (&mut before[i], &after[0]);
        let gap = r.victims.who.end.max(r.span.end)..next_read.span.start;
        let listed = gap.len() <= 2
            && gap
                .clone()
                .all(|k| toks.get(k).is_some_and(|t| t.is_punct(',') || t.is("and")));
        if listed
            && c.side.is_none()
            && next.side.is_some()
            && !hostile(r)
            && !hostile(next_read)
            && r.sentence(toks) == next_read.sentence(toks)
            && c.according_to.speaker == next.according_to.speaker
        {
            c.side.clone_from(&next.side);
            c.side_evidence = next
                .side_evidence
                .as_ref()
                .map(|w| format!("listed with the figure after it: {w}"));
        }
    }
}

fn joined(side: &Side) -> Option<String> {
    (!side.parties.is_empty()).then(|| side.parties.join("+"))
}

/// "Armenia reported one dead, 13 captured, and 24 missing troops": figures listed before
/// the one that names its people count the same people, and so have its side.
fn shared_heads(toks: &[Token<'_>], claims: &mut [(CasualtyClaim, Read)]) {
    let list_word = |t: &Token<'_>| {
        t.is_punct(',')
            || t.is_any(&["and", "or"])
            || t.has(class::KILLED | class::INJURED | class::MISSING | class::CAPTURED)
    };
    // The figure whose words name the people, for each figure listed with it.
    let mut named: Vec<Option<(String, Option<String>)>> = vec![None; claims.len()];
    for i in (0..claims.len().saturating_sub(1)).rev() {
        let (before, after) = claims.split_at_mut(i + 1);
        let ((c, r), (next, next_read)) = (&mut before[i], &after[0]);
        let own_head = next_read
            .victims
            .head
            .is_some_and(|h| h >= next_read.span.end);
        let root = named[i + 1]
            .clone()
            .or_else(|| own_head.then(|| (next.who.clone(), next.side_evidence.clone())));
        let gap = r.span.end..next_read.span.start;
        let listed = !gap.is_empty()
            && gap.clone().all(|k| toks.get(k).is_some_and(list_word))
            && gap
                .clone()
                .any(|k| toks.get(k).is_some_and(|t| t.is_punct(',') || t.is("and")));
        if let Some(root) = root
            && listed
            && r.victims.head.is_none()
            && c.side.is_none()
            && next.side.is_some()
            && r.sentence(toks) == next_read.sentence(toks)
            && c.according_to.speaker == next.according_to.speaker
        {
            c.side = next.side.clone();
            c.side_evidence = Some(format!(
                "listed with “{}”: {}",
                root.0,
                root.1.as_deref().unwrap_or("its side")
            ));
            named[i] = Some(root);
        }
    }
}

/// "Five people — three police officers and two soldiers": a total whose parts, listed
/// right after it, name different sides covers all of them.
fn totals(toks: &[Token<'_>], claims: &mut [(CasualtyClaim, Read)]) {
    for i in 0..claims.len() {
        let (total, read) = (&claims[i].0, &claims[i].1);
        let Some(n) = total.count.or(total.count_min) else {
            continue;
        };
        let sentence = read.sentence(toks);
        let parts: Vec<usize> = (i + 1..claims.len())
            .take_while(|&j| {
                claims[j].1.sentence(toks) == sentence && claims[j].1.status == read.status
                    || claims[j].1.detail
            })
            .filter(|&j| claims[j].1.sentence(toks) == sentence)
            .collect();
        if let [j] = parts[..]
            && let Some(side) = widened(toks, &claims[i], &claims[j])
        {
            claims[i].0.side = Some(side.0);
            claims[i].0.side_evidence = Some(side.1);
            continue;
        }
        if parts.len() < 2 {
            continue;
        }
        let sum: u64 = parts.iter().filter_map(|&j| claims[j].0.count).sum();
        let mut sides: Vec<String> = Vec::new();
        for &j in &parts {
            for s in claims[j].0.sides() {
                if !sides.iter().any(|x| x == s) {
                    sides.push(s.to_string());
                }
            }
        }
        let listed = (read.span.end..claims[parts[0]].1.span.start).any(|k| {
            toks.get(k).is_some_and(|t| {
                t.is_punct('—')
                    || t.is_punct('–')
                    || t.is_punct(':')
                    || t.is_punct('(')
                    || t.is_punct('-')
                    || t.is("including")
            })
        });
        let all_sided = parts.iter().all(|&j| claims[j].0.side.is_some());
        // "50 personnel, including 42 army servicemen and 8 border service personnel":
        // parts of one side make a total of that side, when the total names none.
        if sum == n && listed && all_sided && sides.len() == 1 && claims[i].0.side.is_none() {
            claims[i].0.side = sides.pop();
            claims[i].0.side_evidence = Some("a total of its parts".to_string());
            continue;
        }
        if sum == n && listed && all_sided && sides.len() > 1 {
            let evidence = format!(
                "a total of its parts: {}",
                parts
                    .iter()
                    .map(|&j| claims[j].0.side.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            claims[i].0.side = Some(sides.join("+"));
            claims[i].0.side_evidence = Some(evidence);
        }
    }
}

/// "At least 16 people were injured, including two gang members": people counted
/// together, one of whose parts is another side's, are of both sides.
fn widened(
    toks: &[Token<'_>],
    (total, read): &(CasualtyClaim, Read),
    (part, part_read): &(CasualtyClaim, Read),
) -> Option<(String, String)> {
    let people = read
        .victims
        .head
        .and_then(|h| toks.get(h))
        .is_some_and(|h| h.is_any(&["people", "persons", "others", "individuals"]));
    let including = (read.span.end..part_read.span.start).any(|k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["including", "among"]))
    });
    let whole_count = total.count.or(total.count_min);
    if !people
        || !including
        || !part_read.detail
        || part.count.is_none_or(|n| Some(n) > whole_count)
    {
        return None;
    }
    let (whole, of_part) = (total.side.as_deref()?, part.side.as_deref()?);
    let mut sides: Vec<&str> = whole.split('+').collect();
    let new: Vec<&str> = of_part.split('+').filter(|s| !sides.contains(s)).collect();
    if new.is_empty() {
        return None;
    }
    sides.extend(new);
    Some((
        sides.join("+"),
        format!(
            "{}; and among them, {}",
            total.side_evidence.as_deref().unwrap_or(whole),
            part.side_evidence.as_deref().unwrap_or(of_part)
        ),
    ))
}

/// The phrase a claim shows for the people it counts.
fn who_text(scope: &Scope<'_>, read: &Read) -> String {
    let words = super::entities::phrase_text(scope.text, scope.toks, read.victims.who.clone());
    if words.is_empty() {
        match read.victims.head {
            Some(_) => words,
            None => "people".to_string(),
        }
    } else {
        words
    }
}

/// Whether sentence `s` opens by setting a date ("On October 7, 2023, Hamas launched"):
/// background in the outlet's voice, not more of the account before it.
fn opens_with_date(t: &Tokens<'_>, s: usize) -> bool {
    let range = sentence_tokens(t, s);
    let toks = t.toks.get(range).unwrap_or(&[]);
    toks.first()
        .is_some_and(|w| w.is_any(&["on", "in", "since", "until", "by"]))
        && toks.iter().skip(1).take(3).any(|w| {
            w.is_month() || w.text.len() == 4 && w.text.chars().all(|c| c.is_ascii_digit())
        })
}

/// The first date with its year that an undated story gives in its headline or its
/// first three paragraphs.
fn story_date(doc: &DocText<'_>) -> Option<chrono::NaiveDate> {
    doc.title
        .into_iter()
        .chain(doc.paragraphs.iter().take(3).map(String::as_str))
        .find_map(|text| find_dates(text, None).first().map(|d| d.date))
}
