//! People counted by their names or one by one: "a policeman was killed", "British church
//! envoy Terry Waite was kidnapped", "Pfc. John Smith, 21, and Cpl. Tom Brown were killed".

use super::*;

/// One person: "a policeman was killed", "killing a U.S. adviser", "British church envoy
/// Terry Waite ... was kidnapped". Counted as 1, where no figure covers the clause.
pub(super) fn singles(
    toks: &[Token<'_>],
    is_name: &dyn Fn(usize) -> bool,
    found: &[Read],
) -> Vec<Read> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let Some(t) = toks.get(k) else { continue };
        let sentence = t.sentence;
        let covered = |at: usize| {
            found.iter().chain(&out).any(|r: &Read| {
                r.sentence(toks) == sentence
                    && (r.span.contains(&at) || r.victims.who.contains(&at))
            })
        };
        // "a policeman", "an adviser", "one soldier": the article and a singular head.
        // "Aliyev Tunar Goshgar, a resident of Ganja, was killed": an apposition to a name
        // is the person the name counts.
        let apposition = k >= 3
            && toks.get(k - 1).is_some_and(|p| p.is_punct(','))
            && is_name(k - 2)
            && is_name(k - 3);
        // "Another woman from Kherson was wounded": one more person.
        // "another 10 servicemen": the figure's own.
        let another_figure = t.is("another") && starts_number(toks, k + 1);
        // "seven soldiers, including a captain, were killed": one of the figure before,
        // with its status.
        let detailed = (t.is_any(&["a", "an"]) && k >= 2 && toks[k - 1].is("including"))
            .then(|| {
                found.iter().rev().find(|r| {
                    r.sentence(toks) == sentence
                        && r.victims.who.end < k
                        && r.victims.who.end + 2 >= k - 1
                })
            })
            .flatten();
        // "Armenia claimed its soldier was killed": one of the owner's fighters.
        // Not "one of its soldier": the figure before counts them.
        let owned = t.is_any(&["its", "our"]) && !(k > 0 && toks[k - 1].is("of"));
        if (t.is_any(&["a", "an", "another"]) || owned)
            && !covered(k)
            && !apposition
            && !another_figure
        {
            let single = victims::single_after(toks, k + 1).filter(|v| {
                !owned
                    || v.head.and_then(|h| toks.get(h)).is_some_and(|h| {
                        // One of them: "its soldier", not "our servicemen".
                        h.has(class::COMBATANT)
                            && !h.norm.ends_with('s')
                            && !h.norm.ends_with("men")
                            && !h.is("personnel")
                    })
            });
            let Some(mut victims) = single else {
                if owned {
                    continue;
                }
                if let Some(one) = another_alone(toks, k) {
                    out.push(one);
                }
                continue;
            };
            if owned {
                victims.possessive = Some(k);
            }
            let mut span = one_person(k, k + 1);
            // "a 16-year-old girl and an 18-year-old boy", "a mother and daughter": two
            // people joined by "and" are two.
            // "a woman in her 60s and a man around 30": an age between the two.
            let after_age = skip_age(toks, victims.who.end);
            let and_at = Some(after_age).filter(|&j| {
                toks.get(j).is_some_and(|t| t.is("and"))
                    && (j == victims.who.end
                        || toks.get(j + 1).is_some_and(|t| t.is_any(&["a", "an"])))
            });
            if let Some(and_at) = and_at {
                let second = and_at + 1;
                // "and her two bodyguards": a number of people of hers.
                let numbered = toks
                    .get(second)
                    .is_some_and(|t| t.is_any(&["her", "his", "their"]))
                    && starts_number(toks, second + 1)
                    && toks.get(second + 2).is_some_and(victims::is_people);
                let joined = if numbered {
                    Some(Victims {
                        who: second..second + 3,
                        head: Some(second + 2),
                        possessive: None,
                        elliptical: false,
                    })
                } else if toks.get(second).is_some_and(|t| t.is_any(&["a", "an"])) {
                    victims::single_after(toks, second + 1)
                } else {
                    victims::single_after(toks, second)
                };
                if let Some(other) = joined {
                    // "a woman and her two grandchildren": one and the number after.
                    let more = (second..other.who.end)
                        .filter_map(|j| toks.get(j))
                        .find_map(|t| crate::extract::numbers::token_value(&t.norm))
                        .filter(|&n| (2..1000).contains(&n))
                        .unwrap_or(1);
                    victims.who.end = other.who.end;
                    victims.head = other.head;
                    span.figure.count = Some(1 + more);
                }
            }
            let end = victims.who.end;
            if let Some(whole) = detailed {
                out.push(read(
                    &span,
                    toks,
                    victims,
                    whole.status,
                    Voice::Passive,
                    true,
                ));
                continue;
            }
            if let Some((status, voice)) = verb_before(toks, k, end) {
                if !matches!(voice, Voice::Lost { .. }) {
                    out.push(read(&span, toks, victims, status, voice, false));
                }
                continue;
            }
            if let Some((status, _)) = predicate_after(toks, skip_age(toks, end)) {
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
                continue;
            }
            // "A kidnapped Saudi Arabian diplomat has been freed": the adjective is what
            // happened to him.
            if let Some(status) = adjective_status(toks, k + 1) {
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
            }
            continue;
        }
        // "Kidnapped Japanese businessman Noboyuki Wakaoji is alive": the same, opening the
        // sentence.
        let opens = k == 0 || toks.get(k - 1).is_some_and(|p| p.sentence != sentence);
        if opens
            && !covered(k)
            && let Some(status) = adjective_status(toks, k)
            && let Some(victims) = victims::single_after(toks, k)
        {
            let span = one_person(k, k);
            out.push(read(&span, toks, victims, status, Voice::Passive, false));
            continue;
        }
        // A named person: "Terry Waite, missing since January, was kidnapped".
        if is_name(k) && (k == 0 || !is_name(k - 1)) && !covered(k) {
            let mut end = k;
            while end < toks.len() && is_name(end) {
                end += 1;
            }
            // "Arakan Rohingya Army (ARA) ... were taken as prisoners": a body's name
            // counts no one person.
            let body = toks.get(end - 1..=end).is_some_and(|w| {
                w.iter()
                    .any(|n| n.capitalized() && n.has(class::INSTITUTION | class::GROUP_NOUN))
            });
            if end - k < 2
                || body
                || toks.get(end).is_some_and(|n| {
                    n.is("and") || n.is_punct(',') && toks.get(end + 2).is_some_and(|x| x.is("and"))
                })
            {
                continue;
            }
            let span = one_person(k, k);
            let victims = Victims {
                who: k..end,
                head: Some(end - 1),
                possessive: None,
                elliptical: false,
            };
            let subject_end = victims::skip_apposition(toks, end);
            // "Aliyev Tunar Goshgar, a resident of Ganja,": the apposition says who the
            // person is, and where from.
            let victims =
                if subject_end > end && toks.get(end + 1).is_some_and(|t| t.is_any(&["a", "an"])) {
                    Victims {
                        who: k..subject_end - 1,
                        ..victims
                    }
                } else {
                    victims
                };
            if let Some((status, pred_end)) =
                predicate_after(toks, subject_end).filter(|(s, _)| *s != Status::Missing)
            {
                if status == Status::Captured
                    && toks
                        .get(pred_end.saturating_sub(1))
                        .is_some_and(|x| x.has(class::ARREST))
                {
                    continue;
                }
                // "Turkish bombardments against ... Zakho have killed eight tourists": the
                // name is where, or who did it; a victim's verb is passive.
                let words = toks.get(subject_end..pred_end).unwrap_or(&[]);
                let perfect = words.iter().any(|x| x.is_any(&["have", "has", "had"]))
                    && !words.iter().any(|x| x.is("been"));
                let object = toks.get(pred_end).is_some_and(|x| {
                    x.word && x.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                        || crate::extract::numbers::token_value(&x.norm).is_some()
                });
                if perfect || object {
                    continue;
                }
                out.push(read(&span, toks, victims, status, Voice::Passive, false));
            }
        }
    }
    out
}

/// "One soldier was killed and another sustained injuries", "left three officers dead and
/// another in serious condition": "another" alone after "and" is one more of the people
/// before, with its own status.
fn another_alone(toks: &[Token<'_>], k: usize) -> Option<Read> {
    let t = toks.get(k)?;
    let after_and = k
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .is_some_and(|p| p.is("and") && p.sentence == t.sentence);
    if !t.is("another") || !after_and {
        return None;
    }
    let next = toks.get(k + 1).filter(|n| n.sentence == t.sentence)?;
    // "and another sustained injuries", "and another in serious condition": an idiom of
    // its own right after it; or its verb: "and another was wounded".
    let status = match predicates::idiom_at(toks, k + 1, t.sentence) {
        Some((status, _)) => status,
        None if next.has(class::AUXILIARY) || status_word(next).is_some() => {
            predicate_after(toks, k + 1)?.0
        }
        None => return None,
    };
    let victims = Victims {
        who: k..k + 1,
        head: None,
        possessive: None,
        elliptical: true,
    };
    Some(read(
        &one_person(k, k + 1),
        toks,
        victims,
        status,
        Voice::Passive,
        false,
    ))
}

/// Past an age after one person: "in her 60s", "aged 45", "around 30".
fn skip_age(toks: &[Token<'_>], at: usize) -> usize {
    let opens = toks
        .get(at)
        .is_some_and(|t| t.is_any(&["in", "aged", "around", "about"]));
    let age = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                || t.is_any(&[
                    "his",
                    "her",
                    "their",
                    "early",
                    "late",
                    "mid",
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                ])
        })
    };
    if !opens {
        return at;
    }
    let mut k = at + 1;
    while k < at + 4 && age(k) {
        k += 1;
    }
    let last_is_age = k > at + 1
        && toks.get(k - 1).is_some_and(|t| {
            t.text.chars().next().is_some_and(|c| c.is_ascii_digit()) || t.norm.ends_with("ies")
        });
    if last_is_age { k } else { at }
}

/// The figure of one person whose words start at `first`.
fn one_person(first: usize, end: usize) -> FigureSpan {
    FigureSpan {
        figure: Figure {
            count: Some(1),
            min: None,
            max: None,
        },
        first,
        end,
    }
}

/// A casualty word used as an adjective before one person: "kidnapped", "wounded", "slain";
/// not an arrest ("detained", "jailed").
fn adjective_status(toks: &[Token<'_>], k: usize) -> Option<Status> {
    let t = toks.get(k)?;
    if t.has(class::ARREST) || t.is_any(&["taken", "dead", "dying"]) {
        return None;
    }
    status_word(t).filter(|_| t.norm.ends_with("ed") || t.is_any(&["slain", "missing", "hurt"]))
}

/// "Pfc. John Smith, 21, Sgt. Maria Lopez, 30, and Cpl. Tom Brown were killed": a list of
/// two or more named people before "were" and a casualty word counts as that many.
pub(super) fn named_lists(
    toks: &[Token<'_>],
    is_name: &dyn Fn(usize) -> bool,
    found: &[Read],
) -> Vec<Read> {
    let mut out = Vec::new();
    for (k, tok) in toks.iter().enumerate() {
        // "... were killed", "... have been wounded", "... died", "... became martyrs".
        let (status, aux) = match status_word(tok) {
            Some(status) if k > 0 && toks.get(k - 1).is_some_and(|t| t.is("were")) => {
                (status, k - 1)
            }
            Some(status)
                if k > 1
                    && toks.get(k - 1).is_some_and(|t| t.is("been"))
                    && toks.get(k - 2).is_some_and(|t| t.is_any(&["have", "had"])) =>
            {
                (status, k - 2)
            }
            Some(Status::Killed) if tok.is_any(&["died", "perished"]) => (Status::Killed, k),
            // "... received injuries", "... sustained wounds".
            _ if tok.is_any(&["received", "sustained", "suffered"])
                && predicates::idiom_at(toks, k, tok.sentence).is_some() =>
            {
                (Status::Injured, k)
            }
            _ if tok.is("became")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_any(&["martyrs", "shaheeds"])) =>
            {
                (Status::Killed, k)
            }
            _ => continue,
        };
        // "Almaz Aliyeva (born in 2013) became martyrs": an aside after the last name,
        // and the comma after it.
        let mut list_end = aux;
        if list_end > 0 && toks.get(list_end - 1).is_some_and(|t| t.is_punct(',')) {
            list_end -= 1;
        }
        // "the soldiers -- Hrach Sargsian, Zohrab Balabekian and Karen Davtian -- died":
        // the dash closing a list set off by dashes.
        while list_end > 0 && toks.get(list_end - 1).is_some_and(set_off) {
            list_end -= 1;
        }
        if list_end > 0
            && toks.get(list_end - 1).is_some_and(|t| t.is_punct(')'))
            && let Some(open) = (list_end.saturating_sub(8)..list_end - 1)
                .rev()
                .find(|&j| toks.get(j).is_some_and(|t| t.is_punct('(')))
        {
            list_end = open;
        }
        let Some((start, count)) = victims::names_before(toks, is_name, list_end) else {
            continue;
        };
        let sentence = tok.sentence;
        if found
            .iter()
            .any(|r| r.sentence(toks) == sentence && r.status == status)
        {
            continue;
        }
        let span = FigureSpan {
            figure: Figure {
                count: Some(count),
                min: None,
                max: None,
            },
            first: start,
            end: start,
        };
        // "the soldiers -- A, B and C -- died": the noun the dash sets the names after
        // says who they were.
        let mut before = start;
        while before > 0 && toks.get(before - 1).is_some_and(set_off) {
            before -= 1;
        }
        let noun = (before < start && before > 0)
            .then(|| before - 1)
            .filter(|&j| toks.get(j).is_some_and(victims::is_people));
        let victims = Victims {
            who: noun.unwrap_or(start)..list_end,
            head: noun,
            possessive: None,
            elliptical: false,
        };
        out.push(read(&span, toks, victims, status, Voice::Passive, false));
    }
    out
}

/// A dash that sets names off: an em or en dash, or the hyphens of "--".
fn set_off(t: &Token<'_>) -> bool {
    t.is_punct('-') || is_dash(t)
}
