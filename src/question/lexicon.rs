//! The lexicon the rules read a question by: question words, stop words, the words of
//! killing and wounding and of saying, and the fillers each kind of question uses that
//! narrow nothing; with the look-ups over them and the correction of a misspelt trigger
//! word. Words are compared after `normalize_word` (lower case, diacritics folded,
//! possessive dropped).

use crate::extract::Status;

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
pub(super) const QUESTION_WORD_FORMS: &[(&str, &str)] = &[
    ("что", "what"), ("кто", "who"), ("когда", "when"), ("где", "where"),
    ("почему", "why"), ("как", "how"), ("сколько", "how many"),
    ("ne", "what"), ("harada", "where"), ("niye", "why"), ("nece", "how many"),
    ("waht", "what"), ("whta", "what"), ("wat", "what"), ("wht", "what"), ("wehre", "where"),
    ("wher", "where"), ("whre", "where"), ("whn", "when"), ("wehn", "when"), ("whne", "when"),
    ("hwo", "how"), ("woh", "who"),
];

/// Words that make a question about casualties, and the status each one names.
#[rustfmt::skip]
pub(super) const CASUALTY_WORDS: &[(Option<Status>, &[&str])] = &[
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
pub(super) const SPEECH_WORDS: &[&str] = &[
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
pub(super) const PERSON_WORDS: &[&str] = &[
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
pub(super) const INSTITUTION_WORDS: &[&str] = &[
    "ministry", "defense", "defence", "foreign", "interior", "government", "president",
    "presidency", "prime", "minister", "spokesman", "spokeswoman", "spokesperson",
    "official", "officials", "authorities", "army", "military", "armed", "forces", "side",
    "leadership", "leader", "leaders", "office", "press", "embassy", "mfa", "mod",
    "department",
];

/// Words a casualty question uses that narrow nothing.
#[rustfmt::skip]
pub(super) const CASUALTY_FILLER: &[&str] = &[
    "total", "overall", "number", "numbers", "figure", "figures", "count", "counts",
    "reportedly", "according", "far", "officially", "lost", "lose", "altogether", "taken",
];

/// Words a question about statements uses that narrow nothing.
#[rustfmt::skip]
pub(super) const STATEMENT_FILLER: &[&str] = &[
    "reporters", "journalists", "media", "publicly", "officially", "official", "exactly",
];

/// Words a timeline question uses to ask for a date, not what to look for.
pub(super) const DATE_FILLER: &[&str] = &["date", "dates", "day", "time", "year", "month"];

/// Words that ask for the timeline by name: "timeline of the clash".
pub(super) const TIMELINE_WORDS: &[&str] = &["timeline", "chronology"];

/// What "where did it happen?" looks for: the words reporting places a thing with.
#[rustfmt::skip]
pub(super) const PLACE_WORDS: &[&str] = &[
    "region", "road", "near", "village", "town", "city", "border", "area", "province",
    "district",
];

#[rustfmt::skip]
pub(super) const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
pub(super) const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Words that name who in a party speaks: an office, not the party as a whole.
#[rustfmt::skip]
pub(super) const OFFICE_WORDS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "president", "presidency", "presidential",
    "prime", "minister", "ministry", "spokesman", "spokeswoman", "spokesperson", "embassy",
    "mfa", "mod", "press", "office",
];

/// "what happened (on March 5)": asks for events, like "when".
pub(super) const HAPPENED: &[&str] = &["happened", "happen", "happens", "occurred", "went"];

/// Words that begin a reply meant as a follow-up ("and Russia?", "what about ...").
#[rustfmt::skip]
pub(super) const FOLLOW_UP_OPENERS: &[&str] = &[
    "and", "or", "but", "so", "ok", "okay", "now", "also", "then",
];

/// Words of a follow-up that change nothing ("and on the Armenian side, then?").
pub(super) const FOLLOW_UP_FILLER: &[&str] =
    &["side", "sides", "ones", "instead", "figures", "numbers"];

/// Words that open a question of their own: a reply starting so is answered fresh.
#[rustfmt::skip]
pub(super) const QUESTION_OPENERS: &[&str] = &[
    "did", "does", "do", "is", "are", "was", "were", "can", "could", "will", "would", "has",
    "have", "had", "should",
];

/// Real words one edit from a trigger word; they are not its misspelling.
#[rustfmt::skip]
const NOT_TYPOS: &[&str] = &[
    "insured", "depth", "depths", "states", "filled", "killer", "killers", "reach",
    "reached", "thank", "thanks", "commend", "blade", "saying", "clams", "deity", "dealt",
];

pub(super) fn is_question_word(word: &str) -> bool {
    QUESTION_WORDS.contains(&word)
}

/// A stop word, a question word, or a contraction of one ("didn't", "we've").
pub(super) fn is_stop(word: &str) -> bool {
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

pub(super) fn casualty_status(word: &str) -> Option<Option<Status>> {
    CASUALTY_WORDS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(status, _)| *status)
}

/// The trigger word a word of five letters or more misspells, by one edit keeping the
/// first letter ("kiled", "casulties", "woundded", "statment").
pub(super) fn correct_typo(norm: &str) -> Option<&'static str> {
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
