//! RSS and Atom feeds (parsed by `feed-rs`) as a list of entries, each with its link and,
//! when the feed carries it, the full text — so a moderator can follow an outlet's feed.

use chrono::{DateTime, Utc};

use super::html::fragment_paragraphs;
use super::{Article, IngestError, Result, collapse_whitespace};

/// One item of a feed. `summary` and `content` are plain text with paragraphs separated
/// by blank lines; `content` is the full text when the feed gives it
/// (`content:encoded`, Atom `<content>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    pub id: String,
    pub title: String,
    /// The entry's page, normalised; `None` if the entry has no usable http(s) link.
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub content: Option<String>,
    /// The feed's title: the outlet.
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
}

/// An entry whose text is at least this long, in two or more paragraphs, is taken as the
/// whole article rather than a teaser.
const FULL_TEXT_CHARS: usize = 600;

/// Parses RSS 0.9x/1.0/2.0 or Atom bytes. The XML declaration's encoding is honoured.
pub fn parse(bytes: &[u8]) -> Result<Vec<FeedEntry>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::InvalidFeed {
            reason: "the file is empty".into(),
        });
    }
    let feed = match parser().parse(bytes) {
        Ok(feed) => feed,
        // Bare `&` in text ("Q&A", "AT&T") is the commonest fault in real feeds: escape
        // it and try once more, so one careless item does not cost the whole feed.
        Err(first @ feed_rs::parser::ParseFeedError::XmlReader(_)) => {
            match escape_bare_ampersands(bytes) {
                Some(repaired) => parser()
                    .parse(repaired.as_slice())
                    .map_err(|_| invalid(&first))?,
                None => return Err(invalid(&first)),
            }
        }
        Err(e) => return Err(invalid(&e)),
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    let feed_language = feed.language.clone();
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .chain(entry.links.iter())
                .find_map(|l| super::url::normalise(&l.href).ok());
            let paragraphs_of = |text: &str| {
                let paragraphs = fragment_paragraphs(text);
                (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
            };
            let author = entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(collapse_whitespace))
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            FeedEntry {
                id: entry.id.clone(),
                title: entry
                    .title
                    .as_ref()
                    .map(|t| plain(&t.content))
                    .unwrap_or_default(),
                link,
                published: entry.published.or(entry.updated),
                summary: entry
                    .summary
                    .as_ref()
                    .and_then(|s| paragraphs_of(&s.content)),
                content: entry
                    .content
                    .as_ref()
                    .and_then(|c| c.body.as_deref())
                    .and_then(paragraphs_of),
                outlet: outlet.clone(),
                author: (!author.is_empty()).then_some(author),
                language: entry.language.clone().or_else(|| feed_language.clone()),
            }
        })
        .collect())
}

/// feed-rs with ids that stay the same from one poll to the next: entries without a
/// `<guid>`/`<id>` get a hash of their link and title rather than a random UUID.
fn parser() -> feed_rs::parser::Parser {
    feed_rs::parser::Builder::new()
        .id_generator(|links, title, _| {
            let mut key: String = links
                .iter()
                .map(|l| l.href.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(title) = title {
                key.push('\n');
                key.push_str(&title.content);
            }
            format!("generated-{:016x}", super::dedup::hash64(key.as_bytes()))
        })
        .build()
}

fn invalid(error: &feed_rs::parser::ParseFeedError) -> IngestError {
    IngestError::InvalidFeed {
        reason: describe(error),
    }
}

/// `&` not starting an entity or character reference becomes `&amp;`; `None` if there
/// was none.
fn escape_bare_ampersands(bytes: &[u8]) -> Option<Vec<u8>> {
    let is_reference = |rest: &[u8]| {
        let end = rest.iter().take(12).position(|&b| b == b';');
        let Some(end) = end.filter(|&e| e > 0) else {
            return false;
        };
        let name = &rest[..end];
        match name {
            [b'#', b'x' | b'X', hex @ ..] => {
                !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit)
            }
            [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
            [first, rest @ ..] => {
                first.is_ascii_alphabetic() && rest.iter().all(u8::is_ascii_alphanumeric)
            }
            [] => false,
        }
    };
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut changed = false;
    for (i, &b) in bytes.iter().enumerate() {
        out.push(b);
        if b == b'&' && !is_reference(&bytes[i + 1..]) {
            out.extend_from_slice(b"amp;");
            changed = true;
        }
    }
    changed.then_some(out)
}

/// Whether the entry carries the whole article (several paragraphs, over 600 characters),
/// so that its link need not be fetched. Feeds that put the whole story in the summary
/// (`<description>`) count too.
pub fn is_full_text(entry: &FeedEntry) -> bool {
    let Some(text) = entry.content.as_deref().or(entry.summary.as_deref()) else {
        return false;
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    paragraphs.len() >= 2
        && paragraphs.iter().map(|p| p.chars().count()).sum::<usize>() > FULL_TEXT_CHARS
}

/// The entry as an article, with the full text if given and the summary otherwise; check
/// [`is_full_text`] first to decide whether to fetch `link` instead.
pub fn entry_to_article(entry: &FeedEntry) -> Result<Article> {
    let text = entry
        .content
        .as_deref()
        .or(entry.summary.as_deref())
        .unwrap_or("");
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(IngestError::NoArticleText {
            reason: format!("the feed entry {:?} has no text", entry.title),
        });
    }
    Ok(Article {
        title: if entry.title.is_empty() {
            "(untitled)".into()
        } else {
            entry.title.clone()
        },
        outlet: entry.outlet.clone(),
        url: entry.link.clone(),
        published: entry.published.map(|d| d.date_naive()),
        author: entry.author.clone(),
        language: entry.language.clone(),
        fetched_at: None,
        paragraphs,
    })
}

/// A title may itself hold markup (`<![CDATA[<b>...</b>]]>` or Atom type="html").
fn plain(text: &str) -> String {
    if text.contains(['<', '&']) {
        fragment_paragraphs(text).join(" ")
    } else {
        collapse_whitespace(text)
    }
}

fn describe(error: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "no <rss>, <feed> or <rdf:RDF> root element (is this a web page rather than a feed?)"
                .into()
        }
        ParseFeedError::XmlReader(e) => format!("the XML is malformed: {e}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn rss_with_summaries_only_gives_links_to_fetch() {
        let entries = parse(&fixture("rss_summary.xml")).unwrap();
        assert_eq!(entries.len(), 3);
        let first = &entries[0];
        assert_eq!(
            first.title,
            "Azerbaijan sets up checkpoint at entrance to Lachin corridor"
        );
        assert_eq!(first.outlet.as_deref(), Some("Caucasus Wire — Region"));
        assert_eq!(
            first.link.as_deref(),
            Some("https://caucasuswire.example/2023/04/23/checkpoint")
        );
        assert_eq!(
            first.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2023-04-23T14:20:00+00:00")
        );
        assert_eq!(first.language.as_deref(), Some("en-gb"));
        assert_eq!(
            first.summary.as_deref(),
            Some(
                "Armenia called the move a violation of the ceasefire & asked peacekeepers to act."
            )
        );
        assert_eq!(first.content, None);
        assert!(entries.iter().all(|e| !is_full_text(e)));
        let article = entry_to_article(first).unwrap();
        assert_eq!(article.paragraphs.len(), 1);
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some("2023-04-23")
        );
        assert_eq!(entries[2].link, None, "a javascript: link is not kept");
    }

    #[test]
    fn rss_with_content_encoded_is_full_text() {
        let entries = parse(&fixture("rss_full.xml")).unwrap();
        assert_eq!(entries.len(), 2);
        let full = &entries[0];
        assert!(is_full_text(full), "{full:#?}");
        let article = entry_to_article(full).unwrap();
        assert_eq!(article.paragraphs.len(), 6, "{:#?}", article.paragraphs);
        assert_eq!(
            article.paragraphs[3], "Peacekeepers investigate",
            "headings kept, link lines and captions dropped"
        );
        assert!(article.paragraphs[0].starts_with("STEPANAKERT, March 5"));
        assert_eq!(article.author.as_deref(), Some("Anna Petrosyan"));
        assert_eq!(article.outlet.as_deref(), Some("Frontline Monitor"));
        assert!(
            !article
                .paragraphs
                .iter()
                .any(|p| p.contains("<") || p.contains("&amp;"))
        );
        assert!(
            !is_full_text(&entries[1]),
            "a short teaser in content:encoded is not full text"
        );
    }

    #[test]
    fn atom_feeds_give_full_text_and_summaries() {
        let entries = parse(&fixture("atom_full.xml")).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].outlet.as_deref(), Some("Regional Review"));
        assert_eq!(
            entries[0].title,
            "Analysis: why the Karabakh ceasefire is fraying"
        );
        assert_eq!(
            entries[0].link.as_deref(),
            Some("https://regionalreview.example/analysis/ceasefire")
        );
        assert_eq!(
            entries[0].author.as_deref(),
            Some("Levon Hakobyan, Aysel Mammadova")
        );
        assert!(is_full_text(&entries[0]));
        assert_eq!(
            entry_to_article(&entries[0]).unwrap().paragraphs.len(),
            5,
            "the ad slot is dropped"
        );
        assert!(!is_full_text(&entries[1]));
        assert_eq!(
            entries[1].summary.as_deref(),
            Some("A short note on the talks in Brussels.")
        );
        assert_eq!(
            entries[1]
                .published
                .map(|d| d.date_naive().to_string())
                .as_deref(),
            Some("2023-05-14")
        );
    }

    #[test]
    fn malformed_xml_is_an_error_that_says_what_is_wrong() {
        let err = parse(&fixture("malformed_feed.xml")).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("not a valid RSS or Atom feed: the XML is malformed"),
            "{message}"
        );

        let err = parse(b"<!doctype html><html><body><p>Hello</p></body></html>").unwrap_err();
        assert!(err.to_string().contains("is this a web page"), "{err}");
        let err = parse(b"  \n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a valid RSS or Atom feed: the file is empty"
        );
        assert!(parse(&[0xff, 0xfe, 0x00, 0x3c, 0x00]).is_err());
    }

    #[test]
    fn bare_ampersands_and_html_entities_do_not_lose_the_feed() {
        let feed = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Q&A Weekly</title>
            <item><title>AT&T&nbsp;and &quot;Q&amp;A&quot; &mdash; notes</title><link>https://qa.example/1</link>
            <description>Talks & tensions: Baku&rsquo;s view</description></item>
            <item><title>Second</title><link>https://qa.example/2</link><description>Fine.</description></item>
            </channel></rss>"#;
        let entries = parse(feed).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].outlet.as_deref(), Some("Q&A Weekly"));
        assert_eq!(entries[0].title, "AT&T and \"Q&A\" — notes");
        assert_eq!(
            entries[0].summary.as_deref(),
            Some("Talks & tensions: Baku’s view")
        );
    }

    #[test]
    fn entries_without_guid_get_the_same_id_on_every_parse() {
        let feed = br#"<rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>https://t.example/a</link><description>x</description></item>
            <item><title>B</title><description>y</description></item></channel></rss>"#;
        let (first, second) = (parse(feed).unwrap(), parse(feed).unwrap());
        assert_eq!(first[0].id, second[0].id);
        assert_eq!(first[1].id, second[1].id);
        assert_ne!(first[0].id, first[1].id);
    }

    #[test]
    fn an_entry_without_text_is_an_error_not_an_empty_article() {
        let entry = FeedEntry {
            id: "x".into(),
            title: "Only a title".into(),
            link: None,
            published: None,
            summary: None,
            content: None,
            outlet: None,
            author: None,
            language: None,
        };
        assert!(matches!(
            entry_to_article(&entry),
            Err(IngestError::NoArticleText { .. })
        ));
    }
}
