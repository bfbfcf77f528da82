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

/// "125 members of the government’s security forces and 148 pro Assad fighters have been
/// killed": the first figure of a list reaches the verb over its complement, and people
/// named for a stance take no side from the figure before.
#[test]
fn a_list_over_a_complement_and_people_named_for_a_stance() {
    let out = run(&[
        "Syria's new government sent troops to Latakia on Thursday.",
        "SOHR said that 125 members of the government’s security forces and 148 pro Assad fighters have been killed since Thursday.",
    ]);
    let killed: Vec<_> = out
        .claims
        .iter()
        .map(|c| (c.count, c.status, c.side.as_deref()))
        .collect();
    assert_eq!(killed.len(), 2, "{:?}", out.claims);
    assert_eq!(killed[0], (Some(125), Status::Killed, Some("syria")));
    assert_eq!((killed[1].0, killed[1].1), (Some(148), Status::Killed));
    assert_ne!(killed[1].2, Some("syria"), "{:?}", out.claims);
}

/// A body's name is no person: "Arakan Rohingya Army (ARA) ... were taken as prisoners"
/// counts no one.
#[test]
fn a_bodys_name_counts_no_one() {
    let out = run(&[
        "Militants instructed by the Arakan Rohingya Salvation Army (ARSA) were also taken as prisoners of war.",
    ]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

/// "pro Assad fighters", the prefix written apart, are not told as the people of the
/// security forces counted before them.
#[test]
fn a_stance_prefix_written_apart_names_no_owner() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2025, 3, 9),
        &[
            "Hundreds were killed in clashes between Syrian security forces and remnants linked to ousted President Bashar al-Assad, a monitor said.",
            "The Syrian Observatory for Human Rights said that 125 members of the government’s security forces and 148 pro Assad fighters have been killed since Thursday, when loyalists attacked security points in Latakia province.",
        ],
    );
    assert_ne!(
        side_of_figure(&out, (Some(148), None)),
        Some("syria"),
        "{:?}",
        out.claims
    );
}

/// "raising the number of dead on both sides to eight": the toll's own words say it is of
/// both parties the sentence names.
#[test]
fn a_toll_of_the_dead_on_both_sides() {
    let cases: &[FigureCase<'_>] = &[(
        "Fresh fighting between Thai and Cambodian troops on Saturday killed at last one Thai soldier, raising the number of dead on both sides to eight in two days.",
        8,
        Status::Killed,
        Some("thailand+cambodia"),
        None,
    )];
    assert_figures(cases);
}

/// A toll of people a clash between named sides killed is of both, even where a place
/// of one of them is named.
#[test]
fn a_toll_of_a_clash_between_named_sides() {
    let cases: &[FigureCase<'_>] = &[(
        "The reported death toll in clashes between Armenian and Azerbaijani forces over the separatist territory of Nagorno-Karabakh has reached about 600.",
        600,
        Status::Killed,
        Some("armenia+azerbaijan"),
        None,
    )];
    assert_figures(cases);
}
