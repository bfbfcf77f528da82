//! Files attached to `/ingest`, downloaded from Discord's CDN within the fetch policy's
//! size cap: refused by the size Discord reports before a byte is fetched, and cut off
//! while streaming should the body run longer than announced.
//!
//! Not through `ingest::fetch::Fetcher`: that one guards addresses a moderator types (no
//! private networks, text content types only), while an attachment's address comes from
//! Discord and its type is often `application/octet-stream` (a `.jsonl`, a `.md`), which
//! the Fetcher would refuse. Here the address must be Discord's CDN over https; only the
//! hosts `[fetch] allow_hosts` trusts (the tests' 127.0.0.1) may be reached otherwise.

use std::time::Duration;

use url::Url;

use crate::config::Config;
use crate::error::UserError;

/// Discord's CDN, where attachments live.
const CDN_HOSTS: &[&str] = &["cdn.discordapp.com", "media.discordapp.net"];

/// A file attached to a command, as Discord describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub filename: String,
    pub url: String,
    /// Bytes, as Discord reports them.
    pub size: u64,
}

/// Downloading an attachment's body; tests can serve it from anywhere.
pub trait Download: Send + Sync {
    /// The body at `url`, refused (with the reason) past `max` bytes.
    fn get(
        &self,
        url: &str,
        max: usize,
    ) -> impl Future<Output = Result<Vec<u8>, DownloadError>> + Send;
}

/// Why an attachment was not downloaded; said to the moderator who attached it.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("not a valid address: {0}")]
    BadAddress(url::ParseError),
    #[error("{host} is not Discord's file server")]
    NotDiscord { host: String },
    #[error("no HTTP client")]
    NoClient,
    #[error("network error: {0}")]
    Network(reqwest::Error),
    #[error("the server answered {0}")]
    Status(reqwest::StatusCode),
    #[error("over the limit of {max} bytes")]
    TooLarge { max: usize },
}

/// Reads an attached file within `max` bytes; a file too large is refused before it is
/// downloaded.
pub async fn read(
    source: &impl Download,
    file: &Attached,
    max: usize,
) -> Result<Vec<u8>, UserError> {
    if file.size > max as u64 {
        return Err(UserError::new(format!(
            "Not added: {} is {} bytes, over the limit of {max}. Nothing was changed.",
            file.filename, file.size
        )));
    }
    source.get(&file.url, max).await.map_err(|why| {
        tracing::warn!(file = %file.filename, %why, "could not download an attachment");
        UserError::new(format!(
            "Not added: could not read the attached {} ({why}). Nothing was changed.",
            file.filename
        ))
    })
}

/// Discord's CDN over reqwest, without any environment proxy and without redirects (a
/// redirect could leave the CDN).
pub struct Cdn {
    client: Option<reqwest::Client>,
    allow_hosts: Vec<String>,
}

impl Cdn {
    pub fn new(config: &Config) -> Self {
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(config.fetch.timeout_seconds))
            .build()
            .map_err(|e| tracing::error!(error = %e, "no HTTP client for attachments"))
            .ok();
        Self {
            client,
            allow_hosts: config.fetch.allow_hosts.clone(),
        }
    }
}

impl Download for Cdn {
    async fn get(&self, url: &str, max: usize) -> Result<Vec<u8>, DownloadError> {
        let url = checked(url, &self.allow_hosts)?;
        let client = self.client.as_ref().ok_or(DownloadError::NoClient)?;
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(DownloadError::Network)?;
        let status = response.status();
        if !status.is_success() {
            return Err(DownloadError::Status(status));
        }
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(DownloadError::TooLarge { max });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(DownloadError::Network)? {
            if body.len() + chunk.len() > max {
                return Err(DownloadError::TooLarge { max });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// The address if it may be fetched: Discord's CDN over https, or a host the
/// configuration trusts over http or https.
fn checked(url: &str, allow_hosts: &[String]) -> Result<Url, DownloadError> {
    let parsed = Url::parse(url).map_err(DownloadError::BadAddress)?;
    let host = parsed.host_str().unwrap_or_default();
    let trusted = allow_hosts.iter().any(|h| h.eq_ignore_ascii_case(host));
    let https_cdn = parsed.scheme() == "https" && CDN_HOSTS.contains(&host);
    if trusted && matches!(parsed.scheme(), "http" | "https") || https_cdn {
        Ok(parsed)
    } else {
        Err(DownloadError::NotDiscord {
            host: host.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn only_discords_cdn_over_https_or_a_trusted_host_is_fetched() {
        let none: &[String] = &[];
        let local = ["127.0.0.1".to_string()];
        assert!(checked("https://cdn.discordapp.com/attachments/1/2/a.md", none).is_ok());
        assert!(checked("http://cdn.discordapp.com/attachments/1/2/a.md", none).is_err());
        assert!(checked("https://evil.example/a.md", none).is_err());
        assert!(checked("http://127.0.0.1:8080/a.md", none).is_err());
        assert!(checked("http://127.0.0.1:8080/a.md", &local).is_ok());
        assert!(checked("file:///etc/passwd", &local).is_err());
    }

    #[test]
    fn a_refused_address_says_whose_server_it_is() {
        let err = checked("https://evil.example/a.md", &[]).unwrap_err();
        assert!(matches!(&err, DownloadError::NotDiscord { host } if host == "evil.example"));
        assert_eq!(err.to_string(), "evil.example is not Discord's file server");
    }

    /// Serves one body and remembers what was asked.
    struct Served(Vec<u8>, Mutex<Vec<String>>);

    impl Download for Served {
        async fn get(&self, url: &str, max: usize) -> Result<Vec<u8>, DownloadError> {
            self.1.lock().unwrap().push(url.to_string());
            if self.0.len() > max {
                return Err(DownloadError::TooLarge { max });
            }
            Ok(self.0.clone())
        }
    }

    #[tokio::test]
    async fn a_file_larger_than_the_cap_is_refused_before_downloading() {
        let served = Served(b"hello".to_vec(), Mutex::default());
        let file = |size| Attached {
            filename: "a.md".into(),
            url: "https://cdn.discordapp.com/a.md".into(),
            size,
        };
        let refused = read(&served, &file(11), 10).await.unwrap_err();
        assert!(
            refused.message.contains("over the limit of 10"),
            "{refused}"
        );
        assert!(
            served.1.lock().unwrap().is_empty(),
            "nothing was downloaded"
        );
        assert_eq!(read(&served, &file(5), 10).await.unwrap(), b"hello");
        // A body longer than announced is still refused by the downloader's cap.
        let refused = read(&served, &file(1), 3).await.unwrap_err();
        assert!(
            refused.message.contains("(over the limit of 3 bytes)"),
            "{refused}"
        );
    }
}
