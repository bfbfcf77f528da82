//! The article in a news web page: its main text without navigation, ads, banners,
//! related links and comments, and its metadata (JSON-LD, then Open Graph, then plain
//! HTML tags). Also decodes page bytes by the charset the server or the page declares.

use std::collections::HashMap;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::{Article, IngestError, Result, collapse_whitespace, parse_date};

/// Decodes page bytes: a byte order mark wins, then the `charset` of the HTTP
/// Content-Type, then a `<meta charset>` or `http-equiv` declaration near the top, then
/// UTF-8 — or windows-1252 when the bytes are not valid UTF-8, as browsers guess.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| {
            meta_charset(bytes).map(|e| {
                if e.is_single_byte() || e == UTF_8 {
                    e
                } else {
                    fix_meta(e)
                }
            })
        });
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The HTML standard's rule: a page cannot declare itself UTF-16 from inside (it would
/// not have been readable as ASCII), and `x-user-defined` means windows-1252.
fn fix_meta(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// `charset=...` from a Content-Type value such as `text/html; charset="windows-1251"`.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#)
            .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

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

// ---------------------------------------------------------------------------------------
// Choosing the content and reading its paragraphs.

/// Elements never part of an article's text.
const DROPPED_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "iframe",
    "template",
    "svg",
    "button",
    "select",
    "textarea",
    "input",
    "figure",
    "figcaption",
    "dialog",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "menu",
    "link",
    "meta",
];

const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// class/id words that mark page furniture, matched as whole words of a class or id…
const HINT_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "adslot",
    "adunit",
    "dfp",
    "banner",
    "promo",
    "promos",
    "promoted",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "share",
    "sharing",
    "shares",
    "social",
    "related",
    "recommended",
    "recommendations",
    "comment",
    "comments",
    "disqus",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "toolbar",
    "subscribe",
    "signup",
    "tags",
    "trending",
    "readmore",
    "mostread",
    "widget",
    "sidebar",
    "footer",
    "header",
    "nav",
    "menu",
    "masthead",
];
/// …and as the start of a class or id word (`advertisement`, `sponsoredContent`).
const HINT_PREFIXES: &[&str] = &[
    "advert",
    "sponsor",
    "cookie",
    "consent",
    "newsletter",
    "social",
    "recommend",
    "outbrain",
    "taboola",
    "adsbygoogle",
    "sharebar",
    "share-",
    "related",
    "promo",
];
/// …and anywhere in the class or id (`read-more-links`, `more-stories`).
const HINT_PHRASES: &[&str] = &[
    "read-more",
    "readmore",
    "more-stories",
    "most-read",
    "also-read",
    "further-reading",
];

/// Whether an element, by tag, role, visibility or class/id, is page furniture.
fn is_furniture(el: ElementRef) -> bool {
    let e = el.value();
    if DROPPED_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return false;
    }
    let names = [e.attr("class").unwrap_or(""), e.id().unwrap_or("")]
        .join(" ")
        .to_ascii_lowercase();
    if HINT_PHRASES.iter().any(|p| names.contains(p)) {
        return true;
    }
    names.split_whitespace().any(|name| {
        HINT_PREFIXES.iter().any(|p| name.starts_with(p))
            || name
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| HINT_WORDS.contains(&word))
    })
}

/// Whether the element or one of its ancestors below `<body>` is furniture.
fn in_furniture(el: ElementRef) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .take_while(|a| !matches!(a.value().name(), "body" | "html"))
        .any(is_furniture)
}

/// The element holding the article: a marked-up article body, `<article>`, or main
/// region when one has real text; else the element whose paragraphs carry the most text
/// that is not links.
fn choose_root(doc: &Html) -> Option<ElementRef<'_>> {
    static MARKED: LazyLock<Vec<Selector>> = LazyLock::new(|| {
        ["[itemprop=articleBody]", "article", "[role=main]", "main"]
            .into_iter()
            .map(sel)
            .collect()
    });
    for selector in MARKED.iter() {
        let best = doc
            .select(selector)
            .filter(|el| !in_furniture(*el))
            .map(|el| (el, text_len(&paragraphs_in(el))))
            .max_by_key(|(_, len)| *len);
        if let Some((el, len)) = best
            && len >= 200
        {
            return Some(el);
        }
    }
    densest(doc)
}

/// Readability's idea, reduced: each paragraph adds its non-link text to its parent and
/// half of it to its grandparent; the highest scoring element is the content. Broken
/// markup can split one story over several parents, so the choice then widens to an
/// ancestor until it holds most of the page's paragraph text.
fn densest(doc: &Html) -> Option<ElementRef<'_>> {
    static P: LazyLock<Selector> = LazyLock::new(|| sel("p"));
    let mut paragraphs: Vec<(ElementRef, f64)> = Vec::new();
    let mut scores = HashMap::new();
    for p in doc.select(&P).filter(|p| !in_furniture(*p)) {
        let (text, link_chars) = text_of(p);
        let len = collapse_whitespace(&text).chars().count();
        if len < 25 {
            continue;
        }
        let score = len as f64 * (1.0 - link_chars as f64 / len.max(1) as f64).max(0.0);
        paragraphs.push((p, score));
        let mut ancestors = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            scores.entry(parent.id()).or_insert((parent, 0.0)).1 += score;
            if let Some(grandparent) = ancestors.next().filter(|g| g.value().name() != "html") {
                scores
                    .entry(grandparent.id())
                    .or_insert((grandparent, 0.0))
                    .1 += score / 2.0;
            }
        }
    }
    // Ties go to the element that comes first in the page, whatever the map's order.
    let mut root = scores
        .into_values()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.id().cmp(&a.0.id())))
        .map(|(el, _)| el)?;
    let total: f64 = paragraphs.iter().map(|(_, s)| s).sum();
    loop {
        let inside: f64 = paragraphs
            .iter()
            .filter(|(p, _)| p.ancestors().any(|a| a.id() == root.id()))
            .map(|(_, s)| s)
            .sum();
        match root.parent().and_then(ElementRef::wrap) {
            Some(parent) if inside < 0.7 * total && parent.value().name() != "html" => {
                root = parent
            }
            _ => return Some(root),
        }
    }
}

/// Elements that may hold block content: emitted whole only when they do not.
const CONTAINERS: &[&str] = &["li", "blockquote", "td", "dd", "div", "section"];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "pre",
    "dl",
    "main",
];

/// The paragraphs of `root` in document order: `<p>`, `<h2>`–`<h4>`, `<li>` and the like,
/// skipping furniture, link lists and stock lines ("Advertisement", "Read more").
fn paragraphs_in(root: ElementRef) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    collect(root, 0, &mut out);
    out.dedup();
    out
}

/// Recursion stops this deep: real pages nest a few dozen levels; hostile ones could
/// nest deep enough to overflow the stack.
const MAX_DEPTH: usize = 256;

fn collect(el: ElementRef, depth: usize, out: &mut Vec<String>) {
    let is_root = depth == 0;
    if depth > MAX_DEPTH || (!is_root && is_furniture(el)) {
        return;
    }
    let name = el.value().name();
    let emit = match name {
        "p" | "h2" | "h3" | "h4" | "pre" => true,
        "div" | "section" => {
            !has_block_child(el) && collapse_whitespace(&text_of(el).0).len() >= 100
        }
        _ if CONTAINERS.contains(&name) => !has_block_child(el),
        _ => false,
    };
    if emit && !is_root {
        let (text, link_chars) = text_of(el);
        let text = collapse_whitespace(&text);
        let len = text.chars().count();
        let linky = link_chars * 2 > len;
        if len > 0 && !linky && !is_stock_line(&text) {
            out.push(text);
        }
        return;
    }
    for child in el.children().filter_map(ElementRef::wrap) {
        collect(child, depth + 1, out);
    }
}

/// Direct children only: scanning every descendant of every container is quadratic on
/// deeply nested pages.
fn has_block_child(el: ElementRef) -> bool {
    el.children()
        .filter_map(ElementRef::wrap)
        .any(|d| BLOCKS.contains(&d.value().name()) && !is_furniture(d))
}

/// Lines publishers put between paragraphs that are not part of the story.
fn is_stock_line(text: &str) -> bool {
    const STARTS: &[&str] = &[
        "advertisement",
        "read more",
        "read also",
        "also read",
        "see also",
        "related:",
        "sign up",
        "subscribe to",
        "click here",
        "share this",
        "follow us",
        "©",
        "copyright ",
    ];
    let lower = text.to_lowercase();
    lower == "ad" || (text.len() < 160 && STARTS.iter().any(|s| lower.starts_with(s)))
}

/// The element's text (furniture inside it skipped, line breaks and blocks as spaces) and
/// how many characters of it are link text.
fn text_of(el: ElementRef) -> (String, usize) {
    let mut text = String::new();
    let mut link_chars = 0;
    walk_text(el, false, 0, &mut text, &mut link_chars);
    (text, link_chars)
}

fn walk_text(
    el: ElementRef,
    in_link: bool,
    depth: usize,
    text: &mut String,
    link_chars: &mut usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                text.push_str(t);
                if in_link {
                    *link_chars += t
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>();
                }
            }
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if e.name() == "br" {
                    text.push(' ');
                } else if !is_furniture(child_el) {
                    let block = BLOCKS.contains(&e.name());
                    if block {
                        text.push(' ');
                    }
                    walk_text(
                        child_el,
                        in_link || e.name() == "a",
                        depth + 1,
                        text,
                        link_chars,
                    );
                    if block {
                        text.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Metadata.

#[derive(Debug, Default)]
struct Metadata {
    title: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<chrono::NaiveDate>,
    author: Option<String>,
    language: Option<String>,
    article_body: Option<String>,
}

/// What the JSON-LD `NewsArticle` (or `Article`, `ReportageNewsArticle`...) says.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    authors: Vec<String>,
    language: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

impl Metadata {
    fn read(doc: &Html, base_url: Option<&str>) -> Self {
        let ld = linked_data(doc).unwrap_or_default();
        let metas = meta_tags(doc);
        let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let first_text = |css: &str| {
            doc.select(&sel(css))
                .map(|e| collapse_whitespace(&e.text().collect::<String>()))
                .find(|t| !t.is_empty())
        };

        let outlet = ld
            .publisher
            .or_else(|| meta("og:site_name"))
            .or_else(|| meta("application-name"));
        let title = ld
            .headline
            .or_else(|| meta("og:title"))
            .or_else(|| meta("twitter:title"))
            .or_else(|| first_text("title").map(|t| strip_site_suffix(&t, outlet.as_deref())))
            .or_else(|| first_text("h1"))
            .unwrap_or_else(|| "(untitled)".to_owned());

        let canonical = doc
            .select(&sel("link[rel~=canonical], link[rel~=Canonical]"))
            .find_map(|e| e.value().attr("href"))
            .map(str::to_owned);
        let base = base_url.and_then(|b| url::Url::parse(b).ok());
        let url = [
            canonical,
            meta("og:url"),
            ld.url,
            base_url.map(str::to_owned),
        ]
        .into_iter()
        .flatten()
        .find_map(|u| resolve_url(&u, base.as_ref()));

        let published = [
            ld.published,
            meta("article:published_time"),
            meta("datepublished"),
            meta("date"),
            meta("pubdate"),
            meta("publishdate"),
            meta("dc.date"),
            meta("dcterms.date"),
            meta("dc.date.issued"),
        ]
        .into_iter()
        .flatten()
        .find_map(|d| parse_date(&d));

        let author = (!ld.authors.is_empty())
            .then(|| ld.authors.join(", "))
            .or_else(|| meta("article:author").filter(|a| !a.starts_with("http")))
            .or_else(|| meta("author"))
            .map(|a| clean_author(&a))
            .filter(|a| !a.is_empty());

        let language = ld
            .language
            .or_else(|| doc.root_element().value().attr("lang").map(str::to_owned))
            .or_else(|| meta("og:locale").map(|l| l.replace('_', "-")))
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());

        Metadata {
            title,
            outlet,
            url,
            published,
            author,
            language,
            article_body: ld.body,
        }
    }
}

/// `<meta>` tags as (lower-cased property/name/itemprop, collapsed content), in order.
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
    doc.select(&META)
        .filter_map(|m| {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))?;
            let value = collapse_whitespace(e.attr("content")?);
            (!value.is_empty()).then(|| (key.trim().to_ascii_lowercase(), value))
        })
        .collect()
}

/// "Headline | Outlet" → "Headline" when the last part names the outlet.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_owned();
    };
    for separator in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(outlet.trim())
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}

fn clean_author(author: &str) -> String {
    let author = collapse_whitespace(author);
    match author.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => author[3..].trim().to_owned(),
        _ => author,
    }
}

fn resolve_url(raw: &str, base: Option<&url::Url>) -> Option<String> {
    let absolute = match url::Url::parse(raw.trim()) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(raw.trim()).ok()?,
        Err(_) => return None,
    };
    super::url::normalise(absolute.as_str()).ok()
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// The first article object in the page's JSON-LD blocks, with `@graph` arrays flattened
/// and `{"@id": ...}` references to people and organisations followed. Blocks that are
/// not valid JSON are skipped.
fn linked_data(doc: &Html) -> Option<LinkedData> {
    static LD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
    let values: Vec<Value> = doc
        .select(&LD)
        .filter_map(|s| serde_json::from_str(s.text().collect::<String>().trim()).ok())
        .collect();
    let mut nodes = Vec::new();
    for value in &values {
        flatten(value, &mut nodes);
    }
    let article = nodes.iter().find(|n| has_type(n, ARTICLE_TYPES))?;
    let resolve = |v: &'_ Value| -> Value {
        match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.get("name").is_none() => nodes
                .iter()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
                .map_or_else(|| v.clone(), |n| (*n).clone()),
            _ => v.clone(),
        }
    };
    let names = |key: &str| -> Vec<String> {
        let mut out = Vec::new();
        let items: Vec<&Value> = match article.get(key) {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(v) => vec![v],
            None => vec![],
        };
        for item in items {
            let name = match resolve(item) {
                Value::String(s) => Some(s),
                v => v.get("name").and_then(string_of),
            };
            if let Some(name) = name
                .map(|n| collapse_whitespace(&n))
                .filter(|n| !n.is_empty())
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
        out
    };
    let text = |key: &str| {
        article
            .get(key)
            .and_then(string_of)
            .map(|s| collapse_whitespace(&s))
            .filter(|s| !s.is_empty())
    };
    let url = text("url").or_else(|| {
        article
            .get("mainEntityOfPage")
            .and_then(|m| string_of(m).or_else(|| m.get("@id").and_then(string_of)))
    });
    Some(LinkedData {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished").or_else(|| text("dateCreated")),
        publisher: names("publisher").into_iter().next(),
        authors: names("author"),
        language: text("inLanguage"),
        url,
        body: article.get("articleBody").and_then(string_of),
    })
}

fn flatten<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out);
            }
        }
        _ => {}
    }
}

fn has_type(node: &Value, types: &[&str]) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|t| types.contains(&t.trim_start_matches("https://schema.org/")))
    };
    match node.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

fn string_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(string_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
