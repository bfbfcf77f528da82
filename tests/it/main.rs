//! The integration tests: one binary, with shared helpers in `support` and a fake
//! Discord on loopback in `fake_discord`.

mod article;
mod cli;
mod properties;
mod support;
