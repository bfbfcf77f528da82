//! The bot: built, opened and asked as its front ends ask it.

use std::path::Path;

use briefbot::config::Config;
use briefbot::corpus::Document;
use briefbot::engine::Engine;
use briefbot::extract::Gazetteer;
use briefbot::index::{self, ExtractionMode};
use briefbot::render;

pub(crate) fn bot_build(dir: &Path, documents: Vec<Document>, gazetteer: &Gazetteer) {
    index::build_documents_with(dir, documents, gazetteer, ExtractionMode::Run, &mut |_| {
        true
    })
    .expect("the bot builds");
}

pub(crate) fn bot_config(work: &Path, index: &Path) -> Config {
    let corpus = work.join("empty-corpus");
    std::fs::create_dir_all(&corpus).expect("an empty corpus folder");
    let mut config = Config::default();
    config.corpus.folders = vec![corpus];
    config.index.path = index.to_path_buf();
    config
}

pub(crate) fn open_bot(work: &Path, dir: &Path) -> Engine {
    Engine::open(bot_config(work, dir))
        .expect("the bot opens")
        .0
}

/// What a command line costs a user: parsed, answered and drawn as text.
pub(crate) fn bot_text(engine: &Engine, line: &str) -> usize {
    match engine.ask_line_window(line, render::text::window()) {
        Ok(answer) => render::text::render(
            &answer,
            engine.gazetteer(),
            render::text::Style { ansi: false },
        )
        .len(),
        Err(_) => 0,
    }
}

/// A page of a command line as the Discord adapter answers it.
pub(crate) fn bot_page(engine: &Engine, line: &str, page: usize) -> usize {
    let Ok(invocation) = briefbot::commands::parse_line(line) else {
        return 0;
    };
    let Ok(request) = engine.request(&invocation) else {
        return 0;
    };
    match briefbot::discord::answer_page(engine, &request, line, page) {
        Ok(answered) => answered.pages,
        Err(_) => 0,
    }
}
