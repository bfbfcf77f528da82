//! briefbot keeps a full-text index of the reporting on a contested news event and
//! answers questions about it with cited excerpts: who claims how many were killed, what
//! each party said, what happened when — every figure and statement with a numbered
//! citation to its source paragraph, rival claims side by side, never blended.
//!
//! How data flows:
//!
//! ```text
//! corpus/ files ──corpus──▶ Document ──index::Writer──▶ tantivy paragraphs
//!                                          └─extract──▶ claims, statements, events (catalog.json)
//! front end (console, ask, Discord) ──commands::parse_line / Invocation──▶ request::Request
//!        ──Engine::answer──▶ answer::Answer ──render──▶ terminal text | JSON | embeds
//! plain words ──question::read_after(previous reading)──▶ question::Reading (a Request)
//!        ──Engine::answer_reading──▶ answer::Answer
//! ```
//!
//! Conversations live in `question::Conversation`, beside the reading logic and apart from
//! any front end: it remembers the readings of the latest answers under a key the front end
//! chooses, so a follow-up ("and Russia?") reads on from the answer it follows. The Discord
//! adapter keys it by the id of the answer a reply replies to, for its latest answers; the
//! console keeps one, its last question's, forgotten after a command's answer.
//!
//! Modules import downwards only (a test in `tests/it/layers.rs` keeps it so): `error`, every
//! failure type, is the bottom layer and imports nothing of the crate; data such as
//! `request`, `answer` and `status` sits below the `question` reader, the `engine`, `render`
//! and `moderation`, which sit below the front ends.
//!
//! One writer: every index build (a moderator's job, `briefbot index`, the first open) goes
//! through `index::Writer`, which the index worker (`jobs`) owns.
//!
//! The `briefbot` binary only parses its command line, sets up logging and exits with a
//! code; `cli` runs each subcommand on the front ends above, the moderators' made from the
//! command table like every other front end's.
//!
//! Each briefing (`briefings`) is one corpus, index, index worker and feeds, answering in
//! the servers and channels it is bound to; without `[[briefings]]` one answers everywhere.
//!
//! Everything a reader sees is read at index time; answering is a lookup and at most one
//! tantivy query. Nothing outside the Discord adapter names Discord.

pub mod answer;
pub mod briefings;
pub mod cli;
pub mod commands;
pub mod config;
pub mod console;
pub mod corpus;
pub mod discord;
pub mod engine;
pub mod error;
pub mod evaluate;

pub mod extract;
pub mod feeds;
pub mod files;
pub mod index;
pub mod ingest;
pub mod jobs;
pub mod library;
pub mod moderation;
pub mod question;
pub mod render;
pub mod request;
pub mod status;
pub mod text;

pub use answer::{Answer, Citation};
pub use engine::Engine;
pub use error::{Error, Result, UserError};
pub use request::Request;
