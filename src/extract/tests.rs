//! Unit tests of the whole extractor on small texts.

use super::*;

/// `BRIEFBOT_TEXT="..." cargo test -q --lib extract::tests::show_mentions -- --ignored --nocapture`
/// prints the mentions the entity stage finds in a text, for rule writing.
#[test]
#[ignore]
fn show_mentions() {
    let text = std::env::var("BRIEFBOT_TEXT").unwrap_or_default();
    let g = Gazetteer::builtin();
    let names = LearnedNames::default();
    let cx = context::Context::new(&g, &names);
    let t = tokens::tokenize(&text);
    let m = entities::Mentions::find(&t.toks, &g, &cx, None);
    for x in &m.list {
        let words: Vec<&str> = t.toks[x.span.clone()].iter().map(|t| t.text).collect();
        let ids: Vec<&str> = x
            .parties
            .iter()
            .filter_map(|p| g.party(*p))
            .map(|p| p.id.as_str())
            .collect();
        eprintln!("{:?} {:?} {:?} stance={}", words, ids, x.kind, x.stance);
    }
}

fn run(paragraphs: &[&str]) -> Extraction {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
    let doc = DocText {
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2023, 3, 6),
        outlet: None,
        paragraphs: &paragraphs,
    };
    extract(&doc, &Gazetteer::builtin())
}

#[test]
fn events_are_dated_by_their_own_clause_not_by_the_saying() {
    let out = run(&[
        "The Russian Foreign Ministry expressed concern about Sunday’s shooting and urged restraint.",
        "Russia said Monday its peacekeepers halted a weekend clash.",
        "“On March 5, an attempt was made to stop the vehicle. As a result, two servicemen were killed,” a statement by the Azerbaijani Defense Ministry said late Monday.",
    ]);
    let dates: Vec<(usize, String)> = out
        .events
        .iter()
        .map(|e| (e.paragraph, e.date.to_string()))
        .collect();
    assert_eq!(
        dates,
        vec![(1, "2023-03-05".into()), (3, "2023-03-05".into())]
    );
    assert!(
        out.claims
            .iter()
            .all(|c| c.date == chrono::NaiveDate::from_ymd_opt(2023, 3, 5))
    );
}

/// `BRIEFBOT_TEXT="..." cargo test -q --lib extract::tests::show_extraction -- --ignored --nocapture`
/// prints what the extractor reads in a text (paragraphs split on blank lines).
#[test]
#[ignore]
fn show_extraction() {
    let text = std::env::var("BRIEFBOT_TEXT").unwrap_or_default();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let out = run(&paragraphs);
    for s in &out.statements {
        eprintln!(
            "¶{} statement {} [{:?}] {} :: {:?}",
            s.paragraph, s.speaker, s.party, s.verb, s.evidence
        );
    }
    for c in &out.claims {
        eprintln!(
            "¶{} claim {:?}/{:?}/{:?} {} {:?} side={:?} ({:?}) by={} [{:?}]",
            c.paragraph,
            c.count,
            c.count_min,
            c.count_max,
            c.who,
            c.status,
            c.side,
            c.side_evidence,
            c.according_to.speaker,
            c.according_to.party
        );
    }
}

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

/// Each case: (paragraphs, paragraph, party) — that party speaks in that paragraph.
fn assert_party_speaks(cases: &[(&[&str], usize, &str)]) {
    for (paragraphs, paragraph, party) in cases {
        let out = run(paragraphs);
        assert!(
            out.statements
                .iter()
                .any(|s| s.paragraph == *paragraph && s.party.as_deref() == Some(*party)),
            "no {party} statement in paragraph {paragraph} of {paragraphs:?}: {:?}",
            out.statements
        );
    }
}

/// (text, figure, status, side, claimant's party).
type FigureCase<'a> = (&'a str, u64, Status, Option<&'a str>, Option<&'a str>);

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
        // A company is no party, whatever country its name holds.
        (
            "Three workers were killed in fighting at a zinc refinery in Johannesburg, Gold Fields of South Africa Ltd said.",
            3,
            Status::Killed,
            Some("south-africa"),
            None,
        ),
    ];
    for (text, figure, status, side, by) in cases {
        let out = run(&[text]);
        let claim = out
            .claims
            .iter()
            .find(|c| c.count == Some(*figure) && c.status == *status)
            .unwrap_or_else(|| panic!("no {figure} {status:?} in {text:?}: {:?}", out.claims));
        assert_eq!(claim.side.as_deref(), *side, "side in {text:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            *by,
            "claimant in {text:?}"
        );
    }
    // Wounded soldiers with no number give no figure.
    let out = run(&["Wounded soldiers were evacuated."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

#[test]
fn an_office_with_no_state_named_takes_the_one_state_of_the_headline() {
    let read = |title: &str, text: &str| {
        let paragraphs = vec![text.to_string()];
        let doc = DocText {
            title: Some(title),
            published: chrono::NaiveDate::from_ymd_opt(1987, 4, 17),
            outlet: None,
            paragraphs: &paragraphs,
        };
        extract(&doc, &Gazetteer::builtin())
    };
    let text = "Interior Minister Antonio Troccoli said the government would seek approval.";
    let out = read("Argentine Government To Seek State Of Siege", text);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("argentina")
    );
    // A headline naming two states says nothing of whose minister it is.
    let out = read("Argentina And Chile Sign Treaty", text);
    assert_eq!(
        out.statements.first().map(|s| s.party.as_deref()),
        Some(None)
    );
    // Nor is it enough for a diplomat, who may be anyone's.
    let out = read(
        "Argentine Government To Seek State Of Siege",
        "One diplomat said the move was expected.",
    );
    assert!(
        out.statements.iter().all(|s| s.party.is_none()),
        "{:?}",
        out.statements
    );
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

/// (paragraphs, figure as (count, count_min), status, side, claimant's party): figures read
/// in one paragraph of a story of several.
type StoryCase<'a> = (
    &'a [&'a str],
    (Option<u64>, Option<u64>),
    Status,
    Option<&'a str>,
    Option<&'a str>,
);

fn assert_story_figures(cases: &[StoryCase<'_>]) {
    for (paragraphs, (count, min), status, side, by) in cases {
        let out = run(paragraphs);
        // The figure of the last paragraph that gives it.
        let claim = out
            .claims
            .iter()
            .rev()
            .find(|c| c.count == *count && c.count_min == *min && c.status == *status)
            .unwrap_or_else(|| {
                panic!(
                    "no {count:?}/{min:?} {status:?} in {paragraphs:?}: {:?}",
                    out.claims
                )
            });
        assert_eq!(claim.side.as_deref(), *side, "side in {paragraphs:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            *by,
            "claimant in {paragraphs:?}"
        );
    }
}

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
    ];
    assert_story_figures(cases);
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
    let out = run(&[
        "Defense officials told Reuters a final decision had been suspended.",
        "The move would open the competition to firms including Martin Marietta Corp.",
    ]);
    assert!(
        out.statements.iter().all(|s| s.party.is_none()),
        "{:?}",
        out.statements
    );
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
    // "Norte de Santander" is no Guinea-Bissau region and no Spanish city.
    assert!(
        places("The governor of Norte de Santander spoke.").is_empty(),
        "{:?}",
        places("The governor of Norte de Santander spoke.")
    );
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
            "palestine",
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
    let out = run(&[
        "Iran warned the United States that any interference would meet a strong response, Tehran Radio said.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("us")),
        "{:?}",
        out.statements
    );
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
    let out = run(&[
        "It wounded three US military personnel, said US National Security Council spokesperson Adrienne Watson.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("un")),
        "{:?}",
        out.statements
    );
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
