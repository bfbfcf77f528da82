//! The integration tests: one binary, with shared helpers in `support`.

mod cli;
mod properties;
mod support;
