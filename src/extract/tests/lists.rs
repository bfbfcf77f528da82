//! People counted by name or in lists: named dead with their ranks and appositions, lists
//! of kinds of people that share one status.

use super::*;

#[test]
fn lists_of_people_share_the_status_and_freed_captives_count_no_one() {
    let cases: &[FigureCase<'_>] = &[
        (
            "In total, 93 civilians were killed (including 54 men, 27 women and 12 children).",
            27,
            Status::Killed,
            None,
            None,
        ),
        (
            "In total, 93 civilians were killed (including 54 men, 27 women and 12 children).",
            12,
            Status::Killed,
            None,
            None,
        ),
        (
            "The strikes claimed the lives of two women and three men.",
            3,
            Status::Killed,
            None,
            None,
        ),
        (
            "Thirteen people were killed, including two girls aged three, as well as seven women and four men.",
            7,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
    for text in [
        "Security forces have since rescued 104 hostages, including 58 men, 31 women and 15 children.",
        "The group said 104 hostages were released on Tuesday.",
    ] {
        let out = run(&[text]);
        assert!(
            out.claims.iter().all(|c| c.status != Status::Captured),
            "{text}: {:?}",
            out.claims
        );
    }
}

/// A name with an apposition is one person, placed by the apposition; the apposition is no
/// second victim.
#[test]
fn a_name_and_its_apposition_are_one_person() {
    let text = "According to the information received, Aliyev Tunar Goshgar, a resident of Ganja, was killed, and 32 people received various injuries.";
    let out = run(&[text]);
    let killed: Vec<_> = out
        .claims
        .iter()
        .filter(|c| c.status == Status::Killed)
        .collect();
    assert_eq!(killed.len(), 1, "{:?}", out.claims);
    assert_eq!(killed[0].count, Some(1));
    assert_eq!(killed[0].side.as_deref(), Some("azerbaijan"), "{killed:?}");
}

/// "Sergeant Vugar Sadigov and corporal Elshad Mammadov died", "Artem Kostyrya, head of the
/// district department, and Oleksiy Koshchiy, a police officer in the patrol sector, were
/// killed": named people with their ranks and appositions are counted one each.
#[test]
fn named_people_with_ranks_and_appositions_count_one_each() {
    for (text, count) in [
        (
            "Sergeant of military service Vugar Sadigov and corporal Elshad Mammadov died while repelling the attack.",
            2,
        ),
        (
            "Artem Kostyrya, head of the Kharkiv District Department of the Main Directorate of the State Emergency Service in Kharkiv Region, and Oleksiy Koshchiy, a police officer in the patrol police response sector, were killed.",
            2,
        ),
        (
            "Lieutenant Armen Babayan, Major Davit Danielyan and Lt. Ararat Gasparyan have been killed.",
            3,
        ),
    ] {
        assert_eq!(counts_with(text, Status::Killed), [Some(count)], "{text}");
    }
}

/// "an 80-year-old woman and her two grandchildren" are three, counted once; "including a
/// child" and "including a paramedic and a rescuer" are people of the figure before.
#[test]
fn one_person_and_those_after_her_and_people_a_figure_includes() {
    let cases: &[FigureCase<'_>] = &[
        (
            "An 80-year-old woman and her two grandchildren were killed in the shelling of Stepanakert.",
            3,
            Status::Killed,
            Some("karabakh"),
            None,
        ),
        (
            "The strike on Kherson killed 12 people, including a child.",
            1,
            Status::Killed,
            Some("ukraine"),
            None,
        ),
        (
            "A missile strike on Odesa killed 21 people and injured 75, including a paramedic and a rescuer who arrived at the scene, Governor Oleh Kiper said.",
            2,
            Status::Injured,
            Some("ukraine"),
            Some("ukraine"),
        ),
    ];
    assert_figures(cases);
    for text in [
        "A woman and her two children were killed.",
        "A state police officer and her two bodyguards were killed.",
    ] {
        let out = run(&[text]);
        let counts: Vec<_> = out.claims.iter().map(|c| c.count).collect();
        assert_eq!(counts, [Some(3)], "{text}: {:?}", out.claims);
    }
}

/// "Two journalists and a local official died": a person after "and a" shares the verb
/// of the figure before him, whatever words describe him.
#[test]
fn a_person_joined_after_a_figure_shares_its_verb() {
    let out = run(&["Two journalists and a local official died in a mine blast on Tuesday."]);
    let counts: Vec<_> = out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(
        counts,
        [(Some(2), Status::Killed), (Some(1), Status::Killed)],
        "{:?}",
        out.claims
    );
}

/// "Azerbaijani serviceman, senior lieutenant Rashad Mahmudov was killed": the words a
/// comma sets before a named person's rank say whose he is, as does the force his rank
/// is of.
#[test]
fn a_named_person_is_of_the_noun_before_his_rank() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Azerbaijani serviceman, senior lieutenant Rashad Mahmudov was killed during the battles.",
            1,
            Status::Killed,
            Some("azerbaijan"),
            None,
        ),
        (
            "During the battles, the senior lieutenant of the Azerbaijani army, Rashid Mahmudov was killed.",
            1,
            Status::Killed,
            Some("azerbaijan"),
            None,
        ),
    ];
    assert_figures(cases);
}

/// A toll broken down after a dash, or in a sentence that opens "Among the victims", gives
/// each item with the toll's status; ages in the items are no counts, and a detail's own
/// breakdown ("three children: two girls aged 11 and 12 and a boy") counts no one new.
#[test]
fn a_toll_broken_down_after_a_dash_or_among_the_victims() {
    let counts = |text: &str| -> Vec<(u64, Status)> {
        run(&[text])
            .claims
            .iter()
            .filter_map(|c| c.count.map(|n| (n, c.status)))
            .collect()
    };
    let dash = counts(
        "The total number of people killed in the airstrike has reached 168—six children aged under five, 19 aged between five and 14, five aged between 14 and 18.",
    );
    for n in [168, 6, 19, 5] {
        assert!(dash.contains(&(n, Status::Killed)), "{n}: {dash:?}");
    }
    for age in [14, 18] {
        assert!(dash.iter().all(|(n, _)| *n != age), "{age}: {dash:?}");
    }
    let among = counts(
        "Among the victims — 121 male and 47 female — were 25 children under the age of 10 and 12 teenagers under the age of 16.",
    );
    for n in [121, 47, 25, 12] {
        assert!(among.contains(&(n, Status::Killed)), "{n}: {among:?}");
    }
    assert!(among.iter().all(|(n, _)| *n != 10 && *n != 16), "{among:?}");
    let aged = counts("Forty children aged below 18 are among those killed in the airstrike.");
    assert_eq!(aged, [(40, Status::Killed)]);
    let wounded = counts(
        "The strike wounded 20 people. Among the wounded are three children: two girls aged 11 and 12 and a 12-year-old boy.",
    );
    assert_eq!(
        wounded,
        [(20, Status::Injured), (3, Status::Injured)],
        "{wounded:?}"
    );
}

/// "seven former FARC combatants": no longer the group's.
#[test]
fn former_members_are_no_longer_the_partys() {
    let out = run(&[
        "Among the victims are seven former FARC combatants who demobilized under the peace accord.",
    ]);
    let claim = out.claims.first().expect("the seven");
    assert_ne!(claim.side.as_deref(), Some("farc"), "{claim:?}");
}

/// "two schoolchildren aged 13 and 14" are people, and their ages no count.
#[test]
fn schoolchildren_are_people() {
    let out = run(&[
        "As of September 29, 10 Azerbaijani civilians were killed, including two schoolchildren aged 13 and 14.",
    ]);
    let counts: Vec<_> = out.claims.iter().map(|c| c.count).collect();
    assert_eq!(counts, [Some(10), Some(2)], "{:?}", out.claims);
}

/// "Two Somali National Army (SNA) soldiers": a short form in brackets stays in the phrase
/// and spells its words (not Syria's SNA); "There are 21 confirmed dead": a word of record
/// after a figure is no act of saying.
#[test]
fn short_forms_in_brackets_and_words_of_record() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Two Somali National Army (SNA) soldiers were killed in the fighting.",
            2,
            Status::Killed,
            Some("somalia"),
            None,
        ),
        (
            "There are 21 confirmed dead in Sumy, Ukraine's State Emergency Service reported.",
            21,
            Status::Killed,
            Some("ukraine"),
            Some("ukraine"),
        ),
    ];
    assert_figures(cases);
}

/// "killed two "senior Hamas terrorists"": people named in quotation marks are the
/// people; a closing mark ("around thirty" VDP) opens nothing.
#[test]
fn people_named_in_quotation_marks() {
    let cases: &[FigureCase<'_>] = &[(
        "The IDF said it had killed two \"senior Hamas terrorists\" in Rafah.",
        2,
        Status::Killed,
        Some("hamas"),
        Some("israel"),
    )];
    assert_figures(cases);
    let out =
        run(&["A local resident put the toll at \"around thirty\" VDP were killed in the attack."]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count == Some(30) && c.status == Status::Killed),
        "{:?}",
        out.claims
    );
}

/// "Fakhraddin Huseynov (military police), Tural Firdovsi (local resident), received
/// injuries": named people with an aside in brackets each, and "received injuries".
#[test]
fn named_people_with_asides_in_brackets() {
    let text = "As a result of the shelling, Mehman Abiyev was killed, while Fakhraddin Huseynov (military police), Tural Firdovsi (local resident), received injuries.";
    assert_eq!(counts_with(text, Status::Injured), [Some(2)]);
}

/// "and another sustained injuries", "and another in serious condition": "another" alone
/// after "and" is one more person, with its own status and the side of the people before.
#[test]
fn another_alone_is_one_more() {
    let cases: &[FigureCase<'_>] = &[
        (
            "One soldier was killed and another sustained injuries, the Somali army said.",
            1,
            Status::Injured,
            Some("somalia"),
            Some("somalia"),
        ),
        (
            "Azerbaijani forces ambushed a vehicle of the Karabakh police, leaving three officers dead and another in serious condition.",
            1,
            Status::Injured,
            Some("karabakh"),
            None,
        ),
        (
            "Two civilians were killed in Kherson and another was wounded.",
            1,
            Status::Injured,
            Some("ukraine"),
            None,
        ),
    ];
    assert_figures(cases);
    // "another" before its own noun or figure is counted there, once.
    assert_eq!(
        counts_with(
            "Two soldiers were killed and another 10 were wounded.",
            Status::Injured
        ),
        vec![Some(10)]
    );
}

/// "Major General A, Colonel B, ... and soldier G became martyrs": every ranked name of the
/// list counts, a plain "soldier" before the last one too.
#[test]
fn a_list_of_ranked_names_counts_each() {
    assert_eq!(
        counts_with(
            "Major General Polad Hashimov, Colonel Ilgar Mirzoyev, Major Namig Ahmadov, Ensign Yashar Babayev and soldier Elchin Mustafazade were killed during the battles.",
            Status::Killed
        ),
        vec![Some(5)]
    );
}

/// "180 soldiers, 12 service members of the Interior Ministry, and one civilian were
/// killed": the first item of a list whose verb comes after its last item; a breakdown in
/// brackets before another figure's verb takes its own.
#[test]
fn the_first_item_of_a_list_before_its_verb() {
    assert_eq!(
        counts_with(
            "During the offensive, 180 Azerbaijani soldiers, 12 service members of the Interior Ministry, and one Azerbaijani civilian were killed, the ministry said.",
            Status::Killed
        ),
        vec![Some(180), Some(12), Some(1)]
    );
    assert_eq!(
        counts_with(
            "In total, 93 civilians were killed (including 54 men, 27 women and 12 children), and 444 people were injured.",
            Status::Injured
        ),
        vec![Some(444)]
    );
}

/// "the soldiers -- A, B and C -- died": names set off by dashes count them all, and the
/// noun before the dash says who they were.
#[test]
fn names_set_off_by_dashes_count_and_keep_their_noun() {
    for text in [
        "The Armenian Defense Ministry said the soldiers -- Hrach Sargsian, Zohrab Balabekian and Karen Davtian -- died while fighting.",
        "The Armenian Defense Ministry said the soldiers — Hrach Sargsian, Zohrab Balabekian and Karen Davtian — died while fighting.",
    ] {
        let out = run(&[text]);
        let claim = out.claims.first().expect("the three killed");
        assert_eq!(
            (claim.count, claim.status),
            (Some(3), Status::Killed),
            "{text}"
        );
        assert_eq!(claim.side.as_deref(), Some("armenia"), "{text}");
    }
}

#[test]
fn parts_of_a_toll_from_the_groups_that_lost_them() {
    let text = "The fighting near Manbij has resulted in 101 deaths, including 85 from the Syrian National Army and 16 from the Kurdish-dominated Syrian Democratic Forces (SDF).";
    let cases: &[FigureCase<'_>] = &[
        (text, 85, Status::Killed, Some("sna"), None),
        (text, 16, Status::Killed, Some("kurds"), None),
        (text, 101, Status::Killed, Some("sna+kurds"), None),
    ];
    assert_figures(cases);
}

#[test]
fn people_nouns_joined_and_adjectives_sharing_a_noun() {
    let cases: &[FigureCase<'_>] = &[
        (
            "Seven people were killed and 21 children and young adults were kidnapped.",
            21,
            Status::Captured,
            None,
            None,
        ),
        (
            "A missile attack started a fire, injuring four female and two male employees.",
            4,
            Status::Injured,
            None,
            None,
        ),
        (
            "A missile attack started a fire, injuring four female and two male employees.",
            2,
            Status::Injured,
            None,
            None,
        ),
        (
            "Six servicemen of the Armenian Armed Forces were surrounded and captured.",
            6,
            Status::Captured,
            Some("armenia"),
            None,
        ),
    ];
    assert_figures(cases);
    // Guards: people words that name things, and two statuses of one verb phrase.
    let out = run(&[
        "Ukraine has lost up to 2,030 servicemen, 35 tanks and 31 armored personnel carriers.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(35)),
        "{:?}",
        out.claims
    );
    let out = run(&["More than 100 servicemen were wounded and killed during the fights."]);
    assert_eq!(out.claims.first().map(|c| c.status), Some(Status::Injured));
}

#[test]
fn a_toll_broken_down_after_a_colon_but_no_clock() {
    let text = "The cumulative Israeli fatality toll was 71: 66 soldiers, one security coordinator, and four civilians.";
    let cases: &[FigureCase<'_>] = &[
        (text, 71, Status::Killed, Some("israel"), None),
        (text, 66, Status::Killed, Some("israel"), None),
        (text, 4, Status::Killed, Some("israel"), None),
    ];
    assert_figures(cases);
    let out = run(&["Shelling began at 10:30 and three people were killed."]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(10)),
        "{:?}",
        out.claims
    );
}

#[test]
fn a_word_an_editor_put_in_square_brackets() {
    let text = "The Armed Forces retaliated with artillery strikes, killing four [Armenian] soldiers and wounding 16 more.";
    let cases: &[FigureCase<'_>] = &[
        (text, 4, Status::Killed, Some("armenia"), None),
        (text, 16, Status::Injured, Some("armenia"), None),
    ];
    assert_figures(cases);
    let out = run(&[text]);
    assert_eq!(
        out.claims.first().map(|c| c.who.as_str()),
        Some("[Armenian] soldiers")
    );
}

/// "in the UN camp ..., including two of their own staff": a place named for its owner is
/// not whom "their" stands for.
#[test]
fn their_is_not_the_owner_of_a_place_named_before() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2016, 2, 19),
        &[
            "At least 18 people were killed in the clashes in the UN camp in the town of Malakal, Doctors Without Borders has said, including two of their own staff killed.",
        ],
    );
    assert_ne!(
        side_of_figure(&out, (Some(2), None)),
        Some("un"),
        "{:?}",
        out.claims
    );
}

/// "killed all 22 people on board - 13 Azerbaijani government officials, two Russian and
/// one Kazakh Ministry of Internal Affairs officials": "all" before the toll, a spaced
/// hyphen opening its breakdown after a few words about the people, and a noun shared
/// across a name with "of" in it.
#[test]
fn a_toll_of_all_on_board_broken_down_after_a_spaced_hyphen() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2019, 11, 20),
        &[
            "The attack killed all 22 people on board - 13 Azerbaijani government officials, two Russian and one Kazakh Ministry of Internal Affairs officials, and three Azerbaijani journalists.",
        ],
    );
    let killed = |n: u64| {
        out.claims
            .iter()
            .find(|c| c.count == Some(n) && c.status == Status::Killed)
            .unwrap_or_else(|| panic!("{n} killed in {:?}", out.claims))
    };
    // The toll itself is read, with "all" before it.
    killed(22);
    assert_eq!(killed(13).side.as_deref(), Some("azerbaijan"));
    assert_eq!(killed(2).side.as_deref(), Some("russia"));
    assert_eq!(killed(1).side.as_deref(), Some("kazakhstan"));
    // A breakdown of a detail counts no one new.
    let out = run(&[
        "\u{201c}Among the wounded are three children: two girls aged 11 and 12 and a 12-year-old boy,\u{201d} he added.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(2)),
        "{:?}",
        out.claims
    );
}
