//! What the bot sends, as one small struct, and its conversion to serenity's builders. Every
//! message built here carries empty `allowed_mentions`, so nothing the bot says pings anyone.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, EditInteractionResponse, MessageReference,
};

use crate::render::discord::{Embed, cut, defuse_mentions, limits};

/// A message: text, embeds (one page of an answer), page buttons, and whether only the person
/// asking sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub content: String,
    pub embeds: Vec<Embed>,
    pub buttons: Vec<Button>,
    pub ephemeral: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub custom_id: String,
    pub label: String,
    pub disabled: bool,
}

impl Reply {
    /// A private text message: the form of every error, refusal and admin result.
    pub fn private(text: impl AsRef<str>) -> Self {
        Self {
            content: text_content(text.as_ref()),
            ephemeral: true,
            ..Self::default()
        }
    }

    /// A text message everyone in the channel sees (a reply to a mention).
    pub fn public(text: impl AsRef<str>) -> Self {
        Self {
            content: text_content(text.as_ref()),
            ..Self::default()
        }
    }

    pub fn message(&self) -> CreateInteractionResponseMessage {
        let message = CreateInteractionResponseMessage::new()
            .content(&self.content)
            .embeds(self.embeds.iter().map(embed).collect())
            .components(self.rows())
            .allowed_mentions(no_pings());
        if self.ephemeral {
            message.ephemeral(true)
        } else {
            message
        }
    }

    /// The edit of a deferred original: replaces content, embeds and buttons alike.
    pub fn edit(&self) -> EditInteractionResponse {
        EditInteractionResponse::new()
            .content(&self.content)
            .embeds(self.embeds.iter().map(embed).collect())
            .components(self.rows())
            .allowed_mentions(no_pings())
    }

    pub fn followup(&self) -> CreateInteractionResponseFollowup {
        let followup = CreateInteractionResponseFollowup::new()
            .content(&self.content)
            .embeds(self.embeds.iter().map(embed).collect())
            .components(self.rows())
            .allowed_mentions(no_pings());
        if self.ephemeral {
            followup.ephemeral(true)
        } else {
            followup
        }
    }

    /// A message in a channel answering `to` as a reply: it quotes the message, pings no
    /// one (not even its author), and is still sent if the message has gone meanwhile.
    pub fn reply_to(&self, to: MessageReference) -> CreateMessage {
        CreateMessage::new()
            .content(&self.content)
            .embeds(self.embeds.iter().map(embed).collect())
            .components(self.rows())
            .reference_message(to.fail_if_not_exists(false))
            .allowed_mentions(no_pings())
    }

    fn rows(&self) -> Vec<CreateActionRow> {
        if self.buttons.is_empty() {
            return Vec::new();
        }
        let buttons = self
            .buttons
            .iter()
            .take(5)
            .map(|b| {
                CreateButton::new(cut(&b.custom_id, limits::CUSTOM_ID))
                    .label(cut(&b.label, limits::BUTTON_LABEL))
                    .style(ButtonStyle::Secondary)
                    .disabled(b.disabled)
            })
            .collect();
        vec![CreateActionRow::Buttons(buttons)]
    }
}

/// A plain message to a channel (the audit line), without pings. Its text is the caller's:
/// mentions it holds on purpose still show as names.
pub fn channel_message(text: &str) -> CreateMessage {
    CreateMessage::new()
        .content(cut(text, limits::CONTENT))
        .allowed_mentions(no_pings())
}

/// Nobody: no `@everyone`/`@here`, no roles, no users, whatever the text holds.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

fn text_content(text: &str) -> String {
    cut(&defuse_mentions(text), limits::CONTENT)
}

fn embed(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new()
        .title(&e.title)
        .description(&e.description)
        .fields(
            e.fields
                .iter()
                .map(|f| (f.name.as_str(), f.value.as_str(), f.inline)),
        );
    if !e.footer.is_empty() {
        out = out.footer(CreateEmbedFooter::new(&e.footer));
    }
    if let Some(url) = &e.url {
        out = out.url(url);
    }
    out
}
