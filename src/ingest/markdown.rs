//! Writes an [`Article`] as the corpus keeps it: a Markdown file with TOML front matter,
//! whose body `crate::text::paragraphs` reads back into exactly the same paragraphs.

use serde::Serialize;

use super::Article;

/// The front matter keys, in the order they are written. Absent values are left out.
#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_at: Option<toml::value::Datetime>,
}

/// Renders the article as `+++` TOML front matter followed by its paragraphs, one per
/// line with a blank line between them.
pub fn to_markdown(article: &Article) -> String {
    let front = FrontMatter {
        title: &article.title,
        published: article.published.and_then(|d| d.to_string().parse().ok()),
        outlet: article.outlet.as_deref(),
        url: article.url.as_deref(),
        author: article.author.as_deref(),
        language: article.language.as_deref(),
        fetched_at: article.fetched_at.and_then(|t| {
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .parse()
                .ok()
        }),
    };
    // A struct of strings and datetimes always serialises.
    let toml = toml::to_string(&front).unwrap_or_default();
    let mut out = format!("+++\n{toml}+++\n");
    for paragraph in &article.paragraphs {
        let line = neutralise(&super::collapse_whitespace(paragraph));
        if !line.is_empty() {
            out.push('\n');
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// An empty link: Markdown renders it as nothing and `text::paragraphs` reduces it to
/// nothing, so it can stand in front of text that would otherwise be read as syntax.
const NOTHING: &str = "[](#)";

/// Rewrites a paragraph so that `text::paragraphs` gives it back unchanged: a leading `#`
/// (a heading marker there) or `+++`/`---` (front matter fences) get an empty link in front,
/// and when link syntax would be reduced, each `[` becomes `[` + an empty link, which the
/// reader turns back into a lone `[`.
fn neutralise(paragraph: &str) -> String {
    if paragraph.is_empty() || reads_back(paragraph, paragraph) {
        return paragraph.to_owned();
    }
    let mut out = String::new();
    if paragraph.starts_with('#') || is_fence_like(paragraph) {
        out.push_str(NOTHING);
    }
    if reads_back(&format!("{out}{paragraph}"), paragraph) {
        out.push_str(paragraph);
    } else {
        out.push_str(&paragraph.replace('[', &format!("[{NOTHING}")));
    }
    out
}

fn reads_back(line: &str, paragraph: &str) -> bool {
    let back = crate::text::paragraphs(line);
    back.len() == 1 && back[0] == paragraph && !is_fence_like(line)
}

fn is_fence_like(line: &str) -> bool {
    line.starts_with("+++") || line.starts_with("---")
}

/// A file name for the article: `YYYY-MM-DD-first-words-of-title.md` (or `undated-...`),
/// ASCII only, at most 40 characters of slug cut at a word boundary. A title with no Latin
/// letters or digits gets a short hash of title and URL instead.
pub fn file_name(article: &Article) -> String {
    let date = article
        .published
        .map_or_else(|| "undated".to_owned(), |d| d.to_string());
    let mut slug = slugify(&article.title, 40);
    if slug.is_empty() {
        let key = format!(
            "{}\n{}",
            article.title,
            article.url.as_deref().unwrap_or("")
        );
        slug = format!(
            "article-{:08x}",
            super::dedup::hash64(key.as_bytes()) as u32
        );
    }
    format!("{date}-{slug}.md")
}

fn slugify(title: &str, max_len: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        match fold_to_ascii(c) {
            Some(ascii) => word.push_str(ascii),
            None if c.is_ascii_alphanumeric() => word.push(c),
            None if c == '\'' || c == '’' => {}
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut slug = String::new();
    for word in words {
        let extra = if slug.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if slug.len() + extra > max_len {
            if slug.is_empty() {
                slug.push_str(&word[..max_len]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

/// Latin letters with diacritics, as in Azerbaijani, Turkish and Western European names.
fn fold_to_ascii(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ə' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    fn body(markdown: &str) -> &str {
        let rest = markdown.strip_prefix("+++\n").expect("opening fence");
        let end = rest.find("\n+++\n").expect("closing fence");
        &rest[end + 5..]
    }

    fn front(markdown: &str) -> toml::Table {
        let rest = markdown.strip_prefix("+++\n").unwrap();
        let end = rest.find("\n+++\n").unwrap();
        toml::from_str(&rest[..end]).expect("front matter is valid TOML")
    }

    #[test]
    fn front_matter_has_typed_dates_and_omits_absent_keys() {
        let mut a = article(
            "Russia says its peacekeepers halted a \"convoy\"\nat night",
            &["Text."],
        );
        a.published = NaiveDate::from_ymd_opt(2023, 3, 6);
        a.outlet = Some("Caucasus Wire".into());
        a.url = Some("https://example.com/a?b=1&c=\"2\"".into());
        a.fetched_at = Some(Utc.with_ymd_and_hms(2024, 5, 1, 12, 30, 0).unwrap());
        let md = to_markdown(&a);
        assert!(md.contains("published = 2023-03-06\n"), "{md}");
        assert!(md.contains("fetched_at = 2024-05-01T12:30:00Z\n"), "{md}");
        let table = front(&md);
        assert_eq!(table["title"].as_str(), Some(a.title.as_str()));
        assert_eq!(table["url"].as_str(), a.url.as_deref());
        assert_eq!(table["outlet"].as_str(), Some("Caucasus Wire"));
        assert!(table["published"].as_datetime().is_some());
        assert!(!table.contains_key("author") && !table.contains_key("language"));
        let keys: Vec<&str> = table.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
    }

    #[test]
    fn body_reads_back_into_the_same_paragraphs() {
        let paragraphs = [
            "Plain paragraph with a quote: “We are done,” she said.",
            "# not a heading, a hashtag run",
            "#Karabakh trended on Monday.",
            "###",
            "+++",
            "+++ more after a fence",
            "--- dashes first",
            "See [the report](https://example.com/r) for details.",
            "[x](y)",
            "Nested [[a](b)](c) and a lone [bracket and ](paren) and ) end",
            "An [editor's note] that is not a link.",
            "Unicode: Xankəndi / Степанакерт, 5 km.",
            "Trailing hash #",
        ];
        let a = article("t", &paragraphs);
        let md = to_markdown(&a);
        let back = crate::text::paragraphs(body(&md));
        assert_eq!(back, paragraphs, "body was:\n{}", body(&md));
    }

    #[test]
    fn paragraphs_that_need_no_escaping_are_written_verbatim() {
        let md = to_markdown(&article("t", &["One.", "Two [three]."]));
        assert_eq!(body(&md), "\nOne.\n\nTwo [three].\n");
    }

    #[test]
    fn whitespace_inside_a_paragraph_cannot_split_it() {
        let md = to_markdown(&article("t", &["line one\n\nline two", "   "]));
        assert_eq!(
            crate::text::paragraphs(body(&md)),
            vec!["line one line two"]
        );
    }

    #[test]
    fn file_names_are_short_ascii_slugs() {
        let mut a = article(
            "Russia says its peacekeepers halted Azerbaijani advance near Shusha",
            &[],
        );
        a.published = NaiveDate::from_ymd_opt(2023, 3, 6);
        assert_eq!(
            file_name(&a),
            "2023-03-06-russia-says-its-peacekeepers-halted.md"
        );

        let b = article("Xankəndi: Azərbaycan “sülh” dedi / ../etc", &[]);
        assert_eq!(
            file_name(&b),
            "undated-xankendi-azerbaycan-sulh-dedi-etc.md"
        );

        let c = article("Миротворцы остановили колонну", &[]);
        let name = file_name(&c);
        assert!(
            name.starts_with("undated-article-") && name.ends_with(".md"),
            "{name}"
        );
        assert_eq!(name, file_name(&c), "stable");

        let d = article(&"x".repeat(500), &[]);
        assert!(file_name(&d).len() <= "undated-".len() + 40 + 3);
        for name in [file_name(&a), file_name(&b), file_name(&c), file_name(&d)] {
            assert!(
                name.is_ascii() && !name.contains(['/', '\\']) && !name.contains(".."),
                "{name}"
            );
        }
    }
}
