//! Voices of no party, whatever country they are named with: people whose trade is to
//! report or witness, and the staff of a hospital. (Bodies of a trade or a cause are
//! read with the trade bodies in resolve.rs.)

use super::np::Np;
use super::*;

/// Whether the phrase names a voice of no party: "Armenian journalist Hermine Virabyan",
/// "a senior official at the main hospital".
pub(super) fn of_no_party(
    scope: &Scope<'_>,
    np: &Np,
    core: &[&Token<'_>],
    head_tok: &Token<'_>,
) -> bool {
    let toks = scope.toks;
    // "Armenian journalist Hermine Virabyan": a nationality is no affiliation for those
    // whose trade is to report or witness.
    let trade = core.iter().any(|t| t.has(class::WITNESS_TRADE));
    let office_too = core
        .iter()
        .any(|t| t.has(class::OFFICE | class::INSTITUTION) && !t.has(class::NONPARTY));
    if trade && !office_too && !head_tok.has(class::MEDIA) {
        return true;
    }
    // "a senior official at the main hospital", "hospital sources": the people who treat
    // the wounded count them as medics, whoever runs the hospital; a ministry of health is
    // still its state's, and an ambulance service its ground's.
    let medical = |t: &Token<'_>| t.has(class::MEDICAL_PLACE);
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
