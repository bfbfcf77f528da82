//! Reads a question typed in plain words ("how many Azerbaijani soldiers were killed?")
//! as one of the bot's requests, by rules over a small lexicon and the gazetteer: no
//! model, no network. Every reading says in words how the question was taken and gives
//! the command that asks the same, so a user can check it and correct it.
//!
//! The order of the rules is the whole policy: "when" asks for the timeline; "how many"
//! about people asks for the casualty ledger; "who" asks for passages; a party with a word
//! of saying asks for its statements; any other word of killing or wounding asks for the
//! ledger; everything else is a search for the question's content words.

use std::collections::HashSet;
use std::ops::Range;

use crate::engine::Request;
use crate::extract::knowledge::NameKind;
use crate::extract::{Gazetteer, Party, Status};
use crate::extract::{normalize_word, strip_possessive};

/// How a question was read: the request to answer, in words a user can check, and the
/// equivalent command they could type.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub request: Request,
    /// "casualties on the Azerbaijani side (killed)", "statements of Azerbaijan about
    /// peacekeepers", "dated events about 2020 war end", "passages about fired first".
    pub read_as: String,
    /// "/casualties side:azerbaijan status:killed": parses back to the same request.
    pub command: String,
}

/// Longer questions are cut here, so reading one is bounded work.
const MAX_QUESTION_CHARS: usize = 500;
const MAX_WORDS: usize = 100;
/// The index drops longer tokens, so a longer word could never match.
const MAX_WORD_CHARS: usize = 40;
/// A free-text option may hold this much (see `commands::MAX_TEXT`).
const MAX_QUERY_CHARS: usize = crate::commands::MAX_TEXT as usize;

/// Reads a question as a request; never fails: what it cannot place is a search.
pub fn read(question: &str, gazetteer: &Gazetteer) -> Reading {
    let question = Question::new(question, gazetteer);
    describe(question.request(), gazetteer)
}

/// A reply to one of the bot's answers ("and Russia?", "what about the wounded?"): the
/// previous reading adjusted, when that is clearly what is meant; None to answer fresh.
pub fn follow_up(previous: &Reading, reply: &str, gazetteer: &Gazetteer) -> Option<Reading> {
    let reply = Question::new(reply, gazetteer);
    let slots = reply.follow_up_slots()?;
    let request = slots.apply(&previous.request, gazetteer)?;
    Some(describe(request, gazetteer))
}

/// Words reporting uses for one incident of violence: a topic naming one means all.
#[rustfmt::skip]
const INCIDENT_WORDS: &[&str] = &[
    "clash", "clashes", "shootout", "shooting", "skirmish", "fighting", "firefight",
    "incident", "ambush",
];

/// A topic as the index is asked it, in `/statement topic:`, `/timeline query:` and
/// `/casualties query:`: a word of killing or wounding also matches the others of its
/// kind ("deaths" finds "were killed" and "died"), and a word for an incident of violence
/// the others ("the clash" finds "the shootout"). `/search` takes its words as given.
pub fn topic_query(topic: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in topic.split_whitespace() {
        words.push(word.to_string());
        let norm = normalize_word(word);
        if let Some(Some(status)) = casualty_status(&norm) {
            let kin = CASUALTY_WORDS
                .iter()
                .filter(|(s, _)| *s == Some(status))
                .flat_map(|(_, list)| list.iter())
                .filter(|w| w.is_ascii());
            words.extend(kin.map(|w| w.to_string()));
        }
        if INCIDENT_WORDS.contains(&norm.as_str()) {
            words.extend(INCIDENT_WORDS.iter().map(|w| w.to_string()));
        }
    }
    let mut seen = HashSet::new();
    words.retain(|w| seen.insert(w.to_lowercase()));
    words.join(" ")
}

/// Whether a statement's speaker ("the Russian Foreign Ministry") is the one `hint`
/// names ("foreign ministry"): every word of the hint is a word of the speaker, compared
/// by its first six letters ("president" is "Presidency"; "defence" is "Defense").
pub fn names_speaker(hint: &str, speaker: &str) -> bool {
    let stem = |w: &str| -> String {
        normalize_word(w)
            .replace("defence", "defense")
            .chars()
            .take(6)
            .collect()
    };
    let spoken: Vec<String> = speaker
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    let mut hint = hint.split_whitespace().map(stem).peekable();
    hint.peek().is_some() && hint.all(|h| spoken.contains(&h))
}

/// The content words of a question (stop words and question words dropped), for ranking
/// passages; also the query of a "who" question or one the rules cannot place.
pub fn content_words(question: &str) -> Vec<String> {
    let words = words(question);
    query_words(words.iter())
}

// ---------------------------------------------------------------------------------------
// The lexicon. Words are compared after `normalize_word` (lower case, diacritics folded,
// possessive dropped).

#[rustfmt::skip]
const QUESTION_WORDS: &[&str] = &[
    "what", "when", "who", "whom", "whose", "where", "why", "how", "which",
];

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "not", "no", "nor", "but", "if", "then", "than", "so",
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "about", "over",
    "under", "into", "onto", "upon", "as", "is", "are", "was", "were", "be", "been",
    "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had", "having",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "i", "me",
    "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
    "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that",
    "these", "those", "there", "here", "any", "anyone", "anybody", "anything", "some",
    "someone", "somebody", "something", "all", "each", "every", "both", "either", "neither",
    "just", "also", "too", "very", "really", "actually", "exactly", "please", "tell",
    "know", "let", "get", "got", "many", "much", "more", "most", "ever", "yet", "still",
    "again", "happen", "happened", "happens", "happening", "going", "thing", "things",
    "such", "other", "own", "only", "same", "after", "before", "during", "since", "until",
    "while", "between", "against", "hi", "hello", "hey", "ok", "okay", "thanks", "thank",
    "yes", "whether", "briefbot", "bot", "whats", "whos", "hows", "wheres", "whens",
    "list", "show", "give", "display", "see",
];

/// Question words of other languages and common misspellings, as the English word the
/// rules know; `how many` stands for a word that means both.
#[rustfmt::skip]
const QUESTION_WORD_FORMS: &[(&str, &str)] = &[
    ("что", "what"), ("кто", "who"), ("когда", "when"), ("где", "where"),
    ("почему", "why"), ("как", "how"), ("сколько", "how many"),
    ("ne", "what"), ("harada", "where"), ("niye", "why"), ("nece", "how many"),
    ("waht", "what"), ("whta", "what"), ("wat", "what"), ("wht", "what"), ("wehre", "where"),
    ("wher", "where"), ("whre", "where"), ("whn", "when"), ("wehn", "when"), ("whne", "when"),
    ("hwo", "how"), ("woh", "who"),
];

/// Words that make a question about casualties, and the status each one names.
#[rustfmt::skip]
const CASUALTY_WORDS: &[(Option<Status>, &[&str])] = &[
    (None, &[
        "casualties", "casualty", "losses", "toll", "victims", "victim",
    ]),
    (Some(Status::Killed), &[
        "killed", "kill", "kills", "killing", "killings", "died", "die", "dies", "dying",
        "dead", "death", "deaths", "fatalities", "fatality", "perished", "slain", "martyrs",
        "martyred",
        "погиб", "погибла", "погибло", "погибли", "погибших", "убит", "убиты", "убито",
        "убитых", "смерть", "helak", "oldu", "olub", "sehid", "zohvel",
    ]),
    (Some(Status::Injured), &[
        "wounded", "wounding", "wounds", "injured", "injury", "injuries", "hurt",
        "ранен", "ранены", "ранено", "раненых", "yarali", "yaralandi", "yaralanib",
    ]),
    (Some(Status::Missing), &[
        "missing", "disappeared", "unaccounted",
    ]),
    (Some(Status::Captured), &[
        "captured", "capture", "prisoners", "prisoner", "detained", "detainees", "hostages",
        "hostage", "captives", "captive", "pows",
    ]),
];

/// Words of saying: with a party, they make a question about its statements.
#[rustfmt::skip]
const SPEECH_WORDS: &[&str] = &[
    "say", "says", "said", "saying", "claim", "claims", "claimed", "claiming", "deny",
    "denies", "denied", "denying", "denial", "position", "positions", "stance", "view",
    "views", "statement", "statements", "respond", "responds", "responded", "response",
    "react", "reacted", "reaction", "comment", "comments", "commented", "think", "thinks",
    "accuse", "accuses", "accused", "blame", "blames", "blamed", "announce", "announced",
    "announcement", "insist", "insists", "insisted", "reply", "replied", "argue", "argues",
    "argued", "stated", "declare", "declared", "allege", "alleges", "alleged", "dismiss",
    "dismissed", "reject", "rejects", "rejected", "confirm", "confirms", "confirmed",
    "admit", "admits", "admitted", "version", "account", "told", "reported",
    "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "заявление",
    "dedi", "bildirdi", "bildirib", "aciqlama", "ասաց", "հայտարարեց",
];

/// People a casualty figure counts; in a casualty question they narrow nothing.
#[rustfmt::skip]
const PERSON_WORDS: &[&str] = &[
    "soldiers", "soldier", "troops", "servicemen", "serviceman", "servicemembers",
    "personnel", "military", "army", "forces", "police", "policemen", "policeman",
    "officers", "officer", "people", "persons", "person", "civilians", "civilian", "men",
    "fighters", "peacekeepers", "peacekeeper", "guards", "members", "lives", "citizens",
    "residents", "side", "sides",
    "солдат", "солдаты", "военных", "военные", "человек", "людей", "полицейских",
    "мирных", "жителей", "askerler", "esger", "herbci", "polis", "insan", "nefer",
];

/// Words of an institution that speaks for a party: "the Azerbaijani Defense Ministry".
#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    "ministry", "defense", "defence", "foreign", "interior", "government", "president",
    "presidency", "prime", "minister", "spokesman", "spokeswoman", "spokesperson",
    "official", "officials", "authorities", "army", "military", "armed", "forces", "side",
    "leadership", "leader", "leaders", "office", "press", "embassy", "mfa", "mod",
    "department",
];

/// Words a casualty question uses that narrow nothing.
#[rustfmt::skip]
const CASUALTY_FILLER: &[&str] = &[
    "total", "overall", "number", "numbers", "figure", "figures", "count", "counts",
    "reportedly", "according", "far", "officially", "lost", "lose", "altogether", "taken",
];

/// Words a question about statements uses that narrow nothing.
#[rustfmt::skip]
const STATEMENT_FILLER: &[&str] = &[
    "reporters", "journalists", "media", "publicly", "officially", "official", "exactly",
];

/// Words a timeline question uses to ask for a date, not what to look for.
const DATE_FILLER: &[&str] = &["date", "dates", "day", "time", "year", "month"];

/// Words that ask for the timeline by name: "timeline of the clash".
const TIMELINE_WORDS: &[&str] = &["timeline", "chronology"];

/// What "where did it happen?" looks for: the words reporting places a thing with.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "region", "road", "near", "village", "town", "city", "border", "area", "province",
    "district",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Words that name who in a party speaks: an office, not the party as a whole.
#[rustfmt::skip]
const OFFICE_WORDS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "president", "presidency", "presidential",
    "prime", "minister", "ministry", "spokesman", "spokeswoman", "spokesperson", "embassy",
    "mfa", "mod", "press", "office",
];

/// "what happened (on March 5)": asks for events, like "when".
const HAPPENED: &[&str] = &["happened", "happen", "happens", "occurred", "went"];

/// Words that begin a reply meant as a follow-up ("and Russia?", "what about ...").
#[rustfmt::skip]
const FOLLOW_UP_OPENERS: &[&str] = &[
    "and", "or", "but", "so", "ok", "okay", "now", "also", "then",
];

/// Words of a follow-up that change nothing ("and on the Armenian side, then?").
const FOLLOW_UP_FILLER: &[&str] = &["side", "sides", "ones", "instead", "figures", "numbers"];

/// Words that open a question of their own: a reply starting so is answered fresh.
#[rustfmt::skip]
const QUESTION_OPENERS: &[&str] = &[
    "did", "does", "do", "is", "are", "was", "were", "can", "could", "will", "would", "has",
    "have", "had", "should",
];

/// Real words one edit from a trigger word; they are not its misspelling.
#[rustfmt::skip]
const NOT_TYPOS: &[&str] = &[
    "insured", "depth", "depths", "states", "filled", "killer", "killers", "reach",
    "reached", "thank", "thanks", "commend", "blade", "saying", "clams", "deity", "dealt",
];

fn is_question_word(word: &str) -> bool {
    QUESTION_WORDS.contains(&word)
}

/// A stop word, a question word, or a contraction of one ("didn't", "we've").
fn is_stop(word: &str) -> bool {
    if STOP_WORDS.contains(&word) || is_question_word(word) {
        return true;
    }
    match word.split_once('\'') {
        Some((head, tail)) => {
            word.ends_with("n't")
                || ["re", "ve", "ll", "d", "m"].contains(&tail)
                || STOP_WORDS.contains(&head)
                || is_question_word(head)
        }
        None => false,
    }
}

fn casualty_status(word: &str) -> Option<Option<Status>> {
    CASUALTY_WORDS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(status, _)| *status)
}

/// The trigger word a word of five letters or more misspells, by one edit keeping the
/// first letter ("kiled", "casulties", "woundded", "statment").
fn correct_typo(norm: &str) -> Option<&'static str> {
    let letters = norm.chars().count();
    if letters < 5 || is_stop(norm) || NOT_TYPOS.contains(&norm) {
        return None;
    }
    let first = norm.chars().next()?;
    CASUALTY_WORDS
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .chain(SPEECH_WORDS.iter().copied())
        .filter(|w| w.len() >= 5 && w.starts_with(first))
        .find(|w| strsim::osa_distance(norm, w) == 1)
}

// ---------------------------------------------------------------------------------------
// Words and party mentions.

#[derive(Debug, Clone)]
struct Word {
    /// As typed, outer punctuation trimmed ("Baku’s", "U.S.").
    raw: String,
    /// Normalised, with a misspelt trigger word corrected: what the rules compare.
    lex: String,
}

impl Word {
    fn is(&self, list: &[&str]) -> bool {
        list.contains(&self.lex.as_str())
    }
    fn status(&self) -> Option<Option<Status>> {
        casualty_status(&self.lex)
    }
    fn is_speech(&self) -> bool {
        self.is(SPEECH_WORDS)
    }
}

/// Characters that always separate words; `.`, `'` and `-` may sit inside one ("U.S.",
/// "Baku's", "cease-fire").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '‘' | '-'))
}

fn words(question: &str) -> Vec<Word> {
    let question: String = question.chars().take(MAX_QUESTION_CHARS).collect();
    let mut words: Vec<Word> = question
        .split(is_separator)
        .filter_map(trim_word)
        .take(MAX_WORDS)
        .flat_map(|raw| {
            let norm = normalize_word(&raw);
            if let Some((_, english)) = QUESTION_WORD_FORMS.iter().find(|(form, _)| *form == norm) {
                return english
                    .split(' ')
                    .map(|lex| Word {
                        raw: raw.clone(),
                        lex: lex.to_string(),
                    })
                    .collect();
            }
            let lex = correct_typo(&norm).map_or(norm, str::to_string);
            vec![Word { raw, lex }]
        })
        .collect();
    read_phrases(&mut words);
    words
}

/// Words whose sense depends on the next ones: "what did Peskov tell reporters" is about
/// saying, "tell me" is not; the "war" of "prisoners of war" narrows nothing.
fn read_phrases(words: &mut [Word]) {
    for i in 0..words.len() {
        let next = |k: usize| words.get(i + k).map_or("", |w| w.lex.as_str());
        let lex = match words[i].lex.as_str() {
            "tell" | "tells" if !matches!(next(1), "me" | "us") => "says",
            "war"
                if i >= 2
                    && words[i - 1].lex == "of"
                    && words[i - 2].is(&["prisoners", "prisoner"]) =>
            {
                "prisoners"
            }
            _ => continue,
        };
        words[i].lex = lex.to_string();
    }
}

/// Drops punctuation around a word, keeping the final dot of an abbreviation ("U.S.").
fn trim_word(piece: &str) -> Option<String> {
    let start = piece.find(char::is_alphanumeric)?;
    let (end, last) = piece.char_indices().rfind(|(_, c)| c.is_alphanumeric())?;
    let core = piece.get(start..end + last.len_utf8())?;
    let abbreviation = core.contains('.') && piece[end + last.len_utf8()..].starts_with('.');
    Some(if abbreviation {
        format!("{core}.")
    } else {
        core.to_string()
    })
}

/// The words a query is made of: alphanumeric runs of the content words, deduplicated,
/// so that nothing in it reads as query syntax (quotes, `field:`, `+`, `-`, AND / OR).
fn query_words<'a>(words: impl Iterator<Item = &'a Word>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for word in words.filter(|w| !is_stop(&w.lex)) {
        for part in strip_possessive(&word.raw).split(|c: char| !c.is_alphanumeric()) {
            let chars = part.chars().count();
            let letter_alone = chars == 1 && !part.chars().all(|c| c.is_ascii_digit());
            if part.is_empty() || chars > MAX_WORD_CHARS || letter_alone {
                continue;
            }
            let key = part.to_lowercase();
            if !is_stop(&key) && seen.insert(key) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Joins query words, as many as fit in an option's length.
fn join_query(words: &[String]) -> Option<String> {
    let mut query = String::new();
    for word in words {
        let needed = word.chars().count() + usize::from(!query.is_empty());
        if query.chars().count() + needed > MAX_QUERY_CHARS {
            break;
        }
        if !query.is_empty() {
            query.push(' ');
        }
        query.push_str(word);
    }
    (!query.is_empty()).then_some(query)
}

/// A party named in the question: which words, and which party.
#[derive(Debug, Clone)]
struct Mention {
    span: Range<usize>,
    party: String,
    kind: NameKind,
}

/// The parties a question names, by the gazetteer's aliases and then by a near miss of
/// a one-word alias ("Azerbaijn").
fn mentions(words: &[Word], gazetteer: &Gazetteer) -> Vec<Mention> {
    let raws: Vec<&str> = words.iter().map(|w| w.raw.as_str()).collect();
    // In a question typed in capitals, "WHO" and "US" are words, not parties.
    let shouting = !raws.iter().any(|w| w.chars().any(char::is_lowercase));
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let ordinary = is_stop(&word.lex) || word.status().is_some() || word.is_speech();
        let named = |words: &[&str], at: usize| {
            let found = gazetteer.match_at(words, at, None, true)?;
            Some((
                found.len,
                gazetteer.party(found.party)?.id.clone(),
                found.kind,
            ))
        };
        let matched = if shouting && ordinary {
            None
        } else {
            named(&raws, i).or_else(|| {
                // "the us", "the un": a short name typed in lower case, known by "the".
                let after_the = i > 0 && words[i - 1].lex == "the";
                let short =
                    word.raw.chars().count() <= 3 && word.raw.chars().all(char::is_lowercase);
                (after_the && short)
                    .then(|| named(&[word.raw.to_uppercase().as_str()], 0))
                    .flatten()
                    .map(|(_, party, kind)| (1, party, kind))
            })
        };
        let matched = matched.or_else(|| {
            (!ordinary)
                .then(|| near_alias(&word.lex, gazetteer))
                .flatten()
                .map(|(len, party)| (len, party, NameKind::Name))
        });
        match matched {
            Some((len, party, kind)) => {
                let len = len.max(1);
                found.push(Mention {
                    span: i..i + len,
                    party,
                    kind,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

fn near_alias(norm: &str, gazetteer: &Gazetteer) -> Option<(usize, String)> {
    let length = norm.chars().count();
    if length < 6 {
        return None;
    }
    let first = norm.chars().next()?;
    // An alias in plain ASCII normalises to its lower case, letter for letter: one that
    // starts with another letter, or is too short or too long to lie one edit away, is
    // passed over without normalising it (thousands of aliases, for each word asked).
    let may_be_near = |alias: &str| {
        match alias.chars().next() {
            Some(c) if c.is_ascii() && c.to_ascii_lowercase() != first => return false,
            None => return false,
            Some(_) => {}
        }
        let bare = strip_possessive(alias);
        !bare.is_ascii() || (bare.len() >= 6 && bare.len().abs_diff(length) <= 1)
    };
    gazetteer.parties().iter().find_map(|party| {
        party
            .aliases
            .iter()
            .filter(|a| may_be_near(a) && !a.contains(char::is_whitespace))
            .map(|a| normalize_word(a))
            .filter(|a| a.chars().count() >= 6 && a.starts_with(first))
            .any(|a| strsim::osa_distance(norm, &a) == 1)
            .then(|| (1, party.id.clone()))
    })
}

// ---------------------------------------------------------------------------------------
// Reading a question.

struct Question {
    words: Vec<Word>,
    mentions: Vec<Mention>,
}

impl Question {
    fn new(text: &str, gazetteer: &Gazetteer) -> Self {
        let words = words(text);
        let mentions = mentions(&words, gazetteer);
        Self { words, mentions }
    }

    fn request(&self) -> Request {
        if let Some(request) = self.help_or_sources() {
            return request;
        }
        let asks = self.first_question_word();
        if self.names(TIMELINE_WORDS) {
            return self.timeline();
        }
        if asks == Some("where") && self.content().is_empty() {
            return self.search_for_places();
        }
        if asks == Some("when") || self.asks_for_a_date() {
            return self.timeline();
        }
        if self.asks_what_happened() {
            // "what happened in Manila": the passages about it, dated or not.
            return self.search();
        }
        if self.asks_how_many_people() {
            return self.casualties();
        }
        if asks == Some("who") && !self.asks_who_was_hit() {
            return self.search();
        }
        if let Some(statement) = self.statement() {
            return statement;
        }
        if self.words.iter().any(|w| w.status().is_some()) {
            return self.casualties();
        }
        self.search()
    }

    fn lex(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lex.as_str())
    }

    fn first_question_word(&self) -> Option<&str> {
        self.words
            .iter()
            .map(|w| w.lex.as_str())
            .find(|w| is_question_word(w))
    }

    /// "what date ...", "which day ...", and "what happened" on a date or about nothing
    /// in particular ("what happened on March 5?", "what happened?").
    fn asks_for_a_date(&self) -> bool {
        (0..self.words.len()).any(|i| {
            (matches!(self.lex(i), "what" | "which") && DATE_FILLER.contains(&self.lex(i + 1)))
                || (self.lex(i) == "what"
                    && HAPPENED.contains(&self.lex(i + 1))
                    && (self.names_a_date() || self.content().is_empty()))
        })
    }

    /// "what happened in Lachin": what happened, about something that is not a date.
    fn asks_what_happened(&self) -> bool {
        (0..self.words.len()).any(|i| self.lex(i) == "what" && HAPPENED.contains(&self.lex(i + 1)))
    }

    /// Whether the question names a day, month or year.
    fn names_a_date(&self) -> bool {
        self.words.iter().any(|w| {
            MONTHS.contains(&w.lex.as_str())
                || WEEKDAYS.contains(&w.lex.as_str())
                || matches!(w.lex.as_str(), "yesterday" | "today" | "weekend")
                || (w.lex.len() == 4 && w.lex.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// The question's content words, for search.
    fn content(&self) -> Vec<String> {
        query_words(self.words.iter())
    }

    /// Whether a word of `list` is in the question.
    fn names(&self, list: &[&str]) -> bool {
        self.words.iter().any(|w| w.is(list))
    }

    fn in_mention(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.span.contains(&i))
    }

    /// "how many soldiers ...", "how many Armenians died", "how many were killed":
    /// "how many" about people, not settlements.
    fn asks_how_many_people(&self) -> bool {
        let Some(start) = (0..self.words.len())
            .find(|&i| self.lex(i) == "how" && matches!(self.lex(i + 1), "many" | "much"))
        else {
            return false;
        };
        let next = (start + 2..self.words.len()).find(|&i| !self.in_mention(i));
        let Some(next) = next else {
            return true;
        };
        let word = &self.words[next];
        word.is(PERSON_WORDS)
            || word.status().is_some()
            || word.is(QUESTION_OPENERS)
            || word.is(&["lost", "lose"])
    }

    /// "who was killed?", "who were the wounded?": a casualty question, not a search.
    fn asks_who_was_hit(&self) -> bool {
        let Some(who) = self.words.iter().position(|w| w.lex == "who") else {
            return false;
        };
        let auxiliary = matches!(self.lex(who + 1), "was" | "were" | "got" | "is" | "are")
            || (matches!(self.lex(who + 1), "has" | "have") && self.lex(who + 2) == "been");
        auxiliary
            && self.words[who + 1..]
                .iter()
                .take(4)
                .any(|w| w.status().is_some())
    }

    /// Narrows nothing to the speaker or side: the institution words around a party
    /// ("the Defense Ministry of Azerbaijan", "Azerbaijan's Foreign Ministry").
    fn with_institution(&self, span: &Range<usize>) -> Range<usize> {
        let is_inst = |i: usize| self.words[i].is(INSTITUTION_WORDS);
        let mut start = span.start;
        while start > 0 && (is_inst(start - 1) || matches!(self.lex(start - 1), "of" | "the")) {
            start -= 1;
        }
        while start < span.start && !is_inst(start) {
            start += 1;
        }
        let mut end = span.end;
        while end < self.words.len() && is_inst(end) {
            end += 1;
        }
        start..end
    }

    /// "what did X say (about T)", "X's position (on T)", "did X deny ...", "X statement".
    fn statement(&self) -> Option<Request> {
        let trigger = self.words.iter().position(Word::is_speech)?;
        let speaker = self
            .mentions
            .iter()
            .find(|m| m.span.end <= trigger)
            .or_else(|| self.mentions.iter().find(|m| m.span.start > trigger))?;
        let speaker_words = self.with_institution(&speaker.span);
        let topic = self
            .words
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                !speaker_words.contains(i) && !w.is_speech() && !w.is(STATEMENT_FILLER)
            })
            .map(|(_, w)| w);
        Some(Request::Statement {
            party: speaker.party.clone(),
            topic: join_query(&query_words(topic)),
            speaker: self.speaker_hint(speaker, &speaker_words),
            explain: false,
        })
    }

    /// Who of a party the question asks about: a person it names ("Rafsanjani"), or the
    /// office around the party's name ("the Russian Foreign Ministry", "Azerbaijan's
    /// president"). None for the party as a whole.
    fn speaker_hint(&self, mention: &Mention, around: &Range<usize>) -> Option<String> {
        let chosen: Vec<&Word> = if mention.kind == NameKind::Person {
            self.words[mention.span.clone()].iter().collect()
        } else {
            around
                .clone()
                .map(|i| &self.words[i])
                .filter(|w| w.is(OFFICE_WORDS))
                .collect()
        };
        join_query(&query_words(chosen.into_iter()))
    }

    /// A party that gives a figure or inflicts the harm, not the side that suffered it:
    /// "according to Russia", "killed by Azerbaijani forces", "did Armenia say".
    fn is_source_or_agent(&self, mention: &Mention) -> bool {
        let start = mention.span.start;
        let before = |back: usize| start.checked_sub(back).map_or("", |i| self.lex(i));
        let after = self.with_institution(&mention.span).end;
        matches!(before(1), "by" | "from" | "to")
            || (before(1) == "the" && matches!(before(2), "by" | "from" | "to"))
            || self.words.get(after).is_some_and(Word::is_speech)
    }

    fn casualties(&self) -> Request {
        let mut sides: Vec<&str> = Vec::new();
        for mention in self.mentions.iter().filter(|m| !self.is_source_or_agent(m)) {
            if !sides.contains(&mention.party.as_str()) {
                sides.push(&mention.party);
            }
        }
        let said_about: Vec<Range<usize>> = self
            .mentions
            .iter()
            .map(|m| self.with_institution(&m.span))
            .collect();
        let mut statuses: Vec<Status> = Vec::new();
        for status in self.words.iter().filter_map(|w| w.status().flatten()) {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        let narrowing = self.words.iter().enumerate().filter(|(i, w)| {
            !said_about.iter().any(|span| span.contains(i))
                && w.status().is_none()
                && !w.is_speech()
                && !w.is(PERSON_WORDS)
                && !w.is(CASUALTY_FILLER)
        });
        Request::Casualties {
            query: join_query(&query_words(narrowing.map(|(_, w)| w))),
            side: match sides.as_slice() {
                [one] => Some((*one).to_string()),
                _ => None,
            },
            status: match statuses.as_slice() {
                [one] => Some(*one),
                _ => None,
            },
            explain: false,
        }
    }

    fn timeline(&self) -> Request {
        let words = self
            .words
            .iter()
            .filter(|w| !w.is(DATE_FILLER) && !w.is(TIMELINE_WORDS));
        Request::Timeline {
            query: join_query(&query_words(words)),
        }
    }

    /// The passages for the question's content words. A question with none ("who did
    /// it?", "why?") is still a question: it gets the story's dated events, never /help.
    fn search(&self) -> Request {
        match join_query(&query_words(self.words.iter())) {
            Some(query) => Request::Search { query },
            None if self.first_question_word().is_some() => Request::Timeline { query: None },
            None => Request::Help,
        }
    }

    /// "where did it happen?": the passages that place an incident.
    fn search_for_places(&self) -> Request {
        let words: Vec<String> = PLACE_WORDS
            .iter()
            .chain(INCIDENT_WORDS)
            .map(|w| w.to_string())
            .collect();
        Request::Search {
            query: join_query(&words).unwrap_or_default(),
        }
    }

    /// "help", "what can you do?", "what sources do you have?": questions about the bot.
    fn help_or_sources(&self) -> Option<Request> {
        const ABOUT_SOURCES: &[&str] = &[
            "sources",
            "source",
            "articles",
            "article",
            "documents",
            "indexed",
            "outlets",
            "list",
        ];
        const ABOUT_HELP: &[&str] = &["help", "commands", "command", "usage", "use", "work"];
        let content = query_words(self.words.iter());
        let all_in = |list: &[&str]| {
            !content.is_empty()
                && content
                    .iter()
                    .all(|w| list.contains(&w.to_lowercase().as_str()))
        };
        // "what can you do?", "who are you?": about the bot, in words of no content.
        let to_the_bot = content.is_empty() && self.words.iter().any(|w| w.is(&["you", "your"]));
        if all_in(ABOUT_SOURCES) {
            Some(Request::Sources)
        } else if all_in(ABOUT_HELP) || self.words.is_empty() || to_the_bot {
            Some(Request::Help)
        } else {
            None
        }
    }

    /// What a short reply changes, when it reads as a follow-up at all.
    fn follow_up_slots(&self) -> Option<FollowUp> {
        let rest = self.after_follow_up_opener();
        let marked = rest > 0;
        if self.words.len() - rest > 8
            || self
                .words
                .get(rest)
                .is_some_and(|w| is_question_word(&w.lex) || w.is(QUESTION_OPENERS))
        {
            return None;
        }
        let mut parties: Vec<String> = Vec::new();
        for m in self.mentions.iter().filter(|m| m.span.start >= rest) {
            if !parties.contains(&m.party) {
                parties.push(m.party.clone());
            }
        }
        let mut statuses = Vec::new();
        for status in self.words[rest..]
            .iter()
            .filter_map(|w| w.status().flatten())
        {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        let free = self.words.iter().enumerate().filter(|(i, w)| {
            *i >= rest && !self.in_mention(*i) && !w.is(FOLLOW_UP_FILLER) && !w.is_speech()
        });
        let topic = query_words(free.clone().map(|(_, w)| w));
        let place = query_words(
            free.filter(|(_, w)| w.status().is_none() && !w.is(PERSON_WORDS))
                .map(|(_, w)| w),
        );
        let has_casualty_word = self.words[rest..].iter().any(|w| w.status().is_some());
        if parties.is_empty() && topic.is_empty() {
            return None;
        }
        // Without "and" / "what about", only a bare party or status reads as a follow-up.
        if !marked && !place.is_empty() {
            return None;
        }
        Some(FollowUp {
            parties,
            statuses,
            has_casualty_word,
            topic,
            place,
        })
    }

    /// The index of the first word after "and", "what about", "and how about", "same for".
    fn after_follow_up_opener(&self) -> usize {
        let mut i = 0;
        while self.words.get(i).is_some_and(|w| w.is(FOLLOW_UP_OPENERS)) {
            i += 1;
        }
        let about =
            matches!(self.lex(i), "what" | "how") && matches!(self.lex(i + 1), "about" | "of");
        let same_for = self.lex(i) == "same" && self.lex(i + 1) == "for";
        if about || same_for {
            i += 2;
        }
        i
    }
}

/// What a follow-up reply names: parties, statuses, and other words (all of them for a
/// statement's topic; without people and statuses for a casualty query).
struct FollowUp {
    parties: Vec<String>,
    statuses: Vec<Status>,
    has_casualty_word: bool,
    topic: Vec<String>,
    place: Vec<String>,
}

impl FollowUp {
    fn apply(&self, previous: &Request, gazetteer: &Gazetteer) -> Option<Request> {
        let one_party = match self.parties.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            _ => return None,
        };
        match previous {
            Request::Ask { .. } => None,
            Request::Casualties {
                query,
                side,
                status,
                explain,
            } => Some(Request::Casualties {
                query: join_query(&self.place).or_else(|| query.clone()),
                side: one_party.or_else(|| side.clone()),
                status: match (self.statuses.as_slice(), self.has_casualty_word) {
                    ([one], _) => Some(*one),
                    (_, true) => None,
                    _ => *status,
                },
                explain: *explain,
            }),
            Request::Statement {
                party,
                topic,
                speaker,
                explain,
            } => Some(Request::Statement {
                // Another party's statements are its own speakers'.
                speaker: speaker.clone().filter(|_| one_party.is_none()),
                party: one_party.unwrap_or_else(|| party.clone()),
                topic: join_query(&self.topic).or_else(|| topic.clone()),
                explain: *explain,
            }),
            Request::Search { query } => Some(Request::Search {
                query: self.swap_party(query, one_party?, gazetteer)?,
            }),
            Request::Timeline { query } => Some(Request::Timeline {
                query: Some(self.swap_party(query.as_deref()?, one_party?, gazetteer)?),
            }),
            Request::Help | Request::Sources => None,
        }
    }

    /// "passages about Russia peacekeepers" + "and Armenia?" -> "Armenia peacekeepers";
    /// None when the reply says more than a party or the query names none.
    fn swap_party(&self, query: &str, party: String, gazetteer: &Gazetteer) -> Option<String> {
        if !self.topic.is_empty() {
            return None;
        }
        let party = gazetteer.get(&party)?;
        let words = words(query);
        let named = mentions(&words, gazetteer);
        let first = named.first()?;
        let name = Word {
            raw: party.name.clone(),
            lex: normalize_word(&party.name),
        };
        let swapped = words.iter().enumerate().filter_map(|(i, w)| {
            if i == first.span.start {
                Some(&name)
            } else if named.iter().any(|m| m.span.contains(&i)) {
                None
            } else {
                Some(w)
            }
        });
        join_query(&query_words(swapped))
    }
}

// ---------------------------------------------------------------------------------------
// Saying how a request was read.

fn describe(request: Request, gazetteer: &Gazetteer) -> Reading {
    let (read_as, command) = match &request {
        Request::Ask { question } => (
            format!("the question “{question}”"),
            format!("/ask question:{question}"),
        ),
        Request::Casualties {
            query,
            side,
            status,
            explain,
        } => {
            let mut read_as = "casualties".to_string();
            let mut command = "/casualties".to_string();
            if let Some(side) = side {
                read_as.push_str(&side_phrase(side, gazetteer));
                command.push_str(&format!(" side:{side}"));
            }
            if let Some(status) = status {
                read_as.push_str(&format!(" ({})", status_name(*status)));
                command.push_str(&format!(" status:{}", status_name(*status)));
            }
            if let Some(query) = query {
                read_as.push_str(&format!(" in reports about {query}"));
                command.push_str(&format!(" query:{query}"));
            }
            if *explain {
                command.push_str(" explain:true");
            }
            (read_as, command)
        }
        Request::Statement {
            party,
            topic,
            speaker,
            explain,
        } => {
            let name = gazetteer
                .get(party)
                .map_or(party.as_str(), |p| p.name.as_str());
            let mut read_as = format!("statements of {name}");
            let mut command = format!("/statement party:{party}");
            if let Some(topic) = topic {
                read_as.push_str(&format!(" about {topic}"));
                command.push_str(&format!(" topic:{topic}"));
            }
            if let Some(speaker) = speaker {
                read_as.push_str(&format!(", {speaker} first"));
                command.push_str(&format!(" speaker:{speaker}"));
            }
            if *explain {
                command.push_str(" explain:true");
            }
            (read_as, command)
        }
        Request::Timeline { query: Some(query) } => (
            format!("dated events about {query}"),
            format!("/timeline query:{query}"),
        ),
        Request::Timeline { query: None } => ("all dated events".into(), "/timeline".into()),
        Request::Search { query } => (
            format!("passages about {query}"),
            format!("/search query:{query}"),
        ),
        Request::Sources => ("the list of indexed sources".into(), "/sources".into()),
        Request::Help => (
            "a request for help with the commands".into(),
            "/help".into(),
        ),
    };
    Reading {
        request,
        read_as,
        command,
    }
}

/// The value of `status:` that asks for this status.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Killed => "killed",
        Status::Injured => "injured",
        Status::Missing => "missing",
        Status::Captured => "captured",
        Status::KilledOrInjured => "killed_or_injured",
    }
}

/// " on the Azerbaijani side", or " on the side of the European Union" for a party with
/// no one-word adjective among its aliases.
fn side_phrase(id: &str, gazetteer: &Gazetteer) -> String {
    let Some(party) = gazetteer.get(id) else {
        return format!(" on the side of {id}");
    };
    match adjective(party) {
        Some(adjective) => format!(" on the {adjective} side"),
        None => format!(" on the side of {}", party.name),
    }
}

/// A one-word alias that reads as the party's adjective: "Azerbaijani", "French".
fn adjective(party: &Party) -> Option<&str> {
    party
        .demonyms
        .iter()
        .map(String::as_str)
        .find(|a| !a.contains(char::is_whitespace) && !a.ends_with('s'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::parse_line;
    use proptest::prelude::*;

    fn cas(query: Option<&str>, side: Option<&str>, status: Option<Status>) -> Request {
        Request::Casualties {
            query: query.map(str::to_string),
            side: side.map(str::to_string),
            status,
            explain: false,
        }
    }
    fn st(party: &str, topic: Option<&str>) -> Request {
        Request::Statement {
            party: party.into(),
            topic: topic.map(str::to_string),
            speaker: None,
            explain: false,
        }
    }

    fn sts(party: &str, topic: Option<&str>, speaker: &str) -> Request {
        Request::Statement {
            party: party.into(),
            topic: topic.map(str::to_string),
            speaker: Some(speaker.into()),
            explain: false,
        }
    }
    fn tl(query: Option<&str>) -> Request {
        Request::Timeline {
            query: query.map(str::to_string),
        }
    }
    fn se(query: &str) -> Request {
        Request::Search {
            query: query.into(),
        }
    }

    use Status::{Captured, Injured, Killed, Missing};
    const AZ: Option<&str> = Some("azerbaijan");
    const AM: Option<&str> = Some("armenia");

    /// Questions in the words people type, and the request each must be read as.
    fn table() -> Vec<(&'static str, Request)> {
        vec![
            // Casualties: side, status, place or date.
            (
                "how many Azerbaijani soldiers were killed?",
                cas(None, AZ, Some(Killed)),
            ),
            (
                "how many died in Lachin?",
                cas(Some("Lachin"), None, Some(Killed)),
            ),
            (
                "how many Armenian police were killed",
                cas(None, AM, Some(Killed)),
            ),
            (
                "how many soldiers were kiled",
                cas(None, None, Some(Killed)),
            ),
            ("casulties on the armenian side", cas(None, AM, None)),
            ("how many were woundded?", cas(None, None, Some(Injured))),
            ("HOW MANY PEOPLE DIED", cas(None, None, Some(Killed))),
            (
                "who was killed in the shootout?",
                cas(Some("shootout"), None, Some(Killed)),
            ),
            ("were any peacekeepers hurt", cas(None, None, Some(Injured))),
            (
                "how many Armenians and Azerbaijanis died?",
                cas(None, None, Some(Killed)),
            ),
            (
                "how many were killed or wounded on the Armenian side",
                cas(None, AM, None),
            ),
            (
                "death toll in the Karabakh clash",
                cas(Some("Karabakh clash"), None, Some(Killed)),
            ),
            (
                "how many soldiers did Azerbaijan say were killed",
                cas(None, None, Some(Killed)),
            ),
            (
                "How many Armenian police officers were killed according to Russia?",
                cas(None, AM, Some(Killed)),
            ),
            (
                "how many Armenian police officers from Karabakh were killed",
                cas(Some("Karabakh"), AM, Some(Killed)),
            ),
            ("any prisoners taken?", cas(None, None, Some(Captured))),
            (
                "are there any prisoners of war",
                cas(None, None, Some(Captured)),
            ),
            (
                "is anyone missing after the shootout",
                cas(Some("shootout"), None, Some(Missing)),
            ),
            (
                "how many died on March 5?",
                cas(Some("March 5"), None, Some(Killed)),
            ),
            (
                "how many Karabakh police died",
                cas(None, Some("karabakh"), Some(Killed)),
            ),
            (
                "ethnic armenian casualties",
                cas(None, Some("karabakh"), None),
            ),
            ("Azerbaijani losses", cas(None, AZ, None)),
            (
                "how many injuried azerbaijani soldiers",
                cas(None, AZ, Some(Injured)),
            ),
            (
                "how many Azerbaijani troops were killed by Armenian forces",
                cas(None, AZ, Some(Killed)),
            ),
            // Statements.
            (
                "what did Baku say about the peacekeepers?",
                st("azerbaijan", Some("peacekeepers")),
            ),
            (
                "what did Azərbaycan say about the ambush",
                st("azerbaijan", Some("ambush")),
            ),
            (
                "what did Россия say about the clash?",
                st("russia", Some("clash")),
            ),
            (
                "азербайджан statement on lachin",
                st("azerbaijan", Some("lachin")),
            ),
            (
                "Russia’s position on the shootout",
                st("russia", Some("shootout")),
            ),
            ("Baku's statement", st("azerbaijan", None)),
            ("did Armenia deny the claim?", st("armenia", None)),
            (
                "what does the Kremlin claim about the peacekeepers",
                st("russia", Some("peacekeepers")),
            ),
            (
                "what did the Azerbaijani defense ministry say",
                sts("azerbaijan", None, "defense ministry"),
            ),
            (
                "what did Armenia's interior ministry say about the police officers",
                sts("armenia", Some("police officers"), "interior ministry"),
            ),
            (
                "Pashinyan statment on the ceasefire",
                sts("armenia", Some("ceasefire"), "Pashinyan"),
            ),
            (
                "what did Aliyev say about the peace treaty?",
                sts("azerbaijan", Some("peace treaty"), "Aliyev"),
            ),
            ("what was Moscow's reaction", st("russia", None)),
            (
                "statement by the Russian defense ministry",
                sts("russia", None, "defense ministry"),
            ),
            ("whats armenias positon", st("armenia", None)),
            (
                "what did Azerbaijn say about the Russian statement",
                st("azerbaijan", Some("Russian")),
            ),
            (
                "what did the Russian Foreign Ministry say about the shooting on Sunday",
                sts("russia", Some("shooting Sunday"), "Foreign Ministry"),
            ),
            ("what did the US say", st("us", None)),
            (
                "what did Peskov tell reporters",
                sts("russia", None, "Peskov"),
            ),
            (
                "tell me about the weapons transport",
                se("weapons transport"),
            ),
            (
                "did Azerbaijan deny that its soldiers fired first",
                st("azerbaijan", Some("soldiers fired first")),
            ),
            // Timeline.
            ("when did the 2020 war end?", tl(Some("2020 war end"))),
            ("when did the clashes erupt", tl(Some("clashes erupt"))),
            (
                "what date was the cease-fire agreement signed?",
                tl(Some("cease fire agreement signed")),
            ),
            ("When was the shootout", tl(Some("shootout"))),
            ("what happened on March 5?", tl(Some("March 5"))),
            ("what happened in Lachin", se("Lachin")),
            ("when?", tl(None)),
            // Who: passages and statements that answer.
            ("who fired first", se("fired first")),
            (
                "who said the facts were distorted?",
                se("said facts distorted"),
            ),
            ("Who stopped the clash?", se("stopped clash")),
            // Anything else.
            (
                "how many settlements did Azerbaijan liberate",
                se("settlements Azerbaijan liberate"),
            ),
            ("peacekeepers", se("peacekeepers")),
            (
                "why did Russia's peacekeepers intervene?",
                se("Russia peacekeepers intervene"),
            ),
            ("where is the Lachin road", se("Lachin road")),
            (
                "tell me about the \"ambush\" (AND OR -weapons +vehicles) title:foo",
                se("ambush weapons vehicles title foo"),
            ),
            ("help", Request::Help),
            ("what sources do you have?", Request::Sources),
            ("???", Request::Help),
        ]
    }

    /// The command name and `(option, value)` pairs a request must parse back to.
    fn expected_options(request: &Request) -> (&'static str, Vec<(String, String)>) {
        let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
        let mut options = Vec::new();
        let name = match request {
            Request::Search { query } => {
                options.push(pair("query", query));
                "search"
            }
            Request::Casualties {
                query,
                side,
                status,
                explain,
            } => {
                options.extend(query.as_deref().map(|q| pair("query", q)));
                options.extend(side.as_deref().map(|s| pair("side", s)));
                options.extend(status.map(|s| pair("status", status_name(s))));
                options.extend(explain.then(|| pair("explain", "true")));
                "casualties"
            }
            Request::Statement {
                party,
                topic,
                speaker,
                explain,
            } => {
                options.push(pair("party", party));
                options.extend(topic.as_deref().map(|t| pair("topic", t)));
                options.extend(speaker.as_deref().map(|s| pair("speaker", s)));
                options.extend(explain.then(|| pair("explain", "true")));
                "statement"
            }
            Request::Timeline { query } => {
                options.extend(query.as_deref().map(|q| pair("query", q)));
                "timeline"
            }
            Request::Sources => "sources",
            Request::Help => "help",
            Request::Ask { question } => {
                options.push(pair("question", question));
                "ask"
            }
        };
        options.sort();
        (name, options)
    }

    /// The command a reading offers parses back to its request, and its free text holds
    /// nothing the query parser could read as syntax.
    fn assert_command_matches(reading: &Reading, gazetteer: &Gazetteer) {
        let invocation = parse_line(&reading.command)
            .unwrap_or_else(|e| panic!("`{}` does not parse: {e}", reading.command));
        let (name, expected) = expected_options(&reading.request);
        assert_eq!(invocation.command.name, name, "{}", reading.command);
        let mut got: Vec<(String, String)> = invocation
            .options
            .iter()
            .map(|(n, v)| (n.to_string(), v.as_text().unwrap_or_default().to_string()))
            .collect();
        got.sort();
        assert_eq!(got, expected, "{}", reading.command);
        for (option, value) in &got {
            match option.as_str() {
                "query" | "topic" | "speaker" => assert!(
                    value.chars().all(|c| c.is_alphanumeric() || c == ' ')
                        && !value.split(' ').any(|w| ["AND", "OR", "NOT"].contains(&w)),
                    "{option}:{value}"
                ),
                "side" | "party" => {
                    assert_eq!(
                        gazetteer.resolve(value).map(|p| p.id.as_str()),
                        Some(value.as_str())
                    )
                }
                _ => {}
            }
        }
    }

    #[test]
    fn questions_in_plain_words_are_read_as_the_right_request() {
        let gazetteer = Gazetteer::builtin();
        let rows = table();
        assert!(rows.len() >= 40, "{} rows", rows.len());
        let mut wrong = Vec::new();
        for (question, expected) in &rows {
            let reading = read(question, &gazetteer);
            if reading.request != *expected {
                wrong.push(format!(
                    "{question:?}\n   got {:?}\n  want {expected:?}",
                    reading.request
                ));
            }
            assert_command_matches(&reading, &gazetteer);
        }
        assert!(
            wrong.is_empty(),
            "{} misread:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn the_reading_says_in_words_how_the_question_was_taken() {
        let g = Gazetteer::builtin();
        let r = read("how many Azerbaijani soldiers were killed?", &g);
        assert_eq!(r.read_as, "casualties on the Azerbaijani side (killed)");
        assert_eq!(r.command, "/casualties side:azerbaijan status:killed");
        let r = read("what did Baku say about the peacekeepers?", &g);
        assert_eq!(r.read_as, "statements of Azerbaijan about peacekeepers");
        assert_eq!(r.command, "/statement party:azerbaijan topic:peacekeepers");
        assert_eq!(
            read("when did the 2020 war end?", &g).read_as,
            "dated events about 2020 war end"
        );
        assert_eq!(
            read("who fired first", &g).read_as,
            "passages about fired first"
        );
        let r = read("how many died in Lachin", &g);
        assert_eq!(r.read_as, "casualties (killed) in reports about Lachin");
        assert_eq!(r.command, "/casualties status:killed query:Lachin");
        let r = read("how many EU monitors were hurt", &g);
        assert!(
            r.read_as
                .starts_with("casualties on the side of European Union"),
            "{}",
            r.read_as
        );
    }

    #[test]
    fn content_words_drop_stop_and_question_words_and_syntax() {
        assert_eq!(
            content_words("When did the 2020 war END?"),
            ["2020", "war", "END"]
        );
        assert_eq!(
            content_words("Baku’s \"claims\": NOT true + -false"),
            ["Baku", "claims", "true", "false"]
        );
        assert_eq!(
            content_words("didn't we've who's what"),
            Vec::<String>::new()
        );
        assert_eq!(content_words("war War WAR"), ["war"]);
    }

    fn follow(previous: &str, reply: &str) -> Option<Request> {
        let g = Gazetteer::builtin();
        let previous = read(previous, &g);
        let reading = follow_up(&previous, reply, &g)?;
        assert_command_matches(&reading, &g);
        Some(reading.request)
    }

    #[test]
    fn a_short_reply_adjusts_the_previous_reading() {
        let statement = "what did Baku say about the peacekeepers?";
        assert_eq!(
            follow(statement, "and Russia?"),
            Some(st("russia", Some("peacekeepers")))
        );
        assert_eq!(
            follow(statement, "What about Россия"),
            Some(st("russia", Some("peacekeepers")))
        );
        assert_eq!(
            follow(statement, "and about the ceasefire?"),
            Some(st("azerbaijan", Some("ceasefire")))
        );
        let killed = "how many Azerbaijani soldiers were killed?";
        assert_eq!(
            follow(killed, "and the Armenian side?"),
            Some(cas(None, AM, Some(Killed)))
        );
        assert_eq!(
            follow(killed, "what about the wounded?"),
            Some(cas(None, AZ, Some(Injured)))
        );
        assert_eq!(
            follow(killed, "Russia?"),
            Some(cas(None, Some("russia"), Some(Killed)))
        );
        assert_eq!(
            follow(killed, "and in Lachin?"),
            Some(cas(Some("Lachin"), AZ, Some(Killed)))
        );
        assert_eq!(
            follow(killed, "and killed or wounded?"),
            Some(cas(None, AZ, None))
        );
        assert_eq!(
            follow("what is Russia's role", "and Armenia?"),
            Some(se("Armenia role"))
        );
        assert_eq!(
            follow("when did Russia stop the clash", "and Armenia?"),
            Some(tl(Some("Armenia stop clash")))
        );
    }

    #[test]
    fn a_reply_that_is_not_a_follow_up_is_answered_fresh() {
        let killed = "how many Azerbaijani soldiers were killed?";
        let statement = "what did Baku say about the peacekeepers?";
        assert_eq!(follow(statement, "thanks!"), None);
        assert_eq!(follow(killed, "thanks!"), None);
        assert_eq!(follow(killed, "what did Russia say about the clash?"), None);
        assert_eq!(follow(statement, "how many died in Lachin?"), None);
        assert_eq!(follow(statement, "and when did the war end?"), None);
        assert_eq!(follow(killed, "Lachin road checkpoint"), None);
        assert_eq!(follow(killed, "and Russia and Armenia?"), None);
        assert_eq!(follow("help", "and Russia?"), None);
        assert_eq!(follow("who fired first", "and Russia?"), None);
        assert_eq!(follow(killed, ""), None);
    }

    #[test]
    fn long_questions_are_cut_and_queries_fit_an_option() {
        let g = Gazetteer::builtin();
        let question = "ambush ".repeat(10) + &"word".repeat(5_000) + &" clash".repeat(2_000);
        let reading = read(&question, &g);
        assert_command_matches(&reading, &g);
        let many: String = (0..400).map(|i| format!("w{i} ")).collect();
        let reading = read(&many, &g);
        assert_command_matches(&reading, &g);
        let Request::Search { query } = &reading.request else {
            panic!("{:?}", reading.request)
        };
        assert!(query.chars().count() <= MAX_QUERY_CHARS);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn random_text_is_read_without_panic_and_its_command_parses_back(text in ".{0,700}") {
            let g = Gazetteer::builtin();
            let reading = read(&text, &g);
            assert_command_matches(&reading, &g);
            if let Some(next) = follow_up(&reading, &text, &g) {
                assert_command_matches(&next, &g);
            }
        }

        #[test]
        fn question_like_soup_is_read_without_panic(words in proptest::collection::vec(
            prop_oneof![
                Just("how"), Just("many"), Just("killed"), Just("kiled"), Just("who"), Just("when"),
                Just("what"), Just("did"), Just("say"), Just("about"), Just("Baku’s"), Just("Россия"),
                Just("Azərbaycan"), Just("U.S."), Just("US"), Just("WHO"), Just("side:"), Just("query:"),
                Just("status:killed"), Just("\""), Just("“"), Just("("), Just(")"), Just("-"), Just("+"),
                Just("AND"), Just("OR"), Just("NOT"), Just("and"), Just("Armenian"), Just("police"),
                Just("ethnic"), Just("Karabakh"), Just("'"), Just("’s"), Just("?"), Just("."), Just("é"),
                Just("2020"), Just("topic:"), Just("party:"), Just("*"), Just("~"), Just("^2"),
            ],
            0..60,
        )) {
            let g = Gazetteer::builtin();
            for text in [words.join(" "), words.concat()] {
                let reading = read(&text, &g);
                assert_command_matches(&reading, &g);
                for reply in ["and Russia?", "what about the wounded?", text.as_str()] {
                    if let Some(next) = follow_up(&reading, reply, &g) {
                        assert_command_matches(&next, &g);
                    }
                }
            }
        }
    }
}
