//! Dates in running text — "March 5", "5 March 2023", "Sept. 27, 2020", "2023-03-05",
//! "on Sunday", "yesterday" — resolved against the day the report was published.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

const MONTHS: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("static regex"));
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTHS}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{{1,2}}\b)?(?:,?\s+(\d{{4}})\b)?"
    ))
    .expect("static regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?{MONTHS}\b\.?(?:,?\s+(\d{{4}})\b)?"
    ))
    .expect("static regex")
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(last|this|next|on|late|early|since|until|by)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b",
    )
    .expect("static regex")
});

/// A date found in a text, with the bytes that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMention {
    pub range: Range<usize>,
    pub date: NaiveDate,
}

/// Every date `text` states that can be resolved to a day, in text order.
pub(crate) fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    // Each pattern scans the whole text: one that cannot match in it is not run.
    let may = MayHold::of(text);
    let scan = |re: &'static Regex, possible: bool| {
        possible
            .then(|| re.captures_iter(text))
            .into_iter()
            .flatten()
    };
    for c in scan(&ISO, may.iso) {
        let date = ymd(num(c.get(1)), num(c.get(2)), num(c.get(3)));
        push(&mut found, c.get(0).map(|m| m.range()), date);
    }
    for c in scan(&MONTH_DAY, may.month) {
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        let date = with_year(num(c.get(3)), month, num(c.get(2)), published);
        push(&mut found, c.get(0).map(|m| m.range()), date);
    }
    for c in scan(&DAY_MONTH, may.month) {
        let month = c.get(2).and_then(|m| month_number(m.as_str()));
        let date = with_year(num(c.get(3)), month, num(c.get(1)), published);
        push(&mut found, c.get(0).map(|m| m.range()), date);
    }
    for c in scan(&RELATIVE, may.relative) {
        let modifier = c.get(1).map(|m| m.as_str().to_lowercase());
        if matches!(modifier.as_deref(), Some("since" | "until" | "by")) {
            continue;
        }
        let date = c.get(2).zip(published).and_then(|(day, p)| {
            relative_day(&day.as_str().to_lowercase(), modifier.as_deref(), p)
        });
        push(&mut found, c.get(0).map(|m| m.range()), date);
    }
    // "since Sept. 27" and "until Friday" bound a period; no event happened that day.
    found.retain(|d| !bounds_a_period(text, d.range.start));
    found.sort_by_key(|d| d.range.start);
    found
}

/// Which of the patterns can match at all, from a cheap look at the bytes: most
/// paragraphs name no month or weekday and give no ISO date. Exact for ASCII text, where
/// `(?i)` folds only ASCII letters and `\b` and `\d` see only ASCII word characters and
/// digits; any other text is scanned by them all.
struct MayHold {
    iso: bool,
    month: bool,
    relative: bool,
}

impl MayHold {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        if !bytes.is_ascii() {
            return Self {
                iso: true,
                month: true,
                relative: true,
            };
        }
        let digit = bytes.iter().any(u8::is_ascii_digit);
        Self {
            // "2023-03-05": digits and hyphens.
            iso: digit && memchr::memchr(b'-', bytes).is_some(),
            // "March 5", "5 March": a digit, and a word opening with a month's first three
            // letters.
            month: digit && month_word(bytes),
            // Every weekday, "today" and "yesterday" end in "day"; or "tonight".
            relative: memchr::memchr2_iter(b'y', b'Y', bytes)
                .any(|y| lower_before(bytes, y + 1, b"day"))
                || memchr::memchr2_iter(b'g', b'G', bytes)
                    .any(|g| lower_before(bytes, g + 3, b"tonight")),
        }
    }
}

/// Whether the bytes ending at `end` are `word`, in any case.
fn lower_before(bytes: &[u8], end: usize, word: &[u8]) -> bool {
    end.checked_sub(word.len())
        .and_then(|start| bytes.get(start..end))
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// A word (after a byte that is no letter, digit or underscore) opening with "jan",
/// "feb", ... "dec", in any case.
fn month_word(bytes: &[u8]) -> bool {
    // The first three letters, lower-cased by setting the case bit (other bytes may be
    // taken for letters, which only lets the patterns look).
    const MONTHS: [[u8; 3]; 12] = [
        *b"jan", *b"feb", *b"mar", *b"apr", *b"may", *b"jun", *b"jul", *b"aug", *b"sep", *b"oct",
        *b"nov", *b"dec",
    ];
    let month_at = |i: usize| {
        bytes
            .get(i..i + 3)
            .is_some_and(|w| MONTHS.contains(&[w[0] | 0x20, w[1] | 0x20, w[2] | 0x20]))
    };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    month_at(0)
        || bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| !word(b) && month_at(i + 1))
}

fn bounds_a_period(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end().to_lowercase();
    ["since", "until", "till", "through"].iter().any(|w| {
        before.ends_with(w)
            && !before[..before.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

fn push(found: &mut Vec<DateMention>, range: Option<Range<usize>>, date: Option<NaiveDate>) {
    let (Some(range), Some(date)) = (range, date) else {
        return;
    };
    let overlaps = found
        .iter()
        .any(|d| d.range.start < range.end && range.start < d.range.end);
    if !overlaps {
        found.push(DateMention { range, date });
    }
}

fn num(m: Option<regex::Match<'_>>) -> Option<u32> {
    m.and_then(|m| m.as_str().parse().ok())
}

fn ymd(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year?).ok()?, month?, day?)
}

/// A month and day without a year take the publication's year, or the year before when
/// that would put the date well after publication.
fn with_year(
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if year.is_some() {
        return ymd(year, month, day);
    }
    let published = published?;
    let this_year = NaiveDate::from_ymd_opt(published.year(), month?, day?)?;
    if this_year > published + Duration::days(31) {
        NaiveDate::from_ymd_opt(published.year() - 1, month?, day?)
    } else {
        Some(this_year)
    }
}

fn month_number(name: &str) -> Option<u32> {
    // "may" as a modal verb is written in lower case; the month has a capital.
    if name == "may" {
        return None;
    }
    let lower = name.to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| lower.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// "Sunday" in a report of Monday is the day before; "Monday" is the same day; "last
/// Monday" is a week back; "next Friday" looks forward.
fn relative_day(word: &str, modifier: Option<&str>, published: NaiveDate) -> Option<NaiveDate> {
    let weekday = match word {
        "yesterday" => return published.checked_sub_signed(Duration::days(1)),
        "today" | "tonight" => return Some(published),
        other => other.parse::<Weekday>().ok()?,
    };
    let now = published.weekday().num_days_from_monday();
    let then = weekday.num_days_from_monday();
    let back = i64::from((now + 7 - then) % 7);
    match modifier {
        Some("next") => {
            let ahead = i64::from((then + 7 - now) % 7);
            published.checked_add_signed(Duration::days(if ahead == 0 { 7 } else { ahead }))
        }
        Some("last") if back == 0 => published.checked_sub_signed(Duration::days(7)),
        _ => published.checked_sub_signed(Duration::days(back)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn dates(text: &str) -> Vec<NaiveDate> {
        find_dates(text, Some(d(2023, 3, 6)))
            .into_iter()
            .map(|m| m.date)
            .collect()
    }

    #[test]
    fn absolute_dates_in_common_styles() {
        assert_eq!(
            dates("Clashes erupted on Sept. 27, 2020, near"),
            vec![d(2020, 9, 27)]
        );
        assert_eq!(dates("On March 5, units"), vec![d(2023, 3, 5)]);
        assert_eq!(
            dates("on 5 March 2023 and 2023-03-04"),
            vec![d(2023, 3, 5), d(2023, 3, 4)]
        );
        assert_eq!(
            dates("agreement on Nov. 10, 2020, which"),
            vec![d(2020, 11, 10)]
        );
        // A span of days is dated by its first, with the year after its last.
        assert_eq!(
            dates("the population of Artsakh on September 27-30, 2020. Below"),
            vec![d(2020, 9, 27)]
        );
        assert_eq!(dates("on 19-20 September 2023"), vec![d(2023, 9, 19)]);
    }

    #[test]
    fn a_month_without_year_after_publication_is_last_year() {
        assert_eq!(dates("on December 30"), vec![d(2022, 12, 30)]);
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        // 2023-03-06 is a Monday.
        assert_eq!(dates("On Sunday, the ministry"), vec![d(2023, 3, 5)]);
        assert_eq!(dates("said late Monday"), vec![d(2023, 3, 6)]);
        assert_eq!(dates("last Monday"), vec![d(2023, 2, 27)]);
        assert_eq!(dates("on Friday"), vec![d(2023, 3, 3)]);
        assert_eq!(dates("yesterday"), vec![d(2023, 3, 5)]);
        assert_eq!(dates("next Friday"), vec![d(2023, 3, 10)]);
    }

    #[test]
    fn dates_are_found_in_any_case_and_after_any_punctuation() {
        assert_eq!(dates("TONIGHT"), vec![d(2023, 3, 6)]);
        assert_eq!(dates("(YESTERDAY)"), vec![d(2023, 3, 5)]);
        assert_eq!(dates("(MAR. 5)"), vec![d(2023, 3, 5)]);
        assert_eq!(dates("on 5-DEC-2022, 2023-01-02"), vec![d(2023, 1, 2)]);
        assert_eq!(dates("4 jan"), vec![d(2023, 1, 4)]);
    }

    #[test]
    fn not_dates() {
        assert!(dates("killed since Sept. 27 and until Friday").is_empty());
        assert!(dates("since 1991 when 300 settlements").is_empty());
        assert!(dates("they may 5 times").is_empty());
        assert!(dates("February 30").is_empty());
        assert!(find_dates("on Sunday", None).is_empty());
    }
}
