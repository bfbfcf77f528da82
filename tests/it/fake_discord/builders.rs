//! Payload builders: slash commands, autocomplete, button presses, modal submissions and user
//! messages, each a JSON payload with every field serenity requires, plus the command options
//! they hold. They need no running fake.

use serde_json::{Value, json};

use super::rest::message_object;
use super::{FakeDiscord, TIMESTAMP, fresh_id, perms};

impl FakeDiscord {
    /// A slash command (`type 2`), by default in [`Self::GUILD_ID`] / [`Self::CHANNEL_ID`], from
    /// [`Self::USER_ID`] with [`perms::MEMBER`]. `options` is the JSON array of
    /// `data.options`; [`option`] builds one. `data.id` is set at injection to the id of the
    /// registered command of that name.
    pub fn slash_command(name: &str, options: Value) -> InteractionBuilder {
        InteractionBuilder::new(
            2,
            json!({"id": fresh_id().to_string(), "name": name, "type": 1, "options": options}),
        )
    }

    /// An autocomplete request (`type 4`); mark the option being typed with [`focused`].
    pub fn autocomplete(name: &str, options: Value) -> InteractionBuilder {
        let mut b = Self::slash_command(name, options);
        b.kind = 4;
        b
    }

    /// A button press (`type 3`) on `message` (a full Message object, e.g.
    /// [`FakeDiscord::original_message`]). Use [`InteractionBuilder::select_values`] for a
    /// string select.
    pub fn component(custom_id: &str, message: Value) -> InteractionBuilder {
        let mut b =
            InteractionBuilder::new(3, json!({"custom_id": custom_id, "component_type": 2}));
        if let Some(c) = message
            .get("channel_id")
            .and_then(Value::as_str)
            .and_then(|c| c.parse().ok())
        {
            b.channel_id = c;
        }
        b.message = Some(message);
        b
    }

    /// A modal submission (`type 5`): `fields` are `(custom_id, value)` of its text inputs.
    pub fn modal_submit(custom_id: &str, fields: &[(&str, &str)]) -> InteractionBuilder {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        InteractionBuilder::new(5, json!({"custom_id": custom_id, "components": rows}))
    }

    /// A MESSAGE_CREATE payload from a user (default [`Self::USER_ID`] in [`Self::GUILD_ID`] /
    /// [`Self::CHANNEL_ID`]).
    pub fn user_message(content: &str) -> MessageBuilder {
        MessageBuilder {
            content: content.to_owned(),
            channel_id: Self::CHANNEL_ID,
            guild_id: Some(Self::GUILD_ID),
            author_id: Self::USER_ID,
            author_name: "reader".to_owned(),
            roles: Vec::new(),
            mentions_bot: false,
            author_is_bot: false,
            replied_to: None,
        }
    }

    /// The bot user object as READY and the REST API present it.
    pub fn bot_user() -> Value {
        json!({
            "id": Self::BOT_USER_ID.to_string(), "username": Self::BOT_USERNAME, "discriminator": "0",
            "global_name": null, "avatar": null, "bot": true, "verified": true, "mfa_enabled": false,
            "flags": 0, "public_flags": 0
        })
    }
}

/// A command option for [`FakeDiscord::slash_command`]; its `type` follows the JSON value
/// (string 3, integer 4, boolean 5, number 10).
pub fn option(name: &str, value: impl Into<Value>) -> Value {
    let value = value.into();
    let kind = match &value {
        Value::Bool(_) => 5,
        Value::Number(n) if n.is_i64() || n.is_u64() => 4,
        Value::Number(_) => 10,
        _ => 3,
    };
    json!({"name": name, "type": kind, "value": value})
}

/// The option a user is typing, for [`FakeDiscord::autocomplete`].
pub fn focused(name: &str, partial: &str) -> Value {
    json!({"name": name, "type": 3, "value": partial, "focused": true})
}

/// A subcommand option holding `options`, for [`FakeDiscord::slash_command`].
pub fn subcommand(name: &str, options: Value) -> Value {
    json!({"name": name, "type": 1, "options": options})
}

/// Builds an interaction payload with every field serenity requires.
#[derive(Clone, Debug)]
pub struct InteractionBuilder {
    kind: u8,
    data: Value,
    guild_id: Option<u64>,
    channel_id: u64,
    user_id: u64,
    username: String,
    roles: Vec<u64>,
    permissions: u64,
    locale: String,
    message: Option<Value>,
}

impl InteractionBuilder {
    fn new(kind: u8, data: Value) -> Self {
        InteractionBuilder {
            kind,
            data,
            guild_id: Some(FakeDiscord::GUILD_ID),
            channel_id: FakeDiscord::CHANNEL_ID,
            user_id: FakeDiscord::USER_ID,
            username: "reader".to_owned(),
            roles: Vec::new(),
            permissions: perms::MEMBER,
            locale: "en-US".to_owned(),
            message: None,
        }
    }

    pub fn guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(guild_id);
        self
    }

    /// From a direct message: no guild, `user` instead of `member`.
    pub fn dm(mut self) -> Self {
        self.guild_id = None;
        self
    }

    pub fn channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    /// The invoking member: user id, role ids and computed channel permissions (see [`perms`]).
    pub fn member(mut self, user_id: u64, roles: &[u64], permissions: u64) -> Self {
        self.user_id = user_id;
        self.roles = roles.to_vec();
        self.permissions = permissions;
        self
    }

    pub fn user(mut self, user_id: u64, username: &str) -> Self {
        self.user_id = user_id;
        self.username = username.to_owned();
        self
    }

    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = locale.to_owned();
        self
    }

    /// Attaches a file as option `option` (type 11): its id in `data.options`, the file in
    /// `data.resolved.attachments`, downloadable at `url` (a test's loopback server).
    pub fn attachment(mut self, option: &str, filename: &str, size: u64, url: &str) -> Self {
        let id = fresh_id().to_string();
        let options = self.data["options"].as_array().cloned().unwrap_or_default();
        let mut options = options;
        options.push(json!({"name": option, "type": 11, "value": id}));
        self.data["options"] = json!(options);
        self.data["resolved"]["attachments"][id.as_str()] = json!({
            "id": id, "filename": filename, "size": size, "url": url, "proxy_url": url,
            "content_type": "application/octet-stream", "ephemeral": true,
        });
        self
    }

    /// For a component on a string select: the chosen values.
    pub fn select_values(mut self, values: &[&str]) -> Self {
        self.data["component_type"] = json!(3);
        self.data["values"] = json!(values);
        self
    }

    /// The payload, with a fresh unique `id` and `token`.
    pub fn build(self) -> Value {
        let id = fresh_id();
        let user = json!({
            "id": self.user_id.to_string(), "username": self.username, "discriminator": "0",
            "global_name": self.username, "avatar": null, "public_flags": 0
        });
        let mut ix = json!({
            "id": id.to_string(),
            "application_id": FakeDiscord::APP_ID.to_string(),
            "type": self.kind,
            "token": format!("fake-interaction-token-{id}"),
            "version": 1,
            "channel_id": self.channel_id.to_string(),
            "channel": {"id": self.channel_id.to_string(), "type": if self.guild_id.is_some() { 0 } else { 1 }},
            "locale": self.locale,
            "app_permissions": perms::MEMBER.to_string(),
            "entitlements": [],
            "authorizing_integration_owners": {},
            "attachment_size_limit": 10_485_760,
            "data": self.data,
        });
        match self.guild_id {
            Some(guild_id) => {
                ix["guild_id"] = json!(guild_id.to_string());
                ix["guild_locale"] = json!("en-US");
                ix["context"] = json!(0);
                let roles: Vec<String> = self.roles.iter().map(u64::to_string).collect();
                ix["member"] = json!({
                    "user": user, "roles": roles, "permissions": self.permissions.to_string(),
                    "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0, "pending": false,
                    "nick": null, "avatar": null, "premium_since": null, "communication_disabled_until": null
                });
            }
            None => {
                ix["context"] = json!(1);
                ix["user"] = user;
            }
        }
        if let Some(message) = self.message {
            ix["message"] = message;
        }
        ix
    }
}

/// Builds a MESSAGE_CREATE payload from a user.
#[derive(Clone, Debug)]
pub struct MessageBuilder {
    content: String,
    channel_id: u64,
    guild_id: Option<u64>,
    author_id: u64,
    author_name: String,
    roles: Vec<u64>,
    mentions_bot: bool,
    author_is_bot: bool,
    replied_to: Option<Value>,
}

impl MessageBuilder {
    /// Written by another bot (`author.bot`).
    pub fn by_bot(mut self, user_id: u64, username: &str) -> Self {
        self.author_id = user_id;
        self.author_name = username.to_owned();
        self.author_is_bot = true;
        self
    }

    /// A reply to `message` (a full Message object) with Discord's default "ping on": the
    /// replied-to author is in `mentions`, the message in `referenced_message`.
    pub fn reply_to(mut self, message: Value) -> Self {
        self.replied_to = Some(message);
        self
    }

    pub fn channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    pub fn guild(mut self, guild_id: u64) -> Self {
        self.guild_id = Some(guild_id);
        self
    }

    /// A direct message to the bot.
    pub fn dm(mut self) -> Self {
        self.guild_id = None;
        self
    }

    pub fn author(mut self, user_id: u64, username: &str, roles: &[u64]) -> Self {
        self.author_id = user_id;
        self.author_name = username.to_owned();
        self.roles = roles.to_vec();
        self
    }

    /// Mentions the bot: `<@BOT>` is prefixed to the content and the bot is in `mentions`.
    pub fn mention_bot(mut self) -> Self {
        self.mentions_bot = true;
        self
    }

    pub fn build(self) -> Value {
        let id = fresh_id();
        let author = json!({
            "id": self.author_id.to_string(), "username": self.author_name, "discriminator": "0",
            "global_name": self.author_name, "avatar": null, "public_flags": 0,
            "bot": self.author_is_bot
        });
        let content = if self.mentions_bot {
            format!("<@{}> {}", FakeDiscord::BOT_USER_ID, self.content)
        } else {
            self.content
        };
        let mut mentions = if self.mentions_bot {
            vec![FakeDiscord::bot_user()]
        } else {
            Vec::new()
        };
        let mut msg = message_object(id, self.channel_id, author, &json!({"content": content}));
        if let Some(replied) = self.replied_to {
            if !mentions.iter().any(|m| m["id"] == replied["author"]["id"]) {
                mentions.push(replied["author"].clone());
            }
            msg["type"] = json!(19);
            msg["message_reference"] = json!({
                "type": 0, "message_id": replied["id"], "channel_id": replied["channel_id"],
            });
            msg["referenced_message"] = replied;
        }
        msg["mentions"] = json!(mentions);
        if let Some(guild_id) = self.guild_id {
            let roles: Vec<String> = self.roles.iter().map(u64::to_string).collect();
            msg["guild_id"] = json!(guild_id.to_string());
            msg["member"] = json!({"roles": roles, "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0});
        }
        msg
    }
}
