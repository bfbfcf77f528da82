//! The one owner of index writing. Rebuilds are jobs handed to a single worker thread,
//! never run from a handler; the old generation keeps answering until the new one is
//! committed and the engine reloads it. A job asked for while one runs is told so at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::engine::Engine;
use crate::error::{Error, Result, UserError};
use crate::extract::Gazetteer;
use crate::index::{self, BuildSummary};

/// What the worker can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Reindex,
}

struct Queued {
    job: Job,
    reply: oneshot::Sender<Result<BuildSummary>>,
}

/// A handle to the index worker; clone it freely.
#[derive(Clone)]
pub struct Indexer {
    queue: mpsc::Sender<Queued>,
    busy: Arc<AtomicBool>,
}

/// The worker thread, joined on shutdown so a build in progress finishes or is dropped
/// cleanly, never torn.
pub struct Worker {
    thread: Option<JoinHandle<()>>,
}

impl Indexer {
    /// Starts the worker for `engine`.
    pub fn start(engine: Arc<Engine>) -> (Indexer, Worker) {
        let (queue, jobs) = mpsc::channel::<Queued>();
        let busy = Arc::new(AtomicBool::new(false));
        let worker_busy = busy.clone();
        let thread = std::thread::Builder::new()
            .name("index-writer".into())
            .spawn(move || {
                for queued in jobs {
                    let result = run(&engine, queued.job);
                    worker_busy.store(false, Ordering::SeqCst);
                    let _ = queued.reply.send(result);
                }
            })
            .ok();
        (Indexer { queue, busy }, Worker { thread })
    }

    /// Whether a job is running now.
    pub fn is_busy(&self) -> bool {
        self.busy.load(Ordering::SeqCst)
    }

    /// Hands `job` to the worker; the receiver yields its result. Refused with a
    /// [`UserError`] while another job runs.
    pub fn submit(&self, job: Job) -> Result<oneshot::Receiver<Result<BuildSummary>>> {
        if self
            .busy
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return Err(Error::User(UserError::new(
                "A reindex is already running; its result will be reported when it finishes.",
            )));
        }
        let (reply, receiver) = oneshot::channel();
        if self.queue.send(Queued { job, reply }).is_err() {
            self.busy.store(false, Ordering::SeqCst);
            return Err(Error::IndexData("the index worker has stopped".into()));
        }
        Ok(receiver)
    }
}

impl Worker {
    /// Waits for the job in progress, if any, after every [`Indexer`] handle is dropped.
    pub fn join(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(engine: &Engine, job: Job) -> Result<BuildSummary> {
    match job {
        Job::Reindex => {
            let config = engine.config();
            let gazetteer: &Gazetteer = engine.gazetteer();
            let summary = index::build(
                &config.index.path,
                &config.corpus.folders,
                gazetteer,
                &mut |_| true,
            )?;
            engine.reload()?;
            tracing::info!(
                documents = summary.documents,
                paragraphs = summary.paragraphs,
                seconds = summary.seconds,
                "reindexed"
            );
            Ok(summary)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn a_reindex_reports_and_a_second_while_one_runs_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for i in 0..200 {
            std::fs::write(
                corpus.join(format!("d{i}.md")),
                format!("+++\ntitle = \"D{i}\"\n+++\nParagraph one of {i}.\n\nTwo.\n"),
            )
            .unwrap();
        }
        let mut config = Config::default();
        config.corpus.folders = vec![corpus];
        config.index.path = dir.path().join("index");
        let (engine, _) = Engine::open(config).unwrap();
        let engine = Arc::new(engine);
        let (indexer, worker) = Indexer::start(engine.clone());
        let first = indexer.submit(Job::Reindex).unwrap();
        let second = indexer.submit(Job::Reindex);
        assert!(
            matches!(second, Err(ref e) if e.is_user()),
            "{:?}",
            second.err()
        );
        let summary = first.blocking_recv().unwrap().unwrap();
        assert_eq!((summary.documents, summary.paragraphs), (200, 400));
        assert!(!indexer.is_busy());
        assert!(
            indexer
                .submit(Job::Reindex)
                .unwrap()
                .blocking_recv()
                .unwrap()
                .is_ok()
        );
        drop(indexer);
        worker.join();
    }
}
