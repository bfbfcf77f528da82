//! Figures as the text writes them: numbers, tolls, details, lists.

use super::*;

/// Figures read from adjectives, past a denial, and given by no party.
#[test]
fn figures_from_adjectives_denials_and_non_parties() {
    let cases: &[FigureCase<'_>] = &[
        (
            "A kidnapped Saudi Arabian diplomat has been freed in Beirut, witnesses said.",
            1,
            Status::Captured,
            Some("saudi-arabia"),
            None,
        ),
        (
            "Kidnapped Japanese businessman Noboyuki Wakaoji is alive and well, the archbishop of Manila said.",
            1,
            Status::Captured,
            Some("japan"),
            None,
        ),
        // What police deny is the rumour, not the killing after it.
        (
            "Malaysian police denied rumours of race riots after an armed man killed one person in Kuala Lumpur.",
            1,
            Status::Killed,
            Some("malaysia"),
            None,
        ),
        // Nor a news outlet ("Qatar's Al Jazeera"), which is no state's agency.
        (
            "Qatar's Al Jazeera reported that Israeli forces bombed shelters in Gaza City, killing 160 people.",
            160,
            Status::Killed,
            Some("palestine"),
            None,
        ),
        // A company is no party, whatever country its name holds.
        (
            "Three workers were killed in fighting at a zinc refinery in Johannesburg, Gold Fields of South Africa Ltd said.",
            3,
            Status::Killed,
            Some("south-africa"),
            None,
        ),
    ];
    assert_figures(cases);
    // Wounded soldiers with no number give no figure.
    let out = run(&["Wounded soldiers were evacuated."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

#[test]
fn figures_written_as_newsrooms_write_them() {
    let cases: &[StoryCase<'_>] = &[
        // "more" after a figure: more of the people just counted.
        (
            &[
                "Three civilians were killed in Kyiv, with eight more injured, according to local authorities.",
            ],
            (Some(8), None),
            Status::Injured,
            Some("ukraine"),
            Some("ukraine"),
        ),
        // "among the deceased" says what happened to them.
        (
            &[
                "The Health Ministry in Gaza said that two-thirds are women and children, with a count of 3,542 children among the deceased.",
            ],
            (Some(3_542), None),
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        // A detail set off by commas does not hide the verb.
        (
            &[
                "At least 45 Palestinians, including at least 23 women, children and elderly people, were killed in the attack, the Palestinian health ministry said.",
            ],
            (None, Some(45)),
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        // "approx." before a figure.
        (
            &[
                "The IDF said its troops targeted a Hamas terrorist stronghold in Jabaliya.",
                "\"During the ground activity, the troops eliminated approx. 50 terrorists,\" it said.",
            ],
            (Some(50), None),
            Status::Killed,
            Some("hamas"),
            Some("israel"),
        ),
        // Wounds suffered or sustained.
        (
            &[
                "Three individuals sustained injuries during the attack on Kharkiv, the regional governor said.",
            ],
            (Some(3), None),
            Status::Injured,
            Some("ukraine"),
            Some("ukraine"),
        ),
        // Hostages pronounced dead are dead; their captor is not their side.
        (
            &[
                "Thirty-one of the remaining hostages held by Palestinian movement Hamas in the Gaza Strip have been pronounced dead, IDF spokesman Daniel Hagari said.",
            ],
            (Some(31), None),
            Status::Killed,
            None,
            Some("israel"),
        ),
        // The people a party lost are its own.
        (
            &[
                "According to the Karabakh Defense Ministry's update, Azerbaijan also lost 920 fighters.",
            ],
            (Some(920), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("karabakh"),
        ),
        // The people a toll names before its figure; a name after "with" is no place.
        (
            &[
                "The number of soldiers of the self-proclaimed Nagorno-Karabakh Republic killed on the contact line with Azerbaijan has surpassed 100, local authorities reported.",
            ],
            (None, Some(100)),
            Status::Killed,
            Some("karabakh"),
            Some("karabakh"),
        ),
    ];
    assert_story_figures(cases);
    // "Two more" after drones shot down counts no people.
    let out = run(&["Air defences shot down 14 Shahed drones. Two more disappeared in the area."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

#[test]
fn tolls_set_changed_and_coordinated() {
    let cases: &[StoryCase<'_>] = &[
        // Two coordinated figures share the verb after the second.
        (
            &[
                "At least 31 soldiers and three army auxiliaries were killed on Monday in northern Burkina Faso, the army announced.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("burkina-faso"),
            Some("burkina-faso"),
        ),
        // A toll that climbed from one figure to another is the second, not a range.
        (
            &[
                "Lebanon's Health Minister Firas Abiad said the death toll from Israeli air strikes on southern Lebanon climbed from 558 to 569.",
            ],
            (Some(569), None),
            Status::Killed,
            Some("lebanon"),
            Some("lebanon"),
        ),
        // The victims of a toll are its dead, the second group too.
        (
            &[
                "\"Among the victims are 50 children and 94 women,\" Lebanon's health minister said.",
            ],
            (Some(94), None),
            Status::Killed,
            Some("lebanon"),
            Some("lebanon"),
        ),
        // A de facto authority's region before its forces names them.
        (
            &[
                "As many as 36 Karabakh servicemen were killed, the Karabakh Ministry of Defence said.",
            ],
            (None, None),
            Status::Killed,
            Some("karabakh"),
            Some("karabakh"),
        ),
        // The loss of people is the loser's.
        (
            &[
                "The Azerbaijani side has admitted the loss of 31 fighters, 1 helicopter and 1 drone.",
            ],
            (Some(31), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        // Setting a toll is stating it: raised to, put at.
        (
            &[
                "Prime Minister Nikol Pashinyan raised the number of Armenian soldiers killed since Azerbaijan launched attacks on Armenia to 105.",
            ],
            (Some(105), None),
            Status::Killed,
            Some("armenia"),
            Some("armenia"),
        ),
        (
            &[
                "Pashinyan said 49 Armenian soldiers had been killed, while Azerbaijan continues to put its combat losses at 42 soldiers and eight border guards.",
            ],
            (Some(8), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        // A weekday after the people is no part of them.
        (
            &[
                "Blasts killed at least nine people Friday in a camp on the outskirts of Goma, local sources said.",
            ],
            (None, Some(9)),
            Status::Killed,
            Some("drc"),
            None,
        ),
    ];
    assert_story_figures(cases);
    let out = run(&["He gave no further details on the release."]);
    assert!(out.statements.is_empty(), "{:?}", out.statements);
}

#[test]
fn details_hospitals_and_tolls_of_both() {
    let cases: &[StoryCase<'_>] = &[
        // A detail with no comma to close it ends at the verb.
        (
            &[
                "At least 15 residents, including two women and four children were killed in Poonch as Pakistani troops shelled Indian positions, officials in Jammu said.",
            ],
            (None, Some(15)),
            Status::Killed,
            Some("india"),
            Some("india"),
        ),
        (
            &["Three Sikhs including preacher Amrik Singh were killed in Poonch in India."],
            (Some(3), None),
            Status::Killed,
            Some("india"),
            None,
        ),
        // A toll of the dead and wounded is both.
        (
            &[
                "Hossein Kermanpour, a spokesman for Iran's health ministry, said the total number of dead and wounded had reached 1,481.",
            ],
            (Some(1_481), None),
            Status::KilledOrInjured,
            Some("iran"),
            Some("iran"),
        ),
        // The parts of one side make a total of that side.
        (
            &[
                "As a result, 50 armed forces personnel, including 42 Azerbaijan Army servicemen and 8 State Border Service personnel were killed, the Azerbaijani Defense Ministry detailed.",
            ],
            (Some(50), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        // "the martyrdom of", "injuries to".
        (
            &[
                "India launched attacks on six locations in Pakistan, resulting in the martyrdom of at least 26 civilians and injuries to 46 others, Pakistan's military spokesman said.",
            ],
            (None, Some(26)),
            Status::Killed,
            Some("pakistan"),
            Some("pakistan"),
        ),
    ];
    assert_story_figures(cases);
    // "enemy fighters" an army counts are never its own; "armoured personnel carriers"
    // are vehicles.
    let out = run(&[
        "The army said the troops recovered the bodies of at least five enemy fighters.",
        "Baku lost four armoured personnel carriers, the Armenian Defence Ministry said.",
    ]);
    assert!(
        out.claims
            .iter()
            .all(|c| c.paragraph != 1 || c.side.is_none() && c.count_min == Some(5)),
        "{:?}",
        out.claims
    );
    assert!(
        out.claims.iter().all(|c| c.paragraph != 2),
        "{:?}",
        out.claims
    );
}

#[test]
fn figures_told_apart_by_place_pairs_of_people_and_lost_contact() {
    let cases: &[StoryCase<'_>] = &[
        // Figures of the same people told apart by place.
        (
            &[
                "According to the SOHR report, the victims were distributed as follows: 49 deaths in Tartous, 25 in Latakia and 84 in Hama.",
            ],
            (Some(84), None),
            Status::Killed,
            Some("syria"),
            None,
        ),
        (
            &[
                "The province-wise death toll includes 683 in Latakia, 433 in Tartous and 12 in Homs.",
            ],
            (Some(433), None),
            Status::Killed,
            Some("syria"),
            None,
        ),
        // Two people joined by "and" are two.
        (
            &[
                "Another mosque was hit in Bahawalpur in Pakistan, killing a 16-year-old girl and an 18-year-old boy.",
            ],
            (Some(2), None),
            Status::Killed,
            Some("pakistan"),
            None,
        ),
        // Lost contact is missing.
        (
            &[
                "Communication is lost with 24 Armenian soldiers after recent border clashes with Azerbaijan, the Armenian Defence Ministry said.",
            ],
            (Some(24), None),
            Status::Missing,
            Some("armenia"),
            Some("armenia"),
        ),
        // The owner of the first of two joined figures owns the second.
        (
            &[
                "Azerbaijan said on Wednesday that 192 of its soldiers and one civilian died in its lightning offensive.",
            ],
            (Some(1), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
    ];
    assert_story_figures(cases);
    // "US National Security Council" is no UN body.
    assert_none_speaks_for(
        &[
            "It wounded three US military personnel, said US National Security Council spokesperson Adrienne Watson.",
        ],
        "un",
    );
}

#[test]
fn press_offices_homonyms_and_people_moved_to_hospital() {
    // A party's own press office as the outlet speaks for it, and the militants its army
    // killed at home are the country's insurgents.
    let paragraphs = vec![
        "Security forces conducted an operation in Dera Ismail Khan district of Pakistan, killing 8 terrorists."
            .to_string(),
        "The operation in Dera Ismail Khan continues, Pakistan's army said.".to_string(),
    ];
    let doc = DocText {
        title: None,
        published: None,
        outlet: Some("Inter Services Public Relations (ISPR), Pakistan"),
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
    let claim = out.claims.first().expect("the eight");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("pakistan"),
        "{claim:?}"
    );
    assert_eq!(claim.side.as_deref(), Some("pakistan-rebels"), "{claim:?}");
    // "Ministry of Defence (India)": the state the outlet names, not another state's
    // ministry of the same name.
    let doc = DocText {
        outlet: Some("Ministry of Defence (India)"),
        ..doc
    };
    let out = extract(&doc, &Gazetteer::builtin());
    let claim = out.claims.first().expect("the eight");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("india"),
        "{claim:?}"
    );
    // "UN OCHA": a UN body's own publication.
    let doc = DocText {
        outlet: Some("UN OCHA"),
        ..doc
    };
    let out = extract(&doc, &Gazetteer::builtin());
    let claim = out.claims.first().expect("the eight");
    assert_eq!(claim.according_to.party.as_deref(), Some("un"), "{claim:?}");
    let cases: &[StoryCase<'_>] = &[
        // A town named once that shares its name with a town elsewhere is not where the
        // story's people were hit.
        (
            &[
                "Malian troops killed fighters near Mopti and Segou in central Mali, the army said in Bamako.",
                "A device struck a military convoy near Boni on Sunday, killing four soldiers, two security sources said.",
            ],
            (Some(4), None),
            Status::Killed,
            Some("mali"),
            Some("mali"),
        ),
        // "Acting Kursk governor": the place before an office is where it governs.
        (
            &[
                "Acting Kursk governor Alexei Smirnov said 12 civilians had been killed since the start of the incursion.",
            ],
            (Some(12), None),
            Status::Killed,
            Some("russia"),
            Some("russia"),
        ),
        // People moved to hospital counted by their status noun.
        (
            &[
                "Governor William Villamizar said the army had evacuated 42 wounded by helicopter to Cucuta in Colombia.",
            ],
            (Some(42), None),
            Status::Injured,
            Some("colombia"),
            Some("colombia"),
        ),
    ];
    assert_story_figures(cases);
}

/// A toll set "to roughly" or "at about" a figure is still a toll.
#[test]
fn a_toll_revised_to_an_approximate_figure() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "The govt of Israel announced that it has revised the death toll of the attack from around 1400 to roughly 1200 people.",
        ],
        (Some(1200), None),
        Status::Killed,
        None,
        Some("israel"),
    )];
    assert_story_figures(cases);
    let out = run(&["The death toll rose to about 30, the ministry said."]);
    assert!(
        out.claims.iter().any(|c| c.count == Some(30) && c.approx),
        "{:?}",
        out.claims
    );
}

/// A name before an active verb did the killing or is where it happened: it is no one
/// person killed. The local authorities who count are the place's, not the attacker's.
#[test]
fn a_name_before_an_active_verb_is_no_victim() {
    let text = "ERBIL (Kurdistan 24) – Turkish bombardments against Parakhe village in the Kurdistan Region’s Zakho have killed eight Arab tourists and injured two dozen more, medics and local authorities have told Kurdistan 24.";
    let out = run(&[text]);
    let figures: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(
        figures,
        [(Some(8), Status::Killed), (Some(24), Status::Injured)],
        "{:?}",
        out.claims
    );
    for claim in &out.claims {
        assert_eq!(claim.side.as_deref(), Some("iraq"), "{claim:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            Some("iraq"),
            "{claim:?}"
        );
    }
    // A name with a passive verb still is one person.
    let out = run(&["Lieutenant Armen Hakobyan was killed on Tuesday, the ministry said."]);
    assert_eq!(
        out.claims.first().and_then(|c| c.count),
        Some(1),
        "{:?}",
        out.claims
    );
}

/// An apposition between the people and their verb, a participle before the people, and
/// a time after a toll's figure leave the figure read.
#[test]
fn appositions_participles_and_times_around_a_figure() {
    assert_figures(&[
        (
            "The Colombian army stated ten soldiers, nine enlisted men and one officer, had died in the attack.",
            10,
            Status::Killed,
            Some("colombia"),
            Some("colombia"),
        ),
        (
            "So far Azerbaijan has admitted only 15 killed troops.",
            15,
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        (
            "A Palestinian Civil Defense official put the death toll at 40 earlier Tuesday.",
            40,
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
    ]);
}

/// People a toll's subject includes share its fate; a toll's clause runs over a date's
/// commas.
#[test]
fn people_a_toll_includes_and_a_toll_set_since_a_date() {
    assert_figures(&[
        (
            "The victims of the strike included three journalists, Palestinian health officials said.",
            3,
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        (
            "The strike raised the overall death toll since October 7, 2023, to 54,470, the Palestinian health ministry said.",
            54_470,
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
    ]);
    // Released prisoners are no toll, whatever body is named before.
    let out = run(&[
        "According to the Coordination Headquarters for the Treatment of Prisoners of War, those released included 213 servicemen.",
    ]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

#[test]
fn the_people_a_long_complement_names_and_those_who_died_of_wounds() {
    let cases: &[FigureCase<'_>] = &[
        // A complement of plain words and names runs to the verb.
        (
            "Two soldiers from the defense force of the de-facto Artsakh Republic were killed, according to the Artsakh Defense Army.",
            2,
            Status::Killed,
            Some("karabakh"),
            Some("karabakh"),
        ),
        // Someone wounded who has since died is dead.
        (
            "A resident of the village of Sotk, who was wounded in shelling by Azerbaijani forces, has died in hospital, the Governor of the Gegharkunik Region of Armenia said.",
            1,
            Status::Killed,
            Some("armenia"),
            Some("armenia"),
        ),
    ];
    assert_figures(cases);
    // Hostages "from Gaza" were held there: Gaza says nothing of whose they are.
    let out = run(&["Four hostages from war-torn Gaza were taken captive in October."]);
    let hostages = out
        .claims
        .iter()
        .find(|c| c.count == Some(4))
        .expect("four hostages");
    assert_ne!(hostages.side.as_deref(), Some("palestine"), "{hostages:?}");
}

#[test]
fn a_side_that_has_the_figure_and_others_counted_in_the_next_paragraph() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "“At least 5 Azerbaijani servicemen have been killed. The Armenian side has one wounded,” the statement said.",
            ],
            (Some(1), None),
            Status::Injured,
            Some("armenia"),
            None,
        ),
        (
            &[
                "A landmine explosion has killed two Azerbaijani journalists, the prosecutor said.",
                "Four others were injured in Friday's incident, the prosecutor said.",
            ],
            (Some(4), None),
            Status::Injured,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
    ];
    assert_story_figures(cases);
    let out = run(&[
        "“Five Azerbaijani servicemen have been killed. The Armenian side has one wounded,” the statement said.",
    ]);
    let wounded = out
        .claims
        .iter()
        .find(|c| c.count == Some(1))
        .expect("one wounded");
    assert!(!wounded.who.contains("Azerbaijani"), "{wounded:?}");
}

#[test]
fn military_counted_by_a_number_are_people() {
    let cases: &[FigureCase<'_>] = &[(
        "Eleven military died on Friday in an armed confrontation.",
        11,
        Status::Killed,
        None,
        None,
    )];
    assert_figures(cases);
    // Vehicles are not people, whatever word stands before them.
    let out = run(&["The strike destroyed 12 military vehicles and killed two soldiers."]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(12)),
        "{:?}",
        out.claims
    );
}

/// An age after one person is no count: "a woman around 60 was seriously injured"; and
/// two people with their ages between them are two.
#[test]
fn ages_after_one_person_are_not_counts() {
    let out = run(&[
        "These included a woman around 60 in critical condition, a man around 65 in serious condition, and 30 others with light injuries.",
    ]);
    let counts: Vec<Option<u64>> = out.claims.iter().map(|c| c.count).collect();
    assert!(
        !counts.contains(&Some(60)) && !counts.contains(&Some(65)),
        "{:?}",
        out.claims
    );
    assert!(counts.contains(&Some(30)), "{:?}", out.claims);
    let out = run(&[
        "Later, a woman in her 60s and a man around 30 were killed near the kibbutz, according to paramedics.",
    ]);
    let counts: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(counts, [(Some(2), Status::Killed)], "{:?}", out.claims);
    // "a family of four" is four people, not an age.
    let out =
        run(&["A family of four were killed in an overnight strike in Gaza City, medics said."]);
    assert!(
        out.claims.iter().any(|c| c.count == Some(4)),
        "{:?}",
        out.claims
    );
}

/// "Another woman was wounded" is one more person; "another 10 servicemen" is the figure's.
#[test]
fn another_person_is_one_more() {
    let out = run(&[
        "Two elderly women were killed in the shelling of Kherson. Another woman from Kherson was wounded.",
    ]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count == Some(1) && c.status == Status::Injured),
        "{:?}",
        out.claims
    );
    let out =
        run(&["The Defense Ministry added that another 10 Azerbaijani servicemen were wounded."]);
    let found: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(found, [(Some(10), Status::Injured)], "{:?}", out.claims);
}

/// "... has reached at least 492. This includes 35 children and 58 women": the details of
/// a toll may open the next sentence by pointing back at it.
#[test]
fn details_of_a_toll_in_the_sentence_after_it() {
    let out = run(&[
        "The Lebanese health ministry reports that the death toll has reached at least 492. This includes 35 children and 58 women.",
    ]);
    let killed: Vec<Option<u64>> = out
        .claims
        .iter()
        .filter(|c| c.status == Status::Killed)
        .map(|c| c.count)
        .collect();
    assert_eq!(killed, [None, Some(35), Some(58)], "{:?}", out.claims);
}

/// "resulted in at least 558 fatalities": a bound after "in" is a figure, not a year.
#[test]
fn a_bound_after_in_is_no_year() {
    let out = run(&[
        "The strikes on Lebanon have resulted in at least 558 fatalities, the health ministry said.",
    ]);
    let found: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count_min, c.status)).collect();
    assert_eq!(found, [(Some(558), Status::Killed)], "{:?}", out.claims);
    // A year after "in" stays a year.
    let out = run(&["Fighting has killed 20 soldiers in 1987, the army said."]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(1987)),
        "{:?}",
        out.claims
    );
}

/// "Of 558 people who have died, 50 are children": a part of the whole the sentence
/// opened with shares its status.
#[test]
fn a_part_of_the_whole_a_sentence_opens_with() {
    let out = run(&[
        "Of 558 people who have died from the strikes, 50 are children, the health ministry said.",
    ]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count == Some(50) && c.status == Status::Killed),
        "{:?}",
        out.claims
    );
}

/// "A third serviceman was reportedly injured", opening the paragraph after "killing two
/// crew members": one more of the people counted before.
#[test]
fn a_third_person_is_one_more_of_those_counted_before() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "A Russian Mi-24 military helicopter has been shot down over Armenia, killing two crew members, the Russian defence ministry said.",
            "A third serviceman was reportedly injured and taken to hospital.",
        ],
        (Some(1), None),
        Status::Injured,
        Some("russia"),
        None,
    )];
    assert_story_figures(cases);
}

#[test]
fn a_toll_among_a_people_with_its_source_after_it() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The death toll among Palestinians was 2,189 according to preliminary data collected by the Protection Cluster.",
            2_189,
            Status::Killed,
            Some("palestine"),
            None,
        ),
        (
            "The death toll among Palestinian civilians rose to 2,189.",
            2_189,
            Status::Killed,
            Some("palestine"),
            None,
        ),
    ];
    assert_figures(cases);
}
