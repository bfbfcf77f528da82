//! The source documents: found recursively in the corpus folders, parsed from Markdown
//! with TOML front matter or plain text, and split into numbered paragraphs. A file that
//! cannot be read or parsed is reported with its reason; the rest still load.
//!
//! Only what lies inside a corpus folder is read: a link that leads out of it is
//! reported, not followed, and anything but a regular file is passed over. Control
//! characters are dropped as the text is read, so nothing that reaches an answer can
//! drive a terminal.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::error::corpus::DocumentError;
use crate::text;

/// One source document, its paragraphs numbered from 1 by position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to its corpus folder (`/`-separated), or the URL it came from.
    pub source: String,
    pub meta: Meta,
    pub paragraphs: Vec<String>,
    /// The file it was loaded from, when it came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
}

/// Front matter: `title` required, the rest optional. Unknown keys are an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    #[serde(default, deserialize_with = "date::optional")]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    /// When the bot fetched it, for ingested reporting.
    #[serde(default, skip_serializing)]
    pub fetched_at: Option<toml::value::Datetime>,
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// What a load found: the documents in corpus order and the files it had to skip.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

/// The file kinds the loader reads, by extension.
fn is_document(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "txt")
    )
}

/// The largest document the loader reads: far more than any article, and little enough
/// that a mistaken dump in the corpus folder cannot exhaust memory.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Loads every document under `folders`, recursively, in folder order and then path order.
/// Hidden files and folders (a leading `.`) are passed over.
pub fn load(folders: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    for folder in folders {
        let mut files = Vec::new();
        let walked = std::fs::canonicalize(folder)
            .and_then(|root| walk(&root, folder, &mut files, &mut loaded.skipped));
        if let Err(e) = walked {
            loaded.skipped.push(Skipped {
                path: folder.clone(),
                reason: format!("cannot read folder: {e}"),
            });
            continue;
        }
        files.sort();
        for path in files {
            let source = relative_source(folder, &path);
            match load_file(&path, source) {
                Ok(mut document) => {
                    // Reporting the bot fetched is cited by the address it came from.
                    if document.meta.fetched_at.is_some()
                        && let Some(url) = &document.meta.url
                    {
                        document.source = url.clone();
                    }
                    document.path = Some(path);
                    loaded.documents.push(document)
                }
                Err(reason) => loaded.skipped.push(Skipped {
                    path,
                    reason: reason.to_string(),
                }),
            }
        }
    }
    loaded
}

/// Collects the documents under `dir`, which lies in the corpus folder `root` (given
/// canonical, so a link can be checked against it).
fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) -> std::io::Result<()> {
    let entries = std::fs::read_dir(dir)?;
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            // A sub-folder that cannot be read is passed over; its siblings still load.
            let _ = walk(root, &path, files, skipped);
        } else if kind.is_symlink() {
            match std::fs::canonicalize(&path) {
                Err(_) => skipped.push(Skipped {
                    path,
                    reason: "a link to nothing".into(),
                }),
                Ok(target) if !target.starts_with(root) => skipped.push(Skipped {
                    reason: format!(
                        "a link out of the corpus folder (to {}): not followed",
                        target.display()
                    ),
                    path,
                }),
                // A link to a folder inside the corpus would load its files twice.
                Ok(target) if target.is_file() && is_document(&path) => files.push(path),
                Ok(_) => {}
            }
        } else if is_document(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn relative_source(folder: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(folder).unwrap_or(path);
    let source = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    text::strip_controls(&source).into_owned()
}

/// Reads and parses one file; the error is the reason, for the skipped list.
pub fn load_file(path: &Path, source: String) -> Result<Document, DocumentError> {
    let bytes = crate::files::read_regular(path, MAX_DOCUMENT_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| DocumentError::NotUtf8 {
        valid_up_to: e.utf8_error().valid_up_to(),
    })?;
    let is_text = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_text {
        parse_text(&text, source)
    } else {
        parse_markdown(&text, source)
    }
}

/// Markdown with TOML front matter between `+++` lines.
pub fn parse_markdown(text: &str, source: String) -> Result<Document, DocumentError> {
    let text = text::strip_controls(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    let (front, body) = split_front_matter(text)?;
    let meta: Meta = toml::from_str(front).map_err(DocumentError::FrontMatter)?;
    if meta.title.trim().is_empty() {
        return Err(DocumentError::EmptyTitle);
    }
    document(source, meta, text::paragraphs(body))
}

/// Plain text: the first non-empty line is the title, the rest the body.
pub fn parse_text(text: &str, source: String) -> Result<Document, DocumentError> {
    let text = text::strip_controls(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let title = lines.next().map(str::trim).unwrap_or("");
    if title.is_empty() {
        return Err(DocumentError::Empty);
    }
    let body: Vec<&str> = lines.collect();
    let meta = Meta {
        title: title.to_string(),
        ..Meta::default()
    };
    document(source, meta, text::paragraphs(&body.join("\n")))
}

/// The date a news site writes into an article's address
/// (".../articles/2024/02/04/..." or ".../2024-02-04-..."): the day it was published, for
/// a document whose front matter gives none.
fn date_in_url(url: &str) -> Option<NaiveDate> {
    static DATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/_-]|$)")
            .expect("a valid pattern")
    });
    let caps = DATED.captures(url)?;
    let part = |n: usize| caps.get(n)?.as_str().parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(part(1)?).ok()?, part(2)?, part(3)?)
}

fn document(
    source: String,
    mut meta: Meta,
    paragraphs: Vec<String>,
) -> Result<Document, DocumentError> {
    // Front matter may spell a control character as a TOML escape.
    for field in [&mut meta.title].into_iter().chain(
        [
            &mut meta.outlet,
            &mut meta.url,
            &mut meta.author,
            &mut meta.language,
        ]
        .into_iter()
        .flatten(),
    ) {
        if let std::borrow::Cow::Owned(clean) = text::strip_controls(field) {
            *field = clean;
        }
    }
    if paragraphs.is_empty() {
        return Err(DocumentError::NoParagraphs);
    }
    if meta.published.is_none() {
        meta.published = meta.url.as_deref().and_then(date_in_url);
    }
    Ok(Document {
        source,
        meta,
        paragraphs,
        path: None,
    })
}

/// Splits `+++\n<toml>\n+++\n<body>`.
fn split_front_matter(text: &str) -> Result<(&str, &str), DocumentError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(DocumentError::NoFrontMatter);
    }
    let front_start = first.len();
    let mut offset = front_start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Ok((&text[front_start..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(DocumentError::FrontMatterNotClosed)
}

mod date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, de::Error};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Toml(toml::value::Datetime),
        Text(String),
    }

    /// `published = 2023-03-06` (a TOML date) or `"2023-03-06"`; a date-time keeps its date.
    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = match Option::<Raw>::deserialize(d)? {
            None => return Ok(None),
            Some(Raw::Toml(dt)) => match dt.date {
                Some(date) => {
                    return NaiveDate::from_ymd_opt(
                        date.year.into(),
                        date.month.into(),
                        date.day.into(),
                    )
                    .map(Some)
                    .ok_or_else(|| D::Error::custom("`published` is not a valid date"));
                }
                None => {
                    return Err(D::Error::custom(
                        "`published` must be a date like 2023-03-06",
                    ));
                }
            },
            Some(Raw::Text(text)) => text,
        };
        let head = text.get(..10).unwrap_or(&text);
        NaiveDate::parse_from_str(head, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                D::Error::custom(format!(
                    "`published` must be a date like 2023-03-06, not {text:?}"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_in_the_address_dates_an_undated_article() {
        let text = "+++\ntitle = \"T\"\nurl = \"https://novayagazeta.eu/articles/2024/02/04/head-confirms-28-dead\"\n+++\nBody.\n";
        let doc = parse_markdown(text, "a.md".into()).unwrap();
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2024, 2, 4));
        // A date the front matter gives wins; an address with no date gives none.
        let text = "+++\ntitle = \"T\"\npublished = 2024-02-05\nurl = \"https://x.org/2024/02/04/a\"\n+++\nBody.\n";
        let doc = parse_markdown(text, "a.md".into()).unwrap();
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2024, 2, 5));
        let text = "+++\ntitle = \"T\"\nurl = \"https://x.org/?p=183188\"\n+++\nBody.\n";
        let doc = parse_markdown(text, "a.md".into()).unwrap();
        assert_eq!(doc.meta.published, None);
    }

    use super::*;

    const ARTICLE: &str = include_str!("../../corpus/karabakh-clash-2023-03-06.md");

    #[test]
    fn the_article_has_twenty_two_paragraphs_numbered_from_the_body() {
        let doc = parse_markdown(ARTICLE, "a.md".into()).unwrap();
        assert_eq!(
            doc.meta.title,
            "Russia says its peacekeepers halted weekend clash in Karabakh"
        );
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2023, 3, 6));
        assert_eq!(doc.paragraphs.len(), 22);
        assert!(doc.paragraphs[0].starts_with("Russia said Monday its peacekeepers"));
        assert!(doc.paragraphs[2].contains("described the shooting as an “ambush,”"));
        assert!(
            doc.paragraphs[6]
                .ends_with("a statement by the Azerbaijani Defense Ministry said late Monday.")
        );
    }

    #[test]
    fn front_matter_takes_the_optional_keys() {
        let text = "+++\ntitle = \"T\"\npublished = \"2024-01-02\"\noutlet = \"O\"\nurl = \"http://x\"\nauthor = \"A\"\nlanguage = \"en\"\n+++\nBody.\n";
        let doc = parse_markdown(text, "t.md".into()).unwrap();
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(doc.meta.outlet.as_deref(), Some("O"));
        assert_eq!(doc.paragraphs, vec!["Body."]);
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let err = parse_markdown("+++\noutlet = \"O\"\n+++\nBody.\n", "t.md".into())
            .unwrap_err()
            .to_string();
        assert!(err.contains("title"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_the_key() {
        let err = parse_markdown(
            "+++\ntitle = \"T\"\nsection = \"world\"\n+++\nBody.\n",
            "t.md".into(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("section"), "{err}");
    }

    #[test]
    fn bad_front_matter_is_an_error() {
        assert!(parse_markdown("+++\ntitle = \n+++\nBody.\n", "t.md".into()).is_err());
        assert!(
            parse_markdown("+++\ntitle = \"T\"\nBody.\n", "t.md".into())
                .unwrap_err()
                .to_string()
                .contains("not closed")
        );
        assert!(
            parse_markdown("# Just markdown\n\nBody.\n", "t.md".into())
                .unwrap_err()
                .to_string()
                .contains("front matter")
        );
        let err = parse_markdown(
            "+++\ntitle = \"T\"\npublished = \"last week\"\n+++\nBody.\n",
            "t.md".into(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("published"), "{err}");
    }

    #[test]
    fn a_bad_front_matter_is_told_apart_from_an_empty_document() {
        let bad = parse_markdown("+++\ntitle = \n+++\nBody.\n", "t.md".into()).unwrap_err();
        assert!(matches!(bad, DocumentError::FrontMatter(_)), "{bad:?}");
        let empty = parse_markdown("+++\ntitle = \"T\"\n+++\n\n", "t.md".into()).unwrap_err();
        assert!(matches!(empty, DocumentError::NoParagraphs), "{empty:?}");
        assert_eq!(empty.to_string(), "no text after the title");
    }

    #[test]
    fn a_skipped_file_names_the_file_and_the_front_matter_reason_on_one_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.md"), "+++\ntitle = \n+++\nBody.\n").unwrap();
        let loaded = load(&[dir.path().to_path_buf()]);
        let [skipped] = loaded.skipped.as_slice() else {
            panic!("{:?}", loaded.skipped);
        };
        assert!(skipped.path.ends_with("bad.md"), "{skipped:?}");
        assert!(skipped.reason.starts_with("front matter: "), "{skipped:?}");
        assert!(!skipped.reason.contains('\n'), "{skipped:?}");
    }

    #[test]
    fn plain_text_takes_its_first_line_as_title() {
        let doc = parse_text(
            "\nThe title\n\nFirst paragraph\nstill first.\n\nSecond.\n",
            "t.txt".into(),
        )
        .unwrap();
        assert_eq!(doc.meta.title, "The title");
        assert_eq!(
            doc.paragraphs,
            vec!["First paragraph still first.", "Second."]
        );
    }

    #[test]
    fn empty_files_are_errors() {
        assert_eq!(
            parse_text("  \n\n", "t.txt".into())
                .unwrap_err()
                .to_string(),
            "empty file"
        );
        assert_eq!(
            parse_markdown("", "t.md".into()).unwrap_err().to_string(),
            "empty file"
        );
    }

    #[test]
    fn a_folder_load_reports_bad_files_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/.hidden")).unwrap();
        std::fs::write(root.join("b.md"), "+++\ntitle = \"B\"\n+++\nB body.\n").unwrap();
        std::fs::write(root.join("sub/a.txt"), "A title\n\nA body.\n").unwrap();
        std::fs::write(root.join("sub/latin1.txt"), b"Title\n\ncaf\xe9\n").unwrap();
        std::fs::write(root.join("empty.md"), "").unwrap();
        std::fs::write(root.join("notes.json"), "{}").unwrap();
        std::fs::write(root.join("sub/.hidden/x.md"), "").unwrap();
        let loaded = load(&[root.to_path_buf()]);
        let sources: Vec<_> = loaded.documents.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(sources, vec!["b.md", "sub/a.txt"]);
        let mut reasons: Vec<_> = loaded
            .skipped
            .iter()
            .map(|s| {
                (
                    s.path.file_name().unwrap().to_string_lossy().into_owned(),
                    s.reason.clone(),
                )
            })
            .collect();
        reasons.sort();
        assert_eq!(reasons.len(), 2);
        assert_eq!(reasons[0], ("empty.md".into(), "empty file".into()));
        assert!(
            reasons[1].0 == "latin1.txt" && reasons[1].1.contains("not UTF-8"),
            "{reasons:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_corpus_are_reported_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        let outside = dir.path().join("secret.txt");
        std::fs::write(&outside, "root:x:0:0\n\nroot:x:0:0:root:/root:/bin/bash\n").unwrap();
        std::fs::write(root.join("a.md"), "+++\ntitle = \"A\"\n+++\nA body.\n").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("sub/passwd.txt")).unwrap();
        std::os::unix::fs::symlink("/etc", root.join("etc")).unwrap();
        std::os::unix::fs::symlink(root.join("a.md"), root.join("sub/alias.md")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.md"), root.join("broken.md")).unwrap();
        let loaded = load(std::slice::from_ref(&root));
        let sources: Vec<_> = loaded.documents.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(
            sources,
            vec!["a.md", "sub/alias.md"],
            "a link inside is kept"
        );
        assert!(
            loaded
                .documents
                .iter()
                .all(|d| d.paragraphs.iter().all(|p| !p.contains("root:"))),
            "{loaded:?}"
        );
        let mut skipped: Vec<_> = loaded
            .skipped
            .iter()
            .map(|s| {
                s.path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        skipped.sort();
        assert_eq!(skipped, vec!["broken.md", "etc", "sub/passwd.txt"]);
        let passwd = loaded
            .skipped
            .iter()
            .find(|s| s.path.ends_with("passwd.txt"))
            .unwrap();
        assert!(passwd.reason.contains("out of the corpus"), "{passwd:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_named_like_a_document_is_passed_over_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let err = load_file(&fifo, "pipe.md".into()).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
    }

    #[test]
    fn control_characters_never_reach_a_document() {
        let text = "+++\ntitle = \"Clear\\u001b[2J screen\"\n+++\n\
                    Body \u{1b}]0;owned\u{7}with \u{1b}[2Jcontrols\u{9b}1m.\r\n";
        let doc = parse_markdown(text, "t.md".into()).unwrap();
        assert_eq!(doc.meta.title, "Clear screen");
        assert_eq!(doc.paragraphs, vec!["Body with controls."]);
        let doc = parse_text("Title\u{1b}[2J\n\nBody\u{7}.\n", "t.txt".into()).unwrap();
        assert_eq!(
            (doc.meta.title.as_str(), doc.paragraphs[0].as_str()),
            ("Title", "Body.")
        );
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let loaded = load(&[PathBuf::from("/nonexistent/corpus")]);
        assert!(loaded.documents.is_empty());
        assert_eq!(loaded.skipped.len(), 1);
    }
}
