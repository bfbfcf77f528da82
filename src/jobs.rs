//! The one owner of index writing. Rebuilds, ingests, forgets and restores are jobs
//! handed to a single worker thread, never run from a handler; the old generation keeps
//! answering until the new one is committed and the engine reloads it. A reindex asked
//! for while one is pending is told so at once; other jobs wait their turn.
//!
//! A job either completes or leaves the corpus as it found it: it takes the index's build
//! lock before it changes a file (so a rebuild running elsewhere refuses it untouched),
//! and puts its changes back if its rebuild fails.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use crate::corpus::{self, Skipped};
use crate::engine::Engine;
use crate::error::{Error, Result, UserError};
use crate::extract::{DocText, extract};
use crate::index::{self, BuildSummary};
use crate::ingest::Article;
use crate::library::{self, Added, Census, CorpusChange, Diff, Refused, TrashEntry};

/// What the worker can be asked to do.
#[derive(Debug, Clone)]
pub enum Job {
    /// Rebuild from the corpus; a dry run reports the diff without writing.
    Reindex { dry_run: bool },
    /// Save new reporting to the ingested folder and rebuild.
    Ingest(Vec<Article>),
    /// Move a source's file to the trash and rebuild.
    Forget(String),
    /// Bring a forgotten source back and rebuild.
    Restore(String),
}

/// A reindex as `/status` and the moderators see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReindexReport {
    pub dry_run: bool,
    pub documents: usize,
    pub paragraphs: usize,
    pub diff: Diff,
    pub skipped: Vec<SkippedFile>,
    pub seconds: f64,
    pub finished_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedFile {
    pub path: PathBuf,
    pub reason: String,
}

impl From<Skipped> for SkippedFile {
    fn from(s: Skipped) -> Self {
        Self {
            path: s.path,
            reason: s.reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngestReport {
    pub added: Vec<Added>,
    pub refused: Vec<Refused>,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrashReport {
    pub entry: TrashEntry,
    pub documents: usize,
    pub seconds: f64,
}

/// What a finished job reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "job", rename_all = "lowercase")]
pub enum Outcome {
    Reindex(ReindexReport),
    Ingest(IngestReport),
    Forget(TrashReport),
    Restore(TrashReport),
}

struct Queued {
    job: Job,
    reply: oneshot::Sender<Result<Outcome>>,
}

/// A handle to the index worker; clone it freely.
#[derive(Clone)]
pub struct Indexer {
    queue: mpsc::Sender<Queued>,
    reindex_pending: Arc<AtomicBool>,
    last_reindex: Arc<Mutex<Option<ReindexReport>>>,
    holds: Arc<Holds>,
}

/// How many [`Held`] there are; the worker starts no job while there is one.
#[derive(Default)]
struct Holds {
    count: Mutex<usize>,
    released: std::sync::Condvar,
}

impl Holds {
    fn wait_released(&self) {
        let mut count = self.count.lock().unwrap_or_else(|p| p.into_inner());
        while *count > 0 {
            count = self.released.wait(count).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// Keeps the worker from starting another job until dropped: the index and the corpus
/// stay as they are while someone copies them away, or a test looks at a job in flight.
pub struct Held {
    holds: Arc<Holds>,
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut count = self.holds.count.lock().unwrap_or_else(|p| p.into_inner());
        *count -= 1;
        self.holds.released.notify_all();
    }
}

/// The worker thread, joined on shutdown so a job in progress finishes, never torn.
pub struct Worker {
    thread: Option<JoinHandle<()>>,
}

const LAST_REINDEX: &str = "last-reindex.json";

impl Indexer {
    /// Starts the worker for `engine`.
    pub fn start(engine: Arc<Engine>) -> (Indexer, Worker) {
        let (queue, jobs) = mpsc::channel::<Queued>();
        let reindex_pending = Arc::new(AtomicBool::new(false));
        let last_path = engine.config().index.path.join(LAST_REINDEX);
        let last = std::fs::read(&last_path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        let last_reindex = Arc::new(Mutex::new(last));
        let pending = reindex_pending.clone();
        let last_for_worker = last_reindex.clone();
        let holds = Arc::new(Holds::default());
        let holds_for_worker = holds.clone();
        let writer = index::Writer::new(&engine.config().index.path);
        let thread = std::thread::Builder::new()
            .name("index-writer".into())
            .spawn(move || {
                for queued in jobs {
                    holds_for_worker.wait_released();
                    let is_reindex = matches!(queued.job, Job::Reindex { .. });
                    let result = run(&engine, &writer, queued.job);
                    if let Ok(Outcome::Reindex(report)) = &result
                        && !report.dry_run
                    {
                        remember(&last_path, report, &last_for_worker);
                    }
                    if is_reindex {
                        pending.store(false, Ordering::SeqCst);
                    }
                    let _ = queued.reply.send(result);
                }
            })
            .ok();
        let indexer = Indexer {
            queue,
            reindex_pending,
            last_reindex,
            holds,
        };
        (indexer, Worker { thread })
    }

    /// Holds the worker before its next job until the [`Held`] is dropped; jobs queue
    /// meanwhile, and a reindex asked for is pending.
    pub fn hold(&self) -> Held {
        *self.holds.count.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        Held {
            holds: self.holds.clone(),
        }
    }

    /// Whether a reindex is queued or running now.
    pub fn is_busy(&self) -> bool {
        self.reindex_pending.load(Ordering::SeqCst)
    }

    /// The last reindex that was committed, kept across restarts.
    pub fn last_reindex(&self) -> Option<ReindexReport> {
        self.last_reindex
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Hands `job` to the worker; the receiver yields its outcome. A reindex is refused
    /// with a [`UserError`] while another is pending.
    pub fn submit(&self, job: Job) -> Result<oneshot::Receiver<Result<Outcome>>> {
        let is_reindex = matches!(job, Job::Reindex { .. });
        if is_reindex
            && self
                .reindex_pending
                .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
        {
            return Err(Error::User(UserError::new(
                "A reindex is already running; its result will be reported when it finishes.",
            )));
        }
        let (reply, receiver) = oneshot::channel();
        if self.queue.send(Queued { job, reply }).is_err() {
            if is_reindex {
                self.reindex_pending.store(false, Ordering::SeqCst);
            }
            return Err(Error::WorkerStopped);
        }
        Ok(receiver)
    }

    /// Submits `job` and waits for its outcome, from synchronous code.
    pub fn run_blocking(&self, job: Job) -> Result<Outcome> {
        self.submit(job)?
            .blocking_recv()
            .map_err(|_| Error::WorkerStoppedDuringJob)?
    }

    /// Submits `job` and waits for its outcome, from async code.
    pub async fn run(&self, job: Job) -> Result<Outcome> {
        self.submit(job)?
            .await
            .map_err(|_| Error::WorkerStoppedDuringJob)?
    }
}

impl Worker {
    /// Whether the thread has ended (every handle gone, its last job done).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the job in progress, if any, after every [`Indexer`] handle is dropped.
    pub fn join(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn remember(path: &std::path::Path, report: &ReindexReport, last: &Mutex<Option<ReindexReport>>) {
    if let Ok(bytes) = serde_json::to_vec_pretty(report) {
        let temporary = path.with_extension("json.tmp");
        if std::fs::write(&temporary, bytes).is_ok() {
            let _ = std::fs::rename(&temporary, path);
        }
    }
    *last.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(report.clone());
}

fn run(engine: &Engine, writer: &index::Writer, job: Job) -> Result<Outcome> {
    let started = Instant::now();
    let outcome = match job {
        Job::Reindex { dry_run: true } => Outcome::Reindex(dry_run(engine, started)?),
        Job::Reindex { dry_run: false } => {
            let before = Census::of_catalog(&engine.snapshot().catalog);
            let summary = rebuild(engine, writer)?;
            let after = Census::of_catalog(&engine.snapshot().catalog);
            Outcome::Reindex(report(false, &summary, before.diff(&after), started))
        }
        Job::Ingest(articles) => Outcome::Ingest(ingest(engine, writer, articles, started)?),
        Job::Forget(source) => {
            let lock = writer.lock()?;
            let entry = library::forget(engine.config(), &engine.snapshot().catalog, &source)?;
            let change = CorpusChange::Forgotten(entry.clone());
            let summary = rebuild_or_undo(engine, writer, &lock, change)?;
            Outcome::Forget(TrashReport {
                entry,
                documents: summary.documents,
                seconds: started.elapsed().as_secs_f64(),
            })
        }
        Job::Restore(source) => {
            let lock = writer.lock()?;
            let entry = library::restore(engine.config(), &source)?;
            let change = CorpusChange::Restored(entry.clone());
            let summary = rebuild_or_undo(engine, writer, &lock, change)?;
            Outcome::Restore(TrashReport {
                entry,
                documents: summary.documents,
                seconds: started.elapsed().as_secs_f64(),
            })
        }
    };
    tracing::info!(outcome = ?outcome_name(&outcome), seconds = started.elapsed().as_secs_f64(), "index job done");
    Ok(outcome)
}

fn outcome_name(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Reindex(r) if r.dry_run => "reindex (dry run)",
        Outcome::Reindex(_) => "reindex",
        Outcome::Ingest(_) => "ingest",
        Outcome::Forget(_) => "forget",
        Outcome::Restore(_) => "restore",
    }
}

/// Builds a new generation from the corpus and switches the engine to it.
fn rebuild(engine: &Engine, writer: &index::Writer) -> Result<BuildSummary> {
    let folders = engine.config().index_folders();
    let summary = writer.rebuild(&folders, engine.gazetteer(), &mut |_| true)?;
    engine.reload()?;
    Ok(summary)
}

/// Rebuilds after `change`; if the build fails, takes the change back, so the corpus is
/// as the job found it and the index answers as before.
fn rebuild_or_undo(
    engine: &Engine,
    writer: &index::Writer,
    lock: &index::BuildLock,
    change: CorpusChange,
) -> Result<BuildSummary> {
    let config = engine.config();
    match writer.build(
        lock,
        &config.index_folders(),
        engine.gazetteer(),
        &mut |_| true,
    ) {
        Ok(summary) => {
            engine.reload()?;
            Ok(summary)
        }
        Err(e) => {
            if let Err(undo) = change.undo(config) {
                tracing::error!(error = %undo, "could not take back a failed job's change to the corpus");
            }
            Err(e)
        }
    }
}

fn report(dry_run: bool, summary: &BuildSummary, diff: Diff, started: Instant) -> ReindexReport {
    ReindexReport {
        dry_run,
        documents: summary.documents,
        paragraphs: summary.paragraphs,
        diff,
        skipped: summary
            .skipped
            .iter()
            .cloned()
            .map(SkippedFile::from)
            .collect(),
        seconds: started.elapsed().as_secs_f64(),
        finished_at: Utc::now(),
    }
}

/// What a reindex would change, read from the corpus without writing anything.
fn dry_run(engine: &Engine, started: Instant) -> Result<ReindexReport> {
    let config = engine.config();
    let loaded = corpus::load(&config.index_folders());
    let extracted: Vec<_> = loaded
        .documents
        .into_iter()
        .map(|d| {
            let extraction = extract(
                &DocText {
                    title: Some(d.meta.title.as_str()),
                    published: d.meta.published,
                    outlet: d.meta.outlet.as_deref(),
                    paragraphs: &d.paragraphs,
                },
                engine.gazetteer(),
            );
            (d, extraction)
        })
        .collect();
    let diff =
        Census::of_catalog(&engine.snapshot().catalog).diff(&Census::of_documents(&extracted));
    let summary = BuildSummary {
        documents: extracted.len(),
        paragraphs: extracted.iter().map(|(d, _)| d.paragraphs.len()).sum(),
        claims: diff.claims_after,
        statements: diff.statements_after,
        skipped: loaded.skipped,
        seconds: 0.0,
        repaired: None,
    };
    Ok(report(true, &summary, diff, started))
}

fn ingest(
    engine: &Engine,
    writer: &index::Writer,
    articles: Vec<Article>,
    started: Instant,
) -> Result<IngestReport> {
    let lock = writer.lock()?;
    let (fresh, mut refused) = library::screen(&engine.snapshot().catalog, articles);
    let mut saved = Vec::new();
    for (article, copy_of) in fresh {
        match library::save(engine.config(), &article) {
            Ok(path) => saved.push((path, copy_of)),
            Err(e) => refused.push(Refused {
                what: article.title.clone(),
                reason: e.to_string(),
            }),
        }
    }
    if !saved.is_empty() {
        let paths = saved.iter().map(|(path, _)| path.clone()).collect();
        rebuild_or_undo(engine, writer, &lock, CorpusChange::Saved(paths))?;
    }
    let snapshot = engine.snapshot();
    let added = saved
        .into_iter()
        .filter_map(|(path, copy_of)| {
            let doc = snapshot
                .catalog
                .documents()
                .find(|d| d.path() == Some(path.as_path()))?;
            Some(Added {
                source: doc.source().to_string(),
                title: doc.title().to_string(),
                outlet: doc.outlet().map(str::to_string),
                published: doc.published(),
                paragraphs: doc.paragraph_count(),
                claims: doc.claim_ids().len(),
                statements: doc.statement_ids().len(),
                copy_of,
            })
        })
        .collect();
    Ok(IngestReport {
        added,
        refused,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn engine_on(dir: &std::path::Path, documents: usize) -> Arc<Engine> {
        let corpus = dir.join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for i in 0..documents {
            std::fs::write(
                corpus.join(format!("d{i}.md")),
                format!("+++\ntitle = \"D{i}\"\n+++\nParagraph one of {i}.\n\nTwo.\n"),
            )
            .unwrap();
        }
        let mut config = Config::default();
        config.corpus.folders = vec![corpus];
        config.index.path = dir.join("index");
        Arc::new(Engine::open(config).unwrap().0)
    }

    fn reindex(outcome: Outcome) -> ReindexReport {
        match outcome {
            Outcome::Reindex(report) => report,
            other => panic!("not a reindex: {other:?}"),
        }
    }

    #[test]
    fn a_reindex_reports_and_a_second_while_one_runs_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (indexer, worker) = Indexer::start(engine_on(dir.path(), 200));
        let first = indexer.submit(Job::Reindex { dry_run: false }).unwrap();
        let second = indexer.submit(Job::Reindex { dry_run: false });
        assert!(
            matches!(second, Err(ref e) if e.is_user()),
            "{:?}",
            second.err()
        );
        let report = reindex(first.blocking_recv().unwrap().unwrap());
        assert_eq!((report.documents, report.paragraphs), (200, 400));
        assert_eq!(report.diff, Diff::default());
        assert!(!indexer.is_busy());
        assert_eq!(indexer.last_reindex(), Some(report));
        drop(indexer);
        worker.join();
    }

    #[test]
    fn a_dry_run_reports_the_diff_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine_on(dir.path(), 3);
        let generation = engine.snapshot().generation.clone();
        let corpus = dir.path().join("corpus");
        std::fs::remove_file(corpus.join("d0.md")).unwrap();
        std::fs::write(corpus.join("d1.md"), "+++\ntitle = \"D1\"\n+++\nChanged.\n").unwrap();
        std::fs::write(corpus.join("new.md"), "+++\ntitle = \"N\"\n+++\nNew.\n").unwrap();
        let (indexer, _worker) = Indexer::start(engine.clone());
        let report = reindex(
            indexer
                .run_blocking(Job::Reindex { dry_run: true })
                .unwrap(),
        );
        assert!(report.dry_run);
        assert_eq!(report.diff.added, vec!["new.md"]);
        assert_eq!(report.diff.removed, vec!["d0.md"]);
        assert_eq!(report.diff.changed, vec!["d1.md"]);
        assert_eq!(
            engine.snapshot().generation,
            generation,
            "nothing committed"
        );
        let real = reindex(
            indexer
                .run_blocking(Job::Reindex { dry_run: false })
                .unwrap(),
        );
        assert_eq!(real.diff, report.diff);
        assert_ne!(engine.snapshot().generation, generation);
    }

    fn files_under(folder: &std::path::Path) -> Vec<String> {
        let mut names = Vec::new();
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    names.extend(files_under(&path));
                } else {
                    names.push(path.to_string_lossy().into_owned());
                }
            }
        }
        names.sort();
        names
    }

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| Article {
                title: format!("Report {i}"),
                url: Some(format!("https://news.example/{i}")),
                paragraphs: vec![format!("Paragraph of report {i} about the checkpoint.")],
                ..Article::default()
            })
            .collect()
    }

    #[test]
    fn a_job_refused_by_a_rebuild_elsewhere_changes_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine_on(dir.path(), 2);
        let corpus = dir.path().join("corpus");
        let (indexer, _worker) = Indexer::start(engine.clone());
        let before = files_under(dir.path());
        {
            // Another process rebuilding this index holds its lock.
            let _rebuild = index::BuildLock::acquire(&engine.config().index.path).unwrap();
            for job in [
                Job::Ingest(articles(9)),
                Job::Forget("d0.md".into()),
                Job::Restore("d0.md".into()),
            ] {
                let err = indexer.run_blocking(job.clone()).unwrap_err();
                assert!(
                    err.to_string().contains("Another rebuild"),
                    "{job:?}: {err}"
                );
                assert_eq!(files_under(dir.path()), before, "{job:?}");
            }
        }
        let Outcome::Ingest(report) = indexer.run_blocking(Job::Ingest(articles(9))).unwrap()
        else {
            panic!()
        };
        assert_eq!((report.added.len(), report.refused.len()), (9, 0));
        assert_eq!(
            files_under(&corpus.join("ingested")).len(),
            9,
            "no `-2` copies"
        );
        assert_eq!(engine.snapshot().catalog.len(), 11);
    }

    #[test]
    fn a_job_whose_rebuild_fails_puts_the_corpus_back() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine_on(dir.path(), 2);
        let corpus = dir.path().join("corpus");
        let (indexer, _worker) = Indexer::start(engine.clone());
        indexer.run_blocking(Job::Forget("d1.md".into())).unwrap();
        let before = files_under(&corpus);
        let trash_before = library::trash(engine.config()).unwrap();
        // A folder where `CURRENT` must go: every build fails when it swaps it.
        let current = engine.config().index.path.join("CURRENT");
        std::fs::remove_file(&current).unwrap();
        std::fs::create_dir_all(current.join("in-the-way")).unwrap();
        for job in [
            Job::Ingest(articles(3)),
            Job::Forget("d0.md".into()),
            Job::Restore("d1.md".into()),
        ] {
            assert!(indexer.run_blocking(job.clone()).is_err(), "{job:?}");
            assert_eq!(files_under(&corpus), before, "{job:?}");
            assert_eq!(
                library::trash(engine.config()).unwrap(),
                trash_before,
                "{job:?}"
            );
        }
    }

    #[test]
    fn ingest_then_forget_then_restore_through_the_worker() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine_on(dir.path(), 1);
        let (indexer, _worker) = Indexer::start(engine.clone());
        let article = Article {
            title: "Ambush on the Lachin road".into(),
            url: Some("https://news.example/lachin".into()),
            outlet: Some("Example News".into()),
            paragraphs: vec![
                "Three police officers were killed in an ambush, the interior ministry said."
                    .into(),
            ],
            ..Article::default()
        };
        let Outcome::Ingest(report) = indexer
            .run_blocking(Job::Ingest(vec![article.clone()]))
            .unwrap()
        else {
            panic!()
        };
        assert_eq!(report.added.len(), 1, "{report:?}");
        assert_eq!(report.added[0].source, "https://news.example/lachin");
        let hits = engine.ask_line("/search ambush").unwrap();
        assert_eq!(hits.citations()[0].source, "https://news.example/lachin");
        let Outcome::Ingest(again) = indexer.run_blocking(Job::Ingest(vec![article])).unwrap()
        else {
            panic!()
        };
        assert!(again.added.is_empty() && again.refused.len() == 1);

        indexer
            .run_blocking(Job::Forget("https://news.example/lachin".into()))
            .unwrap();
        assert!(
            engine
                .ask_line("/search ambush")
                .unwrap()
                .citations()
                .is_empty()
        );
        indexer
            .run_blocking(Job::Restore("https://news.example/lachin".into()))
            .unwrap();
        assert_eq!(
            engine.ask_line("/search ambush").unwrap().citations().len(),
            1
        );
    }
}
