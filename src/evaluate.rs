//! `briefbot eval`: runs the extractor over the corpus and scores it against a gold set,
//! matching by document, paragraph, figure, status, side and claimant.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::config::Config;
use crate::corpus;
use crate::error::{Error, Result};
use crate::extract::eval::{GoldSet, Report, Scores, score};
use crate::extract::{DocText, Extraction, Gazetteer, extract};

/// A score over the whole gold set, with the gold documents the corpus lacks.
pub struct Evaluation {
    pub report: Report,
    pub documents: usize,
    pub missing: Vec<String>,
}

/// Scores the configured corpus against the gold file at `gold_path`.
pub fn run(config: &Config, gold_path: &Path) -> Result<Evaluation> {
    let text = std::fs::read_to_string(gold_path).map_err(|e| Error::io(gold_path, e))?;
    let gold: GoldSet = toml::from_str(&text)
        .map_err(|e| Error::Config(format!("{}: {}", gold_path.display(), e.to_string().trim())))?;
    let gazetteer = Gazetteer::with_config(&config.parties).map_err(Error::Config)?;
    let loaded = corpus::load(&config.corpus.folders);
    let mut predicted = BTreeMap::new();
    let mut missing = Vec::new();
    for gold_doc in &gold.doc {
        let found = loaded
            .documents
            .iter()
            .find(|d| same_file(&d.source, &gold_doc.file));
        let extraction = match found {
            Some(doc) => extract(
                &DocText {
                    published: doc.meta.published,
                    outlet: doc.meta.outlet.as_deref(),
                    paragraphs: &doc.paragraphs,
                },
                &gazetteer,
            ),
            None => {
                missing.push(gold_doc.file.clone());
                Extraction::default()
            }
        };
        predicted.insert(gold_doc.file.clone(), extraction);
    }
    Ok(Evaluation {
        report: score(&gold, &predicted),
        documents: gold.doc.len(),
        missing,
    })
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
        serde_json::json!({
            "documents": self.documents,
            "missing": self.missing,
            "casualties": scores_json(&self.report.casualties),
            "statements": scores_json(&self.report.statements),
            "details": self.report.details,
        })
    }

    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let line = |out: &mut String, name: &str, s: &Scores| {
            let _ = writeln!(
                out,
                "{name:<11} precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.tp,
                s.fp,
                s.fn_
            );
        };
        let _ = writeln!(out, "{} gold documents", self.documents);
        for file in &self.missing {
            let _ = writeln!(out, "  not in the corpus: {file}");
        }
        line(&mut out, "casualties", &self.report.casualties);
        line(&mut out, "statements", &self.report.statements);
        if verbose {
            for detail in &self.report.details {
                let _ = writeln!(out, "  {detail}");
            }
        }
        out
    }
}
