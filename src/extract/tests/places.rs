//! Where the story happens and which names are places.

use super::*;

#[test]
fn tolls_people_the_story_names_and_the_place_of_the_story() {
    let cases: &[StoryCase<'_>] = &[
        // A toll that has reached a figure, and one that has topped it.
        (
            &[
                "The death toll from the missile strike on Ganja has reached 10 people, the Azerbaijani General Prosecutor's Office said.",
            ],
            (Some(10), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        (
            &[
                "The death toll in the Gaza Strip has topped 45,000 people, Palestinian health officials said.",
            ],
            (None, Some(45_000)),
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        // Local authorities are the state's own, where the story happens.
        (
            &[
                "Over 27,500 people have been killed so far in the Gaza Strip, local authorities said.",
            ],
            (None, Some(27_500)),
            Status::Killed,
            Some("palestine"),
            Some("palestine"),
        ),
        // "militants" in a story that spoke of Hamas militants are Hamas's.
        (
            &[
                "The war between Israel and Hamas militants is in its 14th month.",
                "The Israeli military says it has killed more than 17,000 militants.",
            ],
            (None, Some(17_000)),
            Status::Killed,
            Some("hamas"),
            Some("israel"),
        ),
        // Civilians hit by a foreign attacker in a story set in one country are its people.
        (
            &[
                "Three civilians were killed in a Russian attack on the capital, according to local officials in Kyiv.",
                "Explosions were also reported in Dnipro and Kharkiv.",
            ],
            (Some(3), None),
            Status::Killed,
            Some("ukraine"),
            Some("ukraine"),
        ),
        // And a state's strike on its own villages hits its own people.
        (
            &[
                "BANGKOK: A Myanmar military airstrike on a village killed ten civilians, locals said.",
                "Fighting has ravaged swathes of Myanmar since the coup, with air strikes in Sagaing and Mandalay.",
            ],
            (Some(10), None),
            Status::Killed,
            Some("myanmar"),
            None,
        ),
    ];
    assert_story_figures(cases);
    // A group attacking from the story's own land hits people elsewhere: no side is
    // better than the place the group came from.
    let out = run(&[
        "Israeli strikes continued across the Gaza Strip and in Rafah.",
        "On October 7, Hamas launched an attack from Gaza, killing 1,200 people.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(1200))
        .expect("the 1,200");
    assert_ne!(claim.side.as_deref(), Some("palestine"), "{claim:?}");
    // A diplomat with no country named speaks for none, whatever the story's place.
    let out = run(&[
        "Iran warned the United States against exacerbating the Gulf crisis, Tehran radio said.",
        "\"The ball is in Iran's court now,\" a diplomat said.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.paragraph != 2 || s.party.is_none()),
        "{:?}",
        out.statements
    );
}

#[test]
fn an_undated_text_still_knows_a_party_of_the_past() {
    let paragraphs = vec![
        "Three officers of the Artsakh police were killed, the NKR interior ministry said."
            .to_string(),
    ];
    let doc = DocText {
        title: None,
        published: None,
        outlet: None,
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
    let claim = out.claims.first().expect("the three officers");
    assert_eq!(claim.side.as_deref(), Some("karabakh"), "{claim:?}");
    assert_eq!(claim.according_to.party.as_deref(), Some("karabakh"));
}

#[test]
fn the_story_place_is_read_ahead_and_names_that_go_on_are_no_places() {
    // "the army said" before the story names its country takes the country named later.
    let out = run(&[
        "Dissidents killed 3 soldiers and injured 12 with explosive-laden drones, the army said.",
        "The attack happened near Cucuta, and the governor of Norte de Santander called for calm in Colombia.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(3))
        .expect("three soldiers");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("colombia"),
        "{claim:?}"
    );
    // "Martin Marietta Corp" is a company, not the Slovak town of Martin.
    assert_no_party_speaks(&[
        "Defense officials told Reuters a final decision had been suspended.",
        "The move would open the competition to firms including Martin Marietta Corp.",
    ]);
}

#[test]
fn names_joined_by_a_particle_are_one_place() {
    let g = Gazetteer::builtin();
    let names = LearnedNames::default();
    let cx = context::Context::new(&g, &names);
    let places = |text: &str| -> Vec<String> {
        let t = tokens::tokenize(text);
        let m = entities::Mentions::find(&t.toks, &g, &cx, None);
        m.list
            .iter()
            .map(|x| {
                let words: Vec<&str> = t.toks[x.span.clone()].iter().map(|t| t.text).collect();
                words.join(" ")
            })
            .collect()
    };
    assert_eq!(
        places("They were flown to Cagayan de Oro."),
        vec!["Cagayan de Oro"]
    );
    // "Norte de Santander" is one Colombian department, no Guinea-Bissau region and no
    // Spanish city.
    assert_eq!(
        places("The governor of Norte de Santander spoke."),
        vec!["Norte de Santander"]
    );
}

#[test]
fn people_counted_with_placed_people_share_their_place() {
    let cases: &[StoryCase<'_>] = &[
        // More of the people placed by the story wait for the place with them.
        (
            &[
                "A military jet dropped three bombs on Nyaung Kone village in the northern Sagaing region of Myanmar.",
                "Ten people were killed and eight wounded, he said.",
            ],
            (Some(8), None),
            Status::Injured,
            Some("myanmar"),
            None,
        ),
        // People with no phrase and no figure before them are the place's.
        (
            &[
                "Israel launched attacks on Iran, Iran's Health Ministry announced in Tehran.",
                "Among the casualties, 1,277 were taken to university hospitals for treatment.",
            ],
            (Some(1_277), None),
            Status::Injured,
            Some("iran"),
            None,
        ),
        // A place named to say where another lies is not where people were hit.
        (
            &[
                "Kursk's acting governor Alexey Smirnov spoke in Moscow.",
                "Smirnov said that 12 people were killed in the region since the start of Kyiv's incursion into the region, which is adjacent to Ukraine's northeastern Sumy region.",
            ],
            (Some(12), None),
            Status::Killed,
            Some("russia"),
            Some("russia"),
        ),
        // A warring party's count of people with no side is of its own people, over the
        // land it fights for where the story happens ...
        (
            &[
                "Fighting goes on in Nagorno-Karabakh.",
                "Azerbaijani authorities haven't disclosed their military losses, but say the fighting has killed 90 civilians.",
            ],
            (Some(90), None),
            Status::Killed,
            Some("azerbaijan"),
            Some("azerbaijan"),
        ),
        // ... but not of people it says it hit itself.
        (
            &[
                "Fighting goes on in Nagorno-Karabakh.",
                "Azerbaijan said its shelling killed 12 civilians.",
            ],
            (Some(12), None),
            Status::Killed,
            Some("karabakh"),
            Some("azerbaijan"),
        ),
    ];
    assert_story_figures(cases);
    // A complement says whose members they are, over what the story calls its members.
    let out = run(&[
        "Kataib Hezbollah members carry the body of their fallen comrade in Baghdad.",
        "Iraq condemned the US strikes, saying they had killed one member of the security forces.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.paragraph == 2)
        .expect("the member");
    assert_ne!(claim.side.as_deref(), Some("kataib-hezbollah"), "{claim:?}");
}

/// "in Armenia missile attack" in a headline names the attacker (or, as often, the
/// attacked): never where the story happens, so the people hit are not Armenia's.
#[test]
fn a_country_before_an_attack_word_is_no_place_of_the_story() {
    let read = |title: &str| {
        run_doc(
            Some(title),
            chrono::NaiveDate::from_ymd_opt(2020, 10, 28),
            None,
            &["The prosecutor general's office said the strike had hit a shopping district, killing 21 civilians."],
        )
        .claims
    };
    let attacked = read("Azerbaijan says 21 dead in Armenia missile attack");
    assert_eq!(attacked.len(), 1, "{attacked:?}");
    assert_ne!(attacked[0].side.as_deref(), Some("armenia"), "{attacked:?}");
    assert_ne!(attacked[0].according_to.party.as_deref(), Some("armenia"));
    // The same country as the place of the story still is one.
    let placed = read("Twenty-one civilians killed in Armenia");
    assert_eq!(placed[0].side.as_deref(), Some("armenia"), "{placed:?}");
}

/// "the Azerbaijani-Karabakh border" lies between two parties: it makes neither the place
/// of the story, so civilians with no place of their own are left unstated.
#[test]
fn a_border_between_two_parties_is_no_place_of_the_story() {
    let paragraphs = vec!["Four civilians, one of them a child, were killed.".to_string()];
    let doc = DocText {
        title: Some("Clashes stopped along the Azerbaijani-Karabakh border"),
        published: chrono::NaiveDate::from_ymd_opt(2016, 4, 5),
        outlet: None,
        paragraphs: &paragraphs,
    };
    let claims = extract(&doc, &Gazetteer::builtin()).claims;
    let four = claims
        .iter()
        .find(|c| c.count == Some(4))
        .expect("the four dead");
    assert_eq!(four.side, None, "{claims:?}");
}

/// A city's name after a first name is a surname, in that paragraph and wherever the
/// story uses the surname alone; capitals inside an acronym ("LeT") are part of its name.
#[test]
fn a_surname_or_a_plain_word_is_no_place() {
    let out = run(&[
        "An explosion on a beach in Mogadishu killed 32 civilians.",
        "Police spokesperson Abdifatah Aden said one soldier was also killed.",
        "Aden said three attackers were killed by security forces.",
        "Let the civilians report the terrorists, the president's office said.",
    ]);
    let attackers = out
        .claims
        .iter()
        .find(|c| c.paragraph == 3)
        .expect("the attackers");
    assert_eq!(
        attackers.according_to.party.as_deref(),
        Some("somalia"),
        "{attackers:?}"
    );
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("yemen")
                && s.party.as_deref() != Some("lashkar-e-taiba")),
        "{:?}",
        out.statements
    );
    // Where the city is a place, it stays one.
    let out = run(&["A drone strike in Aden killed four people, officials said."]);
    assert_eq!(
        out.claims[0].side.as_deref(),
        Some("yemen"),
        "{:?}",
        out.claims
    );
}

/// The places a de facto authority held are its own in the years it held them: Mekelle
/// was the Tigray authorities' from November 2020 to November 2022, and Ethiopia's after.
#[test]
fn a_place_is_its_holders_in_the_years_they_held_it() {
    let strike = "An air strike on Mekelle killed three civilians.";
    assert_eq!(side_on(strike, 2021, 10, 20).as_deref(), Some("tigray"));
    assert_eq!(side_on(strike, 2024, 3, 1).as_deref(), Some("ethiopia"));
}

/// A town another party held is that party's in the years it held it, named alone; "the
/// Donetsk region" is wider than the city and stays its state's.
#[test]
fn a_town_is_its_holders_while_they_hold_it() {
    let bakery = "Shelling killed 28 civilians in a bakery in Lysychansk.";
    assert_eq!(side_on(bakery, 2024, 2, 4).as_deref(), Some("lpr"));
    assert_eq!(side_on(bakery, 2021, 6, 1).as_deref(), Some("ukraine"));
    let region = "Shelling killed three civilians in the Donetsk region.";
    assert_ne!(side_on(region, 2023, 5, 1).as_deref(), Some("dpr"));
    let kalbajar = "A mine blast killed two civilians in Kalbajar.";
    assert_eq!(side_on(kalbajar, 2021, 6, 4).as_deref(), Some("azerbaijan"));
    assert_eq!(side_on(kalbajar, 2016, 4, 4).as_deref(), Some("karabakh"));
}

/// An undated story's own first date says when it is, and so whose its places were.
#[test]
fn an_undated_story_is_dated_by_its_own_words() {
    let claims = run_published(
        None,
        &[
            "Emergencies September 05, 2023, 22:43",
            "One civilian was killed and three were wounded in Donetsk as a result of shelling by Ukrainian troops, the city's mayor said.",
        ],
    )
    .claims;
    let killed = claims
        .iter()
        .find(|c| c.count == Some(1))
        .expect("the civilian");
    assert_eq!(killed.side.as_deref(), Some("dpr"), "{claims:?}");
}

/// A town's name that is part of a building's is no place: "the Drama theatre" and "the
/// Donetsk Regional Theatre of Drama" in Mariupol are not the Greek town of Drama.
#[test]
fn a_town_in_a_buildings_name_is_no_place() {
    assert_none_speaks_for(
        &[
            "About 300 people were killed in the Russian strike on the Drama theatre in Mariupol, officials in Ukraine said.",
            "There were about 1,000 people inside the Donetsk Regional Theatre of Drama. The city council said it spoke with survivors.",
        ],
        "greece",
    );
}

#[test]
fn where_someone_spoke_is_not_where_the_story_happens() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "An airstrike hit a school on Monday, killing 22 people, witnesses said.",
            "The strike hit a village in Sagaing region, locals said.",
            "The UN chief is alarmed, his spokesman told reporters in New York.",
        ],
        (Some(22), None),
        Status::Killed,
        Some("myanmar"),
        None,
    )];
    assert_story_figures(cases);
}

/// The regions news writes by their English names ("Amhara", where the ISO tables write
/// "Amara") are the places of their state.
#[test]
fn regions_by_their_english_names() {
    let out = run(&[
        "Dozens of civilians have been killed in the Amhara region in recent months.",
        "The clashes began after the war in the neighbouring Tigray region ended.",
        "At least 115 civilians were killed between September and December.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count_min == Some(115))
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(claim.side.as_deref(), Some("ethiopia"), "{claim:?}");
}

/// "Sinnar", as the news spells Sudan's Sennar, is Sudan's, not the Indian town's.
#[test]
fn sinnar_is_sudans_sennar() {
    let out = run(&[
        "The Sudanese Doctors Network reported that 21 people were killed due to artillery shelling by the RSF on Sinnar market.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(21))
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(claim.side.as_deref(), Some("sudan"), "{claim:?}");
}

/// "BAKU, November 10. /TASS/.": an agency's dateline says where the story was filed; the
/// people it counts are not that city's.
#[test]
fn an_agency_dateline_is_no_place_of_the_story() {
    let out = run(&[
        "BAKU, November 10. /TASS/. Two crew members were killed when the helicopter came down.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(2))
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(claim.side, None, "{claim:?}");
}

/// A town a de facto authority held for a time is that authority's ground on the story's
/// date, and nobody's that can be told when the story has no date; the authority itself
/// speaks for the ground it holds, in any office.
#[test]
fn held_towns_with_and_without_a_date() {
    let text = "Two civilians were killed in the shelling of residential buildings in Lisichansk, LPR Head Leonid Pasechnik said.";
    let side = |published| {
        run_doc(None, published, None, &[text])
            .claims
            .first()
            .and_then(|c| c.side.clone())
    };
    assert_eq!(
        side(chrono::NaiveDate::from_ymd_opt(2024, 5, 22)).as_deref(),
        Some("lpr")
    );
    // With no date, the town says nothing; the LPR's own head counting civilians does.
    assert_eq!(side(None).as_deref(), Some("lpr"));
    let plain = run_doc(
        None,
        None,
        None,
        &["Two civilians were killed in the shelling of Lisichansk, the report said."],
    );
    assert_eq!(
        plain.claims.first().map(|c| c.side.as_deref()),
        Some(None),
        "{:?}",
        plain.claims
    );
}

/// "ERBIL, Kurdistan Region of Iraq - ...": a dateline whose region's name holds an "of"
/// is still only where the story was filed; a sentence is no dateline.
#[test]
fn a_dateline_with_a_regions_name_is_no_place_of_the_story() {
    let toks = |text: &str| tokens::tokenize(text).toks.len();
    let dateline = |text: &str| entities::dateline_len(&tokens::tokenize(text).toks);
    let text = "ERBIL, Kurdistan Region of Iraq - At least 71 people were killed in Tehran.";
    assert_eq!(dateline(text), toks("ERBIL, Kurdistan Region of Iraq -"));
    assert_eq!(
        dateline("Officials of the ministry said two were killed - a claim denied by Baku."),
        0
    );
}

/// The Golan Heights are Syria's, held by Israel since 1967: people hit there since are
/// Israel's, whoever fired.
#[test]
fn the_golan_heights_are_held_by_israel() {
    let text =
        "A rocket fired from Lebanon killed 12 children on a football pitch in Majdal Shams.";
    assert_eq!(side_on(text, 2024, 7, 28).as_deref(), Some("israel"));
    assert_eq!(side_on(text, 1960, 7, 28).as_deref(), Some("syria"));
}

/// Ground "Indian-administered" is India's; a strike "near" a country or a de facto
/// authority's ground is not inside it.
#[test]
fn administered_ground_and_a_strike_near_a_country() {
    let kashmir =
        "The attack killed 26 civilians, mostly tourists, in Indian-administered Kashmir.";
    assert_eq!(side_on(kashmir, 2025, 5, 8).as_deref(), Some("india"));
    let near = "A missile strike near Nagorno-Karabakh killed 21 people in Barda.";
    assert_eq!(side_on(near, 2020, 10, 28).as_deref(), Some("azerbaijan"));
    let town = "Shelling near Kharkiv killed three civilians.";
    assert_eq!(side_on(town, 2024, 5, 1).as_deref(), Some("ukraine"));
}

/// A figure of a relative clause ("..., which has claimed over 45,000 lives") is of the
/// phrase "which" stands for, not of an attack elsewhere in its sentence.
#[test]
fn a_relative_clause_counts_what_which_stands_for() {
    let text = "The Houthi attacks on Israel and Israeli-linked shipping in the Red Sea have intensified in recent months, presented as a show of solidarity with Palestinians during the ongoing conflict in Gaza, which has claimed over 45,000 lives.";
    assert_eq!(side_on(text, 2024, 12, 20).as_deref(), Some("palestine"));
}

/// "Twelve-year-old Vagharshak Grigoryan": a number in a hyphenated word is no name, not
/// even one an alias spells ("the Twelve" of the European Community).
#[test]
fn a_number_in_a_hyphenated_word_is_no_name() {
    let out = run(&[
        "Twelve-year-old Vagharshak Grigoryan lost his life on his way to school because of a Grad rocket.",
    ]);
    assert!(
        out.claims.iter().all(|c| c.side.as_deref() != Some("eu")),
        "{:?}",
        out.claims
    );
    assert!(!out.claims.is_empty());
}

/// "the SNA base" in a story set in Somalia: an acronym of a group named for a state the
/// story never names (the Syrian National Army) is no party there; a group that crosses
/// borders keeps its acronym.
#[test]
fn an_acronym_of_another_states_group_is_no_party() {
    let somalia = [
        "Al-Shabaab militants attacked an army base in Somalia's Lower Shabelle region on Monday, officials in Mogadishu said.",
        "Al-Shabab militants claimed responsibility for the attack on the SNA base in the region, saying its fighters killed 61 soldiers.",
    ];
    let out = run(&somalia);
    assert_ne!(side_of_figure(&out, (Some(61), None)), Some("sna"));
    assert_party_speaks(&[(
        &[
            "Burkina Faso's army said on Sunday that attacks in Djibo had been repelled.",
            "JNIM said in a statement that its fighters had killed 200 soldiers in Djibo, Burkina Faso.",
        ],
        2,
        "jnim",
    )]);
}

/// "25,105 people have died ... since Hamas launched its assault in southern Israel": a
/// clause of time whose subject is a party tells of another event; its place is not where
/// the dead were hit. "when Turkish airstrikes targeted a protest in northern Syria" tells
/// of the same one.
#[test]
fn a_place_in_a_clause_of_another_time_is_not_where_people_were_hit() {
    let out = run(&[
        "The Gaza Health Ministry said 25,105 people have died in the coastal enclave since Hamas launched its assault in southern Israel on Oct. 7.",
    ]);
    assert_ne!(
        side_of_figure(&out, (Some(25105), None)),
        Some("israel"),
        "{:?}",
        out.claims
    );
    let out = run(&[
        "Two civilians were killed when Turkish airstrikes targeted a protest at the dam in northern Syria on Tuesday.",
    ]);
    assert_eq!(
        side_of_figure(&out, (Some(2), None)),
        Some("syria"),
        "{:?}",
        out.claims
    );
}

/// A dateline with the reporters' names is still a dateline; and the place of an
/// operation named in a phrase of time is not where people were hit.
#[test]
fn a_dateline_with_bylines_and_the_day_of_an_offensive() {
    let out = run(&[
        "ISTANBUL/BEIRUT, Ergin Hava and Weedah Hamzah (dpa)- Two crew members were killed when the helicopter came down.",
    ]);
    let claim = out
        .claims
        .first()
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(claim.side, None, "{claim:?}");
    let out = run(&[
        "Four people were killed when mortar fire hit a town on the second day of an offensive in north-eastern Syria.",
    ]);
    let claim = out
        .claims
        .first()
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(claim.side, None, "{claim:?}");
}

/// A town of a state the story names in no other way, in a story of another state's
/// soldiers and places, is a homonym: Solhan is also a town of Turkey.
#[test]
fn a_lone_town_of_a_state_the_story_never_names_is_a_homonym() {
    let story = [
        "According to reports, the gunmen returned to the village of Solhan, which was hit by an attack that left more than 100 people dead.",
        "The first group clashed with Burkinabè soldiers in the village of Baniaba, in the Sahel region, not far from Solhan.",
    ];
    let out = run_published(chrono::NaiveDate::from_ymd_opt(2021, 6, 6), &story);
    assert_ne!(
        side_of_figure(&out, (None, Some(100))),
        Some("turkey"),
        "{:?}",
        out.claims
    );
    // A town whose state the story names otherwise is that state's.
    let story = [
        "A Russian missile hit the town of Kupyansk, killing 50 people.",
        "Ukrainian officials said the victims had gathered for a wake.",
    ];
    let out = run_published(chrono::NaiveDate::from_ymd_opt(2023, 10, 6), &story);
    assert_eq!(side_of_figure(&out, (Some(50), None)), Some("ukraine"));
}
