//! Fetching a page or feed a moderator names, safely: only http(s), never an address
//! inside our own network (checked for every redirect, with the checked address pinned so
//! DNS cannot change it before the connection), a size cap enforced while the body
//! streams, an overall timeout, and only text content types.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};

pub use crate::error::ingest::FetchError;

/// What a fetch may do. `allow_hosts` lists host names or IP addresses that may be
/// reached even though they are private or local (a newsroom's intranet, a test server);
/// it does not restrict which public hosts may be fetched.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    pub allow_hosts: Vec<String>,
    pub max_bytes: usize,
    /// For the whole fetch, redirects and body included.
    pub timeout: Duration,
    pub max_redirects: usize,
    pub user_agent: String,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            allow_hosts: Vec::new(),
            max_bytes: 5 * 1024 * 1024,
            timeout: Duration::from_secs(15),
            max_redirects: 5,
            user_agent: concat!("briefbot/", env!("CARGO_PKG_VERSION"), " (news ingest)")
                .to_owned(),
        }
    }
}

/// Content types worth fetching: pages, feeds, plain text and JSON lines.
pub const ACCEPTED_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "text/plain",
    "text/markdown",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/feed+json",
];

/// Cache validators from an earlier fetch, sent back to ask "has it changed?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Fetched {
    /// Where the body came from, after redirects.
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub validators: Validators,
}

#[derive(Debug, Clone)]
pub enum FetchOutcome {
    Fetched(Fetched),
    /// The server answered 304: what was fetched before is still current.
    NotModified {
        final_url: String,
        validators: Validators,
    },
}

/// Fetches pages under a [`FetchPolicy`]. Cheap to keep around; each hop builds its own
/// connection pinned to the address that was checked.
#[derive(Debug, Clone, Default)]
pub struct Fetcher {
    policy: FetchPolicy,
}

impl Fetcher {
    pub fn new(policy: FetchPolicy) -> Self {
        Fetcher { policy }
    }

    pub fn policy(&self) -> &FetchPolicy {
        &self.policy
    }

    /// GETs `url`, following up to `max_redirects` redirects, each one checked like the
    /// first. With `conditional`, asks the server to answer 304 if nothing changed.
    #[tracing::instrument(skip(self, conditional), fields(conditional = conditional.is_some()))]
    pub async fn get(
        &self,
        url: &str,
        conditional: Option<&Validators>,
    ) -> Result<FetchOutcome, FetchError> {
        let after = self.policy.timeout;
        tokio::time::timeout(after, self.follow(url, conditional))
            .await
            .unwrap_or(Err(FetchError::Timeout { after }))
    }

    async fn follow(
        &self,
        url: &str,
        conditional: Option<&Validators>,
    ) -> Result<FetchOutcome, FetchError> {
        let mut current = parse_url(url)?;
        let mut redirects = 0;
        loop {
            let response = self.send(&current, conditional).await?;
            let status = response.status();
            if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
                if redirects == self.policy.max_redirects {
                    return Err(FetchError::TooManyRedirects {
                        limit: self.policy.max_redirects,
                    });
                }
                redirects += 1;
                current = redirect_target(&current, response.headers())?;
                tracing::debug!(%status, to = %current, "following redirect");
                continue;
            }
            let validators = validators(response.headers());
            let final_url = current.to_string();
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(FetchOutcome::NotModified {
                    final_url,
                    validators,
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    status: status.as_u16(),
                    reason: status.canonical_reason(),
                });
            }
            let content_type = header_str(response.headers(), header::CONTENT_TYPE);
            check_content_type(content_type.as_deref())?;
            let body = self.read_body(response).await?;
            return Ok(FetchOutcome::Fetched(Fetched {
                final_url,
                status: status.as_u16(),
                content_type,
                body,
                validators,
            }));
        }
    }

    /// One request to `url`, after its host's addresses have passed the check; the
    /// connection can only go to those addresses.
    async fn send(
        &self,
        url: &url::Url,
        conditional: Option<&Validators>,
    ) -> Result<reqwest::Response, FetchError> {
        let addrs = self.vetted_addrs(url).await?;
        #[cfg(test)]
        assert!(
            addrs.iter().all(|a| a.ip().is_loopback()),
            "a test tried to connect outside loopback: {addrs:?}"
        );
        let host = url.host_str().unwrap_or_default().to_owned();
        let mut builder = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(self.policy.timeout)
            .timeout(self.policy.timeout)
            .user_agent(&self.policy.user_agent)
            .gzip(true);
        if let Some(url::Host::Domain(domain)) = url.host() {
            builder = builder.resolve_to_addrs(domain, &addrs);
        }
        let client = builder
            .build()
            .map_err(|e| FetchError::Client(error_chain(&e)))?;
        let mut request = client.get(url.clone()).header(header::ACCEPT, ACCEPT);
        if let Some(v) = conditional {
            if let Some(etag) = v
                .etag
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = v
                .last_modified
                .as_deref()
                .and_then(|d| HeaderValue::from_str(d).ok())
            {
                request = request.header(header::IF_MODIFIED_SINCE, date);
            }
        }
        request
            .send()
            .await
            .map_err(|e| self.network_error(&host, &e))
    }

    /// The addresses `url`'s host resolves to, all of which must be public unless the host
    /// or the address is allow-listed. An IP literal is checked as it is.
    async fn vetted_addrs(&self, url: &url::Url) -> Result<Vec<SocketAddr>, FetchError> {
        let port = url.port_or_known_default().unwrap_or(80);
        let (host, addrs) = match url.host() {
            Some(url::Host::Ipv4(ip)) => {
                (ip.to_string(), vec![SocketAddr::new(IpAddr::V4(ip), port)])
            }
            Some(url::Host::Ipv6(ip)) => {
                (ip.to_string(), vec![SocketAddr::new(IpAddr::V6(ip), port)])
            }
            Some(url::Host::Domain(domain)) => {
                let found: Vec<SocketAddr> = tokio::net::lookup_host((domain, port))
                    .await
                    .map_err(|e| FetchError::Resolve {
                        host: domain.to_owned(),
                        reason: e.to_string(),
                    })?
                    .collect();
                if found.is_empty() {
                    return Err(FetchError::Resolve {
                        host: domain.to_owned(),
                        reason: "no addresses".into(),
                    });
                }
                (domain.to_owned(), found)
            }
            None => {
                return Err(FetchError::InvalidUrl {
                    url: url.to_string(),
                    reason: "no host".into(),
                });
            }
        };
        let host_allowed = self.is_allowed(&host);
        for addr in &addrs {
            if let Some(why) = refusal(addr.ip())
                && !host_allowed
                && !self.is_allowed(&addr.ip().to_string())
            {
                tracing::warn!(%host, addr = %addr.ip(), why, "refused to fetch");
                return Err(FetchError::Refused {
                    host,
                    addr: addr.ip(),
                    why,
                });
            }
        }
        Ok(addrs)
    }

    fn is_allowed(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        self.policy.allow_hosts.iter().any(|h| {
            h.trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .eq_ignore_ascii_case(host)
        })
    }

    /// Reads the body, refusing as soon as it passes `max_bytes` (a declared length over
    /// the cap is refused before reading anything).
    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let limit = self.policy.max_bytes;
        let declared = response.content_length().unwrap_or(0);
        if declared > limit as u64 {
            return Err(FetchError::TooLarge { limit });
        }
        let host = response.url().host_str().unwrap_or_default().to_owned();
        let mut body = Vec::with_capacity((declared as usize).min(limit));
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.network_error(&host, &e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn network_error(&self, host: &str, error: &reqwest::Error) -> FetchError {
        if error.is_timeout() {
            FetchError::Timeout {
                after: self.policy.timeout,
            }
        } else if error.is_connect() {
            FetchError::Connect {
                host: host.to_owned(),
                reason: error_chain(error),
            }
        } else {
            FetchError::Network(error_chain(error))
        }
    }
}

/// Fetching as a capability, so that code which fetches can be tested with a fake.
pub trait Fetch: Send + Sync {
    fn get(
        &self,
        url: &str,
        conditional: Option<&Validators>,
    ) -> impl Future<Output = Result<FetchOutcome, FetchError>> + Send;
}

impl Fetch for Fetcher {
    fn get(
        &self,
        url: &str,
        conditional: Option<&Validators>,
    ) -> impl Future<Output = Result<FetchOutcome, FetchError>> + Send {
        Fetcher::get(self, url, conditional)
    }
}

const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                      application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

/// reqwest's own message is often just "error sending request"; the cause is below it.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

fn parse_url(input: &str) -> Result<url::Url, FetchError> {
    super::url::parse_http(input).map_err(|e| match e {
        super::IngestError::UnsupportedScheme { scheme } => {
            FetchError::UnsupportedScheme { scheme }
        }
        other => FetchError::InvalidUrl {
            url: input.trim().to_owned(),
            reason: other.to_string(),
        },
    })
}

fn redirect_target(current: &url::Url, headers: &HeaderMap) -> Result<url::Url, FetchError> {
    let location =
        header_str(headers, header::LOCATION).ok_or_else(|| FetchError::BadRedirect {
            reason: "no Location header".into(),
        })?;
    let target = current
        .join(&location)
        .map_err(|e| FetchError::BadRedirect {
            reason: format!("{location:?} is not a link ({e})"),
        })?;
    parse_url(target.as_str())
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn validators(headers: &HeaderMap) -> Validators {
    Validators {
        etag: header_str(headers, header::ETAG),
        last_modified: header_str(headers, header::LAST_MODIFIED),
    }
}

/// A missing Content-Type is let through (the parsers decide); a wrong one is refused.
fn check_content_type(content_type: Option<&str>) -> Result<(), FetchError> {
    let Some(content_type) = content_type else {
        return Ok(());
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if ACCEPTED_TYPES.contains(&essence.as_str()) {
        Ok(())
    } else {
        Err(FetchError::UnsupportedContentType {
            content_type: essence,
        })
    }
}

/// Why an address may not be fetched, or `None` if it is a public unicast address.
pub fn refusal(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => refusal_v6(v6),
    }
}

fn refusal_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => "an unspecified address",
        (127, _, _) => "a loopback address",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "a private address",
        (169, 254, _) => "a link-local address",
        (100, 64..=127, _) => "a carrier-grade NAT address",
        (224..=239, _, _) => "a multicast address",
        (255, 255, 255) if ip.is_broadcast() => "the broadcast address",
        (240..=255, _, _) => "a reserved address",
        (192, 0, 0) => "an IETF protocol address",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "a documentation address",
        (198, 18..=19, _) => "a benchmarking address",
        _ => return None,
    })
}

fn refusal_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if ip.is_unspecified() {
        return Some("an unspecified address");
    }
    if ip.is_loopback() {
        return Some("a loopback address");
    }
    if ip.to_ipv4_mapped().is_some() {
        return Some("an IPv4-mapped address");
    }
    let s = ip.segments();
    Some(match s[0] {
        0xfc00..=0xfdff => "a unique-local address",
        0xfe80..=0xfebf => "a link-local address",
        0xfec0..=0xfeff => "a site-local address",
        0xff00..=0xffff => "a multicast address",
        0x2001 if s[1] == 0x0db8 => "a documentation address",
        0x2001 if s[1] == 0 => "a Teredo tunnel address",
        // 6to4 and NAT64 embed an IPv4 address: judge that one.
        0x2002 => {
            return refusal_v4(Ipv4Addr::new(
                (s[1] >> 8) as u8,
                s[1] as u8,
                (s[2] >> 8) as u8,
                s[2] as u8,
            ));
        }
        0x0064 if s[1] == 0xff9b => {
            return refusal_v4(Ipv4Addr::new(
                (s[6] >> 8) as u8,
                s[6] as u8,
                (s[7] >> 8) as u8,
                s[7] as u8,
            ));
        }
        // ::/96, the deprecated IPv4-compatible form, and anything else below 2000::/3.
        0x0000..=0x1fff => "a reserved address",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
