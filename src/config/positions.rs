//! Where each key of a `bot.toml` is written, so that a semantic error points at its own
//! line as a syntax error does.

use super::ConfigError;

/// A step of a path into the file: a key, or an item of an array (`[[feeds]]`).
#[derive(Debug, Clone, Copy)]
pub(super) enum Key<'a> {
    Name(&'a str),
    Item(usize),
}

/// Where each key of a `bot.toml` is, so a semantic error points at its own line as a
/// syntax error does: the `interval_minutes` of the second feed, not the first `url`.
pub(super) struct Positions<'a> {
    text: &'a str,
    document: Option<toml::Spanned<toml::de::DeTable<'a>>>,
}

impl<'a> Positions<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Positions {
            text,
            document: toml::de::DeTable::parse(text).ok(),
        }
    }

    /// "line N: parties.x.aliases[0]: why", the line being where the last key of `path`
    /// that the file spells out is written.
    pub(super) fn fail<T>(&self, path: &[Key], why: &str) -> std::result::Result<T, ConfigError> {
        let key = path
            .iter()
            .map(|k| match k {
                Key::Name(name) => format!(".{name}"),
                Key::Item(i) => format!("[{}]", i + 1),
            })
            .collect::<String>();
        Err(ConfigError::Invalid {
            line: self.line(path),
            key: key.trim_start_matches('.').to_string(),
            why: why.to_string(),
        })
    }

    pub(super) fn line(&self, path: &[Key]) -> Option<usize> {
        let mut table = self.document.as_ref()?.get_ref();
        let mut array: Option<&toml::de::DeArray> = None;
        let mut span = None;
        for key in path {
            let value = match (*key, array.take()) {
                (Key::Item(i), Some(items)) => items.get(i)?,
                (Key::Name(name), None) => {
                    let (key, value) = table.iter().find(|(k, _)| k.get_ref() == name)?;
                    span = Some(key.span());
                    value
                }
                _ => break,
            };
            match value.get_ref() {
                toml::de::DeValue::Table(inner) => table = inner,
                toml::de::DeValue::Array(items) => array = Some(items),
                _ => {}
            }
            if let Key::Item(_) = key {
                span = Some(value.span());
            }
        }
        let start = span?.start;
        Some(self.text[..start].matches('\n').count() + 1)
    }
}
