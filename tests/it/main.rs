//! The integration tests: one binary, with shared helpers in `support` and a fake
//! Discord on loopback in `fake_discord`.

mod answers;
mod article;
mod ask;
mod bounds;
mod briefings;
mod cli;
mod discord;
mod endpoint;
mod fake_discord;
mod front_ends;
mod kill;
mod layers;
mod manifest;
mod moderation;
mod properties;
mod questions;
mod shards;
mod support;
mod writer;
