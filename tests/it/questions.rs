//! The questions people ask in plain words, asked and scored end to end: how each is read
//! and whether the answer cites the passage that answers it. Two sets: the first, written
//! before the reading was changed for it, whose first-run score is recorded; and a fresh
//! batch written after, scored on its own first run. Some cases are "must not": plain words
//! never run a moderator's command, and a real question is never answered with /help.

use std::sync::OnceLock;

use briefbot::answer::Answer;
use briefbot::engine::Engine;
use briefbot::extract::Gazetteer;

use crate::support::{article_engine, config, repo};

/// Which corpus a question is asked of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum On {
    /// The bundled article.
    Article,
    /// Reuters round 1 (`tests/fixtures/rounds/reuters-round-1`).
    Round,
}

/// One question and what answers it.
#[derive(Debug, Clone, Copy)]
struct Q {
    on: On,
    /// A question asked before, when this one is a follow-up to its answer.
    after: Option<&'static str>,
    ask: &'static str,
    /// The commands it may be read as.
    reads: &'static [&'static str],
    /// Passages that answer it, as (source, paragraph); one must be among the answer's
    /// first three citations. Empty: the reading alone is checked.
    cites: &'static [(&'static str, usize)],
    /// The index has no answer: the reply must say so rather than cite something.
    none: bool,
}

const ARTICLE: &str = "karabakh-clash-2023-03-06.md";

const fn q(on: On, ask: &'static str, reads: &'static [&'static str]) -> Q {
    Q {
        on,
        after: None,
        ask,
        reads,
        cites: &[],
        none: false,
    }
}

const fn a(
    ask: &'static str,
    reads: &'static [&'static str],
    cites: &'static [(&'static str, usize)],
) -> Q {
    Q {
        cites,
        ..q(On::Article, ask, reads)
    }
}

const fn r(
    ask: &'static str,
    reads: &'static [&'static str],
    cites: &'static [(&'static str, usize)],
) -> Q {
    Q {
        cites,
        ..q(On::Round, ask, reads)
    }
}

const fn follow(
    after: &'static str,
    ask: &'static str,
    reads: &'static [&'static str],
    cites: &'static [(&'static str, usize)],
) -> Q {
    Q {
        after: Some(after),
        ..a(ask, reads, cites)
    }
}

const fn nothing(on: On, ask: &'static str, reads: &'static [&'static str]) -> Q {
    Q {
        none: true,
        ..q(on, ask, reads)
    }
}

const CAS: &[&str] = &["casualties"];
const ST: &[&str] = &["statement"];
const SE: &[&str] = &["search"];
const TL: &[&str] = &["timeline"];
const ST_OR_SE: &[&str] = &["statement", "search"];

macro_rules! p {
    ($($n:expr),*) => { &[$((ARTICLE, $n)),*] };
}

/// The first set: written before the question reader was changed for it.
const FIRST: &[Q] = &[
    // How many.
    a("how many soldiers died?", CAS, p!(4, 7)),
    a("how many Azerbaijani soldiers were killed?", CAS, p!(4, 7)),
    a(
        "how many Armenian police officers were killed?",
        CAS,
        p!(3, 4),
    ),
    a("how many were injured?", CAS, p!(7)),
    a("how many people were hurt in the shootout?", CAS, p!(7)),
    a("did anyone die?", CAS, p!(3, 4, 7)),
    a("who was killed in the shootout?", CAS, p!(3, 4, 7)),
    a("list the casualty figures", CAS, p!(3, 4, 7)),
    // What a party said.
    a("what did Baku say about the peacekeepers?", ST, p!(9, 10)),
    a("what did Russia say?", ST, p!(1, 2, 4, 5)),
    a("what did Armenia say about the shooting?", ST, p!(3)),
    a("what did the us say", ST, p!(20)),
    a("what did Blinken say?", ST, p!(20)),
    a(
        "did Azerbaijan deny that its soldiers fired first?",
        ST,
        p!(6, 7, 8, 9),
    ),
    a("did Russia confirm the deaths?", ST, p!(4)),
    a("what did the Russian Foreign Ministry say?", ST, p!(5)),
    a("Kremlin statement on the clash", ST, p!(1, 2, 4)),
    a("what did Azerbaijan's president say?", ST, p!(19)),
    a(
        "what did Armenia's Interior Ministry call the shooting?",
        ST_OR_SE,
        p!(3),
    ),
    a("show me Russia's statements", ST, p!(1, 2, 4, 5)),
    nothing(On::Article, "what did Iran say about the clash?", ST),
    nothing(On::Article, "what does the EU say?", ST),
    // Who, what, why, where: passages.
    a("who fired first?", SE, p!(3, 7)),
    a("who described the shooting as an ambush", SE, p!(3)),
    a("where did it happen?", SE, p!(1, 3)),
    a("where is Karabakh?", SE, p!(1, 14)),
    a("what is the Lachin road?", SE, p!(12)),
    a("is the Lachin road open?", SE, p!(12)),
    a(
        "what happened on the Lachin road",
        &["search", "timeline"],
        p!(12),
    ),
    a("who are the peacekeepers?", SE, p!(4)),
    a(
        "why did Azerbaijani soldiers stop the vehicle?",
        SE,
        p!(3, 7),
    ),
    a("what weapons were involved?", SE, p!(7, 8)),
    a("how long did the 2020 war last?", SE, p!(15)),
    a("how many settlements did Azerbaijan liberate?", SE, p!(15)),
    a("who brokered the 2020 deal?", SE, p!(4, 16)),
    a("who is Louis Bono?", SE, p!(18)),
    a("what did Aliyev discuss with Bono?", ST_OR_SE, p!(18, 21)),
    // When.
    a("when did the clash happen?", TL, p!(3, 7)),
    a("what happened on March 5?", TL, p!(3, 7)),
    a("when did the 2020 war end?", TL, p!(16)),
    a("when did the 2020 war start?", TL, p!(15)),
    a("when did Aliyev meet Bono?", TL, p!(18)),
    a("what happened?", TL, &[]),
    a("timeline of the clash", TL, p!(3, 7)),
    // About the bot.
    q(On::Article, "what sources do you have?", &["sources"]),
    q(On::Article, "help", &["help"]),
    q(On::Article, "what can you do?", &["help"]),
    // Typos.
    a("how many soldiers were kiled?", CAS, p!(4, 7)),
    a("what did azerbijan say about the ambush", ST, p!(3)),
    a("casulties?", CAS, p!(3, 4, 7)),
    a("waht happened on March 5", TL, p!(3, 7)),
    // Other scripts.
    a("что сказала Россия?", ST, p!(1, 2, 4, 5)),
    a("сколько солдат погибло?", CAS, p!(4, 7)),
    a("Azərbaycan nə dedi?", ST, p!(3, 6, 7)),
    // Follow-ups.
    follow(
        "what did Baku say about the peacekeepers?",
        "and Russia?",
        ST,
        p!(2, 4),
    ),
    follow(
        "how many Azerbaijani soldiers were killed?",
        "and the wounded?",
        CAS,
        p!(7),
    ),
    follow(
        "how many Azerbaijani soldiers were killed?",
        "what about Armenia?",
        CAS,
        p!(3, 4),
    ),
    // A Reuters round.
    r(
        "how many people died in the ferry disaster?",
        CAS,
        &[("2944", 1), ("2944", 2)],
    ),
    r(
        "how many workers were killed at the zinc refinery?",
        CAS,
        &[("1077", 1)],
    ),
    r("how many died in Kaduna?", CAS, &[("3650", 1)]),
    r(
        "what did Tass say about the US attack?",
        ST,
        &[("21369", 1), ("21369", 2), ("21369", 3), ("21369", 7)],
    ),
    r(
        "what did Rafsanjani say?",
        ST,
        &[("8749", 2), ("8749", 5), ("8749", 6)],
    ),
    r("who freed the Saudi diplomat?", SE, &[("6391", 1)]),
    r(
        "what did France say about Chad?",
        ST,
        &[("12736", 1), ("12736", 2), ("9695", 3)],
    ),
    r(
        "are the Libyans leaving Chad?",
        SE,
        &[("9695", 1), ("9695", 2)],
    ),
    r(
        "what happened in Manila?",
        &["search", "timeline"],
        &[("17309", 1)],
    ),
    r(
        "how much damage did the US raid cause?",
        SE,
        &[("20090", 1), ("20101", 2)],
    ),
    r("did Iraq shoot down an Iranian plane?", SE, &[("17117", 4)]),
    r("where was the tanker hit?", SE, &[("5866", 3), ("5866", 1)]),
    r("who is fighting near Sidon?", SE, &[("14915", 2)]),
    r(
        "what did the Nigerian government say about the clashes?",
        ST,
        &[("3650", 2), ("3650", 3)],
    ),
    r(
        "what did the US tell the UN?",
        ST,
        &[("20881", 1), ("20881", 4), ("20881", 7)],
    ),
];

/// The first set's score on its first run, before any rule was written for it.
const FIRST_RUN: (usize, usize) = (51, 72);
/// What it scores now, and is held to.
const NOW: (usize, usize) = (66, 72);

/// The second set: written fresh after the reading was changed for the first, and scored
/// on its own first run.
const SECOND: &[Q] = &[
    a("how many Armenian officers died?", CAS, p!(3, 4)),
    a("were any Azerbaijani servicemen wounded?", CAS, p!(7)),
    a(
        "what did Moscow say about the fighting?",
        ST,
        p!(1, 2, 4, 5),
    ),
    a(
        "what did the Azerbaijani Defense Ministry say about the peacekeepers?",
        ST,
        p!(9, 10),
    ),
    a("how did Armenia describe the shooting?", ST_OR_SE, p!(3)),
    a("who called it hypocrisy?", SE, p!(8)),
    a("where is the checkpoint supposed to be?", SE, p!(12)),
    a("when did the 44-day war begin?", TL, p!(15)),
    a("what happened on Monday?", TL, p!(1, 4, 7, 18)),
    a("who met Aliyev?", SE, p!(17, 18, 22)),
    a("how many wounded?", CAS, p!(7)),
    follow(
        "what did Russia say about the clash?",
        "and Azerbaijan?",
        ST,
        p!(6),
    ),
    a("сколько раненых?", CAS, p!(7)),
    a("Rusiya nə dedi?", ST, p!(1, 2, 4, 5)),
    r(
        "what did Iraq say about the attack near Basra?",
        ST,
        &[("245", 1), ("245", 2), ("245", 3)],
    ),
    r(
        "how many ships were attacked in the Gulf?",
        SE,
        &[("10647", 7)],
    ),
    r(
        "what did Aziz say about the missiles?",
        ST_OR_SE,
        &[("10647", 1), ("10647", 3), ("10647", 4), ("10647", 8)],
    ),
    r("who was killed at the zinc plant?", CAS, &[("1077", 1)]),
    r(
        "when did Libya bomb the Ouadi Doum airstrip?",
        TL,
        &[("12736", 1)],
    ),
    r(
        "what did Krutikhin say?",
        ST_OR_SE,
        &[("21369", 2), ("21369", 3), ("21369", 7)],
    ),
];

/// The second set's score on its first run.
const SECOND_FIRST_RUN: (usize, usize) = (19, 20);

/// An engine over Reuters round 1, built once per test process.
fn round_engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    let (_, engine) = ENGINE.get_or_init(|| {
        let shared = repo().join("../shared");
        let data = shared.join("data/news/reuters21578.jsonl");
        assert!(
            data.is_file(),
            "the shared data folder is not beside the project: {}",
            shared.display()
        );
        let ids = repo().join("tests/fixtures/rounds/reuters-round-1/ids.txt");
        let documents = briefbot::evaluate::Reuters::new(data)
            .documents(&ids)
            .expect("round 1 builds");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let index = dir.path().join("index");
        briefbot::index::build_documents(&index, documents, &Gazetteer::builtin(), &mut |_| true)
            .expect("round 1 indexes");
        let (engine, _) = Engine::open(config(vec![corpus], &index)).expect("round 1 opens");
        (dir, engine)
    });
    engine
}

fn engine(on: On) -> &'static Engine {
    match on {
        On::Article => article_engine(),
        On::Round => round_engine(),
    }
}

/// How a question went: its reading and the first citations of its answer.
struct Asked {
    command: String,
    cited: Vec<(String, usize)>,
    no_answer: bool,
}

fn asked(question: &Q) -> Asked {
    let engine = engine(question.on);
    let gazetteer = engine.gazetteer();
    let reading = match question.after {
        None => briefbot::question::read(question.ask, gazetteer),
        Some(before) => {
            let previous = briefbot::question::read(before, gazetteer);
            briefbot::question::follow_up(&previous, question.ask, gazetteer)
                .unwrap_or_else(|| briefbot::question::read(question.ask, gazetteer))
        }
    };
    let answer = engine
        .answer_reading(question.ask, &reading)
        .unwrap_or_else(|e| panic!("{:?}: {e}", question.ask));
    let Answer::Ask {
        read_as, no_answer, ..
    } = &answer
    else {
        panic!("not a reading: {answer:?}")
    };
    let cited = answer
        .citations()
        .iter()
        .take(3)
        .map(|c| (c.source.clone(), c.paragraph))
        .collect();
    Asked {
        command: read_as.command.clone(),
        cited,
        no_answer: no_answer.is_some(),
    }
}

fn is_right(question: &Q, got: &Asked) -> bool {
    let read_right = question.reads.contains(&got.command.as_str());
    let cites_right = question.cites.is_empty()
        || got.cited.iter().any(|(source, paragraph)| {
            question
                .cites
                .iter()
                .any(|(want, p)| source.contains(want) && p == paragraph)
        });
    read_right && cites_right && got.no_answer == question.none
}

/// Asks every question; returns how many were right and a line for each miss.
fn score(set: &[Q]) -> (usize, Vec<String>) {
    let mut right = 0;
    let mut misses = Vec::new();
    for question in set {
        let got = asked(question);
        if is_right(question, &got) {
            right += 1;
        } else {
            misses.push(format!(
                "{:?}{}: read as {} citing {:?}{}; wanted {:?} citing {:?}{}",
                question.ask,
                question
                    .after
                    .map(|b| format!(" (after {b:?})"))
                    .unwrap_or_default(),
                got.command,
                got.cited,
                if got.no_answer { ", no answer" } else { "" },
                question.reads,
                question.cites,
                if question.none { ", no answer" } else { "" },
            ));
        }
    }
    (right, misses)
}

#[test]
fn the_first_question_set_scores_what_it_is_held_to() {
    assert!(FIRST.len() >= 60, "{} questions", FIRST.len());
    let (right, misses) = score(FIRST);
    println!("first set: {right}/{} right", FIRST.len());
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert_eq!(
        FIRST_RUN.1,
        FIRST.len(),
        "the first run was of this whole set"
    );
    assert!(
        right >= NOW.0,
        "{right}/{} right, held to {}/{}:\n{}",
        FIRST.len(),
        NOW.0,
        NOW.1,
        misses.join("\n")
    );
}

#[test]
fn the_second_question_set_scores_at_least_nine_in_ten() {
    assert_eq!(SECOND.len(), 20);
    let (right, misses) = score(SECOND);
    println!("second set: {right}/{} right", SECOND.len());
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert_eq!(
        SECOND_FIRST_RUN.1,
        SECOND.len(),
        "the first run was of this whole set"
    );
    assert!(
        SECOND_FIRST_RUN.0 * 10 >= SECOND.len() * 9,
        "the first run is recorded as it was"
    );
    assert!(
        right >= SECOND_FIRST_RUN.0,
        "{right}/20 right:\n{}",
        misses.join("\n")
    );
}

/// Lines typed without a slash: always a question, never a moderator's command.
const TYPED: &[&str] = &[
    "forget ingested/x.md",
    "forget it",
    "status of the peacekeepers",
    "status",
    "reindex the corpus",
    "ingest https://example.org/story",
    "restore karabakh-clash-2023-03-06.md",
    "feeds",
    "help me understand the ambush",
    "forget the ambush",
    "reindex?",
    "ingest this",
    "status quo ante",
    "restore peace",
];

#[test]
fn plain_words_never_run_a_moderators_command() {
    for typed in TYPED {
        let invocation = briefbot::commands::parse_line(&briefbot::commands::typed(typed))
            .unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        assert!(!invocation.command.admin, "{typed:?}");
        assert_eq!(invocation.command.name, "ask", "{typed:?}");
    }
}

#[test]
fn a_real_question_is_never_answered_with_help() {
    let gazetteer = Gazetteer::builtin();
    let mut wrong = Vec::new();
    for question in FIRST
        .iter()
        .chain(SECOND)
        .filter(|q| !q.reads.contains(&"help"))
    {
        let reading = briefbot::question::read(question.ask, &gazetteer);
        if matches!(reading.request, briefbot::engine::Request::Help) {
            wrong.push(question.ask);
        }
    }
    for ask in [
        "who did it?",
        "when?",
        "where?",
        "why?",
        "what now?",
        "and then what?",
    ] {
        let reading = briefbot::question::read(ask, &gazetteer);
        if matches!(reading.request, briefbot::engine::Request::Help) {
            wrong.push(ask);
        }
    }
    assert!(wrong.is_empty(), "read as /help: {wrong:?}");
}
