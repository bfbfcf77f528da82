//! A request checked against the command table and the gazetteer: what every front end
//! hands the engine, and what a question in plain words is read as (`question`). It is
//! data only, below both, so neither has to know the other to name one.

use crate::extract::Status;

/// A request checked against the table, the gazetteer and nothing else: ready to answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Search {
        query: String,
    },
    Sources,
    Help,
    Casualties {
        query: Option<String>,
        side: Option<String>,
        status: Option<Status>,
        /// Show the words behind each side and source.
        explain: bool,
    },
    Statement {
        party: String,
        topic: Option<String>,
        /// Words of the speaker ("foreign ministry", "Aliyev"): their statements first.
        speaker: Option<String>,
        explain: bool,
    },
    Timeline {
        query: Option<String>,
    },
    Ask {
        question: String,
    },
}
