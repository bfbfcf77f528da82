//! Whose account a figure or a statement is: reproduced statements, "according to",
//! trailing and closing attributions, reports and source lines.

use super::*;

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
    assert_none_speaks_for(
        &[
            "Geoffrey Pyne, analyst at stockbrokers Phillips and Drew, said he was impressed by the sensible U.S. response.",
        ],
        "us",
    );
}

/// "The clashes, which led to the death of a soldier, come after Azerbaijan said on Friday
/// that ...": a saying in a clause of time does not claim the figures before it.
#[test]
fn a_saying_in_a_clause_of_time_claims_only_its_own_words() {
    let out = run(&[
        "The fresh confrontations on Saturday, which also led to the death of an ethnic Armenian soldier, come after Azerbaijan said on Friday that eight troops had been killed.",
    ]);
    let soldier = out
        .claims
        .iter()
        .find(|c| c.count == Some(1))
        .expect("the soldier");
    assert_eq!(soldier.according_to.party, None, "{soldier:?}");
    let troops = out
        .claims
        .iter()
        .find(|c| c.count == Some(8))
        .expect("the troops");
    assert_eq!(troops.according_to.party.as_deref(), Some("azerbaijan"));
}

/// "This was stated by the head of the regional military administration": a passive of
/// saying names its speaker after "by".
#[test]
fn a_passive_of_saying_names_its_speaker() {
    let out = run(&[
        "On January 14, 41 people died in the Russian attack on Dnipro.",
        "This was stated by the head of the Dnipropetrovsk Regional Military Administration Valentyn Reznichenko.",
    ]);
    assert_eq!(party_in(&out, 2), Some("ukraine"), "{:?}", out.statements);
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

/// "in an attack claimed by al Shabaab": whoever claims an attack owns it; the figures
/// around it stay the outlet's.
#[test]
fn a_group_claiming_an_attack_gives_no_figure() {
    assert_figures(&[
        (
            "Ten people were killed on Sunday in Mogadishu after a suicide bomber targeted a group of recruits, in an attack claimed by Islamist militant group al Shabaab.",
            10,
            Status::Killed,
            Some("somalia"),
            None,
        ),
        (
            "The attack on the school in Bamako, claimed by the al-Qaeda-affiliated group JNIM, left two gendarmes wounded.",
            2,
            Status::Injured,
            Some("mali"),
            None,
        ),
    ]);
}

/// Nothing said is no statement: "did not say", "did not deny or confirm"; and an answer
/// in arms ("responded with a counter-offensive") is no answer in words. A speaker who does
/// not say one thing "but said" another still speaks.
#[test]
fn negated_and_armed_answers_are_not_statements() {
    for text in [
        "Getachew did not say when the reported strike occurred.",
        "An adviser in the RSF did not deny or confirm the killing on Wednesday.",
        "Azerbaijan responded with a counter-offensive along the entire front.",
    ] {
        let out = run(&[text]);
        assert!(out.statements.is_empty(), "{text}: {:?}", out.statements);
    }
    assert_party_speaks(&[
        (
            &[
                "Pakistan did not say if it was behind the blasts in Kabul but said it had the right to defend itself.",
            ],
            1,
            "pakistan",
        ),
        (
            &["Azerbaijan responded with a statement rejecting the claims."],
            1,
            "azerbaijan",
        ),
    ]);
}

/// A quotation attributed in its own paragraph to someone the reader cannot place ("the
/// 41-year-old told AFP") is not the earlier speaker's.
#[test]
fn a_quotation_attributed_in_its_paragraph_is_not_carried() {
    let out = run(&[
        "The Israeli army said the strike on Jabalia hit a Hamas commander.",
        "“I went and saw the destruction, homes buried under the rubble,” the 41-year-old told AFP.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.paragraph != 2 || s.party.is_none()),
        "{:?}",
        out.statements
    );
}

/// "This was reported by X" gives X the figures of the sentence before; "state media
/// reported" is the state of the story speaking.
#[test]
fn a_passive_report_pointing_back_and_state_media() {
    assert_story_figures(&[
        (
            &[
                "Strikes on the city of Zaporizhzhia resulted in the death of five people. This was reported by the head of the Zaporizhzhia Regional Military Administration, Ivan Fedorov.",
            ],
            (Some(5), None),
            Status::Killed,
            Some("ukraine"),
            Some("ukraine"),
        ),
        (
            &[
                "ERBIL - At least one Syrian army soldier was killed on Thursday in Israeli airstrikes on Damascus and Homs, state media reported, and seven others were wounded.",
            ],
            (Some(7), None),
            Status::Injured,
            Some("syria"),
            Some("syria"),
        ),
    ]);
}

/// A press release speaks in its author's name throughout: the heading names the author,
/// and its paragraphs, and the figures in them, are the author's.
#[test]
fn a_press_release_is_its_authors_throughout() {
    let out = run_doc(
        Some(
            "Comment By UN Human Rights Office Spokesperson Thameen Al-Kheetan On Killings In Haiti",
        ),
        chrono::NaiveDate::from_ymd_opt(2024, 10, 7),
        Some("Scoop"),
        &[
            "Press Release: UN High Commissioner for Human Rights",
            "Geneva, 4 October 2024",
            "We are horrified by Thursday's gang attacks in the town of Pont Sonde in Haiti, which killed at least 70 people.",
            "At least 16 people were seriously injured, including two gang members hit during an exchange of fire.",
        ],
    );
    let speaking: Vec<(usize, Option<&str>)> = out
        .statements
        .iter()
        .map(|s| (s.paragraph, s.party.as_deref()))
        .collect();
    assert_eq!(
        speaking,
        [(3, Some("un")), (4, Some("un"))],
        "{:?}",
        out.statements
    );
    let injured = out
        .claims
        .iter()
        .find(|c| c.count_min == Some(16))
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(injured.according_to.party.as_deref(), Some("un"));
}

/// "According to the same source": the speaker heard last.
#[test]
fn the_same_source_is_the_speaker_heard_last() {
    assert_figures(&[(
        "The Azerbaijani army killed five Russian soldiers on Wednesday, according to Azerbaijan's attorney general. According to the same source, a sixth Russian soldier was killed on the same day.",
        1,
        Status::Killed,
        Some("russia"),
        Some("azerbaijan"),
    )]);
}

/// "SITE quoted a JNIM statement as saying ...": the quoted party speaks, and the soldiers
/// its fighters killed are not its own; "it" after still stands for the relayer.
#[test]
fn a_party_quoted_by_a_relayer_speaks_for_itself() {
    let out = run(&[
        "JNIM has claimed responsibility for a June 11 attack in the Mansila area of Burkina Faso, the SITE Intelligence Group reported.",
        "SITE quoted a JNIM statement as saying that fighters \u{201c}stormed a military post in the town, where they killed 107 soldiers\u{201d}.",
    ]);
    let claim = out
        .claims
        .iter()
        .find(|c| c.count == Some(107))
        .unwrap_or_else(|| panic!("{:?}", out.claims));
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("jnim"),
        "{claim:?}"
    );
    assert_ne!(claim.side.as_deref(), Some("jnim"), "{claim:?}");
    let out = run(&[
        "Iran has deployed six large missiles near the Strait of Hormuz, the New York Times said.",
        "The paper quoted U.S. intelligence sources as saying the missiles were of a Chinese design.",
        "It said the missiles had been deployed at two sites.",
    ]);
    assert!(
        out.statements
            .iter()
            .all(|s| s.paragraph != 3 || s.party.is_none()),
        "{:?}",
        out.statements
    );
}

/// "The Ministry of Defence (MoD) of Nagorno-Karabakh has released a list with the names of
/// 44 killed military personnel": releasing a list of the dead gives the figure, a short
/// form in brackets stays in the ministry's name, and a ministry of that name is no one
/// state's until its words say whose.
#[test]
fn a_list_of_the_dead_released_by_a_ministry_named_with_its_short_form() {
    let text = "Today, the Ministry of Defence (MoD) of Nagorno-Karabakh has released a list with the names of 44 killed military personnel.";
    let cases: &[FigureCase<'_>] =
        &[(text, 44, Status::Killed, Some("karabakh"), Some("karabakh"))];
    assert_figures(cases);
    let out = run(&[text]);
    assert_eq!(
        out.claims.first().map(|c| c.according_to.speaker.as_str()),
        Some("Ministry of Defence (MoD) of Nagorno-Karabakh")
    );
}

/// ", per UN data." closing a sentence names whose figures they are; "per day" names no one.
#[test]
fn figures_per_a_source_closing_the_sentence() {
    let cases: &[FigureCase<'_>] = &[(
        "Violence in Haiti last year left 5,626 people dead and 2,213 injured, per UN data.",
        5626,
        Status::Killed,
        Some("haiti"),
        Some("un"),
    )];
    assert_figures(cases);
    let out = run(&["Five soldiers died per day in Haiti, officials said."]);
    assert!(
        out.claims
            .iter()
            .all(|c| c.according_to.party.as_deref() != Some("un")),
        "{:?}",
        out.claims
    );
}

/// "“Our losses are 49 people killed,” Pashinyan told parliament": the speaker's own side.
#[test]
fn our_losses_in_a_speakers_own_words() {
    let cases: &[FigureCase<'_>] = &[(
        "“Our losses are 49 people killed,” Armenian Prime Minister Nikol Pashinyan told parliament on Tuesday.",
        49,
        Status::Killed,
        Some("armenia"),
        Some("armenia"),
    )];
    assert_figures(cases);
}

/// "10 Azerbaijani civilians were killed ... 30 civilians were injured": the same kind of
/// people, in the same account and paragraph, are of the same side.
#[test]
fn the_same_kind_of_people_in_the_same_account() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "As of September 29, 10 Azerbaijani civilians were killed, the ministry said. 30 civilians were injured.",
        ],
        (Some(30), None),
        Status::Injured,
        Some("azerbaijan"),
        Some("azerbaijan"),
    )];
    assert_story_figures(cases);
}

/// "Israeli officials have previously estimated the death toll at 1,400", after Israel's
/// toll of the attack on Israel: the same toll, told again by the same party, in a story
/// that is otherwise set in Gaza.
#[test]
fn the_toll_told_again_by_the_same_party() {
    let cases: &[StoryCase<'_>] = &[(
        &[
            "An Israeli jet fighter flies near the Gaza Strip.",
            "JERUSALEM — Israel’s Foreign Ministry says the official death toll in Hamas’ Oct. 7 attack into Israel has been lowered to 1,200 people.",
            "Israeli officials have previously estimated the death toll at 1,400.",
        ],
        (Some(1400), None),
        Status::Killed,
        Some("israel"),
        Some("israel"),
    )];
    assert_story_figures(cases);
}

/// Two states' ministries, each named with its state after "of", give two accounts: the
/// second is not the first named again, and citizens a state counts are its own.
#[test]
fn a_ministry_named_with_its_state_after_of_is_its_own() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2022, 9, 18),
        &[
            "The Ministry of Health of Kyrgyzstan announced 46 dead and 140 wounded.",
            "The Ministry of Foreign Affairs of Tajikistan announced the death of 38 citizens, including two military personnel.",
        ],
    );
    assert_eq!(
        party_in(&out, 2),
        Some("tajikistan"),
        "{:?}",
        out.statements
    );
    assert_eq!(side_of_figure(&out, (Some(38), None)), Some("tajikistan"));
}
