//! Indexing and answering speed, printed rather than asserted:
//! - indexing the bundled article (target: well under 100 ms);
//! - an `ask` process end to end with the index built (target: under 50 ms);
//! - on Reuters-21578, Distribution 1.0 (../shared/data/news), indexing with extraction
//!   against a build without it (target: no more than 3x).
//!
//! Run with `cargo bench --bench indexing`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefbot::corpus::{self, Document, Meta};
use briefbot::extract::{DocText, Gazetteer, extract};
use briefbot::index;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gazetteer = Gazetteer::builtin();
    let article = corpus::load(&[repo.join("corpus")]).documents;

    let dir = tempfile::tempdir().expect("a temporary folder");
    let times = repeat(20, || {
        index::build_documents(
            &dir.path().join("article"),
            article.clone(),
            &gazetteer,
            &mut |_| true,
        )
        .expect("the article indexes");
    });
    report("index the bundled article", &times);

    let index_dir = dir.path().join("article");
    let ask = |line: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_briefbot"))
            .args(["--corpus"])
            .arg(repo.join("corpus"))
            .arg("--index")
            .arg(&index_dir)
            .args(["ask", "--json", line])
            .output()
            .expect("briefbot runs");
        assert!(status.status.success());
    };
    report(
        "ask process, /search ambush",
        &repeat(20, || ask("/search ambush")),
    );
    report(
        "ask process, /casualties",
        &repeat(20, || ask("/casualties")),
    );

    let reuters = repo.join("../shared/data/news/reuters21578.jsonl");
    match load_jsonl(&reuters) {
        Some(documents) => reuters_bench(dir.path(), documents, &gazetteer),
        None => println!("(skipped Reuters: {} not found)", reuters.display()),
    }
}

fn reuters_bench(dir: &Path, documents: Vec<Document>, gazetteer: &Gazetteer) {
    let paragraphs: usize = documents.iter().map(|d| d.paragraphs.len()).sum();
    println!(
        "Reuters-21578: {} documents, {paragraphs} paragraphs",
        documents.len()
    );
    let started = Instant::now();
    let mut claims = 0;
    let mut statements = 0;
    for d in &documents {
        let extraction = extract(
            &DocText {
                title: Some(d.meta.title.as_str()),
                published: d.meta.published,
                outlet: d.meta.outlet.as_deref(),
                paragraphs: &d.paragraphs,
            },
            gazetteer,
        );
        claims += extraction.claims.len();
        statements += extraction.statements.len();
    }
    let extraction = started.elapsed();
    println!(
        "  extraction alone: {:.2} s ({claims} claims, {statements} statements)",
        extraction.as_secs_f64()
    );
    let articles: Vec<briefbot::ingest::Article> = documents
        .iter()
        .map(|d| briefbot::ingest::Article {
            title: d.meta.title.clone(),
            paragraphs: d.paragraphs.clone(),
            ..Default::default()
        })
        .collect();
    let started = Instant::now();
    let groups = briefbot::ingest::dedup::group(&articles);
    println!(
        "  near-duplicate grouping alone: {:.2} s ({} groups of more than one)",
        started.elapsed().as_secs_f64(),
        groups.iter().filter(|g| g.len() > 1).count()
    );
    let mode_time = |mode: index::ExtractionMode, documents: Vec<Document>| {
        let started = Instant::now();
        index::build_documents_with(
            &dir.join("reuters"),
            documents,
            gazetteer,
            mode,
            &mut |_| true,
        )
        .expect("Reuters indexes");
        started.elapsed()
    };
    let without = mode_time(index::ExtractionMode::Skip, documents.clone());
    let with = mode_time(index::ExtractionMode::Run, documents);
    println!("  build without extraction: {:.2} s", without.as_secs_f64());
    println!("  build with extraction: {:.2} s", with.as_secs_f64());
    println!(
        "  ratio: {:.2}x (target: at most 3x)",
        with.as_secs_f64() / without.as_secs_f64().max(1e-9)
    );
}

fn load_jsonl(path: &PathBuf) -> Option<Vec<Document>> {
    #[derive(serde::Deserialize)]
    struct Record {
        id: String,
        title: String,
        outlet: Option<String>,
        published: Option<String>,
        text: String,
    }
    let text = std::fs::read_to_string(path).ok()?;
    let documents = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Record>(line).ok())
        .filter_map(|r| {
            let body = r.text.replace("\n    ", "\n\n");
            let paragraphs = briefbot::text::paragraphs(&body);
            (!paragraphs.is_empty()).then(|| Document {
                source: r.id,
                meta: Meta {
                    title: if r.title.is_empty() {
                        "(untitled)".into()
                    } else {
                        r.title
                    },
                    outlet: r.outlet,
                    published: r
                        .published
                        .and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    ..Meta::default()
                },
                paragraphs,
                path: None,
            })
        })
        .collect();
    Some(documents)
}

fn repeat(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect()
}

fn report(what: &str, times: &[Duration]) {
    let mut ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms ({} runs)",
        at(0.5),
        at(0.9),
        ms[0],
        ms.len()
    );
}
