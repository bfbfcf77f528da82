//! Whose rebels, separatists and militia: the armed group or de facto authority the story
//! has named, where it named one of that country, else the country's unnamed rebels.

use super::*;

/// "the rebel militia ... more than 80 rebels killed" after the Rapid Support Forces: the
/// rebels are the one group of that country the story names.
#[test]
fn unnamed_rebels_are_the_one_group_the_story_names() {
    let story = [
        "The Sudanese army said it had repelled an attack by the paramilitary Rapid Support Forces on El Fasher, in western Sudan.",
        "\"The rebels suffered losses, with more than 80 rebels killed and over 150 injured,\" the army said.",
    ];
    let out = run(&story);
    assert_eq!(side_of_figure(&out, (None, Some(80))), Some("rsf"));
    assert_eq!(side_of_figure(&out, (None, Some(150))), Some("rsf"));
}

/// "two of the separatist region's soldiers were wounded" after Nagorno-Karabakh's
/// military: the de facto authority's, not Azerbaijan's rebels.
#[test]
fn separatists_are_the_de_facto_authority_the_story_names() {
    let story = [
        "A spokesman for the Nagorno-Karabakh Defense Army said Azerbaijani forces attacked its positions in the Mardakert district of Azerbaijan.",
        "The spokesman said eight Azerbaijani soldiers were killed and two of the separatist region's soldiers were wounded.",
    ];
    let out = run_published(chrono::NaiveDate::from_ymd_opt(2008, 3, 4), &story);
    assert_eq!(side_of_figure(&out, (Some(2), None)), Some("karabakh"));
}

/// Two groups named, or a group that fights anywhere beside one of the country: the
/// rebels stay the country's unnamed rebels.
#[test]
fn rebels_of_a_story_of_two_groups_stay_unnamed() {
    let story = [
        "The attacks in Borno state bore the hallmarks of Boko Haram and the Islamic State West Africa Province.",
        "Nigeria's army said troops had repelled an attack on a base in Bama, killing 11 insurgents in Nigeria.",
    ];
    let out = run(&story);
    assert_eq!(
        side_of_figure(&out, (Some(11), None)),
        Some("nigeria-rebels")
    );
}

/// A body of its own name with a rebel word in it ("Madani Resistance Committee") is not
/// the group the story names.
#[test]
fn a_named_committee_is_not_the_storys_group() {
    assert_none_speaks_for(
        &[
            "Sudan's council accused the Rapid Support Forces of a massacre in Wad al Noora, in Sudan's Gezira state.",
            "Madani Resistance Committee, a local group, put the toll in Sudan at \"more than 104\".",
        ],
        "rsf",
    );
}

/// A state's report of fighters a third party killed: not its own men, and the name of
/// their party read through a short form and a stray accent.
#[test]
fn fighters_a_state_reports_are_no_soldiers_of_its_own() {
    let cases: &[FigureCase<'_>] = &[
        (
            "“A senior official from the Kurdistan Workers´ Party and three fighters were killed when a Turkish army drone targeted their vehicle,” Iraq's counter-terrorism service said.",
            3,
            Status::Killed,
            Some("kurds"),
            Some("iraq"),
        ),
        (
            "A Turkish drone strike killed four suspected Kurdistan Workers Party (PKK) militants in Sulaimaniya, Iraq's counterterrorism service said.",
            4,
            Status::Killed,
            Some("kurds"),
            Some("iraq"),
        ),
        // Whose fighters the sentence does not say.
        (
            "Iraq's counter-terrorism service said three fighters were killed when a Turkish drone targeted their vehicle in northern Iraq.",
            3,
            Status::Killed,
            None,
            Some("iraq"),
        ),
    ];
    assert_figures(cases);
}

/// The party of the killers, or of the source, is not the soldiers' side.
#[test]
fn the_attackers_or_the_source_name_no_side_of_the_dead() {
    let cases: &[FigureCase<'_>] = &[
        (
            "According to AFP, terrorists belonging to the Islamic State group killed six soldiers during a raid on a military base.",
            6,
            Status::Killed,
            None,
            None,
        ),
        (
            "According to ISWAP in a post seen by SaharaReporters, 30 soldiers were killed during the attack on the military facilities.",
            30,
            Status::Killed,
            None,
            Some("isis"),
        ),
    ];
    assert_figures(cases);
}

/// Soldiers an armed group counts dead, in any voice, are the soldiers of the state
/// where the story happens.
#[test]
fn soldiers_in_an_armed_groups_account_are_the_states() {
    let story = [
        "Insurgents attacked a military base in Malam Fatori in Borno State, Nigeria.",
        "According to ISWAP, over 30 soldiers were killed during the attack on the base.",
    ];
    let out = run(&story);
    assert_eq!(side_of_figure(&out, (None, Some(30))), Some("nigeria"));
}

/// The SPLA was southern Sudan's rebel army until the south's independence, and South
/// Sudan's own army after it: its spokesman speaks for the party of the story's day.
#[test]
fn an_army_that_was_a_rebel_army_speaks_for_the_party_of_its_day() {
    let text = "Philip Aguer, a spokesman for the Sudan People's Liberation Army (SPLA), said the town was shelled.";
    let party_on = |y: i32| {
        run_published(chrono::NaiveDate::from_ymd_opt(y, 1, 10), &[text])
            .statements
            .first()
            .and_then(|s| s.party.clone())
    };
    assert_eq!(party_on(2014).as_deref(), Some("south-sudan"));
    assert_eq!(party_on(1987).as_deref(), Some("spla"));
}

/// "83 rebels were killed in Nassir and 52 in Ayod": the second figure is more of the
/// same fighters, not people of the place it names.
#[test]
fn a_gapped_figure_of_fighters_is_more_of_them() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2014, 1, 10),
        &[
            "A spokesman for the army said 83 rebels were killed in clashes in Nassir, in Upper Nile state, and 52 in Ayod in Jonglei state.",
        ],
    );
    assert_eq!(
        side_of_figure(&out, (Some(83), None)),
        side_of_figure(&out, (Some(52), None)),
        "{:?}",
        out.claims
    );
    assert_eq!(
        side_of_figure(&out, (Some(52), None)),
        Some("south-sudan-rebels")
    );
}

/// "Philip Aguer, a spokesman for the Sudan People's Liberation Army": a person titled in
/// a party's institution is learned as that party's; an opposition under arms is the
/// country's rebels.
#[test]
fn a_spokesman_of_an_army_and_of_an_armed_opposition() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2014, 5, 9),
        &[
            "Philip Aguer, a spokesman for the Sudan People's Liberation Army (SPLA) said 83 rebels were killed in clashes in Nassir, in South Sudan.",
            "Aguer said the army was ready to defend the town.",
            "In Juba, opposition military spokesman Lul Ruai Koang said government forces attacked their positions.",
        ],
    );
    assert_eq!(party_in(&out, 2), Some("south-sudan"));
    assert_eq!(party_in(&out, 3), Some("south-sudan-rebels"));
}

/// Soldiers killed in a fight with an armed group are the state's where it fights; a
/// body's name ("the Joint Task Force Sulu") makes no surname of the place after it; and
/// suspected militants are not people of the place they were hit in.
#[test]
fn soldiers_in_a_fight_with_a_group_and_suspected_militants() {
    let out = run_published(
        chrono::NaiveDate::from_ymd_opt(2016, 8, 30),
        &[
            "Fifteen soldiers were killed in a fierce firefight with more than 120 heavily armed Abu Sayyaf members in Patikul, Sulu late Monday afternoon.",
            "The military clashed with the group in Patikul town, the commander of the Joint Task Force Sulu said.",
            "Police reported that four suspected Maute members were killed in an ambush in Sulu on Saturday night.",
        ],
    );
    assert_eq!(side_of_figure(&out, (Some(15), None)), Some("philippines"));
    assert_ne!(side_of_figure(&out, (Some(4), None)), Some("philippines"));
}
