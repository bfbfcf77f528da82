//! People joined in one phrase: two peoples' words before one noun, a noun shared by two
//! figures, another name in brackets, one of the speaker's own, and a toll "claimed".

use super::*;

/// Each text gives its figure with that status, side and claimant.
#[test]
fn people_joined_in_one_phrase() {
    let cases: &[FigureCase<'_>] = &[
        // Two peoples' words before one noun: the dead of both.
        (
            "Fierce clashes left 30 Azerbaijani and Armenian soldiers dead on Saturday.",
            30,
            Status::Killed,
            Some("azerbaijan+armenia"),
            None,
        ),
        // "one Armenian and one Azeri civilian": the noun after the second figure is the
        // first's too.
        (
            "The fighting killed one Armenian and one Azeri civilian.",
            1,
            Status::Killed,
            Some("armenia"),
            None,
        ),
        // Another name in brackets inside the phrase.
        (
            "Azerbaijani troops killed four Artsakh (Karabakh) army servicemen on Friday.",
            4,
            Status::Killed,
            Some("karabakh"),
            None,
        ),
        // "its soldier": one of the owner's.
        (
            "On May 25, Armenia claimed its soldier was killed in a skirmish.",
            1,
            Status::Killed,
            Some("armenia"),
            Some("armenia"),
        ),
    ];
    assert_figures(cases);
}

/// "claimed the lives of" takes a toll; it says nothing, so the war is no speaker.
#[test]
fn a_toll_claimed_is_no_claim() {
    let out = run(&["The war claimed the lives of 30 civilians."]);
    assert!(out.statements.is_empty(), "{:?}", out.statements);
    let claim = out.claims.first().expect("the 30 killed");
    assert_eq!((claim.count, claim.status), (Some(30), Status::Killed));
    assert_eq!(claim.according_to.party, None);
}

/// "our servicemen" counts no single person, and "one of its soldier" is the figure's
/// one, counted once.
#[test]
fn the_speakers_own_in_the_plural_are_no_one_person() {
    let out =
        run(&["The ministry said aid to our servicemen injured in the incident was refused."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
    let out = run(&["The ministry said at least one of its soldier died in the clashes."]);
    assert!(out.claims.len() <= 1, "{:?}", out.claims);
}
