//! Plain-text primitives shared by the loader, the index and the extractor:
//! Markdown paragraphs, sentence boundaries, and text made safe for a terminal.
//!
//! Everything here works on byte ranges into the caller's string, so a citation can
//! always point back at the verbatim words of its paragraph.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr",
    "sen", "rep", "gov", "pres", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr",
    "sr", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "approx", "dept", "est", "fig", "op", "vol",
    "rev", "hon", "messrs", "cpt", "cpl", "pfc", "pvt", "spc", "brig", "lieut",
];

/// Splits a Markdown body into paragraphs: blocks separated by blank lines, with their
/// lines joined by single spaces. Link syntax is reduced to its text and heading markers
/// are dropped, so what is cited reads as the article reads.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut flush = |current: &mut Vec<&str>| {
        if !current.is_empty() {
            let joined = current.join(" ");
            let cleaned = clean_markdown(&joined);
            if !cleaned.is_empty() {
                out.push(cleaned);
            }
            current.clear();
        }
    };
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current);
        } else {
            current.push(line);
        }
    }
    flush(&mut current);
    out
}

/// Drops heading markers and reduces `[text](url)` to `text`.
fn clean_markdown(paragraph: &str) -> String {
    let trimmed = paragraph.trim_start_matches('#').trim();
    let mut out = String::with_capacity(trimmed.len());
    let mut rest = trimmed;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let link = &after[close + 2..];
        let Some(end) = link.find(')') else { break };
        if after[..close].contains('[') {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &link[end + 1..];
    }
    out.push_str(rest);
    collapse_spaces(&out)
}

/// `text` without terminal control sequences or other control characters (C0, DEL and
/// C1), keeping line breaks and tabs. An escape sequence goes whole (`ESC [2J`,
/// `ESC ] 0;title BEL`), so no stray `[2J` is left behind. Reporting is text: nothing in
/// it may clear a screen, retitle a window or hide a line.
pub fn strip_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let is_unwanted = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !text.contains(is_unwanted) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // CSI: parameters and intermediates up to a final byte.
            '\u{1b}' if chars.peek() == Some(&'[') => {
                chars.next();
                skip_csi(&mut chars);
            }
            '\u{9b}' => skip_csi(&mut chars),
            // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
            '\u{1b}' if matches!(chars.peek(), Some(']' | 'P' | 'X' | '^' | '_')) => {
                chars.next();
                skip_string(&mut chars);
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            // Any other escape: ESC and the one character it introduces.
            '\u{1b}' => {
                chars.next();
            }
            c if is_unwanted(c) => {}
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' if chars.peek() == Some(&'\\') => {
                chars.next();
                break;
            }
            _ => {}
        }
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// The longest sentence an excerpt quotes, in characters: past it, the words around what
/// matters stand, with "…" where the sentence was cut.
pub const MAX_SENTENCE_CHARS: usize = 400;

/// How many sentences an excerpt quotes at most.
pub const MAX_EXCERPT_SENTENCES: usize = 2;

/// An excerpt narrowed to what a reader needs, and whether its sentence was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub range: Range<usize>,
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Excerpt {
    /// The words, with "…" where the sentence was cut.
    pub fn quote(&self, paragraph: &str) -> String {
        let mut quote = String::new();
        if self.cut_before {
            quote.push('…');
        }
        quote.push_str(&paragraph[self.range.clone()]);
        if self.cut_after {
            quote.push('…');
        }
        quote
    }

    /// Where `paragraph[at]` stands in [`Excerpt::quote`], when it is quoted.
    pub fn place(&self, at: Range<usize>) -> Option<Range<usize>> {
        if at.start < self.range.start || at.end > self.range.end {
            return None;
        }
        let lead = if self.cut_before { '…'.len_utf8() } else { 0 };
        let shift = |i: usize| i - self.range.start + lead;
        Some(shift(at.start)..shift(at.end))
    }
}

/// Narrows `range` of `paragraph` to the sentence holding byte `focus` (or the range's
/// first) and the next one, and a sentence longer than [`MAX_SENTENCE_CHARS`] to as many
/// characters around `focus`, cut between words. A range already that short is kept: an
/// answer quotes a sentence or two, never a whole wall of text.
pub fn bounded(paragraph: &str, range: Range<usize>, focus: usize) -> Excerpt {
    let whole = Excerpt {
        range: range.clone(),
        cut_before: false,
        cut_after: false,
    };
    let Some(slice) = paragraph.get(range.clone()) else {
        return whole;
    };
    let found: Vec<Range<usize>> = sentences(slice)
        .into_iter()
        .map(|s| s.start + range.start..s.end + range.start)
        .collect();
    let short = |s: &Range<usize>| {
        paragraph[s.clone()]
            .chars()
            .nth(MAX_SENTENCE_CHARS)
            .is_none()
    };
    if found.len() <= MAX_EXCERPT_SENTENCES && found.iter().all(short) {
        return whole;
    }
    let Some(first) = found
        .iter()
        .position(|s| s.end > focus)
        .or(found.len().checked_sub(1))
    else {
        return whole;
    };
    if !short(&found[first]) {
        return window(paragraph, found[first].clone(), focus);
    }
    let mut end = found[first].end;
    for next in found.iter().skip(first + 1).take(MAX_EXCERPT_SENTENCES - 1) {
        if !short(next) {
            break;
        }
        end = next.end;
    }
    Excerpt {
        range: found[first].start..end,
        cut_before: false,
        cut_after: false,
    }
}

/// `range` when it is a range of `paragraph` holding words; otherwise the whole
/// paragraph. A record of a confused extractor (or of a damaged index) is then quoted
/// whole rather than misquoted.
pub fn fitting(paragraph: &str, range: Range<usize>) -> Range<usize> {
    match paragraph.get(range.clone()) {
        Some(words) if !words.trim().is_empty() => range,
        _ => 0..paragraph.len(),
    }
}

/// What a citation of `excerpt` quotes: the [`fitting`] range [`bounded`] around the
/// byte `mark` bytes into it (a matched word), or around its start. Computed once at
/// index time for every record, and again for a search hit, the same way.
pub fn citable(paragraph: &str, excerpt: Range<usize>, mark: Option<usize>) -> Excerpt {
    let excerpt = fitting(paragraph, excerpt);
    let focus = excerpt.start + mark.unwrap_or(0);
    bounded(paragraph, excerpt, focus)
}

/// [`MAX_SENTENCE_CHARS`] characters of `sentence` around `focus`, a quarter before it,
/// cut at spaces where there are any near the edges.
fn window(text: &str, sentence: Range<usize>, focus: usize) -> Excerpt {
    let mut focus = focus.clamp(sentence.start, sentence.end);
    while !text.is_char_boundary(focus) {
        focus -= 1;
    }
    let before: Vec<usize> = text[sentence.start..focus]
        .char_indices()
        .map(|(i, _)| sentence.start + i)
        .collect();
    let mut start = before
        .len()
        .checked_sub(MAX_SENTENCE_CHARS / 4)
        .map_or(sentence.start, |i| before[i]);
    let mut end = text[start..sentence.end]
        .char_indices()
        .nth(MAX_SENTENCE_CHARS)
        .map_or(sentence.end, |(i, _)| start + i);
    // Whole words: move each cut inward to a space within a tenth of the window.
    let slack = MAX_SENTENCE_CHARS / 10;
    if start > sentence.start
        && let Some(space) = text[start..]
            .char_indices()
            .take(slack)
            .find(|(_, c)| c.is_whitespace())
    {
        start += space.0 + 1;
    }
    if end < sentence.end
        && let Some(space) = text[..end]
            .char_indices()
            .rev()
            .take(slack)
            .find(|(_, c)| c.is_whitespace())
    {
        end = space.0;
    }
    let trimmed = text[start..end].trim_end().len();
    Excerpt {
        range: start..start + trimmed,
        cut_before: start > sentence.start,
        cut_after: end < sentence.end,
    }
}

/// Byte ranges of the sentences of `text`, trimmed, covering every non-space character.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Only a full stop, "!" or "?" can end a sentence, and each is one byte that no other
    // character contains: the text is searched for them, and characters are decoded only
    // around them.
    let after = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
    let before = |at: usize| text.get(..at).and_then(|head| head.chars().next_back());
    let mut at = 0;
    while let Some(found) = text
        .as_bytes()
        .get(at..)
        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
    {
        let i = at + found;
        let c = char::from(text.as_bytes()[i]);
        let mut j = i + 1;
        while let Some(n) = after(j).filter(|&n| is_closing(n) || matches!(n, '.' | '!' | '?')) {
            j += n.len_utf8();
        }
        let end = j;
        // "the township of Minbya.Ten adults were killed": a page that lost the space
        // after a full stop. A lower-case word before it and a capitalised word after
        // it ("Report.az", "a.m." and "U.S." stay whole).
        let glued = c == '.'
            && j == i + 1
            && before(i).is_some_and(|p| {
                p.is_lowercase() && before(i - p.len_utf8()).is_some_and(char::is_lowercase)
            })
            && after(j).is_some_and(|n| {
                n.is_uppercase() && after(j + n.len_utf8()).is_some_and(char::is_lowercase)
            });
        if glued {
            push_trimmed(text, start..end, &mut out);
            start = end;
            at = j;
            continue;
        }
        if after(j).is_some_and(char::is_whitespace) {
            let mut k = j;
            while let Some(w) = after(k).filter(|w| w.is_whitespace()) {
                k += w.len_utf8();
            }
            let starts_sentence =
                after(k).is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opening(n));
            if starts_sentence && !(c == '.' && is_abbreviation(&text[start..i])) {
                push_trimmed(text, start..end, &mut out);
                start = k;
                at = k;
                continue;
            }
        }
        at = j;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether the text before a full stop ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || is_opening(c))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_are_blank_line_blocks_with_lines_joined() {
        let body =
            "\nFirst line\ncontinues.\n\n\n# Heading\n\nSee [the report](http://x.org/a) now.\n";
        assert_eq!(
            paragraphs(body),
            vec!["First line continues.", "Heading", "See the report now."]
        );
    }

    #[test]
    fn sentences_split_on_terminal_punctuation_and_closing_quotes() {
        let text = "He said it was over. “We are done,” she said. Was it? Yes!";
        assert_eq!(
            split(text),
            vec![
                "He said it was over.",
                "“We are done,” she said.",
                "Was it?",
                "Yes!"
            ]
        );
    }

    #[test]
    fn a_full_stop_that_lost_its_space_still_ends_a_sentence() {
        let text =
            "It lies east of Minbya.Ten adults were killed at 1:45 a.m. in Report.az's count.";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            vec![
                "It lies east of Minbya.",
                "Ten adults were killed at 1:45 a.m. in Report.az's count."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Clashes erupted on Sept. 27, 2020, near the U.S. Embassy. Gen. J. Smith left.";
        assert_eq!(
            split(text),
            vec![
                "Clashes erupted on Sept. 27, 2020, near the U.S. Embassy.",
                "Gen. J. Smith left."
            ]
        );
    }

    #[test]
    fn a_lower_case_continuation_after_a_quote_stays_in_the_sentence() {
        let text = "“It was stopped.” the ministry said. Next one.";
        assert_eq!(
            split(text),
            vec!["“It was stopped.” the ministry said.", "Next one."]
        );
    }

    #[test]
    fn an_excerpt_is_a_sentence_or_two_and_a_long_sentence_is_cut_around_its_point() {
        let short = "One. Two. Three.";
        assert_eq!(
            bounded(short, 0..short.len(), 0).range,
            0..short.len() - " Three.".len()
        );
        assert_eq!(bounded(short, 5..9, 5).quote(short), "Two.");
        let wall = format!(
            "{} the ambush {}.",
            "word ".repeat(50_000),
            "more ".repeat(50_000)
        );
        let focus = wall.find("ambush").unwrap();
        let excerpt = bounded(&wall, 0..wall.len(), focus);
        let quote = excerpt.quote(&wall);
        assert!(
            quote.starts_with("…word") && quote.ends_with("more…"),
            "{quote}"
        );
        assert!(
            quote.chars().count() <= MAX_SENTENCE_CHARS + 2,
            "{}",
            quote.len()
        );
        let marked = excerpt.place(focus..focus + "ambush".len()).unwrap();
        assert_eq!(&quote[marked], "ambush");
        assert_eq!(excerpt.place(0..4), None, "a word cut off is not marked");
        // Any text, any focus: a bounded quote never panics and never grows.
        for text in ["", "é", "a.b. c", "… «x» — y."] {
            for focus in 0..=text.len() {
                let _ = bounded(text, 0..text.len(), focus).quote(text);
            }
        }
    }

    #[test]
    fn control_sequences_and_characters_are_stripped_whole() {
        let hostile = "Clear\u{1b}[2J\u{1b}[1;31mred\u{1b}[0m, \u{1b}]0;owned\u{7}title, \
             \u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\, bell\u{7}, cr\r, \
             c1\u{9b}31m\u{85}, del\u{7f}.\nNext\tline.";
        assert_eq!(
            strip_controls(hostile),
            "Clearred, title, link, bell, cr, c1, del.\nNext\tline."
        );
        assert!(matches!(
            strip_controls("plain “text”"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(strip_controls("cut\u{1b}[3"), "cut");
    }

    #[test]
    fn text_without_punctuation_is_one_sentence() {
        assert_eq!(
            split("  no punctuation here  "),
            vec!["no punctuation here"]
        );
        assert!(sentences("").is_empty());
    }
}
