//! What happened to the people a figure counts: the verb before it ("killing three",
//! "took two soldiers prisoner", "lost 300 troops"), the predicate after its phrase ("were
//! killed", "lost their lives", "were taken hostage"), and tolls ("the death toll rose to
//! 105").

mod after;
mod idioms;
mod tolls;

pub(crate) use after::predicate_after;
pub(crate) use idioms::idiom_at;
pub(crate) use tolls::{TOLL_ABOVE, date_comma, toll_owner};
use tolls::{number_toll, toll_before};

use super::super::Status;
use super::super::lexicon::class;
use super::super::tokens::{Token, is_quote_mark};
use super::Voice;
use super::status_noun;

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
        .find(|(w, _)| n.get(..2) == w.get(..2) && within_one_edit(n, w))
        .map(|&(_, s)| s)
}

/// `strsim::levenshtein(typed, word) <= 1`, read in place for ASCII (one letter changed,
/// added or dropped) rather than through a table of the whole distance.
fn within_one_edit(typed: &str, word: &str) -> bool {
    if !typed.is_ascii() || !word.is_ascii() {
        return strsim::levenshtein(typed, word) <= 1;
    }
    let (a, b) = (typed.as_bytes(), word.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        prefix == short.len() || short.get(prefix + 1..) == long.get(prefix + 1..)
    } else {
        short.get(prefix..) == long.get(prefix + 1..)
    }
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

pub(super) const CAPTIVE: &[&str] = &[
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
                // "killed all 22 people on board".
                "all",
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
    // "has lost a total of four soldiers".
    if prev(back).is_some_and(|t| t.is("of"))
        && prev(back + 1).is_some_and(|t| t.is("total"))
        && prev(back + 2).is_some_and(|t| t.is_any(&["a", "the"]))
    {
        back += 3;
    }
    let verb_index = first.checked_sub(back)?;
    let verb = prev(back)?;
    // "and injuries to 83 others": the noun before "to" gives the status ("to" was
    // stepped over as a bound's word); "fatal injuries to two women" are deaths.
    if back >= 2
        && verb.is_any(&["injuries", "injury", "wounds"])
        && prev(back - 1).is_some_and(|t| t.is("to"))
    {
        let fatal = prev(back + 1).is_some_and(|t| t.is_any(&["fatal", "mortal", "deadly"]));
        let status = if fatal {
            Status::Killed
        } else {
            Status::Injured
        };
        return Some((status, Voice::Passive));
    }
    // "took away three others", "dragged away two men": captives.
    if verb.is("away")
        && prev(back + 1).is_some_and(|t| {
            t.is_any(&[
                "took", "taken", "taking", "take", "carried", "dragged", "led", "whisked",
            ])
        })
    {
        return Some((Status::Captured, Voice::Active { verb: verb_index }));
    }
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
    // "causing injuries to at least three people".
    if verb.is_any(&["injuries", "injury", "wounds"])
        && prev(back + 1)
            .is_some_and(|t| t.is_any(&["causing", "caused", "causes", "inflicting", "inflicted"]))
    {
        return Some((Status::Injured, Voice::Active { verb: verb_index }));
    }
    // "Hospitals in the city were on Monday treating 367 people".
    if verb.is_any(&["admitted", "received", "treated", "treating", "admitting"])
        && (back + 1..back + 9)
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
    // "Kiev had sustained more than 76,000 casualties", "suffered 30 dead": the losses of
    // whoever suffered them.
    if verb.is_any(&["sustained", "suffered", "incurred", "sustains", "suffers"])
        && let Some(status) = toks
            .get(end.saturating_sub(1))
            .filter(|t| t.sentence == sentence)
            .and_then(status_noun)
            .or(after_status)
    {
        return Some((status, Voice::Lost { verb: verb_index }));
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
    // "The fate of 35 more tenants remains unknown": missing.
    if verb.is("of")
        && prev(back + 1).is_some_and(|t| t.is_any(&["fate", "whereabouts"]))
        && (end..end + 4).any(|k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && t.is_any(&["unknown", "unclear"]))
        })
    {
        return Some((Status::Missing, Voice::Passive));
    }
    // "led to the death of five Houthi fighters and the injury of six others".
    if verb.is("of")
        && let Some(status) = prev(back + 1).and_then(|t| {
            if t.is_any(&["death", "deaths", "killing", "killings", "murder"]) {
                Some(Status::Killed)
            } else if t.is_any(&["injury", "injuries", "injuring", "wounding"]) {
                Some(Status::Injured)
            } else {
                None
            }
        })
    {
        return Some((status, Voice::Passive));
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

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn a_one_letter_slip_is_read_as_the_edit_distance_reads_it() {
        let words = [
            "", "k", "killed", "kiled", "killled", "kilLed", "klled", "kileld", "ikllde", "killer",
            "skilled", "million", "missing", "misisng", "wounded", "woundes", "injured", "injure",
            "captured", "capturde", "kílled", "kïlled",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    within_one_edit(a, b),
                    strsim::levenshtein(a, b) <= 1,
                    "{a} / {b}"
                );
            }
        }
    }
}
