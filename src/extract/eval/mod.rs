//! Gold sets and scoring: reads the gold format of `eval-dev/gold.toml` and scores
//! extractions against it by the conventions every gold set here follows
//! (`eval-dev/CONVENTIONS.md`): casualty rows match on paragraph, figure, status, side and
//! claimant; statement rows on paragraph and party; optional rows neither count for nor
//! against an answer.

mod gold;
mod score;

pub use gold::{GoldCasualty, GoldDoc, GoldSet, GoldStatement};
pub use score::{ErrorClass, Report, Scores, score};
