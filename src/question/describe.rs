//! Saying how a request was read: the words a user can check ("casualties on the
//! Azerbaijani side (killed)") and the command that asks the same, which parses back to
//! the same request.

use super::Reading;
use crate::extract::{Gazetteer, Party, Status};
use crate::request::Request;

pub(super) fn describe(request: Request, gazetteer: &Gazetteer) -> Reading {
    let (read_as, command) = match &request {
        Request::Ask { question } => (
            format!("the question “{question}”"),
            format!("/ask question:{question}"),
        ),
        Request::Casualties {
            query,
            side,
            status,
            explain,
        } => {
            let mut read_as = "casualties".to_string();
            let mut command = "/casualties".to_string();
            if let Some(side) = side {
                read_as.push_str(&side_phrase(side, gazetteer));
                command.push_str(&format!(" side:{side}"));
            }
            if let Some(status) = status {
                read_as.push_str(&format!(" ({})", status_name(*status)));
                command.push_str(&format!(" status:{}", status_name(*status)));
            }
            if let Some(query) = query {
                read_as.push_str(&format!(" in reports about {query}"));
                command.push_str(&format!(" query:{query}"));
            }
            if *explain {
                command.push_str(" explain:true");
            }
            (read_as, command)
        }
        Request::Statement {
            party,
            topic,
            speaker,
            explain,
        } => {
            let name = gazetteer
                .get(party)
                .map_or(party.as_str(), |p| p.name.as_str());
            let mut read_as = format!("statements of {name}");
            let mut command = format!("/statement party:{party}");
            if let Some(topic) = topic {
                read_as.push_str(&format!(" about {topic}"));
                command.push_str(&format!(" topic:{topic}"));
            }
            if let Some(speaker) = speaker {
                read_as.push_str(&format!(", {speaker} first"));
                command.push_str(&format!(" speaker:{speaker}"));
            }
            if *explain {
                command.push_str(" explain:true");
            }
            (read_as, command)
        }
        Request::Timeline { query: Some(query) } => (
            format!("dated events about {query}"),
            format!("/timeline query:{query}"),
        ),
        Request::Timeline { query: None } => ("all dated events".into(), "/timeline".into()),
        Request::Search { query } => (
            format!("passages about {query}"),
            format!("/search query:{query}"),
        ),
        Request::Sources => ("the list of indexed sources".into(), "/sources".into()),
        Request::Help => (
            "a request for help with the commands".into(),
            "/help".into(),
        ),
    };
    Reading {
        request,
        read_as,
        command,
    }
}

/// The value of `status:` that asks for this status.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Killed => "killed",
        Status::Injured => "injured",
        Status::Missing => "missing",
        Status::Captured => "captured",
        Status::KilledOrInjured => "killed_or_injured",
    }
}

/// " on the Azerbaijani side", or " on the side of the European Union" for a party with
/// no one-word adjective among its aliases.
fn side_phrase(id: &str, gazetteer: &Gazetteer) -> String {
    let Some(party) = gazetteer.get(id) else {
        return format!(" on the side of {id}");
    };
    match adjective(party) {
        Some(adjective) => format!(" on the {adjective} side"),
        None => format!(" on the side of {}", party.name),
    }
}

/// A one-word alias that reads as the party's adjective: "Azerbaijani", "French".
fn adjective(party: &Party) -> Option<&str> {
    party
        .demonyms
        .iter()
        .map(String::as_str)
        .find(|a| !a.contains(char::is_whitespace) && !a.ends_with('s'))
}
