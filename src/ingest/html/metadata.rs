//! A page's metadata (title, outlet, canonical URL, date, author, language): from its
//! JSON-LD article object, then Open Graph, then plain HTML tags.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

use super::sel;
use crate::ingest::{collapse_whitespace, parse_date};

#[derive(Debug, Default)]
pub(super) struct Metadata {
    pub(super) title: String,
    pub(super) outlet: Option<String>,
    pub(super) url: Option<String>,
    pub(super) published: Option<chrono::NaiveDate>,
    pub(super) author: Option<String>,
    pub(super) language: Option<String>,
    pub(super) article_body: Option<String>,
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
    pub(super) fn read(doc: &Html, base_url: Option<&str>) -> Self {
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
    crate::ingest::url::normalise(absolute.as_str()).ok()
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
