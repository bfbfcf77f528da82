//! The predicate after a figure's phrase: "were killed", "died", "lost their lives", "were
//! taken prisoner", and the casualty idioms of several words ("treated in hospital",
//! "laid down their weapons", "communication was lost").

use super::super::status_noun;
use super::super::victims::is_people;
use super::{CAPTIVE, status_word};
use crate::extract::Status;
use crate::extract::lexicon::class;
use crate::extract::numbers::starts_number;
use crate::extract::tokens::{Token, is_quote_mark};

/// Words a predicate search may step over: prepositional phrases, coordination.
const PASSABLE: &[&str] = &[
    "in",
    "on",
    "at",
    "near",
    "during",
    "from",
    "of",
    "the",
    "a",
    "an",
    "its",
    "their",
    "including",
    "among",
    "them",
    "whom",
    "and",
    "two",
    "both",
    "other",
    "others",
    "more",
    "inside",
    "outside",
    "across",
    "along",
    "attack",
    "strike",
    "shelling",
    "shootout",
    "clash",
    "clashes",
    "fighting",
    "incident",
    "explosion",
    "blast",
    "raid",
    "mostly",
    "mainly",
    "largely",
    "most",
    "many",
    "all",
    "his",
    "her",
    "own",
    "knifed",
    "stabbed",
    "shot",
    "beaten",
    "hacked",
    "or",
    // "200 people on their side, including children, were killed".
    "side",
    "sides",
];

/// The casualty verb after the phrase: "were killed", "died", "lost their lives", "were
/// taken prisoner", "were shot to death"; with the token after it. A relative clause ("who
/// had been ... were taken captive") is stepped over. "Fatally wounded" and "mortally
/// wounded" are killed.
pub(crate) fn predicate_after(toks: &[Token<'_>], from: usize) -> Option<(Status, usize)> {
    let (status, end) = casualty_verb_after(toks, from)?;
    let fatal = status == Status::Injured
        && end >= 2
        && toks
            .get(end - 1)
            .is_some_and(|t| t.is_any(&["wounded", "injured"]))
        && toks
            .get(end - 2)
            .is_some_and(|t| t.is_any(&["fatally", "mortally"]));
    Some((if fatal { Status::Killed } else { status }, end))
}

fn casualty_verb_after(toks: &[Token<'_>], from: usize) -> Option<(Status, usize)> {
    let sentence = toks.get(from.checked_sub(1)?).map(|t| t.sentence)?;
    let mut aux = false;
    let mut relative = false;
    let mut aside = false;
    for k in from..from + 16 {
        let t = toks.get(k).filter(|t| t.sentence == sentence)?;
        if aside || t.is_punct('(') {
            aside = !t.is_punct(')');
            continue;
        }
        // "Five people — three police officers and two soldiers — were killed": an
        // aside between dashes.
        if k == from && (t.is_punct('—') || t.is_punct('–')) {
            let close = (k + 1..k + 20).find(|&j| {
                toks.get(j)
                    .is_some_and(|n| n.sentence != sentence || n.is_punct('—') || n.is_punct('–'))
            });
            if let Some(close) =
                close.filter(|&j| toks.get(j).is_some_and(|n| n.sentence == sentence))
            {
                return predicate_after(toks, close + 1);
            }
        }
        // "Forty children aged below 18 are among those killed": an age after the people.
        if k == from && t.is("aged") {
            let mut j = k + 1;
            if toks
                .get(j)
                .is_some_and(|n| n.is_any(&["below", "under", "over", "above", "between", "from"]))
            {
                j += 1;
            }
            if starts_number(toks, j) {
                j += 1;
                if toks.get(j).is_some_and(|n| n.is_any(&["and", "to"]))
                    && starts_number(toks, j + 1)
                {
                    j += 2;
                }
                return predicate_after(toks, j);
            }
        }
        // "ten soldiers, nine enlisted men and one officer, had died", "Two sisters, both
        // age 14, died": an apposition between commas, then the verb.
        if k == from && t.is_punct(',') {
            // "The 24 servicemen, with whom the communication was interrupted on November
            // 16, have been captured": a relative clause between commas, verbs and all.
            let opener = toks.get(k + 1).is_some_and(|n| {
                n.is_any(&["who", "whom", "whose", "which"])
                    || n.is("with") && toks.get(k + 2).is_some_and(|w| w.is("whom"))
            });
            if opener
                && let Some(close) = (k + 2..k + 24).find(|&j| {
                    toks.get(j)
                        .is_none_or(|n| n.sentence != sentence || n.is_punct(','))
                })
                && toks.get(close).is_some_and(|n| n.sentence == sentence)
                && let Some(found) =
                    predicate_after(toks, close + 1).filter(|(_, at)| *at <= close + 4)
            {
                return Some(found);
            }
            let close = (k + 1..k + 11).find(|&j| {
                toks.get(j)
                    .is_none_or(|n| n.sentence != sentence || n.is_punct(','))
            });
            let plain = |j: usize| {
                toks.get(j).is_some_and(|n| {
                    !n.has(class::AUXILIARY | class::SPEECH_VERB)
                        && status_word(n).is_none()
                        && !n.is_any(&["including", "among", "mostly", "mainly", "and", "or"])
                        || n.is("and") && j > k + 2
                })
            };
            // "180 soldiers, 12 service members of the Interior Ministry, and one civilian
            // were killed": the last item of a list, after "and", leads to the verb.
            let last_item = |close: usize| {
                toks.get(close + 1).is_some_and(|n| n.is("and"))
                    && starts_number(toks, close + 2)
                    && (k + 1..close).all(|j| {
                        toks.get(j)
                            .is_some_and(|n| !n.is("and") && !n.is_punct('(') && !n.is_punct(')'))
                    })
            };
            if let Some(close) = close.filter(|&j| {
                j > k + 1
                    && toks.get(j).is_some_and(|n| n.sentence == sentence)
                    && (k + 1..j).all(plain)
            }) && let Some(found) = predicate_after(toks, close + 1)
                .filter(|(_, at)| *at <= close + 3 || last_item(close))
            {
                return Some(found);
            }
        }
        // "31 soldiers and three army auxiliaries were killed", "Two journalists and a
        // local official died": a second figure of people coordinated with the first
        // shares its verb.
        if t.is("and")
            && (starts_number(toks, k + 1)
                || toks.get(k + 1).is_some_and(|n| n.is_any(&["a", "an"])))
        {
            let verb = (k + 2..k + 10)
                .take_while(|&j| {
                    toks.get(j)
                        .is_some_and(|n| n.sentence == sentence && n.word)
                })
                .find(|&j| {
                    toks.get(j).is_some_and(|n| {
                        n.has(class::AUXILIARY) || status_word(n).is_some() || n.is("fell")
                    })
                });
            if let Some(verb) = verb {
                return predicate_after(toks, verb);
            }
        }
        // "At least 45 Palestinians, including at least 23 women and children, were
        // killed": a detail set off by commas.
        let detail = if t.is_punct(',') { k + 1 } else { k };
        if toks
            .get(detail)
            .is_some_and(|n| n.is_any(&["including", "among", "mostly", "mainly"]))
        {
            let close = (detail + 1..k + 16).find(|&j| {
                toks.get(j)
                    .is_some_and(|n| n.sentence != sentence || n.is_punct(','))
            });
            if let Some(close) =
                close.filter(|&j| toks.get(j).is_some_and(|n| n.sentence == sentence))
            {
                // "264 soldiers, including 53 wounded, had left the plant": a detail
                // set off by commas says nothing of the figure in its own words.
                // Unless the verb comes before that comma: "15 residents, including two
                // women and four children were killed, and nearly 60 injured".
                let verb_inside = (detail + 1..close)
                    .any(|j| toks.get(j).is_some_and(|n| n.has(class::AUXILIARY)));
                let found = predicate_after(toks, close + 1);
                if found.is_some() || t.is_punct(',') && !verb_inside {
                    return found;
                }
            }
            // "Three Sikhs including preacher Amrik Singh were killed", "15 residents,
            // including two women and four children were killed": no comma closes the
            // detail; the verb does.
            let verb = (detail + 1..k + 16)
                .take_while(|&j| {
                    toks.get(j)
                        .is_some_and(|n| n.sentence == sentence && !n.is_punct(','))
                })
                .find(|&j| {
                    toks.get(j)
                        .is_some_and(|n| n.is_any(&["were", "was", "are", "is"]))
                });
            if toks.get(detail).is_some_and(|n| n.is("including"))
                && let Some(found) = verb.and_then(|v| predicate_after(toks, v))
            {
                return Some(found);
            }
        }
        // "not accounted for" is no negation of a casualty: it is one.
        if t.has(class::NEGATION)
            && !(t.is("not") && toks.get(k + 1).is_some_and(|n| n.is("accounted")))
        {
            return None;
        }
        // "21 “terrorists” had been killed": the mark closing the quoted noun; "had
        // “laid down their weapons”": the mark opening a quoted predicate.
        if is_quote_mark(t.text)
            && (k == from || toks.get(k - 1).is_some_and(|p| p.has(class::AUXILIARY)))
        {
            continue;
        }
        let next = toks.get(k + 1).filter(|n| n.sentence == sentence);
        if t.is("missing") && next.is_some_and(|n| n.is_any(&["through", "out"])) {
            return None;
        }
        if t.is("dead") && next.is_some_and(|n| n.is_any(&["weight", "weight-tons", "end", "heat"]))
        {
            return None;
        }
        // "shot to death", "shot dead", "burned to death", "beaten to death".
        if t.is_any(&[
            "shot", "stabbed", "beaten", "burned", "burnt", "hacked", "knifed", "clubbed",
            "stoned", "starved", "tortured", "crushed",
        ]) {
            if next.is_some_and(|n| n.is("dead")) {
                return Some((Status::Killed, k + 2));
            }
            if next.is_some_and(|n| n.is("to")) && toks.get(k + 2).is_some_and(|n| n.is("death")) {
                return Some((Status::Killed, k + 3));
            }
        }
        if let Some(status) = status_word(t) {
            let undone = relative
                && (k + 1..k + 10)
                    .map_while(|j| toks.get(j).filter(|n| n.sentence == sentence))
                    .any(|n| n.is_any(&["found", "rescued", "freed", "located", "released"]));
            if undone {
                return None;
            }
            let transitive = t.is_any(&[
                "killed",
                "wounded",
                "injured",
                "captured",
                "abducted",
                "kidnapped",
                "seized",
                "executed",
                "murdered",
            ]);
            let object_follows = next.is_some_and(|n| {
                starts_number(toks, k + 1)
                    || n.is_any(&["the", "a", "an", "his", "her", "their", "its", "our"])
                    || n.has(class::PEOPLE)
            });
            let qualifies = k == from
                && next.is_some_and(|n| n.has(class::PEOPLE))
                && t.is_any(&["wounded", "injured", "dead"]);
            if qualifies {
                return Some((status, k + 2));
            }
            // "the eleven military who died Friday": a death in a relative clause needs no
            // auxiliary; "gunmen who killed ..." is the killers'.
            let died = t.is_any(&["died", "perished"]);
            if (transitive && !aux && object_follows) || (relative && !aux && !died) {
                return None;
            }
            // "killed or wounded": both at once.
            if next.is_some_and(|n| n.is("or"))
                && toks
                    .get(k + 2)
                    .and_then(status_word)
                    .is_some_and(|s| s != status)
            {
                return Some((Status::KilledOrInjured, k + 3));
            }
            // "A resident, who was wounded in the shelling, has died in hospital".
            if relative
                && status == Status::Injured
                && let Some(end) = died_after_clause(toks, k + 1, sentence)
            {
                return Some((Status::Killed, end));
            }
            return Some((status, k + 1));
        }
        if t.is("lost")
            && next.is_some_and(|n| n.is_any(&["their", "his", "her", "its"]))
            && toks
                .get(k + 2)
                .is_some_and(|n| n.is_any(&["lives", "life"]))
        {
            return Some((Status::Killed, k + 3));
        }
        if let Some((status, end)) = idiom_at(toks, k, sentence) {
            return Some((status, end));
        }
        let captive = next.is_some_and(|n| n.is_any(CAPTIVE));
        if t.is_any(&["taken", "held", "being"]) && captive {
            return Some((Status::Captured, k + 2));
        }
        // "126 people held as hostages by Hamas".
        if t.is_any(&["taken", "held", "kept"])
            && next.is_some_and(|n| n.is("as"))
            && toks.get(k + 2).is_some_and(|n| n.is_any(CAPTIVE))
        {
            return Some((Status::Captured, k + 3));
        }
        if t.is("unaccounted") {
            return Some((Status::Missing, k + 1));
        }
        if t.is("captivity") {
            return Some((Status::Captured, k + 1));
        }
        let modifier = k == from
            && t.word
            && !PASSABLE.contains(&t.norm.as_str())
            && !t.is("during")
            && (t.norm.ends_with("ing")
                || t.is_any(&[
                    "stationed",
                    "based",
                    "deployed",
                    "posted",
                    "assigned",
                    "identified",
                    "named",
                    "described",
                    "known",
                    "believed",
                    "thought",
                    "listed",
                    "employed",
                    "working",
                    "aboard",
                    "travelling",
                    "traveling",
                    "held",
                    "remaining",
                ]));
        // "three soldiers on a military truck were burned": a place phrase after the people.
        if t.is_any(&["on", "in", "aboard", "at", "near", "inside", "from", "of"])
            && !aux
            && !relative
        {
            let mut j = k + 1;
            while j < k + 6
                && toks.get(j).is_some_and(|n| {
                    n.sentence == sentence
                        && n.word
                        && !n.has(class::AUXILIARY)
                        && status_word(n).is_none()
                        && !n.has(class::SPEECH_VERB)
                        // "125 members of the government’s security forces and 148 pro
                        // Assad fighters have been killed": the next figure of the list.
                        && !(n.is("and") && starts_number(toks, j + 1))
                })
                && idiom_at(toks, j, sentence).is_none()
            {
                j += 1;
            }
            if toks.get(j).is_some_and(|n| n.is("and")) && starts_number(toks, j + 1) {
                return predicate_after(toks, j);
            }
            // "13 brave sons of soil embraced Shahadat": or at an idiom of several words.
            if toks
                .get(j)
                .is_some_and(|n| n.has(class::AUXILIARY) || status_word(n).is_some())
                || idiom_at(toks, j, sentence).is_some()
            {
                // Resume at the verb.
                return predicate_after(toks, j);
            }
        }
        if modifier && !relative {
            relative = true;
            aux = false;
            continue;
        }
        if t.is_any(&["who", "which"]) && !relative {
            relative = true;
            aux = false;
        } else if t.has(class::AUXILIARY) {
            aux = true;
        } else if relative {
            aux = false;
        } else if !(t.is_punct(',')
            || t.is_punct('—')
            || t.is_punct('–')
            || PASSABLE.contains(&t.norm.as_str())
            || starts_number(toks, k)
            || is_people(t)
            || t.capitalized()
            || adverb(t)
                && next.is_some_and(|n| {
                    n.has(class::AUXILIARY) || status_word(n).is_some() || adverb(n)
                }))
        {
            return None;
        }
    }
    None
}

/// The main verb after a relative clause that ends at a comma, when it says the person
/// died: ", has died", ", later died", ", succumbed to".
fn died_after_clause(toks: &[Token<'_>], from: usize, sentence: usize) -> Option<usize> {
    let comma = (from..from + 16)
        .take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sentence))
        .find(|&k| toks.get(k).is_some_and(|t| t.is_punct(',')))?;
    let verb = (comma + 1..comma + 4)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && t.word)
        })
        .find(|&k| {
            toks.get(k)
                .is_some_and(|t| !t.is_any(&["has", "had", "later", "since", "subsequently"]))
        })?;
    toks.get(verb)
        .is_some_and(|t| t.is_any(&["died", "succumbed"]))
        .then_some(verb + 1)
}

/// "heroically", "reportedly": an adverb a predicate may carry right before its verb.
fn adverb(t: &Token<'_>) -> bool {
    t.word && t.norm.len() > 5 && t.norm.ends_with("ly") && !t.norm.ends_with("ily")
        || t.is_any(&[
            "also",
            "later",
            "then",
            "subsequently",
            "allegedly",
            "reportedly",
        ])
}

/// Casualty phrases of several words at `k`.
pub(crate) fn idiom_at(toks: &[Token<'_>], k: usize, sentence: usize) -> Option<(Status, usize)> {
    let t = toks.get(k)?;
    let at = |j: usize| toks.get(j).filter(|n| n.sentence == sentence);
    let is = |j: usize, words: &[&str]| at(j).is_some_and(|n| n.is_any(words));
    if t.is_any(&["embraced", "embraces", "attained"]) && is(k + 1, &["shahadat", "martyrdom"]) {
        return Some((Status::Killed, k + 2));
    }
    // "About 79 residents of Barda fell victim to the missile strike": hit, killed or
    // hurt, the words do not say which.
    if t.is_any(&["fell", "fallen", "fall", "falls", "falling"])
        && is(k + 1, &["victim", "victims", "prey"])
        && is(k + 2, &["to", "of"])
    {
        return Some((Status::KilledOrInjured, k + 2));
    }
    // "six of their own had fallen": killed, with the clause ending there.
    if t.is("fallen")
        && k > 0
        && toks
            .get(k - 1)
            .is_some_and(|p| p.is_any(&["had", "have", "has"]))
        && at(k + 1).is_none_or(|n| {
            n.is_punct('.') || n.is_punct(',') || n.is_any(&["in", "while", "during"])
        })
    {
        return Some((Status::Killed, k + 1));
    }
    // "one survivor passed away later in hospital".
    if t.is_any(&["passed", "pass", "passes", "passing"]) && is(k + 1, &["away"]) {
        return Some((Status::Killed, k + 2));
    }
    // "have suffered from mine explosions", "hit a landmine", "stepped on an anti-tank
    // mine": hurt or killed, the words do not say which.
    let blast = |j: usize| {
        is(
            j,
            &[
                "explosion",
                "explosions",
                "blast",
                "blasts",
                "mine",
                "mines",
                "landmine",
                "landmines",
            ],
        )
    };
    if t.is_any(&["suffered", "suffering"])
        && is(k + 1, &["from"])
        && let Some(end) = (k + 2..k + 7)
            .take_while(|&j| at(j).is_some_and(|n| n.word))
            .find(|&j| blast(j))
    {
        return Some((Status::KilledOrInjured, end + 1));
    }
    let stepped_on = t.is_any(&["stepped", "stepping"]) && is(k + 1, &["on"]);
    if t.is("hit") || stepped_on {
        let from = k + 1 + usize::from(stepped_on);
        let article = usize::from(is(from, &["a", "an"]));
        let kind = usize::from(is(
            from + article,
            &["anti-tank", "anti-personnel", "antitank", "antipersonnel"],
        ));
        let noun = from + article + kind;
        if is(noun, &["mine", "landmine"]) {
            return Some((Status::KilledOrInjured, noun + 1));
        }
    }
    // "became martyrs", "became a martyr".
    if t.is_any(&["became", "become", "becomes", "becoming"]) {
        let a = usize::from(is(k + 1, &["a"]));
        if is(
            k + 1 + a,
            &["martyrs", "martyr", "shaheed", "shahid", "shaheeds"],
        ) {
            return Some((Status::Killed, k + 2 + a));
        }
    }
    // "fell in combat", "fell in the line of duty", "had fallen": killed fighting. Not
    // "fell into the river" nor "the town fell".
    const COMBAT: &[&str] = &[
        "combat", "battle", "battles", "action", "duty", "fighting", "clashes",
    ];
    if t.is_any(&["fell", "fallen"])
        && is(k + 1, &["in", "on"])
        && let Some(end) = (k + 2..k + 6).find(|&j| is(j, COMBAT))
    {
        return Some((Status::Killed, end + 1));
    }
    // "Forty children aged below 18 are among those killed", "among the dead".
    if t.is("among")
        && k > 0
        && is(k - 1, &["are", "were", "is", "was"])
        && is(k + 1, &["those", "the"])
        && let Some((j, status)) = (k + 2..k + 4)
            .filter_map(|j| at(j).and_then(status_word).map(|s| (j, s)))
            .next()
    {
        return Some((status, j + 1));
    }
    if t.is("fallen") && k > 0 && is(k - 1, &["had", "have", "has"]) {
        return Some((Status::Killed, k + 1));
    }
    if t.is("sent") && is(k + 1, &["to"]) && is(k + 2, &["hell"]) {
        return Some((Status::Killed, k + 3));
    }
    // "laid down their weapons and surrendered": taken prisoner.
    if t.is_any(&["laid", "lay", "laying"])
        && is(k + 1, &["down"])
        && is(k + 2, &["their", "his", "its"])
        && is(k + 3, &["weapons", "arms"])
    {
        return Some((Status::Captured, k + 4));
    }
    if t.is_any(&["laid", "gave"])
        && is(k + 1, &["down"])
        && is(k + 2, &["their", "his", "her"])
        && is(k + 3, &["lives", "life"])
    {
        return Some((Status::Killed, k + 4));
    }
    // "were being treated at the hospital", "treated in hospitals": hurt.
    if t.is("treated") && is(k + 1, &["in", "at"]) {
        let end = (k + 2..k + 5).find(|&j| {
            is(
                j,
                &[
                    "hospital",
                    "hospitals",
                    "facilities",
                    "institutions",
                    "clinics",
                    "clinic",
                ],
            )
        })?;
        let between = (k + 2..end).all(|j| {
            is(
                j,
                &[
                    "the",
                    "a",
                    "local",
                    "nearby",
                    "city",
                    "medical",
                    "health",
                    "healthcare",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    if t.is("treated") {
        let end = (k + 1..k + 5).find(|&j| is(j, &["injuries", "wounds", "burns", "injury"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "for", "their", "his", "her", "its", "minor", "serious", "light", "severe",
                    "slight", "gunshot", "shrapnel", "head", "multiple",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "civilians who are not accounted for": missing.
    if t.is("not") && is(k + 1, &["accounted"]) && is(k + 2, &["for"]) {
        return Some((Status::Missing, k + 3));
    }
    // "communication with 24 servicemen was lost": missing.
    if t.is("lost")
        && (1..=12).any(|back| {
            k.checked_sub(back)
                .and_then(&at)
                .is_some_and(|n| n.is_any(&["communication", "contact", "communications"]))
        })
    {
        return Some((Status::Missing, k + 1));
    }
    // "were taken to university hospitals for treatment": hurt.
    if t.is_any(&[
        "taken",
        "rushed",
        "admitted",
        "evacuated",
        "transported",
        "airlifted",
    ]) && is(k + 1, &["to"])
    {
        let end = (k + 2..k + 5).find(|&j| is(j, &["hospital", "hospitals"]))?;
        return Some((Status::Injured, end + 1));
    }
    // "received outpatient care", "received medical treatment": hurt.
    if t.is_any(&[
        "received",
        "receiving",
        "receive",
        "needed",
        "required",
        "sought",
    ]) && is(
        k + 1,
        &[
            "outpatient",
            "medical",
            "hospital",
            "emergency",
            "inpatient",
        ],
    ) && is(
        k + 2,
        &[
            "care",
            "treatment",
            "aid",
            "assistance",
            "attention",
            "help",
        ],
    ) {
        return Some((Status::Injured, k + 3));
    }
    // "suffered a gunshot wound", "sustained serious injuries".
    if t.is_any(&[
        "suffered",
        "sustained",
        "suffering",
        "sustaining",
        "received",
    ]) {
        let end = (k + 1..k + 5).find(|&j| is(j, &["wound", "wounds", "injury", "injuries"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "a",
                    "an",
                    "minor",
                    "serious",
                    "light",
                    "severe",
                    "slight",
                    "gunshot",
                    "shrapnel",
                    "head",
                    "multiple",
                    "critical",
                    "bullet",
                    "burn",
                    "various",
                    "varying",
                    "life-threatening",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "17 people with serious injuries", "29 with moderate wounds".
    if t.is("with") {
        let end = (k + 1..k + 5).find(|&j| is(j, &["injuries", "wounds", "injury", "burns"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "serious",
                    "moderate",
                    "minor",
                    "light",
                    "severe",
                    "critical",
                    "gunshot",
                    "shrapnel",
                    "various",
                    "multiple",
                    "slight",
                    "mild",
                    "head",
                    "bullet",
                    "life-threatening",
                    "moderate-to-serious",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "in critical condition", "in a serious condition".
    if t.is_any(&["in"]) {
        let a = usize::from(is(k + 1, &["a"]));
        if is(
            k + 1 + a,
            &["serious", "critical", "grave", "stable", "moderate"],
        ) && is(k + 2 + a, &["condition"])
        {
            return Some((Status::Injured, k + 3 + a));
        }
    }
    if t.is("among") && is(k + 1, &["the", "those"]) {
        for j in k + 2..k + 9 {
            let n = at(j)?;
            if let Some(status) = status_word(n).or_else(|| status_noun(n)) {
                return Some((status, j + 1));
            }
            let passable = starts_number(toks, j)
                || !n.word
                || n.is_any(&[
                    "more", "than", "at", "least", "over", "nearly", "some", "about",
                ])
                || n.has(class::PEOPLE);
            if !passable {
                return None;
            }
        }
    }
    None
}
