//! `briefbot eval`: runs the extractor over every gold set it finds and scores it, each set
//! apart: the development article, the Reuters rounds (real newswire, annotated before the
//! extractor first read them) and the fixtures we wrote ourselves (unit tests, not a
//! measure). For each set it reports F1 for casualty claims and statements, how often a
//! figure read right is filed under the right side, and the errors by class.

mod reuters;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::corpus;
use crate::error::{Error, Result};
use crate::extract::eval::{ErrorClass, GoldSet, Report, Scores, score};
use crate::extract::{DocText, Extraction, Gazetteer, LearnedNames, extract_with};

pub use crate::error::evaluate::EvalError;
pub use reuters::Reuters;

/// What a gold set's documents are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The bundled article and its gold.
    Dev,
    /// Real newswire, annotated before the extractor first ran on it.
    Round,
    /// Text written for the tests: it pins behaviour, it measures nothing.
    Fixture,
}

/// Where a set's documents come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Markdown files in a folder, named by the gold's `file`.
    Folder(PathBuf),
    /// Reuters-21578 stories named in an ids file, generated as
    /// `../shared/eval-dev/reuters_corpus.py` does.
    Reuters(PathBuf),
}

/// A gold file and its documents.
#[derive(Debug, Clone)]
pub struct Set {
    pub name: String,
    pub kind: Kind,
    pub gold: PathBuf,
    pub source: Source,
}

/// One set's score.
pub struct Evaluation {
    /// Each document's records, for `--explain`.
    pub predicted: BTreeMap<String, Extraction>,
    pub name: String,
    pub kind: Kind,
    pub documents: usize,
    pub missing: Vec<String>,
    /// Documents whose paragraph count differs from the one the gold was written on.
    pub misaligned: Vec<String>,
    pub report: Report,
}

/// Where a round of web passages keeps its (uncommitted) documents, beside its gold.
pub const PASSAGES: &str = "passages";

/// Every gold set under the project `root`, with the shared data folder `shared` beside
/// it: the development article, Reuters round 0, our rounds, then our fixtures.
pub fn discover(root: &Path, shared: &Path) -> Vec<Set> {
    let mut sets = Vec::new();
    let dev = shared.join("eval-dev/gold.toml");
    if dev.is_file() {
        sets.push(Set {
            name: "article".into(),
            kind: Kind::Dev,
            gold: dev,
            source: Source::Folder(root.join("corpus")),
        });
    }
    let round0 = shared.join("eval-dev/reuters-round-0");
    if round0.join("gold.toml").is_file() {
        sets.push(Set {
            name: "reuters-round-0".into(),
            kind: Kind::Round,
            gold: round0.join("gold.toml"),
            source: Source::Reuters(round0.join("ids.txt")),
        });
    }
    for dir in subfolders(&root.join("tests/fixtures/rounds")) {
        if !dir.join("gold.toml").is_file() {
            continue;
        }
        let source = if dir.join("ids.txt").is_file() {
            Source::Reuters(dir.join("ids.txt"))
        } else if dir.join(PASSAGES).is_dir() {
            // Web passages are the outlets' text: they are kept beside the gold on the
            // machine that fetched them, never committed, so a clone has none to score.
            Source::Folder(dir.join(PASSAGES))
        } else {
            continue;
        };
        sets.push(Set {
            name: folder_name(&dir),
            kind: Kind::Round,
            gold: dir.join("gold.toml"),
            source,
        });
    }
    for dir in subfolders(&root.join("tests/fixtures")) {
        if !folder_name(&dir).starts_with("extract") {
            continue;
        }
        let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "toml")
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("gold"))
            })
            .collect();
        golds.sort();
        for gold in golds {
            let stem = gold
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = if stem == "gold" {
                folder_name(&dir)
            } else {
                format!("{}/{stem}", folder_name(&dir))
            };
            sets.push(Set {
                name,
                kind: Kind::Fixture,
                gold,
                source: Source::Folder(dir.clone()),
            });
        }
    }
    sets
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_gold(path: &Path) -> Result<GoldSet> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    toml::from_str(&text).map_err(|cause| {
        EvalError::Gold {
            path: path.to_path_buf(),
            cause,
        }
        .into()
    })
}

/// Scores one set. Names are learned over the set's documents first, as the index learns
/// them over its corpus.
pub fn run_set(set: &Set, gazetteer: &Gazetteer, reuters: &Reuters) -> Result<Evaluation> {
    let gold = read_gold(&set.gold)?;
    let documents: Vec<corpus::Document> = match &set.source {
        Source::Folder(dir) => corpus::load(std::slice::from_ref(dir)).documents,
        Source::Reuters(ids) => reuters.documents(ids)?,
    };
    let (predicted, missing, misaligned) = predict(&gold, &documents, gazetteer);
    let is_party = |id: &str| is_party(gazetteer, id);
    Ok(Evaluation {
        name: set.name.clone(),
        kind: set.kind,
        documents: gold.doc.len(),
        missing,
        misaligned,
        report: score(&gold, &predicted, &is_party),
        predicted,
    })
}

/// Scores the configured corpus against one gold file.
pub fn run_file(config: &Config, gold_path: &Path) -> Result<Evaluation> {
    let gold = read_gold(gold_path)?;
    let gazetteer = Gazetteer::with_config(&config.parties)?;
    let loaded = corpus::load(&config.corpus.folders);
    let (predicted, missing, misaligned) = predict(&gold, &loaded.documents, &gazetteer);
    let is_party = |id: &str| is_party(&gazetteer, id);
    Ok(Evaluation {
        name: gold_path.display().to_string(),
        kind: Kind::Fixture,
        documents: gold.doc.len(),
        missing,
        misaligned,
        report: score(&gold, &predicted, &is_party),
        predicted,
    })
}

/// A party id rather than a kind of source: one the gazetteer knows, or a country's rebels.
fn is_party(gazetteer: &Gazetteer, id: &str) -> bool {
    gazetteer.get(id).is_some()
        || id
            .strip_suffix("-rebels")
            .is_some_and(|c| gazetteer.get(c).is_some())
}

/// Each gold document's records; the gold documents not in the corpus; and those whose
/// paragraph count is not the one the gold records, each as "file: N paragraphs, the
/// gold's M".
fn predict(
    gold: &GoldSet,
    documents: &[corpus::Document],
    gazetteer: &Gazetteer,
) -> (BTreeMap<String, Extraction>, Vec<String>, Vec<String>) {
    let wanted: Vec<&corpus::Document> = gold
        .doc
        .iter()
        .filter_map(|g| documents.iter().find(|d| same_file(&d.source, &g.file)))
        .collect();
    let mut names = LearnedNames::default();
    for doc in &wanted {
        names.learn(&doc.paragraphs, gazetteer, doc.meta.published);
    }
    let mut predicted = BTreeMap::new();
    let mut missing = Vec::new();
    let mut misaligned = Vec::new();
    for g in &gold.doc {
        match documents.iter().find(|d| same_file(&d.source, &g.file)) {
            Some(doc) => {
                let have = doc.paragraphs.len();
                if let Some(want) = g.paragraphs.filter(|&want| want != have) {
                    misaligned.push(format!("{}: {have} paragraphs, the gold's {want}", g.file));
                }
                let text = DocText {
                    title: Some(doc.meta.title.as_str()),
                    published: doc.meta.published,
                    outlet: doc.meta.outlet.as_deref(),
                    paragraphs: &doc.paragraphs,
                };
                predicted.insert(g.file.clone(), extract_with(&text, gazetteer, &names));
            }
            None => {
                missing.push(g.file.clone());
                predicted.insert(g.file.clone(), Extraction::default());
            }
        }
    }
    (predicted, missing, misaligned)
}

/// A gold `file` names a corpus source by its relative path or by its file name.
fn same_file(source: &str, file: &str) -> bool {
    source == file
        || source.rsplit('/').next() == Some(file)
        || source.ends_with(&format!("/{file}"))
}

fn scores_json(s: &Scores) -> serde_json::Value {
    serde_json::json!({
        "tp": s.tp, "fp": s.fp, "fn": s.fn_,
        "precision": s.precision(), "recall": s.recall(), "f1": s.f1(),
    })
}

impl Evaluation {
    pub fn to_json(&self) -> serde_json::Value {
        let errors: serde_json::Map<String, serde_json::Value> = ErrorClass::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_string(),
                    serde_json::json!(self.report.errors.get(c).copied().unwrap_or(0)),
                )
            })
            .collect();
        serde_json::json!({
            "set": self.name,
            "kind": self.kind,
            "documents": self.documents,
            "missing": self.missing,
            "misaligned": self.misaligned,
            "casualties": scores_json(&self.report.casualties),
            "statements": scores_json(&self.report.statements),
            "sides": {"right": self.report.sides_right, "judged": self.report.sides_judged},
            "errors": errors,
            "details": self.report.details,
        })
    }
}

/// The table `briefbot eval` prints: one line per set, then the totals of the rounds.
pub fn render(evaluations: &[Evaluation], verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<30} {:>4}  {:<21}  {:<21}  {:>9}  errors: fig sta side clm miss extra",
        "set", "docs", "casualties F1 (P/R)", "statements F1 (P/R)", "sides"
    );
    let line = |out: &mut String, name: &str, docs: usize, r: &Report| {
        let f = |s: &Scores| format!("{:.3} ({:.2}/{:.2})", s.f1(), s.precision(), s.recall());
        let e = |c: ErrorClass| r.errors.get(&c).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "{:<30} {:>4}  {:<21}  {:<21}  {:>4}/{:<4}          {:>3} {:>3} {:>4} {:>3} {:>4} {:>5}",
            name,
            docs,
            f(&r.casualties),
            f(&r.statements),
            r.sides_right,
            r.sides_judged,
            e(ErrorClass::Figure),
            e(ErrorClass::Status),
            e(ErrorClass::Side),
            e(ErrorClass::Claimant),
            e(ErrorClass::Missed),
            e(ErrorClass::Extra),
        );
    };
    // Totals per family of rounds ("reuters", "pages"): the name before "-round-".
    let mut families: BTreeMap<&str, (usize, usize, Report)> = BTreeMap::new();
    for ev in evaluations {
        let tag = match ev.kind {
            Kind::Dev => "",
            Kind::Round => "",
            Kind::Fixture => " (fixture)",
        };
        line(
            &mut out,
            &format!("{}{tag}", ev.name),
            ev.documents,
            &ev.report,
        );
        if ev.kind == Kind::Round {
            let family = ev.name.split("-round-").next().unwrap_or(&ev.name);
            let (sets, docs, report) = families.entry(family).or_default();
            *sets += 1;
            *docs += ev.documents;
            report.merge(&ev.report);
        }
    }
    for (family, (sets, docs, report)) in &families {
        if *sets > 1 {
            line(&mut out, &format!("all {family} rounds"), *docs, report);
        }
    }
    for ev in evaluations {
        for file in &ev.missing {
            let _ = writeln!(out, "  {}: not in the corpus: {file}", ev.name);
        }
        for file in &ev.misaligned {
            let _ = writeln!(
                out,
                "  {}: not the copy the gold was written on: {file}",
                ev.name
            );
        }
        if verbose {
            for detail in &ev.report.details {
                let _ = writeln!(out, "  {}: {detail}", ev.name);
            }
        }
    }
    out
}

/// Every record of every document, with the words each party came from.
pub fn explain(evaluations: &[Evaluation]) -> String {
    let mut out = String::new();
    for ev in evaluations {
        for (file, x) in &ev.predicted {
            let _ = writeln!(out, "== {} {file}", ev.name);
            for s in &x.statements {
                let _ = writeln!(
                    out,
                    "  ¶{} statement {} [{}] {}{} :: {}",
                    s.paragraph,
                    s.speaker,
                    s.party.as_deref().unwrap_or("-"),
                    s.verb,
                    if s.direct { " (quoted)" } else { "" },
                    s.evidence.as_deref().unwrap_or("")
                );
            }
            for c in &x.claims {
                let figure = match (c.count, c.count_min, c.count_max) {
                    (Some(n), _, _) => n.to_string(),
                    (None, Some(a), Some(b)) => format!("{a}-{b}"),
                    (None, Some(a), None) => format!(">={a}"),
                    (None, None, Some(b)) => format!("<={b}"),
                    _ => "?".into(),
                };
                let _ = writeln!(
                    out,
                    "  ¶{} claim {figure} {} {} side={} ({}) by={} [{}] ({})",
                    c.paragraph,
                    c.who,
                    c.status.as_str(),
                    c.side.as_deref().unwrap_or("-"),
                    c.side_evidence.as_deref().unwrap_or(""),
                    c.according_to.speaker,
                    c.according_to.party.as_deref().unwrap_or("-"),
                    c.according_to.evidence.as_deref().unwrap_or("")
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
