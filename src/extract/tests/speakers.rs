//! Who speaks, and for whom: appositions, surnames, titles, reproduced statements.

use super::*;

/// (paragraphs, paragraph, party): who speaks, for speakers named once and then by surname,
/// and for quotations given in the passive.
#[test]
fn speakers_named_once_keep_their_party() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "Iraqi Foreign Minister Tareq Aziz was quoted as saying Iran has attacked several ships.",
            ],
            1,
            "iraq",
        ),
        (
            &[
                "Iraqi Foreign Minister Tareq Aziz warned Iran on Monday.",
                "Aziz said in an interview that the missiles had been in place for months.",
            ],
            2,
            "iraq",
        ),
        (
            &[
                "The United States acted in self-defense, the American delegation told the United Nations.",
            ],
            1,
            "us",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn speakers_in_appositions_and_parentheticals() {
    let cases: &[(&[&str], usize, &str)] = &[
        // "the Philippine Congress" is the Philippines', not the U.S. Congress.
        (
            &[
                "A device blew up in the Philippine Congress building, a congressional security official said.",
            ],
            1,
            "philippines",
        ),
        // A participle's clause between the speaker and the verb.
        (
            &[
                "President Reagan, seeking to salvage his policy from the arms scandal, said the program was working.",
            ],
            1,
            "us",
        ),
        // A rank, a name, and an apposition whose "of" names the office's owner.
        (
            &[
                "\"The army is on alert,\" General Guven Ergenc, Secretary General of the Turkish General Staff, told a news conference.",
            ],
            1,
            "turkey",
        ),
        (
            &[
                "\"The army is on alert,\" General Guven Ergenc, Secretary General of the Turkish General Staff, told a news conference.",
                "Ergenc said later that all leave had been cancelled.",
            ],
            2,
            "turkey",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn people_named_with_an_apposition_speak_for_its_party_by_surname() {
    let cases: &[(&[&str], usize, &str)] = &[
        // The surname is a word of the name, not the last word of its apposition.
        (
            &[
                "\"The situation is difficult,\" Alexey Smirnov, Kursk's acting governor, said.",
                "Smirnov said that 12 people were killed in the region.",
            ],
            2,
            "russia",
        ),
        // A surname misspelt by one letter is still the person named before.
        (
            &[
                "Hikmet Hajiyev, assistant to the Azerbaijani president, said on Twitter that the attack was cruel.",
                "Condemning the attack, Hajivev added that it was a sign of weakness.",
            ],
            2,
            "azerbaijan",
        ),
        // "the ethnic armed group" is the group the story named, not the state it fights in.
        (
            &[
                "The military carried out airstrikes in areas of northern Shan State held by the Ta'ang National Liberation Army (TNLA).",
                "The regime fired 1,457 artillery shells in August, the ethnic armed group said in a statement.",
            ],
            2,
            "tnla",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn no_state_is_invented_for_aid_groups_statements_or_the_outlet() {
    // An aid group speaks for no state, wherever it works.
    let out = run(&[
        "\"We are facing difficulties,\" the aid group said of the hospital in North Darfur.",
    ]);
    assert!(
        out.statements.iter().all(|s| s.party.is_none()),
        "{:?}",
        out.statements
    );
    // "the statement added" with no statement issued before it is no one's yet.
    let out = run(&[
        "Airstrikes killed 27 civilians in northern Shan State in August, the statement added.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.according_to.party.is_none()),
        "{:?}",
        out.claims
    );
    // A state's news agency as the outlet gives its own figures in its own voice.
    let paragraphs = vec!["Nine civilians were killed in Ganja.".to_string()];
    let doc = DocText {
        title: None,
        published: None,
        outlet: Some("Tass"),
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
    assert_eq!(out.claims.len(), 1, "{:?}", out.claims);
    assert_eq!(out.claims[0].according_to.party, None);
}

#[test]
fn statements_issued_reproduced_and_cited() {
    let cases: &[(&[&str], usize, &str)] = &[
        // Issuing a statement is speaking; "the statement reads:" reproduces it below.
        (
            &[
                "The Press Service of Azerbaijan's Prosecutor General's Office has issued a new statement regarding the rocket attack.",
                "Report informs, the statement reads:",
                "\"As a result, 19 civilians were killed.\"",
            ],
            3,
            "azerbaijan",
        ),
        // A source named "with reference to" gives the account an outlet relays.
        (
            &[
                "The death toll in Ganja has reached 10 people, Trend reports with reference to the Azerbaijani General Prosecutor's Office.",
            ],
            1,
            "azerbaijan",
        ),
    ];
    assert_party_speaks(cases);
    // The outlet speaking in its own name is media, whatever the places of its story.
    let paragraphs = vec![
        "Report informs, the statement reads:".to_string(),
        "\"19 civilians were killed in Barda.\"".to_string(),
    ];
    let doc = DocText {
        title: None,
        published: None,
        outlet: Some("Report.az"),
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
    assert!(
        out.statements
            .iter()
            .all(|s| s.speaker != "Report" || s.party.is_none()),
        "{:?}",
        out.statements
    );
}

#[test]
fn rebels_are_of_the_country_where_they_fight() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "MANILA - Communist rebels said they had destroyed a military station in the Northern Philippines.",
        ],
        1,
        "philippines-rebels",
    )];
    assert_party_speaks(cases);
    // Not of a people their sentence names.
    let out = run(&[
        "Separatist rebels reported that they killed 84 fighters from the Russian mercenary group Wagner.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("russia-rebels")),
        "{:?}",
        out.statements
    );
}

#[test]
fn speakers_behind_participles_titles_and_verbs_that_look_like_nouns() {
    let cases: &[(&[&str], usize, &str)] = &[
        // The subject a participle describes speaks, not the object of the participle.
        (
            &["M23 rebels fighting Congolese government forces claim taking over Goma city."],
            1,
            "m23",
        ),
        // "claims" and "reports" as verbs after a proper or institutional subject.
        (
            &["Kigali also claims death of at least 5 people due to cross-border firing."],
            1,
            "rwanda",
        ),
        (
            &[
                "Since October 7, the Hamas-controlled Health Ministry in Gaza reports that Israeli strikes have killed at least 8,525 people.",
            ],
            1,
            "hamas",
        ),
        // "the spokesman" is the spokesman named before; "the official" the person who
        // last spoke for a party.
        (
            &[
                "United Nations spokesman Farhan Haq told reporters that one person was killed in the airstrike.",
                "The spokesman said the U.N.'s colleagues in Ethiopia are alarmed.",
            ],
            2,
            "un",
        ),
        (
            &[
                "Lebanon's Acting Health Minister Firas Abiad said the toll climbed to 569.",
                "According to the official, an Israeli bombardment destroyed a hospital.",
            ],
            2,
            "lebanon",
        ),
        // Rebels "in northern Mali" are Mali's, the place no speaker of its own.
        (
            &[
                "Separatist rebels in northern Mali reported on Thursday that they killed 47 Malian soldiers.",
            ],
            1,
            "mali-rebels",
        ),
    ];
    assert_party_speaks(cases);
    // "the United States that" is a name, not a verb.
    assert_none_speaks_for(
        &[
            "Iran warned the United States that any interference would meet a strong response, Tehran Radio said.",
        ],
        "us",
    );
}

#[test]
fn a_title_after_a_name_and_a_past_states_names() {
    let cases: &[(&[&str], usize, &str)] = &[
        // A title in apposition after a name, after the verb: whom the name speaks for.
        (
            &[
                "\"Units are directed to defend the people,\" said Rigoberto F. Sanchez, spokesperson of NPA in Southern Mindanao.",
            ],
            1,
            "npa",
        ),
        (
            &[
                "At least 28 gang members were killed, according to Lionel Lazarre, deputy spokesman for Haiti's National Police.",
            ],
            1,
            "haiti",
        ),
        // An undated text: Aden is Yemen's today, not South Yemen's.
        (
            &[
                "The ship was damaged in the Gulf of Aden, according to the Central Command release.",
            ],
            1,
            "us",
        ),
    ];
    for (paragraphs, paragraph, party) in cases {
        let texts: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
        let doc = DocText {
            title: None,
            published: None,
            outlet: None,
            paragraphs: &texts,
        };
        let out = extract(&doc, &Gazetteer::builtin());
        assert!(
            out.statements
                .iter()
                .any(|s| s.paragraph == *paragraph && s.party.as_deref() == Some(*party)),
            "no {party} statement in {paragraphs:?}: {:?}",
            out.statements
        );
    }
}

#[test]
fn a_statement_keeps_the_verb_that_takes_its_words() {
    let out = run(&[
        "Armenia’s Interior Ministry dismissed the claim and described the shooting as an “ambush,” saying three police officers were killed.",
        "Russia said Monday its peacekeepers halted a weekend clash.",
    ]);
    let texts: Vec<(&str, &str)> = out
        .statements
        .iter()
        .map(|s| (s.verb.as_str(), s.text.as_str()))
        .collect();
    // The object stays with its verb.
    assert!(
        texts
            .iter()
            .any(|(_, t)| t.starts_with("dismissed the claim and described")),
        "{texts:?}"
    );
    // A verb of saying is followed by what was said, not repeated.
    assert!(
        texts
            .iter()
            .any(|(v, t)| *v == "said" && t.starts_with("its peacekeepers halted")),
        "{texts:?}"
    );
}

#[test]
fn hearsay_pictures_and_locals_are_no_party_but_a_statement_from_one_reading_is() {
    // "said to show", "released by" of a photo: no one speaks.
    let out = run(&[
        "Photo released by Ministry of Emergency Situations of Armenia said to show crash site.",
    ]);
    assert!(out.statements.is_empty(), "{:?}", out.statements);
    // A local who asked not to be named is a resident, not the state.
    let out = run(&[
        "Another local, who also requested anonymity, reported that the explosion in Rakhine had left 18 people injured.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.according_to.party.is_none()),
        "{:?}",
        out.claims
    );
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "News agencies later carried a statement from Azerbaijan's foreign ministry, reading: \"The Azerbaijani side offers an apology.\"",
        ],
        1,
        "azerbaijan",
    )];
    assert_party_speaks(cases);
}

#[test]
fn the_military_is_the_armed_force_heard_before() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "The IAF struck approximately 10 Hezbollah launchers on Monday night, the IDF announced.",
            "The launchers, in the areas of Zibqin and Chihine in southern Lebanon, posed a threat to Israel, the military said.",
        ],
        2,
        "israel",
    )];
    assert_party_speaks(cases);
}

#[test]
fn a_monitor_reporting_at_the_end_of_the_sentence_is_no_party() {
    let out = run(&[
        "More than 100 fighters have been killed in northern Syria, the Syrian Observatory for Human Rights (SOHR) reports.",
        "The fighting has resulted in 101 deaths, according to SOHR director Rami Abdel Rahman.",
    ]);
    let speakers: Vec<(usize, &str, Option<&str>)> = out
        .statements
        .iter()
        .map(|s| (s.paragraph, s.verb.as_str(), s.party.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        vec![(1, "reports", None), (2, "according to", None)],
        "{:?}",
        out.statements
    );
}

#[test]
fn a_capital_or_state_media_standing_for_a_government_is_no_place_of_the_story() {
    let paragraphs: Vec<String> = [
        "Hundreds of pagers exploded across Lebanon, killing at least nine people and wounding 2,750 others including Iran's ambassador in Beirut.",
        "Public Health Minister Firass Abiad said 2,750 people had been injured by exploding pagers.",
        "Iranian state television reported that Tehran's ambassador in Beirut suffered injuries.",
    ]
    .iter()
    .map(|p| (*p).to_string())
    .collect();
    let doc = DocText {
        title: Some("Israel 'fully responsible' for pager explosions: Hezbollah"),
        published: chrono::NaiveDate::from_ymd_opt(2024, 9, 17),
        outlet: None,
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
    let minister = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the minister speaks");
    assert_eq!(minister.party.as_deref(), Some("lebanon"), "{minister:?}");
}

/// Plain "officials" after a foreign attack are the ground's, not the attacker's; a
/// government may speak for its own forces' attack.
#[test]
fn plain_officials_are_not_the_attackers() {
    let out = run(&[
        "ZAKHO, Iraq — Multiple Turkish artillery strikes on a tourist resort in Zakho left at least nine civilians dead, according to officials.",
    ]);
    let claim = out.claims.first().expect("a figure");
    assert_ne!(
        claim.according_to.party.as_deref(),
        Some("turkey"),
        "{claim:?}"
    );
    let out =
        run(&["U.S. naval forces destroyed an offshore oil platform, the administration said."]);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("us"),
        "{:?}",
        out.statements
    );
}

/// "a senior local police official" is of the place the paragraph before named, in a
/// story whose places name two states; a capital that acts ("Moscow has denied") is no
/// such place.
#[test]
fn a_local_official_is_of_the_place_just_named() {
    let out = run(&[
        "Militancy has surged since the withdrawal of troops from neighbouring Afghanistan and the return of the government in Kabul.",
        "Seven policemen were killed after a suicide bomber rammed a car into a police school in Dera Ismail Khan district.",
        "\"Seven police personnel were martyred,\" Muhammad Hussain, a senior local police official, told AFP.",
    ]);
    let local = out
        .statements
        .iter()
        .find(|s| s.paragraph == 3)
        .expect("the official");
    assert_eq!(local.party.as_deref(), Some("pakistan"), "{local:?}");
    let out = run(&[
        "Russia denied the strike on the station in Kramatorsk. Moscow has denied targeting civilians.",
        "Pavlo Kyrylenko, the governor of the Donetsk region, said thousands of people had been at the station.",
    ]);
    let governor = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the governor");
    assert_ne!(governor.party.as_deref(), Some("russia"), "{governor:?}");
}

/// A sentence with no attribution of its own that goes on from an attributed one is
/// filed under that source (a reader may take it either way); never under a source
/// told before the last one.
#[test]
fn a_sentence_that_goes_on_from_an_account_keeps_its_source() {
    let out = run(&[
        "According to the Karabakh defence ministry's statement, 20 Armenian soldiers were killed. Four civilians, one of them a child, were killed.",
    ]);
    let civilians = out
        .claims
        .iter()
        .find(|c| c.count == Some(4))
        .expect("the civilians");
    assert_eq!(
        civilians.according_to.party.as_deref(),
        Some("karabakh"),
        "{civilians:?}"
    );
    let out = run(&[
        "The Zambian government said prices would fall. Residents said the shops were empty. Fifteen people were killed in riots last December.",
    ]);
    let riots = out
        .claims
        .iter()
        .find(|c| c.count == Some(15))
        .expect("the riots");
    assert_eq!(riots.according_to.party, None, "{riots:?}");
    // Background set on its own date is the outlet's.
    let out = run(&[
        "Twenty hostages are believed to have been killed, Israeli officials said. On October 7, 2023, Hamas attacked Israel, killing 1,200 people.",
    ]);
    let background = out
        .claims
        .iter()
        .find(|c| c.count == Some(1200))
        .expect("the background");
    assert_eq!(background.according_to.party, None, "{background:?}");
}

/// "The military department reports" after "The Ministry of Defense of Armenia reports":
/// the ministry, called again by another word.
#[test]
fn the_department_is_the_ministry_heard_before() {
    let out = run(&[
        "The Ministry of Defense of Armenia reports that the situation on the border is relatively stable.",
        "The military department reports that one serviceman was killed from the Armenian side and 13 were taken prisoner by the Azerbaijani side.",
    ]);
    let department = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the department");
    assert_eq!(
        department.party.as_deref(),
        Some("armenia"),
        "{department:?}"
    );
}

/// A named agency with no word of news is its state's office, and its initials said
/// later are the same speaker.
#[test]
fn an_agency_of_the_state_and_its_initials() {
    let out = run(&[
        "A drone strike hit a village in Kaduna state, Nigerian officials said.",
        "\"Bodies have been buried,\" the National Emergency Management Agency (NEMA) said in a statement.",
        "NEMA said another 66 people were being treated at the hospital.",
    ]);
    for paragraph in [2, 3] {
        let said = out
            .statements
            .iter()
            .find(|s| s.paragraph == paragraph)
            .expect("the agency");
        assert_eq!(said.party.as_deref(), Some("nigeria"), "{said:?}");
    }
    // A news agency is still media.
    let out = run(&["Four people were killed in Kaduna, the Xinhua News Agency said."]);
    assert_ne!(
        out.claims[0].according_to.party.as_deref(),
        Some("nigeria"),
        "{:?}",
        out.claims
    );
}

/// "The Armenian Security Council" is Armenia's, not the UN's; the UN's still is.
#[test]
fn a_states_security_council_is_its_own() {
    let out = run(&["The Armenian Security Council reported that 207 people were killed."]);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("armenia"),
        "{:?}",
        out.statements
    );
    let out = run(&["The Security Council said the strikes must stop."]);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("un"),
        "{:?}",
        out.statements
    );
}

/// "The ministry stated" after "The Azerbaijani Defence Ministry has made public ...": the
/// institution named before, though it did not speak.
#[test]
fn the_ministry_is_the_one_named_before_though_it_did_not_speak() {
    let out = run(&[
        "The Azerbaijani Defence Ministry has made public on its webpage the list of servicemen killed in the Karabakh war.",
        "The ministry stated that 2,783 servicemen of our Armed Forces died in the war.",
    ]);
    let stated = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the ministry");
    assert_eq!(stated.party.as_deref(), Some("azerbaijan"), "{stated:?}");
    let dead = out.claims.first().expect("the dead");
    assert_eq!(dead.side.as_deref(), Some("azerbaijan"), "{dead:?}");
}

/// An office an armed group runs speaks for the group: "the Hamas-run health ministry";
/// "Gaza's health ministry" with no such word stays the place's.
#[test]
fn an_office_an_armed_group_runs_speaks_for_it() {
    let out =
        run(&["At least 90 Palestinians were killed, the Hamas-run health ministry in Gaza said."]);
    assert_eq!(
        out.claims[0].according_to.party.as_deref(),
        Some("hamas"),
        "{:?}",
        out.claims
    );
    let out = run(&[
        "The health minister in the Hamas-run government of Gaza, Mai Alkaila, accused Israel of a massacre.",
    ]);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("hamas"),
        "{:?}",
        out.statements
    );
    let out = run(&["At least 90 Palestinians were killed, the health ministry in Gaza said."]);
    assert_eq!(
        out.claims[0].according_to.party.as_deref(),
        Some("palestine"),
        "{:?}",
        out.claims
    );
}

/// A short form in brackets after a body's name stays in the speaker's phrase: "World
/// Health Organization (WHO) chief Tedros" speaks for the UN, not for the place named.
#[test]
fn a_short_form_in_brackets_stays_in_the_speakers_phrase() {
    let out = run(&[
        "A drone attack on a hospital in the Sudanese city of El Fasher killed about 70 people, World Health Organization (WHO) chief Tedros Adhanom Ghebreyesus said.",
    ]);
    assert_eq!(
        out.claims[0].according_to.party.as_deref(),
        Some("un"),
        "{:?}",
        out.claims
    );
}

/// A known surname after another first name is someone else: "Clementine Nkweta Salami,
/// the UN Resident Coordinator" is not Iran's Salami, and neither is "Salami" after her.
/// "President Reagan" still is Reagan.
#[test]
fn a_known_surname_after_another_first_name_is_someone_else() {
    let out = run(&[
        "Clementine Nkweta Salami, the UN Resident and Humanitarian Coordinator in Sudan, said she was shocked.",
        "Salami called for an investigation.",
        "President Reagan said the talks would go on.",
    ]);
    let parties: Vec<Option<&str>> = out.statements.iter().map(|s| s.party.as_deref()).collect();
    assert_eq!(
        parties,
        vec![Some("un"), Some("un"), Some("us")],
        "{:?}",
        out.statements
    );
}

/// "Armenian Ambassador to Russia Vardan Toghanyan" speaks for Armenia, and "the diplomat"
/// after him is he.
#[test]
fn an_ambassador_speaks_for_the_state_that_sends_him() {
    let out = run(&[
        "Armenian Ambassador to Russia Vardan Toghanyan told Sputnik on Wednesday that the situation is stable.",
        "\"It's hard to say,\" the diplomat said when asked.",
    ]);
    let parties: Vec<Option<&str>> = out.statements.iter().map(|s| s.party.as_deref()).collect();
    assert_eq!(
        parties,
        vec![Some("armenia"), Some("armenia")],
        "{:?}",
        out.statements
    );
}

/// Whom a speaker accuses is not whose the speaker is: "The health minister accused Israel
/// of a massacre" in a story set in Gaza.
#[test]
fn whom_a_speaker_accuses_is_not_whose_the_speaker_is() {
    let out = run(&[
        "Dozens were killed in a blast at a hospital in Gaza.",
        "The health minister, Mai Alkaila, accused Israel of a massacre.",
    ]);
    let minister = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the minister");
    assert_ne!(minister.party.as_deref(), Some("israel"), "{minister:?}");
}

/// "According to the preliminary data, ..., said the governor": the one who says is the
/// speaker after the verb, not the data before the comma; a reported clause after "said"
/// is no speaker.
#[test]
fn a_speaker_after_the_verb_behind_a_comma() {
    let out = run(&[
        "Ukrainian forces shelled the centre of Belgorod. According to the preliminary data, at least two children were killed, said the governor of the Belgorod region Vyacheslav Gladkov.",
    ]);
    let dead = out.claims.first().expect("the children");
    assert_eq!(
        dead.according_to.party.as_deref(),
        Some("russia"),
        "{dead:?}"
    );
    let out = run(&[
        "Geoffrey Pyne, analyst at stockbrokers Phillips and Drew, said he was impressed by the sensible U.S. response.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("us")),
        "{:?}",
        out.statements
    );
}

/// "Officials said Russia “deliberately” struck the station": the state that struck is not
/// the one plain officials speak for, whatever marks stand between.
#[test]
fn the_state_that_struck_is_not_the_officials() {
    let out = run(&[
        "Officials said earlier that Russia “deliberately” struck the overcrowded railway station in Kramatorsk.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("russia")),
        "{:?}",
        out.statements
    );
}

/// "This was stated by the head of the regional military administration": a passive of
/// saying names its speaker after "by".
#[test]
fn a_passive_of_saying_names_its_speaker() {
    let out = run(&[
        "On January 14, 41 people died in the Russian attack on Dnipro.",
        "This was stated by the head of the Dnipropetrovsk Regional Military Administration Valentyn Reznichenko.",
    ]);
    let head = out
        .statements
        .iter()
        .find(|s| s.paragraph == 2)
        .expect("the head of the administration");
    assert_eq!(head.party.as_deref(), Some("ukraine"), "{head:?}");
}

#[test]
fn the_governor_of_a_place_is_that_places() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "Two farmers were wounded by fire from the Azerbaijani side, the Governor of the Gegharkunik Region of Armenia reports.",
            ],
            1,
            "armenia",
        ),
        (
            &["A Russian drone hit a bus, killing two people, the mayor of Kharkiv said."],
            1,
            "ukraine",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn a_text_presented_below_is_the_findings_of_the_institution_just_named() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "An inquiry into attacks on civilians was carried out by a mission of the Artsakh Human Rights Defender.",
            "STEPANAKERT, OCTOBER 5: The results are presented below:",
            "As of October 4, a total of 12 civilians were killed.",
        ],
        (Some(12), None),
        Status::Killed,
        Some("karabakh"),
        Some("karabakh"),
    )];
    assert_story_figures(cases);
    // With nothing named before it, the text stays the outlet's own.
    let out = run(&[
        "The results are presented below:",
        "As of October 4, a total of 12 civilians were killed.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.according_to.party.is_none()),
        "{:?}",
        out.claims
    );
}

#[test]
fn a_participle_after_the_head_and_a_coalition_its_leader_leads() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &["A Saudi-led coalition battling in Yemen said it carried out an attack on Thursday."],
        1,
        "saudi-arabia",
    )];
    assert_party_speaks(cases);
    // Aid groups working somewhere are the speakers, and speak for no party.
    let out = run(&["NGOs working in Goma put the death toll at 25, with 375 people wounded."]);
    let toll = out
        .claims
        .iter()
        .find(|c| c.count == Some(25))
        .expect("25 dead");
    assert!(toll.according_to.speaker.starts_with("NGOs"), "{toll:?}");
    assert_eq!(toll.according_to.party, None, "{toll:?}");
}

#[test]
fn a_member_of_a_resistance_group_speaks_for_the_countrys_rebels() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "An air strike on a monastery in Sagaing region injured 30 people, according to a member of a resistance group.",
            ],
            1,
            "myanmar-rebels",
        ),
        (
            &[
                "The resistance member told reporters that 23 civilians were killed in Sagaing region.",
            ],
            1,
            "myanmar-rebels",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn a_city_head_is_not_of_the_forces_that_targeted_his_city() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "City administration head Oleksandr Vilkul confirmed that Russian forces targeted a residential area of Kryvyi Rih.",
        ],
        1,
        "ukraine",
    )];
    assert_party_speaks(cases);
}

#[test]
fn whom_local_authorities_blame_and_a_name_joined_to_the_media() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "The Russian city of Belgorod came under massive shelling.",
                "The local authorities blame the Armed Forces of Ukraine for everything.",
            ],
            2,
            "russia",
        ),
        (
            &[
                "The Russian city of Belgorod came under massive shelling.",
                "Governor Vyacheslav Gladkov and a number of local media reported on this.",
            ],
            2,
            "russia",
        ),
    ];
    assert_party_speaks(cases);
}

#[test]
fn a_name_that_opens_with_a_compound_is_no_stance() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "At least 26 civilians were killed, the Inter-Services Public Relations (ISPR) confirmed on Wednesday.",
        ],
        1,
        "pakistan",
    )];
    assert_party_speaks(cases);
}

#[test]
fn the_author_of_a_document_and_an_account_closing_the_next_sentence() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "At least 11 soldiers died in an attack in the north of Burkina Faso, according to a balance announced on Tuesday by the Government.",
            ],
            (None, Some(11)),
            Status::Killed,
            None,
            Some("burkina-faso"),
        ),
        (
            &[
                "Azerbaijani drone strikes resulted in the deaths of four Artsakh servicemen. The attack targeted positions in the Martuni direction, according to a statement released by the Artsakh Defense Army.",
            ],
            (Some(4), None),
            Status::Killed,
            Some("karabakh"),
            Some("karabakh"),
        ),
    ];
    assert_story_figures(cases);
    // An account closing its own sentence does not reach back over an attributed one.
    let out = run(&[
        "Three soldiers were killed, the army said. Two more were hurt, according to Kharkiv police.",
    ]);
    let dead = out
        .claims
        .iter()
        .find(|c| c.count == Some(3))
        .expect("three dead");
    assert_eq!(dead.according_to.speaker, "army", "{dead:?}");
}

#[test]
fn a_trades_union_and_a_known_surname_after_a_comma() {
    // "Aliyev" after another first name, even after a comma, is someone else; the head
    // of a journalists' union speaks for no party.
    assert_none_speaks_for(
        &[
            "Similarly, Arif Aliyev, head of the Yeni Nesil (New Generation) Journalists Union, said the reporters should have had maps.",
        ],
        "azerbaijan",
    );
    // A union that a name makes a party still is one.
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "The European Union's special representative, Toivo Klaar, said the bloc was ready to help.",
        ],
        1,
        "eu",
    )];
    assert_party_speaks(cases);
}

#[test]
fn his_spokesman_speaks_for_the_person_named_before() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "UN chief Antonio Guterres is deeply alarmed by reports of the strike, his spokesman told reporters in New York.",
        ],
        1,
        "un",
    )];
    assert_party_speaks(cases);
}

#[test]
fn parties_reporting_after_with_speak_each_for_their_figures() {
    let text = "Fighting escalated on Tuesday, with Azerbaijan reporting seven more troops killed, including a general, and Armenia saying it has lost two servicemen.";
    let out = run(&[text]);
    let by = |n: u64| {
        out.claims
            .iter()
            .find(|c| c.count == Some(n))
            .and_then(|c| c.according_to.party.clone())
    };
    assert_eq!(by(7).as_deref(), Some("azerbaijan"), "{:?}", out.claims);
    assert_eq!(by(2).as_deref(), Some("armenia"), "{:?}", out.claims);
}

#[test]
fn a_committee_of_doctors_speaks_for_no_party() {
    assert_none_speaks_for(
        &[
            "The Central Committee of Sudanese Doctors (CCSD) reported that at least 97 people have died.",
        ],
        "sudan",
    );
    // A committee of no trade is still its state's.
    let cases: &[(&[&str], usize, &str)] = &[(
        &["Armenia's Investigative Committee said 3,822 people were killed in the war."],
        1,
        "armenia",
    )];
    assert_party_speaks(cases);
}

#[test]
fn the_military_speaks_for_the_state_whose_attack_its_sentence_names() {
    let cases: &[(&[&str], usize, &str)] = &[(
        &[
            "Gaza's civil defence agency said an Israeli strike on a school killed at least 17 people Thursday, while the military reported it had hit Hamas militants.",
        ],
        1,
        "israel",
    )];
    assert_party_speaks(cases);
}

#[test]
fn a_reports_author_and_a_ministrys_presser() {
    let cases: &[StoryCase<'_>] = &[
        (
            &[
                "The ministry described as a lie the Armenian Investigation Committee's report that four Armenian soldiers were killed and 36 were injured.",
            ],
            (Some(4), None),
            Status::Killed,
            Some("armenia"),
            Some("armenia"),
        ),
        (
            &[
                "Around 100 servicemen of the Armenian armed forces have been killed or injured, the Azerbaijani Defence Ministry's presser reported on July 17.",
            ],
            (Some(100), None),
            Status::KilledOrInjured,
            Some("armenia"),
            Some("azerbaijan"),
        ),
    ];
    assert_story_figures(cases);
}

#[test]
fn a_source_line_and_the_quote_it_introduces() {
    let out = run(&[
        "The number of people injured in a Russian airstrike on the city of Kharkiv has risen to 28.",
        "Source: Oleh Syniehubov, Head of Kharkiv Oblast Military Administration, on Telegram",
        "Quote: \"A total of 19 people have been injured. They are 18 men and 1 woman.",
        "Four people are in serious condition. The rest are in moderate condition.\"",
    ]);
    for paragraph in [2, 3, 4] {
        assert!(
            out.statements
                .iter()
                .any(|s| s.paragraph == paragraph && s.party.as_deref() == Some("ukraine")),
            "paragraph {paragraph}: {:?}",
            out.statements
        );
    }
    let four = out
        .claims
        .iter()
        .find(|c| c.count == Some(4))
        .expect("four hurt");
    assert_eq!(
        four.according_to.party.as_deref(),
        Some("ukraine"),
        "{four:?}"
    );
}
