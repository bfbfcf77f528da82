//! Officials and offices: the ground they speak for, the forces and headlines that are not
//! theirs, and the people who speak for no party.

use super::*;

/// "Officials said Russia “deliberately” struck the station": the state that struck is not
/// the one plain officials speak for, whatever marks stand between.
#[test]
fn the_state_that_struck_is_not_the_officials() {
    assert_none_speaks_for(
        &[
            "Officials said earlier that Russia “deliberately” struck the overcrowded railway station in Kramatorsk.",
        ],
        "russia",
    );
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

/// Medics are no party, even when their word opens the sentence; a former minister speaks
/// for no state.
#[test]
fn medics_and_former_officials_speak_for_no_party() {
    assert_none_speaks_for(
        &[
            "Medical officials at the military hospital in Mogadishu, Somalia, confirmed receiving 30 injured individuals.",
        ],
        "somalia",
    );
    assert_none_speaks_for(
        &[
            "Former Minister of Foreign Affairs Mariam El Sadig El Mahdi told the BBC that hospitals in Khartoum, Sudan, are running short of supplies.",
        ],
        "sudan",
    );
    // A title that opens the sentence is still a title.
    assert_party_speaks(&[(
        &[
            "Captain Rosalo Ylagan, head of Philippine congressional security, said the device could have been a home-made bomb.",
        ],
        1,
        "philippines",
    )]);
}

/// "The Health Ministry said ... an (Israeli) occupation airstrike": the attacker in
/// brackets is not the state a health ministry speaks for.
#[test]
fn a_bracketed_attacker_is_not_the_ministrys_state() {
    assert_none_speaks_for(
        &[
            "Four Palestinians were killed at dawn in a drone strike in the Nur Shams refugee camp in Tulkarem, in the occupied West Bank.",
            "The Health Ministry said in a statement that there were \"two martyrs in Nur Shams refugee camp as a result of an (Israeli) occupation airstrike.\"",
        ],
        "israel",
    );
}

/// A governor speaks for the ground, not for the foreign army his sentence says has acted
/// there; victims named by their army in the sentence still place its speaker.
#[test]
fn a_governor_is_not_the_army_that_acted_on_his_ground() {
    assert_party_speaks(&[
        (
            &[
                "The Ukrainian Army has occupied 28 settlements in Russia's Kursk Region, acting regional governor Aleksey Smirnov revealed on Monday.",
            ],
            1,
            "russia",
        ),
        (
            &[
                "In Baku, authorities said two Azerbaijani soldiers were killed while attempting to stop vehicles from smuggling weapons.",
            ],
            1,
            "azerbaijan",
        ),
    ]);
}

/// The attacker a headline names is not the state its story's officials speak for; a
/// country a headline places the attack in still is.
#[test]
fn a_headlines_attacker_is_not_the_officials_state() {
    let read = |title: &str, text: &str| run_doc(Some(title), None, None, &[text]);
    let out = read(
        "Two civilians killed in Donetsk as result of shelling by Ukrainian troops — mayor",
        "\"According to verified data, a woman was killed in the Petrovsky district,\" the city's mayor wrote on his Telegram channel.",
    );
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("ukraine")),
        "{:?}",
        out.statements
    );
    let out = read(
        "Thirteen police killed in Mexico cartel ambush",
        "The state's security secretary said twenty officers were wounded.",
    );
    assert!(
        out.statements
            .iter()
            .any(|s| s.party.as_deref() == Some("mexico")),
        "{:?}",
        out.statements
    );
}

/// "Shushan Stepanian, said Azerbaijani forces shelled ...": the words after the comma are
/// what she said, and teach nothing about whose she is.
#[test]
fn what_a_name_said_is_no_apposition() {
    assert_none_speaks_for(
        &[
            "The spokeswoman for Armenia's Defense Ministry, Shushan Stepanian, said Azerbaijani forces shelled an Armenian army outpost in the northern Tavush province. Stepanian said they suffered casualties.",
            "\"There are no casualties on the Armenian side,\" Stepanian wrote on Facebook.",
        ],
        "azerbaijan",
    );
}

/// "Since June, the RSF has controlled ...": a preposition and a month opening a sentence
/// are no name, and "said on June 11" in another story is no RSF statement.
#[test]
fn a_month_is_no_name() {
    let mut names = crate::extract::LearnedNames::default();
    names.learn(
        &["Since June, the RSF has controlled large parts of Sinnar state, the group's commander said.".to_string()],
        &Gazetteer::builtin(),
        None,
    );
    let learned = names.list();
    assert!(
        learned.iter().all(|n| !n.name.contains("June")),
        "{learned:?}"
    );
}

/// "local governor Vyacheslav Gladkov": a local office speaks for its ground.
#[test]
fn a_local_governor_speaks_for_the_ground() {
    assert_party_speaks(&[(
        &[
            "A total of 11 civilians died in a series of strikes on the Russian city of Belgorod on Sunday, local governor Vyacheslav Gladkov has said.",
        ],
        1,
        "russia",
    )]);
}

/// An office a state installed in ground a de facto authority held is that authority's;
/// elsewhere it is the installing state's.
#[test]
fn an_installed_office_is_the_holders_of_its_ground() {
    assert_party_speaks(&[
        (
            &[
                "“Today they shelled a busy area of the city,” the Russian-installed mayor of Donetsk, Alexey Kulemzin, wrote on his Telegram channel.",
            ],
            1,
            "dpr",
        ),
        (
            &[
                "Power was cut in the region overnight, the Russian-installed governor of Kherson region, Vladimir Saldo, said.",
            ],
            1,
            "russia",
        ),
    ]);
    assert_eq!(
        side_on(
            "A senior Russian-installed official in occupied Luhansk Oblast was killed in an alleged attack against occupied Lysychansk on Feb. 3, said Leonid Pasechnik.",
            2024,
            2,
            5
        )
        .as_deref(),
        Some("lpr")
    );
}

/// Offices by their initials ("the MoD of Nagorno-Karabakh", "Kharkiv OMA", "the MFA's
/// post") speak for the party that owns them, and an apology is a statement.
#[test]
fn offices_by_initials_and_apologies() {
    assert_party_speaks(&[
        (
            &[
                "In total, by November 2, the MoD of Nagorno-Karabakh reported about 1177 killed soldiers.",
            ],
            1,
            "karabakh",
        ),
        (
            &["On 17 May, Kharkiv OMA reported that Russian forces had struck the district twice."],
            1,
            "ukraine",
        ),
        (
            &[
                "Today, the MFA of Nagorno-Karabakh has posted nine photographs of the building. “The armed forces of Azerbaijan shelled the maternity hospital in Stepanakert,” states the MFA's post.",
            ],
            1,
            "karabakh",
        ),
        (
            &[
                "President of Azerbaijan Ilham Aliyev apologised to his Russian counterpart for the death of the peacekeepers.",
            ],
            1,
            "azerbaijan",
        ),
    ]);
}

/// "According to the latest data from the Ministry of Internal Affairs": the numbers are
/// the ministry's account.
#[test]
fn data_from_an_institution_is_its_account() {
    assert_party_speaks(&[(
        &[
            "Russian missiles hit the center of Chernihiv on Wednesday morning.",
            "According to the latest data from the Ministry of Internal Affairs, 14 people have already died in Chernihiv.",
        ],
        2,
        "ukraine",
    )]);
}

/// "the country's Health Ministry": a country is a state, not a de facto authority named
/// beside it.
#[test]
fn the_countrys_ministry_is_a_states() {
    assert_party_speaks(&[(
        &[
            "A total of 192 Azerbaijani troops were killed during Azerbaijan's offensive in Nagorno-Karabakh, the country's Health Ministry announced on Wednesday.",
        ],
        1,
        "azerbaijan",
    )]);
}

/// "the foreign ministry said" after "the defence ministry in Moscow" is another ministry;
/// "the defence ministry" after both is the one in Moscow again.
#[test]
fn a_ministry_of_another_kind_is_another_ministry() {
    let story: &[&str] = &[
        "A Russian military helicopter was shot down in Armenia near the border with Azerbaijan on Monday, the defence ministry in Moscow said.",
        "Azerbaijan admitted it had shot down the helicopter and apologised.",
        "“The Azerbaijani side offers an apology to the Russian side,” the foreign ministry said in a statement.",
        "The defence ministry said that the helicopter was shot down near the village of Yeraskh.",
    ];
    assert_party_speaks(&[(story, 3, "azerbaijan"), (story, 4, "russia")]);
}

/// "..., said Dmitry Gendelman, an adviser in the Israeli Prime Minister's Office": a title
/// after an article, in apposition to a name after the verb, says whom the name speaks
/// for; a director at a chamber of commerce speaks for no state.
#[test]
fn a_title_after_an_article_in_apposition_after_the_verb() {
    assert_party_speaks(&[(
        &[
            "Iranian missile strikes have claimed the lives of 24 people in Israel, said Dmitry Gendelman, an adviser in the Israeli Prime Minister's Office.",
        ],
        1,
        "israel",
    )]);
    assert_none_speaks_for(
        &[
            "More than 5,000 trucks are stuck on both sides, according to Ziaul Haq Sarhadi, a director at the Pakistan-Afghanistan Joint Chamber of Commerce and Industry.",
        ],
        "pakistan",
    );
}

/// An official "from" a region is a subject as one "in" it is; a source from, in or at an
/// institution speaks from it; an exiled administration is its state's, not the holder's.
#[test]
fn officials_and_sources_from_a_place_or_an_institution() {
    assert_party_speaks(&[
        (
            &[
                "Azerbaijan launched operations in the Nagorno-Karabakh region on Tuesday.",
                "A separatist official from the mountainous region claimed that at least 200 people were dead.",
            ],
            2,
            "karabakh",
        ),
        (
            &[
                "Three drones were shot down over Stepanakert, a source from the Nagorno-Karabakh's Ministry of Defence (MoD) has added.",
            ],
            1,
            "karabakh",
        ),
        (
            &["Three drones were shot down, a source at the Ministry of Defence of Armenia said."],
            1,
            "armenia",
        ),
    ]);
    // A source in a place, not an institution, is no one's.
    assert_no_party_speaks(&["Three drones were shot down, a source in Stepanakert said."]);
    let exiled = run_published(
        chrono::NaiveDate::from_ymd_opt(2024, 2, 5),
        &[
            "Suspilne Donbas wrote, citing a source in the exiled Lysychansk military administration, that the bakery opened after the occupation began.",
        ],
    );
    assert!(
        exiled
            .statements
            .iter()
            .all(|s| s.party.as_deref() != Some("lpr")),
        "{:?}",
        exiled.statements
    );
}

/// "health officials in the country" are of the country their sentence names; an attack
/// in a clause after it does not make that country the attacker.
#[test]
fn officials_in_the_country_of_a_clause_before_an_attack() {
    assert_party_speaks(&[(
        &[
            "Hezbollah fired rockets at Metula in northern Israel, killing three Israelis.",
            "Meanwhile, 24 people were killed in Lebanon after Israeli airstrikes targeted the Hezbollah militant group, the Associated Press reported, citing health officials in the country.",
        ],
        2,
        "lebanon",
    )]);
}

/// A name described after a comma, a body of a state that shares an international body's
/// name, and verbs of saying of two words or before a quotation.
#[test]
fn described_names_state_councils_and_verbs_before_quotations() {
    assert_party_speaks(&[
        (
            &[
                "Ankara, a key Damascus ally, stressed that the Israeli attacks “must be brought to an end.”",
            ],
            1,
            "turkey",
        ),
        (
            &[
                "At least 207 people are dead or missing, the Security Council of Armenia said on Monday.",
            ],
            1,
            "armenia",
        ),
        (
            &[
                "During a session of parliament, the Armenian leader pointed out that Baku has attacked Armenia in seven directions.",
            ],
            1,
            "armenia",
        ),
        (
            &[
                "In the Belgian capital, Pashinian continued, “it became clear that they do not want to discuss our proposals.”",
            ],
            1,
            "armenia",
        ),
    ]);
    assert_none_speaks_for(
        &[
            "At least 207 people are dead or missing, the Security Council of Armenia said on Monday.",
        ],
        "un",
    );
}

/// A commissioner, a police superintendent or an inspector is an office: one no text
/// places is of the state the story names.
#[test]
fn police_and_district_offices_are_of_the_state() {
    assert_party_speaks(&[
        (
            &[
                "Al-Shabaab attacked a military base in Somalia on Saturday.",
                "Guriel District Commissioner Farah Abdi Moalim told reporters on Sunday that five soldiers were killed.",
            ],
            2,
            "somalia",
        ),
        (
            &[
                "At least eight people were killed in two attacks in Pakistan's Balochistan province.",
                "The attack occurred late on Wednesday, said Senior Superintendent of Police Hafeez Khan.",
            ],
            2,
            "pakistan",
        ),
        (
            &[
                "Gunmen killed 17 villagers in Nigeria's Borno state on Tuesday.",
                "Police Inspector Musa Bello said the attackers came on motorcycles.",
            ],
            2,
            "nigeria",
        ),
    ]);
}

/// Two parties joined by "and" before a verb of saying both speak; two that agree, a
/// claim to a thing, and one office with "and" in its title do not make two speakers.
#[test]
fn two_parties_joined_by_and_both_speak() {
    assert_party_speaks(&[
        (
            &["Russia and Ukraine have accused each other of carrying out the attack."],
            1,
            "ukraine",
        ),
        (
            &["Three sailors have been killed in the Houthi attack, British and US officials say."],
            1,
            "us",
        ),
    ]);
    assert_none_speaks_for(
        &[
            "India and Pakistan have agreed to stop all firing, Foreign Secretary Vikram Misri announced.",
        ],
        "pakistan",
    );
    assert_none_speaks_for(&["Both Thailand and Cambodia claim the site."], "cambodia");
    assert_none_speaks_for(
        &[
            "Clementine Nkweta Salami, the UN Resident and Humanitarian Coordinator in Sudan, said in a statement that she was shocked.",
        ],
        "sudan",
    );
}

/// "said Türk" after "UN Human Rights Chief Volker Türk": a surname alone is the person the
/// story named in full, not the people the word also names.
#[test]
fn a_surname_alone_is_the_person_named_before() {
    let story: &[&str] = &[
        "UN Human Rights Chief Volker Türk said today that the crisis in Haiti has plummeted to a new low.",
        "“Numbers cannot express the horrors Haitians are being forced to endure,” said Türk.",
    ];
    assert_party_speaks(&[(story, 2, "un")]);
    assert_none_speaks_for(story, "turkey");
}

/// A leader who calls another state's leader, "his Cambodian counterpart", or "called on
/// Thailand and Cambodia" speaks for neither state, however much the story names them.
#[test]
fn states_a_leader_calls_on_are_not_his() {
    let story: &[&str] = &[
        "Prime Minister Anwar Ibrahim said he made the appeal in calls to Thailand’s Prime Minister Anutin Charnvirakul and his Cambodian counterpart, Hun Manet.",
        "Prime Minister Anwar Ibrahim has called on Thailand and Cambodia to cease hostilities by 10pm.",
        "He said the mission would be supported by satellite monitoring.",
    ];
    assert_none_speaks_for(story, "thailand");
    assert_none_speaks_for(story, "cambodia");
}

/// "the military's media wing said": the wing of a state's army speaks as the army does; a
/// group's armed wing stays the group's.
#[test]
fn an_armys_media_wing_is_the_armys() {
    let story: &[&str] = &[
        "A suicide bomber attacked a convoy in Balochistan’s Noskhi district, leaving three soldiers dead, the military’s media wing said in a statement.",
    ];
    assert_party_speaks(&[(story, 1, "pakistan")]);
    assert_none_speaks_for(
        &[
            "A suicide bomber attacked a convoy in Balochistan’s Noskhi district, the group's armed wing said in a statement.",
        ],
        "pakistan",
    );
}

/// "said Ulrika Richardson, the outgoing U.N. humanitarian coordinator for Haiti": an
/// apposition of up to four words before its title says whom the name speaks for.
#[test]
fn a_longer_apposition_after_a_name_places_it() {
    assert_party_speaks(&[(
        &[
            "The force has less than 1,000 personnel, said Ulrika Richardson, the outgoing U.N. humanitarian coordinator for Haiti.",
        ],
        1,
        "un",
    )]);
}

/// A rank in a force speaks for the force's state; a ship's captain for no one.
#[test]
fn a_rank_in_a_force_is_an_officer_and_a_ships_captain_no_party() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "According to a Somali military captain who identified himself only as Abdullahi, the militants assaulted a base.",
            ],
            1,
            "somalia",
        ),
        (
            &["An Armenian army captain said the village was shelled overnight."],
            1,
            "armenia",
        ),
        // A rank written as one hyphenated word.
        (
            &[
                "The statement, signed by Rear-Admiral Augustus Aikhomu, urged the media to exercise restraint in reporting the clashes in Kaduna, Nigeria.",
            ],
            1,
            "nigeria",
        ),
    ];
    assert_party_speaks(cases);
    assert_no_party_speaks(&[
        "The Greek captain of the tanker said the ship was hit by a missile.",
    ]);
}

/// An outlet an armed group runs speaks for it, as its offices do; forces and bodies
/// known by their short forms speak for their party.
#[test]
fn an_outlet_a_group_runs_and_short_forms_of_forces() {
    let cases: &[(&[&str], usize, &str)] = &[
        (
            &[
                "Al Masirah TV, a Houthi-run news outlet, reported seven deaths in an attack on the port.",
            ],
            1,
            "houthis",
        ),
        (
            &["According to the RF Defense Ministry, 10 peacekeepers were killed."],
            1,
            "russia",
        ),
        (
            &["The SANDF reported that 13 other soldiers were wounded."],
            1,
            "south-africa",
        ),
        (
            &["The United League of Arakan said 14 junta soldiers were killed."],
            1,
            "arakan-army",
        ),
        (
            &["UNSMIL said it was alarmed by the clashes in Tripoli."],
            1,
            "un",
        ),
    ];
    assert_party_speaks(cases);
    // A compound that says where an outlet is says nothing of whose voice it is.
    assert_no_party_speaks(&["A US-based news outlet reported seven deaths."]);
}

/// "the mission" is a body abroad: the international body heard just before, never the
/// state it works in.
#[test]
fn the_mission_is_the_body_heard_before_not_the_host_state() {
    let out = run(&[
        "UNSMIL said it was alarmed by the clashes in Tripoli.",
        "The mission expressed its concern over the reports of civilian casualties in Libya.",
    ]);
    assert_eq!(party_in(&out, 2), Some("un"), "{:?}", out.statements);
    assert_none_speaks_for(
        &["The mission expressed its concern over the reports of civilian casualties in Libya."],
        "libya",
    );
}
