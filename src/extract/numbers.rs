//! Figures as reporters write them: digits, number words, dozens, and the bounds around
//! them ("at least", "up to", "between N and M").

use super::lexicon::class;
use super::tokens::Token;

/// A figure read from the text. `count` is exact (or approximate: "about 30");
/// `min`/`max` are bounds. "hundreds" has no figure and is not a `Figure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Figure {
    pub count: Option<u64>,
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// A figure and the tokens it spans, bound words included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FigureSpan {
    pub figure: Figure,
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The first bytes of `UNITS`.
const UNIT_FIRST_BYTES: [bool; 256] = {
    let mut first = [false; 256];
    let mut i = 0;
    while i < UNITS.len() {
        first[UNITS[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    first
};

/// The lengths of `UNITS` by first byte, one bit per length.
const UNIT_LENGTHS: [u32; 256] = {
    let mut lengths = [0; 256];
    let mut i = 0;
    while i < UNITS.len() {
        let word = UNITS[i].0.as_bytes();
        lengths[word[0] as usize] |= 1 << word.len();
        i += 1;
    }
    lengths
};

const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("dozen", 12),
];

const MIN_BOUNDS: &[&[&str]] = &[
    &["at", "least"],
    // Run together in hasty copy.
    &["atleast"],
    &["morethan"],
    &["more", "than"],
    &["over"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["no", "fewer", "than"],
    &["not", "fewer", "than"],
    &["no", "less", "than"],
    &["a", "minimum", "of"],
    &["not", "less", "than"],
    &["at", "minimum"],
    &["some", "more", "than"],
];

const MAX_BOUNDS: &[&[&str]] = &[
    &["up", "to"],
    &["nearly"],
    &["almost"],
    &["as", "many", "as"],
    &["as", "high", "as"],
    &["fewer", "than"],
    &["less", "than"],
    &["under"],
    &["close", "to"],
    &["just", "under"],
    &["a", "maximum", "of"],
    &["at", "most"],
    &["not", "more", "than"],
    &["no", "more", "than"],
];

/// The value of one number word or digit token, if it is one: "3", "1,200", "twelve",
/// "Seventy-one". Hyphenated words with a non-number part ("44-day") are not numbers.
pub(crate) fn token_value(norm: &str) -> Option<u64> {
    if norm.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return digits_value(norm);
    }
    // Asked of every token: most start with no number word's first letter.
    if !norm
        .as_bytes()
        .first()
        .is_some_and(|&b| UNIT_FIRST_BYTES[usize::from(b)])
    {
        return None;
    }
    // Most number words have no hyphen: no search for one in them.
    if !norm.bytes().any(|b| b == b'-') {
        return unit_value(norm);
    }
    let mut total: u64 = 0;
    for part in norm.split('-') {
        total = total.checked_add(unit_value(part)?)?;
    }
    Some(total)
}

fn unit_value(word: &str) -> Option<u64> {
    // Most words share no unit word's first letter and length: no comparison for them.
    let first = usize::from(*word.as_bytes().first()?);
    if word.len() >= 32 || UNIT_LENGTHS[first] & (1 << word.len()) == 0 {
        return None;
    }
    UNITS.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

fn scale_value(word: &str) -> Option<u64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// "1,200" -> 1200. Decimals, ranges and anything over u64 are not plain counts.
fn digits_value(norm: &str) -> Option<u64> {
    // Read in place: no String of the digits without their commas.
    let mut digits = norm.bytes().filter(|&b| b != b',').peekable();
    digits.peek()?;
    digits.try_fold(0u64, |value, b| {
        let digit = u64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        value.checked_mul(10)?.checked_add(digit)
    })
}

/// "10-12" -> (10, 12).
fn digit_range(norm: &str) -> Option<(u64, u64)> {
    // The first bound is digits and commas: a word starting otherwise is no range, and
    // needs no search for a hyphen.
    if !norm
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b',')
    {
        return None;
    }
    let (a, b) = norm.split_once('-')?;
    let (a, b) = (digits_value(a)?, digits_value(b)?);
    (a < b).then_some((a, b))
}

/// Whether the token starts a number (a digit token or number word, or "a dozen").
pub(crate) fn starts_number(toks: &[Token<'_>], i: usize) -> bool {
    let Some(tok) = toks.get(i) else { return false };
    if token_value(&tok.norm).is_some() || digit_range(&tok.norm).is_some() {
        return true;
    }
    let next = |k: usize, w: &str| toks.get(i + k).is_some_and(|t| t.is(w));
    (tok.is("a") && (next(1, "dozen") || next(1, "hundred") || next(1, "thousand")))
        || (tok.is("half") && next(1, "a") && next(2, "dozen"))
}

/// Reads the figure whose number starts at token `i`, with any bound words before it and
/// range or scale words after it. None when no count can be read ("dozens", "5.5").
pub(crate) fn figure_at(toks: &[Token<'_>], i: usize) -> Option<FigureSpan> {
    let (value, mut end) = number_at(toks, i)?;
    let (mut first, mut figure) = (
        i,
        Figure {
            count: Some(value),
            ..Figure::default()
        },
    );
    if let Some((lo, hi)) = toks.get(i).and_then(|t| digit_range(&t.norm)) {
        figure = Figure {
            count: None,
            min: Some(lo),
            max: Some(hi),
        };
    } else if from_to(toks, i) {
        // "the toll climbed from 558 to 569": the old toll is no figure of its own; the
        // new one is read where it stands.
        return None;
    } else if let Some((hi, after)) = range_end(toks, end, value) {
        figure = Figure {
            count: None,
            min: Some(value),
            max: Some(hi),
        };
        end = after;
    }
    if let Some((hi, after)) = between(toks, i, value) {
        return Some(FigureSpan {
            figure: Figure {
                count: None,
                min: Some(value),
                max: Some(hi),
            },
            first: i - 1,
            end: after,
        });
    }
    if figure.count.is_some() {
        if let Some(len) = bound_before(toks, i, MIN_BOUNDS) {
            figure = Figure {
                count: None,
                min: Some(value),
                max: None,
            };
            first = i - len;
        } else if shares_lower_bound(toks, i, end) {
            figure = Figure {
                count: None,
                min: Some(value),
                max: None,
            };
        } else if let Some(len) = bound_before(toks, i, MAX_BOUNDS) {
            figure = Figure {
                count: None,
                min: None,
                max: Some(value),
            };
            first = i - len;
        }
    }
    Some(FigureSpan { figure, first, end })
}

/// A number of one or more tokens: "two hundred and fifty", "3 million", "a dozen".
fn number_at(toks: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let tok = toks.get(i)?;
    let (mut total, mut current, mut j) = if tok.is("a") || tok.is("half") {
        (0u64, if tok.is("half") { 0 } else { 1 }, i + 1)
    } else {
        (
            0,
            token_value(&tok.norm).or_else(|| digit_range(&tok.norm).map(|r| r.0))?,
            i + 1,
        )
    };
    if tok.is("half") {
        // "half a dozen"
        if toks.get(j).is_some_and(|t| t.is("a")) && toks.get(j + 1).is_some_and(|t| t.is("dozen"))
        {
            return Some((6, j + 2));
        }
        return None;
    }
    let mut after_scale = false;
    while let Some(next) = toks.get(j) {
        if let Some(scale) = scale_value(&next.norm) {
            current = current.max(1).saturating_mul(scale);
            if scale >= 1_000 {
                total = total.saturating_add(current);
                current = 0;
            }
            after_scale = true;
        } else if after_scale
            && next.is("and")
            && toks
                .get(j + 1)
                .is_some_and(|t| unit_word(&t.norm).is_some())
        {
            // "two hundred and fifty": the unit follows.
        } else if let Some(unit) = unit_word(&next.norm).filter(|_| after_scale) {
            current = current.saturating_add(unit);
            after_scale = false;
        } else if let Some(unit) = unit_word(&next.norm).filter(|&u| {
            // "Thirty four workers": a tens word and a unit word without the hyphen.
            j == i + 1 && tok.word && unit_word(&tok.norm).is_some() && (1..10).contains(&u)
        }) && (20..100).contains(&current)
            && current % 10 == 0
        {
            current += unit;
        } else {
            break;
        }
        j += 1;
    }
    if j == i + 1 && tok.is("a") {
        return None;
    }
    Some((total.saturating_add(current), j))
}

/// A number word (not digits) usable after a scale: "two hundred *fifty*".
fn unit_word(norm: &str) -> Option<u64> {
    if norm.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    token_value(norm)
}

/// "N to M", "N or M", "N – M": the upper end and the token after it.
fn range_end(toks: &[Token<'_>], end: usize, low: u64) -> Option<(u64, usize)> {
    let link = toks.get(end)?;
    let linked = link.is("to") || link.is("or") || link.is_punct('–') || link.is_punct('-');
    if !linked {
        return None;
    }
    let (high, after) = number_at(toks, end + 1)?;
    (high > low).then_some((high, after))
}

/// "rose from 558 to 569", "climbed from 49 to 105": a toll that changed, not a range.
fn from_to(toks: &[Token<'_>], i: usize) -> bool {
    i >= 2
        && toks.get(i - 1).is_some_and(|t| t.is("from"))
        && toks.get(i - 2).is_some_and(|t| {
            t.is_any(&[
                "rose",
                "risen",
                "climbed",
                "increased",
                "jumped",
                "grew",
                "went",
                "raised",
                "revised",
                "soared",
                "surged",
                "fell",
                "dropped",
            ])
        })
}

/// "between N and M": the upper end, when token `i - 1` is "between".
fn between(toks: &[Token<'_>], i: usize, low: u64) -> Option<(u64, usize)> {
    if i == 0 || !toks.get(i - 1)?.is("between") {
        return None;
    }
    let (_, end) = number_at(toks, i)?;
    if !toks.get(end)?.is("and") {
        return None;
    }
    let (high, after) = number_at(toks, end + 1)?;
    (high > low).then_some((high, after))
}

/// The length of a bound phrase ending just before token `i`.
/// "At least 23 people were killed and 28 wounded": the second figure of a pair joined by
/// "and", with a status word of its own and none between, shares the first one's lower
/// bound.
fn shares_lower_bound(toks: &[Token<'_>], i: usize, end: usize) -> bool {
    let status = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.has(class::KILLED | class::INJURED | class::MISSING | class::CAPTURED)
        })
    };
    if i < 3 || !toks.get(i - 1).is_some_and(|t| t.is("and")) || !status(i - 2) || !status(end) {
        return false;
    }
    // Not "more than 40 injured and 10 killed civilians": a status before its noun.
    let attributive = toks
        .get(end + 1)
        .is_some_and(|t| t.word && t.has(class::PEOPLE));
    if attributive {
        return false;
    }
    (i.saturating_sub(9)..i - 2)
        .rev()
        .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
        .any(|k| {
            number_at(toks, k).is_some_and(|(_, after)| after <= i - 2)
                && bound_before(toks, k, MIN_BOUNDS).is_some()
        })
}

fn bound_before(toks: &[Token<'_>], i: usize, bounds: &[&[&str]]) -> Option<usize> {
    // "At least, 50 people": a stray comma after the bound.
    let comma = i > 2
        && toks.get(i - 1).is_some_and(|t| t.is_punct(','))
        && toks.get(i - 2).is_some_and(|t| t.is("least"))
        && toks.get(i - 3).is_some_and(|t| t.is("at"));
    if comma && bounds.iter().any(|b| *b == ["at", "least"]) {
        return Some(3);
    }
    bounds
        .iter()
        .filter(|b| b.len() <= i)
        .filter(|b| {
            b.iter()
                .enumerate()
                .all(|(k, w)| toks.get(i - b.len() + k).is_some_and(|t| t.is(w)))
        })
        .map(|b| b.len())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn read(text: &str) -> Option<Figure> {
        let t = tokenize(text);
        let i = (0..t.toks.len()).find(|&i| starts_number(&t.toks, i))?;
        figure_at(&t.toks, i).map(|s| s.figure)
    }

    fn exact(n: u64) -> Option<Figure> {
        Some(Figure {
            count: Some(n),
            ..Figure::default()
        })
    }

    #[test]
    fn digits_and_number_words() {
        assert_eq!(read("3 soldiers"), exact(3));
        assert_eq!(read("1,200 people"), exact(1200));
        assert_eq!(read("Seventy-one people"), exact(71));
        assert_eq!(read("two hundred and fifty people"), exact(250));
        assert_eq!(read("three thousand people"), exact(3000));
        assert_eq!(read("a dozen people"), exact(12));
        assert_eq!(read("two dozen people"), exact(24));
        assert_eq!(read("half a dozen people"), exact(6));
    }

    #[test]
    fn a_tens_word_and_a_unit_word_without_a_hyphen_are_one_number() {
        assert_eq!(read("Thirty four workers died"), exact(34));
        assert_eq!(read("twenty one soldiers"), exact(21));
        // Digits and a word stay apart: "20 three-year-olds" is not 23.
        assert_eq!(read("20 three-year-olds"), exact(20));
    }

    #[test]
    fn vague_quantities_have_no_figure() {
        assert_eq!(read("hundreds of people"), None);
        assert_eq!(read("dozens of people"), None);
        assert_eq!(read("a soldier"), None);
        assert_eq!(read("the 44-day war"), None);
        assert_eq!(read("5.5 million"), None);
    }

    /// The figures of a text, each as read where its number starts.
    fn read_all(text: &str) -> Vec<Figure> {
        let t = tokenize(text);
        (0..t.toks.len())
            .filter(|&i| starts_number(&t.toks, i))
            .filter_map(|i| figure_at(&t.toks, i).map(|s| s.figure))
            .collect()
    }

    #[test]
    fn the_second_figure_of_a_pair_shares_the_lower_bound() {
        let at_least = |n| Figure {
            min: Some(n),
            ..Figure::default()
        };
        let cases: &[(&str, &[Figure])] = &[
            (
                "At least 23 people were killed and 28 wounded in a missile strike.",
                &[at_least(23), at_least(28)],
            ),
            (
                "More than 2,680 people were killed and 316 kidnapped for ransom.",
                &[at_least(2680), at_least(316)],
            ),
            // A status before its noun is a figure of its own.
            (
                "It includes more than 40 injured and 10 killed civilians.",
                &[at_least(40), exact(10).unwrap()],
            ),
            // With no bound on the first, none on the second.
            (
                "23 people were killed and 28 wounded.",
                &[exact(23).unwrap(), exact(28).unwrap()],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read_all(text), *want, "{text}");
        }
    }

    #[test]
    fn a_comma_after_at_least() {
        assert_eq!(
            read("At least, 50 people have been confirmed dead."),
            Some(Figure {
                count: None,
                min: Some(50),
                max: None,
            })
        );
    }

    #[test]
    fn bounds_and_ranges() {
        let min = |n| {
            Some(Figure {
                min: Some(n),
                ..Figure::default()
            })
        };
        let max = |n| {
            Some(Figure {
                max: Some(n),
                ..Figure::default()
            })
        };
        let both = |a, b| {
            Some(Figure {
                count: None,
                min: Some(a),
                max: Some(b),
            })
        };
        assert_eq!(read("at least 12 people"), min(12));
        assert_eq!(read("more than 1,000 people"), min(1000));
        assert_eq!(read("over 30 people"), min(30));
        assert_eq!(read("up to 40 people"), max(40));
        assert_eq!(read("nearly fifty people"), max(50));
        assert_eq!(read("almost 30 people"), max(30));
        assert_eq!(read("10 to 15 people"), both(10, 15));
        assert_eq!(read("two or three people"), both(2, 3));
        assert_eq!(read("between 20 and 30 people"), both(20, 30));
        assert_eq!(read("10-12 people"), both(10, 12));
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(read("99999999999999999999999 killed"), None);
        assert!(read("9 million billion billion people").is_some());
    }
}
