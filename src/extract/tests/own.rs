//! Whose people: a party's own soldiers, ranks and martyrs, and the attackers it counts.

use super::*;

/// "The ministry confirmed that Junior Sergeant Gevorg Khurshudyan died": a person named
/// with a military rank is a soldier, and an army reports its own soldiers lost.
#[test]
fn a_person_named_with_a_rank_is_the_armys_own() {
    assert_figures(&[
        (
            "On May 25, the Armenian Ministry of Defense confirmed that Junior Sergeant Gevorg Khurshudyan died of a gunshot wound during a shootout triggered by Azerbaijani gunfire in the Verin Shorzha village of the Gegharkunik province.",
            1,
            Status::Killed,
            Some("armenia"),
            Some("armenia"),
        ),
        (
            "The Azerbaijani Defense Ministry said Major General Polad Hashimov was killed on the forward defense line.",
            1,
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
    ]);
    // A civilian named by the same ministry is not its soldier.
    assert_figures(&[(
        "The Armenian Ministry of Defense said that Gevorg Khurshudyan, a shepherd, was killed by Azerbaijani gunfire near the village.",
        1,
        Status::Killed,
        None,
        Some("armenia"),
    )]);
}

/// "revised up their number of fighters killed": the toll is its owner's own.
#[test]
fn their_own_number_of_dead_is_theirs() {
    assert_figures(&[(
        "Armenian separatists have revised up their number of fighters and civilians killed to 213.",
        213,
        Status::Killed,
        Some("karabakh"),
        Some("karabakh"),
    )]);
}

/// A party mourns its own as martyrs; a health ministry an armed group runs mourns the
/// people of the ground it holds; martyrs no party counts have no side.
#[test]
fn martyrs_are_the_mourners_own() {
    assert_figures(&[
        (
            "The Palestinian Health Ministry said in a statement that there were \"two martyrs in the camp as a result of an (Israeli) occupation airstrike.\"",
            2,
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        (
            "Hezbollah said on Sunday that four martyrs had fallen in the clashes with Israeli troops.",
            4,
            Status::Killed,
            Some("hezbollah"),
            Some("hezbollah"),
        ),
        (
            "The Hamas-run health ministry in Gaza said 40 martyrs were brought to hospitals in Khan Younis.",
            40,
            Status::Killed,
            Some("palestine"),
            Some("hamas"),
        ),
        (
            "Residents said 12 martyrs were buried on Friday.",
            12,
            Status::Killed,
            None,
            None,
        ),
    ]);
}

/// Attackers a state counts are the group's, however the sentence names them: "others"
/// after "one of the attackers", bodies "believed to be attackers", "members of the armed
/// group".
#[test]
fn attackers_named_around_the_figure_are_the_groups() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "Al-Shabaab claimed the attack on the beach in Mogadishu.",
                "The police spokesman said one of the attackers blew himself up, three others were killed by security forces.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("al-shabaab"),
            Some("somalia"),
        ),
        (
            &[
                "JNIM said it attacked the gendarmerie school in Bamako.",
                "Mali's army said state television aired images of three bodies, believed to be attackers.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("jnim"),
            Some("mali"),
        ),
        (
            &[
                "ELN fighters attacked a patrol near the border.",
                "One of the members of the armed group was also killed, according to the Colombian army.",
            ],
            (Some(1), None),
            Status::Killed,
            Some("eln"),
            Some("colombia"),
        ),
    ];
    assert_story_figures(cases);
    // "Three others" after soldiers are more soldiers, not attackers.
    assert_story_figures(&[(
        &[
            "Al-Shabaab claimed the attack on the base.",
            "The army said one of its soldiers was killed and three others were wounded in the attack in Mogadishu.",
        ],
        (Some(3), None),
        Status::Injured,
        Some("somalia"),
        Some("somalia"),
    )]);
}

/// "The Armenian Security Council reported that 207 were killed": a bare number a state at
/// war reports lost, with no attacker and no people named, is its own; a number it says
/// its forces killed is not.
#[test]
fn a_bare_number_a_state_at_war_reports_lost_is_its_own() {
    let out = run_doc(
        Some("Armenian soldiers killed in border fighting with Azerbaijan"),
        chrono::NaiveDate::from_ymd_opt(2022, 9, 19),
        None,
        &[
            "Yerevan, September 19 - Armenia's Security Council said more than 200 Armenian soldiers died last week in the border fighting with Azerbaijan.",
            "The Armenian Security Council reported that 207, including three civilians, were killed, while 293 soldiers were wounded.",
        ],
    );
    assert_eq!(side_of_figure(&out, (Some(207), None)), Some("armenia"));
    let out = run(&[
        "The Azerbaijani Defense Ministry said its forces killed 20 in the clashes with Armenia.",
    ]);
    let twenty = out.claims.iter().find(|c| c.count == Some(20)).expect("20");
    assert_ne!(twenty.side.as_deref(), Some("azerbaijan"), "{twenty:?}");
}

/// "467 people in Lebanon, including 90 civilians and 304 Hezbollah fighters": a party whose
/// fighters a figure includes is of its side too; the civilians among them are not.
#[test]
fn fighters_a_toll_includes_add_their_party() {
    let out = run(&[
        "The fighting has killed at least 467 people in Lebanon, including almost 90 civilians and at least 304 Hezbollah fighters, according to an AFP count.",
    ]);
    let side = |n: u64| {
        out.claims
            .iter()
            .find(|c| c.count_min == Some(n) || c.count_max == Some(n))
            .and_then(|c| c.side.clone())
    };
    assert_eq!(
        side(467).as_deref(),
        Some("lebanon+hezbollah"),
        "{:?}",
        out.claims
    );
    assert_eq!(side(90).as_deref(), Some("lebanon"), "{:?}", out.claims);
    // With no side found for the whole, a part names none for it.
    let out =
        run(&["At least 20 people, including two Hezbollah fighters, were killed, medics said."]);
    let twenty = out
        .claims
        .iter()
        .find(|c| c.count_min == Some(20))
        .expect("20");
    assert_eq!(twenty.side, None, "{twenty:?}");
}

/// Who confirms a figure did not hit anyone, and the forces an insurgent group says it hit
/// at home are its state's; captives it holds are not its own.
#[test]
fn an_insurgents_victims_at_home_and_who_confirms_figures() {
    let story: &[&str] = &[
        "Militants of the Baloch Liberation Army hijacked a train in Balochistan on Tuesday.",
        "The BLA claimed it is still holding 214 hostages and alleged that it had killed 30 security personnel, figures yet to be confirmed by Pakistani authorities.",
        "The BLA has threatened to execute ten Pakistani hostages in retaliation for drone strikes carried out by security forces.",
    ];
    let out = run(story);
    let side = |n: u64| {
        out.claims
            .iter()
            .find(|c| c.count == Some(n))
            .map(|c| c.side.clone())
    };
    assert_eq!(
        side(30),
        Some(Some("pakistan".to_string())),
        "{:?}",
        out.claims
    );
    assert_ne!(side_of_figure(&out, (Some(214), None)), Some("bla"));
    assert_eq!(
        side(10),
        Some(Some("pakistan".to_string())),
        "{:?}",
        out.claims
    );
}

/// "The attack by the Russian military on the village of Hroza became the bloodiest crime
/// of Russians": the target ends at its verb, and the attacker named after it is no target.
#[test]
fn the_target_of_an_attack_ends_at_its_verb() {
    let out = run(&[
        "The terrorist attack by the Russian military on the village of Hroza became the bloodiest crime of Russians in the region. The latest data shows that this crime claimed the lives of 51 civilians, and six people were injured.",
    ]);
    let dead = out.claims.iter().find(|c| c.count == Some(51)).expect("51");
    assert_ne!(dead.side.as_deref(), Some("russia"), "{dead:?}");
}

/// "including two of its members": "its" is the party named last before it, or else the
/// one that speaks; "including members of the group" is the group the story named.
#[test]
fn its_members_among_a_toll_are_its_party() {
    let side = |paragraphs: &[&str], n: u64| {
        run(paragraphs)
            .claims
            .iter()
            .find(|c| c.count == Some(n) || c.count_min == Some(n))
            .and_then(|c| c.side.clone())
    };
    assert_eq!(
        side(
            &["Hezbollah said that three people were killed in Beirut, including two of its members and a girl."],
            3
        )
        .as_deref(),
        Some("lebanon+hezbollah")
    );
    assert_eq!(
        side(
            &[
                "The Hezbollah movement blamed Israel for the blasts.",
                "A health official said at least 150 people were wounded in Beirut, including members of the group.",
            ],
            150
        )
        .as_deref(),
        Some("lebanon+hezbollah")
    );
    // "its troops" are the military's, named before, not the Arakan Army's that speaks.
    assert_eq!(
        side(
            &["Myanmar's military has killed 70 people, including many of its troops in rebel captivity, in two airstrikes in Rakhine state, the Arakan Army said."],
            70,
        )
        .as_deref(),
        Some("myanmar")
    );
}

/// "one more serviceman of Azerbaijani army - Nazim Ismayilov was killed": the words
/// before a dash describe the person named after it.
#[test]
fn a_description_before_a_dash_names_the_persons_side() {
    assert_figures(&[(
        "The battles continued on July 16, as one more serviceman of Azerbaijani army - Nazim Ismayilov was killed.",
        1,
        Status::Killed,
        Some("azerbaijan"),
        None,
    )]);
}

/// An armed group's spokesman counting soldiers counts the state's, not its own; an army
/// counting jihadist fighters it killed counts the enemy's.
#[test]
fn soldiers_a_group_counts_and_jihadists_an_army_counts_are_not_their_own() {
    let group = run(&[
        "Al Shabaab claimed responsibility for the attack on a military base.",
        "“We took the base,” Abdiasis Abu Musab, al Shabaab’s military operation spokesman, told Reuters.",
        "He said attackers killed 15 soldiers.",
    ]);
    assert_ne!(side_of_figure(&group, (Some(15), None)), Some("al-shabaab"));
    let army = run(&[
        "The Malian military has announced the killing of more than 80 jihadist fighters in response to assaults across the country.",
    ]);
    assert_ne!(side_of_figure(&army, (None, Some(80))), Some("mali"));
}

/// Peacekeepers are foreign troops: the host's authorities do not report them as their
/// own. A spokesperson named after a party's spokesman is that spokesman.
#[test]
fn peacekeepers_are_not_the_hosts_and_a_spokesperson_named_next() {
    let out = run(&[
        "At least 12 peacekeepers have been killed in fighting in eastern Democratic Republic of Congo, authorities said.",
    ]);
    let peacekeepers = out.claims.first().expect("the 12 peacekeepers");
    assert_ne!(
        peacekeepers.side.as_deref(),
        Some("drc"),
        "{peacekeepers:?}"
    );
    assert_party_speaks(&[(
        &[
            "Malawi’s military spokesman confirmed that three of its peacekeepers had been killed in fighting with M23 rebels.",
            "“We confirm the loss of three of our courageous soldiers,” spokesperson Emmanuel Mlelemba said.",
        ],
        2,
        "malawi",
    )]);
}

/// The captives an armed group says it holds in its own country are that state's people;
/// not where another state fights (the hostages Hamas holds in Gaza).
#[test]
fn captives_an_armed_group_holds_at_home_are_the_states() {
    let hijack = run_published(
        chrono::NaiveDate::from_ymd_opt(2025, 3, 12),
        &[
            "Baloch separatists hijacked the Jaffar Express in Pakistan's Balochistan province on Tuesday.",
            "The BLA, which seeks independence for Balochistan, claimed it is still holding 214 hostages.",
        ],
    );
    assert_eq!(side_of_figure(&hijack, (Some(214), None)), Some("pakistan"));
    let gaza = run_published(
        chrono::NaiveDate::from_ymd_opt(2024, 1, 12),
        &[
            "Israeli strikes hit Gaza City overnight, killing 20 people.",
            "Hamas said it is still holding 136 hostages in Gaza.",
        ],
    );
    assert_ne!(side_of_figure(&gaza, (Some(136), None)), Some("palestine"));
}

/// "nine Turkish soldiers" and then "attackers ... killing five soldiers": soldiers of no
/// stated side are of the one state whose soldiers the story named; not across a list of
/// states, and not fighters, who may be anyone's.
#[test]
fn soldiers_are_of_the_one_state_whose_soldiers_the_story_named() {
    let story = [
        "Turkey carried out airstrikes in Iraq on Saturday, a day after an attack on a Turkish military base killed nine Turkish soldiers.",
        "On Friday night, attackers attempted to infiltrate a military base in northern Iraq’s Kurdish region, killing five soldiers.",
    ];
    let out = run(&story);
    assert_eq!(side_of_figure(&out, (Some(5), None)), Some("turkey"));

    let across = [
        "Insurgents killed 20 Malian soldiers near Boulkessi on Tuesday.",
        "In total, more than 400 soldiers have been killed by insurgents since May across Mali, Niger and Burkina Faso.",
    ];
    let out = run(&across);
    assert_ne!(side_of_figure(&out, (None, Some(400))), Some("mali"));
}

/// "This number allegedly includes more than 40 injured and 10 killed civilians": the
/// people of a sentence on what the toll before includes are of that toll's side.
#[test]
fn what_a_toll_includes_is_of_its_side() {
    let out = run(&[
        "The authorities of the self-proclaimed Nagorno-Karabakh Republic said that at least 200 people were killed and 400 wounded as a result of Baku's offensive.",
        "This number allegedly includes more than 40 injured and 10 killed civilians.",
    ]);
    assert_eq!(side_of_figure(&out, (Some(10), None)), Some("karabakh"));
    assert_eq!(side_of_figure(&out, (None, Some(40))), Some("karabakh"));
}

/// A bare number an army reports at war is its own loss, unless the sentence before
/// named the enemy it stands for.
#[test]
fn a_bare_number_after_the_enemy_named_is_not_the_armys_own() {
    let quote = "\u{201c}The AFP has greatly diminished the number of the terrorists. So far 191 were confirmed dead,\u{201d} Philippine army spokesman Col. Edgard Arevalo said.";
    let out = run(&[quote]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(191))
        .expect("the 191");
    assert_ne!(claim.side.as_deref(), Some("philippines"), "{claim:?}");
    // With no enemy named, the number is the army's own.
    let out = run(&[
        "\u{201c}So far 19 were confirmed dead,\u{201d} Philippine army spokesman Col. Edgard Arevalo said of the fighting in Marawi.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(19))
        .expect("the 19");
    assert_eq!(claim.side.as_deref(), Some("philippines"), "{claim:?}");
}

/// "3,773 Armenian servicemen" in one state's count makes "servicemen" Armenia's in the
/// story, but not in another state's count: Azerbaijan's servicemen are never Armenia's.
#[test]
fn another_states_count_of_the_same_noun_is_not_the_first_states() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2020, 12, 1),
        &[
            "According to Armenian Prime Minister Nikol Pashinyan, about 3,773 Armenian servicemen were killed. The Azerbaijani authorities reported the death of 2,906 servicemen, 8 more were missing.",
        ],
    );
    assert_eq!(side_of_figure(&out, (Some(3773), None)), Some("armenia"));
    assert_ne!(side_of_figure(&out, (Some(2906), None)), Some("armenia"));
}
