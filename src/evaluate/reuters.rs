//! Reuters-21578 stories as corpus documents, built exactly as
//! `../shared/eval-dev/reuters_corpus.py` writes them, so paragraph numbers agree with the
//! gold. The collection's terms allow research use, not republishing, so the stories are
//! read from the shared data and never copied into the project.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::EvalError;
use crate::corpus::{self, Document};
use crate::error::Result;

/// The collection, read on first use.
pub struct Reuters {
    path: PathBuf,
    /// The read is tried once; its failure is kept (shared, as an I/O error is not
    /// `Clone`) and given to every caller.
    records: OnceLock<std::result::Result<HashMap<String, Record>, Arc<std::io::Error>>>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct Record {
    id: String,
    title: String,
    published: String,
    text: String,
}

impl Reuters {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            records: OnceLock::new(),
        }
    }

    fn records(&self) -> Result<&HashMap<String, Record>> {
        let loaded = self.records.get_or_init(|| {
            let raw = std::fs::read_to_string(&self.path).map_err(Arc::new)?;
            Ok(raw
                .lines()
                .filter_map(|l| serde_json::from_str::<Record>(l).ok())
                .map(|r| (r.id.clone(), r))
                .collect())
        });
        loaded.as_ref().map_err(|cause| {
            EvalError::Collection {
                path: self.path.clone(),
                cause: cause.clone(),
            }
            .into()
        })
    }

    /// The stories an ids file names (one id per line; `#` starts a comment).
    pub fn documents(&self, ids_file: &Path) -> Result<Vec<Document>> {
        let ids =
            std::fs::read_to_string(ids_file).map_err(|e| crate::error::Error::io(ids_file, e))?;
        let records = self.records()?;
        let mut out = Vec::new();
        for id in ids
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
        {
            let record = records.get(id).ok_or_else(|| EvalError::NotInCollection {
                ids_file: ids_file.to_path_buf(),
                id: id.to_string(),
                collection: self.path.clone(),
            })?;
            if let Some(doc) = as_document(record) {
                out.push(doc);
            }
        }
        Ok(out)
    }
}

/// A story's paragraphs: a Reuters paragraph starts on a new line indented by three
/// whitespace characters or more; the wrapped lines are joined and the "Reuter" sign-off
/// dropped.
fn as_document(r: &Record) -> Option<Document> {
    static BREAK: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\n\s{3,}").ok());
    let pieces: Vec<&str> = match BREAK.as_ref() {
        Some(re) => re.split(&r.text).collect(),
        None => vec![r.text.as_str()],
    };
    let paragraphs: Vec<String> = pieces
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty() && p.to_lowercase() != "reuter")
        .collect();
    if paragraphs.is_empty() {
        return None;
    }
    let title = r.title.trim();
    let title = if title.is_empty() {
        paragraphs[0].chars().take(80).collect()
    } else if title.chars().any(char::is_lowercase) {
        title.to_string()
    } else {
        title_case(title)
    };
    let escape = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let markdown = format!(
        "+++\ntitle = \"{}\"\noutlet = \"Reuters\"\npublished = {}\n+++\n\n{}\n",
        escape(&title),
        r.published,
        paragraphs.join("\n\n")
    );
    corpus::parse_markdown(&markdown, format!("{}.md", r.id)).ok()
}

/// Python's `str.title()`: each run of letters starts upper case, the rest lower.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_word = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if in_word {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            in_word = true;
        } else {
            out.push(c);
            in_word = false;
        }
    }
    out
}
