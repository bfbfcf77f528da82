//! The build entry points: a build takes the folder's lock, records its new generation
//! before making it, writes it, makes it current and then removes the generations it
//! replaced; one that fails or is cancelled removes only its own remains.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::folder::{BuildLock, Generations, make_current, new_generation_name};
use crate::corpus::Document;
use crate::error::{Error, Result};
use crate::extract::Gazetteer;

/// What a build reports as it goes: documents done out of the total.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What a finished build reports.
#[derive(Debug, Clone, Serialize)]
pub struct BuildSummary {
    pub documents: usize,
    pub paragraphs: usize,
    pub claims: usize,
    pub statements: usize,
    pub skipped: Vec<crate::corpus::Skipped>,
    pub seconds: f64,
    /// What was damaged, when this build replaced a damaged index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repaired: Option<String>,
}

/// Loads the corpus folders and builds a new generation from them under `lock`; only
/// the [`Writer`](super::Writer) calls it.
pub(super) fn build_locked(
    lock: &BuildLock,
    folders: &[PathBuf],
    gazetteer: &Gazetteer,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let loaded = crate::corpus::load(folders);
    let mut summary = build_generation(
        lock,
        loaded.documents,
        gazetteer,
        ExtractionMode::Run,
        progress,
    )?;
    summary.skipped = loaded.skipped;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Whether a build runs the extractor (always, but for measuring what it costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractionMode {
    Run,
    Skip,
}

/// Builds a new generation from documents already loaded, then makes it current: for the
/// benchmarks and tests that build from documents they made. The bot builds from its
/// corpus only through the [`Writer`](super::Writer).
pub fn build_documents(
    path: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    build_documents_with(path, documents, gazetteer, ExtractionMode::Run, progress)
}

/// [`build_documents`], choosing whether the extractor runs: the benchmark compares
/// building with and without it.
pub fn build_documents_with(
    path: &Path,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let lock = BuildLock::acquire(path)?;
    build_generation(&lock, documents, gazetteer, extraction, progress)
}

fn build_generation(
    lock: &BuildLock,
    documents: Vec<Document>,
    gazetteer: &Gazetteer,
    extraction: ExtractionMode,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let path = lock.path.as_path();
    let name = new_generation_name();
    let generation = path.join(&name);
    // Recorded before it exists, so even a killed build's remains are known to be ours.
    let mut record = Generations::read(path)?;
    record.names.push(name.clone());
    record.write(path)?;
    let result = std::fs::create_dir(&generation)
        .map_err(|e| Error::io(&generation, e))
        .and_then(|()| {
            super::build::write_generation(&generation, documents, gazetteer, extraction, progress)
        })
        .and_then(|written| make_current(path, &generation).map(|()| written));
    let written = match result {
        Ok(written) => written,
        Err(e) => {
            if std::fs::remove_dir_all(&generation).is_ok() {
                record.names.retain(|n| *n != name);
                let _ = record.write(path);
            }
            return Err(e);
        }
    };
    record.remove_all_but(path, &name);
    let docs = &written.documents;
    Ok(BuildSummary {
        documents: docs.len(),
        paragraphs: docs.iter().map(|d| d.paragraphs.len()).sum(),
        claims: docs.iter().map(|d| d.extraction.claims.len()).sum(),
        statements: docs.iter().map(|d| d.extraction.statements.len()).sum(),
        skipped: Vec::new(),
        seconds: started.elapsed().as_secs_f64(),
        repaired: None,
    })
}
