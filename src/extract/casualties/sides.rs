//! Whose people a figure counts: the party named in the phrase ("Azerbaijani troops"),
//! the speaker's own ("our servicemen", "its soldiers"), the other side when the
//! speaker's forces did the killing, or a place ("killed in Gaza").

use super::{ClaimContext, FigureSpan, HOSTILE_NOUNS, Reading, Source, Token, Victims, Voice};
use crate::extract::builtin::ARMED_FACTIONS;
use crate::extract::parties::Gazetteer;

/// The phrase as written and the party whose people were hit.
pub(super) fn who_and_side(
    cx: &ClaimContext<'_>,
    ours: &[(String, bool)],
    r: &Reading<'_>,
    antecedent: Option<&(String, Option<String>)>,
    detail: bool,
) -> (String, Option<String>) {
    let toks = &cx.tokens.toks;
    let words: Vec<&str> = toks
        .get(r.victims.who.clone())
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect();
    let written = span_text(cx, r.victims.who.clone());
    let named = first_party(cx.gazetteer, &words);
    let own = || {
        r.source
            .attribution
            .party
            .clone()
            .or_else(|| r.source.hint.clone())
    };
    if let Some((who, side)) = antecedent.filter(|_| r.victims.elliptical && named.is_none()) {
        let side = side
            .clone()
            .or_else(|| r.victims.possessive.then(own).flatten());
        return (who.clone(), side);
    }
    // "45 soldiers prisoner, including two officers": a detail counts the same people.
    if let Some((_, Some(side))) = antecedent.filter(|_| detail && named.is_none()) {
        let who = if written.is_empty() {
            "people".to_string()
        } else {
            written
        };
        return (who, Some(side.clone()));
    }
    let who = if written.is_empty() {
        "people".to_string()
    } else {
        written
    };
    if named.is_some() {
        return (who, named);
    }
    // "25 Mozambican soldiers": a nationality the gazetteer does not know is no party's.
    let foreign = toks
        .get(r.victims.who.clone())
        .is_some_and(|w| w.iter().any(unknown_demonym));
    if foreign {
        return (who, None);
    }
    // "killed up to 30 enemy personnel": the claimant's other side.
    let enemy = toks
        .get(r.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.is_any(&["enemy", "enemy's"])));
    if enemy {
        let claimant = r.source.attribution.party.clone();
        let sentence = toks.get(r.span.first).map(|t| t.sentence);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| Some(t.sentence) == sentence)
            .map(|t| t.text)
            .collect();
        let other = (0..words.len())
            .filter_map(|i| cx.gazetteer.match_words(&words, i))
            .map(|(_, p)| p.id.clone())
            .find(|id| Some(id) != claimant.as_ref())
            .or_else(|| opponent(cx, claimant.as_ref()));
        return (who, other);
    }
    if r.victims.possessive || ours_elsewhere(cx, ours, r.span, r.victims) {
        return (who, own());
    }
    let side = match r.predicate.voice {
        Voice::Lost { verb } => {
            // "Baku said it had lost 71 servicemen": the pronoun is the speaker.
            let subject = subject_range(cx, r.source, verb);
            let pronoun = toks.get(subject.clone()).is_some_and(|w| {
                w.iter()
                    .any(|t| t.is_any(&["it", "we", "they", "our", "its", "their"]))
            });
            if pronoun {
                own()
            } else {
                first_party(cx.gazetteer, &texts(toks, subject))
            }
        }
        Voice::Active { verb } => active_side(cx, r, verb),
        Voice::Passive => passive_side(cx, r),
    };
    (who, side)
}
/// A capitalised word shaped like a nationality ("Mozambican", "Haitian", "Nepalese")
/// that names no known party.
fn unknown_demonym(t: &Token<'_>) -> bool {
    let n = t.norm.as_str();
    t.word
        && t.capitalized()
        && !t.party_word
        && n.len() > 4
        && ["an", "ese", "ish", "ean"].iter().any(|s| n.ends_with(s))
}
/// The victims of an active verb: the source's own people when someone else did it
/// ("a Russian strike killed five", Ukraine says); the other party named in the
/// sentence when the source's own forces did ("its fighters killed nine soldiers").
fn active_side(cx: &ClaimContext<'_>, r: &Reading<'_>, verb: usize) -> Option<String> {
    let toks = &cx.tokens.toks;
    let claimant = r.source.attribution.party.clone();
    let subject = subject_range(cx, r.source, verb);
    // "An airstrike on a market in Ethiopia's Tigray region killed": a party named in a
    // place phrase is where it happened, not who did it.
    let doer_end = (subject.start..subject.end)
        .find(|&k| {
            toks.get(k)
                .is_some_and(|t| t.is_any(&["in", "on", "at", "near", "across", "inside"]))
        })
        .unwrap_or(subject.end);
    let subject_words = texts(toks, subject.start..doer_end);
    let own_forces = toks.get(subject.clone()).is_some_and(|w| {
        w.iter()
            .any(|t| t.is_any(&["our", "its", "we", "it", "their", "own"]))
    }) || (claimant.is_some()
        && first_party(cx.gazetteer, &subject_words) == claimant);
    if own_forces {
        let sentence = toks.get(verb).map(|t| t.sentence);
        let sentence_words: Vec<&str> = toks
            .iter()
            .filter(|t| Some(t.sentence) == sentence)
            .map(|t| t.text)
            .collect();
        let hint = r.source.hint.clone();
        let named = (0..sentence_words.len())
            .filter_map(|i| cx.gazetteer.match_words(&sentence_words, i))
            .map(|(_, p)| p.id.clone())
            .find(|id| Some(id) != claimant.as_ref() && Some(id) != hint.as_ref());
        // "its strikes had killed 30 terrorists": militants are nobody's party unless
        // the sentence names one; the document's other side is only a guess for soldiers.
        if hostile_victims(cx, r) {
            return named;
        }
        return named.or_else(|| opponent(cx, claimant.as_ref().or(hint.as_ref())));
    }
    if hostile_victims(cx, r) {
        return None;
    }
    default_side(cx, r)
}

/// The figure counts militants, gunmen, "terrorists": a hostile word in its phrase.
fn hostile_victims(cx: &ClaimContext<'_>, r: &Reading<'_>) -> bool {
    let toks = &cx.tokens.toks;
    // "killed 30 \"terrorists\"": the word may stand in quotation marks.
    let quoted_word = toks
        .get(r.span.end..)
        .and_then(|rest| {
            rest.iter()
                .find(|t| !crate::extract::tokens::is_quote_mark(t.text))
        })
        .is_some_and(|t| t.is_any(HOSTILE_NOUNS));
    quoted_word
        || toks
            .get(r.victims.who.clone())
            .is_some_and(|w| w.iter().any(|t| t.is_any(HOSTILE_NOUNS)))
}

fn home_party(cx: &ClaimContext<'_>) -> Option<String> {
    crate::extract::home_party(cx.doc_parties)
}

/// The party the document names most often besides `own` and the neutral reporters:
/// whom "its fighters captured 45 soldiers" hit when the sentence names no one else.
fn opponent(cx: &ClaimContext<'_>, own: Option<&String>) -> Option<String> {
    cx.doc_parties
        .iter()
        .filter(|(id, _)| Some(id) != own && !NEUTRAL.contains(&id.as_str()))
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| id.clone())
}
fn passive_side(cx: &ClaimContext<'_>, r: &Reading<'_>) -> Option<String> {
    // "1,500 militants' bodies": the possessor counts too.
    let hostile = cx
        .tokens
        .toks
        .get(r.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.is_any(HOSTILE_NOUNS)));
    if hostile {
        return None;
    }
    put_toll_owner(cx, r.span.first).or_else(|| default_side(cx, r))
}
/// "put Russian losses at about 200 dead": the party named in what was put at the figure.
fn put_toll_owner(cx: &ClaimContext<'_>, first: usize) -> Option<String> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(first)?.sentence;
    let back = (1..=3).find(|&b| {
        first
            .checked_sub(b)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is("at"))
    })?;
    let at = first - back;
    let put = (1..=6)
        .map_while(|b| at.checked_sub(b))
        .take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sentence))
        .find(|&k| {
            toks.get(k)
                .is_some_and(|t| t.is_any(&["put", "puts", "putting", "placed"]))
        })?;
    first_party(cx.gazetteer, &texts(toks, put + 1..at))
}
/// Parties that report on others' losses and have none of their own in the figures.
pub(crate) const NEUTRAL: &[&str] = &["un", "osce", "icrc"];
/// Unqualified people reported by a party are that party's; otherwise a place ("killed
/// in Gaza") or the nationality of the source ("Lebanese state media") decides.
///
/// Civilians are no armed faction's people: a faction that reports them, or a place
/// whose party is a faction, gives them no side.
fn default_side(cx: &ClaimContext<'_>, r: &Reading<'_>) -> Option<String> {
    let civilians = civilian_phrase(cx, r);
    let fits = |p: &String| {
        !(NEUTRAL.contains(&p.as_str()) || civilians && ARMED_FACTIONS.contains(&p.as_str()))
    };
    let party = r.source.attribution.party.clone().filter(fits);
    if r.source
        .attribution
        .party
        .as_ref()
        .is_some_and(|p| !fits(p))
        && civilians
    {
        // A faction's or a neutral body's count of civilians: only a place names them.
        return place_after(cx, r.predicate.end).filter(fits).or_else(|| {
            crate::extract::speakers::place_of_paragraph(
                &cx.tokens.toks,
                r.span.first,
                cx.gazetteer,
            )
            .filter(fits)
        });
    }
    party
        .or_else(|| place_after(cx, r.predicate.end).filter(fits))
        .or_else(|| r.source.hint.clone().filter(fits))
        // A neutral or non-party source: the place the paragraph is set in ("In Rafah,
        // residents said ...", "the U.N. mission in Ukraine said").
        .or_else(|| {
            crate::extract::speakers::place_of_paragraph(
                &cx.tokens.toks,
                r.span.first,
                cx.gazetteer,
            )
            .filter(fits)
        })
        // Soldiers nobody qualifies are the home state's; civilians only where the
        // document has named no other party (a faction, a second state) so far.
        .or_else(|| {
            // The only state named: the insurgents it fights are no rival home for
            // the civilians they kill.
            let sole = cx
                .doc_parties
                .iter()
                .filter(|(id, _)| {
                    !NEUTRAL.contains(&id.as_str()) && !ARMED_FACTIONS.contains(&id.as_str())
                })
                .count()
                == 1;
            let disaster = {
                let toks = &cx.tokens.toks;
                let sentence = toks.get(r.span.first).map(|t| t.sentence);
                toks.iter()
                    .filter(|t| Some(t.sentence) == sentence)
                    .any(|t| t.is_any(DISASTERS))
            };
            (!civilians || sole && !disaster)
                .then(|| home_party(cx))
                .flatten()
        })
}

/// Harm that no party to a conflict does: its dead are nobody's side.
const DISASTERS: &[&str] = &[
    "flood",
    "floods",
    "flooding",
    "earthquake",
    "quake",
    "storm",
    "storms",
    "landslide",
    "landslides",
    "avalanche",
    "avalanches",
    "hurricane",
    "cyclone",
    "typhoon",
    "wildfire",
    "wildfires",
    "heatwave",
    "tsunami",
    "mudslide",
    "mudslides",
    "crash",
    "collapse",
];

/// Heads that name people at large rather than fighters.
const CIVILIAN_HEADS: &[&str] = &[
    "civilians",
    "civilian",
    "people",
    "persons",
    "residents",
    "villagers",
    "children",
    "child",
    "women",
    "woman",
    "men",
    "man",
    "patients",
    "worshippers",
    "shoppers",
    "passengers",
    "families",
    "students",
    "pupils",
    "infants",
    "babies",
    "elderly",
    "firefighter",
    "firefighters",
    "rescuers",
    "rescuer",
    "workers",
    "worker",
    "journalists",
    "journalist",
    "medics",
    "paramedics",
    "doctors",
    "nurses",
    "staff",
    "farmers",
    "miners",
    "fishermen",
    "traders",
    "pilgrims",
    "bodies",
];

/// The figure counts civilians: its head, or the head of the figure it details.
fn civilian_phrase(cx: &ClaimContext<'_>, r: &Reading<'_>) -> bool {
    let toks = &cx.tokens.toks;
    match r.victims.head.and_then(|h| toks.get(h)) {
        Some(head) => head.is_any(CIVILIAN_HEADS),
        None => r.victims.who.is_empty(),
    }
}
/// "in Gaza", "in southern Ukraine" after the predicate in its clause; not "in Russian
/// shelling", where the name qualifies what did the harm.
fn place_after(cx: &ClaimContext<'_>, end: usize) -> Option<String> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(end.checked_sub(1)?)?.sentence;
    // The first "in" of the clause: "were killed and 15 wounded in Kharkiv".
    let mut k = (end..end + 8)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.sentence == sentence && !t.is_punct(','))
        })
        .find(|&k| toks.get(k).is_some_and(|t| t.is("in")))?;
    k += 1;
    while toks.get(k).is_some_and(|t| {
        t.is_any(&[
            "the", "northern", "southern", "eastern", "western", "central", "north", "south",
            "east", "west", "occupied",
        ])
    }) {
        k += 1;
    }
    let words: Vec<&str> = toks
        .get(k..(k + 4).min(toks.len()))
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect();
    let (len, party) = cx.gazetteer.match_words(&words, 0)?;
    let follower = toks.get(k + len);
    let qualifies = follower.is_some_and(|t| t.word && !t.capitalized() && t.is_any(HARM_NOUNS));
    (!qualifies).then(|| party.id.clone())
}
/// Nouns that a demonym qualifies as the harm's author: "Russian shelling".
const HARM_NOUNS: &[&str] = &[
    "shelling",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "fire",
    "airstrike",
    "airstrikes",
    "bombardment",
    "raid",
    "raids",
    "drone",
    "drones",
    "missile",
    "missiles",
    "forces",
    "troops",
    "army",
    "military",
    "shell",
    "rocket",
    "rockets",
    "artillery",
    "offensive",
    "operation",
    "ambush",
    "gunfire",
    "bombing",
    "bombings",
];
/// The tokens of the clause that leads up to an active verb: after the act of saying
/// (or the sentence start) and before the verb.
fn subject_range(cx: &ClaimContext<'_>, source: &Source, verb: usize) -> std::ops::Range<usize> {
    let toks = &cx.tokens.toks;
    let sentence = toks.get(verb).map(|t| t.sentence);
    // The clause: back to the sentence start or a punctuation mark ("KYIV, Ukraine —
    // A Russian strike killed" has "A Russian strike" as its subject).
    let mut start = verb;
    while start > 0
        && toks
            .get(start - 1)
            .is_some_and(|t| Some(t.sentence) == sentence && (t.word || t.quoted))
        && verb - start < 30
    {
        start -= 1;
    }
    // "US helicopters sank three boats, killing 10 fighters": the participle's doer is
    // the clause before the comma.
    let participle = start == verb
        && toks.get(verb).is_some_and(|t| t.norm.ends_with("ing"))
        && start > 0
        && toks.get(start - 1).is_some_and(|t| t.is_punct(','));
    if participle {
        start -= 1;
        let end = start;
        while start > 0
            && toks
                .get(start - 1)
                .is_some_and(|t| Some(t.sentence) == sentence && (t.word || t.quoted))
            && end - start < 30
        {
            start -= 1;
        }
        let after_anchor = source.anchor.filter(|&a| a < end).map_or(start, |a| a + 1);
        return start.max(after_anchor)..end;
    }
    let after_anchor = source.anchor.filter(|&a| a < verb).map_or(start, |a| a + 1);
    start.max(after_anchor)..verb
}
/// The paragraph's words over a token range, as written.
fn span_text(cx: &ClaimContext<'_>, range: std::ops::Range<usize>) -> String {
    let toks = &cx.tokens.toks;
    let (Some(first), Some(last)) = (
        toks.get(range.start),
        range.end.checked_sub(1).and_then(|k| toks.get(k)),
    ) else {
        return String::new();
    };
    cx.text
        .get(first.start..last.end.max(first.start))
        .unwrap_or("")
        .trim_end_matches([',', ' '])
        .to_string()
}
fn texts<'t>(toks: &[Token<'t>], range: std::ops::Range<usize>) -> Vec<&'t str> {
    toks.get(range)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect()
}
fn first_party(gazetteer: &Gazetteer, words: &[&str]) -> Option<String> {
    (0..words.len()).find_map(|i| gazetteer.match_words(words, i).map(|(_, p)| p.id.clone()))
}
/// The heads after "our" in a paragraph, and whether each is quoted.
pub(super) fn our_heads(toks: &[Token<'_>]) -> Vec<(String, bool)> {
    toks.windows(2)
        .filter_map(|w| match w {
            [a, b] if a.is("our") => Some((b.norm.clone(), b.quoted)),
            _ => None,
        })
        .collect()
}
/// "our servicemen" elsewhere in the same quotation (or paragraph) makes unqualified
/// "servicemen" the speaker's own.
fn ours_elsewhere(
    cx: &ClaimContext<'_>,
    ours: &[(String, bool)],
    span: &FigureSpan,
    victims: &Victims,
) -> bool {
    let toks = &cx.tokens.toks;
    let Some(head) = victims.head.and_then(|h| toks.get(h)) else {
        return false;
    };
    let quoted = toks.get(span.first).is_some_and(|t| t.quoted);
    ours.iter().any(|(h, q)| *h == head.norm && (!quoted || *q))
}

#[cfg(test)]
mod tests {
    use crate::extract::{DocText, Gazetteer, extract};

    /// (count or minimum, side, claimant party) of each figure.
    fn sides(paragraphs: &[&str]) -> Vec<(u64, Option<String>, Option<String>)> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
        let doc = DocText {
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
            outlet: Some("Test Wire"),
            paragraphs: &paragraphs,
        };
        extract(&doc, &Gazetteer::builtin())
            .claims
            .into_iter()
            .map(|c| {
                (
                    c.count.or(c.count_min).or(c.count_max).unwrap_or(0),
                    c.side,
                    c.according_to.party,
                )
            })
            .collect()
    }

    fn s(n: u64, side: Option<&str>, by: Option<&str>) -> (u64, Option<String>, Option<String>) {
        (n, side.map(str::to_string), by.map(str::to_string))
    }

    #[test]
    fn a_pronoun_that_lost_people_is_the_speaker() {
        let az = Some("azerbaijan");
        assert_eq!(
            sides(&["Baku said it had lost 71 servicemen."]),
            vec![s(71, az, az)]
        );
    }

    #[test]
    fn a_participle_s_doer_is_the_clause_before_its_comma() {
        assert_eq!(
            sides(&[
                "US Navy helicopters sank three Houthi boats, killing 10 fighters, according to the Pentagon."
            ]),
            vec![s(10, Some("yemen-houthis"), Some("us"))]
        );
    }

    #[test]
    fn a_party_in_a_place_phrase_is_not_the_doer() {
        let et = Some("ethiopia");
        assert_eq!(
            sides(&[
                "NAIROBI, Kenya - An airstrike on a camp in Ethiopia's north killed 12 soldiers, Ethiopia's army said."
            ]),
            vec![s(12, et, et)]
        );
    }

    #[test]
    fn own_forces_hit_the_document_s_other_side_when_the_sentence_names_none() {
        assert_eq!(
            sides(&[
                "Sudan's army and the RSF fought for a third day in Khartoum.",
                "The RSF said its fighters had captured 45 soldiers.",
            ]),
            vec![s(45, Some("sudan"), Some("rsf"))]
        );
    }

    #[test]
    fn civilians_are_no_armed_faction_s_people() {
        assert_eq!(
            sides(&[
                "The RSF said 40 civilians were killed in Omdurman.",
                "Myanmar's junta said 59 civilians were killed.",
                "Sudan's army said 12 soldiers were killed.",
            ]),
            vec![
                s(40, None, Some("rsf")),
                s(59, None, Some("myanmar")),
                s(12, Some("sudan"), Some("sudan")),
            ]
        );
    }

    #[test]
    fn a_neutral_or_non_party_source_s_people_take_the_paragraph_s_place() {
        assert_eq!(
            sides(&[
                "The U.N. human rights mission in Ukraine said 12 civilians had been killed.",
                "In Rafah, residents said a strike killed 11 people.",
            ]),
            vec![
                s(12, Some("ukraine"), Some("un")),
                s(11, Some("palestinians"), None),
            ]
        );
    }

    #[test]
    fn enemy_personnel_are_the_claimant_s_other_side() {
        assert_eq!(
            sides(&[
                "Russia's Defense Ministry claimed it struck Ukrainian special forces and killed up to 30 enemy personnel."
            ]),
            vec![s(30, Some("ukraine"), Some("russia"))]
        );
    }

    #[test]
    fn soldiers_nobody_qualifies_are_the_home_state_s() {
        let got = sides(&[
            "BAMAKO — Mali's army said it was deployed across Mali's central region.",
            "A bomb killed four soldiers near Boni on Sunday, two security sources said.",
        ]);
        assert_eq!(got, vec![s(4, Some("mali"), None)]);
    }

    #[test]
    fn people_at_large_take_the_only_state_named_but_not_in_a_disaster() {
        let got = sides(&[
            "Burkina Faso's government has been fighting jihadists for years.",
            "Fighters killed at least 200 people in an attack on the town, a security source said.",
        ]);
        assert_eq!(got, vec![s(200, Some("burkina-faso"), None)]);
        let got = sides(&[
            "Germany's economy ministry said growth would slow.",
            "Separately, floods killed at least four people in Bavaria, police said.",
        ]);
        assert_eq!(got, vec![s(4, None, None)]);
    }

    #[test]
    fn militants_in_quotation_marks_are_nobody_s() {
        // The document's other party is no guess for them.
        let got = sides(&[
            "Russian and Syrian jets struck Idlib, and Russia said it would go on.",
            "Syria's defence ministry said its strikes had killed 30 \"terrorists\" in Idlib.",
        ]);
        assert_eq!(got, vec![s(30, None, Some("syria"))]);
    }
}
