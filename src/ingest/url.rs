//! URL normalisation, so that the same article reached through a share button, a feed and
//! a paste compares equal: one spelling per page, tracking parameters removed.

use super::{IngestError, Result};

/// Query parameters that only track where a click came from. Matched case-insensitively;
/// any key starting with `utm_` is dropped as well.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "ref",
    "ref_src",
    "ref_url",
    "cmpid",
    "ocid",
    "at_medium",
    "at_campaign",
    "at_custom1",
    "at_custom2",
    "at_custom3",
    "at_custom4",
    "at_bbc_team",
    "at_link_id",
    "at_link_origin",
    "at_link_type",
    "at_format",
    "at_ptr_name",
    "at_ptr_type",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "s_cid",
    "smid",
    "taid",
    "sr_share",
    "__twitter_impression",
];

/// Normalises an http(s) link: lower-case scheme and host (the `url` crate also turns
/// international host names into punycode), no default port, no credentials, no fragment,
/// no tracking parameters, the remaining parameters sorted, and no trailing slash except
/// on the bare host. A link pasted without a scheme (`example.com/story`) is taken as https.
pub fn normalise(input: &str) -> Result<String> {
    let mut url = parse_http(input)?;
    url.set_fragment(None);
    // Clearing credentials cannot fail on an http(s) URL that has a host.
    let _ = url.set_username("");
    let _ = url.set_password(None);

    let query = url.query().map(clean_query).filter(|q| !q.is_empty());
    url.set_query(query.as_deref());

    let path = url.path().to_owned();
    if path.len() > 1 && path.ends_with('/') {
        url.set_path(path.trim_end_matches('/'));
        if url.path().is_empty() {
            url.set_path("/");
        }
    }
    Ok(url.into())
}

/// Parses `input` as an absolute http(s) URL with a host, the only kind briefbot fetches.
pub(crate) fn parse_http(input: &str) -> Result<url::Url> {
    let input = input.trim();
    let invalid = |reason: String| IngestError::InvalidUrl {
        input: input.to_owned(),
        reason,
    };
    let url = match url::Url::parse(input) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) if looks_like_bare_host(input) => {
            url::Url::parse(&format!("https://{input}")).map_err(|e| invalid(e.to_string()))?
        }
        Err(e) => return Err(invalid(e.to_string())),
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(IngestError::UnsupportedScheme {
            scheme: url.scheme().to_owned(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host name".into()));
    }
    Ok(url)
}

/// `example.com/story`: a dotted first segment and no spaces or scheme-like colon.
fn looks_like_bare_host(input: &str) -> bool {
    let host = input.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.') && !host.contains(':') && !input.contains(char::is_whitespace)
}

/// Drops tracking and empty parameters and sorts the rest, keeping each pair's original
/// encoding so that values are not re-escaped differently.
fn clean_query(query: &str) -> String {
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| !is_tracking(pair.split('=').next().unwrap_or("")))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs.join("&")
}

fn is_tracking(raw_key: &str) -> bool {
    let key = url::form_urlencoded::parse(raw_key.as_bytes())
        .next()
        .map(|(k, _)| k.to_ascii_lowercase())
        .unwrap_or_default();
    key.starts_with("utm_") || TRACKING_PARAMS.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_table() {
        let table = [
            (
                "HTTPS://WWW.Example.COM/News/Story",
                "https://www.example.com/News/Story",
            ),
            ("https://example.com:443/a", "https://example.com/a"),
            ("http://example.com:80/a", "http://example.com/a"),
            ("http://example.com:8080/a", "http://example.com:8080/a"),
            ("https://example.com/a/#comments", "https://example.com/a"),
            ("https://example.com/a/", "https://example.com/a"),
            ("https://example.com/a//", "https://example.com/a"),
            ("https://example.com", "https://example.com/"),
            ("https://example.com/", "https://example.com/"),
            ("https://example.com/?", "https://example.com/"),
            (
                "https://example.com/a?utm_source=tw&utm_medium=social&id=7&fbclid=x",
                "https://example.com/a?id=7",
            ),
            (
                "https://example.com/a?b=2&a=1&gclid=z",
                "https://example.com/a?a=1&b=2",
            ),
            (
                "https://example.com/a?UTM_Campaign=x&ref=rss&ref_src=twsrc",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?mc_cid=1&mc_eid=2&cmpid=3&ocid=4&at_medium=5",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?q=a%20b&&p=1",
                "https://example.com/a?p=1&q=a%20b",
            ),
            ("https://user:pw@example.com/a", "https://example.com/a"),
            ("  https://example.com/a  ", "https://example.com/a"),
            (
                "example.com/story?utm_source=x",
                "https://example.com/story",
            ),
            (
                "https://пример.рф/статья",
                "https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F",
            ),
        ];
        for (input, expected) in table {
            assert_eq!(normalise(input).unwrap(), expected, "normalising {input}");
        }
    }

    #[test]
    fn both_spellings_of_one_page_normalise_alike() {
        let a = normalise("https://News.example.com/2023/03/06/story/?utm_source=rss#top").unwrap();
        let b = normalise("https://news.example.com:443/2023/03/06/story").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn only_http_and_https_are_accepted() {
        for input in [
            "ftp://example.com/a",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "mailto:a@b.c",
        ] {
            let err = normalise(input).unwrap_err();
            assert!(
                matches!(err, IngestError::UnsupportedScheme { .. }),
                "{input}: {err}"
            );
        }
        for input in ["", "not a url", "https://", "http://?x"] {
            let err = normalise(input).unwrap_err();
            assert!(
                matches!(err, IngestError::InvalidUrl { .. }),
                "{input}: {err}"
            );
        }
        let err = normalise("ftp://example.com/a").unwrap_err();
        assert_eq!(
            err.to_string(),
            "only http and https links are accepted, not ftp:"
        );
    }
}
