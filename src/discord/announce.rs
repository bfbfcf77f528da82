//! New reporting from a feed, announced in `[discord] announce_channel`: one short post per
//! article (title, outlet, link) that pings no one and that no source can format.

use std::sync::{Arc, OnceLock};

use serenity::all::{ChannelId, Http};

use super::embeds::channel_message;
use crate::feeds::Announcer;
use crate::ingest::Article;
use crate::render::discord::{cut, escape, safe_url};

/// The longest title a post shows.
const TITLE: usize = 256;

/// Posts announcements to one channel. serenity's client is made after the feeds that
/// announce through it, so its HTTP handle is set once the client exists; a post before
/// then is logged and dropped.
pub struct ChannelAnnouncer {
    channel: ChannelId,
    http: Arc<OnceLock<Arc<Http>>>,
}

impl ChannelAnnouncer {
    pub fn new(channel: u64, http: Arc<OnceLock<Arc<Http>>>) -> Self {
        Self {
            channel: ChannelId::new(channel),
            http,
        }
    }
}

impl Announcer for ChannelAnnouncer {
    async fn announce(&self, article: &Article) {
        let Some(http) = self.http.get() else {
            tracing::warn!(title = %article.title, "no Discord client yet: announcement dropped");
            return;
        };
        let post = channel_message(&post(article));
        if let Err(e) = self.channel.send_message(http.as_ref(), post).await {
            tracing::warn!(channel = %self.channel, error = %e, "could not announce an article");
        }
    }
}

/// `New: **Title** — Outlet <https://…>`; the link in angle brackets so Discord shows no
/// preview under a short post.
fn post(article: &Article) -> String {
    let mut text = format!("New: **{}**", escape(&cut(&article.title, TITLE)));
    if let Some(outlet) = article.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        text.push_str(&format!(" — {}", escape(&cut(outlet, TITLE))));
    }
    if let Some(url) = article.url.as_deref().and_then(safe_url) {
        text.push_str(&format!(" <{url}>"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_names_title_outlet_and_link_and_cannot_be_formatted_by_its_source() {
        let article = Article {
            title: "@everyone **Convoy** <@123> turned back".into(),
            outlet: Some("Wire_Daily".into()),
            url: Some("https://news.example/a2?x=(1)".into()),
            ..Article::default()
        };
        assert_eq!(
            post(&article),
            "New: **@\u{200B}everyone \\*\\*Convoy\\*\\* <\u{200B}@123> turned back** — Wire\\_Daily <https://news.example/a2?x=%281%29>"
        );
        let bare = Article {
            title: "Untitled".into(),
            ..Article::default()
        };
        assert_eq!(post(&bare), "New: **Untitled**");
    }
}
