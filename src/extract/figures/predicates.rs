//! What happened to the people a figure counts: the verb before it ("killing three",
//! "took two soldiers prisoner", "lost 300 troops"), the predicate after its phrase ("were
//! killed", "lost their lives", "were taken hostage"), and tolls ("the death toll rose to
//! 105").

use super::super::Status;
use super::super::lexicon::class;
use super::super::numbers::starts_number;
use super::super::tokens::{Token, is_quote_mark};
use super::Voice;
use super::status_noun;
use super::victims::is_people;

/// A casualty word used as a predicate, also when mistyped by one letter ("killd").
pub(crate) fn status_word(t: &Token<'_>) -> Option<Status> {
    if t.has(class::KILLED) {
        return Some(Status::Killed);
    }
    if t.has(class::INJURED) {
        return Some(Status::Injured);
    }
    if t.has(class::MISSING) {
        return Some(Status::Missing);
    }
    if t.has(class::CAPTURED) && !t.is("taken") && !t.has(class::ARREST) {
        return Some(Status::Captured);
    }
    const FUZZY: &[(&str, Status)] = &[
        ("killed", Status::Killed),
        ("wounded", Status::Injured),
        ("injured", Status::Injured),
        ("captured", Status::Captured),
        ("missing", Status::Missing),
    ];
    let n = t.norm.as_str();
    if n.len() < 5 || !t.word {
        return None;
    }
    FUZZY
        .iter()
        .find(|(w, _)| n.get(..2) == w.get(..2) && strsim::levenshtein(n, w) <= 1)
        .map(|&(_, s)| s)
}

fn active_status(t: &Token<'_>) -> Option<Status> {
    if t.has(class::ACTIVE_KILLED) {
        Some(Status::Killed)
    } else if t.has(class::ACTIVE_INJURED) {
        Some(Status::Injured)
    } else if t.has(class::ACTIVE_CAPTURED) && !t.has(class::ARREST) {
        Some(Status::Captured)
    } else {
        None
    }
}

const CAPTIVE: &[&str] = &[
    "prisoner",
    "prisoners",
    "captive",
    "captives",
    "hostage",
    "hostages",
];

/// Nouns of an act done to people, before "of" and the people it was done to.
fn event_noun(t: &Token<'_>) -> Option<Status> {
    match t.norm.as_str() {
        "abduction" | "abductions" | "kidnapping" | "kidnappings" => Some(Status::Captured),
        "killing" | "killings" | "murder" | "murders" | "execution" | "executions" | "massacre"
        | "martyrdom" => Some(Status::Killed),
        "death" => Some(Status::Killed),
        "wounding" | "injury" | "injuring" => Some(Status::Injured),
        _ => None,
    }
}

/// The verb whose object the figure is: "killing three", "left five dead", "took two
/// soldiers prisoner", "lost 300 troops", "claimed the lives of 12", "the death toll rose
/// to 105".
pub(crate) fn verb_before(toks: &[Token<'_>], first: usize, end: usize) -> Option<(Status, Voice)> {
    let sentence = toks.get(first)?.sentence;
    let prev = |back: usize| {
        first
            .checked_sub(back)
            .and_then(|k| toks.get(k))
            .filter(|t| t.sentence == sentence)
    };
    let mut back = 1;
    let quoted = toks.get(first).is_some_and(|t| t.quoted);
    while prev(back).is_some_and(|t| {
        quoted && !t.quoted && is_quote_mark(t.text)
            || t.is_any(&[
                "about",
                "around",
                "roughly",
                "approximately",
                "estimated",
                "some",
                "another",
                "a",
                "further",
                "an",
                "additional",
                "the",
                "its",
                "their",
                "our",
                "his",
                "her",
                "at",
                "least",
                "more",
                "than",
                "nearly",
                "almost",
                "over",
                "up",
                "to",
                "approx",
            ])
            || t.is_punct('.')
                && prev(back + 1).is_some_and(|p| p.is("approx"))
                && !(t.is("to")
                    && prev(back + 1).is_some_and(|p| {
                        p.is_any(&[
                            "rose",
                            "risen",
                            "climbed",
                            "increased",
                            "reached",
                            "brought",
                            "bringing",
                            "raised",
                        ])
                    }))
    }) {
        back += 1;
    }
    let verb_index = first.checked_sub(back)?;
    let verb = prev(back)?;
    let after = toks.get(end).filter(|t| t.sentence == sentence);
    let after_status = after
        .and_then(status_word)
        .or_else(|| after.and_then(|t| t.is_any(&["dead"]).then_some(Status::Killed)));
    if let Some(status) = active_status(verb) {
        // "claimed 20 lives", "cost 1,269 Libyan lives": only with lives.
        if verb.is_any(&["claimed", "claiming", "cost"]) {
            let lives = toks
                .get(end.saturating_sub(1))
                .is_some_and(|t| t.is_any(&["lives", "life"]));
            return lives.then_some((Status::Killed, Voice::Active { verb: verb_index }));
        }
        // "held 20 hostages", "took 253 hostages": captives only when named so.
        if verb.is_any(&["holding", "held", "took", "taking", "seized", "seizing"]) {
            let head_captive = toks
                .get(end.saturating_sub(1))
                .is_some_and(|t| t.is_any(CAPTIVE));
            // "holding 38 Armenians as prisoners of war".
            let as_captive = after.is_some_and(|t| t.is("as"))
                && toks.get(end + 1).is_some_and(|t| t.is_any(CAPTIVE));
            let captive = head_captive || as_captive || after.is_some_and(|t| t.is_any(CAPTIVE));
            return captive.then_some((Status::Captured, Voice::Active { verb: verb_index }));
        }
        return Some((status, Voice::Active { verb: verb_index }));
    }
    if verb.is_any(&["left", "leaving", "leaves", "leave"]) {
        return after_status.map(|s| (s, Voice::Active { verb: verb_index }));
    }
    // "Hospitals have admitted 69 people", "the hospital received 40 wounded": treated
    // in hospital is hurt. The people are the patients, not the hospital's.
    if verb.is_any(&["admitted", "received", "treated", "treating", "admitting"])
        && (back + 1..back + 5)
            .any(|b| prev(b).is_some_and(|t| t.is_any(&["hospital", "hospitals"])))
        && after_status.is_none_or(|s| s == Status::Injured)
    {
        let dead = toks
            .get(end.saturating_sub(1))
            .is_some_and(|t| t.is_any(&["bodies", "corpses", "remains", "dead"]));
        let status = if dead {
            Status::Killed
        } else {
            Status::Injured
        };
        return Some((status, Voice::Passive));
    }
    if verb.is_any(&["taken", "took", "take", "taking", "takes"]) {
        let head_captive = end
            .checked_sub(1)
            .and_then(|h| toks.get(h))
            .is_some_and(|t| t.is_any(CAPTIVE));
        let prisoner = head_captive || after.is_some_and(|t| t.is_any(CAPTIVE));
        return prisoner.then_some((Status::Captured, Voice::Active { verb: verb_index }));
    }
    // "Communication is lost with 24 Armenian soldiers": missing.
    if verb.is("with")
        && prev(back + 1).is_some_and(|t| t.is("lost"))
        && (back + 2..back + 6).any(|b| {
            prev(b).is_some_and(|t| t.is_any(&["communication", "contact", "communications"]))
        })
    {
        return Some((Status::Missing, Voice::Passive));
    }
    if verb.is_any(&["lost", "lose", "loses", "losing"]) {
        return Some((
            after_status.unwrap_or(Status::Killed),
            Voice::Lost { verb: verb_index },
        ));
    }
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["bodies", "remains", "corpses"]))
    {
        return Some((Status::Killed, Voice::Passive));
    }
    // "admitted the loss of 31 fighters": the people of whoever lost them.
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["loss", "losses"])) {
        return Some((Status::Killed, Voice::Lost { verb: verb_index }));
    }
    if verb.is("of") && prev(back + 1).is_some_and(|t| t.is_any(&["lives", "life"])) {
        return Some((Status::Killed, Voice::Active { verb: verb_index }));
    }
    // "the deaths of 10,582 civilians and injuries to 19,875": the noun gives the status.
    if let Some(status) = prev(back + 1)
        .and_then(status_noun)
        .filter(|_| verb.is_any(&["of", "to"]))
    {
        return Some((status, Voice::Passive));
    }
    if let Some(status) = prev(back + 1)
        .and_then(event_noun)
        .filter(|_| verb.is("of"))
    {
        return Some((status, Voice::Passive));
    }
    // "Among the wounded were three children"
    let among = verb.is_any(&["were", "was", "are", "is"])
        && prev(back + 2).is_some_and(|t| t.is("the"))
        && prev(back + 3).is_some_and(|t| t.is("among"));
    // "Among the victims are 50 children": the victims of a toll are its dead.
    let among_status = prev(back + 1).and_then(|t| {
        status_word(t).or_else(|| t.is_any(&["victims", "deceased"]).then_some(Status::Killed))
    });
    if let Some(status) = among_status.filter(|_| among) {
        return Some((status, Voice::Passive));
    }
    if let Some(status) = number_toll(toks, first, sentence) {
        return Some((status, Voice::Passive));
    }
    toll_before(toks, first, sentence).then_some((Status::Killed, Voice::Passive))
}

/// Verbs that set a toll at its figure: "the death toll has reached 10", "has topped
/// 45,000"; `TOLL_ABOVE` are those that only bound it from below.
const TOLL_VERBS: &[&str] = &[
    "reached",
    "reaches",
    "reach",
    "hit",
    "hits",
    "topped",
    "tops",
    "surpassed",
    "surpasses",
    "passed",
    "passes",
    "exceeded",
    "exceeds",
    "crossed",
    "crosses",
];
pub(crate) const TOLL_ABOVE: &[&str] = &[
    "topped",
    "tops",
    "surpassed",
    "surpasses",
    "passed",
    "passes",
    "exceeded",
    "exceeds",
    "crossed",
    "crosses",
];

/// "the number of servicemen wounded in clashes is 72": a number that is its figure.
const COPULAS: &[&str] = &["is", "was", "stands", "stood", "remains", "remained"];

/// "bringing the number of soldiers killed to 249", "put the number at five", "the number
/// of soldiers killed has surpassed 100".
fn number_toll(toks: &[Token<'_>], first: usize, sentence: usize) -> Option<Status> {
    let first = past_approximation(toks, first);
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at"]) || t.is_any(TOLL_VERBS) || t.is_any(COPULAS));
    if !linked {
        return None;
    }
    let clause: Vec<usize> = (1..=24)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        })
        .collect();
    let number = clause.iter().position(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_any(&["number", "figure", "toll", "losses", "casualties"]))
    })?;
    // "puts its combat losses at 42 soldiers": losses in people are the dead.
    let losses = toks
        .get(*clause.get(number)?)
        .is_some_and(|t| t.is("losses"));
    let between = clause.get(..number)?;
    // "the total number of dead and wounded had reached 1,481": both at once.
    let said: Vec<Status> = between
        .iter()
        .filter_map(|&k| toks.get(k).and_then(status_word))
        .collect();
    if said.contains(&Status::Killed) && said.contains(&Status::Injured) {
        return Some(Status::KilledOrInjured);
    }
    if let Some(status) = between
        .iter()
        .rev()
        .find_map(|&k| toks.get(k).and_then(status_word))
    {
        return Some(status);
    }
    let put = clause.get(number..)?.iter().any(|&k| {
        toks.get(k).is_some_and(|t| {
            t.is_any(&[
                "put",
                "puts",
                "placed",
                "places",
                "estimates",
                "estimated",
                "estimate",
            ])
        })
    });
    // "estimates Azerbaijan's casualties at about 300": casualties are the dead and the
    // wounded together.
    let stated_after = (first + 1..first + 3).any(|k| toks.get(k).and_then(status_word).is_some());
    if put
        && !stated_after
        && toks
            .get(*clause.get(number)?)
            .is_some_and(|t| t.is("casualties"))
    {
        return Some(Status::KilledOrInjured);
    }
    let number_at = *clause.get(number)?;
    if toks.get(number_at + 1).is_some_and(|t| t.is("of")) {
        return None;
    }
    if put && losses {
        return Some(Status::Killed);
    }
    put.then(|| {
        (0..number_at)
            .rev()
            .find_map(|k| toks.get(k).and_then(status_word))
    })
    .flatten()
}

/// The start of a figure with the words of approximation before it: "revised the toll
/// to roughly 1200" links "to" to the figure.
fn past_approximation(toks: &[Token<'_>], first: usize) -> usize {
    let mut first = first;
    while first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| {
            t.is_any(&[
                "about",
                "around",
                "roughly",
                "approximately",
                "nearly",
                "almost",
                "some",
            ])
        })
    {
        first -= 1;
    }
    first
}

const TOLL_WORDS: &[&str] = &[
    "toll",
    "tally",
    "dead",
    "deaths",
    "fatalities",
    "losses",
    "casualties",
];

/// For a figure read as a toll: the token of "its", "their" or "our" that owns the toll.
pub(crate) fn toll_owner(toks: &[Token<'_>], first: usize) -> Option<Option<usize>> {
    let sentence = toks.get(first)?.sentence;
    let clause: Vec<usize> = (1..=12)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        })
        .collect();
    let toll = clause
        .iter()
        .position(|&k| toks.get(k).is_some_and(|t| t.is_any(TOLL_WORDS)))?;
    let owner = clause
        .get(toll..)
        .and_then(|w| {
            w.iter().take(3).find(|&&k| {
                // "its", "Israel's", or a people's name: "the Palestinian death toll".
                toks.get(k).is_some_and(|t| {
                    t.is_any(&["its", "their", "our"]) || t.possessive() || t.capitalized()
                })
            })
        })
        .copied();
    Some(owner)
}

/// "the death toll in the territory had risen to 18,412", "a toll of 30", "the death toll
/// has reached 10 people".
fn toll_before(toks: &[Token<'_>], first: usize, sentence: usize) -> bool {
    let first = past_approximation(toks, first);
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at", "of"]) || t.is_any(TOLL_VERBS));
    if !linked {
        return false;
    }
    (1..=32)
        .map_while(|back| first.checked_sub(back).and_then(|k| toks.get(k)))
        .take_while(|t| t.sentence == sentence && !t.is_punct(',') && !t.is_punct(';'))
        .enumerate()
        .any(|(n, t)| t.is_any(&["toll", "tally"]) || n < 12 && t.is_any(TOLL_WORDS))
}

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
];

/// The casualty verb after the phrase: "were killed", "died", "lost their lives", "were
/// taken prisoner", "were shot to death"; with the token after it. A relative clause ("who
/// had been ... were taken captive") is stepped over.
pub(crate) fn predicate_after(toks: &[Token<'_>], from: usize) -> Option<(Status, usize)> {
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
        // "31 soldiers and three army auxiliaries were killed": a second figure of people
        // coordinated with the first shares its verb.
        if t.is("and") && starts_number(toks, k + 1) {
            let verb = (k + 2..k + 10)
                .take_while(|&j| {
                    toks.get(j)
                        .is_some_and(|n| n.sentence == sentence && n.word)
                })
                .find(|&j| {
                    toks.get(j)
                        .is_some_and(|n| n.has(class::AUXILIARY) || status_word(n).is_some())
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
            if (transitive && !aux && object_follows) || (relative && !aux) {
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
                })
            {
                j += 1;
            }
            if toks
                .get(j)
                .is_some_and(|n| n.has(class::AUXILIARY) || status_word(n).is_some())
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
fn idiom_at(toks: &[Token<'_>], k: usize, sentence: usize) -> Option<(Status, usize)> {
    let t = toks.get(k)?;
    let at = |j: usize| toks.get(j).filter(|n| n.sentence == sentence);
    let is = |j: usize, words: &[&str]| at(j).is_some_and(|n| n.is_any(words));
    if t.is_any(&["embraced", "embraces", "attained"]) && is(k + 1, &["shahadat", "martyrdom"]) {
        return Some((Status::Killed, k + 2));
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
        let end = (k + 2..k + 5).find(|&j| is(j, &["hospital", "hospitals"]))?;
        let between = (k + 2..end).all(|j| is(j, &["the", "a", "local", "nearby", "city"]));
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
                    "life-threatening",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    if t.is_any(&["in"])
        && is(k + 1, &["serious", "critical", "grave", "stable"])
        && is(k + 2, &["condition"])
    {
        return Some((Status::Injured, k + 3));
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
