//! Tolls: a figure a toll, a number or losses are set at ("the death toll rose to 105",
//! "put the number at five", "estimates Azerbaijan's casualties at about 300"), and the
//! party that owns the toll.

use super::{status_noun, status_word};
use crate::extract::Status;
use crate::extract::lexicon::class;
use crate::extract::tokens::Token;

/// Verbs that set a toll at its figure: "the death toll has reached 10". `TOLL_ABOVE`
/// ("has topped 45,000") only bound it from below; `toll_verb` takes either.
const TOLL_VERBS: &[&str] = &["reached", "reaches", "reach", "hit", "hits"];
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
    // "put the death toll above 200".
    "above",
];

/// A verb that sets a toll at its figure, or bounds it from below.
fn toll_verb(t: &Token<'_>) -> bool {
    t.is_any(TOLL_VERBS) || t.is_any(TOLL_ABOVE)
}

/// "the number of servicemen wounded in clashes is 72": a number that is its figure.
/// "The final death toll is believed to be between 115 and 120" too.
const COPULAS: &[&str] = &["is", "was", "be", "stands", "stood", "remains", "remained"];

/// "bringing the number of soldiers killed to 249", "put the number at five", "the number
/// of soldiers killed has surpassed 100".
pub(super) fn number_toll(toks: &[Token<'_>], first: usize, sentence: usize) -> Option<Status> {
    let first = past_approximation(toks, first);
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at"]) || toll_verb(t) || t.is_any(COPULAS));
    if !linked {
        return None;
    }
    let clause: Vec<usize> = (1..=24)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k).is_some_and(|t| {
                t.sentence == sentence
                    && (!t.is_punct(',') || date_comma(toks, k))
                    && !t.is_punct(';')
            })
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
    // "put the death toll at more than 30 and the injuries at some 100": the status noun
    // of the figure's own "and the ... at".
    let own_noun = between
        .iter()
        .take_while(|&&k| toks.get(k).is_some_and(|t| !t.is("and")))
        .find_map(|&k| {
            toks.get(k)
                .and_then(status_noun)
                .filter(|s| matches!(s, Status::Killed | Status::Injured))
        });
    if let Some(status) = own_noun {
        return Some(status);
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
    // "the number of the casualties on the Armenian side was 105" too.
    if !stated_after
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
pub(super) fn toll_before(toks: &[Token<'_>], first: usize, sentence: usize) -> bool {
    let first = past_approximation(toks, first);
    let linked = first
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.is_any(&["to", "at", "of"]) || toll_verb(t));
    // "the death toll was 30", "the toll could be as high as 30": a copula right after
    // the toll.
    // "The official death toll released by the Procurator General of the USSR was 32":
    // or further back, where the toll is followed by who released it.
    let copula = first.checked_sub(1).is_some_and(|k| {
        // "... of the USSR (tallies were compiled from lists of named victims) was 32":
        // past an aside in brackets.
        let aside = k
            .checked_sub(1)
            .filter(|&j| toks.get(j).is_some_and(|t| t.is_punct(')')))
            .and_then(|j| {
                (j.saturating_sub(20)..j)
                    .rev()
                    .find(|&o| toks.get(o).is_some_and(|t| t.is_punct('(')))
            });
        let k = aside.unwrap_or(k);
        toks.get(first - 1).is_some_and(|t| t.is_any(COPULAS))
            && (2..=12)
                .map_while(|back| k.checked_sub(back - 1))
                .take_while(|&j| {
                    toks.get(j)
                        .is_some_and(|t| t.sentence == sentence && t.word)
                })
                .any(|j| {
                    toks.get(j).is_some_and(|t| t.is_any(&["toll", "tally"]))
                        && (k - j <= 3
                            || toks
                                .get(j + 1)
                                .is_some_and(|n| n.has(class::PASSIVE_REPORT)))
                })
    });
    if !linked && !copula {
        return false;
    }
    // "The death toll from weeks of fighting in Libya's capital, Tripoli, has climbed to":
    // the commas around a name set in apposition end no clause.
    let apposed = |k: usize| {
        let name = |j: usize| toks.get(j).is_some_and(|t| t.word && t.capitalized());
        let comma = |j: usize| toks.get(j).is_some_and(|t| t.is_punct(','));
        k >= 2 && name(k - 1) && comma(k - 2) || name(k + 1) && comma(k + 2)
    };
    (1..=32)
        .map_while(|back| first.checked_sub(back))
        .take_while(|&k| {
            toks.get(k).is_some_and(|t| {
                t.sentence == sentence
                    && (!t.is_punct(',') || date_comma(toks, k) || apposed(k))
                    && !t.is_punct(';')
            })
        })
        .filter_map(|k| toks.get(k))
        .enumerate()
        .any(|(n, t)| t.is_any(&["toll", "tally"]) || n < 12 && t.is_any(TOLL_WORDS))
}

/// A comma of a date ("since October 7, 2023, to 54,470"): it ends no toll's clause, nor
/// the phrase a relative clause hangs on.
pub(crate) fn date_comma(toks: &[Token<'_>], k: usize) -> bool {
    let year = |j: usize| toks.get(j).is_some_and(Token::is_year);
    k.checked_sub(1).is_some_and(year) || year(k + 1)
}
