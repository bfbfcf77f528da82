//! JSONL bulk import: one article per line as `{title, outlet, url, published, text}`.
//! A bad line is reported with its number and the good lines are kept.

use serde::Deserialize;

use super::{Article, collapse_whitespace, parse_date};

/// Why one line of a JSONL file was not imported. `line` counts from 1.
#[derive(Debug)]
pub struct LineError {
    pub line: usize,
    pub reason: LineReason,
}

/// What is wrong with one line, in the words a moderator reads.
#[derive(Debug, thiserror::Error)]
pub enum LineReason {
    #[error("not valid JSON: {0}")]
    NotJson(serde_json::Error),
    #[error("wrong field type: {0}")]
    WrongType(serde_json::Error),
    #[error("missing \"title\"")]
    MissingTitle,
    #[error("missing \"text\": the article has no text")]
    MissingText,
    #[error("\"published\" is not a date: {0:?}")]
    BadDate(String),
    #[error("\"url\": {0}")]
    BadUrl(super::IngestError),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// One line as written. Unknown keys (ids, scores from other tools) are ignored.
#[derive(Deserialize)]
struct Record {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
    language: Option<String>,
    text: Option<String>,
}

/// Parses a JSONL file. Blank lines are skipped; every other line either becomes an
/// article or a [`LineError`].
pub fn parse(text: &str) -> (Vec<Article>, Vec<LineError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(article) => articles.push(article),
            Err(reason) => errors.push(LineError {
                line: i + 1,
                reason,
            }),
        }
    }
    (articles, errors)
}

fn parse_line(line: &str) -> Result<Article, LineReason> {
    let record: Record = serde_json::from_str(line).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LineReason::WrongType(e),
        _ => LineReason::NotJson(e),
    })?;
    let non_empty =
        |v: Option<String>| v.map(|s| collapse_whitespace(&s)).filter(|s| !s.is_empty());
    let title = non_empty(record.title).ok_or(LineReason::MissingTitle)?;
    let paragraphs = split_paragraphs(record.text.as_deref().unwrap_or(""));
    if paragraphs.is_empty() {
        return Err(LineReason::MissingText);
    }
    let published = match non_empty(record.published) {
        Some(date) => Some(parse_date(&date).ok_or_else(|| LineReason::BadDate(date.clone()))?),
        None => None,
    };
    let url = match non_empty(record.url) {
        Some(url) => Some(super::url::normalise(&url).map_err(LineReason::BadUrl)?),
        None => None,
    };
    Ok(Article {
        title,
        outlet: non_empty(record.outlet),
        url,
        published,
        author: non_empty(record.author),
        language: non_empty(record.language),
        fetched_at: None,
        paragraphs,
    })
}

/// Splits article text into paragraphs: on blank lines when there are any; otherwise on a
/// newline followed by indentation, as Reuters writes paragraphs; otherwise on every
/// newline. Lines inside a paragraph are joined with a space.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank_line = text.trim().lines().any(|l| l.trim().is_empty());
    let blocks: Vec<String> = if has_blank_line {
        let mut blocks = vec![String::new()];
        for line in text.lines() {
            if line.trim().is_empty() {
                blocks.push(String::new());
            } else if let Some(last) = blocks.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        }
        blocks
    } else if text.trim().contains("\n ") || text.trim().contains("\n\t") {
        let mut blocks: Vec<String> = Vec::new();
        for line in text.lines() {
            match blocks.last_mut() {
                Some(last) if !line.starts_with([' ', '\t']) => {
                    last.push(' ');
                    last.push_str(line);
                }
                _ => blocks.push(line.to_owned()),
            }
        }
        blocks
    } else {
        text.lines().map(str::to_owned).collect()
    };
    blocks
        .iter()
        .map(|b| collapse_whitespace(b))
        .filter(|b| !b.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_are_kept_and_bad_lines_reported_by_number() {
        let (articles, errors) = parse(include_str!("../../tests/fixtures/ingest/bulk.jsonl"));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "Azerbaijan says checkpoint on Lachin road is a border post",
                "Armenia asks court to order road reopened",
                "Peacekeepers report exchange of fire near Stepanakert",
                "Residents describe shortages after weeks of blockade",
            ]
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 5, 6, 8, 9, 11], "{errors:#?}");
        let reason = |line| {
            errors
                .iter()
                .find(|e| e.line == line)
                .unwrap()
                .reason
                .to_string()
        };
        assert!(reason(3).starts_with("not valid JSON"), "{}", reason(3));
        assert_eq!(reason(5), "missing \"title\"");
        assert!(reason(6).starts_with("missing \"text\""), "{}", reason(6));
        assert!(
            reason(8).contains("\"published\" is not a date"),
            "{}",
            reason(8)
        );
        assert!(reason(9).starts_with("wrong field type"), "{}", reason(9));
        assert!(reason(11).contains("only http and https"), "{}", reason(11));

        let first = &articles[0];
        assert_eq!(first.outlet.as_deref(), Some("Caucasus Wire"));
        assert_eq!(
            first.published.map(|d| d.to_string()).as_deref(),
            Some("2023-04-24")
        );
        assert_eq!(
            first.url.as_deref(),
            Some("https://caucasuswire.example/2023/04/24/checkpoint")
        );
        assert_eq!(first.paragraphs.len(), 3);
        assert_eq!(
            articles[1].paragraphs.len(),
            3,
            "Reuters-style indented paragraphs"
        );
        assert_eq!(articles[2].paragraphs.len(), 2, "one paragraph per line");
    }

    #[test]
    fn paragraph_splitting_handles_the_common_layouts() {
        assert_eq!(
            split_paragraphs("a\nb\n\nc\r\n\r\n\r\nd"),
            vec!["a b", "c", "d"]
        );
        assert_eq!(
            split_paragraphs("BAKU (Reuters) - One.\n    Two\ncontinues.\n    Three."),
            vec!["BAKU (Reuters) - One.", "Two continues.", "Three."]
        );
        assert_eq!(split_paragraphs("one\ntwo\n"), vec!["one", "two"]);
        assert_eq!(split_paragraphs("\n\n  single  \n"), vec!["single"]);
        assert!(split_paragraphs(" \n\n ").is_empty());
    }

    #[test]
    fn any_input_gives_errors_not_panics() {
        let (articles, errors) = parse("\u{feff}{\"title\":1}\n[]\nnull\n\"x\"\n{\n}}}\n\u{0}");
        assert!(articles.is_empty());
        assert_eq!(errors.len(), 7, "{errors:?}");
    }
}
