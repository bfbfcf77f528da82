//! Choosing the element of a page that holds the story, and reading its paragraphs while
//! skipping page furniture: navigation, ads, banners, related links and comments.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::{collapse_whitespace, sel, text_len};

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
pub(super) fn choose_root(doc: &Html) -> Option<ElementRef<'_>> {
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
pub(super) fn paragraphs_in(root: ElementRef) -> Vec<String> {
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
pub(super) fn text_of(el: ElementRef) -> (String, usize) {
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
