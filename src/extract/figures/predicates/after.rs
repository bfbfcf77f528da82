//! The predicate after a figure's phrase: "were killed", "died", "lost their lives", "were
//! taken prisoner", and the casualty idioms of several words ("treated in hospital",
//! "laid down their weapons", "communication was lost").

use super::super::victims::is_people;
use super::idiom_at;
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
        // "Eleven children, teenagers and young adults were killed", "21 children and
        // young adults were kidnapped": more people nouns of one list, then the verb.
        if k == from && (t.is_punct(',') || t.is("and")) {
            let list_end = (k + 1..k + 9)
                .take_while(|&j| {
                    toks.get(j).is_some_and(|n| {
                        n.sentence == sentence
                            && n.word
                            && !n.has(class::AUXILIARY | class::SPEECH_VERB)
                            && status_word(n).is_none()
                            && (is_people(n) || n.is("and") || !n.capitalized())
                    })
                })
                .last()
                .map(|j| j + 1);
            let listed = list_end.is_some_and(|end| {
                (k..end).any(|j| toks.get(j).is_some_and(|n| n.is("and")))
                    && toks.get(end - 1).is_some_and(is_people)
            });
            if let Some(end) = list_end.filter(|_| listed)
                && toks
                    .get(end)
                    .is_some_and(|n| n.has(class::AUXILIARY) || status_word(n).is_some())
                && let Some(found) = predicate_after(toks, end)
            {
                return Some(found);
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
        let next = toks.get(k + 1).filter(|n| n.sentence == sentence);
        // "said “at least 20 civilians including children” had been killed": the mark
        // closing quoted people before their verb.
        if is_quote_mark(t.text)
            && (k == from
                || toks.get(k - 1).is_some_and(|p| p.has(class::AUXILIARY))
                || next.is_some_and(|n| n.has(class::AUXILIARY)))
        {
            continue;
        }
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
        // "were surrounded and captured": the last of two verbs says what became of them.
        if aux
            && t.word
            && t.norm.ends_with("ed")
            && status_word(t).is_none()
            && next.is_some_and(|n| n.is("and"))
            && let Some(status) = toks
                .get(k + 2)
                .filter(|n| n.sentence == sentence)
                .and_then(status_word)
        {
            return Some((status, k + 3));
        }
        // "at least 20 people were left dead": the state they were left in.
        if t.is("left")
            && aux
            && let Some(status) = next
                .filter(|n| n.is_any(&["dead", "wounded", "injured"]))
                .and_then(status_word)
        {
            return Some((status, k + 2));
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
