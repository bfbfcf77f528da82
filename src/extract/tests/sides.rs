//! Whose people a figure counts: the phrase, the clause, the attack, the claimant.

use super::*;

/// (text, figure, side, claimant's party): whose people a figure counts and who gives it,
/// for the rules that read a side from the claimant or the clause.
#[test]
fn sides_from_the_claimant_and_the_clause() {
    let cases: &[(&str, u64, Option<&str>, Option<&str>)] = &[
        // A domestic authority counts the people hit on its own ground.
        (
            "Israeli police said two people were lightly wounded by shrapnel.",
            2,
            Some("israel"),
            Some("israel"),
        ),
        // Armed men killing soldiers, as a state reports it: its own soldiers.
        (
            "Myanmar's military government said insurgents had killed 12 soldiers in Shan state.",
            12,
            Some("myanmar"),
            Some("myanmar"),
        ),
        // Soldiers a state reports lost, with no word of whose: its own.
        (
            "Colombia's army said a further eleven soldiers were injured in the rebel attack.",
            11,
            Some("colombia"),
            Some("colombia"),
        ),
        // Fire towards a place hits its people, whoever fired.
        (
            "The war was fought in Gaza. Palestinian armed groups fired 4,881 rockets and 1,753 mortars towards Israel, killing 6 civilians.",
            6,
            Some("israel"),
            None,
        ),
        // An armed group's health ministry counts the people of the ground it holds.
        (
            "Houthi health ministry spokesman Anees Alasbahi said 20 people were killed in the strikes on the port of Ras Isa in Yemen.",
            20,
            Some("yemen"),
            Some("houthis"),
        ),
        // Figures listed before the one that names the people count the same people.
        (
            "Armenia reported one dead, 13 captured, and 24 missing troops.",
            13,
            Some("armenia"),
            Some("armenia"),
        ),
        // People counted together, among them another side's, are of both sides.
        (
            "Twelve people were killed in the strike on Khan Younis, including three Hamas fighters, medics said.",
            12,
            Some("palestine+hamas"),
            None,
        ),
        // Not when the people are named as one side's.
        (
            "Twelve Palestinians were killed in the strike on Khan Younis, including three Hamas fighters, medics said.",
            12,
            Some("palestine"),
            None,
        ),
        // Not soldiers its own forces killed.
        (
            "Russia's Defense Ministry said its forces killed 40 soldiers near Bakhmut.",
            40,
            None,
            Some("russia"),
        ),
        // The side named as such.
        (
            "Israeli authorities say 49 people have been killed on the Israeli side.",
            49,
            Some("israel"),
            Some("israel"),
        ),
        // "its" is the speaker's, not the other people's party word before it.
        (
            "The IDF said it had killed 15 Hamas fighters and that one of its soldiers was seriously wounded.",
            1,
            Some("israel"),
            Some("israel"),
        ),
        // A people's name before the toll owns it.
        (
            "Gaza's Health Ministry said the overall Palestinian death toll had risen to 31,726.",
            31_726,
            Some("palestine"),
            Some("palestine"),
        ),
        // A title with its dot is a title: the governor speaks for his region's state.
        (
            "Belgorod Gov. Vyacheslav Gladkov said one woman was killed when a drone struck a car.",
            1,
            Some("russia"),
            Some("russia"),
        ),
        // The attacker's state is not the governor's.
        (
            "A Russian missile strike on Odesa killed 21 people, Governor Oleh Kiper said.",
            21,
            Some("ukraine"),
            Some("ukraine"),
        ),
        // An agent named after "by" ends at its verb: the place after it is where people
        // were hit.
        (
            "Fighters backed by Rwandan troops entered the centre of Goma, after an offensive that has killed at least 17 people.",
            17,
            Some("drc"),
            None,
        ),
    ];
    for (text, figure, side, by) in cases {
        let out = run(&[text]);
        let claim = out
            .claims
            .iter()
            .find(|c| c.count == Some(*figure) || c.count_min == Some(*figure))
            .unwrap_or_else(|| panic!("no figure {figure} in {text:?}: {:?}", out.claims));
        assert_eq!(claim.side.as_deref(), *side, "side of {figure} in {text:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            *by,
            "claimant of {figure} in {text:?}"
        );
    }
}

#[test]
fn attacks_clashes_and_sides_named_before_a_figure() {
    let cases: &[StoryCase<'_>] = &[
        // The target of an attack, past its agent, is whose people were hit: never the
        // ministry that reports it.
        (
            &[
                "Russia’s Defense Ministry confirmed Sunday’s ambush by Azerbaijani forces of an Artsakh police vehicle that left three officers dead.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("karabakh"),
            Some("russia"),
        ),
        // A sentence that only counts takes the attack of the sentence before it.
        (
            &[
                "“The servicemen of the Armed Forces of Azerbaijan shot at the vehicle of the law enforcement officers of Nagorno Karabakh. As a result of the clashes, three people were killed,” the Russian defense ministry said.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("karabakh"),
            Some("russia"),
        ),
        // A side named just before its figure, across a sentence break.
        (
            &[
                "“There were also losses on the Azerbaijani side. two dead and one injured,” the Russian defense ministry said.",
            ],
            (Some(2), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("russia"),
        ),
        // The dead of a shootout between named sides are of both.
        (
            &[
                "Five people have been killed in a shootout between police officers of the self-proclaimed Nagorno-Karabakh Republic (NKR) and Azerbaijani soldiers on Sunday.",
            ],
            (Some(5), None),
            Status::Killed,
            Some("karabakh+azerbaijan"),
            None,
        ),
        // A place may belong to the first side; after the last, it says where.
        (
            &[
                "Two security personnel were killed in a shootout between ethnic Armenian police in Nagorno-Karabakh and Azerbaijani soldiers in the breakaway region.",
            ],
            (Some(2), None),
            Status::Killed,
            Some("karabakh+azerbaijan"),
            None,
        ),
    ];
    assert_story_figures(cases);
}

#[test]
fn militants_a_state_kills_at_home_are_its_insurgents_but_not_abroad() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "The Malian army said it neutralised 203 terrorists near Moura in central Mali, in the Mopti region of Mali.",
        ],
        (Some(203), None),
        Status::Killed,
        Some("mali-rebels"),
        Some("mali"),
    )];
    assert_story_figures(cases);
    let out = run(&[
        "Israeli strikes hit Rafah and Khan Younis in the Gaza Strip.",
        "The Israeli military said it had killed 30 militants in Gaza.",
    ]);
    let claim = out.claims.iter().find(|c| c.count == Some(30)).expect("30");
    assert_ne!(claim.side.as_deref(), Some("israel-rebels"), "{claim:?}");
}

#[test]
fn lists_totals_and_the_institutions_that_report_their_own() {
    let cases: &[StoryCase<'_>] = &[
        // A total whose parts stand between dashes covers both sides.
        (
            &[
                "Five people — three police officers and two Azerbaijani soldiers — were killed, Armenia's Interior Ministry said.",
            ],
            (Some(5), None),
            Status::Killed,
            Some("armenia+azerbaijan"),
            Some("armenia"),
        ),
        // A border service reports its own personnel.
        (
            &[
                "The press service of the State Border Service of Azerbaijan said 42 military personnel were injured.",
            ],
            (Some(42), None),
            Status::Injured,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        // Named people, ranks and all, are counted, and are the people counted before.
        (
            &[
                "Russia's Defense Ministry confirmed the ambush by Azerbaijani forces of an Artsakh police vehicle that left three officers dead.",
                "As a result of the latest Azerbaijani attack Lieutenant Armen Babayan, Major David Danielyan and Lieutenant Ararat Gasparyan were killed.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("karabakh"),
            None,
        ),
        // A side of the fight reports its own people hit, where the story is mostly the
        // other side's.
        (
            &[
                "Indian missile strikes on six locations in Pakistan killed 26 civilians, Pakistan's military said.",
                "The Indian army said Pakistani shelling had killed 15 civilians in Poonch.",
            ],
            (Some(15), None),
            Status::Killed,
            Some("india"),
            Some("india"),
        ),
    ];
    assert_story_figures(cases);
    let out = run(&[
        "Russia's Defense Ministry confirmed the ambush.",
        "As a result of the attack Lieutenant Armen Babayan, Major David Danielyan and Lieutenant Ararat Gasparyan were killed.",
    ]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.paragraph == 2 && c.count == Some(3)),
        "{:?}",
        out.claims
    );
}

#[test]
fn armed_groups_and_the_soldiers_they_fight() {
    let cases: &[StoryCase<'_>] = &[
        // Where an attack was is no part of who made it.
        (
            &[
                "At least 31 soldiers were killed on Monday in an attack by suspected jihadists in northern Burkina Faso, the army announced.",
            ],
            (None, Some(31)),
            Status::Killed,
            Some("burkina-faso"),
            Some("burkina-faso"),
        ),
        // An army's own operation is no attacker of its own soldiers.
        (
            &[
                "The IDF announced the first fatalities of Israel’s ground operation in Lebanon after eight soldiers were killed during battles against Hezbollah operatives.",
            ],
            (Some(8), None),
            Status::Killed,
            Some("israel"),
            Some("israel"),
        ),
        // Militants in a story of one armed group are that group's; the soldiers the
        // group says it killed are the state's where the story happens.
        (
            &[
                "A raid by the terrorist group al-Shabaab on a military base in southern Somalia left many dead near Marka in Somalia.",
                "\"Our troops have also killed 13 militants,\" Somali military official Mohamed Abdi said.",
            ],
            (Some(13), None),
            Status::Killed,
            Some("al-shabaab"),
            Some("somalia"),
        ),
        (
            &[
                "A raid by the terrorist group al-Shabaab on a military base in southern Somalia left many dead near Marka in Somalia.",
                "The group said it had killed more than 20 soldiers and captured the base briefly.",
            ],
            (None, Some(20)),
            Status::Killed,
            Some("somalia"),
            Some("al-shabaab"),
        ),
        // A noun in quotation marks is still the people.
        (
            &[
                "The Niger defence ministry said 21 “terrorists” had been killed in the clashes in the western region of Tillaberi in Niger.",
            ],
            (Some(21), None),
            Status::Killed,
            Some("niger-rebels"),
            Some("niger"),
        ),
    ];
    assert_story_figures(cases);
}

#[test]
fn soldiers_a_group_hits_are_the_states_it_fights() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "An attack attributed to Colombia’s second largest rebel group, the ELN, left at least ten soldiers dead in northern Colombia.",
            "The attack took place near Cucuta in Colombia.",
        ],
        (None, Some(10)),
        Status::Killed,
        Some("colombia"),
        None,
    )];
    assert_story_figures(cases);
    // Not where another state's forces fight in the group's land.
    let out = run(&[
        "Israeli troops pressed on in Rafah and Khan Younis in the Gaza Strip.",
        "Hamas said it had killed 12 soldiers in an ambush in Gaza.",
    ]);
    let claim = out.claims.iter().find(|c| c.count == Some(12)).expect("12");
    assert_ne!(claim.side.as_deref(), Some("palestine"), "{claim:?}");
}

#[test]
fn forces_named_by_their_institution_are_the_reporting_states() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "Another, smaller attack took place in Gayeri in Burkina Faso, killing four army auxiliaries, the Burkina Faso army said.",
            ],
            (Some(4), None),
            Status::Killed,
            Some("burkina-faso"),
            Some("burkina-faso"),
        ),
        // In the outlet's words, the state where the story happens.
        (
            &[
                "Jihadists attacked Gayeri and Djibo in northern Burkina Faso.",
                "The attack killed four army auxiliaries.",
            ],
            (Some(4), None),
            Status::Killed,
            Some("burkina-faso"),
            None,
        ),
    ];
    assert_story_figures(cases);
}

#[test]
fn a_crew_is_the_craft_that_was_hit_and_a_defined_short_form_names_its_party() {
    let cases: &[StoryCase<'_>] = &[
        // Shot down over one country: the crew are still the craft's.
        (
            &[
                "A Russian Mi-24 military helicopter has been shot down over Armenia, killing two crew members, the Russian defence ministry said.",
            ],
            (Some(2), None),
            Status::Killed,
            Some("russia"),
            Some("russia"),
        ),
        // The craft that was hit, not the jet that fired; "its crew" is the craft's.
        (
            &[
                "An Azerbaijani jet shot down an Armenian helicopter, killing its two crew members, the ministry in Baku said.",
            ],
            (Some(2), None),
            Status::Killed,
            Some("armenia"),
            Some("azerbaijan"),
        ),
        // "the Arakan Army, or AA," then "the AA said".
        (
            &[
                "The Arakan Army, or AA, has captured many members of the military.",
                "An airstrike in Pauktaw township in Rakhine state killed at least 17 people, the AA said in a statement.",
            ],
            (None, Some(17)),
            Status::Killed,
            Some("myanmar"),
            Some("arakan-army"),
        ),
    ];
    assert_story_figures(cases);
    // A short form is learned only when its capitals are the name's initials: "Voice of
    // America (VOA)" does not make "VOA" America's.
    assert_none_speaks_for(
        &[
            "Fighting has gone on for months, Voice of America (VOA) said.",
            "A doctor said 26 civilians were killed in Finote Selam, VOA reported.",
        ],
        "us",
    );
}

#[test]
fn its_fighters_are_not_the_lands_struck_and_a_death_of_names_a_figure() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "The Yemeni Houthi group announced Friday that US and British forces launched 73 strikes on Yemen, killing five of its fighters.",
            ],
            (Some(5), None),
            Status::Killed,
            Some("houthis"),
            Some("houthis"),
        ),
        (
            &[
                "These attacks led to the death of five Houthi fighters and the injury of six others, the Houthi spokesman added.",
            ],
            (Some(6), None),
            Status::Injured,
            Some("houthis"),
            Some("houthis"),
        ),
    ];
    assert_story_figures(cases);
}

#[test]
fn a_rival_report_does_not_inherit_the_side_of_the_figure_before() {
    let out = run(&[
        "“Seven servicemen died and 10 more were wounded in the clashes provoked by Armenia,” Azerbaijan's defence ministry said. Armenia reported one dead, 13 captured, and 24 missing troops.",
    ]);
    let wounded = out.claims.iter().find(|c| c.count == Some(10)).expect("10");
    assert_eq!(wounded.side.as_deref(), Some("azerbaijan"), "{wounded:?}");
    let dead = out
        .claims
        .iter()
        .find(|c| c.count == Some(1) && c.status == Status::Killed)
        .expect("one dead");
    assert_ne!(dead.side.as_deref(), Some("azerbaijan"), "{dead:?}");
}

#[test]
fn people_held_somewhere_are_not_of_that_place() {
    let out = run(&["Around 240 people remain abducted by Hamas in Gaza."]);
    let held = out
        .claims
        .iter()
        .find(|c| c.count == Some(240))
        .expect("240");
    assert_ne!(held.side.as_deref(), Some("palestine"), "{held:?}");
}

/// The same large figure of the same fate, told again under another word in a later
/// paragraph, is the same people; a figure two tellings give to different sides is not
/// guessed.
#[test]
fn a_figure_told_again_under_another_word_keeps_its_side() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "Ukrainian intelligence said 53 Ukrainian prisoners were killed in the blast.",
            "As a result of the blast, about 53 soldiers were killed, and another 130 were injured.",
        ],
        (Some(130), None),
        Status::Injured,
        Some("ukraine"),
        None,
    )];
    assert_story_figures(cases);
    let out = run(&[
        "Armenia said 12 Azerbaijani soldiers were killed, while Baku said 12 Armenian soldiers were killed.",
        "In all, 12 soldiers were killed, a monitor said.",
    ]);
    let told = out
        .claims
        .iter()
        .find(|c| c.paragraph == 2)
        .expect("the figure told again");
    assert_eq!(told.side, None, "{told:?}");
}

/// People with nothing of their own, in the same sentence and account as a figure whose
/// side is stated, are more of that side, listed before it or after it.
#[test]
fn more_people_of_the_same_account_share_its_side() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "The Khartoum state health ministry said in a statement that El No Hospital received 105 injuries and 52 deaths.",
            ],
            (Some(105), None),
            Status::Injured,
            Some("sudan"),
            Some("sudan"),
        ),
        (
            &[
                "Three Karabakh police officers were killed and Lieutenant David Hovsepyan suffered a gunshot wound, the report said.",
            ],
            (Some(1), None),
            Status::Injured,
            Some("karabakh"),
            None,
        ),
    ];
    assert_story_figures(cases);
}

/// Civilians listed beside an armed group's members are not that group's people.
#[test]
fn civilians_beside_a_groups_members_are_not_its_people() {
    let out = run(&[
        "Three members of the Fano militia group and a woman selling liquor were also among the casualties.",
    ]);
    assert_eq!(
        side_of_figure(&out, (Some(3), None)),
        Some("fano"),
        "{out:?}"
    );
    assert_eq!(side_of_figure(&out, (Some(1), None)), None, "{out:?}");
}

/// "50 deaths among its troops" are the speaker's; an attack's author after "by", in
/// quotation marks or not, is never the place it struck.
#[test]
fn deaths_among_its_troops_and_an_author_in_quotation_marks() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "YEREVAN, Sept 14. The Azerbaijani Defense Ministry reported 50 deaths among its troops.",
        ],
        (Some(50), None),
        Status::Killed,
        Some("azerbaijan"),
        Some("azerbaijan"),
    )];
    assert_story_figures(cases);
    let out = run(&[
        "The day of mourning for “the victims of the barbaric shelling of Lysychansk,” followed Saturday’s attack on a bakery by “Ukrainian nationalists” that left 28 people dead, Pasechnik said.",
    ]);
    let dead = out
        .claims
        .iter()
        .find(|c| c.count == Some(28))
        .expect("the dead");
    assert_ne!(dead.side.as_deref(), Some("ukraine"), "{dead:?}");
}

/// Maoists and Naxalites are insurgents: never the state's own dead.
#[test]
fn maoists_killed_by_security_forces_are_not_the_states() {
    let out = run(&[
        "Last month, six Maoists were killed following an encounter with security forces in Chhattisgarh's Narayanpur district, Indian police said.",
    ]);
    let dead = out.claims.first().expect("the dead");
    assert_ne!(dead.side.as_deref(), Some("india"), "{dead:?}");
}

#[test]
fn them_stands_for_the_hostile_people_named_before() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "At least 50 people were killed in an attack by Islamic State West Africa Province (ISWAP) on Darajamal.",
            "Troops tracked the terrorists as they retreated, and airstrikes killed more than 30 of them.",
        ],
        (None, Some(30)),
        Status::Killed,
        Some("isis"),
        None,
    )];
    assert_story_figures(cases);
}

#[test]
fn the_dead_on_both_sides_and_of_fighting_that_broke_out_between_two() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "Heavy fighting marked the biggest escalation of the conflict between Armenia and Azerbaijan, killing more than 5,600 people on both sides.",
            ],
            (None, Some(5600)),
            Status::Killed,
            Some("armenia+azerbaijan"),
            None,
        ),
        (
            &[
                "Fighting broke out between Azerbaijan and Armenia in September last year over Nagorno-Karabakh, claiming about 6,000 lives over six weeks.",
            ],
            (Some(6000), None),
            Status::Killed,
            Some("azerbaijan+armenia"),
            None,
        ),
    ];
    assert_story_figures(cases);
    // A market named after a town elsewhere is no place of the story.
    let text = "The Armed Forces of Ukraine launched an artillery strike on the territory of the Sokol market in Donetsk. Three people were killed, the head of the Donetsk People's Republic Denis Pushilin said.";
    let out = run_published(chrono::NaiveDate::from_ymd_opt(2024, 9, 4), &[text]);
    let dead = out
        .claims
        .iter()
        .find(|c| c.count == Some(3))
        .expect("three dead");
    assert_eq!(dead.side.as_deref(), Some("dpr"), "{dead:?}");
}

#[test]
fn the_target_of_an_attack_verb_after_to() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "Stepanakert was shelled on Sunday.",
            "The Azerbaijani MoD reported that Armenian troops used launchers to shell the frontline city of Barda. 20 civilians were killed, the General Prosecutor's Office of Azerbaijan reported.",
        ],
        (Some(20), None),
        Status::Killed,
        Some("azerbaijan"),
        Some("azerbaijan"),
    )];
    assert_story_figures(cases);
}

#[test]
fn losses_a_party_sustained_are_its_own() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "The Defense Ministry in Moscow estimated that Kiev had sustained more than 76,000 casualties in the operation.",
        ],
        (None, Some(76000)),
        Status::KilledOrInjured,
        Some("ukraine"),
        Some("russia"),
    )];
    assert_story_figures(cases);
}

/// A figure in one side's own account after the clash is that side's own, not the dead of
/// the clash on both sides.
#[test]
fn a_sides_own_account_after_a_clash_counts_its_own() {
    assert_figures(&[(
        "Fighting between Armenian and Azerbaijani forces escalated Tuesday, with Azerbaijan reporting seven more troops killed, including a general, and Armenia saying it has lost two servicemen.",
        7,
        Status::Killed,
        Some("azerbaijan"),
        Some("azerbaijan"),
    )]);
    // The dead of the clash itself stay both sides'.
    assert_figures(&[(
        "Five people have been killed in a shootout between police officers of the NKR and Azerbaijani soldiers, the ministry said.",
        5,
        Status::Killed,
        Some("karabakh+azerbaijan"),
        None,
    )]);
}

/// Captives handed over or released to a party are that party's.
#[test]
fn captives_handed_over_are_the_receivers() {
    assert_figures(&[
        (
            "Russia's Defense Ministry said Monday that 12 captives were handed over to Azerbaijan after the talks.",
            12,
            Status::Captured,
            Some("azerbaijan"),
            Some("russia"),
        ),
        (
            "Azerbaijan on Saturday released to Armenia 15 prisoners of war captured last year, the ministry in Baku said.",
            15,
            Status::Captured,
            Some("armenia"),
            Some("azerbaijan"),
        ),
    ]);
}

/// Captives a party says the other side took are its own; "he" after an institution with
/// no person heard speaks for that institution.
#[test]
fn captives_the_other_side_took_are_the_reporters() {
    assert_figures(&[(
        "The Armenian Security Council said 20 soldiers were captured by the Azerbaijani army.",
        20,
        Status::Captured,
        Some("armenia"),
        Some("armenia"),
    )]);
    assert_story_figures(&[(
        &[
            "The Armenian Security Council reported that 207 people were killed in the clashes with Azerbaijan.",
            "He noted that 20 soldiers were captured by the Azerbaijani army.",
        ],
        (Some(20), None),
        Status::Captured,
        Some("armenia"),
        Some("armenia"),
    )]);
}

/// Abu Sayyaf is a group of its own, not another Philippine group's name.
#[test]
fn abu_sayyaf_is_its_own_group() {
    assert_figures(&[(
        "Five Abu Sayyaf militants were killed in a clash with marines in Sulu, the military said.",
        5,
        Status::Killed,
        Some("abu-sayyaf"),
        Some("philippines"),
    )]);
}

/// An armed group's authorities count the people of the ground they hold, not their own:
/// "According to Houthi authorities, at least 46 people were killed" in Hodeidah.
#[test]
fn a_groups_authorities_count_the_people_of_its_ground() {
    assert_story_figures(&[(
        &[
            "Israeli jets struck the port of Hodeidah on Sunday.",
            "According to Houthi authorities, at least 46 people were killed and more than 160 injured in the strikes.",
        ],
        (None, Some(46)),
        Status::Killed,
        Some("yemen"),
        Some("houthis"),
    )]);
    assert_story_figures(&[(
        &[
            "Israeli jets struck the port of Hodeidah on Sunday.",
            "- Houthi officials reported at least 46 deaths and more than 160 injuries; the group said its air defenses intercepted some Israeli aircraft.",
        ],
        (None, Some(46)),
        Status::Killed,
        Some("yemen"),
        Some("houthis"),
    )]);
}

/// The crew counted in the sentence after their craft was brought down are the craft's.
#[test]
fn a_crew_counted_after_their_craft_went_down() {
    assert_figures(&[(
        "The Russian Defense Ministry said a Russian Mi-24 helicopter had been downed over Armenia near the border with Azerbaijan. Two crew members were killed and another one was injured.",
        2,
        Status::Killed,
        Some("russia"),
        Some("russia"),
    )]);
}

/// "13 deaths, all among the assailants": the people named after the status noun say
/// whose dead they are.
#[test]
fn deaths_all_among_the_assailants_are_the_attackers() {
    assert_figures(&[(
        "JNIM fighters attacked the army camp in Kayes. The Malian Armed Forces reported 13 deaths, all among the assailants.",
        13,
        Status::Killed,
        Some("jnim"),
        Some("mali"),
    )]);
}
