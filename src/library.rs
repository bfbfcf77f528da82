//! The moderators' operations on the corpus, as files: ingested reporting is saved as
//! Markdown with front matter under the ingested folder (so a rebuild never needs the
//! network, and moderators can review and commit it), forgotten sources move to a trash
//! folder they can be restored from, and a reindex is reported as a diff.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::corpus::{self, Document, DocumentError};
use crate::error::{Error, Result, UserError};
use crate::extract::Extraction;
use crate::index::{Catalog, Doc};
use crate::ingest::dedup::{DupIndex, DuplicateKind};
use crate::ingest::fetch::{Fetch, FetchOutcome};
use crate::ingest::{self, Article, IngestError};

/// What a rebuild changed, by source, and the records before and after.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
    pub claims_before: usize,
    pub claims_after: usize,
    pub statements_before: usize,
    pub statements_after: usize,
}

/// Each source's content hash and the record counts: what a diff compares.
#[derive(Debug, Clone, Default)]
pub struct Census {
    sources: BTreeMap<String, u64>,
    claims: usize,
    statements: usize,
}

impl Census {
    pub fn of_catalog(catalog: &Catalog) -> Census {
        let mut census = Census::default();
        for d in catalog.documents() {
            census.add(d.source(), d.title(), d.paragraphs());
        }
        census.claims = catalog.claim_count();
        census.statements = catalog.statement_count();
        census
    }

    pub fn of_documents(documents: &[(Document, Extraction)]) -> Census {
        let mut census = Census::default();
        for (d, extraction) in documents {
            census.add(
                &d.source,
                &d.meta.title,
                d.paragraphs.iter().map(String::as_str),
            );
            census.claims += extraction.claims.len();
            census.statements += extraction.statements.len();
        }
        census
    }

    fn add<'a>(&mut self, source: &str, title: &str, paragraphs: impl Iterator<Item = &'a str>) {
        let mut hasher = std::hash::DefaultHasher::new();
        title.hash(&mut hasher);
        for paragraph in paragraphs {
            paragraph.hash(&mut hasher);
        }
        self.sources.insert(source.to_string(), hasher.finish());
    }

    pub fn diff(&self, after: &Census) -> Diff {
        let mut diff = Diff {
            claims_before: self.claims,
            claims_after: after.claims,
            statements_before: self.statements,
            statements_after: after.statements,
            ..Diff::default()
        };
        for (source, hash) in &after.sources {
            match self.sources.get(source) {
                None => diff.added.push(source.clone()),
                Some(old) if old != hash => diff.changed.push(source.clone()),
                Some(_) => {}
            }
        }
        diff.removed = self
            .sources
            .keys()
            .filter(|s| !after.sources.contains_key(*s))
            .cloned()
            .collect();
        diff
    }
}

/// A document the library added, as a moderator sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Added {
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub paragraphs: usize,
    pub claims: usize,
    pub statements: usize,
    /// The document it republishes, when it is a near-duplicate of one indexed.
    pub copy_of: Option<String>,
}

/// Something not added, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refused {
    pub what: String,
    pub reason: String,
}

fn as_article(doc: &Doc) -> Article {
    Article {
        title: doc.title().to_string(),
        outlet: doc.outlet().map(str::to_string),
        url: doc.url().map(str::to_string),
        paragraphs: doc.paragraphs().map(str::to_string).collect(),
        ..Article::default()
    }
}

/// Splits `articles` into those new to the index and those it already has (the same
/// address or the same text). Near-duplicates are new: they are grouped at index time.
pub fn screen(
    catalog: &Catalog,
    articles: Vec<Article>,
) -> (Vec<(Article, Option<String>)>, Vec<Refused>) {
    let mut known = DupIndex::new();
    for doc in catalog.documents() {
        known.insert(doc.source(), &as_article(&doc));
    }
    let mut fresh = Vec::new();
    let mut refused = Vec::new();
    for (i, mut article) in articles.into_iter().enumerate() {
        article.strip_controls();
        let what = if article.title.is_empty() {
            format!("item {}", i + 1)
        } else {
            article.title.clone()
        };
        if article.paragraphs.iter().all(|p| p.trim().is_empty()) {
            refused.push(Refused {
                what,
                reason: "no text".into(),
            });
            continue;
        }
        match known.check(&article) {
            Some(dup) if dup.kind == DuplicateKind::SameUrl => refused.push(Refused {
                what,
                reason: format!("already indexed as {}", dup.key),
            }),
            Some(dup) if dup.kind == DuplicateKind::SameContent => refused.push(Refused {
                what,
                reason: format!("the same text is already indexed as {}", dup.key),
            }),
            near => {
                let key = article.url.clone().unwrap_or_else(|| what.clone());
                known.insert(key, &article);
                fresh.push((article, near.map(|d| d.key)));
            }
        }
    }
    (fresh, refused)
}

/// What a moderator's job changed in the corpus, kept so that a job whose rebuild fails
/// can put the corpus back as it found it.
#[derive(Debug)]
pub enum CorpusChange {
    /// Files saved to the ingested folder.
    Saved(Vec<PathBuf>),
    Forgotten(TrashEntry),
    Restored(TrashEntry),
}

impl CorpusChange {
    /// Takes the change back: saved files go, a forgotten source returns from the trash,
    /// a restored one goes back to it.
    pub fn undo(self, config: &Config) -> Result<()> {
        match self {
            CorpusChange::Saved(paths) => {
                for path in paths {
                    std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                }
                Ok(())
            }
            CorpusChange::Forgotten(entry) => {
                move_file(&entry.trashed, &entry.original)?;
                let mut entries = trash(config)?;
                entries.retain(|e| e.trashed != entry.trashed);
                write_trash(config, &entries)
            }
            CorpusChange::Restored(entry) => {
                move_file(&entry.original, &entry.trashed)?;
                let mut entries = trash(config)?;
                entries.push(entry);
                write_trash(config, &entries)
            }
        }
    }
}

/// Saves an article as Markdown in the ingested folder, under a name of its own. The
/// file appears whole or not at all: it is written under a hidden name (never indexed)
/// and renamed into place.
pub fn save(config: &Config, article: &Article) -> Result<PathBuf> {
    let folder = config.ingested_folder();
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let name = ingest::markdown::file_name(article);
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name.as_str(), "md"));
    let mut path = folder.join(&name);
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{n}.{extension}"));
        n += 1;
    }
    let mut article = article.clone();
    article.fetched_at.get_or_insert_with(Utc::now);
    let text = ingest::markdown::to_markdown(&article);
    // The loader must read back what was written, or the document would vanish on the
    // next rebuild: check before keeping the file.
    corpus::parse_markdown(&text, name.clone()).map_err(Error::IngestedUnreadable)?;
    let temporary = folder.join(format!(".{name}.tmp"));
    std::fs::write(&temporary, text).map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// Reads a file a moderator gave: `.md` and `.txt` as the corpus reads them, `.html` by
/// main-text extraction, `.jsonl` one article a line. Bad JSONL lines are reported with
/// their numbers, the good ones kept.
pub fn articles_from_file(
    name: &str,
    bytes: &[u8],
) -> Result<(Vec<Article>, Vec<Refused>), UserError> {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let text = || {
        std::str::from_utf8(bytes).map_err(|_| UserError::new(format!("{name}: not UTF-8 text")))
    };
    let from_document = |doc: std::result::Result<Document, DocumentError>| {
        doc.map(|d| vec![article_of_document(d)])
            .map_err(|why| UserError::new(format!("{name}: {why}")))
    };
    match extension.as_str() {
        "md" | "markdown" => Ok((
            from_document(corpus::parse_markdown(text()?, name.into()))?,
            Vec::new(),
        )),
        "txt" => Ok((
            from_document(corpus::parse_text(text()?, name.into()))?,
            Vec::new(),
        )),
        "html" | "htm" => ingest::html::extract_bytes(bytes, None, None)
            .map(|a| (vec![a], Vec::new()))
            .map_err(|e| UserError::new(format!("{name}: {e}"))),
        "jsonl" => {
            let (articles, errors) = ingest::jsonl::parse(text()?);
            let refused = errors
                .into_iter()
                .map(|e| Refused {
                    what: format!("{name} line {}", e.line),
                    reason: e.reason.to_string(),
                })
                .collect();
            Ok((articles, refused))
        }
        _ => Err(UserError::new(format!(
            "{name}: give a .md, .txt, .html or .jsonl file"
        ))),
    }
}

fn article_of_document(doc: Document) -> Article {
    Article {
        title: doc.meta.title,
        outlet: doc.meta.outlet,
        url: doc.meta.url,
        published: doc.meta.published,
        author: doc.meta.author,
        language: doc.meta.language,
        fetched_at: None,
        paragraphs: doc.paragraphs,
    }
}

/// Fetches a page and extracts its article, under the fetch policy's safety rules.
pub async fn fetch_article(
    fetcher: &impl Fetch,
    url: &str,
) -> std::result::Result<Article, IngestError> {
    let url = ingest::url::normalise(url)?;
    let fetched = match fetcher.get(&url, None).await? {
        FetchOutcome::Fetched(fetched) => fetched,
        FetchOutcome::NotModified { .. } => {
            return Err(IngestError::UnreadablePage {
                reason: "the server answered 304 Not Modified to a plain request".into(),
            });
        }
    };
    let content_type = fetched
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.contains("rss") || content_type.contains("atom") {
        return Err(IngestError::UnreadablePage {
            reason: "this address is a feed: add it with `feeds add`".into(),
        });
    }
    let mut article =
        if content_type.starts_with("text/plain") || content_type.starts_with("text/markdown") {
            let text = ingest::html::decode(&fetched.body, fetched.content_type.as_deref());
            let doc = corpus::parse_text(&text, url.clone()).map_err(|reason| {
                IngestError::NoArticleText {
                    reason: reason.to_string(),
                }
            })?;
            article_of_document(doc)
        } else {
            ingest::html::extract_bytes(
                &fetched.body,
                fetched.content_type.as_deref(),
                Some(&fetched.final_url),
            )?
        };
    if article.url.is_none() {
        article.url = Some(fetched.final_url.clone());
    }
    if let Some(found) = &article.url {
        article.url = Some(ingest::url::normalise(found).unwrap_or_else(|_| found.clone()));
    }
    article.fetched_at = Some(Utc::now());
    Ok(article)
}

/// A forgotten source in the trash, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrashEntry {
    pub source: String,
    pub title: String,
    pub original: PathBuf,
    pub trashed: PathBuf,
    pub at: DateTime<Utc>,
}

const MANIFEST: &str = "manifest.json";

/// What the trash holds, newest last.
pub fn trash(config: &Config) -> Result<Vec<TrashEntry>> {
    let path = config.trash_folder().join(MANIFEST);
    match std::fs::read(&path) {
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|cause| Error::TrashCorrupt { path, cause })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn write_trash(config: &Config, entries: &[TrashEntry]) -> Result<()> {
    let folder = config.trash_folder();
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = folder.join(MANIFEST);
    let temporary = folder.join(format!("{MANIFEST}.tmp"));
    let bytes = serde_json::to_vec_pretty(entries).map_err(Error::TrashEncode)?;
    std::fs::write(&temporary, bytes).map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))
}

fn move_file(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    if std::fs::rename(from, to).is_err() {
        // Across file systems a rename fails: copy, then remove.
        std::fs::copy(from, to).map_err(|e| Error::io(to, e))?;
        std::fs::remove_file(from).map_err(|e| Error::io(from, e))?;
    }
    Ok(())
}

/// Moves the file behind `source` to the trash. The caller rebuilds the index.
pub fn forget(config: &Config, catalog: &Catalog, source: &str) -> Result<TrashEntry> {
    let doc = catalog
        .documents()
        .find(|d| d.source() == source)
        .ok_or_else(|| {
            UserError::new(format!(
                "No indexed source `{source}`; /sources lists them."
            ))
        })?;
    let original = doc
        .path()
        .filter(|p| p.is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            UserError::new(format!(
                "`{source}` has no file to move; rebuild the index first."
            ))
        })?;
    let file_name = original
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.md".into());
    let trashed = config.trash_folder().join(format!(
        "{}-{file_name}",
        Utc::now().format("%Y%m%dT%H%M%S%.3f")
    ));
    move_file(&original, &trashed)?;
    let entry = TrashEntry {
        source: source.to_string(),
        title: doc.title().to_string(),
        original,
        trashed,
        at: Utc::now(),
    };
    let mut entries = trash(config)?;
    entries.push(entry.clone());
    write_trash(config, &entries)?;
    Ok(entry)
}

/// Moves a forgotten source back where it was. The caller rebuilds the index.
pub fn restore(config: &Config, source: &str) -> Result<TrashEntry> {
    let mut entries = trash(config)?;
    let position = entries
        .iter()
        .rposition(|e| e.source == source)
        .ok_or_else(|| UserError::new(format!("`{source}` is not in the trash.")))?;
    let entry = entries.remove(position);
    if entry.original.exists() {
        return Err(UserError::new(format!(
            "{} exists again; remove it or restore under another name.",
            entry.original.display()
        ))
        .into());
    }
    move_file(&entry.trashed, &entry.original)?;
    write_trash(config, &entries)?;
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::CatalogDoc;

    fn article(title: &str, url: Option<&str>, text: &str) -> Article {
        Article {
            title: title.into(),
            url: url.map(str::to_string),
            paragraphs: text.split("\n\n").map(str::to_string).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn a_diff_names_added_removed_and_changed_sources() {
        let doc = |source: &str, text: &str| {
            (
                Document {
                    source: source.into(),
                    meta: corpus::Meta {
                        title: "T".into(),
                        ..corpus::Meta::default()
                    },
                    paragraphs: vec![text.into()],
                    path: None,
                },
                Extraction::default(),
            )
        };
        let before = Census::of_documents(&[doc("a", "one"), doc("b", "two")]);
        let after = Census::of_documents(&[doc("b", "two, edited"), doc("c", "three")]);
        let diff = before.diff(&after);
        assert_eq!(diff.added, vec!["c"]);
        assert_eq!(diff.removed, vec!["a"]);
        assert_eq!(diff.changed, vec!["b"]);
    }

    #[test]
    fn saved_articles_load_back_with_their_address_as_source() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::default();
        config.corpus.folders = vec![dir.path().to_path_buf()];
        let a = article(
            "Clash on the road",
            Some("https://example.org/a"),
            "# Not a heading\n\nSecond [x](y).",
        );
        let path = save(&config, &a).unwrap();
        let again = save(&config, &a).unwrap();
        assert_ne!(path, again, "a second save gets a name of its own");
        let loaded = corpus::load(&config.index_folders());
        assert_eq!(loaded.skipped, vec![]);
        let doc = &loaded.documents[0];
        assert_eq!(doc.source, "https://example.org/a");
        assert_eq!(doc.paragraphs, a.paragraphs);
    }

    #[test]
    fn files_are_read_by_kind_and_bad_jsonl_lines_reported() {
        let (articles, refused) = articles_from_file(
            "bulk.jsonl",
            b"{\"title\": \"A\", \"text\": \"Body of A.\"}\nnot json\n{\"title\": \"B\", \"text\": \"Body of B.\"}\n",
        )
        .unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(refused.len(), 1);
        assert!(refused[0].what.ends_with("line 2"), "{refused:?}");
        let (articles, _) = articles_from_file("a.txt", b"Title\n\nBody.").unwrap();
        assert_eq!(articles[0].title, "Title");
        assert!(articles_from_file("a.pdf", b"%PDF").is_err());
        assert!(articles_from_file("a.md", b"no front matter").is_err());
    }

    #[test]
    fn screening_refuses_what_is_indexed_and_keeps_near_duplicates() {
        let text = "The defence ministry said two soldiers were killed when their vehicle came under fire near the border village late on Sunday evening. Officials said an investigation had been opened into the incident and that the wounded were taken to hospital in the regional capital.";
        let catalog = Catalog::from_documents(
            Utc::now(),
            &[CatalogDoc {
                source: "https://wire.example/story".into(),
                meta: corpus::Meta {
                    title: "Soldiers killed".into(),
                    url: Some("https://wire.example/story".into()),
                    ..corpus::Meta::default()
                },
                paragraphs: vec![text.into()],
                extraction: Extraction::default(),
                path: None,
                duplicate_of: None,
                also_in: Vec::new(),
            }],
        )
        .unwrap();
        let (fresh, refused) = screen(
            &catalog,
            vec![
                article(
                    "Same address",
                    Some("https://wire.example/story?utm_source=x"),
                    "Other words entirely.",
                ),
                article("Same text", None, text),
                article(
                    "Syndicated",
                    Some("https://other.example/copy"),
                    &format!("{text}\n\nSubscribe to our newsletter."),
                ),
                article("Empty", None, ""),
            ],
        );
        let reasons: Vec<_> = refused.iter().map(|r| r.what.as_str()).collect();
        assert_eq!(reasons, vec!["Same address", "Same text", "Empty"]);
        assert_eq!(fresh.len(), 1);
        assert_eq!(fresh[0].1.as_deref(), Some("https://wire.example/story"));
    }

    #[test]
    fn ingested_reporting_enters_the_corpus_without_control_sequences() {
        let catalog = Catalog::from_documents(Utc::now(), &[]).unwrap();
        let mut hostile = article(
            "Title\u{1b}]0;owned\u{7}",
            Some("https://example.org/a"),
            "Body\u{1b}[2J text.\n\nMore\u{9b}1m.",
        );
        hostile.outlet = Some("Wire\u{7}".into());
        let (fresh, _) = screen(&catalog, vec![hostile]);
        let (clean, _) = &fresh[0];
        assert_eq!(clean.title, "Title");
        assert_eq!(clean.outlet.as_deref(), Some("Wire"));
        assert_eq!(clean.paragraphs, vec!["Body text.", "More."]);
    }

    #[test]
    fn forget_then_restore_moves_the_file_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let corpus_dir = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus_dir).unwrap();
        let file = corpus_dir.join("a.md");
        std::fs::write(&file, "+++\ntitle = \"A\"\n+++\nBody.\n").unwrap();
        let mut config = Config::default();
        config.corpus.folders = vec![corpus_dir.clone()];
        let loaded = corpus::load(&config.index_folders());
        let documents: Vec<CatalogDoc> = loaded
            .documents
            .into_iter()
            .map(|d| CatalogDoc {
                source: d.source,
                meta: d.meta,
                paragraphs: d.paragraphs,
                extraction: Extraction::default(),
                path: d.path,
                duplicate_of: None,
                also_in: Vec::new(),
            })
            .collect();
        let catalog = Catalog::from_documents(Utc::now(), &documents).unwrap();
        let entry = forget(&config, &catalog, "a.md").unwrap();
        assert!(!file.exists() && entry.trashed.exists());
        assert!(
            corpus::load(&config.index_folders()).documents.is_empty(),
            "the trash is not indexed"
        );
        assert!(forget(&config, &catalog, "nope.md").unwrap_err().is_user());
        restore(&config, "a.md").unwrap();
        assert!(file.exists());
        assert!(restore(&config, "a.md").unwrap_err().is_user());
    }
}
