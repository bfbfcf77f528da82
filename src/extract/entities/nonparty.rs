//! Voices of no party, whatever country they are named with: people whose trade is to
//! report or witness, bodies named for a cause, and the staff of a hospital.

use super::np::Np;
use super::*;

/// Whether the phrase names a voice of no party: "Armenian journalist Hermine Virabyan",
/// "The Sudanese Organisation for the Protection of Civilians", "a senior official at the
/// main hospital".
pub(super) fn of_no_party(
    scope: &Scope<'_>,
    np: &Np,
    core: &[&Token<'_>],
    head_tok: &Token<'_>,
) -> bool {
    let toks = scope.toks;
    // "Armenian journalist Hermine Virabyan": a nationality is no affiliation for those
    // whose trade is to report or witness.
    let trade = core.iter().any(|t| {
        t.is_any(&[
            "journalist",
            "journalists",
            "reporter",
            "reporters",
            "correspondent",
            "photographer",
            "photojournalist",
            "blogger",
            "activist",
            "activists",
            "analyst",
            "researcher",
            "witness",
            "eyewitness",
        ])
    });
    let office_too = core
        .iter()
        .any(|t| t.has(class::OFFICE | class::INSTITUTION) && !t.has(class::NONPARTY));
    if trade && !office_too && !head_tok.has(class::MEDIA) {
        return true;
    }
    // "The Sudanese Organisation for the Protection of Civilians", "an official from
    // Kyunhla Activists Group": a body named for a cause speaks for no state, whatever
    // country it works in; a UN or EU body is still the body's.
    let span_words = toks.get(np.span.clone()).unwrap_or(&[]);
    let cause_body = span_words.iter().any(|t| {
        t.is_any(&[
            "organisation",
            "organization",
            "group",
            "network",
            "association",
            "foundation",
            "society",
            "coalition",
            "union",
            "observatory",
            "center",
            "centre",
        ])
    }) && span_words.iter().any(|t| {
        t.is_any(&[
            "rights",
            "protection",
            "activists",
            "humanitarian",
            "monitoring",
            "documentation",
            "democracy",
        ])
    });
    let body_of_intl = scope.mentions.within(np.span.clone()).any(|m| {
        m.party()
            .is_some_and(|p| scope.party_kind(p) == Some(PartyKind::Intl))
    });
    if cause_body && !body_of_intl {
        return true;
    }
    // "a senior official at the main hospital", "hospital sources": the people who treat
    // the wounded count them as medics, whoever runs the hospital; a ministry of health is
    // still its state's, and an ambulance service its ground's.
    let medical = |t: &Token<'_>| t.is_any(&["hospital", "hospitals", "clinic", "morgue"]);
    let span_toks = toks.get(np.span.clone()).unwrap_or(&[]);
    if span_toks.iter().any(medical)
        && !span_toks
            .iter()
            .any(|t| t.is_any(&["ministry", "minister", "government", "army", "military"]))
        && (head_tok.has(class::PERSON_TITLE | class::NONPARTY | class::STATE_SOURCES)
            || head_tok.is_any(&["officials", "sources", "source"])
            || medical(head_tok))
    {
        return true;
    }

    false
}
