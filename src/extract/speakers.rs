//! Who is speaking: reads the speaker phrase next to a reporting verb ("Azerbaijan's
//! Foreign Ministry", "a statement by the Azerbaijani Defense Ministry", "it"), and
//! resolves it to a name and a party through the gazetteer, learnt persons and a
//! per-document memory of earlier speakers.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::{
    CLAUSE_OPENERS, FINITE_VERBS, MEDIA_NOUNS, ORG_WORDS, PERSON_TITLES, PRONOUNS, SPEAKER_ADVERBS,
    SPEAKER_NOUNS, SPEECH_VENUES, TIME_WORDS,
};
use super::parties::Gazetteer;
use super::tokens::{Token, is_quote_mark};

/// Heads of groups that report but are no party: "doctors' union", "rights group".
const CIVIL_NOUNS: &[&str] = &[
    "union",
    "syndicate",
    "association",
    "network",
    "observatory",
    "ngo",
    "charity",
    "hospital",
    "doctors",
    "doctor",
    "medics",
    "residents",
    "resident",
    "witnesses",
    "witness",
    "activists",
    "activist",
    "farmer",
    "farmers",
    "monitors",
    "monitor",
    "survivors",
    "relatives",
    "analysts",
    "analyst",
    "experts",
    "workers",
    "blogger",
    "bloggers",
];
/// Words that make a name a company's: companies speak for no party.
const COMPANY_WORDS: &[&str] = &[
    "co",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "pty",
    "plc",
    "llc",
    "gmbh",
    "airways",
    "airlines",
    "motors",
];
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
    /// A party the name points at even when the speaker is not that party ("Lebanese
    /// state media", "Gaza residents"): whose people an unqualified figure counts.
    pub hint: Option<String>,
}
/// What the statement reader remembers across the paragraphs of one document.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    speakers: Vec<Speaker>,
    /// Normalised surname or full name -> party id, learnt from "Kremlin spokesman
    /// Dmitry Peskov"-style descriptions.
    persons: HashMap<String, String>,
    /// Institutions named in narration ("the Myanmar military"), for references that
    /// no earlier speaker fits.
    mentions: Vec<Speaker>,
    pub previous_paragraph_spoke: bool,
    /// The party whose own publication the document is (a ministry's press release, a
    /// UN agency's update): its officials speak for it unless named otherwise.
    publisher: Option<String>,
    /// The party the document so far is mostly about (half the party mentions at least):
    /// the last resort for an official named by office alone.
    pub dominant: Option<String>,
    /// The one state the document names most (see `home_party`): whom "the army" or
    /// "the health ministry" named for the first time serves.
    pub home: Option<String>,
    /// The party of the last speaker of the paragraph being read: "Kyiv disputed the
    /// figure. ..., army spokesman X wrote" is Kyiv's spokesman.
    pub paragraph_party: Option<String>,
}
impl Memory {
    pub(crate) fn with_publisher(publisher: Option<String>) -> Self {
        Self {
            publisher,
            ..Self::default()
        }
    }

    pub fn last(&self) -> Option<&Speaker> {
        self.speakers.last()
    }

    pub(crate) fn remember(&mut self, speaker: &Speaker) {
        if let Some(party) = &speaker.party {
            self.paragraph_party = Some(party.clone());
            // "Maj. Gen. Gabriel Viray III, commander of ..., said": later "Viray said".
            let surname = speaker
                .name
                .split_whitespace()
                .rev()
                .find(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"));
            if let Some(surname) = surname.filter(|w| speaker.person && w.len() > 2) {
                self.persons
                    .entry(crate::extract::parties::normalize_word(surname))
                    .or_insert_with(|| party.clone());
            }
        }
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
                let mentioned = || self.mentions.iter().rev();
                recent()
                    .find(|s| words.iter().all(|w| has(s, w)))
                    .or_else(|| recent().find(|s| has(s, head)))
                    .or_else(|| mentioned().find(|s| words.iter().all(|w| has(s, w))))
                    .or_else(|| mentioned().find(|s| has(s, head)))
                    .or_else(|| {
                        // "the health ministry" names its kind: no other body will do.
                        if words.len() > 1 {
                            return None;
                        }
                        let person = PERSON_TITLES.contains(&head.as_str());
                        let org = ORG_WORDS.contains(&head.as_str());
                        recent().find(|s| (person && s.person) || (org && !s.person))
                    })
            }
        }
    }
}
/// "Israel's military put its death toll at 900": putting a figure is giving it.
pub(crate) fn toll_verb(toks: &[Token<'_>], verb: usize) -> bool {
    let puts = toks
        .get(verb)
        .is_some_and(|t| t.is_any(&["put", "puts", "placed", "places"]));
    puts && toks.get(verb + 1..verb + 5).is_some_and(|w| {
        w.iter()
            .any(|t| t.is_any(&["toll", "tally", "losses", "casualties", "number", "figure"]))
    })
}
/// "alleged" and "reported" also qualify nouns ("on alleged Japanese dumping", "the
/// reported attack"): then a determiner or preposition stands before them.
pub(crate) fn adjective_use(toks: &[Token<'_>], verb: usize) -> bool {
    let Some(tok) = toks.get(verb) else {
        return false;
    };
    // "could not verify the Russian claim": a noun after a determiner.
    if tok.is("claim") {
        let at = |back: usize| verb.checked_sub(back).and_then(|k| toks.get(k));
        let det = |t: &Token<'_>| t.is_any(&["the", "a", "an", "this", "that", "its", "their"]);
        return at(1).is_some_and(det)
            || at(1).is_some_and(|t| t.capitalized() || t.party_word) && at(2).is_some_and(det);
    }
    if !tok.is_any(&["alleged", "reported"]) {
        return false;
    }
    verb.checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|prev| {
            prev.is_any(&[
                "the",
                "a",
                "an",
                "on",
                "of",
                "for",
                "about",
                "over",
                "in",
                "into",
                "against",
                "its",
                "their",
                "his",
                "her",
                "any",
                "these",
                "those",
                "this",
                "after",
                "following",
                "amid",
                "by",
                "with",
                "and",
                "or",
            ])
        })
}
/// "TASS quoted the ministry as saying": the one quoted is the speaker.
pub(crate) fn quoted_speaker(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    if !toks.get(verb)?.is("quoted") {
        return None;
    }
    let np = np_after(toks, verb + 1)?;
    toks.get(np.end)?.is("as").then_some(np)
}
/// A speaker after the verb is only read where a quotation or comma precedes the verb:
/// `“...,” said Peskov`.
pub(crate) fn speaker_after_verb(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    const INVERTING: &[&str] = &[
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
        "declared",
        "stressed",
        "replied",
        "asked",
    ];
    let before = toks.get(verb.checked_sub(1)?)?;
    let follows_quote = before.is_punct(',') || (!before.word && is_quote_mark(before.text));
    if !follows_quote || !toks.get(verb)?.is_any(INVERTING) {
        return None;
    }
    let np = np_after(toks, skip_time(toks, verb + 1))?;
    // `..., said Peskov.` ends there; `..., said Turkey would ...` is a clause.
    let closes = toks.get(skip_time(toks, np.end)).is_none_or(|t| !t.word);
    closes.then_some(np)
}
pub(crate) enum Subject {
    Np(Range<usize>),
    /// The verb follows "and"/"but": its subject is an earlier verb's.
    Coordinated,
    None,
}
/// The speaker phrase before a verb, over adverbs, time phrases, "in a statement" and
/// a parenthetical between commas.
pub(crate) fn subject_before(toks: &[Token<'_>], verb: usize) -> Subject {
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
    let walk_back = |from: usize| {
        let mut start = from;
        while start > 0 && end - start < 14 && same(start - 1) {
            let Some(t) = toks.get(start - 1) else { break };
            if !(t.word && (name_word(t) || inner_word(toks, start - 1))) {
                break;
            }
            start -= 1;
        }
        start
    };
    let mut start = walk_back(j);
    // "a blogger close to the defence ministry put ...", "a member of a militia assisting
    // the military ... told": the ministry only qualifies the speaker; the phrase goes on
    // back to its head.
    let qualified = [start.checked_sub(2), start.checked_sub(1)]
        .into_iter()
        .flatten()
        .find(|&q| same(q) && qualifier_at(toks, q));
    if let Some(q) = qualified {
        // Back over the head and its modifiers to the determiner or the sentence start.
        let mut k = q;
        while k > 0 && end - k < 14 && same(k - 1) {
            let Some(t) = toks.get(k - 1) else { break };
            if !t.word || t.is_any(FINITE_VERBS) {
                break;
            }
            k -= 1;
            // "a member of a civilian militia": on past "of" to the head.
            let of_before = k >= 2 && same(k - 1) && toks.get(k - 1).is_some_and(|p| p.is("of"));
            if t.is_any(DETERMINERS) && !of_before {
                break;
            }
        }
        start = k;
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
    if prev.is_punct(')') {
        // "UN peacekeepers (UNIFIL) said"
        let open = (j.saturating_sub(10)..j - 1)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| t.is_punct('(')))?;
        return Some(open);
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
        // A dot inside the sentence is an abbreviation's: "on Oct. 27".
        if t.sentence != sentence || t.quoted || (!t.word && !t.is_punct(',') && !t.is_punct('.')) {
            return None;
        }
        if t.is_punct(',') {
            let inner = toks.get(k..comma)?;
            let venue = inner.first().is_some_and(|t| t.is("in") || t.is("for"))
                || inner
                    .iter()
                    .all(|t| t.is_any(SPEAKER_ADVERBS) || t.is_any(TIME_WORDS) || t.is("on"));
            // "..., who spoke to reporters outside the council, said", "..., speaking in
            // Ankara, said"
            // "..., headed by army chief Burhan, said"
            let led_by = inner
                .first()
                .is_some_and(|t| t.is_any(&["headed", "led", "chaired", "commanded"]))
                && inner.get(1).is_some_and(|t| t.is("by"));
            let relative = led_by
                || inner.first().is_some_and(|t| {
                    t.is_any(&["who", "which"]) || (t.word && t.norm.ends_with("ing"))
                });
            let appositive = relative
                || !inner.is_empty()
                    && inner.iter().all(|t| name_word(t) || t.is("to"))
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
/// A word that fits inside a speaker's name only between others: "officials *in*
/// Yerevan", "Germany's *economy* ministry".
fn inner_word(toks: &[Token<'_>], k: usize) -> bool {
    let (Some(t), Some(next)) = (toks.get(k), toks.get(k + 1)) else {
        return false;
    };
    let before = k.checked_sub(1).and_then(|b| toks.get(b));
    let named_before =
        before.is_some_and(|b| b.capitalized() || b.party_word || b.is_any(SPEAKER_NOUNS));
    let place_in = t.is("in") && next.capitalized() && named_before;
    // "Germany's economy ministry", "the U.N. human rights monitoring mission"
    let modifier = t.word
        && !t.is_any(FINITE_VERBS)
        && next.is_any(SPEAKER_NOUNS)
        && before.is_some_and(|b| b.possessive() || b.party_word || b.is_any(SPEAKER_NOUNS));
    // "the junta's spokesman", "Sudan's doctors' union"
    let owner = t.word && t.possessive() && (next.is_any(SPEAKER_NOUNS) || next.capitalized());
    // "The U.N. envoy to Somalia, James Swan": the envoy's country is where he is sent.
    let sent_to = t.is("to")
        && (next.capitalized() || next.party_word)
        && before.is_some_and(|b| b.is_any(ENVOYS));
    place_in || modifier || owner || sent_to
}

/// Civil bodies whose names are capitalised ("the Syrian Observatory for Human Rights")
/// and still speak for no party.
const ALWAYS_CIVIL: &[&str] = &[
    "observatory",
    "hospital",
    "charity",
    "ngo",
    "doctors",
    "medics",
    "network",
    "activists",
    "witnesses",
];

/// Speakers named by where they are sent.
const ENVOYS: &[&str] = &[
    "envoy",
    "ambassador",
    "representative",
    "emissary",
    "delegate",
    "coordinator",
];
/// A token that can be part of a speaker's name.
fn name_word(t: &Token<'_>) -> bool {
    t.word
        && (t.capitalized()
            || t.party_word
            || t.is_any(SPEAKER_NOUNS)
            || t.is_any(CONNECTORS)
            || ordinal(t))
}
/// "1st", "22nd", "3rd", "101st": a unit's number inside its name.
fn ordinal(t: &Token<'_>) -> bool {
    let n = t.norm.as_str();
    n.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| {
            n.strip_suffix(s)
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
        })
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
    let head_ok = (head.capitalized() && !head.is_any(TIME_WORDS) && !head.is_month())
        || head.party_word
        || head.is_any(SPEAKER_NOUNS);
    (start < end && head_ok).then_some(start..end)
}
/// The speaker phrase starting at `i` (after "according to" or a verb).
pub(crate) fn np_after(toks: &[Token<'_>], i: usize) -> Option<Range<usize>> {
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
pub(crate) fn clause_subject(toks: &[Token<'_>], verb: usize) -> Option<Range<usize>> {
    let sentence = toks.get(verb)?.sentence;
    let mut k = verb;
    while k > 0
        && toks
            .get(k - 1)
            .is_some_and(|t| t.sentence == sentence && !t.is_punct(',') && !t.quoted)
    {
        k -= 1;
    }
    // The clause's own subject, else the sentence's ("Azerbaijani authorities put
    // their toll at 71, and said ...").
    let sentence_start = (0..k)
        .rev()
        .take_while(|&b| toks.get(b).is_some_and(|t| t.sentence == sentence))
        .last()
        .unwrap_or(k);
    [k, sentence_start]
        .into_iter()
        .filter_map(|start| np_after(toks, start))
        .find(|np| np.end < verb)
}
/// Steps over "Monday", "late Monday", "on Sunday", "on television", "in a statement"
/// after a verb.
pub(crate) fn skip_time(toks: &[Token<'_>], mut i: usize) -> usize {
    loop {
        let Some(t) = toks.get(i) else { return i };
        if t.is_any(TIME_WORDS)
            || (t.is("on") && toks.get(i + 1).is_some_and(|n| n.is_any(TIME_WORDS)))
        {
            i += 1;
            continue;
        }
        if t.is_any(&["on", "in", "during", "at"]) {
            let venue = (i + 1..i + 5).find(|&k| {
                toks.get(k)
                    .is_some_and(|v| v.is_any(SPEECH_VENUES) || v.is_any(OUTLETS))
            });
            let plain = toks
                .get(i + 1..venue.unwrap_or(i + 1))
                .is_some_and(|w| w.iter().all(|w| w.word));
            if let Some(v) = venue.filter(|_| plain) {
                i = v + 1;
                continue;
            }
        }
        return i;
    }
}
/// Where words are published: "said on Telegram", "told state television".
const OUTLETS: &[&str] = &[
    "television",
    "tv",
    "radio",
    "telegram",
    "twitter",
    "facebook",
    "x",
    "instagram",
    "youtube",
    "media",
    "website",
    "broadcaster",
];
/// Resolves a speaker phrase: through memory for references, through the gazetteer and
/// known persons for names.
pub(crate) fn resolve_speaker(
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
            None => {
                // "the army said", "the health ministry": an office of state named for
                // the first time speaks for the place it is in, else the document's party.
                // "a military blogger", "the local workers": civil people, not offices.
                let civil = core_words.iter().any(|t| t.is_any(CIVIL_NOUNS));
                let party = (!civil
                    && core_words.iter().any(|t| {
                        t.is_any(GOVERNMENT_WORDS) && !t.is_any(&["official", "officials"])
                    }))
                .then(|| {
                    place_of_paragraph(toks, np.start, gazetteer)
                        .or_else(|| memory.dominant.clone())
                        .or_else(|| memory.home.clone())
                })
                .flatten();
                Speaker {
                    name: phrase_text(core_words),
                    party: party.clone(),
                    person: false,
                    hint: party,
                }
            }
        });
    }
    let named: &[Token<'_>] = if first.is_any(DETERMINERS) {
        core_words.get(1..)?
    } else {
        core_words
    };
    // "a blogger close to the defence ministry" is named by its head alone, so that "the
    // defence ministry" later finds the ministry, not the blogger.
    let qualifier =
        (1..named.len()).find(|&k| named.get(k..).is_some_and(|rest| qualifier_at(rest, 0)));
    // Only the head speaks: the body it is close to or assists is not the speaker.
    let named = named
        .get(..qualifier.unwrap_or(named.len()))
        .unwrap_or(named);
    let name = phrase_text(
        named
            .get(..qualifier.unwrap_or(named.len()))
            .unwrap_or(named),
    );
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
    // Publications and civil groups speak for no party. A publication's nationality
    // still says whose people it counts ("Lebanese state media"); a civil group's does
    // not (a Sudanese doctors' union does not count the army's dead).
    // "state media", "state news agency" are news; "Borno state's emergency management
    // agency" is an office of state.
    let news = named.iter().enumerate().any(|(k, t)| {
        t.is_any(&["news", "press", "media"])
            || t.is("state")
                && !t.possessive()
                && named
                    .get(k + 1)
                    .is_some_and(|n| n.is_any(MEDIA_NOUNS) || n.is("news"))
    });
    let media = named
        .iter()
        .any(|t| t.is_any(MEDIA_NOUNS) && (news || !t.is_any(&["agency", "agencies"])));
    let civil = named.iter().any(|t| {
        // "the African Union" is a party; "the Syrian Observatory" never is.
        (t.is_any(CIVIL_NOUNS) && (!t.capitalized() || t.is_any(ALWAYS_CIVIL)))
            || t.is_any(COMPANY_WORDS)
    });
    let named_party = party_of(named, gazetteer, memory)
        .or_else(|| appositive_party(toks, np, gazetteer))
        .or_else(|| {
            // "the Army", "The Ministry": a capitalised reference to an earlier speaker.
            let content: Vec<String> = named.iter().map(|t| t.norm.clone()).collect();
            let definite = first.is_any(DETERMINERS) && named.iter().all(|t| t.is_any(ORG_WORDS));
            definite
                .then(|| memory.lookup(&content).and_then(|s| s.party.clone()))
                .flatten()
        })
        .or_else(|| {
            // An official named by office alone ("Police", "Mayor Vitali Klitschko")
            // speaks for the publisher, else for the place the paragraph is in.
            // "Mozambique's president": an owner the gazetteer does not know is some
            // other country's, never the document's.
            let unknown_owner = named
                .iter()
                .any(|t| t.possessive() && t.capitalized() && !t.party_word);
            let official = (named.iter().any(|t| t.is_any(GOVERNMENT_WORDS))
                || named.iter().any(|t| t.is_any(MILITARY_RANKS))
                || appositive_office(toks, np))
                && !unknown_owner;
            official
                .then(|| {
                    memory
                        .publisher
                        .clone()
                        .or_else(|| place_of_paragraph(toks, np.start, gazetteer))
                        .or_else(|| memory.paragraph_party.clone())
                        .or_else(|| memory.dominant.clone())
                        .or_else(|| memory.home.clone())
                })
                .flatten()
        });
    let party = named_party.clone().filter(|_| !media && !civil);
    let hint = named_party.filter(|_| !civil);
    Some(Speaker {
        name,
        party,
        person,
        hint,
    })
}
/// Whether a qualifier of a speaker's head starts at `k`: "close to", "loyal to",
/// "affiliated with", or a participle before a determiner ("assisting the military").
fn qualifier_at(toks: &[Token<'_>], k: usize) -> bool {
    let (Some(t), Some(next)) = (toks.get(k), toks.get(k + 1)) else {
        return false;
    };
    let close = t.is_any(&[
        "close",
        "loyal",
        "linked",
        "allied",
        "affiliated",
        "tied",
        "connected",
    ]) && next.is_any(&["to", "with"]);
    let participle = t.word
        && !t.capitalized()
        && t.norm.len() > 5
        && t.norm.ends_with("ing")
        && !t.is_any(crate::extract::lexicon::PARTICIPLES)
        && next.is_any(DETERMINERS);
    close || participle
}
/// Ranks before a name: "Maj. Gen. Gabriel Viray" holds an office.
const MILITARY_RANKS: &[&str] = &[
    "gen", "gen.", "maj", "maj.", "col", "col.", "lt", "lt.", "brig", "brig.", "capt", "capt.",
];
/// "X, commander of the 1st Infantry Division, said": the phrase after the name, up to
/// the next comma, holds an office of state and no civil body.
fn appositive_office(toks: &[Token<'_>], np: &Range<usize>) -> bool {
    if !toks.get(np.end).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let inner: Vec<&Token<'_>> = toks
        .iter()
        .skip(np.end + 1)
        .take(12)
        .take_while(|t| !t.is_punct(',') && !t.quoted)
        .collect();
    // The apposition opens on the title: "commander of ...", "the army's spokesman".
    let titled = inner
        .iter()
        .find(|t| !t.is_any(DETERMINERS) && !t.possessive())
        .is_some_and(|t| t.is_any(PERSON_TITLES));
    titled
        && inner.iter().any(|t| t.is_any(GOVERNMENT_WORDS))
        && !inner
            .iter()
            .any(|t| t.is_any(CIVIL_NOUNS) || t.is_any(COMPANY_WORDS))
}
/// Words of an office of state: a speaker named by one of them alone is an official.
const GOVERNMENT_WORDS: &[&str] = &[
    "ministry",
    "minister",
    "government",
    "police",
    "army",
    "military",
    "forces",
    "force",
    "governor",
    "gov.",
    "mayor",
    "president",
    "presidency",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "authorities",
    "official",
    "officials",
    "office",
    "administration",
    "command",
    "commander",
    "coordinator",
    "cabinet",
    "prosecutor",
    "ambassador",
    "embassy",
    "navy",
    "mod",
    "mfa",
    "defence",
    "defense",
    "interior",
    "governorate",
    "municipality",
    "centre",
    "center",
    "directorate",
    "department",
    "agency",
];

/// The party of the place the paragraph is set in: "In Kyiv, ...", "... in Russia's
/// Ryazan region"; the nearest such place before `at`, else the first after it. A
/// demonym that qualifies the harm ("in Russian shelling") is no place.
pub(crate) fn place_of_paragraph(
    toks: &[Token<'_>],
    at: usize,
    gazetteer: &Gazetteer,
) -> Option<String> {
    const AREA_WORDS: &[&str] = &[
        "the",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "occupied",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ];
    const HARM: &[&str] = &[
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
        "captivity",
        "custody",
        "hands",
        "media",
        "officials",
    ];
    let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let places = toks
        .iter()
        .enumerate()
        // A place inside someone's quoted words is not where the paragraph is set.
        .filter(|(_, t)| t.is_any(&["in", "on", "at", "near"]) && !t.quoted)
        .filter_map(|(k, _)| {
            let mut j = k + 1;
            while toks.get(j).is_some_and(|t| t.is_any(AREA_WORDS)) && j < k + 4 {
                j += 1;
            }
            let (len, party) = gazetteer.match_words(&texts, j)?;
            // "in a Russian glide bomb attack": a harm noun within the next words.
            let qualifies = toks
                .get(j + len..(j + len + 3).min(toks.len()))
                .is_some_and(|w| w.iter().take_while(|t| t.word).any(|t| t.is_any(HARM)));
            (!qualifies).then(|| (k, party.id.clone()))
        });
    let mut after = None;
    let mut before = None;
    for (k, party) in places {
        if k < at {
            before = Some(party);
        } else if after.is_none() {
            after = Some(party);
        }
    }
    before.or(after)
}

/// The party a publication's name makes it the voice of: a state or agency's own
/// publication ("Ministry of Defence (India)", "UN OCHA"), not a newspaper that only
/// carries a place in its title ("Times of Israel", "Kyiv Independent").
pub(crate) fn publisher_party(outlet: &str, gazetteer: &Gazetteer) -> Option<String> {
    let words: Vec<&str> = outlet
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let mut parties = Vec::new();
    let mut covered = 0;
    let mut i = 0;
    while i < words.len() {
        match gazetteer.match_words(&words, i) {
            Some((len, party)) => {
                parties.push(party.id.clone());
                covered += len;
                i += len;
            }
            None => i += 1,
        }
    }
    let first = parties.first()?.clone();
    if parties.iter().any(|p| *p != first) {
        return None;
    }
    let office = words.iter().any(|w| {
        let w = crate::extract::parties::normalize_word(w);
        // "Inter-Services Public Relations": a state's press office.
        GOVERNMENT_WORDS.contains(&w.as_str())
            || ORG_WORDS.contains(&w.as_str())
            || w == "relations"
    });
    (office || covered == words.len()).then_some(first)
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
    let possessive = words.iter().rposition(|t| t.possessive());
    if let Some(p) = possessive.filter(|_| tail_is_document) {
        return 0..p + 1;
    }
    // "a French Finance Ministry statement" -> "French Finance Ministry".
    let named_before = words.len() > 1 && words.iter().rev().skip(1).any(|t| t.capitalized());
    if tail_is_document && named_before {
        return 0..words.len() - 1;
    }
    0..words.len()
}
/// The party a name points at: the first alias in it, else a person learnt earlier.
fn party_of(words: &[Token<'_>], gazetteer: &Gazetteer, memory: &Memory) -> Option<String> {
    let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
    // A name's own alias first: "the Hamas-run health ministry in Gaza" is Gaza's
    // ministry, run by Hamas; the maker only when nothing else names the speaker.
    let alias =
        (0..texts.len()).find_map(|i| gazetteer.match_plain(&texts, i).map(|(_, p)| p.id.clone()));
    alias
        .or_else(|| installed_by(words, gazetteer))
        .or_else(|| {
            (0..texts.len())
                .find_map(|i| gazetteer.match_words(&texts, i).map(|(_, p)| p.id.clone()))
        })
        .or_else(|| earlier_person(words, memory))
        .or_else(|| {
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
/// "the Moscow-installed mayor", "Hamas-run ministry": the party that installed or runs
/// the speaker.
fn installed_by(words: &[Token<'_>], gazetteer: &Gazetteer) -> Option<String> {
    const MAKERS: &[&str] = &[
        "installed",
        "appointed",
        "backed",
        "run",
        "led",
        "controlled",
        "allied",
        "aligned",
        "affiliated",
        "linked",
        "funded",
        "supported",
    ];
    words.iter().find_map(|t| {
        let (prefix, suffix) = t.text.split_once('-')?;
        let maker = MAKERS.contains(&suffix.to_lowercase().as_str());
        maker
            .then(|| {
                gazetteer
                    .match_words(&[prefix], 0)
                    .map(|(_, p)| p.id.clone())
            })
            .flatten()
    })
}
/// "Kiper wrote": a bare surname that ends the name of an earlier speaker, a person with a
/// party, is that person.
fn earlier_person(words: &[Token<'_>], memory: &Memory) -> Option<String> {
    let [only] = words else { return None };
    if !only.capitalized() {
        return None;
    }
    memory
        .speakers
        .iter()
        .rev()
        .filter(|s| s.person)
        .find(|s| {
            s.name
                .split_whitespace()
                .last()
                .is_some_and(|last| super::parties::normalize_word(last) == only.norm)
        })
        .and_then(|s| s.party.clone())
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
        let comma = from.checked_add_signed(step)?;
        if !toks.get(comma)?.is_punct(',') {
            return None;
        }
        let mut words = Vec::new();
        let mut k = comma;
        // "The Sovereign Council, headed by army chief Burhan, said": the head's party.
        let led_by = step > 0
            && toks
                .get(comma + 1)
                .is_some_and(|t| t.is_any(&["headed", "led", "chaired", "chaired", "commanded"]))
            && toks.get(comma + 2).is_some_and(|t| t.is("by"));
        if led_by {
            k = comma + 2;
        }
        for _ in 0..12 {
            let Some(t) = k.checked_add_signed(step).and_then(|next| toks.get(next)) else {
                break;
            };
            k = k.wrapping_add_signed(step);
            if t.sentence != sentence || !(name_word(t) || t.is("to")) {
                break;
            }
            words.push(t.text);
        }
        if step < 0 {
            words.reverse();
        }
        // "Dr Hassan, director of Mogadishu's Erdogan hospital": a hospital's or a
        // charity's staff speak for no party, wherever it stands.
        if words.iter().any(|w| {
            let w = crate::extract::parties::normalize_word(w);
            CIVIL_NOUNS.contains(&w.as_str())
        }) {
            return None;
        }
        (0..words.len()).find_map(|i| gazetteer.match_words(&words, i).map(|(_, p)| p.id.clone()))
    };
    // A phrase before the name counts only when it holds a title ("Israel's ambassador
    // to the UN, Gilad Erdan, said"): otherwise it is the reported clause ("..., health
    // officials said").
    let titled_before = np.start > 1
        && toks
            .get(np.start.saturating_sub(6)..np.start - 1)
            .is_some_and(|w| w.iter().any(|t| t.is_any(PERSON_TITLES)));
    side(np.end.checked_sub(1)?, 1).or_else(|| {
        if titled_before {
            side(np.start, -1)
        } else {
            None
        }
    })
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
pub(crate) fn learn_persons(toks: &[Token<'_>], memory: &mut Memory, gazetteer: &Gazetteer) {
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
        while j > i + len
            && toks
                .get(j - 1)
                .is_some_and(|t| t.is_any(&["for", "of", "the"]))
        {
            j -= 1;
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
        match name_start {
            Some(s) if titled => {
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
            _ => remember_institution(toks, i..j, &party.id, memory),
        }
        i = j.max(i + 1);
    }
}
/// "the Myanmar military", "Russia's Defense Ministry" in narration: kept so that a
/// later "the military" can point back at it.
fn remember_institution(toks: &[Token<'_>], run: Range<usize>, party: &str, memory: &mut Memory) {
    let Some(words) = toks.get(run) else { return };
    if !words.iter().any(|t| t.is_any(ORG_WORDS)) {
        return;
    }
    let name = phrase_text(words);
    memory.mentions.retain(|m| m.name != name);
    memory.mentions.push(Speaker {
        name,
        party: Some(party.to_string()),
        person: false,
        hint: Some(party.to_string()),
    });
    if memory.mentions.len() > 32 {
        memory.mentions.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, party: &str, person: bool) -> Speaker {
        Speaker {
            name: name.into(),
            party: Some(party.into()),
            person,
            hint: None,
        }
    }

    fn memory() -> Memory {
        let mut m = Memory::default();
        m.remember(&speaker(
            "Azerbaijani Defense Ministry",
            "azerbaijan",
            false,
        ));
        m.remember(&speaker("Kremlin spokesman Dmitry Peskov", "russia", true));
        m.remember(&speaker("Russian Foreign Ministry", "russia", false));
        m
    }

    fn name_of(m: &Memory, words: &[&str]) -> Option<String> {
        let words: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
        m.lookup(&words).map(|s| s.name.clone())
    }

    #[test]
    fn references_pick_the_latest_speaker_that_fits() {
        let m = memory();
        assert_eq!(
            name_of(&m, &["ministry"]).as_deref(),
            Some("Russian Foreign Ministry")
        );
        assert_eq!(
            name_of(&m, &["defense", "ministry"]).as_deref(),
            Some("Azerbaijani Defense Ministry")
        );
        assert_eq!(
            name_of(&m, &["he"]).as_deref(),
            Some("Kremlin spokesman Dmitry Peskov")
        );
        assert_eq!(
            name_of(&m, &["it"]).as_deref(),
            Some("Russian Foreign Ministry")
        );
        assert_eq!(
            name_of(&m, &["spokesman"]).as_deref(),
            Some("Kremlin spokesman Dmitry Peskov")
        );
        assert_eq!(
            name_of(&m, &["statement"]).as_deref(),
            Some("Russian Foreign Ministry")
        );
    }

    #[test]
    fn an_empty_memory_resolves_nothing() {
        assert_eq!(name_of(&Memory::default(), &["ministry"]), None);
    }

    #[test]
    fn a_state_or_agency_publication_speaks_for_its_party_a_newspaper_does_not() {
        let g = Gazetteer::builtin();
        let of = |outlet: &str| publisher_party(outlet, &g);
        assert_eq!(of("Ministry of Defence (India)").as_deref(), Some("india"));
        assert_eq!(of("UN OCHA").as_deref(), Some("un"));
        assert_eq!(of("Times of Israel"), None);
        assert_eq!(of("Kyiv Independent"), None);
        assert_eq!(of("Al Jazeera"), None);
        assert_eq!(of("Reuters"), None);
        assert_eq!(
            of("Inter Services Public Relations (ISPR), Pakistan").as_deref(),
            Some("pakistan")
        );
    }

    fn statement_parties(paragraphs: &[&str]) -> Vec<(usize, Option<String>)> {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
        let doc = crate::extract::DocText {
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
            outlet: Some("Test Wire"),
            paragraphs: &paragraphs,
        };
        crate::extract::extract(&doc, &Gazetteer::builtin())
            .statements
            .into_iter()
            .map(|s| (s.paragraph, s.party))
            .collect()
    }

    #[test]
    fn an_envoy_speaks_for_who_sent_him_not_where() {
        let got = statement_parties(&[
            "The U.N. envoy to Somalia, James Swan, said the group had shown \"a total disregard for life.\"",
        ]);
        assert_eq!(got, vec![(1, Some("un".to_string()))]);
    }

    #[test]
    fn a_hospital_director_speaks_for_no_party() {
        let got = statement_parties(&[
            "Dr Ahmed Nur, director of Mogadishu's Banadir hospital, said 43 wounded people had arrived.",
        ]);
        assert!(got.iter().all(|(_, p)| p.is_none()), "{got:?}");
    }

    #[test]
    fn an_office_of_state_named_first_serves_the_document_s_country() {
        let got = statement_parties(&[
            "Mali: army says 203 fighters killed in central operation",
            "BAMAKO — Malian troops killed 203 fighters, the army said on Friday.",
            "Al-Shabaab claimed the attack, saying its fighters killed 50 soldiers.",
            "The health ministry said that figure was propaganda.",
        ]);
        let mali = Some("mali".to_string());
        assert_eq!(got.first(), Some(&(1, mali.clone())));
        assert!(got.contains(&(2, mali.clone())), "{got:?}");
        assert!(
            !got.contains(&(4, Some("al-shabaab".to_string()))),
            "{got:?}"
        );
    }

    #[test]
    fn a_state_centre_named_alone_serves_the_document_s_country() {
        let got = statement_parties(&[
            "TRIPOLI — Clashes in Tripoli killed 55 people, the Emergency Medicine Centre said.",
        ]);
        assert_eq!(got, vec![(1, Some("libya".to_string()))]);
    }

    #[test]
    fn an_agency_head_without_alias_serves_the_document_s_state() {
        let got = statement_parties(&[
            "Bombers killed 18 people in the northeastern Nigerian town of Gwoza, the head of the state's emergency management agency said.",
        ]);
        assert_eq!(got, vec![(1, Some("nigeria".to_string()))]);
    }

    #[test]
    fn an_officer_by_rank_or_apposition_and_later_by_surname() {
        let ph = Some("philippines".to_string());
        let got = statement_parties(&[
            "Three soldiers died in clashes in Lanao del Sur, the Philippine military said.",
            "Brig. Gen. Ramon Cruz, commander of the 2nd Infantry Division, told reporters the fighting had stopped.",
            "Cruz said more troops had been sent.",
        ]);
        assert_eq!(got, vec![(1, ph.clone()), (2, ph.clone()), (3, ph)]);
    }
}
