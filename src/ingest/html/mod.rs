//! The article in a news web page: its main text without navigation, ads, banners,
//! related links and comments, and its metadata (JSON-LD, then Open Graph, then plain
//! HTML tags). Also decodes page bytes by the charset the server or the page declares.
//!
//! Decoding is [`charset`]; choosing the element that holds the story and reading its
//! paragraphs is [`content`]; the title, outlet, date and the rest are [`metadata`].

mod charset;
mod content;
mod metadata;

use scraper::{Html, Node, Selector};

use super::{Article, IngestError, Result, collapse_whitespace};
use content::{choose_root, paragraphs_in, text_of};
use metadata::Metadata;

#[cfg(test)]
use charset::charset_param;
pub use charset::decode;

/// [`decode`] then [`extract`].
pub fn extract_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    base_url: Option<&str>,
) -> Result<Article> {
    extract(&decode(bytes, content_type), base_url)
}

/// Extracts the article from a page. `base_url` is where the page was fetched from: it
/// resolves relative canonical links and is the URL when the page names none.
pub fn extract(html: &str, base_url: Option<&str>) -> Result<Article> {
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(IngestError::UnreadablePage {
            reason: format!(
                "its markup is nested about {depth} levels deep (at most {MAX_NESTING} are read)"
            ),
        });
    }
    let doc = Html::parse_document(html);
    let meta = Metadata::read(&doc, base_url);
    let mut paragraphs = choose_root(&doc).map(paragraphs_in).unwrap_or_default();
    paragraphs.retain(|p| *p != meta.title);
    // Pages rendered by script often still carry the text in their JSON-LD.
    if text_len(&paragraphs) < MIN_ARTICLE_CHARS
        && let Some(body) = meta
            .article_body
            .as_deref()
            .map(super::jsonl::split_paragraphs)
        && text_len(&body) > text_len(&paragraphs)
    {
        paragraphs = body;
    }
    if text_len(&paragraphs) < MIN_ARTICLE_CHARS {
        let reason = if paragraphs.is_empty() {
            "the page has no paragraphs of article text (is it a cookie wall, a search page or a script-only page?)"
        } else {
            "the page has only a few words of text outside menus, banners and links"
        };
        return Err(IngestError::NoArticleText {
            reason: reason.into(),
        });
    }
    Ok(Article {
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        published: meta.published,
        author: meta.author,
        language: meta.language,
        fetched_at: None,
        paragraphs,
    })
}

/// Paragraphs of an HTML fragment, as feeds carry in their summaries and content; plain
/// text (no tags) is split on blank lines.
pub(crate) fn fragment_paragraphs(fragment: &str) -> Vec<String> {
    if !fragment.contains('<') {
        return super::jsonl::split_paragraphs(&decode_entities(fragment));
    }
    if nesting_depth(fragment) > MAX_NESTING {
        return Vec::new();
    }
    let doc = Html::parse_fragment(fragment);
    let mut paragraphs = paragraphs_in(doc.root_element());
    if paragraphs.is_empty() {
        let text = collapse_whitespace(&text_of(doc.root_element()).0);
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    paragraphs
}

/// Text without tags can still carry entities (`&amp;`), which a fragment parse resolves.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let escaped = text.replace('<', "&lt;").replace("\n\n", "<br data-para>");
    let doc = Html::parse_fragment(&escaped);
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push_str("\n\n"),
            _ => {}
        }
    }
    out
}

/// Deeper markup than this is refused: the HTML parser's work grows with the square of
/// the nesting depth, so a hostile page of nested `<div>`s could stall ingest for hours.
/// Real pages nest a few dozen levels.
const MAX_NESTING: usize = 2000;

/// A quick over-estimate of how deeply the markup nests, from start and end tags alone;
/// void elements and those whose end tag is usually omitted (`<p>`, `<li>`...) are not
/// counted.
fn nesting_depth(html: &str) -> usize {
    const NOT_COUNTED: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"!doctype",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    for (i, window) in bytes.windows(2).enumerate() {
        match window {
            [b'<', b'/'] => depth = depth.saturating_sub(1),
            [b'<', c] if c.is_ascii_alphabetic() => {
                let name_len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let name = bytes[i + 1..i + 1 + name_len].to_ascii_lowercase();
                if !NOT_COUNTED.contains(&name.as_slice()) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// Less text than this is not an article.
const MIN_ARTICLE_CHARS: usize = 40;

fn text_len(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| p.chars().count()).sum()
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("selector literals are valid")
}

#[cfg(test)]
mod tests;
