//! Verbs of saying: whether a word is one as used, and what the words around it say of
//! who speaks (the document issued and its author, the outlet that closes a sentence).

use std::ops::Range;

use super::super::context::Context;
use super::super::entities::{Referent, Scope};
use super::super::lexicon::class;
use super::super::tokens::{Token, is_quote_mark};
use super::{np_after, speaker_of};

/// Verbs of issuing a document or giving figures: "issued a statement", "provided
/// information", "made a statement".
pub(super) const ISSUING: &[&str] = &[
    "issued",
    "released",
    "published",
    "issues",
    "releases",
    "provided",
    "gave",
    "presented",
    "shared",
    "made",
    "makes",
];

/// The document an act of issuing names as its object: "statement" in "has made a
/// statement", "issued a statement".
pub(super) fn issued_venue(toks: &[Token<'_>], act: Range<usize>, end: usize) -> Option<String> {
    let verb = toks.get(act.start)?;
    if !verb.is_any(ISSUING) {
        return None;
    }
    (act.end..(act.end + 4).min(end))
        .map_while(|k| toks.get(k).filter(|t| t.word))
        .find(|t| t.has(class::VENUE))
        .map(|t| t.norm.to_string())
}

/// ", Trend reports.", ", the agency reported.": the outlet that carries the words,
/// closing a sentence whose speaker came before it.
pub(super) fn outlet_tail(toks: &[Token<'_>], from: usize, end: usize) -> bool {
    let words: Vec<&Token<'_>> = toks
        .get(from..end)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.word)
        .collect();
    toks.get(from).is_some_and(|t| t.is_punct(','))
        && matches!(words.as_slice(), [.., verb] if verb.is_any(&["reports", "reported", "informs", "writes", "wrote"]))
        && (2..=4).contains(&words.len())
        && words[..words.len() - 1]
            .iter()
            .all(|t| t.capitalized() || t.is_any(&["the", "agency", "news"]))
}

/// "Kigali also claims", "the Health Ministry reports that": third-person verbs the
/// lexicon leaves out because they are also plural nouns ("claims", "reports"), read as
/// verbs after a proper or institutional subject and before what is said.
fn plural_noun_verb(toks: &[Token<'_>], i: usize) -> bool {
    let Some(tok) = toks.get(i) else { return false };
    // Lower case only: "the United States that" is a name, not a verb.
    // "..., the Ministry of Defence and the Ministry for Emergencies of Armenia report.":
    // the plural verb too, closing the sentence.
    let plural_verb = tok.is("report");
    if !tok.is_any(&["claims", "reports", "states", "report"]) || tok.capitalized() {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(i + 1);
    // "denied Azeri claims that": after a verb or a determiner, the word before is an
    // adjective and "claims" its noun.
    let modified = i.checked_sub(2).and_then(|k| toks.get(k)).is_some_and(|t| {
        t.has(class::DENIAL | class::SPEECH_VERB)
            || t.is_any(&["the", "these", "those", "such", "its", "their"])
    }) && prev.is_some_and(|p| p.word && !p.has(class::INSTITUTION | class::MEDIA));
    let subject = !modified
        && prev.is_some_and(|p| {
            p.word
            && (p.capitalized() || p.has(class::INSTITUTION | class::MEDIA))
            && !p.is_any(&["the", "a", "its", "their"])
            || p.is("also")
            // "the Syrian Observatory for Human Rights (SOHR) reports."
            || p.is_punct(')')
        });
    // "..., the Syrian Observatory reports.": a clause of attribution ending the sentence.
    let closing = next.is_none_or(|n| n.is_punct('.') || n.sentence != tok.sentence)
        && (i.saturating_sub(12)..i).any(|k| {
            toks.get(k)
                .is_some_and(|t| t.is_punct(',') && t.sentence == tok.sentence)
        });
    // Not "the Houthis' report": a noun after its owner.
    if plural_verb {
        return subject && closing && !prev.is_some_and(|p| p.possessive());
    }
    let object = closing
        || next.is_some_and(|n| {
            n.is_any(&["that", "the", "a", "an", "death", "responsibility"])
                || super::super::numbers::starts_number(toks, i + 1)
        });
    subject && object
}

/// Whether token `i` is a finite verb of saying used as one.
pub(super) fn is_speech_verb(toks: &[Token<'_>], i: usize) -> bool {
    let Some(tok) = toks.get(i) else { return false };
    let after = |k: usize| toks.get(i + k);
    // "The war claimed the lives of 30 civilians": a toll taken, not words said.
    let lives = |k: usize| after(k).is_some_and(|n| n.is_any(&["lives", "life"]));
    if tok.is_any(&["claimed", "claims", "claim", "claiming"])
        && (lives(1)
            || after(1).is_some_and(|n| n.is_any(&["the", "their", "his", "her"])) && lives(2))
    {
        return false;
    }
    if plural_noun_verb(toks, i) {
        return true;
    }
    // "the Armenian leader pointed out that", "Pashinian continued, “...”": saying in a
    // verb of two words, or before a quotation.
    if tok.is("pointed")
        && after(1).is_some_and(|n| n.is("out"))
        && after(2).is_some_and(|n| n.is("that"))
    {
        return true;
    }
    if tok.is_any(&["continued", "continues"])
        && after(1).is_some_and(|n| n.is_punct(',') || n.is_punct(':'))
        && after(2).is_some_and(|n| is_quote_mark(n.text))
    {
        return true;
    }
    if !tok.has(class::SPEECH_VERB) {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(i + 1);
    // "21 confirmed dead", "6,300 reported fatalities": a word of record after a figure.
    if i > 0
        && crate::extract::numbers::starts_number(toks, i - 1)
        && prev.is_some_and(|p| p.word)
        && next.is_some_and(|n| n.has(class::PEOPLE) || n.has(class::NOUN_KILLED))
    {
        return false;
    }
    // "the reported attack", "its stated aim": an adjective.
    if prev.is_some_and(|p| {
        p.is_any(&[
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "our",
            "widely",
            "so-called",
        ])
    }) {
        return false;
    }
    // "Iran's demands", "Baku's calls": a noun after its owner.
    if prev.is_some_and(|p| p.possessive() && p.word) {
        return false;
    }
    // "were reported", "was announced": a passive with no speaker.
    if prev.is_some_and(|p| p.is_any(&["was", "were", "been", "being", "be", "is", "are"])) {
        return false;
    }
    // "The military has not issued a statement", "Getachew did not say when": nothing
    // said is no statement.
    let negated_at = |at: usize| {
        (1..=3)
            .map_while(|back| at.checked_sub(back).and_then(|k| toks.get(k)))
            .take_while(|t| t.word)
            // "have not yet commented".
            .take_while(|t| {
                t.has(class::NEGATION) || t.has(class::AUXILIARY) || t.is_any(&["yet", "still"])
            })
            .any(|t| t.has(class::NEGATION))
    };
    // "did not deny or confirm": the verb joined to a negated one is negated too.
    let joined_to_negated =
        prev.is_some_and(|p| p.is_any(&["or", "nor"])) && i.checked_sub(2).is_some_and(negated_at);
    // "... did not say how many but said they had surrendered", "did not confirm the
    // move, saying only ...": the speaker still speaks.
    let but_says = || {
        toks.iter()
            .skip(i + 1)
            .take_while(|t| t.sentence == tok.sentence)
            .any(|t| t.is_any(&["but", "saying", "adding"]))
    };
    if (negated_at(i) || joined_to_negated) && !but_says() {
        return false;
    }
    // "Azerbaijan responded with a counter-offensive": an answer in arms, not in words.
    if tok.is_any(&["responded", "responds", "replied", "replies", "retaliated"])
        && next.is_some_and(|n| n.is("with"))
    {
        let object = (i + 2..i + 4)
            .filter_map(|k| toks.get(k))
            .find(|t| !t.is_any(&["a", "an", "the", "its", "their"]));
        return object.is_some_and(|t| t.has(class::VENUE) || is_quote_mark(t.text));
    }
    // "identified as the manager", "described as": a name given, not words said.
    if next.is_some_and(|n| n.is("as"))
        && tok.is_any(&[
            "identified",
            "described",
            "named",
            "listed",
            "branded",
            "quoted",
            "cited",
        ])
    {
        return tok.is("quoted") && toks.get(i + 2).is_some_and(|n| n.is("saying"));
    }
    match tok.norm.as_str() {
        // "a group called X" names; "called for", "called on" speaks.
        "called" | "calls" => next.is_some_and(|n| {
            n.is_any(&[
                "for", "on", "it", "the", "him", "them", "this", "that", "a", "an", "upon",
            ]) || is_quote_mark(n.text)
        }),
        // "ruled out" speaks; "ruled the country" does not.
        "ruled" => next.is_some_and(|n| n.is("out")),

        // "offered to", "offered talks": an offer is made in words; "offered for sale" is not.
        "agreed" => next.is_some_and(|n| n.is_any(&["to", "that", "on"])),
        // "offered to reopen" proposes in words; "offered grain" gives.
        "offered" | "offers" | "proposed" | "proposes" => next.is_some_and(|n| {
            n.is_any(&["to", "that", "talks", "negotiations"]) || is_quote_mark(n.text)
        }),
        _ => true,
    }
}

/// "a balance announced on Tuesday by the Government", "a report released by the
/// ministry": a document's author, named after "by", with the words that name it.
pub(super) fn author_of_document(
    scope: &Scope<'_>,
    np: Range<usize>,
    cx: &Context<'_>,
    sentence: Range<usize>,
) -> Option<(Range<usize>, Referent)> {
    let toks = scope.toks;
    let head = toks.get(np.end.checked_sub(1)?)?;
    if !head.is_any(&[
        "balance",
        "toll",
        "tally",
        "report",
        "statement",
        "count",
        "assessment",
        "figures",
        "data",
        "estimate",
        "estimates",
        "bulletin",
        "communique",
    ]) {
        return None;
    }
    let issued = (np.end..(np.end + 3).min(sentence.end)).find(|&k| {
        toks.get(k).is_some_and(|t| {
            t.is_any(&[
                "announced",
                "released",
                "published",
                "issued",
                "provided",
                "compiled",
                "given",
                "made",
            ])
        })
    })?;
    let by = (issued + 1..(issued + 10).min(sentence.end))
        .find(|&k| toks.get(k).is_some_and(|t| t.is("by")))?;
    let author = np_after(toks, by + 1, sentence.end)?;
    let speaker = speaker_of(scope, author.clone(), cx, sentence)?;
    speaker.party.is_some().then_some((author, speaker))
}
