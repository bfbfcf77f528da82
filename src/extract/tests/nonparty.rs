//! Voices that speak for no party: people whose trade is to report or witness, whatever
//! their nationality, bodies named for a cause, and a speaker named after the figures.

use super::*;

/// "Armenian journalist Hermine Virabyan has said": a nationality is no affiliation for a
/// journalist, a correspondent or a witness.
#[test]
fn a_journalists_nationality_is_no_affiliation() {
    assert_none_speaks_for(
        &[
            "A young man was killed in Azerbaijan's shelling, Armenian journalist Hermine Virabyan has said.",
        ],
        "armenia",
    );
}

/// "The Sudanese Organisation for the Protection of Civilians", "an official from Kyunhla
/// Activists Group": a body named for a cause speaks for no state; a UN body is the UN's.
#[test]
fn bodies_named_for_a_cause_speak_for_no_state() {
    assert_none_speaks_for(
        &[
            "The Sudanese Organisation for the Protection of Civilians said the dead included nine humanitarian workers.",
        ],
        "sudan",
    );
    assert_none_speaks_for(
        &[
            "In Sagaing, three bodies were discovered, said an official from Kyunhla Activists Group.",
        ],
        "myanmar",
    );
    assert_party_speaks(&[(
        &["The UN Human Rights Council said 12 people were killed in Sudan."],
        1,
        "un",
    )]);
}

/// "..., said a UN spokesperson": the speaker named after the figures is not whose people
/// they were.
#[test]
fn a_speaker_after_the_figures_is_not_their_side() {
    let out = run(&[
        "This includes 10 humanitarian personnel from Relief International, who were killed while operating a health centre in Zamzam camp, said a UN spokesperson.",
    ]);
    let claim = out.claims.first().expect("the ten");
    assert_eq!(claim.according_to.party.as_deref(), Some("un"));
    assert_ne!(claim.side.as_deref(), Some("un"), "{claim:?}");
}

/// "a senior official at the main hospital in Kharkiv told AFP": hospital staff count the
/// wounded as medics, not for the state or region the hospital stands in.
#[test]
fn hospital_officials_are_medics() {
    let cases: &[FigureCase<'_>] = &[(
        "A senior official at the main hospital in Kharkiv told AFP that 55 people had been killed.",
        55,
        Status::Killed,
        Some("ukraine"),
        None,
    )];
    assert_figures(cases);
}

#[test]
fn officials_of_an_ngo_or_out_of_office_speak_for_no_state() {
    for text in [
        "A local NGO official said \"at least 20 civilians\" had been killed in the drone strikes in Mali.",
        "A retired local official told AFP at least 20 people were killed in the drone strikes in Mali.",
    ] {
        assert_none_speaks_for(&["Drone strikes in Mali kill civilians.", text], "mali");
        let out = run(&[text]);
        let claim = out.claims.first().expect("the 20 killed");
        assert_eq!(claim.according_to.party, None, "{text}");
    }
}

/// "AFP" is the French news agency and speaks for no party, except in a story that names
/// the Armed Forces of the Philippines: there its initials are the army.
#[test]
fn initials_a_story_defines_are_not_the_agency_they_spell() {
    let out = run(&[
        "The Armed Forces of the Philippines said the militants had suffered heavy losses.",
        "The AFP Western Mindanao Command said about two dozen militants were killed in the clash.",
    ]);
    assert_eq!(
        party_in(&out, 2),
        Some("philippines"),
        "{:?}",
        out.statements
    );
    assert_none_speaks_for(
        &["A military spokesman in Manila told AFP that 12 soldiers were killed."],
        "france",
    );
}
