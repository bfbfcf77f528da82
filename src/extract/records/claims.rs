//! Casualty claims: each figure of a paragraph with its people, their side and the
//! source that gives it, and the figures listed or totalled together.

use super::*;

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
pub(super) fn claims(
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
    let mut earlier_who: Vec<(usize, String, Option<String>)> = Vec::new();
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
        // "Azerbaijan has apologized for shooting down a helicopter, which killed two
        // servicemen", "organisations have condemned the killing of over 100 civilians":
        // what a speaker condemns, mourns or apologises for is not a figure it gives.
        let judged = frame.is_some_and(|f| {
            let verb = toks.get(f.act.start);
            let judging = verb.is_some_and(|v| {
                v.is_any(&[
                    "condemned",
                    "condemns",
                    "apologized",
                    "apologised",
                    "apologizes",
                    "apologises",
                    "mourned",
                    "mourns",
                    "deplored",
                    "denounced",
                    "lamented",
                    "regretted",
                    "decried",
                ])
            });
            // "Iraq condemned the strikes, saying they had killed one": words said after all.
            let reported = toks.get(f.act.end).is_some_and(|n| n.is("that"))
                || (f.act.end..at).any(|k| toks.get(k).is_some_and(|x| x.has(class::PARTICIPLE)));
            judging && !reported && at > f.act.end && !toks.get(at).is_some_and(|x| x.quoted)
        });
        let frame = if judged { None } else { frame };
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
        // "In Kharkiv, 17 people are missing after a Russian attack. These are employees
        // and visitors, according to Kharkiv police.": an account closing the next
        // sentence of the paragraph gives the figure before it too.
        let closing = speech
            .frames
            .iter()
            .find(|f| {
                f.sentence == sentence_no + 1
                    && !f.denial
                    && (f.content.start < f.act.start
                        && toks.get(f.act.start).is_some_and(|x| x.is("according"))
                        || points_back(toks, f.act.end)
                        || reported_back(toks, f.act.start))
                    && f.speaker.voice == Voice::Party
            })
            .filter(|_| frame.is_none() && speech.whole.is_none() && carried.is_none());
        let speaker: Option<&Referent> = frame
            .map(|f| &f.speaker)
            .or(speech.whole.as_ref())
            .or(carried.map(|f| &f.speaker))
            .or(closing.map(|f| &f.speaker));
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
        // The figure's own side, with the parties it includes by name; the figures after it
        // that take its side take the side before those.
        let included = with_included(&read, &surround, side.clone());
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
        // "… and four were wounded": the people named before, unless they are another
        // side's ("5 Azerbaijani servicemen were killed. The Armenian side has one
        // wounded").
        let who = match (
            read.victims.elliptical && read.victims.head.is_none(),
            earlier_who.last(),
        ) {
            (true, Some((s, w, theirs)))
                if *s + 1 >= sentence && (!side.is_stated() || *theirs == joined(&side)) =>
            {
                w.clone()
            }
            _ => who_text(scope, &read),
        };
        earlier_who.push((sentence, who.clone(), joined(&side)));
        let head = read
            .victims
            .head
            .and_then(|h| toks.get(h))
            .map(|h| h.norm.to_string());
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
        let side = included;
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
    let words =
        super::super::entities::phrase_text(scope.text, scope.toks, read.victims.who.clone());
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
        && toks
            .iter()
            .skip(1)
            .take(3)
            .any(|w| w.is_month() || w.is_year())
}

/// "Reznichenko reported on this development", "the ministry confirmed this": an act of
/// saying whose object points back at the sentence before it.
fn points_back(toks: &[Token<'_>], after_act: usize) -> bool {
    let at = |k: usize| toks.get(k);
    at(after_act).is_some_and(|x| x.is("this"))
        || at(after_act).is_some_and(|x| x.is_any(&["on", "about", "of"]))
            && at(after_act + 1).is_some_and(|x| x.is("this"))
}

/// "This was reported by the head of the Donetsk Regional Military-Civil Administration":
/// a passive of saying whose subject points back at the sentence before it.
fn reported_back(toks: &[Token<'_>], act: usize) -> bool {
    let at = |back: usize| act.checked_sub(back).and_then(|k| toks.get(k));
    at(1).is_some_and(|x| x.is_any(&["was", "were"]))
        && at(2).is_some_and(|x| x.is_any(&["this", "that"]))
        && toks.get(act + 1).is_some_and(|x| x.is("by"))
}
