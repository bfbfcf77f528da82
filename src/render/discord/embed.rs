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

/// A limit of Discord's that an embed breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    /// A text over its length: the title, description, footer, a field's name or value,
    /// or the whole embed.
    #[error("{what}: {chars} characters, over {max}")]
    TooLong {
        what: &'static str,
        chars: usize,
        max: usize,
    },
    #[error("{0} fields, over {max}", max = limits::FIELDS)]
    TooManyFields(usize),
    #[error("an empty field")]
    EmptyField,
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
    pub fn check_limits(&self) -> Result<(), LimitError> {
        let over = |what: &'static str, chars: usize, max: usize| {
            if chars > max {
                Err(LimitError::TooLong { what, chars, max })
            } else {
                Ok(())
            }
        };
        over("title", count(&self.title), limits::TITLE)?;
        over("description", count(&self.description), limits::DESCRIPTION)?;
        over("footer", count(&self.footer), limits::FOOTER)?;
        if self.fields.len() > limits::FIELDS {
            return Err(LimitError::TooManyFields(self.fields.len()));
        }
        for field in &self.fields {
            over("field name", count(&field.name), limits::FIELD_NAME)?;
            over("field value", count(&field.value), limits::FIELD_VALUE)?;
            if field.name.trim().is_empty() || field.value.trim().is_empty() {
                return Err(LimitError::EmptyField);
            }
        }
        over("embed", self.chars(), limits::EMBED_TOTAL)
    }
}
