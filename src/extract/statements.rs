//! Who says what: finds reporting verbs and "according to", reads the speaker before or
//! after them, resolves "the ministry", "it" and "the statement" through a per-document
//! memory of speakers, and hands quotations to the speaker they belong to.

use std::collections::HashMap;
use std::ops::Range;

use super::Statement;
use super::lexicon::{
    CLAUSE_OPENERS, DENIALS, FINITE_VERBS, MEDIA_NOUNS, ORG_WORDS, PARTICIPLES, PERSON_TITLES,
    PRONOUNS, SPEAKER_ADVERBS, SPEAKER_NOUNS, SPEECH_VENUES, TIME_WORDS,
};
use super::parties::Gazetteer;
use super::tokens::{Token, Tokens, is_quote_mark};

/// Words that join the parts of a speaker's name: "Ministry *of* Defence", "a statement
/// *by* the ministry".
const CONNECTORS: &[&str] = &[
    "of", "for", "by", "from", "the", "a", "an", "de", "al", "on",
];

/// Words that make a speaker phrase point back at an earlier speaker.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "a", "an", "its", "his", "her", "their",
];

/// Nouns for what a source published; "the X's figures" and "figures from X" are X's.
const SOURCE_DOCUMENTS: &[&str] = &[
    "statement",
    "statements",
    "figures",
    "data",
    "report",
    "tally",
    "count",
    "toll",
    "records",
    "communique",
    "post",
    "message",
    "letter",
    "release",
    "briefing",
];

/// A speaker as resolved: the name the text gives (or the one it points back to).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    pub name: String,
    pub party: Option<String>,
    pub person: bool,
}

/// What the statement reader remembers across the paragraphs of one document.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    speakers: Vec<Speaker>,
    /// Normalised surname or full name -> party id, learnt from "Kremlin spokesman
    /// Dmitry Peskov"-style descriptions.
    persons: HashMap<String, String>,
    pub previous_paragraph_spoke: bool,
}

impl Memory {
    pub fn last(&self) -> Option<&Speaker> {
        self.speakers.last()
    }

    fn remember(&mut self, speaker: &Speaker) {
        self.speakers.retain(|s| s.name != speaker.name);
        self.speakers.push(speaker.clone());
        if self.speakers.len() > 32 {
            self.speakers.remove(0);
        }
    }

    /// The earlier speaker a reference ("it", "the ministry", "the statement") means.
    fn lookup(&self, words: &[String]) -> Option<&Speaker> {
        let recent = || self.speakers.iter().rev();
        let Some(head) = words.last() else {
            return self.last();
        };
        match head.as_str() {
            "it" | "which" => recent().find(|s| !s.person).or_else(|| self.last()),
            "he" | "she" | "who" => recent().find(|s| s.person).or_else(|| self.last()),
            "they" => self.last(),
            h if SOURCE_DOCUMENTS.contains(&h) => self.last(),
            _ => {
                let has = |s: &Speaker, w: &str| s.name.to_lowercase().contains(w);
                recent()
                    .find(|s| words.iter().all(|w| has(s, w)))
                    .or_else(|| recent().find(|s| has(s, head)))
                    .or_else(|| {
                        let person = PERSON_TITLES.contains(&head.as_str());
                        let org = ORG_WORDS.contains(&head.as_str());
                        recent().find(|s| (person && s.person) || (org && !s.person))
                    })
            }
        }
    }
}

/// An occurrence of a reporting verb or participle that some statement owns; the
/// casualty reader attributes figures through these.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Anchor {
    pub tok: usize,
    /// Index into `Found::statements`.
    pub statement: usize,
    /// The verb denies what follows it.
    pub denial: bool,
}

/// One paragraph's statements and what the casualty reader needs to attribute figures.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub statements: Vec<Statement>,
    pub anchors: Vec<Anchor>,
    /// Per quotation of the paragraph: the statement it belongs to.
    pub quote_owner: Vec<Option<usize>>,
    /// Byte ranges that frame a statement ("On Monday, the ministry said"): dates in
    /// them are when something was said, not when it happened.
    pub frames: Vec<Range<usize>>,
}

/// A reporting act found in the text, before statements are merged.
#[derive(Debug, Clone)]
struct Candidate {
    verb: usize,
    /// One past the verb phrase ("according to" is two tokens).
    verb_end: usize,
    /// Tokens naming the speaker.
    np: Range<usize>,
    speaker: Speaker,
    /// The speaker follows the verb (`said Peskov`, `according to X`).
    after: bool,
}

impl Candidate {
    fn span(&self) -> Range<usize> {
        self.np.start.min(self.verb)..self.np.end.max(self.verb_end)
    }
}

/// Reads the statements of one paragraph (numbered `paragraph`, 1-based).
pub(crate) fn read_paragraph(
    paragraph: usize,
    text: &str,
    t: &Tokens<'_>,
    memory: &mut Memory,
    gazetteer: &Gazetteer,
) -> Found {
    learn_persons(&t.toks, memory, gazetteer);
    let (candidates, coordinated) = find_candidates(&t.toks, memory, gazetteer);
    let (mut statements_of, groups) = group_candidates(&t.toks, &candidates);
    let quote_owner = assign_quotes(t, &candidates, &statements_of);
    let mut found = Found {
        quote_owner,
        ..Found::default()
    };
    for (g, members) in groups.iter().enumerate() {
        let Some(first) = members.first().and_then(|&c| candidates.get(c)) else {
            continue;
        };
        found.statements.push(build_statement(
            paragraph,
            text,
            t,
            g,
            members,
            &candidates,
            &found.quote_owner,
        ));
        for &c in members {
            if let Some(cand) = candidates.get(c) {
                found.anchors.push(Anchor {
                    tok: cand.verb,
                    statement: g,
                    denial: t.toks.get(cand.verb).is_some_and(|v| v.is_any(DENIALS)),
                });
                let f = frame(&t.toks, cand);
                let start = t.toks.get(f.start).map_or(0, |x| x.start);
                let end = t.toks.get(f.end.saturating_sub(1)).map_or(start, |x| x.end);
                found.frames.push(start..end.max(start));
            }
        }
        let _ = first;
    }
    for (tok, cand) in coordinated {
        if let Some(&g) = statements_of.get(cand) {
            found.anchors.push(Anchor {
                tok,
                statement: g,
                denial: t.toks.get(tok).is_some_and(|v| v.is_any(DENIALS)),
            });
        }
    }
    attach_participles(&t.toks, &candidates, &mut statements_of, &mut found);
    if found.statements.is_empty() {
        continuation(paragraph, text, t, memory, &mut found);
    }
    memory.previous_paragraph_spoke = !found.statements.is_empty();
    found.anchors.sort_by_key(|a| a.tok);
    found
}

/// Finds every reporting act, resolving speakers in text order so that a reference
/// sees the speakers named before it. Returns the acts and the verbs coordinated with an
/// earlier act ("dismissed the claim *and described*...": token, candidate index).
fn find_candidates(
    toks: &[Token<'_>],
    memory: &mut Memory,
    gazetteer: &Gazetteer,
) -> (Vec<Candidate>, Vec<(usize, usize)>) {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut coordinated = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if tok.quoted || !tok.word {
            continue;
        }
        let found = if tok.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            np_after(toks, i + 2).map(|np| (np, i + 2, true))
        } else if tok.is_any(FINITE_VERBS) {
            match subject_before(toks, i) {
                Subject::Np(np) => Some((np, i + 1, false)),
                Subject::Coordinated => {
                    let earlier = candidates.len().checked_sub(1).filter(|&c| {
                        candidates
                            .get(c)
                            .and_then(|c| toks.get(c.verb))
                            .is_some_and(|v| v.sentence == tok.sentence)
                    });
                    match earlier {
                        Some(c) => {
                            coordinated.push((i, c));
                            None
                        }
                        None => clause_subject(toks, i).map(|np| (np, i + 1, false)),
                    }
                }
                Subject::None => quoted_speaker(toks, i)
                    .or_else(|| speaker_after_verb(toks, i))
                    .map(|np| (np, i + 1, true)),
            }
        } else {
            None
        };
        let Some((np, verb_end, after)) = found else {
            continue;
        };
        let Some(speaker) = resolve_speaker(toks, &np, memory, gazetteer) else {
            continue;
        };
        memory.remember(&speaker);
        candidates.push(Candidate {
            verb: i,
            verb_end,
            np,
            speaker,
            after,
        });
    }
    (candidates, coordinated)
}

/// "TASS quoted the ministry as saying": the one quoted is the speaker.
fn quoted_speaker(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    if !toks.get(verb)?.is("quoted") {
        return None;
    }
    let np = np_after(toks, verb + 1)?;
    toks.get(np.end)?.is("as").then_some(np)
}

/// A speaker after the verb is only read where a quotation or comma precedes the verb:
/// `“...,” said Peskov`.
fn speaker_after_verb(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    let before = toks.get(verb.checked_sub(1)?)?;
    let follows_quote = before.is_punct(',') || (!before.word && is_quote_mark(before.text));
    if !follows_quote
        || !toks.get(verb)?.is_any(&[
            "said",
            "says",
            "added",
            "adds",
            "noted",
            "stated",
            "wrote",
            "insisted",
            "warned",
            "continued",
            "explained",
            "told",
            "declared",
            "stressed",
            "replied",
            "asked",
        ])
    {
        return None;
    }
    np_after(toks, skip_time(toks, verb + 1))
}

enum Subject {
    Np(Range<usize>),
    /// The verb follows "and"/"but": its subject is an earlier verb's.
    Coordinated,
    None,
}

/// The speaker phrase before a verb, over adverbs, time phrases, "in a statement" and
/// a parenthetical between commas.
fn subject_before(toks: &[Token<'_>], verb: usize) -> Subject {
    let Some(sentence) = toks.get(verb).map(|t| t.sentence) else {
        return Subject::None;
    };
    let same = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.sentence == sentence && !t.quoted)
    };
    let mut j = verb;
    let mut steps = 0;
    while j > 0 && same(j - 1) && steps < 24 {
        steps += 1;
        if let Some(k) = skip_back_adverbial(toks, j) {
            j = k;
        } else {
            break;
        }
    }
    if j > 0
        && same(j - 1)
        && toks
            .get(j - 1)
            .is_some_and(|t| t.is_any(&["and", "but", "or"]))
    {
        return Subject::Coordinated;
    }
    if j > 0 && same(j - 1) && toks.get(j - 1).is_some_and(|t| t.is_any(PRONOUNS)) {
        return Subject::Np(j - 1..j);
    }
    let end = j;
    let mut start = j;
    while start > 0 && end - start < 14 && same(start - 1) {
        let Some(t) = toks.get(start - 1) else { break };
        if !(t.word && name_word(t)) {
            break;
        }
        start -= 1;
    }
    match trim_np(toks, start..end) {
        Some(np) => Subject::Np(np),
        None => Subject::None,
    }
}

/// One adverbial step back from `j` (exclusive): returns the new end, or None.
fn skip_back_adverbial(toks: &[Token<'_>], j: usize) -> Option<usize> {
    let prev = toks.get(j.checked_sub(1)?)?;
    if prev.word && prev.is_any(SPEAKER_ADVERBS) {
        return Some(j - 1);
    }
    if prev.word && prev.is_any(TIME_WORDS) && !prev.is("last") {
        let mut k = j - 1;
        while k > 0
            && toks
                .get(k - 1)
                .is_some_and(|t| t.is_any(&["on", "late", "early", "earlier", "this", "last"]))
        {
            k -= 1;
        }
        return Some(k);
    }
    if prev.word && prev.is_any(SPEECH_VENUES) {
        // "in a (written) statement"
        let mut k = j - 1;
        while k > 0
            && toks
                .get(k - 1)
                .is_some_and(|t| t.word && !t.is("in") && !t.capitalized() && k + 4 > j)
        {
            k -= 1;
        }
        if k > 0 && toks.get(k - 1).is_some_and(|t| t.is("in")) {
            return Some(k - 1);
        }
        return None;
    }
    if prev.is_punct(',') {
        return parenthetical(toks, j - 1);
    }
    None
}

/// `X, in a statement, said` / `X, the ministry's spokesman, said`: given the comma
/// before the verb, the index of the comma that opens the parenthetical.
fn parenthetical(toks: &[Token<'_>], comma: usize) -> Option<usize> {
    let sentence = toks.get(comma)?.sentence;
    let mut k = comma;
    while k > 0 && comma - k < 16 {
        let t = toks.get(k - 1)?;
        if t.sentence != sentence || t.quoted || (!t.word && !t.is_punct(',')) {
            return None;
        }
        if t.is_punct(',') {
            let inner = toks.get(k..comma)?;
            let venue = inner.first().is_some_and(|t| t.is("in") || t.is("for"))
                || inner
                    .iter()
                    .all(|t| t.is_any(SPEAKER_ADVERBS) || t.is_any(TIME_WORDS) || t.is("on"));
            let appositive = !inner.is_empty()
                && inner.iter().all(name_word)
                && inner
                    .iter()
                    .any(|t| t.is_any(SPEAKER_NOUNS) || t.capitalized());
            let named_before = toks
                .get(k - 2)
                .is_some_and(|t| t.word && (t.capitalized() || t.is_any(SPEAKER_NOUNS)));
            return ((venue || appositive) && named_before).then_some(k - 1);
        }
        k -= 1;
    }
    None
}

/// A token that can be part of a speaker's name.
fn name_word(t: &Token<'_>) -> bool {
    t.word && (t.capitalized() || t.is_any(SPEAKER_NOUNS) || t.is_any(CONNECTORS))
}

/// Drops openers and determiners at the front and connectors at the back; None when no
/// head noun or name is left.
fn trim_np(toks: &[Token<'_>], np: Range<usize>) -> Option<Range<usize>> {
    let (mut start, mut end) = (np.start, np.end);
    while start < end
        && toks.get(start).is_some_and(|t| {
            t.is_any(CLAUSE_OPENERS)
                || t.is_any(TIME_WORDS)
                || (t.is_any(CONNECTORS) && !t.is_any(DETERMINERS))
        })
    {
        start += 1;
    }
    while end > start
        && toks
            .get(end - 1)
            .is_some_and(|t| t.is_any(CONNECTORS) || t.is_any(DETERMINERS))
    {
        end -= 1;
    }
    let head = toks.get(end.checked_sub(1)?)?;
    let head_ok = (head.capitalized() && !head.is_any(TIME_WORDS) && !is_month(head))
        || head.is_any(SPEAKER_NOUNS);
    (start < end && head_ok).then_some(start..end)
}

fn is_month(t: &Token<'_>) -> bool {
    t.is_any(&[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ])
}

/// The speaker phrase starting at `i` (after "according to" or a verb).
fn np_after(toks: &[Token<'_>], i: usize) -> Option<Range<usize>> {
    let sentence = toks.get(i)?.sentence;
    let mut end = i;
    while end - i < 14 {
        let Some(t) = toks.get(end) else { break };
        if t.sentence != sentence || t.quoted || !name_word(t) {
            break;
        }
        end += 1;
        if t.possessive()
            && toks
                .get(end)
                .is_some_and(|n| !n.is_any(SPEAKER_NOUNS) && !n.capitalized())
        {
            break;
        }
    }
    trim_np(toks, i..end)
}

/// For a verb after "and" with no earlier act in its sentence: the subject at the start
/// of its clause ("According to the statement, *Bono* conveyed ... and said").
fn clause_subject(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    let sentence = toks.get(verb)?.sentence;
    let mut k = verb;
    while k > 0
        && toks
            .get(k - 1)
            .is_some_and(|t| t.sentence == sentence && !t.is_punct(',') && !t.quoted)
    {
        k -= 1;
    }
    let np = np_after(toks, k)?;
    (np.end < verb).then_some(np)
}

/// Steps over "Monday", "late Monday", "on Sunday" after a verb.
fn skip_time(toks: &[Token<'_>], mut i: usize) -> usize {
    while toks
        .get(i)
        .is_some_and(|t| t.is_any(TIME_WORDS) || t.is("on"))
    {
        i += 1;
    }
    i
}

/// Resolves a speaker phrase: through memory for references, through the gazetteer and
/// known persons for names.
fn resolve_speaker(
    toks: &[Token<'_>],
    np: &Range<usize>,
    memory: &Memory,
    gazetteer: &Gazetteer,
) -> Option<Speaker> {
    let words = toks.get(np.clone())?;
    let core = source_of(words);
    let core_words = words.get(core.clone())?;
    let first = core_words.first()?;
    let is_reference = core_words.len() == 1 && first.is_any(PRONOUNS)
        || (first.is_any(DETERMINERS) && core_words.iter().skip(1).all(|t| !t.capitalized()));
    if is_reference {
        let content: Vec<String> = core_words
            .iter()
            .filter(|t| !t.is_any(DETERMINERS))
            .map(|t| t.norm.clone())
            .collect();
        return Some(match memory.lookup(&content) {
            Some(earlier) => earlier.clone(),
            None if first.is_any(PRONOUNS) => return None,
            None => Speaker {
                name: phrase_text(core_words),
                party: None,
                person: false,
            },
        });
    }
    let named: &[Token<'_>] = if first.is_any(DETERMINERS) {
        core_words.get(1..)?
    } else {
        core_words
    };
    let name = phrase_text(named);
    let texts: Vec<&str> = named.iter().map(|t| t.text).collect();
    let place = (0..texts.len()).any(|i| {
        gazetteer
            .match_words(&texts, i)
            .is_some_and(|(len, _)| len == texts.len())
    });
    let known_person = named.iter().any(|t| memory.persons.contains_key(&t.norm));
    let person = named.iter().any(|t| t.is_any(PERSON_TITLES))
        || known_person
        || (!named.iter().any(|t| t.is_any(ORG_WORDS))
            && !place
            && named
                .iter()
                .all(|t| t.capitalized() || t.is_any(CONNECTORS)));
    let media = named.iter().any(|t| t.is_any(MEDIA_NOUNS));
    let party = if media {
        None
    } else {
        party_of(named, gazetteer, memory).or_else(|| appositive_party(toks, np, gazetteer))
    };
    Some(Speaker {
        name,
        party,
        person,
    })
}

/// "a statement by X" and "figures from X" -> X; "X's statement" -> X. Indexes into the
/// phrase's tokens.
fn source_of(words: &[Token<'_>]) -> Range<usize> {
    let by = words.iter().position(|t| t.is("by") || t.is("from"));
    if let Some(b) = by {
        let before_is_document = words
            .get(..b)
            .is_some_and(|w| w.iter().any(|t| t.is_any(SOURCE_DOCUMENTS)));
        if before_is_document && b + 1 < words.len() {
            return b + 1..words.len();
        }
    }
    let tail_is_document = words.last().is_some_and(|t| t.is_any(SOURCE_DOCUMENTS));
    if tail_is_document {
        if let Some(p) = words.iter().rposition(|t| t.possessive()) {
            return 0..p + 1;
        }
    }
    0..words.len()
}

/// The party a name points at: the first alias in it, else a person learnt earlier.
fn party_of(words: &[Token<'_>], gazetteer: &Gazetteer, memory: &Memory) -> Option<String> {
    let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
    let alias =
        (0..texts.len()).find_map(|i| gazetteer.match_words(&texts, i).map(|(_, p)| p.id.clone()));
    alias.or_else(|| {
        let full = words
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        memory.persons.get(&full).cloned().or_else(|| {
            words
                .iter()
                .rev()
                .filter(|t| t.capitalized())
                .find_map(|t| memory.persons.get(&t.norm).cloned())
        })
    })
}

/// `Maria Zakharova, the Russian Foreign Ministry spokeswoman, said`: the party named in
/// an appositive next to the speaker.
fn appositive_party(
    toks: &[Token<'_>],
    np: &Range<usize>,
    gazetteer: &Gazetteer,
) -> Option<String> {
    let sentence = toks.get(np.start)?.sentence;
    let side = |from: usize, step: isize| -> Option<String> {
        let comma = usize::try_from(isize::try_from(from).ok()? + step).ok()?;
        if !toks.get(comma)?.is_punct(',') {
            return None;
        }
        let mut words = Vec::new();
        let mut k = comma;
        for _ in 0..12 {
            k = usize::try_from(isize::try_from(k).ok()? + step).ok()?;
            let t = toks.get(k)?;
            if t.sentence != sentence || !name_word(t) {
                break;
            }
            words.push(t.text);
        }
        if step < 0 {
            words.reverse();
        }
        (0..words.len()).find_map(|i| gazetteer.match_words(&words, i).map(|(_, p)| p.id.clone()))
    };
    side(np.end.checked_sub(1)?, 1).or_else(|| side(np.start, -1))
}

fn phrase_text(words: &[Token<'_>]) -> String {
    let mut parts: Vec<&str> = words.iter().map(|t| t.text).collect();
    if let Some(last) = parts.last_mut() {
        *last = super::parties::strip_possessive(last);
    }
    parts.join(" ")
}

/// Learns "U.S. Senior Adviser ... Louis Bono" -> Bono is us: a party alias, a run of
/// titles, then a name.
fn learn_persons(toks: &[Token<'_>], memory: &mut Memory, gazetteer: &Gazetteer) {
    let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let mut i = 0;
    while i < toks.len() {
        let Some((len, party)) = gazetteer.match_words(&texts, i) else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        let mut titled = false;
        while let Some(t) = toks.get(j) {
            let title = t.is_any(PERSON_TITLES) || t.is_any(SPEAKER_NOUNS);
            if !(t.word && (t.capitalized() || title || t.is_any(&["for", "of", "the"])))
                || j - i > 12
            {
                break;
            }
            titled |= title;
            j += 1;
        }
        let name_start = (i + len..j)
            .rev()
            .take_while(|&k| {
                toks.get(k).is_some_and(|t| {
                    t.capitalized()
                        && !t.is_any(PERSON_TITLES)
                        && !t.is_any(SPEAKER_NOUNS)
                        && !t.is_any(ORG_WORDS)
                })
            })
            .last();
        if let (true, Some(s)) = (titled, name_start) {
            let name: Vec<&str> = toks
                .get(s..j)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            if let Some(surname) = name.last() {
                memory
                    .persons
                    .insert((*surname).to_string(), party.id.clone());
            }
            memory.persons.insert(name.join(" "), party.id.clone());
        }
        i = j.max(i + 1);
    }
}

/// Merges acts of the same speaker in the same sentence into one statement. Returns the
/// statement index of each candidate and the candidates of each statement.
fn group_candidates(toks: &[Token<'_>], candidates: &[Candidate]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut of = Vec::with_capacity(candidates.len());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (c, cand) in candidates.iter().enumerate() {
        let sentence = toks.get(cand.verb).map(|t| t.sentence);
        let same = groups.len().checked_sub(1).filter(|&g| {
            let g = &groups[g];
            g.first().and_then(|&f| candidates.get(f)).is_some_and(|f| {
                f.speaker.name == cand.speaker.name
                    && toks.get(f.verb).map(|t| t.sentence) == sentence
            })
        });
        match same {
            Some(g) => {
                if let Some(group) = groups.get_mut(g) {
                    group.push(c);
                }
                of.push(g);
            }
            None => {
                of.push(groups.len());
                groups.push(vec![c]);
            }
        }
    }
    (of, groups)
}

/// Gives each quotation to a statement: the one attributed right after it (`,” X
/// said`), right before it (`X said: “`), the one whose clause holds it, else the
/// nearest in the paragraph, earlier first.
fn assign_quotes(
    t: &Tokens<'_>,
    candidates: &[Candidate],
    statement_of: &[usize],
) -> Vec<Option<usize>> {
    let owner = |c: usize| statement_of.get(c).copied();
    t.quotes
        .iter()
        .map(|q| {
            if let Some(close) = q.close {
                let mut k = close + 1;
                while t.toks.get(k).is_some_and(|x| x.is_punct(',')) {
                    k += 1;
                }
                if let Some(c) = candidates.iter().position(|c| c.span().start == k) {
                    return owner(c);
                }
            }
            let mut k = q.open;
            while k > 0
                && t.toks
                    .get(k - 1)
                    .is_some_and(|x| x.is_punct(',') || x.is_punct(':') || x.is("that"))
            {
                k -= 1;
            }
            if let Some(c) = candidates
                .iter()
                .position(|c| k > 0 && skip_time(&t.toks, c.span().end) >= k && c.span().end <= k)
            {
                return owner(c);
            }
            let sentence = t.toks.get(q.open).map(|x| x.sentence);
            let before = candidates.iter().rposition(|c| c.verb < q.open);
            let in_clause = before.filter(|&c| {
                candidates
                    .get(c)
                    .and_then(|c| t.toks.get(c.verb))
                    .map(|x| x.sentence)
                    == sentence
            });
            in_clause
                .or(before)
                .or_else(|| candidates.iter().position(|c| c.verb > q.open))
                .and_then(owner)
        })
        .collect()
}

/// Builds statement `g` from its candidates.
fn build_statement(
    paragraph: usize,
    text: &str,
    t: &Tokens<'_>,
    g: usize,
    members: &[usize],
    candidates: &[Candidate],
    quote_owner: &[Option<usize>],
) -> Statement {
    let first = members.first().and_then(|&c| candidates.get(c));
    let (speaker, party, verb) = first.map_or_else(Default::default, |c| {
        let verb = verb_text(text, &t.toks, c);
        (c.speaker.name.clone(), c.speaker.party.clone(), verb)
    });
    let owned: Vec<&super::tokens::Quote> = t
        .quotes
        .iter()
        .zip(quote_owner)
        .filter(|(_, o)| **o == Some(g))
        .map(|(q, _)| q)
        .collect();
    let quoted_words: usize = owned
        .iter()
        .map(|q| {
            t.toks
                .get(q.inner(t.toks.len()))
                .map_or(0, |w| w.iter().filter(|x| x.word).count())
        })
        .sum();
    let direct = quoted_words >= 3;
    let mut toks_used: Vec<usize> = Vec::new();
    for c in members.iter().filter_map(|&c| candidates.get(c)) {
        toks_used.extend([c.span().start, c.span().end.saturating_sub(1)]);
    }
    for q in &owned {
        toks_used.push(q.open);
        toks_used.push(q.close.unwrap_or(t.toks.len().saturating_sub(1)));
    }
    let clause = members
        .first()
        .map(|&c| reported_clause(t, c, candidates))
        .unwrap_or(0..0);
    let words = if direct && !owned.is_empty() {
        owned
            .iter()
            .map(|q| quote_text(text, &t.toks, q))
            .collect::<Vec<_>>()
            .join(" … ")
    } else {
        token_text(text, &t.toks, &clause)
    };
    if !clause.is_empty() {
        toks_used.extend([clause.start, clause.end - 1]);
    }
    let excerpt = excerpt_of(t, &toks_used);
    Statement {
        paragraph,
        speaker,
        party,
        verb,
        direct,
        text: words,
        excerpt,
    }
}

fn verb_text(text: &str, toks: &[Token<'_>], c: &Candidate) -> String {
    let start = toks.get(c.verb).map_or(0, |t| t.start);
    let end = toks
        .get(c.verb_end.saturating_sub(1))
        .map_or(start, |t| t.end);
    text.get(start..end).unwrap_or("").to_string()
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

/// The words a statement reports: after its verb to the next act or the sentence end,
/// or — for a trailing attribution ("..., the ministry said") — before it.
fn reported_clause(t: &Tokens<'_>, index: usize, candidates: &[Candidate]) -> Range<usize> {
    let toks = &t.toks;
    let Some(c) = candidates.get(index) else {
        return 0..0;
    };
    let Some(sentence) = toks.get(c.verb).map(|t| t.sentence) else {
        return 0..0;
    };
    let Some(bytes) = t.sentences.get(sentence) else {
        return 0..0;
    };
    let sentence_start = toks.partition_point(|x| x.start < bytes.start);
    let sentence_end = toks.partition_point(|x| x.start < bytes.end);
    let mut start = skip_time(toks, c.span().end);
    while toks
        .get(start)
        .is_some_and(|t| t.is("that") || t.is_punct(',') || t.is_punct(':'))
    {
        start += 1;
    }
    let next_act = candidates
        .get(index + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|o| o.span().start)
        .find(|&s| s > c.verb)
        .unwrap_or(usize::MAX);
    let end = sentence_end.min(next_act).max(start);
    let words_after = toks
        .get(start..end)
        .is_some_and(|w| w.iter().any(|t| t.word));
    if words_after {
        start..end
    } else {
        sentence_start..c.span().start
    }
}

/// The sentences holding the given tokens, as one byte range of the paragraph.
fn excerpt_of(t: &Tokens<'_>, toks_used: &[usize]) -> Range<usize> {
    let sentence_of = |k: &usize| t.toks.get(*k).map(|x| x.sentence);
    let first = toks_used.iter().filter_map(sentence_of).min();
    let last = toks_used.iter().filter_map(sentence_of).max();
    match (
        first.and_then(|s| t.sentences.get(s)),
        last.and_then(|s| t.sentences.get(s)),
    ) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}

/// The tokens that frame a statement: its speaker and verb, time words next to them
/// and an opening "On Monday," — a date there dates the saying, not the event.
fn frame(toks: &[Token<'_>], c: &Candidate) -> Range<usize> {
    let span = c.span();
    let end = skip_time(toks, span.end);
    let mut start = span.start;
    let sentence = toks.get(span.start).map(|t| t.sentence);
    while start > 0
        && toks.get(start - 1).is_some_and(|t| {
            Some(t.sentence) == sentence
                && !t.quoted
                && (t.is_any(TIME_WORDS)
                    || t.is_punct(',')
                    || is_month(t)
                    || t.is_any(&["on", "in"])
                    || t.norm.chars().all(|c| c.is_ascii_digit()))
        })
    {
        start -= 1;
    }
    start..end
}

/// Participles ("..., saying three were killed") speak for the statement of their
/// sentence: the nearest act before them, else after.
fn attach_participles(
    toks: &[Token<'_>],
    candidates: &[Candidate],
    statement_of: &mut [usize],
    found: &mut Found,
) {
    for (i, tok) in toks.iter().enumerate() {
        if tok.quoted || !tok.is_any(PARTICIPLES) {
            continue;
        }
        let same = |c: usize| {
            candidates
                .get(c)
                .and_then(|c| toks.get(c.verb))
                .is_some_and(|v| v.sentence == tok.sentence)
        };
        let split = candidates.partition_point(|c| c.verb < i);
        let chosen = split
            .checked_sub(1)
            .filter(|&c| same(c))
            .or(Some(split).filter(|&c| same(c)));
        if let Some(&g) = chosen.and_then(|c| statement_of.get(c)) {
            found.anchors.push(Anchor {
                tok: i,
                statement: g,
                denial: tok.is_any(DENIALS),
            });
        }
    }
}

/// A paragraph that opens a quotation without naming anyone continues the quotation of
/// the speaker of the paragraph before.
fn continuation(paragraph: usize, text: &str, t: &Tokens<'_>, memory: &Memory, found: &mut Found) {
    let opens_with_quote = t.quotes.first().is_some_and(|q| q.open == 0);
    let Some(speaker) = memory
        .last()
        .filter(|_| opens_with_quote && memory.previous_paragraph_spoke)
    else {
        return;
    };
    let Some(q) = t.quotes.first() else { return };
    let mut owner = vec![None; t.quotes.len()];
    if let Some(first) = owner.first_mut() {
        *first = Some(0);
    }
    let last_tok = q.close.unwrap_or(t.toks.len().saturating_sub(1));
    found.statements.push(Statement {
        paragraph,
        speaker: speaker.name.clone(),
        party: speaker.party.clone(),
        verb: String::new(),
        direct: true,
        text: quote_text(text, &t.toks, q),
        excerpt: excerpt_of(t, &[q.open, last_tok]),
    });
    found.quote_owner = owner;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn read(paragraphs: &[&str]) -> Vec<Vec<(String, Option<String>, bool)>> {
        let g = Gazetteer::builtin();
        let mut memory = Memory::default();
        paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let t = tokenize(p);
                read_paragraph(i + 1, p, &t, &mut memory, &g)
                    .statements
                    .into_iter()
                    .map(|s| (s.speaker, s.party, s.direct))
                    .collect()
            })
            .collect()
    }

    fn one(speaker: &str, party: Option<&str>, direct: bool) -> (String, Option<String>, bool) {
        (speaker.to_string(), party.map(str::to_string), direct)
    }

    #[test]
    fn speaker_before_the_verb_with_possessive_and_demonym() {
        let got = read(&[
            "On Sunday, Azerbaijan’s Foreign Ministry said a shootout occurred.",
            "The Russian Foreign Ministry expressed concern about the shooting.",
        ]);
        assert_eq!(
            got[0],
            vec![one(
                "Azerbaijan’s Foreign Ministry",
                Some("azerbaijan"),
                false
            )]
        );
        assert_eq!(
            got[1],
            vec![one("Russian Foreign Ministry", Some("russia"), false)]
        );
    }

    #[test]
    fn trailing_attribution_after_a_long_quotation() {
        let got = read(&[
            "“First sentence here. As a result, two servicemen were killed,” a statement by the Azerbaijani Defense Ministry said late Monday.",
        ]);
        assert_eq!(
            got[0],
            vec![one(
                "Azerbaijani Defense Ministry",
                Some("azerbaijan"),
                true
            )]
        );
    }

    #[test]
    fn references_resolve_to_the_last_fitting_speaker() {
        let got = read(&[
            "The Russian Defense Ministry said its troops moved in.",
            "The ministry confirmed the figures, and Kremlin spokesman Dmitry Peskov told reporters the talks went on.",
            "“We will not stop,” he said.",
            "The clash was halted, it added.",
        ]);
        assert_eq!(
            got[1][0],
            one("Russian Defense Ministry", Some("russia"), false)
        );
        assert_eq!(got[1][1].1.as_deref(), Some("russia"));
        assert_eq!(
            got[2],
            vec![one("Kremlin spokesman Dmitry Peskov", Some("russia"), true)]
        );
        assert_eq!(
            got[3],
            vec![one("Russian Defense Ministry", Some("russia"), false)]
        );
    }

    #[test]
    fn said_after_the_quote_and_according_to() {
        let got = read(&[
            "“We are ready,” said Armenian Prime Minister Nikol Pashinyan.",
            "Five people died, according to Ukraine’s emergency service.",
        ]);
        assert_eq!(got[0][0].1.as_deref(), Some("armenia"));
        assert_eq!(got[1][0].1.as_deref(), Some("ukraine"));
    }

    #[test]
    fn parenthetical_between_speaker_and_verb() {
        let got = read(&[
            "Maria Zakharova, the Russian Foreign Ministry spokeswoman, said the talks failed.",
            "Baku, in a statement, said the talks failed.",
        ]);
        assert_eq!(got[0][0].1.as_deref(), Some("russia"));
        assert_eq!(got[1], vec![one("Baku", Some("azerbaijan"), false)]);
    }

    #[test]
    fn narration_and_meetings_are_not_statements() {
        let got = read(&[
            "Aliyev met with U.S. Senior Adviser Louis Bono on Monday and discussed normalizing relations.",
            "Relations between the former Soviet republics have been tense since 1991.",
            "A territory called Karabakh lies between them.",
        ]);
        assert!(got.iter().all(Vec::is_empty), "{got:?}");
    }

    #[test]
    fn a_paragraph_continuing_a_quotation_keeps_its_speaker() {
        let got = read(&[
            "“The attack was planned,” Israeli military spokesman Daniel Hagari said.",
            "“Our forces will respond with full force.”",
        ]);
        assert_eq!(
            got[1],
            vec![one(
                "Israeli military spokesman Daniel Hagari",
                Some("israel"),
                true
            )]
        );
    }

    #[test]
    fn learnt_persons_give_their_party_later() {
        let got = read(&[
            "Aliyev met U.S. Senior Adviser for Caucasus Negotiations Louis Bono.",
            "Bono said the meeting was useful.",
        ]);
        assert_eq!(got[1], vec![one("Bono", Some("us"), false)]);
    }
}
