//! Who gives the words: a post reproduced with its signature, a name that opens a
//! sentence, and an appeal made while the fighting went on.

use super::*;

/// "... — Peter Kovacs (@pkovacs) January 8, 2022": a signed post is its author's words.
#[test]
fn a_signed_post_is_its_authors() {
    assert_party_speaks(&[(
        &[
            "Hungarian Foreign Minister Peter Kovacs said on Twitter that the camp had been hit.",
            "Another attack on the camp has killed 12 civilians so far. A tragedy! — Peter Kovacs (@pkovacs) January 8, 2022",
        ],
        2,
        "hungary",
    )]);
    // A signature alone on its line adds no statement of its own.
    let out = run(&[
        "Peacekeepers evacuated the wounded, the ministry wrote.",
        "– MFA Russia (@mfa_russia) September 21, 2023",
    ]);
    assert!(
        out.statements.iter().all(|s| s.paragraph != 2),
        "{:?}",
        out.statements
    );
}

/// A city's name after a first name that opens the sentence is a surname, not the place
/// the speaker is of.
#[test]
fn a_citys_name_after_a_first_name_opening_a_sentence_is_a_surname() {
    assert_none_speaks_for(
        &["Abdifatah Aden, a police spokesman, said two people were killed."],
        "yemen",
    );
}

/// "left 30 soldiers dead as Russia urged a ceasefire": an appeal made meanwhile does not
/// give the figure.
#[test]
fn an_appeal_made_meanwhile_gives_no_figure() {
    let out = run(&[
        "Fierce clashes left 30 soldiers dead on Saturday as Russia urged an immediate ceasefire.",
    ]);
    let claim = out.claims.first().expect("the 30 killed");
    assert_eq!(claim.count, Some(30));
    assert_eq!(claim.according_to.party, None, "{claim:?}");
}

/// Speakers the statements had missed: "hinted", two states that "have both expressed"
/// concern, "In the words of X", and an office that opens the sentence before the name.
#[test]
fn hints_joint_concern_words_of_and_an_office_before_the_name() {
    assert_party_speaks(&[
        (
            &[
                "Armenian Prime Minister Nikol Pashinyan hinted on Sept. 24 that his country can no longer rely on its allies.",
            ],
            1,
            "armenia",
        ),
        (
            &["Russia and the US have both expressed concern over the violence."],
            1,
            "russia",
        ),
        (
            &["Russia and the US have both expressed concern over the violence."],
            1,
            "us",
        ),
        (
            &[
                "In the words of the Ombudsman of Colombia, \"What the ELN has committed are war crimes.\"",
            ],
            1,
            "colombia",
        ),
        (
            &[
                "Chairman of the Dnipropetrovsk regional council, Mykola Lukashuk stated on Telegram that 21 were dead.",
            ],
            1,
            "ukraine",
        ),
    ]);
}

/// "The European Union, France, the United Nations, and the United States have called":
/// each party of the list speaks; "reminded" and "reaffirmed" are verbs of saying; and a
/// plural "report" closing the sentence attributes it.
#[test]
fn a_list_of_speakers_and_verbs_of_reminding_and_reporting() {
    let list = [
        "The European Union, France, the United Nations, and the United States have called on both sides to de-escalate tensions.",
    ];
    for party in ["eu", "france", "un", "us"] {
        assert_party_speaks(&[(&list, 1, party)]);
    }
    assert_party_speaks(&[
        (
            &[
                "Kherson governor Oleksandr Prokudin said three were hurt.",
                "Prokudin reminded that Russians had attacked the house.",
            ],
            2,
            "ukraine",
        ),
        (
            &[
                "Governor Dauda Lawal of Nigeria's Zamfara State has reaffirmed his stance against negotiating with bandits.",
            ],
            1,
            "nigeria",
        ),
        (
            &["The troops shelled a bus in Vardenis, Armenian officials report."],
            1,
            "armenia",
        ),
    ]);
    // Not a noun after its owner: "responding to the Houthis' report."
    assert_none_speaks_for(
        &["The embassy published a statement, responding to the Houthis' report."],
        "houthis",
    );
}

/// "have not yet commented" says nothing, and in "denied Azeri claims that" the claims are
/// a noun; "the ministry reports that" still speaks.
#[test]
fn nothing_said_yet_and_claims_as_a_noun() {
    assert_none_speaks_for(
        &["The Ukrainian authorities have not yet commented."],
        "ukraine",
    );
    assert_none_speaks_for(
        &[
            "The Armenian defense ministry denied Azeri claims that its forces had shelled the town.",
        ],
        "azerbaijan",
    );
    assert_party_speaks(&[(
        &["The Armenian defense ministry reports that the situation is stable."],
        1,
        "armenia",
    )]);
}

/// What a speaker apologises for or condemns is not a figure it gives; what it says while
/// condemning is.
#[test]
fn a_figure_apologised_for_is_not_the_apologisers() {
    let out = run(&[
        "Azerbaijan has apologized for accidentally shooting down a Russian helicopter, which killed two Russian servicemen.",
    ]);
    let claim = out.claims.first().expect("the two killed");
    assert_eq!(claim.count, Some(2));
    assert_eq!(claim.according_to.party, None, "{claim:?}");
    let out = run(&[
        "Iraq condemned the US strikes, saying they had killed one member of the security forces.",
    ]);
    let claim = out.claims.first().expect("the one killed");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("iraq"),
        "{claim:?}"
    );
}

/// "the toll released by the Syrian health ministry was 32": the agent after "by" ends at
/// the main verb.
#[test]
fn the_agent_of_a_released_toll_ends_at_the_verb() {
    let out = run(&["The death toll released by the Syrian health ministry was 32 people."]);
    let claim = out.claims.first().expect("the 32 killed");
    assert_eq!(claim.according_to.speaker, "Syrian health ministry");
    assert_eq!(claim.according_to.party.as_deref(), Some("syria"));
}

/// "A high-ranking Burundian military officer told AFP about 30 soldiers were killed": a
/// compound adjective is no participle, so the officer speaks, and the soldiers an army's
/// officer reports lost are his army's.
#[test]
fn a_high_ranking_officer_speaks_for_his_army() {
    let out =
        run(&["A high-ranking Burundian military officer told AFP about 30 soldiers were killed."]);
    let claim = out.claims.first().expect("the 30 killed");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("burundi"),
        "{claim:?}"
    );
    assert_eq!(claim.side.as_deref(), Some("burundi"));
}

/// A voice of no named state, on Indian firing across the Line of Control, speaks for the
/// side it hit: Azad Jammu and Kashmir is Pakistan's, not the Indian territory whose name
/// it holds.
#[test]
fn azad_jammu_and_kashmir_is_pakistans() {
    for text in [
        "Two civilians were killed in the Neelum valley after Indian troops resorted to \"unprovoked\" firing, the military's media wing said.",
        "A teenager was among two civilians killed in Azad Jammu and Kashmir after Indian border troops resorted to firing, the police said.",
    ] {
        assert_party_speaks(&[(&[text], 1, "pakistan")]);
    }
}

/// "The army spokesman said that Israeli forces “are currently attacking” targets in
/// Lebanon": an army speaks for the state whose attack its sentence names, in the
/// progressive too.
#[test]
fn an_army_speaks_for_the_forces_attacking_in_the_progressive() {
    assert_party_speaks(&[(
        &[
            "The army spokesman said that Israeli forces “are currently attacking Hezbollah targets in southern Lebanon.”",
        ],
        1,
        "israel",
    )]);
}

/// "The UN report seen by Reuters on Friday said": the document speaks, not the outlet that
/// saw it.
#[test]
fn a_document_seen_by_an_outlet_speaks() {
    assert_party_speaks(&[(
        &[
            "The UN report seen by Reuters on Friday said 15,000 people were killed last year in El Geneina.",
        ],
        1,
        "un",
    )]);
}

/// "Azerbaijani authorities haven't disclosed their losses, but say the fighting has
/// killed 90 civilians": the subject of the clause a verb of saying is coordinated with
/// speaks, its own verb cut off; a people's word alone is no subject.
#[test]
fn the_subject_of_a_coordinated_clause_speaks() {
    let out = run(&[
        "Azerbaijani authorities kept quiet on their losses but said the fighting had killed 90 civilians.",
    ]);
    let claim = out.claims.first().expect("the 90 killed");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("azerbaijan"),
        "{claim:?}"
    );
    assert_none_speaks_for(
        &[
            "The Iranian push that captured the territory and reported in the press was not a major offensive, a U.S. spokesman said.",
        ],
        "iran",
    );
}

#[test]
fn a_name_with_its_short_form_and_a_description_speaks() {
    assert_party_speaks(&[(
        &["The Arakan Army (AA), an armed group, said 200 soldiers were killed."],
        1,
        "arakan-army",
    )]);
}

#[test]
fn a_participle_of_saying_gives_the_words_of_its_clauses_subject() {
    let cases: &[FigureCase<'_>] = &[(
        "Hamas fired rockets at the base, saying they killed 12 soldiers.",
        12,
        Status::Killed,
        None,
        Some("hamas"),
    )];
    assert_figures(cases);
    // Not the subject of a passive: others accuse it.
    assert_none_speaks_for(
        &["Fano fighters are accused of arresting 80 individuals, claiming they were informants."],
        "fano",
    );
}

#[test]
fn a_shared_office_and_an_office_after_a_name_say_whose() {
    assert_party_speaks(&[
        (
            &["Fighting has killed 30 members of the PKK, the PKK co-leader claimed on Friday."],
            1,
            "kurds",
        ),
        (
            &["“We have 30 martyrs,” said Murat Karayilan, PKK co-leader and top commander."],
            1,
            "kurds",
        ),
    ]);
    // A body of no party owns the office after the name: it does not take the story's
    // state.
    assert_none_speaks_for(
        &[
            "Sudan paramilitaries shelled a hospital in El Fasher.",
            "\"We are receiving patients every hour,\" said Michel-Olivier Lacharite, MSF's head of emergency operations.",
        ],
        "sudan",
    );
}

#[test]
fn state_owned_television_speaks_for_the_state_its_sentence_names() {
    let cases: &[FigureCase<'_>] = &[(
        "Eritrean officials could not be reached for comment, but state-owned television said that Eritreans had killed 2,300 Ethiopians.",
        2_300,
        Status::Killed,
        Some("ethiopia"),
        Some("eritrea"),
    )];
    assert_figures(cases);
}

#[test]
fn an_article_alone_is_no_speaker() {
    let cases: &[FigureCase<'_>] = &[(
        "The officially registered number of Georgian soldiers killed in the conflict is 156, Givi Targamadze, a senior lawmaker from the ruling party, said.",
        156,
        Status::Killed,
        Some("georgia"),
        Some("georgia"),
    )];
    assert_figures(cases);
    let out = run(&[cases[0].0]);
    assert!(
        out.statements.iter().all(|s| !s.speaker.trim().is_empty()),
        "{:?}",
        out.statements
    );
}

/// "Deputy Prime Minister of Armenia Tigran Avinyan": an office of a party named after
/// "of" teaches the name, so "Avinyan reported" later speaks for Armenia.
#[test]
fn an_office_of_a_party_before_a_name_teaches_it() {
    for opening in [
        "Deputy Prime Minister of Armenia Tigran Avinyan named the number of killed and wounded soldiers.",
        "Deputy Prime Minister of the Republic of Armenia Tigran Avinyan named the number of killed and wounded soldiers.",
    ] {
        let out = run(&[
            opening,
            "In addition, Avinyan reported that 90 drones had been shot down.",
        ]);
        assert_eq!(party_in(&out, 2), Some("armenia"), "{:?}", out.statements);
    }
}

/// "the lead Russian negotiator in the contact group on intra-Libyan settlement told
/// Sputnik": what a body is about, after "on", is part of the speaker's phrase.
#[test]
fn what_a_body_is_about_stays_in_its_speakers_phrase() {
    assert_party_speaks(&[(
        &[
            "Troops have reclaimed Sirte, the lead Russian negotiator in the contact group on intra-Libyan settlement told Sputnik on Monday.",
        ],
        1,
        "russia",
    )]);
}

/// "according to army figures": a count an institution keeps is its account, of the state
/// its context names, as "official figures" are.
#[test]
fn figures_an_institution_keeps_are_its_account() {
    let out = run(&["In Israel, 22 soldiers have been killed, according to army figures."]);
    let claim = out.claims.first().expect("22 killed");
    assert_eq!(
        claim.according_to.party.as_deref(),
        Some("israel"),
        "{claim:?}"
    );
}

/// A person named in full for the first time, with nothing said of who they are, right
/// after an office spoke unnamed, is that office's holder; not a person an apposition
/// describes, nor an outlet.
#[test]
fn a_name_right_after_an_unnamed_office_is_its_holder() {
    let office =
        "The Lebanese Minister of Health revealed on Saturday that the death toll had risen to 31.";
    let party_of_second = |second: &str| party_in(&run(&[office, second]), 2).map(str::to_string);
    assert_eq!(
        party_of_second("Firas al-Abyad told reporters that 68 people were also wounded."),
        Some("lebanon".to_string())
    );
    assert_eq!(
        party_of_second(
            "At least six missiles hit the city, says Yusif Rzaev, a resident of Beirut."
        ),
        None
    );
    assert_eq!(
        party_of_second("Al Jazeera reported that 68 people were also wounded."),
        None
    );
}
