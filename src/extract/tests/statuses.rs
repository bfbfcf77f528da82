//! What happened to the people a figure counts, in words of its own: martyrs, idioms of
//! death, tolls, fates unknown, surrender and captivity. Care and condition are in
//! `care.rs`.

use super::*;

/// Statuses written as idioms or around a quotation, and figures taken out of a group.
#[test]
fn surrender_unaccounted_held_as_prisoners_and_a_part_out_of_a_group() {
    let cases: &[StoryCase<'_>] = &[
        (
            &["Russia said 256 Ukrainian fighters had “laid down their weapons and surrendered”."],
            (Some(256), None),
            Status::Captured,
            Some("ukraine"),
            Some("russia"),
        ),
        (
            &["Armenia said 21 Armenian civilians are still not accounted for."],
            (Some(21), None),
            Status::Missing,
            Some("armenia"),
            Some("armenia"),
        ),
        (
            &[
                "Foreign Minister Ararat Mirzoyan said Azerbaijan was holding 38 Armenians as prisoners of war.",
            ],
            (Some(38), None),
            Status::Captured,
            Some("armenia"),
            Some("armenia"),
        ),
        // The part, not the whole it is taken from.
        (
            &[
                "Mirzoyan, Armenia's foreign minister, said two out of the 38 Armenian POWs were captured in November.",
            ],
            (Some(2), None),
            Status::Captured,
            Some("armenia"),
            Some("armenia"),
        ),
    ];
    assert_story_figures(cases);
    // A detail set off by commas gives its own status, not the figure's: the 264 left the
    // plant, the 53 among them were wounded.
    let out = run(&[
        "Ukraine said 264 soldiers, including 53 wounded, had left the metalworks in Mariupol.",
    ]);
    let figures: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(
        figures,
        vec![(Some(53), Status::Injured)],
        "{:?}",
        out.claims
    );
    // "placed the number at": a toll the committee gives.
    let out = run(&[
        "Armenia's investigative committee placed the total number of deaths during the war at 3,822.",
    ]);
    assert!(
        out.claims.iter().any(|c| c.count == Some(3822)
            && c.status == Status::Killed
            && c.according_to.party.as_deref() == Some("armenia")),
        "{:?}",
        out.claims
    );
}

#[test]
fn martyrs_named_in_a_list_with_an_aside() {
    let cases: &[FigureCase<'_>] = &[
        (
            "As a result, 29 people became martyrs and 112 were wounded.",
            29,
            Status::Killed,
            None,
            None,
        ),
        (
            "As a result, civilians Ofeliya Jafarova, Aybaniz Ahmadova and Almaz Aliyeva (born in 2013) became martyrs.",
            3,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

#[test]
fn a_detail_between_commas_and_fates_unknown() {
    let cases: &[FigureCase<'_>] = &[
        (
            "A missile strike killed at least 21 people, including three children, and injured dozens more.",
            3,
            Status::Killed,
            None,
            None,
        ),
        (
            "The fate of 35 more tenants remains unknown.",
            35,
            Status::Missing,
            None,
            None,
        ),
        (
            "A resident was killed and 32 people received various injuries.",
            32,
            Status::Injured,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// "gunned down" kills.
#[test]
fn gunned_down_is_killed() {
    let out = run(&["At least 35 gang members were gunned down by police in Pacot."]);
    let found: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count_min, c.status)).collect();
    assert_eq!(found, [(Some(35), Status::Killed)], "{:?}", out.claims);
}

/// "fell in combat", "fell in the line of duty": killed fighting; prices that fell did not.
#[test]
fn fallen_in_combat_are_dead() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Two Colombian soldiers fell in the line of duty on Sunday.",
            2,
            Status::Killed,
            Some("colombia"),
            None,
        ),
        (
            "In addition, six Haitian National Police officers and five vigilantes fell in combat.",
            6,
            Status::Killed,
            Some("haiti"),
            None,
        ),
    ];
    assert_figures(cases);
    let out = run(&["Oil prices fell in trading as 40 traders watched."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

/// "The 24 servicemen, with whom the communication was interrupted on November 16, have
/// been captured": a relative clause between commas stands between the people and their
/// verb, whatever verbs it holds.
#[test]
fn a_relative_clause_between_the_people_and_their_verb() {
    for (text, count, status) in [
        (
            "The 24 servicemen, with whom the communication was interrupted on November 16, have been captured, Pashinyan said.",
            24,
            Status::Captured,
        ),
        (
            "Three soldiers, who had been deployed to the border on Monday, were killed in the attack.",
            3,
            Status::Killed,
        ),
    ] {
        let out = run(&[text]);
        assert!(
            out.claims
                .iter()
                .any(|c| c.count == Some(count) && c.status == status),
            "{text}: {:?}",
            out.claims
        );
    }
}

/// "put the death toll at more than 30 and the injuries at some 100": each figure has the
/// status of its own noun; "the number of dead and wounded" is both.
#[test]
fn two_tolls_set_in_one_sentence() {
    let out = run(&[
        "The Syrian defense authority put the death toll at more than 30 and the injuries at some 100.",
    ]);
    let statuses: Vec<_> = out
        .claims
        .iter()
        .map(|c| (c.count_min.or(c.count), c.status))
        .collect();
    assert_eq!(
        statuses,
        [(Some(30), Status::Killed), (Some(100), Status::Injured)],
        "{:?}",
        out.claims
    );
    // "the casualties ... was 105", according to "official data": the dead and the
    // wounded, by the officials' count.
    let casualties = run(&[
        "Confirmed number of the casualties on the Armenian side was 105, according to the Armenian official data.",
    ]);
    let claim = casualties.claims.first().expect("the 105");
    assert_eq!(claim.status, Status::KilledOrInjured);
    assert_eq!(claim.according_to.party.as_deref(), Some("armenia"));
    let both = run(&["A spokesman said the total number of dead and wounded had reached 1,481."]);
    assert_eq!(
        both.claims.first().map(|c| c.status),
        Some(Status::KilledOrInjured)
    );
}

/// Figures in brackets break down the figure before them and share its status; mines and
/// blasts suffered or hit leave the dead and the hurt untold apart; a toll includes its
/// dead; injuries caused and the wounded a hospital treats are hurt.
#[test]
fn breakdowns_mines_tolls_and_injuries_caused_or_treated() {
    let text = "As a result of the mine explosions, 45 citizens (35 civilians and 10 military servicemen) were killed, and 31 civilians (7 females and 24 males) suffered severe injuries.";
    assert_eq!(
        counts_with(text, Status::Killed),
        vec![Some(45), Some(35), Some(10)]
    );
    assert_eq!(
        counts_with(text, Status::Injured),
        vec![Some(31), Some(7), Some(24)]
    );
    let cases: &[FigureCase<'_>] = &[
        (
            "Since the end of the war, 276 citizens have suffered from mine explosions.",
            276,
            Status::KilledOrInjured,
            None,
            None,
        ),
        (
            "Eight people hit a landmine near the village.",
            8,
            Status::KilledOrInjured,
            None,
            None,
        ),
        (
            "Two villagers stepped on an anti-personnel mine.",
            2,
            Status::KilledOrInjured,
            None,
            None,
        ),
        // A demonym in "-ese" after a number is people.
        (
            "The ministry reported four Syrians killed and five Lebanese wounded.",
            5,
            Status::Injured,
            Some("lebanon"),
            None,
        ),
        // Injuries caused to people, and the wounded a hospital treats.
        (
            "One rocket hit a building, causing injuries to three people.",
            3,
            Status::Injured,
            None,
            None,
        ),
        (
            "Hospitals in the city were on Monday treating 367 people wounded in the clashes.",
            367,
            Status::Injured,
            None,
            None,
        ),
        // A toll, with no word of death, is of the dead.
        (
            "The toll also includes 423 government forces members.",
            423,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// "Not fewer than 17 villagers" is at least 17; "at their disputed border" denies
/// nothing, so the figure after it stands.
#[test]
fn not_fewer_than_and_a_disputed_border() {
    let out =
        run(&["Not fewer than 17 villagers have been killed in the southern part of Borno State."]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count_min == Some(17) && c.status == Status::Killed),
        "{:?}",
        out.claims
    );
    let out =
        run(&["Clashes at the disputed border have resulted in the deaths of at least 12 people."]);
    assert!(
        out.claims.iter().any(|c| c.count_min == Some(12)),
        "{:?}",
        out.claims
    );
    let out = run(&["Azerbaijan's ministry disputed that two soldiers were killed."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

/// "took away three others": the people taken away are captives.
#[test]
fn people_taken_away_are_captives() {
    let cases: &[FigureCase<'_>] = &[(
        "Armed men killed six passengers after checking their ID cards and took away three others.",
        3,
        Status::Captured,
        None,
        None,
    )];
    assert_figures(cases);
}

/// "passed away", an idiom after a complement ("sons of soil embraced Shahadat"), and a
/// second figure whose verb the first gave ("and nine others in Syria").
#[test]
fn passed_away_an_idiom_after_a_complement_and_others_elsewhere() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Five passengers were killed instantly while one survivor passed away later in hospital.",
            1,
            Status::Killed,
            None,
            None,
        ),
        (
            "Resultantly, 13 brave sons of soil embraced Shahadat.",
            13,
            Status::Killed,
            None,
            None,
        ),
        (
            "The Turkish government said that 36 militants were killed in Iraq, and nine others in Syria, in the 24 hours after the attack.",
            9,
            Status::Killed,
            None,
            Some("turkey"),
        ),
    ];
    assert_figures(cases);
}

/// "fell victim to", "held as hostages", "killings": statuses in words of their own.
#[test]
fn fell_victim_held_as_hostages_and_killings() {
    let cases: &[FigureCase<'_>] = &[
        (
            "About 79 residents of Barda fell victim to the missile strike.",
            79,
            Status::KilledOrInjured,
            Some("azerbaijan"),
            None,
        ),
        (
            "The Israeli military said it had confirmed 126 people held as hostages by Hamas.",
            126,
            Status::Captured,
            Some("israel"),
            Some("israel"),
        ),
        (
            "The UN rights office has verified 148 killings, spokesperson Ravina Shamdasani said.",
            148,
            Status::Killed,
            None,
            Some("un"),
        ),
    ];
    assert_figures(cases);
}

/// Deaths in words the figures had missed: militias and constables are people, "died" in
/// a relative clause, a people's word alone, "had fallen", and one death.
#[test]
fn deaths_in_words_of_their_own() {
    let cases: &[FigureCase<'_>] = &[
        (
            "He added that two Somali soldiers and three local clan militias fighting alongside the army were killed.",
            3,
            Status::Killed,
            Some("somalia"),
            None,
        ),
        (
            "Five Naxalites were killed in the operation and one DRG head constable also lost his life.",
            1,
            Status::Killed,
            None,
            None,
        ),
        (
            "The embassy sent condolences to the families of the eleven military who died Friday.",
            11,
            Status::Killed,
            None,
            None,
        ),
        (
            "Another Palestinian was killed hours earlier at the Tulkarem camp.",
            1,
            Status::Killed,
            Some("palestine"),
            None,
        ),
        (
            "Haitian police said six officers had fallen.",
            6,
            Status::Killed,
            Some("haiti"),
            Some("haiti"),
        ),
        (
            "Attacks from junta troops caused one civilian death and two others injured.",
            1,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// "leaving 58 soldiers dead" after a name is no death of the named man.
#[test]
fn a_spokesman_named_before_a_toll_is_no_victim() {
    let out = run(&[
        "The chief spokesman, Zabihullah Mujahid, said Afghan forces had captured 25 army posts, leaving 58 soldiers dead.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(1)),
        "{:?}",
        out.claims
    );
}

/// Tolls and losses in longer words: a toll named with who released it, past an aside in
/// brackets; "lost a total of"; and corpses left behind.
#[test]
fn tolls_released_losses_in_total_and_corpses() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The official death toll released by the prosecutor (tallies were compiled from lists of named victims) was 32 people.",
            32,
            Status::Killed,
            None,
            None,
        ),
        (
            "To date, South Africa has lost a total of four soldiers in the clashes.",
            4,
            Status::Killed,
            Some("south-africa"),
            None,
        ),
        (
            "The attackers fled leaving eight corpses and ammunition.",
            8,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// A list of people nouns after a figure ("Eleven children, teenagers and young adults
/// were killed"), injuries of any seriousness ("non life threatening injuries"), and a toll
/// named before a place set in apposition ("in Libya's capital, Tripoli, has climbed to").
#[test]
fn a_list_of_nouns_injuries_of_any_kind_and_a_toll_over_an_apposition() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Eleven children, teenagers and young adults were killed when a rocket struck.",
            11,
            Status::Killed,
            None,
            None,
        ),
        (
            "Two soldiers were killed, while two other soldiers sustained non life threatening injuries.",
            2,
            Status::Injured,
            None,
            None,
        ),
    ];
    assert_figures(cases);
    let out = run(&[
        "The death toll from weeks of fighting in Libya’s capital, Tripoli, has climbed to at least 96 people, the Health Ministry said Friday.",
    ]);
    let claim = out.claims.first().expect("the 96 killed");
    assert_eq!((claim.count_min, claim.status), (Some(96), Status::Killed));
}

#[test]
fn people_left_dead_and_quoted_people_before_their_verb() {
    let cases: &[FigureCase<'_>] = &[
        (
            "A local official said 20 people were left dead.",
            20,
            Status::Killed,
            None,
            None,
        ),
        (
            "One person has been left injured after the port was hit.",
            1,
            Status::Injured,
            None,
            None,
        ),
        (
            "A resident said \"20 civilians including children\" had been killed in the strikes.",
            20,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}
