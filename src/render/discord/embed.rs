//! The embed as plain data: a page's title, description, citation fields and footer,
//! with the characters Discord counts against a message and the check that an embed
//! keeps within every one of Discord's limits.

use serde::Serialize;

use super::fit::count;
use super::limits;

/// One embed: what a page of an answer shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Embed {
    pub title: String,
    /// Makes the title a link.
    pub url: Option<String>,
    pub description: String,
    pub fields: Vec<Field>,
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

impl Embed {
    /// Characters Discord counts against the 6000 of a message.
    pub fn chars(&self) -> usize {
        count(&self.title)
            + count(&self.description)
            + count(&self.footer)
            + self
                .fields
                .iter()
                .map(|f| count(&f.name) + count(&f.value))
                .sum::<usize>()
    }

    /// The first limit this embed breaks, if any.
    pub fn check_limits(&self) -> Result<(), String> {
        let over = |what: &str, n: usize, max: usize| {
            if n > max {
                Err(format!("{what}: {n} characters, over {max}"))
            } else {
                Ok(())
            }
        };
        over("title", count(&self.title), limits::TITLE)?;
        over("description", count(&self.description), limits::DESCRIPTION)?;
        over("footer", count(&self.footer), limits::FOOTER)?;
        if self.fields.len() > limits::FIELDS {
            return Err(format!(
                "{} fields, over {}",
                self.fields.len(),
                limits::FIELDS
            ));
        }
        for field in &self.fields {
            over("field name", count(&field.name), limits::FIELD_NAME)?;
            over("field value", count(&field.value), limits::FIELD_VALUE)?;
            if field.name.trim().is_empty() || field.value.trim().is_empty() {
                return Err("an empty field".into());
            }
        }
        over("embed", self.chars(), limits::EMBED_TOTAL)
    }
}
