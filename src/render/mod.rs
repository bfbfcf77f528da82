//! Answer -> what a front end shows: terminal text, JSON (the answer as is), and later
//! Discord embeds. Wording shared by every front end lives here, once.

pub mod admin;
pub mod discord;
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
        Status::KilledOrInjured => "killed or injured",
    }
}

/// "3 Armenian police officers killed — per Armenia's Interior Ministry"
pub fn claim_line(claim: &ClaimEntry) -> String {
    let who = if claim.count == Some(1) {
        singular(&claim.who)
    } else {
        claim.who.clone()
    };
    format!(
        "{} {who} {} — per {}",
        figure(claim),
        status_word(claim.status),
        claim.according_to.speaker
    )
}

/// "servicemen" -> "serviceman", "police officers" -> "police officer": for a figure of
/// one, where the text named the people in the plural ("two were killed, one injured").
fn singular(who: &str) -> String {
    let (head, last) = who.rsplit_once(' ').unwrap_or(("", who));
    let one = if let Some(stem) = last.strip_suffix("men") {
        format!("{stem}man")
    } else if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if last.ends_with('s') && !last.ends_with("ss") && last.len() > 3 {
        last[..last.len() - 1].to_string()
    } else {
        last.to_string()
    };
    if head.is_empty() {
        one
    } else {
        format!("{head} {one}")
    }
}

/// A heading for a group of claims by the side hit.
/// How a statement is given: "said, quoted", "reported", or only "reported" where its words
/// start with their own verb ("dismissed the claim and ...").
pub fn saying(s: &crate::answer::StatementEntry) -> String {
    let how = if s.direct { "quoted" } else { "reported" };
    if s.verb.is_empty() || !s.direct && s.text.starts_with(s.verb.as_str()) {
        how.to_string()
    } else {
        format!("{}, {how}", s.verb)
    }
}

/// Why a figure stands where it does, in words: "side — “Azerbaijani” in “Azerbaijani
/// troops”; source — “Russian”", or that the text gave no evidence.
pub fn claim_reasons(claim: &crate::answer::ClaimEntry) -> String {
    let side = match (&claim.side, &claim.side_evidence) {
        (Some(_), Some(words)) => words.clone(),
        (Some(_), None) => "as given".to_string(),
        (None, _) => "not stated: the text names no side".to_string(),
    };
    let source = match (&claim.according_to.party, &claim.according_to.evidence) {
        (Some(_), Some(words)) => words.clone(),
        (Some(_), None) => "as named".to_string(),
        (None, _) => "no party: the outlet's own words, or a source of no party".to_string(),
    };
    format!("side — {side}; source — {source}")
}

pub fn side_heading(side: Option<&str>, gazetteer: &crate::extract::Gazetteer) -> String {
    match side.and_then(|s| gazetteer.get(s)) {
        Some(party) => party.name.clone(),
        None => side.map_or_else(|| "Side not stated".to_string(), str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn a_figure_of_one_names_one_person() {
        assert_eq!(singular("servicemen"), "serviceman");
        assert_eq!(
            singular("Armenian police officers"),
            "Armenian police officer"
        );
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("soldier"), "soldier");
        assert_eq!(singular("press"), "press");
    }
}
