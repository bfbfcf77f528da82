//! Word and punctuation tokens of one paragraph, with byte offsets, sentence numbers, the
//! lexicon classes of each word and whether each sits inside a quotation: the surface every
//! stage of the extractor walks.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon;

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    /// As written.
    pub text: &'a str,
    /// Lower case, apostrophes straightened, possessive dropped, diacritics folded.
    pub norm: Norm<'a>,
    pub word: bool,
    /// Inside a quotation (the quote marks themselves are not).
    pub quoted: bool,
    pub sentence: usize,
    /// The lexicon classes of the word (`lexicon::class`).
    pub class: u64,
}

impl Token<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.norm.as_str())
    }
    /// In any of the lexicon classes `bits`.
    pub fn has(&self, bits: u64) -> bool {
        self.class & bits != 0
    }
    /// A compound ending in one of `tails`: "Hamas-run", "Russian-installed", "US-led".
    pub fn compound_tail_is(&self, tails: &[&str]) -> bool {
        self.text.contains(['-', '‑'])
            && self
                .text
                .rsplit(['-', '‑'])
                .next()
                .is_some_and(|tail| tails.iter().any(|w| tail.eq_ignore_ascii_case(w)))
    }

    /// A year written in digits, 1900 to 2099.
    pub fn is_year(&self) -> bool {
        self.text.len() == 4
            && self.text.chars().all(|c| c.is_ascii_digit())
            && (self.text.starts_with("19") || self.text.starts_with("20"))
    }

    /// A month's name or abbreviation. "May" counts only capitalised: lower-case "may"
    /// is the verb ("officials may say").
    pub fn is_month(&self) -> bool {
        self.is_any(&[
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ]) || self.text == "May"
    }
    /// Starts with a capital, or is a name with a particle: "al-Qudra", "el-Sisi".
    pub fn capitalized(&self) -> bool {
        // Asked of every token again and again: most answer from their first byte, as no
        // particle starts with a capital or with another ASCII letter than a, b, e or i.
        match self.text.as_bytes().first() {
            _ if !self.word => return false,
            Some(b) if b.is_ascii_uppercase() => return true,
            Some(b) if b.is_ascii() && !matches!(b, b'a' | b'b' | b'e' | b'i') => return false,
            _ => {}
        }
        let particle = ["al-", "el-", "ad-", "as-", "bin-", "ibn-"]
            .iter()
            .find_map(|p| self.text.strip_prefix(p));
        let name = particle.unwrap_or(self.text);
        self.word && name.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }
    pub fn possessive(&self) -> bool {
        self.word && strip_possessive(self.text).len() < self.text.len()
    }
}

/// A token's normal form, borrowed from the text when it is written so already (as most
/// lower-case words are), else shared with every other token spelt the same way, so that
/// no token needs a String of its own.
#[derive(Clone)]
pub(crate) struct Norm<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    Text(&'a str),
    Shared(Rc<str>),
}

impl<'a> Norm<'a> {
    fn of(norm: Cow<'a, str>) -> Self {
        match norm {
            Cow::Borrowed(text) => Norm(Repr::Text(text)),
            Cow::Owned(own) => Norm(Repr::Shared(Rc::from(own))),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Text(text) => text,
            Repr::Shared(shared) => shared,
        }
    }
}

impl std::ops::Deref for Norm<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Norm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Norm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Norm<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm<'_> {}

impl PartialEq<str> for Norm<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Norm<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

/// A quotation: the token indexes of its opening and closing marks (`close` is None
/// when the paragraph ends inside it, as a quotation continued in the next one does).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quote {
    pub open: usize,
    pub close: Option<usize>,
}

impl Quote {
    /// Token indexes strictly inside the quotation.
    pub fn inner(&self, token_count: usize) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(token_count)
    }
}

pub(crate) struct Tokens<'a> {
    pub toks: Vec<Token<'a>>,
    pub quotes: Vec<Quote>,
    pub sentences: Vec<Range<usize>>,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»')
}

pub(crate) fn is_quote_mark(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| is_open_quote(c) || is_close_quote(c) || c == '"')
}

/// Tokenizes `text` (one paragraph) and finds its quotations.
pub(crate) fn tokenize(text: &str) -> Tokens<'_> {
    let sentences = crate::text::sentences(text);
    // About one token in five bytes of text: room for them all at once.
    let mut toks = Vec::with_capacity(text.len() / 4);
    READINGS.with_borrow_mut(|readings| {
        let mut at = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            let start = at;
            if c.is_whitespace() {
                at += c.len_utf8();
                continue;
            }
            let word = c.is_alphanumeric();
            let end = if word {
                word_end(text, start)
            } else {
                start + c.len_utf8()
            };
            at = end;
            let slice = text.get(start..end).unwrap_or("");
            let (norm, class) = if word {
                readings.read(slice)
            } else if c.is_ascii() {
                // An ASCII mark is its own normal form.
                (Norm(Repr::Text(slice)), 0)
            } else {
                (Norm::of(normal_form(slice)), 0)
            };
            toks.push(Token {
                start,
                end,
                text: slice,
                norm,
                word,
                quoted: false,
                sentence: 0,
                class,
            });
        }
    });
    let sentences = merge_after_titles(text, sentences);
    assign_sentences(&mut toks, &sentences);
    let quotes = find_quotes(&mut toks);
    Tokens {
        toks,
        quotes,
        sentences,
    }
}

/// Whether any word of `text` is in one of the lexicon classes `bits`, read as `tokenize`
/// reads it, without building the paragraph's tokens: for a pass that reads only the
/// paragraphs holding such a word.
pub(crate) fn any_word_has(text: &str, bits: u64) -> bool {
    READINGS.with_borrow_mut(|readings| {
        let mut at = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            // Spaces and marks are one character each, as `tokenize` steps over them.
            if !c.is_alphanumeric() {
                at += c.len_utf8();
                continue;
            }
            let end = word_end(text, at);
            if readings.read(text.get(at..end).unwrap_or("")).1 & bits != 0 {
                return true;
            }
            at = end;
        }
        false
    })
}

/// A word's normal form and lexicon classes, as `read_word` gives them: its normal form
/// is the word's first `n` bytes (most words) or a string of its own.
#[derive(Clone)]
enum Reading {
    Prefix(usize, u64),
    Shared(Rc<str>, u64),
}

/// The readings of the words this thread has tokenized, keyed by the word as written. A
/// word's reading depends on its spelling alone, and a few thousand spellings make most
/// of any text, so each is worked out once rather than once per token.
///
/// A word of up to 15 bytes, nearly every word, is keyed by its bytes packed in two
/// machine words: every token is looked up, and hashing and comparing two integers costs
/// a fraction of hashing and comparing a string. Longer words are keyed by their text.
#[derive(Default)]
struct Readings {
    short: FxHashMap<(u64, u64), Reading>,
    long: FxHashMap<Box<str>, Reading>,
}

/// A word of up to 15 bytes as two integers: its bytes, zero after them, and its length
/// in the last byte, so that equal keys are equal spellings.
fn packed(word: &str) -> Option<(u64, u64)> {
    let bytes = word.as_bytes();
    let len = u8::try_from(bytes.len()).ok().filter(|&n| n < 16)?;
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[15] = len;
    let (low, high) = buf.split_at(8);
    Some((
        u64::from_le_bytes(low.try_into().ok()?),
        u64::from_le_bytes(high.try_into().ok()?),
    ))
}

/// Spellings kept before the cache starts afresh: a few MB at most, per thread.
const READINGS_KEPT: usize = 1 << 15;

thread_local! {
    static READINGS: RefCell<Readings> = RefCell::new(Readings::default());
}

impl Readings {
    fn read<'a>(&mut self, word: &'a str) -> (Norm<'a>, u64) {
        let key = packed(word);
        let known = match key {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        let reading = match known {
            Some(reading) => reading.clone(),
            None => self.remember(key, word),
        };
        match reading {
            Reading::Prefix(n, class) => (Norm(Repr::Text(word.get(..n).unwrap_or(word))), class),
            Reading::Shared(norm, class) => (Norm(Repr::Shared(norm)), class),
        }
    }

    /// Reads a word not seen before and keeps its reading.
    fn remember(&mut self, key: Option<(u64, u64)>, word: &str) -> Reading {
        let reading = read_word(word);
        if self.short.len() + self.long.len() >= READINGS_KEPT {
            self.short.clear();
            self.long.clear();
        }
        match key {
            Some(key) => self.short.insert(key, reading.clone()),
            None => self.long.insert(Box::from(word), reading.clone()),
        };
        reading
    }
}

/// A word token's normal form (title dot dropped, normalised, misspelling mended) and
/// its lexicon classes.
fn read_word(word: &str) -> Reading {
    // "Gov." and "Lt." are read as the titles "gov" and "lt".
    let bare = word
        .strip_suffix('.')
        .filter(|w| TITLE_ABBREVIATIONS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(word);
    let norm = mended(normal_form(bare));
    let class = lexicon::classes(&norm);
    match norm {
        // Borrowed from the word itself, the normal form is a prefix of it.
        Cow::Borrowed(b) if word.as_ptr() == b.as_ptr() => Reading::Prefix(b.len(), class),
        other => Reading::Shared(Rc::from(&*other), class),
    }
}

/// `normalize_word`, borrowing the word when it is already in normal form, as most
/// words in lower case are: no String for them.
fn normal_form(word: &str) -> Cow<'_, str> {
    let stem = strip_possessive(word);
    if !stem
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Borrowed(stem)
    } else if stem.is_ascii() {
        // What `normalize_word` gives ASCII, with the possessive already gone.
        Cow::Owned(stem.to_ascii_lowercase())
    } else {
        Cow::Owned(normalize_word(word))
    }
}

/// Lower case, diacritics folded, curly apostrophes straightened, possessive dropped.
pub fn normalize_word(word: &str) -> String {
    let word = strip_possessive(word);
    // Most words are ASCII, which folds to itself: no per-character case tables.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// "Armenia's" and "Armenia’s" -> "Armenia"; "Forces'" -> "Forces".
pub fn strip_possessive(word: &str) -> &str {
    // Each suffix ends in s, S, an apostrophe or the last byte of ’, ´ or ʼ.
    if !word
        .as_bytes()
        .last()
        .is_some_and(|b| matches!(b, b's' | b'S' | b'\'' | 0x99 | 0xB4 | 0xBC))
    {
        return word;
    }
    for suffix in ["'s", "’s", "'S", "’S", "'", "’", "´s", "´", "ʼs", "ʼ"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return stem;
        }
    }
    word
}

/// Folds the Latin letters with diacritics that appear in names ("é" -> "e").
pub(crate) fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ə' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'İ' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'ř' => 'r',
        'ş' | 'ś' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        '’' | '‘' | 'ʼ' | '´' => '\'',
        other => other,
    }
}

/// The end of the word starting at `start`. Hyphens and apostrophes between letters,
/// thousands separators and decimal points between digits, and the dots of initialisms
/// ("U.S.") stay inside the word.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut prev: Option<char> = None;
    let rest = text.get(start..).unwrap_or("");
    let mut offset = 0;
    loop {
        // Letters and digits always stay: a run of them in ASCII is passed byte by byte,
        // with no decoding.
        let run = rest.as_bytes()[offset..]
            .iter()
            .take_while(|&&b| ASCII_ALNUM[usize::from(b)])
            .count();
        if run > 0 {
            offset += run;
            end = start + offset;
            prev = Some(char::from(rest.as_bytes()[offset - 1]));
        }
        // Most words end at a space: an ASCII byte that no rule below keeps (the run took
        // every letter and digit) ends the word with no decoding.
        if rest
            .as_bytes()
            .get(offset)
            .is_none_or(|b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b',' | b'.'))
        {
            break;
        }
        let Some(c) = rest[offset..].chars().next() else {
            break;
        };
        let next = rest[offset + c.len_utf8()..].chars().next();
        let keep = if c.is_alphanumeric() {
            true
        } else {
            let between =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            match c {
                '-' | '‑' => between,
                // "Hamas’ armed wing", "doctors' union": a plural possessive.
                // Also the acute accent and the modifier letter some sites type for it
                // ("Kurdistan Workers´ Party").
                '\'' | '’' | '´' | 'ʼ' => {
                    between
                        || (prev.is_some_and(|p| p == 's' || p == 'S')
                            && next.is_none_or(char::is_whitespace)
                            && offset > 1)
                }
                ',' => {
                    between
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && thousands_group(text, start + offset + 1)
                }
                '.' => {
                    let digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit());
                    digits
                        || initialism_dot(text, start, start + offset)
                        || title_dot(text, start, start + offset)
                }
                _ => false,
            }
        };
        if !keep {
            break;
        }
        end = start + offset + c.len_utf8();
        prev = Some(c);
        offset += c.len_utf8();
    }
    end
}

/// The ASCII letters and digits, by byte: one load per byte of every word.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Three digits then no further digit: "1,200" but not "3,45" or "12,3456".
fn thousands_group(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("").as_bytes();
    rest.len() >= 3
        && rest[..3].iter().all(u8::is_ascii_digit)
        && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

/// A dot inside or after an initialism: the word so far is single letters joined by dots.
fn initialism_dot(text: &str, start: usize, dot: usize) -> bool {
    let so_far = text.get(start..dot).unwrap_or("");
    !so_far.is_empty()
        && so_far.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        })
}

/// Title abbreviations keep their dot, so "Maj. Gen. Zaw Min Tun" stays one name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "gen", "maj", "lt", "col", "sgt", "capt", "cpt", "adm", "cmdr", "gov", "sen", "rep", "dr",
    "pfc", "spc", "pte", "cpl", "sgt", "brig", "lt", "ens", "mr", "mrs", "ms", "prof", "pres",
    "pvt", "cpl", "brig", "st", "messrs",
];

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words the readers key on, whose misspellings by one dropped, doubled or swapped
/// letter ("kiled", "officals", "militray", "retalation") are read as the word.
const MENDED: &[&str] = &[
    "killed",
    "wounded",
    "injured",
    "captured",
    "military",
    "ministry",
    "officials",
    "official",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "soldiers",
    "civilians",
    "according",
    "statement",
    "defence",
    "defense",
    "servicemen",
    "children",
    "authorities",
    "prisoners",
    "casualties",
    "fighters",
    "president",
    "people",
    "police",
    "killing",
    "wounding",
    "injuring",
    "hostages",
];

/// `norm`, or the key word it misspells. Only words of five letters or more that are no
/// key word themselves, and only edits that keep every letter in order or swap two
/// neighbours, so real words ("killer", "wounds") are left alone.
fn mended(norm: Cow<'_, str>) -> Cow<'_, str> {
    let n = norm.len();
    if n < 5 || !norm.is_ascii() {
        return norm;
    }
    // Every edit keeps the first letter, so only the key words sharing it can match.
    let Some(keys) = (norm.as_bytes()[0].checked_sub(b'a'))
        .and_then(|letter| MENDED_BY_FIRST.get(usize::from(letter)))
    else {
        return norm;
    };
    if keys.contains(&&*norm) {
        return norm;
    }
    // A plural or singular of a key word ("soldier", "peoples") is a word of its own.
    let number_of =
        |w: &str| norm.strip_suffix('s') == Some(w) || w.strip_suffix('s') == Some(&norm);
    let hit = keys
        .iter()
        .find(|w| w.len().abs_diff(n) <= 1 && !number_of(w) && one_slip(w, &norm));
    hit.map_or(norm, |w| Cow::Borrowed(*w))
}

/// `MENDED` by first letter, in its order: every token of five letters or more is looked
/// up, and a scan of the whole list was a fifth of the tokenizer's time.
static MENDED_BY_FIRST: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
    let mut by_first: [Vec<&'static str>; 26] = Default::default();
    for word in MENDED {
        if let Some(list) = word
            .as_bytes()
            .first()
            .and_then(|b| b.checked_sub(b'a'))
            .and_then(|letter| by_first.get_mut(usize::from(letter)))
        {
            list.push(*word);
        }
    }
    by_first
});

/// One letter dropped or added, or two neighbours swapped (ASCII).
fn one_slip(word: &str, typed: &str) -> bool {
    let (a, b) = (word.as_bytes(), typed.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => a.get(prefix + 1..) == b.get(prefix..),
        std::cmp::Ordering::Less => a.get(prefix..) == b.get(prefix + 1..),
        std::cmp::Ordering::Equal => {
            prefix + 1 < a.len()
                && a[prefix] == b[prefix + 1]
                && a[prefix + 1] == b[prefix]
                && a.get(prefix + 2..) == b.get(prefix + 2..)
        }
    }
}

/// `crate::text::sentences` ends a sentence after title abbreviations it does not know
/// ("Cpt.", "Pfc."); such a break before a capitalised name is undone here.
/// A month's abbreviation before a day ("on Oct. 27, said") is glued the same way.
fn merge_after_titles(text: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    for range in sentences {
        let glued = out.last().is_some_and(|prev| {
            let before = text.get(prev.clone()).unwrap_or("");
            let word = before
                .strip_suffix('.')
                .and_then(|b| b.rsplit(' ').next())
                .unwrap_or("");
            let day_follows = text
                .get(range.clone())
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_digit());
            let month = MONTH_ABBREVIATIONS.contains(&word.to_lowercase().as_str());
            !word.is_empty() && (title_dot(word, 0, word.len()) || (month && day_follows))
        });
        match out.last_mut() {
            Some(prev) if glued => prev.end = range.end,
            _ => out.push(range),
        }
    }
    out
}

fn title_dot(text: &str, start: usize, dot: usize) -> bool {
    let word = text.get(start..dot).unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
        && TITLE_ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn assign_sentences(toks: &mut [Token<'_>], sentences: &[Range<usize>]) {
    let mut current = 0;
    for tok in toks.iter_mut() {
        while current + 1 < sentences.len()
            && sentences.get(current).is_some_and(|s| tok.start >= s.end)
        {
            current += 1;
        }
        tok.sentence = current;
    }
}

/// Pairs quotation marks: curly and guillemet marks by direction, straight ones by
/// alternation. Marks the tokens inside as quoted. Linear in the number of tokens.
fn find_quotes(toks: &mut [Token<'_>]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..toks.len() {
        let Some(c) = toks
            .get(i)
            .filter(|t| !t.word)
            .and_then(|t| t.text.chars().next())
        else {
            continue;
        };
        let opens = is_open_quote(c) || (c == '"' && open.is_none());
        let closes = is_close_quote(c) || (c == '"' && open.is_some());
        if let (true, Some(o)) = (closes, open) {
            quotes.push(Quote {
                open: o,
                close: Some(i),
            });
            open = None;
        } else if opens && open.is_none() {
            open = Some(i);
        }
    }
    if let Some(o) = open {
        quotes.push(Quote {
            open: o,
            close: None,
        });
    }
    for quote in &quotes {
        for tok in toks.get_mut(quote.inner(toks.len())).into_iter().flatten() {
            tok.quoted = true;
        }
    }
    quotes
}

#[cfg(test)]
mod tests;
