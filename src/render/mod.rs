//! Answer -> what a front end shows: terminal text, JSON (the answer as is), and later
//! Discord embeds. Wording shared by every front end lives here, once.

pub mod admin;
pub mod text;

use crate::answer::{Answer, ClaimEntry};
use crate::extract::Status;

/// The answer as JSON, never truncated.
pub fn json(answer: &Answer) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// "3", "at least 3", "up to 5", "3 to 5".
pub fn figure(claim: &ClaimEntry) -> String {
    match (claim.count, claim.count_min, claim.count_max) {
        (Some(n), _, _) => n.to_string(),
        (None, Some(min), Some(max)) => format!("{min} to {max}"),
        (None, Some(min), None) => format!("at least {min}"),
        (None, None, Some(max)) => format!("up to {max}"),
        (None, None, None) => "an unstated number of".into(),
    }
}

pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Killed => "killed",
        Status::Injured => "injured",
        Status::Missing => "missing",
        Status::Captured => "captured",
    }
}

/// "3 Armenian police officers killed — per Armenia's Interior Ministry"
pub fn claim_line(claim: &ClaimEntry) -> String {
    format!(
        "{} {} {} — per {}",
        figure(claim),
        claim.who,
        status_word(claim.status),
        claim.according_to.speaker
    )
}

/// A heading for a group of claims by the side hit.
pub fn side_heading(side: Option<&str>, gazetteer: &crate::extract::Gazetteer) -> String {
    match side.and_then(|s| gazetteer.get(s)) {
        Some(party) => party.name.clone(),
        None => side.map_or_else(|| "Side not stated".to_string(), str::to_string),
    }
}
